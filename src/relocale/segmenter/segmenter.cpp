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
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "relocale/base/error.h"
#include "relocale/base/i18n.h"

namespace relocale {
namespace {

// How far (in code points) a rule's after-pattern looks ahead of a candidate position, and a
// before-pattern that starts with ^ looks back. Bounding them keeps segmentation linear.
constexpr int kWindow = 100;
constexpr int kAnchoredWindow = 1100;

struct UTextCloser {
  void operator()(UText* ut) const { utext_close(ut); }
};
using UTextPtr = std::unique_ptr<UText, UTextCloser>;

struct CompiledRule {
  bool is_break = true;
  // The rule asked at one position. A <beforebreak> of bounded length becomes a look-behind,
  // (?=(after))(?<=before), tried once with lookingAt() at the position: a few steps, whatever
  // the length of the paragraph. <afterbreak> comes first: at most candidates it fails on its
  // first character. A look-ahead sees past the window that bounds <afterbreak>; when its match
  // (group 1) ends beyond it, `at_bounded`, (?<=before)(?:after) with the match inside the
  // window, decides.
  std::unique_ptr<icu::RegexMatcher> at;
  std::unique_ptr<icu::RegexMatcher> at_bounded;
  // Any other <beforebreak> is searched for as (?:before)\z in the `before_window` characters
  // before the position, then <afterbreak> is tried there with lookingAt().
  std::unique_ptr<icu::RegexMatcher> before;
  std::unique_ptr<icu::RegexMatcher> after;
  int before_window = 0;
  bool anchored = false;     // the <beforebreak> starts with ^: it is about the paragraph's start
  bool after_first = false;  // a break rule whose matches are found from its <afterbreak>
  UChar32 last_char = -1;    // the character every match of <beforebreak> ends with, if one
  // A break rule also proposes candidates wherever it matches. (?:before)(?=after) runs once over
  // the text (as Okapi does); after each match the search resumes one character after its start,
  // so overlapping matches are found too. An anchored rule's candidates are where <afterbreak>
  // matches instead.
  std::unique_ptr<icu::RegexMatcher> pass;
  std::unique_ptr<icu::RegexMatcher> after_finder;
  // For an anchored break rule: its <beforebreak> alone, asked once at the paragraph's start.
  // Where it cannot match there it matches before no candidate, and <afterbreak> is not searched.
  std::unique_ptr<icu::RegexMatcher> start_probe;
  std::vector<size_t> positions;  // where the pass matched in the current text, sorted
  uint64_t text_generation = 0;   // the text the matchers were last given
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

// The same walks over UTF-16, where the rules run: ICU's regular expressions take their fast path
// on a UTF-16 text held in one piece, and are several times slower through a UTF-8 UText.
size_t skip_white_space(const icu::UnicodeString& text, size_t offset) {
  const auto length = static_cast<size_t>(text.length());
  while (offset < length) {
    const UChar32 c = text.char32At(static_cast<int32_t>(offset));
    if (!u_isUWhiteSpace(c)) {
      break;
    }
    offset += U16_LENGTH(c);
  }
  return offset;
}

size_t back_over_white_space(const icu::UnicodeString& text, size_t offset) {
  while (offset > 0) {
    const UChar32 c = text.char32At(static_cast<int32_t>(offset) - 1);
    if (!u_isUWhiteSpace(c)) {
      break;
    }
    offset -= U16_LENGTH(c);
  }
  return offset;
}

size_t code_points_back(const icu::UnicodeString& text, size_t offset, int count) {
  return static_cast<size_t>(text.moveIndex32(static_cast<int32_t>(offset), -count));
}

size_t code_points_forward(const icu::UnicodeString& text, size_t offset, int count) {
  return static_cast<size_t>(text.moveIndex32(static_cast<int32_t>(offset), count));
}

// The block as UTF-16, with the UTF-8 byte offset of each of its code units (and of its end).
struct Utf16Text {
  icu::UnicodeString text;
  std::vector<size_t> byte_offset;
  explicit Utf16Text(const std::string& utf8) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto size = static_cast<int32_t>(utf8.size());
    byte_offset.resize(utf8.size() + 1);
    // Never more UTF-16 code units than UTF-8 bytes: written straight into the string's buffer.
    char16_t* units = text.getBuffer(std::max<int32_t>(size, 1));
    int32_t length = 0;
    for (int32_t i = 0; i < size;) {
      const int32_t start = i;
      UChar32 c = 0;
      U8_NEXT(bytes, i, size, c);
      if (c < 0) {
        c = 0xFFFD;  // an ill-formed sequence reads as one replacement character
      }
      const int32_t first = length;
      U16_APPEND_UNSAFE(units, length, c);
      for (int32_t k = first; k < length; ++k) {
        byte_offset[static_cast<size_t>(k)] = static_cast<size_t>(start);
      }
    }
    text.releaseBuffer(length);
    byte_offset.resize(static_cast<size_t>(length) + 1);
    byte_offset.back() = utf8.size();
  }
};

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

// Whether a pattern can only match where white space starts: "\\s", "\\s+", "\\s{2}" but not
// "\\s*", "\\s?" or "\\s{0,1}".
bool starts_with_required_space(const std::string& pattern) {
  if (pattern.rfind("\\s", 0) != 0) {
    return false;
  }
  const char next = pattern.size() > 2 ? pattern[2] : '\0';
  return next != '*' && next != '?' && !(next == '{' && pattern.size() > 3 && pattern[3] == '0');
}

// The character every match of a pattern ends with, when the pattern ends with an escaped "."
// outside any alternation (most exception rules: "\\b(?:Dr|Mr)\\."); -1 when there is none.
UChar32 required_last_char(const std::string& pattern) {
  const size_t n = pattern.size();
  if (n < 2 || pattern[n - 1] != '.' || pattern[n - 2] != '\\') {
    return -1;
  }
  size_t backslashes = 0;
  for (size_t i = n - 1; i > 0 && pattern[i - 1] == '\\'; --i) {
    ++backslashes;
  }
  if (backslashes % 2 == 0) {
    return -1;  // "\\\\." is a backslash and then any character
  }
  int depth = 0;
  int in_class = 0;
  for (size_t i = 0; i < n; ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;  // an escaped character
    } else if (c == '[') {
      ++in_class;
    } else if (c == ']' && in_class > 0) {
      --in_class;
    } else if (in_class == 0 && c == '(') {
      ++depth;
    } else if (in_class == 0 && c == ')') {
      --depth;
    } else if (in_class == 0 && depth == 0 && c == '|') {
      return -1;  // an alternative of the whole pattern may end elsewhere
    }
  }
  return '.';
}

// Calls found(start, end) for every match of the matcher in the text, overlapping ones too:
// after each match the search resumes one character after its start.
template <class Found>
void for_each_overlapping_match(icu::RegexMatcher& matcher, const icu::UnicodeString& text,
                                Found&& found) {
  UErrorCode status = U_ZERO_ERROR;
  const int64_t size = text.length();
  int64_t from = 0;
  while (from <= size && matcher.find(from, status) && U_SUCCESS(status)) {
    const int64_t start = matcher.start64(status);
    found(static_cast<size_t>(start), static_cast<size_t>(matcher.end64(status)));
    from = static_cast<int64_t>(code_points_forward(text, static_cast<size_t>(start), 1));
    if (from <= start) {
      break;  // at the end of the text
    }
  }
}

// Runs a rule's pass over the text and records where it matches.
void run_pass(CompiledRule& rule, UText* ut, const icu::UnicodeString& text) {
  rule.positions.clear();
  rule.pass->reset(ut);
  for_each_overlapping_match(*rule.pass, text,
                             [&](size_t, size_t end) { rule.positions.push_back(end); });
  std::sort(rule.positions.begin(), rule.positions.end());
  rule.positions.erase(std::unique(rule.positions.begin(), rule.positions.end()),
                       rule.positions.end());
}

}  // namespace

struct Segmenter::Impl {
  std::vector<std::unique_ptr<icu::RegexPattern>> patterns;
  std::vector<CompiledRule> rules;  // destroyed before the patterns they point into
  std::unique_ptr<icu::BreakIterator> breaker;
  uint64_t text_generation = 0;  // counts the texts given to find_breaks
  // The windows around the position last asked about (kWindow characters each way).
  size_t window_position = 0;
  uint64_t window_generation = 0;
  size_t window_limit = 0;
  static constexpr size_t kUnmeasured = static_cast<size_t>(-1);
  size_t window_back = kUnmeasured;  // measured when a <beforebreak> search first needs it

  // Compiles a pattern of a rule; the pattern is kept here because a matcher points into it.
  // Returns null with `status` set when ICU refuses the pattern and `may_fail` is true.
  std::unique_ptr<icu::RegexMatcher> matcher_for(const std::string& pattern, const SrxRule& rule,
                                                 const std::string& file_name,
                                                 bool may_fail = false) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error{};
    std::unique_ptr<icu::RegexPattern> compiled(
        icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), 0, parse_error, status));
    std::unique_ptr<icu::RegexMatcher> matcher;
    if (U_SUCCESS(status)) {
      matcher.reset(compiled->matcher(status));
    }
    if (U_FAILURE(status) || !matcher) {
      if (may_fail) {
        return nullptr;
      }
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

  // Gives the rule's matchers the current text, once per text and only for the rules asked.
  void bind(CompiledRule& rule, UText* ut) const {
    if (rule.text_generation == text_generation) {
      return;
    }
    for (auto* m : {rule.at.get(), rule.at_bounded.get(), rule.before.get(), rule.after.get(),
                    rule.pass.get(), rule.after_finder.get(), rule.start_probe.get()}) {
      if (m) {
        m->reset(ut);
        // Look-arounds and \b see past the region; ^ and $ only at the real ends of the text,
        // except where a region is set with anchoring bounds on purpose (before_matches).
        m->useTransparentBounds(true);
        m->useAnchoringBounds(false);
      }
    }
    rule.text_generation = text_generation;
  }

  bool matches_at(CompiledRule& rule, UText* ut, const icu::UnicodeString& text, size_t position) {
    if (rule.pass || rule.after_first) {
      return std::binary_search(rule.positions.begin(), rule.positions.end(), position);
    }
    return asks_true_at(rule, ut, text, position);
  }

  // Whether the rule's <beforebreak> matches just before the position and its <afterbreak> just
  // after it.
  bool asks_true_at(CompiledRule& rule, UText* ut, const icu::UnicodeString& text,
                    size_t position) {
    if (rule.last_char >= 0 && (position == 0 || text.charAt(static_cast<int32_t>(position) - 1) !=
                                                     static_cast<char16_t>(rule.last_char))) {
      return false;  // the <beforebreak> ends with a character that is not there
    }
    bind(rule, ut);
    UErrorCode status = U_ZERO_ERROR;
    // The windows are the same for every rule asked at a position: measured once.
    if (position != window_position || text_generation != window_generation) {
      window_position = position;
      window_generation = text_generation;
      window_limit = code_points_forward(text, position, kWindow);
      window_back = kUnmeasured;
    }
    const auto limit = static_cast<int64_t>(window_limit);
    if (rule.at) {
      rule.at->region(static_cast<int64_t>(position), limit, status);
      const bool found = rule.at->lookingAt(status);
      if (U_FAILURE(status) || !found) {
        return false;
      }
      if (rule.at->end64(1, status) <= limit) {
        return true;
      }
      status = U_ZERO_ERROR;
      rule.at_bounded->region(static_cast<int64_t>(position), limit, status);
      const bool bounded = rule.at_bounded->lookingAt(status);
      return U_SUCCESS(status) && bounded;
    }
    // <afterbreak> first: one lookingAt() that mostly fails at once, where the search for
    // <beforebreak> walks its whole window.
    return after_matches(rule, position, limit) && before_matches(rule, text, position);
  }

  // Whether (?:before)\z matches in the region that ends at the position: the search starts
  // `before_window` characters back, and \z holds at the region's end (anchoring bounds).
  bool before_matches(CompiledRule& rule, const icu::UnicodeString& text, size_t position) {
    if (rule.before_window == kWindow && window_back == kUnmeasured) {
      window_back = code_points_back(text, position, kWindow);
    }
    const size_t from = rule.before_window == kWindow
                            ? window_back
                            : code_points_back(text, position, rule.before_window);
    if (rule.anchored && from > 0) {
      return false;  // the pattern starts with ^ and looks back no further than its window
    }
    UErrorCode status = U_ZERO_ERROR;
    rule.before->useAnchoringBounds(true);
    rule.before->region(0, static_cast<int64_t>(position), static_cast<int64_t>(from), status);
    const bool found = rule.before->find(status);
    rule.before->useAnchoringBounds(false);
    return U_SUCCESS(status) && found;
  }

  static bool after_matches(CompiledRule& rule, size_t position, int64_t limit) {
    if (!rule.after) {
      return true;
    }
    UErrorCode status = U_ZERO_ERROR;
    rule.after->region(static_cast<int64_t>(position), limit, status);
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
  const std::string& file = rules.file_name;
  for (const SrxRule* rule : rules.rules_for(lang)) {
    CompiledRule compiled;
    compiled.is_break = rule->is_break;
    compiled.anchored = !rule->before.empty() && rule->before[0] == '^';
    compiled.last_char = required_last_char(rule->before);
    // ICU accepts a look-behind only when it can bound its length (U_REGEX_LOOK_BEHIND_LIMIT).
    compiled.at = impl_->matcher_for("(?=(" + rule->after + "))(?<=" + rule->before + ")", *rule,
                                     file, /*may_fail=*/true);
    // A break rule proposes candidates wherever it matches. A pass over the text tries it at
    // every place where its <beforebreak> could start, which costs most for a short, common one
    // ("\S", "\p{L}\."); when that one has a bounded length and <afterbreak> must start with
    // white space, the places where <afterbreak> matches are found instead and the look-behind
    // asked there.
    compiled.after_first = rule->is_break && !compiled.anchored && compiled.at &&
                           starts_with_required_space(rule->after);
    if (rule->is_break && !compiled.anchored && !compiled.after_first) {
      std::string pass = "(?:" + rule->before + ")";
      if (!rule->after.empty()) {
        pass += "(?=" + rule->after + ")";
      }
      compiled.pass = impl_->matcher_for(pass, *rule, file);
      compiled.at.reset();
      impl_->rules.push_back(std::move(compiled));
      continue;
    }
    if (compiled.at) {
      // The same look-behind and <afterbreak>: ICU takes it whenever it took the look-ahead form.
      compiled.at_bounded =
          impl_->matcher_for("(?<=" + rule->before + ")(?:" + rule->after + ")", *rule, file);
    }
    if (!compiled.at) {
      compiled.before = impl_->matcher_for("(?:" + rule->before + ")\\z", *rule, file);
      compiled.before_window = compiled.anchored ? kAnchoredWindow : kWindow;
      if (!rule->after.empty()) {
        compiled.after = impl_->matcher_for(rule->after, *rule, file);
      }
    }
    if (rule->is_break && !rule->after.empty()) {
      compiled.after_finder = impl_->matcher_for(rule->after, *rule, file);
      if (compiled.anchored) {
        compiled.start_probe = impl_->matcher_for("(?:" + rule->before + ")", *rule, file);
      }
    }
    impl_->rules.push_back(std::move(compiled));
  }
  // An anchored break rule's search is skipped in a paragraph whose start does not suit it. Its
  // candidates are asked of every rule, though: that is safe only while every break rule
  // proposes its own. A break rule that proposes none (an anchored one with no <afterbreak>)
  // would lose breaks, so then every search runs.
  const bool every_break_rule_proposes =
      std::all_of(impl_->rules.begin(), impl_->rules.end(), [](const CompiledRule& r) {
        return !r.is_break || r.pass || r.after_first || r.after_finder;
      });
  if (!every_break_rule_proposes) {
    for (auto& r : impl_->rules) {
      r.start_probe.reset();
    }
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
  // The rules run on UTF-16 positions; breaks are given back as byte offsets of the UTF-8 text.
  const Utf16Text block(with_line_breaks_as_spaces(original));
  const icu::UnicodeString& text = block.text;
  const auto length = static_cast<size_t>(text.length());
  ++impl_->text_generation;
  UErrorCode status = U_ZERO_ERROR;
  UTextPtr ut(utext_openConstUnicodeString(nullptr, &text, &status));
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
    if (boundary == 0 || boundary >= length) {
      continue;
    }
    const size_t position = back_over_white_space(text, boundary);
    if (position > 0) {
      candidates[position] = true;
    }
  }
  // Each break rule's pass adds the places where it matches as candidates.
  for (auto& rule : impl_->rules) {
    if (rule.pass && rule.is_break) {
      run_pass(rule, ut.get(), text);
      for (size_t position : rule.positions) {
        if (position > 0 && position < length) {
          candidates.emplace(position, false);
        }
      }
    } else if (rule.after_first) {
      // Every place where <afterbreak> matches (overlapping ones too), asked with the
      // look-behind: the rule's exact matches.
      rule.positions.clear();
      impl_->bind(rule, ut.get());
      for_each_overlapping_match(*rule.after_finder, text, [&](size_t position, size_t) {
        if (position > 0 && position < length &&
            impl_->asks_true_at(rule, ut.get(), text, position)) {
          rule.positions.push_back(position);
          candidates.emplace(position, false);
        }
      });
    } else if (rule.is_break && rule.after_finder) {
      if (rule.start_probe) {
        impl_->bind(rule, ut.get());
        const bool may_match = rule.start_probe->lookingAt(status);
        status = U_ZERO_ERROR;
        if (!may_match) {
          continue;  // a paragraph that does not start the way the rule's must
        }
      }
      rule.after_finder->reset(ut.get());
      while (rule.after_finder->find(status) && U_SUCCESS(status)) {
        const auto position = static_cast<size_t>(rule.after_finder->start64(status));
        if (position > 0 && position < length) {
          candidates.emplace(position, false);
        }
      }
      status = U_ZERO_ERROR;
    }
  }

  // Exceptions are asked only at candidates: a one-sentence block asks none.
  if (candidates.empty()) {
    return breaks;
  }
  for (const auto& [position, icu_breaks] : candidates) {
    bool is_break = icu_breaks;  // no rule applies: ICU's decision stands
    for (auto& rule : impl_->rules) {
      if (impl_->matches_at(rule, ut.get(), text, position)) {
        is_break = rule.is_break;
        break;
      }
    }
    if (!is_break) {
      continue;
    }
    const size_t next = skip_white_space(text, position);
    if (next == 0 || next >= length) {
      continue;
    }
    const size_t offset = block.byte_offset[next];
    const size_t end = block.byte_offset[position];
    if (!breaks.empty() && offset <= breaks.back()) {
      continue;
    }
    const bool is_protected =
        std::any_of(protected_ranges.begin(), protected_ranges.end(), [&](const ByteRange& r) {
          return (r.begin < end && end < r.end) || (r.begin < offset && offset < r.end);
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
