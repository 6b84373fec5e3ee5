#pragma once

// Internal to the XLIFF 2 validator (xliff2_validator*.cpp): the state one validation shares.

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "relocale/base/error.h"

namespace relocale::xliff2_validation {

inline constexpr const char* kCoreNs = "urn:oasis:names:tc:xliff:document:2.0";
inline constexpr const char* kXmlNs = "http://www.w3.org/XML/1998/namespace";
inline constexpr const char* kMtcNs = "urn:oasis:names:tc:xliff:matches:2.0";
inline constexpr const char* kGlsNs = "urn:oasis:names:tc:xliff:glossary:2.0";
inline constexpr const char* kFsNs = "urn:oasis:names:tc:xliff:fs:2.0";
inline constexpr const char* kMdaNs = "urn:oasis:names:tc:xliff:metadata:2.0";
inline constexpr const char* kResNs = "urn:oasis:names:tc:xliff:resourcedata:2.0";
inline constexpr const char* kSlrNs = "urn:oasis:names:tc:xliff:sizerestriction:2.0";
inline constexpr const char* kValNs = "urn:oasis:names:tc:xliff:validation:2.0";
inline constexpr const char* kCtrNs = "urn:oasis:names:tc:xliff:changetracking:2.0";
inline constexpr const char* kItsNs = "http://www.w3.org/2005/11/its";
inline constexpr const char* kItsmNs = "urn:oasis:names:tc:xliff:itsm:2.1";

/// True for the namespaces of the modules the validator knows (their elements and attributes
/// are checked against the module's definition instead of being treated as extensions).
bool is_module_ns(const std::string& ns);

/// The state of one validation: the parsed text, the diagnostics and the document's languages.
class Context {
 public:
  Context(std::string_view text, const std::string& file_name, Diagnostics& out)
      : text_(text), file_name_(file_name), out_(out) {}

  /// Adds an error located at node (an element or text node).
  void error(pugi::xml_node node, const char* check_id, const std::string& message);
  void error_at(size_t offset, const char* check_id, const std::string& message);

  /// The namespace URI bound to prefix at node ("" for the empty prefix without default).
  std::string resolve(pugi::xml_node node, std::string_view prefix) const;
  /// The element's namespace URI and local name.
  std::string ns(pugi::xml_node element) const;
  static std::string local(const char* qname);
  /// An attribute's namespace ("" for unprefixed attributes); namespace declarations give
  /// "xmlns".
  std::string attr_ns(pugi::xml_node element, pugi::xml_attribute a) const;
  bool is(pugi::xml_node element, const char* ns_uri, const char* local_name) const;
  bool is_core(pugi::xml_node element) const { return ns(element) == kCoreNs; }
  /// The attribute `local_name` of element in namespace ns_uri (xml:lang, fs:fs...).
  pugi::xml_attribute ns_attr(pugi::xml_node element, const char* ns_uri,
                              const char* local_name) const;

  std::string src_lang;
  std::string trg_lang;
  bool has_slr_profiles = false;

 private:
  std::string_view text_;
  const std::string& file_name_;
  Diagnostics& out_;
};

/// Parses text for validation (parse_default | parse_ws_pcdata, DOCTYPE detected and refused).
/// Reports malformed XML or a DOCTYPE through ctx and returns false.
bool load_for_validation(pugi::xml_document& doc, std::string_view text, Context& ctx);

/// An XML NMTOKEN (letters, digits, '.', '-', '_', ':', combining marks...).
bool is_nmtoken(std::string_view s);
/// A well-formed BCP 47 language tag (RFC 5646 syntax).
bool is_language_tag(std::string_view s);
bool is_non_negative_integer(std::string_view s);
/// The element children of node, in order.
std::vector<pugi::xml_node> element_children(pugi::xml_node node);
/// True when node has a text (or CDATA) child that is not only white space.
bool has_text(pugi::xml_node node);
std::string in_quotes(std::string_view s);

/// A parsed fragment identifier ("#/f=f1/u=u1/n=n1"): selectors as (prefix, id), prefix empty
/// for a bare id. Returns false and an explanation when the syntax breaks the spec's rules.
struct FragmentSelector {
  std::string prefix;
  std::string id;
};
bool parse_fragment_id(std::string_view ref, std::vector<FragmentSelector>& selectors,
                       std::string& why);

/// Module checks (xliff2_validator_modules.cpp). Each reports through ctx.
/// Checks a module or extension element met where core allows "other" elements.
void check_module_element(Context& ctx, pugi::xml_node element);
/// Checks the module attributes (fs, slr, its) of a core element.
void check_module_attributes(Context& ctx, pugi::xml_node element);

}  // namespace relocale::xliff2_validation
