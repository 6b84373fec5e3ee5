#include "relocale/base/ascii.h"

#include <clocale>

#include <catch2/catch.hpp>

using namespace relocale;

TEST_CASE("ASCII case folding changes ASCII letters only", "[ascii]") {
  CHECK(ascii_lower("FR-CH") == "fr-ch");
  CHECK(ascii_lower("Zh-Hant-TW") == "zh-hant-tw");
  // UTF-8 bytes are left alone: "ÉTÉ" keeps its accented capitals, and no byte of them changes.
  CHECK(ascii_lower("\xC3\x89T\xC3\x89") == "\xC3\x89t\xC3\x89");
  CHECK(ascii_lower("@[`{") == "@[`{");  // the neighbours of A–Z and a–z
  CHECK(ascii_lower('Q') == 'q');
  CHECK(ascii_lower(static_cast<char>(0xC9)) == static_cast<char>(0xC9));
  CHECK(equal_ignoring_ascii_case("fr-CH", "FR-ch"));
  CHECK_FALSE(equal_ignoring_ascii_case("fr", "fr-CH"));
  CHECK_FALSE(equal_ignoring_ascii_case("\xC3\x89", "\xC3\xA9"));  // É is not é here
  CHECK(equal_ignoring_ascii_case("", ""));
}

TEST_CASE("ASCII case folding does not follow the C locale", "[ascii]") {
  // In a single-byte locale std::tolower maps 0xC9 (É in ISO-8859-1) to 0xE9, which would break
  // a UTF-8 sequence. Where such a locale is installed, check that nothing here follows it.
  const char* was = std::setlocale(LC_CTYPE, nullptr);
  const std::string saved = was ? was : "C";
  bool latin1 = false;
  for (const char* name :
       {"fr_FR.ISO-8859-1", "fr_FR.iso88591", "de_DE.ISO-8859-1", "en_US.ISO-8859-1"}) {
    if (std::setlocale(LC_CTYPE, name) != nullptr) {
      latin1 = true;
      break;
    }
  }
  CHECK(ascii_lower("\xC3\x89T\xC3\x89") == "\xC3\x89t\xC3\x89");
  std::setlocale(LC_CTYPE, saved.c_str());
  if (!latin1) {
    WARN("no ISO-8859-1 locale is installed: checked in the current locale only");
  }
}
