// codegen::compileFunction on hand-built MFuncs: expression trees stay on the
// operand stack, locals are shared by values whose lives do not overlap, a
// value is not moved across a store it depends on, phi copies vanish when
// the phi and its source share a local, and irreducible control flow runs.
#include <gtest/gtest.h>
#include <cstdlib>
#include "codegen/ir.h"
#include "codegen/ir_compile.h"
#include "link/linker.h"
#include "test_util.h"

using namespace toyc;
using namespace toyc::codegen;
using link::ValType;

namespace {

using Bytes = std::vector<uint8_t>;

Bytes compile(MFunc& f) {
  FuncCode code;
  compileFunction(f, code);
  return code.body;
}

uint32_t param(MFunc& f, uint32_t i, Ty t = Ty::I32) { return f.add(OpParam, t, {}, i); }

void ret(MFunc& f, std::initializer_list<uint32_t> vals) {
  f.setExit(f.current, Exit::Return, {}, std::span<const uint32_t>(vals.begin(), vals.size()));
}

}  // namespace

TEST(IrCompile, SingleUseValuesFormOneTree) {
  // (p0 + 5) * p1
  MFunc f;
  f.type = {{ValType::I32, ValType::I32}, {ValType::I32}};
  f.current = f.newBlock();
  uint32_t a = param(f, 0), b = param(f, 1);
  uint32_t s = f.add(0x6a, Ty::I32, {a, f.constI32(5)});
  uint32_t m = f.add(0x6c, Ty::I32, {s, b});
  ret(f, {m});
  Bytes want = {0x00, 0x20, 0x00, 0x41, 0x05, 0x6a, 0x20, 0x01, 0x6c, 0x0b};
  EXPECT_EQ(compile(f), want);
}

TEST(IrCompile, DeadValuesShareALocal) {
  // x = p0 * p0 and y = p1 * p1, each used twice by trees that the final
  // xor consumes: no new local at all, x and y take over the parameters'
  // locals once the parameters are dead.
  MFunc f;
  f.type = {{ValType::I32, ValType::I32}, {ValType::I32}};
  f.current = f.newBlock();
  uint32_t a = param(f, 0), b = param(f, 1);
  uint32_t x = f.add(0x6c, Ty::I32, {a, a});
  uint32_t x2 = f.add(0x6a, Ty::I32, {x, x});
  uint32_t y = f.add(0x6c, Ty::I32, {b, b});
  uint32_t y2 = f.add(0x6b, Ty::I32, {y, y});
  uint32_t r = f.add(0x73, Ty::I32, {x2, y2});
  ret(f, {r});
  Bytes want = {0x00,                                            // no locals
                0x20, 0x00, 0x20, 0x00, 0x6c, 0x21, 0x00,        // x -> local 0
                0x20, 0x01, 0x20, 0x01, 0x6c, 0x21, 0x01,        // y -> local 1
                0x20, 0x00, 0x20, 0x00, 0x6a,                    // x + x
                0x20, 0x01, 0x20, 0x01, 0x6b,                    // y - y
                0x73, 0x0b};
  EXPECT_EQ(compile(f), want);
}

TEST(IrCompile, LoadsDoNotMovePastStores) {
  // v = load p; store p, 7; return v + 1: the load must happen first, so
  // v goes through a local.
  MFunc f;
  f.type = {{ValType::I32}, {ValType::I32}};
  f.current = f.newBlock();
  uint32_t p = param(f, 0);
  uint32_t v = f.load(0x28, Ty::I32, p, 0, 2);
  f.store(0x36, p, f.constI32(7), 0, 2);
  uint32_t r = f.add(0x6a, Ty::I32, {v, f.constI32(1)});
  ret(f, {r});
  Bytes want = {0x01, 0x01, 0x7f,
                0x20, 0x00, 0x28, 0x02, 0x00, 0x21, 0x01,   // load -> local 1
                0x20, 0x00, 0x41, 0x07, 0x36, 0x02, 0x00,   // store 7
                0x20, 0x01, 0x41, 0x01, 0x6a, 0x0b};
  EXPECT_EQ(compile(f), want);
}

TEST(IrCompile, LoopCopiesVanishWhenPhiAndSourceShareALocal) {
  // i = 0; do { i = i + 1 } while (i < p0); return i
  MFunc f;
  f.type = {{ValType::I32}, {ValType::I32}};
  uint32_t entry = f.newBlock(), loop = f.newBlock(), done = f.newBlock();
  f.current = loop;
  uint32_t i = f.add(OpPhi, Ty::I32, {});
  f.current = entry;
  uint32_t p = param(f, 0);
  uint32_t zero = f.constI32(0);
  f.add(OpCopy, Ty::None, {zero, i});
  uint32_t s1[1] = {loop};
  f.setExit(entry, Exit::Br, s1, {});
  f.current = loop;
  uint32_t i1 = f.add(0x6a, Ty::I32, {i, f.constI32(1)});
  uint32_t c = f.add(0x48, Ty::I32, {i1, p});
  f.add(OpCopy, Ty::None, {i1, i});
  uint32_t s2[2] = {loop, done};
  uint32_t o2[1] = {c};
  f.setExit(loop, Exit::CondBr, s2, o2);
  f.current = done;
  ret(f, {i});
  Bytes want = {0x01, 0x01, 0x7f,
                0x41, 0x00, 0x21, 0x01,                    // i = 0
                0x03, 0x40,                                // loop
                0x20, 0x01, 0x41, 0x01, 0x6a, 0x22, 0x01,  //   i + 1 -> tee i (no copy)
                0x20, 0x00, 0x48, 0x0d, 0x00,              //   br_if (i < p0)
                0x0b,                                      // end
                0x20, 0x01, 0x0b};
  EXPECT_EQ(compile(f), want);
}

TEST(IrCompile, IrreducibleLoopRuns) {
  // f(s, n): start in block a if s == 0 else in b; a adds 1, b adds 100,
  // they alternate until n steps are done.
  MFunc f;
  f.type = {{ValType::I32, ValType::I32}, {ValType::I32}};
  uint32_t entry = f.newBlock(), a = f.newBlock(), b = f.newBlock(), done = f.newBlock();
  f.current = a;
  uint32_t acc = f.add(OpPhi, Ty::I32, {});  // accumulated value
  uint32_t k = f.add(OpPhi, Ty::I32, {});    // steps
  f.current = entry;
  uint32_t s = param(f, 0), n = param(f, 1);
  f.add(OpCopy, Ty::None, {f.constI32(0), f.constI32(0), acc, k});
  uint32_t t0[2] = {b, a};
  uint32_t c0[1] = {s};
  f.setExit(entry, Exit::CondBr, t0, c0);
  // a and b share the phis (both assign acc and k before going on).
  f.current = a;
  uint32_t a1 = f.add(0x6a, Ty::I32, {acc, f.constI32(1)});
  uint32_t ka = f.add(0x6a, Ty::I32, {k, f.constI32(1)});
  uint32_t ca = f.add(0x48, Ty::I32, {ka, n});
  f.add(OpCopy, Ty::None, {a1, ka, acc, k});
  uint32_t ta[2] = {b, done};
  uint32_t oa[1] = {ca};
  f.setExit(a, Exit::CondBr, ta, oa);
  f.current = b;
  uint32_t b1 = f.add(0x6a, Ty::I32, {acc, f.constI32(100)});
  uint32_t kb = f.add(0x6a, Ty::I32, {k, f.constI32(1)});
  uint32_t cb = f.add(0x48, Ty::I32, {kb, n});
  f.add(OpCopy, Ty::None, {b1, kb, acc, k});
  uint32_t tb[2] = {a, done};
  uint32_t ob[1] = {cb};
  f.setExit(b, Exit::CondBr, tb, ob);
  f.current = done;
  ret(f, {acc});
  ASSERT_FALSE(isReducible(f.cfg));
  FuncCode code;
  compileFunction(f, code);

  // Link it as an exported function and run it.
  test::TempDir dir;
  link::LinkOptions opts;
  opts.noEntry = true;
  opts.exports.push_back("walk");
  opts.output = dir.file("walk.wasm");
  auto* linker = new link::Linker(opts);
  auto u = std::make_unique<link::Unit>();
  u->name = "irreducible";
  link::FuncAtom atom;
  atom.type = u->addType(f.type);
  atom.body = u->own(code.body);
  u->funcs.push_back(atom);
  link::Symbol sym;
  sym.kind = link::SymKind::Function;
  sym.name = linker->strings().intern("walk");
  sym.index = 0;
  u->addSymbol(sym);
  ASSERT_TRUE(code.relocs.empty());
  linker->addUnit(std::move(u));
  ASSERT_TRUE(linker->run());
  if (std::system("command -v wasm-validate > /dev/null 2>&1") == 0) {
    EXPECT_EQ(std::system(("wasm-validate " + opts.output).c_str()), 0);
  }
  if (std::system("command -v node > /dev/null 2>&1") == 0) {
    // a b a b a = 203; b a b a b = 302
    std::string js = "const i=new WebAssembly.Instance(new WebAssembly.Module(require('fs').readFileSync('" +
                     opts.output + "')),{});process.exit(i.exports.walk(0,5)===203&&i.exports.walk(1,5)===302?0:1)";
    EXPECT_EQ(std::system(("node -e \"" + js + "\"").c_str()), 0);
  }
}
