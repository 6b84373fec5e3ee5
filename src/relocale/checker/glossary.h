#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace relocale {

/// One term of the project glossary (locales/glossary.csv).
struct GlossaryTerm {
  std::string term;   // as written in the source language ("IOM", "António Vitorino")
  bool keep = false;  // do-not-translate: the target keeps the term as written
  /// Accepted target forms per language; the first is the preferred one. For a kept term, an
  /// entry gives extra accepted spellings (a transliteration); "-" exempts the language.
  std::map<std::string, std::vector<std::string>> targets;
  std::string note;
  int line = 0;  // line of its record in the CSV file
};

struct Glossary {
  std::vector<GlossaryTerm> terms;
  /// The terms that a segment made of them alone may leave untranslated (kept terms).
  std::vector<std::string> kept_terms() const;
};

/// Records of an RFC 4180 CSV text: comma-separated fields, fields in double quotes may hold
/// commas, line breaks and doubled quotes. CRLF or LF line ends. Each record with its line.
/// Throws Error at an unterminated quoted field or a stray quote.
struct CsvRecord {
  std::vector<std::string> fields;
  int line = 0;
};
std::vector<CsvRecord> read_csv(std::string_view text, const std::string& file_name);

/// Reads a glossary: a header `term,type,<lang>...,note` (type is `translate` or `keep`), then one
/// term a record; in a language column, several accepted forms are separated by `|`. Lines that
/// start with `#` are comments. Throws Error naming file and line for a bad header or type.
Glossary read_glossary(std::string_view text, const std::string& file_name);

/// Reads the file when it exists; an absent glossary is an empty one.
Glossary load_glossary(const std::filesystem::path& file);

/// True when `term` occurs in `text` as a whole word (not inside a longer word of letters or
/// digits). Case-sensitive: glossary terms are proper names and acronyms.
bool contains_term(std::string_view text, std::string_view term);

}  // namespace relocale
