#pragma once

#include <algorithm>
#include <string>
#include <vector>

namespace relocale {

/// Levenshtein distance between two sequences (each insertion, deletion or substitution costs 1),
/// in O(|a|*|b|) time and O(|b|) memory: of bytes for "did you mean", of word tokens for fuzzy
/// matches (memory/similarity.h).
template <class Sequence>
size_t levenshtein_distance(const Sequence& a, const Sequence& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

/// Levenshtein distance between two strings (bytes), for "did you mean" suggestions.
size_t edit_distance(const std::string& a, const std::string& b);

/// The candidate nearest to `word` within max_distance edits, or "" when none is that near
/// (ties go to the first). For "did you mean" on commands, releases, formats and check ids.
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates,
                          size_t max_distance = 3);

}  // namespace relocale
