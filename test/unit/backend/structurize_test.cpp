// The CFG structurizer on hand-written and random graphs. Every structured
// program is checked by running it: an interpreter follows the items (block,
// loop, if, br, br_if, br_table, with real label depths) while the same
// branch decisions are fed to a walk of the original graph; both must visit
// the same nodes in the same order.
#include <gtest/gtest.h>
#include <random>
#include <string>
#include "codegen/structurize.h"

using namespace toyc::codegen;

namespace {

constexpr uint32_t kRet = UINT32_MAX - 1, kTrap = UINT32_MAX - 2;

// Decisions for conditional branches and switches, replayable.
struct Oracle {
  explicit Oracle(uint32_t seed) : rng(seed) {}
  std::mt19937 rng;
  uint32_t pick(uint32_t n) { return std::uniform_int_distribution<uint32_t>(0, n - 1)(rng); }
};

// Walks the original graph (client nodes only).
std::vector<uint32_t> walkCfg(const Cfg& g, uint32_t seed, uint32_t limit) {
  Oracle o(seed);
  std::vector<uint32_t> trace;
  uint32_t n = 0;
  while (trace.size() < limit) {
    trace.push_back(n);
    const CfgNode& nd = g.node(n);
    auto s = g.succs(n);
    switch (nd.exit) {
      case Exit::Return: trace.push_back(kRet); return trace;
      case Exit::Unreachable: trace.push_back(kTrap); return trace;
      case Exit::Br: n = s[0]; break;
      case Exit::CondBr: n = o.pick(2) ? s[0] : s[1]; break;
      case Exit::Switch: n = s[o.pick(uint32_t(s.size()))]; break;
    }
  }
  return trace;
}

// Runs the structured program; fails the test on malformed structure.
std::vector<uint32_t> runStructured(const Cfg& g, const Structured& st, uint32_t seed, uint32_t limit) {
  const auto& items = st.items;
  // Matching else/end of every construct.
  std::vector<uint32_t> endOf(items.size(), 0), elseOf(items.size(), UINT32_MAX), open;
  for (uint32_t i = 0; i < items.size(); ++i) {
    switch (items[i].kind) {
      case SItem::Block: case SItem::Loop: case SItem::If: open.push_back(i); break;
      case SItem::Else:
        EXPECT_FALSE(open.empty());
        if (open.empty()) return {};
        EXPECT_EQ(items[open.back()].kind, SItem::If);
        elseOf[open.back()] = i;
        endOf[i] = open.back();  // else -> its if
        break;
      case SItem::End:
        EXPECT_FALSE(open.empty());
        if (open.empty()) return {};
        endOf[open.back()] = i;
        open.pop_back();
        break;
      default: break;
    }
  }
  EXPECT_TRUE(open.empty()) << "unbalanced constructs";
  if (!open.empty()) return {};

  Oracle o(seed);
  std::vector<uint32_t> trace, frames, values;
  uint32_t label = 0;
  uint32_t pc = 0;
  bool pending = false;  // decision of the current node's condition
  uint32_t pendingValue = 0;
  auto branch = [&](uint32_t depth) -> bool {
    if (depth >= frames.size()) {
      ADD_FAILURE() << "branch depth " << depth << " out of range at item " << pc;
      return false;
    }
    uint32_t f = frames[frames.size() - 1 - depth];
    frames.resize(frames.size() - depth);
    if (items[f].kind == SItem::Loop) {
      pc = f + 1;
    } else {
      frames.pop_back();
      pc = endOf[f] + 1;
    }
    return true;
  };
  while (trace.size() < limit) {
    if (pc >= items.size()) {
      ADD_FAILURE() << "fell off the end of the function";
      return trace;
    }
    const SItem& it = items[pc];
    switch (it.kind) {
      case SItem::Body: {
        const CfgNode& nd = g.node(it.node);
        if (nd.kind == NodeKind::Client) trace.push_back(it.node);
        if (nd.kind == NodeKind::SetLabel) label = nd.label;
        ++pc;
        break;
      }
      case SItem::Cond: {
        const CfgNode& nd = g.node(it.node);
        uint32_t v;
        if (nd.kind == NodeKind::Dispatch) v = label;
        else if (nd.exit == Exit::CondBr) v = o.pick(2);
        else v = o.pick(nd.succCount);
        if (it.negate) v = !v;
        values.push_back(v);
        (void)pending;
        (void)pendingValue;
        ++pc;
        break;
      }
      case SItem::Drop: values.pop_back(); ++pc; break;
      case SItem::Block: case SItem::Loop: frames.push_back(pc); ++pc; break;
      case SItem::If: {
        uint32_t v = values.back();
        values.pop_back();
        frames.push_back(pc);
        if (v) pc = pc + 1;
        else if (elseOf[pc] != UINT32_MAX) pc = elseOf[pc] + 1;
        else pc = endOf[pc];  // the End pops the frame
        break;
      }
      case SItem::Else: pc = endOf[endOf[pc]]; break;  // end of the then-arm: jump to the if's end
      case SItem::End: frames.pop_back(); ++pc; break;
      case SItem::Br: if (!branch(it.arg)) return trace; break;
      case SItem::BrIf: {
        uint32_t v = values.back();
        values.pop_back();
        if (v) { if (!branch(it.arg)) return trace; }
        else ++pc;
        break;
      }
      case SItem::BrTable: {
        uint32_t v = values.back();
        values.pop_back();
        uint32_t n = g.node(it.node).succCount;
        if (v >= n) v = n - 1;
        if (!branch(st.tableDepths[it.arg + v])) return trace;
        break;
      }
      case SItem::Return: trace.push_back(kRet); return trace;
      case SItem::Unreachable: trace.push_back(kTrap); return trace;
    }
  }
  return trace;
}

// Structures g (making it reducible first) and compares runs with walks.
void checkRuns(Cfg g, uint32_t runs = 20, uint32_t limit = 300) {
  Cfg original = g;
  makeReducible(g);
  ASSERT_TRUE(isReducible(g));
  Structured st;
  structurize(g, st);
  for (uint32_t seed = 1; seed <= runs; ++seed) {
    auto want = walkCfg(original, seed, limit);
    auto got = runStructured(g, st, seed, limit);
    ASSERT_EQ(got, want) << "seed " << seed;
  }
}

std::string show(const Cfg& g, const Structured& st) {
  std::string s;
  for (const SItem& it : st.items) {
    if (!s.empty()) s += ' ';
    switch (it.kind) {
      case SItem::Body: s += 'B' + std::to_string(it.node); break;
      case SItem::Cond: s += std::string(it.negate ? "!" : "") + "c" + std::to_string(it.node); break;
      case SItem::Drop: s += "drop"; break;
      case SItem::Block: s += "block"; break;
      case SItem::Loop: s += "loop"; break;
      case SItem::If: s += "if"; break;
      case SItem::Else: s += "else"; break;
      case SItem::End: s += "end"; break;
      case SItem::Br: s += "br" + std::to_string(it.arg); break;
      case SItem::BrIf: s += "br_if" + std::to_string(it.arg); break;
      case SItem::BrTable: {
        s += "br_table";
        for (uint32_t k = 0; k < g.node(it.node).succCount; ++k) s += ':' + std::to_string(st.tableDepths[it.arg + k]);
        break;
      }
      case SItem::Return: s += "ret"; break;
      case SItem::Unreachable: s += "unreachable"; break;
    }
  }
  return s;
}

std::string structureOf(const Cfg& g) {
  Structured st;
  structurize(g, st);
  return show(g, st);
}

}  // namespace

TEST(Structurize, StraightLineHasNoConstructs) {
  Cfg g;
  g.addNode(Exit::Br, {1});
  g.addNode(Exit::Br, {2});
  g.addNode(Exit::Return, {});
  EXPECT_EQ(structureOf(g), "B0 B1 B2 ret");
  checkRuns(g);
}

TEST(Structurize, DiamondIsIfElseWithoutBlock) {
  Cfg g;
  g.addNode(Exit::CondBr, {1, 2});
  g.addNode(Exit::Br, {3});
  g.addNode(Exit::Br, {3});
  g.addNode(Exit::Return, {});
  EXPECT_EQ(structureOf(g), "B0 c0 if B1 else B2 end B3 ret");
  checkRuns(g);
}

TEST(Structurize, IfWithoutElseIsBrIf) {
  // 0 -> (1, 2); 1 -> 2
  Cfg g;
  g.addNode(Exit::CondBr, {1, 2});
  g.addNode(Exit::Br, {2});
  g.addNode(Exit::Return, {});
  EXPECT_EQ(structureOf(g), "block B0 !c0 br_if0 B1 end B2 ret");
  checkRuns(g);
}

TEST(Structurize, WhileLoop) {
  // 0 -> 1; 1: cond -> (2 body, 3 exit); 2 -> 1
  Cfg g;
  g.addNode(Exit::Br, {1});
  g.addNode(Exit::CondBr, {2, 3});
  g.addNode(Exit::Br, {1});
  g.addNode(Exit::Return, {});
  EXPECT_EQ(structureOf(g), "B0 loop B1 c1 if B2 br1 end end B3 ret");
  checkRuns(g);
}

TEST(Structurize, DoWhileLoopEndsInBrIf) {
  // 0 -> 1; 1: body, cond -> (1, 2)
  Cfg g;
  g.addNode(Exit::Br, {1});
  g.addNode(Exit::CondBr, {1, 2});
  g.addNode(Exit::Return, {});
  EXPECT_EQ(structureOf(g), "B0 loop B1 c1 br_if0 end B2 ret");
  checkRuns(g);
}

TEST(Structurize, SwitchIsBrTableOverBlocks) {
  // 0: switch {1, 2, 3, default 4}; all go to 5
  Cfg g;
  g.addNode(Exit::Switch, {1, 2, 3, 4});
  for (int i = 0; i < 4; ++i) g.addNode(Exit::Br, {5});
  g.addNode(Exit::Return, {});
  EXPECT_EQ(structureOf(g),
            "block block block block block B0 c0 br_table:0:1:2:3 end B1 br3 end B2 br2 end B3 br1 end B4 end B5 ret");
  checkRuns(g);
}

TEST(Structurize, NestedLoopsWithBreakAndContinue) {
  // 0 -> 1(outer header) -> 2(inner header) -> cond(3: continue inner, 4)
  // 3 -> 2 ; 4: cond (1 continue outer, 5 break) ; 5 return
  Cfg g;
  g.addNode(Exit::Br, {1});
  g.addNode(Exit::Br, {2});
  g.addNode(Exit::CondBr, {3, 4});
  g.addNode(Exit::Br, {2});
  g.addNode(Exit::CondBr, {1, 5});
  g.addNode(Exit::Return, {});
  checkRuns(g);
}

TEST(Structurize, UnreachableNodesAreLeftOut) {
  Cfg g;
  g.addNode(Exit::Return, {});
  g.addNode(Exit::Br, {0});
  EXPECT_EQ(structureOf(g), "B0 ret");
}

TEST(Structurize, EqualTargetsDropTheCondition) {
  Cfg g;
  g.addNode(Exit::CondBr, {1, 1});
  g.addNode(Exit::Return, {});
  EXPECT_EQ(structureOf(g), "B0 c0 drop B1 ret");
  checkRuns(g);
}

TEST(Structurize, IrreducibleTwoEntryLoopGetsDispatch) {
  // 0 -> (1, 2); 1 -> (2, 3); 2 -> (1, 3); 3 return: the cycle 1<->2 has two entries.
  Cfg g;
  g.addNode(Exit::CondBr, {1, 2});
  g.addNode(Exit::CondBr, {2, 3});
  g.addNode(Exit::CondBr, {1, 3});
  g.addNode(Exit::Return, {});
  EXPECT_FALSE(isReducible(g));
  Cfg h = g;
  EXPECT_EQ(makeReducible(h), 5u);  // one dispatch, a setter per entry for edges from outside and inside
  EXPECT_TRUE(isReducible(h));
  checkRuns(g, 50);
}

TEST(Structurize, NestedIrreducibleRegions) {
  // An irreducible cycle inside another irreducible cycle.
  Cfg g;
  g.addNode(Exit::CondBr, {1, 2});   // 0
  g.addNode(Exit::CondBr, {3, 4});   // 1
  g.addNode(Exit::CondBr, {1, 4});   // 2
  g.addNode(Exit::CondBr, {4, 2});   // 3
  g.addNode(Exit::Switch, {3, 5, 1, 2});  // 4
  g.addNode(Exit::Return, {});       // 5
  checkRuns(g, 100, 500);
}

TEST(Structurize, LongChainsDoNotRecurse) {
  // 20000 diamonds in a row: dominator-tree depth 40000.
  Cfg g;
  const uint32_t n = 20000;
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t b = 3 * i;
    g.addNode(Exit::CondBr, {b + 1, b + 2});
    g.addNode(Exit::Br, {b + 3});
    g.addNode(Exit::Br, {b + 3});
  }
  g.addNode(Exit::Return, {});
  Structured st;
  structurize(g, st);
  EXPECT_EQ(st.order.size(), g.size());
  checkRuns(g, 3, 100000);
}

TEST(Structurize, RandomGraphs) {
  std::mt19937 rng(12345);
  for (int round = 0; round < 3000; ++round) {
    uint32_t n = 2 + rng() % 14;
    Cfg g;
    for (uint32_t v = 0; v < n; ++v) {
      auto target = [&] { return uint32_t(1 + rng() % (n - 1)); };  // nothing branches to the entry
      uint32_t r = rng() % 10;
      if (v == n - 1 || r == 0) {
        g.addNode(rng() % 4 ? Exit::Return : Exit::Unreachable, {});
      } else if (r < 4) {
        g.addNode(Exit::Br, {target()});
      } else if (r < 8) {
        g.addNode(Exit::CondBr, {target(), target()});
      } else {
        std::vector<uint32_t> s(2 + rng() % 4);
        for (auto& t : s) t = target();
        g.addNode(Exit::Switch, s);
      }
    }
    SCOPED_TRACE("round " + std::to_string(round));
    checkRuns(g, 8, 200);
    if (HasFatalFailure()) return;
  }
}
