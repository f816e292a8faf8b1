#!/usr/bin/env python3
"""Differential test of toyc's LLVM IR backend on random C programs full of loops.

    fuzz-loops.py --toyc PATH [--seeds 1-200] [--levels O0,O2] [--jobs 2] [--work DIR]
    fuzz-loops.py --print SEED        (write the program of one seed to stdout)

For every seed, a generator of its own (random.Random(seed), so a seed always
gives the same program) writes one C program of a few functions, each made of
loops whose loop-carried variables -- the phis of clang's -O2 IR -- are
pointers and integers: walks of linked lists of structs with `T **pp` tail
pointers (SQLite's list merge, partition, insertion, removal, reversal),
pointers into arrays of structs and into char buffers, and counters of every
integer type from i8 to i64, signed and unsigned, stepping up, down and
around the wrap. The loops are for, while, do-while and for(;;) loops whose
exit test is at the bottom, sometimes nested, with `break` from the middle,
`continue`, early `return` and several exits; values derived from the loop
variables (`&p->field`, `p->next`, `p + k`, `a[i + 3]`, `g_arr[i][j]`,
`i * 4 + 3`, `i != 0`, `(signed char)i`, `(unsigned short)i`, `i < n`, and
stores through `*pp` after a break) are computed in the loop and used again
after it exits, and loop variables are swapped so that phis copy each other.
That is the shape in which a phi's copy on the loop latch, placed before a
conditional branch whose other side leaves the loop, made a use after the
exit read the phi's next value (codegen/ir_copies.cpp).

Every program is free of undefined behaviour by construction (unsigned or
bounded arithmetic, indices within their arrays, lists kept acyclic, no
uninitialised reads), portable between ILP32 and LP64 (it prints no pointer
or `long`), prints a checksum of what every function computed and of the
global state, and ends with the line `done`.

For every level, clang-19 compiles the program to LLVM IR and toyc builds the
IR into a module (with TOYC_VERIFY_MIR=1, so a violation of codegen's phi
invariant aborts the build), which must pass wasm-validate; the reference is
the same program built by clang-19 (and wasm-ld-19). Both run under node's
WASI; their output and exit status must be equal.

Every result is put in one class:

  ok          same output and status as the reference
  bad-program the reference failed to build, did not end with `done` or
              timed out: a bug of the generator
  unsupported toyc reported IR it does not lower (exit 1, "unsupported")
  build-fail  toyc failed otherwise (crash, abort of TOYC_VERIFY_MIR, other
              error, timeout) or its module fails wasm-validate
  mismatch    the outputs or exit statuses differ

The run fails (exit status 1) on any build-fail, mismatch or bad-program;
their work directories are kept under <work>/failures/<seed>/ with the
program, its IR and a repeat.<level>.sh that repeats the commands.

Python 3 standard library only.
"""

import argparse
import concurrent.futures
import os
import random
import shlex
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUNNER = os.path.join(ROOT, "runtime", "run-wasi.mjs")

# --- the program generator ----------------------------------------------

# Sizes of the global data (the C program's #defines). Loop indices stay in
# [0, NA) and every array has 8 elements of slack after that, so `a[i + k]`
# and `q[k]` with k < 8 past a loop's last index are in bounds.
NA = 64      # elements of the arrays (and columns of g_arr)
ROWS = 8     # rows of g_arr
NN = 48      # nodes in g_nodes; the first NLIST are put in the lists
NLIST = 32
NL = 4       # lists g_list[0..NL)
BUF = 128    # g_buf: letters and NULs in [0, 100), NULs from 100 on

# Ranges of the parameters every function gets; main passes only values in
# them, and the generator sizes loops and indices by them.
PARAMS = {"n": (0, 40), "k": (0, 63), "m": (0, 15)}

# name, bits, signed
INT_TYPES = [
    ("signed char", 8, True), ("unsigned char", 8, False),
    ("short", 16, True), ("unsigned short", 16, False),
    ("int", 32, True), ("unsigned", 32, False),
    ("long long", 64, True), ("unsigned long long", 64, False),
]

PRELUDE = f"""\
#include <stdint.h>
#include <stdio.h>

#define NA {NA}
#define ROWS {ROWS}
#define NN {NN}

struct Node {{ int key; short tag; unsigned char flag; struct Node *next; uint32_t val; }};
struct Pair {{ int a; short b; unsigned char c; uint32_t d; }};

static struct Node g_nodes[NN];
static struct Node *g_list[{NL}];
static int g_free;
static int g_a[NA + 8];
static uint32_t g_u[NA + 8];
static short g_s[NA + 8];
static signed char g_c[NA + 8];
static long long g_ll[NA + 8];
static int g_b[NA + 8];
static int g_arr[ROWS][NA + 8];
static struct Pair g_pairs[NA + 8];
static unsigned char g_buf[{BUF} + 8];
static unsigned char g_out[{BUF} + 40];
static uint32_t g_sink_u;
static short g_sink_s;
static struct Node *g_sink_p;
static uint32_t g_rng;

static uint32_t rnd(void) {{
  g_rng = g_rng * 1103515245u + 12345u;
  return g_rng >> 16;
}}

/* Rebuilds all global data from a salt: every call of a function starts
   from the same state in every build. Lists 0 and 1 are sorted by key and
   never empty. */
static void reset(uint32_t salt) {{
  int i, r;
  g_rng = salt;
  for (i = 0; i < NA + 8; i++) {{
    g_a[i] = (int)(rnd() % 200u) - 60;
    g_u[i] = rnd() * 65599u + rnd();
    g_s[i] = (short)((int)(rnd() % 2000u) - 1000);
    g_c[i] = (signed char)((int)(rnd() % 200u) - 100);
    g_ll[i] = (long long)(rnd() % 100000u) * 100003 - 2000000000LL;
    g_b[i] = 0;
    g_pairs[i].a = (int)(rnd() % 64u);
    g_pairs[i].b = (short)((int)(rnd() % 500u) - 250);
    g_pairs[i].c = (unsigned char)rnd();
    g_pairs[i].d = rnd();
  }}
  for (r = 0; r < ROWS; r++)
    for (i = 0; i < NA + 8; i++) g_arr[r][i] = (int)(rnd() % 1000u) - 300;
  for (i = 0; i < {BUF} + 8; i++)
    g_buf[i] = i < 100 && rnd() % 9u != 0 ? (unsigned char)('a' + rnd() % 26u) : 0;
  for (i = 0; i < {BUF} + 40; i++) g_out[i] = 0;
  for (i = 0; i < {NL}; i++) g_list[i] = 0;
  for (i = 0; i < NN; i++) {{
    struct Node *p = &g_nodes[i];
    p->key = (int)(rnd() % 100u);
    p->tag = (short)((int)(rnd() % 300u) - 150);
    p->flag = (unsigned char)rnd();
    p->val = rnd();
    p->next = 0;
    if (i < {NLIST}) {{
      int l = i < 2 ? i : (int)(rnd() % {NL}u);
      struct Node **pp = &g_list[l];
      if (l < 2)
        while (*pp && (*pp)->key < p->key) pp = &(*pp)->next;
      p->next = *pp;
      *pp = p;
    }}
  }}
  g_free = {NLIST};
  g_sink_u = 0;
  g_sink_s = 0;
  g_sink_p = 0;
}}

static uint32_t state_hash(void) {{
  uint32_t h = 2166136261u;
  int i, r;
  for (i = 0; i < {NL}; i++) {{
    struct Node *p = g_list[i];
    int c = 0;
    while (p && c <= NN) {{
      h = (h ^ (uint32_t)(p - g_nodes)) * 16777619u;
      h = (h ^ (uint32_t)p->key ^ ((uint32_t)p->tag << 8)) * 16777619u;
      h = (h ^ p->val ^ p->flag) * 16777619u;
      p = p->next;
      c++;
    }}
    h = (h ^ (uint32_t)c) * 16777619u;
  }}
  for (i = 0; i < NA + 8; i++) {{
    h = (h ^ (uint32_t)g_a[i] ^ g_u[i]) * 16777619u;
    h = (h ^ (uint32_t)g_s[i] ^ ((uint32_t)g_c[i] << 16)) * 16777619u;
    h = (h ^ (uint32_t)g_ll[i] ^ (uint32_t)((unsigned long long)g_ll[i] >> 32)) * 16777619u;
    h = (h ^ (uint32_t)g_b[i]) * 16777619u;
    h = (h ^ (uint32_t)g_pairs[i].a ^ (uint32_t)g_pairs[i].b ^ g_pairs[i].c ^ g_pairs[i].d) * 16777619u;
    for (r = 0; r < ROWS; r++) h = (h ^ (uint32_t)g_arr[r][i]) * 16777619u;
  }}
  for (i = 0; i < {BUF} + 40; i++) h = (h ^ g_out[i]) * 16777619u;
  for (i = 0; i < {NN}; i++) h = (h ^ g_nodes[i].val) * 16777619u;
  h ^= g_sink_u ^ (uint32_t)g_sink_s ^ (uint32_t)g_free;
  return h;
}}
"""


class Counter:
    """A loop counter: its variable, type, and the ranges of its value in
    the body and after the loop (None: unknown, e.g. after a wrap)."""

    def __init__(self, name, ty, bits, signed, body, post):
        self.name, self.ty, self.bits, self.signed = name, ty, bits, signed
        self.body, self.post = body, post


def plus(expr, c):
    return expr if c == 0 else f"{expr} + {c}" if c > 0 else f"{expr} - {-c}"


class FuncGen:
    """Writes one function `uint32_t fN(int n, int k, unsigned m)`."""

    def __init__(self, r, name):
        self.r = r
        self.name = name
        self.uid = 0

    def fresh(self, base):
        self.uid += 1
        return f"{base}{self.uid}"

    def chance(self, p):
        return self.r.random() < p

    # -- pieces --------------------------------------------------------

    def idx(self, expr, rng, size=NA, offsets=(0, 0, 1, 3, -1, 2, 5)):
        """An index into an array of `size` (+8 slack) from `expr`, whose
        value is in `rng`: `expr + c` for a c that keeps it in [0, size),
        else masked."""
        if rng is not None:
            lo, hi = rng
            fits = [c for c in offsets if lo + c >= 0 and hi + c < size]
            if fits:
                return plus(expr, self.r.choice(fits))
            if hi - lo < size:
                return plus(expr, self.r.randint(-lo, size - 1 - hi))
        return f"(int)((unsigned)({expr}) & {size - 1}u)"

    def const_in(self, lo, hi):
        return self.r.randint(lo, hi)

    def u32(self, expr):
        return f"(uint32_t)({expr})"

    def mix(self, expr):
        """A statement folding a uint32_t expression into acc."""
        if " " in expr:
            expr = f"({expr})"
        return self.r.choice([
            f"acc += {expr};",
            f"acc ^= {expr};",
            f"acc = acc * 33u + {expr};",
            f"acc = (acc ^ {expr}) * 16777619u;",
        ])

    def early_return(self, what):
        c = self.const_in(0, 63)
        return [f"if ((acc & 63u) == {c}u) return acc + {what};"]

    def int_uses(self, v, rng):
        """Statements using values derived from an integer counter `v`."""
        i = v.name
        opts = [
            lambda: [self.mix(f"(uint32_t)({i} * 4 + 3)")],
            lambda: [self.mix(f"(uint32_t)({i} != 0)")],
            lambda: [f"if ({i} != 0) acc += 0x9e3779b9u; else acc ^= 0x7f4a7c15u;"],
            lambda: [self.mix(f"(uint32_t)(signed char){i}")],
            lambda: [self.mix(f"(uint32_t)(unsigned short){i}")],
            lambda: [self.mix(f"(uint32_t)(unsigned char){i}")],
            lambda: [self.mix(f"(uint32_t)({i} < n)")],
            lambda: [f"if ({i} < n) acc += 17u;"],
            lambda: [f"if ({i} == k) acc ^= 0x5555u;"],
            lambda: [self.mix(f"(uint32_t)g_a[{self.idx(i, rng)}]")],
            lambda: [self.mix(f"(uint32_t)g_a[{self.idx(i, rng, offsets=(3, 3, 1, 2))}]")],
            lambda: [self.mix(f"g_u[{self.idx(i, rng)}]")],
            lambda: [f"g_u[{self.idx(i, rng)}] = acc;"],
            lambda: [f"g_s[{self.idx(i, rng)}] = (short){i};"],
            lambda: [self.mix(f"(uint32_t)g_s[{self.idx(i, rng)}]")],
            lambda: [self.mix(f"(uint32_t)g_c[{self.idx(i, rng)}]")],
            lambda: [self.mix(f"(uint32_t)g_ll[{self.idx(i, rng)}]")],
            lambda: [f"g_ll[{self.idx(i, rng)}] += (long long)(acc & 0xffffu);"],
            lambda: [self.mix(f"(uint32_t)g_arr[{self.r.randrange(ROWS)}][{self.idx(i, rng)}]")],
            lambda: [self.mix(f"(uint32_t)g_pairs[{self.idx(i, rng)}].b")],
            lambda: [f"g_pairs[{self.idx(i, rng)}].d = acc;"],
            lambda: [self.mix(f"(uint32_t){i}")],
        ]
        return self.r.choice(opts)()

    def derived_int(self, v):
        """A value derived from counter v in the loop body that is used in the
        body and again after the loop: (declaration, body, after)."""
        i, rng = v.name, v.body
        d = self.fresh("d")
        kind = self.r.randrange(9)
        if kind == 0:
            ix = self.idx(i, rng, offsets=(0, 3, 3, 1, 2))
            return ([f"int *{d} = &g_a[0];"], [f"{d} = &g_a[{ix}];", self.mix(f"(uint32_t)*{d}")],
                    self.r.choice([[f"*{d} = (int)(acc & 0x7fff);"], [self.mix(f"(uint32_t){d}[1]")],
                                   [self.mix(f"(uint32_t)*{d}"), f"{d}[2] = 5;"]]))
        if kind == 1:
            ix = self.idx(i, rng)
            return ([f"struct Pair *{d} = &g_pairs[1];"], [f"{d} = &g_pairs[{ix}];", self.mix(f"(uint32_t){d}->b")],
                    self.r.choice([[f"{d}->d = acc;"], [self.mix(f"(uint32_t){d}[1].a")],
                                   [f"{d}->c = (unsigned char)acc;", self.mix(f"{d}->d")]]))
        if kind == 2:
            row = self.r.randrange(ROWS)
            ix = self.idx(i, rng)
            return ([f"int *{d} = &g_arr[{row}][0];"], [f"{d} = &g_arr[{row}][{ix}];", self.mix(f"(uint32_t)*{d}")],
                    [f"*{d} += 1;"])
        if kind == 3:
            return ([f"int {d} = 0;"], [f"{d} = {i} != k;", self.mix(f"(uint32_t){d}")],
                    [f"if ({d}) acc += 0x1234u;"])
        if kind == 4:
            return ([f"uint32_t {d} = 0;"], [f"{d} = (uint32_t){i} * 4u + 3u;", self.mix(d)],
                    [self.mix(d), f"g_u[{d} & 63u] ^= acc;"])
        if kind == 5:
            return ([f"signed char {d} = 0;"], [f"{d} = (signed char){i};", self.mix(f"(uint32_t){d}")],
                    [self.mix(f"(uint32_t){d}")])
        if kind == 6:
            return ([f"unsigned short {d} = 0;"], [f"{d} = (unsigned short){i};", self.mix(f"(uint32_t){d}")],
                    [f"g_s[{d} & 63u] = (short){d};"])
        if kind == 7:
            return ([f"int {d} = 0;"], [f"{d} = {i} < n;", f"if ({d}) acc += 3u;"],
                    [f"if ({d}) acc ^= 0xabcdu;"])
        ix = self.idx(i, rng, offsets=(0, 1, 2))
        return ([f"uint32_t *{d} = &g_u[0];"], [f"{d} = &g_u[{ix}];", f"*{d} += acc;"],
                [self.mix(f"*{d}"), f"{d}[1] ^= 1u;"])

    # -- counted loops ---------------------------------------------------

    def counter(self):
        """Picks a counter: returns (Counter, init, cond(expr), incr, next(expr), form choices)."""
        r = self.r
        ty, bits, signed = r.choice(INT_TYPES)
        i = self.fresh("i")
        step = r.choice([1, 1, 1, 2, 3, 4, 5, 7])
        kind = r.choice(["up", "up", "up", "down", "down"] + ([] if signed else ["wrap"]))
        if kind == "up":
            start, srng = r.choice([
                (str(self.const_in(-8 if signed else 0, 8)), None),
                ("(int)(m & 7u)", (0, 7)),
                ("(int)(k & 15)", (0, 15)),
            ])
            if srng is None:
                srng = (int(start), int(start))
            bound, brng = r.choice([
                ("n", PARAMS["n"]),
                (None, None),
                (None, None),
                ("(int)(m * 3u)", (0, 45)),
            ])
            if bound is None:
                c = self.const_in(0, 50)
                bound, brng = (str(c), (c, c)) if r.random() < 0.5 else (f"n + {c % 8}", (c % 8, 40 + c % 8))
            cmp = r.choice(["<", "<", "<="])
            if step == 1 and srng[1] <= brng[0] and r.random() < 0.4:
                cmp = "!="
            hi_body = brng[1] if cmp != "<" else brng[1] - 1
            body = (srng[0], max(srng[0], hi_body))
            post = (srng[0], max(srng[1], brng[1] + step))
            cond = lambda e: f"{e} {cmp} {bound}"
            incr = f"{i} += {step}"
            nxt = f"({ty})({i} + {step})"
            forms = ["for", "while", "do", "forever"]
        elif kind == "down":
            start, srng = r.choice([
                ("n", PARAMS["n"]), ("k", PARAMS["k"]),
                (str(self.const_in(0, 50)), None), ("n + 5", (5, 45)),
            ])
            if srng is None:
                srng = (int(start), int(start))
            if signed:
                e = self.const_in(-5, 5)
                cmp = r.choice([">", ">="])
                lim = e + 1 if cmp == ">" else e
                body = (lim, max(lim, srng[1]))
                post = (min(srng[0], lim - step), srng[1])
                cond = lambda x: f"{x} {cmp} {e}"
            else:
                e = self.const_in(0, 5) + step
                body = (e, max(e, srng[1]))
                post = (0, srng[1])
                cond = lambda x: f"{x} >= {e}"
            incr = f"{i} -= {step}"
            nxt = f"({ty})({i} - {step})"
            forms = ["for", "while", "do", "forever"]
            if step == 1 and r.random() < 0.3:
                # while (i-- > e): the branch reads the counter itself.
                e = self.const_in(0, 4) if not signed else self.const_in(-3, 4)
                body = (e, max(e, srng[1] - 1))
                post = (min(srng[0], e) - 1, srng[1]) if signed else None
                cv = Counter(i, ty, bits, signed, body, post)
                return cv, start, None, f"{i}-- > {e}", None, ["postdec"]
            if step == 1 and r.random() < 0.3:
                # do { ... } while (i--): the body runs for i = start down to
                # e (or once, for a start below e); the latch branches on the
                # phi itself, the counter's next value is its decrement.
                e = self.const_in(-3, 4) if signed else 0
                body = (min(srng[0], e), srng[1])
                post = (min(srng[0], e) - 1, srng[1]) if signed else None
                cv = Counter(i, ty, bits, signed, body, post)
                test = f"{i}-- > {e}" if signed else r.choice([f"{i}--", f"{i}-- != 0"])
                return cv, start, None, test, None, ["dopostdec"]
        else:  # wrap: an unsigned counter that passes its type's maximum
            mod = 1 << bits
            s = mod - self.const_in(1, 30)
            cnt = self.const_in(1, 20)
            e = (s + step * cnt) % mod
            suf = {8: "", 16: "", 32: "u", 64: "ull"}[bits]
            start = f"{s}{suf}"
            cond = lambda x: f"{x} != {e}{suf}"
            body = post = None
            incr = f"{i} += {step}"
            nxt = f"({ty})({i} + {step})"
            forms = ["for", "while", "do", "forever"]
        cv = Counter(i, ty, bits, signed, body, post)
        return cv, start, cond, incr, nxt, forms

    def counted(self, depth):
        r = self.r
        v, init, cond, incr, nxt, forms = self.counter()
        i = v.name
        form = r.choice(forms)
        # A lean loop uses nothing after it but values derived from its
        # variables (no phi itself, which would keep the latch copies on
        # their edge), and has few other exits (whose joins need phis).
        lean = self.chance(0.5)
        decls = [f"{v.ty} {i} = {init};"]
        items, post = [], []
        # loop-carried values beside the counter
        for _ in range(r.randint(1, 3)):
            dd, db, da = self.derived_int(v)
            decls += dd
            items.append(db)
            post += da
        if self.chance(0.5):
            s = self.fresh("s")
            sty = r.choice(["uint32_t", "unsigned short", "unsigned char", "unsigned long long"])
            decls.append(f"{sty} {s} = {self.const_in(0, 1000)};")
            items.append([r.choice([f"{s} += ({sty})g_u[{self.idx(i, v.body)}];",
                                    f"{s} = ({sty})({s} * 3u + (unsigned){i});",
                                    f"{s} ^= ({sty})({i} + 1);"])])
            post.append(self.mix(f"(uint32_t){s}"))
        if self.chance(0.3):
            x, y, t = self.fresh("x"), self.fresh("y"), self.fresh("t")
            decls.append(f"uint32_t {x} = {self.const_in(0, 99)}u, {y} = {self.const_in(0, 99)}u, {t};")
            items.append([f"{t} = {x};", f"{x} = {y};", f"{y} = {t} + (uint32_t){i} * {r.choice([1, 3, 7])}u;"])
            if not lean:
                post.append(self.mix(f"{x} * 3u + {y}"))
            post.append(f"acc += g_u[{y} & 63u];")
        if self.chance(0.2):
            w = self.fresh("w")
            decls.append(f"int *{w} = &g_b[0];")
            items.append([f"if (g_a[{self.idx(i, v.body)}] > {self.const_in(-20, 80)}) *{w}++ = (int)(acc & 1023u);"])
            post += [f"*{w} = -1;", self.mix(f"(uint32_t)({w} - g_b)")]
        for _ in range(r.randint(0, 2)):
            items.append(self.int_uses(v, v.body))
        if depth < 2 and self.chance(0.35 if depth == 0 else 0.15):
            items.append(self.inner(depth + 1))
        # control
        exits = []
        for _ in range(r.choice([0, 0, 1] if lean else [0, 1, 1, 2])):
            exits.append(r.choice([
                f"if (g_a[{self.idx(i, v.body)}] > {self.const_in(20, 140)}) break;",
                f"if ((acc & 15u) == {self.const_in(0, 15)}u) break;",
                f"if ((uint32_t){i} == (uint32_t)k) break;",
                f"if (g_s[{self.idx(i, v.body)}] < {self.const_in(-1000, -700)}) break;",
            ]))
        cont = None
        if self.chance(0.3):
            cont = r.choice([f"(g_u[{self.idx(i, v.body)}] & 7u) == {self.const_in(0, 7)}u",
                             f"(acc & 3u) == 1u"])
        if self.chance(0.1 if lean else 0.2):
            what = r.choice([f"(uint32_t)g_a[{self.idx(i, v.body)}]", f"(uint32_t)({i} * 4 + 3)",
                             f"(uint32_t)({i} != 0)"])
            exits.append(self.early_return(what)[0])
        body = []
        for it in items:
            body.append(it)
        for e in exits:
            body.insert(r.randrange(len(body) + 1), [e])
        if cont is not None:
            body.insert(r.randrange(len(body) + 1), ["CONTINUE"])

        def advance():
            if form == "for":
                return ["continue;"]
            if form == "forever":
                return [f"if (!({cond(nxt)})) break;", f"{incr};", "continue;"]
            if form in ("postdec", "dopostdec"):
                return ["continue;"]
            return [f"{incr};", "continue;"]

        flat = []
        for it in body:
            if it == ["CONTINUE"]:
                flat.append(f"if ({cont}) {{")
                flat += ["  " + s for s in advance()]
                flat.append("}")
            else:
                flat += it
        post_exit = []
        if post and self.chance(0.5):
            post_exit = [post.pop(r.randrange(len(post)))]
        lines = [f"/* counted {form}: {v.ty} {i} */"]
        if form == "for":
            lines.append(f"for (; {cond(i)}; {incr}) {{")
            lines += ["  " + s for s in flat]
            lines.append("}")
            post = post_exit + post
        elif form == "while":
            lines.append(f"while ({cond(i)}) {{")
            lines += ["  " + s for s in flat + [f"{incr};"]]
            lines.append("}")
            post = post_exit + post
        elif form == "postdec":
            lines.append(f"while ({incr}) {{")
            lines += ["  " + s for s in flat]
            lines.append("}")
            post = post_exit + post
        elif form == "dopostdec":
            lines.append("do {")
            lines += ["  " + s for s in flat]
            lines.append(f"}} while ({incr});")
            post = post_exit + post
        elif form == "do":
            lines.append(f"if ({cond(i)}) do {{")
            lines += ["  " + s for s in flat + [f"{incr};"]]
            lines.append(f"}} while ({cond(i)});")
            post = post_exit + post
        else:  # forever: the exit test at the bottom, before the step
            lines.append(f"if ({cond(i)}) for (;;) {{")
            lines += ["  " + s for s in flat]
            lines.append(f"  if (!({cond(nxt)})) {{")
            lines += ["    " + s for s in post_exit]
            lines += ["    break;", "  }", f"  {incr};", "}"]
        if not lean:
            for _ in range(r.randint(1, 3)):
                post += self.int_uses(v, v.post)
        return ["{"] + ["  " + s for s in decls + lines + post] + ["}"]

    # -- list loops ------------------------------------------------------

    def list_walk(self, depth, structural=True):
        """Walks a list with p and the tail pointer pp (*pp == p throughout)."""
        r = self.r
        lst = r.randrange(NL)
        p, pp, c = self.fresh("p"), self.fresh("pp"), self.fresh("c")
        cty = r.choice(["int", "unsigned", "unsigned char", "short", "long long", "unsigned short"])
        step = r.choice([1, 1, 2, 3])
        decls = [f"struct Node *{p} = g_list[{lst}], **{pp} = &g_list[{lst}];", f"{cty} {c} = 0;"]
        items, post = [], []
        for _ in range(r.randint(1, 3)):
            d = self.fresh("d")
            kind = r.randrange(6)
            if kind == 0:
                decls.append(f"uint32_t *{d} = &g_sink_u;")
                items.append([f"{d} = &{p}->val;", f"*{d} += 1u;"])
                post += [self.mix(f"*{d}"), f"*{d} ^= acc;"]
            elif kind == 1:
                decls.append(f"struct Node **{d} = &g_sink_p;")
                items.append([f"{d} = &{p}->next;", self.mix(f"(uint32_t)(*{d} != 0)")])
                post.append(self.mix(f"(uint32_t)(*{d} == 0)"))
            elif kind == 2:
                decls.append(f"short *{d} = &g_sink_s;")
                items.append([f"{d} = &{p}->tag;", self.mix(f"(uint32_t)*{d}")])
                post.append(f"*{d} = (short)(acc & 0xfff);")
            elif kind == 3:
                decls.append(f"int {d} = 0;")
                items.append([f"{d} = {p}->key < k;", f"if ({d}) acc += 5u;"])
                post.append(f"if ({d}) acc ^= 0x4321u;")
            elif kind == 4:
                decls.append(f"unsigned char *{d} = &g_nodes[0].flag;")
                items.append([f"{d} = &{p}->flag;", self.mix(f"(uint32_t)*{d}")])
                post.append(f"*{d} = (unsigned char)(*{d} + 1);")
            else:
                decls.append(f"struct Node *{d} = 0;")
                items.append([f"{d} = {p}->next;"])
                post.append(f"if ({d}) acc += (uint32_t){d}->key;")
        items.append([f"{c} += {step};", self.mix(f"{p}->val")])
        if self.chance(0.3):
            items.append([f"{p}->val = {p}->val * 3u + (uint32_t){c};"])
        if depth < 2 and self.chance(0.3 if depth == 0 else 0.1):
            items.append(self.inner(depth + 1))
        exits = []
        for _ in range(r.choice([0, 1, 1, 2])):
            exits.append(r.choice([
                f"if ({p}->key == k) break;",
                f"if ({p}->key > k) break;",
                f"if (({p}->val & 7u) == {self.const_in(0, 7)}u) break;",
                f"if ({c} == {step * self.const_in(1, 8)}) break;",
                f"if ({p}->tag < {self.const_in(-150, -100)}) break;",
            ]))
        if self.chance(0.2):
            exits.append(self.early_return(r.choice([f"{p}->val", f"(uint32_t){p}->key", f"(uint32_t){c}"]))[0])
        cont = f"{p}->flag & {r.choice([1, 2, 4])}" if self.chance(0.3) else None
        # lean: after the loop only the tail pointer and derived values
        lean = self.chance(0.5)
        if lean:
            exits = exits[:r.choice([0, 0, 1])]
        body = list(items)
        for e in exits:
            body.insert(r.randrange(len(body) + 1), [e])
        if cont:
            body.insert(r.randrange(len(body) + 1), ["CONTINUE"])
        form = r.choice(["for", "while", "forever", "do"])

        def advance():
            if form == "for":
                return ["continue;"]
            if form == "forever":
                return [f"if ({p}->next == 0) break;", f"{pp} = &{p}->next;", f"{p} = *{pp};", "continue;"]
            return [f"{pp} = &{p}->next;", f"{p} = {p}->next;", "continue;"]

        flat = []
        for it in body:
            if it == ["CONTINUE"]:
                flat.append(f"if ({cont}) {{")
                flat += ["  " + s for s in advance()]
                flat.append("}")
            else:
                flat += it
        exit_stmt = []
        if structural and self.chance(0.5):
            # append a free node after the last one, through the derived &p->next
            exit_stmt = [f"if (g_free < NN) {{ struct Node *nn = &g_nodes[g_free++]; nn->next = 0; "
                         f"nn->key = k; {p}->next = nn; }}"]
        lines = [f"/* list walk {form} over g_list[{lst}] */"]
        if form == "for":
            lines.append(f"for (; {p}; {pp} = &{p}->next, {p} = {p}->next) {{")
            lines += ["  " + s for s in flat] + ["}"]
        elif form == "while":
            lines.append(f"while ({p}) {{")
            lines += ["  " + s for s in flat + [f"{pp} = &{p}->next;", f"{p} = {p}->next;"]] + ["}"]
        elif form == "do":
            lines.append(f"if ({p}) do {{")
            lines += ["  " + s for s in flat + [f"{pp} = &{p}->next;"]]
            lines.append(f"}} while (({p} = *{pp}) != 0);")
        else:
            lines.append(f"if ({p}) for (;;) {{")
            lines += ["  " + s for s in flat]
            lines.append(f"  if ({p}->next == 0) {{")
            lines += ["    " + s for s in exit_stmt]
            lines += ["    break;", "  }", f"  {pp} = &{p}->next;", f"  {p} = {p}->next;", "}"]
        post.append(self.mix(f"(uint32_t){c}"))
        if lean:
            if structural:
                post.append(r.choice([
                    f"*{pp} = 0;",
                    f"if (g_free < NN) {{ struct Node *nn = &g_nodes[g_free++]; nn->key = k; nn->next = 0; *{pp} = nn; }}",
                ]))
        else:
            post.append(f"if ({p}) acc += {p}->val + (uint32_t){p}->key; else acc ^= 0x9e37u;")
            post.append(self.mix(f"{p} ? (uint32_t)({p} - g_nodes) : 99u"))
        if structural and not lean:
            post.append(r.choice([
                f"if (g_free < NN) {{ struct Node *nn = &g_nodes[g_free++]; nn->key = k; nn->next = {p}; *{pp} = nn; }}",
                f"if ({p}) *{pp} = {p}->next;",
                f"*{pp} = 0;",
                f"if ({p}) {{ {p}->key = (int)(acc & 127u); {p}->tag = (short){c}; }}",
            ]))
        r.shuffle(post)
        return ["{"] + ["  " + s for s in decls + lines + post] + ["}"]

    def merge(self):
        """SQLite's list merge, and the while (a && b) variant."""
        r = self.r
        la, lb = r.sample(range(NL), 2)
        a, b, fin, pp, st = (self.fresh(x) for x in ("a", "b", "fin", "pp", "st"))
        key = r.choice(["key", "key", "val", "tag"])
        cmp = r.choice(["<=", "<", ">"])
        lines = [f"/* merge g_list[{la}] and g_list[{lb}] by {key} */", "{",
                 f"  struct Node *{a} = g_list[{la}], *{b} = g_list[{lb}], *{fin} = 0, **{pp} = &{fin};",
                 f"  uint32_t {st} = 0;"]
        if self.chance(0.6):
            lines += [f"  if (!{a}) {fin} = {b}; else if (!{b}) {fin} = {a}; else",
                      "  for (;;) {",
                      f"    if ({a}->{key} {cmp} {b}->{key}) {{",
                      f"      *{pp} = {a}; {pp} = &{a}->next; {a} = {a}->next; {st}++;",
                      f"      if ({a} == 0) {{ *{pp} = {b}; break; }}",
                      "    } else {",
                      f"      *{pp} = {b}; {pp} = &{b}->next; {b} = {b}->next; {st} += 2;",
                      f"      if ({b} == 0) {{ *{pp} = {a}; break; }}",
                      "    }"]
            if self.chance(0.3):
                lines.append(f"    if ({st} == {self.const_in(3, 20)}u) {{ *{pp} = {a}; break; }}")
            lines.append("  }")
        else:
            lim = f" && {st} < {self.const_in(2, 30)}u" if self.chance(0.4) else ""
            lines += [f"  while ({a} && {b}{lim}) {{",
                      f"    if ({a}->{key} {cmp} {b}->{key}) {{ *{pp} = {a}; {pp} = &{a}->next; {a} = {a}->next; }}",
                      f"    else {{ *{pp} = {b}; {pp} = &{b}->next; {b} = {b}->next; }}",
                      f"    {st}++;",
                      "  }",
                      f"  *{pp} = {a} ? {a} : {b};"]
        lines += [f"  g_list[{la}] = {fin};", f"  g_list[{lb}] = 0;",
                  "  " + self.mix(st),
                  "  " + self.mix(f"(uint32_t)({pp} == &{fin})"),
                  f"  if ({fin}) acc += (uint32_t){fin}->key;",
                  "}"]
        return lines

    def reverse(self):
        r = self.r
        lst = r.randrange(NL)
        prev, p, nx, c = (self.fresh(x) for x in ("prev", "p", "nx", "c"))
        lines = [f"/* reverse g_list[{lst}] */", "{",
                 f"  struct Node *{prev} = 0, *{p} = g_list[{lst}], *{nx};", f"  uint32_t {c} = 0;"]
        if self.chance(0.5):
            brk = f"    if ({c} == {self.const_in(1, 10)}u) break;" if self.chance(0.4) else None
            lines += [f"  while ({p}) {{",
                      f"    {nx} = {p}->next;", f"    {p}->next = {prev};",
                      f"    {prev} = {p};", f"    {p} = {nx};", f"    {c}++;"]
            if brk:
                lines.append(brk)
            lines += ["  }", f"  g_list[{lst}] = {prev};",
                      f"  if ({p}) g_list[{r.choice([x for x in range(NL) if x != lst])}] = {p};"]
        else:
            # the exit at the bottom stores through the current node
            lines += [f"  if ({p}) for (;;) {{",
                      f"    {nx} = {p}->next;", f"    {p}->next = {prev};", f"    {c} += 3;",
                      f"    if ({nx} == 0) {{ g_list[{lst}] = {p}; {p}->val ^= {c}; break; }}",
                      f"    {prev} = {p};", f"    {p} = {nx};", "  }"]
        lines += [f"  if ({prev}) acc += {prev}->val + (uint32_t){prev}->key;",
                  f"  if ({p}) acc ^= (uint32_t){p}->tag;",
                  "  " + self.mix(c), "}"]
        return lines

    def partition(self):
        r = self.r
        l1, l2 = r.sample(range(NL), 2)
        h1, h2, t1, t2, p, nx, c = (self.fresh(x) for x in ("h", "h", "t", "t", "p", "nx", "c"))
        pred = r.choice([f"{p}->key < k", f"({p}->val & 1u) != 0", f"{p}->tag > 0"])
        lim = self.const_in(2, 30)
        early = self.chance(0.35)
        lines = [f"/* partition g_list[{l1}] into g_list[{l1}] and g_list[{l2}] */", "{",
                 f"  struct Node *{h1} = 0, *{h2} = 0, **{t1} = &{h1}, **{t2} = &{h2}, *{p} = g_list[{l1}], *{nx};",
                 f"  uint32_t {c} = 0;",
                 f"  while ({p}{f' && {c} < {lim}u' if early else ''}) {{",
                 f"    {nx} = {p}->next;",
                 f"    if ({pred}) {{ *{t1} = {p}; {t1} = &{p}->next; }}",
                 f"    else {{ *{t2} = {p}; {t2} = &{p}->next; {c}++; }}",
                 f"    {p} = {nx};",
                 f"    {c}++;", "  }",
                 f"  *{t1} = {p};" if early else f"  *{t1} = 0;",
                 f"  *{t2} = 0;",
                 f"  g_list[{l1}] = {h1};", f"  g_list[{l2}] = {h2};",
                 "  " + self.mix(c),
                 "  " + self.mix(f"(uint32_t)({t1} == &{h1}) + 2u * (uint32_t)({t2} == &{h2})"),
                 "}"]
        return lines

    def swap_lists(self):
        """Two list pointers that trade places every pass."""
        la, lb = self.r.sample(range(NL), 2)
        p1, p2, t, c = (self.fresh(x) for x in ("p", "q", "t", "c"))
        return [f"/* alternate g_list[{la}] and g_list[{lb}] */", "{",
                f"  struct Node *{p1} = g_list[{la}], *{p2} = g_list[{lb}], *{t};",
                f"  uint32_t {c} = 0;",
                f"  while ({p1} && {p2}) {{",
                "    " + self.mix(f"{p1}->val"),
                f"    {t} = {p1}->next; {p1} = {p2}; {p2} = {t}; {c}++;",
                f"    if ({c} == {self.const_in(1, 30)}u) break;" if self.chance(0.4) else "",
                "  }",
                f"  if ({p1}) acc += (uint32_t){p1}->key * 7u;",
                f"  if ({p2}) acc ^= {p2}->val;",
                "  " + self.mix(c), "}"]

    # -- pointers into arrays ---------------------------------------------

    def pair_walk(self, depth):
        """A pointer into g_pairs from lo to hi (hi <= 47), stepping by 1..5."""
        r = self.r
        q, e, c = self.fresh("q"), self.fresh("e"), self.fresh("c")
        lo, lrng = r.choice([(str(self.const_in(0, 7)), None), ("(int)(m & 7u)", (0, 7))])
        if lrng is None:
            lrng = (int(lo), int(lo))
        hi = r.choice([f"{lo} + n", str(self.const_in(lrng[1], 47)), f"{lo} + (k & 31)"])
        step = r.choice([1, 1, 2, 3, 5])
        # indices q takes: [lo, 47 + step - 1] at most
        qrng = (lrng[0], 47 + step - 1)
        decls = [f"struct Pair *{q} = &g_pairs[{lo}], *{e} = &g_pairs[{hi}];", f"uint32_t {c} = 0;"]
        items, post = [], []
        for _ in range(r.randint(1, 2)):
            d = self.fresh("d")
            kind = r.randrange(4)
            if kind == 0:
                decls.append(f"short *{d} = &g_sink_s;")
                items.append([f"{d} = &{q}->b;", self.mix(f"(uint32_t)*{d}")])
                post.append(f"*{d} = (short)(acc & 0x3ff);")
            elif kind == 1:
                decls.append(f"struct Pair *{d} = &g_pairs[0];")
                items.append([f"{d} = {q} + {r.choice([1, 2, 3])};", self.mix(f"{d}->d")])
                post.append(f"{d}->d ^= acc;")
            elif kind == 2:
                decls.append(f"uint32_t *{d} = &g_sink_u;")
                items.append([f"{d} = &{q}->d;", f"*{d} += 1u;"])
                post.append(self.mix(f"*{d}"))
            else:
                decls.append(f"int {d} = 0;")
                items.append([f"{d} = {q} != &g_pairs[{lo}];", self.mix(f"(uint32_t){d}")])
                post.append(f"if ({d}) acc += 99u;")
        items.append([self.mix(f"(uint32_t){q}->a + (uint32_t){q}->b"), f"{c}++;"])
        if depth < 2 and self.chance(0.2):
            items.append(self.inner(depth + 1))
        exits = [r.choice([f"if ({q}->a == k) break;", f"if ({q}->b > {self.const_in(100, 240)}) break;",
                           f"if (({q}->d & 15u) == {self.const_in(0, 15)}u) break;"])
                 for _ in range(r.choice([0, 1, 1, 2]))]
        if self.chance(0.15):
            exits.append(self.early_return(f"(uint32_t){q}->b")[0])
        body = list(items)
        for x in exits:
            body.insert(r.randrange(len(body) + 1), [x])
        flat = [s for it in body for s in it]
        form = r.choice(["while", "for", "forever"])
        lines = [f"/* pair walk {form} */"]
        if form == "while":
            lines += [f"while ({q} < {e}) {{"] + ["  " + s for s in flat + [f"{q} += {step};"]] + ["}"]
        elif form == "for":
            lines += [f"for (; {q} < {e}; {q} += {step}) {{"] + ["  " + s for s in flat] + ["}"]
        else:
            lines += [f"if ({q} < {e}) for (;;) {{"] + ["  " + s for s in flat]
            lines += [f"  if ({q} + {step} >= {e}) {{", f"    {q}->c = (unsigned char){c};", "    break;", "  }",
                      f"  {q} += {step};", "}"]
        post += [self.mix(f"(uint32_t)({q} - g_pairs)"),
                 r.choice([self.mix(f"{q}->d"), self.mix(f"(uint32_t){q}[1].b"), f"{q}[2].c = (unsigned char)acc;"]),
                 f"if ({q} < {e}) {q}->d += acc;",
                 self.mix(c)]
        r.shuffle(post)
        assert qrng[1] + 3 < NA + 8
        return ["{"] + ["  " + s for s in decls + lines + post] + ["}"]

    def char_loop(self, depth):
        """A char pointer into g_buf (NUL-terminated by index 100)."""
        r = self.r
        s, d, c, last = self.fresh("s"), self.fresh("o"), self.fresh("c"), self.fresh("l")
        off = r.choice([str(self.const_in(0, 95)), "m * 5u", "k", "n + 20"])
        ch = f"'{chr(ord('a') + r.randrange(26))}'"
        kind = r.randrange(5)
        lines = ["{", f"  const unsigned char *{s} = g_buf + {off}, *{last} = g_buf;", f"  uint32_t {c} = 0;"]
        if kind == 0:
            lines += [f"  while (*{s} && *{s} != {ch}) {{ {last} = {s} + 1; {s}++; {c}++; }}"]
        elif kind == 1:
            lines += [f"  for (; *{s}; {s}++) {{",
                      f"    if (*{s} == {ch}) continue;",
                      f"    {last} = {s};",
                      "    " + self.mix(f"(uint32_t)*{s}"),
                      f"    if ((acc & 31u) == {self.const_in(0, 31)}u) break;",
                      f"    {c} += 2;", "  }"]
        elif kind == 2:
            # copy until NUL or ch; the destination pointer is a phi too
            doff = self.const_in(0, 27)
            lines += [f"  unsigned char *{d} = g_out + {doff};",
                      f"  while ((*{d} = *{s}) != 0) {{",
                      f"    if (*{s} == {ch}) break;",
                      f"    {last} = {s};",
                      f"    {d}++; {s}++; {c}++;", "  }",
                      f"  {d}[1] = (unsigned char)(acc | 1u);",
                      "  " + self.mix(f"(uint32_t)({d} - g_out)")]
        elif kind == 3:
            # backwards from an end in (0, 100]
            end = r.choice([str(self.const_in(1, 100)), "n + 10", "k + 1"])
            lines = ["{", f"  const unsigned char *{s} = g_buf + {end}, *{last} = g_buf;", f"  uint32_t {c} = 0;",
                     f"  while ({s} > g_buf && {s}[-1] != {ch}) {{ {last} = {s} - 1; {s}--; {c}++; }}",
                     f"  if ({s} > g_buf) acc += (uint32_t){s}[-1];"]
        else:
            # the branch reads the pointer it increments
            lines += [f"  do {{ {last} = {s}; acc = acc * 5u + *{s}; {c}++; }} while (*{s}++ != 0);",
                      "  " + self.mix(f"(uint32_t){s}[-1]")]
        lines += ["  " + self.mix(f"(uint32_t)({s} - g_buf)"),
                  "  " + self.mix(f"(uint32_t)*{s} + (uint32_t){s}[1] * 3u + (uint32_t){s}[{self.const_in(2, 7)}]"),
                  "  " + self.mix(f"(uint32_t)*{last}"),
                  "  " + self.mix(c), "}"]
        return lines

    def grid(self, depth):
        """Nested loops over g_arr with a break out of both."""
        r = self.r
        i, j, f, cell = self.fresh("i"), self.fresh("j"), self.fresh("f"), self.fresh("cell")
        ity = r.choice(["int", "unsigned char", "short", "unsigned", "long long"])
        jty = r.choice(["int", "unsigned short", "signed char", "unsigned", "unsigned long long"])
        j0 = self.const_in(0, 5)
        jb = r.choice([str(self.const_in(8, 60)), "n + 8", "k"])
        st = r.choice([1, 1, 2, 3])
        t = self.const_in(500, 700)
        use_goto = self.chance(0.4)
        out = self.fresh("out")
        hit = "goto " + out + ";" if use_goto else f"{{ {f} = 1; break; }}"
        lines = ["{", f"  {ity} {i};", f"  {jty} {j} = 0;", f"  int {f} = 0;",
                 f"  int *{cell} = &g_arr[0][1];",
                 f"  for ({i} = 0; {i} < ROWS; {i}++) {{",
                 f"    for ({j} = {j0}; {j} < {jb}; {j} += {st}) {{",
                 f"      {cell} = &g_arr[{i}][{j} + 1];",
                 f"      if (*{cell} > {t}) {hit}",
                 "      " + self.mix(f"(uint32_t)g_arr[{i}][{j}]"),
                 f"      if ({cell}[1] == {self.const_in(-300, 0)}) {hit}",
                 "    }",
                 f"    if ({f}) break;" if not use_goto else "",
                 "    " + self.mix(f"(uint32_t){j}"),
                 "  }",
                 f"  {out}: ;" if use_goto else "",
                 f"  if ({i} < ROWS && {j} < 64) acc += (uint32_t)g_arr[{i}][{j}];",
                 "  " + self.mix(f"(uint32_t)({i} * 64 + {j})"),
                 f"  *{cell} += 1;",
                 "  " + self.mix(f"(uint32_t){cell}[-1]"),
                 "}"]
        return [x for x in lines if x]

    def swap_ptrs(self):
        """Two pointers into g_a that trade places (and move) every pass."""
        pa, pb, t, c = (self.fresh(x) for x in ("pa", "pb", "t", "c"))
        l1, l2 = self.const_in(0, 10), self.const_in(0, 10)
        return ["{", f"  int *{pa} = &g_a[{l1}], *{pb} = &g_a[{l2}], *{t};", f"  int {c};",
                f"  for ({c} = 0; {c} < n; {c}++) {{",
                f"    {t} = {pa}; {pa} = {pb} + 1; {pb} = {t};",
                "    " + self.mix(f"(uint32_t)*{pa}"),
                f"    if (*{pa} > {self.const_in(60, 150)}) break;", "  }",
                f"  *{pb} += 1;",
                "  " + self.mix(f"(uint32_t)({pa} - g_a) * 3u + (uint32_t)({pb} - g_a)"),
                "  " + self.mix(f"(uint32_t){pa}[1]"),
                "}"]

    def inner(self, depth):
        """A loop to nest in another one (it leaves the lists' shape alone)."""
        k = self.r.choice(["counted", "counted", "list", "char", "pair"])
        if k == "counted":
            return self.counted(depth)
        if k == "list":
            return self.list_walk(depth, structural=False)
        if k == "char":
            return self.char_loop(depth)
        return self.pair_walk(depth)

    def top(self):
        r = self.r
        k = r.choices(["counted", "list", "merge", "reverse", "partition", "swap_lists", "pair", "char",
                       "grid", "swap_ptrs"],
                      weights=[6, 5, 2, 1, 1, 1, 2, 2, 1, 1])[0]
        if k == "counted":
            return self.counted(0)
        if k == "list":
            return self.list_walk(0)
        if k == "merge":
            return self.merge()
        if k == "reverse":
            return self.reverse()
        if k == "partition":
            return self.partition()
        if k == "swap_lists":
            return self.swap_lists()
        if k == "pair":
            return self.pair_walk(0)
        if k == "char":
            return self.char_loop(0)
        if k == "grid":
            return self.grid(0)
        return self.swap_ptrs()

    def function(self):
        lines = [f"__attribute__((noinline)) uint32_t {self.name}(int n, int k, unsigned m) {{",
                 f"  uint32_t acc = {self.r.randrange(1 << 32)}u;"]
        for _ in range(self.r.randint(1, 3)):
            lines += ["  " + s for s in self.top() if s]
        lines += ["  return acc;", "}"]
        return lines


def generate(seed):
    """The C program of one seed."""
    r = random.Random(seed)
    out = [f"/* fuzz-loops.py program, seed {seed} */", PRELUDE]
    names = [f"f{i}" for i in range(r.randint(3, 6))]
    for name in names:
        out += FuncGen(r, name).function()
        out.append("")
    out += ["int main(void) {", "  uint32_t total = 0, r;"]
    for name in names:
        for _ in range(2):
            n, k, m = (r.randint(*PARAMS[p]) for p in ("n", "k", "m"))
            salt = r.randrange(1 << 32)
            out += [f"  reset({salt}u);",
                    f"  r = {name}({n}, {k}, {m}u);",
                    f"  printf(\"{name}({n}, {k}, {m}) = %u, state %u\\n\", r, state_hash());",
                    "  total = total * 31u + r;"]
    out += ["  printf(\"total %u\\n\", total);", "  printf(\"done\\n\");", "  return 0;", "}", ""]
    return "\n".join(out)


# --- the harness ----------------------------------------------------------

def run(cmd, timeout, cwd, env=None):
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=timeout, env=env,
                           stdin=subprocess.DEVNULL)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return None, b"", b"timeout"


def first_line(data, default):
    lines = data.decode(errors="replace").strip().splitlines()
    return lines[0] if lines else default


def first_difference(a, b):
    la, lb = a.decode(errors="replace").splitlines(), b.decode(errors="replace").splitlines()
    for n, (x, y) in enumerate(zip(la, lb)):
        if x != y:
            return f"line {n + 1}: {x!r} vs {y!r}"
    if len(la) != len(lb):
        return f"{len(la)} vs {len(lb)} lines"
    return "same lines"


def one(seed, levels, args):
    d = os.path.join(args.work, str(seed))
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    with open(os.path.join(d, "p.c"), "w") as f:
        f.write(generate(seed))
    env = dict(os.environ, TOYC_VERIFY_MIR="1", NODE_NO_WARNINGS="1")
    node = ["node", "--no-warnings", RUNNER]
    results = []
    for level in levels:
        cflags = ["--target=wasm32-wasi", "--sysroot=/usr", "-w", f"-{level}"]
        ref, ll, out = f"ref.{level}.wasm", f"p.{level}.ll", f"toyc.{level}.wasm"
        repeat = (f"cd {shlex.quote(d)}\n"
                  f"clang-19 {' '.join(cflags)} p.c -o {ref}\n"
                  f"clang-19 {' '.join(cflags)} -S -emit-llvm p.c -o {ll}\n"
                  f"TOYC_VERIFY_MIR=1 {shlex.quote(args.toyc)} build {ll} -o {out}\n"
                  f"wasm-validate {out}\n"
                  f"{' '.join(node)} {ref} > ref.{level}.out; echo \"status $?\" >> ref.{level}.out\n"
                  f"{' '.join(node)} {out} > toyc.{level}.out; echo \"status $?\" >> toyc.{level}.out\n"
                  f"diff ref.{level}.out toyc.{level}.out\n")

        def keep(kind, why):
            results.append((seed, level, kind, why))
            with open(os.path.join(d, f"repeat.{level}.sh"), "w") as f:
                f.write("#!/bin/sh\n# " + f"{kind}: {why}\n" + repeat)
            os.chmod(os.path.join(d, f"repeat.{level}.sh"), 0o755)

        rc, _, err = run(["clang-19", *cflags, "p.c", "-o", ref], 120, d)
        if rc != 0:
            keep("bad-program", "reference build failed: " + first_line(err, f"status {rc}"))
            continue
        ref_rc, ref_out, ref_err = run(node + [ref], args.timeout, d)
        if ref_rc is None or not ref_out.endswith(b"\ndone\n"):
            keep("bad-program", "reference timed out" if ref_rc is None else
                 f"reference did not print `done` (status {ref_rc}): " + first_line(ref_err, ""))
            continue
        rc, _, err = run(["clang-19", *cflags, "-S", "-emit-llvm", "p.c", "-o", ll], 120, d)
        if rc != 0:
            keep("bad-program", "IR build failed: " + first_line(err, f"status {rc}"))
            continue
        rc, _, err = run([args.toyc, "build", ll, "-o", out], 120, d, env)
        if rc != 0:
            kind = "unsupported" if rc == 1 and b"unsupported" in err else "build-fail"
            keep(kind, "toyc: " + first_line(err, "timeout" if rc is None else f"status {rc}"))
            continue
        rc, vout, verr = run(["wasm-validate", out], 60, d)
        if rc != 0:
            keep("build-fail", "wasm-validate: " + first_line(verr + vout, f"status {rc}"))
            continue
        got_rc, got_out, got_err = run(node + [out], args.timeout * 3, d)
        if (got_rc, got_out) != (ref_rc, ref_out):
            keep("mismatch", f"status {ref_rc} vs {got_rc}, " + first_difference(ref_out, got_out))
            continue
        results.append((seed, level, "ok", ""))
        for f in (ref, out):
            os.remove(os.path.join(d, f))
    bad = any(r[2] in ("build-fail", "mismatch", "bad-program") for r in results)
    if bad:
        dest = os.path.join(args.work, "failures", str(seed))
        shutil.rmtree(dest, ignore_errors=True)
        shutil.move(d, dest)
        # the repeat scripts name the directory they were written in
        for name in os.listdir(dest):
            if name.startswith("repeat."):
                path = os.path.join(dest, name)
                with open(path) as f:
                    text = f.read().replace(f"cd {shlex.quote(d)}\n", f"cd {shlex.quote(dest)}\n")
                with open(path, "w") as f:
                    f.write(text)
    else:
        shutil.rmtree(d, ignore_errors=True)
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--toyc", help="toyc binary (required unless --print)")
    ap.add_argument("--seeds", default="1-100", help="a range, e.g. 1-200")
    ap.add_argument("--levels", default="O0,O2")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=float, default=10, help="seconds for the reference to run")
    ap.add_argument("--work", default=None)
    ap.add_argument("--print", type=int, metavar="SEED", help="write the program of SEED to stdout and stop")
    args = ap.parse_args()
    if args.print is not None:
        sys.stdout.write(generate(args.print))
        return 0
    if not args.toyc:
        ap.error("--toyc is required")
    for tool in ("clang-19", "node", "wasm-validate"):
        if not shutil.which(tool):
            sys.exit(f"fuzz-loops: {tool} is not on PATH")
    args.toyc = os.path.abspath(args.toyc)
    args.work = os.path.abspath(args.work or tempfile.mkdtemp(prefix="fuzz-loops-"))
    os.makedirs(os.path.join(args.work, "failures"), exist_ok=True)
    lo, _, hi = args.seeds.partition("-")
    seeds = range(int(lo), int(hi or lo) + 1)
    levels = args.levels.split(",")
    counts = {}
    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        for results in pool.map(lambda s: one(s, levels, args), seeds):
            for seed, level, kind, why in results:
                counts[kind] = counts.get(kind, 0) + 1
                if kind != "ok":
                    print(f"{seed} {level}: {kind} {why}", flush=True)
    for kind in ("ok", "mismatch", "build-fail", "bad-program", "unsupported"):
        counts.setdefault(kind, 0)
    print(" ".join(f"{k}={counts[k]}" for k in ("ok", "mismatch", "build-fail", "bad-program", "unsupported")),
          f"(seeds {seeds.start}-{seeds.stop - 1}, levels {args.levels}, work: {args.work})")
    return 1 if counts["build-fail"] or counts["mismatch"] or counts["bad-program"] else 0


if __name__ == "__main__":
    sys.exit(main())
