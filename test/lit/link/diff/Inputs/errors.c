/* Error paths without setjmp: error codes propagated up through several
   layers, errno/strerror from failing libc calls, cleanup on each path, and
   finally exit() from deep inside a call chain with a non-zero status. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum err { OK = 0, E_PARSE = 10, E_RANGE, E_EMPTY, E_IO };
static const char *err_name(enum err e) {
  switch (e) {
  case OK: return "ok";
  case E_PARSE: return "parse error";
  case E_RANGE: return "out of range";
  case E_EMPTY: return "empty input";
  case E_IO: return "i/o error";
  }
  return "?";
}

static int cleanups;
static volatile size_t huge = (size_t)-1;
static void *volatile escape;

static enum err parse_number(const char *s, long *out) {
  if (!*s) return E_EMPTY;
  char *end;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (errno == ERANGE) return E_RANGE;
  if (*end) return E_PARSE;
  *out = v;
  return OK;
}

static enum err parse_list(const char *text, long *sum) {
  if (!*text) return E_EMPTY;
  char *copy = strdup(text);
  enum err e = OK;
  *sum = 0;
  for (char *tok = strtok(copy, ","); tok; tok = strtok(NULL, ",")) {
    long v;
    if ((e = parse_number(tok, &v)) != OK) goto out;
    if (v < 0) { e = E_RANGE; goto out; }
    *sum += v;
  }
out:
  free(copy);
  cleanups++;
  return e;
}

static enum err read_config(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    printf("open %s: %s (errno %s)\n", path, strerror(errno),
           errno == ENOENT ? "ENOENT" : errno == ENOTCAPABLE ? "ENOTCAPABLE" : "other");
    return E_IO;
  }
  close(fd);
  return OK;
}

static void fatal(const char *what, int status) {
  fprintf(stderr, "fatal: %s\n", what);
  exit(status);
}

static void level3(int x) { if (x >= 2) fatal("level3 gave up", 3); }
static void level2(int x) { level3(x + 1); printf("level2 done\n"); }
static void level1(int x) { level2(x + 1); printf("level1 done\n"); }

int main(void) {
  const char *inputs[] = {"1,2,3", "4,x,6", "", "7,-8", "99999999999999999999", "10,20,30,40"};
  for (unsigned i = 0; i < sizeof inputs / sizeof *inputs; i++) {
    long sum = -1;
    enum err e = parse_list(inputs[i], &sum);
    printf("parse \"%s\": %s", inputs[i], err_name(e));
    if (e == OK) printf(" sum=%ld", sum);
    printf("\n");
  }
  printf("cleanups=%d\n", cleanups);
  printf("read_config: %s\n", err_name(read_config("/definitely/not/here.cfg")));
  printf("read_config: %s\n", err_name(read_config("no-such-file.cfg")));
  errno = 0;
  printf("strtol overflow: %ld errno=ERANGE? %d\n", strtol("-99999999999999999999", NULL, 10),
         errno == ERANGE);
  printf("strerror(EINVAL)=%s\n", strerror(EINVAL));
  errno = EDOM;
  perror("perror says");
  escape = malloc(huge);
  printf("huge malloc: %s\n", escape ? "succeeded?!" : "NULL");
  fflush(stdout);
  level1(0);
  printf("not reached\n");
  return 0;
}
