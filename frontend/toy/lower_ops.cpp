// Value operations shared by the function lowering: keeping small
// integers normalized, comparisons per type, and `as` conversions. Each
// works on the value(s) on the wasm operand stack.
#include "frontend/toy/lower_ops.h"
#include "codegen/ops.h"

namespace toyc::toy {

using codegen::Fc;
using codegen::Op;

namespace {
TK kind(const TypeTable& t, TypeId id) { return t[id].kind; }
bool is64(const TypeTable& t, TypeId id) { return kind(t, id) == TK::I64 || kind(t, id) == TK::U64; }
bool isSigned(const TypeTable& t, TypeId id) {
  TK k = kind(t, id);
  return k == TK::I8 || k == TK::I16 || k == TK::I32 || k == TK::I64;
}
bool isFloat(const TypeTable& t, TypeId id) { return kind(t, id) == TK::F32 || kind(t, id) == TK::F64; }
}  // namespace

// Keeps i8/u8/i16/u16 values sign- or zero-extended in their i32.
void emitNormalize(FunctionBuilder& fb, const TypeTable& t, TypeId id) {
  switch (kind(t, id)) {
    case TK::I8: fb.op(Op("i32.extend8_s")); break;
    case TK::I16: fb.op(Op("i32.extend16_s")); break;
    case TK::U8:
      fb.i32Const(0xff);
      fb.op(Op("i32.and"));
      break;
    case TK::U16:
      fb.i32Const(0xffff);
      fb.op(Op("i32.and"));
      break;
    default: break;
  }
}

void emitCompare(FunctionBuilder& fb, const TypeTable& t, Tok op, TypeId id) {
  // Rows: eq ne lt le gt ge, per class.
  static constexpr uint8_t i32s[] = {Op("i32.eq"), Op("i32.ne"), Op("i32.lt_s"), Op("i32.le_s"), Op("i32.gt_s"), Op("i32.ge_s")};
  static constexpr uint8_t i32u[] = {Op("i32.eq"), Op("i32.ne"), Op("i32.lt_u"), Op("i32.le_u"), Op("i32.gt_u"), Op("i32.ge_u")};
  static constexpr uint8_t i64s[] = {Op("i64.eq"), Op("i64.ne"), Op("i64.lt_s"), Op("i64.le_s"), Op("i64.gt_s"), Op("i64.ge_s")};
  static constexpr uint8_t i64u[] = {Op("i64.eq"), Op("i64.ne"), Op("i64.lt_u"), Op("i64.le_u"), Op("i64.gt_u"), Op("i64.ge_u")};
  static constexpr uint8_t f32[] = {Op("f32.eq"), Op("f32.ne"), Op("f32.lt"), Op("f32.le"), Op("f32.gt"), Op("f32.ge")};
  static constexpr uint8_t f64[] = {Op("f64.eq"), Op("f64.ne"), Op("f64.lt"), Op("f64.le"), Op("f64.gt"), Op("f64.ge")};
  unsigned i = op == Tok::Eq ? 0 : op == Tok::Ne ? 1 : op == Tok::Lt ? 2 : op == Tok::Le ? 3 : op == Tok::Gt ? 4 : 5;
  const uint8_t* row = kind(t, id) == TK::F32 ? f32 : kind(t, id) == TK::F64 ? f64 : is64(t, id) ? (isSigned(t, id) ? i64s : i64u)
                                                                                        : (isSigned(t, id) ? i32s : i32u);
  fb.op(row[i]);
}

// `x as T`: the value of type `from` on the stack becomes a `to`.
void emitConvert(FunctionBuilder& fb, const TypeTable& t, TypeId from, TypeId to) {
  if (from == to) return;
  TK f = kind(t, from), k = kind(t, to);
  bool fFloat = isFloat(t, from), tFloat = isFloat(t, to);
  if (fFloat && tFloat) {
    fb.op(k == TK::F64 ? Op("f64.promote_f32") : Op("f32.demote_f64"));
    return;
  }
  if (!fFloat && tFloat) {
    bool sg = isSigned(t, from);
    if (is64(t, from)) fb.op(k == TK::F32 ? (sg ? Op("f32.convert_i64_s") : Op("f32.convert_i64_u")) : (sg ? Op("f64.convert_i64_s") : Op("f64.convert_i64_u")));
    else fb.op(k == TK::F32 ? (sg ? Op("f32.convert_i32_s") : Op("f32.convert_i32_u")) : (sg ? Op("f64.convert_i32_s") : Op("f64.convert_i32_u")));
    return;
  }
  if (fFloat) {
    // Saturating, NaN -> 0; narrow targets clamp first (exact bounds).
    bool f32 = f == TK::F32;
    unsigned bits = t.size(to) * 8;
    if (bits < 32) {
      double lo = isSigned(t, to) ? -double(1u << (bits - 1)) : 0, hi = isSigned(t, to) ? double((1u << (bits - 1)) - 1) : double((1u << bits) - 1);
      if (f32) {
        fb.f32Const(float(lo));
        fb.op(Op("f32.max"));
        fb.f32Const(float(hi));
        fb.op(Op("f32.min"));
      } else {
        fb.f64Const(lo);
        fb.op(Op("f64.max"));
        fb.f64Const(hi);
        fb.op(Op("f64.min"));
      }
    }
    bool sg = isSigned(t, to) || bits < 32;
    if (is64(t, to)) fb.opFC(f32 ? (sg ? Fc("i64.trunc_sat_f32_s") : Fc("i64.trunc_sat_f32_u")) : (sg ? Fc("i64.trunc_sat_f64_s") : Fc("i64.trunc_sat_f64_u")));
    else fb.opFC(f32 ? (sg ? Fc("i32.trunc_sat_f32_s") : Fc("i32.trunc_sat_f32_u")) : (sg ? Fc("i32.trunc_sat_f64_s") : Fc("i32.trunc_sat_f64_u")));
    return;
  }
  // Integers, bools, pointers and function values.
  bool f64b = is64(t, from), t64b = is64(t, to);
  if (f64b && !t64b) fb.op(Op("i32.wrap_i64"));
  if (!f64b && t64b) {
    fb.op(isSigned(t, from) ? Op("i64.extend_i32_s") : Op("i64.extend_i32_u"));
    return;
  }
  if (!t64b) emitNormalize(fb, t, to);
}

}  // namespace toyc::toy
