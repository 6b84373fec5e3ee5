#include "relocale/checker/glossary.h"

#include <map>

#include <catch2/catch.hpp>

#include "relocale/base/error.h"
#include "test_support.h"

using namespace relocale;

TEST_CASE("the CSV reader follows RFC 4180 quoting", "[glossary]") {
  const auto records = read_csv(
      "a,\"b, with comma\",\"say \"\"hi\"\"\"\r\n"
      "\"two\nlines\",,last\n"
      "\n"
      "end",
      "t.csv");
  REQUIRE(records.size() == 3);
  CHECK(records[0].fields == std::vector<std::string>{"a", "b, with comma", "say \"hi\""});
  CHECK(records[0].line == 1);
  CHECK(records[1].fields == std::vector<std::string>{"two\nlines", "", "last"});
  CHECK(records[1].line == 2);
  CHECK(records[2].fields == std::vector<std::string>{"end"});
  CHECK(records[2].line == 5);
}

TEST_CASE("malformed CSV is refused with its line", "[glossary]") {
  REQUIRE_THROWS_WITH(read_csv("a,b\n\"open,c\n", "t.csv"),
                      "t.csv:2: a quoted field is never closed");
  REQUIRE_THROWS_WITH(read_csv("a,b\nx\"y\n", "t.csv"),
                      "t.csv:2: a double quote inside an unquoted field; quote the whole field "
                      "and double the quote");
  REQUIRE_THROWS_WITH(read_csv("\"a\"b\n", "t.csv"),
                      "t.csv:1: text after the closing quote of a field; expected a comma");
}

TEST_CASE("a glossary has required translations and kept terms", "[glossary]") {
  const auto g = read_glossary(
      "# comment\n"
      "term,type,fr,ar,note\n"
      "IOM,translate,OIM,المنظمة الدولية للهجرة|للمنظمة الدولية للهجرة,\"the IOM, in full\"\n"
      "SINGA,keep,,,an NGO\n",
      "g.csv");
  REQUIRE(g.terms.size() == 2);
  CHECK(g.terms[0].term == "IOM");
  CHECK_FALSE(g.terms[0].keep);
  CHECK(g.terms[0].targets.at("fr") == std::vector<std::string>{"OIM"});
  CHECK(g.terms[0].targets.at("ar").size() == 2);
  CHECK(g.terms[0].note == "the IOM, in full");
  CHECK(g.terms[0].line == 3);
  CHECK(g.terms[1].keep);
  CHECK(g.terms[1].targets.empty());
  CHECK(g.kept_terms() == std::vector<std::string>{"SINGA"});
  REQUIRE_THROWS_WITH(read_glossary("word,fr\n", "g.csv"),
                      "g.csv:1: the glossary's first line must be the header "
                      "\"term,type,<lang>...,note\"");
  REQUIRE_THROWS_WITH(
      read_glossary("term,type\nIOM,other\n", "g.csv"),
      "g.csv:2: term \"IOM\": type \"other\" is neither \"translate\" nor \"keep\"");
}

TEST_CASE("terms match whole words only", "[glossary]") {
  CHECK(contains_term("IOM’s forum", "IOM"));
  CHECK(contains_term("at IOM HQ", "IOM"));
  CHECK_FALSE(contains_term("BIOMES", "IOM"));
  CHECK_FALSE(contains_term("IOMX", "IOM"));
  CHECK(contains_term("said António Vitorino.", "António Vitorino"));
}

TEST_CASE("the project's glossary reads and covers the sample's terms", "[glossary]") {
  const auto g = load_glossary(test::source_dir() / "locales/glossary.csv");
  std::map<std::string, const GlossaryTerm*> by_term;
  for (const auto& t : g.terms) {
    by_term[t.term] = &t;
  }
  REQUIRE(by_term.count("IOM"));
  CHECK(by_term["IOM"]->targets.at("fr").front() == "OIM");
  CHECK(by_term["IOM"]->targets.at("es").front() == "OIM");
  CHECK(by_term["IOM"]->targets.at("ru").front() == "МОМ");
  CHECK(by_term["IOM"]->targets.at("zh").front() == "国际移民组织");
  REQUIRE(by_term.count("António Vitorino"));
  CHECK(by_term["António Vitorino"]->keep);
  CHECK(load_glossary(test::source_dir() / "locales/absent.csv").terms.empty());
}
