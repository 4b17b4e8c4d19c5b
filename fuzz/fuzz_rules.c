/* fuzz_rules.c - the rules file loader: the input is a rules.yaml; when
 * it loads, it is also loaded as a rules.d addition after the
 * repository's rules (so "disable:" and duplicate ids meet real rules),
 * and both rule sets are evaluated and their texts expanded.
 *
 * Invariants: no crash, leak or sanitizer report; a refused file gets a
 * message that starts with its name; the verdict of a full evaluation
 * and of the Monte Carlo shortcut is an outcome (the two may differ in
 * near ties: they add the same weights in another order). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "fuzz.h"
#include "metrics.h"
#include "report.h"

/* Evaluates a rule set on awkward metrics and expands every text. */
static void
fuzz_rules_evaluate(const struct rules *rules, unsigned seed)
{
	static double metrics[EVALUATE_MAX_METRICS];
	static struct rules_outcome outcome;
	struct rules_sampler sampler;
	struct buffer text;

	fuzz_values(metrics, metrics_count, seed);
	rules_sampler_init(rules, metrics, &sampler);
	enum verdict sampled = rules_sampler_verdict(rules, &sampler, metrics);
	rules_evaluate(rules, metrics, &outcome);
	if (outcome.verdict < 0 || outcome.verdict >= VERDICT_COUNT)
		fuzz_fail("verdict %d", (int)outcome.verdict);
	if (sampled < 0 || sampled >= VERDICT_COUNT)
		fuzz_fail("sampled verdict %d", (int)sampled);
	buffer_init(&text);
	for (size_t i = 0; i < outcome.fired_count; i++)
		rules_reason_text(rules, &outcome, i, metrics, I18N_TRANSLATED,
		    &text);
	for (size_t i = 0; i < outcome.warning_count; i++)
		rules_warning_text(rules, &outcome, i, metrics, I18N_TRANSLATED,
		    &text);
	if (text.failed)
		fuzz_fail("out of memory expanding reasons");
	buffer_free(&text);
}

/* Loads text into a fresh rule set, after the real rules when asked. */
static int
fuzz_rules_load(struct rules *rules, const char *text, size_t size,
    bool addition, char **cause)
{
	rules_init(rules);
	if (addition && rules_load_text(rules, "rules.yaml",
	    fuzz_embedded("rules.yaml"), cause) != 0)
		fuzz_fail("cannot load the rules: %s", *cause);
	if (doc_check_text("policy.yaml", text, size, cause) != 0 ||
	    rules_load_text(rules, "policy.yaml", text, cause) != 0) {
		if (!fuzz_names(*cause, "policy.yaml"))
			fuzz_fail("message does not name the file: %s",
			    *cause ? *cause : "(none)");
		return -1;
	}
	return 0;
}

/* Loads the input as rules, alone and as an addition. */
int
LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
	static struct rules rules;
	char *text = fuzz_text(bytes, size), *cause = NULL;
	unsigned seed = size > 0 ? bytes[size - 1] : 0;

	if (fuzz_rules_load(&rules, text, size, false, &cause) == 0) {
		fuzz_rules_evaluate(&rules, seed);
		rules_free(&rules);
		if (fuzz_rules_load(&rules, text, size, true, &cause) == 0)
			fuzz_rules_evaluate(&rules, seed);
	}
	rules_free(&rules);
	free(cause);
	free(text);
	return 0;
}
