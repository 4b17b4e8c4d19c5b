/* cmd_import.c - --import-prices: maps a price list's prices to the
 * models and writes them to the user's prices.yaml; says what changed. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cmd.h"
#include "i18n.h"
#include "import.h"

/* --import-prices: map the file's prices to the models and write them to
 * the user's prices.yaml, whole or not at all; say what changed. */
int
cmd_import_run(const struct cmd_options *options,
    const struct data_paths *paths, const char *config_dir, time_t now)
{
	static struct data before, after;
	static struct import import;
	struct import_file file;
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
	if (import_read_file(&file, options->import_prices, today,
	    &cause) != 0) {
		status = main_fail(EXIT_USAGE, cause);
		free(cause);
		data_free(&before);
		return status;
	}
	buffer_init(&text);
	buffer_init(&summary);
	if (import_map(&import, &before, &file, today, &cause) != 0) {
		status = EXIT_RUNTIME;
		goto fail;
	}
	if (import.mapped == 0) {
		/* Nothing to write: prices.yaml stays as it is. */
		import_summary(&import, &before, NULL, options->verbose,
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
	if (import_render_yaml(&import, &before, target, existing, &text,
	    &cause) != 0)
		goto fail;
	status = EXIT_RUNTIME;
	if (import_make_folders(config_dir, &cause) != 0 ||
	    util_write_file_atomic(target, text.data, text.length,
	    &cause) != 0)
		goto fail;
	/* Read back along the lookup order: what now holds. */
	if (data_load(&after, paths, &cause) != 0)
		goto fail;
	import_compare(&import, &before, &after, target);
	import_summary(&import, &before, target, options->verbose, &summary);
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
	import_free(&import);
	import_file_free(&file);
	data_free(&before);
	return status;
}
