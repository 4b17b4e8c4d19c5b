/* jsonio.h - the JSON result: a report written with the stable keys of
 * the JSON contract. */
#ifndef LLMADVISOR_JSONIO_H
#define LLMADVISOR_JSONIO_H

#include "report.h"
#include "util.h"

/* Renders the result with the stable keys of the JSON contract. */
int jsonio_render_report(const struct report *, struct buffer *,
	char **cause);

#endif
