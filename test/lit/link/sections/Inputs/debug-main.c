// Compiled with -g: a live function, a dead one (removed by --gc-sections,
// so its debug info gets tombstones) and main.
int used(int x) { return x * 3; }
int dead(int x) { return x + 100; }
int counter = 5;
int main(void) { return used(counter) - 15; }
