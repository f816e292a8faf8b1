/* Static constructors and destructors with priorities across two objects,
   plus atexit handlers; the order of everything is printed. Output goes
   through write() as well as stdio so that late destructors still show. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern int ctor_log[16];
extern int ctor_count;
void note(const char *what);

__attribute__((constructor(101))) static void first(void) { note("ctor main 101"); }
__attribute__((constructor(300))) static void third(void) { note("ctor main 300"); }
__attribute__((constructor)) static void plain(void) { note("ctor main default"); }
__attribute__((destructor(101))) static void last_dtor(void) { note("dtor main 101"); }
__attribute__((destructor)) static void plain_dtor(void) { note("dtor main default"); }

static void at1(void) { note("atexit 1"); }
static void at2(void) { note("atexit 2"); }
static void at3(void) { note("atexit 3"); }

int main(int argc, char **argv) {
  (void)argv;
  note("main starts");
  printf("constructors that ran before main: %d\n", ctor_count);
  for (int i = 0; i < ctor_count; i++) printf(" %d", ctor_log[i]);
  printf("\n");
  fflush(stdout);
  atexit(at1);
  atexit(at2);
  atexit(at3);
  note("main returns");
  return argc == 1 ? 5 : 0;
}
