/* import_genai.c - reads pydantic/genai-prices' data.json (a list of
 * providers with their models, USD per million tokens) into import
 * entries. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "import.h"

/* genai-prices: a match clause ({"equals": ...}, {"or": [...]}, ...). */
static int
import_genai_clause(struct arena *arena, const struct doc *doc,
    const struct doc_node *node, const char *entry,
    struct import_clause *clause, char **cause)
{
	static const char *const names[] = {
		"equals", "starts_with", "ends_with", "contains", "regex", "or",
		"and", NULL
	};
	char got[64];
	int kind = -1;

	memset(clause, 0, sizeof *clause);
	if (node->type != DOC_MAPPING || node->count != 1) {
		import_field_describe(got, sizeof got, node);
		doc_error(cause, doc, node, false, _("match of '%s' must be an "
		    "object with one of equals, starts_with, ends_with, "
		    "contains, regex, or, and; got %s"), entry,
		    node->type == DOC_MAPPING ? _("another object") : got);
		return -1;
	}
	const struct doc_node *part = &node->items[0];
	for (int i = 0; names[i] != NULL; i++)
		if (strcmp(part->key, names[i]) == 0)
			kind = i;
	if (kind < 0) {
		doc_error(cause, doc, part, true,
		    _("unknown match clause '%s' in '%s'"), part->key, entry);
		return -1;
	}
	clause->kind = (enum import_clause_kind)kind;
	if (clause->kind == IMPORT_OR || clause->kind == IMPORT_AND) {
		if (part->type != DOC_SEQUENCE) {
			import_field_describe(got, sizeof got, part);
			doc_error(cause, doc, part, false,
			    _("%s of '%s' must be a list of clauses, got %s"),
			    part->key, entry, got);
			return -1;
		}
		if (part->count > 0) {
			clause->items = arena_alloc(arena,
			    part->count * sizeof *clause->items);
			if (clause->items == NULL) {
				util_error(cause, _("out of memory"));
				return -1;
			}
		}
		for (size_t i = 0; i < part->count; i++)
			if (import_genai_clause(arena, doc, &part->items[i], entry,
			    &clause->items[i], cause) != 0)
				return -1;
		clause->count = part->count;
		return 0;
	}
	if (part->type != DOC_SCALAR || !part->quoted) {
		import_field_describe(got, sizeof got, part);
		doc_error(cause, doc, part, false,
		    _("%s of '%s' must be a string, got %s"), part->key, entry,
		    got);
		return -1;
	}
	clause->text = part->scalar;
	return 0;
}

/* genai-prices: one price, a number or {"base": n, "tiers": [...]}. */
static int
import_genai_value(const struct doc *doc, const struct doc_node *prices,
    const char *field, const char *entry, struct import_value *price,
    char **cause)
{
	const struct doc_node *node = doc_get(prices, field), *part;
	double value;
	bool set;
	char got[64];

	memset(price, 0, sizeof *price);
	if (node == NULL)
		return 0;
	if (node->type != DOC_MAPPING) {
		if (import_field_number(doc, node, field, entry, &value, &set,
		    cause) != 0)
			return -1;
		if (set) {
			price->set = true;
			price->value = price->low = price->high =
			    import_field_significant(value);
		}
		return 0;
	}
	part = doc_get(node, "base");
	if (part == NULL || doc_get(node, "tiers") == NULL ||
	    doc_get(node, "tiers")->type != DOC_SEQUENCE) {
		doc_error(cause, doc, node, false, _("%s of '%s' must be a "
		    "number or an object with base and a list of tiers"), field,
		    entry);
		return -1;
	}
	if (import_field_number(doc, part, "base", entry, &value, &set,
	    cause) != 0)
		return -1;
	if (!set) {
		import_field_describe(got, sizeof got, part);
		doc_error(cause, doc, part, false,
		    _("%s of '%s' must be a number or null, got %s"), "base",
		    entry, got);
		return -1;
	}
	price->set = true;
	price->value = price->low = price->high =
	    import_field_significant(value);
	part = doc_get(node, "tiers");
	for (size_t i = 0; i < part->count; i++) {
		const struct doc_node *tier = &part->items[i];
		const struct doc_node *tier_price = tier->type == DOC_MAPPING ?
		    doc_get(tier, "price") : NULL;
		if (tier_price == NULL) {
			doc_error(cause, doc, tier, false, _("a tier of %s of "
			    "'%s' must be an object with start and price"), field,
			    entry);
			return -1;
		}
		if (import_field_number(doc, tier_price, "price", entry, &value,
		    &set, cause) != 0)
			return -1;
		if (set && import_field_significant(value) > price->high)
			price->high = import_field_significant(value);
	}
	return 0;
}

/* genai-prices: a ModelPrice object into the entry's prices. */
static int
import_genai_model_price(const struct doc *doc, const struct doc_node *node,
    struct import_entry *e, char **cause)
{
	char got[64];
	if (node->type != DOC_MAPPING) {
		import_field_describe(got, sizeof got, node);
		doc_error(cause, doc, node, false, _("prices of '%s' must be an "
		    "object or a list of conditional prices, got %s"), e->name,
		    got);
		return -1;
	}
	if (import_genai_value(doc, node, "input_mtok", e->name, &e->input,
	    cause) != 0 ||
	    import_genai_value(doc, node, "output_mtok", e->name, &e->output,
	    cause) != 0 ||
	    import_genai_value(doc, node, "cache_read_mtok", e->name,
	    &e->cache_read, cause) != 0 ||
	    import_genai_value(doc, node, "cache_write_mtok", e->name,
	    &e->cache_write, cause) != 0)
		return -1;
	return 0;
}

/* genai-prices: a time of day "HH:MM:SSZ" as minutes after midnight. */
static int
import_genai_time(const struct doc *doc, const struct doc_node *node,
    const char *entry, int *minutes, char **cause)
{
	int hours, mins, seconds, length = 0;
	if (node == NULL || node->type != DOC_SCALAR || !node->quoted ||
	    sscanf(node->scalar, "%2d:%2d:%2d%n", &hours, &mins, &seconds,
	    &length) != 3 || length != 8 || hours > 23 || mins > 59 ||
	    hours < 0 || mins < 0 ||
	    (node->scalar[8] != '\0' && strcmp(node->scalar + 8, "Z") != 0)) {
		doc_error(cause, doc, node, false, _("the prices of '%s' need "
		    "start_time and end_time as HH:MM:SSZ"), entry);
		return -1;
	}
	*minutes = hours * 60 + mins;
	return 0;
}

/* genai-prices: whether a conditional price applies on today's date.
 * Dated prices apply from their start (*start receives the date);
 * a time-of-day price (DeepSeek's hours) is an alternative to the
 * price in force, and *minutes receives how long it applies a day. */
static int
import_genai_constraint(struct arena *arena, const struct doc *doc,
    const struct doc_node *node, const char *entry, const char *today,
    bool *applies, const char **start, int *minutes, char **cause)
{
	const struct doc_node *part;
	*applies = true;
	*start = NULL;
	*minutes = 0;
	if (node == NULL || (node->type == DOC_SCALAR && node->null))
		return 0;
	if (node->type != DOC_MAPPING) {
		char got[64];
		import_field_describe(got, sizeof got, node);
		doc_error(cause, doc, node, false,
		    _("constraint of '%s' must be an object or null, got %s"),
		    entry, got);
		return -1;
	}
	if ((part = doc_get(node, "start_date")) != NULL ||
	    (part = doc_get(node, "start")) != NULL) {
		if (import_field_date(arena, doc, part, part->key, entry, start,
		    cause) != 0)
			return -1;
		*applies = *start == NULL || strcmp(*start, today) <= 0;
		return 0;
	}
	if (doc_get(node, "start_time") != NULL ||
	    doc_get(node, "end_time") != NULL) {
		int from, to;
		if (import_genai_time(doc, doc_get(node, "start_time"), entry,
		    &from, cause) != 0 ||
		    import_genai_time(doc, doc_get(node, "end_time"), entry, &to,
		    cause) != 0)
			return -1;
		*applies = false;
		*minutes = ((to - from) % 1440 + 1440) % 1440;
		return 0;
	}
	doc_error(cause, doc, node, false, _("unknown constraint in the prices "
	    "of '%s' (expected start_date, or start_time and end_time)"),
	    entry);
	return -1;
}

/* The prices a genai-prices entry reads, in one list. */
static struct import_value *
import_genai_price(struct import_entry *e, int which)
{
	struct import_value *prices[] = {
		&e->input, &e->output, &e->cache_read, &e->cache_write
	};
	return prices[which];
}

/* genai-prices: the time-of-day prices of an entry, beside the price in
 * force (e).  The rate that applies most of the day is the standard one
 * and becomes the value; the lowest (off-peak) rate becomes the low end
 * of the range. */
static int
import_genai_time_of_day(const struct doc *doc, const struct doc_node *node,
    struct import_entry *e, char **cause)
{
	struct import_entry longest = *e, alternative;
	int longest_minutes = -1, total = 0;

	for (size_t i = 0; i < node->count; i++) {
		const struct doc_node *constraint =
		    doc_get(&node->items[i], "constraint");
		int from, to, minutes;
		if (constraint == NULL || constraint->type != DOC_MAPPING ||
		    doc_get(constraint, "start_time") == NULL)
			continue;
		if (import_genai_time(doc, doc_get(constraint, "start_time"),
		    e->name, &from, cause) != 0 ||
		    import_genai_time(doc, doc_get(constraint, "end_time"),
		    e->name, &to, cause) != 0)
			return -1;
		minutes = ((to - from) % 1440 + 1440) % 1440;
		total += minutes;
		alternative = *e;
		if (import_genai_model_price(doc, doc_get(&node->items[i],
		    "prices"), &alternative, cause) != 0)
			return -1;
		if (minutes > longest_minutes) {
			longest_minutes = minutes;
			longest = alternative;
		}
		for (int p = 0; p < 4; p++) {
			struct import_value *v = import_genai_price(e, p);
			const struct import_value *other =
			    import_genai_price(&alternative, p);
			if (v->set && other->set && other->value < v->low)
				v->low = other->value;
		}
	}
	/* The price in force covers the hours no window names. */
	if (longest_minutes <= 1440 - total)
		return 0;
	for (int p = 0; p < 4; p++) {
		struct import_value *v = import_genai_price(e, p);
		const struct import_value *standard =
		    import_genai_price(&longest, p);
		double low = v->set && v->low < standard->low ? v->low :
		    standard->low;
		if (standard->set) {
			*v = *standard;
			v->low = low;
		}
	}
	return 0;
}

/* genai-prices: "prices", one ModelPrice or a list of conditional prices,
 * of which the last dated one that applies today counts (the first when
 * none); time-of-day prices widen it (import_genai_time_of_day). */
static int
import_genai_prices(struct arena *arena, const struct doc *doc,
    const struct doc_node *node, const char *today, struct import_entry *e,
    char **cause)
{
	const struct doc_node *chosen = NULL;
	struct import_entry scratch;
	bool time_of_day = false;

	if (node->type != DOC_SEQUENCE)
		return import_genai_model_price(doc, node, e, cause);
	if (node->count == 0) {
		doc_error(cause, doc, node, false,
		    _("prices of '%s' must not be an empty list"), e->name);
		return -1;
	}
	for (size_t i = 0; i < node->count; i++) {
		const struct doc_node *item = &node->items[i], *prices;
		const char *start;
		bool applies;
		int minutes;
		if (item->type != DOC_MAPPING ||
		    (prices = doc_get(item, "prices")) == NULL) {
			doc_error(cause, doc, item, false, _("a conditional price "
			    "of '%s' must be an object with prices"), e->name);
			return -1;
		}
		/* Every price is checked, the one that applies is kept. */
		scratch = *e;
		if (import_genai_model_price(doc, prices, &scratch, cause) != 0 ||
		    import_genai_constraint(arena, doc, doc_get(item,
		    "constraint"), e->name, today, &applies, &start, &minutes,
		    cause) != 0)
			return -1;
		if (applies)
			chosen = prices;
		if (minutes > 0)
			time_of_day = true;
		if (start != NULL && strcmp(start, today) > 0 &&
		    (e->next_change == NULL || strcmp(start, e->next_change) < 0))
			e->next_change = start;
	}
	if (chosen == NULL)
		chosen = doc_get(&node->items[0], "prices");
	if (import_genai_model_price(doc, chosen, e, cause) != 0)
		return -1;
	return time_of_day ? import_genai_time_of_day(doc, node, e, cause) : 0;
}

/* genai-prices: one model of a provider. */
static int
import_genai_model(struct arena *arena, const struct doc *doc,
    const struct doc_node *node, const char *provider, const char *today,
    struct import_entry *e, char **cause)
{
	const struct doc_node *part;
	char got[64];

	memset(e, 0, sizeof *e);
	e->provider = provider;
	e->line = node->line;
	e->column = node->column;
	e->max_input_tokens = e->max_output_tokens = NAN;
	e->function_calling = -1;
	if (node->type != DOC_MAPPING || (part = doc_get(node, "id")) == NULL ||
	    part->type != DOC_SCALAR || !part->quoted || *part->scalar == '\0') {
		import_field_describe(got, sizeof got, node);
		doc_error(cause, doc, node, false, _("a model of provider '%s' "
		    "must be an object with a text id, got %s"), provider,
		    node->type == DOC_MAPPING ? _("an object without one") : got);
		return -1;
	}
	e->name = part->scalar;
	if ((part = doc_get(node, "match")) != NULL) {
		struct import_clause *clause = arena_alloc(arena, sizeof *clause);
		if (clause == NULL) {
			util_error(cause, _("out of memory"));
			return -1;
		}
		if (import_genai_clause(arena, doc, part, e->name, clause,
		    cause) != 0)
			return -1;
		e->match = clause;
	}
	if ((part = doc_get(node, "prices_checked")) != NULL &&
	    import_field_as_of(arena, doc, part, "prices_checked", e->name,
	    &e->prices_checked, cause) != 0)
		return -1;
	if ((part = doc_get(node, "context_window")) != NULL) {
		double number;
		bool set;
		if (import_field_number(doc, part, "context_window", e->name,
		    &number, &set, cause) != 0)
			return -1;
		if (set)
			e->max_input_tokens = number;
	}
	if ((part = doc_get(node, "deprecated")) != NULL &&
	    !(part->type == DOC_SCALAR && part->null)) {
		if (part->quoted || doc_bool(doc, part, "deprecated",
		    &e->deprecated, cause) != 0) {
			free(*cause);
			*cause = NULL;
			import_field_describe(got, sizeof got, part);
			doc_error(cause, doc, part, false, _("%s of '%s' must be "
			    "true, false or null, got %s"), "deprecated", e->name,
			    got);
			return -1;
		}
	}
	if ((part = doc_get(node, "prices")) == NULL) {
		doc_error(cause, doc, node, false, _("model '%s' has no prices"),
		    e->name);
		return -1;
	}
	if (import_genai_prices(arena, doc, part, today, e, cause) != 0)
		return -1;
	if (!e->input.set && !e->output.set)
		e->skip = IMPORT_NO_PRICE;
	return 0;
}

/* genai-prices: the list of providers. */
int
import_genai_read(struct import_file *file, const struct doc *doc,
    const char *today, char **cause)
{
	const struct doc_node *root = doc->root;
	size_t total = 0;
	char got[64];

	for (size_t i = 0; i < root->count; i++) {
		const struct doc_node *provider = &root->items[i], *part;
		if (provider->type != DOC_MAPPING ||
		    (part = doc_get(provider, "id")) == NULL ||
		    part->type != DOC_SCALAR || !part->quoted) {
			import_field_describe(got, sizeof got, provider);
			doc_error(cause, doc, provider, false, _("a provider must "
			    "be an object with a text id and a list of models, got "
			    "%s"), provider->type == DOC_MAPPING ?
			    _("an object without an id") : got);
			return -1;
		}
		part = doc_get(provider, "models");
		if (part == NULL || part->type != DOC_SEQUENCE) {
			doc_error(cause, doc, part ? part : provider, false,
			    _("models of provider '%s' must be a list"),
			    doc_get(provider, "id")->scalar);
			return -1;
		}
		total += part->count;
	}
	if (total > 0) {
		file->entries = arena_alloc(&file->arena,
		    total * sizeof *file->entries);
		if (file->entries == NULL) {
			util_error(cause, _("out of memory"));
			return -1;
		}
	}
	for (size_t i = 0; i < root->count; i++) {
		const struct doc_node *provider = &root->items[i];
		const struct doc_node *models = doc_get(provider, "models");
		const char *id = doc_get(provider, "id")->scalar;
		for (size_t j = 0; j < models->count; j++)
			if (import_genai_model(&file->arena, doc,
			    &models->items[j], id, today,
			    &file->entries[file->count++], cause) != 0)
				return -1;
	}
	return 0;
}
