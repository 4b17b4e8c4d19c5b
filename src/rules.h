/* rules.h - the rule engine: data/rules.yaml (plus rules.d additions)
 * compiled once into conditions over answers and computed metrics, then
 * evaluated without allocation.  A rule has one effect:
 *   veto    rules out outcomes and/or option kinds, at a level
 *           (compliance, lock_in or quality: see decide.h for the order);
 *   adjust  adds a dollar amount (an expression, USD/month) to one
 *           outcome's ledger;
 *   warn    raises a warning; only warnings may read the verdict.
 * The decision itself (ledgers, vetoes by level, verdict) is decide.c's. */
#ifndef LLMADVISOR_RULES_H
#define LLMADVISOR_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "cost.h"
#include "i18n.h"
#include "data.h"
#include "i18n.h"
#include "profile.h"
#include "util.h"

enum verdict {
	VERDICT_CLOSED,			/* the best closed API */
	VERDICT_OPEN_HOSTED,		/* open weights behind a hosted API */
	VERDICT_OPEN,			/* self-hosted open weights */
	VERDICT_HYBRID,			/* hard share closed, the rest open */
	VERDICT_COUNT,
	VERDICT_NONE = -1
};

#define RULES_MAX 256

enum rules_effect {
	RULES_VETO,			/* rules out outcomes or option kinds */
	RULES_ADJUST,			/* adds dollars to an outcome's ledger */
	RULES_WARN,			/* raises a warning */
};

/* The precedence of vetoes: a lower level gives way to a higher one. */
enum rules_level {
	RULES_LEVEL_COMPLIANCE,		/* never set aside */
	RULES_LEVEL_LOCK_IN,
	RULES_LEVEL_QUALITY,
	RULES_LEVEL_COUNT
};

/* The largest adjustment a rule may add or take, USD/month: larger
 * amounts (and NaN or infinity) drop the line with a warning. */
#define RULES_MAX_AMOUNT 1e9

struct expr;
struct template;

/* Most translated plural forms a rule text has (Arabic has six). */
#define RULES_PLURAL_FORMS 6

struct rule {
	const char *id;
	const char *file;		/* where it was defined */
	int line, column;
	enum rules_effect effect;
	enum rules_level level;		/* RULES_VETO */
	unsigned veto_verdicts;		/* RULES_VETO: 1 << verdict */
	unsigned veto_kinds;		/* RULES_VETO: 1 << option kind */
	unsigned adjusts;		/* RULES_ADJUST: 1 << each outcome */
	double amount;			/* RULES_ADJUST: a constant ... */
	struct expr *amount_expression;	/* ... or an expression (or NULL) */
	const char *warning;		/* RULES_WARN: the warning's id */
	struct expr *when;
	struct template *because;	/* as written (English) */
	struct template *because_translated;	/* or NULL */
	const char *because_text;	/* the template as written */
	/* A text with a plural (because_plural: and plural_by:): the
	 * English plural, the slot of the number that chooses the form
	 * (-1: no plural), and each distinct translated form ngettext
	 * gives, compiled at load time. */
	struct template *because_plural;
	const char *because_plural_text;
	int plural_slot;
	struct rules_plural_form {
		const char *text;	/* ngettext's pointer, the key */
		struct template *template;
	} plural_forms[RULES_PLURAL_FORMS];
	size_t plural_form_count;
	bool varies;			/* reads a metric that varies between
					 * Monte Carlo samples */
};

/* A rule a rules.d file switched off with "disable:". */
struct rules_disabled {
	const char *id;
	const char *file;		/* where the rule was defined */
	const char *by;			/* the file that disabled it */
	enum rules_effect effect;
	enum rules_level level;		/* RULES_VETO */
};

struct rules {
	struct arena arena;
	struct rule rules[RULES_MAX];
	size_t count;
	const char *files[32];		/* every file read, in order */
	size_t file_count;
	struct rules_disabled disabled[RULES_MAX];
	size_t disabled_count;
};

/* Whether a rule fires for the metric values. */
bool rules_fires(const struct rule *, const double *metrics);
/* An adjust rule's amount for the metric values: NAN when it is not
 * finite or beyond RULES_MAX_AMOUNT (the caller drops the line). */
double rules_amount(const struct rule *, const double *metrics);

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

/* Expands a rule's text in the language asked for. */
void rules_text(const struct rule *, const double *metrics,
	enum i18n_language, struct buffer *out);

/* "closed", "open_hosted", "open", "hybrid" (JSON) and the phrase a
 * person reads: "Go closed (API)", "Go open (hosted API)", "Go open
 * (self-hosted)", "Use both (hybrid)". */
const char *rules_verdict_name(enum verdict);
const char *rules_verdict_phrase(enum verdict);
const char *rules_verdict_phrase_in(enum verdict, enum i18n_language);

#endif
