#pragma once

#include <optional>
#include <string>
#include <vector>

#include "relocale/base/error.h"
#include "relocale/checker/completeness.h"
#include "relocale/config/project_config.h"

namespace relocale {

/// One release in one language: its counts, the threshold it is held to, and the verdict.
struct LanguageReport {
  std::string release;
  std::string lang;
  std::string xliff_file;  // as shown in findings (relative to the working folder when inside it)
  Completeness completeness;
  Threshold threshold;
  bool meets_threshold = false;
  size_t errors = 0;  // QA findings of severity error in this file
  size_t warnings = 0;
};

/// What `relocale check` found: a report per release and language, and the QA findings.
struct CheckResult {
  std::vector<LanguageReport> reports;
  Diagnostics diagnostics;  // QA findings, with file, line and unit
  bool passed() const;
};

/// The report formats of `relocale check --format`.
enum class ReportFormat { table, json, junit, github, html };
/// "table", "json", "junit", "github", "html"; nullopt for anything else.
std::optional<ReportFormat> report_format_from_key(const std::string& key);
const char* report_format_key(ReportFormat format);

/// A report in a format. `colour` only affects the table (ANSI colours for a terminal).
std::string format_report(const CheckResult& result, ReportFormat format, bool colour = false);

/// Terminal table: one line per release and language with counts, percentage, threshold and
/// verdict, then the findings as "file:line: severity: [check-id] message".
std::string format_table(const CheckResult& result, bool colour);
/// JSON: {"passed", "languages": [...], "findings": [...]}; keys are English, only the
/// "message" fields are translated.
std::string format_json(const CheckResult& result);
/// JUnit XML: a <testsuite> per release and language with a <testcase> for completeness and one
/// per finding (a <failure> for errors, <system-out> for warnings), written with pugixml.
std::string format_junit(const CheckResult& result);
/// GitHub Actions workflow commands: "::error file=F,line=L,title=ID::message", one a line.
std::string format_github(const CheckResult& result);
/// One HTML page for editors: a completeness bar per release and language, then the findings.
std::string format_html(const CheckResult& result);

}  // namespace relocale
