#include "test_support.h"

#include <atomic>

#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include "relocale/base/files.h"
#include "relocale/xliff/xliff_io.h"

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

void return_translated(const ProjectConfig& config, const std::string& lang,
                       const std::string& release, const std::string& mark) {
  const std::filesystem::path file = config.xliff_path(lang, release);
  Document doc = read_xliff(read_file(file), file.string());
  for (auto& unit : doc.units) {
    for (auto& seg : unit.segments) {
      seg.target = seg.source;
      seg.target->push_back(mark);
      seg.state = SegmentState::translated;
    }
  }
  XliffWriteOptions options;
  options.version = "2.0";
  write_file_atomically(file, write_xliff(doc, options));
}

std::map<std::string, std::string> files_below(const std::filesystem::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) {
      files[std::filesystem::relative(entry.path(), root).string()] = read_file(entry.path());
    }
  }
  return files;
}

void check_same_files(const std::map<std::string, std::string>& expected,
                      const std::map<std::string, std::string>& actual) {
  REQUIRE(actual.size() == expected.size());
  for (const auto& [name, text] : expected) {
    INFO(name);
    REQUIRE(actual.count(name) == 1);
    CHECK(actual.at(name) == text);
  }
}

unsigned long inode_of(const std::filesystem::path& file) {
  struct stat st {};
  REQUIRE(::stat(file.c_str(), &st) == 0);
  return static_cast<unsigned long>(st.st_ino);
}

}  // namespace relocale::test
