/* cmd_import.c - --import-prices: maps a price list's prices to the
 * models and writes them to the user's prices.yaml; says what changed. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cmd.h"
#include "file.h"
#include "i18n.h"
#include "import.h"

/* --import-prices: map the file's prices to the models and write them to
 * the user's prices.yaml, whole or not at all; say what changed. */
int
cmd_import_run(const struct cmd_options *options,
    const struct paths *paths, const char *config_dir, time_t now)
{
	static struct data before, after;
	static struct import import;
	struct import_file file;
	struct buffer text, summary;
	char today[16], target[PATH_MAX + 16], *cause = NULL, *existing = NULL;
	size_t length;
	int status = EXIT_USAGE;

	if (util_format_date(today, sizeof today, now) != 0)
		return main_fail(EXIT_USAGE, _("--import-prices: the date is "
		    "out of range"));
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
	/* The prices' date: the entry's or the file's own, --as-of, or
	 * "undated" - never the day of the import. */
	if (import_set_as_of(&import, options->as_of, &cause) != 0) {
		status = EXIT_USAGE;
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
	/* prices.yaml is llmadvisor's own file: a link there is refused. */
	if (file_refuse_link(target, &cause) != 0 || (file_exists(target) &&
	    file_read_private(target, &existing, &length, &cause) != 0))
		goto fail;
	if (import_render_yaml(&import, &before, target, existing, &text,
	    &cause) != 0)
		goto fail;
	status = EXIT_RUNTIME;
	/* What would hold along the lookup order, checked before anything is
	 * written: a file that does not load back is never written. */
	if (data_load_with_prices(&after, paths, target, text.data,
	    &cause) != 0)
		goto fail;
	if (file_make_folders(config_dir, &cause) != 0 ||
	    file_write_private(target, text.data, text.length,
	    &cause) != 0) {
		data_free(&after);
		goto fail;
	}
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
