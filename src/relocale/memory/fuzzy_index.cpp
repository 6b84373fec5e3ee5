#include "relocale/memory/fuzzy_index.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "relocale/memory/similarity.h"

namespace relocale {

namespace {

// Similarities are compared with this tolerance so that 100 * (1 - 1/4) and a threshold of 75
// agree however the floating point rounds.
constexpr double kEpsilon = 1e-9;

size_t shared_count(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  size_t shared = 0;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++shared;
      ++i;
      ++j;
    }
  }
  return shared;
}

bool better(const FuzzyIndex::Hit& a, const FuzzyIndex::Hit& b) {
  if (std::abs(a.similarity - b.similarity) > kEpsilon) {
    return a.similarity > b.similarity;
  }
  return a.id < b.id;
}

}  // namespace

uint32_t FuzzyIndex::add(const std::vector<std::string>& tokens) {
  const auto id = static_cast<uint32_t>(sequences_.size());
  std::vector<uint32_t> ids;
  ids.reserve(tokens.size());
  for (const auto& token : tokens) {
    const auto [it, inserted] =
        vocabulary_.emplace(token, static_cast<uint32_t>(vocabulary_.size()));
    if (inserted) {
      postings_.emplace_back();
    }
    auto& posting = postings_[it->second];
    if (posting.empty() || posting.back() != id) {
      posting.push_back(id);
    }
    ids.push_back(it->second);
  }
  auto sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  sequences_.push_back(std::move(ids));
  sorted_.push_back(std::move(sorted));
  return id;
}

std::vector<uint32_t> FuzzyIndex::query_ids(const std::vector<std::string>& tokens) const {
  // Tokens the index has never seen get ids past the vocabulary, distinct per token, so they
  // count as different from everything (and equal to themselves within the query).
  std::unordered_map<std::string, uint32_t> unseen;
  std::vector<uint32_t> ids;
  ids.reserve(tokens.size());
  for (const auto& token : tokens) {
    if (const auto it = vocabulary_.find(token); it != vocabulary_.end()) {
      ids.push_back(it->second);
    } else {
      const auto [u, inserted] =
          unseen.emplace(token, static_cast<uint32_t>(vocabulary_.size() + unseen.size()));
      ids.push_back(u->second);
    }
  }
  return ids;
}

std::vector<FuzzyIndex::Hit> FuzzyIndex::search(const std::vector<std::string>& tokens,
                                                double min_similarity, size_t max_results) const {
  std::vector<Hit> results;
  if (tokens.empty() || max_results == 0 || sequences_.empty()) {
    return results;
  }
  const auto query = query_ids(tokens);
  auto query_sorted = query;
  std::sort(query_sorted.begin(), query_sorted.end());
  const size_t length = query.size();
  const double fraction = std::clamp(min_similarity / 100.0, 0.0, 1.0);

  // Prefix filter: a match shares at least `needed` tokens with the query, so it misses at most
  // (length - needed) of the query's tokens; among the query's (length - needed + 1 + extra)
  // rarest tokens it therefore has at least 1 + extra. Reading two more posting lists than the
  // minimum and asking for three hits cuts the candidates several times over for little reading.
  const auto needed = static_cast<size_t>(std::max(1.0, std::ceil(fraction * length - kEpsilon)));
  const size_t minimum_prefix = length - std::min(needed, length) + 1;
  const size_t extra = std::min<size_t>(2, length - minimum_prefix);
  const auto posting_size = [&](uint32_t token) -> size_t {
    return token < postings_.size() ? postings_[token].size() : 0;
  };
  auto by_rarity = query;
  std::stable_sort(by_rarity.begin(), by_rarity.end(),
                   [&](uint32_t a, uint32_t b) { return posting_size(a) < posting_size(b); });
  by_rarity.resize(minimum_prefix + extra);
  std::sort(by_rarity.begin(), by_rarity.end());

  // Hits per sequence, weighted by how often the token occurs in the prefix (a sequence that
  // contains a twice-listed token may match both occurrences).
  std::vector<std::pair<uint32_t, uint32_t>> hits;  // (sequence, weight)
  for (size_t i = 0; i < by_rarity.size();) {
    const auto token = by_rarity[i];
    size_t j = i;
    while (j < by_rarity.size() && by_rarity[j] == token) {
      ++j;
    }
    if (token < postings_.size()) {
      for (const auto id : postings_[token]) {
        hits.emplace_back(id, static_cast<uint32_t>(j - i));
      }
    }
    i = j;
  }
  std::sort(hits.begin(), hits.end());
  std::vector<uint32_t> candidates;
  for (size_t i = 0; i < hits.size();) {
    size_t weight = 0;
    size_t j = i;
    for (; j < hits.size() && hits[j].first == hits[i].first; ++j) {
      weight += hits[j].second;
    }
    if (weight >= 1 + extra) {
      candidates.push_back(hits[i].first);
    }
    i = j;
  }

  // Upper bound of each candidate's similarity from lengths and shared tokens.
  struct Bounded {
    double bound;
    uint32_t id;
  };
  std::vector<Bounded> bounded;
  for (const auto id : candidates) {
    const size_t other = sequences_[id].size();
    const size_t longest = std::max(length, other);
    if (100.0 * std::min(length, other) / longest < min_similarity - kEpsilon) {
      continue;
    }
    const double bound = 100.0 * shared_count(query_sorted, sorted_[id]) / longest;
    if (bound < min_similarity - kEpsilon) {
      continue;
    }
    bounded.push_back({bound, id});
  }
  std::sort(bounded.begin(), bounded.end(), [](const Bounded& a, const Bounded& b) {
    return a.bound != b.bound ? a.bound > b.bound : a.id < b.id;
  });

  for (const auto& candidate : bounded) {
    if (results.size() == max_results && candidate.bound < results.back().similarity - kEpsilon) {
      break;
    }
    const auto& other = sequences_[candidate.id];
    const double score =
        similarity_from_distance(token_distance(query, other), length, other.size());
    if (score < min_similarity - kEpsilon) {
      continue;
    }
    const Hit hit{candidate.id, score};
    results.insert(std::upper_bound(results.begin(), results.end(), hit, better), hit);
    if (results.size() > max_results) {
      results.pop_back();
    }
  }
  return results;
}

}  // namespace relocale
