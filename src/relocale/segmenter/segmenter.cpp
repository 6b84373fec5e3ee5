#include "relocale/segmenter/segmenter.h"

#include <algorithm>
#include <map>
#include <memory>
#include <string>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "relocale/base/error.h"
#include "relocale/base/i18n.h"

namespace relocale {
namespace {

// How far (in code points) a rule's before-pattern looks back from a candidate position, and its
// after-pattern looks ahead. Bounding the window keeps segmentation linear in the text's length;
// a pattern anchored with ^ looks back to the start of the text instead.
constexpr int kWindow = 100;

struct UTextCloser {
  void operator()(UText* ut) const { utext_close(ut); }
};
using UTextPtr = std::unique_ptr<UText, UTextCloser>;

// Does the pattern contain ^ as an anchor (not escaped, not inside a [set])?
bool has_caret_anchor(const std::string& pattern) {
  int set_depth = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;
    } else if (c == '[') {
      ++set_depth;
    } else if (c == ']' && set_depth > 0) {
      --set_depth;
    } else if (c == '^' && set_depth == 0) {
      return true;
    }
  }
  return false;
}

struct CompiledRule {
  bool is_break = true;
  bool before_anchored = false;
  std::unique_ptr<icu::RegexMatcher> before;  // (?:before)\z: must end at the position
  std::unique_ptr<icu::RegexMatcher> after;   // after, tried with lookingAt() at the position
  // For break rules, the places where the rule could apply, found in one pass over the text:
  // the ends of the before-pattern's matches that are also starts of the after-pattern's.
  std::unique_ptr<icu::RegexMatcher> before_finder;
  std::unique_ptr<icu::RegexMatcher> after_finder;
};

bool is_white_space_at(const std::string& text, size_t offset, size_t* length) {
  UChar32 c = 0;
  int32_t i = static_cast<int32_t>(offset);
  U8_NEXT(text.data(), i, static_cast<int32_t>(text.size()), c);
  *length = static_cast<size_t>(i) - offset;
  return c >= 0 && u_isUWhiteSpace(c);
}

size_t skip_white_space(const std::string& text, size_t offset) {
  size_t length = 0;
  while (offset < text.size() && is_white_space_at(text, offset, &length)) {
    offset += length;
  }
  return offset;
}

size_t back_over_white_space(const std::string& text, size_t offset) {
  while (offset > 0) {
    int32_t i = static_cast<int32_t>(offset);
    UChar32 c = 0;
    U8_PREV(text.data(), 0, i, c);
    if (c < 0 || !u_isUWhiteSpace(c)) {
      break;
    }
    offset = static_cast<size_t>(i);
  }
  return offset;
}

size_t code_points_back(const std::string& text, size_t offset, int count) {
  int32_t i = static_cast<int32_t>(offset);
  for (int k = 0; k < count && i > 0; ++k) {
    U8_BACK_1(reinterpret_cast<const uint8_t*>(text.data()), 0, i);
  }
  return static_cast<size_t>(i);
}

size_t code_points_forward(const std::string& text, size_t offset, int count) {
  int32_t i = static_cast<int32_t>(offset);
  const auto length = static_cast<int32_t>(text.size());
  for (int k = 0; k < count && i < length; ++k) {
    U8_FWD_1(reinterpret_cast<const uint8_t*>(text.data()), i, length);
  }
  return static_cast<size_t>(i);
}

// A single line break inside a block is white space (a soft wrap), not the end of a paragraph as
// ICU's rule SB4 would have it: the caller gives one block at a time. Replacing each line-break
// character by spaces of the same byte length keeps every offset valid.
std::string with_line_breaks_as_spaces(std::string_view text) {
  std::string copy(text);
  for (size_t i = 0; i < copy.size(); ++i) {
    const auto c = static_cast<unsigned char>(copy[i]);
    if (c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      copy[i] = ' ';
    } else if (c == 0xC2 && i + 1 < copy.size() &&
               static_cast<unsigned char>(copy[i + 1]) == 0x85) {
      copy.replace(i, 2, "  ");  // U+0085 NEXT LINE
    } else if (c == 0xE2 && i + 2 < copy.size() &&
               static_cast<unsigned char>(copy[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(copy[i + 2]) == 0xA8 ||
                static_cast<unsigned char>(copy[i + 2]) == 0xA9)) {
      copy.replace(i, 3, "   ");  // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
    }
  }
  return copy;
}

// Adds the positions where a break rule's before-pattern ends and its after-pattern starts; each
// pattern runs once over the text (matches found left to right, without overlap).
void add_rule_candidates(CompiledRule& rule, UText* ut, size_t size,
                         std::map<size_t, bool>* candidates) {
  UErrorCode status = U_ZERO_ERROR;
  auto add = [&](int64_t position) {
    if (position > 0 && static_cast<size_t>(position) < size) {
      candidates->emplace(static_cast<size_t>(position), false);
    }
  };
  icu::RegexMatcher* before = rule.before_finder.get();
  icu::RegexMatcher* after = rule.after_finder.get();
  if (before) {
    before->reset(ut);
  }
  if (after) {
    after->reset(ut);
  }
  if (before && !after) {
    while (before->find(status) && U_SUCCESS(status)) {
      add(before->end64(status));
    }
  } else if (after && !before) {
    while (after->find(status) && U_SUCCESS(status)) {
      add(after->start64(status));
    }
  } else if (before && after) {
    bool has_before = before->find(status);
    int64_t before_end = has_before ? before->end64(status) : 0;
    while (has_before && after->find(status) && U_SUCCESS(status)) {
      const int64_t after_start = after->start64(status);
      while (has_before && before_end < after_start) {
        has_before = before->find(status) && U_SUCCESS(status);
        before_end = has_before ? before->end64(status) : 0;
      }
      if (has_before && before_end == after_start) {
        add(after_start);
      }
    }
  }
}

}  // namespace

struct Segmenter::Impl {
  std::vector<std::unique_ptr<icu::RegexPattern>> patterns;
  std::vector<CompiledRule> rules;  // destroyed before the patterns they point into
  std::unique_ptr<icu::BreakIterator> breaker;

  // Compiles a pattern of a rule; the pattern is kept here because a matcher points into it.
  std::unique_ptr<icu::RegexMatcher> matcher_for(const std::string& pattern, const SrxRule& rule,
                                                 const std::string& file_name) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    std::unique_ptr<icu::RegexPattern> compiled(
        icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), 0, parse_error, status));
    std::unique_ptr<icu::RegexMatcher> matcher;
    if (U_SUCCESS(status)) {
      matcher.reset(compiled->matcher(status));
    }
    if (U_FAILURE(status) || !matcher) {
      // read_srx checked every pattern; only rules built by hand get here.
      Location where;
      where.file = file_name;
      where.line = rule.line;
      throw Error(where, subst(tr("invalid regular expression \"{1}\": {2}"),
                               {pattern, u_errorName(status)}));
    }
    patterns.push_back(std::move(compiled));
    return matcher;
  }

  bool before_matches(CompiledRule& rule, UText* ut, const std::string& text, size_t position) {
    if (!rule.before) {
      return true;
    }
    UErrorCode status = U_ZERO_ERROR;
    const size_t start = rule.before_anchored ? 0 : code_points_back(text, position, kWindow);
    rule.before->reset(ut);
    rule.before->region(static_cast<int64_t>(start), static_cast<int64_t>(position), status);
    rule.before->useAnchoringBounds(true);  // so that \z matches at the position
    rule.before->useTransparentBounds(true);
    const bool found = rule.before->find(status);
    return U_SUCCESS(status) && found;
  }

  bool after_matches(CompiledRule& rule, UText* ut, const std::string& text, size_t position) {
    if (!rule.after) {
      return true;
    }
    UErrorCode status = U_ZERO_ERROR;
    const size_t limit = code_points_forward(text, position, kWindow);
    rule.after->reset(ut);
    rule.after->region(static_cast<int64_t>(position), static_cast<int64_t>(limit), status);
    rule.after->useAnchoringBounds(false);  // $ only at the real end of the text
    rule.after->useTransparentBounds(true);
    const bool found = rule.after->lookingAt(status);
    return U_SUCCESS(status) && found;
  }
};

Segmenter::Segmenter(const SrxRules& rules, const std::string& lang) : impl_(new Impl) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(lang, status);
  if (U_FAILURE(status) || locale.isBogus()) {
    status = U_ZERO_ERROR;
    locale = icu::Locale(lang.c_str());
  }
  // "ss=standard": ICU's sentence-break suppressions (CLDR's abbreviation lists) for the locale.
  locale.setKeywordValue("ss", "standard", status);
  status = U_ZERO_ERROR;
  impl_->breaker.reset(icu::BreakIterator::createSentenceInstance(locale, status));
  if (U_FAILURE(status) || !impl_->breaker) {
    throw Error(subst(tr("cannot create ICU's sentence break iterator for \"{1}\": {2}"),
                      {lang, u_errorName(status)}));
  }
  for (const SrxRule* rule : rules.rules_for(lang)) {
    CompiledRule compiled;
    compiled.is_break = rule->is_break;
    if (!rule->before.empty()) {
      compiled.before = impl_->matcher_for("(?:" + rule->before + ")\\z", *rule, rules.file_name);
      compiled.before_anchored = has_caret_anchor(rule->before);
    }
    if (!rule->after.empty()) {
      compiled.after = impl_->matcher_for(rule->after, *rule, rules.file_name);
    }
    if (rule->is_break) {
      // A pattern anchored at ^ matches once at most: the after-pattern alone finds the places.
      if (!rule->before.empty() && !(compiled.before_anchored && !rule->after.empty())) {
        compiled.before_finder = impl_->matcher_for(rule->before, *rule, rules.file_name);
      }
      if (!rule->after.empty()) {
        compiled.after_finder = impl_->matcher_for(rule->after, *rule, rules.file_name);
      }
    }
    impl_->rules.push_back(std::move(compiled));
  }
}

Segmenter::~Segmenter() = default;
Segmenter::Segmenter(Segmenter&&) noexcept = default;

std::vector<size_t> Segmenter::find_breaks(std::string_view original,
                                           const std::vector<ByteRange>& protected_ranges) const {
  std::vector<size_t> breaks;
  if (original.empty()) {
    return breaks;
  }
  const std::string text = with_line_breaks_as_spaces(original);
  UErrorCode status = U_ZERO_ERROR;
  UTextPtr ut(utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
  if (U_FAILURE(status)) {
    throw Error(subst(tr("cannot read the text for segmentation: {1}"), {u_errorName(status)}));
  }

  // Candidate positions, where the rules are asked: just after the last non-space character of a
  // sentence, as SRX defines a break (between "." and " " in "end. Next"). The value says whether
  // ICU breaks there.
  std::map<size_t, bool> candidates;
  impl_->breaker->setText(ut.get(), status);
  for (int32_t b = impl_->breaker->next(); b != icu::BreakIterator::DONE;
       b = impl_->breaker->next()) {
    const auto boundary = static_cast<size_t>(b);
    if (boundary == 0 || boundary >= text.size()) {
      continue;
    }
    const size_t position = back_over_white_space(text, boundary);
    if (position > 0) {
      candidates[position] = true;
    }
  }
  // Each break rule adds the places where it could apply.
  for (auto& rule : impl_->rules) {
    add_rule_candidates(rule, ut.get(), text.size(), &candidates);
  }

  for (const auto& [position, icu_breaks] : candidates) {
    bool is_break = icu_breaks;  // no rule applies: ICU's decision stands
    for (auto& rule : impl_->rules) {
      if (impl_->before_matches(rule, ut.get(), text, position) &&
          impl_->after_matches(rule, ut.get(), text, position)) {
        is_break = rule.is_break;
        break;
      }
    }
    if (!is_break) {
      continue;
    }
    const size_t offset = skip_white_space(text, position);
    if (offset == 0 || offset >= text.size() || (!breaks.empty() && offset <= breaks.back())) {
      continue;
    }
    const bool is_protected =
        std::any_of(protected_ranges.begin(), protected_ranges.end(), [&](const ByteRange& r) {
          return (r.begin < position && position < r.end) || (r.begin < offset && offset < r.end);
        });
    if (!is_protected) {
      breaks.push_back(offset);
    }
  }
  return breaks;
}

std::vector<std::string> Segmenter::split(std::string_view text,
                                          const std::vector<ByteRange>& protected_ranges) const {
  std::vector<std::string> sentences;
  const std::string spaced = with_line_breaks_as_spaces(text);
  size_t start = 0;
  auto add = [&](size_t end) {
    const size_t begin = skip_white_space(spaced, start);
    end = std::max(begin, back_over_white_space(spaced, end));
    if (end > begin) {
      sentences.emplace_back(text.substr(begin, end - begin));
    }
  };
  for (size_t offset : find_breaks(text, protected_ranges)) {
    add(offset);
    start = offset;
  }
  add(text.size());
  return sentences;
}

}  // namespace relocale
