// The reports of `relocale check`: a terminal table, JSON, JUnit XML, GitHub Actions annotations
// and an HTML page for editors. XML and HTML are written with pugixml, which escapes for us.
#include "relocale/checker/reports.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

#include <pugixml.hpp>

#include "relocale/base/i18n.h"
#include "relocale/checker/qa_checks.h"

namespace relocale {

bool CheckResult::passed() const {
  for (const auto& r : reports) {
    if (!r.meets_threshold || r.errors > 0) {
      return false;
    }
  }
  return true;
}

namespace {

constexpr const char* kFormatKeys[] = {"table", "json", "junit", "github", "html"};

std::string percent_text(double percent) {
  char text[16];
  std::snprintf(text, sizeof text, "%.1f", percent);
  return text;
}

double percent_of(const LanguageReport& r) {
  return r.completeness.percent_at_least(r.threshold.state);
}

std::string threshold_percent(const Threshold& t) {
  char text[16];
  std::snprintf(text, sizeof text, "%g", t.percent);
  return text;
}

std::string threshold_text(const Threshold& t) {
  return threshold_percent(t) + "% " + trc("state", segment_state_key(t.state));
}

bool language_passed(const LanguageReport& r) {
  return r.meets_threshold && r.errors == 0;
}

std::vector<const Diagnostic*> findings_of(const CheckResult& result, const LanguageReport& r) {
  std::vector<const Diagnostic*> out;
  for (const auto& d : result.diagnostics.items()) {
    if (d.where.file == r.xliff_file) {
      out.push_back(&d);
    }
  }
  return out;
}

std::string completeness_message(const LanguageReport& r) {
  return subst(tr("{1}% of segments at least {2}, below the threshold of {3}"),
               {percent_text(percent_of(r)), trc("state", segment_state_key(r.threshold.state)),
                threshold_text(r.threshold)});
}

size_t done_segments(const Completeness& c) {
  return c.segments[1] + c.segments[2] + c.segments[3];
}
size_t done_words(const Completeness& c) {
  return c.words[1] + c.words[2] + c.words[3];
}

// ---- JSON
// ----------------------------------------------------------------------------------------

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      if (static_cast<unsigned char>(c) < 0x20) {
        char escaped[8];
        std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
        out += escaped;
      } else {
        out += c;  // UTF-8 as it is: JSON text is Unicode
      }
    }
  }
  return out + "\"";
}

std::string json_counts(const std::array<size_t, 4>& counts) {
  std::string out = "{";
  size_t total = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    out += json_string(i == 0 ? "untranslated" : segment_state_key(static_cast<SegmentState>(i))) +
           ": " + std::to_string(counts[i]) + ", ";
    total += counts[i];
  }
  return out + "\"total\": " + std::to_string(total) + "}";
}

std::string json_number(double d) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4f", d);
  std::string s = text;
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.') {
    s.pop_back();
  }
  return s;
}

// ---- GitHub
// --------------------------------------------------------------------------------------

// Workflow command escaping (actions/toolkit): % CR LF in data; also : and , in properties.
std::string github_data(const std::string& s) {
  std::string out;
  for (const char c : s) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else {
      out += c;
    }
  }
  return out;
}

std::string github_property(const std::string& s) {
  std::string out;
  for (const char c : github_data(s)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

const char* github_level(Severity s) {
  return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "notice";
}

// ---- table
// ---------------------------------------------------------------------------------------

std::string paint(bool colour, const char* code, const std::string& text) {
  return colour ? std::string("\033[") + code + "m" + text + "\033[0m" : text;
}

std::string pad(const std::string& text, size_t width) {
  // Width in code points: names may be non-ASCII.
  size_t shown = 0;
  for (const char c : text) {
    shown += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }
  return shown >= width ? text + " " : text + std::string(width - shown, ' ');
}

std::string finding_line(const Diagnostic& d, bool colour) {
  std::string place = d.where.file;
  if (d.where.line > 0) {
    place += ":" + std::to_string(d.where.line);
  }
  const std::string level = severity_key(d.severity);
  const std::string painted =
      paint(colour, d.severity == Severity::error ? "1;31" : "33", trc("severity", level.c_str()));
  std::string unit = d.where.unit_id.empty() ? "" : subst(tr("unit \"{1}\": "), {d.where.unit_id});
  return place + ": " + painted + ": " + unit + d.message + " [" + d.check_id + "]\n";
}

// ---- HTML
// ----------------------------------------------------------------------------------------

constexpr const char* kHtmlStyle =
    "body { font-family: system-ui, sans-serif; margin: 2em; max-width: 72em; color: #222; }\n"
    "table { border-collapse: collapse; width: 100%; margin-bottom: 2em; }\n"
    "th, td { text-align: left; padding: 0.3em 0.6em; border-bottom: 1px solid #ddd; "
    "vertical-align: top; }\n"
    ".bar { background: #eee; width: 16em; height: 1.2em; border-radius: 3px; "
    "position: relative; }\n"
    ".fill { background: #2e7d32; height: 100%; border-radius: 3px; }\n"
    ".below .fill { background: #c62828; }\n"
    ".mark { position: absolute; top: -0.2em; bottom: -0.2em; width: 2px; background: #000; }\n"
    ".pass { color: #2e7d32; font-weight: bold; }\n"
    ".fail { color: #c62828; font-weight: bold; }\n"
    ".error { color: #c62828; }\n"
    ".warning { color: #b26a00; }\n"
    "code { font-size: 0.9em; white-space: nowrap; }\n";

pugi::xml_node add(pugi::xml_node parent, const char* name, const std::string& text = "",
                   const char* css_class = nullptr) {
  auto node = parent.append_child(name);
  if (css_class != nullptr) {
    node.append_attribute("class") = css_class;
  }
  if (!text.empty()) {
    node.append_child(pugi::node_pcdata).set_value(text.c_str());
  }
  return node;
}

}  // namespace

std::optional<ReportFormat> report_format_from_key(const std::string& key) {
  for (size_t i = 0; i < std::size(kFormatKeys); ++i) {
    if (key == kFormatKeys[i]) {
      return static_cast<ReportFormat>(i);
    }
  }
  return std::nullopt;
}

const char* report_format_key(ReportFormat format) {
  return kFormatKeys[static_cast<size_t>(format)];
}

std::string format_report(const CheckResult& result, ReportFormat format, bool colour) {
  switch (format) {
  case ReportFormat::table:
    return format_table(result, colour);
  case ReportFormat::json:
    return format_json(result);
  case ReportFormat::junit:
    return format_junit(result);
  case ReportFormat::github:
    return format_github(result);
  case ReportFormat::html:
    return format_html(result);
  }
  RELOCALE_ASSERT(false, "unknown report format");
}

std::string format_table(const CheckResult& result, bool colour) {
  std::string out;
  const std::vector<std::string> header{tr("release"), tr("lang"),     tr("segments"),
                                        tr("words"),   tr("percent"),  tr("threshold"),
                                        tr("errors"),  tr("warnings"), tr("result")};
  const size_t widths[] = {22, 6, 10, 12, 9, 18, 8, 10, 0};
  std::vector<std::vector<std::string>> rows;
  size_t release_width = widths[0];
  for (const auto& r : result.reports) {
    release_width = std::max(release_width, r.release.size() + 2);
  }
  for (size_t i = 0; i < header.size(); ++i) {
    out += pad(header[i], i == 0 ? release_width : widths[i]);
  }
  out += "\n";
  for (const auto& r : result.reports) {
    const auto& c = r.completeness;
    const bool ok = language_passed(r);
    const std::vector<std::string> cells{
        r.release,
        r.lang,
        std::to_string(done_segments(c)) + "/" + std::to_string(c.total_segments()),
        std::to_string(done_words(c)) + "/" + std::to_string(c.total_words()),
        percent_text(percent_of(r)) + "%",
        threshold_text(r.threshold),
        std::to_string(r.errors),
        std::to_string(r.warnings),
    };
    for (size_t i = 0; i < cells.size(); ++i) {
      out += pad(cells[i], i == 0 ? release_width : widths[i]);
    }
    out += paint(colour, ok ? "32" : "1;31", ok ? tr("pass") : tr("FAIL")) + "\n";
  }
  // The same verdict as a sentence per language: easy to read aloud and to grep in a CI log.
  out += "\n";
  for (const auto& r : result.reports) {
    const auto& c = r.completeness;
    out += subst(tr("{1} [{2}]: {3} of {4} segments translated, {5} of {6} words; {7}% at least "
                    "{8} (threshold {9}%): {10}"),
                 {r.release, r.lang, std::to_string(done_segments(c)),
                  std::to_string(c.total_segments()), std::to_string(done_words(c)),
                  std::to_string(c.total_words()), percent_text(percent_of(r)),
                  trc("state", segment_state_key(r.threshold.state)),
                  threshold_percent(r.threshold), language_passed(r) ? tr("pass") : tr("FAIL")}) +
           "\n";
  }
  if (!result.diagnostics.items().empty()) {
    out += "\n";
    for (const auto& d : result.diagnostics.items()) {
      out += finding_line(d, colour);
    }
  }
  return out;
}

std::string format_json(const CheckResult& result) {
  std::string out = "{\n  \"passed\": ";
  out += result.passed() ? "true" : "false";
  out += ",\n  \"languages\": [";
  bool first = true;
  for (const auto& r : result.reports) {
    out += first ? "\n" : ",\n";
    first = false;
    out += "    {\"release\": " + json_string(r.release) + ", \"lang\": " + json_string(r.lang) +
           ", \"file\": " + json_string(r.xliff_file) +
           ",\n     \"segments\": " + json_counts(r.completeness.segments) +
           ",\n     \"words\": " + json_counts(r.completeness.words) +
           ",\n     \"percent\": " + json_number(percent_of(r)) + ", \"words_percent\": " +
           json_number(r.completeness.words_percent_at_least(r.threshold.state)) +
           ",\n     \"threshold\": {\"percent\": " + json_number(r.threshold.percent) +
           ", \"state\": " + json_string(segment_state_key(r.threshold.state)) +
           "}, \"meets_threshold\": " + (r.meets_threshold ? "true" : "false") +
           ", \"errors\": " + std::to_string(r.errors) +
           ", \"warnings\": " + std::to_string(r.warnings) +
           ", \"passed\": " + (language_passed(r) ? "true" : "false") + "}";
  }
  out += first ? "],\n" : "\n  ],\n";
  out += "  \"findings\": [";
  first = true;
  for (const auto& d : result.diagnostics.items()) {
    out += first ? "\n" : ",\n";
    first = false;
    out += "    {\"check\": " + json_string(d.check_id) +
           ", \"severity\": " + json_string(severity_key(d.severity)) +
           ", \"file\": " + json_string(d.where.file) +
           ", \"line\": " + std::to_string(d.where.line) +
           ", \"unit\": " + json_string(d.where.unit_id) +
           ", \"message\": " + json_string(d.message) + "}";
  }
  out += first ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

std::string format_junit(const CheckResult& result) {
  pugi::xml_document xml;
  auto decl = xml.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto suites = xml.append_child("testsuites");
  suites.append_attribute("name") = "relocale check";
  size_t all_tests = 0;
  size_t all_failures = 0;
  for (const auto& r : result.reports) {
    auto suite = suites.append_child("testsuite");
    suite.append_attribute("name") = (r.release + " [" + r.lang + "]").c_str();
    suite.append_attribute("file") = r.xliff_file.c_str();
    const std::string class_name = r.release + "." + r.lang;
    size_t tests = 0;
    size_t failures = 0;
    // Completeness first: the test a dashboard shows for "is this language ready".
    auto completeness = suite.append_child("testcase");
    completeness.append_attribute("classname") = class_name.c_str();
    completeness.append_attribute("name") = "completeness";
    completeness.append_attribute("file") = r.xliff_file.c_str();
    ++tests;
    if (!r.meets_threshold) {
      ++failures;
      auto failure = completeness.append_child("failure");
      const std::string message = completeness_message(r);
      failure.append_attribute("message") = message.c_str();
      failure.append_attribute("type") = "completeness";
      failure.append_child(pugi::node_pcdata).set_value(message.c_str());
    }
    const auto findings = findings_of(result, r);
    // The table's checks, then any other id a finding carries (relocale-ignore).
    std::vector<std::string> ids;
    for (const auto& check : qa_check_table()) {
      ids.push_back(check.id);
    }
    for (const auto* d : findings) {
      if (std::find(ids.begin(), ids.end(), d->check_id) == ids.end()) {
        ids.push_back(d->check_id);
      }
    }
    for (const auto& id : ids) {
      bool any = false;
      for (const auto* d : findings) {
        if (d->check_id != id) {
          continue;
        }
        any = true;
        ++tests;
        auto testcase = suite.append_child("testcase");
        testcase.append_attribute("classname") = (class_name + "." + id).c_str();
        const std::string name = id + " " + d->where.unit_id + ":" + std::to_string(d->where.line);
        testcase.append_attribute("name") = name.c_str();
        testcase.append_attribute("file") = d->where.file.c_str();
        testcase.append_attribute("line") = d->where.line;
        const std::string text =
            d->where.file + ":" + std::to_string(d->where.line) + ": " + d->message;
        if (d->severity == Severity::error) {
          ++failures;
          auto failure = testcase.append_child("failure");
          failure.append_attribute("message") = d->message.c_str();
          failure.append_attribute("type") = id.c_str();
          failure.append_child(pugi::node_pcdata).set_value(text.c_str());
        } else {
          testcase.append_child("system-out")
              .append_child(pugi::node_pcdata)
              .set_value((std::string(severity_key(d->severity)) + ": " + text).c_str());
        }
      }
      if (!any) {
        ++tests;
        auto testcase = suite.append_child("testcase");
        testcase.append_attribute("classname") = (class_name + "." + id).c_str();
        testcase.append_attribute("name") = id.c_str();
        testcase.append_attribute("file") = r.xliff_file.c_str();
      }
    }
    suite.append_attribute("tests") = tests;
    suite.append_attribute("failures") = failures;
    suite.append_attribute("errors") = 0;
    suite.append_attribute("skipped") = 0;
    all_tests += tests;
    all_failures += failures;
  }
  suites.append_attribute("tests") = all_tests;
  suites.append_attribute("failures") = all_failures;
  suites.append_attribute("errors") = 0;
  std::ostringstream out;
  xml.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return std::move(out).str();
}

std::string format_github(const CheckResult& result) {
  std::string out;
  for (const auto& r : result.reports) {
    if (!r.meets_threshold) {
      out += "::error file=" + github_property(r.xliff_file) + ",title=completeness::" +
             github_data(r.release + " [" + r.lang + "]: " + completeness_message(r)) + "\n";
    }
  }
  for (const auto& d : result.diagnostics.items()) {
    out += std::string("::") + github_level(d.severity) + " file=" + github_property(d.where.file);
    if (d.where.line > 0) {
      out += ",line=" + std::to_string(d.where.line);
    }
    out += ",title=" + github_property(d.check_id) + "::";
    const std::string unit =
        d.where.unit_id.empty() ? "" : subst(tr("unit \"{1}\": "), {d.where.unit_id});
    out += github_data(unit + d.message) + "\n";
  }
  // A plain summary line per language for the job's log.
  for (const auto& r : result.reports) {
    out += r.release + " [" + r.lang + "]: " + percent_text(percent_of(r)) + "% (" +
           threshold_text(r.threshold) + "), " + std::to_string(r.errors) + " " + tr("errors") +
           ", " + std::to_string(r.warnings) + " " + tr("warnings") + ": " +
           (language_passed(r) ? tr("pass") : tr("FAIL")) + "\n";
  }
  return out;
}

std::string format_html(const CheckResult& result) {
  pugi::xml_document xml;
  xml.append_child(pugi::node_doctype).set_value("html");
  auto html = xml.append_child("html");
  auto head = html.append_child("head");
  add(head, "title", tr("Translation check"));
  add(head, "style", kHtmlStyle);
  auto body = html.append_child("body");
  add(body, "h1", tr("Translation check"));
  add(body, "p", result.passed() ? tr("All languages pass.") : tr("Some languages fail."),
      result.passed() ? "pass" : "fail");

  add(body, "h2", tr("Completeness"));
  auto table = body.append_child("table");
  auto header = table.append_child("tr");
  for (const char* h : {N_("release"), N_("lang"), N_("completeness"), N_("segments"), N_("words"),
                        N_("threshold"), N_("errors"), N_("warnings"), N_("result")}) {
    add(header, "th", tr(h));
  }
  for (const auto& r : result.reports) {
    const auto& c = r.completeness;
    const double percent = percent_of(r);
    auto row = table.append_child("tr");
    add(row, "td", r.release);
    add(row, "td", r.lang);
    auto cell = row.append_child("td");
    auto bar = add(cell, "div", "", r.meets_threshold ? "bar" : "bar below");
    bar.append_attribute("title") = (percent_text(percent) + "%").c_str();
    auto fill = add(bar, "div", "", "fill");
    fill.append_attribute("style") = ("width: " + percent_text(percent) + "%").c_str();
    auto mark = add(bar, "div", "", "mark");
    mark.append_attribute("style") = ("left: " + percent_text(r.threshold.percent) + "%").c_str();
    add(cell, "span", percent_text(percent) + "%");
    add(row, "td", std::to_string(done_segments(c)) + "/" + std::to_string(c.total_segments()));
    add(row, "td", std::to_string(done_words(c)) + "/" + std::to_string(c.total_words()));
    add(row, "td", threshold_text(r.threshold));
    add(row, "td", std::to_string(r.errors));
    add(row, "td", std::to_string(r.warnings));
    const bool ok = language_passed(r);
    add(row, "td", ok ? tr("pass") : tr("FAIL"), ok ? "pass" : "fail");
  }

  add(body, "h2", tr("Problems"));
  if (result.diagnostics.items().empty()) {
    add(body, "p", tr("No problems found."));
  } else {
    auto problems = body.append_child("table");
    auto head_row = problems.append_child("tr");
    for (const char* h :
         {N_("file"), N_("line"), N_("unit"), N_("check"), N_("severity"), N_("message")}) {
      add(head_row, "th", tr(h));
    }
    for (const auto& d : result.diagnostics.items()) {
      auto row = problems.append_child("tr");
      add(row, "td", d.where.file);
      add(row, "td", d.where.line > 0 ? std::to_string(d.where.line) : "");
      add(row, "td", d.where.unit_id);
      add(add(row, "td"), "code", d.check_id);
      const char* level = severity_key(d.severity);
      add(row, "td", trc("severity", level), level);
      add(row, "td", d.message);
    }
  }
  std::ostringstream out;
  // No empty-element tags: <div/> is not self-closing in HTML.
  xml.save(out, "  ",
           pugi::format_indent | pugi::format_no_empty_element_tags | pugi::format_no_declaration,
           pugi::encoding_utf8);
  // <meta> is a void element: pugixml would write <meta></meta>, which HTML parsers reject, so
  // the one void element is put in after serialisation.
  std::string page = std::move(out).str();
  const auto head_at = page.find("<head>");
  RELOCALE_ASSERT(head_at != std::string::npos, "HTML report without <head>");
  page.insert(head_at + 6, "\n    <meta charset=\"utf-8\">");
  return page;
}

}  // namespace relocale
