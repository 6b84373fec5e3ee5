#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "relocale/memory/translation_memory.h"

namespace relocale {

/// Writes the entries whose source language is `source_lang` (without regard to case) as TMX 1.4b,
/// one <tu> per entry in the memory's order; with source_lang "*all*", every entry, each <tu>
/// naming its own srclang.
///
/// Inline elements use TMX's own: a placeholder is <ph x="N" type="rl:<kind>"> with its source
/// text as content; paired codes are <bpt i="N" x="N" type="rl:<kind>"> and <ept i="N"> with
/// their original markup as content (<it> when a code's other half is not in the segment). N is
/// the element's id when that is a number; x pairs an element in the source with the same one in
/// the target. What TMX has no place for is kept in <prop> elements that other tools ignore:
/// per <tu> "x-relocale-state" and "x-relocale-origin"; per <tuv>
/// "x-relocale-canonical-N" and "x-relocale-format-N" (a placeholder's value), and
/// "x-relocale-id-N" (an id that is not N). `changed` becomes the changedate attribute.
/// The output is byte-stable: the same memory always gives the same bytes.
std::string write_tmx(const TranslationMemory& memory, const std::string& source_lang);

/// Reads TMX (1.4b, and 1.1-1.4 files that use the same elements) into a memory: one entry per
/// target <tuv> of each <tu>. Entries without relocale's props get state translated. A DOCTYPE is
/// refused. Throws Error "file:line:col: message" on malformed XML or a missing element.
/// write_tmx(read_tmx(write_tmx(m))) == write_tmx(m).
TranslationMemory read_tmx(std::string_view text, const std::string& file_name);

/// Loads the project's memory from `path`; an empty memory when the file does not exist.
TranslationMemory load_memory(const std::filesystem::path& path);
/// Saves the memory to `path` as TMX (see write_tmx), atomically (write_file_atomically).
void save_memory(const TranslationMemory& memory, const std::filesystem::path& path,
                 const std::string& source_lang);

}  // namespace relocale
