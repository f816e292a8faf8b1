// Symbols and functions the linker defines itself, as wasm-ld 19 does:
// __stack_pointer and __wasm_call_ctors always; the layout symbols
// (__heap_base, __data_end, ...) and __indirect_function_table only when an
// input refers to them.
#include <algorithm>
#include "link/leb128.h"
#include "link/linker.h"

namespace toyc::link {

using namespace toyc::wasm;

void Linker::createSyntheticSymbols() {
  symStackPointer = addSynthetic("__stack_pointer", SymKind::Global, kSymHidden);
  symCallCtors = addSynthetic("__wasm_call_ctors", SymKind::Function, kSymHidden);
  SynthFunc ctors;
  ctors.kind = SynthFunc::CallCtors;
  ctors.name = strings_.intern("__wasm_call_ctors");
  ctors.sym = symCallCtors;
  syms[symCallCtors].synth = uint32_t(synthFuncs.size());
  synthFuncs.push_back(std::move(ctors));
}

void Linker::defineOptionalSymbols() {
  auto optional = [&](std::string_view name, SymKind kind) -> GSymId {
    GSymId id = lookup(strings_.find(name).valid() ? strings_.find(name) : StrId());
    // --export-all and --export=<name> create them even when unreferenced.
    bool wanted = opts.exportAll && kind == SymKind::Data;
    for (const std::string& e : opts.exports) wanted |= e == name;
    if (!id && wanted) {
      bool created;
      id = lookupOrCreate(strings_.intern(name), kind, created);
    }
    if (!id) return GSymId();
    GSym& g = syms[id];
    if (g.state == GSym::Defined) return GSymId();
    if (g.refUnit == kNone) g.kind = kind;  // named only by the command line
    if (g.kind != kind) {
      error("symbol type mismatch: " + std::string(name) + "\n>>> defined as " +
            std::string(symKindName(kind)) + " in <internal>\n>>> defined as " + std::string(symKindName(g.kind)) +
            " in " + unitName(g.refUnit));
      return GSymId();
    }
    g.state = GSym::Defined;
    g.origin = GSym::FromLinker;
    g.flags = kSymHidden;
    return id;
  };
  symDataEnd = optional("__data_end", SymKind::Data);
  symHeapBase = optional("__heap_base", SymKind::Data);
  symHeapEnd = optional("__heap_end", SymKind::Data);
  symGlobalBase = optional("__global_base", SymKind::Data);
  symDsoHandle = optional("__dso_handle", SymKind::Data);
  symStackLow = optional("__stack_low", SymKind::Data);
  symStackHigh = optional("__stack_high", SymKind::Data);
  // Data symbols for C code; globals for PIC code (wasm-ld imports them
  // from env under -pie/-shared; in a module they are constants).
  auto dataOrGlobal = [&](std::string_view name) {
    StrId n = strings_.find(name);
    GSymId id = n.valid() ? lookup(n) : GSymId();
    return optional(name, id && syms[id].kind == SymKind::Global ? SymKind::Global : SymKind::Data);
  };
  symMemoryBase = dataOrGlobal("__memory_base");
  symTableBase = dataOrGlobal("__table_base");
  symTable = optional("__indirect_function_table", SymKind::Table);
  // Without shared memory, TLS is the .tdata segment itself (wasm-ld).
  symTlsBase = optional("__tls_base", SymKind::Global);
  symTlsSize = optional("__tls_size", SymKind::Global);
  symTlsAlign = optional("__tls_align", SymKind::Global);
  defineStartStopSymbols();
}

static bool isCIdentifier(std::string_view s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
  for (char c : s)
    if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

// __start_X and __stop_X bound the output segment X when X is a C
// identifier; a reference to either keeps the segment's inputs alive.
void Linker::defineStartStopSymbols() {
  std::unordered_map<uint32_t, bool> segNames;
  for (const auto& u : units)
    for (const DataAtom& d : u->segments)
      if (isCIdentifier(strings_.str(d.name))) segNames[d.name.v] = true;
  if (segNames.empty()) return;
  for (GSymId id(0); id.v < syms.size(); ++id.v) {
    GSym& g = syms[id];
    if (g.state == GSym::Defined || g.refUnit == kNone || g.kind != SymKind::Data) continue;
    std::string_view n = strings_.str(g.name);
    bool stop = n.starts_with("__stop_");
    if (!stop && !n.starts_with("__start_")) continue;
    StrId seg = strings_.find(n.substr(stop ? 7 : 8));
    if (!seg.valid() || !segNames.count(seg.v)) continue;
    g.state = GSym::Defined;
    g.origin = GSym::FromLinker;
    g.flags = kSymHidden;
    startStop.push_back({id, seg, stop});
  }
}

// Bodies are written once every index is known: they hold final indices and
// need no relocations.
void Linker::buildSynthetics() {
  for (SynthFunc& f : synthFuncs) {
    std::vector<uint8_t>& b = f.body;
    b.clear();
    b.push_back(0);  // no locals
    if (f.kind == SynthFunc::Trap) {
      b.push_back(0x00);  // unreachable
    } else if (f.kind == SynthFunc::CallCtors) {
      struct Init { uint32_t priority, unit, order; uint32_t func; };
      std::vector<Init> inits;
      uint32_t order = 0;
      for (uint32_t ui = 0; ui < units.size(); ++ui) {
        const Unit& u = *units[ui];
        for (const InitFunc& in : u.initFuncs) {
          uint32_t fi = funcIndexOf(ui, in.symbol);
          if (fi == kNone) continue;
          if (!funcIndexLive(ui, in.symbol)) continue;
          const FuncType& t = outTypes[outFuncs[fi].type];
          if (!t.params.empty()) {
            error("constructor functions cannot take arguments: " +
                  std::string(strings_.str(u.symbols[in.symbol].name)));
            continue;
          }
          inits.push_back({in.priority, ui, order++, fi});
        }
      }
      std::stable_sort(inits.begin(), inits.end(), [](const Init& a, const Init& b) { return a.priority < b.priority; });
      for (const Init& in : inits) {
        b.push_back(0x10);
        appendUleb(b, in.func);
        for (size_t k = 0; k < outTypes[outFuncs[in.func].type].results.size(); ++k) b.push_back(0x1a);  // drop
      }
    } else if (f.kind == SynthFunc::InitMemory) {
      for (const OutSegment& s : outSegs) {
        if (!s.bss) continue;
        b.push_back(0x41);
        appendSleb(b, int32_t(uint32_t(s.addr)));
        b.push_back(0x41);
        b.push_back(0x00);
        b.push_back(0x41);
        appendSleb(b, int32_t(uint32_t(s.size)));
        b.insert(b.end(), {0xfc, 0x0b, 0x00});  // memory.fill 0
      }
    } else if (f.kind == SynthFunc::CommandExport) {
      const GSym& g = syms[f.sym];
      if (syms[symCallCtors].live) {
        b.push_back(0x10);
        appendUleb(b, synthFuncs[syms[symCallCtors].synth].outIndex);
      }
      for (uint32_t i = 0; i < f.type.params.size(); ++i) {
        b.push_back(0x20);
        appendUleb(b, i);
      }
      const Unit& du = *units[g.unit];
      b.push_back(0x10);
      appendUleb(b, funcOut[g.unit][du.symbols[g.sym].index - du.funcImports.size()]);
      if (symCallDtors) {
        const GSym& d = syms[symCallDtors];
        const Unit& dd = *units[d.unit];
        b.push_back(0x10);
        appendUleb(b, funcOut[d.unit][dd.symbols[d.sym].index - dd.funcImports.size()]);
      }
    }
    b.push_back(0x0b);
  }
}

}  // namespace toyc::link
