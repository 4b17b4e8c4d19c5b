/* test_json.c - JSON output cannot carry terminal controls: C1 controls
 * and bidirectional overrides leave json_print as \uNNNN escapes; and
 * json_print writes what cJSON_Print writes, its own number printer
 * included. */
#include "config.h"

#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
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

/* json_print's text of a tree equals cJSON_Print's (plus the final
 * newline); the tree is freed. */
static void
assert_as_cjson_prints(cJSON *root)
{
	struct buffer out;
	char *cause = NULL, *expected = cJSON_Print(root);
	ck_assert_ptr_nonnull(expected);
	buffer_init(&out);
	ck_assert_int_eq(json_print(root, &out, &cause), 0);
	ck_assert_uint_eq(out.length, strlen(expected) + 1);
	ck_assert_msg(strncmp(out.data, expected, out.length - 1) == 0,
	    "cJSON: %s\nours:  %s", expected, out.data);
	cJSON_free(expected);
	buffer_free(&out);
}

/* A double from the bits of a 64-bit generator (xorshift), any finite
 * value, or a short decimal scaled to a magnitude. */
static double
random_number(uint64_t *state, int kind)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	if (kind == 0) {
		double d;
		uint64_t bits = *state;
		memcpy(&d, &bits, sizeof d);
		return isfinite(d) ? d : 1.5;
	}
	double digits = (double)(*state % 100000000);
	int exponent = (int)(*state >> 40) % 30 - 15;
	/* + 0.0: never a negative zero (see below). */
	return digits * pow(10, exponent) * (*state >> 63 ? -1 : 1) + 0.0;
}

START_TEST(test_numbers_as_cjson)
{
	/* Whole numbers in and out of int's range, short decimals of every
	 * magnitude (the fast path and both sides of its limits), thirds,
	 * random bits, tiny and huge ones with exponents, and the values
	 * JSON has no number for. */
	static const double fixed[] = { 0, 1, -1, 0.5, 0.1, 0.22, 1.94,
	    4500, 8648660262.0, 2147483647.0, 2147483648.0, -2147483649.0,
	    1e14, 99999999999999.9, 1e15, 1e16, 1e-4, 0.0001000000000000001,
	    9.999999999999999e-5, 1e-5, 1.0 / 3, 2.0 / 3, 1e300, 5e-324,
	    DBL_MAX, 123456789.123456789, 0.30000000000000004,
	    3.2549999999999999, 12345678901234.5, 1234567890123.45,
	    0.1000000000000001, 1.000000000000001, 0.0001000000000001 };
	uint64_t state = 0x9E3779B97F4A7C15ull;
	cJSON *root = cJSON_CreateArray();
	for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++) {
		cJSON_AddItemToArray(root, cJSON_CreateNumber(fixed[i]));
		cJSON_AddItemToArray(root, cJSON_CreateNumber(-fixed[i] + 0.0));
	}
	for (int i = 0; i < 20000; i++)
		cJSON_AddItemToArray(root, cJSON_CreateNumber(
		    random_number(&state, i % 2)));
	cJSON_AddItemToArray(root, cJSON_CreateNumber(NAN));
	cJSON_AddItemToArray(root, cJSON_CreateNumber(INFINITY));
	assert_as_cjson_prints(root);
	/* Negative zero prints as 0 (cJSON 1.7.15 writes -0): no reader
	 * of a report needs the sign of a zero cost. */
	struct buffer out;
	char *cause = NULL;
	buffer_init(&out);
	ck_assert_int_eq(json_print(cJSON_CreateNumber(-0.0), &out, &cause), 0);
	ck_assert_str_eq(out.data, "0\n");
	buffer_free(&out);
	/* With ',' as the locale's decimal point too, when it exists. */
	if (setlocale(LC_NUMERIC, "de_DE.UTF-8") != NULL) {
		root = cJSON_CreateArray();
		cJSON_AddItemToArray(root, cJSON_CreateNumber(0.25));
		cJSON_AddItemToArray(root, cJSON_CreateNumber(1.0 / 3));
		cJSON_AddItemToArray(root, cJSON_CreateNumber(1e-7));
		assert_as_cjson_prints(root);
		setlocale(LC_NUMERIC, "C");
	}
}
END_TEST

START_TEST(test_layout_as_cjson)
{
	/* Objects in arrays in objects, empty ones, every literal, keys and
	 * strings with cJSON's escapes. */
	cJSON *root = cJSON_CreateObject(), *list = cJSON_CreateArray();
	cJSON *inner = cJSON_CreateObject();
	cJSON_AddItemToObject(root, "empty object", cJSON_CreateObject());
	cJSON_AddItemToObject(root, "empty list", cJSON_CreateArray());
	cJSON_AddItemToObject(root, "quote \" and \\", cJSON_CreateString(
	    "tab\t line\n cr\r bell\a \b\f \x01\x1f \x7f caf\xC3\xA9"));
	cJSON_AddItemToObject(root, "literals", list);
	cJSON_AddItemToArray(list, cJSON_CreateTrue());
	cJSON_AddItemToArray(list, cJSON_CreateFalse());
	cJSON_AddItemToArray(list, cJSON_CreateNull());
	cJSON_AddItemToArray(list, inner);
	cJSON_AddItemToArray(list, cJSON_CreateArray());
	cJSON_AddItemToObject(inner, "deeper", cJSON_CreateObject());
	cJSON_AddNumberToObject(inner, "n", 2.5);
	cJSON_AddItemToObject(root, "last", cJSON_CreateString(""));
	assert_as_cjson_prints(root);
	assert_as_cjson_prints(cJSON_CreateString("alone"));
	assert_as_cjson_prints(cJSON_CreateObject());
}
END_TEST

START_TEST(test_documents_in_arena)
{
	/* Documents begun by json_start print as cJSON lays them out, one
	 * after the other, and a tree made after them (cJSON's own malloc
	 * again) still prints and frees as before. */
	for (int round = 0; round < 3; round++) {
		struct buffer out;
		char *cause = NULL;
		cJSON *root = json_start();
		cJSON_AddStringToObject(root, "name", "arena");
		cJSON *list = cJSON_AddArrayToObject(root, "list");
		for (int i = 0; i < 1000; i++)
			cJSON_AddItemToArray(list, cJSON_CreateNumber(i + 0.5));
		/* cJSON_Print's text lives in the arena too: copied out
		 * before json_print releases it. */
		char *expected = strdup(cJSON_Print(root));
		ck_assert_ptr_nonnull(expected);
		buffer_init(&out);
		ck_assert_int_eq(json_print(root, &out, &cause), 0);
		ck_assert_uint_eq(out.length, strlen(expected) + 1);
		ck_assert(strncmp(out.data, expected, out.length - 1) == 0);
		free(expected);
		buffer_free(&out);
	}
	cJSON *root = cJSON_CreateObject();
	cJSON_AddNumberToObject(root, "n", 1);
	assert_as_cjson_prints(root);
}
END_TEST

static Suite *
json_suite(void)
{
	Suite *s = suite_create("json");
	TCase *t = tcase_create("core");
	tcase_add_test(t, test_controls_escaped);
	tcase_add_test(t, test_numbers_as_cjson);
	tcase_add_test(t, test_layout_as_cjson);
	tcase_add_test(t, test_documents_in_arena);
	suite_add_tcase(s, t);
	return s;
}

int
main(void)
{
	return testutil_run(json_suite());
}
