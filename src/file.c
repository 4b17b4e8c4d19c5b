/* file.c - the core's only contact with files: reading with limits,
 * writing whole or not at all, and creating folders. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"
#include "i18n.h"
#include "util.h"

/* Reads path into memory; refuses folders, unreadable and oversize files. */
static int
file_read_with(const char *path, enum file_links links, char **text,
    size_t *length, char **cause)
{
	struct stat st;
	/* O_NONBLOCK: opening a FIFO must not wait for a writer; the type
	 * check below then refuses it. */
	int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY;
	int fd = open(path, flags | (links == FILE_REFUSE_LINKS ?
	    O_NOFOLLOW : 0));
	if (fd < 0) {
		if (errno == ELOOP && links == FILE_REFUSE_LINKS)
			util_error(cause, _("%s: is a symbolic link, which is "
			    "refused here"), path);
		else
			util_error(cause, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		util_error(cause, _("%s: not a regular file"), path);
		close(fd);
		return -1;
	}
	if ((unsigned long long)st.st_size > FILE_MAX_SIZE) {
		util_error(cause, _("%s: file is larger than the limit of %u MiB"),
		    path, FILE_MAX_SIZE / (1024 * 1024));
		close(fd);
		return -1;
	}
	size_t size = (size_t)st.st_size, done = 0;
	char *data = malloc(size + 1);
	if (data == NULL) {
		util_error(cause, _("%s: out of memory"), path);
		close(fd);
		return -1;
	}
	while (done < size) {
		ssize_t n = read(fd, data + done, size - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			util_error(cause, "%s: %s", path,
			    n < 0 ? strerror(errno) : _("file shrank while reading"));
			free(data);
			close(fd);
			return -1;
		}
		done += (size_t)n;
	}
	close(fd);
	data[size] = '\0';
	*text = data;
	*length = size;
	return 0;
}

/* Reads a file, following symbolic links (inputs the user names). */
int
file_read(const char *path, char **text, size_t *length, char **cause)
{
	return file_read_with(path, FILE_FOLLOW_LINKS, text, length, cause);
}

/* Reads a file llmadvisor keeps itself: a link there is refused. */
int
file_read_private(const char *path, char **text, size_t *length,
    char **cause)
{
	return file_read_with(path, FILE_REFUSE_LINKS, text, length, cause);
}

/* Writes all of data to an open descriptor. */
static int
file_write_all(int fd, const char *data, size_t length)
{
	size_t done = 0;
	while (done < length) {
		ssize_t w = write(fd, data + done, length - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = EIO;
			return -1;
		}
		done += (size_t)w;
	}
	return 0;
}

/* Writes to something that is not a regular file (a terminal, a pipe,
 * /dev/full): there is nothing to replace, so write in place. */
static int
file_write_device(const char *path, const char *data, size_t length,
    char **cause)
{
	/* O_NONBLOCK: a FIFO nobody reads fails at once (ENXIO) instead of
	 * hanging; writing itself then blocks as usual. */
	int fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOCTTY |
	    O_NONBLOCK);
	if (fd < 0 && errno == ENXIO) {
		util_error(cause, _("%s: no program is reading this pipe"), path);
		return -1;
	}
	if (fd >= 0) {
		int flags = fcntl(fd, F_GETFL);
		if (flags != -1)
			fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	}
	if (fd < 0 || file_write_all(fd, data, length) != 0) {
		util_error(cause, _("%s: cannot write: %s"), path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (close(fd) != 0) {
		util_error(cause, _("%s: cannot write: %s"), path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Checks what stands at path before it is replaced: follows a link to
 * an existing file (or refuses links for private files), refuses dangling
 * links, link loops, folders and read-only files.  Sets *device for
 * something that is written in place, *existing with the file's status
 * when there is one, and target to the path to replace. */
static int
file_write_target(const char *path, enum file_links links, char *target,
    size_t size, bool *device, struct stat *existing, bool *exists,
    char **cause)
{
	struct stat st;
	*device = false;
	*exists = false;
	if ((size_t)snprintf(target, size, "%s", path) >= size) {
		util_error(cause, _("%s: file name too long"), path);
		return -1;
	}
	if (lstat(path, &st) != 0)
		return 0;	/* nothing there: a new file */
	if (S_ISLNK(st.st_mode)) {
		if (links == FILE_REFUSE_LINKS) {
			util_error(cause, _("%s: is a symbolic link, which is "
			    "refused here"), path);
			return -1;
		}
		if (stat(path, &st) != 0) {
			if (errno == ELOOP)
				util_error(cause, _("%s: the symbolic links loop; "
				    "nothing written"), path);
			else
				util_error(cause, _("%s: is a symbolic link to a "
				    "missing file; nothing written"), path);
			return -1;
		}
		if (S_ISREG(st.st_mode) && realpath(path, target) == NULL) {
			util_error(cause, "%s: %s", path, strerror(errno));
			return -1;
		}
	}
	if (S_ISDIR(st.st_mode)) {
		util_error(cause, _("%s: is a folder"), path);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		*device = true;
		return 0;
	}
	if (faccessat(AT_FDCWD, target, W_OK, AT_EACCESS) != 0) {
		util_error(cause, _("%s: the file is read-only; nothing "
		    "written"), path);
		return -1;
	}
	*existing = st;
	*exists = true;
	return 0;
}

/* Writes data to path whole or not at all, through a temporary file in
 * the same folder that is renamed over the target. */
static int
file_write_with(const char *path, enum file_links links, const char *data,
    size_t length, char **cause)
{
	char temporary[PATH_MAX], target[PATH_MAX];
	struct stat st;
	bool device, exists;
	mode_t mode, mask;
	int n;

	if (file_write_target(path, links, target, sizeof target, &device,
	    &st, &exists, cause) != 0)
		return -1;
	if (device)
		return file_write_device(path, data, length, cause);
	path = target;
	/* Keep an existing file's permissions; a new one gets the umask's
	 * (a private file: the owner's only). */
	mask = umask(0);
	umask(mask);
	if (exists)
		mode = st.st_mode & 07777;
	else
		mode = (links == FILE_REFUSE_LINKS ? 0600 : 0666) & ~mask;
	const char *slash = strrchr(path, '/');
	if (slash == NULL)
		n = snprintf(temporary, sizeof temporary, ".%s.XXXXXX", path);
	else
		n = snprintf(temporary, sizeof temporary, "%.*s/.%s.XXXXXX",
		    (int)(slash - path), path, slash + 1);
	if (n < 0 || (size_t)n >= sizeof temporary) {
		util_error(cause, _("%s: file name too long"), path);
		return -1;
	}
	/* mkstemp creates with O_EXCL, so it never follows a planted link. */
	int fd = mkstemp(temporary);
	if (fd < 0) {
		util_error(cause, _("%s: cannot create a temporary file: %s"),
		    path, strerror(errno));
		return -1;
	}
	/* The replaced file keeps its owner where we may say so (root
	 * writing someone else's file); elsewhere this changes nothing. */
	if (exists && (st.st_uid != geteuid() || st.st_gid != getegid()) &&
	    fchown(fd, st.st_uid, st.st_gid) != 0 && errno != EPERM)
		goto fail;
	if (file_write_all(fd, data, length) != 0 || fchmod(fd, mode) != 0 ||
	    fsync(fd) != 0)
		goto fail;
	if (close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(temporary, path) != 0)
		goto fail;
	return 0;
fail:
	util_error(cause, _("%s: cannot write: %s"), path, strerror(errno));
	if (fd >= 0)
		close(fd);
	unlink(temporary);
	return -1;
}

/* Writes a file the user named: links to existing files are followed. */
int
file_write_atomic(const char *path, const char *data, size_t length,
    char **cause)
{
	return file_write_with(path, FILE_FOLLOW_LINKS, data, length, cause);
}

/* Writes a file llmadvisor keeps itself: a link there is refused. */
int
file_write_private(const char *path, const char *data, size_t length,
    char **cause)
{
	return file_write_with(path, FILE_REFUSE_LINKS, data, length, cause);
}

/* Refuses a symbolic link at path (for files llmadvisor keeps itself
 * that a parser reads by name); a missing file is fine. */
int
file_refuse_link(const char *path, char **cause)
{
	struct stat st;
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		util_error(cause, _("%s: is a symbolic link, which is refused "
		    "here"), path);
		return -1;
	}
	return 0;
}

/* Takes an exclusive lock on path (created if needed, private, never
 * through a link) without waiting: 0 with *fd holding it until that
 * descriptor is closed, 1 when another process holds it, -1 with
 * *cause. */
int
file_lock(const char *path, int *fd, char **cause)
{
	*fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW |
	    O_NONBLOCK | O_NOCTTY, 0600);
	if (*fd < 0) {
		util_error(cause, _("%s: cannot lock: %s"), path, strerror(errno));
		return -1;
	}
	if (flock(*fd, LOCK_EX | LOCK_NB) == 0)
		return 0;
	int busy = errno == EWOULDBLOCK;
	if (!busy)
		util_error(cause, _("%s: cannot lock: %s"), path, strerror(errno));
	close(*fd);
	*fd = -1;
	return busy ? 1 : -1;
}

/* True when both paths name the same existing file. */
bool
file_same(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* True when path names an existing regular file. */
bool
file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Creates folder and every folder above it (mkdir -p), private to the
 * user; fails when the result is not a folder. */
int
file_make_folders(const char *folder, char **cause)
{
	char path[PATH_MAX];
	struct stat st;
	size_t length = strlen(folder);

	if (length == 0 || length >= sizeof path) {
		util_error(cause, _("%s: not a usable folder name"), folder);
		return -1;
	}
	memcpy(path, folder, length + 1);
	for (size_t i = 1; i <= length; i++) {
		if (path[i] != '/' && path[i] != '\0')
			continue;
		char saved = path[i];
		path[i] = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST) {
			util_error(cause, _("%s: cannot create the folder: %s"),
			    path, strerror(errno));
			return -1;
		}
		path[i] = saved;
	}
	if (stat(folder, &st) != 0 || !S_ISDIR(st.st_mode)) {
		util_error(cause, _("%s: not a folder"), folder);
		return -1;
	}
	return 0;
}

/* Creates the folders above path, the file's own folder included. */
int
file_make_parent_folders(const char *path, char **cause)
{
	char folder[PATH_MAX];
	const char *slash = strrchr(path, '/');

	if (slash == NULL || slash == path)
		return 0;
	if ((size_t)(slash - path) >= sizeof folder) {
		util_error(cause, _("%s: not a usable folder name"), path);
		return -1;
	}
	memcpy(folder, path, (size_t)(slash - path));
	folder[slash - path] = '\0';
	return file_make_folders(folder, cause);
}
