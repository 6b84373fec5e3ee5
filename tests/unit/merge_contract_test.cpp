#include "relocale/merger/merge_contract.h"

#include <catch2/catch.hpp>

using namespace relocale;

namespace {
Document returned_with_target(Content target) {
  Document doc;
  Unit unit;
  unit.id = "p-1";
  Segment seg;
  seg.id = "s1";
  seg.line = 12;
  append_text(seg.source, "Call ");
  seg.source.emplace_back(
      Placeholder{"1", PlaceholderKind::phone, "+41227179468", "+41227179468", ""});
  append_text(seg.source, ".");
  seg.target = std::move(target);
  seg.state = SegmentState::translated;
  unit.segments.push_back(seg);
  doc.units.push_back(unit);
  return doc;
}
}  // namespace

TEST_CASE("a target that honours the contract is merged as it is", "[merge_contract]") {
  Content target;
  append_text(target, "Appelez le ");
  target.emplace_back(Placeholder{"1", PlaceholderKind::phone, "+41227179468", "+41227179468", ""});
  Document doc = returned_with_target(target);
  Diagnostics found;
  enforce_merge_contract(doc, &doc, "x.xlf", found);
  CHECK(found.items().empty());
  CHECK(doc.units[0].segments[0].target.has_value());
}

TEST_CASE("a target without its placeholder is refused with file, line and unit",
          "[merge_contract]") {
  Content target;
  append_text(target, "Appelez-nous.");
  Document doc = returned_with_target(target);
  const Document current = returned_with_target({});
  Diagnostics found;
  enforce_merge_contract(doc, &current, "x.xlf", found);
  REQUIRE(found.items().size() == 1);
  CHECK(found.items()[0].check_id == "target-refused");
  CHECK(found.items()[0].where.to_string() == "x.xlf:12: unit \"p-1\"");
  CHECK(found.items()[0].message ==
        "segment \"s1\": placeholder 1 is missing; the source is used instead");
  CHECK_FALSE(doc.units[0].segments[0].target.has_value());
}

TEST_CASE("duplicated, invented placeholders and unbalanced codes are refused",
          "[merge_contract]") {
  const Placeholder phone{"1", PlaceholderKind::phone, "+41227179468", "+41227179468", ""};
  Content twice{phone, phone};
  Content invented{phone, Placeholder{"9", PlaceholderKind::number, "3", "3", ""}};
  Content open{phone, CodeStart{"1", "*", "emphasis"}};
  for (const auto& [target, message] :
       {std::pair<Content, std::string>{twice, "placeholder 1 appears more than once"},
        {invented, "placeholder 9 is not in the source"},
        {open, "code 1 is not in the source"}}) {
    Document doc = returned_with_target(target);
    Diagnostics found;
    enforce_merge_contract(doc, nullptr, "x.xlf", found);
    REQUIRE(found.items().size() == 1);
    CHECK(found.items()[0].message ==
          "segment \"s1\": " + message + "; the source is used instead");
  }
}

TEST_CASE("units and segments the current release no longer has, and changed sources, are listed",
          "[merge_contract]") {
  Document doc = returned_with_target({});
  Document current = returned_with_target({});
  append_text(current.units[0].segments[0].source, " Now.");
  Diagnostics found;
  enforce_merge_contract(doc, &current, "x.xlf", found);
  REQUIRE(found.items().size() == 1);
  CHECK(found.items()[0].check_id == "stale-source");
  current.units[0].id = "p-2";
  Diagnostics gone;
  enforce_merge_contract(doc, &current, "x.xlf", gone);
  REQUIRE(gone.items().size() == 1);
  CHECK(gone.items()[0].check_id == "unknown-unit");
}
