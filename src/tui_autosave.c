/* tui_autosave.c - every answer is saved, atomically, as soon as it is
 * given, so a killed session loses nothing; the next start offers to
 * resume it and --resume does so directly.  The text and its progress
 * line are autosave.c's; this file finds the place, writes and offers. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "autosave.h"
#include "file.h"
#include "i18n.h"
#include "paths.h"
#include "tui_private.h"


/* Finds the autosave's place and takes its lock: a second session that
 * shares it says so and does not autosave, instead of both overwriting
 * each other's answers. */
void
tui_autosave_init(struct tui *tui)
{
	char lock[PATH_MAX + 8], *cause = NULL;
	tui->autosave_lock = -1;
	if (paths_autosave(tui->autosave, sizeof tui->autosave) != 0) {
		tui->autosave[0] = '\0';
		return;
	}
	snprintf(lock, sizeof lock, "%s.lock", tui->autosave);
	if (file_make_parent_folders(lock, &cause) != 0) {
		free(cause);	/* the first write says why */
		return;
	}
	int held = file_lock(lock, &tui->autosave_lock, &cause);
	if (held == 1) {
		char message[PATH_MAX + 200];
		snprintf(message, sizeof message, _("Another llmadvisor is using "
		    "the autosave (%s): this session does not autosave."),
		    tui->autosave);
		tui_message(tui, true, message);
		tui->autosave[0] = '\0';
		tui->autosave_warned = true;
	}
	free(cause);	/* no lock where locks do not work: save anyway */
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
	autosave_render(tui->profile, tui->data, progress, &text);
	if (text.failed)
		util_error(&cause, _("out of memory"));
	if (cause == NULL && file_make_parent_folders(tui->autosave, &cause) == 0)
		file_write_private(tui->autosave, text.data, text.length,
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
	tui_autosave_store(tui, AUTOSAVE_DONE);
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
	if (file_read_private(tui->autosave, &text, &length, &cause) != 0) {
		free(cause);
		return false;
	}
	progress = autosave_progress(text);
	free(text);
	if (progress == AUTOSAVE_NONE ||
	    (progress == AUTOSAVE_DONE && !finished_too))
		return false;
	tui->resume_question = progress == AUTOSAVE_DONE ?
	    (int)profile_question_count : progress;
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
	if (autosave_load(&profile, tui->autosave, NULL, cause) != 0)
		return -1;
	*tui->profile = profile;
	tui->evaluated = false;
	return 0;
}
