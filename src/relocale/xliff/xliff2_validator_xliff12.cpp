// validate_xliff12: light checks of XLIFF 1.2 documents, beside the 2.x validator.

#include <map>
#include <set>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "relocale/base/i18n.h"
#include "relocale/xliff/xliff2_validator.h"
#include "relocale/xliff/xliff2_validator_context.h"

namespace relocale {
namespace {

using namespace xliff2_validation;

constexpr const char* kXliff12Ns = "urn:oasis:names:tc:xliff:document:1.2";

class Xliff12Validator {
 public:
  Xliff12Validator(std::string_view text, const std::string& file_name, Diagnostics& out)
      : ctx_(text, file_name, out), text_(text) {}
  void run();

 private:
  bool is12(pugi::xml_node n, const char* local) const { return ctx_.is(n, kXliff12Ns, local); }
  void check_file(pugi::xml_node file);
  void check_trans_unit(pugi::xml_node unit);
  void check_yes_no(pugi::xml_node e, const char* name);
  void check_language(pugi::xml_node e, const char* name);
  void check_codes(pugi::xml_node content);
  // Elements named local in 1.2's namespace anywhere below node, in document order.
  std::vector<pugi::xml_node> descendants(pugi::xml_node node, const char* local) const;

  Context ctx_;
  std::string_view text_;
};

std::vector<pugi::xml_node> Xliff12Validator::descendants(pugi::xml_node node,
                                                          const char* local) const {
  std::vector<pugi::xml_node> out;
  for (auto it = node.begin(); it != node.end(); ++it) {
    if (it->type() != pugi::node_element) {
      continue;
    }
    if (is12(*it, local)) {
      out.push_back(*it);
    }
    auto below = descendants(*it, local);
    out.insert(out.end(), below.begin(), below.end());
  }
  return out;
}

void Xliff12Validator::check_yes_no(pugi::xml_node e, const char* name) {
  if (auto a = e.attribute(name)) {
    const std::string v = a.value();
    if (v != "yes" && v != "no") {
      ctx_.error(
          e, "xliff-attribute-value",
          subst(tr("<{1}> {2}={3} must be \"yes\" or \"no\""), {e.name(), name, in_quotes(v)}));
    }
  }
}

void Xliff12Validator::check_language(pugi::xml_node e, const char* name) {
  if (auto a = e.attribute(name)) {
    if (!is_language_tag(a.value())) {
      ctx_.error(
          e, "xliff-language-tag",
          subst(tr("{1}={2} is not a well-formed language tag"), {name, in_quotes(a.value())}));
    }
  }
}

void Xliff12Validator::run() {
  pugi::xml_document doc;
  if (!load_for_validation(doc, text_, ctx_)) {
    return;
  }
  auto root = doc.document_element();
  if (!is12(root, "xliff")) {
    ctx_.error(root, "xliff-root",
               subst(tr("the root element is <{1}> in namespace {2}, expected <xliff> in {3}"),
                     {root.name(), in_quotes(ctx_.ns(root)), in_quotes(kXliff12Ns)}));
    return;
  }
  const std::string version = root.attribute("version").value();
  if (version != "1.2") {
    ctx_.error(root, "xliff-version",
               subst(tr("<xliff> version={1} must be \"1.2\""), {in_quotes(version)}));
  }
  int files = 0;
  for (auto c : element_children(root)) {
    if (is12(c, "file")) {
      ++files;
      check_file(c);
    } else if (ctx_.ns(c) == kXliff12Ns) {
      ctx_.error(c, "xliff-unexpected-element",
                 subst(tr("<xliff> may contain only <file> elements, found <{1}>"), {c.name()}));
    }
  }
  if (files == 0) {
    ctx_.error(root, "xliff-no-file", tr("<xliff> has no <file>"));
  }
}

void Xliff12Validator::check_file(pugi::xml_node file) {
  for (const char* required : {"original", "source-language", "datatype"}) {
    if (!file.attribute(required)) {
      ctx_.error(file, "xliff-attribute-missing",
                 subst(tr("<file> has no {1} attribute"), {required}));
    }
  }
  check_language(file, "source-language");
  check_language(file, "target-language");
  pugi::xml_node body;
  for (auto c : element_children(file)) {
    if (is12(c, "body")) {
      body = c;
    }
  }
  if (!body) {
    ctx_.error(file, "xliff-body-missing", tr("<file> has no <body>"));
    return;
  }
  std::map<std::string, pugi::xml_node> ids;
  bool has_target = false;
  for (const char* kind : {"trans-unit", "bin-unit"}) {
    for (auto unit : descendants(body, kind)) {
      auto id = unit.attribute("id");
      if (!id) {
        ctx_.error(unit, "xliff-id-missing", subst(tr("<{1}> has no id attribute"), {kind}));
      } else if (!ids.emplace(id.value(), unit).second) {
        ctx_.error(
            unit, "xliff-id-not-unique",
            subst(tr("<{1}> id={2} is not unique in its <file>"), {kind, in_quotes(id.value())}));
      }
      if (std::string(kind) == "trans-unit") {
        check_trans_unit(unit);
        for (auto c : element_children(unit)) {
          has_target = has_target || is12(c, "target");
        }
      }
    }
  }
  // The 1.2 schema's identity constraints on <file>: group names are unique in the whole file,
  // not per unit (a writer that repeats one context-group name in every unit is refused).
  for (const char* kind : {"context-group", "count-group"}) {
    std::set<std::string> names;
    for (auto group : descendants(file, kind)) {
      if (auto name = group.attribute("name"); name && !names.insert(name.value()).second) {
        ctx_.error(group, "xliff-group-name-not-unique",
                   subst(tr("<{1}> name={2} is used twice in the <file>; the XLIFF 1.2 schema "
                            "wants it unique there"),
                         {kind, in_quotes(name.value())}));
      }
    }
  }
  if (has_target && !file.attribute("target-language")) {
    ctx_.error(file, "xliff-target-language-missing",
               tr("<file> has <target> elements but no target-language attribute"));
  }
}

void Xliff12Validator::check_trans_unit(pugi::xml_node unit) {
  check_yes_no(unit, "translate");
  check_yes_no(unit, "approved");
  const auto children = element_children(unit);
  if (children.empty() || !is12(children[0], "source")) {
    ctx_.error(unit, "xliff-source-missing", tr("<trans-unit> must start with a <source>"));
  }
  std::set<std::string> mids;
  for (auto c : children) {
    if (is12(c, "seg-source")) {
      for (auto mrk : descendants(c, "mrk")) {
        if (std::string(mrk.attribute("mtype").value()) != "seg") {
          continue;
        }
        if (!mids.insert(mrk.attribute("mid").value()).second) {
          ctx_.error(mrk, "xliff-id-not-unique",
                     subst(tr("segment mid={1} is not unique in the <seg-source>"),
                           {in_quotes(mrk.attribute("mid").value())}));
        }
      }
    }
  }
  for (auto c : children) {
    if (is12(c, "source") || is12(c, "target") || is12(c, "seg-source")) {
      check_codes(c);
    }
    if (!is12(c, "target")) {
      continue;
    }
    check_language(c, "xml:lang");
    if (auto state = c.attribute("state")) {
      static const std::set<std::string> states = {"final",
                                                   "needs-adaptation",
                                                   "needs-l10n",
                                                   "needs-review-adaptation",
                                                   "needs-review-l10n",
                                                   "needs-review-translation",
                                                   "needs-translation",
                                                   "new",
                                                   "signed-off",
                                                   "translated"};
      const std::string v = state.value();
      if (states.count(v) == 0 && v.rfind("x-", 0) != 0) {
        ctx_.error(c, "xliff-state-value",
                   subst(tr("<target> state={1} is not an XLIFF 1.2 state (or an x- value)"),
                         {in_quotes(v)}));
      }
    }
    for (auto mrk : descendants(c, "mrk")) {
      if (std::string(mrk.attribute("mtype").value()) == "seg" &&
          mids.count(mrk.attribute("mid").value()) == 0) {
        ctx_.error(mrk, "xliff-segment-unknown",
                   subst(tr("target segment mid={1} has no segment in the <seg-source>"),
                         {in_quotes(mrk.attribute("mid").value())}));
      }
    }
  }
}

// Inline codes: ids where the schema requires them, and each <ept> closing a <bpt> of the same
// element (matched by rid when there is one, else by id).
void Xliff12Validator::check_codes(pugi::xml_node content) {
  // Lenient on purpose: tools differ in which of id and rid they repeat on the <ept>.
  std::set<std::string> bpt_keys;
  for (auto bpt : descendants(content, "bpt")) {
    for (const char* name : {"id", "rid"}) {
      if (auto a = bpt.attribute(name)) {
        bpt_keys.insert(a.value());
      }
    }
  }
  for (const char* code : {"g", "x", "bx", "ex", "bpt", "ept", "ph", "it"}) {
    for (auto e : descendants(content, code)) {
      if (!e.attribute("id")) {
        ctx_.error(e, "xliff-id-missing", subst(tr("<{1}> has no id attribute"), {code}));
      }
    }
  }
  for (auto ept : descendants(content, "ept")) {
    const bool matched = bpt_keys.count(ept.attribute("id").value()) > 0 ||
                         (ept.attribute("rid") && bpt_keys.count(ept.attribute("rid").value()) > 0);
    if (!matched) {
      ctx_.error(ept, "xliff-ept-without-bpt",
                 subst(tr("<ept> {1} closes no <bpt> of the same <{2}>"),
                       {ept.attribute("rid") ? "rid=" + in_quotes(ept.attribute("rid").value())
                                             : "id=" + in_quotes(ept.attribute("id").value()),
                        content.name()}));
    }
  }
}

}  // namespace

Diagnostics validate_xliff12(std::string_view text, const std::string& file_name) {
  Diagnostics out;
  Xliff12Validator(text, file_name, out).run();
  return out;
}

}  // namespace relocale
