/* positions-shots.c: screenshots of the member states' positions in the window (the strips on
 * the four agenda pages, the shared editor, the details, the Overview's answers), to look at them
 * in both languages and at several screen sizes. Not a test.
 * Usage (under xvfb-run, with the test environment): positions-shots OUTDIR WIDTH HEIGHT */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "csn-answers-summary.h"
#include "csn-recovery.h"
#include "csn-stance-editor.h"
#include "csn-stance-strip.h"
#include "positions-sample.h"
#include "ui-test-util.h"

static const char *out_dir;
static int width, height;

static CsnItem *
lookup (CsnDraft   *draft,
        const char *key)
{
  return csn_draft_lookup (draft, CSN_COLLECTION_AGENDA, key);
}

static GtkWidget *
find_strip (GtkWidget *root,
            CsnItem   *item)
{
  GtkWidget *strip = NULL;

  UI_TEST_WAIT_UNTIL ((strip = GTK_WIDGET (ui_test_find_typed_cell (root, CSN_TYPE_STANCE_STRIP, item, NULL))) != NULL);
  return strip;
}

/* Scrolls the Overview down to the delegations' answers. */
static void
scroll_to_answers (GtkWidget *overview)
{
  GtkWidget *summary = ui_test_find_widget (overview, CSN_TYPE_ANSWERS_SUMMARY, NULL);
  GtkWidget *scroller = gtk_widget_get_ancestor (summary, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t point;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ui_test_find_widget (summary, ADW_TYPE_EXPANDER_ROW, NULL)), TRUE);
  UI_TEST_WAIT_UNTIL (gtk_widget_get_height (summary) > 400);
  g_assert_true (gtk_widget_compute_point (summary, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y - 12);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CsnDraft) draft = NULL;
  CsnApplication *app;
  CsnWindow *window;
  GtkWidget *page, *strip, *popover;
  const char *localedir = g_getenv ("CONSENSO_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  ui_test_setup_home ();
  ui_test_init (&argc, &argv);
  if (argc != 4)
    {
      g_printerr ("usage: positions-shots OUTDIR WIDTH HEIGHT\n");
      return 2;
    }
  out_dir = argv[1];
  width = atoi (argv[2]);
  height = atoi (argv[3]);
  app = ui_test_create_application ();
  g_application_hold (G_APPLICATION (app));

  draft = csn_draft_new_from_template ();
  positions_sample_fill (draft);
  window = csn_window_new (app, draft);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  ui_test_present_window (GTK_WINDOW (window));

  /* The Overview: who answered, what they object to. */
  csn_window_show_page (window, "overview");
  scroll_to_answers (csn_window_get_page (window, "overview"));
  ui_test_shoot (GTK_WIDGET (window), out_dir, "1-overview-answers");

  /* The theme matrix as Day 1 left it: who raised each theme. */
  csn_window_show_page (window, "theme-matrix");
  ui_test_shoot (GTK_WIDGET (window), out_dir, "2a-matrix-raised");

  /* The theme matrix: agreed though México objects, and its positions in the details. */
  csn_window_reveal (window, lookup (draft, "theme-1"), "positions");
  ui_test_shoot (GTK_WIDGET (window), out_dir, "2-matrix-conflict");

  /* The shared editor, on México's mark. */
  page = csn_window_get_page (window, "theme-matrix");
  strip = find_strip (page, lookup (draft, "theme-1"));
  csn_stance_strip_set_current (CSN_STANCE_STRIP (strip), 7);
  gtk_widget_grab_focus (strip);
  csn_stance_strip_edit (CSN_STANCE_STRIP (strip), 7);
  UI_TEST_WAIT_UNTIL ((popover = ui_test_find_widget (strip, CSN_TYPE_STANCE_EDITOR, NULL)) != NULL &&
                      gtk_widget_get_mapped (popover));
  ui_test_shoot (GTK_WIDGET (window), out_dir, "3-matrix-editor");
  gtk_popover_popdown (GTK_POPOVER (popover));

  csn_window_reveal (window, lookup (draft, "theme-3"), "positions");
  ui_test_shoot (GTK_WIDGET (window), out_dir, "4-matrix-stances");

  csn_window_reveal (window, lookup (draft, "strategy-1"), "positions");
  ui_test_shoot (GTK_WIDGET (window), out_dir, "5-strategies");

  csn_window_reveal (window, lookup (draft, "mechanism-1"), "positions");
  ui_test_shoot (GTK_WIDGET (window), out_dir, "6-mechanisms");

  csn_window_reveal (window, lookup (draft, "proposal-st-1"), "positions");
  ui_test_shoot (GTK_WIDGET (window), out_dir, "7-actors");

  csn_recovery_discard (csn_window_get_recovery (window));
  ui_test_destroy_window (GTK_WINDOW (window));
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  ui_test_teardown_home ();
  return 0;
}
