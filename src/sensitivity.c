/* sensitivity.c - slider parameters, flip points and Monte Carlo.
 *
 * Monte Carlo: every figure whose range is wider than a point is drawn
 * independently from a triangle within [low, high] whose mean is its
 * value (sensitivity_shape: for a lopsided range the far end is pulled
 * in), so sums of costs centre on the case shown.  The samples come in
 * blocks, each from a generator seeded by --seed and the block's number
 * (the same seed gives the same samples, whichever thread draws them).
 * The answers a team rarely knows exactly are drawn too,
 * within the spreads of defaults.yaml's uncertainty section: volume,
 * operations hours and the hourly rate within +/- a share of the answer,
 * the hard-task share within +/- its spread, each symmetric around the
 * answer.  So the
 * confidence - the share of samples in which the verdict's outcome wins -
 * covers both what the data does not know and what the team does not.
 * Memory sizes, weight sizes and KV-cache sizes are not drawn: whether a
 * model fits a GPU is a fact, not a chance.  The breakeven volume is
 * computed once for the data's own values and held fixed in every sample
 * and along every flip-point search (the decision compares ledgers
 * directly; the breakeven is for the reader).  Rules that read no drawn
 * value are evaluated once per run (decide_fix).  Percentiles of each
 * option kind's cheapest monthly total come from a logarithmic histogram
 * with about 0.25% resolution, so memory does not grow with samples.
 * Cache-read and batch prices are drawn only when the answers give their
 * share of the traffic. */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "i18n.h"
#include "cost_batch.h"
#include "metrics.h"
#include "decide.h"
#include "evaluate.h"
#include "sensitivity.h"

const struct sensitivity_range sensitivity_ranges[SENSITIVITY_PARAMETER_COUNT] = {
	{ "volume", N_("Monthly volume"), "tokens/month", 1e6, 1e10, true,
	  1.3335214321633240, N_("monthly volume") },
	{ "complex_share", N_("Hard-task share"), "share", 0, 1, false, 0.05,
	  N_("the hard-task share") },
	{ "hourly_rate", N_("Hourly rate"), "USD/hour", 10, 500, false, 10,
	  N_("the hourly rate") },
	{ "ops_hours", N_("Ops hours"), "hours/month", 0, 160, false, 2,
	  N_("operations time") },
	{ "gpu_price", N_("GPU price"), "x", 0.25, 4, true,
	  1.1892071150027210, N_("the GPU price factor") },
	{ "api_price", N_("API price"), "x", 0.25, 4, true,
	  1.1892071150027210, N_("the API price factor") },
	{ "horizon", N_("Horizon"), "months", 1, 60, false, 1,
	  N_("the horizon") },
};

/* Reads a parameter's current value. */
double
sensitivity_get(enum sensitivity_parameter parameter,
    const struct profile *profile, const struct cost_scenario *scenario,
    const struct data *data)
{
	switch (parameter) {
	case SENSITIVITY_VOLUME:
		return profile->input_tokens + profile->output_tokens;
	case SENSITIVITY_COMPLEX_SHARE:
		return profile->complex_share;
	case SENSITIVITY_HOURLY_RATE:
		return profile->hourly_rate;
	case SENSITIVITY_OPS_HOURS:
		return profile_ops_hours(profile, data);
	case SENSITIVITY_GPU_PRICE:
		return scenario->gpu_price_factor;
	case SENSITIVITY_API_PRICE:
		return scenario->api_price_factor;
	case SENSITIVITY_HORIZON:
		return profile->horizon_months;
	default:
		return NAN;
	}
}

/* Sets a parameter; volume keeps the input/output ratio (5:1 when the
 * volume was zero). */
void
sensitivity_set(enum sensitivity_parameter parameter,
    struct profile *profile, struct cost_scenario *scenario, double value)
{
	double total;
	switch (parameter) {
	case SENSITIVITY_VOLUME:
		total = profile->input_tokens + profile->output_tokens;
		if (total > 0) {
			profile->input_tokens = value * profile->input_tokens /
			    total;
			profile->output_tokens = value - profile->input_tokens;
		} else {
			profile->input_tokens = value * 5 / 6;
			profile->output_tokens = value / 6;
		}
		break;
	case SENSITIVITY_COMPLEX_SHARE:
		profile->complex_share = value;
		break;
	case SENSITIVITY_HOURLY_RATE:
		profile->hourly_rate = value;
		break;
	case SENSITIVITY_OPS_HOURS:
		profile->ops_hours_per_month = value;
		profile->ops_hours_set = true;
		break;
	case SENSITIVITY_GPU_PRICE:
		/* Kept in the answers too, so saving and exporting keep it. */
		scenario->gpu_price_factor = value;
		profile->gpu_price_factor = value;
		break;
	case SENSITIVITY_API_PRICE:
		scenario->api_price_factor = value;
		profile->api_price_factor = value;
		break;
	case SENSITIVITY_HORIZON:
		profile->horizon_months = value;
		break;
	default:
		break;
	}
}

/* Scratch space for the many evaluations below (not reentrant: see
 * sensitivity.h). */
static struct cost_result sensitivity_cost;
static double sensitivity_metrics[EVALUATE_MAX_METRICS];
static struct decision sensitivity_outcome;

/* The verdict for one profile, scenario and set of figure values. */
static enum verdict
sensitivity_verdict(const struct sensitivity_base *base,
    const double *values, const struct profile *profile,
    const struct cost_scenario *scenario)
{
	cost_evaluate(base->data, values, profile, scenario,
	    &sensitivity_cost);
	metrics_compute(base->data, values, profile, scenario,
	    &sensitivity_cost, base->breakeven, sensitivity_metrics);
	decide_run(base->rules, base->data, values, profile, &sensitivity_cost,
	    sensitivity_metrics, false, &sensitivity_outcome);
	return sensitivity_outcome.verdict;
}

/* The verdict with one parameter set to value. */
static enum verdict
sensitivity_verdict_at(const struct sensitivity_base *base,
    enum sensitivity_parameter parameter, double value)
{
	struct profile profile = *base->profile;
	struct cost_scenario scenario = *base->scenario;
	sensitivity_set(parameter, &profile, &scenario, value);
	return sensitivity_verdict(base, base->data->values, &profile,
	    &scenario);
}

/* Searches from the current value towards one end of the range for the
 * first change of verdict: a coarse grid, then bisection. */
static bool
sensitivity_search(const struct sensitivity_base *base,
    enum sensitivity_parameter parameter, double from, double to,
    enum verdict current, struct sensitivity_flip *flip)
{
	const struct sensitivity_range *range = &sensitivity_ranges[parameter];
	const int steps = 32;
	double previous = from;

	if (from == to || (range->logarithmic && (from <= 0 || to <= 0)))
		return false;
	for (int i = 1; i <= steps; i++) {
		double t = (double)i / steps;
		double x = range->logarithmic ? from * pow(to / from, t) :
		    from + (to - from) * t;
		enum verdict v = sensitivity_verdict_at(base, parameter, x);
		if (v == current) {
			previous = x;
			continue;
		}
		double a = previous, b = x;
		for (int j = 0; j < 24; j++) {
			double mid = range->logarithmic ? sqrt(a * b) : (a + b) / 2;
			enum verdict w = sensitivity_verdict_at(base, parameter,
			    mid);
			if (w == current)
				a = mid;
			else {
				b = mid;
				v = w;
			}
		}
		flip->parameter = parameter;
		flip->value = b;
		flip->above = to > from;
		flip->verdict = v;
		return true;
	}
	return false;
}

/* For every parameter, the nearest change of verdict above and below the
 * current value within the slider's range. */
size_t
sensitivity_flip_points(const struct sensitivity_base *base,
    struct sensitivity_flip flips[SENSITIVITY_MAX_FLIPS])
{
	enum verdict current = base->verdict;
	size_t count = 0;
	if (base->rules == NULL || current == VERDICT_NONE)
		return 0;
	for (int p = 0; p < SENSITIVITY_PARAMETER_COUNT; p++) {
		const struct sensitivity_range *range = &sensitivity_ranges[p];
		double x = sensitivity_get(p, base->profile, base->scenario,
		    base->data);
		if (x < range->high && sensitivity_search(base, p, x,
		    range->high, current, &flips[count]))
			count++;
		if (x > range->low && sensitivity_search(base, p, x, range->low,
		    current, &flips[count]))
			count++;
	}
	return count;
}

/* xoshiro256** seeded through splitmix64: fast, and the same everywhere. */
struct sensitivity_random {
	uint64_t s[4];
};

static uint64_t
sensitivity_splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static uint64_t
sensitivity_rotate(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t
sensitivity_next(struct sensitivity_random *r)
{
	uint64_t *s = r->s;
	uint64_t result = sensitivity_rotate(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = sensitivity_rotate(s[3], 45);
	return result;
}

/* A figure to draw: triangular over [low, high] with the mode that puts
 * its mean at the figure's value (see sensitivity_shape). */
struct sensitivity_draw {
	int index;
	double low, high, mode_share;	/* (mode - low) / (high - low) */
	double left, right;		/* (high-low)(mode-low), (high-low)(high-mode) */
};

/* Shapes a figure's draw so that its mean is the figure's value: a
 * triangle over [low, high] has mean (low + mode + high) / 3, so the mode
 * is 3 x value - low - high.  Where the range is too lopsided for that,
 * the mode sits at the near end and the far end is pulled in until the
 * mean is the value.  A sum of costs then centres on the case shown, so a
 * verdict right at a flip point wins about half of the scenarios. */
static void
sensitivity_shape(const struct figure *f, struct sensitivity_draw *d)
{
	double value = f->value, low = f->low, high = f->high;
	double mode = 3 * value - low - high;
	if (mode < low) {
		mode = low;
		high = 3 * value - 2 * low;
	} else if (mode > high) {
		mode = high;
		low = 3 * value - 2 * high;
	}
	double width = high - low;
	d->index = f->index;
	d->low = low;
	d->high = high;
	d->mode_share = width > 0 ? (mode - low) / width : 0;
	d->left = width * (mode - low);
	d->right = width * (high - mode);
}

#define SENSITIVITY_BINS 4096
/* The samples come in blocks of this many, each drawn from a generator
 * of its own (seeded from the run's seed and the block's number), so the
 * result is the seed's whatever thread draws which block. */
#define SENSITIVITY_BLOCK 250
/* A block's figures are drawn this many samples at a time, figure by
 * figure: a tight loop over samples that the processor pipelines and
 * that runs two samples per instruction where SSE2 is (x86-64). */
#define SENSITIVITY_BATCH 32
/* The answers drawn around what the team said (sensitivity_draw_answers). */
#define SENSITIVITY_ANSWERS 4
/* What they set: input and output tokens (both from the volume). */
#define SENSITIVITY_ANSWER_ROWS 5
/* Threads that take blocks, this one included. */
#define SENSITIVITY_WORKERS 2
#define SENSITIVITY_LOG_LOW 0.0		/* $1 */
#define SENSITIVITY_LOG_HIGH 9.0	/* $1,000,000,000 */

/* The value below which share of the histogram's mass lies. */
static double
sensitivity_percentile(const unsigned *bins, unsigned long total,
    unsigned long below, double share)
{
	double target = share * total;
	double seen = below;
	if (total == 0)
		return NAN;
	if (seen >= target)
		return pow(10, SENSITIVITY_LOG_LOW);
	for (int i = 0; i < SENSITIVITY_BINS; i++) {
		seen += bins[i];
		if (seen >= target) {
			double width = (SENSITIVITY_LOG_HIGH - SENSITIVITY_LOG_LOW) /
			    SENSITIVITY_BINS;
			return pow(10, SENSITIVITY_LOG_LOW + (i + 0.5) * width);
		}
	}
	return pow(10, SENSITIVITY_LOG_HIGH);
}

/* A discount price (cache read, batch) matters only when its share of the
 * traffic is above 0; otherwise it is not drawn, so the other draws, and
 * the result, stay what they were without it. */
static bool
sensitivity_figure_used(const struct profile *profile,
    const struct figure *f)
{
	const char *dot = strrchr(f->key, '.');
	if (dot == NULL || strncmp(f->key, "models.", 7) != 0)
		return true;
	if (strcmp(dot + 1, "cache_read_price") == 0)
		return profile->cached_input_share > 0;
	if (strncmp(dot + 1, "batch_", 6) == 0)
		return profile->batch_share > 0;
	return true;
}

/* A uniform number in [0, 1) from the generator. */
static double
sensitivity_uniform(struct sensitivity_random *random)
{
	return (double)(sensitivity_next(random) >> 11) * 0x1.0p-53;
}

/* A figure the Monte Carlo draws: it has a range, is not a size (memory,
 * weights, KV cache: whether a model fits is a fact), and its discount
 * share is in use. */
static bool
sensitivity_figure_drawn(const struct profile *profile, const struct figure *f)
{
	const char *unit = f->unit;
	return f->high > f->low && strcmp(unit, "GB") != 0 &&
	    strcmp(unit, "bytes/token") != 0 && strcmp(unit, "billion") != 0 &&
	    sensitivity_figure_used(profile, f);
}

/* Shapes a triangle over [low, high] peaking at mode as a draw of the
 * batches (sensitivity_triangle_batch gives sensitivity_triangular's
 * value for the same uniform). */
static void
sensitivity_shape_triangle(double low, double mode, double high,
    struct sensitivity_draw *d)
{
	double width = high - low;
	d->index = -1;
	d->low = width > 0 ? low : mode;
	d->high = width > 0 ? high : mode;
	d->mode_share = width > 0 ? (mode - low) / width : 0;
	d->left = width > 0 ? width * (mode - low) : 0;
	d->right = width > 0 ? width * (high - mode) : 0;
}

/* Whether the answers' draws can be shaped once per run: no spread is
 * drawn, so every sample's are the data's. */
static bool
sensitivity_answers_fixed(const struct sensitivity_base *base)
{
	const struct defaults *d = &base->data->defaults;
	const struct figure *spreads[] = { &d->volume_spread,
	    &d->ops_hours_spread, &d->hourly_rate_spread,
	    &d->complex_share_spread };
	for (size_t i = 0; i < sizeof spreads / sizeof spreads[0]; i++)
		if (sensitivity_figure_drawn(base->profile, spreads[i]))
			return false;
	return true;
}

/* The box the samples can fall in: each figure's draw support (its value
 * when not drawn) and the answers' spreads at their widest. */
static void
sensitivity_box(const struct sensitivity_base *base,
    const struct sensitivity_draw *draws, size_t draw_count,
    double *low, double *high, struct cost_box *box)
{
	const struct data *data = base->data;
	const struct defaults *d = &data->defaults;
	const struct profile *p = base->profile;

	for (size_t i = 0; i < data->figure_count; i++)
		low[i] = high[i] = data->values[i];
	for (size_t i = 0; i < draw_count; i++) {
		low[draws[i].index] = draws[i].low;
		high[draws[i].index] = draws[i].high;
	}
	double volume = p->input_tokens + p->output_tokens;
	double volume_spread = high[d->volume_spread.index];
	double rate_spread = high[d->hourly_rate_spread.index];
	double share_spread = high[d->complex_share_spread.index];
	box->figure_low = low;
	box->figure_high = high;
	box->volume_low = volume * (1 - volume_spread);
	if (box->volume_low < 0)
		box->volume_low = 0;
	box->volume_high = volume * (1 + volume_spread);
	box->rate_low = p->hourly_rate * (1 - rate_spread);
	box->rate_high = p->hourly_rate * (1 + rate_spread);
	box->complex_share_low = p->complex_share - share_spread;
	box->complex_share_high = p->complex_share + share_spread;
	if (box->complex_share_low < 0)
		box->complex_share_low = 0;
	if (box->complex_share_high > 1)
		box->complex_share_high = 1;
}

/* Scratch of one Monte Carlo run, allocated once per run. */
struct sensitivity_scratch {
	struct sensitivity_draw *draws;
	double *low, *high;
	struct cost_plan plan;
	bool planned;
};

static void
sensitivity_scratch_free(struct sensitivity_scratch *s)
{
	free(s->draws);
	free(s->low);
	free(s->high);
	if (s->planned)
		cost_plan_free(&s->plan);
}

/* Shapes the draws of every figure the Monte Carlo draws into draws;
 * returns how many. */
static size_t
sensitivity_shape_all(const struct sensitivity_base *base,
    struct sensitivity_draw *draws)
{
	const struct data *data = base->data;
	size_t count = 0;
	for (size_t i = 0; i < data->figure_count; i++) {
		const struct figure *f = data_figure_at(data, i);
		if (sensitivity_figure_drawn(base->profile, f))
			sensitivity_shape(f, &draws[count++]);
	}
	return count;
}

/* The plan of the box the draws span (s->draws holds count of them). */
static int
sensitivity_plan_draws(const struct sensitivity_base *base,
    struct sensitivity_scratch *s, size_t count, struct cost_plan *plan)
{
	struct cost_box box;
	sensitivity_box(base, s->draws, count, s->low, s->high, &box);
	return cost_plan_build(base->data, base->profile, base->scenario, &box,
	    plan);
}

/* Shapes the draws of the figures a run needs: with a plan, only those
 * the options that can win read.  Returns how many. */
static size_t
sensitivity_prepare(const struct sensitivity_base *base,
    struct sensitivity_scratch *s)
{
	size_t count = sensitivity_shape_all(base, s->draws), kept = 0;
	s->planned = sensitivity_plan_draws(base, s, count, &s->plan) == 0;
	if (!s->planned)
		return count;
	/* The operations hours are drawn as an answer (around the team's
	 * or its expertise's hours), so the figure is never read. */
	const struct defaults *d = &base->data->defaults;
	s->plan.figure_needed[d->ops_hours[base->profile->expertise].index] =
	    false;
	for (size_t i = 0; i < count; i++)
		if (s->plan.figure_needed[s->draws[i].index])
			s->draws[kept++] = s->draws[i];
	return kept;
}

/* The Monte Carlo's plan for a base (benchmarks, tests). */
int
sensitivity_plan(const struct sensitivity_base *base, struct cost_plan *plan)
{
	size_t figures = base->data->figure_count + 1;
	struct sensitivity_scratch s = {
		.draws = malloc(figures * sizeof *s.draws),
		.low = malloc(figures * sizeof *s.low),
		.high = malloc(figures * sizeof *s.high),
	};
	int status = -1;
	if (s.draws != NULL && s.low != NULL && s.high != NULL)
		status = sensitivity_plan_draws(base, &s,
		    sensitivity_shape_all(base, s.draws), plan);
	sensitivity_scratch_free(&s);
	return status;
}

/* The batch of a run's plan: its figures read from the rows the run
 * draws them in.  0, or -1 when out of memory. */
static int
sensitivity_batch_build(const struct sensitivity_base *base,
    const struct sensitivity_scratch *s, size_t draw_count,
    struct cost_batch *batch)
{
	const struct data *data = base->data;
	int *draw_row = malloc((data->figure_count + 1) * sizeof *draw_row);
	if (draw_row == NULL)
		return -1;
	for (size_t i = 0; i < data->figure_count; i++)
		draw_row[i] = -1;
	for (size_t i = 0; i < draw_count; i++)
		draw_row[s->draws[i].index] = (int)i;
	int status = cost_batch_build(batch, data, &s->plan, base->profile,
	    base->scenario, draw_row, SENSITIVITY_BATCH);
	free(draw_row);
	return status;
}

/* What every worker of a run reads, and the number of the next block
 * to draw. */
struct sensitivity_work {
	const struct sensitivity_base *base;
	const struct sensitivity_draw *draws;
	size_t draw_count;
	/* The answers' factors (volume, operations hours, hourly rate) and
	 * the hard share, drawn in the batches like figures when no spread
	 * is itself drawn (answers_batched); else sample by sample. */
	struct sensitivity_draw answers[SENSITIVITY_ANSWERS];
	bool answers_batched;
	const struct cost_plan *plan;		/* NULL: every option */
	/* The plan's self-hosted options priced a batch at a time, so that
	 * a sample prices in full only the few that can win (NULL when
	 * the plan or the batched answers are missing). */
	const struct cost_batch *batch;
	const struct decide_fixed *fixed;
	uint64_t seed;
	unsigned long samples, blocks;
	atomic_ulong next_block;
};

/* One thread's share of a run: it takes the next block until none is
 * left, so a thread that starts late (an idle processor can take
 * milliseconds to wake) leaves its blocks to the others instead of
 * making them wait.  Counts are whole numbers, so they add up to the
 * same result whichever worker drew which block. */
struct sensitivity_worker {
	struct sensitivity_work *work;
	/* Scratch. */
	double *values;
	double *drawn;		/* [draw][sample of the batch] */
	double uniform[SENSITIVITY_BATCH];
	/* The batch's answers: input and output tokens, operations hours,
	 * hourly rate, hard share (SENSITIVITY_ANSWER_ROWS). */
	double answers[SENSITIVITY_ANSWER_ROWS][SENSITIVITY_BATCH];
	double *totals;		/* cost_batch_price's, when work->batch */
	struct cost_plan_config *listed;	/* cost_batch_evaluate's */
	struct cost_result *cost;
	double metrics[EVALUATE_MAX_METRICS];
	struct decision outcome;
	/* Results. */
	unsigned long verdicts[VERDICT_COUNT];
	unsigned long below[OPTION_KIND_COUNT], counted[OPTION_KIND_COUNT];
	unsigned bins[OPTION_KIND_COUNT][SENSITIVITY_BINS];
};

/* log10(x) for the histogram of totals, within 1e-9 (its bins are
 * 0.0022 wide): x = m 2^e with m in [sqrt(1/2), sqrt(2)), ln m from five
 * terms of 2 atanh((m - 1) / (m + 1)).  A quarter of libm's log10, which
 * six calls a scenario made 3% of the Monte Carlo.  NAN or -inf where
 * log10 gives them (x <= 0: the caller counts those below the bins). */
double
sensitivity_log10(double x)
{
	uint64_t bits;
	memcpy(&bits, &x, sizeof bits);
	int e = (int)(bits >> 52 & 0x7FF);
	/* Not a positive normal number: libm's answer. */
	if (!(x > 0) || e == 0 || e == 0x7FF)
		return log10(x);
	/* x = m 2^e with m in [0.5, 1): the exponent of m set to -1. */
	bits = (bits & ~(0x7FFull << 52)) | (0x3FEull << 52);
	e -= 0x3FE;
	double m;
	memcpy(&m, &bits, sizeof m);
	if (m < M_SQRT1_2) {
		m *= 2;
		e--;
	}
	double s = (m - 1) / (m + 1), s2 = s * s;
	double ln = 2 * s * (1 + s2 * (1.0 / 3 + s2 * (1.0 / 5 +
	    s2 * (1.0 / 7 + s2 * (1.0 / 9)))));
	return (ln + e * M_LN2) * M_LOG10E;
}

/* Prices and decides one sample whose figures are in the worker's
 * values and whose answers are profile; counts its verdict and each
 * kind's cheapest total. */
static void
sensitivity_decide_sample(struct sensitivity_worker *w,
    const struct profile *profile, size_t n)
{
	const struct sensitivity_work *work = w->work;
	const struct sensitivity_base *base = work->base;
	const struct data *data = base->data;
	const double scale = SENSITIVITY_BINS /
	    (SENSITIVITY_LOG_HIGH - SENSITIVITY_LOG_LOW);

	if (work->batch != NULL)
		cost_batch_evaluate(work->batch, w->totals, n, w->values,
		    profile, base->scenario, w->listed, w->cost);
	else
		cost_evaluate_planned(data, w->values, profile, base->scenario,
		    work->plan, w->cost);
	metrics_compute(data, w->values, profile, base->scenario, w->cost,
	    base->breakeven, w->metrics);
	enum verdict v = decide_sample(base->rules, work->fixed, w->cost,
	    w->metrics, &w->outcome);
	if (v != VERDICT_NONE)
		w->verdicts[v]++;
	for (int k = 0; k < OPTION_KIND_COUNT; k++) {
		int best = w->cost->cheapest[k];
		if (best < 0)
			continue;
		double total = w->cost->options[best].monthly.total;
		double position = (sensitivity_log10(total) -
		    SENSITIVITY_LOG_LOW) * scale;
		w->counted[k]++;
		if (!(position >= 0))
			w->below[k]++;
		else
			w->bins[k][position >= SENSITIVITY_BINS ?
			    SENSITIVITY_BINS - 1 : (int)position]++;
	}
}

/* Turns uniforms u[0..n) into draws out[0..n) of one figure: the inverse
 * of its triangle's distribution (sensitivity_shape), low + sqrt(r x
 * left) left of the mode, high - sqrt((1 - r) x right) right of it.
 * With SSE2 two at a time, selecting by mask; the same numbers either
 * way. */
static void
sensitivity_triangle_batch(const struct sensitivity_draw *d,
    const double *u, double *out, size_t n)
{
	size_t i = 0;
#if defined(__SSE2__)
	const __m128d share = _mm_set1_pd(d->mode_share);
	const __m128d left = _mm_set1_pd(d->left), right = _mm_set1_pd(d->right);
	const __m128d low = _mm_set1_pd(d->low), high = _mm_set1_pd(d->high);
	const __m128d one = _mm_set1_pd(1);
	for (; i + 2 <= n; i += 2) {
		__m128d r = _mm_loadu_pd(u + i);
		__m128d is_left = _mm_cmplt_pd(r, share);
		__m128d square = _mm_or_pd(
		    _mm_and_pd(is_left, _mm_mul_pd(r, left)),
		    _mm_andnot_pd(is_left, _mm_mul_pd(_mm_sub_pd(one, r), right)));
		__m128d root = _mm_sqrt_pd(square);
		_mm_storeu_pd(out + i, _mm_or_pd(
		    _mm_and_pd(is_left, _mm_add_pd(low, root)),
		    _mm_andnot_pd(is_left, _mm_sub_pd(high, root))));
	}
#endif
	for (; i < n; i++) {
		double r = u[i];
		out[i] = r < d->mode_share ? d->low + sqrt(r * d->left) :
		    d->high - sqrt((1 - r) * d->right);
	}
}

/* The answers a team rarely knows exactly, drawn around what it said:
 * volume, operations hours and the hourly rate within +/- a share of the
 * answer, the hard share within +/- its spread, each triangular and
 * symmetric around the answer, so the answer is the middle of the draws
 * and a verdict right at a flip point wins about half of them.  Shapes
 * their draws from the spreads in values. */
static void
sensitivity_shape_answers(const struct data *data, const double *values,
    const struct profile *p, struct sensitivity_draw answers[SENSITIVITY_ANSWERS])
{
	const struct defaults *d = &data->defaults;
	const struct figure *factors[] = { &d->volume_spread,
	    &d->ops_hours_spread, &d->hourly_rate_spread };
	for (int i = 0; i < 3; i++) {
		double spread = values[factors[i]->index];
		sensitivity_shape_triangle(1 - spread, 1, 1 + spread,
		    &answers[i]);
	}
	double spread = values[d->complex_share_spread.index];
	double low = p->complex_share - spread, high = p->complex_share +
	    spread;
	sensitivity_shape_triangle(low < 0 ? 0 : low, p->complex_share,
	    high > 1 ? 1 : high, &answers[3]);
}

/* The answers of count samples from their draws (rows stride apart,
 * sample n at n): the volume, operations hours and hourly rate are
 * factors of the team's, the hard share is itself.  Written as rows of
 * SENSITIVITY_ANSWER_ROWS (cost_batch_answers' order). */
static void
sensitivity_answer_rows(const struct data *data, const struct profile *base,
    const double *drawn, size_t stride, size_t count,
    double rows[][SENSITIVITY_BATCH])
{
	double ops = profile_ops_hours(base, data);
	for (size_t n = 0; n < count; n++) {
		rows[0][n] = base->input_tokens * drawn[n];
		rows[1][n] = base->output_tokens * drawn[n];
		rows[2][n] = ops * drawn[stride + n];
		rows[3][n] = base->hourly_rate * drawn[2 * stride + n];
		rows[4][n] = drawn[3 * stride + n];
	}
}

/* Sets sample n's answers from the rows.  p starts as a copy of the
 * base (sensitivity_run_block): only these change between samples. */
static void
sensitivity_set_answers(double rows[][SENSITIVITY_BATCH], size_t n,
    struct profile *p)
{
	p->input_tokens = rows[0][n];
	p->output_tokens = rows[1][n];
	p->ops_hours_per_month = rows[2][n];
	p->ops_hours_set = true;
	p->hourly_rate = rows[3][n];
	p->complex_share = rows[4][n];
}

/* Draws the answers of one sample whose spreads are drawn too (the
 * batches draw them otherwise: sensitivity_run_block). */
static void
sensitivity_draw_answers(const struct data *data, const double *values,
    const struct profile *base, struct sensitivity_random *random,
    struct profile *p)
{
	struct sensitivity_draw answers[SENSITIVITY_ANSWERS];
	double drawn[SENSITIVITY_ANSWERS];
	double rows[SENSITIVITY_ANSWER_ROWS][SENSITIVITY_BATCH];
	sensitivity_shape_answers(data, values, base, answers);
	for (int i = 0; i < SENSITIVITY_ANSWERS; i++) {
		double r = sensitivity_uniform(random);
		sensitivity_triangle_batch(&answers[i], &r, &drawn[i], 1);
	}
	sensitivity_answer_rows(data, base, drawn, 1, 1, rows);
	sensitivity_set_answers(rows, 0, p);
}

/* Draws and decides one block's samples, SENSITIVITY_BATCH at a time:
 * each figure's draws for the batch first, then sample by sample the
 * answers, costs, metrics and verdict. */
static void
sensitivity_run_block(struct sensitivity_worker *w, unsigned long block)
{
	const struct sensitivity_work *work = w->work;
	const struct sensitivity_base *base = work->base;
	const struct data *data = base->data;
	const struct sensitivity_draw *draws = work->draws;
	const size_t draw_count = work->draw_count;
	double *values = w->values, *drawn = w->drawn;
	struct sensitivity_random random;
	struct profile profile;
	uint64_t x = work->seed + block * 0x9E3779B97F4A7C15ull;
	unsigned long first = block * SENSITIVITY_BLOCK;
	unsigned long samples = work->samples - first < SENSITIVITY_BLOCK ?
	    work->samples - first : SENSITIVITY_BLOCK;

	for (int i = 0; i < 4; i++)
		random.s[i] = sensitivity_splitmix(&x);
	profile = *base->profile;
	for (unsigned long done = 0; done < samples;
	    done += SENSITIVITY_BATCH) {
		size_t batch = samples - done < SENSITIVITY_BATCH ?
		    samples - done : SENSITIVITY_BATCH;
		size_t rows = draw_count +
		    (work->answers_batched ? SENSITIVITY_ANSWERS : 0);
		for (size_t i = 0; i < rows; i++) {
			/* Two 32-bit uniforms from each 64-bit draw. */
			for (size_t n = 0; n < batch; n += 2) {
				uint64_t bits = sensitivity_next(&random);
				w->uniform[n] = (double)(uint32_t)(bits >> 32) *
				    0x1.0p-32;
				w->uniform[n + 1] = (double)(uint32_t)bits *
				    0x1.0p-32;
			}
			sensitivity_triangle_batch(i < draw_count ? &draws[i] :
			    &work->answers[i - draw_count], w->uniform,
			    drawn + i * SENSITIVITY_BATCH, batch);
		}
		if (work->answers_batched)
			sensitivity_answer_rows(data, base->profile, drawn +
			    draw_count * SENSITIVITY_BATCH, SENSITIVITY_BATCH,
			    batch, w->answers);
		if (work->batch != NULL) {
			const struct cost_batch_answers answers = {
				w->answers[0], w->answers[1], w->answers[2],
				w->answers[3], w->answers[4],
			};
			cost_batch_price(work->batch, drawn, &answers, batch,
			    w->totals);
		}
		for (size_t n = 0; n < batch; n++) {
			for (size_t i = 0; i < draw_count; i++)
				values[draws[i].index] =
				    drawn[i * SENSITIVITY_BATCH + n];
			if (work->answers_batched)
				sensitivity_set_answers(w->answers, n, &profile);
			else
				sensitivity_draw_answers(data, values,
				    base->profile, &random, &profile);
			sensitivity_decide_sample(w, &profile, n);
		}
	}
}

/* A worker's loop: the next block until there is none. */
static void *
sensitivity_run_worker(void *argument)
{
	struct sensitivity_worker *w = argument;
	unsigned long block;
	while ((block = atomic_fetch_add(&w->work->next_block, 1)) <
	    w->work->blocks)
		sensitivity_run_block(w, block);
	return NULL;
}

/* Allocates a worker's scratch for draw_count figures drawn, values
 * starting as the data's; false when out of memory. */
static bool
sensitivity_worker_start(struct sensitivity_worker *w,
    const struct data *data, size_t draw_count, const struct cost_batch *batch)
{
	w->values = malloc((data->figure_count + 1) * sizeof *w->values);
	w->drawn = malloc((draw_count + 1) * SENSITIVITY_BATCH *
	    sizeof *w->drawn);
	w->cost = malloc(sizeof *w->cost);
	if (w->values == NULL || w->drawn == NULL || w->cost == NULL)
		return false;
	if (batch != NULL) {
		w->totals = malloc((2 * batch->option_count + 1) *
		    SENSITIVITY_BATCH * sizeof *w->totals);
		w->listed = malloc((batch->plan->config_count + 1) *
		    sizeof *w->listed);
		if (w->totals == NULL || w->listed == NULL)
			return false;
	}
	memcpy(w->values, data->values, data->figure_count * sizeof *w->values);
	return true;
}

static void
sensitivity_worker_free(struct sensitivity_worker *w)
{
	free(w->values);
	free(w->drawn);
	free(w->totals);
	free(w->listed);
	free(w->cost);
	free(w);
}

/* Asks for a worker's thread on another processor than this one's, so
 * that the two draw at once from the start: left to itself, Linux often
 * starts a new thread on its creator's processor and moves it only
 * after some milliseconds, most of a run (measured: README, "Speed").
 * Where affinity cannot be set, the system places the thread. */
static void
sensitivity_thread_placement(pthread_attr_t *attributes, size_t worker)
{
#if defined(__GLIBC__) && defined(CPU_SET)
	cpu_set_t allowed, chosen;
	int here = sched_getcpu(), seen = 0;
	if (here < 0 || sched_getaffinity(0, sizeof allowed, &allowed) != 0)
		return;
	for (int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
		if (cpu == here || !CPU_ISSET(cpu, &allowed))
			continue;
		/* The worker-th other processor, counting from 1. */
		if ((size_t)++seen == worker) {
			CPU_ZERO(&chosen);
			CPU_SET(cpu, &chosen);
			pthread_attr_setaffinity_np(attributes, sizeof chosen,
			    &chosen);
			return;
		}
	}
#else
	(void)attributes;
	(void)worker;
#endif
}

/* How long sensitivity_join polls before it sleeps: polls of one
 * sched_yield each (1.3 us here, so about 3 ms, ten blocks). */
#define SENSITIVITY_JOIN_POLLS 2000

/* Waits for a worker's thread.  This thread has just drawn its last
 * block, and the other is at most one block behind (0.3 ms), so it polls
 * rather than sleeps: woken from a sleep, an idle processor of a virtual
 * machine took 0.1-0.3 ms to run this thread again, in the runs where
 * the other thread finished last (README, "Speed").  Past the polls (a
 * busy machine) it sleeps in pthread_join. */
static void
sensitivity_join(pthread_t thread)
{
#if defined(__GLIBC__)
	for (long polls = 0; polls < SENSITIVITY_JOIN_POLLS; polls++) {
		if (pthread_tryjoin_np(thread, NULL) == 0)
			return;
		sched_yield();
	}
#endif
	pthread_join(thread, NULL);
}

/* Runs the workers, the first on this thread and the others each on a
 * thread of its own where threads can be made (this thread then draws
 * their blocks too); this thread runs alongside first, when given. */
static void
sensitivity_run_workers(struct sensitivity_worker **workers, size_t count,
    void (*alongside)(void *), void *argument)
{
	pthread_t threads[SENSITIVITY_WORKERS];
	bool started[SENSITIVITY_WORKERS] = { false };

	for (size_t i = 1; i < count; i++) {
		pthread_attr_t attributes;
		if (pthread_attr_init(&attributes) != 0)
			continue;
		sensitivity_thread_placement(&attributes, i);
		started[i] = pthread_create(&threads[i], &attributes,
		    sensitivity_run_worker, workers[i]) == 0;
		pthread_attr_destroy(&attributes);
	}
	if (alongside != NULL)
		alongside(argument);
	sensitivity_run_worker(workers[0]);
	for (size_t i = 1; i < count; i++)
		if (started[i])
			sensitivity_join(threads[i]);
}

/* Adds the workers' counts up into the shares and percentiles. */
static void
sensitivity_summarise(struct sensitivity_worker **workers, size_t count,
    unsigned long samples, struct sensitivity_uncertainty *u)
{
	struct sensitivity_worker *total = workers[0];
	for (size_t i = 1; i < count; i++) {
		const struct sensitivity_worker *c = workers[i];
		for (int v = 0; v < VERDICT_COUNT; v++)
			total->verdicts[v] += c->verdicts[v];
		for (int k = 0; k < OPTION_KIND_COUNT; k++) {
			total->below[k] += c->below[k];
			total->counted[k] += c->counted[k];
			for (int b = 0; b < SENSITIVITY_BINS; b++)
				total->bins[k][b] += c->bins[k][b];
		}
	}
	for (int v = 0; v < VERDICT_COUNT; v++)
		u->share[v] = (double)total->verdicts[v] / samples;
	for (int k = 0; k < OPTION_KIND_COUNT; k++) {
		u->p10[k] = sensitivity_percentile(total->bins[k],
		    total->counted[k], total->below[k], 0.10);
		u->p50[k] = sensitivity_percentile(total->bins[k],
		    total->counted[k], total->below[k], 0.50);
		u->p90[k] = sensitivity_percentile(total->bins[k],
		    total->counted[k], total->below[k], 0.90);
	}
}

/* The uncertainty from samples drawn with the seed: every figure with a
 * range that an option able to win reads (cost_plan.c), and the
 * uncertain answers.  The samples come in blocks of SENSITIVITY_BLOCK,
 * each with a generator seeded from the seed and its number, drawn by
 * SENSITIVITY_WORKERS threads: the result depends on the seed alone.
 * Out of memory, no samples are drawn. */
void
sensitivity_monte_carlo(const struct sensitivity_base *base,
    unsigned long samples, unsigned long seed,
    struct sensitivity_uncertainty *u)
{
	sensitivity_monte_carlo_alongside(base, samples, seed, u, NULL, NULL);
}

/* The Monte Carlo with work alongside it (sensitivity.h). */
void
sensitivity_monte_carlo_alongside(const struct sensitivity_base *base,
    unsigned long samples, unsigned long seed,
    struct sensitivity_uncertainty *u, void (*alongside)(void *),
    void *argument)
{
	const struct data *data = base->data;
	size_t figures = data->figure_count + 1;
	struct sensitivity_scratch s = {
		.draws = malloc(figures * sizeof *s.draws),
		.low = malloc(figures * sizeof *s.low),
		.high = malloc(figures * sizeof *s.high),
	};
	struct sensitivity_worker *workers[SENSITIVITY_WORKERS] = { NULL };
	static struct decide_fixed fixed;
	struct sensitivity_work work;
	struct cost_batch batch;
	bool ready = s.draws != NULL && s.low != NULL && s.high != NULL;

	memset(u, 0, sizeof *u);
	u->samples = samples;
	u->seed = seed;
	for (int k = 0; k < OPTION_KIND_COUNT; k++)
		u->p10[k] = u->p50[k] = u->p90[k] = NAN;
	if (base->rules == NULL || samples == 0 || !ready) {
		sensitivity_scratch_free(&s);
		if (!ready)
			u->samples = 0;
		if (alongside != NULL)
			alongside(argument);
		return;
	}
	work.base = base;
	work.draw_count = sensitivity_prepare(base, &s);
	work.answers_batched = sensitivity_answers_fixed(base);
	sensitivity_shape_answers(data, data->values, base->profile,
	    work.answers);
	work.batch = NULL;
	if (s.planned && work.answers_batched &&
	    sensitivity_batch_build(base, &s, work.draw_count, &batch) == 0)
		work.batch = &batch;
	for (size_t i = 0; i < SENSITIVITY_WORKERS && ready; i++) {
		workers[i] = calloc(1, sizeof *workers[i]);
		ready = workers[i] != NULL && sensitivity_worker_start(
		    workers[i], data, work.draw_count + SENSITIVITY_ANSWERS,
		    work.batch);
	}
	if (ready) {
		work.draws = s.draws;
		work.plan = s.planned ? &s.plan : NULL;
		/* The rules that read only answers not drawn fire the same
		 * way in every sample: evaluated once, from the base
		 * metrics. */
		decide_fix(base->rules, base->metrics, &fixed);
		work.fixed = &fixed;
		work.seed = seed;
		work.samples = samples;
		work.blocks = (samples + SENSITIVITY_BLOCK - 1) /
		    SENSITIVITY_BLOCK;
		atomic_init(&work.next_block, 0);
		for (size_t i = 0; i < SENSITIVITY_WORKERS; i++)
			workers[i]->work = &work;
		sensitivity_run_workers(workers, SENSITIVITY_WORKERS, alongside,
		    argument);
		sensitivity_summarise(workers, SENSITIVITY_WORKERS, samples, u);
	} else {
		u->samples = 0;
		if (alongside != NULL)
			alongside(argument);
	}
	for (size_t i = 0; i < SENSITIVITY_WORKERS; i++)
		if (workers[i] != NULL)
			sensitivity_worker_free(workers[i]);
	if (work.batch != NULL)
		cost_batch_free(&batch);
	sensitivity_scratch_free(&s);
}
