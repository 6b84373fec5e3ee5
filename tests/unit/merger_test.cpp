// Putting a release together: merge_document, and UnitMerge, which does it a unit at a time for a
// file read so, in any order.
#include "relocale/merger/merger.h"

#include <algorithm>

#include <catch2/catch.hpp>

#include "relocale/locale_formatter/house_style.h"
#include "test_support.h"

using namespace relocale;

namespace {

Unit unit_of(const std::string& id, const std::string& target, bool translated = true) {
  Unit unit;
  unit.id = id;
  Segment seg;
  seg.id = "s1";
  append_text(seg.source, "source of " + id);
  if (translated) {
    seg.target = Content{};
    append_text(*seg.target, target);
  }
  unit.segments.push_back(seg);
  return unit;
}

// A skeleton that names u2 twice and a unit no file has, and four units, u4 not named.
Document sample() {
  Document doc;
  doc.skeleton = {{"# ", ""},   {"", "u1"}, {"\n\n", ""},  {"", "u2"}, {"\n\n", ""}, {"", "gone"},
                  {"\n\n", ""}, {"", "u3"}, {"\n\n(", ""}, {"", "u2"}, {")\n", ""}};
  doc.units = {unit_of("u1", "Un"), unit_of("u2", "", false), unit_of("u3", "Trois"),
               unit_of("u4", "Quatre")};
  return doc;
}

}  // namespace

TEST_CASE("a release put together a unit at a time, in any order, is the same", "[merge]") {
  const HouseStyle style = load_house_style("fr", relocale::test::source_dir() / "locales");
  const Document doc = sample();
  std::vector<std::string> untranslated;
  const std::string text = merge_document(doc, style, MergeOptions{}, &untranslated).str();
  CHECK(text == "# Un\n\nsource of u2\n\n\n\nTrois\n\n(source of u2)\n");
  CHECK(untranslated == std::vector<std::string>{"u2/s1", "u2/s1"});

  std::vector<size_t> order{0, 1, 2, 3};
  do {
    UnitMerge merge(doc, style, MergeOptions{});
    for (size_t i : order) {
      merge.add(doc.units[i]);
    }
    std::vector<std::string> in_order;
    CHECK(merge.finish(&in_order).view() == text);
    CHECK(in_order == untranslated);
  } while (std::next_permutation(order.begin(), order.end()));
}

TEST_CASE("of units with the same id, the last is merged", "[merge]") {
  const HouseStyle style = load_house_style("fr", relocale::test::source_dir() / "locales");
  Document doc = sample();
  doc.units.push_back(unit_of("u1", "UN"));
  std::vector<std::string> untranslated;
  CHECK(merge_document(doc, style, MergeOptions{}, &untranslated).view().rfind("# UN\n", 0) == 0);
}
