; Loads and stores: the alignment immediate comes from the IR (capped at the
; natural alignment), constant offsets of inbounds getelementptrs fold into
; the offset immediate, volatile accesses stay even when unused, and
; getelementptr with variable indices scales by shifts.
; RUN: %toyc build-obj %s -o %t.o
; RUN: wasm-objdump -dr %t.o | FileCheck %s
; RUN: %toyc build %s -o %t.wasm
; RUN: %run-wasi %t.wasm | FileCheck %s --check-prefix=OUT

target triple = "wasm32-unknown-wasi"

%struct.S = type { i32, i8, double, [3 x i16] }

; Field 2 of element %i of an array of S (24 bytes each): i * 24 + p, and 8
; in the offset (the scaled indices come first, the base last).
; CHECK-LABEL: <field>:
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i32.const 24
; CHECK-NEXT: i32.mul
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i32.add
; CHECK-NEXT: f64.load 3 8
; CHECK-NEXT: end
define double @field(ptr %p, i32 %i) {
  %e = getelementptr inbounds %struct.S, ptr %p, i32 %i, i32 2
  %v = load double, ptr %e, align 8
  ret double %v
}

; Unaligned and over-aligned hints; i16 array element 2 of field 3 at 16 + 4.
; CHECK-LABEL: <aligns>:
; CHECK: i32.load 0 1
; CHECK: i64.load 2 8
; CHECK: i32.load16_u 1 20
define i32 @aligns(ptr %p) {
  %a = getelementptr inbounds i8, ptr %p, i32 1
  %x = load i32, ptr %a, align 1
  %b = getelementptr inbounds i8, ptr %p, i32 8
  %y = load i64, ptr %b, align 4
  %c = getelementptr inbounds %struct.S, ptr %p, i32 0, i32 3, i32 2
  %z = load i16, ptr %c, align 2
  %y32 = trunc i64 %y to i32
  %z32 = zext i16 %z to i32
  %s = add i32 %x, %y32
  %t = add i32 %s, %z32
  ret i32 %t
}

; A volatile load whose value is unused is still made (and dropped); the
; plain one disappears.
; CHECK-LABEL: <vol>:
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i32.load 2 0
; CHECK-NEXT: drop
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i32.const 7
; CHECK-NEXT: i32.store 2 4
; CHECK-NEXT: end
define void @vol(ptr %p) {
  %a = load volatile i32, ptr %p
  %b = load i32, ptr %p
  %q = getelementptr inbounds i32, ptr %p, i32 1
  store volatile i32 7, ptr %q
  ret void
}

; A non-inbounds getelementptr does not fold (the address may wrap).
; CHECK-LABEL: <wrap>:
; CHECK: i32.const 4294967288
; CHECK-NEXT: i32.add
; CHECK-NEXT: i32.load 2 0
define i32 @wrap(ptr %p) {
  %q = getelementptr i8, ptr %p, i32 -8
  %v = load i32, ptr %q
  ret i32 %v
}

; An element of a global indexed by variables keeps the global's address in
; the relocated offset immediate, the indices' sum as the base; the index
; defined first (the argument) comes first. A constant part smaller than the
; element size folds with it (the sum of the indices cannot be negative); a
; larger one cannot (g[i][j+1] with j = -1 is inbounds), so the global is
; added to the base and the constant part stays in the offset.
; CHECK-LABEL: <gload>:
; CHECK-NEXT: local.get 0
; CHECK-NEXT: i32.const 5
; CHECK-NEXT: i32.shl
; CHECK-NEXT: local.get 1
; CHECK-NEXT: i32.const 3
; CHECK-NEXT: i32.shl
; CHECK-NEXT: i32.add
; CHECK-NEXT: local.tee 1
; CHECK-NEXT: i32.load 2 0
; CHECK-NEXT: R_WASM_MEMORY_ADDR_LEB {{[0-9]+}} + 4 <grid>
; The second access shares the scaled index sum (common subexpression).
; CHECK: local.get 1
; CHECK-NEXT: i32.const 0
; CHECK-NEXT: R_WASM_MEMORY_ADDR_SLEB {{[0-9]+}} <grid>
; CHECK-NEXT: i32.add
; CHECK-NEXT: i32.load 2 8
; CHECK: end
%pair = type { i32, i32 }
@grid = global [4 x [4 x %pair]] [[4 x %pair] [%pair { i32 0, i32 1 }, %pair { i32 2, i32 3 }, %pair { i32 4, i32 5 }, %pair { i32 6, i32 7 }],
                                  [4 x %pair] [%pair { i32 8, i32 9 }, %pair { i32 10, i32 11 }, %pair { i32 12, i32 13 }, %pair { i32 14, i32 15 }],
                                  [4 x %pair] [%pair { i32 16, i32 17 }, %pair { i32 18, i32 19 }, %pair { i32 20, i32 21 }, %pair { i32 22, i32 23 }],
                                  [4 x %pair] [%pair { i32 24, i32 25 }, %pair { i32 26, i32 27 }, %pair { i32 28, i32 29 }, %pair { i32 30, i32 31 }]]
define i32 @gload(i32 %i, i32 %j) {
  %a = getelementptr inbounds [4 x [4 x %pair]], ptr @grid, i32 0, i32 %i, i32 %j, i32 1
  %x = load i32, ptr %a
  %j1 = add nsw i32 %j, 1
  %b = getelementptr inbounds [4 x [4 x %pair]], ptr @grid, i32 0, i32 %i, i32 %j1, i32 0
  %y = load i32, ptr %b
  %r = mul i32 %x, 100
  %s = add i32 %r, %y
  ret i32 %s
}

; Aggregates load and store part by part.
define void @copy(ptr %d, ptr %s) {
  %v = load %struct.S, ptr %s, align 8
  store %struct.S %v, ptr %d, align 8
  ret void
}

declare i32 @printf(ptr, ...)
@__main_void = hidden alias i32 (), ptr @main
@fmt = private unnamed_addr constant [16 x i8] c"%g %d %d %d %d\0A\00"
@arr = global [2 x %struct.S] [%struct.S { i32 1, i8 2, double 3.5, [3 x i16] [i16 4, i16 5, i16 6] },
                               %struct.S { i32 7, i8 8, double 9.5, [3 x i16] [i16 10, i16 11, i16 12] }]
@out = global %struct.S zeroinitializer

define i32 @main() {
  %f = call double @field(ptr @arr, i32 1)
  %a = call i32 @aligns(ptr @arr)
  call void @vol(ptr @out)
  call void @copy(ptr @out, ptr getelementptr inbounds ([2 x %struct.S], ptr @arr, i32 0, i32 1))
  %o = load i16, ptr getelementptr inbounds (%struct.S, ptr @out, i32 0, i32 3, i32 1)
  %oz = zext i16 %o to i32
  %w = call i32 @wrap(ptr getelementptr inbounds (i8, ptr @arr, i32 32))
  %g1 = call i32 @gload(i32 2, i32 1)
  %g2 = call i32 @gload(i32 1, i32 -1)
  %g = add i32 %g1, %g2
  call i32 (ptr, ...) @printf(ptr @fmt, double %f, i32 %a, i32 %oz, i32 %w, i32 %g)
  ret i32 0
}
; arr[1].d; bytes 1..4 of arr[0] (00 00 00 02) + the low half of 3.5 (0) +
; arr[0].e[2]; out.e[1] copied from arr[1]; arr[1].a through a -8 offset;
; grid[2][1].b * 100 + grid[2][2].a (1900 + 20) + grid[1][-1].b * 100 +
; grid[1][0].a (700 + 8)
; OUT: 9.5 33554438 11 7 2628
