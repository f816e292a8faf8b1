#!/usr/bin/env python3
"""Writes a wasm32 IR module with N functions (several MB for N in the
thousands): a chain of functions with loops, switches, phis, globals and
calls, and a main that prints a checksum of them."""
import sys

n = int(sys.argv[1])
out = ['target datalayout = "e-m:e-p:32:32-p10:8:8-p20:8:8-i64:64-n32:64-S128-ni:1:10:20"',
       'target triple = "wasm32-unknown-wasi"',
       '@fmt = private unnamed_addr constant [4 x i8] c"%d\\0A\\00"',
       'declare i32 @printf(ptr, ...)',
       '@__main_void = hidden alias i32 (), ptr @main']
for i in range(n):
    out.append(f'@g{i} = internal global i32 {i % 97}')
# A table of every function ahead of their definitions, and globals that
# point into globals, as clang prints C's function tables.
out.append(f'@table = internal constant [{n} x ptr] [' + ", ".join(f"ptr @f{i}" for i in range(n)) + ']')
out.append(f'@pick = internal global ptr getelementptr inbounds ([{n} x ptr], ptr @table, i32 0, i32 {n // 2})')
for i in range(n):
    callee = f'call i32 @f{i - 1}(i32 %s2)' if i else 'add i32 %s2, 0'
    out.append(f"""define internal i32 @f{i}(i32 %a) {{
entry:
  %g = load i32, ptr @g{i}
  br label %loop
loop:
  %k = phi i32 [ 0, %entry ], [ %k1, %next ]
  %s = phi i32 [ %g, %entry ], [ %s1, %next ]
  %m = and i32 %k, 3
  switch i32 %m, label %d [ i32 0, label %c0
                            i32 1, label %c1
                            i32 2, label %c2 ]
c0:
  %x0 = add i32 %s, {i % 13}
  br label %next
c1:
  %x1 = mul i32 %s, 3
  br label %next
c2:
  %x2 = xor i32 %s, %k
  br label %next
d:
  %x3 = sub i32 %s, 1
  br label %next
next:
  %s1 = phi i32 [ %x0, %c0 ], [ %x1, %c1 ], [ %x2, %c2 ], [ %x3, %d ]
  %k1 = add i32 %k, 1
  %c = icmp slt i32 %k1, %a
  br i1 %c, label %loop, label %done
done:
  %s2 = and i32 %s1, 65535
  %r = {callee}
  ret i32 %r
}}""")
out.append(f"""define i32 @main() {{
  %r = call i32 @f{n - 1}(i32 5)
  %pp = load ptr, ptr @pick
  %fp = load ptr, ptr %pp
  %q = call i32 %fp(i32 3)
  %t = add i32 %r, %q
  call i32 (ptr, ...) @printf(ptr @fmt, i32 %t)
  ret i32 0
}}""")
print("\n".join(out))
