; Intrinsics without code (dbg, lifetime, assume, expect, noalias scopes),
; trap and debugtrap as unreachable, frameaddress, objectsize and
; is.constant folded the way LLVM's backend folds them when the optimizer
; did not, threadlocal.address as the address itself (no threads).
; RUN: %toyc build-obj %s -o %t.o
; RUN: wasm-objdump -d %t.o | FileCheck %s
; RUN: %toyc build %s -o %t.wasm
; RUN: not %run-wasi %t.wasm trap 2>&1 | FileCheck %s --check-prefix=TRAP
; RUN: %run-wasi %t.wasm | FileCheck %s --check-prefix=OUT

target triple = "wasm32-unknown-wasi"

; CHECK-LABEL: <quiet>:
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i32.const 1
; CHECK-NEXT: i32.add
; CHECK-NEXT: end
define i32 @quiet(i32 %x) {
  %a = alloca i32
  call void @llvm.lifetime.start.p0(i64 4, ptr %a)
  call void @llvm.dbg.value(metadata i32 %x, metadata !1, metadata !DIExpression())
  %c = icmp sgt i32 %x, -100
  call void @llvm.assume(i1 %c)
  call void @llvm.experimental.noalias.scope.decl(metadata !4)
  %e = call i32 @llvm.expect.i32(i32 %x, i32 5)
  %r = add i32 %e, 1
  call void @llvm.lifetime.end.p0(i64 4, ptr %a)
  ret i32 %r
}

; CHECK-LABEL: <traps>:
; CHECK: unreachable
define void @traps(i32 %x) {
  %c = icmp eq i32 %x, 0
  br i1 %c, label %t, label %ok
t:
  call void @llvm.trap()
  unreachable
ok:
  ret void
}

define i32 @folded(ptr %p) {
  %s = call i32 @llvm.objectsize.i32.p0(ptr %p, i1 false, i1 false, i1 false)
  %m = call i32 @llvm.objectsize.i32.p0(ptr %p, i1 true, i1 false, i1 false)
  %k = call i1 @llvm.is.constant.i32(i32 5)
  %kz = zext i1 %k to i32
  %f = call ptr @llvm.frameaddress.p0(i32 0)
  %fn = icmp ne ptr %f, null
  %fz = zext i1 %fn to i32
  %t = call ptr @llvm.threadlocal.address.p0(ptr @tls)
  %tv = load i32, ptr %t
  %a = add i32 %s, %m
  %b = add i32 %a, %kz
  %c = add i32 %b, %fz
  %d = add i32 %c, %tv
  ret i32 %d
}

@tls = thread_local global i32 100

declare void @llvm.lifetime.start.p0(i64, ptr)
declare void @llvm.lifetime.end.p0(i64, ptr)
declare void @llvm.dbg.value(metadata, metadata, metadata)
declare void @llvm.assume(i1)
declare void @llvm.experimental.noalias.scope.decl(metadata)
declare i32 @llvm.expect.i32(i32, i32)
declare void @llvm.trap()
declare i32 @llvm.objectsize.i32.p0(ptr, i1, i1, i1)
declare i1 @llvm.is.constant.i32(i32)
declare ptr @llvm.frameaddress.p0(i32)
declare ptr @llvm.threadlocal.address.p0(ptr)

declare i32 @printf(ptr, ...)
@__main_argc_argv = hidden alias i32 (i32, ptr), ptr @main
@fmt = private unnamed_addr constant [7 x i8] c"%d %d\0A\00"

define i32 @main(i32 %argc, ptr %argv) {
  %q = call i32 @quiet(i32 41)
  %trap = icmp sgt i32 %argc, 1
  %z = select i1 %trap, i32 0, i32 1
  call void @traps(i32 %z)
  %f = call i32 @folded(ptr null)
  call i32 (ptr, ...) @printf(ptr @fmt, i32 %q, i32 %f)
  ret i32 0
}
; -1 + 0 + 0 + 1 + 100
; OUT: 42 100
; TRAP: trap

!llvm.module.flags = !{!0}
!0 = !{i32 2, !"Debug Info Version", i32 3}
!1 = !DILocalVariable(name: "x", scope: !2)
!2 = distinct !DISubprogram(name: "quiet", unit: !3)
!3 = distinct !DICompileUnit(language: DW_LANG_C11, file: !5)
!4 = !{!6}
!5 = !DIFile(filename: "x.c", directory: "/")
!6 = distinct !{!6, !7}
!7 = distinct !{!7}
