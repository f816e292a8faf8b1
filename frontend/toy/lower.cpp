// Unit-level lowering: symbols for every item, data atoms for globals and
// string literals (constant initializers become bytes plus relocations),
// the function bodies (lowered in parallel, appended in source order), and
// the wrappers between the internal ABI and the host's (docs/abi.md).
//
// Symbol names: a user item `f` is `toy.f` with local binding, so that
// separately built units never clash; a runtime item is `toyrt.f`, global
// and hidden, so that user units (or objects) can call it. Exported
// functions are also C-ABI symbols under their export name; imported and
// extern functions keep their own names for the host import or C symbol.
#include <algorithm>
#include <cmath>
#include <cstring>
#include "codegen/function_builder.h"
#include "codegen/ops.h"
#include "link/leb128.h"
#include "frontend/toy/lower_context.h"
#include "utils/parallel.h"

namespace toyc::toy {

using codegen::Fc;
using codegen::FunctionBuilder;
using codegen::Op;
using link::Reloc;
using link::RelocType;
using link::Symbol;
using link::SymKind;
namespace wasm = toyc::wasm;

namespace {
constexpr const char* kToyFeatures[] = {"bulk-memory", "multivalue", "mutable-globals", "nontrapping-fptoint",
                                        "sign-ext"};
}

Lowering::Lowering(const Program& prog, const LowerOptions& o) : p(prog), t(prog.types), opts(o) {}

ValType Lowering::valType(TypeId ty) const {
  switch (t[ty].kind) {
    case TK::I64: case TK::U64: return ValType::I64;
    case TK::F32: return ValType::F32;
    case TK::F64: return ValType::F64;
    default: return ValType::I32;
  }
}

bool Lowering::isAggregate(TypeId ty) const {
  TK k = t[ty].kind;
  return k == TK::Struct || k == TK::Array || k == TK::Slice || k == TK::Tuple;
}

void Lowering::hostTypes(TypeId ty, std::vector<ValType>& out) const {
  const Type& tt = t[ty];
  if (tt.kind == TK::Void) return;
  if (tt.kind == TK::Tuple) {
    for (uint32_t i = 0; i < tt.count; ++i) hostTypes(t.listAt(tt, i), out);
  } else if (tt.kind == TK::Slice) {
    out.push_back(ValType::I32);
    out.push_back(ValType::I32);
  } else {
    out.push_back(valType(ty));
  }
}

const BlockLayout& Lowering::layout(TypeId fn) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = layouts_.find(fn.v);
  if (it != layouts_.end()) return it->second;
  BlockLayout b;
  const Type& ft = t[fn];
  uint32_t off = 0;
  auto place = [&](TypeId ty) {
    uint32_t a = t.align(ty);
    off = (off + a - 1) / a * a;
    uint32_t at = off;
    off += t.size(ty);
    return at;
  };
  for (uint32_t i = 0; i < ft.count; ++i) {
    b.paramTypes.push_back(t.listAt(ft, i));
    b.params.push_back(place(b.paramTypes.back()));
  }
  off = (off + 7) / 8 * 8;
  const Type& rt = t[ft.result];
  if (rt.kind == TK::Tuple) {
    for (uint32_t i = 0; i < rt.count; ++i) b.resultTypes.push_back(t.listAt(rt, i));
  } else if (rt.kind != TK::Void) {
    b.resultTypes.push_back(ft.result);
  }
  for (TypeId r : b.resultTypes) b.results.push_back(place(r));
  b.size = (off + 7) / 8 * 8;
  return layouts_.emplace(fn.v, std::move(b)).first->second;
}

std::string Lowering::symbolName(uint32_t module, StrId name) const {
  return (p.isRuntime(module) ? "toyrt." : "toy.") + str(name);
}

uint32_t Lowering::symbolFlags(uint32_t module) const {
  return p.isRuntime(module) ? wasm::kSymHidden : wasm::kSymLocal;
}

uint32_t Lowering::undefinedFunc(const std::string& name) {
  auto it = namedSyms_.find(name);
  if (it != namedSyms_.end()) return it->second;
  link::Import imp;
  imp.module = p.names.intern("env");
  imp.field = p.names.intern(name);
  imp.type = toyType;
  unit->funcImports.push_back(imp);
  Symbol s;
  s.kind = SymKind::Function;
  s.flags = wasm::kSymUndefined | wasm::kSymHidden;
  s.name = imp.field;
  s.index = uint32_t(unit->funcImports.size() - 1);
  uint32_t sym = unit->addSymbol(s);
  namedSyms_.emplace(name, sym);
  return sym;
}

uint32_t Lowering::runtimeFunc(const std::string& name) {
  if (opts.runtime) {
    auto it = p.rtItems.find(p.names.intern(name).v);
    if (it != p.rtItems.end() && it->second.kind == ItemRef::Func) return funcSym(it->second.module, it->second.index);
  }
  return undefinedFunc("toyrt." + name);
}

uint32_t Lowering::funcSym(uint32_t module, uint32_t index) {
  if (ours(module)) return funcSyms_[module][index];
  return undefinedFunc(symbolName(module, p.modules[module]->funcs[index].name));
}

uint32_t Lowering::globalSym(uint32_t module, uint32_t index) {
  if (ours(module)) return globalSyms_[module][index];
  std::string name = symbolName(module, p.modules[module]->globals[index].name);
  auto it = namedSyms_.find(name);
  if (it != namedSyms_.end()) return it->second;
  Symbol s;
  s.kind = SymKind::Data;
  s.flags = wasm::kSymUndefined | wasm::kSymHidden;
  s.name = p.names.intern(name);
  uint32_t sym = unit->addSymbol(s);
  namedSyms_.emplace(name, sym);
  return sym;
}

uint32_t Lowering::heapBaseSym() {
  auto it = namedSyms_.find("__heap_base");
  if (it != namedSyms_.end()) return it->second;
  Symbol s;
  s.kind = SymKind::Data;
  s.flags = wasm::kSymUndefined;
  s.name = p.names.intern("__heap_base");
  return namedSyms_["__heap_base"] = unit->addSymbol(s);
}

uint32_t Lowering::callCtorsSym() {
  auto it = namedSyms_.find("__wasm_call_ctors");
  if (it != namedSyms_.end()) return it->second;
  link::Import imp;
  imp.module = p.names.intern("env");
  imp.field = p.names.intern("__wasm_call_ctors");
  imp.type = unit->addType({});
  unit->funcImports.push_back(imp);
  Symbol s;
  s.kind = SymKind::Function;
  s.flags = wasm::kSymUndefined;
  s.name = imp.field;
  s.index = uint32_t(unit->funcImports.size() - 1);
  return namedSyms_["__wasm_call_ctors"] = unit->addSymbol(s);
}

uint32_t Lowering::dataAtom(const std::string& segment, std::vector<uint8_t> bytes, uint32_t alignLog2,
                            const std::vector<Reloc>& relocs, uint32_t segFlags) {
  link::DataAtom d;
  d.name = p.names.intern(segment);
  d.alignLog2 = alignLog2;
  d.flags = segFlags;
  d.bytes = unit->own(std::move(bytes));
  d.relocs = unit->addRelocs(relocs);
  unit->segments.push_back(d);
  return uint32_t(unit->segments.size() - 1);
}

uint32_t Lowering::stringSym(const std::string& s) {
  auto it = strings_.find(s);
  if (it != strings_.end()) return it->second;
  // The bytes, NUL-terminated for C callers, in a mergeable string segment
  // (unless the string holds a NUL itself: merging splits at NULs); then
  // the {ptr, len} header Toy code reads.
  std::vector<uint8_t> bytes(s.begin(), s.end());
  bytes.push_back(0);
  uint32_t n = uint32_t(s.size());
  bool plain = s.find('\0') == std::string::npos;
  uint32_t seg = dataAtom(plain ? ".rodata.str1.1" : ".rodata.toy.str", std::move(bytes), 0, {}, plain ? uint32_t(wasm::kSegStrings) : 0u);
  Symbol sd;
  sd.kind = SymKind::Data;
  sd.flags = wasm::kSymLocal;
  sd.segment = seg;
  sd.size = n + 1;
  uint32_t bytesSym = unit->addSymbol(sd);
  stringBytes_[s] = bytesSym;
  std::vector<uint8_t> header(8, 0);
  std::memcpy(header.data() + 4, &n, 4);
  uint32_t hseg = dataAtom(".rodata.toy.strhdr", std::move(header), 2, {{RelocType::MEMORY_ADDR_I32, 0, bytesSym, 0}});
  Symbol sh;
  sh.kind = SymKind::Data;
  sh.flags = wasm::kSymLocal;
  sh.segment = hseg;
  sh.size = 8;
  return strings_[s] = unit->addSymbol(sh);
}

uint32_t Lowering::hostType(TypeId fn) {
  link::FuncType ft;
  const Type& f = t[fn];
  for (uint32_t i = 0; i < f.count; ++i) hostTypes(t.listAt(f, i), ft.params);
  hostTypes(f.result, ft.results);
  return unit->addType(ft);
}

void Lowering::declareItems() {
  size_t nm = p.modules.size();
  funcSyms_.assign(nm, {});
  globalSyms_.assign(nm, {});
  hostImportSym_.assign(nm, {});
  for (uint32_t m = 0; m < nm; ++m) {
    if (!ours(m)) continue;
    const Module& mod = *p.modules[m];
    // Functions with bodies first, in order, so that atom i is function i.
    for (uint32_t i = 0; i < mod.funcs.size(); ++i) {
      const FuncDecl& fd = mod.funcs[i];
      hostImportSym_[m].push_back(UINT32_MAX);
      if (fd.linkage == FuncDecl::Import || fd.linkage == FuncDecl::Extern) {
        link::Import imp;
        bool isImport = fd.linkage == FuncDecl::Import;
        imp.module = p.names.intern(isImport ? str(fd.importModule) : "env");
        imp.field = isImport && fd.importName ? fd.importName : fd.name;
        imp.type = hostType(p.funcTypes[m][i]);
        unit->funcImports.push_back(imp);
        Symbol s;
        s.kind = SymKind::Function;
        s.flags = wasm::kSymUndefined;
        s.name = fd.name;
        if (isImport) s.flags |= wasm::kSymExplicitName;
        s.index = uint32_t(unit->funcImports.size() - 1);
        hostImportSym_[m].back() = unit->addSymbol(s);
      }
    }
  }
  // Defined functions: every Toy function, then the wrappers, in order.
  uint32_t nextFunc = 0;
  for (uint32_t m = 0; m < nm; ++m) {
    funcSyms_[m].assign(p.modules[m]->funcs.size(), UINT32_MAX);
    if (!ours(m)) continue;
    const Module& mod = *p.modules[m];
    for (uint32_t i = 0; i < mod.funcs.size(); ++i) {
      Symbol s;
      s.kind = SymKind::Function;
      s.flags = symbolFlags(m);
      s.name = p.names.intern(symbolName(m, mod.funcs[i].name));
      s.index = nextFunc++;  // defined index until run() adds the imports
      funcSyms_[m][i] = unit->addSymbol(s);
    }
  }
  for (uint32_t m = 0; m < nm; ++m) globalSyms_[m].assign(p.modules[m]->globals.size(), UINT32_MAX);
}

// --- globals ---

namespace {

// Evaluates an integer constant expression (literals and the operators the
// checker lets literals combine with), wrapping to the type's width.
// The value as an integer of `bits` bits, sign-extended when signed.
uint64_t extend(uint64_t v, bool sgn, unsigned bits) {
  if (bits >= 64) return v;
  v &= (uint64_t(1) << bits) - 1;
  if (sgn && (v >> (bits - 1)) & 1) v |= ~uint64_t(0) << bits;
  return v;
}

// Evaluates an integer constant expression (literals and the operators the
// checker lets literals combine with) in the type's width and signedness,
// with the run-time semantics: wrapping, Go's division, masked shifts.
bool evalInt(const Module& mod, ExprId id, uint64_t& v, bool sgn, unsigned bits) {
  const Expr& e = mod.exprs[id];
  switch (e.kind) {
    case ExprKind::Int: case ExprKind::Char: v = extend(e.intValue, sgn, bits); return true;
    case ExprKind::Bool: v = e.boolValue; return true;
    case ExprKind::Unary: {
      if (!evalInt(mod, e.a, v, sgn, bits)) return false;
      if (e.op == Tok::Minus) v = 0 - v;
      else if (e.op == Tok::Tilde) v = ~v;
      else return false;
      v = extend(v, sgn, bits);
      return true;
    }
    case ExprKind::Binary: {
      uint64_t a, b;
      if (!evalInt(mod, e.a, a, sgn, bits) || !evalInt(mod, e.b, b, sgn, bits)) return false;
      int64_t sa = int64_t(a), sb = int64_t(b);
      switch (e.op) {
        case Tok::Plus: v = a + b; break;
        case Tok::Minus: v = a - b; break;
        case Tok::Star: v = a * b; break;
        case Tok::Slash:
          if (!b) return false;
          v = !sgn ? a / b : sb == -1 ? 0 - a : uint64_t(sa / sb);
          break;
        case Tok::Percent:
          if (!b) return false;
          v = !sgn ? a % b : sb == -1 ? 0 : uint64_t(sa % sb);
          break;
        case Tok::Amp: v = a & b; break;
        case Tok::Pipe: v = a | b; break;
        case Tok::Caret: v = a ^ b; break;
        case Tok::Shl: v = a << (b & (bits - 1)); break;
        case Tok::Shr: v = sgn ? uint64_t(sa >> (b & (bits - 1))) : a >> (b & (bits - 1)); break;
        default: return false;
      }
      v = extend(v, sgn, bits);
      return true;
    }
    default: return false;
  }
}

bool evalFloat(const Module& mod, ExprId id, double& v) {
  const Expr& e = mod.exprs[id];
  switch (e.kind) {
    case ExprKind::Float: v = e.floatValue; return true;
    case ExprKind::Int: v = double(e.intValue); return true;
    case ExprKind::Unary:
      if (e.op != Tok::Minus || !evalFloat(mod, e.a, v)) return false;
      v = -v;
      return true;
    case ExprKind::Binary: {
      double a, b;
      if (!evalFloat(mod, e.a, a) || !evalFloat(mod, e.b, b)) return false;
      switch (e.op) {
        case Tok::Plus: v = a + b; return true;
        case Tok::Minus: v = a - b; return true;
        case Tok::Star: v = a * b; return true;
        case Tok::Slash: v = a / b; return true;
        default: return false;
      }
    }
    default: return false;
  }
}

}  // namespace

bool Lowering::isSignedInt(TypeId ty) const {
  TK k = t[ty].kind;
  return k == TK::I8 || k == TK::I16 || k == TK::I32 || k == TK::I64;
}

// Writes the value of a constant initializer of type `ty` at `at`.
bool Lowering::constInit(uint32_t m, ExprId id, TypeId ty, uint32_t at, std::vector<uint8_t>& bytes,
                         std::vector<Reloc>& relocs) {
  const Module& mod = *p.modules[m];
  const ModuleSema& s = p.sema[m];
  const Expr& e = mod.exprs[id];
  const Type& tt = t[ty];
  auto put = [&](const void* src, size_t n) { std::memcpy(bytes.data() + at, src, n); };
  switch (e.kind) {
    case ExprKind::String: {
      // A copy of the header: the relocated pointer to the bytes, the length.
      stringSym(mod.strings[e.str]);
      relocs.push_back({RelocType::MEMORY_ADDR_I32, at, stringBytes_[mod.strings[e.str]], 0});
      uint32_t n = uint32_t(mod.strings[e.str].size());
      std::memcpy(bytes.data() + at + 4, &n, 4);
      return true;
    }
    case ExprKind::Null: return true;
    case ExprKind::Ident: {
      const Ref& r = s.exprRef[id.v];
      if (r.kind == Ref::Func) {
        relocs.push_back({RelocType::TABLE_INDEX_I32, at, funcSym(r.module, r.index), 0});
        return true;
      }
      break;
    }
    case ExprKind::Unary:
      if (e.op == Tok::Amp) {
        // &g, &g.f, &g[2]: the global's symbol plus the part's offset.
        uint32_t off = 0;
        ExprId cur = e.a;
        for (;;) {
          const Expr& c = mod.exprs[cur];
          if (c.kind == ExprKind::Field) {
            TypeId bt = s.exprType[c.a.v];
            off += t.structs[t[bt].strukt].fields[s.exprRef[cur.v].index].offset;
            cur = c.a;
          } else if (c.kind == ExprKind::Index) {
            TypeId bt = s.exprType[c.a.v];
            off += uint32_t(mod.exprs[c.b].intValue) * t.size(t[bt].elem);
            cur = c.a;
          } else {
            break;
          }
        }
        const Ref& r = s.exprRef[cur.v];
        relocs.push_back({RelocType::MEMORY_ADDR_I32, at, globalSym(r.module, r.index), int64_t(off)});
        return true;
      }
      break;
    case ExprKind::StructLit: {
      const StructInfo& info = t.structs[tt.strukt];
      for (uint32_t i = 0; i < e.list.count; ++i) {
        StrId fname = mod.nameList[e.names.begin + i];
        for (const StructField& f : info.fields)
          if (f.name == fname && !constInit(m, mod.exprList[e.list.begin + i], f.type, at + f.offset, bytes, relocs))
            return false;
      }
      return true;
    }
    case ExprKind::ArrayLit: {
      uint32_t es = t.size(tt.elem);
      for (uint32_t i = 0; i < e.list.count; ++i)
        if (!constInit(m, mod.exprList[e.list.begin + i], tt.elem, at + i * es, bytes, relocs)) return false;
      return true;
    }
    case ExprKind::Sizeof: {
      uint32_t v = s.exprRef[id.v].index;  // the checker's size of T
      put(&v, t.size(ty));
      return true;
    }
    default: break;
  }
  // Scalars: integers, floats, bools and casts of literals.
  ExprId valueExpr = e.kind == ExprKind::Cast ? e.a : id;
  TypeId srcTy = s.exprType[valueExpr.v];
  if (t.isFloat(ty)) {
    double d;
    if (t.isInteger(srcTy)) {
      uint64_t v;
      bool sgn = isSignedInt(srcTy);
      if (!evalInt(mod, valueExpr, v, sgn, t.size(srcTy) * 8)) return false;
      d = sgn ? double(int64_t(v)) : double(v);
    } else if (!evalFloat(mod, valueExpr, d)) {
      return false;
    }
    if (tt.kind == TK::F32) {
      float f = float(d);
      put(&f, 4);
    } else {
      put(&d, 8);
    }
    return true;
  }
  uint64_t v;
  if (t.isFloat(srcTy)) {
    double d;
    if (!evalFloat(mod, valueExpr, d)) return false;
    v = std::isnan(d) ? 0 : uint64_t(int64_t(d));
  } else if (!evalInt(mod, valueExpr, v, isSignedInt(srcTy), srcTy ? std::max(8u, t.size(srcTy) * 8) : 64)) {
    return false;
  }
  put(&v, t.size(ty));  // little-endian: the low bytes
  return true;
}

void Lowering::lowerGlobals() {
  // Symbols first: an initializer may take the address of a later global.
  for (uint32_t m = 0; m < p.modules.size(); ++m) {
    if (!ours(m)) continue;
    const Module& mod = *p.modules[m];
    for (uint32_t g = 0; g < mod.globals.size(); ++g) {
      Symbol s;
      s.kind = SymKind::Data;
      s.flags = symbolFlags(m);
      s.name = p.names.intern(symbolName(m, mod.globals[g].name));
      s.size = t.size(p.globalTypes[m][g]);
      globalSyms_[m][g] = unit->addSymbol(s);
    }
  }
  for (uint32_t m = 0; m < p.modules.size(); ++m) {
    if (!ours(m)) continue;
    const Module& mod = *p.modules[m];
    for (uint32_t g = 0; g < mod.globals.size(); ++g) {
      const GlobalDecl& gd = mod.globals[g];
      TypeId ty = p.globalTypes[m][g];
      uint32_t size = t.size(ty);
      std::vector<uint8_t> bytes(size, 0);
      std::vector<Reloc> relocs;
      if (!constInit(m, gd.init, ty, 0, bytes, relocs)) {
        mod.file->error(mod.exprs[gd.init].pos, "cannot evaluate this initializer at compile time");
        failed = true;
        continue;
      }
      std::sort(relocs.begin(), relocs.end(), [](const Reloc& a, const Reloc& b) { return a.offset < b.offset; });
      bool zero = relocs.empty() && std::all_of(bytes.begin(), bytes.end(), [](uint8_t b) { return b == 0; });
      std::string name = symbolName(m, gd.name);
      std::string seg = (gd.isConst ? ".rodata." : zero ? ".bss." : ".data.") + name;
      uint32_t align = t.align(ty), log2 = 0;
      while ((1u << log2) < align) ++log2;
      unit->symbols[globalSyms_[m][g]].segment = dataAtom(seg, std::move(bytes), log2, relocs);
    }
  }
}

// --- functions ---

void Lowering::lowerFunctions() {
  struct Job {
    uint32_t module, index;
  };
  std::vector<Job> jobs;
  for (uint32_t m = 0; m < p.modules.size(); ++m)
    if (ours(m))
      for (uint32_t i = 0; i < p.modules[m]->funcs.size(); ++i) jobs.push_back({m, i});
  // Everything a body refers to has its symbol by now (declareItems and a
  // pass creating string and runtime symbols in source order), so bodies
  // lower in parallel and the unit does not depend on the schedule.
  std::vector<std::vector<uint8_t>> bodies(jobs.size());
  std::vector<std::vector<Reloc>> relocs(jobs.size());
  for (const Job& j : jobs) {
    const Module& mod = *p.modules[j.module];
    if (mod.funcs[j.index].body) layout(p.funcTypes[j.module][j.index]);
  }
  parallelFor(0, jobs.size(), [&](size_t i) {
    const Job& j = jobs[i];
    const FuncDecl& fd = p.modules[j.module]->funcs[j.index];
    if (fd.body) lowerFunction(*this, j.module, j.index, bodies[i], relocs[i]);
  });
  for (size_t i = 0; i < jobs.size(); ++i) {
    const FuncDecl& fd = p.modules[jobs[i].module]->funcs[jobs[i].index];
    if (!fd.body) {
      // An import or extern function: its internal-ABI wrapper, built below,
      // takes this slot.
      bodies[i].clear();
    }
    link::FuncAtom atom;
    atom.type = toyType;
    atom.body = unit->own(std::move(bodies[i]));
    atom.relocs = unit->addRelocs(relocs[i]);
    unit->funcs.push_back(atom);
  }
}

// --- wrappers ---

namespace {

// Loads or stores one Toy scalar of type `ty` with the right width.
void scalarMem(FunctionBuilder& fb, const TypeTable& t, TypeId ty, bool store, uint32_t off) {
  switch (t[ty].kind) {
    case TK::Bool: case TK::U8: fb.memOp(store ? Op("i32.store8") : Op("i32.load8_u"), 0, off); break;
    case TK::I8: fb.memOp(store ? Op("i32.store8") : Op("i32.load8_s"), 0, off); break;
    case TK::U16: fb.memOp(store ? Op("i32.store16") : Op("i32.load16_u"), 1, off); break;
    case TK::I16: fb.memOp(store ? Op("i32.store16") : Op("i32.load16_s"), 1, off); break;
    case TK::I64: case TK::U64: fb.memOp(store ? Op("i64.store") : Op("i64.load"), 3, off); break;
    case TK::F32: fb.memOp(store ? Op("f32.store") : Op("f32.load"), 2, off); break;
    case TK::F64: fb.memOp(store ? Op("f64.store") : Op("f64.load"), 3, off); break;
    default: fb.memOp(store ? Op("i32.store") : Op("i32.load"), 2, off); break;
  }
}

}  // namespace

void Lowering::lowerWrappers() {
  for (uint32_t m = 0; m < p.modules.size(); ++m) {
    if (!ours(m)) continue;
    const Module& mod = *p.modules[m];
    for (uint32_t i = 0; i < mod.funcs.size(); ++i) {
      const FuncDecl& fd = mod.funcs[i];
      TypeId sig = p.funcTypes[m][i];
      const BlockLayout& b = layout(sig);
      if (fd.linkage == FuncDecl::Import || fd.linkage == FuncDecl::Extern) {
        // Internal ABI -> host: load the arguments from the block, call the
        // import, store the results into the block. The block's address is
        // a parameter, not re-derived from __stack_pointer, so a host that
        // calls back into an export (moving the stack and restoring it)
        // cannot make the wrapper store to the wrong place.
        FunctionBuilder fb(*unit, toyType);
        for (uint32_t k = 0; k < b.params.size(); ++k) {
          TypeId pt = b.paramTypes[k];
          fb.localGet(0);
          if (t[pt].kind == TK::Slice) {
            fb.memOp(Op("i32.load"), 2, b.params[k]);
            fb.localGet(0);
            fb.memOp(Op("i32.load"), 2, b.params[k] + 4);
          } else {
            scalarMem(fb, t, pt, false, b.params[k]);
          }
        }
        fb.call(hostImportSym_[m][i]);
        // Results arrive in order on the stack: pop them into locals.
        std::vector<ValType> rts;
        for (TypeId r : b.resultTypes) hostTypes(r, rts);
        std::vector<uint32_t> tmp;
        for (ValType v : rts) tmp.push_back(fb.addLocal(v));
        for (size_t k = rts.size(); k-- > 0;) fb.localSet(tmp[k]);
        size_t v = 0;
        for (uint32_t k = 0; k < b.results.size(); ++k) {
          TypeId rt = b.resultTypes[k];
          if (t[rt].kind == TK::Slice) {
            fb.localGet(0);
            fb.localGet(tmp[v++]);
            fb.memOp(Op("i32.store"), 2, b.results[k]);
            fb.localGet(0);
            fb.localGet(tmp[v++]);
            fb.memOp(Op("i32.store"), 2, b.results[k] + 4);
          } else {
            fb.localGet(0);
            fb.localGet(tmp[v++]);
            scalarMem(fb, t, rt, true, b.results[k]);
          }
        }
        std::vector<uint8_t> body;
        std::vector<Reloc> relocs;
        fb.finishDetached(body, relocs);
        link::FuncAtom& atom = unit->funcs[unit->symbols[funcSyms_[m][i]].index];
        atom.body = unit->own(std::move(body));
        atom.relocs = unit->addRelocs(relocs);
      }
      if (fd.linkage == FuncDecl::Export) {
        // Host -> internal ABI: reserve the block (16-byte aligned), store
        // the parameters, call, load the results, give the block back.
        FunctionBuilder fb(*unit, hostType(sig));
        uint32_t blk = fb.addLocal(ValType::I32);
        uint32_t frame = (b.size + 15) / 16 * 16;
        fb.globalGet(spSym);
        fb.i32Const(int32_t(frame));
        fb.op(Op("i32.sub"));
        fb.localTee(blk);
        fb.globalSet(spSym);
        uint32_t wasmParam = 0;
        for (uint32_t k = 0; k < b.params.size(); ++k) {
          TypeId pt = b.paramTypes[k];
          if (t[pt].kind == TK::Slice) {
            fb.localGet(blk);
            fb.localGet(wasmParam++);
            fb.memOp(Op("i32.store"), 2, b.params[k]);
            fb.localGet(blk);
            fb.localGet(wasmParam++);
            fb.memOp(Op("i32.store"), 2, b.params[k] + 4);
          } else {
            fb.localGet(blk);
            fb.localGet(wasmParam++);
            if (t[pt].kind == TK::Bool) {
              // A host may pass any nonzero i32 for true.
              fb.i32Const(0);
              fb.op(Op("i32.ne"));
            }
            scalarMem(fb, t, pt, true, b.params[k]);
          }
        }
        fb.localGet(blk);
        fb.call(funcSyms_[m][i]);
        for (uint32_t k = 0; k < b.results.size(); ++k) {
          TypeId rt = b.resultTypes[k];
          fb.localGet(blk);
          if (t[rt].kind == TK::Slice) {
            fb.memOp(Op("i32.load"), 2, b.results[k]);
            fb.localGet(blk);
            fb.memOp(Op("i32.load"), 2, b.results[k] + 4);
          } else {
            scalarMem(fb, t, rt, false, b.results[k]);
          }
        }
        fb.localGet(blk);
        fb.i32Const(int32_t(frame));
        fb.op(Op("i32.add"));
        fb.globalSet(spSym);
        uint32_t idx = fb.finish();
        Symbol s;
        s.kind = SymKind::Function;
        s.flags = wasm::kSymExported;
        s.name = fd.exportName ? fd.exportName : fd.name;
        s.exportName = s.name;
        s.index = idx;
        unit->addSymbol(s);
      }
    }
  }
}

void Lowering::lowerEntry() {
  const ItemRef* mainItem = nullptr;
  auto it = p.items.find(p.names.intern("main").v);
  if (it != p.items.end() && it->second.kind == ItemRef::Func &&
      p.modules[it->second.module]->funcs[it->second.index].linkage == FuncDecl::Internal)
    mainItem = &it->second;
  if (opts.reactor) {
    FunctionBuilder fb(*unit, unit->addType({}));
    fb.call(callCtorsSym());
    uint32_t idx = fb.finish();
    Symbol s;
    s.kind = SymKind::Function;
    s.flags = wasm::kSymExported;
    s.name = s.exportName = p.names.intern("_initialize");
    s.index = idx;
    unit->addSymbol(s);
  }
  if (!mainItem || opts.entry == LowerOptions::None) return;
  TypeId sig = p.funcTypes[mainItem->module][mainItem->index];
  bool returnsCode = t[t[sig].result].kind != TK::Void;
  bool start = opts.entry == LowerOptions::Start;
  link::FuncType ft;
  if (!start) ft.results.push_back(ValType::I32);
  FunctionBuilder fb(*unit, unit->addType(ft));
  uint32_t blk = fb.addLocal(ValType::I32);
  if (start) fb.call(callCtorsSym());
  fb.globalGet(spSym);
  fb.i32Const(16);
  fb.op(Op("i32.sub"));
  fb.localTee(blk);
  fb.globalSet(spSym);
  fb.localGet(blk);
  fb.call(funcSym(mainItem->module, mainItem->index));
  if (start) {
    // `main() -> i32`: its value is the exit status (through the runtime's
    // exit, which never returns); returning from _start means status 0.
    if (returnsCode) {
      fb.localGet(blk);
      fb.localGet(blk);
      fb.memOp(Op("i32.load"), 2, 0);
      fb.memOp(Op("i32.store"), 2, 0);
      fb.localGet(blk);
      fb.call(runtimeFunc("exit"));
    }
  } else {
    if (returnsCode) {
      fb.localGet(blk);
      fb.memOp(Op("i32.load"), 2, 0);
    } else {
      fb.i32Const(0);
    }
  }
  fb.localGet(blk);
  fb.i32Const(16);
  fb.op(Op("i32.add"));
  fb.globalSet(spSym);
  uint32_t idx = fb.finish();
  Symbol s;
  s.kind = SymKind::Function;
  s.name = p.names.intern(start ? "_start" : "__main_void");
  s.index = idx;
  unit->addSymbol(s);
}

std::unique_ptr<link::Unit> Lowering::run() {
  unit = std::make_unique<link::Unit>();
  unit->name = opts.runtime ? "<toy runtime>" : "<toy program>";
  toyType = unit->addType({{ValType::I32}, {}});
  // __stack_pointer: imported from env, as clang's objects do.
  link::Import sp;
  sp.module = p.names.intern("env");
  sp.field = p.names.intern("__stack_pointer");
  sp.valType = ValType::I32;
  sp.mut = true;
  unit->globalImports.push_back(sp);
  Symbol sps;
  sps.kind = SymKind::Global;
  sps.flags = wasm::kSymUndefined;
  sps.name = sp.field;
  spSym = unit->addSymbol(sps);
  Symbol tbl;
  tbl.kind = SymKind::Table;
  tbl.flags = wasm::kSymUndefined | wasm::kSymNoStrip;
  tbl.name = p.names.intern("__indirect_function_table");
  link::Import ti;
  ti.module = sp.module;
  ti.field = tbl.name;
  ti.valType = ValType::FuncRef;
  unit->tableImports.push_back(ti);
  tableSym = unit->addSymbol(tbl);
  for (const char* f : kToyFeatures) unit->features.push_back({'+', p.names.intern(f)});
  unit->hasFeaturesSection = true;
  unit->producers.push_back({p.names.intern("language"), p.names.intern("Toy"), p.names.intern("")});
  unit->producers.push_back({p.names.intern("processed-by"), p.names.intern("toyc"), p.names.intern(opts.version)});

  declareItems();
  lowerGlobals();
  // Symbols bodies may need, created in source order before the parallel
  // part: string literals, items of the other namespace, runtime helpers.
  for (uint32_t m = 0; m < p.modules.size(); ++m) {
    if (!ours(m)) continue;
    const Module& mod = *p.modules[m];
    const ModuleSema& s = p.sema[m];
    for (uint32_t e = 0; e < mod.exprs.size(); ++e) {
      const Expr& ex = mod.exprs[ExprId(e)];
      if (ex.kind == ExprKind::String) stringSym(mod.strings[ex.str]);
      if (ex.kind == ExprKind::Call && ex.list.count == 0 && s.exprRef[ex.a.v].kind == Ref::Builtin &&
          Builtin(s.exprRef[ex.a.v].index) == Builtin::Println)
        stringSym("");
      if (ex.kind == ExprKind::Ident) {
        const Ref& r = s.exprRef[e];
        if (r.kind == Ref::Func) funcSym(r.module, r.index);
        if (r.kind == Ref::Global) globalSym(r.module, r.index);
        if (r.kind == Ref::Builtin && Builtin(r.index) == Builtin::HeapBase) heapBaseSym();
      }
    }
  }
  for (const std::string& f : runtimeHelpersUsed()) runtimeFunc(f);
  if (failed) return nullptr;
  lowerFunctions();
  lowerWrappers();
  lowerEntry();
  if (failed) return nullptr;
  // Imports were added as bodies needed them: defined functions' symbols
  // now get their final indices, after every import.
  for (Symbol& sym : unit->symbols)
    if (sym.kind == SymKind::Function && sym.defined()) sym.index += uint32_t(unit->funcImports.size());
  writeIndices();
  return std::move(unit);
}

// The runtime helpers the bodies call (print entry points for the types
// printed, the panics of the checks they make), found in source order so
// that the unit imports only those.
std::vector<std::string> Lowering::runtimeHelpersUsed() const {
  bool used[10] = {};
  static const char* names[10] = {"__print_str", "__print_bool", "__print_i64", "__print_u64", "__print_f64",
                                  "__print_f32", "__print_ptr", "__panic_index", "__panic_slice", "__panic_divide"};
  for (uint32_t m = 0; m < p.modules.size(); ++m) {
    if (!ours(m)) continue;
    const Module& mod = *p.modules[m];
    const ModuleSema& s = p.sema[m];
    auto typeOf = [&](ExprId e) { return s.exprType[e.v]; };
    for (uint32_t i = 0; i < mod.exprs.size(); ++i) {
      const Expr& e = mod.exprs[ExprId(i)];
      if (e.kind == ExprKind::Call && s.exprRef[e.a.v].kind == Ref::Builtin) {
        Builtin b = Builtin(s.exprRef[e.a.v].index);
        if (b != Builtin::Print && b != Builtin::Println) continue;
        if (e.list.count == 0) {
          used[0] = true;
          continue;
        }
        TypeId at = typeOf(mod.exprList[e.list.begin]);
        TK k = t[at].kind;
        used[at == t.str() ? 0 : k == TK::Bool ? 1 : k == TK::F64 ? 4 : k == TK::F32 ? 5
             : (k == TK::Ptr || k == TK::Func || k == TK::Null) ? 6
             : (k == TK::I8 || k == TK::I16 || k == TK::I32 || k == TK::I64) ? 2 : 3] = true;
      } else if (e.kind == ExprKind::Index) {
        used[7] |= t[typeOf(e.a)].kind != TK::Ptr;
      } else if (e.kind == ExprKind::Slice) {
        used[8] |= t[typeOf(e.a)].kind != TK::Ptr;
      } else if (e.kind == ExprKind::Binary && (e.op == Tok::Slash || e.op == Tok::Percent)) {
        used[9] |= t.isInteger(typeOf(e.a));
      }
    }
    for (uint32_t i = 0; i < mod.stmts.size(); ++i) {
      const Stmt& st = mod.stmts[StmtId(i)];
      if (st.kind == StmtKind::Assign && (st.op == Tok::SlashAssign || st.op == Tok::PercentAssign))
        used[9] |= t.isInteger(typeOf(st.a));
    }
  }
  std::vector<std::string> out;
  for (int i = 0; i < 10; ++i)
    if (used[i]) out.push_back(names[i]);
  return out;
}

// Relocated immediates hold what LLVM writes there: the index the site
// names within this object (function, global, type, table), so that an
// object validates and disassembles on its own. Linkers overwrite them.
void Lowering::writeIndices() {
  for (link::FuncAtom& f : unit->funcs) {
    uint8_t* body = const_cast<uint8_t*>(f.body.data());
    for (const Reloc& r : unit->relocsOf(f.relocs)) {
      uint32_t v;
      switch (r.type) {
        case RelocType::FUNCTION_INDEX_LEB: case RelocType::GLOBAL_INDEX_LEB: case RelocType::TABLE_NUMBER_LEB:
          v = unit->symbols[r.index].index;
          break;
        case RelocType::TYPE_INDEX_LEB: v = r.index; break;
        default: continue;
      }
      wasm::writeUlebPadded(body + r.offset, v, 5);
    }
  }
}

std::unique_ptr<link::Unit> lowerProgram(const Program& p, const LowerOptions& opts) {
  return Lowering(p, opts).run();
}

}  // namespace toyc::toy
