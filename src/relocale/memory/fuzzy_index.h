#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace relocale {

/// An index of token sequences (see match_tokens) that finds the most similar ones to a query
/// without comparing the query with every sequence.
///
/// How: an inverted index maps each token to the sequences that contain it. A sequence b can only
/// reach similarity t (as a fraction) with a query a if they share at least ceil(t * |a|) tokens
/// (each edit removes at most one shared token), so it must contain one of the |a| - that + 1
/// rarest tokens of the query, and k of the |a| - that + k rarest ("prefix filter"): only those
/// tokens' posting lists are read (k = 3 where the query is long enough). The
/// candidates are then filtered by length and by their shared-token count, which bounds the
/// similarity from above; exact edit distances are computed in order of that bound and the search
/// stops once the bound falls below the worst of the results kept. The results are therefore the
/// same as a linear scan's, ties broken by insertion order.
class FuzzyIndex {
 public:
  struct Hit {
    uint32_t id;        // the sequence's insertion number, from 0
    double similarity;  // 0..100
  };

  /// Adds a sequence; returns its id (0, 1, 2...).
  uint32_t add(const std::vector<std::string>& tokens);
  /// Up to max_results sequences with similarity >= min_similarity, best first (ties: lower id
  /// first). A sequence that shares no token with the query is never returned, even when
  /// min_similarity is 0. Safe to call from several threads at once (no writes).
  std::vector<Hit> search(const std::vector<std::string>& tokens, double min_similarity,
                          size_t max_results) const;
  size_t size() const { return sequences_.size(); }

 private:
  std::vector<uint32_t> query_ids(const std::vector<std::string>& tokens) const;

  std::unordered_map<std::string, uint32_t> vocabulary_;
  std::vector<std::vector<uint32_t>> postings_;   // token id -> ascending sequence ids
  std::vector<std::vector<uint32_t>> sequences_;  // sequence id -> token ids in order
  std::vector<std::vector<uint32_t>> sorted_;     // sequence id -> token ids sorted
};

}  // namespace relocale
