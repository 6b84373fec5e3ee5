#include "relocale/writer/release_writers.h"

#include <cstring>
#include <memory>

#include <cmark.h>

#include "relocale/base/xml_output.h"
#include "relocale/reader/release_reader.h"

namespace relocale {

namespace {

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_escaped_markup(
      out, text, [](unsigned char c) { return c == '&' || c == '<' || c == '>' || c == '"'; });
  return out;
}

// Escapes text for HTML but keeps the <bdi> isolates that relocale inserted.
std::string escape_html_keep_bdi(std::string_view text) {
  std::string line = escape_html(text);
  for (const auto& [escaped, tag] :
       {std::pair<std::string, std::string>{"&lt;bdi dir=&quot;ltr&quot;&gt;", "<bdi dir=\"ltr\">"},
        {"&lt;/bdi&gt;", "</bdi>"}}) {
    for (size_t at = line.find(escaped); at != std::string::npos; at = line.find(escaped, at)) {
      line.replace(at, escaped.size(), tag);
    }
  }
  return line;
}

using NodePtr = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;

NodePtr parse_markdown(std::string_view text) {
  return NodePtr(cmark_parse_document(text.data(), text.size(), CMARK_OPT_DEFAULT),
                 &cmark_node_free);
}

// Plain text of a Markdown tree, given whole or a piece at a time (the blocks' separators carry
// over from one piece to the next).
class PlainText {
 public:
  void append(cmark_node* node, std::string& out);

 private:
  bool first_block_ = true;
};

void PlainText::append(cmark_node* node, std::string& out) {
  cmark_iter* iter = cmark_iter_new(node);
  cmark_event_type event;
  bool& first_block = first_block_;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(iter);
    const auto type = cmark_node_get_type(n);
    const bool enter = event == CMARK_EVENT_ENTER;
    switch (type) {
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING:
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_THEMATIC_BREAK:
      if (enter) {
        if (!first_block) {
          out += cmark_node_get_type(cmark_node_parent(n)) == CMARK_NODE_ITEM &&
                         cmark_node_previous(n) == nullptr
                     ? ""
                     : "\n\n";
        }
        first_block = false;
        if (type == CMARK_NODE_CODE_BLOCK) {
          out += cmark_node_get_literal(n);
        } else if (type == CMARK_NODE_THEMATIC_BREAK) {
          out += "* * *";
        }
      }
      break;
    case CMARK_NODE_ITEM:
      if (enter) {
        out += first_block ? "" : "\n\n";
        first_block = true;
        if (cmark_node_get_list_type(cmark_node_parent(n)) != CMARK_ORDERED_LIST) {
          out += "- ";
        } else if (cmark_node_get_list_type(cmark_node_parent(n)) == CMARK_ORDERED_LIST) {
          int number = cmark_node_get_list_start(cmark_node_parent(n));
          for (cmark_node* p = cmark_node_previous(n); p != nullptr; p = cmark_node_previous(p)) {
            ++number;
          }
          out += std::to_string(number) + ". ";
        }
      }
      break;
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE:
      if (type == CMARK_NODE_HTML_INLINE) {
        break;  // only <bdi>, inserted by relocale, appears here
      }
      out += cmark_node_get_literal(n);
      break;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
      out += '\n';
      break;
    case CMARK_NODE_LINK:
      if (!enter) {
        const std::string url = cmark_node_get_url(n);
        if (!url.empty()) {
          out += " <" + url + ">";
        }
      }
      break;
    default:
      break;
    }
  }
  cmark_iter_free(iter);
}

// cmark's safe mode drops all raw HTML; we only ever insert <bdi dir="ltr">, so render with raw
// HTML allowed after escaping any '<' the text brought that is not one of ours.
// A '<' that relocale did not put there (<bdi>) and that is not an autolink starts foreign HTML.
bool is_foreign_html_at(std::string_view md, size_t i) {
  return md.substr(i, 15) != "<bdi dir=\"ltr\">" && md.substr(i, 6) != "</bdi>" &&
         md.substr(i, 5) != "<http" && md.substr(i, 4) != "<www";
}

bool has_foreign_html(std::string_view md) {
  for (size_t i = md.find('<'); i != std::string_view::npos; i = md.find('<', i + 1)) {
    if (is_foreign_html_at(md, i)) {
      return true;
    }
  }
  return false;
}

std::string escape_foreign_html(std::string_view md) {
  std::string out;
  out.reserve(md.size());
  size_t from = 0;
  for (size_t i = md.find('<'); i != std::string_view::npos; i = md.find('<', i + 1)) {
    if (is_foreign_html_at(md, i)) {
      out.append(md.substr(from, i - from));
      out += "&lt;";
      from = i + 1;
    }
  }
  out.append(md.substr(from));
  return out;
}

}  // namespace

std::string_view strip_front_matter(std::string_view release, std::string* title,
                                    std::string* date) {
  if (release.substr(0, 4) != "---\n") {
    return release;
  }
  const size_t close = release.find("\n---", 3);
  if (close == std::string_view::npos) {
    return release;
  }
  std::string_view block = release.substr(4, close - 3);
  while (!block.empty()) {
    const size_t eol = block.find('\n');
    const std::string_view line = block.substr(0, eol);
    const size_t colon = line.find(':');
    if (colon != std::string_view::npos) {
      const std::string_view key = line.substr(0, colon);
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') {
        value.remove_prefix(1);
      }
      if (key == "title" && title != nullptr) {
        *title = std::string(value);
      } else if (key == "date" && date != nullptr) {
        *date = std::string(value);
      }
    }
    if (eol == std::string_view::npos) {
      break;
    }
    block.remove_prefix(eol + 1);
  }
  size_t body = close + 4;
  while (body < release.size() && release[body] == '\n') {
    ++body;
  }
  return release.substr(std::min(body, release.size()));
}

// The Markdown trees: the HTML page's from the release with foreign HTML escaped, the text's from
// the release as written (cmark drops raw HTML there). Most releases have no foreign HTML: then
// one tree serves both.
struct ReleaseOutputs::Trees {
  NodePtr html{nullptr, &cmark_node_free};
  NodePtr text{nullptr, &cmark_node_free};
};

ReleaseOutputs::ReleaseOutputs(std::string_view release, std::string format, size_t piece_bytes)
    : release_(release),
      format_(std::move(format)),
      piece_bytes_(piece_bytes),
      trees_(std::make_unique<Trees>()) {
  std::string date;
  body_ = strip_front_matter(release_, &title_, &date);
  if (format_ == "md") {
    piece_starts_ = release_part_starts(body_, 0, /*markdown=*/true, piece_bytes);
  }
}

ReleaseOutputs::~ReleaseOutputs() = default;

cmark_node* ReleaseOutputs::html_tree() const {
  if (!trees_->html) {
    // Most releases have no foreign HTML: then the release is parsed as it is, without a copy.
    trees_->html = has_foreign_html(body_) ? parse_markdown(escape_foreign_html(body_))
                                           : parse_markdown(body_);
  }
  return trees_->html.get();
}

cmark_node* ReleaseOutputs::text_tree() const {
  if (!has_foreign_html(body_)) {
    return html_tree();  // the same text parsed
  }
  if (!trees_->text) {
    trees_->text = parse_markdown(body_);
  }
  return trees_->text.get();
}

void ReleaseOutputs::for_each_tree(bool for_html,
                                   const std::function<void(cmark_node*)>& use) const {
  const std::vector<size_t>& starts = piece_starts_;
  if (starts.size() <= 1) {
    use(for_html ? html_tree() : text_tree());
    return;
  }
  for (size_t i = 0; i < starts.size(); ++i) {
    const size_t end = i + 1 < starts.size() ? starts[i + 1] : body_.size();
    const std::string_view piece = body_.substr(starts[i], end - starts[i]);
    const NodePtr tree = for_html && has_foreign_html(piece)
                             ? parse_markdown(escape_foreign_html(piece))
                             : parse_markdown(piece);
    use(tree.get());
  }
}

void ReleaseOutputs::write_html(const PageInfo& page, const OutputSink& sink) const {
  std::string title = page.title;  // unless the front matter gives one
  std::string date;
  strip_front_matter(release_, &title, &date);
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + escape_html(page.lang) + "\" dir=\"" +
                    (page.right_to_left ? "rtl" : "ltr") +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n";
  std::string plain_title = title;
  for (const std::string tag : {"<bdi dir=\"ltr\">", "</bdi>"}) {
    for (size_t at = plain_title.find(tag); at != std::string::npos;
         at = plain_title.find(tag, at)) {
      plain_title.erase(at, tag.size());
    }
  }
  out += "<title>" + escape_html(plain_title) + "</title>\n";
  if (!date.empty()) {
    out += "<meta name=\"date\" content=\"" + escape_html(date) + "\">\n";
  }
  out += "</head>\n<body>\n<article>\n";
  if (!title.empty() && format_ == "md" && release_.substr(0, 4) == "---\n") {
    out += "<h1>" + escape_html_keep_bdi(title) + "</h1>\n";
  }
  sink(out);
  if (format_ == "md") {
    for_each_tree(/*for_html=*/true, [&](cmark_node* tree) {
      char* rendered = cmark_render_html(tree, CMARK_OPT_UNSAFE);
      const std::unique_ptr<char, decltype(&free)> owner(rendered, &free);
      sink(rendered);
    });
  } else {
    size_t pos = 0;
    out.clear();
    while (pos < body_.size()) {
      size_t eol = body_.find('\n', pos);
      if (eol == std::string_view::npos) {
        eol = body_.size();
      }
      const std::string line = escape_html_keep_bdi(body_.substr(pos, eol - pos));
      if (!line.empty()) {
        out += "<p>" + line + "</p>\n";
      }
      if (out.size() >= piece_bytes_) {
        sink(out);
        out.clear();
      }
      pos = eol + 1;
    }
    sink(out);
  }
  sink("</article>\n</body>\n</html>\n");
}

std::string ReleaseOutputs::html(const PageInfo& page) const {
  std::string out;
  write_html(page, [&](std::string_view piece) { out += piece; });
  return out;
}

void ReleaseOutputs::write_text(const OutputSink& sink) const {
  if (format_ != "md") {
    sink(release_);
    return;
  }
  if (!title_.empty()) {
    sink(title_ + "\n\n");
  }
  PlainText plain;
  for_each_tree(/*for_html=*/false, [&](cmark_node* tree) {
    std::string out;
    plain.append(tree, out);
    sink(out);
  });
  sink("\n");
}

std::string ReleaseOutputs::text() const {
  std::string out;
  write_text([&](std::string_view piece) { out += piece; });
  return out;
}

std::string write_html(std::string_view release, const std::string& format, const PageInfo& page) {
  return ReleaseOutputs(release, format).html(page);
}

std::string write_text(std::string_view release, const std::string& format) {
  return ReleaseOutputs(release, format).text();
}

}  // namespace relocale
