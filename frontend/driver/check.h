#pragma once
#include <string>
#include <vector>

namespace toyc::driver {

// `toyc check a.toy [b.toy ...]`: parses the files as one program and
// reports every syntax error and every name defined twice; exit status 1 on
// any error. (Type checking and code generation arrive with `toyc build`.)
int runCheck(std::vector<std::string> args);

}  // namespace toyc::driver
