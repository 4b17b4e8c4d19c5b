/* fuzz_answers.c - the answers loader, as profile_load_file runs it on an
 * answers file: YAML (FUZZ_ANSWERS_JSON 0) or JSON (1).
 *
 * Invariants: no crash, leak or sanitizer report; a refused file gets a
 * message that starts with its name; answers that load are written back
 * with profile_write_yaml and must read back unchanged; their evaluation
 * (for one input in 64, by its size) renders in every format and its
 * JSON parses. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "fuzz.h"
#include "doc.h"
#include "profile.h"

#ifndef FUZZ_ANSWERS_JSON
#define FUZZ_ANSWERS_JSON 0
#endif

#if FUZZ_ANSWERS_JSON
#define FUZZ_ANSWERS_NAME "answers.json"
#else
#define FUZZ_ANSWERS_NAME "answers.yaml"
#endif

/* Parses text into doc and applies it to profile (from the defaults). */
static int
fuzz_answers_load(const char *name, const char *text, size_t length,
    bool json, struct profile *profile, char **cause)
{
	struct doc doc;
	int result;

	profile_defaults(profile);
	if (doc_check_text(name, text, length, cause) != 0)
		return -1;
	if (json)
		result = doc_parse_json(&doc, name, text, length, cause);
	else
		result = doc_parse_yaml(&doc, name, text, length, cause);
	if (result != 0)
		return -1;
	result = profile_apply_doc(profile, &doc, cause);
	doc_free(&doc);
	return result;
}

/* True when two profiles hold the same answers. */
static bool
fuzz_answers_same(const struct profile *a, const struct profile *b)
{
	if (a->ops_hours_set != b->ops_hours_set)
		return false;
	for (size_t i = 0; i < profile_field_count; i++) {
		const struct profile_field *f = &profile_fields[i];
		double x = profile_get_value(a, f), y = profile_get_value(b, f);
		if (f == profile_find_field("team.ops_hours_per_month") &&
		    !a->ops_hours_set)
			continue;
		if (x != y || signbit(x) != signbit(y))
			return false;
	}
	return true;
}

/* Loads the input as an answers file, then round-trips and evaluates. */
int
LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
	struct profile profile, again;
	struct buffer yaml;
	char *text = fuzz_text(bytes, size), *cause = NULL;

	if (fuzz_answers_load(FUZZ_ANSWERS_NAME, text, size,
	    FUZZ_ANSWERS_JSON, &profile, &cause) != 0) {
		if (!fuzz_names(cause, FUZZ_ANSWERS_NAME))
			fuzz_fail("message does not name the file: %s",
			    cause ? cause : "(none)");
		free(cause);
		free(text);
		return 0;
	}
	/* What the questionnaire saves must load back unchanged. */
	buffer_init(&yaml);
	profile_write_yaml(&profile, fuzz_data(), &yaml);
	if (yaml.failed)
		fuzz_fail("out of memory writing answers");
	if (fuzz_answers_load("saved.yaml", yaml.data, yaml.length, false,
	    &again, &cause) != 0)
		fuzz_fail("saved answers do not load: %s\n%s", cause, yaml.data);
	if (!fuzz_answers_same(&profile, &again))
		fuzz_fail("saved answers load back different:\n%s", yaml.data);
	buffer_free(&yaml);
	/* Evaluating and rendering cost a few hundred times the parsing (a
	 * profile showed 97% of the time in it at one input in 64): one in
	 * 256, picked by a hash (see fuzz.h). */
	uint32_t hash = fuzz_hash(bytes, size);
	if (hash % 256 == 0)
		fuzz_report(fuzz_data(), fuzz_rules(), &profile, hash / 256 % 4 == 0);
	free(cause);
	free(text);
	return 0;
}
