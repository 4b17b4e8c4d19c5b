/* chart.c - the cost-versus-volume chart as a text grid (see chart.h).
 *
 * Layout, top to bottom: a title row; the plot (money labels and their
 * axis on the left); the volume axis; its labels; the legend.  Each plot
 * column is one volume on the log axis (its costs computed by
 * evaluate_chart); each series draws its glyph on the row of its cost,
 * and a jump of more than one row (a new 24/7 replica) is drawn as a
 * riser, so capacity in whole GPUs shows as a staircase. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "i18n.h"

/* The characters of one drawing style. */
struct chart_glyphs {
	const char *series[OPTION_KIND_COUNT];
	const char *outcomes[VERDICT_COUNT];
	const char *riser, *now, *breakeven;
	const char *axis_y, *axis_x, *corner, *tick_x, *tick_y;
};

static const struct chart_glyphs chart_unicode = {
	{ "●", "○", "◆", "■", "▲", "◇" },
	{ "●", "○", "▲", "◇" },
	"│", "┊", "×",
	"│", "─", "└", "┬", "┤",
};

static const struct chart_glyphs chart_ascii = {
	{ "A", "H", "D", "R", "O", "B" },
	{ "C", "H", "O", "B" },
	"|", ":", "*",
	"|", "-", "+", "+", "+",
};

/* The lines one chart draws, by kind or by outcome, in one shape. */
struct chart_lines {
	int count;
	int draw_order[CHART_MAX_LINES];	/* later lines on top */
	int legend_order[CHART_MAX_LINES];
	const double *costs[CHART_MAX_LINES];	/* per plot column */
	double high[CHART_MAX_LINES];		/* at CHART_VOLUME_HIGH */
	const char *glyph[CHART_MAX_LINES];
	const char *label[CHART_MAX_LINES];
	int style[CHART_MAX_LINES];
	bool drawable[CHART_MAX_LINES];	/* not left out by the flags */
	bool vetoed[CHART_MAX_LINES];
	int reference;			/* the line breakevens sit on */
};

/* Kind lines in drawing order: later ones are drawn over earlier ones,
 * so the API line (the reference) stays visible where lines meet. */
static const int chart_draw_order[OPTION_KIND_COUNT] = {
	OPTION_HYBRID, OPTION_OWNED, OPTION_CLOUD_ON_DEMAND, OPTION_HOSTED_OPEN,
	OPTION_CLOUD_24X7, OPTION_API,
};

/* Kind legend order: the order of the cost table. */
static const int chart_legend_order[OPTION_KIND_COUNT] = {
	OPTION_API, OPTION_HOSTED_OPEN, OPTION_CLOUD_ON_DEMAND,
	OPTION_CLOUD_24X7, OPTION_OWNED, OPTION_HYBRID,
};

/* Outcome lines: closed on top; the legend in the order of the
 * outcome table. */
static const int chart_outcome_draw_order[VERDICT_COUNT] = {
	VERDICT_HYBRID, VERDICT_OPEN, VERDICT_OPEN_HOSTED, VERDICT_CLOSED,
};
static const int chart_outcome_legend_order[VERDICT_COUNT] = {
	VERDICT_CLOSED, VERDICT_OPEN_HOSTED, VERDICT_OPEN, VERDICT_HYBRID,
};

#define CHART_LEGEND_MAX (CHART_MAX_LINES + 2)

/* One legend entry and where it goes. */
struct chart_legend_entry {
	const char *glyph;
	int style;
	char text[96];
	int row, column;
};

/* The legend's short name of a series (translated). */
static const char *
chart_series_label(enum option_kind kind)
{
	switch (kind) {
	case OPTION_API: return _("cheapest API");
	case OPTION_HOSTED_OPEN: return _("hosted open");
	case OPTION_CLOUD_ON_DEMAND: return _("cloud on demand");
	case OPTION_CLOUD_24X7: return _("cloud 24/7");
	case OPTION_OWNED: return _("owned GPUs");
	case OPTION_HYBRID: return _("hybrid");
	default: return "";
	}
}

/* The legend's short name of an outcome line (translated). */
static const char *
chart_outcome_label(enum verdict outcome)
{
	switch (outcome) {
	case VERDICT_CLOSED: return _("closed API");
	case VERDICT_OPEN_HOSTED: return _("hosted open");
	case VERDICT_OPEN: return _("self-hosted");
	case VERDICT_HYBRID: return _("hybrid");
	default: return "";
	}
}

/* The lines of a series: one per outcome when it has them, else one per
 * option kind. */
static void
chart_lines_of(const struct chart_series *series,
    const struct chart_glyphs *g, unsigned flags, struct chart_lines *lines)
{
	memset(lines, 0, sizeof *lines);
	if (series->outcomes) {
		lines->count = VERDICT_COUNT;
		lines->reference = VERDICT_CLOSED;
		for (int v = 0; v < VERDICT_COUNT; v++) {
			lines->draw_order[v] = chart_outcome_draw_order[v];
			lines->legend_order[v] = chart_outcome_legend_order[v];
			lines->costs[v] = series->outcome_costs[v];
			lines->high[v] = series->outcome_high[v];
			lines->glyph[v] = g->outcomes[v];
			lines->label[v] = chart_outcome_label(v);
			lines->style[v] = CHART_STYLE_OUTCOME + v;
			lines->drawable[v] = true;
			lines->vetoed[v] = (series->vetoed & (1u << v)) != 0;
		}
		return;
	}
	lines->count = OPTION_KIND_COUNT;
	lines->reference = OPTION_API;
	for (int k = 0; k < OPTION_KIND_COUNT; k++) {
		lines->draw_order[k] = chart_draw_order[k];
		lines->legend_order[k] = chart_legend_order[k];
		lines->costs[k] = series->costs[k];
		lines->high[k] = series->high[k];
		lines->glyph[k] = g->series[k];
		lines->label[k] = chart_series_label(k);
		lines->style[k] = CHART_STYLE_SERIES + k;
		lines->drawable[k] = k != OPTION_HOSTED_OPEN ||
		    (flags & CHART_HOSTED_OPEN);
	}
}

/* Characters in UTF-8 text: each is drawn in one cell. */
static int
chart_text_width(const char *text)
{
	int width = 0;
	for (const unsigned char *p = (const unsigned char *)text; *p != '\0';
	    p++)
		width += (*p & 0xC0) != 0x80;
	return width;
}

/* Sets one cell to a single character (copied, at most 4 bytes). */
static void
chart_put(struct chart *chart, int row, int column, const char *glyph,
    size_t length, int style)
{
	struct chart_cell *cell;
	if (row < 0 || row >= chart->height || column < 0 ||
	    column >= chart->width)
		return;
	cell = &chart->cells[(size_t)row * (size_t)chart->width +
	    (size_t)column];
	if (length > sizeof cell->text - 1)
		length = sizeof cell->text - 1;
	memcpy(cell->text, glyph, length);
	cell->text[length] = '\0';
	cell->style = (unsigned char)style;
}

/* Sets one cell to a glyph string. */
static void
chart_put_glyph(struct chart *chart, int row, int column, const char *glyph,
    int style)
{
	chart_put(chart, row, column, glyph, strlen(glyph), style);
}

/* Writes text from column on, one character per cell, stopping before
 * column limit; in ASCII mode anything else becomes '?'.  Returns the
 * column after the text. */
static int
chart_put_text(struct chart *chart, int row, int column, int limit,
    const char *text, int style, bool ascii)
{
	const char *p = text;
	while (*p != '\0' && column < limit) {
		unsigned long code;
		size_t n = util_utf8_decode((const unsigned char *)p, &code);
		if (n == 0 || (ascii && n > 1)) {
			chart_put(chart, row, column++, "?", 1, style);
			p += n > 0 ? n : 1;
			continue;
		}
		chart_put(chart, row, column++, p, n, style);
		p += n;
	}
	return column;
}

/* The plot row of a monthly cost: money_high on the top plot row,
 * money_low on the bottom one; -1 for a missing or non-positive cost. */
int
chart_row_of(const struct chart *chart, double usd)
{
	if (!(usd > 0) || !isfinite(usd) || chart->plot_height <= 0)
		return -1;
	double high = log10(chart->money_high), low = log10(chart->money_low);
	double f = (high - log10(usd)) / (high - low);
	if (f < 0)
		f = 0;
	if (f > 1)
		f = 1;
	return chart->plot_top + (int)lround(f * (chart->plot_height - 1));
}

/* The plot column of a volume on the log axis, or -1 outside it. */
int
chart_column_of(const struct chart *chart, double tokens)
{
	if (!(tokens >= CHART_VOLUME_LOW * (1 - 1e-9)) ||
	    !(tokens <= CHART_VOLUME_HIGH * (1 + 1e-9)) ||
	    chart->plot_width <= 1)
		return -1;
	double f = log10(tokens / CHART_VOLUME_LOW) /
	    log10(CHART_VOLUME_HIGH / CHART_VOLUME_LOW);
	int column = (int)lround(f * (chart->plot_width - 1));
	if (column < 0)
		column = 0;
	if (column > chart->plot_width - 1)
		column = chart->plot_width - 1;
	return chart->plot_left + column;
}

/* Lays out the legend entries left to right, wrapping at the width;
 * returns the number of rows used. */
static int
chart_legend_layout(struct chart_legend_entry *entries, size_t count,
    int width)
{
	int row = 0, column = 0;
	for (size_t i = 0; i < count; i++) {
		int w = 2 + chart_text_width(entries[i].text);
		if (column > 0 && column + w > width) {
			row++;
			column = 0;
		}
		entries[i].row = row;
		entries[i].column = column;
		column += w + 2;
	}
	return count > 0 ? row + 1 : 0;
}

/* Formats a money axis label.  The chart's words come from the message
 * catalogue, and its figures follow them: "$1,000" in English, "1.000 $"
 * in German (never LC_NUMERIC). */
static void
chart_money_label(char *out, size_t size, double usd)
{
	util_format_money_in(I18N_TRANSLATED, out, size, usd);
}

/* Makes room for width x height cells; 0 or -1 (the old grid is kept). */
static int
chart_reserve(struct chart *chart, int width, int height, char **cause)
{
	size_t needed = (size_t)width * (size_t)height;
	if (needed > chart->capacity) {
		struct chart_cell *cells = realloc(chart->cells,
		    needed * sizeof *cells);
		if (cells == NULL) {
			util_error(cause, _("out of memory"));
			return -1;
		}
		chart->cells = cells;
		chart->capacity = needed;
	}
	return 0;
}

/* An empty chart. */
void
chart_init(struct chart *chart)
{
	memset(chart, 0, sizeof *chart);
	chart->volume_column = -1;
}

/* Releases the grid. */
void
chart_free(struct chart *chart)
{
	free(chart->cells);
	chart->cells = NULL;
	chart->capacity = 0;
	chart->width = chart->height = 0;
}

/* Which series are drawn, and the money range: from the lowest to the
 * highest cost drawn, widened to powers of ten. */
static void
chart_scale(struct chart *chart, const struct chart_lines *lines)
{
	double low = INFINITY, high = 0;

	for (int k = 0; k < CHART_MAX_LINES; k++)
		chart->shown[k] = false;
	for (int c = 0; c < chart->plot_width; c++) {
		for (int k = 0; k < lines->count; k++) {
			double total = lines->costs[k][c];
			if (!lines->drawable[k])
				continue;
			if (!isfinite(total) || total <= 0)
				continue;
			chart->shown[k] = true;
			if (total < low)
				low = total;
			if (total > high)
				high = total;
		}
	}
	if (!(high > 0)) {
		low = 1;
		high = 10;
	}
	chart->money_low = pow(10, floor(log10(low)));
	chart->money_high = pow(10, ceil(log10(high)));
	if (chart->money_high <= chart->money_low)
		chart->money_high = chart->money_low * 10;
}

/* The title row, both axes and their labels. */
static void
chart_draw_axes(struct chart *chart, const struct chart_glyphs *g,
    bool ascii, bool outcomes)
{
	char label[64];
	int axis_column = chart->plot_left - 1, last_row = -2, last_end = -1;

	chart_put_text(chart, 0, 0, chart->width, outcomes ?
	    _("Monthly cost + adjustments (USD) by volume (tokens), log "
	    "scales") : _("Monthly cost (USD) by monthly volume (tokens), log "
	    "scales"), CHART_STYLE_LABEL, ascii);
	for (int r = chart->plot_top; r < chart->axis_row; r++)
		chart_put_glyph(chart, r, axis_column, g->axis_y,
		    CHART_STYLE_AXIS);
	chart_put_glyph(chart, chart->axis_row, axis_column, g->corner,
	    CHART_STYLE_AXIS);
	for (int c = chart->plot_left; c < chart->width; c++)
		chart_put_glyph(chart, chart->axis_row, c, g->axis_x,
		    CHART_STYLE_AXIS);

	/* Money: one label per power of ten, where rows allow. */
	for (double v = chart->money_high; v >= chart->money_low * 0.999;
	    v /= 10) {
		int row = chart_row_of(chart, v);
		if (row < 0 || row == last_row)
			continue;
		chart_money_label(label, sizeof label, v);
		int w = chart_text_width(label);
		chart_put_text(chart, row, axis_column - w > 0 ?
		    axis_column - w : 0, axis_column, label, CHART_STYLE_LABEL,
		    ascii);
		chart_put_glyph(chart, row, axis_column, g->tick_y,
		    CHART_STYLE_AXIS);
		last_row = row;
	}

	/* Volume: one label per power of ten, centred under its tick. */
	for (double v = CHART_VOLUME_LOW; v <= CHART_VOLUME_HIGH * 1.001;
	    v *= 10) {
		int column = chart_column_of(chart, v);
		if (column < 0)
			continue;
		chart_put_glyph(chart, chart->axis_row, column, g->tick_x,
		    CHART_STYLE_AXIS);
		util_format_tokens_in(I18N_TRANSLATED, label, sizeof label, v);
		int w = chart_text_width(label);
		int start = column - w / 2;
		if (start + w > chart->width)
			start = chart->width - w;
		if (start <= last_end)
			continue;
		last_end = chart_put_text(chart, chart->axis_row + 1, start,
		    chart->width, label, CHART_STYLE_LABEL, ascii);
	}
}

/* The series: risers first, then every point over them. */
static void
chart_draw_series(struct chart *chart, const struct chart_lines *lines,
    const struct chart_glyphs *g)
{
	for (int i = 0; i < lines->count; i++) {
		int k = lines->draw_order[i];
		int previous = -1;
		if (!chart->shown[k])
			continue;
		for (int c = 0; c < chart->plot_width; c++) {
			int row = chart_row_of(chart, lines->costs[k][c]);
			if (row >= 0 && previous >= 0 &&
			    abs(row - previous) > 1) {
				int step = row < previous ? 1 : -1;
				for (int r = row + step; r != previous; r += step)
					chart_put_glyph(chart, r, chart->plot_left + c,
					    g->riser, lines->style[k]);
			}
			previous = row;
		}
	}
	for (int i = 0; i < lines->count; i++) {
		int k = lines->draw_order[i];
		if (!chart->shown[k])
			continue;
		for (int c = 0; c < chart->plot_width; c++) {
			int row = chart_row_of(chart, lines->costs[k][c]);
			if (row >= 0)
				chart_put_glyph(chart, row, chart->plot_left + c,
				    lines->glyph[k], lines->style[k]);
		}
	}
}

/* The current volume (a dotted line behind the series) and the
 * breakevens (on the API line and on the axis). */
static void
chart_draw_marks(struct chart *chart, const struct chart_series *series,
    const struct chart_lines *lines, const struct chart_glyphs *g,
    bool behind)
{
	if (behind) {
		if (chart->volume_column < 0)
			return;
		for (int r = chart->plot_top; r < chart->axis_row; r++)
			chart_put_glyph(chart, r, chart->volume_column, g->now,
			    CHART_STYLE_NOW);
		return;
	}
	for (size_t i = 0; i < chart->breakeven_count; i++) {
		int column = chart_column_of(chart, series->breakevens[i]);
		chart->breakeven_columns[i] = column;
		if (column < 0)
			continue;
		int row = chart_row_of(chart,
		    lines->costs[lines->reference][column - chart->plot_left]);
		if (row >= 0)
			chart_put_glyph(chart, row, column, g->breakeven,
			    CHART_STYLE_BREAKEVEN);
		chart_put_glyph(chart, chart->axis_row, column, g->breakeven,
		    CHART_STYLE_BREAKEVEN);
	}
}

/* The money labels' width, from the largest cost on the chart. */
static int
chart_label_width(const struct chart_series *series)
{
	const double *high = series->outcomes ? series->outcome_high :
	    series->high;
	int count = series->outcomes ? VERDICT_COUNT : OPTION_KIND_COUNT;
	char money[64];
	double largest = 10;
	for (int k = 0; k < count; k++)
		if (isfinite(high[k]) && high[k] > largest)
			largest = high[k];
	chart_money_label(money, sizeof money, pow(10, ceil(log10(largest))));
	return chart_text_width(money);
}

/* The plot columns left beside the money labels (see chart.h). */
int
chart_plot_columns(int width, const struct chart_series *series)
{
	return width - (chart_label_width(series) + 1);
}

/* The legend: every series the data offers, then the marks; returns the
 * number of entries. */
static size_t
chart_legend(struct chart_legend_entry *legend,
    const struct chart_series *series, const struct chart_lines *lines,
    const struct chart_glyphs *g)
{
	size_t count = 0;
	char tokens[32];

	for (int i = 0; i < lines->count; i++) {
		int k = lines->legend_order[i];
		if (!isfinite(lines->high[k]) || !lines->drawable[k])
			continue;
		legend[count].glyph = lines->glyph[k];
		legend[count].style = lines->style[k];
		/* TRANSLATORS: a chart line of an outcome the hard
		 * requirements rule out, "hosted open (vetoed)". */
		snprintf(legend[count].text, sizeof legend[count].text,
		    lines->vetoed[k] ? _("%s (vetoed)") : "%s",
		    lines->label[k]);
		count++;
	}
	legend[count].glyph = g->breakeven;
	legend[count].style = CHART_STYLE_BREAKEVEN;
	snprintf(legend[count].text, sizeof legend[count].text, "%s",
	    _("breakeven"));
	count++;
	util_format_tokens_in(I18N_TRANSLATED, tokens, sizeof tokens,
	    series->volume);
	legend[count].glyph = g->now;
	legend[count].style = CHART_STYLE_NOW;
	snprintf(legend[count].text, sizeof legend[count].text,
	    _("now: %s tokens"), tokens);
	count++;
	return count;
}

/* Lays out and draws the whole grid (see chart.h). */
int
chart_render(struct chart *chart, const struct chart_series *series,
    int width, int height, unsigned flags, char **cause)
{
	const struct chart_glyphs *g = (flags & CHART_ASCII) ? &chart_ascii :
	    &chart_unicode;
	/* Labels: ASCII only where the output cannot take UTF-8. */
	bool ascii = (flags & CHART_ASCII) && !(flags & CHART_UTF8_LABELS);
	struct chart_legend_entry legend[CHART_LEGEND_MAX];
	struct chart_lines lines;
	size_t legend_count;
	int label_width, legend_rows;

	if (width < CHART_MIN_WIDTH || height < CHART_MIN_HEIGHT ||
	    width > CHART_MAX_WIDTH || height > CHART_MAX_HEIGHT) {
		util_error(cause, _("a chart needs from %dx%d to %dx%d "
		    "characters, not %dx%d"), CHART_MIN_WIDTH, CHART_MIN_HEIGHT,
		    CHART_MAX_WIDTH, CHART_MAX_HEIGHT, width, height);
		return -1;
	}
	if (series->width != width) {
		util_error(cause, "chart series for %d columns, not %d",
		    series->width, width);
		return -1;
	}
	chart_lines_of(series, g, flags, &lines);
	legend_count = chart_legend(legend, series, &lines, g);
	legend_rows = chart_legend_layout(legend, legend_count, width);
	label_width = chart_label_width(series);
	if (height - 3 - legend_rows < 3) {
		util_error(cause, _("a chart of %d columns needs at least %d "
		    "rows"), width, legend_rows + 6);
		return -1;
	}
	if (chart_reserve(chart, width, height, cause) != 0)
		return -1;

	chart->width = width;
	chart->height = height;
	chart->plot_top = 1;
	chart->plot_left = label_width + 1;
	chart->plot_width = series->columns;
	chart->plot_height = height - 3 - legend_rows;
	chart->axis_row = chart->plot_top + chart->plot_height;
	chart->legend_top = chart->axis_row + 2;
	chart->legend_rows = legend_rows;
	for (size_t i = 0; i < (size_t)width * (size_t)height; i++) {
		chart->cells[i].text[0] = ' ';
		chart->cells[i].text[1] = '\0';
		chart->cells[i].style = CHART_STYLE_BLANK;
	}

	chart_scale(chart, &lines);
	chart->breakeven_count = series->breakeven_count;
	chart->volume_column = chart_column_of(chart, series->volume);
	for (size_t i = 0; i < CHART_MAX_BREAKEVENS; i++)
		chart->breakeven_columns[i] = -1;

	chart_draw_axes(chart, g, ascii, series->outcomes);
	chart_draw_marks(chart, series, &lines, g, true);
	chart_draw_series(chart, &lines, g);
	chart_draw_marks(chart, series, &lines, g, false);
	for (size_t i = 0; i < legend_count; i++) {
		int row = chart->legend_top + legend[i].row;
		chart_put_glyph(chart, row, legend[i].column, legend[i].glyph,
		    legend[i].style);
		chart_put_text(chart, row, legend[i].column + 2, width,
		    legend[i].text, CHART_STYLE_LABEL, ascii);
	}
	return 0;
}

/* The cell at row, column (a blank one outside the grid). */
const struct chart_cell *
chart_cell(const struct chart *chart, int row, int column)
{
	static const struct chart_cell blank = { " ", CHART_STYLE_BLANK };
	if (chart->cells == NULL || row < 0 || row >= chart->height ||
	    column < 0 || column >= chart->width)
		return &blank;
	return &chart->cells[(size_t)row * (size_t)chart->width +
	    (size_t)column];
}

/* The grid as lines of text (for a code block in a report). */
void
chart_to_text(const struct chart *chart, struct buffer *out)
{
	char line[CHART_MAX_WIDTH * 4 + 1];
	for (int r = 0; r < chart->height; r++) {
		size_t length = 0, keep = 0;
		for (int c = 0; c < chart->width; c++) {
			const char *text = chart_cell(chart, r, c)->text;
			size_t n = strlen(text);
			memcpy(line + length, text, n);
			length += n;
			if (strcmp(text, " ") != 0)
				keep = length;
		}
		buffer_add_length(out, line, keep);
		buffer_add_char(out, '\n');
	}
}
