// Checksums: CRC-32 (table and bitwise), CRC-16/CCITT, Adler-32, Fletcher-16
// and Internet checksum over generated buffers.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint32_t crc_table[256];
static void crc_init(void) {
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i;
    for (int k = 0; k < 8; k++) c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
    crc_table[i] = c;
  }
}
static uint32_t crc32_table(const uint8_t *p, size_t n) {
  uint32_t c = 0xffffffffu;
  while (n--) c = crc_table[(c ^ *p++) & 0xff] ^ (c >> 8);
  return c ^ 0xffffffffu;
}
static uint32_t crc32_bitwise(const uint8_t *p, size_t n) {
  uint32_t c = 0xffffffffu;
  while (n--) {
    c ^= *p++;
    for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xedb88320u & -(c & 1));
  }
  return ~c;
}
static uint16_t crc16_ccitt(const uint8_t *p, size_t n) {
  uint16_t c = 0xffff;
  while (n--) {
    c ^= (uint16_t)(*p++ << 8);
    for (int k = 0; k < 8; k++) c = (uint16_t)(c & 0x8000 ? (c << 1) ^ 0x1021 : c << 1);
  }
  return c;
}
static uint32_t adler32(const uint8_t *p, size_t n) {
  uint32_t a = 1, b = 0;
  while (n--) {
    a = (a + *p++) % 65521;
    b = (b + a) % 65521;
  }
  return b << 16 | a;
}
static uint16_t fletcher16(const uint8_t *p, size_t n) {
  uint16_t s1 = 0, s2 = 0;
  while (n--) {
    s1 = (uint16_t)((s1 + *p++) % 255);
    s2 = (uint16_t)((s2 + s1) % 255);
  }
  return (uint16_t)(s2 << 8 | s1);
}
static uint16_t inet_checksum(const uint8_t *p, size_t n) {
  uint32_t sum = 0;
  for (size_t i = 0; i + 1 < n; i += 2) sum += (uint32_t)p[i] << 8 | p[i + 1];
  if (n & 1) sum += (uint32_t)p[n - 1] << 8;
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  return (uint16_t)~sum;
}

int main(void) {
  crc_init();
  const char *s = "123456789";
  size_t n = strlen(s);
  const uint8_t *u = (const uint8_t *)s;
  printf("check: crc32 %08x %08x crc16 %04x adler %08x fletcher %04x inet %04x\n", crc32_table(u, n),
         crc32_bitwise(u, n), crc16_ccitt(u, n), adler32(u, n), fletcher16(u, n), inet_checksum(u, n));
  static uint8_t buf[65536];
  uint32_t x = 1;
  for (size_t i = 0; i < sizeof buf; i++) {
    x = x * 1664525u + 1013904223u;
    buf[i] = (uint8_t)(x >> 24);
  }
  for (size_t len = 1; len <= sizeof buf; len *= 4)
    printf("len %6u: crc32 %08x adler %08x crc16 %04x inet %04x\n", (unsigned)len, crc32_table(buf, len),
           adler32(buf, len), crc16_ccitt(buf, len), inet_checksum(buf, len));
  printf("bitwise agrees %d\n", crc32_bitwise(buf, 4096) == crc32_table(buf, 4096));
  printf("done\n");
  return 0;
}
