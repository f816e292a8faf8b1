// `toyc build-obj`: writes a relocatable object from the same atoms the
// linker consumes. Inputs: Toy sources (compiled together as one unit),
// one LLVM IR file, or one wasm object (read into a unit and written back in
// toyc's canonical form). `--runtime` writes the Toy runtime instead, so
// that objects linked by another linker make a complete program.
#include "frontend/driver/build_obj.h"
#include <CLI/CLI.hpp>
#include <cstdio>
#include "frontend/driver/toy_compile.h"
#include "frontend/llvm/compile.h"
#include "link/object_reader.h"
#include "link/object_writer.h"
#include "utils/diag.h"
#include "utils/parallel.h"
#include "utils/file_io.h"

namespace toyc::driver {

namespace {

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool write(const link::Unit& unit, const Interner& strings, const std::string& output) {
  std::vector<uint8_t> bytes;
  Error e;
  std::string err;
  if (!link::writeObject(unit, strings, bytes, e)) {
    error(e.str());
    return false;
  }
  if (!writeFileAtomic(output, bytes, err, false)) {
    error(err);
    return false;
  }
  return true;
}

}  // namespace

int runBuildObj(std::vector<std::string> args) {
  CLI::App app{"toyc build-obj: writes a relocatable wasm object", "toyc build-obj"};
  std::vector<std::string> inputs;
  std::string output;
  bool runtime = false;
  app.add_option("inputs", inputs, "Toy sources (one unit), one LLVM IR file, or one wasm object");
  app.add_option("-o,--output", output, "Path of the object to write")->required();
  app.add_flag("--runtime", runtime, "Write the Toy runtime as an object");
  unsigned threads = 0;
  app.add_option("--threads", threads, "Number of threads (0: one per core); the object does not depend on it");
  std::vector<std::string> rev(args.rbegin(), args.rend());
  try {
    app.parse(rev);
  } catch (const CLI::CallForHelp&) {
    std::printf("%s", app.help().c_str());
    return 0;
  } catch (const CLI::ParseError& e) {
    error(e.what());
    return 1;
  }
  setThreadCount(threads);
  Interner strings;
  std::vector<std::string> toy;
  for (const std::string& in : inputs)
    if (endsWith(in, ".toy")) toy.push_back(in);
  if (runtime && !inputs.empty()) {
    error("build-obj: --runtime writes the runtime alone and takes no inputs (got " + inputs[0] + ")");
    return 1;
  }
  if (runtime || !toy.empty()) {
    if (toy.size() != inputs.size()) {
      error("build-obj: Toy sources cannot be mixed with other inputs (link them with toyc build or toyc link)");
      return 1;
    }
    ToyOptions opts;
    opts.model = ExecModel::Auto;
    // crt1-command.o's _start calls __main_void, as for a C program.
    opts.entry = toy::LowerOptions::MainVoid;
    opts.withProgram = !toy.empty();
    opts.withRuntime = runtime;
    ToyUnits units;
    if (!compileToy(toy, strings, opts, units)) return 1;
    return write(runtime ? *units.runtime : *units.program, strings, output) ? 0 : 1;
  }
  if (inputs.size() != 1) {
    error(inputs.empty() ? "build-obj: no input files" : "build-obj: takes one LLVM IR file or one wasm object");
    return 1;
  }
  const std::string& in = inputs[0];
  if (llvmir::isIrPath(in)) {
    auto unit = llvmir::compileFile(in, strings, {});
    return unit && write(*unit, strings, output) ? 0 : 1;
  }
  std::string err;
  auto file = MappedFile::open(in, err);
  if (!file) {
    error("cannot open " + in + ": " + err);
    return 1;
  }
  if (!link::isWasmBinary(file->bytes())) {
    error(in + ": not a wasm object, a Toy source (.toy) or LLVM IR (.ll, .bc)");
    return 1;
  }
  link::Unit unit;
  unit.name = in;
  Error e;
  if (!link::readObject(file->bytes(), 0, unit, strings, e)) {
    error(e.str());
    return 1;
  }
  return write(unit, strings, output) ? 0 : 1;
}

}  // namespace toyc::driver
