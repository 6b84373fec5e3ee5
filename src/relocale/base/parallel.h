#pragma once

#include <cstddef>
#include <functional>

namespace relocale {

/// One per core, or RELOCALE_THREADS when it is set (read once per process).
unsigned default_thread_count();

/// Runs task(i) for i in [0, count) on up to `threads` threads (0 = one per core), each index once.
/// The first exception thrown by a task is rethrown after all threads stop taking work. Tasks
/// write their results to their own slot, so output does not depend on the number of threads.
void parallel_for(size_t count, const std::function<void(size_t)>& task, unsigned threads = 0);

}  // namespace relocale
