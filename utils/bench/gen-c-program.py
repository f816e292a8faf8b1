#!/usr/bin/env python3
"""Generate a large, deterministic multi-file C program for link benchmarks.

    gen-c-program.py OUTDIR [--files N] [--funcs M] [--seed S]

Writes OUTDIR/f0000.c .. f{N-1}.c (M exported functions each) and OUTDIR/main.c.
The program is valid C (compiles with clang-19 --target=wasm32-wasi -O2
-Wall without errors), terminates quickly and prints a deterministic checksum
per file, so two correctly linked modules must print the same text.

What the code exercises in a linker:
  * calls across files (each function calls up to 2 functions with a lower
    global index, in other files or earlier in the same file: the call graph
    is acyclic and the recursion depth is bounded by an argument);
  * exported globals (int arrays) read and written from other files;
  * a function pointer table per file (data relocations to function table
    slots), indexed from other files too;
  * string literals and const string tables (.rodata, merged segments);
  * static helpers (local symbols), a constructor every 10 files (init_array);
  * libc calls: printf, snprintf, memcpy, memset, strlen, strcmp, qsort,
    malloc, free.
Every function is reachable from main (through the per-file tables), so
--gc-sections keeps all of them.

Unsigned arithmetic only: no signed overflow, no undefined behaviour; no
value printed depends on an address, so the output does not depend on the
layout the linker chose.
"""
import argparse
import os
import random

WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
         "hotel", "india", "juliet", "kilo", "lima", "mike", "november",
         "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform",
         "victor", "whiskey", "xray", "yankee", "zulu"]

GLOBAL_LEN = 64  # elements of each file's exported array g_<k>


def fname(k, j):
    return f"f{k}_{j}"


def gen_file(k, nfiles, nfuncs, rng):
    """Return the text of file k."""
    out = []
    externs_fn = set()      # (k', j') called directly
    externs_tab = set()     # k' whose table tab_<k'> we index
    externs_glob = set()    # k' whose global g_<k'> we use
    bodies = []

    nstr = 8
    strings = []
    for s in range(nstr):
        w = rng.sample(WORDS, 3)
        strings.append(f"{w[0]}-{w[1]}-{w[2]}-{k}-{s}")

    for j in range(nfuncs):
        gid = k * nfuncs + j
        b = []
        b.append(f"unsigned {fname(k, j)}(unsigned x, unsigned d) {{")
        c1 = rng.randrange(1, 1 << 30) | 1
        c2 = rng.randrange(1, 1 << 16)
        b.append(f"  unsigned r = x * {c1}u + {c2}u;")
        b.append(f"  g_{k}[(x + {j}u) % {GLOBAL_LEN}u] += r;")
        b.append("  (void)d;")
        # Up to two direct calls to functions with a lower global index.
        if gid > 0:
            ncalls = rng.choice((1, 2, 2))
            for _ in range(ncalls):
                # Prefer other files (cross-object relocations).
                if k > 0 and rng.random() < 0.8:
                    kk = rng.randrange(0, k)
                    jj = rng.randrange(0, nfuncs)
                elif j > 0:
                    kk, jj = k, rng.randrange(0, j)
                else:
                    continue
                if kk != k:
                    externs_fn.add((kk, jj))
                b.append(f"  if (d) r ^= {fname(kk, jj)}(r >> 3, d - 1u);")
        kind = j % 8
        if kind == 0:
            b.append("  char buf[48];")
            b.append(f"  size_t n = strlen(s_{k}[x % {nstr}u]);")
            b.append(f"  memcpy(buf, s_{k}[x % {nstr}u], n + 1);")
            b.append("  r += (unsigned char)buf[n / 2] + (unsigned)n;")
        elif kind == 1:
            b.append("  unsigned n = 4u + x % 13u;")
            b.append("  unsigned *p = malloc(n * sizeof *p);")
            b.append("  if (!p) return r;")
            b.append("  for (unsigned i = 0; i < n; i++) p[i] = (r ^ (i * 2654435761u)) >> 7;")
            b.append(f"  qsort(p, n, sizeof *p, cmp_{k});")
            b.append("  r += p[0] ^ p[n - 1];")
            b.append("  free(p);")
        elif kind == 2 and k > 0:
            kk = rng.randrange(0, k)
            externs_tab.add(kk)
            b.append(f"  if (d) r += tab_{kk}[r % {nfuncs}u](x + {j}u, d - 1u);")
        elif kind == 3 and k > 0:
            kk = rng.randrange(0, k)
            externs_glob.add(kk)
            b.append(f"  r += g_{kk}[r % {GLOBAL_LEN}u];")
            b.append(f"  g_{kk}[x % {GLOBAL_LEN}u] ^= r;")
        elif kind == 4:
            b.append("  char buf[64];")
            b.append(f"  int n = snprintf(buf, sizeof buf, \"%u:%s\", x, s_{k}[r % {nstr}u]);")
            b.append("  r += n > 0 ? (unsigned)n : 0u;")
        elif kind == 5:
            b.append(f"  r += mix_{k}(r, x);")
            b.append(f"  if (strcmp(s_{k}[x % {nstr}u], \"{strings[j % nstr]}\") == 0) r += 7u;")
        elif kind == 6:
            b.append("  unsigned char m[32];")
            b.append("  memset(m, (int)(r & 0xff), sizeof m);")
            b.append(f"  r += m[x % 32u] + (unsigned)local_{k}[x % 4u];")
        else:
            b.append(f"  r = mix_{k}(r, {c2}u);")
        b.append("  return r;")
        b.append("}")
        bodies.append("\n".join(b))

    out.append(f"/* generated by gen-c-program.py: file {k} of {nfiles} */")
    out.append("#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n")
    out.append("typedef unsigned (*fn_t)(unsigned, unsigned);")
    out.append(f"unsigned g_{k}[{GLOBAL_LEN}];")
    for kk in sorted(externs_glob):
        out.append(f"extern unsigned g_{kk}[{GLOBAL_LEN}];")
    for kk in sorted(externs_tab):
        out.append(f"extern fn_t const tab_{kk}[{nfuncs}];")
    for (kk, jj) in sorted(externs_fn):
        out.append(f"unsigned {fname(kk, jj)}(unsigned, unsigned);")
    out.append("")
    out.append(f"static const char *const s_{k}[{nstr}] = {{")
    out.append(",\n".join(f'  "{s}"' for s in strings))
    out.append("};")
    out.append(f"static const unsigned short local_{k}[4] = "
               f"{{{', '.join(str(rng.randrange(65536)) for _ in range(4))}}};")
    out.append(f"static int cmp_{k}(const void *a, const void *b) {{")
    out.append("  unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;")
    out.append("  return (x > y) - (x < y);")
    out.append("}")
    out.append(f"__attribute__((noinline)) static unsigned mix_{k}(unsigned a, unsigned b) {{")
    out.append(f"  return (a ^ (b << 5) ^ (b >> 2)) * {rng.randrange(1, 1 << 30) | 1}u;")
    out.append("}")
    # Forward declarations of this file's functions for intra-file calls.
    for j in range(nfuncs):
        out.append(f"unsigned {fname(k, j)}(unsigned, unsigned);")
    out.append("")
    out.extend(bodies)
    out.append("")
    out.append(f"fn_t const tab_{k}[{nfuncs}] = {{")
    out.append(",\n".join(f"  {fname(k, j)}" for j in range(nfuncs)))
    out.append("};")
    if k % 10 == 0:
        out.append(f"__attribute__((constructor)) static void init_{k}(void) {{")
        out.append(f"  for (unsigned i = 0; i < {GLOBAL_LEN}u; i++) g_{k}[i] = i * {k + 1}u;")
        out.append("}")
    out.append(f"unsigned entry_{k}(unsigned d) {{")
    out.append("  unsigned acc = 0;")
    out.append(f"  for (unsigned i = 0; i < {nfuncs}u; i++) acc += tab_{k}[i](i + acc % 97u, d);")
    out.append(f"  for (unsigned i = 0; i < {GLOBAL_LEN}u; i++) acc ^= g_{k}[i] + i;")
    out.append(f"  printf(\"file {k}: %u %s\\n\", acc, s_{k}[acc % {nstr}u]);")
    out.append("  return acc;")
    out.append("}")
    return "\n".join(out) + "\n"


def gen_main(nfiles):
    out = ["/* generated by gen-c-program.py */", "#include <stdio.h>", ""]
    for k in range(nfiles):
        out.append(f"unsigned entry_{k}(unsigned);")
    out.append("")
    out.append("int main(void) {")
    out.append("  unsigned total = 0;")
    for k in range(nfiles):
        out.append(f"  total += entry_{k}(2u);")
    out.append('  printf("total: %u\\n", total);')
    out.append("  return 0;")
    out.append("}")
    return "\n".join(out) + "\n"


def write_if_changed(path, text):
    """Keep the mtime of unchanged files so make-style caches stay valid."""
    try:
        with open(path) as f:
            if f.read() == text:
                return
    except FileNotFoundError:
        pass
    with open(path, "w") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--funcs", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    if a.files < 1 or a.funcs < 1:
        ap.error("--files and --funcs must be at least 1")
    os.makedirs(a.outdir, exist_ok=True)
    rng = random.Random(a.seed)
    for k in range(a.files):
        write_if_changed(os.path.join(a.outdir, f"f{k:04d}.c"),
                         gen_file(k, a.files, a.funcs, rng))
    write_if_changed(os.path.join(a.outdir, "main.c"), gen_main(a.files))


if __name__ == "__main__":
    main()
