#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace relocale {

/// One SRX <rule>: a break or no-break (exception) between text matching `before` and text matching
/// `after` (ICU regular expressions; either may be empty).
struct SrxRule {
  bool is_break = true;
  std::string before;
  std::string after;
  int line = 0;  // where it stands in the SRX file, for error messages
};

/// A <languagerule>: an ordered list of rules.
struct SrxLanguageRule {
  std::string name;
  std::vector<SrxRule> rules;
};

/// A <languagemap>: languages matching `pattern` (ICU regex on the language code) use `rule_name`.
struct SrxLanguageMap {
  std::string pattern;
  std::string rule_name;
};

/// SRX 2.0 rules (read with pugixml). With cascade="yes", every map whose pattern matches the
/// language contributes its rules in order; with "no", only the first matching map does.
struct SrxRules {
  bool cascade = true;
  std::vector<SrxLanguageRule> language_rules;
  std::vector<SrxLanguageMap> language_maps;
  std::string file_name;

  /// The rules that apply to `lang` (e.g. "fr", "pt-BR"), in evaluation order.
  std::vector<const SrxRule*> rules_for(const std::string& lang) const;
};

/// Parses an SRX 2.0 document. Throws Error("file:line:col: ...") on malformed XML, a wrong root,
/// a rule without <beforebreak>/<afterbreak>, an invalid regular expression, or a language map
/// naming a missing language rule.
SrxRules read_srx(std::string_view text, const std::string& file_name);
SrxRules load_srx_file(const std::filesystem::path& path);

}  // namespace relocale
