// Typed indices and the flat vectors they index. A FuncIdx cannot be used
// where a GlobalIdx is expected, yet both are a plain uint32_t in memory.
#pragma once
#include <cstdint>
#include <vector>
#include <cassert>

namespace toyc {

template <class Tag>
struct Idx {
  static constexpr uint32_t kNone = UINT32_MAX;
  uint32_t v = kNone;
  constexpr Idx() = default;
  constexpr explicit Idx(uint32_t x) : v(x) {}
  constexpr bool valid() const { return v != kNone; }
  constexpr explicit operator bool() const { return valid(); }
  friend constexpr bool operator==(Idx a, Idx b) { return a.v == b.v; }
  friend constexpr bool operator!=(Idx a, Idx b) { return a.v != b.v; }
  friend constexpr bool operator<(Idx a, Idx b) { return a.v < b.v; }
};

// A vector that is indexed only by its own index type.
template <class I, class T>
class IdxVec {
public:
  using Index = I;
  I push(T x) { items_.push_back(std::move(x)); return I(uint32_t(items_.size() - 1)); }
  T& operator[](I i) { assert(i.v < items_.size()); return items_[i.v]; }
  const T& operator[](I i) const { assert(i.v < items_.size()); return items_[i.v]; }
  uint32_t size() const { return uint32_t(items_.size()); }
  bool empty() const { return items_.empty(); }
  void reserve(size_t n) { items_.reserve(n); }
  void resize(size_t n, const T& x = T()) { items_.resize(n, x); }
  void clear() { items_.clear(); }
  T& back() { return items_.back(); }
  auto begin() { return items_.begin(); }
  auto end() { return items_.end(); }
  auto begin() const { return items_.begin(); }
  auto end() const { return items_.end(); }
  std::vector<T>& raw() { return items_; }
  const std::vector<T>& raw() const { return items_; }
private:
  std::vector<T> items_;
};

}  // namespace toyc
