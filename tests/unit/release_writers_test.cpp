#include "relocale/writer/release_writers.h"

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
