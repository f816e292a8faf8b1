// Hash functions (FNV-1a 32/64, djb2, MurmurHash3 x86_32, xxHash32-style
// mixing, SipHash-2-4) and an open-addressing hash table with deletion.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint32_t fnv1a32(const void *p, size_t n) {
  const uint8_t *s = p;
  uint32_t h = 2166136261u;
  while (n--) h = (h ^ *s++) * 16777619u;
  return h;
}
static uint64_t fnv1a64(const void *p, size_t n) {
  const uint8_t *s = p;
  uint64_t h = 14695981039346656037ull;
  while (n--) h = (h ^ *s++) * 1099511628211ull;
  return h;
}
static uint32_t djb2(const char *s) {
  uint32_t h = 5381;
  while (*s) h = h * 33 + (uint8_t)*s++;
  return h;
}
static uint32_t rotl32(uint32_t x, int r) { return (x << r) | (x >> (32 - r)); }
static uint64_t rotl64(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
static uint32_t murmur3(const void *key, size_t len, uint32_t seed) {
  const uint8_t *data = key;
  size_t nblocks = len / 4;
  uint32_t h = seed, c1 = 0xcc9e2d51u, c2 = 0x1b873593u;
  for (size_t i = 0; i < nblocks; i++) {
    uint32_t k;
    memcpy(&k, data + i * 4, 4);
    k *= c1;
    k = rotl32(k, 15);
    k *= c2;
    h ^= k;
    h = rotl32(h, 13);
    h = h * 5 + 0xe6546b64u;
  }
  const uint8_t *tail = data + nblocks * 4;
  uint32_t k = 0;
  switch (len & 3) {
  case 3: k ^= (uint32_t)tail[2] << 16; /* fall through */
  case 2: k ^= (uint32_t)tail[1] << 8; /* fall through */
  case 1:
    k ^= tail[0];
    k *= c1;
    k = rotl32(k, 15);
    k *= c2;
    h ^= k;
  }
  h ^= (uint32_t)len;
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  h ^= h >> 16;
  return h;
}
#define SIPROUND                                                   \
  do {                                                             \
    v0 += v1; v1 = rotl64(v1, 13); v1 ^= v0; v0 = rotl64(v0, 32); \
    v2 += v3; v3 = rotl64(v3, 16); v3 ^= v2;                       \
    v0 += v3; v3 = rotl64(v3, 21); v3 ^= v0;                       \
    v2 += v1; v1 = rotl64(v1, 17); v1 ^= v2; v2 = rotl64(v2, 32); \
  } while (0)
static uint64_t siphash(const uint8_t *in, size_t len, uint64_t k0, uint64_t k1) {
  uint64_t v0 = 0x736f6d6570736575ull ^ k0, v1 = 0x646f72616e646f6dull ^ k1;
  uint64_t v2 = 0x6c7967656e657261ull ^ k0, v3 = 0x7465646279746573ull ^ k1;
  uint64_t b = (uint64_t)len << 56;
  size_t i = 0;
  for (; i + 8 <= len; i += 8) {
    uint64_t m;
    memcpy(&m, in + i, 8);
    v3 ^= m;
    SIPROUND;
    SIPROUND;
    v0 ^= m;
  }
  for (size_t j = 0; i + j < len; j++) b |= (uint64_t)in[i + j] << (8 * j);
  v3 ^= b;
  SIPROUND;
  SIPROUND;
  v0 ^= b;
  v2 ^= 0xff;
  SIPROUND;
  SIPROUND;
  SIPROUND;
  SIPROUND;
  return v0 ^ v1 ^ v2 ^ v3;
}

#define CAP 1024
struct slot { char key[16]; int value; int state; };  // state: 0 empty, 1 used, 2 deleted
static struct slot table[CAP];
static int put(const char *k, int v) {
  uint32_t h = fnv1a32(k, strlen(k));
  int first_free = -1;
  for (int i = 0; i < CAP; i++) {
    int idx = (int)((h + (uint32_t)i) & (CAP - 1));
    if (table[idx].state == 0) {
      if (first_free < 0) first_free = idx;
      break;
    }
    if (table[idx].state == 2) {
      if (first_free < 0) first_free = idx;
      continue;
    }
    if (strcmp(table[idx].key, k) == 0) {
      table[idx].value = v;
      return 0;
    }
  }
  strcpy(table[first_free].key, k);
  table[first_free].value = v;
  table[first_free].state = 1;
  return 1;
}
static struct slot *get(const char *k) {
  uint32_t h = fnv1a32(k, strlen(k));
  for (int i = 0; i < CAP; i++) {
    struct slot *s = &table[(h + (uint32_t)i) & (CAP - 1)];
    if (s->state == 0) return NULL;
    if (s->state == 1 && strcmp(s->key, k) == 0) return s;
  }
  return NULL;
}

int main(void) {
  const char *inputs[] = {"", "a", "abc", "message digest", "The quick brown fox jumps over the lazy dog"};
  for (int i = 0; i < 5; i++) {
    size_t n = strlen(inputs[i]);
    printf("'%s': fnv32 %08x fnv64 %016llx djb2 %08x murmur %08x %08x sip %016llx\n", inputs[i],
           fnv1a32(inputs[i], n), (unsigned long long)fnv1a64(inputs[i], n), djb2(inputs[i]), murmur3(inputs[i], n, 0),
           murmur3(inputs[i], n, 0x9747b28cu),
           (unsigned long long)siphash((const uint8_t *)inputs[i], n, 0x0706050403020100ull, 0x0f0e0d0c0b0a0908ull));
  }
  char key[16];
  int inserted = 0;
  for (int i = 0; i < 700; i++) {
    snprintf(key, sizeof key, "k%d", i * 7919 % 1000);
    inserted += put(key, i);
  }
  for (int i = 0; i < 1000; i += 3) {
    snprintf(key, sizeof key, "k%d", i);
    struct slot *s = get(key);
    if (s) s->state = 2;
  }
  int found = 0;
  long sum = 0;
  for (int i = 0; i < 1000; i++) {
    snprintf(key, sizeof key, "k%d", i);
    struct slot *s = get(key);
    if (s) {
      found++;
      sum += s->value;
    }
  }
  printf("inserted %d found %d sum %ld\n", inserted, found, sum);
  printf("done\n");
  return 0;
}
