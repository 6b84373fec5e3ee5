// TextBuffer: the text a big release is merged into, grown in place.
#include "relocale/base/text_buffer.h"

#include <utility>

#include <catch2/catch.hpp>

using namespace relocale;

TEST_CASE("a text buffer keeps every byte appended, across its growth and its moves",
          "[text_buffer]") {
  TextBuffer buffer;
  CHECK(buffer.empty());
  CHECK(buffer.view().empty());
  std::string expected;
  for (int i = 0; i < 20000; ++i) {
    const std::string piece = std::to_string(i) + (i % 7 == 0 ? std::string(1000, 'x') : "") + ",";
    buffer.append(piece);
    expected += piece;
  }
  buffer.append("");
  CHECK(buffer.size() == expected.size());
  CHECK(buffer.view() == expected);
  TextBuffer moved(std::move(buffer));
  CHECK(moved.str() == expected);
  CHECK(buffer.empty());  // NOLINT(bugprone-use-after-move): a moved-from buffer is empty
  TextBuffer assigned;
  assigned.append("replaced");  // its block freed by the assignment
  assigned = std::move(moved);
  CHECK(assigned.view() == expected);
  buffer.append("again");  // a moved-from buffer can be used again
  CHECK(buffer.view() == "again");
  // Its own bytes appended, across a growth that moves them.
  for (int i = 0; i < 12; ++i) {
    buffer.append(buffer.view());
  }
  CHECK(buffer.size() == 5 * 4096);
  CHECK(buffer.view().substr(buffer.size() - 10) == "againagain");
}
