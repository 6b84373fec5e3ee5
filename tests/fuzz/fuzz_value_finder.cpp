// Fuzzes find_values (dates, numbers, phones, URLs...): found ranges must lie inside the text,
// be non-empty and not overlap.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "relocale/base/error.h"
#include "relocale/base/files.h"
#include "relocale/protector/value_finder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) {
    return 0;
  }
  relocale::RecognitionOptions options;
  static const char* const kLangs[] = {"en", "fr", "de", "ru"};
  options.lang = kLangs[data[0] % 4];
  options.order = (data[0] & 4) != 0 ? relocale::DayMonthOrder::month_first
                                     : relocale::DayMonthOrder::day_first;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    // find_values is given text a reader has checked: valid UTF-8.
    relocale::check_utf8_text(text, "fuzz", /*allow_bom_and_crlf=*/true);
    const auto values = relocale::find_values(text, options);
    size_t previous_end = 0;
    for (const auto& v : values) {
      if (v.begin < previous_end || v.begin >= v.end || v.end > text.size()) {
        __builtin_trap();
      }
      previous_end = v.end;
    }
  } catch (const relocale::Error&) {
  }
  return 0;
}
