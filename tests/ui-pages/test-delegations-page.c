/* test-delegations-page.c: adding participants through the delegations page until the quota warns. */
#include "config.h"

#include <string.h>

#include "csn-delegations-page.h"
#include "csn-enums.h"
#include "csn-history.h"
#include "csn-quota-cell.h"
#include "csn-ref-cell.h"
#include "csn-text-cell.h"
#include "csn-tooltip-util.h"
#include "ui-test-util.h"

typedef UiPageFixture Fixture;

/* The warning box of the page's header: the only widget with the "error" class that is a GtkBox. */
static GtkWidget *
find_header_warning (GtkWidget *page)
{
  return ui_test_find_widget (page, GTK_TYPE_BOX, "error");
}

static void
test_quota_warning (Fixture       *fixture,
                    gconstpointer  data)
{
  CsnItem *belize = csn_draft_lookup (fixture->draft, CSN_COLLECTION_COUNTRIES, "BZ");
  CsnItem *mexico = csn_draft_lookup (fixture->draft, CSN_COLLECTION_COUNTRIES, "MX");
  CsnQuotaCell *quota;
  GtkWidget *warning, *header_warning;
  CsnItem *last;

  g_assert_nonnull (mexico);
  csn_delegations_page_reveal (CSN_DELEGATIONS_PAGE (fixture->page), mexico, NULL);
  UI_TEST_WAIT_UNTIL ((quota = CSN_QUOTA_CELL (ui_test_find_typed_cell (fixture->page, CSN_TYPE_QUOTA_CELL,
                                                                         mexico, NULL))) != NULL);
  warning = csn_quota_cell_get_warning (quota);
  header_warning = find_header_warning (fixture->page);
  g_assert_nonnull (header_warning);
  g_assert_cmpstr (csn_quota_cell_get_text (quota), ==, "0 / 3");
  g_assert_false (gtk_widget_get_visible (warning));

  /* Mexico's quota is three: the fourth participant is one too many. */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *expected = g_strdup_printf ("%u / 3", i + 1);

      g_assert_true (gtk_widget_activate_action (fixture->page, "delegations.add", NULL));
      UI_TEST_WAIT_UNTIL (g_strcmp0 (csn_quota_cell_get_text (quota), expected) == 0);
      g_assert_false (gtk_widget_get_visible (warning));
      g_assert_false (gtk_widget_get_visible (header_warning));
    }
  g_assert_cmpstr (csn_quota_cell_get_text (quota), ==, "3 / 3");
  g_assert_cmpuint (ui_test_count (fixture->draft, CSN_COLLECTION_PARTICIPANTS), ==, 3);
  g_assert_cmpint (csn_item_get_enum (ui_test_get_item (fixture->draft, CSN_COLLECTION_PARTICIPANTS, 0), "role"),
                   ==, CSN_PARTICIPANT_ROLE_HEAD_OF_DELEGATION);

  g_assert_true (gtk_widget_activate_action (fixture->page, "delegations.add", NULL));
  last = ui_test_get_item (fixture->draft, CSN_COLLECTION_PARTICIPANTS, 3);
  g_assert_cmpstr (csn_item_get_string (last, "country"), ==, "MX");
  UI_TEST_WAIT_UNTIL (g_strcmp0 (csn_quota_cell_get_text (quota), "4 / 3") == 0);
  g_assert_true (gtk_widget_get_visible (warning));
  g_assert_true (gtk_widget_get_mapped (warning));
  g_assert_true (gtk_widget_has_css_class (warning, "error"));
  g_assert_nonnull (csn_widget_get_lazy_tooltip (warning));
  g_assert_true (gtk_widget_get_has_tooltip (warning));
  g_assert_true (gtk_widget_get_visible (header_warning));
  /* Once the draft's validation caught up, the warning says it in the validation's words. */
  UI_TEST_WAIT_UNTIL (csn_widget_get_lazy_tooltip (warning) != NULL &&
                      strstr (csn_widget_get_lazy_tooltip (warning), "has 4 participants; its quota is 3") != NULL);

  /* The new participant's name has the focus; type it and press Enter. */
  {
    CsnCell *name;
    GtkWidget *entry;

    UI_TEST_WAIT_UNTIL ((name = ui_test_find_typed_cell (fixture->page, CSN_TYPE_TEXT_CELL, last, "name")) != NULL);
    entry = csn_cell_get_control (name);
    gtk_editable_set_text (GTK_EDITABLE (entry), "Ana Pérez");
    g_signal_emit_by_name (ui_test_find_widget (entry, GTK_TYPE_TEXT, NULL), "activate");
    g_assert_cmpstr (csn_item_get_string (last, "name"), ==, "Ana Pérez");
    g_assert_true (csn_draft_undo (fixture->draft));
  }

  g_assert_true (csn_draft_undo (fixture->draft));
  UI_TEST_WAIT_UNTIL (g_strcmp0 (csn_quota_cell_get_text (quota), "3 / 3") == 0);
  g_assert_false (gtk_widget_get_visible (warning));
  g_assert_false (gtk_widget_get_visible (header_warning));

  g_assert_true (csn_draft_redo (fixture->draft));
  UI_TEST_WAIT_UNTIL (g_strcmp0 (csn_quota_cell_get_text (quota), "4 / 3") == 0);
  g_assert_true (gtk_widget_get_visible (warning));
  g_assert_true (gtk_widget_get_visible (header_warning));

  /* Moving the fourth to Belize's delegation is one step, and ends the warning. */
  csn_delegations_page_reveal (CSN_DELEGATIONS_PAGE (fixture->page), last, "country");
  {
    CsnCell *country;

    UI_TEST_WAIT_UNTIL ((country = ui_test_find_typed_cell (fixture->page, CSN_TYPE_REF_CELL, last, "country")) != NULL);
    g_assert_true (csn_ref_cell_select_key (CSN_REF_CELL (country), "BZ"));
  }
  g_assert_cmpstr (csn_item_get_string (last, "country"), ==, "BZ");
  UI_TEST_WAIT_UNTIL (g_strcmp0 (csn_quota_cell_get_text (quota), "3 / 3") == 0);
  g_assert_false (gtk_widget_get_visible (warning));
  {
    CsnCell *belize_quota;

    UI_TEST_WAIT_UNTIL ((belize_quota = ui_test_find_typed_cell (fixture->page, CSN_TYPE_QUOTA_CELL, belize, NULL)) != NULL &&
                        g_strcmp0 (csn_quota_cell_get_text (CSN_QUOTA_CELL (belize_quota)), "1 / 2") == 0);
  }
  g_assert_true (csn_draft_undo (fixture->draft));
  UI_TEST_WAIT_UNTIL (g_strcmp0 (csn_quota_cell_get_text (quota), "4 / 3") == 0);
  g_assert_true (gtk_widget_get_visible (warning));
}

static void
test_remove_and_move (Fixture       *fixture,
                      gconstpointer  data)
{
  CsnItem *guatemala = csn_draft_lookup (fixture->draft, CSN_COLLECTION_COUNTRIES, "GT");
  CsnItem *first, *second;

  csn_delegations_page_reveal (CSN_DELEGATIONS_PAGE (fixture->page), guatemala, NULL);
  g_assert_true (gtk_widget_activate_action (fixture->page, "delegations.add", NULL));
  g_assert_true (gtk_widget_activate_action (fixture->page, "delegations.add", NULL));
  g_assert_cmpuint (ui_test_count (fixture->draft, CSN_COLLECTION_PARTICIPANTS), ==, 2);
  first = ui_test_get_item (fixture->draft, CSN_COLLECTION_PARTICIPANTS, 0);
  second = ui_test_get_item (fixture->draft, CSN_COLLECTION_PARTICIPANTS, 1);

  /* The second is selected: Alt+Up puts it first. */
  g_assert_true (gtk_widget_activate_action (fixture->page, "delegations.move-up", NULL));
  g_assert_true (ui_test_get_item (fixture->draft, CSN_COLLECTION_PARTICIPANTS, 0) == second);
  g_assert_true (gtk_widget_activate_action (fixture->page, "delegations.remove", NULL));
  g_assert_cmpuint (ui_test_count (fixture->draft, CSN_COLLECTION_PARTICIPANTS), ==, 1);
  g_assert_true (ui_test_get_item (fixture->draft, CSN_COLLECTION_PARTICIPANTS, 0) == first);
  g_assert_true (csn_draft_undo (fixture->draft));
  g_assert_true (csn_draft_undo (fixture->draft));
  g_assert_true (ui_test_get_item (fixture->draft, CSN_COLLECTION_PARTICIPANTS, 0) == first);
  g_assert_true (ui_test_get_item (fixture->draft, CSN_COLLECTION_PARTICIPANTS, 1) == second);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  UI_TEST_ADD_PAGE ("/delegations/quota-warning", CSN_TYPE_DELEGATIONS_PAGE, test_quota_warning);
  UI_TEST_ADD_PAGE ("/delegations/remove-and-move", CSN_TYPE_DELEGATIONS_PAGE, test_remove_and_move);

  return g_test_run ();
}
