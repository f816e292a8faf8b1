// Instruction selection for 128-bit values: i128 (two i64 parts: low,
// high) with inline addition, logic, compares and constant shifts and
// compiler-rt calls for the rest (__multi3, __divti3, __ashlti3, ...); fp128
// (C's long double on wasm32) entirely through compiler-rt (__addtf3,
// __eqtf2, __extenddftf2, ...), as LLVM's backend does.
//
// i65..i127 (clang's _BitInt(N), and the i65 of __builtin_add_overflow on
// mixed signedness) are i128 whose bits above N are unspecified: the
// operations that read those bits zero- or sign-extend the high part first
// (getWide), results that must fit N bits are checked against their own
// extension (wideOverflows), and bit-order operations (bswap, bitreverse,
// ctlz) work on 128 bits and shift the answer back.
#include <array>
#include <llvm/IR/Constants.h>
#include <llvm/IR/Intrinsics.h>
#include "frontend/llvm/isel.h"
#include "frontend/llvm/isel_ops.h"

namespace toyc::llvmir {

using namespace codegen;
using namespace ops;

uint32_t FunctionLowering::wideHi(uint32_t hi, unsigned bits, bool sign) {
  if (bits >= 128) return hi;
  unsigned k = bits - 64;  // bits of the high part, 1..63
  if (isConst(hi)) {
    uint64_t v = uint64_t(constValue(hi)) << (64 - k);
    return c64(sign ? int64_t(v) >> (64 - k) : int64_t(v >> (64 - k)));
  }
  // A high part made by sign-extending a narrower value (x >>s 63) is all
  // sign copies already.
  if (sign) {
    const codegen::MInst& in = f_->insts[hi];
    if (in.op == I64ShrS && in.numOps == 2 && isConst(f_->operands[in.opBegin + 1]) &&
        constValue(f_->operands[in.opBegin + 1]) == 63)
      return hi;
  }
  if (sign) {
    uint32_t s = c64(int64_t(64 - k));
    return add(I64ShrS, Ty::I64, {add(I64Shl, Ty::I64, {hi, s}), s});
  }
  return add(I64And, Ty::I64, {hi, c64(int64_t((uint64_t(1) << k) - 1))});
}

bool FunctionLowering::getWide(const llvm::Value* v, Ext e, std::vector<uint32_t>& out) {
  if (!getParts(v, out) || out.size() != 2) return false;
  unsigned w = widthOf(v->getType());
  if (e != ExtNone && w && w < 128) out[1] = wideHi(out[1], w, e == ExtSign);
  return true;
}

uint32_t FunctionLowering::wideOverflows(const uint32_t r[2], unsigned bits, bool sign) {
  if (bits >= 128) return c32(0);
  if (!sign) return add(I64Ne, Ty::I32, {add(I64ShrU, Ty::I64, {r[1], c64(int64_t(bits - 64))}), c64(0)}, ExtZero);
  return add(I64Ne, Ty::I32, {wideHi(r[1], bits, true), r[1]}, ExtZero);
}

void FunctionLowering::wideShift(unsigned opcode, const uint32_t a[2], unsigned s, uint32_t r[2]) {
  auto c = [&](unsigned v) { return c64(int64_t(v)); };
  if (s == 0) {
    r[0] = a[0], r[1] = a[1];
  } else if (opcode == llvm::Instruction::Shl) {
    if (s < 64) {
      r[0] = add(I64Shl, Ty::I64, {a[0], c(s)});
      r[1] = add(I64Or, Ty::I64, {add(I64Shl, Ty::I64, {a[1], c(s)}), add(I64ShrU, Ty::I64, {a[0], c(64 - s)})});
    } else {
      r[0] = c64(0);
      r[1] = s == 64 ? a[0] : add(I64Shl, Ty::I64, {a[0], c(s - 64)});
    }
  } else {
    bool arith = opcode == llvm::Instruction::AShr;
    uint16_t shr = arith ? I64ShrS : I64ShrU;
    if (s < 64) {
      r[0] = add(I64Or, Ty::I64, {add(I64ShrU, Ty::I64, {a[0], c(s)}), add(I64Shl, Ty::I64, {a[1], c(64 - s)})});
      r[1] = add(shr, Ty::I64, {a[1], c(s)});
    } else {
      r[0] = s == 64 ? a[1] : add(shr, Ty::I64, {a[1], c(s - 64)});
      r[1] = arith ? add(I64ShrS, Ty::I64, {a[1], c(63)}) : c64(0);
    }
  }
}

uint32_t FunctionLowering::wideICmp(llvm::CmpInst::Predicate p, const llvm::Value* x, const llvm::Value* y) {
  std::vector<uint32_t> a, b;
  Ext e = llvm::CmpInst::isSigned(p) ? ExtSign : ExtZero;
  if (!getWide(x, e, a) || !getWide(y, e, b)) return kNoValue;
  if (llvm::CmpInst::isEquality(p)) {
    uint32_t d = add(I64Or, Ty::I64, {add(I64Xor, Ty::I64, {a[0], b[0]}), add(I64Xor, Ty::I64, {a[1], b[1]})});
    uint32_t z = add(I64Eqz, Ty::I32, {d}, ExtZero);
    return p == llvm::CmpInst::ICMP_EQ ? z : add(I32Eqz, Ty::I32, {z}, ExtZero);
  }
  uint16_t lo, hi;
  switch (p) {
    case llvm::CmpInst::ICMP_ULT: lo = I64LtU; hi = I64LtU; break;
    case llvm::CmpInst::ICMP_ULE: lo = I64LeU; hi = I64LtU; break;
    case llvm::CmpInst::ICMP_UGT: lo = I64GtU; hi = I64GtU; break;
    case llvm::CmpInst::ICMP_UGE: lo = I64GeU; hi = I64GtU; break;
    case llvm::CmpInst::ICMP_SLT: lo = I64LtU; hi = I64LtS; break;
    case llvm::CmpInst::ICMP_SLE: lo = I64LeU; hi = I64LtS; break;
    case llvm::CmpInst::ICMP_SGT: lo = I64GtU; hi = I64GtS; break;
    case llvm::CmpInst::ICMP_SGE: lo = I64GeU; hi = I64GtS; break;
    default: return kNoValue;
  }
  uint32_t cl = add(lo, Ty::I32, {a[0], b[0]}, ExtZero);
  uint32_t ch = add(hi, Ty::I32, {a[1], b[1]}, ExtZero);
  uint32_t eq = add(I64Eq, Ty::I32, {a[1], b[1]}, ExtZero);
  return add(0x1b, Ty::I32, {cl, ch, eq}, ExtZero);
}

uint32_t FunctionLowering::fp128Cmp(llvm::CmpInst::Predicate p, const llvm::Value* x, const llvm::Value* y) {
  std::vector<uint32_t> a, b;
  if (!getParts(x, a) || !getParts(y, b) || a.size() != 2 || b.size() != 2) return kNoValue;
  auto lib = [&](LibFn fn) { return callLib(fn, {a[0], a[1], b[0], b[1]}, Ty::I32); };
  auto cmp0 = [&](uint32_t v, uint16_t op) { return add(op, Ty::I32, {v, c32(0)}, ExtZero); };
  const uint16_t eq = 0x46, ne = 0x47, lt = 0x48, gt = 0x4a, le = 0x4c, ge = 0x4e;
  switch (p) {
    case llvm::CmpInst::FCMP_FALSE: return track(c32(0), ExtZero);
    case llvm::CmpInst::FCMP_TRUE: return track(c32(1), ExtZero);
    case llvm::CmpInst::FCMP_OEQ: return cmp0(lib(LibFn::Eqtf2), eq);
    case llvm::CmpInst::FCMP_UNE: return cmp0(lib(LibFn::Netf2), ne);
    case llvm::CmpInst::FCMP_OLT: return cmp0(lib(LibFn::Lttf2), lt);
    case llvm::CmpInst::FCMP_OLE: return cmp0(lib(LibFn::Letf2), le);
    case llvm::CmpInst::FCMP_OGT: return cmp0(lib(LibFn::Gttf2), gt);
    case llvm::CmpInst::FCMP_OGE: return cmp0(lib(LibFn::Getf2), ge);
    case llvm::CmpInst::FCMP_ULT: return cmp0(lib(LibFn::Getf2), lt);
    case llvm::CmpInst::FCMP_ULE: return cmp0(lib(LibFn::Gttf2), le);
    case llvm::CmpInst::FCMP_UGT: return cmp0(lib(LibFn::Letf2), gt);
    case llvm::CmpInst::FCMP_UGE: return cmp0(lib(LibFn::Lttf2), ge);
    case llvm::CmpInst::FCMP_UNO: return cmp0(lib(LibFn::Unordtf2), ne);
    case llvm::CmpInst::FCMP_ORD: return cmp0(lib(LibFn::Unordtf2), eq);
    case llvm::CmpInst::FCMP_ONE: {
      uint32_t n = cmp0(lib(LibFn::Netf2), ne);
      uint32_t o = cmp0(lib(LibFn::Unordtf2), eq);
      return add(I32And, Ty::I32, {n, o}, ExtZero);
    }
    case llvm::CmpInst::FCMP_UEQ: {
      uint32_t e = cmp0(lib(LibFn::Eqtf2), eq);
      uint32_t u = cmp0(lib(LibFn::Unordtf2), ne);
      return add(I32Or, Ty::I32, {e, u}, ExtZero);
    }
    default: return kNoValue;
  }
}

bool FunctionLowering::wideBinary(const llvm::BinaryOperator& bo) {
  std::vector<uint32_t> a, b;
  // What the operation reads of the bits above an iN's width.
  Ext ea = ExtNone, eb = ExtNone;
  switch (bo.getOpcode()) {
    case llvm::Instruction::LShr: ea = ExtZero; break;
    case llvm::Instruction::AShr: ea = ExtSign; break;
    case llvm::Instruction::UDiv: case llvm::Instruction::URem: ea = eb = ExtZero; break;
    case llvm::Instruction::SDiv: case llvm::Instruction::SRem: ea = eb = ExtSign; break;
    default: break;
  }
  if (!getWide(bo.getOperand(0), ea, a) || !getWide(bo.getOperand(1), eb, b)) return fail(bo);
  uint32_t r[2];
  auto lib = [&](LibFn fn) { callLibIndirect(fn, {a[0], a[1], b[0], b[1]}, r); };
  switch (bo.getOpcode()) {
    case llvm::Instruction::FAdd: lib(LibFn::Addtf3); break;
    case llvm::Instruction::FSub: lib(LibFn::Subtf3); break;
    case llvm::Instruction::FMul: lib(LibFn::Multf3); break;
    case llvm::Instruction::FDiv: lib(LibFn::Divtf3); break;
    case llvm::Instruction::FRem: lib(LibFn::Fmodl); break;
    case llvm::Instruction::Mul: lib(LibFn::Multi3); break;
    case llvm::Instruction::SDiv: lib(LibFn::Divti3); break;
    case llvm::Instruction::UDiv: lib(LibFn::Udivti3); break;
    case llvm::Instruction::SRem: lib(LibFn::Modti3); break;
    case llvm::Instruction::URem: lib(LibFn::Umodti3); break;
    case llvm::Instruction::Add: {
      r[0] = add(I64Add, Ty::I64, {a[0], b[0]});
      uint32_t carry = add(0xad, Ty::I64, {add(I64LtU, Ty::I32, {r[0], a[0]})});
      r[1] = add(I64Add, Ty::I64, {add(I64Add, Ty::I64, {a[1], b[1]}), carry});
      break;
    }
    case llvm::Instruction::Sub: {
      r[0] = add(I64Sub, Ty::I64, {a[0], b[0]});
      uint32_t borrow = add(0xad, Ty::I64, {add(I64LtU, Ty::I32, {a[0], b[0]})});
      r[1] = add(I64Sub, Ty::I64, {add(I64Sub, Ty::I64, {a[1], b[1]}), borrow});
      break;
    }
    case llvm::Instruction::And: case llvm::Instruction::Or: case llvm::Instruction::Xor: {
      uint16_t op = bo.getOpcode() == llvm::Instruction::And ? I64And : bo.getOpcode() == llvm::Instruction::Or ? I64Or : I64Xor;
      r[0] = add(op, Ty::I64, {a[0], b[0]});
      r[1] = add(op, Ty::I64, {a[1], b[1]});
      break;
    }
    case llvm::Instruction::Shl: case llvm::Instruction::LShr: case llvm::Instruction::AShr: {
      auto* k = llvm::dyn_cast<llvm::ConstantInt>(bo.getOperand(1));
      if (!k) {
        LibFn fn = bo.getOpcode() == llvm::Instruction::Shl ? LibFn::Ashlti3
                   : bo.getOpcode() == llvm::Instruction::LShr ? LibFn::Lshrti3 : LibFn::Ashrti3;
        uint32_t amt = add(0xa7, Ty::I32, {b[0]});
        callLibIndirect(fn, {a[0], a[1], amt}, r);
        break;
      }
      wideShift(bo.getOpcode(), a.data(), unsigned(k->getValue().getLimitedValue(127)), r);
      break;
    }
    default: return fail(bo);
  }
  defineParts(&bo, r);
  return true;
}

bool FunctionLowering::wideCast(const llvm::CastInst& c) {
  llvm::Type* from = c.getSrcTy();
  llvm::Type* to = c.getDestTy();
  const llvm::Value* x = c.getOperand(0);
  std::vector<uint32_t> a;
  uint32_t r[2];
  bool toWide = isWide(to), fromWide = isWide(from);
  unsigned wf = widthOf(from), wt = widthOf(to);
  auto fty = [](llvm::Type* t) { return t->isFloatTy() ? Ty::F32 : t->isDoubleTy() ? Ty::F64 : Ty::None; };
  switch (c.getOpcode()) {
    case llvm::Instruction::BitCast:
      if (!getParts(x, a) || a.size() != 2) return fail(c);
      defineParts(&c, a);
      return true;
    case llvm::Instruction::Trunc: {
      if (!getParts(x, a) || a.size() != 2) return fail(c);
      if (toWide) {
        defineParts(&c, a);
        return true;
      }
      define(&c, wt <= 32 ? add(0xa7, Ty::I32, {a[0]}) : a[0]);
      return true;
    }
    case llvm::Instruction::ZExt: case llvm::Instruction::SExt: {
      bool s = c.getOpcode() == llvm::Instruction::SExt;
      if (wf > 64) {  // i65..i127 to a wider one: its high part extended
        if (!getWide(x, s ? ExtSign : ExtZero, a)) return fail(c);
        defineParts(&c, a);
        return true;
      }
      uint32_t v = s ? sextOp(x) : zextOp(x);
      if (v == kNoValue) return fail(c);
      if (wf <= 32) v = add(s ? 0xac : 0xad, Ty::I64, {v});
      r[0] = v;
      r[1] = s ? add(I64ShrS, Ty::I64, {v, c64(63)}) : c64(0);
      defineParts(&c, r);
      return true;
    }
    case llvm::Instruction::PtrToInt: {
      uint32_t v = get(x);
      if (v == kNoValue) return fail(c);
      r[0] = add(0xad, Ty::I64, {v});
      r[1] = c64(0);
      defineParts(&c, r);
      return true;
    }
    case llvm::Instruction::IntToPtr: {
      if (!getParts(x, a) || a.size() != 2) return fail(c);
      define(&c, add(0xa7, Ty::I32, {a[0]}));
      return true;
    }
    case llvm::Instruction::FPExt: {
      Ty ft = fty(from);
      uint32_t v = get(x);
      if (ft == Ty::None || v == kNoValue || !to->isFP128Ty()) return fail(c);
      callLibIndirect(ft == Ty::F32 ? LibFn::Extendsftf2 : LibFn::Extenddftf2, {v}, r);
      defineParts(&c, r);
      return true;
    }
    case llvm::Instruction::FPTrunc: {
      Ty tt = fty(to);
      if (tt == Ty::None || !getParts(x, a) || a.size() != 2) return fail(c);
      define(&c, callLib(tt == Ty::F32 ? LibFn::Trunctfsf2 : LibFn::Trunctfdf2, {a[0], a[1]}, tt));
      return true;
    }
    case llvm::Instruction::FPToSI: case llvm::Instruction::FPToUI: {
      bool s = c.getOpcode() == llvm::Instruction::FPToSI;
      if (toWide) {
        if (from->isFP128Ty()) {
          if (!getParts(x, a) || a.size() != 2) return fail(c);
          callLibIndirect(s ? LibFn::Fixtfti : LibFn::Fixunstfti, {a[0], a[1]}, r);
        } else {
          Ty ft = fty(from);
          uint32_t v = get(x);
          if (ft == Ty::None || v == kNoValue) return fail(c);
          LibFn fn = ft == Ty::F32 ? (s ? LibFn::Fixsfti : LibFn::Fixunssfti) : (s ? LibFn::Fixdfti : LibFn::Fixunsdfti);
          callLibIndirect(fn, {v}, r);
        }
        defineParts(&c, r);
        return true;
      }
      if (!getParts(x, a) || a.size() != 2 || !wt || wt > 64) return fail(c);
      LibFn fn = wt <= 32 ? (s ? LibFn::Fixtfsi : LibFn::Fixunstfsi) : (s ? LibFn::Fixtfdi : LibFn::Fixunstfdi);
      define(&c, callLib(fn, {a[0], a[1]}, wt <= 32 ? Ty::I32 : Ty::I64));
      return true;
    }
    case llvm::Instruction::SIToFP: case llvm::Instruction::UIToFP: {
      bool s = c.getOpcode() == llvm::Instruction::SIToFP;
      if (fromWide) {
        if (!getWide(x, s ? ExtSign : ExtZero, a)) return fail(c);
        if (to->isFP128Ty()) {
          callLibIndirect(s ? LibFn::Floattitf : LibFn::Floatuntitf, {a[0], a[1]}, r);
          defineParts(&c, r);
          return true;
        }
        Ty tt = fty(to);
        if (tt == Ty::None) return fail(c);
        LibFn fn = tt == Ty::F32 ? (s ? LibFn::Floattisf : LibFn::Floatuntisf) : (s ? LibFn::Floattidf : LibFn::Floatuntidf);
        define(&c, callLib(fn, {a[0], a[1]}, tt));
        return true;
      }
      if (!wf || wf > 64) return fail(c);
      uint32_t v = s ? sextOp(x) : zextOp(x);
      if (v == kNoValue) return fail(c);
      LibFn fn = wf <= 32 ? (s ? LibFn::Floatsitf : LibFn::Floatunsitf) : (s ? LibFn::Floatditf : LibFn::Floatunditf);
      callLibIndirect(fn, {v}, r);
      defineParts(&c, r);
      return true;
    }
    default: return fail(c);
  }
}

bool FunctionLowering::lowerWide(const llvm::Instruction& in) {
  if (auto* bo = llvm::dyn_cast<llvm::BinaryOperator>(&in)) return wideBinary(*bo);
  if (auto* c = llvm::dyn_cast<llvm::CastInst>(&in)) return wideCast(*c);
  if (auto* ic = llvm::dyn_cast<llvm::ICmpInst>(&in)) {
    uint32_t r = wideICmp(ic->getPredicate(), ic->getOperand(0), ic->getOperand(1));
    if (r == kNoValue) return fail(in);
    define(&in, r);
    return true;
  }
  if (auto* fc = llvm::dyn_cast<llvm::FCmpInst>(&in)) {
    uint32_t r = fp128Cmp(fc->getPredicate(), fc->getOperand(0), fc->getOperand(1));
    if (r == kNoValue) return fail(in);
    define(&in, r);
    return true;
  }
  if (in.getOpcode() == llvm::Instruction::FNeg) {
    std::vector<uint32_t> a;
    if (!getParts(in.getOperand(0), a) || a.size() != 2) return fail(in);
    uint32_t r[2] = {a[0], add(I64Xor, Ty::I64, {a[1], c64(INT64_MIN)})};
    defineParts(&in, r);
    return true;
  }
  auto* call = llvm::dyn_cast<llvm::CallBase>(&in);
  const llvm::Function* callee = call ? call->getCalledFunction() : nullptr;
  if (!callee || !callee->isIntrinsic()) return fail(in);
  namespace I = llvm::Intrinsic;
  std::vector<uint32_t> a, b;
  uint32_t r[2];
  auto args1 = [&] { return getParts(call->getArgOperand(0), a) && a.size() == 2; };
  auto args2 = [&] { return args1() && getParts(call->getArgOperand(1), b) && b.size() == 2; };
  bool fp = call->getType()->isFP128Ty();
  // An iN argument with N < 128; 0 for fp128 and i128.
  unsigned narrow = call->arg_size() ? widthOf(call->getArgOperand(0)->getType()) : 0;
  if (narrow >= 128) narrow = 0;
  switch (callee->getIntrinsicID()) {
    case I::fabs:
      if (!args1()) return fail(in);
      r[0] = a[0];
      r[1] = add(I64And, Ty::I64, {a[1], c64(INT64_MAX)});
      break;
    case I::copysign:
      if (!args2()) return fail(in);
      r[0] = a[0];
      r[1] = add(I64Or, Ty::I64, {add(I64And, Ty::I64, {a[1], c64(INT64_MAX)}), add(I64And, Ty::I64, {b[1], c64(INT64_MIN)})});
      break;
    case I::sqrt: case I::floor: case I::ceil: case I::trunc: case I::rint: case I::nearbyint: case I::round: {
      if (!fp || !args1()) return fail(in);
      auto id = callee->getIntrinsicID();
      LibFn fn = id == I::sqrt ? LibFn::Sqrtl : id == I::floor ? LibFn::Floorl : id == I::ceil ? LibFn::Ceill
                 : id == I::trunc ? LibFn::Truncl : id == I::rint ? LibFn::Rintl : id == I::nearbyint ? LibFn::Nearbyintl
                 : LibFn::Roundl;
      callLibIndirect(fn, {a[0], a[1]}, r);
      break;
    }
    case I::minnum: case I::maxnum: case I::pow:
      if (!fp || !args2()) return fail(in);
      callLibIndirect(callee->getIntrinsicID() == I::minnum ? LibFn::Fminl
                      : callee->getIntrinsicID() == I::maxnum ? LibFn::Fmaxl : LibFn::Powl,
                      {a[0], a[1], b[0], b[1]}, r);
      break;
    case I::fma: case I::fmuladd: {
      std::vector<uint32_t> c;
      if (!fp || !args2() || !getParts(call->getArgOperand(2), c) || c.size() != 2) return fail(in);
      if (callee->getIntrinsicID() == I::fma) {
        std::vector<uint32_t> all{a[0], a[1], b[0], b[1], c[0], c[1]};
        hasCalls_ = true;
        callCursor_ = 0;
        uint32_t off = callArea(16, 16);
        std::vector<uint32_t> args{frameAddr(off)};
        args.insert(args.end(), all.begin(), all.end());
        f_->add(OpCall, Ty::None, args, 0, externRef(LibFn::Fmal));
        r[0] = track(f_->load(0x29, Ty::I64, fp_, off, 3), ExtNone);
        r[1] = track(f_->load(0x29, Ty::I64, fp_, off + 8, 3), ExtNone);
      } else {
        uint32_t m[2];
        callLibIndirect(LibFn::Multf3, {a[0], a[1], b[0], b[1]}, m);
        callLibIndirect(LibFn::Addtf3, {m[0], m[1], c[0], c[1]}, r);
      }
      break;
    }
    case I::ctpop: {
      if (!args1()) return fail(in);
      if (narrow) a[1] = wideHi(a[1], narrow, false);
      r[0] = add(I64Add, Ty::I64, {add(I64Popcnt, Ty::I64, {a[0]}), add(I64Popcnt, Ty::I64, {a[1]})});
      r[1] = c64(0);
      break;
    }
    case I::ctlz: case I::cttz: {
      if (!args1()) return fail(in);
      bool lz = callee->getIntrinsicID() == I::ctlz;
      // iN: ctlz counts the zeros above N too, so they are cleared and
      // subtracted; cttz stops at bit N at the latest.
      if (narrow) a[1] = lz ? wideHi(a[1], narrow, false) : add(I64Or, Ty::I64, {a[1], c64(int64_t(1) << (narrow - 64))});
      uint32_t first = lz ? a[1] : a[0], second = lz ? a[0] : a[1];
      uint16_t op = lz ? I64Clz : I64Ctz;
      uint32_t x = add(op, Ty::I64, {first});
      uint32_t y = add(I64Add, Ty::I64, {add(op, Ty::I64, {second}), c64(64)});
      uint32_t z = add(I64Eqz, Ty::I32, {first});
      r[0] = add(0x1b, Ty::I64, {y, x, z});
      if (narrow && lz) r[0] = add(I64Sub, Ty::I64, {r[0], c64(int64_t(128 - narrow))});
      r[1] = c64(0);
      break;
    }
    case I::umin: case I::umax: case I::smin: case I::smax: {
      if (!args2()) return fail(in);
      auto id = callee->getIntrinsicID();
      auto pred = id == I::umin ? llvm::CmpInst::ICMP_ULT : id == I::umax ? llvm::CmpInst::ICMP_UGT
                  : id == I::smin ? llvm::CmpInst::ICMP_SLT : llvm::CmpInst::ICMP_SGT;
      uint32_t c = wideICmp(pred, call->getArgOperand(0), call->getArgOperand(1));
      if (c == kNoValue) return fail(in);
      r[0] = add(0x1b, Ty::I64, {a[0], b[0], c});
      r[1] = add(0x1b, Ty::I64, {a[1], b[1], c});
      break;
    }
    case I::abs: {
      if (!args1()) return fail(in);
      if (narrow) a[1] = wideHi(a[1], narrow, true);
      uint32_t nlo = add(I64Sub, Ty::I64, {c64(0), a[0]});
      uint32_t borrow = add(0xad, Ty::I64, {add(I64Ne, Ty::I32, {a[0], c64(0)})});
      uint32_t nhi = add(I64Sub, Ty::I64, {add(I64Sub, Ty::I64, {c64(0), a[1]}), borrow});
      uint32_t neg = add(I64LtS, Ty::I32, {a[1], c64(0)});
      r[0] = add(0x1b, Ty::I64, {nlo, a[0], neg});
      r[1] = add(0x1b, Ty::I64, {nhi, a[1], neg});
      break;
    }
    case I::bswap: {
      if (!args1()) return fail(in);
      // Each half byte-swapped (through two 32-bit swaps), halves exchanged.
      auto swap64 = [&](uint32_t v) {
        auto bswap32 = [&](uint32_t x) {
          uint32_t hi = add(I32And, Ty::I32, {add(0x78, Ty::I32, {x, c32(8)}), c32(int32_t(0xff00ff00u))});
          uint32_t lo = add(I32And, Ty::I32, {add(0x77, Ty::I32, {x, c32(8)}), c32(0x00ff00ff)});
          return add(I32Or, Ty::I32, {hi, lo});
        };
        uint32_t lo = add(0xa7, Ty::I32, {v});
        uint32_t hi = add(0xa7, Ty::I32, {add(I64ShrU, Ty::I64, {v, c64(32)})});
        uint32_t nlo = add(0xad, Ty::I64, {bswap32(lo)});
        uint32_t nhi = add(0xad, Ty::I64, {bswap32(hi)});
        return add(I64Or, Ty::I64, {add(I64Shl, Ty::I64, {nlo, c64(32)}), nhi});
      };
      r[0] = swap64(a[1]);
      r[1] = swap64(a[0]);
      if (narrow) {  // i80, i96, i112: the swapped bytes are the top ones
        uint32_t t[2] = {r[0], r[1]};
        wideShift(llvm::Instruction::LShr, t, 128 - narrow, r);
      }
      break;
    }
    default: return wideIntrinsic(*call) || fail(in);
  }
  defineParts(&in, r);
  return true;
}

// i128 intrinsics made of the inline pieces above and compiler-rt calls:
// *.with.overflow, saturating arithmetic, scmp/ucmp, bitreverse, fshl/fshr.
bool FunctionLowering::wideIntrinsic(const llvm::CallBase& call) {
  namespace I = llvm::Intrinsic;
  auto id = call.getCalledFunction()->getIntrinsicID();
  // The operands of an iN (N < 128) extended as the operation reads them,
  // so that the 128-bit arithmetic below cannot overflow 128 bits.
  unsigned w = widthOf(call.getArgOperand(0)->getType());
  bool sgn = id == I::sadd_with_overflow || id == I::ssub_with_overflow || id == I::smul_with_overflow ||
             id == I::sadd_sat || id == I::ssub_sat || id == I::scmp;
  bool uns = id == I::uadd_with_overflow || id == I::usub_with_overflow || id == I::umul_with_overflow ||
             id == I::uadd_sat || id == I::usub_sat || id == I::ucmp;
  Ext e = sgn ? ExtSign : uns ? ExtZero : ExtNone;
  std::vector<uint32_t> a, b;
  if (!getWide(call.getArgOperand(0), e, a)) return false;
  if (call.arg_size() > 1 && !getWide(call.getArgOperand(1), e, b)) return false;
  using P = std::array<uint32_t, 2>;
  auto i64 = [&](uint16_t op, uint32_t x, uint32_t y) { return add(op, Ty::I64, {x, y}); };
  auto bool64 = [&](uint32_t c) { return add(Op("i64.extend_i32_u"), Ty::I64, {c}); };
  auto pick = [&](uint32_t c, P x, P y) {  // c ? x : y
    return P{add(Select, Ty::I64, {x[0], y[0], c}), add(Select, Ty::I64, {x[1], y[1], c})};
  };
  auto sum = [&](P x, P y) {
    uint32_t lo = i64(I64Add, x[0], y[0]);
    return P{lo, i64(I64Add, i64(I64Add, x[1], y[1]), bool64(add(I64LtU, Ty::I32, {lo, x[0]})))};
  };
  auto diff = [&](P x, P y) {
    uint32_t borrow = bool64(add(I64LtU, Ty::I32, {x[0], y[0]}));
    return P{i64(I64Sub, x[0], y[0]), i64(I64Sub, i64(I64Sub, x[1], y[1]), borrow)};
  };
  // Unsigned and signed x < y on parts.
  auto ult = [&](P x, P y) {
    uint32_t hiEq = add(I64Eq, Ty::I32, {x[1], y[1]});
    return add(Select, Ty::I32, {add(I64LtU, Ty::I32, {x[0], y[0]}), add(I64LtU, Ty::I32, {x[1], y[1]}), hiEq}, ExtZero);
  };
  auto slt = [&](P x, P y) {
    uint32_t hiEq = add(I64Eq, Ty::I32, {x[1], y[1]});
    return add(Select, Ty::I32, {add(I64LtU, Ty::I32, {x[0], y[0]}), add(I64LtS, Ty::I32, {x[1], y[1]}), hiEq}, ExtZero);
  };
  auto negative = [&](uint32_t hi) { return add(I64LtS, Ty::I32, {hi, c64(0)}, ExtZero); };
  auto mul = [&](P x, P y) {
    uint32_t r[2];
    callLibIndirect(LibFn::Multi3, {x[0], x[1], y[0], y[1]}, r);
    return P{r[0], r[1]};
  };
  // x * y mod 2^128 and whether the unsigned product needs more bits: the
  // three partial products that can be non-zero, as __multi3 calls.
  auto umulo = [&](P x, P y, uint32_t& ovf) {
    uint32_t zero = c64(0);
    P full = mul(P{x[0], zero}, P{y[0], zero});
    P t1 = mul(P{x[1], zero}, P{y[0], zero});
    P t2 = mul(P{x[0], zero}, P{y[1], zero});
    uint32_t cross = i64(I64Add, t1[0], t2[0]);
    uint32_t hi = i64(I64Add, full[1], cross);
    uint32_t both = add(I32And, Ty::I32, {add(I64Ne, Ty::I32, {x[1], zero}), add(I64Ne, Ty::I32, {y[1], zero})});
    uint32_t partial = add(I64Ne, Ty::I32, {i64(I64Or, t1[1], t2[1]), zero});
    // Without `both`, one of t1 and t2 is 0, so only the last add can carry.
    uint32_t carry = add(I64LtU, Ty::I32, {hi, cross});
    ovf = add(I32Or, Ty::I32, {add(I32Or, Ty::I32, {both, partial}), carry}, ExtZero);
    return P{full[0], hi};
  };
  auto absOf = [&](P x) { return pick(negative(x[1]), diff(P{c64(0), c64(0)}, x), x); };
  P x{a[0], a.size() > 1 ? a[1] : kNoValue}, y{b.empty() ? kNoValue : b[0], b.empty() ? kNoValue : b[1]};
  const P ones{c64(-1), c64(-1)}, zeros{c64(0), c64(0)}, smax{c64(-1), c64(INT64_MAX)}, smin{c64(0), c64(INT64_MIN)};
  switch (id) {
    case I::uadd_with_overflow: case I::usub_with_overflow: case I::sadd_with_overflow:
    case I::ssub_with_overflow: case I::umul_with_overflow: case I::smul_with_overflow: {
      P r;
      uint32_t ovf;
      if (id == I::uadd_with_overflow) {
        r = sum(x, y);
        ovf = ult(r, x);
      } else if (id == I::usub_with_overflow) {
        r = diff(x, y);
        ovf = ult(x, y);
      } else if (id == I::sadd_with_overflow || id == I::ssub_with_overflow) {
        // Overflow when the operands' signs (b's flipped for a subtraction)
        // agree and the result's differs.
        bool sub = id == I::ssub_with_overflow;
        r = sub ? diff(x, y) : sum(x, y);
        uint32_t bs = sub ? i64(I64Xor, x[1], y[1]) : i64(I64Xor, i64(I64Xor, x[1], y[1]), c64(-1));
        ovf = negative(i64(I64And, bs, i64(I64Xor, x[1], r[1])));
      } else if (id == I::umul_with_overflow) {
        r = umulo(x, y, ovf);
      } else {
        // |x| * |y| as unsigned; the signed product fits when that does
        // and is at most 2^127 - 1, or 2^127 for a negative product.
        uint32_t neg = add(I32Xor, Ty::I32, {negative(x[1]), negative(y[1])});
        uint32_t uovf;
        P m = umulo(absOf(x), absOf(y), uovf);
        uint32_t limitHi = add(Select, Ty::I64, {c64(INT64_MIN), c64(INT64_MAX), neg});
        uint32_t limitLo = add(Select, Ty::I64, {c64(0), c64(-1), neg});
        ovf = add(I32Or, Ty::I32, {uovf, ult(P{limitLo, limitHi}, m)}, ExtZero);
        r = mul(x, y);
      }
      if (w < 128) ovf = add(I32Or, Ty::I32, {ovf, wideOverflows(r.data(), w, sgn)}, ExtZero);
      uint32_t parts[3] = {r[0], r[1], ovf};
      defineParts(&call, parts);
      return true;
    }
    case I::uadd_sat: case I::usub_sat: case I::sadd_sat: case I::ssub_sat: {
      P r;
      if (id == I::uadd_sat) {
        P s = sum(x, y);
        r = pick(w < 128 ? wideOverflows(s.data(), w, false) : ult(s, x), ones, s);
      } else if (id == I::usub_sat) {
        r = pick(ult(x, y), zeros, diff(x, y));
      } else {
        bool sub = id == I::ssub_sat;
        P s = sub ? diff(x, y) : sum(x, y);
        uint32_t ovf;
        P lo = smin, hi = smax;
        if (w < 128) {
          ovf = wideOverflows(s.data(), w, true);
          uint64_t maxHi = (uint64_t(1) << (w - 65)) - 1;
          hi = P{c64(-1), c64(int64_t(maxHi))};
          lo = P{c64(0), c64(int64_t(~maxHi))};
        } else {
          uint32_t bs = sub ? i64(I64Xor, x[1], y[1]) : i64(I64Xor, i64(I64Xor, x[1], y[1]), c64(-1));
          ovf = negative(i64(I64And, bs, i64(I64Xor, x[1], s[1])));
        }
        r = pick(ovf, pick(negative(x[1]), lo, hi), s);
      }
      defineParts(&call, r);
      return true;
    }
    case I::scmp: case I::ucmp: {
      if (isWide(call.getType())) return false;
      uint32_t gt = sgn ? slt(y, x) : ult(y, x), lt = sgn ? slt(x, y) : ult(x, y);
      uint32_t v = add(I32Sub, Ty::I32, {gt, lt});
      if (widthOf(call.getType()) > 32) v = add(Op("i64.extend_i32_s"), Ty::I64, {v});
      define(&call, v);
      return true;
    }
    case I::bitreverse: {
      // Bits reversed within each 64-bit half by the swap network, halves
      // exchanged.
      auto rev64 = [&](uint32_t v) {
        static const uint64_t masks[] = {0x5555555555555555u, 0x3333333333333333u, 0x0f0f0f0f0f0f0f0fu,
                                         0x00ff00ff00ff00ffu, 0x0000ffff0000ffffu};
        for (unsigned k = 0; k < 5; ++k) {
          uint32_t sh = c64(int64_t(1) << k), m = c64(int64_t(masks[k]));
          v = i64(I64Or, i64(I64Shl, i64(I64And, v, m), sh), i64(I64And, i64(I64ShrU, v, sh), m));
        }
        return add(Op("i64.rotl"), Ty::I64, {v, c64(32)});
      };
      P r{rev64(x[1]), rev64(x[0])};
      if (w < 128) {  // the reversed N bits are the top ones
        P t = r;
        wideShift(llvm::Instruction::LShr, t.data(), 128 - w, r.data());
      }
      defineParts(&call, r);
      return true;
    }
    case I::fshl: case I::fshr: {
      // fshl(x, y, s) = the high half of (x:y) << (s mod 128); fshr the low
      // half of (x:y) >> (s mod 128). A zero amount returns x (fshl) or y
      // (fshr) unchanged, since the other shift would be by 128.
      std::vector<uint32_t> c;
      if (w < 128) return narrowFunnel(call, a, b);
      if (!getParts(call.getArgOperand(2), c) || c.size() != 2) return false;
      uint32_t s = add(I32And, Ty::I32, {add(Op("i32.wrap_i64"), Ty::I32, {c[0]}), c32(127)});
      uint32_t rest = add(I32Sub, Ty::I32, {c32(128), s});
      uint32_t hi[2], lo[2];
      bool left = id == I::fshl;
      callLibIndirect(left ? LibFn::Ashlti3 : LibFn::Lshrti3, {left ? x[0] : y[0], left ? x[1] : y[1], s}, hi);
      callLibIndirect(left ? LibFn::Lshrti3 : LibFn::Ashlti3, {left ? y[0] : x[0], left ? y[1] : x[1], rest}, lo);
      P shifted{i64(I64Or, hi[0], lo[0]), i64(I64Or, hi[1], lo[1])};
      P r = pick(add(I32Eqz, Ty::I32, {s}), left ? x : y, shifted);
      defineParts(&call, r);
      return true;
    }
    default: return false;
  }
}

// fshl and fshr on an iN with N < 128: for k = s mod N and y zero-extended,
// fshl(x, y, s) = x << k | y >> (N - k) and fshr(x, y, s) = y >> k |
// x << (N - k). k = 0 needs no special case: the shift by N < 128 clears
// y's N bits (fshl) or moves all of x above bit N (fshr).
bool FunctionLowering::narrowFunnel(const llvm::CallBase& call, const std::vector<uint32_t>& x,
                                    std::vector<uint32_t> y) {
  unsigned w = widthOf(call.getType());
  bool left = call.getCalledFunction()->getIntrinsicID() == llvm::Intrinsic::fshl;
  y[1] = wideHi(y[1], w, false);
  uint32_t hi[2], lo[2];
  if (auto* k = llvm::dyn_cast<llvm::ConstantInt>(call.getArgOperand(2))) {
    unsigned s = unsigned(k->getValue().urem(w));
    wideShift(llvm::Instruction::Shl, x.data(), left ? s : w - s, hi);
    wideShift(llvm::Instruction::LShr, y.data(), left ? w - s : s, lo);
  } else {
    std::vector<uint32_t> c;
    if (!getWide(call.getArgOperand(2), ExtZero, c)) return false;
    uint32_t m[2];
    callLibIndirect(LibFn::Umodti3, {c[0], c[1], c64(int64_t(w)), c64(0)}, m);
    uint32_t s = add(Op("i32.wrap_i64"), Ty::I32, {m[0]});
    uint32_t rest = add(I32Sub, Ty::I32, {c32(int32_t(w)), s});
    callLibIndirect(LibFn::Ashlti3, {x[0], x[1], left ? s : rest}, hi);
    callLibIndirect(LibFn::Lshrti3, {y[0], y[1], left ? rest : s}, lo);
  }
  uint32_t r[2] = {add(I64Or, Ty::I64, {hi[0], lo[0]}), add(I64Or, Ty::I64, {hi[1], lo[1]})};
  defineParts(&call, r);
  return true;
}

}  // namespace toyc::llvmir
