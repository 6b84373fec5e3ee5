#include "relocale/pipeline/prepare_units.h"

#include <cstdint>
#include <cstdio>
#include <map>
#include <set>

#include "relocale/base/files.h"

namespace relocale {

namespace {

// Runs of a content with each text run split around the values found in it.
Content protect_values(const Content& content, const RecognitionOptions& options, int* next_id,
                       std::vector<ValueWarning>* warnings, std::vector<size_t>* warning_runs) {
  Content out;
  for (const auto& run : content) {
    const auto* text = std::get_if<std::string>(&run);
    if (text == nullptr) {
      out.push_back(run);
      continue;
    }
    std::vector<ValueWarning> run_warnings;
    const auto values = find_values(*text, options, &run_warnings);
    for (auto& w : run_warnings) {
      warnings->push_back(w);
      warning_runs->push_back(out.size());
    }
    size_t pos = 0;
    for (const auto& v : values) {
      append_text(out, std::string_view(*text).substr(pos, v.begin - pos));
      Placeholder p;
      p.id = std::to_string((*next_id)++);
      p.kind = v.kind;
      p.canonical = v.canonical;
      p.format = v.format;
      p.source_text = text->substr(v.begin, v.end - v.begin);
      out.emplace_back(std::move(p));
      pos = v.end;
    }
    append_text(out, std::string_view(*text).substr(pos));
  }
  return out;
}

int highest_code_id(const Content& content) {
  int highest = 0;
  for (const auto& run : content) {
    std::string id;
    if (const auto* p = std::get_if<Placeholder>(&run)) {
      id = p->id;
    } else if (const auto* b = std::get_if<CodeStart>(&run)) {
      id = b->id;
    }
    if (!id.empty() && id.find_first_not_of("0123456789") == std::string::npos) {
      highest = std::max(highest, std::stoi(id));
    }
  }
  return highest;
}

std::string hash_hex(std::string_view text) {
  // FNV-1a, 32 bits: short ids that translators can read; collisions get a suffix.
  uint32_t h = 2166136261u;
  for (unsigned char c : text) {
    h ^= c;
    h *= 16777619u;
  }
  char buffer[9];
  std::snprintf(buffer, sizeof buffer, "%08x", h);
  return buffer;
}

const char* unit_prefix(BlockKind kind) {
  switch (kind) {
  case BlockKind::title:
    return "t";
  case BlockKind::heading:
    return "h";
  case BlockKind::list_item:
    return "li";
  case BlockKind::quote:
    return "q";
  case BlockKind::table_cell:
    return "td";
  case BlockKind::paragraph:
    return "p";
  }
  return "p";
}

template <class Set>
std::string unique(std::string id, Set& taken) {
  if (taken.insert(id).second) {
    return id;
  }
  for (int n = 2;; ++n) {
    const std::string candidate = id + "-" + std::to_string(n);
    if (taken.insert(candidate).second) {
      return candidate;
    }
  }
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n';
}

}  // namespace

std::string flat_text_of(const Content& content, std::vector<ByteRange>* protected_ranges) {
  std::string flat;
  for (const auto& run : content) {
    if (const auto* s = std::get_if<std::string>(&run)) {
      flat += *s;
    } else if (const auto* p = std::get_if<Placeholder>(&run)) {
      const size_t begin = flat.size();
      if (p->kind == PlaceholderKind::line_break) {
        flat.append(p->source_text.size(), ' ');
        continue;  // a break may follow the white space of a line break
      }
      flat += p->source_text;
      if (protected_ranges != nullptr) {
        protected_ranges->push_back({begin, flat.size()});
      }
    }
  }
  return flat;
}

std::vector<Segment> split_content(const Content& content, const std::vector<size_t>& breaks) {
  std::vector<Segment> segments(1);
  size_t flat_pos = 0;
  size_t next_break = 0;
  auto at_break = [&](size_t pos) {
    return next_break < breaks.size() && breaks[next_break] == pos;
  };
  auto start_new = [&]() {
    segments.emplace_back();
    ++next_break;
  };
  for (const auto& run : content) {
    if (const auto* s = std::get_if<std::string>(&run)) {
      size_t taken = 0;
      while (next_break < breaks.size() && breaks[next_break] < flat_pos + s->size()) {
        const size_t cut = breaks[next_break] - flat_pos;
        if (cut > taken || segments.back().source.empty()) {
          append_text(segments.back().source, std::string_view(*s).substr(taken, cut - taken));
        }
        taken = cut;
        start_new();
      }
      append_text(segments.back().source, std::string_view(*s).substr(taken));
      flat_pos += s->size();
      continue;
    }
    // Codes and placeholders never straddle a break; at a break offset, an end code closes the
    // sentence before it, and everything else opens the next one.
    if (at_break(flat_pos) && !std::holds_alternative<CodeEnd>(run) &&
        !segments.back().source.empty()) {
      start_new();
    }
    segments.back().source.push_back(run);
    if (const auto* p = std::get_if<Placeholder>(&run)) {
      flat_pos += p->source_text.size();
    }
  }
  // Move trailing white space of each segment but the last into its space_after (<ignorable>).
  for (size_t i = 0; i + 1 < segments.size(); ++i) {
    auto& source = segments[i].source;
    if (source.empty()) {
      continue;
    }
    if (auto* last = std::get_if<std::string>(&source.back())) {
      size_t end = last->size();
      while (end > 0 && is_space((*last)[end - 1])) {
        --end;
      }
      segments[i].space_after = last->substr(end);
      last->resize(end);
      if (last->empty()) {
        source.pop_back();
      }
    }
  }
  // A break that produced an empty segment (only white space) folds into the previous one.
  std::vector<Segment> out;
  for (auto& seg : segments) {
    if (seg.source.empty() && !out.empty()) {
      out.back().space_after += seg.space_after;
      continue;
    }
    out.push_back(std::move(seg));
  }
  return out;
}

void assign_stable_ids(Document& doc, TakenUnitIds& unit_ids) {
  std::map<std::string, std::string> renamed;
  for (auto& unit : doc.units) {
    std::string text;
    for (const auto& seg : unit.segments) {
      text += source_form(seg.source) + seg.space_after;
    }
    const std::string id =
        unique(std::string(unit_prefix(unit.kind)) + "-" + hash_hex(text), unit_ids);
    renamed[unit.id] = id;
    unit.id = id;
    std::set<std::string> segment_ids;
    for (auto& seg : unit.segments) {
      seg.id = unique("s" + hash_hex(source_form(seg.source)).substr(0, 6), segment_ids);
    }
  }
  for (auto& part : doc.skeleton) {
    if (!part.unit_id.empty()) {
      part.unit_id = renamed[part.unit_id];
    }
  }
}

void prepare_units(Document& doc, const Segmenter& segmenter, const RecognitionOptions& values,
                   Diagnostics& warnings) {
  PendingValueWarnings pending;
  segment_units(doc, segmenter, values, pending);
  TakenUnitIds taken;
  name_units(doc, taken, pending, warnings);
}

void segment_units(Document& doc, const Segmenter& segmenter, const RecognitionOptions& values,
                   PendingValueWarnings& pending) {
  for (size_t u = 0; u < doc.units.size(); ++u) {
    Unit& unit = doc.units[u];
    RELOCALE_ASSERT(unit.segments.size() == 1, "prepare_units expects one segment per unit");
    const Content& whole = unit.segments.front().source;
    int next_id = highest_code_id(whole) + 1;
    std::vector<ValueWarning> value_warnings;
    std::vector<size_t> warning_runs;
    const Content protected_content =
        protect_values(whole, values, &next_id, &value_warnings, &warning_runs);
    for (const auto& w : value_warnings) {
      pending.push_back({u, w});
    }
    std::vector<ByteRange> protected_ranges;
    const std::string flat = flat_text_of(protected_content, &protected_ranges);
    const auto breaks = segmenter.find_breaks(flat, protected_ranges);
    unit.segments = split_content(protected_content, breaks);
  }
}

void name_units(Document& doc, TakenUnitIds& taken, const PendingValueWarnings& pending,
                Diagnostics& warnings) {
  assign_stable_ids(doc, taken);
  // Warnings name the unit by its stable id, known now.
  for (const auto& [unit, warning] : pending) {
    warnings.add("value-ambiguous", Severity::warning,
                 Location{doc.source_file, 0, 0, doc.units[unit].id}, warning.message());
    doc.source_warnings.push_back(
        {doc.units[unit].id, value_doubt_key(warning.doubt), warning.text});
  }
}

}  // namespace relocale
