#pragma once

#include <array>
#include <string>

#include "relocale/model/document.h"

namespace relocale {

/// Segments and words of one release in one language, by state. A segment without a target (or
/// with an empty one) counts as untranslated whatever its state says.
struct Completeness {
  std::array<size_t, 4> segments{};  // indexed by SegmentState (initial = untranslated)
  std::array<size_t, 4> words{};
  size_t total_segments() const;
  size_t total_words() const;
  /// Share (0..100) of segments that reached at least `state` (reviewed counts as translated...).
  double percent_at_least(SegmentState state) const;
  double words_percent_at_least(SegmentState state) const;
  /// Counts a unit's segments in (its words in `source_lang`).
  void add(const Unit& unit, const std::string& source_lang);
};

/// Words in text by ICU's word BreakIterator for the language (so Chinese and Japanese count
/// their words, not their spaces); punctuation and spaces are not words.
size_t count_words(const std::string& text, const std::string& lang);

Completeness measure_completeness(const Document& doc);

/// The state a segment is effectively in (initial when it has no usable target).
SegmentState effective_state(const Segment& seg);

}  // namespace relocale
