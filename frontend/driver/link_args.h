// The linker's command line, spelled as wasm-ld spells it (lld/wasm
// Options.td): both `-flag` and `--flag` for long options, `--opt=value` and
// `--opt value`, `-z key=value`, ordered inputs with --whole-archive.
#pragma once
#include <string>
#include <vector>
#include "link/options.h"

namespace toyc::driver {

enum class LinkArgsResult { Ok, Exit0, Error };

// Parses args (without argv[0]). `wasmLdMode` makes -v print the version as
// wasm-ld does; in `toyc link`, -v turns on verbose logging.
// `inputsOptional`: the caller adds inputs of its own (toyc build's units).
LinkArgsResult parseLinkArgs(std::vector<std::string> args, bool wasmLdMode, link::LinkOptions& out,
                             bool inputsOptional = false);

}  // namespace toyc::driver
