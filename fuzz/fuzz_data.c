/* fuzz_data.c - the data loader: the input stands in for one data file
 * (FUZZ_DATA_FILE: 0 models.yaml, 1 gpus.yaml, 2 defaults.yaml) and the
 * repository's own files are the other two, so the loader gets past the
 * first file and cross-references (weights, throughput models,
 * self_hosted_model) are exercised; or (3) the input is a prices.yaml
 * laid over the repository's data.  Data that loads is then (for one
 * input in 8, by its size) evaluated and rendered: hostile but valid
 * figures must not break the cost model.
 *
 * Invariants: no crash, leak or sanitizer report; a refused file gets a
 * message that starts with the name of a data file. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "fuzz.h"

#ifndef FUZZ_DATA_FILE
#define FUZZ_DATA_FILE 0
#endif

static const char *const fuzz_data_names[4] = {
	"models.yaml", "gpus.yaml", "defaults.yaml", "prices.yaml"
};

/* Loads the input as one data file, then uses what loaded. */
int
LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
	static struct data data;
	const char *texts[3];
	char *text = fuzz_text(bytes, size), *cause = NULL;
	int result;

	for (int i = 0; i < 3; i++)
		texts[i] = fuzz_embedded(fuzz_data_names[i]);
	if (FUZZ_DATA_FILE < 3)
		texts[FUZZ_DATA_FILE] = text;
	/* As data_read does for a file on disk: no NUL bytes. */
	result = doc_check_text(fuzz_data_names[FUZZ_DATA_FILE], text, size,
	    &cause);
	if (result == 0)
		result = data_load_texts(&data, fuzz_data_names[0], texts[0],
		    fuzz_data_names[1], texts[1], fuzz_data_names[2],
		    texts[2], &cause);
	if (result == 0 && FUZZ_DATA_FILE == 3 &&
	    data_apply_prices(&data, fuzz_data_names[3], text, &cause) != 0) {
		data_free(&data);
		result = -1;
	}
	if (result != 0) {
		if (!fuzz_names(cause, fuzz_data_names[0]) &&
		    !fuzz_names(cause, fuzz_data_names[1]) &&
		    !fuzz_names(cause, fuzz_data_names[2]) &&
		    !fuzz_names(cause, fuzz_data_names[3]))
			fuzz_fail("message names no data file: %s",
			    cause ? cause : "(none)");
		free(cause);
		free(text);
		return 0;
	}
	if (data.model_count > DATA_MAX_MODELS || data.gpu_count >
	    DATA_MAX_GPUS || data.figure_count > DATA_MAX_FIGURES)
		fuzz_fail("limits exceeded");
	/* Evaluating costs ten times the loading: one input in 8 (by size). */
	if (size % 8 != 0) {
		data_free(&data);
		free(cause);
		free(text);
		return 0;
	}
	struct profile profile;
	profile_defaults(&profile);
	/* Alternate between the default answers and a self-hosting team. */
	if (size % 16 == 8) {
		profile.privacy = PRIVACY_HARD;
		profile.input_tokens = 5e9;
		profile.expertise = EXPERTISE_ML_INFRA;
		profile.hardware = HARDWARE_DATACENTER_GPU;
		profile.deployment = DEPLOYMENT_ON_PREM;
	}
	fuzz_report(&data, fuzz_rules(), &profile, size % 32 == 0);
	data_free(&data);
	free(cause);
	free(text);
	return 0;
}
