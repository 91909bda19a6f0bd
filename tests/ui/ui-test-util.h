/* ui-test-util.h: what the UI tests share: a private home, a registered application, waiting. */
#pragma once

#include <adwaita.h>
#include <glib/gstdio.h>

#include "csn-application.h"
#include "csn-window.h"

/* Points every XDG directory at a temporary tree, shared with g_test_trap_subprocess() children. */
static inline void
ui_test_setup_home (void)
{
  const char *root = g_getenv ("CSN_TEST_ROOT");
  g_autofree char *created = NULL;
  const char *dirs[][2] = {
    { "XDG_STATE_HOME", "state" },
    { "XDG_CONFIG_HOME", "config" },
    { "XDG_DATA_HOME", "data" },
    { "XDG_CACHE_HOME", "cache" },
  };

  if (root == NULL)
    {
      created = g_dir_make_tmp ("consenso-ui-XXXXXX", NULL);
      g_assert_nonnull (created);
      g_setenv ("CSN_TEST_ROOT", created, TRUE);
      root = created;
    }
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (root, dirs[i][1], NULL);

      g_mkdir_with_parents (path, 0700);
      g_setenv (dirs[i][0], path, TRUE);
    }
  /* No session bus: the application runs on its own, whatever else is running. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
}

static inline void
ui_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        ui_test_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

/* Removes the temporary tree, in the process that made it (not in its test subprocesses). */
static inline void
ui_test_teardown_home (void)
{
  const char *root = g_getenv ("CSN_TEST_ROOT");

  if (root != NULL && !g_test_subprocess ())
    ui_test_remove_tree (root);
}

static inline char *
ui_test_tmp_path (const char *name)
{
  return g_build_filename (g_getenv ("CSN_TEST_ROOT"), name, NULL);
}

static inline gboolean
ui_test_on_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static inline gboolean
ui_test_on_poll_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition holds or @timeout_ms pass; returns whether it holds. */
static inline gboolean
ui_test_wait_for (gboolean (*condition) (gpointer),
                  gpointer   data,
                  guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add (timeout_ms, ui_test_on_timeout_cb, &timed_out);
  /* Conditions on files or other processes wake no source: look again every 20 ms. */
  guint poll = g_timeout_add (20, ui_test_on_poll_cb, NULL);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (source);
  g_source_remove (poll);
  return condition (data);
}

static inline gboolean
ui_test_always_false (gpointer data)
{
  return FALSE;
}

/* Lets pending idles, redraws and timeouts of @ms run. */
static inline void
ui_test_spin (guint ms)
{
  ui_test_wait_for (ui_test_always_false, NULL, ms);
}

static inline CsnApplication *
ui_test_create_application (void)
{
  g_autoptr(GError) error = NULL;
  CsnApplication *app = csn_application_new ();

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

static inline GtkWindow *
ui_test_find_toplevel (GType type)
{
  g_autoptr(GListModel) toplevels = NULL;
  guint n_items;

  toplevels = g_object_ref (gtk_window_get_toplevels ());
  n_items = g_list_model_get_n_items (toplevels);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static inline gboolean
ui_test_toplevel_shown (gpointer type)
{
  return ui_test_find_toplevel (GPOINTER_TO_SIZE (type)) != NULL;
}

static inline GtkWidget *
ui_test_find_button (GtkWidget  *widget,
                     const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = ui_test_find_button (child, label);

      if (button != NULL)
        return button;
    }
  return NULL;
}

/* Clicks the button of a message dialog's response, as a user would. */
static inline void
ui_test_click_response (GtkWindow  *dialog,
                        const char *id)
{
  const char *label = adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), id);
  GtkWidget *button = ui_test_find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}
