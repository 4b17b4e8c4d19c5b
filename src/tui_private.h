/* tui_private.h - what the tui_*.c files share: the one state of the
 * terminal front end, drawing helpers and each screen's entry points.
 * Included only by tui_*.c (the files that may use curses). */
#ifndef LLMADVISOR_TUI_PRIVATE_H
#define LLMADVISOR_TUI_PRIVATE_H

#include <limits.h>
#include <ncurses.h>
#include <stdbool.h>
#include <stddef.h>

#include "chart.h"
#include "report.h"
#include "tui.h"
#include "tui_config.h"
#include "tui_layout.h"

#define TUI_INPUT_MAX PROFILE_INPUT_MAX	/* typed numbers */
#define TUI_KEY_ESCAPE 27
#define TUI_KEY_TAB 9
#define TUI_KEY_CONTROL(c) ((c) & 0x1f)

enum tui_screen {
	TUI_SCREEN_RESUME,		/* offer to continue the autosave */
	TUI_SCREEN_QUESTIONS,
	TUI_SCREEN_RESULTS,
	TUI_SCREEN_OVERVIEW,		/* r: every answer, Enter edits one */
	TUI_SCREEN_DETAIL,		/* Enter on an outcome row */
};

/* How many slider changes u can take back. */
#define TUI_UNDO_MAX 64

/* What a piece of the screen is, mapped to colours or attributes. */
enum tui_role {
	TUI_ROLE_NORMAL,
	TUI_ROLE_TITLE,
	TUI_ROLE_DIM,
	TUI_ROLE_SELECTED,		/* highlighted choice */
	TUI_ROLE_FOCUS,			/* focused slider */
	TUI_ROLE_ERROR,
	TUI_ROLE_GOOD,
	TUI_ROLE_KEY,			/* key names in the footer */
	TUI_ROLE_BORDER,
	TUI_ROLE_BANNER_NONE,
	TUI_ROLE_BANNER_CLOSED,
	TUI_ROLE_BANNER_OPEN,
	TUI_ROLE_BANNER_OPEN_HOSTED,
	TUI_ROLE_BANNER_HYBRID,
	TUI_ROLE_FLIP,			/* flip marks on slider tracks */
	TUI_ROLE_KNOB,
	TUI_ROLE_INPUT,			/* a text field */
	TUI_ROLE_SERIES,		/* + option kind: chart lines */
	TUI_ROLE_COUNT = TUI_ROLE_SERIES + OPTION_KIND_COUNT
};

/* A key: a character (function false) or a curses KEY_* code. */
struct tui_key {
	int code;
	bool function;
};

enum tui_prompt_kind {
	TUI_PROMPT_NONE,
	TUI_PROMPT_EXPORT,		/* markdown report */
	TUI_PROMPT_SAVE,		/* answers file */
};

/* The file-name prompt on the status line. */
struct tui_prompt {
	enum tui_prompt_kind kind;
	bool confirming;		/* "exists: overwrite?" */
	char text[PATH_MAX];
	size_t length;
};

#define TUI_PANE_STARTS 256

/* A scrolled pane of wrapped paragraphs, as of its last draw: paging
 * stops where a paragraph or a sentence starts. */
struct tui_pane {
	int scroll;			/* first line shown */
	int lines;			/* lines in all */
	int height;			/* lines shown */
	int starts[TUI_PANE_STARTS];	/* lines a paragraph or sentence
					 * starts, rising */
	int start_count;
};

struct tui {
	const struct data *data;
	const struct rules *rules;
	struct profile *profile;
	const struct tui_options *options;
	struct evaluate_settings settings;
	struct cost_scenario scenario;
	struct evaluation *report;	/* the one evaluation shown */
	struct chart *chart;
	struct chart_series *chart_series;	/* at the chart's width */
	enum tui_screen screen;
	bool running;
	int status;			/* exit status */
	bool utf8;			/* draw with Unicode */
	bool colour;
	attr_t attrs[TUI_ROLE_COUNT];
	bool help;			/* the help overlay is up */
	int cursor_y, cursor_x;		/* the text cursor; -1: hidden */
	/* The status line. */
	char message[512];
	bool message_error;
	struct tui_prompt prompt;
	/* Autosave. */
	char autosave[PATH_MAX];	/* "" when there is no place */
	bool autosave_warned;
	int autosave_lock;		/* held while this session autosaves */
	int resume_question;		/* what the autosave reached */
	char resume_when[64];
	/* Questionnaire. */
	size_t question;		/* index into profile_fields */
	int choice;			/* highlighted entry */
	unsigned flags;			/* multi-select bits being edited */
	char input[TUI_INPUT_MAX + 1];	/* the custom number */
	size_t input_length;
	bool input_fresh;		/* shown, not typed: a key replaces it */
	bool input_tried;		/* Enter pressed on an invalid entry */
	bool input_warned;		/* Enter pressed once on an unusual
					 * number: the next Enter keeps it */
	bool from_overview;		/* editing one answer of the overview:
					 * Enter and Esc go back to it */
	/* Answers overview. */
	int overview_row;		/* highlighted question */
	int overview_scroll;		/* first question shown */
	/* Results. */
	bool evaluated;
	bool confidence_pending;	/* evaluated without the Monte Carlo:
					 * its samples follow when no key
					 * waits (tui_results_complete) */
	bool chart_wanted;
	bool chart_ready;
	char chart_error[256];
	int focus;			/* focused slider */
	int table_focus;		/* focused outcome row (its place in
					 * the table), -1: a slider has it */
	/* Undo: the answers before each slider change, and the answers the
	 * results were entered with ("0" resets a slider to them). */
	struct profile undo[TUI_UNDO_MAX];
	int undo_count;
	struct profile answered;
	/* Detail view. */
	int detail_outcome;		/* enum verdict shown */
	struct tui_pane detail;		/* its scroll */
	bool mouse;			/* mouse events are reported */
	struct tui_config config;	/* theme and mouse (settings file) */
	double input_share;		/* input / volume as answered: the
					 * volume slider keeps it */
	struct tui_pane reasons;		/* PgUp/PgDn */
	struct tui_pane side;		/* warnings and flip points: [ ] */
	double compute_seconds;		/* last recompute, for the frame log */
	struct buffer scratch;		/* reason texts, reused every frame */
};

/* tui.c: drawing helpers. */
attr_t tui_attr(const struct tui *, enum tui_role);
/* Writes UTF-8 text at y, x in at most width columns (cut, never
 * wrapped); returns the columns used. */
int tui_put(int y, int x, int width, attr_t, const char *text);
/* The same, padded with blanks to width. */
void tui_put_padded(int y, int x, int width, attr_t, const char *text);
/* Writes text in width columns, an ellipsis marking a cut. */
void tui_put_cut(const struct tui *, int y, int x, int width, attr_t,
	const char *text);
/* Display width of UTF-8 text. */
int tui_width(const char *text);
/* Breaks text into lines of at most width columns; calls line() for each
 * (row counts from 0) and returns the number of lines. */
int tui_wrap(const char *text, int width,
	void (*line)(void *, int row, const char *, size_t), void *context);
/* A glyph in Unicode or its ASCII stand-in. */
const char *tui_glyph(const struct tui *, const char *unicode,
	const char *ascii);
/* Draws the key footer: pairs of key and meaning, NULL-ended. */
void tui_footer(const struct tui *, int y, int width,
	const char *const *pairs);
/* Sets the status-line message. */
void tui_message(struct tui *, bool error, const char *text);
void tui_frame_box(const struct tui *, int y, int x, int height, int width,
	const char *title);
double tui_now(void);

/* tui_questionnaire.c */
void tui_questionnaire_enter(struct tui *, size_t question);
void tui_questionnaire_draw(struct tui *);
void tui_questionnaire_key(struct tui *, struct tui_key);
void tui_questionnaire_mouse(struct tui *, int y, int x, mmask_t buttons);

/* tui_results.c */
void tui_results_enter(struct tui *);
void tui_results_evaluate(struct tui *);
/* Evaluates when needed and draws the Monte Carlo's samples when they are
 * still pending: before anything that must show the confidence (an
 * export, the detail view) and when the keyboard is idle. */
void tui_results_complete(struct tui *);
void tui_results_draw(struct tui *);
void tui_results_key(struct tui *, struct tui_key);

/* The order of the outcome rows in the results table. */
extern const enum verdict tui_results_order[VERDICT_COUNT];
/* Remembers the answers before a slider change, for u. */
void tui_results_remember(struct tui *);
/* Scrolls a pane by lines (wheel, j/k in panes), within its text. */
void tui_pane_scroll(struct tui_pane *, int lines);
/* A mouse event on the dashboard (KEY_MOUSE already read). */
void tui_results_mouse(struct tui *, int y, int x, mmask_t buttons);

/* tui_overview.c: r on the results. */
void tui_overview_enter(struct tui *);
void tui_overview_draw(struct tui *);
void tui_overview_key(struct tui *, struct tui_key);
void tui_overview_mouse(struct tui *, int y, int x, mmask_t buttons);

/* tui_detail.c: Enter on an outcome row. */
void tui_detail_enter(struct tui *, enum verdict);
void tui_detail_draw(struct tui *);
void tui_detail_key(struct tui *, struct tui_key);

/* Whether a key is a vi motion (j k h l g G) and the curses key it
 * stands for (KEY_DOWN, KEY_UP, KEY_LEFT, KEY_RIGHT, KEY_HOME, KEY_END). */
bool tui_vi_key(struct tui_key, struct tui_key *as);

/* tui_prompt.c */
void tui_prompt_start(struct tui *, enum tui_prompt_kind);
bool tui_prompt_active(const struct tui *);
void tui_prompt_key(struct tui *, struct tui_key);
/* Draws the prompt or the message on the status line; returns the cursor
 * column when the prompt is editing, -1 otherwise. */
int tui_prompt_draw(struct tui *, int y, int width);

/* tui_autosave.c */
void tui_autosave_init(struct tui *);
/* Saves the answers with how far the questionnaire got (the index of the
 * next question, or profile_field_count for the results). */
void tui_autosave_write(struct tui *, size_t progress);
/* Whether an autosave worth offering exists (an unfinished one, or any
 * with finished_too); fills resume_question and resume_when. */
bool tui_autosave_offer(struct tui *, bool finished_too);
/* Loads the autosave into the profile; 0, or -1 with *cause. */
int tui_autosave_load(struct tui *, char **cause);
/* Marks the autosave as finished, so the next start does not offer it. */
void tui_autosave_finish(struct tui *);

#endif
