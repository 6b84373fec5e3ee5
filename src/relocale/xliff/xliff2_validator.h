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

/// Light checks of an XLIFF 1.2 document (what its schema leaves out, plus the basics): root
/// <xliff version="1.2"> in the 1.2 namespace, <file> with original, source-language and datatype,
/// well-formed language codes, target-language when the file has targets, <trans-unit> ids
/// present and unique in their <file>, <source> first, state and yes/no values, <mrk mtype="seg">
/// mids unique in <seg-source> and known in <target>, <ept> matching a <bpt>. Same diagnostics
/// contract as validate_xliff2; malformed XML and DOCTYPEs are diagnostics.
Diagnostics validate_xliff12(std::string_view text, const std::string& file_name);

}  // namespace relocale
