#include "relocale/pipeline/prepare_units.h"

#include <catch2/catch.hpp>

#include "relocale/reader/release_reader.h"
#include "relocale/segmenter/srx_rules.h"
#include "test_support.h"

using namespace relocale;

namespace {
Document prepared(const std::string& text, const std::string& name = "r.md") {
  Document doc = read_release(text, name);
  doc.source_file = name;
  const Segmenter segmenter(load_srx_file(test::source_dir() / "locales/segmentation.srx"), "en");
  RecognitionOptions options;
  options.default_year = 2018;
  Diagnostics warnings;
  prepare_units(doc, segmenter, options, warnings);
  return doc;
}
}  // namespace

TEST_CASE("split_content cuts at flat offsets and moves white space to space_after", "[pipeline]") {
  Content content;
  append_text(content, "One. ");
  content.push_back(CodeStart{"1", "*", "emphasis"});
  append_text(content, "Two.");
  content.push_back(CodeEnd{"1", "*"});
  const auto segments = split_content(content, {5});
  REQUIRE(segments.size() == 2);
  CHECK(debug_string(segments[0].source) == "One.");
  CHECK(segments[0].space_after == " ");
  CHECK(debug_string(segments[1].source) == "{1>Two.<1}");
}

TEST_CASE("values become placeholders and sentences become segments", "[pipeline]") {
  const Document doc =
      prepared("The meeting started (08/10) with over 300 people. Call +41227179468.\n");
  REQUIRE(doc.units.size() == 1);
  const auto& segs = doc.units[0].segments;
  REQUIRE(segs.size() == 2);
  CHECK(debug_string(segs[0].source) ==
        "The meeting started ({1:date 2018-10-08}) with over {2:number 300} people.");
  CHECK(debug_string(segs[1].source) == "Call {3:phone +41227179468}.");
}

TEST_CASE("ids are derived from the text, so inserting a paragraph keeps the others' ids",
          "[pipeline]") {
  const Document before = prepared("First paragraph.\n\nSecond paragraph.\n");
  const Document after = prepared("First paragraph.\n\nInserted one.\n\nSecond paragraph.\n");
  CHECK(before.units[0].id == after.units[0].id);
  CHECK(before.units[1].id == after.units[2].id);
  CHECK(before.units[1].segments[0].id == after.units[2].segments[0].id);
}

TEST_CASE("the same paragraph twice gets distinct ids", "[pipeline]") {
  const Document doc = prepared("Same.\n\nSame.\n");
  REQUIRE(doc.units.size() == 2);
  CHECK(doc.units[0].id != doc.units[1].id);
}
