# Data in many input segments: two each of .rodata.*, .data.*, .bss.*, plus
# one segment with a name outside the merged prefixes (.mydata). Input order
# interleaves them; alignments are 1, 2, 4, 8 and 16. _start takes every
# object's address so everything stays live.
  .globl _start
  .type _start,@function
_start:
  .functype _start () -> ()
  i32.const d1
  drop
  i32.const d2
  drop
  i32.const r1
  drop
  i32.const r2
  drop
  i32.const b1
  drop
  i32.const b2
  drop
  i32.const o1
  drop
  end_function

  .section .bss.b1,"",@
  .p2align 4
b1:
  .skip 3
  .size b1, 3
  .section .data.d1,"",@
d1:
  .int8 0x11
  .size d1, 1
  .section .rodata.r1,"",@
r1:
  .int8 0x21
  .size r1, 1
  .section .data.d2,"",@
  .p2align 3
d2:
  .int64 0x1234
  .size d2, 8
  .section .mydata,"",@
o1:
  .int8 0x41
  .size o1, 1
  .section .rodata.r2,"",@
  .p2align 2
r2:
  .int32 0x22
  .size r2, 4
  .section .bss.b2,"",@
  .p2align 1
b2:
  .skip 5
  .size b2, 5
