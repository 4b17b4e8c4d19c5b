/* data_load.c - the data files found along the lookup order (paths.c):
 * models.yaml, gpus.yaml and defaults.yaml from the nearest folder that
 * has each (or the embedded copy), then every prices.yaml laid over them.
 * data.c parses texts; this file decides which texts. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "data.h"
#include "data_private.h"
#include "doc.h"
#include "file.h"
#include "i18n.h"
#include "paths.h"

/* Finds a file along the lookup order; reads it or the embedded copy. */
static int
data_load_read(const struct paths *paths, const char *file, char **name,
    char **text, char **cause)
{
	char path[PATH_MAX];
	size_t length;
	const char *embedded;

	int found = paths_find(paths, file, path, sizeof path, cause);
	if (found < 0)
		return -1;
	if (found == 0) {
		if (file_read(path, text, &length, cause) != 0)
			return -1;
		if (doc_check_text(path, *text, length, cause) != 0) {
			free(*text);
			*text = NULL;	/* data_load frees it too */
			return -1;
		}
		*name = strdup(path);
		return *name ? 0 : -1;
	}
	embedded = paths_embedded(paths, file);
	if (embedded != NULL) {
		*text = strdup(embedded);
		snprintf(path, sizeof path, "(built-in)/%s", file);
		*name = strdup(path);
		return *text && *name ? 0 : -1;
	}
	util_error(cause, _("%s: data file not found (looked in --data-dir, "
	    "$LLMADVISOR_DATADIR, ~/.config/llmadvisor and %s)"), file,
	    paths->system_dir ? paths->system_dir : "");
	return -1;
}

/* Loads the three data files along the documented lookup order. */
int
data_load(struct data *data, const struct paths *paths, char **cause)
{
	return data_load_with_prices(data, paths, NULL, NULL, cause);
}

/* As data_load, with prices_text standing in for the prices.yaml at
 * prices_path: an import checks what it would write before writing it. */
int
data_load_with_prices(struct data *data, const struct paths *paths,
    const char *prices_path, const char *prices_text, char **cause)
{
	return data_load_with_files(data, paths, prices_path, prices_text,
	    NULL, NULL, cause);
}

/* Loads every models overlay of the lookup folders, the nearest first
 * (an id a nearer one has is skipped in a wider one); overlay_text, when
 * not NULL, stands in for the file at overlay_path. */
static int
data_load_overlays(struct data *data, const struct paths *paths,
    const char *overlay_path, const char *overlay_text, char **cause)
{
	const char *dirs[PATHS_MAX_FOLDERS];
	size_t dir_count = paths_folders(paths, PATHS_NEAREST_FIRST, dirs);
	char path[PATH_MAX];

	for (size_t i = 0; i < dir_count; i++) {
		char *text;
		size_t length;
		struct stat st;
		int result;
		snprintf(path, sizeof path, "%s/%s", dirs[i], DATA_OVERLAY_FILE);
		if (overlay_text != NULL && strcmp(path, overlay_path) == 0) {
			result = doc_check_text(path, overlay_text,
			    strlen(overlay_text), cause);
			if (result == 0)
				result = data_overlay_apply(data, path,
				    overlay_text, cause);
			if (result != 0)
				return -1;
			continue;
		}
		if (lstat(path, &st) != 0 && (errno == ENOENT || errno == ENOTDIR))
			continue;
		/* Exists: unreadable or broken is an error, never skipped. */
		if (file_read(path, &text, &length, cause) != 0)
			return -1;
		result = doc_check_text(path, text, length, cause);
		if (result == 0)
			result = data_overlay_apply(data, path, text, cause);
		free(text);
		if (result != 0)
			return -1;
	}
	return 0;
}

/* As data_load_with_prices, with the models overlay at overlay_path
 * given as text too: an import checks both files it would write. */
int
data_load_with_files(struct data *data, const struct paths *paths,
    const char *prices_path, const char *prices_text,
    const char *overlay_path, const char *overlay_text, char **cause)
{
	static const char *const files[] = {
		"models.yaml", "gpus.yaml", "defaults.yaml"
	};
	char *names[3] = { 0 }, *texts[3] = { 0 };
	int result = -1;

	for (size_t i = 0; i < 3; i++)
		if (data_load_read(paths, files[i], &names[i], &texts[i], cause) != 0)
			goto out;
	result = data_load_texts(data, names[0], texts[0], names[1], texts[1],
	    names[2], texts[2], cause);
	if (result == 0 && (data_load_overlays(data, paths, overlay_path,
	    overlay_text, cause) != 0 || data_prices_load(data, paths,
	    prices_path, prices_text, cause) != 0)) {
		data_free(data);
		result = -1;
	}
out:
	for (size_t i = 0; i < 3; i++) {
		free(names[i]);
		free(texts[i]);
	}
	return result;
}

