#include "relocale/checker/glossary.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "relocale/base/error.h"
#include "relocale/base/files.h"
#include "relocale/base/i18n.h"

namespace relocale {

namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) {
    return "";
  }
  const auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> split_alternatives(const std::string& cell) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= cell.size()) {
    const auto bar = cell.find('|', start);
    const std::string part =
        trim(cell.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
    if (!part.empty()) {
      out.push_back(part);
    }
    if (bar == std::string::npos) {
      break;
    }
    start = bar + 1;
  }
  return out;
}

// A letter or digit in any script: a term must not be glued to one.
bool is_word_char_before(std::string_view text, size_t offset) {
  if (offset == 0) {
    return false;
  }
  int32_t i = static_cast<int32_t>(offset);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, i, c);
  return c >= 0 && u_isalnum(c);
}

bool is_word_char_at(std::string_view text, size_t offset) {
  if (offset >= text.size()) {
    return false;
  }
  int32_t i = static_cast<int32_t>(offset);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
  return c >= 0 && u_isalnum(c);
}

}  // namespace

std::vector<std::string> Glossary::kept_terms() const {
  std::vector<std::string> out;
  for (const auto& t : terms) {
    if (t.keep) {
      out.push_back(t.term);
    }
  }
  return out;
}

std::vector<CsvRecord> read_csv(std::string_view text, const std::string& file_name) {
  std::vector<CsvRecord> records;
  CsvRecord record;
  std::string field;
  int line = 1;
  record.line = 1;
  bool in_quotes = false;
  bool field_was_quoted = false;
  bool any = false;  // the current record has content
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') {
          ++line;
        }
        field += c;
      }
      continue;
    }
    if (c == '"') {
      if (!field.empty() || field_was_quoted) {
        throw Error(Location{file_name, line}, tr("a double quote inside an unquoted field; quote "
                                                  "the whole field and double the quote"));
      }
      in_quotes = true;
      field_was_quoted = true;
      any = true;
    } else if (c == ',') {
      record.fields.push_back(std::move(field));
      field.clear();
      field_was_quoted = false;
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
      if (any || !field.empty()) {
        record.fields.push_back(std::move(field));
        records.push_back(std::move(record));
      }
      record = CsvRecord{};
      field.clear();
      field_was_quoted = false;
      any = false;
      ++line;
      record.line = line;
    } else {
      if (field_was_quoted) {
        throw Error(Location{file_name, line},
                    tr("text after the closing quote of a field; expected a comma"));
      }
      field += c;
      any = true;
    }
  }
  if (in_quotes) {
    throw Error(Location{file_name, record.line}, tr("a quoted field is never closed"));
  }
  if (any || !field.empty()) {
    record.fields.push_back(std::move(field));
    records.push_back(std::move(record));
  }
  return records;
}

Glossary read_glossary(std::string_view text, const std::string& file_name) {
  Glossary glossary;
  auto records = read_csv(text, file_name);
  std::vector<CsvRecord> rows;
  for (auto& r : records) {
    if (!r.fields.empty() && !r.fields[0].empty() && r.fields[0][0] == '#') {
      continue;
    }
    rows.push_back(std::move(r));
  }
  if (rows.empty()) {
    return glossary;
  }
  const auto& header = rows[0].fields;
  if (header.size() < 2 || trim(header[0]) != "term" || trim(header[1]) != "type") {
    throw Error(Location{file_name, rows[0].line},
                tr("the glossary's first line must be the header \"term,type,<lang>...,note\""));
  }
  for (size_t r = 1; r < rows.size(); ++r) {
    const auto& f = rows[r].fields;
    GlossaryTerm term;
    term.line = rows[r].line;
    term.term = trim(f[0]);
    if (term.term.empty()) {
      continue;
    }
    const std::string type = f.size() > 1 ? trim(f[1]) : "";
    if (type == "keep") {
      term.keep = true;
    } else if (type != "translate") {
      throw Error(Location{file_name, term.line},
                  subst(tr("term \"{1}\": type \"{2}\" is neither \"translate\" nor \"keep\""),
                        {term.term, type}));
    }
    for (size_t c = 2; c < header.size() && c < f.size(); ++c) {
      const std::string column = trim(header[c]);
      if (column == "note") {
        term.note = trim(f[c]);
        continue;
      }
      auto forms = split_alternatives(f[c]);
      if (!forms.empty()) {
        term.targets[column] = std::move(forms);
      }
    }
    glossary.terms.push_back(std::move(term));
  }
  return glossary;
}

Glossary load_glossary(const std::filesystem::path& file) {
  if (!std::filesystem::exists(file)) {
    return {};
  }
  const std::string text = read_file(file);
  check_utf8_text(text, file.string(), true);
  std::string_view view = text;
  if (view.substr(0, 3) == "\xEF\xBB\xBF") {
    view.remove_prefix(3);  // spreadsheets save CSV with a byte-order mark
  }
  return read_glossary(view, file.string());
}

bool contains_term(std::string_view text, std::string_view term) {
  if (term.empty()) {
    return false;
  }
  for (size_t at = text.find(term); at != std::string_view::npos; at = text.find(term, at + 1)) {
    if (!is_word_char_before(text, at) && !is_word_char_at(text, at + term.size())) {
      return true;
    }
  }
  return false;
}

}  // namespace relocale
