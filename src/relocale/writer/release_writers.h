#pragma once

#include <memory>
#include <string>
#include <string_view>

struct cmark_node;

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

/// A localised release read once for every output made from it: its Markdown is parsed by cmark
/// once, lazily, for both the HTML page and the plain text.
class ReleaseOutputs {
 public:
  /// `release` must outlive this object. `format` is the release's format ("md" or "txt").
  ReleaseOutputs(std::string_view release, std::string format);
  ~ReleaseOutputs();
  ReleaseOutputs(const ReleaseOutputs&) = delete;
  ReleaseOutputs& operator=(const ReleaseOutputs&) = delete;

  /// A standalone HTML5 page ("md" through cmark; "txt" one paragraph per line), with lang and
  /// dir on <html>. Raw HTML in Markdown is kept only for <bdi>, which relocale inserts itself;
  /// any other raw HTML is escaped.
  std::string html(const PageInfo& page) const;
  /// Plain text: Markdown markup removed (headings, emphasis, links keep their text and the
  /// link's URL in brackets), blocks separated by blank lines.
  std::string text() const;

 private:
  struct Trees;
  cmark_node* html_tree() const;
  cmark_node* text_tree() const;
  std::string_view release_;
  std::string format_;
  std::string title_;  // from the front matter
  std::string_view body_;
  std::unique_ptr<Trees> trees_;
};

/// ReleaseOutputs(release, format).html(page), for one output.
std::string write_html(std::string_view release, const std::string& format, const PageInfo& page);

/// ReleaseOutputs(release, format).text(), for one output.
std::string write_text(std::string_view release, const std::string& format);

}  // namespace relocale
