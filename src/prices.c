/* prices.c - price imports (--import-prices) and data listings
 * (--list-models, --list-gpus); see prices.h.
 *
 * Mapping an imported entry to a model, best first:
 *   LiteLLM       the entry's key, then litellm_provider/key, is a model's
 *                 id or alias (data_find_model); the id beats an alias,
 *                 an earlier alias a later one, the bare key the
 *                 provider-prefixed one.
 *   genai-prices  the model id, or provider/id, is a model's id or alias
 *                 and the provider is the model's own; then the entry's
 *                 match clause (equals, starts_with, ends_with, contains,
 *                 or, and; case-insensitive as genai-prices does; regex is
 *                 never evaluated) matches one of the model's names (or
 *                 the name without its "provider/" prefix) and the
 *                 provider is the model's own; last, an exact name from
 *                 another provider.
 * When several entries map to one model, the best wins and the others
 * are "superseded"; equal ranks go to the first in the file. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "doc.h"
#include "i18n.h"
#include "jsonio.h"
#include "file.h"
#include "prices.h"
#include "report.h"

/* Ranks: lower is better (see the comment at the top). */
#define PRICES_RANK_PREFIXED	20	/* added for provider/name */
#define PRICES_RANK_CLAUSE	50	/* a match clause, own provider */
#define PRICES_RANK_FOREIGN	100	/* an exact name, other provider */

/* The format's name for people. */
const char *
prices_format_name(enum prices_format format)
{
	return format == PRICES_LITELLM ? "LiteLLM" : "genai-prices";
}

/* Reads and parses an imported file (see prices.h). */
int
prices_read_file(struct prices_file *file, const char *path,
    const char *today, char **cause)
{
	char *text;
	size_t length;
	int result;

	memset(file, 0, sizeof *file);
	file->path = arena_strdup(&file->arena, path);
	if (file->path == NULL) {
		util_error(cause, _("out of memory"));
		return -1;
	}
	const char *slash = strrchr(file->path, '/');
	file->base = slash != NULL && slash[1] != '\0' ? slash + 1 : file->path;
	if (file_read(path, &text, &length, cause) != 0) {
		prices_file_free(file);
		return -1;
	}
	result = doc_check_text(path, text, length, cause);
	if (result == 0)
		result = jsonio_parse_prices(file, file->path, text, length,
		    today, cause);
	free(text);
	if (result != 0)
		prices_file_free(file);
	return result;
}

/* Releases what prices_read_file allocated. */
void
prices_file_free(struct prices_file *file)
{
	arena_free(&file->arena);
	file->entries = NULL;
	file->count = 0;
}

/* ASCII case-insensitive equality of the first length bytes. */
static bool
prices_equal_ignoring_case(const char *a, const char *b, size_t length)
{
	for (size_t i = 0; i < length; i++) {
		char x = a[i], y = b[i];
		if (x >= 'A' && x <= 'Z')
			x = (char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (char)(y - 'A' + 'a');
		if (x != y)
			return false;
	}
	return true;
}

/* Evaluates a genai-prices match clause against a name. */
static bool
prices_clause_matches(const struct prices_clause *clause, const char *name)
{
	size_t length = strlen(name), text_length;

	switch (clause->kind) {
	case PRICES_OR:
		for (size_t i = 0; i < clause->count; i++)
			if (prices_clause_matches(&clause->items[i], name))
				return true;
		return false;
	case PRICES_AND:
		for (size_t i = 0; i < clause->count; i++)
			if (!prices_clause_matches(&clause->items[i], name))
				return false;
		return clause->count > 0;
	case PRICES_REGEX:
		return false;
	default:
		break;
	}
	text_length = strlen(clause->text);
	switch (clause->kind) {
	case PRICES_EQUALS:
		return length == text_length &&
		    prices_equal_ignoring_case(name, clause->text, length);
	case PRICES_STARTS_WITH:
		return length >= text_length &&
		    prices_equal_ignoring_case(name, clause->text, text_length);
	case PRICES_ENDS_WITH:
		return length >= text_length &&
		    prices_equal_ignoring_case(name + length - text_length,
		    clause->text, text_length);
	case PRICES_CONTAINS:
		for (size_t i = 0; i + text_length <= length; i++)
			if (prices_equal_ignoring_case(name + i, clause->text,
			    text_length))
				return true;
		return false;
	default:
		return false;
	}
}

/* 0 when name is the model's id, 1 + i for its alias i, -1 otherwise. */
static int
prices_name_rank(const struct model *model, const char *name)
{
	if (strcmp(model->id, name) == 0)
		return 0;
	for (size_t i = 0; i < model->alias_count; i++)
		if (strcmp(model->aliases[i], name) == 0)
			return (int)i + 1;
	return -1;
}

/* A model's provider and an imported provider are the same company:
 * equal, or ours is theirs plus "_..." (together_ai and together). */
static bool
prices_same_provider(const char *ours, const char *theirs)
{
	size_t length;
	if (theirs == NULL)
		return false;
	length = strlen(theirs);
	return strncmp(ours, theirs, length) == 0 &&
	    (ours[length] == '\0' || ours[length] == '_');
}

/* Remembers a candidate (entry, model, rank): the model keeps its best. */
static void
prices_consider(struct prices_import *import, const struct data *data,
    size_t entry, const struct model *model, int rank, int *entry_rank)
{
	size_t index = (size_t)(model - data->models);
	if (model->kind == MODEL_OPEN_WEIGHTS)
		return;
	if (import->chosen[index] < 0 || rank < import->priority[index]) {
		import->chosen[index] = (long)entry;
		import->priority[index] = rank;
	}
	if (import->entry_model[entry] < 0 || rank < *entry_rank) {
		import->entry_model[entry] = (long)index;
		*entry_rank = rank;
	}
}

/* Tries name (and provider/name) as a model id or alias. */
static void
prices_consider_names(struct prices_import *import, const struct data *data,
    size_t index, bool genai, int *entry_rank)
{
	const struct prices_entry *e = &import->file->entries[index];
	char prefixed[512];
	const char *names[2] = { e->name, NULL };

	if (e->provider != NULL) {
		size_t length = strlen(e->provider);
		if (!(strncmp(e->name, e->provider, length) == 0 &&
		    e->name[length] == '/')) {
			snprintf(prefixed, sizeof prefixed, "%s/%s", e->provider,
			    e->name);
			names[1] = prefixed;
		}
	}
	for (int k = 0; k < 2; k++) {
		const struct model *m;
		if (names[k] == NULL ||
		    (m = data_find_model(data, names[k])) == NULL)
			continue;
		int rank = prices_name_rank(m, names[k]) +
		    k * PRICES_RANK_PREFIXED;
		if (genai && !prices_same_provider(m->provider, e->provider))
			rank += PRICES_RANK_FOREIGN;
		prices_consider(import, data, index, m, rank, entry_rank);
	}
}

/* genai-prices: the entry's match clause against the names of the
 * models of its own provider. */
static void
prices_consider_clause(struct prices_import *import, const struct data *data,
    size_t index, int *entry_rank)
{
	const struct prices_entry *e = &import->file->entries[index];
	if (e->match == NULL)
		return;
	for (size_t i = 0; i < data->model_count; i++) {
		const struct model *m = &data->models[i];
		int best = -1;
		if (m->kind == MODEL_OPEN_WEIGHTS ||
		    !prices_same_provider(m->provider, e->provider))
			continue;
		for (size_t n = 0; n <= m->alias_count && best < 0; n++) {
			const char *name = n == 0 ? m->id : m->aliases[n - 1];
			const char *slash = strchr(name, '/');
			if (prices_clause_matches(e->match, name) ||
			    (slash != NULL &&
			    prices_clause_matches(e->match, slash + 1)))
				best = (int)n;
		}
		if (best >= 0)
			prices_consider(import, data, index, m,
			    PRICES_RANK_CLAUSE + best, entry_rank);
	}
}

/* Maps every entry to the data's models (see prices.h). */
int
prices_map(struct prices_import *import, const struct data *data,
    const struct prices_file *file, const char *today, char **cause)
{
	memset(import, 0, sizeof *import);
	import->file = file;
	snprintf(import->today, sizeof import->today, "%s", today);
	for (size_t i = 0; i < DATA_MAX_MODELS; i++)
		import->chosen[i] = -1;
	import->entry_model = malloc((file->count ? file->count : 1) *
	    sizeof *import->entry_model);
	import->superseded = calloc(file->count ? file->count : 1,
	    sizeof *import->superseded);
	if (import->entry_model == NULL || import->superseded == NULL) {
		prices_import_free(import);
		util_error(cause, _("out of memory"));
		return -1;
	}
	for (size_t i = 0; i < file->count; i++) {
		const struct prices_entry *e = &file->entries[i];
		int rank = 0;
		import->entry_model[i] = -1;
		switch (e->skip) {
		case PRICES_PSEUDO:
			import->pseudo++;
			continue;
		case PRICES_NOT_CHAT:
			import->not_chat++;
			continue;
		case PRICES_NO_PRICE:
			import->no_price++;
			continue;
		default:
			break;
		}
		prices_consider_names(import, data, i,
		    file->format == PRICES_GENAI, &rank);
		if (file->format == PRICES_GENAI)
			prices_consider_clause(import, data, i, &rank);
	}
	for (size_t i = 0; i < file->count; i++) {
		bool used = false;
		if (file->entries[i].skip != PRICES_USED)
			continue;
		if (import->entry_model[i] < 0) {
			import->unmapped++;
			continue;
		}
		for (size_t m = 0; m < data->model_count; m++)
			if (import->chosen[m] == (long)i)
				used = true;
		if (used) {
			import->mapped++;
		} else {
			import->superseded[i] = true;
			import->superseded_count++;
		}
	}
	return 0;
}

/* Releases what prices_map allocated. */
void
prices_import_free(struct prices_import *import)
{
	free(import->entry_model);
	free(import->superseded);
	import->entry_model = NULL;
	import->superseded = NULL;
}

/* An entry's price of one kind (cache write is read, not used). */
static const struct prices_value *
prices_entry_value(const struct prices_entry *e, enum data_price price)
{
	switch (price) {
	case DATA_PRICE_INPUT: return &e->input;
	case DATA_PRICE_OUTPUT: return &e->output;
	case DATA_PRICE_CACHE_READ: return &e->cache_read;
	case DATA_PRICE_BATCH_INPUT: return &e->batch_input;
	default: return &e->batch_output;
	}
}

/* Appends text as a YAML double-quoted scalar.  Only what YAML calls
 * printable is written as it is; other characters are escaped and bytes
 * that are not UTF-8 become U+FFFD, so the file always reads back. */
static void
prices_yaml_string(struct buffer *out, const char *text)
{
	const unsigned char *p = (const unsigned char *)text;
	buffer_add_char(out, '"');
	while (*p != '\0') {
		unsigned long c;
		size_t n = util_utf8_decode(p, &c);
		if (n == 0) {
			buffer_add(out, "\\uFFFD");
			p++;
			continue;
		}
		bool printable = (c >= 0x20 && c <= 0x7E) || c == 0x85 ||
		    (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
		    (c >= 0x10000 && c <= 0x10FFFF);
		if (c == '"' || c == '\\') {
			buffer_add_char(out, '\\');
			buffer_add_char(out, (char)c);
		} else if (!printable && c <= 0xFF) {
			buffer_printf(out, "\\x%02lX", c);
		} else if (!printable) {
			buffer_printf(out, "\\u%04lX", c);
		} else {
			buffer_add_length(out, (const char *)p, n);
		}
		p += n;
	}
	buffer_add_char(out, '"');
}

/* One figure as a YAML block under an item. */
static void
prices_yaml_figure(struct buffer *out, const char *name,
    const struct figure *f)
{
	buffer_printf(out, "    %s:\n", name);
	buffer_printf_c(out, "      value: %.10g\n", f->value);
	buffer_printf(out, "      unit: %s\n", f->unit);
	buffer_add(out, "      source: ");
	prices_yaml_string(out, f->source);
	buffer_printf(out, "\n      as_of: %s\n", f->as_of);
	buffer_printf(out, "      verified: %s\n", f->verified ? "true" : "false");
	buffer_printf_c(out, "      range: [%.10g, %.10g]\n", f->low, f->high);
}

/* An item already in prices.yaml, written back unchanged. */
static void
prices_yaml_old_item(struct buffer *out, const struct data_price_item *item)
{
	buffer_add(out, "  - model: ");
	prices_yaml_string(out, item->model);
	buffer_add(out, "\n");
	if (item->entry != NULL) {
		buffer_add(out, "    entry: ");
		prices_yaml_string(out, item->entry);
		buffer_add(out, "\n");
	}
	if (item->reference != NULL) {
		buffer_add(out, "    reference: ");
		prices_yaml_string(out, item->reference);
		buffer_add(out, "\n");
	}
	if (item->deprecation_date != NULL)
		buffer_printf(out, "    deprecation_date: %s\n",
		    item->deprecation_date);
	for (int p = 0; p < DATA_PRICE_COUNT; p++)
		if (item->has[p])
			prices_yaml_figure(out, data_price_name((enum data_price)p),
			    &item->prices[p]);
}

/* A model's new item from its chosen entry. */
static void
prices_yaml_new_item(struct buffer *out, const struct prices_import *import,
    const struct model *model, const struct prices_entry *e)
{
	const char *as_of = e->prices_checked ? e->prices_checked :
	    import->today;
	buffer_add(out, "  - model: ");
	prices_yaml_string(out, model->id);
	buffer_add(out, "\n    entry: ");
	prices_yaml_string(out, e->name);
	buffer_add(out, "\n");
	if (e->reference != NULL) {
		buffer_add(out, "    reference: ");
		prices_yaml_string(out, e->reference);
		buffer_add(out, "\n");
	}
	if (e->deprecation_date != NULL)
		buffer_printf(out, "    deprecation_date: %s\n",
		    e->deprecation_date);
	for (int p = 0; p < DATA_PRICE_COUNT; p++) {
		const struct prices_value *v = prices_entry_value(e,
		    (enum data_price)p);
		struct figure f;
		if (!v->set)
			continue;
		memset(&f, 0, sizeof f);
		f.value = v->value;
		f.low = v->value;
		f.high = v->high > v->value ? v->high : v->value;
		f.unit = "USD/Mtok";
		f.source = import->file->base;
		f.as_of = as_of;
		f.verified = true;
		prices_yaml_figure(out, data_price_name((enum data_price)p), &f);
	}
}

/* The new prices.yaml (see prices.h). */
int
prices_render_yaml(const struct prices_import *import,
    const struct data *data, const char *existing_name,
    const char *existing_text, struct buffer *out, char **cause)
{
	struct arena arena = { 0 };
	struct data_price_item *old = NULL;
	size_t old_count = 0;

	if (existing_text != NULL && data_parse_prices(&arena, existing_name,
	    existing_text, &old, &old_count, cause) != 0) {
		arena_free(&arena);
		return -1;
	}
	buffer_add(out, "# prices.yaml - prices laid over models.yaml, model by "
	    "model; written by\n# llmadvisor --import-prices (a new import "
	    "replaces the models it maps and\n# keeps the others). It may be "
	    "edited: every figure needs value, unit,\n# source, as_of, "
	    "verified and range. See llmadvisor(1).\n");
	buffer_add(out, "prices:\n");
	for (size_t i = 0; i < data->model_count; i++) {
		const struct model *m = &data->models[i];
		if (import->chosen[i] >= 0) {
			prices_yaml_new_item(out, import, m,
			    &import->file->entries[import->chosen[i]]);
			continue;
		}
		for (size_t j = 0; j < old_count; j++) {
			if (data_find_model(data, old[j].model) == m) {
				prices_yaml_old_item(out, &old[j]);
				break;
			}
		}
	}
	/* Items for models this data does not have stay, for another
	 * models.yaml. */
	for (size_t j = 0; j < old_count; j++)
		if (data_find_model(data, old[j].model) == NULL)
			prices_yaml_old_item(out, &old[j]);
	arena_free(&arena);
	if (out->failed) {
		util_error(cause, _("out of memory"));
		return -1;
	}
	return 0;
}

/* True when two prices are the same to ten digits. */
static bool
prices_same(double a, double b)
{
	return fabs(a - b) <= 1e-10 * (fabs(a) > fabs(b) ? fabs(a) : fabs(b));
}

/* Records what changed between two loads of the same models (see
 * prices.h). */
void
prices_compare(struct prices_import *import, const struct data *before,
    const struct data *after, const char *written)
{
	import->change_count = 0;
	if (before->model_count != after->model_count)
		return;
	for (size_t i = 0; i < after->model_count; i++) {
		const struct model *b = &before->models[i];
		const struct model *a = &after->models[i];
		if (strcmp(a->id, b->id) != 0)
			continue;
		for (int p = 0; p < DATA_PRICE_COUNT; p++) {
			const struct figure *fb = data_model_price(b,
			    (enum data_price)p);
			const struct figure *fa = data_model_price(a,
			    (enum data_price)p);
			struct prices_change *c;
			enum prices_change_kind kind;
			if (fb == NULL && fa == NULL)
				continue;
			if (fb != NULL && fa != NULL)
				kind = prices_same(fb->value, fa->value) ?
				    PRICES_UNCHANGED : PRICES_CHANGED;
			else
				kind = fa != NULL ? PRICES_NEW : PRICES_DROPPED;
			if (kind == PRICES_UNCHANGED && import->chosen[i] < 0)
				continue;
			c = &import->changes[import->change_count++];
			c->model = i;
			c->price = (enum data_price)p;
			c->kind = kind;
			c->before = fb ? fb->value : NAN;
			c->after = fa ? fa->value : NAN;
			/* An imported price another prices.yaml overrides. */
			if (import->chosen[i] >= 0 &&
			    prices_entry_value(&import->file->entries[
			    import->chosen[i]], (enum data_price)p)->set &&
			    fa != NULL && !util_streq(fa->file, written))
				import->shadowed_by[i][p] = fa->file;
		}
	}
}

/* "$0.30", "$0.075": cents, or as many digits as the price has. */
static void
prices_money(char *out, size_t size, double usd)
{
	if (fabs(usd * 100 - round(usd * 100)) < 1e-7)
		util_snprintf_c(out, size, "$%.2f", usd);
	else
		util_snprintf_c(out, size, "$%.6g", usd);
}

/* A price's short name for people. */
static const char *
prices_label(enum data_price price)
{
	switch (price) {
	case DATA_PRICE_INPUT: return _("input");
	case DATA_PRICE_OUTPUT: return _("output");
	case DATA_PRICE_CACHE_READ: return _("cache read");
	case DATA_PRICE_BATCH_INPUT: return _("batch input");
	default: return _("batch output");
	}
}

/* One line per model for the changes of one kind. */
static size_t
prices_summary_kind(const struct prices_import *import,
    const struct data *data, enum prices_change_kind kind,
    struct buffer *out)
{
	size_t lines = 0;
	for (size_t m = 0; m < data->model_count; m++) {
		bool first = true;
		for (size_t i = 0; i < import->change_count; i++) {
			const struct prices_change *c = &import->changes[i];
			char before[32], after[32];
			if (c->model != m || c->kind != kind)
				continue;
			if (first)
				buffer_printf(out, "  %s (%s): ",
				    data->models[m].name, data->models[m].id);
			else
				buffer_add(out, ", ");
			first = false;
			prices_money(before, sizeof before, c->before);
			prices_money(after, sizeof after, c->after);
			if (kind == PRICES_CHANGED)
				/* TRANSLATORS: "input $3.00 → $2.50" */
				buffer_printf(out, _("%s %s → %s"),
				    prices_label(c->price), before, after);
			else if (kind == PRICES_NEW)
				buffer_printf(out, "%s %s", prices_label(c->price),
				    after);
			else
				buffer_printf(out, _("%s (was %s)"),
				    prices_label(c->price), before);
		}
		if (!first) {
			buffer_add(out, "\n");
			lines++;
		}
	}
	return lines;
}

/* The import's report for people (see prices.h). */
void
prices_summary(const struct prices_import *import, const struct data *data,
    const char *written, bool verbose, struct buffer *out)
{
	const struct prices_file *file = import->file;
	size_t models = 0, unchanged = 0, start = out->length;
	struct buffer part;

	for (size_t i = 0; i < data->model_count; i++)
		models += import->chosen[i] >= 0;
	for (size_t i = 0; i < import->change_count; i++)
		unchanged += import->changes[i].kind == PRICES_UNCHANGED;
	buffer_printf(out, ngettext_("Read %zu entry from %s (%s format).\n",
	    "Read %zu entries from %s (%s format).\n", file->count),
	    file->count, file->base, prices_format_name(file->format));
	if (written == NULL)
		buffer_printf(out, _("Nothing written: no entry maps to a model "
		    "of %s.\n"), data->models_file);
	else
		buffer_printf(out, ngettext_("Wrote %s: prices of %zu model.\n",
		    "Wrote %s: prices of %zu models.\n", models), written,
		    models);

	buffer_init(&part);
	if (prices_summary_kind(import, data, PRICES_CHANGED, &part) > 0)
		buffer_printf(out, "%s\n%s", _("Changed, in USD per million "
		    "tokens:"), part.data);
	buffer_free(&part);
	buffer_init(&part);
	if (prices_summary_kind(import, data, PRICES_NEW, &part) > 0)
		buffer_printf(out, "%s\n%s", _("New, in USD per million tokens:"),
		    part.data);
	buffer_free(&part);
	buffer_init(&part);
	if (prices_summary_kind(import, data, PRICES_DROPPED, &part) > 0)
		buffer_printf(out, "%s\n%s", _("No longer priced (the import "
		    "has no such price and neither has models.yaml):"),
		    part.data);
	buffer_free(&part);
	if (written != NULL)
		buffer_printf(out, ngettext_("Unchanged: %zu price.\n",
		    "Unchanged: %zu prices.\n", unchanged), unchanged);

	if (import->superseded_count > 0) {
		buffer_printf(out, ngettext_("Superseded: %zu entry named a model "
		    "that a better-matching entry priced",
		    "Superseded: %zu entries named a model that a "
		    "better-matching entry priced", import->superseded_count),
		    import->superseded_count);
		buffer_add(out, verbose ? ":\n" : _(" (-v names them).\n"));
		for (size_t i = 0; verbose && i < file->count; i++) {
			const struct prices_entry *e = &file->entries[i];
			long m = import->entry_model[i];
			if (!import->superseded[i])
				continue;
			buffer_printf(out, _("  %s (line %d): %s takes the prices "
			    "of %s instead\n"), e->name, e->line,
			    data->models[m].id,
			    file->entries[import->chosen[m]].name);
		}
	}
	buffer_printf(out, ngettext_("Not mapped: %zu entry", "Not mapped: %zu "
	    "entries", import->unmapped), import->unmapped);
	if (import->unmapped > 0)
		buffer_add(out, verbose ? _(" (no model id or alias in "
		    "models.yaml matches them):\n") : _(" (-v lists them).\n"));
	else
		buffer_add(out, ".\n");
	for (size_t i = 0; verbose && i < file->count; i++) {
		const struct prices_entry *e = &file->entries[i];
		if (e->skip != PRICES_USED || import->entry_model[i] >= 0)
			continue;
		if (e->provider != NULL)
			buffer_printf(out, "  %s (%s)\n", e->name, e->provider);
		else
			buffer_printf(out, "  %s\n", e->name);
	}
	if (import->pseudo + import->not_chat + import->no_price > 0) {
		const char *separator = "";
		buffer_add(out, _("Skipped:"));
		if (import->pseudo > 0) {
			buffer_add(out, " ");
			buffer_printf(out, ngettext_("%zu pseudo-entry (such as "
			    "sample_spec)", "%zu pseudo-entries (such as "
			    "sample_spec)", import->pseudo), import->pseudo);
			separator = ", ";
		}
		if (import->not_chat > 0) {
			buffer_add(out, *separator ? separator : " ");
			buffer_printf(out, ngettext_("%zu entry not for chat",
			    "%zu entries not for chat", import->not_chat),
			    import->not_chat);
			separator = ", ";
		}
		if (import->no_price > 0) {
			buffer_add(out, *separator ? separator : " ");
			buffer_printf(out, ngettext_("%zu entry without an input or "
			    "output price", "%zu entries without an input or output "
			    "price", import->no_price), import->no_price);
		}
		buffer_add(out, ".\n");
	}

	for (size_t m = 0; m < data->model_count; m++) {
		const struct prices_entry *e;
		if (import->chosen[m] < 0)
			continue;
		e = &file->entries[import->chosen[m]];
		if (e->deprecation_date != NULL &&
		    strcmp(e->deprecation_date, import->today) <= 0)
			buffer_printf(out, _("Note: %s says %s (%s) was deprecated "
			    "on %s.\n"), file->base, data->models[m].name,
			    e->name, e->deprecation_date);
		else if (e->deprecation_date != NULL)
			buffer_printf(out, _("Note: %s says %s (%s) will be "
			    "deprecated on %s.\n"), file->base,
			    data->models[m].name, e->name, e->deprecation_date);
		if (e->deprecated)
			buffer_printf(out, _("Note: %s marks %s (%s) as "
			    "deprecated.\n"), file->base, data->models[m].name,
			    e->name);
		if (e->next_change != NULL)
			buffer_printf(out, _("Note: %s lists a new price for %s "
			    "from %s; import again then.\n"), file->base,
			    data->models[m].name, e->next_change);
		for (int p = 0; p < DATA_PRICE_COUNT; p++)
			if (import->shadowed_by[m][p] != NULL)
				buffer_printf(out, _("Note: %s comes first in the "
				    "lookup order and still sets the %s price of "
				    "%s.\n"), import->shadowed_by[m][p],
				    prices_label((enum data_price)p),
				    data->models[m].name);
	}
	/* Entry names come from a downloaded price list. */
	buffer_escape_controls(out, start);
}

/* ---- Listings --------------------------------------------------------- */

/* Where a figure came from (see prices.h). */
const char *
prices_origin(const struct figure *figure, const char *system_dir)
{
	const char *file = figure->file ? figure->file : "";
	const char *slash = strrchr(file, '/');
	size_t length = system_dir ? strlen(system_dir) : 0;
	if (strncmp(file, "(built-in)/", 11) == 0 ||
	    (length > 0 && strncmp(file, system_dir, length) == 0 &&
	    file[length] == '/' && strchr(file + length + 1, '/') == NULL &&
	    strcmp(file + length + 1, "prices.yaml") != 0))
		return "default";
	if (strcmp(slash ? slash + 1 : file, "prices.yaml") == 0)
		return "import";
	return "override";
}

/* Adds one figure to a listing's arrays. */
static void
prices_add_figure(const struct figure *figure, const char *name,
    const struct figure **figures, const char **names, size_t size,
    size_t *n)
{
	if (figure == NULL || *n >= size)
		return;
	figures[*n] = figure;
	names[*n] = name;
	(*n)++;
}

/* A model's figures (see prices.h). */
size_t
prices_model_figures(const struct model *m, const struct figure **figures,
    const char **names, size_t size)
{
	static const char *const sizes[QUANT_COUNT] = {
		"weights_size.fp16", "weights_size.int8", "weights_size.int4"
	};
	size_t n = 0;
	if (m->kind != MODEL_OPEN_WEIGHTS) {
		for (int p = 0; p < DATA_PRICE_COUNT; p++)
			prices_add_figure(data_model_price(m, (enum data_price)p),
			    data_price_name((enum data_price)p), figures, names,
			    size, &n);
		return n;
	}
	prices_add_figure(&m->parameters, "parameters", figures, names, size,
	    &n);
	prices_add_figure(&m->active_parameters, "active_parameters", figures,
	    names, size, &n);
	for (int q = 0; q < QUANT_COUNT; q++)
		if (m->has_weights_size[q])
			prices_add_figure(&m->weights_size[q], sizes[q], figures,
			    names, size, &n);
	prices_add_figure(&m->kv_bytes_per_token, "kv_bytes_per_token",
	    figures, names, size, &n);
	return n;
}

/* A GPU's own figures (see prices.h). */
size_t
prices_gpu_figures(const struct gpu *g, const struct figure **figures,
    const char **names, size_t size)
{
	size_t n = 0;
	prices_add_figure(&g->memory, "memory", figures, names, size, &n);
	if (g->has_cloud_price)
		prices_add_figure(&g->cloud_price, "cloud_price", figures, names,
		    size, &n);
	if (g->has_purchase_price)
		prices_add_figure(&g->purchase_price, "purchase_price", figures,
		    names, size, &n);
	prices_add_figure(&g->power, "power", figures, names, size, &n);
	return n;
}

/* Columns of a listing. */
enum {
	PRICES_COL_FIGURE, PRICES_COL_VALUE, PRICES_COL_UNIT, PRICES_COL_RANGE,
	PRICES_COL_AS_OF, PRICES_COL_VERIFIED, PRICES_COL_CHECK,
	PRICES_COL_ORIGIN, PRICES_COL_FILE, PRICES_COL_SOURCE, PRICES_COLS
};

/* One row: a group line (title set) or a figure's cells. */
struct prices_row {
	char *title;
	char *cells[PRICES_COLS];
};

/* Display width of UTF-8 text (one column per character). */
static size_t
prices_width(const char *text)
{
	size_t width = 0;
	for (const char *p = text; *p != '\0'; p++)
		width += ((unsigned char)*p & 0xC0) != 0x80;
	return width;
}

/* A malloc'd copy of text with runs of white space made one space. */
static char *
prices_one_line(const char *text)
{
	char *copy = malloc(strlen(text) + 1), *o = copy;
	bool space = false;
	if (copy == NULL)
		return NULL;
	for (const char *p = text; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
			space = o != copy;
			continue;
		}
		if (space)
			*o++ = ' ';
		space = false;
		*o++ = *p;
	}
	*o = '\0';
	return copy;
}

/* A malloc'd formatted cell of texts and whole numbers (numbers with a
 * fraction go through prices_number_cell). */
static char *
prices_cell(const char *format, ...)
{
	char text[1024];
	va_list args;
	va_start(args, format);
	vsnprintf(text, sizeof text, format, args);
	va_end(args);
	return strdup(text);
}

/* A malloc'd cell of one or two numbers, printed in the C locale. */
static char *
prices_number_cell(double low, double high, bool range)
{
	char text[96];
	if (range)
		util_snprintf_c(text, sizeof text, "[%g, %g]", low, high);
	else
		util_snprintf_c(text, sizeof text, "%g", low);
	return strdup(text);
}

/* The figure rows of one model or GPU. */
static void
prices_rows(struct prices_row *rows, size_t *n, size_t size,
    const struct figure **figures, const char **names, size_t count,
    time_t now, double months, const char *system_dir)
{
	for (size_t i = 0; i < count && *n < size; i++) {
		const struct figure *f = figures[i];
		struct prices_row *row = &rows[(*n)++];
		bool stale = report_figure_stale(f, now, months);
		memset(row, 0, sizeof *row);
		row->cells[PRICES_COL_FIGURE] = prices_cell("  %s", names[i]);
		row->cells[PRICES_COL_VALUE] = prices_number_cell(f->value, 0,
		    false);
		row->cells[PRICES_COL_UNIT] = strdup(f->unit);
		row->cells[PRICES_COL_RANGE] = prices_number_cell(f->low, f->high,
		    true);
		row->cells[PRICES_COL_AS_OF] = strdup(f->as_of);
		row->cells[PRICES_COL_VERIFIED] = strdup(f->verified ? _("yes") :
		    _("no"));
		row->cells[PRICES_COL_CHECK] = strdup(stale && !f->verified ?
		    _("STALE, UNVERIFIED") : stale ? _("STALE") : !f->verified ?
		    _("UNVERIFIED") : "");
		row->cells[PRICES_COL_ORIGIN] = strdup(prices_origin(f,
		    system_dir));
		row->cells[PRICES_COL_FILE] = prices_cell("%s:%d", f->file,
		    f->line);
		row->cells[PRICES_COL_SOURCE] = prices_one_line(f->source);
	}
}

/* Prints rows as an aligned table and frees them. */
static void
prices_table(struct prices_row *rows, size_t n, struct buffer *out)
{
	const char *heads[PRICES_COLS] = {
		_("FIGURE"), _("VALUE"), _("UNIT"), _("RANGE"), _("AS OF"),
		_("VERIFIED"), _("CHECK"), _("ORIGIN"), _("FILE"), _("SOURCE")
	};
	size_t widths[PRICES_COLS];

	for (int c = 0; c < PRICES_COLS; c++)
		widths[c] = prices_width(heads[c]);
	for (size_t i = 0; i < n; i++)
		for (int c = 0; c < PRICES_COLS; c++)
			if (rows[i].title == NULL && rows[i].cells[c] != NULL &&
			    prices_width(rows[i].cells[c]) > widths[c])
				widths[c] = prices_width(rows[i].cells[c]);
	for (int c = 0; c < PRICES_COLS; c++) {
		buffer_add(out, heads[c]);
		if (c + 1 < PRICES_COLS)
			buffer_add_repeat(out, " ", widths[c] -
			    prices_width(heads[c]) + 2);
	}
	buffer_add(out, "\n");
	for (size_t i = 0; i < n; i++) {
		struct prices_row *row = &rows[i];
		if (row->title != NULL) {
			buffer_printf(out, "%s\n", row->title);
			free(row->title);
			continue;
		}
		/* Trailing empty cells are left out, not padded. */
		int last = PRICES_COLS - 1;
		while (last > 0 && (row->cells[last] == NULL ||
		    *row->cells[last] == '\0'))
			last--;
		for (int c = 0; c <= last; c++) {
			const char *cell = row->cells[c] ? row->cells[c] : "";
			bool right = c == PRICES_COL_VALUE;
			size_t pad = widths[c] - prices_width(cell);
			if (right)
				buffer_add_repeat(out, " ", pad);
			buffer_add(out, cell);
			if (c < last)
				buffer_add_repeat(out, " ", (right ? 0 : pad) + 2);
		}
		buffer_add(out, "\n");
		for (int c = 0; c < PRICES_COLS; c++)
			free(row->cells[c]);
	}
}

/* The legend under a listing. */
static void
prices_legend(const struct data *data, time_t now, struct buffer *out)
{
	char date[16], months[32];
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%Y-%m-%d", &tm);
	util_snprintf_c(months, sizeof months, "%g",
	    data->defaults.stale_months.value);
	buffer_add(out, "\n");
	buffer_printf(out, _("STALE: a price dated more than %s months before "
	    "%s (thresholds.stale_months).\n"), months, date);
	buffer_add(out, _("UNVERIFIED: an estimate, or a number no source we "
	    "read states.\n"));
	buffer_add(out, _("ORIGIN: default = built into llmadvisor or its "
	    "installed data folder; override =\nanother data folder (--data-dir, "
	    "$LLMADVISOR_DATADIR, ~/.config/llmadvisor); import =\na prices.yaml "
	    "(written by --import-prices).\n"));
}

/* Ends a listing begun at byte start of out: the table of n rows (freed
 * here), the legend, and escapes, since names and sources come from data
 * files, which may be anyone's. */
static void
prices_listing_end(const struct data *data, time_t now,
    struct prices_row *rows, size_t n, size_t start, struct buffer *out)
{
	prices_table(rows, n, out);
	free(rows);
	prices_legend(data, now, out);
	buffer_escape_controls(out, start);
}

/* Aligned table of every model's figures (see prices.h). */
void
prices_list_models(const struct data *data, time_t now,
    const char *system_dir, struct buffer *out)
{
	const struct figure *figures[32];
	const char *names[32];
	size_t size = data->model_count * 33 + 1, n = 0;
	struct prices_row *rows = calloc(size, sizeof *rows);
	double months = data->defaults.stale_months.value;
	size_t start = out->length;

	if (rows == NULL) {
		out->failed = true;
		return;
	}
	buffer_printf(out, _("Models in %s"), data->models_file);
	for (size_t i = 0; i < data->prices_file_count; i++)
		buffer_printf(out, i ? ", %s" : _(", with prices from %s"),
		    data->prices_files[i]);
	buffer_add(out, _(" (prices in USD per million tokens)\n\n"));
	for (size_t i = 0; i < data->model_count; i++) {
		const struct model *m = &data->models[i];
		size_t count = prices_model_figures(m, figures, names, 32);
		struct prices_row *row = &rows[n++];
		memset(row, 0, sizeof *row);
		if (m->deprecation_date != NULL)
			row->title = prices_cell(_("%s: %s (%s, %s; deprecated "
			    "%s)"), m->id, m->name, data_model_kind_name(m->kind),
			    m->provider, m->deprecation_date);
		else
			row->title = prices_cell("%s: %s (%s, %s)", m->id, m->name,
			    data_model_kind_name(m->kind), m->provider);
		prices_rows(rows, &n, size, figures, names, count, now, months,
		    system_dir);
	}
	prices_listing_end(data, now, rows, n, start, out);
}

/* Aligned table of every GPU's figures (see prices.h). */
void
prices_list_gpus(const struct data *data, time_t now,
    const char *system_dir, struct buffer *out)
{
	const struct figure *figures[32];
	const char *names[32];
	size_t size = data->gpu_count * 5 + 1, n = 0;
	struct prices_row *rows = calloc(size, sizeof *rows);
	double months = data->defaults.stale_months.value;
	size_t start = out->length;

	if (rows == NULL) {
		out->failed = true;
		return;
	}
	buffer_printf(out, _("GPUs in %s (throughput figures are listed in "
	    "-f markdown reports)\n\n"), data->gpus_file);
	for (size_t i = 0; i < data->gpu_count; i++) {
		const struct gpu *g = &data->gpus[i];
		size_t count = prices_gpu_figures(g, figures, names, 32);
		struct prices_row *row = &rows[n++];
		memset(row, 0, sizeof *row);
		row->title = prices_cell("%s: %s (%s)", g->id, g->name,
		    data_gpu_class_name(g->class));
		prices_rows(rows, &n, size, figures, names, count, now, months,
		    system_dir);
	}
	prices_listing_end(data, now, rows, n, start, out);
}
