// Hostile input at the library level (issue 10): inputs that once crashed relocale (stack
// overflows found by the e2e tests and the fuzzers) and the guarantees the readers give.
#include <algorithm>
#include <string>
#include <variant>

#include <catch2/catch.hpp>

#include "relocale/base/error.h"
#include "relocale/base/files.h"
#include "relocale/protector/value_finder.h"
#include "relocale/reader/release_reader.h"
#include "relocale/segmenter/segmenter.h"
#include "relocale/segmenter/srx_rules.h"
#include "relocale/xliff/xliff_io.h"
#include "test_support.h"

namespace relocale {
namespace {

const char* const kHead =
    "<?xml version=\"1.0\"?>\n"
    "<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"en\" "
    "trgLang=\"fr\">\n";

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) {
    out += s;
  }
  return out;
}

// The Error read_xliff throws for text, or a failed test when it reads.
Error xliff_error(const std::string& text) {
  try {
    read_xliff(text, "t.xlf");
  } catch (const Error& e) {
    return e;
  }
  FAIL("the XLIFF was accepted");
  return Error("");
}

}  // namespace

TEST_CASE("XLIFF groups nested 100,000 deep are refused, not a stack overflow", "[hostile]") {
  const std::string text = std::string(kHead) + "<file id=\"f\">" +
                           repeat("<group id=\"g\">", 100000) + repeat("</group>", 100000) +
                           "</file></xliff>\n";
  const Error e = xliff_error(text);
  CHECK(e.where().file == "t.xlf");
  CHECK(e.where().line == 3);
  CHECK(e.message() == "elements nested more than 256 deep; this is not a translation file");
}

TEST_CASE("elements nested 256 deep are read, and the 257th level is refused where it starts",
          "[hostile]") {
  pugi::xml_document xml;
  CHECK_NOTHROW(parse_xml(xml, repeat("<a>", 256) + repeat("</a>", 256), "t.xml"));
  try {
    parse_xml(xml, repeat("<a>", 257) + repeat("</a>", 257), "t.xml");
    FAIL("257 levels were accepted");
  } catch (const Error& e) {
    CHECK(e.where().line == 1);
    CHECK(e.where().column == 3 * 256 + 2);  // the name of the 257th <a>, where pugixml points
    CHECK(e.message() == "elements nested more than 256 deep; this is not a translation file");
  }
}

TEST_CASE("inline codes nested 100,000 deep are refused, not a stack overflow", "[hostile]") {
  const std::string text = std::string(kHead) +
                           "<file id=\"f\"><unit id=\"u\"><segment id=\"s\">\n<source>" +
                           repeat("<pc id=\"1\">", 100000) + "x" + repeat("</pc>", 100000) +
                           "</source></segment></unit></file></xliff>\n";
  const Error e = xliff_error(text);
  CHECK(e.where().line == 4);
  CHECK(e.message() == "elements nested more than 256 deep; this is not a translation file");
}

TEST_CASE("entity declarations are refused before anything is expanded or read", "[hostile]") {
  std::string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n";
  std::string previous = "lol";
  for (int i = 1; i <= 9; ++i) {
    laughs +=
        "<!ENTITY lol" + std::to_string(i) + " \"" + repeat("&" + previous + ";", 10) + "\">\n";
    previous = "lol" + std::to_string(i);
  }
  laughs +=
      "]>\n<xliff version=\"2.0\"><file id=\"f\"><unit id=\"u\"><segment><source>&lol9;"
      "</source></segment></unit></file></xliff>\n";
  const std::string external =
      "<?xml version=\"1.0\"?>\n\n<!DOCTYPE x SYSTEM \"file:///etc/passwd\">\n<xliff/>\n";
  const std::string refused =
      "DOCTYPE declarations are refused: relocale never expands entities or reads external files "
      "named by a document";
  const Error e1 = xliff_error(laughs);
  CHECK(e1.where().line == 2);
  CHECK(e1.where().column == 1);
  CHECK(e1.message() == refused);
  const Error e2 = xliff_error(external);
  CHECK(e2.where().line == 3);
  CHECK(e2.where().column == 1);
  CHECK(e2.message() == refused);
}

TEST_CASE("unit and segment lines are right in a large XLIFF (indexed once, not recounted)",
          "[hostile]") {
  std::string text = std::string(kHead) + "<file id=\"f\">\n";
  std::vector<int> unit_lines;
  int line = 4;
  for (int i = 0; i < 20000; ++i) {
    unit_lines.push_back(line);
    text += "<unit id=\"u" + std::to_string(i) + "\">\n<segment id=\"s\">\n<source>Text " +
            std::to_string(i) + ".</source>\n</segment>\n</unit>\n";
    line += 5;
  }
  text += "</file></xliff>\n";
  const Document doc = read_xliff(text, "t.xlf");
  REQUIRE(doc.units.size() == unit_lines.size());
  for (size_t i = 0; i < unit_lines.size(); i += 997) {
    CHECK(doc.units[i].line == unit_lines[i]);
    CHECK(doc.units[i].segments.at(0).line == unit_lines[i] + 1);
  }
  // A different text parsed afterwards on the same thread gets its own lines.
  const std::string small = std::string(kHead) +
                            "<file id=\"f\">\n\n\n<unit id=\"a\"><segment id=\"s\"><source>A."
                            "</source></segment></unit></file></xliff>\n";
  CHECK(read_xliff(small, "s.xlf").units.at(0).line == 6);
}

TEST_CASE("Markdown emphasis nested 50,000 deep is read as text, not a stack overflow",
          "[hostile]") {
  const std::string paragraph = std::string(50000, '*') + "x" + std::string(50000, '*');
  const Document doc = read_release(paragraph + "\n", "deep.md");
  REQUIRE(doc.units.size() == 1);
  const Content& content = doc.units[0].segments.at(0).source;
  std::string text;
  for (const auto& part : content) {
    REQUIRE(std::holds_alternative<std::string>(part));
    text += std::get<std::string>(part);
  }
  CHECK(text == paragraph);
}

TEST_CASE("find_values survives a million letters, digits or blanks in a row", "[hostile]") {
  RecognitionOptions options;
  options.lang = "en";
  for (const char c : {'a', '7', ' ', '.'}) {
    INFO("run of '" << c << "'");
    const std::string date = "Geneva, 9 October 2018: ";
    const std::string text = date + std::string(1000000, c) + " www.iom.int";
    std::vector<FoundValue> values;
    REQUIRE_NOTHROW(values = find_values(text, options));
    // The date before the run and the URL after it are still found, at their own offsets.
    REQUIRE(values.size() >= 2);
    CHECK(values.front().kind == PlaceholderKind::date);
    CHECK(text.substr(values.front().begin, values.front().end - values.front().begin) ==
          "9 October 2018");
    CHECK(values.back().kind == PlaceholderKind::url);
    CHECK(values.back().begin == text.size() - std::string("www.iom.int").size());
  }
}

TEST_CASE("the segmenter finishes on a million characters without a stop", "[hostile]") {
  const SrxRules rules = load_srx_file(test::source_dir() / "locales" / "segmentation.srx");
  const Segmenter segmenter(rules, "en");
  std::string text;
  while (text.size() < 1000000) {
    text += "migration policy ";
  }
  CHECK(segmenter.find_breaks(text).empty());
  const std::string letters(1000000, 'a');
  CHECK(segmenter.find_breaks(letters).empty());
}

}  // namespace relocale
