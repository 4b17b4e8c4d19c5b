/* fuzz_yaml.c - the fast YAML reader (src/doc_yaml_fast.c) against libyaml:
 * the input is read by each alone, with the usual limit of values and
 * with a small one.
 *
 * Invariants: whenever the fast reader accepts a text, libyaml accepts
 * it too and builds the same tree (doc_equal: every type, position,
 * text, style and key); no crash, leak or sanitizer report. */
#include "config.h"

#include <stdlib.h>

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

int
LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
	char *text = fuzz_text(bytes, size);
	fuzz_yaml_compare(text, size, DOC_MAX_NODES);
	fuzz_yaml_compare(text, size, 12);
	free(text);
	return 0;
}
