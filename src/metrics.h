/* metrics.h - the names rule conditions and reason templates can use:
 * answers, volumes, costs, breakeven, capacity and quality, each a slot of
 * a plain array filled once per evaluation. */
#ifndef LLMADVISOR_METRICS_H
#define LLMADVISOR_METRICS_H

#include <stdbool.h>

#include "cost.h"
#include "data.h"
#include "expr.h"
#include "profile.h"

/* Computes every metric for one evaluation into metrics[metrics_count]. */
void metrics_compute(const struct data *, const double *values,
	const struct profile *, const struct cost_result *, double breakeven,
	double *metrics);
/* The names, types and slots of every metric, for the expression and
 * template compilers: a const table (METRICS_LIST in metrics.c), no
 * set-up, safe from any thread. */
const struct expr_symbols *metrics_symbols(void);
/* Number of slots metrics_compute fills. */
extern const size_t metrics_count;
/* The slot of "verdict": only warnings may read it, after the verdict. */
extern const int metrics_verdict_slot;

/* True for slots that change with the figures (costs, thresholds,
 * quality), false for answers: Monte Carlo re-evaluates only the rules
 * that read the former. */
bool metrics_slot_varies(int slot);

/* The quality view: expected success rate over the task mix, and cost per
 * million tokens that succeed, for outcome 0 closed, 1 open, 2 hybrid. */
double metrics_success(const double *metrics, int outcome);
double metrics_cost_per_success_of(const double *metrics, int outcome);

#endif
