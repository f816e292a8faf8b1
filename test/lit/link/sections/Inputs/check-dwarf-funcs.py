#!/usr/bin/env python3
"""Cross-checks DWARF function ranges against the code section of a module.

For every DW_TAG_subprogram with a live DW_AT_low_pc, the address must be the
start of a function body in the code section (wasm-objdump -d
--section-offsets) and high_pc - low_pc must be that function's body size
(wasm-objdump -x). Subprograms whose name is also in the name section must
sit at that function, or else are counted as renamed (clang's `main` becomes
__original_main). Prints a summary and every mismatch:
  subprograms=N live=L dead=D at-function-start=S size-ok=Z named-ok=K renamed=R mismatches=M
"""
import re
import subprocess
import sys

wasm = sys.argv[1]
dis = subprocess.run(["wasm-objdump", "-d", "--section-offsets", wasm], capture_output=True, text=True,
                     check=True).stdout
starts = {}   # offset -> function index
names = {}    # function index -> name
for m in re.finditer(r"^([0-9a-f]+) func\[(\d+)\](?: <(.*)>)?:$", dis, re.M):
    starts[int(m.group(1), 16)] = int(m.group(2))
    if m.group(3):
        names[int(m.group(2))] = m.group(3)
sizes = {}
hdr = subprocess.run(["wasm-objdump", "-x", "-j", "Code", wasm], capture_output=True, text=True, check=True).stdout
for m in re.finditer(r"- func\[(\d+)\] size=(\d+)", hdr):
    sizes[int(m.group(1))] = int(m.group(2))
by_name = {v: k for k, v in names.items()}

info = subprocess.run(["llvm-dwarfdump-19", "--debug-info", wasm], capture_output=True, text=True,
                      check=True).stdout
total = live = dead = at_start = size_ok = named_ok = renamed = 0
bad = []
for block in re.split(r"\n(?=0x[0-9a-f]+: +DW_TAG_)", info):
    if not re.match(r"0x[0-9a-f]+: +DW_TAG_subprogram\b", block):
        continue
    low = re.search(r"DW_AT_low_pc\t\((0x[0-9a-f]+|dead code)\)", block)
    if not low:
        continue
    total += 1
    if low.group(1) == "dead code":
        dead += 1
        continue
    live += 1
    lo = int(low.group(1), 16)
    high = re.search(r"DW_AT_high_pc\t\((0x[0-9a-f]+)\)", block)
    name = re.search(r'DW_AT_name\t\("([^"]*)"\)', block)
    name = name.group(1) if name else None
    if lo not in starts:
        bad.append(f"{name}: low_pc {lo:#x} is not a function start")
        continue
    at_start += 1
    idx = starts[lo]
    if high and int(high.group(1), 16) - lo == sizes.get(idx, -1):
        size_ok += 1
    else:
        bad.append(f"{name}: high_pc - low_pc != size {sizes.get(idx)} of func[{idx}]")
    if name is not None and name in by_name:
        if by_name[name] == idx or names.get(idx) == name:
            named_ok += 1
        else:
            renamed += 1
print(f"subprograms={total} live={live} dead={dead} at-function-start={at_start} size-ok={size_ok} "
      f"named-ok={named_ok} renamed={renamed} mismatches={len(bad)}")
for b in bad:
    print("mismatch:", b)
sys.exit(1 if bad else 0)
