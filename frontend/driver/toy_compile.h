// Compiling Toy sources to units: the user's files as one unit, the
// embedded runtime as another. Shared by `toyc build`, `toyc run` and
// `toyc build-obj`.
#pragma once
#include <memory>
#include <string>
#include <vector>
#include "frontend/toy/lower.h"
#include "frontend/toy/program.h"
#include "link/unit.h"
#include "utils/intern.h"

namespace toyc::driver {

enum class ExecModel { Auto, Command, Reactor };

struct ToyOptions {
  // Auto: a command when the program has `main`, else a reactor.
  ExecModel model = ExecModel::Auto;
  // The entry a command gets: `_start` (toyc links) or `__main_void`
  // (an object for crt1-command.o's `_start`).
  toy::LowerOptions::Entry entry = toy::LowerOptions::Start;
  bool withProgram = true, withRuntime = true;
};

struct ToyUnits {
  std::unique_ptr<link::Unit> program, runtime;
  bool reactor = false;  // the module is a reactor (no entry, exports `_initialize`)
  bool hasMain = false;  // the Toy sources define `fn main`
};

// Parses `files` and the runtime into `program` and checks everything
// (items, then bodies). Reports errors; false after any.
bool loadAndCheck(const std::vector<std::string>& files, toy::Program& program);

// Parses and checks `files` together with the runtime, and lowers the
// user's files and the runtime as asked. Reports errors; false after any.
bool compileToy(const std::vector<std::string>& files, Interner& names, const ToyOptions& opts, ToyUnits& out);

}  // namespace toyc::driver
