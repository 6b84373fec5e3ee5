#include "relocale/memory/carry_over.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "relocale/memory/similarity.h"

using namespace relocale;

namespace {

Placeholder value(const std::string& id, PlaceholderKind kind, const std::string& canonical) {
  return Placeholder{id, kind, canonical, canonical, ""};
}

// One paragraph: the unit id stands for the lead's content hash (here: a name per text).
struct Paragraph {
  std::string unit_id;
  std::vector<Content> sources;
};

Document document(const std::vector<Paragraph>& paragraphs) {
  Document d;
  d.release = "idm-release";
  d.source_lang = "en";
  d.target_lang = "fr";
  d.date = "2018-10-08";
  for (const auto& p : paragraphs) {
    Unit unit;
    unit.id = p.unit_id;
    for (size_t i = 0; i < p.sources.size(); ++i) {
      Segment s;
      s.id = std::to_string(i + 1);
      s.source = p.sources[i];
      unit.segments.push_back(std::move(s));
    }
    d.units.push_back(std::move(unit));
  }
  return d;
}

// The "translator": every segment gets "FR:" + its source as target, placeholders included.
Document translated(Document d, SegmentState state = SegmentState::reviewed) {
  for (auto& unit : d.units) {
    for (auto& s : unit.segments) {
      Content target{"FR: "};
      target.insert(target.end(), s.source.begin(), s.source.end());
      s.target = target;
      s.state = state;
    }
  }
  return d;
}

const Content kWelcome{"IOM welcomes the new agreement on migration."};
const Content kSigned{"The agreement was signed on ",
                      value("1", PlaceholderKind::date, "2018-10-08"), " in Geneva."};
const Content kDelegates{"More than ", value("1", PlaceholderKind::number, "150"),
                         " delegates attended the conference."};
const Content kThanks{"The Director General thanked the host government for its support."};
const Content kContact{"For more information, please contact the media office."};
const Content kInserted{"A new paragraph that nobody has translated yet."};

std::vector<Paragraph> original() {
  return {{"u-welcome", {kWelcome, kSigned}},
          {"u-delegates", {kDelegates}},
          {"u-thanks", {kThanks}},
          {"u-contact", {kContact}}};
}

const Segment& segment_with(const Document& d, const Content& source) {
  for (const auto& u : d.units) {
    for (const auto& s : u.segments) {
      if (match_key(s.source) == match_key(source)) {
        return s;
      }
    }
  }
  FAIL("no segment " << debug_string(source));
  throw;
}

Content expected_target(const Content& source) {
  Content target{"FR: "};
  target.insert(target.end(), source.begin(), source.end());
  return target;
}

void check_report(const CarryOverReport& r, size_t kept, size_t reused, size_t fuzzy, size_t fresh,
                  size_t removed) {
  CHECK(r.kept == kept);
  CHECK(r.reused == reused);
  CHECK(r.fuzzy == fuzzy);
  CHECK(r.fresh == fresh);
  CHECK(r.removed == removed);
}

}  // namespace

TEST_CASE("without a previous file or memory every segment is fresh", "[carry_over]") {
  auto fresh = document(original());
  TranslationMemory memory;
  check_report(carry_over(fresh, nullptr, memory, {}), 0, 0, 0, 5, 0);
  CHECK(!segment_with(fresh, kWelcome).target);
  CHECK(memory.size() == 0);
}

TEST_CASE("an unchanged release keeps every translation and state", "[carry_over]") {
  const auto previous = translated(document(original()));
  auto fresh = document(original());
  TranslationMemory memory;
  check_report(carry_over(fresh, &previous, memory, {}), 5, 0, 0, 0, 0);
  for (const auto* source : {&kWelcome, &kSigned, &kDelegates, &kThanks, &kContact}) {
    const auto& s = segment_with(fresh, *source);
    REQUIRE(s.target);
    CHECK(*s.target == expected_target(*source));
    CHECK(s.state == SegmentState::reviewed);
  }
  CHECK(memory.size() == 0);
}

TEST_CASE("a changed number is updated in the kept translation", "[carry_over]") {
  const auto previous = translated(document(original()));
  auto paragraphs = original();
  const Content delegates_180{"More than ", value("1", PlaceholderKind::number, "180"),
                              " delegates attended the conference."};
  paragraphs[1] = {"u-delegates-180", {delegates_180}};  // the unit's hash changes with its text
  auto fresh = document(paragraphs);
  TranslationMemory memory;
  check_report(carry_over(fresh, &previous, memory, {}), 5, 0, 0, 0, 0);
  const auto& s = segment_with(fresh, delegates_180);
  REQUIRE(s.target);
  CHECK(*s.target == expected_target(delegates_180));
  CHECK(debug_string(*s.target) ==
        "FR: More than {1:number 180} delegates attended the conference.");
  CHECK(s.state == SegmentState::reviewed);
}

TEST_CASE("a reworded sentence gets the old translation as a candidate only", "[carry_over]") {
  const auto previous = translated(document(original()));
  auto paragraphs = original();
  const Content thanks_kind{
      "The Director General thanked the host government for its kind support."};
  paragraphs[2] = {"u-thanks-kind", {thanks_kind}};
  auto fresh = document(paragraphs);
  TranslationMemory memory;
  check_report(carry_over(fresh, &previous, memory, {}), 4, 0, 1, 0, 0);
  const auto& s = segment_with(fresh, thanks_kind);
  CHECK(!s.target);
  CHECK(s.state == SegmentState::initial);
  REQUIRE(s.candidates.size() == 1);
  CHECK(s.candidates[0].origin == "previous-version");
  CHECK(s.candidates[0].similarity == Approx(100.0 * 11 / 12));  // one word inserted in 11
  CHECK(s.candidates[0].source == kThanks);
  CHECK(s.candidates[0].target == expected_target(kThanks));
  // The old translation is kept in the memory too, for when the candidate is gone.
  REQUIRE(memory.exact("en", "fr", kThanks) != nullptr);
  CHECK(memory.exact("en", "fr", kThanks)->origin == "idm-release/u-thanks");

  SECTION("below the threshold it is fresh") {
    auto again = document(paragraphs);
    CarryOverOptions strict;
    strict.fuzzy_threshold = 95;
    // Not offered any more, the old sentence counts as removed (and stays in the memory).
    check_report(carry_over(again, &previous, memory, strict), 4, 0, 0, 1, 1);
    CHECK(memory.exact("en", "fr", kThanks) != nullptr);
  }
}

TEST_CASE("an inserted paragraph is fresh and its neighbours are kept", "[carry_over]") {
  const auto previous = translated(document(original()));
  auto paragraphs = original();
  paragraphs.insert(paragraphs.begin() + 2, {"u-inserted", {kInserted}});
  auto fresh = document(paragraphs);
  TranslationMemory memory;
  check_report(carry_over(fresh, &previous, memory, {}), 5, 0, 0, 1, 0);
  CHECK(!segment_with(fresh, kInserted).target);
  CHECK(segment_with(fresh, kThanks).state == SegmentState::reviewed);
}

TEST_CASE("a deleted paragraph's translation goes to the memory", "[carry_over]") {
  const auto previous = translated(document(original()));
  auto paragraphs = original();
  paragraphs.erase(paragraphs.begin() + 2);
  auto fresh = document(paragraphs);
  TranslationMemory memory;
  check_report(carry_over(fresh, &previous, memory, {}), 4, 0, 0, 0, 1);
  REQUIRE(memory.size() == 1);
  const auto& entry = memory.entries()[0];
  CHECK(entry.source == kThanks);
  CHECK(entry.target == expected_target(kThanks));
  CHECK(entry.state == SegmentState::reviewed);
  CHECK(entry.origin == "idm-release/u-thanks");
  CHECK(entry.source_lang == "en");
  CHECK(entry.target_lang == "fr");

  SECTION("and comes back in context when the same paragraph returns") {
    auto later = document(original());
    const Document* no_previous = nullptr;
    check_report(carry_over(later, no_previous, memory, {}), 1, 0, 0, 4, 0);
    CHECK(*segment_with(later, kThanks).target == expected_target(kThanks));
    CHECK(segment_with(later, kThanks).state == SegmentState::reviewed);
  }
  SECTION("and comes back as an exact match in another paragraph") {
    auto moved = original();
    moved[2].unit_id = "u-thanks-and-more";  // its paragraph's text, hence id, changed
    auto later = document(moved);
    const Document* no_previous = nullptr;
    check_report(carry_over(later, no_previous, memory, {}), 0, 1, 0, 4, 0);
    CHECK(*segment_with(later, kThanks).target == expected_target(kThanks));
    CHECK(segment_with(later, kThanks).state == SegmentState::translated);  // reviewed at most
  }
}

TEST_CASE("two reordered paragraphs keep their translations", "[carry_over]") {
  const auto previous = translated(document(original()));
  auto paragraphs = original();
  std::swap(paragraphs[1], paragraphs[2]);
  auto fresh = document(paragraphs);
  TranslationMemory memory;
  check_report(carry_over(fresh, &previous, memory, {}), 5, 0, 0, 0, 0);
  CHECK(*segment_with(fresh, kDelegates).target == expected_target(kDelegates));
  CHECK(*segment_with(fresh, kThanks).target == expected_target(kThanks));
}

TEST_CASE("a sentence moved to another context is reused, at most translated", "[carry_over]") {
  const auto previous = translated(document(original()));
  // The welcome sentence moves to the end, alone in a new paragraph: other unit, other
  // neighbours. Its old paragraph now holds only the signing sentence.
  auto fresh = document({{"u-signed", {kSigned}},
                         {"u-delegates", {kDelegates}},
                         {"u-thanks", {kThanks}},
                         {"u-contact", {kContact}},
                         {"u-welcome-alone", {kWelcome}}});
  TranslationMemory memory;
  check_report(carry_over(fresh, &previous, memory, {}), 4, 1, 0, 0, 0);
  const auto& s = segment_with(fresh, kWelcome);
  CHECK(*s.target == expected_target(kWelcome));
  CHECK(s.state == SegmentState::translated);
}

TEST_CASE("the memory offers exact and fuzzy matches from other releases", "[carry_over]") {
  TranslationMemory memory;
  memory.add({"en", "fr", kContact, Content{"Pour plus d'informations, contactez le bureau."},
              SegmentState::final, "older-release/u-contact", "2017-01-01"});
  memory.add({"en", "fr", Content{"IOM welcomes the agreement on migration."},
              Content{"L'OIM salue l'accord sur la migration."}, SegmentState::reviewed,
              "older-release/u-1", ""});
  memory.add({"en", "fr", kDelegates, expected_target(kDelegates), SegmentState::reviewed,
              "older-release/u-other", "2017-01-01"});
  auto fresh = document(original());
  check_report(carry_over(fresh, nullptr, memory, {}), 1, 1, 1, 2, 0);
  // The boilerplate paragraph has the same unit id as in the older release: in context.
  const auto& contact = segment_with(fresh, kContact);
  CHECK(plain_text(*contact.target) == "Pour plus d'informations, contactez le bureau.");
  CHECK(contact.state == SegmentState::final);
  // The same sentence in another unit: reused, at most translated.
  const auto& delegates = segment_with(fresh, kDelegates);
  CHECK(*delegates.target == expected_target(kDelegates));
  CHECK(delegates.state == SegmentState::translated);
  const auto& welcome = segment_with(fresh, kWelcome);
  CHECK(!welcome.target);
  REQUIRE(welcome.candidates.size() == 1);
  CHECK(welcome.candidates[0].origin == "memory:older-release/u-1");
  // IOM welcomes the agreement on migration . (7) vs one inserted word (8).
  CHECK(welcome.candidates[0].similarity == Approx(100.0 * 7 / 8));
}

TEST_CASE("all the edits of one update are counted together", "[carry_over]") {
  const auto previous = translated(document(original()), SegmentState::translated);
  const Content signed_9{"The agreement was signed on ",
                         value("1", PlaceholderKind::date, "2018-10-09"), " in Geneva."};
  const Content welcome_reworded{"IOM warmly welcomes the new agreement on migration."};
  // Number changed in the first paragraph's date, first sentence reworded, a paragraph inserted,
  // the thanks paragraph deleted, delegates and contact reordered.
  auto fresh = document({{"u-welcome-2", {welcome_reworded, signed_9}},
                         {"u-contact", {kContact}},
                         {"u-inserted", {kInserted}},
                         {"u-delegates", {kDelegates}}});
  TranslationMemory memory;
  // The signing sentence lost its unit (the paragraph's text changed) and both neighbours (one
  // reworded, one moved), so it is reused rather than kept: its context is new.
  check_report(carry_over(fresh, &previous, memory, {}), 2, 1, 1, 1, 1);
  CHECK(debug_string(*segment_with(fresh, signed_9).target) ==
        "FR: The agreement was signed on {1:date 2018-10-09} in Geneva.");
  CHECK(segment_with(fresh, welcome_reworded).candidates.at(0).similarity == Approx(100.0 * 8 / 9));
  CHECK(memory.exact("en", "fr", kThanks) != nullptr);
  CHECK(memory.exact("en", "fr", kWelcome) != nullptr);  // offered, and kept in the memory
  CHECK(memory.size() == 2);
}

TEST_CASE("a translator's notes on a unit follow it, to its edited version too", "[carry_over]") {
  Document previous =
      translated(document({{"u-lead", {kWelcome, kSigned}}, {"u-thanks", {kThanks}}}));
  previous.units[0].notes = {"relocale-ignore: length", "Name checked with the desk."};
  previous.units[1].notes = {"Keep the formal register."};
  // The lead gained a sentence (a new unit id); its first sentence keeps its translation there.
  Document fresh =
      document({{"u-lead-2", {kWelcome, kSigned, kInserted}}, {"u-thanks", {kThanks}}});
  fresh.units[1].notes = {"Keep the formal register."};  // already there: not doubled
  TranslationMemory memory;
  carry_over(fresh, &previous, memory, {});
  CHECK(fresh.units[0].notes ==
        std::vector<std::string>{"relocale-ignore: length", "Name checked with the desk."});
  CHECK(fresh.units[1].notes == std::vector<std::string>{"Keep the formal register."});
  // Without a previous file there is nobody's note to carry.
  Document alone = document({{"u-lead", {kWelcome}}});
  carry_over(alone, nullptr, memory, {});
  CHECK(alone.units[0].notes.empty());
}

TEST_CASE("a content packed for carry-over unpacks to the same runs", "[carry_over]") {
  Content content{"Call ", value("1", PlaceholderKind::phone, "+41227179468"), " or see "};
  content.emplace_back(CodeStart{"2", "[", "link"});
  content.emplace_back(std::string(200000, 'x'));  // a length over two bytes of 7 bits
  content.emplace_back(CodeEnd{"2", "](https://example.org)"});
  content.emplace_back(Placeholder{"3", PlaceholderKind::date, "2018-10-08", "8 October", "dMMMM"});
  content.emplace_back(std::string());
  CHECK(unpack_content(pack_content(content)) == content);
  CHECK(unpack_content(pack_content(Content{})).empty());
  CHECK(pack_content(Content{"Hello."}).size() == 8);  // a tag, a length, the text
  // Bytes that pack_content did not make are refused, not read past their end.
  const std::string packed = pack_content(content);
  CHECK_THROWS_AS(unpack_content(packed.substr(0, packed.size() / 2)), std::invalid_argument);
  CHECK_THROWS_AS(unpack_content("?"), std::invalid_argument);
  CHECK_THROWS_AS(unpack_content(std::string("p\x01"
                                             "1\x04"
                                             "nope",
                                             8)),
                  std::invalid_argument);
}
