/* autosave.c - renders and parses the autosave text (see autosave.h):
 * the answers file profile_write_yaml writes, under a progress line. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "autosave.h"
#include "file.h"

#define AUTOSAVE_PROGRESS "# progress: "

/* The autosave text: a heading, the progress line, the answers. */
void
autosave_render(const struct profile *profile, const struct data *data,
    int progress, struct buffer *out)
{
	buffer_add(out, "# llmadvisor autosave: the answers of an "
	    "interactive session.\n");
	if (progress == AUTOSAVE_DONE)
		buffer_add(out, AUTOSAVE_PROGRESS "done\n");
	else if (progress >= (int)profile_question_count)
		buffer_add(out, AUTOSAVE_PROGRESS "results\n");
	else
		buffer_printf(out, AUTOSAVE_PROGRESS "%d\n", progress);
	profile_write_yaml(profile, data, out);
}

/* Reads the progress line; a number out of range is brought into it. */
int
autosave_progress(const char *text)
{
	const char *p = strstr(text, AUTOSAVE_PROGRESS);
	if (p == NULL)
		return AUTOSAVE_NONE;
	p += strlen(AUTOSAVE_PROGRESS);
	if (strncmp(p, "done", 4) == 0)
		return AUTOSAVE_DONE;
	if (strncmp(p, "results", 7) == 0)
		return (int)profile_question_count;
	int n = atoi(p);
	if (n < 0)
		n = 0;
	if (n > (int)profile_question_count)
		n = (int)profile_question_count;
	return n;
}

/* The answers and progress of an autosave text. */
int
autosave_parse(struct profile *profile, const char *path, const char *text,
    size_t length, int *progress, char **cause)
{
	if (profile_load_text(profile, path, text, length, cause) != 0)
		return -1;
	if (progress != NULL)
		*progress = autosave_progress(text);
	return 0;
}

/* Reads and parses the autosave file. */
int
autosave_load(struct profile *profile, const char *path, int *progress,
    char **cause)
{
	char *text;
	size_t length;
	int result;

	if (file_read_private(path, &text, &length, cause) != 0)
		return -1;
	result = autosave_parse(profile, path, text, length, progress, cause);
	free(text);
	return result;
}
