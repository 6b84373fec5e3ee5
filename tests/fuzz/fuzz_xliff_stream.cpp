// Fuzzes the XLIFF reading a part at a time against the whole reading: for any bytes, both give
// the same document (written back) or the same error at the same line. A difference aborts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>

#include <unistd.h>

#include "relocale/base/error.h"
#include "relocale/xliff/xliff_io.h"

namespace {

struct Outcome {
  std::optional<std::string> written;
  std::string error;
  int line = 0;
  bool operator==(const Outcome& other) const {
    return written == other.written && error == other.error && line == other.line;
  }
};

template <typename Read>
Outcome outcome_of(Read&& read) {
  Outcome out;
  try {
    const relocale::Document doc = read();
    out.written = relocale::write_xliff2(doc, {});
    for (const auto& unit : doc.units) {
      out.written->append(" " + std::to_string(unit.line));
      for (const auto& seg : unit.segments) {
        out.written->append("," + std::to_string(seg.line));
      }
    }
  } catch (const relocale::Error& e) {
    out.error = e.message();
    out.line = e.where().line;
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::filesystem::path file =
      std::filesystem::temp_directory_path() /
      ("relocale-fuzz-stream-" + std::to_string(::getpid()) + ".xlf");
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
  }
  const Outcome whole = outcome_of([&] { return relocale::read_xliff(text, file.string()); });
  const Outcome streamed =
      outcome_of([&] { return relocale::read_xliff_file(file, /*stream_from_bytes=*/0); });
  if (!(whole == streamed)) {
    std::abort();  // the two readings differ
  }
  return 0;
}
