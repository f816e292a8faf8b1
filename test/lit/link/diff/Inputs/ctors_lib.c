#include <string.h>
#include <unistd.h>

int ctor_log[16];
int ctor_count;

/* write() directly: destructors may run after stdio has been flushed. */
void note(const char *what) {
  write(1, what, strlen(what));
  write(1, "\n", 1);
}

static void record(int prio) {
  if (ctor_count < 16) ctor_log[ctor_count++] = prio;
}

__attribute__((constructor(200))) static void second(void) { record(200); note("ctor lib 200"); }
__attribute__((constructor(102))) static void early(void) { record(102); note("ctor lib 102"); }
__attribute__((constructor(65000))) static void late(void) { record(65000); note("ctor lib 65000"); }
__attribute__((destructor(200))) static void dtor200(void) { note("dtor lib 200"); }
__attribute__((destructor(65000))) static void dtor65000(void) { note("dtor lib 65000"); }
