// apply_typography works on UTF-8 bytes, copying text between the marks it changes in one piece.
// It must give what the code-point-by-code-point version it replaced gave, kept here as the
// reference, on any text made of what typography looks at.
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "relocale/locale_formatter/house_style.h"
#include "test_support.h"

using namespace relocale;

namespace {

constexpr UChar32 kObject = 0xFFFC;  // a placeholder's place
constexpr UChar32 kNbsp = 0x00A0;
constexpr UChar32 kNarrowNbsp = 0x202F;

std::vector<UChar32> decode(std::string_view text) {
  std::vector<UChar32> out;
  out.reserve(text.size());  // never more code points than bytes
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    if (s[i] < 0x80) {
      out.push_back(s[i++]);
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    out.push_back(c < 0 ? 0xFFFD : c);
  }
  return out;
}

void append(std::string& out, UChar32 c) {
  if (c >= 0 && c < 0x80) {
    out.push_back(static_cast<char>(c));
    return;
  }
  char buffer[U8_MAX_LENGTH];
  int32_t n = 0;
  U8_APPEND_UNSAFE(reinterpret_cast<uint8_t*>(buffer), n, c);
  out.append(buffer, static_cast<size_t>(n));
}

bool is_letter(UChar32 c) {
  return c >= 0 && c != kObject && u_isalpha(c);
}

/// A quotation mark opens when nothing, a space or an opening bracket or dash comes before it.
bool opens_here(const std::vector<UChar32>& cps, size_t i) {
  if (i == 0) {
    return true;
  }
  const UChar32 before = cps[i - 1];
  return u_isUWhiteSpace(before) || before == '(' || before == '[' || before == '{' ||
         before == 0x2013 || before == 0x2014 || before == '/' || before == 0x00AB ||
         before == 0x201C || before == 0x201E || before == 0x2018;
}

/// The unit that starts at cps[i] ("km", "%"), or an empty string. A unit must end there: the "m"
/// of "million" is not a metre.
std::string unit_at(const std::vector<UChar32>& cps, size_t i) {
  static const char* const kUnits[] = {"%",  "‰",  "km²", "km", "kg", "mg",  "cm",  "mm", "m²",
                                       "°C", "°F", "€",   "$",  "£",  "CHF", "USD", "EUR"};
  static const std::vector<std::vector<UChar32>> decoded = [] {
    std::vector<std::vector<UChar32>> units;
    for (const char* u : kUnits) {
      units.push_back(decode(u));
    }
    return units;
  }();
  for (size_t k = 0; k < decoded.size(); ++k) {
    const auto& unit = decoded[k];
    if (i + unit.size() > cps.size() || !std::equal(unit.begin(), unit.end(), cps.begin() + i)) {
      continue;
    }
    const size_t end = i + unit.size();
    if (end == cps.size() || !is_letter(cps[end])) {
      return kUnits[k];
    }
  }
  return {};
}

std::string reference_typography(std::string_view text, const HouseStyle& style) {
  std::vector<UChar32> cps = decode(text);
  std::vector<UChar32> out;
  out.reserve(cps.size() + 8);
  const auto first = [](const std::string& s) { return decode(s); };
  const auto open = first(style.quote_open), close = first(style.quote_close);
  const auto inner_open = first(style.inner_quote_open);
  const auto inner_close = first(style.inner_quote_close);
  int inner_depth = 0;
  const auto push_all = [&](const std::vector<UChar32>& s, UChar32 fallback) {
    if (s.empty()) {
      out.push_back(fallback);
    } else {
      out.insert(out.end(), s.begin(), s.end());
    }
  };
  // 1. Quotation marks. English marks and straight ones become the target's; whether a mark opens
  //    or closes is read from its neighbours, so German „…“ typed by a translator stays as it is.
  for (size_t i = 0; i < cps.size(); ++i) {
    const UChar32 c = cps[i];
    const UChar32 after = i + 1 < cps.size() ? cps[i + 1] : U_SENTINEL;
    if (c == '"' || c == 0x201C || c == 0x201D) {
      const bool opening = (c == 0x201D) ? false : opens_here(cps, i) && !u_isUWhiteSpace(after);
      push_all(opening ? open : close, c);
    } else if (c == '\'' || c == 0x2018 || c == 0x2019) {
      const bool letter_before = i > 0 && (is_letter(cps[i - 1]) || u_isdigit(cps[i - 1]));
      if (letter_before && is_letter(after)) {
        out.push_back(0x2019);  // an apostrophe inside a word: l'OIM → l’OIM
      } else if (opens_here(cps, i) && after != U_SENTINEL && !u_isUWhiteSpace(after) &&
                 c != 0x2019) {
        ++inner_depth;
        push_all(inner_open, c);
      } else if (inner_depth > 0) {
        --inner_depth;
        push_all(inner_close, c);
      } else {
        out.push_back(0x2019);  // migrants' rights → migrants’ rights
      }
    } else {
      out.push_back(c);
    }
  }
  cps.swap(out);
  out.clear();
  // 2. French spacing, and a no-break space between a number and its unit.
  for (size_t i = 0; i < cps.size(); ++i) {
    const UChar32 c = cps[i];
    const UChar32 prev = out.empty() ? U_SENTINEL : out.back();
    if (style.french_spacing && c == 0x00BB && prev != U_SENTINEL && prev != '\n') {
      // Inside « »: the space before the closing guillemet becomes narrow and no-break.
      if (prev == ' ' || prev == kNbsp) {
        out.back() = kNarrowNbsp;
      } else if (prev != kNarrowNbsp) {
        out.push_back(kNarrowNbsp);
      }
      out.push_back(c);
      continue;
    }
    if (style.french_spacing && (c == ';' || c == ':' || c == '!' || c == '?')) {
      const UChar32 next = i + 1 < cps.size() ? cps[i + 1] : U_SENTINEL;
      const bool between_digits = u_isdigit(prev) && u_isdigit(next);
      const bool after_punct = prev == ';' || prev == ':' || prev == '!' || prev == '?';
      if (!between_digits && !after_punct && prev != U_SENTINEL && prev != '\n') {
        if (prev == ' ' || prev == kNbsp) {
          out.back() = kNarrowNbsp;
        } else if (prev != kNarrowNbsp) {
          out.push_back(kNarrowNbsp);
        }
      }
      out.push_back(c);
      continue;
    }
    if (style.french_spacing && prev == 0x00AB && c != '\n') {
      // Inside « »: the space after the opening guillemet becomes narrow and no-break.
      if (c == ' ' || c == kNbsp) {
        out.push_back(kNarrowNbsp);
        continue;
      }
      if (c != kNarrowNbsp) {
        out.push_back(kNarrowNbsp);
      }
    }
    std::string unit;
    if (c == ' ' && (u_isdigit(prev) || prev == kObject) && i + 1 < cps.size() &&
        !(unit = unit_at(cps, i + 1)).empty()) {
      out.push_back(style.french_spacing && unit == "%" ? kNarrowNbsp : kNbsp);
      continue;
    }
    out.push_back(c);
  }
  std::string result;
  result.reserve(text.size() + 16);
  for (UChar32 c : out) {
    append(result, c);
  }
  return result;
}

}  // namespace

TEST_CASE("typography gives what the code-point version gave, on random text",
          "[locale_formatter]") {
  const std::vector<std::string> pieces = {
      "a",  "l",  "Z",   "é",   "0", "7", "٣",      " ",  " ", " ",  " ",   " ",
      "\n", "\"", "'",   "“",   "”", "‘", "’",      "„",  "«", "»",  ";",   ":",
      "!",  "?",  "(",   "[",   "/", "–", "\uFFFC", "%",  "‰", "km", "km²", "kg",
      "m",  "mi", "CHF", "USD", "€", "$", "£",      "°C", "x", "ب",  ".",   ","};
  std::mt19937 random(20261129);
  for (const std::string lang : {"en", "fr", "de", "ru", "es", "ar", "zh"}) {
    const HouseStyle style = load_house_style(lang, test::source_dir() / "locales");
    for (int n = 0; n < 4000; ++n) {
      std::string text;
      const size_t length = random() % 24;
      for (size_t k = 0; k < length; ++k) {
        text += pieces[random() % pieces.size()];
      }
      INFO(lang << " [" << text << "]");
      REQUIRE(apply_typography(text, style) == reference_typography(text, style));
    }
  }
}
