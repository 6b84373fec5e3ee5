#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "relocale/base/error.h"
#include "relocale/base/text_buffer.h"
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
/// unit id, never by source text (of units with the same id, the last). Segments without a target
/// fall back to their source, exactly as written (values and quotes unchanged), and are listed in
/// `untranslated` ("unit/segment" ids).
TextBuffer merge_document(const Document& doc, const HouseStyle& style, const MergeOptions& options,
                          std::vector<std::string>* untranslated);

/// merge_document a unit at a time, for a file read a part at a time: the header's skeleton
/// (read before the units; `header` must outlive the merge), then add() each unit, in any order,
/// then finish(). The skeleton's text is put together as far as the units given allow; a unit
/// given ahead of its place waits there, rendered. The same text and `untranslated` as
/// merge_document of the whole document.
class UnitMerge {
 public:
  UnitMerge(const Document& header, const HouseStyle& style, const MergeOptions& options);
  void add(const Unit& unit);
  /// The text merged so far, in order, that no unit still to come changes.
  size_t ready_bytes() const { return out_.size(); }
  /// Hands the text merged so far to `sink` and forgets it: finish() then gives what follows.
  void drain(const std::function<void(std::string_view)>& sink);
  /// The release's text; `untranslated` (if not null) gets the ids of segments without a target.
  TextBuffer finish(std::vector<std::string>* untranslated);

 private:
  struct Rendered {
    std::string text;
    std::vector<std::string> untranslated;
    size_t uses = 1;  // skeleton references not yet filled
  };
  /// Puts the skeleton's parts in out_ up to the first whose unit has not come yet; with
  /// `to_the_end`, past those too, leaving their places empty.
  void advance(bool to_the_end);
  void put(const Rendered& rendered);

  const HouseStyle& style_;
  MergeOptions options_;
  const std::vector<SkeletonPart>& skeleton_;
  size_t next_ = 0;                                // the first part not yet in out_
  std::vector<std::string_view> referenced_;       // the units the skeleton names, sorted
  std::map<std::string_view, size_t> used_again_;  // how often, for those named more than once
  std::map<std::string, Rendered, std::less<>> waiting_;  // given, not yet in their place
  TextBuffer out_;
  std::vector<std::string> untranslated_;
};

/// One segment's text, rendered: values per the style, codes as their original markup.
std::string render_content(const Content& content, const HouseStyle& style,
                           const MergeOptions& options);

}  // namespace relocale
