// Stackification: a value used once, by a later instruction of the same
// block, is left on the wasm operand stack instead of going through a local.
// As in LLVM's WebAssemblyRegStackify, each block is walked backwards and
// every instruction's operands are examined last to first; a definition is
// moved down to just before its user (or before the already built part of
// the user's tree) when nothing it would cross could observe the move. The
// block's instruction list then is a postorder of expression trees, and
// emission prints each tree from its root.
//
// (A value with several uses stays in a local; emission turns a local.set
// directly followed by a local.get of the same local into local.tee.)
#include "codegen/ir_passes.h"

namespace toyc::codegen {

namespace {

constexpr uint32_t kScanLimit = 64;
// Deeper trees keep values in locals: emission recurses along trees.
constexpr uint32_t kMaxDepth = 1000;

class Stackifier {
public:
  explicit Stackifier(FuncState& s) : s_(s), f_(*s.f) {}

  void run() {
    uint32_t n = uint32_t(f_.insts.size());
    s_.parent.assign(n, kNoValue);
    s_.slot.assign(n, 0);
    for (uint32_t b : s_.st.order) {
      uint32_t i = f_.blocks[b].last;
      while (i != kNoValue) {
        if (s_.inTree(i)) {
          i = f_.prev[i];
          continue;
        }
        uint32_t first = buildTree(i, 0);
        i = f_.prev[first];
      }
    }
  }

private:
  // Pulls operands of `u` into its tree; returns the first instruction of the tree.
  uint32_t buildTree(uint32_t u, uint32_t depth) {
    uint32_t insert = u;
    if (depth >= kMaxDepth) return insert;
    const MInst& in = f_.insts[u];
    uint32_t n = FuncState::usedOps(in);
    for (uint32_t k = n; k-- > 0;) {
      uint32_t v = f_.ops(u)[k];
      if (!canStackify(v, u, k, insert)) continue;
      if (f_.next[v] != insert) f_.moveBefore(v, insert);
      s_.parent[v] = u;
      s_.slot[v] = k;
      insert = buildTree(v, depth + 1);
    }
    return insert;
  }

  // Whether d reads a phi that copy c writes.
  bool readsWritten(uint32_t d, uint32_t c) const {
    auto o = f_.ops(d);
    auto w = f_.ops(c);
    for (uint32_t k = 0; k < FuncState::usedOps(f_.insts[d]); ++k) {
      if (f_.insts[o[k]].op != OpPhi) continue;
      for (size_t j = w.size() / 2; j < w.size(); ++j)
        if (w[j] == o[k]) return true;
    }
    return false;
  }

  bool canStackify(uint32_t d, uint32_t u, uint32_t k, uint32_t insert) {
    const MInst& di = f_.insts[d];
    if (di.ty == Ty::None || isRemat(di.op) || di.op == OpPhi || di.op == OpParam || di.op == OpNop) return false;
    if (di.block != f_.insts[u].block || s_.inTree(d)) return false;
    if (s_.useCount[d] != 1) return false;
    uint8_t ed = effectsOf(di);
    uint32_t steps = 0;
    for (uint32_t x = f_.next[d]; x != insert; x = f_.next[x]) {
      if (x == kNoValue) return false;  // insert is not after d
      if (++steps > kScanLimit) return false;
      const MInst& xi = f_.insts[x];
      if (xi.op == OpCopy && (ed || readsWritten(d, x))) return false;
      uint8_t ex = effectsOf(xi);
      if ((ed & kWritesMem) && ex) return false;
      if ((ed & kReadsMem) && (ex & kWritesMem)) return false;
      if ((ed & kMayTrap) && (ex & kWritesMem)) return false;
    }
    return true;
  }

  FuncState& s_;
  MFunc& f_;
};

}  // namespace

void stackify(FuncState& s) { Stackifier(s).run(); }

}  // namespace toyc::codegen
