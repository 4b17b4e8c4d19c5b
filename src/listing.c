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
	if (strcmp(slash ? slash + 1 : file, "prices.yaml") == 0 ||
	    strcmp(slash ? slash + 1 : file, DATA_OVERLAY_FILE) == 0)
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

/* Columns of a listing: each figure's row stays within 80 columns; its
 * unit, file and source follow on a line of their own. */
enum {
	LISTING_COL_FIGURE, LISTING_COL_VALUE, LISTING_COL_RANGE,
	LISTING_COL_CHECK, LISTING_COLS
};

/* Where the source line of a figure starts, and where lines end. */
#define LISTING_NOTE_INDENT 6
#define LISTING_WIDTH 80

/* One row: a group line (title set) or a figure's cells and its note
 * (as-of date, unit, file, source). */
struct listing_row {
	char *title;
	char *cells[LISTING_COLS];
	char *note;
};

/* The files the figures come from, numbered in order of appearance, so
 * that a path is printed once, not on every row. */
struct listing_files {
	const char **names;
	size_t count, size;
};

/* The number (from 1) of a figure's file, added when new; 0 when out of
 * memory (the row then names the file itself). */
static size_t
listing_file_number(struct listing_files *files, const char *name)
{
	for (size_t i = 0; i < files->count; i++)
		if (strcmp(files->names[i], name) == 0)
			return i + 1;
	if (files->count == files->size) {
		size_t size = files->size ? files->size * 2 : 8;
		const char **more = realloc(files->names, size * sizeof *more);
		if (more == NULL)
			return 0;
		files->names = more;
		files->size = size;
	}
	files->names[files->count++] = name;
	return files->count;
}

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
    time_t now, double months, struct listing_files *files)
{
	for (size_t i = 0; i < count && *n < size; i++) {
		const struct figure *f = figures[i];
		struct listing_row *row = &rows[(*n)++];
		bool stale = data_figure_stale(f, now, months);
		size_t file = listing_file_number(files, f->file);
		char *source = listing_one_line(f->source);
		memset(row, 0, sizeof *row);
		row->cells[LISTING_COL_FIGURE] = listing_cell("  %s", names[i]);
		row->cells[LISTING_COL_VALUE] = listing_number_cell(f->value, 0,
		    false);
		row->cells[LISTING_COL_RANGE] = listing_number_cell(f->low, f->high,
		    true);
		row->cells[LISTING_COL_CHECK] = strdup(stale && !f->verified ?
		    _("STALE, UNVERIFIED") : stale ? _("STALE") : !f->verified ?
		    _("UNVERIFIED") : "");
		if (file > 0)
			row->note = listing_cell(_("as of %s, %s, [%zu]:%d: %s"),
			    f->as_of, f->unit, file, f->line, source ? source : "");
		else
			row->note = listing_cell(_("as of %s, %s, %s:%d: %s"),
			    f->as_of, f->unit, f->file, f->line,
			    source ? source : "");
		free(source);
	}
}

/* Appends text from column indent on, wrapped at spaces so that lines
 * end by LISTING_WIDTH (a word longer than a line stands alone). */
static void
listing_wrap(struct buffer *out, const char *text, size_t indent)
{
	size_t column = indent;
	buffer_add_repeat(out, " ", indent);
	while (*text != '\0') {
		const char *end = strchr(text, ' ');
		size_t length = end ? (size_t)(end - text) : strlen(text);
		char word[1024];
		snprintf(word, sizeof word, "%.*s", (int)length, text);
		size_t width = listing_width(word);
		if (column > indent && column + 1 + width > LISTING_WIDTH) {
			buffer_add(out, "\n");
			buffer_add_repeat(out, " ", indent);
			column = indent;
		} else if (column > indent) {
			buffer_add(out, " ");
			column++;
		}
		buffer_add_length(out, text, length);
		column += width;
		text += length;
		while (*text == ' ')
			text++;
	}
	buffer_add(out, "\n");
}

/* Prints rows as an aligned table and frees them. */
static void
listing_table(struct listing_row *rows, size_t n, struct buffer *out)
{
	const char *heads[LISTING_COLS] = {
		_("FIGURE"), _("VALUE"), _("RANGE"), _("CHECK")
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
			listing_wrap(out, row->title, 0);
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
		if (row->note != NULL)
			listing_wrap(out, row->note, LISTING_NOTE_INDENT);
		for (int c = 0; c < LISTING_COLS; c++)
			free(row->cells[c]);
		free(row->note);
	}
}

/* The numbered files, each with its origin, once for the listing. */
static void
listing_file_legend(const struct listing_files *files, const char *system_dir,
    struct buffer *out)
{
	listing_wrap(out, _("Files (ORIGIN: default = built into llmadvisor or "
	    "its installed data folder; override = another data folder "
	    "(--data-dir, $LLMADVISOR_DATADIR, ~/.config/llmadvisor); import = "
	    "written by --import-prices):"), 0);
	for (size_t i = 0; i < files->count; i++) {
		struct figure at = { .file = files->names[i] };
		char head[64];
		int width = snprintf(head, sizeof head, "  [%zu] %-8s  ", i + 1,
		    listing_origin(&at, system_dir));
		/* A path too long for the line goes whole on the next one,
		 * where it can be copied. */
		if (width + strlen(files->names[i]) > 80)
			buffer_printf(out, "%s\n      %s\n", head,
			    files->names[i]);
		else
			buffer_printf(out, "%s%s\n", head, files->names[i]);
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
	char line[512];
	buffer_add(out, "\n");
	snprintf(line, sizeof line, _("STALE: a price dated more than %s months "
	    "before %s (thresholds.stale_months)."), months, date);
	listing_wrap(out, line, 0);
	listing_wrap(out, _("UNVERIFIED: an estimate, or a number no source we "
	    "read states."), 0);
	listing_wrap(out, _("Under each figure: the date it held on, its unit, "
	    "[file]:line and its source."), 0);
}

/* Ends a listing begun at byte start of out: the table of n rows (freed
 * here), the legends, and escapes, since names and sources come from
 * data files, which may be anyone's. */
static void
listing_end(const struct data *data, time_t now, struct listing_row *rows,
    size_t n, struct listing_files *files, const char *system_dir,
    size_t start, struct buffer *out)
{
	listing_table(rows, n, out);
	free(rows);
	listing_legend(data, now, out);
	buffer_add(out, "\n");
	listing_file_legend(files, system_dir, out);
	free(files->names);
	buffer_escape_controls(out, start);
}

/* True when the data marks a model retired (no longer offered: listed,
 * never compared). */
static bool
listing_model_retired(const struct model *m)
{
	return m->retired;
}

/* A model's group line: id, name, kind, provider and tier, or how to
 * rate an unrated one, and whether it is deprecated or retired. */
static char *
listing_model_title(const struct model *m, struct listing_files *files)
{
	char tier[256], state[128] = "";
	size_t file = m->file ? listing_file_number(files, m->file) : 0;
	if (m->unrated && file > 0)
		snprintf(tier, sizeof tier, _("UNRATED: set its tier in [%zu]"),
		    file);
	else if (m->unrated)
		snprintf(tier, sizeof tier, _("UNRATED: set its tier in %s"),
		    m->file ? m->file : DATA_OVERLAY_FILE);
	else
		snprintf(tier, sizeof tier, "%s", data_tier_name(m->tier));
	if (listing_model_retired(m))
		snprintf(state, sizeof state, "; %s", _("RETIRED"));
	else if (m->deprecation_date != NULL)
		snprintf(state, sizeof state, _("; deprecated %s"),
		    m->deprecation_date);
	if (strcmp(m->id, m->name) == 0)	/* an imported model */
		return listing_cell("%s (%s, %s, %s%s)", m->id,
		    data_model_kind_name(m->kind), m->provider, tier, state);
	return listing_cell("%s: %s (%s, %s, %s%s)", m->id, m->name,
	    data_model_kind_name(m->kind), m->provider, tier, state);
}

/* Aligned table of every model's figures (see listing.h). */
void
listing_models(const struct data *data, time_t now,
    const char *system_dir, struct buffer *out)
{
	const struct figure *figures[32];
	const char *names[32];
	size_t size = data->model_count * 33 + 1, n = 0, unrated = 0;
	struct listing_row *rows = calloc(size, sizeof *rows);
	struct listing_files files = { 0 };
	double months = data->defaults.stale_months.value;
	size_t start = out->length;

	if (rows == NULL) {
		out->failed = true;
		return;
	}
	buffer_add(out, _("Models (prices in USD per million tokens)\n\n"));
	for (size_t i = 0; i < data->model_count; i++) {
		const struct model *m = &data->models[i];
		size_t count = listing_model_figures(m, figures, names, 32);
		struct listing_row *row = &rows[n++];
		memset(row, 0, sizeof *row);
		row->title = listing_model_title(m, &files);
		unrated += m->unrated;
		listing_rows(rows, &n, size, figures, names, count, now, months,
		    &files);
	}
	listing_end(data, now, rows, n, &files, system_dir, start, out);
	if (unrated > 0) {
		char line[512];
		snprintf(line, sizeof line, ngettext_("UNRATED: %zu model an "
		    "import added is listed but never compared: edit its file "
		    "and set tier: small, large or frontier (for example tier: "
		    "large).", "UNRATED: %zu models an import added are listed "
		    "but never compared: edit their file and set tier: small, "
		    "large or frontier (for example tier: large).", unrated),
		    unrated);
		buffer_add(out, "\n");
		listing_wrap(out, line, 0);
	}
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
	struct listing_files files = { 0 };
	double months = data->defaults.stale_months.value;
	size_t start = out->length;

	if (rows == NULL) {
		out->failed = true;
		return;
	}
	buffer_add(out, _("GPUs (throughput figures are listed in -f markdown "
	    "reports)\n\n"));
	for (size_t i = 0; i < data->gpu_count; i++) {
		const struct gpu *g = &data->gpus[i];
		size_t count = listing_gpu_figures(g, figures, names, 32);
		struct listing_row *row = &rows[n++];
		memset(row, 0, sizeof *row);
		if (g->discontinued) {
			/* TRANSLATORS: a GPU no longer sold new, and since
			 * when: "(apple_silicon; DISCONTINUED 2026-03-06)". */
			const char *mark = _("DISCONTINUED");
			row->title = listing_cell("%s: %s (%s; %s %s)", g->id,
			    g->name, data_gpu_class_name(g->class), mark,
			    g->discontinued_date);
		} else {
			row->title = listing_cell("%s: %s (%s)", g->id, g->name,
			    data_gpu_class_name(g->class));
		}
		listing_rows(rows, &n, size, figures, names, count, now, months,
		    &files);
	}
	listing_end(data, now, rows, n, &files, system_dir, start, out);
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
	cJSON *root = json_start();
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
		cJSON *overlays = cJSON_AddArrayToObject(files, "overlays");
		for (size_t i = 0; i < data->overlay_file_count; i++)
			cJSON_AddItemToArray(overlays,
			    cJSON_CreateString(data->overlay_files[i]));
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
			/* The date it stopped being sold new, or null. */
			cJSON_AddItemToObject(j, "discontinued",
			    g->discontinued ? cJSON_CreateString(
			    g->discontinued_date) : cJSON_CreateNull());
			n = listing_gpu_figures(g, figures, names, 32);
		} else {
			const struct model *m = &data->models[i];
			cJSON_AddStringToObject(j, "id", m->id);
			cJSON_AddStringToObject(j, "name", m->name);
			cJSON_AddStringToObject(j, "kind",
			    data_model_kind_name(m->kind));
			cJSON_AddStringToObject(j, "provider", m->provider);
			cJSON_AddStringToObject(j, "tier", m->unrated ?
			    DATA_UNRATED : data_tier_name(m->tier));
			cJSON_AddBoolToObject(j, "retired",
			    listing_model_retired(m));
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

/* Every open-weights model an answer may pin, with its tier and how
 * many GPU configurations hold it. */
static void
listing_open_models(const struct data *data, const int *fitting,
    struct buffer *out)
{
	buffer_add(out, _("Open-weights models (tier, GPU configurations that "
	    "hold them):\n"));
	for (size_t i = 0; i < data->model_count; i++) {
		const struct model *m = &data->models[i];
		if (m->kind == MODEL_OPEN_WEIGHTS)
			buffer_printf(out, "  %-24s %-9s %d\n", m->id,
			    data_tier_name(m->tier), fitting[i]);
	}
}

/* defaults.yaml's self_hosted_model, and for auto the model it picks for
 * each set of answers given. */
void
listing_self_hosted(const struct data *data, const struct listing_pick *picks,
    size_t count, const int *fitting, struct buffer *out)
{
	const struct model *pinned = data_self_hosted_model(data);
	if (pinned != NULL) {
		buffer_printf(out, _("\nSelf-hosted model: %s (defaults.yaml "
		    "self_hosted_model pins it;\nan answer may pin another).\n"),
		    pinned->id);
		listing_open_models(data, fitting, out);
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
	listing_open_models(data, fitting, out);
}
