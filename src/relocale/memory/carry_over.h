#pragma once

#include <cstddef>

#include "relocale/memory/translation_memory.h"
#include "relocale/model/document.h"

namespace relocale {

struct CarryOverOptions {
  /// Lowest similarity (0..100, see similarity()) at which a changed segment is offered an old
  /// translation as a candidate.
  double fuzzy_threshold = 75;
  /// Most candidates offered per segment.
  size_t max_candidates = 3;
};

/// What carry_over did, in segments of the fresh document (removed: of the previous one).
struct CarryOverReport {
  size_t kept = 0;     // same source in the same context: target and state kept
  size_t reused = 0;   // same source elsewhere in the previous file or in the memory
  size_t fuzzy = 0;    // similar source: candidates offered, no target
  size_t fresh = 0;    // nothing similar: left empty
  size_t removed = 0;  // previous translations no longer used anywhere: added to the memory
};

/// Brings the translations of a release's previous XLIFF for one language into its newly
/// extracted document, so a re-extraction loses no translator's work.
///
/// fresh: the new document for one target language (target_lang set, no targets).
/// previous: the same release's existing document for that language, or nullptr.
/// memory: the project's memory, read for exact and fuzzy reuse; removed segments' translations
/// are added to it.
///
/// Each segment of `fresh` with a translatable source gets, in this order of preference
/// (sources compared by match_key, so white space and placeholder values do not count):
/// - kept: a previous segment with a target, the same source and the same context, i.e. the same
///   unit id or the same source before or after it in document order. Target, state and notes
///   are kept.
///   A memory entry with the same source whose origin is the same unit id in another release
///   (recurring boilerplate: unit ids derive from the block's text) is kept too.
/// - reused: a previous segment with a target and the same source anywhere in the file, else
///   the memory's best exact match (other releases too). State: the old one, but at most
///   translated, since the context changed.
/// - fuzzy: similarity >= options.fuzzy_threshold with a previous segment or a memory entry. The
///   segment gets up to options.max_candidates MatchCandidates (origin "previous-version" or
///   "memory:<origin>", best first, the old source and target unchanged), and NO target: its
///   state stays initial, so nothing unreviewed can pass as translated.
/// - fresh: otherwise, left empty.
/// Carried targets (kept, reused) have their placeholders and codes updated to the new source's
/// (update_placeholders): a corrected date reaches the translation without the translator.
/// Previous segments with a target that were neither kept, reused nor offered as a candidate are
/// "removed"; their translations, and those of segments only offered as candidates, are added to
/// the memory with origin "<release>/<unit id>", so none is lost.
CarryOverReport carry_over(Document& fresh, const Document* previous, TranslationMemory& memory,
                           const CarryOverOptions& options);

}  // namespace relocale
