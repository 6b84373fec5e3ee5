#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relocale/model/document.h"

namespace relocale {

enum class DayMonthOrder { day_first, month_first };

/// How to read values in the source language.
struct RecognitionOptions {
  std::string lang = "en";    // source language
  std::string region = "CH";  // default region for phone numbers without a country code
  DayMonthOrder order = DayMonthOrder::day_first;  // how to read 08/10
  int default_year = 0;  // year for dates written without one (from the release date); 0 = none,
                         // and then such dates stay text and are reported as ambiguous
};

/// A value recognised with certainty in the source text.
struct FoundValue {
  size_t begin = 0;  // byte range in the text given to find_values
  size_t end = 0;
  PlaceholderKind kind = PlaceholderKind::number;
  std::string canonical;  // as documented on PlaceholderKind
  std::string format;     // for dates: ICU skeleton of the fields the source showed
};

/// Why something that looked like a value was left as text.
enum class ValueDoubt {
  date_without_year,  // "08/10" in a release that has no date
  invalid_date,       // "31/02/2018"
};
/// Stable English key of a doubt ("date-without-year"), as kept in XLIFF files.
const char* value_doubt_key(ValueDoubt doubt);
/// Inverse of value_doubt_key; nullopt for an unknown key.
std::optional<ValueDoubt> value_doubt_from_key(std::string_view key);
/// The warning in the language of the messages, about `text` as written.
std::string value_doubt_message(ValueDoubt doubt, const std::string& text);

/// Something that looked like a value but was not certain: left as text and reported.
struct ValueWarning {
  size_t offset = 0;
  ValueDoubt doubt = ValueDoubt::invalid_date;
  std::string text;  // as written
  std::string message() const { return value_doubt_message(doubt, text); }
};

/// Finds dates, times, numbers, percentages, ordinals, currency amounts, phone numbers
/// (libphonenumber, only where a cheap pre-filter finds digits), e-mail addresses and URLs.
/// Results are sorted and never overlap.
std::vector<FoundValue> find_values(std::string_view text, const RecognitionOptions& options,
                                    std::vector<ValueWarning>* warnings = nullptr);

}  // namespace relocale
