/* tui_overview.c - the answers overview that r opens on the results: one
 * row per question with its current answer, like a settings list.  Enter
 * edits the highlighted answer on its question screen, which comes back
 * here (Enter keeps the new answer, Esc the old one); Esc, Tab or r
 * return to the results, recomputed. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "tui_private.h"

#define TUI_OVERVIEW_LABEL 42
#define TUI_OVERVIEW_TOP 3		/* first row of the list */

/* Shows the overview with the last highlighted question. */
void
tui_overview_enter(struct tui *tui)
{
	tui->screen = TUI_SCREEN_OVERVIEW;
	tui->from_overview = false;
	tui->input_tried = false;
	if (tui->overview_row < 0 ||
	    tui->overview_row >= (int)profile_question_count)
		tui->overview_row = 0;
}

/* The current answer to a question as people read it. */
static void
tui_overview_answer(const struct tui *tui, const struct profile_field *f,
    char *out, size_t size)
{
	double v = profile_get_value(tui->profile, f);
	size_t n = 0;

	out[0] = '\0';
	switch (f->type) {
	case PROFILE_CHOICE:
		snprintf(out, size, "%s", f->labels != NULL ?
		    _(f->labels[(int)v]) : f->names[(int)v]);
		break;
	case PROFILE_FLAGS:
		for (int i = 0; f->names[i] != NULL; i++) {
			if (!((unsigned)v & (1u << i)))
				continue;
			snprintf(out + n, size - n, "%s%s", n > 0 ? ", " : "",
			    f->labels != NULL ? _(f->labels[i]) : f->names[i]);
			n = strlen(out);
		}
		if (n == 0)
			snprintf(out, size, "%s", _("none"));
		break;
	default:
		if (strcmp(f->key, "team.ops_hours_per_month") == 0 &&
		    !tui->profile->ops_hours_set) {
			char value[128];
			profile_format_readable(f, profile_ops_hours(tui->profile,
			    tui->data), value, sizeof value);
			snprintf(out, size, _("%s (the default for your "
			    "expertise)"), value);
		} else {
			profile_format_readable(f, v, out, size);
		}
		break;
	}
}

/* Rows of the list that fit between the title and the status line. */
static int
tui_overview_rows(void)
{
	return LINES - 2 - TUI_OVERVIEW_TOP;
}

/* Keeps the highlighted row inside the shown part of the list. */
static void
tui_overview_follow(struct tui *tui)
{
	int rows = tui_overview_rows();
	if (tui->overview_row < tui->overview_scroll)
		tui->overview_scroll = tui->overview_row;
	if (tui->overview_row >= tui->overview_scroll + rows)
		tui->overview_scroll = tui->overview_row - rows + 1;
	if (tui->overview_scroll < 0)
		tui->overview_scroll = 0;
}

/* Draws the list of questions and answers. */
void
tui_overview_draw(struct tui *tui)
{
	static const char *footer[16];
	char line[512], answer[384];
	int rows = tui_overview_rows(), n = 0;
	int label_width = COLS / 2 < TUI_OVERVIEW_LABEL ? COLS / 2 :
	    TUI_OVERVIEW_LABEL;

	tui_overview_follow(tui);
	tui_put_padded(0, 0, COLS, tui_attr(tui, TUI_ROLE_SELECTED),
	    _(" llmadvisor: your answers"));
	tui_put(1, 2, COLS - 4, tui_attr(tui, TUI_ROLE_DIM),
	    _("Enter changes the highlighted answer; Esc goes back to the "
	    "results."));
	for (int r = 0; r < rows; r++) {
		int i = tui->overview_scroll + r;
		const struct profile_field *f;
		bool selected = i == tui->overview_row;
		attr_t attr = selected ? tui_attr(tui, TUI_ROLE_SELECTED) :
		    A_NORMAL;
		if (i >= (int)profile_question_count)
			break;
		f = &profile_fields[i];
		tui_put(TUI_OVERVIEW_TOP + r, 0, 2, attr, selected ?
		    tui_glyph(tui, "▶", ">") : " ");
		snprintf(line, sizeof line, "%2d. %s", i + 1, _(f->label));
		if (selected)
			tui_put_padded(TUI_OVERVIEW_TOP + r, 2, COLS - 3, attr,
			    "");
		tui_put_cut(tui, TUI_OVERVIEW_TOP + r, 2, label_width - 1, attr,
		    line);
		tui_overview_answer(tui, f, answer, sizeof answer);
		tui_put_cut(tui, TUI_OVERVIEW_TOP + r, 2 + label_width,
		    COLS - 3 - label_width, selected ? attr :
		    tui_attr(tui, TUI_ROLE_TITLE), answer);
	}
	tui_prompt_draw(tui, LINES - 2, COLS);
	footer[n++] = _("Enter");
	footer[n++] = _("change");
	footer[n++] = tui_glyph(tui, "↑↓", "Up/Dn");
	footer[n++] = _("choose");
	footer[n++] = _("Esc");
	footer[n++] = _("results");
	footer[n++] = "?";
	footer[n++] = _("help");
	footer[n++] = "q";
	footer[n++] = _("quit");
	footer[n] = NULL;
	tui_footer(tui, LINES - 1, COLS, footer);
}

/* Edits the highlighted answer on its question screen. */
static void
tui_overview_edit(struct tui *tui)
{
	tui_questionnaire_enter(tui, (size_t)tui->overview_row);
	tui->from_overview = true;
}

/* A key on the overview. */
void
tui_overview_key(struct tui *tui, struct tui_key key)
{
	int last = (int)profile_question_count - 1;
	struct tui_key vi;

	if (tui_vi_key(key, &vi))
		key = vi;
	if (key.function) {
		switch (key.code) {
		case KEY_UP:
			if (tui->overview_row > 0)
				tui->overview_row--;
			break;
		case KEY_DOWN:
			if (tui->overview_row < last)
				tui->overview_row++;
			break;
		case KEY_HOME:
			tui->overview_row = 0;
			break;
		case KEY_END:
			tui->overview_row = last;
			break;
		case KEY_PPAGE:
			tui->overview_row -= tui_overview_rows();
			if (tui->overview_row < 0)
				tui->overview_row = 0;
			break;
		case KEY_NPAGE:
			tui->overview_row += tui_overview_rows();
			if (tui->overview_row > last)
				tui->overview_row = last;
			break;
		case KEY_RIGHT:
		case KEY_ENTER:
			tui_overview_edit(tui);
			break;
		case KEY_LEFT:
			tui_results_enter(tui);
			break;
		default:
			break;
		}
		return;
	}
	switch (key.code) {
	case '\r':
	case '\n':
		tui_overview_edit(tui);
		break;
	case TUI_KEY_ESCAPE:
	case TUI_KEY_TAB:
	case 'r':
	case 'R':
		tui_results_enter(tui);
		break;
	case 'q':
	case 'Q':
		/* Every question has an answer: nothing to resume. */
		tui_autosave_finish(tui);
		tui->running = false;
		break;
	default:
		break;
	}
}

/* A click highlights a row, a click on the highlighted row edits it;
 * the wheel moves the highlight. */
void
tui_overview_mouse(struct tui *tui, int y, int x, mmask_t buttons)
{
	int row = tui->overview_scroll + y - TUI_OVERVIEW_TOP;
	(void)x;
	if (buttons & BUTTON4_PRESSED) {
		if (tui->overview_row > 0)
			tui->overview_row--;
		return;
	}
#ifdef BUTTON5_PRESSED
	if (buttons & BUTTON5_PRESSED) {
		if (tui->overview_row < (int)profile_question_count - 1)
			tui->overview_row++;
		return;
	}
#endif
	if (!(buttons & BUTTON1_PRESSED) || y < TUI_OVERVIEW_TOP ||
	    y >= TUI_OVERVIEW_TOP + tui_overview_rows() || row < 0 ||
	    row >= (int)profile_question_count)
		return;
	if (row == tui->overview_row)
		tui_overview_edit(tui);
	else
		tui->overview_row = row;
}
