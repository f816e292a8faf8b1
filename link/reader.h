// A bounds-checked reader over a byte span. Errors are sticky: the first
// failure records its message and absolute file offset, later reads return
// zero and consume nothing, and the caller checks ok() at loop heads and at
// the end. Counts are checked against the bytes left, so a corrupted count
// can never drive a long loop.
#pragma once
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include "link/leb128.h"
#include "utils/diag.h"

namespace toyc::wasm {

bool isValidUtf8(std::string_view s);

class Reader {
public:
  Reader() = default;
  // `base` is the file offset of data[0]; `file` names the input for errors.
  Reader(std::span<const uint8_t> data, uint64_t base, const std::string* file)
      : begin_(data.data()), p_(data.data()), end_(data.data() + data.size()), base_(base), file_(file) {}

  bool ok() const { return !failed_; }
  bool atEnd() const { return p_ == end_; }
  size_t pos() const { return size_t(p_ - begin_); }
  size_t remaining() const { return size_t(end_ - p_); }
  uint64_t fileOffset() const { return base_ + pos(); }
  const uint8_t* ptr() const { return p_; }
  const uint8_t* begin() const { return begin_; }

  // Records an error at the current position (or at `at`, a pointer inside
  // this reader's span) unless one is already recorded.
  void fail(std::string msg) { failAt(p_, std::move(msg)); }
  void failAt(const uint8_t* at, std::string msg);
  // Adopts an error found by a sub-reader.
  void failFrom(const Reader& sub);
  const Error& error() const { return err_; }

  uint8_t u8() {
    if (!need(1, "unexpected end of input")) return 0;
    return *p_++;
  }
  uint32_t u32le() {
    if (!need(4, "unexpected end of input")) return 0;
    uint32_t v;
    std::memcpy(&v, p_, 4);
    p_ += 4;
    return v;
  }
  uint64_t u64le() {
    if (!need(8, "unexpected end of input")) return 0;
    uint64_t v;
    std::memcpy(&v, p_, 8);
    p_ += 8;
    return v;
  }
  uint32_t uleb32() { return uint32_t(uleb(32)); }
  uint64_t uleb64() { return uleb(64); }
  int32_t sleb32() { return int32_t(sleb(32)); }
  int64_t sleb64() { return sleb(64); }
  uint64_t uleb(unsigned bits) {
    if (failed_) return 0;
    const uint8_t* start = p_;
    uint64_t v;
    if (!readUleb(p_, end_, v, bits)) {
      p_ = start;
      fail(p_ == end_ ? "unexpected end of input" : "malformed LEB128 integer");
      return 0;
    }
    return v;
  }
  int64_t sleb(unsigned bits) {
    if (failed_) return 0;
    const uint8_t* start = p_;
    int64_t v;
    if (!readSleb(p_, end_, v, bits)) {
      p_ = start;
      fail(p_ == end_ ? "unexpected end of input" : "malformed LEB128 integer");
      return 0;
    }
    return v;
  }
  std::span<const uint8_t> bytes(size_t n) {
    if (!need(n, "unexpected end of input")) return {};
    std::span<const uint8_t> s(p_, n);
    p_ += n;
    return s;
  }
  void skip(size_t n) { bytes(n); }
  // A length-prefixed UTF-8 name.
  std::string_view name();
  // A vector count whose elements take at least `minSize` bytes each.
  uint32_t count(size_t minSize = 1) {
    const uint8_t* at = p_;
    uint32_t n = uleb32();
    if (failed_) return 0;
    if (minSize && uint64_t(n) * minSize > remaining()) {
      failAt(at, "count " + std::to_string(n) + " exceeds the remaining " + std::to_string(remaining()) + " bytes");
      return 0;
    }
    return n;
  }
  // A sub-reader over the next n bytes (which this reader skips).
  Reader sub(size_t n) {
    Reader r;
    if (!need(n, "size exceeds the enclosing section")) return r;
    r = Reader(std::span<const uint8_t>(p_, n), fileOffset(), file_);
    p_ += n;
    return r;
  }

private:
  bool need(size_t n, const char* msg) {
    if (failed_) return false;
    if (size_t(end_ - p_) < n) {
      fail(msg);
      return false;
    }
    return true;
  }
  const uint8_t* begin_ = nullptr;
  const uint8_t* p_ = nullptr;
  const uint8_t* end_ = nullptr;
  uint64_t base_ = 0;
  const std::string* file_ = nullptr;
  bool failed_ = false;
  Error err_;
};

}  // namespace toyc::wasm
