// Names are interned once: every symbol, import module, section and file name
// becomes a StrId, and the linker compares and hashes StrIds, never strings.
//
// Inputs are parsed on several threads at once, so intern() is thread-safe:
// the table is split into shards by hash, each with its own small lock, and
// strings live in blocks that never move, so str() takes no lock at all.
// Ids are dense but their order depends on thread timing; nothing in the
// output may depend on the numeric value of a StrId.
#pragma once
#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>
#include "utils/index.h"

namespace toyc {

struct StrTag;
using StrId = Idx<StrTag>;

class Interner {
public:
  Interner();
  ~Interner();
  Interner(const Interner&) = delete;
  Interner& operator=(const Interner&) = delete;

  // Returns the id of s, adding it if new. The bytes are copied into an arena.
  StrId intern(std::string_view s);
  // Returns the id of s if it was interned, else an invalid id.
  StrId find(std::string_view s) const;
  std::string_view str(StrId id) const { return entry(id.v).str; }
  uint32_t size() const { return next_.load(std::memory_order_acquire); }

private:
  static constexpr unsigned kBlockBits = 14, kBlockSize = 1u << kBlockBits, kMaxBlocks = 1u << 14;
  static constexpr unsigned kShardBits = 6, kShards = 1u << kShardBits;
  struct Entry {
    std::string_view str;
    uint64_t hash;
  };
  struct Shard {
    std::atomic_flag lock = ATOMIC_FLAG_INIT;
    std::vector<uint32_t> slots;  // open addressing; value = id + 1, 0 = empty
    uint32_t count = 0;
    std::deque<std::string> chunks;  // small strings, packed
    std::deque<std::string> big;     // strings too long to pack, one each
    size_t chunkUsed = 0;
  };
  static uint64_t hash(std::string_view s);
  Entry& entry(uint32_t id) const {
    return blocks_[id >> kBlockBits].load(std::memory_order_acquire)[id & (kBlockSize - 1)];
  }
  static std::string_view save(Shard& sh, std::string_view s);
  void grow(Shard& sh);
  uint32_t findInShard(const Shard& sh, std::string_view s, uint64_t h, size_t& slot) const;

  std::unique_ptr<std::atomic<Entry*>[]> blocks_;
  std::unique_ptr<Shard[]> shards_;
  std::atomic<uint32_t> next_{0};
};

}  // namespace toyc
