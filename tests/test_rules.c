/* test_rules.c - the rule engine: every default rule fires when it should
 * and only then, the article's archetypes get the article's verdict, the
 * verdict behaves (monotone in volume, privacy never closed, same seed same
 * answer), and broken rules are refused with a position. */
#include "config.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doc.h"
#include "metrics.h"
#include "rules.h"
#include "file.h"
#include "testutil.h"

/* A rule and two profiles, as --set assignments separated by spaces: one
 * that makes the rule fire and one that does not. */
struct rule_case {
	const char *id;
	const char *fires;
	const char *silent;
};

static const struct rule_case rule_cases[] = {
	{ "privacy-hard", "privacy=hard", "" },
	{ "privacy-hard-in-the-cloud", "privacy=hard",
	  "privacy=hard deployment=on_prem" },
	{ "privacy-contractual", "privacy=contractual", "" },
	{ "volume-below-low-threshold", "", "volume.input_tokens=100M" },
	{ "volume-gray-zone", "volume.input_tokens=100M", "" },
	{ "volume-above-high-threshold-capable",
	  "team.expertise=ml_infra volume.input_tokens=1B",
	  "team.expertise=some volume.input_tokens=1B" },
	{ "volume-above-high-threshold-some",
	  "team.expertise=some volume.input_tokens=1B",
	  "team.expertise=some volume.input_tokens=100M" },
	{ "volume-above-high-threshold-no-team", "volume.input_tokens=1B",
	  "volume.input_tokens=100M" },
	{ "cost-api-cheaper", "",
	  "team.expertise=ml_infra volume.input_tokens=3B" },
	{ "cost-self-hosted-cheaper",
	  "team.expertise=ml_infra volume.input_tokens=3B", "" },
	{ "time-is-the-expensive-resource", "privacy=hard", "" },
	{ "no-ml-infrastructure", "", "team.expertise=some" },
	{ "ml-infrastructure-team", "team.expertise=ml_infra", "" },
	{ "some-infrastructure-experience", "team.expertise=some", "" },
	{ "open-without-a-team", "privacy=hard",
	  "privacy=hard team.expertise=some" },
	{ "quality-hard-tasks", "", "tasks.quality=good_enough" },
	{ "quality-mixed-tasks", "", "tasks.complex_share=0.8" },
	{ "quality-simple-tasks", "tasks.quality=good_enough", "" },
	{ "quality-this-quarter", "horizon_months=3", "" },
	{ "fine-tuning-dataset-ready", "fine_tuning=dataset_ready", "" },
	{ "fine-tuning-execution-risk", "fine_tuning=exploring", "" },
	{ "fine-tuning-exploring", "fine_tuning=exploring",
	  "fine_tuning=dataset_ready" },
	{ "managed-ecosystem", "ecosystem=tool_use",
	  "ecosystem=tool_use team.expertise=ml_infra" },
	{ "managed-ecosystem-capable-team",
	  "ecosystem=tool_use team.expertise=ml_infra",
	  "team.expertise=ml_infra" },
	{ "lock-in-unacceptable", "lock_in=unacceptable", "lock_in=avoid" },
	{ "lock-in-unacceptable-favours-open", "lock_in=unacceptable",
	  "lock_in=avoid" },
	{ "lock-in-avoid", "lock_in=avoid", "" },
	{ "owned-hardware-capable-team",
	  "hardware=datacenter_gpu team.expertise=some volume.input_tokens=100M",
	  "hardware=datacenter_gpu volume.input_tokens=100M" },
	{ "small-model-on-a-laptop", "hardware=apple_silicon",
	  "hardware=datacenter_gpu" },
	{ "hybrid-needs-both-teams",
	  "lock_in=unacceptable volume.input_tokens=100M",
	  "lock_in=unacceptable volume.input_tokens=100M team.expertise=some" },
};

static void
profile_from(struct profile *p, const char *assignments)
{
	char copy[512], *save = NULL, *cause = NULL;
	profile_defaults(p);
	snprintf(copy, sizeof copy, "%s", assignments);
	for (char *a = strtok_r(copy, " ", &save); a != NULL;
	    a = strtok_r(NULL, " ", &save))
		ck_assert_msg(profile_set(p, a, &cause) == 0, "%s", cause);
}

/* True when the rule fired (as a reason or a warning). */
static bool
fired(const struct evaluation *report, const char *id)
{
	const struct rules_outcome *o = &report->outcome;
	for (size_t i = 0; i < o->fired_count; i++)
		if (strcmp(report->rules->rules[o->fired[i]].id, id) == 0)
			return true;
	for (size_t i = 0; i < o->warning_count; i++)
		if (strcmp(report->rules->rules[o->warnings[i]].id, id) == 0)
			return true;
	return false;
}

START_TEST(test_each_rule_fires_and_not)
{
	const struct rule_case *c = &rule_cases[_i];
	struct profile p;
	profile_from(&p, c->fires);
	ck_assert_msg(fired(testutil_evaluate(&p, 0, false), c->id),
	    "%s did not fire with '%s'", c->id, c->fires);
	profile_from(&p, c->silent);
	ck_assert_msg(!fired(testutil_evaluate(&p, 0, false), c->id),
	    "%s fired with '%s'", c->id, c->silent);
}
END_TEST

START_TEST(test_every_rule_has_a_case)
{
	const struct rules *rules = testutil_rules();
	size_t cases = sizeof rule_cases / sizeof rule_cases[0];
	for (size_t i = 0; i < rules->count; i++) {
		bool found = false;
		for (size_t j = 0; j < cases; j++)
			if (strcmp(rules->rules[i].id, rule_cases[j].id) == 0)
				found = true;
		ck_assert_msg(found, "rule %s has no test case", rules->rules[i].id);
	}
	ck_assert_uint_eq(rules->count, cases);
}
END_TEST

/* Every examples/NAME.yaml starts with "# expect: VERDICT". */
START_TEST(test_archetypes)
{
	const char *dir = testutil_path("examples");
	char folder[512];
	snprintf(folder, sizeof folder, "%s", dir);
	DIR *d = opendir(folder);
	struct dirent *e;
	int count = 0;
	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL) {
		char path[1024], expected[32] = "", *text, *cause = NULL;
		size_t length;
		struct profile p;
		if (strstr(e->d_name, ".yaml") == NULL)
			continue;
		snprintf(path, sizeof path, "%s/%s", folder, e->d_name);
		ck_assert_int_eq(file_read(path, &text, &length, &cause), 0);
		ck_assert(sscanf(text, "# expect: %31s", expected) == 1);
		free(text);
		profile_defaults(&p);
		ck_assert_msg(profile_load_file(&p, path, &cause) == 0, "%s", cause);
		const struct evaluation *r = testutil_evaluate(&p, 2000, false);
		ck_assert_msg(strcmp(rules_verdict_name(r->outcome.verdict),
		    expected) == 0, "%s: got %s, expected %s", e->d_name,
		    rules_verdict_name(r->outcome.verdict), expected);
		/* Most scenarios agree with these clear-cut cases. */
		ck_assert_msg(r->uncertainty.share[r->outcome.verdict] > 0.7,
		    "%s: confidence %.2f", e->d_name,
		    r->uncertainty.share[r->outcome.verdict]);
		count++;
	}
	closedir(d);
	ck_assert_int_ge(count, 10);
}
END_TEST

START_TEST(test_volume_never_moves_capable_team_back_to_closed)
{
	static const char *const teams[] = {
		"team.expertise=ml_infra", "team.expertise=some",
		"team.expertise=ml_infra tasks.complex_share=0.05",
		"team.expertise=some lock_in=avoid",
		"team.expertise=ml_infra hardware=datacenter_gpu", NULL
	};
	for (int t = 0; teams[t] != NULL; t++) {
		struct profile p;
		bool left_closed = false;
		profile_from(&p, teams[t]);
		for (double v = 1e6; v <= 2e10; v *= 1.25) {
			p.input_tokens = v * 5 / 6;
			p.output_tokens = v / 6;
			enum verdict verdict =
			    testutil_evaluate(&p, 0, false)->outcome.verdict;
			if (verdict != VERDICT_CLOSED)
				left_closed = true;
			ck_assert_msg(!(left_closed && verdict == VERDICT_CLOSED),
			    "%s: back to closed at %.0f tokens", teams[t], v);
		}
		ck_assert(left_closed);
	}
}
END_TEST

START_TEST(test_hard_privacy_never_closed)
{
	/* Random profiles: adding hard privacy never yields closed. */
	unsigned seed = 12345;
	for (int n = 0; n < 400; n++) {
		struct profile p;
		profile_defaults(&p);
		seed = seed * 1103515245u + 12345u;
		p.input_tokens = pow(10, 5 + (seed >> 8) % 500 / 100.0);
		p.output_tokens = p.input_tokens / (1 + (seed >> 4) % 9);
		p.expertise = (enum expertise)((seed >> 12) % 3);
		p.complex_share = ((seed >> 14) % 101) / 100.0;
		p.quality = (enum quality_need)((seed >> 3) % 2);
		p.ecosystem = (seed >> 18) % 8;
		p.lock_in = (enum lock_in)((seed >> 21) % 3);
		p.hardware = (enum hardware)((seed >> 23) % 4);
		p.deployment = (enum deployment)((seed >> 25) % 2);
		p.fine_tuning = (enum fine_tuning)((seed >> 27) % 3);
		p.horizon_months = 1 + (seed >> 5) % 60;
		p.privacy = PRIVACY_HARD;
		const struct evaluation *r = testutil_evaluate(&p, 0, false);
		ck_assert_int_ne(r->outcome.verdict, VERDICT_CLOSED);
		ck_assert_int_ne(r->outcome.verdict, VERDICT_HYBRID);
	}
}
END_TEST

static char *
render_json(const struct profile *p, unsigned long seed)
{
	static struct evaluation report;
	struct cost_scenario scenario;
	struct evaluate_settings settings;
	struct buffer out;
	char *cause = NULL;
	cost_scenario_default(&scenario);
	evaluate_settings_default(&settings);
	settings.samples = 3000;
	settings.seed = seed;
	evaluate_run(&report, testutil_data(), testutil_rules(), p, &scenario,
	    &settings);
	buffer_init(&out);
	ck_assert_int_eq(report_json_render(&report, &out, &cause), 0);
	return out.data;
}

START_TEST(test_same_seed_same_output)
{
	struct profile p;
	profile_from(&p, "team.expertise=some volume.input_tokens=300M");
	char *a = render_json(&p, 7), *b = render_json(&p, 7);
	char *c = render_json(&p, 8);
	ck_assert_str_eq(a, b);
	/* A different seed draws different scenarios (percentiles move). */
	ck_assert_str_ne(a, c);
	free(a);
	free(b);
	free(c);
}
END_TEST

START_TEST(test_uncertainty_shares)
{
	struct profile p;
	profile_from(&p, "team.expertise=some volume.input_tokens=100M");
	const struct evaluation *r = testutil_evaluate(&p, 5000, false);
	/* Each share is a whole number of the 5,000 draws, the shares add
	 * up to all of them, the base verdict holds the largest, and this
	 * team sits between two verdicts: the others get draws too. */
	const double *share = r->uncertainty.share;
	double sum = 0;
	for (int v = 0; v < VERDICT_COUNT; v++) {
		double draws = share[v] * 5000;
		ck_assert_double_eq_tol(draws, round(draws), 1e-6);
		ck_assert(share[v] <= share[r->outcome.verdict]);
		sum += share[v];
	}
	ck_assert_double_eq_tol(sum, 1, 1e-9);
	ck_assert(share[r->outcome.verdict] > 0.5);
	ck_assert(share[r->outcome.verdict] < 0.9);
	ck_assert_uint_eq(r->uncertainty.samples, 5000);
	/* Percentiles are ordered and bracket the base cost. */
	for (int k = 0; k < OPTION_KIND_COUNT; k++) {
		if (r->cost.cheapest[k] < 0)
			continue;
		ck_assert(r->uncertainty.p10[k] <= r->uncertainty.p50[k]);
		ck_assert(r->uncertainty.p50[k] <= r->uncertainty.p90[k]);
	}
	double base = r->cost.options[r->cost.best_api].monthly.total;
	ck_assert(r->uncertainty.p10[OPTION_API] <= base * 1.01);
	ck_assert(r->uncertainty.p90[OPTION_API] >= base * 0.99);
}
END_TEST

START_TEST(test_flip_points)
{
	struct profile p;
	profile_from(&p, "team.expertise=ml_infra volume.input_tokens=100M");
	const struct evaluation *r = testutil_evaluate(&p, 0, true);
	struct sensitivity_flip flips[SENSITIVITY_MAX_FLIPS];
	size_t count = r->flip_count;
	ck_assert_int_eq(r->outcome.verdict, VERDICT_HYBRID);
	/* The next evaluations reuse the report: keep the flips. */
	memcpy(flips, r->flips, sizeof flips);
	bool up = false, down = false;
	for (size_t i = 0; i < count; i++) {
		const struct sensitivity_flip *f = &flips[i];
		if (f->parameter != SENSITIVITY_VOLUME)
			continue;
		/* Just past the flip, the verdict is the one announced. */
		struct profile q = p;
		struct cost_scenario s;
		cost_scenario_default(&s);
		sensitivity_set(SENSITIVITY_VOLUME, &q, &s,
		    f->value * (f->above ? 1.001 : 0.999));
		ck_assert_int_eq(testutil_evaluate(&q, 0, false)->outcome.verdict,
		    f->verdict);
		if (f->above) {
			up = true;
			ck_assert_int_eq(f->verdict, VERDICT_OPEN);
			ck_assert(f->value > 400e6 && f->value < 600e6);
		} else {
			down = true;
			ck_assert_int_eq(f->verdict, VERDICT_CLOSED);
		}
	}
	ck_assert(up && down);
}
END_TEST

START_TEST(test_quality_view)
{
	struct profile p;
	profile_defaults(&p);
	p.complex_share = 0.5;
	p.horizon_months = 3;
	const struct evaluation *r = testutil_evaluate(&p, 0, false);
	double closed = metrics_success(r->metrics, VERDICT_CLOSED);
	double open = metrics_success(r->metrics, VERDICT_OPEN);
	double hybrid = metrics_success(r->metrics, VERDICT_HYBRID);
	ck_assert(closed > hybrid && hybrid >= open);
	/* A long horizon shrinks the open models' penalty. */
	p.horizon_months = 36;
	double later = metrics_success(testutil_evaluate(&p, 0, false)->metrics,
	    VERDICT_OPEN);
	ck_assert(later > open);
	/* 0.5 x 0.80 + 0.5 x simple_closed for closed. */
	const struct defaults *d = &testutil_data()->defaults;
	ck_assert_double_eq_tol(closed, 0.5 * d->quality_hard_closed.value +
	    0.5 * d->quality_simple_closed.value, 1e-12);
}
END_TEST

/* Compiles one rules text on top of nothing; returns the error. */
static char *
load_error(const char *text)
{
	struct rules rules;
	char *cause = NULL;
	rules_init(&rules);
	if (rules_load_text(&rules, "r.yaml", text, &cause) == 0) {
		rules_free(&rules);
		return NULL;
	}
	rules_free(&rules);
	return cause;
}

static void
expect_error(const char *text, const char *expected)
{
	char *cause = load_error(text);
	ck_assert_msg(cause != NULL, "accepted: %s", text);
	ck_assert_str_eq(cause, expected);
	free(cause);
}

START_TEST(test_bad_rules)
{
	expect_error("rules:\n  - id: a\n    when: volume.totl > 1\n"
	    "    favour: closed\n    weight: 1\n    because: x\n",
	    "r.yaml:3:11: unknown name 'volume.totl' (did you mean "
	    "'volume.total'?)");
	expect_error("rules:\n  - id: a\n    when: 'privacy == \"secret\"'\n"
	    "    favour: closed\n    weight: 1\n    because: x\n",
	    "r.yaml:3:23: 'secret' is not one of none, contractual, hard");
	expect_error("rules:\n  - id: a\n    when: volume.total >\n"
	    "    favour: closed\n    weight: 1\n    because: x\n",
	    "r.yaml:3:25: unexpected end of expression");
	expect_error("rules:\n  - id: a\n    when: 'true'\n    favour: closed\n"
	    "    weight: privacy\n    because: x\n",
	    "r.yaml:5:13: a weight must be a number, got a choice");
	expect_error("rules:\n  - id: a\n    when: 'true'\n    favour: closed\n"
	    "    weight: 1\n    because: '{volume.total|yen}'\n",
	    "r.yaml:6:29: unknown format 'yen' (formats are money, tokens, "
	    "percent, number, months, hours)");
	expect_error("rules:\n  - id: a\n    when: verdict == \"open\"\n"
	    "    favour: closed\n    weight: 1\n    because: x\n",
	    "r.yaml:3:11: rule 'a': only a warn rule can use 'verdict' (it is "
	    "decided by the other rules)");
	expect_error("disable: [nonexistent]\n",
	    "r.yaml:1:11: no rule 'nonexistent' to disable");
	/* Deep nesting is a compile error, not a crash. */
	char deep[4096];
	int n = snprintf(deep, sizeof deep, "rules:\n  - id: a\n    when: ");
	for (int i = 0; i < 2000; i++)
		deep[n++] = '(';
	snprintf(deep + n, sizeof deep - (size_t)n, "1\n    favour: closed\n"
	    "    weight: 1\n    because: x\n");
	char *cause = load_error(deep);
	ck_assert_ptr_nonnull(strstr(cause, "nesting deeper than 32 levels"));
	free(cause);
}
END_TEST

/* Found by fuzz/fuzz_rules: a rule with a weight expression and no when:
 * leaked the compiled weight; the failed rule's slot must be left empty
 * (nothing compiled, nothing to free). */
START_TEST(test_failed_rule_keeps_nothing)
{
	static struct rules rules;
	char *cause = NULL;
	rules_init(&rules);
	ck_assert_int_ne(rules_load_text(&rules, "r.yaml", "rules:\n"
	    "  - id: a\n    favour: open\n    weight: 2 * cost.saving_share\n"
	    "    because: x\n", &cause), 0);
	ck_assert_str_eq(cause, "r.yaml:2:5: rule 'a' has no 'when'");
	ck_assert_uint_eq(rules.count, 0);
	ck_assert_ptr_null(rules.rules[0].weight_expression);
	ck_assert_ptr_null(rules.rules[0].when);
	free(cause);
	rules_free(&rules);
}
END_TEST

START_TEST(test_user_rules_change_the_verdict)
{
	/* An organisation's policy in rules.d turns a closed verdict open. */
	char dir[] = "/tmp/llmadvisor-rules-XXXXXX", path[256], *cause = NULL;
	struct rules rules;
	struct paths paths = { 0 };
	struct profile p;
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/rules.d", dir);
	ck_assert_int_eq(mkdir(path, 0755), 0);
	snprintf(path, sizeof path, "%s/rules.d/policy.yaml", dir);
	const char *policy = "rules:\n  - id: no-pii-to-third-parties\n"
	    "    when: 'true'\n    veto: [api, hosted_open]\n"
	    "    because: We never send personal data to a third party.\n"
	    "disable: [no-ml-infrastructure]\n";
	ck_assert_int_eq(file_write_atomic(path, policy, strlen(policy),
	    &cause), 0);
	profile_defaults(&p);
	ck_assert_int_eq(testutil_evaluate(&p, 0, false)->outcome.verdict,
	    VERDICT_CLOSED);
	paths.data_dir = testutil_path("data");
	paths.config_dir = dir;
	ck_assert_msg(rules_load(&rules, &paths, &cause) == 0, "%s", cause);
	ck_assert_uint_eq(rules.count, testutil_rules()->count);
	struct evaluation *report = malloc(sizeof *report);
	struct cost_scenario scenario;
	struct evaluate_settings settings;
	cost_scenario_default(&scenario);
	evaluate_settings_default(&settings);
	settings.samples = 0;
	settings.flip_points = false;
	evaluate_run(report, testutil_data(), &rules, &p, &scenario,
	    &settings);
	ck_assert_int_eq(report->outcome.verdict, VERDICT_OPEN);
	ck_assert_str_eq(rules.rules[report->outcome.fired[0]].id,
	    "no-pii-to-third-parties");
	free(report);
	rules_free(&rules);
	snprintf(path, sizeof path, "rm -r '%s'", dir);
	ck_assert_int_eq(system(path), 0);
}
END_TEST

START_TEST(test_ties_and_phrases)
{
	ck_assert_str_eq(rules_verdict_phrase(VERDICT_CLOSED), "Go closed (API)");
	ck_assert_str_eq(rules_verdict_phrase(VERDICT_OPEN),
	    "Go open (self-hosted)");
	ck_assert_str_eq(rules_verdict_phrase(VERDICT_HYBRID),
	    "Use both (hybrid)");
	/* With no rule firing, every score is 0: the tie goes to closed. */
	struct rules rules;
	struct rules_outcome outcome;
	double metrics[EVALUATE_MAX_METRICS] = { 0 };
	char *cause = NULL;
	rules_init(&rules);
	ck_assert_int_eq(rules_load_text(&rules, "r.yaml", "rules:\n"
	    "  - id: never\n    when: 'false'\n    favour: open\n    weight: 9\n"
	    "    because: x\n  - id: tie\n    when: 'true'\n    favour: hybrid\n"
	    "    weight: 0\n    because: x\n", &cause), 0);
	rules_evaluate(&rules, metrics, &outcome);
	ck_assert_int_eq(outcome.verdict, VERDICT_CLOSED);
	ck_assert_uint_eq(outcome.fired_count, 0);
	rules_free(&rules);
}
END_TEST

static Suite *
rules_suite(void)
{
	Suite *s = suite_create("rules");
	TCase *each = tcase_create("each rule");
	tcase_add_loop_test(each, test_each_rule_fires_and_not, 0,
	    (int)(sizeof rule_cases / sizeof rule_cases[0]));
	tcase_add_test(each, test_every_rule_has_a_case);
	suite_add_tcase(s, each);
	TCase *verdict = tcase_create("verdict");
	tcase_set_timeout(verdict, 60);
	tcase_add_test(verdict, test_archetypes);
	tcase_add_test(verdict, test_volume_never_moves_capable_team_back_to_closed);
	tcase_add_test(verdict, test_hard_privacy_never_closed);
	tcase_add_test(verdict, test_same_seed_same_output);
	tcase_add_test(verdict, test_uncertainty_shares);
	tcase_add_test(verdict, test_flip_points);
	tcase_add_test(verdict, test_quality_view);
	tcase_add_test(verdict, test_ties_and_phrases);
	suite_add_tcase(s, verdict);
	TCase *files = tcase_create("files");
	tcase_add_test(files, test_bad_rules);
	tcase_add_test(files, test_failed_rule_keeps_nothing);
	tcase_add_test(files, test_user_rules_change_the_verdict);
	suite_add_tcase(s, files);
	return s;
}

int
main(void)
{
	return testutil_run(rules_suite());
}
