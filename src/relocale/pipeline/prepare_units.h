#pragma once

#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "relocale/base/error.h"
#include "relocale/model/document.h"
#include "relocale/protector/value_finder.h"
#include "relocale/segmenter/segmenter.h"

namespace relocale {

/// Turns a freshly read release (one whole-block segment per unit) into translatable units:
/// 1. finds values in each text run and makes them placeholders (before segmenting, so the
///    segmenter can refuse to break inside "+41 22 717 94 68" or "www.iom.int");
/// 2. splits each unit into sentences with the segmenter, the white space between them becoming
///    the segments' space_after (XLIFF <ignorable>);
/// 3. gives units and segments ids derived from their text, stable across re-extractions.
/// Warnings about ambiguous values go to `warnings` with the release's file name.
void prepare_units(Document& doc, const Segmenter& segmenter, const RecognitionOptions& values,
                   Diagnostics& warnings);

/// The unit ids a release has given so far, for a release prepared a part at a time (see
/// ReleaseParts): each part's duplicates are numbered on from the earlier parts'.
using TakenUnitIds = std::unordered_set<std::string>;

/// prepare_units in two steps, for parts of a release segmented on several threads at once and
/// named in order: segment_units (1 and 2, on any thread; warnings about values wait in `pending`
/// with their unit's index), then name_units (3, in the parts' order, then the warnings).
using PendingValueWarnings = std::vector<std::pair<size_t, ValueWarning>>;
void segment_units(Document& part, const Segmenter& segmenter, const RecognitionOptions& values,
                   PendingValueWarnings& pending);
void name_units(Document& part, TakenUnitIds& taken, const PendingValueWarnings& pending,
                Diagnostics& warnings);

/// Splits content at the given byte offsets of its flat form (see flat_text_of). Exposed for tests.
std::vector<Segment> split_content(const Content& content, const std::vector<size_t>& breaks);

/// The text the segmenter sees: text runs as written, placeholders as their source text (line
/// breaks as spaces, so a soft break is not a paragraph end), codes as nothing. Fills the byte
/// ranges of placeholders, which must not be broken.
std::string flat_text_of(const Content& content, std::vector<ByteRange>* protected_ranges);

/// Stable ids: a unit's id is its kind and a hash of its source text ("p-1a2b3c4d"); a segment's
/// is "s" and a hash of its own text. Duplicates get "-2", "-3" in document order.
void assign_stable_ids(Document& part, TakenUnitIds& taken);

}  // namespace relocale
