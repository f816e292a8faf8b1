#!/usr/bin/env python3
"""Compares two wasm modules byte for byte, except the module name entry of
the name section (wasm-ld and toyc name the module after the output file, so
two links that differ only in their -o path differ there). Exit 0 when equal,
1 with the first differing section otherwise."""
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


def sections(path):
    b = open(path, "rb").read()
    if b[:4] != b"\0asm":
        sys.exit(f"cmp-modules: {path}: not a wasm module")
    out, i = [b[:8]], 8
    while i < len(b):
        start = i
        sid = b[i]
        n, j = leb(b, i + 1)
        end = j + n
        if sid == 0:
            ln, k = leb(b, j)
            if b[k:k + ln] == b"name":
                # Drop subsection 0 (the module name).
                p, kept = k + ln, bytearray()
                while p < end:
                    sub = b[p]
                    sn, q = leb(b, p + 1)
                    if sub != 0:
                        kept += b[p:q + sn]
                    p = q + sn
                out.append(b"name-section:" + bytes(kept))
                i = end
                continue
        out.append(b[start:end])
        i = end
    return out


a, b = sys.argv[1], sys.argv[2]
sa, sb = sections(a), sections(b)
if sa != sb:
    for k, (x, y) in enumerate(zip(sa, sb)):
        if x != y:
            sys.exit(f"cmp-modules: {a} and {b} differ in section #{k}")
    sys.exit(f"cmp-modules: {a} and {b} have {len(sa)} and {len(sb)} sections")
