// The IR entry points of a toyc built with -DTOYC_IR_FRONTEND=OFF: IR inputs
// are recognized, and refused.
#include "frontend/llvm/compile.h"
#include "utils/diag.h"

namespace toyc::llvmir {

std::unique_ptr<link::Unit> compileFile(const std::string& path, Interner&, const CompileOptions&) {
  error(path + ": this toyc was built without the LLVM IR frontend (-DTOYC_IR_FRONTEND=OFF)");
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
