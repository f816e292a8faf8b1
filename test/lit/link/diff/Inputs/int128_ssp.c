/* The Debian build of libclang_rt.builtins-wasm32.a compiled some members
   (modti3, umodti3, divmoddi4, ...) with a stack protector, and wasi-libc has
   no __stack_chk_guard/__stack_chk_fail. The program supplies both, so those
   archive members resolve against a symbol defined in an ordinary object. */
#include <stdio.h>
#include <stdlib.h>

unsigned long __stack_chk_guard = 0x5a17c0deUL;

void __stack_chk_fail(void) {
  fputs("stack smashing detected\n", stderr);
  abort();
}
