/* data.c - load and validate the data files, with provenance for every figure. */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "data.h"
#include "data_private.h"
#include "file.h"
#include "doc.h"
#include "i18n.h"

static const char *const data_kind_names[] = {
	"api", "hosted_open", "open_weights", NULL
};
static const char *const data_tier_names[] = {
	"small", "large", "frontier", NULL
};
static const char *const data_quantisation_names[] = {
	"fp16", "int8", "int4", NULL
};
static const char *const data_class_names[] = {
	"workstation_gpu", "apple_silicon", "datacenter_gpu", NULL
};
static const char *const data_expertise_names[] = {
	"none", "some", "ml_infra", NULL
};

/* Names as written in the data files and JSON. */
const char *data_model_kind_name(enum model_kind k) { return data_kind_names[k]; }
const char *data_tier_name(enum quality_tier t) { return data_tier_names[t]; }
const char *data_quantisation_name(enum quantisation q) { return data_quantisation_names[q]; }
const char *data_gpu_class_name(enum gpu_class c) { return data_class_names[c]; }
const char *data_expertise_name(enum expertise e) { return data_expertise_names[e]; }

static const char *const data_price_names[DATA_PRICE_COUNT] = {
	"input_price", "output_price", "cache_read_price",
	"batch_input_price", "batch_output_price",
};

/* The member name of a price, as in models.yaml and prices.yaml. */
const char *
data_price_name(enum data_price price)
{
	return data_price_names[price];
}

/* Where a model keeps a price and its "present" flag (NULL for the two
 * prices every priced model has). */
void
data_price_slot(struct model *model, enum data_price price,
    struct figure **figure, bool **has)
{
	switch (price) {
	case DATA_PRICE_INPUT:
		*figure = &model->input_price;
		*has = NULL;
		break;
	case DATA_PRICE_OUTPUT:
		*figure = &model->output_price;
		*has = NULL;
		break;
	case DATA_PRICE_CACHE_READ:
		*figure = &model->cache_read_price;
		*has = &model->has_cache_read_price;
		break;
	case DATA_PRICE_BATCH_INPUT:
		*figure = &model->batch_input_price;
		*has = &model->has_batch_input_price;
		break;
	default:
		*figure = &model->batch_output_price;
		*has = &model->has_batch_output_price;
		break;
	}
}

/* A model's price figure, or NULL when the data has none for it. */
const struct figure *
data_model_price(const struct model *model, enum data_price price)
{
	struct figure *figure;
	bool *has;
	if (model->kind == MODEL_OPEN_WEIGHTS)
		return NULL;
	data_price_slot((struct model *)model, price, &figure, &has);
	return has == NULL || *has ? figure : NULL;
}

/* Reads the year, month and day of text when it has the form
 * YYYY-MM-DD in digits (not checked against the calendar); false when
 * not.  No sscanf: it runs for every figure of every data file. */
static bool
data_date_parts(const char *text, int *year, int *month, int *day)
{
	int digits[8], n = 0;
	for (int i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (text[i] != '-')
				return false;
		} else if (text[i] >= '0' && text[i] <= '9') {
			digits[n++] = text[i] - '0';
		} else {
			return false;
		}
	}
	if (text[10] != '\0')
		return false;
	*year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 +
	    digits[3];
	*month = digits[4] * 10 + digits[5];
	*day = digits[6] * 10 + digits[7];
	return true;
}

/* Checks an as-of date of the form YYYY-MM-DD. */
bool
data_valid_date(const char *text)
{
	int year, month, day;
	if (!data_date_parts(text, &year, &month, &day))
		return false;
	return year >= 1990 && year <= 2200 && month >= 1 && month <= 12 &&
	    day >= 1 && day <= util_days_in_month(year, month);
}

/* How far past today's real date an as_of may lie: clocks and time zones
 * differ by a day or so, a figure dated further ahead could never go
 * stale. */
#define DATA_AS_OF_LEEWAY_DAYS 31

/* True when an as_of date (already valid) lies more than the leeway after
 * the real clock's today; SOURCE_DATE_EPOCH does not count here, because
 * reproducing an old report with newer data is legitimate. */
bool
data_date_in_future(const char *text)
{
	int year = 0, month = 0, day = 0;
	if (!data_date_parts(text, &year, &month, &day))
		return false;
	long today = (long)(time(NULL) / 86400);
	return util_days_from_date(year, month, day) >
	    today + DATA_AS_OF_LEEWAY_DAYS;
}

/* A price figure older than months before now (see data.h). */
bool
data_figure_stale(const struct figure *f, time_t now, double months)
{
	long today = (long)(now / 86400);
	int year, month, day;
	if (strncmp(f->unit, "USD", 3) != 0)
		return false;
	if (strcmp(f->as_of, DATA_UNDATED) == 0)
		return true;	/* nobody said when it held: check it */
	if (!data_date_parts(f->as_of, &year, &month, &day))
		return false;
	return today - util_days_from_date(year, month, day) > months * 30.44;
}

/* Reads and checks one figure record (key, strings in arena) without
 * registering it. */
int
data_figure_parse(struct arena *arena, const struct doc *doc,
    const struct doc_node *node, const char *key, const char *unit,
    struct figure *figure, char **cause)
{
	/* Every one is required. */
	enum { VALUE, UNIT, SOURCE, AS_OF, VERIFIED, RANGE, MEMBERS };
	static const char *const keys[MEMBERS + 1] = {
		"value", "unit", "source", "as_of", "verified", "range", NULL
	};
	const struct doc_node *parts[MEMBERS], *part;
	const char *text, *name = key;

	if (doc_expect_members(doc, node, name, keys, parts, cause) != 0)
		return -1;
	for (size_t i = 0; i < MEMBERS; i++) {
		if (parts[i] == NULL) {
			doc_error(cause, doc, node, false,
			    _("%s is missing '%s'"), name, keys[i]);
			return -1;
		}
	}
	memset(figure, 0, sizeof *figure);
	part = parts[UNIT];
	if (doc_string(doc, part, "unit", &text, cause) != 0)
		return -1;
	if (strcmp(text, unit) != 0) {
		doc_error(cause, doc, part, false,
		    _("%s must be given in %s, got \"%s\""), name, unit, text);
		return -1;
	}
	figure->unit = text;
	if (doc_string(doc, parts[SOURCE], "source", &figure->source,
	    cause) != 0)
		return -1;
	part = parts[AS_OF];
	if (doc_string(doc, part, "as_of", &figure->as_of, cause) != 0)
		return -1;
	/* A price list without dates gives "undated" prices: allowed for
	 * prices only, and always counted as stale. */
	bool undated = strcmp(figure->as_of, DATA_UNDATED) == 0 &&
	    strncmp(figure->unit, "USD", 3) == 0;
	if (!undated && !data_valid_date(figure->as_of)) {
		doc_error(cause, doc, part, false,
		    _("as_of must be a date YYYY-MM-DD, got \"%s\""),
		    figure->as_of);
		return -1;
	}
	if (!undated && data_date_in_future(figure->as_of)) {
		doc_error(cause, doc, part, false,
		    _("as_of %s lies in the future: a figure must be dated when "
		    "it was read, or it would never go stale"), figure->as_of);
		return -1;
	}
	if (doc_bool(doc, parts[VERIFIED], "verified", &figure->verified,
	    cause) != 0)
		return -1;
	part = parts[RANGE];
	if (part->type != DOC_SEQUENCE || part->count != 2) {
		doc_error(cause, doc, part, false,
		    _("range must be a list [low, high]"));
		return -1;
	}
	if (doc_number(doc, &part->items[0], "range low", false, -1e15, 1e15,
	    &figure->low, cause) != 0 ||
	    doc_number(doc, &part->items[1], "range high", false, -1e15,
	    1e15, &figure->high, cause) != 0)
		return -1;
	if (figure->high < figure->low) {
		doc_error(cause, doc, &part->items[1], false,
		    _("range high (%s) is below range low (%s)"),
		    part->items[1].scalar, part->items[0].scalar);
		return -1;
	}
	if (doc_number(doc, parts[VALUE], name, false, figure->low,
	    figure->high, &figure->value, cause) != 0)
		return -1;
	figure->key = arena_strdup(arena, key);
	figure->file = doc->path;
	figure->line = node->line;
	figure->column = node->column;
	if (figure->key == NULL) {
		util_error(cause, _("out of memory"));
		return -1;
	}
	return 0;
}

/* Makes room for extra more elements of size bytes in an array of the
 * data's arena: a full array moves to a block twice as large, or exactly
 * large enough when twice is not (a list of thousands, as an import's
 * models overlay brings, is reserved at once and must not round up to
 * the next power of two: RSS); the old block stays in the arena until
 * data_free. */
static int
data_grow(struct data *data, void **array, size_t *capacity, size_t count,
    size_t extra, size_t size, char **cause)
{
	size_t wanted, fresh;
	void *block;
	if (extra > SIZE_MAX / size - count) {
		util_error(cause, _("out of memory"));
		return -1;
	}
	wanted = count + extra;
	if (wanted <= *capacity)
		return 0;
	fresh = *capacity < 16 ? 16 : *capacity > SIZE_MAX / 2 / size ?
	    wanted : *capacity * 2;
	if (fresh < wanted)
		fresh = wanted;
	block = arena_alloc(&data->arena, fresh * size);
	if (block == NULL) {
		util_error(cause, _("out of memory"));
		return -1;
	}
	if (count > 0)
		memcpy(block, *array, count * size);
	memset((char *)block + count * size, 0, (fresh - count) * size);
	*array = block;
	*capacity = fresh;
	return 0;
}

/* The FNV-1a hash of a model name, for the model-name index. */
static size_t
data_name_hash(const char *name)
{
	uint64_t hash = 14695981039346656037ULL;
	for (const unsigned char *c = (const unsigned char *)name; *c; c++)
		hash = (hash ^ *c) * 1099511628211ULL;
	return (size_t)hash;
}

/* The slot of the model-name index that holds name, or the empty slot
 * where it would go (slots is a power of two, never full). */
static struct data_name *
data_name_slot(struct data_name *slots, size_t slot_count, const char *name)
{
	size_t i = data_name_hash(name) & (slot_count - 1);
	while (slots[i].model != -1 && strcmp(slots[i].name, name) != 0)
		i = (i + 1) & (slot_count - 1);
	return &slots[i];
}

/* Files names (an id and its aliases) under value in the model-name
 * index (see struct data_name), which doubles (in the arena) before it is
 * half full; a name an earlier entry has stays that entry's, as
 * data_find_model always answered. */
static int
data_index_names(struct data *data, const char *const *names, size_t count,
    int value, char **cause)
{
	size_t needed = data->model_name_count + count;
	if (needed * 2 > data->model_name_slots) {
		size_t slot_count = data->model_name_slots < 64 ? 64 :
		    data->model_name_slots;
		while (needed * 2 > slot_count)
			slot_count *= 2;
		struct data_name *slots = arena_alloc(&data->arena,
		    slot_count * sizeof *slots);
		if (slots == NULL) {
			util_error(cause, _("out of memory"));
			return -1;
		}
		for (size_t i = 0; i < slot_count; i++)
			slots[i].model = -1;
		for (size_t i = 0; i < data->model_name_slots; i++)
			if (data->model_names[i].model != -1)
				*data_name_slot(slots, slot_count,
				    data->model_names[i].name) =
				    data->model_names[i];
		data->model_names = slots;
		data->model_name_slots = slot_count;
	}
	for (size_t i = 0; i < count; i++) {
		struct data_name *slot = data_name_slot(data->model_names,
		    data->model_name_slots, names[i]);
		if (slot->model != -1)
			continue;
		slot->name = names[i];
		slot->model = value;
		data->model_name_count++;
	}
	return 0;
}

/* Files the id and aliases of the model at place in the index. */
static int
data_index_model(struct data *data, size_t place, char **cause)
{
	const struct model *model = &data->models[place];
	const char *names[DATA_MAX_ALIASES + 1] = { model->id };
	for (size_t i = 0; i < model->alias_count; i++)
		names[i + 1] = model->aliases[i];
	return data_index_names(data, names, model->alias_count + 1,
	    (int)place, cause);
}

/* Keeps an unrated overlay model read for evaluations by its names only
 * (see struct data_unrated_name): its id and aliases are copied, since
 * the streamed entry's texts are freed after it. */
static int
data_name_unrated(struct data *data, const struct model *model,
    char **cause)
{
	void *array = data->unrated_names;
	const char *names[DATA_MAX_ALIASES + 1];
	if (data_grow(data, &array, &data->unrated_name_capacity,
	    data->unrated_name_count, 1, sizeof *data->unrated_names,
	    cause) != 0)
		return -1;
	data->unrated_names = array;
	struct data_unrated_name *named =
	    &data->unrated_names[data->unrated_name_count];
	for (size_t i = 0; i <= model->alias_count; i++) {
		names[i] = arena_strdup(&data->arena, i == 0 ? model->id :
		    model->aliases[i - 1]);
		if (names[i] == NULL) {
			util_error(cause, _("out of memory"));
			return -1;
		}
	}
	named->id = names[0];
	named->file = model->file;
	named->kind = model->kind;
	named->priced_in = 0;
	if (data_index_names(data, names, model->alias_count + 1,
	    -2 - (int)data->unrated_name_count, cause) != 0)
		return -1;
	data->unrated_name_count++;
	return 0;
}

/* Room for extra more models (see data_grow). */
static int
data_reserve_models(struct data *data, size_t extra, char **cause)
{
	void *array = data->models;
	if (data_grow(data, &array, &data->model_capacity, data->model_count,
	    extra, sizeof *data->models, cause) != 0)
		return -1;
	data->models = array;
	return 0;
}

/* True when pointer lies inside count elements of size at array; the
 * element and the offset inside it when so. */
static bool
data_place_in(const void *array, size_t count, size_t size,
    const void *pointer, size_t *element, size_t *offset)
{
	uintptr_t start = (uintptr_t)array, at = (uintptr_t)pointer;
	if (array == NULL || at < start || at - start >= count * size)
		return false;
	*element = (at - start) / size;
	*offset = (at - start) % size;
	return true;
}

/* Gives a parsed figure the next index, so samples and reports see it;
 * a figure of an unrated model gets none (index -1): no option reads it. */
int
data_register(struct data *data, struct figure *figure, char **cause)
{
	struct data_figure_place place;
	if (data_place_in(data->models, data->model_capacity,
	    sizeof *data->models, figure, &place.element, &place.offset)) {
		place.area = DATA_AREA_MODELS;
		if (data->models[place.element].unrated) {
			figure->index = -1;
			return 0;
		}
	} else if (data_place_in(data->gpus, data->gpu_capacity,
	    sizeof *data->gpus, figure, &place.element, &place.offset)) {
		place.area = DATA_AREA_GPUS;
	} else if (data_place_in(data->configs, data->config_capacity,
	    sizeof *data->configs, figure, &place.element, &place.offset)) {
		place.area = DATA_AREA_CONFIGS;
	} else {
		place.area = DATA_AREA_DEFAULTS;
		place.element = 0;
		place.offset = (size_t)((const char *)figure -
		    (const char *)&data->defaults);
	}
	if (data->figure_count >= data->figure_capacity) {
		void *places = data->figure_places;
		size_t capacity = data->figure_capacity;
		if (data_grow(data, &places, &capacity, data->figure_count, 1,
		    sizeof *data->figure_places, cause) != 0)
			return -1;
		void *values = data->values;
		size_t value_capacity = data->figure_capacity;
		if (data_grow(data, &values, &value_capacity, data->figure_count,
		    capacity - data->figure_count, sizeof *data->values,
		    cause) != 0)
			return -1;
		data->figure_places = places;
		data->values = values;
		data->figure_capacity = capacity;
	}
	figure->index = (int)data->figure_count;
	data->values[data->figure_count] = figure->value;
	data->figure_places[data->figure_count++] = place;
	return 0;
}

/* Keeps a warning for the caller to show; the run goes on (see
 * data_private.h). */
void
data_warn(struct data *data, const char *message)
{
	struct buffer escaped;
	if (data->warning_count >= DATA_MAX_WARNINGS)
		return;
	/* The message quotes a data file: escape it as errors are. */
	buffer_init(&escaped);
	buffer_add(&escaped, message);
	buffer_escape_controls(&escaped, 0);
	if (!escaped.failed)
		data->warnings[data->warning_count++] =
		    arena_strdup(&data->arena, escaped.data ? escaped.data : "");
	buffer_free(&escaped);
}

/* Reads one figure record and registers it under key. */
static int
data_figure(struct data *data, const struct doc *doc,
    const struct doc_node *node, const char *key, const char *unit,
    struct figure *figure, char **cause)
{
	if (data_figure_parse(&data->arena, doc, node, key, unit, figure,
	    cause) != 0)
		return -1;
	return data_register(data, figure, cause);
}

/* Reads a required figure member of a mapping. */
static int
data_member_figure(struct data *data, const struct doc *doc,
    const struct doc_node *mapping, const char *member, const char *prefix,
    const char *unit, struct figure *figure, char **cause)
{
	char key[256];
	const struct doc_node *node = doc_get(mapping, member);
	if (node == NULL) {
		doc_error(cause, doc, mapping, false, _("%s is missing '%s'"),
		    prefix, member);
		return -1;
	}
	util_join_dotted(key, sizeof key, prefix, member);
	return data_figure(data, doc, node, key, unit, figure, cause);
}

/* The model a registered figure belongs to (by where it lives), or NULL
 * for a GPU's, a configuration's or a default's. */
const struct model *
data_figure_model(const struct data *data, size_t i)
{
	const struct data_figure_place *place = &data->figure_places[i];
	if (place->area != DATA_AREA_MODELS)
		return NULL;
	return &data->models[place->element];
}

/* The GPU the i-th registered figure belongs to; NULL for a model's or a
 * default's (a throughput entry's speeds are its configuration's). */
const struct gpu *
data_figure_gpu(const struct data *data, size_t i)
{
	const struct data_figure_place *place = &data->figure_places[i];
	if (place->area != DATA_AREA_GPUS)
		return NULL;
	return &data->gpus[place->element];
}

/* Reads a required text member of a mapping. */
int
data_member_string(const struct doc *doc, const struct doc_node *mapping,
    const char *member, const char *what, const char **value, char **cause)
{
	const struct doc_node *node = doc_get(mapping, member);
	if (node == NULL) {
		doc_error(cause, doc, mapping, false, _("%s is missing '%s'"),
		    what, member);
		return -1;
	}
	return doc_string(doc, node, member, value, cause);
}

/* The top-level "NAME:" list of a file. */
static const struct doc_node *
data_top_list(const struct doc *doc, const char *name, char **cause)
{
	const char *const keys[] = { name, NULL };
	const struct doc_node *list;
	if (doc->root == NULL) {
		util_error_at(cause, doc->path, 1, 1,
		    _("file is empty: expected '%s:'"), name);
		return NULL;
	}
	if (doc_expect_keys(doc, doc->root, doc->path, keys, cause) != 0)
		return NULL;
	list = doc_get(doc->root, name);
	if (list == NULL) {
		doc_error(cause, doc, doc->root, false, _("missing '%s:'"), name);
		return NULL;
	}
	if (list->type != DOC_SEQUENCE) {
		doc_error(cause, doc, list, false, _("%s must be a list"), name);
		return NULL;
	}
	return list;
}

/* Refuses a key that does not apply to the model's kind (fine_tuning on
 * anything but an API, weights on anything but a hosted model, prices on
 * open weights, sizes on anything but open weights). */
static int
data_model_keys_fit(const struct doc *doc, const struct doc_node *node,
    const struct model *model, char **cause)
{
	static const char *const api_only[] = { "fine_tuning",
	    "fine_tuning_training_price", "fine_tuning_input_price",
	    "fine_tuning_output_price" };
	const char *misplaced = NULL;
	for (size_t i = 0; i < 4; i++)
		if (model->kind != MODEL_API && doc_get(node, api_only[i]))
			misplaced = api_only[i];
	if (model->kind != MODEL_HOSTED_OPEN && doc_get(node, "weights"))
		misplaced = "weights";
	if (model->kind == MODEL_OPEN_WEIGHTS) {
		for (int p = 0; p < DATA_PRICE_COUNT; p++)
			if (doc_get(node, data_price_name((enum data_price)p)))
				misplaced = data_price_name((enum data_price)p);
	} else {
		static const char *const open_only[] = { "parameters",
		    "active_parameters", "weights_size", "kv_bytes_per_token" };
		for (size_t i = 0; i < 4; i++)
			if (doc_get(node, open_only[i]))
				misplaced = open_only[i];
	}
	if (misplaced != NULL) {
		for (size_t i = 0; i < node->count; i++)
			if (strcmp(node->items[i].key, misplaced) == 0)
				doc_error(cause, doc, &node->items[i], true,
				    _("'%s' does not apply to a model of kind %s"),
				    misplaced, data_kind_names[model->kind]);
		return -1;
	}

	return 0;
}

/* Reads an optional key: {date, source} mapping of an entry named
 * prefix (a model's retired:, a GPU's discontinued:): when the event
 * happened and where that was read.  *present says whether it was
 * there. */
static int
data_dated_event(const struct doc *doc, const struct doc_node *node,
    const char *key, const char *prefix, const char **date,
    const char **source, bool *present, char **cause)
{
	static const char *const keys[] = { "date", "source", NULL };
	const struct doc_node *part = doc_get(node, key);
	char name[256];

	*present = false;
	if (part == NULL)
		return 0;
	util_join_dotted(name, sizeof name, prefix, key);
	if (part->type != DOC_MAPPING) {
		doc_error(cause, doc, part, false, _("%s must be a mapping with "
		    "date and source"), name);
		return -1;
	}
	if (doc_expect_keys(doc, part, name, keys, cause) != 0 ||
	    data_member_string(doc, part, "date", name, date, cause) != 0 ||
	    data_member_string(doc, part, "source", name, source, cause) != 0)
		return -1;
	if (!data_valid_date(*date)) {
		doc_error(cause, doc, doc_get(part, "date"), false,
		    _("%s.date must be a date YYYY-MM-DD, got \"%s\""), name,
		    *date);
		return -1;
	}
	*present = true;
	return 0;
}

/* Reads the optional retired: {date, source} of a priced model: the date
 * the vendor switched it off and where that was read.  A retired model
 * stays listed (the article's figures reproduce with it) but is never
 * chosen; its date is also its deprecation_date. */
static int
data_model_retired(const struct doc *doc, const struct doc_node *node,
    struct model *model, const char *prefix, char **cause)
{
	const struct doc_node *part = doc_get(node, "retired");
	if (part != NULL && model->kind == MODEL_OPEN_WEIGHTS) {
		doc_error(cause, doc, part, false,
		    _("'%s' does not apply to a model of kind %s"), "retired",
		    data_kind_names[model->kind]);
		return -1;
	}
	if (data_dated_event(doc, node, "retired", prefix,
	    &model->retired_date, &model->retired_source, &model->retired,
	    cause) != 0)
		return -1;
	if (model->retired)
		model->deprecation_date = model->retired_date;
	return 0;
}

/* Reads an API's optional fine-tuning prices: all three, and only for a
 * model marked fine_tuning: true. */
static int
data_model_fine_tuning_prices(struct data *data, const struct doc *doc,
    const struct doc_node *node, struct model *model, const char *prefix,
    char **cause)
{
	static const char *const members[] = { "fine_tuning_training_price",
	    "fine_tuning_input_price", "fine_tuning_output_price" };
	struct figure *figures[] = { &model->fine_tuning_training_price,
	    &model->fine_tuning_input_price, &model->fine_tuning_output_price };
	int present = 0;
	for (size_t i = 0; i < 3; i++)
		present += doc_get(node, members[i]) != NULL;
	if (present == 0)
		return 0;
	if (present != 3 || !model->fine_tuning) {
		doc_error(cause, doc, node, false, _("%s: fine-tuning prices "
		    "need fine_tuning: true and all three of "
		    "fine_tuning_training_price, fine_tuning_input_price and "
		    "fine_tuning_output_price"), prefix);
		return -1;
	}
	for (size_t i = 0; i < 3; i++)
		if (data_member_figure(data, doc, node, members[i], prefix,
		    "USD/Mtok", figures[i], cause) != 0)
			return -1;
	model->has_fine_tuning_prices = true;
	return 0;
}

/* Reads the members of an API or a hosted model: fine-tuning, prices (the
 * discounted ones optional) and a hosted model's weights. */
static int
data_model_prices(struct data *data, const struct doc *doc,
    const struct doc_node *node, struct model *model, const char *prefix,
    const char **weights_id, char **cause)
{
	const struct doc_node *part;
	if (model->kind == MODEL_API) {
		part = doc_get(node, "fine_tuning");
		if (part != NULL && doc_bool(doc, part, "fine_tuning",
		    &model->fine_tuning, cause) != 0)
			return -1;
		if (data_model_fine_tuning_prices(data, doc, node, model, prefix,
		    cause) != 0)
			return -1;
	}
	if (model->kind != MODEL_OPEN_WEIGHTS) {
		if (data_member_figure(data, doc, node, "input_price", prefix,
		    "USD/Mtok", &model->input_price, cause) != 0 ||
		    data_member_figure(data, doc, node, "output_price", prefix,
		    "USD/Mtok", &model->output_price, cause) != 0)
			return -1;
		/* The discounted prices are optional. */
		for (int p = DATA_PRICE_CACHE_READ; p < DATA_PRICE_COUNT; p++) {
			const char *member = data_price_name((enum data_price)p);
			struct figure *f;
			bool *has;
			if (doc_get(node, member) == NULL)
				continue;
			data_price_slot(model, (enum data_price)p, &f, &has);
			if (data_member_figure(data, doc, node, member, prefix,
			    "USD/Mtok", f, cause) != 0)
				return -1;
			*has = true;
		}
	}
	if (model->kind == MODEL_HOSTED_OPEN &&
	    data_member_string(doc, node, "weights", prefix, weights_id,
	    cause) != 0)
		return -1;
	return 0;
}

/* Reads the members of open weights: parameters, KV bytes per token and
 * the weights' size per precision. */
static int
data_model_weights(struct data *data, const struct doc *doc,
    const struct doc_node *node, struct model *model, const char *prefix,
    char **cause)
{
	const struct doc_node *part;
	if (data_member_figure(data, doc, node, "parameters", prefix,
	    "billion", &model->parameters, cause) != 0 ||
	    data_member_figure(data, doc, node, "active_parameters",
	    prefix, "billion", &model->active_parameters, cause) != 0 ||
	    data_member_figure(data, doc, node, "kv_bytes_per_token",
	    prefix, "bytes/token", &model->kv_bytes_per_token,
	    cause) != 0)
		return -1;
	if (model->active_parameters.value > model->parameters.value) {
		doc_error(cause, doc, doc_get(node, "active_parameters"),
		    false, _("active_parameters cannot exceed parameters"));
		return -1;
	}
	part = doc_get(node, "weights_size");
	if (part == NULL) {
		doc_error(cause, doc, node, false,
		    _("%s is missing '%s'"), prefix, "weights_size");
		return -1;
	}
	if (doc_expect_keys(doc, part, "weights_size",
	    data_quantisation_names, cause) != 0)
		return -1;
	if (part->count == 0) {
		doc_error(cause, doc, part, false,
		    _("weights_size needs at least one precision"));
		return -1;
	}
	for (int q = 0; q < QUANT_COUNT; q++) {
		char sub[240];
		const struct doc_node *size = doc_get(part,
		    data_quantisation_names[q]);
		if (size == NULL)
			continue;
		snprintf(sub, sizeof sub, "%s.weights_size", prefix);
		if (data_member_figure(data, doc, part,
		    data_quantisation_names[q], sub, "GB",
		    &model->weights_size[q], cause) != 0)
			return -1;
		model->has_weights_size[q] = true;
	}
	return 0;
}

/* Reads one entry of models.yaml (hosted_open weights are linked later);
 * what names an entry in messages (translated once per list, not once
 * per model: an import brings thousands). */
static int
data_model(struct data *data, const struct doc *doc,
    const struct doc_node *node, const char *what, struct model *model,
    const char **weights_id, char **cause)
{
	static const char *const keys[] = {
		"id", "name", "kind", "provider", "tier", "aliases",
		"fine_tuning", "input_price", "output_price",
		"cache_read_price", "batch_input_price", "batch_output_price",
		"fine_tuning_training_price", "fine_tuning_input_price",
		"fine_tuning_output_price",
		"weights", "parameters", "active_parameters", "weights_size",
		"kv_bytes_per_token", "retired", NULL
	};
	const struct doc_node *part;
	char prefix[200];
	int choice;

	model->weights = -1;
	if (doc_expect_keys(doc, node, what, keys, cause) != 0 ||
	    data_member_string(doc, node, "id", what, &model->id, cause) != 0)
		return -1;
	if (data_find_model(data, model->id) != NULL ||
	    data_find_unrated_name(data, model->id) != NULL) {
		doc_error(cause, doc, doc_get(node, "id"), false,
		    _("model '%s' is defined twice"), model->id);
		return -1;
	}
	util_join_dotted(prefix, sizeof prefix, "models", model->id);
	if (data_member_string(doc, node, "name", prefix, &model->name,
	    cause) != 0 ||
	    data_member_string(doc, node, "provider", prefix, &model->provider,
	    cause) != 0)
		return -1;
	part = doc_get(node, "kind");
	if (part == NULL) {
		doc_error(cause, doc, node, false, _("%s is missing '%s'"),
		    prefix, "kind");
		return -1;
	}
	if (doc_choice(doc, part, "kind", data_kind_names, &choice, cause) != 0)
		return -1;
	model->kind = (enum model_kind)choice;

	part = doc_get(node, "tier");
	if (part != NULL && part->type == DOC_SCALAR &&
	    strcmp(part->scalar, DATA_UNRATED) == 0) {
		/* Listed, never compared, until someone sets a tier. */
		if (model->kind == MODEL_OPEN_WEIGHTS) {
			doc_error(cause, doc, part, false, _("an open_weights "
			    "model needs a tier (small, large or frontier), "
			    "not %s"), DATA_UNRATED);
			return -1;
		}
		model->unrated = true;
		model->tier = TIER_SMALL;
	} else if (part != NULL) {
		if (doc_choice(doc, part, "tier", data_tier_names, &choice,
		    cause) != 0)
			return -1;
		model->tier = (enum quality_tier)choice;
	} else if (model->kind != MODEL_HOSTED_OPEN) {
		doc_error(cause, doc, node, false, _("%s is missing '%s'"),
		    prefix, "tier");
		return -1;
	}
	part = doc_get(node, "aliases");
	if (part != NULL) {
		if (part->type != DOC_SEQUENCE || part->count > DATA_MAX_ALIASES) {
			doc_error(cause, doc, part, false,
			    _("aliases must be a list of at most %d names"),
			    DATA_MAX_ALIASES);
			return -1;
		}
		for (size_t i = 0; i < part->count; i++)
			if (doc_string(doc, &part->items[i], "alias",
			    &model->aliases[i], cause) != 0)
				return -1;
		model->alias_count = part->count;
	}

	if (data_model_keys_fit(doc, node, model, cause) != 0 ||
	    data_model_retired(doc, node, model, prefix, cause) != 0)
		return -1;
	if (model->kind != MODEL_OPEN_WEIGHTS)
		return data_model_prices(data, doc, node, model, prefix,
		    weights_id, cause);
	return data_model_weights(data, doc, node, model, prefix, cause);
}

/* One "models:" list being read: models.yaml's or an overlay's. */
struct data_model_list {
	bool overlay;
	const char *what;		/* "a model", translated once */
	size_t start;			/* models before this list */
	size_t unrated_start;		/* unrated names before it */
};

/* What data_model_entry did with an entry. */
enum data_entry {
	DATA_ENTRY_ADDED,		/* a model, the last of data.models */
	DATA_ENTRY_SKIPPED,		/* an earlier file has its id */
	DATA_ENTRY_NAMED,		/* unrated, kept by name only */
};

/* Reads one entry of a "models:" list (the body of data_load_model_list,
 * and an overlay's streamed item): in an overlay, an id an earlier file
 * has is skipped with a warning and open weights are refused (gpus.yaml,
 * loaded before, could never run them); an unrated model is kept by name
 * only when the data is loaded for evaluations (data_load_compared). */
static int
data_model_entry(struct data *data, const struct data_model_list *list,
    const struct doc *doc, const struct doc_node *node,
    const char **weights, enum data_entry *done, char **cause)
{
	const struct doc_node *id;
	if (list->overlay && node->type == DOC_MAPPING &&
	    (id = doc_get(node, "id")) != NULL && id->type == DOC_SCALAR) {
		const struct model *known = data_find_model(data, id->scalar);
		const struct data_unrated_name *named =
		    data_find_unrated_name(data, id->scalar);
		const char *file = NULL;
		if (known != NULL && (size_t)(known - data->models) <
		    list->start)
			file = known->file ? known->file : "models.yaml";
		else if (named != NULL && (size_t)(named -
		    data->unrated_names) < list->unrated_start)
			file = named->file;
		if (file != NULL) {
			char message[1024];
			snprintf(message, sizeof message, _("%s:%d:%d: "
			    "warning: model '%s' is already in %s: this "
			    "entry is skipped (delete it)"), doc->path,
			    id->line, id->column, id->scalar, file);
			data_warn(data, message);
			*done = DATA_ENTRY_SKIPPED;
			return 0;
		}
	}
	const struct doc_node *kind = node->type == DOC_MAPPING ?
	    doc_get(node, "kind") : NULL;
	if (list->overlay && kind != NULL && kind->type == DOC_SCALAR &&
	    strcmp(kind->scalar, "open_weights") == 0) {
		doc_error(cause, doc, kind, false, _("%s holds api and "
		    "hosted_open models only: open weights belong in "
		    "models.yaml"), DATA_OVERLAY_FILE);
		return -1;
	}
	if (data_reserve_models(data, 1, cause) != 0)
		return -1;
	struct model *model = &data->models[data->model_count];
	memset(model, 0, sizeof *model);
	*weights = NULL;
	model->file = doc->path;
	if (data_model(data, doc, node, list->what, model, weights,
	    cause) != 0)
		return -1;
	if (list->overlay && model->unrated && data->unrated_by_name) {
		*done = DATA_ENTRY_NAMED;
		return data_name_unrated(data, model, cause);
	}
	bool option = model->kind != MODEL_OPEN_WEIGHTS && !model->unrated;
	if (option && data->option_model_count == DATA_MAX_OPTION_MODELS) {
		doc_error(cause, doc, node, false, _("more than %d rated "
		    "api and hosted_open models (set tier: %s on the "
		    "ones not to compare)"), DATA_MAX_OPTION_MODELS,
		    DATA_UNRATED);
		return -1;
	}
	if (data_index_model(data, data->model_count, cause) != 0)
		return -1;
	if (option)
		data->option_models[data->option_model_count++] =
		    (int)data->model_count;
	data->model_count++;
	*done = DATA_ENTRY_ADDED;
	return 0;
}

/* Links a hosted_open model (at index) to the open weights it serves,
 * read from its entry node, once the whole list is read. */
static int
data_link_weights(struct data *data, const struct doc *doc, size_t index,
    const char *weights, const struct doc_node *node, char **cause)
{
	struct model *model = &data->models[index];
	const struct model *w = data_find_model(data, weights);
	if (w == NULL || w->kind != MODEL_OPEN_WEIGHTS) {
		doc_error(cause, doc, doc_get(node, "weights"), false,
		    _("weights '%s' is not an open_weights model"), weights);
		return -1;
	}
	model->weights = (int)(w - data->models);
	if (doc_get(node, "tier") == NULL)
		model->tier = w->tier;
	return 0;
}

/* The start of reading a "models:" list into data. */
static void
data_model_list_start(struct data *data, bool overlay,
    struct data_model_list *list)
{
	list->overlay = overlay;
	list->what = _("a model");
	list->start = data->model_count;
	list->unrated_start = data->unrated_name_count;
}

/* Loads the "models:" list of models.yaml, or of a models overlay (see
 * data_model_entry). */
static int
data_load_model_list(struct data *data, const struct doc *doc, bool overlay,
    char **cause)
{
	const struct doc_node *list = data_top_list(doc, "models", cause);
	struct data_model_list reading;
	const char **weights;
	size_t *items;
	if (list == NULL)
		return -1;
	data_model_list_start(data, overlay, &reading);
	if (data_reserve_models(data, list->count, cause) != 0)
		return -1;
	weights = arena_alloc(&data->arena, (list->count + 1) * sizeof *weights);
	items = arena_alloc(&data->arena, (list->count + 1) * sizeof *items);
	if (weights == NULL || items == NULL) {
		util_error(cause, _("out of memory"));
		return -1;
	}
	for (size_t i = 0; i < list->count; i++) {
		size_t slot = data->model_count - reading.start;
		enum data_entry done;
		if (data_model_entry(data, &reading, doc, &list->items[i],
		    &weights[slot], &done, cause) != 0)
			return -1;
		items[slot] = i;
	}
	for (size_t i = reading.start; i < data->model_count; i++) {
		size_t slot = i - reading.start;
		if (data->models[i].kind == MODEL_HOSTED_OPEN &&
		    data_link_weights(data, doc, i, weights[slot],
		    &list->items[items[slot]], cause) != 0)
			return -1;
	}
	return 0;
}

static int
data_load_models(struct data *data, const struct doc *doc, char **cause)
{
	return data_load_model_list(data, doc, false, cause);
}

static int
data_config(struct data *data, const struct doc *doc,
    const struct doc_node *node, struct gpu *gpu, char **cause)
{
	static const char *const keys[] = {
		"model", "quantisation", "gpus", "prefill", "decode",
		"batched_decode", NULL
	};
	struct gpu_config *config;
	const struct doc_node *part;
	const char *model_id;
	char prefix[256];
	double gpus;
	int choice;

	void *configs = data->configs;
	if (data_grow(data, &configs, &data->config_capacity,
	    data->config_count, 1, sizeof *data->configs, cause) != 0)
		return -1;
	data->configs = configs;
	config = &data->configs[data->config_count];
	config->gpu = (int)(gpu - data->gpus);
	if (doc_expect_keys(doc, node, _("a throughput entry"), keys,
	    cause) != 0 ||
	    data_member_string(doc, node, "model", _("a throughput entry"),
	    &model_id, cause) != 0)
		return -1;
	const struct model *model = data_find_model(data, model_id);
	if (model == NULL || model->kind != MODEL_OPEN_WEIGHTS) {
		doc_error(cause, doc, doc_get(node, "model"), false,
		    _("model '%s' is not an open_weights model of models.yaml"),
		    model_id);
		return -1;
	}
	config->model = (int)(model - data->models);
	part = doc_get(node, "quantisation");
	if (part == NULL) {
		doc_error(cause, doc, node, false, _("%s is missing '%s'"),
		    _("a throughput entry"), "quantisation");
		return -1;
	}
	if (doc_choice(doc, part, "quantisation", data_quantisation_names,
	    &choice, cause) != 0)
		return -1;
	config->quantisation = (enum quantisation)choice;
	if (!model->has_weights_size[choice]) {
		doc_error(cause, doc, part, false,
		    _("model '%s' has no weights_size for %s"), model_id,
		    data_quantisation_names[choice]);
		return -1;
	}
	part = doc_get(node, "gpus");
	if (part == NULL) {
		doc_error(cause, doc, node, false, _("%s is missing '%s'"),
		    _("a throughput entry"), "gpus");
		return -1;
	}
	if (doc_number(doc, part, "gpus", false, 1, 16, &gpus, cause) != 0)
		return -1;
	if (gpus != (int)gpus) {
		doc_error(cause, doc, part, false,
		    _("gpus must be a whole number, got %s"), part->scalar);
		return -1;
	}
	config->gpus = (int)gpus;
	snprintf(prefix, sizeof prefix, "gpus.%s.%s.%s.x%d", gpu->id, model_id,
	    data_quantisation_names[choice], config->gpus);
	for (size_t i = 0; i < data->config_count; i++) {
		const struct gpu_config *c = &data->configs[i];
		if (c->gpu == config->gpu && c->model == config->model &&
		    c->quantisation == config->quantisation &&
		    c->gpus == config->gpus) {
			doc_error(cause, doc, node, false,
			    _("throughput for %s is given twice"), prefix);
			return -1;
		}
	}
	if (data_member_figure(data, doc, node, "prefill", prefix, "tokens/s",
	    &config->prefill, cause) != 0 ||
	    data_member_figure(data, doc, node, "decode", prefix, "tokens/s",
	    &config->decode, cause) != 0 ||
	    data_member_figure(data, doc, node, "batched_decode", prefix,
	    "tokens/s", &config->batched_decode, cause) != 0)
		return -1;
	if (config->prefill.low <= 0 || config->decode.low <= 0 ||
	    config->batched_decode.low <= 0) {
		doc_error(cause, doc, node, false,
		    _("throughput figures and their ranges must be positive"));
		return -1;
	}
	data->config_count++;
	return 0;
}

/* One optional figure of a GPU: read when present, *has says so. */
static int
data_gpu_optional(struct data *data, const struct doc *doc,
    const struct doc_node *node, const char *key, const char *prefix,
    const char *unit, struct figure *figure, bool *has, char **cause)
{
	*has = false;
	if (doc_get(node, key) == NULL)
		return 0;
	if (data_member_figure(data, doc, node, key, prefix, unit, figure,
	    cause) != 0)
		return -1;
	*has = true;
	return 0;
}

/* A GPU's optional figures: memory bandwidth (what estimated decode
 * speeds are derived from; the checks hold them to it), and those of
 * cost model v2: idle watts, committed and spot prices, and its host
 * server (price and power come together). */
static int
data_gpu_options(struct data *data, const struct doc *doc,
    const struct doc_node *node, const char *prefix, struct gpu *gpu,
    char **cause)
{
	bool has_price, has_power;
	if (data_gpu_optional(data, doc, node, "memory_bandwidth", prefix,
	    "GB/s", &gpu->memory_bandwidth, &gpu->has_memory_bandwidth,
	    cause) != 0 ||
	    data_gpu_optional(data, doc, node, "idle_power", prefix, "W",
	    &gpu->idle_power, &gpu->has_idle_power, cause) != 0 ||
	    data_gpu_optional(data, doc, node, "reserved_1y_price", prefix,
	    "USD/hour", &gpu->reserved_price[0], &gpu->has_reserved_price[0],
	    cause) != 0 ||
	    data_gpu_optional(data, doc, node, "reserved_3y_price", prefix,
	    "USD/hour", &gpu->reserved_price[1], &gpu->has_reserved_price[1],
	    cause) != 0 ||
	    data_gpu_optional(data, doc, node, "spot_price", prefix,
	    "USD/hour", &gpu->spot_price, &gpu->has_spot_price, cause) != 0 ||
	    data_gpu_optional(data, doc, node, "gpus_per_node", prefix,
	    "GPUs", &gpu->gpus_per_node, &gpu->has_gpus_per_node,
	    cause) != 0 ||
	    data_gpu_optional(data, doc, node, "host_price", prefix, "USD",
	    &gpu->host_price, &has_price, cause) != 0 ||
	    data_gpu_optional(data, doc, node, "host_power", prefix, "W",
	    &gpu->host_power, &has_power, cause) != 0)
		return -1;
	if (has_price != has_power) {
		doc_error(cause, doc, node, false,
		    _("%s: host_price and host_power come together"), prefix);
		return -1;
	}
	gpu->has_host = has_price;
	if (gpu->has_gpus_per_node && gpu->gpus_per_node.low < 1) {
		doc_error(cause, doc, doc_get(node, "gpus_per_node"), false,
		    _("gpus_per_node and its range must be at least 1"));
		return -1;
	}
	return 0;
}

static int
data_gpu(struct data *data, const struct doc *doc,
    const struct doc_node *node, struct gpu *gpu, char **cause)
{
	static const char *const keys[] = {
		"id", "name", "class", "memory", "memory_bandwidth",
		"cloud_price", "purchase_price", "power", "idle_power", "reserved_1y_price",
		"reserved_3y_price", "spot_price", "gpus_per_node",
		"host_price", "host_power", "throughput", "discontinued", NULL
	};
	const struct doc_node *part;
	char prefix[200];
	int choice;

	if (doc_expect_keys(doc, node, _("a GPU"), keys, cause) != 0 ||
	    data_member_string(doc, node, "id", _("a GPU"), &gpu->id,
	    cause) != 0)
		return -1;
	if (data_find_gpu(data, gpu->id) != NULL) {
		doc_error(cause, doc, doc_get(node, "id"), false,
		    _("GPU '%s' is defined twice"), gpu->id);
		return -1;
	}
	snprintf(prefix, sizeof prefix, "gpus.%s", gpu->id);
	if (data_member_string(doc, node, "name", prefix, &gpu->name,
	    cause) != 0)
		return -1;
	part = doc_get(node, "class");
	if (part == NULL) {
		doc_error(cause, doc, node, false, _("%s is missing '%s'"),
		    prefix, "class");
		return -1;
	}
	if (doc_choice(doc, part, "class", data_class_names, &choice,
	    cause) != 0)
		return -1;
	gpu->class = (enum gpu_class)choice;
	if (data_member_figure(data, doc, node, "memory", prefix, "GB",
	    &gpu->memory, cause) != 0 ||
	    data_member_figure(data, doc, node, "power", prefix, "W",
	    &gpu->power, cause) != 0)
		return -1;
	if (doc_get(node, "cloud_price") != NULL) {
		if (data_member_figure(data, doc, node, "cloud_price", prefix,
		    "USD/hour", &gpu->cloud_price, cause) != 0)
			return -1;
		gpu->has_cloud_price = true;
	}
	if (doc_get(node, "purchase_price") != NULL) {
		if (data_member_figure(data, doc, node, "purchase_price", prefix,
		    "USD", &gpu->purchase_price, cause) != 0)
			return -1;
		gpu->has_purchase_price = true;
	}
	if (data_gpu_options(data, doc, node, prefix, gpu, cause) != 0 ||
	    data_dated_event(doc, node, "discontinued", prefix,
	    &gpu->discontinued_date, &gpu->discontinued_source,
	    &gpu->discontinued, cause) != 0)
		return -1;
	if (gpu->memory.low <= 0) {
		doc_error(cause, doc, doc_get(node, "memory"), false,
		    _("memory must be positive"));
		return -1;
	}
	part = doc_get(node, "throughput");
	if (part != NULL) {
		if (part->type != DOC_SEQUENCE) {
			doc_error(cause, doc, part, false,
			    _("throughput must be a list"));
			return -1;
		}
		for (size_t i = 0; i < part->count; i++)
			if (data_config(data, doc, &part->items[i], gpu,
			    cause) != 0)
				return -1;
	}
	return 0;
}

static int
data_load_gpus(struct data *data, const struct doc *doc, char **cause)
{
	const struct doc_node *list = data_top_list(doc, "gpus", cause);
	if (list == NULL)
		return -1;
	void *gpus = data->gpus;
	if (data_grow(data, &gpus, &data->gpu_capacity, data->gpu_count,
	    list->count, sizeof *data->gpus, cause) != 0)
		return -1;
	data->gpus = gpus;
	for (size_t i = 0; i < list->count; i++) {
		if (data_gpu(data, doc, &list->items[i],
		    &data->gpus[data->gpu_count], cause) != 0)
			return -1;
		data->gpu_count++;
	}
	return 0;
}

/* The figures of defaults.yaml: section, key, unit, where it goes. */
struct data_default_field {
	const char *section;
	const char *key;
	const char *unit;
	size_t offset;
};

#define DEFAULT_FIELD(section, key, unit, member) \
	{ section, key, unit, offsetof(struct defaults, member) }

static const struct data_default_field data_default_fields[] = {
	DEFAULT_FIELD("engineering", "ops_hours.none", "hours/month", ops_hours[EXPERTISE_NONE]),
	DEFAULT_FIELD("engineering", "ops_hours.some", "hours/month", ops_hours[EXPERTISE_SOME]),
	DEFAULT_FIELD("engineering", "ops_hours.ml_infra", "hours/month", ops_hours[EXPERTISE_ML_INFRA]),
	DEFAULT_FIELD("engineering", "setup_hours.none", "hours", setup_hours[EXPERTISE_NONE]),
	DEFAULT_FIELD("engineering", "setup_hours.some", "hours", setup_hours[EXPERTISE_SOME]),
	DEFAULT_FIELD("engineering", "setup_hours.ml_infra", "hours", setup_hours[EXPERTISE_ML_INFRA]),
	DEFAULT_FIELD("engineering", "api_ops_hours", "hours/month", api_ops_hours),
	DEFAULT_FIELD("engineering", "api_setup_hours", "hours", api_setup_hours),
	DEFAULT_FIELD("engineering", "ops_hours_per_node", "hours/month", ops_hours_per_node),
	DEFAULT_FIELD("serving", "hours_per_month", "hours", hours_per_month),
	DEFAULT_FIELD("serving", "on_demand_concurrency", "streams", on_demand_concurrency),
	DEFAULT_FIELD("serving", "on_demand_overhead", "ratio", on_demand_overhead),
	DEFAULT_FIELD("serving", "spot_overhead", "ratio", spot_overhead),
	DEFAULT_FIELD("serving", "memory_headroom", "ratio", memory_headroom),
	DEFAULT_FIELD("serving", "context_tokens", "tokens", context_tokens),
	DEFAULT_FIELD("ownership", "service_life_months", "months", service_life_months),
	DEFAULT_FIELD("ownership", "residual_share", "share", residual_share),
	DEFAULT_FIELD("ownership", "electricity_price", "USD/kWh", electricity_price),
	DEFAULT_FIELD("ownership", "pue", "ratio", pue),
	DEFAULT_FIELD("quality", "hard_closed.small", "share", quality_hard_closed[TIER_SMALL]),
	DEFAULT_FIELD("quality", "hard_closed.large", "share", quality_hard_closed[TIER_LARGE]),
	DEFAULT_FIELD("quality", "hard_closed.frontier", "share", quality_hard_closed[TIER_FRONTIER]),
	DEFAULT_FIELD("quality", "hard_open.small", "share", quality_hard_open[TIER_SMALL]),
	DEFAULT_FIELD("quality", "hard_open.large", "share", quality_hard_open[TIER_LARGE]),
	DEFAULT_FIELD("quality", "hard_open.frontier", "share", quality_hard_open[TIER_FRONTIER]),
	DEFAULT_FIELD("quality", "simple_closed.small", "share", quality_simple_closed[TIER_SMALL]),
	DEFAULT_FIELD("quality", "simple_closed.large", "share", quality_simple_closed[TIER_LARGE]),
	DEFAULT_FIELD("quality", "simple_closed.frontier", "share", quality_simple_closed[TIER_FRONTIER]),
	DEFAULT_FIELD("quality", "simple_open.small", "share", quality_simple_open[TIER_SMALL]),
	DEFAULT_FIELD("quality", "simple_open.large", "share", quality_simple_open[TIER_LARGE]),
	DEFAULT_FIELD("quality", "simple_open.frontier", "share", quality_simple_open[TIER_FRONTIER]),
	DEFAULT_FIELD("quality", "gap_months", "months", gap_months),
	DEFAULT_FIELD("quality", "gap_floor_share", "share", gap_floor_share),
	DEFAULT_FIELD("quality", "fine_tuning_gain.none", "share", fine_tuning_gain[EXPERTISE_NONE]),
	DEFAULT_FIELD("quality", "fine_tuning_gain.some", "share", fine_tuning_gain[EXPERTISE_SOME]),
	DEFAULT_FIELD("quality", "fine_tuning_gain.ml_infra", "share", fine_tuning_gain[EXPERTISE_ML_INFRA]),
	DEFAULT_FIELD("thresholds", "volume_low", "tokens/month", volume_low),
	DEFAULT_FIELD("thresholds", "volume_high", "tokens/month", volume_high),
	DEFAULT_FIELD("thresholds", "hard_share", "share", hard_share),
	DEFAULT_FIELD("thresholds", "stale_months", "months", stale_months),
	DEFAULT_FIELD("adjustments", "feature_build_hours", "hours", feature_build_hours),
	DEFAULT_FIELD("adjustments", "feature_upkeep_hours", "hours/month", feature_upkeep_hours),
	DEFAULT_FIELD("adjustments", "hosted_feature_share", "ratio", hosted_feature_share),
	DEFAULT_FIELD("adjustments", "lock_in_migration_hours", "hours", lock_in_migration_hours),
	DEFAULT_FIELD("adjustments", "lock_in_moves_per_year", "1/year", lock_in_moves_per_year),
	DEFAULT_FIELD("adjustments", "fine_tuning_hours.none", "hours", fine_tuning_hours[EXPERTISE_NONE]),
	DEFAULT_FIELD("adjustments", "fine_tuning_hours.some", "hours", fine_tuning_hours[EXPERTISE_SOME]),
	DEFAULT_FIELD("adjustments", "fine_tuning_hours.ml_infra", "hours", fine_tuning_hours[EXPERTISE_ML_INFRA]),
	DEFAULT_FIELD("adjustments", "fine_tuning_epochs", "epochs", fine_tuning_epochs),
	DEFAULT_FIELD("adjustments", "fine_tuning_throughput", "tokens/s", fine_tuning_throughput),
	DEFAULT_FIELD("adjustments", "fine_tuning_retrain_share", "ratio", fine_tuning_retrain_share),
	DEFAULT_FIELD("uncertainty", "volume_spread", "share", volume_spread),
	DEFAULT_FIELD("uncertainty", "ops_hours_spread", "share", ops_hours_spread),
	DEFAULT_FIELD("uncertainty", "hourly_rate_spread", "share", hourly_rate_spread),
	DEFAULT_FIELD("uncertainty", "complex_share_spread", "share", complex_share_spread),
};

#define DATA_DEFAULT_FIELD_COUNT \
	(sizeof data_default_fields / sizeof data_default_fields[0])

/* Keys allowed in a section (or, for a dotted key, its sub-mapping). */
static int
data_defaults_section(const struct doc *doc, const struct doc_node *node,
    const char *section, const char *group, char **cause)
{
	const char *allowed[DATA_DEFAULT_FIELD_COUNT + 1];
	char names[DATA_DEFAULT_FIELD_COUNT][64];
	size_t n = 0, group_length = group ? strlen(group) : 0;

	for (size_t i = 0; i < DATA_DEFAULT_FIELD_COUNT; i++) {
		const struct data_default_field *f = &data_default_fields[i];
		const char *key = f->key, *dot = strchr(key, '.');
		if (strcmp(f->section, section) != 0)
			continue;
		if (group != NULL) {
			if (strncmp(key, group, group_length) != 0 ||
			    key[group_length] != '.')
				continue;
			snprintf(names[n], sizeof names[n], "%s", dot + 1);
		} else {
			snprintf(names[n], sizeof names[n], "%.*s",
			    dot ? (int)(dot - key) : (int)strlen(key), key);
		}
		bool seen = false;
		for (size_t j = 0; j < n; j++)
			if (strcmp(allowed[j], names[n]) == 0)
				seen = true;
		if (!seen) {
			allowed[n] = names[n];
			n++;
		}
	}
	allowed[n] = NULL;
	return doc_expect_keys(doc, node, group ? group : section, allowed,
	    cause);
}

static int
data_load_defaults(struct data *data, const struct doc *doc, char **cause)
{
	static const char *const keys[] = {
		"self_hosted_model", "fine_tuning_gpu", "engineering",
		"serving", "ownership", "quality", "thresholds", "adjustments",
		"uncertainty", NULL
	};
	const char *gpu_id;
	const struct doc_node *root = doc->root, *part;
	const char *model_id;

	if (root == NULL) {
		util_error_at(cause, doc->path, 1, 1, _("file is empty"));
		return -1;
	}
	if (doc_expect_keys(doc, root, doc->path, keys, cause) != 0 ||
	    data_member_string(doc, root, "self_hosted_model", doc->path,
	    &model_id, cause) != 0)
		return -1;
	const struct model *model = data_find_model(data, model_id);
	if (strcmp(model_id, DATA_SELF_HOSTED_AUTO) == 0) {
		data->defaults.self_hosted_model = -1;	/* per evaluation */
	} else if (model == NULL || model->kind != MODEL_OPEN_WEIGHTS) {
		doc_error(cause, doc, doc_get(root, "self_hosted_model"), false,
		    _("self_hosted_model '%s' is not an open_weights model "
		    "(or auto)"), model_id);
		return -1;
	} else {
		data->defaults.self_hosted_model = (int)(model - data->models);
	}
	/* Any open-weights model may run (auto, or pinned by the answers):
	 * each one's throughput entries must fit a decision's options. */
	for (size_t m = 0; m < data->model_count; m++) {
		size_t own_configs = 0;
		for (size_t i = 0; i < data->config_count; i++)
			own_configs += data->configs[i].model == (int)m;
		if (own_configs > DATA_MAX_OPTION_CONFIGS) {
			doc_error(cause, doc, doc_get(root, "self_hosted_model"),
			    false, _("open-weights model '%s' has more than %d "
			    "throughput entries"), data->models[m].id,
			    DATA_MAX_OPTION_CONFIGS);
			return -1;
		}
	}
	for (size_t s = 2; keys[s] != NULL; s++) {
		part = doc_get(root, keys[s]);
		if (part == NULL) {
			doc_error(cause, doc, root, false, _("missing '%s:'"),
			    keys[s]);
			return -1;
		}
		if (data_defaults_section(doc, part, keys[s], NULL, cause) != 0)
			return -1;
	}
	if (data_member_string(doc, root, "fine_tuning_gpu", doc->path,
	    &gpu_id, cause) != 0)
		return -1;
	const struct gpu *gpu = data_find_gpu(data, gpu_id);
	if (gpu == NULL || !gpu->has_cloud_price) {
		doc_error(cause, doc, doc_get(root, "fine_tuning_gpu"), false,
		    _("fine_tuning_gpu '%s' is not a GPU with a cloud_price"),
		    gpu_id);
		return -1;
	}
	data->defaults.fine_tuning_gpu = (int)(gpu - data->gpus);
	for (size_t i = 0; i < DATA_DEFAULT_FIELD_COUNT; i++) {
		const struct data_default_field *f = &data_default_fields[i];
		const struct doc_node *section = doc_get(root, f->section);
		const char *dot = strchr(f->key, '.');
		const char *member = f->key;
		char path[128], group[64];

		if (dot != NULL) {
			snprintf(group, sizeof group, "%.*s", (int)(dot - f->key),
			    f->key);
			const struct doc_node *sub = doc_get(section, group);
			if (sub == NULL) {
				doc_error(cause, doc, section, false,
				    _("%s is missing '%s'"), f->section, group);
				return -1;
			}
			if (data_defaults_section(doc, sub, f->section, group,
			    cause) != 0)
				return -1;
			section = sub;
			member = dot + 1;
		}
		snprintf(path, sizeof path, "defaults.%s%s%.*s", f->section,
		    dot ? "." : "", dot ? (int)(dot - f->key) : 0, f->key);
		if (data_member_figure(data, doc, section, member, path, f->unit,
		    (struct figure *)((char *)&data->defaults + f->offset),
		    cause) != 0)
			return -1;
	}
	const struct defaults *d = &data->defaults;
	const struct data_sanity {
		const struct figure *figure;
		bool ok;
		const char *message;
	} checks[] = {
		{ &d->volume_high, d->volume_low.value < d->volume_high.value,
		  N_("thresholds.volume_high must exceed volume_low") },
		{ &d->on_demand_concurrency, d->on_demand_concurrency.low >= 1,
		  N_("on_demand_concurrency and its range must be at least 1") },
		{ &d->on_demand_overhead, d->on_demand_overhead.low >= 1,
		  N_("on_demand_overhead and its range must be at least 1") },
		{ &d->memory_headroom, d->memory_headroom.low > 0 &&
		  d->memory_headroom.high <= 1,
		  N_("memory_headroom and its range must lie in (0, 1]") },
		{ &d->hours_per_month, d->hours_per_month.low > 0,
		  N_("hours_per_month must be positive") },
		{ &d->service_life_months, d->service_life_months.low >= 1,
		  N_("service_life_months and its range must be at least 1") },
		{ &d->residual_share, d->residual_share.low >= 0 &&
		  d->residual_share.high < 1,
		  N_("residual_share and its range must lie in [0, 1)") },
		{ &d->spot_overhead, d->spot_overhead.low >= 1,
		  N_("spot_overhead and its range must be at least 1") },
		{ &d->pue, d->pue.low >= 1,
		  N_("pue and its range must be at least 1") },
		{ &d->volume_spread, d->volume_spread.value >= 0 &&
		  d->volume_spread.value < 1 && d->ops_hours_spread.value >= 0 &&
		  d->ops_hours_spread.value < 1 &&
		  d->hourly_rate_spread.value >= 0 &&
		  d->hourly_rate_spread.value < 1,
		  N_("the uncertainty spreads must lie in [0, 1)") },
		{ &d->complex_share_spread, d->complex_share_spread.value >= 0 &&
		  d->complex_share_spread.value <= 0.5,
		  N_("complex_share_spread must lie in [0, 0.5]") },
		{ &d->fine_tuning_throughput, d->fine_tuning_throughput.low > 0 &&
		  d->fine_tuning_epochs.low > 0,
		  N_("fine_tuning_throughput, fine_tuning_epochs and their "
		  "ranges must be positive") },
		{ &d->gap_floor_share, d->gap_floor_share.low >= 0 &&
		  d->gap_floor_share.high <= 1,
		  N_("gap_floor_share and its range must lie in [0, 1]") },
	};
	for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++) {
		if (!checks[i].ok) {
			util_error_at(cause, doc->path, checks[i].figure->line,
			    checks[i].figure->column, "%s",
			    _(checks[i].message));
			return -1;
		}
	}
	return 0;
}

/* Empties data, ready for data_load_file. */
void
data_init(struct data *data)
{
	memset(data, 0, sizeof *data);
	data->defaults.self_hosted_model = -1;	/* until defaults.yaml */
	data->defaults.fine_tuning_gpu = -1;
}

/* Parses one data file and loads it over the files before it (see
 * data.h); the name is kept in the data's memory for messages. */
int
data_load_file(struct data *data, enum data_file file, const char *name,
    const char *text, char **cause)
{
	static int (*const loaders[DATA_FILE_COUNT])(struct data *,
	    const struct doc *, char **) = {
		data_load_models, data_load_gpus, data_load_defaults
	};
	const char **names[DATA_FILE_COUNT] = {
		&data->models_file, &data->gpus_file, &data->defaults_file
	};
	struct doc doc;
	int result;

	if (doc_parse_yaml_named(&doc, &data->arena, name, text, cause) != 0)
		return -1;
	/* Figures point into the tree's texts: they join the data's memory,
	 * the nodes go. */
	result = loaders[file](data, &doc, cause);
	doc_keep_texts(&doc, &data->arena);
	if (result != 0)
		return -1;
	*names[file] = doc.path;
	if (file == DATA_FILE_MODELS)
		for (size_t i = 0; i < data->model_count; i++)
			if (data->models[i].kind == MODEL_API &&
			    data->models[i].tier == TIER_FRONTIER &&
			    !data->models[i].retired &&
			    data->models[i].fine_tuning)
				data->closed_fine_tuning = true;
	return 0;
}

/* Loads data from three texts; names are used in messages. */
int
data_load_texts(struct data *data, const char *models_name,
    const char *models, const char *gpus_name, const char *gpus,
    const char *defaults_name, const char *defaults, char **cause)
{
	data_init(data);
	if (data_load_file(data, DATA_FILE_MODELS, models_name, models,
	    cause) != 0 ||
	    data_load_file(data, DATA_FILE_GPUS, gpus_name, gpus, cause) != 0 ||
	    data_load_file(data, DATA_FILE_DEFAULTS, defaults_name, defaults,
	    cause) != 0) {
		data_free(data);
		return -1;
	}
	return 0;
}

/* Duplicates count elements of size from base's array into the copy's
 * arena (see data_copy). */
static int
data_copy_array(struct data *copy, void **array, size_t *capacity,
    size_t count, size_t size, char **cause)
{
	const void *from = *array;
	*array = NULL;
	*capacity = 0;
	if (count == 0)
		return 0;
	if (data_grow(copy, array, capacity, 0, count, size, cause) != 0)
		return -1;
	memcpy(*array, from, count * size);
	return 0;
}

/* Copies base: the entries refer to each other by index, so the copy
 * needs only arrays of its own (in its own arena) to be complete. */
int
data_copy(struct data *copy, const struct data *base, char **cause)
{
	void *arrays[6];
	size_t values_capacity;
	*copy = *base;
	copy->arena.first = NULL;	/* base owns the text */
	arrays[0] = copy->models;
	arrays[1] = copy->gpus;
	arrays[2] = copy->configs;
	arrays[3] = copy->figure_places;
	arrays[4] = copy->values;
	arrays[5] = copy->unrated_names;
	if (data_copy_array(copy, &arrays[0], &copy->model_capacity,
	    base->model_count, sizeof *base->models, cause) != 0 ||
	    data_copy_array(copy, &arrays[1], &copy->gpu_capacity,
	    base->gpu_count, sizeof *base->gpus, cause) != 0 ||
	    data_copy_array(copy, &arrays[2], &copy->config_capacity,
	    base->config_count, sizeof *base->configs, cause) != 0 ||
	    data_copy_array(copy, &arrays[3], &copy->figure_capacity,
	    base->figure_count, sizeof *base->figure_places, cause) != 0 ||
	    data_copy_array(copy, &arrays[4], &values_capacity,
	    base->figure_count, sizeof *base->values, cause) != 0 ||
	    data_copy_array(copy, &arrays[5], &copy->unrated_name_capacity,
	    base->unrated_name_count, sizeof *base->unrated_names,
	    cause) != 0) {
		arena_free(&copy->arena);
		memset(copy, 0, sizeof *copy);
		return -1;
	}
	copy->models = arrays[0];
	copy->gpus = arrays[1];
	copy->configs = arrays[2];
	copy->figure_places = arrays[3];
	copy->values = arrays[4];
	copy->unrated_names = arrays[5];
	/* The name index is a hash table: its size is part of it. */
	if (base->model_name_slots > 0) {
		copy->model_names = arena_alloc(&copy->arena,
		    base->model_name_slots * sizeof *copy->model_names);
		if (copy->model_names == NULL) {
			util_error(cause, _("out of memory"));
			arena_free(&copy->arena);
			memset(copy, 0, sizeof *copy);
			return -1;
		}
		memcpy(copy->model_names, base->model_names,
		    base->model_name_slots * sizeof *copy->model_names);
	}
	/* Both arrays grow together in data_register. */
	if (values_capacity < copy->figure_capacity)
		copy->figure_capacity = values_capacity;
	return 0;
}

/* A hosted_open entry of a streamed overlay, linked to its weights once
 * the file is read (the overlay keeps its nodes: data_overlay_item). */
struct data_overlay_pending {
	size_t model;
	const char *weights;
	struct doc_node node;
};

/* An overlay read entry by entry (struct doc_stream). */
struct data_overlay_stream {
	struct data *data;
	struct data_model_list list;
	struct data_overlay_pending *pending;
	size_t pending_count, pending_capacity;
};

/* One entry of a streamed overlay: read as data_load_model_list reads
 * it; its memory is kept only for a model added (whose texts the data
 * points at). */
static int
data_overlay_item(void *context, const struct doc *doc,
    const struct doc_node *node, char **cause)
{
	struct data_overlay_stream *s = context;
	struct data *data = s->data;
	const char *weights;
	enum data_entry done;
	if (data_model_entry(data, &s->list, doc, node, &weights, &done,
	    cause) != 0)
		return -1;
	if (done != DATA_ENTRY_ADDED)
		return 0;
	if (data->models[data->model_count - 1].kind != MODEL_HOSTED_OPEN)
		return 1;
	if (s->pending_count == s->pending_capacity) {
		size_t capacity = s->pending_capacity ?
		    2 * s->pending_capacity : 16;
		void *grown = realloc(s->pending, capacity * sizeof *s->pending);
		if (grown == NULL) {
			util_error(cause, _("out of memory"));
			return -1;
		}
		s->pending = grown;
		s->pending_capacity = capacity;
	}
	s->pending[s->pending_count++] = (struct data_overlay_pending) {
		data->model_count - 1, weights, *node
	};
	return 1;
}

/* The fast reader declined after some entries: what they kept joins the
 * data's memory; libyaml's pass hands over only the entries after them
 * (struct doc_stream). */
static void
data_overlay_restart(void *context, struct doc *doc)
{
	struct data_overlay_stream *s = context;
	doc_keep(doc, &s->data->arena);
}

/* True for an overlay that adds nothing: empty, or "models:" alone. */
static bool
data_overlay_empty(const struct doc *doc)
{
	const struct doc_node *list = doc->root != NULL &&
	    doc->root->type == DOC_MAPPING ? doc_get(doc->root, "models") :
	    NULL;
	return doc->root == NULL || (doc->root->count == 1 && list != NULL &&
	    list->type == DOC_SCALAR && list->null);
}

/* Reads an overlay entry by entry for data_load_compared: its unrated
 * models are kept by name, the rest as data_load_model_list keeps them. */
static int
data_overlay_stream(struct data *data, struct doc *doc, const char *name,
    const char *text, char **cause)
{
	struct data_overlay_stream s = { .data = data };
	struct doc_stream stream = {
		"models", data_overlay_item, data_overlay_restart, &s
	};
	int result = -1;
	memset(doc, 0, sizeof *doc);
	data_model_list_start(data, true, &s.list);
	if (doc_parse_yaml_stream(doc, &data->arena, name, text,
	    DATA_OVERLAY_MAX_NODES, &stream, cause) != 0) {
		free(s.pending);
		return -1;
	}
	/* The entries are read; the file's frame is checked now. */
	if (data_overlay_empty(doc) ||
	    data_top_list(doc, "models", cause) != NULL)
		result = 0;
	for (size_t i = 0; result == 0 && i < s.pending_count; i++)
		if (data_link_weights(data, doc, s.pending[i].model,
		    s.pending[i].weights, &s.pending[i].node, cause) != 0)
			result = -1;
	free(s.pending);
	return result;
}

/* Loads one models overlay over the data (see data.h). */
int
data_overlay_apply(struct data *data, const char *name, const char *text,
    char **cause)
{
	struct doc doc;
	int result;
	if (data->unrated_by_name) {
		result = data_overlay_stream(data, &doc, name, text, cause);
		goto finish;
	}
	if (doc_parse_yaml_named_limit(&doc, &data->arena, name, text,
	    DATA_OVERLAY_MAX_NODES, cause) != 0)
		return -1;
	result = data_overlay_empty(&doc) ? 0 :
	    data_load_model_list(data, &doc, true, cause);
finish:
	doc_keep_texts(&doc, &data->arena);	/* as data_load_file */
	/* The compared models: the rated api and hosted_open ones. */
	for (size_t i = 0; result == 0 && i < data->option_model_count; i++) {
		const struct model *m = &data->models[data->option_models[i]];
		if (m->kind == MODEL_API && m->tier == TIER_FRONTIER &&
		    m->fine_tuning)
			data->closed_fine_tuning = true;
	}
	if (result == 0 && data->overlay_file_count < DATA_MAX_PRICE_FILES)
		data->overlay_files[data->overlay_file_count++] = doc.path;
	return result;
}

/* Releases everything data_load allocated. */
void
data_free(struct data *data)
{
	arena_free(&data->arena);
}

/* Finds a model by id or alias. */
const struct model *
data_find_model(const struct data *data, const char *id)
{
	if (data->model_name_slots > 0) {
		const struct data_name *slot = data_name_slot(
		    data->model_names, data->model_name_slots, id);
		return slot->model < 0 ? NULL : &data->models[slot->model];
	}
	/* Data put together by hand, without the index. */
	for (size_t i = 0; i < data->model_count; i++) {
		const struct model *m = &data->models[i];
		if (strcmp(m->id, id) == 0)
			return m;
		for (size_t j = 0; j < m->alias_count; j++)
			if (strcmp(m->aliases[j], id) == 0)
				return m;
	}
	return NULL;
}

/* Finds an unrated model kept by name only (see data.h). */
struct data_unrated_name *
data_find_unrated_name(const struct data *data, const char *id)
{
	if (data->model_name_slots > 0) {
		const struct data_name *slot = data_name_slot(
		    data->model_names, data->model_name_slots, id);
		return slot->model > -2 ? NULL :
		    &data->unrated_names[-2 - slot->model];
	}
	for (size_t i = 0; i < data->unrated_name_count; i++)
		if (strcmp(data->unrated_names[i].id, id) == 0)
			return &data->unrated_names[i];
	return NULL;
}

/* Finds a GPU by id. */
const struct gpu *
data_find_gpu(const struct data *data, const char *id)
{
	for (size_t i = 0; i < data->gpu_count; i++)
		if (strcmp(data->gpus[i].id, id) == 0)
			return &data->gpus[i];
	return NULL;
}
