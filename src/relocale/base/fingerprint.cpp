#include "relocale/base/fingerprint.h"

#include <cstdio>

namespace relocale {

void Fingerprint::mix(const void* data, size_t size) {
  const auto* bytes = static_cast<const unsigned char*>(data);
  uint64_t h = state_;
  for (size_t i = 0; i < size; ++i) {
    h ^= bytes[i];
    h *= 1099511628211ULL;  // FNV prime
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
