/* cmd.h - the program's modes besides the report (cmd_import.c,
 * cmd_list.c) and what main.c shares with them.  These print: they are
 * part of the program, not of the core library. */
#ifndef LLMADVISOR_CMD_H
#define LLMADVISOR_CMD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "data.h"
#include "util.h"

#define EXIT_RUNTIME 1
#define EXIT_USAGE 2
#define MAX_SETS 256

/* The command line, as main_options parsed it. */
struct cmd_options {
	const char *answers;
	const char *format_name;
	const char *output;
	const char *data_dir;
	const char *sets[MAX_SETS];
	size_t set_count;
	unsigned long samples;
	unsigned long seed;
	bool resume;
	const char *import_prices;	/* --import-prices FILE */
	const char *as_of;		/* --as-of YYYY-MM-DD, or NULL */
	bool no_new_models;		/* --no-new-models */
	bool list_models, list_gpus, verbose;
};

/* main.c */
/* Prints "llmadvisor: message" and returns the exit status given. */
int main_fail(int status, const char *message);
/* Prints the message and a pointer to --help; returns EXIT_USAGE. */
int main_usage_error(const char *message);
/* Writes a rendering to -o's file (whole or not at all) or to standard
 * output (no -o, or -o -); reports a failure, frees text and cause,
 * returns the final status. */
int main_write_output(const struct cmd_options *, struct buffer *text,
	int status, char *cause);
/* Writes the whole rendering to standard output; 0 or -1 with *cause. */
int main_write_stdout(const struct buffer *, char **cause);
/* SOURCE_DATE_EPOCH when set, else the clock. */
time_t main_now(void);
/* Fills and checks the data lookup order; -1 with *status on failure. */
int main_paths(const struct cmd_options *, struct paths *, int *status);
/* Shows the data's warnings (a prices.yaml naming an unknown model). */
void main_data_warnings(const struct data *);

/* cmd_import.c: --import-prices FILE into config_dir/prices.yaml. */
int cmd_import_run(const struct cmd_options *, const struct paths *,
	const char *config_dir, time_t now);

/* cmd_list.c */
/* Refuses options that make no sense with a data command. */
int cmd_list_usage(const struct cmd_options *);
/* --list-models and --list-gpus, as aligned text or JSON. */
int cmd_list_run(const struct cmd_options *, const struct paths *,
	time_t now);
/* The data commands (--import-prices, --list-models, --list-gpus): no
 * terminal needed, no verdict computed. */
int cmd_data_run(const struct cmd_options *);

#endif
