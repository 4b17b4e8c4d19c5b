/* test_expr.c - the rule expression language: values, types, errors and
 * limits. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "expr.h"
#include "testutil.h"

static const char *const privacy_choices[] = {
	"none", "contractual", "hard", NULL
};
/* The same names in another array: comparable with privacy. */
static const char *const residency_choices[] = {
	"none", "contractual", "hard", NULL
};
static const char *const support_choices[] = { "none", "business", NULL };

enum {
	SLOT_VOLUME_TOTAL,
	SLOT_VOLUME_PEAK,
	SLOT_PRIVACY,
	SLOT_RESIDENCY,
	SLOT_SUPPORT,
	SLOT_A,
	SLOT_B,
	SLOT_C,
	SLOT_X,
	SLOT_Y,
	SLOT_COUNT
};

static const struct expr_symbol symbol_list[] = {
	{ "volume.total", EXPR_NUMBER, SLOT_VOLUME_TOTAL, NULL },
	{ "volume.peak", EXPR_NUMBER, SLOT_VOLUME_PEAK, NULL },
	{ "privacy", EXPR_CHOICE, SLOT_PRIVACY, privacy_choices },
	{ "residency", EXPR_CHOICE, SLOT_RESIDENCY, residency_choices },
	{ "support", EXPR_CHOICE, SLOT_SUPPORT, support_choices },
	{ "a", EXPR_BOOL, SLOT_A, NULL },
	{ "b", EXPR_BOOL, SLOT_B, NULL },
	{ "c", EXPR_BOOL, SLOT_C, NULL },
	{ "x", EXPR_NUMBER, SLOT_X, NULL },
	{ "y", EXPR_NUMBER, SLOT_Y, NULL },
};

static const struct expr_symbols symbols = {
	symbol_list, sizeof symbol_list / sizeof symbol_list[0]
};

static double values[SLOT_COUNT];

/* Every test starts from the same values. */
static void
reset_values(void)
{
	for (int i = 0; i < SLOT_COUNT; i++)
		values[i] = 0;
	values[SLOT_VOLUME_TOTAL] = 12e6;
	values[SLOT_X] = 3;
	values[SLOT_Y] = 1;
}

/* Compiles text to the wanted type and evaluates it once. */
static double
evaluate_as(const char *text, enum expr_type want)
{
	struct expr *expression = NULL;
	size_t offset = 0;
	char *cause = NULL;
	if (expr_compile(text, &symbols, want, &expression, &offset,
	    &cause) != 0)
		ck_abort_msg("'%s' did not compile: %zu: %s", text, offset,
		    cause);
	ck_assert_int_eq(expr_result_type(expression), want);
	double result = expr_evaluate(expression, values);
	expr_free(expression);
	return result;
}

static double
condition(const char *text)
{
	return evaluate_as(text, EXPR_BOOL);
}

static double
weight(const char *text)
{
	return evaluate_as(text, EXPR_NUMBER);
}

/* The text must fail to compile with exactly this offset and message. */
static void
expect_error(const char *text, enum expr_type want, size_t offset,
    const char *message)
{
	struct expr *expression = (struct expr *)&expression;
	size_t got = 99999;
	char *cause = NULL;
	ck_assert_msg(expr_compile(text, &symbols, want, &expression, &got,
	    &cause) == -1, "'%s' compiled", text);
	ck_assert_ptr_null(expression);
	ck_assert_ptr_nonnull(cause);
	ck_assert_msg(strcmp(cause, message) == 0,
	    "'%s': got message \"%s\", want \"%s\"", text, cause, message);
	ck_assert_msg(got == offset, "'%s' (%s): got offset %zu, want %zu",
	    text, cause, got, offset);
	free(cause);
}

START_TEST(test_precedence)
{
	reset_values();
	ck_assert_double_eq(condition("1 + 2 * 3 == 7"), 1);
	ck_assert_double_eq(weight("1 + 2 * 3"), 7);
	ck_assert_double_eq(weight("(1 + 2) * 3"), 9);
	ck_assert_double_eq(weight("10 - 4 - 3"), 3);
	ck_assert_double_eq(weight("100 / 10 / 5"), 2);
	ck_assert_double_eq(weight("-2 * -3"), 6);
	ck_assert_double_eq(weight("- - 4"), 4);
	ck_assert_double_eq(weight("2 * -x"), -6);
	ck_assert_double_eq(weight("-x * 2 + 1"), -5);
	ck_assert_double_eq(weight("x - -x"), 6);
	/* not binds tighter than and: (not a) and b, with a, b false. */
	ck_assert_double_eq(condition("not a and b"), 0);
	ck_assert_double_eq(condition("not (a and b)"), 1);
	/* and binds tighter than or. */
	ck_assert_double_eq(condition("true or false and false"), 1);
	ck_assert_double_eq(condition("(true or false) and false"), 0);
	/* not applies to the whole comparison. */
	ck_assert_double_eq(condition("not x > 5"), 1);
	ck_assert_double_eq(condition("x + 1 > 3 and y < 2"), 1);
	ck_assert_double_eq(condition("\tx\n>\r2 "), 1);
}
END_TEST

START_TEST(test_numbers)
{
	reset_values();
	ck_assert_double_eq(weight("50M"), 5e7);
	ck_assert_double_eq(weight("2.5k"), 2500);
	ck_assert_double_eq(weight("1B"), 1e9);
	ck_assert_double_eq(weight("30%"), 0.3);
	ck_assert_double_eq(weight("12.5%"), 0.125);
	ck_assert_double_eq(weight("1.5e3"), 1500);
	ck_assert_double_eq(weight("1E-2"), 0.01);
	ck_assert_double_eq(weight("2e+3k"), 2e6);
	ck_assert_double_eq(weight("007"), 7);
	ck_assert_double_eq(weight("0.25"), 0.25);
	ck_assert_double_eq(condition("volume.total < 50M"), 1);
	ck_assert_double_eq(condition("volume.total == 12M"), 1);
}
END_TEST

/* One comparison in its three compiled shapes: name against literal,
 * literal against name and two computed sides. */
static void
check_comparison(const char *operator, const char *mirrored,
    const double expected[3])
{
	char text[64];
	for (int i = 0; i < 3; i++) {
		values[SLOT_X] = 2 + i;
		snprintf(text, sizeof text, "x %s 3", operator);
		ck_assert_msg(condition(text) == expected[i], "%s, x = %d",
		    text, 2 + i);
		snprintf(text, sizeof text, "3 %s x", mirrored);
		ck_assert_msg(condition(text) == expected[i], "%s, x = %d",
		    text, 2 + i);
		snprintf(text, sizeof text, "x * 1 %s 1 + 2", operator);
		ck_assert_msg(condition(text) == expected[i], "%s, x = %d",
		    text, 2 + i);
	}
}

START_TEST(test_comparisons)
{
	static const struct {
		const char *operator, *mirrored;
		double expected[3];	/* x = 2, 3, 4 against 3 */
	} cases[] = {
		{ "==", "==", { 0, 1, 0 } },
		{ "!=", "!=", { 1, 0, 1 } },
		{ "<", ">", { 1, 0, 0 } },
		{ "<=", ">=", { 1, 1, 0 } },
		{ ">", "<", { 0, 0, 1 } },
		{ ">=", "<=", { 0, 1, 1 } },
	};
	reset_values();
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check_comparison(cases[i].operator, cases[i].mirrored,
		    cases[i].expected);

	/* True or false against true or false. */
	values[SLOT_A] = 1;
	ck_assert_double_eq(condition("a == true"), 1);
	ck_assert_double_eq(condition("a != b"), 1);
	ck_assert_double_eq(condition("(x > 1) == (y > 1)"), 0);
	ck_assert_double_eq(condition("false == b"), 1);

	/* Choices against their names, in either order and quoting. */
	values[SLOT_PRIVACY] = 2;
	values[SLOT_RESIDENCY] = 2;
	ck_assert_double_eq(condition("privacy == \"hard\""), 1);
	ck_assert_double_eq(condition("'hard' == privacy"), 1);
	ck_assert_double_eq(condition("privacy != 'none'"), 1);
	ck_assert_double_eq(condition("privacy == 'none'"), 0);
	ck_assert_double_eq(condition("(privacy) == ('hard')"), 1);
	/* Two choices with the same names compare. */
	ck_assert_double_eq(condition("privacy == residency"), 1);
	values[SLOT_RESIDENCY] = 1;
	ck_assert_double_eq(condition("privacy != residency"), 1);
}
END_TEST

START_TEST(test_in)
{
	reset_values();
	values[SLOT_PRIVACY] = 2;
	ck_assert_double_eq(condition("privacy in [\"contractual\", 'hard']"),
	    1);
	ck_assert_double_eq(condition("privacy not in ['none']"), 1);
	ck_assert_double_eq(condition("privacy not in ['hard', 'none']"), 0);
	values[SLOT_PRIVACY] = 0;
	ck_assert_double_eq(condition("privacy in ['contractual', 'hard']"),
	    0);
	ck_assert_double_eq(condition("privacy in ['none']"), 1);

	values[SLOT_X] = -3;
	ck_assert_double_eq(condition("x in [1, 2, 3]"), 0);
	ck_assert_double_eq(condition("x in [1, -3]"), 1);
	ck_assert_double_eq(condition("x not in [1, 2, -3]"), 0);
	ck_assert_double_eq(condition("x not in [1, 2]"), 1);
	ck_assert_double_eq(condition("x * -2 in [6]"), 1);
	ck_assert_double_eq(condition("x in [1] or x in [-3] and true"), 1);
	ck_assert_double_eq(condition("not x in [-3]"), 0);
	ck_assert_double_eq(condition("x in [30%, -3k]"), 0);
	/* A NaN is in no list, and not in one either. */
	values[SLOT_X] = NAN;
	ck_assert_double_eq(condition("x in [1]"), 0);
	ck_assert_double_eq(condition("x not in [1]"), 0);
}
END_TEST

START_TEST(test_functions)
{
	reset_values();
	ck_assert_double_eq(weight("min(3, 1, 2)"), 1);
	ck_assert_double_eq(weight("max(3, 1, 2)"), 3);
	ck_assert_double_eq(weight("min(4, -2)"), -2);
	ck_assert_double_eq(weight("abs(-4.5)"), 4.5);
	ck_assert_double_eq(weight("abs(x - 10)"), 7);
	ck_assert_double_eq(weight("max(min(x, 10), 0)"), 3);
	ck_assert_double_eq(weight("max(min(x * 10, 10), 0)"), 10);
	ck_assert_double_eq(weight("2 * max(1, x) + 1"), 7);
	ck_assert_double_eq(condition("min(x, y) < 2"), 1);
	/* NaN arguments are ignored unless all are NaN. */
	ck_assert_double_eq(weight("min(x / 0, 2, 5)"), 2);
	ck_assert_double_eq(weight("max(x / 0, -1)"), -1);
	ck_assert_double_eq(weight("min(2, x / 0)"), 2);
	ck_assert(isnan(weight("min(x / 0, y / 0)")));
	ck_assert(isnan(weight("max(x / 0, 0 / 0, y / 0)")));
	ck_assert(isnan(weight("abs(0 / 0)")));
}
END_TEST

START_TEST(test_nan)
{
	reset_values();
	ck_assert(isnan(weight("x / 0")));
	ck_assert(isnan(weight("-x / 0")));
	ck_assert(isnan(weight("0 / 0")));
	ck_assert(isnan(weight("x / (y - 1)")));
	ck_assert(isnan(weight("x / 0 + 1")));
	/* Every comparison with NaN is false. */
	ck_assert_double_eq(condition("x / 0 > 1"), 0);
	ck_assert_double_eq(condition("not (x / 0 > 1)"), 1);
	ck_assert_double_eq(condition("x / 0 < 1"), 0);
	ck_assert_double_eq(condition("x / 0 <= 1"), 0);
	ck_assert_double_eq(condition("x / 0 >= 1"), 0);
	ck_assert_double_eq(condition("x / 0 == 1"), 0);
	ck_assert_double_eq(condition("x / 0 != 1"), 0);
	ck_assert_double_eq(condition("x / 0 == x / 0"), 0);
	ck_assert_double_eq(condition("x / 0 != x / 0"), 0);
	/* A NaN value in a slot, in each compiled shape of !=. */
	values[SLOT_X] = NAN;
	ck_assert_double_eq(condition("x != 3"), 0);
	ck_assert_double_eq(condition("3 != x"), 0);
	ck_assert_double_eq(condition("x + 0 != 3"), 0);
	ck_assert_double_eq(condition("x == x"), 0);
	/* A true-or-false slot: NaN and 0 are false, anything else true. */
	values[SLOT_A] = NAN;
	ck_assert_double_eq(condition("a"), 0);
	ck_assert_double_eq(condition("not a"), 1);
	values[SLOT_A] = 2;
	ck_assert_double_eq(condition("a"), 1);
	ck_assert_double_eq(condition("a == true"), 1);
	ck_assert_double_eq(condition("a or b"), 1);
	ck_assert_double_eq(condition("b or a"), 1);
	/* Overflow is IEEE: an infinity, not NaN. */
	ck_assert_double_eq(condition("1e308 * 10 > 1e308"), 1);
}
END_TEST

/* Slots of a second symbol table for the short-circuit test. */
static const struct expr_symbol trap_list[] = {
	{ "safe", EXPR_NUMBER, 0, NULL },
	{ "trap", EXPR_NUMBER, 1, NULL },
};

START_TEST(test_short_circuit)
{
	static const struct {
		const char *text;
		double expected;
	} cases[] = {
		{ "safe > 0 and trap > 0", 0 },
		{ "safe == 0 or trap > 0", 1 },
		{ "(safe > 0 and trap > 0) or safe == 0", 1 },
		{ "not (safe == 0 or trap / 0 > 1)", 0 },
		{ "safe > 0 and (trap > 0 or trap < 0)", 0 },
		{ "min(safe, 1) < 1 or trap in [1, 2]", 1 },
	};
	const struct expr_symbols traps = { trap_list, 2 };
	long page = sysconf(_SC_PAGESIZE);
	/* values[0] ends the first page; values[1] is on an unreadable page,
	 * so reading the right side of a decided and/or crashes the test. */
	char *pages = mmap(NULL, 2 * (size_t)page, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ck_assert(pages != MAP_FAILED);
	ck_assert_int_eq(mprotect(pages + page, (size_t)page, PROT_NONE), 0);
	double *trap_values = (double *)(pages + page) - 1;
	trap_values[0] = 0;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct expr *expression;
		char *cause = NULL;
		ck_assert_int_eq(expr_compile(cases[i].text, &traps, EXPR_BOOL,
		    &expression, NULL, &cause), 0);
		ck_assert_msg(expr_evaluate(expression, trap_values) ==
		    cases[i].expected, "%s", cases[i].text);
		expr_free(expression);
	}
	munmap(pages, 2 * (size_t)page);
}
END_TEST

START_TEST(test_bool_results)
{
	reset_values();
	values[SLOT_A] = 5;
	values[SLOT_B] = -1;
	/* Results are exactly 1.0 and 0.0, whatever a true slot holds. */
	ck_assert_double_eq(condition("a and b"), 1.0);
	ck_assert_double_eq(condition("a or c"), 1.0);
	ck_assert_double_eq(condition("c or a"), 1.0);
	ck_assert_double_eq(condition("c and a"), 0.0);
	ck_assert_double_eq(condition("not c"), 1.0);
	ck_assert_double_eq(condition("x > 1"), 1.0);
}
END_TEST

/* Collects the slots an expression reports. */
struct slot_list {
	int slots[16];
	int count;
};

static void
collect_slot(int slot, void *context)
{
	struct slot_list *list = context;
	ck_assert_int_lt(list->count, 16);
	list->slots[list->count++] = slot;
}

START_TEST(test_slots)
{
	struct slot_list list = { { 0 }, 0 };
	struct expr *expression;
	ck_assert_int_eq(expr_compile("x > volume.total and x < 3 or "
	    "'hard' == privacy or a or min(y, x) > 1", &symbols, EXPR_BOOL,
	    &expression, NULL, NULL), 0);
	expr_slots(expression, collect_slot, &list);
	ck_assert_int_eq(list.count, 5);
	ck_assert_int_eq(list.slots[0], SLOT_X);
	ck_assert_int_eq(list.slots[1], SLOT_VOLUME_TOTAL);
	ck_assert_int_eq(list.slots[2], SLOT_PRIVACY);
	ck_assert_int_eq(list.slots[3], SLOT_A);
	ck_assert_int_eq(list.slots[4], SLOT_Y);
	expr_free(expression);

	list.count = 0;
	ck_assert_int_eq(expr_compile("1 + 2", NULL, EXPR_NUMBER, &expression,
	    NULL, NULL), 0);
	expr_slots(expression, collect_slot, &list);
	ck_assert_int_eq(list.count, 0);
	ck_assert_double_eq(expr_evaluate(expression, NULL), 3);
	expr_free(expression);
	expr_free(NULL);
}
END_TEST

START_TEST(test_errors_names)
{
	expect_error("volume.totl > 5", EXPR_BOOL, 0,
	    "unknown name 'volume.totl' (did you mean 'volume.total'?)");
	expect_error("x > 1 and volume.peek < 3", EXPR_BOOL, 10,
	    "unknown name 'volume.peek' (did you mean 'volume.peak'?)");
	expect_error("x > 1 and volumetotal < 3", EXPR_BOOL, 10,
	    "unknown name 'volumetotal' (did you mean 'volume.total'?)");
	expect_error("privcay == 'hard'", EXPR_BOOL, 0,
	    "unknown name 'privcay' (did you mean 'privacy'?)");
	expect_error("zzz > 1", EXPR_BOOL, 0, "unknown name 'zzz'");
	expect_error("True", EXPR_BOOL, 0, "unknown name 'True'");
	expect_error("z", EXPR_BOOL, 0, "unknown name 'z'");
	expect_error("foo(1) > 2", EXPR_BOOL, 0,
	    "unknown function 'foo' (functions are min, max and abs)");
	/* Long names are cut to 40 bytes in messages. */
	expect_error("aaaaaaaaaaaaaaaaaaaaaaaaa" "aaaaaaaaaaaaaaaaaaaaaaaaa",
	    EXPR_BOOL, 0,
	    "unknown name 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...'");
}
END_TEST

START_TEST(test_errors_types)
{
	expect_error("privacy == \"hardd\"", EXPR_BOOL, 11,
	    "'hardd' is not one of none, contractual, hard");
	expect_error("'Hard' == privacy", EXPR_BOOL, 0,
	    "'Hard' is not one of none, contractual, hard");
	expect_error("privacy in ['hard', 'nope']", EXPR_BOOL, 20,
	    "'nope' is not one of none, contractual, hard");
	expect_error("privacy == 2", EXPR_BOOL, 8,
	    "cannot compare a choice with a number");
	expect_error("privacy == support", EXPR_BOOL, 8,
	    "cannot compare 'privacy' with 'support': their choices differ");
	expect_error("x == a", EXPR_BOOL, 2,
	    "cannot compare a number with true or false");
	expect_error("x == 'hard'", EXPR_BOOL, 5,
	    "a quoted name can only be compared with a choice");
	expect_error("'a' == 'b'", EXPR_BOOL, 0,
	    "a quoted name can only be compared with a choice");
	expect_error("'hard'", EXPR_BOOL, 0,
	    "a quoted name can only be compared with a choice");
	expect_error("x + a > 1", EXPR_BOOL, 4,
	    "'+' needs a number, got true or false");
	expect_error("privacy * 2", EXPR_NUMBER, 0,
	    "'*' needs a number, got a choice");
	expect_error("1 / 'x'", EXPR_NUMBER, 4,
	    "a quoted name can only be compared with a choice");
	expect_error("x and a", EXPR_BOOL, 0,
	    "'and' needs true or false, got a number");
	expect_error("a or 5", EXPR_BOOL, 5,
	    "'or' needs true or false, got a number");
	expect_error("not x", EXPR_BOOL, 4,
	    "'not' needs true or false, got a number");
	expect_error("-a", EXPR_NUMBER, 1,
	    "'-' needs a number, got true or false");
	expect_error("x < a", EXPR_BOOL, 4,
	    "'<' needs a number, got true or false");
	expect_error("privacy >= 1", EXPR_BOOL, 0,
	    "'>=' needs a number, got a choice");
	expect_error("min(x, a)", EXPR_NUMBER, 7,
	    "'min' needs a number, got true or false");
	expect_error("min(x)", EXPR_NUMBER, 0,
	    "'min' needs at least two arguments");
	expect_error("abs(x, y)", EXPR_NUMBER, 0,
	    "'abs' takes exactly one argument");
	expect_error("a in [1]", EXPR_BOOL, 0,
	    "'in' needs a number or a choice, got true or false");
	expect_error("x in [1, 'a']", EXPR_BOOL, 9,
	    "a quoted name can only be compared with a choice");
	expect_error("privacy in ['none', -1]", EXPR_BOOL, 20,
	    "cannot compare a choice with a number");
	expect_error("x + 1", EXPR_BOOL, 0,
	    "a condition must be true or false, got a number");
	expect_error("privacy", EXPR_BOOL, 0,
	    "a condition must be true or false, got a choice");
	expect_error("x > 1", EXPR_NUMBER, 0,
	    "an amount must be a number, got true or false");
	expect_error("(x) + 1 > 2 or x", EXPR_BOOL, 15,
	    "'or' needs true or false, got a number");
}
END_TEST

START_TEST(test_errors_syntax)
{
	expect_error("(x > 1", EXPR_BOOL, 6, "expected ')'");
	expect_error("(x > 1 y", EXPR_BOOL, 7, "expected ')'");
	expect_error("x >", EXPR_BOOL, 3, "unexpected end of expression");
	expect_error("x > 1 and ", EXPR_BOOL, 10,
	    "unexpected end of expression");
	expect_error("x > 1 xyz", EXPR_BOOL, 6, "unexpected 'xyz'");
	expect_error("x > 1 )", EXPR_BOOL, 6, "unexpected ')'");
	expect_error("x > * 1", EXPR_BOOL, 4, "unexpected '*'");
	expect_error("x > 1 not", EXPR_BOOL, 6, "unexpected 'not'");
	expect_error("", EXPR_BOOL, 0, "empty expression");
	expect_error(" \t\n", EXPR_BOOL, 0, "empty expression");
	expect_error("x = 1", EXPR_BOOL, 2,
	    "unexpected '=' (use '==' to compare)");
	expect_error("!a", EXPR_BOOL, 0, "unexpected '!' (use 'not' or '!=')");
	expect_error("a && b", EXPR_BOOL, 2, "unexpected '&&' (use 'and')");
	expect_error("a || b", EXPR_BOOL, 2, "unexpected '||' (use 'or')");
	expect_error("x > 1 ;", EXPR_BOOL, 6, "unexpected ';'");
	expect_error("x > 1 \xc2\xa7", EXPR_BOOL, 6, "unexpected '\xc2\xa7'");
	expect_error("x > 1 \x01", EXPR_BOOL, 6, "unexpected byte 0x01");
	expect_error("x > 1 \xff", EXPR_BOOL, 6, "unexpected byte 0xff");
	expect_error("privacy == 'hard", EXPR_BOOL, 11, "unterminated string");
	expect_error("privacy == \"hard'", EXPR_BOOL, 11,
	    "unterminated string");
	expect_error("x > 1.", EXPR_BOOL, 4, "bad number '1.'");
	expect_error("x > 1.5.2", EXPR_BOOL, 4, "bad number '1.5.2'");
	expect_error("x > 10MB", EXPR_BOOL, 4, "bad number '10MB'");
	expect_error("x > 10m", EXPR_BOOL, 4, "bad number '10m'");
	expect_error("x > 0x10", EXPR_BOOL, 4, "bad number '0x10'");
	expect_error("x > 1e", EXPR_BOOL, 4, "bad number '1e'");
	expect_error("x > 1e999", EXPR_BOOL, 4, "bad number '1e999'");
	expect_error("x > 1e307k", EXPR_BOOL, 4, "bad number '1e307k'");
	expect_error("x > 5%%", EXPR_BOOL, 4, "bad number '5%%'");
	expect_error("x > 5_000", EXPR_BOOL, 4, "bad number '5_000'");
	expect_error("x > .5", EXPR_BOOL, 4, "unexpected '.'");
	expect_error("x. > 1", EXPR_BOOL, 1, "unexpected '.'");
	expect_error("volume. > 1", EXPR_BOOL, 0, "unknown name 'volume'");
	expect_error("x < y < 3", EXPR_BOOL, 6,
	    "comparisons cannot be chained: join them with 'and'");
	expect_error("x == 1 in [1]", EXPR_BOOL, 7,
	    "comparisons cannot be chained: join them with 'and'");
	expect_error("x in [1, 2", EXPR_BOOL, 10, "expected ',' or ']'");
	expect_error("x in [1 2]", EXPR_BOOL, 8, "expected ',' or ']'");
	expect_error("x in 1", EXPR_BOOL, 5, "expected '[' after 'in'");
	expect_error("x not in (1)", EXPR_BOOL, 9, "expected '[' after 'in'");
	expect_error("x in []", EXPR_BOOL, 6, "unexpected ']'");
	expect_error("x in [y]", EXPR_BOOL, 6, "unexpected 'y'");
	expect_error("x in [1,]", EXPR_BOOL, 8, "unexpected ']'");
	expect_error("min x", EXPR_NUMBER, 4, "expected '(' after 'min'");
	expect_error("max(x y)", EXPR_NUMBER, 6, "expected ',' or ')'");
	expect_error("max()", EXPR_NUMBER, 4, "unexpected ')'");
	expect_error("in [1]", EXPR_BOOL, 0, "unexpected 'in'");
	expect_error("1 2", EXPR_NUMBER, 2, "unexpected '2'");
}
END_TEST

/* text made of count copies of piece, then tail. */
static char *
repeat(const char *piece, size_t count, const char *head, const char *tail)
{
	size_t length = strlen(piece);
	char *text = malloc(strlen(head) + length * count + strlen(tail) + 1);
	ck_assert_ptr_nonnull(text);
	strcpy(text, head);
	for (size_t i = 0; i < count; i++)
		strcat(text + strlen(head) + i * length, piece);
	strcat(text, tail);
	return text;
}

/* count nested parentheses around x > 1. */
static char *
nested(size_t count)
{
	char *open = repeat("(", count, "", "x > 1");
	char *text = repeat(")", count, open, "");
	free(open);
	return text;
}

START_TEST(test_limits_depth)
{
	char *text;
	reset_values();
	/* 32 levels of each kind are accepted, the 33rd is refused at the
	 * token that would open it. */
	text = nested(EXPR_MAX_DEPTH);
	ck_assert_double_eq(condition(text), 1);
	free(text);
	text = nested(EXPR_MAX_DEPTH + 1);
	expect_error(text, EXPR_BOOL, 32, "nesting deeper than 32 levels");
	free(text);

	/* An even number of not: a, which is false. */
	text = repeat("not ", 32, "", "a");
	ck_assert_double_eq(condition(text), 0);
	free(text);
	text = repeat("not ", 33, "", "a");
	expect_error(text, EXPR_BOOL, 128, "nesting deeper than 32 levels");
	free(text);

	text = repeat("-", 32, "", "x");
	ck_assert_double_eq(weight(text), 3);
	free(text);
	text = repeat("-", 33, "", "x");
	expect_error(text, EXPR_NUMBER, 32, "nesting deeper than 32 levels");
	free(text);

	/* A function's parenthesis counts too, and so do mixed kinds. */
	text = repeat("(", 31, "", "abs(x)");
	char *closed = repeat(")", 31, text, "");
	ck_assert_double_eq(weight(closed), 3);
	free(text);
	free(closed);
	text = repeat("(", 32, "", "abs(x))");
	expect_error(text, EXPR_NUMBER, 35, "nesting deeper than 32 levels");
	free(text);
	text = repeat("not (", 16, "", "x > 1");
	closed = repeat(")", 16, text, "");
	ck_assert_double_eq(condition(closed), 1);
	free(text);
	free(closed);
	text = repeat("not -(", 11, "", "1");
	expect_error(text, EXPR_BOOL, 65, "nesting deeper than 32 levels");
	free(text);

	/* Hostile input within the length limit stops at level 33. */
	text = repeat("(", 4000, "", "");
	expect_error(text, EXPR_BOOL, 32, "nesting deeper than 32 levels");
	free(text);
}
END_TEST

START_TEST(test_limits_size)
{
	char *text;
	reset_values();
	/* 100,000 '(' are refused by their length before any parsing. */
	text = repeat("(", 100000, "", "");
	expect_error(text, EXPR_BOOL, 4096,
	    "expression longer than 4096 bytes");
	free(text);

	/* Exactly 4096 bytes are accepted, 4097 are not. */
	text = repeat(" ", EXPR_MAX_LENGTH - 5, "x > 1", "");
	ck_assert_uint_eq(strlen(text), 4096);
	ck_assert_double_eq(condition(text), 1);
	free(text);
	text = repeat(" ", EXPR_MAX_LENGTH - 4, "x > 1", "");
	expect_error(text, EXPR_BOOL, 4096,
	    "expression longer than 4096 bytes");
	free(text);

	/* 256 names and 255 '+' are 511 nodes; one more pair is 513. */
	text = repeat(" + x", 255, "x", "");
	ck_assert_double_eq(weight(text), 3 * 256);
	free(text);
	text = repeat(" + x", 256, "x", "");
	expect_error(text, EXPR_NUMBER, 4 * 256 - 2,
	    "expression too complex: more than 512 parts");
	free(text);
	/* A list entry is a node: x, in and 510 entries are 512. */
	text = repeat(", 1", 509, "x in [2", "]");
	ck_assert_double_eq(condition(text), 0);
	free(text);
	text = repeat(", 1", 510, "x in [2", "]");
	expect_error(text, EXPR_BOOL, strlen(text) - 2,
	    "expression too complex: more than 512 parts");
	free(text);
}
END_TEST

START_TEST(test_no_symbols)
{
	struct expr *expression;
	char *cause = NULL;
	size_t offset = 0;
	ck_assert_int_eq(expr_compile("1 > 0", NULL, EXPR_BOOL, &expression,
	    &offset, &cause), 0);
	ck_assert_double_eq(expr_evaluate(expression, NULL), 1);
	expr_free(expression);
	ck_assert_int_eq(expr_compile("1 > x", NULL, EXPR_BOOL, &expression,
	    &offset, &cause), -1);
	ck_assert_str_eq(cause, "unknown name 'x'");
	ck_assert_uint_eq(offset, 4);
	free(cause);
	/* A NULL cause and offset are allowed. */
	ck_assert_int_eq(expr_compile("1 >", NULL, EXPR_BOOL, &expression,
	    NULL, NULL), -1);
}
END_TEST

START_TEST(test_many_evaluations)
{
	struct expr *expression;
	long matches = 0;
	reset_values();
	ck_assert_int_eq(expr_compile("privacy == \"none\" and "
	    "volume.total < 50M", &symbols, EXPR_BOOL, &expression, NULL, NULL),
	    0);
	/* Evaluation uses only the caller's values and its own stack. */
	for (long i = 0; i < 1000000; i++) {
		values[SLOT_PRIVACY] = (double)(i % 3);
		values[SLOT_VOLUME_TOTAL] = (double)(i * 100);
		matches += expr_evaluate(expression, values) == 1.0;
	}
	/* i % 3 == 0 and i < 500000: 0, 3, ..., 499998. */
	ck_assert_int_eq(matches, 166667);
	expr_free(expression);
}
END_TEST

static Suite *
expr_suite(void)
{
	Suite *s = suite_create("expr");
	TCase *t = tcase_create("core");
	tcase_add_test(t, test_precedence);
	tcase_add_test(t, test_numbers);
	tcase_add_test(t, test_comparisons);
	tcase_add_test(t, test_in);
	tcase_add_test(t, test_functions);
	tcase_add_test(t, test_nan);
	tcase_add_test(t, test_short_circuit);
	tcase_add_test(t, test_bool_results);
	tcase_add_test(t, test_slots);
	tcase_add_test(t, test_errors_names);
	tcase_add_test(t, test_errors_types);
	tcase_add_test(t, test_errors_syntax);
	tcase_add_test(t, test_limits_depth);
	tcase_add_test(t, test_limits_size);
	tcase_add_test(t, test_no_symbols);
	tcase_add_test(t, test_many_evaluations);
	suite_add_tcase(s, t);
	return s;
}

int
main(void)
{
	return testutil_run(expr_suite());
}
