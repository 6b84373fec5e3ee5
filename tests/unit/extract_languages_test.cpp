// run_extract makes every language's XLIFF from the release alone, one language after another
// from one document: what carry-over put there for one language never reaches the next.
#include <catch2/catch.hpp>

#include "relocale/base/files.h"
#include "relocale/pipeline/pipeline.h"
#include "relocale/xliff/xliff_io.h"
#include "test_support.h"

using namespace relocale;
namespace fs = std::filesystem;

TEST_CASE("one language's translations, candidates and notes never reach the next language",
          "[pipeline]") {
  test::TempDir dir;
  const auto config = test::make_project(
      dir.path(), "fr, de",
      {{"workflow/note.md",
        "# Floods\n\nThe river rose. It rose again on 8 October 2018.\n\nThe river rose.\n"}});
  Diagnostics warnings;
  run_extract(config, {}, warnings);
  const fs::path fr_file = config.xliff_path("fr", "note");
  const fs::path de_file = config.xliff_path("de", "note");
  const std::string de_fresh = read_file(de_file);

  // A translator returns French: one segment translated, with a note.
  Document fr = read_xliff(read_file(fr_file), fr_file.string());
  REQUIRE(fr.units.size() >= 2);
  auto& first = fr.units[1].segments[0];
  first.target = Content{std::string("Le fleuve est monté.")};
  first.state = SegmentState::translated;
  fr.units[1].notes.push_back("relocale-ignore: length");
  XliffWriteOptions options;
  options.version = "2.0";
  write_file_atomically(fr_file, write_xliff(fr, options));

  run_extract(config, {}, warnings);
  const Document fr_after = read_xliff(read_file(fr_file), fr_file.string());
  size_t fr_targets = 0;
  for (const auto& unit : fr_after.units) {
    for (const auto& seg : unit.segments) {
      fr_targets += seg.target ? 1 : 0;
    }
  }
  CHECK(fr_targets >= 2);  // kept, and offered to the repeated sentence from the memory
  CHECK(fr_after.units[1].notes == std::vector<std::string>{"relocale-ignore: length"});
  // German is as a fresh extract made it: French reached it neither from the file nor the memory.
  CHECK(read_file(de_file) == de_fresh);
}

TEST_CASE("a language or a release named twice is extracted once", "[pipeline]") {
  test::TempDir dir;
  const std::pair<std::string, std::string> note{"workflow/note.md",
                                                 "# Floods\n\nThe river rose.\n"};
  const auto config = test::make_project(dir.path(), "fr, de, fr", {note, note});
  Diagnostics warnings;
  std::vector<ExtractResult> results;
  REQUIRE_NOTHROW(results = run_extract(config, {}, warnings));
  REQUIRE(results.size() == 2);
  CHECK(results[0].lang == "fr");
  CHECK(results[1].lang == "de");
  ExtractOptions twice;
  twice.langs = {"fr", "fr"};
  twice.releases = {"note", "workflow/note.md"};
  REQUIRE_NOTHROW(results = run_extract(config, twice, warnings));
  REQUIRE(results.size() == 1);
  CHECK(results[0].fresh == 2);  // still untranslated, carried over from the first run's file
}
