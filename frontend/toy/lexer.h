// The Toy lexer: source text to tokens, with `//` and `/* */` comments,
// integer literals (decimal, 0x, 0b, `_` separators), floats, character and
// string literals with escapes. Literal values are decoded here; malformed
// ones are reported at their position and lexing goes on.
#pragma once
#include <cstdint>
#include <string>
#include <memory>
#include <vector>
#include "utils/source.h"

namespace toyc::toy {

enum class Tok : uint8_t {
  Eof, Ident, Int, Float, Char, String,
#define KW(name, text) name,
#define TOK(name, text) name,
#include "frontend/toy/token.def"
#undef KW
#undef TOK
};
const char* tokSpelling(Tok t);

// 24 bytes: a big program has millions of tokens.
struct Token {
  Tok kind;
  bool overflow = false;   // Int literal beyond 64 bits
  bool bad = false;        // the lexer reported an error in or just before it
  uint32_t offset;         // byte offset in the source
  uint32_t length;
  union {
    uint64_t intValue = 0;  // Int, Char
    double floatValue;      // Float
    uint32_t str;           // String: index into Lexed::strings
  };
};

struct Lexed {
  std::vector<Token> tokens;
  std::vector<std::string> strings;   // decoded string literals
};

class Lexer;

// Tokens on demand: a big program is never held as a token array. Errors
// are reported through the file as tokens are read; after the last token,
// next() returns Eof.
class TokenStream {
public:
  explicit TokenStream(const SourceFile& file);
  ~TokenStream();
  Token next();
  // The decoded string literals seen so far (Token::str indexes them).
  std::vector<std::string> takeStrings();
  const std::string& stringAt(uint32_t i) const;

private:
  std::unique_ptr<Lexer> lexer_;
};

}  // namespace toyc::toy
