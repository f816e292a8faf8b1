// The IR frontend's entry point: parse and verify with LLVM, declare the
// module's symbols and data, lower the functions in parallel (instruction
// selection, then codegen's structurizer, stackifier, local allocation and
// emission), and merge them into the unit in module order.
#include "frontend/llvm/compile.h"
#include <malloc.h>
#include <cstdio>
#include <llvm/IR/DebugInfo.h>
#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/IR/Verifier.h>
#include <llvm/IRReader/IRReader.h>
#include <llvm/Support/SourceMgr.h>
#include <llvm/Support/raw_ostream.h>
#include "codegen/ir_compile.h"
#include "frontend/llvm/isel.h"
#include "frontend/llvm/module.h"
#include "frontend/llvm/parse.h"
#include "utils/diag.h"
#include "utils/log.h"
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
  std::string invalid;  // the verifier's message
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
  PhaseTimer phase;
  ParsedIr parsed;
  if (!parseIr(path, opts.threads ? opts.threads : threadCount(), parsed)) return nullptr;
  llvm::Module* m = parsed.modules[0];
  phase("ir: parse");
  // Debug information is not used, and the verifier can crash printing
  // malformed debug records: drop it before anything looks at the code.
  for (llvm::Module* piece : parsed.modules) {
    bool debug = piece->getNamedMetadata("llvm.dbg.cu") || piece->getModuleFlag("Debug Info Version") ||
                 piece->getFunction("llvm.dbg.value") || piece->getFunction("llvm.dbg.declare");
    if (debug) llvm::StripDebugInfo(*piece);
  }
  phase("ir: debug info");
  auto unit = std::make_unique<link::Unit>();
  unit->name = path;
  ModuleLowering ml(*m, *unit, strings, path);
  if (!ml.declareSymbols() || !ml.emitData()) return nullptr;
  for (size_t p = 1; p < parsed.modules.size(); ++p) ml.mapPiece(*parsed.modules[p]);

  phase("ir: symbols and data");
  const auto& fns = ml.definedFunctions();
  std::vector<Lowered> out(fns.size());
  parallelFor(0, fns.size(), [&](size_t i) {
    thread_local FunctionLowering fl;
    thread_local codegen::MFunc mf;
    Lowered& r = out[i];
    // The verifier runs per function, in parallel with the others (its
    // module-wide pass would be the slowest serial step after parsing).
    {
      llvm::raw_string_ostream os(r.invalid);
      if (llvm::verifyFunction(*parsed.body(fns[i]), &os)) {
        os.flush();
        if (r.invalid.empty()) r.invalid = "invalid function";
        return;
      }
    }
    if (!fl.lower(ml, *parsed.body(fns[i]), mf)) {
      r.failInst = fl.failInst;
      r.failWhat = fl.failWhat;
      return;
    }
    codegen::compileFunction(mf, r.code);
    r.type = mf.type;
    r.types = mf.types;
    r.ok = true;
  });

  phase("ir: functions");
  bool ok = true;
  for (size_t i = 0; i < fns.size(); ++i) {
    Lowered& r = out[i];
    if (r.ok) continue;
    ok = false;
    if (!r.invalid.empty()) {
      // The verifier prints its message and then the offending value on
      // the next line; point at that line of the source when it is text.
      std::string msg = trimmed(r.invalid);
      size_t nl = msg.find('\n');
      llvm::StringRef inst = nl == std::string::npos ? llvm::StringRef() : llvm::StringRef(msg).substr(nl + 1).split('\n').first;
      unsigned line = sourceLine(parsed.text, fns[i]->getName(), inst);
      std::string where = line ? path + ":" + std::to_string(line) : path;
      Diag::get().sourceError(where + ": error: invalid IR in function '" + fns[i]->getName().str() + "': " + msg);
      continue;
    }

    std::string text;
    if (r.failInst) {
      llvm::raw_string_ostream os(text);
      r.failInst->print(os);
      os.flush();
    }
    std::string why = r.failWhat.empty() ? "" : " (" + r.failWhat + ")";
    Diag::get().sourceError(path + ": error: in function '" + fns[i]->getName().str() + "': unsupported instruction '" +
                            trimmed(text) + "'" + why);
  }
  if (!ok) return nullptr;
  for (size_t i = 0; i < fns.size(); ++i) ml.addFunction(uint32_t(i), out[i].code, out[i].type, out[i].types);
  ml.addDtorRegistrations();
  ml.finish();
  phase("ir: merge");
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
