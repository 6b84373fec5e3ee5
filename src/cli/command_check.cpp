// relocale check
#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli_support.h"
#include "exit_codes.h"
#include "relocale/base/i18n.h"
#include "relocale/pipeline/check.h"

namespace relocale::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;

int run_check_command(const CommandContext& context) {
  CommonOptions common;
  CheckOptions options;
  std::string threshold;
  auto d = common_options(common);
  d.add_options()(
      "threshold", po::value(&threshold)->value_name(tr("\"PERCENT STATE\"")),
      tr("threshold for every language, e.g. \"100 reviewed\" (default: the configuration)"));
  if (!parse(context,
             tr("Usage: relocale check [RELEASE...] [OPTIONS]\n\nReports, per release "
                "and language, segments and words by state, and exits 1 when a language "
                "is below its threshold."),
             d, common)) {
    return kSuccess;
  }
  const ProjectConfig config = load_config(common);
  options.releases = common.releases;
  options.langs = split_list(common.langs);
  if (!threshold.empty()) {
    options.threshold = parse_threshold(threshold, "--threshold");
  }
  const CheckResult result = run_check(config, options);
  for (const auto& r : result.reports) {
    const auto& c = r.completeness;
    const size_t done = c.segments[1] + c.segments[2] + c.segments[3];
    const size_t done_words = c.words[1] + c.words[2] + c.words[3];
    std::cout << subst(tr("{1} [{2}]: {3} of {4} segments translated, {5} of {6} words; {7}% at "
                          "least {8} (threshold {9}%): {10}"),
                       {r.release, r.lang, std::to_string(done), std::to_string(c.total_segments()),
                        std::to_string(done_words), std::to_string(c.total_words()),
                        std::to_string(static_cast<int>(c.percent_at_least(r.threshold.state))),
                        trc("state", segment_state_key(r.threshold.state)),
                        std::to_string(static_cast<int>(r.threshold.percent)),
                        r.meets_threshold ? tr("pass") : tr("FAIL")})
              << "\n";
  }
  print_warnings(result.diagnostics);
  return result.passed() ? kSuccess : kChecksFailed;
}

}  // namespace relocale::cli
