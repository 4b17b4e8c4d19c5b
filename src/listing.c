/* listing.c - the data listings (--list-models, --list-gpus): every
 * figure of the models or GPUs with its provenance, as aligned text
 * tables or as JSON; see listing.h. */
#include "config.h"

#include <cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "json.h"
#include "listing.h"

/* Where a figure came from (see listing.h). */
const char *
listing_origin(const struct figure *figure, const char *system_dir)
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
listing_add_figure(const struct figure *figure, const char *name,
    const struct figure **figures, const char **names, size_t size,
    size_t *n)
{
	if (figure == NULL || *n >= size)
		return;
	figures[*n] = figure;
	names[*n] = name;
	(*n)++;
}

/* A model's figures (see listing.h). */
size_t
listing_model_figures(const struct model *m, const struct figure **figures,
    const char **names, size_t size)
{
	static const char *const sizes[QUANT_COUNT] = {
		"weights_size.fp16", "weights_size.int8", "weights_size.int4"
	};
	size_t n = 0;
	if (m->kind != MODEL_OPEN_WEIGHTS) {
		for (int p = 0; p < DATA_PRICE_COUNT; p++)
			listing_add_figure(data_model_price(m, (enum data_price)p),
			    data_price_name((enum data_price)p), figures, names,
			    size, &n);
		return n;
	}
	listing_add_figure(&m->parameters, "parameters", figures, names, size,
	    &n);
	listing_add_figure(&m->active_parameters, "active_parameters", figures,
	    names, size, &n);
	for (int q = 0; q < QUANT_COUNT; q++)
		if (m->has_weights_size[q])
			listing_add_figure(&m->weights_size[q], sizes[q], figures,
			    names, size, &n);
	listing_add_figure(&m->kv_bytes_per_token, "kv_bytes_per_token",
	    figures, names, size, &n);
	return n;
}

/* A GPU's own figures (see listing.h). */
size_t
listing_gpu_figures(const struct gpu *g, const struct figure **figures,
    const char **names, size_t size)
{
	size_t n = 0;
	listing_add_figure(&g->memory, "memory", figures, names, size, &n);
	if (g->has_cloud_price)
		listing_add_figure(&g->cloud_price, "cloud_price", figures, names,
		    size, &n);
	if (g->has_purchase_price)
		listing_add_figure(&g->purchase_price, "purchase_price", figures,
		    names, size, &n);
	listing_add_figure(&g->power, "power", figures, names, size, &n);
	return n;
}

/* Columns of a listing. */
enum {
	LISTING_COL_FIGURE, LISTING_COL_VALUE, LISTING_COL_UNIT, LISTING_COL_RANGE,
	LISTING_COL_AS_OF, LISTING_COL_VERIFIED, LISTING_COL_CHECK,
	LISTING_COL_ORIGIN, LISTING_COL_FILE, LISTING_COL_SOURCE, LISTING_COLS
};

/* One row: a group line (title set) or a figure's cells. */
struct listing_row {
	char *title;
	char *cells[LISTING_COLS];
};

/* Display width of UTF-8 text (one column per character). */
static size_t
listing_width(const char *text)
{
	size_t width = 0;
	for (const char *p = text; *p != '\0'; p++)
		width += ((unsigned char)*p & 0xC0) != 0x80;
	return width;
}

/* A malloc'd copy of text with runs of white space made one space. */
static char *
listing_one_line(const char *text)
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
 * fraction go through listing_number_cell). */
static char *
listing_cell(const char *format, ...)
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
listing_number_cell(double low, double high, bool range)
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
listing_rows(struct listing_row *rows, size_t *n, size_t size,
    const struct figure **figures, const char **names, size_t count,
    time_t now, double months, const char *system_dir)
{
	for (size_t i = 0; i < count && *n < size; i++) {
		const struct figure *f = figures[i];
		struct listing_row *row = &rows[(*n)++];
		bool stale = data_figure_stale(f, now, months);
		memset(row, 0, sizeof *row);
		row->cells[LISTING_COL_FIGURE] = listing_cell("  %s", names[i]);
		row->cells[LISTING_COL_VALUE] = listing_number_cell(f->value, 0,
		    false);
		row->cells[LISTING_COL_UNIT] = strdup(f->unit);
		row->cells[LISTING_COL_RANGE] = listing_number_cell(f->low, f->high,
		    true);
		row->cells[LISTING_COL_AS_OF] = strdup(f->as_of);
		row->cells[LISTING_COL_VERIFIED] = strdup(f->verified ? _("yes") :
		    _("no"));
		row->cells[LISTING_COL_CHECK] = strdup(stale && !f->verified ?
		    _("STALE, UNVERIFIED") : stale ? _("STALE") : !f->verified ?
		    _("UNVERIFIED") : "");
		row->cells[LISTING_COL_ORIGIN] = strdup(listing_origin(f,
		    system_dir));
		row->cells[LISTING_COL_FILE] = listing_cell("%s:%d", f->file,
		    f->line);
		row->cells[LISTING_COL_SOURCE] = listing_one_line(f->source);
	}
}

/* Prints rows as an aligned table and frees them. */
static void
listing_table(struct listing_row *rows, size_t n, struct buffer *out)
{
	const char *heads[LISTING_COLS] = {
		_("FIGURE"), _("VALUE"), _("UNIT"), _("RANGE"), _("AS OF"),
		_("VERIFIED"), _("CHECK"), _("ORIGIN"), _("FILE"), _("SOURCE")
	};
	size_t widths[LISTING_COLS];

	for (int c = 0; c < LISTING_COLS; c++)
		widths[c] = listing_width(heads[c]);
	for (size_t i = 0; i < n; i++)
		for (int c = 0; c < LISTING_COLS; c++)
			if (rows[i].title == NULL && rows[i].cells[c] != NULL &&
			    listing_width(rows[i].cells[c]) > widths[c])
				widths[c] = listing_width(rows[i].cells[c]);
	for (int c = 0; c < LISTING_COLS; c++) {
		buffer_add(out, heads[c]);
		if (c + 1 < LISTING_COLS)
			buffer_add_repeat(out, " ", widths[c] -
			    listing_width(heads[c]) + 2);
	}
	buffer_add(out, "\n");
	for (size_t i = 0; i < n; i++) {
		struct listing_row *row = &rows[i];
		if (row->title != NULL) {
			buffer_printf(out, "%s\n", row->title);
			free(row->title);
			continue;
		}
		/* Trailing empty cells are left out, not padded. */
		int last = LISTING_COLS - 1;
		while (last > 0 && (row->cells[last] == NULL ||
		    *row->cells[last] == '\0'))
			last--;
		for (int c = 0; c <= last; c++) {
			const char *cell = row->cells[c] ? row->cells[c] : "";
			bool right = c == LISTING_COL_VALUE;
			size_t pad = widths[c] - listing_width(cell);
			if (right)
				buffer_add_repeat(out, " ", pad);
			buffer_add(out, cell);
			if (c < last)
				buffer_add_repeat(out, " ", (right ? 0 : pad) + 2);
		}
		buffer_add(out, "\n");
		for (int c = 0; c < LISTING_COLS; c++)
			free(row->cells[c]);
	}
}

/* The legend under a listing. */
static void
listing_legend(const struct data *data, time_t now, struct buffer *out)
{
	char date[16], months[32];
	util_format_date(date, sizeof date, now);
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
listing_end(const struct data *data, time_t now,
    struct listing_row *rows, size_t n, size_t start, struct buffer *out)
{
	listing_table(rows, n, out);
	free(rows);
	listing_legend(data, now, out);
	buffer_escape_controls(out, start);
}

/* Aligned table of every model's figures (see listing.h). */
void
listing_models(const struct data *data, time_t now,
    const char *system_dir, struct buffer *out)
{
	const struct figure *figures[32];
	const char *names[32];
	size_t size = data->model_count * 33 + 1, n = 0;
	struct listing_row *rows = calloc(size, sizeof *rows);
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
		size_t count = listing_model_figures(m, figures, names, 32);
		struct listing_row *row = &rows[n++];
		memset(row, 0, sizeof *row);
		if (m->deprecation_date != NULL)
			row->title = listing_cell(_("%s: %s (%s, %s; deprecated "
			    "%s)"), m->id, m->name, data_model_kind_name(m->kind),
			    m->provider, m->deprecation_date);
		else
			row->title = listing_cell("%s: %s (%s, %s)", m->id, m->name,
			    data_model_kind_name(m->kind), m->provider);
		listing_rows(rows, &n, size, figures, names, count, now, months,
		    system_dir);
	}
	listing_end(data, now, rows, n, start, out);
}

/* Aligned table of every GPU's figures (see listing.h). */
void
listing_gpus(const struct data *data, time_t now,
    const char *system_dir, struct buffer *out)
{
	const struct figure *figures[32];
	const char *names[32];
	size_t size = data->gpu_count * 5 + 1, n = 0;
	struct listing_row *rows = calloc(size, sizeof *rows);
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
		size_t count = listing_gpu_figures(g, figures, names, 32);
		struct listing_row *row = &rows[n++];
		memset(row, 0, sizeof *row);
		row->title = listing_cell("%s: %s (%s)", g->id, g->name,
		    data_gpu_class_name(g->class));
		listing_rows(rows, &n, size, figures, names, count, now, months,
		    system_dir);
	}
	listing_end(data, now, rows, n, start, out);
}

/* One figure with its provenance. */
static cJSON *
listing_json_figure(const char *name, const struct figure *f, time_t now,
    double months, const char *system_dir)
{
	cJSON *j = cJSON_CreateObject();
	cJSON_AddStringToObject(j, "name", name);
	cJSON_AddStringToObject(j, "key", f->key);
	cJSON_AddNumberToObject(j, "value", f->value);
	cJSON_AddStringToObject(j, "unit", f->unit);
	cJSON *range = cJSON_AddArrayToObject(j, "range");
	cJSON_AddItemToArray(range, cJSON_CreateNumber(f->low));
	cJSON_AddItemToArray(range, cJSON_CreateNumber(f->high));
	cJSON_AddStringToObject(j, "source", f->source);
	cJSON_AddStringToObject(j, "as_of", f->as_of);
	cJSON_AddBoolToObject(j, "verified", f->verified);
	cJSON_AddBoolToObject(j, "stale", data_figure_stale(f, now, months));
	cJSON_AddStringToObject(j, "origin", listing_origin(f, system_dir));
	cJSON_AddStringToObject(j, "file", f->file);
	cJSON_AddNumberToObject(j, "line", f->line);
	return j;
}

/* Every model's or GPU's figures as JSON (see listing.h). */
int
listing_render_json(const struct data *data, bool gpus, time_t now,
    const char *system_dir, struct buffer *out, char **cause)
{
	const struct figure *figures[32];
	const char *names[32];
	double months = data->defaults.stale_months.value;
	cJSON *root = cJSON_CreateObject();
	char date[16];

	util_format_date(date, sizeof date, now);
	cJSON_AddStringToObject(root, "date", date);
	cJSON_AddNumberToObject(root, "stale_months", months);
	cJSON *files = cJSON_AddObjectToObject(root, "files");
	cJSON_AddStringToObject(files, gpus ? "gpus" : "models",
	    gpus ? data->gpus_file : data->models_file);
	if (!gpus) {
		cJSON *prices = cJSON_AddArrayToObject(files, "prices");
		for (size_t i = 0; i < data->prices_file_count; i++)
			cJSON_AddItemToArray(prices,
			    cJSON_CreateString(data->prices_files[i]));
	}
	cJSON *list = cJSON_AddArrayToObject(root, gpus ? "gpus" : "models");
	size_t count = gpus ? data->gpu_count : data->model_count;
	for (size_t i = 0; i < count; i++) {
		cJSON *j = cJSON_CreateObject();
		size_t n;
		if (gpus) {
			const struct gpu *g = &data->gpus[i];
			cJSON_AddStringToObject(j, "id", g->id);
			cJSON_AddStringToObject(j, "name", g->name);
			cJSON_AddStringToObject(j, "class",
			    data_gpu_class_name(g->class));
			n = listing_gpu_figures(g, figures, names, 32);
		} else {
			const struct model *m = &data->models[i];
			cJSON_AddStringToObject(j, "id", m->id);
			cJSON_AddStringToObject(j, "name", m->name);
			cJSON_AddStringToObject(j, "kind",
			    data_model_kind_name(m->kind));
			cJSON_AddStringToObject(j, "provider", m->provider);
			cJSON_AddStringToObject(j, "tier", data_tier_name(m->tier));
			cJSON *aliases = cJSON_AddArrayToObject(j, "aliases");
			for (size_t a = 0; a < m->alias_count; a++)
				cJSON_AddItemToArray(aliases,
				    cJSON_CreateString(m->aliases[a]));
			if (m->deprecation_date != NULL)
				cJSON_AddStringToObject(j, "deprecation_date",
				    m->deprecation_date);
			else
				cJSON_AddNullToObject(j, "deprecation_date");
			n = listing_model_figures(m, figures, names, 32);
		}
		cJSON *items = cJSON_AddArrayToObject(j, "figures");
		for (size_t k = 0; k < n; k++)
			cJSON_AddItemToArray(items, listing_json_figure(names[k],
			    figures[k], now, months, system_dir));
		cJSON_AddItemToArray(list, j);
	}
	return json_print(root, out, cause);
}

/* defaults.yaml's self_hosted_model, and for auto the model it picks for
 * each set of answers given. */
void
listing_self_hosted(const struct data *data, const struct listing_pick *picks,
    size_t count, struct buffer *out)
{
	const struct model *pinned = data_self_hosted_model(data);
	if (pinned != NULL) {
		buffer_printf(out, _("\nSelf-hosted model: %s (defaults.yaml "
		    "self_hosted_model pins it;\nan answer may pin another).\n"),
		    pinned->id);
		return;
	}
	buffer_add(out, _("\nSelf-hosted model: auto (defaults.yaml "
	    "self_hosted_model; an answer may pin\nan id above): the cheapest "
	    "open-weights model that fits a GPU configuration,\nof the tier the "
	    "answers need. For the default answers (12M tokens a month):\n"));
	for (size_t i = 0; i < count; i++) {
		if (picks[i].model < 0) {
			buffer_printf(out, _("  %s: none fits\n"), picks[i].label);
			continue;
		}
		const struct model *m = &data->models[picks[i].model];
		buffer_printf(out, _("  %s: %s (%s tier)\n"), picks[i].label,
		    m->id, data_tier_name(m->tier));
	}
}
