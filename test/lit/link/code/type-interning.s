# Function types whose value type bytes could be mistaken for a separator
# ((i32, f64) -> () against (i32) -> f64; 0x7c is f64) stay distinct.
# RUN: %llvm-mc %s -o %t.o
# RUN: %toyc link --no-entry --export=a --export=b %t.o -o %t.wasm
# RUN: wasm-validate %t.wasm
# RUN: wasm-objdump -x -j Type %t.wasm | FileCheck %s
# CHECK-DAG: (i32, f64) -> nil
# CHECK-DAG: (i32) -> f64
# CHECK-DAG: (f64, i32) -> nil
# CHECK-DAG: (f64) -> i32

  .functype d (f64) -> (i32)
  .functype a (i32, f64) -> ()

  .globl a
  .type a,@function
a:
  .functype a (i32, f64) -> ()
  end_function

  .globl b
  .type b,@function
b:
  .functype b (i32) -> (f64)
  f64.const 1.0
  end_function

  .globl c
  .type c,@function
c:
  .functype c (f64, i32) -> ()
  local.get 0
  call d
  drop
  local.get 1
  local.get 0
  call a
  end_function

  .globl d
  .type d,@function
d:
  .functype d (f64) -> (i32)
  i32.const 0
  end_function

  .globl e
  .type e,@function
e:
  .functype e () -> ()
  f64.const 2.0
  i32.const 1
  call c
  end_function
  .export_name e, e
