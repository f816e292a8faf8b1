# f3 with target_features: -bulk-memory
  .globl f3
  .type f3,@function
f3:
  .functype f3 () -> ()
  end_function
  .section .custom_section.target_features,"",@
  .int8 1
  .int8 45
  .int8 11
  .ascii "bulk-memory"
