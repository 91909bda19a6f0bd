/* csn-xliff-writer.c: an XLIFF 1.2 file written with libxml2's xmlTextWriter, which escapes every
 * text and attribute (a carriage return too, so it survives the trip), in any thread. */
#define G_LOG_DOMAIN "csn-xliff"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "csn-xliff.h"
#include "csn-xliff-private.h"

static void
unit_free (CsnXliffUnit *unit)
{
  g_free (unit->id);
  g_free (unit->source);
  g_free (unit->target);
  g_free (unit->state);
  g_clear_pointer (&unit->notes, g_ptr_array_unref);
  g_free (unit);
}

CsnXliffFile *
csn_xliff_file_new (void)
{
  CsnXliffFile *file = g_new0 (CsnXliffFile, 1);

  file->units = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_free);
  return file;
}

void
csn_xliff_file_free (CsnXliffFile *file)
{
  if (file == NULL)
    return;
  g_free (file->original);
  g_free (file->source_language);
  g_free (file->target_language);
  g_free (file->date);
  g_free (file->header_note);
  g_ptr_array_unref (file->units);
  g_free (file);
}

CsnXliffUnit *
csn_xliff_file_add_unit (CsnXliffFile *file,
                         const char   *id,
                         const char   *source)
{
  CsnXliffUnit *unit = g_new0 (CsnXliffUnit, 1);

  unit->id = g_strdup (id);
  unit->source = g_strdup (source);
  unit->notes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (file->units, unit);
  return unit;
}

/* The first character of @text that XML 1.0 cannot hold (a control character but tab, line feed
 * and carriage return; U+FFFE, U+FFFF), or 0. */
gunichar
csn_xliff_find_invalid_char (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        return c;
    }
  return 0;
}

typedef struct {
  xmlTextWriterPtr writer;
  gboolean         ok;
} Writer;

static void
start (Writer     *w,
       const char *name)
{
  w->ok = w->ok && xmlTextWriterStartElement (w->writer, BAD_CAST name) >= 0;
}

static void
end (Writer *w)
{
  w->ok = w->ok && xmlTextWriterEndElement (w->writer) >= 0;
}

static void
attribute (Writer     *w,
           const char *name,
           const char *value)
{
  if (value != NULL)
    w->ok = w->ok && xmlTextWriterWriteAttribute (w->writer, BAD_CAST name, BAD_CAST value) >= 0;
}

static void
element (Writer     *w,
         const char *name,
         const char *text)
{
  w->ok = w->ok && xmlTextWriterWriteElement (w->writer, BAD_CAST name, BAD_CAST text) >= 0;
}

static void
note (Writer     *w,
      const char *text)
{
  start (w, "note");
  attribute (w, "from", "consenso");
  w->ok = w->ok && xmlTextWriterWriteString (w->writer, BAD_CAST text) >= 0;
  end (w);
}

static void
write_unit (Writer       *w,
            CsnXliffUnit *unit)
{
  start (w, "trans-unit");
  attribute (w, "id", unit->id);
  /* Texts keep their line breaks and spaces as the co-chairs typed them. */
  attribute (w, "xml:space", "preserve");
  element (w, "source", unit->source);
  if (unit->target != NULL)
    {
      start (w, "target");
      attribute (w, "state", unit->state);
      if (unit->target[0] != '\0')
        w->ok = w->ok && xmlTextWriterWriteString (w->writer, BAD_CAST unit->target) >= 0;
      end (w);
    }
  for (guint i = 0; i < unit->notes->len; i++)
    note (w, g_ptr_array_index (unit->notes, i));
  end (w);
}

static gboolean
check_texts (CsnXliffFile  *file,
             GError       **error)
{
  for (guint i = 0; i < file->units->len; i++)
    {
      CsnXliffUnit *unit = g_ptr_array_index (file->units, i);
      const char *texts[] = { unit->id, unit->source, unit->target };

      for (guint j = 0; j < G_N_ELEMENTS (texts); j++)
        {
          gunichar c = texts[j] != NULL ? csn_xliff_find_invalid_char (texts[j]) : 0;

          if (c != 0)
            {
              g_set_error (error, CSN_XLIFF_ERROR, CSN_XLIFF_ERROR_TEXT,
                           /* Translators: "unit “themes/theme-1/title” holds the character U+0001, which XML cannot carry" */
                           _("unit “%s” holds the character U+%04X, which XML cannot carry"), unit->id, c);
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* The file's text: one <file> with a header and a body of trans-units. Notes must hold valid
 * characters already; a text that XML cannot carry is an error. */
char *
csn_xliff_write (CsnXliffFile  *file,
                 gsize         *length,
                 GError       **error)
{
  xmlBufferPtr buffer;
  Writer w = { NULL, TRUE };
  char *data = NULL;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_texts (file, error))
    return NULL;

  buffer = xmlBufferCreate ();
  w.writer = xmlNewTextWriterMemory (buffer, 0);
  w.ok = w.writer != NULL &&
         xmlTextWriterSetIndent (w.writer, 1) >= 0 &&
         xmlTextWriterSetIndentString (w.writer, BAD_CAST "  ") >= 0 &&
         xmlTextWriterStartDocument (w.writer, NULL, "UTF-8", NULL) >= 0;

  start (&w, "xliff");
  attribute (&w, "version", "1.2");
  attribute (&w, "xmlns", CSN_XLIFF_NAMESPACE);
  start (&w, "file");
  attribute (&w, "original", file->original);
  attribute (&w, "source-language", file->source_language);
  attribute (&w, "target-language", file->target_language);
  attribute (&w, "datatype", "plaintext");
  attribute (&w, "date", file->date);
  attribute (&w, "tool-id", "consenso");

  start (&w, "header");
  start (&w, "tool");
  attribute (&w, "tool-id", "consenso");
  attribute (&w, "tool-name", "Consenso");
  attribute (&w, "tool-version", PACKAGE_VERSION);
  end (&w);
  if (file->header_note != NULL)
    note (&w, file->header_note);
  end (&w);

  start (&w, "body");
  for (guint i = 0; i < file->units->len && w.ok; i++)
    write_unit (&w, g_ptr_array_index (file->units, i));
  end (&w);
  end (&w);
  end (&w);
  w.ok = w.ok && xmlTextWriterEndDocument (w.writer) >= 0;
  /* Freeing the writer flushes it into the buffer. */
  g_clear_pointer (&w.writer, xmlFreeTextWriter);

  if (w.ok)
    {
      *length = xmlBufferLength (buffer);
      data = g_strndup ((const char *) xmlBufferContent (buffer), *length);
    }
  else
    g_set_error_literal (error, CSN_XLIFF_ERROR, CSN_XLIFF_ERROR_WRITE,
                         _("The XML writer failed"));
  xmlBufferFree (buffer);
  return data;
}
