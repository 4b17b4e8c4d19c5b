/* json.c - printing cJSON trees (see json.h). */
#include "config.h"

#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "json.h"

/* True for the UTF-8 bytes of a C1 control (U+0080-U+009F) or of a
 * bidirectional override (U+202A-U+202E, U+2066-U+2069) at p; sets the
 * code point and the sequence length. */
static bool
json_needs_escape(const unsigned char *p, unsigned long *code, size_t *n)
{
	if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
		*code = p[1];
		*n = 2;
		return true;
	}
	if (p[0] == 0xE2 && (p[1] == 0x80 || p[1] == 0x81) &&
	    (p[2] & 0xC0) == 0x80) {
		*code = 0x2000 | (unsigned long)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
		*n = 3;
		return util_is_bidirectional_control(*code);
	}
	return false;
}

/* Appends a string as JSON: cJSON's escapes (quote, backslash, \b \f \n
 * \r \t, other bytes below 0x20 as \u00xx) and ours (json_needs_escape),
 * every other byte as it is. */
static void
json_print_string(const char *text, struct buffer *out)
{
	const unsigned char *p = (const unsigned char *)(text ? text : "");
	const unsigned char *plain = p;
	buffer_add_char(out, '"');
	for (; *p != '\0'; p++) {
		unsigned long code = *p;
		size_t n = 1;
		char escape = 0;
		if (*p >= 0x20 && *p != '"' && *p != '\\' &&
		    (*p < 0xC2 || !json_needs_escape(p, &code, &n)))
			continue;
		buffer_add_length(out, (const char *)plain, (size_t)(p - plain));
		switch (*p) {
		case '"': escape = '"'; break;
		case '\\': escape = '\\'; break;
		case '\b': escape = 'b'; break;
		case '\f': escape = 'f'; break;
		case '\n': escape = 'n'; break;
		case '\r': escape = 'r'; break;
		case '\t': escape = 't'; break;
		default: break;
		}
		if (escape != 0) {
			buffer_add_char(out, '\\');
			buffer_add_char(out, escape);
		} else {
			buffer_printf(out, "\\u%04lx", code);
		}
		p += n - 1;
		plain = p + 1;
	}
	buffer_add_length(out, (const char *)plain, (size_t)(p - plain));
	buffer_add_char(out, '"');
}

/* Writes the shortest decimal of a number (a whole one without a point),
 * when it has at most 15 significant digits and %g would not use an
 * exponent: then it is what "%1.15g" prints, found without printf and
 * scanf (thousands of figures per report).  False: not such a number. */
static bool
json_short_decimal(double value, char *out, size_t size)
{
	static const double powers[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6,
	    1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17 };
	double magnitude = fabs(value);
	if (!(magnitude >= 1e-4 && magnitude < 1e14))
		return false;
	for (int places = 0; places < (int)(sizeof powers / sizeof *powers);
	    places++) {
		double scaled = magnitude * powers[places];
		if (scaled >= 0x1p50)
			return false;
		uint64_t digits = (uint64_t)(scaled + 0.5);
		/* Division is correctly rounded: equal means the decimal
		 * reads back as exactly this number. */
		if ((double)digits / powers[places] != magnitude)
			continue;
		char text[32];
		int length = snprintf(text, sizeof text, "%" PRIu64, digits);
		int significant = length;
		for (int i = 0; i < length && text[i] == '0'; i++)
			significant--;
		if (significant > 15)
			return false;
		int whole = length - places;
		size_t at = 0;
		if (value < 0)
			out[at++] = '-';
		if (whole <= 0) {
			out[at++] = '0';
			out[at++] = '.';
			for (int i = whole; i < 0; i++)
				out[at++] = '0';
			memcpy(out + at, text, (size_t)length);
			at += (size_t)length;
		} else {
			memcpy(out + at, text, (size_t)whole);
			at += (size_t)whole;
			if (places > 0)
				out[at++] = '.';
			memcpy(out + at, text + whole, (size_t)places);
			at += (size_t)places;
		}
		out[at] = '\0';
		return at < size;
	}
	return false;
}

/* Appends a number as cJSON prints it: null when not finite, a whole
 * int with %d, else %1.15g when that reads back (within cJSON's
 * tolerance), else %1.17g; '.' whatever the locale. */
static void
json_print_number(const cJSON *item, struct buffer *out)
{
	double value = item->valuedouble;
	char text[64];
	if (isnan(value) || isinf(value)) {
		buffer_add(out, "null");
		return;
	}
	if (value == (double)item->valueint) {
		snprintf(text, sizeof text, "%d", item->valueint);
	} else if (!json_short_decimal(value, text, sizeof text)) {
		char *end;
		util_snprintf_c(text, sizeof text, "%1.15g", value);
		double back = util_strtod_c(text, &end);
		if (end == text || !(fabs(back - value) <=
		    fmax(fabs(back), fabs(value)) * DBL_EPSILON))
			util_snprintf_c(text, sizeof text, "%1.17g", value);
	}
	buffer_add(out, text);
}

/* Appends tabs for a nesting depth. */
static void
json_print_indent(size_t depth, struct buffer *out)
{
	static const char tabs[] = "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t";
	while (depth > 0) {
		size_t n = depth < sizeof tabs - 1 ? depth : sizeof tabs - 1;
		buffer_add_length(out, tabs, n);
		depth -= n;
	}
}

/* Appends a value in cJSON's formatted layout: objects one member a line,
 * indented by tabs, "key":<tab>value; arrays on one line, ", " between
 * items.  depth counts the arrays and objects around, as cJSON does. */
static void
json_print_value(const cJSON *item, size_t depth, struct buffer *out)
{
	switch (item->type & 0xFF) {
	case cJSON_NULL:
		buffer_add(out, "null");
		break;
	case cJSON_False:
		buffer_add(out, "false");
		break;
	case cJSON_True:
		buffer_add(out, "true");
		break;
	case cJSON_Number:
		json_print_number(item, out);
		break;
	case cJSON_String:
		json_print_string(item->valuestring, out);
		break;
	case cJSON_Raw:
		buffer_add(out, item->valuestring ? item->valuestring : "");
		break;
	case cJSON_Array:
		buffer_add_char(out, '[');
		for (const cJSON *c = item->child; c != NULL; c = c->next) {
			json_print_value(c, depth + 1, out);
			if (c->next != NULL)
				buffer_add_length(out, ", ", 2);
		}
		buffer_add_char(out, ']');
		break;
	case cJSON_Object:
		buffer_add_length(out, "{\n", 2);
		for (const cJSON *c = item->child; c != NULL; c = c->next) {
			json_print_indent(depth + 1, out);
			json_print_string(c->string, out);
			buffer_add_length(out, ":\t", 2);
			json_print_value(c, depth + 1, out);
			if (c->next != NULL)
				buffer_add_char(out, ',');
			buffer_add_char(out, '\n');
		}
		json_print_indent(depth, out);
		buffer_add_char(out, '}');
		break;
	default:
		out->failed = true;
		break;
	}
}

/* The arena of the document json_start began, and whether one is open. */
static struct arena json_arena;
static bool json_arena_open;

static void *
json_arena_allocate(size_t size)
{
	return arena_alloc(&json_arena, size);
}

/* Items die with the arena, all at once. */
static void
json_arena_release(void *pointer)
{
	(void)pointer;
}

/* Starts a document with cJSON allocating from the arena (see json.h). */
cJSON *
json_start(void)
{
	cJSON_Hooks hooks = { json_arena_allocate, json_arena_release };
	if (json_arena_open)
		arena_free(&json_arena);
	cJSON_InitHooks(&hooks);
	json_arena_open = true;
	return cJSON_CreateObject();
}

/* Prints a tree in cJSON's layout, with our escapes and a number printer
 * that rarely needs printf, then frees it (see json.h). */
int
json_print(cJSON *root, struct buffer *out, char **cause)
{
	size_t start = out->length;
	json_print_value(root, 0, out);
	buffer_add_char(out, '\n');
	if (json_arena_open) {
		arena_free(&json_arena);
		cJSON_InitHooks(NULL);
		json_arena_open = false;
	} else {
		cJSON_Delete(root);
	}
	if (out->failed) {
		out->length = start;
		util_error(cause, _("out of memory while writing JSON"));
		return -1;
	}
	return 0;
}
