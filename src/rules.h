/* rules.h - the rule engine: data/rules.yaml (plus rules.d additions)
 * compiled once into conditions over answers and computed metrics, then
 * evaluated without allocation into scores, vetoes, reasons and warnings.
 *
 * Verdict: the outcome with the highest score that no rule vetoed.  Ties
 * go to the outcome that asks least of the team: closed, then hybrid, then
 * open.  When every outcome is vetoed, the verdict is the least-vetoed
 * highest score and a warning says the constraints conflict. */
#ifndef LLMADVISOR_RULES_H
#define LLMADVISOR_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "cost.h"
#include "data.h"
#include "i18n.h"
#include "profile.h"
#include "util.h"

enum verdict {
	VERDICT_CLOSED,
	VERDICT_OPEN,
	VERDICT_HYBRID,
	VERDICT_COUNT,
	VERDICT_NONE = -1
};

#define RULES_MAX 256

enum rules_effect {
	RULES_FAVOUR,			/* adds weight to an outcome */
	RULES_VETO,			/* rules out outcomes or option kinds */
	RULES_WARN,			/* raises a warning */
};

struct expr;
struct template;

struct rule {
	const char *id;
	const char *file;		/* where it was defined */
	int line, column;
	enum rules_effect effect;
	enum verdict favours;		/* RULES_FAVOUR */
	double weight;			/* a constant weight ... */
	struct expr *weight_expression;	/* ... or an expression (or NULL) */
	unsigned veto_verdicts;		/* RULES_VETO: 1 << verdict */
	unsigned veto_kinds;		/* RULES_VETO: 1 << option kind */
	const char *warning;		/* RULES_WARN: the warning's id */
	struct expr *when;
	struct template *because;	/* as written (English) */
	struct template *because_translated;	/* or NULL */
	const char *because_text;	/* the template as written */
};

struct rules {
	struct arena arena;
	struct rule rules[RULES_MAX];
	size_t count;
	const char *files[32];		/* every file read, in order */
	size_t file_count;
};

/* What one evaluation of every rule found. */
struct rules_outcome {
	double score[VERDICT_COUNT];
	unsigned vetoed;		/* 1 << verdict */
	unsigned vetoed_kinds;		/* 1 << option kind */
	enum verdict verdict;
	bool conflict;			/* every outcome was vetoed */
	unsigned short fired[RULES_MAX];	/* favour and veto rules */
	double weight[RULES_MAX];		/* their weights */
	size_t fired_count;
	unsigned short warnings[RULES_MAX];	/* warn rules */
	size_t warning_count;
};

/* Monte Carlo support: the rules whose inputs never change between samples
 * are evaluated once; each sample re-evaluates only the others and skips
 * warnings. */
struct rules_sampler {
	double score[VERDICT_COUNT];
	unsigned vetoed_kinds;
	unsigned vetoed;
	unsigned short varying[RULES_MAX];
	size_t varying_count;
};

void rules_sampler_init(const struct rules *, const double *metrics,
	struct rules_sampler *);
enum verdict rules_sampler_verdict(const struct rules *,
	const struct rules_sampler *, const double *metrics);

/* Loads rules.yaml along the data lookup order (the first one found
 * replaces the default), then every *.yaml of each data folder's rules.d/
 * in name order, adding to it.  Errors carry FILE:LINE:COLUMN, with the
 * column inside an expression where the problem is. */
int rules_load(struct rules *, const struct paths *, char **cause);
/* Adds the rules of one text (tests, fuzzing, rules.d). */
int rules_load_text(struct rules *, const char *name, const char *text,
	char **cause);
void rules_init(struct rules *);
void rules_free(struct rules *);

/* Evaluates every rule against metric values (see metrics.h): favour and
 * veto rules first, then the verdict (also written into the metrics'
 * "verdict" slot), then warnings, which may read it. */
void rules_evaluate(const struct rules *, double *metrics,
	struct rules_outcome *);
/* Expands a fired rule's reason into out (sorted strongest first by
 * rules_evaluate), in the language: I18N_TRANSLATED uses the translation
 * the locale's catalogue had when the rules were loaded, I18N_ENGLISH the
 * text as written. */
void rules_reason_text(const struct rules *, const struct rules_outcome *,
	size_t index, const double *metrics, enum i18n_language,
	struct buffer *out);
void rules_warning_text(const struct rules *, const struct rules_outcome *,
	size_t index, const double *metrics, enum i18n_language,
	struct buffer *out);

/* "closed", "open", "hybrid" (JSON) and the phrase a person reads:
 * "Go closed (API)", "Go open (self-hosted)", "Use both (hybrid)". */
const char *rules_verdict_name(enum verdict);
const char *rules_verdict_phrase(enum verdict);

#endif
