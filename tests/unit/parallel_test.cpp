// The thread pool: every index once, the first failure rethrown, and as many threads as the
// cores this process may really use (its affinity mask, its cgroup's CPU quota).
#include "relocale/base/parallel.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace relocale;

TEST_CASE("a CPU quota amounts to its cores, rounded up", "[parallel]") {
  CHECK(cores_of_quota(200000, 100000) == 2);
  CHECK(cores_of_quota(150000, 100000) == 2);  // one and a half cores: both are used
  CHECK(cores_of_quota(50000, 100000) == 1);
  CHECK(cores_of_quota(100000, 100000) == 1);
  CHECK(cores_of_quota(-1, 100000) == 0);  // cgroup v1: no quota
  CHECK(cores_of_quota(0, 100000) == 0);
  CHECK(cores_of_quota(100000, 0) == 0);  // nonsense: no quota
}

TEST_CASE("the usable cores are at least one and no more than the machine has", "[parallel]") {
  const unsigned cores = usable_cores();
  CHECK(cores >= 1);
  if (std::thread::hardware_concurrency() > 0) {
    CHECK(cores <= std::thread::hardware_concurrency());
  }
  CHECK(default_thread_count() >= 1);
}

TEST_CASE("parallel_for runs every index once and rethrows the first failure", "[parallel]") {
  for (unsigned threads : {1u, 2u, 7u}) {
    std::vector<std::atomic<int>> runs(100);
    parallel_for(
        runs.size(), [&runs](size_t i) { ++runs[i]; }, threads);
    for (const auto& r : runs) {
      CHECK(r == 1);
    }
    CHECK_THROWS_WITH(parallel_for(
                          10,
                          [](size_t i) {
                            if (i == 3) {
                              throw std::runtime_error("index 3");
                            }
                          },
                          threads),
                      "index 3");
    // Two tasks fail, the later index first: the one rethrown is the lower index's, as on one
    // thread, whichever failed first in time.
    CHECK_THROWS_WITH(parallel_for(
                          10,
                          [](size_t i) {
                            if (i == 0) {
                              std::this_thread::sleep_for(std::chrono::milliseconds(50));
                              throw std::runtime_error("index 0");
                            }
                            if (i == 1) {
                              throw std::runtime_error("index 1");
                            }
                          },
                          threads),
                      "index 0");
  }
}

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define RELOCALE_NO_ADDRESS_SPACE_LIMIT 1  // a sanitizer reserves terabytes of address space
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define RELOCALE_NO_ADDRESS_SPACE_LIMIT 1
#endif
#endif

#ifndef RELOCALE_NO_ADDRESS_SPACE_LIMIT
namespace {

// The address space this process holds now, in bytes (VmSize), 0 when it cannot be read.
rlim_t address_space_now() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmSize:", 0) == 0) {
      return static_cast<rlim_t>(std::stoull(line.substr(7))) * 1024;
    }
  }
  return 0;
}

}  // namespace

// Run alone, in a process of its own (below): a process that never started a thread has no stacks
// cached for new ones, so with no address space to spare every thread is refused.
TEST_CASE("parallel_for with every thread refused", "[.parallel-refused]") {
  const rlim_t now = address_space_now();
  REQUIRE(now > 0);
  // Less room than the smallest stack a thread is given, whatever `ulimit -s` says.
  const rlimit limit{now + (rlim_t{64} << 10), now + (rlim_t{64} << 10)};
  REQUIRE(setrlimit(RLIMIT_AS, &limit) == 0);
  bool refused = false;
  try {
    std::thread probe([] {});
    probe.join();
  } catch (const std::system_error&) {
    refused = true;
  }
  REQUIRE(refused);
  std::vector<int> runs(1000);
  parallel_for(
      runs.size(), [&runs](size_t i) { ++runs[i]; }, 4);
  CHECK(std::all_of(runs.begin(), runs.end(), [](int r) { return r == 1; }));
}

TEST_CASE("parallel_for does the work when the system refuses it threads", "[parallel]") {
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    const int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, STDOUT_FILENO);
    execl("/proc/self/exe", "relocale_tests", "[.parallel-refused]", static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);  // Catch's exit status: the assertions that failed
}
#endif
