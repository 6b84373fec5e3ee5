#pragma once

#include <string>
#include <vector>

namespace relocale {

/// Levenshtein distance between two strings (bytes), for "did you mean" suggestions.
size_t edit_distance(const std::string& a, const std::string& b);

/// The candidate nearest to `word` within max_distance edits, or "" when none is that near
/// (ties go to the first). For "did you mean" on commands, releases, formats and check ids.
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates,
                          size_t max_distance = 3);

}  // namespace relocale
