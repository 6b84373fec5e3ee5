// render_placeholder: each recognised value written in the target locale's conventions, with ICU
// (dates, numbers) and libphonenumber (phones). Nothing here is hand-written locale data.
#include <map>
#include <memory>
#include <regex>
#include <tuple>
#include <unordered_map>

#include <phonenumbers/phonenumberutil.h>
#include <unicode/calendar.h>
#include <unicode/dtitvfmt.h>
#include <unicode/dtptngen.h>
#include <unicode/listformatter.h>
#include <unicode/numberformatter.h>
#include <unicode/rbnf.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include "relocale/base/error.h"
#include "relocale/base/i18n.h"
#include "relocale/locale_formatter/house_style.h"

namespace relocale {

namespace {

std::string to_utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

[[noreturn]] void bad_value(const Placeholder& p) {
  throw Error(subst(tr("placeholder {1} ({2}): cannot read the value \"{3}\""),
                    {p.id, placeholder_kind_key(p.kind), p.canonical}));
}

void check(UErrorCode status, const Placeholder& p) {
  if (U_FAILURE(status)) {
    throw Error(subst(tr("placeholder {1} ({2}): ICU cannot format \"{3}\": {4}"),
                      {p.id, placeholder_kind_key(p.kind), p.canonical, u_errorName(status)}));
  }
}

/// The target locale, with the house style's numbering system ("ar@numbers=arab").
icu::Locale target_locale(const HouseStyle& style) {
  // Parsing a language tag costs more than most formatting: once per thread and tag.
  thread_local std::map<std::pair<std::string, std::string>, icu::Locale> locales;
  const auto key = std::make_pair(style.lang, style.numbering_system);
  auto known = locales.find(key);
  if (known == locales.end()) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(style.lang.c_str(), status);
    if (!style.numbering_system.empty()) {
      locale.setKeywordValue("numbers", style.numbering_system.c_str(), status);
    }
    known = locales.emplace(key, locale).first;
  }
  return known->second;
}

/// The skeleton for the house style: "long" keeps the spelled month the source skeleton asks for,
/// "medium" abbreviates it, "short" makes it numeric.
icu::UnicodeString skeleton_for(const std::string& format, const char* fallback,
                                const HouseStyle& style) {
  std::string skeleton = format.empty() ? fallback : format;
  const auto pos = skeleton.find("MMMM");
  if (pos != std::string::npos && style.date_style == "medium") {
    skeleton.replace(pos, 4, "MMM");
  } else if (pos != std::string::npos && style.date_style == "short") {
    skeleton.replace(pos, 4, "M");
  }
  return icu::UnicodeString::fromUTF8(skeleton);
}

/// Midnight UTC of an ISO date ("2018-10-08", or "2018-12" for a month).
UDate parse_iso_date(const std::string& iso, const Placeholder& p) {
  // yyyy-mm or yyyy-mm-dd, in ASCII digits.
  const auto digits = [&iso](size_t from, size_t count) {
    int value = 0;
    for (size_t i = from; i < from + count; ++i) {
      if (iso[i] < '0' || iso[i] > '9') {
        return -1;
      }
      value = value * 10 + (iso[i] - '0');
    }
    return value;
  };
  const bool shaped = (iso.size() == 7 || (iso.size() == 10 && iso[7] == '-')) && iso[4] == '-';
  const int year = shaped ? digits(0, 4) : -1;
  const int month = shaped ? digits(5, 2) : -1;
  const int day = iso.size() == 10 && shaped ? digits(8, 2) : 1;
  if (year < 0 || month < 0 || day < 0) {
    bad_value(p);
  }
  UErrorCode status = U_ZERO_ERROR;
  // ICU objects are costly to make (a pattern generator loads a locale's whole calendar data):
  // each thread keeps the ones it made, per locale and pattern. They are used by one thread only.
  thread_local std::unique_ptr<icu::Calendar> calendar;
  if (!calendar) {
    calendar.reset(icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(),
                                                 icu::Locale::getRoot(), status));
    check(status, p);
    calendar->setLenient(false);  // 2018-13-45 is refused, not rolled over into 2019
  }
  calendar->clear();
  calendar->set(year, month - 1, day);
  const UDate date = calendar->getTime(status);
  check(status, p);
  return date;
}

/// The locale's best pattern for a skeleton (DateTimePatternGenerator), cached per thread.
icu::UnicodeString best_pattern(const icu::Locale& locale, const icu::UnicodeString& skeleton,
                                const Placeholder& p) {
  thread_local std::map<std::string, std::unique_ptr<icu::DateTimePatternGenerator>> generators;
  thread_local std::map<std::pair<std::string, std::u16string>, icu::UnicodeString> patterns;
  const std::string name = locale.getName();
  const std::u16string key(skeleton.getBuffer(), static_cast<size_t>(skeleton.length()));
  const auto known = patterns.find({name, key});
  if (known != patterns.end()) {
    return known->second;
  }
  UErrorCode status = U_ZERO_ERROR;
  auto& generator = generators[name];
  if (!generator) {
    generator.reset(icu::DateTimePatternGenerator::createInstance(locale, status));
    check(status, p);
  }
  const icu::UnicodeString pattern = generator->getBestPattern(skeleton, status);
  check(status, p);
  patterns.emplace(std::make_pair(name, key), pattern);
  return pattern;
}

/// An ICU date formatter per thread, locale and pattern (or skeleton), in GMT: creating one costs
/// far more than using it. `make` creates it; each call site has its own cache.
template <class Formatter, class Make>
Formatter& date_formatter_for(const icu::Locale& locale, const icu::UnicodeString& pattern,
                              Make&& make) {
  thread_local std::map<std::pair<std::string, std::u16string>, std::unique_ptr<Formatter>> cache;
  auto& formatter =
      cache[{locale.getName(),
             std::u16string(pattern.getBuffer(), static_cast<size_t>(pattern.length()))}];
  if (!formatter) {
    formatter = make();
    formatter->setTimeZone(*icu::TimeZone::getGMT());
  }
  return *formatter;
}

/// A date with a pattern, through a SimpleDateFormat cached per thread, locale and pattern.
icu::UnicodeString format_with_pattern(UDate date, const icu::UnicodeString& pattern,
                                       const icu::Locale& locale, const Placeholder& p) {
  auto& formatter = date_formatter_for<icu::SimpleDateFormat>(locale, pattern, [&] {
    UErrorCode status = U_ZERO_ERROR;
    auto made = std::make_unique<icu::SimpleDateFormat>(pattern, locale, status);
    check(status, p);
    return made;
  });
  icu::UnicodeString out;
  formatter.format(date, out);
  return out;
}

std::string format_date(UDate date, const icu::UnicodeString& skeleton, const icu::Locale& locale,
                        const Placeholder& p) {
  return to_utf8(format_with_pattern(date, best_pattern(locale, skeleton, p), locale, p));
}

// A date pattern without the spaces and quoted words at its ends ("d 'de' " → "d").
icu::UnicodeString trim_pattern_literals(icu::UnicodeString pattern) {
  bool changed = true;
  while (changed && pattern.length() > 0) {
    changed = false;
    const auto last = pattern.length() - 1;
    if (pattern[last] == u' ' || pattern[last] == u'\u00A0') {
      pattern.truncate(last);
      changed = true;
    } else if (pattern[last] == u'\'') {
      const int32_t open = pattern.lastIndexOf(u'\'', 0, last);
      pattern.truncate(open < 0 ? last : open);
      changed = true;
    } else if (pattern[0] == u' ' || pattern[0] == u'\u00A0') {
      pattern.remove(0, 1);
      changed = true;
    } else if (pattern[0] == u'\'') {
      const int32_t close = pattern.indexOf(u'\'', 1);
      pattern.remove(0, close < 0 ? 1 : close + 1);
      changed = true;
    }
  }
  return pattern;
}

std::string render_date_range(const Placeholder& p, const icu::Locale& locale,
                              const HouseStyle& style) {
  const auto slash = p.canonical.find('/');
  if (slash == std::string::npos) {
    bad_value(p);
  }
  const UDate from = parse_iso_date(p.canonical.substr(0, slash), p);
  const UDate to = parse_iso_date(p.canonical.substr(slash + 1), p);
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString skeleton = skeleton_for(p.format, "yMMMMd", style);
  if (to - from == 24.0 * 60 * 60 * 1000) {
    // Two consecutive days are both named, as press style writes them ("26 and 27 March",
    // « les 26 et 27 mars », "26 y 27 de marzo", "3月26日和27日"): the locale's "and" list
    // (ListFormatter) of the first day alone and the second in full, or the other way round
    // where the locale writes the month before the day.
    const icu::UnicodeString pattern = best_pattern(locale, skeleton, p);
    const int32_t day_at = pattern.indexOf(u'd');
    const int32_t month_at = std::max(pattern.indexOf(u'M'), pattern.indexOf(u'L'));
    if (day_at < 0 || month_at < 0) {
      bad_value(p);
    }
    const bool day_first = day_at < month_at;
    // The day alone, as the locale's own pattern writes it beside the month ("d." in German,
    // "d日" in Chinese), without the words that join it to the month ("d 'de'" in Spanish).
    icu::UnicodeString day_pattern =
        day_first ? icu::UnicodeString(pattern, 0, month_at) : icu::UnicodeString(pattern, day_at);
    day_pattern = trim_pattern_literals(day_pattern);
    icu::UnicodeString items[2];
    items[0] = day_first ? format_with_pattern(from, day_pattern, locale, p)
                         : icu::UnicodeString::fromUTF8(format_date(from, skeleton, locale, p));
    items[1] = day_first ? icu::UnicodeString::fromUTF8(format_date(to, skeleton, locale, p))
                         : format_with_pattern(to, day_pattern, locale, p);
    std::unique_ptr<icu::ListFormatter> list(icu::ListFormatter::createInstance(locale, status));
    check(status, p);
    icu::UnicodeString joined;
    list->format(items, 2, joined, status);
    check(status, p);
    return to_utf8(joined);
  }
  auto& formatter = date_formatter_for<icu::DateIntervalFormat>(locale, skeleton, [&] {
    std::unique_ptr<icu::DateIntervalFormat> made(
        icu::DateIntervalFormat::createInstance(skeleton, locale, status));
    check(status, p);
    return made;
  });
  icu::DateInterval interval(from, to);
  icu::UnicodeString out;
  icu::FieldPosition position;
  formatter.format(&interval, out, position, status);
  check(status, p);
  return to_utf8(out);
}

std::string render_time(const Placeholder& p, const icu::Locale& locale, const HouseStyle& style) {
  static const std::regex time_re(R"((\d{2}):(\d{2}))");
  std::smatch m;
  if (!std::regex_match(p.canonical, m, time_re)) {
    bad_value(p);
  }
  const double ms = (std::stoi(m[1]) * 60.0 + std::stoi(m[2])) * 60.0 * 1000.0;
  return format_date(ms, skeleton_for(p.format, "jmm", style), locale, p);
}

int fraction_digits(const std::string& decimal) {
  const auto dot = decimal.find('.');
  return dot == std::string::npos ? 0 : static_cast<int>(decimal.size() - dot - 1);
}

void check_decimal(const std::string& decimal, const Placeholder& p) {
  static const std::regex decimal_re(R"(-?\d+(\.\d+)?)");
  if (!std::regex_match(decimal, decimal_re)) {
    bad_value(p);
  }
}

/// A decimal with as many fraction digits as the source showed ("12.50" stays "12,50", "300"
/// gets none), as a plain number or a percentage. The formatters are kept per thread, locale and
/// precision: ICU builds a formatter's internals on its first uses.
std::string render_decimal(const std::string& decimal, const icu::Locale& locale, bool percent,
                           const Placeholder& p) {
  check_decimal(decimal, p);
  UErrorCode status = U_ZERO_ERROR;
  const int digits = fraction_digits(decimal);
  thread_local std::map<std::tuple<std::string, bool, int>, icu::number::LocalizedNumberFormatter>
      formatters;
  const auto key = std::make_tuple(std::string(locale.getName()), percent, digits);
  auto it = formatters.find(key);
  if (it == formatters.end()) {
    auto f = icu::number::NumberFormatter::withLocale(locale).precision(
        icu::number::Precision::minMaxFraction(digits, digits));
    if (percent) {
      f = f.unit(icu::NoUnit::percent());
    }
    it = formatters.emplace(key, f).first;
  }
  const auto out = it->second.formatDecimal(decimal.c_str(), status).toString(status);
  check(status, p);
  return to_utf8(out);
}

std::string render_ordinal(const Placeholder& p, const icu::Locale& locale) {
  static const std::regex int_re(R"(\d{1,9})");
  if (!std::regex_match(p.canonical, int_re)) {
    bad_value(p);
  }
  UErrorCode status = U_ZERO_ERROR;
  // CLDR's digits-ordinal rules: "2nd", "2e", "2.º", "2.", "第2".
  icu::RuleBasedNumberFormat formatter(icu::URBNF_ORDINAL, locale, status);
  check(status, p);
  icu::UnicodeString out;
  formatter.format(static_cast<int32_t>(std::stol(p.canonical)), out);
  return to_utf8(out);
}

std::string render_currency(const Placeholder& p, const icu::Locale& locale) {
  static const std::regex currency_re(R"(([A-Z]{3}) (-?\d+(?:\.\d+)?))");
  std::smatch m;
  if (!std::regex_match(p.canonical, m, currency_re)) {
    bad_value(p);
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString code = icu::UnicodeString::fromUTF8(m[1].str());
  const icu::CurrencyUnit unit(code.getBuffer(), status);
  check(status, p);
  auto f = icu::number::NumberFormatter::withLocale(locale).unit(unit);
  // format "integer": the source wrote a whole amount ("$300"), so no ",00" in the target.
  if (p.format == "integer") {
    f = f.precision(icu::number::Precision::integer());
  }
  const auto out = f.formatDecimal(m[2].str().c_str(), status).toString(status);
  check(status, p);
  return to_utf8(out);
}

std::string render_phone(const Placeholder& p, const HouseStyle& style) {
  namespace pn = i18n::phonenumbers;
  const auto& util = *pn::PhoneNumberUtil::GetInstance();
  // Parsing costs far more than formatting, and a release repeats its numbers in every language:
  // parsed numbers are kept per thread (a bounded number of them).
  thread_local std::map<std::string, pn::PhoneNumber> parsed;
  auto known = parsed.find(p.canonical);
  if (known == parsed.end()) {
    pn::PhoneNumber number;
    if (util.Parse(p.canonical, "ZZ", &number) != pn::PhoneNumberUtil::NO_PARSING_ERROR) {
      bad_value(p);
    }
    if (parsed.size() >= 4096) {
      parsed.clear();
    }
    known = parsed.emplace(p.canonical, number).first;
  }
  const pn::PhoneNumber& number = known->second;
  std::string out;
  util.Format(
      number,
      style.phone_format == "e164" ? pn::PhoneNumberUtil::E164 : pn::PhoneNumberUtil::INTERNATIONAL,
      &out);
  return out;
}

}  // namespace

namespace {

std::string render_uncached(const Placeholder& p, const HouseStyle& style) {
  const icu::Locale locale = target_locale(style);
  switch (p.kind) {
  case PlaceholderKind::date:
    return format_date(parse_iso_date(p.canonical, p), skeleton_for(p.format, "yMMMMd", style),
                       locale, p);
  case PlaceholderKind::date_range:
    return render_date_range(p, locale, style);
  case PlaceholderKind::month: {
    // A bare month ("this December") takes the house style's month form; with a year shown the
    // placeholder's own skeleton ("yMMMM") applies.
    const std::string skeleton =
        p.format.empty() || p.format == "MMMM" ? style.month_skeleton : p.format;
    return format_date(parse_iso_date(p.canonical, p), skeleton_for(skeleton, "MMMM", style),
                       locale, p);
  }
  case PlaceholderKind::time:
    return render_time(p, locale, style);
  case PlaceholderKind::number:
    return render_decimal(p.canonical, locale, /*percent=*/false, p);
  case PlaceholderKind::percent:
    return render_decimal(p.canonical, locale, /*percent=*/true, p);
  case PlaceholderKind::ordinal:
    return render_ordinal(p, locale);
  case PlaceholderKind::currency:
    return render_currency(p, locale);
  case PlaceholderKind::phone:
    return render_phone(p, style);
  case PlaceholderKind::email:
  case PlaceholderKind::url:
    return p.canonical.empty() ? p.source_text : p.canonical;
  case PlaceholderKind::code:
  case PlaceholderKind::line_break:
    return p.source_text;
  }
  return p.source_text;
}

// What a rendering depends on besides the placeholder's value: the house style's fields that
// render_uncached reads.
std::string style_key(const HouseStyle& style) {
  std::string key;
  for (const std::string* field : {&style.lang, &style.numbering_system, &style.date_style,
                                   &style.phone_format, &style.month_skeleton}) {
    key += *field;
    key += '\x1F';
  }
  return key;
}

}  // namespace

std::string render_placeholder(const Placeholder& placeholder, const HouseStyle& style) {
  const auto& p = placeholder;
  switch (p.kind) {
  case PlaceholderKind::email:
  case PlaceholderKind::url:
  case PlaceholderKind::code:
  case PlaceholderKind::line_break:
    return render_uncached(p, style);  // nothing to compute
  default:
    break;
  }
  // A release repeats its values (the date of the release, the office's phone, times), every
  // release of a newsroom too, and each is rendered for the XLIFF and again for the output: the
  // renderings are kept per thread, a bounded number of them. A value that does not render (it
  // throws) is not kept.
  thread_local std::unordered_map<std::string, std::string> rendered;
  // A phone number is written the same in every language: only the phone format counts.
  std::string key = p.kind == PlaceholderKind::phone ? style.phone_format : style_key(style);
  key += static_cast<char>('A' + static_cast<int>(p.kind));
  key += '\x1F';
  key += p.canonical;
  key += '\x1F';
  key += p.format;
  const auto known = rendered.find(key);
  if (known != rendered.end()) {
    return known->second;
  }
  std::string out = render_uncached(p, style);
  if (rendered.size() >= 8192) {
    rendered.clear();
  }
  rendered.emplace(std::move(key), out);
  return out;
}

}  // namespace relocale
