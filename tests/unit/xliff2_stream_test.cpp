// Reading an XLIFF 2 file a part at a time must give what reading it whole gives: the same
// document, or the same error at the same line.
#include <filesystem>
#include <optional>

#include <catch2/catch.hpp>

#include "relocale/base/error.h"
#include "relocale/base/files.h"
#include "relocale/xliff/xliff_io.h"
#include "test_support.h"

using namespace relocale;
using relocale::test::source_dir;
using relocale::test::TempDir;

namespace {

namespace fs = std::filesystem;

// A read's outcome: the document written back (every field the writer keeps) with each unit's and
// segment's line, or the error's message and line.
struct Outcome {
  std::optional<std::string> written;
  std::string lines;
  std::string error;
  int error_line = 0;
};

Outcome outcome_of(const std::function<Document()>& read) {
  Outcome out;
  try {
    const Document doc = read();
    out.written = write_xliff2(doc, {});
    for (const auto& unit : doc.units) {
      out.lines += std::to_string(unit.line) + ":";
      for (const auto& seg : unit.segments) {
        out.lines += std::to_string(seg.line) + ",";
      }
      out.lines += " ";
    }
  } catch (const Error& e) {
    out.error = e.message();
    out.error_line = e.where().line;
  }
  return out;
}

Outcome whole(const fs::path& file) {
  return outcome_of([&] { return read_xliff(read_file(file), file.string()); });
}

Outcome streamed(const fs::path& file) {
  return outcome_of([&] { return read_xliff_file(file, /*stream_from_bytes=*/0); });
}

void check_same_reading(const fs::path& file) {
  INFO(file.string());
  const Outcome a = whole(file);
  const Outcome b = streamed(file);
  if (a.error.rfind("malformed XML", 0) == 0) {
    // expat and pugixml describe malformed XML in their own words, at the token each stopped on.
    CHECK(b.error.rfind("malformed XML", 0) == 0);
    CHECK(b.error_line > 0);
    return;
  }
  if (!a.error.empty()) {
    // A file with several faults may be refused for another of them: the whole-file reader
    // looks at every <file> before any unit, the streamed one meets them in order.
    CHECK_FALSE(b.error.empty());
    CHECK(b.error_line > 0);
    return;
  }
  CHECK(b.error.empty());
  CHECK(a.written == b.written);
  CHECK(a.lines == b.lines);
}

// The same, for a file with one fault: the same message at the same line.
void check_same_error(const fs::path& file) {
  INFO(file.string());
  const Outcome a = whole(file);
  const Outcome b = streamed(file);
  CHECK_FALSE(a.error.empty());
  CHECK(a.error == b.error);
  CHECK(a.error_line == b.error_line);
}

fs::path write(const TempDir& dir, const std::string& name, const std::string& text) {
  const fs::path file = dir.path() / name;
  write_file_atomically(file, text);
  return file;
}

// A document of `units` units, each with a placeholder, a code and a translated target.
Document many_units(int units) {
  Document doc;
  doc.release = "big";
  doc.source_file = "workflow/big.md";
  doc.format = "md";
  doc.source_lang = "en";
  doc.target_lang = "fr";
  for (int i = 1; i <= units; ++i) {
    Unit unit;
    unit.id = "p-" + std::to_string(i);
    unit.position = i;
    Segment seg;
    seg.id = "s1";
    append_text(seg.source, "Sentence " + std::to_string(i) + " of a long release, called ");
    seg.source.emplace_back(
        Placeholder{"1", PlaceholderKind::phone, "+41227179468", "+41227179468", ""});
    append_text(seg.source, " & <read> ");
    seg.source.emplace_back(CodeStart{"2", "**", "strong"});
    append_text(seg.source, "this");
    seg.source.emplace_back(CodeEnd{"2", "**"});
    append_text(seg.source, ".");
    seg.target = seg.source;
    seg.state = SegmentState::translated;
    unit.segments.push_back(seg);
    doc.units.push_back(unit);
    doc.skeleton.push_back({"\n\n", ""});
    doc.skeleton.push_back({"", unit.id});
  }
  return doc;
}

}  // namespace

TEST_CASE("a streamed XLIFF 2 file reads as the whole file does: the conformance suite",
          "[xliff][stream]") {
  size_t files = 0;
  for (const auto& entry :
       fs::recursive_directory_iterator(source_dir() / "tests/data/xliff-suite")) {
    if (entry.is_regular_file() && entry.path().extension() == ".xlf") {
      check_same_reading(entry.path());
      ++files;
    }
  }
  CHECK(files > 200);
}

TEST_CASE("a streamed XLIFF 2 file reads as the whole file does: the sample's translations",
          "[xliff][stream]") {
  size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(source_dir() / "xliff")) {
    if (entry.is_regular_file() && entry.path().extension() == ".xlf") {
      check_same_reading(entry.path());
      ++files;
    }
  }
  CHECK(files >= 5);
}

TEST_CASE("a file of several pieces: units cut across pieces read whole", "[xliff][stream]") {
  TempDir dir;
  const Document doc = many_units(12000);
  const std::string text = write_xliff2(doc, {});
  REQUIRE(text.size() > (size_t{3} << 20));  // several of the reader's 1 MB pieces
  const fs::path file = write(dir, "big.xlf", text);
  check_same_reading(file);
  Document header;
  size_t units = 0;
  REQUIRE(stream_xliff2_file(file, header, [&](Unit&& unit) {
    ++units;
    CHECK(unit.id == "p-" + std::to_string(units));
  }));
  CHECK(units == 12000);
  CHECK(header.target_lang == "fr");
  CHECK(header.release == "big");
  CHECK(header.skeleton.size() == 24000);
}

TEST_CASE("streamed XLIFF: errors name the file and the line", "[xliff][stream]") {
  TempDir dir;
  const std::string head =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" "
      "trgLang=\"fr\">\n<file id=\"f1\">\n";
  const std::string unit =
      "<unit id=\"u1\"><segment id=\"s1\"><source>A.</source></segment></unit>\n";

  SECTION("a duplicate unit id, several lines down") {
    check_same_error(write(dir, "dup.xlf", head + unit + "\n\n" + unit + "</file>\n</xliff>\n"));
    CHECK(streamed(dir.path() / "dup.xlf").error_line == 7);
  }
  SECTION("malformed XML in the third unit") {
    const fs::path file =
        write(dir, "bad.xlf",
              head + unit + "<unit id=\"u2\"><segment id=\"s1\"><source>B</target>\n</segment>" +
                  "</unit></file></xliff>\n");
    const Outcome b = streamed(file);
    CHECK(b.error.rfind("malformed XML", 0) == 0);
    CHECK(b.error_line == 5);
  }
  SECTION("a DOCTYPE is refused") {
    const fs::path file = write(dir, "doctype.xlf",
                                "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY e \"x\">]>\n" +
                                    head.substr(head.find("<xliff")) + unit + "</file></xliff>\n");
    const Outcome b = streamed(file);
    CHECK(b.error.find("DOCTYPE") != std::string::npos);
    CHECK(b.error_line == 2);
    CHECK_FALSE(b.written);
  }
  SECTION("nesting deeper than any translation file") {
    std::string deep = head + "<unit id=\"u1\"><segment id=\"s1\"><source>";
    for (int i = 0; i < 300; ++i) {
      deep += "<mrk id=\"m" + std::to_string(i) + "\">";
    }
    const Outcome b = streamed(write(dir, "deep.xlf", deep));
    CHECK(b.error.find("nested more than 256") != std::string::npos);
    CHECK(b.error_line == 4);
  }
  SECTION("no <file>, two <file>s, no srcLang, another namespace") {
    check_same_error(write(dir, "nofile.xlf", head.substr(0, head.find("<file")) + "</xliff>\n"));
    check_same_error(write(dir, "twofiles.xlf",
                           head + unit + "</file>\n<file id=\"f2\">" + unit + "</file></xliff>\n"));
    std::string no_src = head;
    no_src.replace(no_src.find("srcLang=\"en\" "), 13, "");
    check_same_error(write(dir, "nosrc.xlf", no_src + unit + "</file></xliff>\n"));
    std::string other_ns = head;
    other_ns.replace(other_ns.find("document:2.0"), 12, "document:9.9");
    check_same_error(write(dir, "ns.xlf", other_ns + unit + "</file></xliff>\n"));
  }
  SECTION("units in groups, and elements of other tools around them") {
    check_same_reading(write(
        dir, "groups.xlf",
        head + "<notes><note>file note</note></notes>\n<group id=\"g\"><group id=\"g2\">" + unit +
            "</group></group>\n<x:other xmlns:x=\"urn:x\"><unit id=\"ignored\"/></x:other>\n" +
            "<unit id=\"u3\"/>\n</file>\n</xliff>\n"));
  }
}

TEST_CASE("an XLIFF 1.2 file is not streamed: it is read whole", "[xliff][stream]") {
  TempDir dir;
  Document doc = many_units(3);
  const fs::path file = write(dir, "old.xlf", write_xliff(doc, [] {
                                XliffWriteOptions options;
                                options.version = "1.2";
                                return options;
                              }()));
  Document header;
  CHECK_FALSE(stream_xliff2_file(file, header, [](Unit&&) { FAIL("a unit of a 1.2 file"); }));
  CHECK(header.source_lang.empty());
  CHECK(read_xliff_file(file, 0).units.size() == 3);
  check_same_reading(file);
}
