#pragma once

#include <string>

#include <pugixml.hpp>

namespace relocale {

/// The document as every relocale file is written: UTF-8, indented by two spaces. Serialised
/// straight into the string that is returned (no stream buffer and copy in between: an XLIFF
/// file of a big release is several times the release's size).
std::string xml_to_string(const pugi::xml_document& xml);

/// Appends an element as it would be written inside a document at the given depth (its
/// indentation), so that a big document can be written one part at a time.
void append_xml(std::string& out, const pugi::xml_node& node, unsigned depth);

}  // namespace relocale
