; Allocas live on the shadow stack below __stack_pointer: the prologue moves
; it down by the frame size (a multiple of 16) and every return restores it;
; frame slots are the frame pointer plus an offset, folded into loads and
; stores. Leaf functions with at most 128 bytes of frame use the space below
; the stack pointer without moving it. Dynamic allocas and stackrestore
; move the stack pointer; over-aligned frames are realigned and restored
; from the saved incoming value.
; RUN: %toyc build-obj %s -o %t.o
; RUN: wasm-objdump -d %t.o | FileCheck %s
; RUN: %toyc build %s -o %t.wasm
; RUN: %run-wasi %t.wasm | FileCheck %s --check-prefix=OUT

target triple = "wasm32-unknown-wasi"


; CHECK-LABEL: <framed>:
; CHECK-NEXT: local[1] type=i32
; CHECK-NEXT: global.get 0 <env.__stack_pointer>
; CHECK-NEXT: i32.const 32
; CHECK-NEXT: i32.sub
; CHECK-NEXT: local.tee 1
; CHECK-NEXT: global.set 0 <env.__stack_pointer>
; CHECK-NEXT: local.get 1
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i32.store 2 20
; CHECK-NEXT: local.get 1
; CHECK-NEXT: call
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i32.load 2 20
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i32.const 32
; CHECK-NEXT: i32.add
; CHECK-NEXT: global.set 0 <env.__stack_pointer>
; CHECK-NEXT: end
define i32 @framed(i32 %x) {
  %buf = alloca [5 x i32], align 4
  %slot = getelementptr inbounds [5 x i32], ptr %buf, i32 0, i32 5
  %v = alloca i32, align 4
  store i32 %x, ptr %v
  call void @use(ptr %buf)
  %r = load i32, ptr %v
  ret i32 %r
}

; CHECK-LABEL: <leaf>:
; CHECK-NOT: global.set
; CHECK: global.get 0 <env.__stack_pointer>
; CHECK-NEXT: i32.const 16
; CHECK-NEXT: i32.sub
; CHECK-NOT: global.set
; CHECK: end
define i32 @leaf(i32 %x) {
  %v = alloca i32, align 4
  store volatile i32 %x, ptr %v
  %r = load volatile i32, ptr %v
  ret i32 %r
}

; No fixed frame: the incoming stack pointer is kept, not written back.
; CHECK-LABEL: <dynamic>:
; CHECK-NEXT: local[1..5] type=i32
; CHECK-NEXT: global.get 0 <env.__stack_pointer>
; CHECK-NEXT: local.set 1
; CHECK: i32.const 4
; CHECK-NEXT: i32.mul
; CHECK-NEXT: i32.sub
; CHECK-NEXT: i32.const 4294967280
; CHECK-NEXT: i32.and
; CHECK-NEXT: local.tee
; CHECK-NEXT: global.set 0 <env.__stack_pointer>
; CHECK:      local.get 1
; CHECK-NEXT: global.set 0 <env.__stack_pointer>
; CHECK-NEXT: end
define i32 @dynamic(i32 %n) {
entry:
  %sp = call ptr @llvm.stacksave.p0()
  %a = alloca i32, i32 %n, align 4
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %p = getelementptr inbounds i32, ptr %a, i32 %i
  store i32 %i, ptr %p
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %done
done:
  call void @use(ptr %a)
  %last = getelementptr inbounds i32, ptr %a, i32 %i
  %r = load i32, ptr %last
  call void @llvm.stackrestore.p0(ptr %sp)
  ret i32 %r
}

; A 64-byte aligned slot: the frame pointer is aligned down and the
; incoming stack pointer restored at the return.
; CHECK-LABEL: <aligned>:
; CHECK: global.get 0 <env.__stack_pointer>
; CHECK-NEXT: local.tee [[OLD:[0-9]+]]
; CHECK-NEXT: i32.const 16
; CHECK-NEXT: i32.sub
; CHECK-NEXT: i32.const 4294967232
; CHECK-NEXT: i32.and
; CHECK: local.get [[OLD]]
; CHECK-NEXT: global.set 0 <env.__stack_pointer>
define i32 @aligned() {
  %a = alloca i32, align 64
  call void @use(ptr %a)
  %i = ptrtoint ptr %a to i32
  %m = and i32 %i, 63
  ret i32 %m
}

declare ptr @llvm.stacksave.p0()
declare void @llvm.stackrestore.p0(ptr)

@count = global i32 0
define void @use(ptr %p) {
  %c = load i32, ptr @count
  %c1 = add i32 %c, 1
  store i32 %c1, ptr @count
  ret void
}

declare i32 @printf(ptr, ...)
@__main_void = hidden alias i32 (), ptr @main
@fmt = private unnamed_addr constant [16 x i8] c"%d %d %d %d %d\0A\00"

define i32 @main() {
  %sp0 = call ptr @llvm.stacksave.p0()
  %a = call i32 @framed(i32 42)
  %b = call i32 @leaf(i32 7)
  %c = call i32 @dynamic(i32 1000)
  %d = call i32 @aligned()
  %sp1 = call ptr @llvm.stacksave.p0()
  %same = icmp eq ptr %sp0, %sp1
  %s = zext i1 %same to i32
  call i32 (ptr, ...) @printf(ptr @fmt, i32 %a, i32 %b, i32 %c, i32 %d, i32 %s)
  ret i32 0
}
; The stack pointer is back where it was after all of them.
; OUT: 42 7 999 0 1
