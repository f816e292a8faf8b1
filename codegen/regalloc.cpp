// Local allocation: values that are not operand-stack trees share wasm
// locals. Every block gets a range of positions in emission order (each tree
// root one position; uses read at 2p, definitions write at 2p+1). A value's
// live range is approximated by one interval, the hull of its definitions,
// uses and the blocks it is live through; liveness is found per value by
// walking backwards from each use to the definitions ("path exploration",
// no per-block bit sets). Intervals are then assigned by linear scan: a
// local whose value is dead before another value of the same type is
// defined is handed to it. Parameters keep their locals 0..n-1 and free
// them after their last use.
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
    inStamp_.assign(nb, UINT32_MAX);
    outStamp_.assign(nb, UINT32_MAX);
    defStamp_.assign(nb, UINT32_MAX);
    intervals_.clear();
  }

  void interval(uint32_t v) {
    const MInst& in = f_.insts[v];
    bool phi = in.op == OpPhi, param = in.op == OpParam;
    uint32_t lo = UINT32_MAX, hi = 0;
    if (param) {
      lo = 0;
    } else if (phi) {
      for (uint32_t d = defBegin_[v]; d < defBegin_[v + 1]; ++d) {
        uint32_t c = defs_[d];
        lo = std::min(lo, 2 * s_.pos[c] + 1);
        hi = std::max(hi, 2 * s_.pos[c] + 1);
        defStamp_[f_.insts[c].block] = v;
      }
    } else {
      lo = hi = 2 * s_.pos[v] + 1;
      defStamp_[in.block] = v;
    }
    work_.clear();
    for (uint32_t k = useBegin_[v]; k < useBegin_[v + 1]; ++k) {
      uint32_t u = uses_[k];
      uint32_t pu = s_.pos[u], b = f_.insts[u].block;
      hi = std::max(hi, 2 * pu);
      if (!definedBefore(v, phi, param, b, pu)) work_.push_back(b);
    }
    while (!work_.empty()) {
      uint32_t b = work_.back();
      work_.pop_back();
      if (inStamp_[b] == v) continue;
      inStamp_[b] = v;
      lo = std::min(lo, 2 * start_[b]);
      for (uint32_t k = predBegin_[b]; k < predBegin_[b + 1]; ++k) {
        uint32_t p = preds_[k];
        if (outStamp_[p] == v) continue;
        outStamp_[p] = v;
        hi = std::max(hi, 2 * end_[p] + 1);
        if (defStamp_[p] != v) work_.push_back(p);
      }
    }
    if (lo > hi) lo = hi;
    intervals_.push_back({lo, hi, v});
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
    // (end, local, type) with the earliest end on top.
    using Active = std::tuple<uint32_t, uint32_t, uint8_t>;
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
      if (paramUsed[p]) continue;  // one value per parameter
      paramUsed[p] = 1;
      s_.local[iv.value] = p;
      active.push({iv.end, p, uint8_t(in.ty)});
    }
    for (uint32_t p = numParams; p-- > 0;)
      if (!paramUsed[p]) free[uint8_t(tyOf(f_.type.params[p]))].push_back(p);
    std::sort(intervals_.begin(), intervals_.end(), [](const Interval& a, const Interval& b) {
      return a.start != b.start ? a.start < b.start : a.value < b.value;
    });
    for (const Interval& iv : intervals_) {
      const MInst& in = f_.insts[iv.value];
      if (in.op == OpParam) {
        if (s_.local[iv.value] == kNoValue) s_.local[iv.value] = uint32_t(in.imm);
        continue;
      }
      while (!active.empty() && std::get<0>(active.top()) < iv.start) {
        auto [e, l, t] = active.top();
        active.pop();
        free[t].push_back(l);
      }
      auto& fl = free[uint8_t(in.ty)];
      uint32_t l;
      if (!fl.empty()) {
        l = fl.back();
        fl.pop_back();
      } else {
        l = numParams + uint32_t(s_.localTypes.size());
        s_.localTypes.push_back(valType(in.ty));
      }
      s_.local[iv.value] = l;
      active.push({iv.end, l, uint8_t(in.ty)});
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
  std::vector<Interval> intervals_;
};

}  // namespace

void allocateLocals(FuncState& s) { Allocator(s).run(); }

}  // namespace toyc::codegen
