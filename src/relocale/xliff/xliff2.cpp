// XLIFF 2.0 writer and reader (OASIS XLIFF Version 2.0, core + Translation Candidates module).
#include <map>
#include <set>

#include "relocale/base/error.h"
#include "relocale/base/i18n.h"
#include "relocale/base/xml_output.h"
#include "relocale/xliff/unit_notes.h"
#include "relocale/xliff/xliff_io.h"

namespace relocale {

namespace {

// ---- writing ----------------------------------------------------------------------------------

std::string display_of(const Placeholder& p, const XliffWriteOptions& options) {
  return options.display ? options.display(p) : p.source_text;
}

const char* code_sub_type(const std::string& kind) {
  if (kind == "strong") {
    return "xlf:b";
  }
  if (kind == "emphasis") {
    return "xlf:i";
  }
  return nullptr;
}

// Inline content (text, <ph>, <pc>, <sc>/<ec>) as it goes inside <source> or <target>: written
// straight into the text, on one line, with no white space of its own.
void write_content(std::string& out, const Content& content, const XliffWriteOptions& options,
                   const std::set<std::string>& known_data) {
  const auto nested = well_nested_code_pairs(content);
  size_t open_pcs = 0;
  for (const auto& run : content) {
    if (const auto* s = std::get_if<std::string>(&run)) {
      append_xml_text(out, *s);
    } else if (const auto* p = std::get_if<Placeholder>(&run)) {
      out += "<ph";
      append_xml_attribute(out, "id", p->id);
      if (known_data.count("d" + p->id)) {
        append_xml_attribute(out, "dataRef", "d" + p->id);
      }
      if (is_localised_value(p->kind) || p->kind == PlaceholderKind::email ||
          p->kind == PlaceholderKind::url) {
        const std::string shown = display_of(*p, options);
        append_xml_attribute(out, "canDelete", "no");
        append_xml_attribute(out, "disp", shown);
        append_xml_attribute(out, "equiv", shown);
        append_xml_attribute(out, "subType", std::string("rl:") + placeholder_kind_key(p->kind));
        append_xml_attribute(out, "type", "other");
      } else {
        if (p->kind == PlaceholderKind::line_break) {
          append_xml_attribute(out, "subType", "xlf:lb");
        } else {
          append_xml_attribute(out, "equiv", p->source_text);
        }
        append_xml_attribute(out, "type", "fmt");
      }
      out += " />";
    } else if (const auto* b = std::get_if<CodeStart>(&run)) {
      const bool pc = nested.count(b->id) > 0;
      out += pc ? "<pc" : "<sc";
      append_xml_attribute(out, "id", b->id);
      if (pc) {
        if (known_data.count("d" + b->id)) {
          append_xml_attribute(out, "dataRefEnd", "d" + b->id + "e");
          append_xml_attribute(out, "dataRefStart", "d" + b->id);
        }
      } else if (known_data.count("d" + b->id)) {
        append_xml_attribute(out, "dataRef", "d" + b->id);
      }
      if (const char* sub = code_sub_type(b->kind)) {
        append_xml_attribute(out, "subType", sub);
        append_xml_attribute(out, "type", "fmt");
      } else if (b->kind == "link") {
        append_xml_attribute(out, "type", "link");
      } else {
        append_xml_attribute(out, "type", "fmt");
      }
      if (pc) {
        out += '>';
        ++open_pcs;
      } else {
        out += " />";
      }
    } else if (const auto* e = std::get_if<CodeEnd>(&run)) {
      if (nested.count(e->id) && open_pcs > 0) {
        out += "</pc>";
        --open_pcs;
      } else {
        out += "<ec";
        if (known_data.count("d" + e->id)) {
          append_xml_attribute(out, "dataRef", "d" + e->id + "e");
        }
        append_xml_attribute(out, "startRef", e->id);
        out += " />";
      }
    }
  }
  for (; open_pcs > 0; --open_pcs) {
    out += "</pc>";
  }
}

// Two spaces per level, as the rest of the file is indented.
void indent(std::string& out, int depth) {
  out.append(static_cast<size_t>(depth) * 2, ' ');
}

// <name attributes>inline content</name> on a line of its own.
template <class Attributes, class Inline>
void inline_element(std::string& out, int depth, const char* name, Attributes&& attributes,
                    Inline&& content) {
  indent(out, depth);
  out += '<';
  out += name;
  attributes();
  out += '>';
  content();
  out += "</";
  out += name;
  out += ">\n";
}

const auto kNoAttributes = [] {};

// The markup each code of a unit stands for, from the source (originalData/data).
std::map<std::string, std::string> original_data_of(const Unit& unit) {
  std::map<std::string, std::string> data;
  for (const auto& seg : unit.segments) {
    for (const auto& run : seg.source) {
      if (const auto* p = std::get_if<Placeholder>(&run)) {
        data["d" + p->id] = p->source_text;
      } else if (const auto* b = std::get_if<CodeStart>(&run)) {
        data["d" + b->id] = b->original;
      } else if (const auto* e = std::get_if<CodeEnd>(&run)) {
        data["d" + e->id + "e"] = e->original;
      }
    }
  }
  return data;
}

// The placeholders of a unit's sources that stand for values (not markup), in order.
std::vector<const Placeholder*> value_placeholders_of(const Unit& unit) {
  std::vector<const Placeholder*> out;
  for (const auto& seg : unit.segments) {
    for (const auto* p : placeholders_of(seg.source)) {
      if (p->kind != PlaceholderKind::code && p->kind != PlaceholderKind::line_break) {
        out.push_back(p);
      }
    }
  }
  return out;
}

}  // namespace

namespace {

// One <unit>, at the depth units have in the file (inside <xliff> and <file>), written without a
// tree: the same bytes pugixml would print, for a small part of the cost.
void write_unit(std::string& out, const Document& doc, const Unit& unit,
                const XliffWriteOptions& options) {
  constexpr int kDepth = 2;
  indent(out, kDepth);
  out += "<unit";
  append_xml_attribute(out, "id", unit.id);
  append_xml_attribute(
      out, "name", std::string(block_kind_key(unit.kind)) + "-" + std::to_string(unit.position));
  append_xml_attribute(out, "type", std::string("rl:") + block_kind_key(unit.kind));
  out += ">\n";
  // Translation candidates (mtc) come first: module elements precede <notes> in a unit.
  bool any_candidates = false;
  for (const auto& seg : unit.segments) {
    any_candidates = any_candidates || !seg.candidates.empty();
  }
  const auto data = original_data_of(unit);
  std::set<std::string> known_data;
  for (const auto& [id, value] : data) {
    known_data.insert(id);
  }
  if (any_candidates) {
    indent(out, kDepth + 1);
    out += "<mtc:matches>\n";
    for (const auto& seg : unit.segments) {
      int n = 0;
      for (const auto& c : seg.candidates) {
        indent(out, kDepth + 2);
        out += "<mtc:match";
        append_xml_attribute(out, "id", seg.id + "-m" + std::to_string(++n));
        if (!c.origin.empty()) {
          append_xml_attribute(out, "origin", c.origin);
        }
        append_xml_attribute(out, "ref", "#" + seg.id);
        char similarity[16];
        std::snprintf(similarity, sizeof similarity, "%.2f", c.similarity);
        append_xml_attribute(out, "similarity", similarity);
        append_xml_attribute(out, "type", "tm");
        out += ">\n";
        inline_element(out, kDepth + 3, "source", kNoAttributes,
                       [&] { write_content(out, c.source, options, {}); });
        inline_element(out, kDepth + 3, "target", kNoAttributes,
                       [&] { write_content(out, c.target, options, {}); });
        indent(out, kDepth + 2);
        out += "</mtc:match>\n";
      }
    }
    indent(out, kDepth + 1);
    out += "</mtc:matches>\n";
  }
  // Each value's kind and canonical form: XLIFF 2.0 allows extension attributes on <unit> but
  // not on <ph>, so they go in an extension element of the unit, keyed by placeholder id.
  const auto values = value_placeholders_of(unit);
  if (!values.empty()) {
    indent(out, kDepth + 1);
    out += "<rl:placeholders>\n";
    for (const auto* p : values) {
      indent(out, kDepth + 2);
      out += "<rl:ph";
      append_xml_attribute(out, "id", p->id);
      append_xml_attribute(out, "kind", placeholder_kind_key(p->kind));
      append_xml_attribute(out, "value", p->canonical);
      if (!p->format.empty()) {
        append_xml_attribute(out, "format", p->format);
      }
      out += " />\n";
    }
    indent(out, kDepth + 1);
    out += "</rl:placeholders>\n";
  }
  indent(out, kDepth + 1);
  out += "<notes>\n";
  inline_element(
      out, kDepth + 2, "note", [&] { append_xml_attribute(out, "category", "context"); },
      [&] { append_xml_text(out, unit_context_note(doc, unit)); });
  const std::string ph_note = placeholder_note(unit);
  if (!ph_note.empty()) {
    inline_element(
        out, kDepth + 2, "note", [&] { append_xml_attribute(out, "category", "placeholders"); },
        [&] { append_xml_text(out, ph_note); });
  }
  for (const auto& text : unit.notes) {
    inline_element(out, kDepth + 2, "note", kNoAttributes, [&] { append_xml_text(out, text); });
  }
  indent(out, kDepth + 1);
  out += "</notes>\n";
  if (!data.empty()) {
    indent(out, kDepth + 1);
    out += "<originalData>\n";
    for (const auto& entry : data) {  // not [id, value]: a lambda cannot capture those in C++17
      inline_element(
          out, kDepth + 2, "data", [&] { append_xml_attribute(out, "id", entry.first); },
          [&] { append_xml_text(out, entry.second); });
    }
    indent(out, kDepth + 1);
    out += "</originalData>\n";
  }
  for (const auto& seg : unit.segments) {
    indent(out, kDepth + 1);
    out += "<segment";
    append_xml_attribute(out, "id", seg.id);
    if (seg.target) {
      append_xml_attribute(out, "state", segment_state_key(seg.state));
    }
    out += ">\n";
    inline_element(out, kDepth + 2, "source", kNoAttributes,
                   [&] { write_content(out, seg.source, options, known_data); });
    if (seg.target) {
      inline_element(out, kDepth + 2, "target", kNoAttributes,
                     [&] { write_content(out, *seg.target, options, known_data); });
    }
    indent(out, kDepth + 1);
    out += "</segment>\n";
    if (!seg.space_after.empty()) {
      indent(out, kDepth + 1);
      out += "<ignorable>\n";
      inline_element(out, kDepth + 2, "source", kNoAttributes,
                     [&] { append_xml_text(out, seg.space_after); });
      indent(out, kDepth + 1);
      out += "</ignorable>\n";
    }
  }
  indent(out, kDepth);
  out += "</unit>\n";
}

}  // namespace

void append_xliff2_skeleton_part(std::string& skeleton_xml, const SkeletonPart& part) {
  constexpr int kDepth = 4;  // inside <xliff>, <file>, <skeleton> and <rl:skeleton>
  if (part.unit_id.empty()) {
    inline_element(skeleton_xml, kDepth, "rl:text", kNoAttributes,
                   [&] { append_xml_text(skeleton_xml, part.text); });
    return;
  }
  indent(skeleton_xml, kDepth);
  skeleton_xml += "<rl:unit";
  append_xml_attribute(skeleton_xml, "ref", part.unit_id);
  skeleton_xml += " />\n";
}

void write_xliff2_head(std::string& out, const Document& doc, std::string_view skeleton_xml) {
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff";
  append_xml_attribute(out, "xmlns", kXliff2Namespace);
  append_xml_attribute(out, "xmlns:mtc", kMatchesNamespace);
  append_xml_attribute(out, "xmlns:rl", kRelocaleNamespace);
  append_xml_attribute(out, "version", "2.0");
  append_xml_attribute(out, "srcLang", doc.source_lang);
  if (!doc.target_lang.empty()) {
    append_xml_attribute(out, "trgLang", doc.target_lang);
  }
  out += ">\n  <file";
  append_xml_attribute(out, "id", "f1");
  append_xml_attribute(out, "original", doc.source_file);
  // The skeleton rebuilds the release around its units, byte for byte.
  out += ">\n    <skeleton>\n      <rl:skeleton";
  append_xml_attribute(out, "date", doc.date);
  append_xml_attribute(out, "format", doc.format);
  append_xml_attribute(out, "release", doc.release);
  if (!doc.title.empty()) {
    append_xml_attribute(out, "title", doc.title);
  }
  if (!doc.extraction_key.empty()) {
    append_xml_attribute(out, "key", doc.extraction_key);
  }
  append_xml_attribute(out, "xml:space", "preserve");
  if (skeleton_xml.empty() && doc.source_warnings.empty()) {
    out += " />\n";
  } else {
    out += ">\n";
    out += skeleton_xml;
    // extract's warnings about the text, given again when the source side is taken from here.
    for (const auto& warning : doc.source_warnings) {
      inline_element(
          out, 4, "rl:warning",
          [&] {
            append_xml_attribute(out, "unit", warning.unit_id);
            append_xml_attribute(out, "doubt", warning.doubt);
          },
          [&] { append_xml_text(out, warning.text); });
    }
    out += "      </rl:skeleton>\n";
  }
  out += "    </skeleton>\n    <notes>\n";
  inline_element(
      out, 3, "note", [&] { append_xml_attribute(out, "category", "release"); },
      [&] {
        append_xml_text(out, subst(tr("Release \"{1}\" ({2}), dated {3}: {4}"),
                                   {doc.release, doc.source_file, doc.date.empty() ? "-" : doc.date,
                                    doc.title}));
      });
  out += "    </notes>\n";
}

void write_xliff2_units(const Document& doc, const XliffWriteOptions& options,
                        const XliffSink& sink) {
  // Written one at a time straight into the text and handed on in pieces of about 64 KB: a big
  // release's XLIFF is never held whole.
  constexpr size_t kPiece = 1 << 16;
  thread_local std::string out;  // its buffer kept: 1,000 releases make 2,000 files
  out.clear();
  for (const auto& unit : doc.units) {
    write_unit(out, doc, unit, options);
    if (out.size() >= kPiece) {
      sink(out);
      out.clear();
    }
  }
  if (!out.empty()) {
    sink(out);
  }
}

void append_xliff2_skeleton(std::string& skeleton_xml, const std::vector<SkeletonPart>& parts) {
  for (const auto& part : parts) {
    append_xliff2_skeleton_part(skeleton_xml, part);
  }
}

void write_xliff2_tail(std::string& out) {
  out += "  </file>\n</xliff>\n";
}

void write_xliff2(const Document& doc, const XliffWriteOptions& options, const XliffSink& sink) {
  std::string out;
  {
    std::string skeleton_xml;
    append_xliff2_skeleton(skeleton_xml, doc.skeleton);
    write_xliff2_head(out, doc, skeleton_xml);
  }
  sink(out);
  write_xliff2_units(doc, options, sink);
  out.clear();
  write_xliff2_tail(out);
  sink(out);
}

std::string write_xliff2(const Document& doc, const XliffWriteOptions& options) {
  std::string out;
  write_xliff2(doc, options, [&out](std::string_view piece) { out += piece; });
  return out;
}

// ---- reading ----------------------------------------------------------------------------------

// Reads a whole file's tree (read) or its parts parsed one at a time (Xliff2PartReader).
class Xliff2Reader {
 public:
  explicit Xliff2Reader(std::string file_name) : file_(std::move(file_name)) {}

  /// The text the next nodes were parsed from, and the line of the file it starts on.
  void use_text(std::string_view text, int first_line) {
    text_ = text;
    first_line_ = first_line;
  }

  Document read(const pugi::xml_node& root) {
    Document doc;
    doc.source_lang = root.attribute("srcLang").value();
    doc.target_lang = root.attribute("trgLang").value();
    if (doc.source_lang.empty()) {
      fail(root, tr("<xliff> has no srcLang attribute"));
    }
    pugi::xml_node file;
    for (auto child : root.children()) {
      if (local_name(child) == "file") {
        if (file) {
          fail(child, tr("more than one <file>: relocale writes one release per XLIFF file"));
        }
        file = child;
      }
    }
    if (!file) {
      fail(root, tr("<xliff> has no <file>"));
    }
    doc.source_file = file.attribute("original").value();
    read_units(file, doc);
    return doc;
  }

 private:
  [[noreturn]] void fail(const pugi::xml_node& node, const std::string& message,
                         const std::string& unit = "") const {
    throw Error(Location{file_, line(node), 0, unit}, message);
  }

  // The node's line in the file (0 when unknown).
  int line(const pugi::xml_node& node) const {
    const int in_text = line_of(node, text_);
    return in_text == 0 ? 0 : in_text + first_line_ - 1;
  }

 public:
  void read_skeleton(const pugi::xml_node& skeleton, Document& doc) {
    for (auto child : skeleton.children()) {
      if (local_name(child) != "skeleton") {
        continue;
      }
      read_skeleton_attributes(child, doc);
      for (auto piece : child.children()) {
        read_skeleton_piece(piece, doc);
      }
    }
  }

  // <rl:skeleton>'s attributes: the release's header fields.
  static void read_skeleton_attributes(const pugi::xml_node& skeleton, Document& doc) {
    doc.date = skeleton.attribute("date").value();
    doc.format = skeleton.attribute("format").value();
    doc.release = skeleton.attribute("release").value();
    doc.title = skeleton.attribute("title").value();
    doc.extraction_key = skeleton.attribute("key").value();
  }

  // One child of <rl:skeleton>: text between units, a unit's place, or an extract warning.
  static void read_skeleton_piece(const pugi::xml_node& piece, Document& doc) {
    const auto name = local_name(piece);
    if (name == "text") {
      doc.skeleton.push_back({piece.text().get(), ""});
    } else if (name == "unit") {
      doc.skeleton.push_back({"", piece.attribute("ref").value()});
    } else if (name == "warning") {
      doc.source_warnings.push_back(
          {piece.attribute("unit").value(), piece.attribute("doubt").value(), piece.text().get()});
    }
  }

  // Units may sit in <group>s when a CAT tool restructured the file.
  void read_units(const pugi::xml_node& container, Document& doc) {
    for (auto child : container.children()) {
      const auto name = local_name(child);
      if (name == "skeleton") {
        read_skeleton(child, doc);
      } else if (name == "group") {
        read_units(child, doc);
      } else if (name == "unit") {
        doc.units.push_back(read_unit(child));
      }
    }
  }

  Unit read_unit(const pugi::xml_node& node) {
    Unit unit;
    unit.id = node.attribute("id").value();
    unit.line = line(node);
    if (unit.id.empty()) {
      fail(node, tr("<unit> has no id"));
    }
    if (!unit_ids_.insert(unit.id).second) {
      fail(node, subst(tr("duplicate unit id \"{1}\""), {unit.id}), unit.id);
    }
    const std::string type = node.attribute("type").value();
    if (type.rfind("rl:", 0) == 0) {
      if (auto kind = block_kind_from_key(type.substr(3))) {
        unit.kind = *kind;
      }
    }
    const std::string name = node.attribute("name").value();
    const auto dash = name.rfind('-');
    if (dash != std::string::npos) {
      unit.position = std::atoi(name.c_str() + dash + 1);
    }
    data_.clear();
    values_.clear();
    for (auto original : node.children()) {
      if (local_name(original) == "placeholders") {
        for (auto item : original.children()) {
          if (local_name(item) == "ph") {
            values_[item.attribute("id").value()] = {item.attribute("kind").value(),
                                                     item.attribute("value").value(),
                                                     item.attribute("format").value()};
          }
        }
      }
      if (local_name(original) == "originalData") {
        for (auto d : original.children("data")) {
          data_[d.attribute("id").value()] = d.text().get();
        }
      }
    }
    std::set<std::string> segment_ids;
    for (auto child : node.children()) {
      const auto name_here = local_name(child);
      if (name_here == "segment") {
        Segment seg;
        seg.id = child.attribute("id").value();
        seg.line = line(child);
        if (seg.id.empty()) {
          fail(child, tr("<segment> has no id: relocale needs the ids it wrote"), unit.id);
        }
        if (!segment_ids.insert(seg.id).second) {
          fail(child, subst(tr("duplicate segment id \"{1}\""), {seg.id}), unit.id);
        }
        const std::string state = child.attribute("state").value();
        for (auto part : child.children()) {
          if (local_name(part) == "source") {
            seg.source = read_content(part);
          } else if (local_name(part) == "target") {
            seg.target = read_content(part);
          }
        }
        if (!state.empty()) {
          const auto s = segment_state_from_key(state);
          if (!s) {
            fail(
                child,
                subst(tr("unknown state \"{1}\" (expected initial, translated, reviewed or final)"),
                      {state}),
                unit.id);
          }
          seg.state = *s;
        } else if (seg.target) {
          seg.state = SegmentState::initial;  // the spec's default state is "initial"
        }
        unit.segments.push_back(std::move(seg));
      } else if (name_here == "ignorable") {
        std::string space;
        for (auto part : child.children()) {
          if (local_name(part) == "source") {
            space = source_form(read_content(part));
          }
        }
        if (unit.segments.empty()) {
          continue;  // leading white space is not part of our units
        }
        unit.segments.back().space_after += space;
      } else if (name_here == "notes") {
        for (auto note : child.children("note")) {
          const std::string category = note.attribute("category").value();
          if (category != "context" && category != "placeholders") {
            unit.notes.push_back(note.text().get());
          }
        }
      }
    }
    restore_placeholder_values(unit);
    return unit;
  }

 private:
  // Reads inline content: text, ph, pc, sc/ec; mrk, sm/em and unknown elements are transparent
  // (their text is kept, the annotation dropped).
  Content read_content(const pugi::xml_node& node) {
    // Room for a run per child at once: growing the vector run by run moved every run (144
    // bytes each) several times over in a long segment.
    size_t children = 0;
    for ([[maybe_unused]] auto child : node.children()) {
      ++children;
    }
    Content out;
    out.reserve(children);
    read_inline(node, out);
    return out;
  }

  void read_inline(const pugi::xml_node& node, Content& out) {
    for (auto child : node.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        append_text(out, child.value());
        continue;
      }
      if (child.type() != pugi::node_element) {
        continue;
      }
      const auto name = local_name(child);
      if (name == "ph") {
        out.emplace_back(read_placeholder(child));
      } else if (name == "pc") {
        const std::string id = child.attribute("id").value();
        out.emplace_back(
            CodeStart{id, data_of(child.attribute("dataRefStart").value()), code_kind(child)});
        read_inline(child, out);
        out.emplace_back(CodeEnd{id, data_of(child.attribute("dataRefEnd").value())});
      } else if (name == "sc") {
        out.emplace_back(CodeStart{child.attribute("id").value(),
                                   data_of(child.attribute("dataRef").value()), code_kind(child)});
      } else if (name == "ec") {
        std::string id = child.attribute("startRef").value();
        if (id.empty()) {
          id = child.attribute("id").value();
        }
        out.emplace_back(CodeEnd{id, data_of(child.attribute("dataRef").value())});
      } else if (name == "sm" || name == "em") {
        continue;
      } else {
        read_inline(child, out);  // <mrk> and other tools' annotations: keep the text
      }
    }
  }

  std::string data_of(std::string_view ref) const {
    const auto it = data_.find(ref);
    return it == data_.end() ? "" : it->second;
  }

  static std::string code_kind(const pugi::xml_node& node) {
    const std::string_view type = node.attribute("type").value();
    const std::string_view sub = node.attribute("subType").value();
    if (type == "link") {
      return "link";
    }
    return sub == "xlf:b" ? "strong" : sub == "xlf:i" ? "emphasis" : "code";
  }

  Placeholder read_placeholder(const pugi::xml_node& node) {
    Placeholder p;
    p.id = node.attribute("id").value();
    p.source_text = data_of(node.attribute("dataRef").value());
    const std::string sub = node.attribute("subType").value();
    const auto value = values_.find(p.id);
    if (sub == "xlf:lb") {
      p.kind = PlaceholderKind::line_break;
      p.canonical = "\n";
    } else if (value != values_.end()) {
      p.kind = placeholder_kind_from_key(value->second.kind).value_or(PlaceholderKind::code);
      p.canonical = value->second.value;
      p.format = value->second.format;
    } else if (sub.rfind("rl:", 0) == 0) {
      // Without our extension element (a tool dropped it, or an older file with the value on
      // the <ph> itself), the kind comes from subType and the value from the source's twin.
      p.kind = placeholder_kind_from_key(sub.substr(3)).value_or(PlaceholderKind::code);
      p.canonical = node.attribute("rl:value").value();
      p.format = node.attribute("rl:format").value();
    } else {
      p.kind = PlaceholderKind::code;
      if (p.canonical.empty()) {
        p.canonical = p.source_text;
      }
    }
    return p;
  }

  // A CAT tool may drop our rl: attributes: placeholders in targets take their value from the
  // source placeholder with the same id, which is the one relocale wrote.
  static void restore_placeholder_values(Unit& unit) {
    std::map<std::string, Placeholder> by_id;
    for (const auto& seg : unit.segments) {
      for (const auto* p : placeholders_of(seg.source)) {
        by_id[p->id] = *p;
      }
    }
    for (auto& seg : unit.segments) {
      auto fix = [&](Content& content) {
        for (auto& run : content) {
          if (auto* p = std::get_if<Placeholder>(&run)) {
            const auto it = by_id.find(p->id);
            if (it != by_id.end() && (p->canonical.empty() || p->source_text.empty())) {
              *p = it->second;
            }
          }
        }
      };
      if (seg.target) {
        fix(*seg.target);
      }
    }
  }

  std::string_view text_;
  int first_line_ = 1;
  std::string file_;
  std::set<std::string> unit_ids_;  // ids of the units read so far, for duplicates
  std::map<std::string, std::string, std::less<>> data_;  // by id; looked up without a copy
  struct ValueInfo {
    std::string kind, value, format;
  };
  std::map<std::string, ValueInfo, std::less<>> values_;  // rl:placeholders of the current unit
};

Document read_xliff2(const pugi::xml_document& xml, std::string_view text,
                     const std::string& file_name) {
  const auto root = xml.document_element();
  const std::string ns = root.attribute("xmlns").value();
  if (!ns.empty() && ns != kXliff2Namespace) {
    throw Error(
        Location{file_name, line_of(root, text), 0},
        subst(tr("the <xliff> namespace is \"{1}\", expected \"{2}\""), {ns, kXliff2Namespace}));
  }
  Xliff2Reader reader(file_name);
  reader.use_text(text, 1);
  return reader.read(root);
}

Xliff2PartReader::Xliff2PartReader(std::string file_name)
    : reader_(std::make_unique<Xliff2Reader>(std::move(file_name))) {}

Xliff2PartReader::~Xliff2PartReader() = default;

void Xliff2PartReader::read_skeleton_attributes(const pugi::xml_node& skeleton, Document& header) {
  Xliff2Reader::read_skeleton_attributes(skeleton, header);
}

void Xliff2PartReader::read_skeleton_piece(const pugi::xml_node& piece, Document& header) {
  Xliff2Reader::read_skeleton_piece(piece, header);
}

Unit Xliff2PartReader::read_unit(const pugi::xml_node& unit, std::string_view text,
                                 int first_line) {
  reader_->use_text(text, first_line);
  return reader_->read_unit(unit);
}

}  // namespace relocale
