#include "relocale/base/xml_output.h"

#include <sstream>

#include <catch2/catch.hpp>

using namespace relocale;

namespace {

// Every ASCII character but NUL (pugixml's strings end there; relocale refuses NUL on input),
// and some UTF-8.
std::string every_character() {
  std::string text;
  for (int c = 1; c < 128; ++c) {
    text += static_cast<char>(c);
  }
  return text + "\xC3\xA9\xE2\x80\x93\xF0\x9F\x93\xB0 \xD8\xB3";
}

std::string printed_by_pugixml(const pugi::xml_node& node) {
  std::ostringstream out;
  node.print(out, "  ", pugi::format_indent, pugi::encoding_utf8, 0);
  return out.str();
}

}  // namespace

TEST_CASE("text and attributes written without a tree are escaped as pugixml escapes them",
          "[xml]") {
  const std::string text = every_character();
  pugi::xml_document xml;
  auto element = xml.append_child("e");
  element.append_attribute("a") = text.c_str();
  element.append_child(pugi::node_pcdata).set_value(text.c_str());
  std::string ours = "<e";
  append_xml_attribute(ours, "a", text);
  ours += ">";
  append_xml_text(ours, text);
  ours += "</e>\n";
  CHECK(ours == printed_by_pugixml(element));
  // And the escapes read back as the text (in character data a parser reads \r as \n).
  pugi::xml_document back;
  REQUIRE(back.load_string(ours.c_str()));
  CHECK(std::string(back.child("e").attribute("a").value()) == text);
  std::string without_cr = text;
  without_cr[12] = '\n';  // character 13
  CHECK(std::string(back.child("e").text().get()) == without_cr);
}
