// Releases extracted at once meet the translation memory in their order: a release reuses what
// the releases before it brought to the memory, whatever thread works on it, so that extract on
// two cores writes the same files and the same memory as on one, its languages in any order.
#include <catch2/catch.hpp>

#include "relocale/base/files.h"
#include "relocale/pipeline/pipeline.h"
#include "relocale/xliff/xliff_io.h"
#include "test_support.h"

using namespace relocale;
namespace fs = std::filesystem;

TEST_CASE("releases meet the memory in their order, on one thread or two", "[pipeline][memory]") {
  test::TempDir dir;
  const std::string sample = test::sample_release();
  std::vector<std::pair<std::string, std::string>> releases{{"workflow/a.md", sample}};
  // Later releases repeat the first one's sentences under other titles.
  for (int i = 1; i <= 6; ++i) {
    std::string copy = sample;
    const size_t title = copy.find("title: ");
    REQUIRE(title != std::string::npos);
    copy.insert(title + 7, "Part " + std::to_string(i) + ": ");
    releases.emplace_back("workflow/b" + std::to_string(i) + ".md", copy);
  }
  const auto config = test::make_project(dir.path(), "fr, de, es", releases);

  // The first two releases are extracted and come back translated in three languages, each
  // target its source marked with its release (so that each brings entries of its own), while
  // the memory knows nothing of them yet: their translations are only in their files.
  Diagnostics warnings;
  ExtractOptions first;
  first.releases = {"workflow/a.md", "workflow/b1.md"};
  run_extract(config, first, warnings);
  for (const std::string release : {"a", "b1"}) {
    for (const auto& lang : {"fr", "de", "es"}) {
      test::return_translated(config, lang, release, " (" + release + ")");
    }
  }
  fs::remove_all(config.path(config.memory_file));
  const auto returned = test::files_below(dir.path() / "xliff");

  // Extracts every release from that state with `threads` threads; returns the XLIFF files and
  // the memory.
  auto extract_all = [&](unsigned threads) {
    fs::remove_all(dir.path() / "xliff");
    fs::remove_all(config.path(config.memory_file));
    for (const auto& [name, text] : returned) {
      fs::create_directories((dir.path() / "xliff" / name).parent_path());
      write_file_atomically(dir.path() / "xliff" / name, text);
    }
    ExtractOptions options;
    options.threads = threads;
    Diagnostics run_warnings;
    const auto results = run_extract(config, options, run_warnings);
    for (const auto& result : results) {
      if (result.release != "a" && result.release != "b1") {  // all but the title, from memory
        CHECK(result.kept + result.reused >= 20);
      }
    }
    auto files = test::files_below(dir.path() / "xliff");
    files["memory"] = read_file(config.path(config.memory_file));
    return files;
  };
  const auto one_thread = extract_all(1);
  for (int run = 0; run < 3; ++run) {
    const auto two_threads = extract_all(2);
    test::check_same_files(one_thread, two_threads);
  }
}
