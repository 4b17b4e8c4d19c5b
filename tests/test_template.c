/* test_template.c - because: texts: formats, braces, choices, NaN and
 * errors. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "template.h"
#include "testutil.h"

static const char *const privacy_choices[] = {
	"none", "contractual", "hard", NULL
};

enum {
	SLOT_SELF_HOSTED,
	SLOT_API,
	SLOT_VOLUME,
	SLOT_SHARE,
	SLOT_PAYBACK,
	SLOT_PRIVACY,
	SLOT_FLAG,
	SLOT_X,
	SLOT_COUNT
};

static const struct expr_symbol symbol_list[] = {
	{ "cost.best_self_hosted.total", EXPR_NUMBER, SLOT_SELF_HOSTED, NULL },
	{ "cost.best_api.total", EXPR_NUMBER, SLOT_API, NULL },
	{ "volume.total", EXPR_NUMBER, SLOT_VOLUME, NULL },
	{ "share", EXPR_NUMBER, SLOT_SHARE, NULL },
	{ "payback", EXPR_NUMBER, SLOT_PAYBACK, NULL },
	{ "privacy", EXPR_CHOICE, SLOT_PRIVACY, privacy_choices },
	{ "flag", EXPR_BOOL, SLOT_FLAG, NULL },
	{ "x", EXPR_NUMBER, SLOT_X, NULL },
};

static const struct expr_symbols symbols = {
	symbol_list, sizeof symbol_list / sizeof symbol_list[0]
};

static double values[SLOT_COUNT];

/* Compiles text, expands it with values and compares the result. */
static void
expect_text(const char *text, const char *expected)
{
	struct template *template = NULL;
	struct buffer out;
	size_t offset = 0;
	char *cause = NULL;

	if (template_compile(text, &symbols, &template, &offset, &cause) != 0)
		ck_abort_msg("'%s' did not compile: %zu: %s", text, offset,
		    cause);
	buffer_init(&out);
	template_expand(template, values, I18N_TRANSLATED, &out);
	ck_assert(!out.failed);
	ck_assert_msg(strcmp(out.data != NULL ? out.data : "", expected) == 0,
	    "'%s': got \"%s\", want \"%s\"", text, out.data, expected);
	ck_assert_uint_eq(out.length, strlen(expected));
	buffer_free(&out);
	template_free(template);
}

/* One value of x in a format. */
static void
expect_x(double x, const char *format, const char *expected)
{
	char text[64];
	values[SLOT_X] = x;
	snprintf(text, sizeof text, "{x|%s}", format);
	expect_text(text, expected);
}

/* The text must fail to compile with exactly this offset and message. */
static void
expect_error(const char *text, size_t offset, const char *message)
{
	struct template *template = (struct template *)&template;
	size_t got = 99999;
	char *cause = NULL;
	ck_assert_msg(template_compile(text, &symbols, &template, &got,
	    &cause) == -1, "'%s' compiled", text);
	ck_assert_ptr_null(template);
	ck_assert_ptr_nonnull(cause);
	ck_assert_msg(strcmp(cause, message) == 0,
	    "'%s': got message \"%s\", want \"%s\"", text, cause, message);
	ck_assert_msg(got == offset, "'%s' (%s): got offset %zu, want %zu",
	    text, cause, got, offset);
	free(cause);
}

START_TEST(test_example)
{
	values[SLOT_SELF_HOSTED] = 1460;
	values[SLOT_API] = 60;
	values[SLOT_VOLUME] = 12e6;
	expect_text("Self-hosting costs {cost.best_self_hosted.total|money} a "
	    "month against {cost.best_api.total|money} for the API at "
	    "{volume.total|tokens} tokens.",
	    "Self-hosting costs $1,460 a month against $60 for the API at "
	    "12M tokens.");
	/* Spaces around the name and format are allowed. */
	expect_text("{ cost.best_api.total | money }!", "$60!");
	expect_text("", "");
	expect_text("no fields at all", "no fields at all");
}
END_TEST

START_TEST(test_formats)
{
	expect_x(1234567.4, "money", "$1,234,567");
	expect_x(0.45, "money", "$0.45");
	expect_x(-250, "money", "-$250");
	expect_x(1.5e9, "tokens", "1.5B");
	expect_x(250e3, "tokens", "250k");
	expect_x(0.3, "percent", "30%");
	expect_x(0.05, "percent", "5.0%");
	expect_x(1, "percent", "100%");
	expect_x(14.5, "months", "14.5 months");
	expect_x(1, "months", "1 month");
	expect_x(0, "months", "0 months");
	expect_x(3, "hours", "3 hours");
	expect_x(1, "hours", "1 hour");
	expect_x(2.25, "hours", "2.25 hours");
}
END_TEST

/* Numbers group their thousands like the money and counts around them
 * (issue 16: in German "1.234,568", by the language, not LC_NUMERIC). */
START_TEST(test_number_format)
{
	expect_x(2.5, "number", "2.5");
	expect_x(3, "number", "3");
	expect_x(1234.56789, "number", "1,234.568");
	expect_x(2.0004, "number", "2");
	expect_x(0.5, "number", "0.5");
	expect_x(0.12345, "number", "0.123");
	expect_x(0.000123456, "number", "0.000123");
	expect_x(-0.0001, "number", "-0.0001");
	expect_x(0.9996, "number", "1");
	expect_x(-0.0, "number", "0");
	expect_x(-1e-20, "number", "0");
	expect_x(1e20, "number", "100,000,000,000,000,000,000");
	expect_x(-42, "number", "-42");
	/* Without a format a number prints as number. */
	values[SLOT_X] = 1234.56789;
	expect_text("{x}", "1,234.568");
}
END_TEST

START_TEST(test_number_ignores_locale)
{
	/* Where a decimal-comma locale exists, numbers still use '.'. */
	if (setlocale(LC_ALL, "de_DE.UTF-8") == NULL)
		setlocale(LC_NUMERIC, "de_DE");
	expect_x(2.5, "number", "2.5");
	expect_x(14.5, "months", "14.5 months");
	expect_x(4.5, "money", "$4.50");
	setlocale(LC_ALL, "C");
}
END_TEST

START_TEST(test_choices_and_bools)
{
	values[SLOT_PRIVACY] = 2;
	expect_text("privacy is {privacy}", "privacy is hard");
	values[SLOT_PRIVACY] = 0;
	expect_text("{ privacy }.", "none.");
	/* A value that is no choice's index prints n/a. */
	values[SLOT_PRIVACY] = 1.5;
	expect_text("{privacy}", "n/a");
	values[SLOT_PRIVACY] = 3;
	expect_text("{privacy}", "n/a");
	values[SLOT_PRIVACY] = -1;
	expect_text("{privacy}", "n/a");
	values[SLOT_PRIVACY] = NAN;
	expect_text("{privacy}", "n/a");
	values[SLOT_FLAG] = 1;
	expect_text("{flag}", "yes");
	values[SLOT_FLAG] = 0;
	expect_text("{flag}", "no");
	values[SLOT_FLAG] = NAN;
	expect_text("{flag}", "n/a");
}
END_TEST

START_TEST(test_nan)
{
	static const char *const formats[] = {
		"money", "tokens", "percent", "number", "months", "hours", NULL
	};
	for (int i = 0; formats[i] != NULL; i++) {
		expect_x(NAN, formats[i], "n/a");
		expect_x(INFINITY, formats[i], "n/a");
	}
	values[SLOT_X] = NAN;
	expect_text("payback: {x}.", "payback: n/a.");
}
END_TEST

START_TEST(test_braces_and_percent)
{
	values[SLOT_X] = 2.5;
	expect_text("{{x}} is {x}}}", "{x} is 2.5}");
	expect_text("}}{{", "}{");
	expect_text("{{{x}}}", "{2.5}");
	/* The text is data, never a printf format. */
	expect_text("100%s done %n %d {x}%", "100%s done %n %d 2.5%");
	expect_text("%s%s%s%s%s%s%n", "%s%s%s%s%s%s%n");
}
END_TEST

START_TEST(test_appends)
{
	struct template *template;
	struct buffer out;
	values[SLOT_X] = 7;
	ck_assert_int_eq(template_compile("x={x};", &symbols, &template, NULL,
	    NULL), 0);
	buffer_init(&out);
	buffer_add(&out, "start ");
	template_expand(template, values, I18N_TRANSLATED, &out);
	template_expand(template, values, I18N_TRANSLATED, &out);
	ck_assert_str_eq(out.data, "start x=7;x=7;");
	buffer_free(&out);
	template_free(template);
	template_free(NULL);
}
END_TEST

START_TEST(test_errors)
{
	expect_error("at {volume.totl|tokens}", 4,
	    "unknown name 'volume.totl' (did you mean 'volume.total'?)");
	expect_error("{nothing}", 1, "unknown name 'nothing'");
	expect_error("{ x | mony }", 6, "unknown format 'mony' (formats are "
	    "money, tokens, percent, number, months, hours)");
	expect_error("{x|}", 3, "unknown format '' (formats are money, tokens, "
	    "percent, number, months, hours)");
	expect_error("{x|money|tokens}", 3, "unknown format 'money|tokens' "
	    "(formats are money, tokens, percent, number, months, hours)");
	expect_error("ab {x", 3,
	    "unterminated '{' (write '{{' for a literal brace)");
	expect_error("{x} and {", 8,
	    "unterminated '{' (write '{{' for a literal brace)");
	expect_error("{}", 1, "empty name in '{...}'");
	expect_error("a { |money}", 4, "empty name in '{...}'");
	expect_error("a } b", 2, "a lone '}' (write '}}' for a literal brace)");
	expect_error("{{x}", 3, "a lone '}' (write '}}' for a literal brace)");
	expect_error("{privacy|money}", 9,
	    "'privacy' is a choice and takes no format");
	expect_error("{flag| number}", 7,
	    "'flag' is true or false and takes no format");
}
END_TEST

static Suite *
template_suite(void)
{
	Suite *s = suite_create("template");
	TCase *t = tcase_create("core");
	tcase_add_test(t, test_example);
	tcase_add_test(t, test_formats);
	tcase_add_test(t, test_number_format);
	tcase_add_test(t, test_number_ignores_locale);
	tcase_add_test(t, test_choices_and_bools);
	tcase_add_test(t, test_nan);
	tcase_add_test(t, test_braces_and_percent);
	tcase_add_test(t, test_appends);
	tcase_add_test(t, test_errors);
	suite_add_tcase(s, t);
	return s;
}

int
main(void)
{
	return testutil_run(template_suite());
}
