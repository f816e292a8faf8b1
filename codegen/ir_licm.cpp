// Loop-invariant code motion and local common-subexpression elimination.
//
// A WebAssembly baseline compiler (V8's Liftoff runs a program's hot code
// until it is tiered up, and a long-running main never is) translates
// instruction by instruction, so an address computation that is repeated in
// every iteration of a loop, or twice in one block, costs every time.
//
// Loops are the natural loops of the CFG: a back edge goes from a latch to
// a header that dominates it; the loop is the header and every node that
// reaches a latch without passing the header. A loop is optimized when its
// header has exactly one predecessor outside the loop: the preheader if it
// ends in an unconditional branch to the header; otherwise a new block on
// that edge becomes the preheader (and is taken out again if nothing moves
// into it). Loops are visited innermost first (headers by decreasing
// reverse-postorder number), so code hoisted out of an inner loop can leave
// the outer one too.
//
// An instruction moves to the end of the preheader (before its phi copy)
// when it is pure and cannot trap (integer arithmetic except division and
// remainder, float arithmetic, compares, conversions that cannot trap,
// select) and each operand is a constant or address (emitted at each use
// anyway), a value defined outside the loop, or a phi that no copy in the
// loop or in the preheader assigns (phis are variables: their value changes
// where a copy writes them). Constants and addresses themselves are never
// moved: they are immediates, and a hoisted one would only cost a local.
//
// Local CSE then value-numbers each block: a pure instruction with the same
// opcode, type, immediate, symbol and operands as an earlier one in the
// same block is replaced by it (constants and addresses are compared by
// value, operands of commutative operations in either order). A phi copy in
// the middle of a block ends the range in which values are compared, since
// instructions after it read the new values.
//
// Both passes are linear in the function's size, apart from loop bodies,
// which are walked once per enclosing loop.
#include <algorithm>
#include <iterator>
#include "codegen/ir_passes.h"
#include "codegen/ops.h"

namespace toyc::codegen {

namespace {

constexpr uint32_t kEmpty = UINT32_MAX;

bool inRange(uint16_t op, uint8_t first, uint8_t last) { return op >= first && op <= last; }

// Pure and unable to trap: may run where it did not, or once instead of
// several times. Integer division and remainder, and the trapping float to
// integer conversions, are left out; ranges follow the opcode table's order.
bool isPure(const MInst& in) {
  if (in.ty == Ty::None || (in.flags & kVolatile)) return false;
  uint16_t op = in.op;
  return op == Op("select") ||                                         //
         inRange(op, Op("i32.eqz"), Op("i32.mul")) ||                  // compares, i32 clz..mul
         inRange(op, Op("i32.and"), Op("i64.mul")) ||                  // i32 and..rotr, i64 clz..mul
         inRange(op, Op("i64.and"), Op("i32.wrap_i64")) ||             // i64 and..rotr, float ops, wrap
         op == Op("i64.extend_i32_s") || op == Op("i64.extend_i32_u") ||  //
         inRange(op, Op("f32.convert_i32_s"), Op("i64.extend32_s")) ||  // int -> float, reinterpret, extendN
         (op >= (kFC | Fc("i32.trunc_sat_f32_s")) && op <= (kFC | Fc("i64.trunc_sat_f64_u")));
}

bool isCommutative(uint16_t op) {
  static constexpr uint8_t kOps[] = {
      Op("i32.eq"), Op("i32.ne"), Op("i32.add"), Op("i32.mul"), Op("i32.and"), Op("i32.or"),
      Op("i32.xor"), Op("i64.eq"), Op("i64.ne"), Op("i64.add"), Op("i64.mul"), Op("i64.and"),
      Op("i64.or"),  Op("i64.xor"), Op("f32.eq"), Op("f32.ne"), Op("f32.add"), Op("f32.mul"),
      Op("f64.eq"),  Op("f64.ne"), Op("f64.add"), Op("f64.mul")};
  return std::find(std::begin(kOps), std::end(kOps), op) != std::end(kOps);
}

uint64_t mix(uint64_t h, uint64_t v) { return (h ^ v) * 0x9e3779b97f4a7c15ull; }

class Optimizer {
public:
  void run(FuncState& s) {
    f_ = s.f;
    a_.run(f_->cfg);
    if (a_.order.empty()) return;
    if (hasCycle()) {
      addPreheaders(s);
      hoist();
      removeEmptyPreheaders(s);
    }
    cse();
  }

private:
  // --- Loop-invariant code motion ---

  // Whether some edge goes back in reverse postorder (most functions of
  // unoptimized programs have no loop at all).
  bool hasCycle() const {
    for (uint32_t v : a_.order)
      for (uint32_t w : f_->cfg.succs(v))
        if (a_.rpo[w] <= a_.rpo[v]) return true;
    return false;
  }

  // The one block outside h's loop that branches to h, or kEmpty (also
  // when h heads no loop); the latches into latches_.
  uint32_t entering(uint32_t h) {
    latches_.clear();
    uint32_t pre = kEmpty, outside = 0;
    for (uint32_t k = a_.predBegin[h]; k < a_.predBegin[h + 1]; ++k) {
      uint32_t p = a_.preds[k];
      if (a_.dominates(h, p)) latches_.push_back(p);
      else if (p != pre) ++outside, pre = p;
    }
    return latches_.empty() || outside != 1 ? kEmpty : pre;
  }

  // A loop entered from a block that also branches elsewhere gets a new
  // block on that edge to hoist to; it is taken out again if nothing moves
  // there.
  void addPreheaders(FuncState& s) {
    MFunc& f = *f_;
    added_.clear();
    for (size_t r = 1; r < a_.order.size(); ++r) {
      uint32_t h = a_.order[r];
      uint32_t pre = entering(h);
      if (pre == kEmpty || f.cfg.node(pre).exit == Exit::Br) continue;
      uint32_t b = f.newBlock();
      uint32_t to[1] = {h};
      f.setExit(b, Exit::Br, to, {});
      auto succ = f.cfg.succs(pre);
      for (uint32_t k = 0; k < succ.size(); ++k)
        if (succ[k] == h) f.cfg.setSucc(pre, k, b);
      s.reachable.push_back(1);
      added_.push_back({b, pre});
    }
    if (!added_.empty()) a_.run(f.cfg);
  }

  void removeEmptyPreheaders(FuncState& s) {
    MFunc& f = *f_;
    for (auto [b, pre] : added_) {
      if (f.blocks[b].first != f.blocks[b].last) continue;
      uint32_t h = f.cfg.succs(b)[0];
      auto succ = f.cfg.succs(pre);
      for (uint32_t k = 0; k < succ.size(); ++k)
        if (succ[k] == b) f.cfg.setSucc(pre, k, h);
      f.cfg.setExit(b, Exit::Unreachable, {});
      s.reachable[b] = 0;
    }
  }

  void hoist() {
    MFunc& f = *f_;
    uint32_t nb = f.cfg.size(), n = uint32_t(f.insts.size());
    loopMark_.assign(nb, 0);
    phiMark_.assign(n, 0);
    uint32_t stamp = 0;
    for (size_t r = a_.order.size(); r-- > 1;) {
      uint32_t h = a_.order[r];
      uint32_t pre = entering(h);
      if (pre == kEmpty || f.cfg.node(pre).exit != Exit::Br) continue;

      // The loop's blocks, in reverse postorder (definitions before uses).
      ++stamp;
      body_.clear();
      loopMark_[h] = stamp;
      body_.push_back(h);
      for (uint32_t l : latches_)
        if (loopMark_[l] != stamp) {
          loopMark_[l] = stamp;
          body_.push_back(l);
        }
      for (size_t w = 1; w < body_.size(); ++w) {
        uint32_t b = body_[w];
        for (uint32_t k = a_.predBegin[b]; k < a_.predBegin[b + 1]; ++k) {
          uint32_t p = a_.preds[k];
          if (loopMark_[p] != stamp) {
            loopMark_[p] = stamp;
            body_.push_back(p);
          }
        }
      }
      std::sort(body_.begin(), body_.end(), [&](uint32_t x, uint32_t y) { return a_.rpo[x] < a_.rpo[y]; });

      // Phis that change inside the loop or on the way in.
      auto markCopies = [&](uint32_t b) {
        for (uint32_t i = f.blocks[b].first; i != kNoValue; i = f.next[i])
          if (f.insts[i].op == OpCopy) {
            auto o = f.ops(i);
            for (size_t k = o.size() / 2; k < o.size(); ++k) phiMark_[o[k]] = stamp;
          }
      };
      for (uint32_t b : body_) markCopies(b);
      markCopies(pre);

      // Before the preheader's copy, which writes the header's phis.
      uint32_t at = f.blocks[pre].last;
      if (at == kNoValue) continue;  // no exit: not a block the frontend made
      while (f.prev[at] != kNoValue && f.insts[f.prev[at]].op == OpCopy) at = f.prev[at];

      auto invariant = [&](uint32_t v) {
        const MInst& in = f.insts[v];
        if (isRemat(in.op)) return true;
        if (in.op == OpPhi) return phiMark_[v] != stamp;
        return in.block == UINT32_MAX || loopMark_[in.block] != stamp;
      };
      for (uint32_t b : body_)
        for (uint32_t i = f.blocks[b].first; i != kNoValue;) {
          uint32_t nx = f.next[i];
          const MInst& in = f.insts[i];
          if (isPure(in)) {
            bool ok = true;
            auto o = f.ops(i);
            for (uint32_t v : o) ok = ok && invariant(v);
            if (ok) f.moveBefore(i, at);
          }
          i = nx;
        }
    }
  }

  // --- Local value numbering ---

  // An operand as a key: constants and addresses by value, others by index.
  uint64_t operandKey(uint32_t v) const {
    const MInst& in = f_->insts[v];
    if (!isRemat(in.op)) return v;
    return mix(mix(mix(uint64_t(in.op) << 8 | uint64_t(in.ty), uint64_t(in.imm)), in.sym), 1) | 1ull << 63;
  }

  bool sameOperand(uint32_t a, uint32_t b) const {
    if (a == b) return true;
    const MInst& x = f_->insts[a];
    const MInst& y = f_->insts[b];
    return isRemat(x.op) && x.op == y.op && x.ty == y.ty && x.imm == y.imm && x.sym == y.sym;
  }

  uint64_t hashOf(uint32_t i) const {
    const MInst& in = f_->insts[i];
    uint64_t h = mix(mix(mix(in.op, uint64_t(in.ty)), uint64_t(in.imm)), in.sym);
    auto o = f_->ops(i);
    if (o.size() == 2 && isCommutative(in.op)) {
      uint64_t a = operandKey(o[0]), b = operandKey(o[1]);
      h = mix(mix(h, std::min(a, b)), std::max(a, b));
    } else {
      for (uint32_t v : o) h = mix(h, operandKey(v));
    }
    return h ^ h >> 29;
  }

  bool same(uint32_t x, uint32_t y) const {
    const MInst& a = f_->insts[x];
    const MInst& b = f_->insts[y];
    if (a.op != b.op || a.ty != b.ty || a.imm != b.imm || a.sym != b.sym || a.align != b.align || a.numOps != b.numOps)
      return false;
    auto p = f_->ops(x), q = f_->ops(y);
    if (p.size() == 2 && isCommutative(a.op) && sameOperand(p[0], q[1]) && sameOperand(p[1], q[0])) return true;
    for (size_t k = 0; k < p.size(); ++k)
      if (!sameOperand(p[k], q[k])) return false;
    return true;
  }

  void cse() {
    MFunc& f = *f_;
    uint32_t n = uint32_t(f.insts.size());
    // The table stays allocated (and empty) from function to function; it
    // holds at most n entries and is kept at most half full.
    size_t size = 16;
    while (size < 2 * size_t(n)) size *= 2;
    if (table_.size() < size) table_.assign(size, kEmpty);
    // repl_[v]: the value that replaces v; kEmpty again for every entry when done.
    if (repl_.size() < n) repl_.resize(n, kEmpty);
    auto clear = [&] {
      for (uint32_t k : used_) table_[k] = kEmpty;
      used_.clear();
    };
    size_t mask = table_.size() - 1;
    for (uint32_t b : a_.order) {
      clear();
      for (uint32_t i = f.blocks[b].first; i != kNoValue;) {
        uint32_t nx = f.next[i];
        MInst& in = f.insts[i];
        auto o = f.ops(i);
        for (uint32_t k = 0, used = FuncState::usedOps(in); k < used; ++k)
          if (repl_[o[k]] != kEmpty) o[k] = repl_[o[k]];
        if (in.op == OpCopy) {
          clear();
        } else if (isPure(in)) {
          for (size_t k = size_t(hashOf(i)) & mask;; k = (k + 1) & mask) {
            uint32_t e = table_[k];
            if (e == kEmpty) {
              table_[k] = i;
              used_.push_back(uint32_t(k));
              break;
            }
            if (same(e, i)) {
              repl_[i] = e;
              replaced_.push_back(i);
              f.unlink(i);
              in.op = OpNop;
              break;
            }
          }
        }
        i = nx;
      }
    }
    clear();
    for (uint32_t v : replaced_) repl_[v] = kEmpty;
    replaced_.clear();
  }

  MFunc* f_ = nullptr;
  CfgAnalysis a_;
  std::vector<uint32_t> loopMark_, phiMark_, latches_, body_;
  std::vector<std::pair<uint32_t, uint32_t>> added_;  // (new preheader, the block it follows)
  std::vector<uint32_t> repl_, replaced_, table_, used_;
};

}  // namespace

void hoistAndCse(FuncState& s) {
  thread_local Optimizer opt;
  opt.run(s);
}

}  // namespace toyc::codegen
