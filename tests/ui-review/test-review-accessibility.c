/* test-review-accessibility.c: every control of the review page, and every row a keyboard reaches,
 * has an accessible label (test backend, GTK_A11Y=test). */
#include "config.h"

#include "review-sample.h"
#include "review-test-util.h"

static gboolean
has_visible_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget))[0] != '\0';
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_visible_text (child))
      return TRUE;
  return FALSE;
}

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget) ||
         GTK_IS_ENTRY (widget) || GTK_IS_SEARCH_ENTRY (widget) || GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_LIST_VIEW (widget) || CSN_IS_REVIEW_ROW (widget) || CSN_IS_REVIEW_GROUP_ROW (widget);
}

static gboolean
has_label (GtkWidget *widget)
{
  g_autofree char *unlabelled = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                    GTK_ACCESSIBLE_PROPERTY_LABEL, "");

  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
         unlabelled != NULL;
}

/* Rows and lists hold further controls; a button's parts are labelled through the button. */
static void
check_controls (GtkWidget *widget,
                guint     *n_checked,
                guint     *n_rows)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (is_control (widget))
    {
      if (!has_label (widget) && !(GTK_IS_BUTTON (widget) && has_visible_text (widget)))
        g_error ("%s (%s) has no accessible label", G_OBJECT_TYPE_NAME (widget),
                 gtk_widget_get_name (widget));
      (*n_checked)++;
      if (CSN_IS_REVIEW_ROW (widget) || CSN_IS_REVIEW_GROUP_ROW (widget))
        (*n_rows)++;
      if (GTK_IS_BUTTON (widget))
        return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_controls (child, n_checked, n_rows);
}

static void
test_labels (gconstpointer data)
{
  CsnReviewGrouping group_by = GPOINTER_TO_INT (data);
  g_autoptr(CsnDraft) draft = csn_draft_new_from_template ();
  ReviewSample sample = { NULL };
  g_autoptr(CsnChangeSet) set = review_sample_new_mixed (draft, &sample);
  GtkWidget *page = csn_review_page_new ();
  CsnReviewRow *row;
  guint n_checked = 0;
  guint n_rows = 0;
  g_autofree char *description = NULL;

  csn_review_page_review (CSN_REVIEW_PAGE (page), draft, set,
                          CSN_REVIEW_GROUPINGS_PAGE | CSN_REVIEW_GROUPINGS_COUNTRY | CSN_REVIEW_GROUPINGS_ITEM,
                          group_by);
  review_test_show (page, 1366, 768);
  UI_TEST_WAIT_UNTIL (review_test_count_mapped (page, CSN_TYPE_REVIEW_ROW) > 3);

  check_controls (page, &n_checked, &n_rows);
  /* The header, the toolbar, the bulk buttons, and rows with their choices. */
  g_assert_cmpuint (n_checked, >=, 20);
  g_assert_cmpuint (n_rows, >=, 4);

  /* A row says what it is and which side it takes, not by colour. */
  g_assert_true (review_test_reveal (CSN_REVIEW_PAGE (page), sample.horizon_conflict));
  row = review_test_find_row (page, sample.horizon_conflict);
  description = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                    "Theme 1 “Trata de personas y tráfico ilícito de migrantes”: "
                                                    "horizon. Changed, conflict. Mine: Undecided. Theirs: Medium "
                                                    "term. Keeping mine.");
  g_assert_null (description);

  ui_test_close (page);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_data_func ("/review-accessibility/by-page", GINT_TO_POINTER (CSN_REVIEW_GROUP_BY_PAGE), test_labels);
  g_test_add_data_func ("/review-accessibility/by-country", GINT_TO_POINTER (CSN_REVIEW_GROUP_BY_COUNTRY),
                        test_labels);

  return g_test_run ();
}
