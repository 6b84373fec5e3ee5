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
#include <unicode/dcfmtsym.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/ucurr.h>
#include <unicode/utf8.h>

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

/// The regex of a pattern, compiled once per thread: compiling costs far more than matching, and
/// the month patterns depend on the language, so they cannot be function-level statics.
const std::regex& cached_regex(const std::string& pattern) {
  thread_local std::map<std::string, std::regex> cache;
  auto it = cache.find(pattern);
  if (it == cache.end()) {
    it = cache.emplace(pattern, std::regex(pattern)).first;
  }
  return it->second;
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

/// The source language's conventions, read from ICU once per call.
struct SourceConventions {
  std::vector<std::string> months;  // wide format names, January first
  std::string month_alternation;    // "January|February|..." for regexes
  std::string group = ",";
  std::string decimal = ".";
};

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
    find_phones();
    find_spelled_dates();
    find_numeric_dates();
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
  /// is reported if no other date claims its bytes. The message rides in `format`.
  void block(size_t begin, size_t end, std::string message) {
    add(begin, end, PlaceholderKind::code, {}, kDate, std::move(message));
  }

  template <typename F>
  void for_each_match(const std::regex& re, F&& f) {
    const char* b = text_.data();
    match_offset_ = 0;
    for (std::cregex_iterator it(b, b + text_.size(), re), end; it != end; ++it) {
      f(*it);
    }
  }

  /// The same as for_each_match for a pattern that can only start at one of `anchors` (the
  /// first digit of a number, a month name, "http"): the pattern is tried there only, instead of
  /// at every byte of the text, which std::regex makes slow. Like the iterator, a match is not
  /// looked for inside the previous one.
  template <typename F>
  void for_each_match_at(const std::regex& re, const std::vector<size_t>& anchors, F&& f) {
    size_t last_end = 0;
    for (const size_t a : anchors) {
      if (a < last_end) {
        continue;
      }
      std::cmatch m;
      const auto flags =
          a > 0 ? std::regex_constants::match_continuous | std::regex_constants::match_prev_avail
                : std::regex_constants::match_continuous;
      if (std::regex_search(text_.data() + a, text_.data() + text_.size(), m, re, flags)) {
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
      std::string lower(text_.substr(i, 4));
      for (auto& ch : lower) {
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      }
      if (lower == "http" || lower == "www.") {
        out.push_back(i);
      }
    }
    return out;
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
    if (text_.find('@') == std::string_view::npos) {
      return;  // no address without an at sign
    }
    for_each_match(email, [&](const std::cmatch& m) {
      const size_t begin = at(m, 0);
      const size_t end = begin + m.length(0);
      if (is_word_char(code_point_before(text_, begin)) ||
          is_word_char(code_point_at(text_, end))) {
        return;
      }
      add(begin, end, PlaceholderKind::email, m.str(0), kUrlEmail);
    });
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
    const auto& util = *pn::PhoneNumberUtil::GetInstance();
    const std::string copy(text_);
    pn::PhoneNumberMatcher matcher(util, copy, options_.region, pn::PhoneNumberMatcher::VALID,
                                   std::numeric_limits<int>::max());
    while (matcher.HasNext()) {
      pn::PhoneNumberMatch match;
      matcher.Next(&match);
      const std::string& raw = match.raw_string();
      // A bare run of digits is a count or an identifier more often than a phone number: ask for
      // an international prefix or the separators people write phone numbers with.
      const bool plus = !raw.empty() && raw[0] == '+';
      const bool separated = raw.find_first_of(" -.()\xC2") != std::string::npos;
      const auto n_digits = std::count_if(raw.begin(), raw.end(), is_digit);
      if ((!plus && !separated) || n_digits < 8) {
        continue;
      }
      std::string e164;
      util.Format(match.number(), pn::PhoneNumberUtil::E164, &e164);
      add(static_cast<size_t>(match.start()), static_cast<size_t>(match.start() + match.length()),
          PlaceholderKind::phone, e164, kPhone);
    }
  }

  // --- dates ----------------------------------------------------------------------------------

  /// The year of a date, from the text or the release's date; 0 when it cannot be known.
  int year_or_default(const std::csub_match& year) const {
    return year.matched ? std::stoi(year.str()) : options_.default_year;
  }

  void yearless_date(size_t begin, size_t end) {
    block(begin, end,
          subst(tr("\"{1}\" looks like a date without a year, and the release has no date: left "
                   "as text"),
                {std::string(text_.substr(begin, end - begin))}));
  }

  void impossible_date(size_t begin, size_t end) {
    block(begin, end,
          subst(tr("\"{1}\" looks like a date but is not a valid one: left as text"),
                {std::string(text_.substr(begin, end - begin))}));
  }

  void find_spelled_dates() {
    if (conv_.months.empty()) {
      return;
    }
    const std::string month = "(" + conv_.month_alternation + ")";
    const std::string day = R"((\d{1,2})(?:st|nd|rd|th)?)";
    const std::string year = R"((?:,?\s+(\d{4}))?)";
    const std::string dash = R"(\s*(?:-|–|—)\s*|\s+(?:and|to)\s+)";
    // Ranges first, so that "26 and 27 March" is not read as "27 March" alone.
    const std::regex& day_range =
        cached_regex(day + "(?:" + dash + ")" + day + R"(\s+)" + month + year);
    for_each_match_at(day_range, digit_starts(), [&](const std::cmatch& m) {
      spelled_range(m, to_int(m[1]), to_int(m[2]), m[3].str(), m[4]);
    });
    const std::regex& month_range =
        cached_regex(month + R"(\s+)" + day + "(?:" + dash + ")" + day + year);
    for_each_match_at(month_range, month_starts(), [&](const std::cmatch& m) {
      spelled_range(m, to_int(m[2]), to_int(m[3]), m[1].str(), m[4]);
    });
    const std::regex& day_month = cached_regex(day + R"(\s+)" + month + year);
    for_each_match_at(day_month, digit_starts(), [&](const std::cmatch& m) {
      spelled_date(m, to_int(m[1]), m[2].str(), m[3]);
    });
    const std::regex& month_day = cached_regex(month + R"(\s+)" + day + year);
    for_each_match_at(month_day, month_starts(), [&](const std::cmatch& m) {
      spelled_date(m, to_int(m[2]), m[1].str(), m[3]);
    });
    // "December 2018"; a bare "December" only after a word that makes it a month: "May" is also
    // a verb and "March" a noun, but not after "in", "this" or "until".
    const std::regex& month_year = cached_regex(month + R"(\s+(\d{4}))");
    for_each_match_at(month_year, month_starts(), [&](const std::cmatch& m) {
      const size_t begin = at(m, 0);
      const size_t end = begin + m.length(0);
      if (!clean_start(text_, begin) || !clean_end(text_, end)) {
        return;
      }
      add(begin, end, PlaceholderKind::month,
          iso_month(to_int(m[2]), month_number(conv_, m[1].str())), kDate, "yMMMM");
    });
    if (options_.lang.rfind("en", 0) == 0) {
      const std::regex& bare = cached_regex(
          R"((?:\b(?:in|In|this|This|next|Next|last|Last|of|until|Until|since|Since|by|By|early|late)\s+|\bmid-))" +
          month);
      if (month_starts().empty()) {
        return;
      }
      for_each_match(bare, [&](const std::cmatch& m) {
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
    for_each_match_at(iso, digit_starts(), [&](const std::cmatch& m) {
      const size_t begin = at(m, 0);
      const size_t end = begin + m.length(0);
      if (!clean_start(text_, begin) || !clean_end(text_, end)) {
        return;
      }
      const int y = to_int(m[1]), mo = to_int(m[2]), d = to_int(m[3]);
      if (!valid_date(y, mo, d)) {
        impossible_date(begin, end);
        return;
      }
      add(begin, end, PlaceholderKind::date, iso_date(y, mo, d), kDate, "yMMMMd");
    });
    // 26/03/2018 or 08/10. Without a year both parts must have two digits: "3/4" and "24/7" are
    // fractions and slogans far more often than dates.
    static const std::regex slashed(R"((\d{1,2})/(\d{1,2})(?:/(\d{4}))?)");
    for_each_match_at(slashed, digit_starts(), [&](const std::cmatch& m) {
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
    for_each_match_at(clock, digit_starts(), [&](const std::cmatch& m) {
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
    auto starts_with_at = [&](size_t at, const std::string& s) {
      return !s.empty() && text_.substr(at, s.size()) == s;
    };
    // Grouping separators, including the no-break spaces French writes and a plain space there.
    std::vector<std::string> groups = {conv_.group};
    if (conv_.group == "\u202F" || conv_.group == "\u00A0") {
      groups = {"\u202F", "\u00A0"};
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
      static const std::regex percent_words(R"(^(\s?%|\s(?:per cent|percent)\b))");
      std::cmatch pm;
      if (std::regex_search(rest.data(), rest.data() + rest.size(), pm, percent_words,
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
        warnings_->push_back({v.begin, v.format});
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
  SourceConventions conv_;
  std::vector<Candidate> candidates_;
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

std::vector<FoundValue> find_values(std::string_view text, const RecognitionOptions& options,
                                    std::vector<ValueWarning>* warnings) {
  const std::string masked = mask_long_runs(text);
  return Finder(masked.empty() ? text : std::string_view(masked), options, warnings).run();
}

}  // namespace relocale
