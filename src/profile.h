/* profile.h - the answers a team gives: defaults, validation, loading from
 * YAML or JSON answers files and from --set KEY=VALUE, and saving. */
#ifndef LLMADVISOR_PROFILE_H
#define LLMADVISOR_PROFILE_H

#include <stdbool.h>

#include "data.h"
#include "doc.h"
#include "util.h"

enum quality_need { QUALITY_BEST, QUALITY_GOOD_ENOUGH };
enum privacy { PRIVACY_NONE, PRIVACY_CONTRACTUAL, PRIVACY_HARD };
enum fine_tuning { FINE_TUNING_NONE, FINE_TUNING_EXPLORING,
	FINE_TUNING_DATASET_READY };
enum lock_in { LOCK_IN_ACCEPTABLE, LOCK_IN_AVOID, LOCK_IN_UNACCEPTABLE };
enum hardware { HARDWARE_NONE, HARDWARE_WORKSTATION_GPU,
	HARDWARE_APPLE_SILICON, HARDWARE_DATACENTER_GPU };
enum deployment { DEPLOYMENT_CLOUD, DEPLOYMENT_ON_PREM };
enum availability { AVAILABILITY_BEST_EFFORT, AVAILABILITY_REDUNDANT };

/* The longest GPU id a hardware answer may name, with its NUL. */
#define PROFILE_MAX_GPU_ID 64
/* The longest open-weights model id self_hosted_model may name, with
 * its NUL, and the longest "FILE:LINE:COL" kept of where it was given. */
#define PROFILE_MAX_MODEL_ID 128
#define PROFILE_MAX_WHERE 256
/* self_hosted_model's answer that lets each evaluation pick the model. */
#define PROFILE_SELF_HOSTED_AUTO "auto"
/* Most GPUs a hardware answer may say the team owns. */
#define PROFILE_MAX_OWNED_GPUS 100000

/* The answers file's names of each choice, in enum order, NULL-ended
 * (the rule names that read choices use them too). */
extern const char *const profile_quality_names[];
extern const char *const profile_expertise_names[];
extern const char *const profile_privacy_names[];
extern const char *const profile_fine_tuning_names[];
extern const char *const profile_ecosystem_names[];
extern const char *const profile_lock_in_names[];
extern const char *const profile_hardware_names[];
extern const char *const profile_deployment_names[];
extern const char *const profile_availability_names[];
/* The GPU each hardware word stands for (one of it), in enum order:
 * NULL for none.  "hardware: workstation_gpu" means {gpu: a6000, count: 1}. */
extern const char *const profile_hardware_gpus[];

/* Managed features, as bits of profile.ecosystem. */
#define ECOSYSTEM_TOOL_USE		(1u << 0)
#define ECOSYSTEM_FUNCTION_CALLING	(1u << 1)
#define ECOSYSTEM_STRUCTURED_OUTPUT	(1u << 2)

struct profile {
	double input_tokens;		/* per month */
	double output_tokens;		/* per month */
	double peak_to_mean;
	double cached_input_share;	/* 0..1: input read from a prompt cache */
	double batch_share;		/* 0..1: traffic sent through batch APIs */
	double complex_share;		/* 0..1 */
	enum quality_need quality;
	enum expertise expertise;
	double hourly_rate;		/* USD per engineer hour */
	double ops_hours_per_month;	/* valid when ops_hours_set */
	bool ops_hours_set;
	enum privacy privacy;
	enum fine_tuning fine_tuning;
	double fine_tuning_tokens;	/* training dataset, tokens */
	double retrains_per_year;	/* dataset_ready: trainings a year */
	unsigned ecosystem;		/* ECOSYSTEM_* bits */
	enum lock_in lock_in;
	double horizon_months;
	enum hardware hardware;		/* a word, or the class of owned_gpu */
	/* hardware: {gpu: ID, count: N}: the GPUs the team owns; an empty
	 * id when the answer is a word (profile_owned_gpu resolves both). */
	char owned_gpu[PROFILE_MAX_GPU_ID];
	int owned_gpu_count;
	enum deployment deployment;
	enum availability availability;
	/* self_hosted_model: "auto", an open_weights id, or "" when not
	 * answered (the data's default, defaults.yaml self_hosted_model);
	 * where it was answered ("FILE:LINE:COL") for profile_check_data. */
	char self_hosted_model[PROFILE_MAX_MODEL_ID];
	char self_hosted_model_at[PROFILE_MAX_WHERE];
	char owned_gpu_at[PROFILE_MAX_WHERE];	/* FILE:LINE:COL of hardware.gpu */
	/* The model the self-hosted options run in this evaluation: an index
	 * in data.models that evaluate_self_hosted_model resolves once per
	 * run; -1 before (cost_evaluate then uses the data's pinned default). */
	int self_hosted_index;
	double api_price_factor;	/* the results' sliders (1: the data) */
	double gpu_price_factor;
};

enum profile_field_type {
	PROFILE_TOKENS,			/* number with optional k/M/B */
	PROFILE_NUMBER,
	PROFILE_CHOICE,
	PROFILE_FLAGS,			/* list of names, stored as bits */
	PROFILE_MODEL,			/* auto or an open_weights id */
};

/* The longest answer key (dotted) there could be, plus room. */
#define PROFILE_MAX_KEY 128
#define PROFILE_MAX_PRESETS 8

/* One answers-file key: the single definition every front end uses.  The
 * texts are English msgids (N_()): translate them with _() when shown. */
struct profile_field {
	const char *key;		/* dotted, as in the answers file */
	enum profile_field_type type;
	double low, high;		/* numbers */
	const char *const *names;	/* choices and flags, NULL-ended */
	const char *unit;		/* for messages and reports */
	const char *label;		/* short label */
	const char *question;		/* the question as a person asks it */
	const char *help;		/* why the answer matters */
	double presets[PROFILE_MAX_PRESETS];	/* numbers: answers to offer */
	int preset_count;
	const char *const *labels;	/* one readable text per name, or NULL */
};

extern const struct profile_field profile_fields[];
/* The fields the questionnaire asks: the first profile_question_count
 * of profile_fields (the others are set by the results' sliders). */
extern const size_t profile_question_count;
extern const size_t profile_field_count;

/* Fills in every documented default. */
void profile_defaults(struct profile *);
/* Reads an answers file (YAML, or JSON when it ends in .json or starts with
 * '{'); an empty file means all defaults.  Keys not in the file keep their
 * current value. */
int profile_load_file(struct profile *, const char *path, char **cause);
/* The same for an answers text already in memory (NUL-terminated); path
 * names it in messages and a .json ending selects JSON. */
int profile_load_text(struct profile *, const char *path, const char *text,
	size_t length, char **cause);
/* Applies a parsed answers tree. */
int profile_apply_doc(struct profile *, const struct doc *, char **cause);
/* Applies KEY=VALUE (a --set option). */
int profile_set(struct profile *, const char *assignment, char **cause);
/* Checks the answers that name entries of the data: self_hosted_model
 * must be auto or an open_weights id ("FILE:LINE:COL: ..." with a
 * suggestion otherwise). */
int profile_check_data(const struct profile *, const struct data *,
	char **cause);
/* self_hosted_model as an answers file spells it: the answer, or the
 * data's default when there is none (data may be NULL: "auto"). */
const char *profile_self_hosted_answer(const struct profile *,
	const struct data *);
/* The ops hours in force: the answer, or the expertise default. */
double profile_ops_hours(const struct profile *, const struct data *);
/* The GPUs the team owns: the id (NULL for none) and *count, from the
 * hardware mapping or the word's shorthand (profile_hardware_gpus). */
const char *profile_owned_gpu(const struct profile *, int *count);
/* Writes the answers as a YAML answers file into buffer. */
void profile_write_yaml(const struct profile *, const struct data *,
	struct buffer *);

/* Reads and writes a field through its key (for generic front ends).
 * Numbers come back as a double; choices as their index; flags as bits;
 * a model answer (text) as 1 when it names a model, else 0, and is not
 * set through a number. */
double profile_get_value(const struct profile *, const struct profile_field *);
void profile_set_value(struct profile *, const struct profile_field *,
	double value);
const struct profile_field *profile_find_field(const char *key);
/* The value as it would be written in an answers file. */
void profile_format_value(const struct profile *, const struct data *,
	const struct profile_field *, char *out, size_t size);

/* A value as people read it in the field's unit ("250M tokens a month",
 * "30%", "$100 an hour"), translated. */
void profile_format_readable(const struct profile_field *, double value,
	char *out, size_t size);
/* The same in a language (the reports pass theirs). */
void profile_format_readable_in(enum i18n_language,
	const struct profile_field *, double value, char *out, size_t size);
/* Parses what a person typed for a number field (k/M/B for tokens, a %
 * sign for shares, at most PROFILE_INPUT_MAX bytes are read): 0 with
 * *value in the field's range, or -1 with a *cause (which may be NULL)
 * saying what would do. */
#define PROFILE_INPUT_MAX 40
int profile_parse_input(const struct profile_field *, const char *input,
	double *value, char **cause);
/* True when a typed number is outside the field's usual range (the
 * table profile_usual_ranges in profile.c), so a front end asks before
 * it takes it; *low and *high (either may be NULL) receive the range. */
bool profile_value_unusual(const struct profile_field *, double value,
	double *low, double *high);

#endif
