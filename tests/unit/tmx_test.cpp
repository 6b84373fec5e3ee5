#include "relocale/memory/tmx.h"

#include <cstdlib>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

#include "relocale/base/error.h"
#include "relocale/base/files.h"
#include "test_support.h"

using namespace relocale;

namespace {

TranslationMemory sample_memory() {
  TranslationMemory memory;
  Placeholder date{"1", PlaceholderKind::date, "2018-10-08", "8 October", "dMMMM"};
  Placeholder phone{"ph-b", PlaceholderKind::phone, "+41227179468", "+41 22 717 94 68", ""};
  memory.add({"en",
              "fr",
              {"Signed on ", date, " <in> \"Geneva\" & ", CodeStart{"2", "**", "strong"}, "here",
               CodeEnd{"2", "**"}, ". Tel: ", phone},
              {CodeStart{"2", "**", "strong"}, "Ici", CodeEnd{"2", "**"}, ", signé le ", date,
               " à « Genève ». Tél. : ", phone},
              SegmentState::reviewed,
              "idm-release/u-3f2a",
              "2018-10-08"});
  memory.add({"en",
              "de",
              {"  Leading and trailing space  "},
              {" Leerzeichen "},
              SegmentState::translated,
              "",
              "2018-10-09T10:30:00Z"});
  memory.add({"en",
              "fr",
              {"Unpaired ", CodeStart{"c", "[", "link"}, "link"},
              {Placeholder{"n", PlaceholderKind::number, "2", "2", ""}, CodeStart{"c", "[", "link"},
               "lien non apparié"},
              SegmentState::initial,
              "r/u",
              "last week"});
  memory.add({"de", "en", {"Nur Deutsch"}, {"German only"}, SegmentState::final, "", ""});
  return memory;
}

}  // namespace

TEST_CASE("a TMX entry is written with TMX 1.4b inline elements and relocale's props", "[tmx]") {
  TranslationMemory memory;
  memory.add({"en",
              "fr",
              {"On ", Placeholder{"1", PlaceholderKind::date, "2018-10-08", "8 Oct", "dMMM"}, " ",
               CodeStart{"2", "*", "emphasis"}, "now", CodeEnd{"2", "*"}},
              {"Le ", Placeholder{"1", PlaceholderKind::date, "2018-10-08", "8 Oct", "dMMM"}},
              SegmentState::translated,
              "rel/u1",
              "2018-10-08"});
  const auto tmx = write_tmx(memory, "en");
  CHECK(tmx.find("<tmx version=\"1.4\">") != std::string::npos);
  CHECK(tmx.find("<header creationtool=\"relocale\" creationtoolversion=\"") != std::string::npos);
  CHECK(tmx.find("segtype=\"sentence\" o-tmf=\"relocale\" adminlang=\"en\" srclang=\"en\" "
                 "datatype=\"plaintext\" />") != std::string::npos);
  CHECK(tmx.find("    <tu changedate=\"20181008T000000Z\">\n"
                 "      <prop type=\"x-relocale-state\">translated</prop>\n"
                 "      <prop type=\"x-relocale-origin\">rel/u1</prop>\n"
                 "      <tuv xml:lang=\"en\">\n"
                 "        <prop type=\"x-relocale-canonical-1\">2018-10-08</prop>\n"
                 "        <prop type=\"x-relocale-format-1\">dMMM</prop>\n"
                 "        <seg>On <ph x=\"1\" type=\"rl:date\">8 Oct</ph> <bpt i=\"2\" x=\"2\" "
                 "type=\"rl:emphasis\">*</bpt>now<ept i=\"2\">*</ept></seg>\n"
                 "      </tuv>\n") != std::string::npos);
}

TEST_CASE("TMX round trips byte for byte and restores every placeholder", "[tmx]") {
  const auto memory = sample_memory();
  const auto first = write_tmx(memory, "*all*");
  const auto read = read_tmx(first, "project.tmx");
  CHECK(write_tmx(read, "*all*") == first);
  REQUIRE(read.size() == memory.size());
  // The file lists the entries by language pair (de-en, en-de, en-fr), each pair's in the order
  // they were added: so a memory that extract filled on several threads is written the same.
  const std::vector<size_t> listed{3, 1, 0, 2};
  REQUIRE(listed.size() == memory.size());
  for (size_t i = 0; i < memory.size(); ++i) {
    const auto& a = memory.entries()[listed[i]];
    const auto& b = read.entries()[i];
    CHECK(a.source == b.source);
    CHECK(a.target == b.target);
    CHECK(a.source_lang == b.source_lang);
    CHECK(a.target_lang == b.target_lang);
    CHECK(a.state == b.state);
    CHECK(a.origin == b.origin);
    CHECK(a.changed == b.changed);
  }
  // With one source language, the other's entries are left out.
  const auto english = write_tmx(memory, "en");
  CHECK(read_tmx(english, "en.tmx").size() == 3);
  CHECK(write_tmx(read_tmx(english, "en.tmx"), "en") == english);
}

TEST_CASE("written TMX is well-formed XML for xmllint", "[tmx]") {
  test::TempDir dir;
  const auto path = dir.path() / "memory" / "project.tmx";
  save_memory(sample_memory(), path, "*all*");
  const auto command = "xmllint --noout '" + path.string() + "' 2>/dev/null";
  CHECK(std::system(command.c_str()) == 0);
  const auto loaded = load_memory(path);
  CHECK(loaded.size() == 4);
  CHECK(load_memory(dir.path() / "missing.tmx").size() == 0);
}

TEST_CASE("TMX from another tool imports with its codes as placeholders", "[tmx]") {
  const std::string tmx = R"(<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="OmegaT" creationtoolversion="5" segtype="sentence" o-tmf="OmegaT TMX"
          adminlang="EN-US" srclang="EN-US" datatype="plaintext"/>
  <body>
    <tu>
      <tuv lang="EN-US"><seg>Press <bpt i="1">&lt;b&gt;</bpt>OK<ept i="1">&lt;/b&gt;</ept> <ph>&lt;br/&gt;</ph></seg></tuv>
      <tuv xml:lang="FR-FR"><seg>Appuyez sur <bpt i="1">&lt;b&gt;</bpt>OK<ept i="1">&lt;/b&gt;</ept></seg></tuv>
      <tuv xml:lang="DE-DE"><seg>Drücken Sie <hi>OK</hi></seg></tuv>
    </tu>
  </body>
</tmx>
)";
  const auto memory = read_tmx(tmx, "omegat.tmx");
  REQUIRE(memory.size() == 2);
  const auto& fr = memory.entries()[0];
  CHECK(fr.source_lang == "EN-US");
  CHECK(fr.target_lang == "FR-FR");
  CHECK(fr.state == SegmentState::translated);
  CHECK(debug_string(fr.source) == "Press {1>OK<1} {1u:code <br/>}");
  CHECK(source_form(fr.target) == "Appuyez sur <b>OK</b>");
  CHECK(plain_text(memory.entries()[1].target) == "Drücken Sie OK");
}

TEST_CASE("malformed TMX is refused with file, line and column", "[tmx]") {
  REQUIRE_THROWS_WITH(read_tmx("<?xml version=\"1.0\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"
                               "<tmx version=\"1.4\"/>\n",
                               "a.tmx"),
                      "a.tmx:2:1: a DOCTYPE is not allowed in a TMX file");
  REQUIRE_THROWS_WITH(
      read_tmx("<tmx version=\"1.4\">\n  <header srclang=\"en\">\n</tmx>\n", "b.tmx"),
      Catch::StartsWith("b.tmx:3:"));
  REQUIRE_THROWS_WITH(read_tmx("<tmx version=\"1.4\">\n<header srclang=\"en\"/>\n<body>\n"
                               "<tu><tuv xml:lang=\"en\"></tuv></tu></body></tmx>",
                               "c.tmx"),
                      "c.tmx:4:5: <tuv> has no <seg>");
  REQUIRE_THROWS_WITH(read_tmx("<xliff/>", "d.tmx"),
                      "d.tmx:1:1: expected <tmx> as the root element, found <xliff>");
  REQUIRE_THROWS_WITH(read_tmx("<tmx version=\"1.4\">\n<header srclang=\"en\"/>\n<body>\n"
                               "<tu><tuv xml:lang=\"fr\"><seg>x</seg></tuv></tu></body></tmx>",
                               "e.tmx"),
                      "e.tmx:4:1: <tu> has no <tuv> in its source language \"en\"");
}

TEST_CASE("characters XML cannot carry are replaced so the TMX stays well-formed", "[tmx]") {
  TranslationMemory memory;
  memory.add({"en",
              "fr",
              {"a\r\nb\x0b"
               "c\rd"},
              {"x\x01"},
              SegmentState::translated,
              "",
              ""});
  const auto tmx = write_tmx(memory, "en");
  const auto read = read_tmx(tmx, "m.tmx");
  REQUIRE(read.size() == 1);
  // XML 1.0 (section 2.2) has no control characters but tab, LF and CR, and normalises CR LF
  // and CR to LF (section 2.11).
  CHECK(read.entries()[0].source == Content{"a\nb\uFFFDc\nd"});
  CHECK(read.entries()[0].target == Content{"x\uFFFD"});
  CHECK(write_tmx(read, "en") == tmx);
  test::TempDir dir;
  write_file_atomically(dir.path() / "m.tmx", tmx);
  const auto command = "xmllint --noout '" + (dir.path() / "m.tmx").string() + "' 2>/dev/null";
  CHECK(std::system(command.c_str()) == 0);
}
