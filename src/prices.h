/* prices.h - price imports and data listings.
 *
 * --import-prices reads a price list in one of two public JSON formats
 * (jsonio_parse_prices turns it into the plain structs below), maps its
 * entries to the data's models through their ids and aliases, and writes
 * the prices it could map to a prices.yaml that data_load lays over
 * models.yaml.  --list-models and --list-gpus show every figure with its
 * provenance.  Nothing here prints or touches the network. */
#ifndef LLMADVISOR_PRICES_H
#define LLMADVISOR_PRICES_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "data.h"
#include "util.h"

enum prices_format {
	PRICES_LITELLM,			/* model_prices_and_context_window.json */
	PRICES_GENAI,			/* pydantic/genai-prices data.json */
};

/* Why an entry of an imported file is not considered for mapping. */
enum prices_skip {
	PRICES_USED,			/* a candidate */
	PRICES_PSEUDO,			/* sample_spec or not an object */
	PRICES_NOT_CHAT,		/* LiteLLM mode other than chat */
	PRICES_NO_PRICE,		/* neither an input nor an output price */
};

/* A price in USD per million tokens: the base price and the top of its
 * tiers (long prompts cost more), both 0 when unset. */
struct prices_value {
	bool set;
	double value, high;
};

/* A genai-prices match clause: the names it matches. */
enum prices_clause_kind {
	PRICES_EQUALS,
	PRICES_STARTS_WITH,
	PRICES_ENDS_WITH,
	PRICES_CONTAINS,
	PRICES_REGEX,			/* not evaluated: never matches */
	PRICES_OR,
	PRICES_AND,
};

struct prices_clause {
	enum prices_clause_kind kind;
	const char *text;		/* the leaf kinds */
	struct prices_clause *items;	/* or, and */
	size_t count;
};

/* One entry of an imported file, read and type-checked. */
struct prices_entry {
	const char *name;		/* LiteLLM key or genai model id */
	const char *provider;		/* litellm_provider or genai provider
					 * id, or NULL */
	const char *mode;		/* LiteLLM only, or NULL */
	const struct prices_clause *match;	/* genai only, or NULL */
	struct prices_value input, output, cache_read, cache_write,
	    batch_input, batch_output;
	double max_input_tokens, max_output_tokens;	/* NAN if absent */
	int function_calling;		/* 1, 0, or -1 when not said */
	const char *deprecation_date;	/* YYYY-MM-DD, or NULL */
	bool deprecated;		/* genai-prices' "deprecated": true */
	const char *reference;		/* LiteLLM's "source" URL, or NULL */
	const char *prices_checked;	/* genai: YYYY-MM-DD, or NULL */
	const char *next_change;	/* genai: the next dated price after
					 * the import date, or NULL */
	enum prices_skip skip;
	int line, column;		/* where the entry starts */
};

/* A whole imported file. */
struct prices_file {
	struct arena arena;
	enum prices_format format;
	const char *path;		/* as given */
	const char *base;		/* its base name: the figures' source */
	struct prices_entry *entries;
	size_t count;
};

/* What happened to one price of one model, before against after. */
enum prices_change_kind {
	PRICES_CHANGED,
	PRICES_NEW,
	PRICES_UNCHANGED,
	PRICES_DROPPED,			/* had a price, now has none */
};

struct prices_change {
	size_t model;			/* index in data.models */
	enum data_price price;
	enum prices_change_kind kind;
	double before, after;
};

/* An import: the file, how its entries map, and what changed. */
struct prices_import {
	const struct prices_file *file;
	char today[16];			/* the import date, YYYY-MM-DD */
	/* The entry chosen for each model (by index), or -1. */
	long chosen[DATA_MAX_MODELS];
	int priority[DATA_MAX_MODELS];
	/* Per entry: the model it maps to (or -1), and whether another
	 * entry won that model. */
	long *entry_model;
	bool *superseded;
	size_t mapped, superseded_count, unmapped, pseudo, not_chat, no_price;
	struct prices_change changes[DATA_MAX_MODELS * DATA_PRICE_COUNT];
	size_t change_count;
	/* Imported prices that a prices.yaml earlier in the lookup order
	 * overrides: the file that wins, by model and price. */
	const char *shadowed_by[DATA_MAX_MODELS][DATA_PRICE_COUNT];
};

/* Reads an imported file, detecting its format from the content; today
 * (YYYY-MM-DD) picks genai-prices' dated prices.  Errors carry
 * FILE:LINE:COLUMN. */
int prices_read_file(struct prices_file *, const char *path,
	const char *today, char **cause);
void prices_file_free(struct prices_file *);
/* "LiteLLM" or "genai-prices". */
const char *prices_format_name(enum prices_format);

/* Maps the file's entries to the data's models (ids and aliases first,
 * then genai-prices match clauses of the model's own provider); today is
 * the import date, YYYY-MM-DD. */
int prices_map(struct prices_import *, const struct data *,
	const struct prices_file *, const char *today, char **cause);
void prices_import_free(struct prices_import *);
/* The new prices.yaml: the existing one's entries (existing may be NULL)
 * with every mapped model replaced, each figure's source the imported
 * file's base name and as_of its prices_checked or today. */
int prices_render_yaml(const struct prices_import *, const struct data *,
	const char *existing_name, const char *existing_text,
	struct buffer *out, char **cause);
/* Compares the models' prices before and after (the same models.yaml)
 * and notes imported prices that another prices.yaml overrides. */
void prices_compare(struct prices_import *, const struct data *before,
	const struct data *after, const char *written);
/* What changed, what is new, what could not be mapped (names too when
 * verbose), for a person; written is NULL when nothing was written. */
void prices_summary(const struct prices_import *, const struct data *,
	const char *written, bool verbose, struct buffer *out);

/* Listings. */
/* Where a figure came from: "default" (built into the program or the
 * installed data folder), "import" (a prices.yaml) or "override" (any
 * other data folder). */
const char *prices_origin(const struct figure *, const char *system_dir);
/* A model's figures in a fixed order; returns how many. */
size_t prices_model_figures(const struct model *,
	const struct figure **figures, const char **names, size_t size);
/* A GPU's own figures (memory, prices, power); returns how many. */
size_t prices_gpu_figures(const struct gpu *, const struct figure **figures,
	const char **names, size_t size);
/* Aligned tables of every model's or GPU's figures. */
void prices_list_models(const struct data *, time_t now,
	const char *system_dir, struct buffer *out);
void prices_list_gpus(const struct data *, time_t now,
	const char *system_dir, struct buffer *out);

#endif
