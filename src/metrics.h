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
#include "rules.h"

/* Computes every metric for one evaluation into metrics[metrics_count]. */
void metrics_compute(const struct data *, const double *values,
	const struct profile *, const struct cost_scenario *,
	const struct cost_result *, double breakeven, double *metrics);
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
double metrics_success(const double *metrics, enum verdict outcome);
/* Success on hard tasks today: the closed frontier's and that of open
 * weights of the self-hosted model's tier (quality.hard_closed and
 * quality.hard_open). */
void metrics_hard_success(const double *metrics, double *closed,
	double *open);
double metrics_cost_per_success_of(const double *metrics,
	enum verdict outcome);
/* What decide_run writes back: the outcomes' totals once vetoes have
 * chosen their options, and the veto levels set aside. */
void metrics_set_outcome_total(double *metrics, enum verdict outcome,
	double total);
void metrics_set_aside(double *metrics, bool lock_in, bool quality);
/* The verdict, for warn rules; an adjust rule's amount, for its text. */
void metrics_set_verdict(double *metrics, enum verdict);
void metrics_set_amount(double *metrics, double amount);
/* How many outcomes the vetoes allow, for warnings. */
void metrics_set_allowed(double *metrics, int allowed);

#endif
