// A release read a part at a time must read exactly as it reads whole: the same units, numbered
// alike, with the same content, and the same skeleton, however small the parts.
#include <catch2/catch.hpp>

#include "relocale/base/error.h"
#include "relocale/base/files.h"
#include "relocale/reader/release_reader.h"
#include "test_support.h"

using namespace relocale;

namespace {

// A unit or skeleton piece as one line, so that a difference shows where it is.
std::vector<std::string> described(const Document& doc) {
  std::vector<std::string> out;
  for (const auto& unit : doc.units) {
    out.push_back("unit " + unit.id + " " + block_kind_key(unit.kind) + " " +
                  std::to_string(unit.position) + " " + debug_string(unit.segments[0].source));
  }
  for (const auto& piece : doc.skeleton) {
    out.push_back(piece.unit_id.empty() ? "text [" + piece.text + "]" : "ref " + piece.unit_id);
  }
  return out;
}

// Every part's units and skeleton, in order, as one document.
Document read_in_parts(std::string_view text, const std::string& name, size_t part_bytes,
                       size_t* count) {
  ReleaseParts parts(text, name, "", part_bytes);
  *count = parts.part_count();
  Document all;
  Document part;
  while (parts.next(part)) {
    CHECK(part.format == release_format_of(name));
    all.title = part.title;
    all.date = part.date;
    all.units.insert(all.units.end(), part.units.begin(), part.units.end());
    all.skeleton.insert(all.skeleton.end(), part.skeleton.begin(), part.skeleton.end());
  }
  return all;
}

void check_parts_read_as_whole(const std::string& text, const std::string& name,
                               size_t expected_parts_at_least) {
  const Document whole = read_release(text, name);
  for (size_t part_bytes : {1, 7, 40, 300, 100000}) {
    INFO("part_bytes " << part_bytes);
    size_t count = 0;
    const Document parts = read_in_parts(text, name, part_bytes, &count);
    CHECK(parts.title == whole.title);
    CHECK(parts.date == whole.date);
    CHECK(described(parts) == described(whole));
    if (part_bytes == 1) {
      CHECK(count >= expected_parts_at_least);
    }
  }
}

}  // namespace

TEST_CASE("a release read in parts reads as it reads whole", "[reader][parts]") {
  SECTION("the sample release") {
    const std::string text = read_file(test::source_dir() / "workflow/idm-geneva-release.md");
    check_parts_read_as_whole(text, "idm.md", 10);
  }
  SECTION("containers a blank line does not close are never cut") {
    // Loose lists, items continued after a blank line, ordered lists whose next item comes after
    // a blank line, quotes, indented code, setext headings, HTML blocks that end at a blank line,
    // and text at the margin between them.
    const std::string text =
        "---\ntitle: Floods\ndate: 2018-10-08\n---\n\n"
        "# Heading\n\nFirst paragraph.\nIts second line.\n\n"
        "- item one\n\n  continued after a blank line\n\n- item two\n\n"
        "Between lists.\n\n"
        "1. first\n\n2. second\n\n10) tenth\n\n"
        "2018 was a year of floods.\n\n"
        "> quoted\n>\n> still quoted\n\n> another quote\n\n"
        "    indented code\n\n    more code\n\nAfter code.\n\n"
        "Setext heading\n==============\n\n"
        "<div>\nraw html\n</div>\n\nAfter HTML.\n\n"
        "* star item\n\n+ plus item\n\n"
        "\xE2\x80\x9C"
        "Quoted opening,\xE2\x80\x9D said someone.\n\n"
        "[A link](https://example.org) starts this one.\n\n"
        "\xEF\xBB\xBF"
        "A zero-width no-break space, which cmark drops at a document's start.\n\n"
        "Last line without end";
    check_parts_read_as_whole(text, "tricky.md", 8);
  }
  SECTION("after the first code fence or raw HTML block, nothing is cut") {
    const std::string text =
        "Intro paragraph.\n\nSecond paragraph.\n\n"
        "```\ncode\n\nNot a paragraph: still code.\n```\n\n"
        "Third paragraph.\n\n<!--\n\nA comment.\n\n-->\n\nFourth paragraph.\n";
    check_parts_read_as_whole(text, "fence.md", 2);
    size_t count = 0;
    read_in_parts(text, "fence.md", 1, &count);
    CHECK(count == 2);  // cut before "Second paragraph." only
  }
  SECTION("a link reference definition keeps the release whole") {
    const std::string text = "See [the report].\n\nMore text.\n\n[the report]: https://x.org\n";
    check_parts_read_as_whole(text, "refs.md", 1);
    size_t count = 0;
    read_in_parts(text, "refs.md", 1, &count);
    CHECK(count == 1);
  }
  SECTION("plain text is cut at any line") {
    const std::string text = "Title line\nFirst paragraph. Two sentences.\n\n  Indented line\nLast";
    check_parts_read_as_whole(text, "note.txt", 4);
  }
  SECTION("an empty release is one empty part") {
    check_parts_read_as_whole("", "empty.md", 1);
  }
}

TEST_CASE("a release in parts is checked for UTF-8 before any part is read", "[reader][parts]") {
  std::string text(5000, 'a');
  text += "\n\nB\xFF\n";
  CHECK_THROWS_AS(ReleaseParts(text, "bad.md", "", 100), Error);
}

TEST_CASE("a release is cut until markup that could open a code or HTML block, not after",
          "[reader][parts]") {
  const std::string paragraphs = "One.\n\nTwo.\n\nThree.\n\nFour.\n\n";
  auto cuts = [&](const std::string& markup) {
    return release_part_starts(paragraphs + markup + "\n\n" + paragraphs, 0, true, 1).size() - 1;
  };
  const size_t all = cuts("Five.");
  CHECK(all == 8);  // before every paragraph but the first
  // In a line's text, fence characters and tags open nothing.
  CHECK(cuts("Text ~~~ text ``` and <!-- and <pre> in a line.") == all);
  // At a line's start, or after container markers or a CR that ends a line, they may: no cut
  // after them.
  for (const std::string markup :
       {"~~~", "```", "> ~~~", "1. ```", "- > <!--", "  <pre>", "<?x", "<script>"}) {
    INFO(markup);
    CHECK(cuts(markup) == 3);  // before Two, Three and Four only
  }
  CHECK(cuts("Text\r~~~") == 4);  // and before the line that ends at the CR
  // A reference definition may be used anywhere: no cut at all.
  CHECK(cuts("[a]: https://example.org") == 0);
}
