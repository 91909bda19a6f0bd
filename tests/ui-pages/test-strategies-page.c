/* test-strategies-page.c: editing strategies through the strategies page's widgets, with undo and redo. */
#include "config.h"

#include "csn-theme.h"

#include "csn-check-cell.h"
#include "csn-enum-cell.h"
#include "csn-enums.h"
#include "csn-history.h"
#include "csn-ref-cell.h"
#include "csn-narrow-selection.h"
#include "csn-ref-list-cell.h"
#include "csn-row-grower.h"
#include "csn-strategies-page.h"
#include "csn-text-cell.h"
#include "csn-tooltip-util.h"
#include "ui-test-util.h"

typedef UiPageFixture Fixture;

static GListModel *
get_shown (Fixture *fixture)
{
  GtkWidget *column_view = ui_test_find_widget (fixture->page, GTK_TYPE_COLUMN_VIEW, NULL);

  return G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)));
}

static GtkWidget *
find_shown_label (GtkWidget *root)
{
  if (!gtk_widget_get_visible (root) || !gtk_widget_get_child_visible (root))
    return NULL;
  if (GTK_IS_LABEL (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_shown_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* What the drop-down's button shows of the current choice. */
static const char *
get_button_text (GtkDropDown *drop_down)
{
  return gtk_label_get_text (GTK_LABEL (find_shown_label (gtk_widget_get_first_child (GTK_WIDGET (drop_down)))));
}

/* What a choice cell's button shows. */
static const char *
get_cell_text (CsnCell *cell)
{
  GtkWidget *shown = ui_test_find_widget (csn_choice_cell_get_button (CSN_CHOICE_CELL (cell)), GTK_TYPE_INSCRIPTION, NULL);

  return gtk_inscription_get_text (GTK_INSCRIPTION (shown));
}

/* The label of the marked choice of an open drop-down, or NULL. */
static const char *
get_marked_choice (GtkWidget *root)
{
  if (GTK_IS_IMAGE (root) && gtk_widget_get_opacity (root) > 0.5 && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (root)), "object-select-symbolic") == 0)
    return gtk_label_get_text (GTK_LABEL (gtk_widget_get_prev_sibling (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const char *found = get_marked_choice (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Chooses the theme filter's choice at @position as a user does: in its open list. */
static void
choose_theme_filter (GtkDropDown *filter,
                     guint        position)
{
  GtkWidget *popover = ui_test_find_widget (GTK_WIDGET (filter), GTK_TYPE_POPOVER, NULL);

  gtk_popover_popup (GTK_POPOVER (popover));
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (popover));
  gtk_drop_down_set_selected (filter, position);
  gtk_popover_popdown (GTK_POPOVER (popover));
}

/* A theme renamed is shown renamed at once in every drop-down and tooltip that names it; an open
 * drop-down marks the current choice and shows no tooltip over it. */
static void
test_renames_and_marks (Fixture       *fixture,
                        gconstpointer  data)
{
  CsnItem *strategy = ui_test_get_item (fixture->draft, CSN_COLLECTION_STRATEGIES, 0);
  CsnItem *theme = csn_draft_lookup (fixture->draft, CSN_COLLECTION_THEMES, csn_item_get_string (strategy, "theme"));
  GtkDropDown *filter = GTK_DROP_DOWN (gtk_widget_get_template_child (fixture->page, CSN_TYPE_STRATEGIES_PAGE,
                                                                      "theme_filter"));
  CsnCell *cell = NULL;
  GtkWidget *button;
  GtkWidget *popover;
  guint position;

  UI_TEST_WAIT_UNTIL ((cell = ui_test_find_typed_cell (fixture->page, CSN_TYPE_REF_CELL, strategy, "theme")) != NULL);
  button = csn_choice_cell_get_button (CSN_CHOICE_CELL (cell));
  g_assert_true (csn_draft_find_position (fixture->draft, CSN_COLLECTION_THEMES, theme, &position));
  choose_theme_filter (filter, position + 1);

  csn_draft_set_string (fixture->draft, theme, "title", "Trata de personas (renombrado)");
  g_assert_cmpstr (get_cell_text (cell), ==, "Trata de personas (renombrado)");
  g_assert_cmpstr (csn_widget_get_lazy_tooltip (button), ==, "Trata de personas (renombrado)");
  g_assert_cmpstr (get_button_text (filter), ==, "Trata de personas (renombrado)");

  popover = GTK_WIDGET (ui_test_open_choices (cell));
  cell = CSN_CELL (gtk_widget_get_parent (popover));
  button = csn_choice_cell_get_button (CSN_CHOICE_CELL (cell));
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (popover) && get_marked_choice (popover) != NULL);
  g_assert_cmpstr (get_marked_choice (popover), ==, "Trata de personas (renombrado)");
  g_assert_false (gtk_widget_get_has_tooltip (button));
  /* Renamed while the list is open: the list and the cell follow at once, the tooltip stays away. */
  csn_draft_set_string (fixture->draft, theme, "title", "Trata de personas");
  g_assert_cmpstr (get_marked_choice (popover), ==, "Trata de personas");
  g_assert_cmpstr (get_cell_text (cell), ==, "Trata de personas");
  g_assert_false (gtk_widget_get_has_tooltip (button));
  gtk_popover_popdown (GTK_POPOVER (popover));
  UI_TEST_WAIT_UNTIL (!gtk_widget_get_mapped (popover));
  g_assert_true (gtk_widget_get_has_tooltip (button));
  /* Closed, the list keeps no rows: they are made again at the next opening. */
  g_assert_null (gtk_list_view_get_model (csn_choice_popover_get_list (CSN_CHOICE_POPOVER (popover))));
}

/* Every row of the column view is shown: a new row is hidden only while its style is settled. */
static void
assert_rows_shown (Fixture *fixture)
{
  GtkWidget *column_view = ui_test_find_widget (fixture->page, GTK_TYPE_COLUMN_VIEW, NULL);
  GtkWidget *list = ui_test_find_widget (column_view, GTK_TYPE_LIST_VIEW, NULL);
  guint n_rows = 0;

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      g_assert_true (gtk_widget_get_visible (row));
      n_rows++;
    }
  g_assert_cmpuint (n_rows, >=, g_list_model_get_n_items (get_shown (fixture)));
}

static void
test_add_strategy (Fixture       *fixture,
                   gconstpointer  data)
{
  guint n = ui_test_count (fixture->draft, CSN_COLLECTION_STRATEGIES);
  CsnItem *added;
  CsnCell *description;
  GtkWidget *entry;

  g_assert_true (gtk_widget_activate_action (fixture->page, "strategies.add", NULL));
  g_assert_cmpuint (ui_test_count (fixture->draft, CSN_COLLECTION_STRATEGIES), ==, n + 1);
  /* Added after the selected (first) strategy, in its theme. */
  added = ui_test_get_item (fixture->draft, CSN_COLLECTION_STRATEGIES, 1);
  /* A key of its own, whatever scheme makes new keys. */
  g_assert_true (g_str_has_prefix (csn_item_get_key (added), "strategy-"));
  g_assert_true (csn_draft_lookup (fixture->draft, CSN_COLLECTION_STRATEGIES, csn_item_get_key (added)) == added);
  g_assert_cmpstr (csn_item_get_string (added, "theme"), ==, "theme-1");

  /* The new row's description has the focus; typing and Enter commits it. */
  UI_TEST_WAIT_UNTIL ((description = ui_test_find_typed_cell (fixture->page, CSN_TYPE_TEXT_CELL, added,
                                                              "description")) != NULL &&
                      gtk_widget_get_focus_child (csn_cell_get_control (description)) != NULL);
  g_assert_nonnull (description);
  assert_rows_shown (fixture);
  entry = csn_cell_get_control (description);
  g_assert_nonnull (gtk_widget_get_focus_child (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Taller sobre trata");
  /* Enter in the entry's text. */
  g_signal_emit_by_name (ui_test_find_widget (entry, GTK_TYPE_TEXT, NULL), "activate");
  g_assert_cmpstr (csn_item_get_string (added, "description"), ==, "Taller sobre trata");

  g_assert_true (csn_draft_undo (fixture->draft));
  g_assert_cmpstr (csn_item_get_string (added, "description"), ==, "");
  UI_TEST_WAIT_UNTIL (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (entry)), ""));
  g_assert_true (csn_draft_undo (fixture->draft));
  g_assert_cmpuint (ui_test_count (fixture->draft, CSN_COLLECTION_STRATEGIES), ==, n);
  g_assert_true (csn_draft_redo (fixture->draft));
  g_assert_true (csn_draft_redo (fixture->draft));
  g_assert_cmpuint (ui_test_count (fixture->draft, CSN_COLLECTION_STRATEGIES), ==, n + 1);
  g_assert_cmpstr (csn_item_get_string (added, "description"), ==, "Taller sobre trata");
  UI_TEST_WAIT_UNTIL (ui_test_find_typed_cell (fixture->page, CSN_TYPE_TEXT_CELL, added, "description") != NULL);
  assert_rows_shown (fixture);
}

/* The theme filter's open list, whose rows are made when it first opens: every theme, the current
 * choice marked; a theme chosen there filters the list. */
static void
test_open_theme_filter (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkDropDown *filter = GTK_DROP_DOWN (gtk_widget_get_template_child (fixture->page, CSN_TYPE_STRATEGIES_PAGE,
                                                                      "theme_filter"));
  GtkWidget *popover = ui_test_find_widget (GTK_WIDGET (filter), GTK_TYPE_POPOVER, NULL);
  CsnItem *theme = ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 0);
  g_autofree char *title = csn_item_dup_title (theme);
  GListModel *shown = get_shown (fixture);

  g_assert_nonnull (popover);
  /* Closed so far: "All themes" alone, so that GTK makes no rows for the themes. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (filter)), ==, 1);
  g_assert_cmpstr (get_button_text (filter), ==, "All themes");
  gtk_popover_popup (GTK_POPOVER (popover));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (filter)), ==,
                    ui_test_count (fixture->draft, CSN_COLLECTION_THEMES) + 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (filter), ==, 0);
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (popover) && get_marked_choice (popover) != NULL);
  g_assert_cmpstr (get_marked_choice (popover), ==, "All themes");
  g_assert_cmpstr (ui_test_find_label_text (popover, title), ==, title);
  gtk_popover_popdown (GTK_POPOVER (popover));

  gtk_drop_down_set_selected (filter, 1);
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (shown) < ui_test_count (fixture->draft, CSN_COLLECTION_STRATEGIES));
  gtk_popover_popup (GTK_POPOVER (popover));
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (popover) && g_strcmp0 (get_marked_choice (popover), title) == 0);
  gtk_popover_popdown (GTK_POPOVER (popover));
}

/* The list's filter model, which the grower takes its rows from. */
static GListModel *
get_filtered (Fixture *fixture)
{
  GtkSingleSelection *selection = csn_narrow_selection_get_selection (CSN_NARROW_SELECTION (get_shown (fixture)));
  GListModel *grower = gtk_single_selection_get_model (selection);

  return csn_row_grower_get_source (CSN_ROW_GROWER (grower));
}

static GtkFilterMatch
get_strictness (Fixture *fixture)
{
  return gtk_filter_get_strictness (gtk_filter_list_model_get_filter (GTK_FILTER_LIST_MODEL (get_filtered (fixture))));
}

/* Selects the strategy the list shows at @position. */
static CsnItem *
select_shown (Fixture *fixture,
              guint    position)
{
  g_assert_true (gtk_selection_model_select_item (GTK_SELECTION_MODEL (get_shown (fixture)), position, TRUE));
  return csn_list_page_get_selected (CSN_LIST_PAGE (fixture->page));
}

/* The filter asks about each strategy only while the search or a theme filters them: otherwise it
 * matches all without a look, and the list takes the strategies as they are. */
static void
test_filter_only_when_filtering (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkDropDown *filter = GTK_DROP_DOWN (gtk_widget_get_template_child (fixture->page, CSN_TYPE_STRATEGIES_PAGE,
                                                                      "theme_filter"));
  GtkWidget *entry = ui_test_find_widget (fixture->page, GTK_TYPE_SEARCH_ENTRY, NULL);
  guint n = ui_test_count (fixture->draft, CSN_COLLECTION_STRATEGIES);
  const char *theme = csn_item_get_key (ui_test_get_item (fixture->draft, CSN_COLLECTION_THEMES, 0));
  guint in_theme = 0;

  for (guint i = 0; i < n; i++)
    in_theme += g_strcmp0 (csn_item_get_string (ui_test_get_item (fixture->draft, CSN_COLLECTION_STRATEGIES, i),
                                                "theme"), theme) == 0;
  g_assert_cmpuint (in_theme, >, 0);
  g_assert_cmpuint (in_theme, <, n);

  g_assert_cmpint (get_strictness (fixture), ==, GTK_FILTER_MATCH_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (get_filtered (fixture)), ==, n);

  /* Two of the template's strategies are regional workshops. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "TALLER regional");
  UI_TEST_WAIT_UNTIL (get_strictness (fixture) == GTK_FILTER_MATCH_SOME);
  g_assert_cmpuint (g_list_model_get_n_items (get_filtered (fixture)), ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  UI_TEST_WAIT_UNTIL (get_strictness (fixture) == GTK_FILTER_MATCH_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (get_filtered (fixture)), ==, n);

  choose_theme_filter (filter, 1);
  g_assert_cmpint (get_strictness (fixture), ==, GTK_FILTER_MATCH_SOME);
  g_assert_cmpuint (g_list_model_get_n_items (get_filtered (fixture)), ==, in_theme);
  gtk_drop_down_set_selected (filter, 0);
  g_assert_cmpint (get_strictness (fixture), ==, GTK_FILTER_MATCH_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (get_filtered (fixture)), ==, n);
}

/* With a search, the rows are not the draft's places: the actions on the selected strategy still
 * find it where the draft has it (a strategy added after it, it moved, it removed). */
static void
test_selected_place_when_filtered (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkWidget *entry = ui_test_find_widget (fixture->page, GTK_TYPE_SEARCH_ENTRY, NULL);
  GListModel *shown = get_shown (fixture);
  guint n = ui_test_count (fixture->draft, CSN_COLLECTION_STRATEGIES);
  CsnItem *first, *second;
  guint first_at, second_at;

  gtk_editable_set_text (GTK_EDITABLE (entry), "TALLER regional");
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (shown) == 2);
  first = select_shown (fixture, 0);
  second = select_shown (fixture, 1);
  g_assert_true (csn_draft_find_position (fixture->draft, CSN_COLLECTION_STRATEGIES, first, &first_at));
  g_assert_true (csn_draft_find_position (fixture->draft, CSN_COLLECTION_STRATEGIES, second, &second_at));
  /* Neither is where the list shows it. */
  g_assert_cmpuint (first_at, >, 0);
  g_assert_cmpuint (second_at, >, 1);

  /* The first shown is not the draft's first: it moves up (a disabled action does nothing). */
  select_shown (fixture, 0);
  gtk_widget_activate_action (fixture->page, "strategies.move-up", NULL);
  g_assert_true (ui_test_get_item (fixture->draft, CSN_COLLECTION_STRATEGIES, first_at - 1) == first);
  g_assert_true (csn_draft_undo (fixture->draft));
  g_assert_true (ui_test_get_item (fixture->draft, CSN_COLLECTION_STRATEGIES, first_at) == first);

  /* Added right after the selected strategy, where the draft has it. */
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (shown) == 2);
  select_shown (fixture, 1);
  g_assert_true (csn_list_page_get_selected (CSN_LIST_PAGE (fixture->page)) == second);
  g_assert_true (gtk_widget_activate_action (fixture->page, "strategies.add", NULL));
  g_assert_cmpuint (ui_test_count (fixture->draft, CSN_COLLECTION_STRATEGIES), ==, n + 1);
  g_assert_true (ui_test_get_item (fixture->draft, CSN_COLLECTION_STRATEGIES, second_at) == second);
  g_assert_true (csn_list_page_get_selected (CSN_LIST_PAGE (fixture->page)) ==
                 ui_test_get_item (fixture->draft, CSN_COLLECTION_STRATEGIES, second_at + 1));
  g_assert_true (csn_draft_undo (fixture->draft));

  /* Removed: the one selected. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "TALLER regional");
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (shown) == 2);
  select_shown (fixture, 1);
  g_assert_true (gtk_widget_activate_action (fixture->page, "strategies.remove", NULL));
  g_assert_cmpuint (ui_test_count (fixture->draft, CSN_COLLECTION_STRATEGIES), ==, n - 1);
  g_assert_false (csn_draft_find_position (fixture->draft, CSN_COLLECTION_STRATEGIES, second, NULL));
  g_assert_true (csn_draft_find_position (fixture->draft, CSN_COLLECTION_STRATEGIES, first, NULL));
}

static void
test_move_to_theme (Fixture       *fixture,
                    gconstpointer  data)
{
  CsnItem *strategy = ui_test_get_item (fixture->draft, CSN_COLLECTION_STRATEGIES, 0);
  GtkDropDown *theme_filter = GTK_DROP_DOWN (ui_test_find_widget (fixture->page, GTK_TYPE_DROP_DOWN, NULL));
  CsnCell *theme_cell;
  GListModel *shown = get_shown (fixture);

  /* Show only theme-1's strategies: "All themes" is first, then the themes in order. */
  choose_theme_filter (theme_filter, 1);
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (shown) == 2 &&
                      (theme_cell = ui_test_find_typed_cell (fixture->page, CSN_TYPE_REF_CELL, strategy, "theme")) != NULL);
  {
    CsnItem *theme_5 = csn_draft_lookup (fixture->draft, CSN_COLLECTION_THEMES, "theme-5");
    g_autofree char *title = csn_item_dup_title (theme_5);

    g_assert_true (ui_test_choose (theme_cell, title));
  }

  /* One step; the strategy left the theme shown once the edit is over. */
  g_assert_cmpstr (csn_item_get_string (strategy, "theme"), ==, "theme-5");
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (shown) == 1);
  g_assert_true (csn_draft_undo (fixture->draft));
  g_assert_cmpstr (csn_item_get_string (strategy, "theme"), ==, "theme-1");
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (shown) == 2);
  g_assert_false (csn_history_can_undo (csn_draft_get_history (fixture->draft)));

  UI_TEST_WAIT_UNTIL ((theme_cell = ui_test_find_typed_cell (fixture->page, CSN_TYPE_REF_CELL, strategy, "theme")) != NULL);
  {
    g_autofree char *title = csn_item_dup_title (csn_draft_lookup (fixture->draft, CSN_COLLECTION_THEMES, "theme-1"));

    g_assert_cmpstr (csn_choice_cell_get_text (CSN_CHOICE_CELL (theme_cell)), ==, title);
  }

  g_assert_true (csn_draft_redo (fixture->draft));
  g_assert_cmpstr (csn_item_get_string (strategy, "theme"), ==, "theme-5");
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (shown) == 1);

  /* All themes again. */
  gtk_drop_down_set_selected (theme_filter, 0);
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (shown) == ui_test_count (fixture->draft, CSN_COLLECTION_STRATEGIES));
}

static void
test_lead_and_support (Fixture       *fixture,
                       gconstpointer  data)
{
  CsnItem *strategy = ui_test_get_item (fixture->draft, CSN_COLLECTION_STRATEGIES, 6);
  CsnCell *lead = ui_test_find_typed_cell (fixture->page, CSN_TYPE_REF_CELL, strategy, "lead");
  CsnCell *support = ui_test_find_typed_cell (fixture->page, CSN_TYPE_REF_LIST_CELL, strategy, "support");
  g_autofree char *old_lead = g_strdup (csn_item_get_string (strategy, "lead"));
  GtkWidget *popover;
  CsnCell *check;
  CsnItem *rrocm = csn_draft_lookup (fixture->draft, CSN_COLLECTION_ACTORS, "rrocm");

  g_assert_nonnull (lead);
  g_assert_nonnull (support);
  g_assert_nonnull (old_lead);

  /* Lead: "None" stores null. */
  g_assert_true (csn_ref_cell_select_key (CSN_REF_CELL (lead), NULL));
  g_assert_null (csn_item_get_string (strategy, "lead"));
  g_assert_true (csn_draft_undo (fixture->draft));
  g_assert_cmpstr (csn_item_get_string (strategy, "lead"), ==, old_lead);

  /* Support: tick the civil society in the popover. */
  g_assert_false (csn_item_strv_contains (strategy, "support", "rrocm"));
  popover = GTK_WIDGET (ui_test_open_choices (support));
  support = CSN_CELL (gtk_widget_get_parent (popover));
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (popover) &&
                      (check = ui_test_find_check_cell (popover, strategy, "rrocm")) != NULL);
  g_assert_nonnull (rrocm);
  gtk_widget_activate (GTK_WIDGET (csn_check_cell_get_button (CSN_CHECK_CELL (check))));
  g_assert_true (csn_item_strv_contains (strategy, "support", "rrocm"));
  {
    g_autofree char *title = csn_item_dup_title (rrocm);

    g_assert_nonnull (strstr (csn_ref_list_cell_get_summary (CSN_REF_LIST_CELL (support)), title));
  }
  g_assert_true (csn_draft_undo (fixture->draft));
  g_assert_false (csn_item_strv_contains (strategy, "support", "rrocm"));
  UI_TEST_WAIT_UNTIL (!gtk_check_button_get_active (csn_check_cell_get_button (CSN_CHECK_CELL (check))));
  g_assert_true (csn_draft_redo (fixture->draft));
  UI_TEST_WAIT_UNTIL (gtk_check_button_get_active (csn_check_cell_get_button (CSN_CHECK_CELL (check))));
  gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
test_set_horizon_and_remove (Fixture       *fixture,
                             gconstpointer  data)
{
  guint n = ui_test_count (fixture->draft, CSN_COLLECTION_STRATEGIES);
  CsnItem *strategy = ui_test_get_item (fixture->draft, CSN_COLLECTION_STRATEGIES, 3);
  CsnCell *horizon = ui_test_find_typed_cell (fixture->page, CSN_TYPE_ENUM_CELL, strategy, "horizon");

  g_assert_true (csn_enum_cell_select_value (CSN_ENUM_CELL (horizon), CSN_HORIZON_MEDIUM_TERM));
  g_assert_cmpint (csn_item_get_enum (strategy, "horizon"), ==, CSN_HORIZON_MEDIUM_TERM);

  csn_strategies_page_reveal (CSN_STRATEGIES_PAGE (fixture->page), strategy, "horizon");
  g_assert_true (csn_list_page_get_selected (CSN_LIST_PAGE (fixture->page)) == strategy);
  g_assert_true (gtk_widget_activate_action (fixture->page, "strategies.remove", NULL));
  g_assert_cmpuint (ui_test_count (fixture->draft, CSN_COLLECTION_STRATEGIES), ==, n - 1);
  g_assert_true (csn_draft_undo (fixture->draft));
  g_assert_true (csn_draft_undo (fixture->draft));
  g_assert_cmpuint (ui_test_count (fixture->draft, CSN_COLLECTION_STRATEGIES), ==, n);
  g_assert_cmpint (csn_item_get_enum (strategy, "horizon"), ==, CSN_HORIZON_UNDECIDED);
  /* The row is back, with a new cell once the list lays it out again. */
  UI_TEST_WAIT_UNTIL ((horizon = ui_test_find_typed_cell (fixture->page, CSN_TYPE_ENUM_CELL, strategy, "horizon")) != NULL);
  g_assert_cmpstr (csn_choice_cell_get_text (CSN_CHOICE_CELL (horizon)), ==,
                   csn_enum_get_label (CSN_TYPE_HORIZON, CSN_HORIZON_UNDECIDED));
}

/* From the Overview's "no strategy yet" entry: the page shows that theme, and Add adds to it. */
static void
test_reveal_theme (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CsnTheme) theme = csn_theme_new ();
  guint n = ui_test_count (fixture->draft, CSN_COLLECTION_STRATEGIES);
  CsnItem *added;

  g_object_set (theme, "title", "Tema sin estrategias", "pillar", "human-rights", NULL);
  csn_draft_append (fixture->draft, CSN_COLLECTION_THEMES, CSN_ITEM (theme));

  csn_strategies_page_reveal (CSN_STRATEGIES_PAGE (fixture->page), CSN_ITEM (theme), NULL);
  UI_TEST_WAIT_UNTIL (g_list_model_get_n_items (get_shown (fixture)) == 0);

  g_assert_true (gtk_widget_activate_action (fixture->page, "strategies.add", NULL));
  g_assert_cmpuint (ui_test_count (fixture->draft, CSN_COLLECTION_STRATEGIES), ==, n + 1);
  added = ui_test_get_item (fixture->draft, CSN_COLLECTION_STRATEGIES, n);
  g_assert_cmpstr (csn_item_get_string (added, "theme"), ==, csn_item_get_key (CSN_ITEM (theme)));
  g_assert_cmpuint (g_list_model_get_n_items (get_shown (fixture)), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  UI_TEST_ADD_PAGE ("/strategies/renames-and-marks", CSN_TYPE_STRATEGIES_PAGE, test_renames_and_marks);
  UI_TEST_ADD_PAGE ("/strategies/add", CSN_TYPE_STRATEGIES_PAGE, test_add_strategy);
  UI_TEST_ADD_PAGE ("/strategies/reveal-theme", CSN_TYPE_STRATEGIES_PAGE, test_reveal_theme);
  UI_TEST_ADD_PAGE ("/strategies/open-theme-filter", CSN_TYPE_STRATEGIES_PAGE, test_open_theme_filter);
  UI_TEST_ADD_PAGE ("/strategies/filter-only-when-filtering", CSN_TYPE_STRATEGIES_PAGE, test_filter_only_when_filtering);
  UI_TEST_ADD_PAGE ("/strategies/selected-place-when-filtered", CSN_TYPE_STRATEGIES_PAGE, test_selected_place_when_filtered);
  UI_TEST_ADD_PAGE ("/strategies/move-to-theme", CSN_TYPE_STRATEGIES_PAGE, test_move_to_theme);
  UI_TEST_ADD_PAGE ("/strategies/lead-and-support", CSN_TYPE_STRATEGIES_PAGE, test_lead_and_support);
  UI_TEST_ADD_PAGE ("/strategies/horizon-and-remove", CSN_TYPE_STRATEGIES_PAGE, test_set_horizon_and_remove);

  return g_test_run ();
}
