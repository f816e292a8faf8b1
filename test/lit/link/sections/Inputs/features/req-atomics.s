# f4 with target_features: =atomics
  .globl f4
  .type f4,@function
f4:
  .functype f4 () -> ()
  end_function
  .section .custom_section.target_features,"",@
  .int8 1
  .int8 61
  .int8 7
  .ascii "atomics"
