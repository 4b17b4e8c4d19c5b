/* cost_batch.c - the Monte Carlo's self-hosted options priced for a
 * batch of samples at once.
 *
 * A Monte Carlo sample reads each kind's cheapest option and the hybrids
 * (whose open part is the cheapest of its kind at the hybrid's share of
 * the volume), nothing else of the self-hosted options.  Pricing every
 * one of them with the general code (cost_self_hosted: a 200-byte
 * option with every detail) is most of a sample's time once the data
 * has a few dozen GPU configurations.  Here only their totals are
 * computed, option by option across a batch of samples, each figure read
 * from its row of draws; then each sample prices with the general code
 * only the options whose total is within COST_BATCH_MARGIN of the
 * cheapest of their kind, at the full volume or at the hybrid's share.
 *
 * So every number a sample reports still comes from cost_self_hosted:
 * the totals here only choose which options it prices.  They follow the
 * formulas of cost.c operation for operation, so they equal its totals
 * (where a compiler contracts a multiply-add differently they may differ
 * in the last bits, far inside the margin).  An option left out is dearer
 * than its kind's cheapest by more than the margin, so it is neither the
 * cheapest nor a hybrid's part, and the sample's results are those of
 * cost_evaluate_planned bit for bit (tests/test_cost_plan.c). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cost_batch.h"
#include "cost_private.h"

/* Relative: an option this close to its kind's cheapest is priced. */
#define COST_BATCH_MARGIN 1e-9

/* The figures of an option's GPU and configuration it reads. */
enum cost_batch_figure {
	COST_BATCH_PREFILL,
	COST_BATCH_DECODE,
	COST_BATCH_BATCHED_DECODE,
	COST_BATCH_GPUS_PER_NODE,
	COST_BATCH_PRICE,		/* cloud (rented) or purchase (owned) */
	COST_BATCH_RESERVED_1Y,
	COST_BATCH_RESERVED_3Y,
	COST_BATCH_SPOT,
	COST_BATCH_HOST_PRICE,
	COST_BATCH_POWER,
	COST_BATCH_IDLE_POWER,
	COST_BATCH_HOST_POWER,
	COST_BATCH_FIGURE_COUNT
};

/* One self-hosted option of the plan: a configuration and a kind. */
struct cost_batch_option {
	unsigned listed;		/* position in plan.configs */
	enum option_kind kind;
	int gpus;			/* per replica */
	int owned;			/* GPUs of this kind the team owns */
	bool per_node, spot, idle_power, host;
	bool reserved[2];		/* 24/7: the horizon allows the term */
	int rows[COST_BATCH_FIGURE_COUNT];	/* cost_batch_row */
};

/* While building: the row of each figure, and the constant rows. */
struct cost_batch_builder {
	struct cost_batch *batch;
	const int *draw_row;
	int *constant_row;		/* by figure index: -1 - row, or 0 */
	size_t constant_count;
};

/* The row a figure is read from: its draws' row (>= 0), or -1 - k for
 * the k-th constant row, filled with its value.  Figures the option does
 * not read (an optional one the data lacks) get row 0 of the draws,
 * never read. */
static int
cost_batch_figure_row(struct cost_batch_builder *b, const struct figure *f,
    bool present)
{
	struct cost_batch *batch = b->batch;
	if (!present || f->index < 0)
		return 0;
	if (b->draw_row[f->index] >= 0)
		return b->draw_row[f->index];
	if (b->constant_row[f->index] == 0) {
		double *row = batch->constants + b->constant_count *
		    batch->lanes;
		for (size_t n = 0; n < batch->lanes; n++)
			row[n] = batch->data->values[f->index];
		b->constant_row[f->index] = -1 - (int)b->constant_count++;
	}
	return b->constant_row[f->index];
}

/* Sets up one option of a configuration and kind. */
static void
cost_batch_option_init(struct cost_batch_builder *b, size_t listed,
    const struct gpu_config *config, enum option_kind kind,
    struct cost_batch_option *o)
{
	static const double terms[2] = COST_RESERVED_TERMS;
	const struct cost_batch *batch = b->batch;
	const struct profile *p = batch->profile;
	const struct gpu *gpu = data_config_gpu(batch->data, config);
	bool owned = kind == OPTION_OWNED;

	memset(o, 0, sizeof *o);
	o->listed = (unsigned)listed;
	o->kind = kind;
	o->gpus = config->gpus;
	o->owned = owned && batch->plan->owned_gpu == config->gpu ?
	    batch->plan->owned_count : 0;
	o->per_node = gpu->has_gpus_per_node;
	o->spot = !owned && gpu->has_spot_price && p->batch_share > 0;
	o->idle_power = gpu->has_idle_power;
	o->host = gpu->has_host;
	for (int t = 0; t < 2; t++)
		o->reserved[t] = kind == OPTION_CLOUD_24X7 &&
		    gpu->has_reserved_price[t] && p->horizon_months >= terms[t];
	o->rows[COST_BATCH_PREFILL] = cost_batch_figure_row(b,
	    &config->prefill, true);
	o->rows[COST_BATCH_DECODE] = cost_batch_figure_row(b,
	    &config->decode, true);
	o->rows[COST_BATCH_BATCHED_DECODE] = cost_batch_figure_row(b,
	    &config->batched_decode, true);
	o->rows[COST_BATCH_GPUS_PER_NODE] = cost_batch_figure_row(b,
	    &gpu->gpus_per_node, o->per_node);
	o->rows[COST_BATCH_PRICE] = owned ?
	    cost_batch_figure_row(b, &gpu->purchase_price, true) :
	    cost_batch_figure_row(b, &gpu->cloud_price, true);
	for (int t = 0; t < 2; t++)
		o->rows[COST_BATCH_RESERVED_1Y + t] = cost_batch_figure_row(b,
		    &gpu->reserved_price[t], o->reserved[t]);
	o->rows[COST_BATCH_SPOT] = cost_batch_figure_row(b, &gpu->spot_price,
	    o->spot);
	o->rows[COST_BATCH_HOST_PRICE] = cost_batch_figure_row(b,
	    &gpu->host_price, owned && o->host);
	o->rows[COST_BATCH_POWER] = cost_batch_figure_row(b, &gpu->power,
	    owned);
	o->rows[COST_BATCH_IDLE_POWER] = cost_batch_figure_row(b,
	    &gpu->idle_power, owned && o->idle_power);
	o->rows[COST_BATCH_HOST_POWER] = cost_batch_figure_row(b,
	    &gpu->host_power, owned && o->host);
}

/* Frees what cost_batch_build allocated; the batch is empty after. */
void
cost_batch_free(struct cost_batch *batch)
{
	free(batch->options);
	free(batch->constants);
	memset(batch, 0, sizeof *batch);
}

/* Builds the batch's options and rows (cost_batch.h). */
int
cost_batch_build(struct cost_batch *batch, const struct data *data,
    const struct cost_plan *plan, const struct profile *profile,
    const struct cost_scenario *scenario, const int *draw_row, size_t lanes)
{
	static const enum option_kind order[] = {
		OPTION_CLOUD_ON_DEMAND, OPTION_CLOUD_24X7, OPTION_OWNED
	};
	const struct defaults *d = &data->defaults;
	const struct figure *defaults[COST_BATCH_DEFAULT_COUNT] = {
		[COST_BATCH_CONCURRENCY] = &d->on_demand_concurrency,
		[COST_BATCH_HOURS] = &d->hours_per_month,
		[COST_BATCH_OVERHEAD] = &d->on_demand_overhead,
		[COST_BATCH_SPOT_OVERHEAD] = &d->spot_overhead,
		[COST_BATCH_RESIDUAL] = &d->residual_share,
		[COST_BATCH_LIFE] = &d->service_life_months,
		[COST_BATCH_ELECTRICITY] = &d->electricity_price,
		[COST_BATCH_PUE] = &d->pue,
		[COST_BATCH_NODE_HOURS] = &d->ops_hours_per_node,
		[COST_BATCH_SETUP_HOURS] = &d->setup_hours[profile->expertise],
	};
	size_t options = 0;
	for (size_t i = 0; i < plan->config_count; i++)
		for (unsigned kinds = plan->configs[i].kinds; kinds != 0;
		    kinds &= kinds - 1)
			options++;
	/* Each option reads at most its figures plus the defaults. */
	size_t rows = options * COST_BATCH_FIGURE_COUNT +
	    COST_BATCH_DEFAULT_COUNT;

	memset(batch, 0, sizeof *batch);
	if (lanes == 0 || lanes > COST_BATCH_MAX_LANES)
		return -1;
	batch->data = data;
	batch->plan = plan;
	batch->profile = profile;
	batch->lanes = lanes;
	batch->gpu_price_factor = scenario->gpu_price_factor;
	batch->options = malloc((options + 1) * sizeof *batch->options);
	batch->constants = malloc(rows * lanes * sizeof *batch->constants);
	struct cost_batch_builder b = {
		.batch = batch,
		.draw_row = draw_row,
		.constant_row = calloc(data->figure_count + 1, sizeof(int)),
	};
	if (batch->options == NULL || batch->constants == NULL ||
	    b.constant_row == NULL) {
		free(b.constant_row);
		cost_batch_free(batch);
		return -1;
	}
	for (int i = 0; i < COST_BATCH_DEFAULT_COUNT; i++)
		batch->defaults[i] = cost_batch_figure_row(&b, defaults[i], true);
	for (size_t i = 0; i < plan->config_count; i++)
		for (size_t k = 0; k < sizeof order / sizeof order[0]; k++)
			if (plan->configs[i].kinds & COST_KIND_BIT(order[k]))
				cost_batch_option_init(&b, i,
				    &data->configs[plan->configs[i].config],
				    order[k], &batch->options[
				    batch->option_count++]);
	free(b.constant_row);
	/* Rows were reserved for every figure; most are shared or drawn. */
	double *fitted = realloc(batch->constants, (b.constant_count + 1) *
	    lanes * sizeof *batch->constants);
	if (fitted != NULL)
		batch->constants = fitted;
	return 0;
}

/* The start of a row (cost_batch_figure_row's numbering). */
static const double *
cost_batch_row(const struct cost_batch *batch, const double *drawn, int row)
{
	return row >= 0 ? drawn + (size_t)row * batch->lanes :
	    batch->constants + (size_t)(-1 - row) * batch->lanes;
}

/* Inlined into the loops below wherever the compiler allows it. */
#if defined(__GNUC__)
#define COST_BATCH_INLINE static inline __attribute__((always_inline))
#else
#define COST_BATCH_INLINE static inline
#endif

/* One sample of one option: the figures it reads, copied out of their
 * rows, and its configuration's speed (cost_speed_of). */
struct cost_batch_point {
	double input_speed, batched_speed, single_speed;	/* s/token */
	double hours;				/* hours_per_month */
	double price;				/* rented USD/hour, or purchase */
	double overhead, spot, spot_overhead;
	double residual, life, host_price;
	double busy, idle, host_power, electricity, pue;
	double ops_hours, node_hours, rate, setup;
	int per_node;
};

/* The rest of cost_self_hosted: engineering, set-up, the total. */
COST_BATCH_INLINE double
cost_batch_finish(const struct cost_batch_point *t, int nodes,
    double compute, double hardware)
{
	double engineering = (t->ops_hours + t->node_hours *
	    (nodes > 1 ? nodes - 1 : 0)) * t->rate;
	return compute + engineering + t->setup + hardware;
}

/* cost_on_demand's total at a volume (input, output tokens). */
COST_BATCH_INLINE double
cost_batch_on_demand(const struct cost_batch *batch,
    const struct cost_batch_option *o, const struct cost_batch_point *t,
    double input, double output)
{
	double prefill = input * t->input_speed;
	double batched = prefill + output * t->batched_speed;
	double single = prefill + output * t->single_speed;
	double month = t->hours * 3600;
	double least = single < month ? single : month;
	double seconds = batched > least ? batched : least;
	double gpu_hours = seconds / 3600 * t->overhead * o->gpus;
	int nodes = cost_nodes(cost_replicas_for_load(seconds / month,
	    batch->profile->peak_to_mean) * o->gpus, t->per_node);
	return cost_batch_finish(t, nodes, gpu_hours * t->price *
	    batch->gpu_price_factor, 0);
}

/* cost_around_the_clock's total at a volume. */
COST_BATCH_INLINE double
cost_batch_around_the_clock(const struct cost_batch *batch,
    const struct cost_batch_option *o, const struct cost_batch_point *t,
    double input, double output)
{
	const struct profile *p = batch->profile;
	const double factor = batch->gpu_price_factor, share = p->batch_share;
	double batched = input * t->input_speed + output * t->batched_speed;
	double load = batched / (t->hours * 3600);
	int gpus = cost_fleet_replicas(load, p) * o->gpus;
	int nodes = cost_nodes(gpus, t->per_node);
	double compute = gpus * t->hours * t->price * factor;
	if (o->spot) {
		int split = cost_fleet_replicas(load * (1 - share), p) * o->gpus;
		double spot_hours = share * batched / 3600 * t->spot_overhead *
		    o->gpus;
		double mixed = split * t->hours * t->price * factor +
		    spot_hours * t->spot * factor;
		if (mixed < compute) {
			compute = mixed;
			nodes = cost_nodes(split, t->per_node);
		}
	}
	return cost_batch_finish(t, nodes, compute, 0);
}

/* cost_owned's total at a volume. */
COST_BATCH_INLINE double
cost_batch_owned(const struct cost_batch *batch,
    const struct cost_batch_option *o, const struct cost_batch_point *t,
    double input, double output)
{
	double batched = input * t->input_speed + output * t->batched_speed;
	double load = batched / (t->hours * 3600);
	int replicas = cost_fleet_replicas(load, batch->profile);
	int gpus = replicas * o->gpus;
	double utilisation = load / replicas;
	int nodes = cost_nodes(gpus, t->per_node);
	int owned = o->owned < gpus ? o->owned : gpus;
	int bought = gpus - owned;
	int bought_nodes = nodes - cost_nodes(owned, t->per_node);
	double upfront = bought * t->price;
	if (o->host && bought_nodes > 0)
		upfront += bought_nodes * t->host_price;
	upfront *= batch->gpu_price_factor;
	double hardware = upfront * (1 - t->residual) / t->life;
	double watts = gpus * (t->idle + (t->busy - t->idle) * utilisation);
	if (o->host)
		watts += nodes * t->host_power;
	return cost_batch_finish(t, nodes, watts / 1000 * t->hours *
	    t->electricity * t->pue, hardware);
}

/* The rows of a batch's answers and of the figures every option reads,
 * resolved once per batch. */
struct cost_batch_shared {
	const double *defaults[COST_BATCH_DEFAULT_COUNT];
	const struct cost_batch_answers *answers;
	double setup[COST_BATCH_MAX_LANES];
};

/* Sample n of an option: its figures out of their rows, its speed and
 * its price (on demand with the batch share on spot GPUs when that is
 * cheaper, around the clock the cheapest the horizon allows). */
COST_BATCH_INLINE void
cost_batch_point_at(const struct cost_batch *batch,
    const struct cost_batch_option *o, const double *const *f,
    const struct cost_batch_shared *shared, size_t n,
    struct cost_batch_point *t)
{
	const double *const *d = shared->defaults;
	double batched_decode = f[COST_BATCH_BATCHED_DECODE][n];
	double decode = f[COST_BATCH_DECODE][n] * d[COST_BATCH_CONCURRENCY][n];
	if (decode > batched_decode)
		decode = batched_decode;
	t->input_speed = 1 / f[COST_BATCH_PREFILL][n];
	t->batched_speed = 1 / batched_decode;
	t->single_speed = 1 / decode;
	t->per_node = o->per_node ?
	    cost_whole_gpus(f[COST_BATCH_GPUS_PER_NODE][n]) : 1;
	t->hours = d[COST_BATCH_HOURS][n];
	t->price = f[COST_BATCH_PRICE][n];
	t->ops_hours = shared->answers->ops_hours[n];
	t->node_hours = d[COST_BATCH_NODE_HOURS][n];
	t->rate = shared->answers->hourly_rate[n];
	t->setup = shared->setup[n];
	if (o->spot) {
		t->spot = f[COST_BATCH_SPOT][n];
		t->spot_overhead = d[COST_BATCH_SPOT_OVERHEAD][n];
	}
	switch (o->kind) {
	case OPTION_CLOUD_ON_DEMAND:
		t->overhead = d[COST_BATCH_OVERHEAD][n];
		if (o->spot) {
			double share = batch->profile->batch_share;
			double spot = t->spot * t->spot_overhead;
			if (spot < t->price)
				t->price = (1 - share) * t->price + share * spot;
		}
		break;
	case OPTION_CLOUD_24X7:
		for (int k = 0; k < 2; k++)
			if (o->reserved[k] &&
			    f[COST_BATCH_RESERVED_1Y + k][n] < t->price)
				t->price = f[COST_BATCH_RESERVED_1Y + k][n];
		break;
	default:
		t->residual = d[COST_BATCH_RESIDUAL][n];
		t->life = d[COST_BATCH_LIFE][n];
		t->busy = f[COST_BATCH_POWER][n];
		t->idle = o->idle_power ? f[COST_BATCH_IDLE_POWER][n] : t->busy;
		if (o->host) {
			t->host_price = f[COST_BATCH_HOST_PRICE][n];
			t->host_power = f[COST_BATCH_HOST_POWER][n];
		}
		t->electricity = d[COST_BATCH_ELECTRICITY][n];
		t->pue = d[COST_BATCH_PUE][n];
		break;
	}
}

/* Writes an option's totals for count samples: at the full volume, and
 * at the hybrid's share of it (INFINITY without a hybrid). */
#define COST_BATCH_LOOP(total)						\
	for (size_t n = 0; n < count; n++) {				\
		struct cost_batch_point t;				\
		double input = a->input_tokens[n];			\
		double output = a->output_tokens[n];			\
		double hard = a->complex_share[n];			\
		cost_batch_point_at(batch, o, f, shared, n, &t);	\
		full[n] = total(batch, o, &t, input, output);		\
		part[n] = hard > 0 && hard < 1 ? total(batch, o, &t,	\
		    input * (1 - hard), output * (1 - hard)) : INFINITY;\
	}

/* One option's totals for count samples (cost_batch_price). */
static void
cost_batch_option_price(const struct cost_batch *batch,
    const struct cost_batch_option *o, const double *drawn,
    const struct cost_batch_shared *shared, size_t count,
    double *restrict full, double *restrict part)
{
	const struct cost_batch_answers *a = shared->answers;
	const double *f[COST_BATCH_FIGURE_COUNT];
	for (int k = 0; k < COST_BATCH_FIGURE_COUNT; k++)
		f[k] = cost_batch_row(batch, drawn, o->rows[k]);
	switch (o->kind) {
	case OPTION_CLOUD_ON_DEMAND:
		COST_BATCH_LOOP(cost_batch_on_demand)
		break;
	case OPTION_CLOUD_24X7:
		COST_BATCH_LOOP(cost_batch_around_the_clock)
		break;
	default:
		COST_BATCH_LOOP(cost_batch_owned)
		break;
	}
}

/* Prices every option for count samples (cost_batch.h). */
void
cost_batch_price(const struct cost_batch *batch, const double *drawn,
    const struct cost_batch_answers *a, size_t count, double *totals)
{
	struct cost_batch_shared shared = { .answers = a };

	for (int i = 0; i < COST_BATCH_DEFAULT_COUNT; i++)
		shared.defaults[i] = cost_batch_row(batch, drawn,
		    batch->defaults[i]);
	/* cost_context_init's set-up, per sample. */
	for (size_t n = 0; n < count; n++)
		shared.setup[n] = shared.defaults[COST_BATCH_SETUP_HOURS][n] *
		    a->hourly_rate[n] / batch->profile->horizon_months;
	for (size_t i = 0; i < batch->option_count; i++) {
		double *full = totals + 2 * i * batch->lanes;
		cost_batch_option_price(batch, &batch->options[i], drawn,
		    &shared, count, full, full + batch->lanes);
	}
}

/* The plan's configurations, each with the kinds sample n must price;
 * returns how many.  Every option when a total is not a number. */
static size_t
cost_batch_candidates(const struct cost_batch *batch, const double *totals,
    size_t n, struct cost_plan_config *listed)
{
	double full_bound[OPTION_KIND_COUNT], part_bound[OPTION_KIND_COUNT];
	size_t count = 0;

	for (int k = 0; k < OPTION_KIND_COUNT; k++)
		full_bound[k] = part_bound[k] = INFINITY;
	for (size_t i = 0; i < batch->option_count; i++) {
		enum option_kind k = batch->options[i].kind;
		double full = totals[2 * i * batch->lanes + n];
		double part = totals[(2 * i + 1) * batch->lanes + n];
		if (isnan(full) || isnan(part)) {
			memcpy(listed, batch->plan->configs,
			    batch->plan->config_count * sizeof *listed);
			return batch->plan->config_count;
		}
		if (full < full_bound[k])
			full_bound[k] = full;
		if (part < part_bound[k])
			part_bound[k] = part;
	}
	for (int k = 0; k < OPTION_KIND_COUNT; k++) {
		full_bound[k] += fabs(full_bound[k]) * COST_BATCH_MARGIN;
		part_bound[k] += fabs(part_bound[k]) * COST_BATCH_MARGIN;
	}
	for (size_t i = 0; i < batch->option_count; i++) {
		const struct cost_batch_option *o = &batch->options[i];
		double full = totals[2 * i * batch->lanes + n];
		double part = totals[(2 * i + 1) * batch->lanes + n];
		if (!(full <= full_bound[o->kind]) &&
		    !(part <= part_bound[o->kind] &&
		    part_bound[o->kind] < INFINITY))
			continue;
		if (count == 0 || listed[count - 1].config !=
		    batch->plan->configs[o->listed].config) {
			listed[count].config =
			    batch->plan->configs[o->listed].config;
			listed[count++].kinds = 0;
		}
		listed[count - 1].kinds |= COST_KIND_BIT(o->kind);
	}
	return count;
}

/* Evaluates sample n with only its candidates priced (cost_batch.h). */
void
cost_batch_evaluate(const struct cost_batch *batch, const double *totals,
    size_t n, const double *values, const struct profile *profile,
    const struct cost_scenario *scenario, struct cost_plan_config *listed,
    struct cost_result *result)
{
	struct cost_plan sample = *batch->plan;
	sample.configs = listed;
	sample.config_count = cost_batch_candidates(batch, totals, n, listed);
	cost_evaluate_planned(batch->data, values, profile, scenario, &sample,
	    result);
}
