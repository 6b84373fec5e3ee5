#include <catch2/catch.hpp>

#include "relocale/base/error.h"
#include "relocale/base/files.h"
#include "relocale/config/project_config.h"
#include "test_support.h"

using namespace relocale;

TEST_CASE("the sample configuration reads with per-language thresholds", "[config]") {
  const auto config = load_project_config(test::source_dir() / "workflow/relocale.ini");
  CHECK(config.source_lang == "en");
  CHECK(config.target_langs == std::vector<std::string>{"fr", "es", "ar", "ru", "zh"});
  REQUIRE(config.settings_for("fr").threshold.has_value());
  CHECK(config.settings_for("fr").threshold->state == SegmentState::reviewed);
  CHECK(config.settings_for("zh").threshold->percent == 80);
}

TEST_CASE("a bad configuration names the file and line", "[config]") {
  test::TempDir dir;
  const auto file = dir.path() / "relocale.ini";
  write_file_atomically(file, "[project]\nsource-lang = en\n\n[check]\nthreshold = lots\n");
  REQUIRE_THROWS_WITH(load_project_config(file),
                      file.string() +
                          ":5: threshold \"lots\" is not a percentage between 0 and 100 "
                          "followed by a state (translated, reviewed, final)");
  write_file_atomically(file, "[project]\nsourc-lang = en\n");
  REQUIRE_THROWS_WITH(load_project_config(file),
                      file.string() + ":2: unknown setting \"project.sourc-lang\"");
}

TEST_CASE("two releases of one name are refused: they would share their files", "[config]") {
  test::TempDir dir;
  const auto file = dir.path() / "relocale.ini";
  write_file_atomically(file,
                        "[project]\nsource-lang = en\ntarget-langs = fr\n"
                        "releases = news/a.md news/b.md archive/a.md\n");
  REQUIRE_THROWS_WITH(load_project_config(file),
                      file.string() +
                          ":4: releases \"news/a.md\" and \"archive/a.md\" have the same name "
                          "\"a\": their XLIFF and output files would be the same; rename one");
  // The same release named twice is one release.
  write_file_atomically(file,
                        "[project]\nsource-lang = en\ntarget-langs = fr\n"
                        "releases = news/a.md news/a.md\n");
  CHECK_NOTHROW(load_project_config(file));
}
