#include "frontend/driver/toy_compile.h"
#include "frontend/toy/program.h"
#include "runtime/embedded.h"
#include "utils/diag.h"
#include "utils/file_io.h"
#include "utils/log.h"
#include "utils/source.h"

namespace toyc::driver {

bool loadAndCheck(const std::vector<std::string>& files, toy::Program& program) {
  PhaseTimer phase;
  Interner& names = program.names;
  // Parsing: the user's files, then the runtime's (their own namespace).
  for (const std::string& path : files) {
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
  program.firstRuntime = uint32_t(program.modules.size());
  for (size_t i = 0; i < runtime::kToyRuntimeCount; ++i) {
    const runtime::EmbeddedFile& f = runtime::kToyRuntime[i];
    program.files.push_back(std::make_unique<SourceFile>(f.name, std::string(f.text)));
    program.modules.push_back(toy::parse(*program.files.back(), names));
  }
  if (Diag::get().failed()) return false;
  phase("toy: parse");
  // Items are checked only when every file parsed, bodies only when the
  // items are sound: later errors would mostly follow from earlier ones.
  // (Errors are counted when each pass flushes them, in source order.)
  toy::checkItems(program);
  if (Diag::get().failed()) return false;
  phase("toy: check items");
  toy::checkBodies(program);
  if (Diag::get().failed()) return false;
  phase("toy: check bodies");
  return true;
}

bool compileToy(const std::vector<std::string>& files, Interner& names, const ToyOptions& topts, ToyUnits& out) {
  PhaseTimer phase;
  toy::Program program(names);
  if (!loadAndCheck(files, program)) return false;
  auto it = program.items.find(names.intern("main").v);
  bool hasMain = it != program.items.end() && it->second.kind == toy::ItemRef::Func &&
                 program.modules[it->second.module]->funcs[it->second.index].linkage == toy::FuncDecl::Internal;
  out.hasMain = hasMain;
  out.reactor = topts.model == ExecModel::Reactor || (topts.model == ExecModel::Auto && !hasMain);
  // A command without a Toy main gets its _start from elsewhere (crt1 and
  // a C main), as wasm-ld expects of any command.
  if (topts.withProgram) {
    toy::LowerOptions opts;
    opts.version = TOYC_VERSION;
    opts.entry = out.reactor ? toy::LowerOptions::None : topts.entry;
    opts.reactor = out.reactor && topts.entry == toy::LowerOptions::Start;
    out.program = toy::lowerProgram(program, opts);
    if (!out.program) return false;
    phase("toy: lower program");
  }
  if (topts.withRuntime) {
    toy::LowerOptions opts;
    opts.runtime = true;
    opts.version = TOYC_VERSION;
    opts.entry = toy::LowerOptions::None;
    out.runtime = toy::lowerProgram(program, opts);
    if (!out.runtime) return false;
    phase("toy: lower runtime");
  }
  return !Diag::get().failed();
}

}  // namespace toyc::driver
