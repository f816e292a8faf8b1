#include "frontend/driver/response_file.h"
#include "utils/file_io.h"

namespace toyc::driver {

static std::vector<std::string> splitGnu(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  bool inArg = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size()) {
      cur.push_back(s[++i]);
      inArg = true;
    } else if (c == '\'' || c == '"') {
      char q = c;
      inArg = true;
      for (++i; i < s.size() && s[i] != q; ++i) {
        if (q == '"' && s[i] == '\\' && i + 1 < s.size()) ++i;
        cur.push_back(s[i]);
      }
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (inArg) out.push_back(std::move(cur));
      cur.clear();
      inArg = false;
    } else {
      cur.push_back(c);
      inArg = true;
    }
  }
  if (inArg) out.push_back(std::move(cur));
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
