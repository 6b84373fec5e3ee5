#pragma once

namespace relocale::cli {
/// Exit codes, documented in the README and in `relocale --help`.
constexpr int kSuccess = 0;
constexpr int kChecksFailed = 1;       // check: below a threshold or a QA error
constexpr int kUsageOrInputError = 2;  // bad arguments, bad configuration, invalid input files
}  // namespace relocale::cli
