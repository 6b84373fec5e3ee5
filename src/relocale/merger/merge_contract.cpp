#include "relocale/merger/merge_contract.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "relocale/base/i18n.h"

namespace relocale {

namespace {

// Why a target cannot be merged, or "" when it can.
std::string target_problem(const Segment& seg) {
  std::map<std::string, int> required;
  std::set<std::string> known;        // placeholder ids of the source
  std::set<std::string> known_codes;  // paired code ids of the source
  for (const auto* p : placeholders_of(seg.source)) {
    known.insert(p->id);
    if (is_localised_value(p->kind) || p->kind == PlaceholderKind::email ||
        p->kind == PlaceholderKind::url) {
      required[p->id] = 0;
    }
  }
  for (const auto& run : seg.source) {
    if (const auto* b = std::get_if<CodeStart>(&run)) {
      known_codes.insert(b->id);
    }
  }
  std::vector<std::string> open;
  for (const auto& run : *seg.target) {
    if (const auto* p = std::get_if<Placeholder>(&run)) {
      if (!known.count(p->id)) {
        return subst(tr("placeholder {1} is not in the source"), {p->id});
      }
      if (required.count(p->id) && ++required[p->id] > 1) {
        return subst(tr("placeholder {1} appears more than once"), {p->id});
      }
    } else if (const auto* b = std::get_if<CodeStart>(&run)) {
      if (!known_codes.count(b->id)) {
        return subst(tr("code {1} is not in the source"), {b->id});
      }
      open.push_back(b->id);
    } else if (const auto* e = std::get_if<CodeEnd>(&run)) {
      if (open.empty() || open.back() != e->id) {
        return subst(tr("code {1} is closed where it was not open"), {e->id});
      }
      open.pop_back();
    }
  }
  if (!open.empty()) {
    return subst(tr("code {1} is opened but never closed"), {open.back()});
  }
  for (const auto& [id, count] : required) {
    if (count == 0) {
      return subst(tr("placeholder {1} is missing"), {id});
    }
  }
  return "";
}

}  // namespace

namespace {

// `now`: the unit in the current release (null: not there, or no current release to ask).
void enforce_on_unit(Unit& unit, bool has_current, const Unit* now, const std::string& xliff_file,
                     Diagnostics& diagnostics) {
  if (has_current && now == nullptr) {
    diagnostics.add("unknown-unit", Severity::warning, Location{xliff_file, unit.line, 0, unit.id},
                    tr("this unit is not in the current release (run relocale extract); its "
                       "translation stays in the XLIFF file"));
  }
  for (auto& seg : unit.segments) {
    if (now != nullptr) {
      const auto same = std::find_if(now->segments.begin(), now->segments.end(),
                                     [&](const Segment& s) { return s.id == seg.id; });
      if (same == now->segments.end()) {
        diagnostics.add("unknown-segment", Severity::warning,
                        Location{xliff_file, seg.line, 0, unit.id},
                        subst(tr("segment \"{1}\" is not in the current release (run relocale "
                                 "extract)"),
                              {seg.id}));
      } else if (source_form(same->source) != source_form(seg.source)) {
        diagnostics.add("stale-source", Severity::warning,
                        Location{xliff_file, seg.line, 0, unit.id},
                        subst(tr("segment \"{1}\": the source changed since extraction (run "
                                 "relocale extract)"),
                              {seg.id}));
      }
    }
    if (!seg.target || seg.target->empty()) {
      continue;
    }
    const std::string problem = target_problem(seg);
    if (!problem.empty()) {
      diagnostics.add(
          "target-refused", Severity::error, Location{xliff_file, seg.line, 0, unit.id},
          subst(tr("segment \"{1}\": {2}; the source is used instead"), {seg.id, problem}));
      seg.target.reset();
    }
  }
}

}  // namespace

void enforce_merge_contract(Document& returned, const Document* current,
                            const std::string& xliff_file, Diagnostics& diagnostics) {
  // `current` may be read by other languages' threads at once: looked up without changing it.
  const std::optional<UnitIndex> units_now =
      current != nullptr ? std::optional<UnitIndex>(std::in_place, *current) : std::nullopt;
  for (auto& unit : returned.units) {
    enforce_on_unit(unit, current != nullptr, units_now ? units_now->find(unit.id) : nullptr,
                    xliff_file, diagnostics);
  }
}

void enforce_merge_contract(Unit& returned, const std::string& xliff_file,
                            Diagnostics& diagnostics) {
  enforce_on_unit(returned, /*has_current=*/false, nullptr, xliff_file, diagnostics);
}

size_t restore_from_current(Document& returned, const Document& current) {
  size_t restored = 0;
  if (returned.skeleton.empty()) {
    returned.skeleton = current.skeleton;
    ++restored;
  }
  if (returned.format.empty()) {
    returned.format = current.format;
  }
  const UnitIndex units_now(current);
  for (auto& unit : returned.units) {
    const Unit* now = units_now.find(unit.id);
    if (now == nullptr) {
      continue;
    }
    std::map<std::string, const Placeholder*> values;
    for (const auto& seg : now->segments) {
      for (const auto* p : placeholders_of(seg.source)) {
        values[p->id] = p;
      }
    }
    auto restore = [&](Content& content) {
      for (auto& run : content) {
        auto* p = std::get_if<Placeholder>(&run);
        if (p == nullptr || !(p->canonical.empty() || p->source_text.empty())) {
          continue;
        }
        const auto it = values.find(p->id);
        if (it != values.end() && it->second->kind == p->kind) {
          *p = *it->second;
          ++restored;
        }
      }
    };
    for (auto& seg : unit.segments) {
      restore(seg.source);
      if (seg.target) {
        restore(*seg.target);
      }
    }
  }
  return restored;
}

}  // namespace relocale
