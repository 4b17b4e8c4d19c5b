/* main.c - command line, locale and text domain; runs the batch mode (and,
 * from a terminal, the interactive front end). */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "autosave.h"
#include "cmd.h"
#include "cost.h"
#include "data.h"
#include "file.h"
#include "paths.h"
#include "heap.h"
#include "i18n.h"
#include "doc.h"
#include "profile.h"
#include "report.h"
#include "rules.h"
#include "tui.h"
#include "util.h"

static void
main_usage(FILE *stream)
{
	fprintf(stream, _("Usage: %s [OPTION]...\n"), PACKAGE);
	fputs(_("Decide between closed LLM APIs, self-hosted open-weight models, "
	    "or both,\nand show the arithmetic behind the answer.\n\n"), stream);
	fputs(_("Without -f, llmadvisor runs an interactive questionnaire in the "
	    "terminal.\n\n"), stream);
	fputs(_("There, ? shows every key; KEYS in llmadvisor(1) lists them "
	    "too.\n\n"), stream);
	fputs(_("Options:\n"
	    "  -a, --answers=FILE     read answers from a YAML or JSON answers "
	    "file\n"
	    "  -f, --format=FORMAT    no terminal UI: write the result as text, "
	    "markdown\n"
	    "                         or json\n"
	    "  -o, --output=FILE      write the result to FILE (atomically) "
	    "instead of\n"
	    "                         standard output; .md, .json or .txt picks "
	    "the format\n"
	    "  -s, --set=KEY=VALUE    override one answer, e.g. "
	    "--set volume.input_tokens=200M\n"
	    "                         (repeatable)\n"
	    "  -d, --data-dir=DIR     read data files from DIR first\n"
	    "      --samples=N        Monte Carlo samples (default 10000)\n"
	    "      --seed=N           Monte Carlo random seed (default 1)\n"
	    "      --resume           continue the last interactive session "
	    "(its answers\n"
	    "                         are autosaved after every answer)\n"
	    "  -h, --help             show this help and exit\n"
	    "  -V, --version          show version information and exit\n"),
	    stream);
	fputs(_("\nPrice data (no questionnaire, no verdict):\n"
	    "      --import-prices=FILE\n"
	    "                         read a LiteLLM or genai-prices JSON price "
	    "list into\n"
	    "                         ~/.config/llmadvisor/prices.yaml (never "
	    "the network)\n"
	    "      --as-of=YYYY-MM-DD with --import-prices: the date of prices the "
	    "file\n"
	    "                         does not date itself (else \"undated\", "
	    "never today)\n"
	    "      --no-new-models    with --import-prices: do not add the "
	    "entries that map\n"
	    "                         to no model to models-imported.yaml "
	    "(unrated)\n"
	    "      --list-models      list every model's figures: value, range, "
	    "source,\n"
	    "                         as-of date, verified, file; -f json too\n"
	    "      --list-gpus        the same for every GPU\n"
	    "  -v, --verbose          with --import-prices: name the entries not "
	    "mapped\n"), stream);
	fputs(_("\nExit status: 0 on success, 1 on a runtime failure (such as "
	    "an output file\nthat cannot be written), 2 on bad usage or invalid "
	    "input.\n"), stream);
	fprintf(stream, _("\nSee llmadvisor(1) for the answers file, the data "
	    "files and examples.\n"));
}

static void
main_version(void)
{
	printf("%s\n", PACKAGE_STRING);
	puts(_("Copyright (C) 2026 The llmadvisor authors.\n"
	    "License MIT: <https://opensource.org/licenses/MIT>.\n"
	    "This is free software: you are free to change and redistribute it.\n"
	    "There is NO WARRANTY, to the extent permitted by law."));
}

/* Prints "llmadvisor: message" to standard error, with control
 * characters escaped: a message may quote an argument or a variable. */
static void
main_print_message(const char *message)
{
	struct buffer text;
	buffer_init(&text);
	buffer_add(&text, message);
	buffer_escape_controls(&text, 0);
	fprintf(stderr, "%s: %s\n", PACKAGE,
	    text.failed || text.data == NULL ? message : text.data);
	buffer_free(&text);
}

/* Prints "llmadvisor: message" and returns the exit status given. */
int
main_fail(int status, const char *message)
{
	main_print_message(message);
	return status;
}

int
main_usage_error(const char *message)
{
	main_print_message(message);
	fprintf(stderr, _("Try '%s --help' for more information.\n"), PACKAGE);
	return EXIT_USAGE;
}

static int
main_parse_count(const char *text, unsigned long low, unsigned long high,
    unsigned long *value)
{
	char *end;
	errno = 0;
	if (*text < '0' || *text > '9')
		return -1;
	unsigned long n = strtoul(text, &end, 10);
	if (errno != 0 || *end != '\0' || n < low || n > high)
		return -1;
	*value = n;
	return 0;
}

/* Flushes what --help or --version printed: 0, or a message and
 * EXIT_RUNTIME when standard output cannot take it (/dev/full). */
static int
main_flush_stdout(void)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return 0;
	fprintf(stderr, "%s: %s: %s\n", PACKAGE, _("standard output"),
	    strerror(errno != 0 ? errno : EIO));
	return EXIT_RUNTIME;
}

/* The latest SOURCE_DATE_EPOCH accepted: 9999-12-31T23:59:59Z, so every
 * date prints as YYYY-MM-DD. */
#define MAIN_LATEST_EPOCH 253402300799LL

/* Reads SOURCE_DATE_EPOCH: 0 and *seconds when it is set and valid, 1 when
 * it is unset or empty, -1 when it is not a whole number of seconds from
 * 1970 to the year 9999 (reproducible-builds tools treat that as an
 * error, and so do we). */
static int
main_epoch(long long *seconds)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	char *end;
	if (epoch == NULL || *epoch == '\0')
		return 1;
	if (*epoch < '0' || *epoch > '9')
		return -1;
	errno = 0;
	*seconds = strtoll(epoch, &end, 10);
	if (errno != 0 || *end != '\0' || *seconds > MAIN_LATEST_EPOCH)
		return -1;
	return 0;
}

/* The report's date: SOURCE_DATE_EPOCH when set (reproducible builds and
 * reports; main_options has refused a malformed one), else the clock. */
time_t
main_now(void)
{
	long long seconds;
	if (main_epoch(&seconds) == 0)
		return (time_t)seconds;
	return time(NULL);
}

/* The checks that need every option: combinations that make no sense,
 * an empty output name, the answers file as the output, and a malformed
 * SOURCE_DATE_EPOCH. */
static int
main_options_check(const struct cmd_options *options, int *status)
{
	char message[512];
	if (options->resume && options->answers != NULL) {
		*status = main_usage_error(_("--resume and --answers cannot be "
		    "used together"));
		return -1;
	}
	if (options->no_new_models && options->import_prices == NULL) {
		*status = main_usage_error(_("--no-new-models only applies to "
		    "--import-prices"));
		return -1;
	}
	if (options->as_of != NULL && options->import_prices == NULL) {
		*status = main_usage_error(_("--as-of only applies to "
		    "--import-prices"));
		return -1;
	}
	if (options->output != NULL && options->output[0] == '\0') {
		*status = main_usage_error(_("--output needs a file name"));
		return -1;
	}
	if (options->answers != NULL && options->output != NULL &&
	    file_same(options->answers, options->output)) {
		snprintf(message, sizeof message, _("--answers and --output name "
		    "the same file (%s): the report would replace the answers"),
		    options->output);
		*status = main_usage_error(message);
		return -1;
	}
	long long seconds;
	if (main_epoch(&seconds) < 0) {
		snprintf(message, sizeof message, _("SOURCE_DATE_EPOCH must be "
		    "a whole number of seconds from 0 to %lld, got \"%.64s\""),
		    MAIN_LATEST_EPOCH, getenv("SOURCE_DATE_EPOCH"));
		*status = main_usage_error(message);
		return -1;
	}
	return 0;
}

/* Parses the command line; returns -1 to exit with *status. */
static int
main_options(int argc, char **argv, struct cmd_options *options, int *status)
{
	enum { OPTION_SAMPLES = 256, OPTION_SEED, OPTION_RESUME,
		OPTION_IMPORT_PRICES, OPTION_LIST_MODELS, OPTION_LIST_GPUS,
		OPTION_NO_NEW_MODELS,
		OPTION_AS_OF };
	static const struct option long_options[] = {
		{ "answers", required_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "set", required_argument, NULL, 's' },
		{ "data-dir", required_argument, NULL, 'd' },
		{ "samples", required_argument, NULL, OPTION_SAMPLES },
		{ "seed", required_argument, NULL, OPTION_SEED },
		{ "resume", no_argument, NULL, OPTION_RESUME },
		{ "import-prices", required_argument, NULL,
		  OPTION_IMPORT_PRICES },
		{ "as-of", required_argument, NULL, OPTION_AS_OF },
		{ "no-new-models", no_argument, NULL, OPTION_NO_NEW_MODELS },
		{ "list-models", no_argument, NULL, OPTION_LIST_MODELS },
		{ "list-gpus", no_argument, NULL, OPTION_LIST_GPUS },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	char message[512];
	int c;

	memset(options, 0, sizeof *options);
	options->samples = 10000;
	options->seed = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":a:f:o:s:d:hvV", long_options,
	    NULL)) != -1) {
		switch (c) {
		case 'a':
			options->answers = optarg;
			break;
		case 'f':
			options->format_name = optarg;
			break;
		case 'o':
			options->output = optarg;
			break;
		case 's':
			if (options->set_count == MAX_SETS) {
				*status = main_usage_error(_("too many --set "
				    "options"));
				return -1;
			}
			options->sets[options->set_count++] = optarg;
			break;
		case 'd':
			options->data_dir = optarg;
			break;
		case OPTION_SAMPLES:
			if (main_parse_count(optarg, 1, 1000000,
			    &options->samples) != 0) {
				snprintf(message, sizeof message, _("--samples "
				    "must be a whole number from 1 to 1000000, "
				    "got \"%s\""), optarg);
				*status = main_usage_error(message);
				return -1;
			}
			break;
		case OPTION_SEED:
			if (main_parse_count(optarg, 0, ULONG_MAX,
			    &options->seed) != 0) {
				snprintf(message, sizeof message, _("--seed must "
				    "be a whole number, got \"%s\""), optarg);
				*status = main_usage_error(message);
				return -1;
			}
			break;
		case OPTION_RESUME:
			options->resume = true;
			break;
		case OPTION_IMPORT_PRICES:
			options->import_prices = optarg;
			break;
		case OPTION_AS_OF:
			options->as_of = optarg;
			break;
		case OPTION_NO_NEW_MODELS:
			options->no_new_models = true;
			break;
		case OPTION_LIST_MODELS:
			options->list_models = true;
			break;
		case OPTION_LIST_GPUS:
			options->list_gpus = true;
			break;
		case 'v':
			options->verbose = true;
			break;
		case 'h':
			main_usage(stdout);
			*status = main_flush_stdout();
			return -1;
		case 'V':
			main_version();
			*status = main_flush_stdout();
			return -1;
		case ':':
			snprintf(message, sizeof message,
			    _("option '%s' needs a value"), argv[optind - 1]);
			*status = main_usage_error(message);
			return -1;
		default:
			if (optopt != 0)
				snprintf(message, sizeof message,
				    _("unknown option '-%c'"), optopt);
			else
				snprintf(message, sizeof message,
				    _("unknown option '%s'"), argv[optind - 1]);
			*status = main_usage_error(message);
			return -1;
		}
	}
	if (optind < argc) {
		snprintf(message, sizeof message, _("unexpected argument '%s'"),
		    argv[optind]);
		*status = main_usage_error(message);
		return -1;
	}
	return main_options_check(options, status);
}

/* Writes the whole rendering to standard output; 0 or -1 with *cause. */
int
main_write_stdout(const struct buffer *text, char **cause)
{
	if (fwrite(text->data, 1, text->length, stdout) != text->length ||
	    fflush(stdout) != 0 || ferror(stdout)) {
		util_error(cause, _("standard output: %s"), strerror(errno));
		return -1;
	}
	return 0;
}

/* Fills the lookup order from --data-dir and the environment, and
 * refuses folders that are named but unusable; -1 with *status (a message
 * printed) when one is. */
int
main_paths(const struct cmd_options *options, struct paths *paths,
    int *status)
{
	char *cause = NULL;
	if (options->data_dir != NULL) {
		struct stat st;
		if (stat(options->data_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
			char message[PATH_MAX + 64];
			snprintf(message, sizeof message, _("%s: not a folder"),
			    options->data_dir);
			*status = main_fail(EXIT_USAGE, message);
			return -1;
		}
	}
	paths_init(paths, options->data_dir);
	if (paths_check(paths, &cause) != 0) {
		*status = main_fail(EXIT_USAGE, cause);
		free(cause);
		return -1;
	}
	return 0;
}

/* Shows the data's warnings (a prices.yaml naming an unknown model). */
void
main_data_warnings(const struct data *data)
{
	for (size_t i = 0; i < data->warning_count; i++)
		if (data->warnings[i] != NULL)
			fprintf(stderr, "%s: %s\n", PACKAGE, data->warnings[i]);
}

/* Writes a rendering where -o says: a file whole or not at all, or
 * standard output without -o and for -o - (as GNU tools read it).  Takes
 * the status and cause so far; says what went wrong, frees text and
 * cause, and returns the final status (0 or EXIT_RUNTIME). */
int
main_write_output(const struct cmd_options *options, struct buffer *text,
    int status, char *cause)
{
	bool to_stdout = options->output == NULL ||
	    strcmp(options->output, "-") == 0;
	if (status == 0 && text->failed) {
		util_error(&cause, _("out of memory"));
		status = EXIT_RUNTIME;
	}
	if (status == 0 && (to_stdout ? main_write_stdout(text, &cause) :
	    file_write_atomic(options->output, text->data, text->length,
	    &cause)) != 0)
		status = EXIT_RUNTIME;
	if (status != 0)
		main_fail(status, cause);
	free(cause);
	buffer_free(text);
	return status;
}

/* Decides the output: a format from -f or -o's extension, or the
 * terminal interface (*interactive) when both ends are a terminal; -1 with
 * *status (a message printed) when none fits. */
static int
main_format(const struct cmd_options *options, enum report_format *format,
    bool *interactive, int *status)
{
	*interactive = false;
	*format = REPORT_TEXT;
	if (options->format_name != NULL) {
		if (report_format_from_name(options->format_name, format) != 0) {
			char message[256];
			snprintf(message, sizeof message, _("unknown format '%s' "
			    "(use text, markdown or json)"), options->format_name);
			*status = main_usage_error(message);
			return -1;
		}
	} else if (options->output != NULL) {
		if (report_format_from_path(options->output, format) != 0) {
			char message[PATH_MAX + 128];
			snprintf(message, sizeof message, _("%s: cannot tell the "
			    "format from the file name: add -f text, markdown or "
			    "json"), options->output);
			*status = main_usage_error(message);
			return -1;
		}
	} else if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
		/* The questionnaire and the results dashboard (tui.c). */
		*interactive = true;
	} else {
		fprintf(stderr, _("%s: not a terminal: the interactive "
		    "questionnaire needs one.\nFor scripts, choose an output "
		    "format, for example:\n  %s -a answers.yaml -f json\n  %s -a "
		    "answers.yaml -f markdown -o report.md\n"), PACKAGE, PACKAGE,
		    PACKAGE);
		*status = EXIT_USAGE;
		return -1;
	}
	return 0;
}

/* The answers as given: defaults, then -a FILE (or, in batch mode,
 * --resume's autosave), then every --set in order. */
static int
main_answers(const struct cmd_options *options, bool interactive,
    struct profile *profile, char **cause)
{
	char autosave[PATH_MAX];
	profile_defaults(profile);
	if (options->answers != NULL &&
	    profile_load_file(profile, options->answers, cause) != 0)
		return -1;
	if (options->resume && !interactive) {
		/* Batch use of the last session's answers. */
		if (paths_autosave(autosave, sizeof autosave) != 0) {
			util_error(cause, _("--resume: no place for an autosave "
			    "(set HOME or XDG_STATE_HOME)"));
			return -1;
		}
		if (autosave_load(profile, autosave, NULL, cause) != 0)
			return -1;
	}
	for (size_t i = 0; i < options->set_count; i++)
		if (profile_set(profile, options->sets[i], cause) != 0)
			return -1;
	return 0;
}

/* Batch mode: evaluates once, renders in the format and writes standard
 * output or -o's file whole; 0, or EXIT_RUNTIME with a message. */
static int
main_batch(const struct cmd_options *options, const struct data *data,
    const struct rules *rules, const struct profile *profile,
    enum report_format format)
{
	/* Static, unlike main's data and rules: on the heap its 418 KiB,
	 * cleared, would take a second large page (2 MiB more resident
	 * memory) for the 14 of its pages a run touches. */
	static struct evaluation storage;
	struct evaluation *evaluation = &storage;
	struct evaluate_settings settings;
	struct cost_scenario scenario;
	struct buffer text;
	char *cause = NULL;
	int status = 0;

	evaluate_settings_default(&settings);
	settings.samples = options->samples;
	settings.seed = options->seed;
	settings.now = main_now();
	/* JSON has neither the volume table nor the chart. */
	settings.views = format != REPORT_JSON;
	cost_scenario_of(profile, &scenario);
	evaluate_run(evaluation, data, rules, profile, &scenario, &settings);
	buffer_init(&text);
	switch (format) {
	case REPORT_TEXT:
		report_render_text(evaluation, I18N_TRANSLATED, &text);
		break;
	case REPORT_MARKDOWN:
		report_render_markdown(evaluation, I18N_TRANSLATED, &text);
		break;
	case REPORT_JSON:
		/* JSON is an API: its texts stay English in any language. */
		if (report_json_render(evaluation, &text, &cause) != 0)
			status = EXIT_RUNTIME;
		break;
	}
	return main_write_output(options, &text, status, cause);
}

/* Whether the environment's messages locale can translate anything.
 * The C and POSIX locales never do (gettext then ignores LANGUAGE), and
 * a C.* locale (C.UTF-8) only when LANGUAGE names a language; in every
 * other case the messages category is left at "C", which gives the same
 * English texts (the C library's too) and spares finding the locale:
 * for C.UTF-8, 0.5-1.2 ms here (the locale archive is mapped and
 * searched, the alias file read, then the locale's folder). */
static bool
main_messages_translatable(void)
{
	static const char *const names[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *name = NULL, *language = getenv("LANGUAGE");
	/* The first set and not empty, as setlocale(LC_MESSAGES, "") takes
	 * them. */
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		name = getenv(names[i]);
		if (name != NULL && *name != '\0')
			break;
	}
	if (name == NULL || *name == '\0' || strcmp(name, "C") == 0 ||
	    strcmp(name, "POSIX") == 0)
		return false;
	if (strncmp(name, "C.", 2) == 0)
		return language != NULL && *language != '\0';
	return true;
}

int
main(int argc, char **argv)
{
	struct data *data;
	struct rules *rules;
	struct cmd_options options;
	struct paths paths;
	struct profile profile;
	enum report_format format;
	char *cause = NULL;
	int status = 0;
	bool interactive = false;
	struct timespec launch;

	clock_gettime(CLOCK_MONOTONIC, &launch);
	/* Before anything allocates: a run then faults a large page in
	 * instead of hundreds of small ones (heap.c). */
	heap_use_large_pages();
	/* What the program takes from the locale: the messages (gettext)
	 * here, the characters below where they are used.  Numbers never
	 * follow LC_NUMERIC, and dates are numeric (%Y-%m-%d), so LC_TIME
	 * changes nothing; loading every category costs a run half a
	 * millisecond. */
	if (main_messages_translatable())
		setlocale(LC_MESSAGES, "");
#if ENABLE_NLS
	const char *localedir = getenv("LLMADVISOR_LOCALEDIR");
	bindtextdomain(PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	/* The C library's own messages (strerror) too: a JSON or markdown
	 * run leaves LC_CTYPE at "C" (below), where they would lose their
	 * umlauts to '?'. */
	bind_textdomain_codeset("libc", "UTF-8");
	textdomain(PACKAGE);
#endif
	if (main_options(argc, argv, &options, &status) != 0)
		return status;
	if (options.import_prices != NULL || options.list_models ||
	    options.list_gpus) {
		setlocale(LC_CTYPE, "");
		return cmd_data_run(&options);
	}
	if (main_format(&options, &format, &interactive, &status) != 0 ||
	    main_paths(&options, &paths, &status) != 0)
		return status;
	/* The characters: the terminal's wide characters, and the widths
	 * that align the text report.  A JSON or markdown report is bytes
	 * of UTF-8 whatever the locale (gettext's codeset is bound), and
	 * finding the locale's character set costs a run 0.4-0.6 ms here
	 * (its archive is mapped and searched). */
	if (interactive || format == REPORT_TEXT)
		setlocale(LC_CTYPE, "");
	/* Evaluations only: an import's unrated models are checked, then
	 * kept by name (listings and imports went to cmd_data_run). */
	/* On the heap's large pages (heap_use_large_pages), not in static
	 * storage: its 4 KiB pages each cost a run a fault on first touch
	 * (loading the rules clears all 70 KiB of theirs). */
	data = calloc(1, sizeof *data);
	rules = calloc(1, sizeof *rules);
	if (data == NULL || rules == NULL) {
		free(data);
		free(rules);
		return main_fail(EXIT_RUNTIME, _("out of memory"));
	}
	if (data_load_compared(data, &paths, &cause) != 0) {
		status = main_fail(EXIT_USAGE, cause);
		free(cause);
		free(data);
		free(rules);
		return status;
	}
	main_data_warnings(data);
	if (rules_load(rules, &paths, &cause) != 0) {
		status = main_fail(EXIT_USAGE, cause);
		free(cause);
		data_free(data);
		free(data);
		free(rules);
		return status;
	}
	if (main_answers(&options, interactive, &profile, &cause) != 0 ||
	    profile_check_data(&profile, data, &cause) != 0) {
		status = main_fail(EXIT_USAGE, cause);
		free(cause);
	} else if (interactive) {
		struct tui_options tui_options;
		memset(&tui_options, 0, sizeof tui_options);
		tui_options.prefilled = options.answers != NULL ||
		    options.set_count > 0;
		tui_options.answers_file = options.answers != NULL;
		tui_options.resume = options.resume;
		tui_options.samples = options.samples;
		tui_options.seed = options.seed;
		tui_options.now = main_now();
		tui_options.start_time = (double)launch.tv_sec +
		    launch.tv_nsec / 1e9;
		status = tui_run(data, rules, &profile, &tui_options);
	} else {
		status = main_batch(&options, data, rules, &profile, format);
	}
	rules_free(rules);
	data_free(data);
	free(data);
	free(rules);
	return status;
}
