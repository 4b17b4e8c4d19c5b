/* cost_private.h - what cost.c shares with cost_plan.c and nobody else:
 * the pieces of one option's price, so that the plan bounds an option
 * with the very code that prices it. */
#ifndef LLMADVISOR_COST_PRIVATE_H
#define LLMADVISOR_COST_PRIVATE_H

#include "cost.h"

/* What every self-hosted option of one evaluation shares: read once. */
struct cost_context {
	const struct data *data;
	const double *values;
	const struct profile *profile;
	const struct cost_scenario *scenario;
	double ops_hours, rate, setup;
	int owned_gpu;			/* index in data->gpus, or -1 */
	int owned_count;
};

/* The months of a 1- and a 3-year commitment: a 24/7 rental may take a
 * reserved price once the horizon covers its term. */
#define COST_RESERVED_TERMS { 12, 36 }

void cost_context_init(struct cost_context *, const struct data *,
	const double *values, const struct profile *,
	const struct cost_scenario *, const struct cost_plan *);
/* The GPU the team owns (index in data->gpus, or -1) and how many. */
int cost_owned_gpu(const struct data *, const struct profile *, int *count);
/* The per-token prices (USD/Mtok, before the API price factor) an API
 * model charges for the profile's traffic mix; returns COST_DISCOUNT_*. */
unsigned cost_api_prices(const double *values, const struct model *,
	const struct profile *, double *input_price, double *output_price);
/* True when a model is an option of its own (an API). */
bool cost_model_offered(const struct data *, const struct model *);
/* The open-weights model self-hosted options run, or NULL. */
const struct model *cost_reference_model(const struct data *,
	const struct profile *);
/* True when an API option competes for its kind's cheapest. */
bool cost_model_comparable(const struct model *, const struct model *reference,
	const struct profile *);
/* The self-hosted kinds (COST_KIND_BIT) a configuration is offered as. */
unsigned cost_config_kinds(const struct data *, const struct profile *,
	const struct gpu_config *, int owned_gpu);
/* Whether a GPU's figure is read when options of kinds are offered on it. */
bool cost_gpu_figure_read(const struct data *, const struct profile *,
	size_t gpu, unsigned kinds, const struct figure *);
/* The kinds offered on each GPU (kinds[data->gpu_count]). */
void cost_gpu_kinds(const struct data *, const struct profile *,
	unsigned *kinds);
/* A configuration's speed under the context's values. */
void cost_speed_of(const struct cost_context *, const struct gpu_config *,
	struct cost_speed *);
/* One self-hosted option of a kind at a volume (tokens a month). */
void cost_self_hosted(const struct cost_context *,
	const struct gpu_config *, const struct cost_speed *,
	enum option_kind, double input, double output, struct cost_option *);
/* Sizes a 24/7 or owned fleet for a mean load. */
void cost_fleet(const struct cost_context *, const struct gpu_config *,
	double load, int per_node, struct cost_option *);
int cost_gpus_per_node(const double *values, const struct gpu *);

/* A floor under a self-hosted option's total, from its configuration
 * and kind (on demand: plus the caller's bound on its compute). */
double cost_self_hosted_floor(const struct cost_context *,
	const struct gpu_config *, enum option_kind, double on_demand);
/* A floor under a priced self-hosted option's total at a share of its
 * volume (cost_hybrid prices it again only when the floor could win). */
double cost_hybrid_floor(const struct cost_context *,
	const struct cost_option *, double share);

/* The small counts every self-hosted option takes, inline: the Monte
 * Carlo's batches (cost_batch.c) take them for every option and sample.
 * Truncation is floor for the positive counts kept, and none calls libm. */

/* A gpus_per_node figure's value as whole GPUs per node, at least 1. */
static inline int
cost_whole_gpus(double n)
{
	return n < 1 ? 1 : n > 1e6 ? 1000000 : (int)n;
}

/* Whole nodes for a number of GPUs. */
static inline int
cost_nodes(int gpus, int per_node)
{
	if (per_node == 1)
		return gpus;	/* the usual case, without a division */
	return (gpus + per_node - 1) / per_node;
}

/* Replicas needed for a mean load (replica-seconds per second) at its
 * peak: ceil(load x peak_to_mean), at least 1. */
static inline int
cost_replicas_for_load(double load, double peak_to_mean)
{
	double peak = load * peak_to_mean;
	if (peak > 1e6)
		return 1000000;		/* absurd volumes: keep it finite */
	if (peak <= 1)
		return 1;
	double target = peak - 1e-9;
	int whole = (int)target;
	return whole < target ? whole + 1 : whole;
}

/* Replicas of a 24/7 or owned fleet: for the peak, one more when the
 * team wants redundancy. */
static inline int
cost_fleet_replicas(double load, const struct profile *profile)
{
	return cost_replicas_for_load(load, profile->peak_to_mean) +
	    (profile->availability == AVAILABILITY_REDUNDANT);
}

#endif
