/* cost.h - the cost model: every option a team has, with each monthly term
 * visible (compute, engineering, setup, hardware), capacity in whole GPUs,
 * payback of owned hardware and the breakeven volume.
 *
 * All figures are read from a values array indexed by figure.index (the
 * data's own values, or a scenario's), so evaluating a what-if costs no
 * allocation and no lookup by name.
 *
 * Formulas (I, O = input, output tokens per month; H = hours per month):
 *   api, hosted_open   compute = (I x input price + O x output price) / 1e6
 *                      with the discounts below
 *                      engineering = API ops hours x rate
 *                      setup = API setup hours x rate / horizon
 *   self-hosted        S = H x 3600 seconds; per replica: P prefill, d decode
 *                      of one stream (x on_demand_concurrency), B batched
 *                      decode (all streams together):
 *                      batched seconds  Tb = I / P + O / B
 *                      one-stream seconds T1 = I / P + O / d
 *                      load = Tb / S (replicas busy on average)
 *                      nodes = ceil(GPUs / gpus_per_node)
 *                      engineering = (ops hours + ops_hours_per_node x
 *                      (nodes - 1)) x rate (ops hours: the answer or the
 *                      expertise default)
 *                      setup = setup hours (by expertise) x rate / horizon
 *   cloud_on_demand    concurrency follows the load: replica seconds =
 *                      max(Tb, min(T1, S)), i.e. one stream at a time while
 *                      that fits in the month (the article's 20-30 GPU hours
 *                      for 12M tokens), one replica batching up to B, then
 *                      batched replicas; hours = that / 3600 x overhead;
 *                      gpu_hours = hours x GPUs per replica; replicas =
 *                      ceil(peak load) (autoscaling follows the load);
 *                      compute = gpu_hours x price, where the batch share b
 *                      may run on spot: price = (1 - b) x cloud + b x spot
 *                      x spot_overhead when that is cheaper
 *   cloud_24x7         replicas = max(1, ceil(load x peak_to_mean)), + 1
 *                      when availability is redundant; compute = GPUs x H x
 *                      the cheapest hourly price the horizon allows
 *                      (on demand; 1-year reserved from 12 months, 3-year
 *                      from 36); or, when cheaper, the fleet sized for the
 *                      load (1 - b) plus b x Tb / 3600 x spot_overhead x
 *                      GPUs per replica spot hours
 *   owned              the same fleet (peak, N+1) bought; GPUs the team
 *                      owns (hardware answer) are not bought, nor the hosts
 *                      they sit in; upfront = bought GPUs x purchase +
 *                      bought nodes x host_price; hardware = upfront x (1 -
 *                      residual_share) / service_life_months; compute =
 *                      power: (GPUs x (idle + (busy - idle) x utilisation)
 *                      + nodes x host_power) / 1000 x H x USD/kWh x PUE,
 *                      utilisation = load / replicas
 *                      payback = upfront / ((alt compute + engineering) -
 *                      (own compute + engineering)), alt = the cheaper (in
 *                      total) of the cheapest on-demand and the cheapest
 *                      24/7 rental for the same load; NAN when it never
 *                      pays, 0 and already_owned when nothing is bought
 *   deployment on_prem no cloud_on_demand or cloud_24x7 option at all
 *   comparable         an API or hosted option competes for its outcome
 *                      only when its model is not retired and, for a
 *                      closed API under tasks.quality best, is of the
 *                      frontier tier; otherwise its tier
 *                      is at least the self-hosted reference model's
 *                      (cost_comparable); retired models are priced and
 *                      listed but never chosen
 *   hybrid             the hard share on the cheapest frontier API that is
 *                      not retired, the rest on the cheapest option of one open kind (hosted
 *                      open-weight API, on demand, 24/7 or owned), priced
 *                      again at that share of the volume: one hybrid per
 *                      open kind; both parts' engineering and set-up lines
 *                      count.
 * A GPU configuration whose memory (x headroom) cannot hold the weights
 * plus the KV cache of one context per on-demand stream is not offered;
 * fit is a fact, decided on the data's own values, never on a sample's.
 *
 * Discounts (api, hosted_open and the API part of hybrid; self-hosted
 * options are unaffected), with c = volume.cached_input_share and
 * b = volume.batch_share, prices in USD per million tokens:
 *   input  = I x (c x cache_read + (1 - c) x (b x batch_input
 *            + (1 - b) x input)) / 1e6
 *   output = O x (b x batch_output + (1 - b) x output) / 1e6
 * A model without a cache_read_price, batch_input_price or
 * batch_output_price pays its normal price for that share.  The two
 * discounts do not stack: a cached input token costs the cache-read price
 * whether or not it was batched (conservative: some vendors stack them).
 * The API price factor multiplies every price.  Example: 10M input, half
 * of it cached, on Claude 3.5 Sonnet: 5M x $3 + 5M x $0.30 = $16.50. */
#ifndef LLMADVISOR_COST_H
#define LLMADVISOR_COST_H

#include <stdbool.h>

#include "data.h"
#include "profile.h"

/* Every rated API and hosted model, three options per throughput entry
 * of the self-hosted model, and the hybrid (data_load keeps within). */
#define COST_MAX_OPTIONS \
	(DATA_MAX_OPTION_MODELS + 3 * DATA_MAX_OPTION_CONFIGS + 1)

/* Which discounts an API option's price used (cost_option.discounts). */
#define COST_DISCOUNT_CACHE	(1u << 0)	/* cache-read price */
#define COST_DISCOUNT_BATCH	(1u << 1)	/* batch prices */

enum option_kind {
	OPTION_API,
	OPTION_HOSTED_OPEN,
	OPTION_CLOUD_ON_DEMAND,
	OPTION_CLOUD_24X7,
	OPTION_OWNED,
	OPTION_HYBRID,
	OPTION_KIND_COUNT
};

/* The hourly price a 24/7 rental pays. */
enum cost_commitment {
	COST_COMMITMENT_NONE,		/* on demand */
	COST_COMMITMENT_1Y,		/* 1-year reserved */
	COST_COMMITMENT_3Y,		/* 3-year reserved */
};

struct cost_monthly {
	double compute;
	double engineering;
	double setup;
	double hardware;
	double total;
};

/* A self-hosted configuration's replica: seconds per input token
 * (prefill), per output token with all streams batched and with one
 * request's streams, and GPUs per host server. */
struct cost_speed {
	double input, output_batched, output_single;
	int per_node;
};

struct cost_option {
	enum option_kind kind;
	const struct model *model;	/* hybrid: its API part's model */
	const struct gpu_config *config;/* self-hosted (hybrid: its part) */
	const struct gpu *gpu;		/* config's GPU; NULL for APIs */
	int replicas;
	int gpus;			/* replicas x GPUs per replica */
	double gpu_hours;		/* cloud_on_demand */
	double utilisation;		/* cloud_24x7 and owned: mean load */
	double payback_months;		/* owned; NAN when it never pays,
					 * 0 when already_owned */
	int payback_vs;			/* owned: index in options of the
					 * rental it pays back against, -1 */
	bool already_owned;		/* the team owns all of it */
	int owned_gpus;			/* GPUs of it the team owns */
	int nodes;			/* host servers (self-hosted) */
	int fleet_nodes;		/* the most nodes the option's sizing
					 * weighed: cloud_24x7's full fleet even
					 * when spot hours took the batch share
					 * (cost_plan bounds with it); else nodes */
	enum cost_commitment commitment;	/* cloud_24x7: price used */
	double spot_share;		/* traffic served on spot GPUs */
	double upfront;			/* owned: USD of GPUs and hosts bought */
	bool comparable;		/* competes for its outcome:
					 * cost_comparable (cost.c) */
	enum option_kind hybrid_self_kind;	/* hybrid: its open part's kind */
	const struct model *hybrid_open_model;	/* hybrid on a hosted
					 * open-weight API: that model */
	unsigned discounts;		/* COST_DISCOUNT_* used (APIs, hybrid) */
	struct cost_speed speed;	/* self-hosted: its configuration's */
	struct cost_monthly monthly;
};

/* The bit of an option kind in a set of kinds. */
#define COST_KIND_BIT(kind)	(1u << (kind))

/* The options a run can need, chosen once per run by cost_plan_build
 * (cost_plan.c): an option that is dearer than another of its kind in
 * every scenario the run can draw can never be the cheapest of its kind,
 * nor the open part of a hybrid, so the Monte Carlo does not price it
 * and does not draw the figures only it reads. */
struct cost_plan_config {
	size_t config;			/* index in data.configs */
	unsigned kinds;			/* COST_KIND_BIT of the kinds kept */
};
struct cost_plan {
	size_t *models;			/* indices in data.models (APIs) */
	size_t model_count;
	struct cost_plan_config *configs;
	size_t config_count;
	/* Per figure: false when only options left out read it. */
	bool *figure_needed;
	/* The GPU the team owns (index in data.gpus, or -1) and how many,
	 * looked up by name once. */
	int owned_gpu, owned_count;
	size_t options_total, options_kept;
};

/* Where a run's scenarios can lie: the support of every figure's draw
 * (low == high == the value for a figure not drawn), and the answers the
 * Monte Carlo draws; the rest of the profile and the scenario are held. */
struct cost_box {
	const double *figure_low, *figure_high;	/* by figure index */
	double volume_low, volume_high;		/* total tokens a month,
						 * input/output ratio kept */
	double rate_low, rate_high;		/* USD/hour */
	double complex_share_low, complex_share_high;
};

/* Slider multipliers on top of the data (1 = as in the data). */
struct cost_scenario {
	double gpu_price_factor;	/* cloud and purchase prices */
	double api_price_factor;	/* closed and hosted API prices */
};

struct cost_result {
	size_t count;
	int cheapest[OPTION_KIND_COUNT];/* comparable options; -1 if none */
	/* The hybrid whose open part is of each kind, or -1. */
	int hybrid_by_open_kind[OPTION_KIND_COUNT];
	int best_api;			/* = cheapest[OPTION_API] */
	int best_self_hosted;		/* cheapest on-demand/24x7/owned */
	double input_tokens, output_tokens;
	/* Last: a run fills the first count, and the pages past them (the
	 * array holds the most any data can bring) are never touched, so
	 * a static result costs no page fault for them. */
	struct cost_option options[COST_MAX_OPTIONS];
};

/* The neutral scenario: every factor 1. */
void cost_scenario_default(struct cost_scenario *);
/* The scenario of a profile's pricing.* answers (the saved sliders). */
void cost_scenario_of(const struct profile *, struct cost_scenario *);
/* Computes every option for the profile. */
void cost_evaluate(const struct data *, const double *values,
	const struct profile *, const struct cost_scenario *,
	struct cost_result *);
/* Prices only the options of a plan (every option when plan is NULL):
 * each kind's cheapest option, the best API and self-hosted ones and the
 * hybrids are those of cost_evaluate in every scenario of the plan's box
 * (option indices differ). */
void cost_evaluate_planned(const struct data *, const double *values,
	const struct profile *, const struct cost_scenario *,
	const struct cost_plan *, struct cost_result *);
/* Chooses the options that can win in some scenario of the box, for the
 * profile and scenario; 0, or -1 when out of memory (plan is then empty:
 * evaluate with NULL).  Free with cost_plan_free. */
int cost_plan_build(const struct data *, const struct profile *,
	const struct cost_scenario *, const struct cost_box *,
	struct cost_plan *);
void cost_plan_free(struct cost_plan *);

/* Monthly volume (at the profile's input/output ratio) where the best API
 * costs what the best self-hosted option costs; NAN when they never cross
 * between 100k and 100T tokens.  Evaluates the model in a static
 * cost_result (too large for a thread's stack, and this runs once per
 * evaluation): not reentrant, call it from one thread at a time. */
double cost_breakeven(const struct data *, const double *values,
	const struct profile *, const struct cost_scenario *);
/* Months until buying pays for itself against renting; NAN if never. */
double cost_payback_months(double purchase, double rent_monthly,
	double power_monthly);
/* Monthly power cost of GPUs at a utilisation (0..1) and their nodes. */
double cost_power_monthly(const struct data *, const double *values,
	const struct gpu *, int gpus, int nodes, double utilisation);
/* "none", "1y", "3y" as in the JSON contract. */
const char *cost_commitment_name(enum cost_commitment);
/* True when the configuration holds the weights plus KV cache. */
bool cost_config_fits(const struct data *, const double *values,
	const struct gpu_config *);
/* "api", "cloud_24x7", ... as in the JSON contract. */
const char *cost_kind_name(enum option_kind);
/* True for the self-hosted kinds (on-demand, 24/7, owned). */
bool cost_kind_is_self_hosted(enum option_kind);

#endif
