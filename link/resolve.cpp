// Symbol resolution, following wasm-ld: a strong definition beats a weak
// one, two strong definitions are an error naming both files, a symbol's
// kind must agree everywhere, an undefined reference extracts a lazy archive
// member unless it is weak, and comdat groups after the first of a name are
// discarded whole.
#include "link/linker.h"
#include "utils/log.h"
#include "utils/parallel.h"

namespace toyc::link {

using namespace toyc::wasm;

GSymId Linker::lookupOrCreate(StrId name, SymKind kind, bool& created) {
  if (symByName.size() <= name.v) symByName.resize(std::max<size_t>(name.v + 1, symByName.size() * 2), kNone);
  uint32_t& slot = symByName[name.v];
  if (slot != kNone) {
    created = false;
    return GSymId(slot);
  }
  GSym g;
  g.name = name;
  g.kind = kind;
  GSymId id = syms.push(g);
  slot = id.v;
  created = true;
  return id;
}

static std::string kindWord(SymKind k) {
  switch (k) {
    case SymKind::Function: return "function";
    case SymKind::Data: return "data";
    case SymKind::Global: return "global";
    case SymKind::Table: return "table";
    case SymKind::Tag: return "tag";
    case SymKind::Section: return "section";
  }
  return "?";
}

void Linker::resolveUnit(uint32_t ui) {
  Unit& u = *units[ui];
  if (symRefs.size() <= ui) {
    symRefs.resize(ui + 1);
    discardedFunc.resize(ui + 1);
    discardedSeg.resize(ui + 1);
    discardedCustom.resize(ui + 1);
  }
  // Comdats: the first unit to bring a group keeps it.
  std::vector<bool> comdatDiscarded(u.comdats.size(), false);
  for (uint32_t c = 0; c < u.comdats.size(); ++c) {
    auto [it, inserted] = comdatOwner.emplace(u.comdats[c].name.v, ui);
    comdatDiscarded[c] = !inserted && it->second != ui;
  }
  auto& df = discardedFunc[ui];
  auto& ds = discardedSeg[ui];
  auto& dc = discardedCustom[ui];
  df.assign(u.funcs.size(), false);
  ds.assign(u.segments.size(), false);
  dc.assign(u.customs.size(), false);
  if (!u.comdats.empty()) {
    for (size_t i = 0; i < u.funcs.size(); ++i)
      if (u.funcs[i].comdat != UINT32_MAX && comdatDiscarded[u.funcs[i].comdat]) df[i] = true;
    for (size_t i = 0; i < u.segments.size(); ++i)
      if (u.segments[i].comdat != UINT32_MAX && comdatDiscarded[u.segments[i].comdat]) ds[i] = true;
    for (size_t i = 0; i < u.customs.size(); ++i)
      if (u.customs[i].comdat != UINT32_MAX && comdatDiscarded[u.customs[i].comdat]) dc[i] = true;
  }

  auto& refs = symRefs[ui];
  refs.resize(u.symbols.size());
  for (uint32_t i = 0; i < u.symbols.size(); ++i) {
    const Symbol& s = u.symbols[i];
    if (s.local() || s.kind == SymKind::Section) {
      refs[i] = {SymRef::Local, 0};
      continue;
    }
    bool isDef = s.defined();
    if (isDef) {
      // A definition inside a discarded comdat acts as a reference to the
      // definition that was kept.
      if (s.kind == SymKind::Function && df.size() && s.index >= u.funcImports.size() &&
          df[s.index - u.funcImports.size()])
        isDef = false;
      if (s.kind == SymKind::Data && !(s.flags & kSymAbsolute) && s.segment < ds.size() && ds[s.segment])
        isDef = false;
    }
    bool created;
    GSymId id = lookupOrCreate(s.name, s.kind, created);
    refs[i] = {SymRef::Global, id.v};
    GSym& g = syms[id];
    if (created) {
      g.kind = s.kind;
      g.flags = s.flags;
    }
    auto mismatch = [&](const std::string& otherFile, SymKind otherKind) {
      error("symbol type mismatch: " + symName(g) + "\n>>> defined as " + kindWord(otherKind) + " in " + otherFile +
            "\n>>> defined as " + kindWord(s.kind) + " in " + u.name);
    };
    if (isDef) {
      if (g.state == GSym::Defined) {
        if (g.kind != s.kind) {
          mismatch(defName(g), g.kind);
          continue;
        }
        bool oldWeak = (g.flags & kSymBindingMask) == kSymWeak;
        if (s.weak()) continue;  // the existing definition stays
        if (!oldWeak || g.origin == GSym::FromLinker) {
          error("duplicate symbol: " + symName(g) + "\n>>> defined in " + defName(g) + "\n>>> defined in " + u.name);
          continue;
        }
      } else if (g.state == GSym::Undefined && !created && g.kind != s.kind) {
        mismatch(unitName(g.refUnit), g.kind);
        continue;
      }
      g.state = GSym::Defined;
      g.origin = GSym::FromUnit;
      g.kind = s.kind;
      g.unit = ui;
      g.sym = i;
      g.flags = s.flags;
      g.usedInRegular = true;
    } else {
      if (g.state == GSym::Lazy && created == false && g.refUnit == kNone) g.kind = s.kind;
      if ((g.state == GSym::Defined || g.refUnit != kNone) && g.kind != s.kind) {
        mismatch(g.state == GSym::Defined ? defName(g) : unitName(g.refUnit), g.kind);
        continue;
      }
      if (g.refUnit == kNone) {
        g.refUnit = ui;
        g.refSym = i;
        if (g.state != GSym::Defined) g.flags = s.flags;
      }
      g.kind = s.kind;
      g.usedInRegular = true;
      if (!s.weak()) {
        g.strongRef = true;
        if (g.state == GSym::Undefined) g.flags &= ~uint32_t(kSymBindingMask);
      }
      if (g.state == GSym::Lazy && !s.weak()) extractLazy(g, ui);
    }
  }
}

GSymId Linker::addSynthetic(std::string_view name, SymKind kind, uint32_t flags) {
  bool created;
  GSymId id = lookupOrCreate(strings_.intern(name), kind, created);
  GSym& g = syms[id];
  g.kind = kind;
  g.state = GSym::Defined;
  g.origin = GSym::FromLinker;
  g.flags = flags;
  return id;
}

// Functions called directly with a signature other than the definition's
// get a trap stub with the caller's signature, and a warning (wasm-ld's
// "function signature mismatch" and its signature_mismatch:<name> stubs).
// Globals must agree in type and mutability. Units are checked in parallel;
// warnings, errors and stubs follow in unit order.
void Linker::checkSignatures() {
  struct Finding {
    uint32_t sym;
    std::string message;
    bool isError;
    const FuncType* stubType;  // set for a signature mismatch
  };
  std::vector<std::vector<Finding>> findings(units.size());
  parallelFor(0, units.size(), [&](size_t uix) {
    const uint32_t ui = uint32_t(uix);
    const Unit& u = *units[ui];
    // Which undefined function symbols this unit calls directly; computed
    // only when a signature differs, which is rare.
    std::vector<bool> called;
    bool calledKnown = false;
    auto calledDirectly = [&](uint32_t sym) {
      if (!calledKnown) {
        calledKnown = true;
        called.assign(u.symbols.size(), false);
        for (size_t f = 0; f < u.funcs.size(); ++f)
          for (const Reloc& r : u.relocsOf(u.funcs[f].relocs))
            if (r.type == RelocType::FUNCTION_INDEX_LEB) called[r.index] = true;
      }
      return bool(called[sym]);
    };
    for (uint32_t i = 0; i < u.symbols.size(); ++i) {
      const Symbol& s = u.symbols[i];
      if (!s.undefined() || (s.kind != SymKind::Function && s.kind != SymKind::Global)) continue;
      SymRef ref = symRefs[ui][i];
      if (ref.kind != SymRef::Global) continue;
      const GSym& g = syms[GSymId(ref.id)];
      if (s.kind == SymKind::Global) {
        if (g.state != GSym::Defined || g.origin != GSym::FromUnit || g.unit == ui) continue;
        const Unit& du = *units[g.unit];
        const Symbol& ds = du.symbols[g.sym];
        auto typeOf = [](const Unit& x, uint32_t idx, bool& mut) {
          if (idx < x.globalImports.size()) {
            mut = x.globalImports[idx].mut;
            return x.globalImports[idx].valType;
          }
          mut = x.globals[idx - x.globalImports.size()].mut;
          return x.globals[idx - x.globalImports.size()].type;
        };
        bool m1, m2;
        ValType t1 = typeOf(u, s.index, m1), t2 = typeOf(du, ds.index, m2);
        if (t1 != t2 || m1 != m2)
          findings[ui].push_back({i,
                                  "global type mismatch: " + symName(g) + "\n>>> defined as " + (m2 ? "var " : "const ") +
                                      std::string(valTypeName(t2)) + " in " + du.name + "\n>>> defined as " +
                                      (m1 ? "var " : "const ") + std::string(valTypeName(t1)) + " in " + u.name,
                                  true, nullptr});
        continue;
      }
      // Compare interned signature keys; only a mismatch looks further.
      const Unit* defUnit = nullptr;
      uint32_t defTypeIdx = 0;
      const FuncType* defType = nullptr;
      std::string defFile;
      if (g.state == GSym::Defined && g.origin == GSym::FromUnit) {
        defUnit = units[g.unit].get();
        defTypeIdx = unitFuncTypeIndex(*defUnit, defUnit->symbols[g.sym].index);
      } else if (g.state == GSym::Defined && g.synth != kNone) {
        defType = &synthFuncs[g.synth].type;
      } else if (g.state != GSym::Defined && g.refUnit != kNone && g.refUnit != ui) {
        defUnit = units[g.refUnit].get();
        defTypeIdx = unitFuncTypeIndex(*defUnit, defUnit->symbols[g.refSym].index);
      }
      const uint32_t myTypeIdx = unitFuncTypeIndex(u, s.index);
      if (defUnit) {
        if (defUnit->typeKeys[defTypeIdx] == u.typeKeys[myTypeIdx]) continue;
        defType = &defUnit->types[defTypeIdx];
      }
      const FuncType& myType = u.types[myTypeIdx];
      if (!defType || *defType == myType || !calledDirectly(i)) continue;
      defFile = g.state == GSym::Defined ? (g.origin == GSym::FromUnit ? units[g.unit]->name : "<internal>")
                                         : units[g.refUnit]->name;
      findings[ui].push_back({i,
                              "function signature mismatch: " + symName(g) + "\n>>> defined as " + toString(myType) +
                                  " in " + u.name + "\n>>> defined as " + toString(*defType) + " in " + defFile,
                              false, &myType});
    }
  });
  std::unordered_map<std::string, uint32_t> stubs;
  for (uint32_t ui = 0; ui < units.size(); ++ui)
    for (const Finding& f : findings[ui]) {
      if (f.isError) {
        error(f.message);
        continue;
      }
      warn(f.message);
      const GSym& g = syms[GSymId(symRefs[ui][f.sym].id)];
      std::string key = std::string(strings_.str(g.name)) + ":" + toString(*f.stubType);
      auto [it, inserted] = stubs.emplace(key, uint32_t(synthFuncs.size()));
      if (inserted) {
        SynthFunc sf;
        sf.kind = SynthFunc::Trap;
        sf.name = strings_.intern("signature_mismatch:" + symName(g));
        sf.type = *f.stubType;
        synthFuncs.push_back(std::move(sf));
      }
      symRefs[ui][f.sym] = {SymRef::Stub, it->second};
    }
}

}  // namespace toyc::link
