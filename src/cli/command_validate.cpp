// relocale validate
#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli_support.h"
#include "exit_codes.h"
#include "relocale/base/files.h"
#include "relocale/base/i18n.h"
#include "relocale/xliff/xliff2_validator.h"

namespace relocale::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;

int run_validate_command(const CommandContext& context) {
  CommonOptions common;
  po::options_description d;
  d.add_options()("help,h", po::bool_switch(&common.help), tr("show this help"));
  if (!parse(context,
             tr("Usage: relocale validate FILE...\n\nChecks XLIFF 2 and 1.2 files against the "
                "processing requirements of the specification, beyond what the schema "
                "checks."),
             d, common, "file")) {
    return kSuccess;
  }
  if (common.releases.empty()) {
    throw Error(tr("validate needs at least one XLIFF file"));
  }
  size_t invalid = 0;
  for (const auto& file : common.releases) {
    const std::string text = read_file(file);
    // The version decides the rules: 1.2 files get the 1.2 checks.
    const bool version_12 = text.find("urn:oasis:names:tc:xliff:document:1.2") != std::string::npos;
    const Diagnostics found =
        version_12 ? validate_xliff12(text, file) : validate_xliff2(text, file);
    print_warnings(found);
    invalid += found.has_errors() ? 1 : 0;
    if (!found.has_errors()) {
      std::cout << subst(tr("{1}: valid"), {file}) << "\n";
    }
  }
  return invalid == 0 ? kSuccess : kUsageOrInputError;
}

}  // namespace relocale::cli
