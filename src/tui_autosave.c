/* tui_autosave.c - every answer is saved, atomically, as soon as it is
 * given, so a killed session loses nothing; the next start offers to
 * resume it and --resume does so directly.
 *
 * The file is an ordinary answers file (llmadvisor -a reads it) with a
 * comment on top saying how far the questionnaire got:
 *   # progress: 5        the next question to ask (0-based)
 *   # progress: results  every question answered
 *   # progress: done     the session ended normally: not offered again */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "file.h"
#include "i18n.h"
#include "paths.h"
#include "tui_private.h"

#define TUI_AUTOSAVE_DONE -1

/* Finds the autosave's place. */
void
tui_autosave_init(struct tui *tui)
{
	if (paths_autosave(tui->autosave, sizeof tui->autosave) != 0)
		tui->autosave[0] = '\0';
}

/* Writes the answers and a progress line; shows a failure once. */
static void
tui_autosave_store(struct tui *tui, int progress)
{
	struct buffer text;
	char *cause = NULL;

	if (tui->autosave[0] == '\0')
		return;
	buffer_init(&text);
	buffer_add(&text, "# llmadvisor autosave: the answers of an "
	    "interactive session.\n");
	if (progress == TUI_AUTOSAVE_DONE)
		buffer_add(&text, "# progress: done\n");
	else if (progress >= (int)profile_field_count)
		buffer_add(&text, "# progress: results\n");
	else
		buffer_printf(&text, "# progress: %d\n", progress);
	profile_write_yaml(tui->profile, tui->data, &text);
	if (text.failed)
		util_error(&cause, _("out of memory"));
	if (cause == NULL && file_make_parent_folders(tui->autosave, &cause) == 0)
		file_write_atomic(tui->autosave, text.data, text.length,
		    &cause);
	buffer_free(&text);
	if (cause != NULL) {
		if (!tui->autosave_warned) {
			char message[700];
			snprintf(message, sizeof message, _("Autosave failed: %s"),
			    cause);
			tui_message(tui, true, message);
			tui->autosave_warned = true;
		}
		free(cause);
	}
}

/* Saves the answers given so far (see tui_private.h). */
void
tui_autosave_write(struct tui *tui, size_t progress)
{
	tui_autosave_store(tui, (int)progress);
}

/* The session ended normally: keep the answers, stop offering them. */
void
tui_autosave_finish(struct tui *tui)
{
	tui_autosave_store(tui, TUI_AUTOSAVE_DONE);
}

/* Reads the progress line of an autosave text; -2 when there is none. */
static int
tui_autosave_progress(const char *text)
{
	const char *p = strstr(text, "# progress: ");
	if (p == NULL)
		return -2;
	p += strlen("# progress: ");
	if (strncmp(p, "done", 4) == 0)
		return TUI_AUTOSAVE_DONE;
	if (strncmp(p, "results", 7) == 0)
		return (int)profile_field_count;
	int n = atoi(p);
	if (n < 0)
		n = 0;
	if (n > (int)profile_field_count)
		n = (int)profile_field_count;
	return n;
}

/* Whether there is an autosave to offer (see tui_private.h). */
bool
tui_autosave_offer(struct tui *tui, bool finished_too)
{
	struct stat st;
	struct tm tm;
	char *text = NULL, *cause = NULL;
	size_t length;
	int progress;

	if (tui->autosave[0] == '\0' || stat(tui->autosave, &st) != 0)
		return false;
	if (file_read(tui->autosave, &text, &length, &cause) != 0) {
		free(cause);
		return false;
	}
	progress = tui_autosave_progress(text);
	free(text);
	if (progress == -2 || (progress == TUI_AUTOSAVE_DONE && !finished_too))
		return false;
	tui->resume_question = progress == TUI_AUTOSAVE_DONE ?
	    (int)profile_field_count : progress;
	if (localtime_r(&st.st_mtime, &tm) == NULL ||
	    strftime(tui->resume_when, sizeof tui->resume_when,
	    "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(tui->resume_when, sizeof tui->resume_when, "?");
	return true;
}

/* Replaces the answers with the autosaved ones. */
int
tui_autosave_load(struct tui *tui, char **cause)
{
	struct profile profile;
	profile_defaults(&profile);
	if (profile_load_file(&profile, tui->autosave, cause) != 0)
		return -1;
	*tui->profile = profile;
	tui->evaluated = false;
	return 0;
}
