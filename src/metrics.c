/* metrics.c - the names rules can use, computed once per evaluation.
 *
 * Quality over the horizon: open weights trail closed models by
 * quality.gap_months (6-12 in the article), and the gap on hard problems
 * closes within about twice that (the article's 12-18 months).  So the
 * gap at month t is gap_today x max(0, 1 - t / (2 x gap_months)), and
 * quality.gap_over_horizon is its average over the decision horizon: a
 * team deciding for this quarter lives with almost today's gap, a team
 * deciding for two years with much less of it. */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "metrics.h"

enum metric {
	METRIC_VOLUME_INPUT,
	METRIC_VOLUME_OUTPUT,
	METRIC_VOLUME_TOTAL,
	METRIC_PEAK_TO_MEAN,
	METRIC_COMPLEX_SHARE,
	METRIC_QUALITY,
	METRIC_EXPERTISE,
	METRIC_HOURLY_RATE,
	METRIC_OPS_HOURS,
	METRIC_PRIVACY,
	METRIC_FINE_TUNING,
	METRIC_TOOL_USE,
	METRIC_FUNCTION_CALLING,
	METRIC_STRUCTURED_OUTPUT,
	METRIC_ECOSYSTEM_COUNT,
	METRIC_LOCK_IN,
	METRIC_HORIZON,
	METRIC_HARDWARE,
	METRIC_DEPLOYMENT,
	METRIC_BEST_API,		/* five slots: total, compute, ... */
	METRIC_BEST_SELF = METRIC_BEST_API + 5,
	METRIC_KIND_TOTAL = METRIC_BEST_SELF + 5,	/* one per kind */
	METRIC_SAVING = METRIC_KIND_TOTAL + OPTION_KIND_COUNT,
	METRIC_SAVING_SHARE,
	METRIC_COMPUTE_SAVING,
	METRIC_PAYBACK,
	METRIC_BREAKEVEN,
	METRIC_CAPACITY_GPUS,
	METRIC_CAPACITY_UTILISATION,
	METRIC_VOLUME_LOW,
	METRIC_VOLUME_HIGH,
	METRIC_HARD_CLOSED,
	METRIC_HARD_OPEN,
	METRIC_SIMPLE_CLOSED,
	METRIC_SIMPLE_OPEN,
	METRIC_GAP_MONTHS,
	METRIC_GAP_TODAY,
	METRIC_GAP_OVER_HORIZON,
	METRIC_CLOSED_SUCCESS,
	METRIC_OPEN_SUCCESS,
	METRIC_HYBRID_SUCCESS,
	METRIC_CLOSED_COST_PER_SUCCESS,
	METRIC_OPEN_COST_PER_SUCCESS,
	METRIC_HYBRID_COST_PER_SUCCESS,
	METRIC_CLOSED_FINE_TUNING,
	METRIC_VERDICT,			/* set by rules_evaluate for warnings */
	METRIC_COUNT
};

const size_t metrics_count = METRIC_COUNT;
const int metrics_verdict_slot = METRIC_VERDICT;

static const char *const metrics_verdict_names[] = {
	"closed", "open", "hybrid", NULL
};

static const char *const metrics_monthly_names[5] = {
	"total", "compute", "engineering", "setup", "hardware"
};

/* The symbol table, built on first use (choices come from profile.c). */
static struct expr_symbol metrics_table[METRIC_COUNT];
static char metrics_names[METRIC_COUNT][48];
static struct expr_symbols metrics_table_symbols;

static void
metrics_define(int slot, const char *name, enum expr_type type,
    const char *const *choices)
{
	snprintf(metrics_names[slot], sizeof metrics_names[slot], "%s", name);
	metrics_table[slot].name = metrics_names[slot];
	metrics_table[slot].type = type;
	metrics_table[slot].slot = slot;
	metrics_table[slot].choices = choices;
}

static const char *const *
metrics_choices(const char *key)
{
	return profile_find_field(key)->names;
}

/* Every name a rule may use: see the comment block of data/rules.yaml. */
const struct expr_symbols *
metrics_symbols(void)
{
	char name[48];
	if (metrics_table_symbols.count != 0)
		return &metrics_table_symbols;
	metrics_define(METRIC_VOLUME_INPUT, "volume.input", EXPR_NUMBER, NULL);
	metrics_define(METRIC_VOLUME_OUTPUT, "volume.output", EXPR_NUMBER, NULL);
	metrics_define(METRIC_VOLUME_TOTAL, "volume.total", EXPR_NUMBER, NULL);
	metrics_define(METRIC_PEAK_TO_MEAN, "volume.peak_to_mean", EXPR_NUMBER,
	    NULL);
	metrics_define(METRIC_COMPLEX_SHARE, "tasks.complex_share", EXPR_NUMBER,
	    NULL);
	metrics_define(METRIC_QUALITY, "tasks.quality", EXPR_CHOICE,
	    metrics_choices("tasks.quality"));
	metrics_define(METRIC_EXPERTISE, "team.expertise", EXPR_CHOICE,
	    metrics_choices("team.expertise"));
	metrics_define(METRIC_HOURLY_RATE, "team.hourly_rate", EXPR_NUMBER, NULL);
	metrics_define(METRIC_OPS_HOURS, "team.ops_hours", EXPR_NUMBER, NULL);
	metrics_define(METRIC_PRIVACY, "privacy", EXPR_CHOICE,
	    metrics_choices("privacy"));
	metrics_define(METRIC_FINE_TUNING, "fine_tuning", EXPR_CHOICE,
	    metrics_choices("fine_tuning"));
	metrics_define(METRIC_TOOL_USE, "ecosystem.tool_use", EXPR_BOOL, NULL);
	metrics_define(METRIC_FUNCTION_CALLING, "ecosystem.function_calling",
	    EXPR_BOOL, NULL);
	metrics_define(METRIC_STRUCTURED_OUTPUT, "ecosystem.structured_output",
	    EXPR_BOOL, NULL);
	metrics_define(METRIC_ECOSYSTEM_COUNT, "ecosystem.count", EXPR_NUMBER,
	    NULL);
	metrics_define(METRIC_LOCK_IN, "lock_in", EXPR_CHOICE,
	    metrics_choices("lock_in"));
	metrics_define(METRIC_HORIZON, "horizon_months", EXPR_NUMBER, NULL);
	metrics_define(METRIC_HARDWARE, "hardware", EXPR_CHOICE,
	    metrics_choices("hardware"));
	metrics_define(METRIC_DEPLOYMENT, "deployment", EXPR_CHOICE,
	    metrics_choices("deployment"));
	for (int i = 0; i < 5; i++) {
		snprintf(name, sizeof name, "cost.best_api.%s",
		    metrics_monthly_names[i]);
		metrics_define(METRIC_BEST_API + i, name, EXPR_NUMBER, NULL);
		snprintf(name, sizeof name, "cost.best_self_hosted.%s",
		    metrics_monthly_names[i]);
		metrics_define(METRIC_BEST_SELF + i, name, EXPR_NUMBER, NULL);
	}
	for (int k = 0; k < OPTION_KIND_COUNT; k++) {
		snprintf(name, sizeof name, "cost.%s.total", cost_kind_name(k));
		metrics_define(METRIC_KIND_TOTAL + k, name, EXPR_NUMBER, NULL);
	}
	metrics_define(METRIC_SAVING, "cost.saving", EXPR_NUMBER, NULL);
	metrics_define(METRIC_SAVING_SHARE, "cost.saving_share", EXPR_NUMBER,
	    NULL);
	metrics_define(METRIC_COMPUTE_SAVING, "cost.compute_saving",
	    EXPR_NUMBER, NULL);
	metrics_define(METRIC_PAYBACK, "cost.owned.payback_months", EXPR_NUMBER,
	    NULL);
	metrics_define(METRIC_BREAKEVEN, "breakeven", EXPR_NUMBER, NULL);
	metrics_define(METRIC_CAPACITY_GPUS, "capacity.gpus", EXPR_NUMBER, NULL);
	metrics_define(METRIC_CAPACITY_UTILISATION, "capacity.utilisation",
	    EXPR_NUMBER, NULL);
	metrics_define(METRIC_VOLUME_LOW, "threshold.volume_low", EXPR_NUMBER,
	    NULL);
	metrics_define(METRIC_VOLUME_HIGH, "threshold.volume_high", EXPR_NUMBER,
	    NULL);
	metrics_define(METRIC_HARD_CLOSED, "quality.hard_closed", EXPR_NUMBER,
	    NULL);
	metrics_define(METRIC_HARD_OPEN, "quality.hard_open", EXPR_NUMBER, NULL);
	metrics_define(METRIC_SIMPLE_CLOSED, "quality.simple_closed",
	    EXPR_NUMBER, NULL);
	metrics_define(METRIC_SIMPLE_OPEN, "quality.simple_open", EXPR_NUMBER,
	    NULL);
	metrics_define(METRIC_GAP_MONTHS, "quality.gap_months", EXPR_NUMBER,
	    NULL);
	metrics_define(METRIC_GAP_TODAY, "quality.gap_today", EXPR_NUMBER, NULL);
	metrics_define(METRIC_GAP_OVER_HORIZON, "quality.gap_over_horizon",
	    EXPR_NUMBER, NULL);
	metrics_define(METRIC_CLOSED_SUCCESS, "quality.closed_success",
	    EXPR_NUMBER, NULL);
	metrics_define(METRIC_OPEN_SUCCESS, "quality.open_success", EXPR_NUMBER,
	    NULL);
	metrics_define(METRIC_HYBRID_SUCCESS, "quality.hybrid_success",
	    EXPR_NUMBER, NULL);
	metrics_define(METRIC_CLOSED_COST_PER_SUCCESS,
	    "quality.closed_cost_per_success", EXPR_NUMBER, NULL);
	metrics_define(METRIC_OPEN_COST_PER_SUCCESS,
	    "quality.open_cost_per_success", EXPR_NUMBER, NULL);
	metrics_define(METRIC_HYBRID_COST_PER_SUCCESS,
	    "quality.hybrid_cost_per_success", EXPR_NUMBER, NULL);
	metrics_define(METRIC_CLOSED_FINE_TUNING, "closed_fine_tuning",
	    EXPR_BOOL, NULL);
	metrics_define(METRIC_VERDICT, "verdict", EXPR_CHOICE,
	    metrics_verdict_names);
	metrics_table_symbols.symbols = metrics_table;
	metrics_table_symbols.count = METRIC_COUNT;
	return &metrics_table_symbols;
}

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

/* The average quality gap over the horizon (see the top of this file). */
static double
metrics_gap_over_horizon(double gap_today, double gap_months,
    double horizon)
{
	double closing = 2 * gap_months;
	if (gap_today <= 0 || closing <= 0)
		return gap_today > 0 ? 0 : gap_today;
	if (horizon <= closing)
		return gap_today * (1 - horizon / (2 * closing));
	return gap_today * closing / (2 * horizon);
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

/* Fills every metric slot for one evaluation. */
void
metrics_compute(const struct data *data, const double *values,
    const struct profile *p, const struct cost_result *cost,
    double breakeven, double *m)
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
	m[METRIC_DEPLOYMENT] = p->deployment;

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

	double hard_closed = V(d->quality_hard_closed);
	double gap = hard_closed - V(d->quality_hard_open);
	double gap_horizon = metrics_gap_over_horizon(gap, V(d->gap_months),
	    p->horizon_months);
	double share = p->complex_share;
	m[METRIC_HARD_CLOSED] = hard_closed;
	m[METRIC_HARD_OPEN] = V(d->quality_hard_open);
	m[METRIC_SIMPLE_CLOSED] = V(d->quality_simple_closed);
	m[METRIC_SIMPLE_OPEN] = V(d->quality_simple_open);
	m[METRIC_GAP_MONTHS] = V(d->gap_months);
	m[METRIC_GAP_TODAY] = gap;
	m[METRIC_GAP_OVER_HORIZON] = gap_horizon;
	m[METRIC_CLOSED_SUCCESS] = share * hard_closed +
	    (1 - share) * m[METRIC_SIMPLE_CLOSED];
	m[METRIC_OPEN_SUCCESS] = share * (hard_closed - gap_horizon) +
	    (1 - share) * m[METRIC_SIMPLE_OPEN];
	m[METRIC_HYBRID_SUCCESS] = share * hard_closed +
	    (1 - share) * m[METRIC_SIMPLE_OPEN];
	m[METRIC_CLOSED_COST_PER_SUCCESS] = metrics_cost_per_success(
	    m[METRIC_BEST_API], volume, m[METRIC_CLOSED_SUCCESS]);
	m[METRIC_OPEN_COST_PER_SUCCESS] = metrics_cost_per_success(
	    m[METRIC_BEST_SELF], volume, m[METRIC_OPEN_SUCCESS]);
	m[METRIC_HYBRID_COST_PER_SUCCESS] = metrics_cost_per_success(
	    m[METRIC_KIND_TOTAL + OPTION_HYBRID], volume,
	    m[METRIC_HYBRID_SUCCESS]);
	m[METRIC_CLOSED_FINE_TUNING] = data->closed_fine_tuning;
	m[METRIC_VERDICT] = NAN;
}

/* Expected success rate of an outcome (0 closed, 1 open, 2 hybrid). */
double
metrics_success(const double *metrics, int outcome)
{
	static const int slots[3] = { METRIC_CLOSED_SUCCESS,
	    METRIC_OPEN_SUCCESS, METRIC_HYBRID_SUCCESS };
	return outcome >= 0 && outcome < 3 ? metrics[slots[outcome]] : NAN;
}

/* USD per million tokens that succeed, for an outcome. */
double
metrics_cost_per_success_of(const double *metrics, int outcome)
{
	static const int slots[3] = { METRIC_CLOSED_COST_PER_SUCCESS,
	    METRIC_OPEN_COST_PER_SUCCESS, METRIC_HYBRID_COST_PER_SUCCESS };
	return outcome >= 0 && outcome < 3 ? metrics[slots[outcome]] : NAN;
}

/* True for slots that depend on the data's figures (and so change from one
 * Monte Carlo sample to the next); false for the answers themselves. */
bool
metrics_slot_varies(int slot)
{
	return slot >= METRIC_BEST_API && slot != METRIC_CLOSED_FINE_TUNING;
}
