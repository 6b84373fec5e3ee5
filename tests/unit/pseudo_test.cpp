#include "relocale/pipeline/pseudo.h"

#include <filesystem>
#include <iterator>
#include <map>

#include <catch2/catch.hpp>

#include "relocale/base/files.h"
#include "relocale/pipeline/pipeline.h"
#include "test_support.h"

using namespace relocale;
namespace fs = std::filesystem;

TEST_CASE("pseudo-translation accents letters, expands by the ratio and brackets the text",
          "[pseudo]") {
  Content source;
  append_text(source, "Call Anna");  // 9 code points: 30 % → 3 padding characters
  const Content out = pseudo_translate(source, PseudoOptions{0.3});
  REQUIRE(out.size() == 1);
  CHECK(std::get<std::string>(out[0]) == "[!! Çáĺĺ Áññá ~~~ !!]");
  CHECK(std::get<std::string>(pseudo_translate(source, PseudoOptions{0})[0]) ==
        "[!! Çáĺĺ Áññá !!]");
}

TEST_CASE("pseudo-translation keeps every placeholder and code in order", "[pseudo]") {
  Content source;
  append_text(source, "On ");
  source.emplace_back(Placeholder{"1", PlaceholderKind::date, "2018-10-08", "8 Oct", "dMMM"});
  append_text(source, " see ");
  source.emplace_back(CodeStart{"2", "[", "link"});
  append_text(source, "here");
  source.emplace_back(CodeEnd{"2", "](https://example.org)"});
  const Content out = pseudo_translate(source, PseudoOptions{0.5});
  CHECK(debug_string(out).find("{1:date") != std::string::npos);
  REQUIRE(placeholders_of(out).size() == 1);
  CHECK(*placeholders_of(out)[0] == *placeholders_of(source)[0]);
  size_t starts = 0, ends = 0;
  for (const auto& run : out) {
    starts += std::holds_alternative<CodeStart>(run);
    ends += std::holds_alternative<CodeEnd>(run);
  }
  CHECK(starts == 1);
  CHECK(ends == 1);
  // The text inside the link is pseudo-translated too, between its codes.
  for (size_t i = 0; i + 2 < out.size(); ++i) {
    if (std::holds_alternative<CodeStart>(out[i])) {
      CHECK(std::get<std::string>(out[i + 1]) == "ĥéŕé");
      CHECK(std::holds_alternative<CodeEnd>(out[i + 2]));
    }
  }
  CHECK(source_form(out).find("](https://example.org)") != std::string::npos);
}

TEST_CASE(
    "pseudo-translating a document leaves translators' work alone and marks the rest "
    "initial",
    "[pseudo]") {
  Document doc;
  Unit unit;
  unit.id = "u";
  Segment done;
  done.id = "s1";
  append_text(done.source, "Done.");
  done.target = Content{};
  append_text(*done.target, "Fait.");
  done.state = SegmentState::translated;
  Segment todo;
  todo.id = "s2";
  append_text(todo.source, "To do.");
  unit.segments = {done, todo};
  doc.units.push_back(unit);
  CHECK(pseudo_translate_document(doc, {}) == 1);
  CHECK(source_form(*doc.units[0].segments[0].target) == "Fait.");
  CHECK(doc.units[0].segments[0].state == SegmentState::translated);
  REQUIRE(doc.units[0].segments[1].target.has_value());
  CHECK(source_form(*doc.units[0].segments[1].target).rfind("[!! Ŧó đó.", 0) == 0);
  CHECK(doc.units[0].segments[1].state == SegmentState::initial);
}

TEST_CASE("a big XLIFF file is pseudo-translated a unit at a time as it would be whole",
          "[pseudo][parts]") {
  // Each version of the file: the French one partly translated by hand, in 2.0 and in 1.2; and a
  // 2.0 file that the unit-at-a-time reading gives up on after its head is written (a control
  // character in its last paragraph, which only the whole reading takes).
  for (const std::string version : {"2.0", "1.2", "2.0 refused late"}) {
    INFO("XLIFF " << version);
    const std::string release = version == "2.0 refused late"
                                    ? test::sample_release() + "\nA pasted \x1b[1mword\x1b[0m.\n"
                                    : test::sample_release();
    std::map<uintmax_t, std::string> made;  // by stream_from_bytes
    size_t filled_whole = 0;
    for (const uintmax_t stream_from : {~uintmax_t{0}, uintmax_t{0}}) {
      test::TempDir dir;
      const auto config =
          test::make_project(dir.path(), "fr", {{"workflow/idm-geneva-release.md", release}});
      ExtractOptions extract;
      extract.xliff_version = version == "1.2" ? "1.2" : "2.0";
      Diagnostics warnings;
      run_extract(config, extract, warnings);
      const auto file = config.xliff_path("fr", "idm-geneva-release");
      if (version != "1.2") {  // a translator's work first, which pseudo leaves alone
        Document doc = read_xliff(read_file(file), file.string());
        doc.units[1].segments[0].target = doc.units[1].segments[0].source;
        doc.units[1].segments[0].state = SegmentState::reviewed;
        write_file_atomically(file, write_xliff(doc, XliffWriteOptions{}));
      }
      const size_t filled =
          pseudo_translate_file(config, "fr", "idm-geneva-release", {}, stream_from);
      if (stream_from != 0) {
        filled_whole = filled;
      } else {
        CHECK(filled == filled_whole);
      }
      made[stream_from] = read_file(file);
      if (version != "1.2") {
        const Document after = read_xliff(made[stream_from], file.string());
        CHECK(source_form(*after.units[1].segments[0].target) ==
              source_form(after.units[1].segments[0].source));
        CHECK(after.units[1].segments[0].state == SegmentState::reviewed);
      }
      // Nothing but the file is left in its folder.
      CHECK(std::distance(fs::directory_iterator(file.parent_path()), fs::directory_iterator{}) ==
            1);
    }
    CHECK(filled_whole > 20);
    CHECK(made[0] == made[~uintmax_t{0}]);
    CHECK(made[0].find("[!! ") != std::string::npos);
  }
}
