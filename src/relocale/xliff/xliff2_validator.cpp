#include "relocale/xliff/xliff2_validator.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "relocale/base/ascii.h"
#include "relocale/base/files.h"
#include "relocale/base/i18n.h"
#include "relocale/xliff/xliff2_validator_context.h"
#include "relocale/xliff/xliff2_validator_inline.h"

namespace relocale {
namespace xliff2_validation {

bool is_module_ns(const std::string& ns) {
  return ns == kMtcNs || ns == kGlsNs || ns == kFsNs || ns == kMdaNs || ns == kResNs ||
         ns == kSlrNs || ns == kValNs || ns == kCtrNs || ns == kItsNs || ns == kItsmNs;
}

void Context::error(pugi::xml_node node, const char* check_id, const std::string& message) {
  error_at(static_cast<size_t>(std::max<ptrdiff_t>(0, node.offset_debug())), check_id, message);
}

void Context::error_at(size_t offset, const char* check_id, const std::string& message) {
  // offset_debug() points just after '<' for elements: step back so the column names the '<'.
  if (offset > 0 && offset <= text_.size() && text_[offset - 1] == '<') {
    --offset;
  }
  const LineColumn lc = line_column_at(text_, std::min(offset, text_.size()));
  out_.add(check_id, Severity::error, Location{file_name_, lc.line, lc.column, {}}, message);
}

std::string Context::resolve(pugi::xml_node node, std::string_view prefix) const {
  if (prefix == "xml") {
    return kXmlNs;
  }
  const std::string name = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
  for (auto n = node; n && n.type() == pugi::node_element; n = n.parent()) {
    if (auto a = n.attribute(name.c_str())) {
      return a.value();
    }
  }
  return "";
}

std::string Context::local(const char* qname) {
  const char* colon = std::strchr(qname, ':');
  return colon ? std::string(colon + 1) : std::string(qname);
}

std::string Context::ns(pugi::xml_node element) const {
  std::string_view name = element.name();
  const auto colon = name.find(':');
  return resolve(element, colon == std::string_view::npos ? "" : name.substr(0, colon));
}

std::string Context::attr_ns(pugi::xml_node element, pugi::xml_attribute a) const {
  std::string_view name = a.name();
  if (name == "xmlns" || name.rfind("xmlns:", 0) == 0) {
    return "xmlns";
  }
  const auto colon = name.find(':');
  if (colon == std::string_view::npos) {
    return "";
  }
  return resolve(element, name.substr(0, colon));
}

bool Context::is(pugi::xml_node element, const char* ns_uri, const char* local_name) const {
  return element.type() == pugi::node_element && local(element.name()) == local_name &&
         ns(element) == ns_uri;
}

pugi::xml_attribute Context::ns_attr(pugi::xml_node element, const char* ns_uri,
                                     const char* local_name) const {
  for (auto a : element.attributes()) {
    if (local(a.name()) == local_name && std::strchr(a.name(), ':') &&
        attr_ns(element, a) == ns_uri) {
      return a;
    }
  }
  return {};
}

bool load_for_validation(pugi::xml_document& doc, std::string_view text, Context& ctx) {
  const auto result = doc.load_buffer(
      text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_doctype);
  if (!result) {
    ctx.error_at(static_cast<size_t>(result.offset), "xml-malformed",
                 subst(tr("the XML is not well-formed: {1}"), {result.description()}));
    return false;
  }
  for (auto c : doc.children()) {
    if (c.type() == pugi::node_doctype) {
      ctx.error(c, "xml-doctype",
                tr("a DOCTYPE is refused (XLIFF has none, and entities are not expanded)"));
      return false;
    }
  }
  return true;
}

bool is_nmtoken(std::string_view s) {
  if (s.empty()) {
    return false;
  }
  for (unsigned char c : s) {
    // Bytes >= 0x80 belong to non-ASCII name characters; ASCII must be a name character.
    if (c < 0x80 && !std::isalnum(c) && c != '.' && c != '-' && c != '_' && c != ':') {
      return false;
    }
  }
  return true;
}

bool is_language_tag(std::string_view s) {
  // RFC 5646, section 2.1 (langtag | privateuse | grandfathered irregular forms like i-klingon).
  static const std::regex tag(
      "^(([a-z]{2,3}(-[a-z]{3}){0,3}|[a-z]{4,8})(-[a-z]{4})?(-([a-z]{2}|[0-9]{3}))?"
      "(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*(-[0-9a-wy-z](-[a-z0-9]{2,8})+)*"
      "(-x(-[a-z0-9]{1,8})+)?|x(-[a-z0-9]{1,8})+|i-[a-z]{2,8})$",
      std::regex::icase | std::regex::optimize);
  return std::regex_match(s.begin(), s.end(), tag);
}

bool is_non_negative_integer(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<pugi::xml_node> element_children(pugi::xml_node node) {
  std::vector<pugi::xml_node> out;
  for (auto c : node.children()) {
    if (c.type() == pugi::node_element) {
      out.push_back(c);
    }
  }
  return out;
}

bool has_text(pugi::xml_node node) {
  for (auto c : node.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      std::string_view v = c.value();
      if (v.find_first_not_of(" \t\r\n") != std::string_view::npos) {
        return true;
      }
    }
  }
  return false;
}

std::string in_quotes(std::string_view s) {
  return "\"" + std::string(s) + "\"";
}

bool parse_fragment_id(std::string_view ref, std::vector<FragmentSelector>& selectors,
                       std::string& why) {
  selectors.clear();
  if (ref.empty() || ref[0] != '#') {
    why = tr("a fragment identifier starts with '#'");
    return false;
  }
  ref.remove_prefix(1);
  if (!ref.empty() && ref[0] == '/') {
    ref.remove_prefix(1);
  }
  // Registered prefixes: the core's one-letter ones, the modules' and the extension prefix
  // registered for TBX (the suite's extra-prefixes.properties).
  static const std::set<std::string> registered = {"f",   "g",   "u",   "n",   "d",   "t",   "mtc",
                                                   "gls", "mda", "res", "slr", "val", "ctr", "tbx"};
  // Selectors must follow the containment order file > group > unit > leaf, each at most once.
  auto level_of = [](const std::string& prefix) {
    if (prefix == "f")
      return 0;
    if (prefix == "g")
      return 1;
    if (prefix == "u")
      return 2;
    return 3;
  };
  int last_level = -1;
  size_t start = 0;
  while (true) {
    const size_t slash = ref.find('/', start);
    const std::string_view part =
        ref.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    FragmentSelector sel;
    const size_t eq = part.find('=');
    if (eq == std::string_view::npos) {
      sel.id = std::string(part);
    } else {
      sel.prefix = std::string(part.substr(0, eq));
      sel.id = std::string(part.substr(eq + 1));
      if (!is_nmtoken(sel.prefix) || sel.prefix.find(':') != std::string::npos) {
        why = subst(tr("prefix {1} is not an NMTOKEN"), {in_quotes(sel.prefix)});
        return false;
      }
      if (registered.count(sel.prefix) == 0) {
        why = sel.prefix.size() == 1
                  ? subst(tr("one-letter prefix {1} is not one of the core's (f, g, u, n, d, t)"),
                          {in_quotes(sel.prefix)})
                  : subst(tr("prefix {1} is not registered"), {in_quotes(sel.prefix)});
        return false;
      }
    }
    if (!is_nmtoken(sel.id)) {
      why = subst(tr("{1} is not a valid id"), {in_quotes(sel.id)});
      return false;
    }
    const int level = sel.prefix.empty() ? 3 : level_of(sel.prefix);
    if (level <= last_level) {
      why = level == 3 && last_level == 3
                ? tr("it has more than one leaf selector")
                : subst(tr("selector {1} is out of order or repeated"), {in_quotes(part)});
      return false;
    }
    last_level = level;
    selectors.push_back(sel);
    if (slash == std::string_view::npos) {
      break;
    }
    if (level == 3) {
      why = subst(tr("leaf selector {1} must come last"), {in_quotes(part)});
      return false;
    }
    start = slash + 1;
  }
  return true;
}

}  // namespace xliff2_validation

namespace {

using namespace xliff2_validation;

// Attributes each core element takes (the XSD's list). `other` tells whether attributes of
// other namespaces (extensions) are allowed; module attributes are checked separately.
struct CoreElementRule {
  const char* name;
  std::vector<const char*> attributes;
  bool other;
};

const CoreElementRule* core_rule(const std::string& local) {
  static const std::vector<CoreElementRule> rules = {
      {"xliff", {"version", "srcLang", "trgLang"}, true},
      {"file", {"id", "canResegment", "original", "translate", "srcDir", "trgDir"}, true},
      {"skeleton", {"href"}, false},
      {"group", {"id", "name", "canResegment", "translate", "srcDir", "trgDir", "type"}, true},
      {"unit", {"id", "name", "canResegment", "translate", "srcDir", "trgDir", "type"}, true},
      {"segment", {"id", "canResegment", "state", "subState"}, false},
      {"ignorable", {"id"}, false},
      {"notes", {}, false},
      {"note", {"id", "appliesTo", "category", "priority"}, true},
      {"originalData", {}, false},
      {"data", {"id", "dir"}, false},
      {"source", {}, false},
      {"target", {"order"}, false},
      {"cp", {"hex"}, false},
      {"ph",
       {"canCopy", "canDelete", "canReorder", "copyOf", "disp", "equiv", "id", "dataRef",
        "subFlows", "subType", "type"},
       false},
      {"pc",
       {"canCopy", "canDelete", "canOverlap", "canReorder", "copyOf", "dispEnd", "dispStart",
        "equivEnd", "equivStart", "id", "dataRefEnd", "dataRefStart", "subFlowsEnd",
        "subFlowsStart", "subType", "type", "dir"},
       false},
      {"sc",
       {"canCopy", "canDelete", "canOverlap", "canReorder", "copyOf", "dataRef", "dir", "disp",
        "equiv", "id", "isolated", "subFlows", "subType", "type"},
       false},
      {"ec",
       {"canCopy", "canDelete", "canOverlap", "canReorder", "copyOf", "dataRef", "dir", "disp",
        "equiv", "id", "isolated", "startRef", "subFlows", "subType", "type"},
       false},
      {"mrk", {"id", "translate", "type", "ref", "value"}, true},
      {"sm", {"id", "translate", "type", "ref", "value"}, true},
      {"em", {"startRef"}, false},
  };
  for (const auto& r : rules) {
    if (local == r.name) {
      return &r;
    }
  }
  return nullptr;
}

// Core elements on which module attributes (fs, slr, its) may appear.
bool takes_module_attributes(const std::string& local) {
  static const std::set<std::string> names = {"xliff", "file", "group",  "unit",   "note",
                                              "mrk",   "sm",   "pc",     "ph",     "sc",
                                              "ec",    "data", "source", "target", "segment"};
  return names.count(local) > 0;
}

class Validator {
 public:
  Validator(std::string_view text, const std::string& file_name, Diagnostics& out)
      : ctx_(text, file_name, out), text_(text) {}

  void run();

 private:
  void check_attributes(pugi::xml_node element);
  void check_all_attributes(pugi::xml_node node);
  void check_xliff(pugi::xml_node root);
  void check_file(pugi::xml_node file);
  void check_group_or_unit_children(pugi::xml_node parent, const char* what);
  void check_group(pugi::xml_node group);
  void check_unit(pugi::xml_node unit);
  void check_skeleton(pugi::xml_node skeleton);
  void check_notes(pugi::xml_node notes);
  void check_original_data(pugi::xml_node original_data);
  void check_part(pugi::xml_node part, bool is_segment, int position,
                  std::map<int, pugi::xml_node>& orders);
  void check_languages(pugi::xml_node node);
  void check_extension_ids(pugi::xml_node node);
  void check_yes_no(pugi::xml_node element, const char* name);
  std::string effective_space(pugi::xml_node node) const;

  Context ctx_;
  std::string_view text_;
  std::set<std::string> file_ids_;
  std::set<std::string> group_ids_;
  std::set<std::string> unit_ids_;
  std::set<std::string> all_unit_ids_in_file_;
  pugi::xml_node current_file_;
  bool any_core_target_ = false;
  pugi::xml_node first_target_;
};

void Validator::check_yes_no(pugi::xml_node element, const char* name) {
  if (auto a = element.attribute(name)) {
    const std::string v = a.value();
    if (v != "yes" && v != "no") {
      ctx_.error(element, "xliff-attribute-value",
                 subst(tr("<{1}> {2}={3} must be \"yes\" or \"no\""),
                       {element.name(), name, in_quotes(v)}));
    }
  }
}

void Validator::check_attributes(pugi::xml_node element) {
  const std::string local = Context::local(element.name());
  const CoreElementRule* rule = core_rule(local);
  if (!rule) {
    return;
  }
  for (auto a : element.attributes()) {
    const std::string ns = ctx_.attr_ns(element, a);
    const std::string name = a.name();
    if (ns == "xmlns") {
      continue;
    }
    if (ns.empty()) {
      const bool known = std::any_of(rule->attributes.begin(), rule->attributes.end(),
                                     [&](const char* n) { return name == n; });
      if (!known) {
        ctx_.error(element, "xliff-attribute-not-allowed",
                   subst(tr("<{1}> does not take the attribute {2}"), {element.name(), name}));
      }
      continue;
    }
    if (ns == kXmlNs) {
      const std::string xml_local = Context::local(a.name());
      if (xml_local == "space") {
        const std::string v = a.value();
        if (v != "default" && v != "preserve") {
          ctx_.error(
              element, "xliff-xml-space",
              subst(tr("xml:space={1} must be \"default\" or \"preserve\""), {in_quotes(v)}));
        }
      } else if (xml_local == "lang") {
        const std::string v = a.value();
        if (!v.empty() && !is_language_tag(v)) {
          ctx_.error(
              element, "xliff-language-tag",
              subst(tr("xml:lang={1} is not a well-formed BCP 47 language tag"), {in_quotes(v)}));
        }
      }
      continue;
    }
    if (is_module_ns(ns)) {
      if (!takes_module_attributes(local)) {
        ctx_.error(
            element, "xliff-attribute-not-allowed",
            subst(tr("<{1}> does not take the module attribute {2}"), {element.name(), name}));
      }
      continue;
    }
    if (!rule->other) {
      ctx_.error(
          element, "xliff-extension-attribute-not-allowed",
          subst(tr("<{1}> does not take extension attributes, found {2}"), {element.name(), name}));
    }
  }
  for (const char* yn :
       {"canResegment", "translate", "canCopy", "canDelete", "canOverlap", "isolated"}) {
    check_yes_no(element, yn);
  }
  for (const char* dir : {"srcDir", "trgDir", "dir"}) {
    if (auto a = element.attribute(dir)) {
      const std::string v = a.value();
      if (v != "ltr" && v != "rtl" && v != "auto") {
        ctx_.error(element, "xliff-attribute-value",
                   subst(tr("<{1}> {2}={3} must be \"ltr\", \"rtl\" or \"auto\""),
                         {element.name(), dir, in_quotes(v)}));
      }
    }
  }
  if (auto a = element.attribute("id")) {
    if (!is_nmtoken(a.value())) {
      ctx_.error(
          element, "xliff-id-not-nmtoken",
          subst(tr("<{1}> id={2} is not an NMTOKEN"), {element.name(), in_quotes(a.value())}));
    }
  }
  check_module_attributes(ctx_, element);
}

// Walks the whole document once for attribute-level rules of core elements.
void Validator::check_all_attributes(pugi::xml_node node) {
  for (auto c : node.children()) {
    if (c.type() != pugi::node_element) {
      continue;
    }
    if (ctx_.is_core(c)) {
      check_attributes(c);
    }
    check_all_attributes(c);
  }
}

std::string Validator::effective_space(pugi::xml_node node) const {
  for (auto n = node; n && n.type() == pugi::node_element; n = n.parent()) {
    if (auto a = n.attribute("xml:space")) {
      return a.value();
    }
  }
  return "default";
}

void Validator::run() {
  pugi::xml_document doc;
  if (!load_for_validation(doc, text_, ctx_)) {
    return;
  }
  auto root = doc.document_element();
  if (!ctx_.is(root, kCoreNs, "xliff")) {
    ctx_.error(root, "xliff-root",
               subst(tr("the root element is <{1}> in namespace {2}, expected <xliff> in {3}"),
                     {root.name(), in_quotes(ctx_.ns(root)), in_quotes(kCoreNs)}));
    return;
  }
  check_all_attributes(root);
  check_xliff(root);
  check_languages(root);
  check_extension_ids(root);
}

void Validator::check_xliff(pugi::xml_node root) {
  const std::string version = root.attribute("version").value();
  if (!root.attribute("version")) {
    ctx_.error(root, "xliff-version", tr("<xliff> has no version attribute"));
  } else if (version != "2.0" && version != "2.1") {
    ctx_.error(
        root, "xliff-version",
        subst(tr("<xliff> version={1} is not a 2.x version (2.0, 2.1)"), {in_quotes(version)}));
  }
  if (!root.attribute("srcLang")) {
    ctx_.error(root, "xliff-srclang-missing", tr("<xliff> has no srcLang attribute"));
  } else {
    ctx_.src_lang = root.attribute("srcLang").value();
    if (!is_language_tag(ctx_.src_lang)) {
      ctx_.error(root, "xliff-language-tag",
                 subst(tr("srcLang={1} is not a well-formed BCP 47 language tag"),
                       {in_quotes(ctx_.src_lang)}));
    }
  }
  if (root.attribute("trgLang")) {
    ctx_.trg_lang = root.attribute("trgLang").value();
    if (!is_language_tag(ctx_.trg_lang)) {
      ctx_.error(root, "xliff-language-tag",
                 subst(tr("trgLang={1} is not a well-formed BCP 47 language tag"),
                       {in_quotes(ctx_.trg_lang)}));
    }
  }
  if (has_text(root)) {
    ctx_.error(root, "xliff-unexpected-text", tr("<xliff> contains text outside <file>"));
  }
  int files = 0;
  for (auto c : element_children(root)) {
    if (ctx_.is(c, kCoreNs, "file")) {
      ++files;
      check_file(c);
    } else {
      ctx_.error(c, "xliff-unexpected-element",
                 subst(tr("<xliff> may contain only <file> elements, found <{1}>"), {c.name()}));
    }
  }
  if (files == 0) {
    ctx_.error(root, "xliff-no-file", tr("<xliff> has no <file>"));
  }
  if (any_core_target_ && ctx_.trg_lang.empty()) {
    ctx_.error(first_target_, "xliff-trglang-missing",
               tr("the document has <target> elements but <xliff> has no trgLang"));
  }
}

void Validator::check_skeleton(pugi::xml_node skeleton) {
  const bool has_content = has_text(skeleton) || !element_children(skeleton).empty();
  if (skeleton.attribute("href") && has_content) {
    ctx_.error(skeleton, "xliff-skeleton",
               tr("<skeleton> has an href attribute and content: it must have one or the other"));
  } else if (!skeleton.attribute("href") && !has_content) {
    ctx_.error(skeleton, "xliff-skeleton",
               tr("<skeleton> is empty and has no href attribute: it must have one or the other"));
  }
}

void Validator::check_notes(pugi::xml_node notes) {
  std::set<std::string> ids;
  int count = 0;
  for (auto c : element_children(notes)) {
    if (!ctx_.is(c, kCoreNs, "note")) {
      ctx_.error(c, "xliff-unexpected-element",
                 subst(tr("<notes> may contain only <note> elements, found <{1}>"), {c.name()}));
      continue;
    }
    ++count;
    if (!element_children(c).empty()) {
      ctx_.error(c, "xliff-unexpected-element", tr("<note> may contain only text"));
    }
    if (auto id = c.attribute("id")) {
      if (!ids.insert(id.value()).second) {
        ctx_.error(c, "xliff-id-not-unique",
                   subst(tr("note id={1} is not unique in its <notes>"), {in_quotes(id.value())}));
      }
    }
    if (auto a = c.attribute("appliesTo")) {
      const std::string v = a.value();
      if (v != "source" && v != "target") {
        ctx_.error(
            c, "xliff-attribute-value",
            subst(tr("<note> appliesTo={1} must be \"source\" or \"target\""), {in_quotes(v)}));
      }
    }
    if (auto a = c.attribute("priority")) {
      const std::string v = a.value();
      if (!is_non_negative_integer(v) || v.size() > 2 || std::stoi(v) < 1 || std::stoi(v) > 10) {
        ctx_.error(
            c, "xliff-attribute-value",
            subst(tr("<note> priority={1} must be an integer from 1 to 10"), {in_quotes(v)}));
      }
    }
  }
  if (count == 0) {
    ctx_.error(notes, "xliff-notes-empty", tr("<notes> must contain at least one <note>"));
  }
  if (has_text(notes)) {
    ctx_.error(notes, "xliff-unexpected-text", tr("<notes> contains text"));
  }
}

void Validator::check_file(pugi::xml_node file) {
  current_file_ = file;
  group_ids_.clear();
  unit_ids_.clear();
  all_unit_ids_in_file_.clear();
  for (auto u : file.select_nodes(".//*[local-name()='unit']")) {
    if (ctx_.is(u.node(), kCoreNs, "unit")) {
      all_unit_ids_in_file_.insert(u.node().attribute("id").value());
    }
  }
  ctx_.has_slr_profiles = false;
  for (auto c : element_children(file)) {
    if (ctx_.is(c, kSlrNs, "profiles")) {
      ctx_.has_slr_profiles = true;
    }
  }
  if (!file.attribute("id")) {
    ctx_.error(file, "xliff-id-missing", tr("<file> has no id attribute"));
  } else if (!file_ids_.insert(file.attribute("id").value()).second) {
    ctx_.error(file, "xliff-id-not-unique",
               subst(tr("file id={1} is not unique in the document"),
                     {in_quotes(file.attribute("id").value())}));
  }
  // Content: skeleton?, other*, notes?, (unit | group)+
  enum Stage { kStart, kSkeleton, kOther, kNotes, kBody } stage = kStart;
  int bodies = 0;
  for (auto c : element_children(file)) {
    const bool core = ctx_.is_core(c);
    const std::string local = Context::local(c.name());
    if (core && local == "skeleton" && stage == kStart) {
      stage = kSkeleton;
      check_skeleton(c);
    } else if (!core && stage <= kOther) {
      stage = kOther;
      check_module_element(ctx_, c);
    } else if (core && local == "notes" && stage <= kOther) {
      stage = kNotes;
      check_notes(c);
    } else if (core && (local == "unit" || local == "group")) {
      stage = kBody;
      ++bodies;
      local == "unit" ? check_unit(c) : check_group(c);
    } else {
      ctx_.error(c, "xliff-unexpected-element",
                 subst(tr("<{1}> is not allowed here in <file> (expected skeleton?, extensions*, "
                          "notes?, then unit or group elements)"),
                       {c.name()}));
    }
  }
  if (bodies == 0) {
    ctx_.error(file, "xliff-file-empty", tr("<file> must contain at least one <unit> or <group>"));
  }
  if (has_text(file)) {
    ctx_.error(file, "xliff-unexpected-text", tr("<file> contains text"));
  }
}

void Validator::check_group(pugi::xml_node group) {
  if (!group.attribute("id")) {
    ctx_.error(group, "xliff-id-missing", tr("<group> has no id attribute"));
  } else if (!group_ids_.insert(group.attribute("id").value()).second) {
    ctx_.error(group, "xliff-id-not-unique",
               subst(tr("group id={1} is not unique in its <file>"),
                     {in_quotes(group.attribute("id").value())}));
  }
  enum Stage { kOther, kNotes, kBody } stage = kOther;
  for (auto c : element_children(group)) {
    const bool core = ctx_.is_core(c);
    const std::string local = Context::local(c.name());
    if (!core && stage == kOther) {
      check_module_element(ctx_, c);
    } else if (core && local == "notes" && stage == kOther) {
      stage = kNotes;
      check_notes(c);
    } else if (core && (local == "unit" || local == "group")) {
      stage = kBody;
      local == "unit" ? check_unit(c) : check_group(c);
    } else {
      ctx_.error(c, "xliff-unexpected-element",
                 subst(tr("<{1}> is not allowed here in <group> (expected extensions*, notes?, "
                          "then unit or group elements)"),
                       {c.name()}));
    }
  }
  if (has_text(group)) {
    ctx_.error(group, "xliff-unexpected-text", tr("<group> contains text"));
  }
}

void Validator::check_original_data(pugi::xml_node original_data) {
  std::set<std::string> ids;
  int count = 0;
  for (auto c : element_children(original_data)) {
    if (!ctx_.is(c, kCoreNs, "data")) {
      ctx_.error(
          c, "xliff-unexpected-element",
          subst(tr("<originalData> may contain only <data> elements, found <{1}>"), {c.name()}));
      continue;
    }
    ++count;
    if (!c.attribute("id")) {
      ctx_.error(c, "xliff-id-missing", tr("<data> has no id attribute"));
    } else if (!ids.insert(c.attribute("id").value()).second) {
      ctx_.error(c, "xliff-id-not-unique",
                 subst(tr("data id={1} is not unique in its <originalData>"),
                       {in_quotes(c.attribute("id").value())}));
    }
    for (auto d : element_children(c)) {
      if (!ctx_.is(d, kCoreNs, "cp")) {
        ctx_.error(d, "xliff-unexpected-element",
                   subst(tr("<data> may contain only text and <cp>, found <{1}>"), {d.name()}));
      } else {
        check_cp(ctx_, d);
      }
    }
  }
  if (count == 0) {
    ctx_.error(original_data, "xliff-original-data-empty",
               tr("<originalData> must contain at least one <data>"));
  }
}

void Validator::check_part(pugi::xml_node part, bool is_segment, int position,
                           std::map<int, pugi::xml_node>& orders) {
  const char* name = is_segment ? "segment" : "ignorable";
  auto children = element_children(part);
  size_t i = 0;
  if (i < children.size() && ctx_.is(children[i], kCoreNs, "source")) {
    ++i;
  } else {
    ctx_.error(part, "xliff-source-missing", subst(tr("<{1}> must start with a <source>"), {name}));
  }
  pugi::xml_node target;
  if (i < children.size() && ctx_.is(children[i], kCoreNs, "target")) {
    target = children[i];
    ++i;
  }
  for (; i < children.size(); ++i) {
    ctx_.error(children[i], "xliff-unexpected-element",
               subst(tr("<{1}> may contain only <source> then an optional <target>, found <{2}>"),
                     {name, children[i].name()}));
  }
  if (has_text(part)) {
    ctx_.error(part, "xliff-unexpected-text", subst(tr("<{1}> contains text"), {name}));
  }
  if (is_segment) {
    if (auto state = part.attribute("state")) {
      const std::string v = state.value();
      if (v != "initial" && v != "translated" && v != "reviewed" && v != "final") {
        ctx_.error(
            part, "xliff-state-value",
            subst(tr("state={1} must be initial, translated, reviewed or final"), {in_quotes(v)}));
      }
    }
    if (part.attribute("subState") && !part.attribute("state")) {
      ctx_.error(part, "xliff-substate-without-state", tr("<segment> has subState but no state"));
    }
    if (auto sub = part.attribute("subState")) {
      check_user_defined_value(ctx_, part, "subState", sub.value());
    }
  }
  if (!target) {
    return;
  }
  if (!any_core_target_) {
    any_core_target_ = true;
    first_target_ = target;
  }
  if (!children.empty() && ctx_.is(children[0], kCoreNs, "source") &&
      effective_space(children[0]) != effective_space(target)) {
    ctx_.error(target, "xliff-xml-space-differs",
               subst(tr("the <target>'s xml:space ({1}) differs from its <source>'s ({2})"),
                     {effective_space(target), effective_space(children[0])}));
  }
  int order = position;
  if (auto a = target.attribute("order")) {
    const std::string v = a.value();
    if (!is_non_negative_integer(v) || v.size() > 9 || std::stoi(v) < 1) {
      ctx_.error(target, "xliff-target-order",
                 subst(tr("<target> order={1} must be a positive integer"), {in_quotes(v)}));
      return;
    }
    order = std::stoi(v);
  }
  auto [it, inserted] = orders.emplace(order, target);
  if (!inserted) {
    ctx_.error(
        target, "xliff-target-order",
        subst(tr("<target> order {1} is already used by the <target> on line {2}"),
              {std::to_string(order),
               std::to_string(
                   line_column_at(text_, static_cast<size_t>(it->second.offset_debug())).line)}));
  }
}

void Validator::check_unit(pugi::xml_node unit) {
  if (!unit.attribute("id")) {
    ctx_.error(unit, "xliff-id-missing", tr("<unit> has no id attribute"));
  } else if (!unit_ids_.insert(unit.attribute("id").value()).second) {
    ctx_.error(unit, "xliff-id-not-unique",
               subst(tr("unit id={1} is not unique in its <file>"),
                     {in_quotes(unit.attribute("id").value())}));
  }
  // Content: other*, notes?, originalData?, (segment | ignorable)+ with at least one segment.
  enum Stage { kOther, kNotes, kOriginalData, kParts } stage = kOther;
  int segments = 0;
  int position = 0;
  std::map<int, pugi::xml_node> orders;
  std::map<std::string, pugi::xml_node> part_ids;
  for (auto c : element_children(unit)) {
    const bool core = ctx_.is_core(c);
    const std::string local = Context::local(c.name());
    if (!core && stage == kOther) {
      check_module_element(ctx_, c);
    } else if (core && local == "notes" && stage == kOther) {
      stage = kNotes;
      check_notes(c);
    } else if (core && local == "originalData" && stage <= kNotes) {
      stage = kOriginalData;
      check_original_data(c);
    } else if (core && (local == "segment" || local == "ignorable")) {
      stage = kParts;
      ++position;
      if (local == "segment") {
        ++segments;
      }
      if (auto id = c.attribute("id")) {
        if (!part_ids.emplace(id.value(), c).second) {
          ctx_.error(
              c, "xliff-id-not-unique",
              subst(tr("<{1}> id={2} is not unique among the segments and ignorables of "
                       "unit {3}"),
                    {local, in_quotes(id.value()), in_quotes(unit.attribute("id").value())}));
        }
      }
      check_part(c, local == "segment", position, orders);
    } else {
      ctx_.error(c, "xliff-unexpected-element",
                 subst(tr("<{1}> is not allowed here in <unit> (expected extensions*, notes?, "
                          "originalData?, then segment or ignorable elements)"),
                       {c.name()}));
    }
  }
  if (segments == 0) {
    ctx_.error(unit, "xliff-unit-without-segment",
               tr("<unit> must contain at least one <segment>"));
  }
  if (has_text(unit)) {
    ctx_.error(unit, "xliff-unexpected-text", tr("<unit> contains text"));
  }
  for (const auto& [order, target] : orders) {
    if (order > position) {
      ctx_.error(target, "xliff-target-order",
                 subst(tr("<target> order {1} is beyond the unit's {2} segments and ignorables"),
                       {std::to_string(order), std::to_string(position)}));
    }
  }
  check_unit_inline(ctx_, unit, all_unit_ids_in_file_);
}

// xml:lang of <source> must be srcLang and of <target> trgLang, including values inherited from
// file, group, unit or segment.
void Validator::check_languages(pugi::xml_node node) {
  auto lang_of = [&](pugi::xml_node n) -> pugi::xml_attribute {
    for (; n && n.type() == pugi::node_element; n = n.parent()) {
      if (auto a = n.attribute("xml:lang")) {
        return a;
      }
    }
    return {};
  };
  for (auto c : element_children(node)) {
    const bool is_source = ctx_.is(c, kCoreNs, "source");
    const bool is_target = ctx_.is(c, kCoreNs, "target");
    const auto parent = c.parent();
    const bool in_match = ctx_.is(parent, kMtcNs, "match");
    const bool in_part =
        ctx_.is(parent, kCoreNs, "segment") || ctx_.is(parent, kCoreNs, "ignorable");
    if ((is_source || is_target) && (in_part || in_match)) {
      const bool reference =
          in_match && std::string(parent.attribute("reference").value()) == "yes";
      const auto lang = lang_of(c);
      const std::string& expected = is_source ? ctx_.src_lang : ctx_.trg_lang;
      if (lang && !expected.empty() && !(is_target && reference) &&
          !equal_ignoring_ascii_case(lang.value(), expected)) {
        ctx_.error(c, is_source ? "xliff-source-lang" : "xliff-target-lang",
                   subst(tr("the <{1}>'s language {2} (xml:lang) differs from the document's {3} "
                            "{4}"),
                         {c.name(), in_quotes(lang.value()), is_source ? "srcLang" : "trgLang",
                          in_quotes(expected)}));
      }
      continue;
    }
    check_languages(c);
  }
}

// Extension elements' id (or xml:id) values are unique among the extension elements directly
// or indirectly inside the same core element (file, group or unit).
void Validator::check_extension_ids(pugi::xml_node root) {
  std::map<const void*, std::set<std::string>> scopes;
  std::function<void(pugi::xml_node, pugi::xml_node)> walk = [&](pugi::xml_node n,
                                                                 pugi::xml_node scope) {
    for (auto c : element_children(n)) {
      const std::string ns = ctx_.ns(c);
      if (ns == kCoreNs) {
        walk(c, c);
        continue;
      }
      if (!is_module_ns(ns)) {
        for (const char* attr : {"id", "xml:id"}) {
          if (auto a = c.attribute(attr)) {
            if (!scopes[scope.internal_object()].insert(a.value()).second) {
              ctx_.error(c, "xliff-id-not-unique",
                         subst(tr("extension element id {1} is not unique in its <{2}>"),
                               {in_quotes(a.value()), scope.name()}));
            }
          }
        }
      }
      walk(c, scope);
    }
  };
  walk(root, root);
}

}  // namespace

Diagnostics validate_xliff2(std::string_view text, const std::string& file_name) {
  Diagnostics out;
  Validator(text, file_name, out).run();
  return out;
}

}  // namespace relocale
