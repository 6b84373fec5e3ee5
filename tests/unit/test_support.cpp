#include "test_support.h"

#include <atomic>

#include <unistd.h>

#include "relocale/base/files.h"

namespace relocale::test {

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  path_ = std::filesystem::temp_directory_path() /
          ("relocale-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

ProjectConfig make_project(const std::filesystem::path& root, const std::string& target_langs,
                           const std::vector<std::pair<std::string, std::string>>& releases) {
  std::filesystem::create_directories(root / "workflow");
  std::filesystem::copy(source_dir() / "locales", root / "locales");
  std::string listed;
  for (const auto& [path, text] : releases) {
    std::filesystem::create_directories((root / path).parent_path());
    write_file_atomically(root / path, text);
    listed += (listed.empty() ? "" : " ") + path;
  }
  write_file_atomically(root / "workflow/relocale.ini",
                        "[project]\nsource-lang = en\ntarget-langs = " + target_langs +
                            "\nreleases = " + listed + "\n");
  return load_project_config(root / "workflow/relocale.ini");
}

std::string sample_release() {
  return read_file(source_dir() / "workflow/idm-geneva-release.md");
}

}  // namespace relocale::test
