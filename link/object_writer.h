// Writes a Unit as a relocatable object (tool-conventions Linking.md), the
// form wasm-ld and toyc's own reader accept: the `linking` section (symbol
// table, segment info, init functions, comdats), `reloc.*` sections with
// every relocation in ascending offset order, `producers` and
// `target_features`, in the section order LLVM's reader enforces. Relocated
// fields must already be padded (5 or 10 bytes) in the unit's atoms, as the
// object reader and the code generators leave them.
#pragma once
#include <vector>
#include "link/unit.h"
#include "utils/diag.h"

namespace toyc::link {

// Serializes `unit` into `out`. Returns false and fills err if the unit
// cannot be expressed as an object (a symbol that names no atom, say).
bool writeObject(const Unit& unit, const Interner& strings, std::vector<uint8_t>& out, Error& err);

}  // namespace toyc::link
