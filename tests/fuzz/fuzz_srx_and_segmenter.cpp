// Fuzzes the SRX reader, then segments a text with the rules when they read. The input is
// "SRX document \0 text to segment"; without a NUL byte the shipped rules segment the whole input.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "relocale/base/error.h"
#include "relocale/base/files.h"
#include "relocale/segmenter/segmenter.h"
#include "relocale/segmenter/srx_rules.h"

namespace {

const relocale::SrxRules& shipped_rules() {
  static const relocale::SrxRules rules =
      relocale::load_srx_file(RELOCALE_SOURCE_DIR "/locales/segmentation.srx");
  return rules;
}

void check_breaks(const std::vector<size_t>& breaks, size_t size) {
  size_t previous = 0;
  for (const size_t b : breaks) {
    if (b <= previous || b >= size) {
      __builtin_trap();  // the contract: increasing, excluding 0 and text.size()
    }
    previous = b;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t nul = input.find('\0');
  static const relocale::Segmenter english(shipped_rules(), "en");
  try {
    // The segmenter's contract is text already checked by a reader: valid UTF-8.
    relocale::check_utf8_text(input.substr(nul == std::string_view::npos ? 0 : nul + 1), "fuzz",
                              /*allow_bom_and_crlf=*/true);
    if (nul == std::string_view::npos) {
      check_breaks(english.find_breaks(input), input.size());
      return 0;
    }
    const relocale::SrxRules rules = relocale::read_srx(input.substr(0, nul), "fuzz.srx");
    const std::string_view text = input.substr(nul + 1);
    for (const char* lang : {"en", "fr", "de"}) {
      const relocale::Segmenter segmenter(rules, lang);
      check_breaks(segmenter.find_breaks(text), text.size());
    }
  } catch (const relocale::Error&) {
  }
  return 0;
}
