/* csn-safe-file.c: files replaced through GLib (temporary file, flush, backup "NAME~", rename), never
 * over someone else's edit; and the temporary file beside the target that the export writes by name. */
#define G_LOG_DOMAIN "csn-safe-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gfiledescriptorbased.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csn-safe-file.h"

#define STALE_TEMP_SECONDS (60 * 60)
/* The kernel's own limit on links followed in one path (Linux MAXSYMLINKS). */
#define MAX_LINK_HOPS 40
/* Temporary files of the export end so, and only files ending so are ever cleaned up. */
#define TEMP_MARK ".consenso-tmp"
#define TEMP_RANDOM "XXXXXX"

#define TARGET_ATTRIBUTES \
  G_FILE_ATTRIBUTE_STANDARD_TYPE "," CSN_FILE_STAMP_ATTRIBUTES "," G_FILE_ATTRIBUTE_UNIX_MODE "," \
  G_FILE_ATTRIBUTE_UNIX_UID "," G_FILE_ATTRIBUTE_UNIX_GID "," G_FILE_ATTRIBUTE_UNIX_NLINK "," \
  G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE

CsnFileStamp *
csn_file_stamp_new (const char *etag,
                    goffset     size)
{
  CsnFileStamp *stamp;

  g_return_val_if_fail (etag != NULL, NULL);

  stamp = g_new0 (CsnFileStamp, 1);
  stamp->etag = g_strdup (etag);
  stamp->size = size;
  return stamp;
}

/* NULL when @info has no entity tag (a pipe, a device). */
CsnFileStamp *
csn_file_stamp_new_from_info (GFileInfo *info)
{
  const char *etag;

  g_return_val_if_fail (G_IS_FILE_INFO (info), NULL);

  etag = g_file_info_get_etag (info);
  if (etag == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    return NULL;
  return csn_file_stamp_new (etag, g_file_info_get_size (info));
}

CsnFileStamp *
csn_file_stamp_copy (const CsnFileStamp *stamp)
{
  g_return_val_if_fail (stamp != NULL, NULL);
  return csn_file_stamp_new (stamp->etag, stamp->size);
}

gboolean
csn_file_stamp_equal (const CsnFileStamp *a,
                      const CsnFileStamp *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->size == b->size && g_strcmp0 (a->etag, b->etag) == 0;
}

void
csn_file_stamp_free (CsnFileStamp *stamp)
{
  if (stamp == NULL)
    return;
  g_free (stamp->etag);
  g_free (stamp);
}

/* @file's name for messages and titles: UTF-8, whatever bytes name the file. */
char *
csn_file_dup_display_basename (GFile *file)
{
  g_autofree char *basename = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  basename = g_file_get_basename (file);
  return g_filename_display_name (basename);
}

static gboolean G_GNUC_PRINTF (3, 4)
set_io_error (GError     **error,
              int          code,
              const char  *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, G_IO_ERROR, code, message);
  return FALSE;
}

static gboolean
set_save_error (GError     **error,
                int          saved_errno,
                const char  *name)
{
  /* Translators: "Cannot save draft.consenso: Permission denied" */
  return set_io_error (error, g_io_error_from_errno (saved_errno), _("Cannot save %s: %s"), name,
                       g_strerror (saved_errno));
}

static gsize
get_name_max (const char *dir)
{
  long name_max = pathconf (dir, _PC_NAME_MAX);

  return name_max > 0 ? (gsize) name_max : 255;
}

/* The file @path names once every symbolic link is followed as the kernel follows them; it may not
 * exist yet (a link to a file still to be made). */
static char *
resolve_links (const char  *path,
               const char  *name,
               GError     **error)
{
  g_autofree char *current = g_strdup (path);
  int saved_errno = ELOOP;

  for (guint hops = 0; hops <= MAX_LINK_HOPS; hops++)
    {
      g_autofree char *dir = g_path_get_dirname (current);
      g_autofree char *base = g_path_get_basename (current);
      g_autofree char *real_dir = realpath (dir, NULL);
      g_autofree char *target = NULL;
      GStatBuf st;

      if (real_dir == NULL)
        {
          saved_errno = errno;
          break;
        }
      g_free (current);
      current = g_build_filename (real_dir, base, NULL);
      if (g_lstat (current, &st) != 0)
        {
          saved_errno = errno;
          if (saved_errno == ENOENT)
            return g_steal_pointer (&current);
          break;
        }
      if (!S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      target = g_file_read_link (current, NULL);
      if (target == NULL)
        {
          saved_errno = errno;
          break;
        }
      g_free (current);
      /* Relative to the link's real folder, as the kernel reads "..". */
      current = g_path_is_absolute (target) ? g_steal_pointer (&target)
                                            : g_build_filename (real_dir, target, NULL);
    }

  set_save_error (error, saved_errno, name);
  return NULL;
}

static gboolean
set_changed_on_disk (GError     **error,
                     const char  *name)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
               _("%s was changed on disk after Consenso read or saved it; saving would overwrite "
                 "that change"),
               name);
  return FALSE;
}

static gboolean
check_target (GFileInfo           *info,
              const CsnFileStamp  *expected,
              const char          *name,
              GError             **error)
{
  g_autoptr(CsnFileStamp) current = NULL;

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR:
      break;
    case G_FILE_TYPE_DIRECTORY:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("Cannot save %s: it is a folder, not a file"), name);
      return FALSE;
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("Cannot save %s: it is not a regular file"), name);
      return FALSE;
    }

  current = csn_file_stamp_new_from_info (info);
  if (expected != NULL && !csn_file_stamp_equal (expected, current))
    {
      return set_changed_on_disk (error, name);
    }

  /* GLib refuses a file it cannot open for writing; a mode without any write permission counts as
   * read-only even for a user (root) whom the system would let through. */
  if ((g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE) & 0222) == 0 ||
      !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY,
                   _("%s is read-only; save the draft under another name"), name);
      return FALSE;
    }
  return TRUE;
}

/* The replacement gets the owner, group and mode of what it replaces, as far as the user may give
 * them: before the rename, so that it never shows with others. */
static void
keep_owner_and_mode (GFileOutputStream *out,
                     GFileInfo         *info)
{
  int fd = g_file_descriptor_based_get_fd (G_FILE_DESCRIPTOR_BASED (out));
  uid_t uid = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_UID);
  gid_t gid = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_GID);
  mode_t mode = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE) & 07777;

  /* Only root may give a file away; anyone may give it a group they belong to. */
  if (fchown (fd, uid, gid) != 0 && fchown (fd, (uid_t) -1, gid) != 0)
    g_debug ("Keeping the group %u of the replaced file: %s", (guint) gid, g_strerror (errno));
  if (fchmod (fd, mode) != 0)
    g_debug ("Keeping the mode %o of the replaced file: %s", (guint) mode, g_strerror (errno));
}

static gboolean
replace_contents (GFile         *real,
                  GFileInfo     *info,
                  const char    *data,
                  gsize          length,
                  const char    *etag,
                  gboolean       backup,
                  CsnFileStamp **written,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autofree char *new_etag = NULL;
  GFileCreateFlags flags = G_FILE_CREATE_PRIVATE;

  /* REPLACE_DESTINATION: a temporary file renamed into place, so that a crash never tears the file
   * (without it GLib also rewrites in place a file whose owner it cannot keep). A hard-linked file
   * is the exception when it gets a backup: renamed over, its other names would keep the old
   * content, so GLib copies it to NAME~ first and rewrites it in place; a crash can then tear the
   * file, never NAME~. */
  if (!backup || g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_NLINK) <= 1)
    flags |= G_FILE_CREATE_REPLACE_DESTINATION;
  out = g_file_replace (real, etag, backup, flags, cancellable, error);
  if (out == NULL)
    return FALSE;
  keep_owner_and_mode (out, info);

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), data, length, NULL, cancellable, error))
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      /* A cancelled close removes the temporary file; a plain one (as g_file_replace_contents()
       * of GLib 2.74 does after a failed write) renames the partial file over the original. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
      return FALSE;
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error))
    return FALSE;

  new_etag = g_file_output_stream_get_etag (out);
  if (written != NULL && new_etag != NULL)
    *written = csn_file_stamp_new (new_etag, length);
  return TRUE;
}

/* Makes the rename itself durable. */
static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (dir_fd >= 0)
    {
      (void) fsync (dir_fd);
      close (dir_fd);
    }
}

/* Replaces the local @file with @data, or creates it; a symbolic link stays and its target is
 * replaced. With @expected, refuses (G_IO_ERROR_WRONG_ETAG) if the file is no longer as it was.
 * Refuses a read-only file (G_IO_ERROR_READ_ONLY). With CSN_SAFE_FILE_BACKUP, keeps the old file
 * as "NAME~" beside the real one when that name fits. A crash or failure at any moment leaves the
 * old file whole, except a hard-linked file kept as NAME~: it is rewritten in place, so that its
 * other names see the new content, and NAME~ is what is whole then. One during the first save of a
 * new file may leave it empty. On success @written is the new file's stamp. */
gboolean
csn_safe_file_save (GFile               *file,
                    const char          *data,
                    gsize                length,
                    CsnSafeFileFlags     flags,
                    const CsnFileStamp  *expected,
                    CsnFileStamp       **written,
                    GCancellable        *cancellable,
                    GError             **error)
{
  g_autofree char *name = NULL;
  g_autofree char *real_path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *real_base = NULL;
  g_autoptr(GFile) real = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean created = FALSE;
  gboolean backup;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (g_file_peek_path (file) != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = csn_file_dup_display_basename (file);
  real_path = resolve_links (g_file_peek_path (file), name, error);
  if (real_path == NULL)
    return FALSE;
  real = g_file_new_for_path (real_path);
  dir = g_path_get_dirname (real_path);
  real_base = g_path_get_basename (real_path);

  info = g_file_query_info (real, TARGET_ATTRIBUTES, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable,
                            &local_error);
  if (info == NULL && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      return set_io_error (error, local_error->code, _("Cannot save %s: %s"), name,
                           local_error->message);
    }
  g_clear_error (&local_error);
  if (info != NULL && !check_target (info, expected, name, error))
    return FALSE;

  /* Where no new file can be made GLib would write in place. */
  if (g_access (dir, W_OK | X_OK) != 0)
    {
      int saved_errno = errno;

      /* Translators: "Cannot write to the folder of draft.consenso: Permission denied" */
      return set_io_error (error, g_io_error_from_errno (saved_errno),
                           _("Cannot write to the folder of %s: %s"), name, g_strerror (saved_errno));
    }

  if (info == NULL)
    {
      /* A new file appears whole, or empty: first an empty one, replaced like any other. */
      g_autoptr(GFileOutputStream) placeholder = g_file_create (real, G_FILE_CREATE_NONE, cancellable,
                                                                &local_error);

      if (placeholder == NULL)
        {
          return set_io_error (error, local_error->code, _("Cannot save %s: %s"), name,
                               local_error->message);
        }
      created = TRUE;
      if (g_output_stream_close (G_OUTPUT_STREAM (placeholder), cancellable, &local_error))
        info = g_file_query_info (real, TARGET_ATTRIBUTES, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                  cancellable, &local_error);
    }

  /* "NAME~" cannot be longer than the longest name. */
  backup = (flags & CSN_SAFE_FILE_BACKUP) && !created && strlen (real_base) + 1 <= get_name_max (dir);
  if (info == NULL ||
      !replace_contents (real, info, data, length, created || expected == NULL ? NULL : expected->etag,
                         backup, written, cancellable, &local_error))
    {
      if (created)
        g_file_delete (real, NULL, NULL);
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        set_changed_on_disk (error, name);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_io_error (error, local_error->code, _("Cannot save %s: %s"), name, local_error->message);
      return FALSE;
    }

  sync_folder (real_path);
  return TRUE;
}

/* The base of temporary names for @base in @dir: ".BASE.", BASE shortened (never inside a character)
 * so that ".BASE.XXXXXX.consenso-tmp" fits the folder's longest name. */
static char *
dup_temp_prefix (const char *dir,
                 const char *base)
{
  gsize name_max = get_name_max (dir);
  gsize extra = strlen ("..") + strlen (TEMP_RANDOM) + strlen (TEMP_MARK);
  gsize keep = strlen (base);

  if (keep + extra > name_max)
    {
      keep = name_max > extra ? name_max - extra : 0;
      if (g_utf8_validate (base, -1, NULL))
        while (keep > 0 && ((guchar) base[keep] & 0xC0) == 0x80)
          keep--;
    }
  return g_strdup_printf (".%.*s.", (int) keep, base);
}

static gboolean
is_temp_name (const char *name,
              const char *prefix)
{
  gsize prefix_len = strlen (prefix);

  if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, TEMP_MARK) ||
      strlen (name) != prefix_len + strlen (TEMP_RANDOM) + strlen (TEMP_MARK))
    return FALSE;
  for (gsize i = 0; i < strlen (TEMP_RANDOM); i++)
    if (!g_ascii_isalnum (name[prefix_len + i]))
      return FALSE;
  return TRUE;
}

/* A save killed between writing and renaming leaves ".NAME.XXXXXX.consenso-tmp" behind. Removes
 * those of this user older than an hour: a younger one may belong to a save still under way. */
static void
remove_stale_temps (const char *dir,
                    const char *prefix)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!is_temp_name (name, prefix))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid () &&
          now - st.st_mtime > STALE_TEMP_SECONDS)
        g_unlink (path);
    }
}

static gboolean G_GNUC_PRINTF (3, 4)
set_file_error (GError     **error,
                int          saved_errno,
                const char  *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), message);
  return FALSE;
}

/* Creates a hidden, uniquely named file in the target's folder; returns its path and open @fd. */
char *
csn_safe_file_create_temp (const char  *target,
                           int         *fd,
                           GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *temp = NULL;
  GStatBuf st;

  g_return_val_if_fail (target != NULL, NULL);
  g_return_val_if_fail (fd != NULL, NULL);

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  prefix = dup_temp_prefix (dir, base);
  remove_stale_temps (dir, prefix);
  temp = g_strconcat (dir, G_DIR_SEPARATOR_S, prefix, TEMP_RANDOM, TEMP_MARK, NULL);

  *fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0666 & ~0022);
  if (*fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (target);

      /* Translators: "Cannot write to the folder of report.xlsx: Permission denied" */
      set_file_error (error, saved_errno, _("Cannot write to the folder of %s: %s"), display,
                      g_strerror (saved_errno));
      return NULL;
    }

  /* A replaced file keeps its permissions. */
  if (g_stat (target, &st) == 0)
    (void) fchmod (*fd, st.st_mode & 07777);

  return g_steal_pointer (&temp);
}

/* Flushes @temp_path, keeps the current target as "TARGET~" if asked and renames @temp_path over it. */
gboolean
csn_safe_file_commit (const char  *temp_path,
                      const char  *target,
                      gboolean     keep_backup,
                      GError     **error)
{
  g_autofree char *display = NULL;
  int fd;

  g_return_val_if_fail (temp_path != NULL, FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  display = g_filename_display_name (target);

  fd = g_open (temp_path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_unlink (temp_path);
      return set_file_error (error, saved_errno, _("Cannot write %s: %s"), display,
                             g_strerror (saved_errno));
    }
  close (fd);

  if (keep_backup && g_file_test (target, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *backup = g_strconcat (target, "~", NULL);

      /* A hard link keeps the target in place until the rename replaces it. */
      g_unlink (backup);
      if (link (target, backup) != 0)
        g_debug ("No backup of %s: %s", target, g_strerror (errno));
    }

  if (g_rename (temp_path, target) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      return set_file_error (error, saved_errno, _("Cannot replace %s: %s"), display,
                             g_strerror (saved_errno));
    }

  sync_folder (target);
  return TRUE;
}
