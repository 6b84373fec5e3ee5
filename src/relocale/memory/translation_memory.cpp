#include "relocale/memory/translation_memory.h"

#include <algorithm>

#include "relocale/base/ascii.h"
#include "relocale/memory/similarity.h"

namespace relocale {

namespace {

std::pair<std::string, std::string> pair_key(const std::string& source_lang,
                                             const std::string& target_lang) {
  return {ascii_lower(source_lang), ascii_lower(target_lang)};
}

}  // namespace

const TmEntry& TranslationMemory::add(TmEntry entry) {
  auto& pair = pairs_[pair_key(entry.source_lang, entry.target_lang)];
  const auto source_key = match_key(entry.source);
  auto target_key = match_key(entry.target);
  auto& same_source = pair.by_key[source_key];
  for (const auto member : same_source) {
    if (pair.target_keys[member] == target_key) {
      auto& stored = entries_[pair.members[member]];
      entry.state = std::max(entry.state, stored.state);
      stored = std::move(entry);
      return stored;
    }
  }
  const auto tokens = match_tokens(entry.source);
  pair.index.add(tokens);
  same_source.push_back(pair.members.size());
  pair.members.push_back(entries_.size());
  pair.target_keys.push_back(std::move(target_key));
  entries_.push_back(std::move(entry));
  return entries_.back();
}

void TranslationMemory::add_translations(const Document& document) {
  for (const auto& unit : document.units) {
    for (const auto& segment : unit.segments) {
      if (!segment.target || segment.target->empty() || segment.state < SegmentState::translated) {
        continue;
      }
      add(TmEntry{document.source_lang, document.target_lang, segment.source, *segment.target,
                  segment.state, document.release + "/" + unit.id, document.date});
    }
  }
}

const TranslationMemory::Pair* TranslationMemory::find_pair(const std::string& source_lang,
                                                            const std::string& target_lang) const {
  const auto it = pairs_.find(pair_key(source_lang, target_lang));
  return it == pairs_.end() ? nullptr : &it->second;
}

std::vector<const TmEntry*> TranslationMemory::exact_matches(const std::string& source_lang,
                                                             const std::string& target_lang,
                                                             const Content& source) const {
  std::vector<const TmEntry*> out;
  const auto* pair = find_pair(source_lang, target_lang);
  if (pair == nullptr) {
    return out;
  }
  const auto it = pair->by_key.find(match_key(source));
  if (it == pair->by_key.end()) {
    return out;
  }
  // Members are listed in the order they were added: newest first, then the highest state.
  for (auto member = it->second.rbegin(); member != it->second.rend(); ++member) {
    out.push_back(&entries_[pair->members[*member]]);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const TmEntry* a, const TmEntry* b) { return a->state > b->state; });
  return out;
}

const TmEntry* TranslationMemory::exact(const std::string& source_lang,
                                        const std::string& target_lang,
                                        const Content& source) const {
  const auto matches = exact_matches(source_lang, target_lang, source);
  return matches.empty() ? nullptr : matches.front();
}

std::vector<TmMatch> TranslationMemory::fuzzy(const std::string& source_lang,
                                              const std::string& target_lang, const Content& source,
                                              double min_similarity, size_t max_results) const {
  std::vector<TmMatch> out;
  const auto* pair = find_pair(source_lang, target_lang);
  if (pair == nullptr) {
    return out;
  }
  for (const auto& hit : pair->index.search(match_tokens(source), min_similarity, max_results)) {
    out.push_back({&entries_[pair->members[hit.id]], hit.similarity});
  }
  return out;
}

}  // namespace relocale
