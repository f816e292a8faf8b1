#include <math.h>
#include "arc.h"

static const char *const names[] = {"triangle", "square", "pentagon", "hexagon", "heptagon",
                                    "octagon"};

const char *geom_name(int sides) { return sides >= 3 && sides <= 8 ? names[sides - 3] : "?"; }

/* Area of a regular polygon inscribed in a circle; the side count is reduced
   with num_gcd first so this member depends on arc_num.o. */
double geom_area(int sides, double radius) {
  long n = sides / num_gcd(sides, 1);
  return 0.5 * n * radius * radius * sin(2 * M_PI / n);
}
