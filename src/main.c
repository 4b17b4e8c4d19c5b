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

#include "cost.h"
#include "data.h"
#include "i18n.h"
#include "jsonio.h"
#include "prices.h"
#include "profile.h"
#include "report.h"
#include "rules.h"
#include "tui.h"
#include "util.h"

#define EXIT_RUNTIME 1
#define EXIT_USAGE 2
#define MAX_SETS 256

struct options {
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
	bool list_models, list_gpus, verbose;
};

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

/* Prints "llmadvisor: message" and returns the exit status given. */
static int
main_fail(int status, const char *message)
{
	fprintf(stderr, "%s: %s\n", PACKAGE, message);
	return status;
}

static int
main_usage_error(const char *message)
{
	fprintf(stderr, "%s: %s\n", PACKAGE, message);
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

/* Parses the command line; returns -1 to exit with *status. */
static int
main_options(int argc, char **argv, struct options *options, int *status)
{
	enum { OPTION_SAMPLES = 256, OPTION_SEED, OPTION_RESUME,
		OPTION_IMPORT_PRICES, OPTION_LIST_MODELS, OPTION_LIST_GPUS };
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
			if (main_parse_count(optarg, 1, 10000000,
			    &options->samples) != 0) {
				snprintf(message, sizeof message, _("--samples "
				    "must be a whole number from 1 to 10000000, "
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
			*status = fflush(stdout) == 0 && !ferror(stdout) ? 0 :
			    EXIT_RUNTIME;
			return -1;
		case 'V':
			main_version();
			*status = fflush(stdout) == 0 && !ferror(stdout) ? 0 :
			    EXIT_RUNTIME;
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
	if (options->resume && options->answers != NULL) {
		*status = main_usage_error(_("--resume and --answers cannot be "
		    "used together"));
		return -1;
	}
	if (optind < argc) {
		snprintf(message, sizeof message, _("unexpected argument '%s'"),
		    argv[optind]);
		*status = main_usage_error(message);
		return -1;
	}
	return 0;
}

/* Writes the whole rendering to standard output; 0 or -1 with *cause. */
static int
main_write_stdout(const struct buffer *text, char **cause)
{
	if (fwrite(text->data, 1, text->length, stdout) != text->length ||
	    fflush(stdout) != 0 || ferror(stdout)) {
		util_error(cause, _("standard output: %s"), strerror(errno));
		return -1;
	}
	return 0;
}

/* The report's date: SOURCE_DATE_EPOCH when set (reproducible builds and
 * reports), else the clock. */
static time_t
main_now(void)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	char *end;
	if (epoch != NULL && *epoch != '\0') {
		errno = 0;
		long long seconds = strtoll(epoch, &end, 10);
		if (errno == 0 && *end == '\0' && seconds >= 0)
			return (time_t)seconds;
	}
	return time(NULL);
}

/* Fills the data lookup order from options and the environment. */
static void
main_data_paths(const struct options *options, struct data_paths *paths,
    char *config_dir, size_t size)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	memset(paths, 0, sizeof *paths);
	paths->data_dir = options->data_dir;
	paths->env_dir = getenv("LLMADVISOR_DATADIR");
	if (xdg != NULL && *xdg == '/')
		snprintf(config_dir, size, "%s/llmadvisor", xdg);
	else if (home != NULL && *home != '\0')
		snprintf(config_dir, size, "%s/.config/llmadvisor", home);
	else
		config_dir[0] = '\0';
	paths->config_dir = config_dir;
	paths->system_dir = PKGDATADIR;
	paths->use_embedded = true;
}

/* Shows the data's warnings (a prices.yaml naming an unknown model). */
static void
main_data_warnings(const struct data *data)
{
	for (size_t i = 0; i < data->warning_count; i++)
		if (data->warnings[i] != NULL)
			fprintf(stderr, "%s: %s\n", PACKAGE, data->warnings[i]);
}

/* Refuses options that make no sense with a data command. */
static int
main_data_command_usage(const struct options *options)
{
	char message[256];
	const char *command = options->import_prices ? "--import-prices" :
	    options->list_models ? "--list-models" : "--list-gpus";
	const char *other = NULL;
	if ((options->import_prices != NULL) + options->list_models +
	    options->list_gpus > 1)
		other = options->import_prices && options->list_models ?
		    "--list-models" : "--list-gpus";
	else if (options->answers != NULL)
		other = "--answers";
	else if (options->set_count > 0)
		other = "--set";
	else if (options->resume)
		other = "--resume";
	else if (options->import_prices != NULL && options->format_name)
		other = "--format";
	else if (options->import_prices != NULL && options->output)
		other = "--output";
	if (other == NULL)
		return 0;
	snprintf(message, sizeof message, _("%s and %s cannot be used "
	    "together"), command, other);
	return main_usage_error(message);
}

/* --import-prices: map the file's prices to the models and write them to
 * the user's prices.yaml, whole or not at all; say what changed. */
static int
main_import_prices(const struct options *options,
    const struct data_paths *paths, const char *config_dir, time_t now)
{
	static struct data before, after;
	static struct prices_import import;
	struct prices_file file;
	struct buffer text, summary;
	char today[16], target[PATH_MAX + 16], *cause = NULL, *existing = NULL;
	size_t length;
	struct tm tm;
	int status = EXIT_USAGE;

	gmtime_r(&now, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	if (config_dir[0] == '\0') {
		return main_fail(EXIT_USAGE, _("--import-prices: no place for "
		    "prices.yaml (set HOME or XDG_CONFIG_HOME)"));
	}
	snprintf(target, sizeof target, "%s/prices.yaml", config_dir);
	if (data_load(&before, paths, &cause) != 0) {
		status = main_fail(EXIT_USAGE, cause);
		free(cause);
		return status;
	}
	main_data_warnings(&before);
	if (prices_read_file(&file, options->import_prices, today,
	    &cause) != 0) {
		status = main_fail(EXIT_USAGE, cause);
		free(cause);
		data_free(&before);
		return status;
	}
	buffer_init(&text);
	buffer_init(&summary);
	if (prices_map(&import, &before, &file, today, &cause) != 0) {
		status = EXIT_RUNTIME;
		goto fail;
	}
	if (import.mapped == 0) {
		/* Nothing to write: prices.yaml stays as it is. */
		prices_summary(&import, &before, NULL, options->verbose,
		    &summary);
		status = summary.failed ||
		    main_write_stdout(&summary, &cause) != 0 ? EXIT_RUNTIME : 0;
		if (status == 0)
			goto done;
		goto fail;
	}
	if (util_file_exists(target) &&
	    util_read_file(target, &existing, &length, &cause) != 0)
		goto fail;
	if (prices_render_yaml(&import, &before, target, existing, &text,
	    &cause) != 0)
		goto fail;
	status = EXIT_RUNTIME;
	if (prices_make_folders(config_dir, &cause) != 0 ||
	    util_write_file_atomic(target, text.data, text.length,
	    &cause) != 0)
		goto fail;
	/* Read back along the lookup order: what now holds. */
	if (data_load(&after, paths, &cause) != 0)
		goto fail;
	prices_compare(&import, &before, &after, target);
	prices_summary(&import, &before, target, options->verbose, &summary);
	status = summary.failed ? EXIT_RUNTIME : 0;
	if (status == 0 && main_write_stdout(&summary, &cause) != 0)
		status = EXIT_RUNTIME;
	data_free(&after);
	if (status == 0)
		goto done;
fail:
	if (cause != NULL)
		main_fail(status, cause);
done:
	free(cause);
	free(existing);
	buffer_free(&text);
	buffer_free(&summary);
	prices_import_free(&import);
	prices_file_free(&file);
	data_free(&before);
	return status;
}

/* --list-models and --list-gpus, as aligned text or JSON. */
static int
main_list(const struct options *options, const struct data_paths *paths,
    time_t now)
{
	static struct data data;
	enum report_format format = REPORT_TEXT;
	struct buffer text;
	char message[PATH_MAX + 128], *cause = NULL;
	int status;

	if (options->format_name != NULL &&
	    report_format_from_name(options->format_name, &format) != 0) {
		snprintf(message, sizeof message, _("unknown format '%s' (use "
		    "text or json)"), options->format_name);
		return main_usage_error(message);
	}
	if (options->format_name == NULL && options->output != NULL &&
	    report_format_from_path(options->output, &format) != 0) {
		snprintf(message, sizeof message, _("%s: cannot tell the format "
		    "from the file name: add -f text or json"), options->output);
		return main_usage_error(message);
	}
	if (format == REPORT_MARKDOWN) {
		snprintf(message, sizeof message, _("%s writes text or json, not "
		    "markdown"), options->list_models ? "--list-models" :
		    "--list-gpus");
		return main_usage_error(message);
	}
	if (data_load(&data, paths, &cause) != 0) {
		status = main_fail(EXIT_USAGE, cause);
		free(cause);
		return status;
	}
	main_data_warnings(&data);
	buffer_init(&text);
	status = 0;
	if (format == REPORT_JSON) {
		if (jsonio_render_listing(&data, options->list_gpus, now,
		    paths->system_dir, &text, &cause) != 0)
			status = EXIT_RUNTIME;
	} else if (options->list_gpus) {
		prices_list_gpus(&data, now, paths->system_dir, &text);
	} else {
		prices_list_models(&data, now, paths->system_dir, &text);
	}
	if (status == 0 && text.failed) {
		util_error(&cause, _("out of memory"));
		status = EXIT_RUNTIME;
	}
	if (status == 0 && (options->output != NULL ?
	    util_write_file_atomic(options->output, text.data, text.length,
	    &cause) : main_write_stdout(&text, &cause)) != 0)
		status = EXIT_RUNTIME;
	if (status != 0)
		main_fail(status, cause);
	free(cause);
	buffer_free(&text);
	data_free(&data);
	return status;
}

/* The data commands: no terminal needed, no verdict computed. */
static int
main_data_command(const struct options *options)
{
	struct data_paths paths;
	char config_dir[PATH_MAX];
	int status = main_data_command_usage(options);

	if (status != 0)
		return status;
	if (options->data_dir != NULL) {
		struct stat st;
		if (stat(options->data_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
			char message[PATH_MAX + 64];
			snprintf(message, sizeof message, _("%s: not a folder"),
			    options->data_dir);
			return main_fail(EXIT_USAGE, message);
		}
	}
	main_data_paths(options, &paths, config_dir, sizeof config_dir);
	if (options->import_prices != NULL)
		return main_import_prices(options, &paths, config_dir,
		    main_now());
	return main_list(options, &paths, main_now());
}

int
main(int argc, char **argv)
{
	static struct data data;
	static struct rules rules;
	static struct evaluation report;
	struct options options;
	struct data_paths paths;
	struct profile profile;
	struct cost_scenario scenario;
	struct evaluate_settings settings;
	struct buffer text;
	enum report_format format;
	char config_dir[PATH_MAX], autosave[PATH_MAX], *cause = NULL;
	int status = 0;
	bool interactive = false;
	struct timespec launch;

	clock_gettime(CLOCK_MONOTONIC, &launch);
	setlocale(LC_ALL, "");
#if ENABLE_NLS
	const char *localedir = getenv("LLMADVISOR_LOCALEDIR");
	bindtextdomain(PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#endif
	if (main_options(argc, argv, &options, &status) != 0)
		return status;
	if (options.import_prices != NULL || options.list_models ||
	    options.list_gpus)
		return main_data_command(&options);

	if (options.format_name != NULL) {
		if (report_format_from_name(options.format_name, &format) != 0) {
			char message[256];
			snprintf(message, sizeof message, _("unknown format '%s' "
			    "(use text, markdown or json)"), options.format_name);
			return main_usage_error(message);
		}
	} else if (options.output != NULL) {
		if (report_format_from_path(options.output, &format) != 0) {
			char message[PATH_MAX + 128];
			snprintf(message, sizeof message, _("%s: cannot tell the "
			    "format from the file name: add -f text, markdown or "
			    "json"), options.output);
			return main_usage_error(message);
		}
	} else if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
		/* The questionnaire and the results dashboard (tui.c). */
		interactive = true;
		format = REPORT_TEXT;
	} else {
		fprintf(stderr, _("%s: not a terminal: the interactive "
		    "questionnaire needs one.\nFor scripts, choose an output "
		    "format, for example:\n  %s -a answers.yaml -f json\n  %s -a "
		    "answers.yaml -f markdown -o report.md\n"), PACKAGE, PACKAGE,
		    PACKAGE);
		return EXIT_USAGE;
	}

	if (options.data_dir != NULL) {
		struct stat st;
		if (stat(options.data_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
			char message[PATH_MAX + 64];
			snprintf(message, sizeof message, _("%s: not a folder"),
			    options.data_dir);
			return main_fail(EXIT_USAGE, message);
		}
	}
	main_data_paths(&options, &paths, config_dir, sizeof config_dir);
	if (data_load(&data, &paths, &cause) != 0) {
		status = main_fail(EXIT_USAGE, cause);
		free(cause);
		return status;
	}
	main_data_warnings(&data);
	if (rules_load(&rules, &paths, &cause) != 0) {
		status = main_fail(EXIT_USAGE, cause);
		free(cause);
		data_free(&data);
		return status;
	}
	profile_defaults(&profile);
	if (options.answers != NULL &&
	    profile_load_file(&profile, options.answers, &cause) != 0)
		goto invalid;
	if (options.resume && !interactive) {
		/* Batch use of the last session's answers. */
		if (tui_autosave_path(autosave, sizeof autosave) != 0) {
			util_error(&cause, _("--resume: no place for an autosave "
			    "(set HOME or XDG_STATE_HOME)"));
			goto invalid;
		}
		if (profile_load_file(&profile, autosave, &cause) != 0)
			goto invalid;
	}
	for (size_t i = 0; i < options.set_count; i++)
		if (profile_set(&profile, options.sets[i], &cause) != 0)
			goto invalid;
	if (interactive) {
		struct tui_options tui_options;
		memset(&tui_options, 0, sizeof tui_options);
		tui_options.prefilled = options.answers != NULL ||
		    options.set_count > 0;
		tui_options.resume = options.resume;
		tui_options.samples = options.samples;
		tui_options.seed = options.seed;
		tui_options.now = main_now();
		tui_options.start_time = (double)launch.tv_sec +
		    launch.tv_nsec / 1e9;
		status = tui_run(&data, &rules, &profile, &tui_options);
		rules_free(&rules);
		data_free(&data);
		return status;
	}

	evaluate_settings_default(&settings);
	settings.samples = options.samples;
	settings.seed = options.seed;
	settings.now = main_now();
	cost_scenario_default(&scenario);
	evaluate_run(&report, &data, &rules, &profile, &scenario, &settings);
	buffer_init(&text);
	switch (format) {
	case REPORT_TEXT:
		report_render_text(&report, I18N_TRANSLATED, &text);
		break;
	case REPORT_MARKDOWN:
		report_render_markdown(&report, I18N_TRANSLATED, &text);
		break;
	case REPORT_JSON:
		/* JSON is an API: its texts stay English in any language. */
		if (report_json_render(&report, &text, &cause) != 0)
			goto runtime;
		break;
	}
	if (text.failed) {
		util_error(&cause, _("out of memory"));
		goto runtime;
	}
	if (options.output != NULL) {
		if (util_write_file_atomic(options.output, text.data, text.length,
		    &cause) != 0)
			goto runtime;
	} else if (main_write_stdout(&text, &cause) != 0) {
		goto runtime;
	}
	buffer_free(&text);
	rules_free(&rules);
	data_free(&data);
	return 0;

invalid:
	status = main_fail(EXIT_USAGE, cause);
	free(cause);
	rules_free(&rules);
	data_free(&data);
	return status;
runtime:
	status = main_fail(EXIT_RUNTIME, cause);
	free(cause);
	buffer_free(&text);
	rules_free(&rules);
	data_free(&data);
	return status;
}
