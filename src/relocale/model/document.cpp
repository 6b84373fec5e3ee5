#include "relocale/model/document.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "relocale/base/fingerprint.h"

namespace relocale {

namespace {
struct KindName {
  PlaceholderKind kind;
  std::string_view key;  // a view, so that a look-up compares lengths before bytes
};
constexpr std::array<KindName, 13> kKindNames{{
    {PlaceholderKind::date, "date"},
    {PlaceholderKind::date_range, "date-range"},
    {PlaceholderKind::month, "month"},
    {PlaceholderKind::time, "time"},
    {PlaceholderKind::number, "number"},
    {PlaceholderKind::percent, "percent"},
    {PlaceholderKind::ordinal, "ordinal"},
    {PlaceholderKind::currency, "currency"},
    {PlaceholderKind::phone, "phone"},
    {PlaceholderKind::email, "email"},
    {PlaceholderKind::url, "url"},
    {PlaceholderKind::code, "code"},
    {PlaceholderKind::line_break, "line-break"},
}};
}  // namespace

const char* placeholder_kind_key(PlaceholderKind kind) {
  for (const auto& k : kKindNames) {
    if (k.kind == kind) {
      return k.key.data();  // each key is a string literal, so it ends with a NUL
    }
  }
  return "code";
}

std::optional<PlaceholderKind> placeholder_kind_from_key(const std::string& key) {
  for (const auto& k : kKindNames) {
    if (key == k.key) {
      return k.kind;
    }
  }
  return std::nullopt;
}

bool is_localised_value(PlaceholderKind kind) {
  return kind != PlaceholderKind::code && kind != PlaceholderKind::line_break &&
         kind != PlaceholderKind::email && kind != PlaceholderKind::url;
}

void append_text(Content& content, std::string_view text) {
  if (text.empty()) {
    return;
  }
  if (!content.empty()) {
    if (auto* s = std::get_if<std::string>(&content.back())) {
      s->append(text);
      return;
    }
  }
  content.emplace_back(std::string(text));
}

std::string source_form(const Content& content) {
  std::string out;
  for (const auto& run : content) {
    if (const auto* s = std::get_if<std::string>(&run)) {
      out += *s;
    } else if (const auto* p = std::get_if<Placeholder>(&run)) {
      out += p->source_text;
    } else if (const auto* b = std::get_if<CodeStart>(&run)) {
      out += b->original;
    } else if (const auto* e = std::get_if<CodeEnd>(&run)) {
      out += e->original;
    }
  }
  return out;
}

void SourceFingerprint::add_unit(const Unit& unit) {
  units_.add("unit").add(unit.id).add(block_kind_key(unit.kind));
  for (const auto& seg : unit.segments) {
    units_.add("segment").add(seg.id).add(seg.space_after);
    for (const auto& run : seg.source) {
      if (const auto* s = std::get_if<std::string>(&run)) {
        units_.add("text").add(*s);
      } else if (const auto* p = std::get_if<Placeholder>(&run)) {
        units_.add("ph").add(p->id).add(placeholder_kind_key(p->kind)).add(p->canonical);
        units_.add(p->source_text).add(p->format);
      } else if (const auto* b = std::get_if<CodeStart>(&run)) {
        units_.add("start").add(b->id).add(b->original).add(b->kind);
      } else if (const auto* e = std::get_if<CodeEnd>(&run)) {
        units_.add("end").add(e->id).add(e->original);
      }
    }
  }
}

void SourceFingerprint::add(const Document& part) {
  for (const auto& unit : part.units) {
    add_unit(unit);
  }
  for (const auto& piece : part.skeleton) {
    skeleton_.add(piece.unit_id.empty() ? "skeleton-text" : "skeleton-unit")
        .add(piece.text)
        .add(piece.unit_id);
  }
  // extract's warnings are part of what the file says of the release: a file that lost or gained
  // one no longer describes it.
  for (const auto& warning : part.source_warnings) {
    warnings_.add("warning").add(warning.unit_id).add(warning.doubt).add(warning.text);
  }
}

std::string SourceFingerprint::hex(const Document& header) const {
  return Fingerprint()
      .add(header.release)
      .add(header.format)
      .add(header.source_lang)
      .add(header.date)
      .add(header.title)
      .add(units_.hex())
      .add(skeleton_.hex())
      .add(warnings_.hex())
      .hex();
}

std::string source_fingerprint(const Document& doc) {
  SourceFingerprint f;
  f.add(doc);
  return f.hex(doc);
}

std::string plain_text(const Content& content) {
  std::string out;
  for (const auto& run : content) {
    if (const auto* s = std::get_if<std::string>(&run)) {
      out += *s;
    }
  }
  return out;
}

namespace {

enum class RunTag : char { text = 't', placeholder = 'p', code_start = 's', code_end = 'e' };

void pack_field(std::string& out, std::string_view field) {
  size_t size = field.size();
  while (size >= 0x80) {
    out += static_cast<char>(0x80 | (size & 0x7F));
    size >>= 7;
  }
  out += static_cast<char>(size);
  out += field;
}

// Reads packed fields from the front of `packed`.
class PackedFields {
 public:
  explicit PackedFields(std::string_view packed) : rest_(packed) {}
  bool done() const { return rest_.empty(); }
  char tag() {
    need(1);
    const char c = rest_[0];
    rest_.remove_prefix(1);
    return c;
  }
  std::string field() {
    uint64_t size = 0;
    for (int shift = 0;; shift += 7) {
      need(1);
      const auto byte = static_cast<unsigned char>(rest_[0]);
      rest_.remove_prefix(1);
      if (shift > 56) {
        throw std::invalid_argument("unpack_content: a length too long");
      }
      size |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) {
        break;
      }
    }
    if (size > rest_.size()) {
      throw std::invalid_argument("unpack_content: the bytes end too soon");
    }
    std::string out(rest_.substr(0, static_cast<size_t>(size)));
    rest_.remove_prefix(static_cast<size_t>(size));
    return out;
  }

 private:
  void need(size_t n) const {
    if (rest_.size() < n) {
      throw std::invalid_argument("unpack_content: the bytes end too soon");
    }
  }
  std::string_view rest_;
};

}  // namespace

std::string pack_content(const Content& content) {
  std::string out;
  for (const auto& run : content) {
    if (const auto* s = std::get_if<std::string>(&run)) {
      out += static_cast<char>(RunTag::text);
      pack_field(out, *s);
    } else if (const auto* p = std::get_if<Placeholder>(&run)) {
      out += static_cast<char>(RunTag::placeholder);
      pack_field(out, p->id);
      pack_field(out, placeholder_kind_key(p->kind));
      pack_field(out, p->canonical);
      pack_field(out, p->source_text);
      pack_field(out, p->format);
    } else if (const auto* b = std::get_if<CodeStart>(&run)) {
      out += static_cast<char>(RunTag::code_start);
      pack_field(out, b->id);
      pack_field(out, b->original);
      pack_field(out, b->kind);
    } else if (const auto* e = std::get_if<CodeEnd>(&run)) {
      out += static_cast<char>(RunTag::code_end);
      pack_field(out, e->id);
      pack_field(out, e->original);
    }
  }
  return out;
}

Content unpack_content(std::string_view packed) {
  Content out;
  PackedFields fields(packed);
  while (!fields.done()) {
    switch (static_cast<RunTag>(fields.tag())) {
    case RunTag::text:
      out.emplace_back(fields.field());
      break;
    case RunTag::placeholder: {
      Placeholder p;
      p.id = fields.field();
      const auto kind = placeholder_kind_from_key(fields.field());
      if (!kind) {
        throw std::invalid_argument("unpack_content: an unknown placeholder kind");
      }
      p.kind = *kind;
      p.canonical = fields.field();
      p.source_text = fields.field();
      p.format = fields.field();
      out.emplace_back(std::move(p));
      break;
    }
    case RunTag::code_start: {
      CodeStart b;
      b.id = fields.field();
      b.original = fields.field();
      b.kind = fields.field();
      out.emplace_back(std::move(b));
      break;
    }
    case RunTag::code_end: {
      CodeEnd e;
      e.id = fields.field();
      e.original = fields.field();
      out.emplace_back(std::move(e));
      break;
    }
    default:
      throw std::invalid_argument("unpack_content: an unknown run");
    }
  }
  return out;
}

std::string debug_string(const Content& content) {
  std::string out;
  for (const auto& run : content) {
    if (const auto* s = std::get_if<std::string>(&run)) {
      out += *s;
    } else if (const auto* p = std::get_if<Placeholder>(&run)) {
      out += "{" + p->id + ":" + placeholder_kind_key(p->kind) + " " + p->canonical + "}";
    } else if (const auto* b = std::get_if<CodeStart>(&run)) {
      out += "{" + b->id + ">";
    } else if (const auto* e = std::get_if<CodeEnd>(&run)) {
      out += "<" + e->id + "}";
    }
  }
  return out;
}

std::set<std::string> well_nested_code_pairs(const Content& content) {
  std::set<std::string> nested;
  std::set<std::string> broken;
  std::vector<std::string> stack;
  for (const auto& run : content) {
    if (const auto* b = std::get_if<CodeStart>(&run)) {
      stack.push_back(b->id);
    } else if (const auto* e = std::get_if<CodeEnd>(&run)) {
      if (!stack.empty() && stack.back() == e->id) {
        stack.pop_back();
        if (!broken.count(e->id)) {
          nested.insert(e->id);
        }
      } else {
        // Crossed pairs: everything still open is written as separate start and end codes.
        for (const auto& open : stack) {
          broken.insert(open);
        }
        stack.erase(std::remove(stack.begin(), stack.end(), e->id), stack.end());
      }
    }
  }
  return nested;
}

std::vector<const Placeholder*> placeholders_of(const Content& content) {
  std::vector<const Placeholder*> out;
  for (const auto& run : content) {
    if (const auto* p = std::get_if<Placeholder>(&run)) {
      out.push_back(p);
    }
  }
  return out;
}

const char* segment_state_key(SegmentState s) {
  switch (s) {
  case SegmentState::initial:
    return "initial";
  case SegmentState::translated:
    return "translated";
  case SegmentState::reviewed:
    return "reviewed";
  case SegmentState::final:
    return "final";
  }
  return "initial";
}

std::optional<SegmentState> segment_state_from_key(const std::string& key) {
  for (auto s : {SegmentState::initial, SegmentState::translated, SegmentState::reviewed,
                 SegmentState::final}) {
    if (key == segment_state_key(s)) {
      return s;
    }
  }
  return std::nullopt;
}

namespace {
constexpr std::array<std::pair<BlockKind, const char*>, 6> kBlockNames{{
    {BlockKind::title, "title"},
    {BlockKind::heading, "heading"},
    {BlockKind::paragraph, "paragraph"},
    {BlockKind::list_item, "list-item"},
    {BlockKind::quote, "quote"},
    {BlockKind::table_cell, "table-cell"},
}};
}  // namespace

const char* block_kind_key(BlockKind k) {
  for (const auto& [kind, key] : kBlockNames) {
    if (kind == k) {
      return key;
    }
  }
  return "paragraph";
}

std::optional<BlockKind> block_kind_from_key(const std::string& key) {
  for (const auto& [kind, name] : kBlockNames) {
    if (key == name) {
      return kind;
    }
  }
  return std::nullopt;
}

void Document::rebuild_unit_index() const {
  unit_index_.clear();
  for (size_t i = 0; i < units.size(); ++i) {
    unit_index_.emplace(units[i].id, i);  // the first of duplicate ids, as a scan would find
  }
}

const Unit* Document::find_unit(const std::string& id) const {
  // A hit is checked against the unit itself; a miss rebuilds the index once before it is
  // believed, so the index never answers for units that have changed since it was built.
  for (int attempt = 0; attempt < 2; ++attempt) {
    const auto it = unit_index_.find(id);
    if (it != unit_index_.end() && it->second < units.size() && units[it->second].id == id) {
      return &units[it->second];
    }
    if (attempt == 0) {
      rebuild_unit_index();
    }
  }
  return nullptr;
}

UnitIndex::UnitIndex(const Document& doc) {
  units_.reserve(doc.units.size());
  for (const auto& unit : doc.units) {
    units_.emplace(unit.id, &unit);  // the first of duplicate ids, as a scan would find
  }
}

const Unit* UnitIndex::find(const std::string& id) const {
  const auto it = units_.find(id);
  return it == units_.end() ? nullptr : it->second;
}

Unit* Document::find_unit(const std::string& id) {
  return const_cast<Unit*>(static_cast<const Document*>(this)->find_unit(id));
}

}  // namespace relocale
