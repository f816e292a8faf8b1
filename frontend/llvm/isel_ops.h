// Shared by the instruction-selection files (isel*.cpp): wasm opcodes by
// name, taken from the one opcode table (link/opcodes.def) through Op(),
// and small arithmetic helpers.
#pragma once
#include <cstdint>
#include "codegen/ir.h"
#include "codegen/ops.h"

namespace toyc::llvmir::ops {

using codegen::Op;
using codegen::Ty;

inline uint64_t alignTo(uint64_t v, uint64_t a) { return (v + a - 1) / a * a; }

// log2 of a power of two (and the next power's log2 otherwise).
inline uint32_t log2of(uint64_t a) {
  uint32_t l = 0;
  while ((uint64_t(1) << l) < a) ++l;
  return l;
}

// i32 opcodes. The i64 form of add..rotr, clz, ctz and popcnt is +0x12
// (intOp), of a compare +0x0b (cmpOp): the table keeps the two families in
// the same order, which the static_asserts below hold it to.
enum : uint16_t {
  I32Eqz = Op("i32.eqz"), I32Eq = Op("i32.eq"), I32Ne = Op("i32.ne"), I32LtS = Op("i32.lt_s"),
  I32LtU = Op("i32.lt_u"), I32GtS = Op("i32.gt_s"), I32GtU = Op("i32.gt_u"), I32LeS = Op("i32.le_s"),
  I32LeU = Op("i32.le_u"), I32GeS = Op("i32.ge_s"), I32GeU = Op("i32.ge_u"),
  I32Clz = Op("i32.clz"), I32Ctz = Op("i32.ctz"), I32Popcnt = Op("i32.popcnt"),
  I32Add = Op("i32.add"), I32Sub = Op("i32.sub"), I32Mul = Op("i32.mul"), I32DivS = Op("i32.div_s"),
  I32DivU = Op("i32.div_u"), I32RemS = Op("i32.rem_s"), I32RemU = Op("i32.rem_u"), I32And = Op("i32.and"),
  I32Or = Op("i32.or"), I32Xor = Op("i32.xor"), I32Shl = Op("i32.shl"), I32ShrS = Op("i32.shr_s"),
  I32ShrU = Op("i32.shr_u"), I32Rotl = Op("i32.rotl"), I32Rotr = Op("i32.rotr"),
  I64Eqz = Op("i64.eqz"), I64Eq = Op("i64.eq"), I64Ne = Op("i64.ne"), I64LtS = Op("i64.lt_s"),
  I64LtU = Op("i64.lt_u"), I64GtS = Op("i64.gt_s"), I64GtU = Op("i64.gt_u"), I64LeS = Op("i64.le_s"),
  I64LeU = Op("i64.le_u"), I64GeS = Op("i64.ge_s"), I64GeU = Op("i64.ge_u"),
  I64Clz = Op("i64.clz"), I64Ctz = Op("i64.ctz"), I64Popcnt = Op("i64.popcnt"),
  I64Add = Op("i64.add"), I64Sub = Op("i64.sub"), I64Mul = Op("i64.mul"), I64And = Op("i64.and"),
  I64Or = Op("i64.or"), I64Xor = Op("i64.xor"), I64Shl = Op("i64.shl"), I64ShrS = Op("i64.shr_s"),
  I64ShrU = Op("i64.shr_u"),
  Select = Op("select"),
};
static_assert(I64Add - I32Add == 0x12 && Op("i64.rotr") - I32Rotr == 0x12 && I64Clz - I32Clz == 0x12);
static_assert(I64Eq - I32Eq == 0x0b && I64GeU - I32GeU == 0x0b);

inline uint16_t intOp(uint16_t op32, Ty t) { return t == Ty::I64 ? uint16_t(op32 + 0x12) : op32; }
inline uint16_t cmpOp(uint16_t op32, Ty t) { return t == Ty::I64 ? uint16_t(op32 + 0x0b) : op32; }

}  // namespace toyc::llvmir::ops
