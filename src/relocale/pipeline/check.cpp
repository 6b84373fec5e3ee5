#include "relocale/pipeline/check.h"

#include "relocale/pipeline/pipeline.h"

namespace relocale {

bool CheckResult::passed() const {
  for (const auto& r : reports) {
    if (!r.meets_threshold || r.errors > 0) {
      return false;
    }
  }
  return true;
}

CheckResult run_check(const ProjectConfig& config, const CheckOptions& options) {
  CheckResult result;
  const auto releases = select_releases(config, options.releases);
  const auto langs = select_languages(config, options.langs);
  for (const auto& release_path : releases) {
    const std::string release = release_name(release_path);
    for (const auto& lang : langs) {
      const Document doc = load_xliff_file(config, lang, release);
      LanguageReport report;
      report.release = release;
      report.lang = lang;
      report.xliff_file = config.xliff_path(lang, release).string();
      report.completeness = measure_completeness(doc);
      report.threshold =
          options.threshold
              ? *options.threshold
              : config.settings_for(lang).threshold.value_or(config.default_threshold);
      report.meets_threshold =
          report.completeness.percent_at_least(report.threshold.state) + 1e-9 >=
          report.threshold.percent;
      result.reports.push_back(std::move(report));
    }
  }
  return result;
}

}  // namespace relocale
