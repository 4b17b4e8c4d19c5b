/* fuzz_yaml.c - the fast YAML reader (src/doc_yaml_fast.c) against libyaml:
 * the input is read by each alone, with the usual limit of values and
 * with a small one.
 *
 * Invariants: whenever the fast reader accepts a text, libyaml accepts
 * it too and builds the same tree (doc_equal: every type, position,
 * text, style and key); read streaming the root's "models" list
 * (doc_parse_yaml_stream), a text is accepted exactly when it is read
 * whole, and the items handed over are the whole tree's list, in order,
 * each once, whichever reader reads them; no crash, leak or sanitizer
 * report. */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "fuzz.h"

/* Reads the text with both readers under a limit; compares. */
static void
fuzz_yaml_compare(const char *text, size_t size, size_t max_nodes)
{
	struct doc fast, slow;
	char *fast_cause = NULL, *slow_cause = NULL, difference[512];

	int fast_result = doc_parse_yaml_reader(&fast, "input.yaml", text,
	    size, max_nodes, DOC_YAML_FAST, &fast_cause);
	if (fast_result == -1)
		fuzz_fail("the fast reader failed instead of declining: %s",
		    fast_cause ? fast_cause : "(no message)");
	if (fast_result == 1) {
		free(fast_cause);
		return;
	}
	if (doc_parse_yaml_reader(&slow, "input.yaml", text, size, max_nodes,
	    DOC_YAML_LIBYAML, &slow_cause) != 0)
		fuzz_fail("the fast reader accepted what libyaml refuses: %s",
		    slow_cause ? slow_cause : "(no message)");
	if (!doc_equal(fast.root, slow.root, difference, sizeof difference))
		fuzz_fail("the readers differ (limit %zu): fast %s", max_nodes,
		    difference);
	doc_free(&fast);
	doc_free(&slow);
}

/* The whole tree's list and how far the stream has come in it. */
struct fuzz_yaml_stream {
	bool check;			/* the text read whole was accepted */
	const struct doc_node *list;
	size_t seen;
	struct arena kept;
};

/* An item must be the list's next; every other one is kept. */
static int
fuzz_yaml_item(void *context, const struct doc *doc,
    const struct doc_node *node, char **cause)
{
	struct fuzz_yaml_stream *s = context;
	char difference[512];
	(void)doc;
	(void)cause;
	if (!s->check)
		return 0;
	if (s->list == NULL || s->seen >= s->list->count)
		fuzz_fail("an item beyond the whole tree's list (%zu)", s->seen);
	if (!doc_equal(node, &s->list->items[s->seen], difference,
	    sizeof difference))
		fuzz_fail("streamed item %zu differs: %s", s->seen, difference);
	return (int)(s->seen++ % 2);
}

static void
fuzz_yaml_restart(void *context, struct doc *doc)
{
	struct fuzz_yaml_stream *s = context;
	doc_keep(doc, &s->kept);
}

/* Reads the text whole and streaming; compares. */
static void
fuzz_yaml_stream(const char *text, size_t size)
{
	struct doc whole, streamed;
	struct arena names = { 0 };
	char *whole_cause = NULL, *stream_cause = NULL;
	/* The streaming reader takes a C string: no NUL inside. */
	if (memchr(text, '\0', size) != NULL)
		return;
	int whole_result = doc_parse_yaml(&whole, "input.yaml", text, size,
	    &whole_cause);
	const struct doc_node *list = whole_result == 0 && whole.root != NULL ?
	    doc_get(whole.root, "models") : NULL;
	struct fuzz_yaml_stream s = {
		whole_result == 0,
		list != NULL && list->type == DOC_SEQUENCE ? list : NULL, 0,
		{ 0 }
	};
	struct doc_stream stream = {
		"models", fuzz_yaml_item, fuzz_yaml_restart, &s
	};
	int stream_result = doc_parse_yaml_stream(&streamed, &names,
	    "input.yaml", text, DOC_MAX_NODES, &stream, &stream_cause);
	if ((whole_result == 0) != (stream_result == 0))
		fuzz_fail("read whole %s, streaming %s: %s",
		    whole_result == 0 ? "accepted" : "refused",
		    stream_result == 0 ? "accepted" : "refused",
		    whole_result == 0 ? stream_cause : whole_cause);
	if (whole_result == 0 && s.list != NULL && s.seen != s.list->count)
		fuzz_fail("%zu items streamed of %zu", s.seen, s.list->count);
	if (whole_result == 0)
		doc_free(&whole);
	if (stream_result == 0)
		doc_free(&streamed);
	free(whole_cause);
	free(stream_cause);
	arena_free(&s.kept);
	arena_free(&names);
}

int
LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
	char *text = fuzz_text(bytes, size);
	fuzz_yaml_compare(text, size, DOC_MAX_NODES);
	fuzz_yaml_compare(text, size, 12);
	fuzz_yaml_stream(text, size);
	free(text);
	return 0;
}
