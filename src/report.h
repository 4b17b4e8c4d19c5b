/* report.h - what an evaluation produced, and its renderings for people:
 * plain text for an 80-column terminal and a markdown decision report.
 * (JSON is rendered by jsonio.c, the only cJSON user.) */
#ifndef LLMADVISOR_REPORT_H
#define LLMADVISOR_REPORT_H

#include "cost.h"
#include "data.h"
#include "profile.h"
#include "util.h"

enum report_format {
	REPORT_TEXT,
	REPORT_MARKDOWN,
	REPORT_JSON,
};

/* Everything one run computed, handed to every renderer. */
struct report {
	const struct data *data;
	const struct profile *profile;
	const struct cost_result *cost;
	double breakeven;		/* tokens/month, NAN when none */
};

/* Computes the costs and breakeven for a profile into storage the caller
 * owns (cost_result is large: keep it static or on the heap). */
void report_evaluate(struct report *, const struct data *,
	const struct profile *, struct cost_result *);

void report_render_text(const struct report *, struct buffer *);
void report_render_markdown(const struct report *, struct buffer *);

/* A stable id for an option: "api:gpt-4o", "cloud_24x7:a100-40gb:int4:x1". */
void report_option_id(const struct cost_option *, char *out, size_t size);
/* A short human label: "GPT-4o", "1x NVIDIA A100 40GB (int4)". */
void report_option_label(const struct cost_option *, char *out, size_t size);
/* "closed API", "cloud GPUs, on demand", ... (translated). */
const char *report_kind_label(enum option_kind);
/* Parses text|markdown|json, or guesses from a file name's extension;
 * returns -1 when it cannot tell. */
int report_format_from_name(const char *name, enum report_format *);
int report_format_from_path(const char *path, enum report_format *);

#endif
