/* test_report.c - renderings: text fits 80 columns, markdown tables are
 * well-formed, JSON has the contract's keys, ids are stable. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "report.h"
#include "testutil.h"

static struct evaluation report;

static void
render(enum report_format format, struct buffer *out)
{
	struct profile p;
	struct cost_scenario scenario;
	struct evaluate_settings settings;
	char *cause = NULL;
	profile_defaults(&p);
	cost_scenario_default(&scenario);
	evaluate_settings_default(&settings);
	evaluate_run(&report, testutil_data(), NULL, &p, &scenario,
	    &settings);
	buffer_init(out);
	switch (format) {
	case REPORT_TEXT:
		report_render_text(&report, I18N_TRANSLATED, out);
		break;
	case REPORT_MARKDOWN:
		report_render_markdown(&report, I18N_TRANSLATED, out);
		break;
	case REPORT_JSON:
		ck_assert_int_eq(report_json_render(&report, out, &cause), 0);
		break;
	}
	ck_assert(!out->failed);
}

START_TEST(test_text_fits_80_columns)
{
	struct buffer out;
	render(REPORT_TEXT, &out);
	int line = 1;
	for (char *p = out.data; *p != '\0'; line++) {
		char *end = strchr(p, '\n');
		size_t length = end ? (size_t)(end - p) : strlen(p);
		ck_assert_msg(length <= 80, "line %d is %zu columns: %.*s", line,
		    length, (int)length, p);
		p = end ? end + 1 : p + length;
	}
	ck_assert_ptr_nonnull(strstr(out.data, "Claude 3.5 Sonnet"));
	ck_assert_ptr_nonnull(strstr(out.data, "$60.00"));
	ck_assert_ptr_nonnull(strstr(out.data, "Breakeven:"));
	buffer_free(&out);
}
END_TEST

START_TEST(test_markdown_tables)
{
	/* Every table row has as many cells as its header. */
	struct buffer out;
	int header_cells = -1, tables = 0;
	render(REPORT_MARKDOWN, &out);
	ck_assert(strncmp(out.data, "# ", 2) == 0);
	for (char *line = strtok(out.data, "\n"); line != NULL;
	    line = strtok(NULL, "\n")) {
		if (line[0] != '|') {
			header_cells = -1;
			continue;
		}
		int cells = 0;
		for (char *p = line; *p != '\0'; p++)
			if (*p == '|' && (p == line || p[-1] != '\\'))
				cells++;
		if (header_cells < 0) {
			header_cells = cells;
			tables++;
		}
		ck_assert_msg(cells == header_cells, "row '%s'", line);
	}
	ck_assert_int_ge(tables, 3);
	buffer_free(&out);
}
END_TEST

START_TEST(test_json_contract_keys)
{
	static const char *const keys[] = {
		"\"verdict\":", "\"confidence\":", "\"reasons\":",
		"\"warnings\":", "\"options\":", "\"breakeven\":",
		"\"tokens_per_month\":", "\"flip_points\":", "\"uncertainty\":",
		"\"assumptions\":", "\"inputs\":", "\"payback_months\":",
		"\"payback_vs\":", "\"gpu_hours\":", "\"utilisation\":",
		"\"source\":", "\"as_of\":", "\"verified\":", "\"range\":", NULL
	};
	struct buffer out;
	render(REPORT_JSON, &out);
	for (int i = 0; keys[i] != NULL; i++)
		ck_assert_msg(strstr(out.data, keys[i]) != NULL, "no %s", keys[i]);
	buffer_free(&out);
}
END_TEST

START_TEST(test_option_ids_unique)
{
	struct buffer out;
	char a[256], b[256];
	render(REPORT_TEXT, &out);
	buffer_free(&out);
	for (size_t i = 0; i < report.cost.count; i++) {
		report_option_id(&report.cost.options[i], a, sizeof a);
		for (size_t j = i + 1; j < report.cost.count; j++) {
			report_option_id(&report.cost.options[j], b, sizeof b);
			ck_assert_str_ne(a, b);
		}
	}
}
END_TEST

START_TEST(test_format_names)
{
	enum report_format f;
	ck_assert_int_eq(report_format_from_path("out/report.md", &f), 0);
	ck_assert_int_eq(f, REPORT_MARKDOWN);
	ck_assert_int_eq(report_format_from_path("r.json", &f), 0);
	ck_assert_int_eq(f, REPORT_JSON);
	ck_assert_int_eq(report_format_from_path("r.txt", &f), 0);
	ck_assert_int_eq(f, REPORT_TEXT);
	ck_assert_int_ne(report_format_from_path("dir.md/report", &f), 0);
	ck_assert_int_ne(report_format_from_path("report", &f), 0);
	ck_assert_int_ne(report_format_from_name("yaml", &f), 0);
}
END_TEST

static Suite *
report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *t = tcase_create("render");
	tcase_add_test(t, test_text_fits_80_columns);
	tcase_add_test(t, test_markdown_tables);
	tcase_add_test(t, test_json_contract_keys);
	tcase_add_test(t, test_option_ids_unique);
	tcase_add_test(t, test_format_names);
	suite_add_tcase(s, t);
	return s;
}

int
main(void)
{
	return testutil_run(report_suite());
}
