#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

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

/// A piece of an output, handed on as it is made.
using OutputSink = std::function<void(std::string_view piece)>;

/// Markdown bodies up to this size are parsed whole; bigger ones a piece of about this size at a
/// time, cut only where the cut cannot change the page.
constexpr size_t kMarkdownPieceBytes = size_t{1} << 20;

/// A localised release read once for every output made from it: its Markdown is parsed by cmark
/// once, lazily, for both the HTML page and the plain text. A big release is parsed and written a
/// piece at a time, so that neither its tree nor its page is ever held whole: it is cut by the
/// rule extract cuts releases by (release_part_starts), where cmark reads every block as in the
/// whole. The pages are the same bytes as from one parse.
class ReleaseOutputs {
 public:
  /// `release` must outlive this object. `format` is the release's format ("md" or "txt").
  ReleaseOutputs(std::string_view release, std::string format,
                 size_t piece_bytes = kMarkdownPieceBytes);
  ~ReleaseOutputs();
  ReleaseOutputs(const ReleaseOutputs&) = delete;
  ReleaseOutputs& operator=(const ReleaseOutputs&) = delete;

  /// A standalone HTML5 page ("md" through cmark; "txt" one paragraph per line), with lang and
  /// dir on <html>. Raw HTML in Markdown is kept only for <bdi>, which relocale inserts itself;
  /// any other raw HTML is escaped.
  void write_html(const PageInfo& page, const OutputSink& sink) const;
  std::string html(const PageInfo& page) const;
  /// Plain text: Markdown markup removed (headings, emphasis, links keep their text and the
  /// link's URL in brackets), blocks separated by blank lines.
  void write_text(const OutputSink& sink) const;
  std::string text() const;

 private:
  struct Trees;
  cmark_node* html_tree() const;
  cmark_node* text_tree() const;
  /// Hands the body's Markdown tree to `use`, whole or a piece at a time, in order.
  void for_each_tree(bool for_html, const std::function<void(cmark_node*)>& use) const;
  std::string_view release_;
  std::string format_;
  size_t piece_bytes_;
  std::string title_;  // from the front matter
  std::string_view body_;
  std::vector<size_t> piece_starts_;  // where the body's pieces start (one: parsed whole)
  std::unique_ptr<Trees> trees_;
};

/// ReleaseOutputs(release, format).html(page), for one output.
std::string write_html(std::string_view release, const std::string& format, const PageInfo& page);

/// ReleaseOutputs(release, format).text(), for one output.
std::string write_text(std::string_view release, const std::string& format);

}  // namespace relocale
