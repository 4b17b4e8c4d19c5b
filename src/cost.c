/* cost.c - the cost model (formulas in cost.h). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "cost.h"
#include "cost_private.h"

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

/* Electricity for GPUs drawing between idle and busy watts in proportion
 * to their utilisation, plus their host servers, with the PUE on top. */
double
cost_power_monthly(const struct data *data, const double *values,
    const struct gpu *gpu, int gpus, int nodes, double utilisation)
{
	const struct defaults *d = &data->defaults;
	double busy = V(gpu->power);
	double idle = gpu->has_idle_power ? V(gpu->idle_power) : busy;
	double watts = gpus * (idle + (busy - idle) * utilisation);
	if (gpu->has_host)
		watts += nodes * V(gpu->host_power);
	return watts / 1000 * V(d->hours_per_month) *
	    V(d->electricity_price) * V(d->pue);
}

static const char *const cost_commitment_names[] = { "none", "1y", "3y" };

/* The JSON name of a rental commitment. */
const char *
cost_commitment_name(enum cost_commitment commitment)
{
	return cost_commitment_names[commitment];
}

/* Starts an option: every member set, each one by name, so that the
 * compiler stores them one by one instead of clearing 200 bytes first
 * (this runs for every option of every Monte Carlo sample); a member
 * added later and not named here still starts at zero. */
static void
cost_option_start(struct cost_option *option, enum option_kind kind,
    const struct model *model, const struct gpu_config *config,
    const struct gpu *gpu, bool comparable)
{
	*option = (struct cost_option){
		.kind = kind,
		.model = model,
		.config = config,
		.gpu = gpu,
		.replicas = 0,
		.gpus = 0,
		.gpu_hours = 0,
		.utilisation = 0,
		.payback_months = NAN,
		.payback_vs = -1,
		.already_owned = false,
		.owned_gpus = 0,
		.nodes = 0,
		.fleet_nodes = 0,
		.commitment = COST_COMMITMENT_NONE,
		.spot_share = 0,
		.upfront = 0,
		.comparable = comparable,
		.hybrid_self_kind = kind,
		.hybrid_open_model = NULL,
		.discounts = 0,
		.speed = { 0, 0, 0, 0 },
		.monthly = { 0, 0, 0, 0, 0 },
	};
}

static double
cost_total(struct cost_monthly *m)
{
	m->total = m->compute + m->engineering + m->setup + m->hardware;
	return m->total;
}

/* The input and output price (USD/Mtok, before the API price factor) an
 * API model charges for the profile's traffic, with the cache and batch
 * discounts of cost.h where the model has those prices; returns the
 * COST_DISCOUNT_* bits it used.  Both rise with every price figure. */
unsigned
cost_api_prices(const double *values, const struct model *model,
    const struct profile *profile, double *input_price,
    double *output_price)
{
	double in = V(model->input_price), out = V(model->output_price);
	double cached = profile->cached_input_share;
	double batched = profile->batch_share;
	unsigned discounts = 0;

	if (cached == 0 && batched == 0) {
		/* The usual case, kept as cheap as it was. */
		*input_price = in;
		*output_price = out;
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
	*input_price = cached * cache_price + (1 - cached) *
	    (batched * batch_in + (1 - batched) * in);
	*output_price = batched * batch_out + (1 - batched) * out;
	return discounts;
}

/* An API (closed or hosted open) at the given volume; returns the
 * COST_DISCOUNT_* bits its price used. */
static unsigned
cost_api(const double *values, const struct model *model,
    const struct profile *profile, double input, double output,
    double price_factor, double engineering, double setup,
    struct cost_monthly *m)
{
	double input_price, output_price;
	unsigned discounts = cost_api_prices(values, model, profile,
	    &input_price, &output_price);

	m->engineering = engineering;
	m->setup = setup;
	m->hardware = 0;
	m->compute = (input * input_price + output * output_price) / 1e6 *
	    price_factor;
	cost_total(m);
	return discounts;
}

/* GPUs one host server of this GPU holds (1 without the figure). */
int
cost_gpus_per_node(const double *values, const struct gpu *gpu)
{
	if (!gpu->has_gpus_per_node)
		return 1;
	return cost_whole_gpus(V(gpu->gpus_per_node));
}

/* The cheapest hourly price a 24/7 rental may pay over the horizon. */
static double
cost_rental_price(const double *values, const struct gpu *gpu,
    double horizon, enum cost_commitment *commitment)
{
	static const double terms[2] = COST_RESERVED_TERMS;
	double price = V(gpu->cloud_price);
	*commitment = COST_COMMITMENT_NONE;
	for (int t = 0; t < 2; t++)
		if (gpu->has_reserved_price[t] && horizon >= terms[t] &&
		    V(gpu->reserved_price[t]) < price) {
			price = V(gpu->reserved_price[t]);
			*commitment = (enum cost_commitment)(t + 1);
		}
	return price;
}

/* Sizes a 24/7 or owned fleet for a mean load: replicas for the peak,
 * one more when redundant; sets replicas, gpus, utilisation, nodes. */
void
cost_fleet(const struct cost_context *c, const struct gpu_config *config,
    double load, int per_node, struct cost_option *option)
{
	option->replicas = cost_fleet_replicas(load, c->profile);
	option->utilisation = load / option->replicas;
	option->gpus = option->replicas * config->gpus;
	option->nodes = cost_nodes(option->gpus, per_node);
}

/* On demand: concurrency follows the load (cost.h), the batch share on
 * spot GPUs when that is cheaper. */
static void
cost_on_demand(const struct cost_context *c, const struct gpu_config *config,
    double batched, double single, int per_node, struct cost_option *option)
{
	const double *values = c->values;
	const struct defaults *d = &c->data->defaults;
	const struct gpu *gpu = option->gpu;
	double month = V(d->hours_per_month) * 3600;
	double seconds = fmax(batched, fmin(single, month));
	double price = V(gpu->cloud_price);
	double share = c->profile->batch_share;

	option->gpu_hours = seconds / 3600 * V(d->on_demand_overhead) *
	    config->gpus;
	option->replicas = cost_replicas_for_load(seconds / month,
	    c->profile->peak_to_mean);
	option->gpus = option->replicas * config->gpus;
	option->nodes = cost_nodes(option->gpus, per_node);
	if (gpu->has_spot_price && share > 0) {
		double spot = V(gpu->spot_price) * V(d->spot_overhead);
		if (spot < price) {
			price = (1 - share) * price + share * spot;
			option->spot_share = share;
		}
	}
	option->monthly.compute = option->gpu_hours * price *
	    c->scenario->gpu_price_factor;
}

/* Around the clock: the fleet at the best committed price, or a fleet
 * for the interactive share plus spot hours for the batch share. */
static void
cost_around_the_clock(const struct cost_context *c,
    const struct gpu_config *config, double batched, int per_node,
    struct cost_option *option)
{
	const double *values = c->values;
	const struct defaults *d = &c->data->defaults;
	const struct gpu *gpu = option->gpu;
	double hours = V(d->hours_per_month), factor =
	    c->scenario->gpu_price_factor, share = c->profile->batch_share;
	double price = cost_rental_price(values, gpu,
	    c->profile->horizon_months, &option->commitment);
	double load = batched / (hours * 3600);

	cost_fleet(c, config, load, per_node, option);
	option->monthly.compute = option->gpus * hours * price * factor;
	if (!gpu->has_spot_price || share <= 0)
		return;
	int fleet_nodes = option->nodes;
	struct cost_option split = *option;
	cost_fleet(c, config, load * (1 - share), per_node, &split);
	double spot_hours = share * batched / 3600 * V(d->spot_overhead) *
	    config->gpus;
	split.monthly.compute = split.gpus * hours * price * factor +
	    spot_hours * V(gpu->spot_price) * factor;
	if (split.monthly.compute < option->monthly.compute) {
		split.spot_share = share;
		split.gpu_hours = spot_hours;
		*option = split;
		option->fleet_nodes = fleet_nodes;
	}
}

/* Owned: the fleet bought, less the GPUs (and their hosts) the team has;
 * written off over the service life less resale; power follows load. */
static void
cost_owned(const struct cost_context *c, const struct gpu_config *config,
    double batched, int per_node, struct cost_option *option)
{
	const double *values = c->values;
	const struct defaults *d = &c->data->defaults;
	const struct gpu *gpu = option->gpu;
	double load = batched / (V(d->hours_per_month) * 3600);

	cost_fleet(c, config, load, per_node, option);
	if (c->owned_gpu == config->gpu)
		option->owned_gpus = c->owned_count < option->gpus ?
		    c->owned_count : option->gpus;
	int bought = option->gpus - option->owned_gpus;
	int bought_nodes = option->nodes -
	    cost_nodes(option->owned_gpus, per_node);
	double upfront = bought * V(gpu->purchase_price);
	if (gpu->has_host && bought_nodes > 0)
		upfront += bought_nodes * V(gpu->host_price);
	upfront *= c->scenario->gpu_price_factor;
	option->upfront = upfront;
	option->already_owned = upfront <= 0;
	option->monthly.hardware = upfront * (1 - V(d->residual_share)) /
	    V(d->service_life_months);
	option->monthly.compute = cost_power_monthly(c->data, values, gpu,
	    option->gpus, option->nodes, option->utilisation);
}

/* How long a configuration's replica takes per token, read once per
 * evaluation and shared by the kinds and the hybrid's share of it. */
void
cost_speed_of(const struct cost_context *c, const struct gpu_config *config,
    struct cost_speed *speed)
{
	const double *values = c->values;
	const struct defaults *d = &c->data->defaults;
	double decode = V(config->decode) * V(d->on_demand_concurrency);
	if (decode > V(config->batched_decode))
		decode = V(config->batched_decode);
	speed->input = 1 / V(config->prefill);
	speed->output_batched = 1 / V(config->batched_decode);
	speed->output_single = 1 / decode;
	speed->per_node = cost_gpus_per_node(values,
	    data_config_gpu(c->data, config));
}

/* One self-hosted option of the given kind for one GPU configuration at
 * a volume (input, output tokens a month), at the configuration's speed
 * (cost_speed_of). */
void
cost_self_hosted(const struct cost_context *c,
    const struct gpu_config *config, const struct cost_speed *speed,
    enum option_kind kind, double input, double output,
    struct cost_option *option)
{
	const double *values = c->values;
	const struct defaults *d = &c->data->defaults;
	const struct gpu *gpu = data_config_gpu(c->data, config);
	struct cost_monthly *m = &option->monthly;
	int per_node = speed->per_node;
	double prefill = input * speed->input;
	double batched = prefill + output * speed->output_batched;
	double single = prefill + output * speed->output_single;

	cost_option_start(option, kind, data_config_model(c->data, config),
	    config, gpu, true);
	option->speed = *speed;
	if (kind == OPTION_CLOUD_ON_DEMAND)
		cost_on_demand(c, config, batched, single, per_node, option);
	else if (kind == OPTION_CLOUD_24X7)
		cost_around_the_clock(c, config, batched, per_node, option);
	else
		cost_owned(c, config, batched, per_node, option);
	if (option->fleet_nodes < option->nodes)
		option->fleet_nodes = option->nodes;
	m->engineering = (c->ops_hours + V(d->ops_hours_per_node) *
	    (option->nodes > 1 ? option->nodes - 1 : 0)) * c->rate;
	m->setup = c->setup;
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

/* Payback of each owned option against the rental the team would use for
 * the same load: the cheaper of the cheapest on-demand and the cheapest
 * 24/7 option (on demand at low utilisation, 24/7 at high). */
static void
cost_paybacks(struct cost_result *result)
{
	int on_demand = result->cheapest[OPTION_CLOUD_ON_DEMAND];
	int always = result->cheapest[OPTION_CLOUD_24X7];
	int rent = on_demand < 0 ? always : always < 0 ? on_demand :
	    result->options[on_demand].monthly.total <=
	    result->options[always].monthly.total ? on_demand : always;
	for (size_t i = 0; i < result->count; i++) {
		struct cost_option *o = &result->options[i];
		if (o->kind != OPTION_OWNED)
			continue;
		if (o->already_owned) {
			o->payback_months = 0;
			continue;
		}
		if (rent < 0)
			continue;
		const struct cost_option *r = &result->options[rent];
		o->payback_vs = rent;
		o->payback_months = cost_payback_months(o->upfront,
		    r->monthly.compute + r->monthly.engineering,
		    o->monthly.compute + o->monthly.engineering);
	}
}

/* A floor under the monthly total of a configuration's self-hosted
 * option of a kind, from what is known without pricing it: engineering
 * is at least one node's hours, plus the set-up; a 24/7 or owned fleet
 * has at least one replica (two when redundant) whatever the volume, the
 * owned one buys at least that less the GPUs the team has and draws at
 * least their lower power; on demand, compute is at least on_demand (the
 * caller's bound: 0 when it knows none).  A hair under the exact floor,
 * so that rounding never skips a tie.  Priced options dearer than the
 * floor of another are skipped by the Monte Carlo (cost_add_self_hosted,
 * cost_hybrid): the floor is never above the total (test_hybrid_floor). */
double
cost_self_hosted_floor(const struct cost_context *c,
    const struct gpu_config *config, enum option_kind kind, double on_demand)
{
	const double *values = c->values;
	const struct defaults *d = &c->data->defaults;
	const struct gpu *gpu = data_config_gpu(c->data, config);
	double factor = c->scenario->gpu_price_factor;
	int least = config->gpus *
	    (c->profile->availability == AVAILABILITY_REDUNDANT ? 2 : 1);
	double floor = c->ops_hours * c->rate + c->setup;
	enum cost_commitment commitment;

	switch (kind) {
	case OPTION_CLOUD_ON_DEMAND:
		floor += on_demand;
		break;
	case OPTION_CLOUD_24X7:
		floor += least * V(d->hours_per_month) * cost_rental_price(values,
		    gpu, c->profile->horizon_months, &commitment) * factor;
		break;
	case OPTION_OWNED: {
		int owned = c->owned_gpu == config->gpu ? c->owned_count : 0;
		int bought = least > owned ? least - owned : 0;
		double busy = V(gpu->power);
		double idle = gpu->has_idle_power ? V(gpu->idle_power) : busy;
		floor += bought * V(gpu->purchase_price) * factor *
		    (1 - V(d->residual_share)) / V(d->service_life_months) +
		    least * fmin(idle, busy) / 1000 * V(d->hours_per_month) *
		    V(d->electricity_price) * V(d->pue);
		break;
	}
	default:
		return 0;
	}
	return floor * (1 - 1e-9);
}

/* The floor of a priced self-hosted option at the share f (0 < f < 1) of
 * the volume it was priced at: on demand, GPU-seconds fall no faster
 * than the volume (both the batched and the single-stream time are
 * linear in tokens, and max(f b, min(f s, month)) >= f max(b, min(s,
 * month))), so its compute there is at least f times what it is now;
 * cost_hybrid prices an option again only when this floor is below the
 * cheapest of its kind so far. */
double
cost_hybrid_floor(const struct cost_context *c, const struct cost_option *o,
    double f)
{
	return cost_self_hosted_floor(c, o->config, o->kind,
	    f * o->monthly.compute);
}

/* The hybrids: the hard share on the cheapest frontier API, the rest on
 * the cheapest option of each open kind (a hosted open-weight API, cloud
 * GPUs on demand or around the clock, owned GPUs), priced again at that
 * share of the volume (fleets re-round, concurrency follows the smaller
 * load).  One hybrid per open kind, so vetoes on kinds can still leave
 * one; both parts' engineering and set-up count. */
static void
cost_hybrid(const struct cost_context *c, double api_engineering,
    double api_setup, struct cost_result *result)
{
	double share = c->profile->complex_share;
	const struct cost_option *frontier = NULL;
	struct cost_option part, best[OPTION_KIND_COUNT];
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
		if (o->kind == OPTION_API && o->comparable &&
		    o->model->tier == TIER_FRONTIER &&
		    (frontier == NULL ||
		    o->monthly.compute < frontier->monthly.compute))
			frontier = o;
		if (o->kind == OPTION_HOSTED_OPEN) {
			/* Proportional to tokens: the cheapest at full volume
			 * is the cheapest at any share. */
			if (!o->comparable ||
			    result->cheapest[o->kind] != (int)i)
				continue;
			part = *o;
			part.monthly.compute = o->monthly.compute * (1 - share);
			cost_total(&part.monthly);
		} else if (cost_kind_is_self_hosted(o->kind)) {
			if (from[o->kind] >= 0 &&
			    cost_hybrid_floor(c, o, 1 - share) >=
			    best[o->kind].monthly.total)
				continue;
			cost_self_hosted(c, o->config, &o->speed, o->kind,
			    result->input_tokens * (1 - share),
			    result->output_tokens * (1 - share), &part);
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
		*h = best[k];
		h->kind = OPTION_HYBRID;
		h->hybrid_self_kind = (enum option_kind)k;
		h->hybrid_open_model = k == OPTION_HOSTED_OPEN ?
		    result->options[from[k]].model : NULL;
		h->model = frontier->model;
		h->discounts = frontier->discounts;
		h->comparable = true;
		h->payback_months = NAN;
		h->payback_vs = -1;
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

/* The GPU the team owns (index in data->gpus) and how many; -1 when
 * none or when the data has no such GPU.  A lookup by name: a plan holds
 * it for the Monte Carlo's evaluations. */
int
cost_owned_gpu(const struct data *data, const struct profile *profile,
    int *count)
{
	const char *id = profile_owned_gpu(profile, count);
	const struct gpu *gpu = id != NULL ? data_find_gpu(data, id) : NULL;
	if (gpu == NULL || *count < 1) {
		*count = 0;
		return -1;
	}
	return (int)(gpu - data->gpus);
}

/* What every self-hosted option of one evaluation shares, read once;
 * the owned GPU from the plan when there is one (no lookup by name in
 * the Monte Carlo's loop). */
void
cost_context_init(struct cost_context *c, const struct data *data,
    const double *values, const struct profile *profile,
    const struct cost_scenario *scenario, const struct cost_plan *plan)
{
	const struct defaults *d = &data->defaults;
	double rate = profile->hourly_rate;

	c->data = data;
	c->values = values;
	c->profile = profile;
	c->scenario = scenario;
	c->rate = rate;
	c->ops_hours = profile->ops_hours_set ? profile->ops_hours_per_month :
	    V(d->ops_hours[profile->expertise]);
	c->setup = V(d->setup_hours[profile->expertise]) * rate /
	    profile->horizon_months;
	if (plan != NULL) {
		c->owned_gpu = plan->owned_gpu;
		c->owned_count = plan->owned_count;
	} else {
		c->owned_gpu = cost_owned_gpu(data, profile, &c->owned_count);
	}
}

/* True when a model is priced as an option of its own: an API, closed or
 * hosted open (open weights are priced through GPU configurations), that
 * is rated (an unrated model, added by an import, is never compared). */
bool
cost_model_offered(const struct data *data, const struct model *model)
{
	(void)data;
	return model->kind != MODEL_OPEN_WEIGHTS && !model->unrated;
}

/* The self-hosted kinds a GPU configuration is offered as for the
 * profile (COST_KIND_BIT of each); 0 when it serves another model than
 * the reference or does not fit.  Fit is a fact: the data's own values,
 * never a sample's.  A discontinued GPU is owned only by a team that has
 * some (owned_gpu, cost_owned_gpu): nobody can buy a fleet of them. */
unsigned
cost_config_kinds(const struct data *data, const struct profile *profile,
    const struct gpu_config *config, int owned_gpu)
{
	const struct gpu *gpu = data_config_gpu(data, config);
	unsigned kinds = 0;

	if (data_config_model(data, config) !=
	    cost_reference_model(data, profile) ||
	    !cost_config_fits(data, data->values, config))
		return 0;
	if (gpu->has_cloud_price && profile->deployment != DEPLOYMENT_ON_PREM)
		kinds |= COST_KIND_BIT(OPTION_CLOUD_ON_DEMAND) |
		    COST_KIND_BIT(OPTION_CLOUD_24X7);
	if (gpu->has_purchase_price &&
	    (!gpu->discontinued || owned_gpu == config->gpu))
		kinds |= COST_KIND_BIT(OPTION_OWNED);
	return kinds;
}

/* Whether an evaluation can read a figure of GPU gpu (index in
 * data->gpus) when the options offered on it are of kinds (COST_KIND_BIT
 * of them; 0 when none): power and purchase figures only through owned
 * options, rental prices only through rented ones (and the fine-tuning
 * GPU's on-demand price through the fine-tuning metrics, for a team
 * that fine-tunes), GPUs per node through any; memory bandwidth only
 * when the data is loaded (throughput estimates); anything else always.  The Monte Carlo does
 * not draw the others; no stale price among them is reported. */
bool
cost_gpu_figure_read(const struct data *data, const struct profile *profile,
    size_t gpu, unsigned kinds, const struct figure *f)
{
	const struct gpu *g = &data->gpus[gpu];
	const unsigned rented = COST_KIND_BIT(OPTION_CLOUD_ON_DEMAND) |
	    COST_KIND_BIT(OPTION_CLOUD_24X7);
	bool owned = (kinds & COST_KIND_BIT(OPTION_OWNED)) != 0;
	bool rent = (kinds & rented) != 0;
	if (f == &g->cloud_price)
		return rent || (data->defaults.fine_tuning_gpu == (int)gpu &&
		    profile->fine_tuning != FINE_TUNING_NONE);
	if (f == &g->reserved_price[0] || f == &g->reserved_price[1] ||
	    f == &g->spot_price)
		return rent;
	if (f == &g->purchase_price || f == &g->host_price ||
	    f == &g->power || f == &g->idle_power || f == &g->host_power)
		return owned;
	if (f == &g->memory_bandwidth)
		return false;
	if (f == &g->gpus_per_node)
		return kinds != 0;
	return true;	/* memory: whether a model fits is read once, from
			 * the data's own values */
}

/* The kinds offered on each GPU for the profile (COST_KIND_BIT of them,
 * into kinds[data->gpu_count]): the union over its configurations. */
void
cost_gpu_kinds(const struct data *data, const struct profile *profile,
    unsigned *kinds)
{
	int count;
	int owned = cost_owned_gpu(data, profile, &count);
	for (size_t i = 0; i < data->gpu_count; i++)
		kinds[i] = 0;
	for (size_t i = 0; i < data->config_count; i++)
		kinds[data->configs[i].gpu] |= cost_config_kinds(data, profile,
		    &data->configs[i], owned);
}

/* The open-weights model self-hosted options run: resolved once per run
 * (evaluate_self_hosted_model), else the data's pinned default; NULL
 * when there is none (then no self-hosted options). */
const struct model *
cost_reference_model(const struct data *data, const struct profile *profile)
{
	return profile->self_hosted_index >= 0 ?
	    &data->models[profile->self_hosted_index] :
	    data_self_hosted_model(data);
}

/* Whether an API or hosted option competes for its kind's cheapest and
 * so for an outcome (the one place the rule lives, cost.h): never a
 * retired model; for the best quality a closed API only from the
 * frontier tier (whatever the hard share, so that raising it never
 * switches the closed model); else a quality tier at least the
 * self-hosted reference model's, so that like is compared with like. */
bool
cost_model_comparable(const struct model *model,
    const struct model *reference, const struct profile *profile)
{
	if (model->retired)
		return false;
	if (model->kind == MODEL_API && profile->quality == QUALITY_BEST)
		return model->tier == TIER_FRONTIER;
	return reference == NULL || model->tier >= reference->tier;
}

/* One API option (closed or hosted open weights). */
static void
cost_add_api(const struct cost_context *c, const struct model *m,
    const struct model *reference, double api_engineering, double api_setup,
    struct cost_result *result)
{
	struct cost_option *o = &result->options[result->count++];
	cost_option_start(o, m->kind == MODEL_API ? OPTION_API :
	    OPTION_HOSTED_OPEN, m, NULL, NULL,
	    cost_model_comparable(m, reference, c->profile));
	o->discounts = cost_api(c->values, m, c->profile,
	    result->input_tokens, result->output_tokens,
	    c->scenario->api_price_factor, api_engineering, api_setup,
	    &o->monthly);
}

/* The self-hosted options of one configuration, of the given kinds. */
static void
cost_add_self_hosted(const struct cost_context *c,
    const struct gpu_config *config, unsigned kinds, double *cheapest,
    struct cost_result *result)
{
	static const enum option_kind order[] = {
		OPTION_CLOUD_ON_DEMAND, OPTION_CLOUD_24X7, OPTION_OWNED
	};
	struct cost_speed speed;
	bool timed = false;
	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
		enum option_kind kind = order[k];
		if (!(kinds & COST_KIND_BIT(kind)))
			continue;
		/* The Monte Carlo's evaluations (cheapest given) price a fleet
		 * only when its floor could beat the cheapest of its kind so
		 * far: its total at any volume is above the floor, so it is
		 * neither the cheapest of its kind here nor a hybrid's part
		 * at a share of the volume (totals rise with volume). */
		if (cheapest != NULL && kind != OPTION_CLOUD_ON_DEMAND &&
		    cheapest[kind] < INFINITY &&
		    cost_self_hosted_floor(c, config, kind, 0) >=
		    cheapest[kind])
			continue;
		if (!timed) {
			cost_speed_of(c, config, &speed);
			timed = true;
		}
		struct cost_option *o = &result->options[result->count++];
		cost_self_hosted(c, config, &speed, kind, result->input_tokens,
		    result->output_tokens, o);
		if (cheapest != NULL && o->monthly.total < cheapest[kind])
			cheapest[kind] = o->monthly.total;
	}
}

/* Enumerates and prices every option for the profile. */
void
cost_evaluate(const struct data *data, const double *values,
    const struct profile *profile, const struct cost_scenario *scenario,
    struct cost_result *result)
{
	cost_evaluate_planned(data, values, profile, scenario, NULL, result);
}

/* Prices the options of a plan (every option when plan is NULL). */
void
cost_evaluate_planned(const struct data *data, const double *values,
    const struct profile *profile, const struct cost_scenario *scenario,
    const struct cost_plan *plan, struct cost_result *result)
{
	const struct defaults *d = &data->defaults;
	const struct model *reference = cost_reference_model(data, profile);
	double rate = profile->hourly_rate, horizon = profile->horizon_months;
	double api_engineering = V(d->api_ops_hours) * rate;
	double api_setup = V(d->api_setup_hours) * rate / horizon;
	struct cost_context c;

	cost_context_init(&c, data, values, profile, scenario, plan);
	result->count = 0;
	result->input_tokens = profile->input_tokens;
	result->output_tokens = profile->output_tokens;
	if (plan != NULL) {
		double cheapest[OPTION_KIND_COUNT];
		for (int k = 0; k < OPTION_KIND_COUNT; k++)
			cheapest[k] = INFINITY;
		for (size_t i = 0; i < plan->model_count; i++)
			cost_add_api(&c, &data->models[plan->models[i]],
			    reference, api_engineering, api_setup, result);
		for (size_t i = 0; i < plan->config_count; i++)
			cost_add_self_hosted(&c,
			    &data->configs[plan->configs[i].config],
			    plan->configs[i].kinds, cheapest, result);
	} else {
		for (size_t i = 0; i < data->option_model_count; i++)
			cost_add_api(&c, &data->models[data->option_models[i]],
			    reference, api_engineering, api_setup, result);
		for (size_t i = 0; i < data->config_count; i++)
			cost_add_self_hosted(&c, &data->configs[i],
			    cost_config_kinds(data, profile,
			    &data->configs[i], c.owned_gpu), NULL, result);
	}
	cost_pick_cheapest(result);
	cost_paybacks(result);
	cost_hybrid(&c, api_engineering, api_setup, result);
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
