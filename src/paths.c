/* paths.c - the data lookup order, the XDG folders and the embedded
 * fallback: every other file asks here instead of building paths. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "i18n.h"
#include "paths.h"
#include "util.h"

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

/* Finds the nearest folder that holds file.  Something of that name that
 * is not a readable regular file is an error, never a reason to look
 * further: a broken policy must not give way to the defaults. */
int
paths_find(const struct paths *paths, const char *file, char *out,
    size_t size, char **cause)
{
	const char *folders[PATHS_MAX_FOLDERS];
	size_t count = paths_folders(paths, PATHS_NEAREST_FIRST, folders);
	struct stat st;

	for (size_t i = 0; i < count; i++) {
		int n = snprintf(out, size, "%s/%s", folders[i], file);
		if (n < 0 || (size_t)n >= size) {
			util_error(cause, _("%s/%s: file name too long"),
			    folders[i], file);
			return -1;
		}
		if (lstat(out, &st) != 0) {
			if (errno == ENOENT || errno == ENOTDIR)
				continue;
			util_error(cause, "%s: %s", out, strerror(errno));
			return -1;
		}
		if (stat(out, &st) != 0) {
			util_error(cause, _("%s: is a symbolic link to a missing "
			    "file"), out);
			return -1;
		}
		if (!S_ISREG(st.st_mode)) {
			util_error(cause, _("%s: not a regular file"), out);
			return -1;
		}
		return 0;
	}
	return 1;
}

/* Refuses a folder that is named but cannot be used: what is not
 * there (where absence is allowed) is skipped, what is there must be a
 * folder llmadvisor can read. */
static int
paths_check_folder(const char *what, const char *folder, bool may_be_absent,
    char **cause)
{
	struct stat st;
	if (folder == NULL || folder[0] == '\0')
		return 0;
	if (stat(folder, &st) != 0) {
		if ((errno == ENOENT || errno == ENOTDIR) && may_be_absent)
			return 0;
		util_error(cause, _("%s %s: %s"), what, folder, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		util_error(cause, _("%s %s: not a folder"), what, folder);
		return -1;
	}
	if (access(folder, R_OK | X_OK) != 0) {
		util_error(cause, _("%s %s: cannot be read: %s"), what, folder,
		    strerror(errno));
		return -1;
	}
	return 0;
}

/* Checks every folder of the lookup order before anything is read. */
int
paths_check(const struct paths *paths, char **cause)
{
	if (paths_check_folder("--data-dir", paths->data_dir, false,
	    cause) != 0 ||
	    paths_check_folder("LLMADVISOR_DATADIR", paths->env_dir, false,
	    cause) != 0 ||
	    paths_check_folder(_("configuration folder"), paths->config_dir,
	    true, cause) != 0 ||
	    paths_check_folder(_("data folder"), paths->system_dir, true,
	    cause) != 0)
		return -1;
	return 0;
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

/* Where the terminal front end's settings file lives:
 * $XDG_CONFIG_HOME/llmadvisor/config, else ~/.config/llmadvisor/config. */
int
paths_config_file(char *out, size_t size)
{
	return paths_xdg("XDG_CONFIG_HOME", ".config", "config", out, size);
}
