// Many simultaneously live values (register pressure for the local
// allocator): 24 accumulators of mixed types updated in one loop, values
// kept alive across calls, and long expression trees.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>

__attribute__((noinline)) uint32_t opaque(uint32_t x) { return x ^ (x >> 3); }

__attribute__((noinline)) void accumulate(int n, uint32_t out[8], uint64_t out64[8], double outd[8]) {
  uint32_t a0 = 1, a1 = 2, a2 = 3, a3 = 4, a4 = 5, a5 = 6, a6 = 7, a7 = 8;
  uint64_t b0 = 11, b1 = 12, b2 = 13, b3 = 14, b4 = 15, b5 = 16, b6 = 17, b7 = 18;
  double c0 = 0.5, c1 = 1.5, c2 = 2.5, c3 = 3.5, c4 = 4.5, c5 = 5.5, c6 = 6.5, c7 = 7.5;
  for (int i = 0; i < n; i++) {
    uint32_t k = opaque((uint32_t)i);
    a0 += k; a1 ^= a0; a2 += a1 * 3; a3 -= a2; a4 += a3 >> 2; a5 ^= a4 << 1; a6 += a5; a7 = a7 * 31 + a6;
    b0 += a7; b1 ^= b0 * 5; b2 += b1 >> 7; b3 -= b2; b4 += b3 ^ a1; b5 += b4 << 3; b6 ^= b5; b7 += b6 + k;
    c0 += k * 0.25; c1 = c1 * 0.999 + c0; c2 += c1 / 1024; c3 -= c2 / 4096; c4 += (double)(a0 & 255);
    c5 = c5 * 0.5 + c4 / 100; c6 += c5 - c3 / 1000; c7 += c6 / 1e6;
  }
  out[0] = a0; out[1] = a1; out[2] = a2; out[3] = a3; out[4] = a4; out[5] = a5; out[6] = a6; out[7] = a7;
  out64[0] = b0; out64[1] = b1; out64[2] = b2; out64[3] = b3; out64[4] = b4; out64[5] = b5; out64[6] = b6; out64[7] = b7;
  outd[0] = c0; outd[1] = c1; outd[2] = c2; outd[3] = c3; outd[4] = c4; outd[5] = c5; outd[6] = c6; outd[7] = c7;
}
__attribute__((noinline)) uint32_t across_calls(uint32_t x) {
  uint32_t p = opaque(x), q = opaque(p + 1), r = opaque(q + 2), s = opaque(r + 3), t = opaque(s + 4);
  uint32_t u = opaque(t + 5), v = opaque(u + 6), w = opaque(v + 7);
  return p + 2 * q + 3 * r + 4 * s + 5 * t + 6 * u + 7 * v + 8 * w;
}
__attribute__((noinline)) int64_t tree(int64_t a, int64_t b, int64_t c, int64_t d, int64_t e, int64_t f) {
  return ((a * b + c * d) ^ (e * f - a * c)) + ((b - d) * (f - e) | (a + f) * (c - b)) -
         (((a ^ b) + (c ^ d)) * ((e ^ f) + (a ^ d))) + ((a + b + c) * (d + e + f) & 0xffffff);
}

int main(void) {
  uint32_t o[8];
  uint64_t o64[8];
  double od[8];
  accumulate(10000, o, o64, od);
  for (int i = 0; i < 8; i++) printf("%u %llu %.10g\n", o[i], (unsigned long long)o64[i], od[i]);
  printf("calls %u %u\n", across_calls(1), across_calls(123456));
  printf("tree %lld %lld\n", (long long)tree(1, 2, 3, 4, 5, 6), (long long)tree(-1000, 77, 123456, -9, 31, 2));
  printf("done\n");
  return 0;
}
