// C side of extern-c.toy: one function per signature shape, and functions
// that call back into the Toy program's exports. No stdio; at -O1 clang
// turns c_fill's loop into a call to libc's memset, which must coexist with
// Toy's own memset built-in.
#include <stdbool.h>
#include <stdint.h>

int8_t c_i8(int8_t x) { return (int8_t)(x - 1); }
uint8_t c_u8(uint8_t x) { return (uint8_t)(x + 1); }
int16_t c_i16(int16_t x) { return (int16_t)(x * 2); }
uint16_t c_u16(uint16_t x) { return (uint16_t)~x; }
int32_t c_i32(int32_t a, int32_t b) { return (int32_t)((uint32_t)a * (uint32_t)b - 1u); }
uint32_t c_u32(uint32_t x) { return x >> 1; }
int64_t c_i64(int64_t a, int64_t b) { return a * b; }
uint64_t c_u64(uint64_t x) { return x / 3; }
float c_f32(float x) { return x * 0.5f; }
double c_f64(double a, double b) { return a / b; }
bool c_not(bool b) { return !b; }

// Doubles n ints in place and returns the address just past them.
int32_t *c_ptr(int32_t *p, int32_t n) {
  for (int32_t i = 0; i < n; i++) p[i] *= 2;
  return p + n;
}

// A Toy str or []u8 arrives as (pointer, length).
int32_t c_count(const uint8_t *p, int32_t len, uint8_t c) {
  int32_t n = 0;
  for (int32_t i = 0; i < len; i++) n += p[i] == c;
  return n;
}
void c_fill(uint8_t *p, int32_t len, uint8_t v) {
  for (int32_t i = 0; i < len; i++) p[i] = v;
}

double c_mixed(int8_t a, int64_t b, float c, uint16_t d, double e, bool f, uint64_t g, int32_t h) {
  return a + (double)b + c + d + e + f + (double)g + h;
}

static int32_t counter;
void c_none(void) { counter++; }
int32_t c_counter(void) { return counter; }

// Exports of the Toy program, called through their C-ABI symbols.
int32_t area(int32_t w, int32_t h);
int64_t toy_mul64(int64_t a, int64_t b);
double toy_hyp2(double a, double b);
int32_t toy_count(const uint8_t *p, int32_t len, uint8_t c);
int32_t toy_ping(int32_t n);

int32_t c_sum_areas(int32_t n) {
  int32_t s = 0;
  for (int32_t i = 1; i <= n; i++) s += area(i, i + 1);
  return s;
}
int64_t c_call_mul(int64_t a) { return toy_mul64(a, a); }
double c_call_hyp(double a, double b) { return toy_hyp2(a, b); }
int32_t c_count_via_toy(void) {
  static const uint8_t text[] = "banana";
  return toy_count(text, 6, 'a');
}

// Ping-pong with toy_ping. The volatile array keeps a frame on the shadow
// stack that must be intact when toy_ping returns.
int32_t c_pong(int32_t n) {
  volatile int32_t frame[4] = {n, -1, -1, n};
  if (n <= 0) return 0;
  int32_t r = toy_ping(n - 1);
  return r + (frame[0] + frame[3]) / 2;
}
