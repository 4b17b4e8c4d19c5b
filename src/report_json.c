/* report_json.c - the JSON result (design.md, "JSON result"): a view of
 * an evaluation with the contract's stable keys.  Every text in it is
 * English, whatever the locale: rule reasons and warnings are expanded
 * from the templates as written, sentences from their msgids. */
#include "config.h"

#include <cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "json.h"
#include "metrics.h"
#include "report.h"

/* Rounds money to cents and other figures to a sensible precision, so the
 * output is stable and readable. */
static double
report_json_round(double value, double unit)
{
	return round(value / unit) * unit;
}

static cJSON *
report_json_number_or_null(double value, double unit)
{
	return isfinite(value) ? cJSON_CreateNumber(report_json_round(value, unit)) :
	    cJSON_CreateNull();
}

static cJSON *
report_json_monthly(const struct cost_monthly *m)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "compute", report_json_round(m->compute, 0.01));
	cJSON_AddNumberToObject(o, "engineering",
	    report_json_round(m->engineering, 0.01));
	cJSON_AddNumberToObject(o, "setup", report_json_round(m->setup, 0.01));
	cJSON_AddNumberToObject(o, "hardware", report_json_round(m->hardware, 0.01));
	cJSON_AddNumberToObject(o, "total", report_json_round(m->total, 0.01));
	return o;
}

static cJSON *
report_json_option(const struct evaluation *report, const struct cost_option *o)
{
	cJSON *j = cJSON_CreateObject();
	char id[256];

	report_option_id(o, id, sizeof id);
	cJSON_AddStringToObject(j, "id", id);
	cJSON_AddStringToObject(j, "kind", cost_kind_name(o->kind));
	cJSON_AddStringToObject(j, "model", o->model->id);
	if (o->kind == OPTION_HYBRID) {
		/* The open path the rest of the traffic takes. */
		cJSON_AddStringToObject(j, "open_kind",
		    cost_kind_name(o->hybrid_self_kind));
		cJSON_AddStringToObject(j, "open_model",
		    o->hybrid_open_model != NULL ? o->hybrid_open_model->id :
		    data_config_model(report->data, o->config)->id);
	}
	if (o->config != NULL) {
		if (o->kind == OPTION_HYBRID) {
			cJSON_AddStringToObject(j, "self_hosted_kind",
			    cost_kind_name(o->hybrid_self_kind));
			cJSON_AddStringToObject(j, "self_hosted_model",
			    data_config_model(report->data, o->config)->id);
		}
		cJSON_AddStringToObject(j, "gpu", o->gpu->id);
		cJSON_AddStringToObject(j, "quantisation",
		    data_quantisation_name(o->config->quantisation));
		cJSON_AddNumberToObject(j, "gpus", o->gpus);
		cJSON_AddNumberToObject(j, "replicas", o->replicas);
		cJSON_AddNumberToObject(j, "nodes", o->nodes);
		if (o->kind == OPTION_CLOUD_24X7)
			cJSON_AddStringToObject(j, "commitment",
			    cost_commitment_name(o->commitment));
		if (o->spot_share > 0)
			cJSON_AddNumberToObject(j, "spot_share", o->spot_share);
		if (o->gpu_hours > 0 || o->kind == OPTION_CLOUD_ON_DEMAND ||
		    (o->kind == OPTION_HYBRID &&
		    o->hybrid_self_kind == OPTION_CLOUD_ON_DEMAND))
			cJSON_AddItemToObject(j, "gpu_hours",
			    report_json_number_or_null(o->gpu_hours, 0.01));
		else
			cJSON_AddItemToObject(j, "utilisation",
			    report_json_number_or_null(o->utilisation, 0.0001));
	}
	if (o->kind == OPTION_OWNED) {
		cJSON_AddItemToObject(j, "payback_months",
		    report_json_number_or_null(o->payback_months, 0.01));
		if (o->payback_vs >= 0) {
			const struct cost_option *vs =
			    &report->cost.options[o->payback_vs];
			char vs_id[256];
			report_option_id(vs, vs_id, sizeof vs_id);
			cJSON_AddStringToObject(j, "payback_vs", vs_id);
			cJSON_AddNumberToObject(j, "payback_vs_gpus", vs->gpus);
		} else {
			cJSON_AddNullToObject(j, "payback_vs");
		}
		cJSON_AddNumberToObject(j, "owned_gpus", o->owned_gpus);
		cJSON_AddItemToObject(j, "upfront",
		    report_json_number_or_null(o->upfront, 0.01));
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
	/* Present, and true, only for a model its vendor has retired. */
	if ((o->kind == OPTION_API || o->kind == OPTION_HOSTED_OPEN) &&
	    o->model->retired)
		cJSON_AddBoolToObject(j, "retired", true);
	cJSON_AddItemToObject(j, "monthly", report_json_monthly(&o->monthly));
	return j;
}

/* The open-weights model the self-hosted options run: {id, tier, auto
 * (picked, not pinned), tier_needed}, or null when none fits. */
static cJSON *
report_json_self_hosted(const struct evaluation *report)
{
	int index = report->profile.self_hosted_index;
	if (index < 0)
		return cJSON_CreateNull();
	const struct model *m = &report->data->models[index];
	cJSON *j = cJSON_CreateObject();
	cJSON_AddStringToObject(j, "id", m->id);
	cJSON_AddStringToObject(j, "tier", data_tier_name(m->tier));
	cJSON_AddBoolToObject(j, "auto", report->self_hosted_auto);
	cJSON_AddStringToObject(j, "tier_needed",
	    data_tier_name(report->self_hosted_tier_needed));
	return j;
}

static cJSON *
report_json_inputs(const struct evaluation *report)
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
			if (f->names == profile_hardware_names &&
			    p->owned_gpu[0] != '\0') {
				cJSON *owned = cJSON_AddObjectToObject(parent, name);
				cJSON_AddStringToObject(owned, "gpu", p->owned_gpu);
				cJSON_AddNumberToObject(owned, "count",
				    p->owned_gpu_count);
				break;
			}
			cJSON_AddStringToObject(parent, name,
			    f->names[(int)value]);
			break;
		case PROFILE_MODEL:
			cJSON_AddStringToObject(parent, name,
			    profile_self_hosted_answer(p, report->data));
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

/* The assumptions, every figure with its provenance, written directly
 * in json_print's layout for a member of the root object (depth 1): a
 * report lists hundreds, and building them as cJSON items took most of
 * the time and memory of printing one.  test_report checks the text is
 * what the items printed. */
void
report_json_assumptions_write(struct buffer *out, const void *evaluation)
{
	const struct evaluation *report = evaluation;
	static const char *const members[] = { "key", "value", "unit",
	    "source", "as_of", "verified", "range", "file" };
	const size_t count = sizeof members / sizeof members[0];
	const struct data *data = report->data;
	json_write_text(out, "[");
	for (size_t i = 0; i < data->figure_count; i++) {
		const struct figure *f = data_figure_at(data, i);
		json_write_text(out, i > 0 ? ", {\n" : "{\n");
		for (size_t m = 0; m < count; m++) {
			json_write_member(out, 3, members[m]);
			switch (m) {
			case 0: json_write_string(out, f->key); break;
			case 1: json_write_number(out, f->value); break;
			case 2: json_write_string(out, f->unit); break;
			case 3: json_write_string(out, f->source); break;
			case 4: json_write_string(out, f->as_of); break;
			case 5: json_write_text(out, f->verified ? "true" :
				    "false");
				break;
			case 6:
				json_write_text(out, "[");
				json_write_number(out, f->low);
				json_write_text(out, ", ");
				json_write_number(out, f->high);
				json_write_text(out, "]");
				break;
			default: json_write_string(out, f->file); break;
			}
			json_write_text(out, m + 1 < count ? ",\n" : "\n");
		}
		json_write_text(out, "\t\t}");
	}
	json_write_text(out, "]");
}

/* One outcome's ledger: whether it is allowed (and which vetoes rule it
 * out), its option's monthly cost, the adjust lines, its success and its
 * quality-adjusted cost. */
static cJSON *
report_json_ledger(const struct evaluation *report, enum verdict outcome)
{
	const struct decision *d = &report->outcome;
	const struct decide_ledger *l = &d->ledgers[outcome];
	const struct cost_option *option = decide_option(d, &report->cost,
	    outcome);
	cJSON *j = cJSON_CreateObject();
	struct buffer text;
	char id[256];

	cJSON_AddStringToObject(j, "outcome", rules_verdict_name(outcome));
	cJSON_AddBoolToObject(j, "allowed", l->allowed);
	cJSON *vetoed_by = cJSON_AddArrayToObject(j, "vetoed_by");
	for (size_t i = 0; i < l->vetoed_by_count; i++)
		cJSON_AddItemToArray(vetoed_by, cJSON_CreateString(
		    report->rules->rules[l->vetoed_by[i]].id));
	if (option != NULL)
		cJSON_AddItemToObject(j, "monthly",
		    report_json_monthly(&l->monthly));
	else
		cJSON_AddNullToObject(j, "monthly");
	cJSON *adjustments = cJSON_AddArrayToObject(j, "adjustments");
	for (size_t i = 0; i < l->adjustment_count; i++) {
		cJSON *a = cJSON_CreateObject();
		cJSON_AddStringToObject(a, "rule",
		    report->rules->rules[l->adjustments[i].rule].id);
		cJSON_AddNumberToObject(a, "amount",
		    report_json_round(l->adjustments[i].amount, 0.01));
		buffer_init(&text);
		decide_adjustment_text(report->rules, d, outcome, i,
		    report->metrics, I18N_ENGLISH, &text);
		cJSON_AddStringToObject(a, "text", text.data ? text.data : "");
		buffer_free(&text);
		cJSON_AddItemToArray(adjustments, a);
	}
	cJSON_AddNumberToObject(j, "adjustments_total",
	    report_json_round(l->adjustments_total, 0.01));
	cJSON_AddItemToObject(j, "success",
	    report_json_number_or_null(l->success, 0.0001));
	cJSON_AddItemToObject(j, "effective",
	    report_json_number_or_null(l->effective, 0.01));
	cJSON *options = cJSON_AddArrayToObject(j, "options");
	if (option != NULL) {
		report_option_id(option, id, sizeof id);
		cJSON_AddItemToArray(options, cJSON_CreateString(id));
	}
	return j;
}

/* outcomes[]: the four ledgers, in the order of the verdicts (empty
 * without rules: nothing was decided). */
static cJSON *
report_json_outcomes(const struct evaluation *report)
{
	cJSON *list = cJSON_CreateArray();
	for (int v = 0; report->rules != NULL && v < VERDICT_COUNT; v++)
		cJSON_AddItemToArray(list, report_json_ledger(report, v));
	return list;
}

/* rule_files[]: every rules file read, with the ids of the rules it
 * added; the rules a file disabled are not recorded yet (empty). */
static cJSON *
report_json_rule_files(const struct rules *rules)
{
	cJSON *list = cJSON_CreateArray();
	for (size_t f = 0; rules != NULL && f < rules->file_count; f++) {
		cJSON *j = cJSON_CreateObject();
		cJSON_AddStringToObject(j, "file", rules->files[f]);
		cJSON *added = cJSON_AddArrayToObject(j, "added");
		for (size_t i = 0; i < rules->count; i++)
			if (util_streq(rules->rules[i].file, rules->files[f]))
				cJSON_AddItemToArray(added, cJSON_CreateString(
				    rules->rules[i].id));
		cJSON *disabled = cJSON_AddArrayToObject(j, "disabled");
		for (size_t i = 0; i < rules->disabled_count; i++)
			if (util_streq(rules->disabled[i].by, rules->files[f]))
				cJSON_AddItemToArray(disabled, cJSON_CreateString(
				    rules->disabled[i].id));
		cJSON_AddItemToArray(list, j);
	}
	return list;
}

/* verdict, confidence, reasons and warnings. */
static void
report_json_recommendation(const struct evaluation *report, cJSON *root)
{
	const struct decision *o = &report->outcome;
	const struct rules *rules = report->rules;
	struct buffer text;

	if (o->verdict == VERDICT_NONE) {
		cJSON_AddNullToObject(root, "verdict");
		cJSON_AddNullToObject(root, "confidence");
	} else {
		cJSON_AddStringToObject(root, "verdict",
		    rules_verdict_name(o->verdict));
		cJSON_AddItemToObject(root, "confidence", report_json_number_or_null(
		    report->uncertainty.samples ?
		    report->uncertainty.share[o->verdict] : NAN, 0.0001));
	}
	cJSON_AddBoolToObject(root, "too_close", report->too_close);
	if (o->runner_up == VERDICT_NONE)
		cJSON_AddNullToObject(root, "runner_up");
	else
		cJSON_AddStringToObject(root, "runner_up",
		    rules_verdict_name(o->runner_up));
	cJSON_AddItemToObject(root, "margin", report_json_number_or_null(
	    o->runner_up == VERDICT_NONE ? NAN : o->margin, 0.01));
	cJSON_AddItemToObject(root, "outcomes", report_json_outcomes(report));
	cJSON *reasons = cJSON_AddArrayToObject(root, "reasons");
	for (size_t i = 0; rules != NULL && i < o->reason_count; i++) {
		const struct decide_reason *reason = &o->reasons[i];
		cJSON *r = cJSON_CreateObject();
		cJSON_AddStringToObject(r, "rule", decide_reason_id(rules, o, i));
		if (reason->line == DECIDE_LINE_VETO) {
			const struct rule *rule = &rules->rules[reason->rule];
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
			    rules_verdict_name(reason->favours));
			cJSON_AddNumberToObject(r, "weight",
			    report_json_round(reason->weight, 0.01));
			cJSON_AddStringToObject(r, "against",
			    rules_verdict_name(reason->against));
		}
		buffer_init(&text);
		decide_reason_text(rules, o, i, report->metrics, I18N_ENGLISH,
		    &text);
		cJSON_AddStringToObject(r, "text", text.data ? text.data : "");
		buffer_free(&text);
		cJSON_AddItemToArray(reasons, r);
	}
	cJSON *warnings = cJSON_AddArrayToObject(root, "warnings");
	for (size_t i = 0; rules != NULL && i < decide_warning_count(o); i++) {
		cJSON *w = cJSON_CreateObject();
		cJSON_AddStringToObject(w, "id", decide_warning_id(rules, o, i));
		cJSON_AddStringToObject(w, "rule",
		    decide_warning_rule(rules, o, i));
		buffer_init(&text);
		decide_warning_text(rules, o, i, report->metrics, I18N_ENGLISH,
		    &text);
		cJSON_AddStringToObject(w, "text", text.data ? text.data : "");
		buffer_free(&text);
		cJSON_AddItemToArray(warnings, w);
	}
	if (report->stale_count > 0) {
		cJSON *w = cJSON_CreateObject();
		cJSON *figures = cJSON_CreateArray();
		cJSON_AddStringToObject(w, "id", "stale-prices");
		buffer_init(&text);
		report_stale_sentence(report, I18N_ENGLISH, &text);
		cJSON_AddStringToObject(w, "text", text.data ? text.data : "");
		buffer_free(&text);
		for (size_t i = 0; i < report->stale_count; i++)
			cJSON_AddItemToArray(figures, cJSON_CreateString(
			    data_figure_at(report->data, report->stale[i])->key));
		cJSON_AddItemToObject(w, "figures", figures);
		cJSON_AddItemToArray(warnings, w);
	}
}

/* flip_points and uncertainty. */
static void
report_json_sensitivity(const struct evaluation *report, cJSON *root)
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
		    report_json_number_or_null(f->value, precision));
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
		    report_json_round(u->share[v], 0.0001));
	cJSON *percentiles = cJSON_AddObjectToObject(j, "monthly_total");
	for (int k = 0; k < OPTION_KIND_COUNT; k++) {
		cJSON *p = cJSON_AddObjectToObject(percentiles, cost_kind_name(k));
		cJSON_AddItemToObject(p, "p10", report_json_number_or_null(u->p10[k], 1));
		cJSON_AddItemToObject(p, "p50", report_json_number_or_null(u->p50[k], 1));
		cJSON_AddItemToObject(p, "p90", report_json_number_or_null(u->p90[k], 1));
	}
	cJSON *quality = cJSON_AddObjectToObject(root, "quality");
	for (int v = 0; v < VERDICT_COUNT; v++) {
		cJSON *q = cJSON_AddObjectToObject(quality,
		    rules_verdict_name(v));
		cJSON_AddItemToObject(q, "success_rate", report_json_number_or_null(
		    metrics_success(report->metrics, v), 0.0001));
		cJSON_AddItemToObject(q, "cost_per_million_successful_tokens",
		    report_json_number_or_null(metrics_cost_per_success_of(report->metrics, v), 0.01));
	}
}

/* Renders the JSON result (design.md, "JSON result"). */
int
report_json_render(const struct evaluation *report, struct buffer *out,
    char **cause)
{
	const struct cost_result *cost = &report->cost;
	cJSON *root = json_start();
	char id[256];

	cJSON_AddStringToObject(root, "date", report->date);
	report_json_recommendation(report, root);
	cJSON *options = cJSON_AddArrayToObject(root, "options");
	for (size_t i = 0; i < cost->count; i++)
		cJSON_AddItemToArray(options,
		    report_json_option(report, &cost->options[i]));
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
	    report_json_number_or_null(report->breakeven, 1));
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
	report_json_sensitivity(report, root);
	cJSON_AddItemToObject(root, "assumptions", json_raw_writer(
	    report_json_assumptions_write, report));
	cJSON_AddItemToObject(root, "inputs", report_json_inputs(report));
	cJSON_AddItemToObject(root, "self_hosted_model",
	    report_json_self_hosted(report));
	cJSON_AddItemToObject(root, "rule_files",
	    report_json_rule_files(report->rules));

	/* A list cut short by a failed allocation fails the print. */
	return json_print(root, out, cause);
}
