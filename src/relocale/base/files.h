#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace relocale {

/// Reads a whole file as bytes. Throws Error naming the file when it cannot be read.
std::string read_file(const std::filesystem::path& path);

/// Reads a file a piece of at most `piece_size` bytes at a time and hands each piece to `piece`,
/// in order, until the file ends or `piece` returns false: for a file too big to hold whole.
/// Throws Error as read_file does.
void read_file_in_pieces(const std::filesystem::path& path, size_t piece_size,
                         const std::function<bool(std::string_view piece)>& piece);

/// Makes SIGINT, SIGTERM and SIGHUP remove the temporary files being written and exit (128 + the
/// signal). Call it first thing in main, before any thread starts, so that every thread leaves
/// those signals to the clean-up thread; the first atomic write calls it otherwise.
void install_interrupt_cleanup();

/// Writes contents to `.<name>.<pid>.<n>.tmp` in the target's folder, flushes it and renames it
/// into place, so a reader never sees a half-written file and a failed run leaves the old one
/// intact. Creates missing parent folders. A signal during the write removes the temporary file.
void write_file_atomically(const std::filesystem::path& path, std::string_view contents);

/// The same, for a file written piece by piece (a big release's XLIFF is never held whole):
/// write() appends to the temporary file, commit() renames it into place. Destroyed without
/// commit(), it removes the temporary and the old file stays.
class AtomicFileWriter {
 public:
  explicit AtomicFileWriter(const std::filesystem::path& path);
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;
  ~AtomicFileWriter();
  void write(std::string_view data);
  void commit();
  /// Closes the temporary file, complete, and returns its name: the caller renames it into place
  /// or removes it.
  std::filesystem::path close();

 private:
  void flush();
  void write_through(std::string_view data);
  std::filesystem::path path_;
  std::filesystem::path temporary_;
  int fd_ = -1;
  std::string buffer_;
};

/// Bytes kept in memory up to `memory_limit`, then in an unnamed temporary file in `folder`
/// (gone when closed, and when the process ends however it ends): for output whose beginning is
/// known only after its body was made (an XLIFF file's units come before the head that holds the
/// skeleton, in a release written a part at a time).
class SpillBuffer {
 public:
  SpillBuffer(std::filesystem::path folder, size_t memory_limit);
  SpillBuffer(const SpillBuffer&) = delete;
  SpillBuffer& operator=(const SpillBuffer&) = delete;
  ~SpillBuffer();
  void append(std::string_view data);
  /// Hands everything appended so far to `sink`, in order, in pieces (as often as asked).
  void replay(const std::function<void(std::string_view)>& sink);
  /// The bytes appended so far.
  uint64_t size() const { return size_; }
  /// Whether the bytes went to a file (for tests).
  bool spilled() const { return fd_ >= 0; }

 private:
  void open_file();
  void write_buffer();
  std::filesystem::path folder_;
  size_t memory_limit_;
  int fd_ = -1;
  std::string buffer_;
  uint64_t size_ = 0;
};

/// Several files that are all written or none: each goes to a temporary file first, and only when
/// every one is complete are they renamed into place (a failed build writes nothing for a
/// language). A file that holds its contents already is left untouched (its time kept, for
/// whatever watches the files: make, a sync, an upload of changed pages).
class AtomicFileSet {
 public:
  AtomicFileSet() = default;
  AtomicFileSet(const AtomicFileSet&) = delete;
  AtomicFileSet& operator=(const AtomicFileSet&) = delete;
  ~AtomicFileSet();  // removes temporaries that were never committed
  void add(const std::filesystem::path& path, std::string_view contents);
  using PieceSink = std::function<void(std::string_view)>;
  /// A file written a piece at a time: `write` hands each piece to the sink it is given, in
  /// order (a big release's page is never held whole). Compared with the file in place as it
  /// comes, which is left untouched when it holds the same bytes.
  void add_written(const std::filesystem::path& path,
                   const std::function<void(const PieceSink&)>& write);
  void commit();

 private:
  struct Pending {
    std::filesystem::path temporary;
    std::filesystem::path target;
  };
  std::vector<Pending> pending_;
};

/// Checks that text is UTF-8 a person wrote: no invalid bytes (the error gives the byte offset,
/// line and column, and names a likely legacy encoding), no NUL. Throws Error.
/// With allow_bom_and_crlf false (release files), a byte-order mark or CRLF line ends are refused
/// with a message that says how to convert the file.
void check_utf8_text(std::string_view text, const std::string& file_name, bool allow_bom_and_crlf);

/// Offset to 1-based line and column (column counted in code points).
struct LineColumn {
  int line = 1;
  int column = 1;
};
LineColumn line_column_at(std::string_view text, size_t offset);

/// Resolves `relative` inside `root` and refuses anything that would leave it: absolute paths,
/// `..` components, and symbolic links that point outside. Throws Error naming `context`.
std::filesystem::path path_inside(const std::filesystem::path& root, const std::string& relative,
                                  const std::string& context);

/// Paths as they are shown to a user, relative to a base folder, with each folder resolved once:
/// fs::relative and fs::proximate resolve every component of both paths on every call (a
/// readlink each), which a build or check of 2,000 releases did 20 times per file. Only the
/// folders are resolved: a file that is itself a symbolic link is shown by its own name, where
/// fs::relative would show its target's. Safe to call from several threads.
class RelativePaths {
 public:
  explicit RelativePaths(std::filesystem::path base) : base_(std::move(base)) {}
  /// `file` relative to the base as fs::relative makes it for its folder ("../" when it is
  /// outside); `file` itself, normalised, when its folder has no relative form (it cannot be
  /// resolved).
  std::string relative(const std::filesystem::path& file);
  /// `file` relative to the base when it is inside it, else `file` itself, normalised, as
  /// fs::proximate with the outside kept as given: what a CI system needs to place annotations.
  std::string inside_or_as_given(const std::filesystem::path& file);

 private:
  std::filesystem::path folder_relative(const std::filesystem::path& file);
  std::filesystem::path base_;
  std::mutex mutex_;
  std::map<std::filesystem::path, std::filesystem::path> folders_;  // empty: no relative form
};

/// An exclusive lock on a project (flock on <root>/.relocale.lock). A second relocale process on
/// the same project fails at once with a clear message instead of corrupting files.
class ProjectLock {
 public:
  explicit ProjectLock(const std::filesystem::path& root);
  ~ProjectLock();
  ProjectLock(const ProjectLock&) = delete;
  ProjectLock& operator=(const ProjectLock&) = delete;
  /// How many temporary files of an interrupted run were removed when the lock was taken.
  size_t swept() const { return swept_; }

 private:
  int fd_ = -1;
  size_t swept_ = 0;
};

/// Removes the temporary files that write_file_atomically makes (".<name>.<pid>.<n>.tmp") from
/// the project's folders (not hidden ones, three levels down at most). Only to be called with the
/// project's lock held. Returns how many were removed.
size_t remove_interrupted_temporaries(const std::filesystem::path& root);

}  // namespace relocale
