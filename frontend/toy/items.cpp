// Item-level checking: names, types written in the source, struct layout
// (C rules: natural alignment, padding, size a multiple of the alignment),
// and the host ABI of functions that cross the module boundary
// (../shared/docs/abi.md section 2: scalars, pointers and function values
// cross as one value, str and slices as two, several results as
// multi-value; structs and arrays by value cannot cross).
#include <algorithm>
#include "frontend/toy/program.h"
#include "utils/diag.h"

namespace toyc::toy {

namespace {

class ItemChecker {
public:
  explicit ItemChecker(Program& p) : p_(p), t_(p.types) {}

  bool run() {
    uint32_t before = Diag::get().errorCount();
    registerItems();
    for (uint32_t s = 0; s < t_.structs.size(); ++s) resolveStruct(s);
    for (uint32_t m = 0; m < p_.modules.size(); ++m) {
      const Module& mod = *p_.modules[m];
      p_.globalTypes.emplace_back();
      for (const GlobalDecl& g : mod.globals) p_.globalTypes.back().push_back(g.type ? type(m, g.type) : TypeId());
      p_.funcTypes.emplace_back();
      for (const FuncDecl& f : mod.funcs) p_.funcTypes.back().push_back(signature(m, f));
    }
    checkBoundaries();
    return Diag::get().errorCount() == before;
  }

private:
  std::string name(StrId n) const { return std::string(p_.names.str(n)); }
  const SourceFile& file(uint32_t m) const { return *p_.modules[m]->file; }
  std::string where(uint32_t m, uint32_t pos) const {
    uint32_t l, c;
    file(m).lineCol(pos, l, c);
    return file(m).name() + ":" + std::to_string(l) + ":" + std::to_string(c);
  }

  void registerItems() {
    for (uint32_t m = 0; m < p_.modules.size(); ++m) {
      const Module& mod = *p_.modules[m];
      // In source order, so that the errors come out in that order.
      struct Entry {
        uint32_t pos;
        StrId name;
        ItemRef ref;
      };
      std::vector<Entry> entries;
      for (uint32_t i = 0; i < mod.structs.size(); ++i) entries.push_back({mod.structs[i].pos, mod.structs[i].name, {ItemRef::Struct, m, i}});
      for (uint32_t i = 0; i < mod.globals.size(); ++i) entries.push_back({mod.globals[i].pos, mod.globals[i].name, {ItemRef::Global, m, i}});
      for (uint32_t i = 0; i < mod.funcs.size(); ++i) entries.push_back({mod.funcs[i].pos, mod.funcs[i].name, {ItemRef::Func, m, i}});
      std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.pos < b.pos; });
      for (const Entry& e : entries) {
        auto& items = p_.isRuntime(m) ? p_.rtItems : p_.items;
        auto [it, inserted] = items.emplace(e.name.v, e.ref);
        if (!inserted) {
          file(m).error(e.pos, "'" + name(e.name) + "' is defined twice (first at " +
                                   where(it->second.module, itemPos(it->second)) + ")");
          continue;
        }
        if (e.ref.kind == ItemRef::Struct) {
          StructInfo s;
          s.name = e.name;
          s.module = m;
          s.pos = e.pos;
          structDecl_.push_back(e.ref.index);
          t_.structs.push_back(std::move(s));
          structIndex_[key(m, e.name)] = uint32_t(t_.structs.size() - 1);
        }
      }
    }
  }

  uint32_t itemPos(const ItemRef& r) const {
    const Module& mod = *p_.modules[r.module];
    return r.kind == ItemRef::Struct ? mod.structs[r.index].pos
         : r.kind == ItemRef::Global ? mod.globals[r.index].pos
                                     : mod.funcs[r.index].pos;
  }

  // The type a type expression denotes; invalid after an error (reported).
  TypeId type(uint32_t m, TypeExprId id) {
    const Module& mod = *p_.modules[m];
    const TypeExpr& te = mod.types[id];
    switch (te.kind) {
      case TypeKind::Named: {
        if (TypeId s = t_.byName(te.name)) return s;
        auto it = structIndex_.find(key(m, te.name));
        if (it == structIndex_.end() && !p_.isRuntime(m) && !p_.items.count(te.name.v))
          it = structIndex_.find(key(p_.firstRuntime, te.name));  // a runtime struct, unless shadowed
        if (it != structIndex_.end()) return t_.structType(it->second);
        if (p_.lookup(m, te.name))
          file(m).error(te.pos, "'" + name(te.name) + "' is not a type");
        else
          file(m).error(te.pos, "unknown type '" + name(te.name) + "'");
        return TypeId();
      }
      case TypeKind::Pointer: {
        TypeId e = type(m, te.elem);
        return e ? t_.pointer(e) : TypeId();
      }
      case TypeKind::Slice: {
        TypeId e = type(m, te.elem);
        return e ? t_.slice(e) : TypeId();
      }
      case TypeKind::Array: {
        TypeId e = type(m, te.elem);
        const Expr& len = mod.exprs[te.length];
        if (len.kind != ExprKind::Int) {
          file(m).error(len.pos, "array length must be an integer literal");
          return TypeId();
        }
        if (len.intValue > (uint64_t(1) << 31)) {
          file(m).error(len.pos, "array length " + std::to_string(len.intValue) + " is too large");
          return TypeId();
        }
        if (e && (t_[e].kind != TK::Struct || t_.structs[t_[e].strukt].state == StructInfo::Done) &&
            uint64_t(t_.size(e)) * len.intValue >= (uint64_t(1) << 31)) {
          file(m).error(te.pos, "array type " + t_.toString(t_.array(e, len.intValue)) + " is too large");
          return TypeId();
        }
        return e ? t_.array(e, len.intValue) : TypeId();
      }
      case TypeKind::Func: {
        std::vector<TypeId> ps;
        bool ok = typeList(m, te.list, ps);
        TypeId r = te.result ? type(m, te.result) : t_.voidType();
        return ok && r ? t_.func(ps, r) : TypeId();
      }
      case TypeKind::Tuple: {
        std::vector<TypeId> es;
        return typeList(m, te.list, es) ? t_.tuple(es) : TypeId();
      }
    }
    return TypeId();
  }

  // The types of a list of type expressions; false if any had an error
  // (each error is reported, all of them).
  bool typeList(uint32_t m, Range list, std::vector<TypeId>& out) {
    const Module& mod = *p_.modules[m];
    bool ok = true;
    for (uint32_t i = 0; i < list.count; ++i) {
      TypeId t = type(m, mod.typeList[list.begin + i]);
      ok &= bool(t);
      out.push_back(t);
    }
    return ok;
  }

  // Lays out a struct after the structs its fields hold by value; a struct
  // that holds itself by value (directly or through others) has no size.
  void resolveStruct(uint32_t s) {
    StructInfo& info = t_.structs[s];
    if (info.state == StructInfo::Done) return;
    if (info.state == StructInfo::Resolving) {
      file(info.module).error(info.pos, "struct '" + name(info.name) + "' contains itself by value");
      info.state = StructInfo::Done;
      return;
    }
    // Structs held by value nest no deeper than this, so that no input can
    // exhaust the stack while laying them out.
    if (structDepth_ >= 256) {
      file(info.module).error(info.pos, "struct '" + name(info.name) + "' nests structs too deeply (more than 256 levels)");
      info.state = StructInfo::Done;
      return;
    }
    ++structDepth_;
    info.state = StructInfo::Resolving;
    const Module& mod = *p_.modules[info.module];
    const StructDecl& decl = mod.structs[structDecl_[s]];
    std::vector<StructField> fields;
    for (uint32_t i = 0; i < decl.fields.count; ++i) {
      const Param& f = mod.params[decl.fields.begin + i];
      for (const StructField& prev : fields)
        if (prev.name == f.name) file(info.module).error(f.pos, "duplicate field '" + name(f.name) + "'");
      TypeId ft = type(info.module, f.type);
      if (ft) byValueStructs(ft, [&](uint32_t inner) { resolveStruct(inner); });
      fields.push_back({f.name, ft ? ft : t_.scalar(TK::I32), 0});
    }
    uint64_t offset = 0;
    uint32_t align = 1;
    for (StructField& f : fields) {
      uint32_t a = t_.align(f.type);
      offset = (offset + a - 1) / a * a;
      f.offset = uint32_t(std::min<uint64_t>(offset, UINT32_MAX));
      offset += t_.size(f.type);
      align = std::max(align, a);
    }
    if (offset >= (uint64_t(1) << 31)) {
      file(info.module).error(info.pos, "struct '" + name(info.name) + "' is too large");
      offset = 0;
    }
    StructInfo& done = t_.structs[s];  // (vector unchanged: structs are all registered first)
    done.fields = std::move(fields);
    done.align = align;
    done.size = uint32_t((offset + align - 1) / align * align);
    done.state = StructInfo::Done;
    --structDepth_;
  }

  template <class F>
  void byValueStructs(TypeId t, F&& f) {
    const Type& ty = t_[t];
    if (ty.kind == TK::Struct) f(ty.strukt);
    else if (ty.kind == TK::Array) byValueStructs(ty.elem, f);
  }

  TypeId signature(uint32_t m, const FuncDecl& fn) {
    const Module& mod = *p_.modules[m];
    std::vector<TypeId> ps;
    bool ok = true;
    for (uint32_t i = 0; i < fn.params.count; ++i) {
      const Param& prm = mod.params[fn.params.begin + i];
      for (uint32_t j = 0; j < i; ++j)
        if (mod.params[fn.params.begin + j].name == prm.name)
          file(m).error(prm.pos, "duplicate parameter '" + name(prm.name) + "'");
      TypeId pt = type(m, prm.type);
      ok &= bool(pt);
      ps.push_back(pt);
    }
    TypeId r = fn.result ? type(m, fn.result) : t_.voidType();
    if (!ok || !r) return TypeId();
    TypeId sig = t_.func(ps, r);
    if (name(fn.name) == "main" && fn.linkage == FuncDecl::Internal) {
      if (!ps.empty() || (r != t_.voidType() && r != t_.scalar(TK::I32)))
        file(m).error(fn.pos, "main must be declared as 'fn main()' or 'fn main() -> i32', not '" + t_.toString(sig) + "'");
    }
    return sig;
  }

  // Why a value of type t cannot cross the host boundary, or "".
  std::string crossingProblem(TypeId t) const {
    const Type& ty = t_[t];
    if (ty.kind == TK::Struct) return "a struct passed by value";
    if (ty.kind == TK::Array) return "an array passed by value";
    if (ty.kind == TK::Tuple) {
      for (uint32_t i = 0; i < ty.count; ++i) {
        std::string p = crossingProblem(t_.listAt(ty, i));
        if (!p.empty()) return p;
      }
    }
    return "";
  }

  void checkBoundaries() {
    struct Export {
      uint32_t module, pos;
    };
    std::unordered_map<std::string, Export> exports;
    for (uint32_t m = 0; m < p_.modules.size(); ++m) {
      const Module& mod = *p_.modules[m];
      for (uint32_t i = 0; i < mod.funcs.size(); ++i) {
        const FuncDecl& fn = mod.funcs[i];
        TypeId sig = p_.funcTypes[m][i];
        if (fn.linkage == FuncDecl::Internal || !sig) continue;
        const char* what = fn.linkage == FuncDecl::Export ? "export" : fn.linkage == FuncDecl::Import ? "import" : "declare extern";
        const Type& st = t_[sig];
        for (uint32_t k = 0; k < st.count; ++k) {
          const Param& prm = mod.params[fn.params.begin + k];
          TypeId pt = t_.listAt(st, k);
          std::string problem = crossingProblem(pt);
          if (!problem.empty())
            file(m).error(prm.pos, std::string("cannot ") + what + " function '" + name(fn.name) + "': parameter '" +
                                       name(prm.name) + "' has type " + t_.toString(pt) + ", " + problem);
        }
        std::string problem = crossingProblem(st.result);
        if (!problem.empty())
          file(m).error(fn.pos, std::string("cannot ") + what + " function '" + name(fn.name) + "': its result type " +
                                    t_.toString(st.result) + " is " + problem);
        if (fn.linkage != FuncDecl::Export) continue;
        std::string exportName = name(fn.exportName ? fn.exportName : fn.name);
        if (exportName == "_start" || exportName == "_initialize" || exportName == "memory") {
          file(m).error(fn.pos, "cannot export '" + exportName + "': the name is reserved for the module itself");
          continue;
        }
        auto [it, inserted] = exports.emplace(exportName, Export{m, fn.pos});
        if (!inserted)
          file(m).error(fn.pos, "duplicate export name '" + exportName + "' (first exported at " +
                                    where(it->second.module, it->second.pos) + ")");
      }
    }
  }

  Program& p_;
  TypeTable& t_;
  std::vector<uint32_t> structDecl_;                 // struct info -> index in its module's structs
  // (namespace, name) -> struct info
  uint64_t key(uint32_t m, StrId name) const { return uint64_t(p_.isRuntime(m)) << 32 | name.v; }
  std::unordered_map<uint64_t, uint32_t> structIndex_;
  unsigned structDepth_ = 0;
};

}  // namespace

const ItemRef* Program::lookup(uint32_t module, StrId name) const {
  if (!isRuntime(module)) {
    auto it = items.find(name.v);
    if (it != items.end()) return &it->second;
    std::string_view s = names.str(name);
    if (s.size() >= 2 && s[0] == '_' && s[1] == '_') return nullptr;
  }
  auto it = rtItems.find(name.v);
  return it == rtItems.end() ? nullptr : &it->second;
}

bool checkItems(Program& p) {
  // Each file's errors come out in source order, whichever check found them.
  for (const auto& f : p.files) f->beginBuffering();
  bool ok = ItemChecker(p).run();
  for (const auto& f : p.files) f->flush();
  return ok;
}

}  // namespace toyc::toy
