/* rules.c - load rules.yaml and rules.d additions, compile every condition
 * once, evaluate all rules without allocation. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "doc.h"
#include "expr.h"
#include "file.h"
#include "i18n.h"
#include "metrics.h"
#include "rules.h"
#include "template.h"

/* NULL-ended: doc_choice reads the list up to its NULL. */
static const char *const rules_verdict_names[VERDICT_COUNT + 1] = {
	"closed", "open_hosted", "open", "hybrid", NULL
};

/* NULL-ended, in enum rules_level order. */
static const char *const rules_level_names[RULES_LEVEL_COUNT + 1] = {
	"compliance", "lock_in", "quality", NULL
};

/* The JSON name of a verdict. */
const char *
rules_verdict_name(enum verdict verdict)
{
	if (verdict < 0 || verdict >= VERDICT_COUNT)
		return "none";
	return rules_verdict_names[verdict];
}

/* The phrase a person reads, in their language. */
const char *
rules_verdict_phrase(enum verdict verdict)
{
	return rules_verdict_phrase_in(verdict, I18N_TRANSLATED);
}

/* The phrase in the language asked for. */
const char *
rules_verdict_phrase_in(enum verdict verdict, enum i18n_language language)
{
	switch (verdict) {
	case VERDICT_CLOSED:
		return i18n_text(language, "Go closed (API)");
	case VERDICT_OPEN_HOSTED:
		return i18n_text(language, "Go open (hosted API)");
	case VERDICT_OPEN:
		return i18n_text(language, "Go open (self-hosted)");
	case VERDICT_HYBRID:
		return i18n_text(language, "Use both (hybrid)");
	default:
		return i18n_text(language, "No verdict");
	}
}

/* An empty rule set. */
void
rules_init(struct rules *rules)
{
	memset(rules, 0, sizeof *rules);
}

/* Releases a rule's compiled texts. */
static void
rules_free_texts(struct rule *rule)
{
	template_free(rule->because);
	template_free(rule->because_translated);
	template_free(rule->because_plural);
	for (size_t i = 0; i < rule->plural_form_count; i++)
		template_free(rule->plural_forms[i].template);
	rule->because = rule->because_translated = NULL;
	rule->because_plural = NULL;
	rule->plural_form_count = 0;
}

/* Releases every compiled expression and template. */
void
rules_free(struct rules *rules)
{
	for (size_t i = 0; i < rules->count; i++) {
		expr_free(rules->rules[i].when);
		expr_free(rules->rules[i].amount_expression);
		rules_free_texts(&rules->rules[i]);
	}
	arena_free(&rules->arena);
	rules->count = 0;
}

/* Finds where character offset of a block scalar's (| or >) content lies
 * in the source: content lines start after their indentation, and each
 * line break counts as one character. */
static bool
rules_block_position(const struct doc *doc, const struct doc_node *node,
    size_t offset, int *line, int *column)
{
	const char *p = doc->text;
	int current = 1;
	if (p == NULL)
		return false;
	while (*p != '\0' && current <= node->line) {
		if (*p++ == '\n')
			current++;
	}
	for (size_t left = offset; *p != '\0'; current++) {
		size_t indent = strspn(p, " ");
		const char *end = strchr(p, '\n');
		size_t length = end ? (size_t)(end - p) : strlen(p);
		if (length > indent) {
			if (left < length - indent) {
				*line = current;
				*column = (int)(indent + left) + 1;
				return true;
			}
			left -= length - indent + 1;
		}
		if (end == NULL)
			break;
		p = end + 1;
	}
	return false;
}

/* Positions an error found at a byte offset of an expression or template
 * written in node: exact for one-line plain and quoted scalars and for
 * block scalars. */
static void
rules_error_in(char **cause, const struct doc *doc,
    const struct doc_node *node, size_t offset, const char *message)
{
	bool one_line = strchr(node->scalar, '\n') == NULL;
	int line, column;
	if (node->style == '|' || node->style == '>') {
		if (rules_block_position(doc, node, offset, &line, &column)) {
			util_error_at(cause, doc->path, line, column, "%s", message);
			return;
		}
	} else if (one_line && doc->text != NULL &&
	    strchr(node->scalar, '\\') == NULL) {
		util_error_at(cause, doc->path, node->line, node->column +
		    (node->style ? 1 : 0) + (int)offset, "%s", message);
		return;
	}
	util_error_at(cause, doc->path, node->line, node->column,
	    _("%s (at character %zu of the text)"), message, offset + 1);
}

static int
rules_compile_expression(const struct doc *doc, const struct doc_node *node,
    const char *name, enum expr_type want, struct expr **out, char **cause)
{
	const char *text;
	char *message = NULL;
	size_t offset = 0;
	if (node->type != DOC_SCALAR || node->null) {
		doc_error(cause, doc, node, false,
		    _("%s must be an expression, got %s"), name,
		    doc_type_name(node));
		return -1;
	}
	text = node->scalar;
	if (expr_compile(text, metrics_symbols(), want, out, &offset,
	    &message) != 0) {
		rules_error_in(cause, doc, node, offset, message);
		free(message);
		return -1;
	}
	return 0;
}

/* Parses the outcome and kind names of a veto list. */
static int
rules_veto_list(const struct doc *doc, const struct doc_node *node,
    struct rule *rule, char **cause)
{
	const struct doc_node *items = node;
	size_t count = 1;
	if (node->type == DOC_SEQUENCE) {
		items = node->items;
		count = node->count;
	}
	if (count == 0) {
		doc_error(cause, doc, node, false, _("veto needs at least one "
		    "outcome or option kind"));
		return -1;
	}
	for (size_t i = 0; i < count; i++) {
		const struct doc_node *item = &items[i];
		bool found = false;
		if (item->type != DOC_SCALAR)
			goto bad;
		for (int v = 0; v < VERDICT_COUNT; v++)
			if (strcmp(item->scalar, rules_verdict_names[v]) == 0) {
				rule->veto_verdicts |= 1u << v;
				found = true;
			}
		for (int k = 0; k < OPTION_KIND_COUNT; k++)
			if (strcmp(item->scalar, cost_kind_name(k)) == 0) {
				rule->veto_kinds |= 1u << k;
				found = true;
			}
		if (!found)
			goto bad;
		continue;
bad:
		doc_error(cause, doc, item, false,
		    _("veto takes outcomes (closed, open_hosted, open, hybrid) and "
		    "option kinds (api, hosted_open, cloud_on_demand, cloud_24x7, "
		    "owned, hybrid), got %s"), item->type == DOC_SCALAR ? item->scalar :
		    doc_type_name(item));
		return -1;
	}
	return 0;
}

/* Compiles the reason template, translated where a translation exists
 * (a translation that does not compile falls back to the original). */
static int
rules_compile_because(const struct doc *doc, const struct doc_node *node,
    struct rule *rule, char **cause)
{
	char *message = NULL;
	size_t offset = 0;
	if (doc_string(doc, node, "because", &rule->because_text, cause) != 0)
		return -1;
	if (template_compile(rule->because_text, metrics_symbols(),
	    &rule->because, &offset, &message) != 0) {
		rules_error_in(cause, doc, node, offset, message);
		free(message);
		return -1;
	}
	const char *translated = _(rule->because_text);
	if (translated != rule->because_text &&
	    strcmp(translated, rule->because_text) != 0 &&
	    template_compile(translated, metrics_symbols(),
	    &rule->because_translated, &offset, &message) != 0)
		free(message);
	return 0;
}

/* Compiles a text's plural (because_plural: and plural_by:, both or
 * neither): the English plural and every distinct form the catalogue's
 * ngettext gives for the counts that pick the forms of the languages
 * gettext knows (a translation that does not compile falls back to
 * English, as for because:). */
static int
rules_compile_plural(const struct doc *doc, const struct doc_node *node,
    struct rule *rule, char **cause)
{
	static const unsigned long counts[] = { 1, 2, 0, 3, 5, 11, 12, 21, 22,
	    25, 101, 102, 111 };
	const struct doc_node *plural = doc_get(node, "because_plural");
	const struct doc_node *by = doc_get(node, "plural_by");
	const struct expr_symbol *symbol;
	const char *name;
	char *message = NULL;
	size_t offset = 0;

	rule->plural_slot = -1;
	if (plural == NULL && by == NULL)
		return 0;
	if (plural == NULL || by == NULL) {
		doc_error(cause, doc, plural != NULL ? plural : by, false,
		    _("rule '%s': because_plural and plural_by go together (the "
		    "plural text and the number that chooses it)"), rule->id);
		return -1;
	}
	if (doc_string(doc, by, "plural_by", &name, cause) != 0 ||
	    doc_string(doc, plural, "because_plural",
	    &rule->because_plural_text, cause) != 0)
		return -1;
	symbol = expr_symbol_find(metrics_symbols(), name, strlen(name));
	if (symbol == NULL || symbol->type != EXPR_NUMBER || symbol->slot < 0) {
		if (symbol == NULL)
			expr_error_unknown_name(&message, metrics_symbols(), name,
			    strlen(name));
		doc_error(cause, doc, by, false, "%s", message != NULL ? message :
		    _("plural_by needs the name of a number"));
		free(message);
		return -1;
	}
	if (template_compile(rule->because_plural_text, metrics_symbols(),
	    &rule->because_plural, &offset, &message) != 0) {
		rules_error_in(cause, doc, plural, offset, message);
		free(message);
		return -1;
	}
	rule->plural_slot = symbol->slot;
	for (size_t i = 0; i < sizeof counts / sizeof counts[0] &&
	    rule->plural_form_count < RULES_PLURAL_FORMS; i++) {
		const char *text = ngettext_(rule->because_text,
		    rule->because_plural_text, counts[i]);
		bool known = text == rule->because_text ||
		    text == rule->because_plural_text;
		for (size_t f = 0; !known && f < rule->plural_form_count; f++)
			known = rule->plural_forms[f].text == text;
		struct rules_plural_form *form =
		    &rule->plural_forms[rule->plural_form_count];
		if (known)
			continue;
		if (template_compile(text, metrics_symbols(), &form->template,
		    &offset, &message) != 0) {
			free(message);
			message = NULL;
			continue;
		}
		form->text = text;
		rule->plural_form_count++;
	}
	return 0;
}

static void
rules_note_verdict(int slot, void *context)
{
	if (slot == metrics_verdict_slot)
		*(bool *)context = true;
}

/* True when an expression reads the verdict slot. */
static bool
rules_reads_verdict(const struct expr *expression)
{
	bool reads = false;
	if (expression != NULL)
		expr_slots(expression, rules_note_verdict, &reads);
	return reads;
}

static void
rules_note_varying(int slot, void *context)
{
	if (metrics_slot_varies(slot))
		*(bool *)context = true;
}

/* True when a rule reads something that changes between samples. */
static bool
rules_reads_varying(const struct rule *rule)
{
	bool varies = false;
	expr_slots(rule->when, rules_note_varying, &varies);
	if (rule->amount_expression != NULL)
		expr_slots(rule->amount_expression, rules_note_varying, &varies);
	return varies;
}

/* Refuses v1's favour/weight with a message that says what replaced
 * them. */
static int
rules_refuse_v1(const struct doc *doc, const struct doc_node *node,
    const char *id, char **cause)
{
	const struct doc_node *part = doc_get(node, "favour");
	if (part == NULL)
		part = doc_get(node, "weight");
	if (part == NULL)
		return 0;
	doc_error(cause, doc, part, true, _("rule '%s': favour and weight "
	    "are gone (rules v2): money decides now, so write 'adjust: "
	    "OUTCOME' with 'amount: EXPRESSION' in USD a month that the "
	    "outcome costs more (negative: less), or a 'veto' for a hard "
	    "requirement (llmadvisor-rules(5))"), id);
	return -1;
}

/* Reads an adjust rule's outcome (or list of outcomes) and amount. */
static int
rules_adjust(const struct doc *doc, const struct doc_node *node,
    struct rule *rule, char **cause)
{
	const struct doc_node *part = doc_get(node, "adjust");
	const struct doc_node *items = part;
	size_t count = 1;
	int index;
	rule->effect = RULES_ADJUST;
	if (part->type == DOC_SEQUENCE) {
		items = part->items;
		count = part->count;
		if (count == 0) {
			doc_error(cause, doc, part, false, _("adjust needs at "
			    "least one outcome"));
			return -1;
		}
	}
	for (size_t i = 0; i < count; i++) {
		if (doc_choice(doc, &items[i], "adjust", rules_verdict_names,
		    &index, cause) != 0)
			return -1;
		rule->adjusts |= 1u << index;
	}
	part = doc_get(node, "amount");
	if (part == NULL) {
		doc_error(cause, doc, node, false, _("rule '%s' adjusts an "
		    "outcome but has no amount"), rule->id);
		return -1;
	}
	if (part->type == DOC_SCALAR && !part->quoted &&
	    util_parse_number(part->scalar, true, &rule->amount) == 0) {
		if (!(fabs(rule->amount) <= RULES_MAX_AMOUNT)) {
			doc_error(cause, doc, part, false, _("amount must be "
			    "between -1e9 and 1e9 USD a month"));
			return -1;
		}
		return 0;
	}
	return rules_compile_expression(doc, part, "amount", EXPR_NUMBER,
	    &rule->amount_expression, cause);
}

/* Reads a veto rule's list and level. */
static int
rules_veto(const struct doc *doc, const struct doc_node *node,
    struct rule *rule, char **cause)
{
	const struct doc_node *part = doc_get(node, "level");
	int index = RULES_LEVEL_COMPLIANCE;
	rule->effect = RULES_VETO;
	if (part != NULL && doc_choice(doc, part, "level", rules_level_names,
	    &index, cause) != 0)
		return -1;
	rule->level = (enum rules_level)index;
	return rules_veto_list(doc, doc_get(node, "veto"), rule, cause);
}

/* Reads and compiles one rule. */
static int
rules_rule(struct rules *rules, const struct doc *doc,
    const struct doc_node *node, char **cause)
{
	static const char *const keys[] = {
		"id", "when", "veto", "level", "adjust", "amount", "warn",
		"because", "because_plural", "plural_by", "favour", "weight",
		NULL
	};
	const struct doc_node *part;
	struct rule *rule;
	int effects = 0;

	if (rules->count >= RULES_MAX) {
		doc_error(cause, doc, node, false, _("more than %d rules"),
		    RULES_MAX);
		return -1;
	}
	if (doc_expect_keys(doc, node, _("a rule"), keys, cause) != 0)
		return -1;
	rule = &rules->rules[rules->count];
	memset(rule, 0, sizeof *rule);
	rule->file = doc->path;
	rule->line = node->line;
	rule->column = node->column;
	part = doc_get(node, "id");
	if (part == NULL) {
		doc_error(cause, doc, node, false, _("a rule needs an 'id'"));
		return -1;
	}
	if (doc_string(doc, part, "id", &rule->id, cause) != 0)
		return -1;
	for (size_t i = 0; i < rules->count; i++) {
		if (strcmp(rules->rules[i].id, rule->id) == 0) {
			doc_error(cause, doc, part, false,
			    _("rule '%s' is already defined at %s:%d"), rule->id,
			    rules->rules[i].file, rules->rules[i].line);
			return -1;
		}
	}
	if (rules_refuse_v1(doc, node, rule->id, cause) != 0)
		return -1;
	effects = (doc_get(node, "adjust") != NULL) +
	    (doc_get(node, "veto") != NULL) + (doc_get(node, "warn") != NULL);
	if (effects != 1) {
		doc_error(cause, doc, node, false, _("rule '%s' needs exactly one "
		    "of veto, adjust or warn"), rule->id);
		return -1;
	}
	if (doc_get(node, "amount") != NULL && doc_get(node, "adjust") == NULL) {
		doc_error(cause, doc, doc_get(node, "amount"), true,
		    _("amount only applies to a rule that adjusts an outcome"));
		return -1;
	}
	if (doc_get(node, "level") != NULL && doc_get(node, "veto") == NULL) {
		doc_error(cause, doc, doc_get(node, "level"), true,
		    _("level only applies to a veto"));
		return -1;
	}
	if (doc_get(node, "adjust") != NULL &&
	    rules_adjust(doc, node, rule, cause) != 0)
		goto fail;
	if (doc_get(node, "veto") != NULL &&
	    rules_veto(doc, node, rule, cause) != 0)
		goto fail;
	if ((part = doc_get(node, "warn")) != NULL) {
		rule->effect = RULES_WARN;
		if (doc_string(doc, part, "warn", &rule->warning, cause) != 0)
			goto fail;
	}
	part = doc_get(node, "when");
	if (part == NULL) {
		doc_error(cause, doc, node, false, _("rule '%s' has no 'when'"),
		    rule->id);
		goto fail;
	}
	if (rules_compile_expression(doc, part, "when", EXPR_BOOL, &rule->when,
	    cause) != 0)
		goto fail;
	if (rule->effect != RULES_WARN && (rules_reads_verdict(rule->when) ||
	    rules_reads_verdict(rule->amount_expression))) {
		doc_error(cause, doc, part, false, _("rule '%s': only a warn rule "
		    "can use 'verdict' (it is decided by the other rules)"),
		    rule->id);
		goto fail;
	}
	part = doc_get(node, "because");
	if (part == NULL) {
		doc_error(cause, doc, node, false,
		    _("rule '%s' has no 'because' text"), rule->id);
		goto fail;
	}
	if (rules_compile_because(doc, part, rule, cause) != 0 ||
	    rules_compile_plural(doc, node, rule, cause) != 0)
		goto fail;
	rule->varies = rules_reads_varying(rule);
	rules->count++;
	return 0;
fail:
	expr_free(rule->when);
	expr_free(rule->amount_expression);
	rules_free_texts(rule);
	memset(rule, 0, sizeof *rule);
	return -1;
}

/* Drops a rule by id (rules.d's "disable:"). */
static int
rules_disable(struct rules *rules, const struct doc *doc,
    const struct doc_node *item, char **cause)
{
	if (item->type != DOC_SCALAR || item->null) {
		doc_error(cause, doc, item, false,
		    _("disable takes rule ids, got %s"), doc_type_name(item));
		return -1;
	}
	for (size_t i = 0; i < rules->count; i++) {
		if (strcmp(rules->rules[i].id, item->scalar) != 0)
			continue;
		/* Remembered for the reports: which file switched what off. */
		if (rules->disabled_count < RULES_MAX) {
			struct rules_disabled *d =
			    &rules->disabled[rules->disabled_count++];
			d->id = rules->rules[i].id;
			d->file = rules->rules[i].file;
			d->by = doc->path;
			d->effect = rules->rules[i].effect;
			d->level = rules->rules[i].level;
		}
		expr_free(rules->rules[i].when);
		expr_free(rules->rules[i].amount_expression);
		rules_free_texts(&rules->rules[i]);
		memmove(&rules->rules[i], &rules->rules[i + 1],
		    (rules->count - i - 1) * sizeof rules->rules[i]);
		rules->count--;
		return 0;
	}
	doc_error(cause, doc, item, false, _("no rule '%s' to disable"),
	    item->scalar);
	return -1;
}

/* Adds the rules of one YAML text. */
int
rules_load_text(struct rules *rules, const char *name, const char *text,
    char **cause)
{
	static const char *const keys[] = { "rules", "disable", NULL };
	struct doc doc;
	const struct doc_node *list;
	const char *path;
	int result = -1;

	if (doc_parse_yaml_named(&doc, &rules->arena, name, text, cause) != 0)
		return -1;
	path = doc.path;
	if (doc.root == NULL) {
		util_error_at(cause, path, 1, 1,
		    _("file is empty: expected 'rules:'"));
		goto out;
	}
	if (doc_expect_keys(&doc, doc.root, path, keys, cause) != 0)
		goto out;
	if ((list = doc_get(doc.root, "disable")) != NULL) {
		if (list->type != DOC_SEQUENCE) {
			doc_error(cause, &doc, list, false,
			    _("disable must be a list of rule ids"));
			goto out;
		}
		for (size_t i = 0; i < list->count; i++)
			if (rules_disable(rules, &doc, &list->items[i], cause) != 0)
				goto out;
	}
	if ((list = doc_get(doc.root, "rules")) != NULL) {
		if (list->type != DOC_SEQUENCE) {
			doc_error(cause, &doc, list, false,
			    _("rules must be a list"));
			goto out;
		}
		for (size_t i = 0; i < list->count; i++)
			if (rules_rule(rules, &doc, &list->items[i], cause) != 0)
				goto out;
	}
	if (rules->file_count < sizeof rules->files / sizeof rules->files[0])
		rules->files[rules->file_count++] = path;
	result = 0;
out:
	/* Ids, texts and paths point into the tree: keep its memory. */
	doc_keep(&doc, &rules->arena);
	return result;
}

static int
rules_load_file(struct rules *rules, const char *path, char **cause)
{
	char *text;
	size_t length;
	int result;
	if (file_read(path, &text, &length, cause) != 0)
		return -1;
	if (doc_check_text(path, text, length, cause) != 0) {
		free(text);
		return -1;
	}
	result = rules_load_text(rules, path, text, cause);
	free(text);
	return result;
}

static int
rules_compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The most rule files one rules.d may hold. */
#define RULES_MAX_FOLDER_FILES 256

/* Adds DIR/rules.d/ *.yaml in name order. */
static int
rules_load_folder(struct rules *rules, const char *dir, char **cause)
{
	char folder[PATH_MAX], path[PATH_MAX + 256];
	char *names[RULES_MAX_FOLDER_FILES];
	size_t count = 0;
	struct dirent *entry;
	int result = 0;

	struct stat st;
	snprintf(folder, sizeof folder, "%s/rules.d", dir);
	if (lstat(folder, &st) != 0 && (errno == ENOENT || errno == ENOTDIR))
		return 0;
	/* There but unusable (a plain file, a dangling link, no access):
	 * an organisation's policy is never skipped in silence. */
	DIR *d = opendir(folder);
	if (d == NULL) {
		util_error(cause, _("%s: cannot read the rules folder: %s"),
		    folder, strerror(errno));
		return -1;
	}
	while ((entry = readdir(d)) != NULL && result == 0) {
		size_t length = strlen(entry->d_name);
		if (length <= 5 || entry->d_name[0] == '.' ||
		    strcmp(entry->d_name + length - 5, ".yaml") != 0)
			continue;
		if (count == RULES_MAX_FOLDER_FILES) {
			util_error(cause, _("%s: more than %d rule files"),
			    folder, RULES_MAX_FOLDER_FILES);
			result = -1;
		} else if ((names[count] = strdup(entry->d_name)) == NULL) {
			util_error(cause, _("out of memory"));
			result = -1;
		} else {
			count++;
		}
	}
	closedir(d);
	qsort(names, count, sizeof names[0], rules_compare_names);
	for (size_t i = 0; i < count; i++) {
		snprintf(path, sizeof path, "%s/%s", folder, names[i]);
		if (result == 0 && rules_load_file(rules, path, cause) != 0)
			result = -1;
		free(names[i]);
	}
	return result;
}

/* Loads rules.yaml (first found) and every rules.d addition. */
int
rules_load(struct rules *rules, const struct paths *paths,
    char **cause)
{
	const char *dirs[PATHS_MAX_FOLDERS];
	size_t dir_count;
	char path[PATH_MAX];
	const char *embedded;

	rules_init(rules);
	int found = paths_find(paths, "rules.yaml", path, sizeof path, cause);
	if (found < 0)
		goto fail;
	if (found == 0) {
		if (rules_load_file(rules, path, cause) != 0)
			goto fail;
	} else if ((embedded = paths_embedded(paths, "rules.yaml")) != NULL) {
		if (rules_load_text(rules, "(built-in)/rules.yaml", embedded,
		    cause) != 0)
			goto fail;
	} else {
		util_error(cause, _("rules.yaml: data file not found"));
		goto fail;
	}
	/* Additions from the widest scope to the narrowest. */
	dir_count = paths_folders(paths, PATHS_WIDEST_FIRST, dirs);
	for (size_t i = 0; i < dir_count; i++)
		if (rules_load_folder(rules, dirs[i], cause) != 0)
			goto fail;
	return 0;
fail:
	rules_free(rules);
	return -1;
}

/* Whether a rule fires for the metric values. */
bool
rules_fires(const struct rule *rule, const double *metrics)
{
	return expr_evaluate(rule->when, metrics) != 0;
}

/* An adjust rule's amount, range-checked like a literal: NaN, infinity
 * and amounts beyond RULES_MAX_AMOUNT give NAN. */
double
rules_amount(const struct rule *rule, const double *metrics)
{
	double amount = rule->amount_expression != NULL ?
	    expr_evaluate(rule->amount_expression, metrics) : rule->amount;
	return fabs(amount) <= RULES_MAX_AMOUNT ? amount : NAN;
}

/* Expands a rule's text in the language asked for: the translation
 * compiled at load time (from the locale's catalogue), or the template as
 * written (English, the JSON's language). */
void
rules_text(const struct rule *rule, const double *metrics,
    enum i18n_language language, struct buffer *out)
{
	if (rule->plural_slot >= 0) {
		double n = metrics[rule->plural_slot];
		unsigned long count = util_plural_count(n);
		const struct template *chosen = count == 1 ? rule->because :
		    rule->because_plural;
		if (language == I18N_TRANSLATED) {
			const char *text = ngettext_(rule->because_text,
			    rule->because_plural_text, count);
			for (size_t f = 0; f < rule->plural_form_count; f++)
				if (rule->plural_forms[f].text == text)
					chosen = rule->plural_forms[f].template;
		}
		template_expand(chosen, metrics, language, out);
		return;
	}
	bool translating = language == I18N_TRANSLATED &&
	    rule->because_translated != NULL;
	template_expand(translating ? rule->because_translated : rule->because,
	    metrics, language, out);
}
