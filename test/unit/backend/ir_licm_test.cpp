// codegen::hoistAndCse on hand-built MFuncs: loop-invariant pure operations
// move to the preheader (out of nested loops as far as their operands
// allow), operations that may trap or read memory stay, loops without a
// preheader are left alone, equal operations of one block are merged, and
// the optimized functions still compute the same results under node.
#include <gtest/gtest.h>
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <random>
#include "codegen/ir.h"
#include "codegen/ir_compile.h"
#include "codegen/ir_passes.h"
#include "link/linker.h"
#include "test_util.h"

using namespace toyc;
using namespace toyc::codegen;
using link::ValType;

namespace {

constexpr uint16_t I32LtS = 0x48, I32GtS = 0x4a, I32Ne = 0x47, I32Add = 0x6a, I32Sub = 0x6b, I32Mul = 0x6c,
                   I32DivS = 0x6d, I32Xor = 0x73, I32Load = 0x28, I32Store = 0x36;

uint32_t param(MFunc& f, uint32_t i) { return f.add(OpParam, Ty::I32, {}, i); }

void ret(MFunc& f, uint32_t v) {
  uint32_t o[1] = {v};
  f.setExit(f.current, Exit::Return, {}, o);
}

void br(MFunc& f, uint32_t to) {
  uint32_t t[1] = {to};
  f.setExit(f.current, Exit::Br, t, {});
}

void condBr(MFunc& f, uint32_t cond, uint32_t ifTrue, uint32_t ifFalse) {
  uint32_t t[2] = {ifTrue, ifFalse};
  uint32_t o[1] = {cond};
  f.setExit(f.current, Exit::CondBr, t, o);
}

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

// Links compiled functions as the exports f0, f1, ... of a module at `path`.
bool linkModule(const std::vector<MFunc*>& fs, const std::string& path) {
  link::LinkOptions opts;
  opts.noEntry = true;
  opts.output = path;
  for (size_t i = 0; i < fs.size(); ++i) opts.exports.push_back("f" + std::to_string(i));
  auto* linker = new link::Linker(opts);
  auto u = std::make_unique<link::Unit>();
  u->name = "licm";
  for (size_t i = 0; i < fs.size(); ++i) {
    FuncCode code;
    link::FuncType type = fs[i]->type;
    compileFunction(*fs[i], code);
    if (!code.relocs.empty()) return false;
    link::FuncAtom atom;
    atom.type = u->addType(type);
    atom.body = u->own(code.body);
    u->funcs.push_back(atom);
    link::Symbol sym;
    sym.kind = link::SymKind::Function;
    sym.name = linker->strings().intern("f" + std::to_string(i));
    sym.index = uint32_t(i);
    u->addSymbol(sym);
  }
  linker->addUnit(std::move(u));
  if (!linker->run()) return false;
  return std::system("command -v wasm-validate > /dev/null 2>&1") != 0 ||
         std::system(("wasm-validate " + path).c_str()) == 0;
}

bool haveNode() { return std::system("command -v node > /dev/null 2>&1") == 0; }

// The JavaScript that instantiates `path` with its exports in `m`.
std::string instantiate(const std::string& path) {
  return "const m=new WebAssembly.Instance(new WebAssembly.Module(require('fs').readFileSync('" + path +
         "')),{}).exports;";
}

// Compiles f as the export f0 of a module and evaluates the JavaScript
// expression `check` (f as `e.f`, the memory as `e.memory`) under node; true
// if it holds. Without node only compilation and validation are checked.
bool runs(MFunc f, const std::string& check) {
  test::TempDir dir;
  std::string wasm = dir.file("f.wasm");
  if (!linkModule({&f}, wasm)) return false;
  if (!haveNode()) return true;
  std::string js = instantiate(wasm) + "const e={f:m.f0,memory:m.memory};process.exit((" + check + ")?0:1)";
  return std::system(("node -e \"" + js + "\"").c_str()) == 0;
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

// Runs an MFunc directly: the reference for the compiled code. Returns the
// result, or nullopt if the function traps.
std::optional<uint32_t> interpret(const MFunc& f, uint32_t a, uint32_t b) {
  std::vector<uint32_t> val(f.insts.size(), 0);
  uint8_t mem[64] = {};
  auto rotl = [](uint32_t x, uint32_t k) { k &= 31; return k ? (x << k) | (x >> (32 - k)) : x; };
  uint32_t blk = 0;
  for (uint32_t steps = 0; steps < 1000000; ++steps) {
    for (uint32_t i = f.blocks[blk].first; i != kNoValue; i = f.next[i]) {
      const MInst& in = f.insts[i];
      auto o = f.ops(i);
      auto x = [&](uint32_t k) { return val[o[k]]; };
      switch (in.op) {
        case OpParam: val[i] = in.imm == 0 ? a : b; break;
        case OpConst: val[i] = uint32_t(in.imm); break;
        case OpPhi: case OpNop: break;
        case OpCopy: {
          size_t h = o.size() / 2;
          std::vector<uint32_t> src;
          for (size_t k = 0; k < h; ++k) src.push_back(x(uint32_t(k)));
          for (size_t k = 0; k < h; ++k) val[o[h + k]] = src[k];
          break;
        }
        case 0x28: std::memcpy(&val[i], mem + (x(0) + uint32_t(in.imm)), 4); break;
        case 0x36: std::memcpy(mem + (x(0) + uint32_t(in.imm)), &val[o[1]], 4); break;
        case 0x1b: val[i] = x(2) ? x(0) : x(1); break;
        case 0x45: val[i] = x(0) == 0; break;
        case 0x46: val[i] = x(0) == x(1); break;
        case 0x47: val[i] = x(0) != x(1); break;
        case 0x48: val[i] = int32_t(x(0)) < int32_t(x(1)); break;
        case 0x49: val[i] = x(0) < x(1); break;
        case 0x4c: val[i] = int32_t(x(0)) <= int32_t(x(1)); break;
        case 0x4f: val[i] = x(0) >= x(1); break;
        case 0x69: val[i] = uint32_t(__builtin_popcount(x(0))); break;
        case 0x6a: val[i] = x(0) + x(1); break;
        case 0x6b: val[i] = x(0) - x(1); break;
        case 0x6c: val[i] = x(0) * x(1); break;
        case 0x6e:
          if (x(1) == 0) return std::nullopt;
          val[i] = x(0) / x(1);
          break;
        case 0x71: val[i] = x(0) & x(1); break;
        case 0x72: val[i] = x(0) | x(1); break;
        case 0x73: val[i] = x(0) ^ x(1); break;
        case 0x74: val[i] = x(0) << (x(1) & 31); break;
        case 0x75: val[i] = uint32_t(int32_t(x(0)) >> (x(1) & 31)); break;
        case 0x76: val[i] = x(0) >> (x(1) & 31); break;
        case 0x77: val[i] = rotl(x(0), x(1)); break;
        case OpExit: {
          const CfgNode& node = f.cfg.node(blk);
          if (node.exit == Exit::Return) return x(0);
          auto succ = f.cfg.succs(blk);
          blk = node.exit == Exit::CondBr && x(0) == 0 ? succ[1] : succ[0];
          break;
        }
        default: ADD_FAILURE() << "op " << in.op; return std::nullopt;
      }
    }
  }
  ADD_FAILURE() << "does not finish";
  return std::nullopt;
}

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
  test::TempDir dir;
  std::string wasm = dir.file("random.wasm");
  ASSERT_TRUE(linkModule(ptrs, wasm));
  if (!haveNode()) return;
  std::string js = instantiate(wasm) + "const mem=new Uint8Array(m.memory.buffer);let out='';for(let i=0;i<" +
                   std::to_string(kFuncs) + ";i++)for(const [a,b] of [";
  for (auto [a, b] : args) js += "[" + std::to_string(a) + "," + std::to_string(b) + "],";
  js += "]){mem.fill(0,0,64);let r;try{r=String(m['f'+i](a,b)>>>0)}catch(e){r='trap'}out+=r+'\\n'}"
        "require('fs').writeFileSync('" + dir.file("out.txt") + "',out)";
  test::writeFile(dir.file("run.js"), js);
  // A wrongly hoisted loop counter would make a loop run forever.
  bool bounded = std::system("command -v timeout > /dev/null 2>&1") == 0;
  ASSERT_EQ(std::system(((bounded ? "timeout 300 node " : "node ") + dir.file("run.js")).c_str()), 0);
  std::string got = test::readFile(dir.file("out.txt"));
  // The functions that differ, with the expected and actual results.
  std::vector<std::string> wantLines, gotLines;
  for (auto [text, lines] : {std::pair{&want, &wantLines}, std::pair{&got, &gotLines}}) {
    size_t b = 0;
    for (size_t e; (e = text->find('\n', b)) != std::string::npos; b = e + 1) lines->push_back(text->substr(b, e - b));
  }
  ASSERT_EQ(gotLines.size(), wantLines.size());
  uint32_t wrong = 0;
  for (size_t i = 0; i < wantLines.size(); ++i)
    if (wantLines[i] != gotLines[i] && ++wrong <= 5)
      ADD_FAILURE() << "function " << i / std::size(args) << ", arguments #" << i % std::size(args) << ": " << gotLines[i]
                    << ", expected " << wantLines[i];
  EXPECT_EQ(wrong, 0u);
}
