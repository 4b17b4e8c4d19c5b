/* chart.h - monthly cost against monthly volume as a grid of text cells:
 * one line per outcome (closed, open_hosted, open, hybrid: each ledger's
 * monthly cost plus its adjustments at each volume) when the series come
 * with a decision, else one line per option kind (the cheapest option of
 * that kind at each volume); log axes (volume 1M..10B tokens, money in decades), the current
 * volume and the breakeven points marked, and a legend.  The terminal
 * front end paints the grid cell by cell with colours from each cell's
 * style; the reports print chart_to_text() (in a code block for markdown).
 *
 * A view: the series come computed (evaluate_chart in evaluate.c, one
 * cost evaluation per plot column); chart.c only lays them out and draws.
 *
 * Core code: no curses, no printing.  One grid buffer is allocated (and
 * grown when a larger chart is asked for); everything else lives in the
 * struct. */
#ifndef LLMADVISOR_CHART_H
#define LLMADVISOR_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "cost.h"
#include "rules.h"
#include "util.h"

/* Smallest and largest grids chart_render accepts, in cells. */
#define CHART_MIN_WIDTH 40
#define CHART_MIN_HEIGHT 10
#define CHART_MAX_WIDTH 400
#define CHART_MAX_HEIGHT 200

/* The volume axis, tokens per month. */
#define CHART_VOLUME_LOW 1e6
#define CHART_VOLUME_HIGH 1e10

#define CHART_MAX_BREAKEVENS 8

/* The size of the chart in the text and markdown reports. */
#define CHART_REPORT_WIDTH 78
#define CHART_REPORT_HEIGHT 22

/* chart_render flags. */
#define CHART_ASCII		(1u << 0)	/* plain ASCII, no UTF-8 */
#define CHART_HOSTED_OPEN	(1u << 1)	/* add the hosted open line */
/* With CHART_ASCII: lines and marks in ASCII, but the (translated)
 * labels keep their UTF-8 letters, for a UTF-8 text report. */
#define CHART_UTF8_LABELS	(1u << 2)

/* The most lines a chart draws: one per option kind. */
#define CHART_MAX_LINES OPTION_KIND_COUNT

/* What a cell shows, for colouring; a kind line's style is
 * CHART_STYLE_SERIES + its option kind, an outcome line's
 * CHART_STYLE_OUTCOME + its outcome (enum verdict). */
enum chart_style {
	CHART_STYLE_BLANK,
	CHART_STYLE_AXIS,
	CHART_STYLE_LABEL,
	CHART_STYLE_NOW,
	CHART_STYLE_BREAKEVEN,
	CHART_STYLE_SERIES,
	CHART_STYLE_OUTCOME = CHART_STYLE_SERIES + OPTION_KIND_COUNT
};

/* One character cell: its UTF-8 text (one character) and style. */
struct chart_cell {
	char text[5];
	unsigned char style;
};

/* What a chart draws, computed for one grid width: the cheapest total of
 * each kind at each plot column's volume, and where the best API and the
 * best self-hosted option cross. */
struct chart_series {
	int width;			/* the grid width (0: no series) */
	int columns;			/* plot columns: chart_plot_columns() */
	double volume;			/* the profile's total volume */
	/* The cheapest total of each kind at CHART_VOLUME_HIGH (the legend
	 * and the money labels' width); NAN where the kind has no option. */
	double high[OPTION_KIND_COUNT];
	double volumes[CHART_MAX_WIDTH];	/* tokens/month per column */
	double costs[OPTION_KIND_COUNT][CHART_MAX_WIDTH];	/* or NAN */
	double breakevens[CHART_MAX_BREAKEVENS];	/* tokens/month */
	size_t breakeven_count;
	/* With a decision: each outcome's monthly total plus adjustments
	 * (NAN where it has no option), at CHART_VOLUME_HIGH and per
	 * column, and the outcomes vetoed at the profile's own volume. */
	bool outcomes;
	double outcome_high[VERDICT_COUNT];
	double outcome_costs[VERDICT_COUNT][CHART_MAX_WIDTH];
	unsigned vetoed;		/* 1 << outcome */
};

struct chart {
	int width, height;		/* of the last successful render */
	struct chart_cell *cells;	/* width x height, row after row */
	size_t capacity;		/* cells allocated */
	/* Where the parts are. */
	int plot_left, plot_top;	/* first plot column and row */
	int plot_width, plot_height;
	int axis_row;			/* the volume axis */
	int legend_top, legend_rows;
	/* Scales: money is drawn between two powers of ten. */
	double money_low, money_high;
	/* The lines drawn, by kind or by outcome (a kind line for hosted
	 * open only with CHART_HOSTED_OPEN). */
	bool shown[CHART_MAX_LINES];
	/* Marks. */
	int volume_column;		/* -1 when outside the axis */
	int breakeven_columns[CHART_MAX_BREAKEVENS];
	size_t breakeven_count;
};

void chart_init(struct chart *);
void chart_free(struct chart *);
/* The plot columns of a chart width cells wide for series whose high
 * costs are filled in (the money labels take the rest). */
int chart_plot_columns(int width, const struct chart_series *);
/* Lays out and draws the series (computed for this width) into a width x
 * height grid.  Returns 0, or -1 with *cause (too small or too large a
 * grid, series for another width, out of memory); on failure the previous
 * grid is kept. */
int chart_render(struct chart *, const struct chart_series *, int width,
	int height, unsigned flags, char **cause);
/* The cell at row, column of the last render. */
const struct chart_cell *chart_cell(const struct chart *, int row,
	int column);
/* The plot row a monthly cost is drawn on. */
int chart_row_of(const struct chart *, double usd);
/* The plot column a volume is drawn in, or -1 outside the axis. */
int chart_column_of(const struct chart *, double tokens);
/* Appends the grid as text, one line per row, trailing blanks removed. */
void chart_to_text(const struct chart *, struct buffer *);

#endif
