// relocale: the command-line tool. The one place that catches Error and turns it into exit 2.
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <new>
#include <string>

#include <boost/program_options/errors.hpp>
#include <malloc.h>
#include <unistd.h>

#include "cli_support.h"
#include "commands.h"
#include "exit_codes.h"
#include "relocale/base/error.h"
#include "relocale/base/files.h"
#include "relocale/base/i18n.h"
#include "relocale/base/suggest.h"

using relocale::subst;
using relocale::tr;

namespace {

void print_usage() {
  std::cout << tr("Usage: relocale COMMAND [OPTIONS] [ARGS]") << "\n\n"
            << tr("Publishes a news release in many languages: segments it, exports XLIFF for "
                  "translators, carries translations over, builds each language's release and "
                  "gates CI on translation completeness and quality.")
            << "\n\n"
            << tr("Commands:") << "\n";
  for (const auto& c : relocale::cli::commands()) {
    std::printf("  %-10s %s\n", c.name, tr(c.summary));
  }
  std::cout << "\n"
            << tr("Run 'relocale COMMAND --help' for a command's options.") << "\n"
            << tr("Exit codes: 0 success, 1 check failed, 2 usage or input error.") << "\n";
}

}  // namespace

int main(int argc, char* argv[]) {
  // --version must stay fast (CI calls it per file): no locale or ICU work before it.
  if (argc == 2 && std::strcmp(argv[1], "--version") == 0) {
    std::printf("relocale %s\n", RELOCALE_VERSION);
    return relocale::cli::kSuccess;
  }
  // glibc maps every block over 128 KB (then a moving threshold) on its own and gives it back when
  // freed, and trims the heap as it shrinks: each file's text, its XML tree and its outputs were
  // fresh pages, faulted in one by one, for every file. Blocks up to 4 MB now come from the heap
  // and are reused, and up to 64 MB of free heap is kept: a build of the quick batch went from
  // about 23,000 page faults to 2,900. Bigger blocks (a big release's text) are still mapped.
  mallopt(M_MMAP_THRESHOLD, 4 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  // Before any thread starts: an interrupt removes temporary files instead of leaving them.
  relocale::install_interrupt_cleanup();
  relocale::init_i18n(argv[0]);
  if (argc < 2) {
    print_usage();
    return relocale::cli::kUsageOrInputError;
  }
  const std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    print_usage();
    return relocale::cli::kSuccess;
  }
  for (const auto& command : relocale::cli::commands()) {
    if (name != command.name) {
      continue;
    }
    relocale::cli::CommandContext context;
    context.args.assign(argv + 2, argv + argc);
    try {
      return command.run(context);
    } catch (const relocale::cli::CommandLineError& e) {
      std::cerr << "relocale " << name << ": " << tr("error: ") << e.what() << "\n";
      return relocale::cli::kUsageOrInputError;
    } catch (const relocale::Error& e) {
      std::cerr << "relocale: " << tr("error: ") << e.what() << "\n";
      return relocale::cli::kUsageOrInputError;
    } catch (const boost::program_options::error& e) {
      std::cerr << "relocale " << name << ": " << tr("error: ") << e.what() << "\n";
      return relocale::cli::kUsageOrInputError;
    } catch (const std::bad_alloc&) {
      std::cerr << "relocale: " << tr("error: ") << tr("out of memory") << "\n";
      return relocale::cli::kUsageOrInputError;
    } catch (const std::exception& e) {
      // What the system refused (std::system_error) or a fault of relocale's own: said in one
      // line with exit 2, never an abort. The files were written atomically, so none is half.
      std::cerr << "relocale: " << tr("error: ") << e.what() << "\n";
      return relocale::cli::kUsageOrInputError;
    }
  }
  std::vector<std::string> names;
  for (const auto& command : relocale::cli::commands()) {
    names.emplace_back(command.name);
  }
  const std::string suggestion = relocale::closest_match(name, names, 2);
  std::cerr << "relocale: " << tr("error: ")
            << (suggestion.empty()
                    ? subst(tr("unknown command \"{1}\"; run 'relocale --help'"), {name})
                    : subst(tr("unknown command \"{1}\"; did you mean \"{2}\"?"),
                            {name, suggestion}))
            << "\n";
  return relocale::cli::kUsageOrInputError;
}
