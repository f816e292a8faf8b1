#pragma once
#include <string>
#include <vector>

namespace toyc::driver {

// `toyc check a.toy [b.toy ...]`: parses the files as one program and
// reports every syntax error, then the item-level errors (names defined
// twice, unknown types, struct layout, the ABI of exports, imports and
// main); exit status 1 on any error. Checking function bodies and code
// generation arrive with `toyc build`.
int runCheck(std::vector<std::string> args);

}  // namespace toyc::driver
