/* import.c - what --import-prices does with a price list: reads it
 * (through import_litellm.c or import_genai.c), maps its entries to our
 * models, writes the new prices.yaml and compares and summarises the
 * result; see import.h.
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
#include "file.h"
#include "import.h"

/* Ranks: lower is better (see the comment at the top). */
#define IMPORT_RANK_PREFIXED	20	/* added for provider/name */
#define IMPORT_RANK_CLAUSE	50	/* a match clause, own provider */
#define IMPORT_RANK_FOREIGN	100	/* an exact name, other provider */

/* ---- Price lists (--import-prices) ------------------------------------
 * LiteLLM's model_prices_and_context_window.json (an object of entries,
 * USD per token) and genai-prices' data.json (a list of providers with
 * their models, USD per million tokens), read into plain import_entry
 * structs.  Fields llmadvisor reads must have the documented type (or be
 * null); everything else is ignored. */

/* A price list may hold far more values than an answers file; the 4 MiB
 * file limit still bounds the memory. */
#define IMPORT_MAX_NODES 2000000

/* Reads a LiteLLM or genai-prices price list (see import.h). */
int
import_parse(struct import_file *file, const char *path,
    const char *text, size_t length, const char *today, char **cause)
{
	static const char *const expected = N_("expected LiteLLM's "
	    "model_prices_and_context_window.json or genai-prices' data.json");
	struct doc doc;
	size_t start = 0;
	int line, column, result = -1;

	if (length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		start = 3;		/* a byte-order mark */
	while (start < length && strchr(" \t\r\n", text[start]) != NULL &&
	    text[start] != '\0')
		start++;
	if (start == length) {
		util_error_at(cause, path, 1, 1, _("file is empty: %s"),
		    _(expected));
		return -1;
	}
	if (text[start] != '{' && text[start] != '[') {
		doc_offset_position(text, start, &line, &column);
		util_error_at(cause, path, line, column,
		    _("unknown price-list format: %s"), _(expected));
		return -1;
	}
	if (doc_parse_json_limit(&doc, path, text, length, IMPORT_MAX_NODES,
	    cause) != 0)
		return -1;
	const struct doc_node *root = doc.root;
	if (root == NULL) {
		util_error_at(cause, path, 1, 1, _("file is empty: %s"),
		    _(expected));
		goto out;
	}
	if (root->type == DOC_MAPPING && import_litellm_recognise(root)) {
		file->format = IMPORT_LITELLM;
		if (import_litellm_read(file, &doc, cause) != 0)
			goto out;
	} else if (root->type == DOC_SEQUENCE && root->count > 0 &&
	    root->items[0].type == DOC_MAPPING &&
	    doc_get(&root->items[0], "models") != NULL) {
		file->format = IMPORT_GENAI;
		if (import_genai_read(file, &doc, today, cause) != 0)
			goto out;
	} else {
		doc_error(cause, &doc, root, false,
		    _("unknown price-list format: %s"), _(expected));
		goto out;
	}
	result = 0;
out:
	/* The entries point into the tree: its memory joins the file's. */
	doc_keep(&doc, &file->arena);
	return result;
}

/* The format's name for people. */
const char *
import_format_name(enum import_format format)
{
	return format == IMPORT_LITELLM ? "LiteLLM" : "genai-prices";
}

/* Reads and parses an imported file (see import.h). */
int
import_read_file(struct import_file *file, const char *path,
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
		import_file_free(file);
		return -1;
	}
	result = doc_check_text(path, text, length, cause);
	if (result == 0)
		result = import_parse(file, file->path, text, length,
		    today, cause);
	free(text);
	if (result != 0)
		import_file_free(file);
	return result;
}

/* Releases what import_read_file allocated. */
void
import_file_free(struct import_file *file)
{
	arena_free(&file->arena);
	file->entries = NULL;
	file->count = 0;
}

/* ASCII case-insensitive equality of the first length bytes. */
static bool
import_equal_ignoring_case(const char *a, const char *b, size_t length)
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
import_clause_matches(const struct import_clause *clause, const char *name)
{
	size_t length = strlen(name), text_length;

	switch (clause->kind) {
	case IMPORT_OR:
		for (size_t i = 0; i < clause->count; i++)
			if (import_clause_matches(&clause->items[i], name))
				return true;
		return false;
	case IMPORT_AND:
		for (size_t i = 0; i < clause->count; i++)
			if (!import_clause_matches(&clause->items[i], name))
				return false;
		return clause->count > 0;
	case IMPORT_REGEX:
		return false;
	default:
		break;
	}
	text_length = strlen(clause->text);
	switch (clause->kind) {
	case IMPORT_EQUALS:
		return length == text_length &&
		    import_equal_ignoring_case(name, clause->text, length);
	case IMPORT_STARTS_WITH:
		return length >= text_length &&
		    import_equal_ignoring_case(name, clause->text, text_length);
	case IMPORT_ENDS_WITH:
		return length >= text_length &&
		    import_equal_ignoring_case(name + length - text_length,
		    clause->text, text_length);
	case IMPORT_CONTAINS:
		for (size_t i = 0; i + text_length <= length; i++)
			if (import_equal_ignoring_case(name + i, clause->text,
			    text_length))
				return true;
		return false;
	default:
		return false;
	}
}

/* 0 when name is the model's id, 1 + i for its alias i, -1 otherwise. */
static int
import_name_rank(const struct model *model, const char *name)
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
import_same_provider(const char *ours, const char *theirs)
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
import_consider(struct import *import, const struct data *data,
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

/* The names an entry goes by: its own, and provider/name when the name
 * does not start with the provider already (names[1] NULL then). */
static void
import_entry_names(const struct import_entry *e, char *prefixed,
    size_t size, const char *names[2])
{
	names[0] = e->name;
	names[1] = NULL;
	if (e->provider != NULL) {
		size_t length = strlen(e->provider);
		if (!(strncmp(e->name, e->provider, length) == 0 &&
		    e->name[length] == '/')) {
			snprintf(prefixed, size, "%s/%s", e->provider, e->name);
			names[1] = prefixed;
		}
	}
}

/* The model whose id or alias names the entry, or NULL. */
static const struct model *
import_named_model(const struct data *data, const struct import_entry *e)
{
	char prefixed[512];
	const char *names[2];
	const struct model *m = NULL;

	import_entry_names(e, prefixed, sizeof prefixed, names);
	for (int k = 0; k < 2 && m == NULL; k++)
		if (names[k] != NULL)
			m = data_find_model(data, names[k]);
	return m;
}

/* Tries name (and provider/name) as a model id or alias. */
static void
import_consider_names(struct import *import, const struct data *data,
    size_t index, bool genai, int *entry_rank)
{
	const struct import_entry *e = &import->file->entries[index];
	char prefixed[512];
	const char *names[2];

	import_entry_names(e, prefixed, sizeof prefixed, names);
	for (int k = 0; k < 2; k++) {
		const struct model *m;
		if (names[k] == NULL ||
		    (m = data_find_model(data, names[k])) == NULL)
			continue;
		int rank = import_name_rank(m, names[k]) +
		    k * IMPORT_RANK_PREFIXED;
		if (genai && !import_same_provider(m->provider, e->provider))
			rank += IMPORT_RANK_FOREIGN;
		import_consider(import, data, index, m, rank, entry_rank);
	}
}

/* genai-prices: the entry's match clause against the names of the
 * models of its own provider. */
static void
import_consider_clause(struct import *import, const struct data *data,
    size_t index, int *entry_rank)
{
	const struct import_entry *e = &import->file->entries[index];
	if (e->match == NULL)
		return;
	for (size_t i = 0; i < data->model_count; i++) {
		const struct model *m = &data->models[i];
		int best = -1;
		if (m->kind == MODEL_OPEN_WEIGHTS ||
		    !import_same_provider(m->provider, e->provider))
			continue;
		for (size_t n = 0; n <= m->alias_count && best < 0; n++) {
			const char *name = n == 0 ? m->id : m->aliases[n - 1];
			const char *slash = strchr(name, '/');
			if (import_clause_matches(e->match, name) ||
			    (slash != NULL &&
			    import_clause_matches(e->match, slash + 1)))
				best = (int)n;
		}
		if (best >= 0)
			import_consider(import, data, index, m,
			    IMPORT_RANK_CLAUSE + best, entry_rank);
	}
}

/* Maps every entry to the data's models (see import.h). */
int
import_map(struct import *import, const struct data *data,
    const struct import_file *file, const char *today, char **cause)
{
	memset(import, 0, sizeof *import);
	import->file = file;
	snprintf(import->today, sizeof import->today, "%s", today);
	import->model_count = data->model_count;
	size_t models = data->model_count ? data->model_count : 1;
	import->chosen = malloc(models * sizeof *import->chosen);
	import->priority = calloc(models, sizeof *import->priority);
	import->changes = calloc(models * DATA_PRICE_COUNT,
	    sizeof *import->changes);
	import->shadowed_by = calloc(models, sizeof *import->shadowed_by);
	import->entry_model = malloc((file->count ? file->count : 1) *
	    sizeof *import->entry_model);
	import->superseded = calloc(file->count ? file->count : 1,
	    sizeof *import->superseded);
	if (import->entry_model == NULL || import->superseded == NULL ||
	    import->chosen == NULL || import->priority == NULL ||
	    import->changes == NULL || import->shadowed_by == NULL) {
		import_free(import);
		util_error(cause, _("out of memory"));
		return -1;
	}
	for (size_t i = 0; i < data->model_count; i++)
		import->chosen[i] = -1;
	for (size_t i = 0; i < file->count; i++) {
		const struct import_entry *e = &file->entries[i];
		int rank = 0;
		import->entry_model[i] = -1;
		switch (e->skip) {
		case IMPORT_PSEUDO:
			import->pseudo++;
			continue;
		case IMPORT_NOT_CHAT:
			import->not_chat++;
			continue;
		case IMPORT_NO_PRICE:
			import->no_price++;
			continue;
		default:
			break;
		}
		import_consider_names(import, data, i,
		    file->format == IMPORT_GENAI, &rank);
		if (file->format == IMPORT_GENAI)
			import_consider_clause(import, data, i, &rank);
	}
	for (size_t i = 0; i < file->count; i++) {
		bool used = false;
		if (file->entries[i].skip != IMPORT_USED)
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

/* The as-of date for undated figures (see import.h). */
int
import_set_as_of(struct import *import, const char *as_of, char **cause)
{
	if (as_of == NULL) {
		import->as_of[0] = '\0';
		return 0;
	}
	if (!data_valid_date(as_of)) {
		util_error(cause, _("--as-of must be a date YYYY-MM-DD, got "
		    "\"%s\""), as_of);
		return -1;
	}
	snprintf(import->as_of, sizeof import->as_of, "%s", as_of);
	return 0;
}

/* Releases what import_map allocated. */
void
import_free(struct import *import)
{
	free(import->entry_model);
	free(import->superseded);
	free(import->chosen);
	free(import->added);
	import->added = NULL;
	free(import->priority);
	free(import->changes);
	free(import->shadowed_by);
	import->entry_model = NULL;
	import->superseded = NULL;
	import->chosen = NULL;
	import->priority = NULL;
	import->changes = NULL;
	import->shadowed_by = NULL;
}

/* An entry's price of one kind (cache write is read, not used). */
static const struct import_value *
import_entry_value(const struct import_entry *e, enum data_price price)
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
import_yaml_string(struct buffer *out, const char *text)
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
import_yaml_figure(struct buffer *out, const char *name,
    const struct figure *f)
{
	buffer_printf(out, "    %s:\n", name);
	buffer_printf_c(out, "      value: %.10g\n", f->value);
	buffer_printf(out, "      unit: %s\n", f->unit);
	buffer_add(out, "      source: ");
	import_yaml_string(out, f->source);
	buffer_printf(out, "\n      as_of: %s\n", f->as_of);
	buffer_printf(out, "      verified: %s\n", f->verified ? "true" : "false");
	buffer_printf_c(out, "      range: [%.10g, %.10g]\n", f->low, f->high);
}

/* An item already in prices.yaml, written back unchanged. */
static void
import_yaml_old_item(struct buffer *out, const struct data_price_item *item)
{
	buffer_add(out, "  - model: ");
	import_yaml_string(out, item->model);
	buffer_add(out, "\n");
	if (item->entry != NULL) {
		buffer_add(out, "    entry: ");
		import_yaml_string(out, item->entry);
		buffer_add(out, "\n");
	}
	if (item->reference != NULL) {
		buffer_add(out, "    reference: ");
		import_yaml_string(out, item->reference);
		buffer_add(out, "\n");
	}
	if (item->deprecation_date != NULL)
		buffer_printf(out, "    deprecation_date: %s\n",
		    item->deprecation_date);
	for (int p = 0; p < DATA_PRICE_COUNT; p++)
		if (item->has[p])
			import_yaml_figure(out, data_price_name((enum data_price)p),
			    &item->prices[p]);
}

/* Widens a new figure's range to hold the range the data had (old may
 * be NULL): an import never narrows a range its authors chose. */
static void
import_widen(struct figure *f, const struct figure *old)
{
	if (old == NULL)
		return;
	if (old->low < f->low)
		f->low = old->low;
	if (old->high > f->high)
		f->high = old->high;
}

/* The as-of date of an entry's prices: the entry's own, the file's,
 * --as-of or IMPORT_UNDATED (see import.h). */
static const char *
import_entry_as_of(const struct import *import, const struct import_entry *e)
{
	return e->prices_checked != NULL ? e->prices_checked :
	    import->file->date != NULL ? import->file->date :
	    import->as_of[0] != '\0' ? import->as_of : IMPORT_UNDATED;
}

/* An entry's price as a figure: range from its low rate to its value,
 * widened to hold old (NULL for none); false when the entry has no such
 * price. */
static bool
import_entry_figure(const struct import *import, const struct import_entry *e,
    enum data_price price, const struct figure *old, struct figure *f)
{
	const struct import_value *v = import_entry_value(e, price);
	if (!v->set)
		return false;
	memset(f, 0, sizeof *f);
	f->value = v->value;
	f->low = v->low < v->value ? v->low : v->value;
	/* A long-context tier is not the top of the normal range: it would
	 * skew every draw upward. */
	f->high = v->value;
	import_widen(f, old);
	f->unit = "USD/Mtok";
	f->source = import->file->base;
	f->as_of = import_entry_as_of(import, e);
	f->verified = true;
	return true;
}

/* A model's new item from its chosen entry. */
static void
import_yaml_new_item(struct buffer *out, const struct import *import,
    const struct model *model, const struct import_entry *e)
{
	buffer_add(out, "  - model: ");
	import_yaml_string(out, model->id);
	buffer_add(out, "\n    entry: ");
	import_yaml_string(out, e->name);
	buffer_add(out, "\n");
	if (e->reference != NULL) {
		buffer_add(out, "    reference: ");
		import_yaml_string(out, e->reference);
		buffer_add(out, "\n");
	}
	if (e->deprecation_date != NULL)
		buffer_printf(out, "    deprecation_date: %s\n",
		    e->deprecation_date);
	for (int p = 0; p < DATA_PRICE_COUNT; p++) {
		struct figure f;
		if (import_entry_figure(import, e, (enum data_price)p,
		    data_model_price(model, (enum data_price)p), &f))
			import_yaml_figure(out,
			    data_price_name((enum data_price)p), &f);
	}
}

/* Picks the entries to add as new models (see import.h). */
int
import_plan_models(struct import *import, const struct data *data,
    char **cause)
{
	const struct import_file *file = import->file;
	import->adding = true;
	import->added = calloc(file->count ? file->count : 1,
	    sizeof *import->added);
	if (import->added == NULL) {
		util_error(cause, _("out of memory"));
		return -1;
	}
	for (size_t i = 0; i < file->count; i++) {
		const struct import_entry *e = &file->entries[i];
		bool repeated = false;
		if (e->skip != IMPORT_USED || import->entry_model[i] >= 0)
			continue;
		/* A model needs both prices; a name is one model. */
		for (size_t j = 0; j < i && !repeated; j++)
			repeated = import->added[j] &&
			    strcmp(file->entries[j].name, e->name) == 0;
		if (!e->input.set || !e->output.set || e->name[0] == '\0' ||
		    repeated || data_find_model(data, e->name) != NULL) {
			import->not_added++;
			continue;
		}
		import->added[i] = true;
		import->added_count++;
	}
	return 0;
}

/* One figure as a YAML flow mapping on one line under an item: the
 * overlay holds thousands of models, kept small. */
static void
import_yaml_flow_figure(struct buffer *out, const char *name,
    const struct figure *f)
{
	buffer_printf(out, "    %s: {value: ", name);
	buffer_printf_c(out, "%.10g", f->value);
	buffer_printf(out, ", unit: %s, source: ", f->unit);
	import_yaml_string(out, f->source);
	buffer_printf(out, ", as_of: %s, verified: %s, range: [", f->as_of,
	    f->verified ? "true" : "false");
	buffer_printf_c(out, "%.10g, %.10g]}\n", f->low, f->high);
}

/* One new model of the overlay from an unmapped entry. */
static void
import_yaml_new_model(struct buffer *out, const struct import *import,
    const struct import_entry *e)
{
	buffer_add(out, "  - id: ");
	import_yaml_string(out, e->name);
	buffer_add(out, "\n    name: ");
	import_yaml_string(out, e->name);
	buffer_add(out, "\n    provider: ");
	import_yaml_string(out, e->provider != NULL && e->provider[0] != '\0' ?
	    e->provider : "unknown");
	buffer_printf(out, "\n    kind: api\n    tier: %s\n", DATA_UNRATED);
	for (int p = 0; p < DATA_PRICE_COUNT; p++) {
		struct figure f;
		if (import_entry_figure(import, e, (enum data_price)p, NULL, &f))
			import_yaml_flow_figure(out,
			    data_price_name((enum data_price)p), &f);
	}
}

/* The new models overlay (see import.h). */
int
import_render_overlay(const struct import *import, const char *existing_text,
    struct buffer *out, char **cause)
{
	const struct import_file *file = import->file;
	bool has_list = false;
	if (existing_text != NULL) {
		/* Our own file: its "models:" list ends the text. */
		for (const char *line = existing_text; line != NULL && *line;
		    line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL)
			if (strncmp(line, "models:", 7) == 0)
				has_list = true;
		buffer_add(out, existing_text);
		if (out->length > 0 && out->data[out->length - 1] != '\n')
			buffer_add_char(out, '\n');
	}
	if (!has_list) {
		buffer_printf(out, "# %s - models an import added, laid beside "
		    "models.yaml; written by\n# llmadvisor --import-prices (a new "
		    "import appends, never rewrites). A model\n# marked tier: %s "
		    "is listed but never compared: set tier: small, large\n# or "
		    "frontier to compare it. See llmadvisor(1).\n",
		    DATA_OVERLAY_FILE, DATA_UNRATED);
		buffer_add(out, "models:\n");
	}
	for (size_t i = 0; import->added != NULL && i < file->count; i++)
		if (import->added[i])
			import_yaml_new_model(out, import, &file->entries[i]);
	if (out->failed) {
		util_error(cause, _("out of memory"));
		return -1;
	}
	return 0;
}

/* The new prices.yaml (see import.h). */
int
import_render_yaml(const struct import *import,
    const struct data *data, const char *existing_name,
    const char *existing_text, struct buffer *out, char **cause)
{
	struct arena arena = { 0 };
	struct data_price_item *old = NULL;
	size_t old_count = 0;

	if (existing_text != NULL && data_prices_parse(&arena, existing_name,
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
			import_yaml_new_item(out, import, m,
			    &import->file->entries[import->chosen[i]]);
			continue;
		}
		for (size_t j = 0; j < old_count; j++) {
			if (data_find_model(data, old[j].model) == m) {
				import_yaml_old_item(out, &old[j]);
				break;
			}
		}
	}
	/* Items for models this data does not have stay, for another
	 * models.yaml. */
	for (size_t j = 0; j < old_count; j++)
		if (data_find_model(data, old[j].model) == NULL)
			import_yaml_old_item(out, &old[j]);
	arena_free(&arena);
	if (out->failed) {
		util_error(cause, _("out of memory"));
		return -1;
	}
	return 0;
}

/* True when two prices are the same to ten digits. */
static bool
import_same(double a, double b)
{
	return fabs(a - b) <= 1e-10 * (fabs(a) > fabs(b) ? fabs(a) : fabs(b));
}

/* Records what changed between two loads of the same models (see
 * import.h). */
void
import_compare(struct import *import, const struct data *before,
    const struct data *after, const char *written)
{
	import->change_count = 0;
	/* after may hold more models (those the import added): the same
	 * model is found by its id. */
	for (size_t i = 0; i < before->model_count &&
	    i < import->model_count; i++) {
		const struct model *b = &before->models[i];
		const struct model *a = data_find_model(after, b->id);
		if (a == NULL || strcmp(a->id, b->id) != 0)
			continue;
		for (int p = 0; p < DATA_PRICE_COUNT; p++) {
			const struct figure *fb = data_model_price(b,
			    (enum data_price)p);
			const struct figure *fa = data_model_price(a,
			    (enum data_price)p);
			struct import_change *c;
			enum import_change_kind kind;
			if (fb == NULL && fa == NULL)
				continue;
			if (fb != NULL && fa != NULL)
				kind = import_same(fb->value, fa->value) ?
				    IMPORT_UNCHANGED : IMPORT_CHANGED;
			else
				kind = fa != NULL ? IMPORT_NEW : IMPORT_DROPPED;
			if (kind == IMPORT_UNCHANGED && import->chosen[i] < 0)
				continue;
			c = &import->changes[import->change_count++];
			c->model = i;
			c->price = (enum data_price)p;
			c->kind = kind;
			c->before = fb ? fb->value : NAN;
			c->after = fa ? fa->value : NAN;
			/* An imported price another prices.yaml overrides. */
			if (import->chosen[i] >= 0 &&
			    import_entry_value(&import->file->entries[
			    import->chosen[i]], (enum data_price)p)->set &&
			    fa != NULL && !util_streq(fa->file, written))
				import->shadowed_by[i][p] = fa->file;
		}
	}
}

/* "$0.30", "$0.075": cents, or as many digits as the price has. */
static void
import_money(char *out, size_t size, double usd)
{
	if (fabs(usd * 100 - round(usd * 100)) < 1e-7)
		util_snprintf_c(out, size, "$%.2f", usd);
	else
		util_snprintf_c(out, size, "$%.6g", usd);
}

/* A price's short name for people. */
static const char *
import_label(enum data_price price)
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
import_summary_kind(const struct import *import,
    const struct data *data, enum import_change_kind kind,
    struct buffer *out)
{
	size_t lines = 0;
	for (size_t m = 0; m < data->model_count; m++) {
		bool first = true;
		for (size_t i = 0; i < import->change_count; i++) {
			const struct import_change *c = &import->changes[i];
			char before[32], after[32];
			if (c->model != m || c->kind != kind)
				continue;
			if (first)
				buffer_printf(out, "  %s (%s): ",
				    data->models[m].name, data->models[m].id);
			else
				buffer_add(out, ", ");
			first = false;
			import_money(before, sizeof before, c->before);
			import_money(after, sizeof after, c->after);
			if (kind == IMPORT_CHANGED)
				/* TRANSLATORS: "input $3.00 → $2.50" */
				buffer_printf(out, _("%s %s → %s"),
				    import_label(c->price), before, after);
			else if (kind == IMPORT_NEW)
				buffer_printf(out, "%s %s", import_label(c->price),
				    after);
			else
				buffer_printf(out, _("%s (was %s)"),
				    import_label(c->price), before);
		}
		if (!first) {
			buffer_add(out, "\n");
			lines++;
		}
	}
	return lines;
}

/* The summary's prices that changed, are new or are dropped, and how
 * many stayed. */
static void
import_summary_changes(const struct import *import, const struct data *data,
    const char *written, struct buffer *out)
{
	size_t unchanged = 0;
	struct buffer part;

	for (size_t i = 0; i < import->change_count; i++)
		unchanged += import->changes[i].kind == IMPORT_UNCHANGED;
	buffer_init(&part);
	if (import_summary_kind(import, data, IMPORT_CHANGED, &part) > 0)
		buffer_printf(out, "%s\n%s", _("Changed, in USD per million "
		    "tokens:"), part.data);
	buffer_free(&part);
	buffer_init(&part);
	if (import_summary_kind(import, data, IMPORT_NEW, &part) > 0)
		buffer_printf(out, "%s\n%s", _("New, in USD per million tokens:"),
		    part.data);
	buffer_free(&part);
	buffer_init(&part);
	if (import_summary_kind(import, data, IMPORT_DROPPED, &part) > 0)
		buffer_printf(out, "%s\n%s", _("No longer priced (the import "
		    "has no such price and neither has models.yaml):"),
		    part.data);
	buffer_free(&part);
	if (written != NULL)
		buffer_printf(out, ngettext_("Unchanged: %zu price.\n",
		    "Unchanged: %zu prices.\n", unchanged), unchanged);
}

/* A skipped entry that a model's id or alias names, with the reason it
 * gives that model no price. */
static void
import_summary_skipped(const struct import_entry *e, const struct data *data,
    struct buffer *out)
{
	const struct model *m;
	if (e->skip == IMPORT_USED || e->skip == IMPORT_PSEUDO ||
	    (m = import_named_model(data, e)) == NULL)
		return;
	if (e->skip == IMPORT_NOT_CHAT)
		buffer_printf(out, _("  %s (line %d) names %s but is not for "
		    "chat (mode %s)\n"), e->name, e->line, m->id,
		    e->mode != NULL ? e->mode : "?");
	else
		buffer_printf(out, _("  %s (line %d) names %s but has no input "
		    "or output price\n"), e->name, e->line, m->id);
}

/* The summary's entries that gave no price: superseded, not mapped,
 * skipped (names when verbose). */
static void
import_summary_unused(const struct import *import, const struct data *data,
    bool verbose, struct buffer *out)
{
	const struct import_file *file = import->file;

	if (import->superseded_count > 0) {
		buffer_printf(out, ngettext_("Superseded: %zu entry named a model "
		    "that a better-matching entry priced",
		    "Superseded: %zu entries named a model that a "
		    "better-matching entry priced", import->superseded_count),
		    import->superseded_count);
		buffer_add(out, verbose ? ":\n" : _(" (-v names them).\n"));
		for (size_t i = 0; verbose && i < file->count; i++) {
			const struct import_entry *e = &file->entries[i];
			long m = import->entry_model[i];
			if (!import->superseded[i])
				continue;
			buffer_printf(out, _("  %s (line %d): %s takes the prices "
			    "of %s instead\n"), e->name, e->line,
			    data->models[m].id,
			    file->entries[import->chosen[m]].name);
		}
	}
	size_t unmapped = import->unmapped - import->added_count;
	buffer_printf(out, ngettext_("Not mapped: %zu entry", "Not mapped: %zu "
	    "entries", unmapped), unmapped);
	if (unmapped > 0)
		buffer_add(out, verbose ? _(" (no model id or alias in "
		    "models.yaml matches them):\n") : _(" (-v lists them).\n"));
	else
		buffer_add(out, ".\n");
	if (unmapped > 0 && import->adding && import->not_added > 0)
		buffer_printf(out, _("  (not added as models: they lack an "
		    "input or an output price, or repeat a name)\n"));
	else if (unmapped > 0 && !import->adding)
		buffer_printf(out, _("  (not added as models: "
		    "--no-new-models)\n"));
	for (size_t i = 0; verbose && i < file->count; i++) {
		const struct import_entry *e = &file->entries[i];
		if (e->skip != IMPORT_USED || import->entry_model[i] >= 0 ||
		    (import->added != NULL && import->added[i]))
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
	for (size_t i = 0; verbose && i < file->count; i++)
		import_summary_skipped(&file->entries[i], data, out);
}

/* The summary's new models: how many, where, how to rate them (their
 * names when verbose). */
static void
import_summary_added(const struct import *import, const char *overlay,
    bool verbose, struct buffer *out)
{
	const struct import_file *file = import->file;
	if (import->added_count == 0 || overlay == NULL)
		return;
	buffer_printf(out, ngettext_("Added %zu new model to %s, unrated: it "
	    "is not compared until you set its tier there (tier: small, large "
	    "or frontier)",
	    "Added %zu new models to %s, unrated: they are not compared until "
	    "you set a tier there (tier: small, large or frontier)",
	    import->added_count), import->added_count, overlay);
	buffer_add(out, verbose ? ":\n" : _(" (-v names them).\n"));
	for (size_t i = 0; verbose && i < file->count; i++) {
		const struct import_entry *e = &file->entries[i];
		if (!import->added[i])
			continue;
		if (e->provider != NULL)
			buffer_printf(out, "  %s (%s)\n", e->name, e->provider);
		else
			buffer_printf(out, "  %s\n", e->name);
	}
}

/* True when an entry of the file (of any mode, priced or not) names the
 * model, or was mapped to it. */
static bool
import_lists_model(const struct import *import, const struct data *data,
    size_t model)
{
	const struct import_file *file = import->file;
	if (import->chosen[model] >= 0)
		return true;
	for (size_t i = 0; i < file->count; i++) {
		if (file->entries[i].skip == IMPORT_PSEUDO)
			continue;
		if (import->entry_model[i] == (long)model ||
		    import_named_model(data, &file->entries[i]) ==
		    &data->models[model])
			return true;
	}
	return false;
}

/* True when the file has a priced entry of the model's provider: then a
 * model it does not list is worth a look. */
static bool
import_covers_provider(const struct import *import, const struct model *m)
{
	const struct import_file *file = import->file;
	for (size_t i = 0; i < file->count; i++)
		if (file->entries[i].skip == IMPORT_USED &&
		    import_same_provider(m->provider, file->entries[i].provider))
			return true;
	return false;
}

/* The summary's built-in models (models.yaml, not an overlay) of a
 * provider the file covers that no entry of the file lists any more:
 * possibly retired. */
static void
import_summary_retired(const struct import *import, const struct data *data,
    struct buffer *out)
{
	bool first = true;
	for (size_t m = 0; m < data->model_count && m < import->model_count;
	    m++) {
		const struct model *model = &data->models[m];
		if (model->kind == MODEL_OPEN_WEIGHTS ||
		    !util_streq(model->file, data->models_file) ||
		    !import_covers_provider(import, model) ||
		    import_lists_model(import, data, m))
			continue;
		if (first)
			buffer_printf(out, _("Possibly retired (%s lists other "
			    "models of their provider, not these):\n"),
			    import->file->base);
		first = false;
		buffer_printf(out, "  %s (%s)\n", model->name, model->id);
	}
}

/* The summary's notes per model: deprecations, coming price changes,
 * prices a nearer prices.yaml still sets. */
static void
import_summary_notes(const struct import *import, const struct data *data,
    struct buffer *out)
{
	const struct import_file *file = import->file;

	for (size_t m = 0; m < data->model_count; m++) {
		const struct import_entry *e;
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
				    import_label((enum data_price)p),
				    data->models[m].name);
	}
}

/* The import's report for people (see import.h). */
void
import_summary(const struct import *import, const struct data *data,
    const char *written, const char *overlay, bool verbose,
    struct buffer *out)
{
	const struct import_file *file = import->file;
	size_t models = 0, start = out->length;

	for (size_t i = 0; i < data->model_count; i++)
		models += import->chosen[i] >= 0;
	buffer_printf(out, ngettext_("Read %zu entry from %s (%s format).\n",
	    "Read %zu entries from %s (%s format).\n", file->count),
	    file->count, file->base, import_format_name(file->format));
	if (written == NULL && overlay == NULL)
		buffer_printf(out, _("Nothing written: no entry maps to a model "
		    "of %s.\n"), data->models_file);
	else if (written == NULL)
		buffer_printf(out, _("Prices of no model written: no entry maps "
		    "to a model of %s.\n"), data->models_file);
	else
		buffer_printf(out, ngettext_("Wrote %s: prices of %zu model.\n",
		    "Wrote %s: prices of %zu models.\n", models), written,
		    models);

	import_summary_changes(import, data, written, out);
	import_summary_unused(import, data, verbose, out);
	import_summary_added(import, overlay, verbose, out);
	import_summary_retired(import, data, out);
	import_summary_notes(import, data, out);
	/* Entry names come from a downloaded price list. */
	buffer_escape_controls(out, start);
}

