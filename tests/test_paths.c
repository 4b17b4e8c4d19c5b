/* test_paths.c - the data lookup order, the XDG folders, the embedded
 * fallback and mkdir -p: the one place that decides where files live. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "paths.h"
#include "testutil.h"

/* A scratch folder under TMPDIR, made once per test. */
static char scratch[256];

static void
paths_test_setup(void)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(scratch, sizeof scratch, "%s/llmadvisor-paths.XXXXXX",
	    tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(scratch));
}

static void
paths_test_teardown(void)
{
	char command[512];
	snprintf(command, sizeof command, "rm -rf '%s'", scratch);
	ck_assert_int_eq(system(command), 0);
}

START_TEST(test_folders_order_and_duplicates)
{
	struct paths p = { .data_dir = "/d", .env_dir = "/e",
	    .config_dir = "/c", .system_dir = "/s" };
	const char *folders[PATHS_MAX_FOLDERS];

	ck_assert_uint_eq(paths_folders(&p, PATHS_NEAREST_FIRST, folders), 4);
	ck_assert_str_eq(folders[0], "/d");
	ck_assert_str_eq(folders[3], "/s");
	ck_assert_uint_eq(paths_folders(&p, PATHS_WIDEST_FIRST, folders), 4);
	ck_assert_str_eq(folders[0], "/s");
	ck_assert_str_eq(folders[1], "/c");
	ck_assert_str_eq(folders[2], "/e");
	ck_assert_str_eq(folders[3], "/d");
	/* --data-dir naming the installed folder: listed once, nearest. */
	p.data_dir = "/s";
	p.env_dir = NULL;
	p.config_dir = "";
	ck_assert_uint_eq(paths_folders(&p, PATHS_WIDEST_FIRST, folders), 1);
	ck_assert_str_eq(folders[0], "/s");
	p.env_dir = "/e";
	ck_assert_uint_eq(paths_folders(&p, PATHS_WIDEST_FIRST, folders), 2);
	ck_assert_str_eq(folders[0], "/e");
	ck_assert_str_eq(folders[1], "/s");
}
END_TEST

START_TEST(test_find_nearest_regular_file)
{
	char near[300], far[300], path[600], file[700], target[700];
	struct paths p = { 0 };
	char *cause = NULL;

	snprintf(near, sizeof near, "%s/near", scratch);
	snprintf(far, sizeof far, "%s/far", scratch);
	ck_assert_int_eq(mkdir(near, 0700), 0);
	ck_assert_int_eq(mkdir(far, 0700), 0);
	p.data_dir = near;
	p.system_dir = far;
	snprintf(file, sizeof file, "%s/models.yaml", far);
	ck_assert_int_eq(file_write_atomic(file, "x", 1, NULL), 0);
	ck_assert_int_eq(paths_find(&p, "models.yaml", path, sizeof path,
	    &cause), 0);
	ck_assert_str_eq(path, file);
	ck_assert_int_eq(paths_find(&p, "gpus.yaml", path, sizeof path,
	    &cause), 1);
	ck_assert_ptr_null(cause);
	/* Something unusable in a nearer folder is an error that names it,
	 * never a reason to fall back to the far file: a folder, a dangling
	 * link, a FIFO. */
	snprintf(file, sizeof file, "%s/models.yaml", near);
	ck_assert_int_eq(mkdir(file, 0700), 0);
	ck_assert_int_eq(paths_find(&p, "models.yaml", path, sizeof path,
	    &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "near/models.yaml: not a regular "
	    "file"));
	free(cause);
	cause = NULL;
	ck_assert_int_eq(rmdir(file), 0);
	snprintf(target, sizeof target, "%s/missing.yaml", near);
	ck_assert_int_eq(symlink(target, file), 0);
	ck_assert_int_eq(paths_find(&p, "models.yaml", path, sizeof path,
	    &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "symbolic link to a missing"));
	free(cause);
	cause = NULL;
	ck_assert_int_eq(unlink(file), 0);
	ck_assert_int_eq(mkfifo(file, 0600), 0);
	ck_assert_int_eq(paths_find(&p, "models.yaml", path, sizeof path,
	    &cause), -1);
	free(cause);
}
END_TEST

START_TEST(test_check_folders)
{
	struct paths p = { 0 };
	char folder[400], file[400];
	char *cause = NULL;

	p.config_dir = "/nonexistent/config";	/* absent: allowed */
	p.system_dir = "/nonexistent/system";
	ck_assert_int_eq(paths_check(&p, &cause), 0);
	p.env_dir = "/nonexistent/env";		/* named: must exist */
	ck_assert_int_eq(paths_check(&p, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "LLMADVISOR_DATADIR "
	    "/nonexistent/env"));
	free(cause);
	cause = NULL;
	p.env_dir = NULL;
	snprintf(file, sizeof file, "%s/plain", scratch);
	ck_assert_int_eq(file_write_atomic(file, "x", 1, NULL), 0);
	p.config_dir = file;			/* there, but a file */
	ck_assert_int_eq(paths_check(&p, &cause), -1);
	ck_assert_ptr_nonnull(strstr(cause, "not a folder"));
	free(cause);
	cause = NULL;
	snprintf(folder, sizeof folder, "%s/ok", scratch);
	ck_assert_int_eq(mkdir(folder, 0700), 0);
	p.config_dir = folder;
	p.data_dir = folder;
	ck_assert_int_eq(paths_check(&p, &cause), 0);
}
END_TEST

START_TEST(test_embedded_only_when_allowed)
{
	struct paths p = { 0 };
	ck_assert_ptr_null(paths_embedded(&p, "rules.yaml"));
	p.use_embedded = true;
	ck_assert_ptr_nonnull(paths_embedded(&p, "rules.yaml"));
	ck_assert_ptr_nonnull(strstr(paths_embedded(&p, "models.yaml"),
	    "models:"));
	ck_assert_ptr_null(paths_embedded(&p, "prices.yaml"));
}
END_TEST

START_TEST(test_xdg_folders)
{
	struct paths p;
	char autosave[512];

	setenv("HOME", "/home/u", 1);
	setenv("XDG_CONFIG_HOME", "/x/config", 1);
	setenv("XDG_STATE_HOME", "/x/state", 1);
	setenv("LLMADVISOR_DATADIR", "/env", 1);
	paths_init(&p, "/given");
	ck_assert_str_eq(p.config_dir, "/x/config/llmadvisor");
	ck_assert_str_eq(p.env_dir, "/env");
	ck_assert_str_eq(p.data_dir, "/given");
	ck_assert(p.use_embedded);
	ck_assert_int_eq(paths_autosave(autosave, sizeof autosave), 0);
	ck_assert_str_eq(autosave, "/x/state/llmadvisor/autosave.yaml");
	/* Relative XDG values are ignored, as the XDG rules say. */
	setenv("XDG_CONFIG_HOME", "relative", 1);
	setenv("XDG_STATE_HOME", "", 1);
	paths_init(&p, NULL);
	ck_assert_str_eq(p.config_dir, "/home/u/.config/llmadvisor");
	ck_assert_int_eq(paths_autosave(autosave, sizeof autosave), 0);
	ck_assert_str_eq(autosave,
	    "/home/u/.local/state/llmadvisor/autosave.yaml");
	/* Neither variable: no place at all, never a relative one. */
	unsetenv("HOME");
	unsetenv("XDG_STATE_HOME");
	unsetenv("XDG_CONFIG_HOME");
	paths_init(&p, NULL);
	ck_assert_str_eq(p.config_dir, "");
	ck_assert_int_eq(paths_autosave(autosave, sizeof autosave), -1);
	/* Too long for the buffer: refused, not cut. */
	setenv("XDG_STATE_HOME", "/a-long-folder-name", 1);
	ck_assert_int_eq(paths_autosave(autosave, 10), -1);
}
END_TEST

START_TEST(test_make_folders)
{
	char folder[400], file[500];
	char *cause = NULL;

	snprintf(folder, sizeof folder, "%s/a/b/c", scratch);
	ck_assert_int_eq(file_make_folders(folder, &cause), 0);
	struct stat st;
	ck_assert_int_eq(stat(folder, &st), 0);
	ck_assert(S_ISDIR(st.st_mode));
	ck_assert_int_eq(st.st_mode & 0777, 0700);
	/* Again: existing folders are fine. */
	ck_assert_int_eq(file_make_folders(folder, &cause), 0);
	snprintf(file, sizeof file, "%s/x/y/autosave.yaml", scratch);
	ck_assert_int_eq(file_make_parent_folders(file, &cause), 0);
	snprintf(folder, sizeof folder, "%s/x/y", scratch);
	ck_assert_int_eq(stat(folder, &st), 0);
	/* A file in the way is an error that names it. */
	ck_assert_int_eq(file_write_atomic(file, "x", 1, &cause), 0);
	snprintf(folder, sizeof folder, "%s/x/y/autosave.yaml/z", scratch);
	ck_assert_int_ne(file_make_folders(folder, &cause), 0);
	ck_assert_ptr_nonnull(cause);
	ck_assert_ptr_nonnull(strstr(cause, "autosave.yaml"));
	free(cause);
}
END_TEST

static Suite *
paths_suite(void)
{
	Suite *s = suite_create("paths");
	TCase *t = tcase_create("core");
	tcase_add_checked_fixture(t, paths_test_setup, paths_test_teardown);
	tcase_add_test(t, test_folders_order_and_duplicates);
	tcase_add_test(t, test_find_nearest_regular_file);
	tcase_add_test(t, test_check_folders);
	tcase_add_test(t, test_embedded_only_when_allowed);
	tcase_add_test(t, test_xdg_folders);
	tcase_add_test(t, test_make_folders);
	suite_add_tcase(s, t);
	return s;
}

int
main(void)
{
	return testutil_run(paths_suite());
}
