// The atom model as a frontend uses it: units are built in memory (function
// bodies with relocations, data with pointer relocations, symbols), handed
// to the linker with addUnit(), and linked with no object file anywhere.
#include <gtest/gtest.h>
#include <cstdlib>
#include <fstream>
#include "link/leb128.h"
#include "link/linker.h"
#include "test_util.h"
#include "utils/diag.h"

using namespace toyc;
using namespace toyc::link;

namespace {

// Unit "lib": answer(x) = x + 40; get() = answer(*&value); value = 2;
// fptr = &answer (a table slot), all defined here.
std::unique_ptr<Unit> makeLib(Interner& s) {
  auto u = std::make_unique<Unit>();
  u->name = "lib (in memory)";
  uint32_t tAnswer = u->addType({{ValType::I32}, {ValType::I32}});
  uint32_t tGet = u->addType({{}, {ValType::I32}});

  FuncAtom answer;
  answer.type = tAnswer;
  answer.body = u->own({0x00, 0x20, 0x00, 0x41, 40, 0x6a, 0x0b});  // local.get 0; i32.const 40; i32.add
  u->funcs.push_back(answer);

  std::vector<uint8_t> get = {0x00, 0x41};  // no locals; i32.const <&value>
  size_t constAt = get.size();
  get.resize(get.size() + 5);
  wasm::writeSlebPadded(get.data() + constAt, 0, 5);
  get.insert(get.end(), {0x28, 0x02, 0x00, 0x10});  // i32.load; call <answer>
  size_t callAt = get.size();
  get.resize(get.size() + 5);
  wasm::writeUlebPadded(get.data() + callAt, 0, 5);
  get.push_back(0x0b);
  FuncAtom getAtom;
  getAtom.type = tGet;
  getAtom.body = u->own(get);
  u->funcs.push_back(getAtom);

  DataAtom value;
  value.name = s.intern(".data.value");
  value.bytes = u->own({2, 0, 0, 0});
  value.alignLog2 = 2;
  u->segments.push_back(value);
  DataAtom fptr;
  fptr.name = s.intern(".data.fptr");
  fptr.bytes = u->own({0, 0, 0, 0});
  fptr.alignLog2 = 2;
  u->segments.push_back(fptr);

  Symbol sAnswer;
  sAnswer.kind = SymKind::Function;
  sAnswer.name = s.intern("answer");
  sAnswer.index = 0;
  uint32_t iAnswer = u->addSymbol(sAnswer);
  Symbol sGet;
  sGet.kind = SymKind::Function;
  sGet.name = s.intern("get");
  sGet.index = 1;
  sGet.flags = wasm::kSymExported;
  u->addSymbol(sGet);
  Symbol sValue;
  sValue.kind = SymKind::Data;
  sValue.name = s.intern("value");
  sValue.segment = 0;
  sValue.size = 4;
  uint32_t iValue = u->addSymbol(sValue);
  Symbol sFptr;
  sFptr.kind = SymKind::Data;
  sFptr.name = s.intern("fptr");
  sFptr.segment = 1;
  sFptr.size = 4;
  u->addSymbol(sFptr);

  u->funcs[1].relocs = u->addRelocs(std::vector<Reloc>{
      {RelocType::MEMORY_ADDR_SLEB, uint32_t(constAt), iValue, 0},
      {RelocType::FUNCTION_INDEX_LEB, uint32_t(callAt), iAnswer, 0}});
  u->segments[1].relocs = u->addRelocs(std::vector<Reloc>{{RelocType::TABLE_INDEX_I32, 0, iAnswer, 0}});
  return u;
}

// Unit "app": twice() = get() + get(), calling `get` of the other unit
// through an import, as an undefined symbol.
std::unique_ptr<Unit> makeApp(Interner& s) {
  auto u = std::make_unique<Unit>();
  u->name = "app (in memory)";
  uint32_t t = u->addType({{}, {ValType::I32}});
  Import imp;
  imp.module = s.intern("env");
  imp.field = s.intern("get");
  imp.type = t;
  u->funcImports.push_back(imp);
  std::vector<uint8_t> body = {0x00, 0x10};
  size_t call1 = body.size();
  body.resize(body.size() + 5);
  wasm::writeUlebPadded(body.data() + call1, 0, 5);
  body.push_back(0x10);
  size_t call2 = body.size();
  body.resize(body.size() + 5);
  wasm::writeUlebPadded(body.data() + call2, 0, 5);
  body.push_back(0x6a);  // i32.add
  body.push_back(0x0b);
  FuncAtom twice;
  twice.type = t;
  twice.body = u->own(body);
  u->funcs.push_back(twice);
  Symbol sGet;
  sGet.kind = SymKind::Function;
  sGet.flags = wasm::kSymUndefined;
  sGet.name = s.intern("get");
  sGet.index = 0;
  uint32_t iGet = u->addSymbol(sGet);
  Symbol sTwice;
  sTwice.kind = SymKind::Function;
  sTwice.name = s.intern("twice");
  sTwice.index = 1;
  sTwice.flags = wasm::kSymExported;
  u->addSymbol(sTwice);
  u->funcs[0].relocs = u->addRelocs(std::vector<Reloc>{{RelocType::FUNCTION_INDEX_LEB, uint32_t(call1), iGet, 0},
                                                       {RelocType::FUNCTION_INDEX_LEB, uint32_t(call2), iGet, 0}});
  return u;
}

}  // namespace

TEST(UnitApi, InMemoryUnitsLinkIntoARunnableModule) {
  test::TempDir dir;
  LinkOptions opts;
  opts.noEntry = true;
  opts.exports = {"fptr"};
  opts.output = dir.file("mem.wasm");
  auto* linker = new Linker(opts);  // toyc never frees a linker; neither does this test
  linker->addUnit(makeApp(linker->strings()));
  linker->addUnit(makeLib(linker->strings()));
  ASSERT_TRUE(linker->run());
  ASSERT_FALSE(Diag::get().failed());
  EXPECT_EQ(dir.list(), std::vector<std::string>{"mem.wasm"});  // the module, no objects, no temporaries

  if (std::system("command -v wasm-validate > /dev/null 2>&1") == 0) {
    EXPECT_EQ(std::system(("wasm-validate " + opts.output).c_str()), 0);
  }
  if (std::system("command -v node > /dev/null 2>&1") == 0) {
    // twice() = 2 * (2 + 40); fptr holds table slot 1.
    std::string js =
        "const fs=require('fs');const i=new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync('" +
        opts.output +
        "')),{});const m=new Int32Array(i.exports.memory.buffer);"
        "process.exit(i.exports.twice()===84&&i.exports.get()===42&&m[i.exports.fptr.value/4]===1?0:1)";
    EXPECT_EQ(std::system(("node -e \"" + js + "\"").c_str()), 0);
  }
}

TEST(UnitApi, UndefinedSymbolInAnInMemoryUnitIsReported) {
  test::TempDir dir;
  LinkOptions opts;
  opts.noEntry = true;
  opts.output = dir.file("bad.wasm");
  auto* linker = new Linker(opts);
  linker->addUnit(makeApp(linker->strings()));  // `get` is never defined
  testing::internal::CaptureStderr();
  EXPECT_FALSE(linker->run());
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("app (in memory): undefined symbol: get"), std::string::npos) << err;
  EXPECT_TRUE(dir.list().empty());
  Diag::get().reset();
}
