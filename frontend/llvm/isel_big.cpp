// Instruction selection for integers wider than 128 bits. C on wasm32 has
// no such type (_BitInt stops at 128), but clang stores a run of bitfields
// of a packed struct as one integer of the run's size (an i136 or an i168)
// and reads a field by loading it, shifting it up and back down and
// truncating; it writes one with and, or and a store. So these integers
// are 64-bit limbs, low first, whose bits above the width are unspecified
// (as for the narrower widths); logic, addition, subtraction, constant
// shifts, compares, extensions and truncations are inline. Multiplication,
// division and variable shifts, which nothing clang emits for C needs, are
// reported as unsupported.
#include <llvm/IR/Constants.h>
#include "frontend/llvm/isel.h"
#include "frontend/llvm/isel_ops.h"

namespace toyc::llvmir {

using namespace codegen;
using namespace ops;

bool FunctionLowering::getLimbs(const llvm::Value* v, Ext e, unsigned limbs, std::vector<uint32_t>& out) {
  unsigned w = widthOf(v->getType());
  if (w == 0 || w > kMaxIntBits) return false;
  if (w <= 64) {
    uint32_t x = e == ExtSign ? sextOp(v) : e == ExtZero ? zextOp(v) : get(v);
    if (x == kNoValue) return false;
    if (w <= 32) x = add(e == ExtSign ? Op("i64.extend_i32_s") : Op("i64.extend_i32_u"), Ty::I64, {x});
    out.assign(1, x);
  } else {
    if (!getParts(v, out) || out.size() != (w + 63) / 64) return false;
    if (e != ExtNone && w % 64) out.back() = wideHi(out.back(), 64 + w % 64, e == ExtSign);
  }
  uint32_t fill = e == ExtSign && out.size() < limbs ? add(I64ShrS, Ty::I64, {out.back(), c64(63)}) : kNoValue;
  while (out.size() < limbs) out.push_back(fill != kNoValue ? fill : c64(0));
  out.resize(limbs);
  return true;
}

bool FunctionLowering::lowerBig(const llvm::Instruction& in) {
  if (widthOf(in.getType()) > kMaxIntBits) return fail(in);
  for (const llvm::Use& op : in.operands())
    if (widthOf(op->getType()) > kMaxIntBits) return fail(in);
  auto isZero = [&](uint32_t v) { return isConst(v) && constValue(v) == 0; };
  auto i64 = [&](uint16_t op, uint32_t x, uint32_t y) { return add(op, Ty::I64, {x, y}); };
  auto bool64 = [&](uint32_t c) { return add(Op("i64.extend_i32_u"), Ty::I64, {c}); };
  std::vector<uint32_t> a, b, r;
  if (auto* bo = llvm::dyn_cast<llvm::BinaryOperator>(&in)) {
    unsigned w = widthOf(bo->getType()), n = (w + 63) / 64;
    auto op = bo->getOpcode();
    if (op == llvm::Instruction::Shl || op == llvm::Instruction::LShr || op == llvm::Instruction::AShr) {
      auto* k = llvm::dyn_cast<llvm::ConstantInt>(bo->getOperand(1));
      if (!k) return fail(in);
      Ext e = op == llvm::Instruction::LShr ? ExtZero : op == llvm::Instruction::AShr ? ExtSign : ExtNone;
      if (!getLimbs(bo->getOperand(0), e, n, a)) return fail(in);
      uint64_t s = k->getValue().getLimitedValue(w);
      if (s >= w) s = 0;  // poison
      unsigned q = unsigned(s / 64), m = unsigned(s % 64);
      uint32_t fill = op == llvm::Instruction::AShr ? i64(I64ShrS, a.back(), c64(63)) : c64(0);
      auto limb = [&](long j) { return j < 0 ? c64(0) : j >= long(n) ? fill : a[size_t(j)]; };
      auto sh = [&](uint16_t o, uint32_t x, unsigned by) { return isZero(x) ? x : i64(o, x, c64(by)); };
      auto orOf = [&](uint32_t x, uint32_t y) { return isZero(x) ? y : isZero(y) ? x : i64(I64Or, x, y); };
      for (unsigned i = 0; i < n; ++i) {
        if (op == llvm::Instruction::Shl)
          r.push_back(m == 0 ? limb(long(i) - q) : orOf(sh(I64Shl, limb(long(i) - q), m),
                                                       sh(I64ShrU, limb(long(i) - q - 1), 64 - m)));
        else
          r.push_back(m == 0 ? limb(long(i) + q) : orOf(sh(I64ShrU, limb(long(i) + q), m),
                                                       sh(I64Shl, limb(long(i) + q + 1), 64 - m)));
      }
      defineParts(&in, r);
      return true;
    }
    if (!getLimbs(bo->getOperand(0), ExtNone, n, a) || !getLimbs(bo->getOperand(1), ExtNone, n, b)) return fail(in);
    switch (op) {
      case llvm::Instruction::And: case llvm::Instruction::Or: case llvm::Instruction::Xor: {
        // Masks of bitfield writes are constants whose limbs are mostly 0
        // or all ones: those limbs fold.
        bool isAnd = op == llvm::Instruction::And;
        uint16_t o = isAnd ? I64And : op == llvm::Instruction::Or ? I64Or : I64Xor;
        auto ones = [&](uint32_t v) { return isConst(v) && constValue(v) == -1; };
        for (unsigned i = 0; i < n; ++i) {
          uint32_t x = a[i], y = b[i];
          if (isZero(x) || ones(x)) std::swap(x, y);
          if (isZero(y)) r.push_back(isAnd ? y : x);
          else if (isAnd && ones(y)) r.push_back(x);
          else if (isConst(x) && isConst(y))
            r.push_back(c64(isAnd ? constValue(x) & constValue(y)
                                  : o == I64Or ? constValue(x) | constValue(y) : constValue(x) ^ constValue(y)));
          else r.push_back(i64(o, x, y));
        }
        break;
      }
      case llvm::Instruction::Add: case llvm::Instruction::Sub: {
        // A carry (borrow) chain through the limbs.
        bool sub = op == llvm::Instruction::Sub;
        uint32_t carry = kNoValue;
        for (unsigned i = 0; i < n; ++i) {
          uint32_t t = i64(sub ? I64Sub : I64Add, a[i], b[i]);
          uint32_t out = t, next = kNoValue;
          if (i + 1 < n) next = add(I64LtU, Ty::I32, {sub ? a[i] : t, sub ? b[i] : a[i]});
          if (carry != kNoValue) {
            out = i64(sub ? I64Sub : I64Add, t, bool64(carry));
            if (i + 1 < n)
              next = add(I32Or, Ty::I32, {next, add(I64LtU, Ty::I32, {sub ? t : out, sub ? bool64(carry) : t})});
          }
          r.push_back(out);
          carry = next;
        }
        break;
      }
      default: return fail(in);
    }
    defineParts(&in, r);
    return true;
  }
  if (auto* ic = llvm::dyn_cast<llvm::ICmpInst>(&in)) {
    unsigned n = (widthOf(ic->getOperand(0)->getType()) + 63) / 64;
    auto p = ic->getPredicate();
    bool sgn = ic->isSigned();
    if (!getLimbs(ic->getOperand(0), sgn ? ExtSign : ExtZero, n, a) ||
        !getLimbs(ic->getOperand(1), sgn ? ExtSign : ExtZero, n, b))
      return fail(in);
    if (ic->isEquality()) {
      uint32_t d = kNoValue;
      for (unsigned i = 0; i < n; ++i) {
        uint32_t x = i64(I64Xor, a[i], b[i]);
        d = d == kNoValue ? x : i64(I64Or, d, x);
      }
      uint32_t z = add(I64Eqz, Ty::I32, {d}, ExtZero);
      define(&in, p == llvm::CmpInst::ICMP_EQ ? z : add(I32Eqz, Ty::I32, {z}, ExtZero));
      return true;
    }
    // x < y from the lowest limb up: a higher limb decides unless equal;
    // the top limb compares signed for a signed predicate.
    bool swap = p == llvm::CmpInst::ICMP_UGT || p == llvm::CmpInst::ICMP_SGT || p == llvm::CmpInst::ICMP_ULE ||
                p == llvm::CmpInst::ICMP_SLE;
    bool invert = p == llvm::CmpInst::ICMP_UGE || p == llvm::CmpInst::ICMP_SGE || p == llvm::CmpInst::ICMP_ULE ||
                  p == llvm::CmpInst::ICMP_SLE;
    if (swap) std::swap(a, b);
    uint32_t lt = kNoValue;
    for (unsigned i = 0; i < n; ++i) {
      uint32_t here = add(i + 1 == n && sgn ? I64LtS : I64LtU, Ty::I32, {a[i], b[i]}, ExtZero);
      lt = lt == kNoValue ? here
                          : add(Select, Ty::I32, {lt, here, add(I64Eq, Ty::I32, {a[i], b[i]})}, ExtZero);
    }
    define(&in, invert ? add(I32Eqz, Ty::I32, {lt}, ExtZero) : lt);
    return true;
  }
  if (auto* c = llvm::dyn_cast<llvm::CastInst>(&in)) {
    llvm::Type* to = c->getDestTy();
    unsigned wt = widthOf(to);
    switch (c->getOpcode()) {
      case llvm::Instruction::Trunc: {
        if (!getLimbs(c->getOperand(0), ExtNone, (widthOf(c->getSrcTy()) + 63) / 64, a)) return fail(in);
        if (wt <= 64) {
          define(&in, wt <= 32 ? add(Op("i32.wrap_i64"), Ty::I32, {a[0]}) : a[0]);
          return true;
        }
        a.resize((wt + 63) / 64);
        defineParts(&in, a);
        return true;
      }
      case llvm::Instruction::ZExt: case llvm::Instruction::SExt:
        if (!isBig(to) || !getLimbs(c->getOperand(0), c->getOpcode() == llvm::Instruction::SExt ? ExtSign : ExtZero,
                                    (wt + 63) / 64, a))
          return fail(in);
        defineParts(&in, a);
        return true;
      case llvm::Instruction::BitCast:
        if (!getParts(c->getOperand(0), a)) return fail(in);
        defineParts(&in, a);
        return true;
      default: return fail(in);
    }
  }
  return fail(in);
}

}  // namespace toyc::llvmir
