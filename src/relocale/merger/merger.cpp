#include "relocale/merger/merger.h"

#include <algorithm>
#include <map>

#include "relocale/base/i18n.h"

namespace relocale {

namespace {
constexpr std::string_view kObjectReplacement = "\xEF\xBF\xBC";  // U+FFFC

// Chinese and Japanese put no space between sentences: the space the source had after a sentence
// is dropped when the translation ends with a full-width character (。！？” and ideographs).
bool ends_full_width(const std::string& text) {
  if (text.size() < 3) {
    return false;
  }
  const auto* p = reinterpret_cast<const unsigned char*>(text.data() + text.size() - 3);
  if ((p[0] & 0xF0) != 0xE0) {
    return false;
  }
  const unsigned cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
  return (cp >= 0x3000 && cp <= 0x9FFF) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

bool is_left_to_right_value(PlaceholderKind kind) {
  return kind == PlaceholderKind::phone || kind == PlaceholderKind::email ||
         kind == PlaceholderKind::url;
}
}  // namespace

std::string render_content(const Content& content, const HouseStyle& style,
                           const MergeOptions& options) {
  if (options.rendering == ValueRendering::verbatim) {
    return source_form(content);
  }
  // Typography sees the whole sentence, with U+FFFC where each placeholder or code stands, so
  // that « 8 octobre » gets its spaces; the values go in afterwards.
  std::string skeleton;
  std::vector<std::string> inserts;
  for (const auto& run : content) {
    if (const auto* s = std::get_if<std::string>(&run)) {
      skeleton += *s;
      continue;
    }
    std::string insert;
    if (const auto* p = std::get_if<Placeholder>(&run)) {
      insert = render_placeholder(*p, style);
      if (!options.bidi.open.empty() && is_left_to_right_value(p->kind)) {
        insert = options.bidi.open + insert + options.bidi.close;
      }
    } else if (const auto* b = std::get_if<CodeStart>(&run)) {
      insert = b->original;
    } else if (const auto* e = std::get_if<CodeEnd>(&run)) {
      insert = e->original;
    }
    skeleton += kObjectReplacement;
    inserts.push_back(std::move(insert));
  }
  std::string typeset = apply_typography(skeleton, style);
  if (!options.bidi.open.empty()) {
    typeset = isolate_left_to_right_runs(typeset, options.bidi.open, options.bidi.close);
  }
  std::string out;
  out.reserve(typeset.size() + 64);
  size_t next = 0;
  size_t pos = 0;
  while (pos < typeset.size()) {
    const size_t found = typeset.find(kObjectReplacement, pos);
    if (found == std::string::npos) {
      out.append(typeset, pos, std::string::npos);
      break;
    }
    out.append(typeset, pos, found - pos);
    if (next < inserts.size()) {
      out += inserts[next++];
    }
    pos = found + kObjectReplacement.size();
  }
  return out;
}

namespace {

// A unit's segments, rendered one after the other, with the white space between them.
std::string render_unit(const Unit& unit, const HouseStyle& style, const MergeOptions& options,
                        std::vector<std::string>* untranslated) {
  std::string out;
  const auto& segments = unit.segments;
  for (size_t i = 0; i < segments.size(); ++i) {
    const Segment& seg = segments[i];
    const bool translated = seg.target.has_value() && !seg.target->empty();
    std::string rendered;
    if (options.use_source_for_all) {
      rendered = render_content(seg.source, style, options);
    } else if (!translated) {
      untranslated->push_back(unit.id + "/" + seg.id);
      // The source as the editor wrote it: its dates, numbers and quotes are already right
      // for its language, and re-rendering them in the target's conventions would mix two.
      MergeOptions as_written = options;
      as_written.rendering = ValueRendering::verbatim;
      rendered = render_content(seg.source, style, as_written);
    } else {
      rendered = render_content(*seg.target, style, options);
    }
    out += rendered;
    const bool between_sentences = i + 1 < segments.size();
    if (!(between_sentences && translated && !options.use_source_for_all &&
          ends_full_width(rendered) &&
          seg.space_after.find_first_not_of(' ') == std::string::npos)) {
      out += seg.space_after;
    }
  }
  return out;
}

}  // namespace

UnitMerge::UnitMerge(const Document& header, const HouseStyle& style, const MergeOptions& options)
    : style_(style), options_(options), skeleton_(header.skeleton) {
  for (const auto& part : skeleton_) {
    if (!part.unit_id.empty()) {
      referenced_.push_back(part.unit_id);
    }
  }
  std::sort(referenced_.begin(), referenced_.end());
  for (size_t i = 1; i < referenced_.size(); ++i) {
    if (referenced_[i] == referenced_[i - 1]) {
      ++used_again_.emplace(referenced_[i], 1).first->second;
    }
  }
  referenced_.erase(std::unique(referenced_.begin(), referenced_.end()), referenced_.end());
}

void UnitMerge::add(const Unit& unit) {
  if (!std::binary_search(referenced_.begin(), referenced_.end(), std::string_view(unit.id)) ||
      waiting_.count(unit.id) > 0) {
    return;  // a unit the skeleton does not use (the contract reports it), or one given twice
  }
  Rendered rendered;
  rendered.text = render_unit(unit, style_, options_, &rendered.untranslated);
  if (const auto again = used_again_.find(unit.id); again != used_again_.end()) {
    rendered.uses = again->second;
  }
  waiting_.emplace(unit.id, std::move(rendered));
  advance(/*to_the_end=*/false);
}

void UnitMerge::put(const Rendered& rendered) {
  out_.append(rendered.text);
  untranslated_.insert(untranslated_.end(), rendered.untranslated.begin(),
                       rendered.untranslated.end());
}

void UnitMerge::advance(bool to_the_end) {
  for (; next_ < skeleton_.size(); ++next_) {
    const SkeletonPart& part = skeleton_[next_];
    if (part.unit_id.empty()) {
      out_.append(part.text);
      continue;
    }
    const auto it = waiting_.find(part.unit_id);
    if (it == waiting_.end()) {
      if (to_the_end) {
        continue;  // a unit that never came: its place stays empty (the contract reports it)
      }
      return;  // its unit is still to come
    }
    put(it->second);
    if (--it->second.uses == 0) {
      waiting_.erase(it);
    }
  }
}

void UnitMerge::drain(const std::function<void(std::string_view)>& sink) {
  sink(out_.view());
  out_.clear();
}

TextBuffer UnitMerge::finish(std::vector<std::string>* untranslated) {
  advance(/*to_the_end=*/true);
  if (untranslated != nullptr) {
    untranslated->insert(untranslated->end(), untranslated_.begin(), untranslated_.end());
  }
  return std::move(out_);
}

TextBuffer merge_document(const Document& doc, const HouseStyle& style, const MergeOptions& options,
                          std::vector<std::string>* untranslated) {
  // Of units with the same id (the readers refuse them; a document made otherwise may have them)
  // the last one is merged, as merge_document always did.
  std::map<std::string_view, const Unit*> last;
  for (const auto& unit : doc.units) {
    last[unit.id] = &unit;
  }
  UnitMerge merge(doc, style, options);
  for (const auto& unit : doc.units) {
    if (last[unit.id] == &unit) {
      merge.add(unit);
    }
  }
  return merge.finish(untranslated);
}

}  // namespace relocale
