#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "relocale/base/suggest.h"
#include "relocale/model/document.h"

namespace relocale {

/// The tokens fuzzy matching compares: the words and punctuation of the text runs, as ICU's word
/// BreakIterator splits them (white space dropped), with each placeholder reduced to its kind
/// ("\x01date") and each code to its kind ("\x02emphasis" for a start, "\x03" for an end), so
/// "on 8 October" and "on 9 October" with the date protected are the same token sequence.
std::vector<std::string> match_tokens(const Content& content);

/// Word-level similarity of two contents, 0..100: 100 * (1 - d / max(|a|, |b|)) where d is the
/// Levenshtein distance between their match_tokens (insertion, deletion and substitution of a
/// token each cost 1). Two empty contents are 100 similar. A placeholder equals any placeholder of
/// the same kind, whatever its value.
double similarity(const Content& a, const Content& b);

/// Levenshtein distance between two token sequences (each edit costs 1).
template <class Token>
size_t token_distance(const std::vector<Token>& a, const std::vector<Token>& b) {
  return levenshtein_distance(a, b);
}

/// 100 * (1 - distance / longest), the similarity of two sequences of the given lengths.
inline double similarity_from_distance(size_t distance, size_t length_a, size_t length_b) {
  const size_t longest = std::max(length_a, length_b);
  return longest == 0 ? 100.0 : 100.0 * (1.0 - static_cast<double>(distance) / longest);
}

/// The same measure on token sequences already computed with match_tokens.
double token_similarity(const std::vector<std::string>& a, const std::vector<std::string>& b);

/// The key of exact matching: the text with every run of white space collapsed to one space and
/// trimmed, each placeholder replaced by its kind and each code by its kind and side. Two contents
/// with the same key differ at most in white space and in placeholder values, so a translation of
/// one serves the other once its placeholders are updated (see update_placeholders).
std::string match_key(const Content& content);

/// Rewrites a translation of `old_source` for `new_source`, whose match_key is the same: every
/// placeholder and code of `target` that stands for the i-th inline element of old_source becomes
/// a copy of the i-th inline element of new_source (new id, canonical value, source text and
/// format), so a corrected date or number in the source reaches the carried translation. Elements
/// of the target that old_source does not have are left as they are.
Content update_placeholders(const Content& target, const Content& old_source,
                            const Content& new_source);

}  // namespace relocale
