// Names are interned once: every symbol, import module, section and file name
// becomes a StrId, and the linker compares and hashes StrIds, never strings.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>
#include <deque>
#include <string>
#include "utils/index.h"

namespace toyc {

struct StrTag;
using StrId = Idx<StrTag>;

class Interner {
public:
  Interner();
  // Returns the id of s, adding it if new. The bytes are copied into an arena.
  StrId intern(std::string_view s);
  // Returns the id of s if it was interned, else an invalid id.
  StrId find(std::string_view s) const;
  std::string_view str(StrId id) const { return strs_[id.v]; }
  uint32_t size() const { return uint32_t(strs_.size()); }

private:
  static uint64_t hash(std::string_view s);
  void grow();
  std::string_view save(std::string_view s);
  std::vector<std::string_view> strs_;
  std::vector<uint64_t> hashes_;
  std::vector<uint32_t> slots_;  // open addressing; value = id + 1, 0 = empty
  std::deque<std::string> chunks_;  // small strings, packed
  std::deque<std::string> big_;     // strings too long to pack, one each
  size_t chunkUsed_ = 0;
};

}  // namespace toyc
