/* autosave.h - the autosave format: the interactive session's answers,
 * saved after every answer so a killed session loses nothing.  The text
 * is an ordinary answers file (llmadvisor -a reads it) with a comment on
 * top saying how far the questionnaire got:
 *   # progress: 5        the next question to ask (0-based)
 *   # progress: results  every question answered
 *   # progress: done     the session ended normally: not offered again
 * Where the file lives is the front end's business, not this module's. */
#ifndef LLMADVISOR_AUTOSAVE_H
#define LLMADVISOR_AUTOSAVE_H

#include <stddef.h>

#include "data.h"
#include "profile.h"
#include "util.h"

#define AUTOSAVE_DONE -1	/* progress: the session ended normally */
#define AUTOSAVE_NONE -2	/* no progress line: not an autosave */

/* Writes the autosave text of the answers into out.  progress is the next
 * question (profile_field_count or more: the results) or AUTOSAVE_DONE. */
void autosave_render(const struct profile *, const struct data *,
	int progress, struct buffer *out);
/* The progress line of an autosave text: a question index from 0 to
 * profile_field_count (the results), AUTOSAVE_DONE, or AUTOSAVE_NONE. */
int autosave_progress(const char *text);
/* Applies the answers of an autosave text (keys it does not name keep
 * their value) and sets *progress (when not NULL) to autosave_progress.
 * path is for messages.  On failure the profile is unchanged. */
int autosave_parse(struct profile *, const char *path, const char *text,
	size_t length, int *progress, char **cause);
/* Reads the autosave file at path, as autosave_parse; a symbolic link
 * there is refused (a planted link must not redirect llmadvisor). */
int autosave_load(struct profile *, const char *path, int *progress,
	char **cause);

#endif
