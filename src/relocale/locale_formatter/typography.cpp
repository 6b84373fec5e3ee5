// apply_typography and isolate_left_to_right_runs: the last touches on translated text, working on
// code points (ICU's UTF-8 macros) so that U+FFFC, which stands for a placeholder, passes through.
#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "relocale/locale_formatter/house_style.h"

namespace relocale {

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

// The code point that starts at `pos` (U+FFFD for a broken sequence, U_SENTINEL at the end), and
// where the next one starts.
UChar32 code_point_at(std::string_view text, size_t pos, size_t* next = nullptr) {
  if (pos >= text.size()) {
    if (next != nullptr) {
      *next = text.size();
    }
    return U_SENTINEL;
  }
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  auto i = static_cast<int32_t>(pos);
  UChar32 c = 0;
  U8_NEXT(s, i, static_cast<int32_t>(text.size()), c);
  if (next != nullptr) {
    *next = static_cast<size_t>(i);
  }
  return c < 0 ? 0xFFFD : c;
}

// The code point that ends at `end` (U_SENTINEL at the start of the text).
UChar32 code_point_before(std::string_view text, size_t end) {
  if (end == 0) {
    return U_SENTINEL;
  }
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  auto i = static_cast<int32_t>(end);
  UChar32 c = 0;
  U8_PREV(s, 0, i, c);
  return c < 0 ? 0xFFFD : c;
}

// A set of bytes, for skipping text up to the next byte that may need a look.
class ByteSet {
 public:
  explicit ByteSet(std::string_view bytes) {
    for (char b : bytes) {
      has_[static_cast<unsigned char>(b)] = true;
    }
  }
  // The first position from `from` of a byte in the set, or the text's end.
  size_t skip_to(std::string_view text, size_t from) const {
    while (from < text.size() && !has_[static_cast<unsigned char>(text[from])]) {
      ++from;
    }
    return from;
  }

 private:
  std::array<bool, 256> has_{};
};

// Replaces the last code point of `out` with `c`.
void replace_last(std::string& out, UChar32 c) {
  size_t start = out.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(out[start]) & 0xC0) == 0x80) {
    --start;
  }
  out.resize(start);
  append(out, c);
}

/// A quotation mark opens when nothing, a space or an opening bracket or dash comes before it.
bool opens_after(UChar32 before) {
  return before == U_SENTINEL || u_isUWhiteSpace(before) || before == '(' || before == '[' ||
         before == '{' || before == 0x2013 || before == 0x2014 || before == '/' ||
         before == 0x00AB || before == 0x201C || before == 0x201E || before == 0x2018;
}

/// The unit that starts at `pos` ("km", "%"), or an empty view. A unit must end there: the "m" of
/// "million" is not a metre.
std::string_view unit_at(std::string_view text, size_t pos) {
  static const char* const kUnits[] = {"%",  "‰",  "km²", "km", "kg", "mg",  "cm",  "mm", "m²",
                                       "°C", "°F", "€",   "$",  "£",  "CHF", "USD", "EUR"};
  for (const char* unit : kUnits) {
    const std::string_view u(unit);
    if (text.compare(pos, u.size(), u) != 0) {
      continue;
    }
    if (!is_letter(code_point_at(text, pos + u.size()))) {
      return u;
    }
  }
  return {};
}

// The mark of the house style, or the one that was there when the style has none.
void append_mark(std::string& out, const std::string& mark, std::string_view original) {
  out.append(mark.empty() ? original : std::string_view(mark));
}

// 1. Quotation marks. English marks and straight ones become the target's; whether a mark opens
//    or closes is read from its neighbours, so German „…“ typed by a translator stays as it is.
//    Text between marks is copied as it is, in one piece.
std::string typeset_quotation_marks(std::string_view text, const HouseStyle& style) {
  std::string out;
  out.reserve(text.size() + 16);
  size_t copied = 0;
  int inner_depth = 0;
  for (size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte != '"' && byte != '\'' && byte != 0xE2) {  // 0xE2 starts U+2018..U+201D
      static const ByteSet kMarks("\"'\xE2");
      i = kMarks.skip_to(text, i + 1);
      continue;
    }
    size_t next = 0;
    const UChar32 c = code_point_at(text, i, &next);
    const bool double_mark = c == '"' || c == 0x201C || c == 0x201D;
    const bool single_mark = c == '\'' || c == 0x2018 || c == 0x2019;
    if (!double_mark && !single_mark) {
      i = next;
      continue;
    }
    out.append(text.substr(copied, i - copied));
    const UChar32 before = code_point_before(text, i);
    const UChar32 after = code_point_at(text, next);
    const std::string_view original = text.substr(i, next - i);
    if (double_mark) {
      const bool opening = c != 0x201D && opens_after(before) && !u_isUWhiteSpace(after);
      append_mark(out, opening ? style.quote_open : style.quote_close, original);
    } else if (before != U_SENTINEL && (is_letter(before) || u_isdigit(before)) &&
               is_letter(after)) {
      append(out, 0x2019);  // an apostrophe inside a word: l'OIM → l’OIM
    } else if (opens_after(before) && after != U_SENTINEL && !u_isUWhiteSpace(after) &&
               c != 0x2019) {
      ++inner_depth;
      append_mark(out, style.inner_quote_open, original);
    } else if (inner_depth > 0) {
      --inner_depth;
      append_mark(out, style.inner_quote_close, original);
    } else {
      append(out, 0x2019);  // migrants' rights → migrants’ rights
    }
    copied = i = next;
  }
  out.append(text.substr(copied));
  return out;
}

// The white space before a mark that French spaces: a space or no-break space before it becomes
// a narrow no-break space, and one is put there if there was none.
void narrow_space_before(std::string& out, UChar32 prev) {
  if (prev == ' ' || prev == kNbsp) {
    replace_last(out, kNarrowNbsp);
  } else if (prev != kNarrowNbsp) {
    append(out, kNarrowNbsp);
  }
}

// 2. French spacing, and a no-break space between a number and its unit. Only spaces (and, in
//    French, « », ; : ! ? and what follows «) are looked at one by one.
std::string typeset_spacing(std::string_view text, const HouseStyle& style) {
  const bool french = style.french_spacing;
  std::string out;
  out.reserve(text.size() + 16);
  size_t copied = 0;
  bool after_open_guillemet = false;
  for (size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const bool french_mark = french && (byte == 0xC2 || byte == ';' || byte == ':' || byte == '!' ||
                                        byte == '?');  // 0xC2 starts « and »
    if (!after_open_guillemet && !french_mark) {
      // A space can only become a no-break one after a digit or a placeholder: the code point
      // before it is the text's own unless it was just rewritten (then it is out's last).
      const UChar32 before = i > copied ? code_point_before(text, i) : U_SENTINEL;
      if (byte != ' ' || (i > copied && !u_isdigit(before) && before != kObject) ||
          (i == copied && out.empty())) {
        static const ByteSet kFrench(" \xC2;:!?");
        static const ByteSet kSpace(" ");
        i = (french ? kFrench : kSpace).skip_to(text, i + 1);
        continue;
      }
    }
    out.append(text.substr(copied, i - copied));
    size_t next = 0;
    const UChar32 c = code_point_at(text, i, &next);
    copied = i = next;
    const UChar32 prev = out.empty() ? U_SENTINEL : code_point_before(out, out.size());
    after_open_guillemet = french && c == 0x00AB;
    if (french && c == 0x00BB && prev != U_SENTINEL && prev != '\n') {
      // Inside « »: the space before the closing guillemet becomes narrow and no-break.
      narrow_space_before(out, prev);
      append(out, c);
      continue;
    }
    if (french && (c == ';' || c == ':' || c == '!' || c == '?')) {
      const UChar32 after = code_point_at(text, next);
      const bool between_digits = u_isdigit(prev) && u_isdigit(after);
      const bool after_punct = prev == ';' || prev == ':' || prev == '!' || prev == '?';
      if (!between_digits && !after_punct && prev != U_SENTINEL && prev != '\n') {
        narrow_space_before(out, prev);
      }
      append(out, c);
      continue;
    }
    if (french && prev == 0x00AB && c != '\n') {
      // Inside « »: the space after the opening guillemet becomes narrow and no-break.
      if (c == ' ' || c == kNbsp) {
        append(out, kNarrowNbsp);
        continue;
      }
      if (c != kNarrowNbsp) {
        append(out, kNarrowNbsp);
      }
    }
    std::string_view unit;
    if (c == ' ' && (u_isdigit(prev) || prev == kObject) && next < text.size() &&
        !(unit = unit_at(text, next)).empty()) {
      append(out, french && unit == "%" ? kNarrowNbsp : kNbsp);
      continue;
    }
    append(out, c);
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace

std::string apply_typography(std::string_view text, const HouseStyle& style) {
  return typeset_spacing(typeset_quotation_marks(text, style), style);
}

std::string isolate_left_to_right_runs(std::string_view text, std::string_view open,
                                       std::string_view close) {
  const std::vector<UChar32> cps = decode(text);
  // A run starts at a strong left-to-right letter, a European digit or a "+" before one (a phone
  // number), goes on through neutrals and ends at its last LTR letter or digit. Right-to-left
  // letters, U+FFFC and line ends stop it.
  const auto is_ltr = [](UChar32 c) {
    const auto dir = u_charDirection(c);
    return dir == U_LEFT_TO_RIGHT || dir == U_EUROPEAN_NUMBER;
  };
  const auto stops = [](UChar32 c) {
    const auto dir = u_charDirection(c);
    // Arabic punctuation such as the comma U+060C is a neutral separator for the bidi algorithm,
    // but it belongs to the right-to-left text around it.
    // (its Script_Extensions say so).
    return c == kObject || uscript_hasScript(c, USCRIPT_ARABIC) ||
           uscript_hasScript(c, USCRIPT_HEBREW) || uscript_hasScript(c, USCRIPT_SYRIAC) ||
           dir == U_RIGHT_TO_LEFT || dir == U_RIGHT_TO_LEFT_ARABIC || dir == U_ARABIC_NUMBER ||
           dir == U_BLOCK_SEPARATOR || dir == U_SEGMENT_SEPARATOR || c == '\n' || c == 0x2066 ||
           c == 0x2067 || c == 0x2068 || c == 0x2069;
  };
  std::string out;
  out.reserve(text.size() + 16);
  size_t i = 0;
  while (i < cps.size()) {
    const bool plus_digit =
        cps[i] == '+' && i + 1 < cps.size() && u_charDirection(cps[i + 1]) == U_EUROPEAN_NUMBER;
    if (!is_ltr(cps[i]) && !plus_digit) {
      append(out, cps[i]);
      ++i;
      continue;
    }
    size_t last = i;  // last LTR code point of the run
    size_t j = i + 1;
    for (; j < cps.size() && !stops(cps[j]); ++j) {
      if (is_ltr(cps[j])) {
        last = j;
      }
    }
    out.append(open);
    for (size_t k = i; k <= last; ++k) {
      append(out, cps[k]);
    }
    out.append(close);
    i = last + 1;
  }
  return out;
}

}  // namespace relocale
