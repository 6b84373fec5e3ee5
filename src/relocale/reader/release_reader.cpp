#include "relocale/reader/release_reader.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <vector>

#include <cmark.h>

#include "relocale/base/ascii.h"
#include "relocale/base/error.h"
#include "relocale/base/files.h"
#include "relocale/base/i18n.h"

namespace relocale {

namespace {

/// A translatable block found in the file: its byte range and its content.
struct FoundBlock {
  size_t begin = 0;
  size_t end = 0;
  BlockKind kind = BlockKind::paragraph;
  Content content;
};

/// Front matter: the `---` block at the very start. Returns the offset where the body starts.
size_t read_front_matter(std::string_view text, Document& doc, std::vector<FoundBlock>& blocks) {
  if (text.substr(0, 4) != "---\n") {
    return 0;
  }
  size_t pos = 4;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    const bool last = eol == std::string_view::npos;
    if (last) {
      eol = text.size();
    }
    const std::string_view line = text.substr(pos, eol - pos);
    if (line == "---") {
      return last ? eol : eol + 1;
    }
    const size_t colon = line.find(':');
    if (colon != std::string_view::npos) {
      const std::string key(line.substr(0, colon));
      size_t value_begin = colon + 1;
      while (value_begin < line.size() && line[value_begin] == ' ') {
        ++value_begin;
      }
      size_t value_end = line.size();
      while (value_end > value_begin && line[value_end - 1] == ' ') {
        --value_end;
      }
      std::string value(line.substr(value_begin, value_end - value_begin));
      if (key == "title" && !value.empty()) {
        doc.title = value;
        FoundBlock block;
        block.begin = pos + value_begin;
        block.end = pos + value_end;
        block.kind = BlockKind::title;
        append_text(block.content, value);
        blocks.push_back(std::move(block));
      } else if (key == "date") {
        doc.date = value;
      }
    }
    if (last) {
      break;
    }
    pos = eol + 1;
  }
  // No closing line: this was not front matter but text that starts with a rule.
  doc.title.clear();
  doc.date.clear();
  blocks.clear();
  return 0;
}

/// Offsets of line starts, so cmark's 1-based line:column positions become byte offsets.
class LineStarts {
 public:
  LineStarts(std::string_view text, size_t base) : base_(base) {
    starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') {
        starts_.push_back(i + 1);
      }
    }
  }
  size_t offset(int line, int column) const {
    return base_ + starts_[static_cast<size_t>(line - 1)] + static_cast<size_t>(column - 1);
  }
  size_t line_end(int line, size_t text_size) const {
    return static_cast<size_t>(line) < starts_.size()
               ? base_ + starts_[static_cast<size_t>(line)] - 1
               : base_ + text_size;
  }

 private:
  size_t base_;
  std::vector<size_t> starts_;
};

/// Walks a block's inline nodes alongside its raw bytes, turning markup into codes and keeping
/// every byte as it was written. Returns false when the two cannot be aligned (then the caller
/// keeps the block as plain text, which still round-trips).
class InlineAligner {
 public:
  InlineAligner(std::string_view raw, bool in_quote, int* next_id)
      : raw_(raw), in_quote_(in_quote), next_id_(next_id) {}

  bool align(cmark_node* parent, Content& out) {
    // Emphasis inside emphasis 50,000 deep (a hostile paste) would overflow the stack through
    // align_node's recursion; past a depth no real release reaches, keep the block as text.
    constexpr int kMaxInlineDepth = 64;
    if (depth_ >= kMaxInlineDepth) {
      return false;
    }
    ++depth_;
    for (cmark_node* n = cmark_node_first_child(parent); n != nullptr; n = cmark_node_next(n)) {
      if (!align_node(n, out)) {
        --depth_;
        return false;
      }
    }
    --depth_;
    return true;
  }

  bool finish(Content& out) {
    append_text(out, raw_.substr(pos_));
    return true;
  }

 private:
  std::string next_id() { return std::to_string((*next_id_)++); }

  bool align_node(cmark_node* n, Content& out) {
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_TEXT:
      return match_literal(cmark_node_get_literal(n), out);
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
      return line_break(out);
    case CMARK_NODE_CODE:
      return code_span(out);
    case CMARK_NODE_HTML_INLINE:
      return verbatim_code(cmark_node_get_literal(n), out);
    case CMARK_NODE_EMPH:
    case CMARK_NODE_STRONG:
      return emphasis(n, out);
    case CMARK_NODE_LINK:
      return link(n, out);
    case CMARK_NODE_IMAGE:
      return image(out);
    default:
      return false;
    }
  }

  bool match_literal(const char* literal, Content& out) {
    const std::string_view lit = literal == nullptr ? "" : literal;
    const size_t start = pos_;
    size_t i = 0;
    while (i < lit.size()) {
      if (pos_ >= raw_.size()) {
        return false;
      }
      if (raw_[pos_] == lit[i]) {
        ++pos_, ++i;
      } else if (raw_[pos_] == '\\' && pos_ + 1 < raw_.size() && raw_[pos_ + 1] == lit[i]) {
        pos_ += 2, ++i;
      } else if (raw_[pos_] == '&') {
        const size_t semi = raw_.find(';', pos_);
        if (semi == std::string_view::npos || semi - pos_ > 32) {
          return false;
        }
        pos_ = semi + 1;
        // The entity decoded to one code point: skip its UTF-8 bytes in the literal.
        ++i;
        while (i < lit.size() && (static_cast<unsigned char>(lit[i]) & 0xC0) == 0x80) {
          ++i;
        }
      } else {
        return false;
      }
    }
    append_text(out, raw_.substr(start, pos_ - start));
    return true;
  }

  bool line_break(Content& out) {
    const size_t start = pos_;
    while (pos_ < raw_.size() && (raw_[pos_] == ' ' || raw_[pos_] == '\\' || raw_[pos_] == '\t')) {
      ++pos_;
    }
    if (pos_ >= raw_.size() || raw_[pos_] != '\n') {
      return false;
    }
    ++pos_;
    while (pos_ < raw_.size() &&
           (raw_[pos_] == ' ' || raw_[pos_] == '\t' || (in_quote_ && raw_[pos_] == '>'))) {
      ++pos_;
    }
    Placeholder p;
    p.id = next_id();
    p.kind = PlaceholderKind::line_break;
    p.source_text = std::string(raw_.substr(start, pos_ - start));
    p.canonical = "\n";
    out.emplace_back(std::move(p));
    return true;
  }

  bool code_span(Content& out) {
    size_t ticks = 0;
    while (pos_ + ticks < raw_.size() && raw_[pos_ + ticks] == '`') {
      ++ticks;
    }
    if (ticks == 0) {
      return false;
    }
    const std::string fence(ticks, '`');
    size_t close = pos_ + ticks;
    while (true) {
      close = raw_.find(fence, close);
      if (close == std::string_view::npos) {
        return false;
      }
      size_t run = 0;
      while (close + run < raw_.size() && raw_[close + run] == '`') {
        ++run;
      }
      if (run == ticks) {
        break;
      }
      close += run;
    }
    return take_code(close + ticks, out);
  }

  bool verbatim_code(const char* literal, Content& out) {
    const std::string_view lit = literal == nullptr ? "" : literal;
    if (raw_.substr(pos_, lit.size()) != lit) {
      return false;
    }
    return take_code(pos_ + lit.size(), out);
  }

  bool take_code(size_t end, Content& out) {
    Placeholder p;
    p.id = next_id();
    p.kind = PlaceholderKind::code;
    p.source_text = std::string(raw_.substr(pos_, end - pos_));
    p.canonical = p.source_text;
    out.emplace_back(std::move(p));
    pos_ = end;
    return true;
  }

  bool emphasis(cmark_node* n, Content& out) {
    const bool strong = cmark_node_get_type(n) == CMARK_NODE_STRONG;
    const size_t width = strong ? 2 : 1;
    if (pos_ + width > raw_.size()) {
      return false;
    }
    const char delimiter = raw_[pos_];
    if ((delimiter != '*' && delimiter != '_') ||
        raw_.substr(pos_, width) != std::string(width, delimiter)) {
      return false;
    }
    const std::string id = next_id();
    out.emplace_back(CodeStart{id, std::string(width, delimiter), strong ? "strong" : "emphasis"});
    pos_ += width;
    if (!align(n, out)) {
      return false;
    }
    if (raw_.substr(pos_, width) != std::string(width, delimiter)) {
      return false;
    }
    out.emplace_back(CodeEnd{id, std::string(width, delimiter)});
    pos_ += width;
    return true;
  }

  // The end of a link's destination part: "](url "title")", "][ref]" or "]" (shortcut).
  size_t link_tail_end(size_t at) const {
    if (at >= raw_.size() || raw_[at] != ']') {
      return std::string_view::npos;
    }
    size_t i = at + 1;
    if (i < raw_.size() && raw_[i] == '(') {
      int depth = 0;
      for (; i < raw_.size(); ++i) {
        if (raw_[i] == '\\') {
          ++i;
        } else if (raw_[i] == '(') {
          ++depth;
        } else if (raw_[i] == ')' && --depth == 0) {
          return i + 1;
        }
      }
      return std::string_view::npos;
    }
    if (i < raw_.size() && raw_[i] == '[') {
      const size_t close = raw_.find(']', i);
      return close == std::string_view::npos ? close : close + 1;
    }
    return i;
  }

  bool link(cmark_node* n, Content& out) {
    if (pos_ >= raw_.size() || raw_[pos_] != '[') {
      return false;
    }
    const std::string id = next_id();
    out.emplace_back(CodeStart{id, "[", "link"});
    ++pos_;
    if (!align(n, out)) {
      return false;
    }
    const size_t end = link_tail_end(pos_);
    if (end == std::string_view::npos) {
      return false;
    }
    out.emplace_back(CodeEnd{id, std::string(raw_.substr(pos_, end - pos_))});
    pos_ = end;
    return true;
  }

  bool image(Content& out) {
    if (raw_.substr(pos_, 2) != "![") {
      return false;
    }
    // The alt text would be translatable; for now the whole image is one code.
    size_t depth = 0;
    size_t i = pos_ + 1;
    for (; i < raw_.size(); ++i) {
      if (raw_[i] == '[') {
        ++depth;
      } else if (raw_[i] == ']' && --depth == 0) {
        break;
      }
    }
    const size_t end = link_tail_end(i);
    if (end == std::string_view::npos) {
      return false;
    }
    return take_code(end, out);
  }

  std::string_view raw_;
  bool in_quote_;
  int* next_id_;
  int depth_ = 0;  // nesting of align() calls
  size_t pos_ = 0;
};

bool is_inside(cmark_node* n, cmark_node_type type) {
  for (cmark_node* p = cmark_node_parent(n); p != nullptr; p = cmark_node_parent(p)) {
    if (cmark_node_get_type(p) == type) {
      return true;
    }
  }
  return false;
}

// The raw byte range of a heading's or paragraph's inline content.
std::pair<size_t, size_t> content_range(cmark_node* n, std::string_view text,
                                        const LineStarts& lines, size_t base) {
  const int start_line = cmark_node_get_start_line(n);
  const int end_line = cmark_node_get_end_line(n);
  size_t begin = lines.offset(start_line, cmark_node_get_start_column(n));
  size_t end = lines.offset(end_line, cmark_node_get_end_column(n)) + 1;
  end = std::min(end, base + text.size());
  const std::string_view body = text;
  auto at = [&](size_t i) { return body[i - base]; };
  if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
    if (at(begin) == '#') {
      while (begin < end && at(begin) == '#') {
        ++begin;
      }
      while (begin < end && (at(begin) == ' ' || at(begin) == '\t')) {
        ++begin;
      }
      // Strip an optional closing sequence of '#' preceded by a space, and trailing spaces.
      size_t e = end;
      while (e > begin && (at(e - 1) == ' ' || at(e - 1) == '\t' || at(e - 1) == '\n')) {
        --e;
      }
      size_t hashes = e;
      while (hashes > begin && at(hashes - 1) == '#') {
        --hashes;
      }
      if (hashes < e && (hashes == begin || at(hashes - 1) == ' ' || at(hashes - 1) == '\t')) {
        e = hashes;
        while (e > begin && (at(e - 1) == ' ' || at(e - 1) == '\t')) {
          --e;
        }
      }
      end = e;
    } else {
      // Setext heading: the last line is the underline.
      end = lines.line_end(end_line - 1, text.size());
    }
  }
  while (end > begin && (at(end - 1) == ' ' || at(end - 1) == '\t' || at(end - 1) == '\n')) {
    --end;
  }
  return {begin, end};
}

void read_markdown_blocks(std::string_view text, size_t base, std::vector<FoundBlock>& blocks) {
  const std::string_view body = text.substr(base);
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> root(
      cmark_parse_document(body.data(), body.size(), CMARK_OPT_DEFAULT), &cmark_node_free);
  const LineStarts lines(body, base);
  cmark_iter* iter = cmark_iter_new(root.get());
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(iter);
    const auto type = cmark_node_get_type(n);
    if (event != CMARK_EVENT_ENTER ||
        (type != CMARK_NODE_PARAGRAPH && type != CMARK_NODE_HEADING)) {
      continue;
    }
    FoundBlock block;
    std::tie(block.begin, block.end) = content_range(n, body, lines, base);
    if (block.end <= block.begin) {
      continue;
    }
    const bool in_quote = is_inside(n, CMARK_NODE_BLOCK_QUOTE);
    block.kind = type == CMARK_NODE_HEADING      ? BlockKind::heading
                 : is_inside(n, CMARK_NODE_ITEM) ? BlockKind::list_item
                 : in_quote                      ? BlockKind::quote
                                                 : BlockKind::paragraph;
    const std::string_view raw = text.substr(block.begin, block.end - block.begin);
    int next_id = 1;
    InlineAligner aligner(raw, in_quote, &next_id);
    if (!aligner.align(n, block.content) || !aligner.finish(block.content)) {
      block.content.clear();
      append_text(block.content, raw);
    }
    blocks.push_back(std::move(block));
  }
  cmark_iter_free(iter);
}

void read_text_blocks(std::string_view text, size_t base, std::vector<FoundBlock>& blocks) {
  size_t pos = base;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) {
      eol = text.size();
    }
    size_t begin = pos;
    size_t end = eol;
    while (begin < end && (text[begin] == ' ' || text[begin] == '\t')) {
      ++begin;
    }
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) {
      --end;
    }
    if (end > begin) {
      FoundBlock block;
      block.begin = begin;
      block.end = end;
      append_text(block.content, text.substr(begin, end - begin));
      blocks.push_back(std::move(block));
    }
    pos = eol + 1;
  }
}

// ---- parts ------------------------------------------------------------------------------------

// Whether the block markup at `at` could open a block: before it on its line, only white space
// and the markers of the containers it may sit in (quotes, list items). A fence or tag after any
// other character is text in a paragraph. Lines end at LF or at a CR, as cmark ends them (a
// translation can bring a CR into the text a page is made from), and cmark skips a byte-order
// mark at the start of the text.
bool may_open_block_at(std::string_view text, size_t at) {
  for (size_t i = at; i > 0; --i) {
    const char c = text[i - 1];
    if (c == '\n' || c == '\r' || (i == 3 && text.substr(0, 3) == "\xEF\xBB\xBF")) {
      return true;
    }
    if (c == '\0' || std::strchr(" \t>-+*.)0123456789", c) == nullptr) {
      return false;
    }
  }
  return true;
}

// Where cmark can no longer be given a release in parts: the first code fence, HTML block of the
// kinds that run to an end marker (<!--, <?, <!X, <script, <pre, <style, <textarea), since a blank
// line does not close them, or anywhere when there is a link reference definition ("]:"), since
// cmark resolves those across the whole document. Found generously: a false alarm only means
// fewer parts. Fence characters and tags inside a line's text (a pseudo-translation's "~~~"
// padding) open nothing and are passed over.
size_t first_unsafe_offset(std::string_view text, size_t body) {
  if (text.find("]:", body) != std::string_view::npos) {
    return body;
  }
  size_t unsafe = std::string_view::npos;
  for (const char* fence : {"```", "~~~"}) {
    for (size_t at = text.find(fence, body); at < unsafe; at = text.find(fence, at)) {
      if (may_open_block_at(text, at)) {
        unsafe = at;
        break;
      }
      at = text.find_first_not_of(fence[0], at);  // past the whole run
    }
  }
  for (size_t at = text.find('<', body); at < unsafe; at = text.find('<', at + 1)) {
    std::string lowered;
    for (size_t i = at + 1; i < text.size() && i < at + 10; ++i) {
      lowered += ascii_lower(text[i]);
    }
    for (const char* tag : {"!", "?", "script", "pre", "style", "textarea"}) {
      if (lowered.compare(0, std::strlen(tag), tag) == 0 && may_open_block_at(text, at)) {
        unsafe = at;
        break;
      }
    }
  }
  return unsafe;
}

bool is_blank_line(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

// True when a line at the left margin after a blank line starts a paragraph or a heading at the
// top of the document: not indented (which could continue a list item or an indented code block),
// not a list marker (which could continue a list), nor any other markup a part must not start
// with.
bool starts_top_level_block(std::string_view line) {
  if (line.empty()) {
    return false;
  }
  const auto c = static_cast<unsigned char>(line[0]);
  if (std::isdigit(c)) {
    size_t digits = line.find_first_not_of("0123456789");
    return !(digits != std::string_view::npos && digits <= 9 &&
             (line[digits] == '.' || line[digits] == ')'));
  }
  // cmark skips a byte-order mark at the start of a document: a part must not start with one.
  if (line.substr(0, 3) == "\xEF\xBB\xBF") {
    return false;
  }
  return std::isalpha(c) || c >= 0x80 || std::strchr("#[!\"'(", static_cast<char>(c)) != nullptr;
}

}  // namespace

std::vector<size_t> release_part_starts(std::string_view text, size_t body, bool markdown,
                                        size_t part_bytes) {
  std::vector<size_t> starts{0};
  if (part_bytes == 0 || text.size() <= part_bytes) {
    return starts;  // one part: a cut is at least part_bytes from the start
  }
  const size_t limit = markdown ? first_unsafe_offset(text, body) : text.size();
  bool previous_blank = false;
  size_t pos = body;
  while (pos < text.size() && pos < limit) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) {
      eol = text.size();
    }
    const std::string_view line = text.substr(pos, eol - pos);
    if (pos >= starts.back() + part_bytes &&
        (!markdown || (previous_blank && starts_top_level_block(line)))) {
      starts.push_back(pos);
    }
    previous_blank = is_blank_line(line);
    pos = eol + 1;
  }
  return starts;
}

ReleaseParts::ReleaseParts(std::string_view text, const std::string& file_name,
                           const std::string& format, size_t part_bytes)
    : text_(text),
      file_name_(file_name),
      format_(format.empty() ? release_format_of(file_name) : format) {
  check_utf8_text(text, file_name, /*allow_bom_and_crlf=*/false);
  Document header;
  std::vector<FoundBlock> title;
  body_ = read_front_matter(text, header, title);
  title_ = header.title;
  date_ = header.date;
  for (const auto& block : title) {
    title_ranges_.emplace_back(block.begin, block.end);
  }
  starts_ = release_part_starts(text, body_, format_ == "md", part_bytes);
}

bool ReleaseParts::next(Document& part) {
  if (next_part_ >= starts_.size()) {
    return false;
  }
  const size_t begin = std::max(starts_[next_part_], body_);
  const size_t end = ++next_part_ < starts_.size() ? starts_[next_part_] : text_.size();
  const bool last = next_part_ == starts_.size();
  part = Document();
  part.source_file = file_name_;
  part.format = format_;
  part.title = title_;
  part.date = date_;
  std::vector<FoundBlock> blocks;
  for (size_t t = 0; next_part_ == 1 && t < title_ranges_.size(); ++t) {
    FoundBlock title;  // a title line of the front matter, a unit before the body's
    std::tie(title.begin, title.end) = title_ranges_[t];
    title.kind = BlockKind::title;
    append_text(title.content, text_.substr(title.begin, title.end - title.begin));
    blocks.push_back(std::move(title));
  }
  if (format_ == "md") {
    read_markdown_blocks(text_.substr(0, end), begin, blocks);
  } else {
    read_text_blocks(text_.substr(0, end), begin, blocks);
  }
  // Literal text runs from the end of the last unit, in this part or an earlier one.
  for (auto& block : blocks) {
    if (block.begin > skeleton_from_) {
      part.skeleton.push_back(
          {std::string(text_.substr(skeleton_from_, block.begin - skeleton_from_)), ""});
    }
    Unit unit;
    unit.kind = block.kind;
    unit.position = ++position_;
    unit.id = "b" + std::to_string(position_);  // replaced by a stable id once segmented
    Segment whole;
    whole.source = std::move(block.content);
    unit.segments.push_back(std::move(whole));
    part.skeleton.push_back({"", unit.id});
    part.units.push_back(std::move(unit));
    skeleton_from_ = block.end;
  }
  if (last && skeleton_from_ < text_.size()) {
    part.skeleton.push_back({std::string(text_.substr(skeleton_from_)), ""});
  }
  return true;
}

std::string release_format_of(const std::string& file_name) {
  const auto dot = file_name.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : file_name.substr(dot + 1);
  return ext == "md" || ext == "markdown" ? "md" : "txt";
}

Document read_release(std::string_view text, const std::string& file_name,
                      const std::string& format) {
  ReleaseParts parts(text, file_name, format, 0);
  Document doc;
  parts.next(doc);
  return doc;
}

}  // namespace relocale
