#include "relocale/pipeline/check.h"

#include <filesystem>
#include <optional>

#include "relocale/base/files.h"
#include "relocale/base/parallel.h"
#include "relocale/checker/glossary.h"
#include "relocale/checker/qa_checks.h"
#include "relocale/pipeline/pipeline.h"

namespace relocale {

CheckResult run_check(const ProjectConfig& config, const CheckOptions& options) {
  CheckResult result;
  const auto releases = select_releases(config, options.releases);
  const auto langs = select_languages(config, options.langs);
  // Read every input before judging anything: a bad glossary is an input error (exit 2).
  const Glossary glossary = load_glossary(config.path(config.glossary_file));
  // Releases are judged on the thread pool, each into its own slot, then gathered in order, so
  // the reports are the same whatever the number of threads.
  std::vector<std::vector<LanguageReport>> reports(releases.size());
  std::vector<Diagnostics> findings_of(releases.size());
  ProgressCounter progress(options.progress, releases.size());
  // XLIFF paths as a CI system wants them: relative to the working folder (the repository root)
  // when the file is inside it, so GitHub annotations land on the file.
  RelativePaths shown(std::filesystem::current_path());
  auto check_release = [&](size_t r) {
    const std::string& release_path = releases[r];
    const std::string release = release_name(release_path);
    // The release as extract would make it now: the reference for stale-source. A file whose
    // extraction key still holds is that release, and nothing in it is stale; otherwise the
    // release is extracted (once for all languages). Extract's own warnings are extract's
    // business.
    CurrentRelease current(config, release_path);
    reports[r].resize(langs.size());
    std::vector<Diagnostics> findings_of_language(langs.size());
    auto check_language = [&](size_t l) {
      const std::string& lang = langs[l];
      LanguageReport report;
      report.release = release;
      report.lang = lang;
      report.xliff_file = shown.inside_or_as_given(config.xliff_path(lang, release));
      Diagnostics findings;
      QaInput input;
      input.xliff_file = report.xliff_file;
      input.glossary = &glossary;
      // The file whole, or only its header when it is read a unit at a time.
      Document doc;
      std::optional<QaRun> run;
      auto start = [&](const Document* current_source) {
        input.doc = &doc;
        input.current_source = current_source;
        run.emplace(input);
      };
      auto check_unit = [&](const Unit& unit) {
        report.completeness.add(unit, doc.source_lang);
        run->check_unit(unit, findings);
      };
      SourceFingerprint source;  // of a file read a unit at a time, for its extraction key
      const bool streamed = stream_xliff_file(
          config, lang, release, doc,
          [&](Unit&& unit) {
            if (!run) {
              start(nullptr);  // whether the file still stands for the release is known at its end
              // The skeleton came before the units, is checked against them as they come and is
              // in `source` already: check needs no more of it (37 MB of XML in a 100 MB
              // release's file).
              doc.skeleton = {};
              doc.source_warnings = {};
            }
            check_unit(unit);
          },
          options.stream_from_bytes, options.stale_source ? &source : nullptr);
      if (!streamed) {
        // Whole, from nothing: what a reading a unit at a time made before it stopped goes.
        report.completeness = {};
        findings = Diagnostics{};
        doc = load_xliff_file(config, lang, release);
        start(options.stale_source && !current.is_described_by(doc) ? &current.extracted()
                                                                    : nullptr);
        for (const auto& unit : doc.units) {
          check_unit(unit);
        }
        run->finish(findings);
      } else {
        if (!run) {
          start(nullptr);  // a file without units
        }
        run->finish(findings);
        if (options.stale_source && !current.is_described_by(doc, source)) {
          // The file no longer stands for the release: read again, against the release now.
          StaleSourceCheck stale(current.extracted(), input.xliff_file);
          Document header;
          const bool again = stream_xliff_file(
              config, lang, release, header,
              [&](Unit&& unit) {
                header.skeleton = {};  // read before the units; not needed here
                stale.check_unit(unit);
              },
              options.stream_from_bytes);
          if (again) {
            stale.finish(findings);
          } else {  // the file changed since the first reading: whole, from nothing
            StaleSourceCheck whole(current.extracted(), input.xliff_file);
            for (const auto& unit : load_xliff_file(config, lang, release).units) {
              whole.check_unit(unit);
            }
            whole.finish(findings);
          }
        }
      }
      report.threshold =
          options.threshold
              ? *options.threshold
              : config.settings_for(lang).threshold.value_or(config.default_threshold);
      report.meets_threshold =
          report.completeness.percent_at_least(report.threshold.state) + 1e-9 >=
          report.threshold.percent;
      report.errors = findings.count(Severity::error);
      report.warnings = findings.count(Severity::warning);
      findings_of_language[l] = std::move(findings);
      reports[r][l] = std::move(report);
    };
    parallel_for(
        langs.size(), check_language,
        threads_for_languages(config, release_path, langs, releases.size(), options.threads));
    for (auto& findings : findings_of_language) {
      findings_of[r].append(findings);
    }
    progress.advance(1);
  };
  parallel_for(releases.size(), check_release, options.threads);
  for (size_t r = 0; r < releases.size(); ++r) {
    result.diagnostics.append(findings_of[r]);
    for (auto& report : reports[r]) {
      result.reports.push_back(std::move(report));
    }
  }
  return result;
}

}  // namespace relocale
