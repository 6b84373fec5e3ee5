#include "relocale/checker/completeness.h"

#include <memory>
#include <unordered_map>

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

namespace relocale {

size_t Completeness::total_segments() const {
  return segments[0] + segments[1] + segments[2] + segments[3];
}

size_t Completeness::total_words() const {
  return words[0] + words[1] + words[2] + words[3];
}

namespace {
double share_at_least(const std::array<size_t, 4>& counts, SegmentState state) {
  size_t total = 0;
  size_t reached = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    total += counts[i];
    reached += i >= static_cast<size_t>(state) ? counts[i] : 0;
  }
  return total == 0 ? 100.0 : 100.0 * static_cast<double>(reached) / static_cast<double>(total);
}
}  // namespace

double Completeness::percent_at_least(SegmentState state) const {
  return share_at_least(segments, state);
}

double Completeness::words_percent_at_least(SegmentState state) const {
  return share_at_least(words, state);
}

size_t count_words(const std::string& text, const std::string& lang) {
  // The same sources are counted once per target language: counts are kept per thread (a
  // bounded number of them, for one language at a time).
  thread_local std::string counted_lang;
  thread_local std::unordered_map<std::string, size_t> counted;
  if (counted_lang != lang || counted.size() > 100000) {
    counted.clear();
    counted_lang = lang;
  }
  if (const auto known = counted.find(text); known != counted.end()) {
    return known->second;
  }
  UErrorCode status = U_ZERO_ERROR;
  // One word iterator per thread and language: creating one costs more than counting a sentence.
  thread_local std::string cached_lang;
  thread_local std::unique_ptr<icu::BreakIterator> words;
  if (!words || cached_lang != lang) {
    words.reset(icu::BreakIterator::createWordInstance(icu::Locale(lang.c_str()), status));
    cached_lang = lang;
    if (U_FAILURE(status)) {
      words.reset();
      return 0;
    }
  }
  // UTF-16 in one piece: ICU's break iterator is several times slower through a UTF-8 UText.
  const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
  words->setText(unicode);
  size_t count = 0;
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE; end = words->next()) {
    // Rule status tells letters, numbers and ideographs from spaces and punctuation.
    const int32_t tag = words->getRuleStatus();
    if (tag >= UBRK_WORD_NUMBER) {
      ++count;
    }
  }
  counted.emplace(text, count);
  return count;
}

SegmentState effective_state(const Segment& seg) {
  if (!seg.target || seg.target->empty()) {
    return SegmentState::initial;
  }
  return seg.state;
}

void Completeness::add(const Unit& unit, const std::string& source_lang) {
  for (const auto& seg : unit.segments) {
    const auto s = static_cast<size_t>(effective_state(seg));
    segments[s] += 1;
    words[s] += count_words(plain_text(seg.source), source_lang);
  }
}

Completeness measure_completeness(const Document& doc) {
  Completeness c;
  for (const auto& unit : doc.units) {
    c.add(unit, doc.source_lang);
  }
  return c;
}

}  // namespace relocale
