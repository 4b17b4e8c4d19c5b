/* tui_config.h - the terminal front end's settings file
 * ($XDG_CONFIG_HOME/llmadvisor/config): key = value lines that choose a
 * colour theme and whether the mouse is used.  No curses here, so the
 * parser is unit-tested (tests/test_tui.c). */
#ifndef LLMADVISOR_TUI_CONFIG_H
#define LLMADVISOR_TUI_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

enum tui_theme {
	TUI_THEME_DARK,			/* the default: for dark backgrounds */
	TUI_THEME_LIGHT,		/* for light backgrounds */
	TUI_THEME_MONO,			/* attributes only, as NO_COLOR */
	TUI_THEME_COUNT
};

struct tui_config {
	enum tui_theme theme;
	bool mouse;
};

/* The names of the themes as the file spells them, in enum order. */
extern const char *const tui_config_theme_names[];

/* The defaults: the dark theme, the mouse on. */
void tui_config_default(struct tui_config *);
/* Reads settings from text (path names it in messages).  Lines are
 * "key = value", '#' starts a comment.  Every good line is applied; the
 * first bad one gives -1 and *cause "PATH:LINE:COL: what is wrong". */
int tui_config_parse(struct tui_config *, const char *path, const char *text,
	char **cause);
/* Reads the settings file at path: 0 when it is read or absent, -1 with
 * *cause when it cannot be read or has a bad line (good lines apply). */
int tui_config_load(struct tui_config *, const char *path, char **cause);

#endif
