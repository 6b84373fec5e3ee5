// Pseudo-translation: accented, expanded and bracketed text that keeps every placeholder.
#include "relocale/pipeline/pseudo.h"

#include <cmath>
#include <optional>

#include <unicode/unistr.h>

#include "relocale/base/files.h"
#include "relocale/locale_formatter/house_style.h"
#include "relocale/pipeline/pipeline.h"

namespace relocale {

namespace {

// One accented look-alike per ASCII letter, so that every word stays readable.
const char* const kLower[26] = {"á", "ƀ", "ç", "đ", "é", "ƒ", "ĝ", "ĥ", "í", "ĵ", "ķ", "ĺ", "ɱ",
                                "ñ", "ó", "þ", "ǫ", "ŕ", "š", "ŧ", "ú", "ṽ", "ŵ", "ẋ", "ý", "ž"};
const char* const kUpper[26] = {"Á", "Ɓ", "Ç", "Đ", "É", "Ƒ", "Ĝ", "Ĥ", "Í", "Ĵ", "Ķ", "Ĺ", "Ṁ",
                                "Ñ", "Ó", "Þ", "Ǫ", "Ŕ", "Š", "Ŧ", "Ú", "Ṽ", "Ŵ", "Ẋ", "Ý", "Ž"};

std::string accented(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') {
      out += kLower[c - 'a'];
    } else if (c >= 'A' && c <= 'Z') {
      out += kUpper[c - 'A'];
    } else {
      out += c;
    }
  }
  return out;
}

// Length in code points, as a reader sees it.
size_t letters_of(const Content& content) {
  size_t n = 0;
  for (const auto& run : content) {
    if (const auto* s = std::get_if<std::string>(&run)) {
      n += static_cast<size_t>(icu::UnicodeString::fromUTF8(*s).countChar32());
    }
  }
  return n;
}

}  // namespace

Content pseudo_translate(const Content& source, const PseudoOptions& options) {
  Content out;
  append_text(out, "[!! ");
  for (const auto& run : source) {
    if (const auto* s = std::get_if<std::string>(&run)) {
      append_text(out, accented(*s));
    } else {
      out.push_back(run);
    }
  }
  const auto padding = static_cast<size_t>(
      std::lround(static_cast<double>(letters_of(source)) * std::max(0.0, options.expansion)));
  append_text(out, (padding ? " " + std::string(padding, '~') : std::string()) + " !!]");
  return out;
}

size_t pseudo_translate_document(Document& doc, const PseudoOptions& options) {
  size_t filled = 0;
  for (auto& unit : doc.units) {
    for (auto& seg : unit.segments) {
      if (seg.target && seg.state != SegmentState::initial) {
        continue;
      }
      seg.target = pseudo_translate(seg.source, options);
      seg.state = SegmentState::initial;
      ++filled;
    }
  }
  return filled;
}

size_t pseudo_translate_file(const ProjectConfig& config, const std::string& lang,
                             const std::string& release, const PseudoOptions& options,
                             uintmax_t stream_from_bytes) {
  const auto file = config.xliff_path(lang, release);
  const HouseStyle style = load_house_style(lang, config.path(config.locales_dir));
  XliffWriteOptions write;
  write.cat_profile = config.settings_for(lang).cat_profile;
  write.display = [&style](const Placeholder& p) { return render_placeholder(p, style); };
  size_t filled = 0;
  bool head_written = false;
  {
    // A unit at a time: the head once the header and skeleton are read (before the first unit),
    // then each unit as it comes. Nothing is committed unless the whole file was read so.
    std::optional<AtomicFileWriter> updated;
    Document header;
    Document one;
    std::string text;
    auto write_head = [&] {
      if (!updated) {
        updated.emplace(file);
        std::string skeleton_xml;
        append_xliff2_skeleton(skeleton_xml, header.skeleton);
        text.clear();
        write_xliff2_head(text, header, skeleton_xml);
        updated->write(text);
        one.release = header.release;  // which the units' notes name
      }
    };
    const bool streamed = with_caller_errors([&] {
      return stream_xliff_file(
          config, lang, release, header, passing_errors([&](Unit&& unit) {
            write_head();
            one.units.assign(1, std::move(unit));
            filled += pseudo_translate_document(one, options);
            write_xliff2_units(one, write, [&](std::string_view piece) { updated->write(piece); });
          }),
          stream_from_bytes);
    });
    head_written = updated.has_value();
    if (streamed) {
      write_head();  // a file without units
      text.clear();
      write_xliff2_tail(text);
      updated->write(text);
      updated->commit();
      return filled;
    }
  }
  // Whole: smaller, XLIFF 1.2, or a fault that load_xliff_file names.
  const std::string bytes = read_file(file);
  if (!head_written) {  // the version from the root; a file with a head written was 2.0
    pugi::xml_document xml;
    parse_xml(xml, bytes, file.string());
    write.version = xliff_version_of(xml) == "1.2" ? "1.2" : "2.0";
  }
  Document doc = load_xliff_file(config, lang, release, &bytes);
  filled = pseudo_translate_document(doc, options);
  write_file_atomically(file, write_xliff(doc, write));
  return filled;
}

}  // namespace relocale
