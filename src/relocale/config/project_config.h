#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "relocale/model/document.h"

namespace relocale {

/// The minimum share of a language's segments that must have reached a state for `check` to pass
/// ("100 reviewed" = every segment reviewed or final; "80 translated").
struct Threshold {
  double percent = 100;
  SegmentState state = SegmentState::translated;
};
/// Parses "100 reviewed", "80% translated" or "95" (translated). Throws Error naming `where`.
Threshold parse_threshold(const std::string& text, const std::string& where);

/// What to do with a segment that has no translation at build time.
enum class UntranslatedPolicy { fallback_to_source, refuse_language };

/// Settings that may differ per target language ([lang.fr] in relocale.ini).
struct LanguageSettings {
  std::string xliff_version = "2.0";
  std::optional<Threshold> threshold;
  std::string cat_profile;  // "", "omegat", "trados", "memoq": 1.2 habits of that tool
};

/// The project: workflow/relocale.ini read with Boost.Program_options. Paths are relative to the
/// project root, which is `root` in the file (default: the folder above the file's folder).
struct ProjectConfig {
  std::filesystem::path config_file;
  std::filesystem::path root;
  std::string source_lang = "en";
  std::vector<std::string> target_langs;
  std::vector<std::string> releases;  // relative to root
  std::filesystem::path xliff_dir = "xliff";
  std::filesystem::path out_dir = "out";
  std::filesystem::path locales_dir = "locales";
  std::filesystem::path srx_file = "locales/segmentation.srx";
  std::filesystem::path memory_file = "memory/project.tmx";
  std::filesystem::path glossary_file = "locales/glossary.csv";
  std::vector<std::string> formats{"html", "md", "txt"};
  std::string region = "CH";             // default region for phone numbers
  std::string date_order = "day-first";  // or "month-first": how the source writes 08/10
  std::string release_date;              // default date when a release has no front matter date
  UntranslatedPolicy untranslated = UntranslatedPolicy::fallback_to_source;
  double fuzzy_threshold = 75;
  Threshold default_threshold{100, SegmentState::translated};
  std::map<std::string, LanguageSettings> languages;

  /// Settings for a target language (defaults when it has no section).
  LanguageSettings settings_for(const std::string& lang) const;
  std::filesystem::path path(const std::filesystem::path& relative) const {
    return root / relative;
  }
  /// xliff/<lang>/<release>.xlf
  std::filesystem::path xliff_path(const std::string& lang, const std::string& release) const;
};

/// Reads the configuration file. Unknown keys and bad values are errors naming the file and line.
ProjectConfig load_project_config(const std::filesystem::path& file);

/// Splits "fr,es ar" into {"fr","es","ar"}.
std::vector<std::string> split_list(const std::string& text);

/// The release name of a path: its file name without extension.
std::string release_name(const std::string& path);

}  // namespace relocale
