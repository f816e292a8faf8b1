// The CFG structurizer: turns a control-flow graph into WebAssembly's
// structured control flow (block, loop, if/else, br, br_if, br_table).
//
// Algorithm: Norman Ramsey, "Beyond Relooper: recursive translation of
// unstructured control flow to structured control flow" (ICFP 2022), which
// is also what LLVM's WebAssemblyCFGStackify computes. On a reducible CFG
// with reverse-postorder numbers (rpo) and a dominator tree:
//
//   doTree(x)        = loop { nodeWithin(x, ys) } if x is a loop header
//                      (the target of a back edge), else nodeWithin(x, ys);
//                      ys = the dominator-tree children of x that need a
//                      label, highest rpo first
//   nodeWithin(x, y:ys) = block { nodeWithin(x, ys) } ; doTree(y)
//   nodeWithin(x, [])   = x's code, then its exit branches
//   branch x -> t    = `br` to the enclosing loop of t if the edge goes
//                      backward (rpo[t] <= rpo[x]); `br` to the block that
//                      t follows if t needs a label; otherwise t is
//                      dominated by x with x as its only predecessor and
//                      doTree(t) is placed right there (inline).
//
// A node needs a label when it has two or more forward predecessors (a
// merge node) or is the target of a multi-way branch (br_table names every
// target by label). Every branch in tail position to the code that follows
// anyway (the fall-through node) is left out, conditional branches become
// br_if when one side is a label and if/else when both sides are inline.
// The recursion is run with an explicit task stack, so long chains of
// blocks do not exhaust the thread's stack.
//
// Irreducible CFGs (a cycle entered at more than one node, as C's goto can
// make) are first made reducible by makeReducible, the construction of
// LLVM's WebAssemblyFixIrreducibleControlFlow: for every strongly connected
// region with several entries, each edge into entry i is routed through a
// new node that stores i in a label variable and goes to a new dispatch
// node, which branches to entry i by a br_table on the variable. The
// dispatch node is then the region's only entry; the region without its
// entry is examined again, recursively, for inner cycles.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <span>
#include <vector>

namespace toyc::codegen {

// How a node ends. Successors are read by position:
//   Br: {target}; CondBr: {ifTrue, ifFalse}; Switch: {case 0, ..., case n-1, default}.
enum class Exit : uint8_t { Return, Unreachable, Br, CondBr, Switch };

// Nodes a client makes itself, and the two kinds makeReducible adds.
enum class NodeKind : uint8_t { Client, SetLabel, Dispatch };

struct CfgNode {
  Exit exit = Exit::Return;
  NodeKind kind = NodeKind::Client;
  uint32_t label = 0;  // SetLabel: the value it stores in the label variable
  uint32_t succBegin = 0, succCount = 0;
};

// A control-flow graph; node 0 is the entry and must have no predecessors.
class Cfg {
public:
  uint32_t addNode(Exit exit, std::span<const uint32_t> succs, NodeKind kind = NodeKind::Client, uint32_t label = 0);
  uint32_t addNode(Exit exit, std::initializer_list<uint32_t> succs) {
    return addNode(exit, std::span<const uint32_t>(succs.begin(), succs.size()));
  }
  uint32_t size() const { return uint32_t(nodes_.size()); }
  const CfgNode& node(uint32_t n) const { return nodes_[n]; }
  std::span<const uint32_t> succs(uint32_t n) const { return {succs_.data() + nodes_[n].succBegin, nodes_[n].succCount}; }
  void setSucc(uint32_t n, uint32_t i, uint32_t target) { succs_[nodes_[n].succBegin + i] = target; }
  // Replaces a node's exit and successors (for nodes added before their
  // exit was known).
  void setExit(uint32_t n, Exit exit, std::span<const uint32_t> succs);
  void clear() {
    nodes_.clear();
    succs_.clear();
  }

private:
  std::vector<CfgNode> nodes_;
  std::vector<uint32_t> succs_;
};

// Reverse postorder, predecessors and immediate dominators of the nodes
// reachable from node 0 (also used by loop optimizations).
struct CfgAnalysis {
  std::vector<uint32_t> rpo;      // node -> rpo number, UINT32_MAX if unreachable
  std::vector<uint32_t> order;    // rpo number -> node
  std::vector<uint32_t> predBegin, preds;  // CSR, reachable predecessors only
  std::vector<uint32_t> idom;

  void run(const Cfg& g);
  uint32_t intersect(uint32_t a, uint32_t b) const;
  bool dominates(uint32_t a, uint32_t b) const;  // both reachable
};

// True if every cycle has a single entry (every retreating edge of a depth-
// first search goes to a node that dominates its source).
bool isReducible(const Cfg& g);

// Adds SetLabel and Dispatch nodes (see above) until g is reducible and
// returns the number of nodes added. A Dispatch node's exit is a Switch on
// the label variable; a SetLabel node stores its label and branches to its
// dispatch node. All of them share one label variable.
uint32_t makeReducible(Cfg& g);

// One step of the structured program.
struct SItem {
  enum Kind : uint8_t {
    Body,         // node's code (everything before its exit)
    Cond,         // push node's branch condition (negated if `negate`) or switch selector
    Drop,         // drop the value Cond pushed (a conditional branch with equal targets)
    Block, Loop, If, Else, End,
    Br, BrIf,     // arg: label depth
    BrTable,      // node's switch; arg: index in Structured::tableDepths (succCount entries)
    Return,       // node's return
    Unreachable,
  };
  Kind kind;
  bool negate = false;
  uint32_t node = 0;
  uint32_t arg = 0;
};

struct Structured {
  std::vector<SItem> items;
  std::vector<uint32_t> tableDepths;
  std::vector<uint32_t> order;  // reachable nodes in the order their bodies appear
};

// Structures a reducible CFG (call makeReducible first if needed). Nodes
// not reachable from the entry are left out. `out` is reused to avoid
// allocations.
void structurize(const Cfg& g, Structured& out);

}  // namespace toyc::codegen
