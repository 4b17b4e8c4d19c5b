/* doc_private.h - the tree builder that both YAML readers feed (doc_yaml.c
 * with libyaml's events, doc_yaml_fast.c with its own scanner), so both
 * give the same nodes, limits and duplicate-key checks. */
#ifndef LLMADVISOR_DOC_PRIVATE_H
#define LLMADVISOR_DOC_PRIVATE_H

#include "doc.h"

/* One open container while the tree is built. */
struct doc_frame {
	struct doc_node node;
	size_t first;			/* its first child in children */
	const char *pending_key;	/* mapping: key read, value not yet */
	int pending_line, pending_column;
};

struct doc_builder {
	struct doc *doc;
	struct doc_frame stack[DOC_MAX_DEPTH + 1];
	int depth;
	size_t nodes, max_nodes;
	char **cause;
	/* The children of the open containers, the innermost's last. */
	struct doc_node *children;
	size_t children_count, children_capacity;
	/* A streamed list (struct doc_stream): the depth of its container
	 * while it is open (0 otherwise), where the arenas stood after the
	 * last item kept, and how many items went to stream->item. */
	const struct doc_stream *stream;
	int stream_depth;
	struct arena_mark stream_nodes, stream_texts;
	size_t streamed;
	/* libyaml's pass after the fast reader declined: the items the
	 * stream accepted then, dropped now. */
	size_t stream_skip;
};

/* Opens a mapping or sequence at a 1-based position. */
int doc_builder_open(struct doc_builder *, enum doc_type, int line,
	int column);
/* Closes the innermost container: checks its keys, attaches it. */
int doc_builder_close(struct doc_builder *);
/* Attaches a scalar: style 0 plain, '\'' '"' quoted, '|' '>' block; the
 * value holds no NUL byte. */
int doc_builder_scalar(struct doc_builder *, const char *value,
	size_t length, char style, int line, int column);
/* Frees the builder's own memory (not the tree), when done or failed. */
void doc_builder_free(struct doc_builder *);

/* The fast reader (doc_yaml_fast.c): builds doc's tree from text and returns
 * true, or returns false with nothing built when the text needs libyaml
 * (anything outside the subset it reads exactly as libyaml does, and
 * every error, so that libyaml gives its usual message). */
bool doc_yaml_fast_read(struct doc *, const char *text, size_t length,
	size_t max_nodes);
/* The same, streaming a list (struct doc_stream): when it declines after
 * the stream accepted items, it calls the stream's restart first and
 * says how many in *streamed. */
bool doc_yaml_fast_read_stream(struct doc *, const char *text,
	size_t length, size_t max_nodes, const struct doc_stream *,
	size_t *streamed);

#endif
