/* jsonio.c - JSON answers in, JSON result out; the only cJSON user. */
#include "config.h"

#include <cJSON.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "jsonio.h"
#include "metrics.h"
#include "prices.h"

/* Where each value and key starts, in document order. */
struct jsonio_mark {
	int line, column;
	size_t start, end;		/* byte span of the token */
};

struct jsonio_scan {
	const char *text;
	size_t length, at;
	int line, column;
	struct jsonio_mark *marks;
	size_t count, capacity, next;
};

static void
jsonio_advance(struct jsonio_scan *s)
{
	if (s->text[s->at] == '\n') {
		s->line++;
		s->column = 1;
	} else if ((s->text[s->at] & 0xC0) != 0x80) {
		s->column++;
	}
	s->at++;
}

static void
jsonio_skip_space(struct jsonio_scan *s)
{
	while (s->at < s->length && strchr(" \t\r\n", s->text[s->at]) != NULL &&
	    s->text[s->at] != '\0')
		jsonio_advance(s);
}

static int
jsonio_mark(struct jsonio_scan *s)
{
	if (s->count == s->capacity) {
		size_t capacity = s->capacity ? s->capacity * 2 : 64;
		struct jsonio_mark *marks = realloc(s->marks,
		    capacity * sizeof *marks);
		if (marks == NULL)
			return -1;
		s->marks = marks;
		s->capacity = capacity;
	}
	s->marks[s->count].line = s->line;
	s->marks[s->count].column = s->column;
	s->marks[s->count].start = s->at;
	s->marks[s->count].end = s->at;
	s->count++;
	return 0;
}

/* Skips one token (string, number, literal) and records where it ends. */
static void
jsonio_skip_token(struct jsonio_scan *s)
{
	if (s->text[s->at] == '"') {
		jsonio_advance(s);
		while (s->at < s->length && s->text[s->at] != '"') {
			if (s->text[s->at] == '\\')
				jsonio_advance(s);
			if (s->at < s->length)
				jsonio_advance(s);
		}
		if (s->at < s->length)
			jsonio_advance(s);
	} else {
		while (s->at < s->length &&
		    strchr(",]} \t\r\n", s->text[s->at]) == NULL)
			jsonio_advance(s);
	}
	s->marks[s->count - 1].end = s->at;
}

/* Records the positions of every value and key of text that cJSON has
 * already accepted, in the order a preorder walk of its tree meets them. */
static int
jsonio_scan_value(struct jsonio_scan *s, int depth)
{
	jsonio_skip_space(s);
	if (depth > DOC_MAX_DEPTH + 1 || jsonio_mark(s) != 0)
		return -1;
	char c = s->text[s->at];
	if (c != '{' && c != '[') {
		jsonio_skip_token(s);
		return 0;
	}
	char close = c == '{' ? '}' : ']';
	jsonio_advance(s);
	for (;;) {
		jsonio_skip_space(s);
		if (s->at >= s->length)
			return -1;
		if (s->text[s->at] == close) {
			jsonio_advance(s);
			return 0;
		}
		if (s->text[s->at] == ',') {
			jsonio_advance(s);
			continue;
		}
		if (close == '}') {
			if (jsonio_mark(s) != 0)
				return -1;
			jsonio_skip_token(s);
			jsonio_skip_space(s);
			if (s->at < s->length && s->text[s->at] == ':')
				jsonio_advance(s);
		}
		if (jsonio_scan_value(s, depth + 1) != 0)
			return -1;
	}
}

/* True when a raw JSON string token holds the escape \u0000, which cJSON
 * would silently turn into the end of the string. */
static bool
jsonio_has_nul_escape(const char *token, size_t length)
{
	for (size_t i = 0; i + 5 < length; i++) {
		if (token[i] != '\\')
			continue;
		if (token[i + 1] == 'u' && strncmp(token + i + 2, "0000", 4) == 0)
			return true;
		i++;			/* skip the escaped character */
	}
	return false;
}

/* Converts a cJSON value into a doc node, taking positions in order. */
static int
jsonio_convert(struct doc *doc, struct jsonio_scan *s, const cJSON *item,
    struct doc_node *node, int depth, char **cause)
{
	memset(node, 0, sizeof *node);
	if (s->next >= s->count)
		goto internal;
	struct jsonio_mark *mark = &s->marks[s->next++];
	node->line = mark->line;
	node->column = mark->column;
	if (depth > DOC_MAX_DEPTH) {
		util_error_at(cause, doc->path, node->line, node->column,
		    _("nesting deeper than %d levels"), DOC_MAX_DEPTH);
		return -1;
	}
	if (cJSON_IsObject(item) || cJSON_IsArray(item)) {
		size_t count = (size_t)cJSON_GetArraySize(item), i = 0;
		node->type = cJSON_IsObject(item) ? DOC_MAPPING : DOC_SEQUENCE;
		if (count > 0) {
			node->items = arena_alloc(&doc->arena,
			    count * sizeof *node->items);
			if (node->items == NULL)
				goto oom;
		}
		for (const cJSON *child = item->child; child != NULL;
		    child = child->next, i++) {
			int key_line = 0, key_column = 0;
			if (node->type == DOC_MAPPING) {
				if (s->next >= s->count)
					goto internal;
				key_line = s->marks[s->next].line;
				key_column = s->marks[s->next].column;
				s->next++;
			}
			if (jsonio_convert(doc, s, child, &node->items[i],
			    depth + 1, cause) != 0)
				return -1;
			if (node->type == DOC_MAPPING) {
				node->items[i].key = arena_strdup(&doc->arena,
				    child->string);
				if (node->items[i].key == NULL)
					goto oom;
				node->items[i].key_line = key_line;
				node->items[i].key_column = key_column;
			}
		}
		node->count = count;
		if (node->type == DOC_MAPPING)
			return doc_check_duplicates(doc, node, cause);
		return 0;
	}
	node->type = DOC_SCALAR;
	if (cJSON_IsString(item) &&
	    jsonio_has_nul_escape(s->text + mark->start, mark->end - mark->start)) {
		util_error_at(cause, doc->path, node->line, node->column,
		    _("text contains a NUL character"));
		return -1;
	}
	if (cJSON_IsString(item)) {
		node->quoted = true;
		node->scalar = arena_strdup(&doc->arena, item->valuestring);
	} else if (cJSON_IsNull(item)) {
		node->null = true;
		node->scalar = "";
	} else {
		/* Numbers and booleans keep their text: "1e7", "true". */
		node->scalar = arena_strndup(&doc->arena, s->text + mark->start,
		    mark->end - mark->start);
	}
	if (node->scalar == NULL)
		goto oom;
	return 0;
oom:
	util_error(cause, _("%s: out of memory"), doc->path);
	return -1;
internal:
	util_error(cause, _("%s: cannot locate JSON values"), doc->path);
	return -1;
}

/* Refuses deep nesting before cJSON sees it (cJSON's own limit is 1000
 * and its message would not say why), more values and keys than YAML
 * allows (DOC_MAX_NODES: the memory cJSON and the tree take stays
 * bounded), and control characters between values (cJSON skips them as
 * white space, JSON does not, and the scan for positions would lose its
 * place and loop) or inside strings (cJSON keeps them, JSON does not). */
static int
jsonio_check_depth(const char *path, const char *text, size_t length,
    size_t max_nodes, char **cause)
{
	int depth = 0, line = 1, column = 1;
	size_t nodes = 1;		/* each [ { , : starts one more */
	bool in_string = false;
	for (size_t i = 0; i < length; i++) {
		char c = text[i];
		if (!in_string && strchr("[{,:", c) != NULL && c != '\0' &&
		    ++nodes > max_nodes) {
			util_error_at(cause, path, line, column,
			    _("more than %d values: file too complex"),
			    (int)max_nodes);
			return -1;
		}
		if (in_string) {
			if (c == '\\' && i + 1 < length) {
				i++;
				column++;
				c = text[i];
			} else if (c == '"') {
				in_string = false;
			}
			/* cJSON takes raw control characters in strings;
			 * JSON does not. */
			if ((unsigned char)c < 0x20) {
				util_error_at(cause, path, line, column,
				    _("control character in a string: JSON "
				    "writes it as an escape such as \\n"));
				return -1;
			}
		} else if (c == '"') {
			in_string = true;
		} else if (c == '{' || c == '[') {
			if (++depth > DOC_MAX_DEPTH) {
				util_error_at(cause, path, line, column,
				    _("nesting deeper than %d levels"),
				    DOC_MAX_DEPTH);
				return -1;
			}
		} else if (c == '}' || c == ']') {
			depth--;
		} else if ((unsigned char)c < 0x20 && c != '\t' && c != '\r' &&
		    c != '\n') {
			util_error_at(cause, path, line, column,
			    _("invalid JSON"));
			return -1;
		}
		if (c == '\n') {
			line++;
			column = 1;
		} else if ((c & 0xC0) != 0x80) {
			column++;
		}
	}
	return 0;
}

/* Parses JSON into a positioned tree of at most max_nodes values. */
static int
jsonio_parse_tree(struct doc *doc, const char *path, const char *text,
    size_t length, size_t max_nodes, char **cause)
{
	struct jsonio_scan scan;
	const char *end = NULL;
	cJSON *root;
	int result;

	memset(doc, 0, sizeof *doc);
	doc->path = path;
	if (length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		/* A byte-order mark: replace it by spaces so positions hold. */
		char *copy = arena_strndup(&doc->arena, text, length);
		if (copy == NULL) {
			util_error(cause, _("%s: out of memory"), path);
			return -1;
		}
		memcpy(copy, "   ", 3);
		text = copy;
	}
	if (strspn(text, " \t\r\n") == length)
		return 0;			/* empty: all defaults */
	if (jsonio_check_depth(path, text, length, max_nodes, cause) != 0) {
		doc_free(doc);		/* the copy made for a byte-order mark */
		return -1;
	}
	root = cJSON_ParseWithLengthOpts(text, length, &end, false);
	memset(&scan, 0, sizeof scan);
	scan.text = text;
	scan.length = length;
	scan.line = scan.column = 1;
	if (root == NULL) {
		size_t offset = end != NULL && end >= text ? (size_t)(end - text) :
		    0;
		while (scan.at < offset && scan.at < length)
			jsonio_advance(&scan);
		util_error_at(cause, path, scan.line, scan.column,
		    _("invalid JSON"));
		doc_free(doc);
		return -1;
	}
	/* Only white space may follow the value. */
	for (const char *p = end; p != NULL && p < text + length; p++) {
		if (strchr(" \t\r\n", *p) == NULL || *p == '\0') {
			while (scan.at < (size_t)(p - text))
				jsonio_advance(&scan);
			util_error_at(cause, path, scan.line, scan.column,
			    _("unexpected text after the JSON value"));
			cJSON_Delete(root);
			doc_free(doc);
			return -1;
		}
	}
	if (jsonio_scan_value(&scan, 0) != 0) {
		util_error_at(cause, path, scan.line, scan.column,
		    _("nesting deeper than %d levels"), DOC_MAX_DEPTH);
		free(scan.marks);
		cJSON_Delete(root);
		doc_free(doc);
		return -1;
	}
	doc->root = arena_alloc(&doc->arena, sizeof *doc->root);
	result = doc->root == NULL ? -1 :
	    jsonio_convert(doc, &scan, root, doc->root, 0, cause);
	if (doc->root == NULL)
		util_error(cause, _("%s: out of memory"), path);
	free(scan.marks);
	cJSON_Delete(root);
	if (result != 0)
		doc_free(doc);
	return result;
}

/* Parses JSON answers into a positioned tree. */
int
jsonio_parse_doc(struct doc *doc, const char *path, const char *text,
    size_t length, char **cause)
{
	return jsonio_parse_tree(doc, path, text, length, DOC_MAX_NODES,
	    cause);
}

/* Rounds money to cents and other figures to a sensible precision, so the
 * output is stable and readable. */
static double
jsonio_round(double value, double unit)
{
	return round(value / unit) * unit;
}

static cJSON *
jsonio_number_or_null(double value, double unit)
{
	return isfinite(value) ? cJSON_CreateNumber(jsonio_round(value, unit)) :
	    cJSON_CreateNull();
}

static cJSON *
jsonio_monthly(const struct cost_monthly *m)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "compute", jsonio_round(m->compute, 0.01));
	cJSON_AddNumberToObject(o, "engineering",
	    jsonio_round(m->engineering, 0.01));
	cJSON_AddNumberToObject(o, "setup", jsonio_round(m->setup, 0.01));
	cJSON_AddNumberToObject(o, "hardware", jsonio_round(m->hardware, 0.01));
	cJSON_AddNumberToObject(o, "total", jsonio_round(m->total, 0.01));
	return o;
}

static cJSON *
jsonio_option(const struct report *report, const struct cost_option *o)
{
	cJSON *j = cJSON_CreateObject();
	char id[256];
	(void)report;

	report_option_id(o, id, sizeof id);
	cJSON_AddStringToObject(j, "id", id);
	cJSON_AddStringToObject(j, "kind", cost_kind_name(o->kind));
	cJSON_AddStringToObject(j, "model", o->model->id);
	if (o->config != NULL) {
		if (o->kind == OPTION_HYBRID) {
			cJSON_AddStringToObject(j, "self_hosted_kind",
			    cost_kind_name(o->hybrid_self_kind));
			cJSON_AddStringToObject(j, "self_hosted_model",
			    o->config->model->id);
		}
		cJSON_AddStringToObject(j, "gpu", o->config->gpu->id);
		cJSON_AddStringToObject(j, "quantisation",
		    data_quantisation_name(o->config->quantisation));
		cJSON_AddNumberToObject(j, "gpus", o->gpus);
		cJSON_AddNumberToObject(j, "replicas", o->replicas);
		if (o->gpu_hours > 0 || o->kind == OPTION_CLOUD_ON_DEMAND ||
		    (o->kind == OPTION_HYBRID &&
		    o->hybrid_self_kind == OPTION_CLOUD_ON_DEMAND))
			cJSON_AddItemToObject(j, "gpu_hours",
			    jsonio_number_or_null(o->gpu_hours, 0.01));
		else
			cJSON_AddItemToObject(j, "utilisation",
			    jsonio_number_or_null(o->utilisation, 0.0001));
	}
	if (o->kind == OPTION_OWNED) {
		cJSON_AddItemToObject(j, "payback_months",
		    jsonio_number_or_null(o->payback_months, 0.01));
		if (o->payback_vs != NULL) {
			struct cost_option vs;
			char vs_id[256];
			memset(&vs, 0, sizeof vs);
			vs.kind = OPTION_CLOUD_24X7;
			vs.config = o->payback_vs;
			vs.model = o->payback_vs->model;
			report_option_id(&vs, vs_id, sizeof vs_id);
			cJSON_AddStringToObject(j, "payback_vs", vs_id);
		} else {
			cJSON_AddNullToObject(j, "payback_vs");
		}
		cJSON_AddBoolToObject(j, "already_owned", o->already_owned);
	}
	if (o->kind == OPTION_API || o->kind == OPTION_HOSTED_OPEN ||
	    o->kind == OPTION_HYBRID) {
		/* The discounted prices this option's API part used. */
		cJSON *discounts = cJSON_AddArrayToObject(j, "discounts");
		if (o->discounts & COST_DISCOUNT_CACHE)
			cJSON_AddItemToArray(discounts, cJSON_CreateString("cache"));
		if (o->discounts & COST_DISCOUNT_BATCH)
			cJSON_AddItemToArray(discounts, cJSON_CreateString("batch"));
	}
	cJSON_AddBoolToObject(j, "comparable", o->comparable);
	cJSON_AddItemToObject(j, "monthly", jsonio_monthly(&o->monthly));
	return j;
}

static cJSON *
jsonio_inputs(const struct report *report)
{
	const struct profile *p = &report->profile;
	cJSON *root = cJSON_CreateObject();
	for (size_t i = 0; i < profile_field_count; i++) {
		const struct profile_field *f = &profile_fields[i];
		const char *dot = strchr(f->key, '.');
		cJSON *parent = root;
		const char *name = f->key;
		if (dot != NULL) {
			char section[32];
			snprintf(section, sizeof section, "%.*s",
			    (int)(dot - f->key), f->key);
			parent = cJSON_GetObjectItemCaseSensitive(root, section);
			if (parent == NULL)
				parent = cJSON_AddObjectToObject(root, section);
			name = dot + 1;
		}
		double value = profile_get_value(p, f);
		switch (f->type) {
		case PROFILE_TOKENS:
		case PROFILE_NUMBER:
			if (f == profile_find_field("team.ops_hours_per_month"))
				value = profile_ops_hours(p, report->data);
			cJSON_AddNumberToObject(parent, name, value);
			break;
		case PROFILE_CHOICE:
			cJSON_AddStringToObject(parent, name,
			    f->names[(int)value]);
			break;
		case PROFILE_FLAGS: {
			cJSON *list = cJSON_AddArrayToObject(parent, name);
			for (int b = 0; f->names[b] != NULL; b++)
				if ((unsigned)value & (1u << b))
					cJSON_AddItemToArray(list,
					    cJSON_CreateString(f->names[b]));
			break;
		}
		}
	}
	return root;
}

static cJSON *
jsonio_assumptions(const struct report *report)
{
	cJSON *list = cJSON_CreateArray();
	const struct data *data = report->data;
	for (size_t i = 0; i < data->figure_count; i++) {
		const struct figure *f = data->figures[i];
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

/* Prints a finished tree into out (with a final newline) and frees it. */
static int
jsonio_print(cJSON *root, struct buffer *out, char **cause)
{
	char *text = cJSON_Print(root);
	cJSON_Delete(root);
	if (text == NULL) {
		util_error(cause, _("out of memory while writing JSON"));
		return -1;
	}
	buffer_add(out, text);
	buffer_add_char(out, '\n');
	cJSON_free(text);
	return 0;
}

/* verdict, confidence, reasons and warnings. */
static void
jsonio_recommendation(const struct report *report, cJSON *root)
{
	const struct rules_outcome *o = &report->outcome;
	const struct rules *rules = report->rules;
	struct buffer text;

	if (o->verdict == VERDICT_NONE) {
		cJSON_AddNullToObject(root, "verdict");
		cJSON_AddNullToObject(root, "confidence");
	} else {
		cJSON_AddStringToObject(root, "verdict",
		    rules_verdict_name(o->verdict));
		cJSON_AddItemToObject(root, "confidence", jsonio_number_or_null(
		    report->uncertainty.samples ?
		    report->uncertainty.share[o->verdict] : NAN, 0.0001));
	}
	cJSON *reasons = cJSON_AddArrayToObject(root, "reasons");
	for (size_t i = 0; rules != NULL && i < o->fired_count; i++) {
		const struct rule *rule = &rules->rules[o->fired[i]];
		cJSON *r = cJSON_CreateObject();
		cJSON_AddStringToObject(r, "rule", rule->id);
		if (rule->effect == RULES_VETO) {
			cJSON_AddNullToObject(r, "favours");
			cJSON_AddNullToObject(r, "weight");
			cJSON *vetoes = cJSON_AddArrayToObject(r, "vetoes");
			for (int v = 0; v < VERDICT_COUNT; v++)
				if (rule->veto_verdicts & (1u << v))
					cJSON_AddItemToArray(vetoes, cJSON_CreateString(
					    rules_verdict_name(v)));
			for (int k = 0; k < OPTION_KIND_COUNT; k++)
				if (rule->veto_kinds & (1u << k))
					cJSON_AddItemToArray(vetoes, cJSON_CreateString(
					    cost_kind_name(k)));
		} else {
			cJSON_AddStringToObject(r, "favours",
			    rules_verdict_name(rule->favours));
			cJSON_AddNumberToObject(r, "weight",
			    jsonio_round(o->weight[i], 0.01));
		}
		buffer_init(&text);
		rules_reason_text(rules, o, i, report->metrics, &text);
		cJSON_AddStringToObject(r, "text", text.data ? text.data : "");
		buffer_free(&text);
		cJSON_AddItemToArray(reasons, r);
	}
	cJSON *warnings = cJSON_AddArrayToObject(root, "warnings");
	for (size_t i = 0; rules != NULL && i < o->warning_count; i++) {
		cJSON *w = cJSON_CreateObject();
		cJSON_AddStringToObject(w, "id",
		    rules->rules[o->warnings[i]].warning);
		cJSON_AddStringToObject(w, "rule", rules->rules[o->warnings[i]].id);
		buffer_init(&text);
		rules_warning_text(rules, o, i, report->metrics, &text);
		cJSON_AddStringToObject(w, "text", text.data ? text.data : "");
		buffer_free(&text);
		cJSON_AddItemToArray(warnings, w);
	}
	if (report->stale_count > 0) {
		cJSON *w = cJSON_CreateObject();
		cJSON *figures = cJSON_CreateArray();
		cJSON_AddStringToObject(w, "id", "stale-prices");
		buffer_init(&text);
		report_stale_sentence(report, &text);
		cJSON_AddStringToObject(w, "text", text.data ? text.data : "");
		buffer_free(&text);
		for (size_t i = 0; i < report->stale_count; i++)
			cJSON_AddItemToArray(figures, cJSON_CreateString(
			    report->data->figures[report->stale[i]]->key));
		cJSON_AddItemToObject(w, "figures", figures);
		cJSON_AddItemToArray(warnings, w);
	}
}

/* flip_points and uncertainty. */
static void
jsonio_sensitivity(const struct report *report, cJSON *root)
{
	const struct sensitivity_uncertainty *u = &report->uncertainty;
	cJSON *flips = cJSON_AddArrayToObject(root, "flip_points");
	for (size_t i = 0; i < report->flip_count; i++) {
		const struct sensitivity_flip *f = &report->flips[i];
		cJSON *j = cJSON_CreateObject();
		double precision = f->parameter == SENSITIVITY_VOLUME ? 1 : 0.0001;
		cJSON_AddStringToObject(j, "parameter",
		    sensitivity_ranges[f->parameter].name);
		cJSON_AddItemToObject(j, "value",
		    jsonio_number_or_null(f->value, precision));
		cJSON_AddStringToObject(j, "direction", f->above ? "above" : "below");
		cJSON_AddStringToObject(j, "verdict", rules_verdict_name(f->verdict));
		cJSON_AddItemToArray(flips, j);
	}
	if (report->rules == NULL) {
		cJSON_AddNullToObject(root, "uncertainty");
		return;
	}
	cJSON *j = cJSON_AddObjectToObject(root, "uncertainty");
	cJSON_AddNumberToObject(j, "samples", (double)u->samples);
	cJSON_AddNumberToObject(j, "seed", (double)u->seed);
	cJSON *share = cJSON_AddObjectToObject(j, "share");
	for (int v = 0; v < VERDICT_COUNT; v++)
		cJSON_AddNumberToObject(share, rules_verdict_name(v),
		    jsonio_round(u->share[v], 0.0001));
	cJSON *percentiles = cJSON_AddObjectToObject(j, "monthly_total");
	for (int k = 0; k < OPTION_KIND_COUNT; k++) {
		cJSON *p = cJSON_AddObjectToObject(percentiles, cost_kind_name(k));
		cJSON_AddItemToObject(p, "p10", jsonio_number_or_null(u->p10[k], 1));
		cJSON_AddItemToObject(p, "p50", jsonio_number_or_null(u->p50[k], 1));
		cJSON_AddItemToObject(p, "p90", jsonio_number_or_null(u->p90[k], 1));
	}
	cJSON *quality = cJSON_AddObjectToObject(root, "quality");
	static const char *const names[] = { "closed", "open", "hybrid" };
	for (int v = 0; v < VERDICT_COUNT; v++) {
		cJSON *q = cJSON_AddObjectToObject(quality, names[v]);
		cJSON_AddItemToObject(q, "success_rate", jsonio_number_or_null(
		    metrics_success(report->metrics, v), 0.0001));
		cJSON_AddItemToObject(q, "cost_per_million_successful_tokens",
		    jsonio_number_or_null(metrics_cost_per_success_of(report->metrics, v), 0.01));
	}
}

/* Renders the JSON result, a contract scripts rely on: its keys and types
 * are checked by tests/test_report.c, its bytes by tests/golden/. */
int
jsonio_render_report(const struct report *report, struct buffer *out,
    char **cause)
{
	const struct cost_result *cost = &report->cost;
	cJSON *root = cJSON_CreateObject();
	char id[256];

	cJSON_AddStringToObject(root, "date", report->date);
	jsonio_recommendation(report, root);
	cJSON *options = cJSON_AddArrayToObject(root, "options");
	for (size_t i = 0; i < cost->count; i++)
		cJSON_AddItemToArray(options,
		    jsonio_option(report, &cost->options[i]));
	cJSON *cheapest = cJSON_AddObjectToObject(root, "cheapest");
	for (int k = 0; k < OPTION_KIND_COUNT; k++) {
		if (cost->cheapest[k] < 0) {
			cJSON_AddNullToObject(cheapest, cost_kind_name(k));
			continue;
		}
		report_option_id(&cost->options[cost->cheapest[k]], id, sizeof id);
		cJSON_AddStringToObject(cheapest, cost_kind_name(k), id);
	}
	cJSON *breakeven = cJSON_AddObjectToObject(root, "breakeven");
	cJSON_AddItemToObject(breakeven, "tokens_per_month",
	    jsonio_number_or_null(report->breakeven, 1));
	if (cost->best_api >= 0) {
		report_option_id(&cost->options[cost->best_api], id, sizeof id);
		cJSON_AddStringToObject(breakeven, "api", id);
	} else {
		cJSON_AddNullToObject(breakeven, "api");
	}
	if (cost->best_self_hosted >= 0) {
		report_option_id(&cost->options[cost->best_self_hosted], id,
		    sizeof id);
		cJSON_AddStringToObject(breakeven, "self_hosted", id);
	} else {
		cJSON_AddNullToObject(breakeven, "self_hosted");
	}
	jsonio_sensitivity(report, root);
	cJSON_AddItemToObject(root, "assumptions", jsonio_assumptions(report));
	cJSON_AddItemToObject(root, "inputs", jsonio_inputs(report));

	return jsonio_print(root, out, cause);
}

/* ---- Price lists (--import-prices) ------------------------------------
 * LiteLLM's model_prices_and_context_window.json (an object of entries,
 * USD per token) and genai-prices' data.json (a list of providers with
 * their models, USD per million tokens), read into plain prices_entry
 * structs.  Fields llmadvisor reads must have the documented type (or be
 * null); everything else is ignored. */

/* A price list may hold far more values than an answers file; the 4 MiB
 * file limit still bounds the memory. */
#define JSONIO_MAX_PRICE_NODES 2000000

/* The value of a node for a message: "\"text\"" or its type. */
static void
jsonio_describe(char *out, size_t size, const struct doc_node *node)
{
	if (node->type == DOC_SCALAR && !node->null) {
		if (strlen(node->scalar) > 40)
			snprintf(out, size, "\"%.37s...\"", node->scalar);
		else
			snprintf(out, size, "\"%s\"", node->scalar);
	} else {
		snprintf(out, size, "%s", doc_type_name(node));
	}
}

/* Rounds to ten significant digits: 3e-06 x 1e6 is 3, not 2.9999999. */
static double
jsonio_significant(double value)
{
	char text[64];
	double rounded;
	util_snprintf_c(text, sizeof text, "%.10g", value);
	return util_parse_number(text, false, &rounded) == 0 ? rounded : value;
}

/* A non-negative number, or null (*set false). */
static int
jsonio_price_number(const struct doc *doc, const struct doc_node *node,
    const char *field, const char *entry, double *value, bool *set,
    char **cause)
{
	char got[64];
	*set = false;
	if (node->type == DOC_SCALAR && node->null)
		return 0;
	if (node->type == DOC_SCALAR && !node->quoted &&
	    util_parse_number(node->scalar, false, value) == 0) {
		if (*value < 0) {
			doc_error(cause, doc, node, false,
			    _("%s of '%s' must not be negative, got %s"), field,
			    entry, node->scalar);
			return -1;
		}
		/* Per token or per million, no price comes near this; past it
		 * the conversion to USD/Mtok could overflow to infinity. */
		if (*value > 1e9) {
			doc_error(cause, doc, node, false,
			    _("%s of '%s' is too large to be a price, got %s"),
			    field, entry, node->scalar);
			return -1;
		}
		*set = true;
		return 0;
	}
	jsonio_describe(got, sizeof got, node);
	doc_error(cause, doc, node, false,
	    _("%s of '%s' must be a number or null, got %s"), field, entry, got);
	return -1;
}

/* A string, or null (*value NULL). */
static int
jsonio_price_string(const struct doc *doc, const struct doc_node *node,
    const char *field, const char *entry, const char **value, char **cause)
{
	char got[64];
	*value = NULL;
	if (node->type == DOC_SCALAR && node->null)
		return 0;
	if (node->type == DOC_SCALAR && node->quoted) {
		*value = node->scalar;
		return 0;
	}
	jsonio_describe(got, sizeof got, node);
	doc_error(cause, doc, node, false,
	    _("%s of '%s' must be a string or null, got %s"), field, entry,
	    got);
	return -1;
}

/* A date YYYY-MM-DD (a longer timestamp keeps its date), or null. */
static int
jsonio_price_date(struct arena *arena, const struct doc *doc,
    const struct doc_node *node, const char *field, const char *entry,
    const char **value, char **cause)
{
	const char *text;
	char date[11];
	if (jsonio_price_string(doc, node, field, entry, &text, cause) != 0)
		return -1;
	*value = NULL;
	if (text == NULL)
		return 0;
	snprintf(date, sizeof date, "%s", text);
	if (!data_valid_date(date) || (text[10] != '\0' && text[10] != 'T' &&
	    text[10] != ' ')) {
		doc_error(cause, doc, node, false,
		    _("%s of '%s' must be a date YYYY-MM-DD, got \"%s\""), field,
		    entry, text);
		return -1;
	}
	*value = arena_strdup(arena, date);
	if (*value == NULL) {
		util_error(cause, _("out of memory"));
		return -1;
	}
	return 0;
}

/* LiteLLM: a per-token price of an entry, as USD per million tokens. */
static int
jsonio_litellm_price(const struct doc *doc, const struct doc_node *entry,
    const char *field, struct prices_value *price, char **cause)
{
	const struct doc_node *node = doc_get(entry, field);
	double value;
	bool set;
	if (node == NULL)
		return 0;
	if (jsonio_price_number(doc, node, field, entry->key, &value, &set,
	    cause) != 0)
		return -1;
	if (set) {
		price->set = true;
		price->value = price->high = jsonio_significant(value * 1e6);
	}
	return 0;
}

/* LiteLLM: "input_cost_per_token_above_128k_tokens" and the like raise the
 * top of the price's range. */
static int
jsonio_litellm_tiers(const struct doc *doc, const struct doc_node *entry,
    const char *prefix, struct prices_value *price, char **cause)
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
		if (jsonio_price_number(doc, node, node->key, entry->key, &value,
		    &set, cause) != 0)
			return -1;
		value = jsonio_significant(value * 1e6);
		if (set && price->set && value > price->high)
			price->high = value;
	}
	return 0;
}

/* LiteLLM: one "key": {...} entry. */
static int
jsonio_litellm_entry(struct arena *arena, const struct doc *doc,
    const struct doc_node *node, struct prices_entry *e, char **cause)
{
	static const struct {
		const char *field;
		size_t offset;
	} prices[] = {
		{ "input_cost_per_token", offsetof(struct prices_entry, input) },
		{ "output_cost_per_token", offsetof(struct prices_entry, output) },
		{ "cache_read_input_token_cost",
		  offsetof(struct prices_entry, cache_read) },
		{ "cache_creation_input_token_cost",
		  offsetof(struct prices_entry, cache_write) },
		{ "input_cost_per_token_batches",
		  offsetof(struct prices_entry, batch_input) },
		{ "output_cost_per_token_batches",
		  offsetof(struct prices_entry, batch_output) },
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
		e->skip = PRICES_PSEUDO;
		return 0;
	}
	if ((part = doc_get(node, "mode")) != NULL &&
	    jsonio_price_string(doc, part, "mode", name, &e->mode, cause) != 0)
		return -1;
	if (e->mode != NULL && strcmp(e->mode, "chat") != 0) {
		e->skip = PRICES_NOT_CHAT;
		return 0;
	}
	if ((part = doc_get(node, "litellm_provider")) != NULL &&
	    jsonio_price_string(doc, part, "litellm_provider", name,
	    &e->provider, cause) != 0)
		return -1;
	for (size_t i = 0; i < sizeof prices / sizeof prices[0]; i++)
		if (jsonio_litellm_price(doc, node, prices[i].field,
		    (struct prices_value *)((char *)e + prices[i].offset),
		    cause) != 0)
			return -1;
	if (jsonio_litellm_tiers(doc, node, "input_cost_per_token_above_",
	    &e->input, cause) != 0 ||
	    jsonio_litellm_tiers(doc, node, "output_cost_per_token_above_",
	    &e->output, cause) != 0 ||
	    jsonio_litellm_tiers(doc, node, "cache_read_input_token_cost_above_",
	    &e->cache_read, cause) != 0)
		return -1;
	if ((part = doc_get(node, "max_input_tokens")) != NULL) {
		if (jsonio_price_number(doc, part, "max_input_tokens", name,
		    &number, &set, cause) != 0)
			return -1;
		if (set)
			e->max_input_tokens = number;
	}
	if ((part = doc_get(node, "max_output_tokens")) != NULL) {
		if (jsonio_price_number(doc, part, "max_output_tokens", name,
		    &number, &set, cause) != 0)
			return -1;
		if (set)
			e->max_output_tokens = number;
	}
	if ((part = doc_get(node, "deprecation_date")) != NULL &&
	    jsonio_price_date(arena, doc, part, "deprecation_date", name,
	    &e->deprecation_date, cause) != 0)
		return -1;
	if ((part = doc_get(node, "source")) != NULL &&
	    jsonio_price_string(doc, part, "source", name, &e->reference,
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
			jsonio_describe(got, sizeof got, part);
			doc_error(cause, doc, part, false, _("%s of '%s' must be "
			    "true, false or null, got %s"),
			    "supports_function_calling", name, got);
			return -1;
		}
		e->function_calling = value;
	}
	if (!e->input.set && !e->output.set)
		e->skip = PRICES_NO_PRICE;
	return 0;
}

/* genai-prices: a match clause ({"equals": ...}, {"or": [...]}, ...). */
static int
jsonio_genai_clause(struct arena *arena, const struct doc *doc,
    const struct doc_node *node, const char *entry,
    struct prices_clause *clause, char **cause)
{
	static const char *const names[] = {
		"equals", "starts_with", "ends_with", "contains", "regex", "or",
		"and", NULL
	};
	char got[64];
	int kind = -1;

	memset(clause, 0, sizeof *clause);
	if (node->type != DOC_MAPPING || node->count != 1) {
		jsonio_describe(got, sizeof got, node);
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
	clause->kind = (enum prices_clause_kind)kind;
	if (clause->kind == PRICES_OR || clause->kind == PRICES_AND) {
		if (part->type != DOC_SEQUENCE) {
			jsonio_describe(got, sizeof got, part);
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
			if (jsonio_genai_clause(arena, doc, &part->items[i], entry,
			    &clause->items[i], cause) != 0)
				return -1;
		clause->count = part->count;
		return 0;
	}
	if (part->type != DOC_SCALAR || !part->quoted) {
		jsonio_describe(got, sizeof got, part);
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
jsonio_genai_value(const struct doc *doc, const struct doc_node *prices,
    const char *field, const char *entry, struct prices_value *price,
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
		if (jsonio_price_number(doc, node, field, entry, &value, &set,
		    cause) != 0)
			return -1;
		if (set) {
			price->set = true;
			price->value = price->high = jsonio_significant(value);
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
	if (jsonio_price_number(doc, part, "base", entry, &value, &set,
	    cause) != 0)
		return -1;
	if (!set) {
		jsonio_describe(got, sizeof got, part);
		doc_error(cause, doc, part, false,
		    _("%s of '%s' must be a number or null, got %s"), "base",
		    entry, got);
		return -1;
	}
	price->set = true;
	price->value = price->high = jsonio_significant(value);
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
		if (jsonio_price_number(doc, tier_price, "price", entry, &value,
		    &set, cause) != 0)
			return -1;
		if (set && jsonio_significant(value) > price->high)
			price->high = jsonio_significant(value);
	}
	return 0;
}

/* genai-prices: a ModelPrice object into the entry's prices. */
static int
jsonio_genai_model_price(const struct doc *doc, const struct doc_node *node,
    struct prices_entry *e, char **cause)
{
	char got[64];
	if (node->type != DOC_MAPPING) {
		jsonio_describe(got, sizeof got, node);
		doc_error(cause, doc, node, false, _("prices of '%s' must be an "
		    "object or a list of conditional prices, got %s"), e->name,
		    got);
		return -1;
	}
	if (jsonio_genai_value(doc, node, "input_mtok", e->name, &e->input,
	    cause) != 0 ||
	    jsonio_genai_value(doc, node, "output_mtok", e->name, &e->output,
	    cause) != 0 ||
	    jsonio_genai_value(doc, node, "cache_read_mtok", e->name,
	    &e->cache_read, cause) != 0 ||
	    jsonio_genai_value(doc, node, "cache_write_mtok", e->name,
	    &e->cache_write, cause) != 0)
		return -1;
	return 0;
}

/* genai-prices: whether a conditional price applies on today's date.
 * Dated prices apply from their start; time-of-day prices (off-peak
 * hours) never stand for a whole month.  *start receives a start date. */
static int
jsonio_genai_constraint(struct arena *arena, const struct doc *doc,
    const struct doc_node *node, const char *entry, const char *today,
    bool *applies, const char **start, char **cause)
{
	const struct doc_node *part;
	*applies = true;
	*start = NULL;
	if (node == NULL || (node->type == DOC_SCALAR && node->null))
		return 0;
	if (node->type != DOC_MAPPING) {
		char got[64];
		jsonio_describe(got, sizeof got, node);
		doc_error(cause, doc, node, false,
		    _("constraint of '%s' must be an object or null, got %s"),
		    entry, got);
		return -1;
	}
	if ((part = doc_get(node, "start_date")) != NULL ||
	    (part = doc_get(node, "start")) != NULL) {
		if (jsonio_price_date(arena, doc, part, part->key, entry, start,
		    cause) != 0)
			return -1;
		*applies = *start == NULL || strcmp(*start, today) <= 0;
		return 0;
	}
	if (doc_get(node, "start_time") != NULL ||
	    doc_get(node, "end_time") != NULL) {
		*applies = false;
		return 0;
	}
	doc_error(cause, doc, node, false, _("unknown constraint in the prices "
	    "of '%s' (expected start_date, or start_time and end_time)"),
	    entry);
	return -1;
}

/* genai-prices: "prices", one ModelPrice or a list of conditional prices,
 * of which the last that applies today counts (the first when none). */
static int
jsonio_genai_prices(struct arena *arena, const struct doc *doc,
    const struct doc_node *node, const char *today, struct prices_entry *e,
    char **cause)
{
	const struct doc_node *chosen = NULL;
	struct prices_entry scratch;

	if (node->type != DOC_SEQUENCE)
		return jsonio_genai_model_price(doc, node, e, cause);
	if (node->count == 0) {
		doc_error(cause, doc, node, false,
		    _("prices of '%s' must not be an empty list"), e->name);
		return -1;
	}
	for (size_t i = 0; i < node->count; i++) {
		const struct doc_node *item = &node->items[i], *prices;
		const char *start;
		bool applies;
		if (item->type != DOC_MAPPING ||
		    (prices = doc_get(item, "prices")) == NULL) {
			doc_error(cause, doc, item, false, _("a conditional price "
			    "of '%s' must be an object with prices"), e->name);
			return -1;
		}
		/* Every price is checked, the one that applies is kept. */
		scratch = *e;
		if (jsonio_genai_model_price(doc, prices, &scratch, cause) != 0 ||
		    jsonio_genai_constraint(arena, doc, doc_get(item,
		    "constraint"), e->name, today, &applies, &start, cause) != 0)
			return -1;
		if (applies)
			chosen = prices;
		if (start != NULL && strcmp(start, today) > 0 &&
		    (e->next_change == NULL || strcmp(start, e->next_change) < 0))
			e->next_change = start;
	}
	if (chosen == NULL)
		chosen = doc_get(&node->items[0], "prices");
	return jsonio_genai_model_price(doc, chosen, e, cause);
}

/* genai-prices: one model of a provider. */
static int
jsonio_genai_model(struct arena *arena, const struct doc *doc,
    const struct doc_node *node, const char *provider, const char *today,
    struct prices_entry *e, char **cause)
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
		jsonio_describe(got, sizeof got, node);
		doc_error(cause, doc, node, false, _("a model of provider '%s' "
		    "must be an object with a text id, got %s"), provider,
		    node->type == DOC_MAPPING ? _("an object without one") : got);
		return -1;
	}
	e->name = part->scalar;
	if ((part = doc_get(node, "match")) != NULL) {
		struct prices_clause *clause = arena_alloc(arena, sizeof *clause);
		if (clause == NULL) {
			util_error(cause, _("out of memory"));
			return -1;
		}
		if (jsonio_genai_clause(arena, doc, part, e->name, clause,
		    cause) != 0)
			return -1;
		e->match = clause;
	}
	if ((part = doc_get(node, "prices_checked")) != NULL &&
	    jsonio_price_date(arena, doc, part, "prices_checked", e->name,
	    &e->prices_checked, cause) != 0)
		return -1;
	if ((part = doc_get(node, "context_window")) != NULL) {
		double number;
		bool set;
		if (jsonio_price_number(doc, part, "context_window", e->name,
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
			jsonio_describe(got, sizeof got, part);
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
	if (jsonio_genai_prices(arena, doc, part, today, e, cause) != 0)
		return -1;
	if (!e->input.set && !e->output.set)
		e->skip = PRICES_NO_PRICE;
	return 0;
}

/* genai-prices: the list of providers. */
static int
jsonio_genai_file(struct prices_file *file, const struct doc *doc,
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
			jsonio_describe(got, sizeof got, provider);
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
			if (jsonio_genai_model(&file->arena, doc,
			    &models->items[j], id, today,
			    &file->entries[file->count++], cause) != 0)
				return -1;
	}
	return 0;
}

/* True when a member of the object looks like a LiteLLM entry. */
static bool
jsonio_is_litellm(const struct doc_node *root)
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

/* Reads a LiteLLM or genai-prices price list (see prices.h). */
int
jsonio_parse_prices(struct prices_file *file, const char *path,
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
	if (jsonio_parse_tree(&doc, path, text, length, JSONIO_MAX_PRICE_NODES,
	    cause) != 0)
		return -1;
	const struct doc_node *root = doc.root;
	if (root == NULL) {
		util_error_at(cause, path, 1, 1, _("file is empty: %s"),
		    _(expected));
		goto out;
	}
	if (root->type == DOC_MAPPING && jsonio_is_litellm(root)) {
		file->format = PRICES_LITELLM;
		if (root->count > 0) {
			file->entries = arena_alloc(&file->arena,
			    root->count * sizeof *file->entries);
			if (file->entries == NULL) {
				util_error(cause, _("out of memory"));
				goto out;
			}
		}
		for (size_t i = 0; i < root->count; i++)
			if (jsonio_litellm_entry(&file->arena, &doc,
			    &root->items[i], &file->entries[file->count++],
			    cause) != 0)
				goto out;
	} else if (root->type == DOC_SEQUENCE && root->count > 0 &&
	    root->items[0].type == DOC_MAPPING &&
	    doc_get(&root->items[0], "models") != NULL) {
		file->format = PRICES_GENAI;
		if (jsonio_genai_file(file, &doc, today, cause) != 0)
			goto out;
	} else {
		doc_error(cause, &doc, root, false,
		    _("unknown price-list format: %s"), _(expected));
		goto out;
	}
	result = 0;
out:
	/* The entries point into the tree: its memory joins the file's. */
	arena_adopt(&file->arena, &doc.arena);
	return result;
}

/* ---- Data listings (--list-models, --list-gpus) ---------------------- */

/* One figure with its provenance. */
static cJSON *
jsonio_listed_figure(const char *name, const struct figure *f, time_t now,
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
	cJSON_AddBoolToObject(j, "stale", report_figure_stale(f, now, months));
	cJSON_AddStringToObject(j, "origin", prices_origin(f, system_dir));
	cJSON_AddStringToObject(j, "file", f->file);
	cJSON_AddNumberToObject(j, "line", f->line);
	return j;
}

/* Every model's or GPU's figures as JSON (see jsonio.h). */
int
jsonio_render_listing(const struct data *data, bool gpus, time_t now,
    const char *system_dir, struct buffer *out, char **cause)
{
	const struct figure *figures[32];
	const char *names[32];
	double months = data->defaults.stale_months.value;
	cJSON *root = cJSON_CreateObject();
	char date[16];
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(date, sizeof date, "%Y-%m-%d", &tm);
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
			n = prices_gpu_figures(g, figures, names, 32);
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
			n = prices_model_figures(m, figures, names, 32);
		}
		cJSON *items = cJSON_AddArrayToObject(j, "figures");
		for (size_t k = 0; k < n; k++)
			cJSON_AddItemToArray(items, jsonio_listed_figure(names[k],
			    figures[k], now, months, system_dir));
		cJSON_AddItemToArray(list, j);
	}
	return jsonio_print(root, out, cause);
}
