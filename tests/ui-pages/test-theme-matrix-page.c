/* test-theme-matrix-page.c: editing themes through the theme matrix's widgets, with undo and redo. */
#include "config.h"

#include "csn-check-cell.h"
#include "csn-enum-cell.h"
#include "csn-enums.h"
#include "csn-history.h"
#include "csn-label-cell.h"
#include "csn-list-page.h"
#include "csn-position-cell.h"
#include "csn-positions-list.h"
#include "csn-problem.h"
#include "csn-ref-cell.h"
#include "csn-text-area-cell.h"
#include "csn-text-cell.h"
#include "csn-theme.h"
#include "csn-theme-details.h"
#include "csn-theme-matrix-page.h"
#include "csn-theme-summary.h"
#include "csn-tooltip-util.h"
#include "csn-validate.h"
#include "csn-validation.h"
#include "ui-test-util.h"

typedef UiPageFixture Fixture;

static void
test_set_horizon (Fixture       *fixture,
                  gconstpointer  data)
{
  CsnItem *theme = ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 0);
  CsnCell *cell = ui_test_find_cell (fixture->page, theme, "horizon");
  CsnChoiceCell *choice;

  g_assert_nonnull (cell);
  choice = CSN_CHOICE_CELL (cell);
  g_assert_cmpint (csn_item_get_enum (theme, "horizon"), ==, CSN_HORIZON_UNDECIDED);
  g_assert_cmpstr (csn_choice_cell_get_text (choice), ==, "Undecided");

  g_assert_true (ui_test_choose (cell, "Short term"));
  UI_TEST_WAIT_UNTIL (csn_item_get_enum (theme, "horizon") == CSN_HORIZON_SHORT_TERM);
  g_assert_cmpstr (csn_choice_cell_get_text (choice), ==, "Short term");

  g_assert_true (csn_draft_undo (fixture->draft));
  UI_TEST_WAIT_UNTIL (g_str_equal (csn_choice_cell_get_text (choice), "Undecided"));
  g_assert_cmpint (csn_item_get_enum (theme, "horizon"), ==, CSN_HORIZON_UNDECIDED);

  g_assert_true (csn_draft_redo (fixture->draft));
  UI_TEST_WAIT_UNTIL (g_str_equal (csn_choice_cell_get_text (choice), "Short term"));
  g_assert_cmpint (csn_item_get_enum (theme, "horizon"), ==, CSN_HORIZON_SHORT_TERM);
  /* Following the model did not add steps of its own. */
  g_assert_false (csn_draft_redo (fixture->draft));
}

static void
test_tick_country (Fixture       *fixture,
                   gconstpointer  data)
{
  CsnItem *theme = ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 1);
  CsnCell *check = ui_test_find_check_cell (fixture->page, theme, "MX");
  CsnCell *count = ui_test_find_typed_cell (fixture->page, CSN_TYPE_LABEL_CELL, theme, "raised-by");
  GtkCheckButton *button;

  g_assert_nonnull (check);
  g_assert_nonnull (count);
  button = csn_check_cell_get_button (CSN_CHECK_CELL (check));
  g_assert_false (gtk_check_button_get_active (button));
  g_assert_false (csn_item_strv_contains (theme, "raised-by", "MX"));
  g_assert_cmpstr (csn_label_cell_get_text (CSN_LABEL_CELL (count)), ==, "0");

  gtk_widget_activate (GTK_WIDGET (button));
  UI_TEST_WAIT_UNTIL (g_strcmp0 (csn_label_cell_get_text (CSN_LABEL_CELL (count)), "1") == 0);
  g_assert_true (csn_item_strv_contains (theme, "raised-by", "MX"));
  g_assert_true (gtk_check_button_get_active (button));

  g_assert_true (csn_draft_undo (fixture->draft));
  UI_TEST_WAIT_UNTIL (g_strcmp0 (csn_label_cell_get_text (CSN_LABEL_CELL (count)), "0") == 0);
  g_assert_false (csn_item_strv_contains (theme, "raised-by", "MX"));
  g_assert_false (gtk_check_button_get_active (button));

  g_assert_true (csn_draft_redo (fixture->draft));
  UI_TEST_WAIT_UNTIL (g_strcmp0 (csn_label_cell_get_text (CSN_LABEL_CELL (count)), "1") == 0);
  g_assert_true (csn_item_strv_contains (theme, "raised-by", "MX"));
  g_assert_true (gtk_check_button_get_active (button));
  g_assert_cmpstr (csn_label_cell_get_text (CSN_LABEL_CELL (count)), ==, "1");
  g_assert_false (csn_draft_redo (fixture->draft));
}

static void
test_country_columns (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *column_view = ui_test_find_widget (fixture->page, GTK_TYPE_COLUMN_VIEW, NULL);
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (column_view));
  guint n_columns = g_list_model_get_n_items (columns);
  guint n_members = 0;

  for (guint i = 0; i < ui_test_count (fixture->draft, CSN_COLLECTION_COUNTRIES); i++)
    if (csn_item_get_enum (ui_test_get_item (fixture->draft, CSN_COLLECTION_COUNTRIES, i),
                           "membership") == CSN_MEMBERSHIP_MEMBER)
      n_members++;
  g_assert_cmpuint (n_members, ==, 11);
  /* No., title, pillar, horizon, consensus, 11 countries, count, positions. */
  g_assert_cmpuint (n_columns, ==, 7 + n_members);
  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (i == 5)
        g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, "BZ");
      if (i == 15)
        g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, "DO");
    }

  /* The header of a country column tells the country's name. */
  {
    GtkWidget *header = gtk_widget_get_first_child (column_view);
    CsnItem *mexico = csn_draft_lookup (fixture->draft, CSN_COLLECTION_COUNTRIES, "MX");
    g_autofree char *name = csn_item_dup_title (mexico);
    gboolean found = FALSE;

    for (GtkWidget *title = gtk_widget_get_first_child (header); title != NULL;
         title = gtk_widget_get_next_sibling (title))
      {
        GtkWidget *label = ui_test_find_widget (title, GTK_TYPE_LABEL, NULL);

        if (label != NULL && g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), "MX") == 0)
          {
            g_assert_cmpstr (csn_widget_get_lazy_tooltip (title), ==, name);
            g_assert_true (gtk_widget_get_has_tooltip (title));
            found = TRUE;
          }
      }
    g_assert_true (found);
  }

  /* Replacing the draft rebuilds the columns instead of adding more. */
  {
    g_autoptr(CsnDraft) other = csn_draft_new_from_template ();

    csn_list_page_set_draft (CSN_LIST_PAGE (fixture->page), other);
    UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (columns) == 7 + n_members && ui_test_lists_bound (fixture->page));
    csn_list_page_set_draft (CSN_LIST_PAGE (fixture->page), NULL);
    UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (columns) == 7);
    csn_list_page_set_draft (CSN_LIST_PAGE (fixture->page), fixture->draft);
    UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (columns) == 7 + n_members && ui_test_lists_bound (fixture->page));
  }
}

static void
test_add_move_remove (Fixture       *fixture,
                      gconstpointer  data)
{
  guint n_themes = ui_test_count (fixture->draft, CSN_COLLECTION_THEMES);
  guint n_strategies = ui_test_count (fixture->draft, CSN_COLLECTION_STRATEGIES);
  CsnItem *first = ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 0);
  CsnItem *added;
  CsnCell *title;

  /* Add after the selected theme (the first). */
  csn_theme_matrix_page_reveal (CSN_THEME_MATRIX_PAGE (fixture->page), first, "title");
  g_assert_true (csn_list_page_get_selected (CSN_LIST_PAGE (fixture->page)) == first);
  g_assert_true (gtk_widget_activate_action (fixture->page, "matrix.add", NULL));
  g_assert_cmpuint (ui_test_count (fixture->draft, CSN_COLLECTION_THEMES), ==, n_themes + 1);
  added = ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 1);
  g_assert_true (g_regex_match_simple ("^theme-[0-9a-f]{8}$", csn_item_get_key (added), 0, 0));
  /* No pillar until the group chooses one: the drop-down says so, and the theme is still open. */
  g_assert_cmpstr (csn_item_get_string (added, "pillar"), ==, "");
  {
    CsnCell *pillar = NULL;
    g_autoptr(GListModel) problems = csn_draft_validate (fixture->draft);
    gboolean listed = FALSE;

    UI_TEST_WAIT_UNTIL ((pillar = ui_test_find_typed_cell (fixture->page, CSN_TYPE_REF_CELL, added, "pillar")) != NULL);
    g_assert_cmpstr (csn_choice_cell_get_text (CSN_CHOICE_CELL (pillar)), ==, "Not chosen");
    for (guint i = 0; i < g_list_model_get_n_items (problems); i++)
      {
        g_autoptr(CsnProblem) problem = g_list_model_get_item (problems, i);

        listed |= csn_problem_get_item (problem) == added &&
                  g_strcmp0 (csn_problem_get_property_name (problem), "pillar") == 0;
      }
    g_assert_true (listed);
  }
  UI_TEST_WAIT_UNTIL ((title = ui_test_find_typed_cell (fixture->page, CSN_TYPE_TEXT_CELL, added, "title")) != NULL &&
                      gtk_widget_get_focus_child (csn_cell_get_control (title)) != NULL);
  g_assert_nonnull (title);
  g_assert_nonnull (gtk_widget_get_focus_child (csn_cell_get_control (title)));

  /* Keyboard reordering: Alt+Down is matrix.move-down on the selected (new) theme. */
  g_assert_true (gtk_widget_activate_action (fixture->page, "matrix.move-down", NULL));
  g_assert_true (ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 2) == added);
  g_assert_true (gtk_widget_activate_action (fixture->page, "matrix.move-up", NULL));
  g_assert_true (gtk_widget_activate_action (fixture->page, "matrix.move-up", NULL));
  g_assert_true (ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 0) == added);
  /* At the top, moving up is disabled. */
  g_assert_false (gtk_widget_is_sensitive (ui_test_find_action_button (fixture->page, "matrix.move-up")));
  g_assert_true (gtk_widget_activate_action (fixture->page, "matrix.move-up", NULL));
  g_assert_true (ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 0) == added);

  g_assert_true (csn_draft_undo (fixture->draft));
  g_assert_true (csn_draft_undo (fixture->draft));
  g_assert_true (csn_draft_undo (fixture->draft));
  g_assert_true (ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 1) == added);
  g_assert_true (csn_draft_undo (fixture->draft));
  g_assert_cmpuint (ui_test_count (fixture->draft, CSN_COLLECTION_THEMES), ==, n_themes);

  /* Removing the first theme removes its two strategies in the same step. */
  csn_theme_matrix_page_reveal (CSN_THEME_MATRIX_PAGE (fixture->page), first, NULL);
  g_assert_true (csn_list_page_get_selected (CSN_LIST_PAGE (fixture->page)) == first);
  g_assert_true (gtk_widget_activate_action (fixture->page, "matrix.remove", NULL));
  g_assert_cmpuint (ui_test_count (fixture->draft, CSN_COLLECTION_THEMES), ==, n_themes - 1);
  g_assert_cmpuint (ui_test_count (fixture->draft, CSN_COLLECTION_STRATEGIES), ==, n_strategies - 2);
  g_assert_true (csn_draft_undo (fixture->draft));
  g_assert_cmpuint (ui_test_count (fixture->draft, CSN_COLLECTION_THEMES), ==, n_themes);
  g_assert_cmpuint (ui_test_count (fixture->draft, CSN_COLLECTION_STRATEGIES), ==, n_strategies);
  g_assert_true (ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 0) == first);
}

/* Tabbing into a title does not select it (the next key would replace it), and a title once
 * edited shows its beginning again. */
static void
test_text_cell_focus (Fixture       *fixture,
                      gconstpointer  data)
{
  CsnItem *first = ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 0);
  CsnItem *second = ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 1);
  CsnCell *first_title = NULL, *second_title = NULL;
  GtkEditable *entry;
  const char *long_title = "Protección consular y derechos humanos de las personas migrantes en tránsito por la región";

  UI_TEST_WAIT_UNTIL ((first_title = ui_test_find_typed_cell (fixture->page, CSN_TYPE_TEXT_CELL, first, "title")) != NULL &&
                      (second_title = ui_test_find_typed_cell (fixture->page, CSN_TYPE_TEXT_CELL, second, "title")) != NULL);

  entry = GTK_EDITABLE (csn_cell_get_control (first_title));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (entry)));
  gtk_editable_set_text (entry, long_title);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (second_title), GTK_DIR_TAB_FORWARD));

  /* The edit is committed, and the field it left shows its beginning. */
  g_assert_cmpstr (csn_item_get_string (first, "title"), ==, long_title);
  g_assert_cmpint (gtk_editable_get_position (entry), ==, 0);

  entry = GTK_EDITABLE (csn_cell_get_control (second_title));
  g_assert_nonnull (gtk_widget_get_focus_child (GTK_WIDGET (entry)));
  g_assert_false (gtk_editable_get_selection_bounds (entry, NULL, NULL));
  g_assert_cmpint (gtk_editable_get_position (entry), ==, 0);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *entry = ui_test_find_widget (fixture->page, GTK_TYPE_SEARCH_ENTRY, NULL);
  GtkWidget *column_view = ui_test_find_widget (fixture->page, GTK_TYPE_COLUMN_VIEW, NULL);
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)));
  guint n_themes = ui_test_count (fixture->draft, CSN_COLLECTION_THEMES);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_themes);
  g_assert_cmpstr (ui_test_list_stack_shown (fixture->page), ==, "list");
  /* Case and accents: "MIGRACIÓN" finds the themes whose title says "Migración". */
  /* The entry reports a search after a short pause in typing: wait for the list to follow. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "MIGRACIÓN LABORAL");
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (model) == 1);
  gtk_editable_set_text (GTK_EDITABLE (entry), "no theme says this");
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (model) == 0);
  g_assert_cmpstr (ui_test_list_stack_shown (fixture->page), ==, "no-results");
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (model) == n_themes);
  g_assert_cmpstr (ui_test_list_stack_shown (fixture->page), ==, "list");
}

static void
test_detail_and_reservations (Fixture       *fixture,
                              gconstpointer  data)
{
  CsnItem *theme = ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 2);
  GListModel *reservations = csn_item_get_children (theme, "reservations");
  CsnCell *notes;
  GtkWidget *text_view;
  g_autofree char *old_notes = g_strdup (csn_item_get_string (theme, "notes"));

  csn_theme_matrix_page_reveal (CSN_THEME_MATRIX_PAGE (fixture->page), theme, "notes");
  UI_TEST_WAIT_UNTIL ((notes = ui_test_find_typed_cell (fixture->page, CSN_TYPE_TEXT_AREA_CELL, theme, "notes")) != NULL &&
                      gtk_widget_has_focus (csn_cell_get_control (notes)));
  text_view = csn_cell_get_control (notes);

  /* Typed notes are committed when focus leaves the field. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), "Revisar en 2012", -1);
  g_assert_cmpstr (csn_item_get_string (theme, "notes"), ==, old_notes);
  gtk_widget_grab_focus (ui_test_find_widget (fixture->page, GTK_TYPE_SEARCH_ENTRY, NULL));
  UI_TEST_WAIT_UNTIL (g_strcmp0 (csn_item_get_string (theme, "notes"), "Revisar en 2012") == 0);
  g_assert_true (csn_draft_undo (fixture->draft));
  g_assert_cmpstr (csn_item_get_string (theme, "notes"), ==, old_notes);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, old_notes);
  }

  g_assert_cmpuint (g_list_model_get_n_items (reservations), ==, 0);
  g_assert_true (gtk_widget_activate_action (fixture->page, "matrix.add-reservation", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (reservations), ==, 1);
  g_assert_true (gtk_widget_activate_action (fixture->page, "matrix.remove-reservation", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (reservations), ==, 0);
  g_assert_true (csn_draft_undo (fixture->draft));
  g_assert_cmpuint (g_list_model_get_n_items (reservations), ==, 1);
  g_assert_true (csn_draft_undo (fixture->draft));
  g_assert_cmpuint (g_list_model_get_n_items (reservations), ==, 0);
  g_assert_true (csn_draft_redo (fixture->draft));
  g_assert_cmpuint (g_list_model_get_n_items (reservations), ==, 1);
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

/* A row dragged by its handle and dropped on another row takes that row's place, as one step. */
static void
test_drag_and_drop (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *column_view = ui_test_find_widget (fixture->page, GTK_TYPE_COLUMN_VIEW, NULL);
  CsnItem *dragged = ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 0);
  CsnItem *onto = ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 4);
  CsnCell *onto_cell = ui_test_find_typed_cell (fixture->page, CSN_TYPE_TEXT_CELL, onto, "title");
  GtkDropTarget *target = find_drop_target (column_view);
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  double x, y;

  g_assert_nonnull (target);
  g_assert_nonnull (onto_cell);
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (onto_cell), column_view, 4, 4, &x, &y));

  g_value_init (&value, CSN_TYPE_ITEM);
  g_value_set_object (&value, dragged);
  g_signal_emit_by_name (target, "drop", &value, x, y, &accepted);
  g_value_unset (&value);

  g_assert_true (accepted);
  g_assert_true (ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 4) == dragged);
  g_assert_true (ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 3) == onto);
  g_assert_true (csn_draft_undo (fixture->draft));
  g_assert_true (ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 0) == dragged);
  g_assert_false (csn_history_can_undo (csn_draft_get_history (fixture->draft)));
}

/* Clicking into a cell selects its row: the toolbar's actions then act on the row being edited. */
static void
test_click_selects_row (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkSingleSelection *selection = csn_list_page_get_selection (CSN_LIST_PAGE (fixture->page));
  CsnItem *theme = ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 5);
  CsnCell *title = ui_test_find_typed_cell (fixture->page, CSN_TYPE_TEXT_CELL, theme, "title");
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (title));
  GtkGesture *click = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        click = GTK_GESTURE (controller);
    }
  g_assert_nonnull (click);

  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  g_signal_emit_by_name (click, "pressed", 1, 4.0, 4.0);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 5);
  g_assert_true (gtk_widget_activate_action (fixture->page, "matrix.move-up", NULL));
  g_assert_true (ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 4) == theme);
}

/* The pane's parts, in the order the frames after the page shows draw them. */
enum { SUMMARY, UPPER_DETAILS, LOWER_DETAILS, N_PANE_PARTS };

typedef struct
{
  GtkWidget *parts[N_PANE_PARTS];  /* the summary; the description; the positions */
  GtkWidget *list;
  GtkWidget *details;
  guint      frames;               /* painted since the page was shown again */
  guint      part_frames[N_PANE_PARTS];  /* the first of them with each part drawn */
  int        first_list_height;
  int        first_details_height;
  int        first_summary_height;
} PaneFrames;

static void
on_after_paint_cb (GdkFrameClock *frame_clock,
                   PaneFrames    *frames)
{
  frames->frames++;
  if (frames->frames == 1)
    {
      frames->first_list_height = gtk_widget_get_height (frames->list);
      frames->first_details_height = gtk_widget_get_height (frames->details);
      frames->first_summary_height = gtk_widget_get_height (frames->parts[SUMMARY]);
    }
  for (guint i = 0; i < N_PANE_PARTS; i++)
    if (frames->part_frames[i] == 0 && gtk_widget_get_mapped (frames->parts[i]))
      frames->part_frames[i] = frames->frames;
}

/* The details hide the page that says no theme is selected while a theme shows, so that it is
 * neither styled nor measured; the pane keeps its height as the selection comes and goes. */
static void
test_pane_height_without_theme (Fixture       *fixture,
                                gconstpointer  data)
{
  GtkWidget *paned = ui_test_find_widget (fixture->page, GTK_TYPE_PANED, NULL);
  GtkWidget *list = gtk_paned_get_start_child (GTK_PANED (paned));
  GtkWidget *details = ui_test_find_widget (fixture->page, CSN_TYPE_THEME_DETAILS, NULL);
  GtkWidget *none = ui_test_find_widget (details, ADW_TYPE_STATUS_PAGE, NULL);
  GtkSingleSelection *selection = csn_list_page_get_selection (CSN_LIST_PAGE (fixture->page));
  int list_height, details_height, none_min, theme_min;

  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (ui_test_find_widget (fixture->page, CSN_TYPE_POSITIONS_LIST, NULL)));
  g_assert_nonnull (csn_theme_details_get_theme (CSN_THEME_DETAILS (details)));
  g_assert_false (gtk_widget_get_visible (none));
  list_height = gtk_widget_get_height (list);
  details_height = gtk_widget_get_height (details);

  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (none));
  g_assert_null (csn_theme_details_get_theme (CSN_THEME_DETAILS (details)));
  /* GtkPaned gives the pane its smallest height: the page saying no theme is selected asks no more
   * than the theme's page, so the details ask as much with it hidden. */
  gtk_widget_measure (none, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (details), &none_min, NULL, NULL, NULL);
  gtk_widget_measure (gtk_stack_get_child_by_name (GTK_STACK (gtk_widget_get_parent (none)), "theme"),
                      GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (details), &theme_min, NULL, NULL, NULL);
  g_assert_cmpint (none_min, >, 0);
  g_assert_cmpint (none_min, <=, theme_min);
  g_assert_cmpint (gtk_widget_get_height (list), ==, list_height);
  g_assert_cmpint (gtk_widget_get_height (details), ==, details_height);

  gtk_single_selection_set_selected (selection, 1);
  UI_TEST_WAIT_UNTIL (!gtk_widget_get_visible (none));
  ui_test_flush ();
  g_assert_cmpint (gtk_widget_get_height (list), ==, list_height);
  g_assert_cmpint (gtk_widget_get_height (details), ==, details_height);
}

/* The pane under the list comes a part a frame after the page shows, each in the place it keeps:
 * the summary, laid out with the page, the frame after it; then the theme's title, description and
 * notes; then its reservations and positions. Something in them that is wanted (a revealed field)
 * is drawn at once. */
static void
test_lower_pane_next_frame (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *paned = ui_test_find_widget (fixture->page, GTK_TYPE_PANED, NULL);
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (fixture->page);
  CsnItem *theme = ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 1);
  PaneFrames frames = { 0 };
  int list_height, details_height, summary_height;
  CsnCell *notes;
  gulong handler;

  frames.parts[SUMMARY] = ui_test_find_widget (fixture->page, CSN_TYPE_THEME_SUMMARY, NULL);
  frames.parts[UPPER_DETAILS] = ui_test_find_widget (fixture->page, CSN_TYPE_TEXT_AREA_CELL, NULL);
  frames.parts[LOWER_DETAILS] = ui_test_find_widget (fixture->page, CSN_TYPE_POSITIONS_LIST, NULL);
  frames.details = ui_test_find_widget (fixture->page, CSN_TYPE_THEME_DETAILS, NULL);
  frames.list = gtk_paned_get_start_child (GTK_PANED (paned));
  g_assert_nonnull (csn_theme_details_get_theme (CSN_THEME_DETAILS (frames.details)));
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (frames.parts[LOWER_DETAILS]));
  list_height = gtk_widget_get_height (frames.list);
  details_height = gtk_widget_get_height (frames.details);
  summary_height = gtk_widget_get_height (frames.parts[SUMMARY]);
  g_assert_cmpint (list_height, >, 0);
  g_assert_cmpint (details_height, >, 0);
  g_assert_cmpint (summary_height, >, 0);

  /* Shown again, as a page the window switches to. */
  gtk_widget_set_visible (fixture->page, FALSE);
  handler = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint_cb), &frames);
  gtk_widget_set_visible (fixture->page, TRUE);
  g_assert_true (gtk_widget_get_mapped (fixture->page));
  for (guint i = 0; i < N_PANE_PARTS; i++)
    g_assert_false (gtk_widget_get_mapped (frames.parts[i]));
  UI_TEST_WAIT_UNTIL (frames.part_frames[LOWER_DETAILS] > 0);
  g_signal_handler_disconnect (frame_clock, handler);
  g_assert_cmpuint (frames.part_frames[SUMMARY], ==, 2);
  g_assert_cmpuint (frames.part_frames[UPPER_DETAILS], ==, 3);
  g_assert_cmpuint (frames.part_frames[LOWER_DETAILS], ==, 4);
  /* Laid out in its place from the first frame: nothing moved as the parts came. */
  g_assert_cmpint (frames.first_list_height, ==, list_height);
  g_assert_cmpint (frames.first_details_height, ==, details_height);
  g_assert_cmpint (frames.first_summary_height, ==, summary_height);
  g_assert_cmpint (gtk_widget_get_height (frames.list), ==, list_height);
  g_assert_cmpint (gtk_widget_get_height (frames.details), ==, details_height);

  /* Revealing a theme's notes as the page is shown draws the pane and focuses them at once. */
  gtk_widget_set_visible (fixture->page, FALSE);
  gtk_widget_set_visible (fixture->page, TRUE);
  csn_theme_matrix_page_reveal (CSN_THEME_MATRIX_PAGE (fixture->page), theme, "notes");
  for (guint i = 0; i < N_PANE_PARTS; i++)
    g_assert_true (gtk_widget_get_mapped (frames.parts[i]));
  UI_TEST_WAIT_UNTIL ((notes = ui_test_find_typed_cell (fixture->page, CSN_TYPE_TEXT_AREA_CELL, theme, "notes")) != NULL &&
                      gtk_widget_has_focus (csn_cell_get_control (notes)));

  /* So does revealing its positions, the last part drawn. */
  gtk_widget_set_visible (fixture->page, FALSE);
  gtk_widget_set_visible (fixture->page, TRUE);
  g_assert_false (gtk_widget_get_mapped (frames.parts[LOWER_DETAILS]));
  csn_theme_matrix_page_reveal (CSN_THEME_MATRIX_PAGE (fixture->page), theme, "positions");
  g_assert_true (gtk_widget_get_mapped (frames.parts[LOWER_DETAILS]));
}

/* The row of the summary's grid named @name (its first column), or 0 when it has none. */
static int
summary_row (GtkWidget  *summary,
             const char *name)
{
  GtkGrid *grid = GTK_GRID (ui_test_find_widget (summary, GTK_TYPE_GRID, NULL));

  for (int row = 1; gtk_grid_get_child_at (grid, 0, row) != NULL; row++)
    if (g_str_equal (gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (grid, 0, row))), name))
      return row;
  return 0;
}

/* The text the summary shows at @column of its "Total" row. */
static const char *
summary_total (GtkWidget *summary,
               int        column)
{
  GtkGrid *grid = GTK_GRID (ui_test_find_widget (summary, GTK_TYPE_GRID, NULL));
  int row = summary_row (summary, "Total");

  g_assert_cmpint (row, >, 0);
  return gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (grid, column, row)));
}

/* The themes of @draft with @horizon, counted here, as text. */
static char *
count_horizon (CsnDraft   *draft,
               CsnHorizon  horizon)
{
  guint n = 0;

  for (guint i = 0; i < ui_test_count (draft, CSN_COLLECTION_THEMES); i++)
    if (csn_item_get_enum (ui_test_get_item (draft, CSN_COLLECTION_THEMES, i), "horizon") == (int) horizon)
      n++;
  return g_strdup_printf ("%u", n);
}

/* The summary under the list counts the themes by horizon as the draft's validation does, once an
 * edit for every view: it follows the validation, not each change, and a hidden page's summary
 * waits to be shown. */
static void
test_summary_counts (Fixture       *fixture,
                     gconstpointer  data)
{
  CsnValidation *validation = csn_draft_get_validation (fixture->draft);
  GtkWidget *summary = ui_test_find_widget (fixture->page, CSN_TYPE_THEME_SUMMARY, NULL);
  CsnItem *theme = ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 0);
  g_autofree char *n_themes = g_strdup_printf ("%u", ui_test_count (fixture->draft, CSN_COLLECTION_THEMES));
  g_autofree char *short_term = count_horizon (fixture->draft, CSN_HORIZON_SHORT_TERM);
  g_autofree char *undecided = count_horizon (fixture->draft, CSN_HORIZON_UNDECIDED);
  g_autofree char *short_term_after = NULL;
  g_autofree char *undecided_after = NULL;

  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (summary));
  g_assert_cmpstr (summary_total (summary, 1), ==, short_term);
  g_assert_cmpstr (summary_total (summary, 3), ==, undecided);
  g_assert_cmpstr (summary_total (summary, 4), ==, n_themes);

  /* An edit: counted when validated, not before. */
  g_assert_cmpint (csn_item_get_enum (theme, "horizon"), ==, CSN_HORIZON_UNDECIDED);
  g_assert_true (ui_test_choose (ui_test_find_cell (fixture->page, theme, "horizon"), "Short term"));
  UI_TEST_WAIT_UNTIL (csn_item_get_enum (theme, "horizon") == CSN_HORIZON_SHORT_TERM);
  short_term_after = count_horizon (fixture->draft, CSN_HORIZON_SHORT_TERM);
  undecided_after = count_horizon (fixture->draft, CSN_HORIZON_UNDECIDED);
  g_assert_true (csn_validation_get_pending (validation));
  g_assert_cmpstr (summary_total (summary, 1), ==, short_term);
  UI_TEST_WAIT_UNTIL (!csn_validation_get_pending (validation));
  g_assert_cmpstr (summary_total (summary, 1), ==, short_term_after);
  g_assert_cmpstr (summary_total (summary, 3), ==, undecided_after);
  g_assert_cmpstr (summary_total (summary, 4), ==, n_themes);

  /* Undone with the page hidden: the summary is counted again when it shows, from its first frame. */
  gtk_widget_set_visible (fixture->page, FALSE);
  g_assert_true (csn_draft_undo (fixture->draft));
  UI_TEST_WAIT_UNTIL (!csn_validation_get_pending (validation));
  g_assert_cmpstr (summary_total (summary, 1), ==, short_term_after);
  gtk_widget_set_visible (fixture->page, TRUE);
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (summary));
  g_assert_cmpstr (summary_total (summary, 1), ==, short_term);
  g_assert_cmpstr (summary_total (summary, 3), ==, undecided);
}

/* A pillar removed with the page hidden, the page shown before the draft is validated again: the
 * summary shows each row's counts under the pillar they were counted for until then (the removed
 * one included), and once validated, the removed pillar's themes under "No pillar". */
static void
test_summary_pillar_removed (Fixture       *fixture,
                             gconstpointer  data)
{
  CsnValidation *validation = csn_draft_get_validation (fixture->draft);
  GtkWidget *summary = ui_test_find_widget (fixture->page, CSN_TYPE_THEME_SUMMARY, NULL);
  guint n_pillars = ui_test_count (fixture->draft, CSN_COLLECTION_PILLARS);
  CsnItem *last = ui_test_get_item (fixture->draft, CSN_COLLECTION_PILLARS, n_pillars - 1);
  CsnItem *theme = ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 0);
  g_autofree char *name = csn_item_dup_title (last);
  g_autofree char *n_themes = g_strdup_printf ("%u", ui_test_count (fixture->draft, CSN_COLLECTION_THEMES));

  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (summary));
  g_assert_cmpint (summary_row (summary, name), >, 0);
  g_assert_cmpint (summary_row (summary, "No pillar"), ==, 0);

  /* Hidden, the summary waits for its show after an edit validated; then the pillar goes. Revealing
   * a theme's notes as the page shows draws the summary at once (see test_lower_pane_next_frame()),
   * before the validation's idle: with the figures of the pillars before. */
  gtk_widget_set_visible (fixture->page, FALSE);
  csn_draft_set_enum (fixture->draft, theme, "horizon", CSN_HORIZON_SHORT_TERM);
  UI_TEST_WAIT_UNTIL (!csn_validation_get_pending (validation));
  csn_draft_remove (fixture->draft, CSN_COLLECTION_PILLARS, n_pillars - 1);
  gtk_widget_set_visible (fixture->page, TRUE);
  csn_theme_matrix_page_reveal (CSN_THEME_MATRIX_PAGE (fixture->page), theme, "notes");
  g_assert_true (gtk_widget_get_mapped (summary));
  g_assert_true (csn_validation_get_pending (validation));
  g_assert_cmpint (summary_row (summary, "Total"), >, 0);
  g_assert_cmpint (summary_row (summary, name), >, 0);

  UI_TEST_WAIT_UNTIL (!csn_validation_get_pending (validation));
  g_assert_cmpint (summary_row (summary, name), ==, 0);
  g_assert_cmpint (summary_row (summary, "No pillar"), >, 0);
  g_assert_cmpstr (summary_total (summary, 4), ==, n_themes);
}

static void
on_classes_notified_cb (GtkWidget  *label,
                        GParamSpec *pspec,
                        guint      *n_notified)
{
  (*n_notified)++;
}

/* Shown again after each validation, the summary restyles only the labels whose style changes: an
 * edit that changes no count restyles none. */
static void
test_summary_restyles_changes (Fixture       *fixture,
                               gconstpointer  data)
{
  CsnValidation *validation = csn_draft_get_validation (fixture->draft);
  GtkWidget *summary = ui_test_find_widget (fixture->page, CSN_TYPE_THEME_SUMMARY, NULL);
  GtkGrid *grid = GTK_GRID (ui_test_find_widget (summary, GTK_TYPE_GRID, NULL));
  CsnItem *theme = ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 0);
  CsnItem *pillar = csn_draft_lookup (fixture->draft, CSN_COLLECTION_PILLARS, csn_theme_get_pillar (CSN_THEME (theme)));
  g_autofree char *pillar_name = csn_item_dup_title (pillar);
  GtkWidget *short_term;
  guint n_notified = 0;
  int row;

  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (summary));
  row = summary_row (summary, pillar_name);
  g_assert_cmpint (row, >, 0);
  short_term = gtk_grid_get_child_at (grid, 1, row);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (short_term)), ==, "0");
  g_assert_true (gtk_widget_has_css_class (short_term, "dim-label"));
  for (GtkWidget *label = gtk_widget_get_first_child (GTK_WIDGET (grid)); label != NULL;
       label = gtk_widget_get_next_sibling (label))
    g_signal_connect (label, "notify::css-classes", G_CALLBACK (on_classes_notified_cb), &n_notified);

  /* Notes: no count changes. */
  csn_draft_set_string (fixture->draft, theme, "notes", "Revisar con la Secretaría Técnica");
  g_assert_true (csn_validation_get_pending (validation));
  UI_TEST_WAIT_UNTIL (!csn_validation_get_pending (validation));
  g_assert_cmpuint (n_notified, ==, 0);

  /* The theme's pillar gets a short-term theme: that count is no longer dimmed. */
  csn_draft_set_enum (fixture->draft, theme, "horizon", CSN_HORIZON_SHORT_TERM);
  UI_TEST_WAIT_UNTIL (!csn_validation_get_pending (validation));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (short_term)), ==, "1");
  g_assert_false (gtk_widget_has_css_class (short_term, "dim-label"));
  g_assert_true (gtk_widget_has_css_class (short_term, "numeric"));
  g_assert_cmpuint (n_notified, ==, 1);

  for (GtkWidget *label = gtk_widget_get_first_child (GTK_WIDGET (grid)); label != NULL;
       label = gtk_widget_get_next_sibling (label))
    g_signal_handlers_disconnect_by_func (label, on_classes_notified_cb, &n_notified);
}

static const char *
position_text (GtkWidget *page,
               CsnItem   *item)
{
  CsnCell *cell = ui_test_find_typed_cell (page, CSN_TYPE_POSITION_CELL, item, NULL);
  GtkWidget *inscription = cell != NULL ? ui_test_find_widget (GTK_WIDGET (cell), GTK_TYPE_INSCRIPTION, NULL) : NULL;

  return inscription != NULL ? gtk_inscription_get_text (GTK_INSCRIPTION (inscription)) : NULL;
}

/* GTK 4.8 unbinds a row and binds it again to its item when its selection or its place changes:
 * the cells stay as they are (an edit under way stays in its field, uncommitted), and the row's
 * number follows its place. */
static void
test_rebind_same_item (Fixture       *fixture,
                       gconstpointer  data)
{
  CsnItem *first = ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 0);
  CsnItem *third = ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 2);
  GtkSingleSelection *selection = csn_list_page_get_selection (CSN_LIST_PAGE (fixture->page));
  g_autofree char *old_title = g_strdup (csn_item_get_string (first, "title"));
  CsnCell *title = NULL;
  GtkEditable *entry;

  UI_TEST_WAIT_UNTIL ((title = ui_test_find_typed_cell (fixture->page, CSN_TYPE_TEXT_CELL, first, "title")) != NULL &&
                      g_strcmp0 (position_text (fixture->page, third), "3") == 0);
  entry = GTK_EDITABLE (csn_cell_get_control (title));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (entry)));
  gtk_editable_set_text (entry, "Texto en curso");

  /* Rows 1 and 6 are bound again to their themes (the rows whose selection changed). */
  gtk_single_selection_set_selected (selection, 0);
  gtk_single_selection_set_selected (selection, 5);
  ui_test_flush ();
  g_assert_true (ui_test_find_typed_cell (fixture->page, CSN_TYPE_TEXT_CELL, first, "title") == title);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Texto en curso");
  g_assert_cmpstr (csn_item_get_string (first, "title"), ==, old_title);
  g_assert_false (csn_history_can_undo (csn_draft_get_history (fixture->draft)));
  /* Leaving the field commits it, as ever. */
  gtk_widget_grab_focus (ui_test_find_widget (fixture->page, GTK_TYPE_SEARCH_ENTRY, NULL));
  UI_TEST_WAIT_UNTIL (g_strcmp0 (csn_item_get_string (first, "title"), "Texto en curso") == 0);

  /* A theme added before the third: its row, bound again to it, says 4. */
  gtk_single_selection_set_selected (selection, 0);
  g_assert_true (gtk_widget_activate_action (fixture->page, "matrix.add", NULL));
  UI_TEST_WAIT_UNTIL (g_strcmp0 (position_text (fixture->page, third), "4") == 0);
  g_assert_true (csn_draft_undo (fixture->draft));
  UI_TEST_WAIT_UNTIL (g_strcmp0 (position_text (fixture->page, third), "3") == 0);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  UI_TEST_ADD_PAGE ("/theme-matrix/set-horizon", CSN_TYPE_THEME_MATRIX_PAGE, test_set_horizon);
  UI_TEST_ADD_PAGE ("/theme-matrix/tick-country", CSN_TYPE_THEME_MATRIX_PAGE, test_tick_country);
  UI_TEST_ADD_PAGE ("/theme-matrix/country-columns", CSN_TYPE_THEME_MATRIX_PAGE, test_country_columns);
  UI_TEST_ADD_PAGE ("/theme-matrix/add-move-remove", CSN_TYPE_THEME_MATRIX_PAGE, test_add_move_remove);
  UI_TEST_ADD_PAGE ("/theme-matrix/text-cell-focus", CSN_TYPE_THEME_MATRIX_PAGE, test_text_cell_focus);
  UI_TEST_ADD_PAGE ("/theme-matrix/search", CSN_TYPE_THEME_MATRIX_PAGE, test_search);
  UI_TEST_ADD_PAGE ("/theme-matrix/pane-height-without-theme", CSN_TYPE_THEME_MATRIX_PAGE, test_pane_height_without_theme);
  UI_TEST_ADD_PAGE ("/theme-matrix/detail-and-reservations", CSN_TYPE_THEME_MATRIX_PAGE, test_detail_and_reservations);
  UI_TEST_ADD_PAGE ("/theme-matrix/drag-and-drop", CSN_TYPE_THEME_MATRIX_PAGE, test_drag_and_drop);
  UI_TEST_ADD_PAGE ("/theme-matrix/click-selects-row", CSN_TYPE_THEME_MATRIX_PAGE, test_click_selects_row);
  UI_TEST_ADD_PAGE ("/theme-matrix/rebind-same-item", CSN_TYPE_THEME_MATRIX_PAGE, test_rebind_same_item);
  UI_TEST_ADD_PAGE ("/theme-matrix/lower-pane-next-frame", CSN_TYPE_THEME_MATRIX_PAGE, test_lower_pane_next_frame);
  UI_TEST_ADD_PAGE ("/theme-matrix/summary-counts", CSN_TYPE_THEME_MATRIX_PAGE, test_summary_counts);
  UI_TEST_ADD_PAGE ("/theme-matrix/summary-pillar-removed", CSN_TYPE_THEME_MATRIX_PAGE, test_summary_pillar_removed);
  UI_TEST_ADD_PAGE ("/theme-matrix/summary-restyles-changes", CSN_TYPE_THEME_MATRIX_PAGE, test_summary_restyles_changes);

  return g_test_run ();
}
