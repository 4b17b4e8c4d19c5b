/* fuzz_template.c - the template compiler and expander of because: texts.
 *
 * Input: one byte that picks the values, then the template's text (up to
 * its first NUL).  The symbols are the real ones of metrics.c.
 *
 * Invariants: no crash, leak or sanitizer report; a failure has a
 * message and an offset inside the text; expanding twice gives the same
 * text; a template without fields expands to its text with doubled
 * braces undone. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "metrics.h"
#include "report.h"
#include "template.h"

/* The text with {{ and }} undone: what a template without fields gives. */
static char *
fuzz_template_literal(const char *text)
{
	char *out = fuzz_text((const uint8_t *)text, strlen(text)), *o = out;
	for (const char *p = text; *p != '\0'; p++) {
		*o++ = *p;
		if ((*p == '{' || *p == '}') && p[1] == *p)
			p++;
	}
	*o = '\0';
	return out;
}

/* Compiles and expands one template. */
int
LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
	static double values[EVALUATE_MAX_METRICS];
	struct template *template = NULL;
	struct buffer first, second;
	size_t offset = (size_t)-1;
	char *text, *cause = NULL;

	if (size < 1)
		return 0;
	text = fuzz_text(bytes + 1, size - 1);
	if (template_compile(text, metrics_symbols(), &template, &offset,
	    &cause) != 0) {
		fuzz_compile_failure(template, cause, offset, text);
		free(cause);
		free(text);
		return 0;
	}
	fuzz_values(values, metrics_count, bytes[0]);
	buffer_init(&first);
	buffer_init(&second);
	template_expand(template, values, I18N_TRANSLATED, &first);
	template_expand(template, values, I18N_TRANSLATED, &second);
	if (first.failed || second.failed)
		fuzz_fail("out of memory expanding");
	if (first.length != second.length || (first.length > 0 &&
	    memcmp(first.data, second.data, first.length) != 0))
		fuzz_fail("two expansions differ");
	/* Without a field, the output is the text itself. */
	bool fields = false;
	for (const char *p = text; *p != '\0'; p++) {
		if ((*p == '{' || *p == '}') && p[1] == *p)
			p++;
		else if (*p == '{')
			fields = true;
	}
	if (!fields) {
		char *literal = fuzz_template_literal(text);
		if (strcmp(literal, first.data ? first.data : "") != 0)
			fuzz_fail("a template without fields changed its text");
		free(literal);
	}
	buffer_free(&first);
	buffer_free(&second);
	template_free(template);
	free(text);
	return 0;
}
