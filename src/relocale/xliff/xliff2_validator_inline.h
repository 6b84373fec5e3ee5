#pragma once

// Internal to the XLIFF 2 validator: inline content (ph, pc, sc/ec, mrk, sm/em, cp) of a unit.

#include <set>
#include <string>

#include <pugixml.hpp>

#include "relocale/xliff/xliff2_validator_context.h"

namespace relocale::xliff2_validation {

/// Checks every inline element in the unit's sources and targets and the rules that span the
/// unit: pairing of sc/ec and sm/em, dataRef targets, copyOf, subFlows (against unit_ids, the
/// ids of the units of the same file), canReorder sequences and codes that cannot be deleted.
void check_unit_inline(Context& ctx, pugi::xml_node unit, const std::set<std::string>& unit_ids);
/// Checks a <source>/<target> outside a unit's segments (as in a module's <match>): the
/// element-level rules only, dataRef against original_data (may be empty).
void check_content_elements(Context& ctx, pugi::xml_node content, pugi::xml_node original_data);
/// <cp hex="..."/>: a hexadecimal code point that XML cannot carry as a character.
void check_cp(Context& ctx, pugi::xml_node cp);
/// A "prefix:value" user-defined value (subType, subState).
void check_user_defined_value(Context& ctx, pugi::xml_node element, const char* name,
                              const std::string& value);

}  // namespace relocale::xliff2_validation
