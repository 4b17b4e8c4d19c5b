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
 * the user's prices.yaml, and the entries that map to no model (unless
 * --no-new-models) to models-imported.yaml beside it, whole or not at
 * all; say what changed. */
int
cmd_import_run(const struct cmd_options *options,
    const struct paths *paths, const char *config_dir, time_t now)
{
	static struct data before, after;
	static struct import import;
	struct import_file file;
	struct buffer text, overlay, summary;
	char today[16], target[PATH_MAX + 32], overlay_target[PATH_MAX + 32];
	char *cause = NULL, *existing = NULL, *existing_overlay = NULL;
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
	snprintf(overlay_target, sizeof overlay_target, "%s/%s", config_dir,
	    DATA_OVERLAY_FILE);
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
	buffer_init(&overlay);
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
	if (!options->no_new_models &&
	    import_plan_models(&import, &before, &cause) != 0) {
		status = EXIT_RUNTIME;
		goto fail;
	}
	if (import.mapped == 0 && import.added_count == 0) {
		/* Nothing to write: prices.yaml stays as it is. */
		import_summary(&import, &before, NULL, NULL, options->verbose,
		    &summary);
		status = summary.failed ||
		    main_write_stdout(&summary, &cause) != 0 ? EXIT_RUNTIME : 0;
		if (status == 0)
			goto done;
		goto fail;
	}
	/* Both are llmadvisor's own files: a link there is refused. */
	if (import.mapped > 0 && (file_refuse_link(target, &cause) != 0 ||
	    (file_exists(target) && file_read_private(target, &existing,
	    &length, &cause) != 0)))
		goto fail;
	if (import.added_count > 0 && (file_refuse_link(overlay_target,
	    &cause) != 0 || (file_exists(overlay_target) &&
	    file_read_private(overlay_target, &existing_overlay, &length,
	    &cause) != 0)))
		goto fail;
	if (import.mapped > 0 && import_render_yaml(&import, &before, target,
	    existing, &text, &cause) != 0)
		goto fail;
	if (import.added_count > 0 && import_render_overlay(&import,
	    existing_overlay, &overlay, &cause) != 0)
		goto fail;
	status = EXIT_RUNTIME;
	/* What would hold along the lookup order, checked before anything is
	 * written: files that do not load back are never written. */
	if (data_load_with_files(&after, paths, target,
	    import.mapped > 0 ? text.data : NULL, overlay_target,
	    import.added_count > 0 ? overlay.data : NULL, &cause) != 0)
		goto fail;
	/* The overlay first: alone, its new unrated models change nothing
	 * if writing prices.yaml then fails. */
	if (file_make_folders(config_dir, &cause) != 0 ||
	    (import.added_count > 0 && file_write_private(overlay_target,
	    overlay.data, overlay.length, &cause) != 0) ||
	    (import.mapped > 0 && file_write_private(target, text.data,
	    text.length, &cause) != 0)) {
		data_free(&after);
		goto fail;
	}
	import_compare(&import, &before, &after, target);
	import_summary(&import, &before, import.mapped > 0 ? target : NULL,
	    import.added_count > 0 ? overlay_target : NULL, options->verbose,
	    &summary);
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
	free(existing_overlay);
	buffer_free(&text);
	buffer_free(&overlay);
	buffer_free(&summary);
	import_free(&import);
	import_file_free(&file);
	data_free(&before);
	return status;
}
