/* jsonio.h - the only cJSON user: JSON answers and price lists in (as a
 * positioned doc tree, then plain structs), the JSON result and data
 * listings out. */
#ifndef LLMADVISOR_JSONIO_H
#define LLMADVISOR_JSONIO_H

#include "doc.h"
#include "prices.h"
#include "report.h"
#include "util.h"

/* Parses JSON into the same tree doc_parse_yaml builds, with the line and
 * column of every value and key. */
int jsonio_parse_doc(struct doc *, const char *path, const char *text,
	size_t length, char **cause);
/* Reads a LiteLLM or genai-prices price list into file->entries (the
 * caller has zeroed file); today (YYYY-MM-DD) picks dated prices. */
int jsonio_parse_prices(struct prices_file *file, const char *path,
	const char *text, size_t length, const char *today, char **cause);
/* --list-models (gpus false) or --list-gpus as JSON. */
int jsonio_render_listing(const struct data *, bool gpus, time_t now,
	const char *system_dir, struct buffer *, char **cause);

#endif
