#include "relocale/xliff/xliff12.h"

#include <catch2/catch.hpp>

#include "relocale/base/error.h"
#include "relocale/xliff/xliff_io.h"

using namespace relocale;

namespace {

// A unit of three segments with a value, a nested and a crossed pair of codes, a line break, a
// candidate, and segments in different states (one without a target).
Document rich_document() {
  Document doc;
  doc.release = "r";
  doc.source_file = "workflow/r.md";
  doc.format = "md";
  doc.source_lang = "en";
  doc.target_lang = "fr";
  doc.date = "2018-10-09";
  doc.title = "Title | with 100% bars";
  Unit unit;
  unit.id = "p-1";
  unit.kind = BlockKind::paragraph;
  unit.position = 3;
  Segment a;
  a.id = "s1";
  append_text(a.source, "Call ");
  a.source.emplace_back(
      Placeholder{"1", PlaceholderKind::phone, "+41227179468", "+41 22 717 94 68", ""});
  append_text(a.source, " on ");
  a.source.emplace_back(Placeholder{"2", PlaceholderKind::date, "2018-10-08", "8 Oct", "dMMM"});
  append_text(a.source, " or read ");
  a.source.emplace_back(CodeStart{"3", "**", "strong"});
  append_text(a.source, "this");
  a.source.emplace_back(CodeEnd{"3", "**"});
  append_text(a.source, ".");
  a.target = Content{};
  append_text(*a.target, "Appelez ");
  a.target->emplace_back(
      Placeholder{"1", PlaceholderKind::phone, "+41227179468", "+41 22 717 94 68", ""});
  append_text(*a.target, ".");
  a.state = SegmentState::reviewed;
  a.space_after = " ";
  MatchCandidate candidate;
  append_text(candidate.source, "Call us.");
  append_text(candidate.target, "Appelez-nous.");
  candidate.similarity = 87.5;
  candidate.origin = "memory:old";
  a.candidates.push_back(candidate);
  Segment b;
  b.id = "s2";
  b.source.emplace_back(CodeStart{"4", "[", "link"});
  append_text(b.source, "Two & <three>");
  b.source.emplace_back(CodeStart{"5", "*", "emphasis"});
  append_text(b.source, " x");
  b.source.emplace_back(CodeEnd{"4", "](https://x.org/a|b)"});
  append_text(b.source, " y");
  b.source.emplace_back(CodeEnd{"5", "*"});
  b.source.emplace_back(Placeholder{"6", PlaceholderKind::line_break, "\n", "\n> ", ""});
  append_text(b.source, "end.");
  b.target = b.source;
  b.state = SegmentState::translated;
  b.space_after = "  ";
  Segment c;
  c.id = "s3";
  append_text(c.source, "Last one.");
  unit.segments = {a, b, c};
  doc.units.push_back(unit);
  doc.skeleton = {{"# Title\n\n", ""}, {"", "p-1"}, {"\n", ""}};
  return doc;
}

}  // namespace

TEST_CASE("XLIFF 1.2 written then read gives the same document and the same bytes", "[xliff12]") {
  const Document doc = rich_document();
  const std::string xml = write_xliff12(doc, {});
  const Document back = read_xliff(xml, "r.xlf");
  CHECK(back.release == "r");
  CHECK(back.date == "2018-10-09");
  CHECK(back.title == doc.title);
  CHECK(back.format == "md");
  CHECK(back.source_lang == "en");
  CHECK(back.target_lang == "fr");
  REQUIRE(back.skeleton.size() == 3);
  CHECK(back.skeleton[0].text == "# Title\n\n");
  CHECK(back.skeleton[1].unit_id == "p-1");
  REQUIRE(back.units.size() == 1);
  const Unit& u = back.units[0];
  CHECK(u.position == 3);
  REQUIRE(u.segments.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    const auto& want = doc.units[0].segments[i];
    INFO("segment " << want.id);
    CHECK(u.segments[i].id == want.id);
    CHECK(debug_string(u.segments[i].source) == debug_string(want.source));
    CHECK(u.segments[i].source == want.source);
    CHECK(u.segments[i].space_after == want.space_after);
    CHECK(u.segments[i].target.has_value() == want.target.has_value());
    if (want.target) {
      CHECK(*u.segments[i].target == *want.target);
      CHECK(u.segments[i].state == want.state);
    }
  }
  REQUIRE(u.segments[0].candidates.size() == 1);
  CHECK(u.segments[0].candidates[0].similarity == Approx(87.5));
  CHECK(u.segments[0].candidates[0].origin == "memory:old");
  CHECK(source_form(u.segments[0].candidates[0].target) == "Appelez-nous.");
  CHECK(write_xliff12(back, {}) == xml);
}

TEST_CASE("a skeleton record of a newer relocale is skipped; a damaged skeleton is refused",
          "[xliff12]") {
  Document doc = rich_document();
  doc.extraction_key = "k1";
  const std::string xml = write_xliff12(doc, {});
  const size_t key = xml.find("K2:k1");
  REQUIRE(key != std::string::npos);
  std::string newer = xml;
  newer.insert(key, "Z3:abc");  // a record this version does not know
  const Document back = read_xliff(newer, "r.xlf");
  CHECK(back.extraction_key == "k1");
  CHECK(back.skeleton.size() == doc.skeleton.size());
  std::string damaged = xml;
  damaged.replace(key, 1, "#");
  CHECK_THROWS_WITH(read_xliff(damaged, "r.xlf"),
                    Catch::Contains("the skeleton in <internal-file> is damaged at byte"));
}

TEST_CASE("XLIFF 1.2 output uses seg-source marks, x, g and bx/ex for crossed codes", "[xliff12]") {
  const std::string xml = write_xliff12(rich_document(), {});
  CHECK(xml.find("<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">") !=
        std::string::npos);
  CHECK(xml.find("<mrk mid=\"s1\" mtype=\"seg\">Call <x id=\"1\" ctype=\"x-rl-phone\"") !=
        std::string::npos);
  CHECK(xml.find("</mrk> <mrk mid=\"s2\" mtype=\"seg\">") != std::string::npos);
  CHECK(xml.find("<g id=\"3\" ctype=\"bold\">this</g>") != std::string::npos);
  CHECK(xml.find("<bx id=\"4\" rid=\"4\" ctype=\"link\" />") != std::string::npos);
  CHECK(xml.find("<ex id=\"4e\" rid=\"4\" />") != std::string::npos);
  // The unit's state is its least advanced segment's: s3 has no target yet.
  CHECK(xml.find("<target xml:lang=\"fr\" state=\"needs-review-translation\">") !=
        std::string::npos);
  CHECK(xml.find("<alt-trans mid=\"s1\" match-quality=\"87.50\" origin=\"memory:old\">") !=
        std::string::npos);
}

TEST_CASE("XLIFF 1.2 states map to relocale's states both ways", "[xliff12]") {
  // Writing: the 1.2 spec's names for each of our states.
  CHECK(std::string(xliff12_state_of(SegmentState::initial, false)) == "needs-translation");
  CHECK(std::string(xliff12_state_of(SegmentState::initial, true)) == "needs-review-translation");
  CHECK(std::string(xliff12_state_of(SegmentState::translated, true)) == "translated");
  CHECK(std::string(xliff12_state_of(SegmentState::reviewed, true)) == "signed-off");
  CHECK(std::string(xliff12_state_of(SegmentState::final, true)) == "final");
  // Reading: every value of the 1.2 state list.
  using S = SegmentState;
  const auto cases =
      std::vector<std::pair<std::string, S>>{{"new", S::initial},
                                             {"needs-translation", S::initial},
                                             {"needs-adaptation", S::initial},
                                             {"needs-l10n", S::initial},
                                             {"needs-review-translation", S::initial},
                                             {"needs-review-adaptation", S::initial},
                                             {"needs-review-l10n", S::initial},
                                             {"translated", S::translated},
                                             {"signed-off", S::reviewed},
                                             {"final", S::final},
                                             {"x-tool-specific", S::initial},
                                             {"", S::initial}};
  for (const auto& [text, state] : cases) {
    INFO(text);
    CHECK(segment_state_from_xliff12(text, false) == state);
  }
  CHECK(segment_state_from_xliff12("", true) == S::translated);
  CHECK_FALSE(segment_state_from_xliff12("done", false).has_value());
  // Each of our states survives a round trip through a single-segment unit.
  for (const auto state : {S::initial, S::translated, S::reviewed, S::final}) {
    Document doc = rich_document();
    doc.units[0].segments.resize(1);
    doc.units[0].segments[0].state = state;
    const Document back = read_xliff(write_xliff12(doc, {}), "r.xlf");
    CHECK(back.units[0].segments[0].state == state);
  }
}

TEST_CASE("a unit state changed by a CAT tool applies to every segment of the unit", "[xliff12]") {
  Document doc = rich_document();
  doc.units[0].segments[2].target = doc.units[0].segments[2].source;
  doc.units[0].segments[2].state = SegmentState::translated;
  std::string xml = write_xliff12(doc, {});
  const std::string before = "state=\"translated\"";
  const auto at = xml.find(before);
  REQUIRE(at != std::string::npos);
  xml.replace(at, before.size(), "state=\"final\"");
  const Document back = read_xliff(xml, "r.xlf");
  for (const auto& seg : back.units[0].segments) {
    CHECK(seg.state == SegmentState::final);
  }
}

TEST_CASE("an XLIFF 1.2 file rewritten by a tool imports", "[xliff12]") {
  // Another tool's prefix for the 1.2 namespace, its own namespace and attributes, a comment
  // mrk, reindented structure, an added alt-trans without mid, and our context group dropped.
  const std::string xml = R"(<?xml version="1.0"?>
<x:xliff xmlns:x="urn:oasis:names:tc:xliff:document:1.2" xmlns:o="urn:other" version="1.2">
  <x:file original="workflow/r.md" source-language="en" target-language="fr" datatype="x-relocale-md" o:extra="1">
    <x:body>
      <x:group>
        <x:trans-unit id="p-2" resname="heading-1" o:seen="yes">
          <x:source>Hello <x:x id="1" ctype="x-rl-date" equiv-text="8 Oct"/>.</x:source>
          <x:target state="translated">Bonjour <x:mrk mtype="x-comment" comment="ok">le</x:mrk> <x:x id="1"/>.</x:target>
          <x:alt-trans match-quality="70%" origin="tool"><x:target>Salut.</x:target></x:alt-trans>
          <o:thing/>
        </x:trans-unit>
      </x:group>
    </x:body>
  </x:file>
</x:xliff>)";
  const Document doc = read_xliff(xml, "r.xlf");
  REQUIRE(doc.units.size() == 1);
  const auto& u = doc.units[0];
  CHECK(u.kind == BlockKind::heading);
  CHECK(u.position == 1);
  REQUIRE(u.segments.size() == 1);
  const auto& s = u.segments[0];
  REQUIRE(s.target.has_value());
  CHECK(s.state == SegmentState::translated);
  CHECK(debug_string(*s.target) == debug_string(s.source).replace(0, 5, "Bonjour le"));
  REQUIRE(placeholders_of(*s.target).size() == 1);
  CHECK(placeholders_of(*s.target)[0]->kind == PlaceholderKind::date);
  REQUIRE(s.candidates.size() == 1);
  CHECK(s.candidates[0].similarity == Approx(70));
}

TEST_CASE("a multi-segment unit without seg-source is refused with file, line and unit id",
          "[xliff12]") {
  std::string xml = write_xliff12(rich_document(), {});
  const auto from = xml.find("<seg-source>");
  const auto to = xml.find("</seg-source>") + std::string("</seg-source>").size();
  xml.erase(from, to - from);
  const auto line = 1 + std::count(xml.begin(), xml.begin() + xml.find("<trans-unit"), '\n');
  REQUIRE_THROWS_WITH(read_xliff(xml, "r.xlf"),
                      Catch::StartsWith("r.xlf:" + std::to_string(line)) &&
                          Catch::Contains("p-1") &&
                          Catch::Contains("3 segments but no <seg-source>"));
}

TEST_CASE(
    "the trados and memoq profiles pre-fill untranslated targets with the source, which "
    "is not read back as a translation",
    "[xliff12]") {
  const Document doc = rich_document();
  for (const std::string profile : {"trados", "memoq"}) {
    XliffWriteOptions options;
    options.version = "1.2";
    options.cat_profile = profile;
    const std::string xml = write_xliff(doc, options);
    CHECK(xml.find("<mrk mid=\"s3\" mtype=\"seg\">Last one.</mrk></target>") != std::string::npos);
    const Document back = read_xliff(xml, "r.xlf");
    CHECK_FALSE(back.units[0].segments[2].target.has_value());
    CHECK(back.units[0].segments[0].state == SegmentState::reviewed);
  }
}
