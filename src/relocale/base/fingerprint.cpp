#include "relocale/base/fingerprint.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace relocale {

namespace {

// Eight bytes (or the `count` < 8 left at the end) as a little-endian number, whatever the
// machine's byte order.
uint64_t load_little_endian(const unsigned char* bytes, size_t count) {
  uint64_t word = 0;
  std::memcpy(&word, bytes, count);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  word = __builtin_bswap64(word);
#endif
  return word;
}

}  // namespace

void Fingerprint::fold(uint64_t word) {
  uint64_t h = (state_ ^ word) * 0x9E3779B97F4A7C15ULL;  // 2^64 / golden ratio
  state_ = h ^ (h >> 29);
}

// Eight bytes per step (FNV-1a's byte at a time cost more than the rest of reading an XLIFF
// file's source side).
void Fingerprint::mix(const void* data, size_t size) {
  const auto* bytes = static_cast<const unsigned char*>(data);
  size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    fold(load_little_endian(bytes + i, 8));
  }
  if (i < size) {
    fold(load_little_endian(bytes + i, size - i) ^ (static_cast<uint64_t>(size - i) << 59));
  }
}

Fingerprint& Fingerprint::add(uint64_t number) {
  fold(number);
  return *this;
}

Fingerprint& Fingerprint::add(std::string_view field) {
  fold(field.size());
  mix(field.data(), field.size());
  return *this;
}

Fingerprint& Fingerprint::begin_field(uint64_t size) {
  pending_size_ = 0;
  fold(size);
  return *this;
}

Fingerprint& Fingerprint::add_piece(std::string_view piece) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(piece.data());
  size_t size = piece.size();
  if (pending_size_ > 0) {  // complete the word the last piece began
    const size_t take = std::min(size, sizeof pending_ - pending_size_);
    std::memcpy(pending_ + pending_size_, bytes, take);
    pending_size_ += take;
    bytes += take;
    size -= take;
    if (pending_size_ < sizeof pending_) {
      return *this;
    }
    fold(load_little_endian(pending_, sizeof pending_));
    pending_size_ = 0;
  }
  const size_t whole_words = size / 8 * 8;
  mix(bytes, whole_words);
  std::memcpy(pending_, bytes + whole_words, size - whole_words);
  pending_size_ = size - whole_words;
  return *this;
}

Fingerprint& Fingerprint::end_field() {
  mix(pending_, pending_size_);  // the tail, as mix() ends a whole field
  pending_size_ = 0;
  return *this;
}

std::string Fingerprint::hex() const {
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(state_));
  return out;
}

}  // namespace relocale
