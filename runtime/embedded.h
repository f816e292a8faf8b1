// The Toy runtime's sources, embedded in toyc at build time
// (runtime/embed.cmake). Each Toy build compiles them with the program.
#pragma once
#include <cstddef>
#include <string_view>

namespace toyc::runtime {

struct EmbeddedFile {
  const char* name;
  std::string_view text;
};

extern const EmbeddedFile kToyRuntime[];
extern const size_t kToyRuntimeCount;

// runtime/run-wasi.mjs, which `toyc run` hands to node.
extern const std::string_view kRunWasi;

}  // namespace toyc::runtime
