; Structured control flow from a CFG: loops with the exit code after the
; loop's end, early returns as `if ... return end` without else, nested
; loops with break and continue as br/br_if to the right depths.
; RUN: %toyc build-obj %s -o %t.o
; RUN: wasm-objdump -d %t.o | FileCheck %s
; RUN: %toyc build %s -o %t.wasm
; RUN: %run-wasi %t.wasm | FileCheck %s --check-prefix=OUT

target triple = "wasm32-unknown-wasi"

; Count primes below n: an outer loop over candidates, an inner loop over
; divisors that breaks out (not prime) or finishes (prime).
; CHECK-LABEL: <primes>:
; CHECK:      loop
; CHECK:      loop
; CHECK:      i32.gt_u
; CHECK-NEXT: if
; CHECK:      else
; CHECK:      i32.rem_u
; CHECK-NEXT: if
; CHECK:      br 2
; CHECK-NEXT: end
; CHECK:      end
; CHECK-NEXT: end
; CHECK:      i32.lt_u
; CHECK-NEXT: br_if 0
; CHECK-NEXT: end
; CHECK-NEXT: local.get 2
; CHECK-NEXT: end
define i32 @primes(i32 %n) {
entry:
  br label %outer
outer:
  %c = phi i32 [ 2, %entry ], [ %c1, %next ]
  %count = phi i32 [ 0, %entry ], [ %count1, %next ]
  br label %inner
inner:
  %d = phi i32 [ 2, %outer ], [ %d1, %cont ]
  %dd = mul i32 %d, %d
  %big = icmp ugt i32 %dd, %c
  br i1 %big, label %isprime, label %test
test:
  %r = urem i32 %c, %d
  %z = icmp eq i32 %r, 0
  br i1 %z, label %next0, label %cont
cont:
  %d1 = add i32 %d, 1
  br label %inner
isprime:
  br label %next
next0:
  br label %next
next:
  %inc = phi i32 [ 1, %isprime ], [ 0, %next0 ]
  %count1 = add i32 %count, %inc
  %c1 = add i32 %c, 1
  %more = icmp ult i32 %c1, %n
  br i1 %more, label %outer, label %done
done:
  ret i32 %count1
}

; An early return: `if ... return end`, then the rest at the top level.
; CHECK-LABEL: <early>:
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i32.eqz
; CHECK-NEXT: if
; CHECK-NEXT: i32.const 4294967295
; CHECK-NEXT: return
; CHECK-NEXT: end
; CHECK-NEXT: i32.const 100
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i32.div_u
; CHECK-NEXT: end
define i32 @early(i32 %x) {
  %z = icmp eq i32 %x, 0
  br i1 %z, label %zero, label %div
zero:
  ret i32 -1
div:
  %q = udiv i32 100, %x
  ret i32 %q
}

declare i32 @printf(ptr, ...)
@__main_void = hidden alias i32 (), ptr @main
@fmt = private unnamed_addr constant [10 x i8] c"%d %d %d\0A\00"

define i32 @main() {
  %p = call i32 @primes(i32 1000)
  %e1 = call i32 @early(i32 0)
  %e2 = call i32 @early(i32 7)
  call i32 (ptr, ...) @printf(ptr @fmt, i32 %p, i32 %e1, i32 %e2)
  ret i32 0
}
; OUT: 168 -1 14
