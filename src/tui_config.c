/* tui_config.c - the settings file of the terminal front end (see
 * tui_config.h).  A small key = value format, so a person can write it
 * without looking anything up:
 *
 *     # ~/.config/llmadvisor/config
 *     theme = light      # dark | light | mono
 *     mouse = off        # on | off
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "file.h"
#include "i18n.h"
#include "tui_config.h"
#include "util.h"

const char *const tui_config_theme_names[] = { "dark", "light", "mono", NULL };

/* The defaults (see tui_config.h). */
void
tui_config_default(struct tui_config *config)
{
	config->theme = TUI_THEME_DARK;
	config->mouse = true;
}

/* True for the blanks a line may have around its words. */
static bool
tui_config_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Applies one "key = value" line (without its line break); 0, or -1
 * with *cause positioned at line, column. */
static int
tui_config_line(struct tui_config *config, const char *path, int line,
    const char *text, size_t length, char **cause)
{
	char key[64], value[64];
	size_t i = 0, key_start, key_length, value_start, value_length;

	while (i < length && tui_config_blank(text[i]))
		i++;
	if (i == length || text[i] == '#')
		return 0;
	key_start = i;
	while (i < length && text[i] != '=' && !tui_config_blank(text[i]) &&
	    text[i] != '#')
		i++;
	key_length = i - key_start;
	while (i < length && tui_config_blank(text[i]))
		i++;
	if (i == length || text[i] != '=') {
		util_error_at(cause, path, line, (int)i + 1, _("expected "
		    "'key = value' (keys: theme, mouse)"));
		return -1;
	}
	i++;
	while (i < length && tui_config_blank(text[i]))
		i++;
	value_start = i;
	while (i < length && text[i] != '#' && !tui_config_blank(text[i]))
		i++;
	value_length = i - value_start;
	while (i < length && tui_config_blank(text[i]))
		i++;
	if (i < length && text[i] != '#') {
		util_error_at(cause, path, line, (int)i + 1, _("one value "
		    "a line: '%.*s' follows it"), (int)(length - i), text + i);
		return -1;
	}
	if (key_length >= sizeof key || value_length >= sizeof value ||
	    value_length == 0) {
		util_error_at(cause, path, line, (int)value_start + 1,
		    value_length == 0 ? _("a value is missing after '='") :
		    _("the key or value is too long"));
		return -1;
	}
	memcpy(key, text + key_start, key_length);
	key[key_length] = '\0';
	memcpy(value, text + value_start, value_length);
	value[value_length] = '\0';
	if (strcmp(key, "theme") == 0) {
		for (int t = 0; t < TUI_THEME_COUNT; t++)
			if (strcmp(value, tui_config_theme_names[t]) == 0) {
				config->theme = (enum tui_theme)t;
				return 0;
			}
		util_error_at(cause, path, line, (int)value_start + 1,
		    _("unknown theme '%s' (dark, light or mono)"), value);
		return -1;
	}
	if (strcmp(key, "mouse") == 0) {
		if (strcmp(value, "on") == 0 || strcmp(value, "off") == 0) {
			config->mouse = strcmp(value, "on") == 0;
			return 0;
		}
		util_error_at(cause, path, line, (int)value_start + 1,
		    _("mouse is on or off, not '%s'"), value);
		return -1;
	}
	util_error_at(cause, path, line, (int)key_start + 1,
	    _("unknown key '%s' (theme, mouse)"), key);
	return -1;
}

/* Parses settings text (see tui_config.h). */
int
tui_config_parse(struct tui_config *config, const char *path,
    const char *text, char **cause)
{
	int line = 1, status = 0;
	const char *p = text;
	while (*p != '\0') {
		const char *end = strchr(p, '\n');
		size_t length = end != NULL ? (size_t)(end - p) : strlen(p);
		char *problem = NULL;
		if (tui_config_line(config, path, line, p, length,
		    &problem) != 0) {
			if (status == 0 && cause != NULL)
				*cause = problem;
			else
				free(problem);
			status = -1;
		}
		if (end == NULL)
			break;
		p = end + 1;
		line++;
	}
	return status;
}

/* Reads the settings file (see tui_config.h). */
int
tui_config_load(struct tui_config *config, const char *path, char **cause)
{
	char *text = NULL;
	size_t length = 0;
	int status;
	struct stat st;
	if (stat(path, &st) != 0 && errno == ENOENT)
		return 0;		/* no file: the defaults */
	if (file_read(path, &text, &length, cause) != 0)
		return -1;
	if (memchr(text, '\0', length) != NULL) {
		util_error_at(cause, path, 1, 1, _("not a text file"));
		free(text);
		return -1;
	}
	status = tui_config_parse(config, path, text, cause);
	free(text);
	return status;
}
