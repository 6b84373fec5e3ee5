// relocale po export|import
#include <iostream>

#include "cli_support.h"
#include "exit_codes.h"
#include "relocale/base/i18n.h"
#include "relocale/xliff/po_exchange.h"

namespace relocale::cli {

int run_po_command(const CommandContext& context) {
  if (context.args.empty() || (context.args[0] != "export" && context.args[0] != "import")) {
    std::cerr << tr("Usage: relocale po export|import [RELEASE...] [--lang L]\n\n"
                    "export writes po/<lang>/<release>.po from the XLIFF files; import merges "
                    "them back, refusing any segment whose placeholders or codes were lost, "
                    "duplicated or invented.")
              << "\n";
    return context.args.empty() ? kUsageOrInputError
                                : (context.args[0] == "--help" ? kSuccess : kUsageOrInputError);
  }
  const bool do_export = context.args[0] == "export";
  CommandContext rest = context;
  rest.args.erase(rest.args.begin());
  CommonOptions common;
  auto d = common_options(common);
  if (!parse(rest,
             do_export ? tr("Usage: relocale po export [RELEASE...] [--lang L]\n\nWrites "
                            "po/<lang>/<release>.po: one message per segment, placeholders as "
                            "{1:date}, codes as {2>…<2}, unconfirmed translations fuzzy.")
                       : tr("Usage: relocale po import [RELEASE...] [--lang L]\n\nMerges "
                            "po/<lang>/<release>.po into the XLIFF files; exits 1 when a "
                            "message was refused."),
             d, common)) {
    return kSuccess;
  }
  const ProjectConfig config = load_config(common);
  const auto langs = split_list(common.langs);
  if (do_export) {
    for (const auto& file : run_po_export(config, common.releases, langs)) {
      std::cout << subst(tr("wrote {1}"), {file.string()}) << "\n";
    }
    return kSuccess;
  }
  Diagnostics diagnostics;
  const size_t updated = run_po_import(config, common.releases, langs, diagnostics);
  std::cout << subst(trn("{1} segment updated", "{1} segments updated", updated),
                     {std::to_string(updated)})
            << "\n";
  print_warnings(diagnostics);
  return diagnostics.has_errors() ? kChecksFailed : kSuccess;
}

}  // namespace relocale::cli
