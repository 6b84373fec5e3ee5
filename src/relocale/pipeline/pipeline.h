#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "relocale/base/error.h"
#include "relocale/checker/completeness.h"
#include "relocale/config/project_config.h"
#include "relocale/model/document.h"
#include "relocale/xliff/xliff_io.h"

namespace relocale {

/// How far a long run is: files done of total and, for a command that counts them, the bytes of
/// its input done of total (extract counts the releases' bytes, a big release's part by part).
struct Progress {
  size_t files_done = 0;
  size_t files_total = 0;
  uint64_t bytes_done = 0;
  uint64_t bytes_total = 0;  // 0: bytes are not counted
};

/// Called from the thread that advanced the run, one call at a time, in order.
using ProgressCallback = std::function<void(const Progress&)>;

/// Counts a run's progress from the threads working on it and tells the callback, if any.
class ProgressCounter {
 public:
  ProgressCounter(ProgressCallback callback, size_t files_total, uint64_t bytes_total = 0);
  /// `files` more are done, and `bytes` more of the input.
  void advance(size_t files, uint64_t bytes = 0);

 private:
  ProgressCallback callback_;
  Progress progress_;
  std::mutex mutex_;
};

// ---- extract ------------------------------------------------------------------------------------

struct ExtractOptions {
  std::vector<std::string> releases;  // empty: the configured ones
  std::vector<std::string> langs;     // empty: the configured targets
  std::string xliff_version;          // empty: per language from the configuration
  ProgressCallback progress;
  /// A release with no XLIFF file yet is read and written in parts of at least this many bytes
  /// (see ReleaseParts), so that a big one is never held whole; 0: always whole.
  size_t part_bytes = size_t{256} << 10;
  /// Releases worked on at once (0: one per core). The files are the same whatever the number.
  unsigned threads = 0;
};

/// What happened to one XLIFF file.
struct ExtractResult {
  std::string release;
  std::string lang;
  std::filesystem::path xliff_file;
  size_t kept = 0, reused = 0, fuzzy = 0, fresh = 0, removed = 0;
};

/// Reads a release and makes its translatable document (values protected, segmented, stable ids).
Document extract_document(const ProjectConfig& config, const std::string& release_path,
                          Diagnostics& warnings);

/// The release as extract reads it now, for check and build to compare returned files with. An
/// XLIFF file whose extraction key still holds (the same release bytes, rules, options and
/// relocale version, and an intact source side) stands for it, so the release is segmented and
/// its values recognised again only when some file does not. The languages of a release may be
/// built on several threads at once: each call is safe from any thread.
class CurrentRelease {
 public:
  CurrentRelease(const ProjectConfig& config, std::string release_path);
  /// True when `doc`, read from an XLIFF file, holds the release's source side exactly as
  /// extract would make it now.
  bool is_described_by(const Document& doc);
  /// The same for a file read a unit at a time: `header` as read, `source` with every unit
  /// added in order (SourceFingerprint::add_unit), then the header (add).
  bool is_described_by(const Document& header, const SourceFingerprint& source);
  /// The release extracted (the first call extracts it).
  const Document& extracted();
  /// Extract's warnings about the release: found by extracted(), or kept in the file that
  /// source_document() took; empty until one of them was called.
  const Diagnostics& extraction_warnings() const { return warnings_; }
  /// Hands over a document that is_described_by() accepted, once its caller is done with it, so
  /// that source_document() can take its source side instead of extracting the release.
  void keep_for_source(Document&& described);
  /// The source side of the release: a file handed to keep_for_source, else the extraction.
  Document source_document();
  /// For a big file that describes the release, read a unit at a time and not kept: its
  /// language, so that the source language is made from its source side, read again so.
  void keep_file_for_source(const std::string& lang);
  /// The language given to keep_file_for_source, when neither a document was kept nor the
  /// release extracted; "" otherwise.
  std::string file_for_source();
  /// Extract's warnings kept in the file that file_for_source() named, given again as
  /// source_document() gives those of the file it takes.
  void take_source_warnings(const std::vector<SourceWarning>& warnings);

 private:
  const Document& extracted_locked();

  const ProjectConfig& config_;
  std::string release_path_;
  std::string inputs_key_;  // computed on first use
  std::optional<Document> extracted_;
  std::optional<Document> kept_;  // a file that describes the release, handed over
  std::string kept_file_;         // the language of one, read a unit at a time
  Diagnostics warnings_;
  std::mutex mutex_;
};

/// extract: each release → xliff/<lang>/<release>.xlf per target language, carrying over every
/// translation already there (and the project's memory), written atomically.
std::vector<ExtractResult> run_extract(const ProjectConfig& config, const ExtractOptions& options,
                                       Diagnostics& warnings);

// ---- build --------------------------------------------------------------------------------------

struct BuildOptions {
  std::vector<std::string> releases;
  std::vector<std::string> langs;
  std::vector<std::string> formats;  // empty: the configured ones
  bool verbatim = false;  // targets = sources, values as written: reproduces the source exactly
  bool include_source = true;  // also build the source language's release
  ProgressCallback progress;
  unsigned threads = 0;  // releases worked on at once (0: one per core); the same files
  /// XLIFF 2 files of this size or more that describe their release are read and merged a unit
  /// at a time, never held whole (tests set 0 to build every file so); the same files either way.
  uintmax_t stream_from_bytes = kStreamXliffBytes;
  /// A right-to-left language's HTML and text pages, each merged with its own bidi marks from a
  /// file read a unit at a time, go aside (to a temporary file) past this many bytes, and are
  /// read back one at a time once the Markdown is written (tests set 0); the same pages either way.
  size_t aside_from_bytes = size_t{4} << 20;
};

struct BuildResult {
  std::string release;
  std::string lang;
  std::vector<std::filesystem::path> files;
  std::vector<std::string> untranslated;  // unit/segment ids that fell back to the source
  bool refused = false;  // the language was refused (untranslated = refuse) and nothing written
};

/// build: XLIFF files → out/<lang>/<release>.<ext>, all formats of a language or none.
std::vector<BuildResult> run_build(const ProjectConfig& config, const BuildOptions& options,
                                   Diagnostics& diagnostics);

// ---- shared -------------------------------------------------------------------------------------

/// The releases to work on: the given names or paths (matched against the configured releases by
/// path or name), or all configured ones. Unknown names are an Error with a suggestion.
std::vector<std::string> select_releases(const ProjectConfig& config,
                                         const std::vector<std::string>& requested);
/// The target languages: requested ones, or the configured ones.
std::vector<std::string> select_languages(const ProjectConfig& config,
                                          const std::vector<std::string>& requested);

/// The threads for the languages of one release when `release_count` releases share `threads`
/// (0: one per core): with fewer releases than threads (an editor working on the release they
/// wrote), a release's languages share the threads left, except when its XLIFF files are so big
/// that holding several at once would multiply the memory it takes. 1: one language at a time.
unsigned threads_for_languages(const ProjectConfig& config, const std::string& release_path,
                               const std::vector<std::string>& langs, size_t release_count,
                               unsigned threads);

/// Reads and parses the XLIFF of a release in a language, checking that its trgLang matches the
/// folder it is in. `bytes`, when given, are the file's contents, already read.
Document load_xliff_file(const ProjectConfig& config, const std::string& lang,
                         const std::string& release, const std::string* bytes = nullptr);

/// load_xliff_file a unit at a time, for a file of `stream_from_bytes` or more (kStreamXliffBytes):
/// `header` gets the file's languages, skeleton and key, checked as load_xliff_file checks them,
/// before the first unit goes to `on_unit`; each unit follows in the file's order, and is the
/// caller's to keep or drop. Returns false for a file to load whole instead (smaller, XLIFF 1.2,
/// or any error: load_xliff_file then names it), having maybe handed some units to `on_unit`
/// already: the caller starts again from nothing. `source`, when given, gets the file's source
/// side (the header, then each unit before `on_unit` has it), for CurrentRelease::is_described_by.
bool stream_xliff_file(const ProjectConfig& config, const std::string& lang,
                       const std::string& release, Document& header,
                       const std::function<void(Unit&& unit)>& on_unit, uintmax_t stream_from_bytes,
                       SourceFingerprint* source = nullptr);

}  // namespace relocale
