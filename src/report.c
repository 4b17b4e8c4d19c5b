/* report.c - what the views of an evaluation share: sentences, labels,
 * ids, the checklist and the chart as text. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "chart.h"
#include "i18n.h"
#include "metrics.h"
#include "report.h"

/* The sentences below that take no language speak the message
 * catalogue's (their words come from _()), and so do their numbers. */
#define REPORT_LANGUAGE I18N_TRANSLATED

/* Shares of the Monte Carlo scenarios that agree with the verdict. */
void
report_confidence_sentence(const struct evaluation *report, struct buffer *out)
{
	const struct sensitivity_uncertainty *u = &report->uncertainty;
	char share[32], samples[32];
	if (report->outcome.verdict == VERDICT_NONE || u->samples == 0)
		return;
	util_format_percent_in(REPORT_LANGUAGE, share, sizeof share,
	    u->share[report->outcome.verdict]);
	util_format_count_in(REPORT_LANGUAGE, samples, sizeof samples,
	    u->samples);
	buffer_printf(out, ngettext_("%s of %s scenario agrees",
	    "%s of %s scenarios agree", u->samples), share, samples);
}

/* A slider parameter's value in its unit. */
void
report_parameter_value(enum sensitivity_parameter parameter, double value,
    char *out, size_t size)
{
	char number[48];
	switch (parameter) {
	case SENSITIVITY_VOLUME:
		util_format_tokens_in(REPORT_LANGUAGE, number, sizeof number,
		    value);
		snprintf(out, size, _("%s tokens"), number);
		break;
	case SENSITIVITY_COMPLEX_SHARE:
		util_format_percent_in(REPORT_LANGUAGE, out, size, value);
		break;
	case SENSITIVITY_HOURLY_RATE:
		util_format_money_in(REPORT_LANGUAGE, number, sizeof number,
		    value);
		snprintf(out, size, _("%s/hour"), number);
		break;
	case SENSITIVITY_OPS_HOURS:
		util_format_number_in(REPORT_LANGUAGE, number, sizeof number,
		    value, 1);
		snprintf(out, size, ngettext_("%s hour/month", "%s hours/month",
		    util_plural_count(value)), number);
		break;
	case SENSITIVITY_GPU_PRICE:
	case SENSITIVITY_API_PRICE:
		util_format_fixed_in(REPORT_LANGUAGE, number, sizeof number,
		    value, 2);
		snprintf(out, size, "x%s", number);
		break;
	case SENSITIVITY_HORIZON:
		util_format_number_in(REPORT_LANGUAGE, number, sizeof number,
		    value, 0);
		snprintf(out, size, ngettext_("%s month", "%s months",
		    (unsigned long)(value + 0.5)), number);
		break;
	default:
		snprintf(out, size, "?");
		break;
	}
}

/* One flip point as a sentence. */
void
report_flip_sentence(const struct evaluation *report, size_t index,
    struct buffer *out)
{
	const struct sensitivity_flip *f = &report->flips[index];
	char value[64];
	report_parameter_value(f->parameter, f->value, value, sizeof value);
	/* TRANSLATORS: "Switches to <verdict> if <parameter> rises above
	 * <value>." */
	buffer_printf(out, f->above ? _("Switches to %s if %s rises above %s.") :
	    _("Switches to %s if %s falls below %s."),
	    rules_verdict_phrase(f->verdict),
	    _(sensitivity_ranges[f->parameter].phrase), value);
}

/* The option's stable id (see report.h). */
void
report_option_id(const struct cost_option *o, char *out, size_t size)
{
	switch (o->kind) {
	case OPTION_API:
	case OPTION_HOSTED_OPEN:
		snprintf(out, size, "%s:%s", cost_kind_name(o->kind), o->model->id);
		break;
	case OPTION_HYBRID:
		if (o->hybrid_open_model != NULL) {
			snprintf(out, size, "hybrid:%s+hosted_open:%s",
			    o->model->id, o->hybrid_open_model->id);
			break;
		}
		snprintf(out, size, "hybrid:%s+%s:%s:%s:x%d", o->model->id,
		    cost_kind_name(o->hybrid_self_kind), o->gpu->id,
		    data_quantisation_name(o->config->quantisation),
		    o->config->gpus);
		break;
	default:
		snprintf(out, size, "%s:%s:%s:x%d", cost_kind_name(o->kind),
		    o->gpu->id,
		    data_quantisation_name(o->config->quantisation),
		    o->config->gpus);
		break;
	}
}

/* A GPU's name short enough for a table cell: without the vendor
 * ("NVIDIA ", "GeForce ", "Apple ") and without parenthesised notes, so
 * "NVIDIA A100 80GB (SXM4)" reads "A100 80GB" and a label that adds its
 * own parentheses never doubles them.  The data's full name stays in the
 * assumptions. */
void
report_gpu_short_name(const struct gpu *gpu, char *out, size_t size)
{
	static const char *const vendors[] = { "NVIDIA ", "GeForce ", "AMD ",
	    "Radeon ", "Apple " };
	const char *name = gpu->name != NULL ? gpu->name : gpu->id;
	size_t used = 0;
	bool again = true;

	while (again) {
		again = false;
		for (size_t i = 0; i < sizeof vendors / sizeof vendors[0]; i++)
			if (strncmp(name, vendors[i], strlen(vendors[i])) == 0) {
				name += strlen(vendors[i]);
				again = true;
			}
	}
	for (const char *p = name; *p != '\0' && used + 1 < size; p++) {
		if (*p == '(') {
			const char *close = strchr(p, ')');
			if (close == NULL)
				break;
			p = close;
			continue;
		}
		out[used++] = *p;
	}
	while (used > 0 && out[used - 1] == ' ')
		used--;
	if (size > 0)
		out[used] = '\0';
	if (used == 0)		/* a name of notes only: keep it whole */
		snprintf(out, size, "%s", gpu->name != NULL ? gpu->name :
		    gpu->id);
}

/* A label a person reads in a table. */
void
report_option_label(const struct cost_option *o, char *out, size_t size)
{
	char gpu[128];
	if (o->gpu != NULL)
		report_gpu_short_name(o->gpu, gpu, sizeof gpu);
	switch (o->kind) {
	case OPTION_API:
	case OPTION_HOSTED_OPEN:
		if (o->model->retired)
			/* TRANSLATORS: a model its vendor has switched off,
			 * e.g. "Claude 3.5 Sonnet (retired)". */
			snprintf(out, size, _("%s (retired)"), o->model->name);
		else
			snprintf(out, size, "%s", o->model->name);
		break;
	case OPTION_HYBRID:
		if (o->hybrid_open_model != NULL)
			snprintf(out, size, "%s + %s", o->model->name,
			    o->hybrid_open_model->name);
		else
			snprintf(out, size, "%s + %dx %s", o->model->name, o->gpus,
			    gpu);
		break;
	default:
		snprintf(out, size, "%dx %s (%s)", o->gpus, gpu,
		    data_quantisation_name(o->config->quantisation));
		break;
	}
}

/* What each kind means, in a few words. */
const char *
report_kind_label(enum option_kind kind)
{
	switch (kind) {
	case OPTION_API: return _("Closed API");
	case OPTION_HOSTED_OPEN: return _("Hosted open-weight API");
	case OPTION_CLOUD_ON_DEMAND: return _("Cloud GPUs, on demand");
	case OPTION_CLOUD_24X7: return _("Cloud GPUs, 24/7");
	case OPTION_OWNED: return _("Owned GPUs");
	case OPTION_HYBRID: return _("Hybrid (API + self-hosted)");
	default: return "";
	}
}

/* Chooses a format by name. */
int
report_format_from_name(const char *name, enum report_format *format)
{
	/* Case does not matter: -f JSON is -f json. */
	if (strcasecmp(name, "text") == 0 || strcasecmp(name, "txt") == 0)
		*format = REPORT_TEXT;
	else if (strcasecmp(name, "markdown") == 0 ||
	    strcasecmp(name, "md") == 0)
		*format = REPORT_MARKDOWN;
	else if (strcasecmp(name, "json") == 0)
		*format = REPORT_JSON;
	else
		return -1;
	return 0;
}

/* Chooses a format from a file name's extension (.md, .json, .txt). */
int
report_format_from_path(const char *path, enum report_format *format)
{
	const char *dot = strrchr(path, '.');
	const char *slash = strrchr(path, '/');
	if (strcmp(path, "-") == 0) {
		*format = REPORT_TEXT;	/* standard output, as a terminal */
		return 0;
	}
	if (dot == NULL || (slash != NULL && dot < slash))
		return -1;
	return report_format_from_name(dot + 1, format);
}

/* One line about the workload, shared by text and markdown. */
void
report_workload_sentence(const struct evaluation *report, struct buffer *out)
{
	const struct profile *p = &report->profile;
	char in[32], outp[32], total[32];
	util_format_tokens_in(REPORT_LANGUAGE, in, sizeof in, p->input_tokens);
	util_format_tokens_in(REPORT_LANGUAGE, outp, sizeof outp,
	    p->output_tokens);
	util_format_tokens_in(REPORT_LANGUAGE, total, sizeof total,
	    p->input_tokens + p->output_tokens);
	buffer_printf(out, _("%s input + %s output tokens per month (%s in all)"),
	    in, outp, total);
}

void
report_breakeven_sentence(const struct evaluation *report, struct buffer *out)
{
	const struct cost_result *cost = &report->cost;
	char tokens[32], label[200];
	if (cost->best_api < 0 || cost->best_self_hosted < 0) {
		buffer_add(out, _("Breakeven: not computable (no API or no "
		    "self-hosted option)."));
		return;
	}
	if (isnan(report->breakeven)) {
		const struct cost_option *api = &cost->options[cost->best_api];
		const struct cost_option *self =
		    &cost->options[cost->best_self_hosted];
		buffer_add(out, api->monthly.total <= self->monthly.total ?
		    _("Breakeven: none below 100B tokens per month; the API "
		    "stays cheaper.") :
		    _("Breakeven: self-hosting is cheaper at every volume "
		    "checked."));
		return;
	}
	util_format_tokens_in(REPORT_LANGUAGE, tokens, sizeof tokens,
	    report->breakeven);
	report_option_label(&cost->options[cost->best_api], label, sizeof label);
	buffer_printf(out, _("Breakeven: self-hosting becomes cheaper than %s "
	    "above %s tokens per month."), label, tokens);
}

/* How soon the cheapest owned option pays for itself, against the rental
 * the team would really use for the same load. */
void
report_payback_sentence(const struct evaluation *report, struct buffer *out)
{
	const struct cost_result *cost = &report->cost;
	int owned = cost->cheapest[OPTION_OWNED];
	char label[200], vs[200], months[32];
	if (owned < 0)
		return;
	const struct cost_option *o = &cost->options[owned];
	report_option_label(o, label, sizeof label);
	if (o->already_owned) {
		buffer_printf(out, _("Payback: %s is already owned; it costs "
		    "only its power and upkeep."), label);
		return;
	}
	if (o->payback_vs < 0) {
		if (report->profile.deployment == DEPLOYMENT_ON_PREM)
			return;		/* no rental to compare with */
		buffer_printf(out, _("Payback: buying %s never pays back against "
		    "renting."), label);
		return;
	}
	const struct cost_option *r = &cost->options[o->payback_vs];
	char gpu[128];
	report_gpu_short_name(r->gpu, gpu, sizeof gpu);
	snprintf(vs, sizeof vs, "%dx %s", r->gpus, gpu);
	if (isnan(o->payback_months)) {
		if (r->kind == OPTION_CLOUD_ON_DEMAND)
			buffer_printf(out, _("Payback: buying %s never pays back "
			    "against renting %s on demand."), label, vs);
		else
			buffer_printf(out, _("Payback: buying %s never pays back "
			    "against renting %s around the clock."), label, vs);
		return;
	}
	util_format_number_in(REPORT_LANGUAGE, months, sizeof months,
	    o->payback_months, 1);
	unsigned long count = util_plural_count(floor(o->payback_months * 10 +
	    0.5) / 10);
	if (r->kind == OPTION_CLOUD_ON_DEMAND)
		buffer_printf(out, ngettext_("Payback: buying %s pays for itself "
		    "in %s month against renting %s on demand.", "Payback: "
		    "buying %s pays for itself in %s months against renting %s "
		    "on demand.", count), label, months, vs);
	else
		buffer_printf(out, ngettext_("Payback: buying %s pays for itself "
		    "in %s month against renting %s around the clock.",
		    "Payback: buying %s pays for itself in %s months against "
		    "renting %s around the clock.", count), label, months, vs);
}


/* "+$1,234" for a reason's amount in USD a month. */
void
report_reason_amount(char *out, size_t size, double usd)
{
	char money[48];
	util_format_money_in(REPORT_LANGUAGE, money,
	    size < sizeof money ? size : sizeof money,
	    fabs(usd));
	snprintf(out, size, "%s%s", usd < 0 ? "-" : "+", money);
}

/* The note after a reason's text (see report.h). */
void
report_reason_note(const struct evaluation *report, size_t index,
    enum i18n_language language, struct buffer *out)
{
	const struct decision *d = &report->outcome;
	const struct decide_reason *r = &d->reasons[index];
	size_t named = 0;

	if (r->line == DECIDE_LINE_ADJUSTMENT && r->against != VERDICT_NONE) {
		buffer_add(out, " ");
		buffer_printf(out, i18n_text(language, "Compared with %s."),
		    rules_verdict_phrase_in(r->against, language));
		return;
	}
	if (r->line != DECIDE_LINE_VETO)
		return;
	for (int v = 0; v < VERDICT_COUNT; v++) {
		const struct decide_ledger *l = &d->ledgers[v];
		for (size_t i = 0; i < l->vetoed_by_count; i++) {
			if (l->vetoed_by[i] != r->rule)
				continue;
			buffer_add(out, named++ ? ", " : " ");
			if (named == 1)
				buffer_add(out, i18n_text(language,
				    "Rules out:"));
			buffer_printf(out, "%s%s", named == 1 ? " " : "",
			    rules_verdict_phrase_in(v, language));
			break;
		}
	}
	if (named > 0)
		buffer_add(out, ".");
}

/* An outcome's standing in the outcome tables. */
void
report_outcome_status(const struct evaluation *report, enum verdict outcome,
    bool with_rules, struct buffer *out)
{
	const struct decide_ledger *l = &report->outcome.ledgers[outcome];
	if (outcome == report->outcome.verdict) {
		buffer_add(out, _("recommended"));
		return;
	}
	if (l->allowed) {
		buffer_add(out, _("allowed"));
		return;
	}
	if (l->vetoed_by_count == 0) {
		buffer_add(out, l->available ? _("ruled out") :
		    _("no option"));
		return;
	}
	if (!with_rules) {
		buffer_add(out, _("vetoed"));
		return;
	}
	buffer_add(out, _("vetoed by:"));
	for (size_t i = 0; i < l->vetoed_by_count; i++)
		buffer_printf(out, "%s%s", i ? ", " : " ",
		    report->rules->rules[l->vetoed_by[i]].id);
}

/* What the outcome tables' columns mean. */
const char *
report_outcome_legend(void)
{
	return _("Monthly: the option's cost of ownership. Adjustments: "
	    "dollar lines that rules add. Effective: (monthly + adjustments) "
	    "divided by the expected success on your task mix; the lowest "
	    "allowed one is the verdict.");
}

/* The verdict as a person reads it: its phrase, or "Too close to call:
 * X or Y" when fewer than EVALUATE_TOO_CLOSE of the scenarios agree. */
void
report_verdict_phrase(const struct evaluation *report,
    enum i18n_language language, struct buffer *out)
{
	const struct decision *o = &report->outcome;
	if (report->too_close && o->runner_up != VERDICT_NONE)
		buffer_printf(out, i18n_text(language, "Too close to call: %s or "
		    "%s"), rules_verdict_phrase_in(o->verdict, language),
		    rules_verdict_phrase_in(o->runner_up, language));
	else
		buffer_add(out, rules_verdict_phrase_in(o->verdict, language));
}

/* Three plain sentences for the top of a report. */
void
report_summary(const struct evaluation *report, struct buffer *out)
{
	const struct decision *o = &report->outcome;
	char tokens[32], money[48], other[48], label[200];

	util_format_tokens_in(REPORT_LANGUAGE, tokens, sizeof tokens,
	    report->profile.input_tokens + report->profile.output_tokens);
	if (o->verdict == VERDICT_NONE) {
		buffer_printf(out, _("At %s tokens a month no outcome meets every "
		    "hard requirement."), tokens);
		return;
	}
	report_verdict_phrase(report, I18N_TRANSLATED, out);
	buffer_add(out, ": ");
	report_confidence_sentence(report, out);
	buffer_add(out, ". ");
	const struct decide_ledger *w = &o->ledgers[o->verdict];
	const struct cost_option *option = decide_option(o, &report->cost,
	    o->verdict);
	util_format_money_in(REPORT_LANGUAGE, money, sizeof money,
	    w->monthly.total +
	    w->adjustments_total);
	if (option != NULL)
		report_option_label(option, label, sizeof label);
	else
		label[0] = '\0';
	if (o->runner_up != VERDICT_NONE) {
		const struct decide_ledger *r = &o->ledgers[o->runner_up];
		util_format_money_in(REPORT_LANGUAGE, other, sizeof other,
		    r->monthly.total +
		    r->adjustments_total);
		/* The option is named without parentheses around it: its
		 * name may end in its own ("Qwen 2.5 72B (DeepInfra)"). */
		buffer_printf(out, _("At %s tokens a month it costs %s a month "
		    "with %s, adjustments included, against %s for %s; counted "
		    "per task that succeeds, it is the cheapest allowed "
		    "outcome."),
		    tokens, money, label, other,
		    rules_verdict_phrase(o->runner_up));
	} else {
		buffer_printf(out, _("At %s tokens a month it costs %s a month "
		    "with %s, adjustments included: the only outcome the hard "
		    "requirements allow."), tokens, money, label);
	}
	if (o->verdict == VERDICT_NONE)
		return;
	buffer_add(out, " ");
	if (report->flip_count == 0) {
		buffer_add(out, _("No slider within its range changes the "
		    "verdict."));
		return;
	}
	/* The flip nearest in relative terms is the one to watch. */
	size_t nearest = 0;
	double best = INFINITY;
	for (size_t i = 0; i < report->flip_count; i++) {
		const struct sensitivity_flip *f = &report->flips[i];
		double now = sensitivity_get(f->parameter, &report->profile,
		    &report->scenario, report->data);
		const struct sensitivity_range *r = &sensitivity_ranges[f->parameter];
		double distance = r->logarithmic && now > 0 && f->value > 0 ?
		    fabs(log(f->value / now)) / log(r->high / r->low) :
		    fabs(f->value - now) / (r->high - r->low);
		if (distance < best) {
			best = distance;
			nearest = i;
		}
	}
	report_flip_sentence(report, nearest, out);
}

/* Names the options of a kind list that used a discount, ", "-joined. */
static size_t
report_discounted_names(const struct cost_result *cost, unsigned discount,
    struct buffer *out)
{
	size_t n = 0;
	for (size_t i = 0; i < cost->count; i++) {
		const struct cost_option *o = &cost->options[i];
		if ((o->kind != OPTION_API && o->kind != OPTION_HOSTED_OPEN) ||
		    !(o->discounts & discount))
			continue;
		buffer_add(out, n++ ? ", " : "");
		buffer_add(out, o->model->name);
	}
	return n;
}

/* Which API prices the cache and batch shares used (see report.h). */
void
report_discount_sentence(const struct evaluation *report, struct buffer *out)
{
	const struct profile *p = &report->profile;
	struct buffer names;
	char share[32];
	bool first = true;

	if (p->cached_input_share > 0) {
		buffer_init(&names);
		util_format_percent_in(REPORT_LANGUAGE, share, sizeof share,
		    p->cached_input_share);
		if (report_discounted_names(&report->cost, COST_DISCOUNT_CACHE,
		    &names) > 0)
			buffer_printf(out, _("%s of input tokens are read from a "
			    "prompt cache: %s charge their cache-read price for "
			    "them, the other APIs their normal input price."),
			    share, names.data);
		else
			buffer_printf(out, _("%s of input tokens are read from a "
			    "prompt cache, but no API in the data has a cache-read "
			    "price: they pay the normal input price."), share);
		buffer_free(&names);
		first = false;
	}
	if (p->batch_share > 0) {
		buffer_init(&names);
		util_format_percent_in(REPORT_LANGUAGE, share, sizeof share,
		    p->batch_share);
		buffer_add(out, first ? "" : " ");
		if (report_discounted_names(&report->cost, COST_DISCOUNT_BATCH,
		    &names) > 0)
			buffer_printf(out, _("%s of the traffic goes through batch "
			    "APIs: %s charge their batch prices for it, the other "
			    "APIs their normal prices."), share, names.data);
		else
			buffer_printf(out, _("%s of the traffic goes through batch "
			    "APIs, but no API in the data has batch prices: it pays "
			    "the normal prices."), share);
		buffer_free(&names);
		first = false;
	}
	if (!first) {
		buffer_add(out, " ");
		buffer_add(out, _("Self-hosted options are unaffected."));
	}
}

/* Names the stale price figures (the first few, then a count), in the
 * language (the JSON's warning text is English). */
void
report_stale_sentence(const struct evaluation *report,
    enum i18n_language language, struct buffer *out)
{
	char months[32];
	if (report->stale_count == 0)
		return;
	util_format_number_in(language, months, sizeof months,
	    report->data->defaults.stale_months.value, 2);
	buffer_printf(out, i18n_plural(language, "%zu price is older than %s "
	    "months: ", "%zu prices are older than %s months: ",
	    report->stale_count), report->stale_count, months);
	for (size_t i = 0; i < report->stale_count && i < 4; i++) {
		const struct figure *f = data_figure_at(report->data, report->stale[i]);
		buffer_printf(out, "%s%s (%s)", i ? ", " : "", f->key, f->as_of);
	}
	if (report->stale_count > 4)
		buffer_printf(out, i18n_plural(language, " and %zu more",
		    " and %zu more", report->stale_count - 4),
		    report->stale_count - 4);
	buffer_add(out, i18n_text(language, ". Check them before relying on "
	    "the costs."));
}

/* The article's decision framework as a checklist for this team. */
size_t
report_checklist(const struct evaluation *report, struct report_check *checks)
{
	const struct profile *p = &report->profile;
	const struct defaults *d = &report->data->defaults;
	double volume = p->input_tokens + p->output_tokens;
	bool hard = p->quality == QUALITY_BEST && p->complex_share >= 0.2;
	size_t n = 0;
#define CHECK(o, t, a) \
	(checks[n].outcome = (o), checks[n].text = (t), \
	 checks[n].applies = (a), n++)
	CHECK(VERDICT_CLOSED, N_("the workload is under 50 million tokens a "
	    "month"), volume < d->volume_low.value);
	CHECK(VERDICT_CLOSED, N_("the team has no ML-infrastructure expertise"),
	    p->expertise == EXPERTISE_NONE);
	CHECK(VERDICT_CLOSED, N_("the highest quality on complex reasoning is "
	    "needed"), hard);
	CHECK(VERDICT_CLOSED, N_("tool use, function calling or structured "
	    "output are needed without building them"), p->ecosystem != 0 &&
	    p->expertise != EXPERTISE_ML_INFRA);
	CHECK(VERDICT_OPEN, N_("hard privacy or compliance rules keep data from "
	    "third parties"), p->privacy == PRIVACY_HARD);
	CHECK(VERDICT_OPEN, N_("the volume exceeds 500 million tokens a month"),
	    volume > d->volume_high.value);
	CHECK(VERDICT_OPEN, N_("ML-infrastructure engineers are on staff"),
	    p->expertise == EXPERTISE_ML_INFRA);
	CHECK(VERDICT_OPEN, N_("domain fine-tuning is needed and a dataset is "
	    "ready"), p->fine_tuning == FINE_TUNING_DATASET_READY);
	CHECK(VERDICT_OPEN, N_("depending on a single provider is an "
	    "unacceptable risk"), p->lock_in == LOCK_IN_UNACCEPTABLE);
	CHECK(VERDICT_HYBRID, N_("the volume is in the gray zone between 50 and "
	    "500 million tokens"), volume >= d->volume_low.value &&
	    volume <= d->volume_high.value);
	CHECK(VERDICT_HYBRID, N_("different tasks have different requirements"),
	    p->quality == QUALITY_BEST && p->complex_share >= 0.1 &&
	    p->complex_share <= 0.6);
	CHECK(VERDICT_HYBRID, N_("insurance against lock-in either way is "
	    "wanted"), p->lock_in == LOCK_IN_AVOID);
#undef CHECK
	return n;
}

/* The newest as-of date of the figures read from one file. */
const char *
report_data_as_of(const struct evaluation *report, const char *file)
{
	const char *latest = NULL;
	for (size_t i = 0; i < report->data->figure_count; i++) {
		const struct figure *f = data_figure_at(report->data, i);
		if (util_streq(f->file, file) &&
		    strcmp(f->as_of, DATA_UNDATED) != 0 && (latest == NULL ||
		    strcmp(f->as_of, latest) > 0))
			latest = f->as_of;
	}
	return latest ? latest : "";
}

/* The heading of one outcome's part of the checklist. */
const char *
report_check_heading(enum verdict outcome)
{
	switch (outcome) {
	case VERDICT_CLOSED: return _("Go closed (API) if");
	case VERDICT_OPEN_HOSTED: return NULL;
	case VERDICT_OPEN: return _("Go open (self-hosted) if");
	case VERDICT_HYBRID: return _("Use both (hybrid) if");
	default: return "";
	}
}

/* True for a figure counted in tokens ("tokens", "tokens/month"): its
 * millions read as 50M, not 5e+07. */
static bool
report_unit_is_tokens(const char *unit)
{
	return unit != NULL && strncmp(unit, "tokens", 6) == 0 &&
	    (unit[6] == '\0' || unit[6] == '/');
}

/* A number of a figure in a language: millions of tokens with their
 * suffix (50M), other numbers with up to six significant digits, grouped
 * and without an exponent (4,096 tokens, 1,032,192 bytes/token). */
static void
report_figure_number(const struct figure *f, double value,
    enum i18n_language language, char *out, size_t size)
{
	if (report_unit_is_tokens(f->unit) && fabs(value) >= 1e6) {
		util_format_tokens_in(language, out, size, value);
		return;
	}
	int decimals = 0;
	if (value != 0 && fabs(value) < 1e5)
		decimals = 5 - (int)floor(log10(fabs(value)));
	if (decimals < 0)
		decimals = 0;
	if (decimals > 10)
		decimals = 10;
	util_format_number_in(language, out, size, value, decimals);
}

/* The unit after a figure's value, singular for exactly one of a
 * counted thing: "1 stream", "1 hour/month", but "2 streams". */
static void
report_figure_unit(const char *unit, double value, char *out, size_t size)
{
	static const char *const counted[] = { "streams", "epochs", "GPUs",
	    "hours", "months", "tokens", "years", "days", "requests" };
	size_t word = strcspn(unit, "/ ");

	snprintf(out, size, "%s", unit);
	if (value != 1)
		return;
	for (size_t i = 0; i < sizeof counted / sizeof counted[0]; i++)
		if (strlen(counted[i]) == word &&
		    strncmp(unit, counted[i], word) == 0) {
			snprintf(out, size, "%.*s%s", (int)(word - 1), unit,
			    unit + word);
			return;
		}
}

/* A figure's value and unit: "50M tokens", "1 stream", "2.5 USD/hour". */
void
report_figure_value(const struct figure *f, enum i18n_language language,
    char *out, size_t size)
{
	char number[64], unit[64];
	report_figure_number(f, f->value, language, number, sizeof number);
	report_figure_unit(f->unit != NULL ? f->unit : "", f->value, unit,
	    sizeof unit);
	snprintf(out, size, "%s%s%s", number, unit[0] != '\0' ? " " : "",
	    unit);
}

/* A figure's range in words. */
void
report_figure_range(const struct figure *f, enum i18n_language language,
    char *out, size_t size)
{
	char low[64], high[64];
	report_figure_number(f, f->low, language, low, sizeof low);
	report_figure_number(f, f->high, language, high, sizeof high);
	/* TRANSLATORS: a range of values, "2 to 5". */
	snprintf(out, size, i18n_text(language, "%s to %s"), low, high);
}

/* True when the figure is among the stale prices. */
bool
report_figure_is_stale(const struct evaluation *report, size_t index)
{
	for (size_t i = 0; i < report->stale_count; i++)
		if (report->stale[i] == index)
			return true;
	return false;
}

/* Draws the evaluation's chart series and appends the grid as text. */
void
report_chart_text(const struct evaluation *report, bool ascii,
    struct buffer *out)
{
	struct chart chart;
	char *cause = NULL;
	chart_init(&chart);
	if (chart_render(&chart, &report->chart, CHART_REPORT_WIDTH,
	    CHART_REPORT_HEIGHT, ascii ? CHART_ASCII | CHART_UTF8_LABELS : 0,
	    &cause) == 0)
		chart_to_text(&chart, out);
	free(cause);
	chart_free(&chart);
}

/* Which rules decided: every rules file read, with the rules it added
 * and those it switched off, so a reader sees an organisation's policy
 * (or its absence) in the report itself. */
void
report_rule_files_sentence(const struct evaluation *report,
    struct buffer *out)
{
	const struct rules *rules = report->rules;
	if (rules == NULL)
		return;
	buffer_add(out, _("Rules read:"));
	for (size_t f = 0; f < rules->file_count; f++) {
		size_t added = 0, disabled = 0;
		for (size_t i = 0; i < rules->count; i++)
			added += util_streq(rules->rules[i].file, rules->files[f]);
		buffer_printf(out, "%s %s (", f ? ";" : "", rules->files[f]);
		buffer_printf(out, ngettext_("%zu rule", "%zu rules", added),
		    added);
		for (size_t i = 0; i < rules->disabled_count; i++) {
			if (!util_streq(rules->disabled[i].by, rules->files[f]))
				continue;
			buffer_add(out, disabled++ ? ", " : _("; switches off "));
			buffer_add(out, rules->disabled[i].id);
		}
		buffer_add(out, ")");
	}
	buffer_add(out, ".");
}

/* The open-weights model self-hosting runs: auto's pick with the tier it
 * needed, a pin, or none that fits. */
void
report_self_hosted_sentence(const struct evaluation *report,
    struct buffer *out)
{
	int index = report->profile.self_hosted_index;
	const struct model *m;

	if (index < 0) {
		buffer_add(out, _("No open-weights model fits a GPU "
		    "configuration in the data, so nothing is self-hosted."));
		return;
	}
	m = &report->data->models[index];
	if (!report->self_hosted_auto)
		buffer_printf(out, _("Self-hosted options run %s, as "
		    "self_hosted_model pins (%s)."), m->name, m->id);
	else if (m->tier < report->self_hosted_tier_needed)
		buffer_printf(out, _("Self-hosted options run %s: no "
		    "frontier-tier open-weights model fits a GPU configuration, "
		    "so self_hosted_model auto picked the cheapest of the best "
		    "tier there is at this volume."), m->name);
	else if (report->self_hosted_tier_needed == TIER_FRONTIER)
		buffer_printf(out, _("Self-hosted options run %s: "
		    "self_hosted_model auto picked the cheapest frontier-tier "
		    "open-weights model (the best quality on hard tasks needs "
		    "one) that fits a GPU configuration at this volume."),
		    m->name);
	else
		buffer_printf(out, _("Self-hosted options run %s: "
		    "self_hosted_model auto picked the cheapest open-weights "
		    "model of the large tier or above that fits a GPU "
		    "configuration at this volume."), m->name);
}
