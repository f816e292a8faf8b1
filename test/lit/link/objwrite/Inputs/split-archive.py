#!/usr/bin/env python3
"""Writes each member of a GNU archive to <dir>/<NNNN>-<name>, numbered in
archive order (`llvm-ar x` would let members with the same name, such as
wasi-libc's two errno.o, overwrite each other)."""
import os
import sys

data = open(sys.argv[1], "rb").read()
out = sys.argv[2]
assert data[:8] == b"!<arch>\n"
pos, longnames, n = 8, b"", 0
while pos + 60 <= len(data):
    hdr = data[pos:pos + 60]
    name = hdr[:16].decode().rstrip()
    size = int(hdr[48:58].decode().strip())
    body = data[pos + 60:pos + 60 + size]
    pos = pos + 60 + size + (size & 1)
    if name == "//":
        longnames = body
        continue
    if name in ("/", "/SYM64/"):
        continue
    if name.startswith("/"):
        off = int(name[1:])
        name = longnames[off:longnames.index(b"\n", off)].decode()
    name = name.rstrip("/")
    open(os.path.join(out, "%04d-%s" % (n, name)), "wb").write(body)
    n += 1
print(n, "members")
