/* bench.c - speed and memory figures for llmadvisor, one line each as
 * "NAME VALUE UNIT", with the budget beside it.  Run by `make bench`; the
 * budgets are checked here, never in a timed unit test. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>

#include "cost.h"
#include "data.h"
#include "metrics.h"
#include "profile.h"
#include "report.h"
#include "rules.h"
#include "sensitivity.h"

static double
bench_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
bench_compare(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double
bench_median(double *samples, size_t n)
{
	qsort(samples, n, sizeof *samples, bench_compare);
	return samples[n / 2];
}

static int failures;

/* Prints one figure and whether it meets its budget. */
static void
bench_report(const char *name, double value, const char *unit, double budget)
{
	bool ok = value <= budget;
	printf("%s %.3f %s (budget %g %s%s)\n", name, value, unit, budget, unit,
	    ok ? "" : ", MISSED");
	if (!ok)
		failures++;
}

/* Runs the program once with its output discarded; returns wall seconds
 * and peak resident memory in KiB. */
static int
bench_run(char *const argv[], double *seconds, long *peak_kib)
{
	double start = bench_now();
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, STDOUT_FILENO);
		execv(argv[0], argv);
		_exit(127);
	}
	int status;
	struct rusage usage;
	if (wait4(pid, &status, 0, &usage) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		return -1;
	*seconds = bench_now() - start;
	*peak_kib = usage.ru_maxrss;
	return 0;
}

int
main(int argc, char **argv)
{
	static struct data data;
	static struct cost_result result;
	struct paths paths = { .use_embedded = true };
	struct cost_scenario scenario;
	struct profile profile;
	char *cause = NULL;
	enum { ROUNDS = 31, LOADS = 51, CALLS = 20000 };
	double samples[LOADS];

	for (int i = 0; i < LOADS; i++) {
		double start = bench_now();
		if (data_load(&data, &paths, &cause) != 0) {
			fprintf(stderr, "bench: %s\n", cause);
			return 2;
		}
		samples[i] = bench_now() - start;
		if (i + 1 < LOADS)
			data_free(&data);
	}
	bench_report("load_data", bench_median(samples, LOADS) * 1e3, "ms", 5);

	profile_defaults(&profile);
	cost_scenario_default(&scenario);
	volatile double sink = 0;
	for (int r = 0; r < ROUNDS; r++) {
		double start = bench_now();
		for (int i = 0; i < CALLS; i++) {
			profile.input_tokens = 1e6 + i;
			cost_evaluate(&data, data.values, &profile, &scenario,
			    &result);
			sink += result.options[0].monthly.total;
		}
		samples[r] = (bench_now() - start) / CALLS;
	}
	bench_report("cost_evaluate", bench_median(samples, ROUNDS) * 1e6, "us",
	    0.5);

	for (int r = 0; r < ROUNDS; r++) {
		double start = bench_now();
		sink += cost_breakeven(&data, data.values, &profile, &scenario);
		samples[r] = bench_now() - start;
	}
	bench_report("breakeven", bench_median(samples, ROUNDS) * 1e3, "ms", 2);

	/* One full evaluation: cost model, metrics, every rule, the ledgers
	 * and the verdict (as the Monte Carlo does it: no text). */
	static struct rules rules;
	static struct evaluation report;
	static double metrics[EVALUATE_MAX_METRICS];
	static struct decision outcome;
	struct evaluate_settings settings;
	if (rules_load(&rules, &paths, &cause) != 0) {
		fprintf(stderr, "bench: %s\n", cause);
		return 2;
	}
	profile_defaults(&profile);
	for (int r = 0; r < ROUNDS; r++) {
		double start = bench_now();
		for (int i = 0; i < CALLS; i++) {
			profile.input_tokens = 1e6 + i;
			cost_evaluate(&data, data.values, &profile, &scenario,
			    &result);
			metrics_compute(&data, data.values, &profile, &scenario,
			    &result, NAN, metrics);
			decide_run(&rules, &data, data.values, &profile,
			    &result, metrics, false, &outcome);
			sink += outcome.verdict;
		}
		samples[r] = (bench_now() - start) / CALLS;
	}
	bench_report("evaluate", bench_median(samples, ROUNDS) * 1e6, "us", 1);

	profile_defaults(&profile);
	evaluate_settings_default(&settings);
	settings.samples = 0;
	settings.flip_points = false;
	evaluate_run(&report, &data, &rules, &profile, &scenario, &settings);
	const struct sensitivity_base base = {
		.data = &data, .rules = &rules, .profile = &report.profile,
		.scenario = &report.scenario, .breakeven = report.breakeven,
		.metrics = report.metrics, .verdict = report.outcome.verdict,
	};
	for (int r = 0; r < 11; r++) {
		double start = bench_now();
		sensitivity_monte_carlo(&base, 10000, 1, &report.uncertainty);
		samples[r] = bench_now() - start;
	}
	bench_report("monte_carlo_10k", bench_median(samples, 11) * 1e3, "ms", 10);
	for (int r = 0; r < 11; r++) {
		double start = bench_now();
		report.flip_count = sensitivity_flip_points(&base, report.flips);
		samples[r] = bench_now() - start;
	}
	bench_report("flip_points", bench_median(samples, 11) * 1e3, "ms", 2);
	rules_free(&rules);
	(void)sink;

	if (argc > 1) {
		char *run[] = { argv[1], "-f", "json", NULL };
		long peak = 0, kib;
		for (int r = 0; r < ROUNDS; r++) {
			if (bench_run(run, &samples[r], &kib) != 0) {
				fprintf(stderr, "bench: %s -f json failed\n", argv[1]);
				return 2;
			}
			if (kib > peak)
				peak = kib;
		}
		bench_report("batch_json_wall", bench_median(samples, ROUNDS) * 1e3,
		    "ms", 15);
		bench_report("batch_json_peak_rss", peak / 1024.0, "MiB", 8);
	}
	data_free(&data);
	return failures == 0 ? 0 : 1;
}
