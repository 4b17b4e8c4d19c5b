/* jsonio.c - JSON answers in, JSON result out; the only cJSON user. */
#include "config.h"

#include <cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "jsonio.h"
#include "metrics.h"

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
 * bounded), and control characters between values: cJSON skips them as
 * white space, JSON does not, and the scan for positions would lose its
 * place (and loop). */
static int
jsonio_check_depth(const char *path, const char *text, size_t length,
    char **cause)
{
	int depth = 0, line = 1, column = 1;
	size_t nodes = 1;		/* each [ { , : starts one more */
	bool in_string = false;
	for (size_t i = 0; i < length; i++) {
		char c = text[i];
		if (!in_string && strchr("[{,:", c) != NULL && c != '\0' &&
		    ++nodes > DOC_MAX_NODES) {
			util_error_at(cause, path, line, column,
			    _("more than %d values: file too complex"),
			    DOC_MAX_NODES);
			return -1;
		}
		if (in_string) {
			if (c == '\\' && i + 1 < length) {
				i++;
				column++;
			} else if (c == '"') {
				in_string = false;
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

/* Parses JSON answers into a positioned tree. */
int
jsonio_parse_doc(struct doc *doc, const char *path, const char *text,
    size_t length, char **cause)
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
	if (jsonio_check_depth(path, text, length, cause) != 0) {
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

/* Renders the JSON result (design.md, "JSON result"). */
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
