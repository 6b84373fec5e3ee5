#include <catch2/catch.hpp>

#include "relocale/base/error.h"
#include "relocale/xliff/xliff_io.h"

using namespace relocale;

namespace {
Document sample_document() {
  Document doc;
  doc.release = "r";
  doc.source_file = "workflow/r.md";
  doc.format = "md";
  doc.source_lang = "en";
  doc.target_lang = "fr";
  doc.date = "2018-10-09";
  Unit unit;
  unit.id = "p-1";
  unit.position = 1;
  Segment seg;
  seg.id = "s1";
  append_text(seg.source, "Call ");
  seg.source.emplace_back(
      Placeholder{"1", PlaceholderKind::phone, "+41227179468", "+41227179468", ""});
  append_text(seg.source, " or read ");
  seg.source.emplace_back(CodeStart{"2", "**", "strong"});
  append_text(seg.source, "this");
  seg.source.emplace_back(CodeEnd{"2", "**"});
  append_text(seg.source, ".");
  seg.target = seg.source;
  seg.state = SegmentState::reviewed;
  seg.space_after = " ";
  unit.segments.push_back(seg);
  Segment second;
  second.id = "s2";
  append_text(second.source, "Two & <three>.");
  unit.segments.push_back(second);
  doc.units.push_back(unit);
  doc.skeleton = {{"# ", ""}, {"", "p-1"}, {"\n", ""}};
  return doc;
}
}  // namespace

TEST_CASE("XLIFF 2.0 written then read gives the same document, and the same bytes", "[xliff]") {
  const Document doc = sample_document();
  const std::string xml = write_xliff2(doc, {});
  const Document back = read_xliff(xml, "r.xlf");
  REQUIRE(back.units.size() == 1);
  const auto& segs = back.units[0].segments;
  REQUIRE(segs.size() == 2);
  CHECK(debug_string(segs[0].source) == debug_string(doc.units[0].segments[0].source));
  CHECK(segs[0].source == doc.units[0].segments[0].source);
  REQUIRE(segs[0].target.has_value());
  CHECK(*segs[0].target == *doc.units[0].segments[0].target);
  CHECK(segs[0].state == SegmentState::reviewed);
  CHECK(segs[0].space_after == " ");
  CHECK(source_form(segs[1].source) == "Two & <three>.");
  CHECK_FALSE(segs[1].target.has_value());
  CHECK(back.skeleton.size() == 3);
  CHECK(back.date == "2018-10-09");
  Document again = back;
  again.release = doc.release;
  CHECK(write_xliff2(again, {}) == xml);
}

TEST_CASE("inline content carries no indentation white space", "[xliff]") {
  Document doc = sample_document();
  doc.units[0].segments[0].source.clear();
  doc.units[0].segments[0].source.emplace_back(CodeStart{"2", "*", "emphasis"});
  append_text(doc.units[0].segments[0].source, "x");
  doc.units[0].segments[0].source.emplace_back(CodeEnd{"2", "*"});
  doc.units[0].segments[0].source.emplace_back(
      Placeholder{"3", PlaceholderKind::line_break, "\n", "\n> ", ""});
  const Document back = read_xliff(write_xliff2(doc, {}), "r.xlf");
  CHECK(debug_string(back.units[0].segments[0].source) == "{2>x<2}{3:line-break \n}");
}

TEST_CASE("reading is tolerant of other tools' annotations and namespaces", "[xliff]") {
  const std::string xml = R"(<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:x="urn:other" version="2.0" srcLang="en" trgLang="fr" x:tool="cat">
 <file id="f1" x:extra="1">
  <x:whatever/>
  <unit id="u1">
   <segment id="s1" state="translated">
     <source>Hello <mrk id="m1" type="term">world</mrk>.</source>
     <target>Bonjour <mrk id="m2" type="term">le monde</mrk>.</target>
   </segment>
  </unit>
 </file>
</xliff>)";
  const Document doc = read_xliff(xml, "t.xlf");
  REQUIRE(doc.units.size() == 1);
  CHECK(source_form(*doc.units[0].segments[0].target) == "Bonjour le monde.");
  CHECK(doc.units[0].segments[0].line == 6);
}

TEST_CASE("broken XLIFF is refused with file, line and column", "[xliff]") {
  REQUIRE_THROWS_WITH(
      read_xliff("<xliff version=\"2.0\" srcLang=\"en\">\n<file>\n</xliff>", "b.xlf"),
      "b.xlf:3:3: malformed XML: Start-end tags mismatch");
  REQUIRE_THROWS_WITH(read_xliff("<html/>", "b.xlf"),
                      "b.xlf:1: the root element is <html>, expected <xliff>");
  REQUIRE_THROWS_WITH(read_xliff("<xliff version=\"3.0\"/>", "b.xlf"),
                      "b.xlf:1: XLIFF version \"3.0\" is not supported (relocale reads 2.0, 2.1 "
                      "and 1.2)");
  REQUIRE_THROWS_WITH(
      read_xliff("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"aaaa\">]>\n<xliff/>", "e.xlf"),
      "e.xlf:2:1: DOCTYPE declarations are refused: relocale never expands entities or reads "
      "external files named by a document");
  const std::string duplicate =
      R"(<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">
<file id="f"><unit id="u"><segment id="s"><source>a</source></segment></unit>
<unit id="u"><segment id="s"><source>a</source></segment></unit></file></xliff>)";
  REQUIRE_THROWS_WITH(read_xliff(duplicate, "d.xlf"),
                      "d.xlf:3: unit \"u\": duplicate unit id \"u\"");
}

TEST_CASE("XLIFF handed over in pieces is the same bytes as written whole", "[xliff]") {
  Document doc = sample_document();
  const Unit model = doc.units[0];
  doc.skeleton.clear();
  for (int i = 0; i < 2000; ++i) {  // some hundreds of KB: several pieces
    Unit unit = model;
    unit.id = "p-" + std::to_string(i + 1);
    unit.position = i + 1;
    doc.units.push_back(unit);
    doc.skeleton.push_back({"", unit.id});
    doc.skeleton.push_back({"\n\n", ""});
  }
  doc.units.erase(doc.units.begin());
  for (const std::string version : {"2.0", "1.2"}) {
    INFO(version);
    XliffWriteOptions options;
    options.version = version;
    std::vector<std::string> pieces;
    write_xliff(doc, options, [&pieces](std::string_view piece) { pieces.emplace_back(piece); });
    std::string joined;
    for (const auto& piece : pieces) {
      joined += piece;
    }
    CHECK(joined == write_xliff(doc, options));
    if (version == "2.0") {
      CHECK(pieces.size() > 3);
    }
  }
}
