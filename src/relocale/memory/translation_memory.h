#pragma once

#include <deque>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "relocale/memory/fuzzy_index.h"
#include "relocale/model/document.h"

namespace relocale {

/// One translated sentence of the project's translation memory.
struct TmEntry {
  std::string source_lang;  // BCP 47
  std::string target_lang;
  Content source;
  Content target;
  SegmentState state = SegmentState::translated;
  std::string origin;   // where it was translated: "<release>/<unit id>", or empty
  std::string changed;  // when: ISO 8601 date ("2018-10-08") or UTC time ("2018-10-08T10:30:00Z")
};

/// A found fuzzy match.
struct TmMatch {
  const TmEntry* entry;
  double similarity;  // 0..100, see similarity()
};

/// Translations across releases and languages, looked up by exact key (match_key) and by fuzzy
/// similarity through an index (FuzzyIndex), one per language pair.
///
/// Entry pointers stay valid while the memory lives (entries are never moved or removed). Const
/// lookups may run from several threads at once; add() must not run beside them.
class TranslationMemory {
 public:
  TranslationMemory() = default;
  TranslationMemory(TranslationMemory&&) = default;
  TranslationMemory& operator=(TranslationMemory&&) = default;

  /// Adds an entry, or updates the one with the same languages, source key and target key (the
  /// same translation, perhaps with other placeholder values): the newer contents, origin and date
  /// replace the older, and the state becomes the higher of the two. Language tags compare without
  /// regard to case. Returns the entry as stored.
  const TmEntry& add(TmEntry entry);
  /// Adds every segment of a target-language document that has a non-empty target and state
  /// translated or better, with origin "<release>/<unit id>" and the document's date.
  void add_translations(const Document& document);

  /// The best translation of a source with the same match_key (the highest state, then the most
  /// recently added), or nullptr.
  const TmEntry* exact(const std::string& source_lang, const std::string& target_lang,
                       const Content& source) const;
  /// Every translation of a source with the same match_key, best first (as exact() ranks them).
  std::vector<const TmEntry*> exact_matches(const std::string& source_lang,
                                            const std::string& target_lang,
                                            const Content& source) const;
  /// Up to max_results entries whose source is at least min_similarity similar (0..100), best
  /// first; ties go to the entry added first. Uses the index: never compares with every entry.
  std::vector<TmMatch> fuzzy(const std::string& source_lang, const std::string& target_lang,
                             const Content& source, double min_similarity,
                             size_t max_results) const;

  size_t size() const { return entries_.size(); }
  /// All entries in the order they were first added.
  const std::deque<TmEntry>& entries() const { return entries_; }

 private:
  // The entries of one language pair.
  struct Pair {
    FuzzyIndex index;                      // index id -> position in `members`
    std::vector<size_t> members;           // positions in entries_
    std::vector<std::string> target_keys;  // parallel to members
    std::unordered_map<std::string, std::vector<size_t>> by_key;  // source key -> member numbers
  };
  const Pair* find_pair(const std::string& source_lang, const std::string& target_lang) const;

  std::deque<TmEntry> entries_;
  std::map<std::pair<std::string, std::string>, Pair> pairs_;
};

}  // namespace relocale
