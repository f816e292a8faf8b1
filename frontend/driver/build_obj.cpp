// `toyc build-obj`: writes a relocatable object from the same atoms the
// linker consumes. Today its input is one wasm object (read into a Unit and
// written back in toyc's canonical form); Toy and LLVM IR sources arrive
// with their frontends.
#include "frontend/driver/build_obj.h"
#include <CLI/CLI.hpp>
#include <cstdio>
#include "link/object_reader.h"
#include "link/object_writer.h"
#include "utils/diag.h"
#include "utils/file_io.h"

namespace toyc::driver {

int runBuildObj(std::vector<std::string> args) {
  CLI::App app{"toyc build-obj: writes a relocatable wasm object", "toyc build-obj"};
  std::vector<std::string> inputs;
  std::string output;
  app.add_option("inputs", inputs, "One wasm object")->required();
  app.add_option("-o,--output", output, "Path of the object to write")->required();
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
  if (inputs.size() != 1) {
    error("build-obj takes one object for now (Toy and LLVM IR sources are not supported yet)");
    return 1;
  }
  const std::string& in = inputs[0];
  std::string err;
  auto file = MappedFile::open(in, err);
  if (!file) {
    error("cannot open " + in + ": " + err);
    return 1;
  }
  if (!link::isWasmBinary(file->bytes())) {
    error(in + ": not a wasm object (Toy and LLVM IR sources are not supported by build-obj yet)");
    return 1;
  }
  Interner strings;
  link::Unit unit;
  unit.name = in;
  Error e;
  if (!link::readObject(file->bytes(), 0, unit, strings, e)) {
    error(e.str());
    return 1;
  }
  std::vector<uint8_t> bytes;
  if (!link::writeObject(unit, strings, bytes, e) || !writeFileAtomic(output, bytes, err, false)) {
    error(e.msg.empty() ? err : e.str());
    return 1;
  }
  return 0;
}

}  // namespace toyc::driver
