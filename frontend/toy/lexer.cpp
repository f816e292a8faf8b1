#include "frontend/toy/lexer.h"
#include <span>
#include <vector>
#include <algorithm>
#include <memory>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace toyc::toy {

const char* tokSpelling(Tok t) {
  switch (t) {
    case Tok::Eof: return "end of file";
    case Tok::Ident: return "identifier";
    case Tok::Int: return "integer literal";
    case Tok::Float: return "float literal";
    case Tok::Char: return "character literal";
    case Tok::String: return "string literal";
#define KW(name, text) case Tok::name: return "'" text "'";
#define TOK(name, text) case Tok::name: return "'" text "'";
#include "frontend/toy/token.def"
#undef KW
#undef TOK
  }
  return "?";
}

namespace {

struct Spelling {
  std::string_view text;
  Tok kind;
};

const Spelling kKeywords[] = {
#define KW(name, text) {text, Tok::name},
#define TOK(name, text)
#include "frontend/toy/token.def"
#undef KW
#undef TOK
};

// Longest spellings first so that `<<=` wins over `<<` and `<`.
const Spelling kPunct[] = {
    {"<<=", Tok::ShlAssign}, {">>=", Tok::ShrAssign}, {"..", Tok::DotDot},  {"->", Tok::Arrow},
    {"+=", Tok::PlusAssign}, {"-=", Tok::MinusAssign}, {"*=", Tok::StarAssign}, {"/=", Tok::SlashAssign},
    {"%=", Tok::PercentAssign}, {"&=", Tok::AmpAssign}, {"|=", Tok::PipeAssign}, {"^=", Tok::CaretAssign},
    {"<<", Tok::Shl},        {">>", Tok::Shr},          {"==", Tok::Eq},        {"!=", Tok::Ne},
    {"<=", Tok::Le},         {">=", Tok::Ge},           {"&&", Tok::AndAnd},    {"||", Tok::OrOr},
    {"(", Tok::LParen},      {")", Tok::RParen},        {"{", Tok::LBrace},     {"}", Tok::RBrace},
    {"[", Tok::LBracket},    {"]", Tok::RBracket},      {",", Tok::Comma},      {";", Tok::Semi},
    {":", Tok::Colon},       {".", Tok::Dot},           {"=", Tok::Assign},     {"+", Tok::Plus},
    {"-", Tok::Minus},       {"*", Tok::Star},          {"/", Tok::Slash},      {"%", Tok::Percent},
    {"&", Tok::Amp},         {"|", Tok::Pipe},          {"^", Tok::Caret},      {"<", Tok::Lt},
    {">", Tok::Gt},          {"!", Tok::Bang},          {"~", Tok::Tilde},
};

// Lookup tables built once: spellings grouped by their first character
// (longest first), so that a token costs a compare or two, not a scan of
// every spelling.
struct SpellingIndex {
  std::vector<const Spelling*> byFirst[256];
  explicit SpellingIndex(std::span<const Spelling> all) {
    for (const Spelling& s : all) byFirst[uint8_t(s.text[0])].push_back(&s);
  }
};
const SpellingIndex& keywords() {
  static const SpellingIndex index{kKeywords};
  return index;
}
const SpellingIndex& punctuation() {
  static const SpellingIndex index{kPunct};
  return index;
}

bool isIdentStart(char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

class Lexer {
public:
  explicit Lexer(const SourceFile& f) : f_(f), s_(f.text()) {}

  // The next token (Eof at the end, and again after it).
  Token next() {
    // A bad character is reported and skipped: it makes no token.
    out_.tokens.clear();
    uint32_t errorsBefore = errors_;
    while (out_.tokens.empty()) {
      skipSpaceAndComments();
      if (p_ >= s_.size()) push(Tok::Eof, s_.size());
      else lexOne();
    }
    out_.tokens.back().bad = errors_ != errorsBefore;
    return out_.tokens.back();
  }
  std::vector<std::string>& strings() { return out_.strings; }

private:
  void error(size_t at, std::string_view msg) {
    ++errors_;
    f_.error(uint32_t(at), msg);
  }

  void skipSpaceAndComments() {
    while (p_ < s_.size()) {
      char c = s_[p_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++p_;
      } else if (c == '/' && p_ + 1 < s_.size() && s_[p_ + 1] == '/') {
        while (p_ < s_.size() && s_[p_] != '\n') ++p_;
      } else if (c == '/' && p_ + 1 < s_.size() && s_[p_ + 1] == '*') {
        size_t end = s_.find("*/", p_ + 2);
        if (end == std::string_view::npos) {
          error(p_, "unterminated block comment");
          p_ = s_.size();
        } else {
          p_ = end + 2;
        }
      } else {
        return;
      }
    }
  }

  void push(Tok k, size_t start) {
    Token& t = out_.tokens.emplace_back();
    t.kind = k;
    t.offset = uint32_t(start);
    t.length = uint32_t(std::max(p_, start) - start);
  }

  void lexOne() {
    size_t start = p_;
    char c = s_[p_];
    if (isIdentStart(c)) {
      while (p_ < s_.size() && (isIdentStart(s_[p_]) || isDigit(s_[p_]))) ++p_;
      std::string_view word = s_.substr(start, p_ - start);
      for (const Spelling* k : keywords().byFirst[uint8_t(c)])
        if (k->text == word) return push(k->kind, start);
      return push(Tok::Ident, start);
    }
    if (isDigit(c)) return lexNumber();
    if (c == '\'') return lexChar();
    if (c == '"') return lexString();
    for (const Spelling* k : punctuation().byFirst[uint8_t(c)])
      if (s_.compare(p_, k->text.size(), k->text) == 0) {
        p_ += k->text.size();
        return push(k->kind, start);
      }
    // One error per character: a UTF-8 sequence is shown (and skipped) whole.
    size_t n = 1;
    uint8_t b = uint8_t(c);
    if (b >= 0xc0) {
      while (p_ + n < s_.size() && n < 4 && (uint8_t(s_[p_ + n]) & 0xc0) == 0x80) ++n;
    }
    std::string shown;
    if (b >= 32 && b < 127) {
      shown = std::string(1, c);
    } else if (b >= 0xc0 && n > 1) {
      shown = std::string(s_.substr(p_, n));
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", b);
      shown = buf;
    }
    error(start, "unexpected character '" + shown + "'");
    p_ += n;
  }

  void lexNumber() {
    size_t start = p_;
    unsigned base = 10;
    if (s_[p_] == '0' && p_ + 1 < s_.size() && (s_[p_ + 1] == 'x' || s_[p_ + 1] == 'X')) base = 16;
    if (s_[p_] == '0' && p_ + 1 < s_.size() && (s_[p_ + 1] == 'b' || s_[p_ + 1] == 'B')) base = 2;
    if (base != 10) p_ += 2;
    uint64_t v = 0;
    bool overflow = false, any = false;
    std::string digits;  // for floats
    for (; p_ < s_.size(); ++p_) {
      char c = s_[p_];
      if (c == '_') continue;
      unsigned d;
      if (isDigit(c)) d = unsigned(c - '0');
      else if (base == 16 && c >= 'a' && c <= 'f') d = unsigned(c - 'a' + 10);
      else if (base == 16 && c >= 'A' && c <= 'F') d = unsigned(c - 'A' + 10);
      else break;
      if (d >= base) {
        error(p_, "invalid digit '" + std::string(1, c) + "' in base " + std::to_string(base) + " literal");
        continue;
      }
      any = true;
      digits.push_back(c);
      if (v > (UINT64_MAX - d) / base) overflow = true;
      v = v * base + d;
    }
    if (!any) error(start, "integer literal has no digits");
    // A float: digits '.' digits (not `..`), or an exponent.
    bool isFloat = false;
    if (base == 10 && p_ + 1 < s_.size() && s_[p_] == '.' && isDigit(s_[p_ + 1])) {
      isFloat = true;
      digits.push_back('.');
      for (++p_; p_ < s_.size() && (isDigit(s_[p_]) || s_[p_] == '_'); ++p_)
        if (s_[p_] != '_') digits.push_back(s_[p_]);
    }
    if (base == 10 && p_ < s_.size() && (s_[p_] == 'e' || s_[p_] == 'E')) {
      size_t q = p_ + 1;
      if (q < s_.size() && (s_[q] == '+' || s_[q] == '-')) ++q;
      if (q < s_.size() && isDigit(s_[q])) {
        isFloat = true;
        digits.push_back('e');
        digits.append(s_.substr(p_ + 1, q - p_ - 1));
        for (p_ = q; p_ < s_.size() && isDigit(s_[p_]); ++p_) digits.push_back(s_[p_]);
      }
    }
    if (p_ < s_.size() && (isIdentStart(s_[p_]))) {
      error(p_, "invalid suffix on numeric literal");
      while (p_ < s_.size() && (isIdentStart(s_[p_]) || isDigit(s_[p_]))) ++p_;
    }
    if (isFloat) {
      push(Tok::Float, start);
      out_.tokens.back().floatValue = std::strtod(digits.c_str(), nullptr);
      return;
    }
    push(Tok::Int, start);
    out_.tokens.back().intValue = v;
    out_.tokens.back().overflow = overflow;
    if (overflow) error(start, "integer literal is too large for any integer type");
  }

  // One character of a char or string literal, with escapes; returns false
  // at the closing quote, a line end or the end of input.
  bool literalChar(char quote, uint8_t& out) {
    if (p_ >= s_.size() || s_[p_] == '\n') return false;
    char c = s_[p_];
    if (c == quote) return false;
    ++p_;
    if (c != '\\') {
      out = uint8_t(c);
      return true;
    }
    if (p_ >= s_.size()) return false;
    size_t at = p_ - 1;
    char e = s_[p_++];
    switch (e) {
      case 'n': out = '\n'; return true;
      case 't': out = '\t'; return true;
      case 'r': out = '\r'; return true;
      case '\\': out = '\\'; return true;
      case '"': out = '"'; return true;
      case '\'': out = '\''; return true;
      case '0': out = 0; return true;
      case 'x': {
        auto hex = [](char h) { return isDigit(h) ? h - '0' : (h | 32) >= 'a' && (h | 32) <= 'f' ? (h | 32) - 'a' + 10 : -1; };
        int hi = p_ < s_.size() ? hex(s_[p_]) : -1, lo = p_ + 1 < s_.size() ? hex(s_[p_ + 1]) : -1;
        if (hi < 0 || lo < 0) {
          error(at, "\\x must be followed by two hexadecimal digits");
          out = 0;
          return true;
        }
        p_ += 2;
        out = uint8_t(hi * 16 + lo);
        return true;
      }
      default:
        error(at, std::string("unknown escape sequence '\\") + e + "'");
        out = uint8_t(e);
        return true;
    }
  }

  void lexChar() {
    size_t start = p_++;
    uint8_t v = 0;
    bool got = literalChar('\'', v);
    if (!got) error(start, "empty character literal");
    if (p_ < s_.size() && s_[p_] == '\'') {
      ++p_;
    } else {
      error(start, "unterminated character literal");
      while (p_ < s_.size() && s_[p_] != '\'' && s_[p_] != '\n') ++p_;
      if (p_ < s_.size() && s_[p_] == '\'') ++p_;
    }
    push(Tok::Char, start);
    out_.tokens.back().intValue = v;
  }

  void lexString() {
    size_t start = p_++;
    std::string value;
    uint8_t c;
    while (literalChar('"', c)) value.push_back(char(c));
    if (p_ < s_.size() && s_[p_] == '"') ++p_;
    else error(start, "unterminated string literal");
    push(Tok::String, start);
    out_.tokens.back().str = uint32_t(out_.strings.size());
    out_.strings.push_back(std::move(value));
  }

  const SourceFile& f_;
  std::string_view s_;
  size_t p_ = 0;
  uint32_t errors_ = 0;
  Lexed out_;
};


TokenStream::TokenStream(const SourceFile& file) : lexer_(std::make_unique<Lexer>(file)) {}
TokenStream::~TokenStream() = default;
Token TokenStream::next() { return lexer_->next(); }
const std::string& TokenStream::stringAt(uint32_t i) const { return lexer_->strings()[i]; }
std::vector<std::string> TokenStream::takeStrings() { return std::move(lexer_->strings()); }

}  // namespace toyc::toy
