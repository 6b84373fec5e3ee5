#pragma once

#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "commands.h"
#include "relocale/base/error.h"
#include "relocale/config/project_config.h"
#include "relocale/pipeline/pipeline.h"

namespace relocale::cli {

/// Options every project command shares, parsed into these fields.
struct CommonOptions {
  std::string config = "workflow/relocale.ini";
  std::string langs;
  std::vector<std::string> releases;  // positional arguments
  bool help = false;
  int jobs = 0;  // -j: files worked on at once (0: one per usable core)
};

/// --help, --config and --lang.
boost::program_options::options_description common_options(CommonOptions& common);
/// -j/--jobs, for the commands that work on several files at once.
boost::program_options::options_description jobs_option(CommonOptions& common);

/// A mistake on the command line (an unknown option, a missing value): main names the command.
class CommandLineError : public Error {
 public:
  using Error::Error;
};

/// Parses a command's arguments; returns false when --help was printed. Throws CommandLineError.
bool parse(const CommandContext& context, const char* usage,
           boost::program_options::options_description& options, CommonOptions& common,
           const char* positional_name = "release");

/// Loads the configuration named by --config, with a clear error when there is none.
ProjectConfig load_config(const CommonOptions& common);

/// Files done of total, rate and time left, on a terminal only; quiet otherwise.
class ProgressLine {
 public:
  ProgressLine();
  ~ProgressLine();
  ProgressCallback callback();
  /// Clears the line, so that what the command prints next starts a line of its own.
  void clear();

 private:
  bool enabled_;
  bool shown_ = false;
  double start_;
  double last_shown_ = 0;
  std::mutex mutex_;  // the callback is called from the worker threads
};

/// Prints warnings and errors to stderr, one line each: "relocale: warning: file:line: message".
void print_warnings(const Diagnostics& diagnostics);

}  // namespace relocale::cli
