/* import_field.c - reading one field of a price-list entry: a price, a
 * string or a date that must have the documented type (or be null), with
 * messages that name the entry.  Shared by both importers. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "i18n.h"
#include "import.h"

/* The value of a node for a message: "\"text\"" or its type. */
void
import_field_describe(char *out, size_t size, const struct doc_node *node)
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
double
import_field_significant(double value)
{
	char text[64];
	double rounded;
	util_snprintf_c(text, sizeof text, "%.10g", value);
	return util_parse_number(text, false, &rounded) == 0 ? rounded : value;
}

/* A non-negative number, or null (*set false). */
int
import_field_number(const struct doc *doc, const struct doc_node *node,
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
	import_field_describe(got, sizeof got, node);
	doc_error(cause, doc, node, false,
	    _("%s of '%s' must be a number or null, got %s"), field, entry, got);
	return -1;
}

/* A string, or null (*value NULL). */
int
import_field_string(const struct doc *doc, const struct doc_node *node,
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
	import_field_describe(got, sizeof got, node);
	doc_error(cause, doc, node, false,
	    _("%s of '%s' must be a string or null, got %s"), field, entry,
	    got);
	return -1;
}

/* A date YYYY-MM-DD (a longer timestamp keeps its date), or null. */
int
import_field_date(struct arena *arena, const struct doc *doc,
    const struct doc_node *node, const char *field, const char *entry,
    const char **value, char **cause)
{
	const char *text;
	char date[11];
	if (import_field_string(doc, node, field, entry, &text, cause) != 0)
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

/* A date the prices are said to hold from (an entry's prices_checked, a
 * table's last_updated): a date, as import_field_date reads it, that does
 * not lie in the future, because the as-of date an import writes must
 * load back and must be able to go stale. */
int
import_field_as_of(struct arena *arena, const struct doc *doc,
    const struct doc_node *node, const char *field, const char *entry,
    const char **value, char **cause)
{
	if (import_field_date(arena, doc, node, field, entry, value,
	    cause) != 0)
		return -1;
	if (*value != NULL && data_date_in_future(*value)) {
		doc_error(cause, doc, node, false, _("%s of '%s' lies in the "
		    "future (%s): prices are dated when they were read"), field,
		    entry, *value);
		*value = NULL;
		return -1;
	}
	return 0;
}

