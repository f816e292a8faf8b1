/* 128-bit SIMD (built with -msimd128): explicit wasm_simd128.h intrinsics,
   vector constants (v128.const), shuffles, lane access, and loops the
   optimiser vectorises. Vector loads and stores of data symbols carry
   memory-address relocations inside SIMD instructions. */
#include <stdint.h>
#include <stdio.h>
#include <wasm_simd128.h>

static int32_t ints[64];
static float floats[64];
static const uint8_t bytes[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

static int32_t dot(const int32_t *a, const int32_t *b, int n) {
  v128_t acc = wasm_i32x4_splat(0);
  for (int i = 0; i < n; i += 4)
    acc = wasm_i32x4_add(acc, wasm_i32x4_mul(wasm_v128_load(a + i), wasm_v128_load(b + i)));
  return wasm_i32x4_extract_lane(acc, 0) + wasm_i32x4_extract_lane(acc, 1) +
         wasm_i32x4_extract_lane(acc, 2) + wasm_i32x4_extract_lane(acc, 3);
}

int main(void) {
  for (int i = 0; i < 64; i++) { ints[i] = i - 20; floats[i] = i * 0.25f; }
  printf("dot=%d\n", (int)dot(ints, ints, 64));

  v128_t v = wasm_v128_load(bytes);
  v128_t rev = wasm_i8x16_shuffle(v, v, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
  uint8_t out[16];
  wasm_v128_store(out, wasm_i8x16_add(v, rev));
  printf("bytes+reversed:");
  for (int i = 0; i < 16; i++) printf(" %d", out[i]);
  printf("\n");

  v128_t k = wasm_i32x4_make(1, -2, 3, -4);
  v128_t m = wasm_i32x4_max(k, wasm_i32x4_const(0, 0, 0, 0));
  printf("max(k,0)= %d %d %d %d any_true=%d all_true=%d bitmask=%d\n",
         (int)wasm_i32x4_extract_lane(m, 0), (int)wasm_i32x4_extract_lane(m, 1),
         (int)wasm_i32x4_extract_lane(m, 2), (int)wasm_i32x4_extract_lane(m, 3),
         wasm_v128_any_true(m), wasm_i32x4_all_true(m), (int)wasm_i32x4_bitmask(k));

  v128_t f = wasm_f32x4_sqrt(wasm_f32x4_make(1.0f, 2.0f, 9.0f, 0.25f));
  printf("sqrt: %.6f %.6f %.6f %.6f\n", wasm_f32x4_extract_lane(f, 0), wasm_f32x4_extract_lane(f, 1),
         wasm_f32x4_extract_lane(f, 2), wasm_f32x4_extract_lane(f, 3));

  /* a loop for the auto-vectoriser */
  float sum = 0;
  for (int i = 0; i < 64; i++) { floats[i] = floats[i] * 2.0f + 1.0f; sum += floats[i]; }
  int64_t wide = 0;
  for (int i = 0; i < 64; i++) wide += (int64_t)ints[i] * ints[63 - i];
  printf("sum=%.2f wide=%lld\n", sum, (long long)wide);
  return 0;
}
