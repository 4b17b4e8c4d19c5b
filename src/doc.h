/* doc.h - a small positioned tree of mappings, sequences and scalars, read
 * from YAML (libyaml) or JSON (doc_json.c), so data and answers loaders can
 * report FILE:LINE:COLUMN for every problem. */
#ifndef LLMADVISOR_DOC_H
#define LLMADVISOR_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

/* Deepest nesting accepted in any input file. */
#define DOC_MAX_DEPTH 64
/* Most nodes accepted in one input file. */
#define DOC_MAX_NODES 200000

enum doc_type {
	DOC_SCALAR,
	DOC_SEQUENCE,
	DOC_MAPPING,
};

struct doc_node {
	enum doc_type type;
	int line, column;		/* 1-based position of the value */
	const char *scalar;		/* DOC_SCALAR: the text */
	bool quoted;			/* the scalar was quoted: a string */
	char style;			/* 0 plain, '\'' '"' quoted, '|' '>'
					 * block: to place positions inside */
	bool null;			/* the scalar was null / ~ / empty */
	const char *key;		/* when this is a mapping value */
	int key_line, key_column;
	struct doc_node *items;		/* sequence items or mapping values */
	size_t count;
};

struct doc {
	struct arena arena;		/* the nodes */
	struct arena texts;		/* scalars and keys: what a loader
					 * keeps after the tree is gone */
	const char *path;		/* as given, for messages */
	const char *text;		/* the source, while the caller keeps
					 * it (YAML only; NULL otherwise) */
	struct doc_node *root;		/* NULL for an empty document */
};

/* Hands the tree's memory to into, when what was read from it points
 * into it (doc_keep), or only the texts, freeing the nodes (doc_keep_texts:
 * loaders that copy out everything but strings; the nodes of the data
 * files are most of their memory). */
void doc_keep(struct doc *, struct arena *into);
void doc_keep_texts(struct doc *, struct arena *into);

/* Parses YAML text; aliases are refused, duplicate keys are errors. */
int doc_parse_yaml(struct doc *, const char *path, const char *text,
	size_t length, char **cause);
/* Parses JSON into the same tree, with the line and column of every value
 * and key; at most DOC_MAX_NODES values and keys. */
int doc_parse_json(struct doc *, const char *path, const char *text,
	size_t length, char **cause);
/* doc_parse_json for a larger file (a price list): at most max_nodes. */
int doc_parse_json_limit(struct doc *, const char *path, const char *text,
	size_t length, size_t max_nodes, char **cause);
/* doc_parse_yaml for a file whose name must outlive the tree (figures and
 * messages keep it): the name is copied into names first; doc->path is
 * the copy. */
int doc_parse_yaml_named(struct doc *, struct arena *names, const char *name,
	const char *text, char **cause);
/* The two above for a larger file (a models overlay of thousands of
 * models): at most max_nodes values and keys. */
int doc_parse_yaml_limit(struct doc *, const char *path, const char *text,
	size_t length, size_t max_nodes, char **cause);
int doc_parse_yaml_named_limit(struct doc *, struct arena *names,
	const char *name, const char *text, size_t max_nodes, char **cause);
/* A list read item by item (doc_parse_yaml_stream): the items of the root
 * mapping's member key go to item as soon as each is read, and are not
 * kept in the tree (the list itself is left empty).  item returns 0 when
 * the item's nodes and texts may be freed at once, 1 to keep them as long
 * as the tree, -1 with *cause set to stop with that error.  When the fast
 * reader declines part way (doc_parse_yaml_reader), libyaml reads the
 * text again from its start: restart is called first with the tree so
 * far, whose memory (what the items kept) it must take (doc_keep), and
 * libyaml's pass hands over only the items after those item accepted
 * (the one it refused, if it refused one, comes again).  A file of
 * thousands of entries (a price-list import's models) is read in the
 * memory of one. */
struct doc_stream {
	const char *key;
	int (*item)(void *context, const struct doc *,
	    const struct doc_node *, char **cause);
	void (*restart)(void *context, struct doc *);
	void *context;
};
/* (With stream NULL, the whole tree: doc_parse_yaml_named_limit.) */
int doc_parse_yaml_stream(struct doc *, struct arena *names,
	const char *name, const char *text, size_t max_nodes,
	const struct doc_stream *, char **cause);

/* Which reader builds a YAML tree: the functions above use the fast one
 * (doc_yaml_fast.c) and libyaml for whatever it declines; tests compare the
 * two. */
enum doc_yaml_reader {
	DOC_YAML_EITHER,
	DOC_YAML_FAST,		/* returns 1, nothing built, when declined */
	DOC_YAML_LIBYAML,
};
int doc_parse_yaml_reader(struct doc *, const char *path, const char *text,
	size_t length, size_t max_nodes, enum doc_yaml_reader, char **cause);
/* True when two trees are the same field by field (types, positions,
 * texts, styles, keys); otherwise the first difference is described in
 * difference (size bytes).  The two readers must agree. */
bool doc_equal(const struct doc_node *, const struct doc_node *,
	char *difference, size_t size);
/* Refuses a mapping with a key given twice (at the second one). */
int doc_check_duplicates(const struct doc *, const struct doc_node *mapping,
	char **cause);
/* Line and column (1-based) of a byte offset in text. */
void doc_offset_position(const char *text, size_t offset, int *line,
	int *column);
/* Refuses text that holds a NUL byte, with its position. */
int doc_check_text(const char *path, const char *text, size_t length,
	char **cause);
/* Releases the tree. */
void doc_free(struct doc *);

/* Looks up a key of a mapping, or NULL. */
const struct doc_node *doc_get(const struct doc_node *mapping,
	const char *key);
/* Short English name of a node's type for messages. */
const char *doc_type_name(const struct doc_node *);
/* Error positioned at a node's value (or key, when at_key). */
void doc_error(char **cause, const struct doc *, const struct doc_node *,
	bool at_key, const char *format, ...)
	__attribute__((format(printf, 5, 6)));

/* Shared helpers for walking a tree of known shape. */
/* The node must be a mapping whose keys are all in the NULL-ended list. */
int doc_expect_keys(const struct doc *, const struct doc_node *mapping,
	const char *what, const char *const *allowed, char **cause);
/* As doc_expect_keys; found[j] is the node of allowed[j], or NULL. */
int doc_expect_members(const struct doc *, const struct doc_node *mapping,
	const char *what, const char *const *allowed,
	const struct doc_node **found, char **cause);
/* A finite number, optionally with k/M/B, within [low, high]. */
int doc_number(const struct doc *, const struct doc_node *, const char *name,
	bool allow_suffix, double low, double high, double *value,
	char **cause);
/* A non-empty string scalar. */
int doc_string(const struct doc *, const struct doc_node *, const char *name,
	const char **value, char **cause);
/* true or false. */
int doc_bool(const struct doc *, const struct doc_node *, const char *name,
	bool *value, char **cause);
/* One of a NULL-ended list of names; *index receives its position. */
int doc_choice(const struct doc *, const struct doc_node *, const char *name,
	const char *const *names, int *index, char **cause);

#endif
