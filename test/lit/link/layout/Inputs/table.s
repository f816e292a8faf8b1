# _start takes the addresses of f2, f3 and f2 again (TABLE_INDEX_SLEB); the
# .data word table `ptrs` holds f1 and f3 (TABLE_INDEX_I32) and is only live
# when exported. f4 is defined but never address-taken.
  .functype f1 () -> (i32)
  .functype f2 () -> (i32)
  .functype f3 () -> (i32)
  .functype f4 () -> (i32)
  .globl _start
  .type _start,@function
_start:
  .functype _start () -> ()
  i32.const f2
  drop
  i32.const f3
  drop
  i32.const f2
  drop
  call f4
  drop
  end_function

  .globl f1
  .type f1,@function
f1:
  .functype f1 () -> (i32)
  i32.const 1
  end_function
  .globl f2
  .type f2,@function
f2:
  .functype f2 () -> (i32)
  i32.const 2
  end_function
  .globl f3
  .type f3,@function
f3:
  .functype f3 () -> (i32)
  i32.const 3
  end_function
  .globl f4
  .type f4,@function
f4:
  .functype f4 () -> (i32)
  i32.const 4
  end_function

  .section .data.ptrs,"",@
  .globl ptrs
  .p2align 2
ptrs:
  .int32 f1
  .int32 f3
  .size ptrs, 8
