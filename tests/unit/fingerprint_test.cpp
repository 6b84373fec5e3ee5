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
