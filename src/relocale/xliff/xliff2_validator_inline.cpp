#include "relocale/xliff/xliff2_validator_inline.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include "relocale/base/i18n.h"

namespace relocale::xliff2_validation {
namespace {

// One inline code as met in document order: pc gives a start and an end event.
struct Code {
  pugi::xml_node node;
  std::string kind;  // ph, pc, sc, ec, sm, em, mrk
  std::string id;
  std::string start_ref;
  bool isolated = false;
  bool end = false;  // the end of a pc
};

struct Part {
  std::vector<Code> source;
  std::vector<Code> target;
  bool has_target = false;
};

std::string attr_or(pugi::xml_node n, const char* name, const char* fallback) {
  auto a = n.attribute(name);
  return a ? a.value() : fallback;
}

std::string can_overlap_of(pugi::xml_node n) {
  const std::string local = Context::local(n.name());
  return attr_or(n, "canOverlap", local == "pc" ? "no" : "yes");
}

// The key that identifies a code across source and target ("ph#1", "ec>1" for a paired ec).
std::string key_of(const Code& c) {
  if (c.kind == "ec" && !c.isolated) {
    return "ec>" + c.start_ref;
  }
  return c.kind + (c.end ? "/" : "#") + c.id;
}

class InlineChecker {
 public:
  InlineChecker(Context& ctx, std::set<std::string> data_ids, const std::set<std::string>* unit_ids,
                pugi::xml_node unit)
      : ctx_(ctx), data_ids_(std::move(data_ids)), unit_ids_(unit_ids), unit_(unit) {}

  void walk(pugi::xml_node content, std::vector<Code>& events);
  void check_element(pugi::xml_node e, const std::string& local);

 private:
  void check_data_ref(pugi::xml_node e, const char* name);
  void check_sub_flows(pugi::xml_node e, const char* name);
  void check_marker(pugi::xml_node e);

  Context& ctx_;
  std::set<std::string> data_ids_;
  const std::set<std::string>* unit_ids_;
  pugi::xml_node unit_;
};

void InlineChecker::walk(pugi::xml_node content, std::vector<Code>& events) {
  for (auto e : element_children(content)) {
    const std::string local = Context::local(e.name());
    static const std::set<std::string> inline_names = {"cp", "ph",  "pc", "sc",
                                                       "ec", "mrk", "sm", "em"};
    if (!ctx_.is_core(e) || inline_names.count(local) == 0) {
      ctx_.error(e, "xliff-unexpected-element",
                 subst(tr("<{1}> is not allowed in inline content"), {e.name()}));
      continue;
    }
    check_element(e, local);
    if (local == "cp") {
      continue;
    }
    Code code{e,
              local,
              e.attribute("id").value(),
              e.attribute("startRef").value(),
              std::string(e.attribute("isolated").value()) == "yes",
              false};
    events.push_back(code);
    if (local == "pc" || local == "mrk") {
      walk(e, events);
      code.end = true;
      events.push_back(code);
    }
  }
}

void InlineChecker::check_data_ref(pugi::xml_node e, const char* name) {
  auto a = e.attribute(name);
  if (a && data_ids_.count(a.value()) == 0) {
    ctx_.error(e, "xliff-data-ref",
               subst(tr("<{1}> {2}={3} names no <data> in the unit's <originalData>"),
                     {e.name(), name, in_quotes(a.value())}));
  }
}

void InlineChecker::check_sub_flows(pugi::xml_node e, const char* name) {
  auto a = e.attribute(name);
  if (!a || !unit_ids_) {
    return;
  }
  std::string token;
  std::string value = a.value();
  value += ' ';
  for (char c : value) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      token += c;
      continue;
    }
    if (token.empty()) {
      continue;
    }
    if (unit_ids_->count(token) == 0) {
      ctx_.error(e, "xliff-sub-flows",
                 subst(tr("<{1}> {2} names {3}, which is not the id of a unit of this file"),
                       {e.name(), name, in_quotes(token)}));
    }
    token.clear();
  }
}

void InlineChecker::check_marker(pugi::xml_node e) {
  const std::string type = attr_or(e, "type", "generic");
  if (type != "generic" && type != "comment" && type != "term") {
    check_user_defined_value(ctx_, e, "type", type);
  }
  auto ref = e.attribute("ref");
  auto value = e.attribute("value");
  std::vector<FragmentSelector> selectors;
  std::string why;
  bool ref_parsed = false;
  if (ref && ref.value()[0] == '#') {
    ref_parsed = parse_fragment_id(ref.value(), selectors, why);
    if (!ref_parsed) {
      ctx_.error(e, "xliff-fragment-id",
                 subst(tr("<{1}> ref={2} is not a valid XLIFF fragment identifier: {3}"),
                       {e.name(), in_quotes(ref.value()), why}));
    }
  }
  if (type != "comment") {
    return;
  }
  if (static_cast<bool>(ref) == static_cast<bool>(value)) {
    ctx_.error(
        e, "xliff-comment-annotation",
        subst(tr("<{1}> of type comment must have exactly one of value and ref"), {e.name()}));
    return;
  }
  if (!ref || (ref.value()[0] == '#' && !ref_parsed)) {
    return;
  }
  // A comment's ref points at a <note> of the same unit: "#n=id", or with the unit's own file
  // and unit selectors before it.
  bool ok = ref.value()[0] == '#' && !selectors.empty() && selectors.back().prefix == "n";
  const std::string note_id = ok ? selectors.back().id : "";
  for (size_t i = 0; ok && i + 1 < selectors.size(); ++i) {
    const auto& s = selectors[i];
    if (s.prefix == "u") {
      ok = s.id == unit_.attribute("id").value();
    } else if (s.prefix == "f") {
      pugi::xml_node file = unit_.parent();
      while (file && !ctx_.is(file, kCoreNs, "file")) {
        file = file.parent();
      }
      ok = file && s.id == file.attribute("id").value() && selectors.size() == 3 &&
           selectors[1].prefix == "u";
    } else {
      ok = false;
    }
  }
  if (ok) {
    ok = false;
    for (auto notes : element_children(unit_)) {
      if (ctx_.is(notes, kCoreNs, "notes")) {
        for (auto note : element_children(notes)) {
          ok = ok || note_id == note.attribute("id").value();
        }
      }
    }
  }
  if (!ok) {
    ctx_.error(e, "xliff-comment-annotation",
               subst(tr("<{1}> comment ref={2} does not point to a <note> of its unit"),
                     {e.name(), in_quotes(ref.value())}));
  }
}

void InlineChecker::check_element(pugi::xml_node e, const std::string& local) {
  if (local == "cp") {
    check_cp(ctx_, e);
    return;
  }
  if ((local == "ph" || local == "pc" || local == "sc" || local == "mrk" || local == "sm") &&
      !e.attribute("id")) {
    ctx_.error(e, "xliff-id-missing", subst(tr("<{1}> has no id attribute"), {e.name()}));
  }
  if (local == "mrk" || local == "sm") {
    check_marker(e);
    return;
  }
  if (local == "em") {
    if (!e.attribute("startRef")) {
      ctx_.error(e, "xliff-attribute-missing", tr("<em> has no startRef attribute"));
    }
    return;
  }
  // ph, pc, sc, ec
  if (auto a = e.attribute("type")) {
    static const std::set<std::string> types = {"fmt", "ui", "quote", "link", "image", "other"};
    if (types.count(a.value()) == 0) {
      ctx_.error(e, "xliff-type-value",
                 subst(tr("<{1}> type={2} must be fmt, ui, quote, link, image or other"),
                       {e.name(), in_quotes(a.value())}));
    }
  }
  if (auto sub = e.attribute("subType")) {
    if (!e.attribute("type")) {
      ctx_.error(e, "xliff-subtype-without-type",
                 subst(tr("<{1}> has subType but no type"), {e.name()}));
    }
    const std::string v = sub.value();
    check_user_defined_value(ctx_, e, "subType", v);
    if (v.rfind("xlf:", 0) == 0) {
      static const std::map<std::string, std::string> xlf_types = {
          {"xlf:lb", "fmt"}, {"xlf:pb", "fmt"}, {"xlf:b", "fmt"},
          {"xlf:i", "fmt"},  {"xlf:u", "fmt"},  {"xlf:var", "ui"}};
      auto it = xlf_types.find(v);
      const std::string type = e.attribute("type").value();
      if (it == xlf_types.end()) {
        ctx_.error(e, "xliff-subtype-value",
                   subst(tr("subType={1} is not one of the xlf: values (lb, pb, b, i, u, var)"),
                         {in_quotes(v)}));
      } else if (e.attribute("type") && type != it->second) {
        ctx_.error(e, "xliff-subtype-value",
                   subst(tr("subType={1} requires type={2}, found type={3}"),
                         {in_quotes(v), in_quotes(it->second), in_quotes(type)}));
      }
    }
  }
  const std::string reorder = attr_or(e, "canReorder", "yes");
  if (reorder != "yes" && reorder != "no" && reorder != "firstNo") {
    ctx_.error(e, "xliff-attribute-value",
               subst(tr("<{1}> canReorder={2} must be yes, no or firstNo"),
                     {e.name(), in_quotes(reorder)}));
  } else if (reorder != "yes" &&
             (attr_or(e, "canCopy", "yes") != "no" || attr_or(e, "canDelete", "yes") != "no")) {
    ctx_.error(e, "xliff-can-reorder",
               subst(tr("<{1}> has canReorder={2}, so canCopy and canDelete must be \"no\""),
                     {e.name(), in_quotes(reorder)}));
  }
  if (e.attribute("copyOf") &&
      (e.attribute("dataRef") || e.attribute("dataRefStart") || e.attribute("dataRefEnd"))) {
    ctx_.error(e, "xliff-copy-of",
               subst(tr("<{1}> has both copyOf and a dataRef: a copy takes its original data "
                        "from the code it copies"),
                     {e.name()}));
  }
  check_data_ref(e, "dataRef");
  check_data_ref(e, "dataRefStart");
  check_data_ref(e, "dataRefEnd");
  check_sub_flows(e, "subFlows");
  check_sub_flows(e, "subFlowsStart");
  check_sub_flows(e, "subFlowsEnd");
  if (local == "sc" || local == "ec") {
    const bool isolated = std::string(e.attribute("isolated").value()) == "yes";
    if (local == "ec" && isolated) {
      if (e.attribute("startRef")) {
        ctx_.error(e, "xliff-ec-isolated", tr("an isolated <ec> must use id, not startRef"));
      }
      if (!e.attribute("id")) {
        ctx_.error(e, "xliff-id-missing", tr("an isolated <ec> has no id attribute"));
      }
    } else if (local == "ec" && !e.attribute("startRef")) {
      ctx_.error(e, "xliff-ec-start-ref",
                 tr("an <ec> that is not isolated must have a startRef attribute"));
    } else if (local == "ec" && e.attribute("id")) {
      ctx_.error(e, "xliff-ec-isolated",
                 tr("an <ec> with startRef must not have an id (only an isolated <ec> has one)"));
    }
    if (local == "ec" && !isolated) {
      for (auto a : e.attributes()) {
        const std::string ns = ctx_.attr_ns(e, a);
        if (ns == kFsNs || ns == kSlrNs) {
          ctx_.error(e, "xliff-module-attribute-on-ec",
                     subst(tr("{1} is allowed on <ec> only when it is isolated"), {a.name()}));
        }
      }
    }
  }
}

// Inline ids are unique among the inline elements of one side (all sources, or all targets) of
// the unit. They are not compared with segment ids: the suite's files give a segment and a code
// the same id ("1") in documents that are invalid only for another reason.
void check_side(Context& ctx, const std::vector<Code>& events, bool ordered) {
  std::set<std::string> ids;
  std::map<std::string, const Code*> open_sc;  // sc waiting for its ec
  std::map<std::string, const Code*> all_sc;
  std::map<std::string, const Code*> open_sm;
  std::set<std::string> sm_ids;
  std::set<std::string> ec_refs;
  std::set<std::string> em_refs;
  for (const auto& c : events) {
    if (c.kind == "sc") {
      all_sc[c.id] = &c;
    } else if (c.kind == "sm") {
      sm_ids.insert(c.id);
    } else if (c.kind == "ec" && !c.isolated) {
      ec_refs.insert(c.start_ref);
    } else if (c.kind == "em") {
      em_refs.insert(c.start_ref);
    }
  }
  for (const auto& c : events) {
    const bool has_id = c.kind != "em" && !c.end && !(c.kind == "ec" && !c.isolated);
    if (has_id && !c.id.empty() && !ids.insert(c.id).second) {
      ctx.error(c.node, "xliff-id-not-unique",
                subst(tr("<{1}> id={2} is not unique in the unit's {3}"),
                      {c.node.name(), in_quotes(c.id), c.node.parent().name()}));
    }
    if (c.kind == "sc") {
      if (c.isolated && ec_refs.count(c.id)) {
        ctx.error(c.node, "xliff-sc-isolated",
                  subst(tr("<sc> id={1} is marked isolated but its <ec> is in the unit"),
                        {in_quotes(c.id)}));
      } else if (!c.isolated && ec_refs.count(c.id) == 0) {
        ctx.error(c.node, "xliff-sc-without-ec",
                  subst(tr("<sc> id={1} has no <ec> in the unit and is not marked "
                           "isolated=\"yes\""),
                        {in_quotes(c.id)}));
      }
      open_sc[c.id] = &c;
    } else if (c.kind == "ec" && c.isolated) {
      if (all_sc.count(c.id)) {
        ctx.error(c.node, "xliff-ec-isolated",
                  subst(tr("<ec> id={1} is marked isolated but its <sc> is in the unit"),
                        {in_quotes(c.id)}));
      }
    } else if (c.kind == "ec" && !c.start_ref.empty()) {
      auto it = all_sc.find(c.start_ref);
      if (it == all_sc.end()) {
        ctx.error(
            c.node, "xliff-ec-without-sc",
            subst(tr("<ec> startRef={1} names no <sc> of the unit"), {in_quotes(c.start_ref)}));
        continue;
      }
      if (ordered && open_sc.count(c.start_ref) == 0) {
        ctx.error(c.node, "xliff-ec-without-sc",
                  subst(tr("<ec> startRef={1} comes before its <sc>"), {in_quotes(c.start_ref)}));
      }
      open_sc.erase(c.start_ref);
      const auto sc = it->second->node;
      for (const char* name : {"canCopy", "canDelete"}) {
        if (attr_or(sc, name, "yes") != attr_or(c.node, name, "yes")) {
          ctx.error(c.node, "xliff-sc-ec-mismatch",
                    subst(tr("<ec> {1}={2} differs from its <sc>'s {3}"),
                          {name, in_quotes(attr_or(c.node, name, "yes")),
                           in_quotes(attr_or(sc, name, "yes"))}));
        }
      }
      if (can_overlap_of(sc) != can_overlap_of(c.node)) {
        ctx.error(c.node, "xliff-sc-ec-mismatch",
                  subst(tr("<ec> canOverlap={1} differs from its <sc>'s {2}"),
                        {in_quotes(can_overlap_of(c.node)), in_quotes(can_overlap_of(sc))}));
      }
      const std::string sc_reorder = attr_or(sc, "canReorder", "yes");
      const std::string ec_reorder = attr_or(c.node, "canReorder", "yes");
      const std::string expected = sc_reorder == "firstNo" ? "no" : sc_reorder;
      if (ec_reorder != expected) {
        ctx.error(c.node, "xliff-sc-ec-mismatch",
                  subst(tr("<ec> canReorder={1} must be {2} since its <sc> has canReorder={3}"),
                        {in_quotes(ec_reorder), in_quotes(expected), in_quotes(sc_reorder)}));
      }
    } else if (c.kind == "sm") {
      if (em_refs.count(c.id) == 0) {
        ctx.error(c.node, "xliff-sm-without-em",
                  subst(tr("<sm> id={1} has no <em> in the unit"), {in_quotes(c.id)}));
      }
      open_sm[c.id] = &c;
    } else if (c.kind == "em") {
      if (sm_ids.count(c.start_ref) == 0) {
        ctx.error(
            c.node, "xliff-em-without-sm",
            subst(tr("<em> startRef={1} names no <sm> of the unit"), {in_quotes(c.start_ref)}));
      } else if (ordered && open_sm.count(c.start_ref) == 0) {
        ctx.error(c.node, "xliff-em-without-sm",
                  subst(tr("<em> startRef={1} comes before its <sm>"), {in_quotes(c.start_ref)}));
      }
      open_sm.erase(c.start_ref);
    }
  }
}

// Sequences of codes that cannot be reordered: a firstNo code followed by "no" codes.
std::map<std::string, std::vector<std::string>> reorder_sequences(Context& ctx,
                                                                  const std::vector<Code>& events,
                                                                  bool report) {
  std::map<std::string, std::vector<std::string>> sequences;
  std::vector<std::string>* current = nullptr;
  for (const auto& c : events) {
    if (c.kind != "ph" && c.kind != "pc" && c.kind != "sc" && c.kind != "ec") {
      continue;
    }
    std::string reorder = attr_or(c.node, "canReorder", "yes");
    if (reorder == "firstNo" && !c.end) {
      current = &sequences[key_of(c)];
      current->push_back(key_of(c));
    } else if (reorder == "no" || reorder == "firstNo") {
      if (!current) {
        if (report) {
          ctx.error(c.node, "xliff-can-reorder",
                    subst(tr("<{1}> has canReorder=\"no\" but does not follow a code with "
                             "canReorder=\"firstNo\" or \"no\""),
                          {c.node.name()}));
        }
        continue;
      }
      current->push_back(key_of(c));
    } else {
      current = nullptr;
    }
  }
  return sequences;
}

}  // namespace

void check_cp(Context& ctx, pugi::xml_node cp) {
  const std::string hex = cp.attribute("hex").value();
  const bool is_hex = !hex.empty() && hex.size() <= 6 &&
                      hex.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
  if (!is_hex) {
    ctx.error(cp, "xliff-cp-hex",
              subst(tr("<cp> hex={1} is not a hexadecimal code point"), {in_quotes(hex)}));
    return;
  }
  const unsigned long c = std::stoul(hex, nullptr, 16);
  const bool xml_char = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
                        (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
  if (xml_char) {
    ctx.error(cp, "xliff-cp-hex",
              subst(tr("<cp> hex={1} is a character XML allows: write it as text, not as <cp>"),
                    {in_quotes(hex)}));
  } else if (c > 0x10FFFF) {
    ctx.error(cp, "xliff-cp-hex",
              subst(tr("<cp> hex={1} is beyond the last Unicode code point"), {in_quotes(hex)}));
  }
}

void check_user_defined_value(Context& ctx, pugi::xml_node element, const char* name,
                              const std::string& value) {
  const auto colon = value.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == value.size()) {
    ctx.error(element, "xliff-user-defined-value",
              subst(tr("<{1}> {2}={3} must have the form prefix:value"),
                    {element.name(), name, in_quotes(value)}));
  }
}

void check_content_elements(Context& ctx, pugi::xml_node content, pugi::xml_node original_data) {
  std::set<std::string> data_ids;
  for (auto d : element_children(original_data)) {
    data_ids.insert(d.attribute("id").value());
  }
  pugi::xml_node unit = content.parent();
  while (unit && !ctx.is(unit, kCoreNs, "unit")) {
    unit = unit.parent();
  }
  InlineChecker checker(ctx, data_ids, nullptr, unit);
  std::vector<Code> events;
  checker.walk(content, events);
}

void check_unit_inline(Context& ctx, pugi::xml_node unit, const std::set<std::string>& unit_ids) {
  std::set<std::string> data_ids;
  std::vector<Part> parts;
  bool has_order = false;
  for (auto c : element_children(unit)) {
    if (ctx.is(c, kCoreNs, "originalData")) {
      for (auto d : element_children(c)) {
        data_ids.insert(d.attribute("id").value());
      }
    }
  }
  InlineChecker checker(ctx, data_ids, &unit_ids, unit);
  for (auto c : element_children(unit)) {
    if (!ctx.is(c, kCoreNs, "segment") && !ctx.is(c, kCoreNs, "ignorable")) {
      continue;
    }
    Part part;
    for (auto st : element_children(c)) {
      if (ctx.is(st, kCoreNs, "source")) {
        checker.walk(st, part.source);
      } else if (ctx.is(st, kCoreNs, "target")) {
        part.has_target = true;
        has_order = has_order || st.attribute("order");
        checker.walk(st, part.target);
      }
    }
    parts.push_back(std::move(part));
  }
  std::vector<Code> source;
  std::vector<Code> target;
  bool any_target = false;
  for (const auto& p : parts) {
    source.insert(source.end(), p.source.begin(), p.source.end());
    target.insert(target.end(), p.target.begin(), p.target.end());
    any_target = any_target || p.has_target;
  }
  check_side(ctx, source, true);
  if (any_target) {
    check_side(ctx, target, !has_order);
  }
  // copyOf names a base code of the unit that can be copied.
  std::map<std::string, pugi::xml_node> base_codes;
  for (const auto* side : {&source, &target}) {
    for (const auto& c : *side) {
      if ((c.kind == "ph" || c.kind == "pc" || c.kind == "sc" || c.kind == "ec") && !c.end &&
          !c.id.empty() && !c.node.attribute("copyOf")) {
        base_codes.emplace(c.id, c.node);
      }
    }
  }
  for (const auto* side : {&source, &target}) {
    for (const auto& c : *side) {
      auto copy_of = c.node.attribute("copyOf");
      if (!copy_of || c.end) {
        continue;
      }
      auto it = base_codes.find(copy_of.value());
      if (it == base_codes.end()) {
        ctx.error(c.node, "xliff-copy-of",
                  subst(tr("<{1}> copyOf={2} names no code of the unit"),
                        {c.node.name(), in_quotes(copy_of.value())}));
      } else if (attr_or(it->second, "canCopy", "yes") == "no") {
        ctx.error(c.node, "xliff-copy-of",
                  subst(tr("<{1}> copyOf={2} names a code that has canCopy=\"no\""),
                        {c.node.name(), in_quotes(copy_of.value())}));
      }
    }
  }
  // Sequences of non-reorderable codes keep their order and content in the target.
  const auto source_sequences = reorder_sequences(ctx, source, true);
  if (any_target) {
    const auto target_sequences = reorder_sequences(ctx, target, true);
    std::set<std::string> target_keys;
    for (const auto& c : target) {
      target_keys.insert(key_of(c));
    }
    for (const auto& [first, sequence] : source_sequences) {
      auto it = target_sequences.find(first);
      if (target_keys.count(first) && (it == target_sequences.end() || it->second != sequence)) {
        ctx.error(unit, "xliff-can-reorder",
                  tr("a sequence of codes that cannot be reordered (canReorder=\"firstNo\" then "
                     "\"no\") is not kept in the same order in the target"));
      }
    }
    // Codes with canDelete="no" must be in the target of the unit when a segment has one.
    for (const auto& p : parts) {
      if (!p.has_target) {
        continue;
      }
      for (const auto& c : p.source) {
        if (c.end || c.kind == "mrk" || c.kind == "sm" || c.kind == "em") {
          continue;
        }
        if (attr_or(c.node, "canDelete", "yes") == "no" && target_keys.count(key_of(c)) == 0) {
          ctx.error(c.node, "xliff-can-delete",
                    subst(tr("<{1}> id={2} has canDelete=\"no\" but is missing from the target"),
                          {c.node.name(), in_quotes(c.id.empty() ? c.start_ref : c.id)}));
        }
      }
    }
  }
}

}  // namespace relocale::xliff2_validation
