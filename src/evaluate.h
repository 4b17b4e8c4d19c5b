/* evaluate.h - one evaluation: a profile under a scenario against the data
 * and rules, computed once into a plain struct that holds everything the
 * views show (costs, breakeven, metrics, rule outcome, uncertainty, flip
 * points, stale prices, the date, the cost-against-volume table and chart
 * series).  The views (report_text.c, report_markdown.c, report_json.c,
 * chart.c, the terminal front end) read it and compute nothing.
 *
 * Core code: no printing, no allocation. */
#ifndef LLMADVISOR_EVALUATE_H
#define LLMADVISOR_EVALUATE_H

#include <stdbool.h>
#include <time.h>

#include "chart.h"
#include "cost.h"
#include "data.h"
#include "decide.h"
#include "profile.h"
#include "rules.h"
#include "sensitivity.h"

#define EVALUATE_MAX_METRICS 256
/* Stale price figures an evaluation lists: the data has no limit on
 * figures, a report names at most this many. */
#define EVALUATE_MAX_STALE 4096

/* Below this share of agreeing scenarios the verdict is "too close to
 * call" and names the runner-up. */
#define EVALUATE_TOO_CLOSE 0.6

/* The markdown report's cost table: volumes (1M to 10B tokens a month, at
 * the profile's input/output ratio) by option kinds. */
#define EVALUATE_TABLE_VOLUMES 9
#define EVALUATE_TABLE_KINDS 6

/* How much work an evaluation does. */
struct evaluate_settings {
	unsigned long samples;		/* Monte Carlo samples (0: none) */
	unsigned long seed;
	bool flip_points;		/* search the slider parameters */
	bool views;			/* the volume table and the chart
					 * series, which the text and markdown
					 * reports and the terminal show and
					 * JSON does not (off: table and chart
					 * empty) */
	time_t now;			/* the report's date (SOURCE_DATE_EPOCH
					 * or the clock: the caller decides) */
};

/* The cheapest monthly total of a few option kinds at a few volumes,
 * and (with rules) each outcome's monthly total plus adjustments. */
struct evaluate_volume_table {
	double volumes[EVALUATE_TABLE_VOLUMES];		/* tokens/month */
	enum option_kind kinds[EVALUATE_TABLE_KINDS];
	double costs[EVALUATE_TABLE_KINDS][EVALUATE_TABLE_VOLUMES];
							/* NAN: no option */
	bool outcomes;					/* rules decided */
	double outcome_costs[VERDICT_COUNT][EVALUATE_TABLE_VOLUMES];
};

/* Everything one evaluation computed; large (keep it static or on the
 * heap).  rules may be NULL: then there is no verdict. */
struct evaluation {
	const struct data *data;
	const struct rules *rules;
	struct profile profile;
	struct cost_scenario scenario;
	double breakeven;		/* tokens/month, NAN when none */
	double metrics[EVALUATE_MAX_METRICS];
	struct decision outcome;	/* ledgers, verdict, reasons, warnings */
	struct sensitivity_uncertainty uncertainty;
	bool too_close;			/* fewer than EVALUATE_TOO_CLOSE of the
					 * scenarios agree with the verdict */
	struct sensitivity_flip flips[SENSITIVITY_MAX_FLIPS];
	size_t flip_count;
	time_t now;
	char date[16];			/* YYYY-MM-DD of settings.now (UTC) */
	/* Price figures older than the data's stale_months, by index (the
	 * first EVALUATE_MAX_STALE of them). */
	unsigned stale[EVALUATE_MAX_STALE];
	size_t stale_count;
	struct evaluate_volume_table table;
	/* The reports' chart: CHART_REPORT_WIDTH columns. */
	struct chart_series chart;
	/* The open-weights model self-hosted options run is
	 * profile.self_hosted_index (-1: none fits); auto says it was picked
	 * (not pinned) among the models of at least tier_needed. */
	bool self_hosted_auto;
	enum quality_tier self_hosted_tier_needed;
	/* Last, past the fields every run touches: its options array is
	 * sized for the largest data, and a run reaches only its start. */
	struct cost_result cost;
};

/* The defaults: 10,000 samples, seed 1, flip points and views on. */
void evaluate_settings_default(struct evaluate_settings *);
/* Evaluates the profile under the scenario: everything in the struct. */
void evaluate_run(struct evaluation *, const struct data *,
	const struct rules *, const struct profile *,
	const struct cost_scenario *, const struct evaluate_settings *);

/* Draws samples scenarios (with seed) for an evaluation evaluate_run made
 * with settings.samples 0, setting its uncertainty and too_close: the
 * terminal shows a slider's new costs first and the confidence after. */
void evaluate_uncertainty(struct evaluation *, unsigned long samples,
	unsigned long seed);
/* The quality tier an open-weights model needs to meet the answers:
 * frontier when the hard tasks need the best quality and there are hard
 * tasks, else large (the article's 70B class, good enough where the gap
 * to closed models is small). */
enum quality_tier evaluate_tier_needed(const struct profile *);
/* The open-weights model (index in data.models) the self-hosted options
 * run for these answers: the one self_hosted_model (or defaults.yaml)
 * pins, or for auto the cheapest by best self-hosted monthly total at the
 * answered volume, on the data's own values, among the models of at least
 * evaluate_tier_needed (or of the best tier there is when no model
 * reaches it) that fit some GPU configuration (cost_config_fits).  -1
 * when no model fits.  evaluate_run calls it once per run, not per
 * sample; not reentrant (it shares evaluate_run's scratch). */
int evaluate_self_hosted_model(const struct data *, const struct profile *,
	const struct cost_scenario *);
/* Computes the chart series of an evaluation for a chart width cells wide
 * (the terminal's chart panel; evaluate_run already did it for the
 * reports' width): with rules, each outcome's monthly total plus its
 * adjustments at each column's volume (a decision per column, without
 * texts), and the cheapest total of each option kind.  A width outside CHART_MIN_WIDTH..CHART_MAX_WIDTH gives
 * an empty series, which chart_render refuses. */
void evaluate_chart(const struct evaluation *, int width,
	struct chart_series *);

#endif
