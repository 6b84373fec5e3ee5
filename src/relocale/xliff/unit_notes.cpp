#include "relocale/xliff/unit_notes.h"

#include "relocale/base/i18n.h"

namespace relocale {

std::string unit_context_note(const Document& doc, const Unit& unit) {
  const std::string kind = trc("block kind", block_kind_key(unit.kind));
  return subst(tr("{1} {2} of release \"{3}\""),
               {kind, std::to_string(unit.position), doc.release});
}

std::string placeholder_note(const Unit& unit) {
  std::string note;
  for (const auto& seg : unit.segments) {
    for (const auto* p : placeholders_of(seg.source)) {
      if (p->kind == PlaceholderKind::line_break) {
        continue;
      }
      if (!note.empty()) {
        note += "; ";
      }
      note += "{" + p->id + "} " + placeholder_kind_key(p->kind) + " = " + p->canonical;
    }
  }
  return note;
}

}  // namespace relocale
