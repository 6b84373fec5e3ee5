#include "relocale/base/files.h"

#include <array>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <thread>
#include <utility>

#include <fcntl.h>
#include <pthread.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "relocale/base/error.h"
#include "relocale/base/i18n.h"

namespace relocale {

namespace fs = std::filesystem;

namespace {

// Temporary files being written. On SIGINT, SIGTERM or SIGHUP a dedicated thread (sigwait, so
// no async-signal-safety limits) removes them and exits. Worker threads create, rename and remove
// their temporaries as FileOperations, holding g_file_operations shared, so two threads never wait
// for each other's system calls; the clean-up thread takes it exclusively, so it waits for the
// operations under way and none starts after it: no temporary can appear between the clean-up
// and the exit.
// The lock and the set are made once and never destroyed: a signal can reach the clean-up thread
// while the process ends normally, after the destructors of static objects have run.
std::shared_mutex& g_file_operations = *new std::shared_mutex;
std::atomic<bool> g_exiting{false};  // set by the clean-up thread before it takes its lock
std::mutex g_temporaries_mutex;      // guards g_temporaries; held for a set operation only
std::set<std::string>& g_temporaries = *new std::set<std::string>;
std::once_flag g_cleanup_installed;

/// One creation, renaming or removal of a temporary file, with g_file_operations held shared.
/// Once the clean-up has begun, an operation does not start: it waits for the process to end.
/// Taking the lock then would keep the clean-up waiting, since a shared_mutex lets new shared
/// owners in ahead of a waiting exclusive one.
class FileOperation {
 public:
  FileOperation() {
    if (!g_exiting) {
      lock_ = std::shared_lock<std::shared_mutex>(g_file_operations);
      if (!g_exiting) {
        return;
      }
      lock_.unlock();  // the clean-up began while this thread waited for the lock
    }
    for (;;) {
      std::this_thread::sleep_for(std::chrono::seconds(1));  // until the clean-up's _exit
    }
  }

 private:
  std::shared_lock<std::shared_mutex> lock_;
};

void remember_temporary(const fs::path& temporary) {
  std::lock_guard<std::mutex> lock(g_temporaries_mutex);
  g_temporaries.insert(temporary.string());
}

void forget_temporary(const fs::path& temporary) {
  std::lock_guard<std::mutex> lock(g_temporaries_mutex);
  g_temporaries.erase(temporary.string());
}

void wait_for_interrupt_and_clean_up(sigset_t signals) {
  int signal_number = 0;
  if (sigwait(&signals, &signal_number) != 0) {
    return;
  }
  g_exiting = true;
  const std::unique_lock<std::shared_mutex> operations(g_file_operations);
  const std::lock_guard<std::mutex> lock(g_temporaries_mutex);
  for (const auto& name : g_temporaries) {
    ::unlink(name.c_str());
  }
  _exit(128 + signal_number);
}

void install_handler_once() {
  install_interrupt_cleanup();
}

fs::path temporary_name_for(const fs::path& path) {
  static std::atomic<unsigned> counter{0};
  return path.parent_path() / ("." + path.filename().string() + "." + std::to_string(getpid()) +
                               "." + std::to_string(counter++) + ".tmp");
}

// Removes a temporary that will not be renamed into place.
void discard_temporary(const fs::path& temporary) {
  const FileOperation operation;
  ::unlink(temporary.c_str());
  forget_temporary(temporary);
}

// Creates the temporary file for `path` (and its folder), registered for clean-up on a signal.
fs::path open_temporary(const fs::path& path, int* fd) {
  install_handler_once();
  std::error_code ec;
  if (!path.parent_path().empty()) {
    fs::create_directories(path.parent_path(), ec);
    if (ec) {
      throw Error(Location{path.parent_path().string()},
                  subst(tr("cannot create folder: {1}"), {ec.message()}));
    }
  }
  const fs::path temporary = temporary_name_for(path);
  int failure = 0;
  {
    const FileOperation operation;
    // Named before it exists: a name that cannot be kept (no memory) leaves no file behind.
    remember_temporary(temporary);
    *fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (*fd < 0) {
      failure = errno;
      forget_temporary(temporary);
    }
  }
  if (failure != 0) {
    throw Error(Location{path.string()}, subst(tr("cannot write: {1}"), {std::strerror(failure)}));
  }
  return temporary;
}

// Writes all of `contents`, again when a signal interrupts; returns 0 or the errno of the failure.
int write_fully(int fd, std::string_view contents) {
  size_t written = 0;
  while (written < contents.size()) {
    const ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      return errno;
    }
    written += static_cast<size_t>(n);
  }
  return 0;
}

// Writes all of `contents`; on failure closes the file, removes the temporary and throws.
void write_all(int fd, std::string_view contents, const fs::path& temporary, const fs::path& path) {
  if (const int failure = write_fully(fd, contents)) {
    ::close(fd);
    discard_temporary(temporary);
    throw Error(Location{path.string()}, subst(tr("cannot write: {1}"), {std::strerror(failure)}));
  }
}

void close_temporary(int fd, const fs::path& temporary, const fs::path& path) {
  if (::close(fd) != 0) {
    const int saved = errno;
    discard_temporary(temporary);
    throw Error(Location{path.string()}, subst(tr("cannot write: {1}"), {std::strerror(saved)}));
  }
}

fs::path write_temporary(const fs::path& path, std::string_view contents) {
  int fd = -1;
  const fs::path temporary = open_temporary(path, &fd);
  write_all(fd, contents, temporary, path);
  close_temporary(fd, temporary, path);
  return temporary;
}

void rename_into_place(const fs::path& temporary, const fs::path& path) {
  int failure = 0;
  {
    const FileOperation operation;
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
      failure = errno;
      ::unlink(temporary.c_str());
    }
    forget_temporary(temporary);
  }
  if (failure != 0) {
    throw Error(Location{path.string()}, subst(tr("cannot write: {1}"), {std::strerror(failure)}));
  }
}

}  // namespace

void install_interrupt_cleanup() {
  std::call_once(g_cleanup_installed, [] {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGHUP);
    // Threads started from here on inherit the mask, so only the clean-up thread takes them.
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::thread(wait_for_interrupt_and_clean_up, signals).detach();
  });
}

namespace {

// Reads up to `size` bytes (0 at the end of the file), again when a signal interrupts; throws
// naming the file when the read fails.
size_t read_some(int fd, char* data, size_t size, const fs::path& path) {
  for (;;) {
    const ssize_t got = ::read(fd, data, size);
    if (got >= 0) {
      return static_cast<size_t>(got);
    }
    if (errno != EINTR) {
      throw Error(Location{path.string()},
                  subst(tr("cannot read file: {1}"), {std::strerror(errno)}));
    }
  }
}

int open_for_reading(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    throw Error(Location{path.string()},
                subst(tr("cannot read file: {1}"), {std::strerror(errno)}));
  }
  return fd;
}

struct FileCloser {
  int fd;
  ~FileCloser() { ::close(fd); }
};

}  // namespace

std::string read_file(const fs::path& path) {
  const int fd = open_for_reading(path);
  const FileCloser closer{fd};
  // The size first, then one read into a string of that size: reading through a stream grew
  // the string by doubling and copied every byte several times.
  struct stat info {};
  std::string contents;
  if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
    contents.resize(static_cast<size_t>(info.st_size));
  }
  size_t used = 0;
  for (;;) {
    if (used < contents.size()) {
      const size_t got = read_some(fd, contents.data() + used, contents.size() - used, path);
      if (got == 0) {
        break;
      }
      used += got;
      continue;
    }
    // All the size said is read: one small read tells whether there is more (the file grew, or
    // it is a pipe) before the string grows.
    char probe[4096];
    const size_t more = read_some(fd, probe, sizeof probe, path);
    if (more == 0) {
      break;
    }
    contents.resize(std::max<size_t>(contents.size() * 2, used + sizeof probe));
    std::memcpy(contents.data() + used, probe, more);
    used += more;
  }
  contents.resize(used);
  return contents;
}

void read_file_in_pieces(const fs::path& path, size_t piece_size,
                         const std::function<bool(std::string_view piece)>& piece) {
  const int fd = open_for_reading(path);
  const FileCloser closer{fd};
  std::string buffer(std::max<size_t>(piece_size, 1), '\0');
  for (;;) {
    const size_t got = read_some(fd, buffer.data(), buffer.size(), path);
    if (got == 0 || !piece(std::string_view(buffer.data(), got))) {
      return;
    }
  }
}

void write_file_atomically(const fs::path& path, std::string_view contents) {
  rename_into_place(write_temporary(path, contents), path);
}

AtomicFileWriter::AtomicFileWriter(const fs::path& path) : path_(path) {
  temporary_ = open_temporary(path_, &fd_);
}

AtomicFileWriter::~AtomicFileWriter() {
  if (fd_ >= 0) {
    ::close(fd_);
    discard_temporary(temporary_);
  }
}

void AtomicFileWriter::write(std::string_view data) {
  constexpr size_t kBufferSize = 1 << 16;
  if (buffer_.size() + data.size() > kBufferSize) {
    flush();
  }
  if (data.size() > kBufferSize) {
    write_through(data);
    return;
  }
  buffer_ += data;
}

void AtomicFileWriter::flush() {
  if (!buffer_.empty()) {
    write_through(buffer_);
    buffer_.clear();
  }
}

void AtomicFileWriter::write_through(std::string_view data) {
  const int fd = std::exchange(fd_, -1);  // write_all closes it when it fails
  write_all(fd, data, temporary_, path_);
  fd_ = fd;
}

fs::path AtomicFileWriter::close() {
  fs::path temporary = temporary_;  // copied while the destructor would still remove it
  flush();
  const int fd = std::exchange(fd_, -1);
  close_temporary(fd, temporary_, path_);
  return temporary;
}

void AtomicFileWriter::commit() {
  rename_into_place(close(), path_);
}

AtomicFileSet::~AtomicFileSet() {
  for (const auto& p : pending_) {
    discard_temporary(p.temporary);
  }
}

SpillBuffer::SpillBuffer(fs::path folder, size_t memory_limit)
    : folder_(std::move(folder)), memory_limit_(memory_limit) {}

SpillBuffer::~SpillBuffer() {
  if (fd_ >= 0) {
    ::close(fd_);
  }
}

void SpillBuffer::append(std::string_view data) {
  size_ += data.size();
  if (fd_ < 0 && buffer_.size() + data.size() <= memory_limit_) {
    buffer_ += data;
    return;
  }
  if (fd_ < 0) {
    open_file();
  }
  buffer_ += data;
  if (buffer_.size() >= (1 << 16)) {
    write_buffer();
  }
}

namespace {

// An unnamed file in `folder`, gone when closed or when the process ends; else a named one,
// unlinked at once. -1 with errno set when neither can be made.
int open_unnamed_file(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) {
    return fd;
  }
  std::string name = (folder / ".relocale-spill.XXXXXX").string();
  const int named = ::mkostemp(name.data(), O_CLOEXEC);
  if (named >= 0) {
    ::unlink(name.c_str());
  }
  return named;
}

}  // namespace

void SpillBuffer::open_file() {
  std::error_code ec;
  fs::create_directories(folder_, ec);
  fd_ = open_unnamed_file(folder_);
  if (fd_ < 0) {
    // A folder relocale may not write to (an unchanged release's files in a read-only checkout
    // are only read): the system's temporary folder.
    const int saved = errno;
    const fs::path system_temporary = fs::temp_directory_path(ec);
    fd_ = ec ? -1 : open_unnamed_file(system_temporary);
    errno = fd_ < 0 ? saved : errno;
  }
  if (fd_ < 0) {
    throw Error(Location{folder_.string()},
                subst(tr("cannot write a temporary file: {1}"), {std::strerror(errno)}));
  }
}

void SpillBuffer::write_buffer() {
  if (const int failure = write_fully(fd_, buffer_)) {
    throw Error(Location{folder_.string()},
                subst(tr("cannot write a temporary file: {1}"), {std::strerror(failure)}));
  }
  buffer_.clear();
}

void SpillBuffer::replay(const std::function<void(std::string_view)>& sink) {
  if (fd_ >= 0) {
    write_buffer();
    if (::lseek(fd_, 0, SEEK_SET) != 0) {
      throw Error(Location{folder_.string()},
                  subst(tr("cannot read file: {1}"), {std::strerror(errno)}));
    }
    std::string chunk(1 << 20, '\0');
    while (const size_t got = read_some(fd_, chunk.data(), chunk.size(), folder_)) {
      sink(std::string_view(chunk.data(), got));
    }
  }
  sink(buffer_);
}

namespace {

// Compares a file already in place with bytes given a piece at a time, reading it as they come:
// neither side is held whole. A file that is missing, not regular or unreadable holds nothing.
class ExistingFileComparison {
 public:
  explicit ExistingFileComparison(const fs::path& path) : path_(path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
      return;
    }
    size_ = static_cast<uint64_t>(info.st_size);
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  }
  ExistingFileComparison(const ExistingFileComparison&) = delete;
  ExistingFileComparison& operator=(const ExistingFileComparison&) = delete;
  ~ExistingFileComparison() { stop(); }

  /// False once a piece differs, or the file ends before the pieces do.
  bool same_so_far() const { return fd_ >= 0; }
  uint64_t size() const { return size_; }

  void compare(std::string_view piece) {
    while (fd_ >= 0 && !piece.empty()) {
      const size_t size = std::min(piece.size(), buffer_.size());
      size_t got = 0;
      try {
        got = read_some(fd_, buffer_.data(), size, path_);
      } catch (const Error&) {
        got = 0;  // unreadable: written again, which says why if it cannot be
      }
      if (got == 0 || std::memcmp(buffer_.data(), piece.data(), got) != 0) {
        stop();
        return;
      }
      compared_ += got;
      piece.remove_prefix(got);
    }
  }

  /// Whether the file holds exactly the bytes compared.
  bool holds_them() const { return fd_ >= 0 && compared_ == size_; }

 private:
  void stop() {
    if (fd_ >= 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  fs::path path_;
  int fd_ = -1;
  uint64_t size_ = 0;
  uint64_t compared_ = 0;
  std::array<char, 1 << 16> buffer_{};
};

// Whether the file at `path` is a regular file holding exactly `contents` (its size first).
bool holds_already(const fs::path& path, std::string_view contents) {
  ExistingFileComparison existing(path);
  if (existing.size() != contents.size()) {
    return false;
  }
  existing.compare(contents);
  return existing.holds_them();
}

}  // namespace

void AtomicFileSet::add(const fs::path& path, std::string_view contents) {
  if (holds_already(path, contents)) {
    return;  // already in place: left untouched, its time kept
  }
  // Room first: once the temporary exists, keeping it must not fail, or it would be left behind.
  pending_.reserve(pending_.size() + 1);
  fs::path target = path;
  pending_.push_back({write_temporary(target, contents), std::move(target)});
}

void AtomicFileSet::add_written(const fs::path& path,
                                const std::function<void(const PieceSink&)>& write) {
  pending_.reserve(pending_.size() + 1);
  ExistingFileComparison existing(path);
  AtomicFileWriter writer(path);
  write([&](std::string_view piece) {
    if (existing.same_so_far()) {
      existing.compare(piece);
    }
    writer.write(piece);
  });
  if (existing.holds_them()) {
    return;  // already in place: the temporary goes with the writer, the file keeps its time
  }
  fs::path target = path;  // copied first: once closed, the temporary must be kept without fail
  fs::path temporary = writer.close();
  pending_.push_back({std::move(temporary), std::move(target)});
}

void AtomicFileSet::commit() {
  for (const auto& p : pending_) {
    rename_into_place(p.temporary, p.target);
  }
  pending_.clear();
}

LineColumn line_column_at(std::string_view text, size_t offset) {
  LineColumn lc;
  const size_t end = std::min(offset, text.size());
  for (size_t i = 0; i < end; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++lc.line;
      lc.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++lc.column;
    }
  }
  return lc;
}

namespace {
// Length of the UTF-8 sequence at text[i], or 0 when it is not valid UTF-8 (overlong forms,
// surrogates and values above U+10FFFF are invalid too).
size_t valid_utf8_length(std::string_view text, size_t i) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) {
    return 1;
  }
  size_t len = 0;
  unsigned min = 0;
  unsigned cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, min = 0x80, cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, min = 0x800, cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, min = 0x10000, cp = b0 & 0x07;
  } else {
    return 0;
  }
  if (i + len > text.size()) {
    return 0;
  }
  for (size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) {
      return 0;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  return len;
}
}  // namespace

void check_utf8_text(std::string_view text, const std::string& file_name, bool allow_bom_and_crlf) {
  if (!allow_bom_and_crlf && text.substr(0, 3) == "\xEF\xBB\xBF") {
    throw Error(Location{file_name, 1, 1},
                tr("the file starts with a byte-order mark; save it as UTF-8 without BOM"));
  }
  if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF") {
    throw Error(Location{file_name, 1, 1},
                tr("the file is UTF-16; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)"));
  }
  // Most bytes of a release or an XLIFF file are ASCII, line ends and indentation included: past
  // eight of them at a time when none has its high bit set, is NUL or, where refused, is CR.
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  const uint64_t refused_cr = allow_bom_and_crlf ? 0 : kOnes * '\r';
  auto has_zero_byte = [](uint64_t w) { return ((w - kOnes) & ~w & kHighBits) != 0; };
  for (size_t i = 0; i < text.size();) {
    if (i + 8 <= text.size()) {
      uint64_t word = 0;
      std::memcpy(&word, text.data() + i, 8);
      if ((word & kHighBits) == 0 && !has_zero_byte(word) &&
          (refused_cr == 0 || !has_zero_byte(word ^ refused_cr))) {
        i += 8;
        continue;
      }
    }
    const char c = text[i];
    if (static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x80) {
      ++i;
      continue;
    }
    // Latin letters with accents, Cyrillic, Greek, Arabic, Hebrew: two bytes, checked in place.
    const auto b0 = static_cast<unsigned char>(c);
    if (b0 >= 0xC2 && b0 <= 0xDF && i + 1 < text.size() &&
        (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    if (c == '\0') {
      const auto lc = line_column_at(text, i);
      throw Error(
          Location{file_name, lc.line, lc.column},
          subst(tr("NUL byte at byte offset {1}; this is not a text file"), {std::to_string(i)}));
    }
    if (c == '\r' && !allow_bom_and_crlf) {
      const auto lc = line_column_at(text, i);
      throw Error(Location{file_name, lc.line, lc.column},
                  tr("CRLF line ends; convert the file to LF line ends (dos2unix)"));
    }
    const size_t len = valid_utf8_length(text, i);
    if (len == 0) {
      const auto lc = line_column_at(text, i);
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(c));
      throw Error(Location{file_name, lc.line, lc.column},
                  subst(tr("invalid UTF-8 byte {1} at byte offset {2}; the file may be in a "
                           "legacy encoding such as Windows-1252 (convert it with iconv)"),
                        {hex, std::to_string(i)}));
    }
    i += len;
  }
}

fs::path path_inside(const fs::path& root, const std::string& relative,
                     const std::string& context) {
  const fs::path rel(relative);
  if (relative.empty() || rel.is_absolute()) {
    throw Error(Location{context},
                subst(tr("path \"{1}\" must be relative to the project"), {relative}));
  }
  for (const auto& part : rel) {
    if (part == "..") {
      throw Error(Location{context},
                  subst(tr("path \"{1}\" leaves the project folder"), {relative}));
    }
  }
  std::error_code ec;
  const fs::path canonical_root = fs::weakly_canonical(root, ec);
  const fs::path joined = root / rel;
  const fs::path resolved = fs::weakly_canonical(joined, ec);
  if (!ec) {
    auto r = canonical_root.begin();
    auto p = resolved.begin();
    for (; r != canonical_root.end(); ++r, ++p) {
      if (p == resolved.end() || *r != *p) {
        throw Error(Location{context},
                    subst(tr("path \"{1}\" leads outside the project through a symbolic link"),
                          {relative}));
      }
    }
  }
  return joined;
}

fs::path RelativePaths::folder_relative(const fs::path& file) {
  const fs::path folder = file.parent_path();
  const std::lock_guard<std::mutex> lock(mutex_);
  auto found = folders_.find(folder);
  if (found == folders_.end()) {
    std::error_code ec;
    fs::path relative = fs::relative(folder.empty() ? "." : folder, base_, ec);
    found = folders_.emplace(folder, ec ? fs::path() : std::move(relative)).first;
  }
  return found->second;
}

std::string RelativePaths::relative(const fs::path& file) {
  const fs::path folder = folder_relative(file);
  return folder.empty() ? file.lexically_normal().string()
                        : (folder / file.filename()).lexically_normal().string();
}

std::string RelativePaths::inside_or_as_given(const fs::path& file) {
  const fs::path folder = folder_relative(file);
  if (folder.empty() || *folder.begin() == "..") {
    return file.lexically_normal().string();
  }
  return (folder / file.filename()).lexically_normal().string();
}

namespace {

// ".<name>.<pid>.<counter>.tmp", as temporary_name_for makes them: the pid of the process that
// made it, or 0 when the name is not such a name.
pid_t temporary_owner(const std::string& name) {
  if (name.size() < 8 || name[0] != '.' || name.compare(name.size() - 4, 4, ".tmp") != 0) {
    return 0;
  }
  size_t end = name.size() - 4;  // the counter ends here, then the pid
  size_t pid_begin = 0;
  size_t pid_end = 0;
  for (int field = 0; field < 2; ++field) {
    size_t begin = end;
    while (begin > 0 && std::isdigit(static_cast<unsigned char>(name[begin - 1]))) {
      --begin;
    }
    if (begin == end || begin == 0 || name[begin - 1] != '.' || end - begin > 9) {
      return 0;
    }
    pid_begin = begin;
    pid_end = end;
    end = begin - 1;
  }
  if (end <= 1) {
    return 0;  // no name before the pid
  }
  return static_cast<pid_t>(std::stol(name.substr(pid_begin, pid_end - pid_begin)));
}

}  // namespace

size_t remove_interrupted_temporaries(const fs::path& root) {
  size_t removed = 0;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (it->is_directory(ec)) {
      // Relocale writes in the project's own folders: not in hidden ones (.git), nor deep down.
      if ((!name.empty() && name[0] == '.') || it.depth() >= 3) {
        it.disable_recursion_pending();
      }
      continue;
    }
    // Only a dead process's temporaries: commands that do not take the lock (check --output,
    // po export) may be writing theirs right now.
    const pid_t owner = temporary_owner(name);
    if (owner <= 0 || owner == ::getpid() || ::kill(owner, 0) == 0 || errno != ESRCH) {
      continue;
    }
    if (it->is_regular_file(ec) && ::unlink(it->path().c_str()) == 0) {
      ++removed;
    }
  }
  return removed;
}

ProjectLock::ProjectLock(const fs::path& root) {
  const fs::path lock_path = root / ".relocale.lock";
  fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    return;  // a read-only project can still be checked; writes will report their own errors
  }
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd_);
    fd_ = -1;
    throw Error(Location{lock_path.string()},
                tr("another relocale process is working on this project; wait for it to finish"));
  }
  // With the lock held no other relocale writes here: a temporary file is what a run killed
  // outright (SIGKILL, a power cut) left behind, never a file's only copy.
  swept_ = remove_interrupted_temporaries(root);
}

ProjectLock::~ProjectLock() {
  if (fd_ >= 0) {
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
  }
}

}  // namespace relocale
