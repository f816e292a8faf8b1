#!/usr/bin/env python3
"""Tables for ir-bench.sh: reads the per-workload directories it wrote and
prints compile time, run time and code size of toyc against llc-19.

    ir-report.py OUT_DIR

Each workload directory OUT_DIR/<kind>/<name>/ may hold:
  status            `ok`, or a one-line reason toyc's side failed or differs
  info              key=value lines (ir_bytes, funcs, level, ...)
  sanity.tsv        `<side> <seconds> <peak RSS KB>` of the checked first runs
  hyperfine.json    hyperfine --export-json (command order: toyc, reference[, baseline])
  toyc.wasm ref.wasm toyc.o ref.o   outputs, for the size table
python3 standard library only.
"""
import json
import os
import sys


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def section_sizes(path):
    """{section id: payload bytes} of a wasm module or object (custom sections summed under 0)."""
    try:
        b = open(path, "rb").read()
    except OSError:
        return None
    if b[:4] != b"\0asm":
        return None
    out, i = {}, 8
    while i < len(b):
        sid = b[i]
        n, j = leb(b, i + 1)
        out[sid] = out.get(sid, 0) + n
        i = j + n
    return out


def read_kv(path):
    kv = {}
    try:
        for line in open(path):
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                kv[k] = v
    except OSError:
        pass
    return kv


def read_status(d):
    try:
        return open(os.path.join(d, "status")).read().strip() or "?"
    except OSError:
        return "not run"


def read_sanity(d):
    out = {}
    try:
        for line in open(os.path.join(d, "sanity.tsv")):
            side, sec, rss = line.split()
            out[side] = (float(sec), int(rss))
    except (OSError, ValueError):
        pass
    return out


def read_hyperfine(d):
    """[(mean, stddev, min, runs, median)] in command order, or None."""
    try:
        res = json.load(open(os.path.join(d, "hyperfine.json")))["results"]
    except (OSError, ValueError, KeyError):
        return None
    return [(r["mean"], r.get("stddev") or 0.0, r["min"], len(r.get("times", [])), r.get("median", r["mean"]))
            for r in res]


def fmt_time(t, sd=None):
    if t is None:
        return "n/a"
    unit, k = ("s", 1) if t >= 1 else ("ms", 1000)
    if sd is None:
        return f"{t * k:.3g} {unit}"
    return f"{t * k:.3g} ± {sd * k:.2g} {unit}"


def fmt_bytes(n):
    if n is None:
        return "n/a"
    if n >= 1 << 20:
        return f"{n / (1 << 20):.1f} MB"
    if n >= 1 << 10:
        return f"{n / (1 << 10):.1f} KB"
    return f"{n} B"


def ratio(a, b, digits=2):
    return f"{a / b:.{digits}f}" if a and b else "n/a"


def table(headers, rows):
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows)] if rows else [len(h) for h in headers]
    line = lambda r: "  ".join(str(x).ljust(w) for x, w in zip(r, widths)).rstrip()
    print(line(headers))
    print(line(["-" * w for w in widths]))
    for r in rows:
        print(line(r))


def workloads(out, kind):
    base = os.path.join(out, kind)
    if not os.path.isdir(base):
        return []
    names = sorted(os.listdir(base), key=lambda n: (read_kv(os.path.join(base, n, "info")).get("order", "9"), n))
    return [(n, os.path.join(base, n)) for n in names]


def compile_table(out):
    rows, notes = [], []
    for name, d in workloads(out, "compile"):
        info, status, san, hf = read_kv(os.path.join(d, "info")), read_status(d), read_sanity(d), read_hyperfine(d)
        toyc_ok = status == "ok"
        if hf and len(hf) >= 2 and toyc_ok:
            t, r = hf[0], hf[1]
            tt, ts, tm, n, tmed = t
            rt, rs, rm, _, rmed = r
            runs = str(n)
        elif hf and len(hf) == 1:  # reference only
            tt = ts = tm = tmed = None
            rt, rs, rm, n, rmed = hf[0]
            runs = str(n)
        else:  # too slow for hyperfine: the single checked run
            tt = san.get("toyc", (None, 0))[0] if toyc_ok else None
            rt = san.get("llc", (None, 0))[0]
            if rt is not None:
                rt += san.get("ld", (0, 0))[0]
            ts = rs = None
            tm, rm = tt, rt
            tmed, rmed = tt, rt
            runs = "1"
        llc, ld = san.get("llc"), san.get("ld")
        split = f"{llc[0]:.2f} / {ld[0]:.2f} s" if llc and ld else "n/a"
        rss_ref = max(llc[1] if llc else 0, ld[1] if ld else 0)
        rss_toyc = san.get("toyc", (0, 0))[1] if toyc_ok else 0
        rows.append([name, info.get("level", ""), info.get("funcs", ""), fmt_bytes(int(info.get("ir_bytes", "0")) or None),
                     fmt_time(tt, ts), fmt_time(rt, rs), split, ratio(rt, tt, 1), ratio(rmed, tmed, 1), ratio(rm, tm, 1),
                     f"{rss_toyc // 1024} MB" if rss_toyc else "n/a", f"{rss_ref // 1024} MB" if rss_ref else "n/a",
                     runs, "ok" if toyc_ok else "FAIL" if not status.startswith("toyc unavailable") else "n/a"])
        if not toyc_ok:
            notes.append((name, status))
    print("== Compile time: `toyc build x.ll -o x.wasm` vs `llc-19 -O0 -filetype=obj x.ll` + `wasm-ld-19` ==")
    print("   (speed-up = reference time / toyc time, of the means, medians and minimums; target >= 10)")
    table(["workload", "IR", "funcs", "IR size", "toyc", "llc -O0 + wasm-ld", "llc / ld", "speed-up",
           "speed-up (median)", "speed-up (min)", "toyc RSS", "llc RSS", "runs", "toyc"], rows)
    return notes


def run_table(out):
    rows, notes = [], []
    for name, d in workloads(out, "run"):
        status, hf = read_status(d), read_hyperfine(d)
        toyc_ok = status == "ok"
        if hf and len(hf) == 3:
            (tt, ts, tm, _, tmed), (rt, rs, rm, _, rmed), (bt, _, bm, _, _) = hf
        elif hf and len(hf) == 2:  # reference and baseline only
            tt = ts = tm = tmed = None
            (rt, rs, rm, _, rmed), (bt, _, bm, _, _) = hf
        else:
            tt = ts = tm = tmed = rt = rs = rm = rmed = bt = bm = None
        sub = ratio(tm - bm, rm - bm) if tm and rm and bm is not None and rm > bm else "n/a"
        rows.append([name, fmt_time(tt, ts), fmt_time(rt, rs), ratio(tt, rt), ratio(tmed, rmed), ratio(tm, rm), sub,
                     fmt_time(bm), "ok" if toyc_ok else "FAIL" if not status.startswith("toyc unavailable") else "n/a"])
        if not toyc_ok:
            notes.append((name, status))
    print("== Run time under node: toyc build of -O2 IR vs llc-19 -O2 + wasm-ld-19 (same IR) ==")
    print("   (ratio = toyc / llc; target <= 1.25; `startup-subtracted` removes node's start-up, measured on an empty program)")
    table(["program", "toyc", "llc -O2", "ratio", "ratio (median)", "ratio (min)", "startup-subtracted", "node start-up", "toyc"], rows)
    return notes


def size_table(out):
    rows = []
    for name, d in workloads(out, "run"):
        to, ro = section_sizes(os.path.join(d, "toyc.o")), section_sizes(os.path.join(d, "ref.o"))
        tw, rw = section_sizes(os.path.join(d, "toyc.wasm")), section_sizes(os.path.join(d, "ref.wasm"))
        toc, roc = to and to.get(10), ro and ro.get(10)
        twc, rwc = tw and tw.get(10), rw and rw.get(10)
        tf = os.path.getsize(os.path.join(d, "toyc.wasm")) if tw else None
        rf = os.path.getsize(os.path.join(d, "ref.wasm")) if rw else None
        rows.append([name, fmt_bytes(toc), fmt_bytes(roc), ratio(toc, roc), fmt_bytes(twc), fmt_bytes(rwc),
                     ratio(twc, rwc), fmt_bytes(tf), fmt_bytes(rf)])
    print("== Code size: toyc from -O2 IR vs llc-19 -O2 (ratio = toyc / llc; target <= 1.3) ==")
    print("   (object = the program's own functions: `toyc build-obj` vs `llc -filetype=obj`;"
          " module = linked with libc, which is the same on both sides)")
    table(["program", "toyc obj code", "llc obj code", "ratio", "toyc module code", "llc module code", "ratio",
           "toyc file", "llc file"], rows)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: ir-report.py OUT_DIR")
    out = sys.argv[1]
    notes = []
    if os.path.isdir(os.path.join(out, "compile")):
        notes += compile_table(out)
        print()
    if os.path.isdir(os.path.join(out, "run")):
        notes += run_table(out)
        print()
        size_table(out)
        print()
    if notes:
        print("toyc problems:")
        if len({s for _, s in notes}) == 1:  # one cause everywhere, e.g. no IR backend
            print(f"  every workload: {notes[0][1]}")
        else:
            for name, status in notes:
                print(f"  {name}: {status}")


if __name__ == "__main__":
    main()
