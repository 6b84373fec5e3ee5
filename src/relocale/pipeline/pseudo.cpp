// Pseudo-translation: accented, expanded and bracketed text that keeps every placeholder.
#include "relocale/pipeline/pseudo.h"

#include <cmath>

#include <unicode/unistr.h>

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

}  // namespace relocale
