/* csn-window-incoming.c: incoming changes in the window — the review page, Merge Draft…, Compare
 * With…, drafts dropped on a window with work in it — and the name each save records. */
#define G_LOG_DOMAIN "csn-window-incoming"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-drop-draft-dialog.h"
#include "csn-merge.h"
#include "csn-problem.h"
#include "csn-validate.h"
#include "csn-window-private.h"

typedef struct
{
  CsnWindow *window;
  GFile     *file;
  gboolean   compare;   /* show the differences only, merge nothing */
  gboolean   chained;   /* follows a merge just applied, whose toast stays */
} IncomingRead;

static void
incoming_read_free (IncomingRead *read)
{
  g_object_unref (read->window);
  g_object_unref (read->file);
  g_free (read);
}

/* The name the draft's saves record as who saved them, as Preferences holds it. */
static void
apply_saved_by (CsnWindow *self)
{
  g_autofree char *saved_by = NULL;

  if (self->settings == NULL || self->draft == NULL)
    return;
  saved_by = g_settings_get_string (self->settings, "saved-by");
  csn_draft_set_saved_by (self->draft, g_strstrip (saved_by));
}

static void
on_saved_by_changed_cb (CsnWindow  *self,
                        const char *key,
                        GSettings  *settings)
{
  apply_saved_by (self);
}

/* One review (or one copy or set of answers being read) at a time; the pages stay where the review
 * left them. */
void
_csn_window_update_incoming_actions (CsnWindow *self)
{
  gboolean idle = !self->reviewing && self->incoming_cancellable == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.merge-draft", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-draft", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-answers", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", !self->reviewing);
  _csn_window_update_translation_actions (self);
}

/* What validation says of the draft, each problem once: its item, field and message. Item
 * pointers stay valid across the review, since the draft holds its items throughout. */
static GHashTable *
collect_problems (CsnDraft *draft)
{
  g_autoptr(GListModel) problems = csn_draft_validate (draft);
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_problems = g_list_model_get_n_items (problems);

  for (guint i = 0; i < n_problems; i++)
    {
      g_autoptr(CsnProblem) problem = g_list_model_get_item (problems, i);

      g_hash_table_add (keys, g_strdup_printf ("%p\x1f%s\x1f%s", csn_problem_get_item (problem),
                                               csn_problem_get_property_name (problem) != NULL
                                               ? csn_problem_get_property_name (problem) : "",
                                               csn_problem_get_message (problem)));
    }
  return keys;
}

static guint
count_new_problems (GHashTable *before,
                    CsnDraft   *draft)
{
  g_autoptr(GHashTable) after = collect_problems (draft);
  GHashTableIter iter;
  gpointer key;
  guint n_new = 0;

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (before == NULL || !g_hash_table_contains (before, key))
      n_new++;
  return n_new;
}

static void
begin_review (CsnWindow          *self,
              CsnChangeSet       *set,
              CsnReviewGroupings  groupings,
              CsnReviewGrouping   group_by,
              const char         *source,
              gboolean            read_only,
              gboolean            keep_toast)
{
  _csn_window_commit_focused_edit (self);

  self->reviewing = TRUE;
  g_free (self->review_return_page);
  self->review_return_page = g_strdup (gtk_stack_get_visible_child_name (self->stack));
  g_free (self->review_source);
  self->review_source = g_strdup (source);
  g_clear_pointer (&self->review_problems, g_hash_table_unref);
  if (!read_only)
    self->review_problems = collect_problems (self->draft);

  /* A problem shown earlier, or the last review's toast, concerns another file than this one. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.dismiss-error", NULL);
  if (self->review_toast != NULL && !keep_toast)
    adw_toast_dismiss (self->review_toast);

  _csn_window_ensure_page (self, "review");
  csn_review_page_set_read_only (self->review_page, read_only);
  csn_review_page_review (self->review_page, self->draft, set, groupings, group_by);

  /* The review page brings its own header bar and takes the whole width (it shows three versions
   * side by side); nothing else may change the draft meanwhile. */
  gtk_widget_set_visible (self->content_header, FALSE);
  gtk_widget_set_visible (self->sidebar_box, FALSE);
  adw_leaflet_set_can_navigate_back (self->leaflet, FALSE);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  _csn_window_update_incoming_actions (self);
  _csn_window_update_history (self);
  gtk_stack_set_visible_child_name (self->stack, "review");
  gtk_widget_child_focus (GTK_WIDGET (self->review_page), GTK_DIR_TAB_FORWARD);
  _csn_window_notify_reviewing (self);
}

static void
end_review (CsnWindow *self)
{
  const char *page = self->review_return_page != NULL ? self->review_return_page : "overview";

  if (!self->reviewing)
    return;
  self->reviewing = FALSE;
  self->review_answers = FALSE;
  self->review_translation = FALSE;
  gtk_widget_set_visible (self->content_header, TRUE);
  gtk_widget_set_visible (self->sidebar_box, TRUE);
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  gtk_stack_set_visible_child_name (self->stack, page);
  g_clear_pointer (&self->review_return_page, g_free);
  csn_review_page_set_change_set (self->review_page, NULL);
  csn_review_page_set_draft (self->review_page, NULL);
  _csn_window_update_incoming_actions (self);
  _csn_window_update_history (self);
  gtk_widget_child_focus (gtk_stack_get_visible_child (self->stack), GTK_DIR_TAB_FORWARD);
  _csn_window_notify_reviewing (self);
}

static void read_incoming (CsnWindow *self,
                           GFile     *file,
                           gboolean   compare,
                           gboolean   chained);

/* Three copies merge as two merges: the next one once this one is applied (@chained). */
static void
merge_next (CsnWindow *self,
            gboolean   chained)
{
  g_autoptr(GFile) file = NULL;

  if (self->merge_queue->len == 0 || self->reviewing || self->incoming_cancellable != NULL)
    return;
  file = g_ptr_array_steal_index (self->merge_queue, 0);
  read_incoming (self, file, FALSE, chained);
}

static void
on_review_applied_cb (CsnWindow     *self,
                      guint          n_applied,
                      CsnReviewPage *page)
{
  g_autoptr(GHashTable) problems_before = g_steal_pointer (&self->review_problems);
  g_autofree char *source = g_steal_pointer (&self->review_source);
  g_autofree char *merged = NULL;
  AdwToast *toast;
  guint n_new_problems;

  if (self->review_answers)
    merged = _csn_window_dup_answers_applied (csn_review_page_get_change_set (page), n_applied);
  else if (self->review_translation)
    merged = _csn_window_dup_translation_applied (n_applied, source);
  else
    /* Translators: the toast after a merge: "Merged 12 changes from st.consenso" */
    merged = g_strdup_printf (ngettext ("Merged %u change from %s", "Merged %u changes from %s", n_applied),
                              n_applied, source != NULL ? source : "");
  end_review (self);
  n_new_problems = count_new_problems (problems_before, self->draft);
  if (n_new_problems == 0)
    toast = adw_toast_new (merged);
  else
    {
      /* Translators: added to the toast after a merge that left the draft with problems, e.g. a
       * meeting that now ends before it starts: "Merged 12 changes from st.consenso — 1 problem to look at" */
      g_autofree char *problems = g_strdup_printf (ngettext ("%u problem to look at", "%u problems to look at",
                                                             n_new_problems),
                                                   n_new_problems);
      g_autofree char *title = g_strdup_printf ("%s — %s", merged, problems);

      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Show"));
      adw_toast_set_action_name (toast, "win.show-page");
      adw_toast_set_action_target_value (toast, g_variant_new_string ("overview"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }
  g_clear_weak_pointer (&self->review_toast);
  g_set_weak_pointer (&self->review_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  merge_next (self, TRUE);
}

static void
on_review_cancelled_cb (CsnWindow     *self,
                        CsnReviewPage *page)
{
  /* Leaving one review leaves the copies queued after it too. */
  g_ptr_array_set_size (self->merge_queue, 0);
  g_clear_pointer (&self->review_problems, g_hash_table_unref);
  g_clear_pointer (&self->review_source, g_free);
  end_review (self);
}

/**
 * csn_window_review:
 * @source: what the changes come from, as the toast after applying names it ("st.consenso")
 *
 * Shows @set for review on the window's review page, grouped by @group_by with the switch offering
 * @groupings; the rest of the window waits until the co-chairs apply or cancel. Applying is one
 * undoable step, followed by validation. One review at a time: see csn_window_get_reviewing().
 */
void
csn_window_review (CsnWindow          *self,
                   CsnChangeSet       *set,
                   CsnReviewGroupings  groupings,
                   CsnReviewGrouping   group_by,
                   const char         *source)
{
  g_return_if_fail (CSN_IS_WINDOW (self));
  g_return_if_fail (CSN_IS_CHANGE_SET (set));
  g_return_if_fail (groupings & (1 << group_by));
  g_return_if_fail (source != NULL);
  g_return_if_fail (self->draft != NULL);
  g_return_if_fail (!self->reviewing);

  begin_review (self, set, groupings, group_by, source, FALSE, FALSE);
}

/* Whether the review page is shown (a review or a comparison under way). */
gboolean
csn_window_get_reviewing (CsnWindow *self)
{
  g_return_val_if_fail (CSN_IS_WINDOW (self), FALSE);
  return self->reviewing;
}

static void
on_incoming_ready_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  IncomingRead *read = user_data;
  CsnWindow *self = read->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnChangeSet) set = csn_merge_drafts_finish (CSN_DRAFT (source), result, &error);
  g_autofree char *basename = g_file_get_basename (read->file);
  g_autofree char *name = g_filename_display_name (basename);

  /* Cancelled: the window closed or took another draft, and forgot this read already. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || CSN_DRAFT (source) != self->draft)
    {
      incoming_read_free (read);
      return;
    }

  g_clear_object (&self->incoming_cancellable);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  _csn_window_update_incoming_actions (self);

  if (set == NULL)
    {
      g_autofree char *title = read->compare
                               /* Translators: the title of the error bar: "Could not compare with “st.consenso”" */
                               ? g_strdup_printf (_("Could not compare with “%s”"), name)
                               : g_strdup_printf (_("Could not merge “%s”"), name);

      g_ptr_array_set_size (self->merge_queue, 0);
      csn_window_show_error (self, title, error->message);
    }
  else if (self->reviewing)
    /* Another review began meanwhile (answers, a translation): this copy waits its turn. */
    g_ptr_array_insert (self->merge_queue, 0, g_object_ref (read->file));
  else
    begin_review (self, set, CSN_REVIEW_GROUPINGS_PAGE | CSN_REVIEW_GROUPINGS_ITEM, CSN_REVIEW_GROUP_BY_PAGE,
                  name, read->compare, read->chained);
  incoming_read_free (read);
}

/* Reads @file in the background and shows its changes against the draft, to merge or to compare. */
static void
read_incoming (CsnWindow *self,
               GFile     *file,
               gboolean   compare,
               gboolean   chained)
{
  IncomingRead *read = g_new0 (IncomingRead, 1);

  _csn_window_commit_focused_edit (self);
  read->window = g_object_ref (self);
  read->file = g_object_ref (file);
  read->compare = compare;
  read->chained = chained;
  self->incoming_cancellable = g_cancellable_new ();
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "progress");
  _csn_window_update_incoming_actions (self);
  csn_merge_drafts_async (self->draft, file, NULL, self->incoming_cancellable, on_incoming_ready_cb, read);
}

/* Merges @files into the draft one after the other, each reviewed before it is applied; while
 * another review or read is under way, they wait their turn. */
void
csn_window_merge_files (CsnWindow  *self,
                        GFile     **files,
                        guint       n_files)
{
  g_return_if_fail (CSN_IS_WINDOW (self));
  g_return_if_fail (n_files == 0 || files != NULL);
  g_return_if_fail (self->draft != NULL);

  for (guint i = 0; i < n_files; i++)
    {
      g_return_if_fail (G_IS_FILE (files[i]));
      g_ptr_array_add (self->merge_queue, g_object_ref (files[i]));
    }
  merge_next (self, FALSE);
}

/* Shows how the copy in @file differs from the draft, read-only: nothing is merged. */
void
csn_window_compare_file (CsnWindow *self,
                         GFile     *file)
{
  g_return_if_fail (CSN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->draft != NULL);

  if (self->reviewing || self->incoming_cancellable != NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  read_incoming (self, file, TRUE, FALSE);
}

static void
on_incoming_chooser_response_cb (CsnWindow            *self,
                                 int                   response,
                                 GtkFileChooserNative *chooser)
{
  gboolean compare = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "csn-compare"));
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
  if (compare)
    csn_window_compare_file (self, g_ptr_array_index (files, 0));
  else
    csn_window_merge_files (self, (GFile **) files->pdata, files->len);
}

static void
choose_incoming (CsnWindow *self,
                 gboolean   compare)
{
  g_autoptr(GtkFileFilter) filter = _csn_window_create_draft_filter ();

  if (self->chooser != NULL)
    return;

  if (compare)
    self->chooser = gtk_file_chooser_native_new (_("Compare With Draft"), GTK_WINDOW (self),
                                                 GTK_FILE_CHOOSER_ACTION_OPEN,
                                                 _("_Compare"), _("_Cancel"));
  else
    self->chooser = gtk_file_chooser_native_new (_("Merge Draft"), GTK_WINDOW (self),
                                                 GTK_FILE_CHOOSER_ACTION_OPEN,
                                                 _("_Merge"), _("_Cancel"));
  g_object_set_data (G_OBJECT (self->chooser), "csn-compare", GINT_TO_POINTER (compare));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  /* Several copies merge one after the other. */
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), !compare);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  _csn_window_start_in_last_folder (self, GTK_FILE_CHOOSER (self->chooser));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_incoming_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
merge_draft_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_incoming (CSN_WINDOW (widget), FALSE);
}

static void
compare_draft_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  choose_incoming (CSN_WINDOW (widget), TRUE);
}

static gboolean
is_draft_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = basename != NULL ? g_filename_display_name (basename) : NULL;
  g_autofree char *folded = name != NULL ? g_utf8_casefold (name, -1) : NULL;

  return folded != NULL && g_str_has_suffix (folded, ".consenso");
}

static gboolean
is_workbook_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = basename != NULL ? g_filename_display_name (basename) : NULL;
  g_autofree char *folded = name != NULL ? g_utf8_casefold (name, -1) : NULL;

  return folded != NULL && g_str_has_suffix (folded, ".xlsx");
}

static void
on_drop_response_cb (CsnWindow          *self,
                     const char         *response,
                     CsnDropDraftDialog *dialog)
{
  GPtrArray *files = csn_drop_draft_dialog_get_files (dialog);
  GPtrArray *workbooks = csn_drop_draft_dialog_get_workbooks (dialog);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (g_strcmp0 (response, "open") == 0)
    for (guint i = 0; i < files->len; i++)
      csn_application_open_file (CSN_APPLICATION (application), g_ptr_array_index (files, i), GTK_WINDOW (self));
  /* The answers are reviewed first, then the drafts merged: they answer the draft as exported. */
  if (workbooks != NULL && (g_strcmp0 (response, "merge") == 0 || g_strcmp0 (response, "open") == 0))
    csn_window_import_answers (self, (GFile **) workbooks->pdata, workbooks->len);
  if (g_strcmp0 (response, "merge") == 0)
    csn_window_merge_files (self, (GFile **) files->pdata, files->len);
}

/* Files dropped on the window: into an untouched new draft drafts open as before; drafts dropped on
 * one with work in it may be merged into it, and the co-chairs are asked which they mean. Workbooks
 * (.xlsx) are the delegations' answers, read into the review page. */
void
_csn_window_drop_files (CsnWindow *self,
                        GSList    *files)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) workbooks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) translations = g_ptr_array_new_with_free_func (g_object_unref);
  GFile *own_file = self->draft != NULL ? csn_draft_get_file (self->draft) : NULL;
  gboolean pristine = csn_window_is_pristine (self);

  for (GSList *l = files; l != NULL; l = l->next)
    {
      if (is_workbook_file (l->data))
        g_ptr_array_add (workbooks, g_object_ref (l->data));
      else if (_csn_window_is_translation_file (l->data))
        g_ptr_array_add (translations, g_object_ref (l->data));
      else if (!pristine && is_draft_file (l->data) && (own_file == NULL || !g_file_equal (own_file, l->data)))
        g_ptr_array_add (drafts, g_object_ref (l->data));
      else
        csn_application_open_file (CSN_APPLICATION (application), l->data, GTK_WINDOW (self));
    }

  if (drafts->len > 0)
    {
      g_autofree char *name = csn_draft_dup_display_name (self->draft);
      GtkWidget *dialog = csn_drop_draft_dialog_new (GTK_WINDOW (self), drafts, name);

      if (workbooks->len > 0)
        csn_drop_draft_dialog_set_workbooks (CSN_DROP_DRAFT_DIALOG (dialog), workbooks);
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_drop_response_cb), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else if (workbooks->len > 0 && self->draft != NULL)
    /* Into the draft a dropped one may just have replaced in this window. */
    csn_window_import_answers (self, (GFile **) workbooks->pdata, workbooks->len);

  /* A translation is reviewed alone: with drafts or answers, or with another translation, it
   * would wait behind their review. */
  if (translations->len == 1 && drafts->len == 0 && workbooks->len == 0 && self->draft != NULL)
    csn_window_import_translation (self, g_ptr_array_index (translations, 0));
  else if (translations->len > 0)
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("Drop a translation (.xlf) on its own to import it")));
}

/* The window took another draft (or none): what concerned the previous one ends. */
void
_csn_window_incoming_draft_set (CsnWindow *self)
{
  g_cancellable_cancel (self->incoming_cancellable);
  g_clear_object (&self->incoming_cancellable);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  g_ptr_array_set_size (self->merge_queue, 0);
  g_clear_pointer (&self->review_problems, g_hash_table_unref);
  g_clear_pointer (&self->review_source, g_free);
  end_review (self);
  _csn_window_update_incoming_actions (self);
  apply_saved_by (self);
}

void
_csn_window_review_page_made (CsnWindow *self)
{
  g_signal_connect_object (self->review_page, "applied", G_CALLBACK (on_review_applied_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->review_page, "cancelled", G_CALLBACK (on_review_cancelled_cb),
                           self, G_CONNECT_SWAPPED);
}

void
_csn_window_incoming_dispose (CsnWindow *self)
{
  g_clear_weak_pointer (&self->review_toast);
  g_cancellable_cancel (self->incoming_cancellable);
  g_clear_object (&self->incoming_cancellable);
  g_clear_pointer (&self->merge_queue, g_ptr_array_unref);
  g_clear_pointer (&self->review_problems, g_hash_table_unref);
  g_clear_pointer (&self->review_source, g_free);
  g_clear_pointer (&self->review_return_page, g_free);
}

void
_csn_window_class_incoming_init (CsnWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child (widget_class, CsnWindow, content_header);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, sidebar_box);

  gtk_widget_class_install_action (widget_class, "win.merge-draft", NULL, merge_draft_action);
  gtk_widget_class_install_action (widget_class, "win.compare-draft", NULL, compare_draft_action);
}

/* Once the template is built, before the window takes its draft. */
void
_csn_window_incoming_init (CsnWindow *self)
{
  self->merge_queue = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::saved-by", G_CALLBACK (on_saved_by_changed_cb),
                             self, G_CONNECT_SWAPPED);
  _csn_window_update_incoming_actions (self);
}
