/* decide.c - outcome ledgers, vetoes by level and the verdict (see
 * decide.h for the rules of the game). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "decide.h"
#include "i18n.h"
#include "metrics.h"

/* Room for a copy of the metrics (metrics_count of them). */
#define DECIDE_MAX_METRICS 256

/* The order ties are broken in: the outcome that asks least of the team
 * first. */
static const enum verdict decide_preference[VERDICT_COUNT] = {
	VERDICT_CLOSED, VERDICT_OPEN_HOSTED, VERDICT_HYBRID, VERDICT_OPEN
};

/* The cheapest option an outcome can use when the kinds in vetoed_kinds
 * are ruled out; -1 when there is none. */
int
decide_pick_option(const struct cost_result *cost, enum verdict outcome,
    unsigned vetoed_kinds)
{
	static const enum option_kind self_hosted[] = {
		OPTION_CLOUD_ON_DEMAND, OPTION_CLOUD_24X7, OPTION_OWNED
	};
	int best = -1;

	switch (outcome) {
	case VERDICT_CLOSED:
		return vetoed_kinds & (1u << OPTION_API) ? -1 :
		    cost->cheapest[OPTION_API];
	case VERDICT_OPEN_HOSTED:
		return vetoed_kinds & (1u << OPTION_HOSTED_OPEN) ? -1 :
		    cost->cheapest[OPTION_HOSTED_OPEN];
	case VERDICT_OPEN:
		for (size_t i = 0; i < 3; i++) {
			int o = cost->cheapest[self_hosted[i]];
			if (o < 0 || vetoed_kinds & (1u << self_hosted[i]))
				continue;
			if (best < 0 || cost->options[o].monthly.total <
			    cost->options[best].monthly.total)
				best = o;
		}
		return best;
	case VERDICT_HYBRID:
		if (vetoed_kinds & ((1u << OPTION_API) | (1u << OPTION_HYBRID)))
			return -1;
		for (int k = 0; k < OPTION_KIND_COUNT; k++) {
			int o = cost->hybrid_by_open_kind[k];
			if (o < 0 || vetoed_kinds & (1u << k))
				continue;
			if (best < 0 || cost->options[o].monthly.total <
			    cost->options[best].monthly.total)
				best = o;
		}
		return best;
	default:
		return -1;
	}
}

/* The outcomes that have an option under the vetoed kinds: those for
 * which decide_pick_option finds one, from bit masks (the vetoes ask
 * this a dozen times in every Monte Carlo sample). */
unsigned
decide_available(const struct cost_result *cost, unsigned vetoed_kinds)
{
	const unsigned self_hosted = (1u << OPTION_CLOUD_ON_DEMAND) |
	    (1u << OPTION_CLOUD_24X7) | (1u << OPTION_OWNED);
	unsigned present = 0, hybrids = 0, allowed = ~vetoed_kinds;
	unsigned available = 0;
	for (int k = 0; k < OPTION_KIND_COUNT; k++) {
		present |= (unsigned)(cost->cheapest[k] >= 0) << k;
		hybrids |= (unsigned)(cost->hybrid_by_open_kind[k] >= 0) << k;
	}
	present &= allowed;
	if (present & (1u << OPTION_API))
		available |= 1u << VERDICT_CLOSED;
	if (present & (1u << OPTION_HOSTED_OPEN))
		available |= 1u << VERDICT_OPEN_HOSTED;
	if (present & self_hosted)
		available |= 1u << VERDICT_OPEN;
	if ((allowed & (1u << OPTION_API)) && (allowed & (1u << OPTION_HYBRID))
	    && (hybrids & allowed))
		available |= 1u << VERDICT_HYBRID;
	return available;
}

/* Applies the veto rules level by level (compliance, lock-in, quality):
 * a level that would leave no outcome together with the ones above it
 * is set aside, except compliance, which then makes a conflict. */
/* Whether rule i fires: from the fixed results when there are some. */
static bool
decide_fires(const struct rules *rules, const struct decide_fixed *fixed,
    size_t i, const double *metrics)
{
	if (fixed != NULL && fixed->fires[i] >= 0)
		return fixed->fires[i] != 0;
	return rules_fires(&rules->rules[i], metrics);
}

static void
decide_vetoes(const struct rules *rules, const struct decide_fixed *fixed,
    const struct cost_result *cost, const double *metrics,
    struct decision *d, unsigned *vetoed)
{
	unsigned level_outcomes[RULES_LEVEL_COUNT] = { 0 };
	unsigned level_kinds[RULES_LEVEL_COUNT] = { 0 };
	unsigned kinds = 0, outcomes = 0;

	d->veto_count = 0;
	for (size_t i = 0; i < rules->count; i++) {
		const struct rule *rule = &rules->rules[i];
		if (rule->effect != RULES_VETO ||
		    !decide_fires(rules, fixed, i, metrics))
			continue;
		level_outcomes[rule->level] |= rule->veto_verdicts;
		level_kinds[rule->level] |= rule->veto_kinds;
		d->vetoes[d->veto_count++] = (unsigned short)i;
	}
	for (int level = 0; level < RULES_LEVEL_COUNT; level++) {
		if ((level_kinds[level] | level_outcomes[level]) == 0 &&
		    !(level == RULES_LEVEL_COMPLIANCE &&
		    decide_available(cost, 0) == 0))
			continue;	/* nothing vetoed here: nothing to weigh */
		unsigned try_kinds = kinds | level_kinds[level];
		unsigned try_outcomes = outcomes | level_outcomes[level];
		unsigned left = decide_available(cost, try_kinds) & ~try_outcomes;
		if (left == 0 && level != RULES_LEVEL_COMPLIANCE &&
		    (level_kinds[level] | level_outcomes[level]) != 0) {
			d->set_aside |= 1u << level;
			continue;
		}
		kinds = try_kinds;
		outcomes = try_outcomes;
		if (left == 0)
			d->conflict = true;
	}
	d->vetoed_kinds = kinds;
	*vetoed = outcomes;
}

/* Which fired vetoes rule an outcome out: directly, or by ruling out
 * every kind of option it could use. */
static void
decide_vetoed_by(const struct rules *rules, const struct cost_result *cost,
    struct decision *d)
{
	unsigned open_to_all = decide_available(cost, 0);
	for (size_t i = 0; i < d->veto_count; i++) {
		const struct rule *rule = &rules->rules[d->vetoes[i]];
		if (d->set_aside & (1u << rule->level))
			continue;
		unsigned left = decide_available(cost, rule->veto_kinds);
		for (int v = 0; v < VERDICT_COUNT; v++) {
			struct decide_ledger *l = &d->ledgers[v];
			bool hit = rule->veto_verdicts & (1u << v) ||
			    (open_to_all & (1u << v) && !(left & (1u << v)));
			if (hit && l->vetoed_by_count < DECIDE_MAX_VETOES)
				l->vetoed_by[l->vetoed_by_count++] = d->vetoes[i];
		}
	}
}

/* Adds every adjust rule that fires to its outcome's ledger; an amount
 * that is not a finite number of dollars is dropped and remembered for
 * a warning. */
static void
decide_adjustments(const struct rules *rules,
    const struct decide_fixed *fixed, double *metrics, struct decision *d)
{
	for (size_t i = 0; i < rules->count; i++) {
		const struct rule *rule = &rules->rules[i];
		if (rule->effect != RULES_ADJUST ||
		    !decide_fires(rules, fixed, i, metrics))
			continue;
		/* The amount may read an outcome's total, which is NAN for
		 * an outcome without an option: such a line is no warning. */
		double amount = fixed != NULL && fixed->fires[i] >= 0 ?
		    fixed->amount[i] : rules_amount(rule, metrics);
		bool adds = false;
		for (int v = 0; v < VERDICT_COUNT; v++) {
			struct decide_ledger *l = &d->ledgers[v];
			if (!(rule->adjusts & (1u << v)) || !l->available)
				continue;
			adds = true;
			if (isnan(amount) || amount == 0 ||
			    l->adjustment_count == DECIDE_MAX_ADJUSTMENTS)
				continue;
			l->adjustments[l->adjustment_count].rule =
			    (unsigned short)i;
			l->adjustments[l->adjustment_count].amount = amount;
			l->adjustment_count++;
			l->adjustments_total += amount;
		}
		if (adds && isnan(amount) &&
		    d->dropped_count < DECIDE_MAX_ADJUSTMENTS)
			d->dropped[d->dropped_count++] = (unsigned short)i;
	}
}

/* The allowed outcome with the lowest effective cost other than skip
 * (VERDICT_NONE to skip none); ties go by decide_preference. */
static enum verdict
decide_cheapest(const struct decision *d, enum verdict skip)
{
	enum verdict best = VERDICT_NONE;
	for (int i = 0; i < VERDICT_COUNT; i++) {
		enum verdict v = decide_preference[i];
		if (v == skip || !d->ledgers[v].allowed)
			continue;
		if (best == VERDICT_NONE ||
		    d->ledgers[v].effective < d->ledgers[best].effective)
			best = v;
	}
	return best;
}

/* Adds a reason unless the same line (and rule) is already there. */
static void
decide_add_reason(struct decision *d, enum decide_line line, int rule,
    enum verdict against, double weight)
{
	for (size_t i = 0; i < d->reason_count; i++)
		if (d->reasons[i].line == line && d->reasons[i].rule == rule &&
		    d->reasons[i].against == against)
			return;
	if (d->reason_count == DECIDE_MAX_REASONS)
		return;
	struct decide_reason *r = &d->reasons[d->reason_count++];
	r->line = line;
	r->rule = rule;
	r->favours = line == DECIDE_LINE_VETO ? VERDICT_NONE : d->verdict;
	r->against = against;
	r->weight = weight;
}

/* The amount of rule in a ledger (0 when it has no such line). */
static double
decide_adjustment_of(const struct decide_ledger *l, int rule)
{
	for (size_t i = 0; i < l->adjustment_count; i++)
		if (l->adjustments[i].rule == rule)
			return l->adjustments[i].amount;
	return 0;
}

/* The dollars the success rate adds to a ledger: effective minus what
 * it costs before dividing by success. */
static double
decide_quality_dollars(const struct decide_ledger *l)
{
	return l->effective - (l->monthly.total + l->adjustments_total);
}

/* The lines of the verdict's ledger that beat another outcome's, in
 * dollars a month; money_lines false keeps only the adjustments and the
 * quality line (what outweighs a cheaper outcome). */
static void
decide_compare(struct decision *d, enum verdict other, bool money_lines)
{
	const struct decide_ledger *w = &d->ledgers[d->verdict];
	const struct decide_ledger *o = &d->ledgers[other];
	const double minimum = 0.5;	/* USD/month: below it, no reason */

	if (money_lines) {
		const double differences[4] = {
			o->monthly.compute - w->monthly.compute,
			o->monthly.engineering - w->monthly.engineering,
			o->monthly.setup - w->monthly.setup,
			o->monthly.hardware - w->monthly.hardware,
		};
		for (int i = 0; i < 4; i++)
			if (differences[i] >= minimum)
				decide_add_reason(d, DECIDE_LINE_COMPUTE + i, -1,
				    other, differences[i]);
	}
	for (int pass = 0; pass < 2; pass++) {
		const struct decide_ledger *l = pass == 0 ? o : w;
		for (size_t i = 0; i < l->adjustment_count; i++) {
			int rule = l->adjustments[i].rule;
			double gain = decide_adjustment_of(o, rule) -
			    decide_adjustment_of(w, rule);
			if (gain >= minimum)
				decide_add_reason(d, DECIDE_LINE_ADJUSTMENT,
				    rule, other, gain);
		}
	}
	/* The success line counts only where the verdict really succeeds
	 * more often: dividing a cheaper total by a lower success can still
	 * leave fewer dollars, which would read as a quality advantage. */
	double quality = decide_quality_dollars(o) - decide_quality_dollars(w);
	if (quality >= minimum && w->success > o->success)
		decide_add_reason(d, DECIDE_LINE_QUALITY, -1, other, quality);
}

/* Reasons: the vetoes, then the lines that separate the verdict from the
 * runner-up and from every allowed outcome that costs less per month,
 * the vetoes first and then the largest amount first. */
static void
decide_reasons(struct decision *d)
{
	d->reason_count = 0;
	for (size_t i = 0; i < d->veto_count; i++)
		decide_add_reason(d, DECIDE_LINE_VETO, d->vetoes[i],
		    VERDICT_NONE, INFINITY);
	if (d->verdict == VERDICT_NONE)
		return;
	if (d->runner_up != VERDICT_NONE)
		decide_compare(d, d->runner_up, true);
	for (int v = 0; v < VERDICT_COUNT; v++)
		if (v != (int)d->verdict && v != (int)d->runner_up &&
		    d->ledgers[v].allowed && d->ledgers[v].monthly.total <
		    d->ledgers[d->verdict].monthly.total)
			decide_compare(d, v, false);
	/* Insertion sort: vetoes (infinite) first, then by amount. */
	for (size_t i = 1; i < d->reason_count; i++) {
		struct decide_reason r = d->reasons[i];
		size_t j = i;
		while (j > 0 && d->reasons[j - 1].weight < r.weight) {
			d->reasons[j] = d->reasons[j - 1];
			j--;
		}
		d->reasons[j] = r;
	}
}

/* Drops the vetoes of levels that were set aside from the list that
 * becomes reasons (the warnings say what setting them aside costs). */
static void
decide_keep_applied_vetoes(const struct rules *rules, struct decision *d)
{
	size_t kept = 0;
	for (size_t i = 0; i < d->veto_count; i++)
		if (!(d->set_aside & (1u << rules->rules[d->vetoes[i]].level)))
			d->vetoes[kept++] = d->vetoes[i];
	d->veto_count = kept;
}

/* Evaluates the rules that read nothing drawn, once (see decide.h). */
void
decide_fix(const struct rules *rules, const double *metrics,
    struct decide_fixed *fixed)
{
	for (size_t i = 0; i < rules->count; i++) {
		const struct rule *rule = &rules->rules[i];
		fixed->fires[i] = -1;
		if (rule->varies || rule->effect == RULES_WARN)
			continue;
		fixed->fires[i] = rules_fires(rule, metrics) ? 1 : 0;
		fixed->amount[i] = rule->effect == RULES_ADJUST &&
		    fixed->fires[i] ? rules_amount(rule, metrics) : 0;
	}
}

/* Ledgers and verdict: everything but the text. */
static void
decide_core(const struct rules *rules, const struct decide_fixed *fixed,
    const struct cost_result *cost, double *metrics, struct decision *d)
{
	unsigned vetoed = 0;

	/* Only the counts and flags: the arrays behind them are written
	 * before they are read (this runs for every Monte Carlo sample). */
	for (int v = 0; v < VERDICT_COUNT; v++) {
		struct decide_ledger *l = &d->ledgers[v];
		l->vetoed_by_count = 0;
		l->adjustment_count = 0;
		l->adjustments_total = 0;
	}
	d->conflict = false;
	d->set_aside = 0;
	d->vetoed_kinds = 0;
	d->veto_count = d->reason_count = d->warning_count = 0;
	d->dropped_count = d->disabled_count = 0;
	d->verdict = d->runner_up = VERDICT_NONE;
	d->margin = NAN;
	decide_vetoes(rules, fixed, cost, metrics, d, &vetoed);
	for (int v = 0; v < VERDICT_COUNT; v++) {
		struct decide_ledger *l = &d->ledgers[v];
		l->option = decide_pick_option(cost, v, d->vetoed_kinds);
		l->available = l->option >= 0;
		l->allowed = l->available && !(vetoed & (1u << v)) &&
		    !d->conflict;
		if (l->available)
			l->monthly = cost->options[l->option].monthly;
		else
			l->monthly.compute = l->monthly.engineering =
			    l->monthly.setup = l->monthly.hardware =
			    l->monthly.total = NAN;
		metrics_set_outcome_total(metrics, v, l->monthly.total);
	}
	metrics_set_aside(metrics, d->set_aside & (1u << RULES_LEVEL_LOCK_IN),
	    d->set_aside & (1u << RULES_LEVEL_QUALITY));
	decide_adjustments(rules, fixed, metrics, d);
	for (int v = 0; v < VERDICT_COUNT; v++) {
		struct decide_ledger *l = &d->ledgers[v];
		l->success = metrics_success(metrics, v);
		l->effective = l->available ? (l->monthly.total +
		    l->adjustments_total) / l->success : NAN;
		if (!isfinite(l->effective))
			l->allowed = false;
	}
	d->verdict = decide_cheapest(d, VERDICT_NONE);
	d->runner_up = d->verdict == VERDICT_NONE ? VERDICT_NONE :
	    decide_cheapest(d, d->verdict);
	if (d->runner_up != VERDICT_NONE)
		d->margin = d->ledgers[d->runner_up].effective -
		    d->ledgers[d->verdict].effective;
	metrics_set_verdict(metrics, d->verdict);
	int allowed = 0;
	for (int v = 0; v < VERDICT_COUNT; v++)
		allowed += d->ledgers[v].allowed;
	metrics_set_allowed(metrics, allowed);
}

/* One Monte Carlo sample's verdict (see decide.h). */
enum verdict
decide_sample(const struct rules *rules, const struct decide_fixed *fixed,
    const struct cost_result *cost, double *metrics, struct decision *d)
{
	decide_core(rules, fixed, cost, metrics, d);
	return d->verdict;
}

/* Decides for one evaluation (see decide.h). */
void
decide_run(const struct rules *rules, const struct data *data,
    const double *values, const struct profile *profile,
    const struct cost_result *cost, double *metrics, bool with_text,
    struct decision *d)
{
	(void)data;
	(void)values;
	(void)profile;
	decide_core(rules, NULL, cost, metrics, d);
	if (!with_text)
		return;
	decide_keep_applied_vetoes(rules, d);
	decide_vetoed_by(rules, cost, d);
	decide_reasons(d);
	for (size_t i = 0; i < rules->count; i++) {
		const struct rule *rule = &rules->rules[i];
		if (rule->effect == RULES_WARN && rules_fires(rule, metrics))
			d->warnings[d->warning_count++] = (unsigned short)i;
	}
	for (size_t i = 0; i < rules->disabled_count; i++) {
		const struct rules_disabled *off = &rules->disabled[i];
		if (off->effect == RULES_VETO &&
		    off->level != RULES_LEVEL_LOCK_IN &&
		    d->disabled_count < DECIDE_MAX_VETOES)
			d->disabled_vetoes[d->disabled_count++] =
			    (unsigned short)i;
	}
}

/* How many warnings there are (see decide.h). */
size_t
decide_warning_count(const struct decision *d)
{
	return d->warning_count + d->dropped_count + d->disabled_count;
}

/* "$1,234 a month"-style money for a sentence. */
static void
decide_money(enum i18n_language language, char *out, size_t size, double usd)
{
	util_format_money_in(language, out, size, usd);
}

/* The text of a reason. */
void
decide_reason_text(const struct rules *rules, const struct decision *d,
    size_t index, const double *metrics, enum i18n_language language,
    struct buffer *out)
{
	static const char *const sentences[] = {
		[DECIDE_LINE_COMPUTE] = N_("Compute (API bills or GPUs): %s a "
		    "month for %s against %s for %s."),
		[DECIDE_LINE_ENGINEERING] = N_("Engineering time: %s a month "
		    "for %s against %s for %s, operations hours at your "
		    "hourly rate."),
		[DECIDE_LINE_SETUP] = N_("Set-up work spread over the horizon: "
		    "%s a month for %s against %s for %s."),
		[DECIDE_LINE_HARDWARE] = N_("Hardware bought, written off "
		    "month by month: %s for %s against %s for %s."),
	};
	const struct decide_reason *r = &d->reasons[index];
	const struct decide_ledger *w, *o;
	char a[64], b[64], c[64];

	if (r->line == DECIDE_LINE_VETO || r->line == DECIDE_LINE_ADJUSTMENT) {
		const struct rule *rule = &rules->rules[r->rule];
		double copy[DECIDE_MAX_METRICS];
		/* An adjustment's text may quote its own amount. */
		memcpy(copy, metrics, metrics_count * sizeof copy[0]);
		if (r->line == DECIDE_LINE_ADJUSTMENT)
			metrics_set_amount(copy, decide_adjustment_of(
			    &d->ledgers[r->against], r->rule) -
			    decide_adjustment_of(&d->ledgers[r->favours],
			    r->rule));
		rules_text(rule, copy, language, out);
		return;
	}
	w = &d->ledgers[r->favours];
	o = &d->ledgers[r->against];
	const char *mine = rules_verdict_phrase_in(r->favours, language);
	const char *theirs = rules_verdict_phrase_in(r->against, language);
	if (r->line == DECIDE_LINE_QUALITY) {
		util_format_percent_in(language, a, sizeof a, w->success);
		util_format_percent_in(language, b, sizeof b, o->success);
		decide_money(language, c, sizeof c, r->weight);
		buffer_printf(out, i18n_text(language, "Expected success on "
		    "your task mix: %s for %s against %s for %s; per task that "
		    "succeeds, the difference is worth %s a month."), a, mine,
		    b, theirs, c);
		return;
	}
	const double *mine_money = &w->monthly.compute;
	const double *their_money = &o->monthly.compute;
	int part = r->line - DECIDE_LINE_COMPUTE;
	decide_money(language, a, sizeof a, mine_money[part]);
	decide_money(language, b, sizeof b, their_money[part]);
	buffer_printf(out, i18n_text(language, sentences[r->line]), a, mine,
	    b, theirs);
}

/* The text of one ledger line: its rule's text quoting the line's own
 * amount (see decide.h). */
void
decide_adjustment_text(const struct rules *rules, const struct decision *d,
    enum verdict outcome, size_t index, const double *metrics,
    enum i18n_language language, struct buffer *out)
{
	const struct decide_adjustment *line =
	    &d->ledgers[outcome].adjustments[index];
	double copy[DECIDE_MAX_METRICS];

	memcpy(copy, metrics, metrics_count * sizeof copy[0]);
	metrics_set_amount(copy, line->amount);
	rules_text(&rules->rules[line->rule], copy, language, out);
}

/* The text of a warning: a warn rule's, or the note on a dropped
 * adjustment. */
void
decide_warning_text(const struct rules *rules, const struct decision *d,
    size_t index, const double *metrics, enum i18n_language language,
    struct buffer *out)
{
	if (index < d->warning_count) {
		rules_text(&rules->rules[d->warnings[index]], metrics, language,
		    out);
		return;
	}
	index -= d->warning_count;
	if (index >= d->dropped_count) {
		static const char *const levels[RULES_LEVEL_COUNT] = {
			N_("compliance"), N_("lock-in"), N_("quality")
		};
		const struct rules_disabled *off =
		    &rules->disabled[d->disabled_vetoes[index - d->dropped_count]];
		buffer_printf(out, i18n_text(language, "%s switches off the veto "
		    "'%s' (a %s requirement, from %s): this report does not "
		    "enforce it."), off->by, off->id,
		    i18n_text(language, levels[off->level]), off->file);
		return;
	}
	buffer_printf(out, i18n_text(language, "Rule '%s' computed an amount "
	    "that is not a finite number of dollars within a billion a month: "
	    "the line was left out of the ledger."),
	    rules->rules[d->dropped[index]].id);
}

/* The warning's id: the warn rule's, or "amount-dropped". */
const char *
decide_warning_id(const struct rules *rules, const struct decision *d,
    size_t index)
{
	if (index < d->warning_count)
		return rules->rules[d->warnings[index]].warning;
	return index < d->warning_count + d->dropped_count ?
	    "amount-dropped" : "veto-disabled";
}

/* The id of the rule a warning is about. */
const char *
decide_warning_rule(const struct rules *rules, const struct decision *d,
    size_t index)
{
	if (index < d->warning_count)
		return rules->rules[d->warnings[index]].id;
	index -= d->warning_count;
	if (index < d->dropped_count)
		return rules->rules[d->dropped[index]].id;
	return rules->disabled[d->disabled_vetoes[index -
	    d->dropped_count]].id;
}

/* The rule id of a reason, or the ledger line's name. */
const char *
decide_reason_id(const struct rules *rules, const struct decision *d,
    size_t index)
{
	static const char *const lines[] = {
		[DECIDE_LINE_COMPUTE] = "ledger.compute",
		[DECIDE_LINE_ENGINEERING] = "ledger.engineering",
		[DECIDE_LINE_SETUP] = "ledger.setup",
		[DECIDE_LINE_HARDWARE] = "ledger.hardware",
		[DECIDE_LINE_QUALITY] = "ledger.quality",
	};
	const struct decide_reason *r = &d->reasons[index];
	if (r->rule >= 0)
		return rules->rules[r->rule].id;
	return lines[r->line];
}

/* The option an outcome's ledger uses. */
const struct cost_option *
decide_option(const struct decision *d, const struct cost_result *cost,
    enum verdict outcome)
{
	if (outcome < 0 || outcome >= VERDICT_COUNT ||
	    d->ledgers[outcome].option < 0)
		return NULL;
	return &cost->options[d->ledgers[outcome].option];
}
