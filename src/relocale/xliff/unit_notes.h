#pragma once

#include <string>

#include "relocale/model/document.h"

namespace relocale {

/// The note that tells translators where a unit stands: "paragraph 3 of release "x"" (translated).
std::string unit_context_note(const Document& doc, const Unit& unit);

/// The note that lists a unit's placeholders with their kind and value: "{1} date = 2018-10-08".
/// Line breaks are left out. Empty when the unit has none.
std::string placeholder_note(const Unit& unit);

}  // namespace relocale
