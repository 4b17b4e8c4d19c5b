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

static int data_load_all(struct data *, const struct paths *,
	const char *prices_path, const char *prices_text,
	const char *overlay_path, const char *overlay_text,
	bool unrated_by_name, char **cause);

/* Loads the data for evaluations: unrated models by name (see data.h). */
int
data_load_compared(struct data *data, const struct paths *paths,
    char **cause)
{
	return data_load_all(data, paths, NULL, NULL, NULL, NULL, true,
	    cause);
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

/* Lays the file of one name from every lookup folder over the data, in
 * the given order, with apply: the models overlays nearest first (an id
 * a nearer one has is skipped in a wider one), the prices.yaml files
 * widest first (the nearest wins model by model).  stand_in_text, when
 * not NULL, stands in for the file at stand_in_path, whether it exists
 * or not: an import checks what it would write before writing it. */
static int
data_load_layers(struct data *data, const struct paths *paths,
    enum paths_order order, const char *file_name,
    const char *stand_in_path, const char *stand_in_text,
    int (*apply)(struct data *, const char *name, const char *text,
    char **cause), char **cause)
{
	const char *dirs[PATHS_MAX_FOLDERS];
	size_t dir_count = paths_folders(paths, order, dirs);
	char path[PATH_MAX];

	for (size_t i = 0; i < dir_count; i++) {
		char *text;
		size_t length;
		struct stat st;
		int result;
		snprintf(path, sizeof path, "%s/%s", dirs[i], file_name);
		if (stand_in_text != NULL && strcmp(path, stand_in_path) == 0) {
			result = doc_check_text(path, stand_in_text,
			    strlen(stand_in_text), cause);
			if (result == 0)
				result = apply(data, path, stand_in_text,
				    cause);
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
			result = apply(data, path, text, cause);
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
	return data_load_all(data, paths, prices_path, prices_text,
	    overlay_path, overlay_text, false, cause);
}

/* data_load_with_files, keeping an overlay's unrated models by name only
 * when unrated_by_name (data_load_compared). */
static int
data_load_all(struct data *data, const struct paths *paths,
    const char *prices_path, const char *prices_text,
    const char *overlay_path, const char *overlay_text,
    bool unrated_by_name, char **cause)
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
	if (result == 0)
		data->unrated_by_name = unrated_by_name;
	if (result == 0 && (data_load_layers(data, paths, PATHS_NEAREST_FIRST,
	    DATA_OVERLAY_FILE, overlay_path, overlay_text, data_overlay_apply,
	    cause) != 0 || data_load_layers(data, paths, PATHS_WIDEST_FIRST,
	    "prices.yaml", prices_path, prices_text, data_prices_apply,
	    cause) != 0)) {
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

