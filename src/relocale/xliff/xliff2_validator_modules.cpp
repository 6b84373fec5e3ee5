// Module checks of the XLIFF 2 validator: Translation Candidates (mtc), Glossary (gls), Format
// Style (fs), Metadata (mda), Resource Data (res), Size and Length Restriction (slr), Validation
// (val) and Change Tracking (ctr).

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "relocale/base/ascii.h"
#include "relocale/base/i18n.h"
#include "relocale/xliff/xliff2_validator_context.h"
#include "relocale/xliff/xliff2_validator_inline.h"

namespace relocale::xliff2_validation {
namespace {

void unexpected(Context& ctx, pugi::xml_node parent, pugi::xml_node child) {
  ctx.error(child, "xliff-unexpected-element",
            subst(tr("<{1}> is not allowed in <{2}>"), {child.name(), parent.name()}));
}

void no_text(Context& ctx, pugi::xml_node element) {
  if (has_text(element)) {
    ctx.error(element, "xliff-unexpected-text",
              subst(tr("<{1}> may contain only elements, found text"), {element.name()}));
  }
}

void check_id_token(Context& ctx, pugi::xml_node e) {
  if (auto id = e.attribute("id"); id && !is_nmtoken(id.value())) {
    ctx.error(e, "xliff-id-not-nmtoken",
              subst(tr("<{1}> id={2} is not an NMTOKEN"), {e.name(), in_quotes(id.value())}));
  }
}

void check_enum(Context& ctx, pugi::xml_node e, const char* name,
                std::initializer_list<const char*> values) {
  auto a = e.attribute(name);
  if (!a) {
    return;
  }
  for (const char* v : values) {
    if (std::strcmp(a.value(), v) == 0) {
      return;
    }
  }
  std::string list;
  for (const char* v : values) {
    list += (list.empty() ? "" : ", ") + std::string(v);
  }
  ctx.error(
      e, "xliff-attribute-value",
      subst(tr("<{1}> {2}={3} must be one of: {4}"), {e.name(), name, in_quotes(a.value()), list}));
}

pugi::xml_node enclosing_unit(Context& ctx, pugi::xml_node n) {
  while (n && !ctx.is(n, kCoreNs, "unit")) {
    n = n.parent();
  }
  return n;
}

// ids of segments, ignorables and markers/codes inside the unit: what a match's ref may point to.
void collect_unit_ids(Context& ctx, pugi::xml_node n, std::set<std::string>& ids) {
  for (auto c : element_children(n)) {
    if (ctx.is_core(c) && c.attribute("id")) {
      ids.insert(c.attribute("id").value());
    }
    if (ctx.is_core(c)) {
      collect_unit_ids(ctx, c, ids);
    }
  }
}

void check_matches(Context& ctx, pugi::xml_node matches) {
  no_text(ctx, matches);
  std::set<std::string> ids;
  std::set<std::string> unit_ids;
  collect_unit_ids(ctx, enclosing_unit(ctx, matches), unit_ids);
  for (auto m : element_children(matches)) {
    if (!ctx.is(m, kMtcNs, "match")) {
      unexpected(ctx, matches, m);
      continue;
    }
    no_text(ctx, m);
    check_id_token(ctx, m);
    if (auto id = m.attribute("id"); id && !ids.insert(id.value()).second) {
      ctx.error(
          m, "xliff-id-not-unique",
          subst(tr("match id={1} is not unique in its <mtc:matches>"), {in_quotes(id.value())}));
    }
    if (m.attribute("xml:lang")) {
      ctx.error(m, "mtc-match-lang", tr("<mtc:match> must not have xml:lang"));
    }
    check_enum(ctx, m, "type", {"am", "mt", "icm", "idm", "tb", "tm", "other"});
    check_enum(ctx, m, "reference", {"yes", "no"});
    if (m.attribute("subType")) {
      if (!m.attribute("type")) {
        ctx.error(m, "xliff-subtype-without-type", tr("<mtc:match> has subType but no type"));
      }
      check_user_defined_value(ctx, m, "subType", m.attribute("subType").value());
    }
    for (const char* score : {"similarity", "matchQuality", "matchSuitability"}) {
      if (auto a = m.attribute(score)) {
        char* end = nullptr;
        const double v = std::strtod(a.value(), &end);
        if (*a.value() == '\0' || *end != '\0' || v < 0 || v > 100) {
          ctx.error(m, "xliff-attribute-value",
                    subst(tr("<mtc:match> {1}={2} must be a number from 0 to 100"),
                          {score, in_quotes(a.value())}));
        }
      }
    }
    auto ref = m.attribute("ref");
    if (!ref) {
      ctx.error(m, "xliff-attribute-missing", tr("<mtc:match> has no ref attribute"));
    } else {
      std::vector<FragmentSelector> selectors;
      std::string why;
      if (!parse_fragment_id(ref.value(), selectors, why)) {
        ctx.error(m, "xliff-fragment-id",
                  subst(tr("<mtc:match> ref={1} is not a valid XLIFF fragment identifier: {2}"),
                        {in_quotes(ref.value()), why}));
      } else if ((selectors.back().prefix.empty() || selectors.back().prefix == "t") &&
                 unit_ids.count(selectors.back().id) == 0) {
        ctx.error(m, "mtc-match-ref",
                  subst(tr("<mtc:match> ref={1} does not point to content of its unit"),
                        {in_quotes(ref.value())}));
      }
    }
    pugi::xml_node original_data;
    int sources = 0;
    int targets = 0;
    for (auto c : element_children(m)) {
      if (ctx.is(c, kCoreNs, "originalData")) {
        original_data = c;
      } else if (ctx.is(c, kCoreNs, "source")) {
        ++sources;
        check_content_elements(ctx, c, original_data);
      } else if (ctx.is(c, kCoreNs, "target")) {
        ++targets;
        check_content_elements(ctx, c, original_data);
      } else if (ctx.is_core(c)) {
        unexpected(ctx, m, c);
      } else {
        check_module_element(ctx, c);
      }
    }
    if (sources != 1 || targets != 1) {
      ctx.error(m, "xliff-unexpected-element",
                tr("<mtc:match> must contain one <source> and one <target>"));
    }
  }
}

void check_glossary(Context& ctx, pugi::xml_node glossary) {
  no_text(ctx, glossary);
  std::set<std::string> ids;
  auto unique = [&](pugi::xml_node e) {
    check_id_token(ctx, e);
    if (auto id = e.attribute("id"); id && !ids.insert(id.value()).second) {
      ctx.error(e, "xliff-id-not-unique",
                subst(tr("id {1} is not unique among the glossEntry and translation elements of "
                         "its <gls:glossary>"),
                      {in_quotes(id.value())}));
    }
  };
  for (auto entry : element_children(glossary)) {
    if (!ctx.is(entry, kGlsNs, "glossEntry")) {
      unexpected(ctx, glossary, entry);
      continue;
    }
    no_text(ctx, entry);
    unique(entry);
    if (auto ref = entry.attribute("ref"); ref && ref.value()[0] == '#') {
      std::vector<FragmentSelector> selectors;
      std::string why;
      if (!parse_fragment_id(ref.value(), selectors, why)) {
        ctx.error(
            entry, "xliff-fragment-id",
            subst(tr("<gls:glossEntry> ref={1} is not a valid XLIFF fragment identifier: {2}"),
                  {in_quotes(ref.value()), why}));
      }
    }
    int terms = 0;
    int translations = 0;
    int definitions = 0;
    for (auto c : element_children(entry)) {
      const std::string local = Context::local(c.name());
      if (ctx.ns(c) != kGlsNs) {
        check_module_element(ctx, c);
      } else if (local == "term" && terms == 0 && translations + definitions == 0) {
        ++terms;
      } else if (local == "translation" && definitions == 0) {
        ++translations;
        unique(c);
      } else if (local == "definition" && definitions == 0) {
        ++definitions;
      } else {
        unexpected(ctx, entry, c);
      }
    }
    if (terms == 0) {
      ctx.error(entry, "gls-term-missing", tr("<gls:glossEntry> must start with a <gls:term>"));
    }
    if (translations + definitions == 0) {
      ctx.error(entry, "gls-entry-empty",
                tr("<gls:glossEntry> must contain a <gls:translation> or a <gls:definition>"));
    }
  }
}

void check_meta_group(Context& ctx, pugi::xml_node group, std::set<std::string>& ids) {
  no_text(ctx, group);
  check_id_token(ctx, group);
  if (auto id = group.attribute("id"); id && !ids.insert(id.value()).second) {
    ctx.error(group, "xliff-id-not-unique",
              subst(tr("id {1} is not unique in its <mda:metadata>"), {in_quotes(id.value())}));
  }
  check_enum(ctx, group, "appliesTo", {"source", "target", "ignorable"});
  int count = 0;
  for (auto c : element_children(group)) {
    ++count;
    if (ctx.is(c, kMdaNs, "metaGroup")) {
      check_meta_group(ctx, c, ids);
    } else if (ctx.is(c, kMdaNs, "meta")) {
      if (!c.attribute("type")) {
        ctx.error(c, "xliff-attribute-missing", tr("<mda:meta> has no type attribute"));
      }
      for (auto a : c.attributes()) {
        if (std::strcmp(a.name(), "type") != 0 && ctx.attr_ns(c, a) != "xmlns") {
          ctx.error(c, "xliff-attribute-not-allowed",
                    subst(tr("<mda:meta> does not take the attribute {1}"), {a.name()}));
        }
      }
    } else {
      unexpected(ctx, group, c);
    }
  }
  if (count == 0) {
    ctx.error(group, "mda-empty", tr("<mda:metaGroup> must contain <mda:meta> or <mda:metaGroup>"));
  }
}

void check_metadata(Context& ctx, pugi::xml_node metadata) {
  no_text(ctx, metadata);
  check_id_token(ctx, metadata);
  std::set<std::string> ids;
  if (auto id = metadata.attribute("id")) {
    ids.insert(id.value());
  }
  int groups = 0;
  for (auto c : element_children(metadata)) {
    if (ctx.is(c, kMdaNs, "metaGroup")) {
      ++groups;
      check_meta_group(ctx, c, ids);
    } else {
      unexpected(ctx, metadata, c);
    }
  }
  if (groups == 0) {
    ctx.error(metadata, "mda-empty",
              tr("<mda:metadata> must contain at least one <mda:metaGroup>"));
  }
}

void check_resource_data(Context& ctx, pugi::xml_node data) {
  no_text(ctx, data);
  std::set<std::string> ids;
  for (auto item : element_children(data)) {
    const bool is_item = ctx.is(item, kResNs, "resourceItem");
    if (!is_item && !ctx.is(item, kResNs, "resourceItemRef")) {
      unexpected(ctx, data, item);
      continue;
    }
    check_id_token(ctx, item);
    if (auto id = item.attribute("id"); id && !ids.insert(id.value()).second) {
      ctx.error(item, "xliff-id-not-unique",
                subst(tr("id {1} is not unique among the resource items of its "
                         "<res:resourceData>"),
                      {in_quotes(id.value())}));
    }
    if (!is_item) {
      if (!item.attribute("ref")) {
        ctx.error(item, "xliff-attribute-missing", tr("<res:resourceItemRef> has no ref"));
      }
      continue;
    }
    check_enum(ctx, item, "context", {"yes", "no"});
    for (auto c : element_children(item)) {
      const std::string local = Context::local(c.name());
      if (ctx.ns(c) != kResNs || (local != "source" && local != "target" && local != "reference")) {
        unexpected(ctx, item, c);
        continue;
      }
      const bool has_content = has_text(c) || !element_children(c).empty();
      if (local != "reference" && static_cast<bool>(c.attribute("href")) == has_content) {
        ctx.error(c, "res-href-or-content",
                  subst(tr("<{1}> must have either an href attribute or content, not both or "
                           "neither"),
                        {c.name()}));
      }
      // Only the source's language is fixed: the suite's valid files hold resource targets in
      // other languages than trgLang.
      if (auto lang = c.attribute("xml:lang"); lang && local == "source") {
        const std::string& expected = ctx.src_lang;
        if (!expected.empty() && !equal_ignoring_ascii_case(lang.value(), expected)) {
          ctx.error(c, "res-lang",
                    subst(tr("<{1}> xml:lang={2} differs from the document's {3} {4}"),
                          {c.name(), in_quotes(lang.value()),
                           local == "source" ? "srcLang" : "trgLang", in_quotes(expected)}));
        }
      }
    }
  }
}

void check_validation(Context& ctx, pugi::xml_node validation) {
  no_text(ctx, validation);
  for (auto rule : element_children(validation)) {
    if (!ctx.is(rule, kValNs, "rule")) {
      unexpected(ctx, validation, rule);
      continue;
    }
    int kinds = 0;
    bool custom = false;
    for (auto a : rule.attributes()) {
      const std::string ns = ctx.attr_ns(rule, a);
      const std::string name = a.name();
      if (ns.empty()) {
        kinds += name == "isPresent" || name == "isNotPresent" || name == "startsWith" ||
                 name == "endsWith";
        static const std::set<std::string> known = {
            "isPresent",      "isNotPresent",  "startsWith",    "endsWith", "occurs",
            "existsInSource", "caseSensitive", "normalization", "disabled"};
        if (known.count(name) == 0) {
          ctx.error(rule, "xliff-attribute-not-allowed",
                    subst(tr("<val:rule> does not take the attribute {1}"), {name}));
        }
      } else if (ns != "xmlns" && ns != kXmlNs) {
        custom = true;
      }
    }
    kinds += custom;
    if (kinds != 1) {
      ctx.error(rule, "val-rule-kind",
                tr("<val:rule> needs exactly one of isPresent, isNotPresent, startsWith, endsWith "
                   "or a custom rule"));
    }
    if (rule.attribute("existsInSource") && (rule.attribute("isPresent") ? 1 : 0) +
                                                    (rule.attribute("startsWith") ? 1 : 0) +
                                                    (rule.attribute("endsWith") ? 1 : 0) !=
                                                1) {
      ctx.error(rule, "val-exists-in-source",
                tr("<val:rule> existsInSource needs exactly one of isPresent, startsWith or "
                   "endsWith"));
    }
    if (auto occurs = rule.attribute("occurs")) {
      const std::string v = occurs.value();
      if (!is_non_negative_integer(v) || v.find_first_not_of('0') == std::string::npos) {
        ctx.error(
            rule, "xliff-attribute-value",
            subst(tr("<val:rule> occurs={1} must be an integer of at least 1"), {in_quotes(v)}));
      }
    }
    check_enum(ctx, rule, "existsInSource", {"yes", "no"});
    check_enum(ctx, rule, "caseSensitive", {"yes", "no"});
    check_enum(ctx, rule, "disabled", {"yes", "no"});
    check_enum(ctx, rule, "normalization", {"none", "nfc", "nfd"});
  }
}

// The attributes a change-tracked core element can have (what ctr:item property may name).
bool is_tracked_property(const std::string& applies_to, const std::string& property) {
  static const std::map<std::string, std::set<std::string>> attributes = {
      {"note", {"id", "appliesTo", "category", "priority"}},
      {"source", {"xml:lang", "xml:space"}},
      {"target", {"xml:lang", "xml:space", "order"}},
  };
  auto it = attributes.find(applies_to);
  return property == "content" || it == attributes.end() || it->second.count(property) > 0 ||
         property.find(':') != std::string::npos;
}

void check_change_track(Context& ctx, pugi::xml_node track) {
  no_text(ctx, track);
  const pugi::xml_node scope = track.parent();
  for (auto revisions : element_children(track)) {
    if (!ctx.is(revisions, kCtrNs, "revisions")) {
      unexpected(ctx, track, revisions);
      continue;
    }
    const std::string applies_to = revisions.attribute("appliesTo").value();
    if (!revisions.attribute("appliesTo")) {
      ctx.error(revisions, "xliff-attribute-missing", tr("<ctr:revisions> has no appliesTo"));
    }
    // The elements of that name within the enclosing element, and whether ref names one.
    std::vector<pugi::xml_node> candidates;
    std::function<void(pugi::xml_node)> collect = [&](pugi::xml_node n) {
      for (auto c : element_children(n)) {
        if (!ctx.is_core(c) || ctx.is(c, kCoreNs, "unit") || ctx.is(c, kCoreNs, "group")) {
          continue;
        }
        if (Context::local(c.name()) == applies_to) {
          candidates.push_back(c);
        } else {
          collect(c);
        }
      }
    };
    collect(scope);
    pugi::xml_node referenced;
    if (auto ref = revisions.attribute("ref")) {
      for (auto c : candidates) {
        if (std::strcmp(c.attribute("id").value(), ref.value()) == 0) {
          referenced = c;
        }
      }
      // The suite's valid files also let ref name another element of the enclosing element
      // (appliesTo="source" with the id of a note): accept any id found there.
      pugi::xml_node any_with_id = scope.find_node([&](pugi::xml_node n) {
        return n.type() == pugi::node_element && ctx.is_core(n) &&
               std::strcmp(n.attribute("id").value(), ref.value()) == 0;
      });
      if (!referenced && !any_with_id) {
        ctx.error(revisions, "ctr-ref",
                  subst(tr("<ctr:revisions> ref={1} names no <{2}> of the enclosing <{3}>"),
                        {in_quotes(ref.value()), applies_to, scope.name()}));
      }
    } else {
      int with_id = 0;
      for (auto c : candidates) {
        with_id += c.attribute("id") ? 1 : 0;
      }
      if (candidates.size() > 1 && with_id > 0) {
        ctx.error(revisions, "ctr-ref",
                  subst(tr("<ctr:revisions> applies to one of several <{1}> elements but has no "
                           "ref"),
                        {applies_to}));
      }
    }
    for (auto revision : element_children(revisions)) {
      if (!ctx.is(revision, kCtrNs, "revision")) {
        unexpected(ctx, revisions, revision);
        continue;
      }
      std::set<std::string> properties;
      for (auto item : element_children(revision)) {
        if (!ctx.is(item, kCtrNs, "item")) {
          unexpected(ctx, revision, item);
          continue;
        }
        const std::string property = item.attribute("property").value();
        if (!item.attribute("property")) {
          ctx.error(item, "xliff-attribute-missing", tr("<ctr:item> has no property attribute"));
        } else if (!is_tracked_property(applies_to, property)) {
          ctx.error(
              item, "ctr-property",
              subst(tr("<ctr:item> property={1} is neither content nor an attribute of <{2}>"),
                    {in_quotes(property), applies_to}));
        } else if (property != "content" && referenced && !referenced.attribute(property.c_str())) {
          // The suite reads "the name of the attribute relating to the revision data" as an
          // attribute the referenced element has.
          ctx.error(item, "ctr-property",
                    subst(tr("<ctr:item> property={1} names no attribute of the referenced <{2}>"),
                          {in_quotes(property), referenced.name()}));
        } else if (!properties.insert(property).second) {
          ctx.error(item, "ctr-property",
                    subst(tr("<ctr:item> property={1} appears twice in one revision"),
                          {in_quotes(property)}));
        }
      }
    }
  }
}

void check_slr_element(Context& ctx, pugi::xml_node e, const std::string& local) {
  if (local == "profiles") {
    for (auto c : element_children(e)) {
      if (ctx.is(c, kSlrNs, "normalization")) {
        check_enum(ctx, c, "general", {"none", "nfc", "nfd"});
        check_enum(ctx, c, "storage", {"none", "nfc", "nfd"});
      }
    }
  } else if (local != "data") {
    ctx.error(
        e, "xliff-unknown-module-element",
        subst(tr("<{1}> is not an element of the Size and Length Restriction module"), {e.name()}));
  }
}

bool is_html_element_name(const std::string& v) {
  static const std::set<std::string> names = {
      "a",      "abbr",       "acronym",  "address", "applet",   "area",       "article",
      "aside",  "audio",      "b",        "base",    "basefont", "bdi",        "bdo",
      "big",    "blockquote", "body",     "br",      "button",   "canvas",     "caption",
      "center", "cite",       "code",     "col",     "colgroup", "command",    "datalist",
      "dd",     "del",        "details",  "dfn",     "dialog",   "dir",        "div",
      "dl",     "dt",         "em",       "embed",   "fieldset", "figcaption", "figure",
      "font",   "footer",     "form",     "frame",   "frameset", "h1",         "h2",
      "h3",     "h4",         "h5",       "h6",      "head",     "header",     "hgroup",
      "hr",     "html",       "i",        "iframe",  "img",      "input",      "ins",
      "kbd",    "keygen",     "label",    "legend",  "li",       "link",       "map",
      "mark",   "menu",       "meta",     "meter",   "nav",      "noframes",   "noscript",
      "object", "ol",         "optgroup", "option",  "output",   "p",          "param",
      "pre",    "progress",   "q",        "rp",      "rt",       "ruby",       "s",
      "samp",   "script",     "section",  "select",  "small",    "source",     "span",
      "strike", "strong",     "style",    "sub",     "summary",  "sup",        "table",
      "tbody",  "td",         "textarea", "tfoot",   "th",       "thead",      "time",
      "title",  "tr",         "track",    "tt",      "u",        "ul",         "var",
      "video",  "wbr"};
  return names.count(v) > 0;
}

}  // namespace

void check_module_element(Context& ctx, pugi::xml_node e) {
  const std::string ns = ctx.ns(e);
  const std::string local = Context::local(e.name());
  if (ns == kCoreNs) {
    ctx.error(e, "xliff-unexpected-element", subst(tr("<{1}> is not allowed here"), {e.name()}));
    return;
  }
  if (!is_module_ns(ns)) {
    return;  // an extension: any content
  }
  const bool in_unit = ctx.is(e.parent(), kCoreNs, "unit");
  if (ns == kMtcNs && local == "matches" && in_unit) {
    check_matches(ctx, e);
  } else if (ns == kGlsNs && local == "glossary" && in_unit) {
    check_glossary(ctx, e);
  } else if (ns == kMdaNs && local == "metadata") {
    check_metadata(ctx, e);
  } else if (ns == kResNs && local == "resourceData") {
    check_resource_data(ctx, e);
  } else if (ns == kValNs && local == "validation") {
    check_validation(ctx, e);
  } else if (ns == kCtrNs && local == "changeTrack") {
    check_change_track(ctx, e);
  } else if (ns == kSlrNs) {
    check_slr_element(ctx, e, local);
  } else if (ns == kItsNs || ns == kItsmNs) {
    // ITS module (XLIFF 2.1): stand-off annotations, not checked further.
  } else {
    ctx.error(e, "xliff-unknown-module-element",
              subst(tr("<{1}> is not an element of its module or is not allowed in <{2}>"),
                    {e.name(), e.parent().name()}));
  }
}

void check_module_attributes(Context& ctx, pugi::xml_node e) {
  static const std::regex restriction("^(\\*|[0-9]+|[0-9]+,[0-9]+|[0-9]+,\\*)$");
  static const std::regex decimal("^[+-]?[0-9]*([.][0-9]+)?$");
  for (auto a : e.attributes()) {
    const std::string ns = ctx.attr_ns(e, a);
    const std::string local = Context::local(a.name());
    const std::string v = a.value();
    if (ns == kFsNs) {
      if (local == "fs") {
        if (!is_html_element_name(v)) {
          ctx.error(e, "fs-value",
                    subst(tr("fs:fs={1} is not the name of an HTML element"), {in_quotes(v)}));
        }
      } else if (local == "subFs") {
        if (!ctx.ns_attr(e, kFsNs, "fs")) {
          ctx.error(e, "fs-subfs-without-fs", tr("fs:subFs is used without fs:fs"));
        }
      } else {
        ctx.error(e, "xliff-attribute-not-allowed",
                  subst(tr("{1} is not an attribute of the Format Style module"), {a.name()}));
      }
    } else if (ns == kSlrNs) {
      if (local == "sizeRestriction" || local == "storageRestriction") {
        if (!std::regex_match(v, restriction)) {
          ctx.error(e, "slr-restriction",
                    subst(tr("slr:{1}={2} must be \"*\", a size, \"min,max\" or \"min,*\""),
                          {local, in_quotes(v)}));
        }
      } else if (local == "equivStorage") {
        if (!is_non_negative_integer(v)) {
          ctx.error(
              e, "slr-integer",
              subst(tr("slr:equivStorage={1} must be a non-negative integer"), {in_quotes(v)}));
        }
      } else if (local == "sizeInfo") {
        // The value depends on the profile; the standard profiles count in integers, so a number
        // must be one. Without declared profiles other (custom-profile) values are left alone.
        const bool number = std::regex_match(v, decimal) && !v.empty();
        if ((ctx.has_slr_profiles || number) && !is_non_negative_integer(v)) {
          ctx.error(e, "slr-integer",
                    subst(tr("slr:sizeInfo={1} must be a non-negative integer"), {in_quotes(v)}));
        }
        if (ctx.ns_attr(e, kSlrNs, "sizeInfoRef")) {
          ctx.error(e, "slr-size-info-and-ref",
                    tr("slr:sizeInfo and slr:sizeInfoRef must not be used together"));
        }
      } else if (local == "sizeInfoRef") {
        bool found = false;
        for (auto n = e.parent(); n && !found && n.type() == pugi::node_element; n = n.parent()) {
          for (auto c : element_children(n)) {
            if (ctx.is(c, kSlrNs, "data") && c.find_node([&](pugi::xml_node d) {
                  return d.type() == pugi::node_element && v == d.attribute("id").value();
                })) {
              found = true;
            }
          }
        }
        if (!found) {
          ctx.error(e, "slr-size-info-ref",
                    subst(tr("slr:sizeInfoRef={1} names nothing in an <slr:data> of this element's "
                             "ancestors"),
                          {in_quotes(v)}));
        }
      } else {
        ctx.error(e, "xliff-attribute-not-allowed",
                  subst(tr("{1} is not an attribute of the Size and Length Restriction module"),
                        {a.name()}));
      }
    }
  }
}

}  // namespace relocale::xliff2_validation
