/* csn-recovery.c: keeps a copy of a draft's unsaved changes on disk so that a crash loses nothing. */
#define G_LOG_DOMAIN "csn-recovery"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "csn-draft.h"
#include "csn-draft-private.h"
#include "csn-history.h"
#include "csn-recovery.h"
#include "csn-safe-file.h"

#define RECOVERY_SUFFIX ".consenso"
#define SIDECAR_SUFFIX  ".json"
#define SIDECAR_FORMAT  "consenso-recovery"
/* g_file_set_contents_full() writes "NAME.XXXXXX" first; a kill can leave one behind. */
#define TEMP_RANDOM_LENGTH 6
#define STALE_TEMP_SECONDS (60 * 60)

/* The two files, shared with the thread that writes them: plain data under a lock. Writes and
 * removals are numbered in the order they were asked for; one older than the last done is dropped. */
typedef struct
{
  GMutex   lock;
  char    *path;          /* <directory>/<uuid>.consenso: the draft's data */
  char    *sidecar_path;  /* <directory>/<uuid>.json: where it came from and when */
  guint64  settled;       /* the number of the last write or removal done */
} RecoveryFiles;

struct _CsnRecovery
{
  GObject        parent_instance;

  CsnDraft      *draft;
  RecoveryFiles *files;
  guint64        last_request;  /* the number of the last write or removal asked for */
  GDateTime     *saved_time;
  guint          delay;
  guint          write_source;
  guint          writes_under_way;
  CsnDraftWriter *writer;       /* the copy being written out between frames */
  guint          slice_source;
  guint          restarts;      /* slices thrown away by edits since the last copy */
};

G_DEFINE_FINAL_TYPE (CsnRecovery, csn_recovery, G_TYPE_OBJECT)

static char *
dup_sidecar_path (const char *path)
{
  g_autofree char *stem = NULL;

  if (g_str_has_suffix (path, RECOVERY_SUFFIX))
    stem = g_strndup (path, strlen (path) - strlen (RECOVERY_SUFFIX));
  else
    stem = g_strdup (path);
  return g_strconcat (stem, SIDECAR_SUFFIX, NULL);
}

static void
recovery_files_clear (RecoveryFiles *files)
{
  g_mutex_clear (&files->lock);
  g_free (files->path);
  g_free (files->sidecar_path);
}

static void
recovery_files_unref (RecoveryFiles *files)
{
  g_atomic_rc_box_release_full (files, (GDestroyNotify) recovery_files_clear);
}

static void
remove_if_present (const char *path)
{
  if (g_unlink (path) != 0 && errno != ENOENT)
    g_warning ("Could not remove the recovery file %s: %s", path, g_strerror (errno));
}

/* Removes a recovery file and its sidecar. */
void
csn_recovery_remove_file (const char *path)
{
  g_autofree char *sidecar_path = NULL;

  g_return_if_fail (path != NULL);

  sidecar_path = dup_sidecar_path (path);
  remove_if_present (path);
  remove_if_present (sidecar_path);
}

static char *
build_sidecar (CsnRecovery *self,
               GDateTime   *now,
               gsize       *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *saved = g_date_time_format_iso8601 (now);
  GFile *file = csn_draft_get_file (self->draft);
  const CsnFileStamp *stamp = csn_draft_get_file_stamp (self->draft);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, SIDECAR_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "file");
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      json_builder_add_string_value (builder, uri);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "saved");
  json_builder_add_string_value (builder, saved);
  /* A restored draft still refuses to overwrite a file someone else changed meanwhile. */
  if (stamp != NULL)
    {
      json_builder_set_member_name (builder, "file_etag");
      json_builder_add_string_value (builder, stamp->etag);
      json_builder_set_member_name (builder, "file_size");
      json_builder_add_int_value (builder, stamp->size);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, length);
}

/* One copy of the draft, as the writing thread sees it. */
typedef struct
{
  RecoveryFiles *files;
  guint64        number;
  GBytes        *data;
  GBytes        *sidecar;
  GDateTime     *time;
  gboolean       written;  /* FALSE if a later write or removal made it pointless */
} Copy;

static void
copy_free (Copy *copy)
{
  g_clear_pointer (&copy->files, recovery_files_unref);
  g_clear_pointer (&copy->data, g_bytes_unref);
  g_clear_pointer (&copy->sidecar, g_bytes_unref);
  g_clear_pointer (&copy->time, g_date_time_unref);
  g_free (copy);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Copy, copy_free)

/* The draft is written out here, on the main thread, unless @data is already its text. */
static Copy *
copy_new (CsnRecovery *self,
          GBytes      *data)
{
  Copy *copy = g_new0 (Copy, 1);
  char *sidecar;
  gsize sidecar_length;

  copy->files = g_atomic_rc_box_acquire (self->files);
  copy->number = ++self->last_request;
  copy->time = g_date_time_new_now_local ();
  if (data != NULL)
    copy->data = g_bytes_ref (data);
  else
    {
      gsize length;
      char *text = csn_draft_to_data (self->draft, &length);

      copy->data = g_bytes_new_take (text, length);
    }
  sidecar = build_sidecar (self, copy->time, &sidecar_length);
  copy->sidecar = g_bytes_new_take (sidecar, sidecar_length);
  return copy;
}

static gboolean
set_contents (const char  *path,
              GBytes      *bytes,
              GError     **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  /* Consistent: the old copy or the new one, whole; durable: on disk before it counts as kept. */
  return g_file_set_contents_full (path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0600,
                                   error);
}

/* Writes @copy unless a later write or removal was done first; any thread. */
static gboolean
copy_write (Copy    *copy,
            GError **error)
{
  RecoveryFiles *files = copy->files;
  g_autofree char *directory = g_path_get_dirname (files->path);
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&files->lock);

  if (copy->number < files->settled)
    return TRUE;

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", directory, g_strerror (saved_errno));
      return FALSE;
    }
  /* The sidecar first: a copy listed (its .consenso file) always has one, even after a kill. */
  if (!set_contents (files->sidecar_path, copy->sidecar, error) ||
      !set_contents (files->path, copy->data, error))
    return FALSE;

  files->settled = copy->number;
  copy->written = TRUE;
  return TRUE;
}

static void
copy_done (CsnRecovery *self,
           Copy        *copy)
{
  if (!copy->written)
    return;
  g_clear_pointer (&self->saved_time, g_date_time_unref);
  self->saved_time = g_date_time_ref (copy->time);
}

/* Removes both files now; a write under way finishes first, one asked for before is dropped. */
static void
remove_files (CsnRecovery *self)
{
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->files->lock);

  self->files->settled = ++self->last_request;
  csn_recovery_remove_file (self->files->path);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GError *error = NULL;

  if (copy_write (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
weak_ref_free (GWeakRef *weak_ref)
{
  g_weak_ref_clear (weak_ref);
  g_free (weak_ref);
}

static void
on_copy_written_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GWeakRef *weak_ref = user_data;
  g_autoptr(CsnRecovery) self = g_weak_ref_get (weak_ref);
  Copy *copy = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  weak_ref_free (weak_ref);
  if (self == NULL)
    return;

  self->writes_under_way--;
  if (g_task_propagate_boolean (G_TASK (result), &error))
    copy_done (self, copy);
  else
    g_warning ("Could not keep unsaved changes in %s: %s", self->files->path, error->message);
}

/* Copies the draft from a worker thread: the thread sees only the copy's bytes and the file names,
 * and its task has no source object that it could drop last. */
static void
write_copy_async (CsnRecovery *self,
                  GBytes      *data)
{
  GWeakRef *weak_ref = g_new0 (GWeakRef, 1);
  g_autoptr(GTask) task = NULL;

  /* A weak reference: the window may go while the copy is written; dispose writes a newer one. */
  g_weak_ref_init (weak_ref, self);
  task = g_task_new (NULL, NULL, on_copy_written_cb, weak_ref);
  g_task_set_source_tag (task, write_copy_async);
  g_task_set_task_data (task, copy_new (self, data), (GDestroyNotify) copy_free);
  self->writes_under_way++;
  g_task_run_in_thread (task, write_in_thread);
}

/* A large draft takes longer to write out than a frame lasts: the copy is written a slice at a time
 * between frames, and begun again if an edit comes in between. */
#define SLICE_US 4000
/* After this many copies begun again, the next is written at once, whatever it costs: a long run of
 * edits is still copied. */
#define MAX_RESTARTS 3

static void
stop_slices (CsnRecovery *self)
{
  g_clear_handle_id (&self->slice_source, g_source_remove);
  g_clear_pointer (&self->writer, csn_draft_writer_free);
}

static gboolean
on_write_slice_cb (gpointer user_data)
{
  CsnRecovery *self = user_data;
  g_autoptr(GBytes) data = NULL;
  char *text;
  gsize length;

  if (!csn_draft_writer_step (self->writer, g_get_monotonic_time () + SLICE_US))
    return G_SOURCE_CONTINUE;

  self->slice_source = 0;
  text = csn_draft_writer_finish (g_steal_pointer (&self->writer), csn_draft_get_lineage (self->draft), &length);
  data = g_bytes_new_take (text, length);
  self->restarts = 0;
  write_copy_async (self, data);
  return G_SOURCE_REMOVE;
}

static void
start_slices (CsnRecovery *self)
{
  stop_slices (self);
  if (self->restarts >= MAX_RESTARTS)
    {
      self->restarts = 0;
      write_copy_async (self, NULL);
      return;
    }
  self->writer = csn_draft_writer_new (self->draft);
  self->slice_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_write_slice_cb, self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->slice_source), "[consenso] recovery copy");
}

static gboolean
on_write_timeout_cb (gpointer user_data)
{
  CsnRecovery *self = user_data;

  self->write_source = 0;
  if (csn_draft_get_modified (self->draft))
    start_slices (self);
  else
    remove_files (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_write (CsnRecovery *self)
{
  /* Not restarted by later edits: a long run of edits is still copied within the delay. */
  if (self->write_source == 0)
    self->write_source = g_timeout_add_seconds (self->delay, on_write_timeout_cb, self);
}

static void
on_draft_changed_cb (CsnRecovery *self,
                     CsnDraft    *draft)
{
  /* The slices written so far show the draft before the edit. */
  if (self->writer != NULL)
    {
      stop_slices (self);
      self->restarts++;
      if (csn_draft_get_modified (draft))
        start_slices (self);
      return;
    }
  if (csn_draft_get_modified (draft))
    schedule_write (self);
}

static void
on_draft_modified_cb (CsnRecovery *self,
                      GParamSpec  *pspec,
                      CsnDraft    *draft)
{
  if (csn_draft_get_modified (draft))
    {
      schedule_write (self);
      return;
    }

  /* Saved, or undone back to what is on disk: nothing left to recover. */
  g_clear_handle_id (&self->write_source, g_source_remove);
  stop_slices (self);
  remove_files (self);
}

static void
on_draft_file_cb (CsnRecovery *self,
                  GParamSpec  *pspec,
                  CsnDraft    *draft)
{
  if (csn_draft_get_modified (draft))
    schedule_write (self);
}

static void
csn_recovery_dispose (GObject *object)
{
  CsnRecovery *self = CSN_RECOVERY (object);

  if (self->write_source != 0 || self->writer != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!csn_recovery_flush (self, &error))
        g_warning ("Could not keep unsaved changes in %s: %s", self->files->path, error->message);
    }
  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_data (self->draft, self);
  g_clear_object (&self->draft);

  G_OBJECT_CLASS (csn_recovery_parent_class)->dispose (object);
}

static void
csn_recovery_finalize (GObject *object)
{
  CsnRecovery *self = CSN_RECOVERY (object);

  g_clear_pointer (&self->files, recovery_files_unref);
  g_clear_pointer (&self->saved_time, g_date_time_unref);

  G_OBJECT_CLASS (csn_recovery_parent_class)->finalize (object);
}

static void
csn_recovery_class_init (CsnRecoveryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = csn_recovery_dispose;
  object_class->finalize = csn_recovery_finalize;
}

static void
csn_recovery_init (CsnRecovery *self)
{
  self->delay = CSN_RECOVERY_DELAY_SECONDS;
}

static CsnRecovery *
create (CsnDraft   *draft,
        const char *path)
{
  CsnRecovery *self = g_object_new (CSN_TYPE_RECOVERY, NULL);

  self->draft = g_object_ref (draft);
  self->files = g_atomic_rc_box_new0 (RecoveryFiles);
  g_mutex_init (&self->files->lock);
  self->files->path = g_strdup (path);
  self->files->sidecar_path = dup_sidecar_path (path);
  g_signal_connect_object (draft, "changed", G_CALLBACK (on_draft_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (draft, "notify::modified", G_CALLBACK (on_draft_modified_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (draft, "notify::file", G_CALLBACK (on_draft_file_cb),
                           self, G_CONNECT_SWAPPED);
  return self;
}

/* $XDG_STATE_HOME/consenso/recovery */
char *
csn_recovery_dup_default_directory (void)
{
  return g_build_filename (g_get_user_state_dir (), "consenso", "recovery", NULL);
}

static int
compare_by_mtime (gconstpointer a,
                  gconstpointer b)
{
  const char *path_a = *(const char * const *) a;
  const char *path_b = *(const char * const *) b;
  GStatBuf stat_a, stat_b;

  if (g_stat (path_a, &stat_a) != 0 || g_stat (path_b, &stat_b) != 0)
    return g_strcmp0 (path_a, path_b);
  if (stat_a.st_mtime != stat_b.st_mtime)
    return stat_a.st_mtime < stat_b.st_mtime ? -1 : 1;
  return g_strcmp0 (path_a, path_b);
}

/* A temporary file of g_file_set_contents_full() that a kill left behind: "NAME.XXXXXX", NAME one
 * of ours, over an hour old (a younger one may be written by another window right now). */
static gboolean
is_stale_temp (const char *directory,
               const char *name)
{
  const char *dot = strrchr (name, '.');
  g_autofree char *path = NULL;
  g_autofree char *stem = NULL;
  GStatBuf st;

  if (dot == NULL || strlen (dot + 1) != TEMP_RANDOM_LENGTH)
    return FALSE;
  for (const char *c = dot + 1; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c))
      return FALSE;
  stem = g_strndup (name, dot - name);
  if (!g_str_has_suffix (stem, RECOVERY_SUFFIX) && !g_str_has_suffix (stem, SIDECAR_SUFFIX))
    return FALSE;
  path = g_build_filename (directory, name, NULL);
  return g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) &&
         g_get_real_time () / G_USEC_PER_SEC - st.st_mtime > STALE_TEMP_SECONDS;
}

/* The recovery files left in @directory, oldest first; temporary files a killed copy left are
 * removed. */
GPtrArray *
csn_recovery_list_files (const char *directory)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (directory != NULL, NULL);

  dir = g_dir_open (directory, 0, NULL);
  if (dir == NULL)
    return g_steal_pointer (&paths);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, RECOVERY_SUFFIX))
        g_ptr_array_add (paths, g_build_filename (directory, name, NULL));
      else if (is_stale_temp (directory, name))
        {
          g_autofree char *temp = g_build_filename (directory, name, NULL);

          g_unlink (temp);
        }
    }
  g_ptr_array_sort (paths, compare_by_mtime);
  return g_steal_pointer (&paths);
}

/* Starts keeping @draft's unsaved changes in a new file of @directory. */
CsnRecovery *
csn_recovery_new (CsnDraft   *draft,
                  const char *directory)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *name = g_strconcat (uuid, RECOVERY_SUFFIX, NULL);
  g_autofree char *path = NULL;
  CsnRecovery *self;

  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);
  g_return_val_if_fail (directory != NULL, NULL);

  path = g_build_filename (directory, name, NULL);
  self = create (draft, path);
  if (csn_draft_get_modified (draft))
    schedule_write (self);
  return self;
}

static char *
dup_original_uri (JsonNode *root)
{
  JsonObject *object;
  JsonNode *node;
  const char *uri;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  node = json_object_get_member (object, "file");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  uri = json_node_get_string (node);
  return g_utf8_validate (uri, -1, NULL) && g_uri_is_valid (uri, G_URI_FLAGS_NONE, NULL)
         ? g_strdup (uri) : NULL;
}

static GDateTime *
parse_saved_time (JsonNode *root)
{
  JsonNode *node;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  node = json_object_get_member (json_node_get_object (root), "saved");
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_date_time_new_from_iso8601 (json_node_get_string (node), NULL);
}

/* What the draft's file looked like when the draft last read or saved it. */
static CsnFileStamp *
parse_file_stamp (JsonNode *root)
{
  JsonObject *object;
  JsonNode *etag, *size;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);
  etag = json_object_get_member (object, "file_etag");
  size = json_object_get_member (object, "file_size");
  if (etag == NULL || !JSON_NODE_HOLDS_VALUE (etag) || json_node_get_value_type (etag) != G_TYPE_STRING ||
      size == NULL || !JSON_NODE_HOLDS_VALUE (size) || json_node_get_value_type (size) != G_TYPE_INT64)
    return NULL;
  return csn_file_stamp_new (json_node_get_string (etag), json_node_get_int (size));
}

/* Reads the sidecar of @path: the draft's own file, what it looked like, when the copy was made. */
static void
read_sidecar (const char    *path,
              GFile        **original,
              CsnFileStamp **stamp,
              GDateTime    **saved_time)
{
  g_autofree char *sidecar_path = dup_sidecar_path (path);
  g_autofree char *contents = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(JsonParser) parser = NULL;
  gsize length;

  *original = NULL;
  *stamp = NULL;
  *saved_time = NULL;

  /* The sidecar is tiny and flat: anything else is not ours. */
  if (!g_file_get_contents (sidecar_path, &contents, &length, NULL) || length > 64 * 1024
      || !g_utf8_validate (contents, length, NULL) || memchr (contents, '[', length) != NULL)
    return;

  parser = json_parser_new ();
  /* An empty file parses, to no root (a sidecar cut short by a full disk or a crash). */
  if (!json_parser_load_from_data (parser, contents, length, NULL) || json_parser_get_root (parser) == NULL)
    return;

  uri = dup_original_uri (json_parser_get_root (parser));
  if (uri != NULL)
    *original = g_file_new_for_uri (uri);
  *stamp = parse_file_stamp (json_parser_get_root (parser));
  *saved_time = parse_saved_time (json_parser_get_root (parser));
}

/* Whether @path can be a copy to restore at all: a regular file within the drafts' size limit. */
static gboolean
check_copy_file (const char  *path,
                 GStatBuf    *buf,
                 GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  if (g_stat (path, buf) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_READ, "%s: %s", display, g_strerror (saved_errno));
      return FALSE;
    }
  if (buf->st_size > CSN_DRAFT_MAX_FILE_SIZE)
    return csn_draft_set_too_large_error (error, display, buf->st_size);
  return TRUE;
}

/**
 * csn_recovery_peek:
 * @path: a file of csn_recovery_list_files()
 * @display_name: (out): the name of the draft the copy keeps, as csn_draft_dup_display_name() says it
 * @saved_time: (out): when the copy was made
 *
 * What the restore dialog says of a copy, from its small sidecar alone: offering to restore does
 * not read every copy in full (a large draft's copy takes a second to load); a copy that turns out
 * broken is reported when it is restored.
 */
gboolean
csn_recovery_peek (const char  *path,
                   char       **display_name,
                   GDateTime  **saved_time,
                   GError     **error)
{
  g_autoptr(GFile) original = NULL;
  g_autoptr(CsnFileStamp) stamp = NULL;
  g_autoptr(GDateTime) saved = NULL;
  GStatBuf buf;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (saved_time != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_copy_file (path, &buf, error))
    return FALSE;
  read_sidecar (path, &original, &stamp, &saved);
  *display_name = csn_draft_dup_file_display_name (original);
  *saved_time = saved != NULL ? g_steal_pointer (&saved) : g_date_time_new_from_unix_local (buf.st_mtime);
  return TRUE;
}

/* Loads the draft kept in the recovery file @path; it counts as unsaved and remembers its own file. */
CsnRecovery *
csn_recovery_restore (const char  *path,
                      GError     **error)
{
  g_autoptr(GFile) original = NULL;
  g_autoptr(CsnFileStamp) stamp = NULL;
  g_autoptr(GDateTime) saved_time = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *display_name = NULL;
  g_autoptr(GError) local_error = NULL;
  CsnRecovery *self;
  GStatBuf buf;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_copy_file (path, &buf, error))
    return NULL;
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error_literal (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_READ, local_error->message);
      return NULL;
    }

  read_sidecar (path, &original, &stamp, &saved_time);
  basename = original != NULL ? g_file_get_basename (original) : g_path_get_basename (path);
  display_name = g_filename_display_name (basename);
  draft = csn_draft_load_from_data (contents, length, display_name, error);
  if (draft == NULL)
    return NULL;

  csn_draft_set_file (draft, original);
  if (original != NULL)
    csn_draft_set_file_stamp (draft, original, stamp);
  csn_history_mark_unsaved (csn_draft_get_history (draft));

  self = create (draft, path);
  if (saved_time == NULL)
    saved_time = g_date_time_new_from_unix_local (buf.st_mtime);
  self->saved_time = g_steal_pointer (&saved_time);
  return self;
}

CsnDraft *
csn_recovery_get_draft (CsnRecovery *self)
{
  g_return_val_if_fail (CSN_IS_RECOVERY (self), NULL);
  return self->draft;
}

/* The recovery file; it exists only while the draft has unsaved changes. */
const char *
csn_recovery_get_path (CsnRecovery *self)
{
  g_return_val_if_fail (CSN_IS_RECOVERY (self), NULL);
  return self->files->path;
}

/* When the copy on disk was made, or NULL if none was yet. */
GDateTime *
csn_recovery_get_saved_time (CsnRecovery *self)
{
  g_return_val_if_fail (CSN_IS_RECOVERY (self), NULL);
  return self->saved_time;
}

/* Whether a copy is due or being written: the draft changed since the last one on disk. */
gboolean
csn_recovery_get_pending (CsnRecovery *self)
{
  g_return_val_if_fail (CSN_IS_RECOVERY (self), FALSE);
  return self->write_source != 0 || self->writer != NULL || self->writes_under_way > 0;
}

/* Seconds from the first unsaved edit to the copy on disk, between 1 and CSN_RECOVERY_MAX_DELAY_SECONDS;
 * a copy already due keeps its time. */
void
csn_recovery_set_delay (CsnRecovery *self,
                        guint        seconds)
{
  g_return_if_fail (CSN_IS_RECOVERY (self));

  self->delay = CLAMP (seconds, 1, CSN_RECOVERY_MAX_DELAY_SECONDS);
}

guint
csn_recovery_get_delay (CsnRecovery *self)
{
  g_return_val_if_fail (CSN_IS_RECOVERY (self), 0);
  return self->delay;
}

/* Writes the copy now, on this thread, if the draft has unsaved changes, or removes it if not; a copy
 * being written by a worker is finished first. */
gboolean
csn_recovery_flush (CsnRecovery  *self,
                    GError      **error)
{
  g_autoptr(Copy) copy = NULL;

  g_return_val_if_fail (CSN_IS_RECOVERY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_handle_id (&self->write_source, g_source_remove);
  stop_slices (self);
  if (!csn_draft_get_modified (self->draft))
    {
      remove_files (self);
      return TRUE;
    }
  copy = copy_new (self, NULL);
  if (!copy_write (copy, error))
    return FALSE;
  copy_done (self, copy);
  return TRUE;
}

/* The user threw the unsaved changes away: forget the copy. */
void
csn_recovery_discard (CsnRecovery *self)
{
  g_return_if_fail (CSN_IS_RECOVERY (self));

  g_clear_handle_id (&self->write_source, g_source_remove);
  stop_slices (self);
  remove_files (self);
}
