// Appending wasm encodings to a byte vector: the one helper both writers
// (modules and relocatable objects) build their sections with.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>
#include "link/leb128.h"
#include "link/unit.h"

namespace toyc::link {

struct ByteWriter {
  std::vector<uint8_t> b;
  void u8(uint8_t x) { b.push_back(x); }
  void uleb(uint64_t v) { wasm::appendUleb(b, v); }
  void sleb(int64_t v) { wasm::appendSleb(b, v); }
  void bytes(const uint8_t* p, size_t n) { b.insert(b.end(), p, p + n); }
  void bytes(Bytes s) { bytes(s.data(), s.size()); }
  void name(std::string_view s) {
    uleb(s.size());
    bytes(reinterpret_cast<const uint8_t*>(s.data()), s.size());
  }
  // Limits with their flags as given (memory64 limits are 64-bit LEBs).
  void limits(const Limits& l) {
    u8(l.flags);
    uleb(l.flags & wasm::kLimits64 ? l.min : uint32_t(l.min));
    if (l.hasMax()) uleb(l.flags & wasm::kLimits64 ? l.max : uint32_t(l.max));
  }
};

}  // namespace toyc::link
