#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "relocale/model/document.h"

namespace relocale {

/// Reads a release (Markdown with cmark, or plain text) into a Document whose units each hold one
/// segment with the whole block (segmentation comes later), and a skeleton that rebuilds the file
/// byte for byte. Front matter (`---` lines around `key: value` lines) gives the title, which is a
/// translatable unit, and the date. format is "md" or "txt" (from the file's extension when empty).
/// Throws Error on text that is not clean UTF-8 (naming the byte offset, line and column).
Document read_release(std::string_view text, const std::string& file_name,
                      const std::string& format = "");

/// A release read a part at a time, so that a big one is never held whole as cmark's tree or as
/// units: each part is a Document of the blocks between two places where the release can be cut
/// without changing how any block reads (a blank line before a paragraph or heading at the left
/// margin; not after the first code fence or HTML block that a blank line does not close, nor
/// anywhere in a release with a link reference definition). The parts' units, in order, and
/// their skeletons, concatenated, are exactly read_release's: units are numbered on, and literal
/// text that runs across a cut goes with the next part. Every part carries the header fields
/// (source_file, format, title and date from the front matter). Checks the whole text's UTF-8
/// first, so that an error comes before any part.
class ReleaseParts {
 public:
  /// part_bytes: the least size of a part, except the last (0: the release is one part).
  /// `text` must outlive this object.
  ReleaseParts(std::string_view text, const std::string& file_name, const std::string& format,
               size_t part_bytes);
  /// Fills `part` with the next part; false when there is none left.
  bool next(Document& part);
  size_t part_count() const { return starts_.size(); }
  /// The bytes of the text that the parts given so far cover (the front matter with the first).
  size_t bytes_done() const {
    return next_part_ < starts_.size() ? starts_[next_part_] : text_.size();
  }

 private:
  std::string_view text_;
  std::string file_name_;
  std::string format_;
  std::string title_;
  std::string date_;
  std::vector<std::pair<size_t, size_t>> title_ranges_;  // each title line's value, in bytes
  size_t body_ = 0;                                      // where the front matter ends
  std::vector<size_t> starts_;                           // where each part starts
  size_t next_part_ = 0;
  int position_ = 0;          // blocks numbered so far
  size_t skeleton_from_ = 0;  // the end of the last unit: literal text starts there
};

/// The offsets where a release's parts start: the first at 0, each next one at the first place at
/// least `part_bytes` further (0: one part) where the body (from `body`, past the front matter) can
/// be cut without changing how cmark reads any block: a blank line before a paragraph or heading
/// at the left margin, not after the first code fence or HTML block that a blank line does not
/// close, nor anywhere in a release with a link reference definition. A plain-text release's
/// blocks are its lines, so any line will do. Used by ReleaseParts, and by the writer for pages.
std::vector<size_t> release_part_starts(std::string_view text, size_t body, bool markdown,
                                        size_t part_bytes);

/// "md" for .md/.markdown, else "txt".
std::string release_format_of(const std::string& file_name);

}  // namespace relocale
