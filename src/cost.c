/* cost.c - the cost model (formulas in cost.h). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cost.h"

#define V(figure) (values[(figure).index])

static const char *const cost_kind_names[OPTION_KIND_COUNT] = {
	"api", "hosted_open", "cloud_on_demand", "cloud_24x7", "owned",
	"hybrid",
};

/* The JSON name of an option kind. */
const char *
cost_kind_name(enum option_kind kind)
{
	return cost_kind_names[kind];
}

/* Self-hosted kinds run open weights on GPUs the team operates. */
bool
cost_kind_is_self_hosted(enum option_kind kind)
{
	return kind == OPTION_CLOUD_ON_DEMAND || kind == OPTION_CLOUD_24X7 ||
	    kind == OPTION_OWNED;
}

/* Every factor 1: the data as it is. */
void
cost_scenario_default(struct cost_scenario *scenario)
{
	scenario->gpu_price_factor = 1;
	scenario->api_price_factor = 1;
}

/* The scenario an answers file describes: its saved price sliders. */
void
cost_scenario_of(const struct profile *profile,
    struct cost_scenario *scenario)
{
	scenario->gpu_price_factor = profile->gpu_price_factor;
	scenario->api_price_factor = profile->api_price_factor;
}

/* Weights plus one context of KV cache per on-demand stream must fit. */
bool
cost_config_fits(const struct data *data, const double *values,
    const struct gpu_config *config)
{
	const struct model *m = data_config_model(data, config);
	const struct defaults *d = &data->defaults;
	double needed = V(m->weights_size[config->quantisation]) +
	    V(m->kv_bytes_per_token) * V(d->context_tokens) *
	    V(d->on_demand_concurrency) * 1e-9;
	double available = config->gpus *
	    V(data_config_gpu(data, config)->memory) *
	    V(d->memory_headroom);
	return needed <= available;
}

/* Months until a purchase is paid back by the rent it saves. */
double
cost_payback_months(double purchase, double rent_monthly,
    double power_monthly)
{
	double saving = rent_monthly - power_monthly;
	if (!(saving > 0))
		return NAN;
	return purchase / saving;
}

/* Electricity for GPUs drawing their board power all month. */
double
cost_power_monthly(const struct data *data, const double *values,
    const struct gpu *gpu, int gpus)
{
	const struct defaults *d = &data->defaults;
	return gpus * V(gpu->power) / 1000 * V(d->hours_per_month) *
	    V(d->electricity_price) * V(d->pue);
}

static int cost_replicas_for_load(double load, double peak_to_mean);

static double
cost_total(struct cost_monthly *m)
{
	m->total = m->compute + m->engineering + m->setup + m->hardware;
	return m->total;
}

/* An API (closed or hosted open) at the given volume, with the cache and
 * batch discounts of cost.h where the model has those prices; returns the
 * COST_DISCOUNT_* bits it used. */
static unsigned
cost_api(const double *values, const struct model *model,
    const struct profile *profile, double input, double output,
    double price_factor, double engineering, double setup,
    struct cost_monthly *m)
{
	double in = V(model->input_price), out = V(model->output_price);
	double cached = profile->cached_input_share;
	double batched = profile->batch_share;
	unsigned discounts = 0;

	m->engineering = engineering;
	m->setup = setup;
	m->hardware = 0;
	if (cached == 0 && batched == 0) {
		/* The usual case, kept as cheap as it was. */
		m->compute = (input * in + output * out) / 1e6 * price_factor;
		cost_total(m);
		return 0;
	}
	double cache_price = model->has_cache_read_price ?
	    V(model->cache_read_price) : in;
	double batch_in = model->has_batch_input_price ?
	    V(model->batch_input_price) : in;
	double batch_out = model->has_batch_output_price ?
	    V(model->batch_output_price) : out;

	if (cached > 0 && model->has_cache_read_price)
		discounts |= COST_DISCOUNT_CACHE;
	if (batched > 0 && (model->has_batch_input_price ||
	    model->has_batch_output_price))
		discounts |= COST_DISCOUNT_BATCH;
	double input_price = cached * cache_price + (1 - cached) *
	    (batched * batch_in + (1 - batched) * in);
	double output_price = batched * batch_out + (1 - batched) * out;
	m->compute = (input * input_price + output * output_price) / 1e6 *
	    price_factor;
	cost_total(m);
	return discounts;
}

/* One self-hosted option of the given kind for one GPU configuration. */
static void
cost_self_hosted(const struct data *data, const double *values,
    const struct profile *profile, const struct cost_scenario *scenario,
    const struct gpu_config *config, enum option_kind kind, double input,
    double output, double load, double engineering, double setup,
    struct cost_option *option)
{
	const struct defaults *d = &data->defaults;
	const struct gpu *gpu = data_config_gpu(data, config);
	struct cost_monthly *m = &option->monthly;

	option->kind = kind;
	option->model = data_config_model(data, config);
	option->config = config;
	option->gpu = gpu;
	option->replicas = 1;
	option->gpus = config->gpus;
	option->gpu_hours = 0;
	option->utilisation = 0;
	option->payback_months = NAN;
	option->payback_vs = NULL;
	option->hybrid_open_model = NULL;
	option->already_owned = false;
	option->comparable = true;
	option->hybrid_self_kind = kind;
	option->discounts = 0;
	m->engineering = engineering;
	m->setup = setup;
	m->hardware = 0;
	if (kind == OPTION_CLOUD_ON_DEMAND) {
		double streams = V(d->on_demand_concurrency);
		double decode = V(config->decode) * streams;
		if (decode > V(config->batched_decode))
			decode = V(config->batched_decode);
		double hours = (input / V(config->prefill) + output / decode) /
		    3600 * V(d->on_demand_overhead);
		option->gpu_hours = hours * config->gpus;
		m->compute = option->gpu_hours * V(gpu->cloud_price) *
		    scenario->gpu_price_factor;
	} else {
		option->replicas = cost_replicas_for_load(load,
		    profile->peak_to_mean);
		option->utilisation = load / option->replicas;
		option->gpus = option->replicas * config->gpus;
		if (kind == OPTION_CLOUD_24X7) {
			m->compute = option->gpus * V(d->hours_per_month) *
			    V(gpu->cloud_price) * scenario->gpu_price_factor;
		} else {
			int bought = option->gpus;
			option->already_owned = (int)profile->hardware - 1 ==
			    (int)gpu->class;
			if (option->already_owned)
				bought -= config->gpus;
			m->hardware = bought * V(gpu->purchase_price) *
			    scenario->gpu_price_factor / V(d->amortisation_months);
			m->compute = cost_power_monthly(data, values, gpu,
			    option->gpus);
		}
	}
	cost_total(m);
}

/* The cheapest total among options of one kind (comparable ones only). */
static void
cost_pick_cheapest(struct cost_result *result)
{
	for (int k = 0; k < OPTION_KIND_COUNT; k++)
		result->cheapest[k] = -1;
	result->best_self_hosted = -1;
	for (size_t i = 0; i < result->count; i++) {
		const struct cost_option *o = &result->options[i];
		int *best = &result->cheapest[o->kind];
		if (!o->comparable)
			continue;
		if (*best < 0 || o->monthly.total <
		    result->options[*best].monthly.total)
			*best = (int)i;
		if (cost_kind_is_self_hosted(o->kind) &&
		    (result->best_self_hosted < 0 || o->monthly.total <
		    result->options[result->best_self_hosted].monthly.total))
			result->best_self_hosted = (int)i;
	}
	result->best_api = result->cheapest[OPTION_API];
}

/* Payback of each owned option against the cheapest 24/7 rental of the
 * same load. */
static void
cost_paybacks(const double *values,
    const struct cost_scenario *scenario, struct cost_result *result)
{
	int rent = result->cheapest[OPTION_CLOUD_24X7];
	if (rent < 0)
		return;
	const struct cost_option *rental = &result->options[rent];
	for (size_t i = 0; i < result->count; i++) {
		struct cost_option *o = &result->options[i];
		if (o->kind != OPTION_OWNED)
			continue;
		int bought = o->already_owned ? o->gpus - o->config->gpus :
		    o->gpus;
		double purchase = bought * V(o->gpu->purchase_price) *
		    scenario->gpu_price_factor;
		o->payback_vs = rental->config;
		o->payback_months = purchase <= 0 ? 0 :
		    cost_payback_months(purchase, rental->monthly.compute,
		    o->monthly.compute);
	}
}

/* Replicas needed for a given mean load (replica-seconds per second). */
static int
cost_replicas_for_load(double load, double peak_to_mean)
{
	double peak = load * peak_to_mean;
	if (peak > 1e6)
		return 1000000;		/* absurd volumes: keep it finite */
	return peak <= 1 ? 1 : (int)ceil(peak - 1e-9);
}

/* What changes when a self-hosted option serves only a share of the
 * traffic: small, so comparing every option's share costs no copy of
 * the whole option. */
struct cost_share {
	int replicas, gpus;
	double gpu_hours, utilisation;
	struct cost_monthly monthly;
};

/* The same option serving share of the traffic: on demand scales its
 * hours; 24/7 and owned re-round their replicas for the smaller load
 * (owned GPUs the team has stay free). */
static void
cost_scale_self_hosted(const double *values, const struct data *data,
    const struct cost_scenario *scenario, const struct profile *profile,
    const struct cost_option *full, double share, struct cost_share *part)
{
	const struct gpu_config *c = full->config;
	part->replicas = full->replicas;
	part->gpus = full->gpus;
	part->gpu_hours = full->gpu_hours;
	part->utilisation = full->utilisation;
	part->monthly = full->monthly;
	if (full->kind == OPTION_CLOUD_ON_DEMAND) {
		part->gpu_hours = full->gpu_hours * share;
		part->monthly.compute = full->monthly.compute * share;
	} else {
		double load = full->utilisation * full->replicas * share;
		part->replicas = cost_replicas_for_load(load,
		    profile->peak_to_mean);
		part->gpus = part->replicas * c->gpus;
		part->utilisation = load / part->replicas;
		part->monthly.compute = full->monthly.compute / full->gpus *
		    part->gpus;
		if (full->kind == OPTION_OWNED) {
			int bought = part->gpus - (full->already_owned ? c->gpus : 0);
			part->monthly.hardware = bought *
			    V(full->gpu->purchase_price) *
			    scenario->gpu_price_factor /
			    V(data->defaults.amortisation_months);
		}
	}
	cost_total(&part->monthly);
}

/* The hybrids: the hard share on the cheapest frontier API, the rest on
 * the cheapest option of each open kind (a hosted open-weight API, cloud
 * GPUs on demand or around the clock, owned GPUs), scaled to its share.
 * One hybrid per open kind, so vetoes on kinds can still leave one; both
 * parts' engineering and set-up count. */
static void
cost_hybrid(const struct data *data, const double *values,
    const struct profile *profile, const struct cost_scenario *scenario,
    double api_engineering, double api_setup, struct cost_result *result)
{
	double share = profile->complex_share;
	const struct cost_option *frontier = NULL;
	struct cost_share part, best[OPTION_KIND_COUNT];
	int from[OPTION_KIND_COUNT];
	size_t count = result->count;

	for (int k = 0; k < OPTION_KIND_COUNT; k++) {
		result->hybrid_by_open_kind[k] = -1;
		from[k] = -1;
	}
	if (share <= 0 || share >= 1)
		return;
	for (size_t i = 0; i < count; i++) {
		const struct cost_option *o = &result->options[i];
		if (o->kind == OPTION_API && o->model->tier == TIER_FRONTIER &&
		    (frontier == NULL ||
		    o->monthly.compute < frontier->monthly.compute))
			frontier = o;
		/* Hosted APIs and on-demand GPUs cost in proportion to the
		 * tokens, so the cheapest at full volume is the cheapest at any
		 * share: only 24/7 and owned fleets re-round their replicas. */
		if ((o->kind == OPTION_HOSTED_OPEN ||
		    o->kind == OPTION_CLOUD_ON_DEMAND) &&
		    result->cheapest[o->kind] != (int)i)
			continue;
		if (o->kind == OPTION_HOSTED_OPEN) {
			if (!o->comparable)
				continue;
			part.replicas = part.gpus = 0;
			part.gpu_hours = part.utilisation = 0;
			part.monthly = o->monthly;
			part.monthly.compute = o->monthly.compute * (1 - share);
			cost_total(&part.monthly);
		} else if (cost_kind_is_self_hosted(o->kind)) {
			cost_scale_self_hosted(values, data, scenario, profile, o,
			    1 - share, &part);
		} else {
			continue;
		}
		if (from[o->kind] < 0 ||
		    part.monthly.total < best[o->kind].monthly.total) {
			best[o->kind] = part;
			from[o->kind] = (int)i;
		}
	}
	if (frontier == NULL)
		return;
	for (int k = 0; k < OPTION_KIND_COUNT; k++) {
		if (from[k] < 0)
			continue;
		struct cost_option *h = &result->options[result->count++];
		*h = result->options[from[k]];
		h->replicas = best[k].replicas;
		h->gpus = best[k].gpus;
		h->gpu_hours = best[k].gpu_hours;
		h->utilisation = best[k].utilisation;
		h->monthly = best[k].monthly;
		h->kind = OPTION_HYBRID;
		h->hybrid_self_kind = (enum option_kind)k;
		h->hybrid_open_model = k == OPTION_HOSTED_OPEN ?
		    result->options[from[k]].model : NULL;
		h->model = frontier->model;
		h->discounts = frontier->discounts;
		h->comparable = true;
		h->payback_months = NAN;
		h->payback_vs = NULL;
		h->monthly.compute = frontier->monthly.compute * share +
		    best[k].monthly.compute;
		h->monthly.engineering = api_engineering +
		    best[k].monthly.engineering;
		h->monthly.setup = api_setup + best[k].monthly.setup;
		cost_total(&h->monthly);
		result->hybrid_by_open_kind[k] = (int)(h - result->options);
		int cheapest = result->cheapest[OPTION_HYBRID];
		if (cheapest < 0 || h->monthly.total <
		    result->options[cheapest].monthly.total)
			result->cheapest[OPTION_HYBRID] =
			    (int)(h - result->options);
	}
}

/* Enumerates and prices every option for the profile. */
void
cost_evaluate(const struct data *data, const double *values,
    const struct profile *profile, const struct cost_scenario *scenario,
    struct cost_result *result)
{
	const struct defaults *d = &data->defaults;
	const struct model *reference = data_self_hosted_model(data);
	double rate = profile->hourly_rate, horizon = profile->horizon_months;
	double input = profile->input_tokens, output = profile->output_tokens;
	double ops = profile->ops_hours_set ? profile->ops_hours_per_month :
	    V(d->ops_hours[profile->expertise]);
	double engineering = ops * rate;
	double setup = V(d->setup_hours[profile->expertise]) * rate / horizon;
	double api_engineering = V(d->api_ops_hours) * rate;
	double api_setup = V(d->api_setup_hours) * rate / horizon;

	result->count = 0;
	result->input_tokens = input;
	result->output_tokens = output;
	for (size_t i = 0; i < data->model_count; i++) {
		const struct model *m = &data->models[i];
		if (m->kind == MODEL_OPEN_WEIGHTS)
			continue;
		struct cost_option *o = &result->options[result->count++];
		o->kind = m->kind == MODEL_API ? OPTION_API : OPTION_HOSTED_OPEN;
		o->model = m;
		o->config = NULL;
		o->gpu = NULL;
		o->replicas = 0;
		o->gpus = 0;
		o->gpu_hours = 0;
		o->utilisation = 0;
		o->payback_months = NAN;
		o->payback_vs = NULL;
		o->already_owned = false;
		o->comparable = m->tier >= reference->tier;
		o->hybrid_self_kind = o->kind;
		o->hybrid_open_model = NULL;
		o->discounts = cost_api(values, m, profile, input, output,
		    scenario->api_price_factor, api_engineering, api_setup,
		    &o->monthly);
	}
	double seconds = V(d->hours_per_month) * 3600;
	for (size_t i = 0; i < data->config_count; i++) {
		const struct gpu_config *c = &data->configs[i];
		if (data_config_model(data, c) != reference ||
		    !cost_config_fits(data, values, c))
			continue;
		/* Replica-seconds per second at batched throughput: shared by
		 * the 24/7 and owned options. */
		double load = (input / V(c->prefill) +
		    output / V(c->batched_decode)) / seconds;
		const struct gpu *gpu = data_config_gpu(data, c);
		if (gpu->has_cloud_price) {
			cost_self_hosted(data, values, profile, scenario, c,
			    OPTION_CLOUD_ON_DEMAND, input, output, load,
			    engineering, setup, &result->options[result->count++]);
			cost_self_hosted(data, values, profile, scenario, c,
			    OPTION_CLOUD_24X7, input, output, load, engineering,
			    setup, &result->options[result->count++]);
		}
		if (gpu->has_purchase_price)
			cost_self_hosted(data, values, profile, scenario, c,
			    OPTION_OWNED, input, output, load, engineering, setup,
			    &result->options[result->count++]);
	}
	cost_pick_cheapest(result);
	cost_paybacks(values, scenario, result);
	cost_hybrid(data, values, profile, scenario, api_engineering,
	    api_setup, result);
}

/* Best API minus best self-hosted at a total volume; NAN if either is
 * missing. */
static double
cost_gap_at(const struct data *data, const double *values,
    const struct profile *profile, const struct cost_scenario *scenario,
    double input_share, double volume, struct cost_result *scratch)
{
	struct profile p = *profile;
	p.input_tokens = volume * input_share;
	p.output_tokens = volume * (1 - input_share);
	cost_evaluate(data, values, &p, scenario, scratch);
	if (scratch->best_api < 0 || scratch->best_self_hosted < 0)
		return NAN;
	return scratch->options[scratch->best_api].monthly.total -
	    scratch->options[scratch->best_self_hosted].monthly.total;
}

/* Lowest volume where self-hosting becomes cheaper than the best API. */
double
cost_breakeven(const struct data *data, const double *values,
    const struct profile *profile, const struct cost_scenario *scenario)
{
	static struct cost_result scratch;	/* not reentrant: cost.h */
	double total = profile->input_tokens + profile->output_tokens;
	double input_share = total > 0 ? profile->input_tokens / total : 5.0 / 6;
	const int steps = 120;
	double low = 1e5, previous_volume = low;
	double previous = cost_gap_at(data, values, profile, scenario,
	    input_share, low, &scratch);

	if (isnan(previous) || previous >= 0)
		return NAN;
	for (int i = 1; i <= steps; i++) {
		double volume = low * pow(10, 9.0 * i / steps);
		double gap = cost_gap_at(data, values, profile, scenario,
		    input_share, volume, &scratch);
		if (gap >= 0) {
			double a = previous_volume, b = volume;
			for (int j = 0; j < 48; j++) {
				double mid = sqrt(a * b);
				if (cost_gap_at(data, values, profile, scenario,
				    input_share, mid, &scratch) >= 0)
					b = mid;
				else
					a = mid;
			}
			return b;
		}
		previous_volume = volume;
	}
	return NAN;
}
