#include "relocale/memory/carry_over.h"

#include <algorithm>
#include <functional>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <unordered_map>

#include "relocale/memory/similarity.h"

namespace relocale {

namespace {

// Keys of the document's edges, so the first and last segments have neighbours to compare.
const TextKey kStartKey = text_key("\x02start");
const TextKey kEndKey = text_key("\x02end");

bool ends_with(const std::string& text, const std::string& end) {
  return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

bool has_target(const Segment& segment) {
  return segment.target && !segment.target->empty();
}

void carry_target(Segment& segment, const Content& old_source, const Content& old_target,
                  SegmentState state) {
  segment.target = update_placeholders(old_target, old_source, segment.source);
  segment.state = state;
  segment.candidates.clear();
}

// FNV-1a, 64 bits: the key's second half, independent of std::hash's.
uint64_t fnv1a(std::string_view text) {
  uint64_t hash = 14695981039346656037ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

bool key_less(const TextKey& a, const TextKey& b) {
  return a.low != b.low ? a.low < b.low : a.high < b.high;
}

}  // namespace

TextKey text_key(std::string_view text) {
  return TextKey{std::hash<std::string_view>{}(text), fnv1a(text)};
}

void SegmentKeys::add_unit(const Unit& unit) {
  const auto u = static_cast<uint32_t>(unit_id_.size());
  unit_id_.push_back(text_key(unit.id));
  for (const auto& segment : unit.segments) {
    source_.push_back(text_key(match_key(segment.source)));
    unit_of_.push_back(u);
  }
}

void SegmentKeys::shrink_to_fit() {
  source_.shrink_to_fit();
  unit_of_.shrink_to_fit();
  unit_id_.shrink_to_fit();
}

const TextKey& SegmentKeys::before(size_t segment) const {
  return segment == 0 ? kStartKey : source_[segment - 1];
}

const TextKey& SegmentKeys::after(size_t segment) const {
  return segment + 1 == source_.size() ? kEndKey : source_[segment + 1];
}

PreviousVersion::PreviousVersion(const Document& header)
    : source_lang_(header.source_lang),
      target_lang_(header.target_lang),
      release_(header.release),
      date_(header.date) {}

void PreviousVersion::add_unit(Unit&& unit) {
  const auto u = static_cast<uint32_t>(keys_.unit_count());
  size_t segment = keys_.segment_count();
  keys_.add_unit(unit);
  if (!unit.notes.empty()) {
    unit_notes_.emplace(u, std::move(unit.notes));
  }
  for (auto& s : unit.segments) {
    if (has_target(s)) {
      translated_by_source_[keys_.source(segment)].push_back(
          static_cast<uint32_t>(translated_.size()));
      if (translated_unit_ids_.empty() || translated_unit_ids_.back().first != u) {
        translated_unit_ids_.emplace_back(u, unit.id);
      }
      Translated t;
      t.packed = pack_content(s.source);
      t.target_at = t.packed.size();
      t.packed += pack_content(*s.target);
      t.packed.shrink_to_fit();
      t.notes = std::move(s.notes);
      t.segment = segment;
      t.unit = u;
      t.state = s.state;
      translated_.push_back(std::move(t));
    }
    ++segment;
  }
}

const std::string& PreviousVersion::unit_id(const Translated& translated) const {
  const auto it =
      std::lower_bound(translated_unit_ids_.begin(), translated_unit_ids_.end(), translated.unit,
                       [](const std::pair<uint32_t, std::string>& entry, uint32_t unit) {
                         return entry.first < unit;
                       });
  return it->second;  // every translated segment's unit is listed
}

void PreviousVersion::finish_reading() {
  keys_.shrink_to_fit();
  units_by_id_.resize(keys_.unit_count());
  std::iota(units_by_id_.begin(), units_by_id_.end(), uint32_t{0});
  // Units of the same id stay in file order: the first is found first.
  std::stable_sort(units_by_id_.begin(), units_by_id_.end(), [this](uint32_t a, uint32_t b) {
    return key_less(keys_.unit_id(a), keys_.unit_id(b));
  });
  finished_ = true;
}

void PreviousVersion::add_translations_to(TranslationMemory& memory) const {
  for (const auto& t : translated_) {
    if (t.state >= SegmentState::translated) {
      memory.add(TmEntry{source_lang_, target_lang_, t.source(), t.target(), t.state,
                         release_ + "/" + unit_id(t), date_});
    }
  }
}

const std::vector<uint32_t>* PreviousVersion::translated_with(const TextKey& source) const {
  const auto it = translated_by_source_.find(source);
  return it == translated_by_source_.end() ? nullptr : &it->second;
}

int64_t PreviousVersion::unit_with_id(const TextKey& id) const {
  const auto it = std::lower_bound(
      units_by_id_.begin(), units_by_id_.end(), id,
      [this](uint32_t unit, const TextKey& key) { return key_less(keys_.unit_id(unit), key); });
  return it == units_by_id_.end() || keys_.unit_id(*it) != id ? -1 : static_cast<int64_t>(*it);
}

const std::vector<std::string>& PreviousVersion::unit_notes(uint32_t unit) const {
  static const std::vector<std::string> kNone;
  const auto it = unit_notes_.find(unit);
  return it == unit_notes_.end() ? kNone : it->second;
}

CarryOver::CarryOver(const SegmentKeys& fresh, const PreviousVersion* previous,
                     std::string source_lang, std::string target_lang,
                     const CarryOverOptions& options)
    : fresh_(fresh),
      previous_(previous),
      source_lang_(std::move(source_lang)),
      target_lang_(std::move(target_lang)),
      options_(options),
      from_(fresh.segment_count(), From::nothing),
      translated_(fresh.segment_count(), 0),
      notes_from_(fresh.unit_count(), -1) {
  if (previous_ == nullptr) {
    return;
  }
  if (!previous_->finished()) {
    throw std::logic_error("CarryOver: PreviousVersion::finish_reading was not called");
  }
  const SegmentKeys& old = previous_->keys();
  const auto& translations = previous_->translated();
  used_.assign(translations.size(), false);
  offered_.assign(translations.size(), false);
  // The context a previous translation and a fresh segment share: the same unit, the same
  // source before it, the same after it.
  auto context_score = [&](size_t s, const PreviousVersion::Translated& t) {
    return (fresh_.unit_id(fresh_.unit_of(s)) == old.unit_id(t.unit) ? 2 : 0) +
           (fresh_.before(s) == old.before(t.segment) ? 1 : 0) +
           (fresh_.after(s) == old.after(t.segment) ? 1 : 0);
  };
  std::vector<int64_t> kept_from(fresh.unit_count(), -1);  // a fresh unit, the old one it kept

  // Kept: first for every segment, so an out-of-context reuse never takes a translation that
  // belongs to a later segment in its own context.
  for (size_t s = 0; s < fresh.segment_count(); ++s) {
    const auto* same = previous_->translated_with(fresh.source(s));
    if (same == nullptr) {
      continue;
    }
    int best_score = 0;
    uint32_t best = 0;
    for (const auto t : *same) {
      const int score = used_[t] ? 0 : context_score(s, translations[t]);
      if (score > best_score) {
        best_score = score;
        best = t;
      }
    }
    if (best_score == 0) {
      continue;
    }
    from_[s] = From::kept;
    translated_[s] = best;
    used_[best] = true;
    auto& kept = kept_from[fresh.unit_of(s)];
    if (kept < 0) {
      kept = translations[best].unit;
    }
  }

  // Translators' notes on a unit (a remark, "relocale-ignore: length") follow it: to the unit of
  // the same id (the same kind and text), or else to the unit where one of its segments kept its
  // translation.
  for (size_t u = 0; u < fresh.unit_count(); ++u) {
    const int64_t same = previous_->unit_with_id(fresh.unit_id(u));
    notes_from_[u] = same >= 0 ? same : kept_from[u];
  }

  // Reused: the same source elsewhere in the previous file, an unused one first (the memory's
  // come in apply(), for the segments left).
  for (size_t s = 0; s < fresh.segment_count(); ++s) {
    if (from_[s] != From::nothing) {
      continue;
    }
    const auto* same = previous_->translated_with(fresh.source(s));
    if (same == nullptr) {
      continue;
    }
    uint32_t pick = same->front();
    for (const auto t : *same) {
      if (!used_[t]) {
        pick = t;
        break;
      }
    }
    from_[s] = From::reused;
    translated_[s] = pick;
    used_[pick] = true;
  }
}

void CarryOver::apply(Unit& unit, const TranslationMemory& memory) {
  const size_t u = next_unit_++;
  if (notes_from_[u] >= 0) {
    for (const auto& note : previous_->unit_notes(static_cast<uint32_t>(notes_from_[u]))) {
      if (std::find(unit.notes.begin(), unit.notes.end(), note) == unit.notes.end()) {
        unit.notes.push_back(note);
      }
    }
  }
  for (auto& segment : unit.segments) {
    const size_t s = next_segment_++;
    if (from_[s] != From::nothing) {
      const auto& match = previous_->translated()[translated_[s]];
      if (from_[s] == From::kept) {
        carry_target(segment, match.source(), match.target(), match.state);
        for (const auto& note : match.notes) {
          if (std::find(segment.notes.begin(), segment.notes.end(), note) == segment.notes.end()) {
            segment.notes.push_back(note);
          }
        }
        ++report_.kept;
      } else {
        carry_target(segment, match.source(), match.target(),
                     std::min(match.state, SegmentState::translated));
        ++report_.reused;
      }
    } else if (const auto entries =
                   memory.exact_matches(source_lang_, target_lang_, segment.source);
               !entries.empty()) {
      // A translation made for the same unit in another release (recurring boilerplate: the
      // unit id derives from the block's text, so an unchanged block has the same id) is in
      // context; any other is reused.
      const auto same_unit = std::find_if(entries.begin(), entries.end(), [&](const TmEntry* e) {
        return ends_with(e->origin, "/" + unit.id);
      });
      const auto* entry = same_unit != entries.end() ? *same_unit : entries.front();
      if (same_unit != entries.end()) {
        carry_target(segment, entry->source, entry->target, entry->state);
        ++report_.kept;
      } else {
        carry_target(segment, entry->source, entry->target,
                     std::min(entry->state, SegmentState::translated));
        ++report_.reused;
      }
    } else {
      offer_candidates(segment, memory);
    }
  }
}

// Fuzzy: candidates from the previous file (through its own small index) and the memory, and no
// target.
void CarryOver::offer_candidates(Segment& segment, const TranslationMemory& memory) {
  if (!fuzzy_built_ && previous_ != nullptr) {
    // Built only when some segment is still without a translation (usually none is).
    fuzzy_built_ = true;
    const auto& translations = previous_->translated();
    for (size_t t = 0; t < translations.size(); ++t) {
      const auto& entry = previous_memory_.add(TmEntry{source_lang_,
                                                       target_lang_,
                                                       translations[t].source(),
                                                       translations[t].target(),
                                                       translations[t].state,
                                                       {},
                                                       {}});
      translations_of_entry_[&entry].push_back(static_cast<uint32_t>(t));
    }
  }
  segment.target.reset();
  segment.state = SegmentState::initial;
  segment.candidates.clear();
  struct Found {
    MatchCandidate candidate;
    std::string target_key;
  };
  std::vector<Found> found;
  for (const auto& hit :
       previous_memory_.fuzzy(source_lang_, target_lang_, segment.source, options_.fuzzy_threshold,
                              options_.max_candidates)) {
    for (const auto t : translations_of_entry_[hit.entry]) {
      offered_[t] = true;
    }
    found.push_back(
        {MatchCandidate{hit.entry->source, hit.entry->target, hit.similarity, "previous-version"},
         match_key(hit.entry->target)});
  }
  for (const auto& hit : memory.fuzzy(source_lang_, target_lang_, segment.source,
                                      options_.fuzzy_threshold, options_.max_candidates)) {
    found.push_back({MatchCandidate{hit.entry->source, hit.entry->target, hit.similarity,
                                    hit.entry->origin.empty() ? std::string("memory")
                                                              : "memory:" + hit.entry->origin},
                     match_key(hit.entry->target)});
  }
  // Best first; on a tie the previous version (listed first) wins. One candidate per
  // translation: the memory often holds the previous version's translations too.
  std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    return a.candidate.similarity > b.candidate.similarity;
  });
  for (auto& f : found) {
    const bool duplicate =
        std::any_of(found.begin(), found.begin() + (&f - found.data()),
                    [&](const Found& earlier) { return earlier.target_key == f.target_key; });
    if (!duplicate && segment.candidates.size() < options_.max_candidates) {
      segment.candidates.push_back(std::move(f.candidate));
    }
  }
  if (segment.candidates.empty()) {
    ++report_.fresh;
  } else {
    ++report_.fuzzy;
  }
}

CarryOverReport CarryOver::finish(TranslationMemory& memory) {
  // Nothing is lost: translations no longer in the file go to the memory.
  if (previous_ != nullptr) {
    const auto& translations = previous_->translated();
    for (size_t t = 0; t < translations.size(); ++t) {
      if (used_[t]) {
        continue;
      }
      if (!offered_[t]) {
        ++report_.removed;
      }
      const auto& old = translations[t];
      memory.add(TmEntry{previous_->source_lang(), previous_->target_lang(), old.source(),
                         old.target(), old.state,
                         previous_->release() + "/" + previous_->unit_id(old), previous_->date()});
    }
  }
  return report_;
}

CarryOverReport carry_over(Document& fresh, const Document* previous, TranslationMemory& memory,
                           const CarryOverOptions& options) {
  SegmentKeys keys;
  for (const auto& unit : fresh.units) {
    keys.add_unit(unit);
  }
  std::optional<PreviousVersion> old;
  if (previous != nullptr) {
    old.emplace(*previous);
    for (const auto& unit : previous->units) {
      old->add_unit(Unit(unit));
    }
    old->finish_reading();
  }
  CarryOver carry(keys, old ? &*old : nullptr, fresh.source_lang, fresh.target_lang, options);
  for (auto& unit : fresh.units) {
    carry.apply(unit, memory);
  }
  return carry.finish(memory);
}

}  // namespace relocale
