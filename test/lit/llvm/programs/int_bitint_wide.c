// Wide _BitInt(N), 65 <= N <= 128 (i65, i67, i80, i96, i100, i112, i120,
// i127 and i128 in the IR): arithmetic, shifts by constant and variable
// amounts, division, every predicate, conversions to and from narrower and
// wider integers and floating point (with ties that must round once),
// memory (arrays, structs, a packed struct, initialized globals, bit-fields),
// loop phis, min/max/abs, ctpop/ctlz/cttz, byte swap, bit reverse and rotate
// patterns (bswap, bitreverse and fshl at -O2), overflow builtins on
// _BitInt(100), saturating arithmetic, switch, varargs and structs by value.
// Values are printed as two 64-bit hex halves of the value converted to 128
// bits; the per-type grids only as a digest per operation, to keep the
// output small.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
// NATIVE: clang-O2-ubsan (the host gcc 12 has no _BitInt)
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Debian's compiler-rt __modti3/__umodti3 are built with a stack protector
// and wasi-libc does not define its symbols.
#ifdef __wasm__
uintptr_t __stack_chk_guard = 0x2f8a41c3;
void __stack_chk_fail(void) { abort(); }
#endif

#define NI __attribute__((noinline))
typedef unsigned long long ull;
typedef unsigned _BitInt(128) W;

typedef signed _BitInt(65) s65;
typedef unsigned _BitInt(65) u65;
typedef signed _BitInt(67) s67;
typedef unsigned _BitInt(67) u67;
typedef signed _BitInt(80) s80;
typedef unsigned _BitInt(80) u80;
typedef signed _BitInt(96) s96;
typedef unsigned _BitInt(96) u96;
typedef signed _BitInt(100) s100;
typedef unsigned _BitInt(100) u100;
typedef signed _BitInt(112) s112;
typedef unsigned _BitInt(112) u112;
typedef signed _BitInt(120) s120;
typedef unsigned _BitInt(120) u120;
typedef signed _BitInt(127) s127;
typedef unsigned _BitInt(127) u127;
typedef signed _BitInt(128) s128;
typedef unsigned _BitInt(128) u128;

static ull ck = 0xcbf29ce484222325ULL;
static void mix(ull v) {
  ck ^= v;
  ck *= 0x100000001b3ULL;
  ck ^= ck >> 29;
}
static ull seed = 0x2545f4914f6cdd1dULL;
static ull rnd64(void) {
  seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
  return seed ^ (seed >> 31);
}
static W rnd(void) {
  W hi = rnd64();
  return (hi << 64) | rnd64();
}

// One value: " " and 32 hex digits (the value converted to 128 bits, so
// signed values appear sign-extended).
static void px(W v) {
  ull hi = (ull)(v >> 64), lo = (ull)v;
  mix(hi);
  mix(lo);
  printf(" %016llx%016llx", hi, lo);
}
static void pi(int v) {
  mix((ull)(unsigned)v);
  printf(" %d", v);
}
static void pu64(ull v) {
  mix(v);
  printf(" %016llx", v);
}
static void nl(void) { printf("\n"); }
static ull dbits(double d) {
  ull b;
  memcpy(&b, &d, sizeof b);
  return b;
}
static unsigned fbits(float f) {
  unsigned b;
  memcpy(&b, &f, sizeof b);
  return b;
}

// The per-type grids are too big to print (the output must stay small), so
// each operation's results over all inputs are folded into a digest printed
// after the operation's name; some results are also printed in full.
static ull hs[24];
static void hreset(void) {
  for (int k = 0; k < 24; k++) hs[k] = 0x9e3779b97f4a7c15ULL * (ull)(k + 1);
}
static void hx(int k, W v) {
  ull h = hs[k];
  h = (h ^ (ull)v) * 0x100000001b3ULL;
  h = (h ^ (ull)(v >> 64)) * 0x100000001b3ULL;
  hs[k] = h ^ (h >> 31);
}
static void hprint(const char *tag, const char *names) {
  printf("%s", tag);
  int k = 0;
  for (const char *p = names; *p; k++) {
    const char *e = strchr(p, ' ');
    int len = e ? (int)(e - p) : (int)strlen(p);
    mix(hs[k]);
    printf(" %.*s=%08x", len, p, (unsigned)(hs[k] ^ (hs[k] >> 32)));
    p += len;
    if (*p) p++;
  }
  nl();
}

static const double dconst[] = {0.0, 0.75, 2.5, 123456789.5, 1e18, 9.5e18, 4503599627370497.0};

#define DEF_U(U, S, N)                                                                              \
  NI U S##_add(U a, U b) { return a + b; }                                                          \
  NI U S##_sub(U a, U b) { return a - b; }                                                          \
  NI U S##_mul(U a, U b) { return a * b; }                                                          \
  NI U S##_and(U a, U b) { return a & b; }                                                          \
  NI U S##_or(U a, U b) { return a | b; }                                                           \
  NI U S##_xor(U a, U b) { return a ^ b; }                                                          \
  NI U S##_not(U a) { return ~a; }                                                                  \
  NI U S##_neg(U a) { return -a; }                                                                  \
  NI U S##_div(U a, U b) { return a / b; }                                                          \
  NI U S##_rem(U a, U b) { return a % b; }                                                          \
  NI U S##_divc(U a) { return a / 10; }                                                             \
  NI U S##_remc(U a) { return a % 1000000007; }                                                     \
  NI U S##_shlc(U a) { return a << 7; }                                                             \
  NI U S##_shlc2(U a) { return a << (N - 3); }                                                      \
  NI U S##_shrc(U a) { return a >> 9; }                                                             \
  NI U S##_shrc2(U a) { return a >> (N - 2); }                                                      \
  NI U S##_shl64(U a) { return a << 64; }                                                           \
  NI U S##_shr64(U a) { return a >> 64; }                                                           \
  NI U S##_shlv(U a, int k) { return a << k; }                                                      \
  NI U S##_shrv(U a, int k) { return a >> k; }                                                      \
  NI U S##_rotc(U a) { return (a << 5) | (a >> (N - 5)); }                                          \
  NI U S##_rotv(U a, int k) { return (a << k) | (a >> (N - k)); }                                   \
  NI int S##_cmp(U a, U b) {                                                                        \
    return (a == b) | ((a != b) << 1) | ((a < b) << 2) | ((a <= b) << 3) | ((a > b) << 4) |         \
           ((a >= b) << 5) | ((a == 0) << 6) | ((a > ((U)0x9e3779b97f4a7c15ULL << (N - 64))) << 7) | \
           ((b <= (U)0xfffffffffffffffeULL) << 8);                                                  \
  }                                                                                                 \
  NI U S##_min(U a, U b) { return a < b ? a : b; }                                                  \
  NI U S##_max(U a, U b) { return a > b ? a : b; }                                                  \
  NI int S##_pop(U a) { return __builtin_popcountg(a); }                                            \
  NI int S##_clz(U a) { return __builtin_clzg(a, -1); }                                             \
  NI int S##_ctz(U a) { return __builtin_ctzg(a, N); }                                              \
  NI double S##_tod(U a) { return (double)a; }                                                      \
  NI float S##_tof(U a) { return (float)a; }                                                        \
  NI U S##_fromd(double d) { return (U)d; }                                                         \
  NI U S##_fromf(float f) { return (U)f; }                                                          \
  NI ull S##_toull(U a) { return (ull)a; }                                                          \
  NI unsigned S##_tou(U a) { return (unsigned)a; }                                                  \
  NI U S##_fromull(ull x) { return x; }                                                             \
  NI U S##_fromu(unsigned x) { return x; }                                                          \
  NI U S##_fromll(long long x) { return (U)x; }                                                     \
  static void S##_test(void) {                                                                      \
    U v[8];                                                                                         \
    v[0] = 0;                                                                                       \
    v[1] = 1;                                                                                       \
    v[2] = ~(U)0;                                                                                   \
    v[3] = (U)1 << (N - 1);                                                                         \
    v[4] = ((U)1 << (N - 1)) - 1;                                                                   \
    v[5] = ((U)1 << 64) - 1;                                                                        \
    v[6] = (U)rnd();                                                                                \
    v[7] = (U)rnd() >> (rnd64() % N);                                                               \
    int ks[7] = {0, 1, 13, 63, 64, N - 1, (int)(rnd64() % N)};                                      \
    hreset();                                                                                       \
    for (int i = 0; i < 8; i++) {                                                                   \
      U x = v[i];                                                                                   \
      hx(0, x), hx(1, S##_not(x)), hx(2, S##_neg(x)), hx(3, S##_divc(x)), hx(4, S##_remc(x));       \
      hx(5, S##_shlc(x)), hx(6, S##_shlc2(x)), hx(7, S##_shrc(x)), hx(8, S##_shrc2(x));             \
      hx(9, S##_shl64(x)), hx(10, S##_shr64(x)), hx(11, S##_rotc(x));                               \
      hx(12, (W)S##_pop(x) | (W)(S##_clz(x) + 1) << 8 | (W)S##_ctz(x) << 16);                        \
      hx(13, dbits(S##_tod(x))), hx(14, fbits(S##_tof(x)));                                         \
      hx(15, S##_fromd((double)(x >> 1))), hx(16, S##_fromf((float)(x >> 1)));                      \
      hx(17, S##_toull(x)), hx(18, S##_tou(x));                                                     \
      for (int k = 0; k < 7; k++) {                                                                 \
        hx(19, S##_shlv(x, ks[k])), hx(20, S##_shrv(x, ks[k]));                                     \
        if (ks[k] > 0) hx(21, S##_rotv(x, ks[k]));                                                  \
      }                                                                                             \
    }                                                                                               \
    hprint(#S, "x not neg divc remc shlc shlc2 shrc shrc2 shl64 shr64 rotc bits tod tof fromd fromf " \
               "toull tou shlv shrv rotv");                                                         \
    hreset();                                                                                       \
    for (int i = 0; i < 8; i++)                                                                     \
      for (int j = 0; j < 8; j++) {                                                                 \
        U a = v[i], b = v[j], d = b ? b : (U)3;                                                     \
        hx(0, S##_add(a, b)), hx(1, S##_sub(a, b)), hx(2, S##_mul(a, b)), hx(3, S##_and(a, b));     \
        hx(4, S##_or(a, b)), hx(5, S##_xor(a, b)), hx(6, S##_div(a, d)), hx(7, S##_rem(a, d));      \
        hx(8, S##_min(a, b)), hx(9, S##_max(a, b)), hx(10, (W)S##_cmp(a, b));                       \
      }                                                                                             \
    for (int i = 0; i < 7; i++) hx(11, S##_fromd(dconst[i]));                                       \
    hx(12, S##_fromull(0)), hx(12, S##_fromull(~0ULL)), hx(12, S##_fromull(0x8000000000000000ULL)); \
    hx(12, S##_fromu(0xffffffffu)), hx(12, S##_fromll(-1)), hx(12, S##_fromll(-0x7fffffffffffffffLL - 1)); \
    hprint(#S, "add sub mul and or xor div rem min max cmp fromd fromint");                         \
    U a = v[6], b = v[7] | 1;                                                                       \
    printf(#S ":");                                                                                 \
    px(a), px(b), px(S##_mul(a, b)), px(S##_div(a, b)), px(S##_rem(a, b)), px(S##_rotv(a, ks[6] | 1)); \
    pi(S##_pop(a)), pi(S##_clz(b)), pi(S##_ctz(a)), pu64(dbits(S##_tod(a)));                        \
    nl();                                                                                           \
  }

#define DEF_S(T, U, S, N)                                                                           \
  NI T S##_add(T a, T b) { return a + b; }                                                          \
  NI T S##_sub(T a, T b) { return a - b; }                                                          \
  NI T S##_mul(T a, T b) { return a * b; }                                                          \
  NI T S##_wadd(T a, T b) { return (T)((U)a + (U)b); }                                              \
  NI T S##_wsub(T a, T b) { return (T)((U)a - (U)b); }                                              \
  NI T S##_wmul(T a, T b) { return (T)((U)a * (U)b); }                                              \
  NI T S##_div(T a, T b) { return a / b; }                                                          \
  NI T S##_rem(T a, T b) { return a % b; }                                                          \
  NI T S##_divc(T a) { return a / -7; }                                                             \
  NI T S##_remc(T a) { return a % 1000; }                                                           \
  NI T S##_neg(T a) { return -a; }                                                                  \
  NI T S##_sarc(T a) { return a >> 5; }                                                             \
  NI T S##_sarc2(T a) { return a >> (N - 1); }                                                      \
  NI T S##_sar64(T a) { return a >> 64; }                                                           \
  NI T S##_sarv(T a, int k) { return a >> k; }                                                      \
  NI int S##_cmp(T a, T b) {                                                                        \
    return (a == b) | ((a != b) << 1) | ((a < b) << 2) | ((a <= b) << 3) | ((a > b) << 4) |         \
           ((a >= b) << 5) | ((a < 0) << 6) | ((a > -1) << 7) | ((b >= (T)0x7fffffffffffffffLL) << 8); \
  }                                                                                                 \
  NI T S##_min(T a, T b) { return a < b ? a : b; }                                                  \
  NI T S##_max(T a, T b) { return a > b ? a : b; }                                                  \
  NI U S##_uabs(T a) { return a < 0 ? -(U)a : (U)a; }                                              \
  NI T S##_abs(T a) { return a < 0 ? -a : a; }                                                      \
  NI T S##_clamp(T a) {                                                                             \
    return a < -1000000 ? -1000000 : a > (T)0x7fffffffffffffffLL ? (T)0x7fffffffffffffffLL : a;     \
  }                                                                                                 \
  NI double S##_tod(T a) { return (double)a; }                                                      \
  NI float S##_tof(T a) { return (float)a; }                                                        \
  NI T S##_fromd(double d) { return (T)d; }                                                         \
  NI T S##_fromf(float f) { return (T)f; }                                                          \
  NI long long S##_toll(T a) { return (long long)a; }                                               \
  NI int S##_toi(T a) { return (int)a; }                                                            \
  NI T S##_fromll(long long x) { return x; }                                                        \
  NI T S##_fromi(int x) { return x; }                                                               \
  NI T S##_fromu(unsigned x) { return x; }                                                          \
  static void S##_test(void) {                                                                      \
    T v[8];                                                                                         \
    T mx = (T)(((U)1 << (N - 1)) - 1), mn = -mx - 1;                                                \
    v[0] = 0;                                                                                       \
    v[1] = 1;                                                                                       \
    v[2] = -1;                                                                                      \
    v[3] = mx;                                                                                      \
    v[4] = mn;                                                                                      \
    v[5] = -(T)0x7fffffffffffffffLL - 2;                                                            \
    v[6] = (T)(U)rnd();                                                                             \
    v[7] = (T)(U)rnd() >> (rnd64() % N);                                                            \
    int ks[6] = {0, 1, 31, 64, N - 1, (int)(rnd64() % N)};                                          \
    hreset();                                                                                       \
    for (int i = 0; i < 8; i++) {                                                                   \
      T x = v[i];                                                                                   \
      hx(0, (W)x), hx(1, (W)S##_uabs(x)), hx(2, (W)S##_divc(x)), hx(3, (W)S##_remc(x));             \
      if (x != mn) hx(4, (W)S##_neg(x)), hx(5, (W)S##_abs(x));                                      \
      hx(6, (W)S##_sarc(x)), hx(7, (W)S##_sarc2(x)), hx(8, (W)S##_sar64(x)), hx(9, (W)S##_clamp(x)); \
      hx(10, dbits(S##_tod(x))), hx(11, fbits(S##_tof(x)));                                         \
      hx(12, (W)S##_fromd((double)(x >> 2))), hx(13, (W)S##_fromf((float)(x >> 2)));                \
      hx(14, (ull)S##_toll(x)), hx(15, (unsigned)S##_toi(x));                                       \
      for (int k = 0; k < 6; k++) hx(16, (W)S##_sarv(x, ks[k]));                                    \
    }                                                                                               \
    hprint(#S, "x uabs divc remc neg abs sarc sarc2 sar64 clamp tod tof fromd fromf toll toi sarv"); \
    hreset();                                                                                       \
    for (int i = 0; i < 8; i++)                                                                     \
      for (int j = 0; j < 8; j++) {                                                                 \
        T a = v[i], b = v[j], d = b == 0 ? (T)3 : (a == mn && b == -1) ? (T)5 : b;                  \
        T ha = a >> 1, hb = b >> 1, qa = a >> ((N + 1) / 2), qb = b >> ((N + 1) / 2);               \
        hx(0, (W)S##_add(ha, hb)), hx(1, (W)S##_sub(ha, hb)), hx(2, (W)S##_mul(qa, qb));            \
        hx(3, (W)S##_wadd(a, b)), hx(4, (W)S##_wsub(a, b)), hx(5, (W)S##_wmul(a, b));               \
        hx(6, (W)S##_div(a, d)), hx(7, (W)S##_rem(a, d)), hx(8, (W)S##_min(a, b));                  \
        hx(9, (W)S##_max(a, b)), hx(10, (W)S##_cmp(a, b));                                          \
      }                                                                                             \
    for (int i = 0; i < 7; i++) {                                                                   \
      double c = dconst[i];                                                                         \
      hx(11, (W)S##_fromd(c)), hx(11, (W)S##_fromd(-c)), hx(11, (W)S##_fromf((float)-c));           \
    }                                                                                               \
    hx(12, (W)S##_fromll(-1)), hx(12, (W)S##_fromll(-0x7fffffffffffffffLL - 1));                    \
    hx(12, (W)S##_fromll(0x7fffffffffffffffLL)), hx(12, (W)S##_fromi(-2147483647 - 1));             \
    hx(12, (W)S##_fromi(2147483647)), hx(12, (W)S##_fromu(0x80000000u));                            \
    hprint(#S, "add sub mul wadd wsub wmul div rem min max cmp fromd fromint");                     \
    T a = v[6], b = v[7] | 1;                                                                       \
    printf(#S ":");                                                                                 \
    px((W)a), px((W)b), px((W)S##_wmul(a, b)), px((W)S##_div(a, b)), px((W)S##_rem(a, b));         \
    px((W)S##_sarv(a, ks[5])), pi(S##_cmp(a, b)), pu64(dbits(S##_tod(b)));                          \
    nl();                                                                                           \
  }

DEF_U(u65, u65, 65)
DEF_U(u67, u67, 67)
DEF_U(u80, u80, 80)
DEF_U(u96, u96, 96)
DEF_U(u100, u100, 100)
DEF_U(u112, u112, 112)
DEF_U(u120, u120, 120)
DEF_U(u127, u127, 127)
DEF_U(u128, u128, 128)
DEF_S(s65, u65, s65, 65)
DEF_S(s67, u67, s67, 67)
DEF_S(s80, u80, s80, 80)
DEF_S(s96, u96, s96, 96)
DEF_S(s100, u100, s100, 100)
DEF_S(s112, u112, s112, 112)
DEF_S(s120, u120, s120, 120)
DEF_S(s127, u127, s127, 127)
DEF_S(s128, u128, s128, 128)

// Conversions between the wide widths (sext, zext, trunc).
NI s100 w_s65_s100(s65 a) { return a; }
NI s128 w_s67_s128(s67 a) { return a; }
NI u127 w_u80_u127(u80 a) { return a; }
NI s120 w_s96_s120(s96 a) { return a; }
NI s112 w_u100_s112(u100 a) { return a; }
NI u120 w_s112_u120(s112 a) { return (u120)a; }
NI s127 w_s120_s127(s120 a) { return a; }
NI u128 w_u127_u128(u127 a) { return a; }
NI u80 w_u127_u80(u127 a) { return (u80)a; }
NI s67 w_s100_s67(s100 a) { return (s67)a; }
NI s65 w_s128_s65(s128 a) { return (s65)a; }
NI u96 w_s120_u96(s120 a) { return (u96)a; }
NI s80 w_u112_s80(u112 a) { return (s80)a; }

static void test_widen(void) {
  for (int i = 0; i < 10; i++) {
    W r = rnd();
    if (i == 0) r = 0;
    if (i == 1) r = ~(W)0;
    if (i == 2) r = (W)1 << 64;
    if (i == 3) r = ((W)1 << 127) | ((W)1 << 99) | ((W)1 << 79) | ((W)1 << 66) | ((W)1 << 64);
    if (i == 4) r = ~(((W)1 << 99) | ((W)1 << 79) | ((W)1 << 66) | ((W)1 << 64));
    printf("widen %d:", i);
    px((W)w_s65_s100((s65)(u65)r)), px((W)w_s67_s128((s67)(u67)r)), px((W)w_u80_u127((u80)r));
    px((W)w_s96_s120((s96)(u96)r)), px((W)w_u100_s112((u100)r)), px((W)w_s112_u120((s112)(u112)r));
    px((W)w_s120_s127((s120)(u120)r)), px((W)w_u127_u128((u127)r)), px((W)w_u127_u80((u127)r));
    px((W)w_s100_s67((s100)(u100)r)), px((W)w_s128_s65((s128)r)), px((W)w_s120_u96((s120)(u120)r));
    px((W)w_u112_s80((u112)r));
    nl();
  }
}

// Memory: initialized globals, arrays, structs, a packed struct.
#define S100MAX ((s100)(((u100)1 << 99) - 1))
s100 g100[8] = {0, -1, 1, S100MAX, -S100MAX - 1, ((s100)0x123456789abcdefLL << 36) ^ 0x55,
                -((s100)0x0fedcba987654321LL << 30), (s100)0x7fffffffffffffffLL + 1};
u80 g80[6] = {0, ~(u80)0, (u80)1 << 79, ((u80)0xabcd << 64) | 0x0123456789abcdefULL, 0xffffffffffffffffULL,
              (u80)0xffffffffffffffffULL + 1};
s127 g127[4] = {-1, (s127)(((u127)1 << 126) - 1), -(s127)(((u127)1 << 126) - 1) - 1, (s127)0x5a5a5a5a5a5aLL << 70};
struct Rec {
  char tag;
  s96 a;
  u112 b;
  short k;
  s67 c;
};
struct Rec grec[3] = {{'a', -5, ((u112)1 << 111) | 7, 3, -((s67)1 << 65)},
                      {'b', (s96)0x7fffffffffffffffLL << 31, 99, -4, 12345},
                      {'c', 0, ~(u112)0, 7, ((s67)1 << 65) - 1 + ((s67)1 << 65)}};
struct __attribute__((packed)) PRec {
  char c;
  s80 v;
  u120 w;
  char d;
};
struct PRec gpk[4];

NI s100 sum100(const s100 *p, int n) {
  u100 s = 0;
  for (int i = 0; i < n; i++) s += (u100)p[i];
  return (s100)s;
}
NI s100 max100(const s100 *p, int n) {
  s100 m = p[0];
  for (int i = 1; i < n; i++) m = p[i] > m ? p[i] : m;
  return m;
}
NI void reverse80(u80 *p, int n) {
  for (int i = 0, j = n - 1; i < j; i++, j--) {
    u80 t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
}
NI void fill_rec(struct Rec *r, int n, W x) {
  for (int i = 0; i < n; i++) {
    r[i].tag = (char)('A' + i);
    r[i].a = (s96)(u96)x;
    r[i].b = (u112)(x >> 3) * (u112)(i + 1);
    r[i].k = (short)(i * 1000 - 1500);
    r[i].c = (s67)((u67)(x >> 40) - (u67)i);
    x = x * 0x100000001b3ULL + 0x9e3779b97f4a7c15ULL;
  }
}
NI W sum_rec(const struct Rec *r, int n) {
  W s = 0;
  for (int i = 0; i < n; i++)
    s = s * 31 + (W)r[i].a + (W)r[i].b + (W)(s128)r[i].k + (W)r[i].c + (W)(unsigned char)r[i].tag;
  return s;
}
NI void store_pk(struct PRec *p, int i, s80 v, u120 w) {
  p[i].c = (char)i;
  p[i].v = v;
  p[i].w = w;
  p[i].d = (char)(i + 100);
}
NI s80 load_pk_v(const struct PRec *p, int i) { return p[i].v; }
NI u120 load_pk_w(const struct PRec *p, int i) { return p[i].w; }
NI void add_pk(struct PRec *p, int i, s80 dv) { p[i].v = (s80)((u80)p[i].v + (u80)dv); }

static void test_memory(void) {
  printf("g100:");
  for (int i = 0; i < 8; i++) px((W)g100[i]);
  px((W)sum100(g100, 8)), px((W)max100(g100, 8)), px((W)max100(g100 + 4, 4));
  nl();
  printf("g80:");
  reverse80(g80, 6);
  for (int i = 0; i < 6; i++) px(g80[i]);
  reverse80(g80 + 1, 4);
  for (int i = 0; i < 6; i++) px(g80[i]);
  nl();
  printf("g127:");
  for (int i = 0; i < 4; i++) px((W)g127[i]), px((W)(g127[i] >> 3)), px((W)(g127[i] / 1000));
  nl();
  printf("grec:");
  for (int i = 0; i < 3; i++) {
    px((W)grec[i].a), px(grec[i].b), px((W)grec[i].c);
    pi(grec[i].tag), pi(grec[i].k);
  }
  px(sum_rec(grec, 3));
  nl();
  struct Rec loc[5];
  fill_rec(loc, 5, rnd());
  printf("rec:");
  for (int i = 0; i < 5; i++) px((W)loc[i].a), px(loc[i].b), pi(loc[i].k), px((W)loc[i].c);
  px(sum_rec(loc, 5));
  nl();
  printf("pk:");
  for (int i = 0; i < 4; i++) store_pk(gpk, i, (s80)(u80)rnd(), (u120)rnd());
  store_pk(gpk, 3, -1, ~(u120)0);
  add_pk(gpk, 1, 1);
  add_pk(gpk, 2, -((s80)1 << 70));
  for (int i = 0; i < 4; i++) {
    px((W)load_pk_v(gpk, i)), px(load_pk_w(gpk, i));
    pi(gpk[i].c), pi(gpk[i].d);
  }
  struct PRec lp[3];
  memset(lp, 0x5a, sizeof lp);
  store_pk(lp, 1, (s80)0x7fffffffffffffffLL * 1000, (u120)12345 << 100);
  px((W)lp[1].v), px(lp[1].w), px((W)lp[0].v), px(lp[2].w), pi(lp[0].d), pi(lp[2].c);
  nl();
}

// Loops (phis of wide values).
NI u100 fact_u100(int n) {
  u100 r = 1;
  for (int i = 2; i <= n; i++) r *= (u100)i;
  return r;
}
NI s100 fib_s100(int n) {
  s100 a = 0, b = 1;
  for (int i = 0; i < n; i++) {
    s100 t = a + b;
    a = b;
    b = t;
  }
  return a;
}
NI u100 fib_u100(int n) {
  u100 a = 0, b = 1;
  for (int i = 0; i < n; i++) {
    u100 t = a + b;
    a = b;
    b = t;
  }
  return a;
}
NI u120 gcd_u120(u120 a, u120 b) {
  while (b) {
    u120 t = a % b;
    a = b;
    b = t;
  }
  return a;
}
NI u100 pow_u100(u100 x, unsigned e) {
  u100 r = 1;
  while (e) {
    if (e & 1) r *= x;
    x *= x;
    e >>= 1;
  }
  return r;
}
NI s96 alt_sum_s96(int n) {
  s96 s = 0, t = 1;
  for (int i = 0; i < n; i++) {
    s = (i & 1) ? s - t : s + t;
    t = t * 3;
  }
  return s;
}

static void test_loops(void) {
  printf("fact:");
  for (int n = 0; n <= 80; n += 8) px(fact_u100(n));
  nl();
  printf("fib:");
  for (int n = 0; n <= 140; n += 20) px((W)fib_s100(n));
  px((W)fib_s100(143)), px(fib_u100(145)), px(fib_u100(300));
  nl();
  printf("gcd:");
  px(gcd_u120(((u120)1 << 100) * 3, ((u120)1 << 90) * 9));
  px(gcd_u120((u120)fib_u100(140), (u120)fib_u100(139)));
  px(gcd_u120((u120)fact_u100(30), (u120)fact_u100(25) * 7919));
  px(gcd_u120(0, 17)), px(gcd_u120(~(u120)0, ((u120)1 << 119) - 1));
  nl();
  printf("pow:");
  px(pow_u100(3, 62)), px(pow_u100(3, 63)), px(pow_u100(3, 1000)), px(pow_u100(((u100)1 << 64) + 1, 77));
  px(pow_u100(~(u100)0, 12345)), px(pow_u100(2, 99)), px(pow_u100(2, 100));
  px((W)alt_sum_s96(50)), px((W)alt_sum_s96(59));
  nl();
}

// Bit patterns: byte swap, bit reverse, rotates.
// MASK(U, 5) is 0x5555...: the repeated byte truncated to U.
#define MASK(U, b)                                                                                \
  ((U)0x##b##b##b##b##b##b##b##b##ULL << 64 | (U)0x##b##b##b##b##b##b##b##b##ULL)
#define DEF_BITS(U, S, N)                                                         \
  NI U S##_bswap_loop(U x) {                                                      \
    U r = 0;                                                                      \
    for (int i = 0; i < N / 8; i++) {                                             \
      r = (r << 8) | (x & 0xff);                                                  \
      x >>= 8;                                                                    \
    }                                                                             \
    return r;                                                                     \
  }                                                                               \
  NI U S##_bswap_or(U x) {                                                        \
    U r = 0;                                                                      \
    for (int i = 0; i < N / 8; i++) r |= ((x >> (8 * i)) & 0xff) << (N - 8 - 8 * i); \
    return r;                                                                     \
  }                                                                               \
  NI U S##_brev(U x) {                                                            \
    U r = 0;                                                                      \
    for (int i = 0; i < N; i++) r |= ((x >> i) & 1) << (N - 1 - i);               \
    return r;                                                                     \
  }                                                                               \
  NI U S##_brev_loop(U x) {                                                       \
    U r = 0;                                                                      \
    for (int i = 0; i < N; i++) {                                                 \
      r = (r << 1) | (x & 1);                                                     \
      x >>= 1;                                                                    \
    }                                                                             \
    return r;                                                                     \
  }                                                                               \
  static inline U S##_bswap_inl(U x) {                                            \
    U r = 0;                                                                      \
    for (int i = 0; i < N / 8; i++) {                                             \
      r = (r << 8) | (x & 0xff);                                                  \
      x >>= 8;                                                                    \
    }                                                                             \
    return r;                                                                     \
  }                                                                               \
  NI U S##_brev_swap(U x) {                                                       \
    x = ((x >> 1) & MASK(U, 5)) | ((x & MASK(U, 5)) << 1);                        \
    x = ((x >> 2) & MASK(U, 3)) | ((x & MASK(U, 3)) << 2);                        \
    x = ((x >> 4) & MASK(U, 0f)) | ((x & MASK(U, 0f)) << 4);                      \
    return S##_bswap_inl(x);                                                      \
  }
DEF_BITS(u80, u80, 80)
DEF_BITS(u96, u96, 96)
DEF_BITS(u112, u112, 112)

NI u100 rotl13_u100(u100 x) { return (x << 13) | (x >> 87); }
NI u100 rotr1_u100(u100 x) { return (x >> 1) | (x << 99); }
NI u100 rotl99_u100(u100 x) { return (x << 99) | (x >> 1); }
NI u100 rotl_u100(u100 x, int k) { return (x << k) | (x >> (100 - k)); }
NI u100 rotr_u100(u100 x, int k) { return (x >> k) | (x << (100 - k)); }
NI u100 rotl0_u100(u100 x, int k) { return (x << k) | (x >> ((100 - k) % 100)); }
NI u100 fsh_u100(u100 hi, u100 lo, int k) { return (hi << k) | (lo >> (100 - k)); }

static void test_bits(void) {
  for (int i = 0; i < 6; i++) {
    W r = i == 0 ? ((W)0x0102030405060708ULL << 64) | 0x090a0b0c0d0e0f10ULL : i == 1 ? 1 : rnd();
    printf("bits %d:", i);
    px(u80_bswap_loop((u80)r)), px(u80_bswap_or((u80)r)), px(u80_brev((u80)r)), px(u80_brev_loop((u80)r));
    px(u96_bswap_loop((u96)r)), px(u96_bswap_or((u96)r)), px(u96_brev((u96)r)), px(u96_brev_loop((u96)r));
    px(u112_bswap_loop((u112)r)), px(u112_bswap_or((u112)r)), px(u112_brev((u112)r)), px(u112_brev_loop((u112)r));
    px(u80_brev_swap((u80)r)), px(u96_brev_swap((u96)r)), px(u112_brev_swap((u112)r));
    px(u80_bswap_loop(u80_bswap_or((u80)r)) ^ (u80)r), px(u112_brev(u112_brev_loop((u112)r)) ^ (u112)r);
    if (u80_brev_swap((u80)r) != u80_brev((u80)r) || u96_brev_swap((u96)r) != u96_brev_loop((u96)r) ||
        u112_brev_swap((u112)r) != u112_brev((u112)r))
      printf(" FAIL brev");
    nl();
    u100 x = (u100)r;
    printf("rot %d:", i);
    px(rotl13_u100(x)), px(rotr1_u100(x)), px(rotl99_u100(x)), px(rotl0_u100(x, 0));
    for (int k = 1; k < 100; k += 7) {
      u100 a = rotl_u100(x, k), b = rotr_u100(x, k), c = rotl0_u100(x, k);
      if (rotr_u100(a, k) != x || rotl_u100(b, k) != x || c != a) printf(" FAIL@%d", k);
      mix((ull)a), mix((ull)(a >> 64)), mix((ull)b);
      if (k % 3 == 1) px(a), px(b);
    }
    px(fsh_u100(x, ~x, 1)), px(fsh_u100(x, (u100)rnd(), 64)), px(fsh_u100(x, x >> 3, 99));
    nl();
  }
}

// Overflow builtins on _BitInt(100), and saturating arithmetic.
NI int oadd_s100(s100 a, s100 b, s100 *r) { return __builtin_add_overflow(a, b, r); }
NI int osub_s100(s100 a, s100 b, s100 *r) { return __builtin_sub_overflow(a, b, r); }
NI int omul_s100(s100 a, s100 b, s100 *r) { return __builtin_mul_overflow(a, b, r); }
NI int oadd_u100(u100 a, u100 b, u100 *r) { return __builtin_add_overflow(a, b, r); }
NI int osub_u100(u100 a, u100 b, u100 *r) { return __builtin_sub_overflow(a, b, r); }
NI int omul_u100(u100 a, u100 b, u100 *r) { return __builtin_mul_overflow(a, b, r); }
NI int oadd_su100(s100 a, s100 b, u100 *r) { return __builtin_add_overflow(a, b, r); }
NI int omul_us100(u100 a, u100 b, s100 *r) { return __builtin_mul_overflow(a, b, r); }
NI int osub_mix100(s100 a, u100 b, s100 *r) { return __builtin_sub_overflow(a, b, r); }
NI int omul_ll100(s100 a, s100 b, long long *r) { return __builtin_mul_overflow(a, b, r); }
NI u100 satadd_u100(u100 a, u100 b) {
  u100 r = a + b;
  return r < a ? ~(u100)0 : r;
}
NI u100 satsub_u100(u100 a, u100 b) { return a > b ? a - b : 0; }
NI s100 satadd_s100(s100 a, s100 b) {
  s100 r;
  if (__builtin_add_overflow(a, b, &r)) return a < 0 ? -S100MAX - 1 : S100MAX;
  return r;
}
NI s100 satmul_s100(s100 a, s100 b) {
  s100 r;
  if (__builtin_mul_overflow(a, b, &r)) return (a < 0) != (b < 0) ? -S100MAX - 1 : S100MAX;
  return r;
}
NI u80 satmul_u80(u80 a, u80 b) {
  u80 r;
  return __builtin_mul_overflow(a, b, &r) ? ~(u80)0 : r;
}

static void test_overflow(void) {
  s100 sv[9] = {0, 1, -1, S100MAX, -S100MAX - 1, (s100)1 << 50, -((s100)1 << 49) - 3, 0, 0};
  sv[7] = (s100)(u100)rnd();
  sv[8] = (s100)(u100)rnd() >> 45;
  int n = 0;
  hreset();
  for (int i = 0; i < 9; i++) {
    printf("ovf %d:", i);
    for (int j = 0; j < 9; j++) {
      s100 a = sv[i], b = sv[j], r1, r2, r3, r6, r10;
      u100 r4, r5, r7, r8;
      long long r12;
      int o1 = oadd_s100(a, b, &r1), o2 = osub_s100(a, b, &r2), o3 = omul_s100(a, b, &r3);
      int o4 = oadd_u100((u100)a, (u100)b, &r4), o5 = osub_u100((u100)a, (u100)b, &r5);
      int o6 = omul_u100((u100)a, (u100)b, &r7), o7 = oadd_su100(a, b, &r8);
      int o8 = omul_us100((u100)a, (u100)b, &r6), o9 = osub_mix100(a, (u100)b, &r10);
      int o10 = omul_ll100(a, b, &r12);
      n += o1 + o2 + o3 + o4 + o5 + o6 + o7 + o8 + o9 + o10;
      printf(" %d%d%d%d%d%d%d%d%d%d", o1, o2, o3, o4, o5, o6, o7, o8, o9, o10);
      hx(0, (W)r1), hx(1, (W)r2), hx(2, (W)r3), hx(3, r4), hx(4, r5), hx(5, r7), hx(6, r8);
      hx(7, (W)r6), hx(8, (W)r10), hx(9, (ull)r12);
      hx(10, satadd_u100((u100)a, (u100)b)), hx(11, satsub_u100((u100)a, (u100)b));
      hx(12, (W)satadd_s100(a, b)), hx(13, (W)satmul_s100(a, b));
      hx(14, satmul_u80((u80)(u100)a, (u80)(u100)b));
    }
    nl();
  }
  static const int full[3][2] = {{7, 8}, {3, 6}, {8, 6}};
  for (int k = 0; k < 3; k++) {
    s100 a = sv[full[k][0]], b = sv[full[k][1]], r1, r2, r3, r6, r10;
    long long r12;
    u100 r7;
    printf("ovf %d,%d:", full[k][0], full[k][1]);
    pi(oadd_s100(a, b, &r1)), pi(osub_s100(a, b, &r2)), pi(omul_s100(a, b, &r3));
    pi(omul_u100((u100)a, (u100)b, &r7)), pi(omul_us100((u100)a, (u100)b, &r6));
    pi(osub_mix100(a, (u100)b, &r10)), pi(omul_ll100(a, b, &r12));
    px((W)r1), px((W)r2), px((W)r3), px(r7), px((W)r6), px((W)r10), pu64((ull)r12);
    px((W)satmul_s100(a, b));
    nl();
  }
  hprint("ovf", "sadd ssub smul uadd usub umul ssu uus smix sll usat+ usat- ssat+ ssat* u80sat*");
  printf("ovf count %d\n", n);
}

// The overflow builtins at the other widths (i65, i120, i127, i128).
#define DEF_OVW(T, U, S, N)                                                                \
  NI int omul_##S(T a, T b, T *r) { return __builtin_mul_overflow(a, b, r); }              \
  NI int oadd_##S(T a, T b, T *r) { return __builtin_add_overflow(a, b, r); }              \
  NI int osub_##S(T a, T b, T *r) { return __builtin_sub_overflow(a, b, r); }              \
  static void S##_ovf(void) {                                                              \
    T ed[6] = {0, 1, (T)-1, (T)(((U)1 << (N - 1)) - 1), (T)((U)1 << (N - 1)), (T)((U)1 << (N / 2))}; \
    int cnt = 0;                                                                           \
    hreset();                                                                              \
    for (int i = 0; i < 100; i++) {                                                        \
      T a = i < 36 ? ed[i / 6] : (T)((U)rnd() >> (rnd64() % N));                           \
      T b = i < 36 ? ed[i % 6] : (T)((U)rnd() >> (rnd64() % N));                           \
      T r;                                                                                 \
      int o = omul_##S(a, b, &r);                                                          \
      cnt += o, hx(0, (W)r ^ (W)o);                                                        \
      o = oadd_##S(a, b, &r);                                                              \
      cnt += o, hx(1, (W)r ^ (W)o);                                                        \
      o = osub_##S(a, b, &r);                                                              \
      cnt += o, hx(2, (W)r ^ (W)o);                                                        \
    }                                                                                      \
    hprint(#S " ovf", "mul add sub");                                                      \
    printf(#S " ovf count %d\n", cnt);                                                     \
  }
DEF_OVW(s65, u65, s65, 65)
DEF_OVW(u65, u65, u65, 65)
DEF_OVW(s120, u120, s120, 120)
DEF_OVW(u120, u120, u120, 120)
DEF_OVW(s127, u127, s127, 127)
DEF_OVW(u127, u127, u127, 127)
DEF_OVW(s128, u128, s128, 128)
DEF_OVW(u128, u128, u128, 128)

// Conversions to floating point that must round once (ties to even), and
// sign extension from bit 71 written with shifts.
NI s100 sext72(s100 x) { return (s100)((u100)x << 28) >> 28; }
NI u100 zext72(u100 x) { return (x << 28) >> 28; }
static void test_fp_round(void) {
  u100 one = 1;
  u100 t[15] = {(one << 99) + (one << 46), (one << 99) + (one << 46) + 1, (one << 99) + (one << 47) + (one << 46),
                (one << 99) - 1, (one << 90) + (one << 66), (one << 90) + (one << 66) + 1,
                (one << 90) + (one << 67) + (one << 66), (one << 64) + (one << 40) + 1, (one << 64) + (one << 11),
                (one << 64) + (one << 11) + 1, (one << 64) + (one << 40), ((one << 53) - 1) << 11 | ((one << 11) - 1),
                ((one << 24) - 1) << 75 | ((one << 75) - 1), ((one << 24) - 1) << 75 | (one << 74),
                ((one << 24) - 1) << 75 | (one << 74) | 1};
  for (int i = 0; i < 15; i++) {
    u100 x = t[i];
    printf("round %d:", i);
    pu64(dbits(u100_tod(x))), pu64(fbits(u100_tof(x))), pu64(dbits(s100_tod(-(s100)(x >> 1))));
    pu64(fbits(s100_tof((s100)(x >> 1)))), pu64(dbits(u65_tod((u65)(x >> 35))));
    pu64(fbits(s65_tof(-(s65)(u65)(x >> 36))));
    pu64(fbits(u127_tof((u127)x << 27))), pu64(dbits(s127_tod(-(s127)((u127)x << 26))));
    px((W)sext72((s100)x)), px(zext72(x));
    nl();
  }
}

// switch on wide values, _BitInt bit-fields, structs by value, varargs.
NI int switch_u100(u100 x) {
  switch (x) {
  case 0: return 1;
  case 1: return 2;
  case (u100)1 << 70: return 3;
  case ((u100)1 << 99) | 5: return 4;
  case ~(u100)0: return 5;
  case 0xffffffffffffffffULL: return 6;
  case (u100)0xffffffffffffffffULL + 1: return 7;
  default: return 0;
  }
}
NI int switch_s120(s120 x) {
  switch (x) {
  case -1: return 1;
  case -((s120)1 << 100): return 2;
  case 7: return 3;
  case 8: return 4;
  case 9: return 5;
  case 10: return 6;
  case 11: return 7;
  default: return -1;
  }
}
struct BF {
  u100 lo : 70;
  u100 hi : 25;
  char c;
  s96 s : 77;
};
NI void set_bf(struct BF *p, u100 v) {
  p->lo = v;
  p->hi = v >> 70;
  p->c = 9;
  p->s = (s96)((s100)v >> 10);
}
NI W get_bf(const struct BF *p) { return ((W)p->lo << 1) ^ (W)p->hi ^ (W)(s100)p->s ^ (W)p->c; }
struct BV {
  s100 a;
  u67 b;
  char c;
};
NI struct BV make_bv(s100 a, u67 b) {
  struct BV r = {a * 3, b ^ ((u67)1 << 66), 'x'};
  return r;
}
NI W use_bv(struct BV v) { return (W)v.a + (W)v.b + (W)v.c; }
NI W vsum(int n, ...) {
  va_list ap;
  va_start(ap, n);
  W s = 0;
  for (int i = 0; i < n; i++) {
    s100 v = va_arg(ap, s100);
    u67 w = va_arg(ap, u67);
    s = s * 7 + (W)v + (W)w;
  }
  va_end(ap);
  return s;
}
NI int clz_nz(u100 x) { return __builtin_clzg(x); }
NI int ctz_nz(u67 x) { return __builtin_ctzg(x); }
static void test_misc(void) {
  u100 sv[9] = {0, 1, (u100)1 << 70, ((u100)1 << 99) | 5, ~(u100)0, 0xffffffffffffffffULL,
                (u100)0xffffffffffffffffULL + 1, 12345, (u100)1 << 64 | 1};
  printf("switch:");
  for (int i = 0; i < 9; i++) pi(switch_u100(sv[i]));
  s120 tv[10] = {-1, -((s120)1 << 100), 7, 8, 9, 10, 11, 12, ((s120)1 << 100) - 1, ((s120)1 << 64) + 7};
  for (int i = 0; i < 10; i++) pi(switch_s120(tv[i]));
  nl();
  printf("misc:");
  struct BF bf;
  memset(&bf, 0, sizeof bf);
  set_bf(&bf, ~(u100)0 - 12345);
  px(get_bf(&bf));
  set_bf(&bf, (u100)1 << 85 | 77);
  px(get_bf(&bf));
  struct BV b = make_bv(-((s100)1 << 90) - 7, ((u67)1 << 66) | 12345);
  px((W)b.a), px(b.b), px(use_bv(b));
  px(vsum(3, (s100)-5, (u67)7, (s100)1 << 98, ~(u67)0, -((s100)1 << 80), (u67)1 << 65));
  pi(clz_nz(1)), pi(clz_nz((u100)1 << 99)), pi(ctz_nz((u67)1 << 66)), pi(ctz_nz(6));
  nl();
}

int main(void) {
  u65_test();
  u67_test();
  u80_test();
  u96_test();
  u100_test();
  u112_test();
  u120_test();
  u127_test();
  u128_test();
  s65_test();
  s67_test();
  s80_test();
  s96_test();
  s100_test();
  s112_test();
  s120_test();
  s127_test();
  s128_test();
  test_widen();
  test_memory();
  test_loops();
  test_bits();
  test_overflow();
  s65_ovf();
  u65_ovf();
  s120_ovf();
  u120_ovf();
  s127_ovf();
  u127_ovf();
  s128_ovf();
  u128_ovf();
  test_fp_round();
  test_misc();
  printf("checksum %016llx\n", ck);
  printf("done\n");
  return 0;
}
