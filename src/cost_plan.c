/* cost_plan.c - the options a run can need (struct cost_plan in cost.h).
 *
 * The Monte Carlo prices every option in every scenario, but all it reads
 * is each kind's cheapest option (and the hybrids, built from the
 * cheapest of each open kind at a share of the volume).  An option that
 * is dearer than another of its kind in every scenario the run can draw
 * is never that cheapest one, so it is left out once per run.
 *
 * Soundness rests on bounds computed by the very code that prices an
 * option, at the corners of the box (struct cost_box):
 *   - APIs (closed and hosted open): cost = engineering and set-up, the
 *     same for every API of a scenario, plus volume x (s x input price +
 *     (1 - s) x output price), s the input share, which the Monte Carlo
 *     keeps; every price figure raises it.  Within one kind and tier, an
 *     API whose lowest blended price is above another's highest is never
 *     the cheaper.  APIs with fine-tuning prices are always kept (the
 *     closed fine-tuning figure reads all of them).
 *   - Self-hosted (per kind): cost = operations hours x rate and set-up,
 *     the same for every option of the kind in a scenario, plus the
 *     option's own part: compute + hardware + per-node operations.
 *     Compute and hardware rise with volume, prices, power, overheads
 *     and the utilisation, and fall with throughput, concurrency, the
 *     residual share, the service life and GPUs per node; the cost model
 *     is monotone in each (cost.h: fleets round up, 24/7 takes the
 *     cheaper of two sizings, owned power is GPUs x idle + the load's
 *     share of busy - idle).  So, at volume v, an option's own part lies
 *     between its compute + hardware at the cost-minimising corner
 *     (lower bound; per-node operations dropped) and compute + hardware +
 *     per-node hours x (fleet nodes - 1) x rate at the maximising corner
 *     (upper bound; fleet_nodes counts the bigger 24/7 sizing).  The
 *     volume range, from the hybrid's smallest open share to the largest
 *     draw, is cut into cells 2% wide; an option whose lower bound at a
 *     cell's start is above the smallest upper bound of the kind at the
 *     cell's end, in every cell, is never the cheapest of its kind: in a
 *     scenario whose volume lies in a cell, the option that is cheapest
 *     there costs at most that bound.
 * The month's hours must not be drawn (a longer month both raises the
 * 24/7 bill and lowers the load): when they are, nothing self-hosted is
 * left out.  tests/test_cost_plan.c checks that planned and full
 * evaluations agree on random scenarios of the box. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cost.h"
#include "cost_private.h"

#define COST_PLAN_STEP 1.02		/* width of a volume cell */
#define COST_PLAN_MAX_POINTS 512	/* cells cap: wider cells beyond */
#define COST_PLAN_MARGIN 1e-9		/* relative, against rounding */

/* Sets a figure's flag.  Only for figures the data has: an optional
 * figure it lacks (has_... false) has no index of its own. */
static void
cost_plan_mark(bool *flags, const struct figure *f, bool flag)
{
	flags[f->index] = flag;
}

/* How many kinds a set of COST_KIND_BIT holds. */
static size_t
cost_plan_kind_count(unsigned kinds)
{
	size_t n = 0;
	for (; kinds != 0; kinds &= kinds - 1)
		n++;
	return n;
}

/* The figures whose larger value makes an option cheaper. */
static void
cost_plan_decreasing(const struct data *data, bool *decreasing)
{
	const struct defaults *d = &data->defaults;
	for (size_t i = 0; i < data->config_count; i++) {
		cost_plan_mark(decreasing, &data->configs[i].prefill, true);
		cost_plan_mark(decreasing, &data->configs[i].decode, true);
		cost_plan_mark(decreasing, &data->configs[i].batched_decode,
		    true);
	}
	for (size_t i = 0; i < data->gpu_count; i++)
		if (data->gpus[i].has_gpus_per_node)
			cost_plan_mark(decreasing, &data->gpus[i].gpus_per_node,
			    true);
	cost_plan_mark(decreasing, &d->on_demand_concurrency, true);
	cost_plan_mark(decreasing, &d->residual_share, true);
	cost_plan_mark(decreasing, &d->service_life_months, true);
}

/* An API's blended price per million tokens (input share s). */
static double
cost_plan_blended(const double *values, const struct model *model,
    const struct profile *profile, double input_share)
{
	double input_price, output_price;
	cost_api_prices(values, model, profile, &input_price, &output_price);
	return input_share * input_price + (1 - input_share) * output_price;
}

/* Keeps the APIs that can be the cheapest of their kind and tier. */
static void
cost_plan_apis(const struct data *data, const struct profile *profile,
    const struct cost_box *box, const double *minimum,
    const double *maximum, struct cost_plan *plan)
{
	const struct model *reference = cost_reference_model(data, profile);
	double lowest_high[MODEL_KIND_COUNT][TIER_COUNT];
	double total = profile->input_tokens + profile->output_tokens;
	double share = total > 0 ? profile->input_tokens / total : 0;
	/* At no volume every API costs the same: ties keep everything. */
	bool prune = box->volume_low > 0;

	for (int k = 0; k < MODEL_KIND_COUNT; k++)
		for (int t = 0; t < TIER_COUNT; t++)
			lowest_high[k][t] = INFINITY;
	/* Only an API that competes can be the one that is cheaper. */
	for (size_t i = 0; i < data->model_count; i++) {
		const struct model *m = &data->models[i];
		if (!cost_model_offered(data, m) ||
		    !cost_model_comparable(m, reference, profile))
			continue;
		double high = cost_plan_blended(maximum, m, profile, share);
		if (high < lowest_high[m->kind][m->tier])
			lowest_high[m->kind][m->tier] = high;
	}
	for (size_t i = 0; i < data->model_count; i++) {
		const struct model *m = &data->models[i];
		if (!cost_model_offered(data, m))
			continue;
		plan->options_total++;
		/* Not compared: never any kind's cheapest, never read. */
		if (!cost_model_comparable(m, reference, profile))
			continue;
		double low = cost_plan_blended(minimum, m, profile, share);
		if (prune && !m->has_fine_tuning_prices &&
		    low > lowest_high[m->kind][m->tier] *
		    (1 + COST_PLAN_MARGIN))
			continue;
		plan->models[plan->model_count++] = i;
		plan->options_kept++;
	}
}

/* The volumes that cut the box's range into cells; returns how many. */
static size_t
cost_plan_grid(double low, double high, double *points)
{
	size_t n;
	if (!(high > 0))
		return 0;
	if (!(low > 0)) {
		/* From nothing: the first cell is [0, a millionth]. */
		points[0] = 0;
		double start = high * 1e-6;
		n = (size_t)ceil(log(high / start) / log(COST_PLAN_STEP));
		if (n > COST_PLAN_MAX_POINTS - 2)
			n = COST_PLAN_MAX_POINTS - 2;
		for (size_t i = 0; i <= n; i++)
			points[i + 1] = start * pow(high / start, (double)i / n);
		points[n + 1] = high;
		return n + 2;
	}
	n = (size_t)ceil(log(high / low) / log(COST_PLAN_STEP));
	if (n < 1)
		n = 1;
	if (n > COST_PLAN_MAX_POINTS - 1)
		n = COST_PLAN_MAX_POINTS - 1;
	for (size_t i = 0; i <= n; i++)
		points[i] = low * pow(high / low, (double)i / n);
	points[n] = high;
	return n + 1;
}

/* An option's own part (see the top of this file) at one volume: lower
 * bound at the minimising corner, upper at the maximising one. */
static void
cost_plan_bounds(const struct cost_context *low, const struct cost_context *high,
    const struct gpu_config *config, enum option_kind kind, double volume,
    double input_share, double *lower, double *upper)
{
	const struct data *data = low->data;
	struct cost_option o;
	struct cost_speed fast, slow;
	double input = volume * input_share, output = volume - input;

	cost_speed_of(low, config, &fast);
	cost_speed_of(high, config, &slow);
	cost_self_hosted(low, config, &fast, kind, input, output, &o);
	*lower = o.monthly.compute + o.monthly.hardware;
	cost_self_hosted(high, config, &slow, kind, input, output, &o);
	*upper = o.monthly.compute + o.monthly.hardware +
	    high->values[data->defaults.ops_hours_per_node.index] *
	    (o.fleet_nodes > 1 ? o.fleet_nodes - 1 : 0) * high->rate;
}

/* Keeps, per self-hosted kind, the configurations that can be its
 * cheapest; kinds[i] holds each configuration's offered kinds and is
 * narrowed.  Returns -1 when out of memory (nothing narrowed). */
static int
cost_plan_self_hosted(const struct data *data, const struct profile *profile,
    const struct cost_scenario *scenario, const struct cost_box *box,
    const double *minimum, const double *maximum,
    const struct cost_plan *plan, unsigned *kinds)
{
	static const enum option_kind order[] = {
		OPTION_CLOUD_ON_DEMAND, OPTION_CLOUD_24X7, OPTION_OWNED
	};
	const struct figure *hours = &data->defaults.hours_per_month;
	double total = profile->input_tokens + profile->output_tokens;
	double share = total > 0 ? profile->input_tokens / total : 5.0 / 6;
	double points[COST_PLAN_MAX_POINTS + 1];
	struct profile cheap = *profile, dear = *profile;
	struct cost_context low, high;

	if (box->figure_low[hours->index] != box->figure_high[hours->index] ||
	    profile->peak_to_mean < 1)
		return 0;
	size_t count = cost_plan_grid(box->volume_low *
	    (1 - box->complex_share_high), box->volume_high, points);
	if (count < 2 || data->config_count == 0)
		return 0;
	cheap.hourly_rate = box->rate_low;
	dear.hourly_rate = box->rate_high;
	cost_context_init(&low, data, minimum, &cheap, scenario, plan);
	cost_context_init(&high, data, maximum, &dear, scenario, plan);

	double *lower = malloc(data->config_count * count * sizeof *lower);
	double *upper = malloc(data->config_count * count * sizeof *upper);
	double *smallest = malloc(count * sizeof *smallest);
	if (lower == NULL || upper == NULL || smallest == NULL) {
		free(lower);
		free(upper);
		free(smallest);
		return -1;
	}
	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
		unsigned bit = COST_KIND_BIT(order[k]);
		for (size_t p = 0; p < count; p++)
			smallest[p] = INFINITY;
		for (size_t i = 0; i < data->config_count; i++) {
			if (!(kinds[i] & bit))
				continue;
			for (size_t p = 0; p < count; p++) {
				double *l = &lower[i * count + p];
				double *u = &upper[i * count + p];
				cost_plan_bounds(&low, &high, &data->configs[i],
				    order[k], points[p], share, l, u);
				if (*u < smallest[p])
					smallest[p] = *u;
			}
		}
		for (size_t i = 0; i < data->config_count; i++) {
			if (!(kinds[i] & bit))
				continue;
			bool beaten = true;
			for (size_t p = 0; p + 1 < count && beaten; p++)
				beaten = lower[i * count + p] > smallest[p + 1] *
				    (1 + COST_PLAN_MARGIN) + COST_PLAN_MARGIN;
			if (beaten)
				kinds[i] &= ~bit;
		}
	}
	free(lower);
	free(upper);
	free(smallest);
	return 0;
}

/* Marks the figures the profile's answers never let the core read: the
 * other expertise levels' hours and gains, fine-tuning prices for a team
 * that does not fine-tune, spot prices without a batch share, reserved
 * prices the horizon is too short for (cost.c and metrics.c read them
 * only under these answers), and the stale-price threshold (read once
 * per evaluation, evaluate.c). */
static void
cost_plan_unread(const struct data *data, const struct profile *profile,
    bool *needed)
{
	static const double terms[2] = COST_RESERVED_TERMS;
	const struct defaults *d = &data->defaults;

	for (int e = 0; e < EXPERTISE_COUNT; e++) {
		if (e == (int)profile->expertise)
			continue;
		cost_plan_mark(needed, &d->ops_hours[e], false);
		cost_plan_mark(needed, &d->setup_hours[e], false);
		cost_plan_mark(needed, &d->fine_tuning_gain[e], false);
		cost_plan_mark(needed, &d->fine_tuning_hours[e], false);
	}
	/* Read when an evaluation looks for stale prices, never per
	 * scenario. */
	cost_plan_mark(needed, &d->stale_months, false);
	/* A fine-tune's API prices count only for a team that fine-tunes. */
	for (size_t i = 0; i < data->model_count; i++) {
		const struct model *m = &data->models[i];
		if (!m->has_fine_tuning_prices ||
		    profile->fine_tuning != FINE_TUNING_NONE)
			continue;
		cost_plan_mark(needed, &m->fine_tuning_input_price, false);
		cost_plan_mark(needed, &m->fine_tuning_output_price, false);
		cost_plan_mark(needed, &m->fine_tuning_training_price, false);
	}
	for (size_t i = 0; i < data->gpu_count; i++) {
		const struct gpu *g = &data->gpus[i];
		if (g->has_spot_price && !(profile->batch_share > 0))
			cost_plan_mark(needed, &g->spot_price, false);
		for (int t = 0; t < 2; t++)
			if (g->has_reserved_price[t] &&
			    !(profile->horizon_months >= terms[t]))
				cost_plan_mark(needed, &g->reserved_price[t],
				    false);
	}
}

/* Marks a GPU's figures that no option of the kinds kept on it (kept:
 * COST_KIND_BIT of them; 0 when none) reads (cost_gpu_figure_read). */
static void
cost_plan_gpu_figures(const struct data *data, const struct profile *profile,
    size_t index, unsigned kept, bool *needed)
{
	const struct gpu *g = &data->gpus[index];
	const struct figure *figures[] = {
		&g->cloud_price, &g->reserved_price[0], &g->reserved_price[1],
		&g->spot_price, &g->purchase_price, &g->host_price, &g->power,
		&g->idle_power, &g->host_power, &g->gpus_per_node,
		&g->memory_bandwidth,
	};
	for (size_t f = 0; f < sizeof figures / sizeof figures[0]; f++)
		if (figures[f]->index >= 0 && !cost_gpu_figure_read(data,
		    profile, index, kept, figures[f]))
			cost_plan_mark(needed, figures[f], false);
}

/* Marks the figures only left-out options read as not needed. */
static void
cost_plan_figures(const struct data *data, const struct profile *profile,
    const struct cost_plan *plan, const unsigned *kinds)
{
	bool *needed = plan->figure_needed;
	bool *model_kept = calloc(data->model_count + 1, sizeof *model_kept);
	unsigned *gpu_kinds = calloc(data->gpu_count + 1, sizeof *gpu_kinds);

	for (size_t i = 0; i < data->figure_count; i++)
		needed[i] = true;
	if (model_kept == NULL || gpu_kinds == NULL) {
		free(model_kept);
		free(gpu_kinds);
		return;
	}
	for (size_t i = 0; i < plan->model_count; i++)
		model_kept[plan->models[i]] = true;
	for (size_t i = 0; i < data->model_count; i++) {
		const struct model *m = &data->models[i];
		if (model_kept[i] || !cost_model_offered(data, m))
			continue;
		for (int p = 0; p < DATA_PRICE_COUNT; p++) {
			const struct figure *f = data_model_price(m, p);
			if (f != NULL)
				cost_plan_mark(needed, f, false);
		}
	}
	for (size_t i = 0; i < data->config_count; i++) {
		const struct gpu_config *g = &data->configs[i];
		if (kinds[i] != 0) {
			gpu_kinds[g->gpu] |= kinds[i];
			continue;
		}
		cost_plan_mark(needed, &g->prefill, false);
		cost_plan_mark(needed, &g->decode, false);
		cost_plan_mark(needed, &g->batched_decode, false);
	}
	cost_plan_unread(data, profile, needed);
	for (size_t i = 0; i < data->gpu_count; i++)
		cost_plan_gpu_figures(data, profile, i, gpu_kinds[i], needed);
	free(model_kept);
	free(gpu_kinds);
}

/* Frees what cost_plan_build allocated; the plan is empty after. */
void
cost_plan_free(struct cost_plan *plan)
{
	free(plan->models);
	free(plan->configs);
	free(plan->figure_needed);
	memset(plan, 0, sizeof *plan);
}

/* Chooses the options that can win in some scenario of the box. */
int
cost_plan_build(const struct data *data, const struct profile *profile,
    const struct cost_scenario *scenario, const struct cost_box *box,
    struct cost_plan *plan)
{
	size_t figures = data->figure_count;
	memset(plan, 0, sizeof *plan);
	plan->owned_gpu = cost_owned_gpu(data, profile, &plan->owned_count);
	plan->models = malloc((data->model_count + 1) * sizeof *plan->models);
	plan->configs = malloc((data->config_count + 1) *
	    sizeof *plan->configs);
	plan->figure_needed = malloc((figures + 1) *
	    sizeof *plan->figure_needed);
	double *minimum = malloc((figures + 1) * sizeof *minimum);
	double *maximum = malloc((figures + 1) * sizeof *maximum);
	bool *decreasing = calloc(figures + 1, sizeof *decreasing);
	unsigned *kinds = malloc((data->config_count + 1) * sizeof *kinds);
	int status = -1;

	if (plan->models == NULL || plan->configs == NULL ||
	    plan->figure_needed == NULL || minimum == NULL ||
	    maximum == NULL || decreasing == NULL || kinds == NULL)
		goto done;
	cost_plan_decreasing(data, decreasing);
	for (size_t i = 0; i < figures; i++) {
		bool flip = decreasing[i];
		minimum[i] = flip ? box->figure_high[i] : box->figure_low[i];
		maximum[i] = flip ? box->figure_low[i] : box->figure_high[i];
	}
	cost_plan_apis(data, profile, box, minimum, maximum, plan);
	for (size_t i = 0; i < data->config_count; i++) {
		kinds[i] = cost_config_kinds(data, profile, &data->configs[i],
		    plan->owned_gpu);
		plan->options_total += cost_plan_kind_count(kinds[i]);
	}
	if (cost_plan_self_hosted(data, profile, scenario, box, minimum,
	    maximum, plan, kinds) != 0)
		goto done;
	for (size_t i = 0; i < data->config_count; i++) {
		if (kinds[i] == 0)
			continue;
		plan->configs[plan->config_count].config = i;
		plan->configs[plan->config_count++].kinds = kinds[i];
		plan->options_kept += cost_plan_kind_count(kinds[i]);
	}
	cost_plan_figures(data, profile, plan, kinds);
	status = 0;
done:
	free(minimum);
	free(maximum);
	free(decreasing);
	free(kinds);
	if (status != 0)
		cost_plan_free(plan);
	return status;
}
