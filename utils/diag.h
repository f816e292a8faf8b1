// Diagnostics: errors are collected, counted and printed one per line as
// "<tool>: error: <context>: <message>". Phases report as many errors as they
// find and the driver stops at the next phase boundary (like lld).
#pragma once
#include <atomic>
#include <mutex>
#include <string>
#include <string_view>
#include <cstdint>

namespace toyc {

class Diag {
public:
  static Diag& get();

  void setTool(std::string name) { tool_ = std::move(name); }
  void setErrorLimit(uint32_t n) { errorLimit_ = n; }
  void setFatalWarnings(bool b) { fatalWarnings_ = b; }
  void setColor(bool b) { color_ = b; }

  void error(std::string_view msg);
  void warn(std::string_view msg);
  void note(std::string_view msg);  // plain line on stderr, no prefix
  // An error already formatted with its location (source diagnostics).
  void sourceError(std::string_view text);
  uint32_t errorCount() const { return errors_; }
  bool failed() const { return errors_ != 0; }
  void reset() { errors_ = 0; }

private:
  std::mutex mu_;
  std::string tool_ = "toyc";
  std::atomic<uint32_t> errors_{0};
  uint32_t errorLimit_ = 20;
  bool fatalWarnings_ = false;
  bool color_ = false;
};

inline void error(std::string_view msg) { Diag::get().error(msg); }
inline void warn(std::string_view msg) { Diag::get().warn(msg); }

// A failure carried as a value: what went wrong and where. Binary readers fill
// file and offset; source readers fill line and column.
struct Error {
  std::string file;     // "libc.a(printf.o)" or "main.o"
  uint64_t offset = 0;  // byte offset in that file
  std::string msg;
  std::string str() const;  // "file: offset 0x12: msg" / "file: msg"
  bool hasOffset = false;
};

}  // namespace toyc
