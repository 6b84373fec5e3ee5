// The one test binary. The environment is pinned so results do not depend on the machine: the
// messages are the English msgids, and ICU's default locale is en_US.
#define CATCH_CONFIG_RUNNER
#include <cstdlib>

#include <catch2/catch.hpp>
#include <unicode/locid.h>

#include "relocale/base/i18n.h"

int main(int argc, char* argv[]) {
  setenv("LANGUAGE", "", 1);
  setenv("LC_ALL", "C.UTF-8", 1);
  relocale::init_i18n(argv[0]);
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale::setDefault(icu::Locale("en_US"), status);
  return Catch::Session().run(argc, argv);
}
