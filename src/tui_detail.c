/* tui_detail.c - the detail view of one outcome, opened by Enter (or a
 * second click) on its row of the results table: every option of the
 * kinds that outcome can use, cheapest first, each with its monthly cost
 * breakdown, its capacity (GPUs, replicas, utilisation), the figures it
 * rests on with their sources, and why it was or was not the one used.
 * Names are the data's full ones (the table shortens GPU names to fit).
 * Up/Down, j/k, PgUp/PgDn and the wheel scroll; Esc returns. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "tui_private.h"

/* Wrapped paragraphs drawn into a scrolled window of rows. */
struct tui_detail_box {
	int y, x, width;
	int first, rows;		/* lines first..first+rows-1 shown */
	int line;			/* lines so far */
	int indent;
	attr_t attr;
};

/* Draws one wrapped line when it is inside the window. */
static void
tui_detail_line(void *context, int row, const char *text, size_t length)
{
	struct tui_detail_box *box = context;
	char line[512];
	int visible = box->line + row - box->first;
	int indent = row > 0 ? box->indent + 2 : box->indent;
	if (visible < 0 || visible >= box->rows)
		return;
	snprintf(line, sizeof line, "%.*s", (int)length, text);
	tui_put(box->y + visible, box->x + indent, box->width - indent,
	    box->attr, line);
}

/* Adds a paragraph, indented by indent columns. */
static void
tui_detail_paragraph(struct tui_detail_box *box, attr_t attr, int indent,
    const char *text)
{
	box->attr = attr;
	box->indent = indent;
	box->line += tui_wrap(text, box->width - indent - 2, tui_detail_line,
	    box);
}

/* Whether an option is of a kind the outcome can use. */
static bool
tui_detail_uses(enum verdict outcome, enum option_kind kind)
{
	switch (outcome) {
	case VERDICT_CLOSED:
		return kind == OPTION_API;
	case VERDICT_OPEN_HOSTED:
		return kind == OPTION_HOSTED_OPEN;
	case VERDICT_OPEN:
		return kind == OPTION_CLOUD_ON_DEMAND ||
		    kind == OPTION_CLOUD_24X7 || kind == OPTION_OWNED;
	case VERDICT_HYBRID:
		return kind == OPTION_HYBRID;
	default:
		return false;
	}
}

/* The options shown for the outcome, cheapest first; returns how many. */
static size_t
tui_detail_options(const struct evaluation *report, enum verdict outcome,
    int *order)
{
	const struct cost_result *cost = &report->cost;
	size_t n = 0;
	for (size_t i = 0; i < cost->count && n < COST_MAX_OPTIONS; i++) {
		if (!tui_detail_uses(outcome, cost->options[i].kind))
			continue;
		/* Insertion by monthly total. */
		size_t at = n++;
		while (at > 0 && cost->options[order[at - 1]].monthly.total >
		    cost->options[i].monthly.total) {
			order[at] = order[at - 1];
			at--;
		}
		order[at] = (int)i;
	}
	return n;
}

/* The outcome's name as a heading. */
static const char *
tui_detail_outcome_name(enum verdict outcome)
{
	switch (outcome) {
	case VERDICT_CLOSED: return _("Closed API");
	case VERDICT_OPEN_HOSTED: return _("Open weights, hosted API");
	case VERDICT_OPEN: return _("Open weights, self-hosted");
	case VERDICT_HYBRID: return _("Hybrid: hard tasks to a closed API");
	default: return "";
	}
}

/* The option's name in full: model, GPU count and the GPU's full name. */
static void
tui_detail_option_name(const struct cost_option *o, char *out, size_t size)
{
	const char *model = o->model != NULL ? o->model->name : "";
	switch (o->kind) {
	case OPTION_API:
	case OPTION_HOSTED_OPEN:
		snprintf(out, size, "%s (%s)", model, o->model->provider != NULL ?
		    o->model->provider : "");
		break;
	case OPTION_HYBRID:
		if (o->hybrid_open_model != NULL)
			snprintf(out, size, _("%s + %s (hosted)"), model,
			    o->hybrid_open_model->name);
		else
			snprintf(out, size, "%s + %d x %s", model, o->gpus,
			    o->gpu != NULL ? o->gpu->name : "");
		break;
	default: {
		const struct model *open = NULL;
		if (o->config != NULL && o->config->model >= 0)
			open = o->model;
		snprintf(out, size, "%s%s%d x %s, %s", open != NULL ?
		    open->name : "", open != NULL ? _(" on ") : "", o->gpus,
		    o->gpu != NULL ? o->gpu->name : "",
		    o->config != NULL ? data_quantisation_name(
		    o->config->quantisation) : "");
		break;
	}
	}
}

/* One figure the option rests on: value, unit, source, date, verified. */
static void
tui_detail_figure(struct tui *tui, struct tui_detail_box *box,
    const char *what, const struct figure *figure)
{
	char value[64], line[1024];
	if (figure == NULL || figure->source == NULL)
		return;
	util_snprintf_c(value, sizeof value, "%.6g", figure->value);
	snprintf(line, sizeof line, "%s: %s %s %s %s (%s, %s)", what, value,
	    figure->unit != NULL ? figure->unit : "",
	    tui_glyph(tui, "—", "-"), figure->source,
	    figure->as_of != NULL ? figure->as_of : "",
	    figure->verified ? _("verified") : _("estimate"));
	tui_detail_paragraph(box, tui_attr(tui, TUI_ROLE_DIM), 6, line);
}

/* The figures an option's cost comes from. */
static void
tui_detail_assumptions(struct tui *tui, struct tui_detail_box *box,
    const struct cost_option *o)
{
	const struct defaults *d = &tui->data->defaults;
	enum expertise e = tui->profile->expertise;
	if (o->model != NULL && (o->kind == OPTION_API ||
	    o->kind == OPTION_HOSTED_OPEN || o->kind == OPTION_HYBRID)) {
		tui_detail_figure(tui, box, _("input price"),
		    &o->model->input_price);
		tui_detail_figure(tui, box, _("output price"),
		    &o->model->output_price);
	}
	if (o->hybrid_open_model != NULL) {
		tui_detail_figure(tui, box, _("open model input price"),
		    &o->hybrid_open_model->input_price);
		tui_detail_figure(tui, box, _("open model output price"),
		    &o->hybrid_open_model->output_price);
	}
	if (o->config != NULL)
		tui_detail_figure(tui, box, _("throughput, all streams"),
		    &o->config->batched_decode);
	if (o->gpu != NULL) {
		bool owned = o->kind == OPTION_OWNED ||
		    (o->kind == OPTION_HYBRID && o->hybrid_self_kind ==
		    OPTION_OWNED);
		if (!owned && o->gpu->has_cloud_price)
			tui_detail_figure(tui, box, _("GPU rental"),
			    &o->gpu->cloud_price);
		if (owned && o->gpu->has_purchase_price)
			tui_detail_figure(tui, box, _("GPU purchase"),
			    &o->gpu->purchase_price);
		if (owned) {
			tui_detail_figure(tui, box, _("GPU power"),
			    &o->gpu->power);
			tui_detail_figure(tui, box, _("electricity"),
			    &d->electricity_price);
			tui_detail_figure(tui, box, _("service life"),
			    &d->service_life_months);
		}
		if (e >= 0 && e < EXPERTISE_COUNT) {
			tui_detail_figure(tui, box, _("upkeep"),
			    &d->ops_hours[e]);
			tui_detail_figure(tui, box, _("setup"),
			    &d->setup_hours[e]);
		}
	} else {
		tui_detail_figure(tui, box, _("upkeep"), &d->api_ops_hours);
		tui_detail_figure(tui, box, _("setup"), &d->api_setup_hours);
	}
}

/* Why an option is or is not the one the outcome uses. */
static void
tui_detail_why(struct tui *tui, char *out, size_t size, int index,
    const struct cost_option *o, const struct cost_option *used)
{
	char money[48];
	const struct cost_option *options = tui->report->cost.options;
	if (used != NULL && used == &options[index]) {
		snprintf(out, size, "%s", _("Used: the cheapest option this "
		    "outcome may use."));
	} else if (!o->comparable) {
		snprintf(out, size, "%s", _("Not used: below the quality of the "
		    "self-hosted model, so it is not compared."));
	} else if (used != NULL) {
		util_format_money_in(I18N_TRANSLATED, money, sizeof money, o->monthly.total -
		    used->monthly.total);
		snprintf(out, size, _("Not used: %s a month more than the one "
		    "used."), money);
	} else {
		snprintf(out, size, "%s", _("Not used: the outcome is "
		    "vetoed."));
	}
}

/* One option: name and total, cost breakdown, capacity, why, figures. */
static void
tui_detail_option(struct tui *tui, struct tui_detail_box *box, size_t rank,
    int index, const struct cost_option *used)
{
	const struct cost_option *o = &tui->report->cost.options[index];
	char line[1024], name[512], total[48], parts[4][48], number[32];
	bool is_used = used == o;

	tui_detail_option_name(o, name, sizeof name);
	util_format_money_in(I18N_TRANSLATED, total, sizeof total,
	    o->monthly.total);
	snprintf(line, sizeof line, _("%zu. %s: %s/month (%s)"), rank, name,
	    total, report_kind_label(o->kind));
	tui_detail_paragraph(box, tui_attr(tui, is_used ? TUI_ROLE_GOOD :
	    TUI_ROLE_NORMAL), 2, line);
	util_format_money_in(I18N_TRANSLATED, parts[0], sizeof parts[0],
	    o->monthly.compute);
	util_format_money_in(I18N_TRANSLATED, parts[1], sizeof parts[1],
	    o->monthly.engineering);
	util_format_money_in(I18N_TRANSLATED, parts[2], sizeof parts[2],
	    o->monthly.setup);
	util_format_money_in(I18N_TRANSLATED, parts[3], sizeof parts[3],
	    o->monthly.hardware);
	snprintf(line, sizeof line, _("compute %s, engineering %s, setup %s, "
	    "hardware %s"), parts[0], parts[1], parts[2], parts[3]);
	tui_detail_paragraph(box, A_NORMAL, 6, line);
	if (o->gpu != NULL) {
		size_t n;
		char gpus[64], replicas[64], servers[64];
		snprintf(gpus, sizeof gpus, ngettext_("%d GPU", "%d GPUs",
		    (unsigned long)o->gpus), o->gpus);
		snprintf(replicas, sizeof replicas, ngettext_("%d replica",
		    "%d replicas", (unsigned long)o->replicas), o->replicas);
		snprintf(servers, sizeof servers, ngettext_("%d server",
		    "%d servers", (unsigned long)o->nodes), o->nodes);
		snprintf(line, sizeof line, _("capacity: %s (%s), %s"), gpus,
		    replicas, servers);
		n = strlen(line);
		if (o->kind == OPTION_CLOUD_ON_DEMAND ||
		    (o->kind == OPTION_HYBRID &&
		    o->hybrid_self_kind == OPTION_CLOUD_ON_DEMAND)) {
			util_format_number_in(I18N_TRANSLATED, number,
			    sizeof number, o->gpu_hours, 0);
			snprintf(line + n, sizeof line - n, _(", %s GPU hours a "
			    "month"), number);
		} else if (o->utilisation > 0) {
			util_format_percent_in(I18N_TRANSLATED, number,
			    sizeof number, o->utilisation);
			snprintf(line + n, sizeof line - n, _(", utilisation %s"),
			    number);
		}
		n = strlen(line);
		if (o->kind == OPTION_OWNED && !isnan(o->payback_months) &&
		    o->payback_months > 0) {
			util_format_fixed_in(I18N_TRANSLATED, number,
			    sizeof number, o->payback_months, 1);
			snprintf(line + n, sizeof line - n, _(", pays back in %s "
			    "months"), number);
		}
		tui_detail_paragraph(box, A_NORMAL, 6, line);
	}
	tui_detail_why(tui, line, sizeof line, index, o, used);
	tui_detail_paragraph(box, tui_attr(tui, is_used ? TUI_ROLE_GOOD :
	    TUI_ROLE_DIM), 6, line);
	tui_detail_assumptions(tui, box, o);
}

/* The outcome's standing: used by the verdict, vetoed, or how far
 * behind, and its ledger. */
static void
tui_detail_standing(struct tui *tui, struct tui_detail_box *box,
    enum verdict outcome)
{
	const struct evaluation *report = tui->report;
	const struct decision *decision = &report->outcome;
	const struct decide_ledger *l = &decision->ledgers[outcome];
	struct buffer *text = &tui->scratch;
	char line[1024], a[48], b[48], c[48];

	if (outcome == decision->verdict) {
		snprintf(line, sizeof line, "%s", _("Chosen: the lowest "
		    "effective cost of the allowed outcomes."));
	} else if (!l->available) {
		snprintf(line, sizeof line, "%s", _("Not chosen: no option in "
		    "the data fits it."));
	} else if (!l->allowed) {
		size_t n;
		snprintf(line, sizeof line, "%s", _("Not chosen: vetoed by"));
		for (size_t i = 0; i < l->vetoed_by_count; i++) {
			n = strlen(line);
			snprintf(line + n, sizeof line - n, "%s %s", i > 0 ? "," :
			    "", tui->rules->rules[l->vetoed_by[i]].id);
		}
		n = strlen(line);
		snprintf(line + n, sizeof line - n, ".");
	} else if (decision->verdict >= 0 && decision->verdict < VERDICT_COUNT) {
		util_format_money_in(I18N_TRANSLATED, a, sizeof a, l->effective);
		util_format_money_in(I18N_TRANSLATED, b, sizeof b,
		    decision->ledgers[decision->verdict].effective);
		util_format_money_in(I18N_TRANSLATED, c, sizeof c, l->effective -
		    decision->ledgers[decision->verdict].effective);
		snprintf(line, sizeof line, _("Not chosen: effective %s a month "
		    "against %s for the verdict, %s more."), a, b, c);
	} else {
		snprintf(line, sizeof line, "%s", _("No verdict: no decision "
		    "rules were evaluated."));
	}
	tui_detail_paragraph(box, tui_attr(tui, TUI_ROLE_TITLE), 0, line);
	if (!l->available)
		return;
	util_format_money_in(I18N_TRANSLATED, a, sizeof a, l->monthly.total);
	util_format_money_in(I18N_TRANSLATED, b, sizeof b, l->adjustments_total);
	util_format_percent_in(I18N_TRANSLATED, c, sizeof c, l->success);
	snprintf(line, sizeof line, _("Monthly %s, adjustments %s, success "
	    "%s: effective (monthly + adjustments) / success = "), a, b, c);
	{
		size_t n = strlen(line);
		util_format_money_in(I18N_TRANSLATED, line + n, sizeof line - n,
		    l->effective);
	}
	tui_detail_paragraph(box, A_NORMAL, 2, line);
	for (size_t i = 0; tui->rules != NULL && i < l->adjustment_count; i++) {
		text->length = 0;
		text->failed = false;
		if (text->data != NULL)
			text->data[0] = '\0';
		buffer_add(text, "+ ");
		decide_adjustment_text(tui->rules, decision, outcome, i,
		    report->metrics, I18N_TRANSLATED, text);
		if (text->data != NULL)
			tui_detail_paragraph(box, A_NORMAL, 4, text->data);
	}
}

/* Opens the detail of an outcome. */
void
tui_detail_enter(struct tui *tui, enum verdict outcome)
{
	tui->screen = TUI_SCREEN_DETAIL;
	tui->detail_outcome = (int)outcome;
	tui->detail.scroll = 0;
}

/* Draws the detail view. */
void
tui_detail_draw(struct tui *tui)
{
	static const char *footer[12];
	enum verdict outcome = (enum verdict)tui->detail_outcome;
	const struct evaluation *report = tui->report;
	const struct cost_option *used;
	struct tui_detail_box box;
	int order[COST_MAX_OPTIONS];
	size_t count, n = 0;
	char title[256];

	tui_results_complete(tui);
	used = decide_option(&report->outcome, &report->cost, outcome);
	snprintf(title, sizeof title, _(" %s: every option, cheapest first"),
	    tui_detail_outcome_name(outcome));
	tui_put_padded(0, 0, COLS, tui_attr(tui, TUI_ROLE_SELECTED), title);
	memset(&box, 0, sizeof box);
	box.y = 1;
	box.x = 1;
	box.width = COLS - 2;
	box.rows = LINES - 3;
	if (tui->detail.scroll < 0)
		tui->detail.scroll = 0;
	box.first = tui->detail.scroll;
	tui_detail_standing(tui, &box, outcome);
	count = tui_detail_options(report, outcome, order);
	if (count == 0)
		tui_detail_paragraph(&box, tui_attr(tui, TUI_ROLE_DIM), 2,
		    _("No option of this kind in the data."));
	for (size_t i = 0; i < count; i++)
		tui_detail_option(tui, &box, i + 1, order[i], used);
	tui->detail.lines = box.line;
	tui->detail.height = box.rows;
	tui_prompt_draw(tui, LINES - 2, COLS);
	if (box.line > box.rows) {
		snprintf(title, sizeof title, _("lines %d-%d of %d"),
		    box.first + 1, box.first + box.rows < box.line ?
		    box.first + box.rows : box.line, box.line);
		if (tui->message[0] == '\0' && !tui_prompt_active(tui))
			tui_put(LINES - 2, COLS - 1 - tui_width(title),
			    tui_width(title), tui_attr(tui, TUI_ROLE_DIM), title);
	}
	footer[n++] = _("Esc");
	footer[n++] = _("back");
	footer[n++] = tui_glyph(tui, "↑↓", "Up/Dn");
	footer[n++] = _("scroll");
	footer[n++] = _("PgUp/PgDn");
	footer[n++] = _("page");
	footer[n++] = "?";
	footer[n++] = _("help");
	footer[n++] = "q";
	footer[n++] = _("quit");
	footer[n] = NULL;
	tui_footer(tui, LINES - 1, COLS, footer);
}

/* A key on the detail view. */
void
tui_detail_key(struct tui *tui, struct tui_key key)
{
	struct tui_key vi;
	int page = tui->detail.height > 1 ? tui->detail.height - 1 : 1;

	if (tui_vi_key(key, &vi))
		key = vi;
	if (key.function) {
		switch (key.code) {
		case KEY_UP:
			tui_pane_scroll(&tui->detail, -1);
			break;
		case KEY_DOWN:
			tui_pane_scroll(&tui->detail, 1);
			break;
		case KEY_PPAGE:
			tui_pane_scroll(&tui->detail, -page);
			break;
		case KEY_NPAGE:
			tui_pane_scroll(&tui->detail, page);
			break;
		case KEY_HOME:
			tui->detail.scroll = 0;
			break;
		case KEY_END:
			tui_pane_scroll(&tui->detail, tui->detail.lines);
			break;
		case KEY_LEFT:
		case KEY_BACKSPACE:
			tui->screen = TUI_SCREEN_RESULTS;
			break;
		default:
			break;
		}
		return;
	}
	switch (key.code) {
	case TUI_KEY_ESCAPE:
	case '\r':
	case '\n':
	case 127:
	case 8:
		tui->screen = TUI_SCREEN_RESULTS;
		break;
	case ' ':
		tui_pane_scroll(&tui->detail, page);
		break;
	case 'q':
	case 'Q':
		tui_autosave_finish(tui);
		tui->running = false;
		break;
	default:
		break;
	}
}
