/* report_text.c - the result as plain text for an 80-column terminal. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "i18n.h"
#include "metrics.h"
#include "report.h"

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

/* Appends " $1,234" right-aligned in width columns.  A figure wider than
 * its column ("405.000 $" in German) is written whole, moving the rest
 * of its row: a number cut to "405.00~" would read as another number. */
static void
report_money_cell(struct buffer *out, double usd, int width,
    enum i18n_language language)
{
	char money[48];
	util_format_money_in(language, money, sizeof money, usd);
	buffer_add(out, " ");
	if (report_width(money) > width)
		buffer_add(out, money);
	else
		report_cell(out, money, width, true);
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
report_wrapped(const struct evaluation *report, struct buffer *out,
    void (*sentence)(const struct evaluation *, struct buffer *))
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
    const struct cost_monthly *m, enum i18n_language language)
{
	if (report_width(label) > TEXT_LABEL_WIDTH) {
		buffer_add(out, label);
		buffer_add(out, "\n");
		label = "";
	}
	report_cell(out, label, TEXT_LABEL_WIDTH, false);
	report_money_cell(out, m->compute, TEXT_MONEY_WIDTH, language);
	report_money_cell(out, m->engineering, TEXT_MONEY_WIDTH, language);
	report_money_cell(out, m->setup, TEXT_MONEY_WIDTH, language);
	report_money_cell(out, m->hardware, TEXT_MONEY_WIDTH, language);
	report_money_cell(out, m->total, TEXT_MONEY_WIDTH, language);
	buffer_add(out, "\n");
}

/* The rows of one kind under its heading; cheapest_only keeps the
 * cheapest comparable one. */
static void
report_text_kind(const struct evaluation *report,
    enum i18n_language language, struct buffer *out, enum option_kind kind,
    bool cheapest_only)
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
		report_text_row(out, row, &o->monthly, language);
	}
}

/* "lead amount " with the amount padded to width display columns, the
 * prefix of an adjustment or reason line. */
static void
report_text_prefix(char *out, size_t size, const char *lead,
    const char *amount, int width)
{
	int pad = width - report_width(amount);
	snprintf(out, size, "%s%s%*s ", lead, amount, pad > 0 ? pad : 0, "");
}

/* Appends "prefix text" wrapped at 78 columns with a hanging indent. */
static void
report_text_item(struct buffer *out, const char *prefix, const char *text)
{
	struct buffer wrapped;
	/* By display width: a German amount holds a two-byte space. */
	size_t indent = (size_t)report_width(prefix);
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

/* A heading and a rule under it. */
static void
report_text_heading(struct buffer *out, const char *title)
{
	buffer_printf(out, "\n%s\n", title);
	buffer_add_repeat(out, "=", (size_t)report_width(title));
	buffer_add(out, "\n");
}

#define TEXT_OUTCOME_WIDTH 24
#define TEXT_OUTCOME_MONEY 9

/* The head of the outcome table. */
static void
report_text_outcome_head(struct buffer *out)
{
	const char *heads[] = { _("Monthly"), _("Adjust."), _("Success"),
	    _("Effective") };
	buffer_add(out, "  ");
	report_cell(out, _("Outcome"), TEXT_OUTCOME_WIDTH, false);
	for (size_t i = 0; i < 4; i++) {
		buffer_add(out, " ");
		report_cell(out, heads[i], TEXT_OUTCOME_MONEY, true);
	}
	buffer_add(out, "  ");
	buffer_add(out, _("Status"));
	buffer_add(out, "\n");
	buffer_add_repeat(out, "-", 78);
	buffer_add(out, "\n");
}

/* One outcome: marker, phrase, money and standing on one line, then its
 * option and its adjustment lines below, indented. */
static void
report_text_outcome(const struct evaluation *report,
    enum i18n_language language, enum verdict v, struct buffer *out)
{
	const struct decision *d = &report->outcome;
	const struct decide_ledger *l = &d->ledgers[v];
	const struct cost_option *option = decide_option(d, &report->cost, v);
	struct buffer line;
	char label[256], amount[64], rate[32];

	buffer_add(out, v == d->verdict ? "> " : "  ");
	report_cell(out, rules_verdict_phrase(v), TEXT_OUTCOME_WIDTH, false);
	if (option == NULL) {
		/* Vetoed kinds leave an outcome without an option: say which
		 * veto, not that the data has none. */
		buffer_init(&line);
		if (l->vetoed_by_count > 0)
			report_outcome_status(report, v, true, &line);
		else
			buffer_add(&line, _("no option in the data fits"));
		buffer_printf(out, "  %s\n", line.data ? line.data : "");
		buffer_free(&line);
		return;
	}
	report_money_cell(out, l->monthly.total, TEXT_OUTCOME_MONEY, language);
	report_reason_amount(amount, sizeof amount, l->adjustments_total);
	buffer_add(out, " ");
	report_cell(out, l->adjustment_count ? amount : "-",
	    TEXT_OUTCOME_MONEY, true);
	util_format_percent_in(language, rate, sizeof rate, l->success);
	buffer_add(out, " ");
	report_cell(out, rate, TEXT_OUTCOME_MONEY, true);
	report_money_cell(out, l->effective, TEXT_OUTCOME_MONEY, language);
	buffer_init(&line);
	report_outcome_status(report, v, false, &line);
	buffer_printf(out, "  %s\n", line.data ? line.data : "");
	buffer_free(&line);
	report_option_label(option, label, sizeof label);
	report_text_item(out, "    ", label);
	if (l->vetoed_by_count > 0) {
		buffer_init(&line);
		report_outcome_status(report, v, true, &line);
		report_text_item(out, "    ", line.data ? line.data : "");
		buffer_free(&line);
	}
	for (size_t i = 0; i < l->adjustment_count; i++) {
		char prefix[80];
		buffer_init(&line);
		decide_adjustment_text(report->rules, d, v, i, report->metrics,
		    language, &line);
		report_reason_amount(amount, sizeof amount,
		    l->adjustments[i].amount);
		report_text_prefix(prefix, sizeof prefix, "    ", amount, 8);
		report_text_item(out, prefix, line.data ? line.data : "");
		buffer_free(&line);
	}
}

/* The four outcomes' ledgers, the recommended one marked with ">". */
static void
report_text_outcomes(const struct evaluation *report,
    enum i18n_language language, struct buffer *out)
{
	static const enum verdict order[VERDICT_COUNT] = {
		VERDICT_CLOSED, VERDICT_OPEN_HOSTED, VERDICT_OPEN, VERDICT_HYBRID
	};
	if (report->rules == NULL)
		return;
	report_text_heading(out, _("The four outcomes, USD per month"));
	report_text_outcome_head(out);
	for (int i = 0; i < VERDICT_COUNT; i++)
		report_text_outcome(report, language, order[i], out);
	buffer_add(out, "\n");
	report_wrap(out, report_outcome_legend(), 78);
}

/* The verdict, its summary, reasons, warnings and flip points. */
static void
report_text_verdict(const struct evaluation *report,
    enum i18n_language language, struct buffer *out)
{
	const struct decision *o = &report->outcome;
	struct buffer line;
	char prefix[80], amount[64];

	if (o->verdict == VERDICT_NONE)
		return;
	buffer_init(&line);
	buffer_printf(&line, "%s: ", _("Verdict"));
	report_verdict_phrase(report, I18N_TRANSLATED, &line);
	report_text_heading(out, line.data ? line.data : "");
	buffer_free(&line);
	buffer_init(&line);
	report_summary(report, &line);
	report_wrap(out, line.data ? line.data : "", 78);
	buffer_free(&line);
	report_text_outcomes(report, language, out);

	report_text_heading(out, _("Why, largest amount first"));
	for (size_t i = 0; i < o->reason_count; i++) {
		const struct decide_reason *r = &o->reasons[i];
		buffer_init(&line);
		decide_reason_text(report->rules, o, i, report->metrics, language,
		    &line);
		report_reason_note(report, i, language, &line);
		if (r->line == DECIDE_LINE_VETO)
			snprintf(amount, sizeof amount, "%s", _("veto"));
		else
			report_reason_amount(amount, sizeof amount, r->weight);
		report_text_prefix(prefix, sizeof prefix, "  ", amount, 9);
		report_text_item(out, prefix, line.data ? line.data : "");
		buffer_free(&line);
	}
}

/* Rule warnings, conflicts, stale and unverified figures. */
static void
report_text_warnings(const struct evaluation *report,
    enum i18n_language language, struct buffer *out)
{
	const struct decision *o = &report->outcome;
	struct buffer line;
	size_t unverified = 0;

	report_text_heading(out, _("Warnings and caveats"));
	for (size_t i = 0; report->rules &&
	    i < decide_warning_count(o); i++) {
		buffer_init(&line);
		decide_warning_text(report->rules, o, i, report->metrics, language,
		    &line);
		report_text_item(out, "  ! ", line.data ? line.data : "");
		buffer_free(&line);
	}
	if (o->conflict)
		report_text_item(out, "  ! ", _("The hard requirements rule out "
		    "every outcome: there is no verdict until one of them changes."));
	if (report->stale_count > 0) {
		buffer_init(&line);
		report_stale_sentence(report, language, &line);
		report_text_item(out, "  ! ", line.data ? line.data : "");
		buffer_free(&line);
	}
	for (size_t i = 0; i < report->data->figure_count; i++)
		unverified += !data_figure_at(report->data, i)->verified;
	buffer_init(&line);
	buffer_printf(&line, ngettext_("%zu of %zu figures in the data is an "
	    "estimate or not verified against a source (listed at the end).",
	    "%zu of %zu figures in the data are estimates or not verified "
	    "against a source (listed at the end).", unverified), unverified,
	    report->data->figure_count);
	report_text_item(out, "  - ", line.data ? line.data : "");
	buffer_free(&line);
}

/* Flip points, the quality view and the Monte Carlo spread. */
static void
report_text_sensitivity(const struct evaluation *report,
    enum i18n_language language, struct buffer *out)
{
	const struct sensitivity_uncertainty *u = &report->uncertainty;
	struct buffer line;
	if (report->outcome.verdict == VERDICT_NONE)
		return;
	report_text_heading(out, _("What would change it"));
	if (report->flip_count == 0)
		report_text_item(out, "  ", _("No slider within its range changes "
		    "the verdict."));
	for (size_t i = 0; i < report->flip_count; i++) {
		buffer_init(&line);
		report_flip_sentence(report, i, &line);
		report_text_item(out, "  - ", line.data ? line.data : "");
		buffer_free(&line);
	}
	report_text_heading(out, _("Quality view"));
	report_wrap(out, _("Expected success over the task mix, and what a "
	    "million tokens that succeed cost:"), 78);
	int phrase_width = 0;
	for (int v = 0; v < VERDICT_COUNT; v++)
		if (report_width(rules_verdict_phrase(v)) > phrase_width)
			phrase_width = report_width(rules_verdict_phrase(v));
	for (int v = 0; v < VERDICT_COUNT; v++) {
		char rate[32], cost[48];
		util_format_percent_in(language, rate, sizeof rate,
		    metrics_success(report->metrics, v));
		util_format_money_in(language, cost, sizeof cost,
		    metrics_cost_per_success_of(report->metrics, v));
		buffer_add(out, "  ");
		report_cell(out, rules_verdict_phrase(v), phrase_width, false);
		/* Cells by display width: a German "88 %" holds a
		 * two-byte no-break space. */
		buffer_add(out, " ");
		report_cell(out, rate, 6, true);
		buffer_add(out, "  ");
		report_cell(out, cost, 10, true);
		buffer_add(out, "\n");
	}
	if (u->samples == 0)
		return;
	report_text_heading(out, _("Uncertainty"));
	buffer_init(&line);
	char count[32];
	util_format_count_in(language, count, sizeof count, u->samples);
	buffer_printf(&line, ngettext_("%s scenario (seed %lu) drawn from the "
	    "figures' ranges:", "%s scenarios (seed %lu) drawn from the "
	    "figures' ranges:", u->samples), count, u->seed);
	for (int v = 0; v < VERDICT_COUNT; v++) {
		char share[32];
		util_format_percent_in(language, share, sizeof share,
		    u->share[v]);
		buffer_printf(&line, " %s %s%s", rules_verdict_phrase(v), share,
		    v + 1 < VERDICT_COUNT ? "," : ".");
	}
	report_wrap(out, line.data ? line.data : "", 78);
	buffer_free(&line);
	buffer_add(out, "\n");
	report_cell(out, _("Cheapest of each kind, USD/month"), 40, false);
	buffer_printf(out, " %10s %10s %10s\n", "P10", "P50", "P90");
	for (int k = 0; k < OPTION_KIND_COUNT; k++) {
		char p10[48], p50[48], p90[48];
		if (isnan(u->p50[k]))
			continue;
		util_format_money_in(language, p10, sizeof p10, u->p10[k]);
		util_format_money_in(language, p50, sizeof p50, u->p50[k]);
		util_format_money_in(language, p90, sizeof p90, u->p90[k]);
		buffer_add(out, "  ");
		report_cell(out, report_kind_label((enum option_kind)k), 38, false);
		const char *cells[] = { p10, p50, p90 };
		for (size_t i = 0; i < 3; i++) {
			buffer_add(out, " ");
			report_cell(out, cells[i], 10, true);
		}
		buffer_add(out, "\n");
	}
}

/* The cost-against-volume chart, drawn in ASCII. */
static void
report_text_chart(const struct evaluation *report, struct buffer *out)
{
	report_text_heading(out, _("Cost against volume"));
	report_chart_text(report, true, out);
}

/* The article's checklist with the items that hold ticked. */
static void
report_text_checklist(const struct evaluation *report, struct buffer *out)
{
	struct report_check checks[REPORT_MAX_CHECKS];
	size_t n = report_checklist(report, checks);
	report_text_heading(out, _("Decision framework"));
	for (int v = 0; v < VERDICT_COUNT; v++) {
		if (report_check_heading(v) == NULL)
			continue;
		buffer_printf(out, "%s ...\n", report_check_heading(v));
		for (size_t i = 0; i < n; i++)
			if (checks[i].outcome == (enum verdict)v)
				report_text_item(out, checks[i].applies ? "  [x] " :
				    "  [ ] ", _(checks[i].text));
	}
}

/* The figures a reader should check: unverified and stale ones. */
static void
report_text_assumptions(const struct evaluation *report,
    enum i18n_language language, struct buffer *out)
{
	report_text_heading(out, _("Figures to check"));
	report_wrap(out, _("Estimates, unverified figures and stale prices; -f "
	    "markdown and -f json list every figure with its source."), 78);
	for (size_t i = 0; i < report->data->figure_count; i++) {
		const struct figure *f = data_figure_at(report->data, i);
		bool stale = report_figure_is_stale(report, i);
		char line[512], value[128], range[160];
		if (f->verified && !stale)
			continue;
		report_figure_value(f, language, value, sizeof value);
		report_figure_range(f, language, range, sizeof range);
		snprintf(line, sizeof line, "%s = %s (%s), %s%s", f->key, value,
		    range, f->as_of, stale ? _(", stale") : "");
		report_text_item(out, "  - ", line);
	}
}

/* The team's expertise in a few words, for the header's sentence. */
static const char *
report_text_expertise(enum expertise expertise)
{
	switch (expertise) {
	case EXPERTISE_NONE: return _("no ML-infrastructure experience");
	case EXPERTISE_SOME: return _("some experience serving models");
	default: return _("ML-infrastructure engineers on staff");
	}
}

/* Plain text for an 80-column terminal: the same content as the markdown
 * report. */
void
report_render_text(const struct evaluation *report, enum i18n_language language,
    struct buffer *out)
{
	const struct profile *p = &report->profile;
	char money[48], hours[128], horizon[96], number[64];
	struct buffer line;
	size_t start = out->length;

	buffer_printf(out, "%s\n", _("LLM decision report: closed API or "
	    "self-hosted open weights"));
	buffer_init(&line);
	buffer_printf(&line, _("Generated on %s by %s."), report->date,
	    PACKAGE_STRING);
	buffer_add(&line, " ");
	report_workload_sentence(report, &line);
	buffer_add(&line, ". ");
	util_format_money_in(language, money, sizeof money, p->hourly_rate);
	double ops = profile_ops_hours(p, report->data);
	util_format_number_in(language, number, sizeof number, ops, 2);
	snprintf(hours, sizeof hours, i18n_plural(language, "%s ops hour per "
	    "month", "%s ops hours per month", util_plural_count(ops)), number);
	util_format_number_in(language, number, sizeof number,
	    p->horizon_months, 2);
	snprintf(horizon, sizeof horizon, i18n_plural(language, "%s month",
	    "%s months", util_plural_count(p->horizon_months)), number);
	/* TRANSLATORS: "Team: <some experience serving models>, <$100> per
	 * hour, <10 ops hours per month>; horizon <12 months>." */
	buffer_printf(&line, i18n_text(language, "Team: %s, %s per hour, %s; "
	    "horizon %s."), report_text_expertise(p->expertise), money,
	    hours, horizon);
	report_wrap(out, line.data ? line.data : "", 78);
	buffer_free(&line);

	report_text_verdict(report, language, out);
	report_text_warnings(report, language, out);
	buffer_add(out, "\n");
	report_wrapped(report, out, report_rule_files_sentence);

	report_text_heading(out, _("Costs, USD per month"));
	report_text_table_head(out);
	for (int k = 0; k < OPTION_KIND_COUNT; k++)
		report_text_kind(report, language, out, (enum option_kind)k, true);
	buffer_add(out, "\n");
	report_wrapped(report, out, report_breakeven_sentence);
	report_wrapped(report, out, report_payback_sentence);
	report_wrapped(report, out, report_discount_sentence);
	report_wrapped(report, out, report_self_hosted_sentence);

	report_text_sensitivity(report, language, out);
	report_text_chart(report, out);
	report_text_checklist(report, out);

	report_text_heading(out, _("Every option considered"));
	report_text_table_head(out);
	for (int k = 0; k < OPTION_KIND_COUNT; k++)
		report_text_kind(report, language, out, (enum option_kind)k, false);
	report_wrap(out, _("* listed, not compared: a retired model, a smaller "
	    "model than the self-hosted one or, for the best quality, a closed "
	    "model below the frontier."), 78);
	report_text_assumptions(report, language, out);
	/* Names and sources come from data files, which may be anyone's. */
	buffer_escape_controls(out, start);
}
