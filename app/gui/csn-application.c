/* csn-application.c: the Consenso application: one window per open draft. */
#define G_LOG_DOMAIN "csn-application"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-application.h"
#include "csn-error-text.h"
#include "csn-help-window.h"
#include "csn-preferences-window.h"
#include "csn-recovery.h"
#include "csn-renderer.h"
#include "csn-resources.h"
#include "csn-restore-dialog.h"
#include "csn-settings.h"
#include "csn-window.h"

struct _CsnApplication
{
  AdwApplication  parent_instance;

  /* Recovery files found at start, offered once. */
  GPtrArray      *recovery_paths;
  gboolean        recovery_checked;
};

G_DEFINE_FINAL_TYPE (CsnApplication, csn_application, ADW_TYPE_APPLICATION)

typedef struct
{
  const char *action;
  const char *accels[3];
} Accelerator;

static const Accelerator accelerators[] = {
  { "app.new-window", { "<Control>n", NULL } },
  { "app.new-blank", { "<Control><Shift>n", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "app.help", { "F1", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  /* The window makes its shortcuts window when asked (csn-window-actions.c), not GtkApplication. */
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.find", { "<Control>f", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "win.merge-draft", { "<Control>m", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.translation-mode", { "<Control>t", NULL } },
  { "win.next-untranslated", { "<Control>j", NULL } },
  { "win.accept-translation", { "<Control>u", NULL } },
  { "win.show-page::overview", { "<Alt>1", NULL } },
  { "win.show-page::theme-matrix", { "<Alt>2", NULL } },
  { "win.show-page::strategies", { "<Alt>3", NULL } },
  { "win.show-page::mechanisms", { "<Alt>4", NULL } },
  { "win.show-page::actors", { "<Alt>5", NULL } },
  { "win.show-page::delegations", { "<Alt>6", NULL } },
  { "win.show-page::endorsements", { "<Alt>7", NULL } },
  { "win.show-page::document", { "<Alt>8", NULL } },
};

static CsnWindow *
create_window (CsnApplication *self,
               CsnDraft       *draft)
{
  return csn_window_new (self, draft);
}

static CsnWindow *
find_pristine_window (CsnApplication *self,
                      GtkWindow      *preferred)
{
  if (CSN_IS_WINDOW (preferred) && csn_window_is_pristine (CSN_WINDOW (preferred)))
    return CSN_WINDOW (preferred);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (CSN_IS_WINDOW (l->data) && csn_window_is_pristine (l->data))
        return l->data;
    }
  return NULL;
}

static CsnWindow *
find_window_for_file (CsnApplication *self,
                      GFile          *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GFile *window_file;

      if (!CSN_IS_WINDOW (l->data) || csn_window_get_draft (l->data) == NULL)
        continue;
      window_file = csn_draft_get_file (csn_window_get_draft (l->data));
      if (window_file != NULL && g_file_equal (window_file, file))
        return l->data;
    }
  return NULL;
}

/* Lists @file under Open Recent, here and in the desktop's recent files. */
void
csn_application_add_recent (CsnApplication *self,
                            GFile          *file)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *uri = NULL;
  GtkRecentData data = {
    .mime_type = (char *) "application/x-consenso",
    .app_name = (char *) "Consenso",
    .app_exec = (char *) "consenso %u",
  };

  g_return_if_fail (CSN_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);

  /* Consenso's own list, kept even where the desktop's file history is turned off. */
  settings = csn_settings_new ();
  if (settings != NULL)
    {
      g_auto(GStrv) previous = g_settings_get_strv (settings, "recent-files");
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) updated = NULL;
      guint count = 1;

      g_strv_builder_add (builder, uri);
      for (guint i = 0; previous[i] != NULL && count < CSN_MAX_RECENT_FILES; i++)
        if (!g_str_equal (previous[i], uri))
          {
            g_strv_builder_add (builder, previous[i]);
            count++;
          }
      updated = g_strv_builder_end (builder);
      g_settings_set_strv (settings, "recent-files", (const char * const *) updated);
    }
}

/* Opens @file in a window of its own, or in @from if that holds an untouched new draft.
 * A file that does not load leaves every draft as it was and says why in @from (or a new window). */
void
csn_application_open_file (CsnApplication *self,
                           GFile          *file,
                           GtkWindow      *from)
{
  g_autoptr(CsnDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  CsnWindow *window;

  g_return_if_fail (CSN_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  window = find_window_for_file (self, file);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  draft = csn_draft_load_from_file (file, &error);
  if (draft == NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *name = g_filename_display_name (basename);
      g_autofree char *title = g_strdup_printf (_("Could not open “%s”"), name);
      g_autofree char *message = csn_error_text_describe_places (error->message);

      window = CSN_IS_WINDOW (from) ? CSN_WINDOW (from) : NULL;
      if (window == NULL)
        {
          g_autoptr(CsnDraft) untitled = csn_draft_new_from_template ();

          window = create_window (self, untitled);
        }
      csn_window_show_error (window, title, message);
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  csn_application_add_recent (self, file);
  window = find_pristine_window (self, from);
  if (window != NULL)
    csn_window_set_draft (window, draft);
  else
    window = create_window (self, draft);
  gtk_window_present (GTK_WINDOW (window));
}

/* Opens a window on every draft whose unsaved changes were left behind; each stays unsaved. */
static void
restore_recovered_drafts (CsnApplication *self)
{
  g_autoptr(GPtrArray) paths = NULL;

  paths = g_steal_pointer (&self->recovery_paths);
  self->recovery_paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; paths != NULL && i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(CsnRecovery) recovery = NULL;
      g_autoptr(GError) error = NULL;
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
      CsnWindow *window;

      recovery = csn_recovery_restore (path, &error);
      if (recovery == NULL)
        {
          /* Left on disk: a later version may read it. The window says why; the log says where. */
          g_debug ("Could not restore %s: %s", path, error->message);
          if (CSN_IS_WINDOW (active))
            csn_window_show_error (CSN_WINDOW (active), _("Could not restore unsaved changes"),
                                   error->message);
          continue;
        }

      window = find_pristine_window (self, active);
      if (window != NULL)
        csn_window_set_recovery (window, recovery);
      else
        window = csn_window_new_for_recovery (self, recovery);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
on_restore_response_cb (CsnApplication   *self,
                        const char       *response,
                        AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "restore") == 0)
    restore_recovered_drafts (self);
  else if (g_strcmp0 (response, "discard") == 0)
    {
      for (guint i = 0; i < self->recovery_paths->len; i++)
        csn_recovery_remove_file (g_ptr_array_index (self->recovery_paths, i));
      g_ptr_array_set_size (self->recovery_paths, 0);
    }
}

static void
offer_recovery (CsnApplication *self,
                GtkWindow      *parent)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GPtrArray) found = NULL;
  g_auto(GStrv) name_list = NULL;
  g_autoptr(GDateTime) newest = NULL;
  g_autofree char *directory = NULL;
  GtkWidget *dialog;

  if (self->recovery_checked)
    return;
  self->recovery_checked = TRUE;

  directory = csn_recovery_dup_default_directory ();
  found = csn_recovery_list_files (directory);
  g_ptr_array_set_size (self->recovery_paths, 0);
  for (guint i = 0; i < found->len; i++)
    {
      const char *path = g_ptr_array_index (found, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) saved = NULL;
      g_autofree char *name = NULL;
      g_autofree char *quoted = NULL;

      if (!csn_recovery_peek (path, &name, &saved, &error))
        {
          g_warning ("Ignoring the recovery file %s: %s", path, error->message);
          continue;
        }
      /* Translators: a draft's name in a list of drafts */
      quoted = g_strdup_printf (_("“%s”"), name);
      g_strv_builder_add (names, quoted);
      if (newest == NULL || g_date_time_compare (saved, newest) > 0)
        {
          g_clear_pointer (&newest, g_date_time_unref);
          newest = g_date_time_ref (saved);
        }
      g_ptr_array_add (self->recovery_paths, g_strdup (path));
    }
  if (self->recovery_paths->len == 0)
    return;

  name_list = g_strv_builder_end (names);
  dialog = csn_restore_dialog_new (parent, (const char * const *) name_list, newest);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
offer_recovery_idle_cb (gpointer user_data)
{
  GtkWindow *window = user_data;
  GtkApplication *application = gtk_window_get_application (window);

  if (CSN_IS_APPLICATION (application) && gtk_widget_get_mapped (GTK_WIDGET (window)))
    offer_recovery (CSN_APPLICATION (application), window);
  return G_SOURCE_REMOVE;
}

static void
on_first_frame_cb (GdkFrameClock *frame_clock,
                   GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame_cb, window);
  /* Not from inside the frame: the dialog is a window of its own. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, offer_recovery_idle_cb, g_object_ref (window), g_object_unref);
}

static void
wait_for_first_frame (GtkWindow *window)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  if (g_signal_handler_find (frame_clock, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                             on_first_frame_cb, window) == 0)
    g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (on_first_frame_cb), window, 0);
  /* A window shown before has no frame coming of itself. */
  gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

static void
on_window_map_cb (GtkWindow *window)
{
  g_signal_handlers_disconnect_by_func (window, on_window_map_cb, NULL);
  wait_for_first_frame (window);
}

/* The recovery folder is read (each copy's sidecar, to name its draft) after @window has painted a
 * frame: the copies can wait for an answer, the window cannot. */
static void
offer_recovery_when_shown (CsnApplication *self,
                           GtkWindow      *window)
{
  if (self->recovery_checked)
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    wait_for_first_frame (window);
  else if (g_signal_handler_find (window, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_window_map_cb, NULL) == 0)
    g_signal_connect (window, "map", G_CALLBACK (on_window_map_cb), NULL);
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  CsnApplication *self = user_data;
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();

  gtk_window_present (GTK_WINDOW (create_window (self, draft)));
}

static void
clear_text_member (JsonObject  *object,
                   const char  *name,
                   JsonNode    *node,
                   gpointer     user_data)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    json_node_set_string (node, "");
}

#define TEMPLATE_PATH "/io/github/consenso/Consenso/templates/crm-working-group.consenso"

/**
 * csn_application_create_blank_draft:
 *
 * A draft with nothing the group decides yet (no meeting title, no themes, strategies, proposals,
 * participants or answers, empty document texts) but with what every CRM working group starts from:
 * the member and observer states, the pillars, the actors, the working mechanisms and one pending
 * endorsement per member. Nothing in the window can make those, so a blank draft is never a dead end.
 */
CsnDraft *
csn_application_create_blank_draft (void)
{
  const char * const emptied[] = { "themes", "strategies", "role_proposals", "participants", "positions" };
  const char * const cleared[] = { "title", "venue", "pro_tempore_presidency" };
  const char * const undated[] = { "start_date", "end_date", "answers_due" };
  g_autoptr(GBytes) bytes = g_resources_lookup_data (TEMPLATE_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  JsonObject *root, *meeting, *document;
  CsnDraft *draft;
  gsize length;

  /* The template is built in and tested: failing to read it is a build defect. */
  g_assert_nonnull (bytes);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  for (guint i = 0; i < G_N_ELEMENTS (emptied); i++)
    json_object_set_array_member (root, emptied[i], json_array_new ());
  meeting = json_object_get_object_member (root, "meeting");
  for (guint i = 0; i < G_N_ELEMENTS (cleared); i++)
    json_object_set_string_member (meeting, cleared[i], "");
  for (guint i = 0; i < G_N_ELEMENTS (undated); i++)
    json_object_set_null_member (meeting, undated[i]);
  document = json_object_get_object_member (root, "document");
  json_object_foreach_member (document, clear_text_member, NULL);

  json_generator_set_root (generator, json_parser_get_root (parser));
  data = json_generator_to_data (generator, &length);
  draft = csn_draft_load_from_data (data, length, "blank.consenso", &error);
  g_assert_no_error (error);
  return draft;
}

static void
new_blank_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  CsnApplication *self = user_data;
  g_autoptr(CsnDraft) draft = csn_application_create_blank_draft ();

  gtk_window_present (GTK_WINDOW (create_window (self, draft)));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CsnApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window with unsaved changes asks first; the application ends with the last one. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  CsnApplication *self = user_data;
  static const char *developers[] = { "The Consenso authors", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (parent,
                         "application-name", _("Consenso"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Prepare the draft recommendations of a working group of the "
                                       "Regional Conference on Migration."),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CsnApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (csn_help_window_new (parent)));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  CsnApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (csn_preferences_window_new (parent)));
}

static const GActionEntry app_entries[] = {
  { .name = "new-window", .activate = new_window_action },
  { .name = "new-blank", .activate = new_blank_action },
  { .name = "quit", .activate = quit_action },
  { .name = "about", .activate = about_action },
  { .name = "help", .activate = help_action },
  { .name = "preferences", .activate = preferences_action },
};

static void
csn_application_startup (GApplication *application)
{
  CsnApplication *self = CSN_APPLICATION (application);

  G_APPLICATION_CLASS (csn_application_parent_class)->startup (application);

  csn_renderer_prefer_cairo_on_software_gl (gdk_display_get_default ());
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries), self);
  for (guint i = 0; i < G_N_ELEMENTS (accelerators); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accelerators[i].action,
                                           accelerators[i].accels);
}

static void
csn_application_activate (GApplication *application)
{
  CsnApplication *self = CSN_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();

      window = GTK_WINDOW (create_window (self, draft));
    }
  gtk_window_present (window);
  offer_recovery_when_shown (self, window);
}

static void
csn_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  CsnApplication *self = CSN_APPLICATION (application);
  GtkWindow *window = NULL;

  for (int i = 0; i < n_files; i++)
    csn_application_open_file (self, files[i], NULL);
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    offer_recovery_when_shown (self, window);
}

/* main.c declares the FILE arguments as an option, which takes them out of the arguments GApplication
 * opens: they are opened here, in this instance or, through D-Bus, in the one already running. */
static int
csn_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  g_autofree const char **arguments = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &arguments) || arguments[0] == NULL)
    return -1;

  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; arguments[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (arguments[i]));
  g_application_open (application, (GFile **) files->pdata, files->len, "");

  /* The primary instance goes on to run its windows; a remote one is done. */
  return g_application_get_is_remote (application) ? EXIT_SUCCESS : -1;
}

static void
csn_application_finalize (GObject *object)
{
  CsnApplication *self = CSN_APPLICATION (object);

  g_clear_pointer (&self->recovery_paths, g_ptr_array_unref);

  G_OBJECT_CLASS (csn_application_parent_class)->finalize (object);
}

static void
csn_application_class_init (CsnApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = csn_application_finalize;
  /* Referencing the GUI resources keeps the linker from dropping them from the static library. */
  g_assert (csn_get_resource () != NULL);
  application_class->startup = csn_application_startup;
  application_class->activate = csn_application_activate;
  application_class->open = csn_application_open;
  application_class->handle_local_options = csn_application_handle_local_options;
}

static void
csn_application_init (CsnApplication *self)
{
  self->recovery_paths = g_ptr_array_new_with_free_func (g_free);
}

CsnApplication *
csn_application_new (void)
{
  return g_object_new (CSN_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/consenso/Consenso",
                       NULL);
}
