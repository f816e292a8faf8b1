// codegen::hoistAndCse on hand-built MFuncs: loop-invariant pure operations
// move to the preheader (out of nested loops as far as their operands
// allow), operations that may trap or read memory stay, loops without a
// preheader are left alone, equal operations of one block are merged, and
// the optimized functions still compute the same results under node.
#include <gtest/gtest.h>
#include <algorithm>
#include <random>
#include "codegen/ir_passes.h"
#include "mir_test_util.h"

using namespace toyc;
using namespace toyc::codegen;
using namespace toyc::codegen::mirtest;

namespace {

// Runs the passes up to and including hoistAndCse on a copy of f (or only
// up to the one before).
MFunc optimized(const MFunc& f, bool licm = true) {
  MFunc g = f;
  FuncState s;
  s.f = &g;
  removeDeadCode(s);
  if (licm) hoistAndCse(s);
  return g;
}

// Whether instruction a comes before instruction b in the same block.
bool before(const MFunc& f, uint32_t a, uint32_t b) {
  if (f.insts[a].block != f.insts[b].block) return false;
  for (uint32_t i = f.next[a]; i != kNoValue; i = f.next[i])
    if (i == b) return true;
  return false;
}

}  // namespace

TEST(IrLicm, InvariantMovesToPreheader) {
  // acc = 0; i = 0; do { acc += p1 * 1600 + 7; i++ } while (i < p0); return acc
  MFunc f;
  f.type = {{ValType::I32, ValType::I32}, {ValType::I32}};
  uint32_t entry = f.newBlock(), loop = f.newBlock(), done = f.newBlock();
  f.current = loop;
  uint32_t i = f.add(OpPhi, Ty::I32, {}), acc = f.add(OpPhi, Ty::I32, {});
  f.current = entry;
  uint32_t n = param(f, 0), k = param(f, 1);
  uint32_t copyIn = f.add(OpCopy, Ty::None, {f.constI32(0), f.constI32(0), i, acc});
  br(f, loop);
  f.current = loop;
  uint32_t m = f.add(I32Mul, Ty::I32, {k, f.constI32(1600)});
  uint32_t inv = f.add(I32Add, Ty::I32, {m, f.constI32(7)});
  uint32_t acc1 = f.add(I32Add, Ty::I32, {acc, inv});
  uint32_t i1 = f.add(I32Add, Ty::I32, {i, f.constI32(1)});
  uint32_t c = f.add(I32LtS, Ty::I32, {i1, n});
  f.add(OpCopy, Ty::None, {i1, acc1, i, acc});
  condBr(f, c, loop, done);
  f.current = done;
  ret(f, acc);

  MFunc g = optimized(f);
  EXPECT_EQ(g.insts[m].block, entry);
  EXPECT_EQ(g.insts[inv].block, entry);
  EXPECT_TRUE(before(g, m, inv));
  EXPECT_TRUE(before(g, inv, copyIn));  // ahead of the copy into the loop's phis
  EXPECT_EQ(g.insts[acc1].block, loop);
  EXPECT_EQ(g.insts[i1].block, loop);
  EXPECT_EQ(g.insts[c].block, loop);
  EXPECT_TRUE(runs(f, "e.f(5,2)===16035&&e.f(1,0)===7"));
}

TEST(IrLicm, TrappingAndMemoryOperationsStay) {
  // acc = 0; i = 0;
  // while (i < p0) { if (p2) acc += p1 / p2 + p2 * 3 + *p3; i++ } return acc
  // The division would trap in the preheader when p2 == 0; the load reads
  // memory. The multiplication is pure: it moves although the block it is
  // in does not run in every iteration.
  MFunc f;
  f.type = {{ValType::I32, ValType::I32, ValType::I32, ValType::I32}, {ValType::I32}};
  uint32_t entry = f.newBlock(), head = f.newBlock(), body = f.newBlock(), divb = f.newBlock(), skip = f.newBlock(),
           done = f.newBlock();
  f.current = head;
  uint32_t i = f.add(OpPhi, Ty::I32, {}), acc = f.add(OpPhi, Ty::I32, {});
  f.current = entry;
  uint32_t n = param(f, 0), x = param(f, 1), y = param(f, 2), p = param(f, 3);
  f.add(OpCopy, Ty::None, {f.constI32(0), f.constI32(0), i, acc});
  br(f, head);
  f.current = head;
  condBr(f, f.add(I32LtS, Ty::I32, {i, n}), body, done);
  f.current = body;
  condBr(f, y, divb, skip);
  f.current = divb;
  uint32_t q = f.add(I32DivS, Ty::I32, {x, y});
  uint32_t m = f.add(I32Mul, Ty::I32, {y, f.constI32(3)});
  uint32_t qm = f.add(I32Add, Ty::I32, {q, m});
  uint32_t l = f.load(I32Load, Ty::I32, p, 0, 2);
  uint32_t acc1 = f.add(I32Add, Ty::I32, {acc, f.add(I32Add, Ty::I32, {qm, l})});
  f.add(OpCopy, Ty::None, {f.add(I32Add, Ty::I32, {i, f.constI32(1)}), acc1, i, acc});
  br(f, head);
  f.current = skip;
  f.add(OpCopy, Ty::None, {f.add(I32Add, Ty::I32, {i, f.constI32(1)}), i});
  br(f, head);
  f.current = done;
  ret(f, acc);

  MFunc g = optimized(f);
  EXPECT_EQ(g.insts[q].block, divb);
  EXPECT_EQ(g.insts[qm].block, divb);  // depends on the division
  EXPECT_EQ(g.insts[l].block, divb);
  EXPECT_EQ(g.insts[m].block, entry);
  // Memory at 0 holds 0: 3 * (10 / 2 + 6) = 33; nothing traps with p2 == 0.
  EXPECT_TRUE(runs(f, "e.f(3,10,2,0)===33&&e.f(3,10,0,0)===0&&e.f(0,1,0,0)===0"));
}

TEST(IrLicm, NestedLoopsHoistAsFarAsOperandsAllow) {
  // acc = 0; i = 0;
  // do { j = 0; do { acc += k * 8 + i * 4; j++ } while (j < n); i++ } while (i < n)
  // k * 8 leaves both loops; i * 4 (and the sum) only the inner one.
  MFunc f;
  f.type = {{ValType::I32, ValType::I32}, {ValType::I32}};
  uint32_t entry = f.newBlock(), ohead = f.newBlock(), ihead = f.newBlock(), olatch = f.newBlock(),
           done = f.newBlock();
  f.current = ohead;
  uint32_t i = f.add(OpPhi, Ty::I32, {}), acc = f.add(OpPhi, Ty::I32, {});
  f.current = ihead;
  uint32_t j = f.add(OpPhi, Ty::I32, {}), acc2 = f.add(OpPhi, Ty::I32, {});
  f.current = entry;
  uint32_t n = param(f, 0), k = param(f, 1);
  f.add(OpCopy, Ty::None, {f.constI32(0), f.constI32(0), i, acc});
  br(f, ohead);
  f.current = ohead;
  uint32_t innerCopy = f.add(OpCopy, Ty::None, {f.constI32(0), acc, j, acc2});
  br(f, ihead);
  f.current = ihead;
  uint32_t a = f.add(I32Mul, Ty::I32, {k, f.constI32(8)});
  uint32_t b = f.add(I32Mul, Ty::I32, {i, f.constI32(4)});
  uint32_t s = f.add(I32Add, Ty::I32, {a, b});
  uint32_t acc3 = f.add(I32Add, Ty::I32, {acc2, s});
  uint32_t j1 = f.add(I32Add, Ty::I32, {j, f.constI32(1)});
  uint32_t cj = f.add(I32LtS, Ty::I32, {j1, n});
  f.add(OpCopy, Ty::None, {j1, acc3, j, acc2});
  condBr(f, cj, ihead, olatch);
  f.current = olatch;
  uint32_t i1 = f.add(I32Add, Ty::I32, {i, f.constI32(1)});
  uint32_t ci = f.add(I32LtS, Ty::I32, {i1, n});
  f.add(OpCopy, Ty::None, {i1, acc2, i, acc});
  condBr(f, ci, ohead, done);
  f.current = done;
  ret(f, acc);

  MFunc g = optimized(f);
  EXPECT_EQ(g.insts[a].block, entry);
  EXPECT_EQ(g.insts[b].block, ohead);
  EXPECT_EQ(g.insts[s].block, ohead);
  EXPECT_TRUE(before(g, s, innerCopy));
  EXPECT_EQ(g.insts[acc3].block, ihead);
  EXPECT_EQ(g.insts[j1].block, ihead);
  // n = 3, k = 1: 3 * (3 * 8 + 4 * (0 + 1 + 2)) = 108.
  EXPECT_TRUE(runs(f, "e.f(3,1)===108&&e.f(1,5)===40&&e.f(4,0)===96"));
}

TEST(IrLicm, PhiAssignedOnTheWayInIsNotInvariant) {
  // The preheader's copy assigns t = p1 + 1 to a phi that the loop never
  // changes: it is constant in the loop, but hoisted code placed before
  // that copy would read the old value.
  MFunc f;
  f.type = {{ValType::I32, ValType::I32}, {ValType::I32}};
  uint32_t entry = f.newBlock(), loop = f.newBlock(), done = f.newBlock();
  f.current = loop;
  uint32_t i = f.add(OpPhi, Ty::I32, {}), t = f.add(OpPhi, Ty::I32, {}), acc = f.add(OpPhi, Ty::I32, {});
  f.current = entry;
  uint32_t n = param(f, 0), k = param(f, 1);
  f.add(OpCopy, Ty::None, {f.constI32(0), f.add(I32Add, Ty::I32, {k, f.constI32(1)}), f.constI32(0), i, t, acc});
  br(f, loop);
  f.current = loop;
  uint32_t m = f.add(I32Mul, Ty::I32, {t, f.constI32(3)});
  uint32_t acc1 = f.add(I32Add, Ty::I32, {acc, m});
  uint32_t i1 = f.add(I32Add, Ty::I32, {i, f.constI32(1)});
  f.add(OpCopy, Ty::None, {i1, acc1, i, acc});
  condBr(f, f.add(I32LtS, Ty::I32, {i1, n}), loop, done);
  f.current = done;
  ret(f, acc);

  MFunc g = optimized(f);
  EXPECT_EQ(g.insts[m].block, loop);
  EXPECT_TRUE(runs(f, "e.f(2,4)===30"));
}

TEST(IrLicm, LoopsWithoutPreheaderAreLeftAlone) {
  // Two blocks enter the loop: no single place to hoist to.
  {
    MFunc f;
    f.type = {{ValType::I32, ValType::I32, ValType::I32}, {ValType::I32}};
    uint32_t entry = f.newBlock(), x = f.newBlock(), y = f.newBlock(), loop = f.newBlock(), done = f.newBlock();
    f.current = loop;
    uint32_t i = f.add(OpPhi, Ty::I32, {});
    f.current = entry;
    uint32_t n = param(f, 0), k = param(f, 1), sel = param(f, 2);
    condBr(f, sel, x, y);
    f.current = x;
    f.add(OpCopy, Ty::None, {f.constI32(0), i});
    br(f, loop);
    f.current = y;
    f.add(OpCopy, Ty::None, {f.constI32(1), i});
    br(f, loop);
    f.current = loop;
    uint32_t m = f.add(I32Mul, Ty::I32, {k, f.constI32(3)});
    uint32_t i1 = f.add(I32Add, Ty::I32, {i, m});
    f.add(OpCopy, Ty::None, {i1, i});
    condBr(f, f.add(I32LtS, Ty::I32, {i1, n}), loop, done);
    f.current = done;
    ret(f, i);

    MFunc g = optimized(f);
    EXPECT_EQ(g.insts[m].block, loop);
    EXPECT_TRUE(runs(f, "e.f(10,2,1)===12&&e.f(10,2,0)===13"));
  }
}

// do { *p -= k * 3 } while (*p > 0), entered only if `go`: the block that
// enters the loop also branches elsewhere, so the loop gets a new block on
// that edge to hoist to. Without anything to hoist, the edge stays as it was.
MFunc conditionalEntry(bool invariant, uint32_t& entry, uint32_t& loop, uint32_t& m) {
  MFunc f;
  f.type = {{ValType::I32, ValType::I32, ValType::I32}, {ValType::I32}};
  entry = f.newBlock();
  loop = f.newBlock();
  uint32_t done = f.newBlock();
  f.current = entry;
  uint32_t go = param(f, 0), k = param(f, 1), p = param(f, 2);
  condBr(f, go, loop, done);
  f.current = loop;
  uint32_t v = f.load(I32Load, Ty::I32, p, 0, 2);
  m = f.add(I32Mul, Ty::I32, {invariant ? k : v, f.constI32(3)});
  uint32_t d = f.add(I32Sub, Ty::I32, {v, m});
  f.store(I32Store, p, d, 0, 2);
  condBr(f, f.add(I32GtS, Ty::I32, {d, f.constI32(0)}), loop, done);
  f.current = done;
  ret(f, f.load(I32Load, Ty::I32, p, 0, 2));
  return f;
}

TEST(IrLicm, ConditionalEntryGetsAPreheader) {
  uint32_t entry, loop, m;
  MFunc f = conditionalEntry(true, entry, loop, m);
  MFunc g = optimized(f);
  uint32_t pre = g.insts[m].block;
  ASSERT_NE(pre, loop);
  ASSERT_NE(pre, entry);
  ASSERT_EQ(g.cfg.succs(pre).size(), 1u);
  EXPECT_EQ(g.cfg.succs(pre)[0], loop);
  EXPECT_EQ(g.cfg.succs(entry)[0], pre);
  // memory[0] = 10: 10 - 6 = 4, 4 - 6 = -2.
  EXPECT_TRUE(runs(f, "(new Int32Array(e.memory.buffer)[0]=10)&&e.f(1,2,0)===-2&&e.f(0,2,0)===-2"));

  MFunc h = conditionalEntry(false, entry, loop, m);
  size_t blocks = h.blocks.size();
  MFunc k = optimized(h);
  EXPECT_EQ(k.insts[m].block, loop);
  EXPECT_EQ(k.cfg.succs(entry)[0], loop);
  EXPECT_EQ(k.cfg.succs(entry)[1], uint32_t(2));
  EXPECT_LE(k.blocks.size(), blocks + 1);
  // memory[0] = 10: 10 - 30 = -20.
  EXPECT_TRUE(runs(h, "(new Int32Array(e.memory.buffer)[0]=10)&&e.f(1,0,0)===-20"));
}

TEST(IrLicm, EqualOperationsOfABlockMerge) {
  // x = p0 * p1; y = p1 * p0; a = p0 + 5; b = p0 + 5 (another constant);
  // loads are not merged across a store; return (x + y) ^ (a - b) ^ (l1 - l2)
  MFunc f;
  f.type = {{ValType::I32, ValType::I32, ValType::I32}, {ValType::I32}};
  f.current = f.newBlock();
  uint32_t p0 = param(f, 0), p1 = param(f, 1), p = param(f, 2);
  uint32_t x = f.add(I32Mul, Ty::I32, {p0, p1});
  uint32_t y = f.add(I32Mul, Ty::I32, {p1, p0});
  uint32_t a = f.add(I32Add, Ty::I32, {p0, f.constI32(5)});
  uint32_t b = f.add(I32Add, Ty::I32, {p0, f.constI32(5)});
  uint32_t c = f.add(I32Add, Ty::I32, {p0, f.constI32(6)});
  uint32_t d = f.add(I32Sub, Ty::I32, {p1, p0});  // not commutative: differs from p0 - p1
  uint32_t e = f.add(I32Sub, Ty::I32, {p0, p1});
  uint32_t l1 = f.load(I32Load, Ty::I32, p, 0, 2);
  f.store(I32Store, p, f.constI32(9), 0, 2);
  uint32_t l2 = f.load(I32Load, Ty::I32, p, 0, 2);
  uint32_t r = f.add(I32Xor, Ty::I32, {f.add(I32Add, Ty::I32, {x, y}), f.add(I32Sub, Ty::I32, {a, b})});
  r = f.add(I32Xor, Ty::I32, {r, f.add(I32Sub, Ty::I32, {l1, l2})});
  r = f.add(I32Xor, Ty::I32, {r, f.add(I32Add, Ty::I32, {c, f.add(I32Add, Ty::I32, {d, e})})});
  ret(f, r);

  MFunc g = optimized(f);
  EXPECT_EQ(g.insts[y].op, OpNop);
  EXPECT_EQ(g.insts[b].op, OpNop);
  EXPECT_NE(g.insts[c].op, OpNop);
  EXPECT_NE(g.insts[d].op, OpNop);
  EXPECT_NE(g.insts[e].op, OpNop);
  EXPECT_NE(g.insts[l2].op, OpNop);
  // Every use of y and b now reads x and a.
  for (uint32_t blk = 0; blk < g.blocks.size(); ++blk)
    for (uint32_t i = g.blocks[blk].first; i != kNoValue; i = g.next[i])
      for (uint32_t o : g.ops(i)) EXPECT_TRUE(o != y && o != b);
  // p0 = 3, p1 = 4, memory[0] = 0: 24 ^ 0 ^ -9 ^ (9 + 0)
  EXPECT_TRUE(runs(f, "e.f(3,4,0)===(24^-9^9)"));
}

TEST(IrLicm, PhiReadersAreNotMergedAcrossACopy) {
  // In a block that assigns a phi before its branch, i + 1 after the copy
  // reads the new value of i.
  MFunc f;
  f.type = {{ValType::I32}, {ValType::I32}};
  uint32_t entry = f.newBlock(), loop = f.newBlock(), done = f.newBlock();
  f.current = loop;
  uint32_t i = f.add(OpPhi, Ty::I32, {});
  f.current = entry;
  uint32_t n = param(f, 0);
  f.add(OpCopy, Ty::None, {f.constI32(0), i});
  br(f, loop);
  f.current = loop;
  uint32_t i1 = f.add(I32Add, Ty::I32, {i, f.constI32(1)});
  f.add(OpCopy, Ty::None, {i1, i});
  uint32_t i2 = f.add(I32Add, Ty::I32, {i, f.constI32(1)});
  condBr(f, f.add(I32LtS, Ty::I32, {i2, n}), loop, done);
  f.current = done;
  ret(f, i);

  MFunc g = optimized(f);
  EXPECT_NE(g.insts[i2].op, OpNop);
  EXPECT_NE(g.insts[i1].op, OpNop);
}

namespace {

// Random functions of two i32 parameters for the differential test below:
// nested counted loops (some entered from a block that also branches
// elsewhere), if/else, integer arithmetic on parameters, variables and
// constants, repeated operations (for CSE), loads and stores in a 64-byte
// scratch area at address 0, and unsigned divisions by an if's condition
// inside its then-branch (they must not move where the condition may be 0).
// Variables are phis of block 1 assigned by copies at the ends of blocks.
class RandomFunction {
public:
  explicit RandomFunction(uint32_t seed) : rng_(seed) {}

  MFunc make() {
    f_.type = {{ValType::I32, ValType::I32}, {ValType::I32}};
    uint32_t entry = f_.newBlock(), start = f_.newBlock();
    f_.current = start;
    for (int v = 0; v < 6; ++v) vars_.push_back(f_.add(OpPhi, Ty::I32, {}));
    f_.current = entry;
    params_ = {f_.add(OpParam, Ty::I32, {}, 0), f_.add(OpParam, Ty::I32, {}, 1)};
    std::vector<uint32_t> init;
    for (uint32_t v = 0; v < vars_.size(); ++v) init.push_back(v < 2 ? params_[v] : f_.constI32(int32_t(v)));
    for (uint32_t v : vars_) init.push_back(v);
    f_.add(OpCopy, Ty::None, init);
    br(f_, start);
    f_.current = start;
    enterBlock();
    statements(0, 5);
    uint32_t last = f_.newBlock();
    jump(last);
    f_.current = last;
    uint32_t r = f_.load(0x28, Ty::I32, f_.constI32(0), 0, 2);
    for (uint32_t v : vars_) r = f_.add(I32Xor, Ty::I32, {f_.add(I32Mul, Ty::I32, {r, f_.constI32(31)}), v});
    ret(f_, r);
    return f_;
  }

private:
  uint32_t pick(uint32_t n) { return std::uniform_int_distribution<uint32_t>(0, n - 1)(rng_); }

  void enterBlock() {
    local_.clear();
    guardDivisor_ = kNoValue;
  }

  uint32_t operand() {
    switch (pick(6)) {
      case 0: return params_[pick(2)];
      case 1: return f_.constI32(int32_t(pick(9)) - 2);
      case 2: case 3: if (!local_.empty()) return local_[pick(uint32_t(local_.size()))]; [[fallthrough]];
      default: return vars_[pick(uint32_t(vars_.size()))];
    }
  }

  uint32_t expr() {
    static const uint16_t binary[] = {0x6a, 0x6b, 0x6c, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77,
                                      0x46, 0x47, 0x48, 0x49, 0x4c, 0x4f};
    uint32_t v;
    uint32_t k = pick(12);
    if (k < 6) {
      v = f_.add(binary[pick(std::size(binary))], Ty::I32, {operand(), operand()});
    } else if (k == 6 && !local_.empty()) {
      // The same operation again (operands swapped when that is equal).
      uint32_t o = local_[pick(uint32_t(local_.size()))];
      MInst in = f_.insts[o];
      std::vector<uint32_t> ops(f_.ops(o).begin(), f_.ops(o).end());
      if (ops.size() == 2 && (in.op == 0x6a || in.op == 0x6c || in.op == 0x73)) std::swap(ops[0], ops[1]);
      v = isLoad(in.op) ? f_.load(in.op, Ty::I32, ops[0], uint32_t(in.imm), in.align)
                        : f_.add(in.op, in.ty, ops, in.imm, in.sym);
    } else if (k == 7) {
      v = f_.add(0x1b, Ty::I32, {operand(), operand(), operand()});  // select
    } else if (k == 8) {
      v = f_.add(pick(2) ? 0x45 : 0x69, Ty::I32, {operand()});  // eqz, popcnt
    } else if (k == 9) {
      v = f_.load(0x28, Ty::I32, f_.add(0x71, Ty::I32, {operand(), f_.constI32(60)}), 0, 2);
    } else if (k == 10 && guardDivisor_ != kNoValue) {
      v = f_.add(0x6e, Ty::I32, {operand(), guardDivisor_});  // i32.div_u
    } else {
      v = f_.add(0x6a, Ty::I32, {f_.add(0x6c, Ty::I32, {params_[pick(2)], f_.constI32(int32_t(pick(50)) + 2)}),
                                 operand()});
    }
    local_.push_back(v);
    return v;
  }

  // Straight-line code; some variables get new values, assigned by the
  // copy at the end of the block. Returns a value for a branch condition.
  uint32_t code() {
    uint32_t n = pick(5) + 1;
    for (uint32_t i = 0; i < n; ++i) {
      if (pick(5) == 0) f_.store(0x36, f_.add(0x71, Ty::I32, {operand(), f_.constI32(60)}), expr(), 0, 2);
      else expr();
    }
    uint32_t cond = expr();
    for (uint32_t v : vars_)
      if (pick(3) == 0) assign(v, local_[pick(uint32_t(local_.size()))]);
    return cond;
  }

  void assign(uint32_t phi, uint32_t value) {
    for (auto& [d, v] : pending_)
      if (d == phi) {
        v = value;
        return;
      }
    pending_.push_back({phi, value});
  }

  // The copy that ends the current block.
  void endBlock() {
    if (pending_.empty()) return;
    std::vector<uint32_t> ops;
    for (auto [d, v] : pending_) ops.push_back(v);
    for (auto [d, v] : pending_) ops.push_back(d);
    f_.add(OpCopy, Ty::None, ops);
    pending_.clear();
  }

  void jump(uint32_t to) {
    endBlock();
    br(f_, to);
  }

  void branch(uint32_t cond, uint32_t ifTrue, uint32_t ifFalse) {
    endBlock();
    condBr(f_, cond, ifTrue, ifFalse);
  }

  void statements(uint32_t depth, uint32_t count) {
    for (uint32_t i = 0; i < count; ++i) {
      uint32_t k = depth >= 3 ? 2 : pick(3);
      if (k == 0) loop(depth);
      else if (k == 1) ifElse(depth);
      else code();
    }
  }

  // for (c = 0; c < n; c++) body; optionally skipped as a whole.
  void loop(uint32_t depth) {
    uint32_t c = counters_.size() > depth ? counters_[depth] : kNoValue;
    if (c == kNoValue) {
      uint32_t saved = f_.current;
      f_.current = 1;
      c = f_.add(OpPhi, Ty::I32, {});
      f_.moveBefore(c, f_.blocks[1].first);
      f_.current = saved;
      counters_.push_back(c);
    }
    uint32_t head = f_.newBlock(), body = f_.newBlock(), join = f_.newBlock();
    uint32_t cond = code();
    assign(c, f_.constI32(0));
    if (pick(3) == 0) branch(cond, head, join);
    else jump(head);
    f_.current = head;
    enterBlock();
    branch(f_.add(0x49, Ty::I32, {c, f_.constI32(int32_t(pick(3)) + 1)}), body, join);
    f_.current = body;
    enterBlock();
    statements(depth + 1, pick(3) + 1);
    code();
    assign(c, f_.add(0x6a, Ty::I32, {c, f_.constI32(1)}));
    jump(head);
    f_.current = join;
    enterBlock();
  }

  void ifElse(uint32_t depth) {
    uint32_t then = f_.newBlock(), other = f_.newBlock(), join = f_.newBlock();
    uint32_t cond = code();
    branch(cond, then, other);
    f_.current = then;
    enterBlock();
    guardDivisor_ = cond;
    statements(depth + 1, pick(2) + 1);
    jump(join);
    f_.current = other;
    enterBlock();
    statements(depth + 1, pick(2));
    jump(join);
    f_.current = join;
    enterBlock();
  }

  std::mt19937 rng_;
  MFunc f_;
  std::vector<uint32_t> params_, vars_, counters_, local_;
  std::vector<std::pair<uint32_t, uint32_t>> pending_;  // (phi, value) for the copy that ends the block
  uint32_t guardDivisor_ = kNoValue;
};

}  // namespace

TEST(IrLicm, RandomFunctionsComputeWhatTheyDid) {
  constexpr uint32_t kFuncs = 300;
  const std::pair<uint32_t, uint32_t> args[] = {{0, 0}, {1, 2}, {7, 0}, {0xfffffff0u, 5}, {12345, 678}};
  std::vector<MFunc> fs;
  std::vector<MFunc*> ptrs;
  std::string want;
  uint32_t hoisted = 0, merged = 0;
  for (uint32_t seed = 0; seed < kFuncs; ++seed) {
    fs.push_back(RandomFunction(seed).make());
    for (auto [a, b] : args) {
      auto r = interpret(fs.back(), a, b);
      want += r ? std::to_string(*r) : std::string("trap");
      want += "\n";
    }
    // The test must exercise both transformations.
    MFunc before = optimized(fs.back(), false), g = optimized(fs.back());
    for (uint32_t i = 0; i < before.insts.size(); ++i) {
      merged += g.insts[i].op == OpNop && before.insts[i].op != OpNop;
      hoisted += g.insts[i].op != OpNop && g.insts[i].block != before.insts[i].block;
    }
  }
  EXPECT_GT(hoisted, kFuncs);
  EXPECT_GT(merged, kFuncs / 4);
  for (MFunc& f : fs) ptrs.push_back(&f);
  expectResults(ptrs, args, want);
}
