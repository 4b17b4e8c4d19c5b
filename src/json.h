/* json.h - writing JSON: the one place that prints a cJSON tree, for the
 * JSON report and the JSON listings alike. */
#ifndef LLMADVISOR_JSON_H
#define LLMADVISOR_JSON_H

#include <cJSON.h>

#include "util.h"

/* Starts a document: its root object.  Until json_print, cJSON takes its
 * memory from one arena (thousands of small items per report, each a
 * malloc and a free otherwise), which json_print releases at once.  One
 * document at a time, on one thread. */
cJSON *json_start(void);

/* Prints a finished tree into out with a final newline, then frees it
 * (the whole arena when json_start began it).
 * Beyond cJSON's escapes (control characters below 0x20), C1 controls and
 * the bidirectional overrides are written as \uNNNN, so text from a file
 * cannot drive a terminal that shows the JSON.  0, or -1 with *cause. */
int json_print(cJSON *root, struct buffer *out, char **cause);

/* Writing JSON directly, exactly as json_print lays out the same values
 * (for the long lists a report would otherwise build item by item):
 * text that is JSON already (punctuation), a string, a number (null
 * when not finite), the start of an object member's line at a nesting
 * depth (up to its value); the buffer stays a C string.  And an item
 * whose text write appends, with these, when json_print reaches it: JSON
 * in the layout json_print gives a value at its depth (only in a
 * document json_start began; NULL otherwise or when out of memory). */
void json_write_text(struct buffer *, const char *json);
void json_write_string(struct buffer *, const char *text);
void json_write_number(struct buffer *, double value);
void json_write_member(struct buffer *, size_t depth, const char *key);
cJSON *json_raw_writer(void (*write)(struct buffer *, const void *context),
	const void *context);

#endif
