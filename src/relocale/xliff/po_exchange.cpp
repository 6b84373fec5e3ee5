// PO exchange through libgettextpo: one message per segment, placeholders as visible tokens.
#include "relocale/xliff/po_exchange.h"

#include <map>
#include <memory>

#include <gettext-po.h>
#include <unistd.h>

#include "relocale/base/files.h"
#include "relocale/base/i18n.h"
#include "relocale/locale_formatter/house_style.h"
#include "relocale/pipeline/pipeline.h"
#include "relocale/xliff/xliff_io.h"

namespace relocale {

namespace fs = std::filesystem;

namespace {

// libgettextpo reports problems through callbacks; they are collected here (one reader at a
// time per thread) and turned into an Error once the call returns, never thrown through C code.
thread_local std::vector<std::string> po_errors;

void collect_error(int severity, po_message_t, const char* filename, size_t lineno, size_t column,
                   int, const char* text) {
  if (severity == PO_SEVERITY_WARNING) {
    return;
  }
  std::string where = filename ? filename : "";
  if (filename && lineno != static_cast<size_t>(-1)) {
    where += ":" + std::to_string(lineno);
    if (column != static_cast<size_t>(-1)) {
      where += ":" + std::to_string(column);
    }
  }
  po_errors.push_back((where.empty() ? "" : where + ": ") + (text ? text : ""));
}

void collect_error2(int severity, po_message_t m1, const char* f1, size_t l1, size_t c1, int mp1,
                    const char* t1, po_message_t, const char*, size_t, size_t, int, const char*) {
  collect_error(severity, m1, f1, l1, c1, mp1, t1);
}

const po_xerror_handler kHandler{collect_error, collect_error2};

void throw_collected(const std::string& file) {
  if (!po_errors.empty()) {
    const std::string first = po_errors.front();
    po_errors.clear();
    throw Error(Location{file}, subst(tr("libgettextpo: {1}"), {first}));
  }
}

struct PoFileDeleter {
  void operator()(struct po_file* f) const { po_file_free(f); }
};
using PoFile = std::unique_ptr<struct po_file, PoFileDeleter>;

struct IteratorDeleter {
  void operator()(struct po_message_iterator* it) const { po_message_iterator_free(it); }
};
using PoIterator = std::unique_ptr<struct po_message_iterator, IteratorDeleter>;

std::string context_of(const Unit& unit, const Segment& seg) {
  return unit.id + "/" + seg.id;
}

std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    out += c;
    if (c == '{' || c == '}') {
      out += c;
    }
  }
  return out;
}

bool is_id_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         c == '-';
}

std::string po_comment(const Document& doc, const Unit& unit, const Segment& seg) {
  std::string comment =
      subst(tr("{1} {2} of release \"{3}\""), {trc("block kind", block_kind_key(unit.kind)),
                                               std::to_string(unit.position), doc.release}) +
      "\n";
  for (const auto* p : placeholders_of(seg.source)) {
    comment += "{" + p->id + ":" + placeholder_kind_key(p->kind) + "} = " +
               (p->kind == PlaceholderKind::line_break ? std::string("\\n") : p->canonical) + "\n";
  }
  return comment;
}

}  // namespace

std::string po_tokens_of(const Content& content) {
  std::string out;
  for (const auto& run : content) {
    if (const auto* s = std::get_if<std::string>(&run)) {
      out += escaped(*s);
    } else if (const auto* p = std::get_if<Placeholder>(&run)) {
      out += "{" + p->id + ":" + placeholder_kind_key(p->kind) + "}";
    } else if (const auto* b = std::get_if<CodeStart>(&run)) {
      out += "{" + b->id + ">";
    } else if (const auto* e = std::get_if<CodeEnd>(&run)) {
      out += "<" + e->id + "}";
    }
  }
  return out;
}

Content content_from_po(const std::string& text, const Content& source,
                        std::vector<std::string>& problems) {
  std::map<std::string, Placeholder> placeholders;
  std::map<std::string, CodeStart> starts;
  std::map<std::string, CodeEnd> ends;
  std::map<std::string, int> expected;  // token → times in the source
  for (const auto& run : source) {
    if (const auto* p = std::get_if<Placeholder>(&run)) {
      placeholders[p->id] = *p;
      ++expected["{" + p->id + ":" + placeholder_kind_key(p->kind) + "}"];
    } else if (const auto* b = std::get_if<CodeStart>(&run)) {
      starts[b->id] = *b;
      ++expected["{" + b->id + ">"];
    } else if (const auto* e = std::get_if<CodeEnd>(&run)) {
      ends[e->id] = *e;
      ++expected["<" + e->id + "}"];
    }
  }
  Content out;
  std::map<std::string, int> seen;
  std::string literal;
  auto flush = [&] {
    append_text(out, literal);
    literal.clear();
  };
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      literal += c;
      i += 2;
      continue;
    }
    if (c == '{') {
      size_t j = i + 1;
      while (j < text.size() && is_id_char(text[j])) {
        ++j;
      }
      const std::string id = text.substr(i + 1, j - i - 1);
      if (!id.empty() && j < text.size() && text[j] == '>') {
        const std::string token = text.substr(i, j + 1 - i);
        flush();
        ++seen[token];
        if (starts.count(id)) {
          out.emplace_back(starts[id]);
        } else {
          problems.push_back(subst(tr("token {1} is not in the source (invented)"), {token}));
        }
        i = j + 1;
        continue;
      }
      if (!id.empty() && j < text.size() && text[j] == ':') {
        const size_t close = text.find('}', j);
        if (close != std::string::npos) {
          const std::string token = text.substr(i, close + 1 - i);
          flush();
          ++seen[token];
          if (expected.count(token) && placeholders.count(id)) {
            out.emplace_back(placeholders[id]);
          } else {
            problems.push_back(subst(tr("token {1} is not in the source (invented)"), {token}));
          }
          i = close + 1;
          continue;
        }
      }
    }
    if (c == '<') {
      size_t j = i + 1;
      while (j < text.size() && is_id_char(text[j])) {
        ++j;
      }
      const std::string id = text.substr(i + 1, j - i - 1);
      if (!id.empty() && j < text.size() && text[j] == '}' &&
          !(j + 1 < text.size() && text[j + 1] == '}')) {
        const std::string token = text.substr(i, j + 1 - i);
        flush();
        ++seen[token];
        if (ends.count(id)) {
          out.emplace_back(ends[id]);
        } else {
          problems.push_back(subst(tr("token {1} is not in the source (invented)"), {token}));
        }
        i = j + 1;
        continue;
      }
    }
    literal += c;
    ++i;
  }
  flush();
  for (const auto& [token, count] : expected) {
    const int got = seen.count(token) ? seen[token] : 0;
    if (got < count) {
      problems.push_back(subst(tr("token {1} is missing (lost)"), {token}));
    } else if (got > count) {
      problems.push_back(
          subst(tr("token {1} appears {2} times (duplicated)"), {token, std::to_string(got)}));
    }
  }
  return out;
}

std::string write_po(const Document& doc) {
  PoFile file(po_file_create());
  PoIterator it(po_message_iterator(file.get(), nullptr));
  const std::string header =
      "Project-Id-Version: " + doc.release + "\nLanguage: " + doc.target_lang +
      "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
      "Content-Transfer-Encoding: 8bit\nX-Generator: relocale\nX-Relocale-Source: " +
      doc.source_file + "\n";
  po_message_t head = po_message_create();
  po_message_set_msgid(head, "");
  po_message_set_msgstr(head, header.c_str());
  po_message_insert(it.get(), head);
  for (const auto& unit : doc.units) {
    for (const auto& seg : unit.segments) {
      po_message_t m = po_message_create();
      po_message_set_msgctxt(m, context_of(unit, seg).c_str());
      po_message_set_msgid(m, po_tokens_of(seg.source).c_str());
      po_message_set_msgstr(m, seg.target ? po_tokens_of(*seg.target).c_str() : "");
      po_message_set_extracted_comments(m, po_comment(doc, unit, seg).c_str());
      po_message_set_fuzzy(
          m, seg.target && !seg.target->empty() && seg.state == SegmentState::initial);
      po_message_insert(it.get(), m);
    }
  }
  it.reset();
  // libgettextpo writes to a named file: a private temporary one, read back at once.
  const fs::path temporary =
      fs::temp_directory_path() / ("relocale-po-" + std::to_string(::getpid()) + "-" +
                                   std::to_string(reinterpret_cast<uintptr_t>(&doc)) + ".po");
  po_errors.clear();
  po_file_write(file.get(), temporary.c_str(), &kHandler);
  std::string text;
  try {
    throw_collected(temporary.string());
    text = read_file(temporary);
  } catch (...) {
    fs::remove(temporary);
    throw;
  }
  fs::remove(temporary);
  return text;
}

size_t merge_po(Document& doc, const fs::path& po_file, Diagnostics& diagnostics) {
  po_errors.clear();
  PoFile file(po_file_read(po_file.c_str(), &kHandler));
  throw_collected(po_file.string());
  if (!file) {
    throw Error(Location{po_file.string()}, tr("libgettextpo could not read the file"));
  }
  size_t updated = 0;
  PoIterator it(po_message_iterator(file.get(), nullptr));
  while (po_message_t m = po_next_message(it.get())) {
    const std::string id = po_message_msgid(m);
    if (id.empty() || po_message_is_obsolete(m)) {
      continue;  // the header, and entries a tool kept as obsolete
    }
    const char* ctxt = po_message_msgctxt(m);
    const std::string context = ctxt ? ctxt : "";
    const auto slash = context.rfind('/');
    Unit* unit = slash == std::string::npos ? nullptr : doc.find_unit(context.substr(0, slash));
    Segment* seg = nullptr;
    if (unit) {
      for (auto& s : unit->segments) {
        if (s.id == context.substr(slash + 1)) {
          seg = &s;
        }
      }
    }
    const Location where{po_file.string(), 0, 0, context};
    if (seg == nullptr) {
      diagnostics.add(
          "po-unknown-id", Severity::error, where,
          subst(tr("msgctxt \"{1}\" names no segment of the XLIFF file: not merged"), {context}));
      continue;
    }
    if (id != po_tokens_of(seg->source)) {
      diagnostics.add("po-source-changed", Severity::error, where,
                      tr("the msgid differs from the source extracted: not merged"));
      continue;
    }
    const std::string msgstr = po_message_msgstr(m);
    if (msgstr.empty()) {
      continue;
    }
    std::vector<std::string> problems;
    Content target = content_from_po(msgstr, seg->source, problems);
    if (!problems.empty()) {
      for (const auto& p : problems) {
        diagnostics.add("po-token", Severity::error, where, p + tr(": not merged"));
      }
      continue;
    }
    const SegmentState state =
        po_message_is_fuzzy(m) ? SegmentState::initial : SegmentState::translated;
    if (seg->target && *seg->target == target &&
        (state == SegmentState::initial || seg->state >= state)) {
      continue;  // unchanged: a reviewed translation stays reviewed
    }
    seg->target = std::move(target);
    seg->state = state;
    ++updated;
  }
  return updated;
}

namespace {

fs::path po_path(const ProjectConfig& config, const std::string& lang, const std::string& release) {
  return config.path("po") / lang / (release + ".po");
}

}  // namespace

std::vector<fs::path> run_po_export(const ProjectConfig& config,
                                    const std::vector<std::string>& releases,
                                    const std::vector<std::string>& langs) {
  std::vector<fs::path> written;
  for (const auto& lang : select_languages(config, langs)) {
    for (const auto& release_path : select_releases(config, releases)) {
      const std::string release = release_name(release_path);
      Document doc = load_xliff_file(config, lang, release);
      if (doc.target_lang.empty()) {
        doc.target_lang = lang;
      }
      const fs::path out = po_path(config, lang, release);
      write_file_atomically(out, write_po(doc));
      written.push_back(out);
    }
  }
  return written;
}

size_t run_po_import(const ProjectConfig& config, const std::vector<std::string>& releases,
                     const std::vector<std::string>& langs, Diagnostics& diagnostics) {
  ProjectLock lock(config.root);
  size_t updated = 0;
  for (const auto& lang : select_languages(config, langs)) {
    const HouseStyle style = load_house_style(lang, config.path(config.locales_dir));
    for (const auto& release_path : select_releases(config, releases)) {
      const std::string release = release_name(release_path);
      const fs::path po = po_path(config, lang, release);
      if (!fs::exists(po)) {
        continue;
      }
      const fs::path xliff = config.xliff_path(lang, release);
      pugi::xml_document xml;
      const std::string text = read_file(xliff);
      parse_xml(xml, text, xliff.string());
      XliffWriteOptions write;
      write.version = xliff_version_of(xml) == "1.2" ? "1.2" : "2.0";
      write.cat_profile = config.settings_for(lang).cat_profile;
      write.display = [&style](const Placeholder& p) { return render_placeholder(p, style); };
      Document doc = load_xliff_file(config, lang, release);
      const size_t n = merge_po(doc, po, diagnostics);
      if (n > 0) {
        write_file_atomically(xliff, write_xliff(doc, write));
      }
      updated += n;
    }
  }
  return updated;
}

}  // namespace relocale
