#!/usr/bin/env python3
"""Fuzz-style robustness test for `toyc link`.

Takes one real clang-19 wasm32 object (compiled from a non-trivial C program),
makes N corrupted copies with a fixed seed and links each of them exactly the
way clang links a program:

    toyc link -m wasm32 -L<libdir> <libdir>/crt1-command.o fuzz-NNN.o -lc <builtins> -o out.wasm

Every result is put in one class:

  ok-valid     exit 0, the output exists and passes wasm-validate
  clean-error  exit 1, no output (nor any other file) left behind, and stderr is
               "one clear diagnostic" (see check_diagnostic below; for
               wasm-ld-19 under --compare only the exit status and leftovers
               are checked)
  crash        killed by a signal, or an exit status other than 0 and 1
  hang         still running after --timeout seconds
  invalid      exit 0 but no output, or the output fails wasm-validate
  leftover     exit 1 but a file was left in the output directory
  unclear      exit 1 with a diagnostic that is not clear

The run fails (exit status 1) when any crash, hang, invalid, leftover or unclear
result occurs. Failing inputs are copied to <work-dir>/failures/ together with a
.txt file holding the mutation, the command and the linker's stderr.

With --compare the same copies are also linked with wasm-ld-19 and its counts
are printed (informational; they never make the run fail).

Python 3 standard library only.
"""

import argparse
import concurrent.futures
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_SOURCE = os.path.join(REPO, "test", "lit", "link", "fuzz", "Inputs", "fuzz-program.c")
DEFAULT_TOYC = os.path.join(REPO, "build", "bin", "toyc")
LIBDIR = "/usr/lib/wasm32-wasi"
BUILTINS = "/usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a"

BAD_CLASSES = ("crash", "hang", "invalid", "leftover", "unclear")

# ---------------------------------------------------------------------------
# A small reader for wasm relocatable objects that records where the
# interesting fields are, so that mutations can aim at them.
# ---------------------------------------------------------------------------

# Relocation types that carry an addend (tool-conventions Linking.md).
RELOC_HAS_ADDEND = {3, 4, 5, 8, 9, 11, 14, 15, 16, 17, 21, 22, 23, 25, 27}
# Relocation types whose patched field is a 5-byte padded LEB.
RELOC_LEB5 = {0, 1, 3, 4, 6, 7, 10, 11, 12, 20, 21}


class ParseError(Exception):
    pass


class Field:
    """A field of the object: `kind` is 'leb' or 'byte'."""

    __slots__ = ("start", "length", "kind", "what")

    def __init__(self, start, length, kind, what):
        self.start, self.length, self.kind, self.what = start, length, kind, what

    def __repr__(self):
        return "%s@0x%x/%d" % (self.what, self.start, self.length)


class Reader:
    def __init__(self, data, pos, end):
        self.data, self.pos, self.end = data, pos, end

    def byte(self):
        if self.pos >= self.end:
            raise ParseError("eof")
        b = self.data[self.pos]
        self.pos += 1
        return b

    def leb(self):
        start, value, shift = self.pos, 0, 0
        while True:
            b = self.byte()
            value |= (b & 0x7F) << shift
            shift += 7
            if not b & 0x80:
                return value, start, self.pos - start

    def name(self):
        n, _, _ = self.leb()
        if self.pos + n > self.end:
            raise ParseError("name past end")
        self.pos += n


class ObjectMap:
    """Field locations in a wasm object, by category."""

    def __init__(self, data):
        self.data = data
        self.sections = []          # (id, name, header_start, payload_start, end)
        self.section_header = []    # Field: section id bytes and size LEBs
        self.code_leb = []          # structural LEBs of the code section + relocated immediates
        self.reloc = []             # relocation section headers and entries
        self.linking = []           # linking section fields
        self.parse()

    def parse(self):
        d = self.data
        if d[:4] != b"\0asm":
            raise ParseError("not wasm")
        r = Reader(d, 8, len(d))
        while r.pos < len(d):
            hdr = r.pos
            sid = r.byte()
            self.section_header.append(Field(hdr, 1, "byte", "section-id"))
            size, s, n = r.leb()
            self.section_header.append(Field(s, n, "leb", "section-size"))
            payload, end = r.pos, r.pos + size
            name = None
            if sid == 0:
                nlen, _, _ = r.leb()
                name = d[r.pos:r.pos + nlen].decode("latin-1")
                r.pos += nlen
            self.sections.append((sid, name, hdr, payload, end))
            body = r.pos
            r.pos = end
            if sid == 10:
                self.parse_code(payload, end)
            elif name == "linking":
                self.parse_linking(body, end)
            elif name is not None and name.startswith("reloc."):
                self.parse_reloc(body, end)

    def parse_code(self, start, end):
        r = Reader(self.data, start, end)
        count, s, n = r.leb()
        self.code_leb.append(Field(s, n, "leb", "code.count"))
        for _ in range(count):
            size, s, n = r.leb()
            self.code_leb.append(Field(s, n, "leb", "code.body-size"))
            body_end = r.pos + size
            ndecl, s, n = r.leb()
            self.code_leb.append(Field(s, n, "leb", "code.local-decls"))
            for _ in range(ndecl):
                _, s, n = r.leb()
                self.code_leb.append(Field(s, n, "leb", "code.local-count"))
                r.byte()
            r.pos = body_end

    def parse_reloc(self, start, end):
        r = Reader(self.data, start, end)
        target, s, n = r.leb()
        self.reloc.append(Field(s, n, "leb", "reloc.section"))
        count, s, n = r.leb()
        self.reloc.append(Field(s, n, "leb", "reloc.count"))
        tsec = self.sections[target] if target < len(self.sections) else None
        for _ in range(count):
            typ, s, n = r.leb()
            self.reloc.append(Field(s, n, "byte", "reloc.type"))
            off, s, n = r.leb()
            self.reloc.append(Field(s, n, "leb", "reloc.offset"))
            _, s, n = r.leb()
            self.reloc.append(Field(s, n, "leb", "reloc.index"))
            if typ in RELOC_HAS_ADDEND:
                _, s, n = r.leb()
                self.reloc.append(Field(s, n, "leb", "reloc.addend"))
            # The relocated immediate in the code section is a padded LEB.
            if tsec is not None and tsec[0] == 10 and typ in RELOC_LEB5:
                self.code_leb.append(Field(tsec[3] + off, 5, "leb", "code.reloc-immediate(type %d)" % typ))

    def parse_linking(self, start, end):
        r = Reader(self.data, start, end)
        L = self.linking
        _, s, n = r.leb()
        L.append(Field(s, n, "leb", "linking.version"))
        while r.pos < end:
            s = r.pos
            typ = r.byte()
            L.append(Field(s, 1, "byte", "linking.subsection-type"))
            size, s, n = r.leb()
            L.append(Field(s, n, "leb", "linking.subsection-size"))
            sub_end = r.pos + size
            sr = Reader(self.data, r.pos, sub_end)
            try:
                if typ == 8:
                    self.parse_symtab(sr)
                elif typ == 5:
                    count, s, n = sr.leb()
                    L.append(Field(s, n, "leb", "segment-info.count"))
                    for _ in range(count):
                        nl, s, n = sr.leb()
                        L.append(Field(s, n, "leb", "segment-info.name-length"))
                        sr.pos += nl
                        for what in ("alignment", "flags"):
                            _, s, n = sr.leb()
                            L.append(Field(s, n, "leb", "segment-info." + what))
                elif typ == 6:
                    count, s, n = sr.leb()
                    L.append(Field(s, n, "leb", "init-funcs.count"))
                    for _ in range(count):
                        for what in ("priority", "symbol"):
                            _, s, n = sr.leb()
                            L.append(Field(s, n, "leb", "init-funcs." + what))
                elif typ == 7:
                    count, s, n = sr.leb()
                    L.append(Field(s, n, "leb", "comdat.count"))
                    for _ in range(count):
                        sr.name()
                        _, s, n = sr.leb()
                        L.append(Field(s, n, "leb", "comdat.flags"))
                        ne, s, n = sr.leb()
                        L.append(Field(s, n, "leb", "comdat.entry-count"))
                        for _ in range(ne):
                            _, s, n = sr.leb()
                            L.append(Field(s, n, "byte", "comdat.entry-kind"))
                            _, s, n = sr.leb()
                            L.append(Field(s, n, "leb", "comdat.entry-index"))
            except ParseError:
                pass
            r.pos = sub_end

    def parse_symtab(self, r):
        L = self.linking
        count, s, n = r.leb()
        L.append(Field(s, n, "leb", "symtab.count"))
        for _ in range(count):
            s = r.pos
            kind = r.byte()
            L.append(Field(s, 1, "byte", "symtab.kind"))
            flags, s, n = r.leb()
            L.append(Field(s, n, "leb", "symtab.flags"))
            undefined = bool(flags & 0x10)
            explicit = bool(flags & 0x40)
            if kind in (0, 2, 4, 5):
                _, s, n = r.leb()
                L.append(Field(s, n, "leb", "symtab.index"))
                if not undefined or explicit:
                    nl, s, n = r.leb()
                    L.append(Field(s, n, "leb", "symtab.name-length"))
                    r.pos += nl
            elif kind == 1:
                nl, s, n = r.leb()
                L.append(Field(s, n, "leb", "symtab.name-length"))
                r.pos += nl
                if not undefined:
                    for what in ("segment", "offset", "size"):
                        _, s, n = r.leb()
                        L.append(Field(s, n, "leb", "symtab.data-" + what))
            elif kind == 3:
                _, s, n = r.leb()
                L.append(Field(s, n, "leb", "symtab.section"))
            else:
                raise ParseError("unknown symbol kind")


# ---------------------------------------------------------------------------
# Mutations. Each returns (new bytes, description).
# ---------------------------------------------------------------------------

def uleb(value, width=None):
    out = bytearray()
    while True:
        b = value & 0x7F
        value >>= 7
        out.append(b)
        if value == 0 and (width is None or len(out) >= width):
            break
    if width is not None:
        while len(out) < width:
            out.append(0)
    for i in range(len(out) - 1):
        out[i] |= 0x80
    return bytes(out)


def field_value(data, f):
    v, shift = 0, 0
    for b in data[f.start:f.start + f.length]:
        v |= (b & 0x7F) << shift
        shift += 7
    return v


def corrupt_field(rng, data, f):
    """Replace one recorded field with a corrupted value."""
    d = bytearray(data)
    old = bytes(d[f.start:f.start + f.length])
    if f.kind == "byte":
        choice = rng.choice(["random", "plus1", "0x7f", "0xff"])
        if choice == "random":
            new = bytes([rng.randrange(256)])
        elif choice == "plus1":
            new = bytes([(old[0] + 1) & 0xFF])
        elif choice == "0x7f":
            new = b"\x7f"
        else:
            new = b"\xff"
        new = new + old[1:]
    else:
        value = field_value(data, f)
        choice = rng.choice(["max", "huge", "unterminated", "overlong", "random",
                             "delta", "zero", "reencode"])
        width = f.length
        if choice == "max":          # largest u32, same width where possible
            new = uleb(0xFFFFFFFF, width if width >= 5 else None)
        elif choice == "huge":       # does not fit in 32 bits
            new = uleb(rng.randrange(1 << 32, 1 << 35), max(width, 5))
        elif choice == "unterminated":  # continuation bit on every byte
            new = bytes(b | 0x80 for b in old)
        elif choice == "overlong":   # 6+ byte encoding of the same value
            new = uleb(value, max(width, 5) + rng.randint(1, 4))
        elif choice == "random":
            new = uleb(rng.randrange(1 << (7 * min(width, 4))), width)
        elif choice == "delta":
            new = uleb(max(0, value + rng.choice([-3, -2, -1, 1, 2, 3, 64])), width)
        elif choice == "zero":
            new = uleb(0, width)
        else:                        # minimal re-encoding: shifts the rest of the file
            new = uleb(value + rng.choice([0, 1, 200]))
        if len(new) > width and choice in ("random", "delta") :
            new = new[:width]
    d[f.start:f.start + f.length] = new
    return bytes(d), "%s %s: %s -> %s" % (f.what, choice, old.hex(), new.hex())


def m_overwrite(rng, data, omap):
    d = bytearray(data)
    n = rng.randint(1, 8)
    spots = []
    for _ in range(n):
        p = rng.randrange(len(d))
        d[p] = rng.randrange(256)
        spots.append("0x%x" % p)
    return bytes(d), "overwrite %d byte(s) at %s" % (n, ",".join(spots))


def m_bitflip(rng, data, omap):
    d = bytearray(data)
    p = rng.randrange(len(d))
    bit = rng.randrange(8)
    d[p] ^= 1 << bit
    return bytes(d), "flip bit %d at 0x%x" % (bit, p)


def m_truncate(rng, data, omap):
    n = rng.randrange(len(data))
    return data[:n], "truncate to %d bytes" % n


def m_insert(rng, data, omap):
    p = rng.randrange(len(data) + 1)
    n = rng.randint(1, 16)
    blob = bytes(rng.randrange(256) for _ in range(n))
    return data[:p] + blob + data[p:], "insert %d byte(s) at 0x%x" % (n, p)


def m_delete(rng, data, omap):
    p = rng.randrange(len(data))
    n = rng.randint(1, 16)
    return data[:p] + data[p + n:], "delete %d byte(s) at 0x%x" % (n, p)


def m_code_leb(rng, data, omap):
    return corrupt_field(rng, data, rng.choice(omap.code_leb))


def m_reloc(rng, data, omap):
    return corrupt_field(rng, data, rng.choice(omap.reloc))


def m_linking(rng, data, omap):
    return corrupt_field(rng, data, rng.choice(omap.linking))


def m_section_header(rng, data, omap):
    return corrupt_field(rng, data, rng.choice(omap.section_header))


MUTATIONS = [
    ("overwrite", m_overwrite),
    ("bitflip", m_bitflip),
    ("truncate", m_truncate),
    ("insert", m_insert),
    ("delete", m_delete),
    ("code-leb", m_code_leb),
    ("reloc", m_reloc),
    ("linking", m_linking),
    ("section-header", m_section_header),
]


def make_case(seed, index, data, omap):
    rng = random.Random("fuzz-link:%d:%d" % (seed, index))
    name, fn = MUTATIONS[index % len(MUTATIONS)]
    for _ in range(20):
        new, desc = fn(rng, data, omap)
        if new != data:
            return name, new, desc
    raise RuntimeError("case %d: mutation %s never changed the input" % (index, name))


# ---------------------------------------------------------------------------
# Running the linkers.
# ---------------------------------------------------------------------------

def run(cmd, timeout):
    """Returns (status, stdout, stderr); status is None on timeout."""
    for attempt in range(10):
        try:
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, start_new_session=True)
            break
        except OSError as e:
            # The binary may be in the middle of being rebuilt (ETXTBSY, EACCES,
            # ENOENT for a moment): wait and retry, then give up loudly.
            if attempt == 9:
                raise SystemExit("fuzz-link.py: cannot run %s: %s" % (cmd[0], e))
            time.sleep(1)
    try:
        out, err = proc.communicate(timeout=timeout)
        return proc.returncode, out, err
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = proc.communicate()
        return None, out, err


def link_command(linker, obj, out):
    return linker + ["-m", "wasm32", "-L" + LIBDIR, os.path.join(LIBDIR, "crt1-command.o"),
                     obj, "-lc", BUILTINS, "-o", out]


def check_diagnostic(stderr, tool, input_names, max_lines):
    """Is stderr one clear diagnostic? Returns (ok, reason, names_input, has_offset).

    Clear means: at least one `<tool>: error:` line; every line starts with
    `<tool>: ` (or is an indented / `>>>` continuation line); at most
    `max_lines` lines; and the first error line names an input file (the
    corrupted object or another input such as crt1-command.o or libc.a(x.o) --
    a corrupted symbol name may legitimately surface as an undefined symbol
    in crt1-command.o).
    """
    text = stderr.decode("utf-8", "replace")
    lines = [l for l in text.splitlines() if l.strip()]
    prefix = tool + ": "
    errors = [l for l in lines if l.startswith(prefix + "error: ")]
    if not errors:
        return False, "no '%serror:' line" % prefix, False, False
    foreign = [l for l in lines if not (l.startswith(prefix) or l[:1].isspace() or l.startswith(">>>"))]
    if foreign:
        return False, "line not from %s: %r" % (tool, foreign[0][:120]), False, False
    if len(lines) > max_lines:
        return False, "%d lines of diagnostics (limit %d)" % (len(lines), max_lines), False, False
    first = errors[0]
    names_fuzz = input_names[0] in first
    if not any(n in first for n in input_names):
        return False, "first error names no input file: %r" % first[:160], False, False
    has_offset = "offset 0x" in first
    return True, "", names_fuzz, has_offset


def classify(status, stderr, outdir, out, validate, tool, input_names, max_lines, check_diag):
    """Returns (class, detail, names_input, has_offset)."""
    if status is None:
        return "hang", "timed out", False, False
    left = sorted(os.listdir(outdir))
    if status == 0:
        if not os.path.exists(out):
            return "invalid", "exit 0 but no output file", False, False
        vs, vo, ve = run([validate, out], 60)
        if vs != 0:
            msg = (vo + ve).decode("utf-8", "replace").strip().splitlines()
            return "invalid", "wasm-validate: " + (msg[0] if msg else "status %s" % vs), False, False
        return "ok-valid", "", False, False
    if status == 1:
        if left:
            return "leftover", "exit 1 but left %s" % ", ".join(left), False, False
        if not check_diag:
            return "clean-error", "", False, False
        ok, reason, names_fuzz, has_offset = check_diagnostic(stderr, tool, input_names, max_lines)
        if not ok:
            return "unclear", reason, False, False
        return "clean-error", "", names_fuzz, has_offset
    if status < 0:
        try:
            sig = signal.Signals(-status).name
        except ValueError:
            sig = "signal %d" % -status
        return "crash", "killed by %s" % sig, False, False
    return "crash", "exit status %d" % status, False, False


def first_error(stderr):
    for l in stderr.decode("utf-8", "replace").splitlines():
        if l.strip():
            return l.strip()
    return "(no stderr)"


class Linker:
    def __init__(self, label, cmd, tool, check_diag):
        self.label, self.cmd, self.tool, self.check_diag = label, cmd, tool, check_diag


def run_case(args, case, linkers):
    idx, kind, desc, path = case
    results = {}
    for lk in linkers:
        outdir = os.path.join(args.work_dir, "out", lk.label, "%03d" % idx)
        os.makedirs(outdir)
        out = os.path.join(outdir, "fuzz-%03d.wasm" % idx)
        cmd = link_command(lk.cmd, path, out)
        t0 = time.monotonic()
        status, _, err = run(cmd, args.timeout)
        elapsed = time.monotonic() - t0
        names = [os.path.basename(path), "crt1-command.o", "libc.a", os.path.basename(BUILTINS)]
        cls, detail, names_fuzz, has_offset = classify(status, err, outdir, out, args.wasm_validate,
                                                       lk.tool, names, args.max_diag_lines, lk.check_diag)
        results[lk.label] = dict(cls=cls, detail=detail, status=status, stderr=err, cmd=cmd,
                                 names_fuzz=names_fuzz, has_offset=has_offset, elapsed=elapsed)
        shutil.rmtree(outdir, ignore_errors=True)
    return idx, results


def shell_quote(cmd):
    import shlex
    return " ".join(shlex.quote(c) for c in cmd)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--toyc", default=DEFAULT_TOYC, help="toyc binary (linked as `toyc link`)")
    ap.add_argument("--source", default=DEFAULT_SOURCE, help="C program to compile with clang-19")
    ap.add_argument("--object", help="use this wasm object instead of compiling --source")
    ap.add_argument("--clang", default="clang-19")
    ap.add_argument("--wasm-validate", default="wasm-validate")
    ap.add_argument("--wasm-ld", default="wasm-ld-19")
    ap.add_argument("-n", "--count", type=int, default=152)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds per link")
    ap.add_argument("--max-diag-lines", type=int, default=20)
    ap.add_argument("--memory-limit-mb", type=int, default=4096,
                    help="address-space limit for the linkers (0: none)")
    ap.add_argument("--work-dir", default="fuzz-link.work",
                    help="scratch directory (emptied first); failures are kept in <work-dir>/failures")
    ap.add_argument("--compare", action="store_true", help="also run wasm-ld-19 on the same copies")
    ap.add_argument("--keep-all", action="store_true", help="keep every corrupted copy in <work-dir>/cases")
    ap.add_argument("-v", "--verbose", action="store_true", help="print one line per case")
    args = ap.parse_args()

    start = time.monotonic()
    args.work_dir = os.path.abspath(args.work_dir)
    shutil.rmtree(args.work_dir, ignore_errors=True)
    for sub in ("cases", "failures", "out"):
        os.makedirs(os.path.join(args.work_dir, sub))

    if args.memory_limit_mb > 0:
        lim = args.memory_limit_mb << 20
        resource.setrlimit(resource.RLIMIT_AS, (lim, lim))

    # 1. The seed object.
    if args.object:
        seed_obj = os.path.abspath(args.object)
    else:
        seed_obj = os.path.join(args.work_dir, "fuzz-program.o")
        subprocess.run([args.clang, "--target=wasm32-wasi", "--sysroot=/usr", "-O1", "-c",
                        args.source, "-o", seed_obj], check=True)
    data = open(seed_obj, "rb").read()
    omap = ObjectMap(data)
    print("seed object: %s (%d bytes; %d code LEBs, %d reloc fields, %d linking fields)"
          % (seed_obj, len(data), len(omap.code_leb), len(omap.reloc), len(omap.linking)))

    toyc = Linker("toyc", [os.path.abspath(args.toyc), "link"], "toyc", True)
    linkers = [toyc]
    if args.compare:
        linkers.append(Linker("wasm-ld", [args.wasm_ld], os.path.basename(args.wasm_ld), False))

    # 2. Control: the pristine object must link and validate with toyc.
    ctl_dir = os.path.join(args.work_dir, "out", "control")
    os.makedirs(ctl_dir)
    ctl_out = os.path.join(ctl_dir, "control.wasm")
    status, _, err = run(link_command(toyc.cmd, seed_obj, ctl_out), args.timeout)
    cls, detail, _, _ = classify(status, err, ctl_dir, ctl_out, args.wasm_validate, "toyc",
                                 [os.path.basename(seed_obj)], args.max_diag_lines, True)
    if cls != "ok-valid":
        print("error: the unmodified object does not link with toyc (%s %s): %s"
              % (cls, detail, err.decode("utf-8", "replace").strip()))
        return 2
    shutil.rmtree(ctl_dir)

    # 3. The corrupted copies.
    cases = []
    for i in range(args.count):
        kind, blob, desc = make_case(args.seed, i, data, omap)
        path = os.path.join(args.work_dir, "cases", "fuzz-%03d.o" % i)
        with open(path, "wb") as f:
            f.write(blob)
        cases.append((i, kind, desc, path))

    # 4. Link them all.
    results = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for idx, res in pool.map(lambda c: run_case(args, c, linkers), cases):
            results[idx] = res

    # 5. Report.
    fail_dir = os.path.join(args.work_dir, "failures")
    failures = []
    classes = ("ok-valid", "clean-error") + BAD_CLASSES
    for lk in linkers:
        counts = dict((c, 0) for c in classes)
        by_kind = {}
        names_fuzz = has_offset = 0
        slowest = 0.0
        for i, kind, desc, path in cases:
            r = results[i][lk.label]
            counts[r["cls"]] += 1
            by_kind.setdefault(kind, dict((c, 0) for c in classes))[r["cls"]] += 1
            names_fuzz += r["names_fuzz"]
            has_offset += r["has_offset"]
            slowest = max(slowest, r["elapsed"])
            if args.verbose:
                print("%s %03d %-14s %-11s %s | %s | %s" % (lk.label, i, kind, r["cls"], desc, r["detail"],
                                                           first_error(r["stderr"])))
            if r["cls"] in BAD_CLASSES:
                sub = fail_dir if lk is toyc else os.path.join(fail_dir, lk.label)
                os.makedirs(sub, exist_ok=True)
                kept = os.path.join(sub, os.path.basename(path))
                shutil.copyfile(path, kept)
                cmd = [c if c != path else kept for c in r["cmd"]]
                cmd[-1] = "/tmp/fuzz-%03d.wasm" % i
                with open(kept[:-2] + ".txt", "w") as f:
                    f.write("class: %s (%s)\nmutation: %s: %s\nstatus: %s\ncommand: %s\nstderr:\n%s\n"
                            % (r["cls"], r["detail"], kind, desc, r["status"], shell_quote(cmd),
                               r["stderr"].decode("utf-8", "replace")))
                if lk is toyc:
                    failures.append((i, kind, desc, kept, r))
        diag = ""
        if lk.check_diag:
            diag = " (naming the corrupted file: %d, with an offset: %d)" % (names_fuzz, has_offset)
        print("%s: %d inputs (seed %d): ok-valid: %d clean-error: %d%s; slowest link %.2fs"
              % (lk.tool, args.count, args.seed, counts["ok-valid"], counts["clean-error"], diag, slowest))
        for kind, _ in MUTATIONS:
            c = by_kind.get(kind, {})
            print("  %-15s %s" % (kind, " ".join("%s=%d" % (k, v) for k, v in sorted(c.items()) if v)))
        if lk is toyc:
            print("toyc: crashes: %d hangs: %d invalid: %d leftover: %d unclear: %d"
                  % (counts["crash"], counts["hang"], counts["invalid"], counts["leftover"], counts["unclear"]))
        else:
            print("%s (reference, informational): crashes: %d hangs: %d invalid: %d leftover: %d"
                  % (lk.tool, counts["crash"], counts["hang"], counts["invalid"], counts["leftover"]))

    for i, kind, desc, kept, r in failures:
        print("FAIL toyc %s: %s (%s: %s)\n  %s\n  %s" % (r["cls"], kept, kind, desc, r["detail"],
                                                        first_error(r["stderr"])))
    if not args.keep_all:
        shutil.rmtree(os.path.join(args.work_dir, "cases"), ignore_errors=True)
    shutil.rmtree(os.path.join(args.work_dir, "out"), ignore_errors=True)
    print("elapsed: %.1fs" % (time.monotonic() - start))
    if failures:
        print("toyc failures kept in %s" % fail_dir)
        return 1
    print("toyc: no failures")
    return 0


if __name__ == "__main__":
    sys.exit(main())
