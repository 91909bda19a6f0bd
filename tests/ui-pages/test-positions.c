/* test-positions.c: the member states' positions on the agenda pages and the Overview: the stance
 * strips, the shared editor, the Positions lists, the consensus they contradict, the counts. */
#include "config.h"

#include "csn-actors-page.h"
#include "csn-answers-summary.h"
#include "csn-consensus-cell.h"
#include "csn-enum-cell.h"
#include "csn-history.h"
#include "csn-mechanisms-page.h"
#include "csn-overview-page.h"
#include "csn-position-cell.h"
#include "csn-position-index.h"
#include "csn-position.h"
#include "csn-positions-list.h"
#include "csn-stance-editor.h"
#include "csn-stance-strip.h"
#include "csn-stance-util.h"
#include "csn-strategies-page.h"
#include "csn-strategy.h"
#include "csn-theme-details.h"
#include "csn-theme.h"
#include "csn-theme-matrix-page.h"
#include "positions-sample.h"
#include "ui-test-util.h"

typedef UiPageFixture Fixture;

enum { BZ, CA, CR, SV, US, GT, HN, MX, NI, PA, DO, N_MEMBERS };

static CsnItem *
lookup (CsnDraft   *draft,
        const char *key)
{
  CsnItem *item = csn_draft_lookup (draft, CSN_COLLECTION_AGENDA, key);

  g_assert_nonnull (item);
  return item;
}

static CsnStanceStrip *
find_strip (GtkWidget *page,
            CsnItem   *item)
{
  CsnCell *strip = NULL;

  /* The theme matrix shows its strips in place of the "raised by" columns. */
  if (CSN_IS_THEME_MATRIX_PAGE (page))
    csn_theme_matrix_page_set_country_view (CSN_THEME_MATRIX_PAGE (page), "positions");
  else if (CSN_IS_STRATEGIES_PAGE (page))
    csn_strategies_page_set_columns (CSN_STRATEGIES_PAGE (page), "positions");

  UI_TEST_WAIT_UNTIL ((strip = ui_test_find_typed_cell (page, CSN_TYPE_STANCE_STRIP, item, NULL)) != NULL);
  return CSN_STANCE_STRIP (strip);
}

static CsnStanceEditor *
find_open_editor (GtkWidget *strip)
{
  GtkWidget *editor = NULL;

  UI_TEST_WAIT_UNTIL ((editor = ui_test_find_widget (strip, CSN_TYPE_STANCE_EDITOR, NULL)) != NULL &&
                      gtk_widget_get_mapped (editor));
  return CSN_STANCE_EDITOR (editor);
}

static gboolean
strip_shows (CsnStanceStrip *strip,
             const int      *stances)
{
  if (csn_stance_strip_get_n_marks (strip) != N_MEMBERS)
    return FALSE;
  for (guint i = 0; i < N_MEMBERS; i++)
    if (csn_stance_strip_get_stance (strip, i) != stances[i])
      return FALSE;
  return TRUE;
}

static gboolean
strip_all_none (CsnStanceStrip *strip)
{
  const int none[N_MEMBERS] = { -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1 };

  return strip_shows (strip, none);
}

static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
    }
  return handled;
}

static GtkColumnViewColumn *
find_column (GtkWidget  *page,
             const char *title)
{
  GtkWidget *view = ui_test_find_widget (page, GTK_TYPE_COLUMN_VIEW, NULL);
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (view));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  return NULL;
}

static gboolean
list_fits (GtkWidget *page)
{
  GtkWidget *view = ui_test_find_widget (page, GTK_TYPE_COLUMN_VIEW, NULL);
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));

  return gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment) + 1;
}

/* The theme matrix shows who raised each theme or the positions, each fitting the page. */
static void
test_country_view (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkColumnViewColumn *positions = find_column (fixture->page, "Positions");

  g_assert_cmpstr (csn_theme_matrix_page_get_country_view (CSN_THEME_MATRIX_PAGE (fixture->page)), ==, "raised");
  g_assert_nonnull (find_column (fixture->page, "MX"));
  g_assert_false (gtk_column_view_column_get_visible (positions));
  g_assert_true (list_fits (fixture->page));

  g_assert_true (gtk_widget_activate_action (fixture->page, "matrix.country-view", "s", "positions"));
  g_assert_null (find_column (fixture->page, "MX"));
  g_assert_true (gtk_column_view_column_get_visible (positions));
  UI_TEST_WAIT_UNTIL (ui_test_lists_bound (fixture->page) &&
                      ui_test_find_typed_cell (fixture->page, CSN_TYPE_STANCE_STRIP,
                                               lookup (fixture->draft, "theme-1"), NULL) != NULL);
  UI_TEST_WAIT_UNTIL (list_fits (fixture->page));
  /* The country columns come back. */
  g_assert_true (gtk_widget_activate_action (fixture->page, "matrix.country-view", "s", "raised"));
  g_assert_nonnull (find_column (fixture->page, "MX"));
  g_assert_false (gtk_column_view_column_get_visible (positions));

  /* Going to a theme's positions shows them. */
  csn_theme_matrix_page_reveal (CSN_THEME_MATRIX_PAGE (fixture->page), lookup (fixture->draft, "theme-2"),
                                "positions");
  g_assert_cmpstr (csn_theme_matrix_page_get_country_view (CSN_THEME_MATRIX_PAGE (fixture->page)), ==,
                   "positions");
}

/* The strategies show their actors or the positions. */
static void
test_strategies_columns (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkColumnViewColumn *positions = find_column (fixture->page, "Positions");

  g_assert_nonnull (find_column (fixture->page, "Lead"));
  g_assert_false (gtk_column_view_column_get_visible (positions));
  g_assert_true (gtk_widget_activate_action (fixture->page, "strategies.columns", "s", "positions"));
  g_assert_null (find_column (fixture->page, "Lead"));
  g_assert_null (find_column (fixture->page, "Support"));
  g_assert_true (gtk_column_view_column_get_visible (positions));
  g_assert_true (gtk_widget_activate_action (fixture->page, "strategies.columns", "s", "actors"));
  /* Back where they were: after the mechanism. */
  {
    GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (ui_test_find_widget (fixture->page,
                                                                                            GTK_TYPE_COLUMN_VIEW,
                                                                                            NULL)));
    g_autoptr(GtkColumnViewColumn) mechanism = g_list_model_get_item (columns, 3);
    g_autoptr(GtkColumnViewColumn) lead = g_list_model_get_item (columns, 4);
    g_autoptr(GtkColumnViewColumn) support = g_list_model_get_item (columns, 5);

    g_assert_cmpstr (gtk_column_view_column_get_title (mechanism), ==, "Mechanism");
    g_assert_cmpstr (gtk_column_view_column_get_title (lead), ==, "Lead");
    g_assert_cmpstr (gtk_column_view_column_get_title (support), ==, "Support");
  }
  UI_TEST_WAIT_UNTIL (ui_test_lists_bound (fixture->page));
}

/* The strip shows the stances of a draft with positions, in the CRM's order, and follows undo. */
static void
test_strip_follows_undo (Fixture       *fixture,
                         gconstpointer  data)
{
  const int theme_3[N_MEMBERS] = { CSN_STANCE_SUPPORTS, CSN_STANCE_SUPPORTS_WITH_RESERVATION, CSN_STANCE_OBJECTS,
                                   CSN_STANCE_ABSTAINS, CSN_STANCE_NO_POSITION, -1, -1, -1, -1, -1, -1 };
  CsnStanceStrip *strip = find_strip (fixture->page, lookup (fixture->draft, "theme-3"));
  g_autofree char *tooltip = NULL;

  g_assert_true (strip_all_none (strip));
  positions_sample_fill (fixture->draft);
  UI_TEST_WAIT_UNTIL (strip_shows (strip, theme_3));

  /* A tooltip says who, what, the comment, where from and when. */
  tooltip = csn_stance_strip_dup_tooltip (strip, CA);
  g_assert_cmpstr (tooltip, ==, "Canada: supports with a reservation — “Canada supports the theme provided that it "
                                "does not duplicate the work of the RCGM.” (returned workbook, 3 Oct 2011)");
  g_clear_pointer (&tooltip, g_free);
  tooltip = csn_stance_strip_dup_tooltip (strip, MX);
  g_assert_cmpstr (tooltip, ==, "Mexico: no answer yet");

  g_assert_true (csn_draft_undo (fixture->draft));
  UI_TEST_WAIT_UNTIL (strip_all_none (strip));
  g_assert_true (csn_draft_redo (fixture->draft));
  UI_TEST_WAIT_UNTIL (strip_shows (strip, theme_3));

  /* A stance changed elsewhere (a list, an import) shows at once. */
  csn_draft_note_position (fixture->draft, lookup (fixture->draft, "theme-3"), "MX", CSN_STANCE_OBJECTS, "");
  UI_TEST_WAIT_UNTIL (csn_stance_strip_get_stance (strip, MX) == CSN_STANCE_OBJECTS);
  g_assert_true (csn_draft_undo (fixture->draft));
  UI_TEST_WAIT_UNTIL (csn_stance_strip_get_stance (strip, MX) == -1);
}

/* Enter on a mark opens the shared editor; setting the stance and comment is one undo step. */
static void
test_editor_one_step (Fixture       *fixture,
                      gconstpointer  data)
{
  CsnItem *theme = lookup (fixture->draft, "theme-4");
  CsnHistory *history = csn_draft_get_history (fixture->draft);
  CsnPositionIndex *index = csn_position_index_get_for_draft (fixture->draft);
  CsnStanceStrip *strip = find_strip (fixture->page, theme);
  CsnStanceStrip *other;
  CsnStanceEditor *editor;
  CsnPosition *position;

  /* The keyboard walks the marks. */
  gtk_widget_grab_focus (GTK_WIDGET (strip));
  g_assert_cmpuint (csn_stance_strip_get_current (strip), ==, BZ);
  g_assert_true (press_key (GTK_WIDGET (strip), GDK_KEY_End));
  g_assert_cmpuint (csn_stance_strip_get_current (strip), ==, DO);
  g_assert_true (press_key (GTK_WIDGET (strip), GDK_KEY_Home));
  for (guint i = 0; i < MX; i++)
    g_assert_true (press_key (GTK_WIDGET (strip), GDK_KEY_Right));
  g_assert_cmpuint (csn_stance_strip_get_current (strip), ==, MX);
  g_assert_true (press_key (GTK_WIDGET (strip), GDK_KEY_Return));

  editor = find_open_editor (GTK_WIDGET (strip));
  g_assert_true (csn_stance_editor_get_item (editor) == theme);
  g_assert_cmpstr (csn_stance_editor_get_country (editor), ==, "MX");
  /* No answer yet: nothing chosen, nothing to set or remove. */
  g_assert_cmpint (csn_stance_editor_get_stance (editor), ==, -1);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set", NULL);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.remove", NULL);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  g_assert_false (csn_history_can_undo (history));

  gtk_widget_activate (ui_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_CHECK_BUTTON, NULL));
  g_assert_cmpint (csn_stance_editor_get_stance (editor), ==, CSN_STANCE_SUPPORTS);
  csn_stance_editor_set_stance (editor, CSN_STANCE_OBJECTS);
  csn_stance_editor_set_comment (editor, "  México pide más tiempo.  ");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set", NULL));
  UI_TEST_WAIT_UNTIL (!gtk_widget_get_mapped (GTK_WIDGET (editor)));

  position = csn_position_index_lookup (index, "theme-4", "MX");
  g_assert_nonnull (position);
  g_assert_cmpint (csn_position_get_stance (position), ==, CSN_STANCE_OBJECTS);
  g_assert_cmpstr (csn_position_get_comment (position), ==, "México pide más tiempo.");
  g_assert_cmpint (csn_position_get_source (position), ==, CSN_POSITION_SOURCE_MEETING);
  g_assert_nonnull (csn_position_get_received (position));
  UI_TEST_WAIT_UNTIL (csn_stance_strip_get_stance (strip, MX) == CSN_STANCE_OBJECTS);
  g_assert_cmpstr (csn_history_get_undo_label (history), ==,
                   "Note the position of Mexico on Theme 4 “Retorno y reintegración”");

  /* Changing the stance and the comment of a position: one step too. */
  csn_stance_strip_edit (strip, MX);
  editor = find_open_editor (GTK_WIDGET (strip));
  g_assert_cmpint (csn_stance_editor_get_stance (editor), ==, CSN_STANCE_OBJECTS);
  csn_stance_editor_set_stance (editor, CSN_STANCE_SUPPORTS_WITH_RESERVATION);
  csn_stance_editor_set_comment (editor, "Con reserva");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set", NULL));
  UI_TEST_WAIT_UNTIL (csn_stance_strip_get_stance (strip, MX) == CSN_STANCE_SUPPORTS_WITH_RESERVATION);
  g_assert_cmpstr (csn_position_get_comment (position), ==, "Con reserva");

  g_assert_true (csn_draft_undo (fixture->draft));
  UI_TEST_WAIT_UNTIL (csn_stance_strip_get_stance (strip, MX) == CSN_STANCE_OBJECTS);
  g_assert_cmpstr (csn_position_get_comment (position), ==, "México pide más tiempo.");
  g_assert_true (csn_draft_undo (fixture->draft));
  UI_TEST_WAIT_UNTIL (csn_stance_strip_get_stance (strip, MX) == -1);
  g_assert_null (csn_position_index_lookup (index, "theme-4", "MX"));
  g_assert_false (csn_history_can_undo (history));
  g_assert_true (csn_draft_redo (fixture->draft));
  UI_TEST_WAIT_UNTIL (csn_stance_strip_get_stance (strip, MX) == CSN_STANCE_OBJECTS);

  /* One editor for the page: another row's strip takes it; Remove forgets the position. */
  other = find_strip (fixture->page, lookup (fixture->draft, "theme-5"));
  csn_stance_strip_edit (other, CA);
  g_assert_true (find_open_editor (GTK_WIDGET (other)) == editor);
  g_assert_null (ui_test_find_widget (GTK_WIDGET (strip), CSN_TYPE_STANCE_EDITOR, NULL));
  g_assert_cmpstr (csn_stance_editor_get_country (editor), ==, "CA");
  gtk_popover_popdown (GTK_POPOVER (editor));
  csn_stance_strip_edit (strip, MX);
  editor = find_open_editor (GTK_WIDGET (strip));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.remove", NULL));
  UI_TEST_WAIT_UNTIL (csn_stance_strip_get_stance (strip, MX) == -1);
  g_assert_true (csn_draft_undo (fixture->draft));
  UI_TEST_WAIT_UNTIL (csn_stance_strip_get_stance (strip, MX) == CSN_STANCE_OBJECTS);
}

static CsnConsensusCell *
find_consensus_cell (Fixture *fixture,
                     CsnItem *theme)
{
  CsnCell *cell = NULL;

  UI_TEST_WAIT_UNTIL ((cell = ui_test_find_typed_cell (fixture->page, CSN_TYPE_CONSENSUS_CELL, theme,
                                                       "consensus")) != NULL);
  return CSN_CONSENSUS_CELL (cell);
}

static const char *
details_conflict (Fixture *fixture)
{
  GtkWidget *details = ui_test_find_widget (fixture->page, CSN_TYPE_THEME_DETAILS, NULL);
  /* The line under the title: its warning icon's label, when shown. */
  GtkWidget *image = ui_test_find_widget (details, GTK_TYPE_IMAGE, "warning");

  if (image == NULL || !gtk_widget_get_mapped (image))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_next_sibling (image)));
}

/* "Agreed" with an objection and "Pending" though all support are marked, until they are not. */
static void
test_contradiction (Fixture       *fixture,
                    gconstpointer  data)
{
  CsnItem *agreed = lookup (fixture->draft, "theme-1");
  CsnItem *pending = lookup (fixture->draft, "theme-2");
  CsnConsensusCell *agreed_cell = find_consensus_cell (fixture, agreed);
  CsnConsensusCell *pending_cell = find_consensus_cell (fixture, pending);
  CsnStanceStrip *strip = find_strip (fixture->page, agreed);
  CsnStanceEditor *editor;

  g_assert_null (csn_consensus_cell_get_conflict (agreed_cell));
  positions_sample_fill (fixture->draft);
  UI_TEST_WAIT_UNTIL (csn_consensus_cell_get_conflict (agreed_cell) != NULL);
  g_assert_cmpstr (csn_consensus_cell_get_conflict (agreed_cell), ==, "Agreed, though Mexico objects");
  g_assert_cmpstr (csn_consensus_cell_get_conflict (pending_cell), ==, "Pending, though every member state supports it");

  /* The details of the theme say it too. */
  csn_theme_matrix_page_reveal (CSN_THEME_MATRIX_PAGE (fixture->page), agreed, "positions");
  UI_TEST_WAIT_UNTIL (g_strcmp0 (details_conflict (fixture), "Agreed, though Mexico objects") == 0);

  /* México comes round: the mark goes; undo brings it back. */
  csn_stance_strip_edit (strip, MX);
  editor = find_open_editor (GTK_WIDGET (strip));
  csn_stance_editor_set_stance (editor, CSN_STANCE_SUPPORTS);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set", NULL));
  UI_TEST_WAIT_UNTIL (csn_consensus_cell_get_conflict (agreed_cell) == NULL);
  UI_TEST_WAIT_UNTIL (details_conflict (fixture) == NULL);
  g_assert_true (csn_draft_undo (fixture->draft));
  UI_TEST_WAIT_UNTIL (csn_consensus_cell_get_conflict (agreed_cell) != NULL);
  UI_TEST_WAIT_UNTIL (details_conflict (fixture) != NULL);

  /* The co-chairs decide: agreed, as everyone supports; pending again. */
  csn_draft_set_enum (fixture->draft, pending, "consensus", CSN_CONSENSUS_AGREED);
  UI_TEST_WAIT_UNTIL (csn_consensus_cell_get_conflict (pending_cell) == NULL);
  g_assert_true (csn_draft_undo (fixture->draft));
  UI_TEST_WAIT_UNTIL (csn_consensus_cell_get_conflict (pending_cell) != NULL);
}

/* The theme's Positions list: the member states in order, edited in place, one undo step each. */
static void
test_details_list (Fixture       *fixture,
                   gconstpointer  data)
{
  CsnItem *theme = lookup (fixture->draft, "theme-1");
  CsnPositionsList *list;
  GListModel *model;
  CsnPosition *mexico;
  CsnCell *stance;

  positions_sample_fill (fixture->draft);
  csn_theme_matrix_page_reveal (CSN_THEME_MATRIX_PAGE (fixture->page), theme, "positions");
  list = CSN_POSITIONS_LIST (ui_test_find_widget (fixture->page, CSN_TYPE_POSITIONS_LIST, NULL));
  model = csn_positions_list_get_model (list);
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (model) == N_MEMBERS);
  mexico = g_list_model_get_item (model, MX);
  g_object_unref (mexico);
  g_assert_cmpstr (csn_position_get_country (mexico), ==, "MX");

  UI_TEST_WAIT_UNTIL ((stance = ui_test_find_typed_cell (GTK_WIDGET (list), CSN_TYPE_ENUM_CELL, CSN_ITEM (mexico),
                                                         CSN_POSITION_PROP_STANCE)) != NULL);
  g_assert_true (csn_enum_cell_select_value (CSN_ENUM_CELL (stance), CSN_STANCE_ABSTAINS));
  UI_TEST_WAIT_UNTIL (csn_position_get_stance (mexico) == CSN_STANCE_ABSTAINS);
  g_assert_true (csn_draft_undo (fixture->draft));
  UI_TEST_WAIT_UNTIL (csn_position_get_stance (mexico) == CSN_STANCE_OBJECTS);
  /* The rows stayed: undo of the edit is not undo of the sample. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_MEMBERS);

  /* Removing the selected position: one step. */
  csn_positions_list_reveal (list, CSN_ITEM (mexico), NULL);
  UI_TEST_WAIT_UNTIL (csn_positions_list_get_selected (list) == CSN_ITEM (mexico));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "positions.remove", NULL));
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (model) == N_MEMBERS - 1);
  g_assert_true (csn_draft_undo (fixture->draft));
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (model) == N_MEMBERS);
}

/* The other agenda pages: a strip per row and the Positions list of the selected item. */
static void
test_other_pages (Fixture       *fixture,
                  gconstpointer  data)
{
  GType type = GPOINTER_TO_SIZE (data);
  const char *key = type == CSN_TYPE_STRATEGIES_PAGE ? "strategy-1"
                    : type == CSN_TYPE_MECHANISMS_PAGE ? "mechanism-1" : "proposal-st-1";
  CsnPositionsList *list;
  CsnStanceStrip *strip;
  CsnStanceEditor *editor;
  CsnItem *item;

  positions_sample_fill (fixture->draft);
  item = lookup (fixture->draft, key);
  if (type == CSN_TYPE_STRATEGIES_PAGE)
    csn_strategies_page_reveal (CSN_STRATEGIES_PAGE (fixture->page), item, "positions");
  else if (type == CSN_TYPE_MECHANISMS_PAGE)
    csn_mechanisms_page_reveal (CSN_MECHANISMS_PAGE (fixture->page), item, "positions");
  else
    csn_actors_page_reveal (CSN_ACTORS_PAGE (fixture->page), item, "positions");

  list = CSN_POSITIONS_LIST (ui_test_find_widget (fixture->page, CSN_TYPE_POSITIONS_LIST, NULL));
  UI_TEST_WAIT_UNTIL (csn_positions_list_get_item (list) == item);
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (csn_positions_list_get_model (list)) == 2 ||
                      g_list_model_get_n_items (csn_positions_list_get_model (list)) == 3);

  strip = find_strip (fixture->page, item);
  csn_stance_strip_edit (strip, BZ);
  editor = find_open_editor (GTK_WIDGET (strip));
  csn_stance_editor_set_stance (editor, CSN_STANCE_ABSTAINS);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set", NULL));
  UI_TEST_WAIT_UNTIL (csn_stance_strip_get_stance (strip, BZ) == CSN_STANCE_ABSTAINS);
  /* Belize comes first in the list, as in the strip. */
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (csn_positions_list_get_model (list)) >= 3);
  {
    g_autoptr(CsnPosition) first = g_list_model_get_item (csn_positions_list_get_model (list), 0);

    g_assert_cmpstr (csn_position_get_country (first), ==, "BZ");
  }
  g_assert_true (csn_draft_undo (fixture->draft));
  UI_TEST_WAIT_UNTIL (csn_stance_strip_get_stance (strip, BZ) == -1);
}

static GtkWidget *
find_row_with_subtitle (GtkWidget  *root,
                        const char *title,
                        const char *subtitle)
{
  if (ADW_IS_ACTION_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0 &&
      (subtitle == NULL || g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (root)), subtitle) == 0))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_with_subtitle (child, title, subtitle);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  return find_row_with_subtitle (root, title, NULL);
}

static gboolean
all_lists_fit (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget) && gtk_widget_get_mapped (widget))
    {
      GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (widget));

      if (gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) + 1)
        return FALSE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (!all_lists_fit (child))
      return FALSE;
  return TRUE;
}

/* With the positions shown, every page fits beside the sidebar at 1366 pixels (1145 for the page). */
static void
test_positions_fit (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (fixture->page));
  const char *key = CSN_IS_THEME_MATRIX_PAGE (fixture->page) ? "theme-1"
                    : CSN_IS_STRATEGIES_PAGE (fixture->page) ? "strategy-1"
                    : CSN_IS_MECHANISMS_PAGE (fixture->page) ? "mechanism-1" : "proposal-st-1";

  positions_sample_fill (fixture->draft);
  if (CSN_IS_ACTORS_PAGE (fixture->page))
    csn_actors_page_reveal (CSN_ACTORS_PAGE (fixture->page), lookup (fixture->draft, key), NULL);
  (void) find_strip (fixture->page, lookup (fixture->draft, key));
  gtk_window_set_default_size (GTK_WINDOW (window), 1145, 700);
  UI_TEST_WAIT_UNTIL (gtk_widget_get_width (window) == 1145 && ui_test_lists_bound (fixture->page));
  UI_TEST_WAIT_UNTIL (all_lists_fit (fixture->page));
}

static void
on_reveal_cb (GtkWidget   *page,
              CsnItem     *item,
              const char  *property,
              CsnItem    **revealed)
{
  g_assert_cmpstr (property, ==, "positions");
  *revealed = item;
}

/* The Overview counts who answered (returned workbooks) and lists the items with objections. */
static void
test_overview_counts (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  GtkWidget *page = g_object_new (CSN_TYPE_OVERVIEW_PAGE, "draft", draft, NULL);
  CsnAnswersSummary *summary;
  GListModel *objections;
  CsnItem *revealed = NULL;
  GtkWidget *row;

  ui_test_show_page (page);
  summary = CSN_ANSWERS_SUMMARY (ui_test_find_widget (page, CSN_TYPE_ANSWERS_SUMMARY, NULL));
  objections = csn_answers_summary_get_objections (summary);
  g_assert_cmpuint (csn_answers_summary_get_n_members (summary), ==, N_MEMBERS);
  g_assert_cmpuint (csn_answers_summary_get_n_answered (summary), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (objections), ==, 0);

  positions_sample_fill (draft);
  /* Canada, Guatemala and México returned workbooks; the rest was said in the meeting. */
  UI_TEST_WAIT_UNTIL (csn_answers_summary_get_n_answered (summary) == 3);
  g_assert_cmpuint (g_list_model_get_n_items (objections), ==, 4);
  {
    const char *keys[] = { "theme-1", "theme-3", "strategy-2", "proposal-st-1" };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      {
        g_autoptr(CsnItem) item = g_list_model_get_item (objections, i);

        g_assert_cmpstr (csn_item_get_key (item), ==, keys[i]);
      }
  }

  /* A row per item with objections, activatable: it asks to go to the item's positions. */
  g_signal_connect (page, "reveal", G_CALLBACK (on_reveal_cb), &revealed);
  row = find_row (page, "Theme 3 “Migración extrarregional y flujos mixtos”");
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_signal_emit_by_name (row, "activated");
  g_assert_true (revealed == lookup (draft, "theme-3"));
  /* The rows stay as the objections change: the row of theme 3 says its new title and a second
   * member state objecting. */
  csn_draft_set_string (draft, lookup (draft, "theme-3"), CSN_THEME_PROP_TITLE, "Flujos mixtos");
  UI_TEST_WAIT_UNTIL (find_row (page, "Theme 3 “Flujos mixtos”") != NULL);
  g_assert_true (find_row (page, "Theme 3 “Flujos mixtos”") == row);
  csn_draft_note_position (draft, lookup (draft, "theme-3"), "GT", CSN_STANCE_OBJECTS, "");
  UI_TEST_WAIT_UNTIL (find_row_with_subtitle (page, "Theme 3 “Flujos mixtos”", "Costa Rica, Guatemala object") != NULL);
  g_assert_true (find_row (page, "Theme 3 “Flujos mixtos”") == row);
  g_assert_true (csn_draft_undo (draft));
  g_assert_true (csn_draft_undo (draft));
  UI_TEST_WAIT_UNTIL (find_row_with_subtitle (page, "Theme 3 “Migración extrarregional y flujos mixtos”",
                                              "Costa Rica objects") == row);
  /* Each member state has its row once the list is expanded (not before): México answered, Belize
   * did not. */
  g_assert_null (find_row (page, "Mexico"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ui_test_find_widget (GTK_WIDGET (summary), ADW_TYPE_EXPANDER_ROW,
                                                                        NULL)), TRUE);
  g_assert_nonnull (find_row_with_subtitle (page, "Mexico", "Answered on 3 Oct 2011: 4 positions"));
  g_assert_nonnull (find_row_with_subtitle (page, "Belize", "No answer yet; 3 positions noted in the meeting"));

  /* Undo: nothing answered, nothing objected. */
  g_assert_true (csn_draft_undo (draft));
  UI_TEST_WAIT_UNTIL (csn_answers_summary_get_n_answered (summary) == 0 && g_list_model_get_n_items (objections) == 0);
  /* Expanded, the rows follow; collapsed, they catch up when expanded again. */
  g_assert_nonnull (find_row_with_subtitle (page, "Mexico", "No answer yet"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ui_test_find_widget (GTK_WIDGET (summary), ADW_TYPE_EXPANDER_ROW,
                                                                        NULL)), FALSE);
  g_assert_true (csn_draft_redo (draft));
  UI_TEST_WAIT_UNTIL (csn_answers_summary_get_n_answered (summary) == 3);
  g_assert_null (find_row_with_subtitle (page, "Mexico", "Answered on 3 Oct 2011: 4 positions"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (ui_test_find_widget (GTK_WIDGET (summary), ADW_TYPE_EXPANDER_ROW,
                                                                        NULL)), TRUE);
  g_assert_nonnull (find_row_with_subtitle (page, "Mexico", "Answered on 3 Oct 2011: 4 positions"));
  ui_test_close (page);
}

/* The rows of the group's list, after the expander of the member states and the count of items
 * with objections. */
static GPtrArray *
list_objection_rows (CsnAnswersSummary *summary)
{
  GtkWidget *list = ui_test_find_widget (GTK_WIDGET (summary), GTK_TYPE_LIST_BOX, NULL);
  GPtrArray *rows = g_ptr_array_new ();
  guint skipped = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child) && skipped++ > 0)
      g_ptr_array_add (rows, child);
  return rows;
}

/* Waits for @n_items items with objections, and checks that the summary has @n_rows rows for them,
 * the last one saying @more ("And 3 more") if given, none saying it otherwise. Returns the first. */
static GtkWidget *
assert_objection_rows (CsnAnswersSummary *summary,
                       guint              n_items,
                       guint              n_rows,
                       const char        *more)
{
  g_autoptr(GPtrArray) rows = NULL;
  const char *last;

  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (csn_answers_summary_get_objections (summary)) == n_items);
  rows = list_objection_rows (summary);
  g_assert_cmpuint (rows->len, ==, n_rows);
  last = adw_preferences_row_get_title (g_ptr_array_index (rows, n_rows - 1));
  if (more != NULL)
    g_assert_cmpstr (last, ==, more);
  else
    g_assert_false (g_str_has_prefix (last, "And "));
  return g_ptr_array_index (rows, 0);
}

/* More items with objections than rows: the first 50 have theirs, and the last row says how many
 * more there are, whether the rows were there before or come after. */
static void
test_overview_many_objections (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  GtkWidget *page = g_object_new (CSN_TYPE_OVERVIEW_PAGE, "draft", draft, NULL);
  CsnAnswersSummary *summary;
  GtkWidget *first;

  ui_test_show_page (page);
  summary = CSN_ANSWERS_SUMMARY (ui_test_find_widget (page, CSN_TYPE_ANSWERS_SUMMARY, NULL));
  for (guint i = 0; i < 53; i++)
    {
      g_autofree char *id = g_strdup_printf ("objected-%u", i);
      g_autoptr(CsnStrategy) strategy = g_object_new (CSN_TYPE_STRATEGY, "id", id, "theme", "theme-1", NULL);

      csn_draft_append (draft, CSN_COLLECTION_STRATEGIES, CSN_ITEM (strategy));
      csn_draft_note_position (draft, CSN_ITEM (strategy), "MX", CSN_STANCE_OBJECTS, "");
    }
  first = assert_objection_rows (summary, 53, 51, "And 3 more");

  /* Fewer: no row says more. Then more again: that row comes back last, and the rows stay. */
  for (guint i = 0; i < 6; i++)
    g_assert_true (csn_draft_undo (draft));
  g_assert_true (assert_objection_rows (summary, 50, 50, NULL) == first);
  for (guint i = 0; i < 6; i++)
    g_assert_true (csn_draft_redo (draft));
  g_assert_true (assert_objection_rows (summary, 53, 51, "And 3 more") == first);
  ui_test_close (page);
}

/* A page of 1,000 strategies with eleven positions each keeps one widget per row for its strips,
 * and only as many rows as the list shows (GTK recycles them). */
static guint
count_widgets (GtkWidget *widget,
               GType      type)
{
  guint count = G_TYPE_CHECK_INSTANCE_TYPE (widget, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count += count_widgets (child, type);
  return count;
}

static void
test_widget_count (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  GListStore *strategies = G_LIST_STORE (csn_draft_get_collection (draft, CSN_COLLECTION_STRATEGIES));
  GListStore *positions = G_LIST_STORE (csn_draft_get_collection (draft, CSN_COLLECTION_POSITIONS));
  const char * const codes[N_MEMBERS] = { "BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO" };
  GtkWidget *page, *window, *view;
  GtkAdjustment *adjustment;
  g_autoptr(GTimer) timer = g_timer_new ();
  guint strips, widgets, rows;

  g_list_store_remove_all (strategies);
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *id = g_strdup_printf ("strategy-%u", i);
      g_autofree char *description = g_strdup_printf ("Estrategia %u", i);
      g_autoptr(CsnStrategy) strategy = g_object_new (CSN_TYPE_STRATEGY, "id", id, "theme", "theme-1",
                                                      "description", description, NULL);

      g_list_store_append (strategies, strategy);
      for (guint m = 0; m < N_MEMBERS; m++)
        {
          g_autofree char *position_id = g_strdup_printf ("position-%u-%u", i, m);
          g_autoptr(CsnPosition) position = csn_position_new ();

          g_object_set (position, "id", position_id, "item", id, "country", codes[m],
                        "stance", (int) ((i + m) % 5), NULL);
          g_list_store_append (positions, position);
        }
    }

  page = g_object_new (CSN_TYPE_STRATEGIES_PAGE, "draft", draft, "columns", "positions", NULL);
  g_timer_start (timer);
  window = ui_test_show_page (page);
  g_test_message ("1,000 strategies with 11,000 positions shown in %.0f ms", g_timer_elapsed (timer, NULL) * 1000);
  view = ui_test_find_widget (page, GTK_TYPE_COLUMN_VIEW, NULL);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  /* A page shown for the first time gets its rows over a few frames. */
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)))) ==
                      1000);

  for (int pass = 0; pass < 2; pass++)
    {
      strips = count_widgets (view, CSN_TYPE_STANCE_STRIP);
      widgets = count_widgets (view, GTK_TYPE_WIDGET);
      rows = count_widgets (view, CSN_TYPE_POSITION_CELL);
      g_test_message ("%s: %u rows made, %u strips, %u widgets in the list",
                      pass == 0 ? "top" : "scrolled to the middle", rows, strips, widgets);
      /* One strip per row made, and rows around what shows (GTK 4.8 keeps up to 200 of them, and the
       * selected and focused ones), not 1,000. */
      g_assert_cmpuint (strips, ==, rows);
      g_assert_cmpuint (rows, <=, 220);
      /* A strip is one widget: eleven marks do not multiply the row's widgets. */
      g_assert_cmpuint (count_widgets (GTK_WIDGET (find_strip (page, ui_test_get_item (draft, CSN_COLLECTION_STRATEGIES,
                                                                                        pass == 0 ? 0 : 500))),
                                       GTK_TYPE_WIDGET), ==, 1);
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
      UI_TEST_WAIT_UNTIL (ui_test_find_typed_cell (page, CSN_TYPE_STANCE_STRIP,
                                                   ui_test_get_item (draft, CSN_COLLECTION_STRATEGIES, 500),
                                                   NULL) != NULL);
    }
  {
    CsnStanceStrip *strip = find_strip (page, ui_test_get_item (draft, CSN_COLLECTION_STRATEGIES, 500));

    /* (500 + m) % 5 */
    g_assert_cmpint (csn_stance_strip_get_stance (strip, BZ), ==, CSN_STANCE_SUPPORTS);
    g_assert_cmpint (csn_stance_strip_get_stance (strip, CR), ==, CSN_STANCE_OBJECTS);

    /* An edit: every bound strip looks at its item again, one redraws. */
    g_timer_start (timer);
    csn_draft_note_position (draft, ui_test_get_item (draft, CSN_COLLECTION_STRATEGIES, 500), "BZ",
                             CSN_STANCE_OBJECTS, "");
    UI_TEST_WAIT_UNTIL (csn_stance_strip_get_stance (strip, BZ) == CSN_STANCE_OBJECTS);
    g_test_message ("a stance noted, shown by its strip among %u in %.1f ms", strips,
                    g_timer_elapsed (timer, NULL) * 1000);
  }
  (void) window;
  ui_test_close (page);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  UI_TEST_ADD_PAGE ("/positions/country-view", CSN_TYPE_THEME_MATRIX_PAGE, test_country_view);
  UI_TEST_ADD_PAGE ("/positions/strategies-columns", CSN_TYPE_STRATEGIES_PAGE, test_strategies_columns);
  UI_TEST_ADD_PAGE ("/positions/strip-follows-undo", CSN_TYPE_THEME_MATRIX_PAGE, test_strip_follows_undo);
  UI_TEST_ADD_PAGE ("/positions/editor-one-step", CSN_TYPE_THEME_MATRIX_PAGE, test_editor_one_step);
  UI_TEST_ADD_PAGE ("/positions/contradiction", CSN_TYPE_THEME_MATRIX_PAGE, test_contradiction);
  UI_TEST_ADD_PAGE ("/positions/details-list", CSN_TYPE_THEME_MATRIX_PAGE, test_details_list);
  UI_TEST_ADD_PAGE ("/positions/strategies", CSN_TYPE_STRATEGIES_PAGE, test_other_pages);
  UI_TEST_ADD_PAGE ("/positions/mechanisms", CSN_TYPE_MECHANISMS_PAGE, test_other_pages);
  UI_TEST_ADD_PAGE ("/positions/role-proposals", CSN_TYPE_ACTORS_PAGE, test_other_pages);
  UI_TEST_ADD_PAGE ("/positions/fit/theme-matrix", CSN_TYPE_THEME_MATRIX_PAGE, test_positions_fit);
  UI_TEST_ADD_PAGE ("/positions/fit/strategies", CSN_TYPE_STRATEGIES_PAGE, test_positions_fit);
  UI_TEST_ADD_PAGE ("/positions/fit/mechanisms", CSN_TYPE_MECHANISMS_PAGE, test_positions_fit);
  UI_TEST_ADD_PAGE ("/positions/fit/role-proposals", CSN_TYPE_ACTORS_PAGE, test_positions_fit);
  g_test_add_func ("/positions/overview-counts", test_overview_counts);
  g_test_add_func ("/positions/overview-many-objections", test_overview_many_objections);
  g_test_add_func ("/positions/widget-count", test_widget_count);

  return g_test_run ();
}
