#include "relocale/xliff/xliff_io.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "relocale/base/error.h"
#include "relocale/base/files.h"
#include "relocale/base/i18n.h"
#include "relocale/xliff/xliff12.h"

namespace relocale {

std::string_view local_name(std::string_view qualified_name) {
  const auto colon = qualified_name.find(':');
  return colon == std::string_view::npos ? qualified_name : qualified_name.substr(colon + 1);
}

std::string_view local_name(const pugi::xml_node& node) {
  return local_name(std::string_view(node.name()));
}

namespace {

// Where each line starts in the text parse_xml last parsed on this thread: line_of is called for
// every unit and segment, and counting from the start each time made reading quadratic (a 1 MB
// XLIFF took a minute). Texts that parse_xml did not see take the slow path.
struct LineStarts {
  const char* data = nullptr;
  size_t size = 0;
  std::vector<size_t> starts;
};
thread_local LineStarts t_line_starts;

void index_lines(std::string_view text) {
  t_line_starts.data = text.data();
  t_line_starts.size = text.size();
  t_line_starts.starts.assign(1, 0);
  for (size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) {
    t_line_starts.starts.push_back(i + 1);
  }
}

// The readers walk <group>s and inline codes recursively: a hostile file nesting 100,000 of them
// would overflow the stack. Real XLIFF nests a few levels; anything deeper than kMaxXmlDepth is
// refused, checked here without recursion.
// The first node nested deeper than kMaxXmlDepth, in document order. pugixml's traverse walks the
// tree without recursion, through its own pointers: a walk made of xml_node calls cost twice as
// much (2.5 % of a build).
class DepthGuard : public pugi::xml_tree_walker {
 public:
  bool for_each(pugi::xml_node& node) override {
    if (depth() + 1 > kMaxXmlDepth) {  // depth() is 0 for the document's own children
      too_deep = node;
      return false;
    }
    return true;
  }
  pugi::xml_node too_deep;
};

void refuse_deep_nesting(pugi::xml_document& xml, std::string_view text,
                         const std::string& file_name) {
  DepthGuard guard;
  xml.traverse(guard);
  if (guard.too_deep) {
    const auto offset = guard.too_deep.offset_debug();
    const auto lc = line_column_at(text, static_cast<size_t>(std::max<ptrdiff_t>(offset, 0)));
    throw Error(Location{file_name, lc.line, lc.column},
                subst(tr("elements nested more than {1} deep; this is not a translation file"),
                      {std::to_string(kMaxXmlDepth)}));
  }
}

}  // namespace

int line_of(const pugi::xml_node& node, std::string_view text) {
  const auto offset = node.offset_debug();
  if (offset < 0) {
    return 0;
  }
  if (text.data() == t_line_starts.data && text.size() == t_line_starts.size) {
    const auto& starts = t_line_starts.starts;
    return static_cast<int>(
        std::upper_bound(starts.begin(), starts.end(), static_cast<size_t>(offset)) -
        starts.begin());
  }
  return line_column_at(text, static_cast<size_t>(offset)).line;
}

void parse_xml(pugi::xml_document& xml, std::string_view text, const std::string& file_name) {
  check_utf8_text(text, file_name, /*allow_bom_and_crlf=*/true);
  // parse_doctype keeps the DOCTYPE as a node so we can refuse it: pugixml never expands
  // entities, but a file that declares them expects a parser that does, and we will not.
  const auto result = xml.load_buffer(
      text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_doctype,
      pugi::encoding_utf8);
  if (!result) {
    const auto lc =
        line_column_at(text, static_cast<size_t>(std::max<ptrdiff_t>(result.offset, 0)));
    throw Error(Location{file_name, lc.line, lc.column},
                subst(tr("malformed XML: {1}"), {result.description()}));
  }
  index_lines(text);
  refuse_deep_nesting(xml, text, file_name);
  for (auto child : xml.children()) {
    if (child.type() == pugi::node_doctype) {
      // pugixml points inside the declaration; name the place where it starts.
      const size_t start = text.rfind("<!DOCTYPE", static_cast<size_t>(child.offset_debug()));
      const auto lc = line_column_at(text, start == std::string_view::npos ? 0 : start);
      throw Error(Location{file_name, lc.line, lc.column},
                  tr("DOCTYPE declarations are refused: relocale never expands entities or "
                     "reads external files named by a document"));
    }
  }
}

std::string xliff_version_of(const pugi::xml_document& xml) {
  const auto root = xml.document_element();
  if (local_name(root) != "xliff") {
    return "";
  }
  const std::string version = root.attribute("version").value();
  return version;
}

Document read_xliff(std::string_view text, const std::string& file_name) {
  pugi::xml_document xml;
  parse_xml(xml, text, file_name);
  const auto root = xml.document_element();
  const int line = line_of(root, text);
  if (local_name(root) != "xliff") {
    throw Error(Location{file_name, line, 0},
                subst(tr("the root element is <{1}>, expected <xliff>"), {root.name()}));
  }
  const std::string version = root.attribute("version").value();
  if (version == "2.0" || version == "2.1" || version == "2.2") {
    return read_xliff2(xml, text, file_name);
  }
  if (version == "1.2") {
    return read_xliff12(xml, text, file_name);
  }
  throw Error(Location{file_name, line, 0},
              subst(tr("XLIFF version \"{1}\" is not supported (relocale reads 2.0, 2.1 and 1.2)"),
                    {version}));
}

Document read_xliff_file(const std::filesystem::path& file, uintmax_t stream_from_bytes) {
  std::error_code error;
  const uintmax_t size = std::filesystem::file_size(file, error);
  if (!error && size >= stream_from_bytes) {
    Document doc;
    if (stream_xliff2_file(file, doc,
                           [&doc](Unit&& unit) { doc.units.push_back(std::move(unit)); })) {
      return doc;
    }
  }
  return read_xliff(read_file(file), file.string());
}

void write_xliff(const Document& doc, const XliffWriteOptions& options, const XliffSink& sink) {
  if (options.version == "2.0") {
    write_xliff2(doc, options, sink);
    return;
  }
  if (options.version == "1.2") {
    sink(write_xliff12(doc, options));
    return;
  }
  throw Error(
      subst(tr("XLIFF version \"{1}\" cannot be written (use 2.0 or 1.2)"), {options.version}));
}

std::string write_xliff(const Document& doc, const XliffWriteOptions& options) {
  std::string out;
  write_xliff(doc, options, [&out](std::string_view piece) { out += piece; });
  return out;
}

}  // namespace relocale
