/* profile.c - answers: defaults, validation, YAML/JSON/--set input, YAML
 * output.  Every key is defined once, in profile_fields. */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "jsonio.h"
#include "profile.h"

static const char *const profile_quality_names[] = {
	"best", "good_enough", NULL };
static const char *const profile_expertise_names[] = {
	"none", "some", "ml_infra", NULL };
static const char *const profile_privacy_names[] = {
	"none", "contractual", "hard", NULL };
static const char *const profile_fine_tuning_names[] = {
	"none", "exploring", "dataset_ready", NULL };
static const char *const profile_ecosystem_names[] = {
	"tool_use", "function_calling", "structured_output", NULL };
static const char *const profile_lock_in_names[] = {
	"acceptable", "avoid", "unacceptable", NULL };
static const char *const profile_hardware_names[] = {
	"none", "workstation_gpu", "apple_silicon", "datacenter_gpu", NULL };
static const char *const profile_deployment_names[] = {
	"cloud", "on_prem", NULL };

/* The order here is the order of the answers file and the questionnaire. */
const struct profile_field profile_fields[] = {
	{ "volume.input_tokens", PROFILE_TOKENS, 0, 1e13, NULL,
	  "tokens/month", N_("Input tokens per month") },
	{ "volume.output_tokens", PROFILE_TOKENS, 0, 1e13, NULL,
	  "tokens/month", N_("Output tokens per month") },
	{ "volume.peak_to_mean", PROFILE_NUMBER, 1, 100, NULL,
	  "ratio", N_("Peak load over mean load") },
	{ "volume.cached_input_share", PROFILE_NUMBER, 0, 1, NULL,
	  "share", N_("Share of input tokens read from a prompt cache") },
	{ "volume.batch_share", PROFILE_NUMBER, 0, 1, NULL,
	  "share", N_("Share of traffic sent through a batch API") },
	{ "tasks.complex_share", PROFILE_NUMBER, 0, 1, NULL,
	  "share", N_("Share of hard reasoning tasks") },
	{ "tasks.quality", PROFILE_CHOICE, 0, 0, profile_quality_names,
	  NULL, N_("Quality needed on hard tasks") },
	{ "team.expertise", PROFILE_CHOICE, 0, 0, profile_expertise_names,
	  NULL, N_("ML-infrastructure expertise") },
	{ "team.hourly_rate", PROFILE_NUMBER, 0, 10000, NULL,
	  "USD/hour", N_("Engineer hourly rate") },
	{ "team.ops_hours_per_month", PROFILE_NUMBER, 0, 744, NULL,
	  "hours/month", N_("Operations hours per month") },
	{ "privacy", PROFILE_CHOICE, 0, 0, profile_privacy_names,
	  NULL, N_("Privacy and compliance") },
	{ "fine_tuning", PROFILE_CHOICE, 0, 0, profile_fine_tuning_names,
	  NULL, N_("Fine-tuning") },
	{ "ecosystem", PROFILE_FLAGS, 0, 0, profile_ecosystem_names,
	  NULL, N_("Managed features needed") },
	{ "lock_in", PROFILE_CHOICE, 0, 0, profile_lock_in_names,
	  NULL, N_("Provider lock-in") },
	{ "horizon_months", PROFILE_NUMBER, 1, 120, NULL,
	  "months", N_("Decision horizon") },
	{ "hardware", PROFILE_CHOICE, 0, 0, profile_hardware_names,
	  NULL, N_("Hardware you own") },
	{ "deployment", PROFILE_CHOICE, 0, 0, profile_deployment_names,
	  NULL, N_("Where self-hosting would run") },
};

const size_t profile_field_count =
	sizeof profile_fields / sizeof profile_fields[0];

/* The defaults llmadvisor(1) documents under ANSWERS FILE. */
void
profile_defaults(struct profile *profile)
{
	memset(profile, 0, sizeof *profile);
	profile->input_tokens = 10e6;
	profile->output_tokens = 2e6;
	profile->peak_to_mean = 2;
	profile->cached_input_share = 0;
	profile->batch_share = 0;
	profile->complex_share = 0.3;
	profile->quality = QUALITY_BEST;
	profile->expertise = EXPERTISE_NONE;
	profile->hourly_rate = 100;
	profile->ops_hours_set = false;
	profile->privacy = PRIVACY_NONE;
	profile->fine_tuning = FINE_TUNING_NONE;
	profile->ecosystem = 0;
	profile->lock_in = LOCK_IN_ACCEPTABLE;
	profile->horizon_months = 12;
	profile->hardware = HARDWARE_NONE;
	profile->deployment = DEPLOYMENT_CLOUD;
}

/* Returns the field's value as a number (choices as index, flags as bits). */
double
profile_get_value(const struct profile *p, const struct profile_field *f)
{
	switch (f - profile_fields) {
	case 0: return p->input_tokens;
	case 1: return p->output_tokens;
	case 2: return p->peak_to_mean;
	case 3: return p->cached_input_share;
	case 4: return p->batch_share;
	case 5: return p->complex_share;
	case 6: return p->quality;
	case 7: return p->expertise;
	case 8: return p->hourly_rate;
	case 9: return p->ops_hours_per_month;
	case 10: return p->privacy;
	case 11: return p->fine_tuning;
	case 12: return p->ecosystem;
	case 13: return p->lock_in;
	case 14: return p->horizon_months;
	case 15: return p->hardware;
	case 16: return p->deployment;
	default: return NAN;
	}
}

/* Stores a value already checked against the field's range or names. */
void
profile_set_value(struct profile *p, const struct profile_field *f,
    double v)
{
	switch (f - profile_fields) {
	case 0: p->input_tokens = v; break;
	case 1: p->output_tokens = v; break;
	case 2: p->peak_to_mean = v; break;
	case 3: p->cached_input_share = v; break;
	case 4: p->batch_share = v; break;
	case 5: p->complex_share = v; break;
	case 6: p->quality = (enum quality_need)v; break;
	case 7: p->expertise = (enum expertise)v; break;
	case 8: p->hourly_rate = v; break;
	case 9: p->ops_hours_per_month = v; p->ops_hours_set = true; break;
	case 10: p->privacy = (enum privacy)v; break;
	case 11: p->fine_tuning = (enum fine_tuning)v; break;
	case 12: p->ecosystem = (unsigned)v; break;
	case 13: p->lock_in = (enum lock_in)v; break;
	case 14: p->horizon_months = v; break;
	case 15: p->hardware = (enum hardware)v; break;
	case 16: p->deployment = (enum deployment)v; break;
	default: break;
	}
}

/* Finds a field by its dotted key. */
const struct profile_field *
profile_find_field(const char *key)
{
	for (size_t i = 0; i < profile_field_count; i++)
		if (strcmp(profile_fields[i].key, key) == 0)
			return &profile_fields[i];
	return NULL;
}

/* Reads one field's value from a node of an answers tree. */
static int
profile_read_value(struct profile *profile, const struct profile_field *f,
    const struct doc *doc, const struct doc_node *node, char **cause)
{
	double value;
	int index;

	switch (f->type) {
	case PROFILE_TOKENS:
	case PROFILE_NUMBER:
		if (f == profile_find_field("team.ops_hours_per_month") &&
		    node->type == DOC_SCALAR && node->null) {
			profile->ops_hours_set = false;
			return 0;
		}
		if (doc_number(doc, node, f->key, f->type == PROFILE_TOKENS,
		    f->low, f->high, &value, cause) != 0)
			return -1;
		break;
	case PROFILE_CHOICE:
		if (doc_choice(doc, node, f->key, f->names, &index, cause) != 0)
			return -1;
		value = index;
		break;
	case PROFILE_FLAGS: {
		unsigned bits = 0;
		if (node->type == DOC_SCALAR && node->null) {
			value = 0;
			break;
		}
		if (node->type != DOC_SEQUENCE) {
			doc_error(cause, doc, node, false,
			    _("%s must be a list such as [tool_use], got %s"),
			    f->key, doc_type_name(node));
			return -1;
		}
		for (size_t i = 0; i < node->count; i++) {
			if (doc_choice(doc, &node->items[i], f->key, f->names,
			    &index, cause) != 0)
				return -1;
			bits |= 1u << index;
		}
		value = bits;
		break;
	}
	default:
		return -1;
	}
	profile_set_value(profile, f, value);
	return 0;
}

/* True when some field's key starts with "prefix.". */
static bool
profile_is_section(const char *prefix)
{
	size_t length = strlen(prefix);
	for (size_t i = 0; i < profile_field_count; i++)
		if (strncmp(profile_fields[i].key, prefix, length) == 0 &&
		    profile_fields[i].key[length] == '.')
			return true;
	return false;
}

static int
profile_apply_mapping(struct profile *profile, const struct doc *doc,
    const struct doc_node *mapping, const char *prefix, char **cause)
{
	for (size_t i = 0; i < mapping->count; i++) {
		const struct doc_node *node = &mapping->items[i];
		char key[256];
		snprintf(key, sizeof key, "%s%s%s", prefix, *prefix ? "." : "",
		    node->key);
		const struct profile_field *f = profile_find_field(key);
		if (f != NULL) {
			if (profile_read_value(profile, f, doc, node, cause) != 0)
				return -1;
		} else if (*prefix == '\0' && profile_is_section(key)) {
			if (node->type == DOC_SCALAR && node->null)
				continue;
			if (node->type != DOC_MAPPING) {
				doc_error(cause, doc, node, false,
				    _("%s must be a mapping, got %s"), key,
				    doc_type_name(node));
				return -1;
			}
			if (profile_apply_mapping(profile, doc, node, key,
			    cause) != 0)
				return -1;
		} else {
			doc_error(cause, doc, node, true,
			    _("unknown key '%s'"), key);
			return -1;
		}
	}
	return 0;
}

/* Applies every answer present in the tree. */
int
profile_apply_doc(struct profile *profile, const struct doc *doc,
    char **cause)
{
	if (doc->root == NULL ||
	    (doc->root->type == DOC_SCALAR && doc->root->null))
		return 0;
	if (doc->root->type != DOC_MAPPING) {
		doc_error(cause, doc, doc->root, false,
		    _("an answers file must be a mapping of keys such as "
		    "volume:, team:, privacy:, got %s"), doc_type_name(doc->root));
		return -1;
	}
	return profile_apply_mapping(profile, doc, doc->root, "", cause);
}

/* Loads an answers file; the profile is unchanged when it fails. */
int
profile_load_file(struct profile *profile, const char *path, char **cause)
{
	struct profile copy = *profile;
	struct doc doc;
	char *text;
	size_t length;
	int result;
	const char *dot = strrchr(path, '.');
	const char *start;

	if (util_read_file(path, &text, &length, cause) != 0)
		return -1;
	if (doc_check_text(path, text, length, cause) != 0) {
		free(text);
		return -1;
	}
	start = text + strspn(text, " \t\r\n");
	if ((dot != NULL && strcmp(dot, ".json") == 0) || *start == '{')
		result = jsonio_parse_doc(&doc, path, text, length, cause);
	else
		result = doc_parse_yaml(&doc, path, text, length, cause);
	free(text);
	if (result != 0)
		return -1;
	result = profile_apply_doc(&copy, &doc, cause);
	doc_free(&doc);
	if (result == 0)
		*profile = copy;
	return result;
}

/* Applies one --set KEY=VALUE; errors point into the option's text. */
int
profile_set(struct profile *profile, const char *assignment, char **cause)
{
	const char *equals = strchr(assignment, '=');
	struct doc doc;
	struct doc_node node, items[8];
	char key[128];
	int result;

	memset(&doc, 0, sizeof doc);
	doc.path = "--set";
	if (equals == NULL || equals == assignment ||
	    (size_t)(equals - assignment) >= sizeof key) {
		util_error(cause, _("--set: expected KEY=VALUE, got \"%s\""),
		    assignment);
		return -1;
	}
	snprintf(key, sizeof key, "%.*s", (int)(equals - assignment),
	    assignment);
	const struct profile_field *f = profile_find_field(key);
	if (f == NULL) {
		struct buffer known;
		buffer_init(&known);
		for (size_t i = 0; i < profile_field_count; i++) {
			buffer_add(&known, i ? ", " : "");
			buffer_add(&known, profile_fields[i].key);
		}
		util_error_at(cause, "--set", 1, 1,
		    _("unknown key '%s' (known keys: %s)"), key,
		    known.data ? known.data : "");
		buffer_free(&known);
		return -1;
	}
	memset(&node, 0, sizeof node);
	node.type = DOC_SCALAR;
	node.line = 1;
	node.column = (int)(equals - assignment) + 2;
	node.scalar = equals + 1;
	node.null = equals[1] == '\0';
	if (f->type == PROFILE_FLAGS) {
		/* A comma-separated list: ecosystem=tool_use,structured_output */
		char *copy = strdup(equals + 1);
		size_t count = 0;
		if (copy == NULL) {
			util_error(cause, _("out of memory"));
			return -1;
		}
		node.type = DOC_SEQUENCE;
		node.items = items;
		for (char *save = NULL, *item = strtok_r(copy, ",", &save);
		    item != NULL; item = strtok_r(NULL, ",", &save)) {
			if (count == sizeof items / sizeof items[0]) {
				util_error_at(cause, "--set", 1, node.column,
				    _("too many entries for %s"), key);
				free(copy);
				return -1;
			}
			memset(&items[count], 0, sizeof items[count]);
			items[count].type = DOC_SCALAR;
			items[count].line = 1;
			items[count].column = node.column + (int)(item - copy);
			items[count].scalar = item;
			count++;
		}
		node.count = count;
		result = profile_read_value(profile, f, &doc, &node, cause);
		free(copy);
		return result;
	}
	return profile_read_value(profile, f, &doc, &node, cause);
}

/* Ops hours in force: the team's answer or the default for its expertise. */
double
profile_ops_hours(const struct profile *profile, const struct data *data)
{
	if (profile->ops_hours_set)
		return profile->ops_hours_per_month;
	return data->defaults.ops_hours[profile->expertise].value;
}

/* Writes a number with the fewest digits that read back as the same
 * double: 15 significant digits where they do, else 17 (which always do),
 * so a saved answers file loads back unchanged. */
static void
profile_format_number(char *out, size_t size, double value)
{
	double back;
	util_snprintf_c(out, size, "%.15g", value);
	if (util_parse_number(out, false, &back) != 0 || back != value)
		util_snprintf_c(out, size, "%.17g", value);
}

/* Writes a token count exactly, with a suffix where it is whole. */
static void
profile_format_tokens(char *out, size_t size, double tokens)
{
	if (tokens >= 1e9 && fmod(tokens, 1e9) == 0)
		util_snprintf_c(out, size, "%.0fB", tokens / 1e9);
	else if (tokens >= 1e6 && fmod(tokens, 1e6) == 0)
		util_snprintf_c(out, size, "%.0fM", tokens / 1e6);
	else if (tokens >= 1e3 && fmod(tokens, 1e3) == 0)
		util_snprintf_c(out, size, "%.0fk", tokens / 1e3);
	else
		profile_format_number(out, size, tokens);
}

/* Formats a field's value the way an answers file spells it. */
void
profile_format_value(const struct profile *profile, const struct data *data,
    const struct profile_field *f, char *out, size_t size)
{
	double value = profile_get_value(profile, f);
	switch (f->type) {
	case PROFILE_TOKENS:
		profile_format_tokens(out, size, value);
		break;
	case PROFILE_NUMBER:
		if (f == profile_find_field("team.ops_hours_per_month"))
			value = profile_ops_hours(profile, data);
		profile_format_number(out, size, value);
		break;
	case PROFILE_CHOICE:
		snprintf(out, size, "%s", f->names[(int)value]);
		break;
	case PROFILE_FLAGS: {
		size_t used = 0;
		unsigned bits = (unsigned)value;
		used += (size_t)snprintf(out, size, "[");
		for (int i = 0, n = 0; f->names[i] != NULL && used < size; i++)
			if (bits & (1u << i))
				used += (size_t)snprintf(out + used, size - used,
				    "%s%s", n++ ? ", " : "", f->names[i]);
		if (used < size)
			snprintf(out + used, size - used, "]");
		break;
	}
	}
}

/* Writes an answers file that profile_load_file reads back unchanged. */
void
profile_write_yaml(const struct profile *profile, const struct data *data,
    struct buffer *out)
{
	char value[256], section[32] = "";

	buffer_add(out, "# llmadvisor answers file (" PACKAGE_STRING ")\n");
	for (size_t i = 0; i < profile_field_count; i++) {
		const struct profile_field *f = &profile_fields[i];
		const char *dot = strchr(f->key, '.');
		int section_length = dot ? (int)(dot - f->key) : 0;
		if (dot != NULL && (strncmp(section, f->key, section_length) != 0
		    || section[section_length] != '\0')) {
			snprintf(section, sizeof section, "%.*s", section_length,
			    f->key);
			buffer_printf(out, "%s:\n", section);
		}
		if (dot == NULL)
			section[0] = '\0';
		profile_format_value(profile, data, f, value, sizeof value);
		if (f == profile_find_field("team.ops_hours_per_month") &&
		    !profile->ops_hours_set) {
			buffer_printf(out, "  # %s: %s   (default for %s)\n",
			    dot + 1, value, data_expertise_name(profile->expertise));
			continue;
		}
		buffer_printf(out, "%s%s: %s\n", dot ? "  " : "",
		    dot ? dot + 1 : f->key, value);
	}
}
