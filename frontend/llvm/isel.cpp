// Instruction selection, core: values, blocks and control flow, integer and
// floating-point arithmetic, compares, casts, memory. Calls and intrinsics
// are in isel_call.cpp, 128-bit values in isel_wide.cpp.
#include "frontend/llvm/isel.h"
#include <algorithm>
#include <llvm/IR/Constants.h>
#include <llvm/IR/GetElementPtrTypeIterator.h>
#include <llvm/ADT/SmallPtrSet.h>
#include <llvm/IR/CFG.h>
#include <llvm/IR/Operator.h>

namespace toyc::llvmir {

using namespace codegen;

namespace {

uint64_t alignTo(uint64_t v, uint64_t a) { return (v + a - 1) / a * a; }

uint32_t log2of(uint64_t a) {
  uint32_t l = 0;
  while ((uint64_t(1) << l) < a) ++l;
  return l;
}

// i32 opcodes; the i64 form of add..rotr, clz, ctz and popcnt is +0x12.
enum : uint16_t {
  I32Eqz = 0x45, I32Eq = 0x46, I32Ne = 0x47, I32LtS = 0x48, I32LtU = 0x49, I32GtS = 0x4a, I32GtU = 0x4b,
  I32LeS = 0x4c, I32LeU = 0x4d, I32GeS = 0x4e, I32GeU = 0x4f,
  I32Clz = 0x67, I32Ctz = 0x68, I32Popcnt = 0x69,
  I32Add = 0x6a, I32Sub = 0x6b, I32Mul = 0x6c, I32DivS = 0x6d, I32DivU = 0x6e, I32RemS = 0x6f, I32RemU = 0x70,
  I32And = 0x71, I32Or = 0x72, I32Xor = 0x73, I32Shl = 0x74, I32ShrS = 0x75, I32ShrU = 0x76, I32Rotl = 0x77,
  I32Rotr = 0x78,
};
inline uint16_t intOp(uint16_t op32, Ty t) { return t == Ty::I64 ? uint16_t(op32 + 0x12) : op32; }
inline uint16_t cmpOp(uint16_t op32, Ty t) { return t == Ty::I64 ? uint16_t(op32 + 0x0b) : op32; }

}  // namespace

namespace {
const llvm::DataLayout& emptyLayout() {
  static const llvm::DataLayout dl("");
  return dl;
}
}  // namespace

FunctionLowering::FunctionLowering() : layout_(emptyLayout()) {}

// --- values -------------------------------------------------------------

uint32_t FunctionLowering::track(uint32_t v, Ext e) {
  if (ext_.size() <= v) ext_.resize(v + 64, ExtNone);
  ext_[v] = e;
  return v;
}

uint32_t FunctionLowering::add(uint16_t op, Ty ty, std::initializer_list<uint32_t> ops, Ext ext) {
  // x + 0, x - 0, x | 0, x ^ 0, x << 0, x >> 0, x * 1, x & -1: x itself.
  if (ops.size() == 2 && (ty == Ty::I32 || ty == Ty::I64)) {
    uint32_t b = ops.begin()[1];
    if (isConst(b)) {
      int64_t k = constValue(b);
      if (ty == Ty::I32) k = int32_t(k);
      uint16_t o = ty == Ty::I64 ? uint16_t(op - 0x12) : op;
      bool identity = (k == 0 && (o == I32Add || o == I32Sub || o == I32Or || o == I32Xor || o == I32Shl ||
                                  o == I32ShrS || o == I32ShrU || o == I32Rotl || o == I32Rotr)) ||
                      (k == 1 && o == I32Mul) || (k == -1 && o == I32And);
      if (identity && f_->insts[ops.begin()[0]].ty == ty) return ops.begin()[0];
    }
  }
  return track(f_->add(op, ty, ops), ext);
}

uint32_t FunctionLowering::addSpan(uint16_t op, Ty ty, std::span<const uint32_t> ops, Ext ext) {
  return track(f_->add(op, ty, ops), ext);
}

void FunctionLowering::define(const llvm::Value* v, uint32_t part) {
  Parts p{uint32_t(parts_.size()), 1};
  parts_.push_back(part);
  map_[v] = p;
}

void FunctionLowering::defineParts(const llvm::Value* v, std::span<const uint32_t> ps) {
  Parts p{uint32_t(parts_.size()), uint32_t(ps.size())};
  parts_.insert(parts_.end(), ps.begin(), ps.end());
  map_[v] = p;
}

bool FunctionLowering::isConst(uint32_t v) const { return v != kNoValue && f_->insts[v].op == OpConst; }
int64_t FunctionLowering::constValue(uint32_t v) const { return f_->insts[v].imm; }

unsigned FunctionLowering::widthOf(llvm::Type* t) {
  if (t->isPointerTy()) return 32;
  if (auto* it = llvm::dyn_cast<llvm::IntegerType>(t)) return it->getBitWidth();
  return 0;
}

uint32_t FunctionLowering::get(const llvm::Value* v) {
  if (auto* c = llvm::dyn_cast<llvm::Constant>(v)) return constScalar(c);
  auto it = map_.find(v);
  if (it == map_.end()) return kNoValue;
  return parts_[it->second.begin];
}

bool FunctionLowering::getParts(const llvm::Value* v, std::vector<uint32_t>& out) {
  out.clear();
  if (auto* c = llvm::dyn_cast<llvm::Constant>(v)) return constParts(c, out);
  auto it = map_.find(v);
  if (it == map_.end()) return false;
  out.assign(parts_.begin() + it->second.begin, parts_.begin() + it->second.begin + it->second.count);
  return true;
}

bool FunctionLowering::constParts(const llvm::Constant* c, std::vector<uint32_t>& out) {
  llvm::Type* t = c->getType();
  if (llvm::isa<llvm::UndefValue>(c) || llvm::isa<llvm::ConstantAggregateZero>(c)) {
    std::vector<Ty> tys;
    if (!flattenType(t, tys)) return false;
    for (Ty ty : tys) {
      switch (ty) {
        case Ty::I64: out.push_back(c64(0)); break;
        case Ty::F32: out.push_back(track(f_->constF32(0), ExtNone)); break;
        case Ty::F64: out.push_back(track(f_->constF64(0), ExtNone)); break;
        default: out.push_back(c32(0)); break;
      }
    }
    return true;
  }
  if (t->isIntegerTy(128) || t->isFP128Ty()) {
    llvm::APInt v;
    if (auto* ci = llvm::dyn_cast<llvm::ConstantInt>(c)) v = ci->getValue();
    else if (auto* cf = llvm::dyn_cast<llvm::ConstantFP>(c)) v = cf->getValueAPF().bitcastToAPInt();
    else return false;
    out.push_back(c64(int64_t(v.extractBitsAsZExtValue(64, 0))));
    out.push_back(c64(int64_t(v.extractBitsAsZExtValue(64, 64))));
    return true;
  }
  if (t->isStructTy() || t->isArrayTy()) {
    unsigned n = t->isStructTy() ? t->getStructNumElements() : unsigned(t->getArrayNumElements());
    for (unsigned i = 0; i < n; ++i) {
      const llvm::Constant* e = c->getAggregateElement(i);
      if (!e || !constParts(e, out)) return false;
    }
    return true;
  }
  uint32_t v = constScalar(c);
  if (v == kNoValue) return false;
  out.push_back(v);
  return true;
}

uint32_t FunctionLowering::constScalar(const llvm::Constant* c) {
  if (auto* ci = llvm::dyn_cast<llvm::ConstantInt>(c)) {
    unsigned w = ci->getBitWidth();
    if (w > 64) return kNoValue;
    int64_t v = w == 1 ? int64_t(ci->getZExtValue()) : ci->getSExtValue();
    uint32_t r = w <= 32 ? c32(int32_t(v)) : c64(v);
    return track(r, w == 1 ? ExtZero : ExtSign);
  }
  if (auto* cf = llvm::dyn_cast<llvm::ConstantFP>(c)) {
    if (cf->getType()->isFloatTy()) return track(f_->constF32(cf->getValueAPF().convertToFloat()), ExtNone);
    if (cf->getType()->isDoubleTy()) return track(f_->constF64(cf->getValueAPF().convertToDouble()), ExtNone);
    return kNoValue;
  }
  llvm::Type* t = c->getType();
  if (llvm::isa<llvm::ConstantPointerNull>(c) || llvm::isa<llvm::UndefValue>(c) ||
      llvm::isa<llvm::ConstantAggregateZero>(c)) {
    if (t->isPointerTy() || (t->isIntegerTy() && widthOf(t) <= 32)) return track(c32(0), ExtZero);
    if (t->isIntegerTy() && widthOf(t) <= 64) return track(c64(0), ExtZero);
    if (t->isFloatTy()) return track(f_->constF32(0), ExtNone);
    if (t->isDoubleTy()) return track(f_->constF64(0), ExtNone);
    return kNoValue;
  }
  if (auto* ba = llvm::dyn_cast<llvm::BlockAddress>(c)) return c32(int32_t(blockNumber(ba->getBasicBlock())));
  if (auto* g = llvm::dyn_cast<llvm::GlobalValue>(c)) {
    uint32_t sym = modp_->symbolOf(g);
    if (sym == kNoSym) return kNoValue;
    bool isFunc = llvm::isa<llvm::Function>(g) ||
                  (llvm::isa<llvm::GlobalAlias>(g) && llvm::isa_and_nonnull<llvm::Function>(
                                                         llvm::cast<llvm::GlobalAlias>(g)->getAliaseeObject()));
    return track(f_->add(isFunc ? OpFuncAddr : OpDataAddr, Ty::I32, {}, 0, sym), ExtNone);
  }
  auto* ce = llvm::dyn_cast<llvm::ConstantExpr>(c);
  if (!ce) return kNoValue;
  switch (ce->getOpcode()) {
    case llvm::Instruction::GetElementPtr: {
      int64_t off;
      auto* gep = llvm::cast<llvm::GEPOperator>(ce);
      if (!layout_.constantOffset(*gep, off)) return kNoValue;
      uint32_t base = get(gep->getPointerOperand());
      if (base == kNoValue) return kNoValue;
      if (off == 0) return base;
      if (f_->insts[base].op == OpDataAddr) {
        f_->insts[base].imm += off;
        return base;
      }
      return add(I32Add, Ty::I32, {base, c32(int32_t(off))});
    }
    case llvm::Instruction::BitCast:
    case llvm::Instruction::AddrSpaceCast:
      return get(ce->getOperand(0));
    case llvm::Instruction::PtrToInt: {
      uint32_t v = get(ce->getOperand(0));
      if (v == kNoValue) return kNoValue;
      unsigned w = widthOf(t);
      if (w > 32 && w <= 64) return add(0xad, Ty::I64, {v}, ExtZero);
      return w <= 32 ? v : kNoValue;
    }
    case llvm::Instruction::IntToPtr: {
      uint32_t v = get(ce->getOperand(0));
      if (v == kNoValue) return kNoValue;
      unsigned w = widthOf(ce->getOperand(0)->getType());
      if (w > 32 && w <= 64) return add(0xa7, Ty::I32, {v});
      return w <= 32 ? zext(v, w) : kNoValue;
    }
    case llvm::Instruction::Trunc: {
      uint32_t v = get(ce->getOperand(0));
      if (v == kNoValue) return kNoValue;
      unsigned from = widthOf(ce->getOperand(0)->getType()), to = widthOf(t);
      if (from > 32 && to <= 32) return add(0xa7, Ty::I32, {v});
      return from <= 64 ? v : kNoValue;
    }
    case llvm::Instruction::Add:
    case llvm::Instruction::Sub:
    case llvm::Instruction::Xor:
    case llvm::Instruction::Mul:
    case llvm::Instruction::Shl:
    case llvm::Instruction::And:
    case llvm::Instruction::Or: {
      unsigned w = widthOf(t);
      if (w == 0 || w > 64) return kNoValue;
      uint32_t a = get(ce->getOperand(0)), b = get(ce->getOperand(1));
      if (a == kNoValue || b == kNoValue) return kNoValue;
      uint16_t op = ce->getOpcode() == llvm::Instruction::Add   ? I32Add
                    : ce->getOpcode() == llvm::Instruction::Sub ? I32Sub
                    : ce->getOpcode() == llvm::Instruction::Xor ? I32Xor
                    : ce->getOpcode() == llvm::Instruction::Mul ? I32Mul
                    : ce->getOpcode() == llvm::Instruction::Shl ? I32Shl
                    : ce->getOpcode() == llvm::Instruction::And ? I32And
                                                                : I32Or;
      Ty ty = containerOf(w);
      return add(intOp(op, ty), ty, {a, b});
    }
    default: return kNoValue;
  }
}

uint32_t FunctionLowering::zext(uint32_t v, unsigned bits) {
  if (v == kNoValue) return kNoValue;
  Ty ty = f_->insts[v].ty;
  unsigned cw = ty == Ty::I64 ? 64 : 32;
  if (bits >= cw || extOf(v) == ExtZero) return v;
  uint64_t mask = (uint64_t(1) << bits) - 1;
  if (isConst(v)) {
    uint64_t x = uint64_t(constValue(v)) & mask;
    return track(ty == Ty::I64 ? c64(int64_t(x)) : c32(int32_t(uint32_t(x))), ExtZero);
  }
  uint32_t m = ty == Ty::I64 ? c64(int64_t(mask)) : c32(int32_t(uint32_t(mask)));
  return add(intOp(I32And, ty), ty, {v, m}, ExtZero);
}

uint32_t FunctionLowering::sext(uint32_t v, unsigned bits) {
  if (v == kNoValue) return kNoValue;
  Ty ty = f_->insts[v].ty;
  unsigned cw = ty == Ty::I64 ? 64 : 32;
  if (bits >= cw || extOf(v) == ExtSign) return v;
  if (isConst(v)) {
    int64_t x = constValue(v);
    x = int64_t(uint64_t(x) << (64 - bits)) >> (64 - bits);
    return track(ty == Ty::I64 ? c64(x) : c32(int32_t(x)), ExtSign);
  }
  if (ty == Ty::I32) {
    if (bits == 8) return add(0xc0, Ty::I32, {v}, ExtSign);
    if (bits == 16) return add(0xc1, Ty::I32, {v}, ExtSign);
    uint32_t s = add(I32Shl, Ty::I32, {v, c32(int32_t(32 - bits))});
    return add(I32ShrS, Ty::I32, {s, c32(int32_t(32 - bits))}, ExtSign);
  }
  if (bits == 8) return add(0xc2, Ty::I64, {v}, ExtSign);
  if (bits == 16) return add(0xc3, Ty::I64, {v}, ExtSign);
  if (bits == 32) return add(0xc4, Ty::I64, {v}, ExtSign);
  uint32_t s = add(0x86, Ty::I64, {v, c64(64 - bits)});
  return add(0x87, Ty::I64, {s, c64(64 - bits)}, ExtSign);
}

uint32_t FunctionLowering::toI32(uint32_t v) {
  if (v == kNoValue) return kNoValue;
  if (f_->insts[v].ty != Ty::I64) return v;
  if (isConst(v)) return c32(int32_t(constValue(v)));
  return add(0xa7, Ty::I32, {v});
}

uint32_t FunctionLowering::truthOf(const llvm::Value* cond) {
  // `icmp ne x, 0` used only here: x itself is the condition.
  if (auto* ic = llvm::dyn_cast<llvm::ICmpInst>(cond))
    if (ic->hasOneUse() && ic->getPredicate() == llvm::CmpInst::ICMP_NE && !isWide(ic->getOperand(0)->getType()))
      if (auto* z = llvm::dyn_cast<llvm::ConstantInt>(ic->getOperand(1)))
        if (z->isZero() && widthOf(ic->getOperand(0)->getType()) <= 32 && map_.count(ic->getOperand(0)))
          return zextOp(ic->getOperand(0));
  uint32_t v = get(cond);
  if (v == kNoValue) return kNoValue;
  return zext(v, 1);
}

// --- blocks and control flow ----------------------------------------------

bool FunctionLowering::lower(const ModuleLowering& mod, const llvm::Function& fn, MFunc& f) {
  modp_ = &mod;
  if (modId_ != mod.id()) {
    modId_ = mod.id();
    layout_.reset(mod.module().getDataLayout());
  }
  f.clear();
  f_ = &f;
  fn_ = &fn;
  failInst = nullptr;
  failWhat.clear();
  ext_.clear();
  map_.clear();
  parts_.clear();
  blockOf_.clear();
  slotOf_.clear();
  retExits_.clear();
  frameSize_ = 0;
  frameAlign_ = 16;
  callAreaSize_ = 0;
  callCursor_ = 0;
  hasCalls_ = dynamicSp_ = false;
  varargBase_ = resultPtr_ = kNoValue;
  f.name = fn.getName().str();
  sig_ = lowerSignature(fn.getFunctionType());
  f.type = sig_.type;
  f.spSym = externRef(kExternStackPointer);
  f.tableSym = externRef(kExternTable);

  // Blocks in reverse postorder: definitions come before uses (except
  // through phis), and the entry is block 0.
  std::vector<const llvm::BasicBlock*> order;
  {
    std::vector<std::pair<const llvm::BasicBlock*, unsigned>> stack;
    llvm::DenseMap<const llvm::BasicBlock*, bool> seen;
    const llvm::BasicBlock* entry = &fn.getEntryBlock();
    stack.push_back({entry, 0});
    seen[entry] = true;
    while (!stack.empty()) {
      auto& [bb, i] = stack.back();
      const llvm::Instruction* term = bb->getTerminator();
      unsigned n = term ? term->getNumSuccessors() : 0;
      if (i < n) {
        const llvm::BasicBlock* s = term->getSuccessor(n - 1 - i++);
        if (!seen[s]) {
          seen[s] = true;
          stack.push_back({s, 0});
        }
      } else {
        order.push_back(bb);
        stack.pop_back();
      }
    }
    std::reverse(order.begin(), order.end());
  }
  for (const llvm::BasicBlock* bb : order) blockOf_[bb] = f.newBlock();
  f.current = 0;

  // Parameters.
  uint32_t wi = 0;
  if (sig_.indirectResult) resultPtr_ = add(OpParam, Ty::I32, {}), f.insts[resultPtr_].imm = wi++;
  std::vector<Ty> tys;
  for (const llvm::Argument& a : fn.args()) {
    tys.clear();
    flattenType(a.getType(), tys);
    scratch_.clear();
    Ext e = ExtNone;
    if (a.hasZExtAttr()) e = ExtZero;
    else if (a.hasSExtAttr()) e = ExtSign;
    if (a.getType()->isIntegerTy(1) && e == ExtNone) e = ExtNone;
    for (Ty t : tys) {
      uint32_t p = add(OpParam, t, {}, e);
      f.insts[p].imm = wi++;
      scratch_.push_back(p);
    }
    defineParts(&a, scratch_);
  }
  if (fn.isVarArg()) {
    varargBase_ = add(OpParam, Ty::I32, {});
    f.insts[varargBase_].imm = wi++;
  }

  // Static allocas of the entry block get frame offsets up front.
  for (const llvm::Instruction& in : fn.getEntryBlock()) {
    auto* a = llvm::dyn_cast<llvm::AllocaInst>(&in);
    if (!a || !a->isStaticAlloca()) continue;
    uint64_t n = llvm::cast<llvm::ConstantInt>(a->getArraySize())->getZExtValue();
    uint64_t size = layout_.allocSize(a->getAllocatedType()) * n;
    uint32_t align = std::max<uint32_t>(uint32_t(a->getAlign().value()), 1);
    uint64_t off = alignTo(frameSize_, align);
    if (off + size > 0x7fffffff) return fail(in, "frame too large");
    slotOf_[a] = uint32_t(off);
    frameSize_ = uint32_t(off + size);
    frameAlign_ = std::max(frameAlign_, align);
  }
  callAreaBase_ = uint32_t(alignTo(frameSize_, 16));
  // The prologue's instructions exist from the start (their values are
  // used by frame addresses) and are placed in the entry block at the end.
  spGet_ = f.addDetached(OpGlobalGet, Ty::I32, {}, 0, f.spSym);
  frameConst_ = f.addDetached(OpConst, Ty::I32, {}, 0);
  spSub_ = f.addDetached(I32Sub, Ty::I32, std::initializer_list<uint32_t>{spGet_, frameConst_});
  fp_ = spSub_;
  if (frameAlign_ > 16) {
    alignConst_ = f.addDetached(OpConst, Ty::I32, {}, int64_t(uint32_t(-int32_t(frameAlign_))));
    fp_ = f.addDetached(I32And, Ty::I32, std::initializer_list<uint32_t>{spSub_, alignConst_});
  }

  // Phis first: predecessors assign them before the blocks are reached.
  for (const llvm::BasicBlock* bb : order) {
    f.current = blockOf_[bb];
    if (!definePhis(*bb)) return false;
  }
  for (const llvm::BasicBlock* bb : order) {
    f.current = blockOf_[bb];
    if (!lowerBlock(*bb)) return false;
  }
  prologue();
  return true;
}

void FunctionLowering::prologue() {
  MFunc& f = *f_;
  uint64_t total = callAreaSize_ ? alignTo(callAreaBase_ + callAreaSize_, 16) : alignTo(frameSize_, 16);
  bool needFrame = total > 0 || dynamicSp_;
  if (!needFrame) return;
  bool redZone = !hasCalls_ && !dynamicSp_ && total <= 128 && frameAlign_ <= 16;
  f.insts[frameConst_].imm = int64_t(total);
  // After the parameters, before the first instruction of the entry block.
  uint32_t at = f.blocks[0].first;
  while (at != kNoValue && f.insts[at].op == OpParam) at = f.next[at];
  auto place = [&](uint32_t i) {
    if (at == kNoValue) f.append(0, i);
    else f.moveBefore(i, at);
  };
  place(spGet_);
  place(frameConst_);
  place(spSub_);
  if (fp_ != spSub_) {
    place(alignConst_);
    place(fp_);
  }
  if (total == 0) {  // fp = the incoming stack pointer
    MInst& s = f.insts[spSub_];
    s.op = OpMove;
    s.numOps = 1;
  }
  if (redZone) return;
  if (total > 0 || fp_ != spSub_) {
    uint32_t set = f.addDetached(OpGlobalSet, Ty::None, std::initializer_list<uint32_t>{fp_}, 0, f.spSym);
    place(set);
  }
  // Every return restores the stack pointer: fp + frame size, or the
  // incoming value for over-aligned frames.
  f.restoreSp = true;
  uint32_t restore = fp_ == spSub_ ? fp_ : spGet_;
  f.frameSize = fp_ == spSub_ ? uint32_t(total) : 0;
  for (uint32_t e : retExits_) {
    MInst& in = f.insts[e];
    uint32_t begin = uint32_t(f.operands.size());
    for (uint32_t k = 0; k < in.numOps; ++k) f.operands.push_back(f.operands[in.opBegin + k]);
    f.operands.push_back(restore);
    in.opBegin = begin;
    ++in.numOps;
  }
}

bool FunctionLowering::definePhis(const llvm::BasicBlock& bb) {
  std::vector<Ty> tys;
  for (const llvm::PHINode& phi : bb.phis()) {
    tys.clear();
    if (!flattenType(phi.getType(), tys)) return fail(phi);
    scratch_.clear();
    for (Ty t : tys) scratch_.push_back(add(OpPhi, t, {}));
    defineParts(&phi, scratch_);
  }
  return true;
}

bool FunctionLowering::lowerBlock(const llvm::BasicBlock& bb) {
  for (const llvm::Instruction& in : bb) {
    if (llvm::isa<llvm::PHINode>(in)) continue;
    bool ok = in.isTerminator() ? lowerTerminator(in) : lowerInst(in);
    if (!ok) return false;
    // An operand that could not be lowered (an unsupported constant, say).
    if (f_->invalidOperand) return fail(in);
    if (in.isTerminator()) return true;
  }
  return true;
}

void FunctionLowering::emitCopies(const llvm::BasicBlock* from, const llvm::BasicBlock* to) {
  std::vector<uint32_t> srcs, dsts, parts;
  for (const llvm::PHINode& phi : to->phis()) {
    const llvm::Value* in = phi.getIncomingValueForBlock(from);
    auto it = map_.find(&phi);
    if (it == map_.end() || !getParts(in, parts)) continue;
    for (uint32_t k = 0; k < it->second.count && k < parts.size(); ++k) {
      uint32_t d = parts_[it->second.begin + k];
      if (parts[k] == d) continue;
      srcs.push_back(parts[k]);
      dsts.push_back(d);
    }
  }
  if (srcs.empty()) return;
  srcs.insert(srcs.end(), dsts.begin(), dsts.end());
  f_->add(OpCopy, Ty::None, srcs);
}

// Whether the phi copies of the edge from -> to can be made in `from`
// before its conditional branch, which also goes to `other`: none of the
// phis may be live where `other` leads (a use reachable from `other`
// without passing through `to`), nor be the branch condition.
bool FunctionLowering::copiesBeforeBranch(const llvm::BasicBlock* from, const llvm::BasicBlock* to,
                                          const llvm::BasicBlock* other, const llvm::Value* cond) {
  constexpr unsigned kLimit = 256;
  llvm::SmallPtrSet<const llvm::BasicBlock*, 32> seen;
  llvm::SmallVector<const llvm::BasicBlock*, 32> work{other};
  seen.insert(other);
  while (!work.empty()) {
    const llvm::BasicBlock* b = work.pop_back_val();
    if (seen.size() > kLimit) return false;
    for (const llvm::BasicBlock* s : llvm::successors(b))
      if (s != to && seen.insert(s).second) work.push_back(s);
  }
  for (const llvm::PHINode& phi : to->phis()) {
    if (&phi == cond) return false;
    for (const llvm::Use& u : phi.uses()) {
      auto* user = llvm::cast<llvm::Instruction>(u.getUser());
      const llvm::BasicBlock* ub = user->getParent();
      if (auto* up = llvm::dyn_cast<llvm::PHINode>(user)) ub = up->getIncomingBlock(u);
      if (seen.count(ub)) return false;
    }
  }
  return true;
}

// The block that an edge enters: the successor itself, or (if the edge
// carries phi copies and the source has other successors) a new block with
// the copies.
uint32_t FunctionLowering::edgeTarget(const llvm::BasicBlock* from, const llvm::BasicBlock* to, bool critical) {
  uint32_t target = blockOf_[to];
  if (to->phis().empty()) return target;
  if (!critical) {
    emitCopies(from, to);
    return target;
  }
  uint32_t saved = f_->current;
  uint32_t nb = f_->newBlock();
  f_->current = nb;
  emitCopies(from, to);
  uint32_t s[1] = {target};
  f_->setExit(nb, Exit::Br, s, {});
  f_->current = saved;
  return nb;
}

bool FunctionLowering::lowerTerminator(const llvm::Instruction& in) {
  uint32_t cur = f_->current;
  const llvm::BasicBlock* bb = in.getParent();
  if (auto* ret = llvm::dyn_cast<llvm::ReturnInst>(&in)) {
    lowerReturn(*ret);
    return !failInst;
  }
  if (llvm::isa<llvm::UnreachableInst>(in)) {
    f_->setExit(cur, Exit::Unreachable, {}, {});
    return true;
  }
  if (auto* br = llvm::dyn_cast<llvm::BranchInst>(&in)) {
    if (br->isUnconditional() || br->getSuccessor(0) == br->getSuccessor(1)) {
      uint32_t t[1] = {edgeTarget(bb, br->getSuccessor(0), false)};
      f_->setExit(f_->current, Exit::Br, t, {});
      return true;
    }
    uint32_t c = truthOf(br->getCondition());
    if (c == kNoValue) return fail(in);
    const llvm::BasicBlock* s0 = br->getSuccessor(0);
    const llvm::BasicBlock* s1 = br->getSuccessor(1);
    bool phis0 = !s0->phis().empty(), phis1 = !s1->phis().empty();
    uint32_t t[2];
    if (phis0 != phis1 && copiesBeforeBranch(bb, phis0 ? s0 : s1, phis0 ? s1 : s0, br->getCondition())) {
      // A loop latch: the copies go before the branch (br_if back to the loop).
      emitCopies(bb, phis0 ? s0 : s1);
      t[0] = blockOf_[s0];
      t[1] = blockOf_[s1];
    } else {
      t[0] = edgeTarget(bb, s0, true);
      t[1] = edgeTarget(bb, s1, true);
    }
    uint32_t o[1] = {c};
    f_->setExit(f_->current, Exit::CondBr, t, o);
    return true;
  }
  if (auto* sw = llvm::dyn_cast<llvm::SwitchInst>(&in)) return lowerSwitch(*sw);
  if (auto* ib = llvm::dyn_cast<llvm::IndirectBrInst>(&in)) {
    // Block addresses are block numbers: a switch over the destinations.
    uint32_t v = get(ib->getAddress());
    if (v == kNoValue || ib->getNumDestinations() == 0) return fail(in);
    llvm::DenseMap<const llvm::BasicBlock*, uint32_t> targetOf;
    std::vector<Case> cases;
    for (const llvm::BasicBlock* d : ib->successors()) {
      if (targetOf.count(d)) continue;
      uint32_t t = edgeTarget(bb, d, true);
      targetOf[d] = t;
      cases.push_back({blockNumber(d), t});
    }
    lowerCases(v, Ty::I32, cases, cases[0].block);
    return true;
  }
  return fail(in);
}

bool FunctionLowering::lowerSwitch(const llvm::SwitchInst& sw) {
  const llvm::BasicBlock* bb = sw.getParent();
  llvm::Type* t = sw.getCondition()->getType();
  unsigned w = widthOf(t);
  if (w == 0 || w > 64) return fail(sw);
  Ty ty = containerOf(w);
  // One entry block per distinct successor (a new one if it carries copies).
  llvm::DenseMap<const llvm::BasicBlock*, uint32_t> targetOf;
  auto target = [&](const llvm::BasicBlock* s) {
    auto it = targetOf.find(s);
    if (it != targetOf.end()) return it->second;
    uint32_t b = edgeTarget(bb, s, true);
    targetOf[s] = b;
    return b;
  };
  uint32_t dflt = target(sw.getDefaultDest());
  std::vector<Case> cases;
  for (auto& c : sw.cases()) cases.push_back({c.getCaseValue()->getValue().getZExtValue(), target(c.getCaseSuccessor())});
  uint32_t v = cases.empty() ? kNoValue : zextOp(sw.getCondition());
  if (!cases.empty() && v == kNoValue) return fail(sw);
  lowerCases(v, ty, cases, dflt);
  return true;
}

// Cases to blocks: dense runs become br_table, sparse ones a binary search
// of compare-and-branch blocks. v is zero-extended to its container.
void FunctionLowering::lowerCases(uint32_t v, Ty ty, std::vector<Case>& cases, uint32_t dflt) {
  if (cases.empty()) {
    uint32_t s[1] = {dflt};
    f_->setExit(f_->current, Exit::Br, s, {});
    return;
  }
  std::sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) { return a.value < b.value; });
  auto konst = [&](uint64_t x) { return ty == Ty::I64 ? c64(int64_t(x)) : c32(int32_t(uint32_t(x))); };
  struct Range {
    uint32_t lo, hi, block;
  };
  std::vector<Range> work{{0, uint32_t(cases.size()), f_->current}};
  while (!work.empty()) {
    Range r = work.back();
    work.pop_back();
    f_->current = r.block;
    uint32_t n = r.hi - r.lo;
    uint64_t lo = cases[r.lo].value, span = cases[r.hi - 1].value - lo;
    if (n >= 4 && span < 4096 && span + 1 <= uint64_t(n) * 3) {
      uint32_t idx = lo ? add(intOp(I32Sub, ty), ty, {v, konst(lo)}) : v;
      if (ty == Ty::I64) {
        // br_table takes an i32: check the range first.
        uint32_t inRange = add(cmpOp(I32LtU, ty), Ty::I32, {idx, konst(span + 1)}, ExtZero);
        uint32_t tb = f_->newBlock();
        uint32_t s[2] = {tb, dflt};
        uint32_t o[1] = {inRange};
        f_->setExit(f_->current, Exit::CondBr, s, o);
        f_->current = tb;
        idx = add(0xa7, Ty::I32, {idx});
      }
      std::vector<uint32_t> targets(span + 2, dflt);
      for (uint32_t k = r.lo; k < r.hi; ++k) targets[cases[k].value - lo] = cases[k].block;
      uint32_t o[1] = {idx};
      f_->setExit(f_->current, Exit::Switch, targets, o);
      continue;
    }
    if (n <= 3) {
      for (uint32_t k = r.lo; k < r.hi; ++k) {
        uint32_t next = k + 1 == r.hi ? dflt : f_->newBlock();
        uint32_t c = cases[k].value == 0 ? add(ty == Ty::I64 ? 0x50 : I32Eqz, Ty::I32, {v}, ExtZero)
                                         : add(cmpOp(I32Eq, ty), Ty::I32, {v, konst(cases[k].value)}, ExtZero);
        uint32_t s[2] = {cases[k].block, next};
        uint32_t o[1] = {c};
        f_->setExit(f_->current, Exit::CondBr, s, o);
        f_->current = next;
      }
      continue;
    }
    uint32_t mid = r.lo + n / 2;
    uint32_t c = add(cmpOp(I32LtU, ty), Ty::I32, {v, konst(cases[mid].value)}, ExtZero);
    uint32_t left = f_->newBlock(), right = f_->newBlock();
    uint32_t s[2] = {left, right};
    uint32_t o[1] = {c};
    f_->setExit(f_->current, Exit::CondBr, s, o);
    work.push_back({mid, r.hi, right});
    work.push_back({r.lo, mid, left});
  }
}

void FunctionLowering::lowerReturn(const llvm::ReturnInst& ret) {
  std::vector<uint32_t> vals;
  const llvm::Value* rv = ret.getReturnValue();
  if (rv && !getParts(rv, vals)) {
    fail(ret);
    return;
  }
  if (sig_.indirectResult) {
    // Parts go to memory at their offsets in the value's layout.
    if (!storeParts(rv->getType(), Addr{resultPtr_, 0}, layout_.abiAlign(rv->getType()), vals, false)) {
      fail(ret);
      return;
    }
    vals.clear();
  } else if (vals.size() == 1) {
    unsigned w = widthOf(rv->getType());
    if (w && w < 32) {
      if (fn_->hasRetAttribute(llvm::Attribute::ZExt)) vals[0] = zext(vals[0], w);
      else if (fn_->hasRetAttribute(llvm::Attribute::SExt)) vals[0] = sext(vals[0], w);
    }
  }
  f_->setExit(f_->current, Exit::Return, {}, vals);
  retExits_.push_back(f_->blocks[f_->current].last);
}

// --- instructions ----------------------------------------------------------

bool FunctionLowering::lowerInst(const llvm::Instruction& in) {
  for (const llvm::Use& op : in.operands())
    if (isWide(op->getType()) && !llvm::isa<llvm::StoreInst>(in) && !llvm::isa<llvm::CallBase>(in) &&
        !llvm::isa<llvm::SelectInst>(in) && !llvm::isa<llvm::ExtractValueInst>(in) &&
        !llvm::isa<llvm::InsertValueInst>(in) && !llvm::isa<llvm::FreezeInst>(in))
      return lowerWide(in);
  if (isWide(in.getType()) && !llvm::isa<llvm::LoadInst>(in) && !llvm::isa<llvm::CallBase>(in) &&
      !llvm::isa<llvm::SelectInst>(in) && !llvm::isa<llvm::ExtractValueInst>(in) &&
      !llvm::isa<llvm::InsertValueInst>(in) && !llvm::isa<llvm::FreezeInst>(in))
    return lowerWide(in);
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
      // Parts before the element, level by level.
      llvm::Type* t = ev.getAggregateOperand()->getType();
      uint32_t at = 0;
      std::vector<Ty> tys;
      for (unsigned idx : ev.indices()) {
        for (unsigned k = 0; k < idx; ++k) {
          tys.clear();
          llvm::Type* et = t->isStructTy() ? t->getStructElementType(k) : t->getArrayElementType();
          flattenType(et, tys);
          at += uint32_t(tys.size());
        }
        t = t->isStructTy() ? t->getStructElementType(idx) : t->getArrayElementType();
      }
      tys.clear();
      if (!flattenType(t, tys)) return fail(in);
      defineParts(&in, std::span<const uint32_t>(ps.data() + at, tys.size()));
      return true;
    }
    case llvm::Instruction::InsertValue: {
      auto& iv = llvm::cast<llvm::InsertValueInst>(in);
      std::vector<uint32_t> ps, es;
      if (!getParts(iv.getAggregateOperand(), ps) || !getParts(iv.getInsertedValueOperand(), es)) return fail(in);
      llvm::Type* t = iv.getAggregateOperand()->getType();
      uint32_t at = 0;
      std::vector<Ty> tys;
      for (unsigned idx : iv.indices()) {
        for (unsigned k = 0; k < idx; ++k) {
          tys.clear();
          llvm::Type* et = t->isStructTy() ? t->getStructElementType(k) : t->getArrayElementType();
          flattenType(et, tys);
          at += uint32_t(tys.size());
        }
        t = t->isStructTy() ? t->getStructElementType(idx) : t->getArrayElementType();
      }
      if (at + es.size() > ps.size()) return fail(in);
      std::copy(es.begin(), es.end(), ps.begin() + at);
      defineParts(&in, ps);
      return true;
    }
    default: return fail(in);
  }
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
    scratch_.push_back(add(0x1b, f_->insts[a[k]].ty, {a[k], b[k], c}, e));
  }
  defineParts(&s, scratch_);
  return true;
}

// --- memory ------------------------------------------------------------------

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
      // Variable indices: base + scaled indices, with the constant part
      // (and the base's own constant offset) left for the immediate. Only
      // for a getelementptr used once: others keep their computed address.
      if (!gep->hasOneUse()) break;
      Addr a = address(gep->getPointerOperand());
      if (a.base == kNoValue) break;
      int64_t c = int64_t(a.offset) + off;
      uint32_t base = a.base;
      bool ok = true;
      for (auto it = llvm::gep_type_begin(*gep), e = llvm::gep_type_end(*gep); it != e && ok; ++it) {
        const llvm::Value* idx = it.getOperand();
        if (llvm::StructType* st = it.getStructTypeOrNull()) {
          c += int64_t(layout_.fieldOffset(st, unsigned(llvm::cast<llvm::ConstantInt>(idx)->getZExtValue())));
          continue;
        }
        uint64_t size = layout_.allocSize(it.getIndexedType());
        if (auto* ci = llvm::dyn_cast<llvm::ConstantInt>(idx)) {
          if (ci->getBitWidth() > 64) ok = false;
          else c += ci->getSExtValue() * int64_t(size);
          continue;
        }
        if (size == 0) continue;
        uint32_t t = scaledIndex(idx, size);
        if (t == kNoValue) ok = false;
        else base = add(I32Add, Ty::I32, {base, t});
      }
      if (!ok) break;
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

uint32_t FunctionLowering::addrValue(const Addr& a) {
  if (a.offset == 0) return a.base;
  return add(I32Add, Ty::I32, {a.base, c32(int32_t(a.offset))});
}

uint32_t FunctionLowering::loadScalar(llvm::Type* t, Addr a, uint32_t align, bool isVolatile, bool signedLoad) {
  uint32_t al = log2of(align);
  auto ld = [&](uint16_t op, Ty ty, uint32_t natural, uint32_t off, Ext e) {
    uint32_t v = track(f_->load(op, ty, a.base, a.offset + off, std::min(al, natural)), e);
    if (isVolatile) f_->insts[v].flags |= kVolatile;
    return v;
  };
  if (t->isFloatTy()) return ld(0x2a, Ty::F32, 2, 0, ExtNone);
  if (t->isDoubleTy()) return ld(0x2b, Ty::F64, 3, 0, ExtNone);
  unsigned w = widthOf(t);
  if (w == 0 || w > 64) return kNoValue;
  if (w == 1) return ld(0x2d, Ty::I32, 0, 0, ExtZero);
  if (w == 8) return ld(signedLoad ? 0x2c : 0x2d, Ty::I32, 0, 0, signedLoad ? ExtSign : ExtZero);
  if (w == 16) return ld(signedLoad ? 0x2e : 0x2f, Ty::I32, 1, 0, signedLoad ? ExtSign : ExtZero);
  if (w == 32) return ld(0x28, Ty::I32, 2, 0, ExtNone);
  if (w == 64) return ld(0x29, Ty::I64, 3, 0, ExtNone);
  // Odd widths: the store size in pieces of 4, 2 and 1 bytes, little-endian.
  Ty ty = containerOf(w);
  unsigned bytes = (w + 7) / 8, at = 0;
  uint32_t acc = kNoValue;
  while (at < bytes) {
    unsigned n = bytes - at >= 4 ? 4 : bytes - at >= 2 ? 2 : 1;
    uint32_t piece;
    if (ty == Ty::I64) piece = ld(n == 4 ? 0x35 : n == 2 ? 0x33 : 0x31, Ty::I64, n == 4 ? 2 : n == 2 ? 1 : 0, at, ExtZero);
    else piece = ld(n == 2 ? 0x2f : 0x2d, Ty::I32, n == 2 ? 1 : 0, at, ExtZero);
    if (at) piece = add(intOp(I32Shl, ty), ty, {piece, ty == Ty::I64 ? c64(8 * at) : c32(int32_t(8 * at))});
    acc = acc == kNoValue ? piece : add(intOp(I32Or, ty), ty, {acc, piece});
    at += n;
  }
  // Stores clear the bits above the width, so whole bytes come back clean.
  return track(acc, w % 8 == 0 ? ExtZero : ExtNone);
}

void FunctionLowering::storeScalar(llvm::Type* t, Addr a, uint32_t align, uint32_t v, bool isVolatile) {
  uint32_t al = log2of(align);
  auto st = [&](uint16_t op, uint32_t natural, uint32_t off, uint32_t val) {
    f_->store(op, a.base, val, a.offset + off, std::min(al, natural));
    (void)isVolatile;
  };
  if (t->isFloatTy()) return st(0x38, 2, 0, v);
  if (t->isDoubleTy()) return st(0x39, 3, 0, v);
  unsigned w = widthOf(t);
  if (w == 8) return st(0x3a, 0, 0, v);
  if (w == 16) return st(0x3b, 1, 0, v);
  if (w == 32) return st(0x36, 2, 0, v);
  if (w == 64) return st(0x37, 3, 0, v);
  // Other widths (i1, i24, i48, ...) are stored zero-extended to whole bytes.
  Ty ty = containerOf(w);
  unsigned bytes = (w + 7) / 8, at = 0;
  uint32_t val = zext(v, w);
  while (at < bytes) {
    unsigned n = bytes - at >= 4 ? 4 : bytes - at >= 2 ? 2 : 1;
    uint32_t piece = at ? add(intOp(I32ShrU, ty), ty, {val, ty == Ty::I64 ? c64(8 * at) : c32(int32_t(8 * at))}) : val;
    if (ty == Ty::I64) st(n == 4 ? 0x3e : n == 2 ? 0x3d : 0x3c, n == 4 ? 2 : n == 2 ? 1 : 0, at, piece);
    else st(n == 2 ? 0x3b : 0x3a, n == 2 ? 1 : 0, at, piece);
    at += n;
  }
}

// The alignment known at `offset` bytes from an address aligned to `align`.
static uint32_t fieldAlign(uint32_t align, uint64_t offset) {
  return offset ? std::min<uint32_t>(align, uint32_t(offset & (~offset + 1))) : align;
}

bool FunctionLowering::loadParts(llvm::Type* t, Addr a, uint32_t align, bool isVolatile, std::vector<uint32_t>& out,
                                 Ext*) {
  if (t->isIntegerTy(128) || t->isFP128Ty()) {
    uint32_t al = std::min<uint32_t>(log2of(align), 3);
    out.push_back(track(f_->load(0x29, Ty::I64, a.base, a.offset, al), ExtNone));
    out.push_back(track(f_->load(0x29, Ty::I64, a.base, a.offset + 8, al), ExtNone));
    return true;
  }
  if (auto* st = llvm::dyn_cast<llvm::StructType>(t)) {
    for (unsigned i = 0; i < st->getNumElements(); ++i) {
      uint32_t off = uint32_t(layout_.fieldOffset(st, i));
      if (!loadParts(st->getElementType(i), Addr{a.base, a.offset + off}, fieldAlign(align, off),
                     isVolatile, out))
        return false;
    }
    return true;
  }
  if (auto* at = llvm::dyn_cast<llvm::ArrayType>(t)) {
    uint64_t es = layout_.allocSize(at->getElementType());
    for (uint64_t i = 0; i < at->getNumElements(); ++i)
      if (!loadParts(at->getElementType(), Addr{a.base, uint32_t(a.offset + i * es)}, fieldAlign(align, i * es),
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
  if (t->isIntegerTy(128) || t->isFP128Ty()) {
    if (parts.size() != 2) return false;
    uint32_t al = std::min<uint32_t>(log2of(align), 3);
    f_->store(0x37, a.base, parts[0], a.offset, al);
    f_->store(0x37, a.base, parts[1], a.offset + 8, al);
    return true;
  }
  if (auto* st = llvm::dyn_cast<llvm::StructType>(t)) {
    size_t at = 0;
    for (unsigned i = 0; i < st->getNumElements(); ++i) {
      tys.clear();
      if (!flattenType(st->getElementType(i), tys)) return false;
      uint32_t off = uint32_t(layout_.fieldOffset(st, i));
      if (!storeParts(st->getElementType(i), Addr{a.base, a.offset + off}, fieldAlign(align, off),
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
      if (!storeParts(arr->getElementType(), Addr{a.base, uint32_t(a.offset + i * es)}, fieldAlign(align, i * es),
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
  Addr a = address(ld.getPointerOperand());
  if (a.base == kNoValue) return fail(ld);
  uint32_t align = uint32_t(ld.getAlign().value());
  if (t->isStructTy() || t->isArrayTy() || isWide(t)) {
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
  Addr a = address(st.getPointerOperand());
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
  int64_t constOff = 0;
  uint32_t acc = get(gep.getPointerOperand());
  if (acc == kNoValue) return fail(gep);
  for (auto it = llvm::gep_type_begin(gep), e = llvm::gep_type_end(gep); it != e; ++it) {
    const llvm::Value* idx = it.getOperand();
    if (llvm::StructType* st = it.getStructTypeOrNull()) {
      constOff += int64_t(layout_.fieldOffset(st, unsigned(llvm::cast<llvm::ConstantInt>(idx)->getZExtValue())));
      continue;
    }
    uint64_t size = layout_.allocSize(it.getIndexedType());
    if (auto* ci = llvm::dyn_cast<llvm::ConstantInt>(idx)) {
      if (ci->getBitWidth() > 64) return fail(gep);
      constOff += ci->getSExtValue() * int64_t(size);
      continue;
    }
    if (size == 0) continue;
    uint32_t v = scaledIndex(idx, size);
    if (v == kNoValue) return fail(gep);
    acc = add(I32Add, Ty::I32, {acc, v});
  }
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
