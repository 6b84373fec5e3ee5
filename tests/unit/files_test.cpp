#include "relocale/base/files.h"

#include <filesystem>

#include <catch2/catch.hpp>

#include "relocale/base/error.h"
#include "test_support.h"

using namespace relocale;
namespace fs = std::filesystem;

TEST_CASE("an atomic write replaces the file and leaves no temporary", "[files]") {
  test::TempDir dir;
  const auto file = dir.path() / "sub" / "a.txt";
  write_file_atomically(file, "one");
  write_file_atomically(file, "two");
  CHECK(read_file(file) == "two");
  size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(file.parent_path())) {
    ++entries;
  }
  CHECK(entries == 1);
}

TEST_CASE("an uncommitted file set writes nothing", "[files]") {
  test::TempDir dir;
  {
    AtomicFileSet set;
    set.add(dir.path() / "a.html", "a");
    set.add(dir.path() / "a.txt", "b");
  }
  CHECK(fs::is_empty(dir.path()));
  AtomicFileSet set;
  set.add(dir.path() / "a.html", "a");
  set.commit();
  CHECK(read_file(dir.path() / "a.html") == "a");
}

TEST_CASE("paths that leave the project are refused", "[files]") {
  test::TempDir dir;
  fs::create_directories(dir.path() / "xliff");
  CHECK(path_inside(dir.path(), "xliff/fr/a.xlf", "cfg") == dir.path() / "xliff/fr/a.xlf");
  REQUIRE_THROWS_WITH(path_inside(dir.path(), "../etc/passwd", "cfg"),
                      "cfg: path \"../etc/passwd\" leaves the project folder");
  REQUIRE_THROWS_WITH(path_inside(dir.path(), "/etc/passwd", "cfg"),
                      "cfg: path \"/etc/passwd\" must be relative to the project");
  fs::create_directory_symlink("/tmp", dir.path() / "escape");
  REQUIRE_THROWS_WITH(path_inside(dir.path(), "escape/x", "cfg"),
                      "cfg: path \"escape/x\" leads outside the project through a symbolic link");
}

TEST_CASE("a second lock on the same project is refused with a clear message", "[files]") {
  test::TempDir dir;
  ProjectLock first(dir.path());
  REQUIRE_THROWS_WITH(ProjectLock(dir.path()),
                      (dir.path() / ".relocale.lock").string() +
                          ": another relocale process is working on this project; wait for it to "
                          "finish");
}
