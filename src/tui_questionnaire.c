/* tui_questionnaire.c - one question per screen, in the order of
 * profile_fields[] (the answers file's order): the question, its answers
 * with the current one highlighted (default, -a FILE or autosave), a help
 * panel saying why it matters, and a progress indicator.
 *
 * Numbers offer presets plus a custom entry that takes typed numbers
 * (k/M/B for token counts, a % sign for shares); an invalid entry is
 * explained under it and never accepted.  Every accepted answer is
 * autosaved. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "tui_private.h"

#define TUI_MAX_PRESETS 8

/* What the questionnaire adds to an answers-file key: the question as a
 * person asks it, why it matters, presets and readable choice names. */
struct tui_question {
	const char *key;
	const char *question;
	const char *help;
	double presets[TUI_MAX_PRESETS];
	int preset_count;
	const char *const *labels;	/* one per choice name, or NULL */
};

static const char *const tui_quality_labels[] = {
	N_("The best available: hard tasks must come out right"),
	N_("Good enough: we double-check or can accept some misses"),
};
static const char *const tui_expertise_labels[] = {
	N_("None: nobody here has run GPU inference in production"),
	N_("Some: we have served models, not at scale"),
	N_("ML-infrastructure engineers on staff"),
};
static const char *const tui_privacy_labels[] = {
	N_("No special requirement"),
	N_("Contractual: enterprise API terms are enough"),
	N_("Hard: the data must not leave our machines"),
};
static const char *const tui_fine_tuning_labels[] = {
	N_("No"),
	N_("Maybe: we are exploring it"),
	N_("Yes: thousands of good examples are ready"),
};
static const char *const tui_ecosystem_labels[] = {
	N_("Tool use"),
	N_("Function calling"),
	N_("Structured output"),
};
static const char *const tui_lock_in_labels[] = {
	N_("Acceptable"),
	N_("We would rather avoid it"),
	N_("Unacceptable: a business risk"),
};
static const char *const tui_hardware_labels[] = {
	N_("None"),
	N_("A workstation GPU (A6000 class, 48 GB)"),
	N_("Apple Silicon with large unified memory"),
	N_("Datacenter GPUs (A100 or H100 class)"),
};
static const char *const tui_deployment_labels[] = {
	N_("Rented cloud GPUs"),
	N_("Our own premises"),
};

static const struct tui_question tui_questions[] = {
	{ "volume.input_tokens",
	  N_("How many input tokens do you send each month?"),
	  N_("Volume decides the cost question. Below roughly 50M tokens a "
	  "month the API is almost certainly cheaper once engineering time is "
	  "priced in; above roughly 500M, self-hosting starts to win on "
	  "compute. Input tokens are the prompts and context you send."),
	  { 1e6, 10e6, 50e6, 100e6, 500e6, 1e9 }, 6, NULL },
	{ "volume.output_tokens",
	  N_("How many output tokens do the models write each month?"),
	  N_("Output costs several times more than input on closed APIs ($15 "
	  "against $3 per million on Claude 3.5 Sonnet), and on your own GPUs "
	  "it is the slow part. The article's example: 10M in, 2M out."),
	  { 1e6, 10e6, 50e6, 100e6, 500e6, 1e9 }, 6, NULL },
	{ "volume.peak_to_mean",
	  N_("How much busier is your peak hour than an average hour?"),
	  N_("Self-hosted capacity comes in whole GPUs sized for the peak, not "
	  "the average: a spiky load keeps more replicas running around the "
	  "clock. An API absorbs the peaks for you."),
	  { 1, 1.5, 2, 3, 5 }, 5, NULL },
	{ "volume.cached_input_share",
	  N_("What share of your input is read from a prompt cache?"),
	  N_("Closed APIs bill input served from a prompt cache at a discount, "
	  "so a large context repeated across requests (a long system prompt, "
	  "the same documents) lowers the API bill."),
	  { 0, 0.25, 0.5, 0.75 }, 4, NULL },
	{ "volume.batch_share",
	  N_("What share of your traffic can wait for a batch API?"),
	  N_("Batch APIs answer within hours instead of seconds, at a lower "
	  "price: traffic that can wait makes the API side cheaper."),
	  { 0, 0.25, 0.5, 1 }, 4, NULL },
	{ "tasks.complex_share",
	  N_("What share of your traffic is hard reasoning?"),
	  N_("Multi-step logic, maths proofs, subtle code bugs. On those, "
	  "closed models got about 80% right against about 65% for the best "
	  "open weights; on summaries, translation and simple code the gap is "
	  "small or absent."),
	  { 0, 0.1, 0.3, 0.5, 0.8, 1 }, 6, NULL },
	{ "tasks.quality",
	  N_("How good must the answers to the hard tasks be?"),
	  N_("A 15-point gap on hard problems is the difference between a tool "
	  "you can trust with complex work and one whose output you have to "
	  "double-check."),
	  { 0 }, 0, tui_quality_labels },
	{ "team.expertise",
	  N_("Who on the team can run GPU inference?"),
	  N_("Setting up vLLM or TGI, quantisation, GPU memory, failover and "
	  "monitoring is weeks of work for an experienced engineer. A team "
	  "with ML-infrastructure engineers has budgeted it; for a startup it "
	  "is the cost that breaks the math."),
	  { 0 }, 0, tui_expertise_labels },
	{ "team.hourly_rate",
	  N_("What does an hour of an engineer's time cost you?"),
	  N_("Your time is the cost that shows up on no invoice: at $100 an "
	  "hour, 10 hours a month on LLM infrastructure is $1,000 a month."),
	  { 50, 100, 150, 200 }, 4, NULL },
	{ "team.ops_hours_per_month",
	  N_("How many hours a month would running your own models take?"),
	  N_("Updates, monitoring, failover, porting to new model releases. "
	  "The default follows your expertise; the article's own example "
	  "budgets 10 hours a month."),
	  { 5, 10, 20, 40 }, 4, NULL },
	{ "privacy",
	  N_("May your data go to a third-party API?"),
	  N_("Medical records, legal documents, classified material: local "
	  "inference is a compliance requirement, not a preference. Otherwise "
	  "enterprise API terms that exclude training are binding. Rented "
	  "cloud GPUs are not private either: the data still leaves you."),
	  { 0 }, 0, tui_privacy_labels },
	{ "fine_tuning",
	  N_("Do you need to fine-tune a model on your own data?"),
	  N_("A model fine-tuned on your data can beat a far larger general one "
	  "on your task, but beating careful prompting takes good data and "
	  "real evaluation: the execution risk is high."),
	  { 0 }, 0, tui_fine_tuning_labels },
	{ "ecosystem",
	  N_("Which managed features do you rely on?"),
	  N_("Closed APIs ship tool use, function calling and structured output "
	  "ready to use; the open ecosystem builds them from a patchwork of "
	  "projects. Space ticks or unticks; none at all is fine."),
	  { 0 }, 0, tui_ecosystem_labels },
	{ "lock_in",
	  N_("How do you feel about depending on one provider?"),
	  N_("When depending on a single provider is an unacceptable business "
	  "risk, go open; using both is insurance against being locked into "
	  "either approach."),
	  { 0 }, 0, tui_lock_in_labels },
	{ "horizon_months",
	  N_("How many months must this decision hold?"),
	  N_("Open weights trail closed models by roughly 6 to 12 months, and "
	  "the gap is narrowing. Setup work is spread over the horizon, so a "
	  "short one favours the API."),
	  { 3, 6, 12, 24, 36 }, 5, NULL },
	{ "hardware",
	  N_("What hardware do you own already?"),
	  N_("A 70B model needs at least 48 GB of GPU memory, quantised. An "
	  "A6000 costs about $4,000 to $5,000 and pays for itself in 4 to 6 "
	  "months against cloud rental, given the expertise to run it."),
	  { 0 }, 0, tui_hardware_labels },
	{ "deployment",
	  N_("Where would self-hosted models run?"),
	  N_("True privacy needs local hardware: a cloud GPU provider still "
	  "receives your data, just instead of the API vendor."),
	  { 0 }, 0, tui_deployment_labels },
};

enum tui_entry_kind {
	TUI_ENTRY_NAME,			/* a choice or a flag */
	TUI_ENTRY_DEFAULT,		/* ops hours: the expertise default */
	TUI_ENTRY_PRESET,
	TUI_ENTRY_CUSTOM,		/* a typed number */
};

/* Numbers get presets and a typed custom entry. */
static bool
tui_is_number(const struct profile_field *f)
{
	return f->type == PROFILE_TOKENS || f->type == PROFILE_NUMBER;
}

/* Ops hours also offer the default that follows the expertise. */
static bool
tui_is_ops_hours(const struct profile_field *f)
{
	return strcmp(f->key, "team.ops_hours_per_month") == 0;
}

/* Shares (0 to 1) are shown as percentages and accept a % sign. */
static bool
tui_is_share(const struct profile_field *f)
{
	return f->unit != NULL && strcmp(f->unit, "share") == 0;
}

/* How many names a choice or flags field has. */
static int
tui_name_count(const struct profile_field *f)
{
	int n = 0;
	while (f->names != NULL && f->names[n] != NULL)
		n++;
	return n;
}

/* The questionnaire's extras for a field (a plain one when unknown). */
static const struct tui_question *
tui_question_of(const struct profile_field *f)
{
	static struct tui_question plain;
	for (size_t i = 0; i < sizeof tui_questions / sizeof tui_questions[0];
	    i++)
		if (strcmp(tui_questions[i].key, f->key) == 0)
			return &tui_questions[i];
	/* A key the questionnaire has no words for yet: its label, and
	 * presets for a share. */
	memset(&plain, 0, sizeof plain);
	plain.key = f->key;
	plain.question = f->label;
	plain.help = "";
	if (tui_is_share(f)) {
		static const double shares[] = { 0, 0.25, 0.5, 0.75, 1 };
		memcpy(plain.presets, shares, sizeof shares);
		plain.preset_count = 5;
	}
	return &plain;
}

/* Entries of the current question: names, or [default,] presets, custom. */
static int
tui_entry_count(const struct profile_field *f)
{
	const struct tui_question *q = tui_question_of(f);
	if (!tui_is_number(f))
		return tui_name_count(f);
	return (tui_is_ops_hours(f) ? 1 : 0) + q->preset_count + 1;
}

/* What entry i is; *preset receives a preset's value. */
static enum tui_entry_kind
tui_entry(const struct profile_field *f, int i, double *preset)
{
	const struct tui_question *q = tui_question_of(f);
	if (!tui_is_number(f))
		return TUI_ENTRY_NAME;
	if (tui_is_ops_hours(f)) {
		if (i == 0)
			return TUI_ENTRY_DEFAULT;
		i--;
	}
	if (i < q->preset_count) {
		*preset = q->presets[i];
		return TUI_ENTRY_PRESET;
	}
	return TUI_ENTRY_CUSTOM;
}

/* A number as people read it in this field's unit. */
static void
tui_format_number(const struct profile_field *f, double v, char *out,
    size_t size)
{
	char number[64];
	const char *unit = f->unit != NULL ? f->unit : "";
	if (f->type == PROFILE_TOKENS) {
		util_format_tokens(number, sizeof number, v);
		snprintf(out, size, _("%s tokens a month"), number);
	} else if (strcmp(unit, "share") == 0) {
		util_format_percent(out, size, v);
	} else if (strcmp(unit, "USD/hour") == 0) {
		util_format_money(number, sizeof number, v);
		snprintf(out, size, _("%s an hour"), number);
	} else if (strcmp(unit, "hours/month") == 0) {
		util_snprintf_c(number, sizeof number, "%g", v);
		snprintf(out, size, _("%s hours a month"), number);
	} else if (strcmp(unit, "months") == 0) {
		util_snprintf_c(number, sizeof number, "%g", v);
		snprintf(out, size, _("%s months"), number);
	} else if (strcmp(unit, "ratio") == 0) {
		util_snprintf_c(number, sizeof number, "%g", v);
		snprintf(out, size, _("%s times the mean"), number);
	} else {
		util_snprintf_c(out, size, "%g", v);
	}
}

/* Parses the custom entry; 0 with *value, or -1 with a message saying
 * what is wrong and what would do. */
static int
tui_parse_input(const struct tui *tui, const struct profile_field *f,
    double *value, char *message, size_t size)
{
	char text[TUI_INPUT_MAX + 1], low[64], high[64];
	size_t length;
	double v, scale = 1;

	snprintf(text, sizeof text, "%s", tui->input);
	length = strlen(text);
	while (length > 0 && text[length - 1] == ' ')
		text[--length] = '\0';
	const char *start = text + strspn(text, " ");
	if (*start == '\0') {
		snprintf(message, size, "%s", _("Type a number, or pick one of "
		    "the answers above."));
		return -1;
	}
	if (tui_is_share(f) && length > 0 && text[length - 1] == '%') {
		text[--length] = '\0';
		scale = 0.01;
	}
	if (util_parse_number(start, f->type == PROFILE_TOKENS, &v) != 0) {
		if (f->type == PROFILE_TOKENS)
			snprintf(message, size, _("'%s' is not a number: type "
			    "digits with an optional k, M or B, as in 250M."),
			    tui->input);
		else if (tui_is_share(f))
			snprintf(message, size, _("'%s' is not a number: type a "
			    "share such as 0.3 or 30%%."), tui->input);
		else
			snprintf(message, size, _("'%s' is not a number: type "
			    "digits, as in 12 or 2.5."), tui->input);
		return -1;
	}
	v *= scale;
	if (v < f->low || v > f->high) {
		tui_format_number(f, f->low, low, sizeof low);
		tui_format_number(f, f->high, high, sizeof high);
		snprintf(message, size, _("Out of range: type a value from %s "
		    "to %s."), low, high);
		return -1;
	}
	*value = v;
	return 0;
}

/* Shows question index with the current answer highlighted. */
void
tui_questionnaire_enter(struct tui *tui, size_t question)
{
	const struct profile_field *f;
	double v;

	if (question >= profile_field_count) {
		tui_results_enter(tui);
		return;
	}
	tui->screen = TUI_SCREEN_QUESTIONS;
	tui->question = question;
	tui->input_tried = false;
	tui->choice = 0;
	f = &profile_fields[question];
	v = profile_get_value(tui->profile, f);
	if (f->type == PROFILE_FLAGS)
		tui->flags = (unsigned)v;
	if (f->type == PROFILE_CHOICE)
		tui->choice = (int)v;
	if (!tui_is_number(f))
		return;
	if (tui_is_ops_hours(f))
		v = profile_ops_hours(tui->profile, tui->data);
	profile_format_value(tui->profile, tui->data, f, tui->input,
	    sizeof tui->input);
	tui->input_length = strlen(tui->input);
	if (tui_is_ops_hours(f) && !tui->profile->ops_hours_set)
		return;
	for (int i = 0, n = tui_entry_count(f); i < n; i++) {
		double preset;
		enum tui_entry_kind kind = tui_entry(f, i, &preset);
		if (kind == TUI_ENTRY_CUSTOM ||
		    (kind == TUI_ENTRY_PRESET && fabs(preset - v) <=
		    1e-9 * fmax(1, fabs(v)))) {
			tui->choice = i;
			break;
		}
	}
}

/* Stores the highlighted answer, autosaves, and moves on. */
static void
tui_questionnaire_accept(struct tui *tui)
{
	const struct profile_field *f = &profile_fields[tui->question];
	char message[256];
	double value = 0;

	switch (tui_entry(f, tui->choice, &value)) {
	case TUI_ENTRY_NAME:
		value = f->type == PROFILE_FLAGS ? (double)tui->flags :
		    (double)tui->choice;
		profile_set_value(tui->profile, f, value);
		break;
	case TUI_ENTRY_DEFAULT:
		tui->profile->ops_hours_set = false;
		break;
	case TUI_ENTRY_PRESET:
		profile_set_value(tui->profile, f, value);
		break;
	case TUI_ENTRY_CUSTOM:
		if (tui_parse_input(tui, f, &value, message, sizeof message) != 0) {
			tui->input_tried = true;
			return;
		}
		profile_set_value(tui->profile, f, value);
		break;
	}
	tui->evaluated = false;
	tui_autosave_write(tui, tui->question + 1);
	tui_questionnaire_enter(tui, tui->question + 1);
}

/* Left, Backspace or Esc: the previous question. */
static void
tui_questionnaire_back(struct tui *tui)
{
	if (tui->question == 0) {
		tui_message(tui, false, _("This is the first question."));
		return;
	}
	tui_questionnaire_enter(tui, tui->question - 1);
}

/* Handles a key on a question screen. */
void
tui_questionnaire_key(struct tui *tui, struct tui_key key)
{
	const struct profile_field *f = &profile_fields[tui->question];
	int count = tui_entry_count(f);
	double preset;
	bool custom = tui_entry(f, tui->choice, &preset) == TUI_ENTRY_CUSTOM;

	if (key.function) {
		switch (key.code) {
		case KEY_UP:
			if (tui->choice > 0)
				tui->choice--;
			tui->input_tried = false;
			break;
		case KEY_DOWN:
			if (tui->choice < count - 1)
				tui->choice++;
			tui->input_tried = false;
			break;
		case KEY_HOME:
			tui->choice = 0;
			break;
		case KEY_END:
			tui->choice = count - 1;
			break;
		case KEY_LEFT:
			tui_questionnaire_back(tui);
			break;
		case KEY_BACKSPACE:
			if (custom && tui->input_length > 0)
				tui->input[--tui->input_length] = '\0';
			else
				tui_questionnaire_back(tui);
			break;
		case KEY_ENTER:
			tui_questionnaire_accept(tui);
			break;
		default:
			break;
		}
		return;
	}
	switch (key.code) {
	case '\r':
	case '\n':
		tui_questionnaire_accept(tui);
		return;
	case TUI_KEY_TAB:
		tui_results_enter(tui);
		return;
	case TUI_KEY_ESCAPE:
		tui_questionnaire_back(tui);
		return;
	case 127:
	case 8:
		if (custom && tui->input_length > 0)
			tui->input[--tui->input_length] = '\0';
		else
			tui_questionnaire_back(tui);
		return;
	case 'q':
	case 'Q':
		tui->running = false;
		return;
	case ' ':
		if (f->type == PROFILE_FLAGS)
			tui->flags ^= 1u << tui->choice;
		return;
	default:
		break;
	}
	if (tui_is_number(f) && key.code > ' ' && key.code < 127) {
		/* Typing starts a custom entry. */
		if (!custom) {
			tui->choice = count - 1;
			tui->input_length = 0;
			tui->input[0] = '\0';
		}
		if (tui->input_length < TUI_INPUT_MAX) {
			tui->input[tui->input_length++] = (char)key.code;
			tui->input[tui->input_length] = '\0';
		}
		tui->input_tried = false;
	} else if (!tui_is_number(f) && key.code >= '1' &&
	    key.code < '1' + count && key.code <= '9') {
		tui->choice = key.code - '1';
	}
}

/* Where wrapped text goes: rows from y, cut after rows. */
struct tui_text_box {
	int y, x, width, rows;
	attr_t attr;
};

/* Draws one wrapped line inside its box. */
static void
tui_questionnaire_line(void *context, int row, const char *text,
    size_t length)
{
	struct tui_text_box *box = context;
	char line[512];
	if (row >= box->rows)
		return;
	snprintf(line, sizeof line, "%.*s", (int)length, text);
	tui_put(box->y + row, box->x, box->width, box->attr, line);
}

/* Draws text wrapped into a box of rows. */
static void
tui_questionnaire_text(int y, int x, int width, int rows, attr_t attr,
    const char *text)
{
	struct tui_text_box box = { y, x, width, rows, attr };
	tui_wrap(text, width, tui_questionnaire_line, &box);
}

/* Draws the question screen. */
void
tui_questionnaire_draw(struct tui *tui)
{
	const struct profile_field *f = &profile_fields[tui->question];
	const struct tui_question *q = tui_question_of(f);
	char text[512], value[128];
	double preset;
	int count = tui_entry_count(f), y, width = COLS - 4;
	int help_height = 7, help_y = LINES - 2 - help_height;
	static const char *footer[16];
	size_t n = 0;

	/* Title and progress. */
	tui_put_padded(0, 0, COLS, tui_attr(tui, TUI_ROLE_SELECTED),
	    _(" llmadvisor: closed API or self-hosted open weights?"));
	snprintf(text, sizeof text, _("Question %d of %d "),
	    (int)tui->question + 1, (int)profile_field_count);
	tui_put(0, COLS - tui_width(text), tui_width(text),
	    tui_attr(tui, TUI_ROLE_SELECTED), text);
	{
		int done = (int)((COLS - 2) * (tui->question + 1) /
		    profile_field_count);
		for (int x = 1; x < COLS - 1; x++)
			tui_put(1, x, 1, tui_attr(tui, x <= done ?
			    TUI_ROLE_KNOB : TUI_ROLE_DIM),
			    x <= done ? tui_glyph(tui, "━", "#") :
			    tui_glyph(tui, "─", "-"));
	}

	tui_put(3, 2, width, tui_attr(tui, TUI_ROLE_TITLE), _(f->label));
	tui_questionnaire_text(4, 2, width, 2, A_NORMAL, _(q->question));

	y = 6;
	for (int i = 0; i < count && y < help_y - 1; i++, y++) {
		double preset = 0;
		enum tui_entry_kind kind = tui_entry(f, i, &preset);
		bool selected = i == tui->choice;
		attr_t attr = selected ? tui_attr(tui, TUI_ROLE_SELECTED) :
		    A_NORMAL;
		const char *mark = selected ? tui_glyph(tui, "▶", ">") : " ";
		int x = 2;

		tui_put(y, x, 2, attr, mark);
		x += 2;
		switch (kind) {
		case TUI_ENTRY_NAME:
			if (f->type == PROFILE_FLAGS)
				snprintf(text, sizeof text, "[%s] %s",
				    (tui->flags & (1u << i)) ? "x" : " ",
				    q->labels != NULL ? _(q->labels[i]) :
				    f->names[i]);
			else
				snprintf(text, sizeof text, "%s",
				    q->labels != NULL ? _(q->labels[i]) :
				    f->names[i]);
			tui_put_padded(y, x, width - 2, attr, text);
			break;
		case TUI_ENTRY_DEFAULT:
			tui_format_number(f, tui->data->defaults.ops_hours[
			    tui->profile->expertise].value, value, sizeof value);
			snprintf(text, sizeof text, _("The default for your "
			    "expertise: %s"), value);
			tui_put_padded(y, x, width - 2, attr, text);
			break;
		case TUI_ENTRY_PRESET:
			tui_format_number(f, preset, text, sizeof text);
			tui_put_padded(y, x, width - 2, attr, text);
			break;
		case TUI_ENTRY_CUSTOM: {
			int used = tui_put(y, x, width - 2, attr, _("Other: "));
			tui_put_padded(y, x + used, TUI_INPUT_MAX / 2,
			    tui_attr(tui, TUI_ROLE_INPUT), tui->input);
			if (selected) {
				tui->cursor_y = y;
				tui->cursor_x = x + used + tui_width(tui->input);
			}
			break;
		}
		}
	}

	/* Inline validation of the typed number. */
	if (tui_is_number(f) && tui_entry(f, tui->choice, &preset) ==
	    TUI_ENTRY_CUSTOM && (tui->input_length > 0 || tui->input_tried)) {
		double v;
		char message[512];
		if (tui_parse_input(tui, f, &v, message, sizeof message) == 0) {
			tui_format_number(f, v, value, sizeof value);
			snprintf(message, sizeof message, _("= %s; Enter accepts"),
			    value);
			tui_put(y + 1, 4, width - 2, tui_attr(tui, TUI_ROLE_GOOD),
			    message);
		} else {
			tui_questionnaire_text(y + 1, 4, width - 2, 2,
			    tui_attr(tui, TUI_ROLE_ERROR), message);
		}
	}

	/* Why it matters. */
	if (q->help != NULL && *q->help != '\0') {
		tui_frame_box(tui, help_y, 1, help_height, COLS - 2,
		    _("Why it matters"));
		tui_questionnaire_text(help_y + 1, 3, COLS - 6, help_height - 2,
		    A_NORMAL, _(q->help));
	}

	{
		int x = tui_prompt_draw(tui, LINES - 2, COLS);
		if (x >= 0) {
			tui->cursor_y = LINES - 2;
			tui->cursor_x = x;
		}
	}
	footer[n++] = _("Enter");
	footer[n++] = _("accept");
	footer[n++] = tui_glyph(tui, "↑↓", "Up/Dn");
	footer[n++] = _("choose");
	if (f->type == PROFILE_FLAGS) {
		footer[n++] = _("Space");
		footer[n++] = _("tick");
	}
	footer[n++] = tui_glyph(tui, "←", "Left");
	footer[n++] = _("back");
	footer[n++] = _("Tab");
	footer[n++] = _("results");
	footer[n++] = "?";
	footer[n++] = _("help");
	footer[n++] = "q";
	footer[n++] = _("quit");
	footer[n] = NULL;
	tui_footer(tui, LINES - 1, COLS, footer);
}
