/* tui_results.c - the results dashboard: the verdict banner with its
 * confidence, the cost table, reasons, warnings and flip points, the
 * chart, and the sliders that recompute everything on each key.
 *
 * One evaluation is kept (tui->report, static): every slider move calls
 * evaluate_run() on it again, and nothing is allocated per frame. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "tui_private.h"

#define TUI_MONEY_WIDTH 9
#define TUI_KIND_WIDTH 12
#define TUI_SUCCESS_WIDTH 8

/* Empties a buffer but keeps its memory for the next text. */
static void
tui_results_clear(struct buffer *buffer)
{
	buffer->length = 0;
	buffer->failed = false;
	if (buffer->data != NULL)
		buffer->data[0] = '\0';
}

/* The outcome rows of the table, top to bottom. */
const enum verdict tui_results_order[VERDICT_COUNT] = {
	VERDICT_CLOSED, VERDICT_OPEN_HOSTED, VERDICT_OPEN, VERDICT_HYBRID
};
_Static_assert(TUI_TABLE_OUTCOMES == VERDICT_COUNT,
    "the layout's outcome rows are the outcomes");

/* Shows the results; the volume slider has the focus.  The answers as
 * they are now are what "0" resets a slider to; u starts afresh. */
void
tui_results_enter(struct tui *tui)
{
	tui->screen = TUI_SCREEN_RESULTS;
	tui->evaluated = false;
	tui->chart_ready = false;
	tui->focus = SENSITIVITY_VOLUME;
	tui->table_focus = -1;
	tui->answered = *tui->profile;
	tui->undo_count = 0;
	tui->reasons.scroll = 0;
	tui->side.scroll = 0;
	{
		double total = tui->profile->input_tokens +
		    tui->profile->output_tokens;
		tui->input_share = total > 0 ? tui->profile->input_tokens /
		    total : 5.0 / 6;
	}
	tui_autosave_write(tui, profile_question_count);
}

/* Recomputes costs, verdict and flip points at once; the confidence (the
 * Monte Carlo's 10,000 scenarios, most of the work) is left pending, so a
 * slider key shows its new costs in the next frame and keys held down
 * are not queued behind samples nobody sees. */
void
tui_results_evaluate(struct tui *tui)
{
	struct evaluate_settings settings = tui->settings;
	double start = tui_now();
	/* The price sliders live in the answers (pricing.*). */
	cost_scenario_of(tui->profile, &tui->scenario);
	settings.samples = 0;
	evaluate_run(tui->report, tui->data, tui->rules, tui->profile,
	    &tui->scenario, &settings);
	tui->evaluated = true;
	tui->confidence_pending = tui->settings.samples > 0 &&
	    tui->rules != NULL;
	tui->chart_ready = false;
	tui->compute_seconds = tui_now() - start;
}

/* Evaluates and draws the pending samples (see tui_private.h). */
void
tui_results_complete(struct tui *tui)
{
	if (!tui->evaluated)
		tui_results_evaluate(tui);
	if (!tui->confidence_pending)
		return;
	evaluate_uncertainty(tui->report, tui->settings.samples,
	    tui->settings.seed);
	tui->confidence_pending = false;
}

/* The banner: verdict phrase and confidence, or why there is none. */
static void
tui_results_banner(struct tui *tui, const struct tui_rect *r)
{
	const struct evaluation *report = tui->report;
	enum verdict verdict = report->outcome.verdict;
	struct buffer *confidence = &tui->scratch;
	char line[512];
	enum tui_role role = TUI_ROLE_BANNER_NONE;

	if (verdict < 0 || verdict >= VERDICT_COUNT) {
		snprintf(line, sizeof line, " %s", _("No verdict: no decision "
		    "rules were evaluated. Costs, breakeven and chart below."));
	} else {
		static const enum tui_role roles[VERDICT_COUNT] = {
			[VERDICT_CLOSED] = TUI_ROLE_BANNER_CLOSED,
			[VERDICT_OPEN_HOSTED] = TUI_ROLE_BANNER_OPEN_HOSTED,
			[VERDICT_OPEN] = TUI_ROLE_BANNER_OPEN,
			[VERDICT_HYBRID] = TUI_ROLE_BANNER_HYBRID,
		};
		role = report->too_close ? TUI_ROLE_BANNER_NONE : roles[verdict];
		/* The phrase ("Too close to call: X or Y" when it is), then
		 * the confidence. */
		tui_results_clear(confidence);
		buffer_add(confidence, " ");
		report_verdict_phrase(report, I18N_TRANSLATED, confidence);
		if (report->uncertainty.samples > 0) {
			buffer_printf(confidence, "  %s  ",
			    tui_glyph(tui, "·", "-"));
			report_confidence_sentence(report, confidence);
		}
		snprintf(line, sizeof line, "%s", confidence->data ?
		    confidence->data : "");
		if (report->outcome.conflict) {
			size_t n = strlen(line);
			snprintf(line + n, sizeof line - n, " %s %s",
			    tui_glyph(tui, "·", "-"), _("the constraints "
			    "conflict"));
		}
	}
	tui_put_padded(r->y, r->x, r->width, tui_attr(tui, role), line);
}

/* Writes text in width columns, marking a cut with an ellipsis (see
 * tui_private.h). */
void
tui_put_cut(const struct tui *tui, int y, int x, int width, attr_t attr,
    const char *text)
{
	if (tui_width(text) <= width) {
		tui_put(y, x, width, attr, text);
		return;
	}
	int used = tui_put(y, x, width - 1, attr, text);
	tui_put(y, x + used, 1, attr, tui_glyph(tui, "…", "~"));
}

/* Right-aligns money ending at column end. */
static void
tui_results_money(int y, int end, attr_t attr, double usd)
{
	char money[48];
	util_format_money_in(I18N_TRANSLATED, money, sizeof money, usd);
	int w = tui_width(money);
	tui_put(y, end - w, w, attr, money);
}

/* One line: breakeven and payback. */
static void
tui_results_summary(struct tui *tui, int y, int x, int width)
{
	const struct evaluation *report = tui->report;
	const struct cost_result *cost = &report->cost;
	char line[512], tokens[32], label[256], months[32];
	size_t n;

	if (cost->best_api < 0 || cost->best_self_hosted < 0)
		snprintf(line, sizeof line, "%s", _("Breakeven: not computable"));
	else if (isnan(report->breakeven))
		snprintf(line, sizeof line, "%s", cost->options[cost->best_api].
		    monthly.total <= cost->options[cost->best_self_hosted].
		    monthly.total ? _("Breakeven: none; the API stays cheaper") :
		    _("Breakeven: none; self-hosting is cheaper at any volume"));
	else {
		util_format_tokens_in(I18N_TRANSLATED, tokens, sizeof tokens,
		    report->breakeven);
		snprintf(line, sizeof line, _("Breakeven: %s tokens/month"),
		    tokens);
	}
	n = strlen(line);
	int owned = cost->cheapest[OPTION_OWNED];
	if (owned >= 0) {
		const struct cost_option *o = &cost->options[owned];
		report_option_label(o, label, sizeof label);
		if (o->already_owned) {
			snprintf(line + n, sizeof line - n, "  %s  %s",
			    tui_glyph(tui, "·", "-"), _("GPUs already owned"));
		} else if (o->payback_vs < 0 || isnan(o->payback_months)) {
			snprintf(line + n, sizeof line - n, "  %s  %s",
			    tui_glyph(tui, "·", "-"), _("owned GPUs never pay "
			    "back"));
		} else {
			util_format_fixed_in(I18N_TRANSLATED, months,
			    sizeof months, o->payback_months, 1);
			snprintf(line + n, sizeof line - n, "  %s  ",
			    tui_glyph(tui, "·", "-"));
			n = strlen(line);
			snprintf(line + n, sizeof line - n, _("owned GPUs pay "
			    "back in %s months"), months);
		}
	}
	tui_put(y, x, width, tui_attr(tui, TUI_ROLE_DIM), line);
}

/* A short outcome name for the table's first column. */
static const char *
tui_results_outcome(enum verdict outcome)
{
	switch (outcome) {
	case VERDICT_CLOSED: return pgettext_("table cell", "Closed API");
	case VERDICT_OPEN_HOSTED: return pgettext_("table cell", "Hosted open");
	case VERDICT_OPEN: return pgettext_("table cell", "Self-hosted");
	case VERDICT_HYBRID: return pgettext_("table cell", "Hybrid");
	default: return "";
	}
}

/* The chart and label colour of an outcome: the colour of the option
 * kind it stands for. */
static enum tui_role
tui_results_outcome_role(enum verdict outcome)
{
	static const enum option_kind kinds[VERDICT_COUNT] = {
		OPTION_API, OPTION_HOSTED_OPEN, OPTION_OWNED, OPTION_HYBRID
	};
	if (outcome < 0 || outcome >= VERDICT_COUNT)
		return TUI_ROLE_NORMAL;
	return (enum tui_role)(TUI_ROLE_SERIES + kinds[outcome]);
}

/* Where the outcome table's columns end (money is right-aligned). */
struct tui_results_columns {
	int marker, label, option, option_width;
	int monthly, adjustments, success, effective;	/* right ends */
};

/* The columns of the outcome table in a rectangle. */
static void
tui_results_columns(const struct tui_rect *r, struct tui_results_columns *c)
{
	c->effective = r->x + r->width - 1;
	c->success = c->effective - TUI_MONEY_WIDTH - 1;
	c->adjustments = c->success - TUI_SUCCESS_WIDTH;
	c->monthly = c->adjustments - TUI_MONEY_WIDTH;
	c->marker = r->x;
	c->label = r->x + 2;
	c->option = c->label + TUI_KIND_WIDTH + 1;
	c->option_width = c->monthly - TUI_MONEY_WIDTH - c->option;
}

/* The outcome table's head row. */
static void
tui_results_table_head(struct tui *tui, int y,
    const struct tui_results_columns *c)
{
	const char *heads[] = { _("Monthly"), _("Adjust."), _("Success"),
	    _("Effective") };
	const int ends[] = { c->monthly, c->adjustments, c->success,
	    c->effective };
	attr_t title = tui_attr(tui, TUI_ROLE_TITLE);

	tui_put(y, c->label, TUI_KIND_WIDTH, title, _("USD/month"));
	tui_put(y, c->option, c->option_width, title, _("Chosen option"));
	const int rooms[] = { TUI_MONEY_WIDTH - 1, TUI_MONEY_WIDTH - 1,
	    TUI_SUCCESS_WIDTH - 1, TUI_MONEY_WIDTH };
	for (int i = 0; i < 4; i++) {
		int w = tui_width(heads[i]);
		int room = rooms[i];
		if (w > room)
			w = room;
		tui_put(y, ends[i] - w, room, title, heads[i]);
	}
}

/* One outcome's row: the recommendation highlighted across the row (one
 * colour pair, never two OR-ed together), a vetoed outcome dimmed. */
static void
tui_results_table_row(struct tui *tui, int y, const struct tui_rect *r,
    const struct tui_results_columns *c, enum verdict v)
{
	const struct evaluation *report = tui->report;
	const struct decide_ledger *l = &report->outcome.ledgers[v];
	const struct cost_option *option = decide_option(&report->outcome,
	    &report->cost, v);
	bool chosen = v == report->outcome.verdict;
	bool focused = tui->table_focus >= 0 &&
	    tui_results_order[tui->table_focus] == v;
	attr_t attr = chosen ? tui_attr(tui, TUI_ROLE_SELECTED) :
	    !l->allowed ? tui_attr(tui, TUI_ROLE_DIM) : A_NORMAL;
	char label[256], text[64];

	if (chosen)
		tui_put_padded(y, r->x, r->width, attr, "");
	/* The focused row (Up/Down, a click) is marked in the focus colour:
	 * Enter opens its detail. */
	if (focused)
		tui_put(y, c->marker, 2, tui_attr(tui, TUI_ROLE_FOCUS),
		    tui_glyph(tui, "»", ">>"));
	else
		tui_put(y, c->marker, 2, attr, chosen ? tui_glyph(tui, "▶",
		    ">") : " ");
	tui_put(y, c->label, TUI_KIND_WIDTH, chosen || !l->allowed ? attr :
	    tui_attr(tui, tui_results_outcome_role(v)),
	    tui_results_outcome(v));
	if (option == NULL) {
		tui_put(y, c->option, c->option_width, attr,
		    l->vetoed_by_count > 0 ? _("(vetoed)") :
		    _("none in the data fits"));
		return;
	}
	report_option_label(option, label, sizeof label);
	if (!l->allowed) {
		/* After the name, not in a second pair of parentheses:
		 * "DeepSeek V3.2 (Novita), vetoed". */
		size_t n = strlen(label);
		snprintf(label + n, sizeof label - n, ", %s", _("vetoed"));
	}
	tui_put_cut(tui, y, c->option, c->option_width, attr, label);
	tui_results_money(y, c->monthly, attr, l->monthly.total);
	if (l->adjustment_count > 0) {
		report_reason_amount(text, sizeof text, l->adjustments_total);
		tui_put(y, c->adjustments - tui_width(text), tui_width(text),
		    attr, text);
	} else {
		tui_put(y, c->adjustments - 1, 1, attr, "-");
	}
	util_format_percent_in(I18N_TRANSLATED, text, sizeof text, l->success);
	tui_put(y, c->success - tui_width(text), tui_width(text), attr, text);
	tui_results_money(y, c->effective, attr | A_BOLD, l->effective);
}

/* The outcome table: one row per outcome with its chosen option, monthly
 * total, adjustments, success and effective cost; the verdict's row is
 * highlighted. */
static void
tui_results_table(struct tui *tui, const struct tui_rect *r)
{
	struct tui_results_columns c;
	int row = r->y;

	tui_results_columns(r, &c);
	if (tui->rules == NULL) {
		tui_put(row, r->x + 2, r->width - 3, tui_attr(tui,
		    TUI_ROLE_DIM), _("No decision rules: the outcomes were not "
		    "weighed."));
		tui_results_summary(tui, r->y + r->height - 1, r->x + 1,
		    r->width - 2);
		return;
	}
	tui_results_table_head(tui, row, &c);
	for (int i = 0; i < VERDICT_COUNT && row + 1 < r->y + r->height - 1;
	    i++)
		tui_results_table_row(tui, ++row, r, &c, tui_results_order[i]);
	if (row + 1 < r->y + r->height - 1)
		tui_put_cut(tui, ++row, r->x + 2, r->width - 3,
		    tui_attr(tui, TUI_ROLE_DIM), _("Effective = (monthly + "
		    "adjustments) / success: the lowest allowed one wins."));
	tui_results_summary(tui, r->y + r->height - 1, r->x + 1, r->width - 2);
}

/* Wrapped text drawn into a scrolled window of rows. */
struct tui_results_box {
	int y, x, width;
	int first, rows;		/* visible: lines first..first+rows-1 */
	int line;			/* lines so far */
	int indent;			/* for continuation lines */
	attr_t attr;
	struct tui_pane *pane;		/* records paragraph starts */
	const char *continued;		/* marks a top line that goes on
					 * from above */
};

/* Records that a paragraph or sentence starts on a line of the box. */
static void
tui_results_mark_start(struct tui_results_box *box, int line)
{
	struct tui_pane *pane = box->pane;
	if (pane != NULL && pane->start_count < TUI_PANE_STARTS)
		pane->starts[pane->start_count++] = line;
}

/* Draws one wrapped line if it is inside the visible window. */
static void
tui_results_line(void *context, int row, const char *text, size_t length)
{
	struct tui_results_box *box = context;
	char line[512];
	int visible = box->line + row - box->first;
	/* A wrapped line after ". " opens a sentence: a page may start
	 * there. */
	bool starts = row == 0 || text[-1] == '\n' || (text[-1] == ' ' &&
	    (text[-2] == '.' || text[-2] == ':'));
	if (row > 0 && starts)
		tui_results_mark_start(box, box->line + row);
	if (visible == 0 && !starts && box->continued != NULL)
		tui_put(box->y, box->x, 1, box->attr, box->continued);
	if (visible >= 0 && visible < box->rows) {
		int indent = row > 0 ? box->indent : 0;
		snprintf(line, sizeof line, "%.*s", (int)length, text);
		tui_put(box->y + visible, box->x + indent, box->width - indent,
		    box->attr, line);
	}
}

/* Adds one paragraph to a box; continuation lines are indented. */
static void
tui_results_paragraph(struct tui_results_box *box, const char *text,
    attr_t attr, int indent)
{
	box->attr = attr;
	box->indent = indent;
	tui_results_mark_start(box, box->line);
	box->line += tui_wrap(text, box->width - indent,
	    tui_results_line, box);
}

/* Starts drawing a pane's paragraphs into rows from y. */
static void
tui_results_box_start(const struct tui *tui, struct tui_results_box *box,
    struct tui_pane *pane, int y, int x, int width, int rows)
{
	memset(box, 0, sizeof *box);
	box->continued = tui_glyph(tui, "…", "~");
	box->y = y;
	box->x = x;
	box->width = width;
	box->rows = rows;
	box->pane = pane;
	pane->height = rows;
	pane->start_count = 0;
	if (pane->scroll < 0)
		pane->scroll = 0;
	box->first = pane->scroll;
}

/* Pages a pane down (+1) or up (-1), stopping at the paragraph that
 * starts furthest into the page, so no page opens mid-sentence. */
static void
tui_results_page(struct tui_pane *pane, int direction)
{
	int page = pane->height > 1 ? pane->height - 1 : 1;
	int next = -1;

	if (direction > 0) {
		if (pane->scroll + pane->height >= pane->lines)
			return;		/* all shown */
		for (int i = 0; i < pane->start_count; i++)
			if (pane->starts[i] > pane->scroll &&
			    pane->starts[i] <= pane->scroll + page)
				next = pane->starts[i];
		if (next < 0)		/* a paragraph longer than the page */
			next = pane->scroll + page;
	} else {
		for (int i = pane->start_count - 1; i >= 0; i--)
			if (pane->starts[i] < pane->scroll &&
			    pane->starts[i] >= pane->scroll - page)
				next = pane->starts[i];
		if (next < 0)
			next = pane->scroll - page;
		if (next < 0)
			next = 0;
	}
	pane->scroll = next;
}

/* Marks a pane that has more above or below with the keys that scroll it,
 * right-aligned on row y. */
static void
tui_results_more(struct tui *tui, const struct tui_pane *pane, int y,
    int right, const char *up, const char *down, const char *both)
{
	const char *more;
	if (pane->lines <= pane->height && pane->scroll == 0)
		return;
	more = pane->scroll == 0 ? down : pane->scroll + pane->height >=
	    pane->lines ? up : both;
	tui_put(y, right - tui_width(more), tui_width(more),
	    tui_attr(tui, TUI_ROLE_DIM), more);
}

/* The reasons, strongest first, scrolled by PgUp/PgDn. */
static void
tui_results_reasons(struct tui *tui, const struct tui_rect *r)
{
	const struct evaluation *report = tui->report;
	const struct decision *outcome = &report->outcome;
	struct tui_results_box box;
	struct buffer *text = &tui->scratch;
	char head[96], weight[32];

	tui_put(r->y, r->x + 1, r->width - 2, tui_attr(tui, TUI_ROLE_TITLE),
	    _("Why: reasons, strongest first"));
	tui_results_box_start(tui, &box, &tui->reasons, r->y + 1, r->x + 1,
	    r->width - 2, r->height - 1);
	if (outcome->reason_count == 0 || tui->rules == NULL) {
		tui_results_paragraph(&box, outcome->verdict == VERDICT_NONE ?
		    _("No reasons: the decision rules have not been evaluated. "
		    "The costs, breakeven and chart are complete; the sliders "
		    "work.") : _("No rule fired."), tui_attr(tui, TUI_ROLE_DIM),
		    0);
		tui->reasons.lines = box.line;
		return;
	}
	for (size_t i = 0; i < outcome->reason_count; i++) {
		const struct decide_reason *reason = &outcome->reasons[i];
		tui_results_clear(text);
		if (reason->line == DECIDE_LINE_VETO)
			snprintf(head, sizeof head, "[%s] ", _("veto"));
		else {
			report_reason_amount(weight, sizeof weight,
			    reason->weight);
			snprintf(head, sizeof head, "[%s] ", weight);
		}
		buffer_add(text, head);
		decide_reason_text(tui->rules, outcome, i, report->metrics,
		    I18N_TRANSLATED, text);
		report_reason_note(report, i, I18N_TRANSLATED, text);
		if (text->data != NULL)
			tui_results_paragraph(&box, text->data, A_NORMAL, 2);
	}
	tui->reasons.lines = box.line;
	tui_results_more(tui, &tui->reasons, r->y, r->x + r->width - 1,
	    _("PgUp: back"), _("PgDn: more"), _("PgUp/PgDn"));
}

/* Adds the warnings, then the flip points, to a box. */
static void
tui_results_side_fill(struct tui *tui, struct tui_results_box *box)
{
	const struct evaluation *report = tui->report;
	const struct decision *outcome = &report->outcome;
	struct buffer *text = &tui->scratch;

	tui_results_paragraph(box, _("Warnings"), tui_attr(tui,
	    TUI_ROLE_TITLE), 0);
	for (size_t i = 0; tui->rules != NULL &&
	    i < decide_warning_count(outcome); i++) {
		tui_results_clear(text);
		buffer_add(text, "! ");
		decide_warning_text(tui->rules, outcome, i, report->metrics,
		    I18N_TRANSLATED, text);
		if (text->data != NULL)
			tui_results_paragraph(box, text->data,
			    tui_attr(tui, TUI_ROLE_ERROR), 2);
	}
	if (tui->rules == NULL || decide_warning_count(outcome) == 0)
		tui_results_paragraph(box, report->stale_count > 0 ?
		    _("None about the decision; stale prices below.") :
		    _("None."), tui_attr(tui, TUI_ROLE_DIM), 0);

	tui_results_paragraph(box, _("What would flip it"), tui_attr(tui,
	    TUI_ROLE_TITLE), 0);
	for (size_t i = 0; i < report->flip_count; i++) {
		const struct sensitivity_flip *flip = &report->flips[i];
		if (flip->parameter < 0 ||
		    flip->parameter >= SENSITIVITY_PARAMETER_COUNT ||
		    flip->verdict < 0 || flip->verdict >= VERDICT_COUNT)
			continue;
		tui_results_clear(text);
		report_flip_sentence(report, i, text);
		if (text->data != NULL)
			tui_results_paragraph(box, text->data,
			    (int)flip->parameter == tui->focus ?
			    tui_attr(tui, TUI_ROLE_FLIP) : A_NORMAL, 2);
	}
	if (report->flip_count == 0)
		tui_results_paragraph(box, outcome->verdict == VERDICT_NONE ?
		    _("Nothing without a verdict.") : _("Nothing within the "
		    "slider ranges."), tui_attr(tui, TUI_ROLE_DIM), 0);
	/* Stale prices, as the reports warn about them: after the flip
	 * points, which must stay in view at 80x24 (] scrolls here). */
	if (report->stale_count > 0) {
		tui_results_clear(text);
		buffer_add(text, "! ");
		report_stale_sentence(report, I18N_TRANSLATED, text);
		tui_results_paragraph(box, text->data, tui_attr(tui,
		    TUI_ROLE_ERROR), 2);
	}
}

/* Warnings, then flip points, scrolled by [ and ]: a pass that only
 * counts lines first, so the last row is kept for the scroll keys when
 * they do not all fit. */
static void
tui_results_side(struct tui *tui, const struct tui_rect *r)
{
	struct tui_results_box box;

	tui_results_box_start(tui, &box, &tui->side, r->y, r->x + 1, r->width - 1,
	    0);
	tui_results_side_fill(tui, &box);
	tui->side.lines = box.line;
	tui_results_box_start(tui, &box, &tui->side, r->y, r->x + 1, r->width - 1,
	    r->height - (tui->side.lines > r->height ? 1 : 0));
	tui_results_side_fill(tui, &box);
	tui->side.lines = box.line;
	tui_results_more(tui, &tui->side, r->y + r->height - 1,
	    r->x + r->width, _("[: back"), _("]: more"), _("[ ]: more"));
}

/* Position of a value on a track of width columns (0..width-1). */
static int
tui_results_track_column(enum sensitivity_parameter p, double v, int width)
{
	const struct sensitivity_range *range = &sensitivity_ranges[p];
	double f;
	if (range->logarithmic && range->low > 0)
		f = log(v / range->low) / log(range->high / range->low);
	else
		f = (v - range->low) / (range->high - range->low);
	if (!(f >= 0))
		f = 0;
	if (f > 1)
		f = 1;
	return (int)lround(f * (width - 1));
}

/* The sliders: label, track with flip marks and knob, value. */
static void
tui_results_sliders(struct tui *tui, const struct tui_rect *r)
{
	const struct evaluation *report = tui->report;
	int track_x, track_width;
	char value[64];

	tui_layout_track(r, &track_x, &track_width);
	for (int p = 0; p < SENSITIVITY_PARAMETER_COUNT && p < r->height; p++) {
		int y = r->y + p;
		bool focused = p == tui->focus && tui->table_focus < 0;
		double v = sensitivity_get((enum sensitivity_parameter)p,
		    &report->profile, &report->scenario, tui->data);
		attr_t label = focused ? tui_attr(tui, TUI_ROLE_FOCUS) : A_NORMAL;

		tui_put(y, r->x, 2, tui_attr(tui, TUI_ROLE_FOCUS),
		    focused ? tui_glyph(tui, "▶", ">") : " ");
		tui_put_padded(y, r->x + 2, TUI_SLIDER_LABEL - 1, label,
		    _(sensitivity_ranges[p].label));
		tui_put(y, track_x - 1, 1, tui_attr(tui, TUI_ROLE_DIM),
		    tui_glyph(tui, "├", "["));
		for (int c = 0; c < track_width; c++)
			tui_put(y, track_x + c, 1, tui_attr(tui, TUI_ROLE_DIM),
			    tui_glyph(tui, "─", "-"));
		tui_put(y, track_x + track_width, 1, tui_attr(tui, TUI_ROLE_DIM),
		    tui_glyph(tui, "┤", "]"));
		for (size_t i = 0; i < report->flip_count; i++) {
			if ((int)report->flips[i].parameter != p)
				continue;
			tui_put(y, track_x + tui_results_track_column(
			    (enum sensitivity_parameter)p, report->flips[i].value,
			    track_width), 1, tui_attr(tui, TUI_ROLE_FLIP),
			    tui_glyph(tui, "┃", "|"));
		}
		tui_put(y, track_x + tui_results_track_column(
		    (enum sensitivity_parameter)p, v, track_width), 1,
		    tui_attr(tui, focused ? TUI_ROLE_FOCUS : TUI_ROLE_KNOB),
		    tui_glyph(tui, "●", "O"));
		report_parameter_value((enum sensitivity_parameter)p, v, value,
		    sizeof value);
		tui_put(y, track_x + track_width + 2, TUI_SLIDER_VALUE, label,
		    value);
	}
}

/* Paints the chart grid, computing its series at the panel's width and
 * rendering it first when it is out of date. */
static void
tui_results_chart(struct tui *tui, const struct tui_rect *r)
{
	struct chart *chart = tui->chart;
	char *cause = NULL;

	if (!tui->chart_ready || chart->width != r->width ||
	    chart->height != r->height) {
		tui->chart_error[0] = '\0';
		evaluate_chart(tui->report, r->width, tui->chart_series);
		if (chart_render(chart, tui->chart_series, r->width, r->height,
		    tui->utf8 ? 0 : CHART_ASCII, &cause) != 0) {
			snprintf(tui->chart_error, sizeof tui->chart_error, "%s",
			    cause);
			free(cause);
		}
		tui->chart_ready = true;
	}
	if (tui->chart_error[0] != '\0') {
		tui_put(r->y, r->x, r->width, tui_attr(tui, TUI_ROLE_ERROR),
		    tui->chart_error);
		return;
	}
	for (int row = 0; row < chart->height; row++) {
		for (int column = 0; column < chart->width; column++) {
			const struct chart_cell *cell = chart_cell(chart, row,
			    column);
			enum tui_role role;
			switch (cell->style) {
			case CHART_STYLE_BLANK:
				continue;
			case CHART_STYLE_AXIS:
				role = TUI_ROLE_BORDER;
				break;
			case CHART_STYLE_LABEL:
				role = TUI_ROLE_NORMAL;
				break;
			case CHART_STYLE_NOW:
				role = TUI_ROLE_KNOB;
				break;
			case CHART_STYLE_BREAKEVEN:
				role = TUI_ROLE_FLIP;
				break;
			default:
				if (cell->style >= CHART_STYLE_OUTCOME) {
					role = tui_results_outcome_role(
					    (enum verdict)(cell->style -
					    CHART_STYLE_OUTCOME));
					break;
				}
				role = (enum tui_role)(TUI_ROLE_SERIES +
				    (cell->style - CHART_STYLE_SERIES));
				if (role >= TUI_ROLE_COUNT)
					role = TUI_ROLE_NORMAL;
				break;
			}
			tui_put(r->y + row, r->x + column, 1, tui_attr(tui, role),
			    cell->text);
		}
	}
}

/* Draws the whole dashboard. */
void
tui_results_draw(struct tui *tui)
{
	struct tui_layout layout;
	static const char *footer[20];
	size_t n = 0;

	if (!tui->evaluated)
		tui_results_evaluate(tui);
	tui_layout_results(&layout, LINES, COLS, SENSITIVITY_PARAMETER_COUNT,
	    tui->chart_wanted);
	tui_results_banner(tui, &layout.banner);
	if (layout.table.height > 0)
		tui_results_table(tui, &layout.table);
	if (layout.reasons.height > 0)
		tui_results_reasons(tui, &layout.reasons);
	if (layout.side.height > 0)
		tui_results_side(tui, &layout.side);
	if (layout.chart.height > 0)
		tui_results_chart(tui, &layout.chart);
	tui_results_sliders(tui, &layout.sliders);
	{
		int x = tui_prompt_draw(tui, layout.status.y, layout.status.width);
		if (x >= 0) {
			tui->cursor_y = layout.status.y;
			tui->cursor_x = x;
		}
	}
	footer[n++] = _("Tab");
	footer[n++] = _("slider");
	footer[n++] = tui_glyph(tui, "←→", "<->");
	footer[n++] = _("adjust");
	footer[n++] = "c";
	footer[n++] = tui->chart_wanted ? _("hide chart") : _("chart");
	footer[n++] = "e";
	footer[n++] = _("export");
	footer[n++] = "s";
	footer[n++] = _("save");
	footer[n++] = "r";
	footer[n++] = _("answers");
	footer[n++] = "?";
	footer[n++] = _("help");
	footer[n++] = "q";
	footer[n++] = _("quit");
	footer[n] = NULL;
	tui_footer(tui, layout.footer.y, layout.footer.width, footer);
}

/* The next round volume (1, 2, 5 per decade: 10M, 20M, 50M, 100M) above
 * (up) or below v, so 50M and 500M are reachable and values stay round. */
static double
tui_results_volume_step(double v, bool up)
{
	static const double mantissas[] = { 1, 2, 5 };
	double decade = pow(10, floor(log10(v)) - 1), next = v;
	/* The grid over the decades below and above v's, in rising order. */
	for (int i = 0; i < 3 * 3; i++) {
		double candidate = mantissas[i % 3] * decade * pow(10, i / 3);
		if (up && candidate > v * (1 + 1e-9))
			return candidate;
		if (!up && candidate < v * (1 - 1e-9))
			next = candidate;
	}
	return next;
}

/* Sets the volume with its input and output shares rounded to three
 * significant digits, so the answers stay readable (41.7M + 8.3M, not
 * 41666666.666666664). */
static void
tui_results_set_volume(struct tui *tui, double total)
{
	struct profile *p = tui->profile;
	double input = total * tui->input_share;
	if (input > 0 && input < total) {
		double scale = pow(10, floor(log10(input)) - 2);
		input = round(input / scale) * scale;
		/* Exact decimals: 41.7M, not 41.699999999999996M. */
		if (scale >= 1)
			input = round(input);
	}
	p->input_tokens = input;
	p->output_tokens = total - input;
}

/* Remembers the answers before a slider change, for u; the oldest is
 * forgotten when the stack is full. */
void
tui_results_remember(struct tui *tui)
{
	if (tui->undo_count == TUI_UNDO_MAX) {
		memmove(&tui->undo[0], &tui->undo[1],
		    (TUI_UNDO_MAX - 1) * sizeof tui->undo[0]);
		tui->undo_count--;
	}
	tui->undo[tui->undo_count++] = *tui->profile;
}

/* Sets the focused slider to next (within its range): remembered for u,
 * recomputed at the next frame. */
static void
tui_results_set(struct tui *tui, double next)
{
	enum sensitivity_parameter p = (enum sensitivity_parameter)tui->focus;
	const struct sensitivity_range *range = &sensitivity_ranges[p];
	double v = sensitivity_get(p, tui->profile, &tui->scenario, tui->data);

	if (next < range->low)
		next = range->low;
	if (next > range->high)
		next = range->high;
	if (next == v)
		return;
	tui_results_remember(tui);
	if (p == SENSITIVITY_VOLUME)
		tui_results_set_volume(tui, next);
	else
		sensitivity_set(p, tui->profile, &tui->scenario, next);
	tui->evaluated = false;
}

/* Moves the focused slider by steps (+1, -1), or to an end (+/-2). */
static void
tui_results_adjust(struct tui *tui, int how)
{
	enum sensitivity_parameter p = (enum sensitivity_parameter)tui->focus;
	const struct sensitivity_range *range = &sensitivity_ranges[p];
	double v = sensitivity_get(p, tui->profile, &tui->scenario, tui->data);
	double next;

	if (how == -2)
		next = range->low;
	else if (how == 2)
		next = range->high;
	else if (p == SENSITIVITY_VOLUME)
		next = tui_results_volume_step(v, how > 0);
	else if (range->logarithmic)
		next = how > 0 ? v * range->step : v / range->step;
	else {
		/* Snap to the grid of steps, so values stay round. */
		double steps = (v - range->low) / range->step;
		double target = how > 0 ? floor(steps + 1e-9) + 1 :
		    ceil(steps - 1e-9) - 1;
		next = range->low + target * range->step;
	}
	tui_results_set(tui, next);
}

/* The value at a fraction (0..1) of a slider's track: the inverse of
 * tui_results_track_column, rounded as the steps round. */
static double
tui_results_track_value(enum sensitivity_parameter p, double fraction)
{
	const struct sensitivity_range *range = &sensitivity_ranges[p];
	double v;
	if (range->logarithmic && range->low > 0)
		v = range->low * pow(range->high / range->low, fraction);
	else
		v = range->low + fraction * (range->high - range->low);
	if (p == SENSITIVITY_VOLUME || range->logarithmic) {
		/* Two significant digits: 37M, not 36.8142M. */
		double scale = pow(10, floor(log10(v)) - 1);
		v = round(v / scale) * scale;
	} else if (range->step > 0) {
		v = range->low + round((v - range->low) / range->step) *
		    range->step;
	}
	return v;
}

/* "0": the focused slider back to the answer the results opened with. */
static void
tui_results_reset(struct tui *tui)
{
	enum sensitivity_parameter p = (enum sensitivity_parameter)tui->focus;
	struct profile after = *tui->profile;
	const struct profile *a = &tui->answered;

	switch (p) {
	case SENSITIVITY_VOLUME:
		after.input_tokens = a->input_tokens;
		after.output_tokens = a->output_tokens;
		break;
	case SENSITIVITY_COMPLEX_SHARE:
		after.complex_share = a->complex_share;
		break;
	case SENSITIVITY_HOURLY_RATE:
		after.hourly_rate = a->hourly_rate;
		break;
	case SENSITIVITY_OPS_HOURS:
		after.ops_hours_per_month = a->ops_hours_per_month;
		after.ops_hours_set = a->ops_hours_set;
		break;
	case SENSITIVITY_GPU_PRICE:
		after.gpu_price_factor = a->gpu_price_factor;
		break;
	case SENSITIVITY_API_PRICE:
		after.api_price_factor = a->api_price_factor;
		break;
	case SENSITIVITY_HORIZON:
		after.horizon_months = a->horizon_months;
		break;
	default:
		return;
	}
	struct cost_scenario now, then;
	cost_scenario_of(tui->profile, &now);
	cost_scenario_of(&after, &then);
	if (sensitivity_get(p, &after, &then, tui->data) ==
	    sensitivity_get(p, tui->profile, &now, tui->data) &&
	    after.ops_hours_set == tui->profile->ops_hours_set) {
		tui_message(tui, false, _("The slider is at your answer."));
		return;
	}
	tui_results_remember(tui);
	*tui->profile = after;
	cost_scenario_of(tui->profile, &tui->scenario);
	tui->evaluated = false;
	tui_message(tui, false, _("Slider reset to your answer (u undoes)."));
}

/* u: takes back the last slider change. */
static void
tui_results_undo(struct tui *tui)
{
	if (tui->undo_count == 0) {
		tui_message(tui, false, _("Nothing to undo."));
		return;
	}
	*tui->profile = tui->undo[--tui->undo_count];
	cost_scenario_of(tui->profile, &tui->scenario);
	tui->evaluated = false;
	tui_message(tui, false, _("Undone."));
}

/* True when the outcome table is on the screen (not under the chart). */
static bool
tui_results_table_shown(const struct tui *tui)
{
	struct tui_layout layout;
	if (tui->rules == NULL)
		return false;
	tui_layout_results(&layout, LINES, COLS, SENSITIVITY_PARAMETER_COUNT,
	    tui->chart_wanted);
	return layout.table.height > 0;
}

/* Up (-1) or Down (+1) through the outcome rows, then the sliders, and
 * round again. */
static void
tui_results_move(struct tui *tui, int direction)
{
	int rows = tui_results_table_shown(tui) ? VERDICT_COUNT : 0;
	int count = rows + SENSITIVITY_PARAMETER_COUNT;
	int at = tui->table_focus >= 0 ? tui->table_focus : rows + tui->focus;

	at = (at + direction + count) % count;
	if (at < rows) {
		tui->table_focus = at;
	} else {
		tui->table_focus = -1;
		tui->focus = at - rows;
	}
}

/* Tab and Shift-Tab: the next or previous slider. */
static void
tui_results_next_slider(struct tui *tui, int direction)
{
	if (tui->table_focus >= 0)
		tui->table_focus = -1;
	else
		tui->focus = (tui->focus + direction +
		    SENSITIVITY_PARAMETER_COUNT) % SENSITIVITY_PARAMETER_COUNT;
}

/* Scrolls a pane by lines, within its text (see tui_private.h). */
void
tui_pane_scroll(struct tui_pane *pane, int lines)
{
	int last = pane->lines - pane->height;
	pane->scroll += lines;
	if (pane->scroll > last)
		pane->scroll = last;
	if (pane->scroll < 0)
		pane->scroll = 0;
}

/* A click or the wheel on the dashboard: a click focuses a slider or an
 * outcome row, a click on a track sets the slider there, a click on a
 * focused row opens its detail; the wheel scrolls the pane under it, or
 * moves the slider under it. */
void
tui_results_mouse(struct tui *tui, int y, int x, mmask_t buttons)
{
	struct tui_layout layout;
	struct tui_hit hit;
	bool wheel_up = buttons & BUTTON4_PRESSED;
	bool wheel_down = false;
#ifdef BUTTON5_PRESSED
	wheel_down = buttons & BUTTON5_PRESSED;
#endif
	bool click = buttons & (BUTTON1_PRESSED | BUTTON1_CLICKED |
	    BUTTON1_RELEASED);

	tui_layout_results(&layout, LINES, COLS, SENSITIVITY_PARAMETER_COUNT,
	    tui->chart_wanted);
	tui_layout_hit(&layout, y, x, &hit);
	switch (hit.kind) {
	case TUI_HIT_SLIDER:
	case TUI_HIT_TRACK:
		if (hit.index >= SENSITIVITY_PARAMETER_COUNT)
			break;
		tui->table_focus = -1;
		tui->focus = hit.index;
		if (wheel_up || wheel_down)
			tui_results_adjust(tui, wheel_up ? 1 : -1);
		else if (click && hit.kind == TUI_HIT_TRACK)
			tui_results_set(tui, tui_results_track_value(
			    (enum sensitivity_parameter)hit.index,
			    hit.fraction));
		break;
	case TUI_HIT_ROW:
		if (tui->rules == NULL)
			break;
		if (wheel_up || wheel_down) {
			tui_results_move(tui, wheel_up ? -1 : 1);
			break;
		}
		if (click && tui->table_focus == hit.index)
			tui_detail_enter(tui, tui_results_order[hit.index]);
		else if (click)
			tui->table_focus = hit.index;
		break;
	case TUI_HIT_REASONS:
		if (wheel_up || wheel_down)
			tui_pane_scroll(&tui->reasons, wheel_up ? -3 : 3);
		break;
	case TUI_HIT_SIDE:
		if (wheel_up || wheel_down)
			tui_pane_scroll(&tui->side, wheel_up ? -3 : 3);
		break;
	default:
		break;
	}
}

/* Handles a key on the dashboard. */
void
tui_results_key(struct tui *tui, struct tui_key key)
{
	struct tui_key vi;
	if (tui_vi_key(key, &vi))
		key = vi;
	if (key.function) {
		switch (key.code) {
		case KEY_BTAB:
			tui_results_next_slider(tui, -1);
			break;
		case KEY_UP:
			tui_results_move(tui, -1);
			break;
		case KEY_DOWN:
			tui_results_move(tui, 1);
			break;
		case KEY_LEFT:
			if (tui->table_focus < 0)
				tui_results_adjust(tui, -1);
			break;
		case KEY_RIGHT:
			if (tui->table_focus < 0)
				tui_results_adjust(tui, 1);
			break;
		case KEY_HOME:
			if (tui->table_focus < 0)
				tui_results_adjust(tui, -2);
			break;
		case KEY_END:
			if (tui->table_focus < 0)
				tui_results_adjust(tui, 2);
			break;
		case KEY_PPAGE:
			tui_results_page(&tui->reasons, -1);
			break;
		case KEY_NPAGE:
			tui_results_page(&tui->reasons, 1);
			break;
		case KEY_ENTER:
			if (tui->table_focus >= 0)
				tui_detail_enter(tui,
				    tui_results_order[tui->table_focus]);
			break;
		default:
			break;
		}
		return;
	}
	switch (key.code) {
	case '\r':
	case '\n':
		if (tui->table_focus >= 0)
			tui_detail_enter(tui, tui_results_order[tui->table_focus]);
		else
			tui_message(tui, false, _("Up/Down to an outcome row, "
			    "then Enter shows its options."));
		break;
	case TUI_KEY_TAB:
		tui_results_next_slider(tui, 1);
		break;
	case '-':
	case '_':
		if (tui->table_focus < 0)
			tui_results_adjust(tui, -1);
		break;
	case '+':
	case '=':
		if (tui->table_focus < 0)
			tui_results_adjust(tui, 1);
		break;
	case '0':
		if (tui->table_focus < 0)
			tui_results_reset(tui);
		break;
	case 'u':
	case 'U':
		tui_results_undo(tui);
		break;
	case ']':
		tui_results_page(&tui->side, 1);
		break;
	case '[':
		tui_results_page(&tui->side, -1);
		break;
	case 'c':
	case 'C':
		tui->chart_wanted = !tui->chart_wanted;
		tui->chart_ready = false;
		if (!tui_results_table_shown(tui))
			tui->table_focus = -1;
		break;
	case 'e':
	case 'E':
		tui_prompt_start(tui, TUI_PROMPT_EXPORT);
		break;
	case 's':
	case 'S':
		tui_prompt_start(tui, TUI_PROMPT_SAVE);
		break;
	case 'r':
	case 'R':
		tui_overview_enter(tui);
		break;
	case 'q':
	case 'Q':
		tui_autosave_finish(tui);
		tui->running = false;
		tui->status = 0;
		break;
	default:
		break;
	}
}
