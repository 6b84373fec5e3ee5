// Each quality check fires once, at the right unit and line, on a segment that breaks it, and not
// on a correct one. Documents are built in code.
#include "relocale/checker/qa_checks.h"

#include <set>

#include <catch2/catch.hpp>

#include "relocale/checker/glossary.h"

using namespace relocale;

namespace {

Placeholder ph(const std::string& id, PlaceholderKind kind, const std::string& canonical) {
  return Placeholder{id, kind, canonical, canonical, ""};
}

Content text(const std::string& s) {
  return Content{s};
}

// One unit "u1" (XLIFF line 10) with one translated segment "s1" (line 12).
Document one_segment(Content source, Content target, const std::string& target_lang = "fr",
                     SegmentState state = SegmentState::translated) {
  Document doc;
  doc.release = "r";
  doc.source_lang = "en";
  doc.target_lang = target_lang;
  Unit unit;
  unit.id = "u1";
  unit.line = 10;
  Segment seg;
  seg.id = "s1";
  seg.line = 12;
  seg.source = std::move(source);
  seg.target = std::move(target);
  seg.state = state;
  unit.segments.push_back(std::move(seg));
  doc.units.push_back(std::move(unit));
  return doc;
}

std::vector<Diagnostic> run(const Document& doc, const Glossary* glossary = nullptr,
                            const Document* current = nullptr) {
  Diagnostics out;
  QaInput input;
  input.doc = &doc;
  input.xliff_file = "xliff/fr/r.xlf";
  input.glossary = glossary;
  input.current_source = current;
  run_qa_checks(input, out);
  return out.items();
}

std::vector<Diagnostic> of_check(const std::vector<Diagnostic>& all, const std::string& id) {
  std::vector<Diagnostic> out;
  for (const auto& d : all) {
    if (d.check_id == id) {
      out.push_back(d);
    }
  }
  return out;
}

// The check fires exactly once, at xliff/fr/r.xlf line 12, unit u1; returns its message.
std::string fires_once(const std::vector<Diagnostic>& all, const std::string& id) {
  const auto found = of_check(all, id);
  REQUIRE(found.size() == 1);
  CHECK(found[0].where.file == "xliff/fr/r.xlf");
  CHECK(found[0].where.line == 12);
  CHECK(found[0].where.unit_id == "u1");
  return found[0].message;
}

Content tel_source() {
  return Content{"Call ", ph("1", PlaceholderKind::phone, "+41227179468"), " now."};
}

}  // namespace

TEST_CASE("the check table lists every check once with its severity", "[qa_checks]") {
  std::set<std::string> ids;
  for (const auto& c : qa_check_table()) {
    CHECK(ids.insert(c.id).second);
  }
  for (const char* id :
       {"placeholder-missing", "placeholder-duplicated", "placeholder-invented", "code-unbalanced",
        "code-crossed", "number-mismatch", "empty-target", "target-same-as-source",
        "whitespace-leading", "whitespace-trailing", "final-punctuation", "doubled-words",
        "length-ratio", "glossary", "stale-source"}) {
    CHECK(ids.count(id) == 1);
  }
}

TEST_CASE("a correct translation has no findings", "[qa_checks]") {
  const auto doc = one_segment(
      tel_source(), Content{"Appelez le ", ph("1", PlaceholderKind::phone, "+41227179468"), "."});
  CHECK(run(doc).empty());
}

TEST_CASE("a deleted placeholder is reported once at its segment", "[qa_checks]") {
  const auto doc = one_segment(tel_source(), text("Appelez maintenant."));
  const auto all = run(doc);
  CHECK(fires_once(all, "placeholder-missing") ==
        "segment \"s1\": placeholder 1 (phone) is missing from the target");
  CHECK(all.size() == 1);
  CHECK(all[0].severity == Severity::error);
}

TEST_CASE("a duplicated placeholder is reported once", "[qa_checks]") {
  const auto p = ph("1", PlaceholderKind::phone, "+41227179468");
  const auto doc = one_segment(tel_source(), Content{"Appelez ", p, " ou ", p, "."});
  const auto all = run(doc);
  CHECK(fires_once(all, "placeholder-duplicated") ==
        "segment \"s1\": placeholder 1 (phone) appears 2 times in the target, 1 in the source");
  CHECK(all.size() == 1);
}

TEST_CASE("an invented placeholder or one of another kind is reported", "[qa_checks]") {
  SECTION("an id the source does not have") {
    const auto doc = one_segment(
        tel_source(), Content{"Appelez ", ph("1", PlaceholderKind::phone, "+4122"), " le ",
                              ph("2", PlaceholderKind::date, "2018-10-08"), "."});
    CHECK(fires_once(run(doc), "placeholder-invented") ==
          "segment \"s1\": placeholder 2 (date) in the target is not in the source");
  }
  SECTION("the same id with another kind") {
    const auto doc = one_segment(
        tel_source(), Content{"Appelez ", ph("1", PlaceholderKind::email, "a@b.org"), "."});
    CHECK(fires_once(run(doc), "placeholder-invented") ==
          "segment \"s1\": placeholder 1 is a email in the target but a phone in the source");
  }
}

TEST_CASE("paired codes that are unclosed or crossed are reported", "[qa_checks]") {
  const Content source{CodeStart{"1", "**", "strong"},
                       "big ",
                       CodeStart{"2", "*", "emphasis"},
                       "news",
                       CodeEnd{"2", "*"},
                       CodeEnd{"1", "**"},
                       "."};
  SECTION("well nested: nothing") {
    const Content target{CodeStart{"1", "**", "strong"},
                         "grande ",
                         CodeStart{"2", "*", "emphasis"},
                         "nouvelle",
                         CodeEnd{"2", "*"},
                         CodeEnd{"1", "**"},
                         "."};
    CHECK(run(one_segment(source, target)).empty());
  }
  SECTION("an end deleted") {
    const Content target{CodeStart{"1", "**", "strong"},
                         "grande ",
                         CodeStart{"2", "*", "emphasis"},
                         "nouvelle",
                         CodeEnd{"2", "*"},
                         "."};
    const auto all = run(one_segment(source, target));
    CHECK(fires_once(all, "code-unbalanced") ==
          "segment \"s1\": paired code 1 is unbalanced in the target: 1 start(s), 0 end(s)");
    CHECK(of_check(all, "code-crossed").empty());
  }
  SECTION("crossed") {
    const Content target{CodeStart{"1", "**", "strong"},
                         "grande ",
                         CodeStart{"2", "*", "emphasis"},
                         "nouvelle",
                         CodeEnd{"1", "**"},
                         CodeEnd{"2", "*"},
                         "."};
    const auto all = run(one_segment(source, target));
    CHECK(fires_once(all, "code-crossed") ==
          "segment \"s1\": paired codes 1 and 2 cross in the target: 1 ends before 2");
    CHECK(of_check(all, "code-unbalanced").empty());
  }
}

TEST_CASE("plain-text numbers are parsed as values in each language's conventions", "[qa_checks]") {
  using V = std::vector<double>;
  CHECK(plain_text_numbers("raised 1,250,000 in 2018", "en") == V{1250000, 2018});
  CHECK(plain_text_numbers("1\u202F250\u202F000 personnes", "fr") == V{1250000});
  CHECK(plain_text_numbers("1\u00A0250\u00A0000 personnes", "fr") == V{1250000});
  CHECK(plain_text_numbers("1 250 000 personnes", "fr") == V{1250000});
  CHECK(plain_text_numbers("1.250.000 Menschen", "de") == V{1250000});
  CHECK(plain_text_numbers("12,5 %", "fr") == V{12.5});
  CHECK(plain_text_numbers("12.5%", "en") == V{12.5});
  CHECK(plain_text_numbers("the G20 met", "en").empty());
}

TEST_CASE("numbers equal in value pass, a changed number is reported once", "[qa_checks]") {
  const Content source = text("The fund raised 1,250,000 dollars.");
  CHECK(run(one_segment(source, text("Le fonds a levé 1\u202F250\u202F000 dollars."))).empty());
  CHECK(run(one_segment(source, text("Le fonds a levé 1 250 000 dollars."))).empty());
  CHECK(run(one_segment(source, text("Der Fonds sammelte 1.250.000 Dollar."), "de")).empty());
  const auto all = run(one_segment(source, text("Le fonds a levé 1 350 000 dollars.")));
  CHECK(fires_once(all, "number-mismatch") ==
        "segment \"s1\": numbers differ from the source: 1350000 only in the target, 1250000 "
        "only in the source");
  CHECK(all.size() == 1);
}

TEST_CASE("an empty target marked translated is one finding", "[qa_checks]") {
  const auto all = run(one_segment(tel_source(), text("")));
  CHECK(fires_once(all, "empty-target") ==
        "segment \"s1\": the target is empty but the segment's state is \"translated\"");
  CHECK(all.size() == 1);  // not also the placeholder and punctuation it lacks
}

TEST_CASE("segments still in the initial state are not checked", "[qa_checks]") {
  CHECK(run(one_segment(tel_source(), text(""), "fr", SegmentState::initial)).empty());
}

TEST_CASE("a target copied from the source is reported unless made of names and acronyms",
          "[qa_checks]") {
  const Content source = text("The meeting started yesterday.");
  CHECK(fires_once(run(one_segment(source, source)), "target-same-as-source") ==
        "segment \"s1\": the target is the same as the source: the segment was not translated");
  CHECK(run(one_segment(source, source, "en-GB")).empty());  // same language
  CHECK(run(one_segment(text("UNICEF (WHO)"), text("UNICEF (WHO)"))).empty());
  Glossary glossary;
  glossary.terms.push_back(GlossaryTerm{"Louise Arbour", true, {}, "", 2});
  const auto name = one_segment(text("Louise Arbour"), text("Louise Arbour"));
  CHECK(run(name, &glossary).empty());
  CHECK(of_check(run(name), "target-same-as-source").size() == 1);  // without the glossary
}

TEST_CASE("leading and trailing white space must match the source's", "[qa_checks]") {
  const Content source = text("Hello.");
  CHECK(fires_once(run(one_segment(source, text(" Bonjour."))), "whitespace-leading") ==
        "segment \"s1\": the target starts with white space, the source does not");
  CHECK(fires_once(run(one_segment(source, text("Bonjour. "))), "whitespace-trailing") ==
        "segment \"s1\": the target ends with white space, the source does not");
}

TEST_CASE("final punctuation is compared across scripts", "[qa_checks]") {
  CHECK(run(one_segment(text("It started."), text("会议开始了。"), "zh")).empty());
  CHECK(run(one_segment(text("Why not?"), text("لم لا؟"), "ar")).empty());
  CHECK(run(one_segment(text("He said: “It works.”"), text("Il a dit : « Ça marche. »"))).empty());
  CHECK(fires_once(run(one_segment(text("It started."), text("Ça a commencé"))),
                   "final-punctuation") ==
        "segment \"s1\": the target ends with no punctuation, the source with a full stop");
  CHECK(fires_once(run(one_segment(text("It started."), text("Ça a commencé ?"))),
                   "final-punctuation") ==
        "segment \"s1\": the target ends with a question mark, the source with a full stop");
}

TEST_CASE("a doubled word is reported, case-insensitively, except where the language allows it",
          "[qa_checks]") {
  CHECK(fires_once(run(one_segment(text("The meeting."), text("La la réunion."))),
                   "doubled-words") == "segment \"s1\": the word \"la\" is doubled in the target");
  CHECK(run(one_segment(text("We meet."), text("Nous nous réunissons."))).empty());
  CHECK(run(one_segment(text("Thanks."), text("谢谢。"), "zh")).empty());
  CHECK(run(one_segment(text("Well, well."), text("Bien, bien."))).empty());  // not only spaces
}

TEST_CASE("a length far outside the pair's norm is reported, short segments are not",
          "[qa_checks]") {
  const Content source =
      text("The focus of the forum is on partnerships and capacity development for governance.");
  CHECK(run(one_segment(source, text("Le forum est axé sur les partenariats et le renforcement des "
                                     "capacités au service de la gouvernance.")))
            .empty());
  const auto all = run(one_segment(source, text("Le forum.")));
  CHECK(fires_once(all, "length-ratio") ==
        "segment \"s1\": the target is 0.11 times as long as the source; en-fr usually gives 1.0 "
        "to 1.6");
  CHECK(run(one_segment(text("Geneva."), text("Genève, en Suisse, au bord du lac."))).empty());
}

TEST_CASE("the glossary requires translations and keeps do-not-translate terms", "[qa_checks]") {
  const auto glossary = read_glossary(
      "term,type,fr,es,zh,note\n"
      "IOM,translate,OIM,OIM,国际移民组织,\n"
      "António Vitorino,keep,,,-,\n",
      "g.csv");
  CHECK(run(one_segment(text("IOM’s forum."), text("Le forum de l’OIM.")), &glossary).empty());
  CHECK(fires_once(run(one_segment(text("IOM’s forum."), text("Le forum de l’IOM.")), &glossary),
                   "glossary") ==
        "segment \"s1\": glossary: \"IOM\" must be translated as \"OIM\"");
  CHECK(run(one_segment(text("IOM."), text("国际移民组织。"), "zh"), &glossary).empty());
  const Content name = text("António Vitorino spoke.");
  CHECK(fires_once(run(one_segment(name, text("Antonio Vitorino a parlé.")), &glossary),
                   "glossary") ==
        "segment \"s1\": glossary: \"António Vitorino\" is not to be translated; keep it as "
        "written");
  CHECK(run(one_segment(name, text("安东尼奥·维托里诺发言。"), "zh"), &glossary).empty());
  CHECK(run(one_segment(text("BIOMES."), text("BIOMES.")), &glossary).empty());  // no "IOM"
}

TEST_CASE("a source that no longer matches the release is reported at the unit", "[qa_checks]") {
  const auto doc = one_segment(text("Hello."), text("Bonjour."));
  SECTION("same source: nothing") {
    const auto current = one_segment(text("Hello."), text("Hello."), "");
    CHECK(run(doc, nullptr, &current).empty());
  }
  SECTION("the segment's source changed") {
    const auto current = one_segment(text("Hello, world."), {}, "");
    const auto found = of_check(run(doc, nullptr, &current), "stale-source");
    REQUIRE(found.size() == 1);
    CHECK(found[0].where.line == 10);
    CHECK(found[0].where.unit_id == "u1");
    CHECK(found[0].message ==
          "the source of segment \"s1\" no longer matches the release; run relocale extract");
  }
  SECTION("the unit is gone and another came: one finding") {
    auto current = one_segment(text("Hello, world."), {}, "");
    current.units[0].id = "u2";
    const auto found = of_check(run(doc, nullptr, &current), "stale-source");
    REQUIRE(found.size() == 1);
    CHECK(found[0].where.unit_id == "u1");
  }
  SECTION("a unit was added") {
    auto current = one_segment(text("Hello."), {}, "");
    current.units.push_back(current.units[0]);
    current.units[1].id = "u2";
    const auto found = of_check(run(doc, nullptr, &current), "stale-source");
    REQUIRE(found.size() == 1);
    CHECK(found[0].where.unit_id == "u2");
    CHECK(found[0].where.line == 0);
  }
}

TEST_CASE("a relocale-ignore note silences a check in its unit or one segment", "[qa_checks]") {
  auto doc = one_segment(tel_source(), text("Appelez maintenant."));
  SECTION("the whole unit") {
    doc.units[0].notes.push_back("relocale-ignore: placeholder-missing");
    CHECK(run(doc).empty());
  }
  SECTION("that segment") {
    doc.units[0].notes.push_back("relocale-ignore: placeholder-missing s1");
    CHECK(run(doc).empty());
  }
  SECTION("a mistyped check id is a warning with a suggestion") {
    doc.units[0].notes.push_back("relocale-ignore: placeholder-mising");
    const auto all = run(doc);
    CHECK(of_check(all, "placeholder-missing").size() == 1);
    const auto typo = of_check(all, "relocale-ignore");
    REQUIRE(typo.size() == 1);
    CHECK(typo[0].severity == Severity::warning);
    CHECK(typo[0].where.line == 10);
    CHECK(typo[0].message ==
          "relocale-ignore names an unknown check \"placeholder-mising\"; did you mean "
          "\"placeholder-missing\"?");
  }
  SECTION("another segment or another check") {
    doc.units[0].notes.push_back("relocale-ignore: placeholder-missing s2");
    doc.units[0].notes.push_back("relocale-ignore: number-mismatch");
    CHECK(of_check(run(doc), "placeholder-missing").size() == 1);
  }
}

TEST_CASE("a value typed over its lost placeholder is only placeholder-missing", "[qa_checks]") {
  const Content source{"over ", ph("2", PlaceholderKind::number, "300"), " participants."};
  const auto same = run(one_segment(source, text("plus de 300 participants.")));
  CHECK(fires_once(same, "placeholder-missing") ==
        "segment \"s1\": placeholder 2 (number) is missing from the target");
  CHECK(same.size() == 1);
  const auto changed = run(one_segment(source, text("plus de 400 participants.")));
  CHECK(fires_once(changed, "number-mismatch") ==
        "segment \"s1\": numbers differ from the source: 400 only in the target, - only in the "
        "source");
  CHECK(changed.size() == 2);
}
