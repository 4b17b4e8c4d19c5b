/* testutil.c - shared set-up for the check suites. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* The path of a file in the source tree. */
const char *
testutil_path(const char *name)
{
	static char path[PATH_MAX];
	const char *top = getenv("top_srcdir");
	snprintf(path, sizeof path, "%s/%s", top ? top : ".", name);
	return path;
}

/* Loads the article's data set, tests/data-article (the article's models,
 * GPUs and quality figures, frozen when issue 14 brought current models
 * into data/), once: the suites' figures and the article's crossover do
 * not move with every price update.  test_data checks data/ itself. */
static bool testutil_shipped;

/* Makes testutil_data (and what reads it) the shipped data/ instead,
 * for the suites that check the December 2026 models; a test that turns
 * it on turns it off before it ends (CK_FORK=no runs tests in one
 * process). */
void
testutil_use_shipped_data(bool on)
{
	testutil_shipped = on;
}

const struct data *
testutil_data(void)
{
	static struct data data;
	static int loaded;
	static char dir[PATH_MAX];
	if (testutil_shipped)
		return testutil_shipped_data();
	if (!loaded) {
		struct paths paths = { 0 };
		char *cause = NULL;
		snprintf(dir, sizeof dir, "%s", testutil_path("tests/data-article"));
		paths.data_dir = dir;
		if (data_load(&data, &paths, &cause) != 0) {
			fprintf(stderr, "cannot load test data: %s\n", cause);
			abort();
		}
		loaded = 1;
	}
	return &data;
}

/* Loads the shipped data, $top_srcdir/data (not the embedded copy), once:
 * for what must hold of the data a user runs, such as the examples'
 * verdicts. */
const struct data *
testutil_shipped_data(void)
{
	static struct data data;
	static int loaded;
	static char dir[PATH_MAX];
	if (!loaded) {
		struct paths paths = { 0 };
		char *cause = NULL;
		snprintf(dir, sizeof dir, "%s", testutil_path("data"));
		paths.data_dir = dir;
		if (data_load(&data, &paths, &cause) != 0) {
			fprintf(stderr, "cannot load data/: %s\n", cause);
			abort();
		}
		loaded = 1;
	}
	return &data;
}

/* One evaluation of the shipped data with the default rules. */
const struct evaluation *
testutil_evaluate_shipped(const struct profile *profile,
    unsigned long samples)
{
	static struct evaluation report;
	struct cost_scenario scenario;
	struct evaluate_settings settings;
	cost_scenario_default(&scenario);
	evaluate_settings_default(&settings);
	settings.samples = samples;
	settings.flip_points = false;
	evaluate_run(&report, testutil_shipped_data(), testutil_rules(),
	    profile, &scenario, &settings);
	return &report;
}

/* Loads the repository's rules once. */
const struct rules *
testutil_rules(void)
{
	static struct rules rules;
	static int loaded;
	if (!loaded) {
		struct paths paths = { 0 };
		char *cause = NULL;
		static char dir[PATH_MAX];
		snprintf(dir, sizeof dir, "%s", testutil_path("data"));
		paths.data_dir = dir;
		if (rules_load(&rules, &paths, &cause) != 0) {
			fprintf(stderr, "cannot load test rules: %s\n", cause);
			abort();
		}
		loaded = 1;
	}
	return &rules;
}

/* One evaluation with the default data and rules. */
const struct evaluation *
testutil_evaluate(const struct profile *profile, unsigned long samples,
    bool flip_points)
{
	return testutil_evaluate_rules(testutil_rules(), profile, samples,
	    flip_points);
}

/* One evaluation with the default data and the rules given. */
const struct evaluation *
testutil_evaluate_rules(const struct rules *rules,
    const struct profile *profile, unsigned long samples, bool flip_points)
{
	return testutil_evaluate_on(testutil_data(), rules, profile, samples,
	    flip_points);
}

/* One evaluation of the data and rules given, in a static struct. */
const struct evaluation *
testutil_evaluate_on(const struct data *data, const struct rules *rules,
    const struct profile *profile, unsigned long samples, bool flip_points)
{
	static struct evaluation report;
	struct cost_scenario scenario;
	struct evaluate_settings settings;
	cost_scenario_default(&scenario);
	evaluate_settings_default(&settings);
	settings.samples = samples;
	settings.flip_points = flip_points;
	evaluate_run(&report, data, rules, profile, &scenario, &settings);
	return &report;
}

/* The article's model, pinned and resolved. */
void
testutil_pin_article_model(struct profile *profile)
{
	const struct data *data = testutil_data();
	const struct model *m = data_find_model(data, "llama-3.1-70b");
	ck_assert_ptr_nonnull(m);
	snprintf(profile->self_hosted_model, sizeof profile->self_hosted_model,
	    "%s", m->id);
	profile->self_hosted_index = (int)(m - data->models);
}

/* The defaults on the article's model. */
void
testutil_defaults(struct profile *profile)
{
	profile_defaults(profile);
	testutil_pin_article_model(profile);
}

/* The defaults, then each space-separated --set assignment. */
void
testutil_profile(struct profile *profile, const char *assignments)
{
	char copy[1024], *save = NULL, *cause = NULL;
	testutil_defaults(profile);
	snprintf(copy, sizeof copy, "%s", assignments);
	for (char *a = strtok_r(copy, " ", &save); a != NULL;
	    a = strtok_r(NULL, " ", &save))
		ck_assert_msg(profile_set(profile, a, &cause) == 0, "%s: %s",
		    a, cause);
}

/* One evaluation with the default data and rules, rendered. */
const struct evaluation *
testutil_render(const struct profile *profile, enum report_format format,
    struct buffer *out)
{
	const struct evaluation *report = testutil_evaluate(profile, 1000, true);
	char *cause = NULL;
	buffer_init(out);
	switch (format) {
	case REPORT_TEXT:
		report_render_text(report, I18N_TRANSLATED, out);
		break;
	case REPORT_MARKDOWN:
		report_render_markdown(report, I18N_TRANSLATED, out);
		break;
	case REPORT_JSON:
		ck_assert_msg(report_json_render(report, out, &cause) == 0,
		    "%s", cause);
		break;
	}
	ck_assert(!out->failed);
	return report;
}

/* The cost model alone for a profile: the default data, neutral price
 * factors. */
void
testutil_cost(const struct profile *profile, struct cost_result *result)
{
	struct cost_scenario scenario;
	struct profile resolved = *profile;
	cost_scenario_default(&scenario);
	if (resolved.self_hosted_index < 0)
		resolved.self_hosted_index = evaluate_self_hosted_model(
		    testutil_data(), profile, &scenario);
	cost_evaluate(testutil_data(), testutil_data()->values, &resolved,
	    &scenario, result);
}

/* Finds an option by its stable id; a missing one fails the test. */
const struct cost_option *
testutil_option(const struct cost_result *result, const char *id)
{
	char name[256];
	for (size_t i = 0; i < result->count; i++) {
		report_option_id(&result->options[i], name, sizeof name);
		if (strcmp(name, id) == 0)
			return &result->options[i];
	}
	ck_abort_msg("no option %s", id);
	return NULL;
}

/* The source article's example workload. */
void
testutil_article_profile(struct profile *p)
{
	testutil_defaults(p);
	p->input_tokens = 10e6;
	p->output_tokens = 2e6;
}

/* Runs every test of the suite; check prints its own summary line. */
int
testutil_run(Suite *suite)
{
	SRunner *runner = srunner_create(suite);
	srunner_run_all(runner, CK_NORMAL);
	int failed = srunner_ntests_failed(runner);
	srunner_free(runner);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
