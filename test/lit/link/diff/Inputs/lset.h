/* A "linker set": entries placed in the data section diff_commands by
   several objects and found at run time through __start_/__stop_ symbols. */
struct command {
  const char *name;
  int (*run)(int);
  int order;
};
#define REGISTER_COMMAND(id, fn, ord)                                           \
  __attribute__((used, section("diff_commands"))) static const struct command \
      id = {#fn, fn, ord}

extern const struct command __start_diff_commands[];
extern const struct command __stop_diff_commands[];

extern int shared_array[16];
extern int *const pointer_into_array;     /* &shared_array[5], lset_a.c */
extern const char *const tail_of_string;  /* string + 6, lset_a.c */
extern int (*const lset_b_entry)(int);    /* function pointer in data, lset_b.c */
extern const int *const array_end_minus_2; /* lset_b.c */
int lset_a_twice(int);
