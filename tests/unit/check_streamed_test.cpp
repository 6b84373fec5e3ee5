// check and build read an XLIFF file of 16 MB or more a unit at a time (never the whole file, its
// tree or its document in memory). Their reports and pages must be those of the whole-file
// reading: here every file is read both ways (stream_from_bytes 0 against the default).
#include <catch2/catch.hpp>

#include "relocale/base/files.h"
#include "relocale/checker/reports.h"
#include "relocale/pipeline/check.h"
#include "relocale/pipeline/pipeline.h"
#include "test_support.h"

using namespace relocale;
namespace fs = std::filesystem;

namespace {

// The JSON report (completeness, thresholds and every finding in order), or the error.
std::string check_report(const ProjectConfig& config, uintmax_t stream_from_bytes) {
  CheckOptions options;
  options.stream_from_bytes = stream_from_bytes;
  try {
    return format_json(run_check(config, options));
  } catch (const Error& e) {
    return std::string("error: ") + e.what();
  }
}

std::string same_report_both_ways(const ProjectConfig& config) {
  const std::string whole = check_report(config, kStreamXliffBytes);
  CHECK(check_report(config, 0) == whole);
  return whole;
}

void replace_in(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = read_file(file);
  const size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  write_file_atomically(file, text);
}

// The pages and what build said, or the error.
std::string build_outcome(const ProjectConfig& config, uintmax_t stream_from_bytes,
                          size_t aside_from_bytes = BuildOptions().aside_from_bytes) {
  fs::remove_all(config.path(config.out_dir));
  BuildOptions options;
  options.stream_from_bytes = stream_from_bytes;
  options.aside_from_bytes = aside_from_bytes;
  Diagnostics diagnostics;
  std::string out;
  try {
    for (const auto& r : run_build(config, options, diagnostics)) {
      out += r.release + " " + r.lang + " untranslated " + std::to_string(r.untranslated.size()) +
             (r.refused ? " refused" : "") + "\n";
      for (const auto& id : r.untranslated) {
        out += " " + id;
      }
      out += "\n";
    }
  } catch (const Error& e) {
    return std::string("error: ") + e.what();
  }
  for (const auto& d : diagnostics.items()) {
    out += d.check_id + " " + d.where.to_string() + " " + d.message + "\n";
  }
  for (const auto& [name, text] : test::files_below(config.path(config.out_dir))) {
    out += "== " + name + "\n" + text;
  }
  return out;
}

std::string same_build_both_ways(const ProjectConfig& config) {
  const std::string whole = build_outcome(config, kStreamXliffBytes);
  CHECK(build_outcome(config, 0) == whole);
  // A right-to-left page's text set aside from its first byte, and read back.
  CHECK(build_outcome(config, 0, 0) == whole);
  return whole;
}

// The sample release extracted into fr, de and ar, with fr and ar (right to left) returned
// translated and de untranslated.
ProjectConfig translated_project(const fs::path& root) {
  const auto config =
      test::make_project(root, "fr, de, ar", {{"workflow/release.md", test::sample_release()}});
  Diagnostics warnings;
  run_extract(config, ExtractOptions{}, warnings);
  test::return_translated(config, "fr", "release", " [fr]");
  test::return_translated(config, "ar", "release", " [ar]");
  return config;
}

// The file's first unit, <unit …>…</unit>, moved (`keep` false) or copied after its last unit.
void first_unit_after_last(const fs::path& file, bool keep) {
  std::string text = read_file(file);
  const size_t first = text.find("<unit ");
  REQUIRE(first != std::string::npos);
  const std::string unit = text.substr(first, text.find("</unit>", first) + 7 - first);
  if (!keep) {
    text.erase(first, unit.size());
  }
  text.insert(text.rfind("</unit>") + 7, unit);
  write_file_atomically(file, text);
}

}  // namespace

TEST_CASE("build reads a file a unit at a time with the same pages", "[pipeline][build]") {
  test::TempDir dir;
  const auto config = translated_project(dir.path());

  SECTION("every file describes the release") {
    const std::string outcome = same_build_both_ways(config);
    CHECK(outcome.find("== ar/release.html") != std::string::npos);
    CHECK(outcome.find("<bdi dir=\"ltr\">") != std::string::npos);
  }
  SECTION("a refused target falls back to the source") {
    const fs::path fr = config.xliff_path("fr", "release");
    std::string text = read_file(fr);
    const size_t target = text.find("<target>");
    const size_t end = text.find("</target>", target);
    REQUIRE(end != std::string::npos);
    text.insert(end, "<ph id=\"99\" />");
    write_file_atomically(fr, text);
    CHECK(same_build_both_ways(config).find("target-refused") != std::string::npos);
  }
  SECTION("the release changed since extract: built whole, against the release now") {
    write_file_atomically(dir.path() / "workflow/release.md",
                          test::sample_release() + "\nOne more paragraph.\n");
    CHECK(same_build_both_ways(config).find("One more paragraph.") != std::string::npos);
  }
  SECTION("units moved from the skeleton's order: the same pages") {
    // The order is part of the extraction key: such a file no longer stands for the release and
    // is built whole both ways; merge_document puts the moved unit back in its place (UnitMerge
    // in any order: merger_test.cpp).
    build_outcome(config, kStreamXliffBytes);
    const auto pages = test::files_below(config.path(config.out_dir));
    first_unit_after_last(config.xliff_path("fr", "release"), /*keep=*/false);
    same_build_both_ways(config);
    test::check_same_files(pages, test::files_below(config.path(config.out_dir)));
  }
}

TEST_CASE("a format asked for twice makes its page once, right to left too", "[pipeline][build]") {
  test::TempDir dir;
  const auto config = translated_project(dir.path());
  auto pages = [&](const std::vector<std::string>& formats) {
    fs::remove_all(config.path(config.out_dir));
    BuildOptions options;
    options.langs = {"ar"};
    options.formats = formats;
    options.stream_from_bytes = 0;
    options.aside_from_bytes = 0;
    Diagnostics diagnostics;
    for (const auto& result : run_build(config, options, diagnostics)) {
      CHECK(result.files.size() == 3);  // ar, and the source language, en
    }
    return test::files_below(config.path(config.out_dir));
  };
  const auto once = pages({"html", "txt", "md"});
  REQUIRE(once.count("ar/release.html") == 1);
  CHECK(once.at("ar/release.html").find("<bdi dir=\"ltr\">") != std::string::npos);
  test::check_same_files(once, pages({"html", "txt", "html", "md", "txt"}));
}

TEST_CASE("check reads a file a unit at a time with the same reports", "[pipeline][check]") {
  test::TempDir dir;
  const auto config = translated_project(dir.path());

  SECTION("every file describes the release") {
    const std::string report = same_report_both_ways(config);
    CHECK(report.find("\"lang\": \"de\"") != std::string::npos);
    CHECK(report.find("stale-source") == std::string::npos);
  }
  SECTION("a translator's faults: a lost placeholder, an empty target") {
    const fs::path fr = config.xliff_path("fr", "release");
    std::string text = read_file(fr);
    size_t ph = std::string::npos;  // the first <ph> of a target
    for (size_t target = text.find("<target>"); target != std::string::npos;
         target = text.find("<target>", target + 1)) {
      const size_t candidate = text.find("<ph ", target);
      if (candidate < text.find("</target>", target)) {
        ph = candidate;
        break;
      }
    }
    REQUIRE(ph != std::string::npos);
    text.erase(ph, text.find("/>", ph) + 2 - ph);
    write_file_atomically(fr, text);
    const fs::path ar = config.xliff_path("ar", "release");
    text = read_file(ar);
    const size_t target = text.find("<target>") + 8;
    text.erase(target, text.find("</target>", target) - target);
    write_file_atomically(ar, text);
    const std::string report = same_report_both_ways(config);
    CHECK(report.find("placeholder-missing") != std::string::npos);
    CHECK(report.find("empty-target") != std::string::npos);
  }
  SECTION("the editor edited paragraphs after extract: stale-source, read a second time") {
    std::string edited = test::sample_release();
    const size_t at = edited.find("The meeting started");
    REQUIRE(at != std::string::npos);
    edited.insert(at, "Edited. ");
    write_file_atomically(dir.path() / "workflow/release.md", edited);
    const std::string report = same_report_both_ways(config);
    CHECK(report.find("stale-source") != std::string::npos);
  }
  SECTION("the editor added a paragraph: units the file lacks") {
    write_file_atomically(dir.path() / "workflow/release.md",
                          test::sample_release() + "\nOne more paragraph.\n");
    const std::string report = same_report_both_ways(config);
    CHECK(report.find("not in this XLIFF file") != std::string::npos);
  }
  SECTION("a unit the skeleton does not name") {
    replace_in(config.xliff_path("fr", "release"), "<unit id=\"", "<unit id=\"x");
    const std::string report = same_report_both_ways(config);
    CHECK(report.find("error: ") == 0);
    CHECK(report.find("not in the release's skeleton") != std::string::npos);
  }
  SECTION("two faults: a language in another's folder and a unit twice") {
    const fs::path de = config.xliff_path("de", "release");
    replace_in(de, "trgLang=\"de\"", "trgLang=\"fr\"");
    first_unit_after_last(de, /*keep=*/true);
    CHECK(same_report_both_ways(config).find("duplicate unit id") != std::string::npos);
  }
  SECTION("a language in another's folder") {
    replace_in(config.xliff_path("de", "release"), "trgLang=\"de\"", "trgLang=\"fr\"");
    CHECK(same_report_both_ways(config).find("trgLang is \"fr\"") != std::string::npos);
  }
}
