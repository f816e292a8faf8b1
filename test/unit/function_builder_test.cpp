// codegen::FunctionBuilder: functions built instruction by instruction, with
// relocations for calls, data addresses, function addresses and the table,
// link into a module that validates and computes the right values.
#include <gtest/gtest.h>
#include <cstdlib>
#include "codegen/function_builder.h"
#include "link/linker.h"
#include "test_util.h"

using namespace toyc;
using namespace toyc::link;
using toyc::codegen::FunctionBuilder;

namespace {

uint32_t funcSymbol(Unit& u, Interner& s, const char* name, uint32_t defined, uint32_t flags = 0) {
  Symbol sym;
  sym.kind = SymKind::Function;
  sym.name = s.intern(name);
  sym.index = uint32_t(u.funcImports.size()) + defined;
  sym.flags = flags;
  return u.addSymbol(sym);
}

}  // namespace

TEST(FunctionBuilder, LoopsCallsDataAndIndirectCallsRun) {
  Interner* strings;
  LinkOptions opts;
  test::TempDir dir;
  opts.noEntry = true;
  opts.output = dir.file("gen.wasm");
  auto* linker = new Linker(opts);
  strings = &linker->strings();
  auto u = std::make_unique<Unit>();
  u->name = "generated";
  uint32_t tUnary = u->addType({{ValType::I32}, {ValType::I32}});
  uint32_t tNullary = u->addType({{}, {ValType::I32}});

  // The function table, as clang's objects name it.
  Import table;
  table.module = strings->intern("env");
  table.field = strings->intern("__indirect_function_table");
  table.valType = ValType::FuncRef;
  u->tableImports.push_back(table);
  Symbol tableSym;
  tableSym.kind = SymKind::Table;
  tableSym.flags = wasm::kSymUndefined;
  tableSym.name = table.field;
  uint32_t iTable = u->addSymbol(tableSym);

  // Symbols first (relocations name them), atoms in the same order.
  uint32_t iFact = funcSymbol(*u, *strings, "fact", 0);
  uint32_t iTriple = funcSymbol(*u, *strings, "triple", 1);
  funcSymbol(*u, *strings, "run", 2, wasm::kSymExported);
  DataAtom five;
  five.name = strings->intern(".rodata.five");
  five.bytes = u->own({5, 0, 0, 0});
  five.alignLog2 = 2;
  u->segments.push_back(five);
  Symbol fiveSym;
  fiveSym.kind = SymKind::Data;
  fiveSym.name = strings->intern("five");
  fiveSym.size = 4;
  uint32_t iFive = u->addSymbol(fiveSym);

  {  // fact(n): acc = 1; while n != 0 { acc *= n; n -= 1 } return acc
    FunctionBuilder f(*u, tUnary);
    uint32_t acc = f.addLocal(ValType::I32);
    f.i32Const(1);
    f.localSet(acc);
    f.block();
    f.loop();
    f.localGet(0);
    f.op(0x45);  // i32.eqz
    f.brIf(1);
    f.localGet(acc);
    f.localGet(0);
    f.op(0x6c);  // i32.mul
    f.localSet(acc);
    f.localGet(0);
    f.i32Const(1);
    f.op(0x6b);  // i32.sub
    f.localSet(0);
    f.br(0);
    f.end();
    f.end();
    f.localGet(acc);
    EXPECT_EQ(f.finish(), 0u);
  }
  {  // triple(x) = x * 3
    FunctionBuilder f(*u, tUnary);
    f.localGet(0);
    f.i32Const(3);
    f.op(0x6c);
    EXPECT_EQ(f.finish(), 1u);
  }
  {  // run() = fact(5) + *five + (&triple)(7) + five (through memOpAt)
    FunctionBuilder f(*u, tNullary);
    f.i32Const(5);
    f.call(iFact);
    f.dataAddress(iFive);
    f.memOp(0x28, 2, 0);  // i32.load
    f.op(0x6a);
    f.i32Const(7);
    f.functionAddress(iTriple);
    f.callIndirect(tUnary, iTable);
    f.op(0x6a);
    f.i32Const(0);
    f.memOpAt(0x28, 2, iFive);
    f.op(0x6a);
    EXPECT_EQ(f.finish(), 2u);
  }
  linker->addUnit(std::move(u));
  ASSERT_TRUE(linker->run());
  if (std::system("command -v wasm-validate > /dev/null 2>&1") == 0) {
    EXPECT_EQ(std::system(("wasm-validate " + opts.output).c_str()), 0);
  }
  if (std::system("command -v node > /dev/null 2>&1") == 0) {
    // 120 + 5 + 21 + 5
    std::string js = "const i=new WebAssembly.Instance(new WebAssembly.Module(require('fs').readFileSync('" + opts.output +
                     "')),{});process.exit(i.exports.run()===151?0:1)";
    EXPECT_EQ(std::system(("node -e \"" + js + "\"").c_str()), 0);
  }
}

TEST(FunctionBuilder, LocalsAreRunLengthEncodedAndRelocationsPointAtPaddedImmediates) {
  Interner strings;
  Unit u;
  uint32_t t = u.addType({{ValType::I64}, {}});
  Symbol g;
  g.kind = SymKind::Global;
  g.flags = wasm::kSymUndefined;
  g.name = strings.intern("__stack_pointer");
  Import imp;
  imp.module = strings.intern("env");
  imp.field = g.name;
  imp.mut = true;
  u.globalImports.push_back(imp);
  uint32_t iSp = u.addSymbol(g);
  FunctionBuilder f(u, t);
  EXPECT_EQ(f.addLocal(ValType::I32), 1u);  // after the parameter
  EXPECT_EQ(f.addLocal(ValType::I32), 2u);
  EXPECT_EQ(f.addLocal(ValType::F64), 3u);
  f.globalGet(iSp);
  f.globalSet(iSp);
  f.finish();
  const FuncAtom& a = u.funcs[0];
  // 2 runs: 2 x i32, 1 x f64; then global.get <5 bytes>, global.set <5 bytes>, end.
  std::vector<uint8_t> expect = {0x02, 0x02, 0x7f, 0x01, 0x7c, 0x23, 0x80, 0x80, 0x80, 0x80, 0x00,
                                 0x24, 0x80, 0x80, 0x80, 0x80, 0x00, 0x0b};
  EXPECT_EQ(std::vector<uint8_t>(a.body.begin(), a.body.end()), expect);
  auto relocs = u.relocsOf(a.relocs);
  ASSERT_EQ(relocs.size(), 2u);
  EXPECT_EQ(relocs[0].type, RelocType::GLOBAL_INDEX_LEB);
  EXPECT_EQ(relocs[0].offset, 6u);
  EXPECT_EQ(relocs[1].offset, 12u);
}
