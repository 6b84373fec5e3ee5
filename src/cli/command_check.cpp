// relocale check
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>

#include <unistd.h>

#include "cli_support.h"
#include "exit_codes.h"
#include "relocale/base/files.h"
#include "relocale/base/i18n.h"
#include "relocale/base/suggest.h"
#include "relocale/checker/reports.h"
#include "relocale/pipeline/check.h"

namespace relocale::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

struct ReportRequest {
  ReportFormat format;
  std::string output;  // empty: standard output
};

ReportFormat parse_format(const std::string& key) {
  if (auto format = report_format_from_key(key)) {
    return *format;
  }
  // A close name is a typo: say which one was meant ("jnuit" → "junit").
  const std::string near = closest_match(key, {"table", "json", "junit", "github", "html"}, 2);
  if (!near.empty()) {
    throw Error(subst(tr("--format: unknown format \"{1}\"; did you mean \"{2}\"?"), {key, near}));
  }
  throw Error(subst(tr("--format: unknown format \"{1}\" (expected table, json, junit, github or "
                       "html)"),
                    {key}));
}

// --format F [--output FILE] pairs by position, then the --junit/--json/--html shortcuts.
std::vector<ReportRequest> report_requests(const std::vector<std::string>& formats,
                                           const std::vector<std::string>& outputs,
                                           const std::string& junit, const std::string& json,
                                           const std::string& html) {
  if (outputs.size() > formats.size()) {
    throw Error(tr("--output: each --output needs a --format before it"));
  }
  std::vector<ReportRequest> out;
  for (size_t i = 0; i < formats.size(); ++i) {
    out.push_back({parse_format(formats[i]), i < outputs.size() ? outputs[i] : ""});
  }
  if (!junit.empty()) {
    out.push_back({ReportFormat::junit, junit});
  }
  if (!json.empty()) {
    out.push_back({ReportFormat::json, json});
  }
  if (!html.empty()) {
    out.push_back({ReportFormat::html, html});
  }
  size_t to_stdout = 0;
  for (const auto& r : out) {
    to_stdout += r.output.empty() || r.output == "-";
  }
  if (to_stdout == 0 && formats.empty()) {
    out.insert(out.begin(), {ReportFormat::table, ""});  // people still want to read something
  } else if (to_stdout > 1) {
    throw Error(
        tr("--format: only one report can go to standard output; give the others an "
           "--output FILE"));
  }
  return out;
}

}  // namespace

int run_check_command(const CommandContext& context) {
  CommonOptions common;
  CheckOptions options;
  std::string threshold;
  std::vector<std::string> formats;
  std::vector<std::string> outputs;
  std::string junit;
  std::string json;
  std::string html;
  auto d = common_options(common);
  d.add(jobs_option(common));
  d.add_options()(
      "threshold", po::value(&threshold)->value_name(tr("\"PERCENT STATE\"")),
      tr("threshold for every language, e.g. \"100 reviewed\" (default: the configuration)"))(
      "format", po::value(&formats)->value_name("FORMAT")->composing(),
      tr("report format: table, json, junit, github or html (default: table); may be repeated"))(
      "output,o", po::value(&outputs)->value_name(tr("FILE"))->composing(),
      tr("write the report of the --format before it to FILE instead of standard output"))(
      "junit", po::value(&junit)->value_name(tr("FILE")), tr("also write a JUnit XML report"))(
      "json", po::value(&json)->value_name(tr("FILE")), tr("also write a JSON report"))(
      "html", po::value(&html)->value_name(tr("FILE")), tr("also write an HTML report"));
  if (!parse(context,
             tr("Usage: relocale check [RELEASE...] [OPTIONS]\n\nReports, per release "
                "and language, segments and words by state and the quality checks' findings. "
                "Exits 0 when every language passes, 1 when one is below its threshold or has a "
                "QA error, 2 on a usage or input error."),
             d, common)) {
    return kSuccess;
  }
  const auto requests = report_requests(formats, outputs, junit, json, html);
  const ProjectConfig config = load_config(common);
  options.releases = common.releases;
  options.threads = static_cast<unsigned>(common.jobs);
  options.langs = split_list(common.langs);
  if (!threshold.empty()) {
    options.threshold = parse_threshold(threshold, "--threshold");
  }
  CheckResult result;
  {
    ProgressLine progress;  // cleared before the report is printed
    options.progress = progress.callback();
    result = run_check(config, options);
  }
  // Colour only for a person at a terminal (and not when NO_COLOR asks for none).
  const bool colour = isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr;
  for (const auto& request : requests) {
    if (request.output.empty() || request.output == "-") {
      std::cout << format_report(result, request.format, colour);
    } else {
      write_file_atomically(request.output, format_report(result, request.format, false));
    }
  }
  std::cout.flush();
  return result.passed() ? kSuccess : kChecksFailed;
}

}  // namespace relocale::cli
