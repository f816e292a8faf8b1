#include "utils/intern.h"
#include <cstring>

namespace toyc {

Interner::Interner() { slots_.assign(1024, 0); }

uint64_t Interner::hash(std::string_view s) {
  // FNV-1a over 8-byte words then bytes; names are short, this is enough.
  uint64_t h = 0xcbf29ce484222325ull;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * 0x100000001b3ull;
    h ^= h >> 29;
  }
  for (; i < s.size(); ++i) h = (h ^ uint8_t(s[i])) * 0x100000001b3ull;
  return h ^ (h >> 32);
}

std::string_view Interner::save(std::string_view s) {
  constexpr size_t kChunk = 64 * 1024;
  if (s.empty()) return {};
  if (s.size() > kChunk / 4) {
    big_.emplace_back(s);  // never shared with small strings
    return big_.back();
  }
  if (chunks_.empty() || chunkUsed_ + s.size() > chunks_.back().size()) {
    chunks_.emplace_back(kChunk, '\0');
    chunkUsed_ = 0;
  }
  char* p = chunks_.back().data() + chunkUsed_;
  std::memcpy(p, s.data(), s.size());
  chunkUsed_ += s.size();
  return {p, s.size()};
}

void Interner::grow() {
  std::vector<uint32_t> slots(slots_.size() * 2, 0);
  size_t mask = slots.size() - 1;
  for (uint32_t id = 0; id < strs_.size(); ++id) {
    size_t i = hashes_[id] & mask;
    while (slots[i]) i = (i + 1) & mask;
    slots[i] = id + 1;
  }
  slots_.swap(slots);
}

StrId Interner::find(std::string_view s) const {
  uint64_t h = hash(s);
  size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    uint32_t e = slots_[i];
    if (!e) return StrId();
    if (hashes_[e - 1] == h && strs_[e - 1] == s) return StrId(e - 1);
  }
}

StrId Interner::intern(std::string_view s) {
  uint64_t h = hash(s);
  size_t mask = slots_.size() - 1;
  size_t i = h & mask;
  for (;; i = (i + 1) & mask) {
    uint32_t e = slots_[i];
    if (!e) break;
    if (hashes_[e - 1] == h && strs_[e - 1] == s) return StrId(e - 1);
  }
  uint32_t id = uint32_t(strs_.size());
  strs_.push_back(save(s));
  hashes_.push_back(h);
  slots_[i] = id + 1;
  if (strs_.size() * 2 > slots_.size()) grow();
  return StrId(id);
}

}  // namespace toyc
