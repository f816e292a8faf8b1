; Phis are variables assigned by parallel copies in the predecessors; a loop
; latch assigns them before its branch when the exit does not need the old
; values (so the loop ends in br_if), a swap reads both values before
; writing either. select is wasm's select.
; RUN: %toyc build-obj %s -o %t.o
; RUN: wasm-objdump -d %t.o | FileCheck %s
; RUN: %toyc build %s -o %t.wasm
; RUN: %run-wasi %t.wasm | FileCheck %s --check-prefix=OUT

target triple = "wasm32-unknown-wasi"

; sum of 1..n: the phis share locals with the values copied into them, so
; the copies vanish, and the latch ends in br_if back to the loop.
; CHECK-LABEL: <sum>:
; CHECK:      loop
; CHECK-NEXT: local.get [[S:[0-9]+]]
; CHECK-NEXT: local.get [[I:[0-9]+]]
; CHECK-NEXT: i32.add
; CHECK-NEXT: local.set [[S]]
; CHECK-NEXT: local.get [[I]]
; CHECK-NEXT: i32.const 1
; CHECK-NEXT: i32.add
; CHECK-NEXT: local.tee [[I]]
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i32.le_s
; CHECK-NEXT: br_if 0
; CHECK-NEXT: end
; CHECK-NEXT: local.get [[S]]
; CHECK-NEXT: end
define i32 @sum(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 1, %entry ], [ %i1, %loop ]
  %s = phi i32 [ 0, %entry ], [ %s1, %loop ]
  %s1 = add i32 %s, %i
  %i1 = add i32 %i, 1
  %c = icmp sle i32 %i1, %n
  br i1 %c, label %loop, label %done
done:
  ret i32 %s1
}

; Fibonacci by swapping: (a, b) <- (b, a + b) needs a parallel copy.
define i64 @fib(i32 %n) {
entry:
  br label %loop
loop:
  %k = phi i32 [ 0, %entry ], [ %k1, %loop ]
  %a = phi i64 [ 0, %entry ], [ %b, %loop ]
  %b = phi i64 [ 1, %entry ], [ %ab, %loop ]
  %ab = add i64 %a, %b
  %k1 = add i32 %k, 1
  %c = icmp slt i32 %k1, %n
  br i1 %c, label %loop, label %done
done:
  ret i64 %a
}

; The exit reads the old value of the phi: the copies go on the back edge.
define i32 @last(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %i1 = add i32 %i, 3
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %done
done:
  ret i32 %i
}

; CHECK-LABEL: <max>:
; CHECK-NEXT: local.get 0
; CHECK-NEXT: local.get 1
; CHECK-NEXT: local.get 0
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i32.gt_s
; CHECK-NEXT: select
; CHECK-NEXT: end
define i32 @max(i32 %a, i32 %b) {
  %c = icmp sgt i32 %a, %b
  %r = select i1 %c, i32 %a, i32 %b
  ret i32 %r
}

; A diamond with a phi: if/else, both arms assign the phi.
; CHECK-LABEL: <diamond>:
; CHECK: if
; CHECK: local.set [[P:[0-9]+]]
; CHECK: else
; CHECK: local.set [[P]]
; CHECK: end
define i32 @diamond(i32 %x) {
entry:
  %c = icmp ult i32 %x, 10
  br i1 %c, label %small, label %big
small:
  %a = mul i32 %x, 3
  br label %join
big:
  %b = sub i32 %x, 10
  br label %join
join:
  %p = phi i32 [ %a, %small ], [ %b, %big ]
  %r = add i32 %p, 1
  ret i32 %r
}

declare i32 @printf(ptr, ...)
@__main_void = hidden alias i32 (), ptr @main
@fmt = private unnamed_addr constant [21 x i8] c"%d %lld %d %d %d %d\0A\00"

define i32 @main() {
  %s = call i32 @sum(i32 100)
  %f = call i64 @fib(i32 90)
  %l = call i32 @last(i32 100)
  %m = call i32 @max(i32 -5, i32 3)
  %d1 = call i32 @diamond(i32 4)
  %d2 = call i32 @diamond(i32 40)
  call i32 (ptr, ...) @printf(ptr @fmt, i32 %s, i64 %f, i32 %l, i32 %m, i32 %d1, i32 %d2)
  ret i32 0
}
; OUT: 5050 1779979416004714189 99 3 13 31
