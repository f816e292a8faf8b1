/* File I/O through WASI: the program writes, appends, seeks, reads back,
   renames and removes files in its working directory (preopened as "."). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  FILE *f = fopen("diff-data.txt", "w");
  if (!f) { printf("fopen w failed: %s\n", strerror(errno)); return 1; }
  for (int i = 0; i < 50; i++) fprintf(f, "line %02d value %d\n", i, i * i);
  fclose(f);
  f = fopen("diff-data.txt", "a");
  fputs("appended\n", f);
  fclose(f);

  f = fopen("diff-data.txt", "r");
  char line[64];
  int lines = 0, sum = 0;
  while (fgets(line, sizeof line, f)) {
    int idx, val;
    if (sscanf(line, "line %d value %d", &idx, &val) == 2) sum += val;
    lines++;
  }
  printf("lines=%d sum=%d last=%s", lines, sum, line);
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 15 * 3, SEEK_SET);
  int c = fgetc(f);
  printf("size=%ld byte45='%c'\n", size, c);
  rewind(f);
  fgets(line, sizeof line, f);
  printf("first=%s", line);
  fclose(f);

  unsigned char bin[1000];
  for (int i = 0; i < 1000; i++) bin[i] = (unsigned char)(i * 13);
  f = fopen("diff-data.bin", "wb");
  printf("fwrite=%zu\n", fwrite(bin, 1, sizeof bin, f));
  fclose(f);
  if (rename("diff-data.bin", "diff-moved.bin") != 0) printf("rename failed\n");
  memset(bin, 0, sizeof bin);
  f = fopen("diff-moved.bin", "rb");
  size_t got = fread(bin, 1, sizeof bin, f);
  int ok = 1;
  for (int i = 0; i < 1000; i++) ok &= bin[i] == (unsigned char)(i * 13);
  printf("fread=%zu ok=%d eof-after=%d\n", got, ok, fgetc(f) == EOF && feof(f));
  fclose(f);
  printf("remove: %d %d\n", remove("diff-data.txt"), remove("diff-moved.bin"));
  printf("reopen removed: %s\n", fopen("diff-data.txt", "r") ? "exists" : strerror(errno));
  return 0;
}
