/* review-test-util.c: the review page in a window of a given size, and finding its rows and controls. */
#include "config.h"

#include "review-test-util.h"

GtkWidget *
review_test_show (GtkWidget *page,
                  int        width,
                  int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (page) && gtk_widget_get_width (page) > 0);
  return window;
}

/* The first mapped widget under @root whose action is @action_name (and target @target, if given). */
GtkWidget *
review_test_find_actionable (GtkWidget  *root,
                             const char *action_name,
                             const char *target)
{
  if (GTK_IS_ACTIONABLE (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    {
      GVariant *value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root));

      if (target == NULL || (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) &&
                             g_str_equal (g_variant_get_string (value, NULL), target)))
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = review_test_find_actionable (child, action_name, target);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The mapped row that shows @change. */
CsnReviewRow *
review_test_find_row (GtkWidget *root,
                      CsnChange *change)
{
  if (CSN_IS_REVIEW_ROW (root) && gtk_widget_get_mapped (root) &&
      csn_review_row_get_change (CSN_REVIEW_ROW (root)) == change)
    return CSN_REVIEW_ROW (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      CsnReviewRow *found = review_test_find_row (child, change);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The mapped heading of the group keyed @key (a page's name or a country's code). */
CsnReviewGroupRow *
review_test_find_group_row (GtkWidget  *root,
                            const char *key)
{
  if (CSN_IS_REVIEW_GROUP_ROW (root) && gtk_widget_get_mapped (root))
    {
      CsnReviewGroup *group = csn_review_group_row_get_group (CSN_REVIEW_GROUP_ROW (root));

      if (group != NULL && g_strcmp0 (csn_review_group_get_key (group), key) == 0)
        return CSN_REVIEW_GROUP_ROW (root);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      CsnReviewGroupRow *found = review_test_find_group_row (child, key);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The mapped button under @root that says @label. */
GtkWidget *
review_test_find_button (GtkWidget  *root,
                         const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = review_test_find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

guint
review_test_count_mapped (GtkWidget *root,
                          GType      type)
{
  guint count = G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count += review_test_count_mapped (child, type);
  return count;
}

static gboolean
is_shown (CsnReviewPage *page,
          gpointer       item)
{
  if (CSN_IS_CHANGE (item))
    return review_test_find_row (GTK_WIDGET (page), item) != NULL;
  return review_test_find_group_row (GTK_WIDGET (page), csn_review_group_get_key (item)) != NULL;
}

/* Scrolls the page's list to @item (a CsnChange or a CsnReviewGroup) and waits for its row. */
gboolean
review_test_reveal (CsnReviewPage *page,
                    gpointer       item)
{
  GListModel *rows = csn_review_page_get_rows (page);
  guint n_rows = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) row_item = gtk_tree_list_row_get_item (row);

      if (row_item == item)
        {
          g_assert_true (gtk_widget_activate_action (ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW, NULL),
                                                     "list.scroll-to-item", "u", i));
          UI_TEST_WAIT_UNTIL (is_shown (page, item));
          return TRUE;
        }
    }
  return FALSE;
}
