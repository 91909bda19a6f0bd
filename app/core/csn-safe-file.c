/* csn-safe-file.c: write beside the target, flush to disk, keep a backup, rename over the target. */
#define G_LOG_DOMAIN "csn-safe-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include "csn-safe-file.h"

#define STALE_TEMP_SECONDS (60 * 60)

typedef enum {
  FAILED_CREATE,
  FAILED_WRITE,
  FAILED_RENAME,
} Failure;

static gboolean
set_error_from_errno (GError     **error,
                      int          saved_errno,
                      Failure      failure,
                      const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);
  GFileError code = g_file_error_from_errno (saved_errno);
  const char *reason = g_strerror (saved_errno);

  switch (failure)
    {
    case FAILED_CREATE:
      /* Translators: "Cannot write to the folder of draft.consenso: Permission denied" */
      g_set_error (error, G_FILE_ERROR, code, _("Cannot write to the folder of %s: %s"), display, reason);
      break;
    case FAILED_WRITE:
      g_set_error (error, G_FILE_ERROR, code, _("Cannot write %s: %s"), display, reason);
      break;
    case FAILED_RENAME:
      g_set_error (error, G_FILE_ERROR, code, _("Cannot replace %s: %s"), display, reason);
      break;
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

/* A save killed between writing and renaming leaves ".NAME.XXXXXX" behind. Removes those older than
 * an hour: a younger one may belong to a save still under way in another process. */
static void
remove_stale_temps (const char *dir,
                    const char *base)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autofree char *prefix = g_strconcat (".", base, ".", NULL);
  gsize prefix_len = strlen (prefix);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;

      if (!g_str_has_prefix (name, prefix) || strlen (name) != prefix_len + 6)
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && now - st.st_mtime > STALE_TEMP_SECONDS)
        g_unlink (path);
    }
}

/* Creates a hidden, uniquely named file in the target's folder; returns its path and open @fd. */
char *
csn_safe_file_create_temp (const char  *target,
                           int         *fd,
                           GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  struct stat st;

  g_return_val_if_fail (target != NULL, NULL);
  g_return_val_if_fail (fd != NULL, NULL);

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  remove_stale_temps (dir, base);
  temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);

  *fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0666 & ~0022);
  if (*fd < 0)
    {
      set_error_from_errno (error, errno, FAILED_CREATE, target);
      return NULL;
    }

  /* A replaced file keeps its permissions. */
  if (g_stat (target, &st) == 0)
    (void) fchmod (*fd, st.st_mode & 07777);

  return g_steal_pointer (&temp);
}

/* Flushes @temp_path, keeps the current target as "TARGET~" and renames @temp_path over it. */
gboolean
csn_safe_file_commit (const char  *temp_path,
                      const char  *target,
                      gboolean     keep_backup,
                      GError     **error)
{
  g_autofree char *backup = NULL;
  int fd;

  g_return_val_if_fail (temp_path != NULL, FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  fd = g_open (temp_path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_unlink (temp_path);
      return set_error_from_errno (error, saved_errno, FAILED_WRITE, target);
    }
  close (fd);

  if (keep_backup && g_file_test (target, G_FILE_TEST_IS_REGULAR))
    {
      /* A hard link keeps the target in place until the rename replaces it. */
      backup = g_strconcat (target, "~", NULL);
      g_unlink (backup);
      if (link (target, backup) != 0)
        {
          g_autofree char *contents = NULL;
          gsize length;

          if (g_file_get_contents (target, &contents, &length, NULL))
            g_file_set_contents (backup, contents, length, NULL);
        }
    }

  if (g_rename (temp_path, target) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      return set_error_from_errno (error, saved_errno, FAILED_RENAME, target);
    }

  /* Make the rename itself durable. */
  {
    g_autofree char *dir = g_path_get_dirname (target);
    int dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

    if (dir_fd >= 0)
      {
        (void) fsync (dir_fd);
        close (dir_fd);
      }
  }

  return TRUE;
}

/* Writes @data to @target safely: the old file stays whole until the new one is complete. */
gboolean
csn_safe_file_replace (const char  *target,
                       const char  *data,
                       gsize        length,
                       gboolean     keep_backup,
                       GError     **error)
{
  g_autofree char *temp = NULL;
  gsize written = 0;
  int fd;

  g_return_val_if_fail (target != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  temp = csn_safe_file_create_temp (target, &fd, error);
  if (temp == NULL)
    return FALSE;

  while (written < length)
    {
      gssize n = write (fd, data + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved_errno = n < 0 ? errno : ENOSPC;

          close (fd);
          g_unlink (temp);
          return set_error_from_errno (error, saved_errno, FAILED_WRITE, target);
        }
      written += n;
    }

  if (close (fd) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp);
      return set_error_from_errno (error, saved_errno, FAILED_WRITE, target);
    }

  return csn_safe_file_commit (temp, target, keep_backup, error);
}
