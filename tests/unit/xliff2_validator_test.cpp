#include "relocale/xliff/xliff2_validator.h"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "relocale/base/files.h"
#include "test_support.h"

namespace fs = std::filesystem;
using relocale::Diagnostics;
using relocale::validate_xliff2;

namespace {

std::vector<fs::path> suite_files(const std::string& folder) {
  std::vector<fs::path> files;
  const auto dir = relocale::test::source_dir() / "tests/data/xliff-suite" / folder;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".xlf") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string describe(const Diagnostics& d) {
  std::string out;
  for (const auto& item : d.items()) {
    out += item.where.to_string() + " [" + item.check_id + "] " + item.message + "\n";
  }
  return out;
}

// A small valid document with one unit whose segment holds `source` (and `target` if not empty).
std::string document(const std::string& unit_body,
                     const std::string& xliff_attributes = R"( srcLang="en" trgLang="fr")") {
  return "<?xml version=\"1.0\"?>\n"
         "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\"" +
         xliff_attributes +
         ">\n"
         " <file id=\"f1\">\n"
         "  <unit id=\"u1\">\n" +
         unit_body +
         "  </unit>\n"
         " </file>\n"
         "</xliff>\n";
}

}  // namespace

TEST_CASE("every valid file of the OASIS XLIFF 2 test suite is accepted", "[validator]") {
  size_t count = 0;
  for (const char* folder : {"core/valid", "modules/valid", "core/in-out"}) {
    for (const auto& file : suite_files(folder)) {
      INFO(file.string());
      const auto d = validate_xliff2(relocale::read_file(file), file.filename().string());
      INFO(describe(d));
      CHECK(d.items().empty());
      ++count;
    }
  }
  CHECK(count == 25 + 34 + 18);
}

TEST_CASE("every invalid file of the OASIS XLIFF 2 test suite is rejected", "[validator]") {
  size_t count = 0;
  for (const char* folder : {"core/invalid", "modules/invalid"}) {
    for (const auto& file : suite_files(folder)) {
      INFO(file.string());
      const auto d = validate_xliff2(relocale::read_file(file), file.filename().string());
      CHECK(d.has_errors());
      ++count;
    }
  }
  CHECK(count == 119 + 43);
}

TEST_CASE("a minimal document with a target is valid", "[validator]") {
  const auto d = validate_xliff2(document("   <segment><source>Hello</source>"
                                          "<target>Bonjour</target></segment>\n"),
                                 "t.xlf");
  INFO(describe(d));
  CHECK(d.items().empty());
}

TEST_CASE("a unit id used twice in a file is reported at the second unit", "[validator]") {
  const std::string text =
      "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\">\n"
      " <file id=\"f1\">\n"
      "  <unit id=\"p1\"><segment><source>A</source></segment></unit>\n"
      "  <unit id=\"p1\"><segment><source>B</source></segment></unit>\n"
      " </file>\n"
      "</xliff>\n";
  const auto d = validate_xliff2(text, "t.xlf");
  REQUIRE(d.items().size() == 1);
  const auto& item = d.items()[0];
  CHECK(item.check_id == "xliff-id-not-unique");
  CHECK(item.where.file == "t.xlf");
  CHECK(item.where.line == 4);
  CHECK(item.where.column == 3);
  CHECK(item.message == "unit id=\"p1\" is not unique in its <file>");
}

TEST_CASE("targets without trgLang are refused", "[validator]") {
  const auto d =
      validate_xliff2(document("   <segment><source>Hi</source><target>Salut</target></segment>\n",
                               R"( srcLang="en")"),
                      "t.xlf");
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].check_id == "xliff-trglang-missing");
  CHECK(d.items()[0].where.line == 5);
  CHECK(d.items()[0].message == "the document has <target> elements but <xliff> has no trgLang");
}

TEST_CASE("an ec before its sc and a dataRef to no data are reported", "[validator]") {
  const auto d = validate_xliff2(
      document("   <segment><source><ec startRef=\"1\"/>A <sc id=\"1\"/>B</source></segment>\n"
               "   <segment><source><ph id=\"2\" dataRef=\"d9\"/></source></segment>\n"),
      "t.xlf");
  INFO(describe(d));
  REQUIRE(d.items().size() == 2);
  CHECK(d.items()[0].check_id == "xliff-data-ref");
  CHECK(d.items()[0].where.line == 6);
  CHECK(d.items()[0].message == "<ph> dataRef=\"d9\" names no <data> in the unit's <originalData>");
  CHECK(d.items()[1].check_id == "xliff-ec-without-sc");
  CHECK(d.items()[1].where.line == 5);
  CHECK(d.items()[1].where.column == 21);
  CHECK(d.items()[1].message == "<ec> startRef=\"1\" comes before its <sc>");
}

TEST_CASE("state values and subState without state are checked", "[validator]") {
  const auto d =
      validate_xliff2(document("   <segment state=\"done\"><source>A</source></segment>\n"
                               "   <segment subState=\"x:y\"><source>B</source></segment>\n"),
                      "t.xlf");
  REQUIRE(d.items().size() == 2);
  CHECK(d.items()[0].message == "state=\"done\" must be initial, translated, reviewed or final");
  CHECK(d.items()[1].check_id == "xliff-substate-without-state");
}

TEST_CASE("a code that cannot be deleted must stay in the target", "[validator]") {
  const auto d =
      validate_xliff2(document("   <segment><source><ph id=\"1\" canDelete=\"no\"/>A</source>"
                               "<target>B</target></segment>\n"),
                      "t.xlf");
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].check_id == "xliff-can-delete");
  CHECK(d.items()[0].message ==
        "<ph> id=\"1\" has canDelete=\"no\" but is missing from the target");
}

TEST_CASE("a DOCTYPE is refused without expanding entities", "[validator]") {
  const std::string text =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE xliff [<!ENTITY e \"boom\">]>\n"
      "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\"/>\n";
  const auto d = validate_xliff2(text, "t.xlf");
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].check_id == "xml-doctype");
  CHECK(d.items()[0].where.line == 2);
}

TEST_CASE("malformed XML is a diagnostic with its position, not an exception", "[validator]") {
  const std::string text =
      "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\">\n"
      " <file id=\"f1\">\n"
      "</xliff>\n";
  Diagnostics d;
  REQUIRE_NOTHROW(d = validate_xliff2(text, "t.xlf"));
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].check_id == "xml-malformed");
  CHECK(d.items()[0].where.line == 3);
}

TEST_CASE("an XLIFF 1.2 document is not taken for 2.0", "[validator]") {
  const auto d = validate_xliff2(
      "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"/>", "t.xlf");
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].check_id == "xliff-root");
}

TEST_CASE("fragment identifiers follow the spec's selector order", "[validator]") {
  auto ref_errors = [](const std::string& ref) {
    return validate_xliff2(document("   <notes><note id=\"n1\">x</note></notes>\n"
                                    "   <segment><source><mrk id=\"m1\" type=\"my:t\" ref=\"" +
                                    ref + "\">A</mrk></source></segment>\n"),
                           "t.xlf")
        .items()
        .size();
  };
  CHECK(ref_errors("#/f=f1/u=u1/n=n1") == 0);
  CHECK(ref_errors("#n=n1") == 0);
  CHECK(ref_errors("#m1") == 0);
  CHECK(ref_errors("#/u=u1/f=f1/n=n1") == 1);  // out of order
  CHECK(ref_errors("#/f=f1/n=n1/u=u1") == 1);  // leaf not last
  CHECK(ref_errors("#/f=f1/q=n1") == 1);       // unknown one-letter prefix
  CHECK(ref_errors("http://example.com/#x") == 0);
}

namespace {

std::string document12(const std::string& body,
                       const std::string& file_attributes = R"( target-language="fr")") {
  return "<?xml version=\"1.0\"?>\n"
         "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"
         " <file original=\"a.md\" source-language=\"en\" datatype=\"plaintext\"" +
         file_attributes + ">\n  <body>\n" + body + "  </body>\n </file>\n</xliff>\n";
}

}  // namespace

TEST_CASE("a small XLIFF 1.2 document with segments passes the 1.2 checks", "[validator]") {
  const auto d = relocale::validate_xliff12(
      document12("   <trans-unit id=\"p1\"><source>A. B.</source>"
                 "<seg-source><mrk mtype=\"seg\" mid=\"1\">A.</mrk> "
                 "<mrk mtype=\"seg\" mid=\"2\">B.</mrk></seg-source>"
                 "<target state=\"translated\"><mrk mtype=\"seg\" mid=\"1\">A.</mrk> "
                 "<mrk mtype=\"seg\" mid=\"2\"><bpt id=\"1\">[</bpt>B.<ept id=\"1\">]</ept></mrk>"
                 "</target></trans-unit>\n"),
      "t.xlf");
  INFO(describe(d));
  CHECK(d.items().empty());
}

TEST_CASE("XLIFF 1.2: duplicate trans-unit ids and targets without target-language",
          "[validator]") {
  const auto d = relocale::validate_xliff12(
      document12("   <trans-unit id=\"p1\"><source>A</source><target>B</target></trans-unit>\n"
                 "   <trans-unit id=\"p1\"><source>C</source></trans-unit>\n",
                 ""),
      "t.xlf");
  INFO(describe(d));
  REQUIRE(d.items().size() == 2);
  CHECK(d.items()[0].check_id == "xliff-id-not-unique");
  CHECK(d.items()[0].where.line == 6);
  CHECK(d.items()[0].message == "<trans-unit> id=\"p1\" is not unique in its <file>");
  CHECK(d.items()[1].check_id == "xliff-target-language-missing");
  CHECK(d.items()[1].where.line == 3);
}

TEST_CASE("XLIFF 1.2: unknown states, unknown segment mids and repeated context-group names",
          "[validator]") {
  const auto d = relocale::validate_xliff12(
      document12("   <trans-unit id=\"p1\"><source>A</source>"
                 "<seg-source><mrk mtype=\"seg\" mid=\"1\">A</mrk></seg-source>"
                 "<target state=\"done\"><mrk mtype=\"seg\" mid=\"9\">B</mrk></target>"
                 "<context-group name=\"x-g\"><context context-type=\"x-a\">1</context>"
                 "</context-group></trans-unit>\n"
                 "   <trans-unit id=\"p2\"><source>C</source>"
                 "<context-group name=\"x-g\"><context context-type=\"x-a\">2</context>"
                 "</context-group></trans-unit>\n"),
      "t.xlf");
  INFO(describe(d));
  std::vector<std::string> ids;
  for (const auto& item : d.items()) {
    ids.push_back(item.check_id);
  }
  std::sort(ids.begin(), ids.end());
  CHECK(ids == std::vector<std::string>{"xliff-group-name-not-unique", "xliff-segment-unknown",
                                        "xliff-state-value"});
}
