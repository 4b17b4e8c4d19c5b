/* tui.c - the one owner of the terminal: start-up and teardown, colours
 * (or attributes only, with NO_COLOR or a monochrome terminal), signals,
 * resize, the key loop, and the drawing helpers every screen uses.
 *
 * Signals that can wait only set flags; the loop wakes at least every
 * TUI_TICK_MS to look at them.  Every way out (q, a signal, a lost
 * terminal, exit() from anywhere) goes through endwin(); a fault
 * (SIGSEGV, SIGABRT, ...) cannot wait for the loop, so its handler puts
 * the terminal back itself with async-signal-safe calls before the
 * program dies of it. */
#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "i18n.h"
#include "paths.h"
#include "tui_private.h"

#include <term.h>		/* setupterm: after our headers, for its macros */

/* Under AddressSanitizer a detected error ends the program with _exit,
 * past atexit() and every signal handler: its death callback restores
 * the terminal instead. */
#if defined(__SANITIZE_ADDRESS__)
#define TUI_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TUI_SANITIZER 1
#endif
#endif
#ifdef TUI_SANITIZER
#include <sanitizer/common_interface_defs.h>
#endif

#define TUI_TICK_MS 200
/* get_wch failing this many times in a row at once: the terminal is
 * gone (end of file on standard input), so stop instead of spinning. */
#define TUI_MAX_FAST_ERRORS 100
/* Keys already waiting are handled before the next frame, up to this. */
#define TUI_MAX_BATCH 64
/* The largest screen drawn: a larger size (LINES=30000 COLUMNS=30000
 * would take gigabytes of cells) is refused at start, and a terminal
 * that grows beyond it later is used up to it. */
#define TUI_MAX_LINES 1000
#define TUI_MAX_COLUMNS 1000

static volatile sig_atomic_t tui_signal_caught;
static volatile sig_atomic_t tui_stop_requested;
static volatile sig_atomic_t tui_continued;
static volatile sig_atomic_t tui_resized;
static bool tui_curses_active;
static SCREEN *tui_screen;

/* What the fault handler needs to give the terminal back, captured at
 * start: the terminal modes before curses, and the terminal's own
 * sequences that reset attributes, show the cursor, end keypad mode and
 * leave the alternate screen. */
static volatile sig_atomic_t tui_terminal_taken;
static struct termios tui_saved_modes;
static bool tui_saved_modes_valid;
static char tui_reset_sequence[256];
static size_t tui_reset_length;

/* Signals whose default action ends the program, but that can wait for
 * the loop: it restores the terminal and returns 128 + the signal, the
 * autosave kept. */
static const int tui_terminating_signals[] = {
	SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE,
	SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ,
};
#define TUI_SIGNAL_COUNT \
	(sizeof tui_terminating_signals / sizeof tui_terminating_signals[0])
/* Faults (and abort()): the program cannot go on, so the handler
 * restores the terminal and the program dies of the signal at once. */
static const int tui_fault_signals[] = {
	SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGSYS,
};
#define TUI_FAULT_COUNT \
	(sizeof tui_fault_signals / sizeof tui_fault_signals[0])
/* The actions before tui_run: terminating signals, faults, then SIGTSTP,
 * SIGCONT and SIGWINCH. */
static struct sigaction tui_old_actions[TUI_SIGNAL_COUNT + TUI_FAULT_COUNT +
    3];
#define TUI_OLD_FAULT(i) (&tui_old_actions[TUI_SIGNAL_COUNT + (i)])
#define TUI_OLD_TSTP (&tui_old_actions[TUI_SIGNAL_COUNT + TUI_FAULT_COUNT])
#define TUI_OLD_CONT (&tui_old_actions[TUI_SIGNAL_COUNT + TUI_FAULT_COUNT + 1])
#define TUI_OLD_WINCH \
	(&tui_old_actions[TUI_SIGNAL_COUNT + TUI_FAULT_COUNT + 2])

/* Gives the terminal back from a signal handler, with async-signal-safe
 * calls only: the reset sequences, then the saved modes. */
static void
tui_restore_in_handler(void)
{
	size_t done = 0;
	if (!tui_terminal_taken)
		return;
	tui_terminal_taken = 0;
	while (done < tui_reset_length) {
		ssize_t n = write(STDOUT_FILENO, tui_reset_sequence + done,
		    tui_reset_length - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	if (tui_saved_modes_valid)
		tcsetattr(STDOUT_FILENO, TCSANOW, &tui_saved_modes);
}

/* The action a signal had before tui_run, for a handler to hand on to. */
static const struct sigaction *
tui_old_action(int signo)
{
	for (size_t i = 0; i < TUI_SIGNAL_COUNT; i++)
		if (tui_terminating_signals[i] == signo)
			return &tui_old_actions[i];
	for (size_t i = 0; i < TUI_FAULT_COUNT; i++)
		if (tui_fault_signals[i] == signo)
			return TUI_OLD_FAULT(i);
	return NULL;
}

/* A fault, or a terminating signal the loop did not get to: restore the
 * terminal, put back the action of before (the default, or a sanitizer's
 * report), and let the signal take it.  A bad access, arithmetic fault or
 * bad instruction comes back by itself when the handler returns, with
 * its address; anything else (kill, abort(), a breakpoint) is raised
 * again, to be delivered on return. */
static void
tui_on_fault(int signo, siginfo_t *info, void *context)
{
	int saved_errno = errno;
	const struct sigaction *old = tui_old_action(signo);
	struct sigaction fallback;
	(void)context;
	tui_restore_in_handler();
	if (old == NULL || (!(old->sa_flags & SA_SIGINFO) &&
	    old->sa_handler == SIG_IGN)) {
		memset(&fallback, 0, sizeof fallback);
		fallback.sa_handler = SIG_DFL;
		sigemptyset(&fallback.sa_mask);
		old = &fallback;
	}
	sigaction(signo, old, NULL);
	if (info == NULL || info->si_code <= 0 || !(signo == SIGSEGV ||
	    signo == SIGBUS || signo == SIGFPE || signo == SIGILL))
		raise(signo);
	errno = saved_errno;
}

/* SIGINT, SIGTERM, SIGHUP, ...: remember the first; the loop ends.  A
 * second while the first waits means the loop is stuck: end now. */
static void
tui_on_signal(int signo, siginfo_t *info, void *context)
{
	if (tui_signal_caught == 0)
		tui_signal_caught = signo;
	else
		tui_on_fault(signo, info, context);
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

/* SIGWINCH: the loop takes the new size, up to the largest drawn. */
static void
tui_on_resize(int signo)
{
	(void)signo;
	tui_resized = 1;
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

/* Installs a handler that would end the program, unless the signal was
 * ignored when the program started: then it cannot end it, so it stays
 * ignored. */
static void
tui_sigaction_ending(int signo, void (*handler)(int, siginfo_t *, void *),
    struct sigaction *old)
{
	struct sigaction action;
	sigaction(signo, NULL, old);
	if (!(old->sa_flags & SA_SIGINFO) && old->sa_handler == SIG_IGN)
		return;
	memset(&action, 0, sizeof action);
	action.sa_sigaction = handler;
	sigemptyset(&action.sa_mask);
	action.sa_flags = SA_SIGINFO;	/* no SA_RESTART: wake the key wait */
	sigaction(signo, &action, NULL);
}

/* Installs the handlers (before curses starts, so curses keeps its hands
 * off these signals, SIGWINCH included) and saves the old ones. */
static void
tui_signals_install(void)
{
	for (size_t i = 0; i < TUI_SIGNAL_COUNT; i++)
		tui_sigaction_ending(tui_terminating_signals[i], tui_on_signal,
		    &tui_old_actions[i]);
	for (size_t i = 0; i < TUI_FAULT_COUNT; i++)
		tui_sigaction_ending(tui_fault_signals[i], tui_on_fault,
		    TUI_OLD_FAULT(i));
	tui_sigaction(SIGTSTP, tui_on_stop, TUI_OLD_TSTP);
	tui_sigaction(SIGCONT, tui_on_continue, TUI_OLD_CONT);
	tui_sigaction(SIGWINCH, tui_on_resize, TUI_OLD_WINCH);
}

/* Puts the handlers of before tui_run back. */
static void
tui_signals_restore(void)
{
	for (size_t i = 0; i < TUI_SIGNAL_COUNT; i++)
		sigaction(tui_terminating_signals[i], &tui_old_actions[i], NULL);
	for (size_t i = 0; i < TUI_FAULT_COUNT; i++)
		sigaction(tui_fault_signals[i], TUI_OLD_FAULT(i), NULL);
	sigaction(SIGTSTP, TUI_OLD_TSTP, NULL);
	sigaction(SIGCONT, TUI_OLD_CONT, NULL);
	sigaction(SIGWINCH, TUI_OLD_WINCH, NULL);
}

/* Restores the terminal if curses is still up: the last line of defence,
 * run by atexit() too. */
static void
tui_end_terminal(void)
{
	if (!tui_curses_active)
		return;
	tui_curses_active = false;
	tui_terminal_taken = 0;
	curs_set(1);
	endwin();
	delscreen(tui_screen);
	tui_screen = NULL;
}

/* One attribute set per role: the theme's colours when allowed, else
 * attributes (NO_COLOR, a monochrome terminal, theme = mono). */
static void
tui_colours(struct tui *tui, enum tui_theme theme)
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
	a[TUI_ROLE_BANNER_OPEN_HOSTED] = A_REVERSE | A_BOLD;
	a[TUI_ROLE_BANNER_HYBRID] = A_REVERSE | A_BOLD;
	a[TUI_ROLE_FLIP] = A_BOLD;
	a[TUI_ROLE_KNOB] = A_BOLD;
	a[TUI_ROLE_INPUT] = A_UNDERLINE;
	tui->colour = false;
	if ((no_colour != NULL && *no_colour != '\0') ||
	    theme == TUI_THEME_MONO || !has_colors() || start_color() == ERR)
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
		{ TUI_ROLE_BANNER_OPEN_HOSTED, COLOR_BLACK, COLOR_CYAN, A_BOLD },
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
	/* On a light background: no yellow, white or cyan text on it. */
	static const struct {
		enum tui_role role;
		short foreground, background;	/* -2: the default */
		attr_t extra;
	} light[] = {
		{ TUI_ROLE_TITLE, COLOR_BLUE, -2, A_BOLD },
		{ TUI_ROLE_SELECTED, COLOR_WHITE, COLOR_BLUE, 0 },
		{ TUI_ROLE_FOCUS, COLOR_BLACK, COLOR_YELLOW, A_BOLD },
		{ TUI_ROLE_ERROR, COLOR_RED, -2, A_BOLD },
		{ TUI_ROLE_GOOD, COLOR_GREEN, -2, A_BOLD },
		{ TUI_ROLE_KEY, COLOR_WHITE, COLOR_BLACK, 0 },
		{ TUI_ROLE_BORDER, COLOR_BLUE, -2, 0 },
		{ TUI_ROLE_BANNER_NONE, COLOR_WHITE, COLOR_BLACK, 0 },
		{ TUI_ROLE_BANNER_CLOSED, COLOR_WHITE, COLOR_BLUE, A_BOLD },
		{ TUI_ROLE_BANNER_OPEN, COLOR_WHITE, COLOR_GREEN, A_BOLD },
		{ TUI_ROLE_BANNER_OPEN_HOSTED, COLOR_WHITE, COLOR_CYAN, A_BOLD },
		{ TUI_ROLE_BANNER_HYBRID, COLOR_WHITE, COLOR_MAGENTA, A_BOLD },
		{ TUI_ROLE_FLIP, COLOR_MAGENTA, -2, A_BOLD },
		{ TUI_ROLE_KNOB, COLOR_BLUE, -2, A_BOLD },
		{ TUI_ROLE_INPUT, COLOR_BLACK, COLOR_CYAN, 0 },
		{ TUI_ROLE_SERIES + OPTION_API, COLOR_BLUE, -2, A_BOLD },
		{ TUI_ROLE_SERIES + OPTION_HOSTED_OPEN, COLOR_CYAN, -2, A_BOLD },
		{ TUI_ROLE_SERIES + OPTION_CLOUD_ON_DEMAND, COLOR_BLACK, -2,
		    A_BOLD },
		{ TUI_ROLE_SERIES + OPTION_CLOUD_24X7, COLOR_RED, -2, 0 },
		{ TUI_ROLE_SERIES + OPTION_OWNED, COLOR_GREEN, -2, A_BOLD },
		{ TUI_ROLE_SERIES + OPTION_HYBRID, COLOR_MAGENTA, -2, 0 },
	};
	size_t count = theme == TUI_THEME_LIGHT ?
	    sizeof light / sizeof light[0] : sizeof pairs / sizeof pairs[0];
	for (size_t i = 0; i < count; i++) {
		short pair = (short)(i + 1);
		enum tui_role role = theme == TUI_THEME_LIGHT ? light[i].role :
		    pairs[i].role;
		short foreground = theme == TUI_THEME_LIGHT ?
		    light[i].foreground : pairs[i].foreground;
		short back = theme == TUI_THEME_LIGHT ? light[i].background :
		    pairs[i].background;
		attr_t extra = theme == TUI_THEME_LIGHT ? light[i].extra :
		    pairs[i].extra;
		if (pair >= COLOR_PAIRS)
			break;
		init_pair(pair, foreground, back == -2 ? background : back);
		a[role] = COLOR_PAIR(pair) | extra;
	}
}

/* A number in the environment as ncurses reads LINES and COLUMNS: the
 * whole value, above 0; else 0. */
static int
tui_environment_number(const char *name)
{
	const char *text = getenv(name);
	char *end;
	long value;
	if (text == NULL || *text == '\0')
		return 0;
	errno = 0;
	value = strtol(text, &end, 0);
	if (*end != '\0' || errno != 0 || value <= 0 || value >= INT_MAX)
		return 0;
	return (int)value;
}

/* The size curses takes: the terminal's, with LINES and COLUMNS set in
 * the environment overriding it, as in ncurses; 0 where unknown. */
static void
tui_size(int *height, int *width)
{
	struct winsize size;
	*height = *width = 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) {
		*height = size.ws_row;
		*width = size.ws_col;
	}
	if (tui_environment_number("LINES") > 0)
		*height = tui_environment_number("LINES");
	if (tui_environment_number("COLUMNS") > 0)
		*width = tui_environment_number("COLUMNS");
}

/* SIGWINCH came: resizes curses to the new size, at most the largest
 * drawn (curses then reports KEY_RESIZE, as with its own handler). */
static void
tui_resize(void)
{
	int height, width;
	tui_resized = 0;
	tui_size(&height, &width);
	if (height <= 0 || width <= 0)
		return;
	resizeterm(height < TUI_MAX_LINES ? height : TUI_MAX_LINES,
	    width < TUI_MAX_COLUMNS ? width : TUI_MAX_COLUMNS);
}

/* Appends a capability's string without its padding ("$<5>"), which
 * only tputs understands, for the fault handler to write as it is. */
static void
tui_reset_add(const char *name)
{
	const char *p = tigetstr(name);
	if (p == NULL || p == (char *)-1)
		return;
	while (*p != '\0' && tui_reset_length + 1 < sizeof tui_reset_sequence) {
		if (p[0] == '$' && p[1] == '<' && strchr(p, '>') != NULL) {
			p = strchr(p, '>') + 1;
			continue;
		}
		tui_reset_sequence[tui_reset_length++] = *p++;
	}
}

/* Appends fixed bytes to the fault handler's reset (mouse reporting off,
 * which no capability names). */
static void
tui_reset_literal(const char *bytes)
{
	size_t n = strlen(bytes);
	if (tui_reset_length + n < sizeof tui_reset_sequence) {
		memcpy(tui_reset_sequence + tui_reset_length, bytes, n);
		tui_reset_length += n;
	}
}

/* Prints why the terminal cannot be used, TERM escaped. */
static void
tui_refuse(const char *format, const char *term)
{
	struct buffer name;
	buffer_init(&name);
	buffer_add(&name, term != NULL ? term : "");
	buffer_escape_controls(&name, 0);
	fprintf(stderr, format, PACKAGE, name.data != NULL ? name.data : "");
	buffer_free(&name);
}

/* Checks TERM and the size before curses touches the terminal, and
 * captures what the fault handler needs; prints why not and returns -1,
 * else 0.  setupterm, unlike a failing newterm, frees what it took. */
static int
tui_check_terminal(const char *term)
{
	int error = 0, height, width;
	if (term == NULL || *term == '\0') {
		fprintf(stderr, _("%s: TERM is not set: set it to your "
		    "terminal's type (such as xterm-256color), or use -f text, "
		    "markdown or json for batch output\n"), PACKAGE);
		return -1;
	}
	if (setupterm(term, STDOUT_FILENO, &error) != OK) {
		tui_refuse(_("%s: unknown terminal type '%s': set TERM, or use "
		    "-f text, markdown or json for batch output\n"), term);
		return -1;
	}
	/* A terminal that cannot move the cursor (TERM=dumb) would only
	 * show a garbled screen. */
	char *cup = tigetstr("cup");
	bool usable = cup != NULL && cup != (char *)-1;
	tui_reset_length = 0;
	tui_reset_add("sgr0");
	tui_reset_add("cnorm");
	tui_reset_add("rmkx");
	tui_reset_add("rmcup");
	TERMINAL *checked = cur_term;
	set_curterm(NULL);
	del_curterm(checked);
	if (!usable) {
		tui_refuse(_("%s: cannot start the terminal interface "
		    "(TERM=%s); use -f text, markdown or json instead\n"), term);
		return -1;
	}
	tui_size(&height, &width);
	if (height > TUI_MAX_LINES || width > TUI_MAX_COLUMNS) {
		fprintf(stderr, _("%s: terminal size %dx%d is too large (at "
		    "most %dx%d): make the window smaller or correct LINES and "
		    "COLUMNS, or use -f text, markdown or json for batch "
		    "output\n"), PACKAGE, width, height, TUI_MAX_COLUMNS,
		    TUI_MAX_LINES);
		return -1;
	}
	return 0;
}

/* Starts curses on the terminal; 0, or -1 (message printed, nothing to
 * undo). */
static int
tui_start(struct tui *tui)
{
	static bool registered;
	const char *term = getenv("TERM");

	if (tui_check_terminal(term) != 0)
		return -1;
	tui_saved_modes_valid = tcgetattr(STDOUT_FILENO, &tui_saved_modes) ==
	    0;
	tui_signals_install();
#ifdef TUI_SANITIZER
	__sanitizer_set_death_callback(tui_restore_in_handler);
#endif
	tui_screen = newterm(NULL, stdout, stdin);
	if (tui_screen == NULL) {
		tui_signals_restore();
		tui_refuse(_("%s: cannot start the terminal interface "
		    "(TERM=%s); use -f text, markdown or json instead\n"), term);
		return -1;
	}
	set_term(tui_screen);
	tui_curses_active = true;
	tui_terminal_taken = 1;
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
	tui->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0 &&
	    strncmp(term, "vt", 2) != 0;
	tui_colours(tui, tui->config.theme);
	/* Clicks and the wheel, where the terminal reports them; Press
	 * alone (no click interval) so a click acts at once. */
	tui->mouse = false;
	if (tui->config.mouse) {
		mmask_t wanted = BUTTON1_PRESSED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
		wanted |= BUTTON5_PRESSED;
#endif
		mouseinterval(0);
		tui->mouse = mousemask(wanted, NULL) != 0;
		if (tui->mouse)
			tui_reset_literal("\033[?1000l\033[?1002l\033[?1006l");
	}
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
	tui_terminal_taken = 0;
	endwin();
	memset(&action, 0, sizeof action);
	action.sa_handler = SIG_DFL;
	sigemptyset(&action.sa_mask);
	sigaction(SIGTSTP, &action, &ours);
	raise(SIGTSTP);
	/* Running again. */
	sigaction(SIGTSTP, &ours, NULL);
	reset_prog_mode();
	tui_terminal_taken = 1;
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

/* Columns a character takes; unprintable ones, and the bidirectional
 * overrides that would reorder the screen, are shown as '?'. */
static int
tui_char_width(wchar_t *wc)
{
	int w = wcwidth(*wc);
	if (w < 0 || util_is_bidirectional_control((unsigned long)*wc)) {
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
		{ _("Enter / Tab"), _("accept and go on / straight to the "
		    "results") },
		{ _("Up/Down j/k"), _("choose an answer (g/G: first, last)") },
		{ _("1-9"), _("pick the numbered answer (choice questions)") },
		{ _("Space"), _("tick or untick (where several answers fit)") },
		{ _("0-9 k M B T"), _("type a number (250M, 30%); Ctrl-U "
		    "empties it") },
		{ _("Left/Esc/h"), _("back to the previous question") },
		{ NULL, _("Results") },
		{ _("Up/Down j/k"), _("focus an outcome row or a slider") },
		{ _("Tab/S-Tab"), _("focus the next or previous slider") },
		{ _("Left/Right h/l"), _("move the focused slider (- + too)") },
		{ _("Home/End g/G"), _("focused slider to its lowest or "
		    "highest") },
		{ _("0 / u"), _("slider back to your answer / undo the last "
		    "change") },
		{ _("Enter"), _("outcome row: its options, costs and "
		    "sources") },
		{ _("PgUp/PgDn [ ]"), _("scroll the reasons; the warnings and "
		    "flips") },
		{ _("Mouse"), _("click a slider, track or row; wheel "
		    "scrolls") },
		{ _("c e s"), _("cost chart; export the report; save the "
		    "answers") },
		{ _("r"), _("the answers: Enter edits one, Esc back") },
		{ NULL, _("Anywhere") },
		{ _("? Ctrl-L q"), _("this help; redraw; quit (autosaved)") },
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
		case TUI_SCREEN_OVERVIEW:
			tui_overview_draw(tui);
			break;
		case TUI_SCREEN_DETAIL:
			tui_detail_draw(tui);
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

static void tui_mouse(struct tui *);

/* Dispatches one key. */
static void
tui_key(struct tui *tui, struct tui_key key)
{
	if (key.function && key.code == KEY_RESIZE) {
		tui->chart_ready = false;
		return;
	}
	if (key.function && key.code == KEY_MOUSE) {
		tui_mouse(tui);
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
	case TUI_SCREEN_OVERVIEW:
		tui_overview_key(tui, key);
		break;
	case TUI_SCREEN_DETAIL:
		tui_detail_key(tui, key);
		break;
	}
}

/* Reads a mouse event and hands it to the screen under it. */
static void
tui_mouse(struct tui *tui)
{
	MEVENT event;
	if (getmouse(&event) != OK)
		return;
	if (LINES < TUI_MIN_LINES || COLS < TUI_MIN_COLUMNS ||
	    tui_prompt_active(tui))
		return;
	if (tui->help) {
		if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
			tui->help = false;
		return;
	}
	tui->message[0] = '\0';
	switch (tui->screen) {
	case TUI_SCREEN_QUESTIONS:
		tui_questionnaire_mouse(tui, event.y, event.x, event.bstate);
		break;
	case TUI_SCREEN_RESULTS:
		tui_results_mouse(tui, event.y, event.x, event.bstate);
		break;
	case TUI_SCREEN_OVERVIEW:
		tui_overview_mouse(tui, event.y, event.x, event.bstate);
		break;
	case TUI_SCREEN_DETAIL:
		if (event.bstate & BUTTON4_PRESSED)
			tui_pane_scroll(&tui->detail, -3);
#ifdef BUTTON5_PRESSED
		else if (event.bstate & BUTTON5_PRESSED)
			tui_pane_scroll(&tui->detail, 3);
#endif
		break;
	default:
		break;
	}
}

/* vi motions outside text fields (see tui_private.h). */
bool
tui_vi_key(struct tui_key key, struct tui_key *as)
{
	if (key.function)
		return false;
	as->function = true;
	switch (key.code) {
	case 'j': as->code = KEY_DOWN; return true;
	case 'k': as->code = KEY_UP; return true;
	case 'h': as->code = KEY_LEFT; return true;
	case 'l': as->code = KEY_RIGHT; return true;
	case 'g': as->code = KEY_HOME; return true;
	case 'G': as->code = KEY_END; return true;
	default: return false;
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
	double keys_start = tui_now();

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
		if (tui_resized) {
			tui_resize();
			tui->chart_ready = false;
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
		if (tui->confidence_pending && tui->screen ==
		    TUI_SCREEN_RESULTS) {
			/* The frame shows the new costs; the confidence
			 * follows unless another key is already waiting. */
			bool waiting;
			timeout(0);
			waiting = tui_read_key(&key);
			timeout(TUI_TICK_MS);
			if (!waiting) {
				tui_results_complete(tui);
				computed = tui_now();
				tui_draw(tui);
				drawn = tui_now();
				if (log != NULL) {
					fprintf(log, "confidence compute-ms "
					    "%.3f draw-ms %.3f since-keys-ms "
					    "%.3f\n", (computed - start) * 1e3,
					    (drawn - computed) * 1e3,
					    (drawn - keys_start) * 1e3);
					fflush(log);
				}
				continue;
			}
		} else if (!tui_read_key(&key)) {
			/* A timeout, a signal, or a terminal that is gone: end
			 * of file comes back at once, every time. */
			if (tui_now() - start < 0.005 && tui_signal_caught == 0 &&
			    !tui_stop_requested && !tui_continued &&
			    !tui_resized) {
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
		start = keys_start = tui_now();
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
	tui_config_default(&tui->config);
	{
		char path[PATH_MAX];
		if (paths_config_file(path, sizeof path) == 0 &&
		    tui_config_load(&tui->config, path, &cause) != 0) {
			/* Shown on the status line, the home folder as ~ so
			 * the position fits: the program carries on with the
			 * good lines and the defaults. */
			const char *home = getenv("HOME");
			size_t n = home != NULL ? strlen(home) : 0;
			if (cause == NULL)
				tui_message(tui, true, _("cannot read the "
				    "settings file"));
			else if (n > 1 && strncmp(cause, home, n) == 0 &&
			    cause[n] == '/') {
				char shown[sizeof tui->message];
				snprintf(shown, sizeof shown, "~%s", cause + n);
				tui_message(tui, true, shown);
			} else
				tui_message(tui, true, cause);
			free(cause);
			cause = NULL;
		}
	}

	tui->screen = TUI_SCREEN_QUESTIONS;
	tui_questionnaire_enter(tui, 0);
	if (options->answers_file && !options->resume) {
		/* The answers are given: their results, with r to change
		 * any of them. */
		tui_results_enter(tui);
	} else if (options->resume) {
		/* Checked before curses starts, so the message is not
		 * written over the screen. */
		if (!tui_autosave_offer(tui, true)) {
			fprintf(stderr, _("%s: --resume: no autosaved answers "
			    "to resume\n"), PACKAGE);
			chart_free(&chart);
			return 2;
		} else if (tui_autosave_load(tui, &cause) != 0) {
			fprintf(stderr, "%s: %s\n", PACKAGE, cause);
			free(cause);
			chart_free(&chart);
			return 2;
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
