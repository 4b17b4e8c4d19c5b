/* data.h - prices, GPU figures and defaults, loaded from the data folder
 * with their provenance.  Every figure carries unit, source, as-of date, a
 * verified flag and a plausible range; the loader refuses anything else. */
#ifndef LLMADVISOR_DATA_H
#define LLMADVISOR_DATA_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "paths.h"
#include "util.h"

/* Models, GPUs, throughput entries and figures have no fixed limit: their
 * arrays grow as the files load (a price list brings thousands of
 * models).  Until cost_result holds its options in a growable array, the
 * options one decision compares are bounded: rated API and hosted models
 * (unrated ones are never options), and throughput entries of the
 * self-hosted model; data_load refuses more, with the position. */
#define DATA_MAX_OPTION_MODELS 1024
#define DATA_MAX_OPTION_CONFIGS 256
#define DATA_MAX_ALIASES 16
#define DATA_MAX_PRICE_FILES 4	/* one prices.yaml per data folder */
#define DATA_MAX_WARNINGS 32

/* The as_of of a price an imported list did not date: accepted for
 * prices (units in USD) only, and always stale. */
#define DATA_UNDATED "undated"

/* The tier of a model nobody has rated yet (models an import adds):
 * listed, never an option. */
#define DATA_UNRATED "unrated"

/* A number with its provenance. */
struct figure {
	double value;
	double low, high;		/* plausible range */
	const char *unit;
	const char *source;		/* URL or "source article" */
	const char *as_of;		/* YYYY-MM-DD, or DATA_UNDATED */
	bool verified;
	const char *key;		/* e.g. "models.gpt-4o.input_price" */
	const char *file;		/* the file it was read from */
	int line, column;
	int index;			/* position in data.values, or -1 for
					 * a figure of an unrated model, which
					 * no option, sample or report reads */
};

enum model_kind {
	MODEL_API,			/* closed model behind an API */
	MODEL_HOSTED_OPEN,		/* open weights behind a hosted API */
	MODEL_OPEN_WEIGHTS,		/* weights you run yourself */
	MODEL_KIND_COUNT
};

/* Quality tiers, weakest first, so tiers compare with < and >. */
enum quality_tier {
	TIER_SMALL,
	TIER_LARGE,
	TIER_FRONTIER,
	TIER_COUNT
};

enum quantisation {
	QUANT_FP16,
	QUANT_INT8,
	QUANT_INT4,
	QUANT_COUNT
};

enum gpu_class {
	GPU_CLASS_WORKSTATION,
	GPU_CLASS_APPLE_SILICON,
	GPU_CLASS_DATACENTER,
	GPU_CLASS_COUNT
};

struct model {
	const char *id;			/* LiteLLM's id where one exists */
	const char *name;
	const char *provider;
	enum model_kind kind;
	enum quality_tier tier;
	/* "tier: unrated" (the models an import adds): nobody has said how
	 * good it is, so it is listed but never an option; its figures get
	 * no index (figure.index -1). */
	bool unrated;
	/* The file the model was defined in: models.yaml or a
	 * DATA_OVERLAY_FILE. */
	const char *file;
	const char *aliases[DATA_MAX_ALIASES];
	size_t alias_count;
	bool fine_tuning;		/* api: provider offers fine-tuning */
	/* api with fine_tuning: the provider's price of training (USD per
	 * million training tokens, epochs counted) and of a tuned model's
	 * input and output (USD/Mtok); all three or none. */
	struct figure fine_tuning_training_price;
	struct figure fine_tuning_input_price, fine_tuning_output_price;
	bool has_fine_tuning_prices;
	/* api and hosted_open */
	struct figure input_price, output_price;	/* USD/Mtok */
	/* Optional discounts (USD/Mtok): input read from a prompt cache, and
	 * input and output sent through a batch API. */
	struct figure cache_read_price, batch_input_price, batch_output_price;
	bool has_cache_read_price, has_batch_input_price,
	    has_batch_output_price;
	const char *deprecation_date;	/* YYYY-MM-DD from prices.yaml or
					 * the retired date, or NULL */
	/* api and hosted_open: the vendor has switched it off (models.yaml
	 * retired: {date, source}).  Listed with its prices, never chosen. */
	bool retired;
	const char *retired_date;	/* YYYY-MM-DD */
	const char *retired_source;
	int weights;			/* hosted_open: index of the open
					 * weights in data.models; else -1 */
	/* open_weights */
	struct figure parameters, active_parameters;	/* billion */
	struct figure weights_size[QUANT_COUNT];	/* GB */
	bool has_weights_size[QUANT_COUNT];
	struct figure kv_bytes_per_token;		/* bytes/token */
};

/* How fast one GPU configuration serves one model. */
struct gpu_config {
	int gpu;			/* index in data.gpus */
	int model;			/* index in data.models: open weights */
	enum quantisation quantisation;
	int gpus;			/* GPUs per replica */
	struct figure prefill;		/* tokens/s */
	struct figure decode;		/* tokens/s, one stream */
	struct figure batched_decode;	/* tokens/s, all streams together */
};

struct gpu {
	const char *id;
	const char *name;
	enum gpu_class class;
	struct figure memory;		/* GB */
	/* Optional: GB/s of memory bandwidth, the ceiling of decode speed. */
	struct figure memory_bandwidth;
	bool has_memory_bandwidth;
	struct figure cloud_price;	/* USD/hour */
	bool has_cloud_price;
	struct figure purchase_price;	/* USD */
	bool has_purchase_price;
	struct figure power;		/* W, busy: board power limit */
	/* Optional (see gpus.yaml): watts at idle with a model loaded;
	 * committed 1- and 3-year and interruptible (spot) rental prices;
	 * GPUs per host server, its price and its own power draw. */
	struct figure idle_power;			/* W */
	bool has_idle_power;
	struct figure reserved_price[2];		/* USD/hour: 1y, 3y */
	bool has_reserved_price[2];
	struct figure spot_price;			/* USD/hour */
	bool has_spot_price;
	struct figure gpus_per_node;			/* GPUs */
	bool has_gpus_per_node;
	struct figure host_price;			/* USD per node */
	struct figure host_power;			/* W per node */
	bool has_host;
	/* No longer sold new (discontinued: {date, source}): a team that
	 * owns some still runs them, nobody else is offered to buy them,
	 * and their purchase prices are no market's any more. */
	bool discontinued;
	const char *discontinued_date;		/* YYYY-MM-DD */
	const char *discontinued_source;
};

enum expertise {
	EXPERTISE_NONE,
	EXPERTISE_SOME,
	EXPERTISE_ML_INFRA,
	EXPERTISE_COUNT
};

/* defaults.yaml's self_hosted_model that lets each evaluation pick the
 * open-weights model (evaluate_self_hosted_model). */
#define DATA_SELF_HOSTED_AUTO "auto"

/* Assumptions that are not a model's or a GPU's. */
struct defaults {
	/* Index in data.models of the open-weights model self-hosted
	 * options run, or -1 for "auto" (and before defaults.yaml). */
	int self_hosted_model;
	struct figure ops_hours[EXPERTISE_COUNT];	/* hours/month */
	struct figure setup_hours[EXPERTISE_COUNT];	/* hours */
	struct figure api_ops_hours;			/* hours/month */
	struct figure api_setup_hours;			/* hours */
	struct figure ops_hours_per_node;		/* hours/month */
	struct figure hours_per_month;			/* hours */
	struct figure on_demand_concurrency;		/* streams */
	struct figure on_demand_overhead;		/* ratio */
	struct figure spot_overhead;			/* ratio */
	struct figure memory_headroom;			/* ratio */
	struct figure context_tokens;			/* tokens */
	struct figure service_life_months;		/* months */
	struct figure residual_share;			/* share */
	struct figure electricity_price;		/* USD/kWh */
	struct figure pue;				/* ratio */
	/* Success on hard and on simple tasks of a current model of each
	 * quality tier, closed and open weights (share). */
	struct figure quality_hard_closed[TIER_COUNT];
	struct figure quality_hard_open[TIER_COUNT];
	struct figure quality_simple_closed[TIER_COUNT];
	struct figure quality_simple_open[TIER_COUNT];
	struct figure gap_months;			/* months */
	struct figure gap_floor_share;			/* share */
	struct figure fine_tuning_gain[EXPERTISE_COUNT];	/* share */
	struct figure volume_low;			/* tokens/month */
	struct figure volume_high;			/* tokens/month */
	struct figure hard_share;			/* share */
	struct figure stale_months;			/* months */
	/* Dollar adjustments of the outcomes' ledgers (rules.yaml). */
	struct figure feature_build_hours;		/* hours */
	struct figure feature_upkeep_hours;		/* hours/month */
	struct figure hosted_feature_share;		/* ratio */
	struct figure lock_in_migration_hours;		/* hours */
	struct figure lock_in_moves_per_year;		/* 1/year */
	struct figure fine_tuning_hours[EXPERTISE_COUNT];	/* hours */
	/* Pricing a fine-tune of the self-hosted model: LoRA passes over the
	 * dataset, training speed on fine_tuning_gpu, and the share of the
	 * first fine-tune's work each retraining takes. */
	int fine_tuning_gpu;				/* index in data.gpus */
	struct figure fine_tuning_epochs;		/* epochs */
	struct figure fine_tuning_throughput;		/* tokens/s */
	struct figure fine_tuning_retrain_share;	/* ratio */
	/* How far the answers a team rarely knows exactly may be off: the
	 * Monte Carlo draws them within these spreads. */
	struct figure volume_spread;			/* share */
	struct figure ops_hours_spread;			/* share */
	struct figure hourly_rate_spread;		/* share */
	struct figure complex_share_spread;		/* share */
};

/* Which array of struct data a figure lives in. */
enum data_area {
	DATA_AREA_DEFAULTS,
	DATA_AREA_MODELS,
	DATA_AREA_GPUS,
	DATA_AREA_CONFIGS,
};

/* Where a registered figure lives: the element of an array and the byte
 * offset inside it, so that a copy (data_copy) with its own arrays finds
 * its own figures, and an array may move when it grows. */
struct data_figure_place {
	enum data_area area;
	size_t element;
	size_t offset;
};

/* The arrays below live in the data's arena and grow by moving to a
 * larger block (the old one is released with the arena): nothing keeps a
 * pointer into them across a load, entries refer to each other by index. */
/* One slot of the model-name index: a model's id or alias, and the
 * model's place (-1: an empty slot). */
struct data_name {
	const char *name;
	int model;		/* index in models; -1: empty slot; -2 - k:
				 * unrated_names[k] */
};

/* An unrated model of a models overlay in data loaded for evaluations
 * (data_load_compared): checked like any entry, then kept by its names
 * only, since nothing compares it; a price-list import adds thousands. */
struct data_unrated_name {
	const char *id;
	const char *file;		/* the overlay that has it */
	enum model_kind kind;
	unsigned priced_in;		/* the prices.yaml (data.price_layers
					 * counts them) that gave its prices
					 * last; 0 for none */
};

struct data {
	struct arena arena;
	struct model *models;
	size_t model_count, model_capacity;
	/* The api and hosted_open models that are compared (rated), in the
	 * models' order: what an evaluation prices, so that the thousands of
	 * unrated models a price-list import adds cost it nothing (a walk
	 * over every model touched 1.5 KB of each). */
	int option_models[DATA_MAX_OPTION_MODELS];
	size_t option_model_count;
	/* Set by data_load_compared before the overlays: their unrated
	 * models go to unrated_names instead of models. */
	bool unrated_by_name;
	struct data_unrated_name *unrated_names;
	size_t unrated_name_count, unrated_name_capacity;
	unsigned price_layers;		/* prices.yaml files applied */
	/* Every model's id and aliases, hashed (open addressing; the first
	 * model to use a name keeps it), so data_find_model takes constant
	 * time and a price list of thousands of models loads in linear
	 * time.  Kept by data_load and data_overlay_apply. */
	struct data_name *model_names;
	size_t model_name_count, model_name_slots;
	struct gpu *gpus;
	size_t gpu_count, gpu_capacity;
	struct gpu_config *configs;
	size_t config_count, config_capacity;
	struct defaults defaults;
	/* Where every figure above lives, in file order, for reports and
	 * sampling.  Read them through data_figure_at. */
	struct data_figure_place *figure_places;
	size_t figure_count, figure_capacity;
	/* The value of every figure by index: the cost model reads these, so a
	 * scenario (slider, Monte Carlo sample) is just another array. */
	double *values;
	/* A frontier closed API in the data offers fine-tuning. */
	bool closed_fine_tuning;
	/* Where each file came from, for --version-like listings. */
	const char *models_file, *gpus_file, *defaults_file;
	/* The models overlays (DATA_OVERLAY_FILE) that were loaded, nearest
	 * first. */
	const char *overlay_files[DATA_MAX_PRICE_FILES];
	size_t overlay_file_count;
	/* The prices.yaml files laid over the models, lowest priority first. */
	const char *prices_files[DATA_MAX_PRICE_FILES];
	size_t prices_file_count;
	/* Problems that do not stop a run (a prices.yaml naming a model the
	 * data does not have): the caller shows them. */
	const char *warnings[DATA_MAX_WARNINGS];
	size_t warning_count;
};

/* The i-th registered figure (i < figure_count), in file order. */
static inline const struct figure *
data_figure_at(const struct data *data, size_t i)
{
	const struct data_figure_place *place = &data->figure_places[i];
	const char *base;
	switch (place->area) {
	case DATA_AREA_MODELS:
		base = (const char *)&data->models[place->element];
		break;
	case DATA_AREA_GPUS:
		base = (const char *)&data->gpus[place->element];
		break;
	case DATA_AREA_CONFIGS:
		base = (const char *)&data->configs[place->element];
		break;
	default:
		base = (const char *)&data->defaults;
		break;
	}
	return (const struct figure *)(const void *)(base + place->offset);
}

/* The model the i-th registered figure belongs to; NULL for a GPU's or
 * a default's. */
const struct model *data_figure_model(const struct data *, size_t i);
/* The GPU the i-th registered figure belongs to; NULL for a model's, a
 * throughput entry's or a default's. */
const struct gpu *data_figure_gpu(const struct data *, size_t i);

/* A hosted_open model's open weights; NULL for any other model. */
static inline const struct model *
data_weights_of(const struct data *data, const struct model *model)
{
	return model->weights < 0 ? NULL : &data->models[model->weights];
}

/* The GPU a throughput entry runs on. */
static inline const struct gpu *
data_config_gpu(const struct data *data, const struct gpu_config *config)
{
	return &data->gpus[config->gpu];
}

/* The open-weights model a throughput entry serves. */
static inline const struct model *
data_config_model(const struct data *data, const struct gpu_config *config)
{
	return &data->models[config->model];
}

/* The open-weights model defaults.yaml pins for self-hosted options;
 * NULL when it says auto (each evaluation picks one: see
 * evaluate_self_hosted_model) or before defaults.yaml is loaded. */
static inline const struct model *
data_self_hosted_model(const struct data *data)
{
	int i = data->defaults.self_hosted_model;
	return i < 0 ? NULL : &data->models[i];
}

/* The price figures a prices.yaml may give for a model, in file order. */
enum data_price {
	DATA_PRICE_INPUT,
	DATA_PRICE_OUTPUT,
	DATA_PRICE_CACHE_READ,
	DATA_PRICE_BATCH_INPUT,
	DATA_PRICE_BATCH_OUTPUT,
	DATA_PRICE_COUNT
};

/* One model's entry in a prices.yaml, as written (not yet applied). */
struct data_price_item {
	const char *model;		/* id or alias, as written */
	const char *entry;		/* the imported file's name for it */
	const char *reference;		/* the imported file's own source */
	const char *deprecation_date;	/* YYYY-MM-DD, or NULL */
	struct figure prices[DATA_PRICE_COUNT];
	bool has[DATA_PRICE_COUNT];
	int line, column;
};


/* Loads models.yaml, gpus.yaml and defaults.yaml following paths (each
 * from the first folder that has it), then lays every prices.yaml found
 * in those folders over the models' prices, the widest scope first:
 * installed folder, then $XDG_CONFIG_HOME/llmadvisor, $LLMADVISOR_DATADIR
 * and --data-dir, so the nearest folder wins model by model. */
int data_load(struct data *, const struct paths *, char **cause);
/* data_load for evaluations (the questionnaire, the reports): an
 * overlay's unrated models are checked as always, then kept by name only
 * (data.unrated_names; data_find_model does not find them, nothing
 * compares them), and the overlay is read entry by entry, so a full
 * price-list import costs a run the memory of its few rated models.
 * Listings and imports, which show or map every model, use data_load. */
int data_load_compared(struct data *, const struct paths *, char **cause);
/* As data_load, with prices_text standing in for the prices.yaml at
 * prices_path (which need not exist yet): what an import would write is
 * checked before it is written. */
int data_load_with_prices(struct data *, const struct paths *,
	const char *prices_path, const char *prices_text, char **cause);
/* Loads the three files from given texts (tests, fuzzing). */
int data_load_texts(struct data *, const char *models_name,
	const char *models, const char *gpus_name, const char *gpus,
	const char *defaults_name, const char *defaults, char **cause);
void data_free(struct data *);

/* The three data files in the order they load: each may name entries of
 * the ones before it (gpus.yaml names models, defaults.yaml a model). */
enum data_file {
	DATA_FILE_MODELS,
	DATA_FILE_GPUS,
	DATA_FILE_DEFAULTS,
	DATA_FILE_COUNT
};
/* Empties data before data_load_file. */
void data_init(struct data *);
/* Loads one data file from its text into data, which must hold the
 * files before it and none after.  On failure the data is incomplete:
 * free it.  data_load_texts is these three steps. */
int data_load_file(struct data *, enum data_file, const char *name,
	const char *text, char **cause);
/* Makes copy equal to base, so that more can be loaded over it without
 * loading base again (fuzzing loads every input over one base).  The
 * entries refer to each other by index, so the copy gets its own arrays
 * (in its own arena) and shares base's text: data_free(copy) frees only
 * the copy's arrays and what was loaded into it, and must come before
 * data_free(base).  -1 (with *cause) when out of memory. */
int data_copy(struct data *copy, const struct data *base, char **cause);

/* The models overlay beside prices.yaml in every data folder: models an
 * import added (tier: unrated until someone rates them), loaded after
 * models.yaml, gpus.yaml and defaults.yaml, nearest folder first. */
#define DATA_OVERLAY_FILE "models-imported.yaml"
/* An overlay holds thousands of models: more values than the other data
 * files may (the 4 MiB file limit still bounds it). */
#define DATA_OVERLAY_MAX_NODES 2000000
/* Loads one models overlay: a "models:" list as in models.yaml, of api
 * and hosted_open models.  An id the data already has (models.yaml or a
 * nearer overlay) is a warning and the entry is skipped; anything
 * malformed is an error with its position. */
int data_overlay_apply(struct data *, const char *name, const char *text,
	char **cause);
/* As data_load_with_prices, with overlay_text standing in for the models
 * overlay at overlay_path too (either text may be NULL). */
int data_load_with_files(struct data *, const struct paths *,
	const char *prices_path, const char *prices_text,
	const char *overlay_path, const char *overlay_text, char **cause);

/* Lays a prices.yaml over the models' price figures (see data_load):
 * each figure it gives replaces the model's; a model the data does not
 * have is a warning, anything malformed an error with its position
 * (data_prices.c). */
int data_prices_apply(struct data *, const char *name, const char *text,
	char **cause);
/* Parses and checks a prices.yaml without applying it; the items and
 * their strings live in arena.  An empty file has no items. */
int data_prices_parse(struct arena *, const char *name, const char *text,
	struct data_price_item **items, size_t *count, char **cause);
/* "input_price", "cache_read_price", ... as written in the files. */
const char *data_price_name(enum data_price);
/* A model's figure for a price, or NULL when it has none. */
const struct figure *data_model_price(const struct model *,
	enum data_price);
/* True when text is a date YYYY-MM-DD. */
bool data_valid_date(const char *text);
/* True when a valid date lies more than a month after the real clock's
 * today (SOURCE_DATE_EPOCH does not count): an as_of there never goes
 * stale. */
bool data_date_in_future(const char *text);
/* A price figure (a USD unit) whose as-of date lies more than months
 * (of 30.44 days) before now. */
bool data_figure_stale(const struct figure *, time_t now, double months);

const struct model *data_find_model(const struct data *, const char *id);
/* An unrated model kept by name only (data_load_compared), by id or
 * alias; NULL otherwise. */
struct data_unrated_name *data_find_unrated_name(const struct data *,
	const char *id);
const struct gpu *data_find_gpu(const struct data *, const char *id);

const char *data_model_kind_name(enum model_kind);
const char *data_tier_name(enum quality_tier);
const char *data_quantisation_name(enum quantisation);
const char *data_gpu_class_name(enum gpu_class);
const char *data_expertise_name(enum expertise);

#endif
