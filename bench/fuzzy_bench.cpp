// Fuzzy matching benchmark: a deterministic memory of 100,000 generated segments, 1,000 fuzzy
// lookups through TranslationMemory's index, and a linear scan (exact edit distance against every
// entry, on pre-tokenised and interned entries, so only the search strategy differs) on a subset
// of the same queries. Prints milliseconds per lookup and the ratio.
//
//   relocale_fuzzy_bench [entries=100000] [lookups=1000] [scanned=20] [threshold=75]
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "relocale/memory/similarity.h"
#include "relocale/memory/translation_memory.h"

using namespace relocale;

namespace {

using Clock = std::chrono::steady_clock;

double milliseconds_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Sentences from a 5,000-word vocabulary with a Zipf-like spread (a few words are very common, as
// "the" is), a third of them variants of earlier ones, with a number or date placeholder now and
// then.
class Generator {
 public:
  Generator() {
    for (int i = 0; i < 5000; ++i) {
      words_.push_back("word" + std::to_string(i));
    }
  }
  std::vector<std::string> sentence() {
    std::vector<std::string> out(8 + pick(23));
    for (auto& w : out) {
      w = word();
    }
    return out;
  }
  std::vector<std::string> variant(std::vector<std::string> s) {
    const size_t edits = 1 + pick(4);
    for (size_t e = 0; e < edits; ++e) {
      const auto at = static_cast<long>(pick(s.size()));
      switch (pick(3)) {
      case 0:
        s[at] = word();
        break;
      case 1:
        s.insert(s.begin() + at, word());
        break;
      default:
        if (s.size() > 3) {
          s.erase(s.begin() + at);
        }
      }
    }
    return s;
  }
  size_t pick(size_t n) { return random_() % n; }
  static Content content(const std::vector<std::string>& s) {
    Content out;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == "word3" || s[i] == "word5") {
        const auto kind = s[i] == "word3" ? PlaceholderKind::number : PlaceholderKind::date;
        out.emplace_back(Placeholder{std::to_string(i), kind, std::to_string(i), "", ""});
      } else {
        append_text(out, (i ? " " : "") + s[i]);
      }
    }
    append_text(out, ".");
    return out;
  }

 private:
  const std::string& word() { return words_[pick(pick(pick(words_.size()) + 1) + 1)]; }
  std::mt19937 random_{42};
  std::vector<std::string> words_;
};

size_t argument(int argc, char** argv, int i, size_t fallback) {
  return argc > i ? std::strtoul(argv[i], nullptr, 10) : fallback;
}

}  // namespace

int main(int argc, char** argv) {
  const size_t entry_count = argument(argc, argv, 1, 100000);
  const size_t lookup_count = argument(argc, argv, 2, 1000);
  const size_t scanned_count = std::min(argument(argc, argv, 3, 20), lookup_count);
  const double threshold = argc > 4 ? std::strtod(argv[4], nullptr) : 75.0;

  Generator generator;
  std::vector<std::vector<std::string>> sentences;
  TranslationMemory memory;
  auto start = Clock::now();
  while (memory.size() < entry_count) {
    auto s = sentences.empty() || generator.pick(3) == 0
                 ? generator.sentence()
                 : generator.variant(sentences[generator.pick(sentences.size())]);
    memory.add({"en",
                "fr",
                Generator::content(s),
                {"t" + std::to_string(sentences.size())},
                SegmentState::translated,
                "",
                ""});
    sentences.push_back(std::move(s));
  }
  const double build_ms = milliseconds_since(start);

  std::vector<Content> queries;
  for (size_t q = 0; q < lookup_count; ++q) {
    queries.push_back(Generator::content(
        q % 4 == 0 ? generator.sentence()
                   : generator.variant(sentences[generator.pick(sentences.size())])));
  }

  start = Clock::now();
  size_t found = 0;
  std::vector<const TmEntry*> best(queries.size(), nullptr);
  for (size_t q = 0; q < queries.size(); ++q) {
    const auto matches = memory.fuzzy("en", "fr", queries[q], threshold, 5);
    found += matches.empty() ? 0 : 1;
    best[q] = matches.empty() ? nullptr : matches[0].entry;
  }
  const double index_ms = milliseconds_since(start) / queries.size();

  // The linear scan: every entry's tokens interned once, beforehand (not timed).
  std::unordered_map<std::string, uint32_t> vocabulary;
  const auto intern = [&](const Content& c) {
    std::vector<uint32_t> ids;
    for (const auto& t : match_tokens(c)) {
      ids.push_back(vocabulary.emplace(t, static_cast<uint32_t>(vocabulary.size())).first->second);
    }
    return ids;
  };
  std::vector<std::vector<uint32_t>> entry_tokens;
  for (const auto& entry : memory.entries()) {
    entry_tokens.push_back(intern(entry.source));
  }
  size_t disagreements = 0;
  start = Clock::now();
  for (size_t q = 0; q < scanned_count; ++q) {
    const auto query = intern(queries[q]);
    double best_similarity = -1;
    const TmEntry* best_entry = nullptr;
    for (size_t e = 0; e < entry_tokens.size(); ++e) {
      const double s = similarity_from_distance(token_distance(query, entry_tokens[e]),
                                                query.size(), entry_tokens[e].size());
      if (s >= threshold - 1e-9 && s > best_similarity + 1e-9) {
        best_similarity = s;
        best_entry = &memory.entries()[e];
      }
    }
    disagreements += best_entry == best[q] ? 0 : 1;
  }
  const double scan_ms = milliseconds_since(start) / std::max<size_t>(scanned_count, 1);

  std::printf("entries:              %zu (index built in %.0f ms)\n", memory.size(), build_ms);
  std::printf("threshold:            %.0f\n", threshold);
  std::printf("indexed lookups:      %zu, %.3f ms per lookup, %zu with a match\n", queries.size(),
              index_ms, found);
  std::printf("linear scan lookups:  %zu, %.3f ms per lookup\n", scanned_count, scan_ms);
  std::printf("speed-up:             %.0fx\n", scan_ms / index_ms);
  std::printf("best-match disagreements on the scanned subset: %zu\n", disagreements);
  return disagreements == 0 ? 0 : 1;
}
