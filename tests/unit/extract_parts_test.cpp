// extract reads, segments and writes a release with no XLIFF file yet a part at a time: the files
// must be byte for byte those of a whole reading, key included, so that check and build take them
// as describing the release.
#include <catch2/catch.hpp>

#include "relocale/base/files.h"
#include "relocale/pipeline/pipeline.h"
#include "relocale/xliff/xliff_io.h"
#include "test_support.h"

using namespace relocale;
namespace fs = std::filesystem;

namespace {

// The sample release, made into a project of its own with fr and de, extracted in parts of
// `part_bytes` (0: whole); returns each language's file.
std::map<std::string, std::string> extract_sample(size_t part_bytes, const std::string& version) {
  test::TempDir dir;
  const auto config = test::make_project(
      dir.path(), "fr, de", {{"workflow/idm-geneva-release.md", test::sample_release()}});
  ExtractOptions options;
  options.part_bytes = part_bytes;
  options.xliff_version = version;
  Diagnostics warnings;
  const auto results = run_extract(config, options, warnings);
  std::map<std::string, std::string> files;
  for (const auto& result : results) {
    files[result.lang] = read_file(result.xliff_file);
    if (version == "2.0") {
      // The file describes the release as check and build extract it, whole.
      const Document doc = read_xliff(files[result.lang], result.xliff_file.string());
      CurrentRelease current(config, "workflow/idm-geneva-release.md");
      CHECK(current.is_described_by(doc));
    }
  }
  // Nothing but the XLIFF files is left in their folders: no temporary of the parts.
  for (const auto& lang : {"fr", "de"}) {
    size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path() / "xliff" / lang)) {
      ++entries;
    }
    CHECK(entries == 1);
  }
  return files;
}

}  // namespace

TEST_CASE("a release extracted in parts gives the files of a whole extraction",
          "[pipeline][parts]") {
  const auto whole = extract_sample(0, "2.0");
  REQUIRE(whole.size() == 2);
  for (size_t part_bytes : {1, 300, 2000}) {
    INFO("part_bytes " << part_bytes);
    CHECK(extract_sample(part_bytes, "2.0") == whole);
  }
  // XLIFF 1.2 is written from a whole document: parts are not used, the files are the same.
  CHECK(extract_sample(1, "1.2") == extract_sample(0, "1.2"));
}

TEST_CASE("a spill buffer gives back its bytes in order, from memory or from its file", "[files]") {
  test::TempDir dir;
  for (size_t limit : {size_t{0}, size_t{10}, size_t{1} << 20}) {
    SpillBuffer buffer(dir.path() / "spill", limit);
    std::string expected;
    for (int i = 0; i < 20000; ++i) {
      const std::string piece = "piece " + std::to_string(i) + "\n";
      buffer.append(piece);
      expected += piece;
    }
    CHECK(buffer.spilled() == (limit < expected.size()));
    CHECK(buffer.size() == expected.size());
    for (int replay = 0; replay < 2; ++replay) {  // as often as asked: digested, then written
      std::string replayed;
      buffer.replay([&replayed](std::string_view piece) { replayed += piece; });
      CHECK(replayed == expected);
    }
  }
  // The spilled bytes were in an unnamed file: the folder is empty.
  CHECK(fs::is_empty(dir.path() / "spill"));
  // A folder that cannot hold a file (here a file stands in its place; in use, a folder relocale
  // may not write to): the bytes go to the system's temporary folder.
  write_file_atomically(dir.path() / "not-a-folder", "x");
  SpillBuffer elsewhere(dir.path() / "not-a-folder", 0);
  elsewhere.append("spilled elsewhere");
  CHECK(elsewhere.spilled());
  std::string replayed;
  elsewhere.replay([&replayed](std::string_view piece) { replayed += piece; });
  CHECK(replayed == "spilled elsewhere");
}

TEST_CASE("extract tells its progress by files and bytes, a release in parts as it goes",
          "[pipeline][parts][progress]") {
  test::TempDir dir;
  const auto config =
      test::make_project(dir.path(), "fr",
                         {{"workflow/idm-geneva-release.md", test::sample_release()},
                          {"workflow/short.md", "One sentence. Another one.\n"}});
  const uint64_t sample_bytes = fs::file_size(dir.path() / "workflow/idm-geneva-release.md");
  const uint64_t short_bytes = fs::file_size(dir.path() / "workflow/short.md");

  auto extract_with_progress = [&](const std::vector<std::string>& releases) {
    fs::remove_all(dir.path() / "xliff");
    std::vector<Progress> calls;
    ExtractOptions options;
    options.releases = releases;
    options.part_bytes = 2000;
    options.progress = [&calls](const Progress& p) { calls.push_back(p); };
    Diagnostics warnings;
    run_extract(config, options, warnings);
    REQUIRE(!calls.empty());
    for (size_t i = 1; i < calls.size(); ++i) {  // one call at a time, in order
      CHECK(calls[i].files_done >= calls[i - 1].files_done);
      CHECK(calls[i].bytes_done >= calls[i - 1].bytes_done);
    }
    return calls;
  };

  // One release in parts: it advances before it is done, and ends at its size.
  const auto one = extract_with_progress({"workflow/idm-geneva-release.md"});
  CHECK(one.size() > 2);
  CHECK(one.front().files_done == 0);
  CHECK(one.front().bytes_done > 0);
  CHECK(one.front().bytes_done < sample_bytes);
  CHECK(one.back().files_done == 1);
  CHECK(one.back().files_total == 1);
  CHECK(one.back().bytes_done == sample_bytes);
  CHECK(one.back().bytes_total == sample_bytes);

  // Two releases: the bytes of both, and both files done at the end.
  const auto both = extract_with_progress({});
  CHECK(both.back().files_done == 2);
  CHECK(both.back().files_total == 2);
  CHECK(both.back().bytes_total == sample_bytes + short_bytes);
  CHECK(both.back().bytes_done == sample_bytes + short_bytes);
}
