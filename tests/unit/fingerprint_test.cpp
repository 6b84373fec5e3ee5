#include "relocale/base/fingerprint.h"

#include <set>

#include <catch2/catch.hpp>

using namespace relocale;

TEST_CASE("a fingerprint is the same for the same fields and differs otherwise", "[fingerprint]") {
  const auto of = [](std::initializer_list<std::string_view> fields) {
    Fingerprint f;
    for (auto field : fields) {
      f.add(field);
    }
    return f.hex();
  };
  CHECK(of({"release", "text"}) == of({"release", "text"}));
  CHECK(of({"ab", "c"}) != of({"a", "bc"}));  // each field is framed by its length
  CHECK(of({""}) != of({}));
  CHECK(of({"abcdefgh"}) != of({"abcdefgi"}));    // the last byte of a whole word
  CHECK(of({"abcdefghi"}) != of({"abcdefghj"}));  // a byte of the tail
  const auto hex = of({"release"});
  CHECK(hex.size() == 16);
  CHECK(hex.find_first_not_of("0123456789abcdef") == std::string::npos);
  // Keys written into XLIFF files are compared on other machines: the digest of given fields is
  // fixed (a change here invalidates every key, so bump kExtractionScheme with it).
  CHECK(Fingerprint().add("relocale").add(uint64_t{2026}).hex() == "a45030bc92c85cf7");
  CHECK(Fingerprint().add(uint64_t{42}).hex() != Fingerprint().add(uint64_t{43}).hex());
}

TEST_CASE("one changed byte anywhere in a long field changes the fingerprint", "[fingerprint]") {
  const std::string text(100, 'x');
  std::set<std::string> seen{Fingerprint().add(text).hex()};
  for (size_t i = 0; i < text.size(); ++i) {
    std::string changed = text;
    changed[i] = 'y';
    seen.insert(Fingerprint().add(changed).hex());
  }
  CHECK(seen.size() == text.size() + 1);
}

TEST_CASE("a field given in pieces has the digest of the whole field", "[fingerprint]") {
  std::string text;
  for (int i = 0; i < 200; ++i) {
    text += static_cast<char>('a' + i % 26);
  }
  for (size_t length : {0, 1, 7, 8, 9, 16, 63, 200}) {
    const std::string field = text.substr(0, length);
    const std::string whole = Fingerprint().add("before").add(field).add("after").hex();
    // Every way of cutting it in two, and in pieces of every size.
    for (size_t cut = 0; cut <= length; ++cut) {
      Fingerprint f;
      f.add("before").begin_field(length);
      f.add_piece(field.substr(0, cut)).add_piece(field.substr(cut)).end_field();
      CHECK(f.add("after").hex() == whole);
    }
    for (size_t piece = 1; piece <= 17; ++piece) {
      Fingerprint f;
      f.add("before").begin_field(length);
      for (size_t at = 0; at < length; at += piece) {
        f.add_piece(field.substr(at, piece));
      }
      CHECK(f.end_field().add("after").hex() == whole);
    }
  }
}
