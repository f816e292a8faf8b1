// Placeholder until the IR frontend lands: every IR input is refused.
#include "frontend/llvm/compile.h"
#include "utils/diag.h"

namespace toyc::llvmir {

std::unique_ptr<link::Unit> compileFile(const std::string& path, Interner&, const CompileOptions&) {
  error(path + ": LLVM IR input is not supported yet");
  return nullptr;
}

bool isIrPath(const std::string& path) {
  auto ends = [&](const char* s) {
    size_t n = std::char_traits<char>::length(s);
    return path.size() >= n && path.compare(path.size() - n, n, s) == 0;
  };
  return ends(".ll") || ends(".bc");
}

}  // namespace toyc::llvmir
