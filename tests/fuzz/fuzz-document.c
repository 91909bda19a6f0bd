/* fuzz-document.c: any draft that loads makes a recommendations document in both languages, whose
 * pages lay out and draw, and whose DOCX is well-formed XML. */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-stdio.h>
#include <libxml/parser.h>

#include "csn-document-export.h"
#include "csn-document-pages.h"
#include "csn-draft.h"
#include "fuzz-scratch.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static char *docx_path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_setenv ("SOURCE_DATE_EPOCH", "1290700000", TRUE);
  docx_path = fuzz_scratch_path ("fuzz.docx");
  return 0;
}

static void
draw_page (CsnDocumentPages *pages,
           guint             page)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);

  csn_document_pages_draw_page (pages, cr, page);
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    g_error ("drawing page %u: %s", page, cairo_status_to_string (cairo_status (cr)));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Every XML part of the package parses, without network or entities. */
static void
check_docx (void)
{
  g_autoptr(GError) error = NULL;
  GsfInput *input = gsf_input_stdio_new (docx_path, &error);
  GsfInfile *zip;
  const char *parts[][2] = { { "word", "document.xml" }, { "word", "footnotes.xml" },
                             { "word", "styles.xml" }, { "docProps", "core.xml" } };

  g_assert_no_error (error);
  zip = gsf_infile_zip_new (input, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *names[] = { parts[i][0], parts[i][1], NULL };
      GsfInput *part = gsf_infile_child_by_aname (zip, names);
      gsf_off_t size;
      xmlDocPtr doc;

      g_assert (part != NULL);
      size = gsf_input_size (part);
      doc = xmlReadMemory ((const char *) gsf_input_read (part, size, NULL), size, parts[i][1], NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
      g_assert (doc != NULL);
      xmlFreeDoc (doc);
      g_object_unref (part);
    }
  g_object_unref (zip);
  g_object_unref (input);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnDraft) draft = NULL;

  draft = csn_draft_load_from_data ((const char *) data, size, "fuzz.consenso", &error);
  if (draft == NULL)
    return 0;

  for (CsnLanguage language = CSN_LANGUAGE_ES; language <= CSN_LANGUAGE_EN; language++)
    {
      g_autoptr(CsnDocument) document = csn_document_new (draft, language);
      g_autoptr(CsnDocumentPages) pages = csn_document_pages_new (document, CSN_PAPER_A4);
      guint n_pages = csn_document_pages_get_n_pages (pages);

      g_assert (n_pages > 0);
      draw_page (pages, 0);
      draw_page (pages, n_pages - 1);
      if (language == CSN_LANGUAGE_ES)
        {
          g_assert (csn_document_write (document, CSN_DOCUMENT_FORMAT_DOCX, CSN_PAPER_A4, docx_path, NULL, &error));
          check_docx ();
        }
    }
  return 0;
}
