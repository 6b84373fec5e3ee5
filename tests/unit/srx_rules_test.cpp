#include "relocale/segmenter/srx_rules.h"

#include <fstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "relocale/base/error.h"
#include "relocale/segmenter/segmenter.h"
#include "test_support.h"

using relocale::read_srx;
using relocale::Segmenter;
using relocale::SrxRules;

namespace {

// Two language rules and a default, mapped for French and for every language.
const char* const kTwoLanguages = R"(<?xml version="1.0"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
  <header cascade="CASCADE"/>
  <body>
    <languagerules>
      <languagerule languagerulename="French">
        <rule break="no"><beforebreak>\bM\.</beforebreak><afterbreak>\s</afterbreak></rule>
      </languagerule>
      <languagerule languagerulename="Default">
        <rule break="yes"><beforebreak>;</beforebreak><afterbreak>\s</afterbreak></rule>
        <rule><beforebreak>:</beforebreak></rule>
      </languagerule>
    </languagerules>
    <maprules>
      <languagemap languagepattern="FR.*" languagerulename="French"/>
      <languagemap languagepattern=".*" languagerulename="Default"/>
    </maprules>
  </body>
</srx>
)";

std::string with_cascade(const std::string& value) {
  std::string text = kTwoLanguages;
  text.replace(text.find("CASCADE"), 7, value);
  return text;
}

// A minimal SRX document whose Default rules are `rules`.
std::string srx_with_rules(const std::string& rules) {
  return R"(<srx version="2.0"><header cascade="yes"/><body><languagerules>)"
         R"(<languagerule languagerulename="Default">)" +
         rules +
         R"(</languagerule></languagerules><maprules>)"
         R"(<languagemap languagepattern=".*" languagerulename="Default"/></maprules></body></srx>)";
}

}  // namespace

TEST_CASE("read_srx reads language rules, rules and language maps in order", "[srx]") {
  const SrxRules rules = read_srx(with_cascade("yes"), "t.srx");
  CHECK(rules.cascade);
  CHECK(rules.file_name == "t.srx");
  REQUIRE(rules.language_rules.size() == 2);
  CHECK(rules.language_rules[0].name == "French");
  const auto& french = rules.language_rules[0].rules;
  REQUIRE(french.size() == 1);
  CHECK_FALSE(french[0].is_break);
  CHECK(french[0].before == "\\bM\\.");
  CHECK(french[0].after == "\\s");
  CHECK(french[0].line == 7);
  const auto& fallback = rules.language_rules[1].rules;
  REQUIRE(fallback.size() == 2);
  CHECK(fallback[0].is_break);
  CHECK(fallback[1].is_break);  // break="yes" is SRX's default
  CHECK(fallback[1].before == ":");
  CHECK(fallback[1].after.empty());
  REQUIRE(rules.language_maps.size() == 2);
  CHECK(rules.language_maps[0].pattern == "FR.*");
  CHECK(rules.language_maps[0].rule_name == "French");
}

TEST_CASE("with cascade=yes every matching language map contributes its rules", "[srx]") {
  const SrxRules rules = read_srx(with_cascade("yes"), "t.srx");
  const auto french = rules.rules_for("fr-CH");  // language patterns ignore case
  REQUIRE(french.size() == 3);
  CHECK(french[0] == &rules.language_rules[0].rules[0]);
  CHECK(french[1] == &rules.language_rules[1].rules[0]);
  CHECK(rules.rules_for("de").size() == 2);
}

TEST_CASE("with cascade=no only the first matching language map applies", "[srx]") {
  const SrxRules rules = read_srx(with_cascade("no"), "t.srx");
  CHECK_FALSE(rules.cascade);
  const auto french = rules.rules_for("fr");
  REQUIRE(french.size() == 1);
  CHECK_FALSE(french[0]->is_break);
  CHECK(rules.rules_for("de").size() == 2);
}

TEST_CASE("a break rule adds a break where ICU has none", "[srx][segmenter]") {
  const SrxRules rules = read_srx(with_cascade("yes"), "t.srx");
  const Segmenter segmenter(rules, "de");
  CHECK(segmenter.split("Erstens kommt dies; zweitens das.") ==
        std::vector<std::string>{"Erstens kommt dies;", "zweitens das."});
}

TEST_CASE("a language's exception takes precedence over the default rules", "[srx][segmenter]") {
  const SrxRules rules = read_srx(with_cascade("yes"), "t.srx");
  // ICU breaks after "M." before a capital; the French no-break rule keeps "M. Dupont" together.
  CHECK(Segmenter(rules, "fr").split("Il a vu M. Dupont. Puis il est parti.") ==
        std::vector<std::string>{"Il a vu M. Dupont.", "Puis il est parti."});
  // Without cascading, French gets only its own rules: no break at ";".
  const SrxRules no_cascade = read_srx(with_cascade("no"), "t.srx");
  CHECK(Segmenter(no_cascade, "fr").split("Un; deux.") == std::vector<std::string>{"Un; deux."});
  CHECK(Segmenter(no_cascade, "de").split("Eins; zwei.") ==
        std::vector<std::string>{"Eins;", "zwei."});
}

TEST_CASE("a no-break rule removes a break ICU would make", "[srx][segmenter]") {
  const SrxRules rules =
      read_srx(srx_with_rules(R"(<rule break="no"><beforebreak>\bAmb\.</beforebreak>)"
                              R"(<afterbreak>\s</afterbreak></rule>)"),
               "t.srx");
  const std::string text = "We met Amb. Jones today. He was fine.";
  CHECK(Segmenter(SrxRules{}, "en").split(text).size() == 3);
  CHECK(Segmenter(rules, "en").split(text) ==
        std::vector<std::string>{"We met Amb. Jones today.", "He was fine."});
}

TEST_CASE("an SRX file with a namespace prefix is read", "[srx]") {
  const SrxRules rules = read_srx(
      R"(<s:srx xmlns:s="http://www.lisa.org/srx20" version="2.0"><s:body><s:languagerules>)"
      R"(<s:languagerule languagerulename="D"><s:rule break="no"><s:beforebreak>x</s:beforebreak>)"
      R"(</s:rule></s:languagerule></s:languagerules><s:maprules>)"
      R"(<s:languagemap languagepattern=".*" languagerulename="D"/></s:maprules></s:body></s:srx>)",
      "t.srx");
  REQUIRE(rules.rules_for("en").size() == 1);
  CHECK(rules.rules_for("en")[0]->before == "x");
}

TEST_CASE("invalid SRX files are refused with the file, line and column", "[srx]") {
  SECTION("malformed XML") {
    REQUIRE_THROWS_WITH(read_srx("<srx>\n  <body>\n</srx>\n", "t.srx"),
                        "t.srx:3:3: malformed XML: Start-end tags mismatch");
  }
  SECTION("an invalid regular expression names the line of its element") {
    REQUIRE_THROWS_WITH(
        read_srx(srx_with_rules("\n<rule>\n  <beforebreak>[a</beforebreak></rule>"), "t.srx"),
        "t.srx:3:3: invalid regular expression \"[a\": U_REGEX_MISSING_CLOSE_BRACKET at offset 2");
  }
  SECTION("a DOCTYPE") {
    REQUIRE_THROWS_WITH(read_srx("<?xml version=\"1.0\"?>\n<!DOCTYPE srx []>\n<srx/>", "t.srx"),
                        "t.srx:2:1: a DOCTYPE is not allowed in an SRX file");
  }
  SECTION("a wrong root") {
    REQUIRE_THROWS_WITH(read_srx("<xliff/>", "t.srx"),
                        "t.srx:1:1: the root element is <xliff>; expected <srx>");
  }
  SECTION("a rule with neither pattern") {
    REQUIRE_THROWS_WITH(
        read_srx(srx_with_rules("<rule/>"), "t.srx"),
        Catch::Matchers::EndsWith("<rule> has neither <beforebreak> nor <afterbreak>"));
  }
  SECTION("a language map naming a missing language rule") {
    REQUIRE_THROWS_WITH(
        read_srx("<srx><body><maprules><languagemap languagepattern=\".*\" "
                 "languagerulename=\"Nope\"/></maprules></body></srx>",
                 "t.srx"),
        "t.srx:1:22: <languagemap> names the language rule \"Nope\", which is not defined");
  }
  SECTION("break must be yes or no") {
    REQUIRE_THROWS_WITH(read_srx(srx_with_rules("<rule break=\"maybe\"/>"), "t.srx"),
                        Catch::Matchers::EndsWith("break=\"maybe\" must be \"yes\" or \"no\""));
  }
}

TEST_CASE("the shipped segmentation rules load and map every supported language", "[srx]") {
  const auto path = relocale::test::source_dir() / "locales" / "segmentation.srx";
  const SrxRules rules = relocale::load_srx_file(path);
  for (const char* lang : {"en", "fr", "es", "de", "it", "ru", "ar", "zh", "ja", "da"}) {
    INFO(lang);
    // Each language has rules of its own ahead of the default ones.
    CHECK(rules.rules_for(lang).size() > rules.rules_for("xx").size());
  }
  CHECK_FALSE(rules.rules_for("xx").empty());
}

TEST_CASE("an invalid SRX file on disk is refused naming the file and the line", "[srx]") {
  const relocale::test::TempDir dir;
  const auto path = dir.path() / "rules.srx";
  {
    std::ofstream out(path);
    out << srx_with_rules("\n<rule break=\"no\">\n<beforebreak>(Mr\\.</beforebreak></rule>");
  }
  REQUIRE_THROWS_WITH(relocale::load_srx_file(path),
                      path.string() +
                          ":3:1: invalid regular expression \"(Mr\\.\": "
                          "U_REGEX_MISMATCHED_PAREN at offset 5");
}
