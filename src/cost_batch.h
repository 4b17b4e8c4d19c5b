/* cost_batch.h - the Monte Carlo's self-hosted options priced for a
 * batch of samples at once, so that each sample prices in full only the
 * few that can be the cheapest of their kind (cost_batch.c). */
#ifndef LLMADVISOR_COST_BATCH_H
#define LLMADVISOR_COST_BATCH_H

#include <stddef.h>

#include "cost.h"

/* Samples a batch holds at most (the length of a row). */
#define COST_BATCH_MAX_LANES 64

/* The answers the Monte Carlo draws, one row each, sample by sample. */
struct cost_batch_answers {
	const double *input_tokens, *output_tokens;	/* per month */
	const double *ops_hours;			/* per month */
	const double *hourly_rate;			/* USD */
	const double *complex_share;
};

struct cost_batch_option;	/* cost_batch.c */

/* The defaults figures a self-hosted option reads. */
enum cost_batch_default {
	COST_BATCH_CONCURRENCY,		/* on_demand_concurrency */
	COST_BATCH_HOURS,		/* hours_per_month */
	COST_BATCH_OVERHEAD,		/* on_demand_overhead */
	COST_BATCH_SPOT_OVERHEAD,
	COST_BATCH_RESIDUAL,		/* residual_share */
	COST_BATCH_LIFE,		/* service_life_months */
	COST_BATCH_ELECTRICITY,		/* electricity_price */
	COST_BATCH_PUE,
	COST_BATCH_NODE_HOURS,		/* ops_hours_per_node */
	COST_BATCH_SETUP_HOURS,		/* setup_hours of the expertise */
	COST_BATCH_DEFAULT_COUNT
};

/* A plan's self-hosted options, each with where its figures are read:
 * the row of a drawn figure in the caller's draws, or a row of the
 * data's value.  Built once per run; read-only after, so threads share
 * it. */
struct cost_batch {
	const struct data *data;
	const struct cost_plan *plan;
	const struct profile *profile;		/* the base: fixed answers */
	struct cost_batch_option *options;	/* in plan order */
	size_t option_count;
	double *constants;			/* rows of figures not drawn */
	size_t lanes;				/* a row's length */
	double gpu_price_factor;
	int defaults[COST_BATCH_DEFAULT_COUNT];	/* their rows */
};

/* Builds the batch of a plan for the base profile and scenario.
 * draw_row[i] is the row of figure i in the draws cost_batch_price will
 * be given, or -1 when the figure is not drawn (it keeps its value in
 * data.values).  lanes (at most COST_BATCH_MAX_LANES) is the rows'
 * length.  0, or -1 when out of memory (the batch is then empty). */
int cost_batch_build(struct cost_batch *, const struct data *,
	const struct cost_plan *, const struct profile *,
	const struct cost_scenario *, const int *draw_row, size_t lanes);
void cost_batch_free(struct cost_batch *);
/* Totals of every option for count samples: each figure's sample n at
 * drawn[row x lanes + n].  totals holds 2 x option_count x lanes: per
 * option, a row at the full volume, then one at the hybrid's share of it
 * (INFINITY where the sample has no hybrid). */
void cost_batch_price(const struct cost_batch *, const double *drawn,
	const struct cost_batch_answers *, size_t count, double *totals);
/* Evaluates sample n as cost_evaluate_planned does, with the same
 * results bit for bit (cheapest of each kind, best API and self-hosted
 * option, hybrids), pricing only the self-hosted options whose batch
 * total is within a hair of their kind's cheapest at the full volume or
 * the hybrid's share.  listed: scratch for the plan's config_count. */
void cost_batch_evaluate(const struct cost_batch *, const double *totals,
	size_t n, const double *values, const struct profile *,
	const struct cost_scenario *, struct cost_plan_config *listed,
	struct cost_result *);

#endif
