// toyc allocates in bursts (whole input files' atoms, relocated code, the
// output) and exits without freeing. jemalloc with transparent huge pages
// turns most of those first-touch page faults into one per 2 MiB: on a
// 200-object link it nearly halves the wall time. jemalloc reads this symbol
// at start-up; no environment variable is needed. One arena: the few
// threads toyc runs allocate little at once, and every extra arena touches
// (and the kernel zeroes) huge pages of its own.
extern "C" {
const char* malloc_conf = "thp:always,metadata_thp:always,narenas:1,background_thread:false";
}
