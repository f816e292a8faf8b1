#include "utils/parallel.h"
#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace toyc {

static unsigned gThreads = 0;

void setThreadCount(unsigned n) { gThreads = n; }

unsigned threadCount() {
  if (gThreads) return gThreads;
  unsigned h = std::thread::hardware_concurrency();
  return h ? h : 1;
}

void parallelFor(size_t begin, size_t end, const std::function<void(size_t)>& fn) {
  size_t n = end > begin ? end - begin : 0;
  unsigned t = std::min<size_t>(threadCount(), n / 64 + 1);
  if (t <= 1) {
    for (size_t i = begin; i < end; ++i) fn(i);
    return;
  }
  // Dynamic chunks keep both cores busy when item costs differ.
  std::atomic<size_t> next{begin};
  const size_t chunk = std::max<size_t>(16, n / (t * 16));
  auto worker = [&] {
    for (;;) {
      size_t s = next.fetch_add(chunk);
      if (s >= end) return;
      size_t e = std::min(end, s + chunk);
      for (size_t i = s; i < e; ++i) fn(i);
    }
  };
  std::vector<std::thread> threads;
  for (unsigned i = 1; i < t; ++i) threads.emplace_back(worker);
  worker();
  for (auto& th : threads) th.join();
}

}  // namespace toyc
