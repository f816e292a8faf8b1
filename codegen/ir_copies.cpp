// Phi copies on branch edges, and the check that no phi is read after a
// copy has given it its next value.
//
// Phis are variables (codegen/ir.h): a Copy at the end of a predecessor
// writes them, and from there on they hold the value for the next pass
// through their block. Every other read of a phi means the value it got on
// entry to its block, so a read is wrong when a path leads to it from a
// Copy that writes the phi without passing through the phi's block (the
// "lost copy" of SSA destruction).
//
// A frontend puts the copy of a critical edge (its source also branches
// elsewhere) on a block of its own, where no such path exists. That block
// costs a branch, though, and on a loop latch the copy is better made in
// the branching block itself, before the br_if back to the loop. The move
// is decided here, on the machine IR, because only here are all reads
// visible: instruction selection folds values into their uses, so a
// getelementptr of a phi folded into the offset of a later store reads the
// phi at the store, and a branch on `icmp ne %phi, 0` reads it at the
// branch. The move is made only when no phi the copy writes is read by the
// branch itself or anywhere reachable from the other successor without
// passing through the phis' block.
#include <cstdlib>
#include <utility>
#include "codegen/ir_passes.h"

namespace toyc::codegen {

namespace {

// Work bound of the liveness walks, in blocks visited per block of the
// function (past it the remaining copies stay on their blocks, which only
// costs a branch each).
constexpr uint64_t kWorkPerBlock = 64;

// The operands an instruction reads (a Copy's sources, not its phis).
std::span<const uint32_t> reads(const MFunc& f, uint32_t i) {
  return f.ops(i).first(FuncState::usedOps(f.insts[i]));
}

// A copy that may move: the copy c on block `edge`, the k-th successor of
// `from`, into phi block h; `other` is from's other successor.
struct Candidate {
  uint32_t from, k, edge, copy, h, other;
  bool blocked;
};

// Whether a phi is read on a path from `other` that does not pass through
// the phi's block is whether it is live into `other`, with the phi's own
// block as its definition. That is computed per phi by a backward walk
// from the blocks that read it, stopping at its block: linear in the size
// of its live range, once for every phi that some candidate writes.
class CopyMerger {
public:
  // Reused for every function of a thread (the tables keep their memory).
  void run(FuncState& s) {
    s_ = &s;
    f_ = s.f;
    uint32_t nb = f_->cfg.size();
    if (nb == 0) return;
    findCandidates();
    if (cands_.empty()) return;
    collectReads();
    markLive();
    for (const Candidate& c : cands_) {
      if (c.blocked) continue;
      uint32_t exit = f_->blocks[c.from].last;
      if (f_->prev[exit] != kNoValue && f_->insts[f_->prev[exit]].op == OpCopy) continue;  // one copy per block
      while (f_->blocks[c.edge].first != c.copy) f_->moveBefore(f_->blocks[c.edge].first, exit);
      f_->moveBefore(c.copy, exit);
      f_->cfg.setSucc(c.from, c.k, c.h);
      f_->cfg.setExit(c.edge, Exit::Unreachable, {});
      s_->reachable[c.edge] = 0;
    }
  }

private:
  void findCandidates() {
    uint32_t nb = f_->cfg.size();
    cands_.clear();
    predCount_.assign(nb, 0);
    for (uint32_t b = 0; b < nb; ++b)
      if (s_->reachable[b])
        for (uint32_t t : f_->cfg.succs(b)) ++predCount_[t];
    for (uint32_t b = 0; b < nb && b < f_->blocks.size(); ++b) {
      if (!s_->reachable[b] || f_->cfg.node(b).exit != Exit::CondBr) continue;
      uint32_t exit = f_->blocks[b].last;
      if (exit == kNoValue || f_->insts[exit].op != OpExit) continue;
      if (f_->prev[exit] != kNoValue && f_->insts[f_->prev[exit]].op == OpCopy) continue;
      auto succ = f_->cfg.succs(b);
      if (succ[0] == succ[1]) continue;
      for (uint32_t k = 0; k < 2; ++k) {
        uint32_t e = succ[k], other = succ[1 - k];
        uint32_t c = copyBlock(e);
        if (c == kNoValue) continue;
        uint32_t h = f_->cfg.succs(e)[0];
        if (h == other || h == e) continue;
        // The phis written, all of h; the branch reads its condition after the copy.
        auto o = f_->ops(c);
        bool ok = true;
        for (size_t j = o.size() / 2; j < o.size() && ok; ++j)
          ok = f_->insts[o[j]].op == OpPhi && f_->insts[o[j]].block == h;
        if (ok && conditionReads(b, exit, c)) ok = false;
        // A forward edge's copy only where the other side goes straight
        // to the same block (`x = 0; br_if h; x = a / b`): elsewhere an
        // if around the copy costs no more than the merged copy and keeps
        // the condition on the operand stack.
        bool forwardOk = f_->cfg.node(other).exit == Exit::Br && f_->cfg.succs(other)[0] == h;
        if (ok && (h <= b || forwardOk)) cands_.push_back({b, k, e, c, h, other, false});
      }
      // With copies on both edges, only a back edge's copy is merged
      // (`copy; br_if loop`); a forward one stays in the if/else that the
      // two copies make anyway. Frontends number blocks in reverse
      // postorder, so a back edge goes to a block not after its source.
      size_t n = cands_.size();
      if (n >= 2 && cands_[n - 2].from == b) {
        if (cands_[n - 2].h > b && cands_[n - 1].h <= b) std::swap(cands_[n - 2], cands_[n - 1]);
        if (cands_[n - 2].h > b) cands_.resize(n - 2);
        else cands_.resize(n - 1);
      }
    }
  }

  // Whether the branch reads a phi that c writes, or its condition is
  // computed in b straight from one: merged, the condition would have to
  // be computed before the copy into a local of its own, which costs more
  // than the branch it saves.
  bool conditionReads(uint32_t b, uint32_t exit, uint32_t c) const {
    auto o = f_->ops(c);
    auto written = [&](uint32_t v) {
      for (size_t j = o.size() / 2; j < o.size(); ++j)
        if (v == o[j]) return true;
      return false;
    };
    for (uint32_t v : reads(*f_, exit)) {
      if (written(v)) return true;
      if (f_->insts[v].block == b && f_->insts[v].op != OpPhi)
        for (uint32_t w : reads(*f_, v))
          if (written(w)) return true;
    }
    return false;
  }

  // A block of nothing but a Copy (after the constants and addresses it
  // copies, which are emitted at their uses) and a branch, entered only
  // from its predecessor: returns the copy.
  uint32_t copyBlock(uint32_t e) const {
    if (e >= f_->blocks.size() || predCount_[e] != 1 || f_->cfg.node(e).exit != Exit::Br ||
        f_->cfg.node(e).kind != NodeKind::Client)
      return kNoValue;
    uint32_t c = f_->blocks[e].first;
    while (c != kNoValue && isRemat(f_->insts[c].op)) c = f_->next[c];
    if (c == kNoValue || f_->insts[c].op != OpCopy) return kNoValue;
    uint32_t x = f_->next[c];
    if (x == kNoValue || f_->insts[x].op != OpExit || f_->next[x] != kNoValue) return kNoValue;
    return c;
  }

  // Predecessors of reachable blocks, and the blocks that read each phi a
  // candidate writes (CSR tables indexed by block and by value).
  void collectReads() {
    uint32_t nb = f_->cfg.size(), n = uint32_t(f_->insts.size());
    predBegin_.assign(nb + 1, 0);
    for (uint32_t b = 0; b < nb; ++b)
      if (s_->reachable[b])
        for (uint32_t t : f_->cfg.succs(b)) ++predBegin_[t + 1];
    for (uint32_t b = 0; b < nb; ++b) predBegin_[b + 1] += predBegin_[b];
    preds_.resize(predBegin_[nb]);
    fill_.assign(predBegin_.begin(), predBegin_.end() - 1);
    for (uint32_t b = 0; b < nb; ++b)
      if (s_->reachable[b])
        for (uint32_t t : f_->cfg.succs(b)) preds_[fill_[t]++] = b;

    wanted_.assign(n, 0);
    for (const Candidate& c : cands_) {
      auto o = f_->ops(c.copy);
      for (size_t j = o.size() / 2; j < o.size(); ++j) wanted_[o[j]] = 1;
    }
    readBegin_.assign(n + 1, 0);
    lastBlock_.assign(n, kNoValue);
    auto eachRead = [&](auto&& visit) {
      for (uint32_t b = 0; b < nb && b < f_->blocks.size(); ++b)
        if (s_->reachable[b])
          for (uint32_t i = f_->blocks[b].first; i != kNoValue; i = f_->next[i])
            for (uint32_t v : reads(*f_, i))
              if (wanted_[v] && lastBlock_[v] != b) {
                lastBlock_[v] = b;
                visit(v, b);
              }
    };
    eachRead([&](uint32_t v, uint32_t) { ++readBegin_[v + 1]; });
    for (uint32_t v = 0; v < n; ++v) readBegin_[v + 1] += readBegin_[v];
    readBlocks_.resize(readBegin_[n]);
    fill_.assign(readBegin_.begin(), readBegin_.end() - 1);
    lastBlock_.assign(n, kNoValue);
    eachRead([&](uint32_t v, uint32_t b) { readBlocks_[fill_[v]++] = b; });
  }

  // For every phi a candidate writes: the blocks it is live into; a
  // candidate is blocked when one of its phis is live into `other`.
  void markLive() {
    uint32_t nb = f_->cfg.size();
    liveStamp_.assign(nb, 0);
    uint64_t budget = kWorkPerBlock * nb;
    uint32_t stamp = 0;
    // Candidates by phi, in the order the phis were made.
    queryBegin_.assign(f_->insts.size() + 1, 0);
    for (const Candidate& c : cands_) {
      auto o = f_->ops(c.copy);
      for (size_t j = o.size() / 2; j < o.size(); ++j) ++queryBegin_[o[j] + 1];
    }
    for (size_t v = 0; v + 1 < queryBegin_.size(); ++v) queryBegin_[v + 1] += queryBegin_[v];
    queries_.resize(queryBegin_.back());
    fill_.assign(queryBegin_.begin(), queryBegin_.end() - 1);
    for (uint32_t q = 0; q < cands_.size(); ++q) {
      auto o = f_->ops(cands_[q].copy);
      for (size_t j = o.size() / 2; j < o.size(); ++j) queries_[fill_[o[j]]++] = q;
    }
    for (uint32_t phi = 0; phi + 1 < queryBegin_.size(); ++phi) {
      if (queryBegin_[phi] == queryBegin_[phi + 1]) continue;
      uint32_t h = f_->insts[phi].block;
      ++stamp;
      work_.clear();
      auto reach = [&](uint32_t x) {
        if (x != h && liveStamp_[x] != stamp) {
          liveStamp_[x] = stamp;
          work_.push_back(x);
        }
      };
      for (uint32_t r = readBegin_[phi]; r < readBegin_[phi + 1]; ++r) reach(readBlocks_[r]);
      bool exhausted = false;
      while (!work_.empty()) {
        if (budget == 0) {
          exhausted = true;
          break;
        }
        --budget;
        uint32_t x = work_.back();
        work_.pop_back();
        for (uint32_t p = predBegin_[x]; p < predBegin_[x + 1]; ++p) reach(preds_[p]);
      }
      for (uint32_t q = queryBegin_[phi]; q < queryBegin_[phi + 1]; ++q) {
        Candidate& c = cands_[queries_[q]];
        if (exhausted || liveStamp_[c.other] == stamp) c.blocked = true;
      }
    }
  }

  FuncState* s_ = nullptr;
  MFunc* f_ = nullptr;
  std::vector<Candidate> cands_;
  std::vector<uint32_t> predCount_, predBegin_, preds_, fill_, readBegin_, readBlocks_, lastBlock_, liveStamp_,
      queryBegin_, queries_, work_;
  std::vector<uint8_t> wanted_;
};

}  // namespace

void mergeEdgeCopies(FuncState& s) {
  thread_local CopyMerger m;
  m.run(s);
}

// For every Copy and every phi it writes: the instructions after it in its
// block, then every block reachable from its block's successors without
// passing through the phi's block, must not read the phi.
std::string checkPhiReads(const MFunc& f) {
  uint32_t nb = f.cfg.size();
  std::vector<uint32_t> seen(nb, 0), work;
  uint32_t stamp = 0;
  auto where = [&](uint32_t copy, uint32_t phi, uint32_t reader) {
    return "phi %" + std::to_string(phi) + " is read by %" + std::to_string(reader) + " in block " +
           std::to_string(f.insts[reader].block) + " after copy %" + std::to_string(copy) + " in block " +
           std::to_string(f.insts[copy].block) + " wrote it";
  };
  auto readsPhi = [&](uint32_t i, uint32_t phi) {
    for (uint32_t v : reads(f, i))
      if (v == phi) return true;
    return false;
  };
  for (uint32_t b = 0; b < nb && b < f.blocks.size(); ++b)
    for (uint32_t c = f.blocks[b].first; c != kNoValue; c = f.next[c]) {
      if (f.insts[c].op != OpCopy) continue;
      auto o = f.ops(c);
      for (size_t j = o.size() / 2; j < o.size(); ++j) {
        uint32_t phi = o[j], h = f.insts[phi].block;
        for (uint32_t i = f.next[c]; i != kNoValue; i = f.next[i])
          if (readsPhi(i, phi)) return where(c, phi, i);
        ++stamp;
        work.clear();
        for (uint32_t t : f.cfg.succs(b))
          if (t != h && seen[t] != stamp) {
            seen[t] = stamp;
            work.push_back(t);
          }
        while (!work.empty()) {
          uint32_t x = work.back();
          work.pop_back();
          if (x < f.blocks.size())
            for (uint32_t i = f.blocks[x].first; i != kNoValue; i = f.next[i])
              if (readsPhi(i, phi)) return where(c, phi, i);
          for (uint32_t t : f.cfg.succs(x))
            if (t != h && seen[t] != stamp) {
              seen[t] = stamp;
              work.push_back(t);
            }
        }
      }
    }
  return {};
}

}  // namespace toyc::codegen
