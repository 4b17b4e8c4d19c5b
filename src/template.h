/* template.h - the because: texts of data/rules.yaml, such as
 *
 *   Self-hosting costs {cost.best_self_hosted.total|money} a month against
 *   {cost.best_api.total|money} for the API at {volume.total|tokens} tokens.
 *
 * A template is compiled once, with every name resolved to a slot of the
 * values array (the same symbols as expr.h), and then expanded as often
 * as needed with no allocation beyond growing the output buffer.
 *
 * Syntax:
 *   {name}          the value of name in its default format
 *   {name|format}   the value of a number in the given format
 *   {{ and }}       a literal { and }
 * Spaces around the name and the format are ignored: { name | money }.
 * Everything else is copied byte for byte; '%' means nothing special.
 *
 * Formats of numbers, written in the language template_expand is given
 * (never by LC_NUMERIC: English for the JSON, the catalogue's for a
 * person, so German reads 1.234,568, 1.234 $, 12 Mio., 30 %):
 *   number    at most three decimals (three significant digits below 1),
 *             thousands grouped, no trailing zeros: 2.5, 1,234.568,
 *             0.000123 (the default)
 *   money     US dollars: $0.45, $1,234 (util_format_money_in)
 *   tokens    12M, 1.5B, 250k (util_format_tokens_in)
 *   percent   a share 0..1 as a percentage: 0.3 gives 30%
 *             (util_format_percent_in)
 *   months    a number and "months" ("1 month" for exactly one)
 *   hours     a number and "hours" ("1 hour" for exactly one)
 * A choice prints the name of its choice and a true-or-false value prints
 * yes or no; neither takes a format.  NaN and infinities print "n/a", as
 * does a choice whose value is not the index of one of its choices.
 *
 * A template has no plural construct: a rule text that counts something
 * is two templates, singular and plural, which the rule chooses between
 * by a number (because_plural and plural_by, rules.h), so translations
 * get every plural form of their language through ngettext.
 *
 * Errors found by template_compile, each with the byte offset where it
 * is: an unknown name (at the name), an unknown format (at the format), a
 * format on a choice or true-or-false name (at the format), a '{' without
 * its '}' (at the '{'), an empty name (where the name should be), and a
 * lone '}' (at the '}'). */
#ifndef LLMADVISOR_TEMPLATE_H
#define LLMADVISOR_TEMPLATE_H

#include <stddef.h>

#include "expr.h"
#include "i18n.h"
#include "util.h"

struct template;

/* Compiles text into *out.  On error returns -1, sets *out to NULL,
 * *cause to a message without position and *error_offset to the byte
 * offset in text where the problem is (cause and error_offset may be
 * NULL).  The symbols' choices must outlive the template. */
int template_compile(const char *text, const struct expr_symbols *symbols,
	struct template **out, size_t *error_offset, char **cause);
/* Appends the text with every field filled from values[slot]; numbers,
 * units ("3 months") and yes/no in the language. */
void template_expand(const struct template *, const double *values,
	enum i18n_language, struct buffer *out);
/* Releases the template; NULL is allowed. */
void template_free(struct template *);

#endif
