// extract on a release that has not changed since its files were written takes the release's
// source side from a file whose extraction key holds, instead of reading, segmenting and
// recognising its values again: the files, the memory and the warnings are those of a full
// extract, in XLIFF 2.0 and 1.2.
#include <catch2/catch.hpp>

#include "relocale/base/files.h"
#include "relocale/pipeline/pipeline.h"
#include "relocale/xliff/xliff_io.h"
#include "test_support.h"

using namespace relocale;
namespace fs = std::filesystem;

namespace {

// No date: "(08/10)" cannot be read without a year, and extract warns about it.
const char* kRelease =
    "---\ntitle: Note\n---\n\n# Note\n\nThe meeting (08/10) starts at 10:30. Call +41 22 717 94 68 "
    "or see https://example.org/a.\n\n- One item. Another one.\n\nOn 26 and 27 March, more.\n";

struct ExtractRun {
  std::map<std::string, std::string> files;  // the XLIFF files and the memory
  std::vector<std::string> warnings;
  std::vector<std::string> reports;
};

ExtractRun extract(const ProjectConfig& config, const fs::path& root) {
  Diagnostics warnings;
  ExtractRun run;
  for (const auto& r : run_extract(config, ExtractOptions{}, warnings)) {
    run.reports.push_back(r.lang + " " + std::to_string(r.kept) + " " + std::to_string(r.reused) +
                          " " + std::to_string(r.fuzzy) + " " + std::to_string(r.fresh) + " " +
                          std::to_string(r.removed));
  }
  for (const auto& d : warnings.items()) {
    run.warnings.push_back(d.check_id + " " + d.where.to_string() + " " + d.message);
  }
  run.files = test::files_below(root / "xliff");
  for (const auto& [name, text] : test::files_below(root / "memory")) {
    run.files["memory/" + name] = text;
  }
  return run;
}

// Puts the XLIFF files and the memory back as they were in `run`.
void restore(const ExtractRun& run, const fs::path& root) {
  fs::remove_all(root / "xliff");
  fs::remove_all(root / "memory");
  for (const auto& [name, text] : run.files) {
    const fs::path file = name.rfind("memory/", 0) == 0 ? root / name : root / "xliff" / name;
    fs::create_directories(file.parent_path());
    write_file_atomically(file, text);
  }
}

}  // namespace

TEST_CASE("an unchanged release is extracted from its files as a full extract would",
          "[pipeline][carry-over]") {
  test::TempDir dir;
  test::make_project(dir.path(), "de, fr", {{"workflow/note.md", kRelease}});
  // German is exchanged in XLIFF 1.2, and its file is the first one looked at.
  const fs::path ini = dir.path() / "workflow/relocale.ini";
  write_file_atomically(ini, read_file(ini) + "\n[lang.de]\nxliff-version = 1.2\n");
  const ProjectConfig config = load_project_config(ini);

  const ExtractRun first = extract(config, dir.path());
  REQUIRE(first.warnings.size() == 2);  // (08/10) and 26 and 27 March, without a year
  CHECK(first.warnings[0].find("value-ambiguous workflow/note.md") == 0);
  // The warnings are kept with the source side, in both versions.
  for (const std::string lang : {"de", "fr"}) {
    const fs::path file = config.xliff_path(lang, "note");
    CHECK(read_xliff(read_file(file), file.string()).source_warnings.size() == 2);
  }
  test::return_translated(config, "fr", "note", " [fr]");
  const ExtractRun returned =
      extract(config, dir.path());  // the fr file as a translator returned it
  restore(returned, dir.path());

  // From the files: the release's key holds.
  const ExtractRun from_files = extract(config, dir.path());
  // In full: the same state, each file's key spoilt so that none describes the release.
  restore(returned, dir.path());
  for (const std::string lang : {"de", "fr"}) {
    const fs::path file = config.xliff_path(lang, "note");
    std::string text = read_file(file);
    const size_t key = text.find("-", text.find(lang == "de" ? "K" : "key=\"") + 5);
    REQUIRE(key != std::string::npos);
    text[key + 1] = text[key + 1] == '0' ? '1' : '0';
    write_file_atomically(file, text);
  }
  const ExtractRun in_full = extract(config, dir.path());

  CHECK(from_files.warnings == first.warnings);
  CHECK(from_files.warnings == in_full.warnings);
  CHECK(from_files.reports == in_full.reports);
  test::check_same_files(in_full.files, from_files.files);
  CHECK(from_files.files.at("fr/note.xlf").find(" [fr]</target>") != std::string::npos);
}

TEST_CASE("build gives extract's warnings about the release, whether or not its files describe it",
          "[pipeline][build]") {
  test::TempDir dir;
  const auto config = test::make_project(dir.path(), "fr", {{"workflow/note.md", kRelease}});
  Diagnostics extracted;
  run_extract(config, ExtractOptions{}, extracted);
  REQUIRE(extracted.items().size() == 2);
  auto value_warnings = [&config]() {
    Diagnostics diagnostics;
    run_build(config, BuildOptions{}, diagnostics);
    std::vector<std::string> found;
    for (const auto& d : diagnostics.items()) {
      if (d.check_id == "value-ambiguous") {
        found.push_back(d.where.to_string() + " " + d.message);
      }
    }
    return found;
  };
  std::vector<std::string> expected;
  for (const auto& d : extracted.items()) {
    expected.push_back(d.where.to_string() + " " + d.message);
  }
  CHECK(value_warnings() == expected);  // from the file: its key holds
  const fs::path file = config.xliff_path("fr", "note");
  std::string text = read_file(file);
  text.erase(text.find(" key=\""), 40);  // a tool dropped the key: the release is extracted
  write_file_atomically(file, text);
  CHECK(value_warnings() == expected);
}

TEST_CASE("a file that lost or gained a warning no longer describes its release",
          "[pipeline][carry-over]") {
  test::TempDir dir;
  const auto config = test::make_project(dir.path(), "fr", {{"workflow/note.md", kRelease}});
  const ExtractRun first = extract(config, dir.path());
  REQUIRE(first.warnings.size() == 2);
  const fs::path file = config.xliff_path("fr", "note");
  const std::string written = read_file(file);
  const Document doc = read_xliff(written, file.string());
  REQUIRE(doc.source_warnings.size() == 2);
  CHECK(doc.source_warnings[0].doubt == "date-without-year");
  CHECK(doc.source_warnings[0].text == "08/10");

  // An older relocale that kept the key but dropped the warnings, or a hand that added one.
  const size_t from = written.find("<rl:warning");
  const size_t to = written.find("</rl:warning>") + 13;
  REQUIRE(from != std::string::npos);
  for (const std::string& edited :
       {written.substr(0, from) + written.substr(to),
        written.substr(0, to) + "<rl:warning unit=\"x\" doubt=\"invalid-date\">1/1</rl:warning>" +
            written.substr(to)}) {
    write_file_atomically(file, edited);
    CHECK_FALSE(CurrentRelease(config, "workflow/note.md")
                    .is_described_by(read_xliff(edited, file.string())));
    const ExtractRun again = extract(config, dir.path());
    CHECK(again.warnings == first.warnings);  // found again by reading the release
    CHECK(read_file(file) == written);
  }
}

TEST_CASE("extract leaves a file that would come out as it was untouched",
          "[pipeline][carry-over]") {
  test::TempDir dir;
  const auto config = test::make_project(dir.path(), "fr, de", {{"workflow/note.md", kRelease}});
  Diagnostics warnings;
  run_extract(config, ExtractOptions{}, warnings);
  test::return_translated(config, "fr", "note", " [fr]");
  run_extract(config, ExtractOptions{}, warnings);  // the returned file as extract writes it
  auto inode_of = [&config](const std::string& lang) {
    return test::inode_of(config.xliff_path(lang, "note"));
  };
  const auto fr = inode_of("fr");
  const auto de = inode_of("de");
  const std::string fr_text = read_file(config.xliff_path("fr", "note"));
  run_extract(config, ExtractOptions{}, warnings);
  CHECK(inode_of("fr") == fr);  // not replaced: the same file, not a new one renamed over it
  CHECK(inode_of("de") == de);
  CHECK(read_file(config.xliff_path("fr", "note")) == fr_text);
  // A changed release changes the files: they are written again, atomically.
  write_file_atomically(dir.path() / "workflow/note.md", std::string(kRelease) + "\nMore.\n");
  run_extract(config, ExtractOptions{}, warnings);
  CHECK(inode_of("fr") != fr);
  CHECK(read_file(config.xliff_path("fr", "note")).find("More.") != std::string::npos);
}

TEST_CASE("a release whose file is made beside it on disk is left untouched or written whole",
          "[pipeline][carry-over]") {
  // About 3 MB of XLIFF: more than extract makes in memory before it digests a file.
  std::string release = "---\ntitle: Note\n---\n\n";
  for (int i = 0; i < 1200; ++i) {
    release += "Paragraph " + std::to_string(i) +
               ": the meeting starts at 10:30, call +41 22 717 " +
               "94 68 or see https://example.org/" + std::to_string(i) + ".\n\n";
  }
  test::TempDir dir;
  const auto config = test::make_project(dir.path(), "fr", {{"workflow/note.md", release}});
  Diagnostics warnings;
  run_extract(config, ExtractOptions{}, warnings);
  test::return_translated(config, "fr", "note", " [fr]");
  run_extract(config, ExtractOptions{}, warnings);
  const fs::path file = config.xliff_path("fr", "note");
  REQUIRE(fs::file_size(file) > (size_t{2} << 20));
  const auto inode = test::inode_of(file);
  const std::string before = read_file(file);
  run_extract(config, ExtractOptions{}, warnings);
  CHECK(test::inode_of(file) == inode);
  // Edited: written again, every translation kept but the edited paragraph's.
  write_file_atomically(dir.path() / "workflow/note.md", release + "More.\n");
  const auto results = run_extract(config, ExtractOptions{}, warnings);
  REQUIRE(results.size() == 1);
  CHECK(results[0].kept == 1201);  // the title and the 1,200 paragraphs
  CHECK(results[0].fresh == 1);
  CHECK(test::inode_of(file) != inode);
  const std::string after = read_file(file);
  CHECK(after.size() > before.size());
  CHECK(after.find("More.") != std::string::npos);
  const Document doc = load_xliff_file(config, "fr", "note");
  CHECK(doc.units.size() == 1202);
  // No temporary left beside it.
  CHECK(std::distance(fs::directory_iterator(file.parent_path()), fs::directory_iterator()) == 1);
}
