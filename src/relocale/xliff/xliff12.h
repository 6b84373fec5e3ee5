#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "relocale/model/document.h"
#include "relocale/xliff/xliff_io.h"

namespace relocale {

/// Writes one target language's document as XLIFF 1.2 (urn:oasis:names:tc:xliff:document:1.2),
/// valid against xliff-core-1.2-strict.xsd: one <trans-unit> per unit with the whole block in
/// <source>, its sentences as <mrk mtype="seg"> in <seg-source> and <target>, placeholders as
/// <x/>, paired codes as <g> (or <bx/>/<ex/> when crossed), candidates as <alt-trans mid>, and the
/// skeleton in <header><skl><internal-file>. What the strict schema gives no place for (a
/// placeholder's canonical value, the markup of a code, each segment's state) is kept in a
/// <context-group name="x-relocale-<unit id>"> of the unit. options.cat_profile picks a CAT tool's
/// habits (docs/cat-tools.md). Byte-stable.
std::string write_xliff12(const Document& doc, const XliffWriteOptions& options);

/// Reads an XLIFF 1.2 file written by relocale and possibly edited by a CAT tool. Tolerant of
/// other namespaces, <mrk> annotations other than seg, alt-trans added by tools and a dropped
/// <seg-source> for single-segment units; throws Error with file, line and unit id otherwise.
Document read_xliff12(const pugi::xml_document& xml, std::string_view text,
                      const std::string& file_name);

/// The XLIFF 1.2 state written for a unit whose least advanced segment is in `state`
/// (has_text: its target is not empty). initial → needs-translation (empty) or
/// needs-review-translation, translated → translated, reviewed → signed-off, final → final.
const char* xliff12_state_of(SegmentState state, bool has_text);

/// Our state for a 1.2 state and approved flag: new, needs-translation, needs-adaptation,
/// needs-l10n and needs-review-* → initial; translated → translated; signed-off → reviewed;
/// final → final; no state → initial, or translated when approved="yes" (Translate Toolkit marks
/// every non-fuzzy PO entry approved, which is not a review). An x- extension → initial.
/// nullopt for any other value.
std::optional<SegmentState> segment_state_from_xliff12(const std::string& state, bool approved);

}  // namespace relocale
