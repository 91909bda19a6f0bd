/* csn-zip-parts.c: copies zip entries between packages in their stored, compressed form, with minizip
 * (the zip library libxlsxwriter itself writes with). Only for packages this program just wrote. */
#define G_LOG_DOMAIN "csn-zip-parts"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <unzip.h>
#include <zip.h>

#include "csn-zip-parts.h"

#define NAME_MAX_BYTES 1024
#define COPY_CHUNK     (64 * 1024)

typedef struct {
  char   *name;
  GBytes *data;              /* compressed, as stored */
  guint64 uncompressed_size;
  gulong  crc;
  int     method;
  int     level;
} Part;

struct _CsnZipParts {
  GHashTable *parts;  /* name -> Part */
};

static void
part_free (gpointer data)
{
  Part *part = data;

  g_free (part->name);
  g_bytes_unref (part->data);
  g_free (part);
}

void
csn_zip_parts_free (CsnZipParts *parts)
{
  if (parts == NULL)
    return;
  g_hash_table_unref (parts->parts);
  g_free (parts);
}

static gboolean
fail (GError    **error,
      const char *path,
      const char *what,
      int         status)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: "the workbook base.xlsx could not be copied (zip status -102)"; only a full disk or
   * a bug gets here. */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: %s (zip status %d)"), display, what, status);
  return FALSE;
}

/* The current entry's stored bytes. */
static GBytes *
read_raw (unzFile                zip,
          const unz_file_info64 *info,
          int                   *method,
          int                   *level,
          int                   *status)
{
  g_autoptr(GByteArray) data = g_byte_array_sized_new (info->compressed_size);
  guint8 buffer[COPY_CHUNK];
  int n;

  *status = unzOpenCurrentFile2 (zip, method, level, 1);
  if (*status != UNZ_OK)
    return NULL;
  while ((n = unzReadCurrentFile (zip, buffer, sizeof buffer)) > 0)
    g_byte_array_append (data, buffer, n);
  *status = unzCloseCurrentFile (zip);
  if (n < 0 || *status != UNZ_OK || data->len != info->compressed_size)
    {
      if (*status == UNZ_OK)
        *status = n < 0 ? n : UNZ_BADZIPFILE;
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * csn_zip_parts_read:
 * @names: the entries to keep
 *
 * Returns: (transfer full) (nullable): the stored bytes of the entries of @path named in @names
 */
CsnZipParts *
csn_zip_parts_read (const char         *path,
                    const char * const *names,
                    GError            **error)
{
  g_autoptr(CsnZipParts) parts = g_new0 (CsnZipParts, 1);
  unzFile zip;
  int status;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (names != NULL, NULL);

  parts->parts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, part_free);
  zip = unzOpen64 (path);
  if (zip == NULL)
    {
      fail (error, path, _("the workbook could not be opened"), UNZ_ERRNO);
      return NULL;
    }

  for (status = unzGoToFirstFile (zip); status == UNZ_OK; status = unzGoToNextFile (zip))
    {
      unz_file_info64 info;
      char name[NAME_MAX_BYTES];
      Part *part;

      status = unzGetCurrentFileInfo64 (zip, &info, name, sizeof name, NULL, 0, NULL, 0);
      if (status != UNZ_OK)
        break;
      if (!g_strv_contains (names, name))
        continue;
      part = g_new0 (Part, 1);
      part->name = g_strdup (name);
      part->uncompressed_size = info.uncompressed_size;
      part->crc = info.crc;
      part->data = read_raw (zip, &info, &part->method, &part->level, &status);
      g_hash_table_insert (parts->parts, part->name, part);
      if (part->data == NULL)
        break;
    }
  unzClose (zip);
  if (status != UNZ_END_OF_LIST_OF_FILE)
    {
      fail (error, path, _("the workbook could not be read back"), status);
      return NULL;
    }
  for (guint i = 0; names[i] != NULL; i++)
    if (!g_hash_table_contains (parts->parts, names[i]))
      {
        fail (error, path, _("the workbook lacks a part it was written with"), UNZ_END_OF_LIST_OF_FILE);
        return NULL;
      }
  return g_steal_pointer (&parts);
}

static int
write_raw (zipFile       out,
           const char   *name,
           const unz_file_info64 *info,
           int           method,
           int           level,
           const guint8 *data,
           gsize         size,
           guint64       uncompressed_size,
           gulong        crc)
{
  zip_fileinfo file_info = { { 0 } };
  int status;

  file_info.dosDate = info->dosDate;
  file_info.internal_fa = info->internal_fa;
  file_info.external_fa = info->external_fa;
  status = zipOpenNewFileInZip2 (out, name, &file_info, NULL, 0, NULL, 0, NULL, method, level, 1);
  if (status != ZIP_OK)
    return status;
  if (size > 0)
    status = zipWriteInFileInZip (out, data, size);
  if (status != ZIP_OK)
    return status;
  return zipCloseFileInZipRaw64 (out, uncompressed_size, crc);
}

/**
 * csn_zip_parts_assemble:
 * @source: the package to copy
 * @parts: stored entries to put in place of @source's entries of the same names
 * @names: which of @parts to use
 * @target: the package to write
 *
 * Writes @target as a copy of @source, entry for entry and in the same order, with the entries
 * named in @names taken from @parts. Nothing is compressed again.
 */
gboolean
csn_zip_parts_assemble (const char         *source,
                        CsnZipParts        *parts,
                        const char * const *names,
                        const char         *target,
                        GError            **error)
{
  unzFile in;
  zipFile out;
  int status, closed;

  g_return_val_if_fail (source != NULL && parts != NULL && names != NULL && target != NULL, FALSE);

  in = unzOpen64 (source);
  if (in == NULL)
    return fail (error, source, _("the workbook could not be opened"), UNZ_ERRNO);
  out = zipOpen64 (target, APPEND_STATUS_CREATE);
  if (out == NULL)
    {
      unzClose (in);
      return fail (error, target, _("the workbook could not be written"), ZIP_ERRNO);
    }

  for (status = unzGoToFirstFile (in); status == UNZ_OK; status = unzGoToNextFile (in))
    {
      unz_file_info64 info;
      char name[NAME_MAX_BYTES];
      Part *part = NULL;

      status = unzGetCurrentFileInfo64 (in, &info, name, sizeof name, NULL, 0, NULL, 0);
      if (status != UNZ_OK)
        break;
      if (g_strv_contains (names, name))
        part = g_hash_table_lookup (parts->parts, name);

      if (part != NULL)
        {
          gsize size;
          const guint8 *data = g_bytes_get_data (part->data, &size);

          status = write_raw (out, name, &info, part->method, part->level, data, size,
                              part->uncompressed_size, part->crc);
        }
      else
        {
          g_autoptr(GBytes) data = NULL;
          int method, level;

          data = read_raw (in, &info, &method, &level, &status);
          if (data != NULL)
            status = write_raw (out, name, &info, method, level, g_bytes_get_data (data, NULL),
                                g_bytes_get_size (data), info.uncompressed_size, info.crc);
        }
      if (status != UNZ_OK)
        break;
    }
  unzClose (in);
  closed = zipClose (out, NULL);
  if (status != UNZ_END_OF_LIST_OF_FILE)
    return fail (error, target, _("the workbook could not be assembled"), status);
  if (closed != ZIP_OK)
    return fail (error, target, _("the workbook could not be written"), closed);
  return TRUE;
}
