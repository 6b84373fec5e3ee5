// build and check on one release: its languages share the threads (an editor builds and checks
// the release they wrote, in every language at once), and the pages and reports are the same as
// on one thread, whether the returned files still describe the release, some do not, or the
// release changed since they were made.
#include <catch2/catch.hpp>

#include "relocale/base/files.h"
#include "relocale/checker/reports.h"
#include "relocale/pipeline/check.h"
#include "relocale/pipeline/pipeline.h"
#include "test_support.h"

using namespace relocale;
namespace fs = std::filesystem;

namespace {

struct Built {
  std::map<std::string, std::string> files;
  std::vector<std::string> results;  // language, untranslated count and files, in order
  std::vector<std::string> diagnostics;
};

Built build_on(const ProjectConfig& config, unsigned threads) {
  fs::remove_all(config.path(config.out_dir));
  BuildOptions options;
  options.threads = threads;
  Diagnostics diagnostics;
  Built built;
  for (const auto& r : run_build(config, options, diagnostics)) {
    std::string line = r.release + " " + r.lang + " " + std::to_string(r.untranslated.size());
    for (const auto& f : r.files) {
      line += " " + f.filename().string();
    }
    built.results.push_back(line);
  }
  for (const auto& d : diagnostics.items()) {
    built.diagnostics.push_back(d.where.to_string() + " " + d.message);
  }
  built.files = test::files_below(config.path(config.out_dir));
  return built;
}

}  // namespace

TEST_CASE("one release builds and checks its languages on several threads, the same as on one",
          "[pipeline][build]") {
  test::TempDir dir;
  const auto config = test::make_project(dir.path(), "fr, de, es, ar",
                                         {{"workflow/release.md", test::sample_release()}});
  Diagnostics warnings;
  run_extract(config, ExtractOptions{}, warnings);
  for (const std::string lang : {"fr", "ar"}) {
    test::return_translated(
        config, lang, "release",
        " [" + lang + "]");  // de and es come back untranslated: the source stands in
  }

  auto same_on_one_thread_and_four = [&config]() {
    CheckOptions check;
    check.threads = 1;
    const std::string report = format_json(run_check(config, check));
    for (int run = 0; run < 3; ++run) {
      check.threads = 4;
      CHECK(format_json(run_check(config, check)) == report);
    }
    const Built one = build_on(config, 1);
    REQUIRE(one.files.size() == 15);  // en, fr, de, es, ar in md, txt and html
    for (int run = 0; run < 3; ++run) {
      const Built four = build_on(config, 4);
      CHECK(four.results == one.results);
      CHECK(four.diagnostics == one.diagnostics);
      test::check_same_files(one.files, four.files);
    }
    return one;
  };

  SECTION("every file describes the release") {
    const Built built = same_on_one_thread_and_four();
    CHECK(built.files.at("fr/release.md").find(" [fr]") != std::string::npos);
    CHECK(built.files.at("en/release.md") == test::sample_release());
  }
  SECTION("a tool stripped one file of its skeleton: the release is extracted for it") {
    const fs::path file = config.xliff_path("de", "release");
    std::string text = read_file(file);
    const size_t from = text.find("<skeleton>");
    const size_t to = text.find("</skeleton>");
    REQUIRE(from != std::string::npos);
    text.erase(from, to + 11 - from);
    write_file_atomically(file, text);
    const Built built = same_on_one_thread_and_four();
    CHECK(built.files.at("de/release.md") == test::sample_release());
  }
  SECTION("the editor edited paragraphs after extract: their units are gone from every file") {
    std::string edited = test::sample_release();
    for (const std::string from : {"This is the second IDM session", "The meeting started"}) {
      const size_t at = edited.find(from);
      REQUIRE(at != std::string::npos);
      edited.insert(at, "Edited. ");
    }
    write_file_atomically(dir.path() / "workflow/release.md", edited);
    const Built built = same_on_one_thread_and_four();
    CHECK(built.files.at("en/release.md") == edited);
  }
  SECTION("the editor changed the release after extract: no file describes it") {
    write_file_atomically(dir.path() / "workflow/release.md",
                          test::sample_release() + "\nOne more paragraph.\n");
    const Built built = same_on_one_thread_and_four();
    CHECK(built.files.at("en/release.md").find("One more paragraph.") != std::string::npos);
  }
}
