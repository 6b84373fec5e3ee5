// Fuzzes read_release for Markdown (cmark) and plain text; the first byte chooses the format and a
// part size. A release that reads whole must read the same in parts (ReleaseParts): the same
// units, numbered alike, with the same content, and the same skeleton. A difference means a cut
// where cmark reads a block differently in a part than in the whole, and aborts. Its pages, made
// a piece at a time at such cuts (ReleaseOutputs), must be the pages made whole, whatever the
// bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "relocale/base/error.h"
#include "relocale/reader/release_reader.h"
#include "relocale/writer/release_writers.h"

namespace {

bool same_unit(const relocale::Unit& a, const relocale::Unit& b) {
  return a.id == b.id && a.kind == b.kind && a.position == b.position && a.segments.size() == 1 &&
         b.segments.size() == 1 && a.segments[0].source == b.segments[0].source;
}

bool same_piece(const relocale::SkeletonPart& a, const relocale::SkeletonPart& b) {
  return a.text == b.text && a.unit_id == b.unit_id;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) {
    return 0;
  }
  const char* format = (data[0] & 1) != 0 ? "md" : "txt";
  const size_t part_bytes = 1 + (data[0] >> 1);
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  // Pages are made from merged text, which no reader checked (a translation may bring a CR, a
  // byte-order mark or a NUL): compared for every input.
  const relocale::PageInfo page{"fr", false, "Title"};
  const relocale::ReleaseOutputs whole_pages(text, format, text.size() + 1);
  const relocale::ReleaseOutputs piece_pages(text, format, part_bytes);
  if (piece_pages.html(page) != whole_pages.html(page) ||
      piece_pages.text() != whole_pages.text()) {
    std::abort();
  }
  relocale::Document whole;
  try {
    whole = relocale::read_release(text, "fuzz.md", format);
  } catch (const relocale::Error&) {
    return 0;
  }
  relocale::ReleaseParts parts(text, "fuzz.md", format, part_bytes);
  relocale::Document part;
  size_t unit = 0;
  size_t piece = 0;
  while (parts.next(part)) {
    for (const auto& u : part.units) {
      if (unit >= whole.units.size() || !same_unit(u, whole.units[unit++])) {
        std::abort();
      }
    }
    for (const auto& p : part.skeleton) {
      if (piece >= whole.skeleton.size() || !same_piece(p, whole.skeleton[piece++])) {
        std::abort();
      }
    }
  }
  if (unit != whole.units.size() || piece != whole.skeleton.size()) {
    std::abort();
  }
  return 0;
}
