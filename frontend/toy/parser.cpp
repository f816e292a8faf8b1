// Recursive descent for items and statements, precedence climbing for
// binary operators. Precedence follows the language reference (tightest
// first): unary, `as`, `* / %`, `+ -`, `<< >>`, `&`, `^`, `|`, comparisons,
// `&&`, `||`. In `if`, `while` and `for` headers a name followed by `{` opens
// the block, not a struct literal (as in Rust and Go).
// After a syntax error the parser skips to the end of the statement or item
// and goes on, so that independent errors are all reported; errors caused
// by the first one are not.
#include <string>
#include "frontend/toy/ast.h"

namespace toyc::toy {

namespace {

class Parser {
public:
  Parser(const SourceFile& f, Interner& names) : f_(f), names_(names), lex_(f) {
    m_ = std::make_unique<Module>();
    m_->file = &f;
    // Reserved from the source size: address space only, never touched
    // unless used, and the arrays are not copied as they grow.
    size_t n = f.text().size();
    m_->exprs.reserve(n / 4 + 16);
    m_->stmts.reserve(n / 16 + 16);
    m_->exprList.reserve(n / 16 + 16);
    ring_[0] = lex_.next();
  }

  std::unique_ptr<Module> run() {
    while (!at(Tok::Eof)) item();
    m_->strings = lex_.takeStrings();
    return std::move(m_);
  }

private:
  // --- tokens ---
  // Tokens come from the stream into a small ring: the current one and the
  // one before it (for error positions) are all the parser looks at.
  const Token& tok() const { return ring_[p_ & 1]; }
  bool at(Tok k) const { return tok().kind == k; }
  Token next() {
    Token t = tok();
    if (t.kind != Tok::Eof) {
      ++p_;
      ring_[p_ & 1] = lex_.next();
    }
    return t;
  }
  bool accept(Tok k) {
    if (!at(k)) return false;
    next();
    return true;
  }
  std::string_view text(const Token& t) const { return f_.text().substr(t.offset, t.length); }
  StrId ident(const Token& t) { return names_.intern(text(t)); }

  // --- errors ---
  struct Bail {};  // unwinds to the enclosing statement or item
  [[noreturn]] void fail(uint32_t pos, const std::string& msg) {
    f_.error(pos, msg);
    throw Bail{};
  }
  // A missing token is reported right after the previous one when the
  // parser only notices it on a later line (a forgotten `;`).
  [[noreturn]] void unexpected(const char* what) {
    // Next to a token the lexer already reported, the parser's complaint
    // would be a consequence of it: bail quietly.
    if (tok().bad || (p_ > 0 && ring_[(p_ - 1) & 1].bad)) throw Bail{};
    uint32_t pos = tok().offset;
    if (p_ > 0) {
      const Token& prev = ring_[(p_ - 1) & 1];
      uint32_t prevEnd = prev.offset + prev.length, l1, l2, c;
      f_.lineCol(prevEnd, l1, c);
      f_.lineCol(pos, l2, c);
      if (l1 < l2) pos = prevEnd;
    }
    std::string msg = "expected ";
    msg += what;
    msg += ", found ";
    msg += tokSpelling(tok().kind);
    fail(pos, msg);
  }
  Token expect(Tok k, const char* what = nullptr) {
    if (!at(k)) unexpected(what ? what : tokSpelling(k));
    return next();
  }
  Token expectIdent(const char* what) {
    if (!at(Tok::Ident)) unexpected(what);
    return next();
  }
  // Skips to just after the next `;`, to a `}` closing the current level,
  // or to a keyword that starts the next statement.
  static bool startsStatement(Tok k) {
    return k == Tok::Let || k == Tok::If || k == Tok::While || k == Tok::For || k == Tok::Return ||
           k == Tok::Break || k == Tok::Continue;
  }
  void syncStatement() {
    int depth = 0;
    while (!at(Tok::Eof)) {
      if (depth == 0 && startsStatement(tok().kind)) return;
      if (at(Tok::LBrace)) ++depth;
      if (at(Tok::RBrace)) {
        if (depth == 0) return;
        --depth;
      }
      if (at(Tok::Semi) && depth == 0) {
        next();
        return;
      }
      next();
    }
  }
  static bool startsItem(Tok k) {
    return k == Tok::Fn || k == Tok::Struct || k == Tok::Var || k == Tok::Const || k == Tok::Import ||
           k == Tok::Extern || k == Tok::Export;
  }
  void syncItem() {
    int depth = 0;
    while (!at(Tok::Eof)) {
      if (depth == 0 && startsItem(tok().kind)) return;
      if (at(Tok::LBrace)) ++depth;
      if (at(Tok::RBrace) && depth > 0) --depth;
      next();
    }
  }

  // --- types ---
  TypeExprId type() {
    Nest nest(*this);
    const Token& t = tok();
    TypeExpr ty{};
    ty.pos = t.offset;
    if (accept(Tok::Star)) {
      ty.kind = TypeKind::Pointer;
      ty.elem = type();
    } else if (accept(Tok::LBracket)) {
      if (accept(Tok::RBracket)) {
        ty.kind = TypeKind::Slice;
      } else {
        ty.kind = TypeKind::Array;
        ty.length = expr();
        expect(Tok::RBracket);
      }
      ty.elem = type();
    } else if (accept(Tok::Fn)) {
      ty.kind = TypeKind::Func;
      expect(Tok::LParen);
      std::vector<TypeExprId> ps;
      if (!at(Tok::RParen)) do ps.push_back(type()); while (accept(Tok::Comma) && !at(Tok::RParen));
      expect(Tok::RParen);
      ty.list = pushTypes(ps);
      if (accept(Tok::Arrow)) ty.result = resultType();
    } else if (at(Tok::Ident)) {
      ty.kind = TypeKind::Named;
      ty.name = ident(next());
    } else {
      unexpected("a type");
    }
    return m_->types.push(ty);
  }
  // A result: one type or a parenthesized list of them.
  TypeExprId resultType() {
    if (!at(Tok::LParen)) return type();
    TypeExpr ty{};
    ty.kind = TypeKind::Tuple;
    ty.pos = next().offset;
    std::vector<TypeExprId> ts;
    do ts.push_back(type()); while (accept(Tok::Comma) && !at(Tok::RParen));
    expect(Tok::RParen);
    ty.list = pushTypes(ts);
    return m_->types.push(ty);
  }
  Range pushTypes(const std::vector<TypeExprId>& ts) {
    Range r{uint32_t(m_->typeList.size()), uint32_t(ts.size())};
    m_->typeList.insert(m_->typeList.end(), ts.begin(), ts.end());
    return r;
  }
  Range pushExprs(const std::vector<ExprId>& es) {
    Range r{uint32_t(m_->exprList.size()), uint32_t(es.size())};
    m_->exprList.insert(m_->exprList.end(), es.begin(), es.end());
    return r;
  }

  // --- expressions ---
  ExprId mk(const Expr& e) { return m_->exprs.push(e); }

  // Nesting is bounded so that no input can exhaust the stack.
  static constexpr unsigned kMaxDepth = 1000;  // parser recursion, about two per parenthesis
  struct Nest {
    Parser& p;
    explicit Nest(Parser& parser) : p(parser) {
      if (++p.depth_ > kMaxDepth) {
        --p.depth_;
        p.fail(p.tok().offset, "nesting is too deep");
      }
    }
    ~Nest() { --p.depth_; }
  };

  static int precedence(Tok k) {
    switch (k) {
      case Tok::OrOr: return 1;
      case Tok::AndAnd: return 2;
      case Tok::Eq: case Tok::Ne: case Tok::Lt: case Tok::Le: case Tok::Gt: case Tok::Ge: return 3;
      case Tok::Pipe: return 4;
      case Tok::Caret: return 5;
      case Tok::Amp: return 6;
      case Tok::Shl: case Tok::Shr: return 7;
      case Tok::Plus: case Tok::Minus: return 8;
      case Tok::Star: case Tok::Slash: case Tok::Percent: return 9;
      default: return 0;
    }
  }

  ExprId expr(int minPrec = 1) {
    Nest nest(*this);
    ExprId lhs = castExpr();
    for (;;) {
      int prec = precedence(tok().kind);
      if (prec < minPrec || prec == 0) return lhs;
      const Token& op = next();
      ExprId rhs = expr(prec + 1);
      Expr e{};
      e.kind = ExprKind::Binary;
      e.op = op.kind;
      e.pos = op.offset;
      e.a = lhs;
      e.b = rhs;
      lhs = mk(e);
    }
  }

  ExprId castExpr() {
    ExprId e = unary();
    while (at(Tok::As)) {
      Expr c{};
      c.kind = ExprKind::Cast;
      c.pos = next().offset;
      c.a = e;
      c.type = type();
      e = mk(c);
    }
    return e;
  }

  ExprId unary() {
    Nest nest(*this);
    switch (tok().kind) {
      case Tok::Minus: case Tok::Bang: case Tok::Tilde: case Tok::Amp: case Tok::Star: {
        Expr e{};
        e.kind = ExprKind::Unary;
        e.op = tok().kind;
        e.pos = next().offset;
        e.a = unary();
        return mk(e);
      }
      default: return postfix(primary());
    }
  }

  ExprId postfix(ExprId e) {
    for (;;) {
      if (at(Tok::LParen)) {
        Expr c{};
        c.kind = ExprKind::Call;
        c.pos = next().offset;
        c.a = e;
        std::vector<ExprId> args;
        bool saved = noStructLit_;
        noStructLit_ = false;
        if (!at(Tok::RParen)) do args.push_back(expr()); while (accept(Tok::Comma) && !at(Tok::RParen));
        noStructLit_ = saved;
        expect(Tok::RParen, "')' after the arguments");
        c.list = pushExprs(args);
        e = mk(c);
      } else if (at(Tok::LBracket)) {
        Expr ix{};
        ix.pos = next().offset;
        ix.a = e;
        bool saved = noStructLit_;
        noStructLit_ = false;
        ExprId lo;
        if (!at(Tok::DotDot)) lo = expr();
        if (accept(Tok::DotDot)) {
          ix.kind = ExprKind::Slice;
          ix.b = lo;
          if (!at(Tok::RBracket)) ix.c = expr();
        } else {
          ix.kind = ExprKind::Index;
          ix.b = lo;
        }
        noStructLit_ = saved;
        expect(Tok::RBracket);
        e = mk(ix);
      } else if (at(Tok::Dot)) {
        Expr fe{};
        fe.kind = ExprKind::Field;
        fe.pos = next().offset;
        fe.a = e;
        fe.name = ident(expectIdent("a field name after '.'"));
        e = mk(fe);
      } else {
        return e;
      }
    }
  }

  ExprId primary() {
    const Token& t = tok();
    Expr e{};
    e.pos = t.offset;
    switch (t.kind) {
      case Tok::Int: e.kind = ExprKind::Int; e.intValue = t.intValue; next(); return mk(e);
      case Tok::Float: e.kind = ExprKind::Float; e.floatValue = t.floatValue; next(); return mk(e);
      case Tok::Char: e.kind = ExprKind::Char; e.intValue = t.intValue; next(); return mk(e);
      case Tok::String: e.kind = ExprKind::String; e.str = t.str; next(); return mk(e);
      case Tok::True: case Tok::False:
        e.kind = ExprKind::Bool;
        e.boolValue = t.kind == Tok::True;
        next();
        return mk(e);
      case Tok::Null: e.kind = ExprKind::Null; next(); return mk(e);
      case Tok::Sizeof:
        next();
        e.kind = ExprKind::Sizeof;
        expect(Tok::LParen);
        e.type = type();
        expect(Tok::RParen);
        return mk(e);
      case Tok::LParen: {
        next();
        bool saved = noStructLit_;
        noStructLit_ = false;
        ExprId inner = expr();
        noStructLit_ = saved;
        expect(Tok::RParen);
        return inner;
      }
      case Tok::LBracket: {
        next();
        e.kind = ExprKind::ArrayLit;
        std::vector<ExprId> elems;
        bool saved = noStructLit_;
        noStructLit_ = false;
        if (!at(Tok::RBracket)) do elems.push_back(expr()); while (accept(Tok::Comma) && !at(Tok::RBracket));
        noStructLit_ = saved;
        expect(Tok::RBracket, "']' after the array elements");
        e.list = pushExprs(elems);
        return mk(e);
      }
      case Tok::Ident: {
        e.name = ident(next());
        if (at(Tok::LBrace) && !noStructLit_) return structLit(e);
        e.kind = ExprKind::Ident;
        return mk(e);
      }
      default: unexpected("an expression");
    }
  }

  ExprId structLit(Expr e) {
    e.kind = ExprKind::StructLit;
    expect(Tok::LBrace);
    ++litDepth_;
    std::vector<ExprId> values;
    // Names are appended after the values: a value may be a struct literal
    // with names of its own, and each literal's names must be contiguous.
    std::vector<std::pair<StrId, uint32_t>> names;
    while (!at(Tok::RBrace)) {
      const Token& n = expectIdent("a field name");
      names.push_back({ident(n), n.offset});
      expect(Tok::Colon, "':' after the field name");
      values.push_back(expr());
      if (!accept(Tok::Comma)) break;
    }
    expect(Tok::RBrace, "'}' after the struct fields");
    --litDepth_;
    e.list = pushExprs(values);
    e.names = {uint32_t(m_->nameList.size()), uint32_t(names.size())};
    for (auto [name, pos] : names) {
      m_->nameList.push_back(name);
      m_->namePos.push_back(pos);
    }
    return mk(e);
  }

  // --- statements ---
  StmtId mk(const Stmt& s) { return m_->stmts.push(s); }

  StmtId block() {
    Stmt s{};
    s.kind = StmtKind::Block;
    s.pos = expect(Tok::LBrace, "'{'").offset;
    std::vector<StmtId> body;
    while (!at(Tok::RBrace) && !at(Tok::Eof)) {
      size_t before = p_;
      unsigned litMark = litDepth_;
      try {
        body.push_back(statement());
      } catch (Bail&) {
        // Statements start outside any header (struct literals allowed),
        // and the braces of struct literals the error left open are
        // skipped before looking for the statement's end.
        noStructLit_ = false;
        while (litDepth_ > litMark && !at(Tok::Eof)) {
          if (at(Tok::LBrace)) ++litDepth_;
          if (at(Tok::RBrace)) --litDepth_;
          next();
        }
        litDepth_ = litMark;
        syncStatement();
        if (p_ == before) next();  // always make progress
      }
    }
    expect(Tok::RBrace, "'}'");
    s.list = {uint32_t(m_->stmtList.size()), uint32_t(body.size())};
    m_->stmtList.insert(m_->stmtList.end(), body.begin(), body.end());
    return mk(s);
  }

  ExprId condition() {
    bool saved = noStructLit_;
    noStructLit_ = true;
    ExprId c = expr();
    noStructLit_ = saved;
    return c;
  }

  StmtId statement() {
    Nest nest(*this);
    Stmt s{};
    s.pos = tok().offset;
    switch (tok().kind) {
      case Tok::LBrace: return block();
      case Tok::Let:
        next();
        if (accept(Tok::LParen)) {
          s.kind = StmtKind::LetTuple;
          s.list.begin = uint32_t(m_->nameList.size());
          do {
            const Token& n = expectIdent("a variable name");
            m_->nameList.push_back(ident(n));
            m_->namePos.push_back(n.offset);
            ++s.list.count;
          } while (accept(Tok::Comma));
          expect(Tok::RParen);
        } else {
          s.kind = StmtKind::Let;
          s.name = ident(expectIdent("a variable name after 'let'"));
          if (accept(Tok::Colon)) s.type = type();
        }
        expect(Tok::Assign, "'=' (a variable needs an initial value)");
        s.a = expr();
        expect(Tok::Semi, "';' after the declaration");
        return mk(s);
      case Tok::If: {
        next();
        s.kind = StmtKind::If;
        s.a = condition();
        s.body = block();
        if (accept(Tok::Else)) s.other = at(Tok::If) ? statement() : block();
        return mk(s);
      }
      case Tok::While:
        next();
        s.kind = StmtKind::While;
        s.a = condition();
        s.body = block();
        return mk(s);
      case Tok::For: {
        next();
        s.kind = StmtKind::For;
        s.name = ident(expectIdent("a loop variable after 'for'"));
        expect(Tok::In, "'in' after the loop variable");
        bool saved = noStructLit_;
        noStructLit_ = true;
        s.a = castExprChain();
        expect(Tok::DotDot, "'..' in the range");
        s.b = castExprChain();
        noStructLit_ = saved;
        s.body = block();
        return mk(s);
      }
      case Tok::Break: case Tok::Continue:
        s.kind = at(Tok::Break) ? StmtKind::Break : StmtKind::Continue;
        next();
        expect(Tok::Semi, "';'");
        return mk(s);
      case Tok::Return: {
        next();
        s.kind = StmtKind::Return;
        std::vector<ExprId> vals;
        if (!at(Tok::Semi)) do vals.push_back(expr()); while (accept(Tok::Comma));
        expect(Tok::Semi, "';' after the return value");
        s.list = pushExprs(vals);
        return mk(s);
      }
      default: {
        ExprId e = expr();
        switch (tok().kind) {
          case Tok::Assign: case Tok::PlusAssign: case Tok::MinusAssign: case Tok::StarAssign:
          case Tok::SlashAssign: case Tok::PercentAssign: case Tok::AmpAssign: case Tok::PipeAssign:
          case Tok::CaretAssign: case Tok::ShlAssign: case Tok::ShrAssign:
            s.kind = StmtKind::Assign;
            s.op = next().kind;
            s.a = e;
            s.b = expr();
            break;
          default:
            s.kind = StmtKind::Expr;
            s.a = e;
        }
        expect(Tok::Semi, "';' after the statement");
        return mk(s);
      }
    }
  }
  // A range bound: an expression without `..` (binary operators allowed).
  ExprId castExprChain() { return expr(); }

  // --- items ---
  Range paramList() {
    expect(Tok::LParen, "'(' before the parameters");
    Range r{uint32_t(m_->params.size()), 0};
    while (!at(Tok::RParen)) {
      Param p{};
      const Token& n = expectIdent("a parameter name");
      p.name = ident(n);
      p.pos = n.offset;
      expect(Tok::Colon, "':' and a type after the parameter name");
      p.type = type();
      m_->params.push_back(p);
      ++r.count;
      if (!accept(Tok::Comma)) break;
    }
    expect(Tok::RParen, "')' after the parameters");
    return r;
  }

  std::string stringArg(const char* what) {
    if (!at(Tok::String)) unexpected(what);
    return lex_.stringAt(next().str);
  }

  void function(FuncDecl f, bool declarationOnly) {
    expect(Tok::Fn, "'fn'");
    const Token& n = expectIdent("a function name");
    f.name = ident(n);
    f.pos = n.offset;
    f.params = paramList();
    if (accept(Tok::Arrow)) f.result = resultType();
    if (declarationOnly) {
      if (at(Tok::LBrace)) fail(tok().offset, "an imported or extern function has no body");
      expect(Tok::Semi, "';' after the declaration");
    } else {
      if (at(Tok::Semi)) fail(tok().offset, "function '" + std::string(names_.str(f.name)) + "' needs a body");
      f.body = block();
    }
    m_->funcs.push_back(f);
  }

  // Parses an import or export header; after an error in it, skips to its
  // `fn` so that the declaration that follows is read as what it is (and
  // then dropped) instead of causing errors of its own.
  template <class F>
  bool header(F&& f) {
    try {
      f();
      return true;
    } catch (Bail&) {
      while (!at(Tok::Fn) && !at(Tok::Eof) && !at(Tok::Semi)) next();
      if (!at(Tok::Fn)) throw;
      return false;
    }
  }

  void item() {
    size_t before = p_;
    try {
      itemInner();
    } catch (Bail&) {
      noStructLit_ = false;
      litDepth_ = 0;
      if (p_ == before) next();
      syncItem();
    }
  }

  void itemInner() {
    const Token& t = tok();
    switch (t.kind) {
      case Tok::Fn: function(FuncDecl{}, false); return;
      case Tok::Export: {
        next();
        FuncDecl f;
        f.linkage = FuncDecl::Export;
        bool ok = header([&] {
          if (accept(Tok::LParen)) {
            f.exportName = names_.intern(stringArg("the export name as a string"));
            expect(Tok::RParen);
          }
        });
        function(f, false);
        if (!ok) m_->funcs.pop_back();
        return;
      }
      case Tok::Import: {
        next();
        FuncDecl f;
        f.linkage = FuncDecl::Import;
        bool ok = header([&] {
          expect(Tok::LParen, "'(' and the import module after 'import'");
          f.importModule = names_.intern(stringArg("the import module as a string"));
          if (accept(Tok::Comma)) f.importName = names_.intern(stringArg("the import name as a string"));
          expect(Tok::RParen);
        });
        function(f, true);
        if (!ok) m_->funcs.pop_back();
        return;
      }
      case Tok::Extern: {
        next();
        FuncDecl f;
        f.linkage = FuncDecl::Extern;
        function(f, true);
        return;
      }
      case Tok::Struct: {
        next();
        StructDecl s;
        const Token& n = expectIdent("a struct name");
        s.name = ident(n);
        s.pos = n.offset;
        expect(Tok::LBrace, "'{' after the struct name");
        s.fields = {uint32_t(m_->params.size()), 0};
        while (!at(Tok::RBrace)) {
          Param p{};
          const Token& fn = expectIdent("a field name");
          p.name = ident(fn);
          p.pos = fn.offset;
          expect(Tok::Colon, "':' and a type after the field name");
          p.type = type();
          m_->params.push_back(p);
          ++s.fields.count;
          if (!accept(Tok::Comma)) break;
        }
        expect(Tok::RBrace, "'}' after the fields");
        m_->structs.push_back(s);
        return;
      }
      case Tok::Var: case Tok::Const: {
        GlobalDecl g{};
        g.isConst = next().kind == Tok::Const;
        const Token& n = expectIdent("a global name");
        g.name = ident(n);
        g.pos = n.offset;
        if (accept(Tok::Colon)) g.type = type();
        expect(Tok::Assign, "'=' and an initial value");
        g.init = expr();
        expect(Tok::Semi, "';' after the global");
        m_->globals.push_back(g);
        return;
      }
      default: unexpected("an item (fn, struct, var, const, import, extern or export)");
    }
  }

  const SourceFile& f_;
  Interner& names_;
  TokenStream lex_;
  Token ring_[2];
  size_t p_ = 0;  // tokens consumed
  bool noStructLit_ = false;
  unsigned litDepth_ = 0;  // struct literals open (for recovery)
  unsigned depth_ = 0;
  std::unique_ptr<Module> m_;
};

}  // namespace

std::unique_ptr<Module> parse(const SourceFile& file, Interner& names) {
  file.beginBuffering();
  auto m = Parser(file, names).run();
  file.flush();
  return m;
}

}  // namespace toyc::toy
