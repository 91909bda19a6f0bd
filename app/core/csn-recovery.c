/* csn-recovery.c: keeps a copy of a draft's unsaved changes on disk so that a crash loses nothing. */
#define G_LOG_DOMAIN "csn-recovery"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "csn-draft.h"
#include "csn-history.h"
#include "csn-recovery.h"
#include "csn-safe-file.h"

#define RECOVERY_SUFFIX ".consenso"
#define SIDECAR_SUFFIX  ".json"
#define SIDECAR_FORMAT  "consenso-recovery"

struct _CsnRecovery
{
  GObject    parent_instance;

  CsnDraft  *draft;
  char      *path;          /* <directory>/<uuid>.consenso: the draft's data */
  char      *sidecar_path;  /* <directory>/<uuid>.json: where it came from and when */
  GDateTime *saved_time;
  guint      delay;
  guint      write_source;
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
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, length);
}

static gboolean
write_files (CsnRecovery  *self,
             GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *directory = g_path_get_dirname (self->path);
  g_autofree char *data = NULL;
  g_autofree char *sidecar = NULL;
  gsize length, sidecar_length;

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", directory, g_strerror (saved_errno));
      return FALSE;
    }

  data = csn_draft_to_data (self->draft, &length);
  if (!csn_safe_file_replace (self->path, data, length, FALSE, error))
    return FALSE;
  sidecar = build_sidecar (self, now, &sidecar_length);
  if (!csn_safe_file_replace (self->sidecar_path, sidecar, sidecar_length, FALSE, error))
    return FALSE;

  g_clear_pointer (&self->saved_time, g_date_time_unref);
  self->saved_time = g_steal_pointer (&now);
  return TRUE;
}

static gboolean
on_write_timeout_cb (gpointer user_data)
{
  CsnRecovery *self = user_data;
  g_autoptr(GError) error = NULL;

  self->write_source = 0;
  if (!csn_recovery_flush (self, &error))
    g_warning ("Could not keep unsaved changes in %s: %s", self->path, error->message);
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
  csn_recovery_remove_file (self->path);
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

  if (self->write_source != 0)
    {
      g_autoptr(GError) error = NULL;

      if (!csn_recovery_flush (self, &error))
        g_warning ("Could not keep unsaved changes in %s: %s", self->path, error->message);
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

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->sidecar_path, g_free);
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
  self->path = g_strdup (path);
  self->sidecar_path = dup_sidecar_path (path);
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

/* The recovery files left in @directory, oldest first. */
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
      /* csn_safe_file_replace's temporary files start with a dot. */
      if (name[0] != '.' && g_str_has_suffix (name, RECOVERY_SUFFIX))
        g_ptr_array_add (paths, g_build_filename (directory, name, NULL));
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

/* Reads the sidecar of @path: the draft's own file, and when the copy was made. */
static void
read_sidecar (const char  *path,
              GFile      **original,
              GDateTime  **saved_time)
{
  g_autofree char *sidecar_path = dup_sidecar_path (path);
  g_autofree char *contents = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(JsonParser) parser = NULL;
  gsize length;

  *original = NULL;
  *saved_time = NULL;

  /* The sidecar is tiny and flat: anything else is not ours. */
  if (!g_file_get_contents (sidecar_path, &contents, &length, NULL) || length > 64 * 1024
      || !g_utf8_validate (contents, length, NULL) || memchr (contents, '[', length) != NULL)
    return;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, contents, length, NULL))
    return;

  uri = dup_original_uri (json_parser_get_root (parser));
  if (uri != NULL)
    *original = g_file_new_for_uri (uri);
  *saved_time = parse_saved_time (json_parser_get_root (parser));
}

/* Loads the draft kept in the recovery file @path; it counts as unsaved and remembers its own file. */
CsnRecovery *
csn_recovery_restore (const char  *path,
                      GError     **error)
{
  g_autoptr(GFile) original = NULL;
  g_autoptr(GDateTime) saved_time = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display_name = NULL;
  g_autoptr(GError) local_error = NULL;
  CsnRecovery *self;
  GStatBuf buf;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_stat (path, &buf) == 0 && buf.st_size > CSN_DRAFT_MAX_FILE_SIZE)
    {
      g_set_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MiB"), path,
                   CSN_DRAFT_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error_literal (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_READ, local_error->message);
      return NULL;
    }

  read_sidecar (path, &original, &saved_time);
  display_name = original != NULL ? g_file_get_basename (original) : g_path_get_basename (path);
  draft = csn_draft_load_from_data (contents, length, display_name, error);
  if (draft == NULL)
    return NULL;

  csn_draft_set_file (draft, original);
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
  return self->path;
}

/* When the copy on disk was made, or NULL if none was yet. */
GDateTime *
csn_recovery_get_saved_time (CsnRecovery *self)
{
  g_return_val_if_fail (CSN_IS_RECOVERY (self), NULL);
  return self->saved_time;
}

/* Whether a copy is due: the draft changed since the last one. */
gboolean
csn_recovery_get_pending (CsnRecovery *self)
{
  g_return_val_if_fail (CSN_IS_RECOVERY (self), FALSE);
  return self->write_source != 0;
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

/* Writes the copy now if the draft has unsaved changes, or removes it if not. */
gboolean
csn_recovery_flush (CsnRecovery  *self,
                    GError      **error)
{
  g_return_val_if_fail (CSN_IS_RECOVERY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_handle_id (&self->write_source, g_source_remove);
  if (!csn_draft_get_modified (self->draft))
    {
      csn_recovery_remove_file (self->path);
      return TRUE;
    }
  return write_files (self, error);
}

/* The user threw the unsaved changes away: forget the copy. */
void
csn_recovery_discard (CsnRecovery *self)
{
  g_return_if_fail (CSN_IS_RECOVERY (self));

  g_clear_handle_id (&self->write_source, g_source_remove);
  csn_recovery_remove_file (self->path);
}
