#include "utils/log.h"
#include <spdlog/sinks/stdout_color_sinks.h>

namespace toyc {

static unsigned gScopes = 0;

static void setupSink() {
  static bool done = false;
  if (done) return;
  done = true;
  auto logger = spdlog::stderr_color_mt("toyc");
  logger->set_pattern("[%T.%e] %v");
  spdlog::set_default_logger(logger);
}

bool logEnabled(LogScope s) { return gScopes & unsigned(s); }

void enableAllLogScopes() {
  setupSink();
  gScopes = ~0u;
}

bool enableLogScopes(std::string_view list, std::string& bad) {
  setupSink();
  static const std::pair<std::string_view, LogScope> names[] = {
      {"link", LogScope::Link},     {"input", LogScope::Input}, {"resolve", LogScope::Resolve},
      {"gc", LogScope::Gc},         {"layout", LogScope::Layout}, {"write", LogScope::Write},
      {"codegen", LogScope::Codegen}, {"time", LogScope::Time}};
  while (!list.empty()) {
    size_t comma = list.find(',');
    std::string_view name = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    if (name.empty()) continue;
    if (name == "all") {
      gScopes = ~0u;
      continue;
    }
    bool found = false;
    for (auto& [n, s] : names)
      if (n == name) {
        gScopes |= unsigned(s);
        found = true;
      }
    if (!found) {
      bad = std::string(name);
      return false;
    }
  }
  return true;
}

}  // namespace toyc
