/* fuzz_rules.c - the rules file loader: the input is a rules.yaml; when
 * it loads, it is also loaded as a rules.d addition after the
 * repository's rules (so "disable:" and duplicate ids meet real rules),
 * and both rule sets decide on a real cost result with awkward metrics,
 * and their texts are expanded.
 *
 * Invariants: no crash, leak or sanitizer report; a refused file gets a
 * message that starts with its name; the verdict is an outcome, or none
 * only on a conflict; the Monte Carlo's shortcut (no text) and the full
 * decision agree. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "decide.h"
#include "doc.h"
#include "fuzz.h"
#include "metrics.h"
#include "report.h"

/* Decides with a rule set on awkward metrics and expands every text. */
static void
fuzz_rules_evaluate(const struct rules *rules, unsigned seed)
{
	static double metrics[EVALUATE_MAX_METRICS];
	static struct cost_result cost;
	static struct decision full, sampled;
	const struct data *data = fuzz_data();
	struct profile profile;
	struct cost_scenario scenario;
	struct buffer text;

	profile_defaults(&profile);
	profile.input_tokens = 1e6 * (1 + seed % 97) * (seed & 0x80 ? 1000 : 1);
	profile.complex_share = (seed % 11) / 10.0;
	cost_scenario_default(&scenario);
	cost_evaluate(data, data->values, &profile, &scenario, &cost);
	fuzz_values(metrics, metrics_count, seed);
	decide_run(rules, data, data->values, &profile, &cost, metrics, false,
	    &sampled);
	decide_run(rules, data, data->values, &profile, &cost, metrics, true,
	    &full);
	if (full.verdict < VERDICT_NONE || full.verdict >= VERDICT_COUNT ||
	    (full.verdict == VERDICT_NONE && full.conflict &&
	    full.runner_up != VERDICT_NONE))
		fuzz_fail("verdict %d", (int)full.verdict);
	if (sampled.verdict != full.verdict)
		fuzz_fail("sampled verdict %d, full %d", (int)sampled.verdict,
		    (int)full.verdict);
	buffer_init(&text);
	for (size_t i = 0; i < full.reason_count; i++) {
		decide_reason_text(rules, &full, i, metrics, I18N_TRANSLATED,
		    &text);
		if (decide_reason_id(rules, &full, i) == NULL)
			fuzz_fail("reason %zu has no id", i);
	}
	for (size_t i = 0; i < full.warning_count + full.dropped_count; i++) {
		decide_warning_text(rules, &full, i, metrics, I18N_TRANSLATED,
		    &text);
		if (decide_warning_id(rules, &full, i) == NULL)
			fuzz_fail("warning %zu has no id", i);
	}
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
