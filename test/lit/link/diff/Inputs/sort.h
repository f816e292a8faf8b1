struct person {
  const char *name;
  int age;
  double height;
};
int cmp_int_asc(const void *, const void *);
int cmp_int_desc(const void *, const void *);
int cmp_str(const void *, const void *);
int cmp_person(const void *, const void *);
int cmp_double(const void *, const void *);
long comparator_calls(void);
