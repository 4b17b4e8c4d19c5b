/* data_prices.c - the prices.yaml overlay: reads a prices.yaml (written
 * by --import-prices or by hand) and lays its prices over the models'
 * figures (data_load.c lays the files of every folder, the widest
 * first). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data_private.h"
#include "i18n.h"

/* Reads one item of a prices.yaml list. */
static int
data_prices_item(struct arena *arena, const struct doc *doc,
    const struct doc_node *node, struct data_price_item *item, char **cause)
{
	static const char *const keys[] = {
		"model", "entry", "reference", "deprecation_date",
		"input_price", "output_price", "cache_read_price",
		"batch_input_price", "batch_output_price", NULL
	};
	const struct doc_node *part;
	char prefix[256], key[320];

	memset(item, 0, sizeof *item);
	item->line = node->line;
	item->column = node->column;
	if (doc_expect_keys(doc, node, _("an entry of prices"), keys,
	    cause) != 0 ||
	    data_member_string(doc, node, "model", _("an entry of prices"),
	    &item->model, cause) != 0)
		return -1;
	if ((part = doc_get(node, "entry")) != NULL &&
	    doc_string(doc, part, "entry", &item->entry, cause) != 0)
		return -1;
	if ((part = doc_get(node, "reference")) != NULL &&
	    doc_string(doc, part, "reference", &item->reference, cause) != 0)
		return -1;
	if ((part = doc_get(node, "deprecation_date")) != NULL) {
		if (doc_string(doc, part, "deprecation_date",
		    &item->deprecation_date, cause) != 0)
			return -1;
		if (!data_valid_date(item->deprecation_date)) {
			doc_error(cause, doc, part, false,
			    _("deprecation_date must be a date YYYY-MM-DD, got "
			    "\"%s\""), item->deprecation_date);
			return -1;
		}
	}
	snprintf(prefix, sizeof prefix, "models.%s", item->model);
	bool any = false;
	for (int p = 0; p < DATA_PRICE_COUNT; p++) {
		part = doc_get(node, data_price_name(p));
		if (part == NULL)
			continue;
		util_join_dotted(key, sizeof key, prefix, data_price_name(p));
		if (data_figure_parse(arena, doc, part, key, "USD/Mtok",
		    &item->prices[p], cause) != 0)
			return -1;
		item->has[p] = any = true;
	}
	if (!any) {
		doc_error(cause, doc, node, false, _("%s gives no price"),
		    prefix);
		return -1;
	}
	return 0;
}

/* Parses a prices.yaml into items (see data.h). */
int
data_prices_parse(struct arena *arena, const char *name, const char *text,
    struct data_price_item **items, size_t *count, char **cause)
{
	static const char *const keys[] = { "prices", NULL };
	const struct doc_node *root, *list;
	struct doc doc;
	int result = -1;

	*items = NULL;
	*count = 0;
	if (doc_parse_yaml_named(&doc, arena, name, text, cause) != 0)
		return -1;
	root = doc.root;
	if (root == NULL || (root->type == DOC_SCALAR && root->null)) {
		result = 0;		/* an empty file gives no prices */
		goto out;
	}
	if (doc_expect_keys(&doc, root, doc.path, keys, cause) != 0)
		goto out;
	list = doc_get(root, "prices");
	if (list == NULL) {
		doc_error(cause, &doc, root, false, _("missing '%s:'"), "prices");
		goto out;
	}
	if (list->type == DOC_SCALAR && list->null) {
		result = 0;
		goto out;
	}
	if (list->type != DOC_SEQUENCE) {
		doc_error(cause, &doc, list, false, _("%s must be a list"),
		    "prices");
		goto out;
	}
	if (list->count > 0) {
		*items = arena_alloc(arena, list->count * sizeof **items);
		if (*items == NULL) {
			util_error(cause, _("out of memory"));
			goto out;
		}
	}
	for (size_t i = 0; i < list->count; i++) {
		struct data_price_item *item = &(*items)[i];
		if (data_prices_item(arena, &doc, &list->items[i], item,
		    cause) != 0)
			goto out;
		for (size_t j = 0; j < i; j++) {
			if (strcmp((*items)[j].model, item->model) == 0) {
				doc_error(cause, &doc, doc_get(&list->items[i],
				    "model"), false, _("prices for '%s' are given "
				    "twice (first on line %d)"), item->model,
				    (*items)[j].line);
				goto out;
			}
		}
		(*count)++;
	}
	result = 0;
out:
	/* Items point into the tree: its memory joins the arena. */
	doc_keep(&doc, arena);
	if (result != 0) {
		*items = NULL;
		*count = 0;
	}
	return result;
}

/* Lays one prices.yaml over the models (see data.h). */
int
data_prices_apply(struct data *data, const char *name, const char *text,
    char **cause)
{
	struct data_price_item *items;
	size_t count;
	bool *applied;
	char message[1024], key[320];

	if (data_prices_parse(&data->arena, name, text, &items, &count,
	    cause) != 0)
		return -1;
	applied = arena_alloc(&data->arena, (data->model_count + 1) *
	    sizeof *applied);
	if (applied == NULL) {
		util_error(cause, _("out of memory"));
		return -1;
	}
	memset(applied, 0, (data->model_count + 1) * sizeof *applied);
	unsigned layer = ++data->price_layers;
	for (size_t i = 0; i < count; i++) {
		const struct data_price_item *item = &items[i];
		const struct model *found = data_find_model(data, item->model);
		struct data_unrated_name *named = found == NULL ?
		    data_find_unrated_name(data, item->model) : NULL;
		if (named != NULL) {
			/* Kept by name only (data_load_compared): nothing
			 * reads its prices, but twice in one file is still an
			 * error, as for a model kept whole. */
			if (named->priced_in == layer) {
				util_error_at(cause, name, item->line,
				    item->column, _("prices for model '%s' are "
				    "given twice"), named->id);
				return -1;
			}
			named->priced_in = layer;
			continue;
		}
		if (found == NULL) {
			snprintf(message, sizeof message, _("%s:%d:%d: warning: "
			    "model '%s' is not in %s: its prices are ignored"),
			    name, item->line, item->column, item->model,
			    data->models_file ? data->models_file : "models.yaml");
			data_warn(data, message);
			continue;
		}
		if (found->kind == MODEL_OPEN_WEIGHTS) {
			util_error_at(cause, name, item->line, item->column,
			    _("model '%s' is an open_weights model: it has no "
			    "per-token prices"), item->model);
			return -1;
		}
		size_t index = (size_t)(found - data->models);
		if (applied[index]) {
			util_error_at(cause, name, item->line, item->column,
			    _("prices for model '%s' are given twice"), found->id);
			return -1;
		}
		applied[index] = true;
		struct model *model = &data->models[index];
		for (int p = 0; p < DATA_PRICE_COUNT; p++) {
			struct figure *slot;
			bool *has;
			if (!item->has[p])
				continue;
			data_price_slot(model, (enum data_price)p, &slot, &has);
			struct figure figure = item->prices[p];
			snprintf(key, sizeof key, "models.%s.%s", model->id,
			    data_price_name(p));
			figure.key = arena_strdup(&data->arena, key);
			if (figure.key == NULL) {
				util_error(cause, _("out of memory"));
				return -1;
			}
			if (has == NULL || *has) {
				/* Replaces the figure where it stands. */
				figure.index = slot->index;
				*slot = figure;
				if (slot->index >= 0)	/* unrated: none */
					data->values[slot->index] = slot->value;
			} else {
				*slot = figure;
				if (data_register(data, slot, cause) != 0)
					return -1;
				*has = true;
			}
		}
		if (item->deprecation_date != NULL)
			model->deprecation_date = item->deprecation_date;
	}
	if (data->prices_file_count < DATA_MAX_PRICE_FILES)
		data->prices_files[data->prices_file_count++] =
		    arena_strdup(&data->arena, name);
	return 0;
}
