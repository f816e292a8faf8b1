// Arbitrary-precision arithmetic on base-10^9 limbs: factorial of 200,
// Fibonacci(1000), 2^1000, multiplication and division by small numbers,
// printing with zero-padded limbs.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define LIMBS 80
#define BASE 1000000000u
typedef struct { uint32_t d[LIMBS]; int n; } big;

static void set_small(big *a, uint32_t v) {
  memset(a, 0, sizeof *a);
  a->d[0] = v % BASE;
  a->d[1] = v / BASE;
  a->n = a->d[1] ? 2 : 1;
}
static void mul_small(big *a, uint32_t m) {
  uint64_t carry = 0;
  for (int i = 0; i < a->n; i++) {
    uint64_t t = (uint64_t)a->d[i] * m + carry;
    a->d[i] = (uint32_t)(t % BASE);
    carry = t / BASE;
  }
  while (carry) {
    a->d[a->n++] = (uint32_t)(carry % BASE);
    carry /= BASE;
  }
}
static void add(big *r, const big *a, const big *b) {
  uint32_t carry = 0;
  int n = a->n > b->n ? a->n : b->n;
  for (int i = 0; i < n; i++) {
    uint32_t t = (i < a->n ? a->d[i] : 0) + (i < b->n ? b->d[i] : 0) + carry;
    carry = t >= BASE;
    r->d[i] = carry ? t - BASE : t;
  }
  r->n = n;
  if (carry) r->d[r->n++] = 1;
}
static void mul(big *r, const big *a, const big *b) {
  uint64_t acc[2 * LIMBS] = {0};
  for (int i = 0; i < a->n; i++)
    for (int j = 0; j < b->n; j++) {
      acc[i + j] += (uint64_t)a->d[i] * b->d[j];
      if (acc[i + j] >= (1ull << 62)) {
        acc[i + j + 1] += acc[i + j] / BASE;
        acc[i + j] %= BASE;
      }
    }
  big t;
  memset(&t, 0, sizeof t);
  uint64_t carry = 0;
  int n = a->n + b->n;
  for (int i = 0; i < n; i++) {
    uint64_t v = acc[i] + carry;
    t.d[i] = (uint32_t)(v % BASE);
    carry = v / BASE;
  }
  t.n = n;
  while (t.n > 1 && t.d[t.n - 1] == 0) t.n--;
  *r = t;
}
static uint32_t div_small(big *a, uint32_t m) {
  uint64_t rem = 0;
  for (int i = a->n - 1; i >= 0; i--) {
    uint64_t cur = a->d[i] + rem * BASE;
    a->d[i] = (uint32_t)(cur / m);
    rem = cur % m;
  }
  while (a->n > 1 && a->d[a->n - 1] == 0) a->n--;
  return (uint32_t)rem;
}
static void print(const char *tag, const big *a) {
  printf("%s %u", tag, a->d[a->n - 1]);
  for (int i = a->n - 2; i >= 0; i--) printf("%09u", a->d[i]);
  printf("\n");
}
static int digit_sum(big a) {
  int s = 0;
  while (a.n > 1 || a.d[0]) s += (int)div_small(&a, 10);
  return s;
}

int main(void) {
  big f;
  set_small(&f, 1);
  for (uint32_t i = 2; i <= 200; i++) mul_small(&f, i);
  print("200!", &f);
  printf("digit sum %d\n", digit_sum(f));
  big a, b, c;
  set_small(&a, 0);
  set_small(&b, 1);
  for (int i = 0; i < 1000; i++) {
    add(&c, &a, &b);
    a = b;
    b = c;
  }
  print("fib1000", &a);
  big p;
  set_small(&p, 2);
  big r;
  set_small(&r, 1);
  for (int e = 1000; e; e >>= 1) {
    if (e & 1) mul(&r, &r, &p);
    mul(&p, &p, &p);
  }
  print("2^1000", &r);
  uint32_t rem = div_small(&r, 1000000007u);
  printf("2^1000 mod 1e9+7 = %u\n", rem);
  printf("done\n");
  return 0;
}
