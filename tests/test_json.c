/* test_json.c - JSON output cannot carry terminal controls: C1 controls
 * and bidirectional overrides leave json_print as \uNNNN escapes. */
#include "config.h"

#include <string.h>

#include "json.h"
#include "testutil.h"

START_TEST(test_controls_escaped)
{
	struct buffer out;
	char *cause = NULL;
	cJSON *root = cJSON_CreateObject();
	/* NEL (U+0085), CSI (U+009B), RLO (U+202E), PDI (U+2069), and a
	 * neighbour that must stay: U+2028 and plain letters. */
	cJSON_AddStringToObject(root, "name",
	    "a\xC2\x85" "b\xC2\x9B" "c\xE2\x80\xAE" "d\xE2\x81\xA9" "e\xE2\x80\xA8"
	    "\xC3\xBC");
	buffer_init(&out);
	ck_assert_int_eq(json_print(root, &out, &cause), 0);
	ck_assert_str_eq(out.data, "{\n\t\"name\":\t\"a\\u0085b\\u009bc"
	    "\\u202ed\\u2069e\xE2\x80\xA8\xC3\xBC\"\n}\n");
	/* The escaped text still parses to the same string. */
	cJSON *back = cJSON_Parse(out.data);
	ck_assert_ptr_nonnull(back);
	ck_assert_str_eq(cJSON_GetObjectItem(back, "name")->valuestring,
	    "a\xC2\x85" "b\xC2\x9B" "c\xE2\x80\xAE" "d\xE2\x81\xA9" "e\xE2\x80\xA8"
	    "\xC3\xBC");
	cJSON_Delete(back);
	buffer_free(&out);
}
END_TEST

static Suite *
json_suite(void)
{
	Suite *s = suite_create("json");
	TCase *t = tcase_create("core");
	tcase_add_test(t, test_controls_escaped);
	suite_add_tcase(s, t);
	return s;
}

int
main(void)
{
	return testutil_run(json_suite());
}
