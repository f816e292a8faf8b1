#include "frontend/llvm/layout.h"
#include <llvm/IR/Constants.h>
#include <llvm/IR/GetElementPtrTypeIterator.h>

namespace toyc::llvmir {

static uint64_t alignTo(uint64_t v, uint64_t a) { return (v + a - 1) / a * a; }

const Layout::StructInfo& Layout::info(llvm::StructType* s) {
  auto it = structs_.find(s);
  if (it != structs_.end()) return it->second;
  StructInfo si;
  uint64_t off = 0;
  bool packed = s->isPacked();
  for (llvm::Type* e : s->elements()) {
    uint32_t a = packed ? 1 : abiAlign(e);
    off = alignTo(off, a);
    si.offsets.push_back(off);
    off += allocSize(e);
    if (a > si.align) si.align = a;
  }
  si.size = alignTo(off, si.align);
  return structs_.try_emplace(s, std::move(si)).first->second;
}

uint32_t Layout::abiAlign(llvm::Type* t) {
  if (auto* s = llvm::dyn_cast<llvm::StructType>(t)) return info(s).align;
  if (auto* a = llvm::dyn_cast<llvm::ArrayType>(t)) return abiAlign(a->getElementType());
  return uint32_t(dl_->getABITypeAlign(t).value());
}

uint64_t Layout::allocSize(llvm::Type* t) {
  if (auto* s = llvm::dyn_cast<llvm::StructType>(t)) return info(s).size;
  if (auto* a = llvm::dyn_cast<llvm::ArrayType>(t)) return a->getNumElements() * allocSize(a->getElementType());
  return dl_->getTypeAllocSize(t).getFixedValue();
}

uint64_t Layout::storeSize(llvm::Type* t) {
  if (t->isStructTy() || t->isArrayTy()) return allocSize(t);
  return dl_->getTypeStoreSize(t).getFixedValue();
}

bool Layout::constantOffset(const llvm::GEPOperator& gep, int64_t& offset) {
  int64_t off = 0;
  for (auto it = llvm::gep_type_begin(gep), e = llvm::gep_type_end(gep); it != e; ++it) {
    auto* ci = llvm::dyn_cast<llvm::ConstantInt>(it.getOperand());
    if (!ci) return false;
    if (llvm::StructType* st = it.getStructTypeOrNull()) {
      off += int64_t(fieldOffset(st, unsigned(ci->getZExtValue())));
    } else {
      if (ci->getBitWidth() > 64) return false;
      off += ci->getSExtValue() * int64_t(allocSize(it.getIndexedType()));
    }
  }
  offset = off;
  return true;
}

}  // namespace toyc::llvmir
