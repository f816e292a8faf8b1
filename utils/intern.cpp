#include "utils/intern.h"
#include <cstring>

namespace toyc {

namespace {
struct SpinLock {
  std::atomic_flag& f;
  explicit SpinLock(std::atomic_flag& flag) : f(flag) {
    while (f.test_and_set(std::memory_order_acquire)) {
    }
  }
  ~SpinLock() { f.clear(std::memory_order_release); }
};
}  // namespace

Interner::Interner() : blocks_(new std::atomic<Entry*>[kMaxBlocks]), shards_(new Shard[kShards]) {
  for (unsigned i = 0; i < kMaxBlocks; ++i) blocks_[i].store(nullptr, std::memory_order_relaxed);
  for (unsigned i = 0; i < kShards; ++i) shards_[i].slots.assign(64, 0);
}

Interner::~Interner() {
  for (unsigned i = 0; i < kMaxBlocks; ++i) delete[] blocks_[i].load(std::memory_order_relaxed);
}

uint64_t Interner::hash(std::string_view s) {
  // FNV-1a over 8-byte words then bytes, then a final mix: the top bits pick
  // the shard and the low bits the slot, so both must be well spread.
  uint64_t h = 0xcbf29ce484222325ull;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * 0x100000001b3ull;
    h ^= h >> 29;
  }
  for (; i < s.size(); ++i) h = (h ^ uint8_t(s[i])) * 0x100000001b3ull;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h;
}

std::string_view Interner::save(Shard& sh, std::string_view s) {
  constexpr size_t kChunk = 16 * 1024;
  if (s.empty()) return {};
  if (s.size() > kChunk / 4) {
    sh.big.emplace_back(s);  // never shared with small strings
    return sh.big.back();
  }
  if (sh.chunks.empty() || sh.chunkUsed + s.size() > sh.chunks.back().size()) {
    sh.chunks.emplace_back(kChunk, '\0');
    sh.chunkUsed = 0;
  }
  char* p = sh.chunks.back().data() + sh.chunkUsed;
  std::memcpy(p, s.data(), s.size());
  sh.chunkUsed += s.size();
  return {p, s.size()};
}

void Interner::grow(Shard& sh) {
  std::vector<uint32_t> slots(sh.slots.size() * 2, 0);
  size_t mask = slots.size() - 1;
  for (uint32_t e : sh.slots) {
    if (!e) continue;
    size_t i = entry(e - 1).hash & mask;
    while (slots[i]) i = (i + 1) & mask;
    slots[i] = e;
  }
  sh.slots.swap(slots);
}

uint32_t Interner::findInShard(const Shard& sh, std::string_view s, uint64_t h, size_t& slot) const {
  size_t mask = sh.slots.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    uint32_t e = sh.slots[i];
    if (!e) {
      slot = i;
      return 0;
    }
    const Entry& en = entry(e - 1);
    if (en.hash == h && en.str == s) return e;
  }
}

StrId Interner::find(std::string_view s) const {
  uint64_t h = hash(s);
  Shard& sh = shards_[h >> (64 - kShardBits)];
  SpinLock lock(sh.lock);
  size_t slot;
  uint32_t e = findInShard(sh, s, h, slot);
  return e ? StrId(e - 1) : StrId();
}

StrId Interner::intern(std::string_view s) {
  uint64_t h = hash(s);
  Shard& sh = shards_[h >> (64 - kShardBits)];
  SpinLock lock(sh.lock);
  size_t slot;
  if (uint32_t e = findInShard(sh, s, h, slot)) return StrId(e - 1);
  uint32_t id = next_.fetch_add(1, std::memory_order_relaxed);
  std::atomic<Entry*>& block = blocks_[id >> kBlockBits];
  Entry* b = block.load(std::memory_order_acquire);
  if (!b) {
    // Another shard may be creating the same block: the first one wins.
    Entry* fresh = new Entry[kBlockSize];
    if (block.compare_exchange_strong(b, fresh, std::memory_order_acq_rel)) b = fresh;
    else delete[] fresh;
  }
  b[id & (kBlockSize - 1)] = {save(sh, s), h};
  sh.slots[slot] = id + 1;
  if (++sh.count * 2 > sh.slots.size()) grow(sh);
  return StrId(id);
}

}  // namespace toyc
