/* csn-catalog.c: reads the Spanish catalogue compiled from po/es.po, thread-safely, without gettext. */
#define G_LOG_DOMAIN "csn-catalog"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "csn-catalog.h"
#include "csn-catalog-resources.h"

#define CATALOG_RESOURCE "/io/github/consenso/Consenso/catalog/es.mo"
#define MO_MAGIC         0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U

/* Keys and values point into catalog_bytes, which is kept for the life of the process. */
static GHashTable *spanish;
static GBytes *catalog_bytes;

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swapped)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);
  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* Fills @table from a GNU .mo file; a malformed one leaves it partly or wholly empty. */
static void
parse_mo (GHashTable   *table,
          const guint8 *data,
          gsize         size)
{
  guint32 magic, n_strings, originals, translations;
  gboolean swapped;

  if (size < 28)
    return;
  memcpy (&magic, data, sizeof magic);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    return;
  swapped = magic == MO_MAGIC_SWAPPED;
  n_strings = read_u32 (data, 8, swapped);
  originals = read_u32 (data, 12, swapped);
  translations = read_u32 (data, 16, swapped);
  if (originals > size || translations > size ||
      n_strings > (size - originals) / 8 || n_strings > (size - translations) / 8)
    return;

  for (guint32 i = 0; i < n_strings; i++)
    {
      guint32 id_len = read_u32 (data, originals + 8 * i, swapped);
      guint32 id_offset = read_u32 (data, originals + 8 * i + 4, swapped);
      guint32 str_len = read_u32 (data, translations + 8 * i, swapped);
      guint32 str_offset = read_u32 (data, translations + 8 * i + 4, swapped);

      /* Every string is followed by a NUL inside the file. */
      if (id_offset > size || id_len >= size - id_offset ||
          str_offset > size || str_len >= size - str_offset)
        continue;
      if (id_len == 0 || str_len == 0)
        continue;  /* the header, or an untranslated message */
      if (!g_utf8_validate ((const char *) data + str_offset, str_len, NULL))
        continue;
      /* A plural entry's msgid is "singular\0plural": it is keyed by the singular. */
      g_hash_table_insert (table, (gpointer) (data + id_offset), (gpointer) (data + str_offset));
    }
}

static GHashTable *
ensure_spanish (void)
{
  if (g_once_init_enter (&spanish))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GError) error = NULL;

      catalog_bytes = g_resource_lookup_data (csn_catalog_data_get_resource (), CATALOG_RESOURCE,
                                              G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (catalog_bytes != NULL)
        {
          gsize size;
          const guint8 *data = g_bytes_get_data (catalog_bytes, &size);

          parse_mo (table, data, size);
        }
      else
        g_warning ("The Spanish catalogue is missing from this build: %s", error->message);
      g_once_init_leave (&spanish, table);
    }
  return spanish;
}

/* The translation of @msgid into @language; English is the msgid itself, and so is any gap. */
const char *
csn_catalog_lookup (CsnLanguage  language,
                    const char  *msgid)
{
  const char *translation;

  g_return_val_if_fail (msgid != NULL, NULL);

  if (language != CSN_LANGUAGE_ES || msgid[0] == '\0')
    return msgid;
  translation = g_hash_table_lookup (ensure_spanish (), msgid);
  return translation != NULL ? translation : msgid;
}

const char *
csn_catalog_lookup_enum_label (CsnLanguage language,
                               GType       enum_type,
                               int         value)
{
  const char *msgid = csn_enum_get_label_msgid (enum_type, value);

  return msgid != NULL ? csn_catalog_lookup (language, msgid) : "";
}
