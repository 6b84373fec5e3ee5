#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "relocale/memory/similarity.h"
#include "relocale/memory/translation_memory.h"

using namespace relocale;

namespace {

Content text(const std::string& s) {
  return Content{s};
}

Placeholder value(const std::string& id, PlaceholderKind kind, const std::string& canonical) {
  return Placeholder{id, kind, canonical, canonical, ""};
}

// A deterministic pseudo-random memory: sentences built from a small vocabulary, many of them
// variants of others, so that fuzzy matches at 50-99 % exist.
struct Generator {
  std::mt19937 random{20240601};
  std::vector<std::string> words;

  Generator() {
    for (int i = 0; i < 400; ++i) {
      words.push_back("w" + std::to_string(i));
    }
  }
  size_t pick(size_t n) { return random() % n; }
  // Zipf-like: low word numbers are common, as in real text.
  const std::string& word() { return words[pick(pick(words.size()) + 1)]; }
  std::vector<std::string> sentence() {
    std::vector<std::string> out(6 + pick(14));
    for (auto& w : out) {
      w = word();
    }
    return out;
  }
  std::vector<std::string> variant(std::vector<std::string> s) {
    const size_t edits = 1 + pick(4);
    for (size_t e = 0; e < edits; ++e) {
      const size_t at = pick(s.size());
      switch (pick(3)) {
      case 0:
        s[at] = word();
        break;
      case 1:
        s.insert(s.begin() + static_cast<long>(at), word());
        break;
      default:
        if (s.size() > 2) {
          s.erase(s.begin() + static_cast<long>(at));
        }
      }
    }
    return s;
  }
  static Content content(const std::vector<std::string>& s) {
    Content out;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == "w7") {  // some placeholders, so abstraction is exercised too
        out.emplace_back(value(std::to_string(i), PlaceholderKind::number, std::to_string(i)));
      } else {
        append_text(out, (i ? " " : "") + s[i]);
      }
    }
    append_text(out, ".");
    return out;
  }
};

std::vector<TmMatch> brute_force(const TranslationMemory& memory, const Content& query,
                                 double min_similarity, size_t max_results) {
  std::vector<TmMatch> all;
  const auto query_tokens = match_tokens(query);
  for (const auto& entry : memory.entries()) {
    const double s = token_similarity(query_tokens, match_tokens(entry.source));
    if (s >= min_similarity - 1e-9) {
      all.push_back({&entry, s});
    }
  }
  // entries() is in insertion order, so a stable sort breaks ties by the first added.
  std::stable_sort(all.begin(), all.end(), [](const TmMatch& a, const TmMatch& b) {
    return a.similarity > b.similarity + 1e-9;
  });
  all.resize(std::min(all.size(), max_results));
  return all;
}

}  // namespace

TEST_CASE("identical contents are 100 similar and unrelated ones 0", "[memory]") {
  CHECK(similarity(text("The cat sat on the mat."), text("The cat sat on the mat.")) == 100);
  CHECK(similarity(text("Hello world"), text("Goodbye moon")) == 0);
  CHECK(similarity(Content{}, Content{}) == 100);
  CHECK(similarity(Content{}, text("two words")) == 0);
}

TEST_CASE("similarity counts word edits over the longer token sequence", "[memory]") {
  // UAX #29 word tokens: The cat sat on the mat . -> 7 tokens, one substitution.
  CHECK(similarity(text("The cat sat on the mat."), text("The cat sat on a mat.")) ==
        Approx(100.0 * 6 / 7));
  // The Director General thanked the host government for its support . -> 11 tokens; one word
  // inserted -> 1 edit over 12.
  CHECK(similarity(text("The Director General thanked the host government for its support."),
                   text("The Director General thanked the host government for its kind "
                        "support.")) == Approx(100.0 * 11 / 12));
  // White space is not a token.
  CHECK(similarity(text("a  b\tc"), text("a b c")) == 100);
}

TEST_CASE("a placeholder equals a placeholder of the same kind whatever its value", "[memory]") {
  const Content a{"Signed on ", value("1", PlaceholderKind::date, "2018-10-08"), "."};
  const Content b{"Signed on ", value("2", PlaceholderKind::date, "2019-01-31"), "."};
  const Content c{"Signed on ", value("1", PlaceholderKind::number, "12"), "."};
  CHECK(similarity(a, b) == 100);
  CHECK(similarity(a, c) == Approx(75));  // Signed on <ph> . : one substitution in 4
  CHECK(match_key(a) == match_key(b));
  CHECK(match_key(a) != match_key(c));
}

TEST_CASE("the match key normalises white space and abstracts placeholders", "[memory]") {
  const Content a{"  Tel:\u00a0 ", value("1", PlaceholderKind::phone, "+41227179468"), ". "};
  const Content b{"Tel: ", value("9", PlaceholderKind::phone, "+41227179400"), "."};
  CHECK(match_key(a) == match_key(b));
  CHECK(match_key(text("Tel:")) != match_key(b));
  CHECK(match_key(text("a b")) != match_key(text("ab")));
}

TEST_CASE("update_placeholders gives a translation the new source's values", "[memory]") {
  const Content old_source{"On ", value("1", PlaceholderKind::date, "2018-10-08"), ", ",
                           value("2", PlaceholderKind::number, "150"), " came."};
  Content new_source{"On ", value("3", PlaceholderKind::date, "2018-10-09"), ", ",
                     value("4", PlaceholderKind::number, "180"), " came."};
  std::get<Placeholder>(new_source[1]).source_text = "9 October";
  std::get<Placeholder>(new_source[1]).format = "dMMMM";
  // The translator put the number first.
  const Content target{value("2", PlaceholderKind::number, "150"), " sont venus le ",
                       value("1", PlaceholderKind::date, "2018-10-08"), "."};
  const auto updated = update_placeholders(target, old_source, new_source);
  REQUIRE(updated.size() == 4);
  CHECK(std::get<Placeholder>(updated[0]) == std::get<Placeholder>(new_source[3]));
  CHECK(std::get<Placeholder>(updated[2]) == std::get<Placeholder>(new_source[1]));
  CHECK(std::get<std::string>(updated[1]) == " sont venus le ");
}

TEST_CASE("the memory finds exact matches and de-duplicates entries", "[memory]") {
  TranslationMemory memory;
  const Content source{"Signed on ", value("1", PlaceholderKind::date, "2018-10-08"), "."};
  memory.add({"en", "fr", source, text("Signé."), SegmentState::reviewed, "r1/u1", ""});
  memory.add({"en", "fr", source, text("Signé."), SegmentState::translated, "r2/u1", ""});
  memory.add({"en", "fr", source, text("Il a été signé."), SegmentState::translated, "r3/u1", ""});
  memory.add({"en", "de", source, text("Unterzeichnet."), SegmentState::translated, "r1/u1", ""});
  CHECK(memory.size() == 3);
  const Content other_date{"Signed on ", value("7", PlaceholderKind::date, "2020-01-01"), "."};
  const auto* fr = memory.exact("EN", "fr", other_date);
  REQUIRE(fr != nullptr);
  CHECK(fr->target == text("Signé."));  // reviewed beats the later translated one
  CHECK(fr->state == SegmentState::reviewed);
  CHECK(fr->origin == "r2/u1");  // the newer copy of the same translation
  REQUIRE(memory.exact("en", "de", source) != nullptr);
  CHECK(memory.exact("en", "it", source) == nullptr);
  CHECK(memory.exact("en", "fr", text("Signed.")) == nullptr);
}

TEST_CASE("the fuzzy index returns what a linear scan returns", "[memory]") {
  Generator generator;
  TranslationMemory memory;
  std::vector<std::vector<std::string>> sentences;
  while (memory.size() < 2000) {
    auto s = sentences.empty() || generator.pick(3) == 0
                 ? generator.sentence()
                 : generator.variant(sentences[generator.pick(sentences.size())]);
    memory.add({"en", "fr", Generator::content(s), text("t" + std::to_string(memory.size())),
                SegmentState::translated, "", ""});
    sentences.push_back(std::move(s));
  }
  size_t with_matches = 0;
  for (int q = 0; q < 150; ++q) {
    const auto query = Generator::content(
        q % 5 == 0 ? generator.sentence()
                   : generator.variant(sentences[generator.pick(sentences.size())]));
    for (const double threshold : {50.0, 75.0}) {
      const auto indexed = memory.fuzzy("en", "fr", query, threshold, 5);
      const auto expected = brute_force(memory, query, threshold, 5);
      INFO(debug_string(query) << " at " << threshold);
      REQUIRE(indexed.size() == expected.size());
      for (size_t i = 0; i < indexed.size(); ++i) {
        CHECK(indexed[i].entry == expected[i].entry);
        CHECK(indexed[i].similarity == Approx(expected[i].similarity));
      }
      with_matches += indexed.empty() ? 0 : 1;
    }
  }
  CHECK(with_matches > 100);  // the comparison is not vacuous
}

TEST_CASE("fuzzy lookups from several threads agree", "[memory]") {
  Generator generator;
  TranslationMemory memory;
  std::vector<Content> queries;
  for (int i = 0; i < 300; ++i) {
    const auto s = generator.sentence();
    memory.add({"en", "fr", Generator::content(s), text("t"), SegmentState::translated, "", ""});
    queries.push_back(Generator::content(generator.variant(s)));
  }
  std::vector<std::vector<const TmEntry*>> results(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < results.size(); ++t) {
    threads.emplace_back([&, t] {
      for (const auto& q : queries) {
        const auto found = memory.fuzzy("en", "fr", q, 60, 1);
        results[t].push_back(found.empty() ? nullptr : found[0].entry);
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  for (size_t t = 1; t < results.size(); ++t) {
    CHECK(results[t] == results[0]);
  }
}

TEST_CASE("update_placeholders renumbers codes to the new source's ids", "[memory]") {
  const Content old_source{CodeStart{"1", "**", "strong"}, "Note", CodeEnd{"1", "**"}, " at ",
                           value("2", PlaceholderKind::time, "10:30")};
  const Content new_source{CodeStart{"4", "**", "strong"}, "Note", CodeEnd{"4", "**"}, " at ",
                           value("5", PlaceholderKind::time, "11:00")};
  const Content target{"À ",   value("2", PlaceholderKind::time, "10:30"),
                       " : ",  CodeStart{"1", "**", "strong"},
                       "note", CodeEnd{"1", "**"}};
  CHECK(debug_string(update_placeholders(target, old_source, new_source)) ==
        "À {5:time 11:00} : {4>note<4}");
}

TEST_CASE("add_translations takes a document's confirmed segments only", "[memory]") {
  Document d;
  d.release = "rel";
  d.source_lang = "en";
  d.target_lang = "fr";
  d.date = "2018-10-08";
  Unit unit;
  unit.id = "u1";
  for (const auto state : {SegmentState::initial, SegmentState::translated, SegmentState::final}) {
    Segment s;
    s.source = text(std::string("Sentence ") + segment_state_key(state) + ".");
    s.target = text(std::string("Phrase ") + segment_state_key(state) + ".");
    s.state = state;
    unit.segments.push_back(s);
  }
  Segment untranslated;
  untranslated.source = text("No target.");
  untranslated.state = SegmentState::translated;
  unit.segments.push_back(untranslated);
  d.units.push_back(unit);
  TranslationMemory memory;
  memory.add_translations(d);
  REQUIRE(memory.size() == 2);
  CHECK(memory.entries()[0].state == SegmentState::translated);
  CHECK(memory.entries()[0].origin == "rel/u1");
  CHECK(memory.entries()[0].changed == "2018-10-08");
  CHECK(memory.entries()[1].state == SegmentState::final);
}
