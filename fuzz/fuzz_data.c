/* fuzz_data.c - the data loader: the input stands in for one data file
 * (FUZZ_DATA_FILE: 0 models.yaml, 1 gpus.yaml, 2 defaults.yaml) and the
 * repository's own files are the other two, so the loader gets past the
 * first file and cross-references (weights, throughput models,
 * self_hosted_model) are exercised; or (3) the input is a prices.yaml
 * laid over the repository's data.  The files before the input are
 * loaded once and copied for every input.  Data that loads is then (for one
 * input in 64, by a hash) evaluated and rendered: hostile but valid
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

/* The repository's files before the input's kind, loaded once: every
 * input is loaded over a copy of them (data_copy), so an input costs its
 * own parsing, not that of 45 KB of fixed YAML. */
static const struct data *
fuzz_data_base(void)
{
	static struct data base;
	static bool loaded;
	char *cause = NULL;

	if (loaded)
		return &base;
	data_init(&base);
	for (int file = 0; file < FUZZ_DATA_FILE && file < DATA_FILE_COUNT;
	    file++)
		if (data_load_file(&base, (enum data_file)file,
		    fuzz_data_names[file], fuzz_embedded(fuzz_data_names[file]),
		    &cause) != 0)
			fuzz_fail("cannot load the base data: %s", cause);
	loaded = true;
	return &base;
}

/* Loads the input as one data file, then uses what loaded. */
int
LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
	static struct data data;
	char *text = fuzz_text(bytes, size), *cause = NULL;
	int result;

	/* As data_read does for a file on disk: no NUL bytes. */
	result = doc_check_text(fuzz_data_names[FUZZ_DATA_FILE], text, size,
	    &cause);
	if (result == 0) {
		result = data_copy(&data, fuzz_data_base(), &cause);
		for (int file = FUZZ_DATA_FILE; result == 0 &&
		    file < DATA_FILE_COUNT; file++)
			result = data_load_file(&data, (enum data_file)file,
			    fuzz_data_names[file], file == FUZZ_DATA_FILE ?
			    text : fuzz_embedded(fuzz_data_names[file]), &cause);
		if (result == 0 && FUZZ_DATA_FILE == DATA_FILE_COUNT)
			result = data_prices_apply(&data, fuzz_data_names[3],
			    text, &cause);
		if (result != 0)
			data_free(&data);
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
	/* The arrays grow; every registered figure is where its place says
	 * and knows its index. */
	if (data.figure_count > data.figure_capacity)
		fuzz_fail("limits exceeded");
	for (size_t i = 0; i < data.figure_count; i++)
		if (data_figure_at(&data, i)->index != (int)i)
			fuzz_fail("figure %zu lost its place", i);
	/* Evaluating and rendering cost fifty times the loading: one input
	 * in 64, picked by a hash (by size, the fuzzer learnt to keep sizes
	 * that evaluate, and evaluation took 87% of the time again). */
	uint32_t hash = fuzz_hash(bytes, size);
	if (hash % 64 != 0) {
		data_free(&data);
		free(cause);
		free(text);
		return 0;
	}
	struct profile profile;
	profile_defaults(&profile);
	/* Alternate between the default answers and a self-hosting team. */
	if (hash / 64 % 2 == 1) {
		profile.privacy = PRIVACY_HARD;
		profile.input_tokens = 5e9;
		profile.expertise = EXPERTISE_ML_INFRA;
		profile.hardware = HARDWARE_DATACENTER_GPU;
		profile.deployment = DEPLOYMENT_ON_PREM;
	}
	fuzz_report(&data, fuzz_rules(), &profile, hash / 128 % 4 == 0);
	data_free(&data);
	free(cause);
	free(text);
	return 0;
}
