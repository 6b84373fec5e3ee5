#pragma once

#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "relocale/model/document.h"

namespace relocale {

/// How to write an XLIFF file.
struct XliffWriteOptions {
  std::string version = "2.0";  // "2.0" or "1.2"
  /// The value of a placeholder shown to translators (disp/equiv), in the target language.
  /// Empty function: the source text.
  std::function<std::string(const Placeholder&)> display;
  /// 1.2 habits of a CAT tool: "omegat", "trados", "memoq" or "" (see docs/cat-tools.md).
  std::string cat_profile;
};

constexpr const char* kXliff2Namespace = "urn:oasis:names:tc:xliff:document:2.0";
constexpr const char* kXliff12Namespace = "urn:oasis:names:tc:xliff:document:1.2";
constexpr const char* kRelocaleNamespace = "urn:relocale:xliff:1";
constexpr const char* kMatchesNamespace = "urn:oasis:names:tc:xliff:matches:2.0";

/// Writes one target language's document as XLIFF 2.0 or 1.2 (options.version). Byte-stable: the
/// same document gives the same bytes (fixed attribute order, no timestamps).
std::string write_xliff(const Document& doc, const XliffWriteOptions& options);
std::string write_xliff2(const Document& doc, const XliffWriteOptions& options);

/// Receives a written file piece by piece, in order.
using XliffSink = std::function<void(std::string_view piece)>;
/// The same bytes as write_xliff, handed to `sink` in pieces as they are made (XLIFF 2.0 one
/// group of units at a time; 1.2 whole).
void write_xliff(const Document& doc, const XliffWriteOptions& options, const XliffSink& sink);
void write_xliff2(const Document& doc, const XliffWriteOptions& options, const XliffSink& sink);

/// An XLIFF 2.0 file in its parts, for a release written a part at a time (write_xliff2 is these
/// in order): the head, which holds the skeleton, then the units, then the tail.
/// A skeleton part as it goes inside <rl:skeleton>, appended to `skeleton_xml`.
void append_xliff2_skeleton_part(std::string& skeleton_xml, const SkeletonPart& part);
/// Each of `parts` so.
void append_xliff2_skeleton(std::string& skeleton_xml, const std::vector<SkeletonPart>& parts);
/// Everything before the first unit: the declaration, <xliff>, <file>, the skeleton (its parts
/// already written by append_xliff2_skeleton_part) and the file's notes, from doc's header fields
/// (languages, release, date, title, format, extraction_key).
void write_xliff2_head(std::string& out, const Document& doc, std::string_view skeleton_xml);
/// doc's units, where `doc` is the whole release or a part of it with the same header fields,
/// handed to `sink` in pieces.
void write_xliff2_units(const Document& doc, const XliffWriteOptions& options,
                        const XliffSink& sink);
/// Everything after the last unit.
void write_xliff2_tail(std::string& out);

/// Reads an XLIFF 2.x or 1.2 file (chosen by its root's version and namespace). Tolerant of other
/// tools' namespaces, attributes, <mrk> annotations and module elements; throws Error naming file,
/// line and column for malformed XML, a DOCTYPE (entities are never expanded), a wrong root, an
/// unsupported version, or duplicate unit or segment ids.
Document read_xliff(std::string_view text, const std::string& file_name);
Document read_xliff2(const pugi::xml_document& xml, std::string_view text,
                     const std::string& file_name);

/// Reads an XLIFF file from disk. An XLIFF 2 file of `stream_from_bytes` or more is read a part
/// at a time (stream_xliff2_file), so that neither its bytes nor its tree are ever held whole;
/// the result and the errors are read_xliff's.
constexpr uintmax_t kStreamXliffBytes = uintmax_t{16} << 20;
Document read_xliff_file(const std::filesystem::path& file,
                         uintmax_t stream_from_bytes = kStreamXliffBytes);

/// Reads an XLIFF 2 file from disk a part at a time: its bytes go through expat a piece at a
/// time, and each child of <rl:skeleton> and each <unit> is parsed on its own with pugixml and
/// read as read_xliff reads it. `header` gets the file's languages, original and skeleton; each
/// unit goes to `on_unit` as soon as it is read, in the file's order. Memory: the biggest unit,
/// not the file. Returns false when the file is to be read whole with read_xliff instead, having
/// maybe handed some units to `on_unit` already (the caller drops what it made of them): a file
/// that is not XLIFF 2, any error (read_xliff gives the same message at the same place), XML that
/// expat refuses, nesting close to kMaxXmlDepth, a skeleton after a unit. An error thrown by
/// `on_unit` means the same.
bool stream_xliff2_file(const std::filesystem::path& file, Document& header,
                        const std::function<void(Unit&& unit)>& on_unit);

/// An XLIFF file's bytes, handed in order, piece by piece, to the function given, until it
/// returns false.
using XliffPieces = std::function<void(const std::function<bool(std::string_view piece)>&)>;
/// stream_xliff2_file over bytes from anywhere (a SpillBuffer, say); `file_name` names them in
/// errors.
bool stream_xliff2(const XliffPieces& pieces, const std::string& file_name, Document& header,
                   const std::function<void(Unit&& unit)>& on_unit);

/// An Error thrown while a unit read a unit at a time is used (a full disk as it is written, a
/// file found changed) is the caller's, not the file's, but the reading would take it for a reason
/// to read the file whole. Give the reading `passing_errors(on_unit)` and call it inside
/// with_caller_errors, which throws such an Error again as it was.
struct CallerFailure {
  std::exception_ptr error;
};
std::function<void(Unit&&)> passing_errors(std::function<void(Unit&&)> use);
template <typename F>
auto with_caller_errors(F&& read) {
  try {
    return read();
  } catch (const CallerFailure& failure) {
    std::rethrow_exception(failure.error);
  }
}

class Xliff2Reader;

/// Reads the parts of an XLIFF 2 file, each parsed on its own: <rl:skeleton>'s attributes and
/// each of its children, and each <unit>, keeping what spans them (the unit ids seen, for
/// duplicates).
class Xliff2PartReader {
 public:
  explicit Xliff2PartReader(std::string file_name);
  Xliff2PartReader(const Xliff2PartReader&) = delete;
  Xliff2PartReader& operator=(const Xliff2PartReader&) = delete;
  ~Xliff2PartReader();
  /// <rl:skeleton>, for its attributes (the release, date, title, format and key).
  static void read_skeleton_attributes(const pugi::xml_node& skeleton, Document& header);
  /// A child of <rl:skeleton>, appended to the header's skeleton or warnings.
  static void read_skeleton_piece(const pugi::xml_node& piece, Document& header);
  /// `text` is what the unit was parsed from; it starts on line `first_line` of the file.
  Unit read_unit(const pugi::xml_node& unit, std::string_view text, int first_line);

 private:
  std::unique_ptr<Xliff2Reader> reader_;
};

/// Elements nested deeper than this are refused: no translation file nests so deep, and the
/// readers walk inline content recursively.
constexpr int kMaxXmlDepth = 256;

/// Parses XML the way every relocale reader does: pugixml with parse_ws_pcdata, DOCTYPE refused.
/// Throws Error with file:line:col.
void parse_xml(pugi::xml_document& xml, std::string_view text, const std::string& file_name);

/// The 1-based line of a node in the text it was parsed from.
int line_of(const pugi::xml_node& node, std::string_view text);

/// The element's name without a namespace prefix ("xlf:unit" → "unit").
std::string_view local_name(const pugi::xml_node& node);
std::string_view local_name(std::string_view qualified_name);

/// "XLIFF 2.0" or "XLIFF 1.2" of a file, from its root element ("" when not XLIFF).
std::string xliff_version_of(const pugi::xml_document& xml);

}  // namespace relocale
