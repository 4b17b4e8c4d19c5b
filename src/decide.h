/* decide.h - the decision: a ledger per outcome and the verdict that
 * follows the honest numbers.
 *
 * Four outcomes: closed (the best closed API), open_hosted (open weights
 * behind a hosted API), open (self-hosted open weights) and hybrid (the
 * hard share on a closed frontier API, the rest on the cheapest allowed
 * open path, hosted or self-hosted).  Each outcome's ledger is
 *
 *   monthly     its option's cost of ownership (compute, engineering,
 *               setup, hardware), from the cost model;
 * + adjustments dollar lines that adjust rules add (building managed
 *               features yourself, lock-in insurance, fine-tuning);
 * / success     its expected success on the task mix;
 * = effective   the quality-adjusted monthly cost.
 *
 * Hard requirements are vetoes, never weights, applied by level:
 * compliance first, then lock-in, then quality.  A level whose vetoes
 * would leave no outcome together with the levels above it is set aside
 * (and the metrics say so, for the warnings); compliance is never set
 * aside: when it leaves nothing, the decision is a conflict with no
 * verdict.  The verdict is the allowed outcome with the lowest effective
 * cost; ties go to the one that asks least of the team (closed,
 * open_hosted, hybrid, open).
 *
 * Reasons: the vetoes that fired, then the ledger lines that separate the
 * verdict from the runner-up (and from any allowed outcome whose monthly
 * cost is lower than the verdict's), largest dollar amount first.
 *
 * Core code: no allocation, no printing; decide_run is cheap enough for
 * every Monte Carlo sample. */
#ifndef LLMADVISOR_DECIDE_H
#define LLMADVISOR_DECIDE_H

#include <stdbool.h>
#include <stddef.h>

#include "cost.h"
#include "data.h"
#include "i18n.h"
#include "profile.h"
#include "rules.h"
#include "util.h"

#define DECIDE_MAX_ADJUSTMENTS 16
#define DECIDE_MAX_VETOES 8
#define DECIDE_MAX_REASONS 32

/* One adjust rule's line in a ledger. */
struct decide_adjustment {
	unsigned short rule;		/* index into rules->rules */
	double amount;			/* USD/month; positive: costlier */
};

/* One outcome's ledger. */
struct decide_ledger {
	bool available;			/* it has an option the kinds allow */
	bool allowed;			/* available and no veto applies */
	unsigned short vetoed_by[DECIDE_MAX_VETOES];	/* veto rules */
	size_t vetoed_by_count;
	int option;			/* into cost_result.options, or -1 */
	struct cost_monthly monthly;	/* the option's */
	struct decide_adjustment adjustments[DECIDE_MAX_ADJUSTMENTS];
	size_t adjustment_count;
	double adjustments_total;	/* USD/month */
	double success;			/* expected share of tasks solved */
	double effective;		/* (total + adjustments) / success */
};

/* What a reason line is. */
enum decide_line {
	DECIDE_LINE_VETO,		/* a veto rule that fired */
	DECIDE_LINE_ADJUSTMENT,		/* an adjust rule's amounts differ */
	DECIDE_LINE_COMPUTE,		/* ledger lines ... */
	DECIDE_LINE_ENGINEERING,
	DECIDE_LINE_SETUP,
	DECIDE_LINE_HARDWARE,
	DECIDE_LINE_QUALITY,		/* the success difference, in USD */
};

/* One reason: why the verdict beat another outcome, in dollars. */
struct decide_reason {
	enum decide_line line;
	int rule;			/* veto and adjustment lines, else -1 */
	enum verdict favours;		/* the verdict, or for a veto the
					 * outcomes it leaves (VERDICT_NONE) */
	enum verdict against;		/* the outcome compared with */
	double weight;			/* USD/month; INFINITY for a veto */
};

/* Everything one decision found. */
struct decision {
	struct decide_ledger ledgers[VERDICT_COUNT];
	enum verdict verdict;		/* VERDICT_NONE on a conflict */
	enum verdict runner_up;		/* the next allowed, or VERDICT_NONE */
	double margin;			/* effective USD/month between them */
	bool conflict;			/* compliance vetoes leave nothing */
	unsigned set_aside;		/* 1 << level: vetoes set aside */
	unsigned vetoed_kinds;		/* 1 << option kind, applied levels */
	unsigned short vetoes[RULES_MAX];	/* veto rules that fired */
	size_t veto_count;
	struct decide_reason reasons[DECIDE_MAX_REASONS];
	size_t reason_count;
	unsigned short warnings[RULES_MAX];	/* warn rules that fired */
	size_t warning_count;
	/* Adjust rules whose amount was not a finite number of dollars
	 * within RULES_MAX_AMOUNT: left out, and warned about after the
	 * warn rules. */
	unsigned short dropped[DECIDE_MAX_ADJUSTMENTS];
	size_t dropped_count;
	/* Compliance and quality vetoes a rules.d file switched off (into
	 * rules->disabled): warned about last. */
	unsigned short disabled_vetoes[DECIDE_MAX_VETOES];
	size_t disabled_count;
};

/* The rules whose outcome cannot change between Monte Carlo samples
 * (they read only answers that are not drawn), evaluated once. */
struct decide_fixed {
	signed char fires[RULES_MAX];	/* -1: evaluate each time */
	double amount[RULES_MAX];	/* adjust rules that fire */
};

/* The option an outcome would use under the vetoed kinds (COST_KIND_BIT
 * of option kinds): the cheapest API, hosted open-weight API, self-hosted
 * option or hybrid not vetoed; -1 when there is none. */
int decide_pick_option(const struct cost_result *, enum verdict outcome,
	unsigned vetoed_kinds);
/* The outcomes (1 << verdict) decide_pick_option finds an option for. */
unsigned decide_available(const struct cost_result *, unsigned vetoed_kinds);
/* Evaluates the fixed rules once, for decide_run's samples. */
void decide_fix(const struct rules *, const double *metrics,
	struct decide_fixed *);

/* Decides for one evaluation: reads the cost result and the metrics
 * (metrics_compute's), writes the outcome costs, successes and verdict
 * into the metrics, then, with with_text, collects reasons and warnings
 * (the Monte Carlo passes false: it needs only the verdict). */
void decide_run(const struct rules *, const struct data *,
	const double *values, const struct profile *,
	const struct cost_result *, double *metrics, bool with_text,
	struct decision *);
/* As decide_run without text, reusing the fixed rules' results (the
 * Monte Carlo's inner loop). */
enum verdict decide_sample(const struct rules *, const struct decide_fixed *,
	const struct cost_result *, double *metrics, struct decision *);

/* The text of reason index, in the language asked for: a rule's own
 * text for vetoes and adjustments, a ledger sentence otherwise. */
void decide_reason_text(const struct rules *, const struct decision *,
	size_t index, const double *metrics, enum i18n_language,
	struct buffer *out);
/* The text of adjustment index of an outcome's ledger, in the language
 * asked for: the adjust rule's text with {amount} set to that line's
 * amount. */
void decide_adjustment_text(const struct rules *, const struct decision *,
	enum verdict outcome, size_t index, const double *metrics,
	enum i18n_language, struct buffer *out);
/* Warnings are the warn rules that fired (warning_count), then one per
 * dropped adjustment (dropped_count), then one per disabled compliance
 * or quality veto (disabled_count): index runs over all of them, and
 * decide_warning_count says how many.  The text and the id
 * ("amount-dropped", "veto-disabled" for the latter two). */
size_t decide_warning_count(const struct decision *);
void decide_warning_text(const struct rules *, const struct decision *,
	size_t index, const double *metrics, enum i18n_language,
	struct buffer *out);
const char *decide_warning_id(const struct rules *,
	const struct decision *, size_t index);
/* The id of the rule a warning is about. */
const char *decide_warning_rule(const struct rules *,
	const struct decision *, size_t index);
/* The rule id of a reason ("ledger.compute" for ledger lines). */
const char *decide_reason_id(const struct rules *, const struct decision *,
	size_t index);
/* The option a ledger uses, or NULL. */
const struct cost_option *decide_option(const struct decision *,
	const struct cost_result *, enum verdict);

#endif
