/* test-review-page.c: the review page of incoming changes driven through its widgets: choices one by
 * one, by key, for all conflicts, for a country; groupings and the conflicts filter; apply as one
 * undoable step; cancel; an empty set; and a set of 5,000 changes built into a bounded number of rows. */
#include "config.h"

#include "review-sample.h"
#include "review-test-util.h"

typedef struct
{
  guint n_applied;
  guint n_applied_signals;
  guint n_cancelled;
} Emissions;

static void
on_applied_cb (CsnReviewPage *page,
               guint          n_applied,
               Emissions     *emissions)
{
  emissions->n_applied = n_applied;
  emissions->n_applied_signals++;
}

static void
on_cancelled_cb (CsnReviewPage *page,
                 Emissions     *emissions)
{
  emissions->n_cancelled++;
}

static CsnItem *
item_at (CsnDraft      *draft,
         CsnCollection  collection,
         guint          position)
{
  g_autoptr(CsnItem) item = g_list_model_get_item (csn_draft_get_collection (draft, collection), position);

  return item;
}

/* The groups the page lists, in order, each as its key ("theme-matrix", "CA") or "-" for none. */
static char *
dup_group_keys (CsnReviewPage *page)
{
  GListModel *rows = csn_review_page_get_rows (page);
  g_autoptr(GString) keys = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (!CSN_IS_REVIEW_GROUP (item))
        continue;
      if (keys->len > 0)
        g_string_append_c (keys, ',');
      g_string_append (keys, csn_review_group_get_key (CSN_REVIEW_GROUP (item)) != NULL
                             ? csn_review_group_get_key (CSN_REVIEW_GROUP (item)) : "-");
    }
  return g_string_free (g_steal_pointer (&keys), FALSE);
}

/* The group listed above @change. */
static CsnReviewGroup *
find_group_of (CsnReviewPage *page,
               CsnChange     *change)
{
  GListModel *rows = csn_review_page_get_rows (page);
  CsnReviewGroup *group = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (CSN_IS_REVIEW_GROUP (item))
        group = CSN_REVIEW_GROUP (item);  /* the page's list of groups keeps it */
      else if (item == G_OBJECT (change))
        return group;
    }
  return NULL;
}

static guint
count_change_rows (CsnReviewPage *page)
{
  GListModel *rows = csn_review_page_get_rows (page);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (CSN_IS_CHANGE (item))
        {
          g_assert_true (csn_change_get_conflict (CSN_CHANGE (item)) || !csn_review_page_get_only_conflicts (page));
          count++;
        }
    }
  return count;
}

/* What a click does once the button is released (gtk_widget_activate() would click after a delay). */
static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static GtkWidget *
row_button (CsnReviewPage *page,
            CsnChange     *change,
            const char    *label)
{
  CsnReviewRow *row;

  g_assert_true (review_test_reveal (page, change));
  row = review_test_find_row (GTK_WIDGET (page), change);
  g_assert_nonnull (row);
  return review_test_find_button (GTK_WIDGET (row), label);
}

static void
test_choices_apply_undo (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  ReviewSample sample = { NULL };
  g_autoptr(CsnChangeSet) set = review_sample_new_mixed (draft, &sample);
  GtkWidget *page = csn_review_page_new ();
  CsnReviewPage *review = CSN_REVIEW_PAGE (page);
  CsnItem *theme_1 = item_at (draft, CSN_COLLECTION_THEMES, 0);
  CsnItem *theme_3 = item_at (draft, CSN_COLLECTION_THEMES, 2);
  CsnItem *theme_4 = item_at (draft, CSN_COLLECTION_THEMES, 3);
  CsnItem *strategy_1 = item_at (draft, CSN_COLLECTION_STRATEGIES, 0);
  g_autofree char *before = csn_draft_to_data (draft, NULL);
  g_autofree char *after = NULL;
  g_autofree char *keys = NULL;
  Emissions emissions = { 0 };
  CsnReviewRow *row;
  CsnReviewGroupRow *group_row;
  GtkWidget *pane;

  g_signal_connect (page, "applied", G_CALLBACK (on_applied_cb), &emissions);
  csn_review_page_review (review, draft, set,
                          CSN_REVIEW_GROUPINGS_PAGE | CSN_REVIEW_GROUPINGS_COUNTRY | CSN_REVIEW_GROUPINGS_ITEM,
                          CSN_REVIEW_GROUP_BY_PAGE);
  review_test_show (page, 1366, 768);
  UI_TEST_WAIT_UNTIL (review_test_count_mapped (page, CSN_TYPE_REVIEW_ROW) > 3);
  /* Showing the changes changes nothing. */
  g_assert_false (csn_history_can_undo (csn_draft_get_history (draft)));
  g_assert_cmpuint (csn_change_set_get_n_accepted (set), ==, 11);
  g_assert_cmpuint (csn_change_set_get_n_conflicts (set), ==, 2);

  /* By page, in the sidebar's order; a reservation and positions are on their theme's page. */
  keys = dup_group_keys (review);
  g_assert_cmpstr (keys, ==, "overview,theme-matrix,strategies,endorsements");
  g_assert_cmpstr (csn_review_group_get_key (find_group_of (review, sample.mexico_reservation)), ==, "theme-matrix");
  g_assert_cmpstr (csn_review_group_get_key (find_group_of (review, sample.canada_position)), ==, "theme-matrix");
  g_assert_cmpstr (csn_review_group_get_key (find_group_of (review, sample.canada_deleted)), ==, "theme-matrix");
  g_assert_cmpstr (csn_review_group_get_key (find_group_of (review, sample.venue)), ==, "overview");
  g_assert_cmpstr (csn_review_group_get_key (find_group_of (review, sample.support_left)), ==, "strategies");

  /* A conflict keeps mine until the co-chairs take theirs, row by row. */
  g_assert_false (csn_change_get_accepted (sample.horizon_conflict));
  click (row_button (review, sample.horizon_conflict, "Take Theirs"));
  g_assert_true (csn_change_get_accepted (sample.horizon_conflict));
  row = review_test_find_row (page, sample.horizon_conflict);
  g_assert_nonnull (review_test_find_button (GTK_WIDGET (row), "Keep Mine"));
  g_assert_cmpuint (csn_change_set_get_n_accepted (set), ==, 12);

  /* Space and Enter on a focused row switch its choice. */
  g_assert_true (review_test_reveal (review, sample.notes));
  row = review_test_find_row (page, sample.notes);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (row)));
  g_assert_true (ui_test_press_keys (GTK_WIDGET (row), GDK_KEY_space, 0));
  g_assert_false (csn_change_get_accepted (sample.notes));
  g_assert_true (ui_test_press_keys (GTK_WIDGET (row), GDK_KEY_Return, 0));
  g_assert_true (csn_change_get_accepted (sample.notes));

  /* A change that cannot be applied shows its note and no choice. */
  g_assert_true (review_test_reveal (review, sample.canada_deleted));
  row = review_test_find_row (page, sample.canada_deleted);
  g_assert_null (review_test_find_button (GTK_WIDGET (row), "Accept"));
  g_assert_true (ui_test_press_keys (GTK_WIDGET (row), GDK_KEY_space, 0));
  g_assert_false (csn_change_get_accepted (sample.canada_deleted));

  /* "All Theirs" takes the other conflict too. */
  click (review_test_find_actionable (page, "review.all-theirs", NULL));
  g_assert_true (csn_change_get_accepted (sample.description_conflict));
  g_assert_true (review_test_reveal (review, sample.description_conflict));
  row = review_test_find_row (page, sample.description_conflict);
  pane = review_test_find_button (GTK_WIDGET (row), "Take Theirs");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (pane)));

  /* By country: the CRM's order, the changes of no country last; "Reject All" / "Accept All" from
   * Canada reach Canada's answers only, and never those that cannot be applied. */
  click (review_test_find_actionable (page, "review.group-by", "country"));
  g_assert_cmpint (csn_review_page_get_group_by (review), ==, CSN_REVIEW_GROUP_BY_COUNTRY);
  g_clear_pointer (&keys, g_free);
  keys = dup_group_keys (review);
  g_assert_cmpstr (keys, ==, "CA,MX,-");
  UI_TEST_WAIT_UNTIL (review_test_find_group_row (page, "CA") != NULL);
  group_row = review_test_find_group_row (page, "CA");
  click (review_test_find_button (GTK_WIDGET (group_row), "Reject All"));
  g_assert_false (csn_change_get_accepted (sample.canada_endorsement));
  g_assert_false (csn_change_get_accepted (sample.canada_position));
  g_assert_true (csn_change_get_accepted (sample.mexico_endorsement));
  click (review_test_find_button (GTK_WIDGET (group_row), "Accept All"));
  g_assert_true (csn_change_get_accepted (sample.canada_endorsement));
  g_assert_true (csn_change_get_accepted (sample.canada_position));
  g_assert_false (csn_change_get_accepted (sample.canada_deleted));
  g_assert_false (csn_change_get_accepted (sample.canada_older));
  /* Canada's objection stays out of the draft. */
  click (row_button (review, sample.canada_position, "Reject"));
  g_assert_false (csn_change_get_accepted (sample.canada_position));

  /* Only the conflicts, in the groups that have some. */
  click (review_test_find_actionable (page, "review.only-conflicts", NULL));
  g_assert_true (csn_review_page_get_only_conflicts (review));
  g_assert_cmpuint (count_change_rows (review), ==, 2);
  g_clear_pointer (&keys, g_free);
  keys = dup_group_keys (review);
  g_assert_cmpstr (keys, ==, "-");
  UI_TEST_WAIT_UNTIL (review_test_find_row (page, sample.horizon_conflict) != NULL);
  g_assert_null (review_test_find_row (page, sample.notes));
  click (review_test_find_actionable (page, "review.only-conflicts", NULL));
  g_assert_cmpuint (count_change_rows (review), ==, 15);

  /* By item: what is on theme 1 together — its horizon and México's position on it. */
  click (review_test_find_actionable (page, "review.group-by", "item"));
  g_assert_true (csn_review_group_get_item (find_group_of (review, sample.mexico_position)) == theme_1);
  g_assert_true (find_group_of (review, sample.mexico_position) == find_group_of (review, sample.horizon_conflict));
  g_assert_true (csn_review_group_get_item (find_group_of (review, sample.mexico_reservation)) == theme_4);

  /* Apply: one step, everything accepted that can be. */
  g_assert_cmpuint (csn_change_set_get_n_accepted (set), ==, 12);
  click (review_test_find_actionable (page, "review.apply", NULL));
  g_assert_cmpuint (emissions.n_applied_signals, ==, 1);
  g_assert_cmpuint (emissions.n_applied, ==, 12);
  g_assert_false (gtk_widget_is_sensitive (review_test_find_actionable (page, "review.apply", NULL)));

  g_assert_cmpint (csn_item_get_enum (theme_1, "horizon"), ==, CSN_HORIZON_MEDIUM_TERM);
  g_assert_true (g_str_has_prefix (csn_item_get_string (item_at (draft, CSN_COLLECTION_THEMES, 1), "description"),
                                   "Niñas, niños y adolescentes migrantes no acompañados"));
  g_assert_cmpstr (csn_item_get_string (item_at (draft, CSN_COLLECTION_THEMES, 3), "notes"), ==,
                   "Corto plazo: dentro de la próxima PPT (alrededor de un año).");
  g_assert_true (csn_item_strv_contains (theme_3, "raised-by", "GT"));
  g_assert_cmpstr (csn_item_get_key (item_at (draft, CSN_COLLECTION_THEMES, 2)), ==, "theme-3f9a1c2e");
  g_assert_null (csn_draft_lookup (draft, CSN_COLLECTION_THEMES, "theme-7"));
  g_assert_false (csn_item_strv_contains (strategy_1, "support", "international-organizations"));
  g_assert_cmpstr (csn_item_get_string (CSN_ITEM (csn_draft_get_meeting (draft)), "venue"), ==,
                   "San Salvador, El Salvador");
  g_assert_cmpint (csn_item_get_enum (csn_draft_lookup (draft, CSN_COLLECTION_ENDORSEMENTS, "MX"), "status"), ==,
                   CSN_ENDORSEMENT_STATUS_ENDORSED);
  g_assert_cmpint (csn_item_get_enum (csn_draft_lookup (draft, CSN_COLLECTION_ENDORSEMENTS, "CA"), "status"), ==,
                   CSN_ENDORSEMENT_STATUS_ENDORSED_WITH_RESERVATIONS);
  g_assert_cmpstr (csn_item_get_string (csn_draft_lookup (draft, CSN_COLLECTION_ENDORSEMENTS, "CA"), "note"), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (csn_draft_get_collection (draft, CSN_COLLECTION_POSITIONS)), ==, 1);
  g_assert_nonnull (csn_draft_lookup (draft, CSN_COLLECTION_POSITIONS, "position-5b1e0c77"));
  g_assert_cmpuint (g_list_model_get_n_items (csn_item_get_children (theme_4, "reservations")), ==, 1);

  /* One undo takes all of it back, one redo brings it again. */
  after = csn_draft_to_data (draft, NULL);
  g_assert_cmpstr (csn_history_get_undo_label (csn_draft_get_history (draft)), ==, "Merge “st.consenso” and answers");
  g_assert_true (csn_draft_undo (draft));
  g_assert_false (csn_history_can_undo (csn_draft_get_history (draft)));
  {
    g_autofree char *undone = csn_draft_to_data (draft, NULL);

    g_assert_cmpstr (undone, ==, before);
  }
  /* The rows follow the draft: theme 1's horizon is mine again. */
  click (review_test_find_actionable (page, "review.group-by", "page"));
  g_assert_true (review_test_reveal (review, sample.horizon_conflict));
  row = review_test_find_row (page, sample.horizon_conflict);
  UI_TEST_WAIT_UNTIL (review_test_find_button (GTK_WIDGET (row), "Keep Mine") != NULL);
  g_assert_true (csn_draft_redo (draft));
  {
    g_autofree char *redone = csn_draft_to_data (draft, NULL);

    g_assert_cmpstr (redone, ==, after);
  }

  ui_test_close (page);
}

static gboolean
is_focused_control (GtkWidget  *focus,
                    const char *action_name,
                    const char *label)
{
  if (action_name != NULL)
    return GTK_IS_ACTIONABLE (focus) &&
           g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (focus)), action_name) == 0;
  return GTK_IS_BUTTON (focus) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (focus)), label) == 0;
}

/* Tab reaches every control of the page, once each time round, and every row with its choice. */
static void
test_keyboard (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  ReviewSample sample = { NULL };
  g_autoptr(CsnChangeSet) set = review_sample_new_mixed (draft, &sample);
  GtkWidget *page = csn_review_page_new ();
  GtkWidget *window;
  g_autoptr(GHashTable) rows = g_hash_table_new (NULL, NULL);
  CsnReviewRow *row;
  static const char * const actions[] = { "review.cancel", "review.apply", "review.group-by", "review.only-conflicts",
                                          "group.reject-all", "group.accept-all", "review.all-mine",
                                          "review.all-theirs", "review.reject-all", "review.accept-all" };
  static const char * const labels[] = { "Keep Mine", "Take Theirs", "Reject", "Accept" };
  gboolean reached_action[G_N_ELEMENTS (actions)] = { FALSE };
  gboolean reached_label[G_N_ELEMENTS (labels)] = { FALSE };
  guint n_group_rows = 0;

  csn_review_page_review (CSN_REVIEW_PAGE (page), draft, set,
                          CSN_REVIEW_GROUPINGS_PAGE | CSN_REVIEW_GROUPINGS_COUNTRY | CSN_REVIEW_GROUPINGS_ITEM,
                          CSN_REVIEW_GROUP_BY_PAGE);
  window = review_test_show (page, 1366, 768);
  UI_TEST_WAIT_UNTIL (review_test_count_mapped (page, CSN_TYPE_REVIEW_ROW) > 3);

  for (guint step = 0; step < 200; step++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD);
      /* The list scrolls to the focused row. */
      ui_test_flush ();
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_nonnull (focus);
      g_assert_false (GTK_IS_TREE_EXPANDER (focus));
      if (CSN_IS_REVIEW_ROW (focus))
        g_hash_table_add (rows, csn_review_row_get_change (CSN_REVIEW_ROW (focus)));
      if (CSN_IS_REVIEW_GROUP_ROW (focus))
        n_group_rows++;
      for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
        reached_action[i] |= is_focused_control (focus, actions[i], NULL);
      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        reached_label[i] |= is_focused_control (focus, NULL, labels[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (!reached_action[i])
      g_error ("Tab never reaches %s", actions[i]);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (!reached_label[i])
      g_error ("Tab never reaches %s", labels[i]);
  g_assert_cmpuint (g_hash_table_size (rows), ==, 15);
  g_assert_cmpuint (n_group_rows, >=, 4);

  /* Down moves from row to row. */
  g_assert_true (review_test_reveal (CSN_REVIEW_PAGE (page), sample.horizon_conflict));
  row = review_test_find_row (page, sample.horizon_conflict);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (row)));
  g_assert_true (ui_test_press_keys (GTK_WIDGET (row), GDK_KEY_Down, 0));
  UI_TEST_WAIT_UNTIL (CSN_IS_REVIEW_ROW (gtk_root_get_focus (GTK_ROOT (window))) &&
                     csn_review_row_get_change (CSN_REVIEW_ROW (gtk_root_get_focus (GTK_ROOT (window)))) ==
                     sample.description_conflict);

  ui_test_close (page);
}

static void
test_cancel (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  ReviewSample sample = { NULL };
  g_autoptr(CsnChangeSet) set = review_sample_new_answers (draft, &sample);
  GtkWidget *page = csn_review_page_new ();
  g_autofree char *before = csn_draft_to_data (draft, NULL);
  g_autofree char *after = NULL;
  Emissions emissions = { 0 };

  g_signal_connect (page, "applied", G_CALLBACK (on_applied_cb), &emissions);
  g_signal_connect (page, "cancelled", G_CALLBACK (on_cancelled_cb), &emissions);
  csn_review_page_review (CSN_REVIEW_PAGE (page), draft, set,
                          CSN_REVIEW_GROUPINGS_COUNTRY | CSN_REVIEW_GROUPINGS_ITEM, CSN_REVIEW_GROUP_BY_COUNTRY);
  review_test_show (page, 1024, 600);
  UI_TEST_WAIT_UNTIL (review_test_count_mapped (page, CSN_TYPE_REVIEW_ROW) > 0);

  /* Answers have no conflicts, so no conflict controls. */
  g_assert_cmpint (csn_review_page_get_group_by (CSN_REVIEW_PAGE (page)), ==, CSN_REVIEW_GROUP_BY_COUNTRY);
  g_assert_null (review_test_find_actionable (page, "review.group-by", "page"));
  g_assert_null (review_test_find_actionable (page, "review.only-conflicts", NULL));
  g_assert_null (review_test_find_actionable (page, "review.all-theirs", NULL));

  click (review_test_find_actionable (page, "review.cancel", NULL));
  g_assert_cmpuint (emissions.n_cancelled, ==, 1);
  g_assert_cmpuint (emissions.n_applied_signals, ==, 0);
  g_assert_false (csn_history_can_undo (csn_draft_get_history (draft)));
  after = csn_draft_to_data (draft, NULL);
  g_assert_cmpstr (after, ==, before);

  ui_test_close (page);
}

static void
test_empty (void)
{
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(CsnChangeSet) set = csn_change_set_new ("Merge “pmt.consenso”");
  GtkWidget *page = csn_review_page_new ();

  csn_review_page_review (CSN_REVIEW_PAGE (page), draft, set, CSN_REVIEW_GROUPINGS_PAGE, CSN_REVIEW_GROUP_BY_PAGE);
  review_test_show (page, 1024, 600);
  g_assert_false (gtk_widget_is_sensitive (review_test_find_actionable (page, "review.apply", NULL)));
  /* Nothing to group or choose: no switch, no bulk choices. */
  g_assert_null (review_test_find_actionable (page, "review.group-by", "page"));
  g_assert_null (review_test_find_actionable (page, "review.accept-all", NULL));
  g_assert_nonnull (review_test_find_actionable (page, "review.cancel", NULL));
  g_assert_cmpuint (review_test_count_mapped (page, ADW_TYPE_STATUS_PAGE), ==, 1);
  g_assert_cmpuint (review_test_count_mapped (page, CSN_TYPE_REVIEW_ROW), ==, 0);

  ui_test_close (page);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Every row widget the list ever showed, each counted once, even when another takes a freed one's
 * address. */
typedef struct
{
  GHashTable *alive;
  guint       n_seen;
} RowCensus;

static void
on_row_finalized_cb (gpointer  data,
                     GObject  *row)
{
  g_hash_table_remove (((RowCensus *) data)->alive, row);
}

static void
take_census (RowCensus *census,
             GtkWidget *root)
{
  if ((CSN_IS_REVIEW_ROW (root) || CSN_IS_REVIEW_GROUP_ROW (root)) && !g_hash_table_contains (census->alive, root))
    {
      g_hash_table_add (census->alive, root);
      g_object_weak_ref (G_OBJECT (root), on_row_finalized_cb, census);
      census->n_seen++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    take_census (census, child);
}

static guint
count_children (GtkWidget *widget)
{
  guint count = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count++;
  return count;
}

static gboolean
last_change_shown (GtkWidget    *page,
                   CsnChangeSet *set)
{
  g_autoptr(CsnChange) last = g_list_model_get_item (G_LIST_MODEL (set), g_list_model_get_n_items (G_LIST_MODEL (set)) - 1);

  return review_test_find_row (page, last) != NULL;
}

/* Thousands of changes scroll through a bounded number of row widgets. */
static void
test_many_changes (void)
{
  const guint n_changes = 5000;
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  g_autoptr(CsnChangeSet) set = review_sample_new_large (draft, n_changes);
  GtkWidget *page = csn_review_page_new ();
  GtkWidget *scrolled;
  GtkWidget *list_view;
  GtkAdjustment *adjustment;
  GdkFrameClock *clock;
  RowCensus census = { g_hash_table_new (NULL, NULL), 0 };
  GHashTableIter iter;
  gpointer row;
  guint most_items = 0;
  guint n_steps = 0;
  guint tick;
  double elapsed;

  g_test_timer_start ();
  csn_review_page_review (CSN_REVIEW_PAGE (page), draft, set, CSN_REVIEW_GROUPINGS_PAGE | CSN_REVIEW_GROUPINGS_ITEM,
                          CSN_REVIEW_GROUP_BY_PAGE);
  g_test_message ("%u changes grouped in %.3f s", n_changes, g_test_timer_elapsed ());
  review_test_show (page, 1366, 768);
  UI_TEST_WAIT_UNTIL (review_test_count_mapped (page, CSN_TYPE_REVIEW_ROW) > 3);
  elapsed = g_test_timer_elapsed ();
  g_test_message ("%u changes shown in %.3f s", n_changes, elapsed);
  g_assert_cmpuint (g_list_model_get_n_items (csn_review_page_get_rows (CSN_REVIEW_PAGE (page))), >=, n_changes);

  scrolled = ui_test_find_widget (page, GTK_TYPE_SCROLLED_WINDOW, NULL);
  list_view = ui_test_find_widget (page, GTK_TYPE_LIST_VIEW, NULL);
  g_assert_nonnull (scrolled);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  clock = gtk_widget_get_frame_clock (page);
  tick = gtk_widget_add_tick_callback (page, tick_cb, NULL, NULL);

  /* Page by page to the end, as a user would scroll. */
  g_test_timer_start ();
  while (!last_change_shown (page, set))
    {
      gint64 frame = gdk_frame_clock_get_frame_counter (clock);
      double value = gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment);

      gtk_adjustment_set_value (adjustment, value);
      UI_TEST_WAIT_UNTIL (gdk_frame_clock_get_frame_counter (clock) >= frame + 2);
      take_census (&census, list_view);
      most_items = MAX (most_items, count_children (list_view));
      n_steps++;
      g_assert_cmpuint (n_steps, <, n_changes);
    }
  elapsed = g_test_timer_elapsed ();
  gtk_widget_remove_tick_callback (page, tick);
  g_test_message ("scrolled through in %u pages, %.1f ms a page; %u row widgets in all, at most %u list items",
                  n_steps, 1000 * elapsed / n_steps, census.n_seen, most_items);
  g_assert_cmpuint (n_steps, >, 100);
  /* GTK keeps about 200 list items, however long the list. */
  g_assert_cmpuint (most_items, <=, 250);
  g_assert_cmpuint (census.n_seen, <=, 2 * most_items);

  /* Choices over all of it stay quick. */
  g_test_timer_start ();
  click (review_test_find_actionable (page, "review.reject-all", NULL));
  g_assert_cmpuint (csn_change_set_get_n_accepted (set), ==, 0);
  click (review_test_find_actionable (page, "review.all-theirs", NULL));
  click (review_test_find_actionable (page, "review.accept-all", NULL));
  g_test_message ("reject all, all theirs and accept all over %u changes in %.3f s", n_changes,
                  g_test_timer_elapsed ());
  g_assert_cmpuint (csn_change_set_get_n_accepted (set), ==, n_changes);
  g_test_timer_start ();
  click (review_test_find_actionable (page, "review.group-by", "item"));
  g_test_message ("regrouped by item in %.3f s", g_test_timer_elapsed ());

  /* One step for all of it; the rows then show the draft as it is. */
  g_test_timer_start ();
  click (review_test_find_actionable (page, "review.apply", NULL));
  g_assert_true (csn_history_can_undo (csn_draft_get_history (draft)));
  g_test_message ("applied %u changes in %.3f s", n_changes, g_test_timer_elapsed ());
  g_assert_true (csn_draft_undo (draft));
  g_assert_false (csn_history_can_undo (csn_draft_get_history (draft)));

  g_hash_table_iter_init (&iter, census.alive);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    g_object_weak_unref (row, on_row_finalized_cb, &census);
  g_hash_table_unref (census.alive);
  ui_test_close (page);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/review-page/choices-apply-undo", test_choices_apply_undo);
  g_test_add_func ("/review-page/keyboard", test_keyboard);
  g_test_add_func ("/review-page/cancel", test_cancel);
  g_test_add_func ("/review-page/empty", test_empty);
  g_test_add_func ("/review-page/many-changes", test_many_changes);

  return g_test_run ();
}
