// C functions returning several values or taking and returning a Toy str,
// compiled with clang's multivalue ABI (-mmultivalue -Xclang -target-abi
// -Xclang experimental-mv), under which a small struct is passed as its
// fields and returned as a wasm result list: exactly Toy's host ABI.
#include <stdint.h>

typedef struct { const uint8_t *ptr; int32_t len; } str;
typedef struct { int32_t q, r; } divmod_t;
typedef struct { int64_t big; double half; int32_t neg; } trio_t;

str c_greet(void) {
  static const uint8_t text[] = "hi from c";
  str s = { text, 9 };
  return s;
}
divmod_t c_divmod(int32_t a, int32_t b) {
  divmod_t d = { a / b, a % b };
  return d;
}
str c_trim(str s) {
  while (s.len > 0 && s.ptr[0] == ' ') { s.ptr++; s.len--; }
  while (s.len > 0 && s.ptr[s.len - 1] == ' ') s.len--;
  return s;
}
trio_t c_trio(int32_t x) {
  trio_t t = { (int64_t)x * 1000000000000LL, x * 0.5, -x };
  return t;
}
