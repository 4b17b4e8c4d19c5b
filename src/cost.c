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

/* Weights plus one context of KV cache per on-demand stream must fit. */
bool
cost_config_fits(const struct data *data, const double *values,
    const struct gpu_config *config)
{
	const struct model *m = config->model;
	const struct defaults *d = &data->defaults;
	double needed = V(m->weights_size[config->quantisation]) +
	    V(m->kv_bytes_per_token) * V(d->context_tokens) *
	    V(d->on_demand_concurrency) / 1e9;
	double available = config->gpus * V(config->gpu->memory) *
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

static double
cost_total(struct cost_monthly *m)
{
	m->total = m->compute + m->engineering + m->setup + m->hardware;
	return m->total;
}

/* An API (closed or hosted open) at the given volume. */
static void
cost_api(const double *values, const struct model *model, double input,
    double output, double price_factor, double engineering, double setup,
    struct cost_monthly *m)
{
	m->compute = (input * V(model->input_price) +
	    output * V(model->output_price)) / 1e6 * price_factor;
	m->engineering = engineering;
	m->setup = setup;
	m->hardware = 0;
	cost_total(m);
}

/* Replicas needed for the peak load, and the mean utilisation. */
static int
cost_replicas(const struct data *data, const double *values,
    const struct gpu_config *config, double input, double output,
    double peak_to_mean, double *utilisation)
{
	double seconds = V(data->defaults.hours_per_month) * 3600;
	double load = (input / V(config->prefill) +
	    output / V(config->batched_decode)) / seconds;
	double peak = load * peak_to_mean;
	int replicas = peak <= 1 ? 1 : (int)ceil(peak - 1e-9);
	if (peak > 1e6)
		replicas = 1000000;	/* absurd volumes: keep it finite */
	*utilisation = load / replicas;
	return replicas;
}

/* One self-hosted option of the given kind for one GPU configuration. */
static void
cost_self_hosted(const struct data *data, const double *values,
    const struct profile *profile, const struct cost_scenario *scenario,
    const struct gpu_config *config, enum option_kind kind, double input,
    double output, double engineering, double setup,
    struct cost_option *option)
{
	const struct defaults *d = &data->defaults;
	const struct gpu *gpu = config->gpu;
	struct cost_monthly *m = &option->monthly;

	memset(option, 0, sizeof *option);
	option->kind = kind;
	option->model = config->model;
	option->config = config;
	option->comparable = true;
	option->payback_months = NAN;
	m->engineering = engineering;
	m->setup = setup;
	if (kind == OPTION_CLOUD_ON_DEMAND) {
		double streams = V(d->on_demand_concurrency);
		double decode = V(config->decode) * streams;
		if (decode > V(config->batched_decode))
			decode = V(config->batched_decode);
		double hours = (input / V(config->prefill) + output / decode) /
		    3600 * V(d->on_demand_overhead);
		option->replicas = 1;
		option->gpus = config->gpus;
		option->gpu_hours = hours * config->gpus;
		m->compute = option->gpu_hours * V(gpu->cloud_price) *
		    scenario->gpu_price_factor;
	} else {
		option->replicas = cost_replicas(data, values, config, input,
		    output, profile->peak_to_mean, &option->utilisation);
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
		double purchase = bought * V(o->config->gpu->purchase_price) *
		    scenario->gpu_price_factor;
		o->payback_vs = rental->config;
		o->payback_months = purchase <= 0 ? 0 :
		    cost_payback_months(purchase, rental->monthly.compute,
		    o->monthly.compute);
	}
}

/* The hard share on the cheapest frontier API, the rest self-hosted. */
static void
cost_hybrid(const struct data *data, const double *values,
    const struct profile *profile, const struct cost_scenario *scenario,
    double api_engineering, double api_setup, double engineering,
    double setup, struct cost_result *result)
{
	double share = profile->complex_share;
	double input = result->input_tokens, output = result->output_tokens;
	const struct model *frontier = NULL;
	struct cost_monthly api_part, best_api_part;
	struct cost_option self_part, best_self_part;
	bool have_self = false;

	if (share <= 0 || share >= 1)
		return;
	for (size_t i = 0; i < data->model_count; i++) {
		const struct model *m = &data->models[i];
		if (m->kind != MODEL_API || m->tier != TIER_FRONTIER)
			continue;
		cost_api(values, m, input * share, output * share,
		    scenario->api_price_factor, 0, 0, &api_part);
		if (frontier == NULL || api_part.total < best_api_part.total) {
			frontier = m;
			best_api_part = api_part;
		}
	}
	if (frontier == NULL)
		return;
	for (size_t i = 0; i < result->count; i++) {
		const struct cost_option *o = &result->options[i];
		if (!cost_kind_is_self_hosted(o->kind))
			continue;
		cost_self_hosted(data, values, profile, scenario, o->config,
		    o->kind, input * (1 - share), output * (1 - share), 0, 0,
		    &self_part);
		if (!have_self || self_part.monthly.total <
		    best_self_part.monthly.total) {
			best_self_part = self_part;
			have_self = true;
		}
	}
	if (!have_self)
		return;
	struct cost_option *h = &result->options[result->count++];
	*h = best_self_part;
	h->kind = OPTION_HYBRID;
	h->hybrid_self_kind = best_self_part.kind;
	h->model = frontier;
	h->comparable = true;
	h->payback_months = NAN;
	h->monthly.compute = best_api_part.compute + best_self_part.monthly.compute;
	h->monthly.engineering = api_engineering + engineering;
	h->monthly.setup = api_setup + setup;
	h->monthly.hardware = best_self_part.monthly.hardware;
	cost_total(&h->monthly);
}

/* Enumerates and prices every option for the profile. */
void
cost_evaluate(const struct data *data, const double *values,
    const struct profile *profile, const struct cost_scenario *scenario,
    struct cost_result *result)
{
	const struct defaults *d = &data->defaults;
	const struct model *reference = d->self_hosted_model;
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
		memset(o, 0, sizeof *o);
		o->kind = m->kind == MODEL_API ? OPTION_API : OPTION_HOSTED_OPEN;
		o->model = m;
		o->payback_months = NAN;
		o->comparable = m->tier >= reference->tier;
		cost_api(values, m, input, output, scenario->api_price_factor,
		    api_engineering, api_setup, &o->monthly);
	}
	for (size_t i = 0; i < data->config_count; i++) {
		const struct gpu_config *c = &data->configs[i];
		if (c->model != reference || !cost_config_fits(data, values, c))
			continue;
		if (c->gpu->has_cloud_price) {
			cost_self_hosted(data, values, profile, scenario, c,
			    OPTION_CLOUD_ON_DEMAND, input, output, engineering,
			    setup, &result->options[result->count++]);
			cost_self_hosted(data, values, profile, scenario, c,
			    OPTION_CLOUD_24X7, input, output, engineering, setup,
			    &result->options[result->count++]);
		}
		if (c->gpu->has_purchase_price)
			cost_self_hosted(data, values, profile, scenario, c,
			    OPTION_OWNED, input, output, engineering, setup,
			    &result->options[result->count++]);
	}
	cost_pick_cheapest(result);
	cost_paybacks(values, scenario, result);
	cost_hybrid(data, values, profile, scenario, api_engineering,
	    api_setup, engineering, setup, result);
	cost_pick_cheapest(result);
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
	static struct cost_result scratch;
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
