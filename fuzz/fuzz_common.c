/* fuzz_common.c - helpers shared by the harnesses (see fuzz.h). */
#include "config.h"

#include <cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cost.h"
#include "fuzz.h"
#include "doc.h"

/* Copies the input and ends it with a NUL, as file_read does. */
char *
fuzz_text(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	if (text == NULL)
		fuzz_fail("out of memory copying %zu bytes", size);
	if (size > 0)
		memcpy(text, data, size);
	text[size] = '\0';
	return text;
}

/* Finds a data file compiled into the program. */
const char *
fuzz_embedded(const char *name)
{
	for (size_t i = 0; i < paths_embedded_file_count; i++)
		if (strcmp(paths_embedded_files[i].name, name) == 0)
			return paths_embedded_files[i].text;
	fuzz_fail("no embedded %s", name);
}

/* The repository's data, loaded once. */
const struct data *
fuzz_data(void)
{
	static struct data data;
	static bool loaded;
	char *cause = NULL;

	if (!loaded) {
		if (data_load_texts(&data, "models.yaml",
		    fuzz_embedded("models.yaml"), "gpus.yaml",
		    fuzz_embedded("gpus.yaml"), "defaults.yaml",
		    fuzz_embedded("defaults.yaml"), &cause) != 0)
			fuzz_fail("cannot load the data: %s", cause);
		loaded = true;
	}
	return &data;
}

/* The repository's rules, loaded once. */
const struct rules *
fuzz_rules(void)
{
	static struct rules rules;
	static bool loaded;
	char *cause = NULL;

	if (!loaded) {
		rules_init(&rules);
		if (rules_load_text(&rules, "rules.yaml",
		    fuzz_embedded("rules.yaml"), &cause) != 0)
			fuzz_fail("cannot load the rules: %s", cause);
		loaded = true;
	}
	return &rules;
}

/* Numbers that break careless arithmetic and formatting. */
void
fuzz_values(double *values, size_t count, unsigned seed)
{
	static const double awkward[] = {
		0, -0.0, 1, -1, 0.5, 2, 3, 7, 1e6, 1e13, -1e13, 1e300, -1e300,
		1e-300, 4.9e-324, 1.7976931348623157e308, INFINITY, -INFINITY,
		NAN, 0.3, 12, 100, 2.5e9, -0.5,
	};
	const size_t n = sizeof awkward / sizeof awkward[0];

	for (size_t i = 0; i < count; i++)
		values[i] = awkward[(seed + i * 7 + (i >> 3) * seed) % n];
}

/* Renders one evaluation in every format; the JSON must parse back. */
void
fuzz_report(const struct data *data, const struct rules *rules,
    const struct profile *profile, bool flip_points)
{
	static struct evaluation report;
	struct evaluate_settings settings;
	struct cost_scenario scenario;
	struct buffer text;
	char *cause = NULL;

	evaluate_settings_default(&settings);
	settings.samples = 16;
	settings.flip_points = flip_points;
	cost_scenario_default(&scenario);
	evaluate_run(&report, data, rules, profile, &scenario, &settings);
	buffer_init(&text);
	report_render_text(&report, I18N_TRANSLATED, &text);
	report_render_markdown(&report, I18N_TRANSLATED, &text);
	buffer_free(&text);
	if (report_json_render(&report, &text, &cause) != 0)
		fuzz_fail("cannot render JSON: %s", cause);
	if (text.failed)
		fuzz_fail("out of memory rendering");
	cJSON *json = cJSON_Parse(text.data);
	if (json == NULL)
		fuzz_fail("the JSON result does not parse:\n%s", text.data);
	cJSON_Delete(json);
	buffer_free(&text);
}

/* FNV-1a over the input (see fuzz.h). */
uint32_t
fuzz_hash(const uint8_t *data, size_t size)
{
	uint32_t hash = 2166136261u;
	for (size_t i = 0; i < size; i++)
		hash = (hash ^ data[i]) * 16777619u;
	return hash;
}

/* A failed compile has a message and an offset inside the text. */
void
fuzz_compile_failure(const void *result, const char *cause, size_t offset,
    const char *text)
{
	if (result != NULL || cause == NULL)
		fuzz_fail("a failure without a message");
	if (offset > strlen(text))
		fuzz_fail("error offset %zu past the end (%zu): %s", offset,
		    strlen(text), cause);
}

/* True when message is about prefix: "prefix:..." */
bool
fuzz_names(const char *message, const char *prefix)
{
	size_t length = strlen(prefix);
	return message != NULL && strncmp(message, prefix, length) == 0 &&
	    message[length] == ':';
}

/* Reports a broken invariant and aborts. */
void
fuzz_fail(const char *format, ...)
{
	va_list args;
	fputs("fuzz: ", stderr);
	va_start(args, format);
	vfprintf(stderr, format, args);
	va_end(args);
	fputc('\n', stderr);
	abort();
}
