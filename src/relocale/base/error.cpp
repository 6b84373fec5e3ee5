#include "relocale/base/error.h"

#include <cstdio>
#include <cstdlib>

namespace relocale {

std::string Location::to_string() const {
  std::string out = file;
  if (!file.empty() && line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) {
      out += ':' + std::to_string(column);
    }
  }
  if (!unit_id.empty()) {
    if (!out.empty()) {
      out += ": ";
    }
    out += "unit \"" + unit_id + "\"";
  }
  return out;
}

namespace {
std::string with_location(const Location& where, const std::string& message) {
  const std::string place = where.to_string();
  return place.empty() ? message : place + ": " + message;
}
}  // namespace

Error::Error(Location where, const std::string& message)
    : std::runtime_error(with_location(where, message)),
      where_(std::move(where)),
      message_(message) {}

bool Diagnostics::has_errors() const {
  return count(Severity::error) > 0;
}

size_t Diagnostics::count(Severity s) const {
  size_t n = 0;
  for (const auto& d : items_) {
    n += d.severity == s ? 1 : 0;
  }
  return n;
}

const char* severity_key(Severity s) {
  switch (s) {
  case Severity::info:
    return "info";
  case Severity::warning:
    return "warning";
  case Severity::error:
    return "error";
  }
  return "error";
}

void internal_error(const char* file, int line, const char* what) {
  std::fprintf(stderr, "relocale: internal error at %s:%d: %s\n", file, line, what);
  std::abort();
}

}  // namespace relocale
