// Where symbols end up, and the value every relocation type resolves to
// (tool-conventions Linking.md; wasm-ld's calcNewValue for the corner cases:
// undefined and weak data is address 0, functions without a table slot have
// table index 0, dead targets in debug sections get a tombstone).
#include <cstring>
#include "link/leb128.h"
#include "link/linker.h"
#include "utils/parallel.h"

namespace toyc::link {

using namespace toyc::wasm;

uint32_t Linker::funcIndexSlow(uint32_t ui, uint32_t si) const {
  SymRef r = symRefs[ui][si];
  if (r.kind == SymRef::Stub) return synthFuncs[r.id].outIndex;
  if (r.kind == SymRef::Global) {
    const GSym& g = syms[GSymId(r.id)];
    if (g.state == GSym::Defined && g.origin == GSym::FromUnit) {
      const Unit& du = *units[g.unit];
      return funcOut[g.unit][du.symbols[g.sym].index - du.funcImports.size()];
    }
    if (g.synth != kNone) return synthFuncs[g.synth].outIndex;
    return g.outIndex;
  }
  const Unit& u = *units[ui];
  const Symbol& s = u.symbols[si];
  if (s.undefined()) return kNone;
  return funcOut[ui][s.index - u.funcImports.size()];
}

uint32_t Linker::globalIndexOf(uint32_t ui, uint32_t si) const {
  if (units[ui]->symbols[si].kind != SymKind::Global) {
    auto it = gotIndex.find(gotKey(ui, si));
    return it == gotIndex.end() ? kNone : it->second;
  }
  SymRef r = symRefs[ui][si];
  if (r.kind == SymRef::Global) {
    const GSym& g = syms[GSymId(r.id)];
    if (g.state == GSym::Defined && g.origin == GSym::FromUnit) {
      const Unit& du = *units[g.unit];
      return globalOut[g.unit][du.symbols[g.sym].index - du.globalImports.size()];
    }
    return g.outIndex;
  }
  const Unit& u = *units[ui];
  const Symbol& s = u.symbols[si];
  if (s.undefined()) return kNone;
  return globalOut[ui][s.index - u.globalImports.size()];
}

uint32_t Linker::tableIndexOf(uint32_t ui, uint32_t si) const {
  SymRef r = symRefs[ui][si];
  if (r.kind == SymRef::Global) {
    const GSym& g = syms[GSymId(r.id)];
    if (g.state == GSym::Defined && g.origin == GSym::FromUnit) {
      const Unit& du = *units[g.unit];
      return tableOut[g.unit][du.symbols[g.sym].index - du.tableImports.size()];
    }
    return g.outIndex;
  }
  const Unit& u = *units[ui];
  const Symbol& s = u.symbols[si];
  if (s.undefined()) return kNone;
  return tableOut[ui][s.index - u.tableImports.size()];
}

bool Linker::dataAddressSlow(uint32_t ui, uint32_t si, uint64_t& addr) const {
  SymRef r = symRefs[ui][si];
  const Unit* u = units[ui].get();
  const Symbol* s = &u->symbols[si];
  if (r.kind == SymRef::Global) {
    const GSym& g = syms[GSymId(r.id)];
    if (g.state != GSym::Defined) {
      addr = 0;
      return false;
    }
    if (g.origin == GSym::FromLinker) {
      addr = g.address;
      return true;
    }
    ui = g.unit;
    u = units[ui].get();
    s = &u->symbols[g.sym];
  }
  if (s->undefined()) {
    addr = 0;
    return false;
  }
  if (s->flags & kSymAbsolute) {
    addr = s->offset;
    return true;
  }
  if (!segLive[ui][s->segment]) {
    addr = 0;
    return false;
  }
  uint32_t m = segMerge[ui][s->segment];
  addr = segAddr[ui][s->segment] + (m == kNone ? s->offset : merges[m].map(s->offset));
  return true;
}

void Linker::cacheFunctionIndices() {
  std::vector<std::vector<uint32_t>> table(units.size());
  parallelFor(0, units.size(), [&](size_t ui) {
    const Unit& u = *units[ui];
    table[ui].assign(u.symbols.size(), kNone);
    for (uint32_t si = 0; si < u.symbols.size(); ++si)
      if (u.symbols[si].kind == SymKind::Function) table[ui][si] = funcIndexSlow(uint32_t(ui), si);
  });
  symFunc_ = std::move(table);
}

void Linker::cacheDataAddresses() {
  std::vector<std::vector<uint64_t>> table(units.size());
  parallelFor(0, units.size(), [&](size_t ui) {
    const Unit& u = *units[ui];
    table[ui].assign(u.symbols.size(), kNoAddress);
    for (uint32_t si = 0; si < u.symbols.size(); ++si) {
      uint64_t a;
      if (u.symbols[si].kind == SymKind::Data && dataAddressSlow(uint32_t(ui), si, a)) table[ui][si] = a;
    }
  });
  symAddr_ = std::move(table);
}

// Is the function or data a relocation names part of the output?
static bool targetLive(const Linker& L, uint32_t ui, uint32_t si) {
  const Symbol& s = L.units[ui]->symbols[si];
  if (s.kind == SymKind::Function) return L.funcIndexOf(ui, si) != kNone;
  if (s.kind == SymKind::Data) {
    uint64_t a;
    SymRef r = L.symRefs[ui][si];
    if (r.kind == SymRef::Global && L.syms[GSymId(r.id)].state != GSym::Defined) return true;  // undefined: 0
    return L.dataAddressOf(ui, si, a);
  }
  return true;
}

static uint64_t tombstoneFor(std::string_view section) {
  if (section == ".debug_ranges" || section == ".debug_loc") return uint64_t(-2);
  if (section.starts_with(".debug_")) return uint64_t(-1);
  return 0;
}

uint64_t Linker::relocValue(uint32_t ui, const Reloc& r, bool inCustom, StrId customName, uint64_t place) const {
  const Unit& u = *units[ui];
  if (r.type == RelocType::TYPE_INDEX_LEB) {
    uint32_t t = typeOut[ui][r.index];
    if (t == kNone) t = const_cast<Linker*>(this)->internType(u.types[r.index]);
    return t;
  }
  if (inCustom && !targetLive(*this, ui, r.index)) {
    uint64_t t = tombstoneFor(strings_.str(customName));
    return t ? t : uint64_t(r.addend);
  }
  switch (r.type) {
    case RelocType::FUNCTION_INDEX_LEB:
    case RelocType::FUNCTION_INDEX_I32: {
      uint32_t f = funcIndexOf(ui, r.index);
      return f == kNone ? 0 : f;
    }
    case RelocType::TABLE_INDEX_SLEB: case RelocType::TABLE_INDEX_I32: case RelocType::TABLE_INDEX_SLEB64:
    case RelocType::TABLE_INDEX_I64: {
      uint32_t f = funcIndexOf(ui, r.index);
      return f == kNone || f >= tableSlot.size() ? 0 : tableSlot[f];
    }
    case RelocType::TABLE_INDEX_REL_SLEB: case RelocType::TABLE_INDEX_REL_SLEB64: {
      uint32_t f = funcIndexOf(ui, r.index);
      return f == kNone || f >= tableSlot.size() || !tableSlot[f] ? 0 : tableSlot[f] - opts.tableBase;
    }
    case RelocType::MEMORY_ADDR_LEB: case RelocType::MEMORY_ADDR_SLEB: case RelocType::MEMORY_ADDR_I32:
    case RelocType::MEMORY_ADDR_LEB64: case RelocType::MEMORY_ADDR_SLEB64: case RelocType::MEMORY_ADDR_I64:
    case RelocType::MEMORY_ADDR_REL_SLEB: case RelocType::MEMORY_ADDR_REL_SLEB64: {
      uint64_t a;
      if (!dataAddressOf(ui, r.index, a)) return 0;
      return a + uint64_t(r.addend);
    }
    case RelocType::MEMORY_ADDR_LOCREL_I32: case RelocType::MEMORY_ADDR_LOCREL_I64: {
      uint64_t a;
      if (!dataAddressOf(ui, r.index, a)) return 0;
      return a + uint64_t(r.addend) - place;
    }
    case RelocType::MEMORY_ADDR_TLS_SLEB: case RelocType::MEMORY_ADDR_TLS_SLEB64: {
      uint64_t a;
      if (!dataAddressOf(ui, r.index, a)) return 0;
      uint64_t tlsBase = 0;
      for (const OutSegment& s : outSegs)
        if (s.tls) tlsBase = s.addr;
      return a + uint64_t(r.addend) - tlsBase;
    }
    case RelocType::GLOBAL_INDEX_LEB:
    case RelocType::GLOBAL_INDEX_I32: {
      uint32_t g = globalIndexOf(ui, r.index);
      return g == kNone ? 0 : g;
    }
    case RelocType::FUNCTION_OFFSET_I32:
    case RelocType::FUNCTION_OFFSET_I64: {
      uint32_t f = funcIndexOf(ui, r.index);
      if (f == kNone || f < numFuncImports) return uint64_t(r.addend);
      return codeOffset[f - numFuncImports] + uint64_t(r.addend);
    }
    case RelocType::SECTION_OFFSET_I32: {
      const Symbol& s = u.symbols[r.index];
      if (s.index >= customOffset[ui].size() || customOffset[ui][s.index] == kNone) return uint64_t(r.addend);
      if (uint32_t m = customMerge[ui][s.index]; m != kNone) return merges[m].map(uint64_t(r.addend));
      return customOffset[ui][s.index] + uint64_t(r.addend);
    }
    case RelocType::TABLE_NUMBER_LEB: {
      uint32_t t = tableIndexOf(ui, r.index);
      return t == kNone ? 0 : t;
    }
    case RelocType::TAG_INDEX_LEB:
    case RelocType::TYPE_INDEX_LEB: return 0;
  }
  return 0;
}

// Patches a field in place at its full (padded) width.
void patchField(uint8_t* p, FieldEnc enc, uint64_t v) {
  switch (enc) {
    case FieldEnc::U5: writeUlebPadded(p, uint32_t(v), 5); break;
    case FieldEnc::S5: writeSlebPadded(p, int64_t(int32_t(uint32_t(v))), 5); break;
    case FieldEnc::U10: writeUlebPadded(p, v, 10); break;
    case FieldEnc::S10: writeSlebPadded(p, int64_t(v), 10); break;
    case FieldEnc::I32: {
      uint32_t x = uint32_t(v);
      std::memcpy(p, &x, 4);
      break;
    }
    case FieldEnc::I64: std::memcpy(p, &v, 8); break;
  }
}

}  // namespace toyc::link
