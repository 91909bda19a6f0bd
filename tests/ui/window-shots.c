/* window-shots.c: saves a PNG of every page of the editor window at a given size, to look at them. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "csn-application.h"
#include "csn-help-window.h"
#include "csn-participant.h"
#include "csn-resources.h"
#include "csn-window.h"
#include "ui-test-util.h"

static const char * const pages[] = {
  "overview", "theme-matrix", "strategies", "mechanisms", "actors", "delegations", "endorsements", "document",
};

/* Some edits, as a user would make them, so that the pages show more than the template. */
static void
fill_demo (CsnDraft *draft)
{
  const char *raised[][3] = { { "MX", "GT", "SV" }, { "MX", "HN", "US" }, { "PA", "CR", NULL },
                              { "MX", "GT", "HN" }, { "CA", "US", "MX" }, { "NI", NULL, NULL },
                              { "DO", "MX", NULL } };
  const char *names[] = { "Ana Pérez", "Luis Gómez", "Marta Ruiz", "Jorge Díaz" };
  GListModel *themes = csn_draft_get_collection (draft, CSN_COLLECTION_THEMES);

  for (guint i = 0; i < g_list_model_get_n_items (themes) && i < G_N_ELEMENTS (raised); i++)
    {
      g_autoptr(CsnItem) theme = g_list_model_get_item (themes, i);

      for (guint j = 0; j < 3 && raised[i][j] != NULL; j++)
        csn_draft_set_in_list (draft, theme, "raised-by", raised[i][j], TRUE);
      csn_draft_set_enum (draft, theme, "horizon", i % 3 == 2 ? 2 : (int) (i % 2));
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CsnItem) participant = g_object_new (CSN_TYPE_PARTICIPANT,
                                                     "name", names[i], "country", "DO",
                                                     "position", "Dirección General de Migración",
                                                     "role", i == 0 ? 0 : 1, NULL);

      csn_draft_append (draft, CSN_COLLECTION_PARTICIPANTS, participant);
    }
}

static void
save_window (GtkWindow  *window,
             const char *path)
{
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  /* The window's last frame: none while a redraw is pending (a scroll bar fading out), so wait for
   * the next one. */
  while (node == NULL && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        g_main_context_iteration (NULL, TRUE);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_save_to_png (texture, path);
}

static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CsnApplication) application = NULL;
  g_autoptr(CsnDraft) draft = NULL;
  CsnWindow *window;
  const char *directory, *prefix, *file;
  int width, height;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CONSENSO_LOCALEDIR") != NULL ? g_getenv ("CONSENSO_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  ui_test_init (&argc, &argv);
  setlocale (LC_ALL, "");
  if (argc < 5)
    {
      g_printerr ("usage: window-shots WIDTH HEIGHT DIRECTORY PREFIX [DRAFT|blank]\n");
      return 2;
    }
  width = atoi (argv[1]);
  height = atoi (argv[2]);
  directory = argv[3];
  prefix = argv[4];
  file = argc > 5 ? argv[5] : NULL;

  application = ui_test_create_application ();
  if (file == NULL)
    {
      draft = csn_draft_new_from_template ();
      fill_demo (draft);
    }
  else if (g_str_equal (file, "blank"))
    draft = csn_application_create_blank_draft ();
  else
    {
      g_autoptr(GFile) gfile = g_file_new_for_commandline_arg (file);
      g_autoptr(GError) error = NULL;

      draft = csn_draft_load_from_file (gfile, &error);
      g_assert_no_error (error);
    }

  window = csn_window_new (application, draft);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s.png", prefix, pages[i]);
      g_autofree char *path = g_build_filename (directory, name, NULL);

      csn_window_show_page (window, pages[i]);
      settle ();
      save_window (GTK_WINDOW (window), path);

      /* The end of the Overview too: its Translations and Still Open groups. */
      if (i == 0)
        {
          g_autofree char *end_name = g_strdup_printf ("%s-overview-end.png", prefix);
          g_autofree char *end_path = g_build_filename (directory, end_name, NULL);
          /* The page's own scroller, around the Still Open list's. */
          GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (ui_test_find_widget (csn_window_get_page (window, pages[i]),
                                                                                  GTK_TYPE_SCROLLED_WINDOW, NULL));
          GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
          settle ();
          save_window (GTK_WINDOW (window), end_path);
          gtk_adjustment_set_value (adjustment, 0);
        }
    }

  /* The Keyboard Shortcuts window (Ctrl+?), which the window makes when first asked for. GTK 4.8's
   * shortcuts window warns that one of its labels has a negative minimum width: not fatal here. */
  {
    g_autofree char *name = g_strdup_printf ("%s-shortcuts.png", prefix);
    g_autofree char *path = g_build_filename (directory, name, NULL);
    GLogLevelFlags fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
    GtkWindow *shortcuts;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
    settle ();
    shortcuts = ui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
    if (shortcuts != NULL)
      {
        save_window (shortcuts, path);
        gtk_window_close (shortcuts);
      }
    g_log_set_always_fatal (fatal);
  }

  /* And the user guide that F1 opens. */
  {
    g_autofree char *name = g_strdup_printf ("%s-help.png", prefix);
    g_autofree char *path = g_build_filename (directory, name, NULL);
    GtkWindow *help;

    g_action_group_activate_action (G_ACTION_GROUP (application), "help", NULL);
    settle ();
    help = ui_test_find_toplevel (CSN_TYPE_HELP_WINDOW);
    if (help != NULL)
      save_window (help, path);
  }
  return 0;
}
