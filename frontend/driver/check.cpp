#include "frontend/driver/check.h"
#include <memory>
#include "frontend/toy/program.h"
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
  toy::Program program(names);
  for (const std::string& path : args) {
    std::string err;
    auto mf = MappedFile::open(path, err);
    if (!mf) {
      error("cannot open " + path + ": " + err);
      continue;
    }
    std::string text(reinterpret_cast<const char*>(mf->bytes().data()), mf->bytes().size());
    program.files.push_back(std::make_unique<SourceFile>(path, std::move(text)));
    program.modules.push_back(toy::parse(*program.files.back(), names));
  }
  // Items are checked only when every file parsed: syntax errors first.
  if (!Diag::get().failed()) toy::checkItems(program);
  return Diag::get().failed() ? 1 : 0;
}

}  // namespace toyc::driver
