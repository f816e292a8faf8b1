# f2 with target_features: +bulk-memory +sign-ext
  .globl f2
  .type f2,@function
f2:
  .functype f2 () -> ()
  end_function
  .section .custom_section.target_features,"",@
  .int8 2
  .int8 43
  .int8 11
  .ascii "bulk-memory"
  .int8 43
  .int8 8
  .ascii "sign-ext"
