# Code with one relocated LEB of each common kind: call (FUNCTION_INDEX_LEB),
# global.get (GLOBAL_INDEX_LEB), i32.const of a data address
# (MEMORY_ADDR_SLEB), a load offset (MEMORY_ADDR_LEB), i32.const of a
# function's table slot (TABLE_INDEX_SLEB) and call_indirect's type
# (TYPE_INDEX_LEB).
  .globaltype __stack_pointer, i32
  .functype helper () -> (i32)
  .globl _start
  .type _start,@function
_start:
  .functype _start () -> ()
  call helper
  drop
  global.get __stack_pointer
  drop
  i32.const value
  drop
  i32.const 0
  i32.load value
  drop
  i32.const helper
  call_indirect () -> (i32)
  drop
  end_function
  .globl helper
  .type helper,@function
helper:
  .functype helper () -> (i32)
  i32.const 7
  end_function
  .section .data.value,"",@
  .globl value
  .p2align 2
value:
  .int32 42
  .size value, 4
