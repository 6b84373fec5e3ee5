#include "relocale/base/fingerprint.h"

#include <cstdio>

namespace relocale {

namespace {

// Eight bytes as a little-endian number, whatever the machine's byte order.
uint64_t load_little_endian(const unsigned char* bytes, size_t count) {
  uint64_t word = 0;
  for (size_t i = 0; i < count; ++i) {
    word |= static_cast<uint64_t>(bytes[i]) << (8 * i);
  }
  return word;
}

}  // namespace

// Eight bytes per step, each word folded in with a multiply and a shift (FNV-1a's byte at a time
// cost more than the rest of reading an XLIFF file's source side).
void Fingerprint::mix(const void* data, size_t size) {
  const auto* bytes = static_cast<const unsigned char*>(data);
  uint64_t h = state_;
  auto fold = [&h](uint64_t word) {
    h = (h ^ word) * 0x9E3779B97F4A7C15ULL;  // 2^64 / golden ratio
    h ^= h >> 29;
  };
  size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    fold(load_little_endian(bytes + i, 8));
  }
  if (i < size) {
    fold(load_little_endian(bytes + i, size - i) ^ (static_cast<uint64_t>(size - i) << 59));
  }
  state_ = h;
}

Fingerprint& Fingerprint::add(uint64_t number) {
  unsigned char little_endian[8];
  for (int i = 0; i < 8; ++i) {
    little_endian[i] = static_cast<unsigned char>(number >> (8 * i));
  }
  mix(little_endian, sizeof little_endian);
  return *this;
}

Fingerprint& Fingerprint::add(std::string_view field) {
  add(static_cast<uint64_t>(field.size()));
  mix(field.data(), field.size());
  return *this;
}

std::string Fingerprint::hex() const {
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(state_));
  return out;
}

}  // namespace relocale
