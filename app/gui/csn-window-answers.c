/* csn-window-answers.c: the delegations' round trip in the window: Export for Delegations… writes a
 * workbook for each member state to answer in; Import Answers… (or workbooks dropped on the window)
 * reads what comes back into the review page, grouped by country. */
#define G_LOG_DOMAIN "csn-window-answers"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-answers-import.h"
#include "csn-answers-problems-dialog.h"
#include "csn-delegation-export.h"
#include "csn-export-delegations-dialog.h"
#include "csn-meeting.h"
#include "csn-window-private.h"

#define XLSX_MIME_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* Export for Delegations… */

/* The window is held weakly: closing it disposes it, which cancels the export. */
typedef struct
{
  GWeakRef      window;
  GFile        *folder;
  GCancellable *cancellable;
} DelegationsExport;

static void
delegations_export_free (DelegationsExport *job)
{
  g_weak_ref_clear (&job->window);
  g_clear_object (&job->folder);
  g_clear_object (&job->cancellable);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DelegationsExport, delegations_export_free)

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static void
on_delegations_progress_cb (double   fraction,
                            gpointer user_data)
{
  g_autoptr(CsnWindow) self = g_weak_ref_get (user_data);

  /* A window that closed meanwhile cancelled the export and has no bar left. */
  if (self == NULL || self->export_cancellable == NULL || g_cancellable_is_cancelled (self->export_cancellable))
    return;
  gtk_progress_bar_set_fraction (self->export_progress, fraction);
}

static void
on_delegations_exported_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(DelegationsExport) job = user_data;
  g_autoptr(CsnWindow) self = g_weak_ref_get (&job->window);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) paths = csn_export_delegations_finish (result, &error);
  g_autofree char *basename = g_file_get_basename (job->folder);
  g_autofree char *folder_name = g_filename_display_name (basename);
  g_autofree char *uri = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GFile) first = NULL;
  guint n_paths;

  /* The window closed meanwhile: it cancelled the export and forgot it. */
  if (self == NULL || self->export_cancellable != job->cancellable)
    return;
  /* Translators: the title of the error bar after Export for Delegations: "Could not write the delegations’ workbooks in “Answers”" */
  title = g_strdup_printf (_("Could not write the delegations’ workbooks in “%s”"), folder_name);
  if (!_csn_window_end_export (self, error, title))
    return;

  n_paths = g_strv_length (paths);
  if (n_paths > 0)
    {
      first = g_file_new_for_path (paths[0]);
      _csn_window_remember_folder (self, first);
    }
  uri = g_file_get_uri (job->folder);
  /* Translators: the toast after Export for Delegations: "Wrote 11 workbooks in “Answers”" */
  message = g_strdup_printf (ngettext ("Wrote %u workbook in “%s”", "Wrote %u workbooks in “%s”", n_paths),
                             n_paths, folder_name);
  _csn_window_toast_export (self, message, _("_Open Folder"), uri);
}

/**
 * csn_window_export_delegations:
 * @folder: a local folder, made if missing
 * @language: CSN_EXPORT_LANGUAGE_PER_COUNTRY, CSN_LANGUAGE_ES or CSN_LANGUAGE_EN
 *
 * Writes a workbook for each member state's delegation into @folder in the background, with the
 * window's progress bar and Cancel, and a toast to open the folder at the end. A failed or cancelled
 * export replaces nothing in @folder.
 */
void
csn_window_export_delegations (CsnWindow *self,
                               GFile     *folder,
                               int        language)
{
  DelegationsExport *job;
  GWeakRef *progress_ref;

  g_return_if_fail (CSN_IS_WINDOW (self));
  g_return_if_fail (self->draft != NULL);
  g_return_if_fail (G_IS_FILE (folder) && g_file_peek_path (folder) != NULL);
  g_return_if_fail (language == CSN_EXPORT_LANGUAGE_PER_COUNTRY || language == CSN_LANGUAGE_ES ||
                    language == CSN_LANGUAGE_EN);

  _csn_window_commit_focused_edit (self);
  /* Translators: shown beside the progress bar while Export for Delegations writes */
  _csn_window_begin_export (self, _("Writing the delegations’ workbooks…"));
  job = g_new0 (DelegationsExport, 1);
  g_weak_ref_init (&job->window, self);
  job->folder = g_object_ref (folder);
  job->cancellable = g_object_ref (self->export_cancellable);
  progress_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (progress_ref, self);
  csn_export_delegations_async (self->draft, g_file_peek_path (folder), language,
                                on_delegations_progress_cb, progress_ref, (GDestroyNotify) weak_ref_free,
                                self->export_cancellable, on_delegations_exported_cb, job);
}

/* The deadline and the address go into the draft, as the Overview shows them: one step to undo. */
static void
take_answers_fields (CsnWindow                  *self,
                     CsnExportDelegationsDialog *dialog)
{
  CsnMeeting *meeting = csn_draft_get_meeting (self->draft);
  const char *due = csn_export_delegations_dialog_get_answers_due (dialog);
  g_autofree char *to = g_strstrip (g_strdup (csn_export_delegations_dialog_get_answers_to (dialog)));
  gboolean due_changed = g_strcmp0 (csn_meeting_get_answers_due (meeting), due) != 0;
  gboolean to_changed = g_strcmp0 (csn_meeting_get_answers_to (meeting) != NULL
                                   ? csn_meeting_get_answers_to (meeting) : "", to) != 0;

  if (due_changed && to_changed)
    csn_draft_begin_group (self->draft, _("Change by when and where the delegations answer"));
  if (due_changed)
    csn_draft_set_string (self->draft, CSN_ITEM (meeting), CSN_MEETING_PROP_ANSWERS_DUE, due);
  if (to_changed)
    csn_draft_set_string (self->draft, CSN_ITEM (meeting), CSN_MEETING_PROP_ANSWERS_TO, to);
  if (due_changed && to_changed)
    csn_draft_end_group (self->draft);
}

static void
on_export_dialog_export_cb (CsnWindow                  *self,
                            CsnExportDelegationsDialog *dialog)
{
  GFile *folder = csn_export_delegations_dialog_get_folder (dialog);

  if (self->draft == NULL || folder == NULL || g_file_peek_path (folder) == NULL)
    return;
  take_answers_fields (self, dialog);
  csn_window_export_delegations (self, folder, csn_export_delegations_dialog_get_language (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
export_delegations_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CsnWindow *self = CSN_WINDOW (widget);
  g_autoptr(GFile) folder = NULL;
  GtkWidget *dialog;

  _csn_window_commit_focused_edit (self);
  folder = _csn_window_dup_last_folder (self);
  dialog = csn_export_delegations_dialog_new (GTK_WINDOW (self), self->draft, folder);
  g_signal_connect_object (dialog, "export", G_CALLBACK (on_export_dialog_export_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Import Answers… */

/* The window is held weakly: closing it disposes it, which cancels the read. */
typedef struct
{
  GWeakRef      window;
  CsnDraft     *draft;
  GCancellable *cancellable;
  GPtrArray    *files;   /* of GFile */
} AnswersRead;

static void
answers_read_free (AnswersRead *read)
{
  g_weak_ref_clear (&read->window);
  g_clear_object (&read->draft);
  g_clear_object (&read->cancellable);
  g_clear_pointer (&read->files, g_ptr_array_unref);
  g_free (read);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AnswersRead, answers_read_free)

/* What the answers came from, for the review: "Mexico (MX).xlsx", or "3 workbooks". */
static char *
dup_source (GPtrArray *files)
{
  if (files->len == 1)
    {
      g_autofree char *basename = g_file_get_basename (g_ptr_array_index (files, 0));

      return g_filename_display_name (basename);
    }
  return g_strdup_printf (ngettext ("%u workbook", "%u workbooks", files->len), files->len);
}

static void
show_problems (CsnWindow *self,
               GPtrArray *problems,
               GPtrArray *files,
               gboolean   has_changes)
{
  GtkWidget *dialog = csn_answers_problems_dialog_new (GTK_WINDOW (self), problems, files, has_changes);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_answers_read_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AnswersRead) read = user_data;
  g_autoptr(CsnWindow) self = g_weak_ref_get (&read->window);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnChangeSet) set = csn_answers_import_finish (result, read->draft, &problems, &error);
  g_autofree char *source_name = NULL;
  guint n_changes;

  /* Cancelled: the window closed or took another draft, and forgot this read already. */
  if (set == NULL || self == NULL || read->cancellable != self->incoming_cancellable || read->draft != self->draft)
    return;

  g_clear_object (&self->incoming_cancellable);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  _csn_window_update_incoming_actions (self);

  n_changes = g_list_model_get_n_items (G_LIST_MODEL (set));
  if (n_changes > 0 && self->reviewing)
    {
      /* Another review began meanwhile (a translation): the answers are imported again once it is over. */
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Another review is under way: apply or cancel it, then import the answers")));
      return;
    }
  if (n_changes > 0)
    {
      source_name = dup_source (read->files);
      csn_window_review (self, set, CSN_REVIEW_GROUPINGS_COUNTRY | CSN_REVIEW_GROUPINGS_ITEM | CSN_REVIEW_GROUPINGS_PAGE,
                         CSN_REVIEW_GROUP_BY_COUNTRY, source_name);
      self->review_answers = TRUE;
    }
  if (problems->len > 0 || n_changes == 0)
    show_problems (self, problems, read->files, n_changes > 0);
  /* Drafts dropped with the workbooks wait for the answers' review; without one, they go on now. */
  if (n_changes == 0)
    csn_window_merge_files (self, NULL, 0);
}

/**
 * csn_window_import_answers:
 * @files: (array length=n_files): workbooks the delegations sent back
 *
 * Reads @files in the background and opens what they change in the review page, grouped by country;
 * what could not be read is listed in a dialog and changes nothing. One review at a time: while
 * another review or read is under way, a toast says so and nothing is read.
 */
void
csn_window_import_answers (CsnWindow  *self,
                           GFile     **files,
                           guint       n_files)
{
  AnswersRead *read;

  g_return_if_fail (CSN_IS_WINDOW (self));
  g_return_if_fail (n_files == 0 || files != NULL);
  g_return_if_fail (self->draft != NULL);

  if (n_files == 0)
    return;
  if (self->reviewing || self->incoming_cancellable != NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Another review is under way: apply or cancel it, then import the answers")));
      return;
    }

  for (guint i = 0; i < n_files; i++)
    g_return_if_fail (G_IS_FILE (files[i]));

  _csn_window_commit_focused_edit (self);
  read = g_new0 (AnswersRead, 1);
  g_weak_ref_init (&read->window, self);
  read->draft = g_object_ref (self->draft);
  read->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (read->files, g_object_ref (files[i]));
  self->incoming_cancellable = g_cancellable_new ();
  read->cancellable = g_object_ref (self->incoming_cancellable);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "progress");
  _csn_window_update_incoming_actions (self);
  csn_answers_import_async ((GFile **) read->files->pdata, read->files->len, self->incoming_cancellable,
                            on_answers_read_cb, read);
}

static void
on_import_chooser_response_cb (CsnWindow            *self,
                               int                   response,
                               GtkFileChooserNative *chooser)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    list = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  for (guint i = 0; list != NULL && i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (files, g_list_model_get_item (list, i));
  if (files->len == 0)
    return;
  _csn_window_remember_folder (self, g_ptr_array_index (files, 0));
  csn_window_import_answers (self, (GFile **) files->pdata, files->len);
}

static void
import_answers_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CsnWindow *self = CSN_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Import Answers"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  /* The eleven delegations' workbooks are read together. */
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Workbooks (.xlsx)"));
  gtk_file_filter_add_mime_type (filter, XLSX_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  _csn_window_start_in_last_folder (self, GTK_FILE_CHOOSER (self->chooser));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_import_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The toast after the answers' review is applied: "Applied 37 answers from 3 delegations". */
char *
_csn_window_dup_answers_applied (CsnChangeSet *set,
                                 guint         n_applied)
{
  g_autoptr(GHashTable) countries = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_changes = set != NULL ? g_list_model_get_n_items (G_LIST_MODEL (set)) : 0;
  g_autofree char *applied = NULL;
  g_autofree char *from = NULL;
  guint n_countries;

  for (guint i = 0; i < n_changes; i++)
    {
      g_autoptr(CsnChange) change = g_list_model_get_item (G_LIST_MODEL (set), i);

      if (csn_change_get_accepted (change) && csn_change_get_applicable (change) &&
          csn_change_get_country (change) != NULL)
        g_hash_table_add (countries, (gpointer) csn_change_get_country (change));
    }
  n_countries = g_hash_table_size (countries);

  /* Translators: the first half of "Applied 37 answers from 3 delegations" */
  applied = g_strdup_printf (ngettext ("Applied %u answer", "Applied %u answers", n_applied), n_applied);
  /* Translators: the second half of "Applied 37 answers from 3 delegations" */
  from = g_strdup_printf (ngettext ("from %u delegation", "from %u delegations", n_countries), n_countries);
  /* Translators: "Applied 37 answers from 3 delegations": the two halves above */
  return g_strdup_printf (_("%s %s"), applied, from);
}

void
_csn_window_class_answers_init (CsnWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.export-delegations", NULL, export_delegations_action);
  gtk_widget_class_install_action (widget_class, "win.import-answers", NULL, import_answers_action);
}
