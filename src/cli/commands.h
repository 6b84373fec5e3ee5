#pragma once

#include <string>
#include <vector>

namespace relocale::cli {

/// Arguments after the command name, and the options every command shares.
struct CommandContext {
  std::vector<std::string> args;
  std::string program = "relocale";
};

/// One command of the CLI: its name, one line of help, and the function that runs it.
struct Command {
  const char* name;
  const char* summary;  // through tr() when printed
  int (*run)(const CommandContext&);
};

/// Every command, in the order `relocale --help` lists them.
const std::vector<Command>& commands();

}  // namespace relocale::cli
