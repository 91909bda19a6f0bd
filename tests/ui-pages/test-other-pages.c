/* test-other-pages.c: mechanisms, actors and role proposals, endorsements: edits through the widgets. */
#include "config.h"

#include "csn-actors-page.h"
#include "csn-check-cell.h"
#include "csn-date-cell.h"
#include "csn-delegations-page.h"
#include "csn-endorsements-page.h"
#include "csn-enum-cell.h"
#include "csn-enums.h"
#include "csn-history.h"
#include "csn-mechanisms-page.h"
#include "csn-ref-list-cell.h"
#include "csn-strategies-page.h"
#include "csn-text-cell.h"
#include "csn-theme-matrix-page.h"
#include "ui-test-util.h"

typedef UiPageFixture Fixture;

static void
type_and_enter (GtkWidget  *entry,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (ui_test_find_widget (entry, GTK_TYPE_TEXT, NULL), "activate");
}

static void
test_mechanisms (Fixture       *fixture,
                 gconstpointer  data)
{
  CsnItem *mechanism = ui_test_get_item (fixture->draft, CSN_COLLECTION_MECHANISMS, 1);
  guint n = ui_test_count (fixture->draft, CSN_COLLECTION_MECHANISMS);
  CsnCell *assessment = ui_test_find_typed_cell (fixture->page, CSN_TYPE_ENUM_CELL, mechanism, "assessment");
  const char *needs_change = csn_enum_get_label (CSN_TYPE_ASSESSMENT, CSN_ASSESSMENT_NEEDS_CHANGE);
  const char *not_assessed = csn_enum_get_label (CSN_TYPE_ASSESSMENT, CSN_ASSESSMENT_NOT_ASSESSED);
  CsnItem *added;
  CsnCell *proposal;

  g_assert_nonnull (assessment);
  g_assert_true (ui_test_choose (assessment, needs_change));
  g_assert_cmpint (csn_item_get_enum (mechanism, "assessment"), ==, CSN_ASSESSMENT_NEEDS_CHANGE);

  proposal = ui_test_find_typed_cell (fixture->page, CSN_TYPE_TEXT_CELL, mechanism, "proposal");
  g_assert_nonnull (proposal);
  type_and_enter (csn_cell_get_control (proposal), "Reunirse dos veces al año");
  g_assert_cmpstr (csn_item_get_string (mechanism, "proposal"), ==, "Reunirse dos veces al año");

  g_assert_true (csn_draft_undo (fixture->draft));
  g_assert_true (csn_draft_undo (fixture->draft));
  g_assert_cmpint (csn_item_get_enum (mechanism, "assessment"), ==, CSN_ASSESSMENT_NOT_ASSESSED);
  UI_TEST_WAIT_UNTIL (g_str_equal (csn_choice_cell_get_text (CSN_CHOICE_CELL (assessment)), not_assessed));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (csn_cell_get_control (proposal))), ==, "");
  g_assert_true (csn_draft_redo (fixture->draft));
  UI_TEST_WAIT_UNTIL (g_str_equal (csn_choice_cell_get_text (CSN_CHOICE_CELL (assessment)), needs_change));

  csn_mechanisms_page_reveal (CSN_MECHANISMS_PAGE (fixture->page), mechanism, "name");
  g_assert_true (csn_list_page_get_selected (CSN_LIST_PAGE (fixture->page)) == mechanism);
  g_assert_true (gtk_widget_activate_action (fixture->page, "mechanisms.add", NULL));
  g_assert_cmpuint (ui_test_count (fixture->draft, CSN_COLLECTION_MECHANISMS), ==, n + 1);
  added = ui_test_get_item (fixture->draft, CSN_COLLECTION_MECHANISMS, 2);
  UI_TEST_WAIT_UNTIL (ui_test_find_typed_cell (fixture->page, CSN_TYPE_TEXT_CELL, added, "name") != NULL);
  g_assert_true (gtk_widget_activate_action (fixture->page, "mechanisms.move-up", NULL));
  g_assert_true (ui_test_get_item (fixture->draft, CSN_COLLECTION_MECHANISMS, 1) == added);
  g_assert_true (gtk_widget_activate_action (fixture->page, "mechanisms.remove", NULL));
  g_assert_cmpuint (ui_test_count (fixture->draft, CSN_COLLECTION_MECHANISMS), ==, n);
  g_assert_true (csn_draft_undo (fixture->draft));
  g_assert_true (ui_test_get_item (fixture->draft, CSN_COLLECTION_MECHANISMS, 1) == added);

  /* Escape drops a pending edit: the field shows the draft's text again, and nothing is committed. */
  UI_TEST_WAIT_UNTIL ((proposal = ui_test_find_typed_cell (fixture->page, CSN_TYPE_TEXT_CELL, mechanism,
                                                           "proposal")) != NULL);
  {
    GtkWidget *entry = csn_cell_get_control (proposal);
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (entry);
    g_autofree char *before = g_strdup (csn_item_get_string (mechanism, "proposal"));
    GtkEventController *keys = NULL;
    gboolean handled = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
          keys = GTK_EVENT_CONTROLLER (controller);
      }
    g_assert_nonnull (keys);
    gtk_editable_set_text (GTK_EDITABLE (entry), "Texto a medias");
    g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Escape, 9, 0, &handled);
    g_assert_true (handled);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, before);
    gtk_widget_grab_focus (ui_test_find_widget (fixture->page, GTK_TYPE_SEARCH_ENTRY, NULL));
    UI_TEST_WAIT_UNTIL (!gtk_widget_has_focus (ui_test_find_widget (entry, GTK_TYPE_TEXT, NULL)));
    ui_test_flush ();
    g_assert_cmpstr (csn_item_get_string (mechanism, "proposal"), ==, before);
  }
}

static void
test_actors (Fixture       *fixture,
             gconstpointer  data)
{
  CsnItem *st = csn_draft_lookup (fixture->draft, CSN_COLLECTION_ACTORS, "st");
  CsnItem *proposal;
  CsnCell *role, *supported, *check;
  GtkWidget *popover;
  g_autofree char *old_role = NULL;

  g_assert_nonnull (st);
  old_role = g_strdup (csn_item_get_string (st, "current-role"));

  /* The actor's current role. */
  role = ui_test_find_typed_cell (fixture->page, CSN_TYPE_TEXT_CELL, st, "current-role");
  g_assert_nonnull (role);
  type_and_enter (csn_cell_get_control (role), "Apoyo técnico y memoria institucional");
  g_assert_cmpstr (csn_item_get_string (st, "current-role"), ==, "Apoyo técnico y memoria institucional");
  g_assert_true (csn_draft_undo (fixture->draft));
  UI_TEST_WAIT_UNTIL (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (csn_cell_get_control (role))), old_role) == 0);

  /* A proposal on the Technical Secretariat, supported by Mexico. */
  csn_actors_page_reveal (CSN_ACTORS_PAGE (fixture->page), st, NULL);
  g_assert_true (gtk_widget_activate_action (fixture->page, "proposals.add", NULL));
  g_assert_cmpuint (ui_test_count (fixture->draft, CSN_COLLECTION_ROLE_PROPOSALS), ==, 1);
  proposal = ui_test_get_item (fixture->draft, CSN_COLLECTION_ROLE_PROPOSALS, 0);
  g_assert_cmpstr (csn_item_get_string (proposal, "actor"), ==, "st");

  UI_TEST_WAIT_UNTIL ((supported = ui_test_find_typed_cell (fixture->page, CSN_TYPE_REF_LIST_CELL, proposal,
                                                            "supported-by")) != NULL);
  popover = GTK_WIDGET (ui_test_open_choices (supported));
  supported = CSN_CELL (gtk_widget_get_parent (popover));
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (popover) &&
                      (check = ui_test_find_check_cell (popover, proposal, "MX")) != NULL);
  gtk_widget_activate (GTK_WIDGET (csn_check_cell_get_button (CSN_CHECK_CELL (check))));
  g_assert_true (csn_item_strv_contains (proposal, "supported-by", "MX"));
  g_assert_cmpstr (csn_ref_list_cell_get_summary (CSN_REF_LIST_CELL (supported)), ==, "MX");
  gtk_popover_popdown (GTK_POPOVER (popover));

  g_assert_true (csn_draft_undo (fixture->draft));
  g_assert_false (csn_item_strv_contains (proposal, "supported-by", "MX"));
  UI_TEST_WAIT_UNTIL (g_strcmp0 (csn_ref_list_cell_get_summary (CSN_REF_LIST_CELL (supported)), "MX") != 0);
  g_assert_true (csn_draft_undo (fixture->draft));
  g_assert_cmpuint (ui_test_count (fixture->draft, CSN_COLLECTION_ROLE_PROPOSALS), ==, 0);
  g_assert_true (csn_draft_redo (fixture->draft));
  g_assert_true (csn_draft_redo (fixture->draft));
  g_assert_true (csn_item_strv_contains (proposal, "supported-by", "MX"));

  /* Removing the actor takes its proposal with it, in one step. */
  csn_actors_page_reveal (CSN_ACTORS_PAGE (fixture->page), st, NULL);
  g_assert_true (csn_list_page_get_selected (CSN_LIST_PAGE (fixture->page)) == st);
  g_assert_true (gtk_widget_activate_action (fixture->page, "actors.remove", NULL));
  g_assert_null (csn_draft_lookup (fixture->draft, CSN_COLLECTION_ACTORS, "st"));
  g_assert_cmpuint (ui_test_count (fixture->draft, CSN_COLLECTION_ROLE_PROPOSALS), ==, 0);
  for (guint i = 0; i < ui_test_count (fixture->draft, CSN_COLLECTION_STRATEGIES); i++)
    {
      CsnItem *strategy = ui_test_get_item (fixture->draft, CSN_COLLECTION_STRATEGIES, i);

      g_assert_cmpstr (csn_item_get_string (strategy, "lead"), !=, "st");
      g_assert_false (csn_item_strv_contains (strategy, "support", "st"));
    }
  g_assert_true (csn_draft_undo (fixture->draft));
  g_assert_true (csn_draft_lookup (fixture->draft, CSN_COLLECTION_ACTORS, "st") == st);
  g_assert_cmpuint (ui_test_count (fixture->draft, CSN_COLLECTION_ROLE_PROPOSALS), ==, 1);
}

static void
test_endorsements (Fixture       *fixture,
                   gconstpointer  data)
{
  CsnItem *endorsement = csn_draft_lookup (fixture->draft, CSN_COLLECTION_ENDORSEMENTS, "MX");
  CsnCell *status, *date;
  GtkWidget *entry;
  guint n = ui_test_count (fixture->draft, CSN_COLLECTION_ENDORSEMENTS);

  g_assert_nonnull (endorsement);
  csn_endorsements_page_reveal (CSN_ENDORSEMENTS_PAGE (fixture->page), endorsement, "date");
  UI_TEST_WAIT_UNTIL ((status = ui_test_find_typed_cell (fixture->page, CSN_TYPE_ENUM_CELL, endorsement, "status")) != NULL);
  g_assert_true (ui_test_choose (status, csn_enum_get_label (CSN_TYPE_ENDORSEMENT_STATUS, CSN_ENDORSEMENT_STATUS_ENDORSED)));
  g_assert_cmpint (csn_item_get_enum (endorsement, "status"), ==, CSN_ENDORSEMENT_STATUS_ENDORSED);

  /* An invalid date is marked and not committed; a valid one is. */
  date = ui_test_find_typed_cell (fixture->page, CSN_TYPE_DATE_CELL, endorsement, "date");
  g_assert_nonnull (date);
  entry = GTK_WIDGET (csn_date_cell_get_entry (CSN_DATE_CELL (date)));
  type_and_enter (entry, "2012-02-30");
  g_assert_null (csn_item_get_string (endorsement, "date"));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  type_and_enter (entry, "30");
  g_assert_null (csn_item_get_string (endorsement, "date"));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  type_and_enter (entry, "2012-06-30");
  g_assert_cmpstr (csn_item_get_string (endorsement, "date"), ==, "2012-06-30");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  /* Shown as the user's locale writes dates, and read back the same way. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "30 Jun 2012");
  g_assert_true (csn_draft_undo (fixture->draft));
  type_and_enter (entry, "30 Jun 2012");
  g_assert_cmpstr (csn_item_get_string (endorsement, "date"), ==, "2012-06-30");

  /* Or chosen on the calendar. */
  {
    GtkCalendar *calendar = csn_date_cell_get_calendar (CSN_DATE_CELL (date));
    g_autoptr(GDateTime) day = g_date_time_new_utc (2012, 7, 15, 0, 0, 0);

    gtk_calendar_select_day (calendar, day);
    g_assert_cmpstr (csn_item_get_string (endorsement, "date"), ==, "2012-07-15");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "15 Jul 2012");
    g_assert_true (csn_draft_undo (fixture->draft));
  }

  g_assert_true (csn_draft_undo (fixture->draft));
  g_assert_null (csn_item_get_string (endorsement, "date"));
  UI_TEST_WAIT_UNTIL (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (entry)), ""));
  g_assert_true (csn_draft_undo (fixture->draft));
  g_assert_cmpint (csn_item_get_enum (endorsement, "status"), ==, CSN_ENDORSEMENT_STATUS_PENDING);
  g_assert_false (csn_history_can_undo (csn_draft_get_history (fixture->draft)));

  /* Every member has an endorsement: adding is disabled until one is removed. */
  gtk_widget_activate_action (fixture->page, "endorsements.add", NULL);
  g_assert_cmpuint (ui_test_count (fixture->draft, CSN_COLLECTION_ENDORSEMENTS), ==, n);
  g_assert_true (gtk_widget_activate_action (fixture->page, "endorsements.remove", NULL));
  g_assert_cmpuint (ui_test_count (fixture->draft, CSN_COLLECTION_ENDORSEMENTS), ==, n - 1);
  g_assert_null (csn_draft_lookup (fixture->draft, CSN_COLLECTION_ENDORSEMENTS, "MX"));
  g_assert_true (gtk_widget_activate_action (fixture->page, "endorsements.add", NULL));
  g_assert_cmpuint (ui_test_count (fixture->draft, CSN_COLLECTION_ENDORSEMENTS), ==, n);
  g_assert_nonnull (csn_draft_lookup (fixture->draft, CSN_COLLECTION_ENDORSEMENTS, "MX"));
}

static gboolean
has_mapped_cell (GtkWidget *widget)
{
  if (CSN_IS_CELL (widget) && gtk_widget_get_mapped (widget) && csn_cell_get_item (CSN_CELL (widget)) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_mapped_cell (child))
      return TRUE;
  return FALSE;
}

static gboolean
has_mapped_status_page (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_mapped_status_page (child))
      return TRUE;
  return FALSE;
}

/* Every page takes another draft, or none, at any time; an empty list shows a status page. */
static void
test_replace_draft (gconstpointer data)
{
  GType page_type = GPOINTER_TO_SIZE (data);
  g_autoptr(CsnDraft) first = csn_draft_new_from_template ();
  g_autoptr(CsnDraft) empty = csn_draft_new ();
  g_autoptr(CsnDraft) second = csn_draft_new_from_template ();
  GtkWidget *page = g_object_new (page_type, "draft", first, NULL);
  CsnDraft *shown = NULL;

  ui_test_show_page (page);
  g_assert_true (has_mapped_cell (page) || page_type == CSN_TYPE_DELEGATIONS_PAGE);

  g_object_set (page, "draft", NULL, NULL);
  UI_TEST_WAIT_UNTIL (!has_mapped_cell (page));
  g_object_get (page, "draft", &shown, NULL);
  g_assert_null (shown);

  g_object_set (page, "draft", empty, NULL);
  UI_TEST_WAIT_UNTIL (has_mapped_status_page (page));
  g_assert_false (has_mapped_cell (page));
  g_assert_cmpstr (ui_test_list_stack_shown (page), ==, "empty");
  g_assert_false (csn_history_can_undo (csn_draft_get_history (empty)));

  g_object_set (page, "draft", second, NULL);
  UI_TEST_WAIT_UNTIL (has_mapped_cell (page));
  /* The template has no participants yet: the delegations' list says so. */
  g_assert_cmpstr (ui_test_list_stack_shown (page), ==, page_type == CSN_TYPE_DELEGATIONS_PAGE ? "empty" : "list");
  g_assert_false (csn_history_can_undo (csn_draft_get_history (second)));
  g_assert_false (csn_history_can_undo (csn_draft_get_history (first)));
  ui_test_close (page);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  UI_TEST_ADD_PAGE ("/mechanisms/edit", CSN_TYPE_MECHANISMS_PAGE, test_mechanisms);
  UI_TEST_ADD_PAGE ("/actors/roles-and-proposals", CSN_TYPE_ACTORS_PAGE, test_actors);
  UI_TEST_ADD_PAGE ("/endorsements/status-and-date", CSN_TYPE_ENDORSEMENTS_PAGE, test_endorsements);

  g_test_add_data_func ("/pages/replace-draft/theme-matrix", GSIZE_TO_POINTER (CSN_TYPE_THEME_MATRIX_PAGE),
                        test_replace_draft);
  g_test_add_data_func ("/pages/replace-draft/strategies", GSIZE_TO_POINTER (CSN_TYPE_STRATEGIES_PAGE),
                        test_replace_draft);
  g_test_add_data_func ("/pages/replace-draft/mechanisms", GSIZE_TO_POINTER (CSN_TYPE_MECHANISMS_PAGE),
                        test_replace_draft);
  g_test_add_data_func ("/pages/replace-draft/actors", GSIZE_TO_POINTER (CSN_TYPE_ACTORS_PAGE), test_replace_draft);
  g_test_add_data_func ("/pages/replace-draft/delegations", GSIZE_TO_POINTER (CSN_TYPE_DELEGATIONS_PAGE),
                        test_replace_draft);
  g_test_add_data_func ("/pages/replace-draft/endorsements", GSIZE_TO_POINTER (CSN_TYPE_ENDORSEMENTS_PAGE),
                        test_replace_draft);

  return g_test_run ();
}
