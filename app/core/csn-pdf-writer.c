/* csn-pdf-writer.c: draws the document's pages on cairo's PDF surface, with the fonts embedded, an
 * outline of the headings and the document's properties; no display needed. */
#define G_LOG_DOMAIN "csn-pdf-writer"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "csn-export.h"
#include "csn-pdf-writer.h"
#include "csn-safe-file.h"

/* cairo writes the PDF in pieces of a few bytes, tens of thousands of them for a long document:
 * they reach the file in blocks, not in a system call each. */
#define SINK_BUFFER (64 * 1024)

typedef struct {
  int    fd;
  int    error;  /* errno of the first failed write */
  gsize  length;
  guchar buffer[SINK_BUFFER];
} Sink;

static void
sink_write (Sink         *sink,
            const guchar *data,
            gsize         length)
{
  while (length > 0 && sink->error == 0)
    {
      gssize n = write (sink->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          sink->error = n < 0 ? errno : ENOSPC;
          break;
        }
      data += n;
      length -= n;
    }
}

static void
sink_flush (Sink *sink)
{
  sink_write (sink, sink->buffer, sink->length);
  sink->length = 0;
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  if (sink->length + length > SINK_BUFFER)
    sink_flush (sink);
  if (length >= SINK_BUFFER)
    sink_write (sink, data, length);
  else
    {
      memcpy (sink->buffer + sink->length, data, length);
      sink->length += length;
    }
  return sink->error == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static gboolean
set_write_error (GError     **error,
                 const char  *path,
                 const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: "Cannot export to report.pdf: No space left on device" */
  g_set_error (error, CSN_EXPORT_ERROR, CSN_EXPORT_ERROR_WRITE, _("Cannot export to %s: %s"),
               display, reason);
  return FALSE;
}

static char *
pdf_date (GDateTime *date)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (date);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static void
set_metadata (cairo_surface_t *surface,
              CsnDocument     *doc)
{
  g_autofree char *date = pdf_date (csn_document_get_date (doc));

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, csn_document_get_title (doc));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, csn_document_get_author (doc));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, csn_document_get_subject (doc));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, csn_document_get_keywords (doc));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Consenso " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
}

static char *
outline_text (const CsnDocumentBlock *block)
{
  GString *text = g_string_new (block->number);

  if (block->number != NULL)
    g_string_append_c (text, ' ');
  for (guint i = 0; i < block->text.n_runs; i++)
    g_string_append_len (text, block->text.runs[i].text, block->text.runs[i].length);
  /* An outline entry is one line. */
  g_strdelimit (text->str, "\n\t", ' ');
  return g_string_free (text, FALSE);
}

/* The headings as the PDF's bookmarks: sections and annexes, with horizons, pillars and actors
 * under them. */
static void
add_outline (cairo_surface_t  *surface,
             CsnDocumentPages *pages)
{
  CsnDocument *doc = csn_document_pages_get_document (pages);
  guint n_blocks = csn_document_get_n_blocks (doc);
  int parents[4] = { CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT, CAIRO_PDF_OUTLINE_ROOT };

  for (guint i = 0; i < n_blocks; i++)
    {
      const CsnDocumentBlock *block = csn_document_get_block (doc, i);
      g_autofree char *text = NULL;
      g_autofree char *link = NULL;
      int level;
      guint page;
      double y;

      if (block->kind != CSN_DOCUMENT_BLOCK_PARAGRAPH || block->style < CSN_DOCUMENT_STYLE_HEADING_1 ||
          block->style > CSN_DOCUMENT_STYLE_HEADING_3)
        continue;
      if (!csn_document_pages_find_block (pages, i, &page, &y, NULL))
        continue;
      level = block->style - CSN_DOCUMENT_STYLE_HEADING_1 + 1;
      text = outline_text (block);
      link = g_strdup_printf ("page=%u pos=[%d %d]", page + 1, (int) CSN_PAGE_MARGIN_SIDE, (int) y);
      parents[level] = cairo_pdf_surface_add_outline (surface, parents[level - 1], text, link,
                                                      level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
      for (int deeper = level + 1; deeper < 4; deeper++)
        parents[deeper] = parents[level];
    }
}

/* The pages are drawn in a worker thread, each into a recording surface, while the writer has
 * cairo's PDF surface replay and emit the pages before them: cairo's half of the work is the
 * larger, and a recording painted onto the PDF surface comes out as the same text in the same
 * embedded fonts. A few pages ahead at most, so memory stays bounded. */
#define PAGES_AHEAD 4

typedef struct {
  CsnDocumentPages *pages;   /* the worker's alone while it runs */
  GCancellable     *cancellable;
  guint             n_pages;
  GMutex            lock;
  GCond             cond;
  GQueue            ready;   /* cairo_surface_t: recordings of the next pages, in order */
  gboolean          done;    /* the worker has drawn all it will */
  gboolean          stop;    /* the writer wants no more pages */
} Drawer;

static gpointer
drawer_run (gpointer data)
{
  Drawer *drawer = data;
  cairo_rectangle_t extents = { 0, 0, 0, 0 };

  csn_document_pages_get_page_size (drawer->pages, &extents.width, &extents.height);
  for (guint i = 0; i < drawer->n_pages; i++)
    {
      cairo_surface_t *recording;
      gboolean stop;
      cairo_t *cr;

      g_mutex_lock (&drawer->lock);
      while (drawer->ready.length >= PAGES_AHEAD && !drawer->stop)
        g_cond_wait (&drawer->cond, &drawer->lock);
      stop = drawer->stop;
      g_mutex_unlock (&drawer->lock);
      if (stop || g_cancellable_is_cancelled (drawer->cancellable))
        break;

      recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
      cr = cairo_create (recording);
      csn_document_pages_draw_page (drawer->pages, cr, i);
      cairo_destroy (cr);

      g_mutex_lock (&drawer->lock);
      g_queue_push_tail (&drawer->ready, recording);
      g_cond_broadcast (&drawer->cond);
      g_mutex_unlock (&drawer->lock);
    }

  g_mutex_lock (&drawer->lock);
  drawer->done = TRUE;
  g_cond_broadcast (&drawer->cond);
  g_mutex_unlock (&drawer->lock);
  return NULL;
}

/* The next page's recording, or NULL once the worker stopped early. */
static cairo_surface_t *
drawer_next (Drawer *drawer)
{
  cairo_surface_t *recording;

  g_mutex_lock (&drawer->lock);
  while (drawer->ready.length == 0 && !drawer->done)
    g_cond_wait (&drawer->cond, &drawer->lock);
  recording = g_queue_pop_head (&drawer->ready);
  g_cond_broadcast (&drawer->cond);
  g_mutex_unlock (&drawer->lock);
  return recording;
}

/* Emits the pages onto @cr; stops early when cancelled or when cairo fails. */
static void
draw_pages (CsnDocumentPages *pages,
            cairo_t          *cr,
            GCancellable     *cancellable)
{
  Drawer drawer = { pages, cancellable, csn_document_pages_get_n_pages (pages) };
  GThread *thread;

  g_mutex_init (&drawer.lock);
  g_cond_init (&drawer.cond);
  thread = g_thread_new ("csn-pdf-pages", drawer_run, &drawer);

  for (guint i = 0; i < drawer.n_pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS; i++)
    {
      cairo_surface_t *recording = drawer_next (&drawer);

      if (recording == NULL || g_cancellable_is_cancelled (cancellable))
        {
          g_clear_pointer (&recording, cairo_surface_destroy);
          break;
        }
      /* A recording in error puts @cr in error too. */
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_surface_destroy (recording);
      cairo_show_page (cr);
    }

  g_mutex_lock (&drawer.lock);
  drawer.stop = TRUE;
  g_cond_broadcast (&drawer.cond);
  g_mutex_unlock (&drawer.lock);
  g_thread_join (thread);
  g_queue_clear_full (&drawer.ready, (GDestroyNotify) cairo_surface_destroy);
  g_mutex_clear (&drawer.lock);
  g_cond_clear (&drawer.cond);
}

/**
 * csn_pdf_writer_write:
 * @document: the document
 * @paper: the page size
 * @path: the file to write; an existing one is replaced only once the new one is complete
 *
 * Writes @document as a PDF. On failure @path is left as it was and @error names it. Any thread.
 */
gboolean
csn_pdf_writer_write (CsnDocument   *document,
                      CsnPaper       paper,
                      const char    *path,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(CsnDocumentPages) pages = NULL;
  g_autofree char *temp = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  g_autofree Sink *sink = g_new0 (Sink, 1);
  double width, height;

  g_return_val_if_fail (CSN_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  pages = csn_document_pages_new (document, paper);
  if (!csn_document_pages_paginate (pages, cancellable))
    return !g_cancellable_set_error_if_cancelled (cancellable, error);
  csn_document_pages_get_page_size (pages, &width, &height);

  temp = csn_safe_file_create_temp (path, &sink->fd, error);
  if (temp == NULL)
    return FALSE;

  surface = cairo_pdf_surface_create_for_stream (write_cb, sink, width, height);
  set_metadata (surface, document);
  add_outline (surface, pages);
  cr = cairo_create (surface);
  draw_pages (pages, cr, cancellable);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  sink_flush (sink);
  if (close (sink->fd) != 0 && sink->error == 0)
    sink->error = errno;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (temp);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS || sink->error != 0)
    {
      g_unlink (temp);
      return set_write_error (error, path, sink->error != 0 ? g_strerror (sink->error)
                                                            : cairo_status_to_string (status));
    }
  return csn_safe_file_commit (temp, path, FALSE, error);
}
