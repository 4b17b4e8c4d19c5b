/* test_metrics.c - the table of names rules can read: one slot per name,
 * in order, the choices of the answers, and documentation that lists
 * exactly these names (the header of data/rules.yaml and the EXPRESSIONS
 * section of llmadvisor-rules(5)). */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cost.h"
#include "metrics.h"
#include "profile.h"
#include "testutil.h"

#define TEST_METRICS_MAX_NAMES 256

/* Names found in a document, and how often each table name was seen. */
struct test_metrics_names {
	char *names[TEST_METRICS_MAX_NAMES];
	size_t count;
};

static void
test_metrics_names_add(struct test_metrics_names *list, const char *name,
    size_t length)
{
	ck_assert_uint_lt(list->count, TEST_METRICS_MAX_NAMES);
	list->names[list->count] = strndup(name, length);
	ck_assert_ptr_nonnull(list->names[list->count]);
	list->count++;
}

static void
test_metrics_names_free(struct test_metrics_names *list)
{
	for (size_t i = 0; i < list->count; i++)
		free(list->names[i]);
	list->count = 0;
}

/* Fails unless the document's names and the table's are the same set. */
static void
test_metrics_compare(const struct test_metrics_names *list,
    const char *document)
{
	const struct expr_symbols *symbols = metrics_symbols();

	for (size_t i = 0; i < list->count; i++)
		ck_assert_msg(expr_symbol_find(symbols, list->names[i],
		    strlen(list->names[i])) != NULL,
		    "%s names '%s', which rules cannot read", document,
		    list->names[i]);
	for (size_t s = 0; s < symbols->count; s++) {
		bool found = false;
		for (size_t i = 0; i < list->count && !found; i++)
			found = strcmp(list->names[i],
			    symbols->symbols[s].name) == 0;
		ck_assert_msg(found, "%s does not list '%s'", document,
		    symbols->symbols[s].name);
	}
}

START_TEST(test_slots_in_order)
{
	const struct expr_symbols *symbols = metrics_symbols();
	ck_assert_uint_eq(symbols->count, metrics_count);
	for (size_t i = 0; i < symbols->count; i++) {
		ck_assert_int_eq(symbols->symbols[i].slot, (int)i);
		ck_assert_ptr_eq(expr_symbol_find(symbols,
		    symbols->symbols[i].name, strlen(symbols->symbols[i].name)),
		    &symbols->symbols[i]);
		ck_assert((symbols->symbols[i].type == EXPR_CHOICE) ==
		    (symbols->symbols[i].choices != NULL));
	}
	ck_assert_str_eq(symbols->symbols[metrics_verdict_slot].name,
	    "verdict");
}
END_TEST

/* The per-kind totals follow enum option_kind, and answers that are
 * choices offer the answers file's names. */
START_TEST(test_kinds_and_choices)
{
	const struct expr_symbols *symbols = metrics_symbols();
	char name[64];
	for (int k = 0; k < OPTION_KIND_COUNT; k++) {
		snprintf(name, sizeof name, "cost.%s.total", cost_kind_name(k));
		const struct expr_symbol *s = expr_symbol_find(symbols, name,
		    strlen(name));
		const struct expr_symbol *api = expr_symbol_find(symbols,
		    "cost.api.total", strlen("cost.api.total"));
		ck_assert_ptr_nonnull(s);
		ck_assert_int_eq(s->slot, api->slot + k);
	}
	for (size_t i = 0; i < profile_field_count; i++) {
		const struct profile_field *f = &profile_fields[i];
		const struct expr_symbol *s = expr_symbol_find(symbols, f->key,
		    strlen(f->key));
		if (f->type != PROFILE_CHOICE)
			continue;
		ck_assert_ptr_nonnull(s);
		ck_assert_ptr_eq(s->choices, f->names);
		ck_assert(!metrics_slot_varies(s->slot));
	}
}
END_TEST

/* Choices and settled answers stay fixed across Monte Carlo samples;
 * figures vary, and so do the answers a team rarely knows exactly
 * (volume, ops hours, hard share, hourly rate: issue 12). */
START_TEST(test_varies)
{
	const struct expr_symbols *symbols = metrics_symbols();
	static const char *const fixed[] = { "privacy", "tasks.quality",
	    "horizon_months", "closed_fine_tuning", "team.expertise" };
	static const char *const varying[] = { "cost.best_api.total",
	    "breakeven", "quality.gap_today", "verdict", "volume.total",
	    "team.hourly_rate", "team.ops_hours", "tasks.complex_share",
	    "cost.closed.total", "amount" };
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		ck_assert(!metrics_slot_varies(expr_symbol_find(symbols,
		    fixed[i], strlen(fixed[i]))->slot));
	for (size_t i = 0; i < sizeof varying / sizeof varying[0]; i++)
		ck_assert(metrics_slot_varies(expr_symbol_find(symbols,
		    varying[i], strlen(varying[i]))->slot));
}
END_TEST

/* The "# Names" block of rules.yaml, up to a bare "#": every word outside
 * parentheses is a name. */
START_TEST(test_rules_yaml_lists_every_name)
{
	struct test_metrics_names list = { { NULL }, 0 };
	char line[512];
	bool inside = false;
	int depth = 0;
	FILE *file = fopen(testutil_path("data/rules.yaml"), "r");

	ck_assert_ptr_nonnull(file);
	while (fgets(line, sizeof line, file) != NULL) {
		if (!inside) {
			inside = strncmp(line, "# Names", 7) == 0;
			if (inside)	/* its heading may run on one line */
				while (fgets(line, sizeof line, file) != NULL &&
				    strncmp(line, "#   ", 4) != 0)
					;
			else
				continue;
		}
		if (strcmp(line, "#\n") == 0 || line[0] != '#')
			break;
		for (const char *p = line + 1; *p != '\0';) {
			size_t length = 0;
			if (*p == '(' || *p == ')') {
				depth += *p == '(' ? 1 : -1;
				p++;
				continue;
			}
			while (p[length] != '\0' && !isspace((unsigned char)
			    p[length]) && p[length] != '(' && p[length] != ')')
				length++;
			if (length == 0)
				p++;
			else if (depth == 0)
				test_metrics_names_add(&list, p, length);
			p += length;
		}
	}
	fclose(file);
	ck_assert(inside);
	ck_assert_int_eq(depth, 0);
	test_metrics_compare(&list, "data/rules.yaml");
	test_metrics_names_free(&list);
}
END_TEST

/* From "Names:" in EXPRESSIONS to the next section of the man page, every
 * bold word (.B or .BR, its first argument) is a name. */
START_TEST(test_man_page_lists_every_name)
{
	struct test_metrics_names list = { { NULL }, 0 };
	char line[512];
	bool inside = false;
	FILE *file = fopen(testutil_path("man/llmadvisor-rules.5"), "r");

	ck_assert_ptr_nonnull(file);
	while (fgets(line, sizeof line, file) != NULL) {
		const char *p = line;
		if (!inside) {
			inside = strcmp(line, "Names:\n") == 0;
			continue;
		}
		if (strncmp(line, ".SH ", 4) == 0)
			break;
		if (strncmp(p, ".B ", 3) == 0)
			p += 3;
		else if (strncmp(p, ".BR ", 4) == 0)
			p += 4;
		else
			continue;
		test_metrics_names_add(&list, p, strcspn(p, " \n"));
	}
	fclose(file);
	ck_assert(inside);
	test_metrics_compare(&list, "man/llmadvisor-rules.5");
	test_metrics_names_free(&list);
}
END_TEST

static Suite *
metrics_suite(void)
{
	Suite *s = suite_create("metrics");
	TCase *t = tcase_create("core");
	tcase_add_test(t, test_slots_in_order);
	tcase_add_test(t, test_kinds_and_choices);
	tcase_add_test(t, test_varies);
	tcase_add_test(t, test_rules_yaml_lists_every_name);
	tcase_add_test(t, test_man_page_lists_every_name);
	suite_add_tcase(s, t);
	return s;
}

int
main(void)
{
	return testutil_run(metrics_suite());
}
