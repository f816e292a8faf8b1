; Global variables become data segments with relocations for pointers in
; their initializers (data addresses and table slots of functions); C
; strings go to the mergeable .rodata.str1.1; aliases, weak, hidden and
; internal linkage map to symbol flags; llvm.global_ctors become init
; functions and llvm.global_dtors are registered with __cxa_atexit.
; RUN: %toyc build-obj %s -o %t.o
; RUN: wasm-objdump -x %t.o | FileCheck %s
; RUN: %toyc build %s -o %t.wasm
; RUN: %run-wasi %t.wasm | FileCheck %s --check-prefix=OUT

target triple = "wasm32-unknown-wasi"

; CHECK:      - segment[{{[0-9]+}}] <.rodata.str1.1> memory=0 size=6
; CHECK-NEXT:   - {{.*}} hello.
; CHECK-NEXT: - segment[{{[0-9]+}}] <.rodata.answer> memory=0 size=8
; CHECK-NEXT:   - {{.*}} 2900 0000 2a00 0000
; CHECK-NEXT: - segment[{{[0-9]+}}] <.data.table> memory=0 size=16
; CHECK-NEXT:   - {{.*}} 0000 0000 0000 0000 0000 0000 0700 0000
; CHECK-NEXT: - segment[{{[0-9]+}}] <.bss.counter> memory=0 size=4
; CHECK-NEXT:   - {{.*}} 0000 0000
; CHECK-NEXT: - segment[{{[0-9]+}}] <mysection> memory=0 size=4

; CHECK:      F <weakfn> func={{[0-9]+}} [ binding=weak vis=default ]
; CHECK-NEXT: F <hiddenfn> func=[[HIDDEN:[0-9]+]] [ binding=global vis=hidden ]
; CHECK-NEXT: F <localfn> func={{[0-9]+}} [ binding=local vis=default ]
; CHECK:      D <table> segment=[[TABLE:[0-9]+]] offset=0 size=16 [ binding=global vis=default ]
; CHECK:      D <dataalias> segment=[[TABLE]] offset=4 size=4 [ binding=global vis=default ]
; CHECK-NEXT: F <fnalias> func=[[HIDDEN]] [ binding=global vis=default ]
; CHECK:      F <__toyc_register_dtors.65535>
; CHECK:      0: .rodata.str1.1 p2align=0 [ STRINGS ]
; CHECK:      init functions [count=3]
; CHECK-NEXT: priority=65535
; CHECK-NEXT: priority=101
; CHECK-NEXT: priority=65535

; CHECK:      reloc.DATA
; CHECK-NEXT: relocations for section: {{.*}} (Data) [3]
; CHECK-NEXT: R_WASM_MEMORY_ADDR_I32 offset={{.*}} <.str>
; CHECK-NEXT: R_WASM_TABLE_INDEX_I32 offset={{.*}} symbol=1 <
; CHECK-NEXT: R_WASM_MEMORY_ADDR_I32 offset={{.*}} <answer>+0x4

@.str = private unnamed_addr constant [6 x i8] c"hello\00", align 1
@answer = constant [2 x i32] [i32 41, i32 42]
@table = global { ptr, ptr, ptr, i32 } { ptr @.str, ptr @hiddenfn, ptr getelementptr inbounds (i32, ptr @answer, i32 1), i32 7 }
@counter = internal global i32 0
@sectioned = global i32 5, section "mysection"
@dataalias = alias i32, getelementptr inbounds (i8, ptr @table, i32 4)
@fnalias = alias i32 (i32), ptr @hiddenfn

define weak i32 @weakfn(i32 %x) {
  ret i32 %x
}
define hidden i32 @hiddenfn(i32 %x) {
  %r = add i32 %x, 1
  ret i32 %r
}
define internal void @localfn() {
  %c = load i32, ptr @counter
  %c1 = add i32 %c, 10
  store i32 %c1, ptr @counter
  ret void
}
define internal void @early() {
  %c = load i32, ptr @counter
  %c1 = mul i32 %c, 3
  store i32 %c1, ptr @counter
  ret void
}
define internal void @bye() {
  %p = call i32 @puts(ptr @bye.msg)
  ret void
}
@bye.msg = private unnamed_addr constant [4 x i8] c"bye\00", align 1

@llvm.global_ctors = appending global [2 x { i32, ptr, ptr }] [{ i32, ptr, ptr } { i32 65535, ptr @localfn, ptr null }, { i32, ptr, ptr } { i32 101, ptr @early, ptr null }]
@llvm.global_dtors = appending global [1 x { i32, ptr, ptr }] [{ i32, ptr, ptr } { i32 65535, ptr @bye, ptr null }]

declare i32 @printf(ptr, ...)
declare i32 @puts(ptr)
@__main_void = hidden alias i32 (), ptr @main
@fmt = private unnamed_addr constant [21 x i8] c"%s %d %d %d %d %d %d\00"
@nl = private unnamed_addr constant [2 x i8] c"\0A\00"

define i32 @main() {
  %s = load ptr, ptr @table
  %fpp = getelementptr inbounds i8, ptr @table, i32 4
  %fp = load ptr, ptr %fpp
  %r = call i32 %fp(i32 1)
  %ap = getelementptr inbounds i8, ptr @table, i32 8
  %a = load ptr, ptr %ap
  %av = load i32, ptr %a
  %c = load i32, ptr @counter
  %d = load ptr, ptr @dataalias
  %same = icmp eq ptr %d, @hiddenfn
  %sz = zext i1 %same to i32
  %w = call i32 @weakfn(i32 9)
  %z = call i32 @fnalias(i32 99)
  call i32 (ptr, ...) @printf(ptr @fmt, ptr %s, i32 %r, i32 %av, i32 %c, i32 %sz, i32 %w, i32 %z)
  call i32 (ptr, ...) @printf(ptr @nl)
  ret i32 0
}
; The constructors ran by priority (0 * 3, then + 10); the destructor after main.
; OUT: hello 2 42 10 1 9 100
; OUT-NEXT: bye
