// relocale segment
#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli_support.h"
#include "exit_codes.h"
#include "relocale/base/files.h"
#include "relocale/base/i18n.h"
#include "relocale/segmenter/segmenter.h"

namespace relocale::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;

int run_segment_command(const CommandContext& context) {
  CommonOptions common;
  std::string lang = "en";
  std::string rules = "locales/segmentation.srx";
  bool no_rules = false;
  po::options_description d;
  d.add_options()("help,h", po::bool_switch(&common.help), tr("show this help"))(
      "lang", po::value(&lang)->value_name("L"), tr("language of the text (default: en)"))(
      "rules", po::value(&rules)->value_name(tr("FILE")),
      tr("SRX 2.0 rules (default: locales/segmentation.srx)"))(
      "no-rules", po::bool_switch(&no_rules), tr("plain ICU sentence breaks, no SRX rules"));
  if (!parse(context,
             tr("Usage: relocale segment --lang L [--rules FILE] < text\n\nPrints one "
                "segment per line; blank-line-separated paragraphs are segmented apart "
                "and separated by an empty line."),
             d, common, "unexpected")) {
    return kSuccess;
  }
  if (!common.releases.empty()) {
    throw Error(subst(tr("segment reads standard input; unexpected argument \"{1}\""),
                      {common.releases.front()}));
  }
  SrxRules srx;
  if (!no_rules) {
    srx = load_srx_file(rules);
  }
  const Segmenter segmenter(srx, lang);
  std::ostringstream buffer;
  buffer << std::cin.rdbuf();
  const std::string input = std::move(buffer).str();
  check_utf8_text(input, "<stdin>", true);
  // Paragraphs are separated by blank lines; a single newline inside one is white space.
  std::string out;
  size_t pos = 0;
  bool first = true;
  while (pos < input.size()) {
    size_t end = input.find("\n\n", pos);
    if (end == std::string::npos) {
      end = input.size();
    }
    std::string paragraph = input.substr(pos, end - pos);
    for (auto& c : paragraph) {
      if (c == '\n' || c == '\r') {
        c = ' ';
      }
    }
    if (paragraph.find_first_not_of(" \t") != std::string::npos) {
      if (!first) {
        out += '\n';
      }
      first = false;
      for (const auto& sentence : segmenter.split(paragraph)) {
        out += sentence;
        out += '\n';
      }
    }
    pos = end + 2;
  }
  std::cout << out;
  return kSuccess;
}

}  // namespace relocale::cli
