#include "relocale/config/project_config.h"

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <boost/program_options.hpp>

#include "relocale/base/error.h"
#include "relocale/base/files.h"
#include "relocale/base/i18n.h"

namespace relocale {

namespace po = boost::program_options;
namespace fs = std::filesystem;

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  for (char c : text) {
    if (c == ',' || c == ' ' || c == '\t') {
      if (!current.empty()) {
        out.push_back(current);
      }
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) {
    out.push_back(current);
  }
  return out;
}

std::string release_name(const std::string& path) {
  return fs::path(path).stem().string();
}

Threshold parse_threshold(const std::string& text, const std::string& where) {
  std::istringstream in(text);
  std::string number;
  std::string state = "translated";
  in >> number >> state;
  if (!number.empty() && number.back() == '%') {
    number.pop_back();
  }
  Threshold t;
  try {
    size_t used = 0;
    t.percent = std::stod(number, &used);
    if (used != number.size() || t.percent < 0 || t.percent > 100) {
      throw std::invalid_argument(number);
    }
  } catch (const std::exception&) {
    throw Error(Location{where},
                subst(tr("threshold \"{1}\" is not a percentage between 0 and 100 followed by a "
                         "state (translated, reviewed, final)"),
                      {text}));
  }
  const auto s = segment_state_from_key(state);
  if (!s || *s == SegmentState::initial) {
    throw Error(Location{where},
                subst(tr("threshold \"{1}\": unknown state \"{2}\" (expected translated, reviewed "
                         "or final)"),
                      {text, state}));
  }
  t.state = *s;
  return t;
}

LanguageSettings ProjectConfig::settings_for(const std::string& lang) const {
  const auto it = languages.find(lang);
  return it == languages.end() ? LanguageSettings{} : it->second;
}

fs::path ProjectConfig::xliff_path(const std::string& lang, const std::string& release) const {
  return root / xliff_dir / lang / (release + ".xlf");
}

namespace {

// Boost.Program_options reports no line numbers: find the line that holds the offending key.
int line_of_key(const std::string& text, const std::string& key) {
  const std::string bare = key.substr(key.rfind('.') == std::string::npos ? 0 : key.rfind('.') + 1);
  std::istringstream in(text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    const auto first = line.find_first_not_of(" \t");
    if (first != std::string::npos && line.compare(first, bare.size(), bare) == 0) {
      return n;
    }
  }
  return 0;
}

// Two releases of one name would share their XLIFF and output files ("news/a.md", "old/a.md").
void check_release_names(const std::vector<std::string>& releases, const Location& where) {
  std::map<std::string, std::string> path_of_name;
  for (const auto& path : releases) {
    const auto [named, fresh] = path_of_name.emplace(release_name(path), path);
    if (!fresh && named->second != path) {
      throw Error(where, subst(tr("releases \"{1}\" and \"{2}\" have the same name \"{3}\": "
                                  "their XLIFF and output files would be the same; rename one"),
                               {named->second, path, named->first}));
    }
  }
}

void check_language_code(const std::string& lang, const Location& where) {
  const bool ok =
      !lang.empty() && lang.size() <= 35 &&
      lang.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") ==
          std::string::npos;
  if (!ok) {
    throw Error(where,
                subst(tr("\"{1}\" is not a language code (BCP 47, e.g. fr or pt-BR)"), {lang}));
  }
}

}  // namespace

ProjectConfig load_project_config(const fs::path& file) {
  const std::string text = read_file(file);
  check_utf8_text(text, file.string(), false);
  ProjectConfig config;
  config.config_file = file;
  std::istringstream in(text);
  po::parsed_options parsed(nullptr);
  try {
    po::options_description none;
    parsed = po::parse_config_file(in, none, /*allow_unregistered=*/true);
  } catch (const po::error& e) {
    throw Error(Location{file.string()}, e.what());
  }
  std::string root = "..";
  std::set<std::string> seen;
  for (const auto& option : parsed.options) {
    const std::string& key = option.string_key;
    const std::string value = option.value.empty() ? std::string() : option.value.front();
    const Location where{file.string(), line_of_key(text, key), 0};
    if (!seen.insert(key).second) {
      throw Error(where, subst(tr("\"{1}\" is set twice"), {key}));
    }
    const std::string where_text = where.to_string();
    if (key == "project.root") {
      root = value;
    } else if (key == "project.source-lang") {
      check_language_code(value, where);
      config.source_lang = value;
    } else if (key == "project.target-langs") {
      config.target_langs = split_list(value);
      for (const auto& l : config.target_langs) {
        check_language_code(l, where);
      }
    } else if (key == "project.releases") {
      config.releases = split_list(value);
      check_release_names(config.releases, where);
    } else if (key == "project.xliff-dir") {
      config.xliff_dir = value;
    } else if (key == "project.out-dir") {
      config.out_dir = value;
    } else if (key == "project.locales-dir") {
      config.locales_dir = value;
    } else if (key == "project.segmentation-rules") {
      config.srx_file = value;
    } else if (key == "project.memory") {
      config.memory_file = value;
    } else if (key == "project.glossary") {
      config.glossary_file = value;
    } else if (key == "project.formats") {
      config.formats = split_list(value);
    } else if (key == "project.release-date") {
      config.release_date = value;
    } else if (key == "values.phone-region") {
      config.region = value;
    } else if (key == "values.date-order") {
      if (value != "day-first" && value != "month-first") {
        throw Error(where,
                    subst(tr("date-order must be day-first or month-first, not \"{1}\""), {value}));
      }
      config.date_order = value;
    } else if (key == "build.untranslated") {
      if (value == "fallback") {
        config.untranslated = UntranslatedPolicy::fallback_to_source;
      } else if (value == "refuse") {
        config.untranslated = UntranslatedPolicy::refuse_language;
      } else {
        throw Error(where,
                    subst(tr("untranslated must be fallback or refuse, not \"{1}\""), {value}));
      }
    } else if (key == "memory.fuzzy-threshold") {
      config.fuzzy_threshold = parse_threshold(value, where_text).percent;
    } else if (key == "check.threshold") {
      config.default_threshold = parse_threshold(value, where_text);
    } else if (key.rfind("lang.", 0) == 0 && key.find('.', 5) != std::string::npos) {
      const std::string lang = key.substr(5, key.find('.', 5) - 5);
      const std::string setting = key.substr(key.find('.', 5) + 1);
      auto& settings = config.languages[lang];
      if (setting == "threshold") {
        settings.threshold = parse_threshold(value, where_text);
      } else if (setting == "xliff-version") {
        if (value != "2.0" && value != "1.2") {
          throw Error(where, subst(tr("xliff-version must be 2.0 or 1.2, not \"{1}\""), {value}));
        }
        settings.xliff_version = value;
      } else if (setting == "cat-profile") {
        settings.cat_profile = value;
      } else {
        throw Error(where, subst(tr("unknown setting \"{1}\""), {key}));
      }
    } else {
      throw Error(where, subst(tr("unknown setting \"{1}\""), {key}));
    }
  }
  config.root = (file.parent_path().empty() ? fs::path(".") : file.parent_path()) / root;
  config.root = config.root.lexically_normal();
  return config;
}

}  // namespace relocale
