// The Toy lexer: source text to tokens, with `//` and `/* */` comments,
// integer literals (decimal, 0x, 0b, `_` separators), floats, character and
// string literals with escapes. Literal values are decoded here; malformed
// ones are reported at their position and lexing goes on.
#pragma once
#include <cstdint>
#include <string>
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

struct Token {
  Tok kind;
  uint32_t offset;     // byte offset in the source
  uint32_t length;
  uint64_t intValue = 0;   // Int, Char
  double floatValue = 0;   // Float
  uint32_t str = 0;        // String: index into Lexed::strings
  bool overflow = false;   // Int literal beyond 64 bits
};

struct Lexed {
  std::vector<Token> tokens;          // ends with Eof
  std::vector<std::string> strings;   // decoded string literals
};

// Reports errors through the file; always returns a token list ending in Eof.
Lexed lex(const SourceFile& file);

}  // namespace toyc::toy
