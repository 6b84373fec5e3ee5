// relocale_limits: what the libraries alone do on the benchmark corpus, the ceiling that relocale's
// figures are compared with (bench/run). No relocale code: only ICU, cmark, pugixml and the
// standard library, with the same threads over files as relocale's pool.
//
//   relocale_limits icu     ROOT              raw ICU sentence breaks over each release (UText)
//   relocale_limits extract ROOT OUT LANGS    cmark + sentence breaks + one XLIFF 2.0 per language
//   relocale_limits check   XLIFF_DIR         pugixml parse and walk of every .xlf below
//   relocale_limits build   XLIFF_DIR OUT     pugixml parse + writing md, txt, html per XLIFF
//                                              and once per release for the source language
//
// ROOT is a generated project (ROOT/releases/*.md). Prints one JSON object: files, bytes read,
// seconds (wall), threads. RELOCALE_THREADS sets the number of threads (default: one per core).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <cmark.h>
#include <pugixml.hpp>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

namespace fs = std::filesystem;

namespace {

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_all(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

std::vector<fs::path> files_with(const fs::path& dir, const std::string& ext) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ext) {
      out.push_back(e.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

unsigned thread_count() {
  if (const char* env = std::getenv("RELOCALE_THREADS")) {
    const int n = std::atoi(env);
    if (n > 0) {
      return static_cast<unsigned>(n);
    }
  }
  return std::max(1u, std::thread::hardware_concurrency());
}

// Runs task(i, worker) over [0, count) on the threads; worker state is per thread.
template <typename Task>
void run_parallel(size_t count, unsigned threads, Task task) {
  std::atomic<size_t> next{0};
  auto worker = [&]() {
    for (size_t i = next++; i < count; i = next++) {
      task(i);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::min<size_t>(threads, count); ++t) {
    pool.emplace_back(worker);
  }
  worker();
  for (auto& t : pool) {
    t.join();
  }
}

// One sentence iterator per thread, on UTF-8 through UText: no copy to UTF-16.
class Sentences {
 public:
  Sentences() {
    UErrorCode status = U_ZERO_ERROR;
    iterator_.reset(icu::BreakIterator::createSentenceInstance(icu::Locale("en"), status));
    if (U_FAILURE(status)) {
      std::fprintf(stderr, "ICU: %s\n", u_errorName(status));
      std::exit(2);
    }
  }
  // Calls f(begin, end) for each sentence of text.
  template <typename F>
  void each(const std::string& text, F&& f) {
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    iterator_->setText(ut, status);
    int32_t start = iterator_->first();
    for (int32_t end = iterator_->next(); end != icu::BreakIterator::DONE;
         start = end, end = iterator_->next()) {
      f(static_cast<size_t>(start), static_cast<size_t>(end));
    }
    utext_close(ut);
  }

 private:
  std::unique_ptr<icu::BreakIterator> iterator_;
};

// The release's block texts (paragraphs, headings, list items): literal text of their inlines.
std::vector<std::string> blocks_of(const std::string& markdown) {
  std::vector<std::string> blocks;
  // Front matter (--- ... ---) is metadata, not Markdown.
  size_t body = 0;
  if (markdown.rfind("---\n", 0) == 0) {
    const size_t end = markdown.find("\n---\n", 3);
    body = end == std::string::npos ? 0 : end + 5;
  }
  cmark_node* doc =
      cmark_parse_document(markdown.data() + body, markdown.size() - body, CMARK_OPT_DEFAULT);
  cmark_iter* it = cmark_iter_new(doc);
  std::string current;
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    const cmark_node_type type = cmark_node_get_type(n);
    if (ev == CMARK_EVENT_ENTER && (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE)) {
      current += cmark_node_get_literal(n);
    } else if (ev == CMARK_EVENT_ENTER &&
               (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK)) {
      current += ' ';
    } else if (ev == CMARK_EVENT_EXIT &&
               (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING)) {
      blocks.push_back(std::move(current));
      current.clear();
    }
  }
  cmark_iter_free(it);
  cmark_node_free(doc);
  return blocks;
}

struct Totals {
  std::atomic<size_t> bytes{0};
  std::atomic<size_t> units{0};
  std::atomic<size_t> chars{0};
};

void print(const char* mode, size_t files, size_t bytes, double seconds, unsigned threads,
           size_t units) {
  std::printf(
      "{\"mode\": \"%s\", \"files\": %zu, \"bytes\": %zu, \"seconds\": %.6f, \"threads\": %u, "
      "\"units\": %zu}\n",
      mode, files, bytes, seconds, threads, units);
}

}  // namespace

int main(int argc, char* argv[]) {
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: relocale_limits icu ROOT | extract ROOT OUT LANGS | check XLIFF_DIR | "
                 "build XLIFF_DIR OUT\n");
    return 2;
  }
  const std::string mode = argv[1];
  const unsigned threads = thread_count();
  Totals totals;
  const auto start = std::chrono::steady_clock::now();
  size_t files = 0;
  if (mode == "icu") {
    // Only the breaking is timed: the texts are read first.
    std::vector<std::string> texts;
    for (const auto& p : files_with(fs::path(argv[2]) / "releases", ".md")) {
      texts.push_back(read_all(p));
    }
    files = texts.size();
    const auto t0 = std::chrono::steady_clock::now();
    run_parallel(texts.size(), threads, [&](size_t i) {
      thread_local Sentences sentences;
      size_t count = 0;
      sentences.each(texts[i], [&](size_t, size_t) { ++count; });
      totals.bytes += texts[i].size();
      totals.units += count;
    });
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    print("icu", files, totals.bytes, s, threads, totals.units);
    return 0;
  }
  if (mode == "extract" && argc == 5) {
    const auto sources = files_with(fs::path(argv[2]) / "releases", ".md");
    const fs::path out = argv[3];
    std::vector<std::string> langs;
    std::stringstream list(argv[4]);
    for (std::string l; std::getline(list, l, ',');) {
      langs.push_back(l);
      fs::create_directories(out / l);
    }
    files = sources.size();
    run_parallel(sources.size(), threads, [&](size_t i) {
      thread_local Sentences sentences;
      const std::string text = read_all(sources[i]);
      totals.bytes += text.size();
      const auto blocks = blocks_of(text);
      for (const auto& lang : langs) {
        pugi::xml_document doc;
        auto xliff = doc.append_child("xliff");
        xliff.append_attribute("xmlns") = "urn:oasis:names:tc:xliff:document:2.0";
        xliff.append_attribute("version") = "2.0";
        xliff.append_attribute("srcLang") = "en";
        xliff.append_attribute("trgLang") = lang.c_str();
        auto file = xliff.append_child("file");
        file.append_attribute("id") = "f1";
        size_t unit_number = 0;
        for (const auto& block : blocks) {
          auto unit = file.append_child("unit");
          unit.append_attribute("id") = ("u" + std::to_string(++unit_number)).c_str();
          sentences.each(block, [&](size_t b, size_t e) {
            auto source = unit.append_child("segment").append_child("source");
            source.append_child(pugi::node_pcdata).set_value(block.substr(b, e - b).c_str());
          });
        }
        totals.units += unit_number;
        std::ostringstream xml;
        doc.save(xml, "  ", pugi::format_default, pugi::encoding_utf8);
        write_all(out / lang / (sources[i].stem().string() + ".xlf"), xml.str());
      }
    });
  } else if (mode == "check") {
    const auto xliffs = files_with(argv[2], ".xlf");
    files = xliffs.size();
    run_parallel(xliffs.size(), threads, [&](size_t i) {
      const std::string text = read_all(xliffs[i]);
      totals.bytes += text.size();
      pugi::xml_document doc;
      if (!doc.load_buffer(text.data(), text.size())) {
        std::fprintf(stderr, "%s: not XML\n", xliffs[i].c_str());
        std::exit(2);
      }
      // Walk: segments, and the characters of their sources and targets.
      size_t segments = 0, chars = 0;
      for (auto unit : doc.select_nodes("//*[local-name()='segment']")) {
        ++segments;
        for (auto child : unit.node().children()) {
          chars += std::string_view(child.child_value()).size();
        }
      }
      totals.units += segments;
      totals.chars += chars;  // the walk's result is kept: it cannot be optimised away
    });
  } else if (mode == "build" && argc == 4) {
    // The same outputs as relocale build: each release in md, txt and html in every target
    // language, and once in the source language (from the XLIFF files of the first language).
    const auto xliffs = files_with(argv[2], ".xlf");
    const fs::path out = argv[3];
    files = xliffs.size();
    std::string first_lang;
    for (const auto& p : xliffs) {
      fs::create_directories(out / p.parent_path().filename());
      const std::string lang = p.parent_path().filename().string();
      first_lang = first_lang.empty() || lang < first_lang ? lang : first_lang;
    }
    fs::create_directories(out / "source");
    auto write_release = [](const fs::path& base, const std::string& md) {
      write_all(base.string() + ".md", md);
      write_all(base.string() + ".txt", md);
      write_all(base.string() + ".html",
                "<!DOCTYPE html>\n<html><body><p>" + md + "</p></body></html>\n");
    };
    run_parallel(xliffs.size(), threads, [&](size_t i) {
      const std::string text = read_all(xliffs[i]);
      totals.bytes += text.size();
      pugi::xml_document doc;
      doc.load_buffer(text.data(), text.size());
      const bool with_source = xliffs[i].parent_path().filename() == first_lang;
      std::string md;
      std::string source;
      for (auto seg : doc.select_nodes("//*[local-name()='segment']")) {
        auto target = seg.node().child("target");
        md += target ? target.child_value() : seg.node().child("source").child_value();
        md += ' ';
        if (with_source) {
          source += seg.node().child("source").child_value();
          source += ' ';
        }
        totals.units += 1;
      }
      write_release(out / xliffs[i].parent_path().filename() / xliffs[i].stem(), md);
      if (with_source) {
        write_release(out / "source" / xliffs[i].stem(), source);
      }
    });
  } else {
    std::fprintf(stderr, "relocale_limits: unknown mode or wrong arguments\n");
    return 2;
  }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  print(mode.c_str(), files, totals.bytes, s, threads, totals.units);
  return 0;
}
