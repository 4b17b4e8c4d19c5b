/* profile.c - answers: defaults, validation, YAML/JSON/--set input, YAML
 * output.  Every key is defined once, in profile_fields. */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"
#include "i18n.h"
#include "doc.h"
#include "profile.h"

const char *const profile_quality_names[] = {
	"best", "good_enough", NULL };
const char *const profile_expertise_names[] = {
	"none", "some", "ml_infra", NULL };
const char *const profile_privacy_names[] = {
	"none", "contractual", "hard", NULL };
const char *const profile_fine_tuning_names[] = {
	"none", "exploring", "dataset_ready", NULL };
const char *const profile_ecosystem_names[] = {
	"tool_use", "function_calling", "structured_output", NULL };
const char *const profile_lock_in_names[] = {
	"acceptable", "avoid", "unacceptable", NULL };
const char *const profile_hardware_names[] = {
	"none", "workstation_gpu", "apple_silicon", "datacenter_gpu", NULL };
const char *const profile_deployment_names[] = {
	"cloud", "on_prem", NULL };
const char *const profile_availability_names[] = {
	"best_effort", "redundant", NULL };
/* Documented in llmadvisor(1), ANSWERS FILE: one GPU of each word. */
const char *const profile_hardware_gpus[] = {
	NULL, "a6000", "mac-studio-192gb", "a100-80gb", NULL };

/* Readable names of the choices and flags, for the questionnaire. */
static const char *const profile_quality_labels[] = {
	N_("The best available: hard tasks must come out right"),
	N_("Good enough: we double-check or can accept some misses"),
};
static const char *const profile_expertise_labels[] = {
	N_("None: nobody here has run GPU inference in production"),
	N_("Some: we have served models, not at scale"),
	N_("ML-infrastructure engineers on staff"),
};
static const char *const profile_privacy_labels[] = {
	N_("No special requirement"),
	N_("Contractual: enterprise API terms are enough"),
	N_("Hard: the data must not leave our machines"),
};
static const char *const profile_fine_tuning_labels[] = {
	N_("No"),
	N_("Maybe: we are exploring it"),
	N_("Yes: thousands of good examples are ready"),
};
static const char *const profile_ecosystem_labels[] = {
	N_("Tool use"),
	N_("Function calling"),
	N_("Structured output"),
};
static const char *const profile_lock_in_labels[] = {
	N_("Acceptable"),
	N_("We would rather avoid it"),
	N_("Unacceptable: a business risk"),
};
static const char *const profile_hardware_labels[] = {
	N_("None"),
	N_("One workstation GPU (an RTX A6000, 48 GB)"),
	N_("One Apple Silicon machine (a Mac Studio, 192 GB)"),
	N_("One datacenter GPU (an A100 80GB)"),
};
static const char *const profile_deployment_labels[] = {
	N_("Rented cloud GPUs"),
	N_("Our own premises"),
};
static const char *const profile_availability_labels[] = {
	N_("Best effort: an outage of a few hours is bearable"),
	N_("Redundant: one spare replica, so a failure stops nothing"),
};

/* The order here is the order of the answers file and the questionnaire. */
const struct profile_field profile_fields[] = {
	{ "volume.input_tokens", PROFILE_TOKENS, 0, 1e13, NULL,
	  "tokens/month", N_("Input tokens per month"),
	  N_("How many input tokens do you send each month?"),
	  N_("Volume decides the cost question. Below roughly 50M tokens a "
	  "month the API is almost certainly cheaper once engineering time is "
	  "priced in; above roughly 500M, self-hosting starts to win on "
	  "compute. Input tokens are the prompts and context you send."),
	  { 1e6, 10e6, 50e6, 100e6, 500e6, 1e9 }, 6, NULL },
	{ "volume.output_tokens", PROFILE_TOKENS, 0, 1e13, NULL,
	  "tokens/month", N_("Output tokens per month"),
	  N_("How many output tokens do the models write each month?"),
	  N_("Output costs several times more than input on closed APIs ($15 "
	  "against $3 per million on Claude 3.5 Sonnet), and on your own GPUs "
	  "it is the slow part. The article's example: 10M in, 2M out."),
	  { 1e6, 10e6, 50e6, 100e6, 500e6, 1e9 }, 6, NULL },
	{ "volume.peak_to_mean", PROFILE_NUMBER, 1, 100, NULL,
	  "ratio", N_("Peak load over mean load"),
	  N_("How much busier is your peak hour than an average hour?"),
	  N_("Self-hosted capacity comes in whole GPUs sized for the peak, not "
	  "the average: a spiky load keeps more replicas running around the "
	  "clock. An API absorbs the peaks for you."),
	  { 1, 1.5, 2, 3, 5 }, 5, NULL },
	{ "volume.cached_input_share", PROFILE_NUMBER, 0, 1, NULL,
	  "share", N_("Share of input tokens read from a prompt cache"),
	  N_("What share of your input is read from a prompt cache?"),
	  N_("Closed APIs bill input served from a prompt cache at a discount, "
	  "so a large context repeated across requests (a long system prompt, "
	  "the same documents) lowers the API bill."),
	  { 0, 0.25, 0.5, 0.75 }, 4, NULL },
	{ "volume.batch_share", PROFILE_NUMBER, 0, 1, NULL,
	  "share", N_("Share of traffic sent through a batch API"),
	  N_("What share of your traffic can wait for a batch API?"),
	  N_("Batch APIs answer within hours instead of seconds, at a lower "
	  "price: traffic that can wait makes the API side cheaper."),
	  { 0, 0.25, 0.5, 1 }, 4, NULL },
	{ "tasks.complex_share", PROFILE_NUMBER, 0, 1, NULL,
	  "share", N_("Share of hard reasoning tasks"),
	  N_("What share of your traffic is hard reasoning?"),
	  N_("Multi-step logic, maths proofs, subtle code bugs. On those, "
	  "closed models got about 80% right against about 65% for the best "
	  "open weights; on summaries, translation and simple code the gap is "
	  "small or absent."),
	  { 0, 0.1, 0.3, 0.5, 0.8, 1 }, 6, NULL },
	{ "tasks.quality", PROFILE_CHOICE, 0, 0, profile_quality_names,
	  NULL, N_("Quality needed on hard tasks"),
	  N_("How good must the answers to the hard tasks be?"),
	  N_("A 15-point gap on hard problems is the difference between a tool "
	  "you can trust with complex work and one whose output you have to "
	  "double-check."),
	  { 0 }, 0, profile_quality_labels },
	{ "team.expertise", PROFILE_CHOICE, 0, 0, profile_expertise_names,
	  NULL, N_("ML-infrastructure expertise"),
	  N_("Who on the team can run GPU inference?"),
	  N_("Setting up vLLM or TGI, quantisation, GPU memory, failover and "
	  "monitoring is weeks of work for an experienced engineer. A team "
	  "with ML-infrastructure engineers has budgeted it; for a startup it "
	  "is the cost that breaks the math."),
	  { 0 }, 0, profile_expertise_labels },
	{ "team.hourly_rate", PROFILE_NUMBER, 0, 10000, NULL,
	  "USD/hour", N_("Engineer hourly rate"),
	  N_("What does an hour of an engineer's time cost you?"),
	  N_("Your time is the cost that shows up on no invoice: at $100 an "
	  "hour, 10 hours a month on LLM infrastructure is $1,000 a month."),
	  { 50, 100, 150, 200 }, 4, NULL },
	{ "team.ops_hours_per_month", PROFILE_NUMBER, 0, 744, NULL,
	  "hours/month", N_("Operations hours per month"),
	  N_("How many hours a month would running your own models take?"),
	  N_("Updates, monitoring, failover, porting to new model releases. "
	  "The default follows your expertise; the article's own example "
	  "budgets 10 hours a month."),
	  { 5, 10, 20, 40 }, 4, NULL },
	{ "privacy", PROFILE_CHOICE, 0, 0, profile_privacy_names,
	  NULL, N_("Privacy and compliance"),
	  N_("May your data go to a third-party API?"),
	  N_("Medical records, legal documents, classified material: local "
	  "inference is a compliance requirement, not a preference. Otherwise "
	  "enterprise API terms that exclude training are binding. Rented "
	  "cloud GPUs are not private either: the data still leaves you."),
	  { 0 }, 0, profile_privacy_labels },
	{ "fine_tuning", PROFILE_CHOICE, 0, 0, profile_fine_tuning_names,
	  NULL, N_("Fine-tuning"),
	  N_("Do you need to fine-tune a model on your own data?"),
	  N_("A model fine-tuned on your data can beat a far larger general one "
	  "on your task, but beating careful prompting takes good data and "
	  "real evaluation: the execution risk is high."),
	  { 0 }, 0, profile_fine_tuning_labels },
	/* Asked always (the questionnaire has no conditional questions);
	 * read only when fine_tuning is exploring or dataset_ready. */
	{ "fine_tuning_data.tokens", PROFILE_TOKENS, 1e3, 1e11, NULL,
	  "tokens", N_("Fine-tuning dataset size"),
	  N_("If you fine-tune: how many tokens is the training dataset?"),
	  N_("Training is priced by dataset tokens times passes (epochs): on "
	  "rented GPUs for open weights, at the provider's price per training "
	  "token for a closed model. 10,000 examples of about 1,000 tokens are "
	  "10M. Ignored when you do not fine-tune."),
	  { 1e6, 10e6, 50e6, 200e6 }, 4, NULL },
	{ "fine_tuning_data.retrains_per_year", PROFILE_NUMBER, 0, 52, NULL,
	  "1/year", N_("Retrainings per year"),
	  N_("If you fine-tune: how often a year will you retrain?"),
	  N_("New data, a new base model or drift mean training again: each "
	  "retraining costs the training run and part of the first fine-tune's "
	  "work. Exploring prices one pilot run and ignores this."),
	  { 0, 1, 4, 12 }, 4, NULL },
	{ "ecosystem", PROFILE_FLAGS, 0, 0, profile_ecosystem_names,
	  NULL, N_("Managed features needed"),
	  N_("Which managed features do you rely on?"),
	  N_("Closed APIs ship tool use, function calling and structured output "
	  "ready to use; the open ecosystem builds them from a patchwork of "
	  "projects. Space ticks or unticks; none at all is fine."),
	  { 0 }, 0, profile_ecosystem_labels },
	{ "lock_in", PROFILE_CHOICE, 0, 0, profile_lock_in_names,
	  NULL, N_("Provider lock-in"),
	  N_("How do you feel about depending on one provider?"),
	  N_("When depending on a single provider is an unacceptable business "
	  "risk, go open; using both is insurance against being locked into "
	  "either approach."),
	  { 0 }, 0, profile_lock_in_labels },
	{ "horizon_months", PROFILE_NUMBER, 1, 120, NULL,
	  "months", N_("Decision horizon"),
	  N_("How many months must this decision hold?"),
	  N_("Open weights trail closed models by roughly 6 to 12 months, and "
	  "the gap is narrowing. Setup work is spread over the horizon, so a "
	  "short one favours the API."),
	  { 3, 6, 12, 24, 36 }, 5, NULL },
	{ "hardware", PROFILE_CHOICE, 0, 0, profile_hardware_names,
	  NULL, N_("Hardware you own"),
	  N_("What hardware do you own already?"),
	  N_("A 70B model needs at least 48 GB of GPU memory, quantised. An "
	  "A6000 costs about $4,000 to $5,000 and pays for itself in 4 to 6 "
	  "months against cloud rental, given the expertise to run it. GPUs "
	  "you own cost only their power; more capacity is bought. An answers "
	  "file can name any GPU and count: hardware: {gpu: h100-80gb, "
	  "count: 8}."),
	  { 0 }, 0, profile_hardware_labels },
	{ "deployment", PROFILE_CHOICE, 0, 0, profile_deployment_names,
	  NULL, N_("Where self-hosting would run"),
	  N_("Where would self-hosted models run?"),
	  N_("True privacy needs local hardware: a cloud GPU provider still "
	  "receives your data, just instead of the API vendor. On your own "
	  "premises only hardware you buy or own is priced."),
	  { 0 }, 0, profile_deployment_labels },
	{ "availability", PROFILE_CHOICE, 0, 0, profile_availability_names,
	  NULL, N_("Availability"),
	  N_("Must self-hosted serving survive a failed GPU?"),
	  N_("A fleet sized exactly for the peak stops when one replica fails. "
	  "Redundancy keeps one spare replica running (N+1), which doubles a "
	  "one-replica setup. An API provider carries that for you."),
	  { 0 }, 0, profile_availability_labels },
	/* Not asked (the questionnaire has no list of models): an answers
	 * file or --set names it. */
	{ "self_hosted_model", PROFILE_MODEL, 0, 0, NULL,
	  NULL, N_("Open model to self-host"),
	  N_("Which open-weights model would you run yourself?"),
	  N_("auto picks, for the quality you need, the cheapest open-weights "
	  "model that fits a GPU configuration at your volume: a frontier-tier "
	  "model when the hard tasks need the best quality, else a large one. "
	  "An id from --list-models pins one."),
	  { 0 }, 0, NULL },
	/* Not asked: the results' price sliders, kept with the answers so a
	 * saved or exported decision can be reproduced. */
	{ "pricing.api_factor", PROFILE_NUMBER, 0.25, 4, NULL,
	  "x", N_("API price factor"),
	  N_("By how much should API prices be multiplied?"),
	  N_("A what-if on every closed and hosted API price: 0.5 halves them, "
	  "2 doubles them."),
	  { 0.5, 1, 2 }, 3, NULL },
	{ "pricing.gpu_factor", PROFILE_NUMBER, 0.25, 4, NULL,
	  "x", N_("GPU price factor"),
	  N_("By how much should GPU prices be multiplied?"),
	  N_("A what-if on every cloud GPU and purchase price: 0.5 halves them, "
	  "2 doubles them."),
	  { 0.5, 1, 2 }, 3, NULL },
};

const size_t profile_field_count =
	sizeof profile_fields / sizeof profile_fields[0];
/* The questionnaire asks every field but the last three (the model and
 * the sliders). */
const size_t profile_question_count =
	sizeof profile_fields / sizeof profile_fields[0] - 3;

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
	profile->fine_tuning_tokens = 10e6;
	profile->retrains_per_year = 4;
	profile->ecosystem = 0;
	profile->lock_in = LOCK_IN_ACCEPTABLE;
	profile->horizon_months = 12;
	profile->hardware = HARDWARE_NONE;
	profile->owned_gpu[0] = '\0';
	profile->owned_gpu_at[0] = '\0';
	profile->owned_gpu_count = 0;
	profile->deployment = DEPLOYMENT_CLOUD;
	profile->availability = AVAILABILITY_BEST_EFFORT;
	profile->self_hosted_model[0] = '\0';	/* the data's default */
	profile->self_hosted_model_at[0] = '\0';
	profile->self_hosted_index = -1;
	profile->api_price_factor = 1;
	profile->gpu_price_factor = 1;
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
	case 12: return p->fine_tuning_tokens;
	case 13: return p->retrains_per_year;
	case 14: return p->ecosystem;
	case 15: return p->lock_in;
	case 16: return p->horizon_months;
	case 17: return p->hardware;
	case 18: return p->deployment;
	case 19: return p->availability;
	case 20: return p->self_hosted_model[0] != '\0';
	case 21: return p->api_price_factor;
	case 22: return p->gpu_price_factor;
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
	case 12: p->fine_tuning_tokens = v; break;
	case 13: p->retrains_per_year = v; break;
	case 14: p->ecosystem = (unsigned)v; break;
	case 15: p->lock_in = (enum lock_in)v; break;
	case 16: p->horizon_months = v; break;
	case 17:
		/* A word replaces a mapping: one GPU of the word's model. */
		p->hardware = (enum hardware)v;
		p->owned_gpu[0] = '\0';
		p->owned_gpu_at[0] = '\0';
		p->owned_gpu_count = 0;
		break;
	case 18: p->deployment = (enum deployment)v; break;
	case 19: p->availability = (enum availability)v; break;
	case 20: break;		/* text: profile_read_model */
	case 21: p->api_price_factor = v; break;
	case 22: p->gpu_price_factor = v; break;
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

/* True for a GPU id as the data spells them: a-z, 0-9, '.', '_', '-'. */
static bool
profile_valid_gpu_id(const char *id)
{
	size_t length = strlen(id);
	if (length == 0 || length >= PROFILE_MAX_GPU_ID)
		return false;
	return strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789._-") == length;
}

/* Stores an owned GPU id (checked against the data when evaluated). */
static int
profile_set_owned_gpu(struct profile *profile, const struct doc *doc,
    const struct doc_node *node, char **cause)
{
	const char *id;
	if (doc_string(doc, node, "hardware.gpu", &id, cause) != 0)
		return -1;
	if (!profile_valid_gpu_id(id)) {
		doc_error(cause, doc, node, false, _("hardware.gpu must be a "
		    "GPU id from gpus.yaml such as a6000, got '%s'"), id);
		return -1;
	}
	snprintf(profile->owned_gpu, sizeof profile->owned_gpu, "%s", id);
	snprintf(profile->owned_gpu_at, sizeof profile->owned_gpu_at,
	    "%s:%d:%d", doc->path != NULL ? doc->path : "", node->line,
	    node->column);
	profile->hardware = HARDWARE_NONE;	/* its class: profile_owned_gpu */
	if (profile->owned_gpu_count < 1)
		profile->owned_gpu_count = 1;
	return 0;
}

/* Stores how many of the owned GPU the team has. */
static int
profile_set_owned_count(struct profile *profile, const struct doc *doc,
    const struct doc_node *node, char **cause)
{
	double count;
	if (doc_number(doc, node, "hardware.count", false, 1,
	    PROFILE_MAX_OWNED_GPUS, &count, cause) != 0)
		return -1;
	if (count != floor(count)) {
		doc_error(cause, doc, node, false,
		    _("hardware.count must be a whole number"));
		return -1;
	}
	profile->owned_gpu_count = (int)count;
	return 0;
}

/* hardware: {gpu: ID, count: N} (count defaults to 1). */
static int
profile_read_hardware(struct profile *profile, const struct doc *doc,
    const struct doc_node *node, char **cause)
{
	static const char *const keys[] = { "gpu", "count", NULL };
	const struct doc_node *gpu = doc_get(node, "gpu");
	const struct doc_node *count = doc_get(node, "count");
	if (doc_expect_keys(doc, node, "hardware", keys, cause) != 0)
		return -1;
	if (gpu == NULL) {
		doc_error(cause, doc, node, false,
		    _("hardware needs gpu: ID (and count: N), or one of none, "
		    "workstation_gpu, apple_silicon, datacenter_gpu"));
		return -1;
	}
	profile->owned_gpu_count = 1;
	if (count != NULL && profile_set_owned_count(profile, doc, count,
	    cause) != 0)
		return -1;
	return profile_set_owned_gpu(profile, doc, gpu, cause);
}

/* True for a model id as the data spells them: no spaces or controls
 * (ids such as deepinfra/Qwen/Qwen2.5-72B-Instruct have capitals and
 * slashes). */
static bool
profile_valid_model_id(const char *id)
{
	size_t length = strlen(id);
	if (length == 0 || length >= PROFILE_MAX_MODEL_ID)
		return false;
	for (const char *p = id; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f)
			return false;
	return true;
}

/* self_hosted_model: auto or a model id (checked against the data by
 * profile_check_data, which needs its position). */
static int
profile_read_model(struct profile *profile, const struct doc *doc,
    const struct doc_node *node, char **cause)
{
	const char *id;
	if (doc_string(doc, node, "self_hosted_model", &id, cause) != 0)
		return -1;
	if (!profile_valid_model_id(id)) {
		doc_error(cause, doc, node, false, _("self_hosted_model must be "
		    "auto or an open-weights model id from --list-models, got "
		    "'%s'"), id);
		return -1;
	}
	snprintf(profile->self_hosted_model, sizeof profile->self_hosted_model,
	    "%s", id);
	snprintf(profile->self_hosted_model_at,
	    sizeof profile->self_hosted_model_at, "%s:%d:%d",
	    doc->path != NULL ? doc->path : "", node->line, node->column);
	profile->self_hosted_index = -1;
	return 0;
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
		if (f->names == profile_hardware_names &&
		    node->type == DOC_MAPPING)
			return profile_read_hardware(profile, doc, node, cause);
		if (doc_choice(doc, node, f->key, f->names, &index, cause) != 0)
			return -1;
		value = index;
		break;
	case PROFILE_MODEL:
		return profile_read_model(profile, doc, node, cause);
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

/* Applies an answers text; the profile is unchanged when it fails. */
int
profile_load_text(struct profile *profile, const char *path,
    const char *text, size_t length, char **cause)
{
	struct profile copy = *profile;
	struct doc doc;
	int result;
	const char *dot = strrchr(path, '.');
	const char *start;

	if (doc_check_text(path, text, length, cause) != 0)
		return -1;
	start = text + strspn(text, " \t\r\n");
	if ((dot != NULL && strcmp(dot, ".json") == 0) || *start == '{')
		result = doc_parse_json(&doc, path, text, length, cause);
	else
		result = doc_parse_yaml(&doc, path, text, length, cause);
	if (result != 0)
		return -1;
	result = profile_apply_doc(&copy, &doc, cause);
	doc_free(&doc);
	if (result == 0)
		*profile = copy;
	return result;
}

/* Loads an answers file; the profile is unchanged when it fails. */
int
profile_load_file(struct profile *profile, const char *path, char **cause)
{
	char *text;
	size_t length;
	int result;

	if (file_read(path, &text, &length, cause) != 0)
		return -1;
	result = profile_load_text(profile, path, text, length, cause);
	free(text);
	return result;
}

/* Applies one --set KEY=VALUE; errors point into the option's text. */
int
profile_set(struct profile *profile, const char *assignment, char **cause)
{
	const char *equals = strchr(assignment, '=');
	struct doc doc;
	struct doc_node node, items[8];
	char key[PROFILE_MAX_KEY];
	int result;

	memset(&doc, 0, sizeof doc);
	doc.path = "--set";
	if (equals == NULL || equals == assignment) {
		util_error(cause, _("--set: expected KEY=VALUE, got \"%s\""),
		    assignment);
		return -1;
	}
	/* No key is this long: a longer one is simply unknown, shown cut. */
	snprintf(key, sizeof key, "%.*s", (int)(equals - assignment),
	    assignment);
	const struct profile_field *f =
	    (size_t)(equals - assignment) < sizeof key ?
	    profile_find_field(key) : NULL;
	if (strcmp(key, "hardware.gpu") == 0 ||
	    strcmp(key, "hardware.count") == 0) {
		memset(&node, 0, sizeof node);
		node.type = DOC_SCALAR;
		node.line = 1;
		node.column = (int)(equals - assignment) + 2;
		node.scalar = equals + 1;
		node.null = equals[1] == '\0';
		if (key[9] == 'g')
			return profile_set_owned_gpu(profile, &doc, &node, cause);
		return profile_set_owned_count(profile, &doc, &node, cause);
	}
	if (f == NULL) {
		struct buffer known;
		/* input_tokens for volume.input_tokens: say which. */
		for (size_t i = 0; i < profile_field_count; i++) {
			const char *dot = strrchr(profile_fields[i].key, '.');
			if (dot != NULL && strcmp(dot + 1, key) == 0) {
				util_error_at(cause, "--set", 1, 1, _("unknown "
				    "key '%s': did you mean %s?"), key,
				    profile_fields[i].key);
				return -1;
			}
		}
		buffer_init(&known);
		for (size_t i = 0; i < profile_field_count; i++) {
			buffer_add(&known, i ? ", " : "");
			buffer_add(&known, profile_fields[i].key);
			if (profile_fields[i].names == profile_hardware_names)
				buffer_add(&known, ", hardware.gpu, "
				    "hardware.count");
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
		/* A comma-separated list: ecosystem=tool_use,structured_output
		 * (at most as many entries as a flag field has names). */
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

/* The owned GPUs: a mapping's, or one of the word's shorthand GPU. */
const char *
profile_owned_gpu(const struct profile *profile, int *count)
{
	if (profile->owned_gpu[0] != '\0') {
		*count = profile->owned_gpu_count;
		return profile->owned_gpu;
	}
	*count = profile->hardware == HARDWARE_NONE ? 0 : 1;
	return profile_hardware_gpus[profile->hardware];
}

/* self_hosted_model as written: the answer, else defaults.yaml's. */
const char *
profile_self_hosted_answer(const struct profile *profile,
    const struct data *data)
{
	if (profile->self_hosted_model[0] != '\0')
		return profile->self_hosted_model;
	if (data != NULL && data_self_hosted_model(data) != NULL)
		return data_self_hosted_model(data)->id;
	return PROFILE_SELF_HOSTED_AUTO;
}

/* The i-th open-weights model's id, NULL for other models and past the
 * end (profile_closest's names). */
static const char *
profile_open_model_id(const struct data *data, size_t i)
{
	if (i >= data->model_count)
		return NULL;
	return data->models[i].kind == MODEL_OPEN_WEIGHTS ?
	    data->models[i].id : "";
}

/* The i-th GPU's id, NULL past the end. */
static const char *
profile_gpu_id(const struct data *data, size_t i)
{
	return i < data->gpu_count ? data->gpus[i].id : NULL;
}

/* The name among name_at(data, 0, 1, ...) (until NULL; "" skipped)
 * closest to id, one edit away at most for ids of up to 4 characters and
 * two for longer ones, or NULL: for "did you mean". */
static const char *
profile_closest(const struct data *data, const char *id,
    const char *(*name_at)(const struct data *, size_t))
{
	size_t length = strlen(id), best_distance = length <= 4 ? 2 : 3;
	const char *best = NULL, *name;
	if (length > UTIL_EDIT_DISTANCE_MAX)
		return NULL;
	for (size_t i = 0; (name = name_at(data, i)) != NULL; i++) {
		size_t name_length = strlen(name);
		if (name_length == 0 || name_length > UTIL_EDIT_DISTANCE_MAX)
			continue;
		size_t distance = util_edit_distance(id, length, name,
		    name_length);
		if (distance < best_distance) {
			best_distance = distance;
			best = name;
		}
	}
	return best;
}

/* The open-weights id closest to a mistyped one (two edits at most, one
 * for short ids), or NULL. */
static const char *
profile_closest_open_model(const struct data *data, const char *id)
{
	return profile_closest(data, id, profile_open_model_id);
}

/* hardware.gpu must name a GPU of the data. */
static int
profile_check_owned_gpu(const struct profile *profile,
    const struct data *data, char **cause)
{
	const char *id = profile->owned_gpu;
	if (id[0] == '\0' || data_find_gpu(data, id) != NULL)
		return 0;
	const char *at = profile->owned_gpu_at[0] != '\0' ?
	    profile->owned_gpu_at : "hardware.gpu";
	const char *near = profile_closest(data, id, profile_gpu_id);
	if (near != NULL)
		util_error(cause, _("%s: hardware.gpu '%s' is not a GPU in the "
		    "data (did you mean '%s'?)"), at, id, near);
	else
		util_error(cause, _("%s: hardware.gpu '%s' is not a GPU in the "
		    "data: an id from --list-gpus"), at, id);
	return -1;
}

/* The answers that name things in the data must find them: the answers
 * are read before the data, so this runs once both are in.
 * self_hosted_model must be auto or an open_weights model; hardware.gpu
 * a GPU of gpus.yaml (it was ignored before, and the team's GPU with
 * it). */
int
profile_check_data(const struct profile *profile, const struct data *data,
    char **cause)
{
	const char *id = profile->self_hosted_model;
	const struct model *m;
	if (profile_check_owned_gpu(profile, data, cause) != 0)
		return -1;
	if (id[0] == '\0' || strcmp(id, PROFILE_SELF_HOSTED_AUTO) == 0)
		return 0;
	m = data_find_model(data, id);
	if (m != NULL && m->kind == MODEL_OPEN_WEIGHTS)
		return 0;
	const char *at = profile->self_hosted_model_at[0] != '\0' ?
	    profile->self_hosted_model_at : "self_hosted_model";
	const char *near = profile_closest_open_model(data, id);
	/* An unrated model kept by name (data_load_compared) is answered as
	 * when it is kept whole. */
	const struct data_unrated_name *named = m == NULL ?
	    data_find_unrated_name(data, id) : NULL;
	if (m != NULL || named != NULL)
		util_error(cause, _("%s: self_hosted_model '%s' is not open "
		    "weights you can run (its kind is %s): see --list-models"),
		    at, id, data_model_kind_name(m != NULL ? m->kind :
		    named->kind));
	else if (near != NULL)
		util_error(cause, _("%s: self_hosted_model '%s' is not an "
		    "open-weights model in the data (did you mean '%s'?)"), at,
		    id, near);
	else
		util_error(cause, _("%s: self_hosted_model '%s' is not an "
		    "open-weights model in the data: auto, or an id from "
		    "--list-models"), at, id);
	return -1;
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

/* Writes a token count exactly, with the largest suffix that reads back
 * as the same number (41.7M, not 41700000 or 41700k). */
static void
profile_format_tokens(char *out, size_t size, double tokens)
{
	static const struct { double scale; const char *suffix; } units[] = {
		{ 1e12, "T" }, { 1e9, "B" }, { 1e6, "M" }, { 1e3, "k" },
	};
	for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
		double back;
		if (tokens < units[i].scale)
			continue;
		util_snprintf_c(out, size, "%.15g%s", tokens / units[i].scale,
		    units[i].suffix);
		if (strchr(out, 'e') == NULL &&
		    util_parse_number(out, true, &back) == 0 && back == tokens)
			return;
	}
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
		if (f->names == profile_hardware_names &&
		    profile->owned_gpu[0] != '\0')
			snprintf(out, size, "{gpu: %s, count: %d}",
			    profile->owned_gpu, profile->owned_gpu_count);
		else
			snprintf(out, size, "%s", f->names[(int)value]);
		break;
	case PROFILE_MODEL:
		snprintf(out, size, "%s", profile_self_hosted_answer(profile,
		    data));
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

/* Shares (0 to 1) are shown as percentages and accept a % sign. */
static bool
profile_is_share(const struct profile_field *f)
{
	return f->unit != NULL && strcmp(f->unit, "share") == 0;
}

/* A number as people read it in this field's unit, in a language
 * (German "250 Mio. Token pro Monat"); the number decides between
 * singular and plural ("1 month"). */
void
profile_format_readable_in(enum i18n_language language,
    const struct profile_field *f, double v, char *out, size_t size)
{
	char number[64];
	const char *unit = f->unit != NULL ? f->unit : "";
	unsigned long count = util_plural_count(v);
	if (f->type == PROFILE_TOKENS) {
		util_format_tokens_in(language, number, sizeof number, v);
		snprintf(out, size, strcmp(unit, "tokens") == 0 ?
		    i18n_text(language, "%s tokens") : i18n_text(language,
		    "%s tokens a month"), number);
		return;
	}
	if (strcmp(unit, "share") == 0) {
		util_format_percent_in(language, out, size, v);
		return;
	}
	if (strcmp(unit, "USD/hour") == 0) {
		util_format_money_in(language, number, sizeof number, v);
		snprintf(out, size, i18n_text(language, "%s an hour"), number);
		return;
	}
	util_format_number_in(language, number, sizeof number, v, 6);
	if (strcmp(unit, "1/year") == 0)
		snprintf(out, size, i18n_text(language, "%s a year"), number);
	else if (strcmp(unit, "hours/month") == 0)
		snprintf(out, size, i18n_plural(language,
		    "%s hour a month", "%s hours a month", count), number);
	else if (strcmp(unit, "months") == 0)
		snprintf(out, size, i18n_plural(language, "%s month",
		    "%s months", count),
		    number);
	else if (strcmp(unit, "ratio") == 0)
		snprintf(out, size, i18n_text(language, "%s times the mean"), number);
	else
		snprintf(out, size, "%s", number);
}

/* The same in the catalogue's language, like the questions around it. */
void
profile_format_readable(const struct profile_field *f, double v, char *out,
    size_t size)
{
	profile_format_readable_in(I18N_TRANSLATED, f, v, out, size);
}

/* Parses a number typed for a field: spaces around it are ignored, token
 * counts take k/M/B and shares a % sign.  0 with *value, or -1 with a
 * *cause that says what is wrong and what would do. */
int
profile_parse_input(const struct profile_field *f, const char *input,
    double *value, char **cause)
{
	char text[PROFILE_INPUT_MAX + 1], low[64], high[64];
	size_t length;
	double v, scale = 1;

	snprintf(text, sizeof text, "%s", input);
	length = strlen(text);
	while (length > 0 && text[length - 1] == ' ')
		text[--length] = '\0';
	const char *start = text + strspn(text, " ");
	if (*start == '\0') {
		util_error(cause, "%s", _("Type a number, or pick one of "
		    "the answers above."));
		return -1;
	}
	if (profile_is_share(f) && length > 0 && text[length - 1] == '%') {
		text[--length] = '\0';
		scale = 0.01;
	}
	if (util_parse_number(start, f->type == PROFILE_TOKENS, &v) != 0) {
		if (f->type == PROFILE_TOKENS)
			util_error(cause, _("'%s' is not a number: type "
			    "digits with an optional k, M or B, as in 250M."),
			    input);
		else if (profile_is_share(f))
			util_error(cause, _("'%s' is not a number: type a "
			    "share such as 0.3 or 30%%."), input);
		else
			util_error(cause, _("'%s' is not a number: type "
			    "digits, as in 12 or 2.5."), input);
		return -1;
	}
	/* On a share, "45" can only mean 45%: a share is at most 1. */
	if (profile_is_share(f) && scale == 1 && v > 1 && v <= 100)
		scale = 0.01;
	v *= scale;
	if (f->type == PROFILE_TOKENS && v != floor(v)) {
		util_error(cause, _("'%s' is not a whole number of tokens."),
		    input);
		return -1;
	}
	if (v < f->low || v > f->high) {
		profile_format_readable(f, f->low, low, sizeof low);
		profile_format_readable(f, f->high, high, sizeof high);
		util_error(cause, _("Out of range: type a value from %s "
		    "to %s."), low, high);
		return -1;
	}
	*value = v;
	return 0;
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
		if (f->type == PROFILE_MODEL &&
		    profile->self_hosted_model[0] == '\0') {
			/* Not answered: the data's default, as a comment. */
			buffer_printf(out, "# %s: %s   (default)\n", f->key,
			    value);
			continue;
		}
		buffer_printf(out, "%s%s: %s\n", dot ? "  " : "",
		    dot ? dot + 1 : f->key, value);
	}
}

/* Answers that are valid but rarely meant: a front end asks once before
 * it takes a typed number outside these ranges. */
static const struct {
	const char *key;
	double low, high;
} profile_usual_ranges[] = {
	/* A loaded engineer hour from $10 to $1,000 (issue 16): "3" is
	 * more likely a slip than a $3 hour. */
	{ "team.hourly_rate", 10, 1000 },
};

/* Whether a number is outside its field's usual range (see profile.h). */
bool
profile_value_unusual(const struct profile_field *field, double value,
    double *low, double *high)
{
	for (size_t i = 0; i < sizeof profile_usual_ranges /
	    sizeof profile_usual_ranges[0]; i++) {
		if (strcmp(field->key, profile_usual_ranges[i].key) != 0)
			continue;
		if (low != NULL)
			*low = profile_usual_ranges[i].low;
		if (high != NULL)
			*high = profile_usual_ranges[i].high;
		return value < profile_usual_ranges[i].low ||
		    value > profile_usual_ranges[i].high;
	}
	return false;
}
