// Lowers one Toy function body to wasm (docs/abi.md, section "internal ABI").
//
// Values: scalars live on the wasm operand stack and in wasm locals (small
// integers are kept sign- or zero-extended to i32 after every operation);
// aggregates (structs, arrays, slices) always live in linear memory, and an
// expression of aggregate type evaluates to its address. Locals whose
// address is taken, and aggregate locals, live in the function's frame on
// the linear-memory stack; so do temporaries holding aggregate results.
//
// Frame (addresses grow upward from fp = __stack_pointer after entry):
//   fp + 0                 frame slots (locals, aggregate temporaries)
//   fp + outOff            the outgoing argument block, shared by all calls
//   fp + frameSize         the caller's stack pointer
// A function that needs none of it (no calls, no memory-resident locals)
// has no frame and never touches __stack_pointer.
#include <algorithm>
#include <functional>
#include "codegen/function_builder.h"
#include "codegen/ops.h"
#include "frontend/toy/lower_context.h"
#include "frontend/toy/lower_ops.h"

namespace toyc::toy {

using codegen::Fc;
using codegen::FunctionBuilder;
using codegen::Op;

namespace {

struct Var {
  bool inMem = false;
  uint32_t local = 0;   // Reg: the wasm local; Mem: the base local (blk or fp)
  uint32_t offset = 0;  // Mem: from the base
};

// Where a value lives: a wasm local, or memory at (address on the operand
// stack) + offset.
struct Place {
  enum Kind : uint8_t { Reg, Mem } kind = Mem;
  uint32_t local = 0;
  uint32_t offset = 0;
};

class FuncLowering {
public:
  FuncLowering(Lowering& l, uint32_t m, uint32_t f)
      : L(l), t(l.t), m_(m), mod_(*l.p.modules[m]), s_(l.p.sema[m]), fd_(mod_.funcs[f]), fs_(s_.funcs[f]),
        fb_(*l.unit, l.toyType), sig_(l.p.funcTypes[m][f]) {}

  void run(std::vector<uint8_t>& body, std::vector<link::Reloc>& relocs) {
    const BlockLayout& b = L.layout(sig_);
    results_ = &b;
    hasFrame_ = needsFrame();
    if (hasFrame_) {
      fp_ = fb_.addLocal(ValType::I32);
      out_ = fb_.addLocal(ValType::I32);
      fb_.globalGet(L.spSym);
      framePatches_.push_back(fb_.i32ConstLater());
      fb_.op(Op("i32.sub"));
      fb_.localTee(fp_);
      fb_.globalSet(L.spSym);
      fb_.localGet(fp_);
      outPatch_ = fb_.i32ConstLater();
      fb_.op(Op("i32.add"));
      fb_.localSet(out_);
    }
    vars_.resize(fs_.locals.size());
    for (uint32_t k = 0; k < b.params.size(); ++k) {
      const LocalVar& lv = fs_.locals[k];
      Var& v = vars_[k];
      if (lv.addressTaken || L.isAggregate(lv.type)) {
        v = {true, 0, b.params[k]};  // in place, in the caller's block
      } else {
        v.local = fb_.addLocal(L.valType(lv.type));
        fb_.localGet(0);
        load(lv.type, b.params[k]);
        fb_.localSet(v.local);
      }
    }
    stmt(fd_.body);
    if (fs_.falls) epilogue();
    if (hasFrame_) {
      uint32_t outOff = (slots_ + 15) / 16 * 16;
      uint32_t frame = (outOff + maxOut_ + 15) / 16 * 16;
      for (uint32_t at : framePatches_) fb_.patchI32Const(at, int32_t(frame));
      fb_.patchI32Const(outPatch_, int32_t(outOff));
    }
    fb_.finishDetached(body, relocs);
  }

private:
  // --- types ---
  const Type& ty(TypeId id) const { return t[id]; }
  TK kind(TypeId id) const { return t[id].kind; }
  TypeId typeOf(ExprId e) const { return s_.exprType[e.v]; }
  bool agg(TypeId id) const { return L.isAggregate(id); }
  bool is64(TypeId id) const { return kind(id) == TK::I64 || kind(id) == TK::U64; }
  bool isSigned(TypeId id) const {
    TK k = kind(id);
    return k == TK::I8 || k == TK::I16 || k == TK::I32 || k == TK::I64;
  }
  bool isFloat(TypeId id) const { return kind(id) == TK::F32 || kind(id) == TK::F64; }

  // --- frame ---
  template <class F>
  void forEachExpr(ExprId id, F&& f) const {
    if (!id) return;
    f(id);
    const Expr& e = mod_.exprs[id];
    forEachExpr(e.a, f);
    forEachExpr(e.b, f);
    forEachExpr(e.c, f);
    for (uint32_t i = 0; i < e.list.count; ++i) forEachExpr(mod_.exprList[e.list.begin + i], f);
  }
  template <class F>
  void forEachStmtExpr(StmtId id, F&& f) const {
    if (!id) return;
    const Stmt& st = mod_.stmts[id];
    forEachExpr(st.a, f);
    forEachExpr(st.b, f);
    forEachExpr(st.c, f);
    if (st.kind == StmtKind::Block)
      for (uint32_t i = 0; i < st.list.count; ++i) forEachStmtExpr(mod_.stmtList[st.list.begin + i], f);
    if (st.kind == StmtKind::Return)
      for (uint32_t i = 0; i < st.list.count; ++i) forEachExpr(mod_.exprList[st.list.begin + i], f);
    forEachStmtExpr(st.body, f);
    forEachStmtExpr(st.other, f);
  }

  bool needsFrame() const {
    for (const LocalVar& lv : fs_.locals)
      if (!lv.isParam && (lv.addressTaken || agg(lv.type))) return true;
    bool need = false;
    forEachStmtExpr(fd_.body, [&](ExprId id) {
      const Expr& e = mod_.exprs[id];
      switch (e.kind) {
        case ExprKind::Call: {
          // Built-ins other than print make no call.
          const Ref& r = s_.exprRef[e.a.v];
          Builtin b = Builtin(r.index);
          if (r.kind != Ref::Builtin || b == Builtin::Print || b == Builtin::Println) need = true;
          break;
        }
        case ExprKind::StructLit: case ExprKind::ArrayLit: case ExprKind::Slice: need = true; break;
        default: break;
      }
    });
    return need;
  }

  // A frame slot; returns its offset from fp.
  uint32_t slot(uint32_t size, uint32_t align) {
    align = std::max<uint32_t>(align, 1);
    slots_ = (slots_ + align - 1) / align * align;
    uint32_t at = slots_;
    slots_ += std::max<uint32_t>(size, 1);
    return at;
  }
  void slotAddress(uint32_t off) {
    fb_.localGet(fp_);
    if (off) {
      fb_.i32Const(int32_t(off));
      fb_.op(Op("i32.add"));
    }
  }

  void epilogue() {
    if (!hasFrame_) return;
    fb_.localGet(fp_);
    framePatches_.push_back(fb_.i32ConstLater());
    fb_.op(Op("i32.add"));
    fb_.globalSet(L.spSym);
  }

  // --- temporaries: wasm locals reused after the statement that took them ---
  uint32_t temp(ValType v) {
    auto& free = free_[unsigned(v) & 3];
    uint32_t l;
    if (!free.empty()) {
      l = free.back();
      free.pop_back();
    } else {
      l = fb_.addLocal(v);
    }
    inUse_.push_back({v, l});
    return l;
  }
  size_t tempMark() const { return inUse_.size(); }
  void releaseTemps(size_t mark) {
    while (inUse_.size() > mark) {
      free_[unsigned(inUse_.back().first) & 3].push_back(inUse_.back().second);
      inUse_.pop_back();
    }
  }

  // --- memory ---
  void load(TypeId id, uint32_t off) {
    switch (kind(id)) {
      case TK::Bool: case TK::U8: fb_.memOp(Op("i32.load8_u"), 0, off); break;
      case TK::I8: fb_.memOp(Op("i32.load8_s"), 0, off); break;
      case TK::U16: fb_.memOp(Op("i32.load16_u"), 1, off); break;
      case TK::I16: fb_.memOp(Op("i32.load16_s"), 1, off); break;
      case TK::I64: case TK::U64: fb_.memOp(Op("i64.load"), 3, off); break;
      case TK::F32: fb_.memOp(Op("f32.load"), 2, off); break;
      case TK::F64: fb_.memOp(Op("f64.load"), 3, off); break;
      default:
        if (agg(id)) {
          addOffset(off);  // an aggregate's value is its address
          break;
        }
        fb_.memOp(Op("i32.load"), 2, off);
    }
  }
  void store(TypeId id, uint32_t off) {
    switch (kind(id)) {
      case TK::Bool: case TK::U8: case TK::I8: fb_.memOp(Op("i32.store8"), 0, off); break;
      case TK::U16: case TK::I16: fb_.memOp(Op("i32.store16"), 1, off); break;
      case TK::I64: case TK::U64: fb_.memOp(Op("i64.store"), 3, off); break;
      case TK::F32: fb_.memOp(Op("f32.store"), 2, off); break;
      case TK::F64: fb_.memOp(Op("f64.store"), 3, off); break;
      default: fb_.memOp(Op("i32.store"), 2, off);
    }
  }
  void addOffset(uint32_t off) {
    if (!off) return;
    fb_.i32Const(int32_t(off));
    fb_.op(Op("i32.add"));
  }
  // [dst, src] on the stack: copies a value of aggregate type.
  void copy(TypeId id) {
    fb_.i32Const(int32_t(t.size(id)));
    fb_.memoryCopy();
  }
  // [address] on the stack, then stores `value` there (+off).
  void storeValue(TypeId id, uint32_t off, ExprId value) {
    if (agg(id)) {
      addOffset(off);
      rvalue(value);
      copy(id);
    } else {
      rvalue(value);
      store(id, off);
    }
  }

  // --- places ---
  Place place(ExprId id) {
    const Expr& e = mod_.exprs[id];
    switch (e.kind) {
      case ExprKind::Ident: {
        const Ref& r = s_.exprRef[id.v];
        if (r.kind == Ref::Local) {
          const Var& v = vars_[r.index];
          if (!v.inMem) return {Place::Reg, v.local, 0};
          fb_.localGet(v.local);
          return {Place::Mem, 0, v.offset};
        }
        if (r.kind == Ref::Global) {
          fb_.dataAddress(L.globalSym(r.module, r.index));
          return {Place::Mem, 0, 0};
        }
        break;
      }
      case ExprKind::Unary:
        if (e.op == Tok::Star) {
          rvalue(e.a);
          return {Place::Mem, 0, 0};
        }
        break;
      case ExprKind::Field: {
        TypeId bt = typeOf(e.a);
        if (kind(bt) == TK::Slice) {
          Place b = place(e.a);
          return {Place::Mem, 0, b.offset + s_.exprRef[id.v].index * 4};
        }
        if (kind(bt) == TK::Ptr) {
          rvalue(e.a);
          return {Place::Mem, 0, fieldOffset(ty(bt).elem, id)};
        }
        Place b = place(e.a);
        return {Place::Mem, 0, b.offset + fieldOffset(bt, id)};
      }
      case ExprKind::Index: return indexPlace(e);
      default: break;
    }
    // Any other aggregate expression: its value is an address.
    rvalue(id);
    return {Place::Mem, 0, 0};
  }
  uint32_t fieldOffset(TypeId st, ExprId field) const {
    return t.structs[ty(st).strukt].fields[s_.exprRef[field.v].index].offset;
  }

  void loadPlace(const Place& p, TypeId id) {
    if (p.kind == Place::Reg) fb_.localGet(p.local);
    else load(id, p.offset);
  }

  // The place of a[i], bounds-checked for arrays and slices.
  Place indexPlace(const Expr& e) {
    TypeId bt = typeOf(e.a);
    TypeId elem = ty(bt).elem;
    uint32_t es = t.size(elem);
    const Expr& ix = mod_.exprs[e.b];
    if (kind(bt) == TK::Array) {
      Place b = place(e.a);
      if (ix.kind == ExprKind::Int) return {Place::Mem, 0, b.offset + uint32_t(ix.intValue) * es};
      indexValue(e.b, [&] { fb_.i32Const(int32_t(ty(bt).length)); });
      scale(es);
      fb_.op(Op("i32.add"));
      return {Place::Mem, 0, b.offset};
    }
    if (kind(bt) == TK::Slice) {
      Place b = place(e.a);
      addOffset(b.offset);
      uint32_t h = temp(ValType::I32);
      fb_.localTee(h);
      fb_.memOp(Op("i32.load"), 2, 0);
      indexValue(e.b, [&] {
        fb_.localGet(h);
        fb_.memOp(Op("i32.load"), 2, 4);
      });
      scale(es);
      fb_.op(Op("i32.add"));
      return {Place::Mem, 0, 0};
    }
    // A pointer: no bounds to check.
    rvalue(e.a);
    rvalue(e.b);
    toI32(typeOf(e.b));
    scale(es);
    fb_.op(Op("i32.add"));
    return {Place::Mem, 0, 0};
  }
  void scale(uint32_t es) {
    if (es == 1) return;
    fb_.i32Const(int32_t(es));
    fb_.op(Op("i32.mul"));
  }
  // An index or bound as i32 (64-bit values wrap; the check came first).
  void toI32(TypeId id) {
    if (is64(id)) fb_.op(Op("i32.wrap_i64"));
  }
  // The index's value as i32, after checking 0 <= i < len (one unsigned
  // compare); `len` pushes the length as i32.
  template <class Len>
  void indexValue(ExprId index, Len&& len) {
    TypeId it = typeOf(index);
    bool wide = is64(it);
    uint32_t i = temp(wide ? ValType::I64 : ValType::I32);
    rvalue(index);
    fb_.localTee(i);
    len();
    if (wide) fb_.op(Op("i64.extend_i32_u"));
    fb_.op(wide ? Op("i64.ge_u") : Op("i32.ge_u"));
    fb_.ifThen();
    panic("__panic_index", {[&] { fb_.localGet(i); widenTo64(it); }, [&] { len(); fb_.op(Op("i64.extend_i32_u")); }});
    fb_.end();
    fb_.localGet(i);
    toI32(it);
  }
  void widenTo64(TypeId id) {
    if (is64(id)) return;
    fb_.op(isSigned(id) ? Op("i64.extend_i32_s") : Op("i64.extend_i32_u"));
  }

  // Calls a runtime panic function with i64 arguments. It never returns,
  // so the block is taken below the stack pointer and not given back:
  // no frame is needed for it.
  void panic(const char* name, std::initializer_list<std::function<void()>> args) {
    uint32_t pb = temp(ValType::I32);
    fb_.globalGet(L.spSym);
    fb_.i32Const(32);
    fb_.op(Op("i32.sub"));
    fb_.localTee(pb);
    fb_.globalSet(L.spSym);
    uint32_t off = 0;
    for (const auto& a : args) {
      fb_.localGet(pb);
      a();
      fb_.memOp(Op("i64.store"), 3, off);
      off += 8;
    }
    fb_.localGet(pb);
    fb_.call(L.runtimeFunc(name));
    fb_.op(Op("unreachable"));
  }

  // --- statements ---
  void stmt(StmtId id) {
    const Stmt& st = mod_.stmts[id];
    size_t mark = tempMark();
    switch (st.kind) {
      case StmtKind::Block:
        for (uint32_t i = 0; i < st.list.count; ++i) stmt(mod_.stmtList[st.list.begin + i]);
        break;
      case StmtKind::Let: {
        uint32_t l = s_.stmtLocal[id.v];
        TypeId lt = fs_.locals[l].type;
        Var& v = vars_[l];
        if (fs_.locals[l].addressTaken || agg(lt)) {
          v = {true, fp_, slot(t.size(lt), t.align(lt))};
          fb_.localGet(fp_);
          storeValue(lt, v.offset, st.a);
        } else {
          v.local = fb_.addLocal(L.valType(lt));
          rvalue(st.a);
          fb_.localSet(v.local);
        }
        break;
      }
      case StmtKind::LetTuple: {
        const BlockLayout& b = call(st.a);
        uint32_t first = s_.stmtLocal[id.v];
        for (uint32_t k = 0; k < st.list.count; ++k) {
          uint32_t l = first + k;
          TypeId lt = fs_.locals[l].type;
          Var& v = vars_[l];
          if (fs_.locals[l].addressTaken || agg(lt)) {
            v = {true, fp_, slot(t.size(lt), t.align(lt))};
            fb_.localGet(fp_);
            if (agg(lt)) {
              addOffset(v.offset);
              fb_.localGet(out_);
              addOffset(b.results[k]);
              copy(lt);
            } else {
              fb_.localGet(out_);
              load(lt, b.results[k]);
              store(lt, v.offset);
            }
          } else {
            v.local = fb_.addLocal(L.valType(lt));
            fb_.localGet(out_);
            load(lt, b.results[k]);
            fb_.localSet(v.local);
          }
        }
        break;
      }
      case StmtKind::Assign: assign(st); break;
      case StmtKind::Expr: {
        TypeId et = typeOf(st.a);
        const Expr& e = mod_.exprs[st.a];
        if (kind(et) == TK::Tuple && e.kind == ExprKind::Call) {
          call(st.a);
        } else {
          rvalue(st.a);
          if (kind(et) != TK::Void && kind(et) != TK::Tuple) fb_.op(Op("drop"));
        }
        break;
      }
      case StmtKind::If:
        rvalue(st.a);
        fb_.ifThen();
        ++depth_;
        stmt(st.body);
        if (st.other) {
          fb_.elseThen();
          stmt(st.other);
        }
        fb_.end();
        --depth_;
        break;
      case StmtKind::While: {
        uint32_t brk = openBlock(false), top = openBlock(true);
        rvalue(st.a);
        fb_.op(Op("i32.eqz"));
        fb_.brIf(rel(brk));
        loops_.push_back({brk, top});
        stmt(st.body);
        loops_.pop_back();
        fb_.br(rel(top));
        closeBlock();
        closeBlock();
        break;
      }
      case StmtKind::For: forLoop(id, st); break;
      case StmtKind::Break: fb_.br(rel(loops_.back().first)); break;
      case StmtKind::Continue: fb_.br(rel(loops_.back().second)); break;
      case StmtKind::Return: ret(st); break;
    }
    releaseTemps(mark);
  }

  uint32_t openBlock(bool loop) {
    if (loop) fb_.loop();
    else fb_.block();
    return depth_++;
  }
  void closeBlock() {
    fb_.end();
    --depth_;
  }
  uint32_t rel(uint32_t label) const { return depth_ - 1 - label; }

  void forLoop(StmtId id, const Stmt& st) {
    uint32_t l = s_.stmtLocal[id.v];
    TypeId it = fs_.locals[l].type;
    Var& v = vars_[l];
    if (fs_.locals[l].addressTaken) v = {true, fp_, slot(t.size(it), t.align(it))};
    else v.local = fb_.addLocal(L.valType(it));
    // i = lo; the end is evaluated once, before the first iteration.
    if (v.inMem) {
      fb_.localGet(fp_);
      rvalue(st.a);
      store(it, v.offset);
    } else {
      rvalue(st.a);
      fb_.localSet(v.local);
    }
    uint32_t hi = temp(L.valType(it));
    rvalue(st.b);
    fb_.localSet(hi);
    auto getI = [&] {
      if (v.inMem) {
        fb_.localGet(fp_);
        load(it, v.offset);
      } else {
        fb_.localGet(v.local);
      }
    };
    uint32_t brk = openBlock(false), top = openBlock(true);
    getI();
    fb_.localGet(hi);
    bool wide = is64(it);
    fb_.op(isSigned(it) ? (wide ? Op("i64.lt_s") : Op("i32.lt_s")) : (wide ? Op("i64.lt_u") : Op("i32.lt_u")));
    fb_.op(Op("i32.eqz"));
    fb_.brIf(rel(brk));
    uint32_t cont = openBlock(false);
    loops_.push_back({brk, cont});
    stmt(st.body);
    loops_.pop_back();
    closeBlock();
    if (v.inMem) fb_.localGet(fp_);
    getI();
    if (wide) fb_.i64Const(1);
    else fb_.i32Const(1);
    fb_.op(wide ? Op("i64.add") : Op("i32.add"));
    normalize(it);
    if (v.inMem) store(it, v.offset);
    else fb_.localSet(v.local);
    fb_.br(rel(top));
    closeBlock();
    closeBlock();
  }

  void assign(const Stmt& st) {
    TypeId lt = typeOf(st.a);
    Place p = place(st.a);
    if (st.op == Tok::Assign) {
      if (p.kind == Place::Reg) {
        rvalue(st.b);
        fb_.localSet(p.local);
      } else {
        storeValue(lt, p.offset, st.b);
      }
      return;
    }
    Tok op = Tok::Eof;
    switch (st.op) {
      case Tok::PlusAssign: op = Tok::Plus; break;
      case Tok::MinusAssign: op = Tok::Minus; break;
      case Tok::StarAssign: op = Tok::Star; break;
      case Tok::SlashAssign: op = Tok::Slash; break;
      case Tok::PercentAssign: op = Tok::Percent; break;
      case Tok::AmpAssign: op = Tok::Amp; break;
      case Tok::PipeAssign: op = Tok::Pipe; break;
      case Tok::CaretAssign: op = Tok::Caret; break;
      case Tok::ShlAssign: op = Tok::Shl; break;
      case Tok::ShrAssign: op = Tok::Shr; break;
      default: break;
    }
    if (p.kind == Place::Reg) {
      fb_.localGet(p.local);
      rvalue(st.b);
      arith(op, lt, typeOf(st.b));
      fb_.localSet(p.local);
      return;
    }
    uint32_t a = temp(ValType::I32);
    fb_.localTee(a);
    fb_.localGet(a);
    load(lt, p.offset);
    rvalue(st.b);
    arith(op, lt, typeOf(st.b));
    store(lt, p.offset);
  }

  void ret(const Stmt& st) {
    const BlockLayout& b = *results_;
    if (st.list.count == 1 && b.results.size() > 1) {
      // return f(): pass several results on.
      const BlockLayout& cb = call(mod_.exprList[st.list.begin]);
      for (uint32_t k = 0; k < b.results.size(); ++k) {
        TypeId rt = b.resultTypes[k];
        fb_.localGet(0);
        if (agg(rt)) {
          addOffset(b.results[k]);
          fb_.localGet(out_);
          addOffset(cb.results[k]);
          copy(rt);
        } else {
          fb_.localGet(out_);
          load(rt, cb.results[k]);
          store(rt, b.results[k]);
        }
      }
    } else {
      // Results never overlap the parameters, so storing one cannot change
      // what a later result expression reads.
      for (uint32_t k = 0; k < st.list.count; ++k) {
        fb_.localGet(0);
        storeValue(b.resultTypes[k], b.results[k], mod_.exprList[st.list.begin + k]);
      }
    }
    epilogue();
    fb_.ret();
  }

  // --- expressions ---
  void rvalue(ExprId id) {
    const Expr& e = mod_.exprs[id];
    TypeId et = typeOf(id);
    switch (e.kind) {
      case ExprKind::Int: case ExprKind::Char: constant(et, e.intValue); return;
      case ExprKind::Float:
        if (kind(et) == TK::F32) fb_.f32Const(float(e.floatValue));
        else fb_.f64Const(e.floatValue);
        return;
      case ExprKind::Bool: fb_.i32Const(e.boolValue); return;
      case ExprKind::Null: fb_.i32Const(0); return;
      case ExprKind::Sizeof: fb_.i32Const(int32_t(s_.exprRef[id.v].index)); return;
      case ExprKind::String: fb_.dataAddress(L.stringSym(mod_.strings[e.str])); return;
      case ExprKind::Ident: {
        const Ref& r = s_.exprRef[id.v];
        if (r.kind == Ref::Func) {
          fb_.functionAddress(L.funcSym(r.module, r.index));
          return;
        }
        Place p = place(id);
        loadPlace(p, et);
        return;
      }
      case ExprKind::Unary: unary(id, e, et); return;
      case ExprKind::Binary: binary(e, et); return;
      case ExprKind::Cast:
        rvalue(e.a);
        convert(typeOf(e.a), et);
        return;
      case ExprKind::Call: {
        const Ref& r = s_.exprRef[e.a.v];
        if (r.kind == Ref::Builtin) {
          builtin(e, Builtin(r.index));
          return;
        }
        const BlockLayout& b = call(id);
        if (kind(et) == TK::Void || kind(et) == TK::Tuple) return;
        if (agg(et)) {
          // Copy out of the shared block before another call reuses it.
          uint32_t sl = slot(t.size(et), t.align(et));
          slotAddress(sl);
          fb_.localGet(out_);
          addOffset(b.results[0]);
          copy(et);
          slotAddress(sl);
        } else {
          fb_.localGet(out_);
          load(et, b.results[0]);
        }
        return;
      }
      case ExprKind::Index: case ExprKind::Field: {
        Place p = place(id);
        loadPlace(p, et);
        return;
      }
      case ExprKind::Slice: sliceExpr(e, et); return;
      case ExprKind::StructLit: structLit(e, et); return;
      case ExprKind::ArrayLit: {
        uint32_t sl = slot(t.size(et), t.align(et));
        uint32_t es = t.size(ty(et).elem);
        for (uint32_t i = 0; i < e.list.count; ++i) {
          slotAddress(sl);
          storeValue(ty(et).elem, i * es, mod_.exprList[e.list.begin + i]);
        }
        slotAddress(sl);
        return;
      }
    }
  }

  // A literal of type `ty` (an integer literal may have a float type).
  void constant(TypeId id, uint64_t v) {
    switch (kind(id)) {
      case TK::F32: fb_.f32Const(float(v)); return;
      case TK::F64: fb_.f64Const(double(v)); return;
      case TK::I64: case TK::U64: fb_.i64Const(int64_t(v)); return;
      default: fb_.i32Const(int32_t(uint32_t(v)));  // in range: the checker saw to it
    }
  }

  void unary(ExprId id, const Expr& e, TypeId et) {
    switch (e.op) {
      case Tok::Minus: {
        const Expr& a = mod_.exprs[e.a];
        if (a.kind == ExprKind::Int && !isFloat(et)) {
          uint64_t v = 0 - a.intValue;
          if (is64(et)) fb_.i64Const(int64_t(v));
          else fb_.i32Const(int32_t(uint32_t(v)));
          return;
        }
        if (a.kind == ExprKind::Int || a.kind == ExprKind::Float) {
          double d = a.kind == ExprKind::Int ? double(a.intValue) : a.floatValue;
          if (kind(et) == TK::F32) fb_.f32Const(-float(d));
          else fb_.f64Const(-d);
          return;
        }
        if (isFloat(et)) {
          rvalue(e.a);
          fb_.op(kind(et) == TK::F32 ? Op("f32.neg") : Op("f64.neg"));
          return;
        }
        if (is64(et)) fb_.i64Const(0);
        else fb_.i32Const(0);
        rvalue(e.a);
        fb_.op(is64(et) ? Op("i64.sub") : Op("i32.sub"));
        normalize(et);
        return;
      }
      case Tok::Bang:
        rvalue(e.a);
        fb_.op(Op("i32.eqz"));
        return;
      case Tok::Tilde:
        rvalue(e.a);
        if (is64(et)) {
          fb_.i64Const(-1);
          fb_.op(Op("i64.xor"));
        } else {
          fb_.i32Const(-1);
          fb_.op(Op("i32.xor"));
          normalize(et);
        }
        return;
      case Tok::Amp: {
        Place p = place(e.a);
        addOffset(p.offset);
        return;
      }
      case Tok::Star: {
        Place p = place(id);
        loadPlace(p, et);
        return;
      }
      default: return;
    }
  }

  void normalize(TypeId id) { emitNormalize(fb_, t, id); }

  void binary(const Expr& e, TypeId et) {
    if (e.op == Tok::AndAnd || e.op == Tok::OrOr) {
      rvalue(e.a);
      fb_.ifThen(ValType::I32);
      if (e.op == Tok::AndAnd) {
        rvalue(e.b);
        fb_.elseThen();
        fb_.i32Const(0);
      } else {
        fb_.i32Const(1);
        fb_.elseThen();
        rvalue(e.b);
      }
      fb_.end();
      return;
    }
    rvalue(e.a);
    rvalue(e.b);
    TypeId lt = typeOf(e.a);
    switch (e.op) {
      case Tok::Eq: case Tok::Ne: case Tok::Lt: case Tok::Le: case Tok::Gt: case Tok::Ge:
        compare(e.op, kind(lt) == TK::Null ? typeOf(e.b) : lt);
        return;
      default: arith(e.op, et, typeOf(e.b));
    }
  }

  void compare(Tok op, TypeId id) { emitCompare(fb_, t, op, id); }

  // [a, b] on the stack -> a op b, of type `id` (b of type `bt` for shifts).
  void arith(Tok op, TypeId id, TypeId bt) {
    bool w = is64(id);
    if (isFloat(id)) {
      bool f = kind(id) == TK::F32;
      switch (op) {
        case Tok::Plus: fb_.op(f ? Op("f32.add") : Op("f64.add")); return;
        case Tok::Minus: fb_.op(f ? Op("f32.sub") : Op("f64.sub")); return;
        case Tok::Star: fb_.op(f ? Op("f32.mul") : Op("f64.mul")); return;
        case Tok::Slash: fb_.op(f ? Op("f32.div") : Op("f64.div")); return;
        default: return;
      }
    }
    switch (op) {
      case Tok::Plus: fb_.op(w ? Op("i64.add") : Op("i32.add")); break;
      case Tok::Minus: fb_.op(w ? Op("i64.sub") : Op("i32.sub")); break;
      case Tok::Star: fb_.op(w ? Op("i64.mul") : Op("i32.mul")); break;
      case Tok::Amp: fb_.op(w ? Op("i64.and") : Op("i32.and")); break;
      case Tok::Pipe: fb_.op(w ? Op("i64.or") : Op("i32.or")); break;
      case Tok::Caret: fb_.op(w ? Op("i64.xor") : Op("i32.xor")); break;
      case Tok::Slash: case Tok::Percent: divRem(op == Tok::Slash, id); break;
      case Tok::Shl: case Tok::Shr: {
        // The count takes the value's width, masked to its bits - 1.
        if (w && !is64(bt)) fb_.op(Op("i64.extend_i32_u"));
        if (!w && is64(bt)) fb_.op(Op("i32.wrap_i64"));
        unsigned bits = t.size(id) * 8;
        if (bits < 32) {
          fb_.i32Const(int32_t(bits - 1));
          fb_.op(Op("i32.and"));
        }
        if (op == Tok::Shl) fb_.op(w ? Op("i64.shl") : Op("i32.shl"));
        else if (isSigned(id)) fb_.op(w ? Op("i64.shr_s") : Op("i32.shr_s"));
        else fb_.op(w ? Op("i64.shr_u") : Op("i32.shr_u"));
        break;
      }
      default: break;
    }
    normalize(id);
  }

  // Integer division and remainder: a zero divisor panics; the most
  // negative value divided by -1 wraps (Go's rule) instead of trapping.
  void divRem(bool div, TypeId id) {
    bool w = is64(id);
    ValType vt = w ? ValType::I64 : ValType::I32;
    uint32_t b = temp(vt), a = temp(vt);
    fb_.localSet(b);
    fb_.localSet(a);
    fb_.localGet(b);
    fb_.op(w ? Op("i64.eqz") : Op("i32.eqz"));
    fb_.ifThen();
    panic("__panic_divide", {});
    fb_.end();
    if (!isSigned(id)) {
      fb_.localGet(a);
      fb_.localGet(b);
      fb_.op(div ? (w ? Op("i64.div_u") : Op("i32.div_u")) : (w ? Op("i64.rem_u") : Op("i32.rem_u")));
      return;
    }
    fb_.localGet(b);
    if (w) fb_.i64Const(-1);
    else fb_.i32Const(-1);
    fb_.op(w ? Op("i64.eq") : Op("i32.eq"));
    fb_.ifThen(vt);
    if (div) {
      if (w) fb_.i64Const(0);
      else fb_.i32Const(0);
      fb_.localGet(a);
      fb_.op(w ? Op("i64.sub") : Op("i32.sub"));
    } else if (w) {
      fb_.i64Const(0);
    } else {
      fb_.i32Const(0);
    }
    fb_.elseThen();
    fb_.localGet(a);
    fb_.localGet(b);
    fb_.op(div ? (w ? Op("i64.div_s") : Op("i32.div_s")) : (w ? Op("i64.rem_s") : Op("i32.rem_s")));
    fb_.end();
  }

  void convert(TypeId from, TypeId to) { emitConvert(fb_, t, from, to); }

  // Evaluates a call's arguments into its block and calls; the results are
  // in the block (fp + outOff) afterwards. Returns the callee's layout.
  const BlockLayout& call(ExprId id) {
    const Expr& e = mod_.exprs[id];
    const Ref& r = s_.exprRef[e.a.v];
    TypeId ft = r.kind == Ref::Func ? L.p.funcTypes[r.module][r.index] : typeOf(e.a);
    const BlockLayout& b = L.layout(ft);
    maxOut_ = std::max(maxOut_, b.size);
    uint32_t callee = 0;
    if (r.kind != Ref::Func) {
      callee = temp(ValType::I32);
      rvalue(e.a);
      fb_.localSet(callee);
    }
    bool nested = false;
    for (uint32_t i = 0; i < e.list.count; ++i)
      forEachExpr(mod_.exprList[e.list.begin + i], [&](ExprId x) { nested |= mod_.exprs[x].kind == ExprKind::Call; });
    if (!nested) {
      for (uint32_t i = 0; i < e.list.count; ++i) {
        fb_.localGet(out_);
        storeValue(b.paramTypes[i], b.params[i], mod_.exprList[e.list.begin + i]);
      }
    } else {
      // Another call among the arguments would reuse the block: evaluate
      // every argument first, then fill the block.
      std::vector<uint32_t> tmps;
      for (uint32_t i = 0; i < e.list.count; ++i) {
        TypeId pt = b.paramTypes[i];
        uint32_t tl = temp(agg(pt) ? ValType::I32 : L.valType(pt));
        rvalue(mod_.exprList[e.list.begin + i]);
        fb_.localSet(tl);
        tmps.push_back(tl);
      }
      for (uint32_t i = 0; i < e.list.count; ++i) {
        TypeId pt = b.paramTypes[i];
        fb_.localGet(out_);
        if (agg(pt)) {
          addOffset(b.params[i]);
          fb_.localGet(tmps[i]);
          copy(pt);
        } else {
          fb_.localGet(tmps[i]);
          store(pt, b.params[i]);
        }
      }
    }
    fb_.localGet(out_);
    if (r.kind == Ref::Func) {
      fb_.call(L.funcSym(r.module, r.index));
    } else {
      fb_.localGet(callee);
      fb_.callIndirect(L.toyType, L.tableSym);
    }
    return b;
  }

  // Calls a runtime function whose block the caller fills: `args` stores
  // each argument (given the block address on the stack).
  void runtimeCall(const std::string& name, uint32_t blockSize, const std::function<void()>& fill) {
    maxOut_ = std::max(maxOut_, blockSize);
    fill();
    fb_.localGet(out_);
    fb_.call(L.runtimeFunc(name));
  }

  void builtin(const Expr& e, Builtin b) {
    auto arg = [&](uint32_t i) { return mod_.exprList[e.list.begin + i]; };
    switch (b) {
      case Builtin::Print: case Builtin::Println: {
        bool nl = b == Builtin::Println;
        if (e.list.count == 0) {
          runtimeCall("__print_str", 16, [&] {
            fb_.localGet(out_);
            fb_.dataAddress(L.stringSym(""));
            copy(t.str());
            fb_.localGet(out_);
            fb_.i32Const(nl);
            fb_.memOp(Op("i32.store8"), 0, 8);
          });
          return;
        }
        TypeId at = typeOf(arg(0));
        TK k = kind(at);
        std::string fn;
        uint32_t nlAt = 4;
        if (at == t.str()) fn = "__print_str", nlAt = 8;
        else if (k == TK::Bool) fn = "__print_bool", nlAt = 1;
        else if (k == TK::F32) fn = "__print_f32";
        else if (k == TK::F64) fn = "__print_f64", nlAt = 8;
        else if (k == TK::Ptr || k == TK::Func || k == TK::Null) fn = "__print_ptr";
        else if (isSigned(at)) fn = "__print_i64", nlAt = 8;
        else fn = "__print_u64", nlAt = 8;
        runtimeCall(fn, 16, [&] {
          fb_.localGet(out_);
          if (at == t.str()) {
            rvalue(arg(0));
            copy(at);
          } else {
            rvalue(arg(0));
            if (fn == "__print_i64" || fn == "__print_u64") {
              widenTo64(at);
              fb_.memOp(Op("i64.store"), 3, 0);
            } else {
              store(at, 0);
            }
          }
          fb_.localGet(out_);
          fb_.i32Const(nl);
          fb_.memOp(Op("i32.store8"), 0, nlAt);
        });
        return;
      }
      case Builtin::Len: {
        TypeId at = typeOf(arg(0));
        if (kind(at) == TK::Array) {
          bool calls = false;
          forEachExpr(arg(0), [&](ExprId x) { calls |= mod_.exprs[x].kind == ExprKind::Call; });
          if (calls) {
            rvalue(arg(0));
            fb_.op(Op("drop"));
          }
          fb_.i32Const(int32_t(ty(at).length));
          return;
        }
        Place p = place(arg(0));
        fb_.memOp(Op("i32.load"), 2, p.offset + 4);
        return;
      }
      case Builtin::MemorySize: fb_.memorySize(); return;
      case Builtin::MemoryGrow:
        rvalue(arg(0));
        fb_.memoryGrow();
        return;
      case Builtin::HeapBase: fb_.dataAddress(L.heapBaseSym()); return;
    }
  }

  // base[lo..hi]: a new slice {ptr + lo * size, hi - lo}, checked against
  // the base's length (0 <= lo <= hi <= len) unless the base is a pointer.
  void sliceExpr(const Expr& e, TypeId et) {
    TypeId bt = typeOf(e.a);
    uint32_t es = t.size(ty(bt).elem);
    uint32_t ptr = temp(ValType::I32), len = temp(ValType::I32), lo = temp(ValType::I32), hi = temp(ValType::I32);
    bool hasLen = kind(bt) != TK::Ptr;
    if (kind(bt) == TK::Array) {
      Place p = place(e.a);
      addOffset(p.offset);
      fb_.localSet(ptr);
      fb_.i32Const(int32_t(ty(bt).length));
      fb_.localSet(len);
    } else if (kind(bt) == TK::Slice) {
      Place p = place(e.a);
      addOffset(p.offset);
      uint32_t h = temp(ValType::I32);
      fb_.localTee(h);
      fb_.memOp(Op("i32.load"), 2, 0);
      fb_.localSet(ptr);
      fb_.localGet(h);
      fb_.memOp(Op("i32.load"), 2, 4);
      fb_.localSet(len);
    } else {
      rvalue(e.a);
      fb_.localSet(ptr);
    }
    if (e.b) {
      rvalue(e.b);
      toI32(typeOf(e.b));
    } else {
      fb_.i32Const(0);
    }
    fb_.localSet(lo);
    if (e.c) {
      rvalue(e.c);
      toI32(typeOf(e.c));
    } else {
      fb_.localGet(len);
    }
    fb_.localSet(hi);
    if (hasLen) {
      fb_.localGet(hi);
      fb_.localGet(len);
      fb_.op(Op("i32.gt_u"));
      fb_.localGet(lo);
      fb_.localGet(hi);
      fb_.op(Op("i32.gt_u"));
      fb_.op(Op("i32.or"));
      fb_.ifThen();
      auto ext = [&](uint32_t l) {
        return [this, l] {
          fb_.localGet(l);
          fb_.op(Op("i64.extend_i32_s"));
        };
      };
      panic("__panic_slice", {ext(lo), ext(hi), [&] { fb_.localGet(len); fb_.op(Op("i64.extend_i32_u")); }});
      fb_.end();
    }
    uint32_t sl = slot(8, 4);
    slotAddress(sl);
    fb_.localGet(ptr);
    fb_.localGet(lo);
    scale(es);
    fb_.op(Op("i32.add"));
    fb_.memOp(Op("i32.store"), 2, 0);
    slotAddress(sl);
    fb_.localGet(hi);
    fb_.localGet(lo);
    fb_.op(Op("i32.sub"));
    fb_.memOp(Op("i32.store"), 2, 4);
    slotAddress(sl);
    (void)et;
  }

  void structLit(const Expr& e, TypeId et) {
    const StructInfo& info = t.structs[ty(et).strukt];
    uint32_t sl = slot(info.size, info.align);
    if (e.list.count < info.fields.size()) {
      // Fields not given are zero.
      slotAddress(sl);
      fb_.i32Const(0);
      fb_.i32Const(int32_t(info.size));
      fb_.memoryFill();
    }
    for (uint32_t i = 0; i < e.list.count; ++i) {
      StrId fname = mod_.nameList[e.names.begin + i];
      for (const StructField& f : info.fields) {
        if (f.name != fname) continue;
        slotAddress(sl);
        storeValue(f.type, f.offset, mod_.exprList[e.list.begin + i]);
      }
    }
    slotAddress(sl);
  }

  Lowering& L;
  const TypeTable& t;
  uint32_t m_;
  const Module& mod_;
  const ModuleSema& s_;
  const FuncDecl& fd_;
  const FuncSema& fs_;
  FunctionBuilder fb_;
  TypeId sig_;
  const BlockLayout* results_ = nullptr;
  bool hasFrame_ = false;
  uint32_t fp_ = 0, out_ = 0;
  uint32_t slots_ = 0, maxOut_ = 0;
  std::vector<uint32_t> framePatches_;
  uint32_t outPatch_ = 0;
  std::vector<Var> vars_;
  std::vector<uint32_t> free_[4];
  std::vector<std::pair<ValType, uint32_t>> inUse_;
  uint32_t depth_ = 0;
  std::vector<std::pair<uint32_t, uint32_t>> loops_;  // (break label, continue label)
};

}  // namespace

void lowerFunction(Lowering& l, uint32_t module, uint32_t index, std::vector<uint8_t>& body,
                   std::vector<link::Reloc>& relocs) {
  FuncLowering(l, module, index).run(body, relocs);
}

}  // namespace toyc::toy
