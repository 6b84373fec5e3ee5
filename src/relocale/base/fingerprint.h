#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace relocale {

/// A 64-bit digest of a sequence of fields, to tell whether something is the same as
/// before (an input of extract, the source side of an XLIFF file). Not for security: anyone can
/// make two inputs with the same digest. Each field is framed by its length, so ("ab", "c") and
/// ("a", "bc") differ. Stable across machines and versions of the compiler.
class Fingerprint {
 public:
  Fingerprint& add(std::string_view field);
  Fingerprint& add(uint64_t number);
  /// A field given in pieces, for one too big to hold whole: begin_field() with its size, then
  /// its bytes in order, split anywhere, then end_field(). The same digest as add() of the
  /// whole field.
  Fingerprint& begin_field(uint64_t size);
  Fingerprint& add_piece(std::string_view piece);
  Fingerprint& end_field();
  /// 16 lowercase hexadecimal digits.
  std::string hex() const;

 private:
  void fold(uint64_t word);
  void mix(const void* data, size_t size);
  uint64_t state_ = 14695981039346656037ULL;
  unsigned char pending_[8] = {};  // a field's bytes not yet folded (fewer than eight)
  size_t pending_size_ = 0;
};

}  // namespace relocale
