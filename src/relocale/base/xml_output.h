#pragma once

#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace relocale {

/// The document as every relocale file is written: UTF-8, indented by two spaces. Serialised
/// straight into the string that is returned (no stream buffer and copy in between: an XLIFF
/// file of a big release is several times the release's size).
std::string xml_to_string(const pugi::xml_document& xml);

/// Appends text with the characters for which `special(c)` holds escaped: &amp; &lt; &gt; &quot;,
/// and any other (a control character) as &#NN;, as pugixml does.
template <class Special>
void append_escaped_markup(std::string& out, std::string_view text, Special special) {
  size_t from = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!special(c)) {
      continue;
    }
    out.append(text.substr(from, i - from));
    from = i + 1;
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    default:  // a control character
      out += "&#";
      out += static_cast<char>('0' + c / 10);
      out += static_cast<char>('0' + c % 10);
      out += ';';
    }
  }
  out.append(text.substr(from));
}

/// Character data as pugixml writes it: &, < and > escaped, and control characters other than
/// tab, line feed and carriage return as &#NN;. For parts of a document written without a tree
/// (the units of an XLIFF file), byte for byte what the tree would have given.
void append_xml_text(std::string& out, std::string_view text);

/// ` name="value"` as pugixml writes an attribute: &, <, " and every control character escaped.
void append_xml_attribute(std::string& out, std::string_view name, std::string_view value);

}  // namespace relocale
