#include "relocale/protector/value_finder.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <map>
#include <optional>
#include <regex>

#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>
#include <phonenumbers/utf/unicodetext.h>
#include <unicode/dcfmtsym.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/ucurr.h>
#include <unicode/utf8.h>

#include "relocale/base/ascii.h"
#include "relocale/base/i18n.h"

namespace relocale {

namespace {

// Candidates compete for the same bytes: the more specific kind wins (a URL over the digits in
// it, a phone number over a run of digits, a date over its day number).
enum Priority { kUrlEmail = 0, kPhone = 1, kDate = 2, kUnitValue = 3, kNumber = 4 };

struct Candidate {
  FoundValue value;
  int priority = kNumber;
};

// --- UTF-8 neighbours ------------------------------------------------------------------------

UChar32 code_point_before(std::string_view text, size_t pos) {
  if (pos == 0) {
    return U_SENTINEL;
  }
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c = 0;
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, i, c);
  return c;
}

UChar32 code_point_at(std::string_view text, size_t pos) {
  if (pos >= text.size()) {
    return U_SENTINEL;
  }
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
  return c;
}

size_t code_point_length_before(std::string_view text, size_t pos) {
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c = 0;
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, i, c);
  return pos - static_cast<size_t>(i);
}

bool is_word_char(UChar32 c) {
  return c >= 0 && (u_isalnum(c) || c == '_');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_ascii_alnum(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// A value may start at `begin` only if it is not glued to a word or an identifier before it:
/// "G7", "COVID-19", "A/73/100" and "v2" keep their digits.
bool clean_start(std::string_view text, size_t begin) {
  const UChar32 before = code_point_before(text, begin);
  if (is_word_char(before)) {
    return false;
  }
  if (before == '-' || before == '/' || before == '.' || before == ',' || before == ':' ||
      before == '@' || before == '#' || before == 0x2011) {
    const size_t len = code_point_length_before(text, begin);
    return !is_word_char(code_point_before(text, begin - len));
  }
  return true;
}

/// A value may end at `end` only if no letter or digit is glued after it ("19-year-old" and "3D"
/// are words, "1.2.3" is a version).
bool clean_end(std::string_view text, size_t end) {
  const UChar32 after = code_point_at(text, end);
  if (is_word_char(after)) {
    return false;
  }
  if (after == '-' || after == '/' || after == '.' || after == ',' || after == ':' ||
      after == 0x2011) {
    return !is_word_char(code_point_at(text, end + 1));
  }
  return true;
}

std::string to_utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

bool valid_date(int y, int m, int d) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1 || m < 1 || m > 12 || d < 1) {
    return false;
  }
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= (m == 2 && leap ? 29 : kDays[m - 1]);
}

std::string iso_date(int y, int m, int d) {
  char buf[40];  // room for any int, so the compiler can prove no truncation
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

std::string iso_month(int y, int m) {
  char buf[40];  // room for any int
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}

std::string escape_regex(const std::string& s) {
  static const std::string kSpecial = R"(\^$.|?*+()[]{})";
  std::string out;
  for (char c : s) {
    if (kSpecial.find(c) != std::string::npos) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

/// The patterns of dates written with a month name, in the source language.
struct SpelledDatePatterns {
  std::regex day_range;    // "26 and 27 March 2018"
  std::regex month_range;  // "March 26-27, 2018"
  std::regex day_month;    // "26 March 2018"
  std::regex month_day;    // "March 26, 2018"
  std::regex month_year;   // "March 2018"
  std::regex bare;         // "in March" (English)
};

/// The source language's conventions, read from ICU once per thread and language.
struct SourceConventions {
  std::vector<std::string> months;  // wide format names, January first
  std::string month_alternation;    // "January|February|..." for regexes
  std::string group = ",";
  std::string decimal = ".";
  SpelledDatePatterns spelled;  // compiled here: compiling costs far more than matching
};

/// Compiles the month-name patterns of find_spelled_dates for the months of `c`.
void compile_spelled_date_patterns(SourceConventions& c) {
  const std::string month = "(" + c.month_alternation + ")";
  const std::string day = R"((\d{1,2})(?:st|nd|rd|th)?)";
  const std::string year = R"((?:,?\s+(\d{4}))?)";
  const std::string dash = R"(\s*(?:-|–|—)\s*|\s+(?:and|to)\s+)";
  auto& p = c.spelled;
  p.day_range = std::regex(day + "(?:" + dash + ")" + day + R"(\s+)" + month + year);
  p.month_range = std::regex(month + R"(\s+)" + day + "(?:" + dash + ")" + day + year);
  p.day_month = std::regex(day + R"(\s+)" + month + year);
  p.month_day = std::regex(month + R"(\s+)" + day + year);
  p.month_year = std::regex(month + R"(\s+(\d{4}))");
  p.bare = std::regex(
      R"((?:\b(?:in|In|this|This|next|Next|last|Last|of|until|Until|since|Since|by|By|early|late)\s+|\bmid-))" +
      month);
}

SourceConventions conventions_for(const std::string& lang) {
  SourceConventions c;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale(lang.c_str());
  icu::DateFormatSymbols symbols(locale, status);
  if (U_SUCCESS(status)) {
    int32_t count = 0;
    const icu::UnicodeString* names =
        symbols.getMonths(count, icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::WIDE);
    for (int32_t i = 0; i < count && i < 12; ++i) {
      c.months.push_back(to_utf8(names[i]));
    }
  }
  const std::vector<std::string> names_only = c.months;
  for (const auto& m : names_only) {
    c.month_alternation += (c.month_alternation.empty() ? "" : "|") + escape_regex(m);
    // Languages that write month names in lower case still capitalise them at a sentence start.
    icu::UnicodeString title = icu::UnicodeString::fromUTF8(m);
    title.toTitle(nullptr, locale);
    const auto titled = to_utf8(title);
    if (titled != m) {
      c.months.push_back(titled);
      c.month_alternation += "|" + escape_regex(titled);
    }
  }
  status = U_ZERO_ERROR;
  icu::DecimalFormatSymbols numbers(icu::Locale((lang + "@numbers=latn").c_str()), status);
  if (U_SUCCESS(status)) {
    c.group = to_utf8(numbers.getSymbol(icu::DecimalFormatSymbols::kGroupingSeparatorSymbol));
    c.decimal = to_utf8(numbers.getSymbol(icu::DecimalFormatSymbols::kDecimalSeparatorSymbol));
  }
  if (!c.months.empty()) {
    compile_spelled_date_patterns(c);
  }
  return c;
}

/// conventions_for, read from ICU once per thread and language.
const SourceConventions& cached_conventions(const std::string& lang) {
  thread_local std::map<std::string, SourceConventions> cache;
  auto it = cache.find(lang);
  if (it == cache.end()) {
    it = cache.emplace(lang, conventions_for(lang)).first;
  }
  return it->second;
}

int month_number(const SourceConventions& c, const std::string& name) {
  for (size_t i = 0; i < c.months.size(); ++i) {
    if (c.months[i] == name) {
      // Title-cased variants follow the twelve names in the order they were added.
      if (i < 12) {
        return static_cast<int>(i) + 1;
      }
      icu::UnicodeString lower = icu::UnicodeString::fromUTF8(name);
      lower.toLower();
      for (size_t j = 0; j < 12; ++j) {
        if (c.months[j] == to_utf8(lower)) {
          return static_cast<int>(j) + 1;
        }
      }
    }
  }
  return 0;
}

// --- where phone numbers can be ---------------------------------------------------------------
//
// libphonenumber's PhoneNumberMatcher costs about 2,000 instructions per byte of the text it is
// given, and more on long texts (it copies the rest of the text for every candidate). It is given
// only windows around the digits that could make a phone number, cut so that it finds there
// exactly what it would find in the whole text:
//  - Its candidate pattern (8.12: PhoneNumberMatcherRegExps::pattern_) starts with at most 10
//    opening characters ("(", "+" and punctuation) before the first digit; between two digits it
//    allows at most 4 punctuation characters, or an extension: a label of at most 10 characters
//    ("extensión", ";ext=", "x", "#"), possibly with one of ":.．", amid runs of any length of
//    the separators of is_extension_separator. A candidate ends with a digit or with "#".
//  - Beyond the candidate it reads one character before and after it (no Latin letter, "%" or
//    currency sign there) and, for a time stamp, the three after it (":30").
// So digits with more than kMaxBridge other characters between them, or with a letter between
// them that no extension label holds, are never in one candidate: they make separate clusters. A
// window is a cluster with kLeadMargin code points before it and kTrailMargin after it; the pattern
// cannot match a candidate starting in the margin before the first digit, nor reach past the last
// digit and "#", and another cluster's digits are further away than either margin (windows that
// overlap are merged). A cluster with fewer ASCII digits than a phone number needs
// (kMinPhoneDigits, checked on every match) is not searched at all.

constexpr int kMinPhoneDigits = 8;
constexpr int kMaxBridge = 16;   // the pattern allows 11 between two digits of one candidate
constexpr int kLeadMargin = 12;  // 10 opening characters and the character before them
constexpr int kTrailMargin = 6;  // "#", the character after the candidate and ":30"

bool is_extension_separator(UChar32 c) {
  return c == ' ' || c == '\t' || c == 0xA0 || c == ',' || c == '-';
}

/// An ASCII letter that neither an extension label ("ext", "extension", "anexo", "int", "x",
/// in any case) nor the pattern's punctuation (which holds "x") contains: no candidate goes on
/// past it to another digit.
bool can_only_end_a_candidate(UChar32 c) {
  const bool ascii_letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return ascii_letter &&
         std::string_view("aeinostxAEINOSTX").find(static_cast<char>(c)) == std::string_view::npos;
}

/// Byte ranges [begin, end) of `text` to give to the matcher, in order, not overlapping.
std::vector<std::pair<size_t, size_t>> phone_windows(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  std::vector<std::pair<size_t, size_t>> windows;
  auto add_window = [&](int32_t first, int32_t last_end) {
    for (int n = 0; n < kLeadMargin && first > 0; ++n) {
      U8_BACK_1(bytes, 0, first);
    }
    for (int n = 0; n < kTrailMargin && last_end < length; ++n) {
      U8_FWD_1(bytes, last_end, length);
    }
    const auto begin = static_cast<size_t>(first), end = static_cast<size_t>(last_end);
    if (!windows.empty() && begin <= windows.back().second) {
      windows.back().second = end;  // clusters only just apart: one window holds both
    } else {
      windows.emplace_back(begin, end);
    }
  };
  int32_t first = -1, last_end = 0;  // the current cluster's digits
  int ascii_digits = 0, bridge = 0;
  for (int32_t i = 0; i < length;) {
    const int32_t at = i;
    UChar32 c = bytes[i];
    if (c < 0x80) {
      ++i;
    } else {
      U8_NEXT(bytes, i, length, c);
    }
    // \p{Nd} in the matcher's pattern: any decimal digit, "٣" and "３" too.
    const bool digit = c < 0x80 ? is_digit(static_cast<char>(c)) : (c >= 0 && u_isdigit(c));
    if (!digit) {
      if (can_only_end_a_candidate(c)) {
        bridge = kMaxBridge + 1;
      } else if (!is_extension_separator(c) && bridge <= kMaxBridge) {
        ++bridge;
      }
      continue;
    }
    if (first < 0 || bridge > kMaxBridge) {
      if (first >= 0 && ascii_digits >= kMinPhoneDigits) {
        add_window(first, last_end);
      }
      first = at;
      ascii_digits = 0;
    }
    last_end = i;
    ascii_digits += c < 0x80 ? 1 : 0;
    bridge = 0;
  }
  if (first >= 0 && ascii_digits >= kMinPhoneDigits) {
    add_window(first, last_end);
  }
  return windows;
}

class Finder {
 public:
  Finder(std::string_view text, const RecognitionOptions& options,
         std::vector<ValueWarning>* warnings)
      : text_(text),
        options_(options),
        warnings_(warnings),
        conv_(cached_conventions(options.lang)) {}

  std::vector<FoundValue> run() {
    find_urls_and_emails();
    find_numeric_dates();  // first: find_phones leaves ISO dates alone
    find_phones();
    find_spelled_dates();
    find_times();
    find_numbers();
    return select();
  }

 private:
  void add(size_t begin, size_t end, PlaceholderKind kind, std::string canonical, int priority,
           std::string format = {}) {
    Candidate c;
    c.value.begin = begin;
    c.value.end = end;
    c.value.kind = kind;
    c.value.canonical = std::move(canonical);
    c.value.format = std::move(format);
    c.priority = priority;
    candidates_.push_back(std::move(c));
  }

  /// A span that looked like a date but stays text: it must not be read as anything else, and it
  /// is reported if no other date claims its bytes. The doubt's key rides in `format`.
  void block(size_t begin, size_t end, ValueDoubt doubt) {
    add(begin, end, PlaceholderKind::code, {}, kDate, value_doubt_key(doubt));
  }

  /// Whether `re` matches at `a` (and not later); positions in `m` are relative to `a`.
  bool match_at(const std::regex& re, size_t a, std::cmatch* m) const {
    const auto flags =
        a > 0 ? std::regex_constants::match_continuous | std::regex_constants::match_prev_avail
              : std::regex_constants::match_continuous;
    return std::regex_search(text_.data() + a, text_.data() + text_.size(), *m, re, flags);
  }

  /// Calls `f` on each match of `re`, as a regex iterator over the whole text would, for a pattern
  /// that can only start at one of `anchors` (the first digit of a number, a month name, "http"):
  /// the pattern is tried there only, instead of at every byte of the text, which std::regex
  /// makes slow. Like the iterator, a match is not looked for inside the previous one.
  template <typename F>
  void for_each_match_at(const std::regex& re, const std::vector<size_t>& anchors, F&& f) {
    for_each_match_at(
        re, anchors, [](size_t) { return true; }, std::forward<F>(f));
  }

  /// The same, trying the pattern only at the anchors where `may_start` (a cheap necessary
  /// condition written by hand) holds: the others cannot match, so skipping them changes nothing.
  template <typename P, typename F>
  void for_each_match_at(const std::regex& re, const std::vector<size_t>& anchors, P&& may_start,
                         F&& f) {
    size_t last_end = 0;
    for (const size_t a : anchors) {
      if (a < last_end || !may_start(a)) {
        continue;
      }
      std::cmatch m;
      if (match_at(re, a, &m)) {
        match_offset_ = a;
        last_end = a + static_cast<size_t>(m.length(0));
        f(m);
      }
    }
    match_offset_ = 0;
  }

  /// Where a sub-match starts in the whole text.
  size_t at(const std::cmatch& m, size_t n) const {
    return match_offset_ + static_cast<size_t>(m.position(n));
  }

  /// Starts of digit runs: where every number, date and time begins.
  const std::vector<size_t>& digit_starts() {
    if (!digit_starts_) {
      digit_starts_.emplace();
      for (size_t i = 0; i < text_.size(); ++i) {
        if (is_digit(text_[i]) && (i == 0 || !is_digit(text_[i - 1]))) {
          digit_starts_->push_back(i);
        }
      }
    }
    return *digit_starts_;
  }

  /// Where a month name of the source language occurs, in order.
  const std::vector<size_t>& month_starts() {
    if (!month_starts_) {
      month_starts_.emplace();
      for (const auto& name : conv_.months) {
        for (size_t at_ = text_.find(name); at_ != std::string_view::npos;
             at_ = text_.find(name, at_ + 1)) {
          month_starts_->push_back(at_);
        }
      }
      std::sort(month_starts_->begin(), month_starts_->end());
      month_starts_->erase(std::unique(month_starts_->begin(), month_starts_->end()),
                           month_starts_->end());
    }
    return *month_starts_;
  }

  /// Where "http" or "www." occurs, in any case.
  std::vector<size_t> url_starts() const {
    std::vector<size_t> out;
    for (size_t i = 0; i + 4 <= text_.size(); ++i) {
      const char c = ascii_lower(text_[i]);
      if (c != 'h' && c != 'w') {
        continue;  // the common case, without looking further
      }
      const char word[] = {c, ascii_lower(text_[i + 1]), ascii_lower(text_[i + 2]),
                           ascii_lower(text_[i + 3])};
      const std::string_view w(word, 4);
      if (w == "http" || w == "www.") {
        out.push_back(i);
      }
    }
    return out;
  }

  /// The length of the run of digits starting at `a`.
  size_t digit_run_length(size_t a) const {
    size_t i = a;
    while (i < text_.size() && is_digit(text_[i])) {
      ++i;
    }
    return i - a;
  }

  static int to_int(const std::csub_match& m) { return m.matched ? std::stoi(m.str()) : 0; }

  // --- URLs and e-mail addresses ---------------------------------------------------------------

  void find_urls_and_emails() {
    static const std::regex url(R"((?:https?://|www\.)[^\s<>"“”‘’«»]+)", std::regex::icase);
    for_each_match_at(url, url_starts(), [&](const std::cmatch& m) {
      size_t begin = at(m, 0);
      size_t end = begin + m.length(0);
      if (!clean_start(text_, begin) && code_point_before(text_, begin) != '/') {
        return;
      }
      std::string_view v = text_.substr(begin, end - begin);
      // Sentence punctuation after a URL is not part of it; a closing bracket is, only when the
      // URL opened one (Wikipedia-style paths).
      while (!v.empty()) {
        const char last = v.back();
        if (std::string_view(".,;:!?'*").find(last) != std::string_view::npos ||
            ((last == ')' || last == ']') &&
             std::count(v.begin(), v.end(), last == ')' ? '(' : '[') <
                 std::count(v.begin(), v.end(), last))) {
          v.remove_suffix(1);
        } else {
          break;
        }
      }
      if (v.size() <= 8) {
        return;
      }
      add(begin, begin + v.size(), PlaceholderKind::url, std::string(v), kUrlEmail);
    });
    static const std::regex email(
        R"([A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,})");
    // An address holds one at sign, right after its local part: the pattern is tried only at
    // the first letter or digit of the run of local-part characters before each at sign (not
    // before the end of the previous address), the leftmost place a regex iterator would find.
    auto is_local = [](char c) {
      return is_ascii_alnum(c) || std::string_view("._%+-").find(c) != std::string_view::npos;
    };
    size_t last_end = 0;
    for (size_t q = text_.find('@'); q != std::string_view::npos; q = text_.find('@', q + 1)) {
      size_t begin = q;
      while (begin > last_end && is_local(text_[begin - 1])) {
        --begin;
      }
      while (begin < q && !is_ascii_alnum(text_[begin])) {
        ++begin;
      }
      std::cmatch m;
      if (begin == q || !match_at(email, begin, &m)) {
        continue;
      }
      const size_t end = begin + m.length(0);
      last_end = end;
      if (is_word_char(code_point_before(text_, begin)) ||
          is_word_char(code_point_at(text_, end))) {
        continue;
      }
      add(begin, end, PlaceholderKind::email, m.str(0), kUrlEmail);
    }
  }

  // --- phone numbers
  // ------------------------------------------------------------------------------

  void find_phones() {
    // libphonenumber's matcher is slow next to the rest: only run it where a window of 40 bytes
    // holds at least 7 digits, the shortest dialable number with its area code.
    namespace pn = i18n::phonenumbers;
    size_t digits = 0;
    bool worth_it = false;
    for (size_t i = 0; i < text_.size() && !worth_it; ++i) {
      digits += is_digit(text_[i]) ? 1 : 0;
      if (i >= 40 && is_digit(text_[i - 40])) {
        --digits;
      }
      worth_it = digits >= 7;
    }
    if (!worth_it) {
      return;
    }
    // ISO dates (2017-07-12) are dates: in some countries their digits also make a valid phone
    // number (20170712 in Denmark). The matcher sees them as spaces.
    std::string masked;
    if (!iso_dates_.empty()) {
      masked.assign(text_);
      for (const auto& [begin, end] : iso_dates_) {
        masked.replace(begin, end - begin, end - begin, ' ');
      }
    }
    const std::string_view text = masked.empty() ? text_ : std::string_view(masked);
    const auto windows = phone_windows(text);
    if (windows.empty()) {
      return;
    }
    // First: it installs the logger that UnicodeText reports invalid text to.
    const auto& util = *pn::PhoneNumberUtil::GetInstance();
    // The matcher finds nothing at all in a text that is not interchange-valid UTF-8 (a control
    // character, a noncharacter): ask the same question of the whole text, as it would have been
    // asked before the text was cut into windows.
    pn::UnicodeText whole;
    whole.PointToUTF8(text_.data(), static_cast<int>(text_.size()));
    if (!whole.UTF8WasValid()) {
      return;
    }
    for (const auto& [begin, end] : windows) {
      const std::string window(text.substr(begin, end - begin));
      pn::PhoneNumberMatcher matcher(util, window, options_.region, pn::PhoneNumberMatcher::VALID,
                                     std::numeric_limits<int>::max());
      while (matcher.HasNext()) {
        pn::PhoneNumberMatch match;
        matcher.Next(&match);
        const std::string& raw = match.raw_string();
        // A bare run of digits is a count or an identifier more often than a phone number: ask
        // for an international prefix or the separators people write phone numbers with.
        const bool plus = !raw.empty() && raw[0] == '+';
        const bool separated = raw.find_first_of(" -.()\xC2") != std::string::npos;
        const auto n_digits = std::count_if(raw.begin(), raw.end(), is_digit);
        if ((!plus && !separated) || n_digits < kMinPhoneDigits) {
          continue;
        }
        std::string e164;
        util.Format(match.number(), pn::PhoneNumberUtil::E164, &e164);
        const size_t start = begin + static_cast<size_t>(match.start());
        add(start, start + static_cast<size_t>(match.length()), PlaceholderKind::phone, e164,
            kPhone);
      }
    }
  }

  // --- dates ----------------------------------------------------------------------------------

  /// The year of a date, from the text or the release's date; 0 when it cannot be known.
  int year_or_default(const std::csub_match& year) const {
    return year.matched ? std::stoi(year.str()) : options_.default_year;
  }

  void yearless_date(size_t begin, size_t end) { block(begin, end, ValueDoubt::date_without_year); }

  void impossible_date(size_t begin, size_t end) { block(begin, end, ValueDoubt::invalid_date); }

  // Cheap checks that an anchor can start a match at all, so that std::regex, which costs
  // hundreds of instructions per attempt with twelve month names to try, runs only where one may.

  /// Where the day of a spelled date that starts at `a` (a digit run's start) ends: one or two
  /// digits and the ordinal suffix if there is one (the patterns' \s, "-" or "and" cannot follow
  /// a letter, so a present suffix is always taken). npos when the run is longer.
  size_t day_end(size_t a) const {
    const size_t n = digit_run_length(a);
    if (n > 2) {
      return std::string_view::npos;
    }
    size_t i = a + n;
    const std::string_view rest = text_.substr(i, 2);
    if (rest == "st" || rest == "nd" || rest == "rd" || rest == "th") {
      i += 2;
    }
    return i;
  }

  /// The end of the blanks (std::regex's \s in the classic locale) starting at `i`.
  size_t skip_blanks(size_t i) const {
    while (i < text_.size() &&
           std::string_view(" \t\n\v\f\r").find(text_[i]) != std::string_view::npos) {
      ++i;
    }
    return i;
  }

  bool is_month_start(size_t i) {
    return std::binary_search(month_starts().begin(), month_starts().end(), i);
  }

  /// "26 March": a day, blanks, then a month name right after them.
  bool may_start_day_month(size_t a) {
    const size_t i = day_end(a);
    if (i == std::string_view::npos) {
      return false;
    }
    const size_t j = skip_blanks(i);
    return j > i && is_month_start(j);
  }

  /// "26-27 March", "26 and 27 March": a day, then a dash or "and"/"to".
  bool may_start_day_range(size_t a) const {
    const size_t i = day_end(a);
    if (i == std::string_view::npos) {
      return false;
    }
    const size_t j = skip_blanks(i);
    if (j >= text_.size()) {
      return false;
    }
    // "-", the first byte of "–" and "—", or the first letter of "and" and "to".
    const char c = text_[j];
    return c == '-' || c == '\xE2' || c == 'a' || c == 't';
  }

  /// "March 26", "March 2018": a month name, blanks, then a digit.
  bool may_start_month_then_number(size_t a) const {
    for (const auto& name : conv_.months) {
      if (text_.compare(a, name.size(), name) == 0) {
        const size_t i = a + name.size();
        const size_t j = skip_blanks(i);
        if (j > i && j < text_.size() && is_digit(text_[j])) {
          return true;
        }
      }
    }
    return false;
  }

  /// Where the English "bare month" pattern can start for each month name: at "mid-" just before
  /// it, or at the word before the blanks before it ("in", "until"; the regex checks which word
  /// and its \b). Sorted, like the positions a regex iterator would try.
  std::vector<size_t> bare_month_anchors() {
    std::vector<size_t> out;
    for (const size_t m : month_starts()) {
      if (m >= 4 && text_.substr(m - 4, 4) == "mid-") {
        out.push_back(m - 4);
        continue;
      }
      size_t w = m;
      while (w > 0 &&
             std::string_view(" \t\n\v\f\r").find(text_[w - 1]) != std::string_view::npos) {
        --w;
      }
      if (w == m) {
        continue;  // no blank before the month name
      }
      const size_t word_end = w;
      while (w > 0 && ((text_[w - 1] >= 'a' && text_[w - 1] <= 'z') ||
                       (text_[w - 1] >= 'A' && text_[w - 1] <= 'Z'))) {
        --w;
      }
      if (w < word_end) {
        out.push_back(w);
      }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  void find_spelled_dates() {
    if (conv_.months.empty() || month_starts().empty()) {
      return;  // every pattern below holds a month name
    }
    const SpelledDatePatterns& p = conv_.spelled;
    // Ranges first, so that "26 and 27 March" is not read as "27 March" alone.
    for_each_match_at(
        p.day_range, digit_starts(), [&](size_t a) { return may_start_day_range(a); },
        [&](const std::cmatch& m) {
          spelled_range(m, to_int(m[1]), to_int(m[2]), m[3].str(), m[4]);
        });
    auto month_then_number = [&](size_t a) { return may_start_month_then_number(a); };
    for_each_match_at(p.month_range, month_starts(), month_then_number, [&](const std::cmatch& m) {
      spelled_range(m, to_int(m[2]), to_int(m[3]), m[1].str(), m[4]);
    });
    for_each_match_at(
        p.day_month, digit_starts(), [&](size_t a) { return may_start_day_month(a); },
        [&](const std::cmatch& m) { spelled_date(m, to_int(m[1]), m[2].str(), m[3]); });
    for_each_match_at(p.month_day, month_starts(), month_then_number, [&](const std::cmatch& m) {
      spelled_date(m, to_int(m[2]), m[1].str(), m[3]);
    });
    // "December 2018"; a bare "December" only after a word that makes it a month: "May" is also
    // a verb and "March" a noun, but not after "in", "this" or "until".
    for_each_match_at(p.month_year, month_starts(), month_then_number, [&](const std::cmatch& m) {
      const size_t begin = at(m, 0);
      const size_t end = begin + m.length(0);
      if (!clean_start(text_, begin) || !clean_end(text_, end)) {
        return;
      }
      add(begin, end, PlaceholderKind::month,
          iso_month(to_int(m[2]), month_number(conv_, m[1].str())), kDate, "yMMMM");
    });
    if (options_.lang.rfind("en", 0) == 0) {
      // The pattern is only tried where it can start (bare_month_anchors), not at every byte.
      for_each_match_at(p.bare, bare_month_anchors(), [&](const std::cmatch& m) {
        const size_t begin = at(m, 1);
        const size_t end = begin + m.length(1);
        if (!clean_end(text_, end)) {
          return;
        }
        const int y = options_.default_year;
        if (y <= 0) {
          yearless_date(begin, end);
          return;
        }
        add(begin, end, PlaceholderKind::month, iso_month(y, month_number(conv_, m[1].str())),
            kDate, "MMMM");
      });
    }
  }

  void spelled_date(const std::cmatch& m, int d, const std::string& month_name,
                    const std::csub_match& year) {
    const size_t begin = at(m, 0);
    const size_t end = begin + m.length(0);
    if (!clean_start(text_, begin) || !clean_end(text_, end)) {
      return;
    }
    const int mo = month_number(conv_, month_name);
    const int y = year_or_default(year);
    if (y <= 0) {
      yearless_date(begin, end);
      return;
    }
    if (!valid_date(y, mo, d)) {
      impossible_date(begin, end);
      return;
    }
    add(begin, end, PlaceholderKind::date, iso_date(y, mo, d), kDate,
        year.matched ? "yMMMMd" : "dMMMM");
  }

  void spelled_range(const std::cmatch& m, int d1, int d2, const std::string& month_name,
                     const std::csub_match& year) {
    const size_t begin = at(m, 0);
    const size_t end = begin + m.length(0);
    if (!clean_start(text_, begin) || !clean_end(text_, end) || d1 >= d2) {
      return;
    }
    const int mo = month_number(conv_, month_name);
    const int y = year_or_default(year);
    if (y <= 0) {
      yearless_date(begin, end);
      return;
    }
    if (!valid_date(y, mo, d1) || !valid_date(y, mo, d2)) {
      impossible_date(begin, end);
      return;
    }
    add(begin, end, PlaceholderKind::date_range, iso_date(y, mo, d1) + "/" + iso_date(y, mo, d2),
        kDate, year.matched ? "yMMMMd" : "dMMMM");
  }

  void find_numeric_dates() {
    static const std::regex iso(R"((\d{4})-(\d{2})-(\d{2}))");
    // Only where a run of exactly four digits is followed by "-".
    auto may_start_iso = [&](size_t a) {
      return digit_run_length(a) == 4 && a + 4 < text_.size() && text_[a + 4] == '-';
    };
    for_each_match_at(iso, digit_starts(), may_start_iso, [&](const std::cmatch& m) {
      const size_t begin = at(m, 0);
      const size_t end = begin + m.length(0);
      if (!clean_start(text_, begin) || !clean_end(text_, end)) {
        return;
      }
      const int y = to_int(m[1]), mo = to_int(m[2]), d = to_int(m[3]);
      if (!valid_date(y, mo, d)) {
        impossible_date(begin, end);  // and its digits may still be a phone number (7012-34-56)
        return;
      }
      iso_dates_.emplace_back(begin, end);
      add(begin, end, PlaceholderKind::date, iso_date(y, mo, d), kDate, "yMMMMd");
    });
    // 26/03/2018 or 08/10. Without a year both parts must have two digits: "3/4" and "24/7" are
    // fractions and slogans far more often than dates.
    static const std::regex slashed(R"((\d{1,2})/(\d{1,2})(?:/(\d{4}))?)");
    // Only where a run of one or two digits is followed by "/".
    auto may_start_slashed = [&](size_t a) {
      const size_t n = digit_run_length(a);
      return n <= 2 && a + n < text_.size() && text_[a + n] == '/';
    };
    for_each_match_at(slashed, digit_starts(), may_start_slashed, [&](const std::cmatch& m) {
      const size_t begin = at(m, 0);
      const size_t end = begin + m.length(0);
      if (!clean_start(text_, begin) || !clean_end(text_, end)) {
        return;
      }
      if (code_point_at(text_, end) == '/' || code_point_before(text_, begin) == '/') {
        return;  // a path or a document symbol
      }
      if (!m[3].matched && (m.length(1) != 2 || m.length(2) != 2)) {
        return;
      }
      int d = to_int(m[1]), mo = to_int(m[2]);
      if (options_.order == DayMonthOrder::month_first) {
        std::swap(d, mo);
      }
      const int y = year_or_default(m[3]);
      if (y <= 0) {
        yearless_date(begin, end);
        return;
      }
      if (!valid_date(y, mo, d)) {
        impossible_date(begin, end);
        return;
      }
      // A numeric date without a year reads, in long style, as a day and a month: "8 octobre".
      add(begin, end, PlaceholderKind::date, iso_date(y, mo, d), kDate,
          m[3].matched ? "yMMMMd" : "dMMMM");
    });
  }

  // --- times ----------------------------------------------------------------------------------

  void find_times() {
    static const std::regex clock(R"((\d{1,2})(?:[:.](\d{2}))?(?:\s*([ap])\.?m\.?(?![A-Za-z]))?)",
                                  std::regex::icase);
    // The pattern matches at every digit run, but what it finds is only used with minutes or "am"
    // and "pm": it is tried only where a run of one or two digits is followed by ":" or "."
    // (minutes), or by blanks and "a" or "p". Elsewhere it would match the digits alone (at most
    // the run), which the callback ignores and which ends before the next anchor.
    auto may_be_time = [&](size_t a) {
      const size_t n = digit_run_length(a);
      if (n > 2 || a + n >= text_.size()) {
        return false;
      }
      const char next = text_[a + n];
      if (next == ':' || next == '.') {
        return true;
      }
      const size_t j = skip_blanks(a + n);
      return j < text_.size() && std::string_view("apAP").find(text_[j]) != std::string_view::npos;
    };
    for_each_match_at(clock, digit_starts(), may_be_time, [&](const std::cmatch& m) {
      const bool has_minutes = m[2].matched;
      const bool has_meridiem = m[3].matched;
      if (!has_meridiem && (!has_minutes || text_[at(m, 2) - 1] != ':')) {
        return;  // "10.30" alone is a decimal number
      }
      const size_t begin = at(m, 0);
      size_t end = begin + m.length(0);
      if (!clean_start(text_, begin)) {
        return;
      }
      if (!has_meridiem && !clean_end(text_, end)) {
        return;
      }
      if (has_meridiem && is_word_char(code_point_at(text_, end))) {
        return;
      }
      int h = to_int(m[1]);
      const int min = to_int(m[2]);
      if (min > 59) {
        return;
      }
      if (has_meridiem) {
        if (h < 1 || h > 12) {
          return;
        }
        const bool pm = m[3].str() == "p" || m[3].str() == "P";
        h = (h % 12) + (pm ? 12 : 0);
      } else if (h > 23) {
        return;
      }
      const std::string hh = (h < 10 ? "0" : "") + std::to_string(h);
      const std::string mm = (min < 10 ? "0" : "") + std::to_string(min);
      add(begin, end, PlaceholderKind::time, hh + ":" + mm, kUnitValue, "jmm");
    });
  }

  // --- numbers, percentages, ordinals, currency amounts -----------------------------------------

  /// Reads a number written in the source's conventions at `pos`: digits, groups of three after the
  /// grouping separator, a decimal part. nullopt when the digits are not a well-formed number.
  std::optional<std::pair<size_t, std::string>> read_number(size_t pos) const {
    size_t i = pos;
    std::string canonical;
    while (i < text_.size() && is_digit(text_[i])) {
      canonical += text_[i++];
    }
    bool grouped = false;
    auto starts_with_at = [&](size_t at, std::string_view s) {
      return !s.empty() && text_.substr(at, s.size()) == s;
    };
    // Grouping separators, including the no-break spaces French writes and a plain space there.
    std::string_view groups[2] = {conv_.group, {}};
    if (conv_.group == "\u202F" || conv_.group == "\u00A0") {
      groups[0] = "\u202F";
      groups[1] = "\u00A0";
    }
    if (canonical.size() <= 3) {
      for (bool more = true; more;) {
        more = false;
        for (const auto& g : groups) {
          const size_t j = i + g.size();
          if (starts_with_at(i, g) && j + 3 <= text_.size() && is_digit(text_[j]) &&
              is_digit(text_[j + 1]) && is_digit(text_[j + 2]) &&
              (j + 3 == text_.size() || !is_digit(text_[j + 3]))) {
            canonical.append(text_.substr(j, 3));
            i = j + 3;
            grouped = more = true;
            break;
          }
        }
      }
    }
    if (starts_with_at(i, conv_.decimal) && i + conv_.decimal.size() < text_.size() &&
        is_digit(text_[i + conv_.decimal.size()])) {
      i += conv_.decimal.size();
      canonical += '.';
      while (i < text_.size() && is_digit(text_[i])) {
        canonical += text_[i++];
      }
    }
    // Another separator followed by a digit: "1.2.3", "1,2": a version or a list, not a number.
    if (i < text_.size() && (text_[i] == '.' || text_[i] == ',') && i + 1 < text_.size() &&
        is_digit(text_[i + 1])) {
      return std::nullopt;
    }
    const auto int_part = canonical.substr(0, canonical.find('.'));
    // "007" is a code; an integer of four or more digits written without grouping is a year, a
    // reference or an identifier ("2018", "resolution 2334"): grouping it would corrupt it.
    if ((int_part.size() > 1 && int_part[0] == '0') || (!grouped && int_part.size() >= 4)) {
      return std::nullopt;
    }
    return std::make_pair(i, canonical);
  }

  std::optional<std::string> currency_before(size_t begin, size_t* start) const {
    static const std::pair<const char*, const char*> kPrefixes[] = {
        {"US$", "USD"},  {"$", "USD"},    {"€", "EUR"},    {"£", "GBP"},    {"USD ", "USD"},
        {"EUR ", "EUR"}, {"CHF ", "CHF"}, {"GBP ", "GBP"}, {"JPY ", "JPY"}, {"¥", "JPY"}};
    for (const auto& [prefix, code] : kPrefixes) {
      const size_t n = std::string_view(prefix).size();
      // "$" means US dollars only in English sources (UN and agency usage).
      if (std::string_view(prefix) == "$" && options_.lang.rfind("en", 0) != 0) {
        continue;
      }
      if (begin >= n && text_.substr(begin - n, n) == prefix && clean_start(text_, begin - n)) {
        *start = begin - n;
        return std::string(code);
      }
    }
    return std::nullopt;
  }

  void find_numbers() {
    for (size_t i = 0; i < text_.size(); ++i) {
      if (!is_digit(text_[i]) || (i > 0 && is_digit(text_[i - 1]))) {
        continue;
      }
      if (!clean_start(text_, i)) {
        continue;
      }
      const auto read = read_number(i);
      if (!read) {
        continue;
      }
      auto [end, canonical] = *read;
      const std::string_view rest = text_.substr(end);
      // Ordinals: "2nd", "21st", "13th" (the suffix must agree with the number).
      if (options_.lang.rfind("en", 0) == 0 && canonical.find('.') == std::string::npos &&
          rest.size() >= 2) {
        const std::string suffix(rest.substr(0, 2));
        const int n = std::stoi(canonical);
        const char* expected = (n % 100 >= 11 && n % 100 <= 13) ? "th"
                               : n % 10 == 1                    ? "st"
                               : n % 10 == 2                    ? "nd"
                               : n % 10 == 3                    ? "rd"
                                                                : "th";
        if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
          if (suffix == expected && !is_word_char(code_point_at(text_, end + 2))) {
            add(i, end + 2, PlaceholderKind::ordinal, canonical, kUnitValue);
          }
          continue;
        }
      }
      // A letter glued to the number makes it part of a word ("3D", "10km" is left to the writer).
      if (!clean_end(text_, end)) {
        continue;
      }
      // Percentages: "12.5%", "12.5 %", "12.5 per cent". match_continuous: only at the start of
      // `rest` (std::regex would try every later position: quadratic on 100,000 numbers).
      // The regex only where it can match: at "%" or a blank.
      static const std::regex percent_words(R"(^(\s?%|\s(?:per cent|percent)\b))");
      std::cmatch pm;
      if (!rest.empty() && (rest[0] == '%' || skip_blanks(end) > end) &&
          std::regex_search(rest.data(), rest.data() + rest.size(), pm, percent_words,
                            std::regex_constants::match_continuous)) {
        add(i, end + pm.length(0), PlaceholderKind::percent, canonical, kUnitValue);
        continue;
      }
      // Currency amounts: a symbol or ISO code before the number. "USD 3 million" keeps only the
      // number: the scale word is language, and rendering "3,00 $US million" would be wrong.
      static const std::regex scale(R"(^\s(?:thousand|million|billion|trillion)\b)");
      size_t start = i;
      if (auto code = currency_before(i, &start)) {
        if (!std::regex_search(rest.data(), rest.data() + rest.size(), scale,
                               std::regex_constants::match_continuous)) {
          add(start, end, PlaceholderKind::currency, currency_canonical(*code, canonical),
              kUnitValue, canonical.find('.') == std::string::npos ? "integer" : "");
          continue;
        }
      }
      add(i, end, PlaceholderKind::number, canonical, kNumber);
    }
  }

  static std::string currency_canonical(const std::string& code, const std::string& amount) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString ucode(code.c_str(), -1, US_INV);
    int digits = ucurr_getDefaultFractionDigits(ucode.getTerminatedBuffer(), &status);
    if (U_FAILURE(status)) {
      digits = 2;
    }
    std::string out = amount;
    size_t dot = out.find('.');
    int have = dot == std::string::npos ? 0 : static_cast<int>(out.size() - dot - 1);
    if (dot == std::string::npos && digits > 0) {
      out += '.';
    }
    for (; have < digits; ++have) {
      out += '0';
    }
    return code + " " + out;
  }

  // --- choice ---------------------------------------------------------------------------------

  std::vector<FoundValue> select() {
    std::stable_sort(candidates_.begin(), candidates_.end(),
                     [](const Candidate& a, const Candidate& b) {
                       if (a.priority != b.priority) {
                         return a.priority < b.priority;
                       }
                       if (a.value.begin != b.value.begin) {
                         return a.value.begin < b.value.begin;
                       }
                       return a.value.end > b.value.end;
                     });
    std::vector<FoundValue> chosen;
    for (auto& c : candidates_) {
      const bool overlaps = std::any_of(chosen.begin(), chosen.end(), [&](const FoundValue& v) {
        return c.value.begin < v.end && v.begin < c.value.end;
      });
      if (!overlaps) {
        chosen.push_back(c.value);
      }
    }
    // Blocked spans (impossible or yearless dates) were only there to keep their digits from being
    // read as numbers.
    for (const auto& v : chosen) {
      if (v.canonical.empty() && warnings_ != nullptr) {
        warnings_->push_back({v.begin,
                              value_doubt_from_key(v.format).value_or(ValueDoubt::invalid_date),
                              std::string(text_.substr(v.begin, v.end - v.begin))});
      }
    }
    chosen.erase(std::remove_if(chosen.begin(), chosen.end(),
                                [](const FoundValue& v) { return v.canonical.empty(); }),
                 chosen.end());
    std::sort(chosen.begin(), chosen.end(),
              [](const FoundValue& a, const FoundValue& b) { return a.begin < b.begin; });
    return chosen;
  }

  std::string_view text_;
  const RecognitionOptions& options_;
  std::vector<ValueWarning>* warnings_;
  const SourceConventions& conv_;  // cached per thread: never copied
  std::vector<Candidate> candidates_;
  std::vector<std::pair<size_t, size_t>> iso_dates_;  // byte ranges of valid yyyy-mm-dd dates
  size_t match_offset_ = 0;  // where the current match's search started (for_each_match_at)
  std::optional<std::vector<size_t>> digit_starts_;
  std::optional<std::vector<size_t>> month_starts_;
};

}  // namespace

namespace {

// libstdc++'s std::regex matches by recursion, a stack frame per character a match attempt
// consumes: a line of a million letters or digits overflowed the stack (issue 10). No value
// holds a run of more than kMaxRun letters (or blanks), so such runs are masked with '<', which
// no pattern matches, in a copy of the same length: offsets stay valid.
constexpr size_t kMaxRun = 256;

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string mask_long_runs(std::string_view text) {
  std::string masked;
  for (size_t begin = 0; begin < text.size();) {
    size_t end = begin + 1;
    while (end < text.size() && is_blank(text[end]) == is_blank(text[begin])) {
      ++end;
    }
    if (end - begin > kMaxRun) {
      if (masked.empty()) {
        masked.assign(text);
      }
      std::fill(masked.begin() + static_cast<ptrdiff_t>(begin),
                masked.begin() + static_cast<ptrdiff_t>(end), '<');
    }
    begin = end;
  }
  return masked;
}

}  // namespace

const char* value_doubt_key(ValueDoubt doubt) {
  switch (doubt) {
  case ValueDoubt::date_without_year:
    return "date-without-year";
  case ValueDoubt::invalid_date:
    return "invalid-date";
  }
  return "invalid-date";
}

std::optional<ValueDoubt> value_doubt_from_key(std::string_view key) {
  for (const auto doubt : {ValueDoubt::date_without_year, ValueDoubt::invalid_date}) {
    if (key == value_doubt_key(doubt)) {
      return doubt;
    }
  }
  return std::nullopt;
}

std::string value_doubt_message(ValueDoubt doubt, const std::string& text) {
  switch (doubt) {
  case ValueDoubt::date_without_year:
    return subst(tr("\"{1}\" looks like a date without a year, and the release has no date: left "
                    "as text"),
                 {text});
  case ValueDoubt::invalid_date:
    break;
  }
  return subst(tr("\"{1}\" looks like a date but is not a valid one: left as text"), {text});
}

std::vector<FoundValue> find_values(std::string_view text, const RecognitionOptions& options,
                                    std::vector<ValueWarning>* warnings) {
  const std::string masked = mask_long_runs(text);
  return Finder(masked.empty() ? text : std::string_view(masked), options, warnings).run();
}

}  // namespace relocale
