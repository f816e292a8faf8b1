#!/usr/bin/env python3
"""Robustness test for `toyc build` on damaged LLVM IR.

Takes LLVM IR made by clang-19 from a real C program (text, and the same
module as bitcode), makes N damaged copies with a fixed seed and builds each
with `toyc build <copy> -o out.wasm`. Text copies get line-level damage (a
line deleted, duplicated, moved, or a token replaced by another type, value,
name or number), so most of them still parse and reach the verifier or the
backend; bitcode copies get bytes flipped, runs zeroed or the file cut.

Every result is put in one class:

  ok-valid     exit 0, and the output passes wasm-validate
  clean-error  exit 1, no output left, and stderr begins with a diagnostic
               line: "<file>[:line[:col]]: error: ..." or "toyc: error: ..."
  crash        killed by a signal, or an exit status other than 0 and 1
  hang         still running after --timeout seconds
  invalid      exit 0 but no output, or the output fails wasm-validate
  leftover     exit 1 but a file was left in the output directory
  unclear      exit 1 without an error line first

The run fails (exit status 1) when any crash, hang, invalid, leftover or
unclear result occurs; the failing inputs are copied to <work>/failures/.

Python 3 standard library only.
"""

import argparse
import concurrent.futures
import os
import random
import re
import shutil
import subprocess
import sys

BAD = ("crash", "hang", "invalid", "leftover", "unclear")

TYPES = ["i1", "i8", "i16", "i32", "i64", "i128", "float", "double", "ptr", "void", "<4 x i32>", "{ i32, i8 }",
         "[3 x i32]", "fp128", "half", "x86_fp80", "i7", "i33"]
VALUES = ["0", "1", "-1", "undef", "poison", "null", "zeroinitializer", "true", "2147483648", "%0", "%1", "%x",
          "@main", "@nope", "1.5", "0x7FF8000000000000", "blockaddress(@main, %bb)"]
TOKEN = re.compile(r"i\d+|float|double|ptr|%[\w.]+|@[\w.]+|-?\d+|align \d+|label %[\w.]+")


def mutate_text(lines, rng):
    lines = list(lines)
    kind = rng.choice(["delete", "duplicate", "move", "type", "value", "token", "token", "token"])
    body = [i for i, l in enumerate(lines) if l.startswith("  ") or l.startswith("define") or l.startswith("@")]
    if not body:
        body = list(range(len(lines)))
    i = rng.choice(body)
    if kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind == "move":
        j = rng.choice(body)
        lines.insert(j, lines.pop(i))
    else:
        matches = list(TOKEN.finditer(lines[i]))
        if not matches:
            del lines[i]
            return lines, "delete (no token) line %d" % (i + 1)
        m = rng.choice(matches)
        if kind == "type":
            new = rng.choice(TYPES)
        elif kind == "value":
            new = rng.choice(VALUES)
        else:
            new = rng.choice(TYPES + VALUES)
        lines[i] = lines[i][:m.start()] + new + lines[i][m.end():]
        return lines, "%s line %d: %r -> %r" % (kind, i + 1, m.group(0), new)
    return lines, "%s line %d" % (kind, i + 1)


def mutate_bitcode(data, rng):
    data = bytearray(data)
    kind = rng.choice(["flip", "flip", "zero", "cut"])
    # Keep the magic most of the time, so the reader goes past it.
    lo = 4 if rng.random() < 0.9 else 0
    if kind == "flip":
        n = rng.randint(1, 8)
        for _ in range(n):
            data[rng.randrange(lo, len(data))] ^= 1 << rng.randrange(8)
        return bytes(data), "flip %d bits" % n
    if kind == "zero":
        at = rng.randrange(lo, len(data))
        n = rng.randint(1, 64)
        data[at:at + n] = bytes(len(data[at:at + n]))
        return bytes(data), "zero %d bytes at %d" % (n, at)
    at = rng.randrange(lo, len(data))
    return bytes(data[:at]), "cut at %d" % at


ERROR_LINE = re.compile(r"^(toyc: error: |\S+?: error: |\S+?:\d+(:\d+)?: error: )")


def classify(toyc, path, outdir, timeout):
    os.makedirs(outdir, exist_ok=True)
    out = os.path.join(outdir, "out.wasm")
    try:
        p = subprocess.run([toyc, "build", path, "-o", out], capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "hang", ""
    err = p.stderr.decode(errors="replace")
    left = os.listdir(outdir)
    if p.returncode == 0:
        if not os.path.exists(out):
            return "invalid", err
        v = subprocess.run(["wasm-validate", out], capture_output=True)
        return ("ok-valid" if v.returncode == 0 else "invalid"), err + v.stderr.decode(errors="replace")
    if p.returncode != 1:
        return "crash", err
    if left:
        return "leftover", err
    first = err.splitlines()[0] if err else ""
    if not ERROR_LINE.match(first):
        return "unclear", err
    return "clean-error", err


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--toyc", required=True)
    ap.add_argument("--ir", required=True, help="text IR made by clang-19")
    ap.add_argument("--bitcode", help="the same module as bitcode")
    ap.add_argument("--work", required=True)
    ap.add_argument("--cases", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=20)
    ap.add_argument("-j", type=int, default=2)
    args = ap.parse_args()

    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    with open(args.ir) as f:
        lines = f.read().split("\n")
    bitcode = open(args.bitcode, "rb").read() if args.bitcode else None

    rng = random.Random(args.seed)
    cases = []
    for n in range(args.cases):
        if bitcode is not None and n % 4 == 3:
            data, what = mutate_bitcode(bitcode, rng)
            path = os.path.join(args.work, "case-%03d.bc" % n)
            with open(path, "wb") as f:
                f.write(data)
        else:
            new, what = mutate_text(lines, rng)
            path = os.path.join(args.work, "case-%03d.ll" % n)
            with open(path, "w") as f:
                f.write("\n".join(new))
        cases.append((n, path, what))

    def run(case):
        n, path, what = case
        cls, err = classify(args.toyc, path, os.path.join(args.work, "out-%03d" % n), args.timeout)
        return n, path, what, cls, err

    counts = {}
    failures = []
    with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        for n, path, what, cls, err in pool.map(run, cases):
            counts[cls] = counts.get(cls, 0) + 1
            if cls in BAD:
                failures.append((n, path, what, cls, err))
    print("fuzz-ir: %d cases, seed %d: %s" % (args.cases, args.seed,
                                               ", ".join("%s %d" % kv for kv in sorted(counts.items()))))
    if failures:
        fdir = os.path.join(args.work, "failures")
        os.makedirs(fdir, exist_ok=True)
        for n, path, what, cls, err in failures:
            shutil.copy(path, fdir)
            with open(os.path.join(fdir, os.path.basename(path) + ".txt"), "w") as f:
                f.write("%s\n%s\n%s\n" % (cls, what, err))
            print("fuzz-ir: %s: case %d (%s): %s" % (cls, n, what, (err.splitlines() or [""])[0][:200]))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
