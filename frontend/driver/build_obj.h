#pragma once
#include <string>
#include <vector>

namespace toyc::driver {

// `toyc build-obj <object> -o <out.o>`; returns the exit status.
int runBuildObj(std::vector<std::string> args);

}  // namespace toyc::driver
