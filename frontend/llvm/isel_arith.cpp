// Instruction selection: the instruction dispatch, integer and
// floating-point arithmetic, compares, casts and select.
#include <llvm/IR/Constants.h>
#include <llvm/IR/Operator.h>
#include "frontend/llvm/isel.h"
#include "frontend/llvm/isel_ops.h"

namespace toyc::llvmir {

using namespace codegen;
using namespace ops;

bool FunctionLowering::lowerInst(const llvm::Instruction& in) {
  // Integers wider than 64 bits and fp128: their own selection, except for the
  // instructions that only move parts.
  bool movesParts = llvm::isa<llvm::StoreInst>(in) || llvm::isa<llvm::CallBase>(in) ||
                    llvm::isa<llvm::SelectInst>(in) || llvm::isa<llvm::ExtractValueInst>(in) ||
                    llvm::isa<llvm::InsertValueInst>(in) || llvm::isa<llvm::FreezeInst>(in);
  if (!movesParts) {
    bool loads = llvm::isa<llvm::LoadInst>(in);
    if (isBig(in.getType()) && !loads) return lowerBig(in);
    for (const llvm::Use& op : in.operands())
      if (isBig(op->getType())) return lowerBig(in);
    for (const llvm::Use& op : in.operands())
      if (isWide(op->getType())) return lowerWide(in);
    if (isWide(in.getType()) && !loads) return lowerWide(in);
  }
  switch (in.getOpcode()) {
    case llvm::Instruction::Add: case llvm::Instruction::Sub: case llvm::Instruction::Mul:
    case llvm::Instruction::UDiv: case llvm::Instruction::SDiv: case llvm::Instruction::URem:
    case llvm::Instruction::SRem: case llvm::Instruction::Shl: case llvm::Instruction::LShr:
    case llvm::Instruction::AShr: case llvm::Instruction::And: case llvm::Instruction::Or:
    case llvm::Instruction::Xor: case llvm::Instruction::FAdd: case llvm::Instruction::FSub:
    case llvm::Instruction::FMul: case llvm::Instruction::FDiv: case llvm::Instruction::FRem:
      return lowerBinary(llvm::cast<llvm::BinaryOperator>(in));
    case llvm::Instruction::FNeg: {
      if (!in.getType()->isFloatTy() && !in.getType()->isDoubleTy()) return fail(in);
      Ty ty = in.getType()->isFloatTy() ? Ty::F32 : Ty::F64;
      uint32_t a = get(in.getOperand(0));
      if (a == kNoValue) return fail(in);
      define(&in, add(ty == Ty::F32 ? 0x8c : 0x9a, ty, {a}));
      return true;
    }
    case llvm::Instruction::ICmp: return lowerICmp(llvm::cast<llvm::ICmpInst>(in));
    case llvm::Instruction::FCmp: return lowerFCmp(llvm::cast<llvm::FCmpInst>(in));
    case llvm::Instruction::Trunc: case llvm::Instruction::ZExt: case llvm::Instruction::SExt:
    case llvm::Instruction::FPTrunc: case llvm::Instruction::FPExt: case llvm::Instruction::FPToUI:
    case llvm::Instruction::FPToSI: case llvm::Instruction::UIToFP: case llvm::Instruction::SIToFP:
    case llvm::Instruction::PtrToInt: case llvm::Instruction::IntToPtr: case llvm::Instruction::BitCast:
    case llvm::Instruction::AddrSpaceCast:
      return lowerCast(llvm::cast<llvm::CastInst>(in));
    case llvm::Instruction::Select: return lowerSelect(llvm::cast<llvm::SelectInst>(in));
    case llvm::Instruction::Load: return lowerLoad(llvm::cast<llvm::LoadInst>(in));
    case llvm::Instruction::Store: return lowerStore(llvm::cast<llvm::StoreInst>(in));
    case llvm::Instruction::GetElementPtr: return lowerGep(llvm::cast<llvm::GetElementPtrInst>(in));
    case llvm::Instruction::Alloca: return lowerAlloca(llvm::cast<llvm::AllocaInst>(in));
    case llvm::Instruction::Call: return lowerCall(llvm::cast<llvm::CallBase>(in));
    case llvm::Instruction::Fence: return true;  // one thread
    case llvm::Instruction::VAArg: return lowerVAArg(llvm::cast<llvm::VAArgInst>(in));
    case llvm::Instruction::AtomicRMW: case llvm::Instruction::AtomicCmpXchg: return lowerAtomic(in);
    case llvm::Instruction::Freeze: {
      std::vector<uint32_t> ps;
      if (!getParts(in.getOperand(0), ps)) return fail(in);
      defineParts(&in, ps);
      return true;
    }
    case llvm::Instruction::ExtractValue: {
      auto& ev = llvm::cast<llvm::ExtractValueInst>(in);
      std::vector<uint32_t> ps;
      if (!getParts(ev.getAggregateOperand(), ps)) return fail(in);
      llvm::Type* t = nullptr;
      uint32_t at = partsBefore(ev.getAggregateOperand()->getType(), ev.getIndices(), t);
      std::vector<Ty> tys;
      if (!flattenType(t, tys)) return fail(in);
      defineParts(&in, std::span<const uint32_t>(ps.data() + at, tys.size()));
      return true;
    }
    case llvm::Instruction::InsertValue: {
      auto& iv = llvm::cast<llvm::InsertValueInst>(in);
      std::vector<uint32_t> ps, es;
      if (!getParts(iv.getAggregateOperand(), ps) || !getParts(iv.getInsertedValueOperand(), es)) return fail(in);
      llvm::Type* t = nullptr;
      uint32_t at = partsBefore(iv.getAggregateOperand()->getType(), iv.getIndices(), t);
      if (at + es.size() > ps.size()) return fail(in);
      std::copy(es.begin(), es.end(), ps.begin() + at);
      defineParts(&in, ps);
      return true;
    }
    default: return fail(in);
  }
}

// The number of parts before the element an extractvalue or insertvalue
// names (parts are the flattened scalars of the aggregate, level by level);
// elem receives the element's type.
uint32_t FunctionLowering::partsBefore(llvm::Type* agg, llvm::ArrayRef<unsigned> indices, llvm::Type*& elem) {
  uint32_t at = 0;
  std::vector<Ty> tys;
  for (unsigned idx : indices) {
    for (unsigned k = 0; k < idx; ++k) {
      tys.clear();
      flattenType(agg->isStructTy() ? agg->getStructElementType(k) : agg->getArrayElementType(), tys);
      at += uint32_t(tys.size());
    }
    agg = agg->isStructTy() ? agg->getStructElementType(idx) : agg->getArrayElementType();
  }
  elem = agg;
  return at;
}

bool FunctionLowering::lowerBinary(const llvm::BinaryOperator& bo) {
  llvm::Type* t = bo.getType();
  if (t->isFloatTy() || t->isDoubleTy()) {
    Ty ty = t->isFloatTy() ? Ty::F32 : Ty::F64;
    uint32_t a = get(bo.getOperand(0)), b = get(bo.getOperand(1));
    if (a == kNoValue || b == kNoValue) return fail(bo);
    uint16_t base = ty == Ty::F32 ? 0x92 : 0xa0;
    switch (bo.getOpcode()) {
      case llvm::Instruction::FAdd: define(&bo, add(base, ty, {a, b})); return true;
      case llvm::Instruction::FSub: define(&bo, add(base + 1, ty, {a, b})); return true;
      case llvm::Instruction::FMul: define(&bo, add(base + 2, ty, {a, b})); return true;
      case llvm::Instruction::FDiv: define(&bo, add(base + 3, ty, {a, b})); return true;
      case llvm::Instruction::FRem:
        define(&bo, callLib(ty == Ty::F32 ? LibFn::Fmodf : LibFn::Fmod, {a, b}, ty));
        return true;
      default: return fail(bo);
    }
  }
  unsigned w = widthOf(t);
  if (w == 0 || w > 64) return fail(bo);
  Ty ty = containerOf(w);
  unsigned cw = ty == Ty::I64 ? 64 : 32;
  const llvm::Value* x = bo.getOperand(0);
  const llvm::Value* y = bo.getOperand(1);
  uint32_t a, b, r;
  switch (bo.getOpcode()) {
    case llvm::Instruction::Add: case llvm::Instruction::Sub: case llvm::Instruction::Mul: {
      a = get(x), b = get(y);
      if (a == kNoValue || b == kNoValue) return fail(bo);
      uint16_t op = bo.getOpcode() == llvm::Instruction::Add ? I32Add : bo.getOpcode() == llvm::Instruction::Sub ? I32Sub : I32Mul;
      r = add(intOp(op, ty), ty, {a, b}, w == cw ? ExtNone : ExtNone);
      break;
    }
    case llvm::Instruction::And: case llvm::Instruction::Or: case llvm::Instruction::Xor: {
      a = get(x), b = get(y);
      if (a == kNoValue || b == kNoValue) return fail(bo);
      uint16_t op = bo.getOpcode() == llvm::Instruction::And ? I32And : bo.getOpcode() == llvm::Instruction::Or ? I32Or : I32Xor;
      Ext e = ExtNone;
      bool za = extOf(a) == ExtZero || (isConst(a) && w < cw && (uint64_t(constValue(a)) >> w) == 0);
      bool zb = extOf(b) == ExtZero || (isConst(b) && w < cw && (uint64_t(constValue(b)) >> w) == 0);
      if (op == I32And ? (za || zb) : (za && zb)) e = ExtZero;
      if (op == I32And && isConst(b) && w < cw && !zb) {
        // `and x, C` of a narrow value: mask C to the width so the result is clean.
        uint64_t m = uint64_t(constValue(b)) & ((uint64_t(1) << w) - 1);
        b = ty == Ty::I64 ? c64(int64_t(m)) : c32(int32_t(uint32_t(m)));
        e = ExtZero;
      }
      if (extOf(a) == ExtSign && extOf(b) == ExtSign) e = ExtSign;
      r = add(intOp(op, ty), ty, {a, b}, e);
      break;
    }
    case llvm::Instruction::Shl: {
      a = get(x);
      b = w < 6 ? zextOp(y) : get(y);
      if (a == kNoValue || b == kNoValue) return fail(bo);
      r = add(intOp(I32Shl, ty), ty, {a, b});
      break;
    }
    case llvm::Instruction::LShr: {
      a = zextOp(x);
      b = w < 6 ? zextOp(y) : get(y);
      if (a == kNoValue || b == kNoValue) return fail(bo);
      r = add(intOp(I32ShrU, ty), ty, {a, b}, w < cw ? ExtZero : ExtNone);
      break;
    }
    case llvm::Instruction::AShr: {
      a = sextOp(x);
      b = w < 6 ? zextOp(y) : get(y);
      if (a == kNoValue || b == kNoValue) return fail(bo);
      r = add(intOp(I32ShrS, ty), ty, {a, b}, w < cw ? ExtSign : ExtNone);
      break;
    }
    case llvm::Instruction::UDiv: case llvm::Instruction::URem: {
      a = zextOp(x), b = zextOp(y);
      if (a == kNoValue || b == kNoValue) return fail(bo);
      r = add(intOp(bo.getOpcode() == llvm::Instruction::UDiv ? I32DivU : I32RemU, ty), ty, {a, b},
              w < cw ? ExtZero : ExtNone);
      break;
    }
    case llvm::Instruction::SDiv: case llvm::Instruction::SRem: {
      a = sextOp(x), b = sextOp(y);
      if (a == kNoValue || b == kNoValue) return fail(bo);
      r = add(intOp(bo.getOpcode() == llvm::Instruction::SDiv ? I32DivS : I32RemS, ty), ty, {a, b},
              w < cw ? ExtSign : ExtNone);
      break;
    }
    default: return fail(bo);
  }
  define(&bo, r);
  return true;
}

uint32_t FunctionLowering::icmp(llvm::CmpInst::Predicate p, const llvm::Value* x, const llvm::Value* y) {
  unsigned w = widthOf(x->getType());
  if (w == 0 || w > 64) return kNoValue;
  Ty ty = containerOf(w);
  uint32_t a, b;
  bool isSigned = llvm::CmpInst::isSigned(p);
  if (isSigned) {
    a = sextOp(x), b = sextOp(y);
  } else if (llvm::CmpInst::isEquality(p)) {
    a = get(x), b = get(y);
    if (a == kNoValue || b == kNoValue) return kNoValue;
    bool bothSign = (extOf(a) == ExtSign || isConst(a)) && (extOf(b) == ExtSign || isConst(b));
    if (!bothSign) {
      a = zext(a, w);
      b = zext(b, w);
    }
  } else {
    a = zextOp(x), b = zextOp(y);
  }
  if (a == kNoValue || b == kNoValue) return kNoValue;
  uint16_t op;
  switch (p) {
    case llvm::CmpInst::ICMP_EQ:
      if (isConst(b) && constValue(b) == 0) return add(ty == Ty::I64 ? 0x50 : I32Eqz, Ty::I32, {a}, ExtZero);
      op = I32Eq;
      break;
    case llvm::CmpInst::ICMP_NE: op = I32Ne; break;
    case llvm::CmpInst::ICMP_SLT: op = I32LtS; break;
    case llvm::CmpInst::ICMP_ULT: op = I32LtU; break;
    case llvm::CmpInst::ICMP_SGT: op = I32GtS; break;
    case llvm::CmpInst::ICMP_UGT: op = I32GtU; break;
    case llvm::CmpInst::ICMP_SLE: op = I32LeS; break;
    case llvm::CmpInst::ICMP_ULE: op = I32LeU; break;
    case llvm::CmpInst::ICMP_SGE: op = I32GeS; break;
    case llvm::CmpInst::ICMP_UGE: op = I32GeU; break;
    default: return kNoValue;
  }
  return add(cmpOp(op, ty), Ty::I32, {a, b}, ExtZero);
}

bool FunctionLowering::lowerICmp(const llvm::ICmpInst& c) {
  if (c.getType()->isVectorTy()) return fail(c);
  uint32_t r = icmp(c.getPredicate(), c.getOperand(0), c.getOperand(1));
  if (r == kNoValue) return fail(c);
  define(&c, r);
  return true;
}

uint32_t FunctionLowering::fcmp(llvm::CmpInst::Predicate p, uint32_t a, uint32_t b, Ty t) {
  uint16_t base = t == Ty::F32 ? 0x5b : 0x61;  // eq ne lt gt le ge
  auto op = [&](unsigned k, uint32_t x, uint32_t y) { return add(uint16_t(base + k), Ty::I32, {x, y}, ExtZero); };
  auto notOf = [&](uint32_t v) { return add(I32Eqz, Ty::I32, {v}, ExtZero); };
  switch (p) {
    case llvm::CmpInst::FCMP_FALSE: return track(c32(0), ExtZero);
    case llvm::CmpInst::FCMP_TRUE: return track(c32(1), ExtZero);
    case llvm::CmpInst::FCMP_OEQ: return op(0, a, b);
    case llvm::CmpInst::FCMP_UNE: return op(1, a, b);
    case llvm::CmpInst::FCMP_OLT: return op(2, a, b);
    case llvm::CmpInst::FCMP_OGT: return op(3, a, b);
    case llvm::CmpInst::FCMP_OLE: return op(4, a, b);
    case llvm::CmpInst::FCMP_OGE: return op(5, a, b);
    case llvm::CmpInst::FCMP_UGE: return notOf(op(2, a, b));
    case llvm::CmpInst::FCMP_ULE: return notOf(op(3, a, b));
    case llvm::CmpInst::FCMP_UGT: return notOf(op(4, a, b));
    case llvm::CmpInst::FCMP_ULT: return notOf(op(5, a, b));
    case llvm::CmpInst::FCMP_ONE: return add(I32Or, Ty::I32, {op(2, a, b), op(3, a, b)}, ExtZero);
    case llvm::CmpInst::FCMP_UEQ: return notOf(add(I32Or, Ty::I32, {op(2, a, b), op(3, a, b)}, ExtZero));
    case llvm::CmpInst::FCMP_ORD: return add(I32And, Ty::I32, {op(0, a, a), op(0, b, b)}, ExtZero);
    case llvm::CmpInst::FCMP_UNO: return add(I32Or, Ty::I32, {op(1, a, a), op(1, b, b)}, ExtZero);
    default: return kNoValue;
  }
}

bool FunctionLowering::lowerFCmp(const llvm::FCmpInst& c) {
  llvm::Type* t = c.getOperand(0)->getType();
  if (!t->isFloatTy() && !t->isDoubleTy()) return fail(c);
  uint32_t a = get(c.getOperand(0)), b = get(c.getOperand(1));
  if (a == kNoValue || b == kNoValue) return fail(c);
  uint32_t r = fcmp(c.getPredicate(), a, b, t->isFloatTy() ? Ty::F32 : Ty::F64);
  if (r == kNoValue) return fail(c);
  define(&c, r);
  return true;
}

bool FunctionLowering::lowerCast(const llvm::CastInst& c) {
  llvm::Type* from = c.getSrcTy();
  llvm::Type* to = c.getDestTy();
  if (from->isVectorTy() || to->isVectorTy()) return fail(c);
  const llvm::Value* x = c.getOperand(0);
  unsigned wf = widthOf(from), wt = widthOf(to);
  uint32_t v = kNoValue;
  auto fty = [](llvm::Type* t) { return t->isFloatTy() ? Ty::F32 : t->isDoubleTy() ? Ty::F64 : Ty::None; };
  switch (c.getOpcode()) {
    case llvm::Instruction::Trunc: {
      uint32_t a = get(x);
      if (a == kNoValue || wt > 64 || wf > 64) return fail(c);
      if (wf > 32 && wt <= 32) v = add(0xa7, Ty::I32, {a}, wt == 32 ? ExtNone : ExtNone);
      else v = track(f_->add(OpMove, f_->insts[a].ty, {a}), wt == wf ? extOf(a) : ExtNone);
      break;
    }
    case llvm::Instruction::ZExt: {
      if (wf > 64 || wt > 64) return fail(c);
      uint32_t a = zextOp(x);
      if (a == kNoValue) return fail(c);
      if (wf <= 32 && wt > 32) v = add(0xad, Ty::I64, {a}, ExtZero);
      else v = a;
      break;
    }
    case llvm::Instruction::SExt: {
      if (wf > 64 || wt > 64) return fail(c);
      uint32_t a = sextOp(x);
      if (a == kNoValue) return fail(c);
      // Sign-extended to its container, a is also the value at any wider
      // width within the same container.
      v = wf <= 32 && wt > 32 ? add(0xac, Ty::I64, {a}, ExtSign) : a;
      break;
    }
    case llvm::Instruction::FPTrunc: {
      if (!from->isDoubleTy() || !to->isFloatTy()) return fail(c);
      uint32_t a = get(x);
      if (a == kNoValue) return fail(c);
      v = add(0xb6, Ty::F32, {a});
      break;
    }
    case llvm::Instruction::FPExt: {
      if (!from->isFloatTy() || !to->isDoubleTy()) return fail(c);
      uint32_t a = get(x);
      if (a == kNoValue) return fail(c);
      v = add(0xbb, Ty::F64, {a});
      break;
    }
    case llvm::Instruction::FPToSI: case llvm::Instruction::FPToUI: {
      Ty ft = fty(from);
      if (ft == Ty::None || wt == 0 || wt > 64) return fail(c);
      uint32_t a = get(x);
      if (a == kNoValue) return fail(c);
      bool s = c.getOpcode() == llvm::Instruction::FPToSI;
      // i32.trunc_f32_s a8, _u a9, f64 aa ab; i64 ae af b0 b1
      uint16_t op = (wt <= 32 ? 0xa8 : 0xae) + (ft == Ty::F64 ? 2 : 0) + (s ? 0 : 1);
      v = add(op, containerOf(wt), {a}, wt == 32 || wt == 64 ? ExtNone : s ? ExtSign : ExtZero);
      break;
    }
    case llvm::Instruction::SIToFP: case llvm::Instruction::UIToFP: {
      Ty tt = fty(to);
      if (tt == Ty::None || wf == 0 || wf > 64) return fail(c);
      bool s = c.getOpcode() == llvm::Instruction::SIToFP;
      uint32_t a = s ? sextOp(x) : zextOp(x);
      if (a == kNoValue) return fail(c);
      // f32.convert_i32_s b2 _u b3 i64 b4 b5; f64 b7 b8 b9 ba
      uint16_t op = (tt == Ty::F32 ? 0xb2 : 0xb7) + (wf > 32 ? 2 : 0) + (s ? 0 : 1);
      v = add(op, tt, {a});
      break;
    }
    case llvm::Instruction::PtrToInt: {
      uint32_t a = get(x);
      if (a == kNoValue || wt > 64) return fail(c);
      if (wt > 32) v = add(0xad, Ty::I64, {a}, ExtZero);
      else v = a;
      break;
    }
    case llvm::Instruction::IntToPtr: {
      if (wf > 64) return fail(c);
      uint32_t a = wf > 32 ? get(x) : zextOp(x);
      if (a == kNoValue) return fail(c);
      v = wf > 32 ? add(0xa7, Ty::I32, {a}) : a;
      break;
    }
    case llvm::Instruction::BitCast: case llvm::Instruction::AddrSpaceCast: {
      uint32_t a = get(x);
      if (a == kNoValue) return fail(c);
      Ty tf = f_->insts[a].ty;
      Ty tt = fty(to) != Ty::None ? fty(to) : wt && wt <= 32 ? Ty::I32 : wt && wt <= 64 ? Ty::I64 : Ty::None;
      if (tt == Ty::None) return fail(c);
      if (tf == tt) v = a;
      else if (tf == Ty::F32 && tt == Ty::I32) v = add(0xbc, Ty::I32, {a});
      else if (tf == Ty::F64 && tt == Ty::I64) v = add(0xbd, Ty::I64, {a});
      else if (tf == Ty::I32 && tt == Ty::F32) v = add(0xbe, Ty::F32, {a});
      else if (tf == Ty::I64 && tt == Ty::F64) v = add(0xbf, Ty::F64, {a});
      else return fail(c);
      break;
    }
    default: return fail(c);
  }
  define(&c, v);
  return true;
}

bool FunctionLowering::lowerSelect(const llvm::SelectInst& s) {
  if (s.getCondition()->getType()->isVectorTy()) return fail(s);
  std::vector<uint32_t> a, b;
  if (!getParts(s.getTrueValue(), a) || !getParts(s.getFalseValue(), b) || a.size() != b.size()) return fail(s);
  uint32_t c = truthOf(s.getCondition());
  if (c == kNoValue) return fail(s);
  scratch_.clear();
  for (size_t k = 0; k < a.size(); ++k) {
    Ext e = extOf(a[k]) == extOf(b[k]) ? extOf(a[k]) : ExtNone;
    scratch_.push_back(add(Select, f_->insts[a[k]].ty, {a[k], b[k], c}, e));
  }
  defineParts(&s, scratch_);
  return true;
}

}  // namespace toyc::llvmir
