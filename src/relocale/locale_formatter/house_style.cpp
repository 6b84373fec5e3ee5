#include "relocale/locale_formatter/house_style.h"

#include <fstream>
#include <vector>

#include <unicode/locid.h>
#include <unicode/ulocdata.h>

#include "relocale/base/error.h"
#include "relocale/base/i18n.h"

namespace relocale {

namespace {

std::string delimiter(ULocaleData* data, ULocaleDataDelimiterType type) {
  UErrorCode status = U_ZERO_ERROR;
  UChar buffer[16];
  const int32_t length = ulocdata_getDelimiter(data, type, buffer, 16, &status);
  if (U_FAILURE(status)) {
    return {};
  }
  std::string out;
  icu::UnicodeString(buffer, length).toUTF8String(out);
  return out;
}

std::string trim(const std::string& s) {
  const auto begin = s.find_first_not_of(" \t\r");
  if (begin == std::string::npos) {
    return {};
  }
  const auto end = s.find_last_not_of(" \t\r");
  return s.substr(begin, end - begin + 1);
}

bool parse_bool(const std::string& value, const Location& where, const std::string& key) {
  if (value == "true" || value == "yes" || value == "1") {
    return true;
  }
  if (value == "false" || value == "no" || value == "0") {
    return false;
  }
  throw Error(where, subst(tr("{1} must be true or false, not \"{2}\""), {key, value}));
}

void check_choice(const std::string& value, std::initializer_list<const char*> choices,
                  const Location& where, const std::string& key) {
  std::string list;
  for (const char* c : choices) {
    if (value == c) {
      return;
    }
    list += (list.empty() ? "" : ", ") + std::string(c);
  }
  throw Error(where, subst(tr("{1} must be one of {2}, not \"{3}\""), {key, list, value}));
}

/// Reads `key = value` lines, `#` or `;` comments and blank lines. Values are taken as written
/// after trimming spaces; a value in double quotes keeps its inner spaces ("« ").
void apply_ini(HouseStyle& style, const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw Error(Location{file.string(), 0, 0, {}}, tr("cannot read the house style file"));
  }
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const Location where{file.string(), number, 0, {}};
    const std::string content = trim(line);
    if (content.empty() || content[0] == '#' || content[0] == ';') {
      continue;
    }
    const auto eq = content.find('=');
    if (eq == std::string::npos) {
      throw Error(where, subst(tr("expected \"key = value\", found \"{1}\""), {content}));
    }
    const std::string key = trim(content.substr(0, eq));
    std::string value = trim(content.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    if (key == "date_style") {
      check_choice(value, {"long", "medium", "short"}, where, key);
      style.date_style = value;
    } else if (key == "numbering_system") {
      check_choice(value, {"", "latn", "arab", "arabext", "deva", "beng", "thai", "hanidec"}, where,
                   key);
      style.numbering_system = value;
    } else if (key == "quote_open") {
      style.quote_open = value;
    } else if (key == "quote_close") {
      style.quote_close = value;
    } else if (key == "inner_quote_open") {
      style.inner_quote_open = value;
    } else if (key == "inner_quote_close") {
      style.inner_quote_close = value;
    } else if (key == "french_spacing") {
      style.french_spacing = parse_bool(value, where, key);
    } else if (key == "right_to_left") {
      style.right_to_left = parse_bool(value, where, key);
    } else if (key == "phone_format") {
      check_choice(value, {"international", "e164"}, where, key);
      style.phone_format = value;
    } else if (key == "month_skeleton") {
      check_choice(value, {"MMMM", "MMM", "M"}, where, key);
      style.month_skeleton = value;
    } else {
      throw Error(where, subst(tr("unknown house style key \"{1}\" (known: date_style, "
                                  "numbering_system, quote_open, quote_close, inner_quote_open, "
                                  "inner_quote_close, french_spacing, right_to_left, phone_format, "
                                  "month_skeleton)"),
                               {key}));
    }
  }
}

}  // namespace

HouseStyle load_house_style(const std::string& lang, const std::filesystem::path& locales_dir) {
  HouseStyle style;
  style.lang = lang;
  style.date_style = "long";
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = icu::Locale::forLanguageTag(lang.c_str(), status);
  if (U_FAILURE(status) || locale.isBogus()) {
    throw Error(subst(tr("\"{1}\" is not a BCP 47 language tag"), {lang}));
  }
  style.right_to_left = locale.isRightToLeft();
  style.french_spacing = std::string(locale.getLanguage()) == "fr";
  ULocaleData* data = ulocdata_open(locale.getName(), &status);
  if (U_SUCCESS(status)) {
    style.quote_open = delimiter(data, ULOCDATA_QUOTATION_START);
    style.quote_close = delimiter(data, ULOCDATA_QUOTATION_END);
    style.inner_quote_open = delimiter(data, ULOCDATA_ALT_QUOTATION_START);
    style.inner_quote_close = delimiter(data, ULOCDATA_ALT_QUOTATION_END);
    ulocdata_close(data);
  }
  std::error_code ec;
  // "es-AR" reads es.ini, then es-AR.ini over it when there is one.
  std::vector<std::string> names = {locale.getLanguage()};
  if (lang != names.front()) {
    names.push_back(lang);
  }
  for (const auto& name : names) {
    const auto file = locales_dir / (name + ".ini");
    if (std::filesystem::is_regular_file(file, ec)) {
      apply_ini(style, file);
    }
  }
  return style;
}

}  // namespace relocale
