/* template.c - because: texts with fields filled from a values array (the
 * syntax and formats are described in template.h).
 *
 * A compiled template is a list of parts: literal runs, already stripped
 * of their doubled braces and stored in one string, and fields, each a
 * slot and a format.  Expanding walks the list; the data's text is only
 * ever copied, never used as a printf format. */
#include "config.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "template.h"

/* Room for any formatted number: %.3f of the largest double is 313
 * bytes. */
#define TEMPLATE_PIECE_SIZE 512
/* Most decimals the number format shows for tiny values. */
#define TEMPLATE_MAX_DECIMALS 15
/* Longest piece of the text quoted in a message, in bytes. */
#define TEMPLATE_QUOTE_MAX 40

enum template_format {
	/* The formats a field may name, in the order messages list them. */
	TEMPLATE_MONEY,
	TEMPLATE_TOKENS,
	TEMPLATE_PERCENT,
	TEMPLATE_NUMBER,
	TEMPLATE_MONTHS,
	TEMPLATE_HOURS,
	TEMPLATE_FORMAT_COUNT,
	/* Chosen by the type of the name. */
	TEMPLATE_CHOICE = TEMPLATE_FORMAT_COUNT,
	TEMPLATE_BOOL,
	/* Not a field: a run of literal text. */
	TEMPLATE_LITERAL,
};

static const char *const template_format_names[TEMPLATE_FORMAT_COUNT] = {
	"money", "tokens", "percent", "number", "months", "hours",
};

struct template_part {
	enum template_format format;
	size_t offset, length;		/* TEMPLATE_LITERAL: bytes of text */
	int slot;			/* a field: where its value is */
	const char *const *choices;	/* TEMPLATE_CHOICE: the names */
	size_t choice_count;
};

struct template {
	struct template_part *parts;
	size_t count;
	char *text;			/* the literal runs, end to end */
};

/* What compiling needs to hand around. */
struct template_compiler {
	const char *source;
	const struct expr_symbols *symbols;
	struct template *template;
	size_t capacity;		/* parts allocated */
	struct buffer text;		/* the literal runs so far */
	size_t literal_start;		/* where the pending run begins */
	size_t error_offset;
	char **cause;
};

/* How many bytes of a piece of text a message quotes: at most
 * TEMPLATE_QUOTE_MAX, not cutting a UTF-8 sequence in two. */
static int
template_quote_length(const char *text, size_t length)
{
	if (length <= TEMPLATE_QUOTE_MAX)
		return (int)length;
	length = TEMPLATE_QUOTE_MAX;
	while (length > 0 && ((unsigned char)text[length] & 0xc0) == 0x80)
		length--;
	return (int)length;
}

/* "..." after a quoted piece that was cut, else nothing. */
static const char *
template_quote_tail(size_t length)
{
	return length > TEMPLATE_QUOTE_MAX ? "..." : "";
}

/* Appends a part, growing the array; returns it or NULL without memory. */
static struct template_part *
template_add_part(struct template_compiler *c, enum template_format format)
{
	struct template *t = c->template;
	if (t->parts == NULL || t->count == c->capacity) {
		size_t capacity = c->capacity ? 2 * c->capacity : 8;
		struct template_part *parts = realloc(t->parts,
		    capacity * sizeof *parts);
		if (parts == NULL) {
			util_error(c->cause, "%s", _("out of memory"));
			return NULL;
		}
		t->parts = parts;
		c->capacity = capacity;
	}
	struct template_part *part = &t->parts[t->count++];
	memset(part, 0, sizeof *part);
	part->format = format;
	return part;
}

/* Turns the literal text gathered since the last field into a part. */
static int
template_end_literal(struct template_compiler *c)
{
	if (c->text.length == c->literal_start)
		return 0;
	struct template_part *part = template_add_part(c, TEMPLATE_LITERAL);
	if (part == NULL)
		return -1;
	part->offset = c->literal_start;
	part->length = c->text.length - c->literal_start;
	c->literal_start = c->text.length;
	return 0;
}

/* Moves start forward and end back over white space. */
static void
template_trim(const char *text, size_t *start, size_t *end)
{
	while (*start < *end && strchr(" \t\r\n", text[*start]) != NULL)
		(*start)++;
	while (*end > *start && strchr(" \t\r\n", text[*end - 1]) != NULL)
		(*end)--;
}

/* Reports a format that is not one of the names, listing them. */
static void
template_error_format(struct template_compiler *c, size_t start, size_t end)
{
	const char *format = c->source + start;
	char list[128] = "";

	for (size_t i = 0; i < TEMPLATE_FORMAT_COUNT; i++) {
		if (i > 0)
			strcat(list, ", ");
		strcat(list, template_format_names[i]);
	}
	util_error(c->cause, _("unknown format '%.*s%s' (formats are %s)"),
	    template_quote_length(format, end - start), format,
	    template_quote_tail(end - start), list);
	c->error_offset = start;
}

/* Compiles the field whose '{' is at open and '}' at close. */
static int
template_field(struct template_compiler *c, size_t open, size_t close)
{
	const char *source = c->source;
	const char *bar = memchr(source + open + 1, '|', close - open - 1);
	size_t name_start = open + 1;
	size_t name_end = bar != NULL ? (size_t)(bar - source) : close;
	const struct expr_symbol *symbol;
	enum template_format format;

	template_trim(source, &name_start, &name_end);
	if (name_start == name_end) {
		util_error(c->cause, "%s", _("empty name in '{...}'"));
		c->error_offset = name_start;
		return -1;
	}
	symbol = expr_symbol_find(c->symbols, source + name_start,
	    name_end - name_start);
	if (symbol == NULL) {
		expr_error_unknown_name(c->cause, c->symbols,
		    source + name_start, name_end - name_start);
		c->error_offset = name_start;
		return -1;
	}
	if (symbol->slot < 0) {
		util_error(c->cause,
		    _("'%s' has no value slot (internal error)"), symbol->name);
		c->error_offset = name_start;
		return -1;
	}
	format = symbol->type == EXPR_CHOICE ? TEMPLATE_CHOICE :
	    symbol->type == EXPR_BOOL ? TEMPLATE_BOOL : TEMPLATE_NUMBER;
	if (bar != NULL) {
		size_t format_start = (size_t)(bar - source) + 1;
		size_t format_end = close;
		size_t i;
		template_trim(source, &format_start, &format_end);
		for (i = 0; i < TEMPLATE_FORMAT_COUNT; i++) {
			const char *name = template_format_names[i];
			if (strlen(name) == format_end - format_start &&
			    memcmp(name, source + format_start,
			    format_end - format_start) == 0)
				break;
		}
		if (i == TEMPLATE_FORMAT_COUNT) {
			template_error_format(c, format_start, format_end);
			return -1;
		}
		if (format != TEMPLATE_NUMBER) {
			util_error(c->cause, format == TEMPLATE_CHOICE ?
			    _("'%s' is a choice and takes no format") :
			    _("'%s' is true or false and takes no format"),
			    symbol->name);
			c->error_offset = format_start;
			return -1;
		}
		format = (enum template_format)i;
	}
	struct template_part *part = template_add_part(c, format);
	if (part == NULL)
		return -1;
	part->slot = symbol->slot;
	if (format == TEMPLATE_CHOICE) {
		part->choices = symbol->choices;
		while (part->choices != NULL &&
		    part->choices[part->choice_count] != NULL)
			part->choice_count++;
	}
	return 0;
}

/* Splits text into literal runs and fields; see template.h. */
int
template_compile(const char *text, const struct expr_symbols *symbols,
    struct template **out, size_t *error_offset, char **cause)
{
	struct template_compiler c;
	size_t i = 0;

	*out = NULL;
	memset(&c, 0, sizeof c);
	c.source = text;
	c.symbols = symbols;
	c.cause = cause;
	buffer_init(&c.text);
	c.template = calloc(1, sizeof *c.template);
	if (c.template == NULL) {
		util_error(cause, "%s", _("out of memory"));
		goto fail;
	}
	while (text[i] != '\0') {
		if ((text[i] == '{' && text[i + 1] == '{') ||
		    (text[i] == '}' && text[i + 1] == '}')) {
			buffer_add_char(&c.text, text[i]);
			i += 2;
		} else if (text[i] == '}') {
			util_error(cause, "%s",
			    _("a lone '}' (write '}}' for a literal brace)"));
			c.error_offset = i;
			goto fail;
		} else if (text[i] == '{') {
			const char *close = strchr(text + i + 1, '}');
			if (close == NULL) {
				util_error(cause, "%s", _("unterminated '{' "
				    "(write '{{' for a literal brace)"));
				c.error_offset = i;
				goto fail;
			}
			if (template_end_literal(&c) != 0 ||
			    template_field(&c, i, (size_t)(close - text)) != 0)
				goto fail;
			i = (size_t)(close - text) + 1;
		} else {
			size_t run = strcspn(text + i, "{}");
			buffer_add_length(&c.text, text + i, run);
			i += run;
		}
	}
	if (template_end_literal(&c) != 0)
		goto fail;
	if (c.text.failed) {
		util_error(cause, "%s", _("out of memory"));
		goto fail;
	}
	c.template->text = c.text.data;
	*out = c.template;
	return 0;
fail:
	if (error_offset != NULL)
		*error_offset = c.error_offset;
	buffer_free(&c.text);
	template_free(c.template);
	return -1;
}

/* Writes a number in the language, never by LC_NUMERIC, with no
 * trailing zeros: three decimals, or three significant digits for values
 * below 1. */
static void
template_format_number(enum i18n_language language, char *out, size_t size,
    double value)
{
	double magnitude = fabs(value);
	int decimals = 3;

	if (magnitude > 0 && magnitude < 1) {
		decimals = 2 - (int)floor(log10(magnitude));
		if (decimals > TEMPLATE_MAX_DECIMALS)
			decimals = TEMPLATE_MAX_DECIMALS;
	}
	util_format_number_in(language, out, size, value, decimals);
}

/* Appends one field's value in its format, units and words in the
 * language. */
static void
template_expand_field(const struct template_part *part, double value,
    enum i18n_language language, struct buffer *out)
{
	char piece[TEMPLATE_PIECE_SIZE], number[TEMPLATE_PIECE_SIZE];

	if (!isfinite(value)) {
		buffer_add(out, "n/a");
		return;
	}
	switch (part->format) {
	case TEMPLATE_MONEY:
		util_format_money_in(language, piece, sizeof piece, value);
		break;
	case TEMPLATE_TOKENS:
		util_format_tokens_in(language, piece, sizeof piece, value);
		break;
	case TEMPLATE_PERCENT:
		util_format_percent_in(language, piece, sizeof piece, value);
		break;
	case TEMPLATE_NUMBER:
		template_format_number(language, piece, sizeof piece, value);
		break;
	case TEMPLATE_MONTHS:
	case TEMPLATE_HOURS:
		template_format_number(language, number, sizeof number, value);
		/* A fraction takes the plural: "1.5 months". */
		unsigned long count = util_plural_count(value);
		if (part->format == TEMPLATE_MONTHS)
			snprintf(piece, sizeof piece, i18n_plural(language,
			    "%s month", "%s months", count), number);
		else
			snprintf(piece, sizeof piece, i18n_plural(language,
			    "%s hour", "%s hours", count), number);
		break;
	case TEMPLATE_CHOICE:
		if (value >= 0 && value < (double)part->choice_count &&
		    value == floor(value))
			buffer_add(out, part->choices[(size_t)value]);
		else
			buffer_add(out, "n/a");
		return;
	case TEMPLATE_BOOL:
		buffer_add(out, value != 0 ? i18n_text(language, "yes") :
		    i18n_text(language, "no"));
		return;
	case TEMPLATE_LITERAL:
		return;
	}
	buffer_add(out, piece);
}

/* Appends the expanded template to out. */
void
template_expand(const struct template *template, const double *values,
    enum i18n_language language, struct buffer *out)
{
	for (size_t i = 0; i < template->count; i++) {
		const struct template_part *part = &template->parts[i];
		if (part->format == TEMPLATE_LITERAL)
			buffer_add_length(out, template->text + part->offset,
			    part->length);
		else
			template_expand_field(part, values[part->slot], language,
			    out);
	}
}

/* Releases a template. */
void
template_free(struct template *template)
{
	if (template == NULL)
		return;
	free(template->parts);
	free(template->text);
	free(template);
}
