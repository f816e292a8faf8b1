// __builtin_{add,sub,mul}_overflow with mixed operand and result types: clang
// computes in a type wide enough for both operands and the result, so the IR
// has i65 (64-bit operands of either signedness), i33 (32-bit ones), i70, i71
// and i72 (a _BitInt(70) operand) and i9 *.with.overflow intrinsics, and the
// special mixed-sign and unsigned-to-signed multiply expansions. Every flag
// and wrapped result is printed and checked against exact sign-magnitude
// arithmetic.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
// NATIVE: clang-O2-ubsan (the host gcc 12 has no _BitInt)
#include <stdio.h>

#define NI __attribute__((noinline))
typedef unsigned long long ull;
typedef long long ll;
typedef unsigned __int128 u128;
typedef __int128 s128;
typedef signed _BitInt(70) s70;
typedef unsigned _BitInt(70) u70;
typedef signed _BitInt(72) s72;
typedef signed char schar;
typedef unsigned char uchar;
typedef unsigned short ushort;

#define OVF(N, TA, TB, TR)                                                      \
  NI int add_##N(TA a, TB b, TR *r) { return __builtin_add_overflow(a, b, r); } \
  NI int sub_##N(TA a, TB b, TR *r) { return __builtin_sub_overflow(a, b, r); } \
  NI int mul_##N(TA a, TB b, TR *r) { return __builtin_mul_overflow(a, b, r); }

// 64-bit operands.
OVF(c0, ll, ull, ll)
OVF(c1, ull, ll, ull)
OVF(c2, ull, ull, ll)
OVF(c3, ll, ll, ull)
OVF(c4, ll, ull, ull)
OVF(c5, int, ull, int)
OVF(c6, ull, int, ll)
OVF(c7, ull, ll, ll)
OVF(c8, ull, ull, schar)
OVF(c9, int, ll, ull)
OVF(c10, ull, unsigned, ll)
OVF(c11, int, ull, short)
// 32-bit and narrower operands.
OVF(d0, int, unsigned, ll)
OVF(d1, unsigned, unsigned, int)
OVF(d2, int, int, short)
OVF(d3, unsigned, int, schar)
OVF(d4, uchar, schar, uchar)
OVF(d5, int, unsigned, ushort)
OVF(d6, unsigned, schar, int)
// A _BitInt(70) operand. The mixed-sign multiplies have no _BitInt(70)
// result: for those clang 19 emits invalid IR (a trunc from i70 to i128,
// llvm/llvm-project#144771). Nothing here mixes __int128 signedness either,
// which would need i129.
OVF(b0, s70, ll, ll)
OVF(b1, u70, s70, ll)
OVF(b2, s70, s70, ull)
OVF(b3, u70, ull, s70)
OVF(b4, s70, u70, ull)
OVF(b5, s70, s70, s70)
OVF(b6, u70, u70, s70)
OVF(b7, u70, ll, ull)
OVF(b8, u70, s70, s72)

// Exact reference: sign and magnitude.
typedef struct {
  int neg;
  u128 mag;
} SM;
static SM sm_s(s128 v) {
  SM r = {v < 0, v < 0 ? -(u128)v : (u128)v};
  return r;
}
static SM sm_u(u128 v) {
  SM r = {0, v};
  return r;
}
static SM sm_add(SM a, SM b) {
  SM r;
  if (a.neg == b.neg) {
    r.neg = a.neg;
    r.mag = a.mag + b.mag;
  } else if (a.mag >= b.mag) {
    r.neg = a.neg;
    r.mag = a.mag - b.mag;
  } else {
    r.neg = b.neg;
    r.mag = b.mag - a.mag;
  }
  if (r.mag == 0) r.neg = 0;
  return r;
}
static SM sm_sub(SM a, SM b) {
  b.neg = !b.neg && b.mag != 0;
  return sm_add(a, b);
}
static SM sm_mul(SM a, SM b) {
  SM r = {a.neg != b.neg, a.mag * b.mag};
  if (r.mag == 0) r.neg = 0;
  return r;
}
static u128 mask(int bits) { return bits >= 128 ? ~(u128)0 : ((u128)1 << bits) - 1; }
static int sm_fits(SM x, int bits, int sgn) {
  if (sgn) {
    u128 lim = (u128)1 << (bits - 1);
    return x.neg ? x.mag <= lim : x.mag < lim;
  }
  return !x.neg && (x.mag & ~mask(bits)) == 0;
}

static int novf, nfail, ncases;
static unsigned hsum, hline;
static char flags[40];
static int nflags, verbose;

// Records the flag (printed at the end of the line with a digest of the
// line's results), prints " flag:result" (the result's bits in hex) on
// verbose lines, and checks both against the exact value when it is known.
static void check(const char *name, int op, int o, u128 r, int rbits, int rsgn, SM exact, int known) {
  r &= mask(rbits);
  ull hi = (ull)(r >> 64), lo = (ull)r;
  if (verbose) {
    if (hi)
      printf(" %d:%llx%016llx", o, hi, lo);
    else
      printf(" %d:%llx", o, lo);
  }
  flags[nflags++] = (char)('0' + o);
  novf += o;
  ncases++;
  unsigned h = (unsigned)(lo ^ (lo >> 32) ^ hi ^ (hi >> 32)) + (unsigned)o;
  hline = (hline ^ h) * 16777619u;
  hsum = hsum * 31 + h;
  if (!known) return;
  int eo = !sm_fits(exact, rbits, rsgn);
  u128 er = (exact.neg ? -exact.mag : exact.mag) & mask(rbits);
  if (eo != o || er != r) {
    nfail++;
    printf(" FAIL(%s %c: want %d:%llx%016llx)", name, "+-*"[op], eo, (ull)(er >> 64), (ull)er);
  }
}
static void line_begin(const char *tag, int i, int j, int v) {
  printf("%s %d,%d", tag, i, j);
  verbose = v;
  nflags = 0;
  hline = 2166136261u;
}
static void line_end(void) {
  flags[nflags] = 0;
  printf(" | %s %08x\n", flags, hline);
}

// One combination: the three operations on operands x and y (converted to TA
// and TB), SA/SB/SR say whether TA/TB/TR are signed, RB is TR's width.
#define RUN(N, TA, SA, TB, SB, TR, SR, RB, x, y)                                           \
  do {                                                                                     \
    TA a = (TA)(x);                                                                        \
    TB b = (TB)(y);                                                                        \
    TR r;                                                                                  \
    SM ea = SA ? sm_s((s128)a) : sm_u((u128)a), eb = SB ? sm_s((s128)b) : sm_u((u128)b);    \
    int small = (ea.mag >> 64) == 0 && (eb.mag >> 64) == 0;                                \
    int o = add_##N(a, b, &r);                                                             \
    check(#N, 0, o, SR ? (u128)(s128)r : (u128)r, RB, SR, sm_add(ea, eb), 1);              \
    o = sub_##N(a, b, &r);                                                                 \
    check(#N, 1, o, SR ? (u128)(s128)r : (u128)r, RB, SR, sm_sub(ea, eb), 1);              \
    o = mul_##N(a, b, &r);                                                                 \
    check(#N, 2, o, SR ? (u128)(s128)r : (u128)r, RB, SR, sm_mul(ea, eb), small);          \
  } while (0)

ull v64[8] = {0, 1, ~0ULL, 1ULL << 63, 0x7fffffffffffffffULL, 1ULL << 32, 3037000500ULL, 0xffffffff80000000ULL};
int v32[8] = {0, 1, -1, -2147483647 - 1, 2147483647, 0x18080, 46341, -200};
s70 v70[6];

// Overflow checks in loops and selects.
NI ll checked_sum(const ll *a, const ull *b, int n, int *ovf) {
  ll s = 0;
  *ovf = 0;
  for (int i = 0; i < n; i++) {
    if (__builtin_add_overflow(s, b[i], &s) || __builtin_sub_overflow(s, a[i], &s)) {
      *ovf = i + 1;
      break;
    }
  }
  return s;
}
NI ull checked_product(const ll *a, int n) {
  ull p = 1;
  for (int i = 0; i < n; i++)
    if (__builtin_mul_overflow(p, a[i], &p)) return 0;
  return p;
}
NI ull sat_add_mixed(ll a, ull b) {
  ull r;
  return __builtin_add_overflow(a, b, &r) ? (a < 0 ? 0 : ~0ULL) : r;
}
NI ll sat_sub_mixed(ull a, ll b) {
  ll r;
  if (!__builtin_sub_overflow(a, b, &r)) return r;
  return b < 0 || a > 0x7fffffffffffffffULL ? 0x7fffffffffffffffLL : -0x7fffffffffffffffLL - 1;
}
NI int fits_int(ull a, ll b) {
  int r;
  return !__builtin_add_overflow(a, b, &r);
}

int main(void) {
  for (int i = 0; i < 8; i++)
    for (int j = 0; j < 8; j++) {
      ull x = v64[i], y = v64[j];
      line_begin("c", i, j, i == 3 || i == 6);
      RUN(c0, ll, 1, ull, 0, ll, 1, 64, x, y);
      RUN(c1, ull, 0, ll, 1, ull, 0, 64, x, y);
      RUN(c2, ull, 0, ull, 0, ll, 1, 64, x, y);
      RUN(c3, ll, 1, ll, 1, ull, 0, 64, x, y);
      RUN(c4, ll, 1, ull, 0, ull, 0, 64, x, y);
      RUN(c5, int, 1, ull, 0, int, 1, 32, x, y);
      RUN(c6, ull, 0, int, 1, ll, 1, 64, x, y);
      RUN(c7, ull, 0, ll, 1, ll, 1, 64, x, y);
      RUN(c8, ull, 0, ull, 0, schar, 1, 8, x, y);
      RUN(c9, int, 1, ll, 1, ull, 0, 64, x, y);
      RUN(c10, ull, 0, unsigned, 0, ll, 1, 64, x, y);
      RUN(c11, int, 1, ull, 0, short, 1, 16, x, y);
      line_end();
    }
  for (int i = 0; i < 8; i++)
    for (int j = 0; j < 8; j++) {
      int x = v32[i], y = v32[j];
      line_begin("d", i, j, i == 3 || i == 5);
      RUN(d0, int, 1, unsigned, 0, ll, 1, 64, x, y);
      RUN(d1, unsigned, 0, unsigned, 0, int, 1, 32, x, y);
      RUN(d2, int, 1, int, 1, short, 1, 16, x, y);
      RUN(d3, unsigned, 0, int, 1, schar, 1, 8, x, y);
      RUN(d4, uchar, 0, schar, 1, uchar, 0, 8, x, y);
      RUN(d5, int, 1, unsigned, 0, ushort, 0, 16, x, y);
      RUN(d6, unsigned, 0, schar, 1, int, 1, 32, x, y);
      line_end();
    }
  s70 max70 = (s70)(((u70)1 << 69) - 1);
  v70[0] = 0;
  v70[1] = -1;
  v70[2] = max70;
  v70[3] = -max70 - 1;
  v70[4] = ((s70)1 << 64) + 5;
  v70[5] = -(s70)0x7fffffffffffffffLL - 8;
  for (int i = 0; i < 6; i++)
    for (int j = 0; j < 6; j++) {
      s70 x = v70[i], y = v70[j];
      line_begin("b", i, j, i == 2 || i == 5);
      RUN(b0, s70, 1, ll, 1, ll, 1, 64, x, y);
      RUN(b1, u70, 0, s70, 1, ll, 1, 64, x, y);
      RUN(b2, s70, 1, s70, 1, ull, 0, 64, x, y);
      RUN(b3, u70, 0, ull, 0, s70, 1, 70, x, y);
      RUN(b4, s70, 1, u70, 0, ull, 0, 64, x, y);
      RUN(b5, s70, 1, s70, 1, s70, 1, 70, x, y);
      RUN(b6, u70, 0, u70, 0, s70, 1, 70, x, y);
      RUN(b7, u70, 0, ll, 1, ull, 0, 64, x, y);
      RUN(b8, u70, 0, s70, 1, s72, 1, 72, x, y);
      line_end();
    }
  ll la[6] = {5, -7, 0x4000000000000000LL, 3, -0x7fffffffffffffffLL, 1};
  ull ub[6] = {10, 0xfffffffffffffff0ULL, 1, 0x8000000000000000ULL, 2, 3};
  for (int n = 0; n <= 6; n++) {
    int o;
    ll s = checked_sum(la, ub, n, &o);
    printf("checked %d: %llx %d %llx %llx\n", n, (ull)s, o, checked_product(la, n),
           checked_product(la + 2, n < 4 ? n : 4));
  }
  for (int i = 0; i < 8; i++) {
    ll a = (ll)v64[i];
    printf("sat %d: %llx %llx %llx %llx %d %d\n", i, sat_add_mixed(a, v64[(i + 3) % 8]),
           sat_add_mixed(-(a / 2), v64[i]),
           (ull)sat_sub_mixed(v64[i], (ll)v64[(i + 5) % 8]), (ull)sat_sub_mixed(v64[(i + 1) % 8], a),
           fits_int(v64[i], -((ll)v64[(i + 2) % 8] / 3)), fits_int(v64[i] >> 33, -5));
  }
  printf("cases %d overflows %d failures %d hash %08x\n", ncases, novf, nfail, hsum);
  printf("done\n");
  return 0;
}
