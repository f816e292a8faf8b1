// Instruction selection, core: values and constants, blocks, phis and
// control flow (branches, switch, return). Arithmetic, compares and casts
// are in isel_arith.cpp, memory in isel_memory.cpp, calls and intrinsics in
// isel_call.cpp, 128-bit values in isel_wide.cpp.
#include "frontend/llvm/isel.h"
#include <algorithm>
#include <map>
#include <llvm/IR/Constants.h>
#include <llvm/IR/GetElementPtrTypeIterator.h>
#include <llvm/ADT/SmallPtrSet.h>
#include <llvm/IR/CFG.h>
#include <llvm/IR/Operator.h>
#include "frontend/llvm/isel_ops.h"

namespace toyc::llvmir {

using namespace codegen;
using namespace ops;

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
  if (isWide(t) || isBig(t)) {
    llvm::APInt v;
    if (auto* ci = llvm::dyn_cast<llvm::ConstantInt>(c)) v = ci->getValue();
    else if (auto* cf = llvm::dyn_cast<llvm::ConstantFP>(c)) v = cf->getValueAPF().bitcastToAPInt();
    else return false;
    v = v.sext((v.getBitWidth() + 63) / 64 * 64);
    for (unsigned at = 0; at < v.getBitWidth(); at += 64) out.push_back(c64(int64_t(v.extractBitsAsZExtValue(64, at))));
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

// The parallel copy of the edge from -> to into to's phis. With via, the
// edge from -> via -> to where via is a forwarder (forwardTarget): a value
// that via's phi passes on is taken from that phi's input from `from`.
void FunctionLowering::emitCopies(const llvm::BasicBlock* from, const llvm::BasicBlock* to, const llvm::BasicBlock* via) {
  std::vector<uint32_t> srcs, dsts, parts;
  for (const llvm::PHINode& phi : to->phis()) {
    const llvm::Value* in = phi.getIncomingValueForBlock(via ? via : from);
    if (auto* q = llvm::dyn_cast<llvm::PHINode>(in); via && q && q->getParent() == via) in = q->getIncomingValueForBlock(from);
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

// A block that only merges values for another one (phis and `br h`, its
// phis read by nothing but h's phis, as a loop latch after a switch often
// is): edges into it can go straight to h with the combined copy, which
// saves a branch and a copy per edge; the block itself stays for any edge
// that does not. Returns h, or null.
const llvm::BasicBlock* FunctionLowering::forwardTarget(const llvm::BasicBlock* b) {
  auto* br = llvm::dyn_cast<llvm::BranchInst>(b->getTerminator());
  if (!br || !br->isUnconditional() || b->isEntryBlock() || b->hasAddressTaken()) return nullptr;
  const llvm::BasicBlock* h = br->getSuccessor(0);
  if (h == b || &*b->getFirstNonPHIIt() != br) return nullptr;
  unsigned phis = 0;
  for (const llvm::PHINode& phi : h->phis()) {
    (void)phi;
    if (++phis > 16) return nullptr;  // bounds the copies each edge gains
  }
  for (const llvm::PHINode& q : b->phis())
    for (const llvm::User* u : q.users()) {
      auto* up = llvm::dyn_cast<llvm::PHINode>(u);
      if (!up || up->getParent() != h) return nullptr;
    }
  return h;
}

// The block that an edge enters: the successor itself (or the block a
// forwarder leads to), or (if the edge carries phi copies and the source
// has other successors) a new block with the copies.
uint32_t FunctionLowering::edgeTarget(const llvm::BasicBlock* from, const llvm::BasicBlock* to, bool critical) {
  const llvm::BasicBlock* via = nullptr;
  if (const llvm::BasicBlock* h = forwardTarget(to)) {
    via = to;
    to = h;
  }
  uint32_t target = blockOf_[to];
  if (to->phis().empty()) return target;
  if (!critical) {
    emitCopies(from, to, via);
    return target;
  }
  uint32_t saved = f_->current;
  uint32_t nb = f_->newBlock();
  f_->current = nb;
  emitCopies(from, to, via);
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
    // Copies go on their own block; codegen moves them before the branch
    // where that is safe (codegen/ir_copies.cpp).
    uint32_t t[2] = {edgeTarget(bb, br->getSuccessor(0), true), edgeTarget(bb, br->getSuccessor(1), true)};
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
  if (w == 0 || w > 128) return fail(sw);
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
  if (w > 64) {
    // i65..i128: the cases grouped by their high half, one compare of the
    // high half per group, then the low halves as an i64 switch.
    std::vector<uint32_t> parts;
    if (!getWide(sw.getCondition(), ExtZero, parts)) return fail(sw);
    std::map<uint64_t, std::vector<Case>> byHigh;
    for (auto& c : sw.cases()) {
      llvm::APInt k = c.getCaseValue()->getValue().zext(128);
      byHigh[k.extractBitsAsZExtValue(64, 64)].push_back({k.extractBitsAsZExtValue(64, 0), target(c.getCaseSuccessor())});
    }
    size_t left = byHigh.size();
    for (auto& [high, group] : byHigh) {
      uint32_t in = f_->newBlock(), next = --left ? f_->newBlock() : dflt;
      uint32_t s[2] = {in, next};
      uint32_t o[1] = {high ? add(I64Eq, Ty::I32, {parts[1], c64(int64_t(high))}, ExtZero)
                            : add(I64Eqz, Ty::I32, {parts[1]}, ExtZero)};
      f_->setExit(f_->current, Exit::CondBr, s, o);
      f_->current = in;
      lowerCases(parts[0], Ty::I64, group, dflt);
      f_->current = next;
    }
    if (byHigh.empty()) lowerCases(kNoValue, Ty::I64, cases, dflt);
    return true;
  }
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

}  // namespace toyc::llvmir
