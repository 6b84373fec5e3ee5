// The recipes, written as lists of passes: each call says why it is there.
#include "relocale/pipeline/pipeline.h"

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <set>

#include <cmark.h>
#include <dlfcn.h>
#include <phonenumbers/phonenumberutil.h>
#include <sys/stat.h>
#include <unicode/uversion.h>

#ifndef RELOCALE_PHONENUMBER_VERSION
#define RELOCALE_PHONENUMBER_VERSION "unknown"
#endif

#include "relocale/base/files.h"
#include "relocale/base/fingerprint.h"
#include "relocale/base/i18n.h"
#include "relocale/base/parallel.h"
#include "relocale/base/suggest.h"
#include "relocale/locale_formatter/house_style.h"
#include "relocale/memory/carry_over.h"
#include "relocale/memory/similarity.h"
#include "relocale/memory/tmx.h"
#include "relocale/merger/merge_contract.h"
#include "relocale/merger/merger.h"
#include "relocale/pipeline/prepare_units.h"
#include "relocale/protector/value_finder.h"
#include "relocale/reader/release_reader.h"
#include "relocale/segmenter/segmenter.h"
#include "relocale/writer/release_writers.h"
#include "relocale/xliff/xliff_io.h"

namespace relocale {

namespace fs = std::filesystem;

namespace {

int year_of(const std::string& iso_date) {
  if (iso_date.size() >= 4 && std::all_of(iso_date.begin(), iso_date.begin() + 4, ::isdigit)) {
    return std::stoi(iso_date.substr(0, 4));
  }
  return 0;
}

// House styles are read once per language and shared by the threads (read-only after loading).
class StyleCache {
 public:
  explicit StyleCache(const ProjectConfig& config) : config_(config) {}
  const HouseStyle& get(const std::string& lang) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = styles_.find(lang);
    if (it == styles_.end()) {
      it = styles_.emplace(lang, load_house_style(lang, config_.path(config_.locales_dir))).first;
    }
    return it->second;
  }

 private:
  const ProjectConfig& config_;
  std::mutex mutex_;
  std::map<std::string, HouseStyle> styles_;
};

// The skeleton and the units must name each other: a unit the skeleton does not use would be a
// translation silently dropped, a reference without its unit a paragraph silently missing. Asked
// a unit at a time, for a file read a part at a time. `header` must outlive the contract: the ids
// are its skeleton's, not copies.
class SkeletonContract {
 public:
  SkeletonContract(const Document& header, std::string file_name)
      : file_(std::move(file_name)), applies_(!header.skeleton.empty()) {
    for (const auto& part : header.skeleton) {
      if (!part.unit_id.empty()) {
        referenced_.push_back(part.unit_id);
      }
    }
    // Sorted, as the ids of a big release take less room so than in a set.
    std::sort(referenced_.begin(), referenced_.end());
    referenced_.erase(std::unique(referenced_.begin(), referenced_.end()), referenced_.end());
    met_.assign(referenced_.size(), false);
  }
  void check(const Unit& unit) {
    if (!applies_) {
      return;
    }
    const auto it = std::lower_bound(referenced_.begin(), referenced_.end(), unit.id);
    if (it == referenced_.end() || *it != unit.id) {
      throw Error(Location{file_, unit.line, 0, unit.id},
                  tr("this unit is not in the release's skeleton (unknown unit id)"));
    }
    met_[static_cast<size_t>(it - referenced_.begin())] = true;
  }
  void finish() const {
    for (size_t i = 0; i < referenced_.size(); ++i) {
      if (!met_[i]) {
        throw Error(Location{file_, 0, 0, std::string(referenced_[i])},
                    tr("the skeleton refers to this unit but the file has no such <unit>"));
      }
    }
  }

 private:
  std::string file_;
  bool applies_;
  std::vector<std::string_view> referenced_;  // by the skeleton, sorted, each once
  std::vector<bool> met_;                     // a unit of that id was read
};

void check_units_match_skeleton(const Document& doc, const std::string& file_name) {
  SkeletonContract contract(doc, file_name);
  for (const auto& unit : doc.units) {
    contract.check(unit);
  }
  contract.finish();
}

// What a file's header must say for the folder it is in; a file that names no release is the
// folder's.
void check_xliff_header(Document& header, const std::string& lang, const std::string& release,
                        const fs::path& file) {
  if (!header.target_lang.empty() && header.target_lang != lang) {
    throw Error(Location{file.string(), 1},
                subst(tr("trgLang is \"{1}\" but the file is in the folder of \"{2}\""),
                      {header.target_lang, lang}));
  }
  if (header.release.empty()) {
    header.release = release;
  }
}

// The versions of the code that decides what extract makes, as they run: relocale's scheme (bump
// kExtractionScheme with any change to reading, segmenting or recognising values that changes
// extract's output), ICU's and cmark's versions from the libraries themselves, and the
// phone-number library's file (its name, size and time: Debian ships libphonenumber's metadata
// updates as new builds of the same soname).
constexpr const char* kExtractionScheme = "relocale-extract-6";

// The file of the shared library that holds `symbol`, with its size and time, if its name
// contains `name` (a static link or a symbol resolved elsewhere gives `fallback`).
std::string library_file_identity(const void* symbol, const char* name, const char* fallback) {
  Dl_info info{};
  struct stat status {};
  if (dladdr(symbol, &info) == 0 || info.dli_fname == nullptr ||
      std::strstr(info.dli_fname, name) == nullptr || ::stat(info.dli_fname, &status) != 0) {
    return fallback;
  }
  return std::string(info.dli_fname) + " " + std::to_string(status.st_size) + " " +
         std::to_string(status.st_mtime);
}

const std::string& extraction_code_versions() {
  static const std::string versions = [] {
    UVersionInfo icu{};
    u_getVersion(icu);
    char icu_version[U_MAX_VERSION_STRING_LENGTH] = {};
    u_versionToString(icu, icu_version);
    return Fingerprint()
        .add(kExtractionScheme)
        .add(RELOCALE_VERSION)
        .add(icu_version)
        .add(cmark_version_string())
        .add(library_file_identity(
            reinterpret_cast<const void*>(&i18n::phonenumbers::PhoneNumberUtil::GetInstance),
            "phonenumber", RELOCALE_PHONENUMBER_VERSION))
        .hex();
  }();
  return versions;
}

// What extract reads to make a release's source side, as a digest: the release's bytes, the
// segmentation rules, the options of value recognition, and the versions of the code that reads
// them (extraction_code_versions).
// `add_release` adds the release's bytes as one field.
std::string extraction_inputs_key_with(const ProjectConfig& config, const std::string& release_path,
                                       const std::function<void(Fingerprint&)>& add_release) {
  // The rules file is read once per process (a run does not change it).
  static std::mutex mutex;
  static std::map<std::string, std::string> rules_digests;
  const std::string srx = config.path(config.srx_file).string();
  std::string rules_digest;
  {
    std::lock_guard<std::mutex> lock(mutex);
    auto it = rules_digests.find(srx);
    if (it == rules_digests.end()) {
      it = rules_digests.emplace(srx, Fingerprint().add(read_file(srx)).hex()).first;
    }
    rules_digest = it->second;
  }
  Fingerprint f;
  f.add(extraction_code_versions()).add(release_path);
  add_release(f);
  f.add(config.source_lang).add(config.region).add(config.date_order).add(config.release_date);
  f.add(rules_digest);
  return f.hex();
}

std::string extraction_inputs_key(const ProjectConfig& config, const std::string& release_path,
                                  std::string_view release_bytes) {
  return extraction_inputs_key_with(config, release_path,
                                    [&](Fingerprint& f) { f.add(release_bytes); });
}

// Adds a file's bytes to `f` as one field, read a piece at a time: the same digest as add() of the
// whole file, which is never held. A file that grows or shrinks while it is read is read again,
// whole.
void add_file_field(Fingerprint& f, const fs::path& file) {
  std::error_code error;
  const uintmax_t size = fs::file_size(file, error);
  uintmax_t read = 0;
  Fingerprint pieces = f;
  pieces.begin_field(size);
  if (!error) {
    read_file_in_pieces(file, size_t{1} << 20, [&](std::string_view piece) {
      read += piece.size();
      pieces.add_piece(piece);
      return read <= size;
    });
  }
  if (error || read != size) {
    f.add(read_file(file));
    return;
  }
  f = pieces.end_field();
}

// The same, the release read a piece at a time (a big release is never held whole for its key).
std::string extraction_inputs_key_of_file(const ProjectConfig& config,
                                          const std::string& release_path, const fs::path& file) {
  return extraction_inputs_key_with(config, release_path,
                                    [&](Fingerprint& f) { add_file_field(f, file); });
}

// A source side's extraction key: the digest of its inputs (extraction_inputs_key) and the digest
// of what it holds (a SourceFingerprint's hex).
std::string extraction_key(const std::string& inputs_key, const std::string& source_digest) {
  return inputs_key + "-" + source_digest;
}

}  // namespace

namespace {

// The names in their first order, each once: a language or release named twice is one file, and
// two writers of one file would take each other's work for a translator's.
std::vector<std::string> each_once(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const auto& name : names) {
    if (std::find(out.begin(), out.end(), name) == out.end()) {
      out.push_back(name);
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> select_releases(const ProjectConfig& config,
                                         const std::vector<std::string>& requested) {
  if (requested.empty()) {
    return each_once(config.releases);
  }
  std::vector<std::string> out;
  for (const auto& r : requested) {
    const auto match =
        std::find_if(config.releases.begin(), config.releases.end(), [&](const auto& c) {
          return c == r || release_name(c) == r || release_name(c) == release_name(r);
        });
    if (match != config.releases.end()) {
      out.push_back(*match);
      continue;
    }
    std::vector<std::string> names;
    for (const auto& c : config.releases) {
      names.push_back(release_name(c));
    }
    const std::string best = closest_match(release_name(r), names);
    throw Error(
        Location{config.config_file.string()},
        best.empty()
            ? subst(tr("release \"{1}\" is not in the project"), {r})
            : subst(tr("release \"{1}\" is not in the project; did you mean \"{2}\"?"), {r, best}));
  }
  return each_once(out);
}

std::vector<std::string> select_languages(const ProjectConfig& config,
                                          const std::vector<std::string>& requested) {
  return each_once(requested.empty() ? config.target_langs : requested);
}

// The XLIFF files of a release above which its languages are worked on one at a time: a file
// takes about ten times its size in memory while it is read and merged.
constexpr uintmax_t kLanguagesTogetherBytes = uintmax_t{256} << 20;

unsigned threads_for_languages(const ProjectConfig& config, const std::string& release_path,
                               const std::vector<std::string>& langs, size_t release_count,
                               unsigned threads) {
  if (threads == 0) {
    threads = default_thread_count();
  }
  if (release_count == 0 || release_count >= threads) {
    return 1;
  }
  uintmax_t bytes = 0;
  for (const auto& lang : langs) {
    std::error_code ec;
    const auto size = fs::file_size(config.xliff_path(lang, release_name(release_path)), ec);
    bytes += ec ? 0 : size;
  }
  if (bytes > kLanguagesTogetherBytes) {
    return 1;
  }
  return static_cast<unsigned>((threads + release_count - 1) / release_count);
}

Document load_xliff_file(const ProjectConfig& config, const std::string& lang,
                         const std::string& release, const std::string* bytes) {
  const fs::path file = config.xliff_path(lang, release);
  // A big file is read a part at a time, never whole.
  Document doc = bytes == nullptr ? read_xliff_file(file) : read_xliff(*bytes, file.string());
  check_xliff_header(doc, lang, release, file);
  check_units_match_skeleton(doc, file.string());
  return doc;
}

bool stream_xliff_file(const ProjectConfig& config, const std::string& lang,
                       const std::string& release, Document& header,
                       const std::function<void(Unit&& unit)>& on_unit, uintmax_t stream_from_bytes,
                       SourceFingerprint* source) {
  const fs::path file = config.xliff_path(lang, release);
  std::error_code error;
  const uintmax_t size = fs::file_size(file, error);
  if (error || size < stream_from_bytes) {
    return false;
  }
  std::optional<SkeletonContract> contract;
  // Once, before the first unit (the skeleton comes first in <file>, and the reading hands back a
  // file where it does not), or at the end of a file without units.
  auto header_read = [&] {
    if (!contract) {
      check_xliff_header(header, lang, release, file);
      contract.emplace(header, file.string());
      if (source != nullptr) {
        source->add(header);  // its skeleton and extract's warnings; no units
      }
    }
  };
  const bool streamed = stream_xliff2_file(file, header, [&](Unit&& unit) {
    header_read();
    contract->check(unit);
    if (source != nullptr) {
      source->add_unit(unit);
    }
    on_unit(std::move(unit));
  });
  if (!streamed) {
    return false;
  }
  try {
    header_read();
    contract->finish();
  } catch (const Error&) {
    return false;  // load_xliff_file names it, or a fault it meets first
  }
  return true;
}

namespace {

// The segmenter of this thread for the project's rules and source language: compiling the rules
// costs more than segmenting a release, so each thread keeps its own.
const Segmenter& thread_segmenter(const ProjectConfig& config) {
  thread_local std::string cached_key;
  thread_local std::unique_ptr<Segmenter> segmenter;
  const std::string key = config.path(config.srx_file).string() + "|" + config.source_lang;
  if (!segmenter || cached_key != key) {
    segmenter = std::make_unique<Segmenter>(load_srx_file(config.path(config.srx_file)),
                                            config.source_lang);
    cached_key = key;
  }
  return *segmenter;
}

// The header fields the release does not give itself.
void complete_header(Document& doc, const ProjectConfig& config, const std::string& release_path) {
  doc.release = release_name(release_path);
  doc.source_lang = config.source_lang;
  if (doc.date.empty()) {
    doc.date = config.release_date;
  }
}

RecognitionOptions recognition_options(const ProjectConfig& config, const Document& header) {
  RecognitionOptions values;
  values.lang = config.source_lang;
  values.region = config.region;
  values.order =
      config.date_order == "month-first" ? DayMonthOrder::month_first : DayMonthOrder::day_first;
  values.default_year = year_of(header.date);
  return values;
}

}  // namespace

Document extract_document(const ProjectConfig& config, const std::string& release_path,
                          Diagnostics& warnings) {
  const fs::path file = path_inside(config.root, release_path, config.config_file.string());
  // Read: Markdown through cmark (or plain text), with front matter and an exact skeleton.
  const std::string bytes = read_file(file);
  Document doc = read_release(bytes, release_path);
  complete_header(doc, config, release_path);
  // Segment: SRX rules over ICU sentence breaks, never inside a recognised value.
  prepare_units(doc, thread_segmenter(config), recognition_options(config, doc), warnings);
  doc.extraction_key =
      extraction_key(extraction_inputs_key(config, release_path, bytes), source_fingerprint(doc));
  return doc;
}

namespace {

// Whether a file read from XLIFF holds the source side that the inputs (see
// extraction_inputs_key) make: its key names those inputs and a digest of what it holds now.
bool extraction_key_holds(const Document& doc, const std::string& inputs_key) {
  return !doc.extraction_key.empty() &&
         doc.extraction_key == extraction_key(inputs_key, source_fingerprint(doc));
}

// extract's warnings about a release's text, as kept in an XLIFF file, given again in the
// language of the messages.
void add_source_warnings(Diagnostics& out, const std::string& release_path,
                         const std::vector<SourceWarning>& warnings) {
  for (const auto& warning : warnings) {
    const auto doubt = value_doubt_from_key(warning.doubt);
    out.add("value-ambiguous", Severity::warning, Location{release_path, 0, 0, warning.unit_id},
            doubt ? value_doubt_message(*doubt, warning.text) : warning.text);
  }
}

}  // namespace

CurrentRelease::CurrentRelease(const ProjectConfig& config, std::string release_path)
    : config_(config), release_path_(std::move(release_path)) {}

bool CurrentRelease::is_described_by(const Document& doc) {
  if (doc.extraction_key.empty()) {
    return false;  // without reading the release for its inputs' key
  }
  SourceFingerprint source;
  source.add(doc);
  return is_described_by(doc, source);
}

bool CurrentRelease::is_described_by(const Document& header, const SourceFingerprint& source) {
  if (header.extraction_key.empty()) {
    return false;
  }
  std::string inputs_key;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (inputs_key_.empty()) {
      const fs::path file = path_inside(config_.root, release_path_, config_.config_file.string());
      inputs_key_ = extraction_inputs_key_of_file(config_, release_path_, file);
    }
    inputs_key = inputs_key_;
  }
  return header.extraction_key == extraction_key(inputs_key, source.hex(header));
}

void CurrentRelease::keep_for_source(Document&& described) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!kept_ && !extracted_) {
    kept_ = std::move(described);
  }
}

void CurrentRelease::keep_file_for_source(const std::string& lang) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (kept_file_.empty()) {
    kept_file_ = lang;
  }
}

std::string CurrentRelease::file_for_source() {
  std::lock_guard<std::mutex> lock(mutex_);
  return extracted_ || kept_ ? "" : kept_file_;
}

void CurrentRelease::take_source_warnings(const std::vector<SourceWarning>& warnings) {
  std::lock_guard<std::mutex> lock(mutex_);
  add_source_warnings(warnings_, release_path_, warnings);
}

const Document& CurrentRelease::extracted() {
  std::lock_guard<std::mutex> lock(mutex_);
  return extracted_locked();
}

const Document& CurrentRelease::extracted_locked() {
  if (!extracted_) {
    extracted_ = extract_document(config_, release_path_, warnings_);
  }
  return *extracted_;  // never changed again: read by every thread without the lock
}

namespace {

// Every segment back to untranslated: no target, the initial state, no candidates.
void clear_translations(Document& doc) {
  for (auto& unit : doc.units) {
    for (auto& seg : unit.segments) {
      seg.target.reset();
      seg.state = SegmentState::initial;
      seg.candidates.clear();
    }
  }
}

}  // namespace

Document CurrentRelease::source_document() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (extracted_ || !kept_) {
    return extracted_locked();
  }
  Document source = std::move(*kept_);
  kept_.reset();
  source.target_lang.clear();
  clear_translations(source);
  add_source_warnings(warnings_, release_path_, source.source_warnings);
  return source;
}

namespace {

// The releases of a run meet the memory in their order, whatever thread works on each, so that a
// run on several cores writes what a run on one does: release i's carry-over into a language sees
// what the releases before it added to the memory in that language (the translations of their
// files, those they set aside) and nothing that the releases after it add. Only languages where
// a release has a file already are kept in order: without one a release adds nothing, and the
// memory it reads stays as loaded. The pool hands releases out in order, so the release whose
// turn it is has always been taken by a thread: waiting for it cannot block.
class MemoryTurns {
 public:
  explicit MemoryTurns(std::vector<bool> ordered)
      : ordered_(std::move(ordered)), next_(ordered_.size(), 0) {}

  // Waits until it is the release's turn in language l.
  void wait(size_t l, size_t release) {
    if (!ordered_[l]) {
      return;
    }
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return next_[l] == release; });
  }

  // Ends the release's turn in language l: the next release's begins.
  void end(size_t l, size_t release) {
    if (!ordered_[l]) {
      return;
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      next_[l] = release + 1;
    }
    changed_.notify_all();
  }

 private:
  std::vector<bool> ordered_;
  std::vector<size_t> next_;  // per language: the release whose turn it is
  std::mutex mutex_;
  std::condition_variable changed_;
};

// One release's turns, in every language: each begun at most once and ended exactly once, also
// when the release fails (the next ones wait for it).
class ReleaseTurns {
 public:
  ReleaseTurns(MemoryTurns& turns, size_t release, size_t languages)
      : turns_(turns), release_(release), state_(languages, State::waiting) {}
  ReleaseTurns(const ReleaseTurns&) = delete;
  ReleaseTurns& operator=(const ReleaseTurns&) = delete;
  ~ReleaseTurns() { end_all(); }

  // Waits for the turn in language l, unless the release has it already.
  void begin(size_t l) {
    if (state_[l] == State::waiting) {
      turns_.wait(l, release_);
      state_[l] = State::begun;
    }
  }

  // Ends the turn in language l (waiting for it first if it was never begun).
  void end(size_t l) {
    if (state_[l] != State::ended) {
      begin(l);
      turns_.end(l, release_);
      state_[l] = State::ended;
    }
  }

  // Ends the turns of every language.
  void end_all() {
    for (size_t l = 0; l < state_.size(); ++l) {
      end(l);
    }
  }

 private:
  enum class State { waiting, begun, ended };
  MemoryTurns& turns_;
  size_t release_;
  std::vector<State> state_;
};

// What extract shares between the releases it works on at once.
struct ExtractShared {
  const ProjectConfig& config;
  const ExtractOptions& options;
  const std::vector<std::string>& langs;
  StyleCache& styles;
  TranslationMemory& memory;  // guarded by memory_mutex
  std::mutex& memory_mutex;
  MemoryTurns& memory_turns;
  ProgressCounter& progress;
};

// One target language's XLIFF file of a release, while it is being made.
struct LanguageFile {
  std::string lang;
  fs::path xliff;
  XliffWriteOptions write;
  bool had_previous = false;           // the file was there when extract started
  std::string previous_digest;         // of the file as read
  std::unique_ptr<Document> previous;  // the file as read, when it was read before carry-over
  std::unique_ptr<SpillBuffer> units;  // a release in parts: the units, until the head can be
  CarryOverReport report;
};

void add_report(CarryOverReport& total, const CarryOverReport& part) {
  total.kept += part.kept;
  total.reused += part.reused;
  total.fuzzy += part.fuzzy;
  total.fresh += part.fresh;
  total.removed += part.removed;
}

// A language's file that a translator's tool saved while extract worked on it: never overwritten
// blindly.
[[noreturn]] void throw_changed_on_disk(const std::string& file) {
  throw Error(Location{file}, tr("the file changed on disk while relocale was updating it; it was "
                                 "not overwritten: run relocale extract again"));
}

// Commits a language's file, unless a translator's tool saved the one we read while we worked.
void commit_unless_changed(AtomicFileWriter& updated, const LanguageFile& file) {
  Fingerprint on_disk;
  if (file.had_previous) {
    add_file_field(on_disk, file.xliff);
  }
  if (file.had_previous ? on_disk.hex() != file.previous_digest : fs::exists(file.xliff)) {
    throw_changed_on_disk(file.xliff.string());
  }
  updated.commit();
}

// Each target language's file of a release, as extract will make it: where, in which XLIFF
// version, with values shown as they will read in the language, and whether it is there already.
std::vector<LanguageFile> language_files(const ExtractShared& shared, const std::string& release) {
  const ProjectConfig& config = shared.config;
  std::vector<LanguageFile> files;
  for (const auto& lang : shared.langs) {
    LanguageFile file;
    file.lang = lang;
    file.xliff = config.xliff_path(lang, release);
    file.write.version = shared.options.xliff_version.empty()
                             ? config.settings_for(lang).xliff_version
                             : shared.options.xliff_version;
    file.write.cat_profile = config.settings_for(lang).cat_profile;
    const HouseStyle* style = &shared.styles.get(lang);
    file.write.display = [style](const Placeholder& p) { return render_placeholder(p, *style); };
    file.had_previous = fs::exists(file.xliff);
    files.push_back(std::move(file));
  }
  return files;
}

// Writes a language's file, made aside: `size` bytes that `made` hands to the sink it is given,
// in pieces (as often as asked). A file that comes out as it was read is left as it is: nothing
// rewritten, its time kept, for whatever watches the files (an editor, make, a sync). A new file
// is not digested: there is nothing to compare it with.
void write_unless_as_read(const LanguageFile& file, uint64_t size,
                          const std::function<void(const XliffSink&)>& made) {
  if (file.had_previous) {
    Fingerprint digest;
    digest.begin_field(size);
    made([&digest](std::string_view piece) { digest.add_piece(piece); });
    if (digest.end_field().hex() == file.previous_digest) {
      return;
    }
  }
  AtomicFileWriter updated(file.xliff);
  made([&updated](std::string_view piece) { updated.write(piece); });
  commit_unless_changed(updated, file);
}

// The file of a release written in parts: the head, now that `header` holds the key of every
// part, then the units that waited for it, then the tail.
void write_head_and_units(LanguageFile& file, Document& header, const std::string& skeleton_xml) {
  header.target_lang = file.lang;
  std::string head;
  write_xliff2_head(head, header, skeleton_xml);
  std::string tail;
  write_xliff2_tail(tail);
  write_unless_as_read(file, head.size() + file.units->size() + tail.size(),
                       [&](const XliffSink& sink) {
                         sink(head);
                         file.units->replay(sink);
                         sink(tail);
                       });
}

// Reads the file a language had when extract started, and the digest of its bytes, by which it is
// known whether it changed on disk meanwhile (commit_unless_changed) or comes out the same. A big
// file is digested and read a part at a time, never held whole.
void read_previous(const ProjectConfig& config, LanguageFile& file, const std::string& release) {
  std::error_code error;
  if (fs::file_size(file.xliff, error) >= kStreamXliffBytes && !error) {
    Fingerprint digest;
    add_file_field(digest, file.xliff);
    file.previous_digest = digest.hex();
    file.previous = std::make_unique<Document>(load_xliff_file(config, file.lang, release));
    return;
  }
  const std::string bytes = read_file(file.xliff);
  file.previous_digest = Fingerprint().add(bytes).hex();
  file.previous = std::make_unique<Document>(load_xliff_file(config, file.lang, release, &bytes));
}

// The units of `part` back as extracted, before the next language's carry-over: no targets, no
// candidates, and the notes each unit and segment had (`extracted_notes`, from
// extracted_notes_of).
std::vector<size_t> extracted_notes_of(const Document& part) {
  std::vector<size_t> counts;  // how many notes each unit, then each segment, had
  for (const auto& unit : part.units) {
    counts.push_back(unit.notes.size());
    for (const auto& seg : unit.segments) {
      counts.push_back(seg.notes.size());
    }
  }
  return counts;
}
void reset_to_extracted(Document& part, const std::vector<size_t>& extracted_notes) {
  clear_translations(part);
  size_t k = 0;
  for (auto& unit : part.units) {
    unit.notes.resize(extracted_notes[k++]);
    for (auto& seg : unit.segments) {
      seg.notes.resize(extracted_notes[k++]);
    }
  }
}

// What carry-over needs of a file read whole: its units move into it.
std::unique_ptr<PreviousVersion> previous_version_of(Document&& doc) {
  auto version = std::make_unique<PreviousVersion>(doc);
  for (auto& unit : doc.units) {
    version->add_unit(std::move(unit));
  }
  doc.units.clear();
  version->finish_reading();
  return version;
}

// Carries translations over into one part of a release and writes its units, for each language in
// turn (XLIFF 1.2 whole, the release being one part).
void carry_over_and_write(const ExtractShared& shared, Document& part,
                          std::vector<LanguageFile>& files, const std::string& release,
                          ReleaseTurns& turns) {
  const ProjectConfig& config = shared.config;
  // One part serves every language in turn: carry-over fills its targets, candidates and
  // notes, which are put back as extracted before the next language (a copy per language
  // doubled the memory a big release takes).
  const std::vector<size_t> extracted_notes = extracted_notes_of(part);
  SegmentKeys keys;
  for (const auto& unit : part.units) {
    keys.add_unit(unit);
  }
  for (size_t l = 0; l < files.size(); ++l) {
    LanguageFile& file = files[l];
    if (l > 0) {
      reset_to_extracted(part, extracted_notes);
    }
    part.target_lang = file.lang;
    // Carry over: the previous XLIFF's translations and the memory's, never dropping any.
    if (file.had_previous && !file.previous) {
      read_previous(config, file, release);
    }
    std::unique_ptr<PreviousVersion> previous;
    if (file.previous) {
      previous = previous_version_of(std::move(*file.previous));
      file.previous.reset();
    }
    turns.begin(l);  // the releases before this one have added what they had
    {
      std::lock_guard<std::mutex> lock(shared.memory_mutex);
      CarryOver carry(keys, previous.get(), part.source_lang, part.target_lang,
                      CarryOverOptions{config.fuzzy_threshold, 3});
      for (auto& unit : part.units) {
        carry.apply(unit, shared.memory);
      }
      add_report(file.report, carry.finish(shared.memory));
      // Every confirmed segment joins the memory, so the next release is offered it.
      if (previous) {
        previous->add_translations_to(shared.memory);
      }
    }
    if (!file.units) {
      turns.end(l);  // a whole release is done with the memory; one in parts, at its end
    }
    previous.reset();
    // Write: a release in one part whole now; in parts, the units now and the head at the end.
    if (file.units) {
      write_xliff2_units(part, file.write,
                         [&file](std::string_view piece) { file.units->append(piece); });
    } else {
      // The file is made first, in memory, or for a big release in a temporary file beside it
      // (XLIFF is about eight times the release), to be compared with the one there.
      SpillBuffer xliff(file.xliff.parent_path(), size_t{2} << 20);
      write_xliff(part, file.write, [&xliff](std::string_view piece) { xliff.append(piece); });
      write_unless_as_read(file, xliff.size(),
                           [&xliff](const XliffSink& sink) { xliff.replay(sink); });
    }
  }
}

// A unit of a language's file as extract makes it, at `position` among the release's blocks: no
// targets, candidates or notes, and no line in a file.
void to_source_side(Unit& unit, int position) {
  for (auto& seg : unit.segments) {
    seg.target.reset();
    seg.state = SegmentState::initial;
    seg.candidates.clear();
    seg.notes.clear();
    seg.line = 0;
  }
  unit.position = position;
  unit.notes.clear();
  unit.line = 0;
}

// The release's source side from the first of its files, when that file's extraction key holds
// (the release, the rules, the options and relocale are what they were when it was written, and
// its source side is intact): extract would make the very same, so the release is not read,
// segmented and its values recognised again. The file is kept for its language's carry-over.
// Null when no file is there or its key does not hold.
std::unique_ptr<Document> source_side_from_files(const ExtractShared& shared,
                                                 std::vector<LanguageFile>& files,
                                                 const std::string& release_path,
                                                 const std::string& inputs_key) {
  auto first = std::find_if(files.begin(), files.end(),
                            [](const LanguageFile& f) { return f.had_previous; });
  if (first == files.end()) {
    return nullptr;
  }
  read_previous(shared.config, *first, release_name(release_path));
  if (!extraction_key_holds(*first->previous, inputs_key)) {
    return nullptr;
  }
  // As extract makes it: no targets, notes or candidates, positions in order, the release's path.
  auto source = std::make_unique<Document>(*first->previous);
  source->target_lang.clear();
  source->source_file = release_path;
  int position = 0;
  for (auto& unit : source->units) {
    to_source_side(unit, ++position);
  }
  return source;
}

// Units carried over together in a release in parts with files there.
constexpr size_t kUnitsPerBatch = 1024;

// One release's files while extract works on it, and what their heads are written from at the
// end.
struct ReleaseState {
  std::vector<LanguageFile> files;
  Document part;              // the part written last; at the end, the release's header
  std::string skeleton_xml;   // a release in parts: its skeleton, for the heads
  size_t bytes_reported = 0;  // to the progress counter, as parts are written
};

// The release read from its text, a batch of parts at a time: each batch segmented a part per
// core, while the next one is read in a release in parts, then each part named, carried over and
// written in order. Leaves in `state` the release's header (the last part, with the key) and, in
// parts, its skeleton for the heads.
// `take_part` gets each part, its units named.
void extract_from_text(const ExtractShared& shared, const std::string& release_path,
                       const std::string& inputs_key, ReleaseParts& parts,
                       const std::function<void(Document& part)>& take_part, Diagnostics& warnings,
                       ReleaseState& state) {
  const ProjectConfig& config = shared.config;
  const bool in_parts = parts.part_count() > 1;
  // A release in parts has them segmented a few at a time, one per core (segmenting and
  // recognising values is most of the work, and each part's is its own, with a segmenter of its
  // own); ids, the memory and writing then take them in order.
  const unsigned threads =
      shared.options.threads > 0 ? shared.options.threads : default_thread_count();
  const size_t batch = in_parts ? std::min<size_t>(threads, parts.part_count()) : 1;
  std::vector<std::unique_ptr<Segmenter>> own_segmenters;
  std::vector<const Segmenter*> segmenters{&thread_segmenter(config)};
  while (segmenters.size() < batch) {
    own_segmenters.push_back(std::make_unique<Segmenter>(
        load_srx_file(config.path(config.srx_file)), config.source_lang));
    segmenters.push_back(own_segmenters.back().get());
  }
  TakenUnitIds unit_ids;
  std::vector<SourceWarning> release_warnings;  // of every part, for the head
  SourceFingerprint fingerprint;
  std::optional<RecognitionOptions> values;
  // A batch of parts: read, then segmented a part per core, then taken in order.
  struct Batch {
    std::vector<Document> parts;
    std::vector<PendingValueWarnings> pending;
    std::vector<size_t> end;  // where each part ends in the release
    size_t count = 0;
  };
  auto read_and_segment = [&](Batch& b) {
    b.parts.resize(batch);
    b.pending.resize(batch);
    b.end.resize(batch);
    b.count = 0;
    while (b.count < batch && parts.next(b.parts[b.count])) {
      complete_header(b.parts[b.count], config, release_path);
      b.end[b.count] = parts.bytes_done();
      ++b.count;
    }
    if (b.count == 0) {
      return;
    }
    if (!values) {
      values = recognition_options(config, b.parts[0]);
    }
    // Segment: SRX rules over ICU sentence breaks, never inside a recognised value.
    auto segment_part = [&](size_t k) {
      b.pending[k].clear();
      segment_units(b.parts[k], *segmenters[k], *values, b.pending[k]);
    };
    parallel_for(b.count, segment_part, threads);
  };
  Batch current;
  Batch next;
  read_and_segment(current);
  while (current.count > 0) {
    // A release in parts has its next batch read and segmented while this one is named, carried
    // over and written, so that both cores stay busy on one big release (one thread asked for:
    // one after the other). Nothing of it depends on the other: the files are the same.
    std::future<void> reading;
    if (in_parts && threads > 1) {
      try {
        reading = std::async(std::launch::async, [&] { read_and_segment(next); });
      } catch (const std::system_error&) {
        // No thread to spare: the next batch is read once this one is written.
        reading = std::async(std::launch::deferred, [&] { read_and_segment(next); });
      }
    }
    for (size_t k = 0; k < current.count; ++k) {
      state.part = std::move(current.parts[k]);
      name_units(state.part, unit_ids, current.pending[k], warnings);
      fingerprint.add(state.part);
      if (in_parts) {
        append_xliff2_skeleton(state.skeleton_xml, state.part.skeleton);
        release_warnings.insert(release_warnings.end(), state.part.source_warnings.begin(),
                                state.part.source_warnings.end());
      } else {
        state.part.extraction_key = extraction_key(inputs_key, fingerprint.hex(state.part));
      }
      take_part(state.part);
      if (in_parts) {  // a big release shows how far it is, part by part
        shared.progress.advance(0, current.end[k] - state.bytes_reported);
        state.bytes_reported = current.end[k];
      }
    }
    if (reading.valid()) {
      reading.get();
    } else {
      read_and_segment(next);
    }
    std::swap(current, next);
  }
  state.part.extraction_key = extraction_key(inputs_key, fingerprint.hex(state.part));
  if (in_parts) {
    state.part.source_warnings = std::move(release_warnings);
  }
}

// A language's previous file, read a unit at a time into what carry-over needs of it, and the
// digest of its bytes (see read_previous). `header` gets its header and skeleton; `source`, when
// given, its source side (SourceFingerprint). A file that cannot be read a unit at a time (XLIFF
// 1.2, or what only the whole reading takes) is read whole, and `streamed` says so.
std::unique_ptr<PreviousVersion> read_previous_version(const ProjectConfig& config,
                                                       LanguageFile& file,
                                                       const std::string& release, Document& header,
                                                       SourceFingerprint* source, bool& streamed) {
  Fingerprint digest;
  add_file_field(digest, file.xliff);
  file.previous_digest = digest.hex();
  std::unique_ptr<PreviousVersion> version;
  streamed = stream_xliff_file(
      config, file.lang, release, header,
      [&](Unit&& unit) {
        if (!version) {
          version = std::make_unique<PreviousVersion>(header);
        }
        version->add_unit(std::move(unit));
      },
      0, source);
  if (streamed) {
    if (!version) {
      version = std::make_unique<PreviousVersion>(header);
    }
    version->finish_reading();
    return version;
  }
  Document doc = load_xliff_file(config, file.lang, release);
  if (source != nullptr) {
    *source = SourceFingerprint();
    source->add(doc);
  }
  version = previous_version_of(std::move(doc));
  header = std::move(doc);
  return version;
}

// The release's units read again, a unit at a time (from its first file, or from where extract
// put them), checked against the keys carry-over decided on, and handed a batch at a time to
// `take`: a unit that is not the one the keys were made from means that the file changed on disk
// since it was first read, and nothing is written.
class UnitBatches {
 public:
  UnitBatches(const Document& header, const SegmentKeys& keys, std::string file,
              std::function<void(Document& batch)> take)
      : keys_(keys), file_(std::move(file)), take_(std::move(take)) {
    batch_.source_lang = header.source_lang;
    batch_.release = header.release;
    batch_.date = header.date;
    batch_.source_file = header.source_file;
  }
  size_t units_given() const { return unit_; }
  void add(Unit&& unit) {
    if (unit_ == keys_.unit_count() || text_key(unit.id) != keys_.unit_id(unit_)) {
      changed();
    }
    for (const auto& seg : unit.segments) {
      if (segment_ == keys_.segment_count() || keys_.unit_of(segment_) != unit_ ||
          text_key(match_key(seg.source)) != keys_.source(segment_)) {
        changed();
      }
      ++segment_;
    }
    ++unit_;
    batch_.units.push_back(std::move(unit));
    if (batch_.units.size() == kUnitsPerBatch) {
      take_(batch_);
      batch_.units.clear();
    }
  }
  void finish() {
    if (unit_ != keys_.unit_count() || segment_ != keys_.segment_count()) {
      changed();
    }
    if (!batch_.units.empty()) {
      take_(batch_);
      batch_.units.clear();
    }
  }

 private:
  [[noreturn]] void changed() const { throw_changed_on_disk(file_); }
  const SegmentKeys& keys_;
  std::string file_;
  std::function<void(Document&)> take_;
  Document batch_;
  size_t unit_ = 0;
  size_t segment_ = 0;
};

// The release's units as extract makes them from one of its files, its source side (see
// source_side_from_files): no targets, candidates or notes, positions in order. `streamed`: the
// file was read a unit at a time before, and must be again.
void units_from_file(const ProjectConfig& config, const LanguageFile& file,
                     const std::string& release, bool streamed, UnitBatches& batches) {
  int position = 0;
  auto each_unit = [&](Unit&& unit) {
    to_source_side(unit, ++position);
    batches.add(std::move(unit));
  };
  if (streamed) {
    Document header;
    if (!with_caller_errors([&] {
          return stream_xliff_file(config, file.lang, release, header, passing_errors(each_unit),
                                   0);
        })) {
      throw_changed_on_disk(file.xliff.string());
    }
  } else {
    for (auto& unit : load_xliff_file(config, file.lang, release).units) {
      each_unit(std::move(unit));
    }
  }
  batches.finish();
}

// The units extract wrote into `extracted` (an XLIFF 2.0 file of them alone), read back. The
// reading a unit at a time refuses what only the whole reading takes (a control character the
// release holds, written as a character reference): the rest is then read whole, once.
void units_from_spill(SpillBuffer& extracted, const std::string& name, UnitBatches& batches) {
  auto each_unit = [&](Unit&& unit) {
    unit.line = 0;
    for (auto& seg : unit.segments) {
      seg.line = 0;
    }
    batches.add(std::move(unit));
  };
  const XliffPieces pieces = [&](const std::function<bool(std::string_view)>& piece) {
    bool more = true;
    extracted.replay([&](std::string_view bytes) { more = more && piece(bytes); });
  };
  Document header;
  if (!with_caller_errors(
          [&] { return stream_xliff2(pieces, name, header, passing_errors(each_unit)); })) {
    std::string text;
    text.reserve(extracted.size());
    extracted.replay([&text](std::string_view bytes) { text += bytes; });
    Document whole = read_xliff(text, name);
    text = std::string();
    for (size_t u = batches.units_given(); u < whole.units.size(); ++u) {
      each_unit(std::move(whole.units[u]));
    }
  }
  batches.finish();
}

// A release in parts whose files are there (edited, or extracted again unchanged): carried over a
// unit at a time, so that neither the release's units nor its files are ever held whole.
// - Each language's file is read a unit at a time into a PreviousVersion: the keys of every
//   segment, and whole only what has a translation. The skeleton of each is held only while it is
//   read.
// - The release's units come from its first file when that file's key holds (unchanged: the
//   release's text is not read, its key digested from the file a piece at a time); else from its
//   text, segmented a part at a time as when it is new, and kept meanwhile as XLIFF in a
//   SpillBuffer (a tenth of what they take as units).
// - CarryOver decides from the keys of both, as carry_over does over whole documents; then each
//   batch of units is carried over and written for each language, its file made aside and
//   compared, at the end, with the one there.
void extract_in_parts_with_previous(const ExtractShared& shared, const std::string& release_path,
                                    const fs::path& path, ReleaseTurns& turns,
                                    Diagnostics& warnings, ReleaseState& state) {
  const ProjectConfig& config = shared.config;
  const std::string release = release_name(release_path);
  std::vector<std::unique_ptr<PreviousVersion>> previous(state.files.size());
  Document first_header;
  SourceFingerprint first_source;
  std::string first_skeleton_xml;
  bool first_streamed = false;
  bool first = true;
  for (size_t l = 0; l < state.files.size(); ++l) {
    LanguageFile& file = state.files[l];
    if (!file.had_previous) {
      continue;
    }
    Document header;
    bool streamed = false;
    previous[l] = read_previous_version(config, file, release, first ? first_header : header,
                                        first ? &first_source : nullptr, streamed);
    if (first) {  // as XML for the heads, which is a third of what it takes as parts
      first_streamed = streamed;
      append_xliff2_skeleton(first_skeleton_xml, first_header.skeleton);
      first_skeleton_xml.shrink_to_fit();
      std::vector<SkeletonPart>().swap(first_header.skeleton);
    }
    first = false;
  }
  const auto from = std::find_if(state.files.begin(), state.files.end(),
                                 [](const LanguageFile& f) { return f.had_previous; });
  const auto from_index = static_cast<size_t>(from - state.files.begin());
  std::string inputs_key = extraction_inputs_key_of_file(config, release_path, path);
  const bool unchanged =
      !first_header.extraction_key.empty() &&
      first_header.extraction_key == extraction_key(inputs_key, first_source.hex(first_header));

  // The release's units: their keys now, and where to read them again.
  SegmentKeys own_keys;
  const SegmentKeys* keys = &own_keys;
  std::unique_ptr<SpillBuffer> extracted;
  if (unchanged) {
    add_source_warnings(warnings, release_path, first_header.source_warnings);
    keys = &previous[from_index]->keys();
    state.part = std::move(first_header);
    state.part.target_lang.clear();
    state.part.source_file = release_path;
    state.skeleton_xml = std::move(first_skeleton_xml);
  } else {
    first_header = Document();
    first_skeleton_xml = std::string();
    const std::string bytes = read_file(path);
    inputs_key = extraction_inputs_key(config, release_path, bytes);
    ReleaseParts parts(bytes, release_path, "", shared.options.part_bytes);
    extracted = std::make_unique<SpillBuffer>(from->xliff.parent_path(), size_t{2} << 20);
    Document head;
    head.source_lang = config.source_lang;
    std::string text;
    write_xliff2_head(text, head, "");
    extracted->append(text);
    const XliffWriteOptions neutral;
    extract_from_text(
        shared, release_path, inputs_key, parts,
        [&](Document& part) {
          for (const auto& unit : part.units) {
            own_keys.add_unit(unit);
          }
          write_xliff2_units(part, neutral,
                             [&](std::string_view piece) { extracted->append(piece); });
        },
        warnings, state);
    own_keys.shrink_to_fit();
    text.clear();
    write_xliff2_tail(text);
    extracted->append(text);
    if (parts.part_count() == 1) {  // a release that cannot be cut: its skeleton in its one part
      append_xliff2_skeleton(state.skeleton_xml, state.part.skeleton);
      state.part.skeleton.clear();
    }
  }
  state.part.units.clear();  // the header, for the heads; the units are read again

  // Carried over and written, a batch of units at a time, in every language.
  for (size_t l = 0; l < state.files.size(); ++l) {
    turns.begin(l);  // the releases before this one have added what they had
  }
  const CarryOverOptions options{config.fuzzy_threshold, 3};
  std::vector<std::unique_ptr<CarryOver>> carries;
  for (size_t l = 0; l < state.files.size(); ++l) {
    carries.push_back(std::make_unique<CarryOver>(*keys, previous[l].get(), state.part.source_lang,
                                                  state.files[l].lang, options));
  }
  UnitBatches batches(state.part, *keys, from->xliff.string(), [&](Document& batch) {
    const std::vector<size_t> extracted_notes = extracted_notes_of(batch);
    for (size_t l = 0; l < state.files.size(); ++l) {
      LanguageFile& file = state.files[l];
      if (l > 0) {
        reset_to_extracted(batch, extracted_notes);
      }
      batch.target_lang = file.lang;
      {
        std::lock_guard<std::mutex> lock(shared.memory_mutex);
        for (auto& unit : batch.units) {
          carries[l]->apply(unit, shared.memory);
        }
      }
      write_xliff2_units(batch, file.write,
                         [&file](std::string_view piece) { file.units->append(piece); });
    }
  });
  if (unchanged) {
    units_from_file(config, *from, release, first_streamed, batches);
  } else {
    units_from_spill(*extracted, from->xliff.string(), batches);
  }
  for (size_t l = 0; l < state.files.size(); ++l) {
    {
      std::lock_guard<std::mutex> lock(shared.memory_mutex);
      add_report(state.files[l].report, carries[l]->finish(shared.memory));
      if (previous[l]) {
        previous[l]->add_translations_to(shared.memory);
      }
    }
    carries[l].reset();
    if (l != from_index) {  // `keys` may be the first's
      previous[l].reset();
    }
  }
}

// One release into each target language's XLIFF file, carrying over every translation already
// there (and the memory's). A release with no XLIFF file yet is read, segmented and written a
// part at a time (ReleaseParts): each language's units wait in a SpillBuffer until the end,
// when the head, which holds the skeleton and the extraction key (a digest of every part), is
// written before them. A big release is then never held whole, as cmark's tree or as units.
// A big release whose files are there is carried over a unit at a time too
// (extract_in_parts_with_previous). XLIFF 1.2 is written from a whole document: the release is
// then one part.
std::vector<ExtractResult> extract_release(const ExtractShared& shared, size_t index,
                                           const std::string& release_path, Diagnostics& warnings) {
  ReleaseTurns turns(shared.memory_turns, index, shared.langs.size());
  const ProjectConfig& config = shared.config;
  const fs::path path = path_inside(config.root, release_path, config.config_file.string());
  const std::string release = release_name(release_path);
  ReleaseState state;
  state.files = language_files(shared, release);
  bool all_2_0 = true;
  bool had_previous = false;
  for (const auto& file : state.files) {
    all_2_0 = all_2_0 && file.write.version == "2.0";
    had_previous = had_previous || file.had_previous;
  }
  // A release is cut into parts when it is big and every file is XLIFF 2.0 (1.2 is written whole);
  // each language's units then wait in a SpillBuffer until the head can be written.
  const size_t part_bytes = all_2_0 ? shared.options.part_bytes : 0;
  auto units_aside = [&state] {
    for (auto& file : state.files) {
      file.units = std::make_unique<SpillBuffer>(file.xliff.parent_path(), size_t{2} << 20);
    }
  };
  std::error_code error;
  uintmax_t release_bytes = fs::file_size(path, error);
  if (!error && part_bytes > 0 && release_bytes > part_bytes && had_previous) {
    units_aside();
    extract_in_parts_with_previous(shared, release_path, path, turns, warnings, state);
  } else {
    const std::string bytes = read_file(path);
    release_bytes = bytes.size();
    // Its files there, a release is carried over whole here (it grew since it was measured).
    ReleaseParts parts(bytes, release_path, "", had_previous ? 0 : part_bytes);
    const std::string inputs_key = extraction_inputs_key(config, release_path, bytes);
    auto take_part = [&](Document& part) {
      carry_over_and_write(shared, part, state.files, release, turns);
    };
    if (parts.part_count() > 1) {
      units_aside();
      extract_from_text(shared, release_path, inputs_key, parts, take_part, warnings, state);
    } else if (std::unique_ptr<Document> described =
                   source_side_from_files(shared, state.files, release_path, inputs_key)) {
      // An unchanged release: its source side from its files, and the warnings extract gave then.
      add_source_warnings(warnings, release_path, described->source_warnings);
      state.part = std::move(*described);
      carry_over_and_write(shared, state.part, state.files, release, turns);
    } else {
      extract_from_text(shared, release_path, inputs_key, parts, take_part, warnings, state);
    }
  }
  // Done with the memory: the releases after this one need not wait for its files' writing.
  turns.end_all();
  std::vector<ExtractResult> results;
  for (auto& file : state.files) {
    if (file.units) {
      write_head_and_units(file, state.part, state.skeleton_xml);
    }
    results.push_back({release, file.lang, file.xliff, file.report.kept, file.report.reused,
                       file.report.fuzzy, file.report.fresh, file.report.removed});
  }
  shared.progress.advance(1,
                          release_bytes - std::min<uint64_t>(release_bytes, state.bytes_reported));
  return results;
}

}  // namespace

ProgressCounter::ProgressCounter(ProgressCallback callback, size_t files_total,
                                 uint64_t bytes_total)
    : callback_(std::move(callback)) {
  progress_.files_total = files_total;
  progress_.bytes_total = bytes_total;
}

void ProgressCounter::advance(size_t files, uint64_t bytes) {
  if (!callback_) {
    return;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  progress_.files_done += files;
  progress_.bytes_done += bytes;
  callback_(progress_);
}

std::vector<ExtractResult> run_extract(const ProjectConfig& config, const ExtractOptions& options,
                                       Diagnostics& warnings) {
  const auto releases = select_releases(config, options.releases);
  const auto langs = select_languages(config, options.langs);
  // The memory holds every confirmed translation: offered to new segments, and the place where
  // removed segments' translations go so that nothing is lost.
  const fs::path memory_path = config.path(config.memory_file);
  TranslationMemory memory =
      fs::exists(memory_path) ? load_memory(memory_path) : TranslationMemory();
  const size_t memory_size_before = memory.size();
  StyleCache styles(config);
  std::mutex memory_mutex;
  // Time left is told by bytes: releases differ in size, and a big one advances part by part.
  uint64_t bytes_total = 0;
  for (const auto& release : releases) {
    std::error_code unreadable;  // told when the release is read
    const auto size = fs::file_size(config.path(release), unreadable);
    bytes_total += unreadable ? 0 : size;
  }
  ProgressCounter progress(options.progress, releases.size(), bytes_total);
  // A language where some release has a file already: the releases add to its memory, and meet
  // it in order (MemoryTurns).
  std::vector<bool> memory_grows;
  for (const auto& lang : langs) {
    memory_grows.push_back(std::any_of(releases.begin(), releases.end(), [&](const auto& r) {
      return fs::exists(config.xliff_path(lang, release_name(r)));
    }));
  }
  MemoryTurns memory_turns(std::move(memory_grows));
  const ExtractShared shared{config, options,      langs,        styles,
                             memory, memory_mutex, memory_turns, progress};
  std::vector<std::vector<ExtractResult>> results(releases.size());
  std::vector<Diagnostics> release_warnings(releases.size());
  parallel_for(
      releases.size(),
      [&](size_t i) { results[i] = extract_release(shared, i, releases[i], release_warnings[i]); },
      options.threads);
  if (memory.size() != memory_size_before || !fs::exists(memory_path)) {
    save_memory(memory, memory_path, config.source_lang);
  }
  std::vector<ExtractResult> flat;
  for (size_t i = 0; i < results.size(); ++i) {
    warnings.append(release_warnings[i]);
    flat.insert(flat.end(), results[i].begin(), results[i].end());
  }
  return flat;
}

namespace {

// A release's text in one language, merged from its XLIFF file read a unit at a time.
struct StreamedMerge {
  TextBuffer release_text;
  // Right-to-left languages: each output with its own marks. A big release's go aside as they are
  // merged, and are read back one at a time, once the Markdown is written (take_text).
  TextBuffer html_text;
  TextBuffer text_text;
  std::unique_ptr<SpillBuffer> html_aside;
  std::unique_ptr<SpillBuffer> text_aside;
  std::vector<std::string> untranslated;
  std::string title;
  std::string format;
  std::vector<SourceWarning> source_warnings;  // extract's, as the file keeps them
  Diagnostics diagnostics;
};

// A right-to-left output's text: as merged, or read back from where it was set aside.
TextBuffer take_text(TextBuffer& text, std::unique_ptr<SpillBuffer>& aside) {
  if (!aside) {
    return std::move(text);
  }
  TextBuffer whole;
  aside->replay([&whole](std::string_view piece) { whole.append(piece); });
  aside.reset();
  return whole;
}

// build's reading and merging of a big file, a unit at a time: each unit's targets judged (unless
// the file stands for the source language) and merged as it comes, so that the document is never
// held whole. `html_merge` and `text_merge` are given for a right-to-left language. False, with
// nothing kept, for a file not read so (under `stream_from_bytes`, XLIFF 1.2) or one that no longer
// describes the release, which is built whole, against the release as it is now.
bool merge_streamed(const ProjectConfig& config, const std::string& lang,
                    const std::string& release, CurrentRelease& current, const HouseStyle& style,
                    const MergeOptions& merge, const MergeOptions* html_merge,
                    const MergeOptions* text_merge, const std::string& xliff_file,
                    bool judge_targets, uintmax_t stream_from_bytes, size_t aside_from_bytes,
                    StreamedMerge& out) {
  Document header;
  SourceFingerprint source;  // for the file's extraction key
  std::optional<UnitMerge> release_merge, html, text;
  // A right-to-left output merged past aside_from_bytes goes aside, beside the XLIFF file.
  auto set_aside = [&](UnitMerge& output, std::unique_ptr<SpillBuffer>& aside, bool at_the_end) {
    if (!aside && (at_the_end || output.ready_bytes() < aside_from_bytes)) {
      return;
    }
    if (!aside) {
      aside = std::make_unique<SpillBuffer>(fs::path(xliff_file).parent_path(), 0);
    }
    output.drain([&aside](std::string_view piece) { aside->append(piece); });
  };
  auto start = [&] {  // the skeleton comes before the units
    release_merge.emplace(header, style, merge);
    if (html_merge != nullptr) {
      html.emplace(header, style, *html_merge);
      text.emplace(header, style, *text_merge);
    }
  };
  // An Error of the merge's own (the disk full as a page goes aside) is thrown as it was, not taken
  // by the reading for a reason to read the file whole.
  const bool streamed = with_caller_errors([&] {
    return stream_xliff_file(config, lang, release, header, passing_errors([&](Unit&& unit) {
                               if (!release_merge) {
                                 start();
                               }
                               if (judge_targets) {
                                 enforce_merge_contract(unit, xliff_file, out.diagnostics);
                               }
                               release_merge->add(unit);
                               if (html) {
                                 html->add(unit);
                                 text->add(unit);
                                 set_aside(*html, out.html_aside, /*at_the_end=*/false);
                                 set_aside(*text, out.text_aside, /*at_the_end=*/false);
                               }
                             }),
                             stream_from_bytes, &source);
  });
  if (!streamed) {
    return false;
  }
  if (!release_merge) {
    start();  // a file without units
  }
  if (!current.is_described_by(header, source)) {
    return false;
  }
  out.release_text = release_merge->finish(&out.untranslated);
  if (html) {
    // Whatever was set aside is followed there by the rest.
    set_aside(*html, out.html_aside, /*at_the_end=*/true);
    set_aside(*text, out.text_aside, /*at_the_end=*/true);
    out.html_text = html->finish(nullptr);
    out.text_text = text->finish(nullptr);
    if (out.html_aside) {
      out.html_aside->append(out.html_text.view());
      out.html_text = TextBuffer();
    }
    if (out.text_aside) {
      out.text_aside->append(out.text_text.view());
      out.text_text = TextBuffer();
    }
  }
  out.title = header.title;
  out.format = header.format;
  out.source_warnings = std::move(header.source_warnings);
  return true;
}

}  // namespace

std::vector<BuildResult> run_build(const ProjectConfig& config, const BuildOptions& options,
                                   Diagnostics& diagnostics) {
  const auto releases = select_releases(config, options.releases);
  auto langs = select_languages(config, options.langs);
  // Each format once, in the order first given ("html, html" makes one page).
  std::vector<std::string> formats;
  for (const auto& f : options.formats.empty() ? config.formats : options.formats) {
    if (f != "html" && f != "md" && f != "txt") {
      throw Error(subst(tr("unknown output format \"{1}\" (expected html, md or txt)"), {f}));
    }
    if (std::find(formats.begin(), formats.end(), f) == formats.end()) {
      formats.push_back(f);
    }
  }
  StyleCache styles(config);
  struct Job {
    std::string release;
    std::string lang;
    bool source = false;
  };
  std::vector<Job> jobs;
  for (const auto& r : releases) {
    if (options.include_source && !options.verbatim) {
      jobs.push_back({r, config.source_lang, true});
    }
    for (const auto& l : langs) {
      jobs.push_back({r, l, false});
    }
  }
  std::vector<BuildResult> results(jobs.size());
  std::vector<Diagnostics> job_diagnostics(jobs.size());
  ProgressCounter progress(options.progress, jobs.size());
  // One job: a release in one language, given the release as extract reads it now.
  auto build_job = [&](size_t i, CurrentRelease& current) {
    const Job& job = jobs[i];
    BuildResult& result = results[i];
    result.release = release_name(job.release);
    result.lang = job.lang;
    const HouseStyle& style = styles.get(job.lang);
    MergeOptions merge;
    merge.use_source_for_all = job.source || options.verbatim;
    // The source language's release is the source as the editor wrote it.
    merge.rendering =
        options.verbatim || job.source ? ValueRendering::verbatim : ValueRendering::localised;
    // A right-to-left language's HTML page and text are merged again, each with its own marks.
    const bool isolated = style.right_to_left && !options.verbatim;
    // Left-to-right runs (phones, e-mails, URLs, Latin names) are isolated and marked ltr: a
    // phone number has no strong character, so an auto-direction isolate would still reverse it.
    MergeOptions html_merge = merge;
    html_merge.bidi = {"<bdi dir=\"ltr\">", "</bdi>"};
    MergeOptions text_merge = merge;
    text_merge.bidi = {"\xE2\x81\xA6", "\xE2\x81\xA9"};  // LRI … PDI for the text output
    const std::string xliff_file = config.xliff_path(job.lang, result.release).string();
    StreamedMerge merged;
    // A big file that describes the release is read and merged a unit at a time; the source
    // language then comes from its source side, read so again.
    const std::string streamed_lang = job.source ? current.file_for_source() : job.lang;
    bool streamed = false;
    if (!streamed_lang.empty()) {
      streamed = merge_streamed(config, streamed_lang, result.release, current, style, merge,
                                isolated ? &html_merge : nullptr, isolated ? &text_merge : nullptr,
                                config.xliff_path(streamed_lang, result.release).string(),
                                /*judge_targets=*/!job.source, options.stream_from_bytes,
                                options.aside_from_bytes, merged);
    }
    if (streamed && job.source) {
      current.take_source_warnings(merged.source_warnings);
      merged.diagnostics.append(current.extraction_warnings());
    } else if (streamed) {
      current.keep_file_for_source(job.lang);
    } else {
      merged = StreamedMerge{};
      // Read: the source language comes from the release itself, the others from their XLIFF.
      Document doc = job.source ? current.source_document()
                                : load_xliff_file(config, job.lang, result.release);
      const bool described = !job.source && current.is_described_by(doc);
      if (job.source) {
        merged.diagnostics.append(current.extraction_warnings());
      } else if (!described) {
        // Contract: a returned file's targets are merged only where they honour what was
        // exported.
        const Document& extracted = current.extracted();
        if (restore_from_current(doc, extracted) > 0) {
          merged.diagnostics.add(
              "restored", Severity::warning, Location{xliff_file},
              tr("a tool dropped relocale's skeleton or placeholder values from this file; they "
                 "were restored from the current release"));
        }
        enforce_merge_contract(doc, &extracted, xliff_file, merged.diagnostics);
      } else {
        // The file's source side is the release as it is now: only its targets are to be judged.
        enforce_merge_contract(doc, nullptr, xliff_file, merged.diagnostics);
      }
      // Merge: targets into the skeleton by unit id, values rendered in the language's
      // conventions.
      merged.release_text = merge_document(doc, style, merge, &merged.untranslated);
      if (isolated) {
        merged.html_text = merge_document(doc, style, html_merge, nullptr);
        merged.text_text = merge_document(doc, style, text_merge, nullptr);
      }
      merged.title = doc.title;
      merged.format = doc.format;
      if (described) {
        current.keep_for_source(std::move(doc));  // done with it: the source language may use it
      }
    }
    job_diagnostics[i].append(merged.diagnostics);
    result.untranslated = std::move(merged.untranslated);
    const std::string_view release_text = merged.release_text.view();
    const std::string format =
        merged.format.empty() ? release_format_of(job.release) : merged.format;
    const PageInfo page{job.lang, style.right_to_left, merged.title};
    if (!result.untranslated.empty()) {
      const bool refuse = config.untranslated == UntranslatedPolicy::refuse_language;
      job_diagnostics[i].add(
          "untranslated", refuse ? Severity::error : Severity::warning, Location{xliff_file},
          refuse ? subst(trn("{1} segment has no translation: the language is not built",
                             "{1} segments have no translation: the language is not built",
                             result.untranslated.size()),
                         {std::to_string(result.untranslated.size())})
                 : subst(trn("{1} segment has no translation: the source is used there",
                             "{1} segments have no translation: the source is used there",
                             result.untranslated.size()),
                         {std::to_string(result.untranslated.size())}));
      if (refuse) {
        result.refused = true;
        return;
      }
    }
    // Write: every format of a language or none.
    AtomicFileSet files;
    const fs::path folder = config.path(config.out_dir) / job.lang;
    auto path_of = [&](const std::string& f) { return folder / (result.release + "." + f); };
    if (std::find(formats.begin(), formats.end(), "md") != formats.end()) {
      files.add(path_of("md"), release_text);
    }
    // The HTML page and the text are made from one reading of the release, unless a
    // right-to-left language gives each its own: then the Markdown is dropped once written, and
    // each page's text is taken in turn, so that one is held at a time.
    std::optional<ReleaseOutputs> release_outputs;
    if (!isolated) {
      release_outputs.emplace(release_text, format);
    } else {
      merged.release_text = TextBuffer();
    }
    for (const auto& f : formats) {
      const fs::path out = path_of(f);
      if (f != "md") {
        const bool text_page = f == "txt";
        // A right-to-left page is made from its own text, taken now.
        std::optional<TextBuffer> own_text;
        std::optional<ReleaseOutputs> own_outputs;
        if (isolated) {
          own_text = text_page ? take_text(merged.text_text, merged.text_aside)
                               : take_text(merged.html_text, merged.html_aside);
          own_outputs.emplace(own_text->view(), format);
        }
        const ReleaseOutputs& outputs = isolated ? *own_outputs : *release_outputs;
        files.add_written(out, [&](const OutputSink& sink) {
          if (text_page) {
            outputs.write_text(sink);
          } else {
            outputs.write_html(page, sink);
          }
        });
      }
      result.files.push_back(out);
    }
    files.commit();
    progress.advance(1);
  };
  // The pool works release by release: each release is read once for all its languages.
  std::vector<size_t> first_job;
  for (size_t i = 0; i < jobs.size(); ++i) {
    if (i == 0 || jobs[i].release != jobs[i - 1].release) {
      first_job.push_back(i);
    }
  }
  first_job.push_back(jobs.size());
  const size_t release_count = first_job.size() - 1;
  auto build_release = [&](size_t r) {
    CurrentRelease current(config, jobs[first_job[r]].release);
    std::vector<size_t> language_jobs;
    std::vector<std::string> languages;
    std::optional<size_t> source_job;
    for (size_t i = first_job[r]; i < first_job[r + 1]; ++i) {
      if (jobs[i].source) {
        source_job = i;
      } else {
        language_jobs.push_back(i);
        languages.push_back(jobs[i].lang);
      }
    }
    // The languages first: a file that describes the release spares extracting it for the source.
    parallel_for(
        language_jobs.size(), [&](size_t k) { build_job(language_jobs[k], current); },
        threads_for_languages(config, jobs[first_job[r]].release, languages, release_count,
                              options.threads));
    if (source_job) {
      build_job(*source_job, current);
    }
  };
  parallel_for(release_count, build_release, options.threads);
  for (auto& d : job_diagnostics) {
    diagnostics.append(d);
  }
  return results;
}

}  // namespace relocale
