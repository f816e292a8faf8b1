// Compression round trips: run-length encoding, LZ77 with a sliding window
// and hash chains, and Huffman code lengths from symbol frequencies.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static size_t rle_encode(const uint8_t *in, size_t n, uint8_t *out) {
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    size_t run = 1;
    while (i + run < n && in[i + run] == in[i] && run < 255) run++;
    out[o++] = (uint8_t)run;
    out[o++] = in[i];
    i += run;
  }
  return o;
}
static size_t rle_decode(const uint8_t *in, size_t n, uint8_t *out) {
  size_t o = 0;
  for (size_t i = 0; i + 1 < n; i += 2)
    for (int k = 0; k < in[i]; k++) out[o++] = in[i + 1];
  return o;
}
// LZ77 tokens: literal (0, byte) or match (1, dist16, len8).
static size_t lz_encode(const uint8_t *in, size_t n, uint8_t *out) {
  static int32_t headp[4096], prevp[70000];
  for (int i = 0; i < 4096; i++) headp[i] = -1;
  size_t o = 0, i = 0;
  while (i < n) {
    int best_len = 0, best_dist = 0;
    if (i + 3 <= n) {
      unsigned h = ((unsigned)in[i] * 2654435761u ^ (unsigned)in[i + 1] * 40503u ^ in[i + 2]) & 4095;
      int chain = 0;
      for (int32_t p = headp[h]; p >= 0 && chain < 32 && (int)i - p < 65535; p = prevp[p], chain++) {
        int len = 0;
        while (i + (size_t)len < n && len < 255 && in[p + len] == in[i + (size_t)len]) len++;
        if (len > best_len) {
          best_len = len;
          best_dist = (int)i - p;
        }
      }
    }
    int adv = best_len >= 4 ? best_len : 1;
    for (int k = 0; k < adv && i + (size_t)k + 3 <= n; k++) {
      size_t q = i + (size_t)k;
      unsigned h = ((unsigned)in[q] * 2654435761u ^ (unsigned)in[q + 1] * 40503u ^ in[q + 2]) & 4095;
      prevp[q] = headp[h];
      headp[h] = (int32_t)q;
    }
    if (best_len >= 4) {
      out[o++] = 1;
      out[o++] = (uint8_t)(best_dist >> 8);
      out[o++] = (uint8_t)best_dist;
      out[o++] = (uint8_t)best_len;
    } else {
      out[o++] = 0;
      out[o++] = in[i];
    }
    i += (size_t)adv;
  }
  return o;
}
static size_t lz_decode(const uint8_t *in, size_t n, uint8_t *out) {
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    if (in[i] == 0) {
      out[o++] = in[i + 1];
      i += 2;
    } else {
      size_t dist = (size_t)in[i + 1] << 8 | in[i + 2], len = in[i + 3];
      for (size_t k = 0; k < len; k++, o++) out[o] = out[o - dist];
      i += 4;
    }
  }
  return o;
}
static void huffman_lengths(const unsigned *freq, int n, int *len) {
  unsigned w[512];
  int parent[512], alive[512], nodes = n;
  for (int i = 0; i < n; i++) {
    w[i] = freq[i];
    alive[i] = freq[i] > 0;
    parent[i] = -1;
  }
  for (;;) {
    int a = -1, b = -1;
    for (int i = 0; i < nodes; i++)
      if (alive[i]) {
        if (a < 0 || w[i] < w[a]) {
          b = a;
          a = i;
        } else if (b < 0 || w[i] < w[b]) {
          b = i;
        }
      }
    if (b < 0) break;
    w[nodes] = w[a] + w[b];
    alive[nodes] = 1;
    parent[nodes] = -1;
    alive[a] = alive[b] = 0;
    parent[a] = parent[b] = nodes;
    nodes++;
  }
  for (int i = 0; i < n; i++) {
    len[i] = 0;
    if (!freq[i]) continue;
    for (int p = parent[i]; p >= 0; p = parent[p]) len[i]++;
  }
}

int main(void) {
  static uint8_t text[20000], enc[50000], dec[20000];
  const char *words[] = {"compression ", "is ", "fun ", "and ", "repetition ", "helps ", "a lot ", "\n"};
  size_t n = 0;
  uint32_t s = 7;
  while (n < sizeof text - 16) {
    s = s * 1103515245u + 12345u;
    const char *w = words[(s >> 16) % 8];
    size_t l = strlen(w);
    memcpy(text + n, w, l);
    n += l;
  }
  size_t e = rle_encode(text, n, enc), d = rle_decode(enc, e, dec);
  printf("rle %u -> %u -> %u ok %d\n", (unsigned)n, (unsigned)e, (unsigned)d, d == n && !memcmp(text, dec, n));
  uint8_t runs[1000];
  for (int i = 0; i < 1000; i++) runs[i] = (uint8_t)(i / 37);
  e = rle_encode(runs, 1000, enc);
  d = rle_decode(enc, e, dec);
  printf("rle runs 1000 -> %u ok %d\n", (unsigned)e, d == 1000 && !memcmp(runs, dec, 1000));
  e = lz_encode(text, n, enc);
  d = lz_decode(enc, e, dec);
  printf("lz %u -> %u -> %u ok %d\n", (unsigned)n, (unsigned)e, (unsigned)d, d == n && !memcmp(text, dec, n));
  unsigned freq[256] = {0};
  for (size_t i = 0; i < n; i++) freq[text[i]]++;
  int len[256];
  huffman_lengths(freq, 256, len);
  unsigned long long bits = 0;
  for (int i = 0; i < 256; i++) bits += (unsigned long long)freq[i] * (unsigned)len[i];
  printf("huffman bits %llu (%u bytes)", bits, (unsigned)((bits + 7) / 8));
  for (int c = 'a'; c <= 'z'; c++)
    if (freq[c]) printf(" %c%d", c, len[c]);
  printf("\n");
  printf("done\n");
  return 0;
}
