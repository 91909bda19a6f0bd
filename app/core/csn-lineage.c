/* csn-lineage.c: a draft's ids and its last agreed state, carried in the file so that a laptop that
 * never saw the common ancestor can still merge three-way; a small cache of revisions adds more. */
#define G_LOG_DOMAIN "csn-lineage"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "csn-draft.h"
#include "csn-lineage.h"
#include "csn-safe-file.h"

/* Revisions kept per draft in the cache; the oldest go first. */
#define CACHE_MAX_REVISIONS 24

struct _CsnLineage
{
  GObject     parent_instance;

  char       *draft_id;
  char       *revision;
  GStrv       parents;
  GStrv       ancestors;
  char       *saved_by;
  char       *base_revision;
  GStrv       base_agreed;
  char       *base_content;   /* gzip, then base64, of the base's canonical file text */
  JsonObject *unknown;        /* members of "lineage" this build does not know */
  JsonObject *base_unknown;   /* and of "lineage.base" */
};

G_DEFINE_FINAL_TYPE (CsnLineage, csn_lineage, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DRAFT_ID,
  PROP_REVISION,
  PROP_PARENTS,
  PROP_ANCESTORS,
  PROP_SAVED_BY,
  PROP_BASE_REVISION,
  PROP_BASE_AGREED,
  PROP_BASE_CONTENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static const char * const empty_strv[] = { NULL };
static gint cache_enabled;

static void
csn_lineage_finalize (GObject *object)
{
  CsnLineage *self = CSN_LINEAGE (object);

  g_free (self->draft_id);
  g_free (self->revision);
  g_strfreev (self->parents);
  g_strfreev (self->ancestors);
  g_free (self->saved_by);
  g_free (self->base_revision);
  g_strfreev (self->base_agreed);
  g_free (self->base_content);
  g_clear_pointer (&self->unknown, json_object_unref);
  g_clear_pointer (&self->base_unknown, json_object_unref);

  G_OBJECT_CLASS (csn_lineage_parent_class)->finalize (object);
}

static char **
string_slot (CsnLineage *self,
             guint       prop_id)
{
  switch (prop_id)
    {
    case PROP_DRAFT_ID:
      return &self->draft_id;
    case PROP_REVISION:
      return &self->revision;
    case PROP_SAVED_BY:
      return &self->saved_by;
    case PROP_BASE_REVISION:
      return &self->base_revision;
    case PROP_BASE_CONTENT:
      return &self->base_content;
    default:
      return NULL;
    }
}

static GStrv *
strv_slot (CsnLineage *self,
           guint       prop_id)
{
  switch (prop_id)
    {
    case PROP_PARENTS:
      return &self->parents;
    case PROP_ANCESTORS:
      return &self->ancestors;
    case PROP_BASE_AGREED:
      return &self->base_agreed;
    default:
      return NULL;
    }
}

static void
csn_lineage_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CsnLineage *self = CSN_LINEAGE (object);
  char **string = string_slot (self, prop_id);
  GStrv *strv = strv_slot (self, prop_id);

  if (string != NULL)
    g_value_set_string (value, *string);
  else if (strv != NULL)
    g_value_set_boxed (value, *strv != NULL ? *strv : (GStrv) empty_strv);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
csn_lineage_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CsnLineage *self = CSN_LINEAGE (object);
  char **string = string_slot (self, prop_id);
  GStrv *strv = strv_slot (self, prop_id);

  if (string != NULL)
    {
      if (g_strcmp0 (*string, g_value_get_string (value)) == 0)
        return;
      g_free (*string);
      *string = g_value_dup_string (value);
    }
  else if (strv != NULL)
    {
      const char * const *incoming = g_value_get_boxed (value);

      if (incoming == NULL)
        incoming = empty_strv;
      if (g_strv_equal ((const char * const *) (*strv != NULL ? *strv : (GStrv) empty_strv), incoming))
        return;
      g_strfreev (*strv);
      *strv = g_strdupv ((char **) incoming);
    }
  else
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_object_notify_by_pspec (object, pspec);
}

static void
csn_lineage_class_init (CsnLineageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = csn_lineage_finalize;
  object_class->get_property = csn_lineage_get_property;
  object_class->set_property = csn_lineage_set_property;

  properties[PROP_DRAFT_ID] = g_param_spec_string ("draft-id", NULL, NULL, NULL, flags);
  properties[PROP_REVISION] = g_param_spec_string ("revision", NULL, NULL, NULL, flags);
  properties[PROP_PARENTS] = g_param_spec_boxed ("parents", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_ANCESTORS] = g_param_spec_boxed ("ancestors", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_SAVED_BY] = g_param_spec_string ("saved-by", NULL, NULL, NULL, flags);
  properties[PROP_BASE_REVISION] = g_param_spec_string ("base-revision", NULL, NULL, NULL, flags);
  properties[PROP_BASE_AGREED] = g_param_spec_boxed ("base-agreed", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_BASE_CONTENT] = g_param_spec_string ("base-content", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
csn_lineage_init (CsnLineage *self)
{
}

CsnLineage *
csn_lineage_new (void)
{
  return g_object_new (CSN_TYPE_LINEAGE, NULL);
}

/* A draft has a lineage from its first save on; an older file has none until then. */
gboolean
csn_lineage_is_known (CsnLineage *self)
{
  g_return_val_if_fail (CSN_IS_LINEAGE (self), FALSE);
  return self->draft_id != NULL;
}

const char *
csn_lineage_get_draft_id (CsnLineage *self)
{
  g_return_val_if_fail (CSN_IS_LINEAGE (self), NULL);
  return self->draft_id;
}

const char *
csn_lineage_get_revision (CsnLineage *self)
{
  g_return_val_if_fail (CSN_IS_LINEAGE (self), NULL);
  return self->revision;
}

const char * const *
csn_lineage_get_parents (CsnLineage *self)
{
  g_return_val_if_fail (CSN_IS_LINEAGE (self), empty_strv);
  return self->parents != NULL ? (const char * const *) self->parents : empty_strv;
}

const char * const *
csn_lineage_get_ancestors (CsnLineage *self)
{
  g_return_val_if_fail (CSN_IS_LINEAGE (self), empty_strv);
  return self->ancestors != NULL ? (const char * const *) self->ancestors : empty_strv;
}

const char *
csn_lineage_get_saved_by (CsnLineage *self)
{
  g_return_val_if_fail (CSN_IS_LINEAGE (self), NULL);
  return self->saved_by;
}

const char *
csn_lineage_get_base_revision (CsnLineage *self)
{
  g_return_val_if_fail (CSN_IS_LINEAGE (self), NULL);
  return self->base_revision;
}

const char * const *
csn_lineage_get_base_agreed (CsnLineage *self)
{
  g_return_val_if_fail (CSN_IS_LINEAGE (self), empty_strv);
  return self->base_agreed != NULL ? (const char * const *) self->base_agreed : empty_strv;
}

const char *
csn_lineage_get_base_content (CsnLineage *self)
{
  g_return_val_if_fail (CSN_IS_LINEAGE (self), NULL);
  return self->base_content;
}

JsonObject *
csn_lineage_get_unknown (CsnLineage *self)
{
  g_return_val_if_fail (CSN_IS_LINEAGE (self), NULL);

  if (self->unknown == NULL)
    self->unknown = json_object_new ();
  return self->unknown;
}

JsonObject *
csn_lineage_get_base_unknown (CsnLineage *self)
{
  g_return_val_if_fail (CSN_IS_LINEAGE (self), NULL);

  if (self->base_unknown == NULL)
    self->base_unknown = json_object_new ();
  return self->base_unknown;
}

static JsonObject *
copy_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) copy = NULL;

  if (object == NULL)
    return NULL;
  node = json_node_init_object (json_node_alloc (), object);
  copy = json_node_copy (node);
  return json_object_ref (json_node_get_object (copy));
}

/* Makes @self hold what @other holds, notifying what changed. */
void
csn_lineage_assign (CsnLineage *self,
                    CsnLineage *other)
{
  g_return_if_fail (CSN_IS_LINEAGE (self));
  g_return_if_fail (CSN_IS_LINEAGE (other));

  if (self == other)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_set (self,
                "draft-id", other->draft_id,
                "revision", other->revision,
                "parents", other->parents,
                "ancestors", other->ancestors,
                "saved-by", other->saved_by,
                "base-revision", other->base_revision,
                "base-agreed", other->base_agreed,
                "base-content", other->base_content,
                NULL);
  g_clear_pointer (&self->unknown, json_object_unref);
  g_clear_pointer (&self->base_unknown, json_object_unref);
  self->unknown = copy_object (other->unknown);
  self->base_unknown = copy_object (other->base_unknown);
  g_object_thaw_notify (G_OBJECT (self));
}

CsnLineage *
csn_lineage_copy (CsnLineage *self)
{
  CsnLineage *copy;

  g_return_val_if_fail (CSN_IS_LINEAGE (self), NULL);

  copy = csn_lineage_new ();
  csn_lineage_assign (copy, self);
  return copy;
}

static void
add_unique (GPtrArray  *list,
            GHashTable *seen,
            const char *id,
            guint       max)
{
  if (id == NULL || id[0] == '\0' || list->len >= max || g_hash_table_contains (seen, id))
    return;
  g_hash_table_add (seen, (gpointer) id);
  g_ptr_array_add (list, g_strdup (id));
}

static GStrv
finish_strv (GPtrArray *list)
{
  g_ptr_array_add (list, NULL);
  return (GStrv) g_ptr_array_free (list, FALSE);
}

/* Every revision this copy descends from that it can name, newest first: the revision itself, the
 * earlier saves it remembers, then its base and the agreed states the base descends from. */
char **
csn_lineage_dup_known_revisions (CsnLineage *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *list = g_ptr_array_new ();
  const char * const *ancestors;
  const char * const *agreed;

  g_return_val_if_fail (CSN_IS_LINEAGE (self), NULL);

  ancestors = csn_lineage_get_ancestors (self);
  agreed = csn_lineage_get_base_agreed (self);
  add_unique (list, seen, self->revision, G_MAXUINT);
  for (guint i = 0; ancestors[i] != NULL; i++)
    add_unique (list, seen, ancestors[i], G_MAXUINT);
  add_unique (list, seen, self->base_revision, G_MAXUINT);
  for (guint i = 0; agreed[i] != NULL; i++)
    add_unique (list, seen, agreed[i], G_MAXUINT);
  return finish_strv (list);
}

static GBytes *
convert_all (GConverter  *converter,
             const char  *data,
             gsize        length,
             gsize        max_output,
             GError     **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint8 buffer[64 * 1024];
  gsize consumed = 0;

  for (;;)
    {
      gsize bytes_read = 0, bytes_written = 0;
      GConverterResult result;

      result = g_converter_convert (converter, data + consumed, length - consumed, buffer,
                                    sizeof buffer, G_CONVERTER_INPUT_AT_END, &bytes_read,
                                    &bytes_written, error);
      if (result == G_CONVERTER_ERROR)
        return NULL;
      consumed += bytes_read;
      g_byte_array_append (out, buffer, bytes_written);
      if (out->len > max_output)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, _("it unpacks to more than %d MiB"),
                       CSN_DRAFT_MAX_FILE_SIZE / (1024 * 1024));
          return NULL;
        }
      if (result == G_CONVERTER_FINISHED)
        break;
      if (bytes_read == 0 && bytes_written == 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT, _("it is cut short"));
          return NULL;
        }
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* A file text as lineage.base carries it: gzip, then base64 (the template's base is about a
 * quarter of its text; plain JSON would double the file). */
char *
csn_lineage_encode_content (const char *data,
                            gsize       length)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 6);
  g_autoptr(GBytes) packed = NULL;
  g_autoptr(GError) error = NULL;
  gsize packed_length;
  const guint8 *bytes;

  g_return_val_if_fail (data != NULL, NULL);

  packed = convert_all (G_CONVERTER (compressor), data, length, G_MAXSIZE, &error);
  if (packed == NULL)
    g_error ("Cannot compress a draft: %s", error->message);
  bytes = g_bytes_get_data (packed, &packed_length);
  return g_base64_encode (bytes, packed_length);
}

/* The file text lineage.base carries, refusing anything that is not base64 of gzip, or unpacks to
 * more than a draft may hold. */
char *
csn_lineage_decode_content (const char  *encoded,
                            gsize       *length,
                            GError     **error)
{
  g_autoptr(GZlibDecompressor) decompressor = NULL;
  g_autoptr(GBytes) unpacked = NULL;
  g_autofree guchar *packed = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize encoded_length;
  gsize packed_length;

  g_return_val_if_fail (encoded != NULL, NULL);

  encoded_length = strlen (encoded);
  for (gsize i = 0; i < encoded_length; i++)
    if (!g_ascii_isalnum (encoded[i]) && encoded[i] != '+' && encoded[i] != '/' && encoded[i] != '=')
      {
        g_set_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_INVALID,
                     _("the saved common ancestor is damaged: it is not base64 (character %u)"),
                     (guint) i + 1);
        return NULL;
      }
  if (encoded_length % 4 != 0 || encoded_length == 0)
    {
      g_set_error_literal (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_INVALID,
                           _("the saved common ancestor is damaged: it is cut short"));
      return NULL;
    }

  packed = g_base64_decode (encoded, &packed_length);
  decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  unpacked = convert_all (G_CONVERTER (decompressor), (const char *) packed, packed_length,
                          CSN_DRAFT_MAX_FILE_SIZE, &local_error);
  if (unpacked == NULL)
    {
      g_set_error (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_INVALID,
                   _("the saved common ancestor is damaged: %s"), local_error->message);
      return NULL;
    }
  return g_bytes_unref_to_data (g_steal_pointer (&unpacked), length);
}

/* The draft as it was at the base revision, or NULL (and @error) when there is none or it is
 * damaged. */
CsnDraft *
csn_lineage_load_base (CsnLineage  *self,
                       GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (CSN_IS_LINEAGE (self), NULL);

  if (self->base_content == NULL)
    {
      g_set_error_literal (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_READ,
                           _("the file carries no common ancestor"));
      return NULL;
    }
  data = csn_lineage_decode_content (self->base_content, &length, error);
  if (data == NULL)
    return NULL;
  return csn_draft_load_from_data (data, length, "lineage.base", error);
}

/* What a save of @draft writes: a new revision whose parent is the current one; a draft saved
 * for the first time gets its draft id, and its content as the first agreed base. */
CsnLineage *
csn_lineage_new_for_save (CsnLineage *self,
                          CsnDraft   *draft,
                          const char *saved_by)
{
  g_autofree char *content = NULL;
  gsize length;
  CsnLineage *next;

  g_return_val_if_fail (CSN_IS_LINEAGE (self), NULL);
  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);

  next = csn_lineage_new_for_save_unencoded (self, draft, saved_by, &content, &length);
  if (content != NULL)
    {
      g_autofree char *encoded = csn_lineage_encode_content (content, length);

      g_object_set (next, "base-content", encoded, NULL);
    }
  return next;
}

/* Like csn_lineage_new_for_save(), for a save that compresses in a worker thread: for a draft saved
 * for the first time, @content is its content text, which the caller encodes with
 * csn_lineage_encode_content() into the new lineage's "base-content"; otherwise NULL. A caller that
 * has the content text already passes NULL for @content and @length. */
CsnLineage *
csn_lineage_new_for_save_unencoded (CsnLineage  *self,
                                    CsnDraft    *draft,
                                    const char  *saved_by,
                                    char       **content,
                                    gsize       *length)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *revision = g_uuid_string_random ();
  g_autoptr(GPtrArray) parents = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *ancestors = g_ptr_array_new ();
  CsnLineage *next;

  g_return_val_if_fail (CSN_IS_LINEAGE (self), NULL);
  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);
  g_return_val_if_fail ((content == NULL) == (length == NULL), NULL);

  if (content != NULL)
    {
      *content = NULL;
      *length = 0;
    }
  next = csn_lineage_copy (self);
  if (!csn_lineage_is_known (self))
    {
      g_autofree char *draft_id = g_uuid_string_random ();
      const char *agreed[] = { revision, NULL };

      if (content != NULL)
        *content = csn_draft_content_to_data (draft, length);
      g_object_set (next,
                    "draft-id", draft_id,
                    "base-revision", revision,
                    "base-agreed", agreed,
                    NULL);
    }

  add_unique (ancestors, seen, self->revision, CSN_LINEAGE_MAX_ANCESTORS);
  for (guint i = 0; self->ancestors != NULL && self->ancestors[i] != NULL; i++)
    add_unique (ancestors, seen, self->ancestors[i], CSN_LINEAGE_MAX_ANCESTORS);
  if (self->revision != NULL)
    g_ptr_array_add (parents, g_strdup (self->revision));
  g_ptr_array_add (parents, NULL);

  {
    g_auto(GStrv) ancestor_strv = finish_strv (ancestors);

    g_object_set (next,
                  "revision", revision,
                  "parents", parents->pdata,
                  "ancestors", ancestor_strv,
                  "saved-by", saved_by != NULL ? saved_by : "",
                  NULL);
  }
  return next;
}

/* Two lists, newest first, as one: alternating, so that neither side's recent past is cut. */
static GStrv
interleave (const char * const *first,
            const char * const *second,
            const char         *head,
            const char         *head2,
            guint               max)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *list = g_ptr_array_new ();
  guint i = 0, j = 0;

  add_unique (list, seen, head, max);
  add_unique (list, seen, head2, max);
  while (first[i] != NULL || second[j] != NULL)
    {
      if (first[i] != NULL)
        add_unique (list, seen, first[i++], max);
      if (second[j] != NULL)
        add_unique (list, seen, second[j++], max);
    }
  return finish_strv (list);
}

/* The lineage of @merged, the result of merging @theirs into @mine: a new revision with both as
 * parents, and the merged content as the new agreed base. */
CsnLineage *
csn_lineage_new_for_merge (CsnLineage *mine,
                           CsnLineage *theirs,
                           CsnDraft   *merged)
{
  g_autofree char *revision = g_uuid_string_random ();
  g_autofree char *content = NULL;
  g_autofree char *encoded = NULL;
  g_auto(GStrv) parents = NULL;
  g_auto(GStrv) ancestors = NULL;
  g_auto(GStrv) mine_agreed = NULL;
  g_auto(GStrv) theirs_agreed = NULL;
  g_auto(GStrv) agreed = NULL;
  CsnLineage *next;
  gsize length;

  g_return_val_if_fail (CSN_IS_LINEAGE (mine), NULL);
  g_return_val_if_fail (CSN_IS_LINEAGE (theirs), NULL);
  g_return_val_if_fail (CSN_IS_DRAFT (merged), NULL);

  next = csn_lineage_copy (mine);
  if (mine->draft_id == NULL)
    {
      g_autofree char *draft_id = theirs->draft_id != NULL ? g_strdup (theirs->draft_id)
                                                            : g_uuid_string_random ();
      g_object_set (next, "draft-id", draft_id, NULL);
    }

  parents = interleave (empty_strv, empty_strv, mine->revision, theirs->revision, G_MAXUINT);
  ancestors = interleave (csn_lineage_get_ancestors (mine), csn_lineage_get_ancestors (theirs),
                          mine->revision, theirs->revision, CSN_LINEAGE_MAX_ANCESTORS);
  mine_agreed = interleave (csn_lineage_get_base_agreed (mine), empty_strv, mine->base_revision,
                            NULL, G_MAXUINT);
  theirs_agreed = interleave (csn_lineage_get_base_agreed (theirs), empty_strv,
                              theirs->base_revision, NULL, G_MAXUINT);
  agreed = interleave ((const char * const *) mine_agreed, (const char * const *) theirs_agreed,
                       revision, NULL, CSN_LINEAGE_MAX_AGREED);

  content = csn_draft_content_to_data (merged, &length);
  encoded = csn_lineage_encode_content (content, length);
  g_object_set (next,
                "revision", revision,
                "parents", parents,
                "ancestors", ancestors,
                "base-revision", revision,
                "base-agreed", agreed,
                "base-content", encoded,
                NULL);
  return next;
}

/* The cache is off unless the application turns it on, so that tests and tools write nothing
 * under the user's data folder. */
void
csn_lineage_cache_set_enabled (gboolean enabled)
{
  g_atomic_int_set (&cache_enabled, !!enabled);
}

gboolean
csn_lineage_cache_get_enabled (void)
{
  return g_atomic_int_get (&cache_enabled);
}

static char *
cache_dir (const char *draft_id)
{
  /* Ids come from files: only a UUID may become part of a path. */
  if (draft_id == NULL || !g_uuid_string_is_valid (draft_id))
    return NULL;
  return g_build_filename (g_get_user_data_dir (), "consenso", "revisions", draft_id, NULL);
}

static char *
cache_path (const char *draft_id,
            const char *revision)
{
  g_autofree char *dir = cache_dir (draft_id);
  g_autofree char *name = NULL;

  if (dir == NULL || revision == NULL || !g_uuid_string_is_valid (revision))
    return NULL;
  name = g_strconcat (revision, ".consenso.gz", NULL);
  return g_build_filename (dir, name, NULL);
}

typedef struct {
  char   *path;
  gint64  modified;
} CacheEntry;

static int
compare_cache_entries (gconstpointer a,
                       gconstpointer b)
{
  const CacheEntry *x = a, *y = b;

  /* Newest first; the name breaks ties so that pruning is the same on every run. */
  if (x->modified != y->modified)
    return x->modified > y->modified ? -1 : 1;
  return strcmp (x->path, y->path);
}

static void
prune_cache (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (CacheEntry));
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      CacheEntry entry;
      GStatBuf st;

      if (!g_str_has_suffix (name, ".consenso.gz"))
        continue;
      entry.path = g_build_filename (dir, name, NULL);
      entry.modified = g_stat (entry.path, &st) == 0 ? (gint64) st.st_mtime : 0;
      g_array_append_val (entries, entry);
    }
  g_array_sort (entries, compare_cache_entries);
  for (guint i = 0; i < entries->len; i++)
    {
      CacheEntry *entry = &g_array_index (entries, CacheEntry, i);

      if (i >= CACHE_MAX_REVISIONS)
        g_unlink (entry->path);
      g_free (entry->path);
    }
}

/* Keeps the text of @revision under $XDG_DATA_HOME/consenso/revisions/DRAFT/, the newest few
 * per draft; a failure costs only a later merge's precision, so it is logged, not reported. */
void
csn_lineage_cache_store (const char *draft_id,
                         const char *revision,
                         const char *data,
                         gsize       length)
{
  g_autoptr(GZlibCompressor) compressor = NULL;
  g_autoptr(GBytes) packed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gsize packed_length;
  const char *bytes;

  if (!csn_lineage_cache_get_enabled ())
    return;
  path = cache_path (draft_id, revision);
  if (path == NULL || g_file_test (path, G_FILE_TEST_EXISTS))
    return;
  dir = cache_dir (draft_id);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_debug ("Cannot create %s: %s", dir, g_strerror (errno));
      return;
    }

  compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 1);
  packed = convert_all (G_CONVERTER (compressor), data, length, G_MAXSIZE, &error);
  bytes = packed != NULL ? g_bytes_get_data (packed, &packed_length) : NULL;
  if (bytes == NULL ||
      !g_file_set_contents_full (path, bytes, packed_length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      g_debug ("Cannot keep revision %s: %s", revision, error->message);
      return;
    }
  prune_cache (dir);
}

/* The draft at @revision from the cache, looked for under each of @draft_ids, or NULL. */
CsnDraft *
csn_lineage_cache_load (const char * const *draft_ids,
                        const char         *revision)
{
  g_return_val_if_fail (draft_ids != NULL, NULL);

  if (!csn_lineage_cache_get_enabled ())
    return NULL;

  for (guint i = 0; draft_ids[i] != NULL; i++)
    {
      g_autofree char *path = cache_path (draft_ids[i], revision);
      g_autoptr(GZlibDecompressor) decompressor = NULL;
      g_autoptr(GBytes) unpacked = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *packed = NULL;
      gsize packed_length;
      CsnDraft *draft;
      const char *data;
      gsize length;

      if (path == NULL || !g_file_get_contents (path, &packed, &packed_length, NULL))
        continue;
      decompressor = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
      unpacked = convert_all (G_CONVERTER (decompressor), packed, packed_length,
                              CSN_DRAFT_MAX_FILE_SIZE, &error);
      if (unpacked == NULL)
        {
          g_debug ("%s: %s", path, error->message);
          continue;
        }
      data = g_bytes_get_data (unpacked, &length);
      draft = csn_draft_load_from_data (data, length, revision, &error);
      if (draft != NULL)
        return draft;
      g_debug ("%s: %s", path, error->message);
    }
  return NULL;
}
