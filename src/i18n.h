/* i18n.h - gettext shorthands used by every translatable file. */
#ifndef LLMADVISOR_I18N_H
#define LLMADVISOR_I18N_H

#if ENABLE_NLS
#include <libintl.h>
#define _(text) gettext(text)
#define ngettext_(one, many, n) ngettext(one, many, n)
#else
#define _(text) (text)
#define ngettext_(one, many, n) ((n) == 1 ? (one) : (many))
#endif
/* Marks text for the catalogue without translating it here. */
#define N_(text) (text)

#endif
