#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "relocale/base/error.h"
#include "relocale/config/project_config.h"
#include "relocale/model/document.h"

namespace relocale {

/// A segment's content as PO text: placeholders as visible tokens "{1:date}", paired codes as
/// "{3>" … "<3}", literal braces doubled ("{{", "}}").
std::string po_tokens_of(const Content& content);

/// Parses PO text written with po_tokens_of back into content, taking each placeholder and code
/// from `source` by id. Every token lost, duplicated or invented (an id the source lacks) is
/// added to `problems` as one readable line; the result is only meaningful when none was.
Content content_from_po(const std::string& text, const Content& source,
                        std::vector<std::string>& problems);

/// The PO file of one language's document, written by libgettextpo: one message per segment
/// (msgctxt "unit/segment", msgid the source with tokens, msgstr the target, fuzzy when the
/// target is not confirmed), a header naming the release and language, no dates.
std::string write_po(const Document& doc);

/// Reads a PO file with libgettextpo and merges its translations into `doc`. A non-fuzzy msgstr
/// that differs from the target becomes a translated target; a fuzzy one an initial target; an
/// empty one changes nothing. Messages whose ids are unknown, whose msgid no longer matches the
/// source, or whose tokens were lost, duplicated or invented are refused and reported in
/// `diagnostics` (file, unit id, what and why). Returns how many segments were updated.
/// Throws Error for a file libgettextpo cannot read (with file:line:col).
size_t merge_po(Document& doc, const std::filesystem::path& po_file, Diagnostics& diagnostics);

/// `relocale po export`: po/<lang>/<release>.po for each selected release and language, from
/// the XLIFF files, written atomically. Returns the files written.
std::vector<std::filesystem::path> run_po_export(const ProjectConfig& config,
                                                 const std::vector<std::string>& releases,
                                                 const std::vector<std::string>& langs);

/// `relocale po import`: merges each po/<lang>/<release>.po that exists into its XLIFF file
/// (same XLIFF version as before), written atomically under the project lock. Returns the
/// number of segments updated; refusals go to `diagnostics` as errors.
size_t run_po_import(const ProjectConfig& config, const std::vector<std::string>& releases,
                     const std::vector<std::string>& langs, Diagnostics& diagnostics);

}  // namespace relocale
