// Base64 encoding and decoding (standard alphabet with padding, and a
// decoder that rejects bad input) with round trips over binary data.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static size_t encode(const uint8_t *in, size_t n, char *out) {
  size_t o = 0, i = 0;
  for (; i + 3 <= n; i += 3) {
    uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8 | in[i + 2];
    out[o++] = alphabet[v >> 18];
    out[o++] = alphabet[(v >> 12) & 63];
    out[o++] = alphabet[(v >> 6) & 63];
    out[o++] = alphabet[v & 63];
  }
  if (n - i == 1) {
    uint32_t v = (uint32_t)in[i] << 16;
    out[o++] = alphabet[v >> 18];
    out[o++] = alphabet[(v >> 12) & 63];
    out[o++] = '=';
    out[o++] = '=';
  } else if (n - i == 2) {
    uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8;
    out[o++] = alphabet[v >> 18];
    out[o++] = alphabet[(v >> 12) & 63];
    out[o++] = alphabet[(v >> 6) & 63];
    out[o++] = '=';
  }
  out[o] = 0;
  return o;
}
static int value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}
static long decode(const char *in, uint8_t *out) {
  size_t n = strlen(in);
  if (n % 4) return -1;
  long o = 0;
  for (size_t i = 0; i < n; i += 4) {
    int v[4];
    int pad = 0;
    for (int k = 0; k < 4; k++) {
      if (in[i + k] == '=' && i + 4 == n && k >= 2) {
        v[k] = 0;
        pad++;
      } else if (pad) {
        return -2;
      } else if ((v[k] = value(in[i + k])) < 0) {
        return -3;
      }
    }
    uint32_t x = (uint32_t)v[0] << 18 | (uint32_t)v[1] << 12 | (uint32_t)v[2] << 6 | (uint32_t)v[3];
    out[o++] = (uint8_t)(x >> 16);
    if (pad < 2) out[o++] = (uint8_t)(x >> 8);
    if (pad < 1) out[o++] = (uint8_t)x;
  }
  return o;
}

int main(void) {
  const char *texts[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar", "Man is distinguished, not only by his reason"};
  char enc[256];
  uint8_t dec[256];
  for (int i = 0; i < 8; i++) {
    encode((const uint8_t *)texts[i], strlen(texts[i]), enc);
    long n = decode(enc, dec);
    printf("'%s' -> %s -> %ld %s\n", texts[i], enc, n, (n == (long)strlen(texts[i]) && !memcmp(dec, texts[i], (size_t)n)) ? "ok" : "BAD");
  }
  uint8_t bin[190];
  for (int i = 0; i < 190; i++) bin[i] = (uint8_t)(i * 73 + 11);
  int ok = 1;
  for (size_t len = 0; len <= 190; len += 17) {
    encode(bin, len, enc);
    ok &= decode(enc, dec) == (long)len && !memcmp(dec, bin, len);
  }
  printf("binary round trips %d last %s\n", ok, enc);
  printf("invalid %ld %ld %ld\n", decode("abc", dec), decode("ab=c", dec), decode("a*cd", dec));
  printf("done\n");
  return 0;
}
