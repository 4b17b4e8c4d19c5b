/* util.h - allocation arena, string buffer, errors, locale-proof numbers and
 * file input/output shared by every core module.  Nothing here prints or
 * exits: fallible functions return -1 and describe the problem in *cause. */
#ifndef LLMADVISOR_UTIL_H
#define LLMADVISOR_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdarg.h>
#include <time.h>

#include "i18n.h"

/* Largest file llmadvisor reads (answers, data, rules): 4 MiB. */

/* An arena hands out memory that is released all at once. */
struct arena {
	struct arena_block *first;
};

void *arena_alloc(struct arena *, size_t size);
char *arena_strdup(struct arena *, const char *text);
char *arena_strndup(struct arena *, const char *text, size_t length);
void arena_free(struct arena *);
/* Moves every block of from into into; from is empty afterwards. */
void arena_adopt(struct arena *into, struct arena *from);
/* A point in an arena's life: arena_release_to frees everything handed
 * out after it (a streamed reader's items, one at a time). */
struct arena_mark {
	struct arena_block *block;
	size_t used;
};
struct arena_mark arena_mark(const struct arena *);
void arena_release_to(struct arena *, struct arena_mark);

/* A growable, always NUL-terminated string. */
struct buffer {
	char *data;
	size_t length;
	size_t capacity;
	bool failed;		/* an allocation failed: contents are partial */
};

void buffer_init(struct buffer *);
void buffer_free(struct buffer *);
void buffer_add(struct buffer *, const char *text);
void buffer_add_length(struct buffer *, const char *text, size_t length);
void buffer_add_char(struct buffer *, char c);
void buffer_add_repeat(struct buffer *, const char *text, size_t times);
void buffer_printf(struct buffer *, const char *format, ...)
	__attribute__((format(printf, 2, 3)));
void buffer_vprintf(struct buffer *, const char *format, va_list);
/* Escapes, from byte start on, what a terminal could act on (control
 * characters but the line break, C1 controls, bidirectional overrides,
 * bytes that are not UTF-8; see util_error): renderers call it on text that quotes data files. */
void buffer_escape_controls(struct buffer *, size_t start);

/* Decodes one UTF-8 character at p; returns its length, or 0 when the
 * bytes are not well-formed UTF-8 (overlong forms and surrogates too). */
size_t util_utf8_decode(const unsigned char *p, unsigned long *code);
/* True for the bidirectional embeddings, overrides and isolates
 * (U+202A-U+202E, U+2066-U+2069): invisible, they reorder what follows
 * on the screen, so text from files shows them escaped. */
bool util_is_bidirectional_control(unsigned long code);

/* Errors: *cause receives a malloc'd message; the caller frees it.  What
 * a terminal could act on (control characters, C1 controls,
 * bidirectional overrides, bytes that are not UTF-8) is escaped, because messages quote the input. */
void util_error(char **cause, const char *format, ...)
	__attribute__((format(printf, 2, 3)));
void util_error_at(char **cause, const char *path, int line, int column,
	const char *format, ...) __attribute__((format(printf, 5, 6)));

/* Writes "first.second" into out (size bytes, cut as snprintf cuts):
 * the dotted keys of figures, built for every figure loaded. */
void util_join_dotted(char *out, size_t size, const char *first,
	const char *second);

/* Numbers independent of LC_NUMERIC.  util_parse_number accepts an
 * optional k/M/B suffix (thousand, million, billion) when allow_suffix. */
int util_parse_number(const char *text, bool allow_suffix, double *value);
/* printf with the C locale, so '.' is the decimal point whatever the user's
 * locale says. */
int util_snprintf_c(char *out, size_t size, const char *format, ...)
	__attribute__((format(printf, 3, 4)));
void buffer_printf_c(struct buffer *, const char *format, ...)
	__attribute__((format(printf, 2, 3)));
double util_strtod_c(const char *text, char **end);

/* Human-readable figures in English: "$1,234", "$0.45", "12M", "1.5B",
 * "30%", "10,000" (the _in forms with I18N_ENGLISH). */
void util_format_money(char *out, size_t size, double usd);
void util_format_tokens(char *out, size_t size, double tokens);
void util_format_percent(char *out, size_t size, double share);
void util_format_count(char *out, size_t size, unsigned long count);
/* The same in a language, never from LC_NUMERIC: I18N_TRANSLATED takes
 * the separators, the token suffixes and the places of the % and $ signs
 * from the message catalogue (msgctxt "number format"), so German reads
 * "1.234 $", "12,5 %", "50 Mio.", "1,5 Mrd." (a German "Billion" is
 * 10^12).  Money has cents only below 10; tokens have at most three
 * significant digits (not grouped: "1000B"); a percentage has one decimal
 * below 10%. */
void util_format_money_in(enum i18n_language, char *out, size_t size,
	double usd);
void util_format_tokens_in(enum i18n_language, char *out, size_t size,
	double tokens);
void util_format_percent_in(enum i18n_language, char *out, size_t size,
	double share);
void util_format_count_in(enum i18n_language, char *out, size_t size,
	unsigned long count);
/* A plain number with at most decimals digits after the point, trailing
 * zeros dropped, thousands grouped: "1,234.5", in German "1.234,5". */
void util_format_number_in(enum i18n_language, char *out, size_t size,
	double value, int decimals);
/* The same with exactly decimals digits, zeros kept: "4.00". */
void util_format_fixed_in(enum i18n_language, char *out, size_t size,
	double value, int decimals);

/* The count that chooses a plural form for a number: the number when it
 * is whole, else 2 ("1.5 months" takes the plural, as in English). */
unsigned long util_plural_count(double value);

/* Dates: days since 1970-01-01 for a calendar date, the days of a month,
 * and a time as YYYY-MM-DD in UTC (-1 and an empty string when the year
 * does not have four digits, instead of a cut or unset text). */
long util_days_from_date(int year, int month, int day);
int util_days_in_month(int year, int month);
int util_format_date(char *out, size_t size, time_t when);

/* Case-sensitive string equality that accepts NULL. */
bool util_streq(const char *a, const char *b);

/* Edit distance of two byte strings (insert, delete, change or swap two
 * neighbours: one each), for "did you mean" suggestions; both lengths at
 * most UTIL_EDIT_DISTANCE_MAX. */
#define UTIL_EDIT_DISTANCE_MAX 64
size_t util_edit_distance(const char *a, size_t a_length, const char *b,
	size_t b_length);

#endif
