/* test_autosave.c - the autosave text: an answers file under a progress
 * line, which reads back to the same answers and progress. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "autosave.h"
#include "profile.h"
#include "testutil.h"

/* Fails unless two profiles hold the same answers. */
static void
assert_same_answers(const struct profile *a, const struct profile *b)
{
	for (size_t i = 0; i < profile_question_count; i++)
		ck_assert_msg(profile_get_value(a, &profile_fields[i]) ==
		    profile_get_value(b, &profile_fields[i]), "%s differs",
		    profile_fields[i].key);
	ck_assert_int_eq(a->ops_hours_set, b->ops_hours_set);
}

/* Renders p with progress and parses it onto the defaults. */
static int
roundtrip(const struct profile *p, int progress, struct profile *back)
{
	struct buffer text;
	char *cause = NULL;
	int read_progress = AUTOSAVE_NONE;

	buffer_init(&text);
	autosave_render(p, testutil_data(), progress, &text);
	ck_assert(!text.failed);
	ck_assert(strncmp(text.data, "# llmadvisor autosave: the answers of "
	    "an interactive session.\n# progress: ", 74) == 0);
	profile_defaults(back);
	ck_assert_int_eq(autosave_parse(back, "autosave.yaml", text.data,
	    text.length, &read_progress, &cause), 0);
	ck_assert_ptr_null(cause);
	buffer_free(&text);
	return read_progress;
}

START_TEST(test_roundtrip)
{
	struct profile p, back;
	profile_defaults(&p);
	p.input_tokens = 250e6;
	p.complex_share = 0.45;
	p.privacy = PRIVACY_HARD;
	p.ecosystem = ECOSYSTEM_TOOL_USE | ECOSYSTEM_STRUCTURED_OUTPUT;
	p.ops_hours_per_month = 7;
	p.ops_hours_set = true;
	ck_assert_int_eq(roundtrip(&p, 5, &back), 5);
	assert_same_answers(&p, &back);
	ck_assert_int_eq(roundtrip(&p, 0, &back), 0);
	ck_assert_int_eq(roundtrip(&p, (int)profile_question_count, &back),
	    (int)profile_question_count);
	ck_assert_int_eq(roundtrip(&p, (int)profile_question_count + 3, &back),
	    (int)profile_question_count);
	ck_assert_int_eq(roundtrip(&p, AUTOSAVE_DONE, &back), AUTOSAVE_DONE);
	/* Ops hours left to the expertise default stay that way. */
	p.ops_hours_set = false;
	p.ops_hours_per_month = 0;
	roundtrip(&p, 3, &back);
	ck_assert(!back.ops_hours_set);
	assert_same_answers(&p, &back);
}
END_TEST

START_TEST(test_progress_line)
{
	char text[64];
	ck_assert_int_eq(autosave_progress("# progress: done\n"), AUTOSAVE_DONE);
	ck_assert_int_eq(autosave_progress("# progress: results\n"),
	    (int)profile_question_count);
	ck_assert_int_eq(autosave_progress("# x\n# progress: 7\nprivacy: hard\n"),
	    7);
	ck_assert_int_eq(autosave_progress("# progress: -4\n"), 0);
	snprintf(text, sizeof text, "# progress: %d\n",
	    (int)profile_question_count + 10);
	ck_assert_int_eq(autosave_progress(text), (int)profile_question_count);
	ck_assert_int_eq(autosave_progress("privacy: hard\n"), AUTOSAVE_NONE);
	ck_assert_int_eq(autosave_progress(""), AUTOSAVE_NONE);
}
END_TEST

/* A broken autosave changes nothing and says where it is broken; keys it
 * does not name keep the values they had. */
START_TEST(test_parse_errors_and_partial)
{
	static const char bad[] = "# progress: 2\nprivacy: secret\n";
	static const char partial[] = "# progress: 1\nlock_in: avoid\n";
	struct profile p, before;
	char *cause = NULL;
	int progress = 99;

	profile_defaults(&p);
	p.horizon_months = 30;
	before = p;
	ck_assert_int_eq(autosave_parse(&p, "state/autosave.yaml", bad,
	    sizeof bad - 1, &progress, &cause), -1);
	ck_assert_ptr_nonnull(cause);
	ck_assert(strncmp(cause, "state/autosave.yaml:2:", 22) == 0);
	ck_assert_int_eq(progress, 99);
	assert_same_answers(&p, &before);
	free(cause);
	cause = NULL;
	ck_assert_int_eq(autosave_parse(&p, "a.yaml", partial,
	    sizeof partial - 1, NULL, &cause), 0);
	ck_assert_int_eq(p.lock_in, LOCK_IN_AVOID);
	ck_assert_double_eq(p.horizon_months, 30);
}
END_TEST

/* autosave_load reads a file the way autosave_parse reads a text. */
START_TEST(test_load_file)
{
	char path[] = "/tmp/llmadvisor-autosave-test.XXXXXX";
	static const char text[] = "# progress: results\nhardware: "
	    "apple_silicon\n";
	struct profile p;
	char *cause = NULL;
	int progress = 0;
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, text, sizeof text - 1),
	    (int)(sizeof text - 1));
	close(fd);
	profile_defaults(&p);
	ck_assert_int_eq(autosave_load(&p, path, &progress, &cause), 0);
	ck_assert_int_eq(progress, (int)profile_question_count);
	ck_assert_int_eq(p.hardware, HARDWARE_APPLE_SILICON);
	unlink(path);
	ck_assert_int_eq(autosave_load(&p, path, &progress, &cause), -1);
	ck_assert_ptr_nonnull(cause);
	free(cause);
}
END_TEST

static Suite *
autosave_suite(void)
{
	Suite *s = suite_create("autosave");
	TCase *t = tcase_create("format");
	tcase_add_test(t, test_roundtrip);
	tcase_add_test(t, test_progress_line);
	tcase_add_test(t, test_parse_errors_and_partial);
	tcase_add_test(t, test_load_file);
	suite_add_tcase(s, t);
	return s;
}

int
main(void)
{
	return testutil_run(autosave_suite());
}
