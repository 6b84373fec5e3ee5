#include "relocale/xliff/po_exchange.h"

#include <filesystem>

#include <catch2/catch.hpp>

#include "relocale/base/files.h"

using namespace relocale;

namespace {

Content sample_source() {
  Content c;
  append_text(c, "Call {us} on ");
  c.emplace_back(Placeholder{"1", PlaceholderKind::date, "2018-10-08", "8 Oct", "dMMM"});
  append_text(c, " at ");
  c.emplace_back(CodeStart{"2", "**", "strong"});
  c.emplace_back(Placeholder{"3", PlaceholderKind::phone, "+41227179468", "022 717 94 68", ""});
  c.emplace_back(CodeEnd{"2", "**"});
  append_text(c, ".");
  return c;
}

Document sample_document() {
  Document doc;
  doc.release = "r";
  doc.source_file = "workflow/r.md";
  doc.source_lang = "en";
  doc.target_lang = "fr";
  Unit unit;
  unit.id = "p-1";
  unit.position = 2;
  Segment a;
  a.id = "s1";
  a.source = sample_source();
  Segment b;
  b.id = "s2";
  append_text(b.source, "Done.");
  b.target = Content{};
  append_text(*b.target, "Fait.");
  b.state = SegmentState::reviewed;
  unit.segments = {a, b};
  doc.units.push_back(unit);
  return doc;
}

std::filesystem::path temp_po(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / ("relocale-test-" + name + ".po");
  write_file_atomically(path, text);
  return path;
}

void replace(std::string& text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("placeholders and codes become visible tokens and are read back", "[po]") {
  const Content source = sample_source();
  const std::string tokens = po_tokens_of(source);
  CHECK(tokens == "Call {{us}} on {1:date} at {2>{3:phone}<2}.");
  std::vector<std::string> problems;
  const Content back = content_from_po(tokens, source, problems);
  CHECK(problems.empty());
  CHECK(back == source);
}

TEST_CASE("lost, duplicated and invented tokens are each reported", "[po]") {
  const Content source = sample_source();
  std::vector<std::string> problems;
  content_from_po("Appelez le {1:date} {1:date} {2>{9:phone}<2}.", source, problems);
  REQUIRE(problems.size() == 3);
  CHECK(problems[0] == "token {9:phone} is not in the source (invented)");
  CHECK(problems[1] == "token {1:date} appears 2 times (duplicated)");
  CHECK(problems[2] == "token {3:phone} is missing (lost)");
}

TEST_CASE("a PO file written by libgettextpo is merged back into the document", "[po]") {
  Document doc = sample_document();
  std::string po = write_po(doc);
  CHECK(po.find("msgctxt \"p-1/s1\"") != std::string::npos);
  CHECK(po.find("msgid \"Call {{us}} on {1:date} at {2>{3:phone}<2}.\"") != std::string::npos);
  CHECK(po.find("#. {1:date} = 2018-10-08") != std::string::npos);
  CHECK(po.find("Language: fr") != std::string::npos);
  replace(po, "msgstr \"\"\n\n", "msgstr \"Appelez le {1:date} au {2>{3:phone}<2}.\"\n\n");
  const auto path = temp_po("merge", po);
  Diagnostics diagnostics;
  CHECK(merge_po(doc, path, diagnostics) == 1);
  std::filesystem::remove(path);
  CHECK(diagnostics.items().empty());
  const auto& s1 = doc.units[0].segments[0];
  REQUIRE(s1.target.has_value());
  CHECK(s1.state == SegmentState::translated);
  CHECK(source_form(*s1.target) == "Appelez le 8 Oct au **022 717 94 68**.");
  // The reviewed segment came back unchanged and stays reviewed.
  CHECK(doc.units[0].segments[1].state == SegmentState::reviewed);
}

TEST_CASE("a PO message with a lost token or an unknown id is refused, not merged", "[po]") {
  Document doc = sample_document();
  std::string po = write_po(doc);
  replace(po, "msgstr \"\"\n\n", "msgstr \"Appelez le {1:date}.\"\n\n");
  replace(po, "msgctxt \"p-1/s2\"", "msgctxt \"p-9/s2\"");
  const auto path = temp_po("refuse", po);
  Diagnostics diagnostics;
  CHECK(merge_po(doc, path, diagnostics) == 0);
  std::filesystem::remove(path);
  CHECK_FALSE(doc.units[0].segments[0].target.has_value());
  REQUIRE(diagnostics.items().size() == 4);
  CHECK(diagnostics.items()[0].check_id == "po-token");
  CHECK(diagnostics.items()[0].where.unit_id == "p-1/s1");
  CHECK(diagnostics.items()[3].check_id == "po-unknown-id");
}
