/* doc_yaml_fast.c - a fast reader for the YAML our files use, building the
 * same tree as libyaml does in doc_yaml.c at a fraction of its cost (libyaml
 * spends about 170 instructions a byte).
 *
 * It reads one implicit document: block mappings and sequences indented
 * with spaces (compact "- key: value" and "- - x" included), plain,
 * single- and double-quoted scalars (folded over lines), literal and
 * folded block scalars without an indentation indicator, flow sequences
 * and mappings (over lines too), comments and empty values.  Whatever it
 * is not sure to read exactly as libyaml 0.2.5 does, it declines, having
 * built nothing: anchors, aliases, tags, directives, document markers,
 * "?" keys, tabs, CR, BOM, control characters, NEL/LS/PS, a line break
 * escaped in a double-quoted scalar, lines of a scalar or flow collection
 * not indented past their block, and every error (duplicate keys and the
 * node limit included, as the builder refuses them).  libyaml then reads
 * the text and gives its usual tree or message. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "doc_private.h"

/* What the block and entry readers return besides an indentation. */
#define DOC_YAML_FAST_END (-1)	/* no more content */
#define DOC_YAML_FAST_DECLINE (-2)	/* libyaml must read this text */

/* Longest key in bytes: libyaml forgets a possible key 1024 characters
 * before its ':'. */
#define DOC_YAML_FAST_MAX_KEY 1000

/* Byte classes: what ends a word of a plain scalar in block and in flow
 * context, and what cannot start one. */
enum {
	DOC_YAML_FAST_BLOCK_STOP = 1,
	DOC_YAML_FAST_FLOW_STOP = 2,
	DOC_YAML_FAST_INDICATOR = 4,
};

static const unsigned char doc_yaml_fast_class[256] = {
	[' '] = 7, ['\n'] = 7, [':'] = 7,
	[','] = 6, ['['] = 6, [']'] = 6, ['{'] = 6, ['}'] = 6,
	['-'] = 4, ['?'] = 4, ['#'] = 4, ['&'] = 4, ['*'] = 4, ['!'] = 4,
	['|'] = 4, ['>'] = 4, ['\''] = 4, ['"'] = 4, ['%'] = 4, ['@'] = 4,
	['`'] = 4,
};

struct doc_yaml_fast {
	const char *end;
	const char *p;			/* the next byte to read */
	const char *line_start;		/* the first byte of p's line */
	int line;			/* p's line, 1-based */
	bool ascii;			/* no multi-byte character at all */
	const char *column_at;		/* doc_yaml_fast_column's last answer */
	int column_value;
	struct doc_builder *builder;
	char *scratch;			/* a scalar's text when not a slice */
	size_t scratch_length, scratch_capacity;
	bool failed;			/* out of memory */
};

/* A scalar read and not attached yet. */
struct doc_yaml_fast_scalar {
	const char *text;
	size_t length;
	char style;
	int line, column;
};

/* Why a line of a plain scalar ended. */
enum doc_yaml_fast_stop {
	DOC_YAML_FAST_STOP_LINE,		/* line break or end of text */
	DOC_YAML_FAST_STOP_COMMENT,		/* p at a '#' after a space */
	DOC_YAML_FAST_STOP_COLON,		/* p at a ':' before a blank */
	DOC_YAML_FAST_STOP_FLOW,	/* p at , [ ] { } (flow context) */
	DOC_YAML_FAST_STOP_BAD,		/* decline */
};

/* True when the text holds only what the reader handles: line feeds,
 * printable ASCII and well-formed UTF-8 that libyaml reads as ordinary
 * characters (no C1 control, NEL, LS, PS or BOM).  Tabs, CR and other
 * controls are left to libyaml.  *ascii tells whether all is ASCII. */
static bool
doc_yaml_fast_check_text(const char *text, size_t length, bool *ascii)
{
	const unsigned char *p = (const unsigned char *)text;
	const unsigned char *end = p + length;
	const uint64_t ones = 0x0101010101010101u, highs = ones * 0x80;

	*ascii = true;
	while (p < end) {
		/* Sixteen bytes at a time while they are ASCII: each byte's
		 * high bit tells, exactly, whether it is at least a space and
		 * not DEL, or a line feed. */
		if (end - p >= 16) {
			uint64_t word[2], fails = 0;
			memcpy(word, p, sizeof word);
			for (int i = 0; i < 2; i++) {
				uint64_t w = word[i];
				uint64_t printable = (w + ones * 0x60) ^
				    (w + ones);
				uint64_t other = w ^ ones * '\n';
				uint64_t newline = ~((other + ones * 0x7F) |
				    other);
				fails |= (w & highs) | (~(printable | newline) &
				    highs);
			}
			if (fails == 0) {
				p += 16;
				continue;
			}
		}
		/* Otherwise character by character, for sixteen bytes. */
		const unsigned char *stop = end - p > 16 ? p + 16 : end;
		while (p < stop) {
			unsigned char c = *p;
			if ((c >= 0x20 && c < 0x7F) || c == '\n') {
				p++;
				continue;
			}
			if (c < 0xC2 || c > 0xF4)
				return false;
			*ascii = false;
			size_t n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
			if ((size_t)(end - p) < n)
				return false;
			uint32_t value = c & (0x7F >> n);
			for (size_t i = 1; i < n; i++) {
				if ((p[i] & 0xC0) != 0x80)
					return false;
				value = value << 6 | (p[i] & 0x3F);
			}
			/* Shortest form, a character libyaml takes as text. */
			if ((n == 3 && value < 0x800) ||
			    (n == 4 && value < 0x10000) || value > 0x10FFFF ||
			    value < 0xA0 ||
			    (value >= 0xD800 && value <= 0xDFFF) ||
			    value == 0x2028 || value == 0x2029 ||
			    value == 0xFEFF || value == 0xFFFE ||
			    value == 0xFFFF)
				return false;
			p += n;
		}
	}
	return true;
}

/* doc_yaml_fast_column for a text with multi-byte characters: counts on from
 * the last answer when it can. */
static int
doc_yaml_fast_count_column(struct doc_yaml_fast *y, const char *at)
{
	const char *from = y->line_start;
	int column = 1;
	if (y->column_at >= y->line_start && y->column_at <= at) {
		from = y->column_at;
		column = y->column_value;
	}
	for (; from < at; from++)
		column += ((unsigned char)*from & 0xC0) != 0x80;
	y->column_at = at;
	y->column_value = column;
	return column;
}

/* 1-based column of a byte of p's line, in characters as libyaml
 * counts. */
static inline int
doc_yaml_fast_column(struct doc_yaml_fast *y, const char *at)
{
	if (y->ascii)
		return (int)(at - y->line_start) + 1;
	return doc_yaml_fast_count_column(y, at);
}

/* The first byte from p on that is not a space (indentation is most
 * of some lines): eight bytes at a time where the byte order allows. */
static inline const char *
doc_yaml_fast_skip_spaces(const char *p, const char *end)
{
	if (p < end && *p != ' ')
		return p;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	while (end - p >= 8) {
		uint64_t word;
		memcpy(&word, p, sizeof word);
		word ^= 0x2020202020202020u;
		if (word != 0)
			return p + __builtin_ctzll(word) / 8;
		p += 8;
	}
#endif
	while (p < end && *p == ' ')
		p++;
	return p;
}

/* Steps over the line feed at p. */
static void
doc_yaml_fast_newline(struct doc_yaml_fast *y)
{
	y->p++;
	y->line++;
	y->line_start = y->p;
}

/* Makes room for more bytes of scratch text. */
static bool
doc_yaml_fast_reserve(struct doc_yaml_fast *y, size_t more)
{
	if (y->scratch_capacity - y->scratch_length >= more)
		return true;
	size_t capacity = y->scratch_capacity ? y->scratch_capacity : 256;
	while (capacity - y->scratch_length < more)
		capacity *= 2;
	char *scratch = realloc(y->scratch, capacity);
	if (scratch == NULL) {
		y->failed = true;
		return false;
	}
	y->scratch = scratch;
	y->scratch_capacity = capacity;
	return true;
}

static void
doc_yaml_fast_append(struct doc_yaml_fast *y, const char *text, size_t length)
{
	if (length > 0 && doc_yaml_fast_reserve(y, length)) {
		memcpy(y->scratch + y->scratch_length, text, length);
		y->scratch_length += length;
	}
}

static void
doc_yaml_fast_append_repeat(struct doc_yaml_fast *y, char c, size_t times)
{
	if (times > 0 && doc_yaml_fast_reserve(y, times)) {
		memset(y->scratch + y->scratch_length, c, times);
		y->scratch_length += times;
	}
}

/* Attaches a scalar read; false when the builder refuses it. */
static bool
doc_yaml_fast_attach(struct doc_yaml_fast *y,
    const struct doc_yaml_fast_scalar *s)
{
	return doc_builder_scalar(y->builder, s->text, s->length, s->style,
	    s->line, s->column) == 0;
}

/* From the start of a line, skips blank and comment lines: returns the
 * indentation of the next line with content, p on its first byte. */
static int
doc_yaml_fast_next_content(struct doc_yaml_fast *y)
{
	for (;;) {
		const char *q = y->p;
		q = doc_yaml_fast_skip_spaces(q, y->end);
		if (q < y->end && *q == '#')
			q = memchr(q, '\n', (size_t)(y->end - q));
		if (q == NULL || q == y->end) {
			y->p = y->end;
			return DOC_YAML_FAST_END;
		}
		y->p = q;
		if (*q == '\n') {
			doc_yaml_fast_newline(y);
			continue;
		}
		int indent = (int)(q - y->line_start);
		/* A document marker, or something that looks like one. */
		if (indent == 0 && y->end - q >= 3 &&
		    (memcmp(q, "---", 3) == 0 || memcmp(q, "...", 3) == 0))
			return DOC_YAML_FAST_DECLINE;
		return indent;
	}
}

/* After a value: spaces and a comment may end its line; returns the next
 * content line's indentation (doc_yaml_fast_next_content). */
static int
doc_yaml_fast_end_line(struct doc_yaml_fast *y)
{
	const char *q = y->p;
	q = doc_yaml_fast_skip_spaces(q, y->end);
	if (q < y->end && *q == '#') {
		if (q[-1] != ' ')
			return DOC_YAML_FAST_DECLINE;
		q = memchr(q, '\n', (size_t)(y->end - q));
		if (q == NULL)
			q = y->end;
	}
	y->p = q;
	if (q == y->end)
		return DOC_YAML_FAST_END;
	if (*q != '\n')
		return DOC_YAML_FAST_DECLINE;
	doc_yaml_fast_newline(y);
	return doc_yaml_fast_next_content(y);
}

/* True when p is at a block sequence's "-" (followed by a blank). */
static bool
doc_yaml_fast_is_dash(const struct doc_yaml_fast *y)
{
	const char *p = y->p;
	return p < y->end && *p == '-' &&
	    (p + 1 == y->end || p[1] == ' ' || p[1] == '\n');
}

/* True when p can start a plain scalar (any context): "-" only before
 * a letter, digit or '.', no other indicator. */
static bool
doc_yaml_fast_plain_start(const struct doc_yaml_fast *y)
{
	unsigned char c = (unsigned char)*y->p;
	if (c == '-') {
		unsigned char next = y->p + 1 < y->end ?
		    (unsigned char)y->p[1] : ' ';
		return (next >= '0' && next <= '9') ||
		    (next >= 'a' && next <= 'z') ||
		    (next >= 'A' && next <= 'Z') || next == '.';
	}
	return (doc_yaml_fast_class[c] & DOC_YAML_FAST_INDICATOR) == 0;
}

/* Reads the words of a plain scalar on p's line, as libyaml's scanner
 * ends them: *last is set to the end of the last word, p to the byte
 * that ended the scalar's line. */
static enum doc_yaml_fast_stop
doc_yaml_fast_plain_line(struct doc_yaml_fast *y, bool flow, const char **last)
{
	const unsigned char *p = (const unsigned char *)y->p;
	const unsigned char *end = (const unsigned char *)y->end;
	const unsigned char *word_end = p;
	unsigned char mask = flow ? DOC_YAML_FAST_FLOW_STOP :
	    DOC_YAML_FAST_BLOCK_STOP;
	enum doc_yaml_fast_stop stop;

	for (;;) {
		const unsigned char *run = p;
		while (p < end && (doc_yaml_fast_class[*p] & mask) == 0)
			p++;
		if (p > run)
			word_end = p;
		if (p == end || *p == '\n') {
			stop = DOC_YAML_FAST_STOP_LINE;
			break;
		}
		if (*p == ':') {
			unsigned char next = p + 1 < end ? p[1] : '\n';
			if (next == ' ' || next == '\n') {
				stop = DOC_YAML_FAST_STOP_COLON;
				break;
			}
			/* libyaml refuses these in flow context. */
			if (flow && (next == ',' || next == '?' ||
			    next == '[' || next == ']' || next == '{' ||
			    next == '}')) {
				stop = DOC_YAML_FAST_STOP_BAD;
				break;
			}
			word_end = ++p;
			continue;
		}
		if (*p == ' ') {
			p = (const unsigned char *)doc_yaml_fast_skip_spaces(
			    (const char *)p, y->end);
			if (p < end && *p == '#') {
				stop = DOC_YAML_FAST_STOP_COMMENT;
				break;
			}
			continue;
		}
		stop = DOC_YAML_FAST_STOP_FLOW;
		break;
	}
	y->p = (const char *)p;
	*last = (const char *)word_end;
	return stop;
}

/* Reads a plain scalar at p (its first byte checked): in block context,
 * lines indented more than c continue it and are folded as libyaml
 * folds them (one line break a space, n breaks n-1 line feeds).  In flow
 * context a scalar stays on its line. */
static enum doc_yaml_fast_stop
doc_yaml_fast_plain(struct doc_yaml_fast *y, int c, bool flow,
    struct doc_yaml_fast_scalar *s)
{
	const char *start = y->p, *last;
	bool copied = false;

	s->style = 0;
	s->line = y->line;
	s->column = doc_yaml_fast_column(y, start);
	enum doc_yaml_fast_stop stop = doc_yaml_fast_plain_line(y, flow, &last);
	s->text = start;
	s->length = (size_t)(last - start);
	if (stop != DOC_YAML_FAST_STOP_LINE || y->p == y->end)
		return stop;
	if (flow) {
		/* What follows must end the scalar, not continue it. */
		const char *q = y->p;
		while (q < y->end && (*q == ' ' || *q == '\n'))
			q++;
		if (q < y->end && *q != ',' && *q != ']' && *q != '}' &&
		    *q != '#')
			return DOC_YAML_FAST_STOP_BAD;
		return stop;
	}
	while (stop == DOC_YAML_FAST_STOP_LINE && y->p < y->end) {
		const char *q = y->p, *line_start;
		size_t breaks = 0;
		do {
			breaks++;
			line_start = ++q;
			q = doc_yaml_fast_skip_spaces(q, y->end);
		} while (q < y->end && *q == '\n');
		if (q == y->end || *q == '#' || q - line_start <= c)
			break;
		if (!copied) {
			y->scratch_length = 0;
			doc_yaml_fast_append(y, start, s->length);
			copied = true;
		}
		if (breaks == 1)
			doc_yaml_fast_append(y, " ", 1);
		else
			doc_yaml_fast_append_repeat(y, '\n', breaks - 1);
		y->line += (int)breaks;
		y->line_start = line_start;
		y->p = q;
		stop = doc_yaml_fast_plain_line(y, false, &last);
		doc_yaml_fast_append(y, q, (size_t)(last - q));
	}
	if (copied) {
		if (stop == DOC_YAML_FAST_STOP_COLON)
			return DOC_YAML_FAST_STOP_BAD;
		s->text = y->scratch;
		s->length = y->scratch_length;
	}
	return stop;
}

/* Reads the escape at *at (a backslash in a double-quoted scalar) into
 * the scratch text as libyaml decodes it; false for one it refuses, an
 * escaped line break, or one that gives a NUL. */
static bool
doc_yaml_fast_escape(struct doc_yaml_fast *y, const char **at)
{
	const char *p = *at + 1;
	uint32_t value = 0;
	int digits = 0;
	char bytes[4];
	size_t n;

	if (p == y->end)
		return false;
	switch (*p) {
	case 'a': value = 0x07; break;
	case 'b': value = 0x08; break;
	case 't': value = 0x09; break;
	case 'n': value = 0x0A; break;
	case 'v': value = 0x0B; break;
	case 'f': value = 0x0C; break;
	case 'r': value = 0x0D; break;
	case 'e': value = 0x1B; break;
	case ' ': value = ' '; break;
	case '"': value = '"'; break;
	case '/': value = '/'; break;
	case '\\': value = '\\'; break;
	case 'N': value = 0x85; break;
	case '_': value = 0xA0; break;
	case 'L': value = 0x2028; break;
	case 'P': value = 0x2029; break;
	case 'x': digits = 2; break;
	case 'u': digits = 4; break;
	case 'U': digits = 8; break;
	default: return false;
	}
	p++;
	for (int i = 0; i < digits; i++, p++) {
		if (p == y->end)
			return false;
		char h = *p;
		if (h >= '0' && h <= '9')
			value = value << 4 | (uint32_t)(h - '0');
		else if (h >= 'a' && h <= 'f')
			value = value << 4 | (uint32_t)(h - 'a' + 10);
		else if (h >= 'A' && h <= 'F')
			value = value << 4 | (uint32_t)(h - 'A' + 10);
		else
			return false;
	}
	if (value == 0 || (value >= 0xD800 && value <= 0xDFFF) ||
	    value > 0x10FFFF)
		return false;
	if (value <= 0x7F) {
		bytes[0] = (char)value;
		n = 1;
	} else if (value <= 0x7FF) {
		bytes[0] = (char)(0xC0 | value >> 6);
		bytes[1] = (char)(0x80 | (value & 0x3F));
		n = 2;
	} else if (value <= 0xFFFF) {
		bytes[0] = (char)(0xE0 | value >> 12);
		bytes[1] = (char)(0x80 | (value >> 6 & 0x3F));
		bytes[2] = (char)(0x80 | (value & 0x3F));
		n = 3;
	} else {
		bytes[0] = (char)(0xF0 | value >> 18);
		bytes[1] = (char)(0x80 | (value >> 12 & 0x3F));
		bytes[2] = (char)(0x80 | (value >> 6 & 0x3F));
		bytes[3] = (char)(0x80 | (value & 0x3F));
		n = 4;
	}
	doc_yaml_fast_append(y, bytes, n);
	*at = p;
	return true;
}

/* Reads a quoted scalar at p (its opening quote) as libyaml does: ''
 * and escapes decoded, spaces before a line break dropped, line breaks
 * folded.  Lines it continues on must be indented more than c. */
static bool
doc_yaml_fast_quoted(struct doc_yaml_fast *y, int c,
    struct doc_yaml_fast_scalar *s)
{
	const char *p = y->p, *end = y->end;
	char quote = *p;

	s->style = quote;
	s->line = y->line;
	s->column = doc_yaml_fast_column(y, p);
	const char *start = ++p;
	/* Most scalars are one line without escapes: a slice of the text. */
	const char *close = memchr(p, quote, (size_t)(end - p));
	if (close != NULL && memchr(p, '\n', (size_t)(close - p)) == NULL &&
	    (quote == '\'' ? close + 1 == end || close[1] != '\'' :
	    memchr(p, '\\', (size_t)(close - p)) == NULL)) {
		s->text = start;
		s->length = (size_t)(close - start);
		y->p = close + 1;
		return true;
	}
	y->scratch_length = 0;
	/* The text up to keep has no trailing spaces from the source. */
	size_t keep = 0;
	for (;;) {
		/* The rest of the line up to a quote or backslash, copied at
		 * once. */
		const char *run = p, *stop = memchr(p, '\n', (size_t)(end - p));
		if (stop == NULL)
			stop = end;
		const char *found = memchr(p, quote, (size_t)(stop - p));
		if (found != NULL)
			stop = found;
		found = memchr(p, '\\', (size_t)(stop - p));
		p = found != NULL ? found : stop;
		if (p > run) {
			const char *kept = p;
			while (kept > run && kept[-1] == ' ')
				kept--;
			if (kept > run)
				keep = y->scratch_length + (size_t)(kept - run);
			doc_yaml_fast_append(y, run, (size_t)(p - run));
		}
		if (p == end)
			return false;
		char ch = *p;
		if (ch == quote) {
			if (quote == '\'' && p + 1 < end && p[1] == '\'') {
				doc_yaml_fast_append(y, "'", 1);
				keep = y->scratch_length;
				p += 2;
				continue;
			}
			break;
		}
		if (ch == '\\') {
			if (quote == '\'') {
				doc_yaml_fast_append(y, p++, 1);
				keep = y->scratch_length;
				continue;
			}
			if (!doc_yaml_fast_escape(y, &p))
				return false;
			keep = y->scratch_length;
			continue;
		}
		/* A line break: spaces before it go, breaks fold. */
		const char *line_start;
		size_t breaks = 0;
		y->scratch_length = keep;
		do {
			breaks++;
			line_start = ++p;
			p = doc_yaml_fast_skip_spaces(p, end);
		} while (p < end && *p == '\n');
		if (p == end || p - line_start <= c)
			return false;
		y->line += (int)breaks;
		y->line_start = line_start;
		if (breaks == 1)
			doc_yaml_fast_append(y, " ", 1);
		else
			doc_yaml_fast_append_repeat(y, '\n', breaks - 1);
		keep = y->scratch_length;
	}
	y->p = p + 1;
	s->text = y->scratch;
	s->length = y->scratch_length;
	return true;
}

/* Eats the empty lines of a block scalar and the indentation of the next
 * line (up to *indent when known), as libyaml does; counts the line
 * breaks; fixes *indent from the deepest of those lines when unknown. */
static void
doc_yaml_fast_block_breaks(struct doc_yaml_fast *y, int c, int *indent,
    size_t *breaks)
{
	int deepest = 0;
	for (;;) {
		const char *p = y->p;
		while (p < y->end && *p == ' ' &&
		    (*indent == 0 || p - y->line_start < *indent))
			p++;
		if (p - y->line_start > deepest)
			deepest = (int)(p - y->line_start);
		y->p = p;
		if (p == y->end || *p != '\n')
			break;
		(*breaks)++;
		doc_yaml_fast_newline(y);
	}
	if (*indent == 0) {
		*indent = deepest;
		if (*indent < c + 1)
			*indent = c + 1;
		if (*indent < 1)
			*indent = 1;
	}
}

/* Reads a literal or folded block scalar ('|' or '>' at p, maybe with a
 * chomping indicator; no indentation indicator) as libyaml does, in a
 * block collection at column c.  Leaves p at the start of the line after
 * it. */
static bool
doc_yaml_fast_block_scalar(struct doc_yaml_fast *y, int c,
    struct doc_yaml_fast_scalar *s)
{
	const char *p = y->p, *end = y->end;
	bool literal = *p == '|';
	int chomping = 0, indent = 0;
	size_t trailing = 0;
	bool leading_break = false, leading_blank = false;

	s->style = *p;
	s->line = y->line;
	s->column = doc_yaml_fast_column(y, p);
	p++;
	if (p < end && (*p == '+' || *p == '-'))
		chomping = *p++ == '+' ? 1 : -1;
	if (p < end && *p >= '0' && *p <= '9')
		return false;
	const char *q = p;
	q = doc_yaml_fast_skip_spaces(q, end);
	if (q < end && *q == '#') {
		if (q == p)
			return false;
		q = memchr(q, '\n', (size_t)(end - q));
		if (q == NULL)
			q = end;
	}
	if (q < end && *q != '\n')
		return false;
	y->p = q;
	y->scratch_length = 0;
	if (q < end) {
		doc_yaml_fast_newline(y);
		doc_yaml_fast_block_breaks(y, c, &indent, &trailing);
	}
	while (y->p < end && y->p - y->line_start == indent) {
		bool trailing_blank = *y->p == ' ';
		if (!literal && leading_break && !leading_blank &&
		    !trailing_blank) {
			if (trailing == 0)
				doc_yaml_fast_append(y, " ", 1);
		} else if (leading_break) {
			doc_yaml_fast_append(y, "\n", 1);
		}
		leading_break = false;
		doc_yaml_fast_append_repeat(y, '\n', trailing);
		trailing = 0;
		leading_blank = trailing_blank;
		const char *line_end = memchr(y->p, '\n',
		    (size_t)(end - y->p));
		if (line_end == NULL)
			line_end = end;
		doc_yaml_fast_append(y, y->p, (size_t)(line_end - y->p));
		y->p = line_end;
		if (line_end < end) {
			leading_break = true;
			doc_yaml_fast_newline(y);
			doc_yaml_fast_block_breaks(y, c, &indent, &trailing);
		}
	}
	if (chomping != -1 && leading_break)
		doc_yaml_fast_append(y, "\n", 1);
	if (chomping == 1)
		doc_yaml_fast_append_repeat(y, '\n', trailing);
	if (y->p < end)
		y->p = y->line_start;
	s->text = y->scratch ? y->scratch : "";
	s->length = y->scratch_length;
	return true;
}

/* Skips spaces, line breaks and comments inside a flow collection: false
 * when a line there is not indented more than c or a '#' follows no
 * space. */
static bool
doc_yaml_fast_flow_space(struct doc_yaml_fast *y, int c)
{
	for (;;) {
		const char *p = y->p;
		p = doc_yaml_fast_skip_spaces(p, y->end);
		if (p < y->end && *p == '#') {
			if (p != y->line_start && p[-1] != ' ')
				return false;
			p = memchr(p, '\n', (size_t)(y->end - p));
			if (p == NULL)
				p = y->end;
		}
		y->p = p;
		if (p == y->end || *p != '\n')
			return true;
		doc_yaml_fast_newline(y);
		const char *q = y->p;
		q = doc_yaml_fast_skip_spaces(q, y->end);
		if (q < y->end && *q != '\n' && *q != '#' &&
		    q - y->line_start <= c)
			return false;
	}
}

static bool doc_yaml_fast_flow(struct doc_yaml_fast *, int c);

/* Reads one node of a flow collection at p. */
static bool
doc_yaml_fast_flow_node(struct doc_yaml_fast *y, int c)
{
	struct doc_yaml_fast_scalar s;
	char ch = *y->p;

	if (ch == '[' || ch == '{')
		return doc_yaml_fast_flow(y, c);
	if (ch == '"' || ch == '\'') {
		if (!doc_yaml_fast_quoted(y, c, &s))
			return false;
	} else {
		if (!doc_yaml_fast_plain_start(y))
			return false;
		enum doc_yaml_fast_stop stop = doc_yaml_fast_plain(y, c, true,
		    &s);
		if (stop == DOC_YAML_FAST_STOP_COLON ||
		    stop == DOC_YAML_FAST_STOP_BAD)
			return false;
	}
	return doc_yaml_fast_attach(y, &s);
}

/* Reads a flow mapping's key and its ':' at p (the key on one line). */
static bool
doc_yaml_fast_flow_key(struct doc_yaml_fast *y, int c)
{
	struct doc_yaml_fast_scalar s;
	const char *start = y->p;

	if (*start == '"' || *start == '\'') {
		if (!doc_yaml_fast_quoted(y, c, &s) || y->line != s.line)
			return false;
		while (y->p < y->end && *y->p == ' ')
			y->p++;
		if (y->p + 1 >= y->end || *y->p != ':' ||
		    (y->p[1] != ' ' && y->p[1] != '\n'))
			return false;
	} else {
		const char *last;
		if (!doc_yaml_fast_plain_start(y))
			return false;
		s.style = 0;
		s.line = y->line;
		s.column = doc_yaml_fast_column(y, start);
		if (doc_yaml_fast_plain_line(y, true, &last) !=
		    DOC_YAML_FAST_STOP_COLON)
			return false;
		s.text = start;
		s.length = (size_t)(last - start);
	}
	if (y->p - start > DOC_YAML_FAST_MAX_KEY ||
	    !doc_yaml_fast_attach(y, &s))
		return false;
	y->p++;
	return true;
}

/* Reads a flow sequence or mapping at p ('[' or '{'), over lines
 * indented more than c. */
static bool
doc_yaml_fast_flow(struct doc_yaml_fast *y, int c)
{
	bool mapping = *y->p == '{';
	char close = mapping ? '}' : ']';

	if (doc_builder_open(y->builder, mapping ? DOC_MAPPING : DOC_SEQUENCE,
	    y->line, doc_yaml_fast_column(y, y->p)) != 0)
		return false;
	y->p++;
	if (!doc_yaml_fast_flow_space(y, c) || y->p == y->end)
		return false;
	if (*y->p == close) {
		y->p++;
		return doc_builder_close(y->builder) == 0;
	}
	for (;;) {
		if (mapping && (!doc_yaml_fast_flow_key(y, c) ||
		    !doc_yaml_fast_flow_space(y, c)))
			return false;
		if (y->p == y->end || *y->p == ',' || *y->p == ']' ||
		    *y->p == '}')
			return false;
		if (!doc_yaml_fast_flow_node(y, c) ||
		    !doc_yaml_fast_flow_space(y, c) || y->p == y->end)
			return false;
		if (*y->p == ',') {
			y->p++;
			if (!doc_yaml_fast_flow_space(y, c) || y->p == y->end)
				return false;
		} else if (*y->p != close) {
			return false;
		}
		if (*y->p == close) {
			y->p++;
			return doc_builder_close(y->builder) == 0;
		}
	}
}

/* Reads a block mapping's key at p and its ':' (before a blank), the key
 * on one line.  With attach, the key is attached and p left after the
 * ':'; without, p is left where it was (a look ahead). */
static bool
doc_yaml_fast_block_key(struct doc_yaml_fast *y, bool attach)
{
	const char *start = y->p, *start_line = y->line_start;
	int line = y->line;
	struct doc_yaml_fast_scalar s;
	bool key = false;

	if (*start == '"' || *start == '\'') {
		if (doc_yaml_fast_quoted(y, -1, &s) && y->line == line) {
			const char *p = y->p;
			while (p < y->end && *p == ' ')
				p++;
			if (p < y->end && *p == ':' && (p + 1 == y->end ||
			    p[1] == ' ' || p[1] == '\n')) {
				y->p = p;
				key = true;
			}
		}
	} else if (doc_yaml_fast_plain_start(y)) {
		const char *last;
		s.style = 0;
		s.line = line;
		s.column = doc_yaml_fast_column(y, start);
		if (doc_yaml_fast_plain_line(y, false, &last) ==
		    DOC_YAML_FAST_STOP_COLON) {
			s.text = start;
			s.length = (size_t)(last - start);
			key = true;
		}
	}
	key = key && y->p - start <= DOC_YAML_FAST_MAX_KEY;
	if (key && attach) {
		y->p++;
		return doc_yaml_fast_attach(y, &s);
	}
	y->p = start;
	y->line = line;
	y->line_start = start_line;
	return key;
}

static int doc_yaml_fast_mapping(struct doc_yaml_fast *, int column);
static int doc_yaml_fast_sequence(struct doc_yaml_fast *, int column);

/* Reads a value that starts on p's line (after "key: " or "- "), in a
 * block collection at column c; returns the next content line's
 * indentation. */
static int
doc_yaml_fast_value(struct doc_yaml_fast *y, int c)
{
	struct doc_yaml_fast_scalar s;

	switch (*y->p) {
	case '[':
	case '{':
		if (!doc_yaml_fast_flow(y, c))
			return DOC_YAML_FAST_DECLINE;
		return doc_yaml_fast_end_line(y);
	case '"':
	case '\'':
		if (!doc_yaml_fast_quoted(y, c, &s))
			return DOC_YAML_FAST_DECLINE;
		break;
	case '|':
	case '>':
		if (!doc_yaml_fast_block_scalar(y, c, &s) ||
		    !doc_yaml_fast_attach(y, &s))
			return DOC_YAML_FAST_DECLINE;
		return doc_yaml_fast_next_content(y);
	default:
		if (!doc_yaml_fast_plain_start(y))
			return DOC_YAML_FAST_DECLINE;
		enum doc_yaml_fast_stop stop = doc_yaml_fast_plain(y, c, false,
		    &s);
		if (stop == DOC_YAML_FAST_STOP_COLON ||
		    stop == DOC_YAML_FAST_STOP_BAD)
			return DOC_YAML_FAST_DECLINE;
		break;
	}
	if (!doc_yaml_fast_attach(y, &s))
		return DOC_YAML_FAST_DECLINE;
	return doc_yaml_fast_end_line(y);
}

/* Reads what follows a mapping's ':' or a sequence's '-' (p just after
 * it) in a block collection at column c: a value on the same line, a
 * collection on the next lines, or nothing, a null placed where libyaml
 * places it (just after the indicator).  Returns the next content line's
 * indentation. */
static int
doc_yaml_fast_entry(struct doc_yaml_fast *y, int c, bool item, int mark_line,
    int mark_column)
{
	const char *p = y->p;

	p = doc_yaml_fast_skip_spaces(p, y->end);
	if (p < y->end && *p == '#') {
		p = memchr(p, '\n', (size_t)(y->end - p));
		if (p == NULL)
			p = y->end;
	}
	y->p = p;
	if (p == y->end || *p == '\n') {
		int indent = DOC_YAML_FAST_END;
		if (p < y->end) {
			doc_yaml_fast_newline(y);
			indent = doc_yaml_fast_next_content(y);
		}
		if (indent == DOC_YAML_FAST_DECLINE)
			return indent;
		if (indent > c && doc_yaml_fast_is_dash(y))
			return doc_yaml_fast_sequence(y, indent);
		if (indent > c)
			return doc_yaml_fast_mapping(y, indent);
		/* A sequence at the mapping's own column: its value. */
		if (indent == c && !item && doc_yaml_fast_is_dash(y))
			return doc_yaml_fast_sequence(y, c);
		struct doc_yaml_fast_scalar empty = { "", 0, 0, mark_line,
		    mark_column };
		if (!doc_yaml_fast_attach(y, &empty))
			return DOC_YAML_FAST_DECLINE;
		return indent;
	}
	if (item) {
		int column = doc_yaml_fast_column(y, p) - 1;
		if (doc_yaml_fast_is_dash(y))
			return doc_yaml_fast_sequence(y, column);
		if (doc_yaml_fast_block_key(y, false))
			return doc_yaml_fast_mapping(y, column);
	}
	return doc_yaml_fast_value(y, c);
}

/* Reads a block mapping whose first key is at p, at column (0-based)
 * column; returns the indentation of the first line after it. */
static int
doc_yaml_fast_mapping(struct doc_yaml_fast *y, int column)
{
	if (doc_builder_open(y->builder, DOC_MAPPING, y->line,
	    doc_yaml_fast_column(y, y->p)) != 0)
		return DOC_YAML_FAST_DECLINE;
	for (;;) {
		if (!doc_yaml_fast_block_key(y, true))
			return DOC_YAML_FAST_DECLINE;
		int indent = doc_yaml_fast_entry(y, column, false, y->line,
		    doc_yaml_fast_column(y, y->p));
		if (indent == DOC_YAML_FAST_DECLINE)
			return indent;
		if (indent < column) {
			if (doc_builder_close(y->builder) != 0)
				return DOC_YAML_FAST_DECLINE;
			return indent;
		}
		if (indent > column || doc_yaml_fast_is_dash(y))
			return DOC_YAML_FAST_DECLINE;
	}
}

/* Reads a block sequence whose first "-" is at p, at column (0-based)
 * column; returns the indentation of the first line after it. */
static int
doc_yaml_fast_sequence(struct doc_yaml_fast *y, int column)
{
	if (doc_builder_open(y->builder, DOC_SEQUENCE, y->line,
	    doc_yaml_fast_column(y, y->p)) != 0)
		return DOC_YAML_FAST_DECLINE;
	for (;;) {
		y->p++;
		int indent = doc_yaml_fast_entry(y, column, true, y->line,
		    doc_yaml_fast_column(y, y->p));
		if (indent == DOC_YAML_FAST_DECLINE)
			return indent;
		if (indent == column && doc_yaml_fast_is_dash(y))
			continue;
		if (indent > column || doc_builder_close(y->builder) != 0)
			return DOC_YAML_FAST_DECLINE;
		return indent;
	}
}

/* Builds doc's tree from text, or declines (see doc_private.h). */
bool
doc_yaml_fast_read(struct doc *doc, const char *text, size_t length,
    size_t max_nodes)
{
	size_t streamed;
	return doc_yaml_fast_read_stream(doc, text, length, max_nodes, NULL,
	    &streamed);
}

/* doc_yaml_fast_read with a streamed list (see doc_private.h). */
bool
doc_yaml_fast_read_stream(struct doc *doc, const char *text, size_t length,
    size_t max_nodes, const struct doc_stream *stream, size_t *streamed)
{
	struct doc_yaml_fast y;
	char *cause = NULL;
	bool ascii;

	*streamed = 0;
	if (!doc_yaml_fast_check_text(text, length, &ascii))
		return false;
	struct doc_builder *builder = calloc(1, sizeof *builder);
	if (builder == NULL)
		return false;
	builder->doc = doc;
	builder->cause = &cause;
	builder->max_nodes = max_nodes;
	builder->stream = stream;
	memset(&y, 0, sizeof y);
	y.end = text + length;
	y.p = y.line_start = text;
	y.line = 1;
	y.ascii = ascii;
	y.builder = builder;

	int indent = doc_yaml_fast_next_content(&y);
	if (indent >= 0 && (*y.p == '[' || *y.p == '{'))
		/* Its lines indented at least once: no document marker. */
		indent = doc_yaml_fast_flow(&y, 0) ?
		    doc_yaml_fast_end_line(&y) : DOC_YAML_FAST_DECLINE;
	else if (indent >= 0)
		indent = doc_yaml_fast_is_dash(&y) ?
		    doc_yaml_fast_sequence(&y, indent) :
		    doc_yaml_fast_mapping(&y, indent);
	bool read = indent == DOC_YAML_FAST_END && !y.failed;
	if (!read && builder->streamed > 0) {
		stream->restart(stream->context, doc);
		*streamed = builder->streamed;
	}
	doc_builder_free(builder);
	free(builder);
	free(cause);
	free(y.scratch);
	if (!read)
		doc_free(doc);
	return read;
}
