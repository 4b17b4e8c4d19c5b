/* fuzz_overlay.c - a models overlay (models-imported.yaml) laid over the
 * repository's data twice: read whole, as listings and imports read it,
 * and entry by entry with its unrated models kept by name only, as
 * decisions read it (data_load_compared, data.unrated_by_name).
 *
 * Invariants: both readings accept the same inputs (a refusal names the
 * overlay); what they accept gives the same compared models, figures,
 * warnings and fine-tuning flag, and every unrated model the whole reading
 * keeps is named by the other; no crash, leak or sanitizer report. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "fuzz.h"

#define FUZZ_OVERLAY_NAME "models-imported.yaml"

/* Compares what the two readings accepted (see the top of this file). */
static void
fuzz_overlay_compare(const struct data *base, const struct data *whole,
    const struct data *named)
{
	if (whole->option_model_count != named->option_model_count ||
	    whole->figure_count != named->figure_count ||
	    whole->warning_count != named->warning_count ||
	    whole->closed_fine_tuning != named->closed_fine_tuning)
		fuzz_fail("the readings differ: %zu/%zu compared models, "
		    "%zu/%zu figures, %zu/%zu warnings",
		    whole->option_model_count, named->option_model_count,
		    whole->figure_count, named->figure_count,
		    whole->warning_count, named->warning_count);
	for (size_t i = 0; i < whole->option_model_count; i++) {
		const struct model *a = &whole->models[whole->option_models[i]];
		const struct model *b = &named->models[named->option_models[i]];
		if (strcmp(a->id, b->id) != 0 || a->tier != b->tier ||
		    a->input_price.index != b->input_price.index ||
		    (a->weights < 0) != (b->weights < 0) ||
		    (a->weights >= 0 && strcmp(whole->models[a->weights].id,
		    named->models[b->weights].id) != 0))
			fuzz_fail("compared model %zu differs: %s, %s", i, a->id,
			    b->id);
	}
	for (size_t i = 0; i < whole->warning_count; i++)
		if (strcmp(whole->warnings[i], named->warnings[i]) != 0)
			fuzz_fail("warning %zu differs: %s | %s", i,
			    whole->warnings[i], named->warnings[i]);
	size_t unrated = 0;
	for (size_t i = base->model_count; i < whole->model_count; i++) {
		const struct model *m = &whole->models[i];
		if (!m->unrated)
			continue;
		unrated++;
		if (data_find_model(named, m->id) != NULL ||
		    data_find_unrated_name(named, m->id) == NULL)
			fuzz_fail("unrated model %s is not named", m->id);
	}
	if (unrated != named->unrated_name_count)
		fuzz_fail("%zu unrated models, %zu named", unrated,
		    named->unrated_name_count);
}

int
LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
	static struct data whole, named;
	const struct data *base = fuzz_data();
	char *text = fuzz_text(bytes, size);
	char *whole_cause = NULL, *named_cause = NULL;

	/* As data_load reads a file on disk: no NUL bytes. */
	if (doc_check_text(FUZZ_OVERLAY_NAME, text, size, &whole_cause) != 0 ||
	    data_copy(&whole, base, &whole_cause) != 0) {
		free(whole_cause);
		free(text);
		return 0;
	}
	if (data_copy(&named, base, &named_cause) != 0)
		fuzz_fail("cannot copy the data: %s", named_cause);
	named.unrated_by_name = true;
	int whole_result = data_overlay_apply(&whole, FUZZ_OVERLAY_NAME, text,
	    &whole_cause);
	int named_result = data_overlay_apply(&named, FUZZ_OVERLAY_NAME, text,
	    &named_cause);
	if ((whole_result == 0) != (named_result == 0))
		fuzz_fail("read whole %s, by name %s: %s",
		    whole_result == 0 ? "accepted" : "refused",
		    named_result == 0 ? "accepted" : "refused",
		    whole_result == 0 ? named_cause : whole_cause);
	if (whole_result != 0) {
		/* Which of two errors comes first may differ (a streamed
		 * entry is read before the file's frame is checked). */
		if (!fuzz_names(whole_cause, FUZZ_OVERLAY_NAME) ||
		    !fuzz_names(named_cause, FUZZ_OVERLAY_NAME))
			fuzz_fail("message names no overlay: %s | %s",
			    whole_cause ? whole_cause : "(none)",
			    named_cause ? named_cause : "(none)");
	} else {
		fuzz_overlay_compare(base, &whole, &named);
	}
	data_free(&whole);
	data_free(&named);
	free(whole_cause);
	free(named_cause);
	free(text);
	return 0;
}
