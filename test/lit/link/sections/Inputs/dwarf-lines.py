#!/usr/bin/env python3
"""Prints a module's DWARF line table with addresses made relative to the
function (DW_TAG_subprogram) that contains them, so two links of the same
inputs whose functions sit at different code offsets can be diffed:
  <function>+0x<offset> <line> <column> <file> <flags>
sorted (so the order of compile units, which follows the order archive
members are loaded in, does not matter), followed by the number of sequences whose start address is the tombstone
0xffffffff (line tables of functions the linker removed).
"""
import re
import subprocess
import sys

wasm = sys.argv[1]
info = subprocess.run(["llvm-dwarfdump-19", "--debug-info", wasm], capture_output=True, text=True,
                      check=True).stdout
ranges = []
for block in re.split(r"\n(?=0x[0-9a-f]+: +DW_TAG_)", info):
    if not re.match(r"0x[0-9a-f]+: +DW_TAG_subprogram\b", block):
        continue
    low = re.search(r"DW_AT_low_pc\t\((0x[0-9a-f]+)\)", block)
    high = re.search(r"DW_AT_high_pc\t\((0x[0-9a-f]+)\)", block)
    name = re.search(r'DW_AT_name\t\("([^"]*)"\)', block)
    if low and high:
        ranges.append((int(low.group(1), 16), int(high.group(1), 16), name.group(1) if name else "?"))

def where(addr, end):
    for lo, hi, name in ranges:
        if lo <= addr < hi or (end and addr == hi):
            return f"{name}+{addr - lo:#x}"
    return f"<outside any function>{addr:#x}"

lines = subprocess.run(["llvm-dwarfdump-19", "--debug-line", wasm], capture_output=True, text=True,
                       check=True).stdout
rows = []
for m in re.finditer(r"^0x([0-9a-f]{16}) +(\d+) +(\d+) +(\d+) +\d+ +\d+ +\d+ *(.*)$", lines, re.M):
    flags = m.group(5).strip()
    rows.append(" ".join([where(int(m.group(1), 16), "end_sequence" in flags), m.group(2), m.group(3), m.group(4),
                          flags]).rstrip())
for row in sorted(rows):
    print(row)
verbose = subprocess.run(["llvm-dwarfdump-19", "--debug-line", "-v", wasm], capture_output=True, text=True,
                         check=True).stdout
print("tombstoned-sequences:", len(re.findall(r"DW_LNE_set_address \(0x(?:00000000)?ffffffff\)", verbose)))
