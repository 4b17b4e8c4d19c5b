/* tui.c - the one owner of the terminal: start-up and teardown, colours
 * (or attributes only, with NO_COLOR or a monochrome terminal), signals,
 * resize, the key loop, and the drawing helpers every screen uses.
 *
 * Signal handlers only set flags; the loop wakes at least every
 * TUI_TICK_MS to look at them.  Every way out (q, a signal, a lost
 * terminal, exit() from anywhere) goes through endwin(). */
#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "i18n.h"
#include "tui_private.h"

#define TUI_TICK_MS 200
/* get_wch failing this many times in a row at once: the terminal is
 * gone (end of file on standard input), so stop instead of spinning. */
#define TUI_MAX_FAST_ERRORS 100
/* Keys already waiting are handled before the next frame, up to this. */
#define TUI_MAX_BATCH 64

static volatile sig_atomic_t tui_signal_caught;
static volatile sig_atomic_t tui_stop_requested;
static volatile sig_atomic_t tui_continued;
static bool tui_curses_active;
static SCREEN *tui_screen;

static const int tui_terminating_signals[] = {
	SIGINT, SIGTERM, SIGHUP, SIGQUIT,
};
#define TUI_SIGNAL_COUNT \
	(sizeof tui_terminating_signals / sizeof tui_terminating_signals[0])
static struct sigaction tui_old_actions[TUI_SIGNAL_COUNT + 2];

/* SIGINT, SIGTERM, SIGHUP, SIGQUIT: remember the first; the loop ends. */
static void
tui_on_signal(int signo)
{
	if (tui_signal_caught == 0)
		tui_signal_caught = signo;
}

/* SIGTSTP: the loop restores the terminal, then stops. */
static void
tui_on_stop(int signo)
{
	(void)signo;
	tui_stop_requested = 1;
}

/* SIGCONT: the loop redraws everything. */
static void
tui_on_continue(int signo)
{
	(void)signo;
	tui_continued = 1;
}

/* Seconds on the monotonic clock. */
double
tui_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Processor seconds this process used: frame costs that do not depend on
 * what else the machine is doing. */
static double
tui_cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Installs one handler, without SA_RESTART, saving the old action. */
static void
tui_sigaction(int signo, void (*handler)(int), struct sigaction *old)
{
	struct sigaction action;
	memset(&action, 0, sizeof action);
	action.sa_handler = handler;
	sigemptyset(&action.sa_mask);
	action.sa_flags = 0;		/* no SA_RESTART: wake the key wait */
	sigaction(signo, &action, old);
}

/* Installs the flag-setting handlers (before curses starts, so curses
 * keeps its hands off these signals) and saves the old ones. */
static void
tui_signals_install(void)
{
	for (size_t i = 0; i < TUI_SIGNAL_COUNT; i++)
		tui_sigaction(tui_terminating_signals[i], tui_on_signal,
		    &tui_old_actions[i]);
	tui_sigaction(SIGTSTP, tui_on_stop, &tui_old_actions[TUI_SIGNAL_COUNT]);
	tui_sigaction(SIGCONT, tui_on_continue,
	    &tui_old_actions[TUI_SIGNAL_COUNT + 1]);
}

/* Puts the handlers of before tui_run back. */
static void
tui_signals_restore(void)
{
	for (size_t i = 0; i < TUI_SIGNAL_COUNT; i++)
		sigaction(tui_terminating_signals[i], &tui_old_actions[i], NULL);
	sigaction(SIGTSTP, &tui_old_actions[TUI_SIGNAL_COUNT], NULL);
	sigaction(SIGCONT, &tui_old_actions[TUI_SIGNAL_COUNT + 1], NULL);
}

/* Restores the terminal if curses is still up: the last line of defence,
 * run by atexit() too. */
static void
tui_end_terminal(void)
{
	if (!tui_curses_active)
		return;
	tui_curses_active = false;
	curs_set(1);
	endwin();
	delscreen(tui_screen);
	tui_screen = NULL;
}

/* One attribute set per role: colours when allowed, else attributes. */
static void
tui_colours(struct tui *tui)
{
	const char *no_colour = getenv("NO_COLOR");
	attr_t *a = tui->attrs;

	for (int i = 0; i < TUI_ROLE_COUNT; i++)
		a[i] = A_NORMAL;
	a[TUI_ROLE_TITLE] = A_BOLD;
	a[TUI_ROLE_DIM] = A_DIM;
	a[TUI_ROLE_SELECTED] = A_REVERSE;
	a[TUI_ROLE_FOCUS] = A_REVERSE | A_BOLD;
	a[TUI_ROLE_ERROR] = A_BOLD;
	a[TUI_ROLE_GOOD] = A_BOLD;
	a[TUI_ROLE_KEY] = A_REVERSE;
	a[TUI_ROLE_BANNER_NONE] = A_REVERSE;
	a[TUI_ROLE_BANNER_CLOSED] = A_REVERSE | A_BOLD;
	a[TUI_ROLE_BANNER_OPEN] = A_REVERSE | A_BOLD;
	a[TUI_ROLE_BANNER_HYBRID] = A_REVERSE | A_BOLD;
	a[TUI_ROLE_FLIP] = A_BOLD;
	a[TUI_ROLE_KNOB] = A_BOLD;
	a[TUI_ROLE_INPUT] = A_UNDERLINE;
	tui->colour = false;
	if ((no_colour != NULL && *no_colour != '\0') || !has_colors() ||
	    start_color() == ERR)
		return;
	tui->colour = true;
	short background = use_default_colors() == OK ? -1 : COLOR_BLACK;
	static const struct {
		enum tui_role role;
		short foreground, background;	/* -2: the default */
		attr_t extra;
	} pairs[] = {
		{ TUI_ROLE_TITLE, COLOR_CYAN, -2, A_BOLD },
		{ TUI_ROLE_SELECTED, COLOR_BLACK, COLOR_CYAN, 0 },
		{ TUI_ROLE_FOCUS, COLOR_BLACK, COLOR_YELLOW, A_BOLD },
		{ TUI_ROLE_ERROR, COLOR_RED, -2, A_BOLD },
		{ TUI_ROLE_GOOD, COLOR_GREEN, -2, A_BOLD },
		{ TUI_ROLE_KEY, COLOR_BLACK, COLOR_WHITE, 0 },
		{ TUI_ROLE_BORDER, COLOR_BLUE, -2, 0 },
		{ TUI_ROLE_BANNER_NONE, COLOR_BLACK, COLOR_WHITE, 0 },
		{ TUI_ROLE_BANNER_CLOSED, COLOR_WHITE, COLOR_BLUE, A_BOLD },
		{ TUI_ROLE_BANNER_OPEN, COLOR_BLACK, COLOR_GREEN, A_BOLD },
		{ TUI_ROLE_BANNER_HYBRID, COLOR_BLACK, COLOR_MAGENTA, A_BOLD },
		{ TUI_ROLE_FLIP, COLOR_YELLOW, -2, A_BOLD },
		{ TUI_ROLE_KNOB, COLOR_CYAN, -2, A_BOLD },
		{ TUI_ROLE_INPUT, COLOR_WHITE, COLOR_BLUE, 0 },
		{ TUI_ROLE_SERIES + OPTION_API, COLOR_BLUE, -2, A_BOLD },
		{ TUI_ROLE_SERIES + OPTION_HOSTED_OPEN, COLOR_CYAN, -2, 0 },
		{ TUI_ROLE_SERIES + OPTION_CLOUD_ON_DEMAND, COLOR_YELLOW, -2, 0 },
		{ TUI_ROLE_SERIES + OPTION_CLOUD_24X7, COLOR_RED, -2, 0 },
		{ TUI_ROLE_SERIES + OPTION_OWNED, COLOR_GREEN, -2, 0 },
		{ TUI_ROLE_SERIES + OPTION_HYBRID, COLOR_MAGENTA, -2, 0 },
	};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		short pair = (short)(i + 1);
		if (pair >= COLOR_PAIRS)
			break;
		init_pair(pair, pairs[i].foreground, pairs[i].background == -2 ?
		    background : pairs[i].background);
		a[pairs[i].role] = COLOR_PAIR(pair) | pairs[i].extra;
	}
}

/* Starts curses on the terminal; 0, or -1 (nothing to undo). */
static int
tui_start(struct tui *tui)
{
	static bool registered;
	const char *term;

	tui_signals_install();
	tui_screen = newterm(NULL, stdout, stdin);
	if (tui_screen == NULL) {
		tui_signals_restore();
		return -1;
	}
	set_term(tui_screen);
	{
		/* A terminal that cannot move the cursor (TERM=dumb) would
		 * only show a garbled screen. */
		char *cup = tigetstr("cup");
		if (cup == NULL || cup == (char *)-1) {
			endwin();
			delscreen(tui_screen);
			tui_screen = NULL;
			tui_signals_restore();
			return -1;
		}
	}
	tui_curses_active = true;
	if (!registered) {
		atexit(tui_end_terminal);
		registered = true;
	}
	if (getenv("ESCDELAY") == NULL)
		set_escdelay(50);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	timeout(TUI_TICK_MS);
	curs_set(0);
	/* Unicode drawing in a UTF-8 locale, except on the DEC terminals
	 * (vt100, vt220, ...), which know only ASCII. */
	term = getenv("TERM");
	tui->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0 &&
	    (term == NULL || strncmp(term, "vt", 2) != 0);
	tui_colours(tui);
	return 0;
}

/* Restores the terminal and the signal handlers. */
static void
tui_stop(void)
{
	tui_end_terminal();
	tui_signals_restore();
}

/* Ctrl-Z: give the terminal back, stop, and take it again on SIGCONT. */
static void
tui_suspend(void)
{
	struct sigaction action, ours;
	tui_stop_requested = 0;
	def_prog_mode();
	endwin();
	memset(&action, 0, sizeof action);
	action.sa_handler = SIG_DFL;
	sigemptyset(&action.sa_mask);
	sigaction(SIGTSTP, &action, &ours);
	raise(SIGTSTP);
	/* Running again. */
	sigaction(SIGTSTP, &ours, NULL);
	reset_prog_mode();
	clearok(curscr, TRUE);
}

/* The attribute of a role. */
attr_t
tui_attr(const struct tui *tui, enum tui_role role)
{
	return tui->attrs[role];
}

/* Decodes one UTF-8 character; returns its length (1 for a bad byte,
 * with *wc = '?'). */
static int
tui_decode(const char *text, wchar_t *wc)
{
	const unsigned char *p = (const unsigned char *)text;
	int n;
	unsigned long c;
	if (p[0] < 0x80) {
		*wc = p[0];
		return 1;
	}
	if (p[0] >= 0xC2 && p[0] <= 0xDF) {
		n = 2;
		c = p[0] & 0x1F;
	} else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
		n = 3;
		c = p[0] & 0x0F;
	} else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
		n = 4;
		c = p[0] & 0x07;
	} else {
		*wc = L'?';
		return 1;
	}
	for (int i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80) {
			*wc = L'?';
			return 1;
		}
		c = (c << 6) | (p[i] & 0x3F);
	}
	*wc = (wchar_t)c;
	return n;
}

/* Columns a character takes; unprintable ones are shown as '?'. */
static int
tui_char_width(wchar_t *wc)
{
	int w = wcwidth(*wc);
	if (w < 0) {
		*wc = L'?';
		w = 1;
	}
	return w;
}

/* Display width of UTF-8 text. */
int
tui_width(const char *text)
{
	int width = 0;
	while (*text != '\0') {
		wchar_t wc;
		text += tui_decode(text, &wc);
		width += tui_char_width(&wc);
	}
	return width;
}

/* Writes text cut to width columns (see tui_private.h). */
int
tui_put(int y, int x, int width, attr_t attr, const char *text)
{
	wchar_t line[512];
	int used = 0, n = 0;
	while (*text != '\0' && n < (int)(sizeof line / sizeof line[0]) - 1) {
		wchar_t wc;
		int length = tui_decode(text, &wc);
		if (wc == L'\n' || wc == L'\t')
			wc = L' ';
		int w = tui_char_width(&wc);
		if (used + w > width)
			break;
		line[n++] = wc;
		used += w;
		text += length;
	}
	line[n] = L'\0';
	if (n > 0) {
		attrset(attr);
		mvaddnwstr(y, x, line, n);
		attrset(A_NORMAL);
	}
	return used;
}

/* Writes text and blanks after it up to width columns. */
void
tui_put_padded(int y, int x, int width, attr_t attr, const char *text)
{
	int used = tui_put(y, x, width, attr, text);
	if (used < width) {
		attrset(attr);
		mvhline(y, x + used, ' ', width - used);
		attrset(A_NORMAL);
	}
}

/* Word-wraps text into lines no wider than width (see tui_private.h). */
int
tui_wrap(const char *text, int width,
    void (*line)(void *, int, const char *, size_t), void *context)
{
	int rows = 0;
	const char *p = text;
	if (width < 1)
		return 0;
	while (*p != '\0') {
		const char *start = p, *space = NULL, *q = p;
		int used = 0;
		while (*q != '\0' && *q != '\n') {
			wchar_t wc;
			int length = tui_decode(q, &wc);
			int w = tui_char_width(&wc);
			if (used + w > width)
				break;
			if (*q == ' ')
				space = q;
			used += w;
			q += length;
		}
		const char *end = q;
		if (*q != '\0' && *q != '\n' && space != NULL && space > start)
			end = space;
		if (end == start && *q != '\0' && *q != '\n') {
			/* Not even one character fits. */
			wchar_t wc;
			end = start + tui_decode(start, &wc);
		}
		if (line != NULL)
			line(context, rows, start, (size_t)(end - start));
		rows++;
		p = end;
		while (*p == ' ')
			p++;
		if (*p == '\n')
			p++;
	}
	return rows;
}

/* The Unicode glyph in a UTF-8 locale, the ASCII one otherwise. */
const char *
tui_glyph(const struct tui *tui, const char *unicode, const char *ascii)
{
	return tui->utf8 ? unicode : ascii;
}

/* The key footer: "Enter accept  Up/Down choose ...", cut at the width. */
void
tui_footer(const struct tui *tui, int y, int width, const char *const *pairs)
{
	int x = 0;
	attrset(A_NORMAL);
	mvhline(y, 0, ' ', width);
	for (size_t i = 0; pairs[i] != NULL && pairs[i + 1] != NULL; i += 2) {
		int need = tui_width(pairs[i]) + 1 + tui_width(pairs[i + 1]);
		if (x + need > width)
			break;
		x += tui_put(y, x, width - x, tui_attr(tui, TUI_ROLE_KEY),
		    pairs[i]);
		x += 1;
		x += tui_put(y, x, width - x, A_NORMAL, pairs[i + 1]);
		x += 2;
	}
}

/* Sets the status-line message (text is copied, never a format). */
void
tui_message(struct tui *tui, bool error, const char *text)
{
	snprintf(tui->message, sizeof tui->message, "%s", text);
	tui->message_error = error;
}

/* A frame with a title in its top edge. */
void
tui_frame_box(const struct tui *tui, int y, int x, int height, int width,
    const char *title)
{
	attr_t border = tui_attr(tui, TUI_ROLE_BORDER);
	const char *h = tui_glyph(tui, "─", "-"), *v = tui_glyph(tui, "│", "|");
	if (height < 2 || width < 2)
		return;
	for (int c = x + 1; c < x + width - 1; c++) {
		tui_put(y, c, 1, border, h);
		tui_put(y + height - 1, c, 1, border, h);
	}
	for (int r = y + 1; r < y + height - 1; r++) {
		tui_put(r, x, 1, border, v);
		tui_put(r, x + width - 1, 1, border, v);
	}
	tui_put(y, x, 1, border, tui_glyph(tui, "┌", "+"));
	tui_put(y, x + width - 1, 1, border, tui_glyph(tui, "┐", "+"));
	tui_put(y + height - 1, x, 1, border, tui_glyph(tui, "└", "+"));
	tui_put(y + height - 1, x + width - 1, 1, border,
	    tui_glyph(tui, "┘", "+"));
	if (title != NULL && *title != '\0' && width > 6) {
		char padded[256];
		snprintf(padded, sizeof padded, " %s ", title);
		tui_put(y, x + 2, width - 4, tui_attr(tui, TUI_ROLE_TITLE),
		    padded);
	}
}

/* Clears a rectangle (inside of a box). */
static void
tui_clear_rect(int y, int x, int height, int width)
{
	attrset(A_NORMAL);
	for (int r = y; r < y + height; r++)
		mvhline(r, x, ' ', width);
}

/* The help overlay: every key of both screens. */
static void
tui_help_draw(struct tui *tui)
{
	const char *rows[][2] = {
		{ NULL, _("Questionnaire") },
		{ _("Enter"), _("accept the highlighted answer, next question") },
		{ _("Up/Down"), _("choose an answer") },
		{ _("Space"), _("tick or untick (where several answers fit)") },
		{ _("0-9 k M B"), _("type a number: 250M, 1.5B, 30%") },
		{ _("Left/Bksp/Esc"), _("back to the previous question") },
		{ _("Tab"), _("straight to the results, other answers kept") },
		{ NULL, _("Results") },
		{ _("Tab/S-Tab Up/Dn"), _("focus the next or previous slider") },
		{ _("Left/Right - +"), _("move the focused slider") },
		{ _("Home/End"), _("focused slider to its lowest or highest") },
		{ _("PgUp/PgDn"), _("scroll the reasons") },
		{ _("c"), _("show or hide the cost chart") },
		{ _("e"), _("export the markdown report") },
		{ _("s"), _("save the answers to a file") },
		{ _("r"), _("revise the answers (questionnaire)") },
		{ NULL, _("Anywhere") },
		{ _("?"), _("this help (any key closes it)") },
		{ _("Ctrl-L"), _("redraw the screen") },
		{ _("q"), _("quit (answers are autosaved)") },
	};
	int count = (int)(sizeof rows / sizeof rows[0]);
	int width = COLS - 4 < 72 ? COLS - 4 : 72;
	int height = count + 2 < LINES - 2 ? count + 2 : LINES - 2;
	int y = (LINES - height) / 2, x = (COLS - width) / 2;

	tui_clear_rect(y, x, height, width);
	tui_frame_box(tui, y, x, height, width, _("Keys"));
	for (int i = 0; i < count && i < height - 2; i++) {
		int row = y + 1 + i;
		if (rows[i][0] == NULL) {
			tui_put(row, x + 2, width - 4, tui_attr(tui,
			    TUI_ROLE_TITLE), rows[i][1]);
			continue;
		}
		tui_put(row, x + 3, 16, tui_attr(tui, TUI_ROLE_GOOD), rows[i][0]);
		tui_put(row, x + 20, width - 22, A_NORMAL, rows[i][1]);
	}
}

/* The offer to continue the autosaved session. */
static void
tui_resume_draw(struct tui *tui)
{
	char line[512];
	int width = COLS - 8 < 70 ? COLS - 8 : 70, height = 9;
	int y = (LINES - height) / 2, x = (COLS - width) / 2;
	static const char *footer[5];

	footer[0] = _("Enter/y");
	footer[1] = _("resume");
	footer[2] = _("n");
	footer[3] = _("start afresh");
	footer[4] = NULL;
	tui_put_padded(0, 0, COLS, tui_attr(tui, TUI_ROLE_TITLE),
	    _(" llmadvisor: closed API or self-hosted open weights?"));
	tui_frame_box(tui, y, x, height, width, _("Unfinished session"));
	tui_put(y + 2, x + 3, width - 6, tui_attr(tui, TUI_ROLE_TITLE),
	    _("Resume where you left off?"));
	if (tui->resume_question >= (int)profile_question_count)
		snprintf(line, sizeof line, _("Answers saved %s, all questions "
		    "answered."), tui->resume_when);
	else
		snprintf(line, sizeof line, _("Answers saved %s, at question %d "
		    "of %d."), tui->resume_when, tui->resume_question + 1,
		    (int)profile_question_count);
	tui_put(y + 4, x + 3, width - 6, A_NORMAL, line);
	tui_put(y + 6, x + 3, width - 6, tui_attr(tui, TUI_ROLE_DIM),
	    _("Enter or y resumes, n starts afresh, q quits."));
	tui_prompt_draw(tui, LINES - 2, COLS);
	tui_footer(tui, LINES - 1, COLS, footer);
}

/* A key on the resume offer. */
static void
tui_resume_key(struct tui *tui, struct tui_key key)
{
	char *cause = NULL;
	if (key.function && key.code != KEY_ENTER)
		return;
	if (key.code == '\r' || key.code == '\n' || key.code == KEY_ENTER ||
	    key.code == 'y' || key.code == 'Y') {
		if (tui_autosave_load(tui, &cause) != 0) {
			tui_message(tui, true, cause);
			free(cause);
			tui_questionnaire_enter(tui, 0);
			return;
		}
		if (tui->resume_question >= (int)profile_question_count)
			tui_results_enter(tui);
		else
			tui_questionnaire_enter(tui,
			    (size_t)tui->resume_question);
		tui_message(tui, false, _("Resumed the autosaved answers."));
	} else if (key.code == 'n' || key.code == 'N') {
		tui_questionnaire_enter(tui, 0);
	}
}

/* "terminal too small" until the terminal is resized. */
static void
tui_too_small_draw(struct tui *tui)
{
	char now[64];
	const char *message = tui->utf8 ?
	    _("terminal too small — need at least 80×24") :
	    _("terminal too small - need at least 80x24");
	snprintf(now, sizeof now, tui->utf8 ? _("now %d×%d; q quits") :
	    _("now %dx%d; q quits"), COLS, LINES);
	int y = LINES / 2 - 1;
	if (y < 0)
		y = 0;
	int x = (COLS - tui_width(message)) / 2;
	tui_put(y, x > 0 ? x : 0, COLS, tui_attr(tui, TUI_ROLE_ERROR),
	    message);
	x = (COLS - tui_width(now)) / 2;
	if (y + 1 < LINES)
		tui_put(y + 1, x > 0 ? x : 0, COLS, A_NORMAL, now);
}

/* Draws one whole frame and shows it with a single doupdate(). */
static void
tui_draw(struct tui *tui)
{
	tui->cursor_y = tui->cursor_x = -1;
	erase();
	if (LINES < TUI_MIN_LINES || COLS < TUI_MIN_COLUMNS) {
		tui_too_small_draw(tui);
	} else {
		switch (tui->screen) {
		case TUI_SCREEN_RESUME:
			tui_resume_draw(tui);
			break;
		case TUI_SCREEN_QUESTIONS:
			tui_questionnaire_draw(tui);
			break;
		case TUI_SCREEN_RESULTS:
			tui_results_draw(tui);
			break;
		}
		if (tui->help)
			tui_help_draw(tui);
	}
	if (tui->cursor_y >= 0 && !tui->help) {
		curs_set(1);
		move(tui->cursor_y, tui->cursor_x);
	} else {
		curs_set(0);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

/* Dispatches one key. */
static void
tui_key(struct tui *tui, struct tui_key key)
{
	if (key.function && key.code == KEY_RESIZE) {
		tui->chart_ready = false;
		return;
	}
	if (!key.function && key.code == TUI_KEY_CONTROL('l')) {
		clearok(curscr, TRUE);
		return;
	}
	if (LINES < TUI_MIN_LINES || COLS < TUI_MIN_COLUMNS) {
		if (!key.function && (key.code == 'q' || key.code == 'Q'))
			tui->running = false;
		return;
	}
	if (tui->help) {
		tui->help = false;
		return;
	}
	if (tui_prompt_active(tui)) {
		tui_prompt_key(tui, key);
		return;
	}
	if (!key.function && key.code == '?') {
		tui->help = true;
		return;
	}
	if (!key.function)
		tui->message[0] = '\0';
	switch (tui->screen) {
	case TUI_SCREEN_RESUME:
		if (!key.function && (key.code == 'q' || key.code == 'Q'))
			tui->running = false;
		else
			tui_resume_key(tui, key);
		break;
	case TUI_SCREEN_QUESTIONS:
		tui_questionnaire_key(tui, key);
		break;
	case TUI_SCREEN_RESULTS:
		tui_results_key(tui, key);
		break;
	}
}

/* Reads one key without waiting longer than the current timeout. */
static bool
tui_read_key(struct tui_key *key)
{
	wint_t wc;
	int rc = get_wch(&wc);
	if (rc == ERR)
		return false;
	key->code = (int)wc;
	key->function = rc == KEY_CODE_YES;
	return true;
}

/* Opens $LLMADVISOR_FRAME_LOG (appending) for per-frame timings, or
 * returns NULL. */
static FILE *
tui_frame_log_open(void)
{
	const char *path = getenv("LLMADVISOR_FRAME_LOG");
	if (path == NULL || *path == '\0')
		return NULL;
	return fopen(path, "a");
}

/* The key loop: one frame per batch of keys. */
static void
tui_loop(struct tui *tui, FILE *log)
{
	int fast_errors = 0;
	bool redraw = true, logged = false;

	while (tui->running) {
		struct tui_key key;
		double start, computed, drawn, cpu;
		int keys = 0;

		if (tui_signal_caught != 0) {
			tui->status = 128 + (int)tui_signal_caught;
			break;
		}
		if (tui_stop_requested) {
			tui_suspend();
			redraw = true;
		}
		if (tui_continued) {
			tui_continued = 0;
			reset_prog_mode();
			clearok(curscr, TRUE);
			redraw = true;
		}
		if (redraw) {
			start = tui_now();
			tui->chart_ready = false;
			if (tui->screen == TUI_SCREEN_RESULTS && !tui->evaluated)
				tui_results_evaluate(tui);
			tui_draw(tui);
			redraw = false;
			if (log != NULL && !logged) {
				drawn = tui_now();
				fprintf(log, "first-frame total-ms %.3f "
				    "since-launch-ms %.3f\n", (drawn - start) * 1e3,
				    tui->options->start_time > 0 ? (drawn -
				    tui->options->start_time) * 1e3 : -1.0);
				fflush(log);
				logged = true;
			}
		}
		start = tui_now();
		if (!tui_read_key(&key)) {
			/* A timeout, a signal, or a terminal that is gone: end
			 * of file comes back at once, every time. */
			if (tui_now() - start < 0.005 && tui_signal_caught == 0 &&
			    !tui_stop_requested && !tui_continued) {
				if (++fast_errors >= TUI_MAX_FAST_ERRORS) {
					tui->status = 1;
					break;
				}
			} else {
				fast_errors = 0;
			}
			continue;
		}
		fast_errors = 0;
		start = tui_now();
		cpu = tui_cpu_now();
		do {
			tui_key(tui, key);
			keys++;
			timeout(0);
		} while (tui->running && keys < TUI_MAX_BATCH &&
		    tui_read_key(&key));
		timeout(TUI_TICK_MS);
		if (!tui->running)
			break;
		if (tui->screen == TUI_SCREEN_RESULTS && !tui->evaluated)
			tui_results_evaluate(tui);
		computed = tui_now();
		tui_draw(tui);
		drawn = tui_now();
		if (log != NULL) {
			fprintf(log, "frame keys %d compute-ms %.3f draw-ms %.3f "
			    "total-ms %.3f cpu-ms %.3f\n", keys,
			    (computed - start) * 1e3, (drawn - computed) * 1e3,
			    (drawn - start) * 1e3, (tui_cpu_now() - cpu) * 1e3);
			fflush(log);
		}
	}
}

/* Runs the front end (see tui.h). */
int
tui_run(const struct data *data, const struct rules *rules,
    struct profile *profile, const struct tui_options *options)
{
	static struct tui state;
	static struct evaluation report;
	static struct chart chart;
	static struct chart_series chart_series;
	struct tui *tui = &state;
	char *cause = NULL;
	FILE *log;

	memset(tui, 0, sizeof *tui);
	chart_init(&chart);
	tui->data = data;
	tui->rules = rules;
	tui->profile = profile;
	tui->options = options;
	tui->report = &report;
	tui->chart = &chart;
	tui->chart_series = &chart_series;
	tui->running = true;
	tui->status = 0;
	tui->cursor_y = tui->cursor_x = -1;
	evaluate_settings_default(&tui->settings);
	if (options->samples > 0)
		tui->settings.samples = options->samples;
	tui->settings.seed = options->seed;
	tui->settings.now = options->now;
	cost_scenario_default(&tui->scenario);
	tui_autosave_init(tui);

	tui->screen = TUI_SCREEN_QUESTIONS;
	tui_questionnaire_enter(tui, 0);
	if (options->resume) {
		if (!tui_autosave_offer(tui, true)) {
			tui_message(tui, false, _("Nothing to resume: no "
			    "autosaved answers were found."));
		} else if (tui_autosave_load(tui, &cause) != 0) {
			tui_message(tui, true, cause);
			free(cause);
		} else if (tui->resume_question >= (int)profile_question_count) {
			tui_results_enter(tui);
		} else {
			tui_questionnaire_enter(tui,
			    (size_t)tui->resume_question);
		}
	} else if (!options->prefilled && tui_autosave_offer(tui, false)) {
		tui->screen = TUI_SCREEN_RESUME;
	}

	if (tui_start(tui) != 0) {
		const char *term = getenv("TERM");
		fprintf(stderr, _("%s: cannot start the terminal interface "
		    "(TERM=%s); use -f text, markdown or json instead\n"),
		    PACKAGE, term != NULL ? term : "");
		chart_free(&chart);
		return 1;
	}
	tui->chart_wanted = tui_layout_is_large(LINES, COLS);
	log = tui_frame_log_open();
	buffer_init(&tui->scratch);
	tui_loop(tui, log);
	tui_stop();
	buffer_free(&tui->scratch);
	if (log != NULL)
		fclose(log);
	chart_free(&chart);
	return tui->status;
}
