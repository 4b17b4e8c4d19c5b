/* test_data.c - the data loader: the default data is complete and within
 * its ranges, and broken data is refused with a positioned message. */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cost.h"
#include "data.h"
#include "evaluate.h"
#include "file.h"
#include "profile.h"
#include "report.h"
#include "testutil.h"

/* Reads a fixture of tests/bad/data/base into memory. */
static char *
fixture(const char *name)
{
	char path[512], *text, *cause = NULL;
	size_t length;
	snprintf(path, sizeof path, "tests/bad/data/base/%s", name);
	if (file_read(testutil_path(path), &text, &length, &cause) != 0)
		ck_abort_msg("%s", cause);
	return text;
}

/* Loads the base fixtures with one of them replaced by text; returns the
 * error message (or NULL when it loaded). */
static char *
load_with(const char *which, const char *text)
{
	struct data data;
	char *models = fixture("models.yaml"), *gpus = fixture("gpus.yaml");
	char *defaults = fixture("defaults.yaml"), *cause = NULL;
	int result = data_load_texts(&data, "models.yaml",
	    strcmp(which, "models") == 0 ? text : models, "gpus.yaml",
	    strcmp(which, "gpus") == 0 ? text : gpus, "defaults.yaml",
	    strcmp(which, "defaults") == 0 ? text : defaults, &cause);
	if (result == 0)
		data_free(&data);
	free(models);
	free(gpus);
	free(defaults);
	return cause;
}

/* Replaces the first occurrence of old in a fixture by new. */
static char *
patched(const char *name, const char *old, const char *new)
{
	char *text = fixture(name);
	char *at = strstr(text, old);
	ck_assert_msg(at != NULL, "'%s' not in %s", old, name);
	size_t length = strlen(text) - strlen(old) + strlen(new) + 1;
	char *result = malloc(length);
	snprintf(result, length, "%.*s%s%s", (int)(at - text), text, new,
	    at + strlen(old));
	free(text);
	return result;
}

static void
expect_error(const char *which, const char *old, const char *new,
    const char *expected)
{
	char name[32];
	snprintf(name, sizeof name, "%s.yaml", which);
	char *text = patched(name, old, new);
	char *cause = load_with(which, text);
	ck_assert_msg(cause != NULL, "accepted %s with '%s'", name, new);
	ck_assert_str_eq(cause, expected);
	free(cause);
	free(text);
}

START_TEST(test_base_fixtures_load)
{
	char *models = fixture("models.yaml");
	char *cause = load_with("models", models);
	ck_assert_msg(cause == NULL, "%s", cause);
	free(models);
}
END_TEST

START_TEST(test_positioned_errors)
{
	expect_error("gpus", "unit: W,", "unit: kW,",
	    "gpus.yaml:9:31: gpus.gpu-x.power must be given in W, got \"kW\"");
	expect_error("gpus", "decode: {value: 25,", "decode: {value: fast,",
	    "gpus.yaml:15:25: gpus.gpu-x.open-c.int4.x1.decode must be a number, "
	    "got \"fast\"");
	expect_error("models", "tier: frontier", "tier: best",
	    "models.yaml:7:11: tier must be one of small, large, frontier, got "
	    "\"best\"");
	expect_error("models", "    fine_tuning: false\n",
	    "    fine_tuning: false\n    colour: red\n",
	    "models.yaml:10:5: unknown key 'colour' in a model");
	expect_error("models", "    provider: host\n",
	    "    provider: host\n    provider: other\n",
	    "models.yaml:16:5: duplicate key 'provider' (first at line 15)");
	expect_error("models", "value: 15,", "value: 25,",
	    "models.yaml:11:27: models.closed-a.output_price must be between 3 "
	    "and 20, got 25");
	expect_error("models", "as_of: 2026-01-01", "as_of: last year",
	    "models.yaml:10:68: as_of must be a date YYYY-MM-DD, got \"last "
	    "year\"");
	expect_error("defaults", "self_hosted_model: open-c",
	    "self_hosted_model: closed-a",
	    "defaults.yaml:2:20: self_hosted_model 'closed-a' is not an "
	    "open_weights model (or auto)");
	expect_error("defaults", "  pue:", "  power_usage:",
	    "defaults.yaml:26:3: unknown key 'power_usage' in ownership");
	expect_error("gpus", "model: open-c", "model: closed-a",
	    "gpus.yaml:11:16: model 'closed-a' is not an open_weights model of "
	    "models.yaml");
	expect_error("gpus", "gpus: 1", "gpus: 1.5",
	    "gpus.yaml:13:15: gpus must be a whole number, got 1.5");
	expect_error("models", "weights: open-c", "weights: nowhere",
	    "models.yaml:16:14: weights 'nowhere' is not an open_weights model");
}
END_TEST

START_TEST(test_yaml_hazards)
{
	char *cause;
	cause = load_with("models", "models: &a [*a]\n");
	ck_assert_ptr_nonnull(cause);
	ck_assert_ptr_nonnull(strstr(cause, "aliases"));
	free(cause);
	cause = load_with("models", "");
	ck_assert_str_eq(cause, "models.yaml:1:1: file is empty: expected "
	    "'models:'");
	free(cause);
	cause = load_with("models", "models:\n\t- id: x\n");
	ck_assert_ptr_nonnull(cause);
	ck_assert(strncmp(cause, "models.yaml:2:", 14) == 0);
	free(cause);
	/* Deep nesting is refused at a fixed depth, not by running out of
	 * stack. */
	char deep[20001 * 2 + 16];
	size_t n = 0;
	n += (size_t)sprintf(deep, "models: ");
	for (int i = 0; i < 20000; i++)
		deep[n++] = '[';
	for (int i = 0; i < 20000; i++)
		deep[n++] = ']';
	deep[n] = '\0';
	cause = load_with("models", deep);
	ck_assert_ptr_nonnull(strstr(cause, "nesting deeper than 64 levels"));
	free(cause);
}
END_TEST

START_TEST(test_default_data_complete)
{
	const struct data *data = testutil_shipped_data();
	static const char *const models[] = {
		"claude-3-5-sonnet-20241022", "gpt-4o", "gpt-4o-mini",
		"llama-3.1-8b", "llama-3.1-70b", "llama-3.1-405b",
		"qwen-2.5-72b", "mistral-large", "deepseek-v3", NULL
	};
	static const char *const gpus[] = {
		"a6000", "rtx-4090", "l40s", "a100-40gb", "a100-80gb",
		"h100-80gb", NULL
	};
	for (int i = 0; models[i] != NULL; i++)
		ck_assert_msg(data_find_model(data, models[i]) != NULL,
		    "missing model %s", models[i]);
	for (int i = 0; gpus[i] != NULL; i++)
		ck_assert_msg(data_find_gpu(data, gpus[i]) != NULL,
		    "missing GPU %s", gpus[i]);
	/* Gemini 1.5 Pro and an Apple-silicon 192 GB machine. */
	bool gemini = false, apple = false;
	size_t hosted_70b = 0;
	for (size_t i = 0; i < data->model_count; i++) {
		const struct model *m = &data->models[i];
		if (strstr(m->id, "gemini-1.5-pro") != NULL)
			gemini = true;
		if (m->kind == MODEL_HOSTED_OPEN &&
		    data_weights_of(data, m) ==
		    data_find_model(data, "llama-3.1-70b"))
			hosted_70b++;
	}
	for (size_t i = 0; i < data->gpu_count; i++)
		if (data->gpus[i].class == GPU_CLASS_APPLE_SILICON &&
		    data->gpus[i].memory.value >= 190)
			apple = true;
	ck_assert(gemini);
	ck_assert(apple);
	ck_assert_uint_ge(hosted_70b, 2);
	/* DeepSeek V3 is a mixture of experts: active < total. */
	const struct model *ds = data_find_model(data, "deepseek-v3");
	ck_assert(ds->active_parameters.value < ds->parameters.value / 10);
}
END_TEST

START_TEST(test_article_prices)
{
	const struct data *data = testutil_data();
	const struct model *sonnet =
	    data_find_model(data, "claude-3-5-sonnet-20241022");
	const struct model *gpt4o = data_find_model(data, "gpt-4o");
	ck_assert_double_eq(sonnet->input_price.value, 3);
	ck_assert_double_eq(sonnet->output_price.value, 15);
	ck_assert_double_eq(gpt4o->input_price.value, 2.5);
	ck_assert_double_eq(gpt4o->output_price.value, 10);
	/* The article marks GPT-4o's price [VERIFY]: carried as uncertain. */
	ck_assert(!gpt4o->input_price.verified);
	ck_assert(gpt4o->input_price.high > gpt4o->input_price.low);
	/* Aliases reach the same model. */
	ck_assert_ptr_eq(data_find_model(data, "claude-3-5-sonnet-latest"),
	    sonnet);
	const struct gpu *a100 = data_find_gpu(data, "a100-40gb");
	ck_assert(a100->cloud_price.value >= 1 && a100->cloud_price.value <= 2);
	ck_assert(a100->cloud_price.low <= 1 && a100->cloud_price.high >= 2);
	ck_assert(!a100->cloud_price.verified);
	const struct gpu *a6000 = data_find_gpu(data, "a6000");
	ck_assert(a6000->purchase_price.low <= 4000 &&
	    a6000->purchase_price.high >= 5000);
	ck_assert(!a6000->purchase_price.verified);
	const struct defaults *d = &data->defaults;
	ck_assert_double_eq(d->quality_hard_closed[TIER_FRONTIER].value, 0.80);
	ck_assert_double_eq(d->quality_hard_open[TIER_LARGE].value, 0.65);
	ck_assert_double_eq(d->volume_low.value, 50e6);
	ck_assert_double_eq(d->volume_high.value, 500e6);
	ck_assert(d->gap_months.low <= 6 && d->gap_months.high >= 12);
}
END_TEST

/* Issue 14: the shipped data/ has each vendor's current frontier, mid and
 * small model, the article's retired ones marked with their dates, no
 * price of a model a run can choose older than stale_months on
 * 2026-12-01 (fine-tuning prices aside), and no retired model is ever
 * an outcome's option, the cheapest of its kind or a hybrid's part. */
START_TEST(test_shipped_current_models)
{
	static const struct { const char *id; enum quality_tier tier; }
	    current[] = {
		{ "claude-opus-5", TIER_FRONTIER },
		{ "claude-sonnet-5", TIER_LARGE },
		{ "claude-haiku-4-5", TIER_SMALL },
		{ "gpt-5.5", TIER_FRONTIER },
		{ "gpt-5.4-mini", TIER_LARGE },
		{ "gpt-5.4-nano", TIER_SMALL },
		{ "gemini-3.1-pro-preview", TIER_FRONTIER },
		{ "gemini-3.6-flash", TIER_LARGE },
		{ "gemini-3.5-flash-lite", TIER_SMALL },
	};
	struct data *data = malloc(sizeof *data);
	struct cost_result *cost = malloc(sizeof *cost);
	struct paths paths = { 0 };
	struct cost_scenario scenario;
	struct profile profile;
	char dir[512], *cause = NULL;
	struct tm day = { .tm_year = 126, .tm_mon = 11, .tm_mday = 1 };
	time_t now = timegm(&day);

	snprintf(dir, sizeof dir, "%s", testutil_path("data"));
	paths.data_dir = dir;
	ck_assert_msg(data_load(data, &paths, &cause) == 0, "%s", cause);
	for (size_t i = 0; i < sizeof current / sizeof current[0]; i++) {
		const struct model *m = data_find_model(data, current[i].id);
		ck_assert_msg(m != NULL, "%s missing", current[i].id);
		ck_assert(m->kind == MODEL_API && !m->retired);
		ck_assert_int_eq(m->tier, current[i].tier);
	}
	const struct model *sonnet =
	    data_find_model(data, "claude-3-5-sonnet-20241022");
	const struct model *gemini = data_find_model(data, "gemini-1.5-pro");
	ck_assert(sonnet->retired && gemini->retired);
	ck_assert_str_eq(sonnet->retired_date, "2025-10-28");
	ck_assert_str_eq(sonnet->deprecation_date, "2025-10-28");
	ck_assert_str_eq(gemini->retired_date, "2025-09-24");
	for (size_t i = 0; i < data->figure_count; i++) {
		const struct figure *f = data_figure_at(data, i);
		const struct model *m = data_figure_model(data, i);
		if (m == NULL || m->retired || strncmp(f->unit, "USD", 3) != 0 ||
		    f == &m->fine_tuning_training_price ||
		    f == &m->fine_tuning_input_price ||
		    f == &m->fine_tuning_output_price)
			continue;
		ck_assert_msg(!data_figure_stale(f, now, 6), "%s (%s) is stale",
		    f->key, f->as_of);
		/* A list price never sits at an end of its range. */
		ck_assert_msg(f->low == f->high ||
		    (f->low < f->value && f->value < f->high),
		    "%s at an end of its range", f->key);
	}
	cost_scenario_default(&scenario);
	for (int quality = 0; quality < 2; quality++)
		for (int share = 0; share <= 1; share++) {
			profile_defaults(&profile);
			profile.quality = (enum quality_need)quality;
			profile.complex_share = share ? 0.3 : 0;
			cost_evaluate(data, data->values, &profile, &scenario,
			    cost);
			ck_assert_int_ge(cost->cheapest[OPTION_API], 0);
			for (int k = 0; k < OPTION_KIND_COUNT; k++) {
				if (cost->cheapest[k] < 0)
					continue;
				const struct cost_option *o =
				    &cost->options[cost->cheapest[k]];
				ck_assert_msg(!o->model->retired, "%s picked",
				    o->model->id);
				if (o->hybrid_open_model != NULL)
					ck_assert(!o->hybrid_open_model->retired);
			}
			for (size_t i = 0; i < cost->count; i++) {
				const struct cost_option *o = &cost->options[i];
				if (o->kind == OPTION_API && o->model->retired)
					ck_assert(!o->comparable);
				if (o->kind == OPTION_HYBRID)
					ck_assert(!o->model->retired &&
					    o->model->tier == TIER_FRONTIER);
			}
			/* The best quality compares frontier APIs only. */
			if (quality == QUALITY_BEST)
				ck_assert_int_eq(cost->options[
				    cost->cheapest[OPTION_API]].model->tier,
				    TIER_FRONTIER);
		}
	data_free(data);
	free(data);
	free(cost);
}
END_TEST

/* 2026-12-01, the day the shipped data was last brought up to date. */
static time_t
stale_day(void)
{
	struct tm day = { .tm_year = 126, .tm_mon = 11, .tm_mday = 1 };
	return timegm(&day);
}

/* 2027-07-01, more than 6 months after every as-of date of the shipped
 * data: on it every price is old, so what the warning counts shows
 * which prices a run can use. */
static time_t
stale_later_day(void)
{
	struct tm day = { .tm_year = 127, .tm_mon = 6, .tm_mday = 1 };
	return timegm(&day);
}

/* Evaluates the shipped data for the answers (--set assignments) on a
 * day, without samples or flip points: what the stale warning counts. */
static void
stale_evaluate_on(struct evaluation *report, const char *assignments,
    time_t day)
{
	struct cost_scenario scenario;
	struct evaluate_settings settings;
	struct profile profile;
	cost_scenario_default(&scenario);
	evaluate_settings_default(&settings);
	settings.samples = 0;
	settings.flip_points = false;
	settings.now = day;
	testutil_profile(&profile, assignments);
	evaluate_run(report, testutil_shipped_data(), testutil_rules(),
	    &profile, &scenario, &settings);
}

/* stale_evaluate_on stale_day. */
static void
stale_evaluate(struct evaluation *report, const char *assignments)
{
	stale_evaluate_on(report, assignments, stale_day());
}

/* The stale-price warning counts only prices a run can use: on
 * 2026-12-01 no model price of the shipped data is stale without
 * fine-tuning (the retired models' 2024 prices do not count), while a
 * team that fine-tunes hears about the April 2026 fine-tuning prices. */
START_TEST(test_stale_counts_usable_prices)
{
	static struct evaluation report;
	const struct data *data = testutil_shipped_data();

	for (int tunes = 0; tunes <= 1; tunes++) {
		size_t fine_tuning = 0;
		stale_evaluate(&report, tunes ? "fine_tuning=dataset_ready" :
		    "");
		for (size_t i = 0; i < report.stale_count; i++) {
			const struct model *m = data_figure_model(data,
			    report.stale[i]);
			const struct figure *f = data_figure_at(data,
			    report.stale[i]);
			if (m == NULL)
				continue;	/* a GPU's price */
			ck_assert_msg(!m->retired, "%s counted", f->key);
			ck_assert_msg(tunes && strstr(f->key, ".fine_tuning_"),
			    "%s is stale", f->key);
			fine_tuning++;
		}
		ck_assert(tunes ? fine_tuning > 0 : fine_tuning == 0);
	}
}
END_TEST

/* Whether a figure's key is among an evaluation's stale prices. */
static bool
stale_has(const struct evaluation *report, const char *key)
{
	for (size_t i = 0; i < report->stale_count; i++)
		if (strcmp(data_figure_at(report->data, report->stale[i])->key,
		    key) == 0)
			return true;
	return false;
}

/* A discontinued GPU's purchase price is no market's: it is not counted
 * stale for a team that cannot buy one, and is for a team that owns
 * some (buying more is priced with it). */
START_TEST(test_stale_skips_discontinued_gpus)
{
	static struct evaluation report;
	const struct data *data = testutil_shipped_data();
	const char *key = "gpus.mac-studio-m3-ultra-512gb.purchase_price";

	ck_assert(data_find_gpu(data, "mac-studio-m3-ultra-512gb")->
	    discontinued);
	ck_assert(data_figure_stale(&data_find_gpu(data,
	    "mac-studio-m3-ultra-512gb")->purchase_price, stale_day(), 6));
	stale_evaluate(&report, "");
	ck_assert(!stale_has(&report, key));
	/* With a model the Mac Studio runs: buying more is priced. */
	stale_evaluate(&report, "hardware.gpu=mac-studio-m3-ultra-512gb "
	    "self_hosted_model=llama-3.3-70b-instruct");
	ck_assert(stale_has(&report, key));
}
END_TEST

/* A GPU's price counts only where an option offered on it reads it: on
 * 2027-07-01 the A6000's purchase price (dated 2026-09-09) is old, yet
 * not stale for the shipped default answers (self_hosted_model auto),
 * whose model no A6000 can run, and is once a model it runs is pinned;
 * on premises no rental price counts. */
START_TEST(test_stale_counts_offered_gpus)
{
	static struct evaluation report;
	const char *key = "gpus.a6000.purchase_price";
	const struct data *data = testutil_shipped_data();
	ck_assert(data_figure_stale(&data_find_gpu(data, "a6000")->
	    purchase_price, stale_later_day(), 6));
	stale_evaluate_on(&report, "self_hosted_model=auto",
	    stale_later_day());
	ck_assert(!stale_has(&report, key));
	stale_evaluate_on(&report, "self_hosted_model=llama-3.3-70b-instruct",
	    stale_later_day());
	ck_assert(stale_has(&report, key));
	/* Owned options read purchase prices; rented ones rental prices. */
	stale_evaluate_on(&report, "self_hosted_model=llama-3.3-70b-instruct "
	    "deployment=on_prem", stale_later_day());
	ck_assert(stale_has(&report, key));
	for (size_t i = 0; i < report.stale_count; i++) {
		const char *stale = data_figure_at(report.data,
		    report.stale[i])->key;
		ck_assert_msg(strstr(stale, "cloud_price") == NULL &&
		    strstr(stale, "spot_price") == NULL &&
		    strstr(stale, "reserved") == NULL,
		    "%s counted on premises", stale);
	}
}
END_TEST

START_TEST(test_every_figure_has_provenance)
{
	const struct data *data = testutil_shipped_data();
	ck_assert_uint_gt(data->figure_count, 100);
	for (size_t i = 0; i < data->figure_count; i++) {
		const struct figure *f = data_figure_at(data, i);
		ck_assert(f->low <= f->value && f->value <= f->high);
		ck_assert(*f->source != '\0');
		ck_assert_uint_eq(strlen(f->as_of), 10);
		ck_assert_int_eq(f->index, (int)i);
		ck_assert_double_eq(data->values[i], f->value);
		ck_assert_msg(f->verified || f->high > f->low ||
		    strstr(f->source, "assum") || strstr(f->source, "estimat"),
		    "%s is unverified but has no range", f->key);
	}
}
END_TEST

/* The open-weight models of issue 14: architecture figures agree with
 * the model cards' numbers, and a mixture of experts is sized by its
 * total parameters (weights) but runs on its active ones. */
START_TEST(test_open_weights_architecture)
{
	const struct data *data = testutil_shipped_data();
	static const struct {
		const char *id;
		bool moe;
	} open[] = {
		{ "llama-3.3-70b-instruct", false }, { "llama-4-maverick", true },
		{ "qwen3-32b", false }, { "qwen3-235b-a22b", true },
		{ "deepseek-v3.2", true }, { "gpt-oss-120b", true },
		{ "gpt-oss-20b", true },
	};
	for (size_t i = 0; i < sizeof open / sizeof open[0]; i++) {
		const struct model *m = data_find_model(data, open[i].id);
		ck_assert_msg(m != NULL, "missing model %s", open[i].id);
		ck_assert_int_eq(m->kind, MODEL_OPEN_WEIGHTS);
		double total = m->parameters.value;
		double active = m->active_parameters.value;
		ck_assert(active <= total);
		if (open[i].moe)
			ck_assert_msg(active < total / 3, "%s: MoE active %g of %g",
			    m->id, active, total);
		else
			ck_assert_double_eq(active, total);
		/* 16-bit weights are two bytes per weight of ALL parameters. */
		double fp16 = m->weights_size[QUANT_FP16].value;
		ck_assert_msg(fabs(fp16 - 2 * total) <= 0.03 * 2 * total,
		    "%s: fp16 %g GB for %g B parameters", m->id, fp16, total);
		ck_assert(m->has_weights_size[QUANT_INT8] &&
		    m->has_weights_size[QUANT_INT4]);
		ck_assert(m->weights_size[QUANT_INT8].value < fp16);
		ck_assert(m->weights_size[QUANT_INT4].value <
		    m->weights_size[QUANT_INT8].value);
		ck_assert(m->weights_size[QUANT_INT4].value > total * 0.5 * 0.95);
	}
	/* KV bytes per token from the configs: layers x KV heads x head dim
	 * x 2 (K and V) x 2 bytes; MLA caches the latent (512 + 64) and
	 * V3.2's indexer key (128); gpt-oss counts its 18 (of 36) or 12 (of
	 * 24) full-attention layers, the sliding ones keep 128 tokens. */
	ck_assert_double_eq(data_find_model(data, "qwen3-235b-a22b")->
	    kv_bytes_per_token.value, 94 * 4 * 128 * 2 * 2);
	ck_assert_double_eq(data_find_model(data, "qwen3-32b")->
	    kv_bytes_per_token.value, 64 * 8 * 128 * 2 * 2);
	ck_assert_double_eq(data_find_model(data, "llama-4-maverick")->
	    kv_bytes_per_token.value, 48 * 8 * 128 * 2 * 2);
	ck_assert_double_eq(data_find_model(data, "deepseek-v3.2")->
	    kv_bytes_per_token.value, 61 * (512 + 64 + 128) * 2);
	ck_assert_double_eq(data_find_model(data, "gpt-oss-120b")->
	    kv_bytes_per_token.value, 18 * 8 * 64 * 2 * 2);
	ck_assert_double_eq(data_find_model(data, "gpt-oss-20b")->
	    kv_bytes_per_token.value, 12 * 8 * 64 * 2 * 2);
	ck_assert(data_find_model(data, "gpt-oss-120b")->
	    kv_bytes_per_token.high == 36 * 8 * 64 * 2 * 2);
	/* The article's model is untouched. */
	const struct model *article = data_find_model(data, "llama-3.1-70b");
	ck_assert_double_eq(article->parameters.value, 70.55);
	ck_assert_double_eq(article->weights_size[QUANT_INT4].value, 39.77);
}
END_TEST

/* Every speed stays under what the GPU's memory bandwidth allows for the
 * weights a token reads (active parameters at that precision), and an
 * estimated MoE speed is above what reading ALL its weights would allow
 * (where that takes 4 ms a token or more; below, fixed per-layer costs
 * decide): a speed derived from total parameters fails here. */
START_TEST(test_decode_follows_active_parameters)
{
	const struct data *data = testutil_shipped_data();
	size_t moe_estimates = 0;
	for (size_t i = 0; i < data->config_count; i++) {
		const struct gpu_config *c = &data->configs[i];
		const struct gpu *gpu = data_config_gpu(data, c);
		const struct model *m = data_config_model(data, c);
		const char *q = data_quantisation_name(c->quantisation);
		ck_assert_msg(gpu->has_memory_bandwidth, "%s has no "
		    "memory_bandwidth", gpu->id);
		double bandwidth = c->gpus * gpu->memory_bandwidth.value;
		double weights = m->weights_size[c->quantisation].value;
		double share = m->active_parameters.value /
		    m->parameters.value;
		double ceiling = bandwidth / (weights * share);
		ck_assert_msg(c->decode.value <= ceiling * 1.02,
		    "%s on %d x %s %s: decode %g over the bandwidth ceiling %g",
		    m->id, c->gpus, gpu->id, q, c->decode.value, ceiling);
		ck_assert_msg(c->batched_decode.value >= c->decode.value,
		    "%s on %s %s: batched below one stream", m->id, gpu->id, q);
		if (share < 0.5 && !c->decode.verified &&
		    weights / bandwidth >= 0.004) {
			double from_total = bandwidth / weights;
			ck_assert_msg(c->decode.value > from_total,
			    "%s on %d x %s %s: decode %g is no faster than "
			    "reading all %g GB (%g t/s)", m->id, c->gpus,
			    gpu->id, q, c->decode.value, weights, from_total);
			moe_estimates++;
		}
	}
	ck_assert_uint_ge(moe_estimates, 20);
}
END_TEST

/* The GPUs of issue 14 are in the data, with names a table can shorten,
 * and every open-weight model fits at least one configuration. */
START_TEST(test_current_gpus)
{
	const struct data *data = testutil_shipped_data();
	static const char *const gpus[] = {
		"h200", "b200", "mi300x", "l40s", "rtx-5090", "rtx-pro-6000",
		"mac-studio-m3-ultra-512gb", NULL
	};
	for (int i = 0; gpus[i] != NULL; i++) {
		const struct gpu *g = data_find_gpu(data, gpus[i]);
		ck_assert_msg(g != NULL, "missing GPU %s", gpus[i]);
		ck_assert(g->has_purchase_price);
		ck_assert(g->has_idle_power);
		ck_assert(g->idle_power.value < g->power.value);
		char name[64];
		report_gpu_short_name(g, name, sizeof name);
		ck_assert_msg(strlen(name) <= 25, "%s: short name '%s'",
		    g->id, name);
	}
	ck_assert(data_find_gpu(data, "rtx-pro-6000")->memory.value >= 96);
	const struct gpu *mac = data_find_gpu(data, "mac-studio-m3-ultra-512gb");
	ck_assert(!mac->has_cloud_price);
	ck_assert(mac->memory.value >= 512);
	for (size_t i = 0; i < data->model_count; i++) {
		const struct model *m = &data->models[i];
		if (m->kind != MODEL_OPEN_WEIGHTS)
			continue;
		size_t fitting = 0;
		for (size_t j = 0; j < data->config_count; j++)
			if (data_config_model(data, &data->configs[j]) == m &&
			    cost_config_fits(data, data->values,
			    &data->configs[j]))
				fitting++;
		if (strcmp(m->id, "llama-3.1-8b") != 0 &&
		    strcmp(m->id, "llama-3.1-405b") != 0 &&
		    strcmp(m->id, "qwen-2.5-72b") != 0 &&
		    strcmp(m->id, "mistral-large") != 0 &&
		    strcmp(m->id, "deepseek-v3") != 0)
			ck_assert_msg(fitting >= 2, "%s fits %zu configurations",
			    m->id, fitting);
	}
}
END_TEST

START_TEST(test_embedded_copy_matches)
{
	/* The binary's embedded data is the repository's data/. */
	for (size_t i = 0; i < paths_embedded_file_count; i++) {
		char path[256], *text, *cause = NULL;
		size_t length;
		snprintf(path, sizeof path, "data/%s", paths_embedded_files[i].name);
		ck_assert_int_eq(file_read(testutil_path(path), &text,
		    &length, &cause), 0);
		ck_assert_uint_eq(length, paths_embedded_files[i].length);
		ck_assert(memcmp(text, paths_embedded_files[i].text, length) == 0);
		free(text);
	}
	ck_assert_uint_ge(paths_embedded_file_count, 3);
}
END_TEST

START_TEST(test_lookup_order)
{
	/* The first folder that has a file wins; the rest fall through to
	 * the embedded copy. */
	struct data data;
	struct paths paths = { 0 };
	char *cause = NULL;
	paths.data_dir = testutil_path("tests/bad/data/base");
	paths.use_embedded = true;
	ck_assert_int_eq(data_load(&data, &paths, &cause), 0);
	ck_assert_ptr_nonnull(data_find_model(&data, "closed-a"));
	ck_assert_ptr_nonnull(strstr(data.models_file, "tests/bad/data/base"));
	data_free(&data);
	paths.data_dir = "/nonexistent";
	ck_assert_int_eq(data_load(&data, &paths, &cause), 0);
	ck_assert_str_eq(data.models_file, "(built-in)/models.yaml");
	ck_assert_ptr_nonnull(data_find_model(&data, "gpt-4o"));
	data_free(&data);
	paths.use_embedded = false;
	ck_assert_int_ne(data_load(&data, &paths, &cause), 0);
	ck_assert_ptr_nonnull(strstr(cause, "models.yaml: data file not found"));
	free(cause);
}
END_TEST

/* True when pointer lies inside count elements of size at start. */
static bool
inside_block(const void *start, size_t count, size_t size,
    const void *pointer)
{
	uintptr_t at = (uintptr_t)pointer, from = (uintptr_t)start;
	return start != NULL && at >= from && at - from < count * size;
}

/* True when pointer lies inside the struct data at data or one of its
 * own arrays of models, GPUs and throughput entries. */
static bool
inside(const struct data *data, const void *pointer)
{
	return inside_block(data, 1, sizeof *data, pointer) ||
	    inside_block(data->models, data->model_count,
	    sizeof *data->models, pointer) ||
	    inside_block(data->gpus, data->gpu_count, sizeof *data->gpus,
	    pointer) ||
	    inside_block(data->configs, data->config_count,
	    sizeof *data->configs, pointer);
}

START_TEST(test_copy_loads_over_base)
{
	/* Models and gpus loaded once, defaults loaded into a copy: the copy
	 * equals a full load, refers only to its own entries, and changing
	 * it leaves the base as it was. */
	static const char *const names[DATA_FILE_COUNT] = {
		"models.yaml", "gpus.yaml", "defaults.yaml"
	};
	const struct data *full = testutil_data();
	struct data *base = malloc(sizeof *base), *copy = malloc(sizeof *copy);
	char *texts[DATA_FILE_COUNT], *cause = NULL;

	for (int i = 0; i < DATA_FILE_COUNT; i++) {
		char path[96];
		size_t length;
		snprintf(path, sizeof path, "tests/data-article/%s", names[i]);
		ck_assert_int_eq(file_read(testutil_path(path), &texts[i],
		    &length, &cause), 0);
	}
	data_init(base);
	ck_assert_int_eq(data_load_file(base, DATA_FILE_MODELS, names[0],
	    texts[0], &cause), 0);
	ck_assert_int_eq(data_load_file(base, DATA_FILE_GPUS, names[1],
	    texts[1], &cause), 0);
	size_t base_figures = base->figure_count;
	ck_assert_int_eq(data_copy(copy, base, &cause), 0);
	/* The copy's arrays are its own: nothing it points to is base's. */
	ck_assert_ptr_ne(copy->models, base->models);
	ck_assert_ptr_ne(copy->gpus, base->gpus);
	ck_assert_ptr_ne(copy->configs, base->configs);
	ck_assert_ptr_ne(copy->values, base->values);
	ck_assert_int_eq(data_load_file(copy, DATA_FILE_DEFAULTS, names[2],
	    texts[2], &cause), 0);
	ck_assert_uint_eq(copy->figure_count, full->figure_count);
	for (size_t i = 0; i < copy->figure_count; i++) {
		const struct figure *f = data_figure_at(copy, i);
		ck_assert(inside(copy, f) && !inside(base, f));
		ck_assert_str_eq(f->key, data_figure_at(full, i)->key);
		ck_assert_double_eq(f->value, data_figure_at(full, i)->value);
		ck_assert_int_eq(f->index, (int)i);
	}
	for (size_t i = 0; i < copy->model_count; i++) {
		const struct model *w = data_weights_of(copy, &copy->models[i]);
		ck_assert(w == NULL || inside(copy, w));
	}
	for (size_t i = 0; i < copy->config_count; i++)
		ck_assert(inside(copy, data_config_gpu(copy, &copy->configs[i])) &&
		    inside(copy, data_config_model(copy, &copy->configs[i])));
	/* The article's defaults.yaml pins its 70B, in either. */
	ck_assert_int_eq(copy->defaults.self_hosted_model,
	    full->defaults.self_hosted_model);
	ck_assert_ptr_eq(data_self_hosted_model(copy),
	    data_find_model(copy, "llama-3.1-70b"));
	ck_assert_str_eq(copy->defaults_file, "defaults.yaml");
	ck_assert(copy->closed_fine_tuning == full->closed_fine_tuning);
	/* A price laid over the copy changes the copy alone. */
	ck_assert_int_eq(data_prices_apply(copy, "prices.yaml", "prices:\n"
	    "  - model: gpt-4o\n    input_price: {value: 9, unit: USD/Mtok, "
	    "source: test, as_of: 2026-01-01, verified: false, "
	    "range: [1, 10]}\n", &cause), 0);
	ck_assert_double_eq(data_find_model(copy, "gpt-4o")->input_price.value,
	    9);
	ck_assert_double_eq(data_find_model(base, "gpt-4o")->input_price.value,
	    2.5);
	data_free(copy);
	ck_assert_uint_eq(base->figure_count, base_figures);
	ck_assert_ptr_null(data_self_hosted_model(base));
	ck_assert_str_eq(data_figure_at(base, 0)->key,
	    data_figure_at(full, 0)->key);
	data_free(base);
	for (int i = 0; i < DATA_FILE_COUNT; i++)
		free(texts[i]);
	free(base);
	free(copy);
}
END_TEST

START_TEST(test_assigned_copy_outlives_base_struct)
{
	/* A copy made by plain assignment holds no pointer into the base's
	 * struct: with the base's struct overwritten, the copy still prices
	 * every option as the full load does. */
	const struct data *full = testutil_data();
	struct data *base = malloc(sizeof *base), *copy = malloc(sizeof *copy);
	struct cost_result *expected = malloc(sizeof *expected);
	struct cost_result *got = malloc(sizeof *got);
	struct paths paths = { 0 };
	struct cost_scenario scenario;
	struct profile profile;
	char dir[512], *cause = NULL, a[256], b[256];

	snprintf(dir, sizeof dir, "%s", testutil_path("tests/data-article"));
	paths.data_dir = dir;
	ck_assert_int_eq(data_load(base, &paths, &cause), 0);
	*copy = *base;
	struct arena text = base->arena;	/* the copy's strings live here */
	memset(base, 0xff, sizeof *base);
	ck_assert_uint_eq(copy->figure_count, full->figure_count);
	for (size_t i = 0; i < copy->figure_count; i++)
		ck_assert_str_eq(data_figure_at(copy, i)->key,
		    data_figure_at(full, i)->key);
	testutil_defaults(&profile);	/* with self-hosted options */
	cost_scenario_default(&scenario);
	cost_evaluate(full, full->values, &profile, &scenario, expected);
	cost_evaluate(copy, copy->values, &profile, &scenario, got);
	ck_assert_uint_eq(got->count, expected->count);
	ck_assert_uint_gt(got->count, 0);
	for (size_t i = 0; i < got->count; i++) {
		report_option_id(&got->options[i], a, sizeof a);
		report_option_id(&expected->options[i], b, sizeof b);
		ck_assert_str_eq(a, b);
		ck_assert_double_eq(got->options[i].monthly.total,
		    expected->options[i].monthly.total);
	}
	base->arena = text;
	data_free(base);
	free(base);
	free(copy);
	free(expected);
	free(got);
}
END_TEST

/* An overlay of count API models, the first rated of them rated large,
 * the others unrated; malloc'd. */
static char *
overlay_text(size_t count, size_t rated)
{
	struct buffer text;
	buffer_init(&text);
	buffer_add(&text, "models:\n");
	for (size_t i = 0; i < count; i++)
		buffer_printf(&text, "  - id: \"synthetic/model-%zu\"\n"
		    "    name: \"synthetic/model-%zu\"\n    provider: synthetic\n"
		    "    kind: api\n    tier: %s\n"
		    "    input_price: {value: %zu, unit: USD/Mtok, source: test, "
		    "as_of: 2026-07-24, verified: true, range: [0, 10000]}\n"
		    "    output_price: {value: %zu, unit: USD/Mtok, source: test, "
		    "as_of: 2026-07-24, verified: true, range: [0, 10000]}\n",
		    i, i, i < rated ? "large" : "unrated", i % 100 + 1,
		    i % 100 + 2);
	ck_assert(!text.failed);
	return text.data;
}

/* Options of the default profile over data. */
static size_t
options_of(const struct data *data)
{
	static struct cost_result result;
	struct cost_scenario scenario;
	struct profile profile;
	profile_defaults(&profile);
	cost_scenario_default(&scenario);
	cost_evaluate(data, data->values, &profile, &scenario, &result);
	return result.count;
}

/* data_find_model as it answered before the name index: the first model
 * whose id or alias is name. */
static const struct model *
first_model_named(const struct data *data, const char *name)
{
	for (size_t i = 0; i < data->model_count; i++) {
		const struct model *m = &data->models[i];
		if (strcmp(m->id, name) == 0)
			return m;
		for (size_t j = 0; j < m->alias_count; j++)
			if (strcmp(m->aliases[j], name) == 0)
				return m;
	}
	return NULL;
}

/* Every id and alias of data finds the model the linear search finds. */
static void
assert_names_found(const struct data *data)
{
	for (size_t i = 0; i < data->model_count; i++) {
		const struct model *m = &data->models[i];
		for (size_t j = 0; j <= m->alias_count; j++) {
			const char *name = j == 0 ? m->id : m->aliases[j - 1];
			ck_assert_msg(data_find_model(data, name) ==
			    first_model_named(data, name), "%s", name);
		}
	}
}

START_TEST(test_model_name_index)
{
	/* The hashed name index answers as the linear search did, on the
	 * shipped data, after an overlay grows it many times over, and in a
	 * copy without the base seeing the copy's models. */
	const struct data *full = testutil_shipped_data();
	struct data copy;
	char *cause = NULL, *text = overlay_text(2000, 0);
	assert_names_found(full);
	ck_assert_ptr_null(data_find_model(full, "synthetic/model-7"));
	ck_assert_ptr_null(data_find_model(full, ""));
	ck_assert_int_eq(data_copy(&copy, full, &cause), 0);
	ck_assert_msg(data_overlay_apply(&copy, DATA_OVERLAY_FILE, text,
	    &cause) == 0, "%s", cause);
	ck_assert_uint_gt(copy.model_name_slots, full->model_name_slots);
	assert_names_found(&copy);
	ck_assert_ptr_nonnull(data_find_model(&copy, "synthetic/model-7"));
	ck_assert_ptr_null(data_find_model(full, "synthetic/model-7"));
	assert_names_found(full);
	data_free(&copy);
	free(text);
}
END_TEST

START_TEST(test_big_overlay)
{
	/* A price list brings thousands of models: they load (no cap of 64
	 * models any more), are found by id, and, unrated, add neither
	 * figures nor options; rated ones are compared. */
	const struct data *full = testutil_data();
	struct data copy;
	char *cause = NULL, *text = overlay_text(5000, 0);
	size_t options = options_of(full);
	ck_assert_int_eq(data_copy(&copy, full, &cause), 0);
	ck_assert_msg(data_overlay_apply(&copy, DATA_OVERLAY_FILE, text,
	    &cause) == 0, "%s", cause);
	ck_assert_uint_eq(copy.model_count, full->model_count + 5000);
	/* Reserved at once, not rounded up to the next power of two (8,192
	 * models: 5 MB more of RSS at 1.5 KB each). */
	ck_assert_uint_eq(copy.model_capacity, copy.model_count);
	ck_assert_uint_eq(copy.figure_count, full->figure_count);
	/* The list an evaluation walks holds none of them. */
	ck_assert_uint_eq(copy.option_model_count, full->option_model_count);
	const struct model *m = data_find_model(&copy, "synthetic/model-4999");
	ck_assert_ptr_nonnull(m);
	ck_assert(m->unrated);
	ck_assert_str_eq(m->file, DATA_OVERLAY_FILE);
	ck_assert_double_eq(m->output_price.value, 4999 % 100 + 2);
	ck_assert_uint_eq(options_of(&copy), options);
	/* Every figure is still where its place says. */
	for (size_t i = 0; i < copy.figure_count; i++)
		ck_assert_int_eq(data_figure_at(&copy, i)->index, (int)i);
	data_free(&copy);
	free(text);
	/* 100 of them rated: 100 more options, 200 more figures. */
	text = overlay_text(3000, 100);
	ck_assert_int_eq(data_copy(&copy, full, &cause), 0);
	ck_assert_msg(data_overlay_apply(&copy, DATA_OVERLAY_FILE, text,
	    &cause) == 0, "%s", cause);
	ck_assert_uint_eq(options_of(&copy), options + 100);
	ck_assert_uint_eq(copy.option_model_count,
	    full->option_model_count + 100);
	for (size_t i = 0; i < copy.option_model_count; i++) {
		const struct model *m = &copy.models[copy.option_models[i]];
		ck_assert(m->kind != MODEL_OPEN_WEIGHTS && !m->unrated);
		ck_assert(i == 0 ||
		    copy.option_models[i] > copy.option_models[i - 1]);
	}
	ck_assert_uint_eq(copy.figure_count, full->figure_count + 200);
	ck_assert_double_eq(copy.values[data_find_model(&copy,
	    "synthetic/model-42")->input_price.index], 43);
	data_free(&copy);
	free(text);
	/* More rated models than one decision can compare: refused, with the
	 * position, until the options grow too. */
	text = overlay_text(DATA_MAX_OPTION_MODELS + 1, DATA_MAX_OPTION_MODELS +
	    1);
	ck_assert_int_eq(data_copy(&copy, full, &cause), 0);
	ck_assert_int_ne(data_overlay_apply(&copy, DATA_OVERLAY_FILE, text,
	    &cause), 0);
	ck_assert_ptr_nonnull(strstr(cause, "more than 1024 rated api and "
	    "hosted_open models (set tier: unrated on the ones not to "
	    "compare)"));
	free(cause);
	data_free(&copy);
	free(text);
}
END_TEST

/* An overlay of n synthetic models (overlay_text: the first rated of
 * them rated), a hosted open-weight API of the shipped data's Llama 3.1
 * 70B weights, and, with anchor, a YAML anchor in the last entry: the
 * fast reader declines it there, after streaming the others. */
static char *
overlay_with_hosted(size_t count, size_t rated, bool anchor)
{
	struct buffer text;
	char *models = overlay_text(count, rated);
	buffer_init(&text);
	buffer_add(&text, models);
	buffer_add(&text, "  - id: synthetic/hosted\n    name: Hosted\n"
	    "    kind: hosted_open\n    provider: synthetic\n"
	    "    weights: llama-3.1-70b\n"
	    "    input_price: {value: 0.5, unit: USD/Mtok, source: test, "
	    "as_of: 2026-07-24, verified: true, range: [0, 10]}\n"
	    "    output_price: {value: 0.7, unit: USD/Mtok, source: test, "
	    "as_of: 2026-07-24, verified: true, range: [0, 10]}\n");
	buffer_printf(&text, "  - id: synthetic/last\n    name: %s\n"
	    "    provider: synthetic\n    kind: api\n    tier: unrated\n"
	    "    input_price: {value: 1, unit: USD/Mtok, source: test, "
	    "as_of: 2026-07-24, verified: true, range: [0, 10]}\n"
	    "    output_price: {value: 2, unit: USD/Mtok, source: test, "
	    "as_of: 2026-07-24, verified: true, range: [0, 10]}\n",
	    anchor ? "&last Last" : "Last");
	free(models);
	ck_assert(!text.failed);
	return text.data;
}

START_TEST(test_overlay_unrated_by_name)
{
	/* Loaded for evaluations (data_load_compared), an overlay is read
	 * entry by entry and its unrated models are kept by name only: what
	 * evaluations see is what keeping them whole gives (rated models,
	 * figures, options, the hosted API's weights), the names still
	 * answer (duplicates, prices, the kind in messages), and a reader
	 * that falls back to libyaml half way changes nothing. */
	const struct data *full = testutil_shipped_data();
	for (int anchor = 0; anchor < 2; anchor++) {
		struct data whole, named;
		char *cause = NULL, *text = overlay_with_hosted(300, 20, anchor);
		ck_assert_int_eq(data_copy(&whole, full, &cause), 0);
		ck_assert_int_eq(data_copy(&named, full, &cause), 0);
		named.unrated_by_name = true;
		ck_assert_msg(data_overlay_apply(&whole, "o.yaml", text,
		    &cause) == 0, "%s", cause);
		ck_assert_msg(data_overlay_apply(&named, "o.yaml", text,
		    &cause) == 0, "%s", cause);
		free(text);
		ck_assert_uint_eq(whole.model_count, full->model_count + 302);
		ck_assert_uint_eq(named.model_count, full->model_count + 21);
		ck_assert_uint_eq(named.unrated_name_count, 281);
		ck_assert_uint_eq(named.figure_count, whole.figure_count);
		ck_assert_uint_eq(named.option_model_count,
		    whole.option_model_count);
		ck_assert_uint_eq(options_of(&named), options_of(&whole));
		for (size_t i = 0; i < named.option_model_count; i++) {
			const struct model *a =
			    &whole.models[whole.option_models[i]];
			const struct model *b =
			    &named.models[named.option_models[i]];
			ck_assert_str_eq(a->id, b->id);
			ck_assert_str_eq(a->input_price.source,
			    b->input_price.source);
			ck_assert_int_eq(a->input_price.index,
			    b->input_price.index);
			ck_assert_int_eq(a->weights, b->weights);
			ck_assert_int_eq(a->tier, b->tier);
		}
		const struct model *hosted = data_find_model(&named,
		    "synthetic/hosted");
		ck_assert_ptr_nonnull(hosted);
		ck_assert_str_eq(named.models[hosted->weights].id,
		    "llama-3.1-70b");
		/* The unrated ones: found by name, not as models. */
		ck_assert_ptr_nonnull(data_find_model(&whole,
		    "synthetic/model-299"));
		ck_assert_ptr_null(data_find_model(&named,
		    "synthetic/model-299"));
		const struct data_unrated_name *last =
		    data_find_unrated_name(&named, "synthetic/last");
		ck_assert_ptr_nonnull(last);
		ck_assert_int_eq(last->kind, MODEL_API);
		ck_assert_str_eq(last->file, "o.yaml");
		ck_assert_ptr_null(data_find_unrated_name(&whole,
		    "synthetic/last"));
		/* A wider overlay with the same id: skipped with the same
		 * warning either way. */
		for (int by_name = 0; by_name < 2; by_name++) {
			struct data *d = by_name ? &named : &whole;
			ck_assert_msg(data_overlay_apply(d, "w.yaml", "models:\n"
			    "  - id: synthetic/last\n    name: Again\n",
			    &cause) == 0, "%s", cause);
			ck_assert_str_eq(d->warnings[d->warning_count - 1],
			    "w.yaml:2:9: warning: model 'synthetic/last' is "
			    "already in o.yaml: this entry is skipped (delete "
			    "it)");
		}
		/* Prices for it: taken, from one file after another. */
		static const char price[] = "  - model: synthetic/last\n"
		    "    input_price: {value: 1, unit: USD/Mtok, source: x, "
		    "as_of: 2026-07-24, verified: true, range: [0, 2]}\n";
		char prices[1024];
		snprintf(prices, sizeof prices, "prices:\n%s", price);
		ck_assert_int_eq(data_prices_apply(&named, "p.yaml", prices,
		    &cause), 0);
		ck_assert_int_eq(data_prices_apply(&named, "q.yaml", prices,
		    &cause), 0);
		/* The kind answers in the self-hosted model's message. */
		struct profile profile;
		testutil_profile(&profile, "self_hosted_model=synthetic/last");
		ck_assert_int_ne(profile_check_data(&profile, &named, &cause),
		    0);
		ck_assert_ptr_nonnull(strstr(cause, "its kind is api"));
		free(cause);
		cause = NULL;
		data_free(&whole);
		data_free(&named);
	}
}
END_TEST

/* An overlay entry that reads well (8 lines), for the bad ones after it. */
#define GOOD_ENTRY \
	"  - id: a\n    name: a\n    provider: p\n    kind: api\n" \
	"    tier: unrated\n    input_price: {value: 1, unit: USD/Mtok, " \
	"source: x, as_of: 2026-01-01, verified: true, range: [0, 1]}\n" \
	"    output_price: {value: 1, unit: USD/Mtok, source: x, " \
	"as_of: 2026-01-01, verified: true, range: [0, 1]}\n"

START_TEST(test_overlay_bad_input)
{
	/* A models overlay that is wrong says where. */
	static const struct {
		const char *text, *message;
	} cases[] = {
		{ "models: 5\n",
		  "o.yaml:1:9: models must be a list" },
		{ "prices: []\n",
		  "o.yaml:1:1: unknown key 'prices' in o.yaml" },
		{ "models:\n  - id: w\n    name: w\n    kind: open_weights\n",
		  "o.yaml:4:11: models-imported.yaml holds api and hosted_open "
		  "models only: open weights belong in models.yaml" },
		{ "models:\n  - id: a\n    name: a\n    provider: p\n"
		  "    kind: api\n    tier: great\n",
		  "o.yaml:6:11: tier must be one of small, large, frontier, got "
		  "\"great\"" },
		{ "models:\n  - id: a\n    name: a\n    provider: p\n"
		  "    kind: api\n    tier: unrated\n",
		  "o.yaml:2:5: models.a is missing 'input_price'" },
		{ "models:\n  - id: a\n    name: a\n    provider: p\n"
		  "    kind: api\n    tier: unrated\n    input_price: {value: -1, "
		  "unit: USD/Mtok, source: x, as_of: 2026-01-01, verified: true, "
		  "range: [0, 1]}\n",
		  "o.yaml:7:26: models.a.input_price must be between 0 and 1, "
		  "got -1" },
		/* After entries read well: the fast reader hands them over,
		 * declines at the bad one, and libyaml's pass must still
		 * refuse it. */
		{ "models:\n"
		  GOOD_ENTRY
		  "  - id: b\n    name: b\n    provider: p\n    kind: api\n"
		  "    tier: unrated\n    input_price: {value: 2, unit: USD/Mtok, "
		  "source: x, as_of: 2026-01-01, verified: true, range: [0, 1]}\n",
		  "o.yaml:14:26: models.b.input_price must be between 0 and 1, "
		  "got 2" },
		/* A scalar where an entry belongs, after a good one. */
		{ "models:\n"
		  GOOD_ENTRY
		  "  - oops\n",
		  "o.yaml:9:5: a model must be a mapping, got a scalar" },
	};
	const struct data *full = testutil_data();
	/* The same whether unrated models are kept whole or by name (read
	 * entry by entry: data_load_compared). */
	for (size_t i = 0; i < 2 * sizeof cases / sizeof cases[0]; i++) {
		size_t c = i / 2;
		struct data copy;
		char *cause = NULL;
		ck_assert_int_eq(data_copy(&copy, full, &cause), 0);
		copy.unrated_by_name = i % 2;
		ck_assert_int_ne(data_overlay_apply(&copy, "o.yaml",
		    cases[c].text, &cause), 0);
		ck_assert_str_eq(cause, cases[c].message);
		free(cause);
		data_free(&copy);
	}
	/* The same new id twice is an error; an id models.yaml has is a
	 * warning, and the entry is skipped; "models:" alone adds nothing. */
	struct data copy;
	char *cause = NULL, *twice = overlay_text(1, 0);
	size_t length = strlen(twice);
	char *doubled = malloc(2 * length + 1);
	memcpy(doubled, twice, length);
	memcpy(doubled + length, twice + 8, length - 8 + 1);	/* no header */
	ck_assert_int_eq(data_copy(&copy, full, &cause), 0);
	ck_assert_int_ne(data_overlay_apply(&copy, "o.yaml", doubled, &cause),
	    0);
	ck_assert_str_eq(cause, "o.yaml:9:9: model 'synthetic/model-0' is "
	    "defined twice");
	free(cause);
	cause = NULL;
	data_free(&copy);
	ck_assert_int_eq(data_copy(&copy, full, &cause), 0);
	ck_assert_int_eq(data_overlay_apply(&copy, "o.yaml", "models:\n"
	    "  - id: gpt-4o\n    name: x\n", &cause), 0);
	ck_assert_uint_eq(copy.model_count, full->model_count);
	ck_assert_uint_eq(copy.warning_count, full->warning_count + 1);
	ck_assert_ptr_nonnull(strstr(copy.warnings[copy.warning_count - 1],
	    "o.yaml:2:9: warning: model 'gpt-4o' is already in "));
	ck_assert_int_eq(data_overlay_apply(&copy, "o.yaml", "models:\n",
	    &cause), 0);
	ck_assert_int_eq(data_overlay_apply(&copy, "o.yaml", "# empty\n",
	    &cause), 0);
	ck_assert_uint_eq(copy.model_count, full->model_count);
	data_free(&copy);
	free(twice);
	free(doubled);
}
END_TEST

static Suite *
data_suite(void)
{
	Suite *s = suite_create("data");
	TCase *t = tcase_create("loader");
	tcase_add_test(t, test_base_fixtures_load);
	tcase_add_test(t, test_positioned_errors);
	tcase_add_test(t, test_yaml_hazards);
	tcase_add_test(t, test_default_data_complete);
	tcase_add_test(t, test_article_prices);
	tcase_add_test(t, test_shipped_current_models);
	tcase_add_test(t, test_stale_counts_usable_prices);
	tcase_add_test(t, test_stale_skips_discontinued_gpus);
	tcase_add_test(t, test_stale_counts_offered_gpus);
	tcase_add_test(t, test_every_figure_has_provenance);
	tcase_add_test(t, test_open_weights_architecture);
	tcase_add_test(t, test_decode_follows_active_parameters);
	tcase_add_test(t, test_current_gpus);
	tcase_add_test(t, test_embedded_copy_matches);
	tcase_add_test(t, test_lookup_order);
	tcase_add_test(t, test_copy_loads_over_base);
	tcase_add_test(t, test_assigned_copy_outlives_base_struct);
	tcase_add_test(t, test_model_name_index);
	tcase_add_test(t, test_big_overlay);
	tcase_add_test(t, test_overlay_bad_input);
	tcase_add_test(t, test_overlay_unrated_by_name);
	suite_add_tcase(s, t);
	return s;
}

int
main(void)
{
	return testutil_run(data_suite());
}
