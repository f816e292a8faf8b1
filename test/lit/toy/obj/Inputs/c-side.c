// C side of c-interop.toy, compiled with clang's multivalue ABI so that a
// two-field struct crosses as two wasm values (a Toy str, or two results).
// Functions Toy calls through extern fn, and calls into the Toy object's
// exports through their C-ABI symbols.
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

typedef struct { const char *ptr; int32_t len; } str;
typedef struct { int32_t a, b; } pair;
typedef struct { int64_t big; double half; int32_t neg; } trio;

// Exports of the Toy object.
int32_t toy_chain(int32_t n);
int64_t toy_mul64(int64_t a, int64_t b);
double toy_avg(double a, double b);
str toy_name(void);
pair toy_minmax(int32_t a, int32_t b);
int32_t toy_count(str s, char c);
int32_t toy_renamed_export(int32_t x);
uint64_t toy_u64_max(bool wide);
int32_t toy_call(int32_t f, int32_t x);

int64_t c_add64(int64_t a, int64_t b) { return a + b; }
double c_hyp(double a, double b) { return a * a + b * b; }
float c_half(float x) { return x / 2; }
int32_t c_len(str s) { return s.len; }
str c_greet(void) {
  str s = { "hello from c", 12 };
  return s;
}
pair c_divmod(int32_t a, int32_t b) {
  pair p = { a / b, a % b };
  return p;
}
str c_upper(str s) {
  char *out = malloc(s.len);
  for (int32_t i = 0; i < s.len; i++) out[i] = s.ptr[i] - 32;
  str r = { out, s.len };
  return r;
}
trio c_trio(int32_t x) {
  trio t = { (int64_t)x << 40, x / 8.0, -x };
  return t;
}

// C -> Toy -> C -> ... recursion; the volatile frame on the shared stack
// must be intact when toy_chain returns.
int32_t c_chain(int32_t n) {
  volatile int32_t guard[2] = { n, n };
  if (n <= 0) return 0;
  int32_t r = toy_chain(n - 1);
  return r + 1 + (guard[0] - guard[1]);
}

// A Toy function value is the table index of an internal-ABI function, not
// a C function pointer: C hands it back to Toy to be called.
int32_t c_apply(int32_t f, int32_t x) { return toy_call(f, x) + 1; }

int64_t c_use_exports(void) {
  str n = toy_name();
  pair mm = toy_minmax(9, -3);
  str s = { "a-b-c-d", 7 };
  return toy_mul64(3000000, 3000000) + (int64_t)toy_avg(10.0, 20.0) + n.len + mm.a * 100 + mm.b
         + toy_count(s, '-') + toy_renamed_export(1);
}
uint64_t c_u64_max(void) { return toy_u64_max(true) - toy_u64_max(false); }
