/* testutil.h - shared set-up for the check suites: the default data from
 * the source tree, and a runner that prints check's summary. */
#ifndef LLMADVISOR_TESTUTIL_H
#define LLMADVISOR_TESTUTIL_H

#include <check.h>

#include "data.h"
#include "report.h"
#include "rules.h"

/* The article's data set, $top_srcdir/tests/data-article, loaded once. */
const struct data *testutil_data(void);
/* One evaluation of the data and rules given, in a static struct. */
const struct evaluation *testutil_evaluate_on(const struct data *,
	const struct rules *, const struct profile *, unsigned long samples,
	bool flip_points);
/* With true, testutil_data is the shipped data/ until called with false. */
void testutil_use_shipped_data(bool on);
/* The shipped data, $top_srcdir/data, loaded once. */
const struct data *testutil_shipped_data(void);
/* One evaluation of the shipped data with the default rules (no flip
 * points), in a static struct. */
const struct evaluation *testutil_evaluate_shipped(const struct profile *,
	unsigned long samples);
/* The default rules of $top_srcdir/data, loaded once. */
const struct rules *testutil_rules(void);
/* Evaluates a profile with the default data and rules (no Monte Carlo, no
 * flip points unless asked) into a static report. */
const struct evaluation *testutil_evaluate(const struct profile *,
	unsigned long samples, bool flip_points);
/* The same with other rules (the evaluation is the same static one). */
const struct evaluation *testutil_evaluate_rules(const struct rules *,
	const struct profile *, unsigned long samples, bool flip_points);
/* The default profile with space-separated --set assignments applied
 * ("team.expertise=ml_infra volume.input_tokens=1B"); a refused one fails
 * the test. */
void testutil_profile(struct profile *, const char *assignments);
/* Evaluates a profile like testutil_evaluate (1,000 samples, flip points)
 * and renders the report in format into out (initialised here); a failed
 * rendering fails the test.  The one place the tests call the renderers. */
const struct evaluation *testutil_render(const struct profile *,
	enum report_format, struct buffer *out);
/* Evaluates the cost model alone for a profile with the default data and
 * neutral price factors (resolving self_hosted_model first when the
 * profile has not, as evaluate_run does). */
void testutil_cost(const struct profile *, struct cost_result *);
/* The option of result with the given id ("api:gpt-4o", ...), or fail. */
const struct cost_option *testutil_option(const struct cost_result *,
	const char *id);
/* The article's workload: 10M input and 2M output tokens a month, every
 * other answer at its default, self-hosting the article's model. */
void testutil_article_profile(struct profile *);
/* Pins the article's model (llama-3.1-70b) as self_hosted_model and
 * resolves it, as evaluate_run would: the suites written for the
 * article's figures keep running on its model whatever defaults.yaml's
 * self_hosted_model (auto) picks. */
void testutil_pin_article_model(struct profile *);
/* profile_defaults, then testutil_pin_article_model. */
void testutil_defaults(struct profile *);
/* $top_srcdir/NAME, in a static buffer. */
const char *testutil_path(const char *name);
/* Runs a suite and returns the exit status for the test harness. */
int testutil_run(Suite *);

#endif
