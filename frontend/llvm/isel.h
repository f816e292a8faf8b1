// Instruction selection: one LLVM IR function to a codegen::MFunc.
//
// Values. Every IR value becomes a list of parts, each an MFunc value
// (codegen/ir.h) of a wasm type: one part for scalars, two i64 parts (low,
// high) for i128 and fp128, the concatenation of the elements for structs
// and arrays. Constants are not mapped: they are materialized at each use,
// so they end up as immediates.
//
// Narrow integers. An iN with N < 32 lives in an i32 (N in 33..63: an i64;
// N in 65..127: two i64 parts like i128) whose bits above N are
// unspecified, so add, sub, mul, shl, and, or and trunc cost nothing;
// operations that read the high bits (compares, division, right shifts,
// extensions, conversions, calls with zeroext or signext) first zero- or
// sign-extend. Every value carries what is known about its high bits
// (already zero or already sign copies), which lets loads, compares and
// explicit extensions skip the work.
//
// Frames. Static allocas of the entry block get fixed offsets in a frame on
// the shadow stack below __stack_pointer (16-byte aligned); the prologue
// moves the stack pointer down and every return restores it. Leaf
// functions with small frames use the 128 bytes below the stack pointer
// without moving it (LLVM's red zone). Variadic calls store their extra
// arguments in a buffer at the bottom of the frame, byval arguments are
// copied to the frame, and dynamic allocas move the stack pointer.
//
// Control flow. Blocks map one to one (in reverse postorder, so values are
// defined before they are used); phis become OpPhi variables assigned by
// parallel copies at the end of predecessors, on a new block when the edge
// is critical. Switches become br_table when dense, else a binary search
// of compare-and-branch blocks.
#pragma once
#include <cstdint>
#include <string>
#include <vector>
#include <llvm/ADT/DenseMap.h>
#include <llvm/IR/Function.h>
#include <llvm/IR/Instructions.h>
#include <llvm/IR/IntrinsicInst.h>
#include "codegen/ir.h"
#include "frontend/llvm/layout.h"
#include "frontend/llvm/module.h"

namespace toyc::llvmir {

using codegen::MFunc;
using codegen::Ty;

class FunctionLowering {
public:
  // One per thread, reused for many functions (its tables keep their memory).
  FunctionLowering();

  // Fills f; false if the function uses IR the backend does not lower
  // (failInst and failWhat say which).
  bool lower(const ModuleLowering& mod, const llvm::Function& fn, MFunc& f);
  const llvm::Instruction* failInst = nullptr;
  std::string failWhat;  // empty: "unsupported instruction"

private:
  // What is known about the bits above an integer's width.
  enum Ext : uint8_t { ExtNone, ExtZero, ExtSign };
  struct Parts {
    uint32_t begin = 0, count = 0;
  };
  struct Case {
    uint64_t value;
    uint32_t block;
  };
  // A memory address: base + offset, plus the address of sym when it is a
  // data symbol (only for plain loads and stores: memAddress).
  struct Addr {
    uint32_t base = codegen::kNoValue;  // i32 value
    uint32_t offset = 0;
    uint32_t sym = codegen::kNoSym;
    Addr plus(uint64_t d) const { return Addr{base, uint32_t(offset + d), sym}; }
  };
  // A scaled variable index of a getelementptr.
  struct Term {
    uint32_t value;
    uint64_t scale;
    int64_t order;  // where its index is defined: arguments first, then blocks in reverse postorder
  };

  // --- values ---
  uint32_t add(uint16_t op, Ty ty, std::initializer_list<uint32_t> ops, Ext ext = ExtNone);
  uint32_t addSpan(uint16_t op, Ty ty, std::span<const uint32_t> ops, Ext ext = ExtNone);
  uint32_t c32(int32_t v) { return track(f_->constI32(v), ExtNone); }
  uint32_t c64(int64_t v) { return track(f_->constI64(v), ExtNone); }
  uint32_t track(uint32_t v, Ext e);
  Ext extOf(uint32_t v) const { return v < ext_.size() ? Ext(ext_[v]) : ExtNone; }
  void define(const llvm::Value* v, uint32_t part);
  void defineParts(const llvm::Value* v, std::span<const uint32_t> parts);
  uint32_t get(const llvm::Value* v);                 // scalar (one part)
  bool getParts(const llvm::Value* v, std::vector<uint32_t>& out);
  bool constParts(const llvm::Constant* c, std::vector<uint32_t>& out);
  uint32_t constScalar(const llvm::Constant* c);
  bool isConst(uint32_t v) const;
  int64_t constValue(uint32_t v) const;

  // Integer widths.
  static unsigned widthOf(llvm::Type* t);             // bits; pointers 32
  static Ty containerOf(unsigned bits) { return bits <= 32 ? Ty::I32 : Ty::I64; }
  uint32_t zext(uint32_t v, unsigned bits);           // high bits of the container cleared
  uint32_t sext(uint32_t v, unsigned bits);           // high bits copies of bit bits-1
  uint32_t zextOp(const llvm::Value* v) { return zext(get(v), widthOf(v->getType())); }
  uint32_t sextOp(const llvm::Value* v) { return sext(get(v), widthOf(v->getType())); }
  uint32_t toI32(uint32_t v);                         // wrap an i64, keep an i32
  uint32_t truthOf(const llvm::Value* cond);          // an i1 as an i32 that is 0 or non-zero

  // --- structure ---
  bool definePhis(const llvm::BasicBlock& bb);
  bool lowerBlock(const llvm::BasicBlock& bb);
  bool lowerInst(const llvm::Instruction& in);
  bool lowerTerminator(const llvm::Instruction& in);
  uint32_t edgeTarget(const llvm::BasicBlock* from, const llvm::BasicBlock* to, bool critical);
  void emitCopies(const llvm::BasicBlock* from, const llvm::BasicBlock* to, const llvm::BasicBlock* via = nullptr);
  const llvm::BasicBlock* forwardTarget(const llvm::BasicBlock* b);
  bool lowerSwitch(const llvm::SwitchInst& sw);
  void lowerCases(uint32_t v, Ty ty, std::vector<Case>& cases, uint32_t dflt);
  void prologue();
  void lowerReturn(const llvm::ReturnInst& ret);

  // --- instructions ---
  uint32_t partsBefore(llvm::Type* agg, llvm::ArrayRef<unsigned> indices, llvm::Type*& elem);
  bool lowerBinary(const llvm::BinaryOperator& bo);
  bool lowerICmp(const llvm::ICmpInst& c);
  uint32_t icmp(llvm::CmpInst::Predicate p, const llvm::Value* a, const llvm::Value* b);
  bool lowerFCmp(const llvm::FCmpInst& c);
  uint32_t fcmp(llvm::CmpInst::Predicate p, uint32_t a, uint32_t b, Ty t);
  bool lowerCast(const llvm::CastInst& c);
  bool lowerSelect(const llvm::SelectInst& s);
  bool lowerLoad(const llvm::LoadInst& ld);
  bool lowerStore(const llvm::StoreInst& st);
  bool lowerGep(const llvm::GetElementPtrInst& gep);
  bool lowerAlloca(const llvm::AllocaInst& a);
  bool lowerAtomic(const llvm::Instruction& in);
  bool lowerVAArg(const llvm::VAArgInst& va);
  Addr address(const llvm::Value* ptr);
  Addr memAddress(const llvm::Value* ptr);
  bool gepTerms(const llvm::GEPOperator& gep, std::vector<Term>& terms, int64_t& constant);
  uint32_t sumTerms(std::vector<Term>& terms, uint32_t base);
  uint32_t addrValue(const Addr& a);
  uint32_t scaledIndex(const llvm::Value* idx, uint64_t size);
  uint32_t frameAddr(uint32_t offset);
  bool loadParts(llvm::Type* t, Addr a, uint32_t align, bool isVolatile, std::vector<uint32_t>& out, Ext* ext = nullptr);
  bool storeParts(llvm::Type* t, Addr a, uint32_t align, std::span<const uint32_t> parts, bool isVolatile);
  uint32_t loadScalar(llvm::Type* t, Addr a, uint32_t align, bool isVolatile, bool signedLoad);
  void storeScalar(llvm::Type* t, Addr a, uint32_t align, uint32_t v, bool isVolatile);

  // --- calls (isel_call.cpp) ---
  bool lowerCall(const llvm::CallBase& call);
  bool lowerIntrinsic(const llvm::CallBase& call, llvm::Intrinsic::ID id);
  uint32_t callLib(LibFn fn, std::initializer_list<uint32_t> args, Ty result);
  void callLibIndirect(LibFn fn, std::initializer_list<uint32_t> args, uint32_t out[2]);
  // Bytes in the call area for the current call site (callCursor_ = 0
  // starts a site); returns the frame offset.
  uint32_t callArea(uint64_t size, uint32_t align);
  uint32_t typeIndex(const link::FuncType& t);
  void memcpyInline(Addr dst, Addr src, uint64_t size, uint32_t align, bool mayOverlap);
  void memsetInline(Addr dst, uint32_t byteValue, uint64_t size, uint32_t align);

  // --- 128-bit values and i65..i127 (isel_wide.cpp) ---
  bool lowerWide(const llvm::Instruction& in);
  static bool isWide(llvm::Type* t) {
    return t->isFP128Ty() || (t->isIntegerTy() && t->getIntegerBitWidth() > 64 && t->getIntegerBitWidth() <= 128);
  }
  // The parts of a wide value; e (ExtZero, ExtSign) extends an iN with
  // N < 128 from bit N - 1 first.
  bool getWide(const llvm::Value* v, Ext e, std::vector<uint32_t>& out);
  uint32_t wideHi(uint32_t hi, unsigned bits, bool sign);
  // Whether a 128-bit result does not fit in `bits` (an i32 truth value).
  uint32_t wideOverflows(const uint32_t r[2], unsigned bits, bool sign);
  // r = a shifted by a constant s < 128 (Shl, LShr or AShr).
  void wideShift(unsigned opcode, const uint32_t a[2], unsigned s, uint32_t r[2]);
  bool narrowFunnel(const llvm::CallBase& call, const std::vector<uint32_t>& x, std::vector<uint32_t> y);

  // --- integers wider than 128 bits (isel_big.cpp) ---
  static bool isBig(llvm::Type* t) { return t->isIntegerTy() && t->getIntegerBitWidth() > 128; }
  bool lowerBig(const llvm::Instruction& in);
  // Any integer as `limbs` i64 limbs, extended by e (ExtNone: the limbs
  // above its own are zero, its bits above the width unspecified).
  bool getLimbs(const llvm::Value* v, Ext e, unsigned limbs, std::vector<uint32_t>& out);
  bool wideBinary(const llvm::BinaryOperator& bo);
  bool wideCast(const llvm::CastInst& c);
  bool wideIntrinsic(const llvm::CallBase& call);
  uint32_t wideICmp(llvm::CmpInst::Predicate p, const llvm::Value* a, const llvm::Value* b);
  uint32_t fp128Cmp(llvm::CmpInst::Predicate p, const llvm::Value* a, const llvm::Value* b);

  bool fail(const llvm::Instruction& in, std::string what = {}) {
    failInst = &in;
    failWhat = std::move(what);
    return false;
  }

  const ModuleLowering* modp_ = nullptr;
  uint64_t modId_ = 0;
  Layout layout_;
  MFunc* f_ = nullptr;
  const llvm::Function* fn_ = nullptr;
  std::vector<uint8_t> ext_;
  llvm::DenseMap<const llvm::Value*, Parts> map_;
  std::vector<uint32_t> parts_;
  llvm::DenseMap<const llvm::BasicBlock*, uint32_t> blockOf_;
  llvm::DenseMap<const llvm::AllocaInst*, uint32_t> slotOf_;  // static allocas: frame offset
  std::vector<uint32_t> scratch_;
  // Frame.
  uint32_t fp_ = codegen::kNoValue;        // frame base (i32), defined by the prologue
  uint32_t frameSize_ = 0, frameAlign_ = 16;
  uint64_t callAreaSize_ = 0;              // bytes at the bottom of the frame for call sites
  bool hasCalls_ = false, dynamicSp_ = false;
  uint32_t spGet_ = codegen::kNoValue, spSub_ = codegen::kNoValue, frameConst_ = codegen::kNoValue;
  uint32_t alignConst_ = codegen::kNoValue;
  uint32_t callAreaBase_ = 0;              // frame offset of the call area
  uint32_t callCursor_ = 0;                // bytes of the call area used by the current call site
  std::vector<uint32_t> retExits_;         // Return exits (they get the stack pointer restore)
  Signature sig_;
  uint32_t varargBase_ = codegen::kNoValue;   // the incoming variadic buffer pointer
  uint32_t resultPtr_ = codegen::kNoValue;    // indirect result pointer parameter
};

}  // namespace toyc::llvmir
