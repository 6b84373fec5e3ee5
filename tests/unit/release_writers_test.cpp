#include "relocale/writer/release_writers.h"

#include <random>
#include <vector>

#include <catch2/catch.hpp>

using namespace relocale;

namespace {

const char* kRelease =
    "---\ntitle: Floods in <bdi dir=\"ltr\">Geneva</bdi>\ndate: 2018-10-09\n---\n\n"
    "# Floods\n\nThe **agency** said [more](https://example.org/a) on 9 October.\n\n"
    "- one\n- two\n";

}  // namespace

TEST_CASE("one reading of a release gives its HTML page and its text", "[writer]") {
  const PageInfo page{"fr", false, "unused"};
  const ReleaseOutputs outputs(kRelease, "md");
  const std::string html = outputs.html(page);
  CHECK(html.find("<html lang=\"fr\" dir=\"ltr\">") != std::string::npos);
  CHECK(html.find("<title>Floods in Geneva</title>") != std::string::npos);
  CHECK(html.find("<meta name=\"date\" content=\"2018-10-09\">") != std::string::npos);
  CHECK(html.find("<h1>Floods in <bdi dir=\"ltr\">Geneva</bdi></h1>") != std::string::npos);
  CHECK(html.find("<strong>agency</strong>") != std::string::npos);
  CHECK(html.find("<li>two</li>") != std::string::npos);
  const std::string text = outputs.text();
  CHECK(text.find("The agency said more <https://example.org/a> on 9 October.") !=
        std::string::npos);
  CHECK(text.find("- one\n\n- two") != std::string::npos);
  // Either order, and the single-output functions, give the same pages.
  const ReleaseOutputs text_first(kRelease, "md");
  CHECK(text_first.text() == text);
  CHECK(text_first.html(page) == html);
  CHECK(write_html(kRelease, "md", page) == html);
  CHECK(write_text(kRelease, "md") == text);
}

TEST_CASE("HTML the release brought is escaped in the page and left out of the text", "[writer]") {
  const std::string release = "Water <span>levels</span> rose.\n";
  const PageInfo page{"en", false, "Floods"};
  const ReleaseOutputs outputs(release, "md");
  const std::string html = outputs.html(page);
  CHECK(html.find("&lt;span&gt;levels&lt;/span&gt;") != std::string::npos);
  CHECK(html.find("<title>Floods</title>") != std::string::npos);  // no front matter: the page's
  CHECK(outputs.text() == "Water levels rose.\n");
  CHECK(ReleaseOutputs(release, "md").text() == outputs.text());
}

TEST_CASE("a text release becomes one paragraph per line and stays as it is in text", "[writer]") {
  const std::string release = "First line & more.\nSecond line.\n";
  const ReleaseOutputs outputs(release, "txt");
  CHECK(outputs.html({"de", false, "T"})
            .find("<p>First line &amp; more.</p>\n<p>Second "
                  "line.</p>") != std::string::npos);
  CHECK(outputs.text() == release);
}

namespace {

// Markdown blocks of every kind that bears on where a release can be cut: lists tight and loose,
// fences and HTML blocks that a blank line does not close (closed or not), quotes, indented code,
// list items with more paragraphs, foreign HTML, and paragraphs that start with a digit.
const std::vector<std::string> kBlocks = {
    "The agency said *more* on [9 October](https://example.org/a), <bdi dir=\"ltr\">ILO</bdi>.\n",
    "# A heading\n",
    "- one\n- two\n",
    "- one\n\n- two\n",
    "1. first\n\n2. second\n",
    "2026 was a year.\n",
    "3) third\n",
    "```\ncode\n\nmore code\n```\n",
    "```\na fence never closed\n",
    "<div>\n\nhtml\n</div>\n",
    "<!-- a comment\n\nstill the comment -->\n",
    "<pre>\n\nx\n</pre>\n",
    "> quoted\nlazy line\n",
    "    indented code\n\n    more\n",
    "- item\n\n  its second paragraph\n",
    "Setext heading\n===\n",
    "***\n",
    "Water <span>levels</span> rose.\n",
    "\xC3\x89t\xC3\xA9 : une phrase.\n",
    "\"Quoted\" start, and (a parenthesis).\n",
    "A line\nand its soft break.\n",
    "Fence characters in a line: ``` and ~~~~~~ and <!-- and <pre>, opening nothing.\n",
    "~~~\ntilde fence\n\nstill code\n~~~\n",
    "> ```\nquoted code\n\nafter\n",
    "- ~~~\n  code in an item\n\n  more\n",
    "1. <!--\n\n   a comment in an item -->\n",
    "<script>\n\nvar x;\n</script>\n",
    "<style>\n\np {}\n</style>\n",
    "<textarea>\n\n</textarea>\n",
    "<?php\n\necho 1;\n?>\n",
    "<![CDATA[\n\nx\n]]>\n",
    "<!DOCTYPE html>\n",
    "A translation's lone CR\r~~~\n",
    "A CR\r\rthat ends lines.\n",
    "\tA tab-indented line.\n",
};

std::string random_release(std::mt19937& random, bool with_reference) {
  std::string release;
  const size_t blocks = 5 + random() % 40;
  for (size_t i = 0; i < blocks; ++i) {
    release += kBlocks[random() % kBlocks.size()];
    release += std::string(1 + random() % 3, '\n');
  }
  if (with_reference) {
    release += "[ref]: https://example.org/ref\n\nSee [the page][ref].\n";
  }
  return release;
}

}  // namespace

TEST_CASE("a big release's pages, made a piece at a time, are the pages made whole", "[writer]") {
  std::mt19937 random(20261130);
  const PageInfo page{"fr", false, "Title"};
  size_t cut = 0;
  for (int round = 0; round < 600; ++round) {
    std::string release = random_release(random, round % 10 == 9);
    if (round % 25 == 3) {
      release = "\xEF\xBB\xBF" + release;  // a byte-order mark, which cmark skips
    }
    const ReleaseOutputs whole(release, "md", release.size() + 1);
    const ReleaseOutputs pieces(release, "md", 1 + random() % 64);
    size_t html_pieces = 0;
    std::string html;
    pieces.write_html(page, [&](std::string_view piece) {
      html += piece;
      ++html_pieces;
    });
    INFO(release);
    CHECK(html == whole.html(page));
    CHECK(pieces.text() == whole.text());
    cut += html_pieces > 3 ? 1 : 0;  // the head, the body in one piece, the tail
  }
  CHECK(cut > 100);  // most releases were cut somewhere
  // A release long enough is cut at the default piece size too.
  std::string long_release;
  while (long_release.size() <= 2 * kMarkdownPieceBytes) {
    long_release += kBlocks[0] + "\n" + kBlocks[3] + "\n";
  }
  size_t pieces = 0;
  ReleaseOutputs(long_release, "md").write_html(page, [&](std::string_view) { ++pieces; });
  CHECK(pieces >= 4);  // the head, the body in two pieces or more, the tail
  const ReleaseOutputs long_whole(long_release, "md", long_release.size());
  CHECK(ReleaseOutputs(long_release, "md").html(page) == long_whole.html(page));
  CHECK(ReleaseOutputs(long_release, "md").text() == long_whole.text());
}
