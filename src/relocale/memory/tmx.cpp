#include "relocale/memory/tmx.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <pugixml.hpp>

#include "relocale/base/ascii.h"
#include "relocale/base/error.h"
#include "relocale/base/files.h"
#include "relocale/base/i18n.h"
#include "relocale/base/xml_output.h"

#ifndef RELOCALE_VERSION
#define RELOCALE_VERSION "0"
#endif

namespace relocale {

namespace {

constexpr const char* kAllLanguages = "*all*";
constexpr const char* kStateProp = "x-relocale-state";
constexpr const char* kOriginProp = "x-relocale-origin";
constexpr const char* kChangedProp = "x-relocale-changed";
constexpr const char* kCanonicalProp = "x-relocale-canonical-";
constexpr const char* kFormatProp = "x-relocale-format-";
constexpr const char* kIdProp = "x-relocale-id-";
constexpr const char* kTypePrefix = "rl:";

// The memory's entries grouped by language pair (pairs in order, entries in the order added
// within one): extract adds a language's entries in release order on any number of threads,
// while entries of different languages interleave as the threads go. Grouped, the file is the
// same on one thread and on two; a pair's order is all that look-ups see.
std::vector<const TmEntry*> entries_by_language_pair(const TranslationMemory& memory) {
  std::vector<std::pair<std::string, const TmEntry*>> keyed;
  for (const auto& entry : memory.entries()) {
    keyed.emplace_back(ascii_lower(entry.source_lang) + '\n' + ascii_lower(entry.target_lang),
                       &entry);
  }
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<const TmEntry*> entries;
  for (const auto& [pair, entry] : keyed) {
    entries.push_back(entry);
  }
  return entries;
}

bool all_digits(const std::string& text, size_t from, size_t to) {
  if (from >= to || to > text.size()) {
    return false;
  }
  return std::all_of(text.begin() + from, text.begin() + to,
                     [](char c) { return c >= '0' && c <= '9'; });
}

// "2018-10-08" or "2018-10-08T10:30:00Z" -> TMX's "20181008T103000Z"; empty when neither.
std::string tmx_date(const std::string& iso) {
  const bool date = iso.size() >= 10 && iso[4] == '-' && iso[7] == '-' && all_digits(iso, 0, 4) &&
                    all_digits(iso, 5, 7) && all_digits(iso, 8, 10);
  if (!date) {
    return {};
  }
  const std::string day = iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
  if (iso.size() == 10) {
    return day + "T000000Z";
  }
  const bool time = iso.size() == 20 && iso[10] == 'T' && iso[13] == ':' && iso[16] == ':' &&
                    iso[19] == 'Z' && all_digits(iso, 11, 13) && all_digits(iso, 14, 16) &&
                    all_digits(iso, 17, 19);
  if (!time) {
    return {};
  }
  return day + "T" + iso.substr(11, 2) + iso.substr(14, 2) + iso.substr(17, 2) + "Z";
}

// The inverse of tmx_date; a time of midnight gives the date alone. Empty when malformed.
std::string iso_date(const std::string& tmx) {
  if (tmx.size() != 16 || tmx[8] != 'T' || tmx[15] != 'Z' || !all_digits(tmx, 0, 8) ||
      !all_digits(tmx, 9, 15)) {
    return {};
  }
  const std::string day = tmx.substr(0, 4) + "-" + tmx.substr(4, 2) + "-" + tmx.substr(6, 2);
  if (tmx.substr(9, 6) == "000000") {
    return day;
  }
  return day + "T" + tmx.substr(9, 2) + ":" + tmx.substr(11, 2) + ":" + tmx.substr(13, 2) + "Z";
}

// --- writing -------------------------------------------------------------------------------------

// The TMX numbers (x, and i for paired codes) of the inline elements of one <tu>: an id that is a
// plain number keeps it, other ids get numbers after the largest, in order of appearance, so
// the same element has the same x in the source and the target.
class InlineNumbers {
 public:
  void collect(const Content& content) {
    for (const auto& run : content) {
      if (const auto* id = id_of(run)) {
        ids_.push_back(*id);
      }
    }
  }
  void assign() {
    unsigned long largest = 0;
    for (const auto& id : ids_) {
      if (is_number(id)) {
        const auto n = std::stoul(id);
        numbers_.emplace(id, n);
        largest = std::max(largest, n);
      }
    }
    for (const auto& id : ids_) {
      if (numbers_.find(id) == numbers_.end()) {
        numbers_.emplace(id, ++largest);
      }
    }
  }
  unsigned long number(const std::string& id) const { return numbers_.at(id); }
  static bool is_number(const std::string& id) {
    return !id.empty() && id.size() <= 9 && all_digits(id, 0, id.size()) &&
           (id == "0" || id[0] != '0');
  }
  static const std::string* id_of(const Run& run) {
    if (const auto* p = std::get_if<Placeholder>(&run)) {
      return &p->id;
    }
    if (const auto* b = std::get_if<CodeStart>(&run)) {
      return &b->id;
    }
    if (const auto* e = std::get_if<CodeEnd>(&run)) {
      return &e->id;
    }
    return nullptr;
  }

 private:
  std::vector<std::string> ids_;
  std::map<std::string, unsigned long> numbers_;
};

// Text as XML 1.0 can carry it: a control character other than tab and line feed cannot appear
// in a well-formed document, even as a character reference, so it becomes U+FFFD; a carriage
// return would come back as a line feed (XML normalises line ends), so it is one already. Written
// text then reads back unchanged, and the file stays readable by every tool.
std::string xml_text(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') {
        continue;
      }
      out += '\n';
    } else if (c < 0x20 && c != '\t' && c != '\n') {
      out += "\xEF\xBF\xBD";
    } else {
      out += text[i];
    }
  }
  return out;
}

void add_prop(pugi::xml_node parent, const std::string& type, const std::string& value) {
  auto prop = parent.append_child("prop");
  prop.append_attribute("type") = type.c_str();
  prop.append_child(pugi::node_pcdata).set_value(xml_text(value).c_str());
}

void add_text(pugi::xml_node seg, const std::string& text) {
  seg.append_child(pugi::node_pcdata).set_value(xml_text(text).c_str());
}

void write_tuv(pugi::xml_node tu, const std::string& lang, const Content& content,
               const InlineNumbers& numbers) {
  auto tuv = tu.append_child("tuv");
  tuv.append_attribute("xml:lang") = xml_text(lang).c_str();
  std::set<std::string> described;
  for (const auto& run : content) {
    const auto* id = InlineNumbers::id_of(run);
    if (id == nullptr || !described.insert(*id).second) {
      continue;
    }
    const auto n = std::to_string(numbers.number(*id));
    if (n != *id) {
      add_prop(tuv, kIdProp + n, *id);
    }
    if (const auto* p = std::get_if<Placeholder>(&run)) {
      add_prop(tuv, kCanonicalProp + n, p->canonical);
      if (!p->format.empty()) {
        add_prop(tuv, kFormatProp + n, p->format);
      }
    }
  }

  // Paired codes whose other half is missing from this content become <it>.
  std::multiset<std::string> starts;
  std::multiset<std::string> ends;
  for (const auto& run : content) {
    if (const auto* b = std::get_if<CodeStart>(&run)) {
      starts.insert(b->id);
    } else if (const auto* e = std::get_if<CodeEnd>(&run)) {
      ends.insert(e->id);
    }
  }

  auto seg = tuv.append_child("seg");
  // pugixml indents an element that follows an element (or opens its parent); an empty text node
  // before and after each inline element keeps the segment's white space exactly as it is.
  add_text(seg, "");
  for (const auto& run : content) {
    if (const auto* s = std::get_if<std::string>(&run)) {
      add_text(seg, *s);
      continue;
    }
    if (const auto* p = std::get_if<Placeholder>(&run)) {
      auto ph = seg.append_child("ph");
      ph.append_attribute("x") = numbers.number(p->id);
      ph.append_attribute("type") =
          (kTypePrefix + std::string(placeholder_kind_key(p->kind))).c_str();
      add_text(ph, p->source_text);
    } else if (const auto* b = std::get_if<CodeStart>(&run)) {
      const bool paired = ends.count(b->id) > 0;
      auto code = seg.append_child(paired ? "bpt" : "it");
      if (paired) {
        code.append_attribute("i") = numbers.number(b->id);
      } else {
        code.append_attribute("pos") = "begin";
      }
      code.append_attribute("x") = numbers.number(b->id);
      if (!b->kind.empty()) {
        code.append_attribute("type") = (kTypePrefix + xml_text(b->kind)).c_str();
      }
      add_text(code, b->original);
    } else if (const auto* e = std::get_if<CodeEnd>(&run)) {
      const bool paired = starts.count(e->id) > 0;
      auto code = seg.append_child(paired ? "ept" : "it");
      if (paired) {
        code.append_attribute("i") = numbers.number(e->id);
      } else {
        code.append_attribute("pos") = "end";
        code.append_attribute("x") = numbers.number(e->id);
      }
      add_text(code, e->original);
    }
    add_text(seg, "");
  }
}

// --- reading -------------------------------------------------------------------------------------

class TmxReader {
 public:
  TmxReader(std::string_view text, const std::string& file_name)
      : text_(text), file_name_(file_name) {}

  TranslationMemory read() {
    pugi::xml_document document;
    const auto result = document.load_buffer(
        text_.data(), text_.size(),
        pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_doctype, pugi::encoding_utf8);
    if (!result) {
      throw error_at(static_cast<size_t>(result.offset),
                     subst(tr("malformed XML: {1}"), {result.description()}));
    }
    for (auto node : document.children()) {
      if (node.type() == pugi::node_doctype) {
        // pugixml points at the declaration's value; point at its "<!DOCTYPE" instead.
        const auto offset = static_cast<size_t>(std::max<ptrdiff_t>(0, node.offset_debug()));
        const auto start = text_.rfind("<!", offset);
        throw error_at(start == std::string_view::npos ? offset : start,
                       tr("a DOCTYPE is not allowed in a TMX file"));
      }
    }
    const auto root = document.document_element();
    if (std::string(root.name()) != "tmx") {
      throw error_at(root,
                     subst(tr("expected <tmx> as the root element, found <{1}>"), {root.name()}));
    }
    const auto header = root.child("header");
    if (!header) {
      throw error_at(root, tr("<tmx> has no <header>"));
    }
    const std::string srclang = header.attribute("srclang").value();
    if (srclang.empty()) {
      throw error_at(header, tr("<header> has no srclang attribute"));
    }
    const auto body = root.child("body");
    if (!body) {
      throw error_at(root, tr("<tmx> has no <body>"));
    }
    TranslationMemory memory;
    for (const auto tu : body.children("tu")) {
      read_tu(tu, srclang, memory);
    }
    return memory;
  }

 private:
  struct Side {
    std::string lang;
    Content content;
  };

  Error error_at(size_t offset, const std::string& message) const {
    const auto where = line_column_at(text_, std::min(offset, text_.size()));
    return Error(Location{file_name_, where.line, where.column}, message);
  }
  // An element's error points at its "<" (pugixml's offset is that of its name).
  Error error_at(pugi::xml_node node, const std::string& message) const {
    auto offset = static_cast<size_t>(std::max<ptrdiff_t>(0, node.offset_debug()));
    if (offset > 0 && offset <= text_.size() && text_[offset - 1] == '<') {
      --offset;
    }
    return error_at(offset, message);
  }

  static std::string lang_of(pugi::xml_node tuv) {
    if (const auto a = tuv.attribute("xml:lang")) {
      return a.value();
    }
    return tuv.attribute("lang").value();  // TMX 1.1
  }

  static std::map<std::string, std::string> props_of(pugi::xml_node node) {
    std::map<std::string, std::string> props;
    for (const auto prop : node.children("prop")) {
      props[prop.attribute("type").value()] = text_of(prop);
    }
    return props;
  }

  // The text of a node's own text children (not of <sub> and other elements inside it).
  static std::string text_of(pugi::xml_node node) {
    std::string out;
    for (const auto child : node.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        out += child.value();
      }
    }
    return out;
  }

  static std::string without_prefix(const std::string& type) {
    return type.rfind(kTypePrefix, 0) == 0
               ? type.substr(std::char_traits<char>::length(kTypePrefix))
               : type;
  }

  // Reads one <seg>'s content. `props` are its <tuv>'s.
  class SegReader {
   public:
    SegReader(const std::map<std::string, std::string>& props) : props_(props) {}

    void read(pugi::xml_node node, Content& out) {
      for (const auto child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
          append_text(out, child.value());
          continue;
        }
        if (child.type() != pugi::node_element) {
          continue;
        }
        const std::string name = child.name();
        if (name == "ph" || name == "ut") {
          Placeholder p;
          p.id = id_for(child.attribute("x").value());
          const auto kind =
              placeholder_kind_from_key(without_prefix(child.attribute("type").value()));
          p.kind = kind.value_or(PlaceholderKind::code);
          p.source_text = text_of(child);
          p.canonical = prop_or(kCanonicalProp, child.attribute("x").value(), p.source_text);
          p.format = prop_or(kFormatProp, child.attribute("x").value(), "");
          out.emplace_back(std::move(p));
        } else if (name == "bpt") {
          const std::string i = child.attribute("i").value();
          const std::string x = child.attribute("x").value();
          const auto id = id_for(x.empty() ? i : x);
          open_[i] = id;
          out.emplace_back(
              CodeStart{id, text_of(child), without_prefix(child.attribute("type").value())});
        } else if (name == "ept") {
          const std::string i = child.attribute("i").value();
          const auto it = open_.find(i);
          out.emplace_back(CodeEnd{it != open_.end() ? it->second : id_for(i), text_of(child)});
        } else if (name == "it") {
          const auto id = id_for(child.attribute("x").value());
          if (std::string(child.attribute("pos").value()) == "end") {
            out.emplace_back(CodeEnd{id, text_of(child)});
          } else {
            out.emplace_back(
                CodeStart{id, text_of(child), without_prefix(child.attribute("type").value())});
          }
        } else if (name == "hi") {
          read(child, out);  // highlighting carries no markup of its own
        }
      }
    }

   private:
    std::string prop_or(const char* prefix, const std::string& x, const std::string& fallback) {
      const auto it = props_.find(prefix + x);
      return it != props_.end() ? it->second : fallback;
    }
    std::string id_for(const std::string& x) {
      if (x.empty()) {
        return std::to_string(++unnumbered_) + "u";
      }
      return prop_or(kIdProp, x, x);
    }

    const std::map<std::string, std::string>& props_;
    std::map<std::string, std::string> open_;  // <bpt i> -> id
    int unnumbered_ = 0;
  };

  void read_tu(pugi::xml_node tu, const std::string& header_srclang, TranslationMemory& memory) {
    std::string srclang = tu.attribute("srclang").value();
    if (srclang.empty()) {
      srclang = header_srclang;
    }
    std::vector<Side> sides;
    for (const auto tuv : tu.children("tuv")) {
      Side side{lang_of(tuv), {}};
      if (side.lang.empty()) {
        throw error_at(tuv, tr("<tuv> has no xml:lang attribute"));
      }
      const auto seg = tuv.child("seg");
      if (!seg) {
        throw error_at(tuv, tr("<tuv> has no <seg>"));
      }
      const auto props = props_of(tuv);
      SegReader(props).read(seg, side.content);
      sides.push_back(std::move(side));
    }
    if (sides.empty()) {
      throw error_at(tu, tr("<tu> has no <tuv>"));
    }
    // "*all*": any variant may be the source; take the first.
    size_t source = 0;
    if (srclang != kAllLanguages) {
      source = sides.size();
      for (size_t i = 0; i < sides.size(); ++i) {
        if (equal_ignoring_ascii_case(sides[i].lang, srclang)) {
          source = i;
          break;
        }
      }
      if (source == sides.size()) {
        throw error_at(tu,
                       subst(tr("<tu> has no <tuv> in its source language \"{1}\""), {srclang}));
      }
    }
    const auto props = props_of(tu);
    const auto prop = [&](const char* type) {
      const auto it = props.find(type);
      return it != props.end() ? it->second : std::string();
    };
    auto state = SegmentState::translated;
    if (const auto value = prop(kStateProp); !value.empty()) {
      const auto parsed = segment_state_from_key(value);
      if (!parsed) {
        throw error_at(tu, subst(tr("unknown segment state \"{1}\""), {value}));
      }
      state = *parsed;
    }
    std::string changed = iso_date(tu.attribute("changedate").value());
    if (changed.empty()) {
      changed = prop(kChangedProp);
    }
    for (size_t i = 0; i < sides.size(); ++i) {
      if (i == source) {
        continue;
      }
      memory.add(TmEntry{sides[source].lang, sides[i].lang, sides[source].content, sides[i].content,
                         state, prop(kOriginProp), changed});
    }
  }

  std::string_view text_;
  const std::string& file_name_;
};

}  // namespace

std::string write_tmx(const TranslationMemory& memory, const std::string& source_lang) {
  const bool all = source_lang == kAllLanguages;
  pugi::xml_document document;
  auto declaration = document.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  auto tmx = document.append_child("tmx");
  tmx.append_attribute("version") = "1.4";
  auto header = tmx.append_child("header");
  header.append_attribute("creationtool") = "relocale";
  header.append_attribute("creationtoolversion") = RELOCALE_VERSION;
  header.append_attribute("segtype") = "sentence";
  header.append_attribute("o-tmf") = "relocale";
  header.append_attribute("adminlang") = "en";
  header.append_attribute("srclang") = source_lang.c_str();
  header.append_attribute("datatype") = "plaintext";
  auto body = tmx.append_child("body");
  for (const TmEntry* listed : entries_by_language_pair(memory)) {
    const TmEntry& entry = *listed;
    if (!all && !equal_ignoring_ascii_case(entry.source_lang, source_lang)) {
      continue;
    }
    auto tu = body.append_child("tu");
    if (all) {
      tu.append_attribute("srclang") = entry.source_lang.c_str();
    }
    const auto changedate = tmx_date(entry.changed);
    if (!changedate.empty()) {
      tu.append_attribute("changedate") = changedate.c_str();
    }
    add_prop(tu, kStateProp, segment_state_key(entry.state));
    if (!entry.origin.empty()) {
      add_prop(tu, kOriginProp, entry.origin);
    }
    if (changedate.empty() && !entry.changed.empty()) {
      add_prop(tu, kChangedProp, entry.changed);
    }
    InlineNumbers numbers;
    numbers.collect(entry.source);
    numbers.collect(entry.target);
    numbers.assign();
    write_tuv(tu, entry.source_lang, entry.source, numbers);
    write_tuv(tu, entry.target_lang, entry.target, numbers);
  }
  return xml_to_string(document);
}

TranslationMemory read_tmx(std::string_view text, const std::string& file_name) {
  return TmxReader(text, file_name).read();
}

TranslationMemory load_memory(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return {};
  }
  const auto text = read_file(path);
  check_utf8_text(text, path.string(), true);
  return read_tmx(text, path.string());
}

void save_memory(const TranslationMemory& memory, const std::filesystem::path& path,
                 const std::string& source_lang) {
  write_file_atomically(path, write_tmx(memory, source_lang));
}

}  // namespace relocale
