// `@file` arguments: the file's contents, split with GNU quoting rules
// (whitespace separates; '...' and "..." quote; backslash escapes), replace
// the argument. Nested response files are expanded too.
#pragma once
#include <string>
#include <vector>

namespace toyc::driver {

bool expandResponseFiles(std::vector<std::string>& args, std::string& err);

}  // namespace toyc::driver
