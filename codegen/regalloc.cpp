// Local allocation: values that are not operand-stack trees share wasm
// locals. Every block gets a range of positions in emission order (each tree
// root one position; uses read at 2p, definitions write at 2p+1). Liveness
// is found per value by walking backwards from each use to the definitions
// ("path exploration", no per-block bit sets); it gives the value's live
// segments, one per block it is live in, and their hull.
//
// Locals are assigned by linear scan over the hulls: a local whose values
// are all dead before another value of the same type is defined is handed
// to it. Values joined by a phi copy (source and phi) first try each
// other's local, which they may share when their segments do not overlap
// (the usual loop counter: the old value dies before the new one is made);
// the copy between them then disappears. Parameters keep their locals
// 0..n-1 and free them after their last use.
#include <algorithm>
#include <queue>
#include "codegen/ir_passes.h"

namespace toyc::codegen {

namespace {

struct Interval {
  uint32_t start, end, value;
};

class Allocator {
public:
  explicit Allocator(FuncState& s) : s_(s), f_(*s.f) {}

  void run() {
    number();
    collect();
    for (uint32_t v : values_) interval(v);
    assign();
  }

private:
  void number() {
    uint32_t n = uint32_t(f_.insts.size()), nb = uint32_t(f_.blocks.size());
    s_.pos.assign(n, 0);
    start_.assign(nb, UINT32_MAX);
    end_.assign(nb, 0);
    uint32_t p = 1;
    for (uint32_t b : s_.st.order) {
      start_[b] = p;
      for (uint32_t i = f_.blocks[b].first; i != kNoValue; i = f_.next[i]) {
        s_.pos[i] = p;
        if (!s_.inTree(i)) ++p;
      }
      if (p == start_[b]) ++p;  // an empty block still takes a position
      end_[b] = p - 1;
    }
    // Predecessors of reachable blocks.
    predBegin_.assign(nb + 1, 0);
    for (uint32_t b : s_.st.order)
      for (uint32_t t : f_.cfg.succs(b)) ++predBegin_[t + 1];
    for (uint32_t b = 0; b < nb; ++b) predBegin_[b + 1] += predBegin_[b];
    preds_.resize(predBegin_[nb]);
    std::vector<uint32_t> fill(predBegin_.begin(), predBegin_.end() - 1);
    for (uint32_t b : s_.st.order)
      for (uint32_t t : f_.cfg.succs(b)) preds_[fill[t]++] = b;
  }

  bool needsLocal(uint32_t v) const {
    const MInst& in = f_.insts[v];
    if (in.ty == Ty::None || in.block == UINT32_MAX || isRemat(in.op) || in.op == OpNop) return false;
    return s_.useCount[v] > 0 && !s_.inTree(v);
  }

  // Uses and (for phis) definitions of every value that needs a local.
  void collect() {
    uint32_t n = uint32_t(f_.insts.size());
    values_.clear();
    for (uint32_t v = 0; v < n; ++v)
      if (needsLocal(v)) values_.push_back(v);
    useBegin_.assign(n + 1, 0);
    defBegin_.assign(n + 1, 0);
    for (uint32_t b : s_.st.order)
      for (uint32_t i = f_.blocks[b].first; i != kNoValue; i = f_.next[i]) {
        const MInst& in = f_.insts[i];
        auto o = f_.ops(i);
        uint32_t u = FuncState::usedOps(in);
        for (uint32_t k = 0; k < u; ++k) ++useBegin_[o[k] + 1];
        if (in.op == OpCopy)
          for (uint32_t k = u; k < o.size(); ++k) ++defBegin_[o[k] + 1];
      }
    for (uint32_t v = 0; v < n; ++v) {
      useBegin_[v + 1] += useBegin_[v];
      defBegin_[v + 1] += defBegin_[v];
    }
    uses_.resize(useBegin_[n]);
    defs_.resize(defBegin_[n]);
    std::vector<uint32_t> uf(useBegin_.begin(), useBegin_.end() - 1), df(defBegin_.begin(), defBegin_.end() - 1);
    for (uint32_t b : s_.st.order)
      for (uint32_t i = f_.blocks[b].first; i != kNoValue; i = f_.next[i]) {
        const MInst& in = f_.insts[i];
        auto o = f_.ops(i);
        uint32_t u = FuncState::usedOps(in);
        for (uint32_t k = 0; k < u; ++k) uses_[uf[o[k]]++] = i;
        if (in.op == OpCopy)
          for (uint32_t k = u; k < o.size(); ++k) defs_[df[o[k]]++] = i;
      }
    uint32_t nb = uint32_t(f_.blocks.size());
    blockStamp_.assign(nb, UINT32_MAX);
    blockSlot_.assign(nb, 0);
    segBegin_.assign(n, 0);
    segEnd_.assign(n, 0);
    segs_.clear();
    // Copy partners: a phi and the values copied into it.
    hintBegin_.assign(n + 1, 0);
    // A copy's operands are its destinations, then its sources, pairwise.
    auto eachCopyPair = [&](auto&& visit) {
      for (uint32_t b : s_.st.order)
        for (uint32_t i = f_.blocks[b].first; i != kNoValue; i = f_.next[i])
          if (f_.insts[i].op == OpCopy) {
            auto o = f_.ops(i);
            uint32_t h = uint32_t(o.size() / 2);
            for (uint32_t k = 0; k < h; ++k) visit(o[k], o[h + k]);
          }
    };
    eachCopyPair([&](uint32_t a, uint32_t b) {
      ++hintBegin_[a + 1];
      ++hintBegin_[b + 1];
    });
    for (uint32_t v = 0; v < n; ++v) hintBegin_[v + 1] += hintBegin_[v];
    hints_.resize(hintBegin_[n]);
    {
      std::vector<uint32_t> hf(hintBegin_.begin(), hintBegin_.end() - 1);
      eachCopyPair([&](uint32_t a, uint32_t b) {
        hints_[hf[a]++] = b;
        hints_[hf[b]++] = a;
      });
    }
    inStamp_.assign(nb, UINT32_MAX);
    outStamp_.assign(nb, UINT32_MAX);
    defStamp_.assign(nb, UINT32_MAX);
    intervals_.clear();
  }

  // Where v is live in one block: the part before its first definition in
  // the block (reached from the block's start) and the part from there on.
  struct Extent {
    uint32_t inLo = UINT32_MAX, inHi = 0, defLo = UINT32_MAX, defHi = 0;
    uint32_t defInst = kNoValue;  // the instruction at defLo (a phi's copy)
  };
  struct Segment {
    uint32_t lo, hi;
    uint32_t from;  // the Copy whose write starts the segment, or kNoValue
    bool operator<(const Segment& o) const { return lo != o.lo ? lo < o.lo : hi < o.hi; }
  };
  Extent& extent(uint32_t v, uint32_t b) {
    if (blockStamp_[b] != v) {
      blockStamp_[b] = v;
      blockSlot_[b] = uint32_t(cur_.size());
      cur_.push_back({});
      curBlock_.push_back(b);
    }
    return cur_[blockSlot_[b]];
  }
  void addDef(uint32_t v, uint32_t b, uint32_t at, uint32_t inst) {
    Extent& e = extent(v, b);
    if (at < e.defLo) e.defInst = inst;
    e.defLo = std::min(e.defLo, at);
    e.defHi = std::max(e.defHi, at);
  }
  void addUse(uint32_t v, uint32_t b, uint32_t at) {
    Extent& e = extent(v, b);
    if (e.defLo < at) {
      e.defHi = std::max(e.defHi, at);
    } else {
      e.inLo = std::min(e.inLo, at);
      e.inHi = std::max(e.inHi, at);
    }
  }

  void interval(uint32_t v) {
    const MInst& in = f_.insts[v];
    bool phi = in.op == OpPhi, param = in.op == OpParam;
    cur_.clear();
    curBlock_.clear();
    // Definitions first, so that uses know whether they follow one.
    if (param) {
      addDef(v, 0, 0, kNoValue);
    } else if (phi) {
      for (uint32_t d = defBegin_[v]; d < defBegin_[v + 1]; ++d) {
        uint32_t c = defs_[d];
        addDef(v, f_.insts[c].block, 2 * s_.pos[c] + 1, c);
        defStamp_[f_.insts[c].block] = v;
      }
    } else {
      addDef(v, in.block, 2 * s_.pos[v] + 1, kNoValue);
      defStamp_[in.block] = v;
    }
    work_.clear();
    for (uint32_t k = useBegin_[v]; k < useBegin_[v + 1]; ++k) {
      uint32_t u = uses_[k];
      uint32_t pu = s_.pos[u], b = f_.insts[u].block;
      addUse(v, b, 2 * pu);
      if (!definedBefore(v, phi, param, b, pu)) work_.push_back(b);
    }
    while (!work_.empty()) {
      uint32_t b = work_.back();
      work_.pop_back();
      if (inStamp_[b] == v) continue;
      inStamp_[b] = v;
      Extent& e = extent(v, b);
      e.inLo = std::min(e.inLo, 2 * start_[b]);
      e.inHi = std::max(e.inHi, 2 * start_[b]);
      for (uint32_t k = predBegin_[b]; k < predBegin_[b + 1]; ++k) {
        uint32_t p = preds_[k];
        if (outStamp_[p] == v) continue;
        outStamp_[p] = v;
        Extent& pe = extent(v, p);
        uint32_t end = 2 * end_[p] + 1;
        if (defStamp_[p] == v) {
          pe.defHi = std::max(pe.defHi, end);
        } else {
          pe.inLo = std::min(pe.inLo, end);
          pe.inHi = std::max(pe.inHi, end);
          work_.push_back(p);
        }
      }
    }
    // Live through a block without a definition: the whole block.
    uint32_t lo = UINT32_MAX, hi = 0;
    pieces_.clear();
    for (size_t i = 0; i < cur_.size(); ++i) {
      const Extent& e = cur_[i];
      if (e.inLo != UINT32_MAX) pieces_.push_back({e.inLo, e.inHi, kNoValue});
      if (e.defLo != UINT32_MAX) pieces_.push_back({e.defLo, e.defHi, e.defInst});
    }
    std::sort(pieces_.begin(), pieces_.end());
    segBegin_[v] = uint32_t(segs_.size());
    for (const Segment& g : pieces_) {
      lo = std::min(lo, g.lo);
      hi = std::max(hi, g.hi);
      segs_.push_back(g);
    }
    segEnd_[v] = uint32_t(segs_.size());
    intervals_.push_back({lo, hi, v});
  }

  // True if c copies src into dst.
  bool copies(uint32_t c, uint32_t src, uint32_t dst) const {
    if (c == kNoValue || f_.insts[c].op != OpCopy) return false;
    auto o = f_.ops(c);
    uint32_t h = uint32_t(o.size() / 2);
    for (uint32_t k = 0; k < h; ++k)
      if (o[k] == src && o[h + k] == dst) return true;
    return false;
  }

  // Whether a and b are live at the same time with different values: a
  // phi's segment that starts where a copy writes the other value into it
  // holds that same value, so it does not count.
  bool overlap(uint32_t a, uint32_t b) const {
    uint32_t i = segBegin_[a], j = segBegin_[b];
    while (i < segEnd_[a] && j < segEnd_[b]) {
      const Segment& x = segs_[i];
      const Segment& y = segs_[j];
      if (x.lo <= y.hi && y.lo <= x.hi && !copies(x.from, b, a) && !copies(y.from, a, b)) return true;
      if (x.hi < y.hi) ++i;
      else ++j;
    }
    return false;
  }

  bool definedBefore(uint32_t v, bool phi, bool param, uint32_t b, uint32_t p) const {
    if (param) return false;
    if (!phi) return f_.insts[v].block == b && s_.pos[v] < p;
    for (uint32_t d = defBegin_[v]; d < defBegin_[v + 1]; ++d) {
      uint32_t c = defs_[d];
      if (f_.insts[c].block == b && s_.pos[c] < p) return true;
    }
    return false;
  }

  void assign() {
    uint32_t n = uint32_t(f_.insts.size());
    s_.local.assign(n, kNoValue);
    s_.localTypes.clear();
    uint32_t numParams = uint32_t(f_.type.params.size());
    std::vector<uint32_t> free[5];
    // Values currently holding each local; a local is free when none is left.
    std::vector<std::vector<uint32_t>> holders(numParams);
    using Active = std::pair<uint32_t, uint32_t>;  // (end, value), earliest end on top
    std::priority_queue<Active, std::vector<Active>, std::greater<Active>> active;
    auto tyOf = [](link::ValType t) {
      switch (t) {
        case link::ValType::I64: return Ty::I64;
        case link::ValType::F32: return Ty::F32;
        case link::ValType::F64: return Ty::F64;
        default: return Ty::I32;
      }
    };
    std::vector<uint8_t> paramUsed(numParams, 0);
    for (const Interval& iv : intervals_) {
      const MInst& in = f_.insts[iv.value];
      if (in.op != OpParam) continue;
      uint32_t p = uint32_t(in.imm);
      s_.local[iv.value] = p;
      holders[p].push_back(iv.value);
      active.push({iv.end, iv.value});
      paramUsed[p] = 1;
    }
    for (uint32_t p = numParams; p-- > 0;)
      if (!paramUsed[p]) free[uint8_t(tyOf(f_.type.params[p]))].push_back(p);
    std::sort(intervals_.begin(), intervals_.end(), [](const Interval& a, const Interval& b) {
      return a.start != b.start ? a.start < b.start : a.value < b.value;
    });
    auto localTy = [&](uint32_t l) {
      return l < numParams ? tyOf(f_.type.params[l]) : tyOf(s_.localTypes[l - numParams]);
    };
    for (const Interval& iv : intervals_) {
      uint32_t v = iv.value;
      const MInst& in = f_.insts[v];
      if (in.op == OpParam) continue;
      while (!active.empty() && active.top().first < iv.start) {
        uint32_t w = active.top().second;
        active.pop();
        uint32_t l = s_.local[w];
        auto& h = holders[l];
        h.erase(std::find(h.begin(), h.end(), w));
        if (h.empty()) free[uint8_t(localTy(l))].push_back(l);
      }
      auto& fl = free[uint8_t(in.ty)];
      uint32_t l = kNoValue;
      // A copy partner's local, if v's live segments fit around its holders.
      for (uint32_t k = hintBegin_[v]; k < hintBegin_[v + 1] && l == kNoValue; ++k) {
        uint32_t q = hints_[k];
        uint32_t ql = s_.local[q];
        if (ql == kNoValue || localTy(ql) != in.ty) continue;
        bool ok = true;
        for (uint32_t w : holders[ql]) ok &= !overlap(v, w);
        if (!ok) continue;
        l = ql;
        if (holders[ql].empty()) fl.erase(std::find(fl.begin(), fl.end(), ql));
      }
      if (l == kNoValue) {
        if (!fl.empty()) {
          l = fl.back();
          fl.pop_back();
        } else {
          l = numParams + uint32_t(s_.localTypes.size());
          s_.localTypes.push_back(valType(in.ty));
          holders.emplace_back();
        }
      }
      s_.local[v] = l;
      holders[l].push_back(v);
      active.push({iv.end, v});
    }
    s_.labelLocal = kNoValue;
    for (uint32_t b : s_.st.order)
      if (f_.cfg.node(b).kind == NodeKind::Dispatch) {
        s_.labelLocal = numParams + uint32_t(s_.localTypes.size());
        s_.localTypes.push_back(link::ValType::I32);
        break;
      }
  }

  FuncState& s_;
  MFunc& f_;
  std::vector<uint32_t> start_, end_, predBegin_, preds_;
  std::vector<uint32_t> values_, useBegin_, uses_, defBegin_, defs_;
  std::vector<uint32_t> inStamp_, outStamp_, defStamp_, work_;
  std::vector<uint32_t> blockStamp_, blockSlot_, segBegin_, segEnd_, hintBegin_, hints_;
  std::vector<Extent> cur_;
  std::vector<uint32_t> curBlock_;
  std::vector<Segment> pieces_, segs_;
  std::vector<Interval> intervals_;
};

}  // namespace

void allocateLocals(FuncState& s) { Allocator(s).run(); }

}  // namespace toyc::codegen
