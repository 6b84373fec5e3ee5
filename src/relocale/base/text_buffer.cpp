#include "relocale/base/text_buffer.h"

#include <cstdlib>
#include <cstring>
#include <functional>
#include <limits>
#include <new>
#include <utility>

namespace relocale {

TextBuffer::TextBuffer(TextBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      capacity_(std::exchange(other.capacity_, 0)) {}

TextBuffer& TextBuffer::operator=(TextBuffer&& other) noexcept {
  if (this != &other) {
    std::free(data_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    capacity_ = std::exchange(other.capacity_, 0);
  }
  return *this;
}

TextBuffer::~TextBuffer() {
  std::free(data_);
}

void TextBuffer::append(std::string_view text) {
  if (text.empty()) {
    return;
  }
  if (text.size() > capacity_ - size_) {
    if (text.size() > std::numeric_limits<size_t>::max() / 2 - size_) {
      throw std::bad_alloc();  // the doubling below would overflow
    }
    size_t capacity = capacity_ == 0 ? 256 : capacity_;
    while (text.size() > capacity - size_) {
      capacity *= 2;
    }
    // Text from this buffer itself is found again where the block moved to.
    const bool own = std::greater_equal<const char*>()(text.data(), data_) &&
                     std::less<const char*>()(text.data(), data_ + size_);
    const size_t own_offset = own ? static_cast<size_t>(text.data() - data_) : 0;
    // Only the bytes written are touched: the room beyond them costs address space, not memory.
    void* grown = std::realloc(data_, capacity);
    if (grown == nullptr) {
      throw std::bad_alloc();
    }
    data_ = static_cast<char*>(grown);
    capacity_ = capacity;
    if (own) {
      text = std::string_view(data_ + own_offset, text.size());
    }
  }
  std::memcpy(data_ + size_, text.data(), text.size());
  size_ += text.size();
}

}  // namespace relocale
