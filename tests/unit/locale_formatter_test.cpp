// Expected strings are CLDR's conventions as ICU 72 implements them (CLDR 42), checked against what
// a native editor writes: "8 octobre", "8. Oktober", "10月8日", Arabic-Indic digits in Arabic.
// NBSP is U+00A0 and NNBSP U+202F, where CLDR puts them.
#include <string>
#include <tuple>

#include <catch2/catch.hpp>

#include "relocale/base/error.h"
#include "relocale/base/files.h"
#include "relocale/locale_formatter/house_style.h"
#include "test_support.h"

namespace relocale {
namespace {

#define NBSP "\u00A0"
#define NNBSP "\u202F"
#define THIN "\u2009"

std::filesystem::path locales() {
  return test::source_dir() / "locales";
}

std::string render(const std::string& lang, PlaceholderKind kind, const std::string& canonical,
                   const std::string& format = {}) {
  Placeholder p;
  p.id = "1";
  p.kind = kind;
  p.canonical = canonical;
  p.format = format;
  return render_placeholder(p, load_house_style(lang, locales()));
}

TEST_CASE("a day and month without a year are rendered as each language writes them",
          "[locale_formatter]") {
  const auto [lang, expected] = GENERATE(table<std::string, std::string>({
      {"en", "October 8"},
      {"fr", "8 octobre"},
      {"es", "8 de octubre"},
      {"ar", "٨ أكتوبر"},
      {"ru", "8 октября"},
      {"zh", "10月8日"},
      {"de", "8. Oktober"},
  }));
  CAPTURE(lang);
  CHECK(render(lang, PlaceholderKind::date, "2018-10-08", "dMMMM") == expected);
}

TEST_CASE("a full date is rendered in the long style of each language", "[locale_formatter]") {
  const auto [lang, expected] = GENERATE(table<std::string, std::string>({
      {"en", "October 9, 2018"},
      {"fr", "9 octobre 2018"},
      {"es", "9 de octubre de 2018"},
      {"ar", "٩ أكتوبر ٢٠١٨"},
      {"ru", "9 октября 2018" NNBSP "г."},
      {"zh", "2018年10月9日"},
      {"de", "9. Oktober 2018"},
  }));
  CAPTURE(lang);
  CHECK(render(lang, PlaceholderKind::date, "2018-10-09", "yMMMMd") == expected);
}

TEST_CASE("the medium and short date styles abbreviate or number the month", "[locale_formatter]") {
  auto style = load_house_style("fr", locales());
  Placeholder p{"1", PlaceholderKind::date, "2018-10-09", "", "yMMMMd"};
  style.date_style = "medium";
  CHECK(render_placeholder(p, style) == "9 oct. 2018");
  style.date_style = "short";
  CHECK(render_placeholder(p, style) == "09/10/2018");
}

TEST_CASE("a value rendered again, in another style or format and back, renders the same",
          "[locale_formatter]") {
  // Renderings are kept per thread: what they are kept under must tell every difference apart.
  auto fr = load_house_style("fr", locales());
  auto de = load_house_style("de", locales());
  Placeholder p{"1", PlaceholderKind::date, "2018-10-09", "", "yMMMMd"};
  Placeholder day_month = p;
  day_month.format = "dMMMM";
  for (int round = 0; round < 2; ++round) {
    CHECK(render_placeholder(p, fr) == "9 octobre 2018");
    CHECK(render_placeholder(day_month, fr) == "9 octobre");
    CHECK(render_placeholder(p, de) == "9. Oktober 2018");
    Placeholder month = p;
    month.kind = PlaceholderKind::month;
    month.format = "";
    CHECK(render_placeholder(month, fr) == "octobre");
  }
  Placeholder bad{"1", PlaceholderKind::date, "9 Oct", "", "yMMMMd"};
  CHECK_THROWS_AS(render_placeholder(bad, fr), Error);
  CHECK_THROWS_AS(render_placeholder(bad, fr), Error);  // a failure is not kept as a result
  bad.canonical = "2018-13-45";  // no such month or day: refused, not rolled over into 2019
  CHECK_THROWS_AS(render_placeholder(bad, fr), Error);
  for (const char* malformed :
       {"2018-1-09", "2018/10/09", "20181009", "2018-10-9x", "２018-10-09", "2018-10-", ""}) {
    bad.canonical = malformed;
    CAPTURE(malformed);
    CHECK_THROWS_AS(render_placeholder(bad, fr), Error);
  }
}

TEST_CASE("a range of days in one month uses CLDR's interval formats", "[locale_formatter]") {
  const auto [lang, expected] = GENERATE(table<std::string, std::string>({
      {"en", "March 26" THIN "–" THIN "28"},
      {"fr", "26–28 mars"},
      {"es", "26–28 de marzo"},
      {"ar", "٢٦–٢٨ مارس"},
      {"ru", "26–28 марта"},
      {"zh", "3月26日至28日"},
      {"de", "26.–28. März"},
  }));
  CAPTURE(lang);
  CHECK(render(lang, PlaceholderKind::date_range, "2018-03-26/2018-03-28", "dMMMM") == expected);
}

TEST_CASE("two consecutive days are both named, joined by the language's 'and'",
          "[locale_formatter]") {
  // CLDR list patterns ("{0} et {1}") around CLDR day-month formats, as press releases write
  // "26 and 27 March".
  const auto [lang, expected] = GENERATE(table<std::string, std::string>({
      {"en", "March 26 and 27"},
      {"fr", "26 et 27 mars"},
      {"es", "26 y 27 de marzo"},
      {"ar", "٢٦ و٢٧ مارس"},
      {"ru", "26 и 27 марта"},
      {"zh", "3月26日和27日"},
      {"de", "26. und 27. März"},
  }));
  CAPTURE(lang);
  CHECK(render(lang, PlaceholderKind::date_range, "2018-03-26/2018-03-27", "dMMMM") == expected);
}

TEST_CASE("a bare month is its stand-alone name, in digits in Chinese", "[locale_formatter]") {
  const auto [lang, expected, with_year] = GENERATE(table<std::string, std::string, std::string>({
      {"en", "December", "December 2018"},
      {"fr", "décembre", "décembre 2018"},
      {"es", "diciembre", "diciembre de 2018"},
      {"ar", "ديسمبر", "ديسمبر ٢٠١٨"},
      {"ru", "декабрь", "декабрь 2018" NNBSP "г."},
      {"zh", "12月", "2018年12月"},
      {"de", "Dezember", "Dezember 2018"},
  }));
  CAPTURE(lang);
  CHECK(render(lang, PlaceholderKind::month, "2018-12", "MMMM") == expected);
  CHECK(render(lang, PlaceholderKind::month, "2018-12", "yMMMM") == with_year);
}

TEST_CASE("a time follows the locale's hour cycle", "[locale_formatter]") {
  const auto [lang, expected] = GENERATE(table<std::string, std::string>({
      {"en", "3:00" NNBSP "PM"},
      {"fr", "15:00"},
      {"es", "15:00"},
      {"ar", "٣:٠٠ م"},
      {"ru", "15:00"},
      {"zh", "15:00"},
      {"de", "15:00"},
  }));
  CAPTURE(lang);
  CHECK(render(lang, PlaceholderKind::time, "15:00", "jmm") == expected);
}

TEST_CASE("numbers take the locale's separators and digits", "[locale_formatter]") {
  const auto [lang, million, decimal, small] =
      GENERATE(table<std::string, std::string, std::string, std::string>({
          {"en", "1,250,000", "1,250.75", "300"},
          {"fr", "1" NNBSP "250" NNBSP "000", "1" NNBSP "250,75", "300"},
          {"es", "1.250.000", "1250,75", "300"},  // es groups from five digits (CLDR)
          {"ar", "١٬٢٥٠٬٠٠٠", "١٬٢٥٠٫٧٥", "٣٠٠"},
          {"ru", "1" NBSP "250" NBSP "000", "1" NBSP "250,75", "300"},
          {"zh", "1,250,000", "1,250.75", "300"},
          {"de", "1.250.000", "1.250,75", "300"},
      }));
  CAPTURE(lang);
  CHECK(render(lang, PlaceholderKind::number, "1250000") == million);
  CHECK(render(lang, PlaceholderKind::number, "1250.75") == decimal);
  CHECK(render(lang, PlaceholderKind::number, "300") == small);
}

TEST_CASE("a number keeps the decimals the source showed", "[locale_formatter]") {
  CHECK(render("de", PlaceholderKind::number, "12.50") == "12,50");
  CHECK(render("en", PlaceholderKind::number, "0.125") == "0.125");
}

TEST_CASE("Latin digits in Arabic when the house style says so", "[locale_formatter]") {
  auto style = load_house_style("ar", locales());
  style.numbering_system = "latn";
  CHECK(render_placeholder({"1", PlaceholderKind::number, "300", "", ""}, style) == "300");
  CHECK(render_placeholder({"1", PlaceholderKind::date, "2018-10-08", "", "dMMMM"}, style) ==
        "8 أكتوبر");
}

TEST_CASE("percentages follow the locale's percent pattern", "[locale_formatter]") {
  const auto [lang, expected] = GENERATE(table<std::string, std::string>({
      {"en", "12.5%"},
      {"fr", "12,5" NBSP "%"},
      {"es", "12,5" NBSP "%"},
      {"ar", "١٢٫٥٪\u061C"},  // ICU appends an Arabic letter mark after the percent sign
      {"ru", "12,5" NBSP "%"},
      {"zh", "12.5%"},
      {"de", "12,5" NBSP "%"},
  }));
  CAPTURE(lang);
  CHECK(render(lang, PlaceholderKind::percent, "12.5") == expected);
}

TEST_CASE("ordinals use CLDR's digits-ordinal rules", "[locale_formatter]") {
  const auto [lang, second, twenty_first] = GENERATE(table<std::string, std::string, std::string>({
      {"en", "2nd", "21st"},
      {"fr", "2e", "21e"},
      {"es", "2.º", "21.º"},
      {"ar", "٢.", "٢١."},
      {"ru", "2.", "21."},
      {"zh", "第2", "第21"},
      {"de", "2.", "21."},
  }));
  CAPTURE(lang);
  CHECK(render(lang, PlaceholderKind::ordinal, "2") == second);
  CHECK(render(lang, PlaceholderKind::ordinal, "21") == twenty_first);
}

TEST_CASE("currency amounts use the locale's currency pattern", "[locale_formatter]") {
  const auto [lang, cents, whole] = GENERATE(table<std::string, std::string, std::string>({
      {"en", "$1,250.50", "$300"},
      {"fr", "1" NNBSP "250,50" NBSP "$US", "300" NBSP "$US"},
      {"es", "1250,50" NBSP "US$", "300" NBSP "US$"},
      {"ar", "\u200F١٬٢٥٠٫٥٠" NBSP "US$", "\u200F٣٠٠" NBSP "US$"},
      {"ru", "1" NBSP "250,50" NBSP "$", "300" NBSP "$"},
      {"zh", "US$1,250.50", "US$300"},
      {"de", "1.250,50" NBSP "$", "300" NBSP "$"},
  }));
  CAPTURE(lang);
  CHECK(render(lang, PlaceholderKind::currency, "USD 1250.50") == cents);
  CHECK(render(lang, PlaceholderKind::currency, "USD 300.00", "integer") == whole);
}

TEST_CASE("phone numbers are written in international format in every language",
          "[locale_formatter]") {
  const auto lang = GENERATE(as<std::string>{}, "en", "fr", "es", "ar", "ru", "zh", "de");
  CAPTURE(lang);
  CHECK(render(lang, PlaceholderKind::phone, "+41227179468") == "+41 22 717 94 68");
}

TEST_CASE("the e164 phone format keeps the canonical number", "[locale_formatter]") {
  auto style = load_house_style("en", locales());
  style.phone_format = "e164";
  CHECK(render_placeholder({"1", PlaceholderKind::phone, "+41227179468", "", ""}, style) ==
        "+41227179468");
}

TEST_CASE("e-mails, URLs and codes are copied unchanged", "[locale_formatter]") {
  const auto lang = GENERATE(as<std::string>{}, "en", "fr", "es", "ar", "ru", "zh", "de");
  CAPTURE(lang);
  CHECK(render(lang, PlaceholderKind::email, "asamri@iom.int") == "asamri@iom.int");
  CHECK(render(lang, PlaceholderKind::url, "https://www.iom.int/x") == "https://www.iom.int/x");
  const auto style = load_house_style(lang, locales());
  CHECK(render_placeholder({"1", PlaceholderKind::code, "", "`relocale build`", ""}, style) ==
        "`relocale build`");
  CHECK(render_placeholder({"1", PlaceholderKind::line_break, "", "\n> ", ""}, style) == "\n> ");
}

TEST_CASE("a corrupted canonical value is an error naming the placeholder", "[locale_formatter]") {
  REQUIRE_THROWS_WITH(render("fr", PlaceholderKind::date, "8 October"),
                      "placeholder 1 (date): cannot read the value \"8 October\"");
}

TEST_CASE("house style defaults come from ICU's locale data", "[locale_formatter]") {
  test::TempDir empty;
  const auto [lang, open, close, rtl, french] =
      GENERATE(table<std::string, std::string, std::string, bool, bool>({
          {"en", "“", "”", false, false},
          {"fr", "«", "»", false, true},
          {"de", "„", "“", false, false},
          {"ru", "«", "»", false, false},
          {"ar", "”", "“", true, false},
          {"he", "”", "”", true, false},
      }));
  CAPTURE(lang);
  const auto style = load_house_style(lang, empty.path());
  CHECK(style.quote_open == open);
  CHECK(style.quote_close == close);
  CHECK(style.right_to_left == rtl);
  CHECK(style.french_spacing == french);
  CHECK(style.date_style == "long");
}

TEST_CASE("the project's house styles override ICU where a publisher differs",
          "[locale_formatter]") {
  const auto ar = load_house_style("ar", locales());
  CHECK(ar.numbering_system == "arab");
  CHECK(ar.quote_open == "«");
  CHECK(ar.right_to_left);
  CHECK(load_house_style("zh", locales()).month_skeleton == "MMM");
  CHECK(load_house_style("fr", locales()).inner_quote_open == "“");
}

TEST_CASE("a regional house style is read over its language's", "[locale_formatter]") {
  test::TempDir dir;
  write_file_atomically(dir.path() / "es.ini", "quote_open = «\nquote_close = »\n");
  write_file_atomically(dir.path() / "es-AR.ini", "# Buenos Aires\nquote_open = “\n");
  const auto style = load_house_style("es-AR", dir.path());
  CHECK(style.quote_open == "“");
  CHECK(style.quote_close == "»");
}

TEST_CASE("a malformed house style names its file and line", "[locale_formatter]") {
  test::TempDir dir;
  const auto file = (dir.path() / "fr.ini").string();
  SECTION("a line without '='") {
    write_file_atomically(dir.path() / "fr.ini", "# comment\n\nfrench_spacing\n");
    REQUIRE_THROWS_WITH(load_house_style("fr", dir.path()),
                        file + ":3: expected \"key = value\", found \"french_spacing\"");
  }
  SECTION("a bad boolean") {
    write_file_atomically(dir.path() / "fr.ini", "french_spacing = maybe\n");
    REQUIRE_THROWS_WITH(load_house_style("fr", dir.path()),
                        file + ":1: french_spacing must be true or false, not \"maybe\"");
  }
  SECTION("an unknown key") {
    write_file_atomically(dir.path() / "fr.ini", "date_style = long\nquotes = «»\n");
    REQUIRE_THROWS_WITH(load_house_style("fr", dir.path()),
                        Catch::StartsWith(file + ":2: unknown house style key \"quotes\""));
  }
  SECTION("a value outside the choices") {
    write_file_atomically(dir.path() / "fr.ini", "date_style = full\n");
    REQUIRE_THROWS_WITH(load_house_style("fr", dir.path()),
                        file + ":1: date_style must be one of long, medium, short, not \"full\"");
  }
}

// --- typography -------------------------------------------------------------------------------

std::string typeset(const std::string& lang, const std::string& text) {
  return apply_typography(text, load_house_style(lang, locales()));
}

TEST_CASE("straight and English quotation marks become the target's", "[locale_formatter]") {
  const auto [lang, expected] = GENERATE(table<std::string, std::string>({
      {"en", "He said “yes” to ‘them’."},
      {"de", "He said „yes“ to ‚them‘."},
      {"ru", "He said «yes» to „them“."},
      {"zh", "He said “yes” to ‘them’."},
      {"es", "He said «yes» to “them”."},
      {"ar", "He said «yes» to “them”."},
  }));
  CAPTURE(lang);
  CHECK(typeset(lang, "He said \"yes\" to 'them'.") == expected);
  CHECK(typeset(lang, "He said “yes” to ‘them’.") == expected);
}

TEST_CASE("quotation marks already in the target's style are kept", "[locale_formatter]") {
  CHECK(typeset("de", "Er sagte „ja“.") == "Er sagte „ja“.");
  CHECK(typeset("ru", "Он сказал «да».") == "Он сказал «да».");
}

TEST_CASE("apostrophes inside and after words become typographic, never quotes",
          "[locale_formatter]") {
  CHECK(typeset("fr", "l'OIM et l’ONU") == "l’OIM et l’ONU");
  CHECK(typeset("en", "the migrants' rights") == "the migrants’ rights");
  CHECK(typeset("en", "IOM's forum") == "IOM’s forum");
}

TEST_CASE("French spacing puts a narrow no-break space before ; : ! ? and inside « »",
          "[locale_formatter]") {
  CHECK(typeset("fr", "Vraiment? Oui!") == "Vraiment" NNBSP "? Oui" NNBSP "!");
  CHECK(typeset("fr", "Note : voir ci-dessous; merci") == "Note" NNBSP ": voir ci-dessous" NNBSP
                                                          "; merci");
  CHECK(typeset("fr", "Il a dit \"bonjour\".") == "Il a dit «" NNBSP "bonjour" NNBSP "».");
  CHECK(typeset("fr", "« Bonjour ! »") == "«" NNBSP "Bonjour" NNBSP "!" NNBSP "»");
  CHECK(typeset("fr", "Quoi ?!") == "Quoi" NNBSP "?!");
  SECTION("and leaves placeholders and digits alone") {
    CHECK(typeset("fr", "Tél. \uFFFC: appeler") == "Tél. \uFFFC" NNBSP ": appeler");
    CHECK(typeset("fr", "le score 3:1") == "le score 3:1");
  }
  SECTION("only in French") {
    CHECK(typeset("en", "Really? Yes: now!") == "Really? Yes: now!");
  }
}

TEST_CASE("a number and its unit are kept together by a no-break space", "[locale_formatter]") {
  CHECK(typeset("en", "a 5 km walk") == "a 5" NBSP "km walk");
  CHECK(typeset("de", "\uFFFC € und 3 million") == "\uFFFC" NBSP "€ und 3 million");
  CHECK(typeset("fr", "12 %") == "12" NNBSP "%");
}

TEST_CASE("U+FFFC passes through typography untouched", "[locale_formatter]") {
  const std::string text = "\uFFFC \"\uFFFC\" \uFFFC";
  CHECK(typeset("en", text) == "\uFFFC “\uFFFC” \uFFFC");
}

TEST_CASE("left-to-right runs in right-to-left text are isolated", "[locale_formatter]") {
  const std::string fsi = "\u2068", pdi = "\u2069";
  SECTION("a phone number, an e-mail address and a Latin name") {
    CHECK(isolate_left_to_right_runs("للاتصال: +41 22 717 94 68، asamri@iom.int.", fsi, pdi) ==
          "للاتصال: " + fsi + "+41 22 717 94 68" + pdi + "، " + fsi + "asamri@iom.int" + pdi + ".");
    CHECK(isolate_left_to_right_runs("قال أنطونيو فيتورينو (IOM) اليوم", "<bdi>", "</bdi>") ==
          "قال أنطونيو فيتورينو (<bdi>IOM</bdi>) اليوم");
  }
  SECTION("placeholders, Arabic-Indic digits and Arabic text are left alone") {
    const std::string text = "في \uFFFC عام ٢٠١٨";
    CHECK(isolate_left_to_right_runs(text, fsi, pdi) == text);
  }
  SECTION("a run stops at a placeholder") {
    CHECK(isolate_left_to_right_runs("مع Louise Arbour\uFFFC", "<bdi>", "</bdi>") ==
          "مع <bdi>Louise Arbour</bdi>\uFFFC");
  }
}

}  // namespace
}  // namespace relocale
