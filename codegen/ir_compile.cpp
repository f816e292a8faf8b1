// The pipeline of codegen/ir_compile.h, and dead-code removal.
#include "codegen/ir_compile.h"
#include <cstdio>
#include <cstdlib>
#include "codegen/ir_passes.h"

namespace toyc::codegen {

namespace {

bool isRoot(const MInst& i) {
  if (i.flags & kVolatile) return true;
  if (isStore(i.op)) return true;
  switch (i.op) {
    case OpCall: case OpCallIndirect: case OpGlobalSet: case OpExit:
    case 0x00: case 0x40: case kFC | 10: case kFC | 11:
      return true;
    default: return false;
  }
}

}  // namespace

// Unreachable blocks lose their instructions; instructions whose values
// nobody needs are removed (phis kept alive only by their own copies too).
void removeDeadCode(FuncState& s) {
  MFunc& f = *s.f;
  uint32_t nb = uint32_t(f.blocks.size()), n = uint32_t(f.insts.size());
  s.reachable.assign(nb, 0);
  std::vector<uint32_t> work;
  if (nb) {
    s.reachable[0] = 1;
    work.push_back(0);
  }
  while (!work.empty()) {
    uint32_t b = work.back();
    work.pop_back();
    for (uint32_t t : f.cfg.succs(b))
      if (!s.reachable[t]) {
        s.reachable[t] = 1;
        work.push_back(t);
      }
  }
  for (uint32_t b = 0; b < nb; ++b)
    if (!s.reachable[b])
      while (f.blocks[b].first != kNoValue) {
        uint32_t i = f.blocks[b].first;
        f.unlink(i);
        f.insts[i].op = OpNop;
      }

  // A Move of an SSA value is the value itself: uses read the source
  // (a Move of a phi keeps its own value: it is a snapshot).
  {
    auto resolve = [&](uint32_t v) {
      while (f.insts[v].op == OpMove && f.insts[v].numOps == 1 && f.insts[f.ops(v)[0]].op != OpPhi) v = f.ops(v)[0];
      return v;
    };
    for (uint32_t b = 0; b < nb; ++b)
      for (uint32_t i = f.blocks[b].first; i != kNoValue; i = f.next[i]) {
        auto o = f.ops(i);
        for (uint32_t k = 0; k < FuncState::usedOps(f.insts[i]); ++k)
          if (f.insts[o[k]].op == OpMove) o[k] = resolve(o[k]);
      }
  }

  // Copy sources by phi: for every phi, the (copy, pair index) that assign it.
  std::vector<uint32_t> phiBegin(n + 1, 0), phiRefs;
  for (uint32_t b = 0; b < nb; ++b)
    for (uint32_t i = f.blocks[b].first; i != kNoValue; i = f.next[i])
      if (f.insts[i].op == OpCopy) {
        auto o = f.ops(i);
        uint32_t h = uint32_t(o.size() / 2);
        for (uint32_t k = 0; k < h; ++k) ++phiBegin[o[h + k] + 1];
      }
  for (uint32_t i = 0; i < n; ++i) phiBegin[i + 1] += phiBegin[i];
  phiRefs.resize(phiBegin[n] * 2);
  {
    std::vector<uint32_t> fill(phiBegin.begin(), phiBegin.end() - 1);
    for (uint32_t b = 0; b < nb; ++b)
      for (uint32_t i = f.blocks[b].first; i != kNoValue; i = f.next[i])
        if (f.insts[i].op == OpCopy) {
          auto o = f.ops(i);
          uint32_t h = uint32_t(o.size() / 2);
          for (uint32_t k = 0; k < h; ++k) {
            uint32_t at = fill[o[h + k]]++;
            phiRefs[2 * at] = i;
            phiRefs[2 * at + 1] = k;
          }
        }
  }

  std::vector<uint8_t> live(n, 0);
  auto mark = [&](uint32_t v) {
    if (!live[v]) {
      live[v] = 1;
      work.push_back(v);
    }
  };
  for (uint32_t b = 0; b < nb; ++b)
    for (uint32_t i = f.blocks[b].first; i != kNoValue; i = f.next[i])
      if (isRoot(f.insts[i])) mark(i);
  while (!work.empty()) {
    uint32_t i = work.back();
    work.pop_back();
    const MInst& in = f.insts[i];
    if (in.op == OpCopy) continue;  // its sources are marked pair by pair
    auto o = f.ops(i);
    for (uint32_t k = 0; k < FuncState::usedOps(in); ++k) mark(o[k]);
    if (in.op == OpPhi)
      for (uint32_t r = phiBegin[i]; r < phiBegin[i + 1]; ++r) {
        uint32_t c = phiRefs[2 * r], k = phiRefs[2 * r + 1];
        live[c] = 1;
        mark(f.ops(c)[k]);
      }
  }
  for (uint32_t b = 0; b < nb; ++b) {
    for (uint32_t i = f.blocks[b].first; i != kNoValue;) {
      uint32_t nx = f.next[i];
      MInst& in = f.insts[i];
      if (!live[i]) {
        f.unlink(i);
        in.op = OpNop;
      } else if (in.op == OpCopy) {
        // Keep the pairs whose phi is live.
        auto o = f.ops(i);
        uint32_t h = uint32_t(o.size() / 2), kept = 0;
        for (uint32_t k = 0; k < h; ++k)
          if (live[o[h + k]]) {
            o[kept] = o[k];
            o[h + kept] = o[h + k];
            ++kept;
          }
        if (kept < h) {
          for (uint32_t k = 0; k < kept; ++k) o[kept + k] = o[h + k];
          in.numOps = 2 * kept;
        }
      }
      i = nx;
    }
  }
}

void countUses(FuncState& s) {
  MFunc& f = *s.f;
  s.useCount.assign(f.insts.size(), 0);
  for (uint32_t b = 0; b < f.blocks.size(); ++b)
    for (uint32_t i = f.blocks[b].first; i != kNoValue; i = f.next[i]) {
      auto o = f.ops(i);
      for (uint32_t k = 0; k < FuncState::usedOps(f.insts[i]); ++k) ++s.useCount[o[k]];
    }
}

void compileFunction(MFunc& f, FuncCode& out) {
  thread_local FuncState s;
  s.f = &f;
  removeDeadCode(s);
  mergeEdgeCopies(s);
  hoistAndCse(s);
  countUses(s);
  if (!isReducible(f.cfg)) {
    makeReducible(f.cfg);
    // The new nodes are blocks with nothing but their exit.
    while (f.blocks.size() < f.cfg.size()) {
      f.blocks.push_back({});
      uint32_t b = uint32_t(f.blocks.size() - 1);
      uint32_t e = f.addDetached(OpExit, Ty::None, {});
      f.append(b, e);
      s.reachable.push_back(1);
      s.useCount.push_back(0);
    }
  }
  structurize(f.cfg, s.st);
  stackify(s);
  static const bool verify = std::getenv("TOYC_VERIFY_MIR") != nullptr;
  if (verify) {
    std::string why = checkPhiReads(f);
    if (!why.empty()) {
      std::fprintf(stderr, "toyc: internal error: %s: %s\n", f.name.c_str(), why.c_str());
      std::abort();
    }
  }
  allocateLocals(s);
  emitFunction(s, out);
  s.f = nullptr;
}

}  // namespace toyc::codegen
