/* test_cost.c - the cost model reproduces the source article's figures
 * from the default data, and its structure (staircase capacity, fit check,
 * hybrid sums, breakeven, payback) holds. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cost.h"
#include "evaluate.h"
#include "report.h"
#include "testutil.h"

static struct cost_result result;

static void
evaluate(const struct profile *p, const double *values)
{
	struct cost_scenario scenario;
	cost_scenario_default(&scenario);
	cost_evaluate(testutil_data(), values ? values :
	    testutil_data()->values, p, &scenario, &result);
}

/* The option of the last evaluation with the given id, or fail. */
static const struct cost_option *
option(const char *id)
{
	return testutil_option(&result, id);
}


START_TEST(test_article_api_costs)
{
	struct profile p;
	testutil_article_profile(&p);
	evaluate(&p, NULL);
	/* 10M input + 2M output: $60 on Claude 3.5 Sonnet, $45 on GPT-4o. */
	ck_assert_double_eq_tol(
	    option("api:claude-3-5-sonnet-20241022")->monthly.compute, 60, 1e-9);
	ck_assert_double_eq_tol(option("api:gpt-4o")->monthly.compute, 45, 1e-9);
	ck_assert_double_eq_tol(option("api:gemini-1.5-pro")->monthly.compute,
	    22.5, 1e-9);
}
END_TEST

START_TEST(test_article_engineering)
{
	/* 10 ops hours at $100/hour: $1,000 a month on every self-hosted
	 * option; "some" expertise defaults to the article's 10 hours. */
	struct profile p;
	testutil_article_profile(&p);
	p.expertise = EXPERTISE_SOME;
	ck_assert_double_eq(profile_ops_hours(&p, testutil_data()), 10);
	evaluate(&p, NULL);
	ck_assert_double_eq_tol(
	    option("cloud_24x7:a100-40gb:int4:x1")->monthly.engineering, 1000,
	    1e-9);
	ck_assert_double_eq_tol(
	    option("owned:a6000:int4:x1")->monthly.engineering, 1000, 1e-9);
	/* An answer overrides the default. */
	p.ops_hours_set = true;
	p.ops_hours_per_month = 3;
	evaluate(&p, NULL);
	ck_assert_double_eq_tol(
	    option("cloud_on_demand:a100-40gb:int4:x1")->monthly.engineering,
	    300, 1e-9);
}
END_TEST

START_TEST(test_article_a100_around_the_clock)
{
	/* One A100 24/7 at $1-2/hour is $730-1,460 a month. */
	const struct data *data = testutil_data();
	const struct gpu *a100 = data_find_gpu(data, "a100-40gb");
	double *values = malloc(data->figure_count * sizeof *values);
	struct profile p;
	ck_assert_ptr_nonnull(values);
	testutil_article_profile(&p);
	memcpy(values, data->values, data->figure_count * sizeof *values);
	values[a100->cloud_price.index] = 1;
	evaluate(&p, values);
	const struct cost_option *o = option("cloud_24x7:a100-40gb:int4:x1");
	ck_assert_int_eq(o->gpus, 1);
	ck_assert_double_eq_tol(o->monthly.compute, 730, 1e-9);
	values[a100->cloud_price.index] = 2;
	evaluate(&p, values);
	ck_assert_double_eq_tol(option("cloud_24x7:a100-40gb:int4:x1")->
	    monthly.compute, 1460, 1e-9);
	free(values);
}
END_TEST

START_TEST(test_article_on_demand_hours)
{
	/* 12M tokens with a 70B model on one A100 take 20-30 GPU hours when
	 * served one stream at a time (on_demand_concurrency = 1). */
	const struct data *data = testutil_data();
	struct profile p;
	testutil_article_profile(&p);
	ck_assert_double_eq(data->defaults.on_demand_concurrency.value, 1);
	evaluate(&p, NULL);
	const struct cost_option *o = option("cloud_on_demand:a100-40gb:int4:x1");
	ck_assert_msg(o->gpu_hours >= 20 && o->gpu_hours <= 30,
	    "%.1f GPU hours", o->gpu_hours);
	/* ... which costs $20-60 at $1-2/hour: comparable to the API. */
	ck_assert(o->monthly.compute >= 20 && o->monthly.compute <= 60);
}
END_TEST

START_TEST(test_article_a6000_payback)
{
	/* An A6000 bought for $4,000-5,000 pays for itself in 4-6 months
	 * against renting a cloud A100 around the clock. */
	const struct data *data = testutil_data();
	const struct gpu *a6000 = data_find_gpu(data, "a6000");
	const struct gpu *a100 = data_find_gpu(data, "a100-40gb");
	double rent = data->defaults.hours_per_month.value *
	    a100->cloud_price.value;
	double power = cost_power_monthly(data, data->values, a6000, 1, 0,
	    1);	/* the article: the card alone, busy all month */
	double months = cost_payback_months(a6000->purchase_price.value, rent,
	    power);
	ck_assert_msg(months >= 4 && months <= 6, "%.2f months", months);
	ck_assert(a6000->purchase_price.value >= 4000 &&
	    a6000->purchase_price.value <= 5000);
	/* Renting for less than the power bill never pays back. */
	ck_assert(isnan(cost_payback_months(4500, 10, 20)));
}
END_TEST

/* The cheapest comparable API and self-hosted totals for a volume. */
static void
best_totals(enum expertise expertise, double volume, double *api,
    double *self, double *self_24x7)
{
	struct profile p;
	testutil_defaults(&p);
	p.expertise = expertise;
	p.input_tokens = volume * 5 / 6;
	p.output_tokens = volume / 6;
	evaluate(&p, NULL);
	*api = result.options[result.best_api].monthly.total;
	*self = result.options[result.best_self_hosted].monthly.total;
	*self_24x7 = result.options[result.cheapest[OPTION_CLOUD_24X7]].
	    monthly.total;
}

START_TEST(test_article_below_50m_api_wins)
{
	/* Below ~50M tokens a month the API is cheaper once engineering time
	 * counts, whatever the team. */
	for (int e = 0; e < EXPERTISE_COUNT; e++) {
		for (double v = 1e6; v <= 50e6; v *= 1.5) {
			double api, self, full;
			best_totals((enum expertise)e, v, &api, &self, &full);
			ck_assert_msg(api < self, "%s at %.0f: API %.0f, self %.0f",
			    data_expertise_name(e), v, api, self);
		}
	}
}
END_TEST

START_TEST(test_article_above_500m_capable_team)
{
	/* Above ~500M a capable team wins clearly by self-hosting: against
	 * the article's APIs (Claude 3.5 Sonnet, GPT-4o) even when renting
	 * 24/7, and against every API with owned GPUs.  Against the cheapest
	 * frontier API (Gemini 1.5 Pro at <=128k prices) 24/7 rental wins by
	 * less: the data puts that crossover near 300M. */
	struct profile p;
	for (double v = 500e6; v <= 5e9; v *= 2) {
		double api, self, full;
		best_totals(EXPERTISE_ML_INFRA, v, &api, &self, &full);
		ck_assert_msg(self < api * 0.8, "at %.0f: self %.0f vs API %.0f",
		    v, self, api);
		ck_assert_msg(full < api, "at %.0f: 24/7 %.0f vs API %.0f", v,
		    full, api);
		testutil_defaults(&p);
		p.expertise = EXPERTISE_ML_INFRA;
		p.input_tokens = v * 5 / 6;
		p.output_tokens = v / 6;
		evaluate(&p, NULL);
		ck_assert(full < 0.6 *
		    option("api:claude-3-5-sonnet-20241022")->monthly.total);
		ck_assert(full < 0.6 * option("api:gpt-4o")->monthly.total);
	}
	/* A team without infra people pays far more to self-host at 500M. */
	double api, self, full;
	best_totals(EXPERTISE_NONE, 500e6, &api, &self, &full);
	ck_assert(api < self);
}
END_TEST

START_TEST(test_staircase)
{
	/* 24/7 capacity comes in whole replicas: flat, then a step. */
	struct profile p;
	int previous = 0;
	bool stepped = false;
	testutil_defaults(&p);
	for (double v = 1e6; v <= 1e11; v *= 2) {
		p.input_tokens = v * 5 / 6;
		p.output_tokens = v / 6;
		evaluate(&p, NULL);
		const struct cost_option *o = option("cloud_24x7:a100-80gb:int4:x1");
		ck_assert_int_ge(o->replicas, previous);
		ck_assert_double_eq_tol(o->monthly.compute, o->gpus *
		    testutil_data()->defaults.hours_per_month.value *
		    o->gpu->cloud_price.value, 1e-6);
		ck_assert(o->utilisation <= 1.0 / p.peak_to_mean + 1e-9);
		if (previous > 0 && o->replicas > previous)
			stepped = true;
		previous = o->replicas;
	}
	ck_assert(stepped);
	ck_assert_int_gt(previous, 10);
}
END_TEST

START_TEST(test_fit_check)
{
	/* FP16 70B weights (141 GB) do not fit one 80 GB card; a config whose
	 * memory shrinks below the weights is no longer offered. */
	const struct data *data = testutil_data();
	double *values = malloc(data->figure_count * sizeof *values);
	struct profile p;
	char id[256];
	ck_assert_ptr_nonnull(values);
	for (size_t i = 0; i < data->config_count; i++) {
		const struct gpu_config *c = &data->configs[i];
		if (c->quantisation == QUANT_FP16 && c->gpus == 1 &&
		    data_config_gpu(data, c)->memory.value < 100)
			ck_assert(!cost_config_fits(data, data->values, c));
	}
	testutil_defaults(&p);
	evaluate(&p, NULL);
	memcpy(values, data->values, data->figure_count * sizeof *values);
	const struct gpu_config *a100 =
	    option("cloud_24x7:a100-40gb:int4:x1")->config;
	values[data_find_gpu(data, "a100-40gb")->memory.index] = 30;
	ck_assert(!cost_config_fits(data, values, a100));
	/* Fit is a fact: a sample (Monte Carlo, slider) that draws less
	 * memory or headroom does not take the card away, since the model
	 * decides fit on the data's own values. */
	values[data->defaults.memory_headroom.index] = 0.85;
	evaluate(&p, values);
	option("cloud_24x7:a100-40gb:int4:x1");
	(void)id;
	free(values);
}
END_TEST

START_TEST(test_hybrid_adds_up)
{
	struct profile p;
	struct cost_result parts;
	struct cost_scenario scenario;
	testutil_defaults(&p);
	p.expertise = EXPERTISE_ML_INFRA;
	p.input_tokens = 300e6;
	p.output_tokens = 60e6;
	p.complex_share = 0.3;
	evaluate(&p, NULL);
	/* One hybrid per open kind: take the one on the best self-hosted
	 * option's kind (the hosted open-weight one is priced alike, without
	 * GPUs). */
	const struct cost_option *h = NULL;
	enum option_kind self_kind = result.options[result.best_self_hosted].kind;
	for (size_t i = 0; i < result.count; i++)
		if (result.options[i].kind == OPTION_HYBRID &&
		    result.options[i].hybrid_self_kind == self_kind)
			h = &result.options[i];
	ck_assert_ptr_nonnull(h);
	ck_assert_int_eq(h->kind, OPTION_HYBRID);
	ck_assert_int_eq(h->model->tier, TIER_FRONTIER);
	/* Both engineering lines count. */
	const struct defaults *d = &testutil_data()->defaults;
	ck_assert_double_eq_tol(h->monthly.engineering,
	    (d->api_ops_hours.value + d->ops_hours[EXPERTISE_ML_INFRA].value) *
	    100, 1e-9);
	/* Compute: the API part at the hard share plus the self-hosted part
	 * at the rest. */
	double api_part = (0.3 * 300e6 * h->model->input_price.value +
	    0.3 * 60e6 * h->model->output_price.value) / 1e6;
	struct profile rest = p;
	rest.input_tokens *= 0.7;
	rest.output_tokens *= 0.7;
	cost_scenario_default(&scenario);
	cost_evaluate(testutil_data(), testutil_data()->values, &rest, &scenario,
	    &parts);
	double self_part = parts.options[parts.best_self_hosted].monthly.total -
	    parts.options[parts.best_self_hosted].monthly.engineering -
	    parts.options[parts.best_self_hosted].monthly.setup;
	ck_assert_double_eq_tol(h->monthly.compute + h->monthly.hardware,
	    api_part + self_part, 1e-6);
	/* No hybrid when nothing (or everything) is hard. */
	p.complex_share = 0;
	evaluate(&p, NULL);
	ck_assert_int_eq(result.cheapest[OPTION_HYBRID], -1);
}
END_TEST

START_TEST(test_breakeven)
{
	const struct data *data = testutil_data();
	struct cost_scenario scenario;
	struct profile p;
	double api, self, full;
	testutil_defaults(&p);
	p.expertise = EXPERTISE_ML_INFRA;
	cost_scenario_default(&scenario);
	double b = cost_breakeven(data, data->values, &p, &scenario);
	ck_assert_msg(b > 50e6 && b < 1e9, "breakeven %.0f", b);
	best_totals(EXPERTISE_ML_INFRA, b * 0.99, &api, &self, &full);
	ck_assert(api < self);
	best_totals(EXPERTISE_ML_INFRA, b * 1.01, &api, &self, &full);
	ck_assert(api >= self);
	/* A team without infra people breaks even far later. */
	p.expertise = EXPERTISE_NONE;
	ck_assert(cost_breakeven(data, data->values, &p, &scenario) > 2 * b);
	/* Doubling API prices pulls it earlier. */
	p.expertise = EXPERTISE_ML_INFRA;
	scenario.api_price_factor = 2;
	ck_assert(cost_breakeven(data, data->values, &p, &scenario) < b);
}
END_TEST

START_TEST(test_scenario_factors)
{
	struct profile p;
	struct cost_scenario scenario;
	struct cost_result doubled;
	testutil_defaults(&p);
	evaluate(&p, NULL);
	cost_scenario_default(&scenario);
	scenario.api_price_factor = 2;
	scenario.gpu_price_factor = 3;
	cost_evaluate(testutil_data(), testutil_data()->values, &p, &scenario,
	    &doubled);
	ck_assert_uint_eq(doubled.count, result.count);
	for (size_t i = 0; i < result.count; i++) {
		const struct cost_option *a = &result.options[i];
		const struct cost_option *b = &doubled.options[i];
		if (a->kind == OPTION_API || a->kind == OPTION_HOSTED_OPEN)
			ck_assert_double_eq_tol(b->monthly.compute,
			    2 * a->monthly.compute, 1e-9);
		if (a->kind == OPTION_CLOUD_24X7 || a->kind == OPTION_CLOUD_ON_DEMAND)
			ck_assert_double_eq_tol(b->monthly.compute,
			    3 * a->monthly.compute, 1e-6);
		if (a->kind == OPTION_OWNED)
			ck_assert_double_eq_tol(b->monthly.hardware,
			    3 * a->monthly.hardware, 1e-6);
	}
}
END_TEST

START_TEST(test_owned_hardware_is_free)
{
	struct profile p;
	testutil_defaults(&p);
	p.hardware = HARDWARE_WORKSTATION_GPU;
	evaluate(&p, NULL);
	const struct cost_option *o = option("owned:a6000:int4:x1");
	ck_assert(o->already_owned);
	ck_assert_double_eq(o->monthly.hardware, 0);
	ck_assert_double_eq(o->payback_months, 0);
	ck_assert(!option("owned:a100-40gb:int4:x1")->already_owned);
	p.hardware = HARDWARE_NONE;
	evaluate(&p, NULL);
	ck_assert(option("owned:a6000:int4:x1")->monthly.hardware > 0);
}
END_TEST

/* How many options of the last evaluation are owned GPUs with this id. */
static size_t
owned_options_of(const char *gpu)
{
	size_t count = 0;
	for (size_t i = 0; i < result.count; i++)
		count += result.options[i].kind == OPTION_OWNED &&
		    strcmp(result.options[i].gpu->id, gpu) == 0;
	return count;
}

START_TEST(test_discontinued_gpus_not_bought)
{
	/* Nobody is offered to buy a GPU no longer sold; a team that owns
	 * some still runs them (and the other discontinued one stays out). */
	static const char mac512[] = "mac-studio-m3-ultra-512gb";
	const struct data *data = testutil_shipped_data();
	const struct model *llama = data_find_model(data,
	    "llama-3.3-70b-instruct");
	struct cost_scenario scenario;
	struct profile p;
	cost_scenario_default(&scenario);
	testutil_profile(&p, "");
	/* The model pinned in the shipped data (testutil pins the
	 * article data's), which both Macs have speeds for. */
	p.self_hosted_index = (int)(llama - data->models);
	cost_evaluate(data, data->values, &p, &scenario, &result);
	ck_assert_uint_eq(owned_options_of(mac512), 0);
	ck_assert_uint_eq(owned_options_of("mac-studio-192gb"), 0);
	ck_assert_uint_gt(owned_options_of("a6000"), 0);
	testutil_profile(&p, "hardware.gpu=mac-studio-m3-ultra-512gb");
	p.self_hosted_index = (int)(llama - data->models);
	cost_evaluate(data, data->values, &p, &scenario, &result);
	ck_assert_uint_gt(owned_options_of(mac512), 0);
	ck_assert_uint_eq(owned_options_of("mac-studio-192gb"), 0);
	for (size_t i = 0; i < result.count; i++)
		if (result.options[i].kind == OPTION_OWNED &&
		    strcmp(result.options[i].gpu->id, mac512) == 0 &&
		    result.options[i].gpus == 1)
			ck_assert(result.options[i].already_owned);
}
END_TEST

START_TEST(test_totals_add_up)
{
	struct profile p;
	testutil_defaults(&p);
	p.input_tokens = 3e9;
	evaluate(&p, NULL);
	ck_assert_uint_gt(result.count, 20);
	for (size_t i = 0; i < result.count; i++) {
		const struct cost_monthly *m = &result.options[i].monthly;
		ck_assert_double_eq_tol(m->total, m->compute + m->engineering +
		    m->setup + m->hardware, 1e-9);
		ck_assert(m->compute >= 0 && m->hardware >= 0);
	}
	/* Small models are listed but not compared. */
	ck_assert(!option("api:gpt-4o-mini")->comparable);
	ck_assert(option("api:gpt-4o")->comparable);
}
END_TEST

/* The best self-hosted monthly total of a profile on one open model. */
static double
best_self_hosted_on(const struct profile *profile, int model)
{
	struct profile p = *profile;
	p.self_hosted_index = model;
	evaluate(&p, NULL);
	return result.best_self_hosted < 0 ? INFINITY :
	    result.options[result.best_self_hosted].monthly.total;
}

/* self_hosted_model: auto (defaults.yaml's) picks, among the open models
 * of the tier the answers need that fit a configuration, the one with
 * the lowest self-hosted monthly total at the answered volume; every
 * self-hosted option then runs it. */
START_TEST(test_auto_picks_cheapest_fitting_model)
{
	testutil_use_shipped_data(true);	/* the current open models */
	const struct data *data = testutil_data();
	static const char *const answers[] = {
		"", "tasks.quality=good_enough",
		"tasks.quality=good_enough volume.input_tokens=2B",
		"tasks.complex_share=0 volume.input_tokens=300M "
		"team.expertise=ml_infra",
		"privacy=hard deployment=on_prem",
	};
	struct cost_scenario scenario;
	cost_scenario_default(&scenario);
	for (size_t a = 0; a < sizeof answers / sizeof answers[0]; a++) {
		struct profile p;
		char assignments[256];
		snprintf(assignments, sizeof assignments, "self_hosted_model=auto "
		    "%s", answers[a]);
		testutil_profile(&p, assignments);
		p.self_hosted_index = -1;
		int chosen = evaluate_self_hosted_model(data, &p, &scenario);
		ck_assert_msg(chosen >= 0, "%s: no model", answers[a]);
		const struct model *m = &data->models[chosen];
		ck_assert_int_eq(m->kind, MODEL_OPEN_WEIGHTS);
		ck_assert_msg(m->tier >= evaluate_tier_needed(&p),
		    "%s: %s is below the tier needed", answers[a], m->id);
		double picked = best_self_hosted_on(&p, chosen);
		ck_assert(isfinite(picked));
		for (size_t i = 0; i < data->model_count; i++) {
			const struct model *o = &data->models[i];
			if (o->kind != MODEL_OPEN_WEIGHTS ||
			    o->tier < evaluate_tier_needed(&p))
				continue;
			ck_assert_msg(picked <= best_self_hosted_on(&p, (int)i),
			    "%s: %s ($%.0f) is cheaper than the pick %s ($%.0f)",
			    answers[a], o->id, best_self_hosted_on(&p, (int)i),
			    m->id, picked);
		}
		/* The evaluation runs it, once: every self-hosted option. */
		const struct evaluation *r = testutil_evaluate(&p, 50, false);
		ck_assert_int_eq(r->profile.self_hosted_index, chosen);
		ck_assert(r->self_hosted_auto);
		size_t self_hosted = 0;
		for (size_t i = 0; i < r->cost.count; i++) {
			const struct cost_option *o = &r->cost.options[i];
			if (!cost_kind_is_self_hosted(o->kind))
				continue;
			ck_assert_ptr_eq(o->model, m);
			ck_assert(cost_config_fits(data, data->values, o->config));
			self_hosted++;
		}
		ck_assert_uint_gt(self_hosted, 0);
	}
	/* The best quality on hard tasks needs a frontier-tier model; good
	 * enough (or no hard tasks) a large one. */
	struct profile p;
	testutil_profile(&p, "tasks.quality=best tasks.complex_share=0.3");
	ck_assert_int_eq(evaluate_tier_needed(&p), TIER_FRONTIER);
	testutil_profile(&p, "tasks.quality=best tasks.complex_share=0");
	ck_assert_int_eq(evaluate_tier_needed(&p), TIER_LARGE);
	testutil_profile(&p, "tasks.quality=good_enough");
	ck_assert_int_eq(evaluate_tier_needed(&p), TIER_LARGE);
	testutil_use_shipped_data(false);
}
END_TEST

/* An id pins the model even when auto would pick another, and the
 * answers file's default (no answer) is defaults.yaml's auto. */
START_TEST(test_id_pins_model)
{
	testutil_use_shipped_data(true);	/* the current open models */
	const struct data *data = testutil_data();
	const struct evaluation *r;
	struct cost_scenario scenario;
	struct profile p;
	cost_scenario_default(&scenario);
	static const char *const pins[] = {
		"qwen3-32b", "gpt-oss-20b", "deepseek-v3.2", "llama-3.1-70b",
		"llama-4-maverick"
	};
	for (size_t i = 0; i < sizeof pins / sizeof pins[0]; i++) {
		char set[128];
		snprintf(set, sizeof set, "self_hosted_model=%s", pins[i]);
		testutil_profile(&p, set);
		p.self_hosted_index = -1;
		int pinned = evaluate_self_hosted_model(data, &p, &scenario);
		ck_assert_ptr_eq(&data->models[pinned],
		    data_find_model(data, pins[i]));
		r = testutil_evaluate(&p, 0, false);
		ck_assert(!r->self_hosted_auto);
		for (size_t o = 0; o < r->cost.count; o++)
			if (cost_kind_is_self_hosted(r->cost.options[o].kind))
				ck_assert_str_eq(r->cost.options[o].model->id,
				    pins[i]);
	}
	/* An id the data lacks (an old autosave: main refuses one before)
	 * runs as auto, and says so. */
	testutil_profile(&p, "");
	snprintf(p.self_hosted_model, sizeof p.self_hosted_model, "gone-70b");
	p.self_hosted_index = -1;
	r = testutil_evaluate(&p, 0, false);
	ck_assert(r->self_hosted_auto);
	ck_assert_int_ge(r->profile.self_hosted_index, 0);
	/* No answer: the data's default, which is auto. */
	profile_defaults(&p);
	ck_assert_str_eq(profile_self_hosted_answer(&p, data), "auto");
	ck_assert_ptr_null(data_self_hosted_model(data));
	r = testutil_evaluate(&p, 0, false);
	ck_assert(r->self_hosted_auto);
	ck_assert_int_ge(r->profile.self_hosted_index, 0);
	ck_assert_int_eq(data->models[r->profile.self_hosted_index].tier,
	    TIER_FRONTIER);
	testutil_use_shipped_data(false);
}
END_TEST

static Suite *
cost_suite(void)
{
	Suite *s = suite_create("cost");
	TCase *article = tcase_create("article");
	tcase_add_test(article, test_article_api_costs);
	tcase_add_test(article, test_article_engineering);
	tcase_add_test(article, test_article_a100_around_the_clock);
	tcase_add_test(article, test_article_on_demand_hours);
	tcase_add_test(article, test_article_a6000_payback);
	tcase_add_test(article, test_article_below_50m_api_wins);
	tcase_add_test(article, test_article_above_500m_capable_team);
	suite_add_tcase(s, article);
	TCase *model = tcase_create("model");
	tcase_add_test(model, test_staircase);
	tcase_add_test(model, test_fit_check);
	tcase_add_test(model, test_hybrid_adds_up);
	tcase_add_test(model, test_breakeven);
	tcase_add_test(model, test_scenario_factors);
	tcase_add_test(model, test_owned_hardware_is_free);
	tcase_add_test(model, test_discontinued_gpus_not_bought);
	tcase_add_test(model, test_totals_add_up);
	suite_add_tcase(s, model);
	TCase *self_hosted = tcase_create("self-hosted model");
	tcase_add_test(self_hosted, test_auto_picks_cheapest_fitting_model);
	tcase_add_test(self_hosted, test_id_pins_model);
	suite_add_tcase(s, self_hosted);
	return s;
}

int
main(void)
{
	return testutil_run(cost_suite());
}
