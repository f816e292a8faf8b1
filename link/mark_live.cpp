// Garbage collection (--gc-sections, on by default). Roots are the entry,
// exported and NO_STRIP symbols, RETAIN segments and, once
// __wasm_call_ctors is live, every init function. Liveness then flows
// through relocations, the way mold's gc-sections walks its graph: one
// worklist, each atom visited once.
#include <cstdio>
#include "link/leb128.h"
#include "link/linker.h"
#include "utils/log.h"

namespace toyc::link {

using namespace toyc::wasm;

namespace {

struct Marker {
  Linker& L;
  struct Item {
    uint8_t kind;  // 0 function, 1 segment, 2 global
    uint32_t unit, index;
  };
  std::vector<Item> work;

  void markAtom(uint32_t ui, uint32_t si) {
    const Unit& u = *L.units[ui];
    const Symbol& s = u.symbols[si];
    if (s.undefined()) return;
    switch (s.kind) {
      case SymKind::Function: {
        uint32_t f = s.index - uint32_t(u.funcImports.size());
        if (!L.funcLive[ui][f] && !L.discardedFunc[ui][f]) {
          L.funcLive[ui][f] = 1;
          work.push_back({0, ui, f});
        }
        break;
      }
      case SymKind::Data:
        if (!(s.flags & kSymAbsolute)) markSegment(ui, s.segment);
        break;
      case SymKind::Global: {
        uint32_t g = s.index - uint32_t(u.globalImports.size());
        if (!L.globalLive[ui][g]) {
          L.globalLive[ui][g] = 1;
          work.push_back({2, ui, g});
        }
        break;
      }
      case SymKind::Table: L.tableLive[ui][s.index - u.tableImports.size()] = 1; break;
      case SymKind::Tag: L.tagLive[ui][s.index - u.tagImports.size()] = 1; break;
      case SymKind::Section: break;
    }
  }

  void markSegment(uint32_t ui, uint32_t seg) {
    if (L.segLive[ui][seg] || L.discardedSeg[ui][seg]) return;
    L.segLive[ui][seg] = 1;
    work.push_back({1, ui, seg});
  }

  void markGlobalSym(GSymId id) {
    GSym& g = L.syms[id];
    if (g.live) return;
    g.live = true;
    if (g.state == GSym::Defined && g.origin == GSym::FromUnit) {
      markUnit(g.unit);
      markAtom(g.unit, g.sym);
    }
    for (const Linker::StartStop& ss : L.startStop)
      if (ss.sym == id)
        for (uint32_t ui = 0; ui < L.units.size(); ++ui)
          for (uint32_t s = 0; s < L.units[ui]->segments.size(); ++s)
            if (L.units[ui]->segments[s].name == ss.segment) markSegment(ui, s);
  }

  void markSymRef(uint32_t ui, uint32_t si) {
    SymRef r = L.symRefs[ui][si];
    if (r.kind == SymRef::Global) markGlobalSym(GSymId(r.id));
    else if (r.kind == SymRef::Local) markAtom(ui, si);
    else L.synthFuncs[r.id].live = true;
  }

  // The synthetic __wasm_call_ctors has no relocations, so a unit's init
  // functions (and RETAIN segments) are marked with the unit itself.
  void markUnit(uint32_t ui) {
    if (L.unitLive[ui] == 2) return;
    L.unitLive[ui] = 2;
    const Unit& u = *L.units[ui];
    for (const InitFunc& in : u.initFuncs) markSymRef(ui, in.symbol);
    for (uint32_t s = 0; s < u.segments.size(); ++s)
      if (u.segments[s].flags & kSegRetain) markSegment(ui, s);
  }

  // Global initializers refer to other globals and functions by unit index
  // (there are no relocations in the global section).
  void markGlobalInit(uint32_t ui, uint32_t g) {
    const Unit& u = *L.units[ui];
    Bytes init = u.globals[g].init;
    for (size_t i = 0; i < init.size();) {
      uint8_t op = init[i++];
      const uint8_t* p = init.data() + i;
      uint64_t v = 0;
      if (op == 0x23 || op == 0xd2) {
        readUleb(p, init.data() + init.size(), v, 32);
        for (uint32_t si = 0; si < u.symbols.size(); ++si) {
          const Symbol& s = u.symbols[si];
          if (s.index == v && ((op == 0x23 && s.kind == SymKind::Global) || (op == 0xd2 && s.kind == SymKind::Function)))
            markSymRef(ui, si);
        }
      }
      break;  // one value instruction is all clang emits
    }
  }

  void drain() {
    while (!work.empty()) {
      Item it = work.back();
      work.pop_back();
      const Unit& u = *L.units[it.unit];
      RelocRange rr;
      if (it.kind == 0) rr = u.funcs[it.index].relocs;
      else if (it.kind == 1) rr = u.segments[it.index].relocs;
      else {
        markGlobalInit(it.unit, it.index);
        continue;
      }
      for (const Reloc& r : u.relocsOf(rr))
        if (r.type != RelocType::TYPE_INDEX_LEB) markSymRef(it.unit, r.index);
    }
  }
};

}  // namespace

bool Linker::funcIndexLive(uint32_t ui, uint32_t si) const {
  SymRef r = symRefs[ui][si];
  uint32_t u = ui, s = si;
  if (r.kind == SymRef::Global) {
    const GSym& g = syms[GSymId(r.id)];
    if (g.state != GSym::Defined || g.origin != GSym::FromUnit) return false;
    u = g.unit;
    s = g.sym;
  } else if (r.kind != SymRef::Local) {
    return false;
  }
  const Unit& du = *units[u];
  const Symbol& ds = du.symbols[s];
  if (ds.kind != SymKind::Function || ds.undefined()) return false;
  return funcLive[u][ds.index - du.funcImports.size()];
}

void Linker::markLive() {
  const size_t n = units.size();
  funcLive.resize(n);
  segLive.resize(n);
  globalLive.resize(n);
  tableLive.resize(n);
  tagLive.resize(n);
  for (size_t i = 0; i < n; ++i) {
    funcLive[i].assign(units[i]->funcs.size(), 0);
    segLive[i].assign(units[i]->segments.size(), 0);
    globalLive[i].assign(units[i]->globals.size(), 0);
    tableLive[i].assign(units[i]->tables.size(), 0);
    tagLive[i].assign(units[i]->tags.size(), 0);
  }
  Marker m{*this, {}};
  if (!opts.gcSections) {
    for (uint32_t ui = 0; ui < n; ++ui) {
      const Unit& u = *units[ui];
      for (uint32_t si = 0; si < u.symbols.size(); ++si) m.markSymRef(ui, si);
      for (uint32_t f = 0; f < u.funcs.size(); ++f)
        if (!discardedFunc[ui][f] && !funcLive[ui][f]) {
          funcLive[ui][f] = 1;
          m.work.push_back({0, ui, f});
        }
      for (uint32_t s = 0; s < u.segments.size(); ++s) m.markSegment(ui, s);
      for (uint32_t g = 0; g < u.globals.size(); ++g) globalLive[ui][g] = 1;
      for (auto& t : tableLive[ui]) t = 1;
      for (auto& t : tagLive[ui]) t = 1;
    }
  }
  for (GSymId id(0); id.v < syms.size(); ++id.v) {
    GSym& g = syms[id];
    if (g.state != GSym::Defined) continue;
    bool root = g.forceExport || (g.flags & (kSymNoStrip | kSymExported)) ||
                (opts.exportAll && !(g.flags & kSymBindingMask & kSymLocal)) ||
                (opts.exportDynamic && !(g.flags & kSymHidden));
    if (root) m.markGlobalSym(id);
  }
  if (symCallDtors) m.markGlobalSym(symCallDtors);
  for (uint32_t ui = 0; ui < n; ++ui) {
    const Unit& u = *units[ui];
    for (uint32_t si = 0; si < u.symbols.size(); ++si)
      if ((u.symbols[si].flags & kSymNoStrip) && u.symbols[si].defined()) m.markSymRef(ui, si);
    if (unitLive[ui] == 1) m.markUnit(ui);
  }
  m.drain();
  // __wasm_call_ctors is live when any init function is.
  for (uint32_t ui = 0; ui < n; ++ui)
    for (const InitFunc& in : units[ui]->initFuncs)
      if (funcIndexLive(ui, in.symbol)) syms[symCallCtors].live = true;
  if (opts.printGcSections) {
    // wasm-ld's wording, on stdout: "removing unused section a.o:(f)".
    for (uint32_t ui = 0; ui < n; ++ui) {
      const Unit& u = *units[ui];
      std::vector<StrId> fname(u.funcs.size());
      for (const Symbol& s : u.symbols)
        if (s.kind == SymKind::Function && s.defined() && s.name.valid() && !fname[s.index - u.funcImports.size()].valid())
          fname[s.index - u.funcImports.size()] = s.name;
      for (uint32_t f = 0; f < u.funcs.size(); ++f)
        if (!funcLive[ui][f] && !discardedFunc[ui][f])
          std::printf("removing unused section %s:(%s)\n", u.name.c_str(),
                      fname[f].valid() ? std::string(strings_.str(fname[f])).c_str() : ("function " + std::to_string(f)).c_str());
      for (uint32_t s = 0; s < u.segments.size(); ++s)
        if (!segLive[ui][s] && !discardedSeg[ui][s])
          std::printf("removing unused section %s:(%s)\n", u.name.c_str(), std::string(strings_.str(u.segments[s].name)).c_str());
    }
  }
  // wasm-ld always emits the stack pointer, used or not.
  syms[symStackPointer].live = true;
}

// A function that traps, standing in for a symbol with no definition.
void Linker::addTrapStub(GSymId id, const std::string& name, const FuncType& type) {
  SynthFunc sf;
  sf.kind = SynthFunc::Trap;
  sf.name = strings_.intern(name);
  sf.type = type;
  sf.sym = id;
  sf.live = true;
  syms[id].synth = uint32_t(synthFuncs.size());
  synthFuncs.push_back(std::move(sf));
}

// Undefined symbols that live code refers to: imported when they may be
// (an explicit import name, --allow-undefined, a .imports list), otherwise
// reported, as wasm-ld does. Weak undefined functions become trap stubs with
// table index 0; weak undefined data has address 0.
void Linker::reportUndefined() {
  std::unordered_map<std::string, bool> allowed;
  for (const std::string& s : opts.allowUndefinedSymbols) allowed[s] = true;
  for (GSymId id(0); id.v < syms.size(); ++id.v) {
    GSym& g = syms[id];
    if (!g.live || g.state == GSym::Defined) continue;
    if (g.refUnit == kNone) continue;  // only named by the command line
    const Unit& ru = *units[g.refUnit];
    const Symbol& rs = ru.symbols[g.refSym];
    bool weak = !g.strongRef;
    std::string name = symName(g);
    bool explicitImport = rs.flags & kSymExplicitName;
    bool allow = explicitImport || allowed.count(name) || opts.unresolved == UnresolvedPolicy::ImportDynamic;
    if (g.kind == SymKind::Function) {
      if (weak) {
        addTrapStub(id, "undefined_weak:" + name, unitFuncType(ru, rs.index));
        continue;
      }
      if (allow || opts.importUndefined) continue;  // imported
    } else if (g.kind == SymKind::Data) {
      if (weak) continue;
    } else if (g.kind == SymKind::Global || g.kind == SymKind::Table || g.kind == SymKind::Tag) {
      if (allow || opts.importUndefined) continue;
    }
    if (allow) continue;
    switch (opts.unresolved) {
      case UnresolvedPolicy::ReportError: error(ru.name + ": undefined symbol: " + name); break;
      case UnresolvedPolicy::Warn: warn(ru.name + ": undefined symbol: " + name); break;
      default: break;
    }
    if (g.kind == SymKind::Function) {
      // Calls to it trap at run time instead of failing to link.
      addTrapStub(id, "undefined_stub:" + name, unitFuncType(ru, rs.index));
    } else if (g.kind == SymKind::Global || g.kind == SymKind::Table || g.kind == SymKind::Tag) {
      if (opts.unresolved != UnresolvedPolicy::ReportError)
        error(ru.name + ": undefined " + std::string(symKindName(g.kind)) + " symbol cannot be left unresolved: " + name);
    }
  }
}

// Names the command line requires (-u, the entry, --export) pull their
// archive members in before optional linker symbols are defined.
void Linker::pullRequiredSymbols() {
  auto need = [&](const std::string& name, bool placeholder) {
    StrId s = strings_.intern(name);
    GSymId id = lookup(s);
    if (id && syms[id].state == GSym::Lazy) {
      extractLazy(syms[id]);
      drainLazy();
    }
    if (!id && placeholder) {
      bool created;
      lookupOrCreate(s, SymKind::Function, created);
    }
  };
  for (const std::string& u : opts.undefined) need(u, true);
  if (!opts.noEntry) need(opts.entry.value_or("_start"), false);
  for (const std::string& e : opts.exports) need(e, true);
  for (const std::string& e : opts.exportsIfDefined) need(e, true);
  // __wasm_call_dtors (defined by libc) is called by the command export
  // wrappers when nothing calls the constructors explicitly (wasm-ld).
  if (needsCommandExports()) need("__wasm_call_dtors", false);
}

bool Linker::needsCommandExports() const {
  const GSym& ctors = syms[symCallCtors];
  std::string_view name = strings_.str(ctors.name);
  if (ctors.usedInRegular || (!opts.noEntry && opts.entry.value_or("_start") == name)) return false;
  for (const std::string& e : opts.exports)
    if (e == name) return false;
  return true;
}

// Every exported function gets a `<name>.command_export` wrapper that runs
// the constructors, the function and the destructors, and takes over its
// export (wasm-ld's createCommandExportWrappers).
void Linker::createCommandExportWrappers() {
  if (!needsCommandExports()) return;
  // Nothing to run around the exports: no constructors, no destructors.
  if (!syms[symCallCtors].live && !symCallDtors) return;
  for (GSymId id(0); id.v < syms.size(); ++id.v) {
    GSym& g = syms[id];
    if (g.state != GSym::Defined || g.kind != SymKind::Function || g.origin != GSym::FromUnit || !g.live) continue;
    bool exported = g.forceExport || (g.flags & kSymExported) || opts.exportAll ||
                    (opts.exportDynamic && !(g.flags & kSymHidden));
    if (!exported) continue;
    const Unit& du = *units[g.unit];
    SynthFunc sf;
    sf.kind = SynthFunc::CommandExport;
    sf.name = strings_.intern(symName(g) + ".command_export");
    sf.type = unitFuncType(du, du.symbols[g.sym].index);
    sf.sym = id;
    sf.live = true;
    g.wrapper = uint32_t(synthFuncs.size());
    synthFuncs.push_back(std::move(sf));
  }
}

void Linker::handleEntryAndExports() {
  auto defined = [&](const std::string& name) -> GSymId {
    GSymId id = lookup(strings_.intern(name));
    return id && syms[id].state == GSym::Defined ? id : GSymId();
  };
  if (needsCommandExports()) {
    GSymId d = defined("__wasm_call_dtors");
    if (d) {
      const GSym& g = syms[d];
      if (g.kind != SymKind::Function) {
        error("__wasm_call_dtors must be a function");
      } else if (g.origin == GSym::FromUnit) {
        const FuncType& t = unitFuncType(*units[g.unit], units[g.unit]->symbols[g.sym].index);
        if (!t.params.empty() || !t.results.empty()) error("__wasm_call_dtors must have no argument or return values");
        else symCallDtors = d;
      }
    }
  }
  if (!opts.noEntry) {
    std::string entry = opts.entry.value_or("_start");
    GSymId id = defined(entry);
    if (!id || syms[id].kind != SymKind::Function)
      error("entry symbol not defined (pass --no-entry to suppress): " + entry);
    else
      syms[id].forceExport = true;
  }
  for (const std::string& e : opts.exports) {
    GSymId id = defined(e);
    if (!id) error("symbol exported via --export not found: " + e);
    else syms[id].forceExport = true;
  }
  for (const std::string& e : opts.exportsIfDefined)
    if (GSymId id = defined(e)) syms[id].forceExport = true;
}

}  // namespace toyc::link
