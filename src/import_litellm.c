/* import_litellm.c - reads LiteLLM's model_prices_and_context_window.json
 * (an object of entries, USD per token) into import entries. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "import.h"

/* LiteLLM: a per-token price in an object (an entry, or a tier of the
 * entry named name), as USD per million tokens. */
static int
import_litellm_price_in(const struct doc *doc, const struct doc_node *holder,
    const char *name, const char *field, struct import_value *price,
    char **cause)
{
	const struct doc_node *node = doc_get(holder, field);
	double value;
	bool set;
	if (node == NULL)
		return 0;
	if (import_field_number(doc, node, field, name, &value, &set,
	    cause) != 0)
		return -1;
	if (set) {
		price->set = true;
		price->value = price->low = price->high =
		    import_field_significant(value * 1e6);
	}
	return 0;
}

/* LiteLLM: a per-token price of an entry, as USD per million tokens. */
static int
import_litellm_price(const struct doc *doc, const struct doc_node *entry,
    const char *field, struct import_value *price, char **cause)
{
	return import_litellm_price_in(doc, entry, entry->key, field, price,
	    cause);
}

/* LiteLLM: "input_cost_per_token_above_128k_tokens" and the like raise the
 * top of the price's range. */
static int
import_litellm_tiers(const struct doc *doc, const struct doc_node *entry,
    const char *prefix, struct import_value *price, char **cause)
{
	size_t length = strlen(prefix);
	for (size_t i = 0; i < entry->count; i++) {
		const struct doc_node *node = &entry->items[i];
		size_t key_length = strlen(node->key);
		double value;
		bool set;
		if (strncmp(node->key, prefix, length) != 0 ||
		    key_length < length + 7 ||
		    strcmp(node->key + key_length - 7, "_tokens") != 0)
			continue;
		if (import_field_number(doc, node, node->key, entry->key, &value,
		    &set, cause) != 0)
			return -1;
		value = import_field_significant(value * 1e6);
		if (set && price->set && value > price->high)
			price->high = value;
	}
	return 0;
}

/* LiteLLM: "tiered_pricing": [{"input_cost_per_token": ..., "range":
 * [0, 256000]}, {..., "range": [256000, 1000000]}] prices by prompt
 * length.  The tier that starts lowest gives a price the entry does not
 * give itself; every other tier is long context, and only raises the top
 * of its tiers (import_value.high), never the normal range. */
static int
import_litellm_tiered(const struct doc *doc, const struct doc_node *entry,
    struct import_entry *e, char **cause)
{
	static const char *const fields[] = {
		"input_cost_per_token", "output_cost_per_token",
		"cache_read_input_token_cost"
	};
	struct import_value *targets[] = { &e->input, &e->output,
	    &e->cache_read };
	const struct doc_node *list = doc_get(entry, "tiered_pricing");
	size_t base = 0;
	double lowest = INFINITY;

	if (list == NULL || (list->type == DOC_SCALAR && list->null))
		return 0;
	if (list->type != DOC_SEQUENCE) {
		char got[64];
		import_field_describe(got, sizeof got, list);
		doc_error(cause, doc, list, false, _("%s of '%s' must be a list "
		    "or null, got %s"), "tiered_pricing", entry->key, got);
		return -1;
	}
	for (size_t i = 0; i < list->count; i++) {
		const struct doc_node *tier = &list->items[i];
		const struct doc_node *range = tier->type == DOC_MAPPING ?
		    doc_get(tier, "range") : NULL;
		double start = 0;
		bool set = false;
		if (tier->type != DOC_MAPPING) {
			char got[64];
			import_field_describe(got, sizeof got, tier);
			doc_error(cause, doc, tier, false, _("a tier of %s of "
			    "'%s' must be an object, got %s"), "tiered_pricing",
			    entry->key, got);
			return -1;
		}
		if (range != NULL && (range->type != DOC_SEQUENCE ||
		    range->count != 2)) {
			doc_error(cause, doc, range, false, _("range of a tier of "
			    "'%s' must be a list [from, to]"), entry->key);
			return -1;
		}
		if (range != NULL && import_field_number(doc, &range->items[0],
		    "range", entry->key, &start, &set, cause) != 0)
			return -1;
		if (!set)
			start = 0;
		if (start < lowest) {
			lowest = start;
			base = i;
		}
	}
	for (size_t f = 0; f < 3 && list->count > 0; f++) {
		struct import_value tier = { 0 };
		if (import_litellm_price_in(doc, &list->items[base], entry->key,
		    fields[f], &tier, cause) != 0)
			return -1;
		if (tier.set && !targets[f]->set)
			*targets[f] = tier;
	}
	for (size_t i = 0; i < list->count; i++) {
		for (size_t f = 0; f < 3 && i != base; f++) {
			struct import_value tier = { 0 };
			if (import_litellm_price_in(doc, &list->items[i],
			    entry->key, fields[f], &tier, cause) != 0)
				return -1;
			if (tier.set && targets[f]->set &&
			    tier.value > targets[f]->high)
				targets[f]->high = tier.value;
		}
	}
	return 0;
}

/* LiteLLM: one "key": {...} entry. */
static int
import_litellm_entry(struct arena *arena, const struct doc *doc,
    const struct doc_node *node, struct import_entry *e, char **cause)
{
	static const struct {
		const char *field;
		size_t offset;
	} prices[] = {
		{ "input_cost_per_token", offsetof(struct import_entry, input) },
		{ "output_cost_per_token", offsetof(struct import_entry, output) },
		{ "cache_read_input_token_cost",
		  offsetof(struct import_entry, cache_read) },
		{ "cache_creation_input_token_cost",
		  offsetof(struct import_entry, cache_write) },
		{ "input_cost_per_token_batches",
		  offsetof(struct import_entry, batch_input) },
		{ "output_cost_per_token_batches",
		  offsetof(struct import_entry, batch_output) },
	};
	const struct doc_node *part;
	const char *name = node->key;
	double number;
	bool set;

	memset(e, 0, sizeof *e);
	e->name = name;
	e->line = node->key_line;
	e->column = node->key_column;
	e->max_input_tokens = e->max_output_tokens = NAN;
	e->function_calling = -1;
	if (strcmp(name, "sample_spec") == 0 || node->type != DOC_MAPPING) {
		e->skip = IMPORT_PSEUDO;
		return 0;
	}
	if ((part = doc_get(node, "mode")) != NULL &&
	    import_field_string(doc, part, "mode", name, &e->mode, cause) != 0)
		return -1;
	/* "responses": chat through OpenAI's Responses API (codex-mini,
	 * o1-pro), priced per token as chat is. */
	if (e->mode != NULL && strcmp(e->mode, "chat") != 0 &&
	    strcmp(e->mode, "responses") != 0) {
		e->skip = IMPORT_NOT_CHAT;
		return 0;
	}
	if ((part = doc_get(node, "litellm_provider")) != NULL &&
	    import_field_string(doc, part, "litellm_provider", name,
	    &e->provider, cause) != 0)
		return -1;
	for (size_t i = 0; i < sizeof prices / sizeof prices[0]; i++)
		if (import_litellm_price(doc, node, prices[i].field,
		    (struct import_value *)((char *)e + prices[i].offset),
		    cause) != 0)
			return -1;
	/* DeepSeek's entries name the cache-read price this way. */
	if (!e->cache_read.set && import_litellm_price(doc, node,
	    "input_cost_per_token_cache_hit", &e->cache_read, cause) != 0)
		return -1;
	if (import_litellm_tiered(doc, node, e, cause) != 0)
		return -1;
	if (import_litellm_tiers(doc, node, "input_cost_per_token_above_",
	    &e->input, cause) != 0 ||
	    import_litellm_tiers(doc, node, "output_cost_per_token_above_",
	    &e->output, cause) != 0 ||
	    import_litellm_tiers(doc, node, "cache_read_input_token_cost_above_",
	    &e->cache_read, cause) != 0)
		return -1;
	if ((part = doc_get(node, "max_input_tokens")) != NULL) {
		if (import_field_number(doc, part, "max_input_tokens", name,
		    &number, &set, cause) != 0)
			return -1;
		if (set)
			e->max_input_tokens = number;
	}
	if ((part = doc_get(node, "max_output_tokens")) != NULL) {
		if (import_field_number(doc, part, "max_output_tokens", name,
		    &number, &set, cause) != 0)
			return -1;
		if (set)
			e->max_output_tokens = number;
	}
	if ((part = doc_get(node, "deprecation_date")) != NULL &&
	    import_field_date(arena, doc, part, "deprecation_date", name,
	    &e->deprecation_date, cause) != 0)
		return -1;
	if ((part = doc_get(node, "source")) != NULL &&
	    import_field_string(doc, part, "source", name, &e->reference,
	    cause) != 0)
		return -1;
	/* "source": "" names no source: prices.yaml has no empty reference. */
	if (e->reference != NULL && e->reference[0] == '\0')
		e->reference = NULL;
	if ((part = doc_get(node, "supports_function_calling")) != NULL &&
	    !(part->type == DOC_SCALAR && part->null)) {
		bool value = false;
		if (part->quoted ||
		    doc_bool(doc, part, "supports_function_calling", &value,
		    cause) != 0) {
			char got[64];
			free(*cause);
			*cause = NULL;
			import_field_describe(got, sizeof got, part);
			doc_error(cause, doc, part, false, _("%s of '%s' must be "
			    "true, false or null, got %s"),
			    "supports_function_calling", name, got);
			return -1;
		}
		e->function_calling = value;
	}
	if (!e->input.set && !e->output.set)
		e->skip = IMPORT_NO_PRICE;
	return 0;
}

/* True when a member of the object looks like a LiteLLM entry. */
bool
import_litellm_recognise(const struct doc_node *root)
{
	static const char *const fields[] = {
		"litellm_provider", "input_cost_per_token",
		"output_cost_per_token", "mode", NULL
	};
	if (doc_get(root, "sample_spec") != NULL)
		return true;
	for (size_t i = 0; i < root->count; i++) {
		const struct doc_node *entry = &root->items[i];
		if (entry->type != DOC_MAPPING)
			continue;
		for (size_t j = 0; fields[j] != NULL; j++)
			if (doc_get(entry, fields[j]) != NULL)
				return true;
	}
	return false;
}

/* Reads every entry of the root object (see import.h). */
int
import_litellm_read(struct import_file *file, const struct doc *doc,
    char **cause)
{
	const struct doc_node *root = doc->root;
	if (root->count > 0) {
		file->entries = arena_alloc(&file->arena,
		    root->count * sizeof *file->entries);
		if (file->entries == NULL) {
			util_error(cause, _("out of memory"));
			return -1;
		}
	}
	for (size_t i = 0; i < root->count; i++)
		if (import_litellm_entry(&file->arena, doc, &root->items[i],
		    &file->entries[file->count++], cause) != 0)
			return -1;
	/* The table's own date: "last_updated": "2026-07-24T18:23:43...". */
	const struct doc_node *date = doc_get(root, "last_updated");
	if (date != NULL && date->type == DOC_SCALAR &&
	    import_field_as_of(&file->arena, doc, date, "last_updated",
	    file->base, &file->date, cause) != 0)
		return -1;
	return 0;
}
