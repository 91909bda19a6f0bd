/* csn-window-document.c: the window's recommendations document: Print… and Export Document…, in
 * the language and on the paper chosen on the Document page. */
#define G_LOG_DOMAIN "csn-window-document"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-document-export.h"
#include "csn-print-operation.h"
#include "csn-window-private.h"

#define DOCX_MIME_TYPE "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#define PULSE_INTERVAL_MS 100

static void
on_document_reveal_cb (CsnWindow       *self,
                       CsnItem         *item,
                       const char      *property,
                       CsnDocumentPage *page)
{
  csn_window_reveal (self, item, property);
}

/* The Document page chooses the language and paper of what is printed or exported; made now if it
 * was not shown yet (it starts with the draft's language and the paper last chosen). */
static CsnDocumentPage *
get_document_page (CsnWindow *self)
{
  return CSN_DOCUMENT_PAGE (_csn_window_ensure_page (self, "document"));
}

void
_csn_window_document_page_made (CsnWindow *self)
{
  g_signal_connect_object (self->document_page, "reveal", G_CALLBACK (on_document_reveal_cb),
                           self, G_CONNECT_SWAPPED);
}

/* Printing */

static void
on_print_done_cb (CsnWindow               *self,
                  GtkPrintOperationResult  result,
                  GtkPrintOperation       *operation)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      csn_window_show_error (self, _("Could not print the document"),
                             error != NULL ? error->message : _("The printing system gave no reason."));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      /* The next print starts from this one's printer and options. */
      g_clear_object (&self->print_settings);
      self->print_settings = g_object_ref (gtk_print_operation_get_print_settings (operation));
    }
}

/**
 * csn_window_print:
 * @action: GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, or EXPORT to write @export_path
 * @export_path: (nullable): a PDF file, for GTK_PRINT_OPERATION_ACTION_EXPORT
 *
 * Prints the recommendations document through GTK's print dialog (whose Preview shows it in the
 * system's print preview), in the Document page's language.
 */
GtkPrintOperationResult
csn_window_print (CsnWindow               *self,
                  GtkPrintOperationAction  action,
                  const char              *export_path)
{
  g_autoptr(CsnPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (CSN_IS_WINDOW (self), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT || export_path != NULL,
                        GTK_PRINT_OPERATION_RESULT_ERROR);

  _csn_window_commit_focused_edit (self);
  operation = csn_print_operation_new (self->draft,
                                       csn_document_page_get_language (get_document_page (self)),
                                       csn_document_page_get_paper (get_document_page (self)));
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation), self->print_settings);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), export_path);
  /* The dialog does not hold the window: the co-chairs may go on editing while it is open. */
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation),
                                       action == GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, G_CONNECT_SWAPPED);

  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), action, GTK_WINDOW (self), NULL);
  return result;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  csn_window_print (CSN_WINDOW (widget), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL);
}

/* Export Document… */

typedef struct
{
  CsnWindow *window;
  char      *path;
  guint      pulse_source;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_handle_id (&job->pulse_source, g_source_remove);
  g_clear_object (&job->window);
  g_free (job->path);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

/* The writer says nothing of how far it got: the bar shows that it is at work. */
static gboolean
on_export_pulse_cb (gpointer user_data)
{
  ExportJob *job = user_data;

  gtk_progress_bar_pulse (job->window->export_progress);
  return G_SOURCE_CONTINUE;
}

static void
on_document_exported_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(ExportJob) job = user_data;
  CsnWindow *self = job->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (job->path);
  g_autofree char *basename = g_filename_display_basename (job->path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *title = g_strdup_printf (_("Could not export “%s”"), basename);
  g_autofree char *message = NULL;

  csn_document_export_finish (result, &error);
  if (!_csn_window_end_export (self, error, title))
    return;
  message = g_strdup_printf (_("Exported “%s”"), basename);
  _csn_window_toast_export (self, message, _("_Open"), uri);
}

/**
 * csn_window_export_document:
 * @path: a .docx or .pdf file
 *
 * Writes the recommendations document in the background, in the Document page's language and on
 * its paper, with a progress bar and Cancel, and a toast to open it at the end. A failed or
 * cancelled export leaves @path as it was.
 */
void
csn_window_export_document (CsnWindow  *self,
                            const char *path)
{
  g_autofree char *basename = NULL;
  g_autofree char *text = NULL;
  ExportJob *job;

  g_return_if_fail (CSN_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  _csn_window_commit_focused_edit (self);
  basename = g_filename_display_basename (path);
  /* Translators: shown beside the progress bar while a document is written */
  text = g_strdup_printf (_("Exporting “%s”…"), basename);
  _csn_window_begin_export (self, text);
  job = g_new0 (ExportJob, 1);
  job->window = g_object_ref (self);
  job->path = g_strdup (path);
  job->pulse_source = g_timeout_add (PULSE_INTERVAL_MS, on_export_pulse_cb, job);
  csn_document_export_async (self->draft, path,
                             csn_document_page_get_language (get_document_page (self)),
                             csn_document_page_get_paper (get_document_page (self)),
                             self->export_cancellable, on_document_exported_cb, job);
}

static void
on_export_document_response_cb (CsnWindow            *self,
                                int                   response,
                                GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  CsnDocumentFormat format;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  /* Users may type a name without the extension: the chosen filter gives it. */
  if (file != NULL && g_file_peek_path (file) != NULL)
    path = csn_document_format_for_path (g_file_peek_path (file), &format)
           ? g_strdup (g_file_peek_path (file))
           : g_strconcat (g_file_peek_path (file),
                          g_strcmp0 (g_object_get_data (G_OBJECT (filter), "csn-extension"), ".pdf") == 0
                          ? ".pdf" : ".docx", NULL);
  g_clear_object (&self->chooser);
  if (path == NULL)
    return;

  _csn_window_remember_folder (self, file);
  csn_window_export_document (self, path);
}

static GtkFileFilter *
create_filter (const char *name,
               const char *mime_type,
               const char *suffix)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  g_object_set_data_full (G_OBJECT (filter), "csn-extension", g_strconcat (".", suffix, NULL), g_free);
  return filter;
}

static void
export_document_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CsnWindow *self = CSN_WINDOW (widget);
  g_autoptr(GtkFileFilter) docx_filter = NULL;
  g_autoptr(GtkFileFilter) pdf_filter = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  GFile *file;

  if (self->chooser != NULL)
    return;
  _csn_window_commit_focused_edit (self);

  self->chooser = gtk_file_chooser_native_new (_("Export Document"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  docx_filter = create_filter (_("Word Documents (.docx)"), DOCX_MIME_TYPE, "docx");
  pdf_filter = create_filter (_("PDF Documents (.pdf)"), "application/pdf", "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), docx_filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), pdf_filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), docx_filter);

  _csn_window_start_in_last_folder (self, GTK_FILE_CHOOSER (self->chooser));
  file = csn_draft_get_file (self->draft);
  if (file != NULL)
    {
      /* The chooser takes a name in UTF-8: a name it cannot show is offered as it reads. */
      g_autofree char *raw_basename = g_file_get_basename (file);
      g_autofree char *basename = g_filename_display_name (raw_basename);

      stem = g_str_has_suffix (basename, ".consenso")
             ? g_strndup (basename, strlen (basename) - strlen (".consenso"))
             : g_strdup (basename);
    }
  else
    /* Translators: the file name offered for the document of a new draft, without extension */
    stem = g_strdup (_("recommendations"));
  name = g_strconcat (stem, ".docx", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_export_document_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
_csn_window_class_document_init (CsnWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (CSN_TYPE_DOCUMENT_PAGE);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-document", NULL, export_document_action);
}

void
_csn_window_document_dispose (CsnWindow *self)
{
  g_clear_object (&self->print_settings);
}
