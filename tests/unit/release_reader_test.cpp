#include "relocale/reader/release_reader.h"

#include <catch2/catch.hpp>

#include "relocale/base/error.h"

using namespace relocale;

namespace {
std::string rebuild(const Document& doc) {
  std::string out;
  for (const auto& part : doc.skeleton) {
    if (part.unit_id.empty()) {
      out += part.text;
    } else {
      for (const auto& seg : doc.find_unit(part.unit_id)->segments) {
        out += source_form(seg.source) + seg.space_after;
      }
    }
  }
  return out;
}
}  // namespace

TEST_CASE("front matter gives the title as a unit and the date", "[reader]") {
  const std::string text = "---\ntitle: Hello world\ndate: 2018-10-09\n---\n\nBody text.\n";
  const Document doc = read_release(text, "r.md");
  REQUIRE(doc.title == "Hello world");
  REQUIRE(doc.date == "2018-10-09");
  REQUIRE(doc.units.size() == 2);
  CHECK(doc.units[0].kind == BlockKind::title);
  CHECK(debug_string(doc.units[0].segments[0].source) == "Hello world");
  CHECK(rebuild(doc) == text);
}

TEST_CASE("every title line of the front matter is a unit; the last is the release's title",
          "[reader]") {
  const std::string text =
      "---\ntitle: Floods in Geneva\ntitle: Floods in Geneva (corrected)\ndate: 2018-10-08\n"
      "---\n\nBody text.\n";
  const Document doc = read_release(text, "x.md");
  REQUIRE(doc.units.size() == 3);
  CHECK(doc.units[0].kind == BlockKind::title);
  CHECK(source_form(doc.units[0].segments[0].source) == "Floods in Geneva");
  CHECK(doc.units[1].kind == BlockKind::title);
  CHECK(source_form(doc.units[1].segments[0].source) == "Floods in Geneva (corrected)");
  CHECK(doc.title == "Floods in Geneva (corrected)");
  CHECK(rebuild(doc) == text);
}

TEST_CASE("Markdown blocks become units with their kind, markup becomes codes", "[reader]") {
  const std::string text =
      "# A *heading*\n\nSome **bold** and `code` with [a link](http://x.org).\n\n- item one\n- "
      "item "
      "two\n\n> quoted\n> text\n";
  const Document doc = read_release(text, "r.md");
  REQUIRE(doc.units.size() == 5);
  CHECK(doc.units[0].kind == BlockKind::heading);
  CHECK(debug_string(doc.units[0].segments[0].source) == "A {1>heading<1}");
  CHECK(debug_string(doc.units[1].segments[0].source) ==
        "Some {1>bold<1} and {2:code `code`} with {3>a link<3}.");
  CHECK(doc.units[2].kind == BlockKind::list_item);
  CHECK(doc.units[4].kind == BlockKind::quote);
  CHECK(debug_string(doc.units[4].segments[0].source) == "quoted{1:line-break \n}text");
  CHECK(rebuild(doc) == text);
}

TEST_CASE("plain text: one unit per non-empty line, skeleton keeps the rest", "[reader]") {
  const std::string text = "Title\n\n  First line.  \nSecond line";
  const Document doc = read_release(text, "r.txt");
  REQUIRE(doc.units.size() == 3);
  CHECK(source_form(doc.units[1].segments[0].source) == "First line.");
  CHECK(rebuild(doc) == text);
}

TEST_CASE("a release that is not clean UTF-8 is refused with the place", "[reader]") {
  REQUIRE_THROWS_WITH(read_release("ok\ncaf\xE9 au lait\n", "r.md"),
                      "r.md:2:4: invalid UTF-8 byte 0xE9 at byte offset 6; the file may be in a "
                      "legacy encoding such as Windows-1252 (convert it with iconv)");
  REQUIRE_THROWS_WITH(read_release("a\r\nb\r\n", "r.md"),
                      "r.md:1:2: CRLF line ends; convert the file to LF line ends (dos2unix)");
  REQUIRE_THROWS_WITH(read_release(std::string("a\0b", 3), "r.md"),
                      "r.md:1:2: NUL byte at byte offset 1; this is not a text file");
  REQUIRE_THROWS_WITH(
      read_release("\xEF\xBB\xBFtext", "r.md"),
      "r.md:1:1: the file starts with a byte-order mark; save it as UTF-8 without BOM");
}

TEST_CASE("a single very long line with no stop is read without recursion", "[reader]") {
  const std::string text(1000000, 'a');
  const Document doc = read_release(text, "long.md");
  REQUIRE(doc.units.size() == 1);
  CHECK(rebuild(doc) == text);
}
