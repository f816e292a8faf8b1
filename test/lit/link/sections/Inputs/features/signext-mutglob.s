# f1 with target_features: +sign-ext +mutable-globals
  .globl f1
  .type f1,@function
f1:
  .functype f1 () -> ()
  end_function
  .section .custom_section.target_features,"",@
  .int8 2
  .int8 43
  .int8 8
  .ascii "sign-ext"
  .int8 43
  .int8 15
  .ascii "mutable-globals"
