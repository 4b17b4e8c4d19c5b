/* test_report.c - renderings with the real rules: text fits 80 columns,
 * markdown tables are well-formed, both carry the verdict, every reason
 * and every warning, the JSON parses and has the contract's keys with
 * their types and values, ids are stable. */
#include "config.h"

#include <cJSON.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "report.h"
#include "testutil.h"

/* The default answers (NULL) and the answers that fire the most rules:
 * vetoes, adjustments, rule warnings, a flip point. */
static const char *const answers_files[] = {
	NULL, "tests/answers/full.yaml"
};
#define ANSWERS_COUNT (sizeof answers_files / sizeof answers_files[0])

/* Renders the report for an answers file (NULL: the defaults). */
static const struct evaluation *
render(const char *answers, enum report_format format, struct buffer *out)
{
	struct profile p;
	char *cause = NULL;
	profile_defaults(&p);
	if (answers != NULL)
		ck_assert_msg(profile_load_file(&p, testutil_path(answers),
		    &cause) == 0, "%s", cause);
	return testutil_render(&p, format, out);
}

/* A copy of text with every run of white space made one space and, for
 * markdown, its backslash escapes removed: wrapping and escaping aside,
 * the words must be the same. */
static char *
flatten(const char *text, bool markdown)
{
	char *copy = malloc(strlen(text) + 1), *to = copy;
	ck_assert_ptr_nonnull(copy);
	for (const char *from = text; *from != '\0'; from++) {
		if (isspace((unsigned char)*from)) {
			if (to > copy && to[-1] != ' ')
				*to++ = ' ';
			continue;
		}
		if (markdown && *from == '\\' && ispunct((unsigned char)from[1]))
			from++;
		*to++ = *from;
	}
	*to = '\0';
	return copy;
}

/* The rendering carries the verdict, every reason and every rule warning
 * of its report, in the words the rules give them, and the four
 * outcomes' ledgers with every adjustment line. */
static void
assert_carries_outcome(const struct evaluation *report, const char *rendered,
    bool markdown, const char *answers)
{
	const struct decision *o = &report->outcome;
	char *page = flatten(rendered, markdown), *expected;
	struct buffer text;
	size_t reasons = o->reason_count;

	buffer_init(&text);
	buffer_add(&text, "Verdict: ");
	report_verdict_phrase(report, I18N_TRANSLATED, &text);
	ck_assert_msg(strstr(page, text.data) != NULL, "%s: no '%s'",
	    answers ? answers : "defaults", text.data);
	buffer_free(&text);
	for (size_t i = 0; i < reasons + o->warning_count + o->dropped_count;
	    i++) {
		buffer_init(&text);
		if (i < reasons)
			decide_reason_text(report->rules, o, i, report->metrics,
			    I18N_TRANSLATED, &text);
		else
			decide_warning_text(report->rules, o, i - reasons,
			    report->metrics, I18N_TRANSLATED, &text);
		ck_assert(!text.failed && text.length > 0);
		expected = flatten(text.data, false);
		ck_assert_msg(strstr(page, expected) != NULL,
		    "%s: the %s '%s' is missing", answers ? answers : "defaults",
		    i < reasons ? "reason" : "warning", expected);
		free(expected);
		buffer_free(&text);
	}
	for (int v = 0; v < VERDICT_COUNT; v++) {
		const struct decide_ledger *l = &o->ledgers[v];
		ck_assert_ptr_nonnull(strstr(page, rules_verdict_phrase(v)));
		for (size_t i = 0; i < l->adjustment_count; i++) {
			buffer_init(&text);
			decide_adjustment_text(report->rules, o, v, i,
			    report->metrics, I18N_TRANSLATED, &text);
			expected = flatten(text.data, false);
			ck_assert_msg(strstr(page, expected) != NULL,
			    "the adjustment '%s' is missing", expected);
			free(expected);
			buffer_free(&text);
		}
	}
	free(page);
}

START_TEST(test_text_fits_80_columns)
{
	struct buffer out;
	for (size_t a = 0; a < ANSWERS_COUNT; a++) {
		const struct evaluation *report = render(answers_files[a],
		    REPORT_TEXT, &out);
		int line = 1;
		for (char *p = out.data; *p != '\0'; line++) {
			char *end = strchr(p, '\n');
			size_t length = end ? (size_t)(end - p) : strlen(p);
			ck_assert_msg(length <= 80, "line %d is %zu columns: %.*s",
			    line, length, (int)length, p);
			p = end ? end + 1 : p + length;
		}
		assert_carries_outcome(report, out.data, false, answers_files[a]);
		if (a == 0) {
			ck_assert_ptr_nonnull(strstr(out.data, "Claude 3.5 Sonnet"));
			ck_assert_ptr_nonnull(strstr(out.data, "$60 "));
			ck_assert_ptr_nonnull(strstr(out.data, "Breakeven:"));
		} else {
			ck_assert_uint_ge(report->outcome.reason_count, 1);
		}
		/* The recommended outcome's row is marked. */
		ck_assert_ptr_nonnull(strstr(out.data, "\n> "));
		buffer_free(&out);
	}
}
END_TEST

START_TEST(test_markdown_tables)
{
	/* Every table row has as many cells as its header. */
	struct buffer out;
	for (size_t a = 0; a < ANSWERS_COUNT; a++) {
		const struct evaluation *report = render(answers_files[a],
		    REPORT_MARKDOWN, &out);
		int header_cells = -1, tables = 0;
		ck_assert(strncmp(out.data, "# ", 2) == 0);
		assert_carries_outcome(report, out.data, true, answers_files[a]);
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
}
END_TEST

/* True when text has a number written with an exponent ("5e+07"). */
static bool
has_exponent(const char *text)
{
	for (const char *p = text; *p != '\0'; p++)
		if (isdigit((unsigned char)p[0]) && p[1] == 'e' &&
		    (p[2] == '+' || p[2] == '-') && isdigit((unsigned char)p[3]))
			return true;
	return false;
}

/* Issue 16: human figures read as a person writes them: no "5e+07" in
 * the assumptions (token counts take their suffix), no "1 streams" or
 * "1 months", no name wrapped in a second pair of parentheses
 * ("(Qwen 2.5 72B (DeepInfra))"). */
START_TEST(test_human_figures)
{
	static const enum report_format formats[] = {
		REPORT_TEXT, REPORT_MARKDOWN
	};
	static const char *const singular_plurals[] = {
		" 1 streams", " 1 months", " 1 hours", " 1 runs", " 1 features",
		"(s)"
	};
	struct buffer out;
	for (size_t a = 0; a < ANSWERS_COUNT; a++)
		for (size_t f = 0; f < 2; f++) {
			render(answers_files[a], formats[f], &out);
			/* Sources may quote a price per token as 3e-06: only
			 * the figures themselves are checked. */
			for (char *line = strtok(out.data, "\n"); line != NULL;
			    line = strtok(NULL, "\n")) {
				char *source = strstr(line, " | ");
				if (source != NULL && (source = strstr(source + 3,
				    " | ")) != NULL && (source = strstr(source + 3,
				    " | ")) != NULL)
					*source = '\0';
				if (formats[f] == REPORT_TEXT &&
				    strstr(line, " = ") != NULL && (source =
				    strstr(line, "), ")) != NULL)
					source[1] = '\0';
				ck_assert_msg(!has_exponent(line), "%s", line);
				ck_assert_msg(strstr(line, "))") == NULL, "%s",
				    line);
				for (size_t i = 0; i < sizeof singular_plurals /
				    sizeof singular_plurals[0]; i++)
					ck_assert_msg(strstr(line,
					    singular_plurals[i]) == NULL, "%s",
					    line);
			}
			buffer_free(&out);
		}
	/* A label that ends in its own parentheses is named as it is. */
	render(answers_files[1], REPORT_TEXT, &out);
	char *page = flatten(out.data, false);
	ck_assert_msg(strstr(page, "a month with Qwen 2.5 72B (DeepInfra), "
	    "adjustments included") != NULL, "%s", page);
	free(page);
	buffer_free(&out);
	/* The assumptions: thresholds in millions, a single stream. */
	render(NULL, REPORT_MARKDOWN, &out);
	ck_assert_ptr_nonnull(strstr(out.data, "| 50M tokens/month | 30M to "
	    "100M |"));
	ck_assert_ptr_nonnull(strstr(out.data, "| 1 stream | 1 to 8 |"));
	buffer_free(&out);
}
END_TEST

/* The markdown section between a heading and the next one. */
static char *
markdown_section(const char *page, const char *heading)
{
	const char *start = strstr(page, heading);
	ck_assert_msg(start != NULL, "no '%s'", heading);
	const char *end = strstr(start + 1, "\n## ");
	size_t length = end != NULL ? (size_t)(end - start) : strlen(start);
	char *copy = malloc(length + 1);
	ck_assert_ptr_nonnull(copy);
	memcpy(copy, start, length);
	copy[length] = '\0';
	return copy;
}

/* Issue 16: the Mermaid chart draws a line per outcome, the hosted
 * open-weight API included, on a log axis (the cost's power of ten, so
 * lines under a few thousand dollars do not lie flat), every point inside
 * the axis; the legend's names have no commas.  The reasons' tags name
 * the ledger line in words, not its JSON id. */
START_TEST(test_markdown_chart_and_tags)
{
	struct buffer out;
	for (size_t a = 0; a < ANSWERS_COUNT; a++) {
		const struct evaluation *e = render(answers_files[a],
		    REPORT_MARKDOWN, &out);
		/* A line per outcome that has an option at some volume. */
		int outcomes = 0;
		for (int v = 0; v < VERDICT_COUNT; v++) {
			bool priced = false;
			for (int i = 0; i < EVALUATE_TABLE_VOLUMES; i++)
				priced |= !isnan(e->table.outcome_costs[v][i]);
			outcomes += priced;
		}
		ck_assert_int_ge(outcomes, 3);
		char *chart = markdown_section(out.data, "## Cost against volume");
		double low, high;
		const char *axis = strstr(chart, "y-axis \"log10 of USD per "
		    "month\" ");
		ck_assert_msg(axis != NULL, "%s", chart);
		ck_assert_int_eq(sscanf(axis + strlen("y-axis \"log10 of USD per "
		    "month\" "), "%lf --> %lf", &low, &high), 2);
		ck_assert(high > low && high - low <= 4);
		int lines = 0;
		for (const char *p = strstr(chart, "    line ["); p != NULL;
		    p = strstr(p + 1, "    line [")) {
			const char *q = p + strlen("    line [");
			lines++;
			for (;;) {
				char *end;
				double v = strtod(q, &end);
				ck_assert_msg(end != q && v >= low && v <= high,
				    "%s", p);
				if (*end != ',')
					break;
				q = end + 1;
			}
		}
		ck_assert_int_eq(lines, outcomes);
		const char *legend = strstr(chart, "Lines, in order: ");
		ck_assert_ptr_nonnull(legend);
		legend += strlen("Lines, in order: ");
		const char *stop = strstr(legend, ". ");
		ck_assert_ptr_nonnull(stop);
		ck_assert_msg(memchr(legend, ',', (size_t)(stop - legend)) ==
		    NULL, "%.*s", (int)(stop - legend), legend);
		ck_assert_ptr_nonnull(strstr(legend, "Go open (hosted API)"));
		ck_assert_ptr_nonnull(strstr(chart, "3 is $1,000"));
		free(chart);

		char *why = markdown_section(out.data, "## Why");
		ck_assert_msg(strstr(why, "ledger.") == NULL, "%s", why);
		ck_assert_msg(strstr(why, ", ledger line: ") != NULL ||
		    strstr(why, ", rule ") != NULL, "%s", why);
		free(why);
		buffer_free(&out);
	}
}
END_TEST

/* The member name of object, which must have the given cJSON type. */
static const cJSON *
json_member(const cJSON *object, const char *name, int type)
{
	const cJSON *member = cJSON_GetObjectItemCaseSensitive(object, name);
	ck_assert_msg(member != NULL, "no \"%s\"", name);
	ck_assert_msg((member->type & 0xff) == type,
	    "\"%s\" has cJSON type %d, expected %d", name, member->type & 0xff,
	    type);
	return member;
}

/* The four outcomes of the JSON: their ledgers as decided. */
static void
assert_json_ledgers(const struct evaluation *report, const cJSON *root)
{
	const struct decision *o = &report->outcome;
	const cJSON *outcomes = json_member(root, "outcomes", cJSON_Array);

	ck_assert_int_eq(cJSON_GetArraySize(outcomes), VERDICT_COUNT);
	for (int v = 0; v < VERDICT_COUNT; v++) {
		const struct decide_ledger *l = &o->ledgers[v];
		const cJSON *j = cJSON_GetArrayItem(outcomes, v);
		ck_assert_str_eq(json_member(j, "outcome",
		    cJSON_String)->valuestring, rules_verdict_name(v));
		json_member(j, "allowed", l->allowed ? cJSON_True : cJSON_False);
		ck_assert_int_eq(cJSON_GetArraySize(json_member(j, "vetoed_by",
		    cJSON_Array)), (int)l->vetoed_by_count);
		ck_assert_int_eq(cJSON_GetArraySize(json_member(j,
		    "adjustments", cJSON_Array)), (int)l->adjustment_count);
		json_member(j, "adjustments_total", cJSON_Number);
		json_member(j, "success", cJSON_Number);
		ck_assert_int_eq(cJSON_GetArraySize(json_member(j, "options",
		    cJSON_Array)), l->option >= 0 ? 1 : 0);
		if (l->option < 0)
			continue;
		const cJSON *monthly = json_member(j, "monthly", cJSON_Object);
		ck_assert_double_eq_tol(json_member(monthly, "total",
		    cJSON_Number)->valuedouble, l->monthly.total, 0.006);
		ck_assert_double_eq_tol(json_member(j, "effective",
		    cJSON_Number)->valuedouble, l->effective, 0.006);
	}
	json_member(root, "too_close", report->too_close ? cJSON_True :
	    cJSON_False);
	json_member(root, "runner_up", o->runner_up == VERDICT_NONE ?
	    cJSON_NULL : cJSON_String);
	json_member(root, "margin", o->runner_up == VERDICT_NONE ?
	    cJSON_NULL : cJSON_Number);
	const cJSON *files = json_member(root, "rule_files", cJSON_Array);
	ck_assert_int_eq(cJSON_GetArraySize(files),
	    (int)report->rules->file_count);
	const cJSON *file;
	int added = 0;
	cJSON_ArrayForEach(file, files) {
		json_member(file, "file", cJSON_String);
		added += cJSON_GetArraySize(json_member(file, "added",
		    cJSON_Array));
		json_member(file, "disabled", cJSON_Array);
	}
	ck_assert_int_eq(added, (int)report->rules->count);
}

/* The reasons and warnings of the JSON are the rules' own. */
static void
assert_json_outcome(const struct evaluation *report, const cJSON *root)
{
	const struct decision *o = &report->outcome;
	const cJSON *reasons = json_member(root, "reasons", cJSON_Array);
	const cJSON *warnings = json_member(root, "warnings", cJSON_Array);
	size_t warning_count = o->warning_count + o->dropped_count;
	struct buffer text;

	ck_assert_str_eq(json_member(root, "verdict", cJSON_String)->valuestring,
	    rules_verdict_name(o->verdict));
	ck_assert_double_eq_tol(json_member(root, "confidence",
	    cJSON_Number)->valuedouble, report->uncertainty.share[o->verdict],
	    0.005);
	ck_assert_int_eq(cJSON_GetArraySize(reasons), (int)o->reason_count);
	for (size_t i = 0; i < o->reason_count; i++) {
		const cJSON *reason = cJSON_GetArrayItem(reasons, (int)i);
		bool veto = o->reasons[i].line == DECIDE_LINE_VETO;
		json_member(reason, "rule", cJSON_String);
		json_member(reason, "favours", veto ? cJSON_NULL : cJSON_String);
		if (!veto)
			ck_assert(json_member(reason, "weight",
			    cJSON_Number)->valuedouble > 0);
		buffer_init(&text);
		decide_reason_text(report->rules, o, i, report->metrics,
		    I18N_ENGLISH, &text);
		ck_assert_str_eq(json_member(reason, "text",
		    cJSON_String)->valuestring, text.data);
		buffer_free(&text);
	}
	/* The rules' warnings first, then the stale-prices one. */
	ck_assert_int_eq(cJSON_GetArraySize(warnings),
	    (int)warning_count + (report->stale_count > 0));
	for (size_t i = 0; i < warning_count; i++) {
		const cJSON *warning = cJSON_GetArrayItem(warnings, (int)i);
		json_member(warning, "id", cJSON_String);
		buffer_init(&text);
		decide_warning_text(report->rules, o, i, report->metrics,
		    I18N_ENGLISH, &text);
		ck_assert_str_eq(json_member(warning, "text",
		    cJSON_String)->valuestring, text.data);
		buffer_free(&text);
	}
	assert_json_ledgers(report, root);
}

/* Every option with its id, kind and monthly costs; rented GPUs by the
 * hour with their GPU hours, reserved and owned ones with their
 * utilisation, owned ones with their payback. */
static void
assert_json_options(const struct evaluation *report, const cJSON *root)
{
	static const char *const monthly_keys[] = {
		"compute", "engineering", "setup", "hardware", "total"
	};
	const cJSON *options = json_member(root, "options", cJSON_Array);
	char id[256];
	int paybacks = 0;

	ck_assert_int_eq(cJSON_GetArraySize(options), (int)report->cost.count);
	for (size_t i = 0; i < report->cost.count; i++) {
		const struct cost_option *option = &report->cost.options[i];
		const cJSON *j = cJSON_GetArrayItem(options, (int)i);
		report_option_id(option, id, sizeof id);
		ck_assert_str_eq(json_member(j, "id", cJSON_String)->valuestring,
		    id);
		json_member(j, "kind", cJSON_String);
		json_member(j, "comparable", option->comparable ? cJSON_True :
		    cJSON_False);
		const cJSON *monthly = json_member(j, "monthly", cJSON_Object);
		for (size_t k = 0; k < 5; k++)
			json_member(monthly, monthly_keys[k], cJSON_Number);
		ck_assert_double_eq_tol(json_member(monthly, "total",
		    cJSON_Number)->valuedouble, option->monthly.total, 0.005);
		if (option->kind == OPTION_CLOUD_ON_DEMAND)
			json_member(j, "gpu_hours", cJSON_Number);
		if (option->kind == OPTION_CLOUD_24X7 ||
		    option->kind == OPTION_OWNED)
			json_member(j, "utilisation", cJSON_Number);
		if (option->kind == OPTION_OWNED) {
			/* A number with the exact option it is measured
			 * against, or null ("never") with or without one. */
			json_member(j, "payback_months", isnan(
			    option->payback_months) ? cJSON_NULL : cJSON_Number);
			json_member(j, "payback_vs", option->payback_vs < 0 ?
			    cJSON_NULL : cJSON_String);
			json_member(j, "already_owned", option->already_owned ?
			    cJSON_True : cJSON_False);
			paybacks++;
		}
	}
	ck_assert_int_gt(paybacks, 0);
}

START_TEST(test_json_contract)
{
	struct buffer out;
	for (size_t a = 0; a < ANSWERS_COUNT; a++) {
		const struct evaluation *report = render(answers_files[a],
		    REPORT_JSON, &out);
		cJSON *root = cJSON_Parse(out.data);
		ck_assert_msg(root != NULL, "the JSON does not parse near '%.40s'",
		    cJSON_GetErrorPtr());
		ck_assert(cJSON_IsObject(root));
		json_member(root, "date", cJSON_String);
		assert_json_outcome(report, root);
		assert_json_options(report, root);
		const cJSON *breakeven = json_member(root, "breakeven",
		    cJSON_Object);
		json_member(breakeven, "tokens_per_month",
		    isnan(report->breakeven) ? cJSON_NULL : cJSON_Number);
		ck_assert_int_eq(cJSON_GetArraySize(json_member(root,
		    "flip_points", cJSON_Array)), (int)report->flip_count);
		const cJSON *uncertainty = json_member(root, "uncertainty",
		    cJSON_Object);
		ck_assert_double_eq(json_member(uncertainty, "samples",
		    cJSON_Number)->valuedouble, 1000);
		json_member(uncertainty, "share", cJSON_Object);
		const cJSON *assumptions = json_member(root, "assumptions",
		    cJSON_Array);
		ck_assert_int_gt(cJSON_GetArraySize(assumptions), 10);
		const cJSON *assumption;
		cJSON_ArrayForEach(assumption, assumptions) {
			json_member(assumption, "key", cJSON_String);
			json_member(assumption, "source", cJSON_String);
			json_member(assumption, "as_of", cJSON_String);
			json_member(assumption, "verified", cJSON_IsTrue(
			    cJSON_GetObjectItemCaseSensitive(assumption,
			    "verified")) ? cJSON_True : cJSON_False);
			ck_assert_int_eq(cJSON_GetArraySize(json_member(
			    assumption, "range", cJSON_Array)), 2);
		}
		json_member(root, "inputs", cJSON_Object);
		cJSON_Delete(root);
		buffer_free(&out);
	}
}
END_TEST

/* The assumptions a JSON result lists as items built one by one, the
 * way report_json_render built them before it wrote them directly. */
static cJSON *
assumptions_as_items(const struct data *data)
{
	cJSON *list = cJSON_CreateArray();
	for (size_t i = 0; i < data->figure_count; i++) {
		const struct figure *f = data_figure_at(data, i);
		cJSON *a = cJSON_CreateObject();
		cJSON_AddStringToObject(a, "key", f->key);
		cJSON_AddNumberToObject(a, "value", f->value);
		cJSON_AddStringToObject(a, "unit", f->unit);
		cJSON_AddStringToObject(a, "source", f->source);
		cJSON_AddStringToObject(a, "as_of", f->as_of);
		cJSON_AddBoolToObject(a, "verified", f->verified);
		cJSON *range = cJSON_AddArrayToObject(a, "range");
		cJSON_AddItemToArray(range, cJSON_CreateNumber(f->low));
		cJSON_AddItemToArray(range, cJSON_CreateNumber(f->high));
		cJSON_AddStringToObject(a, "file", f->file);
		cJSON_AddItemToArray(list, a);
	}
	return list;
}

/* report_json_assumptions_write writes, byte for byte, what json_print
 * printed for the same list as cJSON items, on the article's data and on
 * the shipped data (test_json_writers_match_items covers escapes and odd
 * numbers). */
START_TEST(test_json_assumptions_written_directly)
{
	struct profile p;
	testutil_profile(&p, "");
	for (int r = 0; r < 2; r++) {
		/* Each call reuses one static evaluation: one at a time. */
		const struct evaluation *report = r == 0 ?
		    testutil_evaluate(&p, 0, false) :
		    testutil_evaluate_shipped(&p, 0);
		struct buffer items, direct;
		char *why = NULL;
		buffer_init(&items);
		buffer_init(&direct);
		cJSON *root = json_start();
		cJSON_AddItemToObject(root, "assumptions",
		    assumptions_as_items(report->data));
		ck_assert_int_eq(json_print(root, &items, &why), 0);
		root = json_start();
		cJSON_AddItemToObject(root, "assumptions", json_raw_writer(
		    report_json_assumptions_write, report));
		ck_assert_int_eq(json_print(root, &direct, &why), 0);
		ck_assert_uint_gt(items.length, 10000);
		size_t at = 0;
		while (at < items.length && direct.data[at] == items.data[at])
			at++;
		ck_assert_msg(at == items.length && at == direct.length,
		    "written directly, the list differs at byte %zu: \"%.60s\" "
		    "where the items print \"%.60s\"", at, direct.data + at,
		    items.data + (at < items.length ? at : items.length));
		buffer_free(&items);
		buffer_free(&direct);
	}
}
END_TEST

/* Checks that json_print prints root, an object with one member, as
 * that member written by json_write_* (member) inside the braces. */
static void
assert_written_as_printed(cJSON *root, const struct buffer *member)
{
	struct buffer items, direct;
	char *why = NULL;
	buffer_init(&items);
	buffer_init(&direct);
	ck_assert_int_eq(json_print(root, &items, &why), 0);
	json_write_text(&direct, "{\n");
	json_write_text(&direct, member->data);
	json_write_text(&direct, "\n}\n");
	ck_assert_str_eq(direct.data, items.data);
	buffer_free(&items);
	buffer_free(&direct);
}

/* The number and string writers print what json_print prints for the
 * same values as cJSON items. */
START_TEST(test_json_writers_match_items)
{
	static const double numbers[] = { 0, -0.0, 1, -1, 0.1, 1e-5, 3e-6,
	    123456789012345.0, 1e300, -2147483648.0, 2147483647.0,
	    2147483648.5, 4.4e9, NAN, INFINITY, -INFINITY, 1.0 / 3 };
	static const char *const strings[] = { "", "plain", "quote \" and \\",
	    "tab\tnew\nline\x01", "\xc2\x85 C1 and \xe2\x80\xae bidi",
	    "caf\xc3\xa9" };
	struct buffer member;
	for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
		cJSON *root = json_start();
		cJSON_AddNumberToObject(root, "n", numbers[i]);
		buffer_init(&member);
		json_write_member(&member, 1, "n");
		json_write_number(&member, numbers[i]);
		assert_written_as_printed(root, &member);
		buffer_free(&member);
	}
	for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++) {
		cJSON *root = json_start();
		cJSON_AddStringToObject(root, strings[i], strings[i]);
		buffer_init(&member);
		json_write_member(&member, 1, strings[i]);
		json_write_string(&member, strings[i]);
		assert_written_as_printed(root, &member);
		buffer_free(&member);
	}
}
END_TEST

START_TEST(test_option_ids_unique)
{
	struct buffer out;
	char a[256], b[256];
	const struct evaluation *report = render(NULL, REPORT_TEXT, &out);
	buffer_free(&out);
	for (size_t i = 0; i < report->cost.count; i++) {
		report_option_id(&report->cost.options[i], a, sizeof a);
		for (size_t j = i + 1; j < report->cost.count; j++) {
			report_option_id(&report->cost.options[j], b, sizeof b);
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
	tcase_set_timeout(t, 30);
	tcase_add_test(t, test_text_fits_80_columns);
	tcase_add_test(t, test_markdown_tables);
	tcase_add_test(t, test_human_figures);
	tcase_add_test(t, test_markdown_chart_and_tags);
	tcase_add_test(t, test_json_contract);
	tcase_add_test(t, test_json_assumptions_written_directly);
	tcase_add_test(t, test_json_writers_match_items);
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
