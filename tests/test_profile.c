/* test_profile.c - answers: defaults, YAML and JSON files, --set, errors
 * with positions, and saving that reads back unchanged. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc.h"
#include "profile.h"
#include "file.h"
#include "testutil.h"

static void
assert_full(const struct profile *p)
{
	ck_assert_double_eq(p->input_tokens, 200e6);
	ck_assert_double_eq(p->output_tokens, 40e6);
	ck_assert_double_eq(p->peak_to_mean, 3);
	ck_assert_double_eq(p->complex_share, 0.25);
	ck_assert_int_eq(p->quality, QUALITY_GOOD_ENOUGH);
	ck_assert_int_eq(p->expertise, EXPERTISE_ML_INFRA);
	ck_assert_double_eq(p->hourly_rate, 120);
	ck_assert(p->ops_hours_set);
	ck_assert_double_eq(p->ops_hours_per_month, 12);
	ck_assert_int_eq(p->privacy, PRIVACY_CONTRACTUAL);
	ck_assert_int_eq(p->fine_tuning, FINE_TUNING_DATASET_READY);
	ck_assert_double_eq(p->fine_tuning_tokens, 20e6);
	ck_assert_double_eq(p->retrains_per_year, 2);
	ck_assert_uint_eq(p->ecosystem,
	    ECOSYSTEM_TOOL_USE | ECOSYSTEM_STRUCTURED_OUTPUT);
	ck_assert_int_eq(p->lock_in, LOCK_IN_AVOID);
	ck_assert_double_eq(p->horizon_months, 24);
	ck_assert_int_eq(p->hardware, HARDWARE_WORKSTATION_GPU);
	ck_assert_int_eq(p->deployment, DEPLOYMENT_ON_PREM);
}

START_TEST(test_defaults)
{
	struct profile p;
	profile_defaults(&p);
	ck_assert_double_eq(p.input_tokens, 10e6);
	ck_assert_double_eq(p.output_tokens, 2e6);
	ck_assert_double_eq(p.hourly_rate, 100);
	ck_assert_int_eq(p.expertise, EXPERTISE_NONE);
	ck_assert(!p.ops_hours_set);
	ck_assert_double_eq(p.fine_tuning_tokens, 10e6);
	ck_assert_double_eq(p.retrains_per_year, 4);
	/* Ops hours default by expertise. */
	ck_assert_double_eq(profile_ops_hours(&p, testutil_data()),
	    testutil_data()->defaults.ops_hours[EXPERTISE_NONE].value);
}
END_TEST

START_TEST(test_yaml_and_json_agree)
{
	struct profile p;
	char *cause = NULL;
	profile_defaults(&p);
	ck_assert_msg(profile_load_file(&p, testutil_path("tests/answers/full.yaml"),
	    &cause) == 0, "%s", cause);
	assert_full(&p);
	profile_defaults(&p);
	ck_assert_msg(profile_load_file(&p, testutil_path("tests/answers/full.json"),
	    &cause) == 0, "%s", cause);
	assert_full(&p);
}
END_TEST

START_TEST(test_empty_file_means_defaults)
{
	struct profile p, d;
	char *cause = NULL;
	profile_defaults(&p);
	profile_defaults(&d);
	ck_assert_int_eq(profile_load_file(&p,
	    testutil_path("tests/answers/empty.yaml"), &cause), 0);
	ck_assert(memcmp(&p, &d, sizeof p) == 0);
}
END_TEST

static char *
apply_yaml(const char *text)
{
	struct doc doc;
	struct profile p;
	char *cause = NULL;
	profile_defaults(&p);
	if (doc_parse_yaml(&doc, "a.yaml", text, strlen(text), &cause) != 0)
		return cause;
	profile_apply_doc(&p, &doc, &cause);
	doc_free(&doc);
	return cause;
}

static char *
apply_json(const char *text)
{
	struct doc doc;
	struct profile p;
	char *cause = NULL;
	profile_defaults(&p);
	if (doc_parse_json(&doc, "a.json", text, strlen(text), &cause) != 0)
		return cause;
	profile_apply_doc(&p, &doc, &cause);
	doc_free(&doc);
	return cause;
}

static void
expect(char *cause, const char *expected)
{
	ck_assert_msg(cause != NULL, "accepted; expected %s", expected);
	ck_assert_str_eq(cause, expected);
	free(cause);
}

START_TEST(test_yaml_errors)
{
	expect(apply_yaml("volume:\n  input_tokens: 10X\n"),
	    "a.yaml:2:17: volume.input_tokens must be a number (k, M or B "
	    "suffix allowed), got \"10X\"");
	expect(apply_yaml("volume:\n  input_tokns: 10M\n"),
	    "a.yaml:2:3: unknown key 'volume.input_tokns'");
	expect(apply_yaml("tasks:\n  complex_share: 1.5\n"),
	    "a.yaml:2:18: tasks.complex_share must be between 0 and 1, got 1.5");
	expect(apply_yaml("privacy: secret\n"),
	    "a.yaml:1:10: privacy must be one of none, contractual, hard, got "
	    "\"secret\"");
	expect(apply_yaml("team: 5\n"),
	    "a.yaml:1:7: team must be a mapping, got a scalar");
	expect(apply_yaml("ecosystem: tool_use\n"),
	    "a.yaml:1:12: ecosystem must be a list such as [tool_use], got a "
	    "scalar");
	expect(apply_yaml("ecosystem: [tool_use, telepathy]\n"),
	    "a.yaml:1:23: ecosystem must be one of tool_use, function_calling, "
	    "structured_output, got \"telepathy\"");
	expect(apply_yaml("- 1\n- 2\n"),
	    "a.yaml:1:1: an answers file must be a mapping of keys such as "
	    "volume:, team:, privacy:, got a list");
	expect(apply_yaml("privacy: none\nprivacy: hard\n"),
	    "a.yaml:2:1: duplicate key 'privacy' (first at line 1)");
	expect(apply_yaml("volume:\n  input_tokens: -5\n"),
	    "a.yaml:2:17: volume.input_tokens must be between 0 and 10000000000000, got -5");
	expect(apply_yaml("horizon_months: .nan\n"),
	    "a.yaml:1:17: horizon_months must be a number, got \".nan\"");
	expect(apply_yaml("key: [unclosed\n"),
	    "a.yaml:2:1: while parsing a flow sequence did not find expected ',' "
	    "or ']'");
}
END_TEST

START_TEST(test_json_errors)
{
	expect(apply_json("{\"volume\": {\"input_tokens\": true}}"),
	    "a.json:1:29: volume.input_tokens must be a number (k, M or B "
	    "suffix allowed), got \"true\"");
	expect(apply_json("{\n  \"lock_in\": \"never\"\n}"),
	    "a.json:2:14: lock_in must be one of acceptable, avoid, "
	    "unacceptable, got \"never\"");
	expect(apply_json("{\n  \"team\": {\n    \"rate\": 1\n  }\n}"),
	    "a.json:3:5: unknown key 'team.rate'");
	expect(apply_json("{\"privacy\": \"none\", \"privacy\": \"hard\"}"),
	    "a.json:1:21: duplicate key 'privacy' (first at line 1)");
	expect(apply_json("{\"privacy\": }"), "a.json:1:13: invalid JSON");
	expect(apply_json("{} {}"),
	    "a.json:1:4: unexpected text after the JSON value");
}
END_TEST

START_TEST(test_set)
{
	struct profile p;
	char *cause = NULL;
	profile_defaults(&p);
	ck_assert_int_eq(profile_set(&p, "volume.input_tokens=200M", &cause), 0);
	ck_assert_double_eq(p.input_tokens, 200e6);
	ck_assert_int_eq(profile_set(&p, "privacy=hard", &cause), 0);
	ck_assert_int_eq(p.privacy, PRIVACY_HARD);
	ck_assert_int_eq(profile_set(&p, "ecosystem=tool_use,function_calling",
	    &cause), 0);
	ck_assert_uint_eq(p.ecosystem,
	    ECOSYSTEM_TOOL_USE | ECOSYSTEM_FUNCTION_CALLING);
	ck_assert_int_eq(profile_set(&p, "ecosystem=", &cause), 0);
	ck_assert_uint_eq(p.ecosystem, 0);
	ck_assert_int_eq(profile_set(&p, "team.ops_hours_per_month=7", &cause),
	    0);
	ck_assert(p.ops_hours_set);
	expect((profile_set(&p, "volume.input_tokens=lots", &cause), cause),
	    "--set:1:21: volume.input_tokens must be a number (k, M or B "
	    "suffix allowed), got \"lots\"");
	cause = NULL;
	expect((profile_set(&p, "nonsense", &cause), cause),
	    "--set: expected KEY=VALUE, got \"nonsense\"");
	cause = NULL;
	profile_set(&p, "colour=red", &cause);
	ck_assert(strncmp(cause, "--set:1:1: unknown key 'colour' (known keys: "
	    "volume.input_tokens, ", 64) == 0);
	free(cause);
	cause = NULL;
	expect((profile_set(&p, "ecosystem=tool_use,magic", &cause), cause),
	    "--set:1:20: ecosystem must be one of tool_use, function_calling, "
	    "structured_output, got \"magic\"");
}
END_TEST

START_TEST(test_failed_load_changes_nothing)
{
	struct profile p, before;
	char path[] = "/tmp/llmadvisor-answers-XXXXXX";
	char *cause = NULL;
	int fd = mkstemp(path);
	const char *text = "privacy: hard\nvolume:\n  input_tokens: bad\n";
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, text, strlen(text)), (int)strlen(text));
	close(fd);
	profile_defaults(&p);
	before = p;
	ck_assert_int_ne(profile_load_file(&p, path, &cause), 0);
	ck_assert(memcmp(&p, &before, sizeof p) == 0);
	free(cause);
	unlink(path);
}
END_TEST

START_TEST(test_save_reads_back)
{
	struct profile p, q;
	struct buffer out;
	char path[] = "/tmp/llmadvisor-saved-XXXXXX";
	char *cause = NULL;
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	profile_defaults(&p);
	ck_assert_int_eq(profile_load_file(&p,
	    testutil_path("tests/answers/full.yaml"), &cause), 0);
	p.input_tokens = 123456789;
	buffer_init(&out);
	profile_write_yaml(&p, testutil_data(), &out);
	ck_assert_int_eq(file_write_atomic(path, out.data, out.length,
	    &cause), 0);
	profile_defaults(&q);
	ck_assert_msg(profile_load_file(&q, path, &cause) == 0, "%s\n%s", cause,
	    out.data);
	/* Where self_hosted_model was written is no answer. */
	ck_assert_str_eq(q.self_hosted_model, "llama-3.1-70b");
	memset(p.self_hosted_model_at, 0, sizeof p.self_hosted_model_at);
	memset(q.self_hosted_model_at, 0, sizeof q.self_hosted_model_at);
	ck_assert(memcmp(&p, &q, sizeof p) == 0);
	/* Unset ops hours stay unset (a comment shows the default). */
	profile_defaults(&p);
	buffer_free(&out);
	buffer_init(&out);
	profile_write_yaml(&p, testutil_data(), &out);
	ck_assert_ptr_nonnull(strstr(out.data, "  # ops_hours_per_month: "));
	ck_assert_ptr_nonnull(strstr(out.data, "  input_tokens: 10M\n"));
	buffer_free(&out);
	unlink(path);
}
END_TEST

/* Found by fuzz/fuzz_answers: %.15g lost digits, so a saved file read
 * back a different complex_share. */
START_TEST(test_save_keeps_every_digit)
{
	static const char *const sets[] = {
		"tasks.complex_share=0.8888888888888888888888888888888888888888",
		"volume.input_tokens=1234567.8901234567",
		"team.hourly_rate=33.333333333333336",
		"volume.peak_to_mean=1.0000000000000002",
	};
	struct profile p, q;
	struct buffer out;
	struct doc doc;
	char *cause = NULL;

	profile_defaults(&p);
	for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++)
		ck_assert_msg(profile_set(&p, sets[i], &cause) == 0, "%s", cause);
	buffer_init(&out);
	profile_write_yaml(&p, testutil_data(), &out);
	ck_assert_int_eq(doc_parse_yaml(&doc, "saved.yaml", out.data, out.length,
	    &cause), 0);
	profile_defaults(&q);
	ck_assert_msg(profile_apply_doc(&q, &doc, &cause) == 0, "%s", cause);
	ck_assert_msg(memcmp(&p, &q, sizeof p) == 0, "%s", out.data);
	/* Values that need no more than 15 digits keep their short form. */
	ck_assert_ptr_nonnull(strstr(out.data, "  output_tokens: 2M\n"));
	ck_assert_ptr_nonnull(strstr(out.data, "horizon_months: 12\n"));
	doc_free(&doc);
	buffer_free(&out);
}
END_TEST

/* Found by fuzz/fuzz_answers_json: after a byte-order mark, a failed
 * parse kept the copy it had made; a failed parse holds no memory. */
START_TEST(test_failed_json_parse_keeps_nothing)
{
	static const char *const texts[] = {
		"\xEF\xBB\xBF{\"privacy\": }",
		"\xEF\xBB\xBF{\"privacy\": \"hard\"} x",
		"\xEF\xBB\xBF{\"privacy\":\f\"hard\"}",
		"\xEF\xBB\xBF[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
		    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]",
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		struct doc doc;
		char *cause = NULL;
		ck_assert_int_ne(doc_parse_json(&doc, "a.json", texts[i],
		    strlen(texts[i]), &cause), 0);
		ck_assert_ptr_nonnull(cause);
		ck_assert_ptr_null(doc.arena.first);
		free(cause);
	}
}
END_TEST

/* Typed numbers: spaces, k/M/B for tokens, % for shares, the range, and
 * a message that says what would do. */
START_TEST(test_parse_input)
{
	const struct profile_field *tokens =
	    profile_find_field("volume.input_tokens");
	const struct profile_field *share =
	    profile_find_field("tasks.complex_share");
	const struct profile_field *months = profile_find_field("horizon_months");
	char *cause = NULL;
	double v = -1;

	ck_assert_int_eq(profile_parse_input(tokens, " 250M ", &v, &cause), 0);
	ck_assert_double_eq(v, 250e6);
	ck_assert_ptr_null(cause);
	ck_assert_int_eq(profile_parse_input(share, "30%", &v, &cause), 0);
	ck_assert_double_eq_tol(v, 0.3, 1e-12);
	ck_assert_int_eq(profile_parse_input(share, "0.25", &v, &cause), 0);
	ck_assert_double_eq(v, 0.25);
	/* On a share screen "45" can only mean 45%; "1" stays all of it. */
	ck_assert_int_eq(profile_parse_input(share, "45", &v, &cause), 0);
	ck_assert_double_eq_tol(v, 0.45, 1e-12);
	ck_assert_int_eq(profile_parse_input(share, "1", &v, &cause), 0);
	ck_assert_double_eq(v, 1);
	ck_assert_int_eq(profile_parse_input(share, "150", &v, &cause), -1);
	ck_assert_int_eq(profile_parse_input(months, "24", &v, &cause), 0);
	ck_assert_double_eq(v, 24);

	ck_assert_int_eq(profile_parse_input(tokens, "  ", &v, &cause), -1);
	ck_assert_str_eq(cause, "Type a number, or pick one of the answers "
	    "above.");
	ck_assert_int_eq(profile_parse_input(tokens, "12x", &v, &cause), -1);
	ck_assert_str_eq(cause, "'12x' is not a number: type digits with an "
	    "optional k, M or B, as in 250M.");
	ck_assert_int_eq(profile_parse_input(share, "a%", &v, &cause), -1);
	ck_assert_str_eq(cause, "'a%' is not a number: type a share such as "
	    "0.3 or 30%.");
	/* Only shares take a percent sign, and only counts a suffix. */
	ck_assert_int_eq(profile_parse_input(months, "5%", &v, &cause), -1);
	ck_assert_str_eq(cause, "'5%' is not a number: type digits, as in 12 "
	    "or 2.5.");
	ck_assert_int_eq(profile_parse_input(months, "2k", &v, &cause), -1);
	ck_assert_int_eq(profile_parse_input(share, "150%", &v, &cause), -1);
	ck_assert_str_eq(cause, "Out of range: type a value from 0% to 100%.");
	/* Issue 16: one month is singular ("1 month", not "1 months"). */
	ck_assert_int_eq(profile_parse_input(months, "0", &v, &cause), -1);
	ck_assert_str_eq(cause, "Out of range: type a value from 1 month to "
	    "120 months.");
	free(cause);
	/* Without a place for the message, only the result. */
	ck_assert_int_eq(profile_parse_input(months, "x", &v, NULL), -1);
	ck_assert_double_eq(v, 24);
}
END_TEST

/* Every field carries its question, why it matters, readable names for
 * its choices and presets inside its range. */
START_TEST(test_every_field_asks)
{
	for (size_t i = 0; i < profile_field_count; i++) {
		const struct profile_field *f = &profile_fields[i];
		bool number = f->type == PROFILE_TOKENS ||
		    f->type == PROFILE_NUMBER;
		ck_assert_msg(f->question != NULL && *f->question != '\0',
		    "%s has no question", f->key);
		ck_assert_msg(f->help != NULL && *f->help != '\0',
		    "%s has no help", f->key);
		ck_assert_msg(f->label != NULL && *f->label != '\0',
		    "%s has no label", f->key);
		ck_assert_int_le(f->preset_count, PROFILE_MAX_PRESETS);
		ck_assert_msg(number == (f->preset_count > 0),
		    "%s: presets are for numbers", f->key);
		ck_assert_msg((number || f->type == PROFILE_MODEL) ==
		    (f->labels == NULL), "%s: labels are for choices", f->key);
		for (int p = 0; p < f->preset_count; p++)
			ck_assert(f->presets[p] >= f->low &&
			    f->presets[p] <= f->high);
	}
}
END_TEST

/* self_hosted_model: auto or an open_weights id, from YAML, JSON and
 * --set; saved and read back; not answered, a comment shows the data's
 * default; an id the data lacks is refused where it was written, with
 * the closest open-weights id. */
START_TEST(test_self_hosted_model_answer)
{
	testutil_use_shipped_data(true);	/* the current open models */
	static const char yaml[] = "volume: {input_tokens: 5M}\n"
	    "self_hosted_model: gpt-oss-120b\n";
	static const char json[] = "{\"self_hosted_model\": \"auto\"}";
	const struct data *data = testutil_data();
	struct profile p, back;
	struct buffer out;
	char *cause = NULL;

	profile_defaults(&p);
	ck_assert_str_eq(p.self_hosted_model, "");
	ck_assert_int_eq(p.self_hosted_index, -1);
	ck_assert_int_eq(profile_load_text(&p, "a.yaml", yaml, strlen(yaml),
	    &cause), 0);
	ck_assert_str_eq(p.self_hosted_model, "gpt-oss-120b");
	ck_assert_str_eq(p.self_hosted_model_at, "a.yaml:2:20");
	ck_assert_int_eq(profile_check_data(&p, data, &cause), 0);
	buffer_init(&out);
	profile_write_yaml(&p, data, &out);
	ck_assert_ptr_nonnull(strstr(out.data, "\nself_hosted_model: "
	    "gpt-oss-120b\npricing:"));
	profile_defaults(&back);
	ck_assert_int_eq(profile_load_text(&back, "b.yaml", out.data,
	    out.length, &cause), 0);
	ck_assert_str_eq(back.self_hosted_model, "gpt-oss-120b");
	buffer_free(&out);
	ck_assert_int_eq(profile_load_text(&p, "c.json", json, strlen(json),
	    &cause), 0);
	ck_assert_str_eq(p.self_hosted_model, "auto");
	ck_assert_int_eq(profile_check_data(&p, data, &cause), 0);
	ck_assert_int_eq(profile_set(&p, "self_hosted_model=qwen3-32b",
	    &cause), 0);
	ck_assert_str_eq(profile_self_hosted_answer(&p, data), "qwen3-32b");

	/* Not answered: the default as a comment, which reads back as not
	 * answered. */
	profile_defaults(&p);
	buffer_init(&out);
	profile_write_yaml(&p, data, &out);
	ck_assert_ptr_nonnull(strstr(out.data,
	    "\n# self_hosted_model: auto   (default)\n"));
	profile_defaults(&back);
	ck_assert_int_eq(profile_load_text(&back, "d.yaml", out.data,
	    out.length, &cause), 0);
	ck_assert_str_eq(back.self_hosted_model, "");
	buffer_free(&out);

	/* Refused with the position and a suggestion. */
	ck_assert_int_eq(profile_set(&p, "self_hosted_model=gpt-oss-12b",
	    &cause), 0);
	ck_assert_int_eq(profile_check_data(&p, data, &cause), -1);
	ck_assert_str_eq(cause, "--set:1:19: self_hosted_model 'gpt-oss-12b' "
	    "is not an open-weights model in the data (did you mean "
	    "'gpt-oss-120b'?)");
	free(cause);
	cause = NULL;
	ck_assert_int_eq(profile_set(&p, "self_hosted_model=gpt-4o", &cause),
	    0);
	ck_assert_int_eq(profile_check_data(&p, data, &cause), -1);
	ck_assert_str_eq(cause, "--set:1:19: self_hosted_model 'gpt-4o' is "
	    "not open weights you can run (its kind is api): see "
	    "--list-models");
	free(cause);
	cause = NULL;
	ck_assert_int_eq(profile_set(&p, "self_hosted_model=", &cause), -1);
	free(cause);
	testutil_use_shipped_data(false);
}
END_TEST

static Suite *
profile_suite(void)
{
	Suite *s = suite_create("profile");
	TCase *t = tcase_create("answers");
	tcase_add_test(t, test_defaults);
	tcase_add_test(t, test_yaml_and_json_agree);
	tcase_add_test(t, test_empty_file_means_defaults);
	tcase_add_test(t, test_yaml_errors);
	tcase_add_test(t, test_json_errors);
	tcase_add_test(t, test_set);
	tcase_add_test(t, test_failed_load_changes_nothing);
	tcase_add_test(t, test_save_reads_back);
	tcase_add_test(t, test_save_keeps_every_digit);
	tcase_add_test(t, test_failed_json_parse_keeps_nothing);
	tcase_add_test(t, test_parse_input);
	tcase_add_test(t, test_every_field_asks);
	tcase_add_test(t, test_self_hosted_model_answer);
	suite_add_tcase(s, t);
	return s;
}

int
main(void)
{
	return testutil_run(profile_suite());
}
