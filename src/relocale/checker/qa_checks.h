#pragma once

#include <optional>
#include <string>
#include <unordered_set>
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

/// stale-source a unit at a time: whether each unit's source is still what extract makes of the
/// release (`current`), then, when none changed, whether the release has units the file lacks.
/// Part of QaRun; on its own for a file read again once it is known to be stale.
class StaleSourceCheck {
 public:
  StaleSourceCheck(const Document& current, std::string xliff_file);
  void check_unit(const Unit& unit);
  /// The findings, after the last unit.
  void finish(Diagnostics& out) const;

 private:
  const Document& current_;
  UnitIndex units_now_;  // its own: `current` may be read by other languages' threads
  std::string xliff_file_;
  std::unordered_set<std::string> units_seen_;
  Diagnostics stale_;
};

/// run_qa_checks a unit at a time, for a file read a part at a time (stream_xliff2_file):
/// check_unit() for each unit in the file's order, then finish(), append the same findings in
/// the same order as run_qa_checks on the whole file. input.doc gives the file's languages; its
/// units are not looked at.
class QaRun {
 public:
  explicit QaRun(const QaInput& input);
  void check_unit(const Unit& unit, Diagnostics& out);
  /// stale-source's findings, which come after every other.
  void finish(Diagnostics& out) const;

 private:
  QaInput input_;
  std::string source_lang_;  // base languages: "fr" for "fr-CA"
  std::string target_lang_;
  std::optional<StaleSourceCheck> stale_;
};

/// Plain-text numbers in text (not placeholders), parsed as values with ICU in the language's
/// conventions: "1 250 000" (fr), "1,250,000" (en) and "1.250.000" (de) all give 1250000.
std::vector<double> plain_text_numbers(const std::string& text, const std::string& lang);

}  // namespace relocale
