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

// The whole reading and the streamed one (which may hand the file back to be read whole) give
// the same document with the same lines, or the same error at the same line.
void check_same_reading(const fs::path& file) {
  INFO(file.string());
  const Outcome a = whole(file);
  const Outcome b = streamed(file);
  CHECK(a.error == b.error);
  CHECK(a.error_line == b.error_line);
  CHECK(a.written == b.written);
  CHECK(a.lines == b.lines);
}

// Whether the file is read a part at a time to its end (true) or handed back to be read whole.
bool streams_to_the_end(const fs::path& file) {
  Document header;
  return stream_xliff2_file(file, header, [](Unit&&) {});
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

TEST_CASE("streamed XLIFF: what it cannot read as the whole reading does, it hands back",
          "[xliff][stream]") {
  TempDir dir;
  const std::string decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  const std::string root =
      "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" "
      "trgLang=\"fr\">\n<file id=\"f1\">\n";
  const std::string head = decl + root;
  const std::string tail = "</file>\n</xliff>\n";
  auto unit = [](const std::string& id, const std::string& target) {
    return "<unit id=\"" + id + "\"><segment id=\"s1\"><source>A.</source><target>" + target +
           "</target></segment></unit>\n";
  };
  const std::string skeleton =
      "<skeleton><rl:skeleton xmlns:rl=\"urn:relocale:xliff:1\" release=\"r\">"
      "<rl:text>x</rl:text><rl:unit ref=\"u1\"/><rl:text>\n\n</rl:text><rl:unit ref=\"u2\"/>"
      "</rl:skeleton></skeleton>\n";
  int n = 0;
  // Each file: the same outcome both ways, and whether it was read a part at a time.
  auto same = [&](const std::string& text, bool streamed_to_the_end) {
    const fs::path file = write(dir, "f" + std::to_string(++n) + ".xlf", text);
    check_same_reading(file);
    CHECK(streams_to_the_end(file) == streamed_to_the_end);
  };

  SECTION("files read a part at a time") {
    same(head + unit("u1", "B.") + "\n\n" + unit("u2", "C.") + tail, true);
    same(head + skeleton + unit("u1", "B.") + unit("u2", "C.") + tail, true);
    // Lines are counted at "\n" alone, as the whole reading counts them; expat counts a lone CR.
    same(head + unit("u1", "a\rb") + "\n\n" + unit("u2", "C.\r\nD.") + tail, true);
    same("\xEF\xBB\xBF" + head + "<unit id=\"u1\"/>\r\n" + unit("u2", "C.") + tail, true);
    same(head + "<group id=\"g\"><group id=\"g2\">" + unit("u1", "B.") +
             "</group></group>\n<x:other xmlns:x=\"urn:x\"><unit id=\"no\"/></x:other>\n" +
             "<notes><note>n</note></notes><unit id=\"u3\"/>\n" + tail,
         true);
  }
  SECTION("errors: the whole reading's message and place") {
    same(head + unit("u1", "B.") + "\n\n" + unit("u1", "C.") + tail, false);  // duplicate id
    same(head + unit("u1", "B.") + "<unit id=\"u2\"><segment id=\"s1\"><source>B</target>\n" +
             "</segment></unit>" + tail,
         false);  // malformed
    same(head + unit("u1", "B.") + "<unit id=\"u2\"><segment id=\"s1\"><source>", false);  // cut
    same(decl + "<!DOCTYPE xliff\n  SYSTEM \"x.dtd\">\n" + root + unit("u1", "B.") + tail, false);
    same(decl + "  <!DOCTYPE xliff [<!ENTITY e \"x\">]>\n" + root + unit("u1", "&e;") + tail,
         false);
    same(decl + root.substr(0, root.find("<file")) + "</xliff>\n", false);  // no <file>
    same(head + unit("u1", "B.") + "</file>\n<file id=\"f2\">" + unit("u2", "C.") + tail, false);
    std::string no_src = head;
    no_src.replace(no_src.find("srcLang=\"en\" "), 13, "");
    same(no_src + unit("u1", "B.") + tail, false);
    std::string other_ns = head;
    other_ns.replace(other_ns.find("document:2.0"), 12, "document:9.9");
    same(other_ns + unit("u1", "B.") + tail, false);
    // Two faults: the one the whole reading meets first.
    same(head + unit("u1", "B.") + unit("u1", "C.") + "</file>\n<file id=\"f2\">" + tail, false);
    same(head + unit("u1", "B.") + unit("u1", "C.") + "<unit id=\"u3\"><segment>", false);
  }
  SECTION("bytes and XML that expat refuses: read whole, as before") {
    same(head + unit("u1", "a\vb") + tail, false);             // a control character
    same(head + unit("u1", "a&#1;b") + tail, false);           // a reference to one
    same(head + unit("u1", "a&nbsp;b") + tail, false);         // an undeclared entity
    same(head + unit("u1", "a & b") + tail, false);            // a bare ampersand
    same(head + "<unit id=\"u1\" id=\"u2\"/>" + tail, false);  // an attribute twice
    same(head + unit("u1", "B.") + tail + "junk\n", false);    // text after the root
    same(head + unit("u1", "caf\xE9") + tail, false);          // Latin-1, not UTF-8
    same(head + unit("u1", std::string("a\0b", 3)) + tail, false);
    std::string utf16 = "\xFF\xFE";
    for (char c : head + unit("u1", "B.") + tail) {
      utf16 += c;
      utf16 += '\0';
    }
    same(utf16, false);
  }
  SECTION("nesting close to the limit: the whole reading decides") {
    // 251 levels of <pc> in <source> put the text at depth 257: refused whole, and so streamed.
    std::string deep = head + "<unit id=\"u1\"><segment id=\"s1\"><source>";
    for (int i = 0; i < 251; ++i) {
      deep += "<pc id=\"p" + std::to_string(i) + "\">";
    }
    deep += "x";
    for (int i = 0; i < 251; ++i) {
      deep += "</pc>";
    }
    same(deep + "</source></segment></unit>\n" + tail, false);
    std::string deeper = head + "<unit id=\"u1\"><segment id=\"s1\"><source>";
    for (int i = 0; i < 300; ++i) {
      deeper += "<mrk id=\"m" + std::to_string(i) + "\">";
    }
    same(deeper, false);
  }
  SECTION("a skeleton after the units, or in two pieces around them") {
    std::string renamed = unit("u1", "B.") + unit("x2", "C.");
    same(head + renamed + skeleton + tail, false);
    const std::string first_half =
        "<skeleton><rl:skeleton xmlns:rl=\"urn:relocale:xliff:1\"><rl:unit ref=\"u1\"/>"
        "</rl:skeleton></skeleton>\n";
    const std::string second_half =
        "<skeleton><rl:skeleton xmlns:rl=\"urn:relocale:xliff:1\"><rl:unit ref=\"u2\"/>"
        "</rl:skeleton></skeleton>\n";
    same(head + first_half + unit("u1", "B.") + second_half + unit("u2", "C.") + tail, false);
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
