/* csn-window.c: the editor window of one draft: the agenda in a sidebar, one page per part of the meeting. */
#define G_LOG_DOMAIN "csn-window"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-actor.h"
#include "csn-actors-page.h"
#include "csn-country.h"
#include "csn-delegations-page.h"
#include "csn-endorsement.h"
#include "csn-endorsements-page.h"
#include "csn-enums.h"
#include "csn-export.h"
#include "csn-history.h"
#include "csn-mechanism.h"
#include "csn-mechanisms-page.h"
#include "csn-meeting.h"
#include "csn-overview-page.h"
#include "csn-participant.h"
#include "csn-pillar.h"
#include "csn-problem.h"
#include "csn-reservation.h"
#include "csn-role-proposal.h"
#include "csn-save-changes-dialog.h"
#include "csn-settings.h"
#include "csn-strategies-page.h"
#include "csn-strategy.h"
#include "csn-theme-matrix-page.h"
#include "csn-theme.h"
#include "csn-window.h"

#define DRAFT_MIME_TYPE "application/x-consenso"

struct _CsnWindow
{
  AdwApplicationWindow  parent_instance;

  CsnDraft             *draft;
  CsnRecovery          *recovery;
  GtkFileChooserNative *chooser;
  GSettings            *settings;      /* NULL when the schema is not installed */
  GCancellable         *export_cancellable;
  char                 *export_path;
  GtkRecentManager     *recent_manager;
  char                 *error_text;
  gboolean              close_confirmed;
  gboolean              close_after_save;

  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  AdwWindowTitle       *window_title;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GMenu                *undo_section;
  GMenu                *recent_menu;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_title;
  GtkLabel             *error_message;
  AdwToastOverlay      *toast_overlay;
  GtkRevealer          *export_revealer;
  GtkLabel             *export_label;
  GtkProgressBar       *export_progress;
  GtkStack             *stack;
  CsnOverviewPage      *overview_page;
  CsnThemeMatrixPage   *theme_matrix_page;
  CsnStrategiesPage    *strategies_page;
  CsnMechanismsPage    *mechanisms_page;
  CsnActorsPage        *actors_page;
  CsnDelegationsPage   *delegations_page;
  CsnEndorsementsPage  *endorsements_page;
  GtkLabel             *overview_open_count;
  GtkLabel             *theme_matrix_open_count;
  GtkLabel             *strategies_open_count;
  GtkLabel             *mechanisms_open_count;
  GtkLabel             *actors_open_count;
  GtkLabel             *delegations_open_count;
  GtkLabel             *endorsements_open_count;
};

G_DEFINE_FINAL_TYPE (CsnWindow, csn_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DRAFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void save_as (CsnWindow *self);

static const char * const page_names[] = {
  "overview", "theme-matrix", "strategies", "mechanisms", "actors", "delegations", "endorsements",
};

/* The page where @item is edited; a theme asked for its "strategies" goes to the Strategies page. */
static const char *
get_page_for_item (CsnItem    *item,
                   const char *property)
{
  if (CSN_IS_MEETING (item))
    return "overview";
  if (CSN_IS_THEME (item) && g_strcmp0 (property, "strategies") == 0)
    return "strategies";
  if (CSN_IS_THEME (item) || CSN_IS_RESERVATION (item) || CSN_IS_PILLAR (item))
    return "theme-matrix";
  if (CSN_IS_STRATEGY (item))
    return "strategies";
  if (CSN_IS_MECHANISM (item))
    return "mechanisms";
  if (CSN_IS_ACTOR (item) || CSN_IS_ROLE_PROPOSAL (item))
    return "actors";
  if (CSN_IS_PARTICIPANT (item) || CSN_IS_COUNTRY (item))
    return "delegations";
  if (CSN_IS_ENDORSEMENT (item))
    return "endorsements";
  return NULL;
}

static GtkLabel *
get_open_count_label (CsnWindow *self,
                      guint      page)
{
  GtkLabel *labels[] = {
    self->overview_open_count, self->theme_matrix_open_count, self->strategies_open_count,
    self->mechanisms_open_count, self->actors_open_count, self->delegations_open_count,
    self->endorsements_open_count,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == G_N_ELEMENTS (page_names));
  return labels[page];
}

/* Each page in the agenda shows how many of the overview's "still open" entries lead to it. */
static void
on_open_items_changed_cb (CsnWindow  *self,
                          guint       position,
                          guint       removed,
                          guint       added,
                          GListModel *open_items)
{
  guint counts[G_N_ELEMENTS (page_names)] = { 0 };
  guint n_items = g_list_model_get_n_items (open_items);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(CsnProblem) problem = g_list_model_get_item (open_items, i);
      CsnItem *item = csn_problem_get_item (problem);
      const char *page = item != NULL ? get_page_for_item (item, csn_problem_get_property_name (problem)) : NULL;

      for (guint p = 0; page != NULL && p < G_N_ELEMENTS (page_names); p++)
        if (g_str_equal (page, page_names[p]))
          counts[p]++;
    }

  for (guint p = 0; p < G_N_ELEMENTS (page_names); p++)
    {
      GtkLabel *label = get_open_count_label (self, p);
      g_autofree char *text = g_strdup_printf ("%u", counts[p]);
      /* Translators: the tooltip of a page's number in the agenda */
      g_autofree char *tooltip = g_strdup_printf (ngettext ("%u entry still open", "%u entries still open",
                                                            counts[p]), counts[p]);

      gtk_label_set_text (label, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), tooltip);
      gtk_widget_set_visible (GTK_WIDGET (label), counts[p] > 0);
    }
}

static void
remember_folder (CsnWindow *self,
                 GFile     *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *uri = NULL;

  if (self->settings == NULL || parent == NULL)
    return;
  uri = g_file_get_uri (parent);
  g_settings_set_string (self->settings, "last-folder", uri);
}

static void
start_in_last_folder (CsnWindow      *self,
                      GtkFileChooser *chooser)
{
  g_autofree char *uri = NULL;
  g_autoptr(GFile) folder = NULL;

  if (self->settings == NULL)
    return;
  uri = g_settings_get_string (self->settings, "last-folder");
  if (*uri == '\0')
    return;
  folder = g_file_new_for_uri (uri);
  if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

static void
save_window_state (CsnWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static void
update_title (CsnWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *folder = NULL;
  GFile *file;

  if (self->draft == NULL)
    return;

  name = csn_draft_dup_display_name (self->draft);
  file = csn_draft_get_file (self->draft);
  if (csn_draft_get_modified (self->draft))
    /* Translators: the title of a draft with unsaved changes */
    title = g_strdup_printf (_("• %s"), name);
  else
    title = g_strdup (name);

  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);

      if (parent != NULL)
        folder = g_file_get_parse_name (parent);
    }
  else
    folder = g_strdup (_("Not saved yet"));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, folder);
  /* Translators: the window title: "• plan.consenso — Consenso" */
  window_title = g_strdup_printf (_("%s — Consenso"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
update_history (CsnWindow *self)
{
  CsnHistory *history;
  const char *undo_label, *redo_label;
  g_autofree char *undo_text = NULL;
  g_autofree char *redo_text = NULL;
  g_autoptr(GMenuItem) undo_item = NULL;
  g_autoptr(GMenuItem) redo_item = NULL;

  if (self->draft == NULL)
    return;

  history = csn_draft_get_history (self->draft);
  undo_label = csn_history_get_undo_label (history);
  redo_label = csn_history_get_redo_label (history);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", csn_history_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", csn_history_can_redo (history));

  /* Translators: "Undo “Change horizon of “Labour migration””" */
  undo_text = undo_label != NULL ? g_strdup_printf (_("Undo “%s”"), undo_label) : g_strdup (_("Undo"));
  /* Translators: "Redo “Change horizon of “Labour migration””" */
  redo_text = redo_label != NULL ? g_strdup_printf (_("Redo “%s”"), redo_label) : g_strdup (_("Redo"));
  gtk_widget_set_tooltip_text (self->undo_button, undo_text);
  gtk_widget_set_tooltip_text (self->redo_button, redo_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->undo_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, undo_text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->redo_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, redo_text, -1);

  /* A GMenu item cannot change its label: the section is made again. */
  g_menu_remove_all (self->undo_section);
  undo_item = g_menu_item_new (undo_text, "win.undo");
  redo_item = g_menu_item_new (redo_text, "win.redo");
  g_menu_append_item (self->undo_section, undo_item);
  g_menu_append_item (self->undo_section, redo_item);
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
          g_autofree char *name = g_file_get_basename (file);

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

static void
on_autosave_delay_changed_cb (CsnWindow  *self,
                              const char *key,
                              GSettings  *settings)
{
  if (self->recovery != NULL)
    csn_recovery_set_delay (self->recovery, g_settings_get_uint (settings, "autosave-delay"));
}

static void
on_draft_modified_cb (CsnWindow  *self,
                      GParamSpec *pspec,
                      CsnDraft   *draft)
{
  update_title (self);
}

static void
on_history_changed_cb (CsnWindow  *self,
                       GParamSpec *pspec,
                       CsnHistory *history)
{
  update_history (self);
}

/* Commits what the focused control holds (entries commit when they lose the focus). */
static void
commit_focused_edit (CsnWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus == NULL)
    return;
  g_object_ref (focus);
  gtk_root_set_focus (GTK_ROOT (self), NULL);
  if (gtk_widget_get_root (focus) == GTK_ROOT (self))
    gtk_widget_grab_focus (focus);
  g_object_unref (focus);
}

gboolean
csn_window_save_sync (CsnWindow *self,
                      GFile     *file)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CSN_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);

  if (file == NULL)
    file = csn_draft_get_file (self->draft);
  g_return_val_if_fail (file != NULL, FALSE);

  commit_focused_edit (self);
  if (!csn_draft_save_to_file (self->draft, file, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *title = g_strdup_printf (_("Could not save “%s”"), name);

      csn_window_show_error (self, title, error->message);
      return FALSE;
    }

  csn_application_add_recent (CSN_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), file);
  remember_folder (self, file);
  return TRUE;
}

static gboolean
on_destroy_idle_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

/* Destroys the window once the dialog that decided it is gone: it is transient for this window. */
static void
destroy_later (CsnWindow *self)
{
  save_window_state (self);
  self->close_confirmed = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_destroy_idle_cb, g_object_ref (self), g_object_unref);
}

static void
finish_save (CsnWindow *self,
             GFile     *file)
{
  gboolean close_after_save = self->close_after_save;

  self->close_after_save = FALSE;
  if (!csn_window_save_sync (self, file))
    return;
  if (close_after_save)
    destroy_later (self);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Draft saved")));
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
  finish_save (self, file);
}

static GtkFileFilter *
create_draft_filter (void)
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
  g_autoptr(GtkFileFilter) filter = create_draft_filter ();
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
      start_in_last_folder (self, GTK_FILE_CHOOSER (self->chooser));
      /* Translators: the file name offered for a new draft; keep the extension */
      name = g_strdup (_("working-group.consenso"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
    }
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_save_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
save (CsnWindow *self)
{
  GFile *file = csn_draft_get_file (self->draft);

  if (file == NULL)
    save_as (self);
  else
    finish_save (self, file);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (CSN_WINDOW (widget));
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

      remember_folder (self, file);
      csn_application_open_file (CSN_APPLICATION (application), file, GTK_WINDOW (self));
    }
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CsnWindow *self = CSN_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = create_draft_filter ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Open Draft"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  start_in_last_folder (self, GTK_FILE_CHOOSER (self->chooser));
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
  g_autofree char *basename = g_path_get_basename (self->export_path);
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-export", FALSE);
  gtk_revealer_set_reveal_child (self->export_revealer, FALSE);
  if (!csn_export_xlsx_finish (result, &error))
    {
      g_autofree char *title = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      title = g_strdup_printf (_("Could not export “%s”"), basename);
      csn_window_show_error (self, title, error->message);
      return;
    }

  toast = adw_toast_new_format (_("Exported “%s”"), basename);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-export");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
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
  basename = g_path_get_basename (path);
  /* Translators: shown beside the progress bar while a spreadsheet is written */
  text = g_strdup_printf (_("Exporting “%s”…"), basename);
  gtk_label_set_text (self->export_label, text);
  gtk_progress_bar_set_fraction (self->export_progress, 0);
  gtk_revealer_set_reveal_child (self->export_revealer, TRUE);

  g_clear_object (&self->export_cancellable);
  self->export_cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-export", TRUE);
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

  remember_folder (self, file);
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
  commit_focused_edit (self);

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
                                           csn_item_get_enum (CSN_ITEM (csn_draft_get_meeting (self->draft)),
                                                              "language")));
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (self->chooser), "language", language);

  file = csn_draft_get_file (self->draft);
  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autoptr(GFile) parent = g_file_get_parent (file);

      stem = g_str_has_suffix (basename, ".consenso")
             ? g_strndup (basename, strlen (basename) - strlen (".consenso"))
             : g_strdup (basename);
      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), parent, NULL);
    }
  else
    {
      start_in_last_folder (self, GTK_FILE_CHOOSER (self->chooser));
      /* Translators: the file name offered for the spreadsheet of a new draft, without extension */
      stem = g_strdup (_("working-group"));
    }
  name = g_strconcat (stem, ".xlsx", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_export_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CsnWindow *self = CSN_WINDOW (widget);

  commit_focused_edit (self);
  csn_draft_undo (self->draft);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CsnWindow *self = CSN_WINDOW (widget);

  commit_focused_edit (self);
  csn_draft_redo (self->draft);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  csn_window_show_page (CSN_WINDOW (widget), g_variant_get_string (parameter, NULL));
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

static void
dismiss_error_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CsnWindow *self = CSN_WINDOW (widget);

  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  g_clear_pointer (&self->error_text, g_free);
}

static void
on_save_changes_response_cb (CsnWindow          *self,
                             const char         *response,
                             AdwMessageDialog   *dialog)
{
  if (g_strcmp0 (response, "save") == 0)
    {
      self->close_after_save = TRUE;
      save (self);
    }
  else if (g_strcmp0 (response, "discard") == 0)
    {
      csn_recovery_discard (self->recovery);
      destroy_later (self);
    }
}

static gboolean
csn_window_close_request (GtkWindow *window)
{
  CsnWindow *self = CSN_WINDOW (window);
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  commit_focused_edit (self);
  if (self->close_confirmed || self->draft == NULL || !csn_draft_get_modified (self->draft))
    {
      if (!self->close_confirmed)
        save_window_state (self);
      return GTK_WINDOW_CLASS (csn_window_parent_class)->close_request (window);
    }

  name = csn_draft_dup_display_name (self->draft);
  dialog = csn_save_changes_dialog_new (window, name);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_changes_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            CsnWindow     *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    csn_application_open_file (CSN_APPLICATION (application), l->data, GTK_WINDOW (self));
  return files != NULL;
}

static void
on_sidebar_row_selected_cb (CsnWindow     *self,
                            GtkListBoxRow *row,
                            GtkListBox    *list)
{
  if (row != NULL)
    gtk_stack_set_visible_child_name (self->stack, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_sidebar_row_activated_cb (CsnWindow     *self,
                             GtkListBoxRow *row,
                             GtkListBox    *list)
{
  gtk_stack_set_visible_child_name (self->stack, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static GtkListBoxRow *
find_sidebar_row (CsnWindow  *self,
                  const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return GTK_LIST_BOX_ROW (child);
    }
  return NULL;
}

static void
on_stack_visible_child_cb (CsnWindow  *self,
                           GParamSpec *pspec,
                           GtkStack   *stack)
{
  const char *name = gtk_stack_get_visible_child_name (stack);
  GtkListBoxRow *row = name != NULL ? find_sidebar_row (self, name) : NULL;

  if (row != NULL && gtk_list_box_get_selected_row (self->sidebar) != row)
    gtk_list_box_select_row (self->sidebar, row);
}

static void
on_leaflet_folded_cb (CsnWindow  *self,
                      GParamSpec *pspec,
                      AdwLeaflet *leaflet)
{
  /* Folded, the window opens on the page rather than on the agenda. */
  if (adw_leaflet_get_folded (leaflet))
    adw_leaflet_set_visible_child_name (leaflet, "content");
}

static void
on_back_clicked_cb (CsnWindow *self,
                    GtkButton *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_overview_reveal_cb (CsnWindow       *self,
                       CsnItem         *item,
                       const char      *property,
                       CsnOverviewPage *page)
{
  csn_window_reveal (self, item, property);
}

static void
csn_window_dispose (GObject *object)
{
  CsnWindow *self = CSN_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->settings);
  if (self->recent_manager != NULL)
    g_signal_handlers_disconnect_by_data (self->recent_manager, self);
  g_clear_object (&self->recent_manager);
  if (self->overview_page != NULL)
    g_signal_handlers_disconnect_by_data (csn_overview_page_get_open_items (self->overview_page), self);
  csn_window_set_draft (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CSN_TYPE_WINDOW);

  G_OBJECT_CLASS (csn_window_parent_class)->dispose (object);
}

static void
csn_window_finalize (GObject *object)
{
  CsnWindow *self = CSN_WINDOW (object);

  g_clear_pointer (&self->error_text, g_free);
  g_clear_pointer (&self->export_path, g_free);

  G_OBJECT_CLASS (csn_window_parent_class)->finalize (object);
}

static void
csn_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CsnWindow *self = CSN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CsnWindow *self = CSN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DRAFT:
      csn_window_set_draft (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_window_class_init (CsnWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = csn_window_dispose;
  object_class->finalize = csn_window_finalize;
  object_class->get_property = csn_window_get_property;
  object_class->set_property = csn_window_set_property;
  window_class->close_request = csn_window_close_request;

  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL, CSN_TYPE_DRAFT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CSN_TYPE_OVERVIEW_PAGE);
  g_type_ensure (CSN_TYPE_THEME_MATRIX_PAGE);
  g_type_ensure (CSN_TYPE_STRATEGIES_PAGE);
  g_type_ensure (CSN_TYPE_MECHANISMS_PAGE);
  g_type_ensure (CSN_TYPE_ACTORS_PAGE);
  g_type_ensure (CSN_TYPE_DELEGATIONS_PAGE);
  g_type_ensure (CSN_TYPE_ENDORSEMENTS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, undo_section);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, error_title);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, error_message);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, export_revealer);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, export_label);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, export_progress);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, theme_matrix_page);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, strategies_page);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, mechanisms_page);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, actors_page);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, delegations_page);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, endorsements_page);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, overview_open_count);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, theme_matrix_open_count);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, strategies_open_count);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, mechanisms_open_count);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, actors_open_count);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, delegations_open_count);
  gtk_widget_class_bind_template_child (widget_class, CsnWindow, endorsements_open_count);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_overview_reveal_cb);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.no-recent", NULL, no_recent_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-export", NULL, cancel_export_action);
  gtk_widget_class_install_action (widget_class, "win.open-export", "s", open_export_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-error", NULL, dismiss_error_action);
}

static void
csn_window_init (CsnWindow *self)
{
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-export", FALSE);

  self->settings = csn_settings_new ();
  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      g_signal_connect_object (self->settings, "changed::autosave-delay",
                               G_CALLBACK (on_autosave_delay_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::recent-files",
                               G_CALLBACK (on_recent_files_changed_cb), self, G_CONNECT_SWAPPED);
    }

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (on_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  self->recent_manager = g_object_ref (gtk_recent_manager_get_default ());
  g_signal_connect_object (self->recent_manager, "changed", G_CALLBACK (on_recent_manager_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update_recent_menu (self);

  g_signal_connect_object (csn_overview_page_get_open_items (self->overview_page), "items-changed",
                           G_CALLBACK (on_open_items_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_select_row (self->sidebar, find_sidebar_row (self, "overview"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", FALSE);
}

CsnWindow *
csn_window_new (CsnApplication *application,
                CsnDraft       *draft)
{
  g_return_val_if_fail (CSN_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CSN_IS_DRAFT (draft), NULL);

  return g_object_new (CSN_TYPE_WINDOW,
                       "application", application,
                       "draft", draft,
                       NULL);
}

/* A window on a draft restored from recovery, which keeps using the same recovery file. */
CsnWindow *
csn_window_new_for_recovery (CsnApplication *application,
                             CsnRecovery    *recovery)
{
  CsnWindow *self;

  g_return_val_if_fail (CSN_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CSN_IS_RECOVERY (recovery), NULL);

  self = g_object_new (CSN_TYPE_WINDOW, "application", application, NULL);
  csn_window_set_recovery (self, recovery);
  return self;
}

CsnDraft *
csn_window_get_draft (CsnWindow *self)
{
  g_return_val_if_fail (CSN_IS_WINDOW (self), NULL);
  return self->draft;
}

static void
replace_draft (CsnWindow   *self,
               CsnDraft    *draft,
               CsnRecovery *recovery)
{
  if (self->draft == draft)
    return;

  if (self->draft != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->draft, self);
      g_signal_handlers_disconnect_by_data (csn_draft_get_history (self->draft), self);
    }
  g_clear_object (&self->recovery);
  g_set_object (&self->draft, draft);
  /* A problem shown about the previous draft does not concern this one. */
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  g_clear_pointer (&self->error_text, g_free);

  if (draft != NULL)
    {
      CsnHistory *history = csn_draft_get_history (draft);

      self->recovery = recovery != NULL ? g_object_ref (recovery) : NULL;
      if (self->recovery == NULL)
        {
          g_autofree char *directory = csn_recovery_dup_default_directory ();

          self->recovery = csn_recovery_new (draft, directory);
        }
      if (self->settings != NULL)
        csn_recovery_set_delay (self->recovery, g_settings_get_uint (self->settings, "autosave-delay"));
      g_signal_connect_object (draft, "notify::modified", G_CALLBACK (on_draft_modified_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (draft, "notify::file", G_CALLBACK (on_draft_modified_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (history, "notify::undo-label", G_CALLBACK (on_history_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (history, "notify::redo-label", G_CALLBACK (on_history_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (history, "notify::can-undo", G_CALLBACK (on_history_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (history, "notify::can-redo", G_CALLBACK (on_history_changed_cb),
                               self, G_CONNECT_SWAPPED);
      update_title (self);
      update_history (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAFT]);
}

/* Shows @draft in this window; its unsaved changes are kept in a new recovery file. */
void
csn_window_set_draft (CsnWindow *self,
                      CsnDraft  *draft)
{
  g_return_if_fail (CSN_IS_WINDOW (self));
  g_return_if_fail (draft == NULL || CSN_IS_DRAFT (draft));

  replace_draft (self, draft, NULL);
}

/* Shows the draft of @recovery in this window; it keeps using that recovery file. */
void
csn_window_set_recovery (CsnWindow   *self,
                         CsnRecovery *recovery)
{
  g_return_if_fail (CSN_IS_WINDOW (self));
  g_return_if_fail (CSN_IS_RECOVERY (recovery));

  replace_draft (self, csn_recovery_get_draft (recovery), recovery);
}

CsnRecovery *
csn_window_get_recovery (CsnWindow *self)
{
  g_return_val_if_fail (CSN_IS_WINDOW (self), NULL);
  return self->recovery;
}

/* An untitled draft nobody touched: opening a file may replace it. */
gboolean
csn_window_is_pristine (CsnWindow *self)
{
  CsnHistory *history;

  g_return_val_if_fail (CSN_IS_WINDOW (self), FALSE);

  if (self->draft == NULL)
    return TRUE;
  history = csn_draft_get_history (self->draft);
  return csn_draft_get_file (self->draft) == NULL
         && !csn_draft_get_modified (self->draft)
         && !csn_history_can_undo (history)
         && !csn_history_can_redo (history);
}

/* Shows a problem (a file that did not load, a save that failed) above the pages until dismissed. */
void
csn_window_show_error (CsnWindow  *self,
                       const char *title,
                       const char *message)
{
  g_return_if_fail (CSN_IS_WINDOW (self));
  g_return_if_fail (title != NULL);
  g_return_if_fail (message != NULL);

  g_free (self->error_text);
  self->error_text = g_strdup_printf ("%s\n%s", title, message);
  gtk_label_set_text (self->error_title, title);
  gtk_label_set_text (self->error_message, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

/* The problem shown, "title\nmessage", or NULL. */
const char *
csn_window_get_error (CsnWindow *self)
{
  g_return_val_if_fail (CSN_IS_WINDOW (self), NULL);
  return self->error_text;
}

void
csn_window_show_page (CsnWindow  *self,
                      const char *name)
{
  g_return_if_fail (CSN_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (gtk_stack_get_child_by_name (self->stack, name) == NULL)
    {
      g_warning ("No page is called “%s”", name);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, name);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

const char *
csn_window_get_visible_page (CsnWindow *self)
{
  g_return_val_if_fail (CSN_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
csn_window_get_page (CsnWindow  *self,
                     const char *name)
{
  g_return_val_if_fail (CSN_IS_WINDOW (self), NULL);
  return gtk_stack_get_child_by_name (self->stack, name);
}

/* Shows the page where @item is edited and lets it scroll to @property of @item. */
void
csn_window_reveal (CsnWindow  *self,
                   CsnItem    *item,
                   const char *property)
{
  const char *page;

  g_return_if_fail (CSN_IS_WINDOW (self));
  g_return_if_fail (CSN_IS_ITEM (item));

  page = get_page_for_item (item, property);
  if (page == NULL)
    {
      g_warning ("No page edits a %s", G_OBJECT_TYPE_NAME (item));
      return;
    }

  csn_window_show_page (self, page);
  if (g_str_equal (page, "overview"))
    csn_overview_page_reveal (self->overview_page, item, property);
  else if (g_str_equal (page, "theme-matrix"))
    csn_theme_matrix_page_reveal (self->theme_matrix_page, item, property);
  else if (g_str_equal (page, "strategies"))
    /* A theme that no strategy addresses yet is shown as such, without a property. */
    csn_strategies_page_reveal (self->strategies_page, item, CSN_IS_THEME (item) ? NULL : property);
  else if (g_str_equal (page, "mechanisms"))
    csn_mechanisms_page_reveal (self->mechanisms_page, item, property);
  else if (g_str_equal (page, "actors"))
    csn_actors_page_reveal (self->actors_page, item, property);
  else if (g_str_equal (page, "delegations"))
    csn_delegations_page_reveal (self->delegations_page, item, property);
  else
    csn_endorsements_page_reveal (self->endorsements_page, item, property);
}
