#include "relocale/base/suggest.h"

namespace relocale {

size_t edit_distance(const std::string& a, const std::string& b) {
  return levenshtein_distance(a, b);
}

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates,
                          size_t max_distance) {
  std::string best;
  size_t best_distance = max_distance + 1;
  for (const auto& candidate : candidates) {
    const size_t d = edit_distance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

}  // namespace relocale
