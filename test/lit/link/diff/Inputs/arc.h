/* Shared declarations of the archive test program. */
long num_gcd(long a, long b);
long num_isqrt(long v);
extern const int num_primes[10];
double geom_area(int sides, double radius);
const char *geom_name(int sides);
void text_banner(const char *title);
int text_width(void);
const char *arc_policy(void);
const char *arc_tuning(void);
