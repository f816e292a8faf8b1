#include "utils/source.h"
#include <algorithm>
#include "utils/diag.h"

namespace toyc {

SourceFile::SourceFile(std::string name, std::string text) : name_(std::move(name)), text_(std::move(text)) {
  lineStarts_.push_back(0);
  for (uint32_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') lineStarts_.push_back(i + 1);
}

void SourceFile::lineCol(uint32_t offset, uint32_t& line, uint32_t& col) const {
  auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  line = uint32_t(it - lineStarts_.begin());
  col = offset - lineStarts_[line - 1] + 1;
}

std::string_view SourceFile::lineText(uint32_t line) const {
  uint32_t start = lineStarts_[line - 1];
  uint32_t end = line < lineStarts_.size() ? lineStarts_[line] - 1 : uint32_t(text_.size());
  std::string_view l = std::string_view(text_).substr(start, end - start);
  if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  return l;
}

void SourceFile::error(uint32_t offset, std::string_view msg) const {
  uint32_t line, col;
  lineCol(offset, line, col);
  std::string_view text = lineText(line);
  // The caret line keeps tabs so that it lines up under the source.
  std::string caret;
  for (uint32_t i = 0; i + 1 < col && i < text.size(); ++i) caret.push_back(text[i] == '\t' ? '\t' : ' ');
  caret.push_back('^');
  std::string out = name_ + ":" + std::to_string(line) + ":" + std::to_string(col) + ": error: ";
  out.append(msg);
  out += "\n";
  out.append(text);
  out += "\n" + caret;
  if (buffering_) pending_.push_back({offset, std::move(out)});
  else Diag::get().sourceError(out);
}

void SourceFile::flush() const {
  std::stable_sort(pending_.begin(), pending_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [offset, text] : pending_) Diag::get().sourceError(text);
  pending_.clear();
  buffering_ = false;
}

}  // namespace toyc
