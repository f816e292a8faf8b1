#!/usr/bin/env python3
"""Writes a wasm32 IR module that applies every integer operation at the
widths named on the command line (`1-64`, `65-127`, `128`, ...) to a set of
interesting operands and prints one line per width: `iN op=checksum ...`.
`--compare REF OUT` lists the widths and operations where two such outputs
differ (exit status 1 if any).

The operands live in a global array of i64 (i128 above 64 bits) with random
bits above the width, loaded with `load volatile` and truncated, so nothing
folds and every operation sees a value whose container has dirty high bits.
A loop runs each operation on every pair of operands; each result is folded
into its own checksum, so a difference names the width and the operation.
Division avoids zero divisors and INT_MIN / -1, shifts use an amount below
the width, bswap appears at multiples of 16 only."""
import random
import sys


def parse_widths(args):
    widths = []
    for a in args:
        lo, _, hi = a.partition("-")
        widths += range(int(lo), int(hi or lo) + 1)
    return widths


def signed(v, n):
    """v as a signed n-bit IR constant."""
    v &= (1 << n) - 1
    return v - (1 << n) if v >> (n - 1) else v


CAST_WIDTHS = [1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 48, 63, 64, 65, 100, 127, 128]


class Width:
    def __init__(self, n, rng):
        self.n = n
        self.cw = 64 if n <= 64 else 128 if n <= 128 else (n + 63) // 64 * 64
        # Above 128 bits (bitfield storage in packed structs) only what clang
        # emits for C: logic, add, sub, constant shifts, compares, casts,
        # select, memory and calls.
        self.big = n > 128
        self.t = f"i{n}"
        self.ct = f"i{self.cw}"
        self.lines = []
        self.slots = []
        self.tmp = 0
        m = (1 << n) - 1
        vals = [0, 1, m, 1 << (n - 1), m >> 1,
                int("01" * 64, 2) & m, int("10" * 64, 2) & m,
                rng.getrandbits(n), rng.getrandbits(n)]
        # Random garbage above the width: the operation must not read it.
        self.vals = [(v | (rng.getrandbits(self.cw) << n)) & ((1 << self.cw) - 1) for v in vals]
        self.rand = rng.getrandbits(n)

    def c(self, v, n=None):
        return str(signed(v, n or self.n))

    def v(self):
        self.tmp += 1
        return f"%v{self.tmp}"

    def emit(self, s):
        self.lines.append("  " + s)

    def op(self, text):
        r = self.v()
        self.emit(f"{r} = {text}")
        return r

    def slot(self, name):
        if name not in self.slots:
            self.slots.append(name)
        return self.slots.index(name)

    def fold(self, name, val, bits):
        """Folds the iBITS value VAL into the checksum NAME."""
        if bits > 64:
            for at in range(0, bits, 64):
                sh = self.op(f"lshr i{bits} {val}, {at}") if at else val
                part = self.op(f"trunc i{bits} {sh} to i{min(64, bits - at)}")
                self.fold(name, part, min(64, bits - at))
            return
        if bits < 64:
            val = self.op(f"zext i{bits} {val} to i64")
        p = self.op(f"getelementptr inbounds [{{NSLOTS}} x i64], ptr %acc, i32 0, i32 {self.slot(name)}")
        old = self.op(f"load i64, ptr {p}")
        x = self.op(f"xor i64 {old}, {val}")
        y = self.op(f"mul i64 {x}, 1099511628211")
        z = self.op(f"lshr i64 {y}, 29")
        w = self.op(f"xor i64 {y}, {z}")
        self.emit(f"store i64 {w}, ptr {p}")

    def intr(self, name, ret, args):
        self.decls.add(f"declare {ret} @llvm.{name}({', '.join(t for t, _ in args)})")
        return self.op(f"call {ret} @llvm.{name}({', '.join(f'{t} {v}' for t, v in args)})")

    def body(self, decls):
        self.decls = decls
        n, t = self.n, self.t
        k = len(self.vals)

        def operand(idx):
            p = self.op(f"getelementptr inbounds [{k} x {self.ct}], ptr @vals{n}, i32 0, i32 {idx}")
            x = self.op(f"load volatile {self.ct}, ptr {p}")
            return self.op(f"trunc {self.ct} {x} to {t}") if n < self.cw else x

        a, b = operand("%i"), operand("%j")
        fold = lambda name, v: self.fold(name, v, n)
        mn, mx, ones = 1 << (n - 1), (1 << (n - 1)) - 1, (1 << n) - 1

        arith = ["add", "sub", "and", "or", "xor"] + ([] if self.big else ["mul"])
        for o in arith:
            fold(o, self.op(f"{o} {t} {a}, {b}"))
        # The same with a constant operand (immediates).
        for o in arith:
            fold(o + "_k", self.op(f"{o} {t} {a}, {self.c(self.rand)}"))
        if self.big:
            self.big_body(a, b, fold)
            return

        bz = self.op(f"icmp eq {t} {b}, 0")
        bd = self.op(f"select i1 {bz}, {t} {self.c(1)}, {t} {b}")
        fold("udiv", self.op(f"udiv {t} {a}, {bd}"))
        fold("urem", self.op(f"urem {t} {a}, {bd}"))
        amin = self.op(f"icmp eq {t} {a}, {self.c(mn)}")
        bm1 = self.op(f"icmp eq {t} {bd}, -1")
        ovf = self.op(f"and i1 {amin}, {bm1}")
        sa = self.op(f"select i1 {ovf}, {t} 0, {t} {a}")
        fold("sdiv", self.op(f"sdiv {t} {sa}, {bd}"))
        fold("srem", self.op(f"srem {t} {sa}, {bd}"))
        kdiv = 3 if n >= 3 else 1
        fold("udiv_k", self.op(f"udiv {t} {a}, {self.c(kdiv)}"))
        fold("urem_k", self.op(f"urem {t} {a}, {self.c(kdiv)}"))
        if n >= 3:
            fold("sdiv_k", self.op(f"sdiv {t} {a}, -3"))
            fold("srem_k", self.op(f"srem {t} {a}, -3"))

        s = self.op(f"urem {t} {b}, {self.c(n)}")
        for o in ["shl", "lshr", "ashr"]:
            fold(o, self.op(f"{o} {t} {a}, {s}"))
            fold(o + "_k", self.op(f"{o} {t} {a}, {self.c(n // 2)}"))

        self.compares(a, b)

        lt = self.op(f"icmp slt {t} {a}, {b}")
        fold("select", self.op(f"select i1 {lt}, {t} {a}, {t} {b}"))
        ult = self.op(f"icmp ult {t} {a}, {b}")
        fold("select", self.op(f"select i1 {ult}, {t} {b}, {t} {self.c(self.rand)}"))
        low = self.op(f"trunc {t} {a} to i1") if n > 1 else a
        fold("select", self.op(f"select i1 {low}, {t} {b}, {t} {a}"))

        self.casts(a, {n - 1, n + 1} - {129})

        for f in ["smin", "smax", "umin", "umax"]:
            fold(f, self.intr(f"{f}.{t}", t, [(t, a), (t, b)]))
        fold("abs", self.intr(f"abs.{t}", t, [(t, a), ("i1", "false")]))
        fold("ctpop", self.intr(f"ctpop.{t}", t, [(t, a)]))
        fold("ctlz", self.intr(f"ctlz.{t}", t, [(t, a), ("i1", "false")]))
        fold("cttz", self.intr(f"cttz.{t}", t, [(t, a), ("i1", "false")]))
        if n % 16 == 0:
            fold("bswap", self.intr(f"bswap.{t}", t, [(t, a)]))
        fold("bitreverse", self.intr(f"bitreverse.{t}", t, [(t, a)]))
        sh = self.op(f"add {t} {a}, {b}")
        for f in ["fshl", "fshr"]:
            fold(f, self.intr(f"{f}.{t}", t, [(t, a), (t, b), (t, sh)]))
            fold(f + "_k", self.intr(f"{f}.{t}", t, [(t, a), (t, b), (t, self.c(n // 3 + 1))]))
            fold(f + "_rot", self.intr(f"{f}.{t}", t, [(t, a), (t, a), (t, b)]))
        for f in ["uadd.sat", "sadd.sat", "usub.sat", "ssub.sat"]:
            fold(f, self.intr(f"{f}.{t}", t, [(t, a), (t, b)]))
        for f in ["scmp", "ucmp"]:
            self.fold(f, self.intr(f"{f}.i8.{t}", "i8", [(t, a), (t, b)]), 8)
        for f in ["sadd", "uadd", "ssub", "usub", "smul", "umul"]:
            st = f"{{ {t}, i1 }}"
            r = self.intr(f"{f}.with.overflow.{t}", st, [(t, a), (t, b)])
            fold(f + ".ovf", self.op(f"extractvalue {st} {r}, 0"))
            self.fold(f + ".ovf", self.op(f"extractvalue {st} {r}, 1"), 1)

        # Results of wrapping operations (dirty high bits in a container)
        # as operands of the operations that must extend them first.
        x = self.op(f"add {t} {a}, {b}")
        y = self.op(f"mul {t} {a}, {b}")
        for e in [f"lshr {t} {x}, {s}", f"ashr {t} {y}, {s}", f"udiv {t} {x}, {bd}",
                  f"urem {t} {y}, {bd}", f"select i1 {low}, {t} {x}, {t} {y}"]:
            fold("chain", self.op(e))
        for p in ["ult", "slt", "eq", "sge"]:
            self.fold("chain", self.op(f"icmp {p} {t} {x}, {y}"), 1)
        for e in [f"zext {t} {x} to i64", f"sext {t} {y} to i64"] if n < 64 else []:
            self.fold("chain", self.op(e), 64)
        for f in ["smin", "umax", "uadd.sat", "ssub.sat"]:
            fold("chain", self.intr(f"{f}.{t}", t, [(t, x), (t, y)]))
        for f in ["ctlz", "cttz"]:
            fold("chain", self.intr(f"{f}.{t}", t, [(t, x), ("i1", "false")]))
        for f in ["ctpop", "bitreverse"]:
            fold("chain", self.intr(f"{f}.{t}", t, [(t, y)]))
        self.fold("chain", self.intr(f"scmp.i8.{t}", "i8", [(t, x), (t, y)]), 8)
        r = self.intr(f"umul.with.overflow.{t}", f"{{ {t}, i1 }}", [(t, x), (t, y)])
        self.fold("chain", self.op(f"extractvalue {{ {t}, i1 }} {r}, 1"), 1)

        # Constants on the left.
        kk = self.c(self.rand)
        for e in [f"sub {t} {kk}, {a}", f"shl {t} {kk}, {s}", f"lshr {t} {kk}, {s}",
                  f"ashr {t} {kk}, {s}", f"udiv {t} {kk}, {bd}", f"srem {t} {kk}, {bd}"] \
                if n > 1 else []:
            fold("left_k", self.op(e))

        # Through memory: a store of the width and a load back.
        self.emit(f"store volatile {t} {y}, ptr @buf, align 16")
        ld = self.op(f"load volatile {t}, ptr @buf, align 16")
        fold("mem", ld)
        if n < 64:
            ld2 = self.op(f"load volatile {t}, ptr @buf, align 16")
            self.fold("mem", self.op(f"sext {t} {ld2} to i64"), 64)
        self.emit(f"store volatile {t} {x}, ptr getelementptr (i8, ptr @buf, i32 3), align 1")
        fold("mem", self.op(f"load volatile {t}, ptr getelementptr (i8, ptr @buf, i32 3), align 1"))

        # Through calls: results and arguments with dirty high bits, and
        # extended ones where the attributes promise it.
        fold("call", self.op(f"call {t} @sub{n}({t} {a}, {t} {b})"))
        if n < 32:
            x = self.op(f"call signext {t} @sx{n}({t} signext {a})")
            fold("call_ext", self.op(f"ashr {t} {x}, {self.c(n // 2)}"))
            self.fold("call_ext", self.op(f"sext {t} {x} to i64"), 64)
            y = self.op(f"call zeroext {t} @zx{n}({t} zeroext {b})")
            fold("call_ext", self.op(f"lshr {t} {y}, {self.c(n // 2)}"))
            self.fold("call_ext", self.op(f"zext {t} {y} to i64"), 64)

    def compares(self, a, b):
        """Every predicate against b, a constant and 0, as a bit mask each."""
        t = self.t
        preds = ["eq", "ne", "ugt", "uge", "ult", "ule", "sgt", "sge", "slt", "sle"]
        for name, rhs in [("icmp", b), ("icmp_k", self.c(self.rand)), ("icmp_0", "0")]:
            bits = None
            for i, p in enumerate(preds):
                cmp = self.op(f"icmp {p} {t} {a}, {rhs}")
                z = self.op(f"zext i1 {cmp} to i64")
                sh = self.op(f"shl i64 {z}, {i}")
                bits = sh if bits is None else self.op(f"or i64 {bits}, {sh}")
            self.fold(name, bits, 64)

    def casts(self, a, extra):
        """Truncations to narrower widths and back, extensions to wider."""
        n, t = self.n, self.t
        for m in sorted((set(CAST_WIDTHS) | extra) - {0, n}):
            if m < n:
                tr = self.op(f"trunc {t} {a} to i{m}")
                self.fold("trunc", tr, m)
                self.fold("zext", self.op(f"zext i{m} {tr} to {t}"), n)
                self.fold("sext", self.op(f"sext i{m} {tr} to {t}"), n)
            else:
                self.fold("zext", self.op(f"zext {t} {a} to i{m}"), m)
                self.fold("sext", self.op(f"sext {t} {a} to i{m}"), m)

    def big_body(self, a, b, fold):
        n, t = self.n, self.t
        for o in ["shl", "lshr", "ashr"]:
            for k in sorted({1, 8, 63, 64, 65, n // 2, n - 64, n - 1}):
                fold(f"{o}_k", self.op(f"{o} {t} {a}, {k}"))
        self.compares(a, b)
        lt = self.op(f"icmp slt {t} {a}, {b}")
        fold("select", self.op(f"select i1 {lt}, {t} {a}, {t} {b}"))
        self.casts(a, {n - 1, n + 1, n + 64})
        # A bitfield read and written the way clang does it: shifted up and
        # arithmetically down, masked and merged.
        x = self.op(f"add {t} {a}, {b}")
        up = self.op(f"shl {t} {x}, {n - 40}")
        fold("field", self.op(f"ashr {t} {up}, {n - 17}"))
        cleared = self.op(f"and {t} {a}, {self.c(~(((1 << 23) - 1) << 70))}")
        field = self.op(f"and {t} {b}, {(1 << 23) - 1}")
        placed = self.op(f"shl {t} {field}, 70")
        merged = self.op(f"or {t} {cleared}, {placed}")
        fold("field", merged)
        self.emit(f"store volatile {t} {merged}, ptr @buf, align 16")
        fold("mem", self.op(f"load volatile {t}, ptr @buf, align 16"))
        self.emit(f"store volatile {t} {x}, ptr getelementptr (i8, ptr @buf, i32 3), align 1")
        fold("mem", self.op(f"load volatile {t}, ptr getelementptr (i8, ptr @buf, i32 3), align 1"))
        fold("call", self.op(f"call {t} @sub{n}({t} {a}, {t} {b})"))

    def module_text(self, decls):
        self.body(decls)
        n, t, k = self.n, self.t, len(self.vals)
        out = [f"@vals{n} = internal global [{k} x {self.ct}] [" +
               ", ".join(f"{self.ct} {signed(v, self.cw)}" for v in self.vals) + "]"]
        out.append(f"define internal {t} @sub{n}({t} %a, {t} %b) noinline {{\n"
                   f"  %r = sub {t} %a, %b\n  ret {t} %r\n}}")
        if n < 32:
            out.append(f"define internal signext {t} @sx{n}({t} signext %a) noinline {{\n"
                       f"  %r = add {t} %a, {self.c(self.rand)}\n  ret {t} %r\n}}")
            out.append(f"define internal zeroext {t} @zx{n}({t} zeroext %a) noinline {{\n"
                       f"  %r = mul {t} %a, {self.c(self.rand | 1)}\n  ret {t} %r\n}}")
        ns = len(self.slots)
        body = "\n".join(self.lines).replace("{NSLOTS}", str(ns))
        prints = [f"  call i32 (ptr, ...) @printf(ptr @fmt_w, i32 {n})"]
        for i, name in enumerate(self.slots):
            prints.append(f"  %p{i} = getelementptr inbounds [{ns} x i64], ptr %acc, i32 0, i32 {i}\n"
                          f"  %x{i} = load i64, ptr %p{i}\n"
                          f"  call i32 (ptr, ...) @printf(ptr @fmt_op, ptr @name.{name}, i64 %x{i})")
        prints.append("  call i32 (ptr, ...) @printf(ptr @fmt_nl)")
        out.append(f"""define internal void @w{n}() noinline {{
entry:
  %acc = alloca [{ns} x i64], align 8
  call void @llvm.memset.p0.i32(ptr %acc, i8 0, i32 {8 * ns}, i1 false)
  br label %loop
loop:
  %k = phi i32 [ 0, %entry ], [ %k1, %loop ]
  %i = udiv i32 %k, {k}
  %j = urem i32 %k, {k}
{body}
  %k1 = add i32 %k, 1
  %more = icmp ult i32 %k1, {k * k}
  br i1 %more, label %loop, label %done
done:
{chr(10).join(prints)}
  ret void
}}""")
        return out


def compare(ref, out):
    """Names the widths and operations whose checksums differ."""
    ra, oa = open(ref).read().splitlines(), open(out).read().splitlines()
    bad = len(ra) != len(oa)
    if bad:
        print(f"{len(ra)} lines in {ref}, {len(oa)} in {out}")
    for r, o in zip(ra, oa):
        rs, os_ = r.split(), o.split()
        if rs[:1] != os_[:1] or len(rs) != len(os_):
            print(f"lines differ: {r[:40]}... / {o[:40]}...")
            bad = True
            continue
        for x, y in zip(rs[1:], os_[1:]):
            if x != y:
                print(f"{rs[0]} {x.split('=')[0]}: {x.split('=')[-1]} expected, {y.split('=')[-1]}")
                bad = True
    return 1 if bad else 0


def main():
    if sys.argv[1] == "--compare":
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    widths = parse_widths(sys.argv[1:])
    decls = set()
    out = ['target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-n32:64-S128-ni:1:10:20"',
           'target triple = "wasm32-unknown-wasi"',
           '@fmt_w = private unnamed_addr constant [4 x i8] c"i%d\\00"',
           '@fmt_op = private unnamed_addr constant [9 x i8] c" %s=%llx\\00"',
           '@fmt_nl = private unnamed_addr constant [2 x i8] c"\\0A\\00"',
           'declare i32 @printf(ptr, ...)',
           'declare void @llvm.memset.p0.i32(ptr, i8, i32, i1)',
           '@__main_void = hidden alias i32 (), ptr @main',
           '@buf = internal global [80 x i8] zeroinitializer, align 16',
           # Debian's 128-bit division builtins are built with a stack
           # protector that wasi-libc does not provide.
           '@__stack_chk_guard = global i32 0',
           'define void @__stack_chk_fail() {\n  unreachable\n}']
    names = []
    for n in widths:
        w = Width(n, random.Random(n))
        out += w.module_text(decls)
        names += [s for s in w.slots if s not in names]
    for s in names:
        out.append(f'@name.{s} = private unnamed_addr constant [{len(s) + 1} x i8] c"{s}\\00"')
    out += sorted(decls)
    calls = "\n".join(f"  call void @w{n}()" for n in widths)
    out.append(f"define i32 @main() {{\n{calls}\n  ret i32 0\n}}")
    print("\n".join(out))


main()
