/* test_tui.c - the curses-free parts of the terminal front end: where a
 * mouse click on the results dashboard lands (sliders, tracks, outcome
 * rows, panes), and the settings file (colour theme, mouse) with its
 * positioned errors. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "tui_config.h"
#include "tui_layout.h"

/* Slider rows: the label focuses, the track maps to 0..1 left to right,
 * its end marks clamp; at 80x24 and at a wide terminal. */
START_TEST(test_hit_sliders)
{
	static const int sizes[][2] = { { 24, 80 }, { 50, 200 }, { 44, 100 } };
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		struct tui_layout l;
		struct tui_hit hit;
		int x, width;
		tui_layout_results(&l, sizes[i][0], sizes[i][1], 7, false);
		tui_layout_track(&l.sliders, &x, &width);
		ck_assert_int_gt(width, 10);
		tui_layout_hit(&l, l.sliders.y + 2, 3, &hit);
		ck_assert_int_eq(hit.kind, TUI_HIT_SLIDER);
		ck_assert_int_eq(hit.index, 2);
		tui_layout_hit(&l, l.sliders.y + 6, x, &hit);
		ck_assert_int_eq(hit.kind, TUI_HIT_TRACK);
		ck_assert_int_eq(hit.index, 6);
		ck_assert(hit.fraction == 0);
		tui_layout_hit(&l, l.sliders.y, x + width - 1, &hit);
		ck_assert_int_eq(hit.kind, TUI_HIT_TRACK);
		ck_assert(hit.fraction == 1);
		tui_layout_hit(&l, l.sliders.y, x + (width - 1) / 2, &hit);
		ck_assert(hit.fraction > 0.45 && hit.fraction < 0.55);
		/* The end marks clamp. */
		tui_layout_hit(&l, l.sliders.y, x - 1, &hit);
		ck_assert_int_eq(hit.kind, TUI_HIT_TRACK);
		ck_assert(hit.fraction == 0);
		tui_layout_hit(&l, l.sliders.y, x + width, &hit);
		ck_assert(hit.fraction == 1);
		/* The value after the track is the slider, not its track. */
		tui_layout_hit(&l, l.sliders.y, x + width + 3, &hit);
		ck_assert_int_eq(hit.kind, TUI_HIT_SLIDER);
	}
}
END_TEST

/* The table's heading is nothing; the rows under it are the outcomes;
 * the panes and the status line; nothing when the terminal is too small. */
START_TEST(test_hit_rows_and_panes)
{
	struct tui_layout l;
	struct tui_hit hit;
	tui_layout_results(&l, 24, 80, 7, false);
	tui_layout_hit(&l, l.table.y, 5, &hit);
	ck_assert_int_eq(hit.kind, TUI_HIT_NONE);
	for (int r = 0; r < TUI_TABLE_OUTCOMES; r++) {
		tui_layout_hit(&l, l.table.y + 1 + r, 40, &hit);
		ck_assert_int_eq(hit.kind, TUI_HIT_ROW);
		ck_assert_int_eq(hit.index, r);
	}
	tui_layout_hit(&l, l.table.y + 1 + TUI_TABLE_OUTCOMES, 40, &hit);
	ck_assert_int_eq(hit.kind, TUI_HIT_NONE);
	tui_layout_hit(&l, l.reasons.y + 1, l.reasons.x + 1, &hit);
	ck_assert_int_eq(hit.kind, TUI_HIT_REASONS);
	tui_layout_hit(&l, l.side.y + 1, l.side.x + 1, &hit);
	ck_assert_int_eq(hit.kind, TUI_HIT_SIDE);
	tui_layout_hit(&l, l.status.y, 3, &hit);
	ck_assert_int_eq(hit.kind, TUI_HIT_NONE);
	/* 80x24 with the chart: it takes the middle, no rows to click. */
	tui_layout_results(&l, 24, 80, 7, true);
	tui_layout_hit(&l, 3, 40, &hit);
	ck_assert_int_eq(hit.kind, TUI_HIT_CHART);
	tui_layout_results(&l, 20, 60, 7, false);
	tui_layout_hit(&l, 3, 3, &hit);
	ck_assert_int_eq(hit.kind, TUI_HIT_NONE);
}
END_TEST

/* Good settings: themes, mouse, comments, blanks. */
START_TEST(test_config_good)
{
	struct tui_config c;
	char *cause = NULL;
	tui_config_default(&c);
	ck_assert_int_eq(c.theme, TUI_THEME_DARK);
	ck_assert(c.mouse);
	ck_assert_int_eq(tui_config_parse(&c, "f", "# mine\n\n  theme = light  "
	    "# for a white terminal\nmouse=off\r\n", &cause), 0);
	ck_assert_ptr_null(cause);
	ck_assert_int_eq(c.theme, TUI_THEME_LIGHT);
	ck_assert(!c.mouse);
	ck_assert_int_eq(tui_config_parse(&c, "f", "theme=mono\nmouse = on",
	    &cause), 0);
	ck_assert_int_eq(c.theme, TUI_THEME_MONO);
	ck_assert(c.mouse);
	ck_assert_int_eq(tui_config_parse(&c, "f", "", &cause), 0);
}
END_TEST

/* Bad lines: the first is reported with its position, the good ones
 * still apply. */
START_TEST(test_config_bad)
{
	static const struct {
		const char *text, *message;
	} cases[] = {
		{ "colour = red\n", "f:1:1: unknown key 'colour'" },
		{ "theme = pink\n", "f:1:9: unknown theme 'pink'" },
		{ "\n  mouse = maybe\n", "f:2:11: mouse is on or off" },
		{ "theme\n", "f:1:6: expected 'key = value'" },
		{ "theme =\n", "f:1:8: a value is missing" },
		{ "theme = light dark\n", "f:1:15: one value a line" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct tui_config c;
		char *cause = NULL;
		tui_config_default(&c);
		ck_assert_int_eq(tui_config_parse(&c, "f", cases[i].text, &cause),
		    -1);
		ck_assert_ptr_nonnull(cause);
		ck_assert_msg(strncmp(cause, cases[i].message,
		    strlen(cases[i].message)) == 0, "%s: got %s", cases[i].text,
		    cause);
		free(cause);
	}
	{
		struct tui_config c;
		char *cause = NULL;
		tui_config_default(&c);
		ck_assert_int_eq(tui_config_parse(&c, "f", "bad\ntheme = mono\n",
		    &cause), -1);
		ck_assert_int_eq(c.theme, TUI_THEME_MONO);
		free(cause);
	}
}
END_TEST

/* A missing file is the defaults; a folder or binary file is an error. */
START_TEST(test_config_load)
{
	struct tui_config c;
	char *cause = NULL;
	char path[] = "/tmp/llmadvisor-test-tui.XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(path));
	tui_config_default(&c);
	ck_assert_int_eq(tui_config_load(&c, "/nonexistent/llmadvisor/config",
	    &cause), 0);
	ck_assert_ptr_null(cause);
	ck_assert_int_eq(tui_config_load(&c, path, &cause), -1);
	ck_assert_ptr_nonnull(cause);
	free(cause);
	cause = NULL;
	{
		char file[sizeof path + 16];
		FILE *f;
		snprintf(file, sizeof file, "%s/config", path);
		f = fopen(file, "wb");
		ck_assert_ptr_nonnull(f);
		fwrite("theme\0=x\n", 1, 9, f);
		fclose(f);
		ck_assert_int_eq(tui_config_load(&c, file, &cause), -1);
		ck_assert_ptr_nonnull(strstr(cause, ":1:1: not a text file"));
		free(cause);
		remove(file);
	}
	rmdir(path);
}
END_TEST

static Suite *
tui_suite(void)
{
	Suite *s = suite_create("tui");
	TCase *t = tcase_create("mouse");
	tcase_add_test(t, test_hit_sliders);
	tcase_add_test(t, test_hit_rows_and_panes);
	suite_add_tcase(s, t);
	t = tcase_create("config");
	tcase_add_test(t, test_config_good);
	tcase_add_test(t, test_config_bad);
	tcase_add_test(t, test_config_load);
	suite_add_tcase(s, t);
	return s;
}

int
main(void)
{
	return testutil_run(tui_suite());
}
