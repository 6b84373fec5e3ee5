#include "relocale/base/parallel.h"

#include <atomic>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace relocale {

unsigned default_thread_count() {
  // RELOCALE_THREADS=N caps the default (benchmarks compare one thread with the pool). Asked
  // once: the number of cores is read from /sys on every call.
  static const unsigned count = [] {
    const char* env = std::getenv("RELOCALE_THREADS");
    const long wanted = env != nullptr ? std::strtol(env, nullptr, 10) : 0;
    return wanted > 0 ? static_cast<unsigned>(wanted)
                      : std::max(1u, std::thread::hardware_concurrency());
  }();
  return count;
}

void parallel_for(size_t count, const std::function<void(size_t)>& task, unsigned threads) {
  if (threads == 0 && count > 1) {
    threads = default_thread_count();
  }
  threads = static_cast<unsigned>(std::min<size_t>(threads, count));
  if (threads <= 1) {
    for (size_t i = 0; i < count; ++i) {
      task(i);
    }
    return;
  }
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr first_error;
  std::mutex error_mutex;
  auto worker = [&]() {
    while (!failed) {
      const size_t i = next++;
      if (i >= count) {
        return;
      }
      try {
        task(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(error_mutex);
        if (!first_error) {
          first_error = std::current_exception();
        }
        failed = true;
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back(worker);
  }
  for (auto& t : pool) {
    t.join();
  }
  if (first_error) {
    std::rethrow_exception(first_error);
  }
}

}  // namespace relocale
