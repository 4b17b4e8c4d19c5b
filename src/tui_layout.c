/* tui_layout.c - the results dashboard's layout arithmetic (see
 * tui_layout.h).
 *
 * Always: the verdict banner on the first row, the status line and the
 * key footer on the last two, the sliders just above them.  Between the
 * banner and the sliders: the cost table, then reasons (left) beside
 * warnings and flip points (right).  The chart replaces that middle part
 * on an 80x24 terminal, and becomes a panel of its own on a large one:
 * beside everything when the terminal is wide, below the table and the
 * panels when it is tall. */
#include "config.h"

#include <string.h>

#include "chart.h"
#include "tui_layout.h"

/* Fills a rectangle. */
static struct tui_rect
tui_layout_rect(int y, int x, int height, int width)
{
	struct tui_rect r;
	r.y = y;
	r.x = x;
	r.height = height > 0 && width > 0 ? height : 0;
	r.width = height > 0 && width > 0 ? width : 0;
	return r;
}

/* Wide enough for the chart beside an 80-column dashboard, or tall
 * enough for it below the panels. */
bool
tui_layout_is_large(int lines, int columns)
{
	if (lines < TUI_MIN_LINES || columns < TUI_MIN_COLUMNS)
		return false;
	return columns >= TUI_WIDE_COLUMNS || lines >= TUI_TALL_LINES;
}

/* Computes every rectangle of the results dashboard. */
void
tui_layout_results(struct tui_layout *layout, int lines, int columns,
    int slider_count, bool chart)
{
	int left = columns, middle_top = 1, middle_height, panels_height;

	memset(layout, 0, sizeof *layout);
	if (lines < TUI_MIN_LINES || columns < TUI_MIN_COLUMNS) {
		layout->too_small = true;
		return;
	}
	layout->chart_visible = chart;
	layout->chart_panel = chart && tui_layout_is_large(lines, columns);
	layout->banner = tui_layout_rect(0, 0, 1, columns);
	layout->status = tui_layout_rect(lines - 2, 0, 1, columns);
	layout->footer = tui_layout_rect(lines - 1, 0, 1, columns);

	if (layout->chart_panel && columns >= TUI_WIDE_COLUMNS) {
		/* Beside, two columns apart: the dashboard keeps at least 80
		 * columns. */
		int width = (columns - 2) * 9 / 20;
		if (width < CHART_MIN_WIDTH)
			width = CHART_MIN_WIDTH;
		left = columns - 2 - width;
		if (left < TUI_MIN_COLUMNS) {
			left = TUI_MIN_COLUMNS;
			width = columns - 2 - left;
		}
		layout->chart = tui_layout_rect(1, left + 2, lines - 3, width);
	}
	layout->sliders = tui_layout_rect(lines - 2 - slider_count, 0,
	    slider_count, left);
	middle_height = layout->sliders.y - middle_top;

	if (chart && !layout->chart_panel) {
		/* 80x24: the chart takes the middle; sliders stay. */
		layout->chart = tui_layout_rect(middle_top, 0, middle_height,
		    columns);
		return;
	}
	layout->table = tui_layout_rect(middle_top, 0, TUI_TABLE_ROWS, left);
	panels_height = middle_height - TUI_TABLE_ROWS;
	if (layout->chart_panel && columns < TUI_WIDE_COLUMNS) {
		/* Below: the panels keep eight rows, the chart the rest. */
		int height = panels_height - 8;
		layout->chart = tui_layout_rect(layout->sliders.y - height, 0,
		    height, left);
		panels_height = 8;
	}
	{
		int reasons = left * 3 / 5;
		int y = middle_top + TUI_TABLE_ROWS;
		layout->reasons = tui_layout_rect(y, 0, panels_height, reasons);
		layout->side = tui_layout_rect(y, reasons + 1, panels_height,
		    left - reasons - 1);
	}
}

/* Whether two rectangles share a cell. */
bool
tui_layout_overlap(const struct tui_rect *a, const struct tui_rect *b)
{
	if (a->height <= 0 || a->width <= 0 || b->height <= 0 ||
	    b->width <= 0)
		return false;
	return a->y < b->y + b->height && b->y < a->y + a->height &&
	    a->x < b->x + b->width && b->x < a->x + a->width;
}

/* The track of the slider rows (see tui_layout.h): after the marker and
 * the label, before the value. */
void
tui_layout_track(const struct tui_rect *sliders, int *x, int *width)
{
	*x = sliders->x + TUI_SLIDER_LABEL + 2;
	*width = sliders->width - TUI_SLIDER_LABEL - 2 - TUI_SLIDER_VALUE - 3;
}

/* True when the cell is inside the rectangle. */
static bool
tui_layout_inside(const struct tui_rect *r, int y, int x)
{
	return r->height > 0 && r->width > 0 && y >= r->y &&
	    y < r->y + r->height && x >= r->x && x < r->x + r->width;
}

/* Maps a click to a slider, a spot on a track, an outcome row or a pane
 * (see tui_layout.h). */
void
tui_layout_hit(const struct tui_layout *layout, int y, int x,
    struct tui_hit *hit)
{
	memset(hit, 0, sizeof *hit);
	hit->kind = TUI_HIT_NONE;
	if (layout->too_small)
		return;
	if (tui_layout_inside(&layout->sliders, y, x)) {
		int track_x, track_width;
		tui_layout_track(&layout->sliders, &track_x, &track_width);
		hit->index = y - layout->sliders.y;
		hit->kind = TUI_HIT_SLIDER;
		/* The track and its end marks. */
		if (track_width > 1 && x >= track_x - 1 &&
		    x <= track_x + track_width) {
			double f = (double)(x - track_x) / (track_width - 1);
			hit->kind = TUI_HIT_TRACK;
			hit->fraction = f < 0 ? 0 : f > 1 ? 1 : f;
		}
		return;
	}
	if (tui_layout_inside(&layout->table, y, x)) {
		int row = y - layout->table.y - 1;
		if (row >= 0 && row < TUI_TABLE_OUTCOMES) {
			hit->kind = TUI_HIT_ROW;
			hit->index = row;
		}
		return;
	}
	if (tui_layout_inside(&layout->reasons, y, x))
		hit->kind = TUI_HIT_REASONS;
	else if (tui_layout_inside(&layout->side, y, x))
		hit->kind = TUI_HIT_SIDE;
	else if (tui_layout_inside(&layout->chart, y, x))
		hit->kind = TUI_HIT_CHART;
}
