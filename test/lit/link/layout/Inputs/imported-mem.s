# check() returns rodata_byte + data_word + bss_word = 1 + 7 + 0 = 8 when the
# memory is initialised correctly.
  .globl check
  .type check,@function
check:
  .functype check () -> (i32)
  i32.const 0
  i32.load8_u bar
  i32.const 0
  i32.load foo
  i32.add
  i32.const 0
  i32.load zed+96
  i32.add
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
