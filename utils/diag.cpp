#include "utils/diag.h"
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace toyc {

Diag& Diag::get() {
  static Diag d;
  return d;
}

void Diag::error(std::string_view msg) {
  std::lock_guard<std::mutex> lock(mu_);
  uint32_t n = ++errors_;
  if (errorLimit_ && n > errorLimit_) {
    if (n == errorLimit_ + 1)
      std::fprintf(stderr, "%s: error: too many errors emitted, stopping now (use --error-limit=0 to see all errors)\n",
                   tool_.c_str());
    return;
  }
  if (color_)
    std::fprintf(stderr, "%s: \033[0;1;31merror: \033[0m%.*s\n", tool_.c_str(), int(msg.size()), msg.data());
  else
    std::fprintf(stderr, "%s: error: %.*s\n", tool_.c_str(), int(msg.size()), msg.data());
}

void Diag::warn(std::string_view msg) {
  if (fatalWarnings_) return error(msg);
  std::lock_guard<std::mutex> lock(mu_);
  if (color_)
    std::fprintf(stderr, "%s: \033[0;1;35mwarning: \033[0m%.*s\n", tool_.c_str(), int(msg.size()), msg.data());
  else
    std::fprintf(stderr, "%s: warning: %.*s\n", tool_.c_str(), int(msg.size()), msg.data());
}

void Diag::sourceError(std::string_view text) {
  std::lock_guard<std::mutex> lock(mu_);
  ++errors_;
  std::fprintf(stderr, "%.*s\n", int(text.size()), text.data());
}

void Diag::note(std::string_view msg) {
  std::lock_guard<std::mutex> lock(mu_);
  std::fprintf(stderr, "%.*s\n", int(msg.size()), msg.data());
}

std::string Error::str() const {
  char buf[32];
  std::string s = file;
  if (hasOffset) {
    std::snprintf(buf, sizeof buf, "0x%llx", (unsigned long long)offset);
    s += ": offset ";
    s += buf;
  }
  s += ": ";
  s += msg;
  return s;
}

}  // namespace toyc
