// Volatile loads and stores must all happen, in order, with their exact
// widths: repeated volatile reads, volatile loop counters, volatile struct
// members, and a memory-mapped-register style log.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdint.h>
#include <stdio.h>

volatile uint32_t reg32;
volatile uint8_t reg8;
volatile uint16_t reg16;
volatile uint64_t reg64;
volatile double regd;
struct dev { volatile uint32_t ctrl; uint32_t shadow; volatile int16_t status; };
static struct dev dev;

__attribute__((noinline)) uint32_t poll(int n) {
  uint32_t acc = 0;
  for (int i = 0; i < n; i++) acc += reg32;  // n reads, not folded
  return acc;
}
__attribute__((noinline)) void write_seq(void) {
  reg8 = 0x12;
  reg8 = 0x34;
  reg16 = 0xbeef;
  reg64 = 0x0102030405060708ull;
  regd = 2.5;
  dev.ctrl = 1;
  dev.ctrl |= 4;
  dev.status = -2;
}

int main(void) {
  reg32 = 7;
  printf("poll %u\n", poll(10));
  write_seq();
  printf("regs %02x %04x %016llx %g %u %d\n", reg8, reg16, (unsigned long long)reg64, regd, dev.ctrl, dev.status);
  volatile int counter = 0;
  for (volatile int i = 0; i < 1000; i++) counter += i & 3;
  printf("counter %d\n", counter);
  volatile unsigned char buf[16];
  for (int i = 0; i < 16; i++) buf[i] = (unsigned char)(i * 17);
  unsigned s = 0;
  for (int i = 15; i >= 0; i--) s = s * 3 + buf[i];
  printf("buf %u\n", s);
  volatile int16_t neg = -1234;
  volatile int8_t sneg = -100;
  int32_t widened = neg, w8 = sneg;
  printf("widen %d %d\n", widened, w8);
  printf("done\n");
  return 0;
}
