// Fuzzes read_xliff (XLIFF 2.x and 1.2): any bytes give a Document or an Error, nothing else.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "relocale/base/error.h"
#include "relocale/xliff/xliff_io.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const relocale::Document doc = relocale::read_xliff(text, "fuzz.xlf");
    (void)doc;
  } catch (const relocale::Error&) {
    // A clear refusal is the expected outcome for most inputs.
  }
  return 0;
}
