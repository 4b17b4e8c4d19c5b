/* listing.h - the data listings (--list-models, --list-gpus): every
 * figure with its provenance, as text tables or JSON.  A view: it reads
 * the loaded data and computes nothing else. */
#ifndef LLMADVISOR_LISTING_H
#define LLMADVISOR_LISTING_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "data.h"
#include "util.h"

/* Where a figure came from: "default" (built into the program or the
 * installed data folder), "import" (a prices.yaml) or "override" (any
 * other data folder). */
const char *listing_origin(const struct figure *, const char *system_dir);
/* A model's figures in a fixed order; returns how many. */
size_t listing_model_figures(const struct model *,
	const struct figure **figures, const char **names, size_t size);
/* A GPU's own figures (memory, prices, power); returns how many. */
size_t listing_gpu_figures(const struct gpu *, const struct figure **figures,
	const char **names, size_t size);
/* Aligned tables of every model's or GPU's figures. */
void listing_models(const struct data *, time_t now,
	const char *system_dir, struct buffer *out);
void listing_gpus(const struct data *, time_t now,
	const char *system_dir, struct buffer *out);
/* What self_hosted_model auto picks for one set of answers (computed by
 * the caller: a listing computes nothing): a label and a model index
 * (-1: none fits). */
struct listing_pick {
	const char *label;
	int model;
};
/* The lines under --list-models that say which open-weights model
 * self-hosting runs: defaults.yaml's pin, or auto's picks. */
void listing_self_hosted(const struct data *, const struct listing_pick *,
	size_t count, struct buffer *out);
/* --list-models (gpus false) or --list-gpus as JSON. */
int listing_render_json(const struct data *, bool gpus, time_t now,
	const char *system_dir, struct buffer *, char **cause);

#endif
