; memcpy, memmove and memset of up to 64 constant bytes are inline loads and
; stores (memmove loads everything before storing); longer or variable
; ones call libc.
; RUN: %toyc build-obj %s -o %t.o
; RUN: wasm-objdump -d %t.o | FileCheck %s
; RUN: %toyc build %s -o %t.wasm
; RUN: wasm-objdump -d %t.wasm | FileCheck %s --check-prefix=LINKED
; RUN: %run-wasi %t.wasm | FileCheck %s --check-prefix=OUT

target triple = "wasm32-unknown-wasi"

; CHECK-LABEL: <copy12>:
; CHECK-NEXT: local.get 0
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i64.load 2 0
; CHECK-NEXT: i64.store 2 0
; CHECK-NEXT: local.get 0
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i32.load 2 8
; CHECK-NEXT: i32.store 2 8
; CHECK-NEXT: end
define void @copy12(ptr %d, ptr %s) {
  call void @llvm.memcpy.p0.p0.i32(ptr align 4 %d, ptr align 4 %s, i32 12, i1 false)
  ret void
}

; The load at 4 happens before the store at 0 (which may overwrite it).
; CHECK-LABEL: <move6>:
; CHECK:      i32.load16_u 0 4
; CHECK-NEXT: local.set 2
; CHECK-NEXT: local.get 0
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i32.load 0 0
; CHECK-NEXT: i32.store 0 0
; CHECK-NEXT: local.get 0
; CHECK-NEXT: local.get 2
; CHECK-NEXT: i32.store16 0 4
define void @move6(ptr %d, ptr %s) {
  call void @llvm.memmove.p0.p0.i32(ptr %d, ptr %s, i32 6, i1 false)
  ret void
}

; CHECK-LABEL: <set7>:
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i32.const 757935405
; CHECK-NEXT: i32.store 0 0
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i32.const 11565
; CHECK-NEXT: i32.store16 0 4
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i32.const 45
; CHECK-NEXT: i32.store8 0 6
; CHECK-NEXT: end
define void @set7(ptr %d) {
  call void @llvm.memset.p0.i32(ptr %d, i8 45, i32 7, i1 false)
  ret void
}

; LINKED-LABEL: <big>:
; LINKED: call {{[0-9]+}} <memcpy>
; LINKED: call {{[0-9]+}} <memset>
; LINKED: call {{[0-9]+}} <memmove>
define void @big(ptr %d, ptr %s, i32 %n, i8 %c) {
  call void @llvm.memcpy.p0.p0.i32(ptr %d, ptr %s, i32 100, i1 false)
  call void @llvm.memset.p0.i32(ptr %d, i8 %c, i32 %n, i1 false)
  call void @llvm.memmove.p0.p0.i32(ptr %d, ptr %s, i32 %n, i1 false)
  ret void
}

declare void @llvm.memcpy.p0.p0.i32(ptr, ptr, i32, i1)
declare void @llvm.memmove.p0.p0.i32(ptr, ptr, i32, i1)
declare void @llvm.memset.p0.i32(ptr, i8, i32, i1)

declare i32 @puts(ptr)
@__main_void = hidden alias i32 (), ptr @main
@src = global [128 x i8] c"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ012\00"
@dst = global [128 x i8] zeroinitializer

define i32 @main() {
  call void @copy12(ptr @dst, ptr @src)
  call i32 @puts(ptr @dst)
  ; overlapping: shift "abcdef" right by 2 within src
  call void @move6(ptr getelementptr inbounds (i8, ptr @src, i32 2), ptr @src)
  call void @copy12(ptr @dst, ptr @src)
  call i32 @puts(ptr @dst)
  call void @set7(ptr @dst)
  call i32 @puts(ptr @dst)
  call void @big(ptr @dst, ptr @src, i32 3, i8 46)
  %end = getelementptr inbounds i8, ptr @dst, i32 20
  store i8 0, ptr %end
  call i32 @puts(ptr @dst)
  ret i32 0
}
; OUT:      abcdefghijkl
; OUT-NEXT: ababcdefijkl
; OUT-NEXT: -------fijkl
; OUT-NEXT: ababcdefijklmnopqrst
