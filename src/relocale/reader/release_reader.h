#pragma once

#include <string>
#include <string_view>

#include "relocale/model/document.h"

namespace relocale {

/// Reads a release (Markdown with cmark, or plain text) into a Document whose units each hold one
/// segment with the whole block (segmentation comes later), and a skeleton that rebuilds the file
/// byte for byte. Front matter (`---` lines around `key: value` lines) gives the title, which is a
/// translatable unit, and the date. format is "md" or "txt" (from the file's extension when empty).
/// Throws Error on text that is not clean UTF-8 (naming the byte offset, line and column).
Document read_release(std::string_view text, const std::string& file_name,
                      const std::string& format = "");

/// "md" for .md/.markdown, else "txt".
std::string release_format_of(const std::string& file_name);

}  // namespace relocale
