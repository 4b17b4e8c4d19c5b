/* fuzz_prices.c - the price-import parser (--import-prices): the input is
 * a LiteLLM or genai-prices price list, read as import_read_file reads a
 * file, mapped to the repository's models, and written out as the
 * prices.yaml the import would save.
 *
 * Invariants: no crash, leak or sanitizer report; a refused file gets a
 * message that starts with its name; the prices.yaml an import writes is
 * one that the data loader accepts over the same data, and the summary
 * of what changed can be written. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "fuzz.h"
#include "import.h"
#include "import.h"

/* The import date: genai-prices' dated prices fall on both sides. */
#define FUZZ_PRICES_TODAY "2026-06-01"

/* Lays the written prices.yaml over a copy of the data, as the next run
 * would over freshly loaded data. */
static void
fuzz_prices_reload(struct import *import, const char *written)
{
	static struct data after;
	char *cause = NULL;

	if (data_copy(&after, fuzz_data(), &cause) != 0)
		fuzz_fail("out of memory: %s", cause);
	if (data_prices_apply(&after, "prices.yaml", written, &cause) != 0)
		fuzz_fail("the prices.yaml an import writes is refused: %s\n%s",
		    cause, written);
	import_compare(import, fuzz_data(), &after, "prices.yaml");
	data_free(&after);
}

/* Loads the models overlay an import writes over a copy of the data, as
 * the next run would. */
static void
fuzz_prices_overlay(const char *written)
{
	static struct data after;
	char *cause = NULL;

	if (data_copy(&after, fuzz_data(), &cause) != 0)
		fuzz_fail("out of memory: %s", cause);
	if (data_overlay_apply(&after, DATA_OVERLAY_FILE, written, &cause) != 0)
		fuzz_fail("the models overlay an import writes is refused: "
		    "%s\n%s", cause, written);
	data_free(&after);
}

/* Imports the input as a price list. */
int
LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
	static struct import_file file;
	static struct import import;
	struct buffer out;
	char *text = fuzz_text(bytes, size), *cause = NULL;
	int result;

	memset(&file, 0, sizeof file);
	file.path = file.base = "prices.json";
	result = doc_check_text(file.path, text, size, &cause);
	if (result == 0)
		result = import_parse(&file, file.path, text, size,
		    FUZZ_PRICES_TODAY, &cause);
	free(text);
	if (result != 0) {
		if (!fuzz_names(cause, "prices.json"))
			fuzz_fail("message does not name the file: %s",
			    cause ? cause : "(none)");
		free(cause);
		import_file_free(&file);
		return 0;
	}
	if (import_map(&import, fuzz_data(), &file, FUZZ_PRICES_TODAY,
	    &cause) != 0)
		fuzz_fail("cannot map a file that was read: %s", cause);
	buffer_init(&out);
	if (import_render_yaml(&import, fuzz_data(), NULL, NULL, &out,
	    &cause) != 0)
		fuzz_fail("cannot write prices.yaml: %s", cause);
	if (out.failed)
		fuzz_fail("out of memory writing prices.yaml");
	if (import.mapped > 0)
		fuzz_prices_reload(&import, out.data ? out.data : "");
	buffer_free(&out);
	/* The new models an import adds: the overlay it writes loads. */
	if (import_plan_models(&import, fuzz_data(), &cause) != 0)
		fuzz_fail("cannot plan new models: %s", cause);
	buffer_init(&out);
	if (import_render_overlay(&import, NULL, &out, &cause) != 0)
		fuzz_fail("cannot write the models overlay: %s", cause);
	if (import.added_count > 0)
		fuzz_prices_overlay(out.data);
	buffer_free(&out);
	import_summary(&import, fuzz_data(), NULL, DATA_OVERLAY_FILE, true,
	    &out);
	if (out.failed)
		fuzz_fail("out of memory writing the summary");
	buffer_free(&out);
	import_free(&import);
	import_file_free(&file);
	free(cause);
	return 0;
}
