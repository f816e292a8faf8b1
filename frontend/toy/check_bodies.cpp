// Body checking: name resolution in function bodies, expression types,
// assignability and control flow, plus the global initializers' types.
// Literals take their type from context (the expected type flows down;
// between two operands the typed one wins), as toy-language.md requires.
// After an error the expression's type is invalid and nothing depending on
// it is reported again, so each mistake gives one diagnostic.
#include <cmath>
#include <optional>
#include "frontend/toy/program.h"
#include "utils/diag.h"

namespace toyc::toy {

namespace {

bool isCompare(Tok op) {
  return op == Tok::Eq || op == Tok::Ne || op == Tok::Lt || op == Tok::Le || op == Tok::Gt || op == Tok::Ge;
}

// The binary operator of a compound assignment (`+=` -> `+`).
Tok compoundOp(Tok op) {
  switch (op) {
    case Tok::PlusAssign: return Tok::Plus;
    case Tok::MinusAssign: return Tok::Minus;
    case Tok::StarAssign: return Tok::Star;
    case Tok::SlashAssign: return Tok::Slash;
    case Tok::PercentAssign: return Tok::Percent;
    case Tok::AmpAssign: return Tok::Amp;
    case Tok::PipeAssign: return Tok::Pipe;
    case Tok::CaretAssign: return Tok::Caret;
    case Tok::ShlAssign: return Tok::Shl;
    case Tok::ShrAssign: return Tok::Shr;
    default: return Tok::Eof;
  }
}

const char* opText(Tok op) {
  switch (op) {
#define TOK(name, spelling) case Tok::name: return spelling;
#define KW(name, spelling) case Tok::name: return spelling;
#include "frontend/toy/token.def"
    default: return "?";
  }
}

class BodyChecker {
public:
  BodyChecker(Program& p, uint32_t m)
      : p_(p), t_(p.types), m_(m), mod_(*p.modules[m]), file_(*mod_.file), s_(p.sema[m]) {
    s_.exprType.assign(mod_.exprs.size(), TypeId());
    s_.exprRef.assign(mod_.exprs.size(), Ref());
    s_.stmtLocal.assign(mod_.stmts.size(), 0);
    s_.funcs.resize(mod_.funcs.size());
  }

  void checkGlobals() {
    for (uint32_t g = 0; g < mod_.globals.size(); ++g) checkGlobal(g);
  }
  void checkFuncs() {
    for (uint32_t f = 0; f < mod_.funcs.size(); ++f)
      if (mod_.funcs[f].body) checkFunc(f);
  }

private:
  // --- helpers ---
  std::string name(StrId n) const { return std::string(p_.names.str(n)); }
  std::string str(TypeId t) const { return t ? t_.toString(t) : "?"; }
  const Type& ty(TypeId t) const { return t_[t]; }
  TK kind(TypeId t) const { return t ? t_[t].kind : TK::Void; }
  TypeId i32() const { return t_.scalar(TK::I32); }
  TypeId boolT() const { return t_.scalar(TK::Bool); }
  void error(uint32_t pos, const std::string& msg) { file_.error(pos, msg); }
  TypeId set(ExprId e, TypeId t) {
    s_.exprType[e.v] = t;
    return t;
  }

  bool isPointerLike(TypeId t) const { return kind(t) == TK::Ptr || kind(t) == TK::Func; }
  bool isNumeric(TypeId t) const { return t && (t_.isInteger(t) || t_.isFloat(t)); }
  bool isSigned(TypeId t) const {
    TK k = kind(t);
    return k == TK::I8 || k == TK::I16 || k == TK::I32 || k == TK::I64;
  }

  // A literal whose type comes from its context: `1`, `-2.5`, `(1 << 4)`.
  bool untyped(ExprId id) const {
    const Expr& e = mod_.exprs[id];
    switch (e.kind) {
      case ExprKind::Int: case ExprKind::Float: return true;
      case ExprKind::Unary: return (e.op == Tok::Minus || e.op == Tok::Tilde) && untyped(e.a);
      case ExprKind::Binary: return !isCompare(e.op) && e.op != Tok::AndAnd && e.op != Tok::OrOr && untyped(e.a) && untyped(e.b);
      default: return false;
    }
  }

  // May a value of type `from` be used where `to` is expected?
  bool assignable(TypeId from, TypeId to) const {
    if (from == to) return true;
    if (kind(from) == TK::Null) return isPointerLike(to);
    return false;
  }

  // Reports a mismatch unless either side already failed.
  bool expectType(ExprId e, TypeId got, TypeId want, const char* what) {
    if (!got || !want) return false;
    if (assignable(got, want)) return true;
    error(mod_.exprs[e].pos, std::string("mismatched types: ") + what + " has type " + str(want) + ", but the value has type " + str(got));
    return false;
  }

  // Checks an expression that must have type `want` (literals adopt it).
  TypeId checkAs(ExprId e, TypeId want, const char* what) {
    TypeId got = check(e, want);
    return expectType(e, got, want, what) ? want : TypeId();
  }

  // --- scopes ---
  uint32_t declare(StrId n, TypeId t, uint32_t pos, bool param = false) {
    FuncSema& f = s_.funcs[func_];
    f.locals.push_back({n, t, pos, param, false});
    uint32_t idx = uint32_t(f.locals.size() - 1);
    scope_.push_back({n, idx});
    return idx;
  }
  const LocalVar* local(uint32_t i) const { return &s_.funcs[func_].locals[i]; }

  // --- globals ---
  void checkGlobal(uint32_t g) {
    const GlobalDecl& gd = mod_.globals[g];
    TypeId t = p_.globalTypes[m_][g];
    inGlobal_ = true;
    bool ok = true;
    if (!gd.type) {
      TypeId got = check(gd.init, TypeId());
      if (got && (kind(got) == TK::Null || kind(got) == TK::Tuple || kind(got) == TK::Void)) {
        error(mod_.exprs[gd.init].pos, "cannot infer the type of global '" + name(gd.name) + "' from " + str(got) + "; write its type");
        got = TypeId();
        ok = false;
      }
      p_.globalTypes[m_][g] = got;
    } else if (t) {
      ok = bool(checkAs(gd.init, t, ("global '" + name(gd.name) + "'").c_str()));
    } else {
      check(gd.init, TypeId());
      ok = false;
    }
    if (gd.init && ok) checkConstant(gd.init);
    inGlobal_ = false;
  }

  // Global initializers are built at compile time: literals, addresses of
  // globals and their parts, function names, and literals made of those.
  void checkConstant(ExprId id) {
    const Expr& e = mod_.exprs[id];
    if (!s_.exprType[id.v]) return;
    switch (e.kind) {
      case ExprKind::Int: case ExprKind::Float: case ExprKind::Char: case ExprKind::String: case ExprKind::Bool:
      case ExprKind::Null: case ExprKind::Sizeof:
        return;
      case ExprKind::Ident:
        if (s_.exprRef[id.v].kind == Ref::Func) return;
        break;
      case ExprKind::Unary:
        if (e.op == Tok::Amp && addressConstant(e.a)) return;
        if (e.op != Tok::Amp && e.op != Tok::Star && untyped(id)) return;
        break;
      case ExprKind::Binary:
        if (untyped(id)) return;
        break;
      case ExprKind::Cast:
        if (t_.isScalar(s_.exprType[id.v]) && untyped(e.a)) return;
        break;
      case ExprKind::StructLit: case ExprKind::ArrayLit:
        for (uint32_t i = 0; i < e.list.count; ++i) checkConstant(mod_.exprList[e.list.begin + i]);
        return;
      default: break;
    }
    error(e.pos, "a global's initializer must be a constant: literals, addresses of globals, function names, "
                 "and array or struct literals of those");
  }

  // `g`, `g.f`, `g[2]`, `g.a[1].b` with constant indices.
  bool addressConstant(ExprId id) const {
    const Expr& e = mod_.exprs[id];
    switch (e.kind) {
      case ExprKind::Ident: return s_.exprRef[id.v].kind == Ref::Global;
      case ExprKind::Field: return kind(s_.exprType[e.a.v]) == TK::Struct && addressConstant(e.a);
      case ExprKind::Index:
        return kind(s_.exprType[e.a.v]) == TK::Array && mod_.exprs[e.b].kind == ExprKind::Int && addressConstant(e.a);
      default: return false;
    }
  }

  // --- functions ---
  void checkFunc(uint32_t f) {
    const FuncDecl& fd = mod_.funcs[f];
    TypeId sig = p_.funcTypes[m_][f];
    if (!sig) return;
    func_ = f;
    scope_.clear();
    loops_ = 0;
    for (uint32_t i = 0; i < fd.params.count; ++i) {
      const Param& prm = mod_.params[fd.params.begin + i];
      declare(prm.name, t_.listAt(ty(sig), i), prm.pos, true);
    }
    result_ = ty(sig).result;
    bool falls = stmt(fd.body);
    s_.funcs[f].falls = falls;
    if (falls && kind(result_) != TK::Void) {
      // Reported at the closing brace, as Go reports "missing return".
      uint32_t end = endOfBlock(fd.body);
      error(end, "missing return at the end of function '" + name(fd.name) + "'");
    }
  }

  uint32_t endOfBlock(StmtId b) const {
    // The block's closing brace: scan back from the next item's start is not
    // recorded; find the matching brace from the block's opening one.
    std::string_view text = file_.text();
    uint32_t pos = mod_.stmts[b].pos, depth = 0;
    bool inStr = false, inChar = false, lineComment = false, blockComment = false;
    for (uint32_t i = pos; i < text.size(); ++i) {
      char c = text[i];
      if (lineComment) { if (c == '\n') lineComment = false; continue; }
      if (blockComment) { if (c == '*' && i + 1 < text.size() && text[i + 1] == '/') { blockComment = false; ++i; } continue; }
      if (inStr || inChar) {
        if (c == '\\') ++i;
        else if ((inStr && c == '"') || (inChar && c == '\'') || c == '\n') inStr = inChar = false;
        continue;
      }
      if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') { lineComment = true; continue; }
      if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') { blockComment = true; continue; }
      if (c == '"') inStr = true;
      else if (c == '\'') inChar = true;
      else if (c == '{') ++depth;
      else if (c == '}' && --depth == 0) return i;
    }
    return pos;
  }

  // Checks a statement; returns whether control can reach its end.
  bool stmt(StmtId id) {
    const Stmt& st = mod_.stmts[id];
    switch (st.kind) {
      case StmtKind::Block: {
        size_t mark = scope_.size();
        bool falls = true;
        for (uint32_t i = 0; i < st.list.count; ++i) falls = stmt(mod_.stmtList[st.list.begin + i]) && falls;
        scope_.resize(mark);
        return falls;
      }
      case StmtKind::Let: {
        TypeId t;
        if (st.type) {
          t = resolveType(st.type);
          if (t) checkAs(st.a, t, ("variable '" + name(st.name) + "'").c_str());
          else if (!(mod_.exprs[st.a].kind == ExprKind::ArrayLit && mod_.exprs[st.a].list.count == 0))
            check(st.a, TypeId());  // its own errors still count ([] alone needs the type)
        } else {
          t = check(st.a, TypeId());
          if (t && (kind(t) == TK::Null || kind(t) == TK::Void || kind(t) == TK::Tuple)) {
            error(mod_.exprs[st.a].pos, kind(t) == TK::Tuple
                      ? "the call returns " + std::to_string(ty(t).count) + " values; use 'let (a, b) = ...'"
                  : kind(t) == TK::Void ? std::string("the expression has no value")
                                        : "cannot infer the type of '" + name(st.name) + "' from null; write its type");
            t = TypeId();
          }
        }
        s_.stmtLocal[id.v] = declare(st.name, t ? t : TypeId(), st.pos);
        return true;
      }
      case StmtKind::LetTuple: {
        TypeId t = check(st.a, TypeId());
        if (t && (kind(t) != TK::Tuple || ty(t).count != st.list.count)) {
          uint32_t n = kind(t) == TK::Tuple ? ty(t).count : kind(t) == TK::Void ? 0 : 1;
          error(mod_.exprs[st.a].pos, "assignment mismatch: " + std::to_string(st.list.count) + " variables but the value has " +
                                          std::to_string(n) + (n == 1 ? " value" : " values"));
          t = TypeId();
        }
        for (uint32_t i = 0; i < st.list.count; ++i) {
          uint32_t l = declare(mod_.nameList[st.list.begin + i], t ? t_.listAt(ty(t), i) : TypeId(), mod_.namePos[st.list.begin + i]);
          if (i == 0) s_.stmtLocal[id.v] = l;
        }
        return true;
      }
      case StmtKind::Assign: {
        TypeId lt = check(st.a, TypeId());
        if (lt) checkAssignable(st.a);
        if (st.op == Tok::Assign) {
          if (lt) checkAs(st.b, lt, "the assignment's target");
          else check(st.b, TypeId());
        } else {
          Tok op = compoundOp(st.op);
          if (!lt) { check(st.b, TypeId()); return true; }
          bool shift = op == Tok::Shl || op == Tok::Shr;
          if (shift && !t_.isInteger(lt)) {
            error(st.pos, std::string("operator '") + opText(op) + "' is not defined on " + str(lt));
            check(st.b, TypeId());
            return true;
          }
          TypeId rt = shift ? checkShiftCount(st.b, lt) : checkAs(st.b, lt, "the assignment's target");
          if (rt) arithResult(mod_.stmts[id].pos, op, lt);
        }
        return true;
      }
      case StmtKind::Expr: {
        check(st.a, TypeId());
        return !isNoReturnCall(st.a);
      }
      case StmtKind::If: {
        checkAs(st.a, boolT(), "the condition");
        bool a = stmt(st.body);
        bool b = st.other ? stmt(st.other) : true;
        return a || b;
      }
      case StmtKind::While: {
        checkAs(st.a, boolT(), "the condition");
        ++loops_;
        uint32_t breaksBefore = breaks_;
        stmt(st.body);
        --loops_;
        bool broke = breaks_ != breaksBefore;
        breaks_ = breaksBefore;
        const Expr& c = mod_.exprs[st.a];
        bool forever = c.kind == ExprKind::Bool && c.boolValue;
        return !forever || broke;
      }
      case StmtKind::For: {
        TypeId t;
        bool la = untyped(st.a), lb = untyped(st.b);
        if (la && !lb) {
          t = check(st.b, TypeId());
          if (t) t = checkAs(st.a, t, "the range's start");
        } else {
          t = check(st.a, TypeId());
          if (t) t = checkAs(st.b, t, "the range's end");
          else check(st.b, TypeId());
        }
        if (t && !t_.isInteger(t)) {
          error(mod_.exprs[st.a].pos, "a range needs integer bounds, not " + str(t));
          t = TypeId();
        }
        size_t mark = scope_.size();
        s_.stmtLocal[id.v] = declare(st.name, t, st.pos);
        ++loops_;
        uint32_t breaksBefore = breaks_;
        stmt(st.body);
        breaks_ = breaksBefore;
        --loops_;
        scope_.resize(mark);
        return true;
      }
      case StmtKind::Break: case StmtKind::Continue:
        if (loops_ == 0) error(st.pos, std::string("'") + (st.kind == StmtKind::Break ? "break" : "continue") + "' outside of a loop");
        if (st.kind == StmtKind::Break) ++breaks_;
        return false;
      case StmtKind::Return: checkReturn(st); return false;
    }
    return true;
  }

  // A call of `panic` or `exit` ends the path, as Go treats panic.
  bool isNoReturnCall(ExprId id) const {
    const Expr& e = mod_.exprs[id];
    if (e.kind != ExprKind::Call) return false;
    const Ref& r = s_.exprRef[e.a.v];
    if (r.kind != Ref::Func || !p_.isRuntime(r.module)) return false;
    std::string n = name(p_.modules[r.module]->funcs[r.index].name);
    return n == "panic" || n == "exit";
  }

  void checkReturn(const Stmt& st) {
    uint32_t n = st.list.count;
    TK rk = kind(result_);
    uint32_t want = rk == TK::Void ? 0 : rk == TK::Tuple ? ty(result_).count : 1;
    if (n == 1 && want > 1) {
      // `return f();` passing on several results.
      ExprId e = mod_.exprList[st.list.begin];
      TypeId t = check(e, result_);
      if (t && t != result_) error(mod_.exprs[e].pos, "mismatched types: the function returns " + str(result_) + ", but the value has type " + str(t));
      return;
    }
    if (n != want) {
      error(st.pos, n == 0 ? "missing return value (the function returns " + str(result_) + ")"
                  : want == 0 ? std::string("too many return values (the function returns nothing)")
                              : "wrong number of return values: " + std::to_string(n) + " given, the function returns " + std::to_string(want));
      for (uint32_t i = 0; i < n; ++i) check(mod_.exprList[st.list.begin + i], TypeId());
      return;
    }
    for (uint32_t i = 0; i < n; ++i) {
      TypeId want1 = rk == TK::Tuple ? t_.listAt(ty(result_), i) : result_;
      checkAs(mod_.exprList[st.list.begin + i], want1, "the function's result");
    }
  }

  TypeId resolveType(TypeExprId id) {
    // Types written in bodies resolve like item types; reuse the item
    // checker's rules through a small local resolver.
    const TypeExpr& te = mod_.types[id];
    switch (te.kind) {
      case TypeKind::Named: {
        if (TypeId s = t_.byName(te.name)) return s;
        const ItemRef* item = p_.lookup(m_, te.name);
        if (item && item->kind == ItemRef::Struct) {
          for (uint32_t i = 0; i < t_.structs.size(); ++i)
            if (t_.structs[i].name == te.name && t_.structs[i].module == item->module) return t_.structType(i);
        }
        error(te.pos, item ? "'" + name(te.name) + "' is not a type" : "unknown type '" + name(te.name) + "'");
        return TypeId();
      }
      case TypeKind::Pointer: { TypeId e = resolveType(te.elem); return e ? t_.pointer(e) : TypeId(); }
      case TypeKind::Slice: { TypeId e = resolveType(te.elem); return e ? t_.slice(e) : TypeId(); }
      case TypeKind::Array: {
        TypeId e = resolveType(te.elem);
        const Expr& len = mod_.exprs[te.length];
        if (len.kind != ExprKind::Int) { error(len.pos, "array length must be an integer literal"); return TypeId(); }
        if (len.intValue > (uint64_t(1) << 31)) { error(len.pos, "array length " + std::to_string(len.intValue) + " is too large"); return TypeId(); }
        if (e && uint64_t(t_.size(e)) * len.intValue >= (uint64_t(1) << 31)) { error(te.pos, "array type " + str(t_.array(e, len.intValue)) + " is too large"); return TypeId(); }
        return e ? t_.array(e, len.intValue) : TypeId();
      }
      case TypeKind::Func: {
        std::vector<TypeId> ps;
        bool ok = true;
        for (uint32_t i = 0; i < te.list.count; ++i) {
          TypeId t = resolveType(mod_.typeList[te.list.begin + i]);
          ok &= bool(t);
          ps.push_back(t);
        }
        TypeId r = te.result ? resolveType(te.result) : t_.voidType();
        return ok && r ? t_.func(ps, r) : TypeId();
      }
      case TypeKind::Tuple: {
        std::vector<TypeId> es;
        bool ok = true;
        for (uint32_t i = 0; i < te.list.count; ++i) {
          TypeId t = resolveType(mod_.typeList[te.list.begin + i]);
          ok &= bool(t);
          es.push_back(t);
        }
        return ok ? t_.tuple(es) : TypeId();
      }
    }
    return TypeId();
  }

  // --- lvalues ---
  // Is the expression a place in memory or a variable (assignable, and
  // its address can be taken)?
  bool isPlace(ExprId id) const {
    const Expr& e = mod_.exprs[id];
    switch (e.kind) {
      case ExprKind::Ident: return s_.exprRef[id.v].kind == Ref::Local || s_.exprRef[id.v].kind == Ref::Global;
      case ExprKind::Unary: return e.op == Tok::Star;
      case ExprKind::Field: {
        TK k = kind(s_.exprType[e.a.v]);
        return k == TK::Ptr || isPlace(e.a);
      }
      case ExprKind::Index: {
        TK k = kind(s_.exprType[e.a.v]);
        return k == TK::Ptr || k == TK::Slice || isPlace(e.a);
      }
      default: return false;
    }
  }

  // The local or global variable a place is rooted in (through fields and
  // array indexing, not through pointers or slices), or an invalid ref.
  Ref root(ExprId id) const {
    const Expr& e = mod_.exprs[id];
    switch (e.kind) {
      case ExprKind::Ident: return s_.exprRef[id.v];
      case ExprKind::Field: return kind(s_.exprType[e.a.v]) == TK::Ptr ? Ref() : root(e.a);
      case ExprKind::Index: return kind(s_.exprType[e.a.v]) == TK::Array ? root(e.a) : Ref();
      default: return Ref();
    }
  }

  void checkAssignable(ExprId id) {
    const Expr& e = mod_.exprs[id];
    if (!isPlace(id)) {
      const Ref& r = s_.exprRef[id.v];
      if (e.kind == ExprKind::Ident && r.kind == Ref::Func)
        error(e.pos, "cannot assign to function '" + name(e.name) + "'");
      else
        error(e.pos, "cannot assign to this expression");
      return;
    }
    Ref r = root(id);
    if (r.kind == Ref::Global && p_.modules[r.module]->globals[r.index].isConst)
      error(e.pos, "cannot assign to constant '" + name(p_.modules[r.module]->globals[r.index].name) + "'");
  }

  void markAddressTaken(ExprId id) {
    Ref r = root(id);
    if (r.kind == Ref::Local) s_.funcs[func_].locals[r.index].addressTaken = true;
  }

  // --- expressions ---
  TypeId check(ExprId id, TypeId want) {
    TypeId t = checkExpr(id, want);
    return set(id, t);
  }

  TypeId checkExpr(ExprId id, TypeId want) {
    const Expr& e = mod_.exprs[id];
    switch (e.kind) {
      case ExprKind::Int: return intLiteral(e, want);
      case ExprKind::Float: {
        if (want && t_.isFloat(want)) {
          if (kind(want) == TK::F32 && std::isinf(float(e.floatValue)) && !std::isinf(e.floatValue)) {
            error(e.pos, "float literal overflows f32");
            return TypeId();
          }
          return want;
        }
        if (std::isinf(e.floatValue)) {
          error(e.pos, "float literal overflows f64");
          return TypeId();
        }
        return t_.scalar(TK::F64);
      }
      case ExprKind::Char: return t_.scalar(TK::U8);
      case ExprKind::String: return t_.str();
      case ExprKind::Bool: return boolT();
      case ExprKind::Null: return t_.scalar(TK::Null);
      case ExprKind::Sizeof: {
        TypeId t = resolveType(e.type);
        if (t) s_.exprRef[id.v] = {Ref::None, 0, t_.size(t)};
        return t ? t_.scalar(TK::U32) : TypeId();
      }
      case ExprKind::Ident: return ident(id, e);
      case ExprKind::Unary: return unary(id, e, want);
      case ExprKind::Binary: return binary(e, want);
      case ExprKind::Cast: return cast(e);
      case ExprKind::Call: return call(id, e);
      case ExprKind::Index: return index(e);
      case ExprKind::Slice: return slice(id, e);
      case ExprKind::Field: return field(id, e);
      case ExprKind::StructLit: return structLit(e);
      case ExprKind::ArrayLit: return arrayLit(e, want);
    }
    return TypeId();
  }

  TypeId intLiteral(const Expr& e, TypeId want) {
    TypeId t = want && isNumeric(want) ? want : i32();
    if (t_.isFloat(t)) return t;
    // Negation of a literal is folded by the caller's range check (unary).
    uint64_t v = e.intValue;
    if (!fitsUnsignedMagnitude(t, v, negated_)) {
      error(e.pos, "integer literal " + std::string(negated_ ? "-" : "") + std::to_string(v) + " overflows " + str(t));
      return TypeId();
    }
    return t;
  }

  // Does the literal (negated or not) fit type t?
  bool fitsUnsignedMagnitude(TypeId t, uint64_t v, bool neg) const {
    unsigned bits = t_.size(t) * 8;
    if (isSigned(t)) {
      uint64_t maxPos = (uint64_t(1) << (bits - 1)) - 1;
      return neg ? v <= maxPos + 1 : v <= maxPos;
    }
    if (neg) return v == 0;
    return bits == 64 || v < (uint64_t(1) << bits);
  }

  TypeId ident(ExprId id, const Expr& e) {
    for (size_t i = scope_.size(); i-- > 0;) {
      if (scope_[i].first == e.name) {
        s_.exprRef[id.v] = {Ref::Local, m_, scope_[i].second};
        return local(scope_[i].second)->type;
      }
    }
    if (const ItemRef* item = p_.lookup(m_, e.name)) {
      switch (item->kind) {
        case ItemRef::Global: {
          s_.exprRef[id.v] = {Ref::Global, item->module, item->index};
          TypeId t = p_.globalTypes[item->module][item->index];
          if (!t && !Diag::get().failed()) error(e.pos, "the type of '" + name(e.name) + "' is not known yet here; write the global's type");
          return t;
        }
        case ItemRef::Func:
          s_.exprRef[id.v] = {Ref::Func, item->module, item->index};
          return p_.funcTypes[item->module][item->index];
        case ItemRef::Struct:
          error(e.pos, "'" + name(e.name) + "' is a type, not a value");
          return TypeId();
      }
    }
    std::string n = name(e.name);
    if (builtinOf(n)) {
      error(e.pos, "built-in '" + n + "' must be called");
      return TypeId();
    }
    error(e.pos, "unknown name '" + n + "'");
    return TypeId();
  }

  static std::optional<Builtin> builtinOf(const std::string& n) {
    if (n == "print") return Builtin::Print;
    if (n == "println") return Builtin::Println;
    if (n == "len") return Builtin::Len;
    if (n == "__memory_size") return Builtin::MemorySize;
    if (n == "__memory_grow") return Builtin::MemoryGrow;
    if (n == "__heap_base") return Builtin::HeapBase;
    return std::nullopt;
  }

  TypeId unary(ExprId id, const Expr& e, TypeId want) {
    switch (e.op) {
      case Tok::Minus: {
        bool lit = mod_.exprs[e.a].kind == ExprKind::Int;
        bool saved = negated_;
        negated_ = lit;
        TypeId t = check(e.a, want);
        negated_ = saved;
        if (!t) return t;
        if (!isNumeric(t)) { error(e.pos, "operator '-' needs a number, not " + str(t)); return TypeId(); }
        return t;
      }
      case Tok::Bang: {
        TypeId t = check(e.a, boolT());
        if (t && t != boolT()) { error(e.pos, "operator '!' needs a bool, not " + str(t)); return TypeId(); }
        return t;
      }
      case Tok::Tilde: {
        TypeId t = check(e.a, want);
        if (t && !t_.isInteger(t)) { error(e.pos, "operator '~' needs an integer, not " + str(t)); return TypeId(); }
        return t;
      }
      case Tok::Amp: {
        TypeId want1 = kind(want) == TK::Ptr ? ty(want).elem : TypeId();
        TypeId t = check(e.a, want1);
        if (!t) return t;
        if (!isPlace(e.a)) { error(e.pos, "cannot take the address of this expression"); return TypeId(); }
        markAddressTaken(e.a);
        return t_.pointer(t);
      }
      case Tok::Star: {
        TypeId t = check(e.a, want ? t_.pointer(want) : TypeId());
        if (!t) return t;
        if (kind(t) != TK::Ptr) { error(e.pos, "cannot dereference a value of type " + str(t)); return TypeId(); }
        return ty(t).elem;
      }
      default: break;
    }
    (void)id;
    return TypeId();
  }

  TypeId checkShiftCount(ExprId b, TypeId left) {
    TypeId rt = check(b, untyped(b) ? left : TypeId());
    if (rt && !t_.isInteger(rt)) {
      error(mod_.exprs[b].pos, "shift count must be an integer, not " + str(rt));
      return TypeId();
    }
    return rt;
  }

  // The type of `l op r` for arithmetic and bitwise operators on type t.
  TypeId arithResult(uint32_t pos, Tok op, TypeId t) {
    bool ok;
    switch (op) {
      case Tok::Plus: case Tok::Minus: case Tok::Star: case Tok::Slash: ok = isNumeric(t); break;
      case Tok::Percent: case Tok::Amp: case Tok::Pipe: case Tok::Caret: case Tok::Shl: case Tok::Shr: ok = t_.isInteger(t); break;
      default: ok = false;
    }
    if (!ok) {
      error(pos, std::string("operator '") + opText(op) + "' is not defined on " + str(t));
      return TypeId();
    }
    return t;
  }

  TypeId binary(const Expr& e, TypeId want) {
    if (e.op == Tok::AndAnd || e.op == Tok::OrOr) {
      TypeId a = checkAs(e.a, boolT(), "the operand");
      TypeId b = checkAs(e.b, boolT(), "the operand");
      return a && b ? boolT() : TypeId();
    }
    bool cmp = isCompare(e.op);
    if (e.op == Tok::Shl || e.op == Tok::Shr) {
      TypeId l = check(e.a, want);
      if (l && !t_.isInteger(l)) {
        error(mod_.exprs[e.a].pos, std::string("operator '") + opText(e.op) + "' is not defined on " + str(l));
        check(e.b, TypeId());
        return TypeId();
      }
      TypeId r = l ? checkShiftCount(e.b, l) : check(e.b, TypeId());
      return l && r ? l : TypeId();
    }
    // The operand with a type of its own decides a literal's type.
    TypeId l, r;
    TypeId hint = cmp ? TypeId() : want;
    if (untyped(e.a) && !untyped(e.b)) {
      r = check(e.b, hint);
      l = r ? check(e.a, kind(r) == TK::Null ? TypeId() : r) : check(e.a, TypeId());
    } else {
      l = check(e.a, hint);
      TypeId lh = l && kind(l) != TK::Null ? l : hint;
      r = check(e.b, lh);
    }
    if (!l || !r) return TypeId();
    if (cmp) {
      TypeId t = kind(l) == TK::Null ? r : l;
      if (!(assignable(l, r) || assignable(r, l))) {
        error(e.pos, "mismatched types in comparison: " + str(l) + " and " + str(r));
        return TypeId();
      }
      bool eq = e.op == Tok::Eq || e.op == Tok::Ne;
      bool ok = eq ? (t_.isScalar(t) || kind(t) == TK::Null) : isNumeric(t);
      if (!ok) {
        error(e.pos, std::string("operator '") + opText(e.op) + "' is not defined on " + str(t));
        return TypeId();
      }
      return boolT();
    }
    if (l != r) {
      error(e.pos, std::string("mismatched types: ") + str(l) + " " + opText(e.op) + " " + str(r) + " (convert one side with 'as')");
      return TypeId();
    }
    return arithResult(e.pos, e.op, l);
  }

  TypeId cast(const Expr& e) {
    TypeId to = resolveType(e.type);
    TypeId from = check(e.a, to ? castHint(e.a, to) : TypeId());
    if (!to || !from) return TypeId();
    TK f = kind(from), k = kind(to);
    auto intOrBool = [&](TypeId t) { return t_.isInteger(t) || kind(t) == TK::Bool; };
    bool ok = from == to || (isNumeric(from) && isNumeric(to)) || (kind(from) == TK::Bool && t_.isInteger(to)) ||
              (isPointerLike(from) && (isPointerLike(to) || t_.isInteger(to))) || (intOrBool(from) && f != TK::Bool && isPointerLike(to)) ||
              (f == TK::Null && isPointerLike(to));
    if (!ok) {
      error(e.pos, "cannot convert " + str(from) + " to " + str(to));
      return TypeId();
    }
    (void)k;
    return to;
  }

  // The type a literal operand of `as` takes: the target when the literal
  // fits it (`0xffffffff as u32`), else the first of i32, i64, u64 that
  // holds it; a float literal is an f64 (`1e40 as f32` is inf, as in Rust).
  TypeId castHint(ExprId a, TypeId to) const {
    const Expr& e = mod_.exprs[a];
    bool neg = e.kind == ExprKind::Unary && e.op == Tok::Minus;
    const Expr& lit = neg ? mod_.exprs[e.a] : e;
    if (lit.kind != ExprKind::Int) return TypeId();
    if (t_.isInteger(to) && fitsUnsignedMagnitude(to, lit.intValue, neg)) return to;
    for (TK k : {TK::I32, TK::I64, TK::U64})
      if (fitsUnsignedMagnitude(t_.scalar(k), lit.intValue, neg)) return t_.scalar(k);
    return TypeId();
  }

  TypeId call(ExprId id, const Expr& e) {
    const Expr& callee = mod_.exprs[e.a];
    if (callee.kind == ExprKind::Ident) {
      bool isLocal = false;
      for (auto& s : scope_) isLocal |= s.first == callee.name;
      std::string n = name(callee.name);
      auto b = builtinOf(n);
      if (b && !isLocal && !p_.lookup(m_, callee.name)) {
        s_.exprRef[e.a.v] = {Ref::Builtin, 0, uint32_t(*b)};
        return builtinCall(e, *b, n);
      }
    }
    TypeId ft = check(e.a, TypeId());
    if (!ft) {
      for (uint32_t i = 0; i < e.list.count; ++i) check(mod_.exprList[e.list.begin + i], TypeId());
      return TypeId();
    }
    if (kind(ft) != TK::Func) {
      error(callee.pos, "cannot call a value of type " + str(ft));
      for (uint32_t i = 0; i < e.list.count; ++i) check(mod_.exprList[e.list.begin + i], TypeId());
      return TypeId();
    }
    const Type& f = ty(ft);
    if (e.list.count != f.count) {
      error(e.pos, "wrong number of arguments: " + std::to_string(e.list.count) + " given, " + std::to_string(f.count) +
                       " expected (" + str(ft) + ")");
      for (uint32_t i = 0; i < e.list.count; ++i) check(mod_.exprList[e.list.begin + i], TypeId());
      return f.result;
    }
    for (uint32_t i = 0; i < e.list.count; ++i) checkAs(mod_.exprList[e.list.begin + i], t_.listAt(f, i), "the parameter");
    (void)id;
    return f.result;
  }

  TypeId builtinCall(const Expr& e, Builtin b, const std::string& n) {
    auto arg = [&](uint32_t i) { return mod_.exprList[e.list.begin + i]; };
    auto argc = [&](uint32_t want) {
      if (e.list.count == want) return true;
      error(e.pos, "wrong number of arguments to '" + n + "': " + std::to_string(e.list.count) + " given, " + std::to_string(want) + " expected");
      for (uint32_t i = 0; i < e.list.count; ++i) check(arg(i), TypeId());
      return false;
    };
    switch (b) {
      case Builtin::Print: case Builtin::Println: {
        if (b == Builtin::Println && e.list.count == 0) return t_.voidType();
        if (!argc(1)) return TypeId();
        TypeId t = check(arg(0), TypeId());
        if (t && !(t_.isScalar(t) || t == t_.str())) {
          error(mod_.exprs[arg(0)].pos, "cannot print a value of type " + str(t));
          return TypeId();
        }
        return t_.voidType();
      }
      case Builtin::Len: {
        if (!argc(1)) return TypeId();
        TypeId t = check(arg(0), TypeId());
        if (t && kind(t) != TK::Array && kind(t) != TK::Slice) {
          error(mod_.exprs[arg(0)].pos, "len needs an array or a slice, not " + str(t));
          return TypeId();
        }
        return i32();
      }
      case Builtin::MemorySize: case Builtin::HeapBase:
        return argc(0) ? t_.scalar(TK::U32) : TypeId();
      case Builtin::MemoryGrow:
        if (!argc(1)) return TypeId();
        return checkAs(arg(0), t_.scalar(TK::U32), "the page count") ? i32() : TypeId();
    }
    return TypeId();
  }

  TypeId indexType(ExprId i) {
    TypeId t = check(i, untyped(i) ? i32() : TypeId());
    if (t && !t_.isInteger(t)) {
      error(mod_.exprs[i].pos, "an index must be an integer, not " + str(t));
      return TypeId();
    }
    return t;
  }

  TypeId index(const Expr& e) {
    TypeId base = check(e.a, TypeId());
    TypeId it = indexType(e.b);
    if (!base || !it) return TypeId();
    TK k = kind(base);
    if (k != TK::Array && k != TK::Slice && k != TK::Ptr) {
      error(e.pos, "cannot index a value of type " + str(base));
      return TypeId();
    }
    const Expr& ix = mod_.exprs[e.b];
    if (k == TK::Array && ix.kind == ExprKind::Int && ix.intValue >= ty(base).length) {
      error(ix.pos, "index " + std::to_string(ix.intValue) + " out of bounds for " + str(base));
      return TypeId();
    }
    return ty(base).elem;
  }

  TypeId slice(ExprId id, const Expr& e) {
    TypeId base = check(e.a, TypeId());
    TypeId lo = e.b ? indexType(e.b) : i32();
    TypeId hi = e.c ? indexType(e.c) : i32();
    if (!base || !lo || !hi) return TypeId();
    TK k = kind(base);
    if (k != TK::Array && k != TK::Slice && k != TK::Ptr) {
      error(e.pos, "cannot slice a value of type " + str(base));
      return TypeId();
    }
    if (k == TK::Ptr && !e.c) {
      error(e.pos, "slicing a pointer needs an end index (a pointer has no length)");
      return TypeId();
    }
    if (k == TK::Array) {
      if (!isPlace(e.a)) {
        error(e.pos, "cannot slice an array that is not stored in a variable");
        return TypeId();
      }
      markAddressTaken(e.a);
    }
    (void)id;
    return t_.slice(ty(base).elem);
  }

  TypeId field(ExprId id, const Expr& e) {
    TypeId base = check(e.a, TypeId());
    if (!base) return TypeId();
    TypeId st = kind(base) == TK::Ptr ? ty(base).elem : base;
    if (kind(st) == TK::Slice && kind(base) == TK::Slice) {
      std::string f = name(e.name);
      if (f == "ptr") { s_.exprRef[id.v] = {Ref::None, 0, 0}; return t_.pointer(ty(st).elem); }
      if (f == "len") { s_.exprRef[id.v] = {Ref::None, 0, 1}; return i32(); }
      error(e.pos, "a slice has fields 'ptr' and 'len', not '" + f + "'");
      return TypeId();
    }
    if (kind(st) != TK::Struct) {
      error(e.pos, "type " + str(base) + " has no field '" + name(e.name) + "'");
      return TypeId();
    }
    const StructInfo& info = t_.structs[ty(st).strukt];
    for (uint32_t i = 0; i < info.fields.size(); ++i) {
      if (info.fields[i].name == e.name) {
        s_.exprRef[id.v] = {Ref::None, 0, i};
        return info.fields[i].type;
      }
    }
    error(e.pos, "struct '" + name(info.name) + "' has no field '" + name(e.name) + "'");
    return TypeId();
  }

  TypeId structLit(const Expr& e) {
    const ItemRef* item = p_.lookup(m_, e.name);
    TypeId st;
    if (item && item->kind == ItemRef::Struct) {
      for (uint32_t i = 0; i < t_.structs.size(); ++i)
        if (t_.structs[i].name == e.name && t_.structs[i].module == item->module) st = t_.structType(i);
    }
    if (!st) {
      error(e.pos, item ? "'" + name(e.name) + "' is not a struct" : "unknown struct '" + name(e.name) + "'");
      for (uint32_t i = 0; i < e.list.count; ++i) check(mod_.exprList[e.list.begin + i], TypeId());
      return TypeId();
    }
    const StructInfo& info = t_.structs[ty(st).strukt];
    bool ok = true;
    for (uint32_t i = 0; i < e.list.count; ++i) {
      StrId fname = mod_.nameList[e.names.begin + i];
      uint32_t fpos = mod_.namePos[e.names.begin + i];
      ExprId v = mod_.exprList[e.list.begin + i];
      for (uint32_t j = 0; j < i; ++j)
        if (mod_.nameList[e.names.begin + j] == fname) { error(fpos, "field '" + name(fname) + "' is given twice"); ok = false; }
      const StructField* f = nullptr;
      for (const StructField& sf : info.fields)
        if (sf.name == fname) f = &sf;
      if (!f) {
        error(fpos, "struct '" + name(info.name) + "' has no field '" + name(fname) + "'");
        check(v, TypeId());
        ok = false;
        continue;
      }
      ok &= bool(checkAs(v, f->type, ("field '" + name(fname) + "'").c_str()));
    }
    return ok ? st : TypeId();
  }

  TypeId arrayLit(const Expr& e, TypeId want) {
    TypeId elem = kind(want) == TK::Array ? ty(want).elem : TypeId();
    if (e.list.count == 0 && !elem) {
      error(e.pos, "cannot infer the type of an empty array literal");
      return TypeId();
    }
    bool ok = true;
    for (uint32_t i = 0; i < e.list.count; ++i) {
      ExprId v = mod_.exprList[e.list.begin + i];
      if (!elem) {
        elem = check(v, TypeId());
        if (!elem) {
          // The others are checked on their own, for their own errors.
          for (uint32_t j = i + 1; j < e.list.count; ++j) check(mod_.exprList[e.list.begin + j], TypeId());
          return TypeId();
        }
        continue;
      }
      ok &= bool(checkAs(v, elem, "the array element"));
    }
    if (!ok) return TypeId();
    if (kind(want) == TK::Array && ty(want).length != e.list.count) {
      error(e.pos, "array literal has " + std::to_string(e.list.count) + " elements, but " + str(want) + " needs " +
                       std::to_string(ty(want).length));
      return TypeId();
    }
    return t_.array(elem, e.list.count);
  }

  Program& p_;
  TypeTable& t_;
  uint32_t m_;
  const Module& mod_;
  const SourceFile& file_;
  ModuleSema& s_;
  uint32_t func_ = 0;
  TypeId result_;
  std::vector<std::pair<StrId, uint32_t>> scope_;  // visible locals, innermost last
  uint32_t loops_ = 0, breaks_ = 0;
  bool negated_ = false;  // checking the operand of a unary minus
  bool inGlobal_ = false;
};

}  // namespace

bool checkBodies(Program& p) {
  uint32_t before = Diag::get().errorCount();
  p.sema.resize(p.modules.size());
  for (const auto& f : p.files) f->beginBuffering();
  // Globals without a written type take it from their initializer; check
  // those first so that functions see their types.
  std::vector<BodyChecker> checkers;
  checkers.reserve(p.modules.size());
  for (uint32_t m = 0; m < p.modules.size(); ++m) checkers.emplace_back(p, m);
  for (BodyChecker& c : checkers) c.checkGlobals();
  for (BodyChecker& c : checkers) c.checkFuncs();
  for (const auto& f : p.files) f->flush();
  return Diag::get().errorCount() == before;
}

}  // namespace toyc::toy
