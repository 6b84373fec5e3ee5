// XLIFF 1.2 writer and reader (OASIS XLIFF Version 1.2, strict schema).
#include "relocale/xliff/xliff12.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "relocale/base/error.h"
#include "relocale/base/i18n.h"
#include "relocale/base/xml_output.h"
#include "relocale/xliff/unit_notes.h"

namespace relocale {

namespace {

// The strict 1.2 schema accepts attributes and elements of other namespaces only when a schema
// declares them (processContents="strict"), so everything relocale needs beyond 1.2 goes into
// <context> elements with x- context-types, and the skeleton into <internal-file> as text.
constexpr const char* kContextGroup = "x-relocale";
constexpr const char* kSegmentsContext = "x-rl-segments";
constexpr const char* kPlaceholderContext = "x-rl-ph-";
constexpr const char* kCodeContext = "x-rl-code-";
constexpr const char* kSkeletonForm = "application/x-relocale-skeleton";

// ---- small encodings --------------------------------------------------------------------------

// Fields joined by '|', each with '%' and '|' escaped, so any text fits.
std::string escape_field(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%') {
      out += "%25";
    } else if (c == '|') {
      out += "%7C";
    } else {
      out += c;
    }
  }
  return out;
}

std::string join_fields(std::initializer_list<std::string> fields) {
  std::string out;
  bool first = true;
  for (const auto& f : fields) {
    if (!first) {
      out += '|';
    }
    first = false;
    out += escape_field(f);
  }
  return out;
}

std::vector<std::string> split_fields(const std::string& s) {
  std::vector<std::string> out(1);
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '|') {
      out.emplace_back();
    } else if (s.compare(i, 3, "%25") == 0) {
      out.back() += '%';
      i += 2;
    } else if (s.compare(i, 3, "%7C") == 0) {
      out.back() += '|';
      i += 2;
    } else {
      out.back() += s[i];
    }
  }
  return out;
}

// The skeleton as records "<key><byte length>:<bytes>": R release, D date, N title, K extraction
// key, T literal text, U unit id, W a warning of extract's about the text (its unit id, its doubt
// and the text as written, each ended by a line end but the last). Lengths make it exact for any
// bytes, white space included.
void append_record(std::string& out, char key, const std::string& value) {
  out += key;
  out += std::to_string(value.size());
  out += ':';
  out += value;
}

std::string encode_skeleton(const Document& doc) {
  std::string out;
  append_record(out, 'R', doc.release);
  append_record(out, 'D', doc.date);
  append_record(out, 'N', doc.title);
  if (!doc.extraction_key.empty()) {
    append_record(out, 'K', doc.extraction_key);
  }
  for (const auto& part : doc.skeleton) {
    if (part.unit_id.empty()) {
      append_record(out, 'T', part.text);
    } else {
      append_record(out, 'U', part.unit_id);
    }
  }
  for (const auto& warning : doc.source_warnings) {
    append_record(out, 'W', warning.unit_id + "\n" + warning.doubt + "\n" + warning.text);
  }
  return out;
}

// ---- writing ----------------------------------------------------------------------------------

const char* delimiter_ctype(const std::string& kind) {
  if (kind == "strong") {
    return "bold";
  }
  if (kind == "emphasis") {
    return "italic";
  }
  if (kind == "link") {
    return "link";
  }
  return "x-rl-code";
}

std::string code_kind_of(const std::string& ctype) {
  if (ctype == "bold") {
    return "strong";
  }
  if (ctype == "italic") {
    return "emphasis";
  }
  if (ctype == "link") {
    return "link";
  }
  return "code";
}

// Same trick as the 2.0 writer: an empty text node before an inline element that follows an
// element, and first and last in every container, keeps pugixml's indentation out of content.
pugi::xml_node append_inline(pugi::xml_node container, const char* name) {
  if (container.last_child().type() != pugi::node_pcdata) {
    container.append_child(pugi::node_pcdata);
  }
  return container.append_child(name);
}

class Writer12 {
 public:
  explicit Writer12(const XliffWriteOptions& options) : options_(options) {}

  void content(pugi::xml_node parent, const Content& runs) {
    const auto nested = well_nested_code_pairs(runs);
    parent.append_child(pugi::node_pcdata);
    std::vector<pugi::xml_node> stack{parent};
    for (const auto& run : runs) {
      pugi::xml_node here = stack.back();
      if (const auto* s = std::get_if<std::string>(&run)) {
        here.append_child(pugi::node_pcdata).set_value(s->c_str());
      } else if (const auto* p = std::get_if<Placeholder>(&run)) {
        auto x = append_inline(here, "x");
        x.append_attribute("id") = p->id.c_str();
        if (p->kind == PlaceholderKind::line_break) {
          x.append_attribute("ctype") = "lb";
          x.append_attribute("equiv-text") = "\n";
        } else {
          x.append_attribute("ctype") =
              (std::string("x-rl-") + placeholder_kind_key(p->kind)).c_str();
          const bool value = p->kind != PlaceholderKind::code;
          const std::string shown =
              value && options_.display ? options_.display(*p) : p->source_text;
          x.append_attribute("equiv-text") = shown.c_str();
        }
      } else if (const auto* b = std::get_if<CodeStart>(&run)) {
        if (nested.count(b->id)) {
          auto g = append_inline(here, "g");
          g.append_attribute("id") = b->id.c_str();
          g.append_attribute("ctype") = delimiter_ctype(b->kind);
          g.append_child(pugi::node_pcdata);
          stack.push_back(g);
        } else {
          auto bx = append_inline(here, "bx");
          bx.append_attribute("id") = b->id.c_str();
          bx.append_attribute("rid") = b->id.c_str();
          bx.append_attribute("ctype") = delimiter_ctype(b->kind);
        }
      } else if (const auto* e = std::get_if<CodeEnd>(&run)) {
        if (nested.count(e->id) && stack.size() > 1) {
          stack.back().append_child(pugi::node_pcdata);
          stack.pop_back();
        } else {
          auto ex = append_inline(here, "ex");
          ex.append_attribute("id") = (e->id + "e").c_str();
          ex.append_attribute("rid") = e->id.c_str();
        }
      }
    }
    parent.append_child(pugi::node_pcdata);
  }

  // <seg-source> or <target>: each segment in its <mrk mtype="seg">, the white space between.
  void segmented(pugi::xml_node parent, const Unit& unit, bool target) {
    parent.append_child(pugi::node_pcdata);
    for (const auto& seg : unit.segments) {
      auto mrk = append_inline(parent, "mrk");
      mrk.append_attribute("mid") = seg.id.c_str();
      mrk.append_attribute("mtype") = "seg";
      if (!target) {
        content(mrk, seg.source);
      } else if (seg.target) {
        content(mrk, *seg.target);
      } else if (options_.cat_profile == "trados" || options_.cat_profile == "memoq") {
        content(mrk, seg.source);  // the tools' "copy source to target" habit
      } else {
        content(mrk, {});
      }
      if (!seg.space_after.empty()) {
        parent.append_child(pugi::node_pcdata).set_value(seg.space_after.c_str());
      }
    }
    parent.append_child(pugi::node_pcdata);
  }

 private:
  const XliffWriteOptions& options_;
};

Content whole_source(const Unit& unit) {
  Content all;
  for (const auto& seg : unit.segments) {
    for (const auto& run : seg.source) {
      if (const auto* s = std::get_if<std::string>(&run)) {
        append_text(all, *s);
      } else {
        all.push_back(run);
      }
    }
    append_text(all, seg.space_after);
  }
  return all;
}

void add_context(pugi::xml_node group, const std::string& type, const std::string& value) {
  auto c = group.append_child("context");
  c.append_attribute("context-type") = type.c_str();
  c.append_child(pugi::node_pcdata).set_value(value.c_str());
}

}  // namespace

const char* xliff12_state_of(SegmentState state, bool has_text) {
  switch (state) {
  case SegmentState::initial:
    return has_text ? "needs-review-translation" : "needs-translation";
  case SegmentState::translated:
    return "translated";
  case SegmentState::reviewed:
    return "signed-off";
  case SegmentState::final:
    return "final";
  }
  return "needs-translation";
}

std::optional<SegmentState> segment_state_from_xliff12(const std::string& state, bool approved) {
  static const std::set<std::string> initial{"new",
                                             "needs-translation",
                                             "needs-adaptation",
                                             "needs-l10n",
                                             "needs-review-translation",
                                             "needs-review-adaptation",
                                             "needs-review-l10n"};
  if (state.empty()) {
    return approved ? SegmentState::translated : SegmentState::initial;
  }
  if (initial.count(state) || state.rfind("x-", 0) == 0) {
    return SegmentState::initial;
  }
  if (state == "translated") {
    return SegmentState::translated;
  }
  if (state == "signed-off") {
    return SegmentState::reviewed;
  }
  if (state == "final") {
    return SegmentState::final;
  }
  return std::nullopt;
}

std::string write_xliff12(const Document& doc, const XliffWriteOptions& options) {
  Writer12 writer(options);
  pugi::xml_document xml;
  auto decl = xml.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto root = xml.append_child("xliff");
  root.append_attribute("version") = "1.2";
  root.append_attribute("xmlns") = kXliff12Namespace;
  auto file = root.append_child("file");
  file.append_attribute("original") = doc.source_file.c_str();
  file.append_attribute("source-language") = doc.source_lang.c_str();
  if (!doc.target_lang.empty()) {
    file.append_attribute("target-language") = doc.target_lang.c_str();
  }
  file.append_attribute("datatype") = (doc.format == "txt" ? "x-relocale-txt" : "x-relocale-md");
  file.append_attribute("tool-id") = "relocale";
  auto header = file.append_child("header");
  auto internal = header.append_child("skl").append_child("internal-file");
  internal.append_attribute("form") = kSkeletonForm;
  internal.append_child(pugi::node_pcdata).set_value(encode_skeleton(doc).c_str());
  auto tool = header.append_child("tool");
  tool.append_attribute("tool-id") = "relocale";
  tool.append_attribute("tool-name") = "relocale";
  auto release_note = header.append_child("note");
  release_note.append_attribute("from") = "relocale";
  release_note.append_child(pugi::node_pcdata)
      .set_value(subst(tr("Release \"{1}\" ({2}), dated {3}: {4}"),
                       {doc.release, doc.source_file, doc.date.empty() ? "-" : doc.date, doc.title})
                     .c_str());
  auto body = file.append_child("body");
  for (const auto& unit : doc.units) {
    auto tu = body.append_child("trans-unit");
    tu.append_attribute("id") = unit.id.c_str();
    SegmentState least = SegmentState::final;
    bool any_target = false;
    bool any_text = false;
    for (const auto& seg : unit.segments) {
      if (seg.target) {
        any_target = true;
        any_text = any_text || !seg.target->empty();
        least = std::min(least, seg.state);
      } else {
        least = SegmentState::initial;
      }
    }
    const bool prefill = options.cat_profile == "trados" || options.cat_profile == "memoq";
    // OmegaT's Okapi filter expects an (empty) <target> to fill; Trados and memoQ workflows a copy
    // of the source (docs/cat-tools.md).
    const bool write_target = any_target || prefill || options.cat_profile == "omegat";
    if (write_target && least >= SegmentState::reviewed) {
      tu.append_attribute("approved") = "yes";
    }
    tu.append_attribute("resname") =
        (std::string(block_kind_key(unit.kind)) + "-" + std::to_string(unit.position)).c_str();
    tu.append_attribute("xml:space") = "preserve";
    writer.content(tu.append_child("source"), whole_source(unit));
    writer.segmented(tu.append_child("seg-source"), unit, false);
    if (write_target) {
      auto target = tu.append_child("target");
      if (!doc.target_lang.empty()) {
        target.append_attribute("xml:lang") = doc.target_lang.c_str();
      }
      target.append_attribute("state") = xliff12_state_of(least, any_text || prefill);
      writer.segmented(target, unit, true);
    }
    // What the schema has no attribute for: placeholders' values and codes' markup (from the
    // source, where every id appears), and each segment's own state ("-": no target).
    auto group = tu.append_child("context-group");
    // The schema wants group names unique in the file: the unit id makes them so.
    group.append_attribute("name") = (std::string(kContextGroup) + "-" + unit.id).c_str();
    group.append_attribute("purpose") = "information";
    std::string states;
    std::map<std::string, std::pair<const CodeStart*, const CodeEnd*>> codes;
    for (const auto& seg : unit.segments) {
      states += (states.empty() ? "" : " ") + seg.id + "=" +
                (seg.target ? segment_state_key(seg.state) : "-");
    }
    add_context(group, kSegmentsContext, states);
    for (const auto& seg : unit.segments) {
      for (const auto& run : seg.source) {
        if (const auto* p = std::get_if<Placeholder>(&run)) {
          add_context(group, kPlaceholderContext + p->id,
                      join_fields({placeholder_kind_key(p->kind), p->format, p->canonical,
                                   p->source_text}));
        } else if (const auto* b = std::get_if<CodeStart>(&run)) {
          codes[b->id].first = b;
        } else if (const auto* e = std::get_if<CodeEnd>(&run)) {
          codes[e->id].second = e;
        }
      }
    }
    for (const auto& [id, pair] : codes) {
      add_context(group, kCodeContext + id,
                  join_fields({pair.first ? pair.first->kind : "code",
                               pair.first ? pair.first->original : "",
                               pair.second ? pair.second->original : ""}));
    }
    auto context = tu.append_child("note");
    context.append_attribute("from") = "relocale";
    context.append_child(pugi::node_pcdata).set_value(unit_context_note(doc, unit).c_str());
    const std::string ph_note = placeholder_note(unit);
    if (!ph_note.empty()) {
      auto n = tu.append_child("note");
      n.append_attribute("from") = "relocale";
      n.append_child(pugi::node_pcdata).set_value(ph_note.c_str());
    }
    for (const auto& text : unit.notes) {
      tu.append_child("note").append_child(pugi::node_pcdata).set_value(text.c_str());
    }
    for (const auto& seg : unit.segments) {
      for (const auto& c : seg.candidates) {
        auto alt = tu.append_child("alt-trans");
        alt.append_attribute("mid") = seg.id.c_str();
        char quality[16];
        std::snprintf(quality, sizeof quality, "%.2f", c.similarity);
        alt.append_attribute("match-quality") = quality;
        if (!c.origin.empty()) {
          alt.append_attribute("origin") = c.origin.c_str();
        }
        writer.content(alt.append_child("source"), c.source);
        writer.content(alt.append_child("target"), c.target);
      }
    }
  }
  return xml_to_string(xml);
}

// ---- reading ----------------------------------------------------------------------------------

namespace {

class Xliff12Reader {
 public:
  Xliff12Reader(std::string_view text, std::string file_name)
      : text_(text), file_(std::move(file_name)) {}

  Document read(const pugi::xml_node& root) {
    Document doc;
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
    doc.source_lang = file.attribute("source-language").value();
    doc.target_lang = file.attribute("target-language").value();
    if (doc.source_lang.empty()) {
      fail(file, tr("<file> has no source-language attribute"));
    }
    const std::string datatype = file.attribute("datatype").value();
    doc.format = datatype == "x-relocale-txt" ? "txt" : datatype == "x-relocale-md" ? "md" : "";
    for (auto child : file.children()) {
      const auto name = local_name(child);
      if (name == "header") {
        read_header(child, doc);
      } else if (name == "body") {
        read_units(child, doc);
      }
    }
    return doc;
  }

 private:
  [[noreturn]] void fail(const pugi::xml_node& node, const std::string& message,
                         const std::string& unit = "") const {
    throw Error(Location{file_, line_of(node, text_), 0, unit}, message);
  }

  void read_header(const pugi::xml_node& header, Document& doc) {
    for (auto skl : header.children()) {
      if (local_name(skl) != "skl") {
        continue;
      }
      for (auto internal : skl.children()) {
        if (local_name(internal) == "internal-file" &&
            std::string(internal.attribute("form").value()) == kSkeletonForm) {
          decode_skeleton(internal, doc);
        }
      }
    }
  }

  void decode_skeleton(const pugi::xml_node& node, Document& doc) {
    const std::string s = node.text().get();
    size_t i = 0;
    while (i < s.size()) {
      const char key = s[i];
      const size_t colon = s.find(':', i + 1);
      size_t length = 0;
      bool ok = colon != std::string::npos && colon > i + 1;
      for (size_t k = i + 1; ok && k < colon; ++k) {
        ok = s[k] >= '0' && s[k] <= '9';
        length = length * 10 + static_cast<size_t>(s[k] - '0');
      }
      if (!ok || colon + 1 + length > s.size()) {
        fail(node, subst(tr("the skeleton in <internal-file> is damaged at byte {1}"),
                         {std::to_string(i)}));
      }
      const std::string value = s.substr(colon + 1, length);
      switch (key) {
      case 'R':
        doc.release = value;
        break;
      case 'D':
        doc.date = value;
        break;
      case 'N':
        doc.title = value;
        break;
      case 'K':
        doc.extraction_key = value;
        break;
      case 'T':
        doc.skeleton.push_back({value, ""});
        break;
      case 'U':
        doc.skeleton.push_back({"", value});
        break;
      case 'W': {
        // Unit id and doubt end at a line end each; the text, last, may hold any bytes.
        std::string_view rest = value;
        std::string fields[2];
        for (auto& field : fields) {
          const size_t line_end = std::min(rest.find('\n'), rest.size());
          field = std::string(rest.substr(0, line_end));
          rest.remove_prefix(std::min(line_end + 1, rest.size()));
        }
        doc.source_warnings.push_back({fields[0], fields[1], std::string(rest)});
        break;
      }
      default:
        // A record of a newer relocale (an upper-case key, framed by its length like the others)
        // is skipped; anything else means the text was damaged.
        if (key < 'A' || key > 'Z') {
          fail(node, subst(tr("the skeleton in <internal-file> is damaged at byte {1}"),
                           {std::to_string(i)}));
        }
      }
      i = colon + 1 + length;
    }
  }

  // Units may sit in <group>s when a CAT tool restructured the file.
  void read_units(const pugi::xml_node& container, Document& doc) {
    for (auto child : container.children()) {
      const auto name = local_name(child);
      if (name == "group") {
        read_units(child, doc);
      } else if (name == "trans-unit") {
        read_unit(child, doc);
      }
    }
  }

  static pugi::xml_node child_named(const pugi::xml_node& node, std::string_view name) {
    for (auto child : node.children()) {
      if (child.type() == pugi::node_element && local_name(child) == name) {
        return child;
      }
    }
    return {};
  }

  static bool is_seg_mrk(const pugi::xml_node& node) {
    return node.type() == pugi::node_element && local_name(node) == "mrk" &&
           std::string(node.attribute("mtype").value()) == "seg";
  }

  void read_context(const pugi::xml_node& tu,
                    std::vector<std::pair<std::string, std::string>>& segment_states) {
    placeholders_.clear();
    codes_.clear();
    for (auto group : tu.children()) {
      if (local_name(group) != "context-group" ||
          std::string(group.attribute("name").value()).rfind(kContextGroup, 0) != 0) {
        continue;
      }
      for (auto c : group.children()) {
        const std::string type = c.attribute("context-type").value();
        const std::string value = c.text().get();
        if (type == kSegmentsContext) {
          std::istringstream in(value);
          std::string item;
          while (in >> item) {
            const auto eq = item.rfind('=');
            if (eq != std::string::npos) {
              segment_states.emplace_back(item.substr(0, eq), item.substr(eq + 1));
            }
          }
        } else if (type.rfind(kPlaceholderContext, 0) == 0) {
          const auto f = split_fields(value);
          Placeholder p;
          p.id = type.substr(std::string(kPlaceholderContext).size());
          p.kind = placeholder_kind_from_key(f[0]).value_or(PlaceholderKind::code);
          p.format = f.size() > 1 ? f[1] : "";
          p.canonical = f.size() > 2 ? f[2] : "";
          p.source_text = f.size() > 3 ? f[3] : "";
          placeholders_[p.id] = p;
        } else if (type.rfind(kCodeContext, 0) == 0) {
          const auto f = split_fields(value);
          const std::string id = type.substr(std::string(kCodeContext).size());
          codes_[id] = {f[0], f.size() > 1 ? f[1] : "", f.size() > 2 ? f[2] : ""};
        }
      }
    }
  }

  void read_unit(const pugi::xml_node& tu, Document& doc) {
    Unit unit;
    unit.id = tu.attribute("id").value();
    unit.line = line_of(tu, text_);
    if (unit.id.empty()) {
      fail(tu, tr("<trans-unit> has no id"));
    }
    if (!unit_ids_.insert(unit.id).second) {
      fail(tu, subst(tr("duplicate unit id \"{1}\""), {unit.id}), unit.id);
    }
    const std::string resname = tu.attribute("resname").value();
    const auto dash = resname.rfind('-');
    if (dash != std::string::npos) {
      if (auto kind = block_kind_from_key(resname.substr(0, dash))) {
        unit.kind = *kind;
      }
      unit.position = std::atoi(resname.c_str() + dash + 1);
    }
    std::vector<std::pair<std::string, std::string>> recorded;
    read_context(tu, recorded);
    const auto source = child_named(tu, "source");
    const auto seg_source = child_named(tu, "seg-source");
    const auto target = child_named(tu, "target");
    if (!source) {
      fail(tu, tr("<trans-unit> has no <source>"), unit.id);
    }
    // Segments: from <seg-source>, or the whole <source> when a tool dropped it from a unit of
    // one segment (the count is known from our context record).
    std::set<std::string> ids;
    if (seg_source) {
      for (auto child : seg_source.children()) {
        if (is_seg_mrk(child)) {
          Segment seg;
          seg.id = child.attribute("mid").value();
          seg.line = line_of(child, text_);
          if (seg.id.empty()) {
            fail(child, tr("<mrk mtype=\"seg\"> has no mid: relocale needs the ids it wrote"),
                 unit.id);
          }
          if (!ids.insert(seg.id).second) {
            fail(child, subst(tr("duplicate segment id \"{1}\""), {seg.id}), unit.id);
          }
          seg.source = read_content(child);
          unit.segments.push_back(std::move(seg));
        } else if (child.type() == pugi::node_pcdata && !unit.segments.empty()) {
          unit.segments.back().space_after += child.value();
        }
      }
    } else {
      if (recorded.size() > 1) {
        fail(tu,
             subst(tr("the unit has {1} segments but no <seg-source>: the tool that wrote this "
                      "file dropped the segmentation relocale needs (see docs/cat-tools.md)"),
                   {std::to_string(recorded.size())}),
             unit.id);
      }
      Segment seg;
      seg.id = recorded.empty() ? "s1" : recorded[0].first;
      seg.line = line_of(source, text_);
      seg.source = read_content(source);
      unit.segments.push_back(std::move(seg));
    }
    if (target) {
      read_target(target, tu, recorded, unit);
    }
    for (auto note : tu.children()) {
      if (local_name(note) == "note" && std::string(note.attribute("from").value()) != "relocale") {
        unit.notes.push_back(note.text().get());
      }
    }
    for (auto alt : tu.children()) {
      if (local_name(alt) != "alt-trans") {
        continue;
      }
      std::string mid = alt.attribute("mid").value();
      Segment* seg = nullptr;
      for (auto& s : unit.segments) {
        if (s.id == mid || (mid.empty() && unit.segments.size() == 1)) {
          seg = &s;
        }
      }
      const auto alt_source = child_named(alt, "source");
      const auto alt_target = child_named(alt, "target");
      if (seg == nullptr || !alt_target) {
        continue;  // a tool's suggestion for a segment we do not have: not ours to keep
      }
      MatchCandidate c;
      if (alt_source) {
        c.source = read_content(alt_source);
      }
      c.target = read_content(alt_target);
      std::string quality = alt.attribute("match-quality").value();
      quality.erase(std::remove(quality.begin(), quality.end(), '%'), quality.end());
      c.similarity = std::atof(quality.c_str());
      c.origin = alt.attribute("origin").value();
      seg->candidates.push_back(std::move(c));
    }
    doc.units.push_back(std::move(unit));
  }

  void read_target(const pugi::xml_node& target, const pugi::xml_node& tu,
                   const std::vector<std::pair<std::string, std::string>>& recorded, Unit& unit) {
    const std::string state_text = target.attribute("state").value();
    const bool approved = std::string(tu.attribute("approved").value()) == "yes";
    const auto unit_state = segment_state_from_xliff12(state_text, approved);
    if (!unit_state) {
      fail(target,
           subst(tr("unknown XLIFF 1.2 state \"{1}\" (expected new, needs-translation, "
                    "needs-review-translation, translated, signed-off, final or an x- value)"),
                 {state_text}),
           unit.id);
    }
    std::map<std::string, Content> by_mid;
    bool any_mrk = false;
    std::string outside;
    for (auto child : target.children()) {
      if (is_seg_mrk(child)) {
        any_mrk = true;
        by_mid[child.attribute("mid").value()] = read_content(child);
      } else if (child.type() == pugi::node_element) {
        outside += "x";
      } else if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        const std::string v = child.value();
        if (v.find_first_not_of(" \t\r\n") != std::string::npos) {
          outside += v;
        }
      }
    }
    std::map<std::string, std::string> record(recorded.begin(), recorded.end());
    // Our per-segment states hold while the unit's state is still the one we wrote (the least
    // advanced segment's); a tool that changed it set it for the whole unit.
    bool record_holds = !record.empty();
    if (record_holds) {
      std::optional<SegmentState> least;
      for (const auto& [id, key] : recorded) {
        const auto s = key == "-" ? std::optional<SegmentState>(SegmentState::initial)
                                  : segment_state_from_key(key);
        if (s) {
          least = least ? std::min(*least, *s) : *s;
        }
      }
      record_holds = least && *least == *unit_state;
    }
    if (!any_mrk) {
      if (target.first_child() && !outside.empty() && unit.segments.size() > 1) {
        fail(target,
             tr("the <target> of a unit of several segments has no <mrk mtype=\"seg\">: relocale "
                "cannot tell which sentence is which"),
             unit.id);
      }
      if (unit.segments.size() == 1) {
        by_mid[unit.segments[0].id] = read_content(target);
      }
    }
    for (auto& seg : unit.segments) {
      const auto it = by_mid.find(seg.id);
      if (it == by_mid.end()) {
        continue;
      }
      const auto rec = record.find(seg.id);
      // An empty target, or the copy of the source a profile pre-filled, where we wrote none.
      const bool none_written = rec == record.end() || rec->second == "-";
      if (none_written && (it->second.empty() || it->second == seg.source)) {
        continue;
      }
      if (record_holds && rec != record.end()) {
        seg.target = it->second;
        seg.state = segment_state_from_key(rec->second).value_or(*unit_state);
      } else {
        seg.target = it->second;
        seg.state = *unit_state;
      }
    }
    restore_from_source(unit);
  }

  Content read_content(const pugi::xml_node& node) {
    Content out;
    read_inline(node, out);
    return out;
  }

  Placeholder placeholder_for(const pugi::xml_node& node, const std::string& id) const {
    const auto it = placeholders_.find(id);
    if (it != placeholders_.end()) {
      return it->second;
    }
    Placeholder p;
    p.id = id;
    const std::string ctype = node.attribute("ctype").value();
    if (ctype == "lb") {
      p.kind = PlaceholderKind::line_break;
      p.canonical = "\n";
      p.source_text = "\n";
    } else {
      if (ctype.rfind("x-rl-", 0) == 0) {
        p.kind = placeholder_kind_from_key(ctype.substr(5)).value_or(PlaceholderKind::code);
      }
      p.source_text = node.attribute("equiv-text").value();
      p.canonical = p.source_text;
    }
    return p;
  }

  // Inline content: text, x/ph, g, bx/ex, bpt/ept; <mrk> of other types and unknown elements are
  // transparent (their text kept), <sub> and <it> are left out.
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
      const std::string id = child.attribute("id").value();
      const std::string rid = child.attribute("rid").value();
      if (name == "x" || name == "ph") {
        out.emplace_back(placeholder_for(child, id));
      } else if (name == "g") {
        out.emplace_back(code_start(id, child));
        read_inline(child, out);
        out.emplace_back(code_end(id));
      } else if (name == "bx" || name == "bpt") {
        out.emplace_back(code_start(rid.empty() ? id : rid, child));
      } else if (name == "ex" || name == "ept") {
        std::string ref = rid.empty() ? id : rid;
        if (rid.empty() && ref.size() > 1 && ref.back() == 'e' && !codes_.count(ref)) {
          ref.pop_back();
        }
        out.emplace_back(code_end(ref));
      } else if (name == "sub" || name == "it") {
        continue;
      } else {
        read_inline(child, out);
      }
    }
  }

  CodeStart code_start(const std::string& id, const pugi::xml_node& node) const {
    const auto it = codes_.find(id);
    if (it != codes_.end()) {
      return CodeStart{id, it->second[1], it->second[0]};
    }
    return CodeStart{id, "", code_kind_of(node.attribute("ctype").value())};
  }

  CodeEnd code_end(const std::string& id) const {
    const auto it = codes_.find(id);
    return CodeEnd{id, it != codes_.end() ? it->second[2] : ""};
  }

  // A tool that rewrote the file may have dropped our context: targets' placeholders take their
  // values from the source placeholder with the same id.
  static void restore_from_source(Unit& unit) {
    std::map<std::string, Placeholder> by_id;
    for (const auto& seg : unit.segments) {
      for (const auto* p : placeholders_of(seg.source)) {
        by_id[p->id] = *p;
      }
    }
    for (auto& seg : unit.segments) {
      if (!seg.target) {
        continue;
      }
      for (auto& run : *seg.target) {
        if (auto* p = std::get_if<Placeholder>(&run)) {
          const auto it = by_id.find(p->id);
          if (it != by_id.end()) {
            *p = it->second;
          }
        }
      }
    }
  }

  std::string_view text_;
  std::string file_;
  std::set<std::string> unit_ids_;  // ids of the units read so far, for duplicates
  std::map<std::string, Placeholder> placeholders_;
  std::map<std::string, std::array<std::string, 3>> codes_;
};

}  // namespace

Document read_xliff12(const pugi::xml_document& xml, std::string_view text,
                      const std::string& file_name) {
  const auto root = xml.document_element();
  const std::string ns = root.attribute("xmlns").value();
  if (!ns.empty() && ns != kXliff12Namespace) {
    throw Error(
        Location{file_name, line_of(root, text), 0},
        subst(tr("the <xliff> namespace is \"{1}\", expected \"{2}\""), {ns, kXliff12Namespace}));
  }
  return Xliff12Reader(text, file_name).read(root);
}

}  // namespace relocale
