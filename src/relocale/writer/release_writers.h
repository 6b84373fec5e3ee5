#pragma once

#include <string>
#include <string_view>

namespace relocale {

/// What an output page needs besides its body.
struct PageInfo {
  std::string lang;  // BCP 47, for <html lang>
  bool right_to_left = false;
  std::string title;  // used when the release has no front-matter title
};

/// Splits front matter off a release: returns the body, and the title and date it gave.
std::string_view strip_front_matter(std::string_view release, std::string* title,
                                    std::string* date);

/// A standalone HTML5 page from a localised release in `format` ("md" through cmark; "txt" one
/// paragraph per line), with lang and dir on <html>. Raw HTML in Markdown is kept only for <bdi>,
/// which relocale inserts itself; any other raw HTML is escaped by cmark's safe mode.
std::string write_html(std::string_view release, const std::string& format, const PageInfo& page);

/// Plain text from a localised release: Markdown markup removed (headings, emphasis, links keep
/// their text and the link's URL in brackets), blocks separated by blank lines.
std::string write_text(std::string_view release, const std::string& format);

}  // namespace relocale
