#include "cli_support.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

#include <boost/program_options.hpp>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unistd.h>

#include "relocale/base/error.h"
#include "relocale/base/files.h"
#include "relocale/base/i18n.h"
#include "relocale/base/suggest.h"
#include "relocale/config/project_config.h"
#include "relocale/pipeline/pipeline.h"

namespace relocale::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;

po::options_description common_options(CommonOptions& common) {
  po::options_description d;
  d.add_options()("help,h", po::bool_switch(&common.help), tr("show this help"))(
      "config", po::value(&common.config)->value_name(tr("FILE")),
      tr("project configuration (default: workflow/relocale.ini)"))(
      "lang", po::value(&common.langs)->value_name("L,..."),
      tr("target languages (default: those in the configuration)"));
  return d;
}

po::options_description jobs_option(CommonOptions& common) {
  po::options_description d;
  d.add_options()("jobs,j", po::value(&common.jobs)->value_name("N")->notifier([](int jobs) {
    if (jobs < 1 || jobs > 1024) {
      throw po::validation_error(po::validation_error::invalid_option_value, "jobs");
    }
  }),
                  tr("files worked on at once (default: one per core this process may use)"));
  return d;
}

namespace {

// Boost's message for a command-line mistake, in the user's language, with the nearest option
// when an unknown one is near one of the command's.
CommandLineError command_line_error(const po::error& e, const po::options_description& options) {
  const auto* with_name = dynamic_cast<const po::error_with_option_name*>(&e);
  std::string option = with_name != nullptr ? with_name->get_option_name() : "";
  if (!option.empty() && option[0] != '-') {
    option = "--" + option;  // Boost names an option given as -j by its bare long name
  }
  if (dynamic_cast<const po::unknown_option*>(&e) != nullptr) {
    option = option.substr(0, option.find('='));  // --formt=html: the name, not its value
    std::vector<std::string> names;
    for (const auto& description : options.options()) {
      if (!description->long_name().empty()) {
        names.push_back("--" + description->long_name());
      }
    }
    const std::string near = closest_match(option, names, 2);
    return CommandLineError(
        near.empty() ? subst(tr("unknown option \"{1}\"; --help lists the options"), {option})
                     : subst(tr("unknown option \"{1}\"; did you mean \"{2}\"?"), {option, near}));
  }
  if (const auto* syntax = dynamic_cast<const po::invalid_command_line_syntax*>(&e)) {
    if (syntax->kind() == po::invalid_syntax::missing_parameter) {
      return CommandLineError(subst(tr("option \"{1}\" needs a value"), {option}));
    }
    if (syntax->kind() == po::invalid_syntax::extra_parameter) {
      return CommandLineError(subst(tr("option \"{1}\" takes no value"), {option}));
    }
  }
  if (dynamic_cast<const po::multiple_occurrences*>(&e) != nullptr) {
    return CommandLineError(subst(tr("option \"{1}\" is given more than once"), {option}));
  }
  if (dynamic_cast<const po::validation_error*>(&e) != nullptr && !option.empty()) {
    return CommandLineError(subst(tr("invalid value for option \"{1}\""), {option}));
  }
  if (dynamic_cast<const po::ambiguous_option*>(&e) != nullptr) {
    return CommandLineError(subst(tr("option \"{1}\" is ambiguous; give its full name"), {option}));
  }
  return CommandLineError(e.what());  // a mistake Boost names and we have no words for
}

}  // namespace

/// Parses a command's arguments; returns false when --help was printed.
bool parse(const CommandContext& context, const char* usage, po::options_description& options,
           CommonOptions& common, const char* positional_name) {
  po::options_description hidden;
  hidden.add_options()(positional_name, po::value(&common.releases));
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add(positional_name, -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(context.args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw command_line_error(e, options);
  }
  if (common.help) {
    std::cout << usage << "\n\n" << options << "\n";
    return false;
  }
  return true;
}

ProjectConfig load_config(const CommonOptions& common) {
  if (!fs::exists(common.config)) {
    throw Error(Location{common.config},
                tr("no project configuration here; run relocale from the project folder or give "
                   "--config FILE"));
  }
  return load_project_config(common.config);
}

ProgressLine::ProgressLine()
    : enabled_(isatty(STDERR_FILENO) == 1),
      start_(std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
                 .count()) {}

ProgressLine::~ProgressLine() {
  clear();
}

void ProgressLine::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (shown_) {
    std::fputs("\r\033[K", stderr);
    shown_ = false;
  }
}

namespace {

/// A number as the messages' language writes it ("37.5", "37,5", "٣٧٫٥"), with `decimals`.
std::string number(double value, int decimals) {
  static const icu::Locale language(message_language().c_str());
  UErrorCode status = U_ZERO_ERROR;
  const auto formatted = icu::number::NumberFormatter::withLocale(language)
                             .precision(icu::number::Precision::fixedFraction(decimals))
                             .grouping(UNUM_GROUPING_OFF)
                             .formatDouble(value, status);
  std::string text;
  if (U_SUCCESS(status)) {
    formatted.toString(status).toUTF8String(text);
  }
  return U_SUCCESS(status) ? text : std::to_string(static_cast<long long>(value));
}

}  // namespace

ProgressCallback ProgressLine::callback() {
  if (!enabled_) {
    return nullptr;
  }
  return [this](const Progress& progress) {
    // Several files: how many are done. One file: how far into it, when it is read in parts
    // (a big release); a single small file shows nothing.
    const bool by_files = progress.files_total >= 2;
    const bool by_bytes = progress.files_total == 1 && progress.bytes_total > 0 &&
                          progress.bytes_done < progress.bytes_total;
    if (!by_files && !by_bytes) {
      return;
    }
    const double now =
        std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
    std::lock_guard<std::mutex> lock(mutex_);
    if (progress.files_done < progress.files_total && now - last_shown_ < 0.1) {
      return;  // ten updates a second are enough for a person
    }
    last_shown_ = now;
    const double seconds = now - start_;
    // Time left by bytes where they are counted: files differ in size.
    const bool bytes_counted = progress.bytes_total > 0 && progress.bytes_done > 0;
    const double fraction_done =
        bytes_counted
            ? std::min(1.0, static_cast<double>(progress.bytes_done) /
                                static_cast<double>(progress.bytes_total))
            : static_cast<double>(progress.files_done) / static_cast<double>(progress.files_total);
    const double left = fraction_done > 0 ? seconds * (1 - fraction_done) / fraction_done : 0;
    std::string line;
    if (by_files) {
      const double rate = seconds > 0 ? static_cast<double>(progress.files_done) / seconds : 0;
      line = subst(
          tr("{1} of {2} files, {3} files/s, {4} s left"),
          {number(static_cast<double>(progress.files_done), 0),
           number(static_cast<double>(progress.files_total), 0), number(rate, 0), number(left, 0)});
    } else {
      const double rate = seconds > 0 ? static_cast<double>(progress.bytes_done) / seconds : 0;
      line = subst(tr("{1} of {2} MB, {3} MB/s, {4} s left"),
                   {number(static_cast<double>(progress.bytes_done) / 1e6, 1),
                    number(static_cast<double>(progress.bytes_total) / 1e6, 1),
                    number(rate / 1e6, 1), number(left, 0)});
    }
    std::fprintf(stderr, "\r\033[K%s", line.c_str());
    shown_ = true;
  };
}

void print_warnings(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics.items()) {
    const std::string place = d.where.to_string();
    std::cerr << "relocale: " << (d.severity == Severity::error ? tr("error: ") : tr("warning: "))
              << (place.empty() ? "" : place + ": ") << d.message << "\n";
  }
}

}  // namespace relocale::cli
