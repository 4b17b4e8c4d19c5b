/* test_cost_fleet.c - cost model v2 (issue 13), each formula pinned with a
 * case computed by hand from the default data: where self-hosting runs,
 * GPUs the team owns, fleets sized for the peak on batched throughput,
 * N+1 availability, hosts and idle power, service life with resale,
 * payback against the rental the team would use, commitments and spot;
 * and a 1M..1T sweep per expertise level that must stay honest. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cost.h"
#include "report.h"
#include "testutil.h"

static struct cost_result result;
/* The option of the last testutil_cost(..., &result) with an id, or fail. */
#define option(id) testutil_option(&result, (id))

/* USD a month for watts drawn all month: 730 h x $0.15/kWh x PUE 1.2. */
static double
power_usd(double watts)
{
	return watts / 1000 * 730 * 0.15 * 1.2;
}

/* Figures this file's hand computations use, checked once so a change
 * of data shows here first. */
START_TEST(test_figures_used)
{
	const struct data *data = testutil_data();
	const struct defaults *d = &data->defaults;
	const struct gpu *a6000 = data_find_gpu(data, "a6000");
	ck_assert_double_eq(d->hours_per_month.value, 730);
	ck_assert_double_eq(d->electricity_price.value, 0.15);
	ck_assert_double_eq(d->pue.value, 1.2);
	ck_assert_double_eq(d->service_life_months.value, 48);
	ck_assert_double_eq(d->residual_share.value, 0.15);
	ck_assert_double_eq(d->ops_hours_per_node.value, 2);
	ck_assert_double_eq(d->spot_overhead.value, 1.1);
	ck_assert_double_eq(a6000->power.value, 300);
	ck_assert_double_eq(a6000->idle_power.value, 45);
	ck_assert_double_eq(a6000->host_power.value, 250);
	ck_assert_double_eq(a6000->host_price.value, 5000);
	ck_assert_double_eq(a6000->gpus_per_node.value, 4);
	ck_assert_double_eq(a6000->purchase_price.value, 4500);
}
END_TEST

/* A hospital: hard privacy, on premises.  No rented GPU is priced at
 * all; the cheapest owned setup at 10M + 2M tokens is a Mac Studio:
 * Tb = 10e6 / 119 + 2e6 / 25 = 164,033.6 s, load = Tb / 2,628,000 s,
 * hardware = 6,999 x 0.85 / 48, power = 30 + 265 x load watts. */
START_TEST(test_on_prem_hospital)
{
	struct profile p;
	testutil_profile(&p, "privacy=hard deployment=on_prem");
	testutil_cost(&p, &result);
	for (size_t i = 0; i < result.count; i++) {
		enum option_kind k = result.options[i].kind;
		ck_assert(k != OPTION_CLOUD_ON_DEMAND && k != OPTION_CLOUD_24X7);
		ck_assert(result.options[i].hybrid_self_kind !=
		    OPTION_CLOUD_ON_DEMAND && result.options[i].hybrid_self_kind
		    != OPTION_CLOUD_24X7);
	}
	const struct cost_option *o =
	    &result.options[result.cheapest[OPTION_OWNED]];
	ck_assert_str_eq(o->gpu->id, "mac-studio-192gb");
	double load = (10e6 / 119 + 2e6 / 25) / 2628000;
	ck_assert_double_eq_tol(o->utilisation, load, 1e-9);
	ck_assert_double_eq_tol(o->monthly.hardware, 6999 * 0.85 / 48, 1e-9);
	ck_assert_double_eq_tol(o->monthly.compute,
	    power_usd(30 + 265 * load), 1e-9);
	ck_assert_int_eq(o->payback_vs, -1);	/* nothing to rent */
	const struct evaluation *e = testutil_evaluate(&p, 0, false);
	ck_assert_int_eq(e->outcome.verdict, VERDICT_OPEN);
}
END_TEST

/* A team owning exactly one A6000.  At the article's volume it serves
 * everything: nothing bought, "already owned", power only: Tb = 10e6 /
 * 482 + 2e6 / 150 s, GPU at 45 + 255 x load W plus its 250 W host. */
START_TEST(test_owns_one_a6000)
{
	struct profile p;
	testutil_profile(&p, "hardware.gpu=a6000 hardware.count=1");
	testutil_cost(&p, &result);
	const struct cost_option *o = option("owned:a6000:int4:x1");
	double load = (10e6 / 482 + 2e6 / 150) / 2628000;
	ck_assert(o->already_owned);
	ck_assert_int_eq(o->owned_gpus, 1);
	ck_assert_double_eq(o->monthly.hardware, 0);
	ck_assert_double_eq(o->payback_months, 0);
	ck_assert_double_eq_tol(o->monthly.compute,
	    power_usd(45 + 255 * load + 250), 1e-9);
	/* Only that GPU is free: an A100 is still bought, with its host. */
	const struct cost_option *a100 = option("owned:a100-80gb:int4:x1");
	ck_assert(!a100->already_owned);
	ck_assert_double_eq_tol(a100->upfront, 12000 + 40000, 1e-9);
	/* The word stands for the same single A6000. */
	testutil_profile(&p, "hardware=workstation_gpu");
	testutil_cost(&p, &result);
	ck_assert(option("owned:a6000:int4:x1")->already_owned);
}
END_TEST

/* The same team grows past its card: 1B + 200M tokens give Tb =
 * 1e9 / 482 + 2e8 / 150 = 3,408,022 s, load 1.2968, peak 2.59: three
 * replicas; one is owned, two are bought into the same four-card host:
 * upfront 2 x 4,500, hardware 9,000 x 0.85 / 48 = $159.375. */
START_TEST(test_grows_past_one_a6000)
{
	struct profile p;
	testutil_profile(&p, "hardware.gpu=a6000 hardware.count=1 "
	    "volume.input_tokens=1B volume.output_tokens=200M");
	testutil_cost(&p, &result);
	const struct cost_option *o = option("owned:a6000:int4:x1");
	double load = (1e9 / 482 + 2e8 / 150) / 2628000;
	ck_assert_int_eq(o->replicas, 3);
	ck_assert_int_eq(o->gpus, 3);
	ck_assert_int_eq(o->nodes, 1);
	ck_assert_int_eq(o->owned_gpus, 1);
	ck_assert(!o->already_owned);
	ck_assert_double_eq_tol(o->upfront, 9000, 1e-9);
	ck_assert_double_eq_tol(o->monthly.hardware, 159.375, 1e-9);
	ck_assert_double_eq_tol(o->monthly.compute,
	    power_usd(3 * (45 + 255 * load / 3) + 250), 1e-9);
	/* Payback against the rental the team would use for this load,
	 * named exactly as computed. */
	ck_assert_int_ge(o->payback_vs, 0);
	const struct cost_option *r = &result.options[o->payback_vs];
	ck_assert(r->kind == OPTION_CLOUD_ON_DEMAND ||
	    r->kind == OPTION_CLOUD_24X7);
	int od = result.cheapest[OPTION_CLOUD_ON_DEMAND];
	int always = result.cheapest[OPTION_CLOUD_24X7];
	ck_assert_double_eq(r->monthly.total, fmin(
	    result.options[od].monthly.total,
	    result.options[always].monthly.total));
	double saving = r->monthly.compute + r->monthly.engineering -
	    o->monthly.compute - o->monthly.engineering;
	if (saving > 0)
		ck_assert_double_eq_tol(o->payback_months, 9000 / saving, 1e-9);
	else
		ck_assert(isnan(o->payback_months));
}
END_TEST

/* N+1: the same load on 24/7 A6000s takes 3 + 1 = 4 replicas at
 * $0.82 an hour: 4 x 730 x 0.82 = $2,394.40.  At 3B + 600M tokens the
 * load is 3.89, 8 replicas for the peak + 1 = 9 GPUs in 3 four-card
 * nodes: ops hours 20 + 2 x (3 - 1) = 24, $2,400 at $100. */
START_TEST(test_redundant_fleet)
{
	struct profile p;
	testutil_profile(&p, "availability=redundant "
	    "volume.input_tokens=1B volume.output_tokens=200M");
	testutil_cost(&p, &result);
	const struct cost_option *o = option("cloud_24x7:a6000:int4:x1");
	ck_assert_int_eq(o->replicas, 4);
	ck_assert_double_eq_tol(o->monthly.compute, 2394.4, 1e-9);
	ck_assert_int_eq(option("owned:a6000:int4:x1")->gpus, 4);
	testutil_profile(&p, "availability=redundant "
	    "volume.input_tokens=3B volume.output_tokens=600M");
	testutil_cost(&p, &result);
	o = option("cloud_24x7:a6000:int4:x1");
	ck_assert_int_eq(o->replicas, 9);
	ck_assert_int_eq(o->nodes, 3);
	ck_assert_double_eq_tol(o->monthly.engineering, 2400, 1e-9);
	/* Best effort: one replica fewer. */
	testutil_profile(&p, "volume.input_tokens=3B "
	    "volume.output_tokens=600M");
	testutil_cost(&p, &result);
	ck_assert_int_eq(option("cloud_24x7:a6000:int4:x1")->replicas, 8);
}
END_TEST

/* On demand, concurrency follows the load: the article's 12M tokens are
 * still served one stream at a time (10e6 / 1200 + 2e6 / 25 s x 1.15 =
 * 28.2 GPU hours on an A100 40GB), but 10B tokens batch: Tb = 8.33e9 /
 * 1200 + 1.67e9 / 150 s x 1.15 = 5,768 GPU hours, not 72,643. */
START_TEST(test_on_demand_batches)
{
	struct profile p;
	testutil_article_profile(&p);
	testutil_cost(&p, &result);
	ck_assert_double_eq_tol(
	    option("cloud_on_demand:a100-40gb:int4:x1")->gpu_hours,
	    (10e6 / 1200 + 2e6 / 25) / 3600 * 1.15, 1e-9);
	p.input_tokens = 10e9 * 5 / 6;
	p.output_tokens = 10e9 / 6;
	testutil_cost(&p, &result);
	ck_assert_double_eq_tol(
	    option("cloud_on_demand:a100-40gb:int4:x1")->gpu_hours,
	    (p.input_tokens / 1200 + p.output_tokens / 150) / 3600 * 1.15,
	    1e-6);
	/* Between the two one replica batches all month: 730 x 1.15. */
	p.input_tokens = 100e6;
	p.output_tokens = 80e6;
	testutil_cost(&p, &result);
	ck_assert_double_eq_tol(
	    option("cloud_on_demand:a100-40gb:int4:x1")->gpu_hours,
	    730 * 1.15, 1e-9);
}
END_TEST

/* A 24/7 H100 takes the 1-year reserved $1.94 once the horizon covers a
 * year, on-demand $2.69 before; spot serves only the batch share. */
START_TEST(test_commitments_and_spot)
{
	struct profile p;
	testutil_article_profile(&p);
	testutil_cost(&p, &result);
	const struct cost_option *o = option("cloud_24x7:h100-80gb:int4:x1");
	ck_assert_int_eq(o->commitment, COST_COMMITMENT_1Y);
	ck_assert_double_eq_tol(o->monthly.compute, 730 * 1.94, 1e-9);
	p.horizon_months = 6;
	testutil_cost(&p, &result);
	o = option("cloud_24x7:h100-80gb:int4:x1");
	ck_assert_int_eq(o->commitment, COST_COMMITMENT_NONE);
	ck_assert_double_eq_tol(o->monthly.compute, 730 * 2.69, 1e-9);
	/* Half the traffic batched: on-demand RTX 4090s pay 0.5 x $0.29 +
	 * 0.5 x $0.22 x 1.1 an hour. */
	testutil_article_profile(&p);
	p.batch_share = 0.5;
	testutil_cost(&p, &result);
	o = option("cloud_on_demand:rtx-4090:int4:x2");
	ck_assert_double_eq(o->spot_share, 0.5);
	ck_assert_double_eq_tol(o->monthly.compute,
	    o->gpu_hours * (0.5 * 0.29 + 0.5 * 0.22 * 1.1), 1e-9);
	/* No spot price in the data, no spot. */
	ck_assert_double_eq(option("cloud_on_demand:a6000:int4:x1")->spot_share,
	    0);
}
END_TEST

/* The default JSON's payback: at the article's volume the A6000 is
 * measured against the cheaper rental for that load, on demand, and never
 * pays back (renting by the hour costs less than running the card). */
START_TEST(test_payback_against_real_alternative)
{
	struct profile p;
	testutil_article_profile(&p);
	testutil_cost(&p, &result);
	const struct cost_option *o = option("owned:a6000:int4:x1");
	ck_assert_int_ge(o->payback_vs, 0);
	ck_assert_int_eq(result.options[o->payback_vs].kind,
	    OPTION_CLOUD_ON_DEMAND);
	ck_assert(isnan(o->payback_months));
}
END_TEST

/* 1M..1T tokens a month for every expertise level: each kind's cheapest
 * total never falls as volume grows; no self-hosted option runs on free
 * capacity; a best-effort fleet is never more than the peak needs. */
START_TEST(test_sweep_is_honest)
{
	const struct data *data = testutil_data();
	for (int e = 0; e < EXPERTISE_COUNT; e++) {
		double previous[OPTION_KIND_COUNT];
		for (int k = 0; k < OPTION_KIND_COUNT; k++)
			previous[k] = 0;
		for (double v = 1e6; v <= 1.0001e12; v *= sqrt(sqrt(10))) {
			struct profile p;
			testutil_defaults(&p);
			p.expertise = (enum expertise)e;
			p.input_tokens = v * 5 / 6;
			p.output_tokens = v / 6;
			testutil_cost(&p, &result);
			for (int k = 0; k < OPTION_KIND_COUNT; k++) {
				int i = result.cheapest[k];
				ck_assert_int_ge(i, 0);
				double total = result.options[i].monthly.total;
				ck_assert_msg(total >= previous[k] * (1 - 1e-9),
				    "%s falls at %g tokens (%s): %.2f < %.2f",
				    cost_kind_name(k), v,
				    data_expertise_name(e), total, previous[k]);
				previous[k] = total;
			}
			for (size_t i = 0; i < result.count; i++) {
				const struct cost_option *o = &result.options[i];
				if (!cost_kind_is_self_hosted(o->kind))
					continue;
				ck_assert(o->monthly.compute > 0);
				if (o->kind == OPTION_OWNED)
					ck_assert(o->monthly.hardware > 0);
				if (o->kind == OPTION_CLOUD_ON_DEMAND)
					continue;
				double peak = o->utilisation * o->replicas *
				    p.peak_to_mean;
				ck_assert(o->replicas == 1 ||
				    (peak > o->replicas - 1 - 1e-9 &&
				    peak <= o->replicas + 1e-9));
				int per = o->gpu->has_gpus_per_node ?
				    (int)o->gpu->gpus_per_node.value : 1;
				ck_assert_int_eq(o->nodes,
				    (o->gpus + per - 1) / per);
			}
		}
	}
	(void)data;
}
END_TEST

/* hardware: {gpu: ID, count: N} reads from YAML, JSON and --set, and a
 * saved answers file reads back the same; a word clears the mapping. */
START_TEST(test_hardware_answer)
{
	static const char yaml[] = "hardware: {gpu: h100-80gb, count: 8}\n";
	static const char json[] = "{\"hardware\": {\"gpu\": \"a6000\"}}";
	struct profile p, back;
	struct buffer out;
	char *cause = NULL;
	int count;

	testutil_defaults(&p);
	ck_assert_int_eq(profile_load_text(&p, "a.yaml", yaml, strlen(yaml),
	    &cause), 0);
	ck_assert_str_eq(profile_owned_gpu(&p, &count), "h100-80gb");
	ck_assert_int_eq(count, 8);
	buffer_init(&out);
	profile_write_yaml(&p, testutil_data(), &out);
	ck_assert_ptr_nonnull(strstr(out.data,
	    "hardware: {gpu: h100-80gb, count: 8}"));
	profile_defaults(&back);
	ck_assert_int_eq(profile_load_text(&back, "b.yaml", out.data,
	    out.length, &cause), 0);
	ck_assert_str_eq(back.owned_gpu, "h100-80gb");
	ck_assert_int_eq(back.owned_gpu_count, 8);
	buffer_free(&out);
	ck_assert_int_eq(profile_load_text(&p, "a.json", json, strlen(json),
	    &cause), 0);
	ck_assert_str_eq(profile_owned_gpu(&p, &count), "a6000");
	ck_assert_int_eq(count, 1);
	ck_assert_int_eq(profile_set(&p, "hardware.count=3", &cause), 0);
	ck_assert_int_eq(p.owned_gpu_count, 3);
	ck_assert_int_eq(profile_set(&p, "hardware=apple_silicon", &cause), 0);
	ck_assert_str_eq(profile_owned_gpu(&p, &count), "mac-studio-192gb");
	ck_assert_int_eq(count, 1);
	ck_assert_int_ne(profile_set(&p, "hardware.count=0", &cause), 0);
	free(cause);
	cause = NULL;
	ck_assert_int_ne(profile_set(&p, "hardware.gpu=A 100", &cause), 0);
	free(cause);
}
END_TEST

static Suite *
cost_fleet_suite(void)
{
	Suite *s = suite_create("cost_fleet");
	TCase *formulas = tcase_create("formulas");
	tcase_add_test(formulas, test_figures_used);
	tcase_add_test(formulas, test_on_prem_hospital);
	tcase_add_test(formulas, test_owns_one_a6000);
	tcase_add_test(formulas, test_grows_past_one_a6000);
	tcase_add_test(formulas, test_redundant_fleet);
	tcase_add_test(formulas, test_on_demand_batches);
	tcase_add_test(formulas, test_commitments_and_spot);
	tcase_add_test(formulas, test_payback_against_real_alternative);
	tcase_add_test(formulas, test_hardware_answer);
	suite_add_tcase(s, formulas);
	TCase *sweep = tcase_create("sweep");
	tcase_set_timeout(sweep, 60);
	tcase_add_test(sweep, test_sweep_is_honest);
	suite_add_tcase(s, sweep);
	return s;
}

int
main(void)
{
	return testutil_run(cost_fleet_suite());
}
