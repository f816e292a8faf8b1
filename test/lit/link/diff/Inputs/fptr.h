typedef int (*binop)(int, int);

struct shape_ops {
  const char *kind;
  double (*area)(const void *self);
  double (*perimeter)(const void *self);
  void (*describe)(const void *self, char *out, int len);
};

struct shape {
  const struct shape_ops *ops;
  double a, b;
};

extern const binop op_table[];
extern const char *const op_names[];
extern const int op_count;
extern const struct shape_ops rect_ops, circle_ops;
int op_add(int, int);
binop lookup_op(const char *name);
binop op_address_from_ops_file(void);
int apply_all(int (*f)(int), const int *v, int n);
