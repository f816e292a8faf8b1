// Scoped logging on top of spdlog: `-v` turns on every scope, `--log=link,gc`
// only the named ones. Logging that is off costs one branch.
#pragma once
#include <spdlog/spdlog.h>
#include <chrono>
#include <string_view>

namespace toyc {

enum class LogScope : unsigned { Link = 1, Input = 2, Resolve = 4, Gc = 8, Layout = 16, Write = 32, Codegen = 64, Time = 128 };

bool logEnabled(LogScope s);
// Enables scopes from a comma-separated list ("link,input"; "all"). Returns
// false and names the bad scope in `bad` when one is unknown.
bool enableLogScopes(std::string_view list, std::string& bad);
void enableAllLogScopes();

#define TOYC_LOG(scope, ...)                                         \
  do {                                                                \
    if (::toyc::logEnabled(::toyc::LogScope::scope)) spdlog::info(__VA_ARGS__); \
  } while (0)

// Logs the time since the previous phase under --log=time.
class PhaseTimer {
public:
  void operator()(const char* phase) {
    auto now = std::chrono::steady_clock::now();
    TOYC_LOG(Time, "{:<22} {:8.3f} ms", phase, std::chrono::duration<double, std::milli>(now - last_).count());
    last_ = now;
  }

private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

}  // namespace toyc
