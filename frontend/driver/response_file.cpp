#include "frontend/driver/response_file.h"
#include "utils/file_io.h"

namespace toyc::driver {

// LLVM's GNU tokenizer: a backslash escapes the next character everywhere
// (inside single quotes too); empty words are dropped.
static std::vector<std::string> splitGnu(std::string_view s) {
  if (s.starts_with("\xef\xbb\xbf")) s.remove_prefix(3);  // UTF-8 byte-order mark
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size()) {
      cur.push_back(s[++i]);
    } else if (c == '\'' || c == '"') {
      char q = c;
      for (++i; i < s.size() && s[i] != q; ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) ++i;
        cur.push_back(s[i]);
      }
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

bool expandResponseFiles(std::vector<std::string>& args, std::string& err) {
  int expansions = 0;
  for (size_t i = 0; i < args.size();) {
    if (args[i].size() < 2 || args[i][0] != '@') {
      ++i;
      continue;
    }
    if (++expansions > 1000) {
      err = "too many response files (recursive @file?)";
      return false;
    }
    std::string path = args[i].substr(1);
    std::string e;
    auto f = MappedFile::open(path, e);
    if (!f) {
      err = "cannot open response file " + path + ": " + e;
      return false;
    }
    std::string_view text(reinterpret_cast<const char*>(f->bytes().data()), f->bytes().size());
    std::vector<std::string> words = splitGnu(text);
    args.erase(args.begin() + long(i));
    args.insert(args.begin() + long(i), words.begin(), words.end());
  }
  return true;
}

}  // namespace toyc::driver
