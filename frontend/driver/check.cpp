#include "frontend/driver/check.h"
#include <algorithm>
#include <cstdio>
#include <memory>
#include <unordered_map>
#include "frontend/toy/ast.h"
#include "utils/diag.h"
#include "utils/file_io.h"
#include "utils/source.h"

namespace toyc::driver {

int runCheck(std::vector<std::string> args) {
  if (args.empty()) {
    error("check: no input files");
    return 1;
  }
  Interner names;
  std::vector<std::unique_ptr<SourceFile>> files;
  std::vector<std::unique_ptr<toy::Module>> modules;
  for (const std::string& path : args) {
    std::string err;
    auto mf = MappedFile::open(path, err);
    if (!mf) {
      error("cannot open " + path + ": " + err);
      continue;
    }
    std::string text(reinterpret_cast<const char*>(mf->bytes().data()), mf->bytes().size());
    files.push_back(std::make_unique<SourceFile>(path, std::move(text)));
    modules.push_back(toy::parse(*files.back(), names));
  }
  // Names are module-wide across all files: one definition each.
  struct Place {
    const SourceFile* file;
    uint32_t pos;
  };
  std::unordered_map<uint32_t, Place> defined;
  auto define = [&](const toy::Module& m, StrId name, uint32_t pos) {
    auto [it, inserted] = defined.emplace(name.v, Place{m.file, pos});
    if (inserted) return;
    uint32_t line, col;
    it->second.file->lineCol(it->second.pos, line, col);
    std::string msg = "'";
    msg.append(names.str(name));
    msg += "' is defined twice (first at " + it->second.file->name() + ":" + std::to_string(line) + ":" +
           std::to_string(col) + ")";
    m.file->error(pos, msg);
  };
  for (const auto& m : modules) {
    // In source order, so that the errors come out in that order.
    std::vector<std::pair<uint32_t, StrId>> items;
    for (const toy::StructDecl& s : m->structs) items.push_back({s.pos, s.name});
    for (const toy::GlobalDecl& g : m->globals) items.push_back({g.pos, g.name});
    for (const toy::FuncDecl& f : m->funcs) items.push_back({f.pos, f.name});
    std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto [pos, name] : items) define(*m, name, pos);
  }
  return Diag::get().failed() ? 1 : 0;
}

}  // namespace toyc::driver
