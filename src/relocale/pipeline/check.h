#pragma once

#include <optional>
#include <string>
#include <vector>

#include "relocale/base/error.h"
#include "relocale/checker/completeness.h"
#include "relocale/checker/reports.h"
#include "relocale/config/project_config.h"
#include "relocale/pipeline/pipeline.h"

namespace relocale {

struct CheckOptions {
  std::vector<std::string> releases;
  std::vector<std::string> langs;
  std::optional<Threshold> threshold;  // overrides the configuration for every language
  bool stale_source = true;            // compare with each release as extract reads it now
  ProgressCallback progress;           // releases done of total, if set
  unsigned threads = 0;  // releases checked at once (0: one per core); the same reports
  /// XLIFF 2 files of this size or more are read a unit at a time, never held whole (tests set
  /// 0 to read every file so); the same reports either way.
  uintmax_t stream_from_bytes = kStreamXliffBytes;
};

// LanguageReport and CheckResult are declared in relocale/checker/reports.h.

/// check: completeness against thresholds, and the quality checks on every translated segment
/// (relocale/checker/qa_checks.h), with the project's glossary (config.glossary_file, absent =
/// empty). Invalid XLIFF, an unreadable release or a bad glossary throw Error (exit 2); findings
/// never throw. Finding and report paths are relative to the working folder when inside it.
CheckResult run_check(const ProjectConfig& config, const CheckOptions& options);

}  // namespace relocale
