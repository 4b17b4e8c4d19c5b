/* testutil.c - shared set-up for the check suites. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "testutil.h"

/* The path of a file in the source tree. */
const char *
testutil_path(const char *name)
{
	static char path[PATH_MAX];
	const char *top = getenv("top_srcdir");
	snprintf(path, sizeof path, "%s/%s", top ? top : ".", name);
	return path;
}

/* Loads the repository's data/ (not the embedded copy) once. */
const struct data *
testutil_data(void)
{
	static struct data data;
	static int loaded;
	static char dir[PATH_MAX];
	if (!loaded) {
		struct data_paths paths = { 0 };
		char *cause = NULL;
		snprintf(dir, sizeof dir, "%s", testutil_path("data"));
		paths.data_dir = dir;
		if (data_load(&data, &paths, &cause) != 0) {
			fprintf(stderr, "cannot load test data: %s\n", cause);
			abort();
		}
		loaded = 1;
	}
	return &data;
}

/* Runs every test of the suite; check prints its own summary line. */
int
testutil_run(Suite *suite)
{
	SRunner *runner = srunner_create(suite);
	srunner_run_all(runner, CK_NORMAL);
	int failed = srunner_ntests_failed(runner);
	srunner_free(runner);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
