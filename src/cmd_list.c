/* cmd_list.c - the data commands: --list-models and --list-gpus (and the
 * dispatch to --import-prices), with their option checks. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>

#include "cmd.h"
#include "file.h"
#include "i18n.h"
#include "evaluate.h"
#include "listing.h"
#include "report.h"

/* Refuses options that make no sense with a data command. */
int
cmd_list_usage(const struct cmd_options *options)
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

/* What self_hosted_model auto picks for the default answers (the
 * article's 12M tokens a month), with the best quality on their hard
 * tasks and with good-enough quality. */
static void
cmd_list_self_hosted(const struct data *data, struct buffer *text)
{
	struct listing_pick picks[2];
	struct cost_scenario scenario;
	struct profile profile;

	profile_defaults(&profile);
	snprintf(profile.self_hosted_model, sizeof profile.self_hosted_model,
	    "%s", PROFILE_SELF_HOSTED_AUTO);
	cost_scenario_of(&profile, &scenario);
	profile.quality = QUALITY_BEST;
	picks[0].label = _("the best quality on hard tasks");
	picks[0].model = evaluate_self_hosted_model(data, &profile, &scenario);
	profile.quality = QUALITY_GOOD_ENOUGH;
	picks[1].label = _("good-enough quality");
	picks[1].model = evaluate_self_hosted_model(data, &profile, &scenario);
	listing_self_hosted(data, picks, 2, text);
}

/* --list-models and --list-gpus, as aligned text or JSON. */
int
cmd_list_run(const struct cmd_options *options, const struct paths *paths,
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
		if (listing_render_json(&data, options->list_gpus, now,
		    paths->system_dir, &text, &cause) != 0)
			status = EXIT_RUNTIME;
	} else if (options->list_gpus) {
		listing_gpus(&data, now, paths->system_dir, &text);
	} else {
		listing_models(&data, now, paths->system_dir, &text);
		cmd_list_self_hosted(&data, &text);
	}
	status = main_write_output(options, &text, status, cause);
	data_free(&data);
	return status;
}

/* The data commands: no terminal needed, no verdict computed. */
int
cmd_data_run(const struct cmd_options *options)
{
	struct paths paths;
	int status = cmd_list_usage(options);

	if (status != 0 || main_paths(options, &paths, &status) != 0)
		return status;
	if (options->import_prices != NULL)
		return cmd_import_run(options, &paths, paths.config_dir,
		    main_now());
	return cmd_list_run(options, &paths, main_now());
}
