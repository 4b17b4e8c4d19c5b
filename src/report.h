/* report.h - the views of an evaluation (evaluate.h): plain text for an
 * 80-column terminal, a markdown decision report and the JSON result, and
 * the sentences they and the terminal front end share.  Views compute
 * nothing; the language is an argument (JSON is always English). */
#ifndef LLMADVISOR_REPORT_H
#define LLMADVISOR_REPORT_H

#include <time.h>

#include "cost.h"
#include "data.h"
#include "evaluate.h"
#include "i18n.h"
#include "profile.h"
#include "rules.h"
#include "sensitivity.h"
#include "util.h"

enum report_format {
	REPORT_TEXT,
	REPORT_MARKDOWN,
	REPORT_JSON,
};

/* One item of the article's decision checklist, and whether it applies. */
struct report_check {
	enum verdict outcome;		/* the list it belongs to */
	const char *text;		/* translatable */
	bool applies;
};

#define REPORT_MAX_CHECKS 16

/* Sentences shared by the renderers and the terminal front end. */
/* "12M input + 2M output tokens per month (14M in all)". */
void report_workload_sentence(const struct evaluation *, struct buffer *);
/* Where the cheapest API and self-hosting cross, or why they do not. */
void report_breakeven_sentence(const struct evaluation *, struct buffer *);
/* How soon the cheapest owned option pays for itself. */
void report_payback_sentence(const struct evaluation *, struct buffer *);
/* "+$1,234": a reason's amount in USD a month. */
void report_reason_amount(char *out, size_t size, double usd);
/* What a reason is about, after its text: for a veto the outcomes it
 * rules out ("Rules out: ..."), for an adjustment the outcome it was
 * compared with ("Compared with ..."); nothing for ledger lines, whose
 * sentences name both outcomes. */
void report_reason_note(const struct evaluation *, size_t index,
	enum i18n_language, struct buffer *);
/* An outcome's standing: "recommended", "allowed", "vetoed" or "no
 * option" (translated); with_rules names the vetoes: "vetoed by: ids". */
void report_outcome_status(const struct evaluation *, enum verdict,
	bool with_rules, struct buffer *);
/* The line under the outcome tables: what the columns mean. */
const char *report_outcome_legend(void);
/* The verdict's phrase, or "Too close to call: X or Y". */
void report_verdict_phrase(const struct evaluation *, enum i18n_language,
	struct buffer *);
/* "Rules read: FILE (N rules); FILE (N rules; switches off ID)." */
void report_rule_files_sentence(const struct evaluation *, struct buffer *);
/* Three sentences: the verdict, the money, what would change it. */
void report_summary(const struct evaluation *, struct buffer *);
/* The stale-prices warning text, or nothing when no price is stale. */
void report_stale_sentence(const struct evaluation *, enum i18n_language,
	struct buffer *);
/* Which API prices the cache and batch shares used, or nothing when both
 * shares are 0. */
void report_discount_sentence(const struct evaluation *, struct buffer *);
/* Which open-weights model the self-hosted options run, and why (auto's
 * pick or self_hosted_model's pin). */
void report_self_hosted_sentence(const struct evaluation *, struct buffer *);
/* Fills checks with the article's checklist; returns how many. */
size_t report_checklist(const struct evaluation *, struct report_check *checks);
/* "Go closed (API) if" and its siblings: the checklist's headings. */
const char *report_check_heading(enum verdict);
/* A figure's value and unit as a person reads them, in the language:
 * "50M tokens" (never 5e+07), "1 stream" (singular for one). */
void report_figure_value(const struct figure *, enum i18n_language,
	char *out, size_t size);
/* A figure's plausible range, "2 to 5", numbers as in
 * report_figure_value. */
void report_figure_range(const struct figure *, enum i18n_language,
	char *out, size_t size);
/* True when figure index is a stale price. */
bool report_figure_is_stale(const struct evaluation *, size_t index);
/* Appends the cost-against-volume chart as text (CHART_REPORT_WIDTH x
 * CHART_REPORT_HEIGHT cells); ascii draws lines and marks in ASCII,
 * labels keep their UTF-8 letters. */
void report_chart_text(const struct evaluation *, bool ascii, struct buffer *);
/* The latest as-of date among the figures read from a file. */
const char *report_data_as_of(const struct evaluation *, const char *file);

/* "87% of 10,000 scenarios agree" (empty without a verdict). */
void report_confidence_sentence(const struct evaluation *, struct buffer *);
/* "Switches to Use both (hybrid) if monthly volume rises above 102M
 * tokens." for flip point index. */
void report_flip_sentence(const struct evaluation *, size_t index,
	struct buffer *);
/* A parameter's value as a person reads it: "102M tokens", "30%",
 * "$120/hour", "x0.5". */
void report_parameter_value(enum sensitivity_parameter, double value,
	char *out, size_t size);

/* The text and markdown reports.  Their headings and sentences come from
 * the message catalogue of the current locale; language chooses the
 * language of the rules' reasons and warnings (I18N_TRANSLATED for a
 * person, I18N_ENGLISH for the catalogue's English). */
void report_render_text(const struct evaluation *, enum i18n_language,
	struct buffer *);
void report_render_markdown(const struct evaluation *, enum i18n_language,
	struct buffer *);
/* The JSON result's assumptions list, as report_json_render writes it
 * (design.md "JSON result") for the evaluation given as context (a
 * json_raw_writer); exposed for the test that compares it with the same
 * list built as cJSON items. */
void report_json_assumptions_write(struct buffer *, const void *evaluation);
/* The JSON result with the stable keys of the JSON contract; its texts are
 * always English. */
int report_json_render(const struct evaluation *, struct buffer *,
	char **cause);

/* A stable id for an option: "api:gpt-4o", "cloud_24x7:a100-40gb:int4:x1". */
void report_option_id(const struct cost_option *, char *out, size_t size);
/* A short human label: "GPT-4o", "1x NVIDIA A100 40GB (int4)". */
void report_option_label(const struct cost_option *, char *out, size_t size);
/* A GPU's name without vendor and parenthesised notes ("A100 80GB"). */
void report_gpu_short_name(const struct gpu *, char *out, size_t size);
/* "Closed API", "Cloud GPUs, on demand", ... (translated). */
const char *report_kind_label(enum option_kind);
/* Parses text|markdown|json, or guesses from a file name's extension;
 * returns -1 when it cannot tell. */
int report_format_from_name(const char *name, enum report_format *);
/* "-" (standard output) is text. */
int report_format_from_path(const char *path, enum report_format *);

#endif
