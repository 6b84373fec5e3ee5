#include "relocale/protector/value_finder.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "test_support.h"

namespace relocale {
namespace {

/// "kind [source] canonical format" for each value: a failing check shows every value at once.
std::vector<std::string> describe(std::string_view text, const RecognitionOptions& options,
                                  std::vector<ValueWarning>* warnings = nullptr) {
  std::vector<std::string> out;
  for (const auto& v : find_values(text, options, warnings)) {
    std::string line = std::string(placeholder_kind_key(v.kind)) + " [" +
                       std::string(text.substr(v.begin, v.end - v.begin)) + "] " + v.canonical;
    if (!v.format.empty()) {
      line += " " + v.format;
    }
    out.push_back(line);
  }
  return out;
}

RecognitionOptions in_2018() {
  RecognitionOptions options;
  options.default_year = 2018;
  return options;
}

using Values = std::vector<std::string>;

TEST_CASE("the sample release's values are found, and nothing else", "[values]") {
  // The sample release of the project, after its front matter (which the reader takes apart).
  std::ifstream in(test::source_dir() / "workflow" / "idm-geneva-release.md");
  REQUIRE(in);
  std::stringstream whole;
  whole << in.rdbuf();
  const std::string release = whole.str();
  const auto body = release.find("\n---\n", 4);
  REQUIRE(body != std::string::npos);
  std::stringstream text;
  text << release.substr(body + 5);
  std::vector<ValueWarning> warnings;
  CHECK(describe(text.str(), in_2018(), &warnings) ==
        Values{
            "month [December] 2018-12 MMMM",
            "date [08/10] 2018-10-08 dMMMM",
            "number [300] 300",
            "date [09/10] 2018-10-09 dMMMM",
            "date-range [26 and 27 March] 2018-03-26/2018-03-27 dMMMM",
            "month [December] 2018-12 MMMM",
            "url [https://www.iom.int/"
            "towards-effective-migration-governance-partnerships-capacity-development] "
            "https://www.iom.int/"
            "towards-effective-migration-governance-partnerships-capacity-development",
            "phone [+41227179468] +41227179468",
            "email [asamri@iom.int] asamri@iom.int",
        });
  CHECK(warnings.empty());
}

TEST_CASE("numeric dates are read in the configured day and month order", "[values]") {
  CHECK(describe("yesterday (08/10) and on 26/03/2018.", in_2018()) ==
        Values{"date [08/10] 2018-10-08 dMMMM", "date [26/03/2018] 2018-03-26 yMMMMd"});
  auto us = in_2018();
  us.order = DayMonthOrder::month_first;
  CHECK(describe("on 10/08 and 03/26/2019", us) ==
        Values{"date [10/08] 2018-10-08 dMMMM", "date [03/26/2019] 2019-03-26 yMMMMd"});
  CHECK(describe("published 2018-10-09.", in_2018()) ==
        Values{"date [2018-10-09] 2018-10-09 yMMMMd"});
}

TEST_CASE("a date without a year and no release date stays text with a warning", "[values]") {
  std::vector<ValueWarning> warnings;
  CHECK(describe("The meeting (08/10) on 26 and 27 March in December.", RecognitionOptions{},
                 &warnings)
            .empty());
  REQUIRE(warnings.size() == 3);
  CHECK(warnings[0].offset == 13);
  CHECK(warnings[0].doubt == ValueDoubt::date_without_year);
  CHECK(warnings[0].text == "08/10");
  CHECK(warnings[0].message() ==
        "\"08/10\" looks like a date without a year, and the release has no date: left as text");
  CHECK(warnings[1].message() ==
        "\"26 and 27 March\" looks like a date without a year, and the release has no date: left "
        "as text");
}

TEST_CASE("impossible dates stay text and are reported", "[values]") {
  std::vector<ValueWarning> warnings;
  CHECK(describe("on 31/02/2018 and 30 February", in_2018(), &warnings).empty());
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].doubt == ValueDoubt::invalid_date);
  CHECK(warnings[0].message() ==
        "\"31/02/2018\" looks like a date but is not a valid one: left as text");
  for (const auto doubt : {ValueDoubt::date_without_year, ValueDoubt::invalid_date}) {
    CHECK(value_doubt_from_key(value_doubt_key(doubt)) == doubt);
  }
  CHECK_FALSE(value_doubt_from_key("unknown-doubt"));
}

TEST_CASE("fractions, paths and document symbols are not dates", "[values]") {
  CHECK(describe("3/4 of them, 24/7, A/73/100", in_2018()).empty());
}

TEST_CASE("spelled dates and ranges are found with the fields they show", "[values]") {
  CHECK(describe("on 9 October 2018, on October 9, 2018 and 9th October", in_2018()) ==
        Values{"date [9 October 2018] 2018-10-09 yMMMMd",
               "date [October 9, 2018] 2018-10-09 yMMMMd", "date [9th October] 2018-10-09 dMMMM"});
  CHECK(describe("held 26-27 March, 26–27 March 2019 and March 26 to 28", in_2018()) ==
        Values{"date-range [26-27 March] 2018-03-26/2018-03-27 dMMMM",
               "date-range [26–27 March 2019] 2019-03-26/2019-03-27 yMMMMd",
               "date-range [March 26 to 28] 2018-03-26/2018-03-28 dMMMM"});
}

TEST_CASE("a bare month name is a month only where the words around make it one", "[values]") {
  CHECK(describe("in December, this May, until June 2019, by mid-April", in_2018()) ==
        Values{"month [December] 2018-12 MMMM", "month [May] 2018-05 MMMM",
               "month [June 2019] 2019-06 yMMMM", "month [April] 2018-04 MMMM"});
  CHECK(
      describe("Migrants may March on Geneva. May they come. August visitors.", in_2018()).empty());
}

TEST_CASE("times are found in 24-hour and 12-hour notations", "[values]") {
  CHECK(describe("at 10:30, at 3 p.m. and at 9.30am", in_2018()) ==
        Values{"time [10:30] 10:30 jmm", "time [3 p.m.] 15:00 jmm", "time [9.30am] 09:30 jmm"});
  CHECK(describe("the score was 25:99", in_2018()) == Values{});
}

TEST_CASE("numbers, percentages and ordinals are read in English conventions", "[values]") {
  CHECK(describe("over 300 of 1,250,000 people, 12.5% and 3 per cent", in_2018()) ==
        Values{"number [300] 300", "number [1,250,000] 1250000", "percent [12.5%] 12.5",
               "percent [3 per cent] 3"});
  CHECK(describe("the 2nd, 21st, 13th and 103rd sessions", in_2018()) ==
        Values{"ordinal [2nd] 2", "ordinal [21st] 21", "ordinal [13th] 13", "ordinal [103rd] 103"});
  CHECK(describe("a 2th session", in_2018()).empty());
}

TEST_CASE("currency amounts carry their ISO code", "[values]") {
  CHECK(describe("cost $1,250.50, €300 and CHF 12.5", in_2018()) ==
        Values{"currency [$1,250.50] USD 1250.50", "currency [€300] EUR 300.00 integer",
               "currency [CHF 12.5] CHF 12.50"});
  // The scale word is language: only the number is protected.
  CHECK(describe("USD 3 million", in_2018()) == Values{"number [3] 3"});
}

TEST_CASE("digits in words, identifiers, versions and years are left alone", "[values]") {
  CHECK(describe("SRSG, G7, COVID-19, 19-year-old, version 1.2.3, in 2018, resolution 2334, "
                 "room 007, 3D",
                 in_2018())
            .empty());
}

TEST_CASE("numbers in French conventions", "[values]") {
  RecognitionOptions fr = in_2018();
  fr.lang = "fr";
  CHECK(describe("plus de 1\u202F250,5 personnes et 1\u00A0000 autres", fr) ==
        Values{"number [1\u202F250,5] 1250.5", "number [1\u00A0000] 1000"});
  CHECK(describe("le 9 octobre 2018", fr) == Values{"date [9 octobre 2018] 2018-10-09 yMMMMd"});
}

TEST_CASE("phone numbers are found with libphonenumber and written in E.164", "[values]") {
  CHECK(describe("Tel: +41 22 717 94 68 or 022 717 91 11.", in_2018()) ==
        Values{"phone [+41 22 717 94 68] +41227179468", "phone [022 717 91 11] +41227179111"});
  auto us = in_2018();
  us.region = "US";
  CHECK(describe("Call (202) 555-0143 now", us) == Values{"phone [(202) 555-0143] +12025550143"});
  SECTION("a bare run of digits is not a phone number") {
    CHECK(describe("reference 0227179468", in_2018()).empty());
  }
}

// libphonenumber's matcher only sees windows around dense digits (value_finder.cpp): a number
// at either end of a block, next to another, or far from other digits is found whole all the same.
TEST_CASE("phone numbers are found at the ends of a block and side by side", "[values]") {
  CHECK(describe("+41 22 717 94 68 is the switchboard.", in_2018()) ==
        Values{"phone [+41 22 717 94 68] +41227179468"});
  CHECK(describe("The switchboard: +41 22 717 94 68", in_2018()) ==
        Values{"phone [+41 22 717 94 68] +41227179468"});
  CHECK(describe("022 717 91 11", in_2018()) == Values{"phone [022 717 91 11] +41227179111"});
  // Two numbers a comma apart, and two a few words apart.
  CHECK(describe("+41 22 717 94 68, +41 22 917 12 34", in_2018()) ==
        Values{"phone [+41 22 717 94 68] +41227179468", "phone [+41 22 917 12 34] +41229171234"});
  CHECK(describe("+41 22 717 94 68 or else +41 22 917 12 34", in_2018()) ==
        Values{"phone [+41 22 717 94 68] +41227179468", "phone [+41 22 917 12 34] +41229171234"});
  // The opening bracket belongs to the number, and the number is found after a long text whose
  // only other digits are far away.
  std::string text = "In 2018, ";
  for (int i = 0; i < 40; ++i) {
    text += "the dialogue went on without figures; ";
  }
  const size_t at = text.size();
  text += "(022) 717 91 11, the desk.";
  const auto values = find_values(text, in_2018());
  REQUIRE(values.size() == 1);
  CHECK(values[0].kind == PlaceholderKind::phone);
  CHECK(values[0].begin == at);
  CHECK(text.substr(values[0].begin, values[0].end - values[0].begin) == "(022) 717 91 11");
  CHECK(values[0].canonical == "+41227179111");
}

TEST_CASE("a date next to a phone number keeps both", "[values]") {
  CHECK(describe("On 2018-10-09, call +41 22 717 94 68.", in_2018()) ==
        Values{"date [2018-10-09] 2018-10-09 yMMMMd", "phone [+41 22 717 94 68] +41227179468"});
}

TEST_CASE("a month name is read after blanks of any kind and after mid-", "[values]") {
  CHECK(describe("in\tMarch, mid-July and until  June", in_2018()) ==
        Values{"month [March] 2018-03 MMMM", "month [July] 2018-07 MMMM",
               "month [June] 2018-06 MMMM"});
  // Not after a longer word that ends like one of those, nor glued to digits.
  CHECK(describe("within May, 2in May", in_2018()).empty());
}

TEST_CASE("e-mail addresses start at a letter or digit", "[values]") {
  CHECK(describe("Write to .a.b@iom.int or -x@un.org.", in_2018()) ==
        Values{"email [a.b@iom.int] a.b@iom.int", "email [x@un.org] x@un.org"});
  CHECK(describe("a@b and c@d.org", in_2018()) == Values{"email [c@d.org] c@d.org"});
}

TEST_CASE("e-mail addresses and URLs leave trailing punctuation out", "[values]") {
  CHECK(describe("Write to asamri@iom.int. See www.iom.int/news).", in_2018()) ==
        Values{"email [asamri@iom.int] asamri@iom.int", "url [www.iom.int/news] www.iom.int/news"});
  CHECK(describe("(see https://en.wikipedia.org/wiki/IOM_(organization)).", in_2018()) ==
        Values{"url [https://en.wikipedia.org/wiki/IOM_(organization)] "
               "https://en.wikipedia.org/wiki/IOM_(organization)"});
  CHECK(describe("https://www.iom.int/news?id=2018&page=3, then", in_2018()) ==
        Values{"url [https://www.iom.int/news?id=2018&page=3] "
               "https://www.iom.int/news?id=2018&page=3"});
}

TEST_CASE("offsets are UTF-8 byte offsets and results do not overlap", "[values]") {
  const std::string text = "IOM’s « 300 » — Tél. +41227179468";
  const auto values = find_values(text, in_2018());
  REQUIRE(values.size() == 2);
  CHECK(text.substr(values[0].begin, values[0].end - values[0].begin) == "300");
  CHECK(text.substr(values[1].begin, values[1].end - values[1].begin) == "+41227179468");
  CHECK(values[0].end <= values[1].begin);
}

TEST_CASE("an ISO date is a date even where it reads as a valid phone number", "[values]") {
  // 20170712 is a valid Danish mobile number; "2017-07-12" in a release is the date.
  RecognitionOptions dk = in_2018();
  dk.region = "DK";
  CHECK(describe("The report of 2017-07-12 is online.", dk) ==
        Values{"date [2017-07-12] 2017-07-12 yMMMMd"});
  // Digits shaped like a date that no calendar has stay a phone number.
  CHECK(describe("Ring 7012-34-56 i dag.", dk) == Values{"phone [7012-34-56] +4570123456"});
  CHECK(describe("Call 20 17 07 12 before 2017-07-12.", dk) ==
        Values{"phone [20 17 07 12] +4520170712", "date [2017-07-12] 2017-07-12 yMMMMd"});
}

}  // namespace
}  // namespace relocale
