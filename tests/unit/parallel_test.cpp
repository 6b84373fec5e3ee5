// The thread pool: every index once, the first failure rethrown, and as many threads as the
// cores this process may really use (its affinity mask, its cgroup's CPU quota).
#include "relocale/base/parallel.h"

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

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
  }
}
