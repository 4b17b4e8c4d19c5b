/* test_chart.c - the cost-versus-volume chart grid (axes, marks, the 24/7
 * staircase, ASCII and Unicode, sizes it refuses) and the layout
 * arithmetic of the results dashboard. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "evaluate.h"
#include "testutil.h"
#include "tui_layout.h"

static struct chart chart;
static struct chart_series series;
static struct evaluation evaluation;
static struct cost_result result;

/* Computes the series for p (costs only, no rules) and renders the chart,
 * and checks it took. */
static void
render(const struct profile *p, int width, int height, unsigned flags)
{
	struct cost_scenario scenario;
	struct evaluate_settings settings;
	char *cause = NULL;
	cost_scenario_default(&scenario);
	evaluate_settings_default(&settings);
	settings.samples = 0;
	settings.flip_points = false;
	evaluate_run(&evaluation, testutil_data(), NULL, p, &scenario,
	    &settings);
	evaluate_chart(&evaluation, width, &series);
	int rc = chart_render(&chart, &series, width, height, flags, &cause);
	ck_assert_msg(rc == 0, "chart_render %dx%d: %s", width, height,
	    cause ? cause : "");
	ck_assert_int_eq(chart.width, width);
	ck_assert_int_eq(chart.height, height);
}

/* The text of one row, cells joined. */
static const char *
row_text(int row)
{
	static char line[CHART_MAX_WIDTH * 4 + 1];
	size_t n = 0;
	for (int c = 0; c < chart.width; c++) {
		const char *t = chart_cell(&chart, row, c)->text;
		size_t len = strlen(t);
		memcpy(line + n, t, len);
		n += len;
	}
	line[n] = '\0';
	return line;
}

/* Each test starts from an empty chart ... */
static void
setup(void)
{
	chart_init(&chart);
}

/* ... and frees its grid. */
static void
teardown(void)
{
	chart_free(&chart);
}

START_TEST(test_axes_and_labels)
{
	struct profile p;
	testutil_defaults(&p);
	render(&p, 80, 20, 0);
	const char *labels = row_text(chart.axis_row + 1);
	static const char *const volumes[] = { "1M", "10M", "100M", "1B",
	    "10B" };
	for (size_t i = 0; i < 5; i++)
		ck_assert_msg(strstr(labels, volumes[i]) != NULL, "no %s in '%s'",
		    volumes[i], labels);
	ck_assert_str_eq(chart_cell(&chart, chart.axis_row,
	    chart.plot_left - 1)->text, "└");
	ck_assert_ptr_nonnull(strstr(row_text(0), "USD"));
	ck_assert_ptr_nonnull(strstr(row_text(0), "tokens"));
	/* Money labels: powers of ten formatted as money, ticked. */
	int money_labels = 0;
	for (int r = chart.plot_top; r < chart.axis_row; r++)
		if (strchr(row_text(r), '$') != NULL) {
			money_labels++;
			ck_assert_str_eq(chart_cell(&chart, r,
			    chart.plot_left - 1)->text, "┤");
		}
	ck_assert_int_ge(money_labels, 2);
	ck_assert(chart.money_low > 0 && chart.money_high > chart.money_low);
	double decades = log10(chart.money_high / chart.money_low);
	ck_assert_double_eq_tol(decades, round(decades), 1e-9);
	/* The ends of the axis are the ends of the volume range. */
	ck_assert_int_eq(chart_column_of(&chart, CHART_VOLUME_LOW),
	    chart.plot_left);
	ck_assert_int_eq(chart_column_of(&chart, CHART_VOLUME_HIGH),
	    chart.width - 1);
	ck_assert_int_eq(chart_column_of(&chart, 1e5), -1);
	ck_assert_int_eq(chart_column_of(&chart, 1e11), -1);
}
END_TEST

START_TEST(test_legend)
{
	struct profile p;
	testutil_defaults(&p);
	render(&p, 80, 20, 0);
	struct buffer text;
	buffer_init(&text);
	chart_to_text(&chart, &text);
	static const char *const entries[] = { "● cheapest API",
	    "◆ cloud on demand", "■ cloud 24/7", "▲ owned GPUs", "◇ hybrid",
	    "× breakeven", "┊ now: 12M tokens" };
	for (size_t i = 0; i < sizeof entries / sizeof entries[0]; i++)
		ck_assert_msg(strstr(text.data, entries[i]) != NULL, "no '%s'",
		    entries[i]);
	/* Hosted open only when asked for. */
	ck_assert_ptr_null(strstr(text.data, "hosted open"));
	buffer_free(&text);
	render(&p, 80, 20, CHART_HOSTED_OPEN);
	buffer_init(&text);
	chart_to_text(&chart, &text);
	ck_assert_ptr_nonnull(strstr(text.data, "○ hosted open"));
	buffer_free(&text);
}
END_TEST

START_TEST(test_current_volume_marked)
{
	struct profile p;
	testutil_defaults(&p);
	p.input_tokens = 250e6;
	p.output_tokens = 50e6;
	render(&p, 100, 24, 0);
	ck_assert_double_eq(series.volume, 300e6);
	ck_assert_int_eq(chart.volume_column, chart_column_of(&chart, 300e6));
	ck_assert_int_ge(chart.volume_column, chart.plot_left);
	int marks = 0;
	for (int r = chart.plot_top; r < chart.axis_row; r++)
		marks += chart_cell(&chart, r, chart.volume_column)->style ==
		    CHART_STYLE_NOW;
	ck_assert_int_gt(marks, 0);
	/* Off the axis: no column, no marks. */
	p.input_tokens = 40e9;
	render(&p, 100, 24, 0);
	ck_assert_int_eq(chart.volume_column, -1);
	for (int r = 0; r < chart.height; r++)
		for (int c = 0; c < chart.width; c++)
			if (r < chart.axis_row)
				ck_assert_int_ne(chart_cell(&chart, r, c)->style,
				    CHART_STYLE_NOW);
}
END_TEST

/* The best API's cost minus the best self-hosted one's at plot column c,
 * from the chart's own series (NAN when either is missing). */
static double
chart_test_gap(int c)
{
	double self_hosted = NAN;
	for (int k = 0; k < OPTION_KIND_COUNT; k++)
		if (cost_kind_is_self_hosted(k) && isfinite(series.costs[k][c]) &&
		    !(series.costs[k][c] >= self_hosted))
			self_hosted = series.costs[k][c];
	return series.costs[OPTION_API][c] - self_hosted;
}

START_TEST(test_breakeven_marked)
{
	struct profile p;
	struct cost_scenario scenario;
	testutil_defaults(&p);
	cost_scenario_default(&scenario);
	double expected = cost_breakeven(testutil_data(),
	    testutil_data()->values, &p, &scenario);
	render(&p, 100, 24, 0);
	ck_assert(!isnan(expected));
	ck_assert_int_ge(chart.breakeven_count, 1);
	ck_assert_double_eq_tol(series.breakevens[0] / expected, 1, 1e-6);
	int column = chart.breakeven_columns[0];
	ck_assert_int_eq(column, chart_column_of(&chart, expected));
	ck_assert_str_eq(chart_cell(&chart, chart.axis_row, column)->text,
	    "×");
	ck_assert_int_eq(chart_cell(&chart, chart.axis_row, column)->style,
	    CHART_STYLE_BREAKEVEN);
	/* The crossing lies between the two columns around it: their
	 * volumes enclose it, the API line is cheaper on one side and dearer
	 * on the other, and the mark is on one of the two. */
	int left = -1;
	for (int c = 0; c + 1 < chart.plot_width; c++)
		if (series.volumes[c] <= series.breakevens[0] &&
		    series.breakevens[0] <= series.volumes[c + 1])
			left = c;
	ck_assert_int_ge(left, 0);
	double gap_left = chart_test_gap(left);
	double gap_right = chart_test_gap(left + 1);
	ck_assert(isfinite(gap_left) && isfinite(gap_right));
	ck_assert_msg((gap_left >= 0) != (gap_right >= 0),
	    "API minus self-hosted is %g at column %d and %g at %d: no crossing",
	    gap_left, left, gap_right, left + 1);
	ck_assert_int_ge(column - chart.plot_left, left);
	ck_assert_int_le(column - chart.plot_left, left + 1);
}
END_TEST

START_TEST(test_series_match_cost_model)
{
	struct profile p, at;
	struct cost_scenario scenario;
	testutil_defaults(&p);
	cost_scenario_default(&scenario);
	render(&p, 90, 22, 0);
	for (int c = 0; c < chart.plot_width; c += 7) {
		at = p;
		at.input_tokens = series.volumes[c] * 10 / 12;
		at.output_tokens = series.volumes[c] - at.input_tokens;
		cost_evaluate(testutil_data(), testutil_data()->values, &at,
		    &scenario, &result);
		for (int k = 0; k < OPTION_KIND_COUNT; k++) {
			if (k == OPTION_HOSTED_OPEN)
				continue;
			int i = result.cheapest[k];
			if (i < 0) {
				ck_assert(isnan(series.costs[k][c]));
				continue;
			}
			ck_assert_double_eq_tol(series.costs[k][c],
			    result.options[i].monthly.total,
			    1e-6 * result.options[i].monthly.total);
		}
	}
	/* Volumes run from 1M to 10B, evenly on the log axis. */
	ck_assert_double_eq_tol(series.volumes[0], 1e6, 1);
	ck_assert_double_eq_tol(series.volumes[chart.plot_width - 1], 1e10,
	    1e3);
}
END_TEST

START_TEST(test_staircase_visible)
{
	/* Peaky traffic: 24/7 capacity goes up in whole GPUs, so its cost is
	 * flat, then jumps, then flat again; with no engineering cost on top
	 * a second replica doubles it, drawn as a riser several rows high. */
	struct profile p;
	testutil_defaults(&p);
	p.peak_to_mean = 8;
	p.hourly_rate = 0;
	render(&p, 120, 60, 0);
	int jumps = 0, flats = 0, risers = 0;
	for (int c = 1; c < chart.plot_width; c++) {
		double a = series.costs[OPTION_CLOUD_24X7][c - 1];
		double b = series.costs[OPTION_CLOUD_24X7][c];
		ck_assert(b >= a - 1e-9);
		if (b > a * 1.01)
			jumps++;
		else if (fabs(b - a) < 1e-9)
			flats++;
	}
	ck_assert_int_ge(jumps, 2);
	ck_assert_int_gt(flats, jumps);
	for (int r = chart.plot_top; r < chart.axis_row; r++)
		for (int c = chart.plot_left; c < chart.width; c++) {
			const struct chart_cell *cell = chart_cell(&chart, r, c);
			risers += cell->style == CHART_STYLE_SERIES +
			    OPTION_CLOUD_24X7 && strcmp(cell->text, "│") == 0;
		}
	ck_assert_int_gt(risers, 0);
}
END_TEST

START_TEST(test_ascii_and_unicode)
{
	struct profile p;
	bool multibyte = false;
	testutil_defaults(&p);
	render(&p, 80, 20, CHART_ASCII);
	for (int r = 0; r < chart.height; r++)
		for (int c = 0; c < chart.width; c++) {
			const char *t = chart_cell(&chart, r, c)->text;
			ck_assert_int_eq(strlen(t), 1);
			ck_assert((unsigned char)t[0] >= 32 &&
			    (unsigned char)t[0] < 127);
		}
	ck_assert_str_eq(chart_cell(&chart, chart.axis_row,
	    chart.plot_left - 1)->text, "+");
	ck_assert_ptr_nonnull(strstr(row_text(chart.legend_top), "A cheapest"));
	render(&p, 80, 20, 0);
	for (int r = 0; r < chart.height; r++)
		for (int c = 0; c < chart.width; c++)
			multibyte |= strlen(chart_cell(&chart, r, c)->text) > 1;
	ck_assert(multibyte);
}
END_TEST

START_TEST(test_sizes_refused)
{
	struct profile p;
	char *cause = NULL;
	testutil_defaults(&p);
	render(&p, 60, 16, 0);
	const struct chart_cell *before = chart.cells;
	static const int sizes[][2] = {
		{ 39, 20 }, { 80, 9 }, { 0, 0 }, { -5, 20 },
		{ CHART_MAX_WIDTH + 1, 20 }, { 80, CHART_MAX_HEIGHT + 1 },
	};
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		ck_assert_int_eq(chart_render(&chart, &series, sizes[i][0],
		    sizes[i][1], 0, &cause), -1);
		ck_assert_ptr_nonnull(cause);
		ck_assert_ptr_nonnull(strstr(cause, "40x10"));
		free(cause);
		cause = NULL;
		/* The last good grid is still there. */
		ck_assert_int_eq(chart.width, 60);
		ck_assert_int_eq(chart.height, 16);
		ck_assert_ptr_eq(chart.cells, before);
	}
	/* Series computed for another width are refused too. */
	ck_assert_int_eq(chart_render(&chart, &series, 61, 16, 0, &cause), -1);
	ck_assert_ptr_nonnull(cause);
	free(cause);
	cause = NULL;
	ck_assert_int_eq(chart.width, 60);
	/* The smallest size works, in both styles. */
	render(&p, CHART_MIN_WIDTH, CHART_MIN_HEIGHT, 0);
	render(&p, CHART_MIN_WIDTH, CHART_MIN_HEIGHT, CHART_ASCII);
	ck_assert_int_ge(chart.plot_height, 3);
	/* Outside the grid, a blank. */
	ck_assert_str_eq(chart_cell(&chart, -1, 0)->text, " ");
	ck_assert_str_eq(chart_cell(&chart, 0, 10000)->text, " ");
}
END_TEST

START_TEST(test_one_buffer)
{
	struct profile p;
	testutil_defaults(&p);
	render(&p, 120, 40, 0);
	const struct chart_cell *cells = chart.cells;
	size_t capacity = chart.capacity;
	/* Re-rendering at the same or a smaller size reuses the grid. */
	for (int i = 0; i < 5; i++) {
		p.input_tokens *= 3;
		render(&p, 120 - i * 10, 40 - i * 3, i % 2 ? CHART_ASCII : 0);
		ck_assert_ptr_eq(chart.cells, cells);
		ck_assert_uint_eq(chart.capacity, capacity);
	}
}
END_TEST

START_TEST(test_to_text)
{
	struct profile p;
	struct buffer text;
	int lines = 0;
	testutil_defaults(&p);
	render(&p, 78, 22, CHART_ASCII);
	buffer_init(&text);
	chart_to_text(&chart, &text);
	ck_assert(!text.failed);
	for (char *line = text.data; *line != '\0'; lines++) {
		char *end = strchr(line, '\n');
		ck_assert_ptr_nonnull(end);
		ck_assert_int_le(end - line, 78);
		if (end > line)
			ck_assert_int_ne(end[-1], ' ');
		line = end + 1;
	}
	ck_assert_int_eq(lines, 22);
	buffer_free(&text);
}
END_TEST

/* The dashboard's layout: everything on screen and nothing overlapping. */
static void
check_layout(int lines, int columns, bool chart_wanted)
{
	struct tui_layout l;
	tui_layout_results(&l, lines, columns, 7, chart_wanted);
	ck_assert(!l.too_small);
	const struct tui_rect *parts[] = { &l.banner, &l.table, &l.reasons,
	    &l.side, &l.chart, &l.sliders, &l.status, &l.footer };
	size_t n = sizeof parts / sizeof parts[0];
	for (size_t i = 0; i < n; i++) {
		const struct tui_rect *r = parts[i];
		if (r->height == 0)
			continue;
		ck_assert_msg(r->y >= 0 && r->x >= 0 && r->y + r->height <= lines
		    && r->x + r->width <= columns, "%dx%d part %zu off screen",
		    columns, lines, i);
		for (size_t j = i + 1; j < n; j++)
			ck_assert_msg(!tui_layout_overlap(r, parts[j]),
			    "%dx%d parts %zu and %zu overlap", columns, lines, i,
			    j);
	}
	ck_assert_int_eq(l.banner.y, 0);
	ck_assert_int_eq(l.footer.y, lines - 1);
	ck_assert_int_eq(l.status.y, lines - 2);
	ck_assert_int_eq(l.sliders.height, 7);
	ck_assert_int_eq(l.sliders.y + l.sliders.height, lines - 2);
	ck_assert_int_ge(l.sliders.width, 80);
	ck_assert_int_eq(l.chart_visible, chart_wanted);
	if (chart_wanted) {
		ck_assert_int_ge(l.chart.width, CHART_MIN_WIDTH);
		ck_assert_int_ge(l.chart.height, CHART_MIN_HEIGHT);
	} else {
		ck_assert_int_eq(l.chart.height, 0);
	}
	if (!chart_wanted || l.chart_panel) {
		ck_assert_int_eq(l.table.height, TUI_TABLE_ROWS);
		ck_assert_int_ge(l.reasons.height, 6);
		ck_assert_int_ge(l.side.width, 25);
	}
}

START_TEST(test_layout_80x24)
{
	struct tui_layout l;
	check_layout(24, 80, false);
	check_layout(24, 80, true);
	tui_layout_results(&l, 24, 80, 7, false);
	ck_assert_int_eq(l.table.y, 1);
	ck_assert_int_eq(l.reasons.y, 9);
	ck_assert_int_eq(l.reasons.height, 6);
	ck_assert_int_eq(l.sliders.y, 15);
	/* Small: the chart takes the middle, the table goes. */
	tui_layout_results(&l, 24, 80, 7, true);
	ck_assert(!l.chart_panel);
	ck_assert_int_eq(l.table.height, 0);
	ck_assert_int_eq(l.chart.y, 1);
	ck_assert_int_eq(l.chart.height, 14);
	ck_assert(!tui_layout_is_large(24, 80));
}
END_TEST

START_TEST(test_layout_too_small)
{
	struct tui_layout l;
	static const int sizes[][2] = { { 23, 80 }, { 24, 79 }, { 10, 40 },
	    { 0, 0 }, { 1, 200 } };
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		tui_layout_results(&l, sizes[i][0], sizes[i][1], 7, true);
		ck_assert(l.too_small);
		ck_assert_int_eq(l.sliders.height, 0);
		ck_assert(!tui_layout_is_large(sizes[i][0], sizes[i][1]));
	}
}
END_TEST

START_TEST(test_layout_large)
{
	struct tui_layout l;
	/* Wide: the chart beside, the dashboard keeps 80 columns or more. */
	tui_layout_results(&l, 40, 200, 7, true);
	ck_assert(l.chart_panel);
	ck_assert_int_gt(l.chart.x, l.table.x + l.table.width - 1);
	ck_assert_int_ge(l.table.width, 80);
	ck_assert_int_eq(l.table.height, TUI_TABLE_ROWS);
	/* Tall: the chart below the panels. */
	tui_layout_results(&l, 50, 100, 7, true);
	ck_assert(l.chart_panel);
	ck_assert_int_eq(l.chart.x, 0);
	ck_assert_int_gt(l.chart.y, l.reasons.y);
	ck_assert(tui_layout_is_large(50, 100));
	ck_assert(tui_layout_is_large(24, TUI_WIDE_COLUMNS));
	ck_assert(tui_layout_is_large(TUI_TALL_LINES, 80));
	/* Every size from 80x24 up lays out cleanly. */
	for (int lines = 24; lines <= 70; lines += 3)
		for (int columns = 80; columns <= 260; columns += 7) {
			check_layout(lines, columns, false);
			check_layout(lines, columns, true);
		}
}
END_TEST

/* Without views (a JSON run) the volume table and the chart series are
 * left empty, and nothing else of the evaluation changes: the same
 * verdict, confidence, flip points and costs as with them. */
START_TEST(test_views_only_table_and_chart)
{
	static struct evaluation with, without;
	struct cost_scenario scenario;
	struct evaluate_settings settings;
	struct profile p;
	testutil_profile(&p,
	    "volume.input_tokens=250M volume.output_tokens=50M");
	cost_scenario_default(&scenario);
	evaluate_settings_default(&settings);
	settings.samples = 500;
	evaluate_run(&with, testutil_data(), testutil_rules(), &p, &scenario,
	    &settings);
	settings.views = false;
	evaluate_run(&without, testutil_data(), testutil_rules(), &p,
	    &scenario, &settings);
	ck_assert_int_eq(with.chart.width, CHART_REPORT_WIDTH);
	ck_assert(with.table.volumes[0] > 0);
	ck_assert_int_eq(without.chart.width, 0);
	for (int i = 0; i < EVALUATE_TABLE_VOLUMES; i++)
		ck_assert(without.table.volumes[i] == 0);
	ck_assert(!without.table.outcomes);
	ck_assert_int_eq(with.outcome.verdict, without.outcome.verdict);
	for (int v = 0; v < VERDICT_COUNT; v++)
		ck_assert(with.uncertainty.share[v] ==
		    without.uncertainty.share[v]);
	ck_assert_uint_eq(with.flip_count, without.flip_count);
	ck_assert_uint_gt(with.flip_count, 0);
	for (size_t i = 0; i < with.flip_count; i++)
		ck_assert(with.flips[i].value == without.flips[i].value);
	ck_assert_uint_eq(with.cost.count, without.cost.count);
	for (size_t i = 0; i < with.cost.count; i++)
		ck_assert(with.cost.options[i].monthly.total ==
		    without.cost.options[i].monthly.total);
}
END_TEST

/* The grid tests, then the layout tests. */
static Suite *
chart_suite(void)
{
	Suite *s = suite_create("chart");
	TCase *t = tcase_create("grid");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, test_axes_and_labels);
	tcase_add_test(t, test_legend);
	tcase_add_test(t, test_current_volume_marked);
	tcase_add_test(t, test_breakeven_marked);
	tcase_add_test(t, test_series_match_cost_model);
	tcase_add_test(t, test_staircase_visible);
	tcase_add_test(t, test_ascii_and_unicode);
	tcase_add_test(t, test_sizes_refused);
	tcase_add_test(t, test_one_buffer);
	tcase_add_test(t, test_to_text);
	tcase_add_test(t, test_views_only_table_and_chart);
	suite_add_tcase(s, t);
	t = tcase_create("layout");
	tcase_add_test(t, test_layout_80x24);
	tcase_add_test(t, test_layout_too_small);
	tcase_add_test(t, test_layout_large);
	suite_add_tcase(s, t);
	return s;
}

int
main(void)
{
	return testutil_run(chart_suite());
}
