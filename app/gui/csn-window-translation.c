/* csn-window-translation.c: the window's texts in both working languages: translation mode (the page
 * chosen in the agenda, its texts beside their translations), Export for Translation… (XLIFF for the
 * translators' tools) and Import Translation… (what comes back, reviewed before it is applied). */
#define G_LOG_DOMAIN "csn-window-translation"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-change-set.h"
#include "csn-problem.h"
#include "csn-xliff.h"
#include "csn-window-private.h"

#define XLIFF_MIME_TYPE "application/x-xliff+xml"
#define PULSE_INTERVAL_MS 100
/* The error bar lists this many units the import could not place, then says how many more. */
#define MAX_REPORTS_SHOWN 8

/* Translation mode */

gboolean
csn_window_get_translation_mode (CsnWindow *self)
{
  g_return_val_if_fail (CSN_IS_WINDOW (self), FALSE);
  return self->translation_mode;
}

static const char *
get_agenda_page (CsnWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar);

  return row != NULL ? gtk_widget_get_name (GTK_WIDGET (row)) : "overview";
}

/**
 * csn_window_set_translation_mode:
 *
 * Shows, instead of the page chosen in the agenda, its texts beside their translations into the
 * other working language; choosing another page in the agenda shows its texts. Off, the page
 * itself comes back. Not while a review is under way.
 */
void
csn_window_set_translation_mode (CsnWindow *self,
                                 gboolean   translation_mode)
{
  g_return_if_fail (CSN_IS_WINDOW (self));

  translation_mode = !!translation_mode;
  /* The review page stays until the co-chairs apply or leave it. */
  if (self->translation_mode == translation_mode || self->reviewing)
    return;

  _csn_window_commit_focused_edit (self);
  self->translation_mode = translation_mode;
  if (translation_mode)
    {
      _csn_window_ensure_page (self, "translation");
      csn_translation_view_set_page (self->translation_view, get_agenda_page (self));
      gtk_stack_set_visible_child_name (self->stack, "translation");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, get_agenda_page (self));
  _csn_window_update_translation_actions (self);
  _csn_window_notify_translation_mode (self);
}

void
_csn_window_translation_set_page (CsnWindow  *self,
                                  const char *page)
{
  _csn_window_ensure_page (self, "translation");
  csn_translation_view_set_page (self->translation_view, page);
}

/* The agenda follows the view when "Next Untranslated" goes on to another page. */
static void
on_view_page_cb (CsnWindow          *self,
                 GParamSpec         *pspec,
                 CsnTranslationView *view)
{
  const char *page = csn_translation_view_get_page (view);

  if (!self->translation_mode || page == NULL || g_strcmp0 (get_agenda_page (self), page) == 0)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && g_strcmp0 (gtk_widget_get_name (child), page) == 0)
      {
        gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (child));
        break;
      }
}

static void
on_view_can_accept_cb (CsnWindow          *self,
                       GParamSpec         *pspec,
                       CsnTranslationView *view)
{
  _csn_window_update_translation_actions (self);
}

/* Shows @item's text of @property (any of its texts without one) in translation mode; an edit that
 * is no text (a horizon undone) leaves translation mode for its page. */
gboolean
_csn_window_translation_reveal (CsnWindow  *self,
                                CsnItem    *item,
                                const char *property)
{
  const CsnField *field = NULL;
  const char *page;

  if (property != NULL)
    {
      field = csn_item_class_field_for_property (CSN_ITEM_GET_CLASS (item), property);
      if (field != NULL && !(field->flags & CSN_FIELD_FLAG_TRANSLATABLE))
        field = NULL;
    }
  /* An item's texts are all on one page: most often the one shown, whose list is at hand. */
  if (field != NULL && self->translation_mode && csn_translation_view_get_page (self->translation_view) != NULL &&
      csn_translation_view_select (self->translation_view, item, field))
    {
      csn_window_show_page (self, csn_translation_view_get_page (self->translation_view));
      return TRUE;
    }
  if (property == NULL || field != NULL)
    {
      g_autoptr(GPtrArray) texts = csn_draft_list_texts (self->draft);

      for (guint i = 0; i < texts->len; i++)
        {
          CsnText *text = g_ptr_array_index (texts, i);

          if (text->item != item || (field != NULL && text->field != field))
            continue;
          page = text->page;
          csn_window_show_page (self, page);
          if (csn_translation_view_select (self->translation_view, item, text->field))
            return TRUE;
          break;
        }
    }
  csn_window_set_translation_mode (self, FALSE);
  return FALSE;
}

/**
 * csn_window_translate_page:
 * @page: a page of the agenda: "theme-matrix"…
 * @filter: CSN_TRANSLATION_FILTER_ALL, _UNTRANSLATED or _OUTDATED
 *
 * Opens translation mode on @page, showing the texts @filter keeps.
 */
void
csn_window_translate_page (CsnWindow  *self,
                           const char *page,
                           const char *filter)
{
  g_return_if_fail (CSN_IS_WINDOW (self));
  g_return_if_fail (page != NULL && filter != NULL);

  if (self->reviewing)
    return;
  csn_window_set_translation_mode (self, TRUE);
  csn_window_show_page (self, page);
  csn_translation_view_set_filter (self->translation_view, filter);
  csn_translation_view_focus_editor (self->translation_view);
}

static void
translate_page_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  const char *page;
  const char *filter;

  g_variant_get (parameter, "(&s&s)", &page, &filter);
  csn_window_translate_page (CSN_WINDOW (widget), page, filter);
}

static void
next_untranslated_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CsnWindow *self = CSN_WINDOW (widget);

  csn_window_set_translation_mode (self, TRUE);
  if (!self->translation_mode)
    return;
  if (csn_translation_view_next_untranslated (self->translation_view))
    csn_translation_view_focus_editor (self->translation_view);
  else
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("Every text has an up-to-date translation")));
}

static void
accept_translation_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CsnWindow *self = CSN_WINDOW (widget);

  if (self->translation_mode)
    csn_translation_view_accept (self->translation_view);
}

/* Translation mode waits while a review is under way; accepting needs an outdated text selected. */
void
_csn_window_update_translation_actions (CsnWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.translation-mode", !self->reviewing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-untranslated", !self->reviewing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.translate-page", !self->reviewing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.accept-translation",
                                 !self->reviewing && self->translation_mode && self->translation_view != NULL &&
                                 csn_translation_view_get_can_accept (self->translation_view));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-translation",
                                 !self->reviewing && self->incoming_cancellable == NULL);
}

/* Export for Translation… */

typedef struct
{
  GWeakRef      window;
  char         *path;
  GCancellable *cancellable;
} TranslationExport;

static void
translation_export_free (TranslationExport *job)
{
  g_weak_ref_clear (&job->window);
  g_free (job->path);
  g_clear_object (&job->cancellable);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TranslationExport, translation_export_free)

/* The writer says nothing of how far it got: the bar shows that it is at work. */
static gboolean
on_export_pulse_cb (gpointer user_data)
{
  CsnWindow *self = user_data;

  gtk_progress_bar_pulse (self->export_progress);
  return G_SOURCE_CONTINUE;
}

static void
on_translation_exported_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(TranslationExport) job = user_data;
  g_autoptr(CsnWindow) self = g_weak_ref_get (&job->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_filename_display_basename (job->path);
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  g_autofree char *folder_uri = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;

  csn_xliff_export_finish (result, &error);
  /* The window closed meanwhile: it cancelled the export and forgot it. */
  if (self == NULL || self->export_cancellable != job->cancellable)
    return;
  g_clear_handle_id (&self->export_pulse_source, g_source_remove);
  title = g_strdup_printf (_("Could not export “%s”"), basename);
  if (!_csn_window_end_export (self, error, title))
    return;

  file = g_file_new_for_path (job->path);
  _csn_window_remember_folder (self, file);
  folder = g_file_get_parent (file);
  folder_uri = g_file_get_uri (folder);
  /* Translators: the toast after Export for Translation */
  message = g_strdup_printf (_("Exported “%s” for translation"), basename);
  _csn_window_toast_export (self, message, _("_Open Folder"), folder_uri);
}

/**
 * csn_window_export_translation:
 * @path: an .xlf file
 *
 * Writes the draft's texts and their translations as XLIFF 1.2 in the background, with the
 * window's progress bar and Cancel, and a toast at the end. A failed or cancelled export leaves
 * @path as it was.
 */
void
csn_window_export_translation (CsnWindow  *self,
                               const char *path)
{
  g_autofree char *basename = NULL;
  g_autofree char *text = NULL;
  TranslationExport *job;

  g_return_if_fail (CSN_IS_WINDOW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->draft != NULL);

  _csn_window_commit_focused_edit (self);
  basename = g_filename_display_basename (path);
  /* Translators: shown beside the progress bar while Export for Translation writes */
  text = g_strdup_printf (_("Exporting “%s” for translation…"), basename);
  _csn_window_begin_export (self, text);
  self->export_pulse_source = g_timeout_add (PULSE_INTERVAL_MS, on_export_pulse_cb, self);
  job = g_new0 (TranslationExport, 1);
  g_weak_ref_init (&job->window, self);
  job->path = g_strdup (path);
  job->cancellable = g_object_ref (self->export_cancellable);
  csn_xliff_export_async (self->draft, path, self->export_cancellable, on_translation_exported_cb, job);
}

static GtkFileFilter *
create_xliff_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("XLIFF Translation Files (.xlf)"));
  gtk_file_filter_add_mime_type (filter, XLIFF_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "xlf");
  gtk_file_filter_add_suffix (filter, "xliff");
  return filter;
}

static void
on_export_chooser_response_cb (CsnWindow            *self,
                               int                   response,
                               GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || g_file_peek_path (file) == NULL)
    return;

  /* A name typed without the extension gets it. */
  if (_csn_window_is_translation_file (file))
    path = g_strdup (g_file_peek_path (file));
  else
    path = g_strconcat (g_file_peek_path (file), ".xlf", NULL);
  _csn_window_remember_folder (self, file);
  csn_window_export_translation (self, path);
}

static void
export_translation_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CsnWindow *self = CSN_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *name = NULL;

  if (self->chooser != NULL || self->draft == NULL)
    return;
  _csn_window_commit_focused_edit (self);

  self->chooser = gtk_file_chooser_native_new (_("Export for Translation"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  filter = create_xliff_filter ();
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  _csn_window_start_in_last_folder (self, GTK_FILE_CHOOSER (self->chooser));

  /* "plan.consenso" is offered as "plan.xlf". */
  display_name = csn_draft_dup_display_name (self->draft);
  if (g_str_has_suffix (display_name, ".consenso"))
    display_name[strlen (display_name) - strlen (".consenso")] = '\0';
  name = g_strconcat (display_name, ".xlf", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_export_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Import Translation… */

/* The window is held weakly: closing it disposes it, which cancels the read. */
typedef struct
{
  GWeakRef      window;
  CsnDraft     *draft;
  GFile        *file;
  GCancellable *cancellable;
} TranslationRead;

static void
translation_read_free (TranslationRead *read)
{
  g_weak_ref_clear (&read->window);
  g_clear_object (&read->draft);
  g_clear_object (&read->file);
  g_clear_object (&read->cancellable);
  g_free (read);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TranslationRead, translation_read_free)

/* The units that match no text of the draft, in the error bar, each with its line and id. */
static void
show_reports (CsnWindow  *self,
              GListModel *reports,
              const char *name)
{
  guint n_reports = g_list_model_get_n_items (reports);
  g_autoptr(GString) message = g_string_new (NULL);
  g_autofree char *title = NULL;

  for (guint i = 0; i < n_reports && i < MAX_REPORTS_SHOWN; i++)
    {
      g_autoptr(CsnProblem) problem = g_list_model_get_item (reports, i);

      if (message->len > 0)
        g_string_append_c (message, '\n');
      /* Translators: a unit the translation import could not apply: "line 12, unit “…”: what is wrong" */
      g_string_append_printf (message, _("%s: %s"), csn_problem_get_place (problem), csn_problem_get_message (problem));
    }
  if (n_reports > MAX_REPORTS_SHOWN)
    {
      g_string_append_c (message, '\n');
      /* Translators: after the first units listed in the error bar: "And 12 more" */
      g_string_append_printf (message, ngettext ("And %u more", "And %u more", n_reports - MAX_REPORTS_SHOWN),
                              n_reports - MAX_REPORTS_SHOWN);
    }
  /* Translators: the title of the error bar after Import Translation: "3 units of “plan.xlf” were not applied" */
  title = g_strdup_printf (ngettext ("%u unit of “%s” was not applied", "%u units of “%s” were not applied", n_reports),
                           n_reports, name);
  csn_window_show_error (self, title, message->str);
}

static void
on_translation_read_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(TranslationRead) read = user_data;
  g_autoptr(CsnWindow) self = g_weak_ref_get (&read->window);
  g_autoptr(GListModel) reports = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CsnChangeSet) set = csn_xliff_import_finish (read->draft, result, &reports, &error);
  g_autofree char *basename = g_file_get_basename (read->file);
  g_autofree char *name = g_filename_display_name (basename);
  guint n_changes;

  /* Cancelled: the window closed or took another draft, and forgot this read already. */
  if (self == NULL || read->cancellable != self->incoming_cancellable || read->draft != self->draft)
    return;

  g_clear_object (&self->incoming_cancellable);
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  _csn_window_update_incoming_actions (self);

  if (set == NULL)
    {
      /* Translators: the title of the error bar: "Could not import “plan.xlf”" */
      g_autofree char *title = g_strdup_printf (_("Could not import “%s”"), name);

      csn_window_show_error (self, title, error->message);
      return;
    }

  n_changes = g_list_model_get_n_items (G_LIST_MODEL (set));
  if (n_changes > 0 && self->reviewing)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Another review is under way: apply or cancel it, then import the translation")));
      return;
    }
  if (n_changes > 0)
    {
      csn_window_review (self, set, CSN_REVIEW_GROUPINGS_PAGE | CSN_REVIEW_GROUPINGS_ITEM, CSN_REVIEW_GROUP_BY_PAGE, name);
      self->review_translation = TRUE;
    }
  if (reports != NULL && g_list_model_get_n_items (reports) > 0)
    show_reports (self, reports, name);
  else if (n_changes == 0)
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 /* Translators: a toast after Import Translation */
                                 adw_toast_new_format (_("Nothing in “%s” changes the draft"), name));
}

/**
 * csn_window_import_translation:
 * @file: an XLIFF file exported from this draft and translated
 *
 * Reads @file in the background and opens the translations it brings in the review page, grouped
 * by page; applying them is one undoable step. Units whose source changed since the export are
 * shown but cannot be applied; units that match no text are listed in the error bar. A file that
 * cannot be read changes nothing and its error names the file and the line.
 */
void
csn_window_import_translation (CsnWindow *self,
                               GFile     *file)
{
  TranslationRead *read;

  g_return_if_fail (CSN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->draft != NULL);

  if (self->reviewing || self->incoming_cancellable != NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Another review is under way: apply or cancel it, then import the translation")));
      return;
    }

  _csn_window_commit_focused_edit (self);
  read = g_new0 (TranslationRead, 1);
  g_weak_ref_init (&read->window, self);
  read->draft = g_object_ref (self->draft);
  read->file = g_object_ref (file);
  self->incoming_cancellable = g_cancellable_new ();
  read->cancellable = g_object_ref (self->incoming_cancellable);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "progress");
  _csn_window_update_incoming_actions (self);
  csn_xliff_import_async (self->draft, file, self->incoming_cancellable, on_translation_read_cb, read);
}

static void
on_import_chooser_response_cb (CsnWindow            *self,
                               int                   response,
                               GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  _csn_window_remember_folder (self, file);
  csn_window_import_translation (self, file);
}

static void
import_translation_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CsnWindow *self = CSN_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = NULL;

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Import Translation"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  filter = create_xliff_filter ();
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  _csn_window_start_in_last_folder (self, GTK_FILE_CHOOSER (self->chooser));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_import_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* A translators' file, by its name: .xlf or .xliff. */
gboolean
_csn_window_is_translation_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folded = name != NULL ? g_utf8_casefold (name, -1) : NULL;

  return folded != NULL && (g_str_has_suffix (folded, ".xlf") || g_str_has_suffix (folded, ".xliff"));
}

/* The toast after a translation's review is applied: "Applied 12 translations from plan.xlf". */
char *
_csn_window_dup_translation_applied (guint       n_applied,
                                     const char *source)
{
  return g_strdup_printf (ngettext ("Applied %u translation from %s", "Applied %u translations from %s", n_applied),
                          n_applied, source != NULL ? source : "");
}

void
_csn_window_class_translation_init (CsnWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_property_action (widget_class, "win.translation-mode", "translation-mode");
  gtk_widget_class_install_action (widget_class, "win.translate-page", "(ss)", translate_page_action);
  gtk_widget_class_install_action (widget_class, "win.next-untranslated", NULL, next_untranslated_action);
  gtk_widget_class_install_action (widget_class, "win.accept-translation", NULL, accept_translation_action);
  gtk_widget_class_install_action (widget_class, "win.export-translation", NULL, export_translation_action);
  gtk_widget_class_install_action (widget_class, "win.import-translation", NULL, import_translation_action);
}

void
_csn_window_translation_init (CsnWindow *self)
{
  _csn_window_update_translation_actions (self);
}

void
_csn_window_translation_view_made (CsnWindow *self)
{
  g_signal_connect_object (self->translation_view, "notify::page", G_CALLBACK (on_view_page_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->translation_view, "notify::can-accept", G_CALLBACK (on_view_can_accept_cb),
                           self, G_CONNECT_SWAPPED);
}

void
_csn_window_translation_dispose (CsnWindow *self)
{
  g_clear_handle_id (&self->export_pulse_source, g_source_remove);
}
