/* report.h - one evaluation of a profile (costs, breakeven, metrics, rule
 * outcome, uncertainty, flip points), and its renderings for people:
 * plain text for an 80-column terminal and a markdown decision report.
 * (JSON is rendered by jsonio.c, the only cJSON user.) */
#ifndef LLMADVISOR_REPORT_H
#define LLMADVISOR_REPORT_H

#include <time.h>

#include "cost.h"
#include "data.h"
#include "profile.h"
#include "rules.h"
#include "sensitivity.h"
#include "util.h"

#define REPORT_MAX_METRICS 256

enum report_format {
	REPORT_TEXT,
	REPORT_MARKDOWN,
	REPORT_JSON,
};

/* How much work an evaluation does. */
struct report_settings {
	unsigned long samples;		/* Monte Carlo samples (0: none) */
	unsigned long seed;
	bool flip_points;		/* search the slider parameters */
	time_t now;			/* the report's date (SOURCE_DATE_EPOCH
					 * or the clock: the caller decides) */
};

/* Everything one evaluation computed; large (keep it static or on the
 * heap).  rules may be NULL: then there is no verdict. */
struct report {
	const struct data *data;
	const struct rules *rules;
	struct profile profile;
	struct cost_scenario scenario;
	struct cost_result cost;
	double breakeven;		/* tokens/month, NAN when none */
	double metrics[REPORT_MAX_METRICS];
	struct rules_outcome outcome;	/* verdict, reasons, warnings */
	struct sensitivity_uncertainty uncertainty;
	struct sensitivity_flip flips[SENSITIVITY_MAX_FLIPS];
	size_t flip_count;
	time_t now;
	char date[16];			/* YYYY-MM-DD of settings.now (UTC) */
	/* Price figures older than the data's stale_months, by index. */
	unsigned short stale[DATA_MAX_FIGURES];
	size_t stale_count;
};

/* One item of the article's decision checklist, and whether it applies. */
struct report_check {
	enum verdict outcome;		/* the list it belongs to */
	const char *text;		/* translatable */
	bool applies;
};

#define REPORT_MAX_CHECKS 16

/* The defaults: 10,000 samples, seed 1, flip points on. */
void report_settings_default(struct report_settings *);
/* Evaluates the profile under the scenario. */
void report_evaluate(struct report *, const struct data *,
	const struct rules *, const struct profile *,
	const struct cost_scenario *, const struct report_settings *);

/* Sentences shared by the renderers and the terminal front end. */
/* "12M input + 2M output tokens per month (14M in all)". */
void report_workload_sentence(const struct report *, struct buffer *);
/* Where the cheapest API and self-hosting cross, or why they do not. */
void report_breakeven_sentence(const struct report *, struct buffer *);
/* How soon the cheapest owned option pays for itself. */
void report_payback_sentence(const struct report *, struct buffer *);
/* Three sentences: the verdict, the money, what would change it. */
void report_summary(const struct report *, struct buffer *);
/* The stale-prices warning text, or nothing when no price is stale. */
void report_stale_sentence(const struct report *, struct buffer *);
/* True for a price figure (USD unit) dated more than months before now:
 * the rule behind report->stale, for listings too. */
bool report_figure_stale(const struct figure *, time_t now, double months);
/* Which API prices the cache and batch shares used, or nothing when both
 * shares are 0. */
void report_discount_sentence(const struct report *, struct buffer *);
/* Fills checks with the article's checklist; returns how many. */
size_t report_checklist(const struct report *, struct report_check *checks);
/* "Go closed (API) if" and its siblings: the checklist's headings. */
const char *report_check_heading(enum verdict);
/* A figure's plausible range, "2 to 5" (numbers with a decimal point). */
void report_figure_range(const struct figure *, char *out, size_t size);
/* True when figure index is a stale price. */
bool report_figure_is_stale(const struct report *, size_t index);
/* Appends the cost-against-volume chart as text (78 x 22 cells); ascii
 * draws lines and marks in ASCII, labels keep their UTF-8 letters. */
void report_chart_text(const struct report *, bool ascii, struct buffer *);
/* The latest as-of date among the figures read from a file. */
const char *report_data_as_of(const struct report *, const char *file);

/* "87% of 10,000 scenarios agree" (empty without a verdict). */
void report_confidence_sentence(const struct report *, struct buffer *);
/* "Switches to Use both (hybrid) if monthly volume rises above 102M
 * tokens." for flip point index. */
void report_flip_sentence(const struct report *, size_t index,
	struct buffer *);
/* A parameter's value as a person reads it: "102M tokens", "30%",
 * "$120/hour", "x0.5". */
void report_parameter_value(enum sensitivity_parameter, double value,
	char *out, size_t size);

void report_render_text(const struct report *, struct buffer *);
void report_render_markdown(const struct report *, struct buffer *);

/* A stable id for an option: "api:gpt-4o", "cloud_24x7:a100-40gb:int4:x1". */
void report_option_id(const struct cost_option *, char *out, size_t size);
/* A short human label: "GPT-4o", "1x NVIDIA A100 40GB (int4)". */
void report_option_label(const struct cost_option *, char *out, size_t size);
/* "Closed API", "Cloud GPUs, on demand", ... (translated). */
const char *report_kind_label(enum option_kind);
/* Parses text|markdown|json, or guesses from a file name's extension;
 * returns -1 when it cannot tell. */
int report_format_from_name(const char *name, enum report_format *);
int report_format_from_path(const char *path, enum report_format *);

#endif
