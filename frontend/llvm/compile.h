// The LLVM IR frontend: reads LLVM IR (text or bitcode) with LLVM 19's
// parser and lowers every function with toyc's own instruction selection
// (codegen/) to atoms. LLVM is linked statically and only into this folder.
#pragma once
#include <memory>
#include <string>
#include "link/unit.h"
#include "utils/intern.h"

namespace toyc::llvmir {

struct CompileOptions {
  unsigned threads = 0;  // 0: the process-wide setting (utils/parallel)
};

// Compiles one IR file to a unit whose names are interned in `strings`.
// Errors are reported through utils/diag (`file: error: ...`); returns
// nullptr after an error.
std::unique_ptr<link::Unit> compileFile(const std::string& path, Interner& strings, const CompileOptions& opts);

// True if the file looks like LLVM IR: a `.ll` or `.bc` name, or bitcode magic.
bool isIrPath(const std::string& path);

}  // namespace toyc::llvmir
