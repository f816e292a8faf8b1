; With one thread, atomic read-modify-write and compare-exchange are plain
; loads and stores and fences are nothing. Computed goto: block addresses
; are block numbers and indirectbr a switch over the possible targets.
; RUN: %toyc build-obj %s -o %t.o
; RUN: wasm-objdump -d %t.o | FileCheck %s
; RUN: %toyc build %s -o %t.wasm
; RUN: %run-wasi %t.wasm | FileCheck %s --check-prefix=OUT

target triple = "wasm32-unknown-wasi"

; CHECK-LABEL: <bump>:
; CHECK-NEXT: local[1..3] type=i32
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i32.load 2 0
; CHECK-NEXT: local.set 1
; CHECK-NEXT: local.get 0
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i32.const 5
; CHECK-NEXT: i32.add
; CHECK-NEXT: i32.store 2 0
; CHECK-NOT: call
define i32 @bump(ptr %p) {
  %old = atomicrmw add ptr %p, i32 5 seq_cst
  fence seq_cst
  %x = cmpxchg ptr %p, i32 105, i32 7 seq_cst seq_cst
  %ok = extractvalue { i32, i1 } %x, 1
  %okz = zext i1 %ok to i32
  %mx = atomicrmw umax ptr %p, i32 3 monotonic
  %r = add i32 %old, %okz
  %r2 = mul i32 %r, 10
  %r3 = add i32 %r2, %mx
  ret i32 %r3
}

; An interpreter loop through a table of block addresses.
; CHECK-LABEL: <interp>:
; CHECK: br_table
@ops = internal constant [4 x ptr] [ptr blockaddress(@interp, %inc), ptr blockaddress(@interp, %dbl), ptr blockaddress(@interp, %inc), ptr blockaddress(@interp, %halt)]
define i32 @interp() {
entry:
  %t0 = load ptr, ptr @ops
  indirectbr ptr %t0, [label %inc, label %dbl, label %halt]
inc:
  %pc1 = phi i32 [ 0, %entry ], [ %pc3, %next ]
  %v1 = phi i32 [ 1, %entry ], [ %vn, %next ]
  %v3 = add i32 %v1, 1
  br label %next
dbl:
  %pc4 = phi i32 [ 0, %entry ], [ %pc3, %next ]
  %v4 = phi i32 [ 1, %entry ], [ %vn, %next ]
  %v2 = mul i32 %v4, 2
  br label %next
next:
  %pcn = phi i32 [ %pc1, %inc ], [ %pc4, %dbl ]
  %vn = phi i32 [ %v3, %inc ], [ %v2, %dbl ]
  %pc3 = add i32 %pcn, 1
  %slot = getelementptr inbounds [4 x ptr], ptr @ops, i32 0, i32 %pc3
  %t = load ptr, ptr %slot
  indirectbr ptr %t, [label %inc, label %dbl, label %halt]
halt:
  %vh = phi i32 [ 1, %entry ], [ %vn, %next ]
  ret i32 %vh
}

declare i32 @printf(ptr, ...)
@__main_void = hidden alias i32 (), ptr @main
@fmt = private unnamed_addr constant [10 x i8] c"%d %d %d\0A\00"
@cell = global i32 100

define i32 @main() {
  %b = call i32 @bump(ptr @cell)
  %c = load i32, ptr @cell
  %i = call i32 @interp()
  call i32 (ptr, ...) @printf(ptr @fmt, i32 %b, i32 %c, i32 %i)
  ret i32 0
}
; old 100, cmpxchg 105 -> 7 succeeds, umax(7, 3) keeps 7: (100 + 1) * 10 + 7
; interp: inc 1->2, dbl ->4, inc ->5, halt
; OUT: 1017 7 5
