#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "relocale/model/document.h"

namespace relocale {

/// A language's conventions for rendering values and typography. Defaults come from ICU's CLDR
/// data; locales/<lang>.ini overrides them.
struct HouseStyle {
  std::string lang;                     // BCP 47 ("fr", "ar", "zh")
  std::string numbering_system;         // "" = the locale's default, "latn", "arab" (Arabic-Indic)
  std::string date_style;               // "long" (9 October 2018), "medium", "short"
  std::string quote_open, quote_close;  // primary quotation marks (“ ” en, « » fr)
  std::string inner_quote_open, inner_quote_close;
  bool french_spacing = false;  // narrow no-break space before ; : ! ? and inside « »
  bool right_to_left = false;   // Arabic, Hebrew...
  std::string phone_format = "international";  // "international" or "e164"
  std::string month_skeleton = "MMMM";  // ICU skeleton for a bare month ("MMM" gives "12月" in zh)
};

/// Loads locales/<lang>.ini over the ICU defaults for lang. A missing file means defaults only;
/// a malformed one throws Error naming the file and line.
HouseStyle load_house_style(const std::string& lang, const std::filesystem::path& locales_dir);

/// The value of a placeholder written in the target language's conventions: dates with ICU
/// DateTimePatternGenerator from the placeholder's format, numbers with NumberFormatter
/// (separators, native digits), phones with libphonenumber, e-mails and URLs unchanged,
/// code and line breaks as their source text.
std::string render_placeholder(const Placeholder& placeholder, const HouseStyle& style);

/// Typography for translated text. `text` may contain U+FFFC where placeholders stand (they are
/// substituted afterwards). Straight or source-language quotation marks become the target's, and
/// with french_spacing a narrow no-break space (U+202F) goes before ; : ! ? and inside « »;
/// a no-break space between a number and its unit.
std::string apply_typography(std::string_view text, const HouseStyle& style);

/// For right-to-left outputs: wraps runs of left-to-right script (Latin names, digits with
/// Latin) in `open`/`close` (U+2068/U+2069 for text, <bdi>/</bdi> for HTML). U+FFFC is left alone.
std::string isolate_left_to_right_runs(std::string_view text, std::string_view open,
                                       std::string_view close);

}  // namespace relocale
