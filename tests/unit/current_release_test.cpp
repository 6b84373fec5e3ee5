// CurrentRelease: when an XLIFF file's extraction key holds, check and build take its source side
// for the release instead of extracting the release again; whenever anything differs, they
// extract.
#include <catch2/catch.hpp>

#include "relocale/base/files.h"
#include "relocale/pipeline/pipeline.h"
#include "relocale/xliff/xliff_io.h"
#include "test_support.h"

using namespace relocale;
namespace fs = std::filesystem;

namespace {

// The sample project's configuration and rules with one release of our own.
struct Project {
  test::TempDir dir;
  ProjectConfig config;
  explicit Project(const std::string& release_text)
      : config(test::make_project(dir.path(), "fr", {{"workflow/note.md", release_text}})) {}
  void write_release(const std::string& text) {
    write_file_atomically(dir.path() / "workflow/note.md", text);
  }
};

const char* kRelease =
    "---\ntitle: Note\ndate: 2018-10-08\n---\n\n# Note\n\nThe **meeting** starts on 8 October "
    "2018. Call +41 22 717 94 68 or see https://example.org/a.\n\n- One item. Another one.\n";

Document through_xliff(const Document& doc, const std::string& version) {
  XliffWriteOptions options;
  options.version = version;
  Document translated = doc;
  translated.target_lang = "fr";
  return read_xliff(write_xliff(translated, options), "note.xlf");
}

}  // namespace

TEST_CASE("an XLIFF file written by extract describes its release, in XLIFF 2.0 and 1.2",
          "[pipeline]") {
  Project project(kRelease);
  Diagnostics warnings;
  const Document extracted = extract_document(project.config, "workflow/note.md", warnings);
  REQUIRE_FALSE(extracted.extraction_key.empty());
  for (const std::string version : {"2.0", "1.2"}) {
    INFO(version);
    const Document returned = through_xliff(extracted, version);
    CHECK(returned.extraction_key == extracted.extraction_key);
    CHECK(source_fingerprint(returned) == source_fingerprint(extracted));
    CurrentRelease current(project.config, "workflow/note.md");
    CHECK(current.is_described_by(returned));
    // Handed over, it gives the source side without extracting: no targets.
    current.keep_for_source(Document(returned));
    const Document source = current.source_document();
    CHECK(source.target_lang.empty());
    CHECK(source_fingerprint(source) == source_fingerprint(extracted));
  }
}

TEST_CASE("a changed release, a changed value or a file without a key is not a description",
          "[pipeline]") {
  Project project(kRelease);
  Diagnostics warnings;
  const Document extracted = extract_document(project.config, "workflow/note.md", warnings);
  const Document returned = through_xliff(extracted, "2.0");

  SECTION("the editor changed the release") {
    project.write_release(std::string(kRelease) + "\nA new paragraph.\n");
    CurrentRelease current(project.config, "workflow/note.md");
    CHECK_FALSE(current.is_described_by(returned));
    CHECK(current.extracted().units.size() == extracted.units.size() + 1);
  }
  SECTION("a tool changed a placeholder's value in the source") {
    Document tampered = returned;
    for (auto& unit : tampered.units) {
      for (auto& seg : unit.segments) {
        for (auto& run : seg.source) {
          if (auto* p = std::get_if<Placeholder>(&run); p && p->kind == PlaceholderKind::phone) {
            p->canonical = "+41227179469";
          }
        }
      }
    }
    CHECK(source_fingerprint(tampered) != source_fingerprint(returned));
    CurrentRelease current(project.config, "workflow/note.md");
    CHECK_FALSE(current.is_described_by(tampered));
  }
  SECTION("a tool dropped the skeleton and the key with it") {
    Document stripped = returned;
    stripped.extraction_key.clear();
    CurrentRelease current(project.config, "workflow/note.md");
    CHECK_FALSE(current.is_described_by(stripped));
  }
  SECTION("the segmentation rules changed") {
    const fs::path srx = project.dir.path() / "locales/segmentation.srx";
    std::string rules = read_file(srx);
    rules.insert(rules.find("<languagerules>") + 15, "\n<!-- edited -->");
    write_file_atomically(srx, rules);
    Project other(kRelease);  // a new process would read the rules again: a fresh project here
    write_file_atomically(other.dir.path() / "locales/segmentation.srx", rules);
    CurrentRelease current(other.config, "workflow/note.md");
    CHECK_FALSE(current.is_described_by(returned));
  }
}
