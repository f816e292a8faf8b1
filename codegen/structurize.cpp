#include "codegen/structurize.h"
#include <algorithm>
#include <cassert>

namespace toyc::codegen {

namespace {

constexpr uint32_t kNone = UINT32_MAX;

}  // namespace

void CfgAnalysis::run(const Cfg& g) {
  uint32_t n = g.size();
  rpo.assign(n, kNone);
  order.clear();
  // Iterative depth-first search; postorder into `order`, reversed below.
  std::vector<uint8_t> seen(n, 0);
  std::vector<std::pair<uint32_t, uint32_t>> stack;
  if (n == 0) return;
  stack.push_back({0, 0});
  seen[0] = 1;
  while (!stack.empty()) {
    auto& [v, i] = stack.back();
    auto s = g.succs(v);
    if (i < s.size()) {
      // Successors are visited last to first, so that the first one gets
      // the lowest rpo number and its code comes first.
      uint32_t w = s[s.size() - 1 - i++];
      if (!seen[w]) {
        seen[w] = 1;
        stack.push_back({w, 0});
      }
    } else {
      order.push_back(v);
      stack.pop_back();
    }
  }
  std::reverse(order.begin(), order.end());
  for (uint32_t i = 0; i < order.size(); ++i) rpo[order[i]] = i;

  predBegin.assign(n + 1, 0);
  for (uint32_t v : order)
    for (uint32_t w : g.succs(v)) ++predBegin[w + 1];
  for (uint32_t i = 0; i < n; ++i) predBegin[i + 1] += predBegin[i];
  preds.assign(predBegin[n], 0);
  std::vector<uint32_t> fill(predBegin.begin(), predBegin.end() - 1);
  for (uint32_t v : order)
    for (uint32_t w : g.succs(v)) preds[fill[w]++] = v;

  // Cooper, Harvey and Kennedy, "A Simple, Fast Dominance Algorithm".
  idom.assign(n, kNone);
  idom[order[0]] = order[0];
  for (bool changed = true; changed;) {
    changed = false;
    for (uint32_t i = 1; i < order.size(); ++i) {
      uint32_t v = order[i];
      uint32_t nd = kNone;
      for (uint32_t k = predBegin[v]; k < predBegin[v + 1]; ++k) {
        uint32_t p = preds[k];
        if (idom[p] == kNone) continue;
        nd = nd == kNone ? p : intersect(p, nd);
      }
      if (idom[v] != nd) {
        idom[v] = nd;
        changed = true;
      }
    }
  }
}

uint32_t CfgAnalysis::intersect(uint32_t a, uint32_t b) const {
  while (a != b) {
    while (rpo[a] > rpo[b]) a = idom[a];
    while (rpo[b] > rpo[a]) b = idom[b];
  }
  return a;
}

bool CfgAnalysis::dominates(uint32_t a, uint32_t b) const {
  // Walk up from b; rpo numbers decrease along the dominator tree.
  while (rpo[b] > rpo[a]) b = idom[b];
  return a == b;
}

uint32_t Cfg::addNode(Exit exit, std::span<const uint32_t> succs, NodeKind kind, uint32_t label) {
  CfgNode n;
  n.exit = exit;
  n.kind = kind;
  n.label = label;
  n.succBegin = uint32_t(succs_.size());
  n.succCount = uint32_t(succs.size());
  succs_.insert(succs_.end(), succs.begin(), succs.end());
  nodes_.push_back(n);
  return uint32_t(nodes_.size() - 1);
}

void Cfg::setExit(uint32_t n, Exit exit, std::span<const uint32_t> succs) {
  CfgNode& nd = nodes_[n];
  nd.exit = exit;
  if (succs.size() <= nd.succCount) {
    std::copy(succs.begin(), succs.end(), succs_.begin() + nd.succBegin);
  } else {
    nd.succBegin = uint32_t(succs_.size());
    succs_.insert(succs_.end(), succs.begin(), succs.end());
  }
  nd.succCount = uint32_t(succs.size());
}

bool isReducible(const Cfg& g) {
  CfgAnalysis a;
  a.run(g);
  for (uint32_t v : a.order)
    for (uint32_t w : g.succs(v))
      if (a.rpo[w] <= a.rpo[v] && !a.dominates(w, v)) return false;
  return true;
}

namespace {

// Strongly connected components of the subgraph induced by `inRegion`
// (Tarjan's algorithm, iterative). Only components that contain a cycle are
// returned.
void cyclicComponents(const Cfg& g, const std::vector<uint32_t>& region, const std::vector<uint32_t>& regionMark,
                      uint32_t mark, std::vector<std::vector<uint32_t>>& out) {
  uint32_t n = g.size();
  std::vector<uint32_t> index(n, kNone), low(n, 0);
  std::vector<uint8_t> onStack(n, 0);
  std::vector<uint32_t> stack;
  std::vector<std::pair<uint32_t, uint32_t>> work;
  uint32_t next = 0;
  auto inR = [&](uint32_t v) { return regionMark[v] == mark; };
  for (uint32_t root : region) {
    if (index[root] != kNone) continue;
    work.push_back({root, 0});
    index[root] = low[root] = next++;
    stack.push_back(root);
    onStack[root] = 1;
    while (!work.empty()) {
      auto& [v, i] = work.back();
      auto s = g.succs(v);
      if (i < s.size()) {
        uint32_t w = s[i++];
        if (!inR(w)) continue;
        if (index[w] == kNone) {
          index[w] = low[w] = next++;
          stack.push_back(w);
          onStack[w] = 1;
          work.push_back({w, 0});
        } else if (onStack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      uint32_t done = v;
      work.pop_back();
      if (!work.empty()) low[work.back().first] = std::min(low[work.back().first], low[done]);
      if (low[done] != index[done]) continue;
      std::vector<uint32_t> comp;
      uint32_t w;
      do {
        w = stack.back();
        stack.pop_back();
        onStack[w] = 0;
        comp.push_back(w);
      } while (w != done);
      bool cyclic = comp.size() > 1;
      if (!cyclic)
        for (uint32_t s2 : g.succs(done)) cyclic |= s2 == done;
      if (cyclic) out.push_back(std::move(comp));
    }
  }
}

}  // namespace

uint32_t makeReducible(Cfg& g) {
  if (isReducible(g)) return 0;
  uint32_t before = g.size();
  CfgAnalysis a;
  a.run(g);
  // Predecessor lists that follow the rewiring below.
  std::vector<std::vector<uint32_t>> preds(g.size());
  for (uint32_t v : a.order)
    for (uint32_t w : g.succs(v)) preds[w].push_back(v);

  std::vector<uint32_t> regionMark(g.size(), 0);
  uint32_t nextMark = 1;
  std::vector<std::vector<uint32_t>> regions;
  regions.push_back(a.order);
  std::vector<uint32_t> compMark(g.size(), 0);
  uint32_t nextComp = 1;
  std::vector<std::vector<uint32_t>> comps;
  while (!regions.empty()) {
    std::vector<uint32_t> region = std::move(regions.back());
    regions.pop_back();
    uint32_t mark = nextMark++;
    regionMark.resize(g.size(), 0);
    for (uint32_t v : region) regionMark[v] = mark;
    comps.clear();
    cyclicComponents(g, region, regionMark, mark, comps);
    for (auto& comp : comps) {
      uint32_t cm = nextComp++;
      compMark.resize(g.size(), 0);
      for (uint32_t v : comp) compMark[v] = cm;
      std::vector<uint32_t> entries;
      for (uint32_t v : comp) {
        bool entry = false;
        for (uint32_t p : preds[v]) entry |= compMark[p] != cm;
        if (entry) entries.push_back(v);
      }
      // Deterministic entry order: by position in the component list is
      // already deterministic; sort by node number for readability.
      std::sort(entries.begin(), entries.end());
      uint32_t header;
      if (entries.size() <= 1) {
        header = entries.empty() ? comp[0] : entries[0];
      } else {
        // Dispatch node: switch over the label, cases = entries, default = entry 0.
        std::vector<uint32_t> targets = entries;
        targets.push_back(entries[0]);
        uint32_t dispatch = g.addNode(Exit::Switch, targets, NodeKind::Dispatch);
        preds.resize(g.size());
        for (uint32_t e : entries) preds[e].clear();
        for (uint32_t i = 0; i < entries.size(); ++i) {
          uint32_t e = entries[i];
          // Every edge into e, from inside and from outside the region, goes
          // through a setter. Edges from outside get their own setter: one
          // shared with edges from inside would be a second way into the cycle.
          std::vector<uint32_t> sources;
          for (uint32_t v = 0; v < g.size(); ++v) {
            if (v == dispatch) continue;
            for (uint32_t t : g.succs(v))
              if (t == e) {
                sources.push_back(v);
                break;
              }
          }
          uint32_t setter[2] = {UINT32_MAX, UINT32_MAX};  // [from outside, from inside]
          for (uint32_t v : sources) {
            bool inside = compMark[v] == cm;
            uint32_t& st = setter[inside];
            if (st == UINT32_MAX) {
              uint32_t d[1] = {dispatch};
              st = g.addNode(Exit::Br, d, NodeKind::SetLabel, i);
              preds.resize(g.size());
              compMark.resize(g.size(), 0);
              preds[dispatch].push_back(st);
              compMark[st] = cm;
              comp.push_back(st);
            }
            auto s = g.succs(v);
            for (uint32_t k = 0; k < s.size(); ++k)
              if (s[k] == e) g.setSucc(v, k, st);
            preds[st].push_back(v);
          }
          preds[e].push_back(dispatch);
        }
        compMark[dispatch] = cm;
        comp.push_back(dispatch);
        header = dispatch;
      }
      std::vector<uint32_t> inner;
      for (uint32_t v : comp)
        if (v != header) inner.push_back(v);
      if (!inner.empty()) regions.push_back(std::move(inner));
    }
  }
  return g.size() - before;
}

namespace {

// The structuring walk (see the header comment).
class Structurizer {
public:
  Structurizer(const Cfg& g, Structured& out) : g_(g), out_(out) {}

  void run() {
    out_.items.clear();
    out_.tableDepths.clear();
    out_.order.clear();
    if (g_.size() == 0) return;
    a_.run(g_);
    uint32_t n = g_.size();
    loopHeader_.assign(n, 0);
    needsLabel_.assign(n, 0);
    std::vector<uint32_t> forwardPreds(n, 0);
    for (uint32_t v : a_.order) {
      bool isSwitch = g_.node(v).exit == Exit::Switch;
      for (uint32_t w : g_.succs(v)) {
        if (a_.rpo[w] <= a_.rpo[v]) loopHeader_[w] = 1;
        else ++forwardPreds[w];
        if (isSwitch) needsLabel_[w] = 1;
      }
    }
    // Forward predecessors are counted per edge, so a conditional branch with
    // both sides to one node also makes it a merge node (it is branched to
    // by label from the condition).
    for (uint32_t v : a_.order)
      if (forwardPreds[v] >= 2) needsLabel_[v] = 1;
    // Dominator-tree children that need a label, highest rpo first.
    kidBegin_.assign(n + 1, 0);
    for (uint32_t v : a_.order)
      if (v != a_.order[0] && needsLabel_[v]) ++kidBegin_[a_.idom[v] + 1];
    for (uint32_t i = 0; i < n; ++i) kidBegin_[i + 1] += kidBegin_[i];
    kids_.assign(kidBegin_[n], 0);
    std::vector<uint32_t> fill(kidBegin_.begin(), kidBegin_.end() - 1);
    // Visiting nodes by decreasing rpo fills each list in the wanted order.
    for (size_t i = a_.order.size(); i-- > 1;) {
      uint32_t v = a_.order[i];
      if (needsLabel_[v]) kids_[fill[a_.idom[v]]++] = v;
    }
    labelPos_.assign(n, kNone);
    loopPos_.assign(n, kNone);

    tasks_.push_back({Task::DoTree, a_.order[0], kNone});
    while (!tasks_.empty()) {
      Task t = tasks_.back();
      tasks_.pop_back();
      switch (t.kind) {
        case Task::DoTree: doTree(t.node, t.ft); break;
        case Task::Exit: doExit(t.node, t.ft); break;
        case Task::CloseBlockThenTree:
          closeFrame();
          doTree(t.node, t.ft);
          break;
        case Task::Close: closeFrame(); break;
        case Task::ElseArm:
          emit(SItem::Else);
          break;
      }
    }
  }

private:
  struct Task {
    enum Kind : uint8_t { DoTree, Exit, CloseBlockThenTree, Close, ElseArm } kind;
    uint32_t node;
    uint32_t ft;  // the node whose code follows when this code falls through
  };
  struct Frame {
    enum Kind : uint8_t { Block, Loop, If } kind;
    uint32_t node;
  };

  void emit(SItem::Kind k, uint32_t node = 0, uint32_t arg = 0, bool negate = false) {
    SItem it;
    it.kind = k;
    it.node = node;
    it.arg = arg;
    it.negate = negate;
    out_.items.push_back(it);
  }
  void openFrame(Frame::Kind k, uint32_t node) {
    if (k == Frame::Block) labelPos_[node] = uint32_t(frames_.size());
    if (k == Frame::Loop) loopPos_[node] = uint32_t(frames_.size());
    frames_.push_back({k, node});
    emit(k == Frame::Block ? SItem::Block : k == Frame::Loop ? SItem::Loop : SItem::If);
  }
  void closeFrame() {
    Frame f = frames_.back();
    frames_.pop_back();
    if (f.kind == Frame::Block) labelPos_[f.node] = kNone;
    if (f.kind == Frame::Loop) loopPos_[f.node] = kNone;
    emit(SItem::End);
  }
  uint32_t depthOf(uint32_t pos) const { return uint32_t(frames_.size()) - 1 - pos; }

  void doTree(uint32_t x, uint32_t ft) {
    if (loopHeader_[x]) {
      openFrame(Frame::Loop, x);
      tasks_.push_back({Task::Close, x, kNone});
    }
    uint32_t b = kidBegin_[x], e = kidBegin_[x + 1];
    // Tasks run last-pushed first: the exit, then each block closed from
    // the innermost outwards with its node's tree after it.
    for (uint32_t i = b; i < e; ++i) tasks_.push_back({Task::CloseBlockThenTree, kids_[i], i == b ? ft : kids_[i - 1]});
    for (uint32_t i = b; i < e; ++i) openFrame(Frame::Block, kids_[i]);
    out_.order.push_back(x);
    emit(SItem::Body, x);
    tasks_.push_back({Task::Exit, x, e > b ? kids_[e - 1] : ft});
  }

  enum class Way : uint8_t { Back, Fall, Label, Inline };
  Way way(uint32_t from, uint32_t to, uint32_t ft) const {
    if (a_.rpo[to] <= a_.rpo[from]) return Way::Back;
    if (to == ft) return Way::Fall;
    if (labelPos_[to] != kNone) return Way::Label;
    return Way::Inline;
  }
  uint32_t labelDepth(uint32_t from, uint32_t to) const {
    uint32_t pos = a_.rpo[to] <= a_.rpo[from] ? loopPos_[to] : labelPos_[to];
    assert(pos != kNone && "branch target has no enclosing label");
    return depthOf(pos);
  }
  // A branch in tail position.
  void branch(uint32_t from, uint32_t to, uint32_t ft) {
    switch (way(from, to, ft)) {
      case Way::Fall: return;
      case Way::Back:
      case Way::Label: emit(SItem::Br, 0, labelDepth(from, to)); return;
      case Way::Inline: tasks_.push_back({Task::DoTree, to, ft}); return;
    }
  }

  void doExit(uint32_t x, uint32_t ft) {
    const CfgNode& nd = g_.node(x);
    auto s = g_.succs(x);
    switch (nd.exit) {
      case Exit::Return: emit(SItem::Return, x); return;
      case Exit::Unreachable: emit(SItem::Unreachable, x); return;
      case Exit::Br: branch(x, s[0], ft); return;
      case Exit::Switch: {
        emit(SItem::Cond, x);
        uint32_t at = uint32_t(out_.tableDepths.size());
        for (uint32_t t : s) out_.tableDepths.push_back(labelDepth(x, t));
        emit(SItem::BrTable, x, at);
        return;
      }
      case Exit::CondBr: break;
    }
    uint32_t t = s[0], f = s[1];
    if (t == f) {
      emit(SItem::Cond, x);
      emit(SItem::Drop, x);
      branch(x, t, ft);
      return;
    }
    Way wt = way(x, t, ft), wf = way(x, f, ft);
    if (wt == Way::Inline && wf == Way::Inline) {
      emit(SItem::Cond, x);
      openFrame(Frame::If, x);
      tasks_.push_back({Task::Close, x, kNone});
      tasks_.push_back({Task::DoTree, f, ft});
      tasks_.push_back({Task::ElseArm, x, kNone});
      tasks_.push_back({Task::DoTree, t, ft});
      return;
    }
    if (wf != Way::Inline && (wt == Way::Inline || wt == Way::Fall)) {
      // Leave on false (f has a label), continue with the true side.
      emit(SItem::Cond, x, 0, true);
      emit(SItem::BrIf, x, labelDepth(x, f));
      branch(x, t, ft);
      return;
    }
    // Leave on true (t has a label), continue with the false side.
    emit(SItem::Cond, x);
    emit(SItem::BrIf, x, labelDepth(x, t));
    branch(x, f, ft);
  }

  const Cfg& g_;
  Structured& out_;
  CfgAnalysis a_;
  std::vector<uint8_t> loopHeader_, needsLabel_;
  std::vector<uint32_t> kidBegin_, kids_;
  std::vector<uint32_t> labelPos_, loopPos_;
  std::vector<Frame> frames_;
  std::vector<Task> tasks_;
};

}  // namespace

namespace {

// Removes blocks that no branch names (an if/else diamond's merge node
// needs no label when both arms fall through) and renumbers the depths.
void dropUnusedBlocks(const Cfg& g, Structured& s) {
  std::vector<SItem>& items = s.items;
  std::vector<uint32_t> open;  // item index of each enclosing construct
  std::vector<uint8_t> used(items.size(), 0);
  auto target = [&](uint32_t depth) { used[open[open.size() - 1 - depth]] = 1; };
  for (uint32_t i = 0; i < items.size(); ++i) {
    const SItem& it = items[i];
    switch (it.kind) {
      case SItem::Block: case SItem::Loop: case SItem::If: open.push_back(i); break;
      case SItem::End: open.pop_back(); break;
      case SItem::Br: case SItem::BrIf: target(it.arg); break;
      case SItem::BrTable:
        for (uint32_t k = 0; k < g.node(it.node).succCount; ++k) target(s.tableDepths[it.arg + k]);
        break;
      default: break;
    }
  }
  bool any = false;
  for (uint32_t i = 0; i < items.size(); ++i) any |= items[i].kind == SItem::Block && !used[i];
  if (!any) return;
  // keptPrefix[level]: how many of the constructs open up to that level stay.
  std::vector<uint8_t> keptStack;
  std::vector<uint32_t> keptPrefix;
  std::vector<SItem> outItems;
  outItems.reserve(items.size());
  auto newDepth = [&](uint32_t depth) {
    uint32_t top = uint32_t(keptStack.size()) - 1, tgt = top - depth;
    return keptPrefix[top] - keptPrefix[tgt];
  };
  for (uint32_t i = 0; i < items.size(); ++i) {
    SItem it = items[i];
    switch (it.kind) {
      case SItem::Block: case SItem::Loop: case SItem::If: {
        uint8_t keep = it.kind != SItem::Block || used[i];
        keptStack.push_back(keep);
        keptPrefix.push_back((keptPrefix.empty() ? 0 : keptPrefix.back()) + keep);
        if (keep) outItems.push_back(it);
        break;
      }
      case SItem::End: {
        uint8_t keep = keptStack.back();
        keptStack.pop_back();
        keptPrefix.pop_back();
        if (keep) outItems.push_back(it);
        break;
      }
      case SItem::Br: case SItem::BrIf:
        it.arg = newDepth(it.arg);
        outItems.push_back(it);
        break;
      case SItem::BrTable:
        for (uint32_t k = 0; k < g.node(it.node).succCount; ++k)
          s.tableDepths[it.arg + k] = newDepth(s.tableDepths[it.arg + k]);
        outItems.push_back(it);
        break;
      default: outItems.push_back(it); break;
    }
  }
  items.swap(outItems);
}

bool isJump(SItem::Kind k) {
  return k == SItem::Return || k == SItem::Br || k == SItem::BrTable || k == SItem::Unreachable;
}

// `if A else B end` where one arm always leaves (ends in a branch, return
// or trap) becomes `if A end B` (arms swapped and the condition negated
// when it is B that leaves): the else disappears and B's code is no longer
// nested. Nothing branches to an if, so only the depths of branches in B
// that leave B change (one construct fewer around them).
void flattenIfElse(const Cfg& g, Structured& s) {
  std::vector<SItem>& items = s.items;
  // Matching else and end of every if, in the input.
  std::vector<uint32_t> elseOf(items.size(), UINT32_MAX), endOf(items.size(), UINT32_MAX), open;
  for (uint32_t i = 0; i < items.size(); ++i) {
    SItem::Kind k = items[i].kind;
    if (k == SItem::Block || k == SItem::Loop || k == SItem::If) open.push_back(i);
    else if (k == SItem::Else) elseOf[open.back()] = i;
    else if (k == SItem::End) {
      endOf[open.back()] = i;
      open.pop_back();
    }
  }
  // An if/else whose arms both leave also leaves.
  std::vector<uint8_t> leaves(items.size(), 0);  // by End index
  std::vector<uint32_t> ifOfEnd(items.size(), UINT32_MAX);
  auto armLeaves = [&](uint32_t last) { return isJump(items[last].kind) || (items[last].kind == SItem::End && leaves[last]); };
  auto computeLeaves = [&](uint32_t from, uint32_t to) {
    for (uint32_t k = from; k < to; ++k)
      if (items[k].kind == SItem::If && elseOf[k] != UINT32_MAX) ifOfEnd[endOf[k]] = k;
    for (uint32_t k = from; k < to; ++k) {
      if (items[k].kind != SItem::End) continue;
      leaves[k] = 0;
      uint32_t f = ifOfEnd[k];
      if (f != UINT32_MAX && f >= from) leaves[k] = armLeaves(elseOf[f] - 1) && armLeaves(k - 1);
    }
  };
  computeLeaves(0, uint32_t(items.size()));
  bool any = false;
  for (uint32_t i = 0; i < items.size(); ++i) {
    if (items[i].kind != SItem::If || elseOf[i] == UINT32_MAX) continue;
    bool thenJumps = armLeaves(elseOf[i] - 1), elseJumps = armLeaves(endOf[i] - 1);
    if (!thenJumps && elseJumps && i > 0 && items[i - 1].kind == SItem::Cond) {
      // Swap the arms: [If A Else B End] -> [If B Else A End], negated.
      std::vector<SItem> a(items.begin() + i + 1, items.begin() + elseOf[i]);
      std::vector<SItem> b(items.begin() + elseOf[i] + 1, items.begin() + endOf[i]);
      uint32_t at = i + 1;
      for (const SItem& it : b) items[at++] = it;
      items[at].kind = SItem::Else;
      uint32_t newElse = at++;
      for (const SItem& it : a) items[at++] = it;
      items[i - 1].negate = !items[i - 1].negate;
      // Inner ifs moved: recompute their else/end positions.
      for (uint32_t k = i + 1; k < endOf[i]; ++k) elseOf[k] = endOf[k] = UINT32_MAX;
      open.clear();
      for (uint32_t k = i + 1; k < endOf[i]; ++k) {
        SItem::Kind kk = items[k].kind;
        if (k == newElse) continue;
        if (kk == SItem::Block || kk == SItem::Loop || kk == SItem::If) open.push_back(k);
        else if (kk == SItem::Else) elseOf[open.back()] = k;
        else if (kk == SItem::End) {
          endOf[open.back()] = k;
          open.pop_back();
        }
      }
      elseOf[i] = newElse;
      for (uint32_t k = i + 1; k < endOf[i]; ++k) ifOfEnd[k] = UINT32_MAX;
      computeLeaves(i + 1, endOf[i]);
      thenJumps = true;
    }
    if (thenJumps) {
      items[i].arg = 1;  // mark: flatten
      any = true;
    }
  }
  if (!any) return;
  struct Open {
    uint32_t item;
    bool flat;  // closed in the output already (at its else)
  };
  std::vector<Open> stack;
  std::vector<SItem> out;
  out.reserve(items.size());
  auto newDepth = [&](uint32_t d) {
    uint32_t n = 0;
    for (uint32_t k = 0; k < d; ++k) n += !stack[stack.size() - 1 - k].flat;
    return n;
  };
  for (uint32_t i = 0; i < items.size(); ++i) {
    SItem it = items[i];
    switch (it.kind) {
      case SItem::Block: case SItem::Loop: case SItem::If:
        stack.push_back({i, false});
        if (it.kind == SItem::If) it.arg = 0;
        out.push_back(it);
        break;
      case SItem::Else:
        if (items[stack.back().item].arg == 1) {
          stack.back().flat = true;
          it.kind = SItem::End;
        }
        out.push_back(it);
        break;
      case SItem::End: {
        bool flat = stack.back().flat;
        stack.pop_back();
        if (!flat) out.push_back(it);
        break;
      }
      case SItem::Br: case SItem::BrIf:
        it.arg = newDepth(it.arg);
        out.push_back(it);
        break;
      case SItem::BrTable:
        for (uint32_t k = 0; k < g.node(it.node).succCount; ++k)
          s.tableDepths[it.arg + k] = newDepth(s.tableDepths[it.arg + k]);
        out.push_back(it);
        break;
      default: out.push_back(it); break;
    }
  }
  items.swap(out);
}

// Code at the end of a loop body that never branches back to the loop (the
// loop's exit, which Ramsey's translation nests inside the loop) moves after
// the loop's end; branches in the moved code that leave it cross one
// construct fewer.
void sinkLoopTails(const Cfg& g, Structured& s) {
  std::vector<SItem>& items = s.items;
  std::vector<uint32_t> open, endOf(items.size(), UINT32_MAX);
  auto match = [&](uint32_t from, uint32_t to) {  // end positions of constructs in [from, to]
    open.clear();
    for (uint32_t i = from; i <= to; ++i) {
      SItem::Kind k = items[i].kind;
      if (k == SItem::Block || k == SItem::Loop || k == SItem::If) open.push_back(i);
      else if (k == SItem::End && !open.empty()) {
        endOf[open.back()] = i;
        open.pop_back();
      }
    }
  };
  if (items.empty()) return;
  match(0, uint32_t(items.size() - 1));
  std::vector<SItem> tail;
  // Inner loops first (a loop's exit code may sit in an inner loop's tail
  // until that moves out); a move only rearranges items inside the loop, so
  // the positions of loops that start earlier stay valid.
  std::vector<uint32_t> loops;
  for (uint32_t l = 0; l < items.size(); ++l)
    if (items[l].kind == SItem::Loop) loops.push_back(l);
  for (size_t li = loops.size(); li-- > 0;) {
    uint32_t l = loops[li];
    uint32_t e = endOf[l];
    // The top-level position after which nothing branches to the loop.
    uint32_t cut = l;  // items (cut, e) move
    uint32_t level = 0, top = l;
    for (uint32_t i = l + 1; i < e; ++i) {
      const SItem& it = items[i];
      if (level == 0) top = i;
      bool ref = false;
      switch (it.kind) {
        case SItem::Block: case SItem::Loop: case SItem::If: ++level; break;
        case SItem::End: --level; break;
        case SItem::Br: case SItem::BrIf: ref = it.arg == level; break;
        case SItem::BrTable:
          for (uint32_t k = 0; k < g.node(it.node).succCount; ++k) ref |= s.tableDepths[it.arg + k] == level;
          break;
        default: break;
      }
      if (ref) cut = level == 0 ? i : endOf[top];
    }
    if (cut == l || cut + 1 >= e) continue;
    // Only where control can fall out: after a br_if or a construct's end.
    SItem::Kind ck = items[cut].kind;
    if (ck != SItem::BrIf && ck != SItem::End) continue;
    tail.assign(items.begin() + cut + 1, items.begin() + e);
    level = 0;
    for (SItem& it : tail) {
      switch (it.kind) {
        case SItem::Block: case SItem::Loop: case SItem::If: ++level; break;
        case SItem::End: --level; break;
        case SItem::Br: case SItem::BrIf:
          if (it.arg > level) --it.arg;
          break;
        case SItem::BrTable:
          for (uint32_t k = 0; k < g.node(it.node).succCount; ++k)
            if (s.tableDepths[it.arg + k] > level) --s.tableDepths[it.arg + k];
          break;
        default: break;
      }
    }
    SItem end = items[e];
    items[cut + 1] = end;
    std::copy(tail.begin(), tail.end(), items.begin() + cut + 2);
    match(l, e);
  }
}

}  // namespace

void structurize(const Cfg& g, Structured& out) {
  Structurizer(g, out).run();
  dropUnusedBlocks(g, out);
  flattenIfElse(g, out);
  sinkLoopTails(g, out);
}

}  // namespace toyc::codegen
