/* doc.c - the positioned tree the YAML and JSON readers build (the
 * builder they share), and helpers to walk it. */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "doc_private.h"
#include "i18n.h"

static int
doc_compare_keys(const void *a, const void *b)
{
	const struct doc_node *x = *(const struct doc_node *const *)a;
	const struct doc_node *y = *(const struct doc_node *const *)b;
	int c = strcmp(x->key, y->key);
	if (c != 0)
		return c;
	if (x->key_line != y->key_line)
		return x->key_line - y->key_line;
	return x->key_column - y->key_column;
}

/* Reports the smallest duplicated key (in strcmp's order) at its second
 * occurrence, as a sort by key then position finds it. */
static int
doc_report_duplicate(const struct doc *doc, const struct doc_node *first,
    const struct doc_node *second, char **cause)
{
	doc_error(cause, doc, second, true,
	    _("duplicate key '%s' (first at line %d)"), second->key,
	    first->key_line);
	return -1;
}

/* A duplicate key is reported at its second occurrence.  Small mappings
 * (most) are compared pair by pair, without a sort; keys are in the
 * order of the text, so the first match of a key is its first
 * occurrence. */
int
doc_check_duplicates(const struct doc *doc, const struct doc_node *mapping,
    char **cause)
{
	if (mapping->count < 2)
		return 0;
	if (mapping->count <= 16) {
		const struct doc_node *first = NULL, *second = NULL;
		for (size_t j = 1; j < mapping->count; j++) {
			const char *key = mapping->items[j].key;
			for (size_t i = 0; i < j; i++) {
				const char *other = mapping->items[i].key;
				if (other[0] != key[0] || strcmp(other, key) != 0)
					continue;
				if (second == NULL ||
				    strcmp(key, second->key) < 0) {
					first = &mapping->items[i];
					second = &mapping->items[j];
				}
				break;
			}
		}
		return second ? doc_report_duplicate(doc, first, second, cause) :
		    0;
	}
	const struct doc_node **sorted = malloc(mapping->count * sizeof *sorted);
	if (sorted == NULL) {
		util_error(cause, _("%s: out of memory"), doc->path);
		return -1;
	}
	for (size_t i = 0; i < mapping->count; i++)
		sorted[i] = &mapping->items[i];
	qsort(sorted, mapping->count, sizeof *sorted, doc_compare_keys);
	for (size_t i = 1; i < mapping->count; i++) {
		if (strcmp(sorted[i - 1]->key, sorted[i]->key) == 0) {
			doc_report_duplicate(doc, sorted[i - 1], sorted[i],
			    cause);
			free(sorted);
			return -1;
		}
	}
	free(sorted);
	return 0;
}

/* The next child slot of the innermost container, or NULL when out of
 * memory. */
static struct doc_node *
doc_next_slot(struct doc_builder *b)
{
	if (b->children_count == b->children_capacity) {
		size_t capacity = b->children_capacity ?
		    b->children_capacity * 2 : 256;
		struct doc_node *children = realloc(b->children,
		    capacity * sizeof *children);
		if (children == NULL)
			return NULL;
		b->children = children;
		b->children_capacity = capacity;
	}
	return &b->children[b->children_count++];
}

/* Hands a finished item of the streamed list to the stream, then frees
 * what it took unless the stream keeps it (struct doc_stream). */
static int
doc_stream_item(struct doc_builder *b, const struct doc_node *node)
{
	int kept = 0;
	if (b->streamed < b->stream_skip)
		b->streamed++;		/* accepted in the fast reader's pass */
	else if ((kept = b->stream->item(b->stream->context, b->doc, node,
	    b->cause)) < 0)
		return -1;
	else
		b->streamed++;
	if (kept == 0) {
		arena_release_to(&b->doc->arena, b->stream_nodes);
		arena_release_to(&b->doc->texts, b->stream_texts);
	} else {
		b->stream_nodes = arena_mark(&b->doc->arena);
		b->stream_texts = arena_mark(&b->doc->texts);
	}
	return 0;
}

/* Adds a finished node to the container on top of the stack. */
static int
doc_attach(struct doc_builder *b, struct doc_node *node)
{
	if (++b->nodes > b->max_nodes) {
		util_error_at(b->cause, b->doc->path, node->line, node->column,
		    _("more than %d values: file too complex"),
		    (int)b->max_nodes);
		return -1;
	}
	if (b->depth == 0) {
		struct doc_node *root = arena_alloc(&b->doc->arena, sizeof *root);
		if (root == NULL)
			goto oom;
		*root = *node;
		b->doc->root = root;
		return 0;
	}
	if (b->stream_depth != 0 && b->depth == b->stream_depth)
		return doc_stream_item(b, node);
	struct doc_frame *top = &b->stack[b->depth];
	if (top->node.type == DOC_MAPPING && top->pending_key == NULL) {
		if (node->type != DOC_SCALAR || node->null) {
			util_error_at(b->cause, b->doc->path, node->line,
			    node->column, _("a mapping key must be a plain name"));
			return -1;
		}
		top->pending_key = node->scalar;
		top->pending_line = node->line;
		top->pending_column = node->column;
		return 0;
	}
	struct doc_node *slot = doc_next_slot(b);
	if (slot == NULL)
		goto oom;
	*slot = *node;
	if (top->node.type == DOC_MAPPING) {
		slot->key = top->pending_key;
		slot->key_line = top->pending_line;
		slot->key_column = top->pending_column;
		top->pending_key = NULL;
	}
	return 0;
oom:
	util_error(b->cause, _("%s: out of memory"), b->doc->path);
	return -1;
}

/* Opens a container at a 1-based position (see doc_private.h). */
int
doc_builder_open(struct doc_builder *b, enum doc_type type, int line,
    int column)
{
	if (b->depth >= DOC_MAX_DEPTH) {
		util_error_at(b->cause, b->doc->path, line, column,
		    _("nesting deeper than %d levels"), DOC_MAX_DEPTH);
		return -1;
	}
	struct doc_frame *frame = &b->stack[++b->depth];
	memset(frame, 0, sizeof *frame);
	frame->node.type = type;
	frame->node.line = line;
	frame->node.column = column;
	frame->first = b->children_count;
	/* The root mapping's streamed member, a list: its items go to the
	 * stream from here on. */
	const struct doc_frame *root = &b->stack[1];
	if (b->stream != NULL && b->depth == 2 && type == DOC_SEQUENCE &&
	    root->node.type == DOC_MAPPING && root->pending_key != NULL &&
	    strcmp(root->pending_key, b->stream->key) == 0) {
		b->stream_depth = 2;
		b->stream_nodes = arena_mark(&b->doc->arena);
		b->stream_texts = arena_mark(&b->doc->texts);
	}
	return 0;
}

/* Closes the innermost container: its keys are checked, it is attached. */
int
doc_builder_close(struct doc_builder *b)
{
	struct doc_frame *frame = &b->stack[b->depth];
	struct doc_node node = frame->node;
	size_t count = b->children_count - frame->first;
	if (b->depth == b->stream_depth)
		b->stream_depth = 0;	/* the streamed list ends, empty */
	if (count > 0) {
		node.items = arena_alloc(&b->doc->arena,
		    count * sizeof *node.items);
		if (node.items == NULL) {
			util_error(b->cause, _("%s: out of memory"), b->doc->path);
			return -1;
		}
		memcpy(node.items, b->children + frame->first,
		    count * sizeof *node.items);
		node.count = count;
	}
	b->children_count = frame->first;
	b->depth--;
	if (node.type == DOC_MAPPING &&
	    doc_check_duplicates(b->doc, &node, b->cause) != 0)
		return -1;
	return doc_attach(b, &node);
}

/* Reports a scalar the builder refuses (kept out of the hot path). */
static __attribute__((noinline, cold)) int
doc_builder_refuse(struct doc_builder *b, int line, int column, bool key)
{
	if (key)
		util_error_at(b->cause, b->doc->path, line, column,
		    _("a mapping key must be a plain name"));
	else if (line == 0)
		util_error(b->cause, _("%s: out of memory"), b->doc->path);
	else
		util_error_at(b->cause, b->doc->path, line, column,
		    _("more than %d values: file too complex"),
		    (int)b->max_nodes);
	return -1;
}

/* Attaches a scalar of the given style (see doc_private.h); the text
 * holds no NUL.  What doc_attach does, without a node in between: the
 * text is copied, then a key waits for its value, a value fills its
 * slot. */
int
doc_builder_scalar(struct doc_builder *b, const char *value, size_t length,
    char style, int line, int column)
{
	char *text = arena_strndup(&b->doc->texts, value, length);
	bool null = style == 0 && (length == 0 ||
	    (length == 1 && *value == '~') || (length == 4 &&
	    (memcmp(value, "null", 4) == 0 || memcmp(value, "Null", 4) == 0 ||
	    memcmp(value, "NULL", 4) == 0)));
	struct doc_frame *top = &b->stack[b->depth];

	if (text == NULL)
		return doc_builder_refuse(b, 0, 0, false);
	/* The root, and an item of a streamed list (a scalar where a mapping
	 * belongs must reach the stream, which refuses it): the slow way. */
	if (b->depth == 0 ||
	    (b->stream_depth != 0 && b->depth == b->stream_depth)) {
		struct doc_node node;
		memset(&node, 0, sizeof node);
		node.type = DOC_SCALAR;
		node.line = line;
		node.column = column;
		node.scalar = text;
		node.quoted = style != 0;
		node.style = style;
		node.null = null;
		return doc_attach(b, &node);
	}
	if (++b->nodes > b->max_nodes)
		return doc_builder_refuse(b, line, column, false);
	bool in_mapping = top->node.type == DOC_MAPPING;
	if (in_mapping && top->pending_key == NULL) {
		if (null)
			return doc_builder_refuse(b, line, column, true);
		top->pending_key = text;
		top->pending_line = line;
		top->pending_column = column;
		return 0;
	}
	struct doc_node *slot = doc_next_slot(b);
	if (slot == NULL)
		return doc_builder_refuse(b, 0, 0, false);
	slot->type = DOC_SCALAR;
	slot->line = line;
	slot->column = column;
	slot->scalar = text;
	slot->quoted = style != 0;
	slot->style = style;
	slot->null = null;
	slot->items = NULL;
	slot->count = 0;
	slot->key = in_mapping ? top->pending_key : NULL;
	slot->key_line = in_mapping ? top->pending_line : 0;
	slot->key_column = in_mapping ? top->pending_column : 0;
	top->pending_key = NULL;
	return 0;
}

/* Frees the builder's own memory (see doc_private.h). */
void
doc_builder_free(struct doc_builder *b)
{
	free(b->children);
	b->children = NULL;
	b->children_count = b->children_capacity = 0;
	b->depth = 0;
}

/* Line and column (1-based, in characters) of a byte offset. */
void
doc_offset_position(const char *text, size_t offset, int *line, int *column)
{
	*line = 1;
	*column = 1;
	for (size_t i = 0; i < offset && text[i] != '\0'; i++) {
		if (text[i] == '\n') {
			(*line)++;
			*column = 1;
		} else if ((text[i] & 0xC0) != 0x80) {
			(*column)++;
		}
	}
}

/* Refuses text with a NUL byte, naming where it is. */
int
doc_check_text(const char *path, const char *text, size_t length,
    char **cause)
{
	const char *nul = memchr(text, '\0', length);
	int line, column;
	if (nul == NULL)
		return 0;
	doc_offset_position(text, (size_t)(nul - text), &line, &column);
	util_error_at(cause, path, line, column,
	    _("file contains a NUL byte: not a text file"));
	return -1;
}

/* One node for doc_equal's description. */
static void
doc_describe_node(struct buffer *out, const struct doc_node *node)
{
	if (node == NULL) {
		buffer_add(out, "no node");
		return;
	}
	buffer_printf(out, "%s at %d:%d", node->type == DOC_SCALAR ? "scalar" :
	    node->type == DOC_SEQUENCE ? "sequence" : "mapping", node->line,
	    node->column);
	if (node->key != NULL)
		buffer_printf(out, " key '%s' at %d:%d", node->key,
		    node->key_line, node->key_column);
	if (node->type == DOC_SCALAR) {
		size_t start;
		buffer_printf(out, " style %d quoted %d null %d \"", node->style,
		    node->quoted, node->null);
		start = out->length;
		buffer_add(out, node->scalar);
		/* Control characters as \t, \xNN: differences stay visible. */
		buffer_escape_controls(out, start);
		buffer_add(out, "\"");
	}
	else
		buffer_printf(out, " of %zu", node->count);
}

/* Compares field by field, depth first (see doc.h). */
bool
doc_equal(const struct doc_node *a, const struct doc_node *b,
    char *difference, size_t size)
{
	bool same = a != NULL && b != NULL;
	if (same)
		same = a->type == b->type && a->line == b->line &&
		    a->column == b->column && a->quoted == b->quoted &&
		    a->style == b->style && a->null == b->null &&
		    a->count == b->count && a->key_line == b->key_line &&
		    a->key_column == b->key_column &&
		    (a->key == NULL) == (b->key == NULL) &&
		    (a->key == NULL || strcmp(a->key, b->key) == 0) &&
		    (a->scalar == NULL) == (b->scalar == NULL) &&
		    (a->scalar == NULL || strcmp(a->scalar, b->scalar) == 0);
	else
		same = a == NULL && b == NULL;
	if (!same) {
		struct buffer out;
		buffer_init(&out);
		doc_describe_node(&out, a);
		buffer_add(&out, " differs from ");
		doc_describe_node(&out, b);
		snprintf(difference, size, "%s", out.data ? out.data : "");
		buffer_free(&out);
		return false;
	}
	for (size_t i = 0; a != NULL && i < a->count; i++)
		if (!doc_equal(&a->items[i], &b->items[i], difference, size))
			return false;
	return true;
}

/* Releases every node of the tree. */
void
doc_free(struct doc *doc)
{
	arena_free(&doc->arena);
	arena_free(&doc->texts);
	doc->root = NULL;
}

/* Moves the whole tree's memory into another arena (see doc.h). */
void
doc_keep(struct doc *doc, struct arena *into)
{
	arena_adopt(into, &doc->arena);
	arena_adopt(into, &doc->texts);
	doc->root = NULL;
}

/* Moves the texts into another arena and frees the nodes (see doc.h). */
void
doc_keep_texts(struct doc *doc, struct arena *into)
{
	arena_adopt(into, &doc->texts);
	doc_free(doc);
}

/* Finds key in a mapping; NULL when absent or not a mapping. */
const struct doc_node *
doc_get(const struct doc_node *mapping, const char *key)
{
	if (mapping == NULL || mapping->type != DOC_MAPPING)
		return NULL;
	/* The first byte first: most keys differ there, and loading calls
	 * this for every member of every entry. */
	for (size_t i = 0; i < mapping->count; i++)
		if (mapping->items[i].key[0] == key[0] &&
		    strcmp(mapping->items[i].key, key) == 0)
			return &mapping->items[i];
	return NULL;
}

/* Names a node's type the way messages talk about it. */
const char *
doc_type_name(const struct doc_node *node)
{
	switch (node->type) {
	case DOC_MAPPING:
		return _("a mapping");
	case DOC_SEQUENCE:
		return _("a list");
	case DOC_SCALAR:
	default:
		return node->null ? _("nothing") : _("a scalar");
	}
}

/* Sets *cause to a message positioned at the node's value or key. */
void
doc_error(char **cause, const struct doc *doc, const struct doc_node *node,
    bool at_key, const char *format, ...)
{
	struct buffer message;
	va_list args;
	int line = node ? (at_key && node->key ? node->key_line : node->line) : 0;
	int column = node ? (at_key && node->key ? node->key_column :
	    node->column) : 0;

	buffer_init(&message);
	va_start(args, format);
	buffer_vprintf(&message, format, args);
	va_end(args);
	util_error_at(cause, doc->path, line, column, "%s",
	    message.data ? message.data : "");
	buffer_free(&message);
}

/* Checks that every key of a mapping is one the caller knows. */
int
doc_expect_keys(const struct doc *doc, const struct doc_node *mapping,
    const char *what, const char *const *allowed, char **cause)
{
	return doc_expect_members(doc, mapping, what, allowed, NULL, cause);
}

/* doc_expect_keys, noting each allowed key's node in found (NULL when the
 * mapping lacks it): one pass where loading a figure asked doc_get a
 * dozen times. */
int
doc_expect_members(const struct doc *doc, const struct doc_node *mapping,
    const char *what, const char *const *allowed,
    const struct doc_node **found, char **cause)
{
	if (found != NULL)
		for (size_t j = 0; allowed[j] != NULL; j++)
			found[j] = NULL;
	if (mapping->type != DOC_MAPPING) {
		doc_error(cause, doc, mapping, false,
		    _("%s must be a mapping, got %s"), what,
		    doc_type_name(mapping));
		return -1;
	}
	for (size_t i = 0; i < mapping->count; i++) {
		const char *key = mapping->items[i].key;
		size_t j;
		for (j = 0; allowed[j] != NULL; j++)
			if (key[0] == allowed[j][0] &&
			    strcmp(key, allowed[j]) == 0)
				break;
		if (allowed[j] == NULL) {
			doc_error(cause, doc, &mapping->items[i], true,
			    _("unknown key '%s' in %s"), key, what);
			return -1;
		}
		/* Duplicate keys are refused when the tree is built. */
		if (found != NULL)
			found[j] = &mapping->items[i];
	}
	return 0;
}

/* What a node holds, for "got ..." in messages: a scalar quoted (long
 * ones cut at a character boundary), anything else by its kind. */
static void
doc_describe(char *out, size_t size, const struct doc_node *node)
{
	if (node->type == DOC_SCALAR && !node->null) {
		size_t length = strlen(node->scalar), cut = 37;
		if (length > 40) {
			while (cut > 0 && (node->scalar[cut] & 0xC0) == 0x80)
				cut--;
			snprintf(out, size, "\"%.*s...\"", (int)cut, node->scalar);
		} else {
			snprintf(out, size, "\"%s\"", node->scalar);
		}
	} else {
		snprintf(out, size, "%s", doc_type_name(node));
	}
}

/* Reads a number within [low, high] from a scalar. */
int
doc_number(const struct doc *doc, const struct doc_node *node,
    const char *name, bool allow_suffix, double low, double high,
    double *value, char **cause)
{
	char got[64], range_low[32], range_high[32];
	double number;

	if (node->type != DOC_SCALAR || node->null ||
	    util_parse_number(node->scalar, allow_suffix, &number) != 0) {
		doc_describe(got, sizeof got, node);
		doc_error(cause, doc, node, false,
		    _("%s must be a number%s, got %s"), name,
		    allow_suffix ? _(" (k, M or B suffix allowed)") : "", got);
		return -1;
	}
	if (number < low || number > high || isnan(number)) {
		util_snprintf_c(range_low, sizeof range_low, "%.15g", low);
		util_snprintf_c(range_high, sizeof range_high, "%.15g", high);
		doc_error(cause, doc, node, false,
		    _("%s must be between %s and %s, got %s"), name, range_low,
		    range_high, node->scalar);
		return -1;
	}
	*value = number;
	return 0;
}

/* Reads a non-empty text scalar. */
int
doc_string(const struct doc *doc, const struct doc_node *node,
    const char *name, const char **value, char **cause)
{
	char got[64];
	if (node->type != DOC_SCALAR || node->null || *node->scalar == '\0') {
		doc_describe(got, sizeof got, node);
		doc_error(cause, doc, node, false,
		    _("%s must be a non-empty text, got %s"), name, got);
		return -1;
	}
	*value = node->scalar;
	return 0;
}

/* Reads true or false. */
int
doc_bool(const struct doc *doc, const struct doc_node *node,
    const char *name, bool *value, char **cause)
{
	char got[64];
	if (node->type == DOC_SCALAR && !node->quoted) {
		if (strcmp(node->scalar, "true") == 0) {
			*value = true;
			return 0;
		}
		if (strcmp(node->scalar, "false") == 0) {
			*value = false;
			return 0;
		}
	}
	doc_describe(got, sizeof got, node);
	doc_error(cause, doc, node, false,
	    _("%s must be true or false, got %s"), name, got);
	return -1;
}

/* Reads one of the given names. */
int
doc_choice(const struct doc *doc, const struct doc_node *node,
    const char *name, const char *const *names, int *index, char **cause)
{
	struct buffer list;
	char got[64];
	if (node->type == DOC_SCALAR && !node->null) {
		for (int i = 0; names[i] != NULL; i++) {
			if (strcmp(node->scalar, names[i]) == 0) {
				*index = i;
				return 0;
			}
		}
	}
	buffer_init(&list);
	for (int i = 0; names[i] != NULL; i++) {
		if (i > 0)
			buffer_add(&list, ", ");
		buffer_add(&list, names[i]);
	}
	doc_describe(got, sizeof got, node);
	doc_error(cause, doc, node, false, _("%s must be one of %s, got %s"),
	    name, list.data ? list.data : "", got);
	buffer_free(&list);
	return -1;
}
