/* json.c - printing cJSON trees (see json.h). */
#include "config.h"

#include <float.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "json.h"

/* Marks a raw item whose text a function writes while json_print runs
 * (cJSON's own flags end at bit 9). */
#define JSON_WRITER_FLAG (1 << 12)

struct json_writer {
	void (*write)(struct buffer *, const void *context);
	const void *context;
};

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

/* Appends n bytes: in place while the buffer has room (the printer adds
 * a few bytes at a time, tens of thousands of times a report), else
 * through buffer_add_length, which grows it.  The terminating NUL is
 * written once, at the end of json_print. */
static inline void
json_put(struct buffer *out, const char *text, size_t n)
{
	if (out->length + n + 1 > out->capacity) {
		buffer_add_length(out, text, n);
		return;
	}
	char *to = out->data + out->length;
	if (n < 16)
		for (size_t i = 0; i < n; i++)
			to[i] = text[i];
	else
		memcpy(to, text, n);
	out->length += n;
}

/* Appends one byte (json_put). */
static inline void
json_put_char(struct buffer *out, char c)
{
	json_put(out, &c, 1);
}

/* For each byte: 0 when it is copied as it is inside a JSON string, 1
 * when it needs a look (a quote, a backslash, a control byte, or the lead
 * byte 0xC2 or 0xE2 of a sequence json_needs_escape may escape). */
static const unsigned char json_string_special[256] = {
	[0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1,
	[0x06] = 1, [0x07] = 1, [0x08] = 1, [0x09] = 1, [0x0A] = 1, [0x0B] = 1,
	[0x0C] = 1, [0x0D] = 1, [0x0E] = 1, [0x0F] = 1, [0x10] = 1, [0x11] = 1,
	[0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
	[0x18] = 1, [0x19] = 1, [0x1A] = 1, [0x1B] = 1, [0x1C] = 1, [0x1D] = 1,
	[0x1E] = 1, [0x1F] = 1, ['"'] = 1, ['\\'] = 1, [0xC2] = 1, [0xE2] = 1,
};

/* Appends a string as JSON: cJSON's escapes (quote, backslash, \b \f \n
 * \r \t, other bytes below 0x20 as \u00xx) and ours (json_needs_escape),
 * every other byte as it is, in runs. */
static void
json_print_string(const char *text, struct buffer *out)
{
	const unsigned char *p = (const unsigned char *)(text ? text : "");
	const unsigned char *plain = p;
	json_put_char(out, '"');
	for (;; p++) {
		while (!json_string_special[*p])
			p++;
		if (*p == '\0')
			break;
		unsigned long code = *p;
		size_t n = 1;
		char escape = 0;
		if (*p >= 0xC2 && !json_needs_escape(p, &code, &n))
			continue;
		json_put(out, (const char *)plain, (size_t)(p - plain));
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
			json_put_char(out, '\\');
			json_put_char(out, escape);
		} else {
			buffer_printf(out, "\\u%04lx", code);
		}
		p += n - 1;
		plain = p + 1;
	}
	json_put(out, (const char *)plain, (size_t)(p - plain));
	json_put_char(out, '"');
}

/* Writes the decimal digits of a whole number into out (at least 21
 * bytes); returns how many. */
static int
json_digits(uint64_t number, char *out)
{
	char reversed[24];
	int length = 0;
	do {
		reversed[length++] = (char)('0' + number % 10);
		number /= 10;
	} while (number > 0);
	for (int i = 0; i < length; i++)
		out[i] = reversed[length - 1 - i];
	out[length] = '\0';
	return length;
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
		int length = json_digits(digits, text);
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
 * tolerance), else %1.17g; '.' whatever the locale.  whole is the int
 * cJSON keeps beside the number (valueint). */
static void
json_print_double(double value, int whole, struct buffer *out)
{
	char text[64];
	if (isnan(value) || isinf(value)) {
		json_put(out, "null", 4);
		return;
	}
	if (value == (double)whole) {
		if (whole < 0) {
			text[0] = '-';
			/* INT_MIN's magnitude, without overflow. */
			json_digits((uint64_t)-(int64_t)whole, text + 1);
		} else {
			json_digits((uint64_t)whole, text);
		}
	} else if (!json_short_decimal(value, text, sizeof text)) {
		char *end;
		util_snprintf_c(text, sizeof text, "%1.15g", value);
		double back = util_strtod_c(text, &end);
		if (end == text || !(fabs(back - value) <=
		    fmax(fabs(back), fabs(value)) * DBL_EPSILON))
			util_snprintf_c(text, sizeof text, "%1.17g", value);
	}
	json_put(out, text, strlen(text));
}

static void
json_print_number(const cJSON *item, struct buffer *out)
{
	json_print_double(item->valuedouble, item->valueint, out);
}

/* Ends what a json_write_* function appended with the NUL the buffer
 * keeps after its text (json_put leaves it out). */
static void
json_write_end(struct buffer *out)
{
	if (out->data != NULL && out->length < out->capacity)
		out->data[out->length] = '\0';
}

/* Appends a number as json_print prints a cJSON number holding it
 * (cJSON's valueint: the number saturated to int, then truncated). */
void
json_write_number(struct buffer *out, double value)
{
	int whole = 0;
	if (!isnan(value))
		whole = value >= INT_MAX ? INT_MAX : value <= (double)INT_MIN ?
		    INT_MIN : (int)value;
	json_print_double(value, whole, out);
	json_write_end(out);
}

/* Appends text that is already JSON (punctuation). */
void
json_write_text(struct buffer *out, const char *text)
{
	json_put(out, text, strlen(text));
	json_write_end(out);
}

/* Appends a string as json_print prints a cJSON string. */
void
json_write_string(struct buffer *out, const char *text)
{
	json_print_string(text, out);
	json_write_end(out);
}

static void json_print_member(const char *key, size_t depth,
    struct buffer *out);

/* Appends the start of an object's member line as json_print writes it
 * at a nesting depth: the indentation, the quoted key, a colon, a tab. */
void
json_write_member(struct buffer *out, size_t depth, const char *key)
{
	json_print_member(key, depth, out);
	json_write_end(out);
}

/* Appends tabs for a nesting depth. */
static void
json_print_indent(size_t depth, struct buffer *out)
{
	static const char tabs[] = "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t";
	while (depth > 0) {
		size_t n = depth < sizeof tabs - 1 ? depth : sizeof tabs - 1;
		json_put(out, tabs, n);
		depth -= n;
	}
}

/* Appends a member's line up to its value: tabs, "key", ':', tab. */
static void
json_print_member(const char *key, size_t depth, struct buffer *out)
{
	json_print_indent(depth, out);
	json_print_string(key, out);
	json_put(out, ":\t", 2);
}

/* Appends a value in cJSON's formatted layout: objects one member a line,
 * indented by tabs, "key":<tab>value; arrays on one line, ", " between
 * items.  depth counts the arrays and objects around, as cJSON does. */
static void
json_print_value(const cJSON *item, size_t depth, struct buffer *out)
{
	switch (item->type & 0xFF) {
	case cJSON_NULL:
		json_put(out, "null", 4);
		break;
	case cJSON_False:
		json_put(out, "false", 5);
		break;
	case cJSON_True:
		json_put(out, "true", 4);
		break;
	case cJSON_Number:
		json_print_number(item, out);
		break;
	case cJSON_String:
		json_print_string(item->valuestring, out);
		break;
	case cJSON_Raw:
		if (item->type & JSON_WRITER_FLAG) {
			const struct json_writer *writer =
			    (const struct json_writer *)item->valuestring;
			writer->write(out, writer->context);
			break;
		}
		json_put(out, item->valuestring ? item->valuestring : "",
		    item->valuestring ? strlen(item->valuestring) : 0);
		break;
	case cJSON_Array:
		json_put_char(out, '[');
		for (const cJSON *c = item->child; c != NULL; c = c->next) {
			json_print_value(c, depth + 1, out);
			if (c->next != NULL)
				json_put(out, ", ", 2);
		}
		json_put_char(out, ']');
		break;
	case cJSON_Object:
		json_put(out, "{\n", 2);
		for (const cJSON *c = item->child; c != NULL; c = c->next) {
			json_print_member(c->string, depth + 1, out);
			json_print_value(c, depth + 1, out);
			if (c->next != NULL)
				json_put_char(out, ',');
			json_put_char(out, '\n');
		}
		json_print_indent(depth, out);
		json_put_char(out, '}');
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

/* An item json_print fills by calling write at its place (see json.h):
 * the longest list of a report goes straight into the output, not
 * through a buffer of its own first. */
cJSON *
json_raw_writer(void (*write)(struct buffer *, const void *context),
    const void *context)
{
	if (!json_arena_open)
		return NULL;
	cJSON *item = cJSON_CreateRaw("");
	struct json_writer *writer = arena_alloc(&json_arena, sizeof *writer);
	if (item == NULL || writer == NULL)
		return NULL;
	writer->write = write;
	writer->context = context;
	item->valuestring = (char *)writer;
	item->type = cJSON_Raw | cJSON_IsReference | JSON_WRITER_FLAG;
	return item;
}

/* Prints a tree in cJSON's layout, with our escapes and a number printer
 * that rarely needs printf, then frees it (see json.h). */
int
json_print(cJSON *root, struct buffer *out, char **cause)
{
	size_t start = out->length;
	json_print_value(root, 0, out);
	buffer_add_char(out, '\n');	/* and the NUL json_put leaves out */
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
