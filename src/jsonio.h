/* jsonio.h - the only cJSON user: JSON answers in (as a positioned doc
 * tree), the JSON result out. */
#ifndef LLMADVISOR_JSONIO_H
#define LLMADVISOR_JSONIO_H

#include "doc.h"
#include "report.h"
#include "util.h"

/* Parses JSON into the same tree doc_parse_yaml builds, with the line and
 * column of every value and key. */
int jsonio_parse_doc(struct doc *, const char *path, const char *text,
	size_t length, char **cause);
/* Renders the result with the stable keys of the JSON contract. */
int jsonio_render_report(const struct report *, struct buffer *,
	char **cause);

#endif
