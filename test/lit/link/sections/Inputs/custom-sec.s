# A function with a non-debug custom section "mysec" beside it.
  .globl helper
  .type helper,@function
helper:
  .functype helper () -> ()
  end_function
  .section .custom_section.mysec,"",@
  .ascii "payload"
