// UTF-8: decoding with validation (overlong forms, surrogates, truncated
// sequences, out-of-range code points), encoding, UTF-16 conversion with
// surrogate pairs, and counting code points.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>
#include <string.h>

// Returns the code point and advances *p, or -1 (advancing one byte).
static int32_t decode(const uint8_t **p, const uint8_t *end) {
  const uint8_t *s = *p;
  uint8_t c = s[0];
  int32_t cp;
  int n;
  if (c < 0x80) { *p = s + 1; return c; }
  else if ((c & 0xe0) == 0xc0) { cp = c & 0x1f; n = 1; }
  else if ((c & 0xf0) == 0xe0) { cp = c & 0x0f; n = 2; }
  else if ((c & 0xf8) == 0xf0) { cp = c & 0x07; n = 3; }
  else { *p = s + 1; return -1; }
  if (end - s <= n) { *p = s + 1; return -1; }
  for (int i = 1; i <= n; i++) {
    if ((s[i] & 0xc0) != 0x80) { *p = s + 1; return -1; }
    cp = cp << 6 | (s[i] & 0x3f);
  }
  static const int32_t min[] = {0, 0x80, 0x800, 0x10000};
  if (cp < min[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) { *p = s + 1; return -1; }
  *p = s + n + 1;
  return cp;
}
static int encode(int32_t cp, uint8_t *out) {
  if (cp < 0x80) { out[0] = (uint8_t)cp; return 1; }
  if (cp < 0x800) { out[0] = (uint8_t)(0xc0 | cp >> 6); out[1] = (uint8_t)(0x80 | (cp & 63)); return 2; }
  if (cp < 0x10000) {
    out[0] = (uint8_t)(0xe0 | cp >> 12);
    out[1] = (uint8_t)(0x80 | ((cp >> 6) & 63));
    out[2] = (uint8_t)(0x80 | (cp & 63));
    return 3;
  }
  out[0] = (uint8_t)(0xf0 | cp >> 18);
  out[1] = (uint8_t)(0x80 | ((cp >> 12) & 63));
  out[2] = (uint8_t)(0x80 | ((cp >> 6) & 63));
  out[3] = (uint8_t)(0x80 | (cp & 63));
  return 4;
}
static int to_utf16(int32_t cp, uint16_t *out) {
  if (cp < 0x10000) { out[0] = (uint16_t)cp; return 1; }
  cp -= 0x10000;
  out[0] = (uint16_t)(0xd800 + (cp >> 10));
  out[1] = (uint16_t)(0xdc00 + (cp & 0x3ff));
  return 2;
}

int main(void) {
  const char *samples[] = {"plain ascii", "caf\xc3\xa9 na\xc3\xafve", "\xe2\x82\xac 100", "\xf0\x9f\x98\x80 emoji",
                           "bad \xc0\xaf overlong", "surrogate \xed\xa0\x80", "cut \xe2\x82", "\xf4\x90\x80\x80 too big",
                           "\xff\xfe junk", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"};
  for (int i = 0; i < 10; i++) {
    const uint8_t *p = (const uint8_t *)samples[i], *end = p + strlen(samples[i]);
    int count = 0, bad = 0;
    printf("%d:", i);
    while (p < end) {
      int32_t cp = decode(&p, end);
      if (cp < 0) bad++;
      else {
        count++;
        if (cp >= 0x80) printf(" U+%04X", (unsigned)cp);
      }
    }
    printf(" | %d code points, %d errors\n", count, bad);
  }
  uint8_t buf[4];
  uint16_t w[2];
  int ok = 1;
  uint32_t h = 0;
  for (int32_t cp = 0; cp <= 0x10ffff; cp += 97) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    int n = encode(cp, buf);
    const uint8_t *p = buf;
    ok &= decode(&p, buf + n) == cp && p == buf + n;
    int m = to_utf16(cp, w);
    h = h * 31 + (uint32_t)(n * 10 + m) + w[0] + (m == 2 ? w[1] : 0);
  }
  printf("round trip %d hash %08x\n", ok, h);
  printf("done\n");
  return 0;
}
