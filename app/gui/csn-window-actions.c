/* csn-window-actions.c: the window's file, export, undo and find actions, and its Open Recent menu. */
#define G_LOG_DOMAIN "csn-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-describe.h"
#include "csn-enums.h"
#include "csn-error-text.h"
#include "csn-export.h"
#include "csn-file-changed-dialog.h"
#include "csn-history.h"
#include "csn-meeting.h"
#include "csn-position.h"
#include "csn-read-only-dialog.h"
#include "csn-reservation.h"
#include "csn-settings.h"
#include "csn-theme.h"
#include "csn-tooltip-util.h"
#include "csn-window-private.h"

#define DRAFT_MIME_TYPE "application/x-consenso"

void
_csn_window_remember_folder (CsnWindow *self,
                             GFile     *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *uri = NULL;

  if (self->settings == NULL || parent == NULL)
    return;
  uri = g_file_get_uri (parent);
  g_settings_set_string (self->settings, "last-folder", uri);
}

/* A file name as the user reads it, whatever bytes name it. */
static char *
dup_display_basename (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}

static gboolean
is_folder (GFile *folder)
{
  return g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY;
}

/* The folder file dialogs open in: the one last used, else Documents (else home), never the folder
 * Consenso happened to start from. */
GFile *
_csn_window_dup_last_folder (CsnWindow *self)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *uri = NULL;
  g_autoptr(GFile) folder = NULL;

  if (self->settings != NULL)
    uri = g_settings_get_string (self->settings, "last-folder");
  if (uri != NULL && *uri != '\0')
    folder = g_file_new_for_uri (uri);
  if (folder == NULL || !is_folder (folder))
    {
      g_clear_object (&folder);
      folder = g_file_new_for_path (documents != NULL ? documents : g_get_home_dir ());
    }
  if (!is_folder (folder))
    {
      g_clear_object (&folder);
      folder = g_file_new_for_path (g_get_home_dir ());
    }
  return g_steal_pointer (&folder);
}

void
_csn_window_start_in_last_folder (CsnWindow      *self,
                                  GtkFileChooser *chooser)
{
  g_autoptr(GFile) folder = _csn_window_dup_last_folder (self);

  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

static gboolean
menu_is_open (GtkMenuButton *button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  return popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover));
}

/* Makes the undo section say the texts _csn_window_update_history() kept for it. A GMenu item cannot
 * change its label: the section is made again, and each menu that shows it makes its rows again,
 * 1.4 M instructions at every step taken, undone or redone. So only when a menu with it opens, or
 * is open. */
static void
fill_undo_section (CsnWindow *self)
{
  g_autoptr(GMenuItem) undo_item = NULL;
  g_autoptr(GMenuItem) redo_item = NULL;

  if (!self->undo_section_stale)
    return;
  self->undo_section_stale = FALSE;
  g_menu_remove_all (self->undo_section);
  undo_item = g_menu_item_new (self->undo_section_texts[0], "win.undo");
  redo_item = g_menu_item_new (self->undo_section_texts[1], "win.redo");
  g_menu_append_item (self->undo_section, undo_item);
  g_menu_append_item (self->undo_section, redo_item);
}

/* The main menu opens: its undo section says the steps to undo and to redo. */
static void
create_primary_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  fill_undo_section (CSN_WINDOW (user_data));
}

/* The folded window's menu button, hidden until the window is narrow, gets the main menu (some
 * fifty widgets) when it is first opened. */
static void
create_sidebar_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  CsnWindow *self = user_data;

  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
  fill_undo_section (self);
}

/* Undo and Redo: enabled as the history allows, labelled with the step they would take. */
void
_csn_window_update_history (CsnWindow *self)
{
  CsnHistory *history;
  const char *undo_label, *redo_label;
  g_autofree char *undo_text = NULL;
  g_autofree char *redo_text = NULL;

  if (self->draft == NULL)
    return;

  history = csn_draft_get_history (self->draft);
  undo_label = csn_history_get_undo_label (history);
  redo_label = csn_history_get_redo_label (history);

  /* Under review, the draft waits for Apply: no step is taken back or forth meanwhile. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", !self->reviewing && csn_history_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", !self->reviewing && csn_history_can_redo (history));

  /* Translators: "Undo “Change horizon of “Labour migration””" */
  undo_text = undo_label != NULL ? g_strdup_printf (_("Undo “%s”"), undo_label) : g_strdup (_("Undo"));
  /* Translators: "Redo “Change horizon of “Labour migration””" */
  redo_text = redo_label != NULL ? g_strdup_printf (_("Redo “%s”"), redo_label) : g_strdup (_("Redo"));
  csn_widget_set_tooltip_lazily (self->undo_button, undo_text);
  csn_widget_set_tooltip_lazily (self->redo_button, redo_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->undo_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, undo_text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->redo_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, redo_text, -1);

  /* Not when only the actions' state changed (a step notifies several times). */
  if (g_strcmp0 (undo_text, self->undo_section_texts[0]) == 0 &&
      g_strcmp0 (redo_text, self->undo_section_texts[1]) == 0)
    return;
  g_free (self->undo_section_texts[0]);
  g_free (self->undo_section_texts[1]);
  self->undo_section_texts[0] = g_steal_pointer (&undo_text);
  self->undo_section_texts[1] = g_steal_pointer (&redo_text);
  self->undo_section_stale = TRUE;
  if (menu_is_open (self->primary_menu_button) || menu_is_open (self->sidebar_menu_button))
    fill_undo_section (self);
}

static gboolean
is_draft_uri (GtkRecentInfo *info)
{
  const char *mime_type = gtk_recent_info_get_mime_type (info);

  return g_strcmp0 (mime_type, DRAFT_MIME_TYPE) == 0
         || g_str_has_suffix (gtk_recent_info_get_uri (info), ".consenso");
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo * const *) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo * const *) b;

  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

static void
append_recent_item (CsnWindow  *self,
                    const char *label,
                    const char *uri)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (uri));
  g_menu_append_item (self->recent_menu, item);
}

/* Open Recent lists the recent-files setting; without settings, the desktop's recent drafts. */
static void
update_recent_menu (CsnWindow *self)
{
  guint n_shown = 0;

  g_menu_remove_all (self->recent_menu);

  if (self->settings != NULL)
    {
      g_auto(GStrv) uris = g_settings_get_strv (self->settings, "recent-files");

      for (guint i = 0; uris[i] != NULL && n_shown < CSN_MAX_RECENT_FILES; i++)
        {
          g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);
          g_autofree char *name = dup_display_basename (file);

          if (!g_file_query_exists (file, NULL))
            continue;
          append_recent_item (self, name, uris[i]);
          n_shown++;
        }
    }
  else
    {
      g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
      GList *items = gtk_recent_manager_get_items (self->recent_manager);

      for (GList *l = items; l != NULL; l = l->next)
        {
          GtkRecentInfo *info = l->data;

          if (is_draft_uri (info) && gtk_recent_info_exists (info))
            g_ptr_array_add (drafts, gtk_recent_info_ref (info));
        }
      g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
      g_ptr_array_sort (drafts, compare_recent);

      for (; n_shown < drafts->len && n_shown < CSN_MAX_RECENT_FILES; n_shown++)
        {
          GtkRecentInfo *info = g_ptr_array_index (drafts, n_shown);

          append_recent_item (self, gtk_recent_info_get_display_name (info), gtk_recent_info_get_uri (info));
        }
    }

  if (n_shown == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Drafts"), "win.no-recent");

      g_menu_append_item (self->recent_menu, item);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.no-recent", FALSE);
    }
}

static void
on_recent_files_changed_cb (CsnWindow  *self,
                            const char *key,
                            GSettings  *settings)
{
  update_recent_menu (self);
}

static void
on_recent_manager_changed_cb (CsnWindow        *self,
                              GtkRecentManager *manager)
{
  update_recent_menu (self);
}

/* One save the window asked for. The window is held weakly: one destroyed meanwhile cancelled the
 * save in its dispose, and has nothing left to say about it. */
typedef struct
{
  GWeakRef  window;
  GFile    *file;
} SaveCall;

static SaveCall *
save_call_new (CsnWindow *self,
               GFile     *file)
{
  SaveCall *call = g_new0 (SaveCall, 1);

  g_weak_ref_init (&call->window, self);
  call->file = g_object_ref (file);
  return call;
}

static void
save_call_free (SaveCall *call)
{
  g_weak_ref_clear (&call->window);
  g_clear_object (&call->file);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveCall, save_call_free)

static void start_save (CsnWindow         *self,
                        GFile             *file,
                        CsnDraftSaveFlags  flags);
static void save_as    (CsnWindow         *self);

/* Replaces the window's draft with what @file holds now; the unsaved changes, which the dialog said
 * would be lost, go with their recovery copy. */
static void
reload (CsnWindow *self,
        GFile     *file)
{
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  gboolean close_after_save = self->close_after_save;

  self->close_after_save = FALSE;
  draft = csn_draft_load_from_file (file, &error);
  if (draft == NULL)
    {
      g_autofree char *name = dup_display_basename (file);
      /* Translators: "Could not reload “plan.consenso”" */
      g_autofree char *title = g_strdup_printf (_("Could not reload “%s”"), name);
      g_autofree char *message = csn_error_text_describe_places (error->message);

      csn_window_show_error (self, title, message);
      return;
    }

  csn_recovery_discard (self->recovery);
  csn_window_set_draft (self, draft);
  if (close_after_save)
    _csn_window_destroy_later (self);
  else
    {
      g_autofree char *name = dup_display_basename (file);

      /* Translators: a toast once the draft was read again from its file */
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new_format (_("Reloaded “%s”"), name));
    }
}

static void
on_file_changed_chosen_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(SaveCall) call = user_data;
  g_autoptr(CsnWindow) self = g_weak_ref_get (&call->window);
  g_autoptr(GError) error = NULL;
  CsnFileChangedResponse response = csn_file_changed_dialog_choose_finish (result, &error);

  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  switch (response)
    {
    case CSN_FILE_CHANGED_RESPONSE_SAVE_AS:
      save_as (self);
      break;
    case CSN_FILE_CHANGED_RESPONSE_OVERWRITE:
      start_save (self, call->file, CSN_DRAFT_SAVE_OVERWRITE);
      break;
    case CSN_FILE_CHANGED_RESPONSE_RELOAD:
      reload (self, call->file);
      break;
    case CSN_FILE_CHANGED_RESPONSE_CANCEL:
    default:
      self->close_after_save = FALSE;
      break;
    }
}

static void
on_read_only_response_cb (CsnWindow  *self,
                          const char *response,
                          GtkWidget  *dialog)
{
  if (g_strcmp0 (response, "save-as") == 0)
    save_as (self);
  else
    self->close_after_save = FALSE;
}

static void
on_save_cancelled_cb (GCancellable *cancellable,
                      GtkWindow    *dialog)
{
  gtk_window_destroy (dialog);
}

/* Asks how to go on when the draft's file is read-only: Save As keeps the changes elsewhere. */
static void
offer_save_as (CsnWindow *self,
               GFile     *file)
{
  g_autofree char *name = dup_display_basename (file);
  GtkWidget *dialog = csn_read_only_dialog_new (GTK_WINDOW (self), name);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_read_only_response_cb), self, G_CONNECT_SWAPPED);
  /* The window's dispose cancels: its dialog goes with it. */
  g_signal_connect_object (self->save_cancellable, "cancelled", G_CALLBACK (on_save_cancelled_cb), dialog, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_draft_saved_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SaveCall) call = user_data;
  g_autoptr(CsnWindow) self = g_weak_ref_get (&call->window);
  CsnDraft *draft = CSN_DRAFT (source);
  g_autoptr(GError) error = NULL;
  gboolean saved = csn_draft_save_finish (draft, result, &error);

  if (self == NULL)
    return;
  if (self->saves_under_way > 0)
    self->saves_under_way--;
  /* Cancelled as the window went, or the window was destroyed or took another draft meanwhile:
   * nothing left to say. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || draft != self->draft ||
      gtk_window_get_application (GTK_WINDOW (self)) == NULL)
    return;

  if (!saved)
    {
      self->save_again = FALSE;
      if (g_error_matches (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_CHANGED_ON_DISK))
        {
          g_autofree char *name = dup_display_basename (call->file);

          csn_file_changed_dialog_choose_async (GTK_WINDOW (self), name, self->save_cancellable,
                                                on_file_changed_chosen_cb, g_steal_pointer (&call));
        }
      else if (g_error_matches (error, CSN_DRAFT_ERROR, CSN_DRAFT_ERROR_READ_ONLY))
        offer_save_as (self, call->file);
      else
        {
          g_autofree char *name = dup_display_basename (call->file);
          g_autofree char *title = g_strdup_printf (_("Could not save “%s”"), name);

          self->close_after_save = FALSE;
          csn_window_show_error (self, title, error->message);
        }
      return;
    }

  csn_application_add_recent (CSN_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), call->file);
  _csn_window_remember_folder (self, call->file);

  /* Another save is queued behind this one: it says how things end. */
  if (self->saves_under_way > 0)
    return;
  if (self->save_again)
    {
      self->save_again = FALSE;
      if (csn_draft_get_modified (draft) && csn_draft_get_file (draft) != NULL)
        {
          start_save (self, csn_draft_get_file (draft), CSN_DRAFT_SAVE_NONE);
          return;
        }
    }

  if (self->close_after_save)
    {
      self->close_after_save = FALSE;
      if (!csn_draft_get_modified (draft))
        _csn_window_destroy_later (self);
      else
        /* Edited while the save ran: those edits are asked about like any others. */
        gtk_window_close (GTK_WINDOW (self));
      return;
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Draft saved")));
}

/* Saves the draft to @file in the background: the window stays usable, and an edit made meanwhile
 * keeps the draft modified. */
static void
start_save (CsnWindow         *self,
            GFile             *file,
            CsnDraftSaveFlags  flags)
{
  _csn_window_commit_focused_edit (self);
  if (self->save_cancellable == NULL)
    self->save_cancellable = g_cancellable_new ();
  self->saves_under_way++;
  csn_draft_save_async (self->draft, file, flags, self->save_cancellable, on_draft_saved_cb,
                        save_call_new (self, file));
}

/* Saves under way end as the window goes: a file being written is left whole, old or new. */
void
_csn_window_actions_dispose (CsnWindow *self)
{
  g_cancellable_cancel (self->save_cancellable);
  g_clear_object (&self->save_cancellable);
  self->saves_under_way = 0;
}

static void
on_save_chooser_response_cb (CsnWindow            *self,
                             int                   response,
                             GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file == NULL)
    {
      self->close_after_save = FALSE;
      return;
    }

  /* Users may type a name without the extension; the file manager needs it. */
  if (g_file_peek_path (file) != NULL && !g_str_has_suffix (g_file_peek_path (file), ".consenso"))
    {
      g_autofree char *path = g_strconcat (g_file_peek_path (file), ".consenso", NULL);
      g_autoptr(GFile) with_extension = g_file_new_for_path (path);

      g_set_object (&file, with_extension);
    }
  start_save (self, file, CSN_DRAFT_SAVE_NONE);
}

GtkFileFilter *
_csn_window_create_draft_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Consenso Drafts"));
  gtk_file_filter_add_mime_type (filter, DRAFT_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, "consenso");
  return filter;
}

static void
save_as (CsnWindow *self)
{
  g_autoptr(GtkFileFilter) filter = _csn_window_create_draft_filter ();
  g_autofree char *name = NULL;
  GFile *file = csn_draft_get_file (self->draft);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Save Draft"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), file, NULL);
  else
    {
      _csn_window_start_in_last_folder (self, GTK_FILE_CHOOSER (self->chooser));
      /* Translators: the file name offered for a new draft; keep the extension */
      name = g_strdup (_("working-group.consenso"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
    }
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_save_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Saves to the draft's file, or asks for one. */
void
_csn_window_save (CsnWindow *self)
{
  GFile *file = csn_draft_get_file (self->draft);

  /* Asked again while a save runs (perhaps the first, which names the file): once more when it is
   * done, with what the draft holds then. */
  if (self->saves_under_way > 0)
    {
      _csn_window_commit_focused_edit (self);
      self->save_again = TRUE;
    }
  else if (file == NULL)
    save_as (self);
  else
    start_save (self, file, CSN_DRAFT_SAVE_NONE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _csn_window_save (CSN_WINDOW (widget));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (CSN_WINDOW (widget));
}

static void
on_open_chooser_response_cb (CsnWindow            *self,
                             int                   response,
                             GtkFileChooserNative *chooser)
{
  g_autoptr(GListModel) files = NULL;
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      _csn_window_remember_folder (self, file);
      csn_application_open_file (CSN_APPLICATION (application), file, GTK_WINDOW (self));
    }
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CsnWindow *self = CSN_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = _csn_window_create_draft_filter ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Open Draft"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  _csn_window_start_in_last_folder (self, GTK_FILE_CHOOSER (self->chooser));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_open_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (widget));
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  csn_application_open_file (CSN_APPLICATION (application), file, GTK_WINDOW (widget));
}

static void
no_recent_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
}

/**
 * _csn_window_set_exporting:
 *
 * The exports share the window's progress bar and its Cancel: one at a time. While one writes,
 * every export waits and Cancel is offered.
 */
void
_csn_window_set_exporting (CsnWindow *self,
                           gboolean   exporting)
{
  static const char * const exports[] = {
    "win.export", "win.export-document", "win.export-delegations", "win.export-translation",
  };

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), exports[i], !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-export", exporting);
  gtk_revealer_set_reveal_child (self->export_revealer, exporting);
}

/**
 * _csn_window_begin_export:
 * @label: what the bar says while the export writes
 *
 * Shows the progress bar with @label and Cancel, and gives the window a new export_cancellable.
 */
void
_csn_window_begin_export (CsnWindow  *self,
                          const char *label)
{
  gtk_label_set_text (self->export_label, label);
  gtk_progress_bar_set_fraction (self->export_progress, 0);
  _csn_window_set_exporting (self, TRUE);

  g_clear_object (&self->export_cancellable);
  self->export_cancellable = g_cancellable_new ();
}

/**
 * _csn_window_end_export:
 * @error: (nullable): why the export failed, or %NULL
 * @failed_title: the error bar's title when it failed
 *
 * Hides the progress bar and says why an export failed, unless it was cancelled on purpose (its
 * files are as they were: nothing to say). Returns whether it wrote its files.
 */
gboolean
_csn_window_end_export (CsnWindow    *self,
                        const GError *error,
                        const char   *failed_title)
{
  _csn_window_set_exporting (self, FALSE);
  if (error == NULL)
    return TRUE;
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    csn_window_show_error (self, failed_title, error->message);
  return FALSE;
}

/* A toast after an export, with a button that opens @uri: the file or its folder. */
void
_csn_window_toast_export (CsnWindow  *self,
                          const char *message,
                          const char *button_label,
                          const char *uri)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, button_label);
  adw_toast_set_action_name (toast, "win.open-export");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_export_progress_cb (double   fraction,
                       gpointer user_data)
{
  CsnWindow *self = user_data;

  gtk_progress_bar_set_fraction (self->export_progress, fraction);
}

static void
on_export_finished_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(CsnWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (self->export_path);
  g_autofree char *basename = g_filename_display_basename (self->export_path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *title = g_strdup_printf (_("Could not export “%s”"), basename);
  g_autofree char *message = NULL;

  csn_export_xlsx_finish (result, &error);
  if (!_csn_window_end_export (self, error, title))
    return;
  message = g_strdup_printf (_("Exported “%s”"), basename);
  _csn_window_toast_export (self, message, _("_Open"), uri);
}

/* Exports the draft to @path in the background, with a progress bar and a toast at the end. */
void
csn_window_export (CsnWindow   *self,
                   const char  *path,
                   CsnLanguage  language)
{
  g_autofree char *basename = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (CSN_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  g_free (self->export_path);
  self->export_path = g_strdup (path);
  basename = g_filename_display_basename (path);
  /* Translators: shown beside the progress bar while a spreadsheet is written */
  text = g_strdup_printf (_("Exporting “%s”…"), basename);
  _csn_window_begin_export (self, text);
  csn_export_xlsx_async_full (self->draft, path, language,
                              on_export_progress_cb, g_object_ref (self), g_object_unref,
                              self->export_cancellable, on_export_finished_cb, g_object_ref (self));
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_cancellable_cancel (CSN_WINDOW (widget)->export_cancellable);
}

static void
open_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

static void
on_export_chooser_response_cb (CsnWindow            *self,
                               int                   response,
                               GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  const char *language_nick;
  int language = CSN_LANGUAGE_ES;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  language_nick = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "language");
  if (language_nick != NULL)
    csn_enum_from_nick (CSN_TYPE_LANGUAGE, language_nick, &language);
  g_clear_object (&self->chooser);

  if (file == NULL || g_file_peek_path (file) == NULL)
    return;

  _csn_window_remember_folder (self, file);
  path = g_str_has_suffix (g_file_peek_path (file), ".xlsx")
         ? g_strdup (g_file_peek_path (file))
         : g_strconcat (g_file_peek_path (file), ".xlsx", NULL);
  csn_window_export (self, path, language);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CsnWindow *self = CSN_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *language_ids[] = { "es", "en", NULL };
  const char *language_labels[] = { _("Spanish"), _("English"), NULL };
  g_autofree char *language = NULL;
  g_autofree char *name = NULL;
  g_autofree char *stem = NULL;
  GFile *file;

  if (self->chooser != NULL)
    return;
  _csn_window_commit_focused_edit (self);

  self->chooser = gtk_file_chooser_native_new (_("Export to Spreadsheet"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Spreadsheets"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  /* Translators: the language of the exported spreadsheet's fixed labels */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (self->chooser), "language", _("Labels in"),
                               language_ids, language_labels);
  if (self->settings != NULL)
    language = g_settings_get_string (self->settings, "export-language");
  else
    language = g_strdup (csn_enum_to_nick (CSN_TYPE_LANGUAGE,
                                           csn_meeting_get_language (csn_draft_get_meeting (self->draft))));
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (self->chooser), "language", language);

  file = csn_draft_get_file (self->draft);
  if (file != NULL)
    {
      /* The chooser takes a name in UTF-8: a name it cannot show is offered as it reads. */
      g_autofree char *basename = dup_display_basename (file);
      g_autoptr(GFile) parent = g_file_get_parent (file);

      stem = g_str_has_suffix (basename, ".consenso")
             ? g_strndup (basename, strlen (basename) - strlen (".consenso"))
             : g_strdup (basename);
      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), parent, NULL);
    }
  else
    {
      _csn_window_start_in_last_folder (self, GTK_FILE_CHOOSER (self->chooser));
      /* Translators: the file name offered for the spreadsheet of a new draft, without extension */
      stem = g_strdup (_("working-group"));
    }
  name = g_strconcat (stem, ".xlsx", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_export_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* What an undo or redo changed first: an item and its property, an item put back in a list, or
 * only a list that lost an item. */
typedef struct
{
  GPtrArray  *watched;    /* objects connected to, for disconnecting */
  CsnItem    *item;
  char       *property;
  GListModel *list;
} StepWatch;

static void
on_watched_notify_cb (GObject    *object,
                      GParamSpec *pspec,
                      StepWatch  *watch)
{
  if (watch->item != NULL || watch->list != NULL || !CSN_IS_ITEM (object))
    return;
  watch->item = g_object_ref (CSN_ITEM (object));
  watch->property = g_strdup (pspec->name);
}

static void
on_watched_items_changed_cb (GListModel *list,
                             guint       position,
                             guint       removed,
                             guint       added,
                             StepWatch  *watch)
{
  if (watch->item != NULL || watch->list != NULL)
    return;
  if (added > 0)
    watch->item = g_list_model_get_item (list, position);
  else
    watch->list = g_object_ref (list);
}

static void
watch_object (StepWatch *watch,
              GObject   *object)
{
  g_signal_connect (object, G_IS_LIST_MODEL (object) ? "items-changed" : "notify",
                    G_IS_LIST_MODEL (object) ? G_CALLBACK (on_watched_items_changed_cb)
                                             : G_CALLBACK (on_watched_notify_cb),
                    watch);
  g_ptr_array_add (watch->watched, g_object_ref (object));
}

/* Watches what the next step changes, among what a page shows: the meeting, the items of the draft's
 * lists, the lists and the themes' reservations. */
static void
watch_step (StepWatch *watch,
            CsnDraft  *draft,
            gboolean   redo)
{
  g_autoptr(GPtrArray) objects = csn_history_dup_next_objects (csn_draft_get_history (draft), redo);

  for (guint i = 0; i < objects->len; i++)
    {
      GObject *object = g_ptr_array_index (objects, i);
      gboolean shown = FALSE;

      if (G_IS_LIST_MODEL (object))
        {
          shown = g_list_model_get_item_type (G_LIST_MODEL (object)) == CSN_TYPE_RESERVATION;
          for (CsnCollection collection = 0; !shown && collection < CSN_N_COLLECTIONS; collection++)
            shown = csn_draft_get_collection (draft, collection) == G_LIST_MODEL (object);
        }
      /* A reservation's own text is shown in its theme's details and in translation mode. */
      else if (object == G_OBJECT (csn_draft_get_meeting (draft)) || CSN_IS_RESERVATION (object))
        shown = TRUE;
      else if (CSN_IS_ITEM (object) && csn_collection_for_item (CSN_ITEM (object)) < CSN_N_COLLECTIONS)
        shown = csn_draft_find_position (draft, csn_collection_for_item (CSN_ITEM (object)), CSN_ITEM (object), NULL);
      if (shown)
        watch_object (watch, object);
    }
}

static void
step_watch_clear (StepWatch *watch)
{
  for (guint i = 0; i < watch->watched->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (watch->watched, i), watch);
  g_ptr_array_unref (watch->watched);
  g_clear_object (&watch->item);
  g_clear_pointer (&watch->property, g_free);
  g_clear_object (&watch->list);
}

/* The page that lists @list: a collection of the draft, or a theme's reservations. */
static const char *
get_page_for_list (CsnDraft   *draft,
                   GListModel *list)
{
  static const char * const pages[CSN_N_COLLECTIONS] = {
    [CSN_COLLECTION_COUNTRIES] = "delegations",
    [CSN_COLLECTION_PILLARS] = "theme-matrix",
    [CSN_COLLECTION_ACTORS] = "actors",
    [CSN_COLLECTION_THEMES] = "theme-matrix",
    [CSN_COLLECTION_STRATEGIES] = "strategies",
    [CSN_COLLECTION_MECHANISMS] = "mechanisms",
    [CSN_COLLECTION_ROLE_PROPOSALS] = "actors",
    [CSN_COLLECTION_PARTICIPANTS] = "delegations",
    [CSN_COLLECTION_ENDORSEMENTS] = "endorsements",
  };

  for (CsnCollection collection = 0; collection < CSN_N_COLLECTIONS; collection++)
    if (csn_draft_get_collection (draft, collection) == list)
      return pages[collection];
  return "theme-matrix";
}

/* Undoes or redoes one step and shows where: the page and the row it changed, as if the change
 * were being made again before the user's eyes. */
static void
step_and_reveal (CsnWindow *self,
                 gboolean   redo)
{
  StepWatch watch = { g_ptr_array_new_with_free_func (g_object_unref), NULL, NULL, NULL };

  _csn_window_commit_focused_edit (self);
  watch_step (&watch, self->draft, redo);
  if (redo)
    csn_draft_redo (self->draft);
  else
    csn_draft_undo (self->draft);

  if (watch.item != NULL && CSN_IS_POSITION (watch.item))
    {
      /* A position is shown with the item it is on, when that item is still there. */
      if (csn_draft_lookup (self->draft, CSN_COLLECTION_AGENDA,
                            csn_position_get_item (CSN_POSITION (watch.item))) != NULL)
        csn_window_reveal (self, watch.item, watch.property);
    }
  else if (watch.item != NULL)
    {
      /* A reservation is shown on its theme; in translation mode, its own text is. */
      CsnItem *parent = csn_collection_for_item (watch.item) == CSN_COLLECTION_NONE && !CSN_IS_MEETING (watch.item)
                        ? csn_describe_find_parent (self->draft, watch.item, NULL) : NULL;

      if (parent != NULL &&
          !(self->translation_mode && _csn_window_translation_reveal (self, watch.item, watch.property)))
        csn_window_reveal (self, parent, NULL);
      else
        csn_window_reveal (self, watch.item, watch.property);
    }
  else if (watch.list != NULL && get_page_for_list (self->draft, watch.list) != NULL)
    /* An item taken away again: its page, where it is no longer. */
    csn_window_show_page (self, get_page_for_list (self->draft, watch.list));
  step_watch_clear (&watch);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step_and_reveal (CSN_WINDOW (widget), FALSE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step_and_reveal (CSN_WINDOW (widget), TRUE);
}

static GtkWidget *
find_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *entry = find_search_entry (child);

      if (entry != NULL)
        return entry;
    }
  return NULL;
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CsnWindow *self = CSN_WINDOW (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);
  GtkWidget *entry;
  GtkWidget *search_bar;

  if (gtk_widget_activate_action (page, "page.find", NULL))
    return;

  entry = find_search_entry (page);
  if (entry == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  search_bar = gtk_widget_get_ancestor (entry, GTK_TYPE_SEARCH_BAR);
  if (search_bar != NULL)
    gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (search_bar), TRUE);
  gtk_widget_grab_focus (entry);
}

/* Keyboard Shortcuts (Ctrl+?), made on first use: GtkApplication would have built the shortcuts
 * window from gtk/help-overlay.ui for every window it opens (~40 M instructions each, issue 16).
 * Given to the window as its help overlay, it finds the shortcuts of the actions it names. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/consenso/Consenso/ui/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

void
_csn_window_class_actions_init (CsnWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.no-recent", NULL, no_recent_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-export", NULL, cancel_export_action);
  gtk_widget_class_install_action (widget_class, "win.open-export", "s", open_export_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
}

/* Once the template is built: the actions' first state and the sources of Open Recent. */
void
_csn_window_actions_init (CsnWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", FALSE);
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_primary_menu_cb, self, NULL);
  gtk_menu_button_set_create_popup_func (self->sidebar_menu_button, create_sidebar_menu_cb, self, NULL);

  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::recent-files",
                             G_CALLBACK (on_recent_files_changed_cb), self, G_CONNECT_SWAPPED);
  self->recent_manager = g_object_ref (gtk_recent_manager_get_default ());
  g_signal_connect_object (self->recent_manager, "changed", G_CALLBACK (on_recent_manager_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
}
