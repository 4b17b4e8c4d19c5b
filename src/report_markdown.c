/* report_markdown.c - the decision report as GitHub-flavoured markdown:
 * it must stand on its own in a design review, render on GitHub and read
 * well as plain text, and be byte-identical for the same answers, data,
 * seed and SOURCE_DATE_EPOCH. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "metrics.h"
#include "report.h"

/* Escapes what would start markup inside a table cell or a paragraph. */
static void
report_markdown_escape(struct buffer *out, const char *text)
{
	for (const char *p = text; *p != '\0'; p++) {
		if (*p == '|' || *p == '\\' || *p == '*' || *p == '_' ||
		    *p == '`' || *p == '<' || *p == '[' || *p == ']' || *p == '#')
			buffer_add_char(out, '\\');
		buffer_add_char(out, *p == '\n' ? ' ' : *p);
	}
}

/* Appends " | $1,234" (a money cell after another cell). */
static void
report_markdown_money(struct buffer *out, double usd,
    enum i18n_language language)
{
	char money[48];
	util_format_money_in(language, money, sizeof money, usd);
	buffer_add(out, " | ");
	buffer_add(out, money);
}

/* A sentence built by one of the report_*_sentence functions, escaped. */
static void
report_markdown_sentence(const struct evaluation *report, struct buffer *out,
    void (*sentence)(const struct evaluation *, struct buffer *))
{
	struct buffer text;
	buffer_init(&text);
	sentence(report, &text);
	if (text.data != NULL)
		report_markdown_escape(out, text.data);
	buffer_free(&text);
}

static void
report_markdown_heading(const struct evaluation *report, struct buffer *out)
{
	const struct data *data = report->data;
	const struct decision *o = &report->outcome;
	struct buffer line;

	buffer_printf(out, "# %s\n\n", _("LLM decision report: closed API or "
	    "self-hosted open weights"));
	buffer_printf(out, _("Generated on %s by %s. Data: models as of %s, GPUs "
	    "as of %s, defaults as of %s."), report->date, PACKAGE_STRING,
	    report_data_as_of(report, data->models_file),
	    report_data_as_of(report, data->gpus_file),
	    report_data_as_of(report, data->defaults_file));
	buffer_add(out, "\n\n");
	if (o->verdict == VERDICT_NONE)
		return;
	buffer_printf(out, "## %s: ", _("Verdict"));
	buffer_init(&line);
	report_verdict_phrase(report, I18N_TRANSLATED, &line);
	if (line.data != NULL)
		report_markdown_escape(out, line.data);
	buffer_free(&line);
	buffer_add(out, "\n\n");
	buffer_init(&line);
	report_summary(report, &line);
	if (line.data != NULL)
		report_markdown_escape(out, line.data);
	buffer_free(&line);
	buffer_add(out, "\n\n");
}

/* An answer as a person reads it, in the language: "250 Mio. Token pro
 * Monat", "25 %", the choice's label rather than its name. */
static void
report_markdown_answer(const struct evaluation *report,
    const struct profile_field *f, enum i18n_language language,
    struct buffer *out)
{
	const char *unit = f->unit != NULL ? f->unit : "";
	double v = profile_get_value(&report->profile, f);
	char number[128];

	if (strcmp(f->key, "hardware") == 0 &&
	    report->profile.owned_gpu[0] != '\0') {
		/* GPUs owned by id: "2x a6000". */
		buffer_printf(out, "%dx %s", report->profile.owned_gpu_count,
		    report->profile.owned_gpu);
		return;
	}
	if (f->type == PROFILE_CHOICE || f->type == PROFILE_FLAGS) {
		size_t n = 0;
		if (f->labels == NULL || f->names == NULL) {
			/* No readable labels: the answers file's word. */
			char raw[256];
			profile_format_value(&report->profile, report->data, f,
			    raw, sizeof raw);
			buffer_add(out, raw);
			return;
		}
		for (int i = 0; f->names[i] != NULL; i++) {
			bool chosen = f->type == PROFILE_CHOICE ? (int)v == i :
			    ((unsigned)v & (1u << i)) != 0;
			if (!chosen)
				continue;
			buffer_add(out, n++ ? ", " : "");
			buffer_add(out, i18n_text(language, f->labels[i]));
		}
		if (n == 0)
			/* TRANSLATORS: an empty list of answers. */
			buffer_add(out, language == I18N_TRANSLATED ?
			    pgettext_("answer", "none") : "none");
		return;
	}
	if (f == profile_find_field("team.ops_hours_per_month"))
		v = profile_ops_hours(&report->profile, report->data);
	if (strcmp(unit, "x") == 0) {	/* a price factor */
		util_format_number_in(language, number, sizeof number, v, 2);
		buffer_printf(out, "x%s", number);
		return;
	}
	profile_format_readable_in(language, f, v, number, sizeof number);
	buffer_add(out, number);
}

/* The answers: each question, the answer in words and numbers of the
 * language, and the line of the answers file that gives it. */
static void
report_markdown_inputs(const struct evaluation *report,
    enum i18n_language language, struct buffer *out)
{
	char value[256];
	struct buffer answer;
	buffer_printf(out, "## %s\n\n", _("Your inputs"));
	buffer_printf(out, "| %s | %s | %s |\n|---|---|---|\n", _("Question"),
	    _("Answer"), _("In the answers file"));
	for (size_t i = 0; i < profile_field_count; i++) {
		const struct profile_field *f = &profile_fields[i];
		profile_format_value(&report->profile, report->data, f, value,
		    sizeof value);
		buffer_add(out, "| ");
		report_markdown_escape(out, _(f->label));
		buffer_add(out, " | ");
		buffer_init(&answer);
		report_markdown_answer(report, f, language, &answer);
		report_markdown_escape(out, answer.data ? answer.data : "");
		buffer_free(&answer);
		/* A code span holds any value but a backtick. */
		buffer_printf(out, " | `%s: %s` |\n", f->key,
		    strchr(value, '`') == NULL ? value : "?");
	}
	buffer_add(out, "\n");
}

/* One outcome's row: the recommended one in bold. */
static void
report_markdown_outcome(const struct evaluation *report, enum verdict v,
    enum i18n_language language, struct buffer *out)
{
	const struct decision *d = &report->outcome;
	const struct decide_ledger *l = &d->ledgers[v];
	const struct cost_option *option = decide_option(d, &report->cost, v);
	const char *bold = v == d->verdict ? "**" : "";
	struct buffer cell;
	char text[256];

	buffer_printf(out, "| %s%s%s | ", bold, rules_verdict_phrase(v), bold);
	if (option == NULL) {
		buffer_printf(out, "%s | | | | | ", l->vetoed_by_count > 0 ?
		    "-" : _("no option in the data fits"));
	} else {
		report_option_label(option, text, sizeof text);
		report_markdown_escape(out, text);
		report_markdown_money(out, l->monthly.total, language);
		report_reason_amount(text, sizeof text, l->adjustments_total);
		buffer_printf(out, " | %s | ", l->adjustment_count ? text : "-");
		util_format_percent_in(language, text, sizeof text, l->success);
		buffer_add(out, text);
		util_format_money_in(language, text, sizeof text, l->effective);
		buffer_printf(out, " | %s%s%s | ", bold, text, bold);
	}
	buffer_init(&cell);
	report_outcome_status(report, v, true, &cell);
	if (cell.data != NULL) {
		buffer_add(out, bold);
		report_markdown_escape(out, cell.data);
		buffer_add(out, bold);
	}
	buffer_free(&cell);
	buffer_add(out, " |\n");
}

/* The adjustment lines of every ledger, as a list under the table. */
static void
report_markdown_adjustments(const struct evaluation *report,
    enum i18n_language language, struct buffer *out)
{
	const struct decision *d = &report->outcome;
	struct buffer text;
	char amount[64];
	bool any = false;

	for (int v = 0; v < VERDICT_COUNT; v++) {
		const struct decide_ledger *l = &d->ledgers[v];
		for (size_t i = 0; l->available && i < l->adjustment_count; i++) {
			buffer_init(&text);
			decide_adjustment_text(report->rules, d, v, i,
			    report->metrics, language, &text);
			report_reason_amount(amount, sizeof amount,
			    l->adjustments[i].amount);
			buffer_printf(out, "- %s, %s (", rules_verdict_phrase(v),
			    amount);
			report_markdown_escape(out,
			    report->rules->rules[l->adjustments[i].rule].id);
			buffer_add(out, "): ");
			report_markdown_escape(out, text.data ? text.data : "");
			buffer_add(out, "\n");
			buffer_free(&text);
			any = true;
		}
	}
	if (any)
		buffer_add(out, "\n");
}

/* The four outcomes' ledgers, the recommendation in bold. */
static void
report_markdown_outcomes(const struct evaluation *report,
    enum i18n_language language, struct buffer *out)
{
	if (report->rules == NULL)
		return;
	buffer_printf(out, "## %s\n\n", _("The four outcomes"));
	buffer_printf(out, "%s\n\n", report_outcome_legend());
	buffer_printf(out, "| %s | %s | %s | %s | %s | %s | %s |\n",
	    _("Outcome"), _("Option"), _("Monthly"), _("Adjustments"),
	    _("Success"), _("Effective"), _("Status"));
	buffer_add(out, "|---|---|--:|--:|--:|--:|---|\n");
	for (int v = 0; v < VERDICT_COUNT; v++)
		report_markdown_outcome(report, v, language, out);
	buffer_add(out, "\n");
	report_markdown_adjustments(report, language, out);
}

/* What follows a reason, in the language: its amount (or "veto") and
 * the rule that gave it, or the ledger line it compares: "+$385, ledger
 * line: compute", "veto, rule quality-hard-tasks". */
static void
report_markdown_reason_tag(const struct evaluation *report, size_t index,
    const char *weight, enum i18n_language language, struct buffer *out)
{
	static const char *const lines[] = {
		[DECIDE_LINE_COMPUTE] = N_("compute"),
		[DECIDE_LINE_ENGINEERING] = N_("engineering time"),
		[DECIDE_LINE_SETUP] = N_("set-up"),
		[DECIDE_LINE_HARDWARE] = N_("hardware"),
		[DECIDE_LINE_QUALITY] = N_("expected success"),
	};
	const struct decide_reason *r = &report->outcome.reasons[index];
	if (r->line >= DECIDE_LINE_COMPUTE && r->line <= DECIDE_LINE_QUALITY)
		/* TRANSLATORS: "+$385, ledger line: compute". */
		buffer_printf(out, i18n_text(language, "%s, ledger line: %s"),
		    weight, i18n_text(language, lines[r->line]));
	else
		/* TRANSLATORS: "veto, rule quality-hard-tasks"; the rule's id
		 * stays as it is. */
		buffer_printf(out, i18n_text(language, "%s, rule %s"), weight,
		    decide_reason_id(report->rules, &report->outcome, index));
}

static void
report_markdown_reasons(const struct evaluation *report,
    enum i18n_language language, struct buffer *out)
{
	const struct decision *o = &report->outcome;
	struct buffer text, tag;
	if (o->verdict == VERDICT_NONE)
		return;
	buffer_printf(out, "## %s\n\n", _("Why"));
	buffer_printf(out, "%s\n\n", _("The hard requirements that ruled "
	    "outcomes out, then the lines of the ledgers that separate the "
	    "verdict from the others, largest amount first."));
	for (size_t i = 0; i < o->reason_count; i++) {
		const struct decide_reason *r = &o->reasons[i];
		char weight[64];
		buffer_init(&text);
		decide_reason_text(report->rules, o, i, report->metrics, language,
		    &text);
		report_reason_note(report, i, language, &text);
		if (r->line == DECIDE_LINE_VETO)
			snprintf(weight, sizeof weight, "%s",
			    i18n_text(language, "veto"));
		else
			report_reason_amount(weight, sizeof weight, r->weight);
		buffer_printf(out, "%zu. ", i + 1);
		report_markdown_escape(out, text.data ? text.data : "");
		buffer_add(out, " *(");
		buffer_init(&tag);
		report_markdown_reason_tag(report, i, weight, language, &tag);
		report_markdown_escape(out, tag.data ? tag.data : "");
		buffer_free(&tag);
		buffer_add(out, ")*\n");
		buffer_free(&text);
	}
	buffer_add(out, "\n");
}

static void
report_markdown_warnings(const struct evaluation *report,
    enum i18n_language language, struct buffer *out)
{
	const struct decision *o = &report->outcome;
	struct buffer text;
	size_t unverified = 0;
	for (size_t i = 0; i < report->data->figure_count; i++)
		unverified += !data_figure_at(report->data, i)->verified;
	buffer_printf(out, "## %s\n\n", _("Warnings and caveats"));
	for (size_t i = 0; report->rules &&
	    i < decide_warning_count(o); i++) {
		buffer_init(&text);
		decide_warning_text(report->rules, o, i, report->metrics, language,
		    &text);
		buffer_add(out, "- **");
		report_markdown_escape(out,
		    decide_warning_id(report->rules, o, i));
		buffer_add(out, "**: ");
		report_markdown_escape(out, text.data ? text.data : "");
		buffer_add(out, "\n");
		buffer_free(&text);
	}
	if (o->conflict)
		buffer_printf(out, "- **conflict**: %s\n", _("The hard "
		    "requirements rule out every outcome: there is no verdict until "
		    "one of them changes."));
	if (report->stale_count > 0) {
		buffer_add(out, "- **stale-prices**: ");
		buffer_init(&text);
		report_stale_sentence(report, language, &text);
		if (text.data != NULL)
			report_markdown_escape(out, text.data);
		buffer_free(&text);
		buffer_add(out, "\n");
	}
	buffer_add(out, "- ");
	buffer_printf(out, ngettext_("%zu of %zu figures in the data is an "
	    "estimate or not verified against a source; they are marked in the "
	    "assumptions below.", "%zu of %zu figures in the data are estimates "
	    "or not verified against a source; they are marked in the "
	    "assumptions below.", unverified), unverified,
	    report->data->figure_count);
	buffer_add(out, "\n\n");
}

static void
report_markdown_costs(const struct evaluation *report,
    enum i18n_language language, struct buffer *out)
{
	const struct cost_result *cost = &report->cost;
	char label[256];
	buffer_printf(out, "## %s\n\n", _("Costs"));
	report_markdown_sentence(report, out, report_workload_sentence);
	buffer_printf(out, ". %s\n\n", _("The cheapest option of each kind, in "
	    "USD per month:"));
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
		report_markdown_escape(out, report_kind_label((enum option_kind)k));
		buffer_add(out, " | ");
		report_markdown_escape(out, label);
		report_markdown_money(out, o->monthly.compute, language);
		report_markdown_money(out, o->monthly.engineering, language);
		report_markdown_money(out, o->monthly.setup, language);
		report_markdown_money(out, o->monthly.hardware, language);
		buffer_add(out, " | **");
		char total[48];
		util_format_money_in(language, total, sizeof total,
		    o->monthly.total);
		buffer_printf(out, "%s** |\n", total);
	}
	buffer_add(out, "\n- ");
	report_markdown_sentence(report, out, report_breakeven_sentence);
	buffer_add(out, "\n");
	if (cost->cheapest[OPTION_OWNED] >= 0) {
		buffer_add(out, "- ");
		report_markdown_sentence(report, out, report_payback_sentence);
		buffer_add(out, "\n");
	}
	if (report->profile.cached_input_share > 0 ||
	    report->profile.batch_share > 0) {
		buffer_add(out, "- ");
		report_markdown_sentence(report, out, report_discount_sentence);
		buffer_add(out, "\n");
	}
	buffer_add(out, "- ");
	report_markdown_sentence(report, out, report_self_hosted_sentence);
	buffer_add(out, "\n");
	buffer_add(out, "\n");
}

static void
report_markdown_quality(const struct evaluation *report,
    enum i18n_language language, struct buffer *out)
{
	if (report->outcome.verdict == VERDICT_NONE)
		return;
	char closed[32], open[32];
	double hard_closed, hard_open;
	metrics_hard_success(report->metrics, &hard_closed, &hard_open);
	util_format_percent(closed, sizeof closed, hard_closed);
	util_format_percent(open, sizeof open, hard_open);
	buffer_printf(out, "## %s\n\n", _("Quality view"));
	buffer_printf(out, _("Expected success over your task mix (hard "
	    "problems today: the closed frontier about %s, open weights of the "
	    "self-hosted model's tier about %s, the gap averaged over your "
	    "horizon; simple tasks within a few points), and what a million "
	    "tokens that succeed cost."), closed, open);
	buffer_add(out, "\n\n");
	buffer_printf(out, "| %s | %s | %s |\n|---|--:|--:|\n", _("Outcome"),
	    _("Expected success"), _("Cost per million successful tokens"));
	for (int v = 0; v < VERDICT_COUNT; v++) {
		char rate[32], money[48];
		util_format_percent_in(language, rate, sizeof rate,
		    metrics_success(report->metrics, v));
		util_format_money_in(language, money, sizeof money,
		    metrics_cost_per_success_of(report->metrics, v));
		buffer_printf(out, "| %s | %s | %s |\n", rules_verdict_phrase(v),
		    rate, money);
	}
	buffer_add(out, "\n");
}

static void
report_markdown_sensitivity(const struct evaluation *report,
    enum i18n_language language, struct buffer *out)
{
	const struct sensitivity_uncertainty *u = &report->uncertainty;
	struct buffer text;
	if (report->outcome.verdict == VERDICT_NONE)
		return;
	buffer_printf(out, "## %s\n\n", _("Sensitivity"));
	if (report->flip_count == 0)
		buffer_printf(out, "%s\n", _("No slider within its range (volume "
		    "1M to 10B tokens, hard-task share, hourly rate, operations "
		    "hours, GPU and API prices from a quarter to four times, "
		    "horizon 1 to 60 months) changes the verdict."));
	for (size_t i = 0; i < report->flip_count; i++) {
		buffer_init(&text);
		report_flip_sentence(report, i, &text);
		buffer_add(out, "- ");
		report_markdown_escape(out, text.data ? text.data : "");
		buffer_add(out, "\n");
		buffer_free(&text);
	}
	buffer_add(out, "\n");
	if (u->samples == 0)
		return;
	buffer_printf(out, "## %s\n\n", _("Uncertainty"));
	char count[32];
	util_format_count_in(language, count, sizeof count, u->samples);
	buffer_printf(out, ngettext_("Every figure with a range was drawn from "
	    "it (triangular, with its mean at the figure's value), and volume, "
	    "hourly rate, operations hours and hard-task share around the "
	    "answers, in %s scenario, seed %lu.",
	    "Every figure with a range was drawn from it (triangular, with its "
	    "mean at the figure's value), and volume, hourly rate, operations "
	    "hours and hard-task share around the answers, in %s scenarios, "
	    "seed %lu.", u->samples), count, u->seed);
	buffer_add(out, " ");
	for (int v = 0; v < VERDICT_COUNT; v++) {
		char share[32];
		util_format_percent_in(language, share, sizeof share,
		    u->share[v]);
		buffer_printf(out, "%s%s: %s", v ? ", " : "",
		    rules_verdict_phrase(v), share);
	}
	buffer_add(out, ".\n\n");
	buffer_printf(out, "| %s | P10 | P50 | P90 |\n|---|--:|--:|--:|\n",
	    _("Cheapest of each kind, USD per month"));
	for (int k = 0; k < OPTION_KIND_COUNT; k++) {
		char p10[48], p50[48], p90[48];
		if (isnan(u->p50[k]))
			continue;
		util_format_money_in(language, p10, sizeof p10, u->p10[k]);
		util_format_money_in(language, p50, sizeof p50, u->p50[k]);
		util_format_money_in(language, p90, sizeof p90, u->p90[k]);
		buffer_add(out, "| ");
		report_markdown_escape(out, report_kind_label((enum option_kind)k));
		buffer_printf(out, " | %s | %s | %s |\n", p10, p50, p90);
	}
	buffer_add(out, "\n");
}

/* The lines of the Mermaid chart: one per outcome when rules decided
 * (the hosted open-weight API too), else one per option kind of the
 * volume table; returns how many, with their values and names. */
static size_t
report_markdown_chart_lines(const struct evaluation *report,
    const double *values[VERDICT_COUNT + EVALUATE_TABLE_KINDS],
    const char *names[VERDICT_COUNT + EVALUATE_TABLE_KINDS])
{
	const struct evaluate_volume_table *table = &report->table;
	size_t count = 0;

	if (table->outcomes) {
		for (int v = 0; v < VERDICT_COUNT; v++) {
			values[count] = table->outcome_costs[v];
			names[count++] = rules_verdict_phrase(v);
		}
		return count;
	}
	for (size_t k = 0; k < EVALUATE_TABLE_KINDS; k++) {
		values[count] = table->costs[k];
		names[count++] = report_kind_label(table->kinds[k]);
	}
	return count;
}

/* Appends a line's name for the legend without its commas ("Cloud GPUs,
 * on demand" reads "Cloud GPUs on demand"): the legend separates names
 * with "; " and a comma inside one reads as a second line. */
static void
report_markdown_legend_name(struct buffer *out, const char *name)
{
	for (const char *p = name; *p != '\0'; p++)
		if (*p != ',')
			buffer_add_char(out, *p);
}

/* The chart twice: a Mermaid xychart of the evaluation's volume table for
 * renderers that draw it, and the chart series as text for those that do
 * not.  Costs span four orders of magnitude (a few hundred dollars at 1M
 * tokens, tens of thousands at 10B), so the Mermaid y axis is the cost's
 * power of ten: on a linear axis every line under a few thousand dollars
 * would lie flat on the floor.  Mermaid has no log axis; plotting log10
 * of the cost is one, and the text under the chart says how to read it. */
static void
report_markdown_chart(const struct evaluation *report,
    enum i18n_language language, struct buffer *out)
{
	const struct evaluate_volume_table *table = &report->table;
	const double *values[VERDICT_COUNT + EVALUATE_TABLE_KINDS];
	const char *names[VERDICT_COUNT + EVALUATE_TABLE_KINDS];
	bool shown[VERDICT_COUNT + EVALUATE_TABLE_KINDS] = { false };
	size_t count = report_markdown_chart_lines(report, values, names);
	double low = INFINITY, high = -INFINITY;

	buffer_printf(out, "## %s\n\n", _("Cost against volume"));
	for (size_t k = 0; k < count; k++)
		for (size_t i = 0; i < EVALUATE_TABLE_VOLUMES; i++) {
			if (!isfinite(values[k][i]) || values[k][i] <= 0)
				continue;
			shown[k] = true;
			low = fmin(low, values[k][i]);
			high = fmax(high, values[k][i]);
		}
	if (!isfinite(low)) {	/* nothing to draw */
		low = 100;
		high = 1000;
	}
	/* The axis from the power of ten under the cheapest cost to the one
	 * over the dearest, at least one decade. */
	double floor_power = floor(log10(low));
	double ceil_power = ceil(log10(high));
	if (ceil_power <= floor_power)
		ceil_power = floor_power + 1;
	buffer_add(out, "```mermaid\nxychart-beta\n");
	buffer_printf(out, "    title \"%s\"\n", table->outcomes ?
	    _("Monthly cost + adjustments (USD) by monthly volume (tokens)") :
	    _("Monthly cost (USD) by monthly volume (tokens)"));
	buffer_add(out, "    x-axis [");
	for (size_t i = 0; i < EVALUATE_TABLE_VOLUMES; i++) {
		char label[32];
		util_format_tokens_in(language, label, sizeof label,
		    table->volumes[i]);
		buffer_printf(out, "%s\"%s\"", i ? ", " : "", label);
	}
	buffer_add(out, "]\n");
	/* TRANSLATORS: the y axis of the Mermaid chart: the cost's power
	 * of ten (3 is $1,000); keep it short and without quotes. */
	buffer_printf(out, "    y-axis \"%s\" ", _("log10 of USD per month"));
	buffer_printf_c(out, "%.0f --> %.0f\n", floor_power, ceil_power);
	for (size_t k = 0; k < count; k++) {
		if (!shown[k])
			continue;
		buffer_add(out, "    line [");
		for (size_t i = 0; i < EVALUATE_TABLE_VOLUMES; i++) {
			double v = values[k][i];
			/* Mermaid cannot leave a gap: a missing cost sits on
			 * the floor of the axis. */
			buffer_printf_c(out, "%s%.2f", i ? ", " : "",
			    isfinite(v) && v > 0 ? log10(v) : floor_power);
		}
		buffer_add(out, "]\n");
	}
	buffer_add(out, "```\n\n");
	buffer_printf(out, "%s ", _("Lines, in order:"));
	for (size_t k = 0, n = 0; k < count; k++)
		if (shown[k]) {
			buffer_add(out, n++ ? "; " : "");
			report_markdown_legend_name(out, names[k]);
		}
	buffer_add(out, ". ");
	/* The scale in words: "2 is $100, 3 is $1,000, ...". */
	buffer_add(out, _("The cost axis counts powers of ten:"));
	for (double power = floor_power; power <= ceil_power; power++) {
		char money[48];
		util_format_money_in(language, money, sizeof money,
		    pow(10, power));
		buffer_add(out, power > floor_power ? ", " : " ");
		/* TRANSLATORS: "3 is $1,000" on the chart's log axis. */
		buffer_printf(out, _("%.0f is %s"), power, money);
	}
	buffer_add(out, ".\n\n");

	buffer_add(out, "```text\n");
	report_chart_text(report, false, out);
	buffer_add(out, "```\n\n");
}

static void
report_markdown_checklist(const struct evaluation *report, struct buffer *out)
{
	struct report_check checks[REPORT_MAX_CHECKS];
	size_t n = report_checklist(report, checks);
	buffer_printf(out, "## %s\n\n", _("Decision framework"));
	buffer_printf(out, "%s\n\n", _("The framework this report applies; "
	    "ticked items hold for your answers."));
	for (int v = 0; v < VERDICT_COUNT; v++) {
		if (report_check_heading(v) == NULL)
			continue;
		buffer_printf(out, "**%s** …\n\n", report_check_heading(v));
		for (size_t i = 0; i < n; i++)
			if (checks[i].outcome == (enum verdict)v)
				buffer_printf(out, "- [%c] %s\n",
				    checks[i].applies ? 'x' : ' ', _(checks[i].text));
		buffer_add(out, "\n");
	}
}

static void
report_markdown_assumptions(const struct evaluation *report,
    enum i18n_language language, struct buffer *out)
{
	buffer_printf(out, "## %s\n\n", _("Assumptions"));
	buffer_printf(out, "%s\n\n", _("Every figure the model used, with its "
	    "source. Figures marked **no** are estimates or unverified, and "
	    "**stale** prices are older than the data's staleness limit: check "
	    "them before you rely on the result."));
	buffer_printf(out, "| %s | %s | %s | %s | %s | %s |\n", _("Figure"),
	    _("Value"), _("Range"), _("Source"), _("As of"), _("Verified"));
	buffer_add(out, "|---|--:|---|---|---|---|\n");
	for (size_t i = 0; i < report->data->figure_count; i++) {
		const struct figure *f = data_figure_at(report->data, i);
		char number[128], range[160];
		bool stale = report_figure_is_stale(report, i);
		report_figure_value(f, language, number, sizeof number);
		report_figure_range(f, language, range, sizeof range);
		buffer_add(out, "| ");
		report_markdown_escape(out, f->key);
		buffer_add(out, " | ");
		report_markdown_escape(out, number);
		buffer_add(out, " | ");
		report_markdown_escape(out, range);
		buffer_add(out, " | ");
		report_markdown_escape(out, f->source);
		buffer_add(out, " | ");
		report_markdown_escape(out, f->as_of);
		if (stale)
			buffer_printf(out, " **%s**", _("stale"));
		buffer_add(out, " | ");
		buffer_add(out, f->verified ? _("yes") : _("**no**"));
		buffer_add(out, " |\n");
	}
}

/* The whole decision report. */
void
report_render_markdown(const struct evaluation *report,
    enum i18n_language language, struct buffer *out)
{
	size_t start = out->length;

	report_markdown_heading(report, out);
	report_markdown_inputs(report, language, out);
	report_markdown_outcomes(report, language, out);
	report_markdown_reasons(report, language, out);
	report_markdown_warnings(report, language, out);
	report_markdown_sentence(report, out, report_rule_files_sentence);
	buffer_add(out, "\n\n");
	report_markdown_costs(report, language, out);
	report_markdown_quality(report, language, out);
	report_markdown_sensitivity(report, language, out);
	report_markdown_chart(report, language, out);
	report_markdown_checklist(report, out);
	report_markdown_assumptions(report, language, out);
	/* Names and sources come from data files, which may be anyone's. */
	buffer_escape_controls(out, start);
}
