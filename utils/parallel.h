// Parallelism over independent items only. Work is split into contiguous
// chunks and every item writes its own output slot, so results do not depend
// on the thread count.
#pragma once
#include <cstddef>
#include <functional>

namespace toyc {

void setThreadCount(unsigned n);  // 0 = hardware concurrency
unsigned threadCount();

// Calls fn(i) for i in [begin, end), spread over the worker threads.
void parallelFor(size_t begin, size_t end, const std::function<void(size_t)>& fn);

}  // namespace toyc
