#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace relocale {

// Case folding for language tags, XML names, tag names and URL schemes: ASCII letters only.
// std::tolower follows the C locale, which relocale sets from the environment for gettext: in a
// Turkish locale it leaves "I" as it is (or makes it a dotless ı), and in a single-byte locale
// (ISO-8859-1) it changes the bytes of UTF-8 sequences too.

/// The ASCII letter in lower case; any other byte as it is.
constexpr char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// The text with its ASCII letters in lower case.
inline std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    c = ascii_lower(c);
  }
  return out;
}

/// Whether two texts are the same but for the case of ASCII letters ("fr-CH" and "fr-ch").
inline bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

}  // namespace relocale
