// Bitfields of packed structs: clang stores a run of bitfields as one
// integer of the run's size, so these structs give i144 and i168
// loads, shifts, masks and stores in the IR (wider than any C type on
// wasm32). Reads of signed and unsigned fields, writes that must keep the
// neighbours, compound assignments, globals with initializers, copies and
// structs by value.
// RUN: python3 %src/utils/test/run-c-program.py --toyc %toyc --work %t %s
#include <stdio.h>
#include <string.h>

#pragma pack(push, 1)
struct Wide {          // one run of 136 bits
  signed a : 31;
  unsigned b : 30;
  signed c : 27;
  unsigned d : 17;
  signed e : 31;
};
struct Wider {         // a char, then a run of 168 bits
  char tag;
  unsigned long long f : 63;
  signed long long g : 50;
  unsigned h : 31;
  signed i : 24;
};
struct Widest {        // 200 bits
  signed p : 30;
  signed q : 30;
  signed r : 30;
  signed s : 30;
  unsigned long long t : 60;
  unsigned u : 20;
};
struct Many {          // nine int fields in one run of 168 bits
  unsigned f0 : 10;
  signed f1 : 23;
  signed f2 : 29;
  signed f3 : 21;
  unsigned f4 : 16;
  unsigned f5 : 7;
  signed f6 : 9;
  signed f7 : 26;
  signed f8 : 22;
};
struct Eight {         // 240 bits
  signed v0 : 30, v1 : 30, v2 : 30, v3 : 30, v4 : 30, v5 : 30, v6 : 30, v7 : 30;
};
#pragma pack(pop)

struct Many gm = {1023, -4194304, 268435455, -1, 65535, 100, -256, 33554431, -2097152};
static struct Eight ge = {1, -2, 3, -4, 5, -6, 7, -536870912};

__attribute__((noinline)) void shuffle(struct Many *m) {
  int t = m->f1;
  m->f1 = m->f8;
  m->f8 = t;
  m->f0 += 7;
  m->f3 = m->f3 * 3 - m->f6;
  m->f5 ^= 0x55;
  m->f7 = -m->f7 / 2;
  m->f2 >>= 1;
  m->f4 -= 1000;
}
__attribute__((noinline)) int eight_sum(struct Eight e) {
  return e.v0 + e.v1 + e.v2 + e.v3 + e.v4 + e.v5 + e.v6 + (e.v7 >> 8);
}

struct Wide gw = {-123456789, 987654321u, -12345678, 99999u, 1073741823};
struct Wider gx = {'x', 0x7123456789abcdefull, -562949953421311ll, 0x7fffffffu, -8388608};
volatile struct Widest gv;

static unsigned long long mix = 1469598103934665603ull;
static void feed(long long v) {
  mix ^= (unsigned long long)v;
  mix *= 1099511628211ull;
}

__attribute__((noinline)) long long sum_wide(struct Wide w) { return (long long)w.a + w.b + w.c + w.d + w.e; }
__attribute__((noinline)) struct Wide bump(struct Wide w, int k) {
  w.a += k;
  w.b -= (unsigned)k;
  w.c ^= k;
  w.d += 7u * (unsigned)k;
  w.e = -w.e + k;
  return w;
}
__attribute__((noinline)) void set_h(struct Wider *x, unsigned v) { x->h = v; }
__attribute__((noinline)) long long get_g(const struct Wider *x) { return x->g; }

static void print_wide(const char *name, struct Wide w) {
  printf("%s: a=%d b=%u c=%d d=%u e=%d\n", name, (int)w.a, (unsigned)w.b, (int)w.c, (unsigned)w.d, (int)w.e);
}
static void print_wider(const char *name, const struct Wider *x) {
  printf("%s: tag=%c f=%llx g=%lld h=%u i=%d\n", name, x->tag, (unsigned long long)x->f, (long long)x->g,
         (unsigned)x->h, (int)x->i);
}

int main(void) {
  printf("sizes %u %u %u\n", (unsigned)sizeof(struct Wide), (unsigned)sizeof(struct Wider),
         (unsigned)sizeof(struct Widest));
  print_wide("gw", gw);
  print_wider("gx", &gx);
  printf("sum %lld\n", sum_wide(gw));

  struct Wide w = gw;
  for (int k = 1; k <= 40; k++) {
    w = bump(w, k * 977);
    feed(sum_wide(w));
  }
  print_wide("w", w);

  struct Wider x;
  memset(&x, 0xa5, sizeof x);
  x.tag = 'q';
  x.f = 1;
  x.g = -1;
  print_wider("x", &x);
  for (unsigned v = 0; v < 2000000000u; v += 123456789u) {
    set_h(&x, v);
    x.i = (int)v >> 9;
    x.f = x.f * 3 + v;
    x.g = get_g(&x) - (long long)v * 65537;
    feed((long long)x.h);
    feed(x.i);
    feed((long long)x.f);
    feed(x.g);
  }
  print_wider("x", &x);

  // A volatile struct: every access is a load or store of the whole run.
  gv.p = -536870912;
  gv.q = 536870911;
  gv.r = -1;
  gv.s = 12345;
  gv.t = 0xfedcba987654321ull;
  gv.u = 0xfffff;
  gv.q -= 5;
  gv.u >>= 3;
  printf("gv: %d %d %d %d %llx %u\n", (int)gv.p, (int)gv.q, (int)gv.r, (int)gv.s, (unsigned long long)gv.t,
         (unsigned)gv.u);

  struct Widest arr[5];
  memset(arr, 0, sizeof arr);
  for (int i = 0; i < 5; i++) {
    arr[i].p = i * 100000 - 200000;
    arr[i].s = -i;
    arr[i].t = 0xfffffffffffffffull >> i;
    arr[i].u = (unsigned)(i * 99991);
  }
  for (int i = 0; i < 5; i++) {
    feed(arr[i].p + arr[i].q + arr[i].r + arr[i].s);
    feed((long long)arr[i].t + arr[i].u);
    printf("arr[%d]: %d %d %llx %u\n", i, (int)arr[i].p, (int)arr[i].s, (unsigned long long)arr[i].t,
           (unsigned)arr[i].u);
  }
  for (int k = 0; k < 6; k++) {
    shuffle(&gm);
    printf("gm: %u %d %d %d %u %u %d %d %d\n", (unsigned)gm.f0, (int)gm.f1, (int)gm.f2, (int)gm.f3, (unsigned)gm.f4,
           (unsigned)gm.f5, (int)gm.f6, (int)gm.f7, (int)gm.f8);
  }
  for (int k = 0; k < 30; k++) {
    ge.v0 += k;
    ge.v3 ^= k << 20;
    ge.v7 = ge.v7 + 12345 * k;
    ge.v5 = -ge.v5;
    feed(eight_sum(ge));
  }
  printf("ge: %d %d %d %d %d %d %d %d\n", (int)ge.v0, (int)ge.v1, (int)ge.v2, (int)ge.v3, (int)ge.v4, (int)ge.v5,
         (int)ge.v6, (int)ge.v7);
  printf("mix %016llx\n", mix);
  printf("done\n");
  return 0;
}
