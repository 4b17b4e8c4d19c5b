/* metrics.c - the names rules can use, computed once per evaluation.
 *
 * Quality over the horizon: open weights trail closed models by
 * quality.gap_months (6-12 in the article), and the gap on hard problems
 * shrinks within about twice that (the article's 12-18 months) - but the
 * frontier keeps moving, so it shrinks toward a floor, a share of today's
 * gap (quality.gap_floor_share), never to zero just because time passes:
 *   gap(t) = floor + (gap_today - floor) x max(0, 1 - t / (2 x gap_months))
 * and quality.gap_over_horizon is its average over the decision horizon.
 * With "good_enough" on the hard tasks the gap does not count.  A ready
 * fine-tuning dataset adds quality.fine_tuning_gain (by expertise; it may
 * be negative) to open weights' success on every task they serve.
 *
 * Success rates come by quality tier (small, large, frontier) of the
 * model an outcome uses (the cheapest option of its kind before vetoes;
 * the self-hosted reference model's tier where it has none): hard_closed
 * [T], simple_closed[T], hard_open[T], simple_open[T].  The gap is open
 * weights of tier T against the closed frontier:
 *   gap_today(T) = hard_closed[frontier] - hard_open[T]
 *   open_hard(T) = hard_closed[frontier] - gap_over_horizon(T), or, with
 *                  "good_enough", hard_closed[T] (the gap does not count:
 *                  as good as a closed model of the same tier)
 * Expected success on the task mix (h = the hard share; Tc, Th, To the
 * tiers of the closed, hosted and self-hosted models, Ta and Tb those of
 * the hybrid's closed and open parts):
 *   closed       h x hard_closed[Tc] + (1 - h) x simple_closed[Tc]
 *   open_hosted  h x open_hard(Th) + (1 - h) x simple_open[Th] + gain
 *   open         h x open_hard(To) + (1 - h) x simple_open[To] + gain
 *   hybrid       h x hard_closed[Ta] + (1 - h) x (simple_open[Tb] + gain)
 * each kept within [0.01, 1].  The names rules read: quality.hard_closed
 * is the frontier's, quality.hard_open, simple_open and the gap names the
 * self-hosted model's tier, quality.simple_closed the closed model's.
 *
 * Fine-tuning as a cost (fine_tuning exploring or dataset_ready; D =
 * fine_tuning_data.tokens, E = epochs, T = training tokens/s on
 * fine_tuning_gpu, P = its cloud price, H = horizon_months, R =
 * fine_tuning_data.retrains_per_year, h = fine_tuning_hours by expertise,
 * s = fine_tuning_retrain_share, rate = team.hourly_rate):
 *   runs              dataset_ready: max(1, R x H / 12) trainings over the
 *                     horizon; exploring: 1 (a pilot, no retraining)
 *   gpu_hours         D x E / T / 3600, per run
 *   engineering_hours h x (1 + (runs - 1) x s) over the horizon
 *   open_cost         (runs x gpu_hours x P + engineering_hours x rate) / H
 *                     (USD/month; open weights, hosted or self-run, and the
 *                     open part of a hybrid)
 *   closed_cost       the cheapest comparable closed API with fine-tuning
 *                     prices: its total + tuned premium (I x (tuned input -
 *                     input) + O x (tuned output - output)) / 1e6 + runs x
 *                     D x E x training price / 1e6 / H, less the closed
 *                     outcome's total, + engineering_hours x rate / H; NAN
 *                     when no such API is in the data.  When it is a
 *                     number, the closed outcome's success gains the same
 *                     quality.fine_tuning_gain as open weights: it pays for
 *                     the fine-tune, so it gets what the fine-tune buys. */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "metrics.h"

static const char *const metrics_verdict_names[] = {
	"closed", "open_hosted", "open", "hybrid", NULL
};

/* Every name a rule may use, one line each, in slot order: the enum, the
 * symbol table and metrics_slot_varies all come from this list, and
 * tests/test_metrics.c checks that data/rules.yaml and
 * llmadvisor-rules(5) name exactly these.  Columns: enum suffix, name,
 * type (EXPR_ suffix), choices (NULL-ended names, or NULL), and whether
 * the value changes with the data's figures (Monte Carlo re-evaluates
 * only the rules that read such names; answers do not vary). */
#define METRICS_LIST(X) \
	X(VOLUME_INPUT, "volume.input", NUMBER, NULL, true) \
	X(VOLUME_OUTPUT, "volume.output", NUMBER, NULL, true) \
	X(VOLUME_TOTAL, "volume.total", NUMBER, NULL, true) \
	X(PEAK_TO_MEAN, "volume.peak_to_mean", NUMBER, NULL, false) \
	X(COMPLEX_SHARE, "tasks.complex_share", NUMBER, NULL, true) \
	X(QUALITY, "tasks.quality", CHOICE, profile_quality_names, false) \
	X(EXPERTISE, "team.expertise", CHOICE, profile_expertise_names, false) \
	X(HOURLY_RATE, "team.hourly_rate", NUMBER, NULL, true) \
	X(OPS_HOURS, "team.ops_hours", NUMBER, NULL, true) \
	X(PRIVACY, "privacy", CHOICE, profile_privacy_names, false) \
	X(FINE_TUNING, "fine_tuning", CHOICE, profile_fine_tuning_names, false) \
	X(TOOL_USE, "ecosystem.tool_use", BOOL, NULL, false) \
	X(FUNCTION_CALLING, "ecosystem.function_calling", BOOL, NULL, false) \
	X(STRUCTURED_OUTPUT, "ecosystem.structured_output", BOOL, NULL, false) \
	X(ECOSYSTEM_COUNT, "ecosystem.count", NUMBER, NULL, false) \
	X(LOCK_IN, "lock_in", CHOICE, profile_lock_in_names, false) \
	X(HORIZON, "horizon_months", NUMBER, NULL, false) \
	X(HARDWARE, "hardware", CHOICE, profile_hardware_names, false) \
	X(DEPLOYMENT, "deployment", CHOICE, profile_deployment_names, false) \
	X(AVAILABILITY, "availability", CHOICE, profile_availability_names, \
	    false) \
	X(BEST_API, "cost.best_api.total", NUMBER, NULL, true) \
	X(BEST_API_COMPUTE, "cost.best_api.compute", NUMBER, NULL, true) \
	X(BEST_API_ENGINEERING, "cost.best_api.engineering", NUMBER, NULL, true) \
	X(BEST_API_SETUP, "cost.best_api.setup", NUMBER, NULL, true) \
	X(BEST_API_HARDWARE, "cost.best_api.hardware", NUMBER, NULL, true) \
	X(BEST_SELF, "cost.best_self_hosted.total", NUMBER, NULL, true) \
	X(BEST_SELF_COMPUTE, "cost.best_self_hosted.compute", NUMBER, NULL, \
	    true) \
	X(BEST_SELF_ENGINEERING, "cost.best_self_hosted.engineering", NUMBER, \
	    NULL, true) \
	X(BEST_SELF_SETUP, "cost.best_self_hosted.setup", NUMBER, NULL, true) \
	X(BEST_SELF_HARDWARE, "cost.best_self_hosted.hardware", NUMBER, NULL, \
	    true) \
	X(KIND_TOTAL, "cost.api.total", NUMBER, NULL, true) \
	X(HOSTED_OPEN_TOTAL, "cost.hosted_open.total", NUMBER, NULL, true) \
	X(CLOUD_ON_DEMAND_TOTAL, "cost.cloud_on_demand.total", NUMBER, NULL, \
	    true) \
	X(CLOUD_24X7_TOTAL, "cost.cloud_24x7.total", NUMBER, NULL, true) \
	X(OWNED_TOTAL, "cost.owned.total", NUMBER, NULL, true) \
	X(HYBRID_TOTAL, "cost.hybrid.total", NUMBER, NULL, true) \
	/* The outcomes' monthly totals (hybrid's is cost.hybrid.total), set \
	 * by decide_run once vetoes have picked their options. */ \
	X(CLOSED_TOTAL, "cost.closed.total", NUMBER, NULL, true) \
	X(OPEN_HOSTED_TOTAL, "cost.open_hosted.total", NUMBER, NULL, true) \
	X(OPEN_TOTAL, "cost.open.total", NUMBER, NULL, true) \
	X(SAVING, "cost.saving", NUMBER, NULL, true) \
	X(SAVING_SHARE, "cost.saving_share", NUMBER, NULL, true) \
	X(COMPUTE_SAVING, "cost.compute_saving", NUMBER, NULL, true) \
	X(PAYBACK, "cost.owned.payback_months", NUMBER, NULL, true) \
	X(BREAKEVEN, "breakeven", NUMBER, NULL, true) \
	X(CAPACITY_GPUS, "capacity.gpus", NUMBER, NULL, true) \
	X(CAPACITY_UTILISATION, "capacity.utilisation", NUMBER, NULL, true) \
	X(VOLUME_LOW, "threshold.volume_low", NUMBER, NULL, true) \
	X(VOLUME_HIGH, "threshold.volume_high", NUMBER, NULL, true) \
	X(HARD_SHARE, "threshold.hard_share", NUMBER, NULL, true) \
	X(HARD_CLOSED, "quality.hard_closed", NUMBER, NULL, true) \
	X(HARD_OPEN, "quality.hard_open", NUMBER, NULL, true) \
	X(SIMPLE_CLOSED, "quality.simple_closed", NUMBER, NULL, true) \
	X(SIMPLE_OPEN, "quality.simple_open", NUMBER, NULL, true) \
	X(GAP_MONTHS, "quality.gap_months", NUMBER, NULL, true) \
	X(GAP_TODAY, "quality.gap_today", NUMBER, NULL, true) \
	X(GAP_OVER_HORIZON, "quality.gap_over_horizon", NUMBER, NULL, true) \
	X(GAP_FLOOR, "quality.gap_floor", NUMBER, NULL, true) \
	X(FINE_TUNING_GAIN, "quality.fine_tuning_gain", NUMBER, NULL, true) \
	X(CLOSED_SUCCESS, "quality.closed_success", NUMBER, NULL, true) \
	X(OPEN_HOSTED_SUCCESS, "quality.open_hosted_success", NUMBER, NULL, \
	    true) \
	X(OPEN_SUCCESS, "quality.open_success", NUMBER, NULL, true) \
	X(HYBRID_SUCCESS, "quality.hybrid_success", NUMBER, NULL, true) \
	X(CLOSED_COST_PER_SUCCESS, "quality.closed_cost_per_success", NUMBER, \
	    NULL, true) \
	X(OPEN_COST_PER_SUCCESS, "quality.open_cost_per_success", NUMBER, \
	    NULL, true) \
	X(HYBRID_COST_PER_SUCCESS, "quality.hybrid_cost_per_success", NUMBER, \
	    NULL, true) \
	X(CLOSED_FINE_TUNING, "closed_fine_tuning", BOOL, NULL, false) \
	X(FEATURE_BUILD_HOURS, "adjustments.feature_build_hours", NUMBER, \
	    NULL, true) \
	X(FEATURE_UPKEEP_HOURS, "adjustments.feature_upkeep_hours", NUMBER, \
	    NULL, true) \
	X(HOSTED_FEATURE_SHARE, "adjustments.hosted_feature_share", NUMBER, \
	    NULL, true) \
	X(LOCK_IN_MIGRATION_HOURS, "adjustments.lock_in_migration_hours", \
	    NUMBER, NULL, true) \
	X(LOCK_IN_MOVES_PER_YEAR, "adjustments.lock_in_moves_per_year", \
	    NUMBER, NULL, true) \
	X(FINE_TUNING_HOURS, "adjustments.fine_tuning_hours", NUMBER, NULL, \
	    true) \
	/* Fine-tuning priced (see the top of this file). */ \
	X(FINE_TUNING_TOKENS, "fine_tuning_data.tokens", NUMBER, NULL, false) \
	X(RETRAINS_PER_YEAR, "fine_tuning_data.retrains_per_year", NUMBER, \
	    NULL, false) \
	X(FINE_TUNING_RUNS, "fine_tuning.runs", NUMBER, NULL, false) \
	X(FINE_TUNING_EPOCHS, "fine_tuning.epochs", NUMBER, NULL, true) \
	X(FINE_TUNING_GPU_HOURS, "fine_tuning.gpu_hours", NUMBER, NULL, true) \
	X(FINE_TUNING_ENGINEERING_HOURS, "fine_tuning.engineering_hours", \
	    NUMBER, NULL, true) \
	X(FINE_TUNING_OPEN_COST, "fine_tuning.open_cost", NUMBER, NULL, true) \
	X(FINE_TUNING_CLOSED_COST, "fine_tuning.closed_cost", NUMBER, NULL, \
	    true) \
	/* Set by decide_run: a veto level given way to a higher one. */ \
	X(LOCK_IN_SET_ASIDE, "veto.lock_in_set_aside", BOOL, NULL, true) \
	X(QUALITY_SET_ASIDE, "veto.quality_set_aside", BOOL, NULL, true) \
	/* How many outcomes the vetoes allow (set by decide_run). */ \
	X(ALLOWED, "decision.allowed", NUMBER, NULL, true) \
	/* An adjust rule's own amount, while its text is expanded. */ \
	X(AMOUNT, "amount", NUMBER, NULL, true) \
	/* Set by decide_run, for warnings only. */ \
	X(VERDICT, "verdict", CHOICE, metrics_verdict_names, true)

enum metric {
#define METRICS_ENUM(id, name, type, choices, varies) METRIC_##id,
	METRICS_LIST(METRICS_ENUM)
#undef METRICS_ENUM
	METRIC_COUNT
};

/* The five monthly parts of best_api and best_self_hosted, and the
 * per-kind totals, are read as runs of slots: keep them in the order of
 * struct cost_monthly and of enum option_kind. */
_Static_assert(METRIC_BEST_API_HARDWARE == METRIC_BEST_API + 4 &&
    METRIC_BEST_SELF_HARDWARE == METRIC_BEST_SELF + 4,
    "five monthly parts per best option");
_Static_assert(METRIC_HYBRID_TOTAL == METRIC_KIND_TOTAL + OPTION_HYBRID &&
    METRIC_HYBRID_TOTAL - METRIC_KIND_TOTAL + 1 == OPTION_KIND_COUNT,
    "one total per option kind");

const size_t metrics_count = METRIC_COUNT;
const int metrics_verdict_slot = METRIC_VERDICT;

static const struct expr_symbol metrics_symbol_table[METRIC_COUNT] = {
#define METRICS_SYMBOL(id, name, type, choices, varies) \
	{ name, EXPR_##type, METRIC_##id, choices },
	METRICS_LIST(METRICS_SYMBOL)
#undef METRICS_SYMBOL
};

static const bool metrics_varies[METRIC_COUNT] = {
#define METRICS_VARIES(id, name, type, choices, varies) varies,
	METRICS_LIST(METRICS_VARIES)
#undef METRICS_VARIES
};

static const struct expr_symbols metrics_table = {
	metrics_symbol_table, METRIC_COUNT
};

/* Every name a rule may use (see METRICS_LIST). */
const struct expr_symbols *
metrics_symbols(void)
{
	return &metrics_table;
}

/* Copies one option's five monthly parts (NAN when there is none). */
static void
metrics_monthly(double *slots, const struct cost_result *cost, int index)
{
	const struct cost_monthly *m;
	if (index < 0) {
		for (int i = 0; i < 5; i++)
			slots[i] = NAN;
		return;
	}
	m = &cost->options[index].monthly;
	slots[0] = m->total;
	slots[1] = m->compute;
	slots[2] = m->engineering;
	slots[3] = m->setup;
	slots[4] = m->hardware;
}

/* The average quality gap over the horizon (see the top of this file):
 * the part above the floor closes linearly over twice gap_months. */
static double
metrics_gap_over_horizon(double gap_today, double floor, double gap_months,
    double horizon)
{
	double closing = 2 * gap_months, above = gap_today - floor;
	if (above <= 0 || closing <= 0 || !(horizon > 0))
		return gap_today;
	if (horizon <= closing)
		return floor + above * (1 - horizon / (2 * closing));
	return floor + above * closing / (2 * horizon);
}

/* A success rate kept where a division by it stays meaningful. */
static double
metrics_clamp_success(double success)
{
	return success < 0.01 ? 0.01 : success > 1 ? 1 : success;
}

/* Money per million tokens that succeed, NAN without volume. */
static double
metrics_cost_per_success(double total, double volume, double success)
{
	if (!(volume > 0) || !(success > 0))
		return NAN;
	return total / (volume / 1e6 * success);
}

#define V(figure) (values[(figure).index])

/* Trainings over the horizon: one pilot when exploring, else one per
 * retraining period begun within the horizon (at least one). */
static double
metrics_fine_tuning_runs(const struct profile *p)
{
	double runs = p->retrains_per_year * p->horizon_months / 12;
	if (p->fine_tuning == FINE_TUNING_EXPLORING || runs < 1)
		return 1;
	return runs;
}

/* What fine-tuning on the closed side adds to the closed outcome, before
 * engineering: the cheapest comparable API with fine-tuning prices, its
 * tuned premium on the traffic and its training over the horizon, less
 * the closed outcome's own total.  NAN when no API qualifies. */
static double
metrics_closed_fine_tuning(const double *values, const struct profile *p,
    const struct cost_scenario *scenario, const struct cost_result *cost,
    double trained_tokens)
{
	double best = NAN;
	if (cost->best_api < 0)
		return NAN;
	for (size_t i = 0; i < cost->count; i++) {
		const struct cost_option *o = &cost->options[i];
		const struct model *m = o->model;
		if (o->kind != OPTION_API || !o->comparable || m == NULL ||
		    !m->has_fine_tuning_prices)
			continue;
		double premium = (p->input_tokens *
		    (V(m->fine_tuning_input_price) - V(m->input_price)) +
		    p->output_tokens * (V(m->fine_tuning_output_price) -
		    V(m->output_price))) / 1e6;
		double training = trained_tokens *
		    V(m->fine_tuning_training_price) / 1e6 / p->horizon_months;
		double total = o->monthly.total + (premium + training) *
		    scenario->api_price_factor;
		if (isnan(best) || total < best)
			best = total;
	}
	return best - cost->options[cost->best_api].monthly.total;
}

/* The fine-tuning metrics (see the top of this file); zero cost when the
 * team does not fine-tune. */
static void
metrics_fine_tuning(const struct data *data, const double *values,
    const struct profile *p, const struct cost_scenario *scenario,
    const struct cost_result *cost, double *m)
{
	const struct defaults *d = &data->defaults;
	const struct gpu *gpu = &data->gpus[d->fine_tuning_gpu];
	double runs = metrics_fine_tuning_runs(p);
	double hours = V(d->fine_tuning_hours[p->expertise]) *
	    (1 + (runs - 1) * V(d->fine_tuning_retrain_share));
	double engineering = hours * p->hourly_rate / p->horizon_months;

	m[METRIC_FINE_TUNING_TOKENS] = p->fine_tuning_tokens;
	m[METRIC_RETRAINS_PER_YEAR] = p->retrains_per_year;
	m[METRIC_FINE_TUNING_RUNS] = runs;
	m[METRIC_FINE_TUNING_EPOCHS] = V(d->fine_tuning_epochs);
	m[METRIC_FINE_TUNING_GPU_HOURS] = p->fine_tuning_tokens *
	    V(d->fine_tuning_epochs) / V(d->fine_tuning_throughput) / 3600;
	m[METRIC_FINE_TUNING_ENGINEERING_HOURS] = hours;
	if (p->fine_tuning == FINE_TUNING_NONE) {
		m[METRIC_FINE_TUNING_OPEN_COST] = 0;
		m[METRIC_FINE_TUNING_CLOSED_COST] = 0;
		return;
	}
	m[METRIC_FINE_TUNING_OPEN_COST] = runs *
	    m[METRIC_FINE_TUNING_GPU_HOURS] * V(gpu->cloud_price) *
	    scenario->gpu_price_factor / p->horizon_months + engineering;
	m[METRIC_FINE_TUNING_CLOSED_COST] = metrics_closed_fine_tuning(values,
	    p, scenario, cost, runs * p->fine_tuning_tokens *
	    V(d->fine_tuning_epochs)) + engineering;
}

/* The quality tier of each outcome's model: the cheapest option of its
 * kind (before vetoes), the self-hosted reference model where an
 * outcome has none; the hybrid's closed and open parts apart. */
struct metrics_tiers {
	enum quality_tier closed, hosted, open, hybrid_closed, hybrid_open;
};

/* The tier of option index's model, or fallback when there is none. */
static enum quality_tier
metrics_option_tier(const struct cost_result *cost, int index,
    enum quality_tier fallback)
{
	return index < 0 ? fallback : cost->options[index].model->tier;
}

static void
metrics_tiers(const struct data *data, const struct profile *p,
    const struct cost_result *cost, struct metrics_tiers *t)
{
	/* The self-hosted model as cost_evaluate takes it: resolved for the
	 * run, else the data's pin; large when there is none. */
	const struct model *model = p->self_hosted_index >= 0 ?
	    &data->models[p->self_hosted_index] : data_self_hosted_model(data);
	enum quality_tier reference = model != NULL ? model->tier : TIER_LARGE;
	int hybrid = cost->cheapest[OPTION_HYBRID];
	t->closed = metrics_option_tier(cost, cost->cheapest[OPTION_API],
	    TIER_FRONTIER);
	t->hosted = metrics_option_tier(cost,
	    cost->cheapest[OPTION_HOSTED_OPEN], reference);
	t->open = metrics_option_tier(cost, cost->best_self_hosted, reference);
	t->hybrid_closed = metrics_option_tier(cost, hybrid, TIER_FRONTIER);
	t->hybrid_open = reference;
	if (hybrid >= 0 && cost->options[hybrid].hybrid_open_model != NULL)
		t->hybrid_open = cost->options[hybrid].hybrid_open_model->tier;
}

/* Open weights of one tier on hard tasks over the horizon: the gap to
 * the closed frontier today, its floor and horizon average (the top of
 * this file), and the success that leaves; with "good_enough" the gap
 * does not count and they succeed as often as a closed model of the
 * same tier. */
struct metrics_open_hard {
	double gap, floor, gap_horizon, success;
};

static void
metrics_open_hard(const struct defaults *d, const double *values,
    const struct profile *p, enum quality_tier tier,
    struct metrics_open_hard *out)
{
	double hard_closed = V(d->quality_hard_closed[TIER_FRONTIER]);
	out->gap = hard_closed - V(d->quality_hard_open[tier]);
	out->floor = out->gap > 0 ? out->gap * V(d->gap_floor_share) : 0;
	out->gap_horizon = metrics_gap_over_horizon(out->gap, out->floor,
	    V(d->gap_months), p->horizon_months);
	out->success = p->quality == QUALITY_GOOD_ENOUGH ?
	    V(d->quality_hard_closed[tier]) : hard_closed - out->gap_horizon;
}

/* Fills every metric slot for one evaluation. */
void
metrics_compute(const struct data *data, const double *values,
    const struct profile *p, const struct cost_scenario *scenario,
    const struct cost_result *cost, double breakeven, double *m)
{
	const struct defaults *d = &data->defaults;
	double volume = p->input_tokens + p->output_tokens;

	m[METRIC_VOLUME_INPUT] = p->input_tokens;
	m[METRIC_VOLUME_OUTPUT] = p->output_tokens;
	m[METRIC_VOLUME_TOTAL] = volume;
	m[METRIC_PEAK_TO_MEAN] = p->peak_to_mean;
	m[METRIC_COMPLEX_SHARE] = p->complex_share;
	m[METRIC_QUALITY] = p->quality;
	m[METRIC_EXPERTISE] = p->expertise;
	m[METRIC_HOURLY_RATE] = p->hourly_rate;
	m[METRIC_OPS_HOURS] = p->ops_hours_set ? p->ops_hours_per_month :
	    V(d->ops_hours[p->expertise]);
	m[METRIC_PRIVACY] = p->privacy;
	m[METRIC_FINE_TUNING] = p->fine_tuning;
	m[METRIC_TOOL_USE] = (p->ecosystem & ECOSYSTEM_TOOL_USE) != 0;
	m[METRIC_FUNCTION_CALLING] =
	    (p->ecosystem & ECOSYSTEM_FUNCTION_CALLING) != 0;
	m[METRIC_STRUCTURED_OUTPUT] =
	    (p->ecosystem & ECOSYSTEM_STRUCTURED_OUTPUT) != 0;
	m[METRIC_ECOSYSTEM_COUNT] = m[METRIC_TOOL_USE] +
	    m[METRIC_FUNCTION_CALLING] + m[METRIC_STRUCTURED_OUTPUT];
	m[METRIC_LOCK_IN] = p->lock_in;
	m[METRIC_HORIZON] = p->horizon_months;
	m[METRIC_HARDWARE] = p->hardware;
	if (p->owned_gpu[0] != '\0') {
		/* A named GPU reads as its class word in rules. */
		const struct gpu *owned = data_find_gpu(data, p->owned_gpu);
		if (owned != NULL)
			m[METRIC_HARDWARE] = (int)owned->class + 1;
	}
	m[METRIC_DEPLOYMENT] = p->deployment;
	m[METRIC_AVAILABILITY] = p->availability;

	metrics_monthly(&m[METRIC_BEST_API], cost, cost->best_api);
	metrics_monthly(&m[METRIC_BEST_SELF], cost, cost->best_self_hosted);
	for (int k = 0; k < OPTION_KIND_COUNT; k++)
		m[METRIC_KIND_TOTAL + k] = cost->cheapest[k] < 0 ? NAN :
		    cost->options[cost->cheapest[k]].monthly.total;
	m[METRIC_SAVING] = m[METRIC_BEST_API] - m[METRIC_BEST_SELF];
	m[METRIC_SAVING_SHARE] = m[METRIC_SAVING] / m[METRIC_BEST_API];
	m[METRIC_COMPUTE_SAVING] = m[METRIC_BEST_API + 1] -
	    m[METRIC_BEST_SELF + 1];
	int owned = cost->cheapest[OPTION_OWNED];
	m[METRIC_PAYBACK] = owned < 0 ? NAN :
	    cost->options[owned].payback_months;
	m[METRIC_BREAKEVEN] = breakeven;
	int rented = cost->cheapest[OPTION_CLOUD_24X7];
	m[METRIC_CAPACITY_GPUS] = rented < 0 ? NAN : cost->options[rented].gpus;
	m[METRIC_CAPACITY_UTILISATION] = rented < 0 ? NAN :
	    cost->options[rented].utilisation;
	m[METRIC_VOLUME_LOW] = V(d->volume_low);
	m[METRIC_VOLUME_HIGH] = V(d->volume_high);

	m[METRIC_HARD_SHARE] = V(d->hard_share);
	struct metrics_tiers tiers;
	metrics_tiers(data, p, cost, &tiers);
	double gain = p->fine_tuning == FINE_TUNING_DATASET_READY ?
	    V(d->fine_tuning_gain[p->expertise]) : 0;
	double share = p->complex_share;
	double hard_closed = V(d->quality_hard_closed[TIER_FRONTIER]);
	struct metrics_open_hard reference;
	metrics_open_hard(d, values, p, tiers.open, &reference);
	m[METRIC_HARD_CLOSED] = hard_closed;
	m[METRIC_HARD_OPEN] = V(d->quality_hard_open[tiers.open]);
	m[METRIC_SIMPLE_CLOSED] = V(d->quality_simple_closed[tiers.closed]);
	m[METRIC_SIMPLE_OPEN] = V(d->quality_simple_open[tiers.open]);
	m[METRIC_GAP_MONTHS] = V(d->gap_months);
	m[METRIC_GAP_TODAY] = reference.gap;
	m[METRIC_GAP_OVER_HORIZON] = reference.gap_horizon;
	m[METRIC_GAP_FLOOR] = reference.floor;
	m[METRIC_FINE_TUNING_GAIN] = gain;
	m[METRIC_CLOSED_SUCCESS] = metrics_clamp_success(share *
	    V(d->quality_hard_closed[tiers.closed]) + (1 - share) *
	    m[METRIC_SIMPLE_CLOSED]);
	m[METRIC_OPEN_SUCCESS] = metrics_clamp_success(share *
	    reference.success + (1 - share) * m[METRIC_SIMPLE_OPEN] + gain);
	struct metrics_open_hard hosted;
	metrics_open_hard(d, values, p, tiers.hosted, &hosted);
	m[METRIC_OPEN_HOSTED_SUCCESS] = metrics_clamp_success(share *
	    hosted.success + (1 - share) *
	    V(d->quality_simple_open[tiers.hosted]) + gain);
	m[METRIC_HYBRID_SUCCESS] = metrics_clamp_success(share *
	    V(d->quality_hard_closed[tiers.hybrid_closed]) + (1 - share) *
	    (V(d->quality_simple_open[tiers.hybrid_open]) + gain));
	/* Outcome totals: the kinds' cheapest until decide_run applies the
	 * vetoes. */
	m[METRIC_CLOSED_TOTAL] = m[METRIC_KIND_TOTAL + OPTION_API];
	m[METRIC_OPEN_HOSTED_TOTAL] = m[METRIC_KIND_TOTAL + OPTION_HOSTED_OPEN];
	m[METRIC_OPEN_TOTAL] = m[METRIC_BEST_SELF];
	m[METRIC_CLOSED_COST_PER_SUCCESS] = metrics_cost_per_success(
	    m[METRIC_BEST_API], volume, m[METRIC_CLOSED_SUCCESS]);
	m[METRIC_OPEN_COST_PER_SUCCESS] = metrics_cost_per_success(
	    m[METRIC_BEST_SELF], volume, m[METRIC_OPEN_SUCCESS]);
	m[METRIC_HYBRID_COST_PER_SUCCESS] = metrics_cost_per_success(
	    m[METRIC_KIND_TOTAL + OPTION_HYBRID], volume,
	    m[METRIC_HYBRID_SUCCESS]);
	m[METRIC_FEATURE_BUILD_HOURS] = V(d->feature_build_hours);
	m[METRIC_FEATURE_UPKEEP_HOURS] = V(d->feature_upkeep_hours);
	m[METRIC_HOSTED_FEATURE_SHARE] = V(d->hosted_feature_share);
	m[METRIC_LOCK_IN_MIGRATION_HOURS] = V(d->lock_in_migration_hours);
	m[METRIC_LOCK_IN_MOVES_PER_YEAR] = V(d->lock_in_moves_per_year);
	m[METRIC_FINE_TUNING_HOURS] = V(d->fine_tuning_hours[p->expertise]);
	metrics_fine_tuning(data, values, p, scenario, cost, m);
	/* A closed model the team fine-tunes (and pays for, in the closed
	 * ledger) gains like open weights do: the outcome that pays for a
	 * fine-tune must get what it buys. */
	if (gain != 0 && isfinite(m[METRIC_FINE_TUNING_CLOSED_COST]))
		m[METRIC_CLOSED_SUCCESS] = metrics_clamp_success(
		    m[METRIC_CLOSED_SUCCESS] + gain);
	m[METRIC_LOCK_IN_SET_ASIDE] = 0;
	m[METRIC_QUALITY_SET_ASIDE] = 0;
	m[METRIC_CLOSED_FINE_TUNING] = data->closed_fine_tuning;
	m[METRIC_AMOUNT] = NAN;
	m[METRIC_ALLOWED] = NAN;
	m[METRIC_VERDICT] = NAN;
}

/* Expected success rate of an outcome. */
double
metrics_success(const double *metrics, enum verdict outcome)
{
	static const int slots[VERDICT_COUNT] = { METRIC_CLOSED_SUCCESS,
	    METRIC_OPEN_HOSTED_SUCCESS, METRIC_OPEN_SUCCESS,
	    METRIC_HYBRID_SUCCESS };
	return outcome >= 0 && outcome < VERDICT_COUNT ?
	    metrics[slots[outcome]] : NAN;
}

/* Success on hard tasks today, closed frontier and open (metrics.h). */
void
metrics_hard_success(const double *metrics, double *closed, double *open)
{
	*closed = metrics[METRIC_HARD_CLOSED];
	*open = metrics[METRIC_HARD_OPEN];
}

/* USD per million tokens that succeed, for an outcome (the v1 quality
 * view: closed, open and hybrid; NAN for open_hosted). */
double
metrics_cost_per_success_of(const double *metrics, enum verdict outcome)
{
	switch (outcome) {
	case VERDICT_CLOSED: return metrics[METRIC_CLOSED_COST_PER_SUCCESS];
	case VERDICT_OPEN: return metrics[METRIC_OPEN_COST_PER_SUCCESS];
	case VERDICT_HYBRID: return metrics[METRIC_HYBRID_COST_PER_SUCCESS];
	default: return NAN;
	}
}

/* Writes what decide_run found: an outcome's total (NAN when it has no
 * option), and whether a veto level was set aside. */
void
metrics_set_outcome_total(double *metrics, enum verdict outcome,
    double total)
{
	static const int slots[VERDICT_COUNT] = { METRIC_CLOSED_TOTAL,
	    METRIC_OPEN_HOSTED_TOTAL, METRIC_OPEN_TOTAL, METRIC_HYBRID_TOTAL };
	if (outcome >= 0 && outcome < VERDICT_COUNT)
		metrics[slots[outcome]] = total;
}

void
metrics_set_verdict(double *metrics, enum verdict verdict)
{
	metrics[METRIC_VERDICT] = verdict == VERDICT_NONE ? NAN : verdict;
}

void
metrics_set_allowed(double *metrics, int allowed)
{
	metrics[METRIC_ALLOWED] = allowed;
}

void
metrics_set_amount(double *metrics, double amount)
{
	metrics[METRIC_AMOUNT] = amount;
}

void
metrics_set_aside(double *metrics, bool lock_in, bool quality)
{
	metrics[METRIC_LOCK_IN_SET_ASIDE] = lock_in;
	metrics[METRIC_QUALITY_SET_ASIDE] = quality;
}

/* True for slots that depend on the data's figures (and so change from one
 * Monte Carlo sample to the next); false for the answers themselves. */
bool
metrics_slot_varies(int slot)
{
	return slot >= 0 && slot < METRIC_COUNT && metrics_varies[slot];
}
