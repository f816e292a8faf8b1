#include "codegen/ir.h"
#include <cstring>

namespace toyc::codegen {

link::ValType valType(Ty t) {
  switch (t) {
    case Ty::I64: return link::ValType::I64;
    case Ty::F32: return link::ValType::F32;
    case Ty::F64: return link::ValType::F64;
    default: return link::ValType::I32;
  }
}

bool isLoad(uint16_t op) { return op >= 0x28 && op <= 0x35; }
bool isStore(uint16_t op) { return op >= 0x36 && op <= 0x3e; }
bool isMemOp(uint16_t op) { return op >= 0x28 && op <= 0x3e; }

uint8_t effectsOf(const MInst& i) {
  uint16_t op = i.op;
  if (isLoad(op)) return kReadsMem | kMayTrap;
  if (isStore(op)) return kWritesMem | kMayTrap;
  switch (op) {
    case 0x6d: case 0x6e: case 0x6f: case 0x70:  // i32 div/rem
    case 0x7f: case 0x80: case 0x81: case 0x82:  // i64 div/rem
    case 0xa8: case 0xa9: case 0xaa: case 0xab:  // trapping float -> int
    case 0xae: case 0xaf: case 0xb0: case 0xb1:
    case 0x00:
      return kMayTrap;
    case 0x3f: return kReadsMem;                        // memory.size
    case 0x40: return kReadsMem | kWritesMem;           // memory.grow
    case kFC | 10: case kFC | 11: return kReadsMem | kWritesMem | kMayTrap;  // memory.copy/fill
    case OpGlobalGet: return kReadsMem;
    case OpGlobalSet: return kWritesMem;
    case OpCall: case OpCallIndirect: return kReadsMem | kWritesMem | kMayTrap;
    case OpCopy: case OpExit: return kReadsMem | kWritesMem | kMayTrap;  // never moved across
    default: return 0;
  }
}

void MFunc::clear() {
  name.clear();
  type = {};
  types.clear();
  insts.clear();
  operands.clear();
  next.clear();
  prev.clear();
  blocks.clear();
  cfg.clear();
  restoreSp = false;
  invalidOperand = false;
  frameSize = 0;
  spSym = tableSym = kNoSym;
  current = 0;
}

uint32_t MFunc::newBlock() {
  blocks.push_back({});
  uint32_t n = cfg.addNode(Exit::Unreachable, {});
  (void)n;
  return uint32_t(blocks.size() - 1);
}

uint32_t MFunc::addDetached(uint16_t op, Ty ty, std::span<const uint32_t> o, int64_t imm, uint32_t sym) {
  MInst i;
  i.op = op;
  i.ty = ty;
  i.opBegin = uint32_t(operands.size());
  i.numOps = uint32_t(o.size());
  i.imm = imm;
  i.sym = sym;
  i.block = UINT32_MAX;
  for (uint32_t v : o) invalidOperand |= v >= insts.size();
  operands.insert(operands.end(), o.begin(), o.end());
  insts.push_back(i);
  next.push_back(kNoValue);
  prev.push_back(kNoValue);
  return uint32_t(insts.size() - 1);
}

uint32_t MFunc::add(uint16_t op, Ty ty, std::span<const uint32_t> o, int64_t imm, uint32_t sym) {
  uint32_t i = addDetached(op, ty, o, imm, sym);
  append(current, i);
  return i;
}

void MFunc::append(uint32_t block, uint32_t i) {
  MBlock& b = blocks[block];
  insts[i].block = block;
  prev[i] = b.last;
  next[i] = kNoValue;
  if (b.last != kNoValue) next[b.last] = i;
  else b.first = i;
  b.last = i;
}

void MFunc::unlink(uint32_t i) {
  if (insts[i].block == UINT32_MAX) return;
  MBlock& b = blocks[insts[i].block];
  if (prev[i] != kNoValue) next[prev[i]] = next[i];
  else b.first = next[i];
  if (next[i] != kNoValue) prev[next[i]] = prev[i];
  else b.last = prev[i];
  next[i] = prev[i] = kNoValue;
  insts[i].block = UINT32_MAX;
}

void MFunc::moveBefore(uint32_t i, uint32_t pos) {
  unlink(i);
  uint32_t blk = insts[pos].block;
  MBlock& b = blocks[blk];
  insts[i].block = blk;
  prev[i] = prev[pos];
  next[i] = pos;
  if (prev[pos] != kNoValue) next[prev[pos]] = i;
  else b.first = i;
  prev[pos] = i;
}

uint32_t MFunc::constF32(float v) {
  uint32_t bits;
  std::memcpy(&bits, &v, 4);
  return add(OpConst, Ty::F32, {}, int64_t(bits));
}

uint32_t MFunc::constF64(double v) {
  int64_t bits;
  std::memcpy(&bits, &v, 8);
  return add(OpConst, Ty::F64, {}, bits);
}

uint32_t MFunc::load(uint16_t op, Ty ty, uint32_t addr, uint32_t offset, uint32_t alignLog2, uint32_t sym) {
  uint32_t i = add(op, ty, {addr}, int64_t(offset), sym);
  insts[i].align = uint8_t(alignLog2);
  return i;
}

void MFunc::store(uint16_t op, uint32_t addr, uint32_t value, uint32_t offset, uint32_t alignLog2, uint32_t sym) {
  uint32_t i = add(op, Ty::None, {addr, value}, int64_t(offset), sym);
  insts[i].align = uint8_t(alignLog2);
}

void MFunc::setExit(uint32_t block, Exit exit, std::span<const uint32_t> succs, std::span<const uint32_t> o) {
  uint32_t saved = current;
  current = block;
  add(OpExit, Ty::None, o);
  current = saved;
  cfg.setExit(block, exit, succs);
}

namespace {

const char* opName(uint16_t op) {
  static const char* names[0x100 + 32] = {};
  static bool init = [] {
#define OP(code, name, kind, sig, align) names[code] = name;
#define FC(code, name, kind, sig, align) names[0x100 + code] = name;
#define SIMD(code, name, kind, sig, align)
#include "link/opcodes.def"
#undef OP
#undef FC
#undef SIMD
    return true;
  }();
  (void)init;
  switch (op) {
    case OpConst: return "const";
    case OpDataAddr: return "data_addr";
    case OpFuncAddr: return "func_addr";
    case OpParam: return "param";
    case OpPhi: return "phi";
    case OpCopy: return "copy";
    case OpGlobalGet: return "global.get";
    case OpGlobalSet: return "global.set";
    case OpCall: return "call";
    case OpCallIndirect: return "call_indirect";
    case OpExit: return "exit";
    case OpMove: return "move";
    case OpNop: return "nop";
    default: break;
  }
  if (op < 0x100 + 32 && names[op]) return names[op];
  return "?";
}

const char* tyName(Ty t) {
  switch (t) {
    case Ty::I32: return "i32";
    case Ty::I64: return "i64";
    case Ty::F32: return "f32";
    case Ty::F64: return "f64";
    default: return "";
  }
}

}  // namespace

std::string MFunc::dump() const {
  std::string s = "func " + name + "\n";
  for (uint32_t b = 0; b < blocks.size(); ++b) {
    s += "b" + std::to_string(b) + ":";
    auto succ = cfg.succs(b);
    if (!succ.empty()) {
      s += " ->";
      for (uint32_t t : succ) s += " b" + std::to_string(t);
    }
    s += "\n";
    for (uint32_t i = blocks[b].first; i != kNoValue; i = next[i]) {
      const MInst& in = insts[i];
      s += "  ";
      if (in.ty != Ty::None) s += "%" + std::to_string(i) + ":" + tyName(in.ty) + " = ";
      s += opName(in.op);
      for (uint32_t o : ops(i)) s += " %" + std::to_string(o);
      if (in.op == OpConst || in.op == OpParam || isMemOp(in.op) || in.op == OpDataAddr) s += " #" + std::to_string(in.imm);
      if (in.sym != kNoSym) s += " @" + std::to_string(in.sym);
      s += "\n";
    }
  }
  return s;
}

}  // namespace toyc::codegen
