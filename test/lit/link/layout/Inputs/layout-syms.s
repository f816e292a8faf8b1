# Shared input for the layout tests: one function that reads the stack
# pointer and takes the address of one .rodata, one .data and one .bss object
# (merged sizes 1, 4 and 100, the .bss 8-aligned), so .rodata lands at the
# global base, .data 4 bytes later and .bss at +8, ending 108 bytes in.
  .globaltype __stack_pointer, i32
  .globl _start
  .type _start,@function
_start:
  .functype _start () -> ()
  global.get __stack_pointer
  drop
  i32.const foo
  drop
  i32.const bar
  drop
  i32.const zed
  drop
  end_function

  .section .data.foo,"",@
  .globl foo
  .p2align 2
foo:
  .int32 7
  .size foo, 4

  .section .rodata.bar,"",@
bar:
  .int8 1
  .size bar, 1

  .section .bss.zed,"",@
  .p2align 3
zed:
  .skip 100
  .size zed, 100
