#pragma once

#include <optional>
#include <string>
#include <vector>

#include "relocale/base/error.h"
#include "relocale/checker/completeness.h"
#include "relocale/config/project_config.h"

namespace relocale {

struct CheckOptions {
  std::vector<std::string> releases;
  std::vector<std::string> langs;
  std::optional<Threshold> threshold;  // overrides the configuration for every language
};

/// One release in one language: its counts, the threshold it is held to, and the verdict.
struct LanguageReport {
  std::string release;
  std::string lang;
  std::string xliff_file;
  Completeness completeness;
  Threshold threshold;
  bool meets_threshold = false;
  size_t errors = 0;  // QA findings of severity error in this file
  size_t warnings = 0;
};

struct CheckResult {
  std::vector<LanguageReport> reports;
  Diagnostics diagnostics;  // QA findings, with file, line and unit
  bool passed() const;
};

/// check: completeness against thresholds, and the quality checks on every translated segment.
/// Invalid XLIFF throws Error (exit 2); findings never throw.
CheckResult run_check(const ProjectConfig& config, const CheckOptions& options);

}  // namespace relocale
