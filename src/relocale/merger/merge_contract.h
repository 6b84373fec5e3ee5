#pragma once

#include <string>

#include "relocale/base/error.h"
#include "relocale/model/document.h"

namespace relocale {

/// What a returned XLIFF file must honour before its targets are merged into a build:
/// - every unit and segment id is one relocale exported for the current release (a unit that no
///   longer exists is listed, not published);
/// - every segment's source is the one extracted (otherwise the file is stale: run extract);
/// - every value placeholder of the source (canDelete="no") is in the target exactly once, no
///   placeholder is invented, and paired codes are balanced.
/// A segment whose target breaks the contract loses that target for this build (the release falls
/// back to the source there) and is reported with file, line and unit; nothing is dropped silently.
/// `current` is the release as extract reads it now; null skips the checks against it.
void enforce_merge_contract(Document& returned, const Document* current,
                            const std::string& xliff_file, Diagnostics& diagnostics);
/// The same for one unit of a file read a unit at a time, without `current` (a file that
/// describes the release: only its targets are judged).
void enforce_merge_contract(Unit& returned, const std::string& xliff_file,
                            Diagnostics& diagnostics);

/// What a CAT tool may drop when it rewrites a file (our <skeleton>, the values of placeholders
/// kept in our extension element) is restored from the current release, by unit and placeholder
/// id. Returns how many things were restored, so the caller can say so.
size_t restore_from_current(Document& returned, const Document& current);

}  // namespace relocale
