#pragma once

#include <string>
#include <string_view>

#include "relocale/base/error.h"

namespace relocale {

/// Checks an XLIFF 2.x document against the XLIFF 2.0 processing requirements (and XSD-level
/// structure the suite needs).
/// Never throws for invalid XLIFF: each violation is a Diagnostic{check_id (stable key, e.g.
/// "xliff-id-not-unique"), Severity::error, Location{file, line, column}, message (through tr())}.
/// Malformed XML and DOCTYPEs are also reported as diagnostics (DOCTYPE refused: no entity
/// expansion). Covers the core and the modules mtc, gls, fs, mda, res, slr, val and ctr; see
/// docs/validation.md for the list of checks and what the OASIS test suite measures.
Diagnostics validate_xliff2(std::string_view text, const std::string& file_name);

}  // namespace relocale
