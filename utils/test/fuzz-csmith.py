#!/usr/bin/env python3
"""Differential test of toyc's LLVM IR backend on random C programs.

    fuzz-csmith.py --toyc PATH [--seeds 1-200] [--levels O0,O2,Os] [--jobs 2] [--work DIR]

For every seed, csmith writes a C program (undefined-behaviour free, it
prints a checksum of its globals). For every level, clang-19 compiles it to
LLVM IR, toyc builds the IR into a module, and the same program built by
clang-19 + wasm-ld-19 is the reference; both run under node's WASI and their
output and exit status must be equal. A program whose reference does not
finish within --timeout seconds (csmith programs may loop for long) is
skipped.

Every result is put in one class:

  ok          same output and status as the reference
  skipped     the reference could not be built or timed out
  unsupported toyc reported IR it does not lower (exit 1, "unsupported")
  build-fail  toyc failed otherwise (crash, other error, timeout)
  mismatch    the outputs or exit statuses differ

The run fails (exit status 1) on any build-fail or mismatch; their work
directories are kept under <work>/failures/ with the commands to repeat.
csmith is a Debian package: apt-get install csmith libcsmith-dev.

Python 3 standard library only.
"""

import argparse
import concurrent.futures
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUNNER = os.path.join(ROOT, "runtime", "run-wasi.mjs")
SYSROOT_LIB = "/usr/lib/wasm32-wasi"
BUILTINS = "/usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a"


def run(cmd, timeout, cwd):
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=timeout)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return None, b"", b"timeout"


def one(seed, levels, args):
    d = os.path.join(args.work, str(seed))
    os.makedirs(d, exist_ok=True)
    results = []
    rc, _, err = run(["csmith", "--seed", str(seed), "-o", "p.c"], 60, d)
    if rc != 0:
        return [(seed, "-", "skipped", "csmith failed")]
    node = ["node", "--no-warnings", RUNNER]
    for level in levels:
        cflags = ["--target=wasm32-wasi", "--sysroot=/usr", "-I/usr/include/csmith", "-w", f"-{level}"]
        ref, ll, out = f"ref.{level}.wasm", f"p.{level}.ll", f"toyc.{level}.wasm"
        rc, _, _ = run(["clang-19", *cflags, "p.c", "-o", ref], 120, d)
        if rc != 0:
            results.append((seed, level, "skipped", "reference build failed"))
            continue
        ref_rc, ref_out, ref_err = run(node + [ref], args.timeout, d)
        if ref_rc is None:
            results.append((seed, level, "skipped", "reference timed out"))
            continue
        rc, _, _ = run(["clang-19", *cflags, "-S", "-emit-llvm", "p.c", "-o", ll], 120, d)
        if rc != 0:
            results.append((seed, level, "skipped", "IR build failed"))
            continue
        rc, _, err = run([args.toyc, "build", ll, "-o", out], 120, d)
        if rc != 0:
            kind = "unsupported" if rc == 1 and b"unsupported" in err else "build-fail"
            results.append((seed, level, kind, err.decode(errors="replace").strip().splitlines()[0] if err else f"status {rc}"))
            continue
        got_rc, got_out, got_err = run(node + [out], args.timeout * 3, d)
        if (got_rc, got_out) != (ref_rc, ref_out):
            results.append((seed, level, "mismatch", f"status {ref_rc} vs {got_rc}"))
            with open(os.path.join(d, f"repeat.{level}.sh"), "w") as f:
                f.write(f"clang-19 {' '.join(cflags)} -S -emit-llvm p.c -o {ll}\n{args.toyc} build {ll} -o {out}\n"
                        f"{' '.join(node)} {ref} > ref.out; {' '.join(node)} {out} > toyc.out; diff ref.out toyc.out\n")
            continue
        results.append((seed, level, "ok", ""))
        for f in (ref, out):
            os.remove(os.path.join(d, f))
    bad = any(r[2] in ("build-fail", "mismatch") for r in results)
    if bad:
        shutil.move(d, os.path.join(args.work, "failures", str(seed)))
    else:
        shutil.rmtree(d, ignore_errors=True)
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--toyc", required=True)
    ap.add_argument("--seeds", default="1-100", help="a range, e.g. 1-200")
    ap.add_argument("--levels", default="O0,O2,Os")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=float, default=10, help="seconds for the reference to run")
    ap.add_argument("--work", default=None)
    args = ap.parse_args()
    for tool in ("csmith", "clang-19", "node"):
        if not shutil.which(tool):
            sys.exit(f"fuzz-csmith: {tool} is not on PATH (apt-get install csmith libcsmith-dev clang-19 nodejs)")
    args.toyc = os.path.abspath(args.toyc)
    args.work = os.path.abspath(args.work or tempfile.mkdtemp(prefix="fuzz-csmith-"))
    os.makedirs(os.path.join(args.work, "failures"), exist_ok=True)
    lo, _, hi = args.seeds.partition("-")
    seeds = range(int(lo), int(hi or lo) + 1)
    levels = args.levels.split(",")
    counts = {}
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for results in pool.map(lambda s: one(s, levels, args), seeds):
            for seed, level, kind, why in results:
                counts[kind] = counts.get(kind, 0) + 1
                if kind != "ok":
                    print(f"{seed} {level}: {kind} {why}", flush=True)
    print(" ".join(f"{k}={v}" for k, v in sorted(counts.items())), f"(work: {args.work})")
    return 1 if counts.get("build-fail") or counts.get("mismatch") else 0


if __name__ == "__main__":
    sys.exit(main())
