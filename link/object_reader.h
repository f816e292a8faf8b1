// Reads a wasm relocatable object (tool-conventions Linking.md, as written by
// clang/llvm-mc) into a Unit. Every structural problem is reported as an Error
// carrying the input's name and the byte offset where it was found.
#pragma once
#include <optional>
#include <string>
#include "link/unit.h"
#include "utils/diag.h"

namespace toyc::link {

// `base` is the file offset of data[0] (non-zero for archive members).
// On failure returns false and fills err; the unit is then unusable.
bool readObject(Bytes data, uint64_t base, Unit& unit, Interner& strings, Error& err);

// True when data starts with the wasm magic.
bool isWasmBinary(Bytes data);

// Collects the names of the global (non-local) symbols an object defines,
// without building a Unit. Used for archives that lack a symbol index.
bool scanDefinedSymbols(Bytes data, uint64_t base, const std::string& name, std::vector<std::string>& out,
                        Error& err);

}  // namespace toyc::link
