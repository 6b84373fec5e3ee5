#include "commands.h"

#include "relocale/base/i18n.h"

namespace relocale::cli {

// Each command lives in command_<name>.cpp.
int run_extract_command(const CommandContext& context);
int run_build_command(const CommandContext& context);
int run_check_command(const CommandContext& context);
int run_segment_command(const CommandContext& context);
int run_validate_command(const CommandContext& context);
int run_tm_command(const CommandContext& context);
int run_po_command(const CommandContext& context);
int run_pseudo_command(const CommandContext& context);

const std::vector<Command>& commands() {
  static const std::vector<Command> table{
      {"extract", N_("write or update the XLIFF files of each target language"),
       run_extract_command},
      {"build", N_("write each language's release (HTML, Markdown, text)"), run_build_command},
      {"check", N_("report translation completeness and quality; exit 1 below thresholds"),
       run_check_command},
      {"segment", N_("split text on standard input into sentences, one per line"),
       run_segment_command},
      {"validate", N_("check XLIFF 2.0 and 1.2 files against the specifications' rules"),
       run_validate_command},
      {"tm", N_("export or import the project's translation memory (TMX 1.4b)"), run_tm_command},
      {"po", N_("export segments to PO files for translators, or import them back"),
       run_po_command},
      {"pseudo", N_("fill a language's targets with pseudo-translation to test layouts"),
       run_pseudo_command},
  };
  return table;
}

}  // namespace relocale::cli
