// relocale pseudo
#include <iostream>

#include "cli_support.h"
#include "exit_codes.h"
#include "relocale/base/files.h"
#include "relocale/base/i18n.h"
#include "relocale/pipeline/pseudo.h"
#include "relocale/xliff/xliff_io.h"

namespace relocale::cli {

namespace po = boost::program_options;

int run_pseudo_command(const CommandContext& context) {
  CommonOptions common;
  PseudoOptions options;
  auto d = common_options(common);
  d.add_options()("expansion", po::value(&options.expansion)->value_name("RATIO"),
                  tr("extra length as a share of the source (default 0.3)"));
  if (!parse(context,
             tr("Usage: relocale pseudo [RELEASE...] --lang L [--expansion 0.3]\n\nFills every "
                "target without a confirmed translation with a pseudo-translation ([!! Ƥšéúđó "
                "~~~ !!]), placeholders and codes kept, in state initial: build renders it, "
                "check still counts it as untranslated."),
             d, common)) {
    return kSuccess;
  }
  if (common.langs.empty()) {
    throw Error(
        tr("relocale pseudo needs --lang: pseudo-translation replaces the targets of a "
           "language, so name it"));
  }
  const ProjectConfig config = load_config(common);
  ProjectLock lock(config.root);
  for (const auto& lang : split_list(common.langs)) {
    for (const auto& release_path : select_releases(config, common.releases)) {
      const std::string release = release_name(release_path);
      const auto file = config.xliff_path(lang, release);
      const size_t filled = pseudo_translate_file(config, lang, release, options);
      std::cout << subst(trn("{1}: {2} segment pseudo-translated",
                             "{1}: {2} segments pseudo-translated", filled),
                         {file.string(), std::to_string(filled)})
                << "\n";
    }
  }
  return kSuccess;
}

}  // namespace relocale::cli
