#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "relocale/base/fingerprint.h"

namespace relocale {

/// What a placeholder stands for. Values (date..url) are recognised in the source and rendered per
/// target language at build; code and line_break stand for markup that is copied as it was.
enum class PlaceholderKind {
  date,        // canonical "2018-10-08"; format says which fields the source showed
  date_range,  // canonical "2018-03-26/2018-03-27"
  month,       // canonical "2018-12" (a bare month name: "this December")
  time,        // canonical "10:30" (24 h)
  number,      // canonical decimal "1250.75"
  percent,     // canonical decimal "12.5" (meaning 12.5 %)
  ordinal,     // canonical integer "2" (2nd)
  currency,    // canonical "USD 1250.00" (ISO 4217 code, space, decimal)
  phone,       // canonical E.164 "+41227179468"
  email,       // canonical the address
  url,         // canonical the URL
  code,        // inline code span or other markup that is not translated: copied verbatim
  line_break,  // a soft line break inside a block with its continuation prefix ("\n> ")
};

/// Stable English key of a kind, as written in XLIFF (subType="rl:date") and in reports.
const char* placeholder_kind_key(PlaceholderKind kind);
/// Inverse of placeholder_kind_key; nullopt for an unknown key.
std::optional<PlaceholderKind> placeholder_kind_from_key(const std::string& key);
/// True for kinds whose rendering depends on the target language (dates, numbers, phones...).
bool is_localised_value(PlaceholderKind kind);

/// A protected value or a code that stands alone: <ph/> in XLIFF 2.0, <x/>/<ph> in 1.2.
struct Placeholder {
  std::string id;  // unique within its unit ("1", "2", ...)
  PlaceholderKind kind = PlaceholderKind::code;
  std::string canonical;    // see PlaceholderKind
  std::string source_text;  // the bytes as written in the source ("08/10", "+41227179468")
  std::string format;       // for dates: the ICU skeleton of the fields shown ("dMMMM", "yMMMMd")
  bool operator==(const Placeholder& o) const {
    return id == o.id && kind == o.kind && canonical == o.canonical &&
           source_text == o.source_text && format == o.format;
  }
};

/// The start of paired markup (emphasis, a link): <pc>/<sc> in 2.0, <g>/<bpt> in 1.2.
/// `original` is the markup as written ("**", "[").
struct CodeStart {
  std::string id;
  std::string original;
  std::string kind;  // "emphasis", "strong", "link", "code"
  bool operator==(const CodeStart& o) const {
    return id == o.id && original == o.original && kind == o.kind;
  }
};
/// The end of paired markup; id equals its CodeStart's id. `original` is e.g. "**" or "](url)".
struct CodeEnd {
  std::string id;
  std::string original;
  bool operator==(const CodeEnd& o) const { return id == o.id && original == o.original; }
};

/// Text or code, in order. Adjacent strings are merged by `append_text`.
using Run = std::variant<std::string, Placeholder, CodeStart, CodeEnd>;
using Content = std::vector<Run>;

void append_text(Content& content, std::string_view text);
/// The text with each placeholder as its source text and codes as their original markup.
std::string source_form(const Content& content);
/// Text only, placeholders and codes left out (for word counts and spell-like checks).
std::string plain_text(const Content& content);
/// "Tel: {1:phone +41227179468}." — for test failure messages and debugging.
std::string debug_string(const Content& content);
/// The ids of the paired codes that open and close within this content, properly nested: the
/// ones an XLIFF writer can write as one element (<pc>, <g>); the others are written as separate
/// start and end codes (<sc>/<ec>, <bx>/<ex>). A crossing breaks every pair open at that point.
std::set<std::string> well_nested_code_pairs(const Content& content);

/// A content as a compact string of bytes, and back: each run a tag byte and its fields, each
/// field its length (7 bits a byte) and its bytes. A few bytes more than its text, where its runs
/// take 144 bytes each and the text's own allocations: for what is held long and used seldom.
std::string pack_content(const Content& content);
/// Throws std::invalid_argument for bytes that pack_content did not make.
Content unpack_content(std::string_view packed);

/// The placeholders of a content, in order.
std::vector<const Placeholder*> placeholders_of(const Content& content);

enum class SegmentState { initial, translated, reviewed, final };
const char* segment_state_key(SegmentState s);  // XLIFF 2.0 words
std::optional<SegmentState> segment_state_from_key(const std::string& key);

/// A translation candidate offered by carry-over or the memory (mtc:match / alt-trans).
struct MatchCandidate {
  Content source;
  Content target;
  double similarity = 0;  // 0..100
  std::string origin;     // "previous-version", "memory:<release>"
};

/// One sentence. space_after is the <ignorable> white space that follows it in the unit.
struct Segment {
  std::string id;
  Content source;
  std::optional<Content> target;
  SegmentState state = SegmentState::initial;
  std::string space_after;
  std::vector<MatchCandidate> candidates;
  std::vector<std::string> notes;  // translators' or QA notes (e.g. "relocale-ignore: check-id")
  int line = 0;                    // where its <segment> starts in the XLIFF file read, 0 if none
};

enum class BlockKind { title, heading, paragraph, list_item, quote, table_cell };
const char* block_kind_key(BlockKind k);
std::optional<BlockKind> block_kind_from_key(const std::string& key);

/// One translatable block: a heading, paragraph or list item. Its segments, with their
/// space_after, concatenate back to the block's text.
struct Unit {
  std::string id;  // stable: derived from the block's kind and text, not from its position
  BlockKind kind = BlockKind::paragraph;
  int position = 0;  // 1-based among the release's blocks, for translators' context notes
  std::vector<Segment> segments;
  std::vector<std::string> notes;
  int line = 0;  // where its <unit> starts in the XLIFF file read, 0 if none
};

/// Literal text between units, or a reference to a unit: the document's skeleton.
struct SkeletonPart {
  std::string text;     // literal bytes (when unit_id is empty)
  std::string unit_id;  // a unit, rendered in its place
};

/// A warning extract gave about a release's text (a date it could not read, so left as written),
/// kept in the XLIFF file beside the source side it was found in: an extract that takes the source
/// side from the file, the release being unchanged, gives the warning again, in the language of
/// its own messages (see value_doubt_message).
struct SourceWarning {
  std::string unit_id;
  std::string doubt;  // value_doubt_key: "date-without-year", "invalid-date"
  std::string text;   // as written in the release
  bool operator==(const SourceWarning& o) const {
    return unit_id == o.unit_id && doubt == o.doubt && text == o.text;
  }
};

/// A release: its units and the skeleton that rebuilds it exactly. The same type carries one
/// target language's XLIFF file (target_lang set, segments with targets).
struct Document {
  std::string release;      // name without extension ("idm-geneva-release")
  std::string source_file;  // path of the release relative to the project ("workflow/x.md")
  std::string format;       // "md" or "txt"
  std::string source_lang;  // BCP 47
  std::string target_lang;  // empty for a source document
  std::string date;         // the release's date, ISO 8601, or empty
  std::string title;
  std::vector<Unit> units;
  std::vector<SkeletonPart> skeleton;
  /// Written by extract into the XLIFF file: what the source side was extracted from (a digest
  /// of the release, the rules and the options) and what it holds (source_fingerprint). When both
  /// still hold, check and build take the file's source side as the release without extracting
  /// it again. Empty in a file that a tool stripped of our skeleton.
  std::string extraction_key;
  /// extract's warnings about the release's text, in the order given.
  std::vector<SourceWarning> source_warnings;

  /// The unit with this id, or null. Constant time: an index is built on first use and rebuilt
  /// whenever it does not answer for the units as they are now (added, moved, renamed). Like the
  /// other members, not to be called on one Document from several threads at once.
  const Unit* find_unit(const std::string& id) const;
  Unit* find_unit(const std::string& id);

 private:
  void rebuild_unit_index() const;
  mutable std::unordered_map<std::string, size_t> unit_index_;
};

/// The units of a document by id, for a document that several threads read at once (the release
/// as extract reads it now, shared by the languages of a build): unlike Document::find_unit, a
/// look-up changes nothing. The document must outlive the index and not change while it is used.
class UnitIndex {
 public:
  explicit UnitIndex(const Document& doc);
  /// The first unit with this id, or null.
  const Unit* find(const std::string& id) const;

 private:
  std::unordered_map<std::string_view, const Unit*> units_;
};

/// A digest of everything a source document holds that build and check rely on: its units'
/// ids, kinds and segments (ids, source content with every placeholder's value, white space),
/// the skeleton, the date, title and format. Targets, states and notes are not part of it.
std::string source_fingerprint(const Document& doc);

/// source_fingerprint of a release made a part at a time (see ReleaseParts): add() each part in
/// order, then hex() with the release's header fields gives what source_fingerprint gives for the
/// whole document.
class SourceFingerprint {
 public:
  void add(const Document& part);
  /// One unit of a release read a unit at a time: add_unit() each in order, then add() the
  /// header (its skeleton and warnings; no units).
  void add_unit(const Unit& unit);
  std::string hex(const Document& header) const;

 private:
  Fingerprint units_;
  Fingerprint skeleton_;
  Fingerprint warnings_;
};

}  // namespace relocale
