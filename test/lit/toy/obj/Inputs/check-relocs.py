#!/usr/bin/env python3
"""Checks the relocation sections of a wasm object against tool-conventions
Linking.md, independently of toyc's and LLVM's readers: every reloc.* section
targets an existing section, its entries are in ascending offset order, each
relocated field lies inside the target section and inside one function body
(code) or one segment (data), and every LEB-typed field is padded to its full
width (5 bytes, 10 for the 64-bit types). Prints one summary line per reloc
section; exits 1 with a message on the first violation."""
import sys

LEB32 = {0, 1, 3, 4, 6, 7, 10, 11, 12, 20, 21}
LEB64 = {14, 15, 17, 18, 24, 25}
FIXED = {2: 4, 5: 4, 8: 4, 9: 4, 13: 4, 16: 8, 19: 8, 22: 8, 23: 4, 26: 4, 27: 8}
ADDEND = {3, 4, 5, 8, 9, 11, 14, 15, 16, 17, 21, 22, 23, 25, 27}


def fail(msg):
    print(f"check-relocs: {msg}")
    sys.exit(1)


def uleb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def sleb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            if x & 0x40:
                r -= 1 << s
            return r, i


def name(b, i):
    n, i = uleb(b, i)
    return b[i:i + n].decode(), i + n


def pieces(sid, body):
    """[start, end) ranges of the function bodies (code) or segment
    payloads (data), relative to the section payload."""
    out = []
    count, i = uleb(body, 0)
    for _ in range(count):
        if sid == 10:
            size, j = uleb(body, i)
            out.append((j, j + size))
            i = j + size
        else:
            flags, i = uleb(body, i)
            if flags == 2:
                _, i = uleb(body, i)
            if flags in (0, 2):
                while body[i] != 0x0B:  # the constant expression
                    i += 1
                i += 1
            size, i = uleb(body, i)
            out.append((i, i + size))
            i += size
    return out


def main(path):
    b = open(path, "rb").read()
    if b[:8] != b"\0asm\1\0\0\0":
        fail(f"{path}: not a wasm binary")
    sections, i = [], 8
    while i < len(b):
        sid = b[i]
        size, j = uleb(b, i + 1)
        sections.append((sid, b[j:j + size]))
        i = j + size
    for sid, body in sections:
        if sid != 0:
            continue
        sec_name, k = name(body, 0)
        if not sec_name.startswith("reloc."):
            continue
        target, k = uleb(body, k)
        if target >= len(sections):
            fail(f"{sec_name}: target section {target} does not exist")
        tsid, tbody = sections[target]
        ranges = pieces(tsid, tbody) if tsid in (10, 11) else [(0, len(tbody))]
        count, k = uleb(body, k)
        last = -1
        for n in range(count):
            rtype = body[k]
            offset, k = uleb(body, k + 1)
            _, k = uleb(body, k)
            if rtype in ADDEND:
                _, k = sleb(body, k)
            if offset < last:
                fail(f"{sec_name}: entry {n} at offset {offset:#x} follows {last:#x}")
            last = offset
            width = 5 if rtype in LEB32 else 10 if rtype in LEB64 else FIXED.get(rtype)
            if width is None:
                fail(f"{sec_name}: entry {n}: unknown relocation type {rtype}")
            if not any(lo <= offset and offset + width <= hi for lo, hi in ranges):
                fail(f"{sec_name}: entry {n} at {offset:#x} (width {width}) is not inside one "
                     f"{'function' if tsid == 10 else 'segment' if tsid == 11 else 'section'}")
            if rtype in LEB32 or rtype in LEB64:
                field = tbody[offset:offset + width]
                if any(x < 0x80 for x in field[:-1]) or field[-1] >= 0x80:
                    fail(f"{sec_name}: entry {n} at {offset:#x}: LEB not padded to {width} bytes: {field.hex()}")
        if k != len(body):
            fail(f"{sec_name}: {len(body) - k} bytes left after {count} entries")
        print(f"{sec_name}: {count} relocations, ascending, padded")


if __name__ == "__main__":
    for p in sys.argv[1:]:
        main(p)
