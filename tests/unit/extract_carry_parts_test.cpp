// extract on a big release whose files are there carries translations over a unit at a time
// (extract_in_parts_with_previous): its files, its memory and its reports must be byte for byte
// those of carrying over from whole documents, whatever the size of the parts, for a release
// extracted again unchanged, edited, or with a language that has no file yet.
#include <catch2/catch.hpp>

#include "relocale/base/files.h"
#include "relocale/pipeline/pipeline.h"
#include "relocale/xliff/xliff_io.h"
#include "test_support.h"

using namespace relocale;
namespace fs = std::filesystem;

namespace {

const char* kRelease = "workflow/idm-geneva-release.md";

// What an extract leaves: the XLIFF files, the memory, and the reports and warnings it gives.
struct Outcome {
  std::map<std::string, std::string> files;
  std::vector<std::string> reports;
  std::vector<std::string> warnings;
};

Outcome extract(const ProjectConfig& config, const fs::path& root, size_t part_bytes,
                const std::string& version = "") {
  ExtractOptions options;
  options.part_bytes = part_bytes;
  options.xliff_version = version;
  Diagnostics warnings;
  Outcome out;
  for (const auto& r : run_extract(config, options, warnings)) {
    out.reports.push_back(r.lang + " kept " + std::to_string(r.kept) + " reused " +
                          std::to_string(r.reused) + " fuzzy " + std::to_string(r.fuzzy) +
                          " fresh " + std::to_string(r.fresh) + " removed " +
                          std::to_string(r.removed));
  }
  for (const auto& d : warnings.items()) {
    out.warnings.push_back(d.check_id + " " + d.where.to_string() + " " + d.message);
  }
  out.files = test::files_below(root / "xliff");
  if (fs::exists(root / "memory")) {
    for (const auto& [name, text] : test::files_below(root / "memory")) {
      out.files["memory/" + name] = text;
    }
  }
  return out;
}

// The French file as a translator returns it: most segments translated, some reviewed, one left
// empty, notes on a unit and on a segment.
void translate_french(const ProjectConfig& config) {
  test::return_translated(config, "fr", "idm-geneva-release", " [fr]");
  const fs::path file = config.xliff_path("fr", "idm-geneva-release");
  Document doc = read_xliff(read_file(file), file.string());
  REQUIRE(doc.units.size() > 6);
  doc.units[1].notes.push_back("Check the name with the desk.");
  doc.units[2].segments[0].notes.push_back("relocale-ignore: length");
  doc.units[3].segments[0].state = SegmentState::reviewed;
  doc.units[4].segments[0].target.reset();
  doc.units[4].segments[0].state = SegmentState::initial;
  XliffWriteOptions options;
  write_file_atomically(file, write_xliff(doc, options));
}

// The release edited: a sentence changed, a paragraph moved, one removed, one added, and a sentence
// repeated elsewhere.
std::string edited(std::string text) {
  const auto first_blank = text.find("\n\n", text.find("\n\n", text.find("# ")) + 2);
  REQUIRE(first_blank != std::string::npos);
  const auto next_blank = text.find("\n\n", first_blank + 2);
  const std::string moved = text.substr(first_blank + 2, next_blank - first_blank - 2);
  text.erase(first_blank, next_blank - first_blank);
  text += "\n" + moved + "\n\nA new paragraph at the end. " + moved + "\n";
  const auto word = text.find("Geneva");
  if (word != std::string::npos) {
    text.replace(word, 6, "Genève");
  }
  return text;
}

// A release of more units than carry-over takes at once (kUnitsPerBatch), sentences repeated in
// other paragraphs (reused, not kept), values, and maybe a control character (written in XLIFF as
// a character reference, which only the whole reading takes) after the first batch.
std::string long_release(bool control_character) {
  std::string text = "---\ntitle: Long\n---\n\n# A long release from Geneva\n\n";
  for (int i = 0; i < 1500; ++i) {
    text += "Paragraph " + std::to_string(i % 700) + " opens. ";
    if (i % 3 == 0) {
      text += "The office in Geneva counts " + std::to_string(i * 37) + " staff. ";
    }
    if (control_character && i == 1400) {  // after the first batch of units
      text += "A pasted \x1b[1mbold\x1b[0m word. ";
    }
    text += "It ends here.\n\n";
  }
  return text;
}

// The whole story of a release in one project, extracted each time with `part_bytes`; its first
// files in `first_version` of XLIFF.
std::vector<Outcome> story(size_t part_bytes, const std::string& text,
                           const std::string& first_version) {
  test::TempDir dir;
  const auto config = test::make_project(dir.path(), "fr, de, es", {{kRelease, text}});
  std::vector<Outcome> steps;
  steps.push_back(extract(config, dir.path(), part_bytes, first_version));
  if (first_version == "1.2") {  // then 2.0, from a 1.2 file
    steps.push_back(extract(config, dir.path(), part_bytes));
  }
  translate_french(config);
  // Extracted again unchanged: the translations stay (the returned file is written again as
  // relocale writes it), and once more: the French file is left as it is.
  steps.push_back(extract(config, dir.path(), part_bytes));
  const auto french = config.xliff_path("fr", "idm-geneva-release");
  const auto inode = test::inode_of(french);
  steps.push_back(extract(config, dir.path(), part_bytes));
  CHECK(test::inode_of(french) == inode);
  // Edited, and the Spanish file gone (a language added later): carried over where it can be.
  write_file_atomically(dir.path() / kRelease, edited(text));
  fs::remove(config.xliff_path("es", "idm-geneva-release"));
  steps.push_back(extract(config, dir.path(), part_bytes));
  // Translated again, then the release put back as it was: the moved paragraph keeps its
  // translation, the removed one comes back from the memory.
  test::return_translated(config, "de", "idm-geneva-release", " [de]");
  write_file_atomically(dir.path() / kRelease, text);
  steps.push_back(extract(config, dir.path(), part_bytes));
  steps.push_back(extract(config, dir.path(), part_bytes));
  // Nothing but the XLIFF files is left in their folders.
  for (const auto& lang : {"fr", "de", "es"}) {
    size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path() / "xliff" / lang)) {
      ++entries;
    }
    CHECK(entries == 1);
  }
  return steps;
}

// Each step of the story in parts is the step made whole.
void check_parts_as_whole(const std::string& text, const std::string& first_version,
                          const std::vector<size_t>& part_sizes) {
  const auto whole = story(0, text, first_version);
  for (size_t part_bytes : part_sizes) {
    INFO("part_bytes " << part_bytes);
    const auto in_parts = story(part_bytes, text, first_version);
    REQUIRE(in_parts.size() == whole.size());
    for (size_t step = 0; step < whole.size(); ++step) {
      INFO("step " << step);
      CHECK(in_parts[step].reports == whole[step].reports);
      CHECK(in_parts[step].warnings == whole[step].warnings);
      test::check_same_files(whole[step].files, in_parts[step].files);
    }
  }
}

}  // namespace

TEST_CASE("a release in parts is carried over a unit at a time as from whole documents",
          "[pipeline][parts][carry-over]") {
  const auto whole = story(0, test::sample_release(), "");
  // The story does carry translations over: kept, reused, fuzzy, removed.
  REQUIRE(whole.size() == 6);
  CHECK(whole[1].reports[0].find("kept 0") == std::string::npos);
  CHECK(whole[3].reports[0].find("fuzzy 0") == std::string::npos);
  CHECK(whole[3].reports[0].find("reused 0") == std::string::npos);
  CHECK(whole[4].reports[1].find("removed 0") == std::string::npos);
  check_parts_as_whole(test::sample_release(), "", {1, 300, 2000});
}

TEST_CASE("a long release is carried over in parts, in batches, as from whole documents",
          "[pipeline][parts][carry-over]") {
  check_parts_as_whole(long_release(false), "", {5000});
  check_parts_as_whole(long_release(true), "", {5000});
}

TEST_CASE("a release that cannot be cut, or whose files were XLIFF 1.2, is carried over as whole",
          "[pipeline][parts][carry-over]") {
  // A link reference definition keeps a release in one part (cmark resolves links across it).
  check_parts_as_whole(test::sample_release() + "\n[ref]: https://example.org\n", "", {300});
  check_parts_as_whole(test::sample_release(), "1.2", {300});
}
