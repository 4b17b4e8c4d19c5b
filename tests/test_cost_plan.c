/* test_cost_plan.c - the Monte Carlo's option pruning (cost_plan.c) is
 * invisible: for many teams, in random scenarios drawn anywhere in the
 * box the plan was built for, the planned evaluation finds the same
 * cheapest option of every kind, the same best API and self-hosted
 * option and the same hybrids (by total) as pricing every option; and it
 * does leave options out, or the Monte Carlo would be no faster.  The
 * same for its batches (cost_batch.c): a sample evaluated from a batch
 * gives what the planned evaluation gives, bit for bit, while pricing
 * fewer options in full. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cost.h"
#include "cost_batch.h"
#include "cost_private.h"
#include "evaluate.h"
#include "metrics.h"
#include "testutil.h"

static struct cost_result full, planned, moved, batched;
static double planned_metrics[EVALUATE_MAX_METRICS],
    moved_metrics[EVALUATE_MAX_METRICS], batched_metrics[EVALUATE_MAX_METRICS];

/* The teams: space-separated --set assignments on the default profile. */
static const char *const teams[] = {
	"",
	"volume.input_tokens=1M volume.output_tokens=200k",
	"volume.input_tokens=100M volume.output_tokens=20M",
	"volume.input_tokens=1B volume.output_tokens=200M",
	"volume.input_tokens=20B volume.output_tokens=4B",
	"team.expertise=ml_infra volume.input_tokens=300M",
	"team.expertise=some volume.batch_share=0.6 volume.input_tokens=2B",
	"volume.cached_input_share=0.5 volume.batch_share=0.3",
	"horizon_months=36 volume.input_tokens=500M",
	"deployment=on_prem volume.input_tokens=1B",
	"availability=redundant volume.peak_to_mean=4 volume.input_tokens=3B",
	"tasks.complex_share=0.95 volume.input_tokens=400M",
	"tasks.complex_share=0 volume.input_tokens=50M",
	"hardware.gpu=h100-80gb hardware.count=2 volume.input_tokens=800M",
	"team.hourly_rate=400 team.ops_hours_per_month=80 volume.input_tokens=5B",
	"fine_tuning=dataset_ready volume.input_tokens=200M",
};

/* A uniform number in [0, 1) (xorshift: the test's own, reproducible). */
static double
uniform(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return (double)(*state >> 11) * 0x1.0p-53;
}

/* The data set of a loop index: the article's for even ones, the
 * shipped data/ (self_hosted_model auto, resolved as a run does) for
 * odd ones; the team's profile for it. */
static const struct data *
data_set(int i, const char *team, struct profile *p)
{
	struct cost_scenario scenario;
	testutil_profile(p, team);
	if (i % 2 == 0)
		return testutil_data();
	const struct data *data = testutil_shipped_data();
	snprintf(p->self_hosted_model, sizeof p->self_hosted_model, "%s",
	    PROFILE_SELF_HOSTED_AUTO);
	cost_scenario_of(p, &scenario);
	p->self_hosted_index = evaluate_self_hosted_model(data, p, &scenario);
	return data;
}

/* The box of a team: every figure over its whole plausible range (wider
 * than any draw), the answers within the spreads the Monte Carlo uses. */
static void
box_of(const struct data *data, const struct profile *p, double *low,
    double *high, struct cost_box *box)
{
	for (size_t i = 0; i < data->figure_count; i++) {
		const struct figure *f = data_figure_at(data, i);
		bool size = strcmp(f->unit, "GB") == 0 ||
		    strcmp(f->unit, "bytes/token") == 0 ||
		    strcmp(f->unit, "billion") == 0;
		low[i] = size ? f->value : f->low;
		high[i] = size ? f->value : f->high;
	}
	double volume = p->input_tokens + p->output_tokens;
	*box = (struct cost_box){
		.figure_low = low, .figure_high = high,
		.volume_low = volume * 0.6, .volume_high = volume * 1.4,
		.rate_low = p->hourly_rate * 0.75,
		.rate_high = p->hourly_rate * 1.25,
		.complex_share_low = fmax(0, p->complex_share - 0.1),
		.complex_share_high = fmin(1, p->complex_share + 0.1),
	};
}

/* The team with a monthly volume drawn within the box's (its input to
 * output ratio kept). */
static void
with_drawn_volume(const struct profile *base, const struct cost_box *box,
    uint64_t *state, struct profile *p)
{
	double volume = box->volume_low + uniform(state) *
	    (box->volume_high - box->volume_low);
	double total = base->input_tokens + base->output_tokens;
	*p = *base;
	p->input_tokens = volume * base->input_tokens / total;
	p->output_tokens = volume - p->input_tokens;
}

/* A total of an option index, or -1 for none. */
static double
total_of(const struct cost_result *r, int index)
{
	return index < 0 ? -1 : r->options[index].monthly.total;
}

/* The figures a plan marks as not needed are not drawn, so the Monte
 * Carlo holds them at their values: moving each of them anywhere in its
 * range must change nothing a planned evaluation and its metrics give
 * (every option's total, every metric, bit for bit). */
static void
unread_figures_unread(const struct data *data, const struct cost_plan *plan,
    double *values, const double *low, const double *high,
    const struct profile *p, const struct cost_scenario *scenario,
    uint64_t *state)
{
	static double kept[4096];
	cost_evaluate_planned(data, values, p, scenario, plan, &planned);
	metrics_compute(data, values, p, scenario, &planned, 1e9,
	    planned_metrics);
	memcpy(kept, values, data->figure_count * sizeof *values);
	for (size_t i = 0; i < data->figure_count; i++)
		if (!plan->figure_needed[i])
			values[i] = low[i] + uniform(state) * (high[i] - low[i]);
	cost_evaluate_planned(data, values, p, scenario, plan, &moved);
	metrics_compute(data, values, p, scenario, &moved, 1e9,
	    moved_metrics);
	memcpy(values, kept, data->figure_count * sizeof *values);
	ck_assert_uint_eq(moved.count, planned.count);
	for (size_t i = 0; i < planned.count; i++)
		ck_assert_msg(moved.options[i].monthly.total ==
		    planned.options[i].monthly.total,
		    "option %zu moved with figures the plan does not need", i);
	for (int m = 0; m < EVALUATE_MAX_METRICS; m++)
		ck_assert_msg(memcmp(&moved_metrics[m], &planned_metrics[m],
		    sizeof moved_metrics[m]) == 0,
		    "metric %d moved with figures the plan does not need", m);
}

/* Full and planned evaluations agree on everything the Monte Carlo
 * reads, in random scenarios of the box. */
START_TEST(test_planned_agrees_with_full)
{
	static double low[4096], high[4096], values[4096];
	struct profile base, p;
	struct cost_scenario scenario;
	struct cost_box box;
	struct cost_plan plan;
	uint64_t state = 0x9E3779B97F4A7C15ull + (uint64_t)_i;
	const struct data *data = data_set(_i, teams[_i / 2], &base);

	ck_assert_uint_lt(data->figure_count, 4096);
	cost_scenario_default(&scenario);
	box_of(data, &base, low, high, &box);
	ck_assert_int_eq(cost_plan_build(data, &base, &scenario, &box, &plan),
	    0);
	ck_assert_uint_le(plan.options_kept, plan.options_total);
	for (int n = 0; n < 400; n++) {
		/* Corners as well as inside: the bounds are tight there. */
		for (size_t i = 0; i < data->figure_count; i++) {
			double r = uniform(&state);
			if (n % 4 == 0)
				r = r < 0.5 ? 0 : 1;
			values[i] = low[i] + r * (high[i] - low[i]);
		}
		with_drawn_volume(&base, &box, &state, &p);
		p.hourly_rate = box.rate_low + uniform(&state) *
		    (box.rate_high - box.rate_low);
		p.complex_share = box.complex_share_low + uniform(&state) *
		    (box.complex_share_high - box.complex_share_low);
		p.ops_hours_per_month = 1 + uniform(&state) * 40;
		p.ops_hours_set = true;
		cost_evaluate(data, values, &p, &scenario, &full);
		cost_evaluate_planned(data, values, &p, &scenario, &plan,
		    &planned);
		for (int k = 0; k < OPTION_KIND_COUNT; k++) {
			ck_assert_msg(total_of(&planned, planned.cheapest[k]) ==
			    total_of(&full, full.cheapest[k]),
			    "%s, kind %s, sample %d: planned %g, full %g (%s)",
			    teams[_i / 2], cost_kind_name(k), n,
			    total_of(&planned, planned.cheapest[k]),
			    total_of(&full, full.cheapest[k]),
			    full.cheapest[k] < 0 ? "none" :
			    full.options[full.cheapest[k]].model->id);
			ck_assert_double_eq(total_of(&planned,
			    planned.hybrid_by_open_kind[k]),
			    total_of(&full, full.hybrid_by_open_kind[k]));
		}
		ck_assert_double_eq(total_of(&planned, planned.best_api),
		    total_of(&full, full.best_api));
		ck_assert_double_eq(total_of(&planned, planned.best_self_hosted),
		    total_of(&full, full.best_self_hosted));
		unread_figures_unread(data, &plan, values, low, high, &p,
		    &scenario, &state);
	}
	cost_plan_free(&plan);
}
END_TEST

/* cost_hybrid prices a self-hosted option again at the hybrid's share of
 * the volume only when cost_hybrid_floor could still win: the floor is
 * never above the option's total at any share, in random scenarios of
 * every team, and each hybrid's open part is the cheapest of its kind at
 * its share, as pricing every option again finds. */
START_TEST(test_hybrid_floor)
{
	static double low[4096], high[4096], values[4096];
	struct profile base, p;
	struct cost_scenario scenario;
	struct cost_box box;
	struct cost_context c;
	struct cost_option part;
	uint64_t state = 0xD1B54A32D192ED03ull + (uint64_t)_i;
	const struct data *data = data_set(_i, teams[_i / 2], &base);

	cost_scenario_default(&scenario);
	box_of(data, &base, low, high, &box);
	for (int n = 0; n < 150; n++) {
		for (size_t i = 0; i < data->figure_count; i++)
			values[i] = low[i] + uniform(&state) *
			    (high[i] - low[i]);
		with_drawn_volume(&base, &box, &state, &p);
		p.complex_share = 0.02 + 0.96 * uniform(&state);
		cost_evaluate(data, values, &p, &scenario, &full);
		cost_context_init(&c, data, values, &p, &scenario, NULL);
		double cheapest[OPTION_KIND_COUNT];
		for (int k = 0; k < OPTION_KIND_COUNT; k++)
			cheapest[k] = INFINITY;
		double share = 1 - p.complex_share;
		for (size_t i = 0; i < full.count; i++) {
			const struct cost_option *o = &full.options[i];
			if (!cost_kind_is_self_hosted(o->kind))
				continue;
			double f = 0.01 + 0.98 * uniform(&state);
			cost_self_hosted(&c, o->config, &o->speed, o->kind,
			    full.input_tokens * f, full.output_tokens * f, &part);
			ck_assert_msg(cost_hybrid_floor(&c, o, f) <=
			    part.monthly.total, "%s, %s on %s at %.3f: floor "
			    "%.17g above %.17g", teams[_i / 2],
			    cost_kind_name(o->kind), o->gpu->id, f,
			    cost_hybrid_floor(&c, o, f), part.monthly.total);
			cost_self_hosted(&c, o->config, &o->speed, o->kind,
			    full.input_tokens * share, full.output_tokens * share,
			    &part);
			if (part.monthly.total < cheapest[o->kind])
				cheapest[o->kind] = part.monthly.total;
		}
		for (int k = 0; k < OPTION_KIND_COUNT; k++) {
			int h = full.hybrid_by_open_kind[k];
			if (h < 0 || !cost_kind_is_self_hosted(k))
				continue;
			const struct cost_option *o = &full.options[h];
			cost_self_hosted(&c, o->config, &o->speed, k,
			    full.input_tokens * share, full.output_tokens * share,
			    &part);
			ck_assert_double_eq(part.monthly.total, cheapest[k]);
		}
	}
}
END_TEST

/* The option of a full evaluation with a configuration and kind. */
static const struct cost_option *
option_of(const struct cost_result *r, const struct gpu_config *config,
    enum option_kind kind)
{
	for (size_t i = 0; i < r->count; i++)
		if (r->options[i].config == config && r->options[i].kind == kind)
			return &r->options[i];
	return NULL;
}

/* Batches of 32 random samples of the box, a third of the figures held
 * at their values (constant rows), the rest drawn, and for a quarter of
 * the teams every option twice (ties): every option's batch
 * total is cost_self_hosted's at the full volume and at the hybrid's
 * share; each sample evaluated from the batch gives the planned
 * evaluation's cheapest option of every kind, hybrids, best API and
 * self-hosted option and every metric, bit for bit; and the samples
 * price fewer self-hosted options in full than the plan keeps. */
START_TEST(test_batch_agrees_with_planned)
{
	enum { LANES = 32 };
	static double low[4096], high[4096], values[4096];
	static double drawn[4096 * LANES], totals[2 * 2 * 3 * 512 * LANES];
	static int draw_row[4096];
	static struct cost_plan_config listed[4096];
	double answers[5][LANES];
	struct profile base, p;
	struct cost_scenario scenario;
	struct cost_box box;
	struct cost_plan plan;
	struct cost_batch batch;
	struct cost_context c;
	struct cost_option part;
	uint64_t state = 0xA0761D6478BD642Full + (uint64_t)_i;
	const struct data *data = data_set(_i, teams[_i / 2], &base);
	size_t kept = 0, priced = 0;

	cost_scenario_default(&scenario);
	box_of(data, &base, low, high, &box);
	ck_assert_int_eq(cost_plan_build(data, &base, &scenario, &box, &plan),
	    0);
	if (_i % 4 == 3) {
		/* Every configuration twice: options tied to the last bit,
		 * which the batches settle by looking at every total. */
		struct cost_plan_config *twice = malloc(2 * plan.config_count *
		    sizeof *twice + 1);
		ck_assert_ptr_nonnull(twice);
		for (size_t i = 0; i < plan.config_count; i++)
			twice[2 * i] = twice[2 * i + 1] = plan.configs[i];
		free(plan.configs);
		plan.configs = twice;
		plan.config_count *= 2;
	}
	for (size_t i = 0; i < data->figure_count; i++)
		draw_row[i] = i % 3 == 0 ? -1 : (int)i;
	ck_assert_int_eq(cost_batch_build(&batch, data, &plan, &base,
	    &scenario, draw_row, LANES), 0);
	for (size_t i = 0; i < plan.config_count; i++)
		for (unsigned k = plan.configs[i].kinds; k != 0; k &= k - 1)
			kept++;
	ck_assert_uint_eq(batch.option_count, kept);
	ck_assert_uint_le(kept, 2 * 3 * 512);
	for (int round = 0; round < 8; round++) {
		for (size_t i = 0; i < data->figure_count; i++)
			for (size_t n = 0; n < LANES; n++) {
				double r = uniform(&state);
				if ((round + n) % 4 == 0)
					r = r < 0.5 ? 0 : 1;
				drawn[i * LANES + n] = low[i] + r *
				    (high[i] - low[i]);
			}
		for (size_t n = 0; n < LANES; n++) {
			with_drawn_volume(&base, &box, &state, &p);
			answers[0][n] = p.input_tokens;
			answers[1][n] = p.output_tokens;
			answers[2][n] = 1 + uniform(&state) * 40;
			answers[3][n] = box.rate_low + uniform(&state) *
			    (box.rate_high - box.rate_low);
			answers[4][n] = box.complex_share_low +
			    uniform(&state) * (box.complex_share_high -
			    box.complex_share_low);
		}
		const struct cost_batch_answers rows = {
			answers[0], answers[1], answers[2], answers[3],
			answers[4],
		};
		cost_batch_price(&batch, drawn, &rows, LANES, totals);
		for (size_t n = 0; n < LANES; n++) {
			for (size_t i = 0; i < data->figure_count; i++)
				values[i] = draw_row[i] < 0 ? data->values[i] :
				    drawn[i * LANES + n];
			p = base;
			p.input_tokens = answers[0][n];
			p.output_tokens = answers[1][n];
			p.ops_hours_per_month = answers[2][n];
			p.ops_hours_set = true;
			p.hourly_rate = answers[3][n];
			p.complex_share = answers[4][n];
			double share = 1 - p.complex_share;
			bool hybrid = p.complex_share > 0 && p.complex_share < 1;

			/* Each total is cost_self_hosted's. */
			cost_evaluate(data, values, &p, &scenario, &full);
			cost_context_init(&c, data, values, &p, &scenario,
			    &plan);
			size_t o = 0;
			for (size_t i = 0; i < plan.config_count; i++)
				for (int k = OPTION_CLOUD_ON_DEMAND;
				    k <= OPTION_OWNED; k++) {
					if (!(plan.configs[i].kinds &
					    COST_KIND_BIT(k)))
						continue;
					const struct cost_option *x = option_of(
					    &full, &data->configs[
					    plan.configs[i].config], k);
					if (x == NULL)
						ck_abort_msg("%s: an option the "
						    "plan keeps is not priced",
						    teams[_i / 2]);
					double t = totals[2 * o * LANES + n];
					double h = totals[(2 * o + 1) * LANES +
					    n];
					if (!(fabs(t - x->monthly.total) <=
					    1e-12 * x->monthly.total))
						ck_abort_msg("%s, %s on "
					    "%s: batch %.17g, cost %.17g",
					    teams[_i / 2], cost_kind_name(k),
					    x->gpu->id, t, x->monthly.total);
					cost_self_hosted(&c, x->config,
					    &x->speed, x->kind,
					    full.input_tokens * share,
					    full.output_tokens * share, &part);
					if (!(hybrid ? fabs(h -
					    part.monthly.total) <= 1e-12 *
					    part.monthly.total : h == INFINITY))
						ck_abort_msg("%s, %s on %s at the "
						    "hybrid's "
					    "share: batch %.17g, cost %.17g",
					    teams[_i / 2], cost_kind_name(k),
					    x->gpu->id, h, part.monthly.total);
					o++;
				}

			/* The sample's results are the planned ones. */
			cost_evaluate_planned(data, values, &p, &scenario,
			    &plan, &planned);
			cost_batch_evaluate(&batch, totals, n, values, &p,
			    &scenario, listed, &batched);
			/* Checked with ck_abort_msg on a difference only:
			 * check logs every ck_assert that passes. */
			for (int k = 0; k < OPTION_KIND_COUNT; k++)
				if (total_of(&batched, batched.cheapest[k]) !=
				    total_of(&planned, planned.cheapest[k]) ||
				    total_of(&batched,
				    batched.hybrid_by_open_kind[k]) != total_of(
				    &planned, planned.hybrid_by_open_kind[k]))
					ck_abort_msg("%s, %s: cheapest %.17g "
					    "(planned %.17g), hybrid %.17g "
					    "(planned %.17g)", teams[_i / 2],
					    cost_kind_name(k), total_of(&batched,
					    batched.cheapest[k]), total_of(
					    &planned, planned.cheapest[k]),
					    total_of(&batched,
					    batched.hybrid_by_open_kind[k]),
					    total_of(&planned,
					    planned.hybrid_by_open_kind[k]));
			if (total_of(&batched, batched.best_api) !=
			    total_of(&planned, planned.best_api) ||
			    total_of(&batched, batched.best_self_hosted) !=
			    total_of(&planned, planned.best_self_hosted))
				ck_abort_msg("%s: best API or self-hosted "
				    "option differs", teams[_i / 2]);
			metrics_compute(data, values, &p, &scenario, &planned,
			    1e9, planned_metrics);
			metrics_compute(data, values, &p, &scenario, &batched,
			    1e9, batched_metrics);
			for (int m = 0; m < EVALUATE_MAX_METRICS; m++)
				if (memcmp(&batched_metrics[m],
				    &planned_metrics[m],
				    sizeof batched_metrics[m]) != 0)
					ck_abort_msg("%s: metric %d differs "
					    "from a batch", teams[_i / 2], m);
			for (size_t i = 0; i < batched.count; i++)
				priced += cost_kind_is_self_hosted(
				    batched.options[i].kind);
		}
	}
	/* Fewer than the plan keeps, or the batches gain nothing. */
	if (kept > 3)
		ck_assert_uint_lt(priced, kept * 8 * LANES);
	cost_batch_free(&batch);
	cost_plan_free(&plan);
}
END_TEST

/* The default team's plan leaves options out, and keeps at least the
 * cheapest option of every kind the full evaluation has. */
START_TEST(test_plan_prunes)
{
	const struct data *data = testutil_data();
	static double low[4096], high[4096];
	struct profile p;
	struct cost_scenario scenario;
	struct cost_box box;
	struct cost_plan plan;

	testutil_profile(&p, "");
	cost_scenario_default(&scenario);
	box_of(data, &p, low, high, &box);
	ck_assert_int_eq(cost_plan_build(data, &p, &scenario, &box, &plan), 0);
	ck_assert_uint_lt(plan.options_kept, plan.options_total);
	ck_assert_uint_lt(plan.model_count, 6);
	size_t needed = 0;
	for (size_t i = 0; i < data->figure_count; i++)
		needed += plan.figure_needed[i];
	ck_assert_uint_lt(needed, data->figure_count);
	cost_plan_free(&plan);
}
END_TEST

/* A box with no volume prunes no competing API: at no tokens every API
 * costs the same, and the first one is the cheapest. */
START_TEST(test_no_volume_keeps_apis)
{
	const struct data *data = testutil_data();
	static double low[4096], high[4096];
	struct profile p;
	struct cost_scenario scenario;
	struct cost_box box;
	struct cost_plan plan;
	size_t apis = 0;

	testutil_profile(&p, "volume.input_tokens=0 volume.output_tokens=0");
	cost_scenario_default(&scenario);
	box_of(data, &p, low, high, &box);
	ck_assert_int_eq(cost_plan_build(data, &p, &scenario, &box, &plan), 0);
	/* Every API that competes: those below the self-hosted model's
	 * tier are never any kind's cheapest. */
	ck_assert_int_ge(p.self_hosted_index, 0);
	enum quality_tier tier = data->models[p.self_hosted_index].tier;
	for (size_t i = 0; i < data->model_count; i++)
		apis += data->models[i].kind != MODEL_OPEN_WEIGHTS &&
		    data->models[i].tier >= tier;
	ck_assert_uint_eq(plan.model_count, apis);
	cost_plan_free(&plan);
}
END_TEST

static Suite *
cost_plan_suite(void)
{
	Suite *s = suite_create("cost_plan");
	TCase *c = tcase_create("core");
	tcase_set_timeout(c, 120);
	tcase_add_loop_test(c, test_planned_agrees_with_full, 0,
	    2 * (int)(sizeof teams / sizeof teams[0]));
	tcase_add_loop_test(c, test_hybrid_floor, 0,
	    2 * (int)(sizeof teams / sizeof teams[0]));
	tcase_add_loop_test(c, test_batch_agrees_with_planned, 0,
	    2 * (int)(sizeof teams / sizeof teams[0]));
	tcase_add_test(c, test_plan_prunes);
	tcase_add_test(c, test_no_volume_keeps_apis);
	suite_add_tcase(s, c);
	return s;
}

int
main(void)
{
	return testutil_run(cost_plan_suite());
}
