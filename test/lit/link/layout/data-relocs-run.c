// Data relocations resolved at link time, checked at run time under node
// and in the bytes: pointers to data with and without addends
// (MEMORY_ADDR_I32), a pointer into .rodata, a pointer to a .bss object, and
// function pointers stored in initialized data (TABLE_INDEX_I32), across two
// translation units. The .data bytes of toyc's output equal wasm-ld-19's.
// RUN: rm -rf %t && split-file %s %t && cd %t
// RUN: %clang -O1 -c main.c -o main.o
// RUN: %clang -O1 -c other.c -o other.o
// RUN: %toyc link %crt1 main.o other.o -L%libdir -lc %builtins -o out.wasm
// RUN: %wasm-ld %crt1 main.o other.o -L%libdir -lc %builtins -o ref.wasm
// RUN: %run-wasi out.wasm | FileCheck %s
// RUN: %run-wasi ref.wasm | FileCheck %s
// CHECK: arr2=30 msg=world bss=0 fn=9 nested=40
// RUN: %toyc link --no-entry --export=get_ptrs --export=parr2 --export=pmsg --export=pz --export=pfn --export=pp main.o other.o -o lib.wasm
// RUN: %wasm-ld --no-entry --export=get_ptrs --export=parr2 --export=pmsg --export=pz --export=pfn --export=pp main.o other.o -o lib.ref.wasm
// RUN: wasm-objdump -x -j Data lib.wasm | grep '^ ' > data.txt
// RUN: wasm-objdump -x -j Data lib.ref.wasm | grep '^ ' > data.ref.txt
// RUN: diff data.txt data.ref.txt
// The .data words: parr2 = &arr[2] (arr at 1072), pmsg = msg+6, pz =
// &zeroes[5] (.bss at 1088), pfn = slot 1, pp = &parr2, ptrs = {&arr[3], msg,
// slot 1}, then arr itself.
// RUN: FileCheck %s --check-prefix=BYTES < data.txt
// BYTES:      - segment[0] <.rodata> memory=0 size=12 - init i32=1024
// BYTES-NEXT:  - 0000400: 6865 6c6c 6f20 776f 726c 6400
// BYTES-NEXT: - segment[1] <.data> memory=0 size=48 - init i32=1040
// BYTES-NEXT:  - 0000410: 3804 0000 0604 0000 5404 0000 0100 0000
// BYTES-NEXT:  - 0000420: 1004 0000 3c04 0000 0004 0000 0100 0000
// BYTES-NEXT:  - 0000430: 0a00 0000 1400 0000 1e00 0000 2800 0000

//--- other.c
int arr[4] = {10, 20, 30, 40};
const char msg[] = "hello world";
int zeroes[8];
int triple(int x) { return 3 * x; }

//--- main.c
#include <stdio.h>
extern int arr[4];
extern const char msg[];
extern int zeroes[8];
int triple(int x);
int *parr2 = &arr[2];
const char *pmsg = msg + 6;
int *pz = &zeroes[5];
int (*pfn)(int) = triple;
int **pp = &parr2;
struct ptrs { int *a; const char *m; int (*f)(int); } ptrs = {&arr[3], msg, triple};
struct ptrs *get_ptrs(void) { return &ptrs; }
int main(void) {
  printf("arr2=%d msg=%s bss=%d fn=%d nested=%d\n", *parr2, pmsg, *pz, pfn(3), *get_ptrs()->a);
  return 0;
}
