/* test-preferences.c: the Preferences window writes GSettings, and the chosen language is applied. */
#include "config.h"

#include <adwaita.h>

#include "csn-preferences-window.h"
#include "csn-resources.h"
#include "csn-settings.h"

static void
flush_events (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gpointer
find_child_of_type (GtkWidget *root,
                    GType      type,
                    guint      skip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          if (skip == 0)
            return child;
          skip--;
        }
      found = find_child_of_type (child, type, skip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_rows_write_settings (void)
{
  g_autoptr(GSettings) settings = csn_settings_new ();
  CsnPreferencesWindow *window;
  AdwComboRow *language_row, *export_row;
  GtkSpinButton *spin;

  g_assert_nonnull (settings);
  g_settings_reset (settings, "language");
  g_settings_reset (settings, "export-language");
  g_settings_reset (settings, "autosave-delay");

  window = csn_preferences_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  flush_events ();

  language_row = find_child_of_type (GTK_WIDGET (window), ADW_TYPE_COMBO_ROW, 0);
  export_row = find_child_of_type (GTK_WIDGET (window), ADW_TYPE_COMBO_ROW, 1);
  spin = find_child_of_type (GTK_WIDGET (window), GTK_TYPE_SPIN_BUTTON, 0);
  g_assert_nonnull (language_row);
  g_assert_nonnull (export_row);
  g_assert_nonnull (spin);

  /* The defaults show: System, Spanish, 2 seconds. */
  g_assert_cmpuint (adw_combo_row_get_selected (language_row), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (export_row), ==, 0);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 2);

  adw_combo_row_set_selected (language_row, 2);
  adw_combo_row_set_selected (export_row, 1);
  gtk_spin_button_set_value (spin, 7);
  flush_events ();

  {
    g_autofree char *language = g_settings_get_string (settings, "language");
    g_autofree char *export_language = g_settings_get_string (settings, "export-language");

    g_assert_cmpstr (language, ==, "en");
    g_assert_cmpstr (export_language, ==, "en");
    g_assert_cmpuint (g_settings_get_uint (settings, "autosave-delay"), ==, 7);
  }

  /* And settings changed elsewhere show in the window. */
  g_settings_set_string (settings, "language", "es");
  flush_events ();
  g_assert_cmpuint (adw_combo_row_get_selected (language_row), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
}

/* The name saved copies record: typed in its row, kept in "saved-by", shown when changed elsewhere. */
static void
test_saved_by_row (void)
{
  g_autoptr(GSettings) settings = csn_settings_new ();
  CsnPreferencesWindow *window;
  AdwEntryRow *row;

  g_settings_reset (settings, "saved-by");
  window = csn_preferences_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  flush_events ();

  row = find_child_of_type (GTK_WIDGET (window), ADW_TYPE_ENTRY_ROW, 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Your Name in Saved Copies");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");

  gtk_editable_set_text (GTK_EDITABLE (row), "México");
  flush_events ();
  {
    g_autofree char *saved_by = g_settings_get_string (settings, "saved-by");

    g_assert_cmpstr (saved_by, ==, "México");
  }

  g_settings_set_string (settings, "saved-by", "ST");
  flush_events ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "ST");

  gtk_window_destroy (GTK_WINDOW (window));
  flush_events ();
  g_settings_reset (settings, "saved-by");
}

static void
test_language_applied_at_start (void)
{
  g_autoptr(GSettings) settings = csn_settings_new ();

  g_setenv ("LANGUAGE", "de", TRUE);
  g_settings_set_string (settings, "language", "system");
  csn_settings_apply_language ();
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "de");

  g_settings_set_string (settings, "language", "es");
  csn_settings_apply_language ();
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "es");

  g_settings_set_string (settings, "language", "en");
  csn_settings_apply_language ();
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "en");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Keeps the linker from dropping the GUI resources of the static library. */
  g_assert_nonnull (csn_get_resource ());

  g_test_add_func ("/preferences/rows-write-settings", test_rows_write_settings);
  g_test_add_func ("/preferences/saved-by-row", test_saved_by_row);
  g_test_add_func ("/preferences/language-applied-at-start", test_language_applied_at_start);

  return g_test_run ();
}
