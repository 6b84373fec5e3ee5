#include "relocale/segmenter/srx_rules.h"

#include <algorithm>
#include <cstring>
#include <memory>

#include <pugixml.hpp>
#include <unicode/regex.h>
#include <unicode/unistr.h>

#include "relocale/base/error.h"
#include "relocale/base/files.h"
#include "relocale/base/i18n.h"

namespace relocale {
namespace {

// SRX elements are in the namespace http://www.lisa.org/srx20; files write it as the default
// namespace or with a prefix, so elements are compared by local name.
const char* local_name(const pugi::xml_node& node) {
  const char* name = node.name();
  const char* colon = std::strrchr(name, ':');
  return colon ? colon + 1 : name;
}

bool is_element(const pugi::xml_node& node, const char* name) {
  return node.type() == pugi::node_element && std::strcmp(local_name(node), name) == 0;
}

pugi::xml_node child_element(const pugi::xml_node& parent, const char* name) {
  for (auto child : parent.children()) {
    if (is_element(child, name)) {
      return child;
    }
  }
  return {};
}

class SrxParser {
 public:
  SrxParser(std::string_view text, const std::string& file_name)
      : text_(text), file_name_(file_name) {}

  SrxRules parse() {
    pugi::xml_document doc;
    const auto result = doc.load_buffer(
        text_.data(), text_.size(), pugi::parse_default | pugi::parse_doctype, pugi::encoding_utf8);
    if (!result) {
      fail_at(static_cast<size_t>(result.offset),
              subst(tr("malformed XML: {1}"), {result.description()}));
    }
    for (auto node : doc.children()) {
      if (node.type() == pugi::node_doctype) {
        fail_at(node, tr("a DOCTYPE is not allowed in an SRX file"));
      }
    }
    const auto root = doc.document_element();
    if (!is_element(root, "srx")) {
      fail_at(root, subst(tr("the root element is <{1}>; expected <srx>"), {root.name()}));
    }
    SrxRules rules;
    rules.file_name = file_name_;
    if (const auto header = child_element(root, "header")) {
      rules.cascade = yes_no(header, "cascade", true);
    }
    const auto body = child_element(root, "body");
    if (!body) {
      fail_at(root, tr("<srx> has no <body>"));
    }
    if (const auto languagerules = child_element(body, "languagerules")) {
      for (auto lr : languagerules.children()) {
        if (is_element(lr, "languagerule")) {
          rules.language_rules.push_back(read_language_rule(lr));
        }
      }
    }
    if (const auto maprules = child_element(body, "maprules")) {
      for (auto map : maprules.children()) {
        if (is_element(map, "languagemap")) {
          rules.language_maps.push_back(read_language_map(map, rules));
        }
      }
    }
    return rules;
  }

 private:
  [[noreturn]] void fail_at(size_t offset, const std::string& message) const {
    const auto lc = line_column_at(text_, offset);
    Location where;
    where.file = file_name_;
    where.line = lc.line;
    where.column = lc.column;
    throw Error(where, message);
  }
  // pugixml gives the offset of a node's name or contents; point at its '<' instead.
  size_t start_of(const pugi::xml_node& node) const {
    const auto offset = node.offset_debug();
    size_t start = offset < 0 ? 0 : std::min(static_cast<size_t>(offset), text_.size());
    const size_t name_offset = start;
    while (start > 0 && text_[start] != '<' && name_offset - start < 20) {
      --start;
    }
    return text_[start] == '<' ? start : name_offset;
  }
  [[noreturn]] void fail_at(const pugi::xml_node& node, const std::string& message) const {
    fail_at(start_of(node), message);
  }
  int line_of(const pugi::xml_node& node) const {
    return line_column_at(text_, start_of(node)).line;
  }

  bool yes_no(const pugi::xml_node& node, const char* attribute, bool default_value) const {
    const auto attr = node.attribute(attribute);
    if (!attr) {
      return default_value;
    }
    const std::string value = attr.value();
    if (value == "yes") {
      return true;
    }
    if (value == "no") {
      return false;
    }
    fail_at(node, subst(tr("{1}=\"{2}\" must be \"yes\" or \"no\""), {attribute, value}));
  }

  void check_regex(const pugi::xml_node& node, const std::string& pattern, uint32_t flags) const {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    std::unique_ptr<icu::RegexPattern> compiled(icu::RegexPattern::compile(
        icu::UnicodeString::fromUTF8(pattern), flags, parse_error, status));
    if (U_FAILURE(status)) {
      fail_at(node, subst(tr("invalid regular expression \"{1}\": {2} at offset {3}"),
                          {pattern, u_errorName(status), std::to_string(parse_error.offset)}));
    }
  }

  SrxLanguageRule read_language_rule(const pugi::xml_node& node) const {
    SrxLanguageRule language_rule;
    language_rule.name = node.attribute("languagerulename").value();
    if (language_rule.name.empty()) {
      fail_at(node, tr("<languagerule> has no languagerulename"));
    }
    for (auto rule_node : node.children()) {
      if (!is_element(rule_node, "rule")) {
        continue;
      }
      SrxRule rule;
      rule.is_break = yes_no(rule_node, "break", true);
      rule.line = line_of(rule_node);
      const auto before = child_element(rule_node, "beforebreak");
      const auto after = child_element(rule_node, "afterbreak");
      if (!before && !after) {
        fail_at(rule_node, tr("<rule> has neither <beforebreak> nor <afterbreak>"));
      }
      rule.before = before.text().get();
      rule.after = after.text().get();
      if (!rule.before.empty()) {
        check_regex(before, rule.before, 0);
      }
      if (!rule.after.empty()) {
        check_regex(after, rule.after, 0);
      }
      language_rule.rules.push_back(std::move(rule));
    }
    return language_rule;
  }

  SrxLanguageMap read_language_map(const pugi::xml_node& node, const SrxRules& rules) const {
    SrxLanguageMap map;
    map.pattern = node.attribute("languagepattern").value();
    map.rule_name = node.attribute("languagerulename").value();
    check_regex(node, map.pattern, UREGEX_CASE_INSENSITIVE);
    bool found = false;
    for (const auto& lr : rules.language_rules) {
      found = found || lr.name == map.rule_name;
    }
    if (!found) {
      fail_at(node, subst(tr("<languagemap> names the language rule \"{1}\", which is not defined"),
                          {map.rule_name}));
    }
    return map;
  }

  std::string_view text_;
  std::string file_name_;
};

bool language_matches(const std::string& pattern, const std::string& lang) {
  UErrorCode status = U_ZERO_ERROR;
  icu::RegexMatcher matcher(icu::UnicodeString::fromUTF8(pattern),
                            icu::UnicodeString::fromUTF8(lang), UREGEX_CASE_INSENSITIVE, status);
  if (U_FAILURE(status)) {
    return false;  // read_srx checked every pattern; a hand-built SrxRules may not have been
  }
  const bool matched = matcher.matches(status);
  return U_SUCCESS(status) && matched;
}

}  // namespace

std::vector<const SrxRule*> SrxRules::rules_for(const std::string& lang) const {
  std::vector<const SrxRule*> result;
  for (const auto& map : language_maps) {
    if (!language_matches(map.pattern, lang)) {
      continue;
    }
    for (const auto& lr : language_rules) {
      if (lr.name == map.rule_name) {
        for (const auto& rule : lr.rules) {
          result.push_back(&rule);
        }
        break;
      }
    }
    if (!cascade) {
      break;  // without cascading, the first matching map alone decides
    }
  }
  return result;
}

SrxRules read_srx(std::string_view text, const std::string& file_name) {
  return SrxParser(text, file_name).parse();
}

SrxRules load_srx_file(const std::filesystem::path& path) {
  const std::string text = read_file(path);
  check_utf8_text(text, path.string(), true);
  return read_srx(text, path.string());
}

}  // namespace relocale
