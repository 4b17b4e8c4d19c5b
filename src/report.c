/* report.c - text and markdown renderings of an evaluation. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "i18n.h"
#include "metrics.h"
#include "report.h"

/* 10,000 Monte Carlo samples with seed 1, and flip points. */
void
report_settings_default(struct report_settings *settings)
{
	settings->samples = 10000;
	settings->seed = 1;
	settings->flip_points = true;
}

/* Computes costs, breakeven, and (with rules) the verdict, its confidence
 * and flip points for the profile under the scenario. */
void
report_evaluate(struct report *report, const struct data *data,
    const struct rules *rules, const struct profile *profile,
    const struct cost_scenario *scenario,
    const struct report_settings *settings)
{
	report->data = data;
	report->rules = rules;
	report->profile = *profile;
	report->scenario = *scenario;
	report->breakeven = cost_breakeven(data, data->values, profile,
	    scenario);
	cost_evaluate(data, data->values, profile, scenario, &report->cost);
	metrics_compute(data, data->values, profile, &report->cost,
	    report->breakeven, report->metrics);
	memset(&report->outcome, 0, sizeof report->outcome);
	report->outcome.verdict = VERDICT_NONE;
	report->flip_count = 0;
	if (rules != NULL)
		rules_evaluate(rules, report->metrics, &report->outcome);
	sensitivity_monte_carlo(report, rules ? settings->samples : 0,
	    settings->seed);
	if (settings->flip_points)
		sensitivity_flip_points(report);
}

/* Shares of the Monte Carlo scenarios that agree with the verdict. */
void
report_confidence_sentence(const struct report *report, struct buffer *out)
{
	const struct sensitivity_uncertainty *u = &report->uncertainty;
	char share[32], samples[32];
	if (report->outcome.verdict == VERDICT_NONE || u->samples == 0)
		return;
	util_format_percent(share, sizeof share,
	    u->share[report->outcome.verdict]);
	snprintf(samples, sizeof samples, "%lu", u->samples);
	/* Group thousands: 10000 -> 10,000. */
	char grouped[48];
	size_t length = strlen(samples), o = 0;
	for (size_t i = 0; i < length; i++) {
		if (i > 0 && (length - i) % 3 == 0)
			grouped[o++] = ',';
		grouped[o++] = samples[i];
	}
	grouped[o] = '\0';
	buffer_printf(out, ngettext_("%s of %s scenario agrees",
	    "%s of %s scenarios agree", u->samples), share, grouped);
}

/* A slider parameter's value in its unit. */
void
report_parameter_value(enum sensitivity_parameter parameter, double value,
    char *out, size_t size)
{
	char number[48];
	switch (parameter) {
	case SENSITIVITY_VOLUME:
		util_format_tokens(number, sizeof number, value);
		snprintf(out, size, _("%s tokens"), number);
		break;
	case SENSITIVITY_COMPLEX_SHARE:
		util_format_percent(out, size, value);
		break;
	case SENSITIVITY_HOURLY_RATE:
		util_format_money(number, sizeof number, value);
		snprintf(out, size, _("%s/hour"), number);
		break;
	case SENSITIVITY_OPS_HOURS:
		util_snprintf_c(number, sizeof number, "%.1f", value);
		snprintf(out, size, _("%s hours/month"), number);
		break;
	case SENSITIVITY_GPU_PRICE:
	case SENSITIVITY_API_PRICE:
		util_snprintf_c(out, size, "x%.2f", value);
		break;
	case SENSITIVITY_HORIZON:
		util_snprintf_c(number, sizeof number, "%.0f", value);
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
report_flip_sentence(const struct report *report, size_t index,
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
		snprintf(out, size, "hybrid:%s+%s:%s:%s:x%d", o->model->id,
		    cost_kind_name(o->hybrid_self_kind), o->config->gpu->id,
		    data_quantisation_name(o->config->quantisation),
		    o->config->gpus);
		break;
	default:
		snprintf(out, size, "%s:%s:%s:x%d", cost_kind_name(o->kind),
		    o->config->gpu->id,
		    data_quantisation_name(o->config->quantisation),
		    o->config->gpus);
		break;
	}
}

/* A label a person reads in a table. */
void
report_option_label(const struct cost_option *o, char *out, size_t size)
{
	switch (o->kind) {
	case OPTION_API:
	case OPTION_HOSTED_OPEN:
		snprintf(out, size, "%s", o->model->name);
		break;
	case OPTION_HYBRID:
		snprintf(out, size, "%s + %dx %s", o->model->name, o->gpus,
		    o->config->gpu->name);
		break;
	default:
		snprintf(out, size, "%dx %s (%s)", o->gpus, o->config->gpu->name,
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
	if (strcmp(name, "text") == 0 || strcmp(name, "txt") == 0)
		*format = REPORT_TEXT;
	else if (strcmp(name, "markdown") == 0 || strcmp(name, "md") == 0)
		*format = REPORT_MARKDOWN;
	else if (strcmp(name, "json") == 0)
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
	if (dot == NULL || (slash != NULL && dot < slash))
		return -1;
	return report_format_from_name(dot + 1, format);
}

/* Display width of UTF-8 text (for aligning translated labels). */
static int
report_width(const char *text)
{
	mbstate_t state;
	int width = 0;
	memset(&state, 0, sizeof state);
	while (*text != '\0') {
		wchar_t wc;
		size_t n = mbrtowc(&wc, text, MB_CUR_MAX, &state);
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
			/* Not decodable in this locale: count UTF-8 lead bytes. */
			width += (*text & 0xC0) != 0x80;
			text++;
			memset(&state, 0, sizeof state);
			continue;
		}
		int w = wcwidth(wc);
		width += w > 0 ? w : 0;
		text += n;
	}
	return width;
}

/* Appends text padded (or cut) to a display width. */
static void
report_cell(struct buffer *out, const char *text, int width, bool right)
{
	char cut[256];
	int w = report_width(text);
	if (w > width) {
		/* Cut on a character boundary and mark the cut. */
		size_t n = 0;
		snprintf(cut, sizeof cut, "%s", text);
		while (report_width(cut) > width - 1 && (n = strlen(cut)) > 0) {
			cut[--n] = '\0';
			while (n > 0 && (cut[n - 1] & 0xC0) == 0x80)
				cut[--n] = '\0';
			if (n > 0 && (unsigned char)cut[n - 1] >= 0xC0)
				cut[--n] = '\0';
		}
		snprintf(cut + strlen(cut), sizeof cut - strlen(cut), "~");
		text = cut;
		w = report_width(text);
	}
	if (right)
		buffer_add_repeat(out, " ", (size_t)(width - w));
	buffer_add(out, text);
	if (!right)
		buffer_add_repeat(out, " ", (size_t)(width - w));
}

static void
report_money_cell(struct buffer *out, double usd, int width)
{
	char money[48];
	util_format_money(money, sizeof money, usd);
	buffer_add(out, " ");
	report_cell(out, money, width, true);
}

/* One line about the workload, shared by text and markdown. */
static void
report_workload_line(const struct report *report, struct buffer *out)
{
	const struct profile *p = &report->profile;
	char in[32], outp[32], total[32];
	util_format_tokens(in, sizeof in, p->input_tokens);
	util_format_tokens(outp, sizeof outp, p->output_tokens);
	util_format_tokens(total, sizeof total,
	    p->input_tokens + p->output_tokens);
	buffer_printf(out, _("%s input + %s output tokens per month (%s in all)"),
	    in, outp, total);
}

static void
report_breakeven_line(const struct report *report, struct buffer *out)
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
	util_format_tokens(tokens, sizeof tokens, report->breakeven);
	report_option_label(&cost->options[cost->best_api], label, sizeof label);
	buffer_printf(out, _("Breakeven: self-hosting becomes cheaper than %s "
	    "above %s tokens per month."), label, tokens);
}

/* How soon the cheapest owned option pays for itself. */
static void
report_payback_line(const struct report *report, struct buffer *out)
{
	const struct cost_result *cost = &report->cost;
	int owned = cost->cheapest[OPTION_OWNED];
	char label[200], vs[200], months[32];
	if (owned < 0)
		return;
	const struct cost_option *o = &cost->options[owned];
	report_option_label(o, label, sizeof label);
	if (o->payback_vs == NULL || isnan(o->payback_months)) {
		buffer_printf(out, _("Payback: buying %s never pays back against "
		    "renting."), label);
		return;
	}
	snprintf(vs, sizeof vs, "%dx %s", o->payback_vs->gpus,
	    o->payback_vs->gpu->name);
	util_snprintf_c(months, sizeof months, "%.1f", o->payback_months);
	buffer_printf(out, _("Payback: buying %s pays for itself in %s months "
	    "against renting %s around the clock."), label, months, vs);
}

/* Appends text wrapped at width columns, breaking at spaces. */
static void
report_wrap(struct buffer *out, const char *text, int width)
{
	const char *line = text;
	while (*line != '\0') {
		const char *p = line, *last_space = NULL;
		char piece[1024];
		for (;;) {
			if (*p == '\0' || *p == '\n')
				break;
			if (*p == ' ') {
				snprintf(piece, sizeof piece, "%.*s", (int)(p - line),
				    line);
				if (report_width(piece) > width && last_space != NULL)
					break;
				last_space = p;
			}
			p++;
		}
		snprintf(piece, sizeof piece, "%.*s", (int)(p - line), line);
		if ((*p == '\0' || *p == '\n') && (report_width(piece) <= width ||
		    last_space == NULL)) {
			buffer_add_length(out, line, (size_t)(p - line));
			buffer_add_char(out, '\n');
			line = *p == '\n' ? p + 1 : p;
			continue;
		}
		buffer_add_length(out, line, (size_t)(last_space - line));
		buffer_add_char(out, '\n');
		line = last_space + 1;
	}
}

/* Renders one sentence-building function into out, wrapped. */
static void
report_wrapped(const struct report *report, struct buffer *out,
    void (*sentence)(const struct report *, struct buffer *))
{
	struct buffer line;
	buffer_init(&line);
	sentence(report, &line);
	if (line.data != NULL)
		report_wrap(out, line.data, 78);
	buffer_free(&line);
}

#define TEXT_LABEL_WIDTH 30
#define TEXT_MONEY_WIDTH 8

static void
report_text_table_head(struct buffer *out)
{
	report_cell(out, _("Option"), TEXT_LABEL_WIDTH, false);
	const char *heads[] = { _("Compute"), _("Engin."), _("Setup"),
	    _("Hardware"), _("Total") };
	for (size_t i = 0; i < 5; i++) {
		buffer_add(out, " ");
		report_cell(out, heads[i], TEXT_MONEY_WIDTH, true);
	}
	buffer_add(out, "\n");
	buffer_add_repeat(out, "-", TEXT_LABEL_WIDTH + 5 * (TEXT_MONEY_WIDTH + 1));
	buffer_add(out, "\n");
}

/* One option: a label too wide for its column gets a line of its own. */
static void
report_text_row(struct buffer *out, const char *label,
    const struct cost_monthly *m)
{
	if (report_width(label) > TEXT_LABEL_WIDTH) {
		buffer_add(out, label);
		buffer_add(out, "\n");
		label = "";
	}
	report_cell(out, label, TEXT_LABEL_WIDTH, false);
	report_money_cell(out, m->compute, TEXT_MONEY_WIDTH);
	report_money_cell(out, m->engineering, TEXT_MONEY_WIDTH);
	report_money_cell(out, m->setup, TEXT_MONEY_WIDTH);
	report_money_cell(out, m->hardware, TEXT_MONEY_WIDTH);
	report_money_cell(out, m->total, TEXT_MONEY_WIDTH);
	buffer_add(out, "\n");
}

/* The rows of one kind under its heading; cheapest_only keeps the
 * cheapest comparable one. */
static void
report_text_kind(const struct report *report, struct buffer *out,
    enum option_kind kind, bool cheapest_only)
{
	const struct cost_result *cost = &report->cost;
	char label[256], row[300];
	bool heading = false;
	for (size_t i = 0; i < cost->count; i++) {
		const struct cost_option *o = &cost->options[i];
		if (o->kind != kind || (cheapest_only &&
		    (int)i != cost->cheapest[kind]))
			continue;
		if (!heading) {
			buffer_add(out, report_kind_label(kind));
			buffer_add(out, "\n");
			heading = true;
		}
		report_option_label(o, label, sizeof label);
		snprintf(row, sizeof row, "  %s%s", o->comparable ? "" : "*",
		    label);
		report_text_row(out, row, &o->monthly);
	}
}

/* Appends "prefix text" wrapped at 78 columns with a hanging indent. */
static void
report_text_item(struct buffer *out, const char *prefix, const char *text)
{
	struct buffer wrapped;
	size_t indent = strlen(prefix);
	buffer_init(&wrapped);
	report_wrap(&wrapped, text, 78 - (int)indent);
	bool first = true;
	for (char *line = wrapped.data; line != NULL && *line != '\0';) {
		char *end = strchr(line, '\n');
		if (first)
			buffer_add(out, prefix);
		else
			buffer_add_repeat(out, " ", indent);
		buffer_add_length(out, line, end ? (size_t)(end - line) :
		    strlen(line));
		buffer_add_char(out, '\n');
		first = false;
		line = end ? end + 1 : NULL;
	}
	buffer_free(&wrapped);
}

/* The verdict, its reasons, warnings, flip points and quality view. */
static void
report_text_verdict(const struct report *report, struct buffer *out)
{
	const struct rules_outcome *o = &report->outcome;
	struct buffer line;
	char prefix[64];

	if (o->verdict == VERDICT_NONE)
		return;
	buffer_init(&line);
	buffer_printf(&line, "%s: %s (", _("Verdict"),
	    rules_verdict_phrase(o->verdict));
	report_confidence_sentence(report, &line);
	buffer_add(&line, ")");
	report_wrap(out, line.data ? line.data : "", 78);
	buffer_free(&line);
	buffer_add(out, "\n");
	buffer_printf(out, "%s\n", _("Why, strongest first:"));
	for (size_t i = 0; i < o->fired_count; i++) {
		const struct rule *rule = &report->rules->rules[o->fired[i]];
		buffer_init(&line);
		rules_reason_text(report->rules, o, i, report->metrics, &line);
		if (rule->effect == RULES_VETO)
			snprintf(prefix, sizeof prefix, "  %-6s  ", _("rules"));
		else
			util_snprintf_c(prefix, sizeof prefix, "  %-6s %4.1f  ",
			    rules_verdict_name(rule->favours), o->weight[i]);
		report_text_item(out, prefix, line.data ? line.data : "");
		buffer_free(&line);
	}
	if (o->warning_count > 0) {
		buffer_printf(out, "\n%s\n", _("Warnings:"));
		for (size_t i = 0; i < o->warning_count; i++) {
			buffer_init(&line);
			rules_warning_text(report->rules, o, i, report->metrics,
			    &line);
			report_text_item(out, "  ! ", line.data ? line.data : "");
			buffer_free(&line);
		}
	}
	buffer_printf(out, "\n%s\n", _("What would change it:"));
	if (report->flip_count == 0)
		report_text_item(out, "  ", _("Nothing within the sliders' "
		    "ranges changes the verdict."));
	for (size_t i = 0; i < report->flip_count; i++) {
		buffer_init(&line);
		report_flip_sentence(report, i, &line);
		report_text_item(out, "  - ", line.data ? line.data : "");
		buffer_free(&line);
	}
	buffer_add(out, "\n");
	report_wrap(out, _("Quality view (expected success over the task mix, "
	    "cost per million tokens that succeed):"), 78);
	for (int v = 0; v < VERDICT_COUNT; v++) {
		char rate[32], cost[48];
		util_format_percent(rate, sizeof rate,
		    metrics_success(report->metrics, v));
		util_format_money(cost, sizeof cost,
		    metrics_cost_per_success_of(report->metrics, v));
		buffer_add(out, "  ");
		report_cell(out, rules_verdict_phrase(v), 24, false);
		buffer_printf(out, " %6s  %10s\n", rate, cost);
	}
	buffer_add(out, "\n");
}

/* Plain text for an 80-column terminal. */
void
report_render_text(const struct report *report, struct buffer *out)
{
	const struct profile *p = &report->profile;
	char money[48];

	buffer_printf(out, "%s\n", _("llmadvisor: closed API or self-hosted "
	    "open weights?"));
	buffer_add(out, _("Workload: "));
	report_workload_line(report, out);
	buffer_add(out, "\n");
	util_format_money(money, sizeof money, p->hourly_rate);
	{
		char hours[32], horizon[32];
		util_snprintf_c(hours, sizeof hours, "%g",
		    profile_ops_hours(p, report->data));
		util_snprintf_c(horizon, sizeof horizon, "%g", p->horizon_months);
		buffer_printf(out, _("Team: expertise %s, %s per hour, %s ops "
		    "hours per month; horizon %s months\n"),
		    data_expertise_name(p->expertise), money, hours, horizon);
	}
	buffer_add(out, "\n");
	report_text_verdict(report, out);
	buffer_printf(out, "%s\n\n", _("Cheapest option of each kind, USD per "
	    "month:"));
	report_text_table_head(out);
	for (int k = 0; k < OPTION_KIND_COUNT; k++)
		report_text_kind(report, out, (enum option_kind)k, true);
	buffer_add(out, "\n");
	report_wrapped(report, out, report_breakeven_line);
	report_wrapped(report, out, report_payback_line);
	buffer_add(out, "\n");

	buffer_printf(out, "%s\n\n", _("Every option considered:"));
	report_text_table_head(out);
	for (int k = 0; k < OPTION_KIND_COUNT; k++)
		report_text_kind(report, out, (enum option_kind)k, false);
	struct buffer notes;
	size_t unverified = 0;
	for (size_t i = 0; i < report->data->figure_count; i++)
		unverified += !report->data->figures[i]->verified;
	buffer_init(&notes);
	buffer_printf(&notes, "\n%s\n", _("* a smaller model than the "
	    "self-hosted one: listed, not compared."));
	buffer_printf(&notes, ngettext_("%zu of %zu figures in the data is not "
	    "verified; see -f markdown or -f json for every source.",
	    "%zu of %zu figures in the data are not verified; see -f markdown "
	    "or -f json for every source.", unverified), unverified,
	    report->data->figure_count);
	if (notes.data != NULL)
		report_wrap(out, notes.data, 78);
	buffer_free(&notes);
}

/* Escapes a table cell for GitHub-flavoured markdown. */
static void
report_markdown_cell(struct buffer *out, const char *text)
{
	for (const char *p = text; *p != '\0'; p++) {
		if (*p == '|' || *p == '\\' || *p == '*' || *p == '_' ||
		    *p == '`' || *p == '<' || *p == '[' || *p == ']')
			buffer_add_char(out, '\\');
		if (*p == '\n')
			buffer_add_char(out, ' ');
		else
			buffer_add_char(out, *p);
	}
}

static void
report_markdown_money(struct buffer *out, double usd)
{
	char money[48];
	util_format_money(money, sizeof money, usd);
	buffer_add(out, " | ");
	buffer_add(out, money);
}

/* Markdown text outside tables: escape what would start markup. */
static void
report_markdown_text(struct buffer *out, const char *text)
{
	for (const char *p = text; *p != '\0'; p++) {
		if (*p == '\\' || *p == '*' || *p == '_' || *p == '`' ||
		    *p == '<' || *p == '[' || *p == ']' || *p == '|')
			buffer_add_char(out, '\\');
		buffer_add_char(out, *p);
	}
}

/* The verdict and the reasoning behind it. */
static void
report_markdown_verdict(const struct report *report, struct buffer *out)
{
	const struct rules_outcome *o = &report->outcome;
	struct buffer line;
	if (o->verdict == VERDICT_NONE)
		return;
	buffer_printf(out, "## %s: %s\n\n", _("Verdict"),
	    rules_verdict_phrase(o->verdict));
	buffer_init(&line);
	report_confidence_sentence(report, &line);
	buffer_printf(out, "**%s** (%s).\n\n", rules_verdict_phrase(o->verdict),
	    line.data ? line.data : "");
	buffer_free(&line);
	buffer_printf(out, "### %s\n\n", _("Why"));
	for (size_t i = 0; i < o->fired_count; i++) {
		const struct rule *rule = &report->rules->rules[o->fired[i]];
		char weight[48];
		buffer_init(&line);
		rules_reason_text(report->rules, o, i, report->metrics, &line);
		if (rule->effect == RULES_VETO)
			snprintf(weight, sizeof weight, "%s", _("rules out options"));
		else
			util_snprintf_c(weight, sizeof weight, "%s, %.1f",
			    rules_verdict_name(rule->favours), o->weight[i]);
		buffer_printf(out, "%zu. ", i + 1);
		report_markdown_text(out, line.data ? line.data : "");
		buffer_printf(out, " *(%s: %s)*\n", rule->id, weight);
		buffer_free(&line);
	}
	buffer_add(out, "\n");
	if (o->warning_count > 0) {
		buffer_printf(out, "### %s\n\n", _("Warnings"));
		for (size_t i = 0; i < o->warning_count; i++) {
			buffer_init(&line);
			rules_warning_text(report->rules, o, i, report->metrics,
			    &line);
			buffer_add(out, "- ");
			report_markdown_text(out, line.data ? line.data : "");
			buffer_add(out, "\n");
			buffer_free(&line);
		}
		buffer_add(out, "\n");
	}
	buffer_printf(out, "### %s\n\n", _("What would change it"));
	if (report->flip_count == 0)
		buffer_printf(out, "%s\n", _("Nothing within the sliders' ranges "
		    "changes the verdict."));
	for (size_t i = 0; i < report->flip_count; i++) {
		buffer_init(&line);
		report_flip_sentence(report, i, &line);
		buffer_add(out, "- ");
		report_markdown_text(out, line.data ? line.data : "");
		buffer_add(out, "\n");
		buffer_free(&line);
	}
	buffer_add(out, "\n");
	buffer_printf(out, "### %s\n\n", _("Quality view"));
	buffer_printf(out, "| %s | %s | %s |\n|---|--:|--:|\n", _("Outcome"),
	    _("Expected success"), _("Cost per million successful tokens"));
	for (int v = 0; v < VERDICT_COUNT; v++) {
		char rate[32], cost[48];
		util_format_percent(rate, sizeof rate,
		    metrics_success(report->metrics, v));
		util_format_money(cost, sizeof cost,
		    metrics_cost_per_success_of(report->metrics, v));
		buffer_printf(out, "| %s | %s | %s |\n", rules_verdict_phrase(v),
		    rate, cost);
	}
	buffer_add(out, "\n");
}

/* The markdown decision report. */
void
report_render_markdown(const struct report *report, struct buffer *out)
{
	const struct cost_result *cost = &report->cost;
	const struct profile *p = &report->profile;
	char label[256], value[256];

	buffer_printf(out, "# %s\n\n", _("LLM decision report: closed API or "
	    "self-hosted open weights"));
	buffer_printf(out, _("Generated by %s from the data files %s, %s and "
	    "%s."), PACKAGE_STRING, report->data->models_file,
	    report->data->gpus_file, report->data->defaults_file);
	buffer_add(out, "\n\n");

	report_markdown_verdict(report, out);
	buffer_printf(out, "## %s\n\n", _("Your inputs"));
	buffer_printf(out, "| %s | %s |\n|---|---|\n", _("Question"),
	    _("Answer"));
	for (size_t i = 0; i < profile_field_count; i++) {
		const struct profile_field *f = &profile_fields[i];
		profile_format_value(p, report->data, f, value, sizeof value);
		buffer_add(out, "| ");
		report_markdown_cell(out, _(f->label));
		buffer_add(out, " | ");
		report_markdown_cell(out, value);
		buffer_add(out, " |\n");
	}
	buffer_add(out, "\n");

	buffer_printf(out, "## %s\n\n", _("Costs"));
	report_workload_line(report, out);
	buffer_printf(out, ".\n%s\n\n", _("Cheapest option of each kind, USD "
	    "per month:"));
	buffer_printf(out, "| %s | %s | %s | %s | %s | %s | %s |\n",
	    _("Kind"), _("Option"), _("Compute"), _("Engineering"), _("Setup"),
	    _("Hardware"), _("Total"));
	buffer_add(out, "|---|---|--:|--:|--:|--:|--:|\n");
	for (int k = 0; k < OPTION_KIND_COUNT; k++) {
		if (cost->cheapest[k] < 0)
			continue;
		const struct cost_option *o = &cost->options[cost->cheapest[k]];
		report_option_label(o, label, sizeof label);
		buffer_add(out, "| ");
		report_markdown_cell(out, report_kind_label((enum option_kind)k));
		buffer_add(out, " | ");
		report_markdown_cell(out, label);
		report_markdown_money(out, o->monthly.compute);
		report_markdown_money(out, o->monthly.engineering);
		report_markdown_money(out, o->monthly.setup);
		report_markdown_money(out, o->monthly.hardware);
		report_markdown_money(out, o->monthly.total);
		buffer_add(out, " |\n");
	}
	buffer_add(out, "\n");
	report_breakeven_line(report, out);
	buffer_add(out, "\n");
	report_payback_line(report, out);
	buffer_add(out, "\n\n");

	buffer_printf(out, "## %s\n\n", _("Assumptions"));
	buffer_printf(out, "%s\n\n", _("Every figure the model used, with where "
	    "it comes from. Unverified figures are estimates: check them "
	    "before you rely on the result."));
	buffer_printf(out, "| %s | %s | %s | %s | %s | %s |\n",
	    _("Figure"), _("Value"), _("Range"), _("Source"), _("As of"),
	    _("Verified"));
	buffer_add(out, "|---|--:|---|---|---|---|\n");
	for (size_t i = 0; i < report->data->figure_count; i++) {
		const struct figure *f = report->data->figures[i];
		char number[64], range[96];
		util_snprintf_c(number, sizeof number, "%g %s", f->value, f->unit);
		util_snprintf_c(range, sizeof range, "%g to %g", f->low, f->high);
		buffer_add(out, "| ");
		report_markdown_cell(out, f->key);
		buffer_add(out, " | ");
		report_markdown_cell(out, number);
		buffer_add(out, " | ");
		report_markdown_cell(out, range);
		buffer_add(out, " | ");
		report_markdown_cell(out, f->source);
		buffer_add(out, " | ");
		report_markdown_cell(out, f->as_of);
		buffer_add(out, " | ");
		buffer_add(out, f->verified ? _("yes") : _("**no**"));
		buffer_add(out, " |\n");
	}
}
