// relocale extract
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

int run_extract_command(const CommandContext& context) {
  CommonOptions common;
  ExtractOptions options;
  auto d = common_options(common);
  d.add(jobs_option(common));
  d.add_options()(
      "xliff-version", po::value(&options.xliff_version)->value_name("2.0|1.2"),
      tr("XLIFF version to write (default: per language from the configuration, else 2.0)"));
  if (!parse(context,
             tr("Usage: relocale extract [RELEASE...] [OPTIONS]\n\nReads the source "
                "releases and writes xliff/<lang>/<release>.xlf for each target language, "
                "keeping every translation already there."),
             d, common)) {
    return kSuccess;
  }
  if (!options.xliff_version.empty() && options.xliff_version != "2.0" &&
      options.xliff_version != "1.2") {
    throw Error(
        subst(tr("--xliff-version must be 2.0 or 1.2, not \"{1}\""), {options.xliff_version}));
  }
  const ProjectConfig config = load_config(common);
  ProjectLock lock(config.root);
  options.releases = common.releases;
  options.threads = static_cast<unsigned>(common.jobs);
  options.langs = split_list(common.langs);
  ProgressLine progress;
  options.progress = progress.callback();
  Diagnostics warnings;
  const auto results = run_extract(config, options, warnings);
  progress.clear();
  print_warnings(warnings);
  RelativePaths shown(config.root);
  for (const auto& r : results) {
    std::cout << subst(tr("{1}: kept {2}, reused {3}, fuzzy {4}, new {5}, removed {6}"),
                       {shown.relative(r.xliff_file), std::to_string(r.kept),
                        std::to_string(r.reused), std::to_string(r.fuzzy), std::to_string(r.fresh),
                        std::to_string(r.removed)})
              << "\n";
  }
  return kSuccess;
}

}  // namespace relocale::cli
