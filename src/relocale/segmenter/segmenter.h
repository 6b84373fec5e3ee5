#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "relocale/segmenter/srx_rules.h"

namespace relocale {

/// A half-open byte range [begin, end) in UTF-8 text.
struct ByteRange {
  size_t begin = 0;
  size_t end = 0;
};

/// Sentence segmentation: ICU's sentence BreakIterator for the language (with ICU's break
/// suppressions for abbreviations where the locale has them), corrected by the SRX rules.
/// A Segmenter is used by one thread at a time; make one per thread.
class Segmenter {
 public:
  Segmenter(const SrxRules& rules, const std::string& lang);
  ~Segmenter();
  Segmenter(Segmenter&&) noexcept;

  /// Byte offsets at which a new sentence starts, increasing, excluding 0 and text.size().
  /// A break offset points just after the white space that follows the previous sentence.
  /// Never inside a protected range (recognised values, inline code).
  std::vector<size_t> find_breaks(std::string_view text,
                                  const std::vector<ByteRange>& protected_ranges = {}) const;

  /// The sentences of text, each without its trailing white space (for `relocale segment`).
  std::vector<std::string> split(std::string_view text,
                                 const std::vector<ByteRange>& protected_ranges = {}) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace relocale
