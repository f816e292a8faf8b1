// LEB128 encoding and decoding, minimal and padded. Relocatable objects pad
// relocated fields to 5 (32-bit) or 10 (64-bit) bytes so a linker can patch
// them in place; final modules use the minimal form.
#pragma once
#include <cstdint>
#include <cstddef>
#include <vector>

namespace toyc::wasm {

inline unsigned ulebSize(uint64_t v) {
  unsigned n = 1;
  while (v >= 0x80) { v >>= 7; ++n; }
  return n;
}

inline unsigned slebSize(int64_t v) {
  unsigned n = 1;
  for (;;) {
    uint8_t b = v & 0x7f;
    v >>= 7;
    if ((v == 0 && !(b & 0x40)) || (v == -1 && (b & 0x40))) return n;
    ++n;
  }
}

// Writes v at p; returns the number of bytes written.
inline unsigned writeUleb(uint8_t* p, uint64_t v) {
  unsigned n = 0;
  do {
    uint8_t b = v & 0x7f;
    v >>= 7;
    if (v) b |= 0x80;
    p[n++] = b;
  } while (v);
  return n;
}

inline unsigned writeSleb(uint8_t* p, int64_t v) {
  unsigned n = 0;
  for (;;) {
    uint8_t b = v & 0x7f;
    v >>= 7;
    bool done = (v == 0 && !(b & 0x40)) || (v == -1 && (b & 0x40));
    if (!done) b |= 0x80;
    p[n++] = b;
    if (done) return n;
  }
}

// Padded forms: exactly `width` bytes (5 or 10).
inline void writeUlebPadded(uint8_t* p, uint64_t v, unsigned width) {
  for (unsigned i = 0; i < width; ++i) {
    uint8_t b = v & 0x7f;
    v >>= 7;
    if (i + 1 < width) b |= 0x80;
    p[i] = b;
  }
}

inline void writeSlebPadded(uint8_t* p, int64_t v, unsigned width) {
  for (unsigned i = 0; i < width; ++i) {
    uint8_t b = v & 0x7f;
    v >>= 7;
    if (i + 1 < width) b |= 0x80;
    p[i] = b;
  }
}

inline void appendUleb(std::vector<uint8_t>& out, uint64_t v) {
  uint8_t buf[10];
  unsigned n = writeUleb(buf, v);
  out.insert(out.end(), buf, buf + n);
}

inline void appendSleb(std::vector<uint8_t>& out, int64_t v) {
  uint8_t buf[10];
  unsigned n = writeSleb(buf, v);
  out.insert(out.end(), buf, buf + n);
}

// Decoders: return false when the encoding runs past `end`, is longer than
// the type allows, or has unused bits set in its last byte (as the spec
// requires for u32/s32/u64/s64).
inline bool readUleb(const uint8_t*& p, const uint8_t* end, uint64_t& out, unsigned bits) {
  uint64_t v = 0;
  unsigned shift = 0;
  const unsigned maxBytes = (bits + 6) / 7;
  for (unsigned i = 0; i < maxBytes; ++i) {
    if (p == end) return false;
    uint8_t b = *p++;
    if (i == maxBytes - 1) {
      unsigned used = bits - shift;  // bits this byte may carry
      if (b & 0x80) return false;
      if (used < 7 && (b >> used)) return false;
    }
    v |= uint64_t(b & 0x7f) << shift;
    shift += 7;
    if (!(b & 0x80)) {
      out = v;
      return true;
    }
  }
  return false;
}

inline bool readSleb(const uint8_t*& p, const uint8_t* end, int64_t& out, unsigned bits) {
  uint64_t v = 0;
  unsigned shift = 0;
  const unsigned maxBytes = (bits + 6) / 7;
  for (unsigned i = 0; i < maxBytes; ++i) {
    if (p == end) return false;
    uint8_t b = *p++;
    if (i == maxBytes - 1) {
      if (b & 0x80) return false;
      unsigned used = bits - shift;
      if (used < 7) {
        // The unused high bits must all equal the sign bit.
        int8_t sb = int8_t(b << 1) >> 1;  // sign-extend 7 bits
        int64_t hi = int64_t(sb) >> (used - 1);
        if (hi != 0 && hi != -1) return false;
      }
    }
    v |= uint64_t(b & 0x7f) << shift;
    shift += 7;
    if (!(b & 0x80)) {
      if (shift < 64 && (b & 0x40)) v |= ~uint64_t(0) << shift;
      out = int64_t(v);
      return true;
    }
  }
  return false;
}

}  // namespace toyc::wasm
