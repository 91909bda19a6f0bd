/* test-move-theme.c: moving a theme in the window by button, by Alt+↓ and by drag, then undo and redo,
 * with every page bound to the draft: no view writes to the draft while the history applies a step. */
#include "config.h"

#include "csn-history.h"
#include "csn-recovery.h"
#include "csn-theme-matrix-page.h"
#include "ui-test-util.h"

typedef enum {
  ROUTE_BUTTON,
  ROUTE_KEYS,
  ROUTE_DRAG,
} Route;

static CsnApplication *app;

typedef struct
{
  CsnDraft  *draft;
  CsnWindow *window;
  GtkWidget *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->draft = csn_draft_new_from_template ();
  fixture->window = csn_window_new (app, fixture->draft);
  gtk_window_present (GTK_WINDOW (fixture->window));

  /* Every page has shown its rows once, as after a person looked at each of them. */
  for (const char * const *name = (const char * const[]) { "strategies", "actors", "theme-matrix", NULL };
       *name != NULL; name++)
    {
      GtkWidget *page = csn_window_get_page (fixture->window, *name);

      csn_window_show_page (fixture->window, *name);
      UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (page) && ui_test_lists_bound (page));
    }
  fixture->page = csn_window_get_page (fixture->window, "theme-matrix");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  csn_recovery_discard (csn_window_get_recovery (fixture->window));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  UI_TEST_WAIT_UNTIL (ui_test_find_toplevel (CSN_TYPE_WINDOW) == NULL);
  g_clear_object (&fixture->draft);
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

/* Drops @theme on the row of @onto, as a drag by the row's handle ends. */
static void
drop_theme (Fixture *fixture,
            CsnItem *theme,
            CsnItem *onto)
{
  GtkWidget *column_view = GTK_WIDGET (csn_list_page_get_column_view (CSN_LIST_PAGE (fixture->page)));
  GtkDropTarget *target = find_drop_target (column_view);
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  CsnCell *onto_cell;
  double x, y;

  g_assert_nonnull (target);
  UI_TEST_WAIT_UNTIL ((onto_cell = ui_test_find_typed_cell (column_view, CSN_TYPE_CELL, onto, "title")) != NULL);
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (onto_cell), column_view, 4, 4, &x, &y));

  g_value_init (&value, CSN_TYPE_ITEM);
  g_value_set_object (&value, theme);
  g_signal_emit_by_name (target, "drop", &value, x, y, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
}

static void
move_down (Fixture *fixture,
           Route    route,
           CsnItem *theme,
           CsnItem *next)
{
  switch (route)
    {
    case ROUTE_BUTTON:
      {
        GtkWidget *button = ui_test_find_action_button (fixture->page, "matrix.move-down");

        g_assert_nonnull (button);
        UI_TEST_WAIT_UNTIL (gtk_widget_is_sensitive (button));
        g_signal_emit_by_name (button, "clicked");
      }
      break;

    case ROUTE_KEYS:
      {
        GtkWidget *focus;

        UI_TEST_WAIT_UNTIL ((focus = gtk_root_get_focus (GTK_ROOT (fixture->window))) != NULL &&
                            gtk_widget_is_ancestor (focus, fixture->page));
        g_assert_true (ui_test_press_keys (focus, GDK_KEY_Down, GDK_ALT_MASK));
      }
      break;

    case ROUTE_DRAG:
      drop_theme (fixture, theme, next);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* The theme each strategy addresses, in the strategies' order. */
static GStrv
dup_addressed_themes (CsnDraft *draft)
{
  GListModel *strategies = csn_draft_get_collection (draft, CSN_COLLECTION_STRATEGIES);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (strategies); i++)
    {
      g_autoptr(CsnItem) strategy = g_list_model_get_item (strategies, i);

      g_strv_builder_add (builder, csn_item_get_string (strategy, "theme"));
    }
  return g_strv_builder_end (builder);
}

static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  Route route = GPOINTER_TO_INT (data);
  CsnHistory *history = csn_draft_get_history (fixture->draft);
  CsnItem *first = ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 0);
  CsnItem *second = ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 1);
  g_auto(GStrv) addressed = dup_addressed_themes (fixture->draft);

  g_assert_cmpstr (csn_window_get_visible_page (fixture->window), ==, "theme-matrix");
  csn_theme_matrix_page_reveal (CSN_THEME_MATRIX_PAGE (fixture->page), first, "title");

  move_down (fixture, route, first, second);
  g_assert_true (ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 1) == first);
  g_assert_true (ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 0) == second);
  /* One step, and only the move: no view wrote its own value back into the draft. */
  g_assert_true (csn_history_can_undo (history));
  g_assert_nonnull (strstr (csn_history_get_undo_label (history), "Move"));
  ui_test_flush ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_true (ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 0) == first);
  g_assert_false (csn_history_can_undo (history));
  ui_test_flush ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  g_assert_true (ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 1) == first);
  g_assert_false (csn_history_can_redo (history));
  ui_test_flush ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_true (ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 0) == first);
  g_assert_false (csn_history_can_undo (history));
  g_assert_false (csn_draft_get_modified (fixture->draft));

  /* Every strategy still addresses the theme it addressed. */
  {
    g_auto(GStrv) after = dup_addressed_themes (fixture->draft);

    g_assert_cmpstrv (after, addressed);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  ui_test_setup_home ();
  ui_test_init (&argc, &argv);
  app = ui_test_create_application ();

  g_test_add ("/move-theme/button", Fixture, GINT_TO_POINTER (ROUTE_BUTTON),
              fixture_set_up, test_move, fixture_tear_down);
  g_test_add ("/move-theme/alt-down", Fixture, GINT_TO_POINTER (ROUTE_KEYS),
              fixture_set_up, test_move, fixture_tear_down);
  g_test_add ("/move-theme/drag", Fixture, GINT_TO_POINTER (ROUTE_DRAG),
              fixture_set_up, test_move, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&app);
  ui_test_teardown_home ();
  return status;
}
