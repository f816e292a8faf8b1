// Symbol resolution, following wasm-ld: a strong definition beats a weak
// one, two strong definitions are an error naming both files, a symbol's
// kind must agree everywhere, an undefined reference extracts a lazy archive
// member unless it is weak, and comdat groups after the first of a name are
// discarded whole.
#include "link/linker.h"
#include "utils/log.h"

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
      if (g.state == GSym::Lazy && !s.weak()) extractLazy(g);
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
void Linker::checkSignatures() {
  std::unordered_map<std::string, uint32_t> stubs;
  for (uint32_t ui = 0; ui < units.size(); ++ui) {
    const Unit& u = *units[ui];
    // Which undefined function symbols this unit calls directly.
    std::vector<bool> called;
    for (size_t f = 0; f < u.funcs.size(); ++f)
      for (const Reloc& r : u.relocsOf(u.funcs[f].relocs))
        if (r.type == RelocType::FUNCTION_INDEX_LEB) {
          if (called.empty()) called.assign(u.symbols.size(), false);
          called[r.index] = true;
        }
    for (uint32_t i = 0; i < u.symbols.size(); ++i) {
      const Symbol& s = u.symbols[i];
      SymRef ref = symRefs[ui][i];
      if (ref.kind != SymRef::Global) continue;
      GSym& g = syms[GSymId(ref.id)];
      if (s.kind == SymKind::Global && g.state == GSym::Defined && g.origin == GSym::FromUnit && g.unit != ui) {
        // Globals must agree in type and mutability.
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
          error("global type mismatch: " + symName(g) + "\n>>> defined as " + (m2 ? "var " : "const ") +
                std::string(valTypeName(t2)) + " in " + du.name + "\n>>> defined as " + (m1 ? "var " : "const ") +
                std::string(valTypeName(t1)) + " in " + u.name);
        continue;
      }
      if (s.kind != SymKind::Function || !s.undefined() || called.empty() || !called[i]) continue;
      const FuncType* defType = nullptr;
      std::string defFile;
      if (g.state == GSym::Defined && g.origin == GSym::FromUnit) {
        const Unit& du = *units[g.unit];
        defType = &unitFuncType(du, du.symbols[g.sym].index);
        defFile = du.name;
      } else if (g.state == GSym::Defined && g.synth != kNone) {
        defType = &synthFuncs[g.synth].type;
        defFile = "<internal>";
      } else if (g.state != GSym::Defined && g.refUnit != kNone && g.refUnit != ui) {
        const Unit& ru = *units[g.refUnit];
        defType = &unitFuncType(ru, ru.symbols[g.refSym].index);
        defFile = ru.name;
      }
      const FuncType& myType = unitFuncType(u, s.index);
      if (!defType || *defType == myType) continue;
      warn("function signature mismatch: " + symName(g) + "\n>>> defined as " + toString(myType) + " in " + u.name +
           "\n>>> defined as " + toString(*defType) + " in " + defFile);
      std::string key = std::to_string(g.name.v) + ":" + toString(myType);
      auto [it, inserted] = stubs.emplace(key, uint32_t(synthFuncs.size()));
      if (inserted) {
        SynthFunc sf;
        sf.kind = SynthFunc::Trap;
        sf.name = strings_.intern("signature_mismatch:" + symName(g));
        sf.type = myType;
        synthFuncs.push_back(std::move(sf));
      }
      symRefs[ui][i] = {SymRef::Stub, it->second};
    }
  }
}

}  // namespace toyc::link
