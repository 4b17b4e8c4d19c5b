/* i18n.h - gettext shorthands used by every translatable file. */
#ifndef LLMADVISOR_I18N_H
#define LLMADVISOR_I18N_H

#if ENABLE_NLS
#include <libintl.h>
#define _(text) gettext(text)
#define ngettext_(one, many, n) ngettext(one, many, n)
/* gettext for text whose English serves two uses that other languages
 * word differently (a report heading and a narrow table cell): the
 * catalogue keys it as msgctxt context, msgid text. */
static inline const char *
i18n_pgettext(const char *context_and_text, const char *text)
{
	const char *translated = gettext(context_and_text);
	return translated == context_and_text ? text : translated;
}
#define pgettext_(context, text) i18n_pgettext(context "\004" text, text)
#else
#define _(text) (text)
#define ngettext_(one, many, n) ((n) == 1 ? (one) : (many))
#define pgettext_(context, text) (text)
#endif
/* Marks text for the catalogue without translating it here. */
#define N_(text) (text)

/* The language a view writes in, passed explicitly rather than by
 * switching the process locale: the reader's (the catalogue of the
 * current locale) or English (the msgids, as the JSON contract wants). */
enum i18n_language {
	I18N_ENGLISH,
	I18N_TRANSLATED,
};

/* _(text) in the language (xgettext keyword i18n_text:2). */
#define i18n_text(language, text) \
	((language) == I18N_TRANSLATED ? _(text) : (text))
/* ngettext_ in the language (xgettext keyword i18n_plural:2,3). */
#define i18n_plural(language, one, many, n) \
	((language) == I18N_TRANSLATED ? ngettext_(one, many, n) : \
	 (n) == 1 ? (one) : (many))

#endif
