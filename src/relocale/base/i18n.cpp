#include "relocale/base/i18n.h"

#include <clocale>
#include <cstring>
#include <filesystem>
#include <string>

#include <libintl.h>
#include <unistd.h>

#ifndef RELOCALE_LOCALEDIR
#define RELOCALE_LOCALEDIR "/usr/local/share/locale"
#endif
#ifndef RELOCALE_BUILD_LOCALEDIR
#define RELOCALE_BUILD_LOCALEDIR ""
#endif

namespace relocale {

namespace {
constexpr const char* kDomain = "relocale";

std::filesystem::path executable_dir(const char* argv0) {
  std::error_code ec;
  auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec && argv0 != nullptr) {
    self = std::filesystem::absolute(argv0, ec);
  }
  return self.parent_path();
}
}  // namespace

void init_i18n(const char* argv0) {
  std::setlocale(LC_ALL, "");
  // Messages are UTF-8 whatever the terminal's locale says, since our catalogs are UTF-8. When the
  // environment names no usable locale (C), gettext still honours LANGUAGE if LC_MESSAGES is set
  // to something other than C, so fall back to C.UTF-8 for LC_MESSAGES.
  const char* messages = std::setlocale(LC_MESSAGES, nullptr);
  if (messages == nullptr || std::strcmp(messages, "C") == 0 ||
      std::strcmp(messages, "POSIX") == 0) {
    std::setlocale(LC_MESSAGES, "C.UTF-8");
  }
  // From the build tree, the compiled catalogs sit in <build>/locale beside the binary's folder.
  std::string dir = RELOCALE_LOCALEDIR;
  const std::string build_dir = RELOCALE_BUILD_LOCALEDIR;
  const auto exe_dir = executable_dir(argv0);
  std::error_code ec;
  if (!build_dir.empty() && std::filesystem::exists(build_dir, ec) &&
      !std::filesystem::exists(exe_dir.parent_path() / "share" / "locale", ec)) {
    dir = build_dir;
  }
  if (std::filesystem::exists(exe_dir.parent_path() / "share" / "locale", ec)) {
    dir = (exe_dir.parent_path() / "share" / "locale").string();
  }
  bindtextdomain(kDomain, dir.c_str());
  bind_textdomain_codeset(kDomain, "UTF-8");
  textdomain(kDomain);
}

std::string message_language() {
  // gettext gives the catalog's header as the translation of "".
  const std::string header = dgettext(kDomain, "");
  const std::string field = "Language: ";
  const size_t at = header.find(field);
  if (at == std::string::npos || (at > 0 && header[at - 1] != '\n')) {
    return "en";
  }
  const size_t begin = at + field.size();
  const std::string language = header.substr(begin, header.find('\n', begin) - begin);
  return language.empty() ? "en" : language;
}

const char* tr(const char* msgid) {
  return dgettext(kDomain, msgid);
}

const char* trn(const char* msgid, const char* msgid_plural, unsigned long n) {
  return dngettext(kDomain, msgid, msgid_plural, n);
}

const char* trc(const char* context, const char* msgid) {
  std::string key = std::string(context) + '\004' + msgid;
  const char* translated = dgettext(kDomain, key.c_str());
  // gettext returns its argument when there is no translation: then give the bare msgid.
  if (std::strcmp(translated, key.c_str()) == 0) {
    return msgid;
  }
  return translated;
}

std::string subst(const std::string& pattern, std::initializer_list<std::string> args) {
  std::string out;
  out.reserve(pattern.size() + 32);
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{') {
      size_t end = i + 1;
      size_t index = 0;
      while (end < pattern.size() && end < i + 4 && pattern[end] >= '0' && pattern[end] <= '9') {
        index = index * 10 + static_cast<size_t>(pattern[end] - '0');
        ++end;
      }
      if (end > i + 1 && end < pattern.size() && pattern[end] == '}' && index >= 1 &&
          index <= args.size()) {
        out += *(args.begin() + (index - 1));
        i = end;
        continue;
      }
    }
    out += pattern[i];
  }
  return out;
}

}  // namespace relocale
