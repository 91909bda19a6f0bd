/* translation-shots.c: screenshots of translation mode on the Theme Matrix and of the Overview's
 * Translations group, and how long translation mode takes to show (translation-shots W H DIR PREFIX
 * [DRAFT]); run it under xvfb-run, with LANGUAGE=es for Spanish. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "csn-application.h"
#include "csn-meeting.h"
#include "csn-texts.h"
#include "csn-translation-summary.h"
#include "csn-window-private.h"
#include "ui-test-util.h"

static void
save_window (GtkWindow  *window,
             const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
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

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

/* Translations as a translator would leave them: most titles done, one made before the source changed. */
static void
translate_some (CsnDraft *draft)
{
  g_autoptr(GPtrArray) texts = csn_draft_list_texts (draft);
  gboolean english = csn_meeting_get_language (csn_draft_get_meeting (draft)) == CSN_LANGUAGE_EN;
  CsnLanguage target = english ? CSN_LANGUAGE_ES : CSN_LANGUAGE_EN;
  guint n_done = 0;

  for (guint i = 0; i < texts->len && n_done < 5; i++)
    {
      CsnText *text = g_ptr_array_index (texts, i);
      const char *property = csn_field_get_property_name (text->field, NULL);
      g_autofree char *translation = NULL;

      if (!g_str_equal (text->page, "theme-matrix") || !g_str_equal (text->field->key, "title"))
        continue;
      translation = g_strdup_printf (english ? "Tema %u traducido" : "Translated theme %u", n_done + 1);
      csn_draft_set_translation (draft, text->item, text->field, target, translation);
      if (n_done == 1)
        {
          g_autofree char *changed = g_strconcat (csn_item_get_string (text->item, property), " (revisado)", NULL);

          csn_draft_set_string (draft, text->item, property, changed);
        }
      n_done++;
    }
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
  gint64 start;
  gboolean painted = FALSE;
  gulong paint_id;
  GdkFrameClock *clock;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CONSENSO_LOCALEDIR") != NULL ? g_getenv ("CONSENSO_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  ui_test_init (&argc, &argv);
  setlocale (LC_ALL, "");
  if (argc < 5)
    {
      g_printerr ("usage: translation-shots WIDTH HEIGHT DIRECTORY PREFIX [DRAFT]\n");
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
      translate_some (draft);
    }
  else
    {
      g_autoptr(GFile) gfile = g_file_new_for_commandline_arg (file);
      g_autoptr(GError) error = NULL;

      draft = csn_draft_load_from_file (gfile, &error);
      g_assert_no_error (error);
      translate_some (draft);
    }

  window = csn_window_new (application, draft);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  settle ();

  /* The Overview, scrolled to its Translations group. */
  {
    g_autofree char *path = g_strdup_printf ("%s/%s-overview-translations.png", directory, prefix);
    GtkWidget *overview = csn_window_get_page (window, "overview");
    GtkWidget *summary = ui_test_find_widget (overview, CSN_TYPE_TRANSLATION_SUMMARY, NULL);
    GtkWidget *scroller = gtk_widget_get_ancestor (summary, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    graphene_point_t point;

    if (gtk_widget_compute_point (summary, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                  &GRAPHENE_POINT_INIT (0, 0), &point))
      gtk_adjustment_set_value (adjustment, point.y - 24);
    settle ();
    save_window (GTK_WINDOW (window), path);
  }

  csn_window_show_page (window, "theme-matrix");
  settle ();
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  start = g_get_monotonic_time ();
  csn_window_set_translation_mode (window, TRUE);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_print ("translation mode on the Theme Matrix: %u texts listed, first frame after %.1f ms\n",
           g_list_model_get_n_items (csn_translation_view_get_units (window->translation_view)),
           (g_get_monotonic_time () - start) / 1000.0);
  g_signal_handler_disconnect (clock, paint_id);

  /* The largest page of the large draft, and an edit there: the list follows it in an idle. */
  start = g_get_monotonic_time ();
  csn_window_show_page (window, "strategies");
  g_print ("Strategies: %u texts listed after %.1f ms\n",
           g_list_model_get_n_items (csn_translation_view_get_units (window->translation_view)),
           (g_get_monotonic_time () - start) / 1000.0);
  {
    g_autoptr(CsnTranslationUnit) unit = g_list_model_get_item (csn_translation_view_get_units (window->translation_view), 0);

    start = g_get_monotonic_time ();
    csn_draft_set_translation (draft, csn_translation_unit_get_item (unit), csn_translation_unit_get_field (unit),
                               CSN_LANGUAGE_EN, "Workshop");
    g_print ("the edit itself: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
    {
      gint64 edited = g_get_monotonic_time ();

      csn_draft_set_string (draft, csn_translation_unit_get_item (unit), "notes", "Una nota");
      g_print ("for comparison, an edit of a strategy's notes: %.1f ms\n", (g_get_monotonic_time () - edited) / 1000.0);
      csn_draft_undo (draft);
    }
    {
      gint64 listed = g_get_monotonic_time ();
      g_autoptr(GPtrArray) texts = csn_draft_list_texts (draft);

      g_print ("listing the draft's %u texts: %.1f ms\n", texts->len, (g_get_monotonic_time () - listed) / 1000.0);
    }
    start = g_get_monotonic_time ();
    g_list_model_get_n_items (csn_translation_view_get_units (window->translation_view));
    g_print ("the list brought in line after edits: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
    csn_draft_undo (draft);
  }
  csn_window_show_page (window, "theme-matrix");
  csn_translation_view_next_untranslated (window->translation_view);
  csn_translation_view_next_untranslated (window->translation_view);
  settle ();
  {
    g_autofree char *path = g_strdup_printf ("%s/%s-translation-theme-matrix.png", directory, prefix);

    save_window (GTK_WINDOW (window), path);
  }
  return 0;
}
