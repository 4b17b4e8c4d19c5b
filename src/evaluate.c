/* evaluate.c - one evaluation: everything the views show (see evaluate.h).
 *
 * The chart series: each plot column is one volume on the chart's log
 * axis, evaluated with cost_evaluate() at the profile's input/output
 * ratio, and with rules decided (decide_run without texts) for each
 * outcome's monthly total plus adjustments; where the gap between the best API and the best self-hosted
 * option changes sign between two columns, the crossing is found by
 * bisection, as cost_breakeven() does. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cost_private.h"
#include "evaluate.h"
#include "metrics.h"
#include "report.h"

#define EVALUATE_BISECTIONS 40

/* Scratch for the table's and the chart's cost evaluations and
 * decisions: one at a time, so evaluate_run and evaluate_chart are not
 * reentrant (a cost_result is too large for the stack of a thread). */
static struct cost_result evaluate_scratch;
static double evaluate_scratch_metrics[EVALUATE_MAX_METRICS];
static struct decision evaluate_scratch_decision;

/* Each outcome's monthly total plus adjustments for the profile p, whose
 * costs are in evaluate_scratch (NAN where an outcome has no option);
 * without rules, NAN for all. */
static void
evaluate_outcome_totals(const struct evaluation *evaluation,
    const struct profile *p, double totals[VERDICT_COUNT])
{
	const struct data *data = evaluation->data;
	const struct decision *d = &evaluate_scratch_decision;

	for (int v = 0; v < VERDICT_COUNT; v++)
		totals[v] = NAN;
	if (evaluation->rules == NULL)
		return;
	metrics_compute(data, data->values, p, &evaluation->scenario,
	    &evaluate_scratch, evaluation->breakeven, evaluate_scratch_metrics);
	decide_run(evaluation->rules, data, data->values, p,
	    &evaluate_scratch, evaluate_scratch_metrics, false,
	    &evaluate_scratch_decision);
	for (int v = 0; v < VERDICT_COUNT; v++)
		if (d->ledgers[v].available)
			totals[v] = d->ledgers[v].monthly.total +
			    d->ledgers[v].adjustments_total;
}

/* 10,000 Monte Carlo samples with seed 1, and flip points. */
void
evaluate_settings_default(struct evaluate_settings *settings)
{
	settings->samples = 10000;
	settings->seed = 1;
	settings->flip_points = true;
	settings->views = true;
	settings->now = 0;
}

/* Whether a price figure can reach this evaluation's costs: not one of
 * a retired model (never chosen), nor a fine-tuning price when the team
 * does not fine-tune, nor a GPU's price no option offered on it reads
 * (gpu_kinds: cost_gpu_kinds): the rental prices of a GPU nobody rents
 * here, the purchase price of one nobody is offered to buy (a GPU that
 * cannot run the self-hosted model, a discontinued one the team does
 * not own, any on an on-premises answer's cloud side). */
static bool
evaluate_figure_used(const struct evaluation *evaluation, size_t i,
    const unsigned *gpu_kinds)
{
	const struct data *data = evaluation->data;
	const struct model *m = data_figure_model(data, i);
	const struct gpu *g = data_figure_gpu(data, i);
	const struct figure *f = data_figure_at(data, i);
	if (g != NULL)
		return cost_gpu_figure_read(data, &evaluation->profile,
		    (size_t)(g - data->gpus), gpu_kinds[g - data->gpus], f);
	if (m == NULL)
		return true;
	if (m->retired)
		return false;
	return evaluation->profile.fine_tuning != FINE_TUNING_NONE ||
	    (f != &m->fine_tuning_training_price &&
	    f != &m->fine_tuning_input_price &&
	    f != &m->fine_tuning_output_price);
}

/* Price figures (USD units) whose as-of date is older than stale_months
 * before the evaluation's date, among those its costs can use. */
static void
evaluate_find_stale(struct evaluation *evaluation, const double *values)
{
	const struct data *data = evaluation->data;
	double months = values[data->defaults.stale_months.index];
	unsigned *gpu_kinds = calloc(data->gpu_count + 1, sizeof *gpu_kinds);
	evaluation->stale_count = 0;
	if (gpu_kinds == NULL)
		return;		/* out of memory: no stale warning */
	cost_gpu_kinds(data, &evaluation->profile, gpu_kinds);
	for (size_t i = 0; i < data->figure_count &&
	    evaluation->stale_count < EVALUATE_MAX_STALE; i++)
		if (evaluate_figure_used(evaluation, i, gpu_kinds) &&
		    data_figure_stale(data_figure_at(data, i), evaluation->now,
		    months))
			evaluation->stale[evaluation->stale_count++] =
			    (unsigned)i;
	free(gpu_kinds);
}

/* The markdown report's table: the cheapest of a few kinds at volumes
 * from 1M to 10B tokens a month. */
static void
evaluate_table(struct evaluation *evaluation)
{
	static const double volumes[EVALUATE_TABLE_VOLUMES] = {
		1e6, 3e6, 1e7, 3e7, 1e8, 3e8, 1e9, 3e9, 1e10
	};
	static const enum option_kind kinds[EVALUATE_TABLE_KINDS] = {
		OPTION_API, OPTION_HOSTED_OPEN, OPTION_CLOUD_ON_DEMAND,
		OPTION_CLOUD_24X7, OPTION_OWNED, OPTION_HYBRID
	};
	struct evaluate_volume_table *table = &evaluation->table;
	const struct cost_result *r = &evaluate_scratch;

	memcpy(table->volumes, volumes, sizeof volumes);
	memcpy(table->kinds, kinds, sizeof kinds);
	for (size_t i = 0; i < EVALUATE_TABLE_VOLUMES; i++) {
		struct profile p = evaluation->profile;
		struct cost_scenario scenario = evaluation->scenario;
		sensitivity_set(SENSITIVITY_VOLUME, &p, &scenario, volumes[i]);
		cost_evaluate(evaluation->data, evaluation->data->values, &p,
		    &scenario, &evaluate_scratch);
		for (size_t k = 0; k < EVALUATE_TABLE_KINDS; k++) {
			int best = r->cheapest[kinds[k]];
			table->costs[k][i] = best < 0 ? NAN :
			    r->options[best].monthly.total;
		}
		double totals[VERDICT_COUNT];
		evaluate_outcome_totals(evaluation, &p, totals);
		for (int v = 0; v < VERDICT_COUNT; v++)
			table->outcome_costs[v][i] = totals[v];
	}
	table->outcomes = evaluation->rules != NULL;
}

/* The cheapest total of each kind at one volume (into totals, unless
 * NULL) and each outcome's total plus adjustments (into outcomes, unless
 * NULL), and the gap between the best API and the best self-hosted option
 * (NAN when either is missing). */
static double
evaluate_chart_point(const struct evaluation *evaluation, double input_share,
    double volume, double *totals, double *outcomes)
{
	struct profile p = evaluation->profile;
	const struct cost_result *r = &evaluate_scratch;

	p.input_tokens = volume * input_share;
	p.output_tokens = volume - p.input_tokens;
	cost_evaluate(evaluation->data, evaluation->data->values, &p,
	    &evaluation->scenario, &evaluate_scratch);
	if (totals != NULL)
		for (int k = 0; k < OPTION_KIND_COUNT; k++)
			totals[k] = r->cheapest[k] >= 0 ?
			    r->options[r->cheapest[k]].monthly.total : NAN;
	if (outcomes != NULL)
		evaluate_outcome_totals(evaluation, &p, outcomes);
	if (r->best_api < 0 || r->best_self_hosted < 0)
		return NAN;
	return r->options[r->best_api].monthly.total -
	    r->options[r->best_self_hosted].monthly.total;
}

/* Where the lines cross between the volumes a and b (the gap's sign at b
 * is rising), by bisection. */
static double
evaluate_chart_crossing(const struct evaluation *evaluation,
    double input_share, double a, double b, bool rising)
{
	for (int i = 0; i < EVALUATE_BISECTIONS; i++) {
		double mid = sqrt(a * b);
		double gap = evaluate_chart_point(evaluation, input_share, mid,
		    NULL, NULL);
		if ((gap >= 0) == rising)
			b = mid;
		else
			a = mid;
	}
	return b;
}

/* The chart series for a width (see evaluate.h). */
void
evaluate_chart(const struct evaluation *evaluation, int width,
    struct chart_series *series)
{
	const struct profile *profile = &evaluation->profile;
	double total = profile->input_tokens + profile->output_tokens;
	double input_share = total > 0 ? profile->input_tokens / total :
	    5.0 / 6;
	double gaps[CHART_MAX_WIDTH];

	series->width = 0;
	series->columns = 0;
	series->volume = total;
	series->breakeven_count = 0;
	series->outcomes = evaluation->rules != NULL;
	series->vetoed = 0;
	for (int v = 0; v < VERDICT_COUNT; v++)
		if (series->outcomes && !evaluation->outcome.ledgers[v].allowed)
			series->vetoed |= 1u << v;
	if (width < CHART_MIN_WIDTH || width > CHART_MAX_WIDTH)
		return;
	evaluate_chart_point(evaluation, input_share, CHART_VOLUME_HIGH,
	    series->high, series->outcome_high);
	series->width = width;
	series->columns = chart_plot_columns(width, series);
	for (int c = 0; c < series->columns; c++) {
		double f = series->columns > 1 ?
		    (double)c / (series->columns - 1) : 0;
		double volume = CHART_VOLUME_LOW *
		    pow(CHART_VOLUME_HIGH / CHART_VOLUME_LOW, f);
		double totals[OPTION_KIND_COUNT], outcomes[VERDICT_COUNT];
		series->volumes[c] = volume;
		gaps[c] = evaluate_chart_point(evaluation, input_share, volume,
		    totals, outcomes);
		for (int k = 0; k < OPTION_KIND_COUNT; k++)
			series->costs[k][c] = totals[k];
		for (int v = 0; v < VERDICT_COUNT; v++)
			series->outcome_costs[v][c] = outcomes[v];
		/* Where the sign of the gap changes, the lines cross. */
		if (c > 0 && isfinite(gaps[c]) && isfinite(gaps[c - 1]) &&
		    (gaps[c - 1] >= 0) != (gaps[c] >= 0) &&
		    series->breakeven_count < CHART_MAX_BREAKEVENS)
			series->breakevens[series->breakeven_count++] =
			    evaluate_chart_crossing(evaluation, input_share,
			    series->volumes[c - 1], volume, gaps[c] >= 0);
	}
}

/* Frontier when the best quality is needed on hard tasks there are, else
 * large. */
enum quality_tier
evaluate_tier_needed(const struct profile *profile)
{
	return profile->quality == QUALITY_BEST && profile->complex_share > 0 ?
	    TIER_FRONTIER : TIER_LARGE;
}

/* True when some throughput entry of the model fits its GPUs. */
static bool
evaluate_model_fits(const struct data *data, const struct model *model)
{
	for (size_t i = 0; i < data->config_count; i++)
		if (data_config_model(data, &data->configs[i]) == model &&
		    cost_config_fits(data, data->values, &data->configs[i]))
			return true;
	return false;
}

/* The open-weights model the answer (or defaults.yaml) pins; NULL for
 * auto, and for an id the data lacks (profile_check_data refuses one
 * before; an autosave read later falls back to auto). */
static const struct model *
evaluate_pinned_model(const struct data *data, const struct profile *profile)
{
	const char *answer = profile_self_hosted_answer(profile, data);
	const struct model *m = data_find_model(data, answer);
	if (strcmp(answer, PROFILE_SELF_HOSTED_AUTO) == 0 || m == NULL ||
	    m->kind != MODEL_OPEN_WEIGHTS)
		return NULL;
	return m;
}

/* The pinned model, or the cheapest fitting one of the tier needed. */
int
evaluate_self_hosted_model(const struct data *data,
    const struct profile *profile, const struct cost_scenario *scenario)
{
	const struct model *pinned = evaluate_pinned_model(data, profile);
	enum quality_tier needed = evaluate_tier_needed(profile);
	enum quality_tier best = TIER_SMALL;
	bool any = false;
	struct profile p = *profile;
	double cheapest = INFINITY;
	int chosen = -1;

	if (pinned != NULL)
		return (int)(pinned - data->models);
	for (size_t i = 0; i < data->model_count; i++) {
		const struct model *m = &data->models[i];
		if (m->kind != MODEL_OPEN_WEIGHTS || !evaluate_model_fits(data, m))
			continue;
		any = true;
		if (m->tier > best)
			best = m->tier;
	}
	if (!any)
		return -1;
	if (needed > best)
		needed = best;
	for (size_t i = 0; i < data->model_count; i++) {
		const struct model *m = &data->models[i];
		const struct cost_result *r = &evaluate_scratch;
		if (m->kind != MODEL_OPEN_WEIGHTS || m->tier < needed ||
		    !evaluate_model_fits(data, m))
			continue;
		p.self_hosted_index = (int)i;
		cost_evaluate(data, data->values, &p, scenario,
		    &evaluate_scratch);
		if (r->best_self_hosted < 0)
			continue;
		double total = r->options[r->best_self_hosted].monthly.total;
		if (total < cheapest) {
			cheapest = total;
			chosen = (int)i;
		}
	}
	return chosen;
}

/* What the Monte Carlo and the flip points start from: the evaluation's
 * answers, costs and verdict. */
static void
evaluate_base(const struct evaluation *evaluation,
    struct sensitivity_base *base)
{
	base->data = evaluation->data;
	base->rules = evaluation->rules;
	base->profile = &evaluation->profile;
	base->scenario = &evaluation->scenario;
	base->breakeven = evaluation->breakeven;
	base->metrics = evaluation->metrics;
	base->verdict = evaluation->outcome.verdict;
}

/* What evaluate_run computes besides the samples, which needs none of
 * them: flip points, the volume table and the chart series; run on this
 * thread while the others draw samples. */
struct evaluate_rest {
	struct evaluation *evaluation;
	bool flip_points, views;
};

static void evaluate_uncertainty_with(struct evaluation *, unsigned long,
    unsigned long, void (*)(void *), void *);

static void
evaluate_rest_run(void *argument)
{
	struct evaluate_rest *rest = argument;
	struct evaluation *evaluation = rest->evaluation;
	struct sensitivity_base base;
	evaluate_base(evaluation, &base);
	if (rest->flip_points)
		evaluation->flip_count = sensitivity_flip_points(&base,
		    evaluation->flips);
	if (rest->views) {
		evaluate_table(evaluation);
		evaluate_chart(evaluation, CHART_REPORT_WIDTH,
		    &evaluation->chart);
	} else {
		/* Empty: no volume, and a chart of no width (chart.h). */
		memset(&evaluation->table, 0, sizeof evaluation->table);
		evaluation->chart.width = 0;
	}
}

/* Computes costs, breakeven, and (with rules) the verdict, its confidence
 * and flip points for the profile under the scenario, then (with
 * settings->views) the volume table and the reports' chart series (those
 * three while other threads draw the samples). */
void
evaluate_run(struct evaluation *evaluation, const struct data *data,
    const struct rules *rules, const struct profile *profile,
    const struct cost_scenario *scenario,
    const struct evaluate_settings *settings)
{
	evaluation->data = data;
	evaluation->rules = rules;
	evaluation->profile = *profile;
	evaluation->scenario = *scenario;
	/* The model self-hosting runs: once per run, not per sample. */
	evaluation->self_hosted_auto = evaluate_pinned_model(data,
	    profile) == NULL;
	evaluation->self_hosted_tier_needed = evaluate_tier_needed(profile);
	evaluation->profile.self_hosted_index =
	    evaluate_self_hosted_model(data, profile, scenario);
	profile = &evaluation->profile;
	evaluation->now = settings->now;
	/* main refuses dates past 9999; a caller's odd time gives "". */
	util_format_date(evaluation->date, sizeof evaluation->date,
	    settings->now);
	evaluate_find_stale(evaluation, data->values);
	evaluation->breakeven = cost_breakeven(data, data->values, profile,
	    scenario);
	cost_evaluate(data, data->values, profile, scenario,
	    &evaluation->cost);
	metrics_compute(data, data->values, profile, scenario,
	    &evaluation->cost, evaluation->breakeven, evaluation->metrics);
	memset(&evaluation->outcome, 0, sizeof evaluation->outcome);
	evaluation->outcome.verdict = VERDICT_NONE;
	evaluation->outcome.runner_up = VERDICT_NONE;
	for (int v = 0; v < VERDICT_COUNT; v++)
		evaluation->outcome.ledgers[v].option = -1;
	evaluation->flip_count = 0;
	if (rules != NULL)
		decide_run(rules, data, data->values, profile, &evaluation->cost,
		    evaluation->metrics, true, &evaluation->outcome);

	struct evaluate_rest rest = {
		evaluation, settings->flip_points, settings->views
	};
	evaluate_uncertainty_with(evaluation, settings->samples,
	    settings->seed, evaluate_rest_run, &rest);
}

/* Draws the Monte Carlo's samples for an evaluation (see evaluate.h). */
void
evaluate_uncertainty(struct evaluation *evaluation, unsigned long samples,
    unsigned long seed)
{
	evaluate_uncertainty_with(evaluation, samples, seed, NULL, NULL);
}

/* The samples, with alongside(argument) run on this thread while other
 * threads draw (sensitivity_monte_carlo_alongside). */
static void
evaluate_uncertainty_with(struct evaluation *evaluation,
    unsigned long samples, unsigned long seed, void (*alongside)(void *),
    void *argument)
{
	struct sensitivity_base base;
	evaluate_base(evaluation, &base);
	sensitivity_monte_carlo_alongside(&base, evaluation->rules ? samples :
	    0, seed, &evaluation->uncertainty, alongside, argument);
	evaluation->too_close = evaluation->outcome.verdict != VERDICT_NONE &&
	    evaluation->uncertainty.samples > 0 &&
	    evaluation->uncertainty.share[evaluation->outcome.verdict] <
	    EVALUATE_TOO_CLOSE;
}
