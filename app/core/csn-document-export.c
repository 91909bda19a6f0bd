/* csn-document-export.c: picks the writer from the file name and runs it, at once or in a worker
 * thread with the document built beforehand on the caller's thread. */
#define G_LOG_DOMAIN "csn-document-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "csn-docx-writer.h"
#include "csn-document-export.h"
#include "csn-draft.h"
#include "csn-export.h"
#include "csn-pdf-writer.h"

/* The format of @path from its extension, whatever its case. */
gboolean
csn_document_format_for_path (const char        *path,
                              CsnDocumentFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".docx"))
    *format = CSN_DOCUMENT_FORMAT_DOCX;
  else if (g_str_has_suffix (lower, ".pdf"))
    *format = CSN_DOCUMENT_FORMAT_PDF;
  else
    return FALSE;
  return TRUE;
}

gboolean
csn_document_write (CsnDocument        *document,
                    CsnDocumentFormat   format,
                    CsnPaper            paper,
                    const char         *path,
                    GCancellable       *cancellable,
                    GError            **error)
{
  g_return_val_if_fail (CSN_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (format == CSN_DOCUMENT_FORMAT_PDF)
    return csn_pdf_writer_write (document, paper, path, cancellable, error);
  return csn_docx_writer_write (document, paper, path, cancellable, error);
}

static gboolean
check_format (const char        *path,
              CsnDocumentFormat *format,
              GError           **error)
{
  g_autofree char *display = NULL;

  if (csn_document_format_for_path (path, format))
    return TRUE;
  display = g_filename_display_name (path);
  /* Translators: "Cannot export to report.txt: the name must end in .docx or .pdf" */
  g_set_error (error, CSN_EXPORT_ERROR, CSN_EXPORT_ERROR_WRITE,
               _("Cannot export to %s: the name must end in .docx or .pdf"), display);
  return FALSE;
}

/**
 * csn_document_export:
 * @draft: the draft
 * @path: a .docx or .pdf file
 * @language: the language of the document
 * @paper: the page size
 *
 * Writes the recommendations document of @draft to @path, blocking.
 */
gboolean
csn_document_export (CsnDraft      *draft,
                     const char    *path,
                     CsnLanguage    language,
                     CsnPaper       paper,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(CsnDocument) document = NULL;
  CsnDocumentFormat format;

  g_return_val_if_fail (CSN_IS_DRAFT (draft), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_format (path, &format, error))
    return FALSE;
  document = csn_document_new (draft, language);
  return csn_document_write (document, format, paper, path, cancellable, error);
}

typedef struct {
  CsnDocument       *document;
  CsnDocumentFormat  format;
  CsnPaper           paper;
  char              *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_object_unref (job->document);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (csn_document_write (job->document, job->format, job->paper, job->path, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * csn_document_export_async:
 *
 * Builds the document from @draft now, in this thread, and writes it in another: the window never
 * waits for the writing, and the draft may change while it runs.
 */
void
csn_document_export_async (CsnDraft            *draft,
                           const char          *path,
                           CsnLanguage          language,
                           CsnPaper             paper,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  CsnDocumentFormat format;
  ExportJob *job;

  g_return_if_fail (CSN_IS_DRAFT (draft));
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (draft, cancellable, callback, user_data);
  g_task_set_source_tag (task, csn_document_export_async);
  g_task_set_name (task, "csn_document_export_async");
  if (!check_format (path, &format, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->document = csn_document_new (draft, language);
  job->format = format;
  job->paper = paper;
  job->path = g_strdup (path);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
csn_document_export_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == csn_document_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
