#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "relocale/config/project_config.h"

namespace relocale::test {

/// The project's source folder (tests read data files from tests/data, locales/, workflow/).
inline std::filesystem::path source_dir() {
  return RELOCALE_SOURCE_DIR;
}

/// A fresh empty folder under the system's temporary folder, removed at the end of the test.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// A project in `root` (source language en): the repository's locales/, each release written at
/// its path (relative to root, with its text), and workflow/relocale.ini listing the releases in
/// that order for `target_langs` (as the configuration writes them: "fr, de"). Returns its
/// configuration.
ProjectConfig make_project(const std::filesystem::path& root, const std::string& target_langs,
                           const std::vector<std::pair<std::string, std::string>>& releases);

/// The repository's sample release, as its text.
std::string sample_release();

/// The XLIFF 2.0 file of `release` in `lang`, as if returned translated: each segment's target is
/// its source followed by `mark` (so that the targets show where they came from), state
/// translated.
void return_translated(const ProjectConfig& config, const std::string& lang,
                       const std::string& release, const std::string& mark);

/// Every file below `root`, by its path relative to root, with its contents.
std::map<std::string, std::string> files_below(const std::filesystem::path& root);

/// Checks that `actual` holds the same files as `expected` (see files_below), each byte for byte,
/// naming the file that differs.
void check_same_files(const std::map<std::string, std::string>& expected,
                      const std::map<std::string, std::string>& actual);

/// The inode of a file: a file written atomically again is a new one renamed over the old.
unsigned long inode_of(const std::filesystem::path& file);

}  // namespace relocale::test
