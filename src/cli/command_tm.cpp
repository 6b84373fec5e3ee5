// relocale tm: the project's translation memory as TMX 1.4b, for OmegaT, Trados and memoQ.
#include <filesystem>
#include <iostream>

#include "cli_support.h"
#include "exit_codes.h"
#include "relocale/base/files.h"
#include "relocale/base/i18n.h"
#include "relocale/memory/tmx.h"

namespace relocale::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;

int run_tm_command(const CommandContext& context) {
  CommonOptions common;
  std::string output;
  auto d = common_options(common);
  d.add_options()("output,o", po::value(&output)->value_name(tr("FILE")),
                  tr("export: the TMX file to write (default: standard output)"));
  if (!parse(context,
             tr("Usage: relocale tm export [--output FILE]\n       relocale tm import FILE...\n\n"
                "Exports the project's translation memory (every confirmed segment of every "
                "release and language, and the translations of removed segments) as TMX 1.4b, "
                "or imports TMX files from other tools into it."),
             d, common, "argument")) {
    return kSuccess;
  }
  if (common.releases.empty() ||
      (common.releases.front() != "export" && common.releases.front() != "import")) {
    throw Error(tr("tm needs an action: export or import"));
  }
  const std::string action = common.releases.front();
  const std::vector<std::string> files(common.releases.begin() + 1, common.releases.end());
  const ProjectConfig config = load_config(common);
  ProjectLock lock(config.root);
  const fs::path memory_path = config.path(config.memory_file);
  TranslationMemory memory = load_memory(memory_path);
  if (action == "export") {
    if (!files.empty()) {
      throw Error(subst(tr("tm export takes no file; use --output \"{1}\""), {files.front()}));
    }
    // The memory plus what the XLIFF files hold now, so a sentence confirmed today is exported.
    for (const auto& release : config.releases) {
      for (const auto& lang : select_languages(config, split_list(common.langs))) {
        if (fs::exists(config.xliff_path(lang, release_name(release)))) {
          memory.add_translations(load_xliff_file(config, lang, release_name(release)));
        }
      }
    }
    const std::string tmx = write_tmx(memory, config.source_lang);
    if (output.empty()) {
      std::cout << tmx;
    } else {
      write_file_atomically(output, tmx);
      std::cerr << subst(trn("{1}: {2} translation unit written",
                             "{1}: {2} translation units written", memory.size()),
                         {output, std::to_string(memory.size())})
                << "\n";
    }
    return kSuccess;
  }
  if (files.empty()) {
    throw Error(tr("tm import needs at least one TMX file"));
  }
  const size_t before = memory.size();
  for (const auto& file : files) {
    const TranslationMemory imported = read_tmx(read_file(file), file);
    for (const auto& entry : imported.entries()) {
      memory.add(entry);
    }
  }
  save_memory(memory, memory_path, "*all*");
  const size_t added = memory.size() - before;
  std::cout << subst(trn("{1} new translation unit in {2}", "{1} new translation units in {2}",
                         added),
                     {std::to_string(added), fs::relative(memory_path, config.root).string()})
            << "\n";
  return kSuccess;
}

}  // namespace relocale::cli
