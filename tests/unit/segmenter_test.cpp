#include "relocale/segmenter/segmenter.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "relocale/segmenter/srx_rules.h"
#include "test_support.h"

using relocale::ByteRange;
using relocale::Segmenter;
using relocale::SrxRules;
using Sentences = std::vector<std::string>;

namespace {

const SrxRules& shipped_rules() {
  static const SrxRules rules =
      relocale::load_srx_file(relocale::test::source_dir() / "locales" / "segmentation.srx");
  return rules;
}

Sentences split(const std::string& lang, const std::string& text) {
  return Segmenter(shipped_rules(), lang).split(text);
}

}  // namespace

TEST_CASE("breaks come after the white space that follows a sentence", "[segmenter]") {
  const Segmenter segmenter(shipped_rules(), "en");
  CHECK(segmenter.find_breaks("One.  Two? Three!") == std::vector<size_t>{6, 11});
  CHECK(segmenter.find_breaks("").empty());
  CHECK(segmenter.find_breaks("No stop at all").empty());
  CHECK(segmenter.split("  One.  Two.  ") == Sentences{"One.", "Two."});
}

TEST_CASE("ICU's abbreviation suppressions apply without any SRX rule", "[segmenter]") {
  // CLDR's English suppressions include "Mr." (ICU "@ss=standard").
  CHECK(Segmenter(SrxRules{}, "en").split("Mr. Smith is here. He waits.") ==
        Sentences{"Mr. Smith is here.", "He waits."});
}

TEST_CASE("a line break inside a block is white space", "[segmenter]") {
  CHECK(split("en", "The office opened\nin 2010. It grew.") ==
        Sentences{"The office opened\nin 2010.", "It grew."});
}

TEST_CASE("titles and abbreviations do not end a sentence", "[segmenter]") {
  CHECK(split("en", "Mr. Smith met Dr. Jones and Gen. Lee at St. Paul's. They talked.") ==
        Sentences{"Mr. Smith met Dr. Jones and Gen. Lee at St. Paul's.", "They talked."});
  CHECK(split("en", "See No. 5 and approx. 20 cases, e.g. Geneva, etc. in the report.") ==
        Sentences{"See No. 5 and approx. 20 cases, e.g. Geneva, etc. in the report."});
  CHECK(split("en", "We sold pens, paper, etc. The rest stayed.") ==
        Sentences{"We sold pens, paper, etc.", "The rest stayed."});
  CHECK(split("en", "The book is by J. R. R. Tolkien. It is long.") ==
        Sentences{"The book is by J. R. R. Tolkien.", "It is long."});
  CHECK(split("fr", "M. Dupont et Mme Durand sont venus. Ils sont partis.") ==
        Sentences{"M. Dupont et Mme Durand sont venus.", "Ils sont partis."});
  CHECK(split("es", "La Sra. García y la Dra. López llegaron. Luego salieron.") ==
        Sentences{"La Sra. García y la Dra. López llegaron.", "Luego salieron."});
  CHECK(split("de", "Es gibt z. B. Äpfel, Birnen usw. Das ist gut.") ==
        Sentences{"Es gibt z. B. Äpfel, Birnen usw.", "Das ist gut."});
  CHECK(split("ru", "Он посетил г. Волгоград. Потом уехал.") ==
        Sentences{"Он посетил г. Волгоград.", "Потом уехал."});
}

TEST_CASE("ordinals and dates do not end a sentence", "[segmenter]") {
  CHECK(split("de", "Am 3. Oktober 2024 feiern wir. Dann ruhen wir.") ==
        Sentences{"Am 3. Oktober 2024 feiern wir.", "Dann ruhen wir."});
  CHECK(split("da", "Mødet er den 5. maj kl. 10. Alle er velkomne.") ==
        Sentences{"Mødet er den 5. maj kl. 10.", "Alle er velkomne."});
  CHECK(split("en", "On Jan. 5 the office opened. It was 12.03.2024 in Geneva.") ==
        Sentences{"On Jan. 5 the office opened.", "It was 12.03.2024 in Geneva."});
}

TEST_CASE("numbers, phone numbers, URLs and e-mail addresses are never cut", "[segmenter]") {
  CHECK(split("en", "Prices rose 3.5 percent to 1,250.75 francs at 10.30 today. Trading closed.") ==
        Sentences{"Prices rose 3.5 percent to 1,250.75 francs at 10.30 today.", "Trading closed."});
  CHECK(split("en", "Call +41 22 717 94 68. We answer.") ==
        Sentences{"Call +41 22 717 94 68.", "We answer."});
  CHECK(split("en", "Visit www.iom.int or write to asamri@iom.int for details. Thank you.") ==
        Sentences{"Visit www.iom.int or write to asamri@iom.int for details.", "Thank you."});
  CHECK(split("en", "Write to asamri@iom.int. See www.iom.int.") ==
        Sentences{"Write to asamri@iom.int.", "See www.iom.int."});
}

TEST_CASE("protected ranges are never broken", "[segmenter]") {
  const Segmenter segmenter(shipped_rules(), "en");
  const std::string text = "It is called Help. Now and it sells. Buy it.";
  REQUIRE(segmenter.find_breaks(text) == std::vector<size_t>{19, 37});
  // A recognised value "Help. Now" (bytes 13..22) keeps its stop inside the sentence.
  CHECK(segmenter.find_breaks(text, {ByteRange{13, 22}}) == std::vector<size_t>{37});
}

TEST_CASE("quoted and bracketed stretches that continue the sentence stay in it", "[segmenter]") {
  CHECK(split("en", "“This is great,” said Ms. Brown. She left.") ==
        Sentences{"“This is great,” said Ms. Brown.", "She left."});
  CHECK(split("en", "She turned to him, \"This is great.\" she said. Then she left.") ==
        Sentences{"She turned to him, \"This is great.\" she said.", "Then she left."});
  CHECK(split("en", "He teaches science (he worked as an engineer.) at the university.") ==
        Sentences{"He teaches science (he worked as an engineer.) at the university."});
  CHECK(split("en", "The report says “all is well.” (IOM, 2024). Next year too.") ==
        Sentences{"The report says “all is well.” (IOM, 2024).", "Next year too."});
  CHECK(split("fr", "« C’est une réussite ! » a-t-il déclaré. Puis il est parti.") ==
        Sentences{"« C’est une réussite ! » a-t-il déclaré.", "Puis il est parti."});
}

TEST_CASE("a closing quotation mark or bracket after the final stop belongs to its sentence",
          "[segmenter]") {
  CHECK(split("en", "She said, “Go home.” Then she left.") ==
        Sentences{"She said, “Go home.”", "Then she left."});
  CHECK(split("en", "(This is an aside.) The text goes on.") ==
        Sentences{"(This is an aside.)", "The text goes on."});
  CHECK(split("fr", "Il a dit : « Nous partons. » Ensuite, le silence.") ==
        Sentences{"Il a dit : « Nous partons. »", "Ensuite, le silence."});
}

TEST_CASE("Chinese and Japanese break at 。！？ without spaces", "[segmenter]") {
  CHECK(split("zh", "这是一支笔。那是一本书！你好吗？好。") ==
        Sentences{"这是一支笔。", "那是一本书！", "你好吗？", "好。"});
  CHECK(split("ja", "これはペンです。それは何ですか？すごい！") ==
        Sentences{"これはペンです。", "それは何ですか？", "すごい！"});
  CHECK(split("zh", "我们去看《摔跤吧！爸爸》好吗？好！") ==
        Sentences{"我们去看《摔跤吧！爸爸》好吗？", "好！"});
}

TEST_CASE("Arabic breaks at ؟ and at the full stop", "[segmenter]") {
  CHECK(split("ar", "ماذا حدث بعد الانتخابات؟ لا شيء. انتهى الأمر.") ==
        Sentences{"ماذا حدث بعد الانتخابات؟", "لا شيء.", "انتهى الأمر."});
}

TEST_CASE("segmentation stays linear on a long paragraph without a stop", "[segmenter]") {
  std::string text;
  while (text.size() < 1000000) {
    text += "word and a number 1,250.75 at www.iom.int ";
  }
  text += "end.";
  const Segmenter segmenter(shipped_rules(), "en");
  CHECK(segmenter.find_breaks(text).empty());
  const std::string tail = " Next one.";
  CHECK(segmenter.find_breaks(text + tail) == std::vector<size_t>{text.size() + 1});
}

TEST_CASE("break offsets are UTF-8 byte offsets, whatever the characters before them",
          "[segmenter]") {
  // Two-, three- and four-byte characters (the last is two UTF-16 code units) before each break.
  const std::string text = "Ça coûte 5 €. Voilà 😀 fini. Dr. Müller reste. Ende.";
  const Segmenter segmenter(shipped_rules(), "fr");
  const auto breaks = segmenter.find_breaks(text);
  CHECK(breaks == std::vector<size_t>{text.find("Voilà"), text.find("Dr."), text.find("Ende")});
  const ByteRange value{text.find("5 €"), text.find("5 €") + std::string("5 €.").size()};
  CHECK(segmenter.find_breaks(text, {value}).front() == text.find("Voilà"));
}

TEST_CASE("ill-formed UTF-8 does not move the breaks after it", "[segmenter]") {
  const std::string text = "Bad \xFF\xFE bytes here. Next one \xC3 too. Last.";
  const auto breaks = Segmenter(shipped_rules(), "en").find_breaks(text);
  CHECK(breaks == std::vector<size_t>{text.find("Next"), text.find("Last")});
}

TEST_CASE("break rules found from their afterbreak: a bullet inside a paragraph, an ellipsis",
          "[segmenter]") {
  // Default's "\S" before "\s+[•⁃‣◦▪]" and "\p{L}\." before " . . . Capital" are short, bounded
  // <beforebreak>s with an <afterbreak> that starts with white space: found from the
  // <afterbreak>, asked with a look-behind.
  CHECK(split("en", "Our priorities: • Safe migration • Decent work • Data") ==
        Sentences{"Our priorities:", "• Safe migration", "• Decent work", "• Data"});
  // As in the Golden Rules (en-g048): the full stop ends the sentence, the ellipsis opens the next.
  CHECK(split("en", "It rose in compounds. . . . The practice spread.") ==
        Sentences{"It rose in compounds.", ". . . The practice spread."});
  CHECK(split("en", "The thing is . . . I did not know.") ==
        Sentences{"The thing is . . . I did not know."});
}

TEST_CASE("an <afterbreak> looks no further than its window of 100 characters", "[segmenter]") {
  // In German an abbreviation ("Jan.") before a capital or a digit is no break. Past 100
  // characters of white space the capital is out of the rule's sight and ICU's break stands.
  const std::string far = "It was Jan." + std::string(150, ' ') + "Then it ended.";
  CHECK(split("de", far) == Sentences{"It was Jan.", "Then it ended."});
  const std::string near = "It was Jan." + std::string(50, ' ') + "Then it ended.";
  CHECK(split("de", near).size() == 1);
}
