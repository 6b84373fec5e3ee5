#pragma once

#include <string>
#include <vector>

#include "relocale/base/error.h"
#include "relocale/checker/glossary.h"
#include "relocale/model/document.h"

namespace relocale {

/// One quality check: its stable id (used in reports and in `relocale-ignore:` notes), the
/// severity of its findings, and a one-line description (English, translated on display).
struct QaCheckInfo {
  const char* id;
  Severity severity;
  const char* description;
};

/// Every check, in the order they run: the one table docs/checks.md documents.
const std::vector<QaCheckInfo>& qa_check_table();

/// What the checks of one XLIFF file need.
struct QaInput {
  const Document* doc = nullptr;       // the XLIFF file as read (targets, lines, notes)
  std::string xliff_file;              // path shown in findings
  const Glossary* glossary = nullptr;  // may be null: no glossary check
  /// The release as `extract` makes it today, for stale-source; null skips that check.
  const Document* current_source = nullptr;
};

/// Runs every check on every segment that has a target (stale-source on every unit) and appends
/// the findings, each at {xliff file, segment line, 0, unit id}. Findings silenced by a unit note
/// `relocale-ignore: <check-id>` or `relocale-ignore: <check-id> <segment-id>` are dropped.
void run_qa_checks(const QaInput& input, Diagnostics& out);

/// Plain-text numbers in text (not placeholders), parsed as values with ICU in the language's
/// conventions: "1 250 000" (fr), "1,250,000" (en) and "1.250.000" (de) all give 1250000.
std::vector<double> plain_text_numbers(const std::string& text, const std::string& lang);

}  // namespace relocale
