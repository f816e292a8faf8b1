// String merging, as wasm-ld does at -O1 (its default): data segments with
// the STRINGS flag and byte alignment, and the .debug_str section, are split
// into NUL-terminated strings and each distinct string is kept once.
// References into a merged input are mapped string by string.
#include <algorithm>
#include <cstring>
#include "link/linker.h"

namespace toyc::link {

uint64_t MergeMap::map(uint64_t off) const {
  auto it = std::upper_bound(inOff.begin(), inOff.end(), uint32_t(std::min<uint64_t>(off, UINT32_MAX)));
  if (it == inOff.begin()) return off;
  size_t i = size_t(it - inOff.begin()) - 1;
  return outOff[i] + (off - inOff[i]);
}

bool StringMerger::add(Bytes in, MergeMap& map, size_t& badOffset) {
  const char* base = reinterpret_cast<const char*>(in.data());
  size_t pos = 0;
  while (pos < in.size()) {
    const void* nul = std::memchr(base + pos, 0, in.size() - pos);
    if (!nul) {
      badOffset = pos;
      return false;
    }
    size_t end = size_t(static_cast<const char*>(nul) - base) + 1;
    std::string_view str(base + pos, end - pos);
    auto [it, inserted] = ids_.emplace(str, uint32_t(strs_.size()));
    if (inserted) strs_.push_back(str);
    map.inOff.push_back(uint32_t(pos));
    map.outOff.push_back(it->second);  // a string id until finish()
    pos = end;
  }
  return true;
}

void StringMerger::finish(std::vector<uint8_t>& out, std::span<MergeMap*> maps) {
  // Sort by reversed contents, longest first among strings sharing a tail,
  // so every string directly follows one it may be a suffix of.
  std::vector<uint32_t> order(strs_.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  auto revLess = [&](uint32_t a, uint32_t b) {
    std::string_view x = strs_[a], y = strs_[b];
    size_t n = std::min(x.size(), y.size());
    for (size_t k = 1; k <= n; ++k) {
      unsigned char cx = x[x.size() - k], cy = y[y.size() - k];
      if (cx != cy) return cx > cy;
    }
    if (x.size() != y.size()) return x.size() > y.size();
    return a < b;
  };
  std::sort(order.begin(), order.end(), revLess);
  std::vector<uint32_t> offset(strs_.size());
  std::string_view prev;
  uint32_t prevOff = 0;
  for (uint32_t id : order) {
    std::string_view s = strs_[id];
    if (!prev.empty() && prev.size() >= s.size() && prev.compare(prev.size() - s.size(), s.size(), s) == 0) {
      offset[id] = prevOff + uint32_t(prev.size() - s.size());
      continue;
    }
    prev = s;
    prevOff = uint32_t(out.size());
    offset[id] = prevOff;
    out.insert(out.end(), s.begin(), s.end());
  }
  for (MergeMap* m : maps)
    for (uint32_t& o : m->outOff) o = offset[o];
}

bool Linker::mergeStrings(StringMerger& merger, uint32_t unit, Bytes in, uint64_t fileOffset, MergeMap& map) {
  size_t bad = 0;
  if (merger.add(in, map, bad)) return true;
  Error e;
  e.file = units[unit]->name;
  e.offset = fileOffset + bad;
  e.hasOffset = true;
  e.msg = "string is not null terminated in a mergeable section";
  error(e.str());
  return false;
}

}  // namespace toyc::link
