#pragma once

#include <cstddef>
#include <functional>

namespace relocale {

/// The cores this process may use: those its affinity mask allows (taskset, a container's
/// cpuset), or fewer when a cgroup's CPU quota grants less time than that (a CI container given
/// 2 CPUs of a 64-core host). At least 1.
unsigned usable_cores();

/// The cores a cgroup CPU quota amounts to: quota/period rounded up; 0 when there is no quota
/// (quota <= 0, as cgroup v1 writes -1 and v2 "max").
unsigned cores_of_quota(long long quota, long long period);

/// One per usable core, or RELOCALE_THREADS when it is set (read once per process).
unsigned default_thread_count();

/// Runs task(i) for i in [0, count) on up to `threads` threads (0: default_thread_count()), the
/// calling one among them, each index once, handed out in increasing order. Threads the system
/// refuses to start are done without: the work is the same.
/// After a task throws, no new index is started; once the tasks running have ended, the exception
/// of the lowest index that threw is rethrown (the one a single thread would have met first). Tasks
/// write their results to their own slot, so output does not depend on the number of threads.
void parallel_for(size_t count, const std::function<void(size_t)>& task, unsigned threads = 0);

}  // namespace relocale
