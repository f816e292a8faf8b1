// Source files and their diagnostics: `file:line:col: error: message`, then
// the source line and a caret under the column, as the Toy language
// reference asks. Offsets are byte offsets; columns count bytes from 1.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace toyc {

class SourceFile {
public:
  SourceFile(std::string name, std::string text);
  const std::string& name() const { return name_; }
  std::string_view text() const { return text_; }
  // 1-based line and column of a byte offset.
  void lineCol(uint32_t offset, uint32_t& line, uint32_t& col) const;
  std::string_view lineText(uint32_t line) const;
  // Prints `file:line:col: error: msg`, the line and a caret (stderr) and
  // counts the error in Diag.
  void error(uint32_t offset, std::string_view msg) const;
  // While buffering, errors are held back; flush() prints them in source
  // order (the lexer finds some errors before the parser finds earlier ones).
  void beginBuffering() const { buffering_ = true; }
  void flush() const;

private:
  mutable bool buffering_ = false;
  mutable std::vector<std::pair<uint32_t, std::string>> pending_;
  std::string name_, text_;
  std::vector<uint32_t> lineStarts_;
};

}  // namespace toyc
