/* import.h - price-list imports (--import-prices).
 *
 * A price list in one of two public JSON formats is read into the plain
 * structs below (import_litellm.c, import_genai.c), its entries are mapped
 * to the data's models through their ids and aliases, and the prices it
 * could map are written to a prices.yaml that data_load lays over
 * models.yaml.  Nothing here prints or touches the network. */
#ifndef LLMADVISOR_IMPORT_H
#define LLMADVISOR_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "data.h"
#include "doc.h"
#include "util.h"

enum import_format {
	IMPORT_LITELLM,			/* model_prices_and_context_window.json */
	IMPORT_GENAI,			/* pydantic/genai-prices data.json */
};

/* Why an entry of an imported file is not considered for mapping. */
enum import_skip {
	IMPORT_USED,			/* a candidate */
	IMPORT_PSEUDO,			/* sample_spec or not an object */
	IMPORT_NOT_CHAT,		/* LiteLLM mode other than chat */
	IMPORT_NO_PRICE,		/* neither an input nor an output price */
};

/* A price in USD per million tokens: the base price, the lowest rate
 * the entry also names (an off-peak rate) and the top of its tiers (long
 * prompts cost more; read, but never written as the top of the normal
 * range), all 0 when unset. */
struct import_value {
	bool set;
	double value, low, high;
};

/* A genai-prices match clause: the names it matches. */
enum import_clause_kind {
	IMPORT_EQUALS,
	IMPORT_STARTS_WITH,
	IMPORT_ENDS_WITH,
	IMPORT_CONTAINS,
	IMPORT_REGEX,			/* not evaluated: never matches */
	IMPORT_OR,
	IMPORT_AND,
};

struct import_clause {
	enum import_clause_kind kind;
	const char *text;		/* the leaf kinds */
	struct import_clause *items;	/* or, and */
	size_t count;
};

/* One entry of an imported file, read and type-checked. */
struct import_entry {
	const char *name;		/* LiteLLM key or genai model id */
	const char *provider;		/* litellm_provider or genai provider
					 * id, or NULL */
	const char *mode;		/* LiteLLM only, or NULL */
	const struct import_clause *match;	/* genai only, or NULL */
	struct import_value input, output, cache_read, cache_write,
	    batch_input, batch_output;
	double max_input_tokens, max_output_tokens;	/* NAN if absent */
	int function_calling;		/* 1, 0, or -1 when not said */
	const char *deprecation_date;	/* YYYY-MM-DD, or NULL */
	bool deprecated;		/* genai-prices' "deprecated": true */
	const char *reference;		/* LiteLLM's "source" URL, or NULL */
	const char *prices_checked;	/* genai: YYYY-MM-DD, or NULL */
	const char *next_change;	/* genai: the next dated price after
					 * the import date, or NULL */
	enum import_skip skip;
	int line, column;		/* where the entry starts */
};

/* A whole imported file. */
struct import_file {
	struct arena arena;
	enum import_format format;
	const char *path;		/* as given */
	const char *base;		/* its base name: the figures' source */
	const char *date;		/* the file's own date (LiteLLM's
					 * last_updated), YYYY-MM-DD, or NULL */
	struct import_entry *entries;
	size_t count;
};

/* What happened to one price of one model, before against after. */
enum import_change_kind {
	IMPORT_CHANGED,
	IMPORT_NEW,
	IMPORT_UNCHANGED,
	IMPORT_DROPPED,			/* had a price, now has none */
};

struct import_change {
	size_t model;			/* index in data.models */
	enum data_price price;
	enum import_change_kind kind;
	double before, after;
};

/* An import: the file, how its entries map, and what changed. */
struct import {
	const struct import_file *file;
	char today[16];			/* the import date, YYYY-MM-DD */
	/* The as-of date for figures the file does not date (--as-of),
	 * or empty: they are written IMPORT_UNDATED. */
	char as_of[16];
	/* The entry chosen for each model (by index), or -1; model_count
	 * entries. */
	size_t model_count;
	long *chosen;
	int *priority;
	/* Per entry: the model it maps to (or -1), and whether another
	 * entry won that model. */
	long *entry_model;
	bool *superseded;
	size_t mapped, superseded_count, unmapped, pseudo, not_chat, no_price;
	/* Unmapped entries added as new models (import_plan_models): per
	 * entry, how many, and how many lacked an input or output price
	 * (a model needs both) or repeated an added name. */
	bool *added;
	size_t added_count, not_added;
	/* import_plan_models ran: new models are wanted. */
	bool adding;
	struct import_change *changes;	/* model_count * DATA_PRICE_COUNT */
	size_t change_count;
	/* Imported prices that a prices.yaml earlier in the lookup order
	 * overrides: the file that wins, by model and price. */
	const char *(*shadowed_by)[DATA_PRICE_COUNT];
};

/* Reads an imported file, detecting its format from the content; today
 * (YYYY-MM-DD) picks genai-prices' dated prices.  Errors carry
 * FILE:LINE:COLUMN. */
int import_read_file(struct import_file *, const char *path,
	const char *today, char **cause);
void import_file_free(struct import_file *);
/* "LiteLLM" or "genai-prices". */
const char *import_format_name(enum import_format);

/* Maps the file's entries to the data's models (ids and aliases first,
 * then genai-prices match clauses of the model's own provider); today is
 * the import date, YYYY-MM-DD. */
int import_map(struct import *, const struct data *,
	const struct import_file *, const char *today, char **cause);
void import_free(struct import *);
/* The as-of date written where neither the entry (genai-prices'
 * prices_checked) nor the file (LiteLLM's last_updated) dates a price:
 * a date YYYY-MM-DD, or NULL for IMPORT_UNDATED.  Never the import day,
 * or a price would never look stale. */
int import_set_as_of(struct import *, const char *as_of, char **cause);
#define IMPORT_UNDATED "undated"
/* Picks the unmapped entries to add as new models: every one with an
 * input and an output price whose name is no model's id or alias yet
 * (the first of a repeated name).  Without this call, none is added
 * (--no-new-models). */
int import_plan_models(struct import *, const struct data *, char **cause);
/* The new models overlay (DATA_OVERLAY_FILE): the existing text as it is
 * (edits such as a tier survive) with the planned models appended, each
 * with the entry's name as id, the entry's provider, tier: unrated and
 * its prices as import_render_yaml writes them. */
int import_render_overlay(const struct import *, const char *existing_text,
	struct buffer *out, char **cause);
/* The new prices.yaml: the existing one's entries (existing may be NULL)
 * with every mapped model replaced, each figure's source the imported
 * file's base name and as_of the entry's prices_checked, the file's date,
 * the date import_set_as_of gave, or IMPORT_UNDATED; each range
 * holds the price's low rate and value and the range the data had. */
int import_render_yaml(const struct import *, const struct data *,
	const char *existing_name, const char *existing_text,
	struct buffer *out, char **cause);
/* Compares the models' prices before and after (the same models.yaml)
 * and notes imported prices that another prices.yaml overrides. */
void import_compare(struct import *, const struct data *before,
	const struct data *after, const char *written);
/* What changed, what is new, what could not be mapped (names too when
 * verbose), the models added and the built-in models the file no longer
 * lists (possibly retired), for a person; written is NULL when no
 * prices.yaml was written, overlay NULL when no models overlay was. */
void import_summary(const struct import *, const struct data *,
	const char *written, const char *overlay, bool verbose,
	struct buffer *out);

/* Reads a LiteLLM or genai-prices price list from text into
 * file->entries (the caller has zeroed file); today (YYYY-MM-DD) picks
 * dated prices. */
int import_parse(struct import_file *file, const char *path,
	const char *text, size_t length, const char *today, char **cause);

/* For the two importers (import_litellm.c, import_genai.c); the field
 * readers are in import_field.c. */
/* True when an object's members look like LiteLLM entries. */
bool import_litellm_recognise(const struct doc_node *root);
/* LiteLLM: every "key": {...} entry of the root object. */
int import_litellm_read(struct import_file *, const struct doc *,
	char **cause);
/* genai-prices: the list of providers with their models. */
int import_genai_read(struct import_file *, const struct doc *,
	const char *today, char **cause);
/* The value of a node for a message: "\"text\"" or its type. */
void import_field_describe(char *out, size_t size, const struct doc_node *);
/* Rounds to ten significant digits: 3e-06 x 1e6 is 3, not 2.9999999. */
double import_field_significant(double value);
/* A non-negative number, or null (*set false). */
int import_field_number(const struct doc *, const struct doc_node *,
	const char *field, const char *entry, double *value, bool *set,
	char **cause);
/* A string, or null (*value NULL). */
int import_field_string(const struct doc *, const struct doc_node *,
	const char *field, const char *entry, const char **value,
	char **cause);
/* A date YYYY-MM-DD (a longer timestamp keeps its first ten characters),
 * or null. */
int import_field_date(struct arena *, const struct doc *,
	const struct doc_node *, const char *field, const char *entry,
	const char **value, char **cause);
/* As import_field_date, for a date the prices hold from: one in the
 * future is an error. */
int import_field_as_of(struct arena *, const struct doc *,
	const struct doc_node *, const char *field, const char *entry,
	const char **value, char **cause);

#endif
