#pragma once

#include <cstdint>
#include <string>

#include "relocale/config/project_config.h"
#include "relocale/model/document.h"
#include "relocale/xliff/xliff_io.h"

namespace relocale {

/// How to pseudo-translate.
struct PseudoOptions {
  /// Extra length, as a share of the source's letters (0.3: 30 % longer, the usual allowance for
  /// English into German or French). Default 0.3.
  double expansion = 0.3;
};

/// A pseudo-translation of a segment's source: every ASCII letter replaced by an accented one,
/// padded with '~' to the expanded length and bracketed "[!! … !!]". Placeholders and codes are
/// kept, in their order, so layout and the whole build path can be tested.
Content pseudo_translate(const Content& source, const PseudoOptions& options);

/// Fills every segment that has no confirmed translation (no target, or a target in state
/// initial) with its pseudo-translation, in state initial: `build` renders it, `check` still
/// counts it as not translated. Segments translated by a person are left alone. Returns how many
/// segments were filled.
size_t pseudo_translate_document(Document& doc, const PseudoOptions& options);

/// pseudo_translate_document on a release's XLIFF file in a language, written again in its own
/// version (2.0 or 1.2) with values shown as they read in the language. A 2.0 file of
/// `stream_from_bytes` or more is read and written a unit at a time, never held whole; others
/// are read whole. Returns how many segments were filled.
size_t pseudo_translate_file(const ProjectConfig& config, const std::string& lang,
                             const std::string& release, const PseudoOptions& options,
                             uintmax_t stream_from_bytes = kStreamXliffBytes);

}  // namespace relocale
