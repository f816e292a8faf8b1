# f5 without a target_features section.
  .globl f5
  .type f5,@function
f5:
  .functype f5 () -> ()
  end_function
