// Reading an XLIFF 2 file a part at a time: expat reads the file's bytes as they come and finds
// where each <unit> and each child of <rl:skeleton> starts and ends; pugixml then parses that
// element alone and the usual reader (Xliff2PartReader) reads it. A big release's XLIFF is 8 times
// the release per language and its pugixml tree 4 times the file: held whole, a 100 MB release took
// 6 GB.
#include <exception>
#include <string>

#include <expat.h>

#include "relocale/base/error.h"
#include "relocale/base/files.h"
#include "relocale/base/i18n.h"
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

class Xliff2Stream {
 public:
  Xliff2Stream(const std::filesystem::path& file, Document& header,
               const std::function<void(Unit&&)>& on_unit)
      : path_(file),
        file_(file.string()),
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

  bool read() {
    read_file_in_pieces(path_, kPieceBytes,
                        [this](std::string_view piece) { return feed(piece, /*last=*/false); });
    if (!not_xliff2_ && feed({}, /*last=*/true) && !file_seen_) {
      throw Error(Location{file_, root_line_, 0}, tr("<xliff> has no <file>"));
    }
    return !not_xliff2_;
  }

 private:
  enum class Part { none, skeleton_piece, unit };

  // Hands expat the next piece; false once the root showed that this is not XLIFF 2.
  bool feed(std::string_view piece, bool last) {
    buffer_.append(piece);
    if (XML_Parse(parser_, piece.data(), static_cast<int>(piece.size()), last ? 1 : 0) ==
        XML_STATUS_ERROR) {
      if (failure_) {
        std::rethrow_exception(failure_);
      }
      if (not_xliff2_) {
        return false;
      }
      throw Error(here(),
                  subst(tr("malformed XML: {1}"), {XML_ErrorString(XML_GetErrorCode(parser_))}));
    }
    // What expat is done with goes, but for the part being read.
    const uint64_t keep = part_ != Part::none ? part_start_ : keep_from_;
    if (keep > buffer_base_) {
      buffer_.erase(0, static_cast<size_t>(keep - buffer_base_));
      buffer_base_ = keep;
    }
    return true;
  }

  Location here() const {
    return Location{file_, static_cast<int>(XML_GetCurrentLineNumber(parser_)),
                    static_cast<int>(XML_GetCurrentColumnNumber(parser_)) + 1};
  }

  // Exceptions must not cross expat's C frames: the first one is kept, parsing stops, and read()
  // throws it once XML_Parse has returned.
  template <typename F>
  void guarded(F&& f) {
    if (failure_ || not_xliff2_) {
      return;  // expat may still report an event or two after XML_StopParser
    }
    try {
      f();
    } catch (...) {
      failure_ = std::current_exception();
      XML_StopParser(parser_, XML_FALSE);
    }
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
    stream->guarded([&] {
      throw Error(stream->here(),
                  tr("DOCTYPE declarations are refused: relocale never expands entities or "
                     "reads external files named by a document"));
    });
  }

  void start(std::string_view name, const XML_Char** attributes) {
    ++depth_;
    if (depth_ > kMaxXmlDepth) {
      throw Error(here(),
                  subst(tr("elements nested more than {1} deep; this is not a translation file"),
                        {std::to_string(kMaxXmlDepth)}));
    }
    if (part_ != Part::none) {
      return;  // inside a part: pugixml reads it whole
    }
    const auto at = static_cast<uint64_t>(XML_GetCurrentByteIndex(parser_));
    const int line = static_cast<int>(XML_GetCurrentLineNumber(parser_));
    keep_from_ = at;
    const std::string_view local = local_name(name);
    bool holds_units = false;
    if (depth_ == 1) {
      read_root(local, attributes, line);
    } else if (depth_ == 2 && local == "file") {
      if (file_seen_) {
        throw Error(Location{file_, line, 0},
                    tr("more than one <file>: relocale writes one release per XLIFF file"));
      }
      file_seen_ = true;
      header_.source_file = attribute(attributes, "original");
      holds_units = true;
    } else if (rl_skeleton_depth_ != 0 && depth_ == rl_skeleton_depth_ + 1) {
      begin_part(Part::skeleton_piece, at, line);  // text, a unit's place, a warning
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
        skeleton_depth_ = depth_;
      } else if (local == "unit") {
        begin_part(Part::unit, at, line);
      }
    }
    holds_units_.push_back(holds_units);
  }

  void begin_part(Part part, uint64_t at, int line) {
    part_ = part;
    part_start_ = at;
    part_line_ = line;
    part_depth_ = depth_;
  }

  void read_root(std::string_view local, const XML_Char** attributes, int line) {
    const std::string version = attribute(attributes, "version");
    if (local != "xliff" || (version != "2.0" && version != "2.1" && version != "2.2")) {
      not_xliff2_ = true;  // read_xliff reads it, or names what it is
      XML_StopParser(parser_, XML_FALSE);
      return;
    }
    root_line_ = line;
    const std::string ns = attribute(attributes, "xmlns");
    if (!ns.empty() && ns != kXliff2Namespace) {
      throw Error(
          Location{file_, line, 0},
          subst(tr("the <xliff> namespace is \"{1}\", expected \"{2}\""), {ns, kXliff2Namespace}));
    }
    header_.source_lang = attribute(attributes, "srcLang");
    header_.target_lang = attribute(attributes, "trgLang");
    if (header_.source_lang.empty()) {
      throw Error(Location{file_, line, 0}, tr("<xliff> has no srcLang attribute"));
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
    try {
      parse_xml(xml, text, file_);
    } catch (const Error& e) {
      // Only what expat let through gets here; name the place in the file, not in the part.
      const auto& where = e.where();
      throw Error(Location{file_, where.line == 0 ? 0 : where.line + part_line_ - 1,
                           where.line == 1 ? 0 : where.column},
                  e.message());
    }
    const pugi::xml_node element = xml.document_element();
    if (part_ == Part::skeleton_piece) {
      Xliff2PartReader::read_skeleton_piece(element, header_);
    } else {
      on_unit_(parts_.read_unit(element, text, part_line_));
    }
  }

  std::filesystem::path path_;
  std::string file_;
  Document& header_;
  const std::function<void(Unit&&)>& on_unit_;
  Xliff2PartReader parts_;
  XML_Parser parser_;
  std::exception_ptr failure_;
  bool not_xliff2_ = false;
  bool file_seen_ = false;
  int root_line_ = 0;
  int depth_ = 0;
  std::vector<bool> holds_units_;  // for each open element outside the parts
  // The file's bytes from buffer_base_ on: from the part being read, or the last event.
  std::string buffer_;
  uint64_t buffer_base_ = 0;
  uint64_t keep_from_ = 0;
  Part part_ = Part::none;
  uint64_t part_start_ = 0;
  int part_line_ = 0;
  int part_depth_ = 0;
  int skeleton_depth_ = 0;     // of the <skeleton> being read, 0 outside one
  int rl_skeleton_depth_ = 0;  // of the <rl:skeleton> in it
};

}  // namespace

bool stream_xliff2_file(const std::filesystem::path& file, Document& header,
                        const std::function<void(Unit&& unit)>& on_unit) {
  return Xliff2Stream(file, header, on_unit).read();
}

}  // namespace relocale
