// The backend's function representation: a control-flow graph of blocks
// whose instructions are WebAssembly operations on virtual values. A
// frontend's instruction selection (frontend/llvm) fills one MFunc per
// function; codegen/ir_compile turns it into a function body:
//
//   dead code     unreachable blocks and unused pure values go
//   licm, cse     loop-invariant values move to a preheader; equal values
//                 of a block are computed once (codegen/ir_licm.cpp)
//   structurize   blocks -> block/loop/if/br (codegen/structurize.h)
//   stackify      single-use values become operand-stack trees
//   allocate      the remaining values share wasm locals by liveness
//   emit          bytes and relocations
//
// Values are instruction indices: an instruction with a result defines the
// value of its own index. All storage is flat (instructions, operands,
// successor lists in shared arrays), so building a function allocates a
// handful of vectors, not one object per instruction.
//
// Phi functions are Phi instructions at the top of their block (they emit
// nothing) assigned by a Copy at the end of each predecessor. A Copy is a
// parallel copy: all sources are read before any destination is written.
// The frontend splits critical edges that carry copies.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>
#include "codegen/structurize.h"
#include "link/unit.h"

namespace toyc::codegen {

enum class Ty : uint8_t { None, I32, I64, F32, F64 };
link::ValType valType(Ty t);

constexpr uint32_t kNoValue = UINT32_MAX;

// Opcodes: a wasm opcode (0x00-0xff), a 0xfc-prefixed one as 0x100 | sub,
// or one of the pseudo operations below.
enum MOp : uint16_t {
  kFC = 0x100,
  kPseudo = 0x200,
  OpConst = kPseudo,  // imm: the value's bits (by ty); emitted at each use
  OpDataAddr,         // sym + imm: i32.const of a data address (relocated); emitted at each use
  OpFuncAddr,         // sym: i32.const of a table slot (relocated); emitted at each use
  OpParam,            // imm: parameter index; the value lives in that local
  OpPhi,              // a variable assigned by Copy instructions in the predecessors
  OpCopy,             // operands: n sources then n Phi values (parallel copy)
  OpGlobalGet,        // sym: global
  OpGlobalSet,        // sym: global; operand: value
  OpCall,             // sym: function; operands: arguments
  OpCallIndirect,     // imm: index in MFunc::types; operands: arguments, then the table index
  OpExit,             // a block's exit; operands: CondBr condition, Switch selector,
                      // Return values (plus the frame pointer if MFunc::restoreSp)
  OpMove,             // operand: a value; the same value under a new name (emits nothing itself)
  OpNop,              // a deleted instruction
};

// Symbol references in `sym`: a unit symbol index, or (with kExternBit set)
// an index the frontend resolves when it merges the function into its unit
// (runtime-library functions named on demand).
constexpr uint32_t kExternBit = 0x80000000u;
constexpr uint32_t kNoSym = UINT32_MAX;

struct MInst {
  uint16_t op = OpNop;
  Ty ty = Ty::None;     // result type, None if the instruction has no result
  uint8_t align = 0;    // memory operations: alignment (log2)
  uint8_t flags = 0;    // kVolatile
  uint32_t opBegin = 0, numOps = 0;  // operands in MFunc::operands
  uint32_t sym = kNoSym;
  uint32_t block = 0;   // UINT32_MAX while not in a block
  int64_t imm = 0;      // constant bits, memory offset, parameter index, type index, addend
};

enum InstFlag : uint8_t {
  kVolatile = 1,  // kept even when its result is unused
};

// Instruction properties used when moving code into operand-stack trees.
enum InstEffect : uint8_t {
  kReadsMem = 1,   // linear memory or a global
  kWritesMem = 2,  // stores, calls, global.set
  kMayTrap = 4,
};
uint8_t effectsOf(const MInst& i);
bool isMemOp(uint16_t op);
bool isLoad(uint16_t op);
bool isStore(uint16_t op);
// Emitted afresh at every use: constants and relocated addresses.
inline bool isRemat(uint16_t op) { return op == OpConst || op == OpDataAddr || op == OpFuncAddr; }

struct MBlock {
  uint32_t first = kNoValue, last = kNoValue;  // instruction list (next/prev links)
};

class MFunc {
public:
  std::string name;                 // for diagnostics
  link::FuncType type;              // the wasm signature
  std::vector<link::FuncType> types;  // call_indirect signatures
  std::vector<MInst> insts;
  std::vector<uint32_t> operands;
  std::vector<uint32_t> next, prev;   // instruction list links
  std::vector<MBlock> blocks;       // block i is node i of cfg
  Cfg cfg;
  // Frame: the returns restore __stack_pointer to fp + frameSize.
  bool restoreSp = false;
  uint32_t frameSize = 0;
  uint32_t spSym = kNoSym;          // __stack_pointer
  // Set when an instruction was given an operand that is not a value (a
  // frontend's signal that it could not lower something).
  bool invalidOperand = false;
  uint32_t tableSym = kNoSym;       // __indirect_function_table

  void clear();

  // Building. Instructions are appended to `current`.
  uint32_t newBlock();              // adds a block; its cfg node is set by setExit
  uint32_t current = 0;
  uint32_t add(uint16_t op, Ty ty, std::span<const uint32_t> ops, int64_t imm = 0, uint32_t sym = kNoSym);
  uint32_t add(uint16_t op, Ty ty, std::initializer_list<uint32_t> ops, int64_t imm = 0, uint32_t sym = kNoSym) {
    return add(op, ty, std::span<const uint32_t>(ops.begin(), ops.size()), imm, sym);
  }
  uint32_t constI32(int32_t v) { return add(OpConst, Ty::I32, {}, int64_t(uint32_t(v))); }
  uint32_t constI64(int64_t v) { return add(OpConst, Ty::I64, {}, v); }
  uint32_t constF32(float v);
  uint32_t constF64(double v);
  // A memory access at addr + offset, or at addr + sym + offset when sym is
  // a data symbol (the offset immediate is then relocated).
  uint32_t load(uint16_t op, Ty ty, uint32_t addr, uint32_t offset, uint32_t alignLog2, uint32_t sym = kNoSym);
  void store(uint16_t op, uint32_t addr, uint32_t value, uint32_t offset, uint32_t alignLog2, uint32_t sym = kNoSym);
  // Ends `current` with an exit; the cfg node gets the same number as the block.
  void setExit(uint32_t block, Exit exit, std::span<const uint32_t> succs, std::span<const uint32_t> ops);

  std::span<const uint32_t> ops(uint32_t i) const { return {operands.data() + insts[i].opBegin, insts[i].numOps}; }
  std::span<uint32_t> ops(uint32_t i) { return {operands.data() + insts[i].opBegin, insts[i].numOps}; }
  // Inserts an instruction (already in insts) before `pos` in pos's block.
  void moveBefore(uint32_t inst, uint32_t pos);
  void unlink(uint32_t inst);
  void append(uint32_t block, uint32_t inst);
  // Appends a block-less instruction (for later placement with moveBefore/append).
  uint32_t addDetached(uint16_t op, Ty ty, std::span<const uint32_t> ops, int64_t imm = 0, uint32_t sym = kNoSym);

  // Text form for tests and debugging.
  std::string dump() const;
};

}  // namespace toyc::codegen
