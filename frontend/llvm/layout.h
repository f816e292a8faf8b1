// Sizes, alignments and field offsets of IR types for wasm32. LLVM's
// DataLayout answers scalar questions (pure table lookups), but it caches
// struct layouts in a map that is not safe to fill from several threads,
// so aggregates are laid out here, by the same rules, with a cache per
// instance (one instance per thread).
#pragma once
#include <cstdint>
#include <vector>
#include <llvm/ADT/DenseMap.h>
#include <llvm/IR/DataLayout.h>
#include <llvm/IR/DerivedTypes.h>
#include <llvm/IR/Operator.h>

namespace toyc::llvmir {

class Layout {
public:
  explicit Layout(const llvm::DataLayout& dl) : dl_(&dl) {}
  void reset(const llvm::DataLayout& dl) {
    dl_ = &dl;
    structs_.clear();
  }

  uint64_t allocSize(llvm::Type* t);   // bytes between array elements
  uint64_t storeSize(llvm::Type* t);   // bytes a load or store touches
  uint32_t abiAlign(llvm::Type* t);    // bytes
  uint64_t fieldOffset(llvm::StructType* s, unsigned i) { return info(s).offsets[i]; }
  const llvm::DataLayout& dl() const { return *dl_; }
  // The byte offset a getelementptr adds, if all its indices are constants.
  bool constantOffset(const llvm::GEPOperator& gep, int64_t& offset);

private:
  struct StructInfo {
    std::vector<uint64_t> offsets;
    uint64_t size = 0;
    uint32_t align = 1;
  };
  const StructInfo& info(llvm::StructType* s);

  const llvm::DataLayout* dl_;
  llvm::DenseMap<llvm::StructType*, StructInfo> structs_;
};

}  // namespace toyc::llvmir
