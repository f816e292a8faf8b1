// codegen::mergeEdgeCopies and checkPhiReads on hand-built MFuncs: a loop
// latch's copy moves before the conditional branch when nothing on the
// exit side reads the phis it writes, and stays on its own edge when the
// exit reads one (directly, through a folded address, or as the branch
// condition), however far behind the exit; random loops whose exits read
// their phis compute under node what the MFuncs compute when interpreted.
#include <gtest/gtest.h>
#include <algorithm>
#include <random>
#include "codegen/ir_passes.h"
#include "mir_test_util.h"

using namespace toyc;
using namespace toyc::codegen;
using namespace toyc::codegen::mirtest;

namespace {

constexpr uint16_t I32Eqz = 0x45, I32And = 0x71;

// removeDeadCode and mergeEdgeCopies on a copy of f.
MFunc merged(const MFunc& f) {
  MFunc g = f;
  FuncState s;
  s.f = &g;
  removeDeadCode(s);
  mergeEdgeCopies(s);
  return g;
}

// for (i = 0, s = 0; ; ) { s += i; i++; if (!(i < n)) break; } with the
// latch copy on its own block `latch`; `done` returns s2.
struct SumLoop {
  MFunc f;
  uint32_t loop, latch, done, i, s, copy, cond;
  SumLoop() {
    f.type = {{ValType::I32}, {ValType::I32}};
    uint32_t entry = f.newBlock();
    loop = f.newBlock(), latch = f.newBlock(), done = f.newBlock();
    f.current = loop;
    i = f.add(OpPhi, Ty::I32, {});
    s = f.add(OpPhi, Ty::I32, {});
    f.current = entry;
    uint32_t n = param(f, 0);
    f.add(OpCopy, Ty::None, {f.constI32(0), f.constI32(0), i, s});
    br(f, loop);
    f.current = loop;
    uint32_t s2 = f.add(I32Add, Ty::I32, {s, i});
    uint32_t i1 = f.add(I32Add, Ty::I32, {i, f.constI32(1)});
    cond = f.add(I32LtS, Ty::I32, {i1, n});
    condBr(f, cond, latch, done);
    f.current = latch;
    copy = f.add(OpCopy, Ty::None, {i1, s2, i, s});
    br(f, loop);
    f.current = done;
    result = s2;
  }
  uint32_t result;
};

}  // namespace

TEST(IrCopies, LatchCopyMovesBeforeTheBranch) {
  SumLoop l;
  ret(l.f, l.result);
  MFunc g = merged(l.f);
  EXPECT_EQ(g.insts[l.copy].block, l.loop);
  EXPECT_EQ(g.next[l.copy], g.blocks[l.loop].last);  // right before the exit
  EXPECT_EQ(g.cfg.succs(l.loop)[0], l.loop);
  EXPECT_EQ(g.cfg.node(l.latch).exit, Exit::Unreachable);
  EXPECT_EQ(checkPhiReads(g), "");
  EXPECT_TRUE(runs(l.f, "e.f(10)===45&&e.f(1)===0&&e.f(0)===0"));
}

TEST(IrCopies, ExitReadingAPhiKeepsTheCopyOnItsEdge) {
  // The exit returns s + i: both phis are read after the loop.
  SumLoop l;
  ret(l.f, l.f.add(I32Add, Ty::I32, {l.s, l.i}));
  MFunc g = merged(l.f);
  EXPECT_EQ(g.insts[l.copy].block, l.latch);
  EXPECT_EQ(g.cfg.succs(l.loop)[0], l.latch);
  EXPECT_EQ(checkPhiReads(g), "");
  EXPECT_TRUE(runs(l.f, "e.f(10)===45&&e.f(3)===3&&e.f(0)===0"));
}

TEST(IrCopies, FoldedAddressAfterTheExitKeepsTheCopy) {
  // SQLite's list merge in small: walk a list to its last node, then store
  // through the last node's address plus 4 (a getelementptr folded into
  // the store's offset reads the pointer phi after the exit). Nodes are
  // {key, next} at 8, 16, 24 (keys 5, 6, 7); the result is the key of the
  // last node and what the store left there.
  MFunc f;
  f.type = {{ValType::I32}, {ValType::I32}};
  uint32_t entry = f.newBlock(), loop = f.newBlock(), latch = f.newBlock(), done = f.newBlock();
  f.current = loop;
  uint32_t p = f.add(OpPhi, Ty::I32, {});
  f.current = entry;
  uint32_t x = param(f, 0);
  for (int k = 0; k < 3; ++k) {
    f.store(I32Store, f.constI32(8 + 8 * k), f.constI32(5 + k), 0, 2);
    f.store(I32Store, f.constI32(8 + 8 * k), f.constI32(k < 2 ? 16 + 8 * k : 0), 4, 2);
  }
  f.add(OpCopy, Ty::None, {f.constI32(8), p});
  br(f, loop);
  f.current = loop;
  uint32_t nx = f.load(I32Load, Ty::I32, p, 4, 2);
  condBr(f, nx, latch, done);
  f.current = latch;
  uint32_t copy = f.add(OpCopy, Ty::None, {nx, p});
  br(f, loop);
  f.current = done;
  f.store(I32Store, p, x, 4, 2);
  ret(f, f.add(I32Add, Ty::I32, {f.load(I32Load, Ty::I32, p, 0, 2), f.load(I32Load, Ty::I32, f.constI32(28), 0, 2)}));

  MFunc g = merged(f);
  EXPECT_EQ(g.insts[copy].block, latch);
  EXPECT_EQ(checkPhiReads(g), "");
  EXPECT_TRUE(runs(f, "e.f(100)===107&&e.f(0)===7"));
}

TEST(IrCopies, BranchOnThePhiKeepsTheCopy) {
  // do { s += i; } while (i-- != 0): the branch reads i, the copy writes i - 1.
  MFunc f;
  f.type = {{ValType::I32}, {ValType::I32}};
  uint32_t entry = f.newBlock(), loop = f.newBlock(), latch = f.newBlock(), done = f.newBlock();
  f.current = loop;
  uint32_t i = f.add(OpPhi, Ty::I32, {}), s = f.add(OpPhi, Ty::I32, {});
  f.current = entry;
  uint32_t n = param(f, 0);
  f.add(OpCopy, Ty::None, {n, f.constI32(0), i, s});
  br(f, loop);
  f.current = loop;
  uint32_t s2 = f.add(I32Add, Ty::I32, {f.add(I32Add, Ty::I32, {s, i}), f.constI32(1)});
  uint32_t dec = f.add(I32Sub, Ty::I32, {i, f.constI32(1)});
  condBr(f, i, latch, done);
  f.current = latch;
  uint32_t copy = f.add(OpCopy, Ty::None, {dec, s2, i, s});
  br(f, loop);
  f.current = done;
  ret(f, s2);

  MFunc g = merged(f);
  EXPECT_EQ(g.insts[copy].block, latch);
  EXPECT_EQ(checkPhiReads(g), "");
  EXPECT_TRUE(runs(f, "e.f(5)===21&&e.f(0)===1"));
}

TEST(IrCopies, ReadFarBehindTheExitKeepsTheCopy) {
  // The exit goes through two more blocks (one of them a branch) before
  // the phi is read.
  SumLoop l;
  uint32_t b1 = l.f.newBlock(), b2 = l.f.newBlock(), b3 = l.f.newBlock();
  br(l.f, b1);
  l.f.current = b1;
  condBr(l.f, l.result, b2, b3);
  l.f.current = b2;
  ret(l.f, l.f.add(I32Mul, Ty::I32, {l.i, l.f.constI32(100)}));
  l.f.current = b3;
  ret(l.f, l.f.constI32(7));
  MFunc g = merged(l.f);
  EXPECT_EQ(g.insts[l.copy].block, l.latch);
  EXPECT_EQ(checkPhiReads(g), "");
  EXPECT_TRUE(runs(l.f, "e.f(10)===900&&e.f(1)===7"));
}

TEST(IrCopies, ReadAfterReenteringTheHeaderDoesNotBlock) {
  // The other side of the branch assigns the phi itself and goes back to
  // the loop, which then reads it: that read sees the value of the new
  // pass whichever way the loop was re-entered.
  //   loop: i1 = i + 1; if (i1 >= n) return i1;
  //   body: if (i1 & 1) { i = i1 } else { i = i1 + 1 }; goto loop
  MFunc f;
  f.type = {{ValType::I32}, {ValType::I32}};
  uint32_t entry = f.newBlock(), loop = f.newBlock(), body = f.newBlock(), odd = f.newBlock(), even = f.newBlock(),
           done = f.newBlock();
  f.current = loop;
  uint32_t i = f.add(OpPhi, Ty::I32, {});
  f.current = entry;
  uint32_t n = param(f, 0);
  f.add(OpCopy, Ty::None, {f.constI32(0), i});
  br(f, loop);
  f.current = loop;
  uint32_t i1 = f.add(I32Add, Ty::I32, {i, f.constI32(1)});
  condBr(f, f.add(I32LtS, Ty::I32, {i1, n}), body, done);
  f.current = body;
  condBr(f, f.add(I32And, Ty::I32, {i1, f.constI32(1)}), odd, even);
  f.current = odd;
  uint32_t copy = f.add(OpCopy, Ty::None, {i1, i});
  br(f, loop);
  f.current = even;
  f.add(OpCopy, Ty::None, {f.add(I32Add, Ty::I32, {i1, f.constI32(1)}), i});
  br(f, loop);
  f.current = done;
  ret(f, i1);

  MFunc g = merged(f);
  EXPECT_EQ(g.insts[copy].block, body);
  EXPECT_EQ(g.cfg.succs(body)[0], loop);
  EXPECT_EQ(g.cfg.succs(body)[1], even);  // one copy per block: the other stays
  EXPECT_EQ(checkPhiReads(g), "");
  EXPECT_TRUE(runs(f, "e.f(10)===10&&e.f(5)===6&&e.f(0)===1"));
}

TEST(IrCopies, CheckPhiReadsFindsAReadAfterTheCopy) {
  // The latch copy placed before the branch by hand, with the exit reading
  // the phi: the placement that dropped the last node of SQLite's merge.
  SumLoop l;
  l.f.current = l.done;
  ret(l.f, l.f.add(I32Add, Ty::I32, {l.s, l.i}));
  EXPECT_EQ(checkPhiReads(l.f), "");
  l.f.moveBefore(l.copy, l.f.blocks[l.loop].last);
  l.f.cfg.setSucc(l.loop, 0, l.loop);
  std::string why = checkPhiReads(l.f);
  EXPECT_NE(why.find("is read by"), std::string::npos) << why;
  EXPECT_NE(why.find("in block " + std::to_string(l.done)), std::string::npos) << why;

  // A read in the same block after the copy, too.
  SumLoop m;
  ret(m.f, m.result);
  m.f.moveBefore(m.copy, m.f.blocks[m.loop].last);
  m.f.cfg.setSucc(m.loop, 0, m.loop);
  EXPECT_EQ(checkPhiReads(m.f), "");
  uint32_t late = m.f.addDetached(I32Add, Ty::I32, std::initializer_list<uint32_t>{m.i, m.f.constI32(1)});
  m.f.moveBefore(late, m.f.blocks[m.loop].last);
  EXPECT_NE(checkPhiReads(m.f).find("is read by %" + std::to_string(late)), std::string::npos);
}

namespace {

// Random functions of two i32 parameters made of loops in sequence. Each
// loop has 2-4 phis (the first counts down to 0 and bounds the loop), an
// optional early exit from the header, and a latch that continues on a
// random condition (sometimes the counter phi itself) through a copy block
// of its own, as a frontend makes them. The exits read the phis at random:
// directly, as load and store addresses with offsets, after a chain of
// blocks, or not at all; then they assign the phis of a join block that
// carries the state to the next loop. Loads and stores use the 64 bytes at
// address 0.
class RandomLoops {
public:
  explicit RandomLoops(uint32_t seed) : rng_(seed) {}

  std::vector<std::pair<uint32_t, uint32_t>> latches;  // (copy, its block)

  MFunc make() {
    f_.type = {{ValType::I32, ValType::I32}, {ValType::I32}};
    f_.current = f_.newBlock();
    live_ = {param(f_, 0), param(f_, 1)};
    uint32_t loops = pick(3) + 1;
    for (uint32_t k = 0; k < loops; ++k) loop();
    uint32_t r = f_.load(I32Load, Ty::I32, f_.constI32(int32_t(4 * pick(16))), 0, 2);
    for (uint32_t v : live_) r = f_.add(I32Xor, Ty::I32, {f_.add(I32Mul, Ty::I32, {r, f_.constI32(31)}), v});
    ret(f_, r);
    return f_;
  }

private:
  uint32_t pick(uint32_t n) { return std::uniform_int_distribution<uint32_t>(0, n - 1)(rng_); }
  uint32_t any(const std::vector<uint32_t>& vs) { return vs[pick(uint32_t(vs.size()))]; }

  uint32_t expr(const std::vector<uint32_t>& from) {
    static const uint16_t binary[] = {0x6a, 0x6b, 0x6c, 0x71, 0x72, 0x73, 0x74, 0x76, 0x46, 0x47, 0x49, 0x4f};
    switch (pick(6)) {
      case 0: return f_.add(binary[pick(std::size(binary))], Ty::I32, {any(from), f_.constI32(int32_t(pick(9)) - 2)});
      case 1: return f_.load(I32Load, Ty::I32, addr(any(from)), 4, 2);
      case 2: return f_.add(0x1b, Ty::I32, {any(from), any(from), any(from)});  // select
      default: return f_.add(binary[pick(std::size(binary))], Ty::I32, {any(from), any(from)});
    }
  }
  // An address in the scratch area (with 4 added by the offset).
  uint32_t addr(uint32_t v) { return f_.add(I32And, Ty::I32, {v, f_.constI32(56)}); }

  void code(std::vector<uint32_t>& values, uint32_t n) {
    for (uint32_t k = 0; k < n; ++k) {
      if (pick(4) == 0) f_.store(I32Store, addr(any(values)), any(values), 4, 2);
      values.push_back(expr(values));
    }
  }

  // Reads after an exit: values from `from` (phis among them) folded the
  // way instruction selection folds them, then the copy into the join.
  void exitTo(uint32_t join, const std::vector<uint32_t>& joinPhis, std::vector<uint32_t> from, bool readPhis,
              const std::vector<uint32_t>& phis) {
    std::vector<uint32_t> vals = live_;
    if (pick(3) == 0) {  // a chain of blocks before the reads
      uint32_t next = f_.newBlock();
      br(f_, next);
      f_.current = next;
    }
    if (readPhis) {
      uint32_t p = any(phis);
      switch (pick(3)) {
        case 0: vals.push_back(f_.add(I32Add, Ty::I32, {p, f_.constI32(int32_t(pick(100)))})); break;
        case 1: vals.push_back(f_.load(I32Load, Ty::I32, addr(p), 4, 2)); break;
        default: f_.store(I32Store, addr(p), any(from), 4, 2); vals.push_back(p); break;
      }
    }
    for (uint32_t v : from)
      if (std::find(phis.begin(), phis.end(), v) == phis.end()) vals.push_back(v);
    std::vector<uint32_t> ops;
    for (size_t k = 0; k < joinPhis.size(); ++k) ops.push_back(any(vals));
    ops.insert(ops.end(), joinPhis.begin(), joinPhis.end());
    f_.add(OpCopy, Ty::None, ops);
    br(f_, join);
  }

  void loop() {
    uint32_t head = f_.newBlock(), body = f_.newBlock(), latch = f_.newBlock(), exitB = f_.newBlock(),
             join = f_.newBlock();
    uint32_t pre = f_.current;
    std::vector<uint32_t> phis, joinPhis;
    f_.current = head;
    uint32_t nPhis = pick(3) + 2;
    for (uint32_t k = 0; k < nPhis; ++k) phis.push_back(f_.add(OpPhi, Ty::I32, {}));
    f_.current = join;
    for (uint32_t k = pick(2) + 2; k-- > 0;) joinPhis.push_back(f_.add(OpPhi, Ty::I32, {}));
    // Into the loop: the counter starts at 1..4.
    f_.current = pre;
    std::vector<uint32_t> init = {f_.constI32(int32_t(pick(4)) + 1)};
    for (uint32_t k = 1; k < nPhis; ++k) init.push_back(pick(2) ? any(live_) : f_.constI32(int32_t(pick(50))));
    init.insert(init.end(), phis.begin(), phis.end());
    f_.add(OpCopy, Ty::None, init);
    br(f_, head);

    f_.current = head;
    std::vector<uint32_t> headVals = phis;
    headVals.insert(headVals.end(), live_.begin(), live_.end());
    code(headVals, pick(3) + 1);
    uint32_t exitA = kNoValue;
    if (pick(3) == 0) {
      exitA = f_.newBlock();
      uint32_t c = f_.add(I32Eqz, Ty::I32, {f_.add(I32And, Ty::I32, {any(headVals), f_.constI32(7)})});
      condBr(f_, c, exitA, body);
    } else {
      br(f_, body);
    }
    f_.current = body;
    std::vector<uint32_t> bodyVals = headVals;
    code(bodyVals, pick(3) + 1);
    std::vector<uint32_t> next = {f_.add(I32Sub, Ty::I32, {phis[0], f_.constI32(1)})};
    for (uint32_t k = 1; k < nPhis; ++k) next.push_back(any(bodyVals));
    uint32_t cond;
    switch (pick(3)) {
      case 0: cond = phis[0]; break;  // while (i-- != 0)
      case 1: cond = next[0]; break;
      default:
        cond = f_.add(I32And, Ty::I32, {f_.add(0x47, Ty::I32, {next[0], f_.constI32(0)}),
                                        f_.add(0x47, Ty::I32, {any(bodyVals), f_.constI32(int32_t(pick(3)))})});
    }
    condBr(f_, cond, latch, exitB);
    f_.current = latch;
    std::vector<uint32_t> ops = next;
    ops.insert(ops.end(), phis.begin(), phis.end());
    latches.push_back({f_.add(OpCopy, Ty::None, ops), latch});
    br(f_, head);

    f_.current = exitB;
    exitTo(join, joinPhis, bodyVals, pick(2), phis);
    if (exitA != kNoValue) {
      f_.current = exitA;
      exitTo(join, joinPhis, headVals, pick(2), phis);
    }
    f_.current = join;
    live_ = joinPhis;
    live_.push_back(param(f_, pick(2)));
  }

  std::mt19937 rng_;
  MFunc f_;
  std::vector<uint32_t> live_;
};

}  // namespace

TEST(IrCopies, RandomLoopsComputeWhatTheyDid) {
  constexpr uint32_t kFuncs = 400;
  const std::pair<uint32_t, uint32_t> args[] = {{0, 0}, {1, 2}, {7, 3}, {0xfffffff0u, 5}, {12345, 678}};
  std::vector<MFunc> fs;
  std::string want;
  uint32_t moved = 0, kept = 0;
  for (uint32_t seed = 0; seed < kFuncs; ++seed) {
    RandomLoops gen(seed);
    fs.push_back(gen.make());
    for (auto [a, b] : args) {
      auto r = interpret(fs.back(), a, b);
      want += r ? std::to_string(*r) : std::string("trap");
      want += "\n";
    }
    MFunc g = merged(fs.back());
    EXPECT_EQ(checkPhiReads(g), "") << "function " << seed;
    // Latch copies: moved before the conditional branch, or kept on their block.
    for (auto [copy, block] : gen.latches) {
      if (g.insts[copy].block == block) ++kept;
      else if (g.cfg.node(g.insts[copy].block).exit == Exit::CondBr) ++moved;
    }
  }
  // The test must see both outcomes often.
  EXPECT_GT(moved, kFuncs / 4);
  EXPECT_GT(kept, kFuncs / 2);
  std::vector<MFunc*> ptrs;
  for (MFunc& f : fs) ptrs.push_back(&f);
  expectResults(ptrs, args, want);
}
