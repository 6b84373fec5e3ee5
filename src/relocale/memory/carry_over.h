#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

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

/// A 128-bit digest of a text (a segment's match_key, a unit's id): carry-over decides on these,
/// so that neither document need be held whole to compare them.
struct TextKey {
  uint64_t low = 0;
  uint64_t high = 0;
  bool operator==(const TextKey& o) const { return low == o.low && high == o.high; }
  bool operator!=(const TextKey& o) const { return !(*this == o); }
};
TextKey text_key(std::string_view text);
struct TextKeyHash {
  size_t operator()(const TextKey& key) const { return static_cast<size_t>(key.low); }
};

/// A document's segments in order, by their keys alone: what carry-over decides on.
class SegmentKeys {
 public:
  void add_unit(const Unit& unit);
  /// Gives back what growing left unused.
  void shrink_to_fit();
  size_t segment_count() const { return source_.size(); }
  size_t unit_count() const { return unit_id_.size(); }
  const TextKey& source(size_t segment) const { return source_[segment]; }
  uint32_t unit_of(size_t segment) const { return unit_of_[segment]; }
  const TextKey& unit_id(size_t unit) const { return unit_id_[unit]; }
  /// The key of the segment before or after it in document order; the document's edges have keys
  /// of their own.
  const TextKey& before(size_t segment) const;
  const TextKey& after(size_t segment) const;

 private:
  std::vector<TextKey> source_;    // match_key of each segment's source
  std::vector<uint32_t> unit_of_;  // each segment's unit
  std::vector<TextKey> unit_id_;   // each unit's id
};

/// A release's previous file in one language, as carry-over needs it, built a unit at a time so
/// that a big file is never held whole: every segment's keys, and whole only the segments that
/// have a translation, and the notes of units that have some.
class PreviousVersion {
 public:
  /// `header`: the file's languages, release and date.
  explicit PreviousVersion(const Document& header);
  /// The file's units, in order; then finish_reading(), before carry-over.
  void add_unit(Unit&& unit);
  void finish_reading();
  bool finished() const { return finished_; }
  /// Adds every translation of state translated or better to `memory`, with origin
  /// "<release>/<unit id>" (TranslationMemory::add_translations of the file).
  void add_translations_to(TranslationMemory& memory) const;

  /// A segment with a translation, its source and target packed (pack_content): a big
  /// release's translations are held until the end of its carry-over.
  struct Translated {
    std::string packed;  // the source, then from target_at the target
    std::vector<std::string> notes;
    size_t segment = 0;  // in the file's order
    size_t target_at = 0;
    uint32_t unit = 0;
    SegmentState state = SegmentState::initial;
    Content source() const { return unpack_content(std::string_view(packed).substr(0, target_at)); }
    Content target() const { return unpack_content(std::string_view(packed).substr(target_at)); }
  };
  /// The id of a unit that has translations.
  const std::string& unit_id(const Translated& translated) const;
  const SegmentKeys& keys() const { return keys_; }
  const std::vector<Translated>& translated() const { return translated_; }
  /// The translated segments with this source key, in file order (indices in translated()).
  const std::vector<uint32_t>* translated_with(const TextKey& source) const;
  /// The first unit with this id, or -1.
  int64_t unit_with_id(const TextKey& id) const;
  /// A unit's notes (none for most).
  const std::vector<std::string>& unit_notes(uint32_t unit) const;
  const std::string& source_lang() const { return source_lang_; }
  const std::string& target_lang() const { return target_lang_; }
  const std::string& release() const { return release_; }
  const std::string& date() const { return date_; }

 private:
  std::string source_lang_;
  std::string target_lang_;
  std::string release_;
  std::string date_;
  SegmentKeys keys_;
  std::vector<Translated> translated_;
  std::vector<std::pair<uint32_t, std::string>> translated_unit_ids_;  // in unit order
  std::unordered_map<TextKey, std::vector<uint32_t>, TextKeyHash> translated_by_source_;
  std::vector<uint32_t> units_by_id_;  // every unit, in the order of their ids' keys
  bool finished_ = false;
  std::unordered_map<uint32_t, std::vector<std::string>> unit_notes_;
};

/// carry_over a unit at a time: decided from the fresh document's keys and the previous version,
/// then applied to each fresh unit in order, so that neither document is held whole. carry_over
/// is this over whole documents; the result is the same.
class CarryOver {
 public:
  /// Decides which previous translations are kept and which reused. `fresh`: the keys of the
  /// units apply() will be given; `previous` may be null; both must outlive this.
  CarryOver(const SegmentKeys& fresh, const PreviousVersion* previous, std::string source_lang,
            std::string target_lang, const CarryOverOptions& options);
  /// The next unit of the fresh document: its translations carried over, or the memory's, or
  /// candidates.
  void apply(Unit& unit, const TranslationMemory& memory);
  /// Once every unit is applied: the previous translations no longer used go to `memory`.
  CarryOverReport finish(TranslationMemory& memory);

 private:
  enum class From : uint8_t { nothing, kept, reused };
  void offer_candidates(Segment& segment, const TranslationMemory& memory);

  const SegmentKeys& fresh_;
  const PreviousVersion* previous_;
  std::string source_lang_;
  std::string target_lang_;
  CarryOverOptions options_;
  CarryOverReport report_;
  std::vector<From> from_;            // each fresh segment
  std::vector<uint32_t> translated_;  // each fresh segment kept or reused: which translation
  std::vector<int64_t> notes_from_;   // each fresh unit: the previous unit whose notes it takes
  std::vector<bool> used_;            // each previous translation
  std::vector<bool> offered_;         // each previous translation offered as a candidate
  size_t next_unit_ = 0;
  size_t next_segment_ = 0;
  // The previous version's translations for fuzzy matching, built when first needed.
  bool fuzzy_built_ = false;
  TranslationMemory previous_memory_;
  std::unordered_map<const TmEntry*, std::vector<uint32_t>> translations_of_entry_;
};

}  // namespace relocale
