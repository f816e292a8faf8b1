; A value defined in a loop from a loop phi and used after the loop exits
; must see the phi's value of the last pass, not the one its latch copy
; assigned for the next pass. Instruction selection folds such values into
; their uses (address offsets, scaled indices, branch conditions), so the
; phi is read at the use; codegen must then keep the latch copy on its own
; edge instead of before the conditional branch (codegen/ir_copies.cpp).
; Each function exits its loop on a path where the old placement read the
; next value; main prints what they return.
; RUN: %toyc build %s -o %t.wasm
; RUN: wasm-validate %t.wasm
; RUN: %run-wasi %t.wasm | FileCheck %s --check-prefix=OUT
; RUN: %toyc build-obj %s -o %t.o
; RUN: wasm-objdump -d %t.o | FileCheck %s

; OUT: merge: 1 2 3 4 6 7
; OUT-NEXT: countdown: 21
; OUT-NEXT: find_global: 7
; OUT-NEXT: find_param: 7
; OUT-NEXT: index_plus: 11
; OUT-NEXT: sum: 45

target triple = "wasm32-unknown-wasi"

%Rec = type { i32, ptr }

; SQLite's list merge (vdbesort.c), clang-19 -O2: the store after each exit
; goes through `getelementptr %cur, 4` of the current node, whose phi the
; back edge assigns the null that ended the loop.
define ptr @merge(ptr %p1, ptr %p2) {
entry:
  %final = alloca ptr, align 4
  store ptr null, ptr %final, align 4
  br label %outer
outer:
  %a = phi ptr [ %anext, %takeA ], [ %p1, %entry ]
  %b0 = phi ptr [ %b, %takeA ], [ %p2, %entry ]
  %pp0 = phi ptr [ %anextp, %takeA ], [ %final, %entry ]
  %ka = load i32, ptr %a, align 4
  br label %inner
inner:
  %b = phi ptr [ %bnext, %takeB ], [ %b0, %outer ]
  %pp = phi ptr [ %bnextp, %takeB ], [ %pp0, %outer ]
  %kb = load i32, ptr %b, align 4
  %gt = icmp sgt i32 %ka, %kb
  br i1 %gt, label %takeB, label %takeA
takeA:
  store ptr %a, ptr %pp, align 4
  %anextp = getelementptr inbounds i8, ptr %a, i32 4
  %anext = load ptr, ptr %anextp, align 4
  %aend = icmp eq ptr %anext, null
  br i1 %aend, label %restB, label %outer
restB:
  store ptr %b, ptr %anextp, align 4
  br label %done
takeB:
  store ptr %b, ptr %pp, align 4
  %bnextp = getelementptr inbounds i8, ptr %b, i32 4
  %bnext = load ptr, ptr %bnextp, align 4
  %bend = icmp eq ptr %bnext, null
  br i1 %bend, label %restA, label %inner
restA:
  store ptr %a, ptr %bnextp, align 4
  br label %done
done:
  %r = load ptr, ptr %final, align 4
  ret ptr %r
}

; The latch branches on the phi itself (`while (n--)` rotated): the branch
; reads %i after the copy would have made it %dec.
define i32 @countdown(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ %n, %entry ], [ %dec, %loop ]
  %s = phi i32 [ 0, %entry ], [ %s2, %loop ]
  %dec = add i32 %i, -1
  %t = add i32 %s, %i
  %s2 = add i32 %t, 1
  %c = icmp ne i32 %i, 0
  br i1 %c, label %loop, label %exit
exit:
  ret i32 %s2
}

@table = global [8 x i32] [i32 1, i32 3, i32 5, i32 7, i32 9, i32 11, i32 13, i32 15]

; An element of a global indexed by the loop counter: the index goes into
; the load after the exit, the global into its offset.
define i32 @find_global(i32 %limit) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %inext, %loop ]
  %g = getelementptr inbounds [8 x i32], ptr @table, i32 0, i32 %i
  %inext = add nuw nsw i32 %i, 1
  %q = getelementptr inbounds [8 x i32], ptr @table, i32 0, i32 %inext
  %v = load i32, ptr %q, align 4
  %c = icmp slt i32 %v, %limit
  br i1 %c, label %loop, label %exit
exit:
  %r = load i32, ptr %g, align 4
  ret i32 %r
}

; The same through a pointer parameter: the scaled index is summed at the load.
define i32 @find_param(ptr %a, i32 %limit) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %inext, %loop ]
  %g = getelementptr inbounds i32, ptr %a, i32 %i
  %inext = add nuw nsw i32 %i, 1
  %q = getelementptr inbounds i32, ptr %a, i32 %inext
  %v = load i32, ptr %q, align 4
  %c = icmp slt i32 %v, %limit
  br i1 %c, label %loop, label %exit
exit:
  %r = load i32, ptr %g, align 4
  ret i32 %r
}

; An index `i + 2`: the constant goes into the offset, %i is read at the use.
define i32 @index_plus(ptr %a, i32 %limit) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %inext, %loop ]
  %i2 = add nsw i32 %i, 2
  %g = getelementptr inbounds i32, ptr %a, i32 %i2
  %inext = add nuw nsw i32 %i, 1
  %q = getelementptr inbounds i32, ptr %a, i32 %inext
  %v = load i32, ptr %q, align 4
  %c = icmp slt i32 %v, %limit
  br i1 %c, label %loop, label %exit
exit:
  %r = load i32, ptr %g, align 4
  ret i32 %r
}

; Where nothing after the exit reads the phis, the latch copy still goes
; before the br_if back to the loop (no extra block).
; CHECK-LABEL: <sum>:
; CHECK: loop
; CHECK-NOT: block
; CHECK: local.set
; CHECK: br_if 0
; CHECK-NEXT: end
define i32 @sum(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %inext, %loop ]
  %s = phi i32 [ 0, %entry ], [ %s2, %loop ]
  %s2 = add i32 %s, %i
  %inext = add nuw nsw i32 %i, 1
  %c = icmp ult i32 %inext, %n
  br i1 %c, label %loop, label %exit
exit:
  ret i32 %s2
}

@fmt.merge = private constant [8 x i8] c"merge:\00\00"
@fmt.node = private constant [4 x i8] c" %d\00"
@fmt.nl = private constant [2 x i8] c"\0A\00"
@fmt.line = private constant [8 x i8] c"%s: %d\0A\00"
@n.countdown = private constant [10 x i8] c"countdown\00"
@n.find_global = private constant [12 x i8] c"find_global\00"
@n.find_param = private constant [11 x i8] c"find_param\00"
@n.index_plus = private constant [11 x i8] c"index_plus\00"
@n.sum = private constant [4 x i8] c"sum\00"
@nums = private constant [8 x i32] [i32 1, i32 3, i32 5, i32 7, i32 9, i32 11, i32 13, i32 15]

declare i32 @printf(ptr, ...)

define i32 @main(i32 %argc, ptr %argv) {
entry:
  %la = alloca [3 x %Rec], align 4
  %lb = alloca [3 x %Rec], align 4
  %a1 = getelementptr inbounds [3 x %Rec], ptr %la, i32 0, i32 1
  %a2 = getelementptr inbounds [3 x %Rec], ptr %la, i32 0, i32 2
  %b1 = getelementptr inbounds [3 x %Rec], ptr %lb, i32 0, i32 1
  %b2 = getelementptr inbounds [3 x %Rec], ptr %lb, i32 0, i32 2
  call void @node(ptr %la, i32 1, ptr %a1)
  call void @node(ptr %a1, i32 4, ptr %a2)
  call void @node(ptr %a2, i32 6, ptr null)
  call void @node(ptr %lb, i32 2, ptr %b1)
  call void @node(ptr %b1, i32 3, ptr %b2)
  call void @node(ptr %b2, i32 7, ptr null)
  %m = call ptr @merge(ptr %la, ptr %lb)
  call i32 (ptr, ...) @printf(ptr @fmt.merge)
  br label %print
print:
  %p = phi ptr [ %m, %entry ], [ %next, %print ]
  %k = load i32, ptr %p, align 4
  call i32 (ptr, ...) @printf(ptr @fmt.node, i32 %k)
  %np = getelementptr inbounds i8, ptr %p, i32 4
  %next = load ptr, ptr %np, align 4
  %more = icmp ne ptr %next, null
  br i1 %more, label %print, label %rest
rest:
  call i32 (ptr, ...) @printf(ptr @fmt.nl)
  %r1 = call i32 @countdown(i32 5)
  call i32 (ptr, ...) @printf(ptr @fmt.line, ptr @n.countdown, i32 %r1)
  %r2 = call i32 @find_global(i32 8)
  call i32 (ptr, ...) @printf(ptr @fmt.line, ptr @n.find_global, i32 %r2)
  %r3 = call i32 @find_param(ptr @nums, i32 8)
  call i32 (ptr, ...) @printf(ptr @fmt.line, ptr @n.find_param, i32 %r3)
  %r4 = call i32 @index_plus(ptr @nums, i32 8)
  call i32 (ptr, ...) @printf(ptr @fmt.line, ptr @n.index_plus, i32 %r4)
  %r5 = call i32 @sum(i32 10)
  call i32 (ptr, ...) @printf(ptr @fmt.line, ptr @n.sum, i32 %r5)
  ret i32 0
}

define void @node(ptr %r, i32 %key, ptr %next) {
  store i32 %key, ptr %r, align 4
  %np = getelementptr inbounds i8, ptr %r, i32 4
  store ptr %next, ptr %np, align 4
  ret void
}
