/* doc_json.c - the JSON reader: one recursive-descent parser that builds
 * the positioned doc tree directly, with the line and column of every
 * value and key.
 *
 * It accepts the language cJSON 1.7 accepts (which the program used to
 * read JSON with) and fails at the offset cJSON failed at, so every
 * message stays as it was.  cJSON now only writes JSON. */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "i18n.h"

struct doc_json {
	struct doc *doc;
	const unsigned char *text;
	size_t length;
	size_t offset;			/* where the parser is */
	/* The last offset whose line and column were worked out. */
	size_t cursor;
	int line, column;
	/* The first NUL escape or duplicate key: reported only when the
	 * whole text is valid JSON, as before. */
	char *deferred;
	char **cause;			/* out of memory */
};

/* Line and column (1-based) of an offset: one column per character,
 * counting UTF-8 lead bytes. */
static void
doc_json_position(struct doc_json *p, size_t offset, int *line, int *column)
{
	if (offset < p->cursor) {
		p->cursor = 0;
		p->line = p->column = 1;
	}
	for (; p->cursor < offset && p->cursor < p->length; p->cursor++) {
		unsigned char c = p->text[p->cursor];
		if (c == '\n') {
			p->line++;
			p->column = 1;
		} else if ((c & 0xC0) != 0x80) {
			p->column++;
		}
	}
	*line = p->line;
	*column = p->column;
}

/* Skips white space (any byte up to a space, as cJSON); at the end of
 * the text it stays on the last byte. */
static void
doc_json_skip_space(struct doc_json *p)
{
	if (p->offset >= p->length)
		return;
	while (p->offset < p->length && p->text[p->offset] <= ' ')
		p->offset++;
	if (p->offset == p->length)
		p->offset--;
}

/* True when the parser stands on the byte c. */
static bool
doc_json_at(const struct doc_json *p, unsigned char c)
{
	return p->offset < p->length && p->text[p->offset] == c;
}

static int
doc_json_out_of_memory(struct doc_json *p)
{
	util_error(p->cause, _("%s: out of memory"), p->doc->path);
	return -1;
}

/* Four hex digits, or 0 when any is not one (cJSON's reading). */
static unsigned
doc_json_hex4(const unsigned char *digits)
{
	unsigned value = 0;
	for (int i = 0; i < 4; i++) {
		unsigned char c = digits[i];
		value <<= 4;
		if (c >= '0' && c <= '9')
			value += (unsigned)(c - '0');
		else if (c >= 'A' && c <= 'F')
			value += 10u + (unsigned)(c - 'A');
		else if (c >= 'a' && c <= 'f')
			value += 10u + (unsigned)(c - 'a');
		else
			return 0;
	}
	return value;
}

/* Decodes the \u escape at in (one, or a surrogate pair) to UTF-8 at
 * *out; returns the escape's length, or 0 when it is invalid. */
static size_t
doc_json_unicode(const unsigned char *in, const unsigned char *end,
    unsigned char **out)
{
	unsigned long code;
	size_t length = 6, bytes;
	unsigned first, second;

	if (end - in < 6)
		return 0;
	first = doc_json_hex4(in + 2);
	if (first >= 0xDC00 && first <= 0xDFFF)
		return 0;
	if (first >= 0xD800 && first <= 0xDBFF) {
		const unsigned char *low = in + 6;
		if (end - low < 6 || low[0] != '\\' || low[1] != 'u')
			return 0;
		second = doc_json_hex4(low + 2);
		if (second < 0xDC00 || second > 0xDFFF)
			return 0;
		code = 0x10000 + (((first & 0x3FFul) << 10) |
		    (second & 0x3FFul));
		length = 12;
	} else {
		code = first;
	}
	bytes = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
	for (size_t i = bytes - 1; i > 0; i--) {
		(*out)[i] = (unsigned char)((code & 0x3F) | 0x80);
		code >>= 6;
	}
	static const unsigned char marks[] = { 0, 0x00, 0xC0, 0xE0, 0xF0 };
	(*out)[0] = (unsigned char)(code | marks[bytes]);
	*out += bytes;
	return length;
}

/* Reads the string at the offset into *value (a NUL it decodes ends the
 * text, as in cJSON); *nul_escape tells whether it spells \u0000.  On
 * failure the offset is where cJSON reported the error. */
static int
doc_json_string(struct doc_json *p, char **value, bool *nul_escape)
{
	size_t start = p->offset, end = start + 1;
	const unsigned char *in, *stop;
	unsigned char *out;

	*nul_escape = false;
	if (start >= p->length || p->text[start] != '"') {
		p->offset = start + 1;
		return 1;
	}
	while (end < p->length && p->text[end] != '"') {
		if (p->text[end] == '\\') {
			if (end + 1 >= p->length) {
				p->offset = start + 1;
				return 1;
			}
			end++;
		}
		end++;
	}
	if (end >= p->length || p->text[end] != '"') {
		p->offset = start + 1;
		return 1;
	}
	*value = arena_alloc(&p->doc->texts, end - start);
	if (*value == NULL)
		return doc_json_out_of_memory(p);
	out = (unsigned char *)*value;
	in = p->text + start + 1;
	stop = p->text + end;
	while (in < stop) {
		if (*in != '\\') {
			*out++ = *in++;
			continue;
		}
		size_t length = 2;
		switch (in[1]) {
		case 'b': *out++ = '\b'; break;
		case 'f': *out++ = '\f'; break;
		case 'n': *out++ = '\n'; break;
		case 'r': *out++ = '\r'; break;
		case 't': *out++ = '\t'; break;
		case '"':
		case '\\':
		case '/':
			*out++ = in[1];
			break;
		case 'u':
			if (stop - in >= 6 && memcmp(in + 2, "0000", 4) == 0)
				*nul_escape = true;
			length = doc_json_unicode(in, stop, &out);
			if (length != 0)
				break;
			/* FALLTHROUGH */
		default:
			p->offset = (size_t)(in - p->text);
			return 1;
		}
		in += length;
	}
	*out = '\0';
	p->offset = end + 1;
	return 0;
}

/* How much of a number's text strtod would take (as cJSON reads it):
 * sign, digits with an optional point, an optional complete exponent. */
static size_t
doc_json_number_length(const unsigned char *text, size_t length)
{
	size_t i = 0, digits = 0, j;
	if (i < length && (text[i] == '-' || text[i] == '+'))
		i++;
	for (; i < length && text[i] >= '0' && text[i] <= '9'; i++)
		digits++;
	if (i < length && text[i] == '.') {
		for (i++; i < length && text[i] >= '0' && text[i] <= '9'; i++)
			digits++;
	}
	if (digits == 0)
		return 0;
	if (i < length && (text[i] == 'e' || text[i] == 'E')) {
		j = i + 1;
		if (j < length && (text[j] == '-' || text[j] == '+'))
			j++;
		if (j < length && text[j] >= '0' && text[j] <= '9') {
			while (j < length && text[j] >= '0' && text[j] <= '9')
				j++;
			i = j;
		}
	}
	return i;
}

/* A number, true, false or null, kept as its text. */
static int
doc_json_number(struct doc_json *p, struct doc_node *node)
{
	size_t span = 0, length;
	const unsigned char *text = p->text + p->offset;
	while (p->offset + span < p->length &&
	    strchr("0123456789+-eE.", text[span]) != NULL && text[span] != '\0')
		span++;
	length = doc_json_number_length(text, span);
	if (length == 0)
		return 1;
	/* JSON has no leading zeros: 012 is not twelve (nor octal ten). */
	size_t first = text[0] == '-' || text[0] == '+';
	if (length > first + 1 && text[first] == '0' &&
	    text[first + 1] >= '0' && text[first + 1] <= '9') {
		int line, column;
		doc_json_position(p, p->offset, &line, &column);
		util_error_at(p->cause, p->doc->path, line, column,
		    _("a JSON number cannot start with 0 (got %.*s)"),
		    (int)(length > 32 ? 32 : length), (const char *)text);
		return -1;
	}
	node->scalar = arena_strndup(&p->doc->texts, (const char *)text,
	    length);
	if (node->scalar == NULL)
		return doc_json_out_of_memory(p);
	p->offset += length;
	return 0;
}

static int doc_json_value(struct doc_json *, struct doc_node *, int depth);

/* Items of a sequence or mapping while they are read. */
struct doc_json_items {
	struct doc_node *items;
	size_t count, capacity;
};

static struct doc_node *
doc_json_add(struct doc_json_items *list)
{
	if (list->count == list->capacity) {
		size_t capacity = list->capacity ? list->capacity * 2 : 8;
		struct doc_node *items = realloc(list->items,
		    capacity * sizeof *items);
		if (items == NULL)
			return NULL;
		list->items = items;
		list->capacity = capacity;
	}
	return &list->items[list->count++];
}

/* Reads the items of an array or object (the offset on its [ or {),
 * then moves them into the tree; a mapping's duplicate keys are noted
 * for later. */
static int
doc_json_container(struct doc_json *p, struct doc_node *node, int depth)
{
	bool mapping = p->text[p->offset] == '{';
	unsigned char close = mapping ? '}' : ']';
	struct doc_json_items list = { NULL, 0, 0 };
	int result = 1;

	node->type = mapping ? DOC_MAPPING : DOC_SEQUENCE;
	p->offset++;
	doc_json_skip_space(p);
	if (doc_json_at(p, close))
		goto done;
	if (p->offset >= p->length) {
		p->offset--;
		goto fail;
	}
	p->offset--;
	do {
		char *key = NULL;
		int key_line = 0, key_column = 0;
		bool nul_escape;
		struct doc_node *item;

		p->offset++;
		doc_json_skip_space(p);
		if (mapping) {
			doc_json_position(p, p->offset, &key_line, &key_column);
			if ((result = doc_json_string(p, &key, &nul_escape)) != 0)
				goto fail;
			doc_json_skip_space(p);
			result = 1;
			if (!doc_json_at(p, ':'))
				goto fail;
			p->offset++;
			doc_json_skip_space(p);
		}
		if ((item = doc_json_add(&list)) == NULL) {
			result = doc_json_out_of_memory(p);
			goto fail;
		}
		if ((result = doc_json_value(p, item, depth + 1)) != 0)
			goto fail;
		if (mapping) {
			item->key = key;
			item->key_line = key_line;
			item->key_column = key_column;
		}
		doc_json_skip_space(p);
	} while (doc_json_at(p, ','));
	result = 1;
	if (!doc_json_at(p, close))
		goto fail;
done:
	p->offset++;
	if (list.count > 0) {
		node->items = arena_alloc(&p->doc->arena,
		    list.count * sizeof *node->items);
		if (node->items == NULL) {
			result = doc_json_out_of_memory(p);
			goto fail;
		}
		memcpy(node->items, list.items, list.count * sizeof *node->items);
		node->count = list.count;
	}
	free(list.items);
	if (mapping && p->deferred == NULL)
		doc_check_duplicates(p->doc, node, &p->deferred);
	return 0;
fail:
	free(list.items);
	return result;
}

/* Reads one value at the offset into node.  Returns 0, 1 for invalid
 * JSON (the offset where cJSON would say so) or -1 with *p->cause set. */
static int
doc_json_value(struct doc_json *p, struct doc_node *node, int depth)
{
	size_t start = p->offset;
	const unsigned char *at = p->text + start;
	size_t left = p->length - start;

	memset(node, 0, sizeof *node);
	doc_json_position(p, start, &node->line, &node->column);
	if (depth > DOC_MAX_DEPTH) {
		util_error_at(p->cause, p->doc->path, node->line, node->column,
		    _("nesting deeper than %d levels"), DOC_MAX_DEPTH);
		return -1;
	}
	node->type = DOC_SCALAR;
	if (left >= 4 && memcmp(at, "null", 4) == 0) {
		node->null = true;
		node->scalar = "";
		p->offset += 4;
		return 0;
	}
	if ((left >= 5 && memcmp(at, "false", 5) == 0) ||
	    (left >= 4 && memcmp(at, "true", 4) == 0)) {
		size_t length = at[0] == 'f' ? 5 : 4;
		node->scalar = arena_strndup(&p->doc->texts, (const char *)at,
		    length);
		if (node->scalar == NULL)
			return doc_json_out_of_memory(p);
		p->offset += length;
		return 0;
	}
	if (left == 0)
		return 1;
	if (at[0] == '"') {
		char *text;
		bool nul_escape;
		int result = doc_json_string(p, &text, &nul_escape);
		if (result != 0)
			return result;
		if (nul_escape && p->deferred == NULL)
			util_error_at(&p->deferred, p->doc->path, node->line,
			    node->column, _("text contains a NUL character"));
		node->quoted = true;
		node->scalar = text;
		return 0;
	}
	if (at[0] == '-' || (at[0] >= '0' && at[0] <= '9'))
		return doc_json_number(p, node);
	if (at[0] == '[' || at[0] == '{')
		return doc_json_container(p, node, depth);
	return 1;
}

/* Refuses deep nesting, more values and keys than YAML allows
 * (DOC_MAX_NODES: the memory the tree takes stays bounded), and control
 * characters between values or inside strings (JSON allows neither).
 * This byte pass runs before the parser so that these messages win over
 * a syntax error anywhere in the text, as they always have. */
static int
doc_json_check_limits(const char *path, const char *text, size_t length,
    size_t max_nodes, char **cause)
{
	int depth = 0, line = 1, column = 1;
	size_t nodes = 1;		/* each [ { , : starts one more */
	bool in_string = false;
	for (size_t i = 0; i < length; i++) {
		char c = text[i];
		if (!in_string && strchr("[{,:", c) != NULL && c != '\0' &&
		    ++nodes > max_nodes) {
			util_error_at(cause, path, line, column,
			    _("more than %d values: file too complex"),
			    (int)max_nodes);
			return -1;
		}
		if (in_string) {
			if (c == '\\' && i + 1 < length) {
				i++;
				column++;
				c = text[i];
			} else if (c == '"') {
				in_string = false;
			}
			if ((unsigned char)c < 0x20) {
				util_error_at(cause, path, line, column,
				    _("control character in a string: JSON "
				    "writes it as an escape such as \\n"));
				return -1;
			}
		} else if (c == '"') {
			in_string = true;
		} else if (c == '{' || c == '[') {
			if (++depth > DOC_MAX_DEPTH) {
				util_error_at(cause, path, line, column,
				    _("nesting deeper than %d levels"),
				    DOC_MAX_DEPTH);
				return -1;
			}
		} else if (c == '}' || c == ']') {
			depth--;
		} else if ((unsigned char)c < 0x20 && c != '\t' && c != '\r' &&
		    c != '\n') {
			util_error_at(cause, path, line, column,
			    _("invalid JSON"));
			return -1;
		}
		if (c == '\n') {
			line++;
			column = 1;
		} else if ((c & 0xC0) != 0x80) {
			column++;
		}
	}
	return 0;
}

/* Parses JSON into a positioned tree of at most max_nodes values. */
int
doc_parse_json_limit(struct doc *doc, const char *path, const char *text,
    size_t length, size_t max_nodes, char **cause)
{
	struct doc_json p;
	int line, column, result;

	memset(doc, 0, sizeof *doc);
	doc->path = path;
	if (length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		/* A byte-order mark: replace it by spaces so positions hold. */
		char *copy = arena_strndup(&doc->arena, text, length);
		if (copy == NULL) {
			util_error(cause, _("%s: out of memory"), path);
			return -1;
		}
		memcpy(copy, "   ", 3);
		text = copy;
	}
	if (strspn(text, " \t\r\n") == length)
		return 0;			/* empty: all defaults */
	if (doc_json_check_limits(path, text, length, max_nodes, cause) != 0) {
		doc_free(doc);		/* the copy made for a byte-order mark */
		return -1;
	}
	memset(&p, 0, sizeof p);
	p.doc = doc;
	p.text = (const unsigned char *)text;
	p.length = length;
	p.line = p.column = 1;
	p.cause = cause;
	doc_json_skip_space(&p);
	doc->root = arena_alloc(&doc->arena, sizeof *doc->root);
	if (doc->root == NULL) {
		util_error(cause, _("%s: out of memory"), path);
		doc_free(doc);
		return -1;
	}
	result = doc_json_value(&p, doc->root, 0);
	if (result > 0) {
		size_t at = p.offset < length ? p.offset : length - 1;
		doc_json_position(&p, at, &line, &column);
		util_error_at(cause, path, line, column, _("invalid JSON"));
		result = -1;
	}
	/* A document is an object or a list: a bare null is no answers
	 * file and no price list. */
	if (result == 0 && doc->root->type == DOC_SCALAR && doc->root->null) {
		util_error_at(cause, path, doc->root->line, doc->root->column,
		    _("the JSON value at the top is null: expected an object"));
		result = -1;
	}
	/* Only white space may follow the value. */
	for (size_t i = p.offset; result == 0 && i < length; i++) {
		if (strchr(" \t\r\n", text[i]) == NULL || text[i] == '\0') {
			doc_json_position(&p, i, &line, &column);
			util_error_at(cause, path, line, column,
			    _("unexpected text after the JSON value"));
			result = -1;
		}
	}
	if (result == 0 && p.deferred != NULL) {
		*cause = p.deferred;
		p.deferred = NULL;
		result = -1;
	}
	free(p.deferred);
	if (result != 0)
		doc_free(doc);
	return result;
}

/* Parses JSON answers into a positioned tree (see doc.h). */
int
doc_parse_json(struct doc *doc, const char *path, const char *text,
    size_t length, char **cause)
{
	return doc_parse_json_limit(doc, path, text, length, DOC_MAX_NODES,
	    cause);
}
