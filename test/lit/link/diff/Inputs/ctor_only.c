/* Nothing refers to this object; it is on the link line, so its
   constructor and destructor run all the same. */
#include <string.h>
#include <unistd.h>

static const char hello[] = "ctor_only.o constructor\n";
static const char bye[] = "ctor_only.o destructor\n";
__attribute__((constructor(150))) static void only_ctor(void) { write(1, hello, strlen(hello)); }
__attribute__((destructor(150))) static void only_dtor(void) { write(1, bye, strlen(bye)); }
