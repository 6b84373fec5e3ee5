#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace relocale {

/// Text that grows at its end, for a big release put together a piece at a time. It grows with
/// realloc, which moves a big block's pages rather than copying its bytes (glibc maps blocks of
/// megabytes and remaps them): a std::string that doubles holds its old bytes and their copy at
/// once, half as much again as a big release's text.
class TextBuffer {
 public:
  TextBuffer() = default;
  TextBuffer(TextBuffer&& other) noexcept;
  TextBuffer& operator=(TextBuffer&& other) noexcept;
  TextBuffer(const TextBuffer&) = delete;
  TextBuffer& operator=(const TextBuffer&) = delete;
  ~TextBuffer();

  void append(std::string_view text);
  std::string_view view() const { return {data_, size_}; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::string str() const { return std::string(view()); }
  /// Empties it, keeping its room for what comes next.
  void clear() { size_ = 0; }

 private:
  char* data_ = nullptr;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

}  // namespace relocale
