/* paths.c - the data lookup order, the XDG folders and the embedded
 * fallback: every other file asks here instead of building paths. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"
#include "paths.h"

/* Writes $variable/llmadvisor/leaf when variable holds an absolute path
 * (the XDG rule: relative values are ignored), else
 * $HOME/home_fallback/llmadvisor/leaf; leaf may be empty.  Returns -1
 * when neither gives a place or the result does not fit. */
static int
paths_xdg(const char *variable, const char *home_fallback, const char *leaf,
    char *out, size_t size)
{
	const char *base = getenv(variable);
	const char *home = getenv("HOME");
	const char *separator = leaf[0] != '\0' ? "/" : "";
	int n;

	if (base != NULL && base[0] == '/')
		n = snprintf(out, size, "%s/llmadvisor%s%s", base, separator,
		    leaf);
	else if (home != NULL && home[0] != '\0')
		n = snprintf(out, size, "%s/%s/llmadvisor%s%s", home,
		    home_fallback, separator, leaf);
	else
		return -1;
	return n < 0 || (size_t)n >= size ? -1 : 0;
}

/* Fills the lookup order from --data-dir and the environment. */
void
paths_init(struct paths *paths, const char *data_dir)
{
	memset(paths, 0, sizeof *paths);
	paths->data_dir = data_dir;
	paths->env_dir = getenv("LLMADVISOR_DATADIR");
	if (paths_xdg("XDG_CONFIG_HOME", ".config", "", paths->config_storage,
	    sizeof paths->config_storage) != 0)
		paths->config_storage[0] = '\0';
	paths->config_dir = paths->config_storage;
	paths->system_dir = PKGDATADIR;
	paths->use_embedded = true;
}

/* Lists the folders, nearest first or widest first, each once. */
size_t
paths_folders(const struct paths *paths, enum paths_order order,
    const char *folders[PATHS_MAX_FOLDERS])
{
	const char *nearest_first[PATHS_MAX_FOLDERS] = { paths->data_dir,
	    paths->env_dir, paths->config_dir, paths->system_dir };
	const char *unique[PATHS_MAX_FOLDERS];
	size_t count = 0;

	for (size_t i = 0; i < PATHS_MAX_FOLDERS; i++) {
		const char *folder = nearest_first[i];
		bool seen = false;
		if (folder == NULL || folder[0] == '\0')
			continue;
		for (size_t j = 0; j < count; j++)
			if (strcmp(unique[j], folder) == 0)
				seen = true;
		if (!seen)
			unique[count++] = folder;
	}
	for (size_t i = 0; i < count; i++)
		folders[i] = order == PATHS_NEAREST_FIRST ? unique[i] :
		    unique[count - 1 - i];
	return count;
}

/* Finds the nearest folder that holds file. */
int
paths_find(const struct paths *paths, const char *file, char *out,
    size_t size)
{
	const char *folders[PATHS_MAX_FOLDERS];
	size_t count = paths_folders(paths, PATHS_NEAREST_FIRST, folders);

	for (size_t i = 0; i < count; i++) {
		int n = snprintf(out, size, "%s/%s", folders[i], file);
		if (n >= 0 && (size_t)n < size && file_exists(out))
			return 0;
	}
	return -1;
}

/* The embedded copy of file, when allowed. */
const char *
paths_embedded(const struct paths *paths, const char *file)
{
	if (!paths->use_embedded)
		return NULL;
	for (size_t i = 0; i < paths_embedded_file_count; i++)
		if (strcmp(paths_embedded_files[i].name, file) == 0)
			return paths_embedded_files[i].text;
	return NULL;
}

/* The autosave's place in the XDG state folder. */
int
paths_autosave(char *out, size_t size)
{
	return paths_xdg("XDG_STATE_HOME", ".local/state", "autosave.yaml",
	    out, size);
}
