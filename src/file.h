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

/* Reads a whole regular file (at most FILE_MAX_SIZE bytes) into a
 * malloc'd, NUL-terminated buffer. */
int file_read(const char *path, char **text, size_t *length, char **cause);
/* Writes a file whole or not at all: a temporary file in the same folder,
 * created exclusively, flushed, synced, then renamed over the target.  A
 * symbolic link is followed; a device or pipe is written in place. */
int file_write_atomic(const char *path, const char *data, size_t length,
	char **cause);
/* True when path names an existing regular file. */
bool file_exists(const char *path);
/* mkdir -p of folder, with mode 0700 for the folders it creates. */
int file_make_folders(const char *folder, char **cause);
/* mkdir -p of the folder that holds path. */
int file_make_parent_folders(const char *path, char **cause);

#endif
