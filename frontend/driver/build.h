#pragma once
#include <string>
#include <vector>

namespace toyc::driver {

// `toyc build` (run = false) and `toyc run` (run = true).
int runBuild(std::vector<std::string> args, bool run);

}  // namespace toyc::driver
