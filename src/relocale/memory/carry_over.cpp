#include "relocale/memory/carry_over.h"

#include <algorithm>
#include <unordered_map>

#include "relocale/memory/similarity.h"

namespace relocale {

namespace {

// Keys of the document's edges, so the first and last segments have neighbours to compare.
const std::string kStartKey = "\x02start";
const std::string kEndKey = "\x02end";

// A segment with its source key and the keys of the segments before and after it in document
// order (across units: a sentence keeps its context when the paragraph it follows is unchanged).
template <class UnitT, class SegmentT>
struct Placed {
  UnitT* unit;
  SegmentT* segment;
  std::string key;
  // The neighbours' keys, in the same vector (or the edges'): pointers, not copies of the text.
  const std::string* before = nullptr;
  const std::string* after = nullptr;
};

template <class DocumentT, class UnitT, class SegmentT>
std::vector<Placed<UnitT, SegmentT>> place(DocumentT& document) {
  std::vector<Placed<UnitT, SegmentT>> out;
  for (auto& unit : document.units) {
    for (auto& segment : unit.segments) {
      out.push_back({&unit, &segment, match_key(segment.source)});
    }
  }
  for (size_t i = 0; i < out.size(); ++i) {
    out[i].before = i == 0 ? &kStartKey : &out[i - 1].key;
    out[i].after = i + 1 == out.size() ? &kEndKey : &out[i + 1].key;
  }
  return out;
}

using FreshSegment = Placed<Unit, Segment>;
using OldSegment = Placed<const Unit, const Segment>;

bool ends_with(const std::string& text, const std::string& end) {
  return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

bool has_target(const Segment& segment) {
  return segment.target && !segment.target->empty();
}

int context_score(const FreshSegment& fresh, const OldSegment& old) {
  return (fresh.unit->id == old.unit->id ? 2 : 0) + (*fresh.before == *old.before ? 1 : 0) +
         (*fresh.after == *old.after ? 1 : 0);
}

void carry_target(Segment& segment, const Content& old_source, const Content& old_target,
                  SegmentState state) {
  segment.target = update_placeholders(old_target, old_source, segment.source);
  segment.state = state;
  segment.candidates.clear();
}

}  // namespace

CarryOverReport carry_over(Document& fresh, const Document* previous, TranslationMemory& memory,
                           const CarryOverOptions& options) {
  CarryOverReport report;
  auto segments = place<Document, Unit, Segment>(fresh);
  std::vector<OldSegment> old;
  if (previous != nullptr) {
    old = place<const Document, const Unit, const Segment>(*previous);
  }
  std::unordered_map<std::string, std::vector<size_t>> old_by_key;  // only those with a target
  for (size_t i = 0; i < old.size(); ++i) {
    if (has_target(*old[i].segment)) {
      old_by_key[old[i].key].push_back(i);
    }
  }
  std::vector<bool> used(old.size(), false);
  std::vector<bool> offered(old.size(), false);
  std::vector<bool> done(segments.size(), false);
  std::unordered_map<const Unit*, const Unit*> kept_from;  // a fresh unit, the old one it kept

  // Kept: first for every segment, so an out-of-context reuse never takes a translation that
  // belongs to a later segment in its own context.
  for (size_t s = 0; s < segments.size(); ++s) {
    const auto it = old_by_key.find(segments[s].key);
    if (it == old_by_key.end()) {
      continue;
    }
    int best_score = 0;
    size_t best = 0;
    for (const auto o : it->second) {
      const int score = used[o] ? 0 : context_score(segments[s], old[o]);
      if (score > best_score) {
        best_score = score;
        best = o;
      }
    }
    if (best_score == 0) {
      continue;
    }
    const auto& match = *old[best].segment;
    auto& segment = *segments[s].segment;
    carry_target(segment, match.source, *match.target, match.state);
    for (const auto& note : match.notes) {
      if (std::find(segment.notes.begin(), segment.notes.end(), note) == segment.notes.end()) {
        segment.notes.push_back(note);
      }
    }
    used[best] = true;
    done[s] = true;
    kept_from.emplace(segments[s].unit, old[best].unit);
    ++report.kept;
  }

  // Translators' notes on a unit (a remark, "relocale-ignore: length") follow it: to the unit of
  // the same id (the same kind and text), or else to the unit where one of its segments kept its
  // translation.
  if (previous != nullptr) {
    std::unordered_map<std::string, const Unit*> old_units;
    for (const auto& unit : previous->units) {
      old_units.emplace(unit.id, &unit);
    }
    for (auto& unit : fresh.units) {
      const Unit* from = nullptr;
      if (const auto same = old_units.find(unit.id); same != old_units.end()) {
        from = same->second;
      } else if (const auto kept = kept_from.find(&unit); kept != kept_from.end()) {
        from = kept->second;
      }
      if (from == nullptr) {
        continue;
      }
      for (const auto& note : from->notes) {
        if (std::find(unit.notes.begin(), unit.notes.end(), note) == unit.notes.end()) {
          unit.notes.push_back(note);
        }
      }
    }
  }

  // Reused: the same source elsewhere in the previous file (an unused one first), then the memory.
  for (size_t s = 0; s < segments.size(); ++s) {
    if (done[s]) {
      continue;
    }
    auto& segment = *segments[s].segment;
    if (const auto it = old_by_key.find(segments[s].key); it != old_by_key.end()) {
      size_t pick = it->second.front();
      for (const auto o : it->second) {
        if (!used[o]) {
          pick = o;
          break;
        }
      }
      const auto& match = *old[pick].segment;
      carry_target(segment, match.source, *match.target,
                   std::min(match.state, SegmentState::translated));
      used[pick] = true;
      done[s] = true;
      ++report.reused;
    } else if (const auto entries =
                   memory.exact_matches(fresh.source_lang, fresh.target_lang, segment.source);
               !entries.empty()) {
      // A translation made for the same unit in another release (recurring boilerplate: the
      // unit id derives from the block's text, so an unchanged block has the same id) is in
      // context; any other is reused.
      const auto same_unit = std::find_if(entries.begin(), entries.end(), [&](const TmEntry* e) {
        return ends_with(e->origin, "/" + segments[s].unit->id);
      });
      const auto* entry = same_unit != entries.end() ? *same_unit : entries.front();
      if (same_unit != entries.end()) {
        carry_target(segment, entry->source, entry->target, entry->state);
        ++report.kept;
      } else {
        carry_target(segment, entry->source, entry->target,
                     std::min(entry->state, SegmentState::translated));
        ++report.reused;
      }
      done[s] = true;
    }
  }

  // Fuzzy: candidates from the previous file (through its own small index) and the memory. The
  // index is built only when some segment is still without a translation (usually none is).
  TranslationMemory previous_memory;
  std::unordered_map<const TmEntry*, std::vector<size_t>> old_of_entry;
  const bool any_left = std::find(done.begin(), done.end(), false) != done.end();
  for (size_t i = 0; any_left && i < old.size(); ++i) {
    if (has_target(*old[i].segment)) {
      const auto& entry = previous_memory.add(TmEntry{fresh.source_lang,
                                                      fresh.target_lang,
                                                      old[i].segment->source,
                                                      *old[i].segment->target,
                                                      old[i].segment->state,
                                                      {},
                                                      {}});
      old_of_entry[&entry].push_back(i);
    }
  }
  for (size_t s = 0; s < segments.size(); ++s) {
    if (done[s]) {
      continue;
    }
    auto& segment = *segments[s].segment;
    segment.target.reset();
    segment.state = SegmentState::initial;
    segment.candidates.clear();
    struct Found {
      MatchCandidate candidate;
      std::string target_key;
    };
    std::vector<Found> found;
    for (const auto& hit :
         previous_memory.fuzzy(fresh.source_lang, fresh.target_lang, segment.source,
                               options.fuzzy_threshold, options.max_candidates)) {
      for (const auto o : old_of_entry[hit.entry]) {
        offered[o] = true;
      }
      found.push_back(
          {MatchCandidate{hit.entry->source, hit.entry->target, hit.similarity, "previous-version"},
           match_key(hit.entry->target)});
    }
    for (const auto& hit : memory.fuzzy(fresh.source_lang, fresh.target_lang, segment.source,
                                        options.fuzzy_threshold, options.max_candidates)) {
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
      if (!duplicate && segment.candidates.size() < options.max_candidates) {
        segment.candidates.push_back(std::move(f.candidate));
      }
    }
    if (segment.candidates.empty()) {
      ++report.fresh;
    } else {
      ++report.fuzzy;
    }
  }

  // Nothing is lost: translations no longer in the file go to the memory.
  for (size_t i = 0; i < old.size(); ++i) {
    if (used[i] || !has_target(*old[i].segment)) {
      continue;
    }
    if (!offered[i]) {
      ++report.removed;
    }
    memory.add(TmEntry{previous->source_lang, previous->target_lang, old[i].segment->source,
                       *old[i].segment->target, old[i].segment->state,
                       previous->release + "/" + old[i].unit->id, previous->date});
  }
  return report;
}

}  // namespace relocale
