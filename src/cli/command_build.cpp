// relocale build
#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli_support.h"
#include "exit_codes.h"
#include "relocale/base/files.h"
#include "relocale/base/i18n.h"

namespace relocale::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;

int run_build_command(const CommandContext& context) {
  CommonOptions common;
  BuildOptions options;
  std::string formats;
  auto d = common_options(common);
  d.add(jobs_option(common));
  d.add_options()("format", po::value(&formats)->value_name("html,md,txt"),
                  tr("output formats (default: those in the configuration)"))(
      "verbatim", po::bool_switch(&options.verbatim),
      tr("use each source as its target and write every value as in the source: reproduces the "
         "source release byte for byte (the round-trip check)"));
  if (!parse(context,
             tr("Usage: relocale build [RELEASE...] [OPTIONS]\n\nReads the XLIFF files "
                "and writes out/<lang>/<release>.<ext> for each language, with dates, "
                "numbers and phone numbers in that language's conventions."),
             d, common)) {
    return kSuccess;
  }
  const ProjectConfig config = load_config(common);
  ProjectLock lock(config.root);
  options.releases = common.releases;
  options.threads = static_cast<unsigned>(common.jobs);
  options.langs = split_list(common.langs);
  options.formats = split_list(formats);
  ProgressLine progress;
  options.progress = progress.callback();
  Diagnostics diagnostics;
  const auto results = run_build(config, options, diagnostics);
  progress.clear();
  print_warnings(diagnostics);
  bool refused = false;
  RelativePaths shown(fs::current_path());
  for (const auto& r : results) {
    if (r.refused) {
      refused = true;
      continue;
    }
    std::string files;
    for (const auto& f : r.files) {
      files += (files.empty() ? "" : " ") + shown.relative(f);
    }
    std::cout << r.lang << ": " << files << "\n";
  }
  return refused ? kChecksFailed : kSuccess;
}

}  // namespace relocale::cli
