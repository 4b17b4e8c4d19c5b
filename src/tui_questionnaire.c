/* tui_questionnaire.c - one question per screen, in the order of
 * profile_fields[] (the answers file's order): the question, its answers
 * with the current one highlighted (default, -a FILE or autosave), a help
 * panel saying why it matters, and a progress indicator.
 *
 * Numbers offer presets plus a custom entry that takes typed numbers
 * (k/M/B for token counts, a % sign for shares); an invalid entry is
 * explained under it and never accepted.  Every accepted answer is
 * autosaved. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "tui_private.h"

/* The first row of the answers, and the help panel's height. */
#define TUI_QUESTION_FIRST_ROW 6
#define TUI_QUESTION_HELP_ROWS 7

enum tui_entry_kind {
	TUI_ENTRY_NAME,			/* a choice or a flag */
	TUI_ENTRY_DEFAULT,		/* ops hours: the expertise default */
	TUI_ENTRY_PRESET,
	TUI_ENTRY_CUSTOM,		/* a typed number */
};

/* Numbers get presets and a typed custom entry. */
static bool
tui_is_number(const struct profile_field *f)
{
	return f->type == PROFILE_TOKENS || f->type == PROFILE_NUMBER;
}

/* Ops hours also offer the default that follows the expertise. */
static bool
tui_is_ops_hours(const struct profile_field *f)
{
	return strcmp(f->key, "team.ops_hours_per_month") == 0;
}

/* How many names a choice or flags field has. */
static int
tui_name_count(const struct profile_field *f)
{
	int n = 0;
	while (f->names != NULL && f->names[n] != NULL)
		n++;
	return n;
}

/* Entries of the current question: names, or [default,] presets, custom. */
static int
tui_entry_count(const struct profile_field *f)
{
	if (!tui_is_number(f))
		return tui_name_count(f);
	return (tui_is_ops_hours(f) ? 1 : 0) + f->preset_count + 1;
}

/* What entry i is; *preset receives a preset's value. */
static enum tui_entry_kind
tui_entry(const struct profile_field *f, int i, double *preset)
{
	if (!tui_is_number(f))
		return TUI_ENTRY_NAME;
	if (tui_is_ops_hours(f)) {
		if (i == 0)
			return TUI_ENTRY_DEFAULT;
		i--;
	}
	if (i < f->preset_count) {
		*preset = f->presets[i];
		return TUI_ENTRY_PRESET;
	}
	return TUI_ENTRY_CUSTOM;
}

/* Shows question index with the current answer highlighted. */
void
tui_questionnaire_enter(struct tui *tui, size_t question)
{
	const struct profile_field *f;
	double v;

	if (question >= profile_question_count) {
		tui_results_enter(tui);
		return;
	}
	tui->screen = TUI_SCREEN_QUESTIONS;
	tui->question = question;
	tui->input_tried = false;
	tui->input_warned = false;
	tui->choice = 0;
	f = &profile_fields[question];
	v = profile_get_value(tui->profile, f);
	if (f->type == PROFILE_FLAGS)
		tui->flags = (unsigned)v;
	if (f->type == PROFILE_CHOICE)
		tui->choice = (int)v;
	if (!tui_is_number(f))
		return;
	if (tui_is_ops_hours(f))
		v = profile_ops_hours(tui->profile, tui->data);
	profile_format_value(tui->profile, tui->data, f, tui->input,
	    sizeof tui->input);
	tui->input_length = strlen(tui->input);
	tui->input_fresh = true;
	if (tui_is_ops_hours(f) && !tui->profile->ops_hours_set)
		return;
	for (int i = 0, n = tui_entry_count(f); i < n; i++) {
		double preset;
		enum tui_entry_kind kind = tui_entry(f, i, &preset);
		if (kind == TUI_ENTRY_CUSTOM ||
		    (kind == TUI_ENTRY_PRESET && fabs(preset - v) <=
		    1e-9 * fmax(1, fabs(v)))) {
			tui->choice = i;
			break;
		}
	}
}

/* Stores the highlighted answer; false (and the entry explained) when a
 * typed number is not valid. */
static bool
tui_questionnaire_store(struct tui *tui)
{
	const struct profile_field *f = &profile_fields[tui->question];
	double value = 0;

	switch (tui_entry(f, tui->choice, &value)) {
	case TUI_ENTRY_NAME:
		value = f->type == PROFILE_FLAGS ? (double)tui->flags :
		    (double)tui->choice;
		profile_set_value(tui->profile, f, value);
		break;
	case TUI_ENTRY_DEFAULT:
		tui->profile->ops_hours_set = false;
		break;
	case TUI_ENTRY_PRESET:
		profile_set_value(tui->profile, f, value);
		break;
	case TUI_ENTRY_CUSTOM:
		if (profile_parse_input(f, tui->input, &value, NULL) != 0) {
			tui->input_tried = true;
			return false;
		}
		/* An unusual number ("3" for an hourly rate) is asked about
		 * once: the second Enter keeps it. */
		if (profile_value_unusual(f, value, NULL, NULL) &&
		    !tui->input_warned) {
			tui->input_warned = true;
			return false;
		}
		profile_set_value(tui->profile, f, value);
		break;
	}
	tui->evaluated = false;
	return true;
}

/* Stores the highlighted answer, autosaves, and moves on. */
static void
tui_questionnaire_accept(struct tui *tui)
{
	if (!tui_questionnaire_store(tui))
		return;
	if (tui->from_overview) {
		/* One answer edited: back to the list of answers. */
		tui_autosave_write(tui, profile_question_count);
		tui_overview_enter(tui);
		return;
	}
	tui_autosave_write(tui, tui->question + 1);
	tui_questionnaire_enter(tui, tui->question + 1);
}

/* Tab: the results, with this screen's answer taken first, as Enter
 * would; an invalid typed number stays, explained. */
static void
tui_questionnaire_results(struct tui *tui)
{
	if (!tui_questionnaire_store(tui))
		return;
	tui->from_overview = false;
	tui_results_enter(tui);
}

/* Backspace in the typed number: removes its last character. */
static void
tui_questionnaire_erase(struct tui *tui)
{
	if (tui->input_length > 0)
		tui->input[--tui->input_length] = '\0';
	tui->input_fresh = false;
	tui->input_tried = false;
	tui->input_warned = false;
}

/* Left or Esc: the previous question. */
static void
tui_questionnaire_back(struct tui *tui)
{
	if (tui->from_overview) {
		/* The answer stays as it was. */
		tui_overview_enter(tui);
		return;
	}
	if (tui->question == 0) {
		tui_message(tui, false, _("This is the first question."));
		return;
	}
	tui_questionnaire_enter(tui, tui->question - 1);
}

/* Handles a key on a question screen. */
void
tui_questionnaire_key(struct tui *tui, struct tui_key key)
{
	const struct profile_field *f = &profile_fields[tui->question];
	int count = tui_entry_count(f);
	double preset;
	bool custom = tui_entry(f, tui->choice, &preset) == TUI_ENTRY_CUSTOM;
	struct tui_key vi;

	/* j k g G h move, except in the typed number, which takes letters
	 * (k is a suffix). */
	if (!(tui_is_number(f) && custom) && tui_vi_key(key, &vi) &&
	    vi.code != KEY_RIGHT)
		key = vi;
	if (key.function) {
		switch (key.code) {
		case KEY_UP:
			if (tui->choice > 0)
				tui->choice--;
			tui->input_tried = false;
			break;
		case KEY_DOWN:
			if (tui->choice < count - 1)
				tui->choice++;
			tui->input_tried = false;
			break;
		case KEY_HOME:
			tui->choice = 0;
			break;
		case KEY_END:
			tui->choice = count - 1;
			break;
		case KEY_LEFT:
			tui_questionnaire_back(tui);
			break;
		case KEY_BACKSPACE:
			/* Never back a question: an emptied field would. */
			if (custom)
				tui_questionnaire_erase(tui);
			break;
		case KEY_ENTER:
			tui_questionnaire_accept(tui);
			break;
		default:
			break;
		}
		return;
	}
	switch (key.code) {
	case '\r':
	case '\n':
		tui_questionnaire_accept(tui);
		return;
	case TUI_KEY_TAB:
		tui_questionnaire_results(tui);
		return;
	case TUI_KEY_ESCAPE:
		tui_questionnaire_back(tui);
		return;
	case 127:
	case 8:
		if (custom)
			tui_questionnaire_erase(tui);
		return;
	case TUI_KEY_CONTROL('u'):
		/* Empties the typed number, as in the file-name prompt. */
		if (custom) {
			tui->input_length = 0;
			tui->input[0] = '\0';
			tui->input_fresh = false;
			tui->input_warned = false;
		}
		return;
	case 'q':
	case 'Q':
		tui->running = false;
		return;
	case ' ':
		if (f->type == PROFILE_FLAGS)
			tui->flags ^= 1u << tui->choice;
		return;
	default:
		break;
	}
	if (tui_is_number(f) && key.code > ' ' && key.code < 127) {
		/* Typing starts a custom entry, or replaces the number it
		 * showed (as typing over a selection would). */
		if (!custom || tui->input_fresh) {
			tui->choice = count - 1;
			tui->input_length = 0;
			tui->input[0] = '\0';
		}
		if (tui->input_length < TUI_INPUT_MAX) {
			tui->input[tui->input_length++] = (char)key.code;
			tui->input[tui->input_length] = '\0';
		}
		tui->input_fresh = false;
		tui->input_tried = false;
		tui->input_warned = false;
	} else if (!tui_is_number(f) && key.code >= '1' &&
	    key.code < '1' + count && key.code <= '9') {
		tui->choice = key.code - '1';
	}
}

/* Where wrapped text goes: rows from y, cut after rows. */
struct tui_text_box {
	int y, x, width, rows;
	attr_t attr;
};

/* Draws one wrapped line inside its box. */
static void
tui_questionnaire_line(void *context, int row, const char *text,
    size_t length)
{
	struct tui_text_box *box = context;
	char line[512];
	if (row >= box->rows)
		return;
	snprintf(line, sizeof line, "%.*s", (int)length, text);
	tui_put(box->y + row, box->x, box->width, box->attr, line);
}

/* Draws text wrapped into a box of rows. */
static void
tui_questionnaire_text(int y, int x, int width, int rows, attr_t attr,
    const char *text)
{
	struct tui_text_box box = { y, x, width, rows, attr };
	tui_wrap(text, width, tui_questionnaire_line, &box);
}

/* Draws the title bar with "Question n of m" and the progress bar. */
static void
tui_questionnaire_draw_progress(struct tui *tui)
{
	char text[512];
	int done = (int)((COLS - 2) * (tui->question + 1) /
	    profile_question_count);

	tui_put_padded(0, 0, COLS, tui_attr(tui, TUI_ROLE_SELECTED),
	    _(" llmadvisor: closed API or self-hosted open weights?"));
	snprintf(text, sizeof text, _("Question %d of %d "),
	    (int)tui->question + 1, (int)profile_question_count);
	tui_put(0, COLS - tui_width(text), tui_width(text),
	    tui_attr(tui, TUI_ROLE_SELECTED), text);
	for (int x = 1; x < COLS - 1; x++)
		tui_put(1, x, 1, tui_attr(tui, x <= done ?
		    TUI_ROLE_KNOB : TUI_ROLE_DIM),
		    x <= done ? tui_glyph(tui, "━", "#") :
		    tui_glyph(tui, "─", "-"));
}

/* Draws answer i of the question on row y, marked when highlighted. */
static void
tui_questionnaire_draw_entry(struct tui *tui, const struct profile_field *f,
    int i, int y, int width)
{
	char text[512], value[128];
	double preset = 0;
	enum tui_entry_kind kind = tui_entry(f, i, &preset);
	bool selected = i == tui->choice;
	attr_t attr = selected ? tui_attr(tui, TUI_ROLE_SELECTED) : A_NORMAL;
	const char *mark = selected ? tui_glyph(tui, "▶", ">") : " ";
	int x = 2;

	tui_put(y, x, 2, attr, mark);
	x += 2;
	switch (kind) {
	case TUI_ENTRY_NAME:
		/* Numbered: the digit picks it (a number question's digits
		 * type a number instead, so its entries have none). */
		if (i < 9)
			snprintf(value, sizeof value, "%d. ", i + 1);
		else
			snprintf(value, sizeof value, "   ");
		if (f->type == PROFILE_FLAGS)
			snprintf(text, sizeof text, "%s[%s] %s", value,
			    (tui->flags & (1u << i)) ? "x" : " ",
			    f->labels != NULL ? _(f->labels[i]) : f->names[i]);
		else
			snprintf(text, sizeof text, "%s%s", value,
			    f->labels != NULL ? _(f->labels[i]) : f->names[i]);
		tui_put_padded(y, x, width - 2, attr, text);
		break;
	case TUI_ENTRY_DEFAULT:
		profile_format_readable(f, tui->data->defaults.ops_hours[
		    tui->profile->expertise].value, value, sizeof value);
		snprintf(text, sizeof text, _("The default for your "
		    "expertise: %s"), value);
		tui_put_padded(y, x, width - 2, attr, text);
		break;
	case TUI_ENTRY_PRESET:
		profile_format_readable(f, preset, text, sizeof text);
		tui_put_padded(y, x, width - 2, attr, text);
		break;
	case TUI_ENTRY_CUSTOM: {
		int used = tui_put(y, x, width - 2, attr, _("Other: "));
		/* Room for every character the field accepts, and the
		 * cursor after them. */
		tui_put_padded(y, x + used, TUI_INPUT_MAX + 1,
		    tui_attr(tui, TUI_ROLE_INPUT), tui->input);
		if (selected) {
			tui->cursor_y = y;
			tui->cursor_x = x + used + tui_width(tui->input);
		}
		break;
	}
	}
}

/* Under a typed number on row y: its reading, or what is wrong with it. */
static void
tui_questionnaire_draw_check(struct tui *tui, const struct profile_field *f,
    int y, int width)
{
	char message[512], value[128];
	char *cause = NULL;
	double v;

	double low, high;
	int parsed = profile_parse_input(f, tui->input, &v, &cause);
	if (parsed == 0 && profile_value_unusual(f, v, &low, &high)) {
		char from[64], to[64];
		profile_format_readable(f, v, value, sizeof value);
		profile_format_readable(f, low, from, sizeof from);
		profile_format_readable(f, high, to, sizeof to);
		snprintf(message, sizeof message, tui->input_warned ?
		    _("= %s? Unusual (usually %s to %s): Enter again keeps "
		    "it") : _("= %s? Unusual (usually %s to %s): check it, "
		    "Enter asks once more"), value, from, to);
		tui_questionnaire_text(y, 4, width - 2, 2,
		    tui_attr(tui, TUI_ROLE_ERROR), message);
	} else if (parsed == 0) {
		profile_format_readable(f, v, value, sizeof value);
		snprintf(message, sizeof message, _("= %s; Enter accepts"),
		    value);
		tui_put(y, 4, width - 2, tui_attr(tui, TUI_ROLE_GOOD), message);
	} else {
		tui_questionnaire_text(y, 4, width - 2, 2,
		    tui_attr(tui, TUI_ROLE_ERROR), cause != NULL ? cause : "");
		free(cause);
	}
}

/* Draws the prompt line, if one is open, and the key footer. */
static void
tui_questionnaire_draw_footer(struct tui *tui, const struct profile_field *f)
{
	static const char *footer[16];
	size_t n = 0;
	int x = tui_prompt_draw(tui, LINES - 2, COLS);

	if (x >= 0) {
		tui->cursor_y = LINES - 2;
		tui->cursor_x = x;
	}
	footer[n++] = _("Enter");
	footer[n++] = _("accept");
	footer[n++] = tui_glyph(tui, "↑↓", "Up/Dn");
	footer[n++] = _("choose");
	if (f->type == PROFILE_FLAGS) {
		footer[n++] = _("Space");
		footer[n++] = _("tick");
	}
	footer[n++] = tui->from_overview ? _("Esc") :
	    tui_glyph(tui, "←", "Left");
	footer[n++] = tui->from_overview ? _("cancel") : _("back");
	footer[n++] = _("Tab");
	footer[n++] = _("results");
	footer[n++] = "?";
	footer[n++] = _("help");
	footer[n++] = "q";
	footer[n++] = _("quit");
	footer[n] = NULL;
	tui_footer(tui, LINES - 1, COLS, footer);
}

/* Draws the question screen. */
void
tui_questionnaire_draw(struct tui *tui)
{
	const struct profile_field *f = &profile_fields[tui->question];
	double preset;
	int count = tui_entry_count(f), y, width = COLS - 4;
	int help_height = TUI_QUESTION_HELP_ROWS, help_y = LINES - 2 -
	    help_height;

	tui_questionnaire_draw_progress(tui);
	tui_put(3, 2, width, tui_attr(tui, TUI_ROLE_TITLE), _(f->label));
	tui_questionnaire_text(4, 2, width, 2, A_NORMAL, _(f->question));

	y = TUI_QUESTION_FIRST_ROW;
	for (int i = 0; i < count && y < help_y - 1; i++, y++)
		tui_questionnaire_draw_entry(tui, f, i, y, width);

	/* Inline validation of the typed number. */
	if (tui_is_number(f) && tui_entry(f, tui->choice, &preset) ==
	    TUI_ENTRY_CUSTOM && (tui->input_length > 0 || tui->input_tried))
		tui_questionnaire_draw_check(tui, f, y + 1, width);

	/* Why it matters. */
	if (f->help != NULL && *f->help != '\0') {
		tui_frame_box(tui, help_y, 1, help_height, COLS - 2,
		    _("Why it matters"));
		tui_questionnaire_text(help_y + 1, 3, COLS - 6, help_height - 2,
		    A_NORMAL, _(f->help));
	}
	tui_questionnaire_draw_footer(tui, f);
}

/* A click on an answer highlights it; a click on the highlighted one
 * takes it, as Enter does (a tick box toggles instead); the wheel moves
 * the highlight. */
void
tui_questionnaire_mouse(struct tui *tui, int y, int x, mmask_t buttons)
{
	const struct profile_field *f = &profile_fields[tui->question];
	int count = tui_entry_count(f);
	int last_row = LINES - 2 - TUI_QUESTION_HELP_ROWS - 2;
	int i = y - TUI_QUESTION_FIRST_ROW;
	(void)x;

	if (buttons & BUTTON4_PRESSED) {
		if (tui->choice > 0)
			tui->choice--;
		tui->input_tried = false;
		return;
	}
#ifdef BUTTON5_PRESSED
	if (buttons & BUTTON5_PRESSED) {
		if (tui->choice < count - 1)
			tui->choice++;
		tui->input_tried = false;
		return;
	}
#endif
	if (!(buttons & BUTTON1_PRESSED) || i < 0 || i >= count ||
	    y > last_row)
		return;
	if (f->type == PROFILE_FLAGS) {
		tui->choice = i;
		tui->flags ^= 1u << i;
	} else if (i == tui->choice) {
		tui_questionnaire_accept(tui);
	} else {
		tui->choice = i;
		tui->input_tried = false;
	}
}
