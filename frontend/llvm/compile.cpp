// The IR frontend's entry point: parse and verify with LLVM, declare the
// module's symbols and data, lower the functions in parallel (instruction
// selection, then codegen's structurizer, stackifier, local allocation and
// emission), and merge them into the unit in module order.
#include "frontend/llvm/compile.h"
#include <malloc.h>
#include <cstdio>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/IR/Verifier.h>
#include <llvm/IRReader/IRReader.h>
#include <llvm/Support/SourceMgr.h>
#include <llvm/Support/raw_ostream.h>
#include "codegen/ir_compile.h"
#include "frontend/llvm/isel.h"
#include "frontend/llvm/module.h"
#include "utils/diag.h"
#include "utils/parallel.h"

// LLVM's Support library reads allocator statistics with mallinfo2(), which
// would pull glibc's malloc into the static binary next to jemalloc (two
// definitions of malloc). toyc never asks for the statistics. Defined here,
// in the object the driver needs, so that it is seen before libc.a.
extern "C" struct mallinfo2 mallinfo2(void) { return {}; }

namespace toyc::llvmir {

namespace {

struct Lowered {
  codegen::FuncCode code;
  link::FuncType type;
  std::vector<link::FuncType> types;
  const llvm::Instruction* failInst = nullptr;
  std::string failWhat;
  bool ok = false;
};

std::string trimmed(std::string s) {
  size_t b = s.find_first_not_of(" \t\n");
  size_t e = s.find_last_not_of(" \t\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

}  // namespace

std::unique_ptr<link::Unit> compileFile(const std::string& path, Interner& strings, const CompileOptions& opts) {
  // The context and module are left to the process's end: tearing down a
  // large module costs as much as a good part of compiling it, and nothing
  // in the unit points into them.
  auto* ctx = new llvm::LLVMContext();
  llvm::SMDiagnostic err;
  std::unique_ptr<llvm::Module> owned = llvm::parseIRFile(path, err, *ctx);
  if (!owned) {
    std::string text;
    llvm::raw_string_ostream os(text);
    err.print(nullptr, os, false);
    os.flush();
    Diag::get().sourceError(trimmed(text));
    return nullptr;
  }
  llvm::Module* m = owned.release();
  {
    std::string text;
    llvm::raw_string_ostream os(text);
    if (llvm::verifyModule(*m, &os)) {
      os.flush();
      Diag::get().sourceError(path + ": error: invalid IR: " + trimmed(text));
      return nullptr;
    }
  }

  auto unit = std::make_unique<link::Unit>();
  unit->name = path;
  ModuleLowering ml(*m, *unit, strings, path);
  if (!ml.declareSymbols() || !ml.emitData()) return nullptr;

  const auto& fns = ml.definedFunctions();
  std::vector<Lowered> out(fns.size());
  (void)opts;
  parallelFor(0, fns.size(), [&](size_t i) {
    thread_local FunctionLowering fl;
    thread_local codegen::MFunc mf;
    Lowered& r = out[i];
    if (!fl.lower(ml, *fns[i], mf)) {
      r.failInst = fl.failInst;
      r.failWhat = fl.failWhat;
      return;
    }
    codegen::compileFunction(mf, r.code);
    r.type = mf.type;
    r.types = mf.types;
    r.ok = true;
  });

  bool ok = true;
  for (size_t i = 0; i < fns.size(); ++i) {
    Lowered& r = out[i];
    if (r.ok) continue;
    ok = false;
    std::string what = r.failWhat.empty() ? "unsupported instruction" : "unsupported " + r.failWhat;
    std::string text;
    if (r.failInst) {
      llvm::raw_string_ostream os(text);
      r.failInst->print(os);
      os.flush();
    }
    Diag::get().sourceError(path + ": error: in function '" + fns[i]->getName().str() + "': " + what + " '" +
                            trimmed(text) + "'");
  }
  if (!ok) return nullptr;
  for (size_t i = 0; i < fns.size(); ++i) ml.addFunction(uint32_t(i), out[i].code, out[i].type, out[i].types);
  ml.addDtorRegistrations();
  ml.finish();
  return unit;
}

bool isIrPath(const std::string& path) {
  auto ends = [&](const char* s) {
    size_t n = std::char_traits<char>::length(s);
    return path.size() >= n && path.compare(path.size() - n, n, s) == 0;
  };
  if (ends(".ll") || ends(".bc")) return true;
  // Bitcode under another name (clang -flto writes it to .o files).
  if (ends(".a")) return false;
  if (FILE* f = std::fopen(path.c_str(), "rb")) {
    unsigned char magic[4] = {};
    size_t n = std::fread(magic, 1, 4, f);
    std::fclose(f);
    return n == 4 && magic[0] == 'B' && magic[1] == 'C' && magic[2] == 0xc0 && magic[3] == 0xde;
  }
  return false;
}

}  // namespace toyc::llvmir
