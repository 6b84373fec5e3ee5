#pragma once

#include <string>
#include <vector>

#include "relocale/base/error.h"
#include "relocale/locale_formatter/house_style.h"
#include "relocale/model/document.h"

namespace relocale {

/// How placeholders and typography are rendered when a document is put back together.
enum class ValueRendering {
  localised,  // values in the target language's conventions, house typography (a normal build)
  verbatim,   // every value as written in the source, no typography (the round trip)
};

/// How to wrap left-to-right runs in right-to-left output.
struct BidiMarkup {
  std::string open;  // "" when the output is left-to-right
  std::string close;
};

struct MergeOptions {
  ValueRendering rendering = ValueRendering::localised;
  bool use_source_for_all = false;  // targets = sources (the round trip, and source builds)
  BidiMarkup bidi;
};

/// The release in the document's own format (its skeleton filled with each unit's targets), by
/// unit id, never by source text. Segments without a target fall back to their source, exactly as
/// written (values and quotes unchanged), and are listed in `untranslated` ("unit/segment" ids).
std::string merge_document(const Document& doc, const HouseStyle& style,
                           const MergeOptions& options, std::vector<std::string>* untranslated);

/// One segment's text, rendered: values per the style, codes as their original markup.
std::string render_content(const Content& content, const HouseStyle& style,
                           const MergeOptions& options);

}  // namespace relocale
