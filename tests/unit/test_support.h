#pragma once

#include <filesystem>
#include <string>

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

}  // namespace relocale::test
