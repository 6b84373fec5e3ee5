// Reading an XLIFF 2 file a part at a time: expat reads the file's bytes as they come and finds
// where each <unit> and each child of <rl:skeleton> starts and ends; pugixml then parses that
// element alone and the usual reader (Xliff2PartReader) reads it. A big release's XLIFF is 8 times
// the release per language and its pugixml tree 4 times the file: held whole, a 100 MB release
// took 6 GB.
//
// Anything this reading is not sure to read as the whole-file reading does stops it, and the
// caller reads the file whole instead: an error of any kind (the whole reading then gives the
// same message at the same place, and where two faults compete, the same one), XML that expat
// refuses and pugixml may accept (a bare "&", a control character, an undeclared entity), nesting
// close to the limit, a skeleton after the first unit. Such files are rare and small; a big file
// that relocale wrote and a CAT tool returned is read a part at a time.
#include <algorithm>
#include <exception>
#include <string>

#include <expat.h>

#include "relocale/base/error.h"
#include "relocale/base/files.h"
#include "relocale/xliff/xliff_io.h"

namespace relocale {

namespace {

constexpr size_t kPieceBytes = size_t{1} << 20;

std::string attribute(const XML_Char** attributes, std::string_view name) {
  for (size_t i = 0; attributes[i] != nullptr; i += 2) {
    if (name == attributes[i]) {
      return attributes[i + 1];
    }
  }
  return "";
}

// Thrown inside the handlers: this file is to be read whole.
struct ReadWhole {};

class Xliff2Stream {
 public:
  Xliff2Stream(const XliffPieces& pieces, std::string file_name, Document& header,
               const std::function<void(Unit&&)>& on_unit)
      : pieces_(pieces),
        file_(std::move(file_name)),
        header_(header),
        on_unit_(on_unit),
        parts_(file_),
        parser_(XML_ParserCreate("UTF-8")) {
    if (parser_ == nullptr) {
      throw std::bad_alloc();
    }
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, &Xliff2Stream::on_start, &Xliff2Stream::on_end);
    XML_SetStartDoctypeDeclHandler(parser_, &Xliff2Stream::on_doctype);
  }
  Xliff2Stream(const Xliff2Stream&) = delete;
  Xliff2Stream& operator=(const Xliff2Stream&) = delete;
  ~Xliff2Stream() { XML_ParserFree(parser_); }

  // False: read the file whole.
  bool read() {
    try {
      bool more = true;
      pieces_([&](std::string_view piece) {
        more = more && feed(piece, /*last=*/false);
        return more;
      });
      return more && feed({}, /*last=*/true) && file_seen_;
    } catch (const Error&) {
      return false;  // the whole reading names it, or the fault that comes first
    }
  }

 private:
  enum class Part { none, skeleton_piece, unit };

  bool feed(std::string_view piece, bool last) {
    // The first bytes: a file that is not UTF-8 XML (UTF-16 has a NUL in its first two bytes, or
    // a byte-order mark) is the whole reading's to name.
    if (buffer_base_ == 0 && buffer_.size() < 2 && piece.size() >= 2 &&
        (piece.find('\0') < 2 || piece.substr(0, 2) == "\xFF\xFE" ||
         piece.substr(0, 2) == "\xFE\xFF")) {
      return false;
    }
    buffer_.append(piece);
    if (XML_Parse(parser_, piece.data(), static_cast<int>(piece.size()), last ? 1 : 0) ==
        XML_STATUS_ERROR) {
      if (failure_) {
        std::rethrow_exception(failure_);
      }
      return false;  // expat refused it: malformed, or stopped by a handler
    }
    // What expat is done with goes, but for the part being read; its lines are counted first.
    const uint64_t keep = part_ != Part::none ? part_start_ : keep_from_;
    if (keep > buffer_base_) {
      count_lines_to(keep);
      buffer_.erase(0, static_cast<size_t>(keep - buffer_base_));
      buffer_base_ = keep;
    }
    return true;
  }

  // The line of the byte at `offset` (not before any offset asked before), counting "\n" alone as
  // the readers do (expat also counts a lone "\r").
  int line_at(uint64_t offset) {
    count_lines_to(offset);
    return lines_counted_ + 1;
  }
  void count_lines_to(uint64_t offset) {
    if (offset <= counted_to_) {
      return;
    }
    const char* from = buffer_.data() + (counted_to_ - buffer_base_);
    lines_counted_ += static_cast<int>(std::count(from, from + (offset - counted_to_), '\n'));
    counted_to_ = offset;
  }

  // Exceptions must not cross expat's C frames: parsing stops, and the first one is kept (an
  // Error or ReadWhole means reading the file whole; anything else is thrown on).
  template <typename F>
  void guarded(F&& f) {
    if (stopped_) {
      return;  // expat may still report an event or two after XML_StopParser
    }
    try {
      f();
    } catch (const ReadWhole&) {
      stop();
    } catch (const Error&) {
      stop();
    } catch (...) {
      failure_ = std::current_exception();
      stop();
    }
  }
  void stop() {
    stopped_ = true;
    XML_StopParser(parser_, XML_FALSE);
  }

  static void XMLCALL on_start(void* self, const XML_Char* name, const XML_Char** attributes) {
    auto* stream = static_cast<Xliff2Stream*>(self);
    stream->guarded([&] { stream->start(name, attributes); });
  }
  static void XMLCALL on_end(void* self, const XML_Char* /*name*/) {
    auto* stream = static_cast<Xliff2Stream*>(self);
    stream->guarded([&] { stream->end(); });
  }
  static void XMLCALL on_doctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*,
                                 int) {
    auto* stream = static_cast<Xliff2Stream*>(self);
    stream->guarded([] { throw ReadWhole{}; });  // refused, where the whole reading says
  }

  void start(std::string_view name, const XML_Char** attributes) {
    ++depth_;
    // The whole reading counts text as a level below its element: close to its limit, it decides.
    if (depth_ >= kMaxXmlDepth - 1) {
      throw ReadWhole{};
    }
    if (part_ != Part::none) {
      return;  // inside a part: pugixml reads it whole
    }
    const auto at = static_cast<uint64_t>(XML_GetCurrentByteIndex(parser_));
    keep_from_ = at;
    const std::string_view local = local_name(name);
    bool holds_units = false;
    if (depth_ == 1) {
      read_root(local, attributes);
    } else if (depth_ == 2 && local == "file") {
      if (file_seen_) {
        throw ReadWhole{};  // more than one <file>, refused by the whole reading
      }
      file_seen_ = true;
      header_.source_file = attribute(attributes, "original");
      holds_units = true;
    } else if (rl_skeleton_depth_ != 0 && depth_ == rl_skeleton_depth_ + 1) {
      begin_part(Part::skeleton_piece, at);  // text, a unit's place, a warning
    } else if (skeleton_depth_ != 0 && depth_ == skeleton_depth_ + 1 && local == "skeleton") {
      // <rl:skeleton>: its attributes now, its children one at a time (37 MB of them for a
      // 100 MB release).
      rl_skeleton_depth_ = depth_;
      pugi::xml_document attributes_only;
      pugi::xml_node element = attributes_only.append_child(std::string(name).c_str());
      for (size_t i = 0; attributes[i] != nullptr; i += 2) {
        element.append_attribute(attributes[i]).set_value(attributes[i + 1]);
      }
      Xliff2PartReader::read_skeleton_attributes(element, header_);
    } else if (holds_units_.back()) {
      // As the whole-file reader does: units and the skeleton in <file>, or in its <group>s.
      if (local == "group") {
        holds_units = true;
      } else if (local == "skeleton") {
        // Those who read units as they come need the skeleton before them, as XLIFF 2 has it.
        if (units_read_ > 0) {
          throw ReadWhole{};
        }
        skeleton_depth_ = depth_;
      } else if (local == "unit") {
        begin_part(Part::unit, at);
      }
    }
    holds_units_.push_back(holds_units);
  }

  void begin_part(Part part, uint64_t at) {
    part_ = part;
    part_start_ = at;
    part_depth_ = depth_;
  }

  void read_root(std::string_view local, const XML_Char** attributes) {
    const std::string version = attribute(attributes, "version");
    const std::string ns = attribute(attributes, "xmlns");
    if (local != "xliff" || (version != "2.0" && version != "2.1" && version != "2.2") ||
        (!ns.empty() && ns != kXliff2Namespace)) {
      throw ReadWhole{};  // XLIFF 1.2, or what the whole reading refuses
    }
    header_.source_lang = attribute(attributes, "srcLang");
    header_.target_lang = attribute(attributes, "trgLang");
    if (header_.source_lang.empty()) {
      throw ReadWhole{};
    }
  }

  void end() {
    if (part_ != Part::none && depth_ > part_depth_) {
      --depth_;
      return;
    }
    const auto at = static_cast<uint64_t>(XML_GetCurrentByteIndex(parser_));
    if (part_ != Part::none) {
      // The end tag's bytes; for <unit/>, the whole tag.
      const uint64_t end = at + static_cast<uint64_t>(XML_GetCurrentByteCount(parser_));
      read_part(end);
      part_ = Part::none;
      keep_from_ = end;
    } else {
      keep_from_ = at;
      if (depth_ == rl_skeleton_depth_) {
        rl_skeleton_depth_ = 0;
      }
      if (depth_ == skeleton_depth_) {
        skeleton_depth_ = 0;
      }
    }
    holds_units_.pop_back();
    --depth_;
  }

  void read_part(uint64_t end) {
    const std::string_view text(buffer_.data() + (part_start_ - buffer_base_),
                                static_cast<size_t>(end - part_start_));
    pugi::xml_document xml;
    parse_xml(xml, text, file_);  // an Error: read whole
    const pugi::xml_node element = xml.document_element();
    if (part_ == Part::skeleton_piece) {
      Xliff2PartReader::read_skeleton_piece(element, header_);
    } else {
      ++units_read_;
      on_unit_(parts_.read_unit(element, text, line_at(part_start_)));
    }
  }

  const XliffPieces& pieces_;
  std::string file_;
  Document& header_;
  const std::function<void(Unit&&)>& on_unit_;
  Xliff2PartReader parts_;
  XML_Parser parser_;
  std::exception_ptr failure_;  // not an Error: thrown on once expat has returned
  bool stopped_ = false;
  bool file_seen_ = false;
  size_t units_read_ = 0;
  int depth_ = 0;
  std::vector<bool> holds_units_;  // for each open element outside the parts
  // The file's bytes from buffer_base_ on: from the part being read, or the last event.
  std::string buffer_;
  uint64_t buffer_base_ = 0;
  uint64_t keep_from_ = 0;
  uint64_t counted_to_ = 0;  // lines are counted up to here
  int lines_counted_ = 0;
  Part part_ = Part::none;
  uint64_t part_start_ = 0;
  int part_depth_ = 0;
  int skeleton_depth_ = 0;     // of the <skeleton> being read, 0 outside one
  int rl_skeleton_depth_ = 0;  // of the <rl:skeleton> in it
};

}  // namespace

bool stream_xliff2_file(const std::filesystem::path& file, Document& header,
                        const std::function<void(Unit&& unit)>& on_unit) {
  const XliffPieces pieces = [&file](const std::function<bool(std::string_view)>& piece) {
    read_file_in_pieces(file, kPieceBytes, piece);
  };
  return stream_xliff2(pieces, file.string(), header, on_unit);
}

std::function<void(Unit&&)> passing_errors(std::function<void(Unit&&)> use) {
  return [use = std::move(use)](Unit&& unit) {
    try {
      use(std::move(unit));
    } catch (const Error&) {
      throw CallerFailure{std::current_exception()};
    }
  };
}

bool stream_xliff2(const XliffPieces& pieces, const std::string& file_name, Document& header,
                   const std::function<void(Unit&& unit)>& on_unit) {
  return Xliff2Stream(pieces, file_name, header, on_unit).read();
}

}  // namespace relocale
