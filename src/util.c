/* util.c - arena, buffer, errors, numbers and files for the core. */
#include "config.h"

#include <errno.h>
#include <float.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "util.h"

/* Room for %.*f of the largest double with its decimals. */
#define UTIL_NUMBER_MAX 400

/* A language's way of writing numbers (util_number_style). */
struct util_number_style {
	const char *thousands, *decimal;	/* "," and "." in English */
	const char *thousand, *million, *billion;	/* "%sk" ... */
	const char *percent, *money;	/* "%s%%", "$%s" */
};

struct arena_block {
	struct arena_block *next;
	size_t used;
	size_t size;
	max_align_t data[];
};

#define ARENA_BLOCK_SIZE 16384

/* Takes size bytes from the arena at a multiple of align (a power of
 * two). */
static void *
arena_take(struct arena *arena, size_t size, size_t align)
{
	struct arena_block *block = arena->first;
	size_t start = block ? (block->used + align - 1) & ~(align - 1) : 0;

	if (block == NULL || start > block->size || block->size - start < size) {
		size_t capacity = size > ARENA_BLOCK_SIZE ? size : ARENA_BLOCK_SIZE;
		block = malloc(sizeof *block + capacity);
		if (block == NULL)
			return NULL;
		block->size = capacity;
		block->next = arena->first;
		arena->first = block;
		start = 0;
	}
	block->used = start + size;
	return (char *)block->data + start;
}

/* Returns size bytes of aligned, zeroed memory that lives until
 * arena_free. */
void *
arena_alloc(struct arena *arena, size_t size)
{
	void *p = arena_take(arena, size, sizeof(max_align_t));
	if (p != NULL)
		memset(p, 0, size);
	return p;
}

/* Copies length bytes of text into the arena, NUL-terminated (packed:
 * text needs no alignment). */
char *
arena_strndup(struct arena *arena, const char *text, size_t length)
{
	struct arena_block *block = arena->first;
	char *copy;
	if (block != NULL && block->size - block->used > length) {
		copy = (char *)block->data + block->used;
		block->used += length + 1;
	} else if ((copy = arena_take(arena, length + 1, 1)) == NULL) {
		return NULL;
	}
	memcpy(copy, text, length);
	copy[length] = '\0';
	return copy;
}

/* Copies a NUL-terminated string into the arena. */
char *
arena_strdup(struct arena *arena, const char *text)
{
	return arena_strndup(arena, text, strlen(text));
}

/* Releases every block the arena handed out. */
void
arena_free(struct arena *arena)
{
	struct arena_block *block = arena->first;
	while (block != NULL) {
		struct arena_block *next = block->next;
		free(block);
		block = next;
	}
	arena->first = NULL;
}

/* Where the arena stands now (see util.h). */
struct arena_mark
arena_mark(const struct arena *arena)
{
	struct arena_mark mark = { arena->first,
	    arena->first ? arena->first->used : 0 };
	return mark;
}

/* Frees what was handed out after mark: the blocks begun since, and the
 * rest of the block it was in. */
void
arena_release_to(struct arena *arena, struct arena_mark mark)
{
	while (arena->first != NULL && arena->first != mark.block) {
		struct arena_block *next = arena->first->next;
		free(arena->first);
		arena->first = next;
	}
	if (arena->first != NULL)
		arena->first->used = mark.used;
}

/* Moves the blocks of one arena into another, to be freed with it. */
void
arena_adopt(struct arena *into, struct arena *from)
{
	struct arena_block **last = &from->first;
	if (from->first == NULL)
		return;
	while (*last != NULL)
		last = &(*last)->next;
	*last = into->first;
	into->first = from->first;
	from->first = NULL;
}

/* Starts an empty buffer. */
void
buffer_init(struct buffer *buffer)
{
	memset(buffer, 0, sizeof *buffer);
}

/* Releases the buffer's memory; it is empty afterwards. */
void
buffer_free(struct buffer *buffer)
{
	free(buffer->data);
	buffer_init(buffer);
}

static bool
buffer_reserve(struct buffer *buffer, size_t extra)
{
	if (buffer->failed)
		return false;
	if (buffer->length + extra + 1 <= buffer->capacity)
		return true;
	size_t capacity = buffer->capacity ? buffer->capacity : 256;
	while (capacity < buffer->length + extra + 1)
		capacity *= 2;
	char *data = realloc(buffer->data, capacity);
	if (data == NULL) {
		buffer->failed = true;
		return false;
	}
	buffer->data = data;
	buffer->capacity = capacity;
	return true;
}

/* Appends length bytes of text. */
void
buffer_add_length(struct buffer *buffer, const char *text, size_t length)
{
	if (!buffer_reserve(buffer, length))
		return;
	memcpy(buffer->data + buffer->length, text, length);
	buffer->length += length;
	buffer->data[buffer->length] = '\0';
}

/* Appends a NUL-terminated string. */
void
buffer_add(struct buffer *buffer, const char *text)
{
	buffer_add_length(buffer, text, strlen(text));
}

/* Appends one character. */
void
buffer_add_char(struct buffer *buffer, char c)
{
	buffer_add_length(buffer, &c, 1);
}

/* Appends text the given number of times (rules, padding). */
void
buffer_add_repeat(struct buffer *buffer, const char *text, size_t times)
{
	while (times-- > 0)
		buffer_add(buffer, text);
}

/* Appends formatted text (the format always comes from our own code). */
void
buffer_vprintf(struct buffer *buffer, const char *format, va_list args)
{
	va_list copy;
	va_copy(copy, args);
	int needed = vsnprintf(NULL, 0, format, copy);
	va_end(copy);
	if (needed < 0 || !buffer_reserve(buffer, (size_t)needed))
		return;
	vsnprintf(buffer->data + buffer->length, (size_t)needed + 1, format,
	    args);
	buffer->length += (size_t)needed;
}

/* Appends formatted text in the user's locale. */
void
buffer_printf(struct buffer *buffer, const char *format, ...)
{
	va_list args;
	va_start(args, format);
	buffer_vprintf(buffer, format, args);
	va_end(args);
}

static locale_t
util_c_locale(void)
{
	static locale_t c_locale;
	if (c_locale == (locale_t)0)
		c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	return c_locale;
}

/* Appends formatted text with '.' as the decimal point. */
void
buffer_printf_c(struct buffer *buffer, const char *format, ...)
{
	locale_t previous = uselocale(util_c_locale());
	va_list args;
	va_start(args, format);
	buffer_vprintf(buffer, format, args);
	va_end(args);
	uselocale(previous);
}

/* snprintf with '.' as the decimal point. */
int
util_snprintf_c(char *out, size_t size, const char *format, ...)
{
	locale_t previous = uselocale(util_c_locale());
	va_list args;
	va_start(args, format);
	int n = vsnprintf(out, size, format, args);
	va_end(args);
	uselocale(previous);
	return n;
}

/* strtod with '.' as the decimal point (no checks: util_parse_number
 * is the one for input). */
double
util_strtod_c(const char *text, char **end)
{
	return strtod_l(text, end, util_c_locale());
}

/* Decodes one UTF-8 character at p; returns its length, or 0 when the
 * bytes are not well-formed UTF-8 (overlong forms and surrogates too). */
size_t
util_utf8_decode(const unsigned char *p, unsigned long *code)
{
	size_t n;
	unsigned long c, minimum;
	if (*p < 0x80) {
		*code = *p;
		return 1;
	} else if ((*p & 0xE0) == 0xC0) {
		n = 2, c = *p & 0x1F, minimum = 0x80;
	} else if ((*p & 0xF0) == 0xE0) {
		n = 3, c = *p & 0x0F, minimum = 0x800;
	} else if ((*p & 0xF8) == 0xF0) {
		n = 4, c = *p & 0x07, minimum = 0x10000;
	} else {
		return 0;
	}
	for (size_t i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (p[i] & 0x3F);
	}
	if (c < minimum || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*code = c;
	return n;
}

/* True for U+202A-U+202E and U+2066-U+2069 (see util.h). */
bool
util_is_bidirectional_control(unsigned long code)
{
	return (code >= 0x202A && code <= 0x202E) ||
	    (code >= 0x2066 && code <= 0x2069);
}

/* Bytes at p, up to the first that needs an escape (or the end), that a
 * terminal shows as they are: printable ASCII, UTF-8 letters above the C1
 * controls but the bidirectional overrides, and line breaks when
 * keep_newlines. */
static size_t
util_plain_length(const unsigned char *p, bool keep_newlines)
{
	const unsigned char *start = p;
	for (;;) {
		unsigned long c;
		size_t n;
		if ((*p >= 0x20 && *p < 0x7F) || (*p == '\n' && keep_newlines)) {
			p++;
			continue;
		}
		if (*p >= 0x80 && (n = util_utf8_decode(p, &c)) > 0 && c > 0x9F &&
		    !util_is_bidirectional_control(c)) {
			p += n;
			continue;
		}
		return (size_t)(p - start);
	}
}

/* Appends text with what a terminal could act on made visible: control
 * characters as \t, \n, \r or \xNN, C1 controls and bidirectional
 * overrides as \uNNNN and bytes
 * that are not UTF-8 as \xNN.  Letters of any language stay, and line
 * breaks when keep_newlines. */
static void
util_escape_controls(struct buffer *out, const char *text,
    bool keep_newlines)
{
	const unsigned char *p = (const unsigned char *)text;
	for (;;) {
		size_t plain = util_plain_length(p, keep_newlines);
		unsigned long c;
		size_t n;
		buffer_add_length(out, (const char *)p, plain);
		p += plain;
		if (*p == '\0')
			return;
		n = util_utf8_decode(p, &c);
		if (n == 0)
			buffer_printf(out, "\\x%02X", *p++);
		else if (c == '\t' || c == '\n' || c == '\r') {
			buffer_add_char(out, '\\');
			buffer_add_char(out, c == '\t' ? 't' : c == '\n' ? 'n' : 'r');
			p++;
		} else if (c < 0x80) {
			buffer_printf(out, "\\x%02lX", c);
			p++;
		} else {
			/* A C1 control or a bidirectional override. */
			buffer_printf(out, "\\u%04lX", c);
			p += n;
		}
	}
}

/* Escapes what a terminal could act on in the buffer from byte start on,
 * keeping line breaks (see util.h). */
void
buffer_escape_controls(struct buffer *buffer, size_t start)
{
	struct buffer escaped;
	if (buffer->failed || buffer->data == NULL || start >= buffer->length)
		return;
	/* The common case, nothing to escape, costs one scan. */
	start += util_plain_length((const unsigned char *)buffer->data + start,
	    true);
	if (start >= buffer->length)
		return;
	buffer_init(&escaped);
	util_escape_controls(&escaped, buffer->data + start, true);
	if (escaped.failed) {
		buffer->failed = true;
	} else {
		buffer->length = start;
		buffer_add_length(buffer, escaped.data, escaped.length);
	}
	buffer_free(&escaped);
}

/* Formats prefix and message into *cause, escaped for a terminal. */
static void
util_verror(char **cause, const char *prefix, const char *format,
    va_list args)
{
	struct buffer raw, buffer;
	if (cause == NULL)
		return;
	buffer_init(&raw);
	buffer_init(&buffer);
	buffer_add(&raw, prefix);
	buffer_vprintf(&raw, format, args);
	if (!raw.failed)
		util_escape_controls(&buffer, raw.data ? raw.data : "", false);
	free(*cause);
	if (raw.failed || buffer.failed) {
		*cause = strdup("out of memory");
		buffer_free(&buffer);
	} else {
		*cause = buffer.data ? buffer.data : strdup("");
	}
	buffer_free(&raw);
}

/* Sets *cause to a formatted message (replacing any earlier one). */
void
util_error(char **cause, const char *format, ...)
{
	va_list args;
	va_start(args, format);
	util_verror(cause, "", format, args);
	va_end(args);
}

/* Sets *cause to "path:line:column: message"; line or column 0 means the
 * position is unknown and is left out. */
void
util_error_at(char **cause, const char *path, int line, int column,
    const char *format, ...)
{
	char prefix[PATH_MAX + 64];
	va_list args;
	if (line > 0 && column > 0)
		snprintf(prefix, sizeof prefix, "%s:%d:%d: ", path, line, column);
	else if (line > 0)
		snprintf(prefix, sizeof prefix, "%s:%d: ", path, line);
	else
		snprintf(prefix, sizeof prefix, "%s: ", path);
	va_start(args, format);
	util_verror(cause, prefix, format, args);
	va_end(args);
}

/* Joins two names with a dot (see util.h); snprintf's formatting cost
 * more than the rest of reading a figure. */
void
util_join_dotted(char *out, size_t size, const char *first,
    const char *second)
{
	if (size == 0)
		return;
	size_t used = strlen(first), length = strlen(second);
	if (used > size - 1)
		used = size - 1;
	memcpy(out, first, used);
	if (used + 1 < size) {
		out[used++] = '.';
		if (length > size - 1 - used)
			length = size - 1 - used;
		memcpy(out + used, second, length);
		used += length;
	}
	out[used] = '\0';
}

/* The power of ten of a suffix letter (k, M or m, B or G, T), or -1. */
static int
util_suffix_exponent(char letter)
{
	switch (letter) {
	case 'k': case 'K':
		return 3;
	case 'm': case 'M':	/* 250m reads as 250 million */
		return 6;
	case 'B': case 'G':
		return 9;
	case 'T':
		return 12;
	default:
		return -1;
	}
}

/* util_parse_number's common case, without strtod: [sign] digits [.
 * digits] [e [sign] digits] [suffix] with at most 15 significant digits
 * and a power of ten within 22 of them.  Such a number is an integer
 * below 2^53 times or divided by a power of ten that a double holds
 * exactly, so one correctly rounded multiplication or division gives the
 * double nearest to it, as strtod does (Clinger, "How to read floating
 * point numbers accurately", 1990).  Returns false for anything else,
 * which strtod then reads (or refuses). */
static bool
util_parse_simple_number(const char *p, bool allow_suffix, double *value)
{
	static const double powers[23] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
		1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
	};
	bool negative = *p == '-';
	uint64_t mantissa = 0;
	int digits = 0, significant = 0, exponent = 0;
	bool exponent_written = false;

#if !defined(FLT_EVAL_METHOD) || FLT_EVAL_METHOD < 0 || FLT_EVAL_METHOD > 1
	/* Wider intermediates (the x87) would round twice. */
	return false;
#endif

	if (*p == '+' || *p == '-')
		p++;
	for (; *p >= '0' && *p <= '9'; p++, digits++)
		if (significant > 0 || *p != '0') {
			mantissa = mantissa * 10 + (uint64_t)(*p - '0');
			significant++;
		}
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++, digits++) {
			exponent--;
			if (significant > 0 || *p != '0') {
				mantissa = mantissa * 10 + (uint64_t)(*p - '0');
				significant++;
			}
		}
	if (digits == 0 || significant > 15)
		return false;
	if (*p == 'e' || *p == 'E') {
		bool below = false;
		int written = 0, power = 0;
		p++;
		if (*p == '+' || *p == '-')
			below = *p++ == '-';
		for (; *p >= '0' && *p <= '9' && written < 4; p++, written++)
			power = power * 10 + (*p - '0');
		if (written == 0 || (*p >= '0' && *p <= '9'))
			return false;
		exponent += below ? -power : power;
		exponent_written = true;
	}
	/* A suffix follows digits only: "1e5k" is refused as strtod's
	 * path refuses it. */
	if (*p != '\0') {
		int scale = allow_suffix && p[1] == '\0' && !exponent_written ?
		    util_suffix_exponent(*p) : -1;
		if (scale < 0)
			return false;
		exponent += scale;
	}
	if (exponent < -22 || exponent > 22)
		return false;
	double number = exponent < 0 ? (double)mantissa / powers[-exponent] :
	    (double)mantissa * powers[exponent];
	*value = negative ? -number : number;
	return true;
}

/* Parses a finite decimal number with '.' as the decimal point, optionally
 * followed by k, M (or m), B (or G) or T; the whole text must be used.
 * Returns 0 or -1. */
int
util_parse_number(const char *text, bool allow_suffix, double *value)
{
	char *end;
	const char *p = text;

	if (text == NULL || *text == '\0' || strnlen(text, 65) > 64)
		return -1;
	if (util_parse_simple_number(text, allow_suffix, value)) {
		/* "-0" is zero: adding +0 turns -0 into +0 (see below). */
		*value += 0.0;
		return 0;
	}
	/* strtod also takes hex, inf and nan: accept digits only. */
	if (*p == '+' || *p == '-')
		p++;
	if (!((*p >= '0' && *p <= '9') || (*p == '.' && p[1] >= '0' &&
	    p[1] <= '9')))
		return -1;
	for (const char *q = p; *q != '\0'; q++)
		if (*q == 'x' || *q == 'X' || *q == ',' || *q == ' ')
			return -1;
	errno = 0;
	double number = strtod_l(text, &end, util_c_locale());
	if (end == text || errno == ERANGE)
		return -1;
	if (*end != '\0') {
		char scaled[80];
		if (!allow_suffix || end[1] != '\0')
			return -1;
		int exponent = util_suffix_exponent(*end);
		if (exponent < 0)
			return -1;
		/* 8.2M is read as 8.2e6, the double nearest to 8200000,
		 * not 8.2 * 1e6, which misses it. */
		snprintf(scaled, sizeof scaled, "%.*se%d", (int)(end - text),
		    text, exponent);
		errno = 0;
		number = strtod_l(scaled, &end, util_c_locale());
		if (*end != '\0' || errno == ERANGE)
			return -1;
	}
	if (!isfinite(number))
		return -1;
	/* "-0" is zero: adding +0 turns -0 into +0, so it prints as 0. */
	*value = number + 0.0;
	return 0;
}

/* Drops the sign of a figure that rounded to zero ("-0", "-$0.00",
 * "-0.0%"): a minus before no other digit reads as a different number. */
static void
util_drop_negative_zero(char *out)
{
	if (out[0] != '-' || strpbrk(out, "123456789") != NULL)
		return;
	memmove(out, out + 1, strlen(out));
}

/* The number conventions of a language (see util.h), from the message
 * catalogue when language is I18N_TRANSLATED: the separators, the token
 * suffixes and where the percent and dollar signs go.  The catalogue's
 * texts carry the context "number format", so "," here is not any other
 * comma of the program. */
static void
util_number_style(enum i18n_language language, struct util_number_style *s)
{
	if (language != I18N_TRANSLATED) {
		*s = (struct util_number_style) { ",", ".", "%sk", "%sM",
		    "%sB", "%s%%", "$%s" };
		return;
	}
	/* TRANSLATORS: the thousands separator in numbers, "1,000". */
	s->thousands = pgettext_("number format", ",");
	/* TRANSLATORS: the decimal point in numbers, "2.5". */
	s->decimal = pgettext_("number format", ".");
	/* TRANSLATORS: thousands of tokens, "250k". */
	s->thousand = pgettext_("number format", "%sk");
	/* TRANSLATORS: millions of tokens, "50M". */
	s->million = pgettext_("number format", "%sM");
	/* TRANSLATORS: billions (10^9) of tokens, "1.5B". */
	s->billion = pgettext_("number format", "%sB");
	/* TRANSLATORS: a percentage, "12.5%". */
	s->percent = pgettext_("number format", "%s%%");
	/* TRANSLATORS: US dollars, "$1,234"; the number is already
	 * formatted, the sign goes before it all ("-$5.00"). */
	s->money = pgettext_("number format", "$%s");
}

/* Rewrites a number printed in the C locale ("-1234.5") with the
 * language's decimal point and, when group_thousands, its thousands
 * separator (1,234). */
static void
util_localise_number(const struct util_number_style *style, const char *c,
    bool group_thousands, char *out, size_t size)
{
	struct buffer b;
	const char *digits = c, *dot = strchr(c, '.');
	size_t whole;

	buffer_init(&b);
	if (*digits == '-') {
		buffer_add_char(&b, '-');
		digits++;
	}
	whole = dot != NULL ? (size_t)(dot - digits) : strlen(digits);
	for (size_t i = 0; i < whole; i++) {
		if (group_thousands && i > 0 && (whole - i) % 3 == 0)
			buffer_add(&b, style->thousands);
		buffer_add_char(&b, digits[i]);
	}
	if (dot != NULL) {
		buffer_add(&b, style->decimal);
		buffer_add(&b, dot + 1);
	}
	snprintf(out, size, "%s", b.data != NULL && !b.failed ? b.data : "?");
	buffer_free(&b);
}

/* Drops trailing zeros after the decimal point of a C-locale number:
 * 1.50 -> 1.5, 2.00 -> 2. */
static void
util_trim_zeros(char *number)
{
	char *dot = strchr(number, '.');
	if (dot == NULL)
		return;
	char *end = dot + strlen(dot);
	while (end > dot + 1 && end[-1] == '0')
		end--;
	if (end == dot + 1)
		end = dot;
	*end = '\0';
}

/* Formats US dollars in a language: cents below $10, whole dollars with
 * thousands separators from $10 on. */
void
util_format_money_in(enum i18n_language language, char *out, size_t size,
    double usd)
{
	struct util_number_style style;
	char digits[64], number[96], money[128];
	if (!isfinite(usd)) {
		snprintf(out, size, "n/a");
		return;
	}
	util_number_style(language, &style);
	/* Nothing at all is "$0", not "$0.00": no cents to show. */
	if (usd == 0)
		util_snprintf_c(digits, sizeof digits, "0");
	else if (fabs(usd) < 10)
		util_snprintf_c(digits, sizeof digits, "%.2f", fabs(usd));
	else
		util_snprintf_c(digits, sizeof digits, "%.0f", fabs(usd));
	util_localise_number(&style, digits, true, number, sizeof number);
	snprintf(money, sizeof money, style.money, number);
	/* No minus before an amount that rounded to zero. */
	snprintf(out, size, "%s%s", usd < 0 && strpbrk(digits, "123456789") ?
	    "-" : "", money);
}

/* Formats a token count with a thousand, million or billion suffix and
 * at most three significant digits: 12M, 1.5B, 250k (in English). */
void
util_format_tokens_in(enum i18n_language language, char *out, size_t size,
    double tokens)
{
	struct util_number_style style;
	char digits[64], number[96];
	if (!isfinite(tokens)) {
		snprintf(out, size, "n/a");
		return;
	}
	util_number_style(language, &style);
	const struct { double scale; const char *suffix; } units[] = {
		{ 1e9, style.billion }, { 1e6, style.million },
		{ 1e3, style.thousand }, { 1, "%s" },
	};
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		if (fabs(tokens) >= units[i].scale || units[i].scale == 1) {
			double v = tokens / units[i].scale;
			const char *format = fabs(v) >= 100 || v == floor(v) ?
			    "%.0f" : fabs(v) >= 10 ? "%.1f" : "%.2f";
			util_snprintf_c(digits, sizeof digits, format, v);
			util_trim_zeros(digits);
			util_drop_negative_zero(digits);
			/* Ungrouped: only a count past 999B has four digits. */
			util_localise_number(&style, digits, false, number,
			    sizeof number);
			snprintf(out, size, units[i].suffix, number);
			return;
		}
	}
}

/* Formats a whole count with thousands separators: 10,000. */
void
util_format_count_in(enum i18n_language language, char *out, size_t size,
    unsigned long count)
{
	struct util_number_style style;
	char digits[32];
	util_number_style(language, &style);
	snprintf(digits, sizeof digits, "%lu", count);
	util_localise_number(&style, digits, true, out, size);
}

/* Formats a share 0..1 as a whole percentage (one decimal below 10%). */
void
util_format_percent_in(enum i18n_language language, char *out, size_t size,
    double share)
{
	struct util_number_style style;
	char digits[64], number[96];
	if (!isfinite(share)) {
		snprintf(out, size, "n/a");
		return;
	}
	util_number_style(language, &style);
	if (share != 0 && fabs(share * 100) < 9.95)	/* "9.9%", not "10.0%" */
		util_snprintf_c(digits, sizeof digits, "%.1f", share * 100);
	else
		util_snprintf_c(digits, sizeof digits, "%.0f", share * 100);
	util_drop_negative_zero(digits);
	util_localise_number(&style, digits, true, number, sizeof number);
	snprintf(out, size, style.percent, number);
}

/* A number with decimals digits after the point in a language, its
 * trailing zeros dropped when trim says so. */
static void
util_format_decimals_in(enum i18n_language language, char *out, size_t size,
    double value, int decimals, bool trim)
{
	struct util_number_style style;
	char digits[UTIL_NUMBER_MAX];
	if (!isfinite(value)) {
		snprintf(out, size, "n/a");
		return;
	}
	util_number_style(language, &style);
	util_snprintf_c(digits, sizeof digits, "%.*f", decimals, value);
	if (trim)
		util_trim_zeros(digits);
	util_drop_negative_zero(digits);
	util_localise_number(&style, digits, true, out, size);
}

/* Formats a plain number with at most decimals digits after the point
 * (trailing zeros dropped) in a language: 2.5, 1,234.57, 0.5. */
void
util_format_number_in(enum i18n_language language, char *out, size_t size,
    double value, int decimals)
{
	util_format_decimals_in(language, out, size, value, decimals, true);
}

/* Formats a number with exactly decimals digits after the point in a
 * language: 0.50, in German 0,50 (slider factors keep their width). */
void
util_format_fixed_in(enum i18n_language language, char *out, size_t size,
    double value, int decimals)
{
	util_format_decimals_in(language, out, size, value, decimals, false);
}

/* The plural count of a number (see util.h). */
unsigned long
util_plural_count(double value)
{
	return value >= 0 && value == floor(value) && value < 1e9 ?
	    (unsigned long)value : 2;
}

/* The English forms (see util.h). */
void
util_format_money(char *out, size_t size, double usd)
{
	util_format_money_in(I18N_ENGLISH, out, size, usd);
}

void
util_format_tokens(char *out, size_t size, double tokens)
{
	util_format_tokens_in(I18N_ENGLISH, out, size, tokens);
}

void
util_format_count(char *out, size_t size, unsigned long count)
{
	util_format_count_in(I18N_ENGLISH, out, size, count);
}

void
util_format_percent(char *out, size_t size, double share)
{
	util_format_percent_in(I18N_ENGLISH, out, size, share);
}

/* Days from 1970-01-01 to a proleptic Gregorian date (negative before):
 * the civil-from-days algorithm, exact for every year. */
long
util_days_from_date(int year, int month, int day)
{
	year -= month <= 2;
	long era = (year >= 0 ? year : year - 399) / 400;
	long year_of_era = year - era * 400;
	long day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 +
	    day - 1;
	long day_of_era = year_of_era * 365 + year_of_era / 4 -
	    year_of_era / 100 + day_of_year;
	return era * 146097 + day_of_era - 719468;
}

/* The number of days in a month of a year (leap years included). */
int
util_days_in_month(int year, int month)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && ((year % 4 == 0 && year % 100 != 0) ||
	    year % 400 == 0))
		return 29;
	return days[month - 1];
}

/* Formats a time as YYYY-MM-DD (UTC); -1 when the year does not fit. */
int
util_format_date(char *out, size_t size, time_t when)
{
	struct tm tm;
	if (gmtime_r(&when, &tm) == NULL || tm.tm_year + 1900 > 9999 ||
	    tm.tm_year + 1900 < 0 || size < 11 ||
	    strftime(out, size, "%Y-%m-%d", &tm) != 10) {
		if (size > 0)
			out[0] = '\0';
		return -1;
	}
	return 0;
}

/* String equality where NULL equals only NULL. */
bool
util_streq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Edit distance where inserting, deleting or changing a byte, or swapping
 * two neighbours, costs one (optimal string alignment).  Both lengths are
 * at most UTIL_EDIT_DISTANCE_MAX. */
size_t
util_edit_distance(const char *a, size_t a_length, const char *b,
    size_t b_length)
{
	size_t rows[3][UTIL_EDIT_DISTANCE_MAX + 1];
	size_t *before = rows[0], *previous = rows[1], *current = rows[2];

	for (size_t j = 0; j <= b_length; j++)
		previous[j] = j;
	for (size_t i = 1; i <= a_length; i++) {
		current[0] = i;
		for (size_t j = 1; j <= b_length; j++) {
			size_t best = previous[j - 1] + (a[i - 1] != b[j - 1]);
			if (previous[j] + 1 < best)
				best = previous[j] + 1;
			if (current[j - 1] + 1 < best)
				best = current[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && before[j - 2] + 1 < best)
				best = before[j - 2] + 1;
			current[j] = best;
		}
		size_t *spare = before;
		before = previous;
		previous = current;
		current = spare;
	}
	return previous[b_length];
}
