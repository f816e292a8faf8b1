#!/usr/bin/env python3
"""Execution test for toyc's LLVM IR backend: one C program, several opt levels.

    run-c-program.py --toyc PATH [options] prog.c

For every opt level (default O0 and O2):
  1. clang-19 --target=wasm32-wasi --sysroot=/usr -<L> -S -emit-llvm prog.c -> prog.<L>.ll
     (and prog.<L>.bc with --modes bc);
  2. reference: clang-19 -<L> -c prog.c, linked by wasm-ld-19 with crt1, libc
     and the compiler-rt builtins, exactly as clang links a program;
  3. toyc: `toyc build prog.<L>.ll -o prog.<L>.wasm` (mode `ll`, the default),
     `toyc build prog.<L>.bc` (mode `bc`), or `toyc build-obj prog.<L>.ll`
     linked by wasm-ld-19 (mode `obj`);
  4. wasm-validate on toyc's module; both modules run under
     node runtime/run-wasi.mjs;
  5. stdout, stderr and exit status of toyc's build must equal the
     reference's, and the reference's stdout must end with the line `done`
     (a program that stops early cannot pass by accident).
On a mismatch the script prints a diff, the commands to reproduce it and keeps
its work directory; it exits 1.  Exit 2 means the program or the tools are
broken (the reference itself failed).

`--reference-only` checks the program instead of toyc: the reference builds
at all levels must print the same output, and with `--native` the program is
also built for the host (gcc and clang-19 with UBSan/ASan) and must print the
same text, which catches undefined behaviour and non-portable output.

Markers in the program's comments:
  // EXIT: n               expected exit status (default 0)
  // ARGS: a b c           command-line arguments for the program
  // CFLAGS: -fno-builtin  extra flags for every clang-19 compile
  // NOT-PORTABLE: why     skip the native comparison (output depends on ILP32,
                           long double, wasi-libc specifics, ...)
  // NATIVE: name ...      only these native builds (e.g. clang-O2-ubsan for
                           clang-only extensions)

Environment: TOYC_C_LEVELS (default for --levels, e.g. O0,O1,O2,Os),
TOYC_C_MODES (default for --modes), CLANG, WASM_LD, NODE, WASM_VALIDATE.
"""
import argparse
import concurrent.futures
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUN_WASI = os.path.join(ROOT, "runtime", "run-wasi.mjs")
SYSROOT = "/usr"
LIBDIR = "/usr/lib/wasm32-wasi"
CRT1 = os.path.join(LIBDIR, "crt1-command.o")
BUILTINS = "/usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a"

CLANG = os.environ.get("CLANG", "clang-19")
WASM_LD = os.environ.get("WASM_LD", "wasm-ld-19")
NODE = os.environ.get("NODE", "node")
WASM_VALIDATE = os.environ.get("WASM_VALIDATE", "wasm-validate")
WASM_CC = [CLANG, "--target=wasm32-wasi", "--sysroot=" + SYSROOT]
ALL_LEVELS = ["O0", "O1", "O2", "Os"]
# Also accepted on request (clang users build with them too; they add little
# that -O2 and -Os do not already exercise, so the suite does not run them).
KNOWN_LEVELS = ALL_LEVELS + ["O3", "Oz"]
ALL_MODES = ["ll", "bc", "obj"]
# Native builds used by --native: (name, compiler and flags).  The sanitizers
# turn undefined behaviour into a hard failure instead of a silent difference.
NATIVE_BUILDS = [
    ("gcc-O0-san", ["gcc", "-O0", "-fsanitize=undefined,address", "-fno-sanitize-recover=all"]),
    ("gcc-O2", ["gcc", "-O2"]),
    ("clang-O2-ubsan", ["clang-19", "-O2", "-fsanitize=undefined", "-fno-sanitize-recover=all"]),
]


class Failure(Exception):
    """A mismatch or a failed toyc step (exit 1)."""


class Broken(Exception):
    """The program or the reference tool chain is broken (exit 2)."""


def markers(src_text):
    def one(name):
        m = re.search(r"^\s*//\s*" + name + r":(.*)$", src_text, re.M)
        return m.group(1).strip() if m else None
    exit_code = one("EXIT")
    return {
        "exit": int(exit_code) if exit_code is not None else 0,
        "args": shlex.split(one("ARGS") or ""),
        "cflags": shlex.split(one("CFLAGS") or ""),
        "not_portable": one("NOT-PORTABLE"),
        "native": (one("NATIVE") or "").split(),
    }


def show_cmd(cmd):
    return " ".join(shlex.quote(c) for c in cmd)


def run(cmd, timeout, cwd=None, what=None, exc=Failure):
    """Runs a build step; raises `exc` with its output when it fails."""
    try:
        p = subprocess.run(cmd, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=timeout)
    except FileNotFoundError:
        raise Broken(f"tool not found: {cmd[0]}")
    except subprocess.TimeoutExpired:
        raise exc(f"{what or cmd[0]} timed out after {timeout} s\n  $ {show_cmd(cmd)}")
    if p.returncode != 0:
        out = (p.stdout + p.stderr).decode(errors="replace").rstrip()
        raise exc(f"{what or cmd[0]} failed (exit {p.returncode})\n  $ {show_cmd(cmd)}\n{indent(out)}")
    return p


def indent(text, prefix="  | "):
    lines = text.splitlines() or [""]
    if len(lines) > 80:
        lines = lines[:80] + [f"... ({len(lines) - 80} more lines)"]
    return "\n".join(prefix + line for line in lines)


class Outcome:
    def __init__(self, cmd, returncode, stdout, stderr):
        self.cmd, self.returncode, self.stdout, self.stderr = cmd, returncode, stdout, stderr


def execute(cmd, cwd, timeout):
    """Runs a program; its exit status is data, not an error."""
    # Programs may end without freeing their heap: leaks are not bugs here.
    env = dict(os.environ, NODE_NO_WARNINGS="1", ASAN_OPTIONS="detect_leaks=0")
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=timeout)
        return Outcome(cmd, p.returncode, p.stdout.decode(errors="replace"),
                       p.stderr.decode(errors="replace"))
    except subprocess.TimeoutExpired as e:
        return Outcome(cmd, "timeout", (e.stdout or b"").decode(errors="replace"),
                       (e.stderr or b"").decode(errors="replace"))


def run_wasm(wasm, args, cwd, timeout):
    return execute([NODE, RUN_WASI, os.path.basename(wasm)] + args, cwd, timeout)


def diff_outcomes(ref_name, ref, got_name, got):
    """Returns a readable report of how `got` differs from `ref`, or None."""
    parts = []
    for field in ("stdout", "stderr"):
        a, b = getattr(ref, field), getattr(got, field)
        if a != b:
            d = difflib.unified_diff(a.splitlines(keepends=True), b.splitlines(keepends=True),
                                     f"{ref_name} {field}", f"{got_name} {field}", n=2)
            text = "".join(line if line.endswith("\n") else line + "\n\\ no newline\n" for line in d)
            parts.append(indent(text.rstrip("\n"), "    "))
    if ref.returncode != got.returncode:
        parts.append(f"    exit status: {ref_name} {ref.returncode}, {got_name} {got.returncode}")
    return "\n".join(parts) if parts else None


def check_reference(name, out, m):
    """The reference run must end with `done` and the expected exit status."""
    lines = out.stdout.splitlines()
    if not lines or lines[-1] != "done":
        tail = indent("\n".join(lines[-5:]) + ("\n[stderr]\n" + out.stderr if out.stderr else ""))
        raise Broken(f"{name}: the program did not print `done` as its last line "
                     f"(exit {out.returncode})\n  $ {show_cmd(out.cmd)}\n{tail}")
    if out.returncode != m["exit"]:
        raise Broken(f"{name}: exit status {out.returncode}, expected {m['exit']}\n"
                     f"  $ {show_cmd(out.cmd)}\n{indent(out.stderr)}")


class Job:
    def __init__(self, opts, src, work, m):
        self.opts, self.src, self.work, self.m = opts, src, work, m
        self.base = os.path.splitext(os.path.basename(src))[0]

    def path(self, level, suffix):
        return os.path.join(self.work, f"{self.base}.{level}.{suffix}")

    def cc(self, level):
        return WASM_CC + ["-" + level] + self.m["cflags"]

    def reference(self, level):
        """clang-19 + wasm-ld-19, the way `clang-19 prog.c -o prog.wasm` builds it."""
        t = self.opts.timeout
        obj, wasm = self.path(level, "ref.o"), self.path(level, "ref.wasm")
        run(self.cc(level) + ["-c", self.src, "-o", obj], t, what="clang-19 (reference)", exc=Broken)
        run([WASM_LD, "-m", "wasm32", "-L" + LIBDIR, CRT1, obj, "-lc", BUILTINS, "-o", wasm], t,
            what="wasm-ld-19 (reference)", exc=Broken)
        out = run_wasm(wasm, self.m["args"], self.work, self.opts.run_timeout)
        check_reference(f"reference -{level}", out, self.m)
        return out

    def ir(self, level, bitcode):
        out = self.path(level, "bc" if bitcode else "ll")
        cmd = self.cc(level) + ["-c" if bitcode else "-S", "-emit-llvm", self.src, "-o", out]
        run(cmd, self.opts.timeout, what="clang-19 -emit-llvm", exc=Broken)
        return out

    def toyc(self, level, mode, ir):
        """Builds the IR with toyc in `mode`; returns the module path."""
        t = self.opts.timeout
        wasm = self.path(level, f"toyc-{mode}.wasm")
        if mode in ("ll", "bc"):
            run([self.opts.toyc, "build", ir, "-o", wasm], t, what=f"toyc build ({mode}, -{level})")
        else:
            obj = self.path(level, "toyc.o")
            run([self.opts.toyc, "build-obj", ir, "-o", obj], t, what=f"toyc build-obj (-{level})")
            run([WASM_LD, "-m", "wasm32", "-L" + LIBDIR, CRT1, obj, "-lc", BUILTINS, "-o", wasm], t,
                what=f"wasm-ld-19 on toyc's object (-{level})")
        run([WASM_VALIDATE] + self.opts.validate_flags + [wasm], t,
            what=f"wasm-validate (toyc, {mode}, -{level})")
        return wasm

    def level(self, level):
        """All checks of one opt level; returns a list of failure reports."""
        ref = self.reference(level)
        failures = []
        irs = {}
        for mode in self.opts.modes:
            bitcode = mode == "bc"
            if bitcode not in irs:
                irs[bitcode] = self.ir(level, bitcode)
            name = f"toyc -{level} ({mode})"
            try:
                wasm = self.toyc(level, mode, irs[bitcode])
            except Failure as e:
                failures.append(f"{name}: {e}")
                continue
            got = run_wasm(wasm, self.m["args"], self.work, self.opts.run_timeout)
            d = diff_outcomes(f"reference -{level}", ref, name, got)
            if d:
                failures.append(f"{name}: output differs from the reference\n"
                                f"  $ {show_cmd(got.cmd)}   (in {self.work})\n{d}")
        return failures

    def reference_level(self, level):
        return level, self.reference(level)

    def native(self, name, cc):
        exe = os.path.join(self.work, f"{self.base}.{name}")
        run(cc + ["-w", self.src, "-o", exe, "-lm"], self.opts.timeout, what=f"native {name}",
            exc=Broken)
        return name, execute([exe] + self.m["args"], self.work, self.opts.run_timeout)


def check_toyc(job, pool):
    failures = []
    for f in pool.map(job.level, job.opts.levels):
        failures += f
    return failures


def check_program(job, pool):
    """--reference-only: the program must behave the same everywhere."""
    outs = dict(pool.map(job.reference_level, job.opts.levels))
    failures = []
    first = job.opts.levels[0]
    for level in job.opts.levels[1:]:
        d = diff_outcomes(f"reference -{first}", outs[first], f"reference -{level}", outs[level])
        if d:
            failures.append(f"reference -{level} differs from -{first}\n{d}")
    if job.opts.native:
        if job.m["not_portable"]:
            print(f"{job.base}: native comparison skipped (NOT-PORTABLE: {job.m['not_portable']})")
        else:
            builds = [b for b in NATIVE_BUILDS if not job.m["native"] or b[0] in job.m["native"]]
            for name, out in pool.map(lambda b: job.native(*b), builds):
                d = diff_outcomes(f"reference -{first}", outs[first], name, out)
                if d:
                    failures.append(f"native {name} differs from the wasm reference\n{d}")
    if job.opts.warnings:
        p = subprocess.run(WASM_CC + ["-O2", "-Wall", "-Wextra", "-fsyntax-only"] + job.m["cflags"]
                           + [job.src], capture_output=True, text=True)
        if p.stderr:
            failures.append("clang-19 -Wall -Wextra warnings:\n" + indent(p.stderr.rstrip()))
    return failures


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("source")
    ap.add_argument("--toyc", help="toyc binary (required unless --reference-only)")
    ap.add_argument("--levels", default=os.environ.get("TOYC_C_LEVELS", "O0,O2"),
                    help="comma-separated opt levels among O0,O1,O2,Os,O3,Oz (default O0,O2)")
    ap.add_argument("--all-levels", action="store_true", help="same as --levels O0,O1,O2,Os")
    ap.add_argument("--modes", default=os.environ.get("TOYC_C_MODES", "ll"),
                    help="comma-separated toyc inputs/outputs: ll (build from text IR), "
                         "bc (build from bitcode), obj (build-obj + wasm-ld-19); default ll")
    ap.add_argument("--work", help="work directory (default: a fresh temporary directory, "
                                   "removed on success)")
    ap.add_argument("--keep", action="store_true", help="keep the work directory")
    ap.add_argument("--jobs", type=int, default=2, help="levels handled in parallel (default 2)")
    ap.add_argument("--timeout", type=float, default=120, help="seconds per build step")
    ap.add_argument("--run-timeout", type=float, default=20, help="seconds per program run")
    ap.add_argument("--validate-flags", default="", help="extra wasm-validate flags")
    ap.add_argument("--reference-only", action="store_true",
                    help="check the program itself: reference builds agree across levels")
    ap.add_argument("--native", action="store_true",
                    help="with --reference-only: also compare against host builds with sanitizers")
    ap.add_argument("--warnings", action="store_true",
                    help="with --reference-only: fail on clang-19 -Wall -Wextra warnings")
    opts = ap.parse_args()
    opts.levels = ALL_LEVELS if opts.all_levels else [l for l in opts.levels.split(",") if l]
    opts.modes = [m for m in opts.modes.split(",") if m]
    opts.validate_flags = shlex.split(opts.validate_flags)
    for l in opts.levels:
        if l not in KNOWN_LEVELS:
            ap.error(f"unknown level {l!r} (levels: {', '.join(KNOWN_LEVELS)})")
    for m in opts.modes:
        if m not in ALL_MODES:
            ap.error(f"unknown mode {m!r} (modes: {', '.join(ALL_MODES)})")
    if not opts.reference_only:
        if not opts.toyc:
            ap.error("--toyc is required (or --reference-only)")
        if not os.path.isfile(opts.toyc):
            print(f"run-c-program: toyc not found: {opts.toyc}", file=sys.stderr)
            return 2
        opts.toyc = os.path.abspath(opts.toyc)

    src = os.path.abspath(opts.source)
    with open(src, encoding="utf-8") as f:
        m = markers(f.read())
    if opts.work:
        work = os.path.abspath(opts.work)
        shutil.rmtree(work, ignore_errors=True)
        os.makedirs(work)
    else:
        work = tempfile.mkdtemp(prefix="run-c-program-")
    job = Job(opts, src, work, m)
    name = os.path.basename(src)
    status = 0
    try:
        with concurrent.futures.ThreadPoolExecutor(max(1, opts.jobs)) as pool:
            failures = check_program(job, pool) if opts.reference_only else check_toyc(job, pool)
        if failures:
            print(f"FAIL {name}: {len(failures)} problem(s); files in {work}", file=sys.stderr)
            for f in failures:
                print(f, file=sys.stderr)
            status = 1
        else:
            what = "reference" if opts.reference_only else "toyc"
            print(f"ok {name} ({what}: {', '.join('-' + l for l in opts.levels)})")
    except Broken as e:
        print(f"BROKEN {name}: {e}\nfiles in {work}", file=sys.stderr)
        status = 2
    if status == 0 and not opts.keep and not opts.work:
        shutil.rmtree(work, ignore_errors=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
