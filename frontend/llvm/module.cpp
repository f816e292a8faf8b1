#include "frontend/llvm/module.h"
#include <atomic>
#include <cstring>
#include <llvm/IR/Constants.h>
#include <llvm/IR/Operator.h>
#include "link/leb128.h"
#include "utils/diag.h"

namespace toyc::llvmir {

using codegen::kExternBit;
using codegen::kNoSym;
using codegen::Ty;
using link::ValType;
using link::SymKind;

namespace {

struct LibFnInfo {
  const char* name;
  const char* sig;
};
const LibFnInfo kLibFns[] = {
#define LIBCALL(id, name, sig) {name, sig},
#include "frontend/llvm/libcalls.def"
#undef LIBCALL
};

link::FuncType parseSig(const char* sig) {
  link::FuncType t;
  bool results = false;
  for (const char* p = sig; *p; ++p) {
    if (*p == ':') {
      results = true;
      continue;
    }
    ValType v = *p == 'l' ? ValType::I64 : *p == 'f' ? ValType::F32 : *p == 'd' ? ValType::F64 : ValType::I32;
    (results ? t.results : t.params).push_back(v);
  }
  return t;
}

uint32_t linkageFlags(const llvm::GlobalValue& g) {
  uint32_t flags = 0;
  if (g.hasLocalLinkage()) flags |= wasm::kSymLocal;
  else if (g.hasWeakLinkage() || g.hasLinkOnceLinkage() || g.hasExternalWeakLinkage() || g.hasCommonLinkage())
    flags |= wasm::kSymWeak;
  if (!g.hasLocalLinkage() && !g.hasDefaultVisibility()) flags |= wasm::kSymHidden;
  return flags;
}

uint32_t log2of(uint64_t a) {
  uint32_t l = 0;
  while ((uint64_t(1) << l) < a) ++l;
  return l;
}

}  // namespace

static uint64_t nextId() {
  static std::atomic<uint64_t> next{1};
  return next++;
}

uint32_t blockNumber(const llvm::BasicBlock* bb) {
  uint32_t n = 1;
  for (const llvm::BasicBlock& b : *bb->getParent()) {
    if (&b == bb) return n;
    ++n;
  }
  return 0;
}

const char* libFnName(LibFn f) { return kLibFns[uint32_t(f)].name; }

bool flattenType(llvm::Type* t, std::vector<Ty>& out) {
  if (t->isPointerTy()) {
    out.push_back(Ty::I32);
    return true;
  }
  if (auto* it = llvm::dyn_cast<llvm::IntegerType>(t)) {
    unsigned w = it->getBitWidth();
    if (w <= 32) out.push_back(Ty::I32);
    else if (w <= 64) out.push_back(Ty::I64);
    else if (w <= kMaxIntBits) {
      // i65 and up: 64-bit limbs, low first (what LLVM splits them into).
      for (unsigned k = 0; k < (w + 63) / 64; ++k) out.push_back(Ty::I64);
    } else {
      return false;
    }
    return true;
  }
  if (t->isFloatTy()) {
    out.push_back(Ty::F32);
    return true;
  }
  if (t->isDoubleTy()) {
    out.push_back(Ty::F64);
    return true;
  }
  if (t->isFP128Ty()) {
    out.push_back(Ty::I64);
    out.push_back(Ty::I64);
    return true;
  }
  if (auto* st = llvm::dyn_cast<llvm::StructType>(t)) {
    for (llvm::Type* e : st->elements())
      if (!flattenType(e, out)) return false;
    return true;
  }
  if (auto* at = llvm::dyn_cast<llvm::ArrayType>(t)) {
    if (at->getNumElements() > 64) return false;
    for (uint64_t i = 0; i < at->getNumElements(); ++i)
      if (!flattenType(at->getElementType(), out)) return false;
    return true;
  }
  return false;
}

Signature lowerSignature(llvm::FunctionType* ft) {
  Signature s;
  std::vector<Ty> parts;
  llvm::Type* rt = ft->getReturnType();
  if (!rt->isVoidTy()) {
    if (!flattenType(rt, parts)) s.ok = false;
    if (parts.size() == 1) s.type.results.push_back(codegen::valType(parts[0]));
    else if (parts.size() > 1) {
      s.indirectResult = true;
      s.type.params.push_back(ValType::I32);
    }
  }
  for (llvm::Type* p : ft->params()) {
    parts.clear();
    if (!flattenType(p, parts)) s.ok = false;
    for (Ty t : parts) s.type.params.push_back(codegen::valType(t));
  }
  if (ft->isVarArg()) s.type.params.push_back(ValType::I32);
  return s;
}

ModuleLowering::ModuleLowering(const llvm::Module& m, link::Unit& unit, Interner& strings, std::string path)
    : m_(m), id_(nextId()), unit_(unit), strings_(strings), path_(std::move(path)) {
  externSym_.assign(kExternTable + 1, kNoSym);
}

uint32_t ModuleLowering::addFuncSymbol(const llvm::Function& f) {
  link::Symbol s;
  s.kind = SymKind::Function;
  s.name = strings_.intern(f.getName());
  s.flags = linkageFlags(f);
  if (f.isDeclarationForLinker()) {
    s.flags = (s.flags & wasm::kSymWeak) | wasm::kSymUndefined;
    link::Import imp;
    std::string module = "env", field(f.getName());
    if (f.hasFnAttribute("wasm-import-module")) module = f.getFnAttribute("wasm-import-module").getValueAsString().str();
    if (f.hasFnAttribute("wasm-import-name")) {
      field = f.getFnAttribute("wasm-import-name").getValueAsString().str();
      s.flags |= wasm::kSymExplicitName;
    }
    imp.module = strings_.intern(module);
    imp.field = strings_.intern(field);
    imp.type = unit_.addType(lowerSignature(f.getFunctionType()).type);
    s.index = uint32_t(unit_.funcImports.size());
    unit_.funcImports.push_back(imp);
    return unit_.addSymbol(s);
  }
  s.index = uint32_t(defined_.size());
  defined_.push_back(&f);
  if (f.hasFnAttribute("wasm-export-name")) {
    s.exportName = strings_.intern(f.getFnAttribute("wasm-export-name").getValueAsString());
    s.flags |= wasm::kSymExported;
  }
  uint32_t sym = unit_.addSymbol(s);
  definedSym_.push_back(sym);
  funcSymsToFix_.push_back(sym);
  return sym;
}

bool ModuleLowering::declareSymbols() {
  const llvm::DataLayout& dl = m_.getDataLayout();
  if (dl.getPointerSizeInBits(0) != 32 || !dl.isLittleEndian()) {
    error(path_ + ": unsupported target '" + m_.getTargetTriple() + "': toyc compiles 32-bit little-endian (wasm32) IR");
    return false;
  }
  bool ok = true;
  Layout layout(dl);
  for (const llvm::Function& f : m_.functions()) {
    if (f.isIntrinsic()) continue;
    (void)f.arg_size();  // arguments are built lazily: build them before the parallel phase
    for (const llvm::Argument& a : f.args()) (void)a;
    Signature sig = lowerSignature(f.getFunctionType());
    if (!sig.ok) {
      Diag::get().sourceError(path_ + ": error: in function '" + f.getName().str() +
                              "': unsupported parameter or result type");
      ok = false;
      continue;
    }
    symOf_[&f] = addFuncSymbol(f);
  }
  uint32_t unnamed = 0;
  for (const llvm::GlobalVariable& g : m_.globals()) {
    if (g.getName().starts_with("llvm.")) continue;
    link::Symbol s;
    s.kind = SymKind::Data;
    std::string name = g.hasName() ? g.getName().str() : "__unnamed_" + std::to_string(++unnamed);
    s.name = strings_.intern(name);
    s.flags = linkageFlags(g);
    if (g.isDeclarationForLinker()) {
      s.flags = (s.flags & wasm::kSymWeak) | wasm::kSymUndefined;
      symOf_[&g] = unit_.addSymbol(s);
      continue;
    }
    llvm::Type* vt = g.getValueType();
    if (vt->isScalableTy()) {
      error(path_ + ": unsupported type of global '" + name + "'");
      ok = false;
      continue;
    }
    link::DataAtom seg;
    uint64_t size = layout.allocSize(vt);
    uint64_t align = g.getAlign() ? g.getAlign()->value() : layout.abiAlign(vt);
    seg.alignLog2 = log2of(align);
    const llvm::Constant* init = g.getInitializer();
    std::string segName;
    if (g.hasSection()) {
      segName = g.getSection().str();
    } else if (g.isConstant()) {
      auto* cds = llvm::dyn_cast<llvm::ConstantDataSequential>(init);
      if (cds && g.hasGlobalUnnamedAddr() && align == 1 && cds->isCString()) {
        segName = ".rodata.str1.1";
        seg.flags |= wasm::kSegStrings;
      } else {
        segName = ".rodata." + name;
      }
    } else if (init->isNullValue() || llvm::isa<llvm::UndefValue>(init)) {
      segName = ".bss." + name;
    } else {
      segName = ".data." + name;
    }
    seg.name = strings_.intern(segName);
    s.segment = uint32_t(unit_.segments.size());
    s.offset = 0;
    s.size = size;
    unit_.segments.push_back(seg);
    symOf_[&g] = unit_.addSymbol(s);
  }
  for (const llvm::GlobalAlias& a : m_.aliases()) {
    link::Symbol s;
    s.name = strings_.intern(a.getName());
    s.flags = linkageFlags(a);
    const llvm::GlobalObject* base = a.getAliaseeObject();
    auto it = base ? symOf_.find(base) : symOf_.end();
    if (it == symOf_.end() || unit_.symbols[it->second].undefined()) {
      error(path_ + ": alias '" + a.getName().str() + "' does not name a definition in this module");
      ok = false;
      continue;
    }
    const link::Symbol& target = unit_.symbols[it->second];
    if (llvm::isa<llvm::Function>(base)) {
      s.kind = SymKind::Function;
      s.index = target.index;
      uint32_t sym = unit_.addSymbol(s);
      funcSymsToFix_.push_back(sym);
      symOf_[&a] = sym;
      continue;
    }
    uint32_t bsym;
    int64_t addend;
    bool isFunc;
    if (!constAddress(a.getAliasee(), layout, bsym, addend, isFunc) || isFunc) {
      error(path_ + ": unsupported alias '" + a.getName().str() + "'");
      ok = false;
      continue;
    }
    s.kind = SymKind::Data;
    s.segment = target.segment;
    s.offset = target.offset + uint64_t(addend);
    s.size = layout.allocSize(a.getValueType());
    symOf_[&a] = unit_.addSymbol(s);
  }
  // llvm.used: kept by the linker even if unreferenced.
  if (const llvm::GlobalVariable* used = m_.getGlobalVariable("llvm.used")) {
    if (auto* arr = llvm::dyn_cast_or_null<llvm::ConstantArray>(used->getInitializer()))
      for (const llvm::Use& u : arr->operands()) {
        auto* g = llvm::dyn_cast<llvm::GlobalValue>(u->stripPointerCasts());
        uint32_t s = g ? symbolOf(g) : kNoSym;
        if (s != kNoSym) unit_.symbols[s].flags |= wasm::kSymNoStrip;
      }
  }
  if (ok) addInitFuncs();
  return ok;
}

void ModuleLowering::addInitFuncs() {
  for (int dtors = 0; dtors < 2; ++dtors) {
    const llvm::GlobalVariable* list = m_.getGlobalVariable(dtors ? "llvm.global_dtors" : "llvm.global_ctors");
    if (!list || !list->hasInitializer()) continue;
    auto* arr = llvm::dyn_cast<llvm::ConstantArray>(list->getInitializer());
    if (!arr) continue;
    for (const llvm::Use& u : arr->operands()) {
      auto* cs = llvm::dyn_cast<llvm::ConstantStruct>(u.get());
      if (!cs || cs->getNumOperands() < 2) continue;
      auto* prio = llvm::dyn_cast<llvm::ConstantInt>(cs->getOperand(0));
      auto* fn = llvm::dyn_cast<llvm::GlobalValue>(cs->getOperand(1)->stripPointerCasts());
      if (!prio || !fn) continue;
      uint32_t s = symbolOf(fn);
      if (s == kNoSym) continue;
      if (dtors) dtors_.push_back({uint32_t(prio->getZExtValue()), s});
      else unit_.initFuncs.push_back({uint32_t(prio->getZExtValue()), s});
    }
  }
}

uint32_t ModuleLowering::addSyntheticFunction(const std::string& name, codegen::MFunc& f) {
  codegen::FuncCode code;
  codegen::compileFunction(f, code);
  link::Symbol s;
  s.kind = SymKind::Function;
  s.flags = wasm::kSymLocal;
  s.name = strings_.intern(name);
  s.index = uint32_t(defined_.size()) + synthetic_++;
  uint32_t sym = unit_.addSymbol(s);
  funcSymsToFix_.push_back(sym);
  addFunction(0, code, f.type, f.types);
  return sym;
}

void ModuleLowering::addDtorRegistrations() {
  if (dtors_.empty()) return;
  std::stable_sort(dtors_.begin(), dtors_.end(), [](auto& a, auto& b) { return a.first < b.first; });
  link::Symbol dso;
  dso.kind = SymKind::Data;
  dso.flags = wasm::kSymUndefined | wasm::kSymHidden;
  dso.name = strings_.intern("__dso_handle");
  uint32_t dsoSym = unit_.addSymbol(dso);
  for (size_t i = 0; i < dtors_.size();) {
    size_t j = i;
    while (j < dtors_.size() && dtors_[j].first == dtors_[i].first) ++j;
    uint32_t prio = dtors_[i].first;
    std::string suffix = "." + std::to_string(prio);
    // call_dtors(void*): the destructors of this priority, last registered first.
    codegen::MFunc call;
    call.name = "__toyc_call_dtors" + suffix;
    call.type = {{ValType::I32}, {}};
    uint32_t b = call.newBlock();
    call.current = b;
    for (size_t k = j; k-- > i;) call.add(codegen::OpCall, Ty::None, {}, 0, dtors_[k].second);
    call.setExit(b, codegen::Exit::Return, {}, {});
    uint32_t callSym = addSyntheticFunction(call.name, call);
    codegen::MFunc reg;
    reg.name = "__toyc_register_dtors" + suffix;
    reg.type = {{}, {}};
    b = reg.newBlock();
    reg.current = b;
    uint32_t fn = reg.add(codegen::OpFuncAddr, Ty::I32, {}, 0, callSym);
    uint32_t zero = reg.constI32(0);
    uint32_t dsoAddr = reg.add(codegen::OpDataAddr, Ty::I32, {}, 0, dsoSym);
    reg.add(codegen::OpCall, Ty::I32, {fn, zero, dsoAddr}, 0, externRef(LibFn::CxaAtexit));
    reg.setExit(b, codegen::Exit::Return, {}, {});
    uint32_t regSym = addSyntheticFunction(reg.name, reg);
    unit_.initFuncs.push_back({prio, regSym});
    i = j;
  }
}

bool ModuleLowering::constAddress(const llvm::Constant* c, Layout& layout, uint32_t& sym, int64_t& addend,
                                  bool& isFunc) {
  addend = 0;
  for (;;) {
    if (auto* g = llvm::dyn_cast<llvm::GlobalValue>(c)) {
      sym = symbolOf(g);
      if (sym == kNoSym) return false;
      isFunc = unit_.symbols[sym].kind == SymKind::Function;
      return true;
    }
    auto* ce = llvm::dyn_cast<llvm::ConstantExpr>(c);
    if (!ce) return false;
    switch (ce->getOpcode()) {
      case llvm::Instruction::BitCast:
      case llvm::Instruction::AddrSpaceCast:
      case llvm::Instruction::PtrToInt:
      case llvm::Instruction::IntToPtr:
        c = ce->getOperand(0);
        continue;
      case llvm::Instruction::GetElementPtr: {
        int64_t off;
        if (!layout.constantOffset(*llvm::cast<llvm::GEPOperator>(ce), off)) return false;
        addend += off;
        c = ce->getOperand(0);
        continue;
      }
      case llvm::Instruction::Add:
      case llvm::Instruction::Sub: {
        auto* k = llvm::dyn_cast<llvm::ConstantInt>(ce->getOperand(1));
        if (!k) return false;
        addend += ce->getOpcode() == llvm::Instruction::Add ? k->getSExtValue() : -k->getSExtValue();
        c = ce->getOperand(0);
        continue;
      }
      default: return false;
    }
  }
}

bool ModuleLowering::emitInitializer(const llvm::Constant* c, Layout& layout, std::vector<uint8_t>& bytes,
                                     uint64_t at, std::vector<link::Reloc>& relocs, std::string& err) {
  llvm::Type* t = c->getType();
  if (llvm::isa<llvm::ConstantAggregateZero>(c) || llvm::isa<llvm::UndefValue>(c) ||
      llvm::isa<llvm::ConstantPointerNull>(c))
    return true;  // zeros
  if (auto* ci = llvm::dyn_cast<llvm::ConstantInt>(c)) {
    const llvm::APInt& v = ci->getValue();
    uint64_t n = layout.storeSize(t);
    for (uint64_t i = 0; i < n; ++i) bytes[at + i] = uint8_t(v.extractBitsAsZExtValue(std::min<unsigned>(8, v.getBitWidth() - 8 * i), 8 * i));
    return true;
  }
  if (auto* cf = llvm::dyn_cast<llvm::ConstantFP>(c)) {
    llvm::APInt v = cf->getValueAPF().bitcastToAPInt();
    uint64_t n = layout.storeSize(t);
    for (uint64_t i = 0; i < n; ++i) bytes[at + i] = uint8_t(v.extractBitsAsZExtValue(8, 8 * i));
    return true;
  }
  if (auto* cds = llvm::dyn_cast<llvm::ConstantDataSequential>(c)) {
    llvm::StringRef raw = cds->getRawDataValues();
    uint64_t elem = layout.allocSize(cds->getElementType());
    if (elem == cds->getElementByteSize()) {
      std::memcpy(bytes.data() + at, raw.data(), raw.size());
    } else {
      for (unsigned i = 0; i < cds->getNumElements(); ++i)
        std::memcpy(bytes.data() + at + i * elem, raw.data() + i * cds->getElementByteSize(), cds->getElementByteSize());
    }
    return true;
  }
  if (auto* ca = llvm::dyn_cast<llvm::ConstantArray>(c)) {
    uint64_t elem = layout.allocSize(ca->getType()->getElementType());
    for (unsigned i = 0; i < ca->getNumOperands(); ++i)
      if (!emitInitializer(ca->getOperand(i), layout, bytes, at + i * elem, relocs, err)) return false;
    return true;
  }
  if (auto* cs = llvm::dyn_cast<llvm::ConstantStruct>(c)) {
    auto* st = cs->getType();
    for (unsigned i = 0; i < cs->getNumOperands(); ++i)
      if (!emitInitializer(cs->getOperand(i), layout, bytes, at + layout.fieldOffset(st, i), relocs, err)) return false;
    return true;
  }
  if (auto* cv = llvm::dyn_cast<llvm::ConstantVector>(c)) {
    uint64_t elem = layout.allocSize(cv->getType()->getElementType());
    for (unsigned i = 0; i < cv->getNumOperands(); ++i)
      if (!emitInitializer(cv->getOperand(i), layout, bytes, at + i * elem, relocs, err)) return false;
    return true;
  }
  if (auto* ba = llvm::dyn_cast<llvm::BlockAddress>(c)) {
    uint32_t v = blockNumber(ba->getBasicBlock());
    std::memcpy(bytes.data() + at, &v, 4);
    return true;
  }
  if (auto* ce = llvm::dyn_cast<llvm::ConstantExpr>(c)) {
    if (ce->getOpcode() == llvm::Instruction::IntToPtr)
      if (auto* ci = llvm::dyn_cast<llvm::ConstantInt>(ce->getOperand(0))) {
        uint32_t v = uint32_t(ci->getZExtValue());
        std::memcpy(bytes.data() + at, &v, 4);
        return true;
      }
  }
  if (t->isPointerTy() || t->isIntegerTy(32) || t->isIntegerTy(64)) {
    uint32_t sym;
    int64_t addend;
    bool isFunc;
    if (constAddress(c, layout, sym, addend, isFunc)) {
      if (isFunc) {
        if (addend != 0) {
          err = "function address with an offset";
          return false;
        }
        relocs.push_back({link::RelocType::TABLE_INDEX_I32, uint32_t(at), sym, 0});
      } else {
        relocs.push_back({link::RelocType::MEMORY_ADDR_I32, uint32_t(at), sym, addend});
      }
      return true;
    }
  }
  std::string text;
  llvm::raw_string_ostream os(text);
  c->print(os);
  err = "unsupported constant '" + text + "'";
  return false;
}

bool ModuleLowering::emitData() {
  Layout layout(m_.getDataLayout());
  bool ok = true;
  std::vector<uint8_t> bytes;
  std::vector<link::Reloc> relocs;
  for (const llvm::GlobalVariable& g : m_.globals()) {
    auto it = symOf_.find(&g);
    if (it == symOf_.end()) continue;
    const link::Symbol& s = unit_.symbols[it->second];
    if (s.undefined()) continue;
    bytes.assign(s.size, 0);
    relocs.clear();
    std::string err;
    if (!emitInitializer(g.getInitializer(), layout, bytes, 0, relocs, err)) {
      error(path_ + ": in initializer of '" + g.getName().str() + "': " + err);
      ok = false;
      continue;
    }
    link::DataAtom& seg = unit_.segments[s.segment];
    seg.bytes = unit_.own(bytes);
    seg.relocs = unit_.addRelocs(relocs);
  }
  return ok;
}

void ModuleLowering::mapPiece(const llvm::Module& piece) {
  for (const llvm::GlobalValue& g : piece.global_values()) {
    const llvm::GlobalValue* primary = m_.getNamedValue(g.getName());
    if (!primary) continue;
    auto it = symOf_.find(primary);
    if (it != symOf_.end()) symOf_[&g] = it->second;
  }
}

uint32_t ModuleLowering::resolveExtern(uint32_t id) {
  uint32_t& sym = externSym_[id];
  if (sym != kNoSym) return sym;
  link::Symbol s;
  if (id == kExternStackPointer) {
    link::Import imp;
    imp.module = strings_.intern("env");
    imp.field = strings_.intern("__stack_pointer");
    imp.valType = ValType::I32;
    imp.mut = true;
    s.kind = SymKind::Global;
    s.flags = wasm::kSymUndefined;
    s.name = imp.field;
    s.index = uint32_t(unit_.globalImports.size());
    unit_.globalImports.push_back(imp);
    return sym = unit_.addSymbol(s);
  }
  if (id == kExternTable) {
    link::Import imp;
    imp.module = strings_.intern("env");
    imp.field = strings_.intern("__indirect_function_table");
    imp.valType = ValType::FuncRef;
    s.kind = SymKind::Table;
    s.flags = wasm::kSymUndefined;
    s.name = imp.field;
    s.index = uint32_t(unit_.tableImports.size());
    unit_.tableImports.push_back(imp);
    return sym = unit_.addSymbol(s);
  }
  const LibFnInfo& info = kLibFns[id];
  if (const llvm::Function* f = m_.getFunction(info.name)) {
    uint32_t known = symbolOf(f);
    if (known != kNoSym) return sym = known;
  }
  link::Import imp;
  imp.module = strings_.intern("env");
  imp.field = strings_.intern(info.name);
  imp.type = unit_.addType(parseSig(info.sig));
  s.kind = SymKind::Function;
  s.flags = wasm::kSymUndefined;
  s.name = imp.field;
  s.index = uint32_t(unit_.funcImports.size());
  unit_.funcImports.push_back(imp);
  return sym = unit_.addSymbol(s);
}

void ModuleLowering::addFunction(uint32_t i, codegen::FuncCode& code, const link::FuncType& type,
                                 const std::vector<link::FuncType>& types) {
  for (link::Reloc& r : code.relocs) {
    if (r.type == link::RelocType::TYPE_INDEX_LEB) r.index = unit_.addType(types[r.index]);
    else if (r.index & kExternBit) r.index = resolveExtern(r.index & ~kExternBit);
  }
  link::FuncAtom atom;
  atom.type = unit_.addType(type);
  atom.relocs = unit_.addRelocs(code.relocs);
  (void)i;
  unit_.funcs.push_back(atom);
  // The bytes join the unit in finish(), once every index is known.
  bodies_.push_back(std::move(code.body));
}

void ModuleLowering::finish() {
  uint32_t imports = uint32_t(unit_.funcImports.size());
  for (uint32_t s : funcSymsToFix_) unit_.symbols[s].index += imports;
  // Relocated immediates hold the index they resolve to within the unit, as
  // LLVM writes them, so that an object from build-obj validates and reads
  // well in a disassembler.
  for (size_t f = 0; f < unit_.funcs.size(); ++f) {
    std::vector<uint8_t>& body = bodies_[f];
    for (const link::Reloc& r : unit_.relocsOf(unit_.funcs[f].relocs)) {
      uint32_t v;
      switch (r.type) {
        case link::RelocType::FUNCTION_INDEX_LEB:
        case link::RelocType::GLOBAL_INDEX_LEB:
        case link::RelocType::TABLE_NUMBER_LEB: v = unit_.symbols[r.index].index; break;
        case link::RelocType::TYPE_INDEX_LEB: v = r.index; break;
        default: continue;
      }
      wasm::writeUlebPadded(body.data() + r.offset, v, 5);
    }
    unit_.funcs[f].body = unit_.own(std::move(body));
  }
  bodies_.clear();
}

}  // namespace toyc::llvmir
