/* file.h - reading files with limits, writing them whole or not at all,
 * creating folders.  Every function reports failure through cause with the
 * path in the message. */
#ifndef LLMADVISOR_FILE_H
#define LLMADVISOR_FILE_H

#include <stdbool.h>
#include <stddef.h>

/* The largest input file accepted: far above any real answers, data or
 * price file, low enough that a mistaken path cannot exhaust memory. */
#define FILE_MAX_SIZE (4u * 1024u * 1024u)

/* Whether a symbolic link at the path is followed or refused. */
enum file_links {
	FILE_FOLLOW_LINKS,	/* files the user names (-a, -o, -d) */
	FILE_REFUSE_LINKS,	/* files llmadvisor keeps itself (autosave,
				 * the imported prices.yaml) */
};

/* Reads a whole regular file (at most FILE_MAX_SIZE bytes) into a
 * malloc'd, NUL-terminated buffer. */
int file_read(const char *path, char **text, size_t *length, char **cause);
/* As file_read, but a symbolic link at path is refused (O_NOFOLLOW). */
int file_read_private(const char *path, char **text, size_t *length,
	char **cause);
/* Writes a file whole or not at all: a temporary file in the same folder,
 * created exclusively, flushed, synced, then renamed over the target; the
 * target keeps its permissions (and owner, where allowed).  A symbolic
 * link to an existing file is followed and kept; a dangling link, a link
 * loop, a folder and a read-only file are refused.  A device or a pipe is
 * written in place; a pipe nobody reads is an error, never a hang. */
int file_write_atomic(const char *path, const char *data, size_t length,
	char **cause);
/* As file_write_atomic, but a symbolic link at path is refused, and a new
 * file is readable by its owner only. */
int file_write_private(const char *path, const char *data, size_t length,
	char **cause);
/* -1 with *cause when path is a symbolic link: for files llmadvisor keeps
 * itself that another module reads by name. */
int file_refuse_link(const char *path, char **cause);
/* An exclusive lock on path (created private, never through a link),
 * taken without waiting: 0 with *fd holding it until closed, 1 when
 * another process holds it, -1 with *cause. */
int file_lock(const char *path, int *fd, char **cause);
/* True when both paths name the same existing file (-a FILE -o FILE). */
bool file_same(const char *a, const char *b);
/* True when path names an existing regular file. */
bool file_exists(const char *path);
/* mkdir -p of folder, with mode 0700 for the folders it creates. */
int file_make_folders(const char *folder, char **cause);
/* mkdir -p of the folder that holds path. */
int file_make_parent_folders(const char *path, char **cause);

#endif
