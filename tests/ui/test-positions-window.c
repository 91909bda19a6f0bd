/* test-positions-window.c: the member states' positions in the window: the Overview's items with
 * objections lead to their positions, and undo shows the position it changed. */
#include "config.h"

#include "csn-answers-summary.h"
#include "csn-describe.h"
#include "csn-position.h"
#include "csn-position-index.h"
#include "csn-positions-list.h"
#include "csn-recovery.h"
#include "csn-strategies-page.h"
#include "csn-theme-matrix-page.h"
#include "positions-sample.h"
#include "ui-test-util.h"

static CsnApplication *app;

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (root) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static CsnPositionsList *
get_positions_list (CsnWindow  *window,
                    const char *page)
{
  return CSN_POSITIONS_LIST (ui_test_find_widget (csn_window_get_page (window, page), CSN_TYPE_POSITIONS_LIST, NULL));
}

/* An item with objections on the Overview opens its page at its positions. */
static void
test_overview_goes_to_item (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnWindow *window;
  CsnItem *strategy, *theme;
  g_autofree char *title = NULL;
  GtkWidget *row;

  positions_sample_fill (draft);
  window = ui_test_open_window (app, draft);
  strategy = csn_draft_lookup (draft, CSN_COLLECTION_STRATEGIES, "strategy-2");
  theme = csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "theme-3");

  csn_window_show_page (window, "overview");
  title = csn_describe_item (draft, strategy);
  g_assert_true (g_str_has_prefix (title, "Strategy 2 “"));
  UI_TEST_WAIT_UNTIL ((row = find_row (csn_window_get_page (window, "overview"), title)) != NULL);
  g_signal_emit_by_name (row, "activated");
  g_assert_cmpstr (csn_window_get_visible_page (window), ==, "strategies");
  g_assert_cmpstr (csn_strategies_page_get_columns (CSN_STRATEGIES_PAGE (csn_window_get_page (window, "strategies"))),
                   ==, "positions");
  UI_TEST_WAIT_UNTIL (csn_positions_list_get_item (get_positions_list (window, "strategies")) == strategy);

  csn_window_reveal (window, theme, "positions");
  g_assert_cmpstr (csn_window_get_visible_page (window), ==, "theme-matrix");
  g_assert_cmpstr (csn_theme_matrix_page_get_country_view (CSN_THEME_MATRIX_PAGE (csn_window_get_page (window,
                                                                                                    "theme-matrix"))),
                   ==, "positions");
  UI_TEST_WAIT_UNTIL (csn_positions_list_get_item (get_positions_list (window, "theme-matrix")) == theme);
  ui_test_close_window (window);
}

/* Undo of a position's edit on another page shows the page and the position. */
static void
test_undo_shows_position (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  CsnPositionIndex *index = csn_position_index_get_for_draft (draft);
  CsnWindow *window;
  CsnItem *mechanism;
  CsnPosition *position;

  positions_sample_fill (draft);
  window = ui_test_open_window (app, draft);
  mechanism = csn_draft_lookup (draft, CSN_COLLECTION_MECHANISMS, "mechanism-1");
  position = csn_position_index_lookup (index, "mechanism-1", "PA");
  csn_draft_note_position (draft, mechanism, "PA", CSN_STANCE_OBJECTS, "Panamá pide revisar el calendario.");
  csn_window_show_page (window, "overview");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (csn_position_get_stance (position), ==, CSN_STANCE_SUPPORTS_WITH_RESERVATION);
  g_assert_cmpstr (csn_window_get_visible_page (window), ==, "mechanisms");
  UI_TEST_WAIT_UNTIL (csn_positions_list_get_item (get_positions_list (window, "mechanisms")) == mechanism);
  UI_TEST_WAIT_UNTIL (csn_positions_list_get_selected (get_positions_list (window, "mechanisms")) == CSN_ITEM (position));
  ui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ui_test_setup_home ();
  ui_test_init (&argc, &argv);
  app = ui_test_create_application ();
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/positions-window/overview-goes-to-item", test_overview_goes_to_item);
  g_test_add_func ("/positions-window/undo-shows-position", test_undo_shows_position);

  status = g_test_run ();
  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  ui_test_teardown_home ();
  return status;
}
