// The reports of relocale check: each format carries every finding with its file and line, and the
// machine formats are well-formed.
#include "relocale/checker/reports.h"

#include <sstream>

#include <catch2/catch.hpp>
#include <pugixml.hpp>

using namespace relocale;

namespace {

CheckResult sample_result() {
  CheckResult result;
  LanguageReport fr;
  fr.release = "idm";
  fr.lang = "fr";
  fr.xliff_file = "xliff/fr/idm.xlf";
  fr.completeness.segments = {0, 4, 0, 0};
  fr.completeness.words = {0, 40, 0, 0};
  fr.threshold = Threshold{100, SegmentState::translated};
  fr.meets_threshold = true;
  fr.errors = 1;
  fr.warnings = 1;
  LanguageReport zh;
  zh.release = "idm";
  zh.lang = "zh";
  zh.xliff_file = "xliff/zh/idm.xlf";
  zh.completeness.segments = {1, 2, 0, 0};
  zh.completeness.words = {10, 20, 0, 0};
  zh.threshold = Threshold{80, SegmentState::translated};
  zh.meets_threshold = false;
  result.reports = {fr, zh};
  result.diagnostics.add("placeholder-missing", Severity::error,
                         Location{"xliff/fr/idm.xlf", 42, 0, "p-1"},
                         "segment \"s1\": placeholder 1 (phone) is missing <b>&</b>, 100%");
  result.diagnostics.add("doubled-words", Severity::warning,
                         Location{"xliff/fr/idm.xlf", 50, 0, "p-2"},
                         "segment \"s2\": the word \"la\" is doubled in the target");
  return result;
}

}  // namespace

TEST_CASE("a check passes only when every language meets its threshold without errors",
          "[reports]") {
  auto result = sample_result();
  CHECK_FALSE(result.passed());
  result.reports[1].meets_threshold = true;
  CHECK_FALSE(result.passed());  // fr has an error
  result.reports[0].errors = 0;
  CHECK(result.passed());
}

TEST_CASE("report formats are named by stable keys", "[reports]") {
  for (const char* key : {"table", "json", "junit", "github", "html"}) {
    const auto format = report_format_from_key(key);
    REQUIRE(format);
    CHECK(std::string(report_format_key(*format)) == key);
  }
  CHECK_FALSE(report_format_from_key("xml"));
}

TEST_CASE("the table has a line per language and per finding, colour only when asked",
          "[reports]") {
  const auto result = sample_result();
  const auto plain = format_table(result, false);
  CHECK(plain.find('\033') == std::string::npos);
  CHECK(plain.find("66.7%") != std::string::npos);  // 2 of 3 zh segments
  CHECK(plain.find("xliff/fr/idm.xlf:42: error: unit \"p-1\": segment \"s1\": placeholder 1 "
                   "(phone) is missing <b>&</b>, 100% [placeholder-missing]\n") !=
        std::string::npos);
  CHECK(format_table(result, true).find("\033[") != std::string::npos);
}

TEST_CASE("the JSON report escapes strings and has English keys", "[reports]") {
  const auto json = format_json(sample_result());
  CHECK(json.find("\"passed\": false") != std::string::npos);
  CHECK(json.find("\"check\": \"placeholder-missing\", \"severity\": \"error\", \"file\": "
                  "\"xliff/fr/idm.xlf\", \"line\": 42, \"unit\": \"p-1\"") != std::string::npos);
  CHECK(json.find("\"message\": \"segment \\\"s1\\\": placeholder") != std::string::npos);
  CHECK(json.find("\"segments\": {\"untranslated\": 1, \"translated\": 2, \"reviewed\": 0, "
                  "\"final\": 0, \"total\": 3}") != std::string::npos);
  // Balanced brackets outside strings: a cheap structural check (the e2e test runs a parser).
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
      CHECK(depth >= 0);
    }
  }
  CHECK(depth == 0);
  CHECK_FALSE(in_string);
}

TEST_CASE(
    "the JUnit report is well-formed XML with a suite per language and failures with "
    "file and line",
    "[reports]") {
  const auto xml_text = format_junit(sample_result());
  pugi::xml_document xml;
  REQUIRE(xml.load_string(xml_text.c_str()));
  const auto suites = xml.child("testsuites");
  REQUIRE(suites);
  const auto fr = suites.find_child_by_attribute("testsuite", "name", "idm [fr]");
  const auto zh = suites.find_child_by_attribute("testsuite", "name", "idm [zh]");
  REQUIRE(fr);
  REQUIRE(zh);
  CHECK(fr.attribute("failures").as_int() == 1);
  CHECK(zh.attribute("failures").as_int() == 1);  // completeness
  const auto failing = fr.find_child([](pugi::xml_node n) { return bool(n.child("failure")); });
  REQUIRE(failing);
  CHECK(std::string(failing.attribute("file").value()) == "xliff/fr/idm.xlf");
  CHECK(failing.attribute("line").as_int() == 42);
  CHECK(std::string(failing.child("failure").attribute("type").value()) == "placeholder-missing");
  CHECK(std::string(failing.child("failure").attribute("message").value()) ==
        "segment \"s1\": placeholder 1 (phone) is missing <b>&</b>, 100%");
  int tests = 0;
  for (auto t : fr.children("testcase")) {
    (void)t;
    ++tests;
  }
  CHECK(fr.attribute("tests").as_int() == tests);
  const auto completeness = zh.find_child_by_attribute("testcase", "name", "completeness");
  CHECK(completeness.child("failure"));
}

TEST_CASE("GitHub annotations point at the XLIFF line and escape their data", "[reports]") {
  const auto text = format_github(sample_result());
  CHECK(
      text.find("::error file=xliff/fr/idm.xlf,line=42,title=placeholder-missing::unit "
                "\"p-1\": segment \"s1\": placeholder 1 (phone) is missing <b>&</b>%2C 100%25\n") ==
      std::string::npos);  // commas are escaped in properties only, not in the message
  CHECK(text.find("::error file=xliff/fr/idm.xlf,line=42,title=placeholder-missing::unit "
                  "\"p-1\": segment \"s1\": placeholder 1 (phone) is missing <b>&</b>, 100%25\n") !=
        std::string::npos);
  CHECK(text.find("::warning file=xliff/fr/idm.xlf,line=50,title=doubled-words::") !=
        std::string::npos);
  CHECK(text.find("::error file=xliff/zh/idm.xlf,title=completeness::") != std::string::npos);
}

TEST_CASE("the HTML report escapes messages and shows a bar per language", "[reports]") {
  const auto html = format_html(sample_result());
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<b>&</b>") == std::string::npos);
  CHECK(html.find("&lt;b&gt;&amp;&lt;/b&gt;") != std::string::npos);
  CHECK(html.find("width: 66.7%") != std::string::npos);
  CHECK(html.find("width: 100.0%") != std::string::npos);
  CHECK(html.find("/>") == std::string::npos);  // <div/> would not close in HTML
  CHECK(html.find("<head>\n    <meta charset=\"utf-8\">") != std::string::npos);
  // Parsed as HTML by xmllint --html in tests/e2e/check_gate.sh.
}
