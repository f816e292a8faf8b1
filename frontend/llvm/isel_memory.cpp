// Instruction selection: memory. Addresses with folded offsets, loads and
// stores of scalars and aggregates, getelementptr, alloca, va_arg, atomics.
#include <algorithm>
#include <numeric>
#include <llvm/IR/InstrTypes.h>
#include <llvm/IR/Constants.h>
#include <llvm/IR/GetElementPtrTypeIterator.h>
#include <llvm/IR/Operator.h>
#include "frontend/llvm/isel.h"
#include "frontend/llvm/isel_ops.h"

namespace toyc::llvmir {

using namespace codegen;
using namespace ops;

uint32_t FunctionLowering::frameAddr(uint32_t offset) {
  if (offset == 0) return track(f_->add(OpMove, Ty::I32, {fp_}), ExtNone);
  return add(I32Add, Ty::I32, {fp_, c32(int32_t(offset))});
}

// A base value and a constant offset for a memory access: constant-offset
// inbounds getelementptrs, frame slots and global addresses fold into the
// offset immediate.
FunctionLowering::Addr FunctionLowering::address(const llvm::Value* p) {
  int64_t off = 0;
  for (;;) {
    if (auto* a = llvm::dyn_cast<llvm::AllocaInst>(p)) {
      auto it = slotOf_.find(a);
      if (it != slotOf_.end()) {
        int64_t total = int64_t(it->second) + off;
        if (total >= 0 && total <= 0x7fffffff) return {fp_, uint32_t(total)};
        return {add(I32Add, Ty::I32, {fp_, c32(int32_t(total))}), 0};
      }
      break;
    }
    if (auto* g = llvm::dyn_cast<llvm::GlobalValue>(p)) {
      uint32_t v = constScalar(g);
      if (v != kNoValue) f_->insts[v].imm += off;
      return {v, 0};
    }
    auto* gep = llvm::dyn_cast<llvm::GEPOperator>(p);
    if (!gep || !gep->isInBounds()) break;
    int64_t o;
    if (!layout_.constantOffset(*gep, o)) {
      // Variable indices: scaled indices + base, with the constant part
      // (and the base's own constant offset) left for the immediate. Only
      // for a getelementptr used once: others keep their computed address.
      if (!gep->hasOneUse()) break;
      Addr a = address(gep->getPointerOperand());
      if (a.base == kNoValue) break;
      std::vector<Term> terms;
      int64_t c = 0;
      if (!gepTerms(*gep, terms, c)) break;
      c += int64_t(a.offset) + off;
      uint32_t base = sumTerms(terms, a.base);
      if (c >= 0 && c <= 0x7fffffff) return {base, uint32_t(c)};
      return {add(I32Add, Ty::I32, {base, c32(int32_t(c))}), 0};
    }
    // Only instructions already lowered (or constants) can be looked through.
    const llvm::Value* base = gep->getPointerOperand();
    if (!llvm::isa<llvm::Constant>(base) && !map_.count(base) && !llvm::isa<llvm::AllocaInst>(base)) break;
    off += o;
    p = base;
  }
  uint32_t base = get(p);
  if (base == kNoValue) return {kNoValue, 0};
  if (off >= 0 && off <= 0x7fffffff) return {base, uint32_t(off)};
  return {add(I32Add, Ty::I32, {base, c32(int32_t(off))}), 0};
}

// The address of a plain load or store. An element of a global variable
// indexed by variables (`G[i][j]`) keeps the global's address out of the
// arithmetic: the scaled indices are the base and G goes into the
// instruction's offset immediate, relocated, as LLVM's backend does. wasm
// adds base and offset without wrapping, so this needs the indices' sum to
// be non-negative: an inbounds address is within G's object, so the sum is
// at least minus the constant part, which must be 0 or smaller than the
// indices' common scale.
FunctionLowering::Addr FunctionLowering::memAddress(const llvm::Value* p) {
  auto* gep = llvm::dyn_cast<llvm::GEPOperator>(p);
  int64_t o;
  if (!gep || !gep->isInBounds() || !gep->hasOneUse() || layout_.constantOffset(*gep, o)) return address(p);
  const llvm::Value* root = gep->getPointerOperand();
  int64_t c = 0;
  while (auto* rg = llvm::dyn_cast<llvm::GEPOperator>(root)) {
    if (!rg->isInBounds() || !layout_.constantOffset(*rg, o)) return address(p);
    c += o;
    root = rg->getPointerOperand();
  }
  auto* gv = llvm::dyn_cast<llvm::GlobalVariable>(root);
  if (!gv || gv->isThreadLocal()) return address(p);
  uint32_t g = constScalar(gv);
  if (g == kNoValue || f_->insts[g].op != OpDataAddr || f_->insts[g].imm != 0) return address(p);
  std::vector<Term> terms;
  if (!gepTerms(*gep, terms, c) || terms.empty()) return address(p);
  uint64_t scale = 0;
  for (const Term& t : terms) scale = std::gcd(scale, t.scale);
  if (c != 0 && (c < 0 || uint64_t(c) >= scale || c > 0x7fffffff)) return address(p);
  return Addr{sumTerms(terms, kNoValue), uint32_t(c), f_->insts[g].sym};
}

// The variable indices of gep as scaled terms and the sum of its constant
// ones. An index `x + C` or `x | C` (disjoint) contributes x to the terms
// and C to the constant, so neighbouring elements share their arithmetic.
bool FunctionLowering::gepTerms(const llvm::GEPOperator& gep, std::vector<Term>& terms, int64_t& constant) {
  for (auto it = llvm::gep_type_begin(gep), e = llvm::gep_type_end(gep); it != e; ++it) {
    const llvm::Value* idx = it.getOperand();
    if (llvm::StructType* st = it.getStructTypeOrNull()) {
      constant += int64_t(layout_.fieldOffset(st, unsigned(llvm::cast<llvm::ConstantInt>(idx)->getZExtValue())));
      continue;
    }
    uint64_t size = layout_.allocSize(it.getIndexedType());
    if (auto* ci = llvm::dyn_cast<llvm::ConstantInt>(idx)) {
      if (ci->getBitWidth() > 64) return false;
      constant += ci->getSExtValue() * int64_t(size);
      continue;
    }
    if (size == 0) continue;
    // Indices of 32 bits and more are used modulo 2^32, so a constant
    // addend splits off whatever the flags say.
    if (auto* bo = llvm::dyn_cast<llvm::BinaryOperator>(idx); bo && widthOf(idx->getType()) >= 32 && widthOf(idx->getType()) <= 64) {
      auto* k = llvm::dyn_cast<llvm::ConstantInt>(bo->getOperand(1));
      bool split = k && (bo->getOpcode() == llvm::Instruction::Add ||
                         (bo->getOpcode() == llvm::Instruction::Or && llvm::cast<llvm::PossiblyDisjointInst>(bo)->isDisjoint()));
      if (split && map_.count(bo->getOperand(0))) {
        constant += k->getSExtValue() * int64_t(size);
        idx = bo->getOperand(0);
      }
    }
    uint32_t v = scaledIndex(idx, size);
    if (v == kNoValue) return false;
    int64_t order = -1;
    if (auto* in = llvm::dyn_cast<llvm::Instruction>(idx)) {
      auto b = blockOf_.find(in->getParent());
      order = b == blockOf_.end() ? INT64_MAX : int64_t(b->second);
    }
    terms.push_back(Term{v, size, order});
  }
  return true;
}

// The terms' sum, then base (kNoValue: none). Terms whose indices are
// defined earlier come first (blocks are numbered in reverse postorder), so
// the part that an inner loop does not change is a prefix of the sum.
uint32_t FunctionLowering::sumTerms(std::vector<Term>& terms, uint32_t base) {
  std::stable_sort(terms.begin(), terms.end(), [](const Term& a, const Term& b) { return a.order < b.order; });
  uint32_t acc = kNoValue;
  for (const Term& t : terms) acc = acc == kNoValue ? t.value : add(I32Add, Ty::I32, {acc, t.value});
  if (base == kNoValue) return acc;
  return acc == kNoValue ? base : add(I32Add, Ty::I32, {acc, base});
}

uint32_t FunctionLowering::addrValue(const Addr& a) {
  if (a.offset == 0) return a.base;
  return add(I32Add, Ty::I32, {a.base, c32(int32_t(a.offset))});
}

uint32_t FunctionLowering::loadScalar(llvm::Type* t, Addr a, uint32_t align, bool isVolatile, bool signedLoad) {
  uint32_t al = log2of(align);
  auto ld = [&](uint16_t op, Ty ty, uint32_t natural, uint32_t off, Ext e) {
    uint32_t v = track(f_->load(op, ty, a.base, a.offset + off, std::min(al, natural), a.sym), e);
    if (isVolatile) f_->insts[v].flags |= kVolatile;
    return v;
  };
  if (t->isFloatTy()) return ld(Op("f32.load"), Ty::F32, 2, 0, ExtNone);
  if (t->isDoubleTy()) return ld(Op("f64.load"), Ty::F64, 3, 0, ExtNone);
  unsigned w = widthOf(t);
  if (w == 0 || w > 64) return kNoValue;
  if (w == 1) return ld(Op("i32.load8_u"), Ty::I32, 0, 0, ExtZero);
  if (w == 8) return ld(signedLoad ? Op("i32.load8_s") : Op("i32.load8_u"), Ty::I32, 0, 0, signedLoad ? ExtSign : ExtZero);
  if (w == 16)
    return ld(signedLoad ? Op("i32.load16_s") : Op("i32.load16_u"), Ty::I32, 1, 0, signedLoad ? ExtSign : ExtZero);
  if (w == 32) return ld(Op("i32.load"), Ty::I32, 2, 0, ExtNone);
  if (w == 64) return ld(Op("i64.load"), Ty::I64, 3, 0, ExtNone);
  // Odd widths: the store size in pieces of 4, 2 and 1 bytes, little-endian
  // (i25..i31 are one 4-byte piece).
  Ty ty = containerOf(w);
  unsigned bytes = (w + 7) / 8, at = 0;
  uint32_t acc = kNoValue;
  while (at < bytes) {
    unsigned n = bytes - at >= 4 ? 4 : bytes - at >= 2 ? 2 : 1;
    uint32_t natural = n == 4 ? 2 : n == 2 ? 1 : 0;
    uint16_t op = ty == Ty::I64 ? (n == 4 ? Op("i64.load32_u") : n == 2 ? Op("i64.load16_u") : Op("i64.load8_u"))
                                : (n == 4 ? Op("i32.load") : n == 2 ? Op("i32.load16_u") : Op("i32.load8_u"));
    uint32_t piece = ld(op, ty, natural, at, ExtZero);
    if (at) piece = add(intOp(I32Shl, ty), ty, {piece, ty == Ty::I64 ? c64(8 * at) : c32(int32_t(8 * at))});
    acc = acc == kNoValue ? piece : add(intOp(I32Or, ty), ty, {acc, piece});
    at += n;
  }
  // Stores clear the bits above the width, so whole bytes come back clean.
  return track(acc, w % 8 == 0 ? ExtZero : ExtNone);
}

void FunctionLowering::storeScalar(llvm::Type* t, Addr a, uint32_t align, uint32_t v, bool isVolatile) {
  uint32_t al = log2of(align);
  // Stores are never moved across other memory operations, volatile or not.
  (void)isVolatile;
  auto st = [&](uint16_t op, uint32_t natural, uint32_t off, uint32_t val) {
    f_->store(op, a.base, val, a.offset + off, std::min(al, natural), a.sym);
  };
  if (t->isFloatTy()) return st(Op("f32.store"), 2, 0, v);
  if (t->isDoubleTy()) return st(Op("f64.store"), 3, 0, v);
  unsigned w = widthOf(t);
  if (w == 8) return st(Op("i32.store8"), 0, 0, v);
  if (w == 16) return st(Op("i32.store16"), 1, 0, v);
  if (w == 32) return st(Op("i32.store"), 2, 0, v);
  if (w == 64) return st(Op("i64.store"), 3, 0, v);
  // Other widths (i1, i24, i48, ...) are stored zero-extended to whole bytes.
  Ty ty = containerOf(w);
  unsigned bytes = (w + 7) / 8, at = 0;
  uint32_t val = zext(v, w);
  while (at < bytes) {
    unsigned n = bytes - at >= 4 ? 4 : bytes - at >= 2 ? 2 : 1;
    uint32_t natural = n == 4 ? 2 : n == 2 ? 1 : 0;
    uint16_t op = ty == Ty::I64 ? (n == 4 ? Op("i64.store32") : n == 2 ? Op("i64.store16") : Op("i64.store8"))
                                : (n == 4 ? Op("i32.store") : n == 2 ? Op("i32.store16") : Op("i32.store8"));
    uint32_t piece = at ? add(intOp(I32ShrU, ty), ty, {val, ty == Ty::I64 ? c64(8 * at) : c32(int32_t(8 * at))}) : val;
    st(op, natural, at, piece);
    at += n;
  }
}

// The alignment known at `offset` bytes from an address aligned to `align`.
static uint32_t fieldAlign(uint32_t align, uint64_t offset) {
  return offset ? std::min<uint32_t>(align, uint32_t(offset & (~offset + 1))) : align;
}

bool FunctionLowering::loadParts(llvm::Type* t, Addr a, uint32_t align, bool isVolatile, std::vector<uint32_t>& out,
                                 Ext*) {
  if (isWide(t) || isBig(t)) {
    // 64-bit limbs; a partial top limb (i100's 36 bits) as an integer of
    // its store size.
    uint32_t al = std::min<uint32_t>(log2of(align), 3);
    unsigned w = t->isFP128Ty() ? 128 : widthOf(t);
    for (unsigned at = 0; at < w; at += 64) {
      if (w - at >= 64) {
        uint32_t v = track(f_->load(Op("i64.load"), Ty::I64, a.base, a.offset + at / 8, al, a.sym), ExtNone);
        if (isVolatile) f_->insts[v].flags |= kVolatile;
        out.push_back(v);
        continue;
      }
      uint32_t top = loadScalar(llvm::IntegerType::get(t->getContext(), w - at), a.plus(at / 8),
                                fieldAlign(align, at / 8), isVolatile, false);
      if (top == kNoValue) return false;
      out.push_back(w - at <= 32 ? add(Op("i64.extend_i32_u"), Ty::I64, {top}) : top);
    }
    return true;
  }
  if (auto* st = llvm::dyn_cast<llvm::StructType>(t)) {
    for (unsigned i = 0; i < st->getNumElements(); ++i) {
      uint32_t off = uint32_t(layout_.fieldOffset(st, i));
      if (!loadParts(st->getElementType(i), a.plus(off), fieldAlign(align, off),
                     isVolatile, out))
        return false;
    }
    return true;
  }
  if (auto* at = llvm::dyn_cast<llvm::ArrayType>(t)) {
    uint64_t es = layout_.allocSize(at->getElementType());
    for (uint64_t i = 0; i < at->getNumElements(); ++i)
      if (!loadParts(at->getElementType(), a.plus(i * es), fieldAlign(align, i * es),
                     isVolatile, out))
        return false;
    return true;
  }
  uint32_t v = loadScalar(t, a, align, isVolatile, false);
  if (v == kNoValue) return false;
  out.push_back(v);
  return true;
}

bool FunctionLowering::storeParts(llvm::Type* t, Addr a, uint32_t align, std::span<const uint32_t> parts,
                                  bool isVolatile) {
  std::vector<Ty> tys;
  if (isWide(t) || isBig(t)) {
    uint32_t al = std::min<uint32_t>(log2of(align), 3);
    unsigned w = t->isFP128Ty() ? 128 : widthOf(t);
    if (parts.size() != (w + 63) / 64) return false;
    for (unsigned at = 0, k = 0; at < w; at += 64, ++k) {
      if (w - at >= 64)
        f_->store(Op("i64.store"), a.base, parts[k], a.offset + at / 8, al, a.sym);
      else
        storeScalar(llvm::IntegerType::get(t->getContext(), w - at), a.plus(at / 8), fieldAlign(align, at / 8),
                    w - at <= 32 ? toI32(parts[k]) : parts[k], isVolatile);
    }
    return true;
  }
  if (auto* st = llvm::dyn_cast<llvm::StructType>(t)) {
    size_t at = 0;
    for (unsigned i = 0; i < st->getNumElements(); ++i) {
      tys.clear();
      if (!flattenType(st->getElementType(i), tys)) return false;
      uint32_t off = uint32_t(layout_.fieldOffset(st, i));
      if (!storeParts(st->getElementType(i), a.plus(off), fieldAlign(align, off),
                      parts.subspan(at, tys.size()), isVolatile))
        return false;
      at += tys.size();
    }
    return true;
  }
  if (auto* arr = llvm::dyn_cast<llvm::ArrayType>(t)) {
    tys.clear();
    if (!flattenType(arr->getElementType(), tys)) return false;
    uint64_t es = layout_.allocSize(arr->getElementType());
    for (uint64_t i = 0; i < arr->getNumElements(); ++i)
      if (!storeParts(arr->getElementType(), a.plus(i * es), fieldAlign(align, i * es),
                      parts.subspan(i * tys.size(), tys.size()), isVolatile))
        return false;
    return true;
  }
  if (parts.size() != 1) return false;
  storeScalar(t, a, align, parts[0], isVolatile);
  return true;
}

bool FunctionLowering::lowerLoad(const llvm::LoadInst& ld) {
  llvm::Type* t = ld.getType();
  if (t->isVectorTy()) return fail(ld);
  Addr a = memAddress(ld.getPointerOperand());
  if (a.base == kNoValue) return fail(ld);
  uint32_t align = uint32_t(ld.getAlign().value());
  if (t->isStructTy() || t->isArrayTy() || isWide(t) || isBig(t)) {
    std::vector<uint32_t> ps;
    if (!loadParts(t, a, align, ld.isVolatile(), ps)) return fail(ld);
    defineParts(&ld, ps);
    return true;
  }
  // A load whose only use sign-extends it loads sign-extended.
  bool signedLoad = ld.hasOneUse() && llvm::isa<llvm::SExtInst>(*ld.user_begin());
  uint32_t v = loadScalar(t, a, align, ld.isVolatile(), signedLoad);
  if (v == kNoValue) return fail(ld);
  define(&ld, v);
  return true;
}

bool FunctionLowering::lowerStore(const llvm::StoreInst& st) {
  llvm::Type* t = st.getValueOperand()->getType();
  if (t->isVectorTy()) return fail(st);
  std::vector<uint32_t> ps;
  if (!getParts(st.getValueOperand(), ps)) return fail(st);
  Addr a = memAddress(st.getPointerOperand());
  if (a.base == kNoValue) return fail(st);
  if (!storeParts(t, a, uint32_t(st.getAlign().value()), ps, st.isVolatile())) return fail(st);
  return true;
}

// An index times its element size, as an i32 byte offset.
uint32_t FunctionLowering::scaledIndex(const llvm::Value* idx, uint64_t size) {
  unsigned w = widthOf(idx->getType());
  if (w == 0 || w > 64) return kNoValue;
  uint32_t v = w < 32 ? sextOp(idx) : get(idx);
  if (v == kNoValue) return kNoValue;
  v = toI32(v);
  if (size != 1) {
    if ((size & (size - 1)) == 0) v = add(I32Shl, Ty::I32, {v, c32(int32_t(log2of(size)))});
    else v = add(I32Mul, Ty::I32, {v, c32(int32_t(size))});
  }
  return v;
}

bool FunctionLowering::lowerGep(const llvm::GetElementPtrInst& gep) {
  if (gep.getType()->isVectorTy()) return fail(gep);
  std::vector<Term> terms;
  int64_t constOff = 0;
  if (!gepTerms(llvm::cast<llvm::GEPOperator>(gep), terms, constOff)) return fail(gep);
  uint32_t root = get(gep.getPointerOperand());
  if (root == kNoValue) return fail(gep);
  uint32_t acc = sumTerms(terms, root);
  if (constOff) acc = add(I32Add, Ty::I32, {acc, c32(int32_t(constOff))});
  define(&gep, acc);
  return true;
}

bool FunctionLowering::lowerAlloca(const llvm::AllocaInst& a) {
  auto it = slotOf_.find(&a);
  if (it != slotOf_.end()) {
    define(&a, frameAddr(it->second));
    return true;
  }
  // Dynamic: move the stack pointer down by the size, aligned.
  uint64_t es = layout_.allocSize(a.getAllocatedType());
  uint32_t n = get(a.getArraySize());
  if (n == kNoValue) return fail(a);
  n = toI32(zext(n, widthOf(a.getArraySize()->getType())));
  uint32_t size = es == 1 ? n : add(I32Mul, Ty::I32, {n, c32(int32_t(es))});
  uint32_t align = std::max<uint32_t>(16, uint32_t(a.getAlign().value()));
  dynamicSp_ = true;
  uint32_t sp = add(OpGlobalGet, Ty::I32, {});
  f_->insts[sp].sym = f_->spSym;
  // (sp - size) & -align; the size is rounded up by the mask.
  uint32_t d = add(I32Sub, Ty::I32, {sp, size});
  uint32_t r = add(I32And, Ty::I32, {d, c32(-int32_t(align))});
  uint32_t set = f_->add(OpGlobalSet, Ty::None, {r}, 0, f_->spSym);
  (void)set;
  define(&a, r);
  return true;
}

// va_arg (clang expands it itself for wasm32; other producers may not): the
// va_list is a pointer into the caller's buffer, each argument at its
// alignment (at least 4) and at least 4 bytes long.
bool FunctionLowering::lowerVAArg(const llvm::VAArgInst& va) {
  llvm::Type* t = va.getType();
  Addr list = address(va.getPointerOperand());
  if (list.base == kNoValue) return fail(va);
  uint32_t align = std::max<uint32_t>(4, layout_.abiAlign(t));
  uint64_t size = std::max<uint64_t>(4, layout_.allocSize(t));
  uint32_t p = track(f_->load(0x28, Ty::I32, list.base, list.offset, 2), ExtNone);
  if (align > 4) p = add(I32And, Ty::I32, {add(I32Add, Ty::I32, {p, c32(int32_t(align - 1))}), c32(-int32_t(align))});
  std::vector<uint32_t> ps;
  if (!loadParts(t, Addr{p, 0}, align, false, ps)) return fail(va);
  f_->store(0x36, list.base, add(I32Add, Ty::I32, {p, c32(int32_t(alignTo(size, 4)))}), list.offset, 2);
  defineParts(&va, ps);
  return true;
}

// One thread: atomic read-modify-write operations are plain loads and stores.
bool FunctionLowering::lowerAtomic(const llvm::Instruction& in) {
  if (auto* rmw = llvm::dyn_cast<llvm::AtomicRMWInst>(&in)) {
    llvm::Type* t = rmw->getValOperand()->getType();
    unsigned w = widthOf(t);
    if (w == 0 || w > 64) return fail(in);
    Ty ty = containerOf(w);
    Addr a = address(rmw->getPointerOperand());
    uint32_t v = get(rmw->getValOperand());
    if (a.base == kNoValue || v == kNoValue) return fail(in);
    uint32_t align = uint32_t(rmw->getAlign().value());
    uint32_t old = loadScalar(t, a, align, true, false);
    uint32_t nv;
    switch (rmw->getOperation()) {
      case llvm::AtomicRMWInst::Xchg: nv = v; break;
      case llvm::AtomicRMWInst::Add: nv = add(intOp(I32Add, ty), ty, {old, v}); break;
      case llvm::AtomicRMWInst::Sub: nv = add(intOp(I32Sub, ty), ty, {old, v}); break;
      case llvm::AtomicRMWInst::And: nv = add(intOp(I32And, ty), ty, {old, v}); break;
      case llvm::AtomicRMWInst::Or: nv = add(intOp(I32Or, ty), ty, {old, v}); break;
      case llvm::AtomicRMWInst::Xor: nv = add(intOp(I32Xor, ty), ty, {old, v}); break;
      case llvm::AtomicRMWInst::Nand:
        nv = add(intOp(I32Xor, ty), ty, {add(intOp(I32And, ty), ty, {old, v}), ty == Ty::I64 ? c64(-1) : c32(-1)});
        break;
      case llvm::AtomicRMWInst::Max: case llvm::AtomicRMWInst::Min:
      case llvm::AtomicRMWInst::UMax: case llvm::AtomicRMWInst::UMin: {
        bool s = rmw->getOperation() == llvm::AtomicRMWInst::Max || rmw->getOperation() == llvm::AtomicRMWInst::Min;
        bool mx = rmw->getOperation() == llvm::AtomicRMWInst::Max || rmw->getOperation() == llvm::AtomicRMWInst::UMax;
        uint32_t x = s ? sext(old, w) : zext(old, w), y = s ? sext(v, w) : zext(v, w);
        uint32_t c = add(cmpOp(mx ? (s ? I32GtS : I32GtU) : (s ? I32LtS : I32LtU), ty), Ty::I32, {x, y});
        nv = add(0x1b, ty, {x, y, c});
        break;
      }
      default: return fail(in);
    }
    storeScalar(t, a, align, nv, true);
    define(&in, old);
    return true;
  }
  auto* cx = llvm::cast<llvm::AtomicCmpXchgInst>(&in);
  llvm::Type* t = cx->getNewValOperand()->getType();
  unsigned w = widthOf(t);
  if (w == 0 || w > 64) return fail(in);
  Ty ty = containerOf(w);
  Addr a = address(cx->getPointerOperand());
  uint32_t cmp = get(cx->getCompareOperand()), nv = get(cx->getNewValOperand());
  if (a.base == kNoValue || cmp == kNoValue || nv == kNoValue) return fail(in);
  uint32_t align = uint32_t(cx->getAlign().value());
  uint32_t old = loadScalar(t, a, align, true, false);
  uint32_t eq = add(cmpOp(I32Eq, ty), Ty::I32, {zext(old, w), zext(cmp, w)}, ExtZero);
  uint32_t val = add(0x1b, ty, {nv, old, eq});
  storeScalar(t, a, align, val, true);
  uint32_t ps[2] = {old, eq};
  defineParts(&in, ps);
  return true;
}

}  // namespace toyc::llvmir
