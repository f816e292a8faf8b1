// Function bodies are decoded exactly once, while they are relocated. The
// decoder is a full validator (the algorithm of the spec's validation
// appendix: a value stack and a control stack), so a corrupted input is
// reported here, with its file and byte offset, instead of turning into an
// invalid output module. Every relocation must sit exactly on an immediate
// that takes its type; immediates that name functions, globals or tables
// must carry one. Relocated LEBs are written minimal, or kept at 5 bytes when
// debug sections need stable code offsets.
#include <cstring>
#include <mutex>
#include "link/leb128.h"
#include "link/linker.h"
#include "link/reader.h"
#include "utils/parallel.h"

namespace toyc::link {

using namespace toyc::wasm;

namespace {

enum class K : uint8_t {
  Unreachable, None, Block, Loop, If, Else, End, Br, BrIf, BrTable, Return, Call, CallIndirect, ReturnCall,
  ReturnCallIndirect, Drop, Select, SelectT, LocalGet, LocalSet, LocalTee, GlobalGet, GlobalSet, TableGet, TableSet,
  Mem, MemIdx, I32Const, I64Const, F32Const, F64Const, RefNull, RefIsNull, RefFunc, MemoryInit, DataDrop,
  MemoryCopy, MemoryFill, TableInit, ElemDrop, TableCopy, TableGrow, TableSize, TableFill, V128Const, Shuffle, Lane,
  MemLane, Invalid
};

struct OpInfo {
  const char* name = nullptr;
  K kind = K::Invalid;
  uint8_t npop = 0, npush = 0, align = 0;
  uint8_t pop[3] = {}, push = 0;
};

uint8_t sigType(char c) {
  switch (c) {
    case 'i': return 0x7f;
    case 'l': return 0x7e;
    case 'f': return 0x7d;
    case 'd': return 0x7c;
    case 'v': return 0x7b;
  }
  return 0;
}

OpInfo makeOp(const char* name, K kind, const char* sig, uint8_t align) {
  OpInfo o;
  o.name = name;
  o.kind = kind;
  o.align = align;
  const char* s = sig;
  for (; *s && *s != ':'; ++s) o.pop[o.npop++] = sigType(*s);
  if (*s == ':') ++s;
  for (; *s; ++s) {
    o.push = sigType(*s);
    o.npush = 1;
  }
  return o;
}

struct OpTables {
  OpInfo main[256];
  OpInfo fc[18];
  OpInfo simd[256];
  OpTables() {
#define OP(code, name, kind, sig, align) main[code] = makeOp(name, K::kind, sig, align);
#define FC(code, name, kind, sig, align) fc[code] = makeOp(name, K::kind, sig, align);
#define SIMD(code, name, kind, sig, align) simd[code] = makeOp(name, K::kind, sig, align);
#include "link/opcodes.def"
#undef OP
#undef FC
#undef SIMD
  }
};

const OpTables kOps;  // built once at start-up; read on every instruction
inline const OpTables& ops() { return kOps; }



constexpr uint8_t kUnknown = 0;
constexpr uint32_t kMaxLocals = 50000;  // what engines accept (V8's limit)

class BodyRewriter {
public:
  struct Ctrl {
    uint8_t op;
    bool unreachable;
    uint8_t simple;      // single result type, or 0
    uint32_t typeIdx;    // unit type index for multi-value blocks, or kNone
    uint32_t height;
  };
  struct Stacks {
    std::vector<uint8_t> locals, vals;
    std::vector<Ctrl> ctrls;
  };

  BodyRewriter(const Linker& L, uint32_t ui, uint32_t fi, bool compact, std::vector<uint8_t>& out, Stacks& st)
      : L_(L), ui_(ui), u_(*L.units[ui]), f_(u_.funcs[fi]), fi_(fi), compact_(compact), out_(out),
        r_(f_.body, f_.fileOffset, &u_.name), relocs_(u_.relocsOf(f_.relocs)), locals_(st.locals), vals_(st.vals),
        ctrls_(st.ctrls) {
    locals_.clear();
    vals_.clear();
    ctrls_.clear();
  }

  bool run(std::string& err);

private:

  // Types of a block's parameters and results.
  std::span<const ValType> params(const Ctrl& c) const {
    if (c.typeIdx != kNone) return u_.types[c.typeIdx].params;
    return {};
  }
  std::span<const ValType> results(const Ctrl& c) const {
    if (c.typeIdx != kNone) return u_.types[c.typeIdx].results;
    if (c.simple) return {reinterpret_cast<const ValType*>(&c.simple), 1};
    return {};
  }
  std::span<const ValType> labelTypes(const Ctrl& c) const { return c.op == 0x03 ? params(c) : results(c); }

  bool fail(const std::string& msg) {
    if (err_.empty()) {
      err_ = msg;
      errAt_ = instrStart_;
    }
    return false;
  }
  void push(uint8_t t) { vals_.push_back(t); }
  bool pop(uint8_t& t) {
    Ctrl& c = ctrls_.back();
    if (vals_.size() == c.height) {
      if (c.unreachable) {
        t = kUnknown;
        return true;
      }
      return fail("type mismatch: not enough operands on the stack");
    }
    t = vals_.back();
    vals_.pop_back();
    return true;
  }
  bool popExpect(uint8_t want) {
    uint8_t got;
    if (!pop(got)) return false;
    if (got != want && got != kUnknown && want != kUnknown)
      return fail("type mismatch: expected " + std::string(valTypeName(ValType(want))) + ", got " +
                  std::string(valTypeName(ValType(got))));
    return true;
  }
  bool popTypes(std::span<const ValType> ts) {
    for (size_t i = ts.size(); i-- > 0;)
      if (!popExpect(uint8_t(ts[i]))) return false;
    return true;
  }
  void pushTypes(std::span<const ValType> ts) {
    for (ValType t : ts) push(uint8_t(t));
  }
  void setUnreachable() {
    vals_.resize(ctrls_.back().height);
    ctrls_.back().unreachable = true;
  }

  // The next relocation, if it sits at `pos`; a relocation left behind is an error.
  const Reloc* relocAt(size_t pos) {
    if (cur_ < relocs_.size() && relocs_[cur_].offset < pos) {
      fail("relocation " + std::string(relocInfo(relocs_[cur_].type).name) + " at offset " +
           std::to_string(relocs_[cur_].offset) + " is not at an instruction immediate");
      return nullptr;
    }
    if (cur_ < relocs_.size() && relocs_[cur_].offset == pos) return &relocs_[cur_++];
    return nullptr;
  }
  bool relocOneOf(const Reloc* rel, std::initializer_list<RelocType> allowed, const char* what) {
    for (RelocType t : allowed)
      if (rel->type == t) return true;
    return fail("relocation " + std::string(relocInfo(rel->type).name) + " does not fit the immediate of " + what);
  }

  // Replaces the immediate at [pos, r_.pos()) by `value`. Relocated fields
  // must be padded to `width` bytes in the input.
  bool emitField(size_t pos, uint64_t value, bool isSigned, unsigned width, bool relocated) {
    size_t len = r_.pos() - pos;
    if (relocated && len != width)
      return fail("relocated immediate is " + std::to_string(len) + " bytes, not a padded " + std::to_string(width) +
                  "-byte LEB");
    const uint8_t* body = f_.body.data();
    out_.insert(out_.end(), body + copyFrom_, body + pos);
    uint8_t buf[10];
    if (compact_) {
      unsigned n = isSigned ? writeSleb(buf, width == 5 ? int64_t(int32_t(uint32_t(value))) : int64_t(value))
                            : writeUleb(buf, width == 5 ? uint32_t(value) : value);
      out_.insert(out_.end(), buf, buf + n);
    } else {
      // Keep the input's width so code offsets (DWARF) stay valid.
      bool fits = isSigned ? slebSize(width == 5 ? int64_t(int32_t(uint32_t(value))) : int64_t(value)) <= len
                           : ulebSize(value) <= len;
      if (!fits) return fail("value does not fit the width of its immediate");
      if (isSigned) writeSlebPadded(buf, width == 5 ? int64_t(int32_t(uint32_t(value))) : int64_t(value), unsigned(len));
      else writeUlebPadded(buf, value, unsigned(len));
      out_.insert(out_.end(), buf, buf + len);
    }
    copyFrom_ = r_.pos();
    return true;
  }

  uint64_t value(const Reloc& rel) const { return L_.relocValue(ui_, rel, false, StrId(), 0); }

  bool blockType(Ctrl& c);
  bool funcIndex(const char* what, uint32_t& unitFunc);
  bool globalIndex(uint32_t& unitGlobal);
  bool typeIndexImm(const char* what, uint32_t& unitType);
  bool tableIndexImm(const char* what);
  bool memarg(const OpInfo& op);
  bool zeroByte(const char* what);
  bool instr();

  const Linker& L_;
  uint32_t ui_;
  const Unit& u_;
  const FuncAtom& f_;
  uint32_t fi_;
  bool compact_;
  std::vector<uint8_t>& out_;
  Reader r_;
  std::span<const Reloc> relocs_;
  size_t cur_ = 0;
  size_t copyFrom_ = 0;
  size_t instrStart_ = 0;
  std::vector<uint8_t>& locals_;
  std::vector<uint8_t>& vals_;
  std::vector<Ctrl>& ctrls_;
  std::string err_;
  size_t errAt_ = 0;
};

bool BodyRewriter::blockType(Ctrl& c) {
  c.simple = 0;
  c.typeIdx = kNone;
  size_t pos = r_.pos();
  uint8_t b = pos < f_.body.size() ? f_.body[pos] : 0;
  if (b == 0x40) {
    r_.u8();
    return true;
  }
  if (isValType(b)) {
    r_.u8();
    c.simple = b;
    return true;
  }
  const Reloc* rel = relocAt(pos);
  int64_t idx = r_.sleb(33);
  if (!r_.ok()) return false;
  if (rel) {
    if (!relocOneOf(rel, {RelocType::TYPE_INDEX_LEB}, "a block type")) return false;
    idx = rel->index;
  }
  if (idx < 0 || uint64_t(idx) >= u_.types.size()) return fail("invalid block type");
  c.typeIdx = uint32_t(idx);
  uint32_t t = L_.typeOut[ui_][c.typeIdx];
  if (t == kNone) return fail("block type index has no relocation and no other use");
  return emitField(pos, t, true, 5, rel != nullptr);
}

bool BodyRewriter::funcIndex(const char* what, uint32_t& unitFunc) {
  size_t pos = r_.pos();
  const Reloc* rel = relocAt(pos);
  r_.uleb32();
  if (!r_.ok() || !err_.empty()) return false;
  if (!rel) return fail(std::string("function index in ") + what + " has no relocation");
  if (!relocOneOf(rel, {RelocType::FUNCTION_INDEX_LEB}, what)) return false;
  unitFunc = u_.symbols[rel->index].index;
  uint32_t v = uint32_t(value(*rel));
  if (L_.funcIndexOf(ui_, rel->index) == kNone) return fail("call to a function that is not in the output");
  return emitField(pos, v, false, 5, true);
}

bool BodyRewriter::globalIndex(uint32_t& unitGlobal) {
  size_t pos = r_.pos();
  const Reloc* rel = relocAt(pos);
  r_.uleb32();
  if (!r_.ok() || !err_.empty()) return false;
  if (!rel) return fail("global index has no relocation");
  if (!relocOneOf(rel, {RelocType::GLOBAL_INDEX_LEB}, "global.get/global.set")) return false;
  // A GOT access (PIC) reads an immutable i32 the linker makes.
  unitGlobal = u_.symbols[rel->index].kind == SymKind::Global ? u_.symbols[rel->index].index : kNone;
  uint32_t g = L_.globalIndexOf(ui_, rel->index);
  if (g == kNone) return fail("global " + std::string(L_.strings_.str(u_.symbols[rel->index].name)) + " is not in the output");
  return emitField(pos, g, false, 5, true);
}

bool BodyRewriter::typeIndexImm(const char* what, uint32_t& unitType) {
  size_t pos = r_.pos();
  const Reloc* rel = relocAt(pos);
  uint32_t idx = r_.uleb32();
  if (!r_.ok() || !err_.empty()) return false;
  if (rel) {
    if (!relocOneOf(rel, {RelocType::TYPE_INDEX_LEB}, what)) return false;
    idx = rel->index;
  }
  if (idx >= u_.types.size()) return fail(std::string("type index out of range in ") + what);
  unitType = idx;
  uint32_t t = L_.typeOut[ui_][idx];
  if (t == kNone) return fail("type index has no relocation and no other use");
  return emitField(pos, t, false, 5, rel != nullptr);
}

bool BodyRewriter::tableIndexImm(const char* what) {
  size_t pos = r_.pos();
  const Reloc* rel = relocAt(pos);
  uint32_t idx = r_.uleb32();
  if (!r_.ok() || !err_.empty()) return false;
  uint32_t out;
  if (rel) {
    if (!relocOneOf(rel, {RelocType::TABLE_NUMBER_LEB}, what)) return false;
    out = L_.tableIndexOf(ui_, rel->index);
  } else {
    // MVP objects: table 0 is the imported __indirect_function_table.
    if (idx >= u_.numTables()) return fail(std::string("table index out of range in ") + what);
    if (idx < u_.tableImports.size()) {
      out = L_.tableOutIndex;
    } else {
      out = L_.tableOut[ui_][idx - u_.tableImports.size()];
    }
  }
  if (out == kNone) return fail(std::string("table used by ") + what + " is not in the output");
  ValType elem = idx < u_.tableImports.size() || rel ? ValType::FuncRef : u_.tables[idx - u_.tableImports.size()].elemType;
  if (elem != ValType::FuncRef) return fail(std::string(what) + " needs a funcref table");
  return emitField(pos, out, false, 5, rel != nullptr);
}

bool BodyRewriter::memarg(const OpInfo& op) {
  uint32_t align = r_.uleb32();
  if (!r_.ok()) return false;
  if (align & 0x40) return fail("multiple memories are not supported");
  if (align > op.align) return fail(std::string("alignment must not be larger than natural in ") + op.name);
  size_t pos = r_.pos();
  const Reloc* rel = relocAt(pos);
  r_.uleb32();
  if (!r_.ok() || !err_.empty()) return false;
  if (rel) {
    if (!relocOneOf(rel, {RelocType::MEMORY_ADDR_LEB}, op.name)) return false;
    return emitField(pos, value(*rel), false, 5, true);
  }
  return true;
}

bool BodyRewriter::zeroByte(const char* what) {
  if (r_.u8() != 0 && r_.ok()) return fail(std::string("multiple memories are not supported (") + what + ")");
  return r_.ok();
}

bool BodyRewriter::instr() {
  instrStart_ = r_.pos();
  uint8_t opcode = r_.u8();
  if (!r_.ok()) return false;
  const OpInfo* op = &ops().main[opcode];
  if (opcode == 0xfc) {
    uint32_t sub = r_.uleb32();
    if (!r_.ok()) return false;
    if (sub >= 18) return fail("invalid 0xfc sub-opcode " + std::to_string(sub));
    op = &ops().fc[sub];
  } else if (opcode == 0xfd) {
    uint32_t sub = r_.uleb32();
    if (!r_.ok()) return false;
    if (sub >= 256) return fail("SIMD instruction 0xfd " + std::to_string(sub) + " is not supported (relaxed SIMD?)");
    op = &ops().simd[sub];
  } else if (opcode == 0xfe) {
    return fail("atomic instructions are not supported");
  }
  switch (op->kind) {
    case K::Invalid: {
      char buf[8];
      snprintf(buf, sizeof buf, "0x%02x", opcode);
      return fail(std::string("invalid opcode ") + buf);
    }
    case K::None:
      for (int i = op->npop; i-- > 0;)
        if (!popExpect(op->pop[i])) return false;
      if (op->npush) push(op->push);
      return true;
    case K::Unreachable: setUnreachable(); return true;
    case K::Block: case K::Loop: case K::If: {
      Ctrl c{opcode, false, 0, kNone, 0};
      if (!blockType(c)) return false;
      if (op->kind == K::If && !popExpect(0x7f)) return false;
      if (!popTypes(params(c))) return false;
      c.height = uint32_t(vals_.size());
      ctrls_.push_back(c);
      pushTypes(params(c));
      return true;
    }
    case K::Else: {
      Ctrl& c = ctrls_.back();
      if (c.op != 0x04) return fail("else without a matching if");
      if (!popTypes(results(c))) return false;
      if (vals_.size() != c.height) return fail("type mismatch: values remaining on the stack at else");
      c.op = 0x05;  // an if that has seen its else
      c.unreachable = false;
      pushTypes(params(c));
      return true;
    }
    case K::End: {
      Ctrl c = ctrls_.back();
      if (!popTypes(results(c))) return false;
      if (vals_.size() != c.height) return fail("type mismatch: values remaining on the stack at end of block");
      // An if without else must leave its parameters as its results.
      if (c.op == 0x04) {
        auto p = params(c), res = results(c);
        if (p.size() != res.size() || !std::equal(p.begin(), p.end(), res.begin()))
          return fail("type mismatch: if without else must not change the stack");
      }
      ctrls_.pop_back();
      if (!ctrls_.empty()) pushTypes(results(c));
      return true;
    }
    case K::Br: case K::BrIf: {
      uint32_t l = r_.uleb32();
      if (!r_.ok()) return false;
      if (l >= ctrls_.size()) return fail("branch depth out of range");
      if (op->kind == K::BrIf && !popExpect(0x7f)) return false;
      const Ctrl& target = ctrls_[ctrls_.size() - 1 - l];
      auto lt = labelTypes(target);
      std::vector<ValType> copy(lt.begin(), lt.end());
      if (!popTypes(copy)) return false;
      if (op->kind == K::Br) setUnreachable();
      else pushTypes(copy);
      return true;
    }
    case K::BrTable: {
      uint32_t n = r_.count(1);
      if (!r_.ok()) return false;
      if (!popExpect(0x7f)) return false;
      std::vector<uint32_t> labels(n + 1);
      for (uint32_t i = 0; i <= n && r_.ok(); ++i) labels[i] = r_.uleb32();
      if (!r_.ok()) return false;
      for (uint32_t l : labels)
        if (l >= ctrls_.size()) return fail("branch depth out of range in br_table");
      auto def = labelTypes(ctrls_[ctrls_.size() - 1 - labels[n]]);
      std::vector<ValType> defCopy(def.begin(), def.end());
      for (uint32_t i = 0; i < n; ++i) {
        auto lt = labelTypes(ctrls_[ctrls_.size() - 1 - labels[i]]);
        if (lt.size() != defCopy.size()) return fail("type mismatch: br_table targets have different arities");
        std::vector<ValType> copy(lt.begin(), lt.end());
        // Check without consuming: pop then push back.
        size_t before = vals_.size();
        std::vector<uint8_t> saved(vals_.begin() + std::min<size_t>(before, ctrls_.back().height), vals_.end());
        if (!popTypes(copy)) return false;
        vals_.resize(std::min<size_t>(before, ctrls_.back().height));
        vals_.insert(vals_.end(), saved.begin(), saved.end());
      }
      if (!popTypes(defCopy)) return false;
      setUnreachable();
      return true;
    }
    case K::Return: {
      const FuncType& ft = u_.types[f_.type];
      if (!popTypes(ft.results)) return false;
      setUnreachable();
      return true;
    }
    case K::Call: case K::ReturnCall: {
      uint32_t callee;
      if (!funcIndex(op->name, callee)) return false;
      const FuncType& t = L_.unitFuncType(u_, callee);
      if (!popTypes(t.params)) return false;
      if (op->kind == K::ReturnCall) {
        const FuncType& ft = u_.types[f_.type];
        if (ft.results != t.results) return fail("type mismatch in return_call");
        setUnreachable();
      } else {
        pushTypes(t.results);
      }
      return true;
    }
    case K::CallIndirect: case K::ReturnCallIndirect: {
      uint32_t ti;
      if (!typeIndexImm(op->name, ti)) return false;
      if (!tableIndexImm(op->name)) return false;
      if (!popExpect(0x7f)) return false;
      const FuncType& t = u_.types[ti];
      if (!popTypes(t.params)) return false;
      if (op->kind == K::ReturnCallIndirect) {
        if (u_.types[f_.type].results != t.results) return fail("type mismatch in return_call_indirect");
        setUnreachable();
      } else {
        pushTypes(t.results);
      }
      return true;
    }
    case K::Drop: {
      uint8_t t;
      return pop(t);
    }
    case K::Select: case K::SelectT: {
      uint8_t want = kUnknown;
      if (op->kind == K::SelectT) {
        uint32_t n = r_.uleb32();
        if (!r_.ok()) return false;
        if (n != 1) return fail("invalid result arity for select");
        want = r_.u8();
        if (!r_.ok()) return false;
        if (!isValType(want)) return fail("invalid value type in select");
      }
      if (!popExpect(0x7f)) return false;
      uint8_t a, b;
      if (!pop(a) || !pop(b)) return false;
      if (op->kind == K::Select) {
        auto numeric = [](uint8_t t) { return t == kUnknown || t == 0x7f || t == 0x7e || t == 0x7d || t == 0x7c || t == 0x7b; };
        if (!numeric(a) || !numeric(b)) return fail("type mismatch: select needs numeric operands");
        if (a != b && a != kUnknown && b != kUnknown) return fail("type mismatch in select");
        push(a == kUnknown ? b : a);
      } else {
        if ((a != want && a != kUnknown) || (b != want && b != kUnknown)) return fail("type mismatch in select");
        push(want);
      }
      return true;
    }
    case K::LocalGet: case K::LocalSet: case K::LocalTee: {
      uint32_t i = r_.uleb32();
      if (!r_.ok()) return false;
      if (i >= locals_.size()) return fail("local index " + std::to_string(i) + " out of range");
      if (op->kind == K::LocalGet) push(locals_[i]);
      else {
        if (!popExpect(locals_[i])) return false;
        if (op->kind == K::LocalTee) push(locals_[i]);
      }
      return true;
    }
    case K::GlobalGet: case K::GlobalSet: {
      uint32_t g;
      if (!globalIndex(g)) return false;
      bool mut;
      uint8_t t;
      if (g == kNone) {
        t = 0x7f;
        mut = false;
      } else if (g < u_.globalImports.size()) {
        t = uint8_t(u_.globalImports[g].valType);
        mut = u_.globalImports[g].mut;
      } else {
        t = uint8_t(u_.globals[g - u_.globalImports.size()].type);
        mut = u_.globals[g - u_.globalImports.size()].mut;
      }
      if (op->kind == K::GlobalGet) push(t);
      else {
        if (!mut) return fail("global.set of an immutable global");
        if (!popExpect(t)) return false;
      }
      return true;
    }
    case K::V128Const: r_.skip(16); push(0x7b); return r_.ok();
    case K::Shuffle:
      for (int i = 0; i < 16; ++i) {
        uint8_t lane = r_.u8();
        if (r_.ok() && lane >= 32) return fail("invalid lane index in i8x16.shuffle");
      }
      if (!r_.ok()) return false;
      return popExpect(0x7b) && popExpect(0x7b) && (push(0x7b), true);
    case K::Lane: case K::MemLane: {
      if (op->kind == K::MemLane && !memarg(*op)) return false;
      uint8_t lane = r_.u8();
      if (!r_.ok()) return false;
      unsigned lanes = op->kind == K::Lane ? op->align : 16u >> op->align;
      if (lane >= lanes) return fail(std::string("invalid lane index in ") + op->name);
      for (int i = op->npop; i-- > 0;)
        if (!popExpect(op->pop[i])) return false;
      if (op->npush) push(op->push);
      return true;
    }
    case K::Mem:
      if (!memarg(*op)) return false;
      for (int i = op->npop; i-- > 0;)
        if (!popExpect(op->pop[i])) return false;
      if (op->npush) push(op->push);
      return true;
    case K::MemIdx:
      if (!zeroByte(op->name)) return false;
      for (int i = op->npop; i-- > 0;)
        if (!popExpect(op->pop[i])) return false;
      push(0x7f);
      return true;
    case K::I32Const: case K::I64Const: {
      size_t pos = r_.pos();
      const Reloc* rel = relocAt(pos);
      bool is64 = op->kind == K::I64Const;
      r_.sleb(is64 ? 64 : 32);
      if (!r_.ok() || !err_.empty()) return false;
      if (rel) {
        if (is64) {
          if (!relocOneOf(rel, {RelocType::MEMORY_ADDR_SLEB64, RelocType::TABLE_INDEX_SLEB64,
                                RelocType::MEMORY_ADDR_REL_SLEB64, RelocType::TABLE_INDEX_REL_SLEB64,
                                RelocType::MEMORY_ADDR_TLS_SLEB64}, op->name))
            return false;
          if (!emitField(pos, value(*rel), true, 10, true)) return false;
        } else {
          if (!relocOneOf(rel, {RelocType::MEMORY_ADDR_SLEB, RelocType::TABLE_INDEX_SLEB,
                                RelocType::MEMORY_ADDR_REL_SLEB, RelocType::TABLE_INDEX_REL_SLEB,
                                RelocType::MEMORY_ADDR_TLS_SLEB}, op->name))
            return false;
          if (!emitField(pos, value(*rel), true, 5, true)) return false;
        }
      }
      push(op->push);
      return true;
    }
    case K::F32Const: r_.skip(4); push(0x7d); return r_.ok();
    case K::F64Const: r_.skip(8); push(0x7c); return r_.ok();
    case K::RefNull: {
      uint8_t t = r_.u8();
      if (!r_.ok()) return false;
      if (t != 0x70 && t != 0x6f) return fail("invalid reference type in ref.null");
      push(t);
      return true;
    }
    case K::RefIsNull: {
      uint8_t t;
      if (!pop(t)) return false;
      if (t != kUnknown && t != 0x70 && t != 0x6f) return fail("type mismatch: ref.is_null needs a reference");
      push(0x7f);
      return true;
    }
    case K::RefFunc: return fail("ref.func is not supported");
    case K::MemoryInit: case K::DataDrop: return fail(std::string(op->name) + " in object code is not supported");
    case K::TableInit: case K::ElemDrop: return fail(std::string(op->name) + " in object code is not supported");
    case K::MemoryCopy:
      if (!zeroByte(op->name) || !zeroByte(op->name)) return false;
      return popExpect(0x7f) && popExpect(0x7f) && popExpect(0x7f);
    case K::MemoryFill:
      if (!zeroByte(op->name)) return false;
      return popExpect(0x7f) && popExpect(0x7f) && popExpect(0x7f);
    case K::TableGet:
      if (!tableIndexImm(op->name)) return false;
      if (!popExpect(0x7f)) return false;
      push(0x70);
      return true;
    case K::TableSet:
      if (!tableIndexImm(op->name)) return false;
      return popExpect(0x70) && popExpect(0x7f);
    case K::TableSize:
      if (!tableIndexImm(op->name)) return false;
      push(0x7f);
      return true;
    case K::TableGrow:
      if (!tableIndexImm(op->name)) return false;
      if (!popExpect(0x7f) || !popExpect(0x70)) return false;
      push(0x7f);
      return true;
    case K::TableFill:
      if (!tableIndexImm(op->name)) return false;
      return popExpect(0x7f) && popExpect(0x70) && popExpect(0x7f);
    case K::TableCopy:
      if (!tableIndexImm(op->name) || !tableIndexImm(op->name)) return false;
      return popExpect(0x7f) && popExpect(0x7f) && popExpect(0x7f);
  }
  return fail("unhandled instruction");
}

bool BodyRewriter::run(std::string& err) {
  const FuncType& ft = u_.types[f_.type];
  for (ValType p : ft.params) locals_.push_back(uint8_t(p));
  uint32_t groups = r_.count(2);
  uint64_t total = locals_.size();
  for (uint32_t i = 0; i < groups && r_.ok(); ++i) {
    uint32_t n = r_.uleb32();
    uint8_t t = r_.u8();
    if (!r_.ok()) break;
    if (!isValType(t)) {
      fail("invalid local type");
      break;
    }
    total += n;
    if (total > kMaxLocals) {
      fail("too many locals (" + std::to_string(total) + ")");
      break;
    }
    locals_.insert(locals_.end(), n, t);
  }
  if (err_.empty() && r_.ok()) {
    ctrls_.push_back({0x02, false, 0, kNone, 0});
    // The function's own frame: its results are the function's results.
    if (ft.results.size() == 1) ctrls_.back().simple = uint8_t(ft.results[0]);
    else if (ft.results.size() > 1) ctrls_.back().typeIdx = f_.type;
    while (r_.ok() && err_.empty() && !ctrls_.empty()) {
      if (r_.atEnd()) {
        fail("function body ends before its final end");
        break;
      }
      instr();
    }
    if (err_.empty() && r_.ok() && !r_.atEnd()) {
      instrStart_ = r_.pos();
      fail("function body has bytes after its final end");
    }
    if (err_.empty() && r_.ok() && cur_ < relocs_.size()) {
      instrStart_ = relocs_[cur_].offset;
      fail("relocation at offset " + std::to_string(relocs_[cur_].offset) + " is not at an instruction immediate");
    }
  }
  if (!r_.ok() && err_.empty()) {
    err = r_.error().str();
  } else if (!err_.empty()) {
    Error e;
    e.file = u_.name;
    e.offset = f_.fileOffset + errAt_;
    e.hasOffset = true;
    e.msg = err_;
    err = e.str();
  } else {
    out_.insert(out_.end(), f_.body.data() + copyFrom_, f_.body.data() + f_.body.size());
    return true;
  }
  // Name the function for context.
  for (const Symbol& s : u_.symbols)
    if (s.kind == SymKind::Function && s.defined() && s.index == fi_ + u_.funcImports.size() && s.name.valid()) {
      err += " (in function " + std::string(L_.strings_.str(s.name)) + ")";
      break;
    }
  return false;
}

}  // namespace

bool Linker::relocateCode() {
  // Intern every type a live body names through a relocation, serially and
  // in input order, so the parallel pass below never changes the type table.
  for (uint32_t ui = 0; ui < units.size(); ++ui) {
    const Unit& u = *units[ui];
    for (uint32_t f = 0; f < u.funcs.size(); ++f) {
      if (!funcLive[ui][f]) continue;
      for (const Reloc& r : u.relocsOf(u.funcs[f].relocs))
        if (r.type == RelocType::TYPE_INDEX_LEB && r.index < u.types.size() && typeOut[ui][r.index] == kNone)
          typeOut[ui][r.index] = internType(u.types[r.index]);
    }
  }
  const uint32_t n = uint32_t(outFuncs.size()) - numFuncImports;
  codeBodies.assign(n, {});
  std::vector<std::string> errors(n);
  const bool compact = opts.compactLebs && !keepDebug;
  parallelFor(0, n, [&](size_t i) {
    const OutFunc& of = outFuncs[numFuncImports + i];
    if (of.kind == OutFunc::Synthetic) {
      codeBodies[i] = synthFuncs[of.index].body;
      return;
    }
    const Unit& u = *units[of.unit];
    codeBodies[i].reserve(u.funcs[of.index].body.size());
    // Value and control stacks are reused from one function to the next.
    thread_local BodyRewriter::Stacks stacks;
    BodyRewriter rw(*this, of.unit, of.index, compact, codeBodies[i], stacks);
    rw.run(errors[i]);
  });
  for (const std::string& e : errors)
    if (!e.empty()) error(e);
  if (Diag::get().failed()) return false;
  // Offsets of each body inside the code section payload.
  codeOffset.assign(n, 0);
  uint64_t off = ulebSize(n);
  for (uint32_t i = 0; i < n; ++i) {
    off += ulebSize(codeBodies[i].size());
    codeOffset[i] = uint32_t(off);
    off += codeBodies[i].size();
  }
  return true;
}

}  // namespace toyc::link
