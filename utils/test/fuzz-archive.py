#!/usr/bin/env python3
"""Links hello world against corrupted copies of an archive (wasi-libc's
libc.a by default) and checks that toyc never crashes, hangs, writes an
invalid module or leaves an output behind: every run is a module that
validates or one clear error (exit 1) naming the input.

Usage: fuzz-archive.py --toyc BIN --object hello.o [--archive libc.a]
                       [--count N] [--seed S] [--work DIR]
Prints a summary line; exits 1 if any run failed the rules."""
import argparse
import os
import random
import subprocess
import sys

ap = argparse.ArgumentParser()
ap.add_argument("--toyc", required=True)
ap.add_argument("--object", required=True)
ap.add_argument("--archive", default="/usr/lib/wasm32-wasi/libc.a")
ap.add_argument("--crt1", default="/usr/lib/wasm32-wasi/crt1-command.o")
ap.add_argument("--count", type=int, default=150)
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("--work", default=".")
args = ap.parse_args()

rng = random.Random(args.seed)
data = open(args.archive, "rb").read()
os.makedirs(args.work, exist_ok=True)
corrupt, out = os.path.join(args.work, "corrupt.a"), os.path.join(args.work, "out.wasm")
counts = {k: 0 for k in ("valid", "error", "crash", "hang", "invalid", "leftover", "unclear")}
failures = []
for i in range(args.count):
    b = bytearray(data)
    kind = i % 3
    if kind == 0:  # overwrite a few bytes (headers, index, member contents)
        for _ in range(rng.randint(1, 8)):
            b[rng.randrange(len(b))] = rng.randrange(256)
    elif kind == 1:  # flip single bits
        for _ in range(rng.randint(1, 4)):
            p = rng.randrange(len(b))
            b[p] ^= 1 << rng.randrange(8)
    else:  # truncate
        b = b[: rng.randrange(8, len(b))]
    open(corrupt, "wb").write(b)
    if os.path.exists(out):
        os.remove(out)
    cmd = [args.toyc, "link", args.crt1, args.object, corrupt, "-o", out]
    try:
        r = subprocess.run(cmd, capture_output=True, timeout=20)
    except subprocess.TimeoutExpired:
        counts["hang"] += 1
        failures.append((i, "hang", ""))
        continue
    err = r.stderr.decode(errors="replace")
    if r.returncode == 0:
        ok = subprocess.run(["wasm-validate", out], capture_output=True).returncode == 0
        kind = "valid" if ok else "invalid"
    elif r.returncode == 1:
        if os.path.exists(out):
            kind = "leftover"
        elif "toyc: error: " in err and ("corrupt.a" in err or "undefined symbol" in err or "entry symbol" in err):
            # Names the corrupted archive or member, or what a damaged
            # index or symbol table left unresolved.
            kind = "error"
        else:
            kind = "unclear"
    else:
        kind = "crash"
    counts[kind] += 1
    if kind not in ("valid", "error"):
        keep = os.path.join(args.work, "failure-%d.a" % i)
        open(keep, "wb").write(b)
        failures.append((i, kind, err[-400:]))

print("runs: %d valid: %d errors: %d" % (args.count, counts["valid"], counts["error"]))
print("crashes: %d hangs: %d invalid: %d leftover: %d unclear: %d"
      % (counts["crash"], counts["hang"], counts["invalid"], counts["leftover"], counts["unclear"]))
for f in failures[:10]:
    print("failure:", f)
sys.exit(1 if failures else 0)
