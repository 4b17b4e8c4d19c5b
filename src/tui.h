/* tui.h - the interactive terminal front end: a questionnaire, then a live
 * results dashboard with sliders, a chart and export.  Only the tui_*
 * files include curses; tui.c owns the terminal (start-up, colours,
 * resize, signals, teardown on every exit path). */
#ifndef LLMADVISOR_TUI_H
#define LLMADVISOR_TUI_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "data.h"
#include "profile.h"
#include "rules.h"

struct tui_options {
	bool prefilled;			/* answers came from -a or --set */
	bool answers_file;		/* -a FILE: open on the results */
	bool resume;			/* --resume: continue the autosave */
	unsigned long samples;		/* Monte Carlo samples */
	unsigned long seed;
	time_t now;			/* the reports' date */
	double start_time;		/* CLOCK_MONOTONIC seconds at launch,
					 * for the frame log (0: unknown) */
};

/* Runs the questionnaire and the results dashboard on the terminal, with
 * the profile as the starting answers (it holds the last answers when
 * tui_run returns).  rules may be NULL: then there is no verdict.  Returns
 * the exit status: 0 after q, 1 when the terminal fails, 2 when --resume
 * finds no autosave (said on standard error before curses starts), 128 +
 * the signal after SIGINT, SIGTERM, SIGHUP or SIGQUIT. */
int tui_run(const struct data *, const struct rules *, struct profile *,
	const struct tui_options *);


#endif
