// `toyc check`: parses and checks Toy sources (syntax, items, bodies) with
// the runtime, as `toyc build` does, without generating code.
#include "frontend/driver/check.h"
#include "frontend/driver/toy_compile.h"
#include "utils/diag.h"

namespace toyc::driver {

int runCheck(std::vector<std::string> args) {
  if (args.empty()) {
    error("check: no input files");
    return 1;
  }
  Interner names;
  toy::Program program(names);
  return loadAndCheck(args, program) ? 0 : 1;
}

}  // namespace toyc::driver
