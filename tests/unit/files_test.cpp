#include "relocale/base/files.h"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>

#include <catch2/catch.hpp>
#include <sys/wait.h>
#include <unistd.h>

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

TEST_CASE("a file set leaves a file that holds its contents already untouched", "[files]") {
  test::TempDir dir;
  {
    AtomicFileSet set;
    set.add(dir.path() / "a.html", "<p>a</p>");
    set.add(dir.path() / "a.txt", "a");
    set.commit();
  }
  const auto html = test::inode_of(dir.path() / "a.html");
  const auto text = test::inode_of(dir.path() / "a.txt");
  AtomicFileSet set;
  set.add(dir.path() / "a.html", "<p>a</p>");  // the same bytes: left as it is
  set.add(dir.path() / "a.txt", "b");          // the same size, other bytes: written
  set.commit();
  CHECK(test::inode_of(dir.path() / "a.html") == html);
  CHECK(test::inode_of(dir.path() / "a.txt") != text);
  CHECK(read_file(dir.path() / "a.txt") == "b");
}

TEST_CASE("a file written in pieces is compared as it comes and written with its set", "[files]") {
  test::TempDir dir;
  const fs::path page = dir.path() / "a.html";
  const std::string big(300000, 'x');  // several of the comparison's reads
  auto write_in_pieces = [&](const std::string& text) {
    return [text](const AtomicFileSet::PieceSink& sink) {
      for (size_t at = 0; at < text.size(); at += 7000) {
        sink(std::string_view(text).substr(at, 7000));
      }
    };
  };
  {
    AtomicFileSet set;
    set.add_written(page, write_in_pieces(big));
    CHECK(!fs::exists(page));  // not before the set is committed
  }
  CHECK(fs::is_empty(dir.path()));  // a set never committed leaves nothing behind
  {
    AtomicFileSet set;
    set.add_written(page, write_in_pieces(big));
    set.commit();
  }
  CHECK(read_file(page) == big);
  const auto inode = test::inode_of(page);
  {
    AtomicFileSet set;  // the same bytes: left as it is, and no temporary left behind
    set.add_written(page, write_in_pieces(big));
    set.commit();
  }
  CHECK(test::inode_of(page) == inode);
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
  for (const std::string& other : {big + "y", big.substr(1), "y" + big.substr(1), std::string()}) {
    AtomicFileSet set;  // longer, shorter, or the same size with other bytes: written
    set.add_written(page, write_in_pieces(other));
    set.commit();
    CHECK(read_file(page) == other);
  }
  // A writer that fails half-way leaves the file in place as it was.
  {
    AtomicFileSet set;
    set.add_written(page, write_in_pieces(big));
    set.commit();
  }
  CHECK_THROWS_AS(
      [&] {
        AtomicFileSet set;
        set.add_written(page, [](const AtomicFileSet::PieceSink& sink) {
          sink("half");
          throw Error("the page could not be made");
        });
      }(),
      Error);
  CHECK(read_file(page) == big);
  CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
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

TEST_CASE("paths are shown relative to a folder, as fs::relative and fs::proximate show them",
          "[files]") {
  test::TempDir dir;
  const fs::path base = dir.path() / "repo";
  fs::create_directories(base / "xliff" / "fr");
  fs::create_directories(dir.path() / "elsewhere");
  RelativePaths shown(base);
  const fs::path inside = base / "xliff" / "fr" / "a.xlf";
  const fs::path outside = dir.path() / "elsewhere" / "b.xlf";
  CHECK(shown.relative(inside) == "xliff/fr/a.xlf");
  CHECK(shown.relative(base / "xliff" / "fr" / "b.xlf") == "xliff/fr/b.xlf");  // folder known
  CHECK(shown.relative(outside) == "../elsewhere/b.xlf");
  CHECK(shown.inside_or_as_given(inside) == "xliff/fr/a.xlf");
  CHECK(shown.inside_or_as_given(outside) == outside.lexically_normal().string());
  // The same answers fs::relative and fs::proximate give for a file that is not a link.
  CHECK(shown.relative(inside) == fs::relative(inside, base).string());
  CHECK(shown.relative(outside) == fs::relative(outside, base).string());
  // A file that is itself a link is shown by its own name, not its target's.
  fs::create_directories(dir.path() / "real");
  std::ofstream(dir.path() / "real" / "d.xlf") << "x";
  fs::create_symlink(dir.path() / "real" / "d.xlf", base / "xliff" / "fr" / "d.xlf");
  CHECK(shown.inside_or_as_given(base / "xliff" / "fr" / "d.xlf") == "xliff/fr/d.xlf");
  // A folder reached through a link in the base is the same folder.
  fs::create_directory_symlink(base / "xliff", base / "x");
  CHECK(shown.inside_or_as_given(base / "x" / "fr" / "c.xlf") == "xliff/fr/c.xlf");
  // Paths given relative to the working folder are resolved from it.
  const fs::path was = fs::current_path();
  fs::current_path(base);
  RelativePaths from_here(fs::current_path());
  CHECK(from_here.inside_or_as_given("xliff/fr/../fr/a.xlf") == "xliff/fr/a.xlf");
  CHECK(from_here.inside_or_as_given("a.xlf") == "a.xlf");
  fs::current_path(was);
}

TEST_CASE("a second lock on the same project is refused with a clear message", "[files]") {
  test::TempDir dir;
  ProjectLock first(dir.path());
  REQUIRE_THROWS_WITH(ProjectLock(dir.path()),
                      (dir.path() / ".relocale.lock").string() +
                          ": another relocale process is working on this project; wait for it to "
                          "finish");
}

TEST_CASE("taking the project's lock removes what a dead run left, and nothing else", "[files]") {
  test::TempDir dir;
  const fs::path root = dir.path();
  const auto make = [&](const fs::path& relative) {
    fs::create_directories((root / relative).parent_path());
    write_file_atomically(root / relative, "x");
  };
  // Left by a run killed while writing (a pid above any pid_max: no such process).
  make("out/fr/.idm.html.999999999.7.tmp");
  make("xliff/de/.idm.xlf.999999999.0.tmp");
  // A live process's (pid 1 always runs): a command that does not take the lock may be writing.
  make("out/fr/.report.json.1.0.tmp");
  // Not relocale's: a user's hidden file, a name without the leading dot, a hidden folder.
  make("notes/.draft.tmp");
  make("xliff/de/idm.xlf.999999999.0.tmp");
  make(".git/objects/.pack.999999999.1.tmp");
  make("out/fr/idm.html");
  {
    ProjectLock lock(root);
    CHECK(lock.swept() == 2);
  }
  CHECK_FALSE(fs::exists(root / "out/fr/.idm.html.999999999.7.tmp"));
  CHECK_FALSE(fs::exists(root / "xliff/de/.idm.xlf.999999999.0.tmp"));
  CHECK(fs::exists(root / "out/fr/.report.json.1.0.tmp"));
  CHECK(fs::exists(root / "notes/.draft.tmp"));
  CHECK(fs::exists(root / "xliff/de/idm.xlf.999999999.0.tmp"));
  CHECK(fs::exists(root / ".git/objects/.pack.999999999.1.tmp"));
  CHECK(fs::exists(root / "out/fr/idm.html"));
}

TEST_CASE("check_utf8_text finds a bad byte wherever it falls in an eight-byte step", "[files]") {
  const std::string ascii = "The release is plain text with a few words on each line.";
  CHECK_NOTHROW(
      check_utf8_text(ascii + "\n\tCaf\xC3\xA9 \xE2\x80\x93 \xF0\x9F\x93\xB0\n", "ok.md", false));
  CHECK_NOTHROW(
      check_utf8_text("\xC2\x80\xDF\xBF \xD0\x9C\xD0\xB8\xD1\x80 \xD8\xB3", "ok.md", false));
  for (size_t at = 0; at < 17; ++at) {
    for (const std::string& bad :
         {std::string(1, '\0'), std::string("\xE9"), std::string("\r"), std::string("\xC3"),
          std::string("\xC0\x80"), std::string("\xC1\xBF"), std::string("\xED\xA0\x80")}) {
      std::string text = ascii;
      text.insert(at, bad);
      try {
        check_utf8_text(text, "bad.md", false);
        FAIL("no error for a bad byte at offset " << at);
      } catch (const Error& e) {
        CHECK(e.where().file == "bad.md");
        CHECK(e.where().line == 1);
        CHECK(e.where().column == static_cast<int>(at) + 1);
      }
    }
    // An XLIFF file may have CRLF line ends and other control characters, never NUL.
    std::string crlf = ascii;
    crlf.insert(at, "\r\n\t\x01");
    CHECK_NOTHROW(check_utf8_text(crlf, "ok.xlf", true));
    std::string nul = ascii;
    nul.insert(at, 1, '\0');
    CHECK_THROWS_AS(check_utf8_text(nul, "bad.xlf", true), Error);
  }
}

TEST_CASE("read_file reads a whole file, an empty one, and names what it cannot read", "[files]") {
  test::TempDir dir;
  const auto file = dir.path() / "release.md";
  std::string big(300000, 'x');
  big[123457] = '\n';
  write_file_atomically(file, big);
  const std::string read = read_file(file);
  CHECK(read == big);
  CHECK(read.capacity() < big.size() + 8192);  // read in place, not into a doubled buffer
  write_file_atomically(file, "");
  CHECK(read_file(file).empty());
  for (const auto& unreadable : {dir.path() / "missing.md", dir.path()}) {
    try {
      read_file(unreadable);
      FAIL("no error for " << unreadable);
    } catch (const Error& e) {
      CHECK(e.where().file == unreadable.string());
      CHECK(std::string(e.what()).find("cannot read file") != std::string::npos);
    }
  }
}

TEST_CASE("a file written piece by piece appears whole on commit, and not at all without it",
          "[files]") {
  test::TempDir dir;
  const auto file = dir.path() / "xliff" / "fr" / "note.xlf";
  const std::string big(200000, 'b');
  {
    AtomicFileWriter writer(file);
    writer.write("<xliff>");
    writer.write(big);  // more than the buffer: written through
    for (int i = 0; i < 10000; ++i) {
      writer.write("<unit/>");  // many small pieces: buffered
    }
    writer.write("</xliff>");
    writer.commit();
  }
  std::string expected = "<xliff>" + big;
  for (int i = 0; i < 10000; ++i) {
    expected += "<unit/>";
  }
  expected += "</xliff>";
  CHECK(read_file(file) == expected);
  {
    AtomicFileWriter abandoned(file);
    abandoned.write(std::string(100000, 'x'));
    // destroyed without commit: an error happened before the file was complete
  }
  CHECK(read_file(file) == expected);
  size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(file.parent_path())) {
    ++entries;
  }
  CHECK(entries == 1);  // no temporary left behind
}

namespace {

// Writes files in `folder` in every way relocale does, kept or dropped, until the process ends.
[[noreturn]] void keep_writing(const fs::path& folder, int thread) {
  for (long i = 0;; ++i) {
    const fs::path file = folder / ("f" + std::to_string(thread) + "-" + std::to_string(i % 5));
    try {
      switch (i % 4) {
      case 0:
        write_file_atomically(file, "a");
        break;
      case 1: {
        AtomicFileWriter writer(file);
        writer.write("b");
        if (i % 8 == 1) {
          writer.commit();
        }
        break;
      }
      case 2: {
        AtomicFileSet set;
        set.add(file, std::to_string(i));
        set.add(file.string() + ".txt", std::to_string(i));
        if (i % 8 == 2) {
          set.commit();
        }
        break;
      }
      default: {
        AtomicFileWriter writer(file);
        writer.write("c");
        throw std::runtime_error("dropped");
      }
      }
    } catch (const std::exception&) {
      // the next file
    }
  }
}

std::vector<fs::path> temporaries_in(const fs::path& folder) {
  std::vector<fs::path> found;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() == ".tmp") {
      found.push_back(entry.path());
    }
  }
  return found;
}

}  // namespace

// Run in a process of its own (below), which the signal ends: eight threads write until then.
TEST_CASE("writing on eight threads until a signal", "[.interrupted-writers]") {
  const char* folder = std::getenv("RELOCALE_TEST_FOLDER");
  REQUIRE(folder != nullptr);
  install_interrupt_cleanup();
  for (int t = 0; t < 8; ++t) {
    std::thread(keep_writing, fs::path(folder), t).detach();
  }
  for (;;) {
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
}

TEST_CASE("a signal while eight threads write ends the process and leaves no temporary file",
          "[files]") {
  test::TempDir dir;
  for (int run = 0; run < 8; ++run) {
    const fs::path folder = dir.path() / std::to_string(run);
    fs::create_directories(folder);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      setenv("RELOCALE_TEST_FOLDER", folder.c_str(), 1);
      execl("/proc/self/exe", "relocale_tests", "[.interrupted-writers]",
            static_cast<char*>(nullptr));
      _exit(127);
    }
    // Once the writers are at work, a little later each run, the signal comes. A child that
    // ends before writing anything (it could not start) fails the test instead of hanging it.
    int status = 0;
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(2);
    while (fs::is_empty(folder)) {
      const pid_t ended = waitpid(child, &status, WNOHANG);
      if (ended == child || std::chrono::steady_clock::now() > give_up) {
        if (ended != child) {
          kill(child, SIGKILL);
          waitpid(child, &status, 0);
        }
        FAIL("the writing process wrote nothing (status " << status << ")");
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(3 * run));
    REQUIRE(kill(child, SIGTERM) == 0);
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 128 + SIGTERM);
    CHECK(temporaries_in(folder).empty());
  }
}
