/* test_prices.c - cache and batch discounts in the cost model, price
 * imports in both formats (nulls, pseudo-entries, dated prices, broken
 * files), prices.yaml overlays, and the data listings. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cost.h"
#include "doc.h"
#include "import.h"
#include "listing.h"
#include "report.h"
#include "testutil.h"

static struct cost_result result;
/* The option of the last testutil_cost(..., &result) with an id, or fail. */
#define option(id) testutil_option(&result, (id))


#define CLAUDE "api:claude-3-5-sonnet-20241022"

START_TEST(test_cache_read_price)
{
	/* 10M input, half of it read from the prompt cache, on Claude 3.5
	 * Sonnet: 5M x $3 + 5M x $0.30 = $16.50. */
	struct profile p;
	testutil_article_profile(&p);
	p.output_tokens = 0;
	p.cached_input_share = 0.5;
	testutil_cost(&p, &result);
	ck_assert_double_eq_tol(option(CLAUDE)->monthly.compute, 16.5, 1e-9);
	ck_assert_uint_eq(option(CLAUDE)->discounts, COST_DISCOUNT_CACHE);
	/* Output is untouched by the cache: + 2M x $15. */
	p.output_tokens = 2e6;
	testutil_cost(&p, &result);
	ck_assert_double_eq_tol(option(CLAUDE)->monthly.compute, 46.5, 1e-9);
	/* GPT-4o: 5M x $2.50 + 5M x $1.25 + 2M x $10 = $38.75; GPT-4o mini:
	 * 5M x $0.15 + 5M x $0.075 + 2M x $0.60 = $2.325. */
	ck_assert_double_eq_tol(option("api:gpt-4o")->monthly.compute, 38.75,
	    1e-9);
	ck_assert_double_eq_tol(option("api:gpt-4o-mini")->monthly.compute,
	    2.325, 1e-9);
	/* Everything cached: Claude's input costs a tenth. */
	p.cached_input_share = 1;
	p.output_tokens = 0;
	testutil_cost(&p, &result);
	ck_assert_double_eq_tol(option(CLAUDE)->monthly.compute, 3, 1e-9);
}
END_TEST

START_TEST(test_batch_prices)
{
	struct profile p;
	testutil_article_profile(&p);
	p.batch_share = 1;
	testutil_cost(&p, &result);
	/* 10M x $1.50 + 2M x $7.50 = $30 on Claude 3.5 Sonnet. */
	ck_assert_double_eq_tol(option(CLAUDE)->monthly.compute, 30, 1e-9);
	ck_assert_uint_eq(option(CLAUDE)->discounts, COST_DISCOUNT_BATCH);
	/* Half batched on GPT-4o: 10M x (0.5 x 1.25 + 0.5 x 2.5) + 2M x
	 * (0.5 x 5 + 0.5 x 10) = 18.75 + 15. */
	p.batch_share = 0.5;
	testutil_cost(&p, &result);
	ck_assert_double_eq_tol(option("api:gpt-4o")->monthly.compute, 33.75,
	    1e-9);
}
END_TEST

START_TEST(test_discounts_do_not_stack)
{
	/* Cached input pays the cache-read price even when batched: half
	 * cached, all batched on Claude: 5M x $0.30 + 5M x $1.50 + 2M x
	 * $7.50 = $24. */
	struct profile p;
	testutil_article_profile(&p);
	p.cached_input_share = 0.5;
	p.batch_share = 1;
	testutil_cost(&p, &result);
	ck_assert_double_eq_tol(option(CLAUDE)->monthly.compute, 24, 1e-9);
	ck_assert_uint_eq(option(CLAUDE)->discounts,
	    COST_DISCOUNT_CACHE | COST_DISCOUNT_BATCH);
}
END_TEST

START_TEST(test_missing_prices_pay_normal)
{
	/* A hosted API without cache or batch prices pays its normal price;
	 * Gemini 1.5 Pro has a cache-read price but no batch prices. */
	struct profile p;
	const char *hosted =
	    "hosted_open:together_ai/meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo";
	double plain, gemini;
	testutil_article_profile(&p);
	testutil_cost(&p, &result);
	plain = option(hosted)->monthly.compute;
	gemini = option("api:gemini-1.5-pro")->monthly.compute;
	p.cached_input_share = 0.7;
	p.batch_share = 0.6;
	testutil_cost(&p, &result);
	ck_assert_double_eq_tol(option(hosted)->monthly.compute, plain, 1e-9);
	ck_assert_uint_eq(option(hosted)->discounts, 0);
	ck_assert_uint_eq(option("api:gemini-1.5-pro")->discounts,
	    COST_DISCOUNT_CACHE);
	/* Input: 10M x (0.7 x 0.3125 + 0.3 x 1.25); output at $5. */
	ck_assert_double_eq_tol(option("api:gemini-1.5-pro")->monthly.compute,
	    10 * (0.7 * 0.3125 + 0.3 * 1.25) + 2 * 5, 1e-9);
	ck_assert(option("api:gemini-1.5-pro")->monthly.compute < gemini);
}
END_TEST

START_TEST(test_self_hosted_unaffected)
{
	struct profile p;
	struct cost_result plain;
	testutil_article_profile(&p);
	p.input_tokens = 300e6;
	testutil_cost(&p, &result);
	plain = result;
	p.cached_input_share = 0.9;
	p.batch_share = 0.9;
	testutil_cost(&p, &result);
	ck_assert_uint_eq(result.count, plain.count);
	for (size_t i = 0; i < result.count; i++) {
		const struct cost_option *o = &result.options[i];
		if (!cost_kind_is_self_hosted(o->kind))
			continue;
		ck_assert_uint_eq(o->discounts, 0);
		/* The batch share may run on spot GPUs, which only the
		 * GPUs with a spot price offer (cost.h); nothing else moves. */
		if (o->spot_share > 0) {
			ck_assert(o->gpu->has_spot_price);
			ck_assert(o->monthly.total <=
			    plain.options[i].monthly.total);
			continue;
		}
		ck_assert_double_eq(o->monthly.total,
		    plain.options[i].monthly.total);
		ck_assert_uint_eq(o->discounts, 0);
	}
	/* The hybrid's API part carries its frontier model's discounts. */
	int hybrid = result.cheapest[OPTION_HYBRID];
	ck_assert_int_ge(hybrid, 0);
	ck_assert_uint_ne(result.options[hybrid].discounts, 0);
}
END_TEST

START_TEST(test_answers_keys)
{
	struct profile p;
	char *cause = NULL;
	const struct profile_field *peak =
	    profile_find_field("volume.peak_to_mean");
	const struct profile_field *cached =
	    profile_find_field("volume.cached_input_share");
	const struct profile_field *batch =
	    profile_find_field("volume.batch_share");
	ck_assert_ptr_nonnull(cached);
	ck_assert_ptr_nonnull(batch);
	/* Right after volume.peak_to_mean, in this order. */
	ck_assert_ptr_eq(cached, peak + 1);
	ck_assert_ptr_eq(batch, peak + 2);
	profile_defaults(&p);
	ck_assert_double_eq(p.cached_input_share, 0);
	ck_assert_double_eq(p.batch_share, 0);
	ck_assert_int_eq(profile_set(&p, "volume.cached_input_share=0.4",
	    &cause), 0);
	ck_assert_int_eq(profile_set(&p, "volume.batch_share=1", &cause), 0);
	ck_assert_double_eq(profile_get_value(&p, cached), 0.4);
	ck_assert_double_eq(profile_get_value(&p, batch), 1);
	ck_assert_int_ne(profile_set(&p, "volume.batch_share=1.2", &cause), 0);
	ck_assert_str_eq(cause, "--set:1:20: volume.batch_share must be "
	    "between 0 and 1, got 1.2");
	free(cause);
	cause = NULL;
	ck_assert_int_ne(profile_set(&p, "volume.cached_input_share=-0.1",
	    &cause), 0);
	free(cause);
	/* The fields after them still read and write their own values. */
	ck_assert_int_eq(profile_set(&p, "deployment=on_prem", &cause), 0);
	ck_assert_int_eq(p.deployment, DEPLOYMENT_ON_PREM);
	ck_assert_int_eq(profile_set(&p, "tasks.complex_share=0.25", &cause), 0);
	ck_assert_double_eq(p.complex_share, 0.25);
	ck_assert_double_eq(p.batch_share, 1);

	/* The answers file writer writes them and reads them back. */
	struct buffer out;
	buffer_init(&out);
	profile_write_yaml(&p, testutil_data(), &out);
	ck_assert_ptr_nonnull(strstr(out.data, "  cached_input_share: 0.4\n"
	    "  batch_share: 1\n"));
	FILE *f = fopen("test_prices_answers.yaml", "w");
	ck_assert_ptr_nonnull(f);
	fputs(out.data, f);
	fclose(f);
	struct profile back;
	profile_defaults(&back);
	ck_assert_int_eq(profile_load_file(&back, "test_prices_answers.yaml",
	    &cause), 0);
	ck_assert_double_eq(back.cached_input_share, 0.4);
	ck_assert_double_eq(back.batch_share, 1);
	remove("test_prices_answers.yaml");
	buffer_free(&out);
}
END_TEST

START_TEST(test_discount_sentence)
{
	struct profile p;
	struct buffer text;
	testutil_article_profile(&p);
	buffer_init(&text);
	report_discount_sentence(testutil_evaluate(&p, 0, false), &text);
	ck_assert_ptr_null(text.data);		/* no shares, no sentence */
	p.cached_input_share = 0.5;
	p.batch_share = 0.25;
	report_discount_sentence(testutil_evaluate(&p, 0, false), &text);
	ck_assert_ptr_nonnull(strstr(text.data, "50% of input tokens are read "
	    "from a prompt cache: Claude 3.5 Sonnet, GPT-4o, GPT-4o mini, "
	    "Gemini 1.5 Pro charge their cache-read price"));
	ck_assert_ptr_nonnull(strstr(text.data, "25% of the traffic goes "
	    "through batch APIs: Claude 3.5 Sonnet, GPT-4o, GPT-4o mini charge"));
	ck_assert_ptr_nonnull(strstr(text.data, "Self-hosted options are "
	    "unaffected."));
	buffer_free(&text);
}
END_TEST

/* Reads a fixture of tests/prices, or fails. */
static void
read_fixture(struct import_file *file, const char *name, const char *today)
{
	char path[256], *cause = NULL;
	snprintf(path, sizeof path, "tests/prices/%s", name);
	if (import_read_file(file, testutil_path(path), today, &cause) != 0)
		ck_abort_msg("%s", cause);
}

/* The entry named name, or fail. */
static const struct import_entry *
entry(const struct import_file *file, const char *name)
{
	for (size_t i = 0; i < file->count; i++)
		if (strcmp(file->entries[i].name, name) == 0)
			return &file->entries[i];
	ck_abort_msg("no entry %s", name);
	return NULL;
}

START_TEST(test_read_litellm)
{
	struct import_file file;
	const struct import_entry *e;
	read_fixture(&file, "litellm.json", "2026-11-28");
	ck_assert_int_eq(file.format, IMPORT_LITELLM);
	ck_assert_str_eq(file.base, "litellm.json");
	ck_assert_uint_eq(file.count, 15);
	/* Dollars per token become dollars per million tokens, exactly. */
	e = entry(&file, "claude-3-5-sonnet-20241022");
	ck_assert_int_eq(e->skip, IMPORT_USED);
	ck_assert(e->input.set && e->input.value == 3);
	ck_assert(e->output.value == 15);
	ck_assert(e->cache_read.value == 0.25);
	ck_assert(e->cache_write.value == 3.75);
	ck_assert(e->batch_input.value == 1.5 && e->batch_output.value == 7.5);
	ck_assert_str_eq(e->provider, "anthropic");
	ck_assert_str_eq(e->deprecation_date, "2025-10-22");
	ck_assert_str_eq(e->reference,
	    "https://www.anthropic.com/pricing#anthropic-api");
	ck_assert_double_eq(e->max_input_tokens, 200000);
	ck_assert_int_eq(e->function_calling, 1);
	/* Nulls are "not given". */
	e = entry(&file, "gpt-4o");
	ck_assert(!e->batch_input.set && !e->batch_output.set);
	ck_assert_int_eq(e->function_calling, -1);
	/* Long-prompt prices raise the top of the range. */
	e = entry(&file, "gemini-1.5-pro");
	ck_assert(e->input.value == 1.25 && e->input.high == 2.5);
	ck_assert(e->output.value == 5 && e->output.high == 10);
	/* Pseudo-entries, other modes, entries without prices. */
	ck_assert_int_eq(entry(&file, "sample_spec")->skip, IMPORT_PSEUDO);
	ck_assert_int_eq(entry(&file, "comment")->skip, IMPORT_PSEUDO);
	ck_assert_int_eq(entry(&file, "nothing")->skip, IMPORT_PSEUDO);
	ck_assert_int_eq(entry(&file, "text-embedding-3-small")->skip,
	    IMPORT_NOT_CHAT);
	ck_assert_int_eq(entry(&file, "dall-e-3")->skip, IMPORT_NOT_CHAT);
	ck_assert_int_eq(entry(&file, "free-nulls")->skip, IMPORT_NO_PRICE);
	/* One price is enough to be a candidate. */
	e = entry(&file, "deepseek-ai/DeepSeek-V3");
	ck_assert_int_eq(e->skip, IMPORT_USED);
	ck_assert(!e->input.set && e->output.value == 0.89);
	import_file_free(&file);
}
END_TEST

START_TEST(test_read_litellm_current)
{
	struct import_file file;
	const struct import_entry *e;
	read_fixture(&file, "litellm-current.json", "2026-11-28");
	/* input_cost_per_token_cache_hit is the cache-read price where
	 * cache_read_input_token_cost is absent... */
	e = entry(&file, "deepseek/deepseek-r1");
	ck_assert(e->cache_read.set && e->cache_read.value == 0.14);
	e = entry(&file, "deepseek/deepseek-v3");
	ck_assert(e->cache_read.value == 0.07);
	/* ...and only there. */
	e = entry(&file, "made-up-both-cache-fields");
	ck_assert(e->cache_read.value == 0.1);
	import_file_free(&file);
}
END_TEST

START_TEST(test_read_genai)
{
	struct import_file file;
	const struct import_entry *e;
	read_fixture(&file, "genai.json", "2026-11-28");
	ck_assert_int_eq(file.format, IMPORT_GENAI);
	ck_assert_uint_eq(file.count, 9);
	e = entry(&file, "claude-3-5-sonnet");
	ck_assert_str_eq(e->provider, "anthropic");
	ck_assert_str_eq(e->prices_checked, "2025-06-23");
	ck_assert(e->cache_read.value == 0.3 && e->cache_write.value == 3.75);
	ck_assert_ptr_nonnull(e->match);
	ck_assert_int_eq(e->match->kind, IMPORT_OR);
	/* Tiered prices: the base, and the top tier as the range's top. */
	e = entry(&file, "gemini-1.5-pro");
	ck_assert(e->input.value == 1.25 && e->input.high == 2.5);
	/* The dated price in force on the import date; a later one is
	 * announced. */
	e = entry(&file, "gpt-4o");
	ck_assert(e->input.value == 2.5 && e->output.value == 10 &&
	    e->cache_read.value == 1.25);
	ck_assert_str_eq(e->next_change, "2099-01-01");
	/* Time-of-day prices (the real file's layout: the unconstrained
	 * price is DeepSeek's off-peak rate, 00:30-16:30 UTC the standard
	 * one): the standard rate is the value, the off-peak rate the low
	 * end of the range. */
	e = entry(&file, "deepseek-chat");
	ck_assert(e->input.value == 0.27 && e->input.low == 0.135);
	ck_assert(e->input.high == 0.27);
	ck_assert(e->output.value == 1.1 && e->output.low == 0.55);
	ck_assert(e->cache_read.value == 0.07 && e->cache_read.low == 0.035);
	ck_assert_int_eq(entry(&file, "gpt-4o-realtime-preview")->skip,
	    IMPORT_NO_PRICE);
	import_file_free(&file);

	/* Before the first dated price, the undated one applies; after the
	 * last, the last. */
	read_fixture(&file, "genai.json", "2024-01-01");
	e = entry(&file, "gpt-4o");
	ck_assert(e->input.value == 5 && e->output.value == 15);
	ck_assert(!e->cache_read.set);
	ck_assert_str_eq(e->next_change, "2024-08-06");
	import_file_free(&file);
	read_fixture(&file, "genai.json", "2100-01-01");
	e = entry(&file, "gpt-4o");
	ck_assert(e->input.value == 2 && e->output.value == 8);
	ck_assert_ptr_null(e->next_change);
	import_file_free(&file);
}
END_TEST

/* The entry chosen for a model id, or NULL. */
static const char *
chosen(const struct import *import, const char *id)
{
	const struct model *m = data_find_model(testutil_data(), id);
	ck_assert_ptr_nonnull(m);
	long e = import->chosen[m - testutil_data()->models];
	return e < 0 ? NULL : import->file->entries[e].name;
}

START_TEST(test_map_litellm)
{
	struct import_file file;
	struct import import;
	char *cause = NULL;
	read_fixture(&file, "litellm.json", "2026-11-28");
	ck_assert_int_eq(import_map(&import, testutil_data(), &file,
	    "2026-11-28", &cause), 0);
	/* The id beats an alias; the bare key beats provider/key. */
	ck_assert_str_eq(chosen(&import, "claude-3-5-sonnet-20241022"),
	    "claude-3-5-sonnet-20241022");
	ck_assert_str_eq(chosen(&import, "gpt-4o"), "gpt-4o");
	ck_assert_str_eq(chosen(&import, "gpt-4o-mini"),
	    "gpt-4o-mini-2024-07-18");
	ck_assert_str_eq(chosen(&import,
	    "together_ai/meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo"),
	    "together_ai/meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo");
	/* litellm_provider + "/" + key. */
	ck_assert_str_eq(chosen(&import, "deepinfra/deepseek-ai/DeepSeek-V3"),
	    "deepseek-ai/DeepSeek-V3");
	ck_assert_ptr_null(chosen(&import, "llama-3.1-70b"));
	ck_assert_uint_eq(import.mapped, 6);
	ck_assert_uint_eq(import.superseded_count, 2);
	ck_assert_uint_eq(import.unmapped, 1);
	ck_assert_uint_eq(import.pseudo, 3);
	ck_assert_uint_eq(import.not_chat, 2);
	ck_assert_uint_eq(import.no_price, 1);
	import_free(&import);
	import_file_free(&file);
}
END_TEST

START_TEST(test_map_genai)
{
	struct import_file file;
	struct import import;
	char *cause = NULL;
	read_fixture(&file, "genai.json", "2026-11-28");
	ck_assert_int_eq(import_map(&import, testutil_data(), &file,
	    "2026-11-28", &cause), 0);
	/* The provider's own match clause beats another provider's exact
	 * alias (openrouter's anthropic/claude-3.5-sonnet). */
	ck_assert_str_eq(chosen(&import, "claude-3-5-sonnet-20241022"),
	    "claude-3-5-sonnet");
	ck_assert_str_eq(chosen(&import, "gpt-4o"), "gpt-4o");
	ck_assert_str_eq(chosen(&import, "gemini-1.5-pro"), "gemini-1.5-pro");
	/* together's unprefixed id matches together_ai/... without its
	 * prefix; DeepInfra's copy of the same weights does not. */
	ck_assert_str_eq(chosen(&import,
	    "together_ai/meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo"),
	    "meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo");
	ck_assert_ptr_null(chosen(&import,
	    "deepinfra/meta-llama/Meta-Llama-3.1-70B-Instruct"));
	/* gpt-4o's clause must not catch gpt-4o-mini. */
	ck_assert_ptr_null(chosen(&import, "gpt-4o-mini"));
	ck_assert_uint_eq(import.mapped, 4);
	ck_assert_uint_eq(import.superseded_count, 1);
	ck_assert_uint_eq(import.unmapped, 3);
	ck_assert_uint_eq(import.no_price, 1);
	import_free(&import);
	import_file_free(&file);
}
END_TEST

/* Expects a fixture to be refused with exactly this message (after the
 * fixture's path). */
static void
expect_broken(const char *name, const char *message)
{
	struct import_file file;
	char path[256], expected[1024], *cause = NULL;
	snprintf(path, sizeof path, "tests/prices/%s", name);
	snprintf(path, sizeof path, "%s", testutil_path(path));
	ck_assert_int_ne(import_read_file(&file, path, "2026-11-28", &cause), 0);
	snprintf(expected, sizeof expected, "%s:%s", path, message);
	ck_assert_str_eq(cause, expected);
	free(cause);
}

START_TEST(test_broken_files)
{
	const char *expected = "expected LiteLLM's "
	    "model_prices_and_context_window.json or genai-prices' data.json";
	char message[512];
	snprintf(message, sizeof message, "1:1: file is empty: %s", expected);
	expect_broken("broken-empty.json", message);
	snprintf(message, sizeof message, "1:1: unknown price-list format: %s",
	    expected);
	expect_broken("broken-unknown-format.json", message);
	expect_broken("broken-syntax.json", "5:9: invalid JSON");
	expect_broken("broken-wrong-type.json", "4:33: input_cost_per_token of "
	    "'gpt-4o' must be a number or null, got \"0.0000025\"");
	expect_broken("broken-genai-wrong-type.json", "5:80: input_mtok of "
	    "'gpt-4o' must be a number or null, got \"cheap\"");
	expect_broken("broken-negative.json", "4:33: input_cost_per_token of "
	    "'gpt-4o' must not be negative, got -2.5e-06");
	expect_broken("broken-date.json", "5:29: deprecation_date of 'gpt-4o' "
	    "must be a date YYYY-MM-DD, got \"soon\"");
	expect_broken("broken-genai-clause.json", "5:42: unknown match clause "
	    "'regexp' in 'gpt-4o'");
	expect_broken("broken-genai-models.json", "3:49: models of provider "
	    "'openai' must be a list");
	expect_broken("broken-genai-constraint.json", "7:24: unknown "
	    "constraint in the prices of 'gpt-4o' (expected start_date, or "
	    "start_time and end_time)");
	expect_broken("broken-bool.json", "6:38: supports_function_calling of "
	    "'gpt-4o' must be true, false or null, got \"yes\"");
}
END_TEST

/* The base data of tests/bad/data/base, loaded fresh. */
static void
base_data(struct data *data)
{
	struct paths paths = { 0 };
	char *cause = NULL;
	paths.data_dir = testutil_path("tests/bad/data/base");
	if (data_load(data, &paths, &cause) != 0)
		ck_abort_msg("%s", cause);
}

#define FIGURE(value, unit) "{value: " value ", unit: " unit ", source: " \
	"\"t.json\", as_of: 2026-06-01, verified: true, range: [" value ", " \
	value "]}"

START_TEST(test_apply_prices)
{
	struct data data;
	char *cause = NULL;
	const struct model *a;
	size_t figures;

	base_data(&data);
	a = data_find_model(&data, "closed-a");
	figures = data.figure_count;
	int input_index = a->input_price.index;
	ck_assert_ptr_null(data_model_price(a, DATA_PRICE_CACHE_READ));
	/* By alias; the input price is replaced where it stands, the cache
	 * price is new. */
	ck_assert_int_eq(data_prices_apply(&data, "P/prices.yaml",
	    "prices:\n  - model: closed-a-latest\n    entry: x\n"
	    "    input_price: " FIGURE("2", "USD/Mtok") "\n"
	    "    cache_read_price: " FIGURE("0.2", "USD/Mtok") "\n"
	    "  - model: nowhere\n    output_price: " FIGURE("1", "USD/Mtok")
	    "\n", &cause), 0);
	ck_assert_double_eq(a->input_price.value, 2);
	ck_assert_int_eq(a->input_price.index, input_index);
	ck_assert_double_eq(data.values[input_index], 2);
	ck_assert_str_eq(a->input_price.file, "P/prices.yaml");
	ck_assert_str_eq(a->input_price.key, "models.closed-a.input_price");
	ck_assert_ptr_nonnull(data_model_price(a, DATA_PRICE_CACHE_READ));
	ck_assert_double_eq(a->cache_read_price.value, 0.2);
	ck_assert_uint_eq(data.figure_count, figures + 1);
	ck_assert_ptr_eq(data_figure_at(&data, figures), &a->cache_read_price);
	/* An unknown model is a warning, not an error. */
	ck_assert_uint_eq(data.warning_count, 1);
	ck_assert_ptr_nonnull(strstr(data.warnings[0], "P/prices.yaml:6:5: "
	    "warning: model 'nowhere' is not in "));
	ck_assert_str_eq(data.prices_files[0], "P/prices.yaml");
	/* Empty files and an empty list give nothing. */
	ck_assert_int_eq(data_prices_apply(&data, "e.yaml", "", &cause), 0);
	ck_assert_int_eq(data_prices_apply(&data, "e.yaml", "prices:\n",
	    &cause), 0);
	ck_assert_int_eq(data_prices_apply(&data, "e.yaml", "prices: []\n",
	    &cause), 0);
	data_free(&data);
}
END_TEST

/* Expects a prices.yaml text to be refused with exactly message. */
static void
expect_bad_prices(const char *text, const char *message)
{
	struct data data;
	char *cause = NULL;
	base_data(&data);
	ck_assert_int_ne(data_prices_apply(&data, "prices.yaml", text, &cause),
	    0);
	ck_assert_str_eq(cause, message);
	free(cause);
	data_free(&data);
}

START_TEST(test_bad_prices_yaml)
{
	expect_bad_prices("prices:\n  - model: closed-a\n    input_price: "
	    FIGURE("2", "USD/token") "\n", "prices.yaml:3:35: "
	    "models.closed-a.input_price must be given in USD/Mtok, got "
	    "\"USD/token\"");
	expect_bad_prices("prices:\n  - model: open-c\n    input_price: "
	    FIGURE("2", "USD/Mtok") "\n", "prices.yaml:2:5: model 'open-c' is "
	    "an open_weights model: it has no per-token prices");
	expect_bad_prices("prices:\n  - model: closed-a\n    input_price: "
	    FIGURE("2", "USD/Mtok") "\n  - model: closed-a-latest\n"
	    "    output_price: " FIGURE("2", "USD/Mtok") "\n",
	    "prices.yaml:4:5: prices for model 'closed-a' are given twice");
	expect_bad_prices("prices:\n  - model: closed-a\n", "prices.yaml:2:5: "
	    "models.closed-a gives no price");
	expect_bad_prices("prices:\n  - model: closed-a\n    price: 3\n",
	    "prices.yaml:3:5: unknown key 'price' in an entry of prices");
	expect_bad_prices("prices: {closed-a: 3}\n", "prices.yaml:1:9: prices "
	    "must be a list");
	expect_bad_prices("models: []\n", "prices.yaml:1:1: unknown key "
	    "'models' in prices.yaml");
	expect_bad_prices("prices:\n  - model: closed-a\n    deprecation_date: "
	    "soon\n    input_price: " FIGURE("2", "USD/Mtok") "\n",
	    "prices.yaml:3:23: deprecation_date must be a date YYYY-MM-DD, got "
	    "\"soon\"");
	expect_bad_prices("prices:\n  - model: closed-a\n    input_price: "
	    "{value: 2, unit: USD/Mtok}\n", "prices.yaml:3:18: "
	    "models.closed-a.input_price is missing 'source'");
	expect_bad_prices("prices:\n- [", "prices.yaml:3:1: while parsing a flow node did not find "
	    "expected node content");
}
END_TEST

START_TEST(test_render_yaml)
{
	struct import_file file;
	struct import import;
	struct buffer out;
	struct arena arena = { 0 };
	struct data_price_item *items;
	size_t count;
	char *cause = NULL;
	const char *existing = "prices:\n  - model: gemini-1.5-pro\n"
	    "    input_price: " FIGURE("9", "USD/Mtok") "\n"
	    "  - model: gpt-4o-mini\n    input_price: " FIGURE("7", "USD/Mtok")
	    "\n  - model: retired-model\n    input_price: "
	    FIGURE("1", "USD/Mtok") "\n";

	read_fixture(&file, "genai.json", "2026-11-28");
	ck_assert_int_eq(import_map(&import, testutil_data(), &file,
	    "2026-11-28", &cause), 0);
	ck_assert_int_eq(import_set_as_of(&import, "2026-11-28", &cause), 0);
	buffer_init(&out);
	ck_assert_int_eq(import_render_yaml(&import, testutil_data(), "old.yaml",
	    existing, &out, &cause), 0);
	ck_assert_int_eq(data_prices_parse(&arena, "new.yaml", out.data, &items,
	    &count, &cause), 0);
	/* Four imported, gpt-4o-mini kept, gemini replaced, the unknown
	 * model kept at the end. */
	ck_assert_uint_eq(count, 6);
	ck_assert_str_eq(items[0].model, "claude-3-5-sonnet-20241022");
	ck_assert_str_eq(items[0].entry, "claude-3-5-sonnet");
	ck_assert_str_eq(items[0].prices[DATA_PRICE_INPUT].source, "genai.json");
	/* prices_checked is the as-of date where the file has it. */
	ck_assert_str_eq(items[0].prices[DATA_PRICE_INPUT].as_of, "2025-06-23");
	ck_assert(items[0].has[DATA_PRICE_CACHE_READ]);
	ck_assert(!items[0].has[DATA_PRICE_BATCH_INPUT]);
	ck_assert_str_eq(items[1].model, "gpt-4o");
	/* The date import_set_as_of gave where the entry has none. */
	ck_assert_str_eq(items[1].prices[DATA_PRICE_INPUT].as_of, "2026-11-28");
	ck_assert_str_eq(items[2].model, "gpt-4o-mini");
	ck_assert_double_eq(items[2].prices[DATA_PRICE_INPUT].value, 7);
	ck_assert_str_eq(items[3].model, "gemini-1.5-pro");
	ck_assert_double_eq(items[3].prices[DATA_PRICE_INPUT].value, 1.25);
	/* The range models.yaml chose, [1, 1.5], is kept, not narrowed to
	 * the price, and the long-context tier (2.5) is not its top. */
	ck_assert_double_eq(items[3].prices[DATA_PRICE_INPUT].low, 1);
	ck_assert_double_eq(items[3].prices[DATA_PRICE_INPUT].high, 1.5);
	/* gpt-4o: the range is the union of the data's and the price. */
	const struct figure *had = data_model_price(data_find_model(
	    testutil_data(), "gpt-4o"), DATA_PRICE_INPUT);
	ck_assert_double_eq(items[1].prices[DATA_PRICE_INPUT].value, 2.5);
	ck_assert_double_eq(items[1].prices[DATA_PRICE_INPUT].low,
	    had->low < 2.5 ? had->low : 2.5);
	ck_assert_double_eq(items[1].prices[DATA_PRICE_INPUT].high, had->high);
	ck_assert_str_eq(items[5].model, "retired-model");
	arena_free(&arena);
	buffer_free(&out);
	import_free(&import);
	import_file_free(&file);
}
END_TEST

/* The as_of line written for the first figure of model id. */
static void
expect_as_of(const char *fixture, const char *as_of, const char *id,
    const char *expected)
{
	struct import_file file;
	struct import import;
	struct buffer out;
	char *cause = NULL, line[64];
	const char *item;

	read_fixture(&file, fixture, "2026-11-28");
	ck_assert_int_eq(import_map(&import, testutil_data(), &file,
	    "2026-11-28", &cause), 0);
	ck_assert_int_eq(import_set_as_of(&import, as_of, &cause), 0);
	buffer_init(&out);
	ck_assert_int_eq(import_render_yaml(&import, testutil_data(), "old.yaml",
	    NULL, &out, &cause), 0);
	snprintf(line, sizeof line, "  - model: \"%s\"\n", id);
	item = strstr(out.data, line);
	ck_assert_msg(item != NULL, "no %s in %s", id, out.data);
	snprintf(line, sizeof line, "as_of: %s\n", expected);
	ck_assert_msg(strstr(item, "as_of: ") == strstr(item, line),
	    "%s: not %s in %s", id, line, item);
	buffer_free(&out);
	import_free(&import);
	import_file_free(&file);
}

START_TEST(test_as_of)
{
	struct import import;
	char *cause = NULL;
	/* The file's own date (LiteLLM's last_updated) beats --as-of... */
	expect_as_of("litellm-current.json", "2026-08-01", "gpt-4o",
	    "2026-07-24");
	/* ...--as-of dates a file that has none... */
	expect_as_of("litellm.json", "2026-08-01", "gpt-4o", "2026-08-01");
	expect_as_of("genai.json", "2026-08-01", "gpt-4o", "2026-08-01");
	/* ...the entry's prices_checked beats both... */
	expect_as_of("genai.json", "2026-08-01", "claude-3-5-sonnet-20241022",
	    "2025-06-23");
	/* ...and without any, the price is undated, never the import day. */
	expect_as_of("genai.json", NULL, "gpt-4o", IMPORT_UNDATED);
	expect_as_of("litellm.json", NULL, "gpt-4o", IMPORT_UNDATED);
	memset(&import, 0, sizeof import);
	ck_assert_int_eq(import_set_as_of(&import, "2026-13-01", &cause), -1);
	ck_assert_str_eq(cause, "--as-of must be a date YYYY-MM-DD, got "
	    "\"2026-13-01\"");
	free(cause);
}
END_TEST

START_TEST(test_listing)
{
	const struct data *data = testutil_data();
	const struct model *claude = data_find_model(data, "gpt-4o");
	const struct figure *figures[32];
	const char *names[32];
	struct buffer out;
	char *cause = NULL;
	time_t now = 1795824000;		/* 2026-11-28 */
	struct figure f;

	ck_assert_uint_eq(listing_model_figures(claude, figures, names, 32), 5);
	ck_assert_str_eq(names[2], "cache_read_price");
	ck_assert_uint_eq(listing_model_figures(data_find_model(data,
	    "llama-3.1-70b"), figures, names, 32), 6);
	memset(&f, 0, sizeof f);
	f.file = "(built-in)/models.yaml";
	ck_assert_str_eq(listing_origin(&f, "/usr/share/llmadvisor"), "default");
	f.file = "/usr/share/llmadvisor/models.yaml";
	ck_assert_str_eq(listing_origin(&f, "/usr/share/llmadvisor"), "default");
	f.file = "/home/u/.config/llmadvisor/prices.yaml";
	ck_assert_str_eq(listing_origin(&f, "/usr/share/llmadvisor"), "import");
	f.file = "/home/u/.config/llmadvisor/models.yaml";
	ck_assert_str_eq(listing_origin(&f, "/usr/share/llmadvisor"),
	    "override");

	/* Staleness: a price dated more than stale_months (6) before now. */
	f.unit = "USD/Mtok";
	f.as_of = "2026-05-27";
	ck_assert(data_figure_stale(&f, now, 6));
	f.as_of = "2026-06-01";
	ck_assert(!data_figure_stale(&f, now, 6));
	f.unit = "GB";
	f.as_of = "2020-01-01";
	ck_assert(!data_figure_stale(&f, now, 6));

	buffer_init(&out);
	listing_models(data, now, NULL, &out);
	ck_assert_ptr_nonnull(strstr(out.data,
	    "gpt-4o: GPT-4o (api, openai, frontier)\n"));
	ck_assert_ptr_nonnull(strstr(out.data, "STALE, UNVERIFIED"));
	ck_assert_ptr_nonnull(strstr(out.data, "  cache_read_price"));
	/* Within 80 columns (a word longer than a line, a URL, stands
	 * alone), and each file named once (issue 16). */
	for (const char *line = out.data; *line != '\0';) {
		const char *end = strchr(line, '\n');
		size_t length = end ? (size_t)(end - line) : strlen(line);
		const char *word = line;
		while (word < line + length && *word == ' ')
			word++;
		ck_assert_msg(length <= 80 || memchr(word, ' ',
		    length - (size_t)(word - line)) == NULL,
		    "line over 80 columns: %.*s", (int)length, line);
		line += length + (end != NULL);
	}
	const char *file = strstr(out.data, data->models_file);
	ck_assert_ptr_nonnull(file);
	ck_assert_ptr_null(strstr(file + 1, data->models_file));
	buffer_free(&out);
	f.file = "/home/u/.config/llmadvisor/models-imported.yaml";
	ck_assert_str_eq(listing_origin(&f, "/usr/share/llmadvisor"), "import");

	/* An unrated model says how to rate it. */
	struct data copy;
	ck_assert_int_eq(data_copy(&copy, data, &cause), 0);
	ck_assert_int_eq(data_overlay_apply(&copy, "/c/" DATA_OVERLAY_FILE,
	    "models:\n  - id: new-model\n    name: new-model\n    provider: "
	    "acme\n    kind: api\n    tier: unrated\n    input_price: {value: "
	    "1, unit: USD/Mtok, source: x, as_of: 2026-01-01, verified: true, "
	    "range: [1, 1]}\n    output_price: {value: 2, unit: USD/Mtok, "
	    "source: x, as_of: 2026-01-01, verified: true, range: [2, 2]}\n",
	    &cause), 0);
	buffer_init(&out);
	listing_models(&copy, now, NULL, &out);
	ck_assert_ptr_nonnull(strstr(out.data, "new-model (api, acme, UNRATED: "
	    "set its tier in ["));
	ck_assert_ptr_nonnull(strstr(out.data, "] import    /c/"
	    DATA_OVERLAY_FILE "\n"));
	ck_assert_ptr_nonnull(strstr(out.data, "UNRATED: 1 model an import "
	    "added is listed but never compared"));
	buffer_free(&out);
	buffer_init(&out);
	ck_assert_int_eq(listing_render_json(&copy, false, now, NULL, &out,
	    &cause), 0);
	ck_assert_ptr_nonnull(strstr(out.data, "\"tier\":\t\"unrated\""));
	ck_assert_ptr_nonnull(strstr(out.data, "\"overlays\":\t[\"/c/"));
	buffer_free(&out);
	data_free(&copy);
	buffer_init(&out);
	ck_assert_int_eq(listing_render_json(data, true, now, NULL, &out,
	    &cause), 0);
	ck_assert_ptr_nonnull(strstr(out.data, "\"id\":\t\"a100-40gb\""));
	ck_assert_ptr_nonnull(strstr(out.data, "\"name\":\t\"cloud_price\""));
	ck_assert_ptr_nonnull(strstr(out.data, "\"stale\":\t"));
	buffer_free(&out);
}
END_TEST

START_TEST(test_read_real_excerpts)
{
	/* Excerpts of the real LiteLLM table (2026-07-24) and genai-prices
	 * data.json (47df840a): tiered_pricing, mode: responses and the
	 * DeepSeek cache-hit name are read. */
	struct import_file file;
	const struct import_entry *e;
	read_fixture(&file, "litellm-real-excerpt.json", "2026-11-28");
	ck_assert_int_eq(file.format, IMPORT_LITELLM);
	ck_assert_str_eq(file.date, "2026-07-24");
	/* tiered_pricing: the tier from 0 tokens is the price, the tier from
	 * 256,000 tokens only the top of the tiers. */
	e = entry(&file, "dashscope/qwen-flash");
	ck_assert_int_eq(e->skip, IMPORT_USED);
	ck_assert(e->input.set && e->input.value == 0.05);
	ck_assert(e->input.high == 0.25);
	ck_assert(e->output.value == 0.4 && e->output.high == 2);
	/* mode: responses is chat through the Responses API. */
	e = entry(&file, "azure/codex-mini");
	ck_assert_int_eq(e->skip, IMPORT_USED);
	ck_assert(e->input.value == 1.5 && e->output.value == 6);
	ck_assert(e->cache_read.value == 0.375);
	e = entry(&file, "deepseek/deepseek-chat");
	ck_assert(e->cache_read.set && e->cache_read.value == 0.028);
	ck_assert_int_eq(entry(&file, "text-embedding-3-small")->skip,
	    IMPORT_NOT_CHAT);
	import_file_free(&file);
	read_fixture(&file, "genai-real-excerpt.json", "2026-11-28");
	ck_assert_int_eq(file.format, IMPORT_GENAI);
	e = entry(&file, "claude-opus-4-1");
	ck_assert_int_eq(e->skip, IMPORT_USED);
	ck_assert(e->input.value == 15 && e->output.value == 75);
	import_file_free(&file);
}
END_TEST

/* Parses a LiteLLM text: 0, or -1 with *cause. */
static int
parse_litellm(struct import_file *file, const char *text, char **cause)
{
	memset(file, 0, sizeof *file);
	file->path = file->base = "tiers.json";
	return import_parse(file, "tiers.json", text, strlen(text),
	    "2026-11-28", cause);
}

START_TEST(test_tiered_pricing)
{
	struct import_file file;
	char *cause = NULL;
	/* Only tiers, the long one first: the tier from 0 is the price, and
	 * the long tier never becomes the normal price. */
	ck_assert_int_eq(parse_litellm(&file, "{\"m\": {\"mode\": \"chat\", "
	    "\"tiered_pricing\": [{\"input_cost_per_token\": 4e-06, "
	    "\"output_cost_per_token\": 8e-06, \"range\": [200000, 1000000]}, "
	    "{\"input_cost_per_token\": 2e-06, \"output_cost_per_token\": "
	    "4e-06, \"range\": [0, 200000]}]}}", &cause), 0);
	const struct import_entry *e = entry(&file, "m");
	ck_assert_int_eq(e->skip, IMPORT_USED);
	ck_assert(e->input.value == 2 && e->input.low == 2);
	ck_assert(e->input.high == 4);
	ck_assert(e->output.value == 4 && e->output.high == 8);
	import_file_free(&file);
	/* A base price of the entry stays; tiers only raise the top. */
	ck_assert_int_eq(parse_litellm(&file, "{\"m\": {\"mode\": \"chat\", "
	    "\"input_cost_per_token\": 1e-06, \"output_cost_per_token\": 2e-06, "
	    "\"tiered_pricing\": [{\"input_cost_per_token\": 3e-06, "
	    "\"range\": [128000, 1000000]}]}}", &cause), 0);
	e = entry(&file, "m");
	ck_assert(e->input.value == 1 && e->input.high == 1);
	import_file_free(&file);
	/* Broken tiers are refused with their position. */
	ck_assert_int_ne(parse_litellm(&file, "{\"m\": {\"mode\": \"chat\",\n"
	    "  \"tiered_pricing\": \"cheap\"}}", &cause), 0);
	ck_assert_str_eq(cause, "tiers.json:2:21: tiered_pricing of 'm' must "
	    "be a list or null, got \"cheap\"");
	free(cause);
	cause = NULL;
	import_file_free(&file);
	ck_assert_int_ne(parse_litellm(&file, "{\"m\": {\"mode\": \"chat\",\n"
	    "  \"tiered_pricing\": [{\"input_cost_per_token\": -1}]}}", &cause),
	    0);
	ck_assert_str_eq(cause, "tiers.json:2:47: input_cost_per_token of 'm' "
	    "must not be negative, got -1");
	free(cause);
	cause = NULL;
	import_file_free(&file);
	ck_assert_int_ne(parse_litellm(&file, "{\"m\": {\"mode\": \"chat\",\n"
	    "  \"tiered_pricing\": [{\"range\": 5}]}}", &cause), 0);
	ck_assert_str_eq(cause, "tiers.json:2:32: range of a tier of 'm' must "
	    "be a list [from, to]");
	free(cause);
	import_file_free(&file);
}
END_TEST

/* Options priced for the article's profile over data. */
static size_t
option_count(const struct data *data)
{
	static struct cost_result options;
	struct cost_scenario scenario;
	struct profile profile;
	profile_defaults(&profile);
	cost_scenario_default(&scenario);
	cost_evaluate(data, data->values, &profile, &scenario, &options);
	return options.count;
}

START_TEST(test_new_models_overlay)
{
	/* Entries that map to no model become unrated models of the overlay,
	 * with the entry's name as id: loaded, listed, never an option. */
	struct import_file file;
	struct import import;
	struct buffer text;
	struct data copy;
	char *cause = NULL;
	const struct data *data = testutil_data();
	read_fixture(&file, "litellm-real-excerpt.json", "2026-11-28");
	ck_assert_int_eq(import_map(&import, data, &file, "2026-11-28",
	    &cause), 0);
	ck_assert_int_eq(import_plan_models(&import, data, &cause), 0);
	ck_assert_uint_eq(import.added_count, 4);
	buffer_init(&text);
	ck_assert_int_eq(import_render_overlay(&import, NULL, &text, &cause), 0);
	ck_assert_ptr_nonnull(strstr(text.data, "  - id: \"claude-opus-4-8\"\n"
	    "    name: \"claude-opus-4-8\"\n    provider: \"anthropic\"\n"
	    "    kind: api\n    tier: unrated\n"));
	/* A long-context tier is not the top of the normal range. */
	ck_assert_ptr_nonnull(strstr(text.data, "id: \"dashscope/qwen-flash\""));
	ck_assert_ptr_null(strstr(text.data, "range: [0.05, 0.25]"));
	ck_assert_int_eq(data_copy(&copy, data, &cause), 0);
	size_t figures = copy.figure_count, options = option_count(&copy);
	ck_assert_int_eq(data_overlay_apply(&copy, DATA_OVERLAY_FILE,
	    text.data, &cause), 0);
	ck_assert_uint_eq(copy.model_count, data->model_count + 4);
	const struct model *m = data_find_model(&copy, "azure/codex-mini");
	ck_assert_ptr_nonnull(m);
	ck_assert(m->unrated);
	ck_assert_double_eq(m->input_price.value, 1.5);
	ck_assert_int_eq(m->input_price.index, -1);
	/* Unrated: no figure registered, no option added. */
	ck_assert_uint_eq(copy.figure_count, figures);
	ck_assert_uint_eq(option_count(&copy), options);
	/* A prices.yaml over an unrated model replaces its price. */
	ck_assert_int_eq(data_prices_apply(&copy, "prices.yaml", "prices:\n"
	    "  - model: azure/codex-mini\n    input_price: {value: 2, unit: "
	    "USD/Mtok, source: test, as_of: 2026-01-01, verified: true, "
	    "range: [2, 2]}\n", &cause), 0);
	ck_assert_double_eq(data_find_model(&copy, "azure/codex-mini")->
	    input_price.value, 2);
	data_free(&copy);
	/* Rated, it is compared. */
	char *rated = strdup(text.data), *at;
	while ((at = strstr(rated, "tier: unrated")) != NULL)
		memcpy(at, "tier: large  ", 13);
	ck_assert_int_eq(data_copy(&copy, data, &cause), 0);
	ck_assert_int_eq(data_overlay_apply(&copy, DATA_OVERLAY_FILE, rated,
	    &cause), 0);
	ck_assert_uint_eq(option_count(&copy), options + 4);
	ck_assert_uint_gt(copy.figure_count, figures);
	data_free(&copy);
	free(rated);
	/* A second render keeps the existing text (a tier set there) and
	 * appends. */
	struct buffer again;
	buffer_init(&again);
	ck_assert_int_eq(import_render_overlay(&import, "models:\n  - id: x\n",
	    &again, &cause), 0);
	ck_assert_int_eq(strncmp(again.data, "models:\n  - id: x\n  - id: ", 26),
	    0);
	buffer_free(&again);
	buffer_free(&text);
	import_free(&import);
	/* Without import_plan_models (--no-new-models) nothing is added. */
	ck_assert_int_eq(import_map(&import, data, &file, "2026-11-28",
	    &cause), 0);
	ck_assert_uint_eq(import.added_count, 0);
	ck_assert_ptr_null(import.added);
	import_free(&import);
	import_file_free(&file);
}
END_TEST

START_TEST(test_possibly_retired)
{
	/* The excerpt covers anthropic and openai but lists neither Claude
	 * 3.5 Sonnet nor GPT-4o mini: the summary names both; Gemini's
	 * provider is not in the file, so it is not named. */
	struct import_file file;
	struct import import;
	struct buffer out;
	char *cause = NULL;
	read_fixture(&file, "litellm-real-excerpt.json", "2026-11-28");
	ck_assert_int_eq(import_map(&import, testutil_data(), &file,
	    "2026-11-28", &cause), 0);
	buffer_init(&out);
	import_summary(&import, testutil_data(), NULL, NULL, false, &out);
	const char *retired = strstr(out.data, "Possibly retired");
	ck_assert_ptr_nonnull(retired);
	ck_assert_ptr_nonnull(strstr(retired, "(claude-3-5-sonnet-20241022)"));
	ck_assert_ptr_nonnull(strstr(retired, "(gpt-4o-mini)"));
	ck_assert_ptr_null(strstr(retired, "gemini"));
	ck_assert_ptr_null(strstr(retired, "(gpt-4o)\n"));
	buffer_free(&out);
	import_free(&import);
	import_file_free(&file);
}
END_TEST

static Suite *
prices_suite(void)
{
	Suite *s = suite_create("prices");
	TCase *t = tcase_create("discounts");
	tcase_add_test(t, test_cache_read_price);
	tcase_add_test(t, test_batch_prices);
	tcase_add_test(t, test_discounts_do_not_stack);
	tcase_add_test(t, test_missing_prices_pay_normal);
	tcase_add_test(t, test_self_hosted_unaffected);
	tcase_add_test(t, test_answers_keys);
	tcase_add_test(t, test_discount_sentence);
	suite_add_tcase(s, t);
	t = tcase_create("import");
	tcase_add_test(t, test_read_litellm);
	tcase_add_test(t, test_read_litellm_current);
	tcase_add_test(t, test_read_real_excerpts);
	tcase_add_test(t, test_tiered_pricing);
	tcase_add_test(t, test_new_models_overlay);
	tcase_add_test(t, test_possibly_retired);
	tcase_add_test(t, test_read_genai);
	tcase_add_test(t, test_as_of);
	tcase_add_test(t, test_map_litellm);
	tcase_add_test(t, test_map_genai);
	tcase_add_test(t, test_broken_files);
	tcase_add_test(t, test_apply_prices);
	tcase_add_test(t, test_bad_prices_yaml);
	tcase_add_test(t, test_render_yaml);
	tcase_add_test(t, test_listing);
	suite_add_tcase(s, t);
	return s;
}

int
main(void)
{
	return testutil_run(prices_suite());
}
