/* sensitivity.h - what would change the answer: the slider parameters
 * (one definition for the TUI's sliders and the report's flip points),
 * flip points along each, and Monte Carlo over every figure's range and
 * the answers a team rarely knows exactly (volume, operations hours, the
 * hourly rate, the hard-task share). */
#ifndef LLMADVISOR_SENSITIVITY_H
#define LLMADVISOR_SENSITIVITY_H

#include <stdbool.h>

#include "cost.h"
#include "data.h"
#include "profile.h"
#include "rules.h"

enum sensitivity_parameter {
	SENSITIVITY_VOLUME,		/* total tokens/month, ratio kept */
	SENSITIVITY_COMPLEX_SHARE,
	SENSITIVITY_HOURLY_RATE,
	SENSITIVITY_OPS_HOURS,
	SENSITIVITY_GPU_PRICE,		/* multiplier on GPU prices */
	SENSITIVITY_API_PRICE,		/* multiplier on API prices */
	SENSITIVITY_HORIZON,
	SENSITIVITY_PARAMETER_COUNT
};

/* A slider: its JSON name, label, range and scale. */
struct sensitivity_range {
	const char *name;		/* "volume", "complex_share", ... */
	const char *label;		/* translatable, e.g. "Monthly volume" */
	const char *unit;		/* "tokens/month", "share", "USD/hour",
					 * "hours/month", "x", "months" */
	double low, high;
	bool logarithmic;
	double step;			/* linear step, or factor when log */
	const char *phrase;		/* in a sentence: "monthly volume" */
};

extern const struct sensitivity_range
	sensitivity_ranges[SENSITIVITY_PARAMETER_COUNT];

/* Reads and writes a parameter on a profile and scenario. */
double sensitivity_get(enum sensitivity_parameter, const struct profile *,
	const struct cost_scenario *, const struct data *);
void sensitivity_set(enum sensitivity_parameter, struct profile *,
	struct cost_scenario *, double value);

#define SENSITIVITY_MAX_FLIPS (2 * SENSITIVITY_PARAMETER_COUNT)

/* The nearest value above (or below) the current one where the verdict
 * changes, and to what. */
struct sensitivity_flip {
	enum sensitivity_parameter parameter;
	double value;
	bool above;			/* above the current value, or below */
	enum verdict verdict;
};

/* Monte Carlo over the figures with a range and the uncertain answers:
 * share[v] is the share of samples in which outcome v wins. */
struct sensitivity_uncertainty {
	unsigned long samples;
	unsigned long seed;
	double share[VERDICT_COUNT];	/* sums to 1 */
	double p10[OPTION_KIND_COUNT];	/* cheapest total of each kind; NAN */
	double p50[OPTION_KIND_COUNT];	/* when the kind has no option */
	double p90[OPTION_KIND_COUNT];
};

/* Where the searches start: a profile under a scenario, with what was
 * computed for it at the data's own values. */
struct sensitivity_base {
	const struct data *data;
	const struct rules *rules;	/* NULL: no verdict, nothing to do */
	const struct profile *profile;
	const struct cost_scenario *scenario;
	double breakeven;		/* held fixed (tokens/month or NAN) */
	const double *metrics;		/* after rules_evaluate */
	enum verdict verdict;
};

/* Both functions evaluate the cost model and the rules many times in
 * static scratch (a cost result, metrics, a rules outcome, the figures
 * drawn and the percentile histograms, over 100 KiB together, too large
 * for a thread's stack and not worth an allocation per call): they are
 * not reentrant, so call them from one thread at a time. */

/* For every parameter, the nearest change of verdict above and below its
 * current value within the slider's range; returns how many were found
 * (0 without rules or a verdict). */
size_t sensitivity_flip_points(const struct sensitivity_base *,
	struct sensitivity_flip flips[SENSITIVITY_MAX_FLIPS]);
/* The options the Monte Carlo prices for a base: those that can be the
 * cheapest of their kind somewhere in the box its draws span (cost.h);
 * 0, or -1 when out of memory.  Free with cost_plan_free. */
int sensitivity_plan(const struct sensitivity_base *, struct cost_plan *);
/* log10 within 1e-9 for positive normal numbers (libm's otherwise): the
 * Monte Carlo's histogram of totals. */
double sensitivity_log10(double);
/* The uncertainty from samples drawn with the seed (no samples without
 * rules). */
void sensitivity_monte_carlo(const struct sensitivity_base *,
	unsigned long samples, unsigned long seed,
	struct sensitivity_uncertainty *);
/* The same, running alongside(argument) on the calling thread, once,
 * while the other threads draw samples (it then draws the rest with
 * them): work that does not need the samples, done on a processor that
 * would otherwise wait.  alongside must not touch what the samples use
 * (sensitivity.c's workers have their own scratch); the result is the
 * seed's either way. */
void sensitivity_monte_carlo_alongside(const struct sensitivity_base *,
	unsigned long samples, unsigned long seed,
	struct sensitivity_uncertainty *, void (*alongside)(void *),
	void *argument);

#endif
