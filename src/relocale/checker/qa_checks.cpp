// The quality checks run by `relocale check` on every translated segment: one table of checks,
// each a function that returns the messages of its findings for one segment.
#include "relocale/checker/qa_checks.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include <unicode/brkiter.h>
#include <unicode/numfmt.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "relocale/base/i18n.h"
#include "relocale/base/suggest.h"

namespace relocale {

namespace {

// What a check sees of one segment.
struct SegmentView {
  const Document& doc;
  const Unit& unit;
  const Segment& seg;
  const Content& target;
  const Glossary* glossary;
  std::string source_lang;  // base language: "fr" for "fr-CA"
  std::string target_lang;
};

using SegmentCheck = void (*)(const SegmentView&, std::vector<std::string>& messages);

std::string base_lang(const std::string& lang) {
  return lang.substr(0, lang.find_first_of("-_"));
}

std::string segment_prefix(const SegmentView& v) {
  return subst(tr("segment \"{1}\": "), {v.seg.id});
}

// ---- placeholders and codes ---------------------------------------------------------------------

struct PlaceholderCount {
  PlaceholderKind kind = PlaceholderKind::code;
  int count = 0;
};

std::map<std::string, PlaceholderCount> count_placeholders(const Content& content) {
  std::map<std::string, PlaceholderCount> out;
  for (const auto* p : placeholders_of(content)) {
    auto& c = out[p->id];
    c.kind = p->kind;
    ++c.count;
  }
  return out;
}

void check_placeholder_missing(const SegmentView& v, std::vector<std::string>& messages) {
  const auto target = count_placeholders(v.target);
  for (const auto& [id, c] : count_placeholders(v.seg.source)) {
    if (target.find(id) == target.end()) {
      messages.push_back(segment_prefix(v) +
                         subst(tr("placeholder {1} ({2}) is missing from the target"),
                               {id, placeholder_kind_key(c.kind)}));
    }
  }
}

void check_placeholder_duplicated(const SegmentView& v, std::vector<std::string>& messages) {
  const auto source = count_placeholders(v.seg.source);
  for (const auto& [id, c] : count_placeholders(v.target)) {
    const auto it = source.find(id);
    if (it != source.end() && c.count > it->second.count) {
      messages.push_back(
          segment_prefix(v) +
          subst(tr("placeholder {1} ({2}) appears {3} times in the target, {4} in the source"),
                {id, placeholder_kind_key(c.kind), std::to_string(c.count),
                 std::to_string(it->second.count)}));
    }
  }
}

void check_placeholder_invented(const SegmentView& v, std::vector<std::string>& messages) {
  const auto source = count_placeholders(v.seg.source);
  for (const auto& [id, c] : count_placeholders(v.target)) {
    const auto it = source.find(id);
    if (it == source.end()) {
      messages.push_back(segment_prefix(v) +
                         subst(tr("placeholder {1} ({2}) in the target is not in the source"),
                               {id, placeholder_kind_key(c.kind)}));
    } else if (it->second.kind != c.kind) {
      messages.push_back(
          segment_prefix(v) +
          subst(tr("placeholder {1} is a {2} in the target but a {3} in the source"),
                {id, placeholder_kind_key(c.kind), placeholder_kind_key(it->second.kind)}));
    }
  }
}

struct CodeCount {
  int starts = 0;
  int ends = 0;
  bool end_before_start = false;
};

std::map<std::string, CodeCount> count_codes(const Content& content) {
  std::map<std::string, CodeCount> out;
  for (const auto& run : content) {
    if (const auto* b = std::get_if<CodeStart>(&run)) {
      ++out[b->id].starts;
    } else if (const auto* e = std::get_if<CodeEnd>(&run)) {
      auto& c = out[e->id];
      c.end_before_start = c.end_before_start || c.starts <= c.ends;
      ++c.ends;
    }
  }
  return out;
}

void check_code_unbalanced(const SegmentView& v, std::vector<std::string>& messages) {
  const auto source = count_codes(v.seg.source);
  const auto target = count_codes(v.target);
  for (const auto& [id, s] : source) {
    const auto it = target.find(id);
    const CodeCount t = it == target.end() ? CodeCount{} : it->second;
    if (t.starts == 0 && t.ends == 0) {
      messages.push_back(segment_prefix(v) +
                         subst(tr("paired code {1} is missing from the target"), {id}));
    } else if (t.starts != t.ends || t.end_before_start) {
      messages.push_back(
          segment_prefix(v) +
          subst(tr("paired code {1} is unbalanced in the target: {2} start(s), {3} end(s)"),
                {id, std::to_string(t.starts), std::to_string(t.ends)}));
    } else if (t.starts != s.starts) {
      messages.push_back(segment_prefix(v) +
                         subst(tr("paired code {1} appears {2} times in the target, {3} in the "
                                  "source"),
                               {id, std::to_string(t.starts), std::to_string(s.starts)}));
    }
  }
  for (const auto& [id, t] : target) {
    if (source.find(id) == source.end()) {
      messages.push_back(segment_prefix(v) +
                         subst(tr("paired code {1} in the target is not in the source"), {id}));
    }
  }
}

void check_code_crossed(const SegmentView& v, std::vector<std::string>& messages) {
  std::vector<std::string> open;
  for (const auto& run : v.target) {
    if (const auto* b = std::get_if<CodeStart>(&run)) {
      open.push_back(b->id);
    } else if (const auto* e = std::get_if<CodeEnd>(&run)) {
      const auto it = std::find(open.rbegin(), open.rend(), e->id);
      if (it == open.rend()) {
        continue;  // an end without a start is code-unbalanced
      }
      if (it != open.rbegin()) {
        messages.push_back(
            segment_prefix(v) +
            subst(tr("paired codes {1} and {2} cross in the target: {1} ends before {2}"),
                  {e->id, open.back()}));
        return;
      }
      open.pop_back();
    }
  }
}

// ---- numbers ------------------------------------------------------------------------------------

bool is_number_separator(UChar32 c) {
  return c == ',' || c == '.' || c == '\'' || c == ' ' || c == 0x00A0 || c == 0x202F ||
         c == 0x2009 || c == 0x2019 || c == 0x066B || c == 0x066C;
}

std::string format_value(double d) {
  std::ostringstream out;
  out.precision(15);
  out << d;
  return out.str();
}

std::string join_values(const std::vector<double>& values) {
  std::string out;
  for (const double d : values) {
    out += (out.empty() ? "" : ", ") + format_value(d);
  }
  return out.empty() ? "-" : out;
}

void check_number_mismatch(const SegmentView& v, std::vector<std::string>& messages) {
  auto source = plain_text_numbers(plain_text(v.seg.source), v.source_lang);
  auto target = plain_text_numbers(plain_text(v.target), v.target_lang);
  std::sort(source.begin(), source.end());
  std::sort(target.begin(), target.end());
  std::vector<double> only_source;
  std::vector<double> only_target;
  const auto less = [](double a, double b) { return a < b && std::fabs(a - b) > 1e-9; };
  std::set_difference(source.begin(), source.end(), target.begin(), target.end(),
                      std::back_inserter(only_source), less);
  std::set_difference(target.begin(), target.end(), source.begin(), source.end(),
                      std::back_inserter(only_target), less);
  // A value typed over a lost placeholder (300 for {2:number 300}) is placeholder-missing's
  // finding, not a wrong number.
  const auto in_target = count_placeholders(v.target);
  for (const auto* p : placeholders_of(v.seg.source)) {
    const bool numeric =
        p->kind == PlaceholderKind::number || p->kind == PlaceholderKind::percent ||
        p->kind == PlaceholderKind::ordinal || p->kind == PlaceholderKind::currency;
    if (!numeric || in_target.count(p->id) > 0) {
      continue;
    }
    // Canonical values are C-locale decimals; a currency's follows its ISO code and a space.
    const std::string canonical = p->canonical.substr(p->canonical.find(' ') + 1);
    char* end = nullptr;
    const double value = std::strtod(canonical.c_str(), &end);
    const auto it = std::find_if(only_target.begin(), only_target.end(),
                                 [&](double d) { return std::fabs(d - value) < 1e-9; });
    if (end != canonical.c_str() && it != only_target.end()) {
      only_target.erase(it);
    }
  }
  if (!only_source.empty() || !only_target.empty()) {
    messages.push_back(
        segment_prefix(v) +
        subst(tr("numbers differ from the source: {1} only in the target, {2} only in the source"),
              {join_values(only_target), join_values(only_source)}));
  }
}

// ---- text ---------------------------------------------------------------------------------------

// Text with codes left out and each placeholder as U+FFFC (an object that is not punctuation).
std::string text_with_objects(const Content& content) {
  std::string out;
  for (const auto& run : content) {
    if (const auto* s = std::get_if<std::string>(&run)) {
      out += *s;
    } else if (std::holds_alternative<Placeholder>(run)) {
      out += "\xEF\xBF\xBC";
    }
  }
  return out;
}

std::string trim(const std::string& s) {
  const char* space = " \t\r\n";
  const auto b = s.find_first_not_of(space);
  if (b == std::string::npos) {
    return "";
  }
  return s.substr(b, s.find_last_not_of(space) - b + 1);
}

void check_empty_target(const SegmentView& v, std::vector<std::string>& messages) {
  if (trim(source_form(v.target)).empty() && !trim(source_form(v.seg.source)).empty()) {
    messages.push_back(segment_prefix(v) +
                       subst(tr("the target is empty but the segment's state is \"{1}\""),
                             {segment_state_key(v.seg.state)}));
  }
}

bool has_letters(const icu::UnicodeString& u) {
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    if (u_isalpha(u.char32At(i))) {
      return true;
    }
  }
  return false;
}

// True when the text, once the allowed terms are taken out, has no word left but acronyms and
// numbers: a segment made only of names, acronyms and URLs needs no translation.
bool only_allowed_terms(std::string text, const std::vector<std::string>& allowed) {
  for (const auto& term : allowed) {
    for (auto at = text.find(term); !term.empty() && at != std::string::npos;
         at = text.find(term, at)) {
      text.replace(at, term.size(), " ");
    }
  }
  const auto u = icu::UnicodeString::fromUTF8(text);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) {
    return false;
  }
  words->setText(u);
  int32_t start = words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE;
       start = end, end = words->next()) {
    if (words->getRuleStatus() < UBRK_WORD_LETTER) {
      continue;
    }
    icu::UnicodeString word(u, start, end - start);
    icu::UnicodeString upper(word);
    upper.toUpper(icu::Locale::getRoot());
    if (!(word == upper && word.length() >= 2)) {
      return false;  // a word that is not an acronym
    }
  }
  return true;
}

void check_target_same_as_source(const SegmentView& v, std::vector<std::string>& messages) {
  if (v.source_lang == v.target_lang) {
    return;
  }
  const std::string source = trim(source_form(v.seg.source));
  if (source.empty() || source != trim(source_form(v.target)) ||
      !has_letters(icu::UnicodeString::fromUTF8(plain_text(v.seg.source)))) {
    return;
  }
  std::vector<std::string> allowed;
  if (v.glossary != nullptr) {
    for (const auto& t : v.glossary->terms) {
      const auto it = t.targets.find(v.target_lang);
      const bool same = it != t.targets.end() &&
                        std::find(it->second.begin(), it->second.end(), t.term) != it->second.end();
      if (t.keep || same) {
        allowed.push_back(t.term);
      }
    }
  }
  if (only_allowed_terms(plain_text(v.seg.source), allowed)) {
    return;
  }
  messages.push_back(segment_prefix(v) +
                     tr("the target is the same as the source: the segment was not translated"));
}

bool is_space(UChar32 c) {
  return u_isUWhiteSpace(c) != 0;
}

void check_whitespace_leading(const SegmentView& v, std::vector<std::string>& messages) {
  const auto s = icu::UnicodeString::fromUTF8(text_with_objects(v.seg.source));
  const auto t = icu::UnicodeString::fromUTF8(text_with_objects(v.target));
  if (s.isEmpty() || t.isEmpty()) {
    return;
  }
  const bool in_source = is_space(s.char32At(0));
  const bool in_target = is_space(t.char32At(0));
  if (in_source != in_target) {
    messages.push_back(segment_prefix(v) +
                       (in_target ? tr("the target starts with white space, the source does not")
                                  : tr("the source starts with white space, the target does not")));
  }
}

void check_whitespace_trailing(const SegmentView& v, std::vector<std::string>& messages) {
  const auto s = icu::UnicodeString::fromUTF8(text_with_objects(v.seg.source));
  const auto t = icu::UnicodeString::fromUTF8(text_with_objects(v.target));
  if (s.isEmpty() || t.isEmpty()) {
    return;
  }
  const bool in_source = is_space(s.char32At(s.length() - 1));
  const bool in_target = is_space(t.char32At(t.length() - 1));
  if (in_source != in_target) {
    messages.push_back(segment_prefix(v) +
                       (in_target ? tr("the target ends with white space, the source does not")
                                  : tr("the source ends with white space, the target does not")));
  }
}

// The final punctuation of a text, as a class that is the same across languages: "." and "。"
// end a statement, "?", "？" and "؟" a question. Closing quotes and brackets are looked through.
enum class FinalPunctuation { none, period, question, exclamation, colon, semicolon, object };

FinalPunctuation final_punctuation(const std::string& text) {
  const auto u = icu::UnicodeString::fromUTF8(text);
  for (int32_t i = u.length(); i > 0;) {
    i = u.moveIndex32(i, -1);
    const UChar32 c = u.char32At(i);
    if (is_space(c)) {
      continue;
    }
    const auto type = u_charType(c);
    if (type == U_FINAL_PUNCTUATION || type == U_END_PUNCTUATION || c == '"' || c == '\'' ||
        c == 0x00BB || c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F) {
      continue;  // closing quote or bracket
    }
    switch (c) {
    case '.':
    case 0x3002:  // 。
    case 0xFF0E:
    case 0x06D4:  // Arabic full stop
    case 0x2026:  // …
      return FinalPunctuation::period;
    case '?':
    case 0xFF1F:
    case 0x061F:  // ؟
      return FinalPunctuation::question;
    case '!':
    case 0xFF01:
      return FinalPunctuation::exclamation;
    case ':':
    case 0xFF1A:
      return FinalPunctuation::colon;
    case ';':
    case 0xFF1B:
    case 0x061B:  // ؛
      return FinalPunctuation::semicolon;
    case 0xFFFC:
      return FinalPunctuation::object;
    default:
      return FinalPunctuation::none;
    }
  }
  return FinalPunctuation::none;
}

const char* punctuation_name(FinalPunctuation p) {
  switch (p) {
  case FinalPunctuation::period:
    return N_("a full stop");
  case FinalPunctuation::question:
    return N_("a question mark");
  case FinalPunctuation::exclamation:
    return N_("an exclamation mark");
  case FinalPunctuation::colon:
    return N_("a colon");
  case FinalPunctuation::semicolon:
    return N_("a semicolon");
  case FinalPunctuation::object:
    return N_("a placeholder");
  case FinalPunctuation::none:
    break;
  }
  return N_("no punctuation");
}

void check_final_punctuation(const SegmentView& v, std::vector<std::string>& messages) {
  const auto s = final_punctuation(text_with_objects(v.seg.source));
  const auto t = final_punctuation(text_with_objects(v.target));
  // A placeholder last in the source may be followed by punctuation the target language needs.
  if (s == t || s == FinalPunctuation::object || t == FinalPunctuation::object) {
    return;
  }
  messages.push_back(segment_prefix(v) + subst(tr("the target ends with {1}, the source with {2}"),
                                               {tr(punctuation_name(t)), tr(punctuation_name(s))}));
}

// Words that are correctly written twice in a row in a language ("nous nous réunissons").
bool may_double(const std::string& lang, const std::string& word) {
  static const std::map<std::string, std::set<std::string>> allowed{
      {"en", {"had", "that"}},
      {"fr", {"nous", "vous"}},
      {"de", {"die", "der", "das", "sie"}},
      {"es", {"que"}},
  };
  const auto it = allowed.find(lang);
  return it != allowed.end() && it->second.count(word) > 0;
}

void check_doubled_words(const SegmentView& v, std::vector<std::string>& messages) {
  // Placeholders and codes split the text: a word on each side of one is not a doubled word.
  for (const auto& run : v.target) {
    const auto* text = std::get_if<std::string>(&run);
    if (text == nullptr) {
      continue;
    }
    const auto u = icu::UnicodeString::fromUTF8(*text);
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> words(
        icu::BreakIterator::createWordInstance(icu::Locale(v.target_lang.c_str()), status));
    if (U_FAILURE(status)) {
      return;
    }
    words->setText(u);
    icu::UnicodeString previous;
    bool only_space_since_previous = false;
    int32_t start = words->first();
    for (int32_t end = words->next(); end != icu::BreakIterator::DONE;
         start = end, end = words->next()) {
      icu::UnicodeString piece(u, start, end - start);
      const int32_t tag = words->getRuleStatus();
      // Letters only: ideographs and kana repeat correctly (谢谢, 看看), numbers may too.
      if (tag >= UBRK_WORD_LETTER && tag < UBRK_WORD_LETTER_LIMIT) {
        icu::UnicodeString folded(piece);
        folded.foldCase();
        std::string word;
        folded.toUTF8String(word);
        if (only_space_since_previous && folded == previous && !may_double(v.target_lang, word)) {
          std::string shown;
          piece.toUTF8String(shown);
          messages.push_back(segment_prefix(v) +
                             subst(tr("the word \"{1}\" is doubled in the target"), {shown}));
        }
        previous = folded;
        only_space_since_previous = true;
      } else {
        bool spaces = true;
        for (int32_t i = 0; i < piece.length(); i = piece.moveIndex32(i, 1)) {
          spaces = spaces && is_space(piece.char32At(i));
        }
        only_space_since_previous = only_space_since_previous && spaces;
      }
    }
  }
}

// Usual length of a translation relative to its source, in code points, per language pair.
struct LengthNorm {
  const char* pair;
  double low;
  double high;
};
constexpr LengthNorm kLengthNorms[] = {
    {"en-fr", 1.0, 1.6}, {"en-es", 1.0, 1.6}, {"en-de", 1.0, 1.7}, {"en-it", 1.0, 1.6},
    {"en-pt", 1.0, 1.6}, {"en-ru", 0.9, 1.6}, {"en-ar", 0.8, 1.4}, {"en-zh", 0.2, 0.8},
    {"en-ja", 0.3, 0.9}, {"en-ko", 0.4, 1.0},
};
// "Far outside" the norm: below low / kLengthMargin or above high * kLengthMargin. The norms are
// averages; single sentences vary, and a warning on every long sentence would be ignored.
constexpr double kLengthMargin = 1.5;
// Sources shorter than this (code points) are skipped: "Geneva" → "Genève" says nothing.
constexpr int32_t kLengthMinSource = 40;

void check_length_ratio(const SegmentView& v, std::vector<std::string>& messages) {
  const std::string pair = v.source_lang + "-" + v.target_lang;
  const LengthNorm* norm = nullptr;
  for (const auto& n : kLengthNorms) {
    norm = pair == n.pair ? &n : norm;
  }
  if (norm == nullptr) {
    return;
  }
  const auto s = icu::UnicodeString::fromUTF8(plain_text(v.seg.source));
  const auto t = icu::UnicodeString::fromUTF8(plain_text(v.target));
  const int32_t source_length = s.countChar32();
  if (source_length < kLengthMinSource || t.countChar32() == 0) {
    return;
  }
  const double ratio = static_cast<double>(t.countChar32()) / source_length;
  if (ratio < norm->low / kLengthMargin || ratio > norm->high * kLengthMargin) {
    char shown[32];
    std::snprintf(shown, sizeof shown, "%.2f", ratio);
    char low[16];
    char high[16];
    std::snprintf(low, sizeof low, "%.1f", norm->low);
    std::snprintf(high, sizeof high, "%.1f", norm->high);
    messages.push_back(segment_prefix(v) +
                       subst(tr("the target is {1} times as long as the source; {2} usually "
                                "gives {3} to {4}"),
                             {shown, pair, low, high}));
  }
}

void check_glossary(const SegmentView& v, std::vector<std::string>& messages) {
  if (v.glossary == nullptr) {
    return;
  }
  const std::string source = plain_text(v.seg.source);
  const std::string target = plain_text(v.target);
  const auto found = [&](const std::vector<std::string>& forms) {
    return std::any_of(forms.begin(), forms.end(),
                       [&](const std::string& f) { return target.find(f) != std::string::npos; });
  };
  for (const auto& term : v.glossary->terms) {
    if (!contains_term(source, term.term)) {
      continue;
    }
    const auto it = term.targets.find(v.target_lang);
    if (term.keep) {
      std::vector<std::string> forms{term.term};
      if (it != term.targets.end()) {
        if (it->second == std::vector<std::string>{"-"}) {
          continue;  // exempt: this language transliterates the term
        }
        forms.insert(forms.end(), it->second.begin(), it->second.end());
      }
      if (!found(forms)) {
        messages.push_back(
            segment_prefix(v) +
            subst(tr("glossary: \"{1}\" is not to be translated; keep it as written"),
                  {term.term}));
      }
    } else if (it != term.targets.end() && !found(it->second)) {
      messages.push_back(segment_prefix(v) +
                         subst(tr("glossary: \"{1}\" must be translated as \"{2}\""),
                               {term.term, it->second.front()}));
    }
  }
}

struct CheckRow {
  QaCheckInfo info;
  SegmentCheck run;  // null for checks of a whole unit (stale-source)
};

const std::vector<CheckRow>& check_rows() {
  static const std::vector<CheckRow> rows{
      {{"placeholder-missing", Severity::error,
        N_("a placeholder of the source is not in the target")},
       check_placeholder_missing},
      {{"placeholder-duplicated", Severity::error,
        N_("a placeholder appears more often in the target than in the source")},
       check_placeholder_duplicated},
      {{"placeholder-invented", Severity::error,
        N_("the target has a placeholder the source does not have (by id and kind)")},
       check_placeholder_invented},
      {{"code-unbalanced", Severity::error,
        N_("paired markup (emphasis, links) is missing, unclosed or added in the target")},
       check_code_unbalanced},
      {{"code-crossed", Severity::error, N_("paired markup in the target is not nested properly")},
       check_code_crossed},
      {{"number-mismatch", Severity::error,
        N_("numbers written as text differ in value from the source's")},
       check_number_mismatch},
      {{"empty-target", Severity::error, N_("the target is empty but marked as translated")},
       check_empty_target},
      {{"target-same-as-source", Severity::error,
        N_("the target is the source, copied (names, acronyms and kept terms excepted)")},
       check_target_same_as_source},
      {{"whitespace-leading", Severity::warning,
        N_("white space at the start differs from the source")},
       check_whitespace_leading},
      {{"whitespace-trailing", Severity::warning,
        N_("white space at the end differs from the source")},
       check_whitespace_trailing},
      {{"final-punctuation", Severity::warning,
        N_("the final punctuation differs from the source's (. and 。, ? and ؟ are the same)")},
       check_final_punctuation},
      {{"doubled-words", Severity::warning, N_("a word is written twice in a row")},
       check_doubled_words},
      {{"length-ratio", Severity::warning,
        N_("the target's length is far outside the language pair's usual ratio")},
       check_length_ratio},
      {{"glossary", Severity::error,
        N_("a glossary term is not translated as required, or a kept term was changed")},
       check_glossary},
      {{"stale-source", Severity::error,
        N_("the XLIFF's source no longer matches the release: run relocale extract")},
       nullptr},
  };
  return rows;
}

// Check ids silenced by `relocale-ignore: <check-id> [<segment-id>]` notes: "id" silences the
// check in the whole unit, "id segment" in one segment.
std::set<std::string> silenced_in(const std::vector<std::string>& notes) {
  std::set<std::string> out;
  const std::string key = "relocale-ignore:";
  for (const auto& note : notes) {
    std::istringstream lines(note);
    std::string line;
    while (std::getline(lines, line)) {
      line = trim(line);
      if (line.compare(0, key.size(), key) != 0) {
        continue;
      }
      std::istringstream words(line.substr(key.size()));
      std::string id;
      std::string segment;
      words >> id >> segment;
      if (!id.empty()) {
        out.insert(segment.empty() ? id : id + " " + segment);
      }
    }
  }
  return out;
}

// A note that names no check would silence nothing without a word: say so, with a suggestion.
void check_ignore_notes(const std::set<std::string>& silenced, const std::string& file,
                        const Unit& unit, Diagnostics& out) {
  for (const auto& entry : silenced) {
    const std::string id = entry.substr(0, entry.find(' '));
    bool known = false;
    std::vector<std::string> ids;
    for (const auto& row : check_rows()) {
      known = known || id == row.info.id;
      ids.push_back(row.info.id);
    }
    const std::string nearest = closest_match(id, ids);
    if (known) {
      continue;
    }
    out.add("relocale-ignore", Severity::warning, Location{file, unit.line, 0, unit.id},
            !nearest.empty()
                ? subst(tr("relocale-ignore names an unknown check \"{1}\"; did you mean "
                           "\"{2}\"?"),
                        {id, nearest})
                : subst(tr("relocale-ignore names an unknown check \"{1}\""), {id}));
  }
}

bool is_silenced(const std::set<std::string>& silenced, const std::string& check_id,
                 const std::string& segment_id) {
  return silenced.count(check_id) > 0 ||
         (!segment_id.empty() && silenced.count(check_id + " " + segment_id) > 0);
}

// The stale-source message for one unit of the file ("" when its source is still the release's).
std::string stale_message(const Unit& unit, const Unit* now) {
  if (now == nullptr) {
    return subst(tr("unit \"{1}\" is no longer in the release (its text changed or was "
                    "removed); run relocale extract"),
                 {unit.id});
  }
  for (size_t i = 0; i < std::max(unit.segments.size(), now->segments.size()); ++i) {
    const bool same = i < unit.segments.size() && i < now->segments.size() &&
                      unit.segments[i].id == now->segments[i].id &&
                      source_form(unit.segments[i].source) == source_form(now->segments[i].source);
    if (!same) {
      const std::string id = i < unit.segments.size() ? unit.segments[i].id : now->segments[i].id;
      return subst(tr("the source of segment \"{1}\" no longer matches the release; run "
                      "relocale extract"),
                   {id});
    }
  }
  return "";
}

}  // namespace

const std::vector<QaCheckInfo>& qa_check_table() {
  static const std::vector<QaCheckInfo> table = [] {
    std::vector<QaCheckInfo> out;
    for (const auto& row : check_rows()) {
      out.push_back(row.info);
    }
    return out;
  }();
  return table;
}

std::vector<double> plain_text_numbers(const std::string& text, const std::string& lang) {
  std::vector<double> out;
  const auto u = icu::UnicodeString::fromUTF8(text);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::NumberFormat> format(
      icu::NumberFormat::createInstance(icu::Locale(lang.c_str()), status));
  if (U_FAILURE(status)) {
    return out;
  }
  const int32_t n = u.length();
  int32_t i = 0;
  while (i < n) {
    const UChar32 c = u.char32At(i);
    if (!u_isdigit(c)) {
      i = u.moveIndex32(i, 1);
      continue;
    }
    // The longest run of digits and separators that each stand between two digits.
    int32_t end = i;
    while (end < n) {
      const UChar32 d = u.char32At(end);
      if (u_isdigit(d)) {
        end = u.moveIndex32(end, 1);
      } else if (is_number_separator(d) && end + 1 < n && u_isdigit(u.char32At(end + 1))) {
        end += 1;
      } else {
        break;
      }
    }
    // Digits glued to letters are part of a name ("G20", "COVID-19" is not: the dash splits it).
    const bool in_word = (i > 0 && u_isalpha(u.char32At(u.moveIndex32(i, -1)))) ||
                         (end < n && u_isalpha(u.char32At(end)));
    if (in_word) {
      i = end;
      continue;
    }
    const icu::UnicodeString token(u, i, end - i);
    icu::Formattable value;
    icu::ParsePosition position(0);
    format->parse(token, value, position);
    if (position.getIndex() == 0) {
      i = end;
      continue;
    }
    status = U_ZERO_ERROR;
    const double d = value.getDouble(status);
    if (U_SUCCESS(status)) {
      out.push_back(d);
    }
    // What the parse left of the run (a second number after a space) is scanned again.
    i += position.getIndex();
    while (i < n && !u_isdigit(u.char32At(i)) && i < end) {
      ++i;
    }
  }
  return out;
}

StaleSourceCheck::StaleSourceCheck(const Document& current, std::string xliff_file)
    : current_(current), units_now_(current), xliff_file_(std::move(xliff_file)) {}

void StaleSourceCheck::check_unit(const Unit& unit) {
  units_seen_.insert(unit.id);
  if (is_silenced(silenced_in(unit.notes), "stale-source", "")) {
    return;
  }
  std::string message = stale_message(unit, units_now_.find(unit.id));
  if (!message.empty()) {
    stale_.add("stale-source", check_rows().back().info.severity,
               Location{xliff_file_, unit.line, 0, unit.id}, std::move(message));
  }
}

void StaleSourceCheck::finish(Diagnostics& out) const {
  if (!stale_.items().empty()) {
    out.append(stale_);
    return;  // an edited paragraph is both a unit gone and a new one: report it once
  }
  std::vector<std::string> added;
  for (const auto& unit : current_.units) {
    if (units_seen_.count(unit.id) == 0) {
      added.push_back(unit.id);
    }
  }
  if (!added.empty()) {
    out.add("stale-source", check_rows().back().info.severity,
            Location{xliff_file_, 0, 0, added.front()},
            subst(trn("the release has {1} unit that is not in this XLIFF file; run relocale "
                      "extract",
                      "the release has {1} units that are not in this XLIFF file; run relocale "
                      "extract",
                      added.size()),
                  {std::to_string(added.size())}));
  }
}

QaRun::QaRun(const QaInput& input) : input_(input) {
  RELOCALE_ASSERT(input.doc != nullptr, "QaRun without a document");
  source_lang_ = base_lang(input.doc->source_lang);
  target_lang_ = base_lang(input.doc->target_lang);
  if (input_.current_source != nullptr) {
    stale_.emplace(*input_.current_source, input_.xliff_file);
  }
}

void QaRun::check_unit(const Unit& unit, Diagnostics& out) {
  auto notes = unit.notes;
  for (const auto& seg : unit.segments) {
    notes.insert(notes.end(), seg.notes.begin(), seg.notes.end());
  }
  const auto silenced = silenced_in(notes);
  check_ignore_notes(silenced, input_.xliff_file, unit, out);
  for (const auto& seg : unit.segments) {
    // Only segments someone said are translated: a target a CAT tool pre-filled is not yet.
    if (!seg.target || seg.state == SegmentState::initial) {
      continue;
    }
    const SegmentView view{*input_.doc,     unit,         seg,         *seg.target,
                           input_.glossary, source_lang_, target_lang_};
    const bool empty = trim(source_form(*seg.target)).empty();
    for (const auto& row : check_rows()) {
      if (row.run == nullptr || is_silenced(silenced, row.info.id, seg.id)) {
        continue;
      }
      // An empty target is one finding, not also every placeholder and the punctuation it lacks.
      if (empty && row.run != check_empty_target) {
        continue;
      }
      std::vector<std::string> messages;
      row.run(view, messages);
      for (auto& m : messages) {
        out.add(row.info.id, row.info.severity,
                Location{input_.xliff_file, seg.line != 0 ? seg.line : unit.line, 0, unit.id},
                std::move(m));
      }
    }
  }
  if (stale_) {
    stale_->check_unit(unit);
  }
}

void QaRun::finish(Diagnostics& out) const {
  if (stale_) {
    stale_->finish(out);
  }
}

void run_qa_checks(const QaInput& input, Diagnostics& out) {
  QaRun run(input);
  for (const auto& unit : input.doc->units) {
    run.check_unit(unit, out);
  }
  run.finish(out);
}

}  // namespace relocale
