#pragma once

#include <initializer_list>
#include <string>

namespace relocale {

/// Binds the "relocale" text domain to the build tree's catalogs when run from there, else to the
/// installed ones, and sets the locale from the environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
void init_i18n(const char* argv0);

/// Marks a string for xgettext without translating it here (tables of help texts).
#define N_(text) text

/// Translated message (gettext). xgettext keywords: tr, trn:1,2, trc:1c,2.
const char* tr(const char* msgid);
/// Translated message with a plural form chosen for n (ngettext).
const char* trn(const char* msgid, const char* msgid_plural, unsigned long n);
/// Translated message with a context, for words that are ambiguous on their own (pgettext).
const char* trc(const char* context, const char* msgid);

/// The language of the catalog the messages come from ("fr"), from its header; "en" when the
/// messages are untranslated. Numbers in messages are written in its conventions.
std::string message_language();

/// Replaces {1}, {2}, ... in pattern by the arguments, so translators can reorder them.
std::string subst(const std::string& pattern, std::initializer_list<std::string> args);

}  // namespace relocale
