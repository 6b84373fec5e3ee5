#include "relocale/base/parallel.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include <sched.h>

namespace relocale {

namespace {

// The first line of a small file, or "" when it cannot be read.
std::string first_line_of(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

// The cores the CPU quota of this process's cgroup grants, 0 when none is set: cgroup v2's
// cpu.max ("150000 100000", "max 100000") in the process's own cgroup and at the root the
// process sees, else cgroup v1's cfs quota and period.
unsigned cgroup_quota_cores() {
  unsigned cores = 0;
  auto tighten = [&cores](unsigned quota_cores) {
    if (quota_cores > 0 && (cores == 0 || quota_cores < cores)) {
      cores = quota_cores;
    }
  };
  std::vector<std::string> cpu_max_files{"/sys/fs/cgroup/cpu.max"};
  std::ifstream self("/proc/self/cgroup");
  for (std::string line; std::getline(self, line);) {
    if (line.rfind("0::/", 0) == 0 && line.size() > 4) {  // "0::/the/group" (v2)
      cpu_max_files.push_back("/sys/fs/cgroup" + line.substr(3) + "/cpu.max");
    }
  }
  for (const auto& file : cpu_max_files) {
    std::istringstream fields(first_line_of(file));
    std::string quota;
    long long period = 0;
    if (fields >> quota >> period && quota != "max") {
      tighten(cores_of_quota(std::atoll(quota.c_str()), period));
    }
  }
  for (const char* dir : {"/sys/fs/cgroup/cpu/", "/sys/fs/cgroup/cpu,cpuacct/"}) {
    const std::string quota = first_line_of(std::string(dir) + "cpu.cfs_quota_us");
    const std::string period = first_line_of(std::string(dir) + "cpu.cfs_period_us");
    if (!quota.empty() && !period.empty()) {
      tighten(cores_of_quota(std::atoll(quota.c_str()), std::atoll(period.c_str())));
    }
  }
  return cores;
}

}  // namespace

unsigned cores_of_quota(long long quota, long long period) {
  if (quota <= 0 || period <= 0) {
    return 0;
  }
  return static_cast<unsigned>((quota + period - 1) / period);
}

unsigned usable_cores() {
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  cpu_set_t allowed;
  CPU_ZERO(&allowed);
  if (sched_getaffinity(0, sizeof allowed, &allowed) == 0 && CPU_COUNT(&allowed) > 0) {
    cores = static_cast<unsigned>(CPU_COUNT(&allowed));
  }
  const unsigned quota = cgroup_quota_cores();
  return quota > 0 ? std::min(cores, quota) : cores;
}

unsigned default_thread_count() {
  // RELOCALE_THREADS=N sets the default (benchmarks compare one thread with the pool). Asked
  // once: the cores are read from /proc and /sys.
  static const unsigned count = [] {
    const char* env = std::getenv("RELOCALE_THREADS");
    const long wanted = env != nullptr ? std::strtol(env, nullptr, 10) : 0;
    return wanted > 0 ? static_cast<unsigned>(wanted) : usable_cores();
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
  size_t first_error_index = count;
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
        // The failure of the lowest index is the one rethrown, as on one thread: the indices
        // below it were all handed out before it and run to their end.
        std::lock_guard<std::mutex> lock(error_mutex);
        if (i < first_error_index) {
          first_error = std::current_exception();
          first_error_index = i;
        }
        failed = true;
      }
    }
  };
  // The calling thread is one of the workers. When the system refuses another thread (a process
  // or container limit, no memory for its stack), the work goes on with the threads there are,
  // itself at least.
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) {
    try {
      pool.emplace_back(worker);
    } catch (...) {
      break;
    }
  }
  worker();
  for (auto& t : pool) {
    t.join();
  }
  if (first_error) {
    std::rethrow_exception(first_error);
  }
}

}  // namespace relocale
