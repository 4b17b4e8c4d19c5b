/* tui_prompt.c - the status line: messages, and the file-name prompt of
 * `e` (export the markdown report) and `s` (save the answers).  Enter
 * writes the file atomically; an existing file asks before it is
 * replaced; a failure is shown here and the program carries on. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>

#include "file.h"
#include "i18n.h"
#include "tui_private.h"

/* Opens the prompt with the default file name in the current folder. */
void
tui_prompt_start(struct tui *tui, enum tui_prompt_kind kind)
{
	struct tui_prompt *prompt = &tui->prompt;
	prompt->kind = kind;
	prompt->confirming = false;
	snprintf(prompt->text, sizeof prompt->text, "%s",
	    kind == TUI_PROMPT_EXPORT ? "llmadvisor-report.md" :
	    "llmadvisor-answers.yaml");
	prompt->length = strlen(prompt->text);
	tui->message[0] = '\0';
}

/* True while the prompt has the keyboard. */
bool
tui_prompt_active(const struct tui *tui)
{
	return tui->prompt.kind != TUI_PROMPT_NONE;
}

/* True when path is a pipe that no program reads: opening it to write
 * would wait for a reader, and the screen would freeze. */
static bool
tui_prompt_pipe_unread(const char *path)
{
	struct stat st;
	int fd;
	if (stat(path, &st) != 0 || !S_ISFIFO(st.st_mode))
		return false;
	fd = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return errno == ENXIO;
	close(fd);
	return false;
}

/* Renders and writes the file; the outcome goes to the status line. */
static void
tui_prompt_write(struct tui *tui)
{
	struct tui_prompt *prompt = &tui->prompt;
	struct buffer text;
	char *cause = NULL, message[PATH_MAX + 128];

	buffer_init(&text);
	if (prompt->kind == TUI_PROMPT_EXPORT) {
		tui_results_complete(tui);
		report_render_markdown(tui->report, I18N_TRANSLATED, &text);
	} else {
		profile_write_yaml(tui->profile, tui->data, &text);
	}
	if (text.failed)
		util_error(&cause, _("out of memory"));
	else if (tui_prompt_pipe_unread(prompt->text))
		util_error(&cause, _("%s: no program reads this pipe"),
		    prompt->text);
	else if (file_write_atomic(prompt->text, text.data != NULL ?
	    text.data : "", text.length, &cause) == 0)
		snprintf(message, sizeof message, prompt->kind ==
		    TUI_PROMPT_EXPORT ? _("Report written to %s.") :
		    _("Answers saved to %s."), prompt->text);
	buffer_free(&text);
	if (cause != NULL) {
		tui_message(tui, true, cause);
		free(cause);
	} else {
		tui_message(tui, false, message);
	}
	prompt->kind = TUI_PROMPT_NONE;
	prompt->confirming = false;
}

/* Removes the last UTF-8 character of the file name. */
static void
tui_prompt_backspace(struct tui_prompt *prompt)
{
	while (prompt->length > 0) {
		unsigned char c = (unsigned char)prompt->text[--prompt->length];
		if ((c & 0xC0) != 0x80)
			break;
	}
	prompt->text[prompt->length] = '\0';
}

/* Appends a typed character, encoded for the locale (UTF-8). */
static void
tui_prompt_insert(struct tui_prompt *prompt, int code)
{
	char bytes[MB_LEN_MAX];
	mbstate_t state;
	memset(&state, 0, sizeof state);
	size_t n = wcrtomb(bytes, (wchar_t)code, &state);
	if (n == (size_t)-1 || prompt->length + n >= sizeof prompt->text)
		return;
	memcpy(prompt->text + prompt->length, bytes, n);
	prompt->length += n;
	prompt->text[prompt->length] = '\0';
}

/* The letter that answers yes (or no) in this language: "j" and "n" in
 * German. */
static const char *
tui_prompt_letter(bool yes)
{
	return yes ? pgettext_("the letter that answers yes", "y") :
	    pgettext_("the letter that answers no", "n");
}

/* True when a typed key answers yes (or no): the translated letter or the
 * English one, in either case. */
static bool
tui_prompt_is_answer(int code, bool yes)
{
	const char *letter = tui_prompt_letter(yes);
	int english = yes ? 'y' : 'n';
	if (code == english || code == english - 'a' + 'A')
		return true;
	if (letter[0] == '\0' || letter[1] != '\0' || code >= 128)
		return false;
	return code == letter[0] ||
	    (letter[0] >= 'a' && letter[0] <= 'z' && code == letter[0] - 'a' + 'A');
}

/* A key while the prompt is up. */
void
tui_prompt_key(struct tui *tui, struct tui_key key)
{
	struct tui_prompt *prompt = &tui->prompt;
	bool enter = key.function ? key.code == KEY_ENTER :
	    key.code == '\r' || key.code == '\n';

	if (!key.function && key.code == TUI_KEY_ESCAPE) {
		prompt->kind = TUI_PROMPT_NONE;
		tui_message(tui, false, _("Cancelled."));
		return;
	}
	if (prompt->confirming) {
		if (!key.function && tui_prompt_is_answer(key.code, true))
			tui_prompt_write(tui);
		else if (!key.function && tui_prompt_is_answer(key.code, false))
			prompt->confirming = false;
		return;
	}
	if (enter) {
		if (prompt->length == 0) {
			tui_message(tui, true, _("Type a file name, or Esc to "
			    "cancel."));
			return;
		}
		if (file_exists(prompt->text))
			prompt->confirming = true;
		else
			tui_prompt_write(tui);
		return;
	}
	if (key.function) {
		if (key.code == KEY_BACKSPACE)
			tui_prompt_backspace(prompt);
		return;
	}
	if (key.code == 127 || key.code == 8)
		tui_prompt_backspace(prompt);
	else if (key.code == TUI_KEY_CONTROL('u')) {
		prompt->length = 0;
		prompt->text[0] = '\0';
	} else if (key.code >= 32)
		tui_prompt_insert(prompt, key.code);
	tui->message[0] = '\0';
}

/* The status line: the prompt, or the last message. */
int
tui_prompt_draw(struct tui *tui, int y, int width)
{
	struct tui_prompt *prompt = &tui->prompt;
	char line[PATH_MAX + 256];

	attrset(A_NORMAL);
	mvhline(y, 0, ' ', width);
	if (prompt->kind == TUI_PROMPT_NONE) {
		if (tui->message[0] != '\0')
			tui_put(y, 1, width - 2, tui_attr(tui, tui->message_error ?
			    TUI_ROLE_ERROR : TUI_ROLE_GOOD), tui->message);
		return -1;
	}
	if (prompt->confirming) {
		snprintf(line, sizeof line, _("%s exists. Replace it? (%s/%s)"),
		    prompt->text, tui_prompt_letter(true),
		    tui_prompt_letter(false));
		tui_put(y, 1, width - 2, tui_attr(tui, TUI_ROLE_ERROR), line);
		return -1;
	}
	const char *label = prompt->kind == TUI_PROMPT_EXPORT ?
	    _("Export the report to: ") : _("Save the answers to: ");
	int x = 1 + tui_put(y, 1, width - 2, tui_attr(tui, TUI_ROLE_TITLE),
	    label);
	int room = width - x - 2;
	const char *shown = prompt->text;
	/* A long name shows its end, where the typing happens. */
	while (tui_width(shown) > room && *shown != '\0') {
		shown++;
		while ((*shown & 0xC0) == 0x80)
			shown++;
	}
	tui_put_padded(y, x, room + 1, tui_attr(tui, TUI_ROLE_INPUT), shown);
	return x + tui_width(shown);
}
