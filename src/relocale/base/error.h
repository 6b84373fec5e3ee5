#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace relocale {

/// Where something was found: a file, a 1-based line and column (0 = unknown), and for XLIFF the
/// unit id. Any field may be empty.
struct Location {
  Location() = default;
  Location(std::string file_name, int line_number = 0, int column_number = 0, std::string unit = "")
      : file(std::move(file_name)),
        line(line_number),
        column(column_number),
        unit_id(std::move(unit)) {}

  std::string file;
  int line = 0;
  int column = 0;
  std::string unit_id;

  /// "file:line:col" with the parts that are known, then ` unit "id"` when there is one.
  std::string to_string() const;
};

/// Bad input, bad configuration or an I/O failure. what() == "file:line:col: message".
/// Thrown at the boundaries (readers, config, XLIFF, file I/O) and caught once, in cli/main.cpp.
class Error : public std::runtime_error {
 public:
  Error(Location where, const std::string& message);
  explicit Error(const std::string& message) : Error(Location{}, message) {}
  const Location& where() const { return where_; }
  /// The message without the location prefix.
  const std::string& message() const { return message_; }

 private:
  Location where_;
  std::string message_;
};

enum class Severity { info, warning, error };

/// One finding of a check or a validation. check_id is a stable English key
/// ("placeholder-missing"); message is already translated for people.
struct Diagnostic {
  std::string check_id;
  Severity severity = Severity::error;
  Location where;
  std::string message;
};

/// Findings collected by checks and validation, which never throw; the caller picks the exit code.
class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void add(std::string check_id, Severity severity, Location where, std::string message) {
    items_.push_back({std::move(check_id), severity, std::move(where), std::move(message)});
  }
  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic>& items() { return items_; }
  bool has_errors() const;
  size_t count(Severity s) const;
  void append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
  }

 private:
  std::vector<Diagnostic> items_;
};

const char* severity_key(Severity s);  // "info", "warning", "error": for machine-read reports

/// For bugs, never for bad input: prints our own __FILE__:__LINE__ and aborts.
[[noreturn]] void internal_error(const char* file, int line, const char* what);
#define RELOCALE_ASSERT(cond, what)                         \
  do {                                                      \
    if (!(cond)) {                                          \
      ::relocale::internal_error(__FILE__, __LINE__, what); \
    }                                                       \
  } while (0)

}  // namespace relocale
