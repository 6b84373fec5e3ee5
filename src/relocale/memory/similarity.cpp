#include "relocale/memory/similarity.h"

#include <memory>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "relocale/base/error.h"

namespace relocale {

namespace {

// One word BreakIterator per thread: creating one costs far more than a lookup, and a
// BreakIterator is not safe to share, so const lookups from several threads each get their own.
icu::BreakIterator& word_breaker() {
  thread_local std::unique_ptr<icu::BreakIterator> breaker;
  if (!breaker) {
    UErrorCode status = U_ZERO_ERROR;
    breaker.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    RELOCALE_ASSERT(U_SUCCESS(status) && breaker, "ICU word BreakIterator is unavailable");
  }
  return *breaker;
}

bool is_white_space(const icu::UnicodeString& text, int32_t start, int32_t end) {
  for (int32_t i = start; i < end;) {
    const UChar32 c = text.char32At(i);
    if (!u_isUWhiteSpace(c)) {
      return false;
    }
    i += U16_LENGTH(c);
  }
  return true;
}

void append_word_tokens(const std::string& text, std::vector<std::string>& out) {
  const auto unicode = icu::UnicodeString::fromUTF8(text);
  auto& breaker = word_breaker();
  breaker.setText(unicode);
  int32_t start = breaker.first();
  for (int32_t end = breaker.next(); end != icu::BreakIterator::DONE;
       start = end, end = breaker.next()) {
    if (is_white_space(unicode, start, end)) {
      continue;
    }
    std::string token;
    unicode.tempSubStringBetween(start, end).toUTF8String(token);
    out.push_back(std::move(token));
  }
}

// Inline elements (placeholders and codes) of a content, in order.
std::vector<const Run*> inline_elements(const Content& content) {
  std::vector<const Run*> out;
  for (const auto& run : content) {
    if (!std::holds_alternative<std::string>(run)) {
      out.push_back(&run);
    }
  }
  return out;
}

// Id of an inline element, and which of the three kinds it is (1 placeholder, 2 start, 3 end):
// a start and its end share an id, so the pair (kind, id) identifies an element.
std::pair<int, std::string> element_identity(const Run& run) {
  if (const auto* p = std::get_if<Placeholder>(&run)) {
    return {1, p->id};
  }
  if (const auto* b = std::get_if<CodeStart>(&run)) {
    return {2, b->id};
  }
  if (const auto* e = std::get_if<CodeEnd>(&run)) {
    return {3, e->id};
  }
  return {0, {}};
}

}  // namespace

std::vector<std::string> match_tokens(const Content& content) {
  std::vector<std::string> out;
  for (const auto& run : content) {
    if (const auto* s = std::get_if<std::string>(&run)) {
      append_word_tokens(*s, out);
    } else if (const auto* p = std::get_if<Placeholder>(&run)) {
      out.push_back(std::string("\x01") + placeholder_kind_key(p->kind));
    } else if (const auto* b = std::get_if<CodeStart>(&run)) {
      out.push_back("\x02" + b->kind);
    } else {
      out.emplace_back("\x03");
    }
  }
  return out;
}

double token_similarity(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return similarity_from_distance(token_distance(a, b), a.size(), b.size());
}

double similarity(const Content& a, const Content& b) {
  return token_similarity(match_tokens(a), match_tokens(b));
}

std::string match_key(const Content& content) {
  std::string key;
  bool pending_space = false;
  // White space between two elements becomes one space; none at the ends.
  const auto space_if_pending = [&] {
    if (pending_space && !key.empty()) {
      key += ' ';
    }
    pending_space = false;
  };
  for (const auto& run : content) {
    if (const auto* s = std::get_if<std::string>(&run)) {
      key.reserve(key.size() + s->size());
      const auto length = static_cast<int32_t>(s->size());
      for (int32_t i = 0; i < length;) {
        const char byte = (*s)[static_cast<size_t>(i)];
        if (static_cast<unsigned char>(byte) > 0x20 && static_cast<unsigned char>(byte) < 0x80) {
          space_if_pending();  // printable ASCII, most of the text
          key += byte;
          ++i;
          continue;
        }
        const int32_t start = i;
        UChar32 c = 0;
        U8_NEXT(s->data(), i, length, c);
        if (c >= 0 && u_isUWhiteSpace(c)) {
          pending_space = true;
          continue;
        }
        space_if_pending();
        key.append(*s, static_cast<size_t>(start), static_cast<size_t>(i - start));
      }
    } else if (const auto* p = std::get_if<Placeholder>(&run)) {
      space_if_pending();
      key += '\x1f';
      key += placeholder_kind_key(p->kind);
      key += '\x1f';
    } else if (const auto* b = std::get_if<CodeStart>(&run)) {
      space_if_pending();
      key += '\x1e';
      key += b->kind;
      key += '\x1e';
    } else {
      space_if_pending();
      key += '\x1d';
    }
  }
  return key;
}

Content update_placeholders(const Content& target, const Content& old_source,
                            const Content& new_source) {
  const auto old_elements = inline_elements(old_source);
  const auto new_elements = inline_elements(new_source);
  Content out;
  out.reserve(target.size());
  for (const auto& run : target) {
    if (std::holds_alternative<std::string>(run)) {
      out.push_back(run);
      continue;
    }
    const auto identity = element_identity(run);
    size_t index = 0;
    while (index < old_elements.size() && element_identity(*old_elements[index]) != identity) {
      ++index;
    }
    if (index < old_elements.size() && index < new_elements.size() &&
        new_elements[index]->index() == run.index()) {
      out.push_back(*new_elements[index]);
    } else {
      out.push_back(run);
    }
  }
  return out;
}

}  // namespace relocale
