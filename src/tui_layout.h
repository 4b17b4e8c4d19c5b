/* tui_layout.h - where each part of the results dashboard goes, computed
 * from the terminal size alone.  No curses here, so the arithmetic is
 * unit-tested (tests/test_chart.c). */
#ifndef LLMADVISOR_TUI_LAYOUT_H
#define LLMADVISOR_TUI_LAYOUT_H

#include <stdbool.h>

/* The smallest terminal with the full layout. */
#define TUI_MIN_LINES 24
#define TUI_MIN_COLUMNS 80
/* Rows of the cost table: a heading, one row per option kind, and the
 * breakeven/payback line. */
#define TUI_TABLE_ROWS 8
/* A large terminal shows the chart as a panel beside (or below) the rest. */
#define TUI_WIDE_COLUMNS 150
#define TUI_TALL_LINES 44

/* The slider rows: a marker and a label, the track, then the value. */
#define TUI_SLIDER_LABEL 20
#define TUI_SLIDER_VALUE 20
/* Outcome rows of the table, under its heading row. */
#define TUI_TABLE_OUTCOMES 4

struct tui_rect {
	int y, x, height, width;
};

struct tui_layout {
	bool too_small;
	bool chart_visible;
	bool chart_panel;		/* beside or below the other panels */
	struct tui_rect banner, table, reasons, side, chart, sliders, status,
	    footer;
};

/* What a mouse click on the dashboard landed on. */
enum tui_hit_kind {
	TUI_HIT_NONE,
	TUI_HIT_SLIDER,			/* index: the slider; on its label */
	TUI_HIT_TRACK,			/* index: the slider; fraction 0..1
					 * along its track */
	TUI_HIT_ROW,			/* index: the outcome row, 0.. */
	TUI_HIT_REASONS,
	TUI_HIT_SIDE,			/* warnings and flip points */
	TUI_HIT_CHART,
};

struct tui_hit {
	enum tui_hit_kind kind;
	int index;
	double fraction;
};

/* The track of slider rows in r: its first column and its width. */
void tui_layout_track(const struct tui_rect *sliders, int *x, int *width);
/* Maps a cell (y, x) of the dashboard to what is drawn there. */
void tui_layout_hit(const struct tui_layout *, int y, int x,
	struct tui_hit *);

/* True when the terminal is large enough for the chart as a panel. */
bool tui_layout_is_large(int lines, int columns);
/* Lays out the results dashboard with slider_count sliders; chart says
 * whether the chart is wanted.  Hidden parts have height 0. */
void tui_layout_results(struct tui_layout *, int lines, int columns,
	int slider_count, bool chart);
/* True when two rectangles share a cell (empty ones share none). */
bool tui_layout_overlap(const struct tui_rect *, const struct tui_rect *);

#endif
