/* ui-test-util.c: helpers of the UI tests: a window for a page, running the main loop, finding cells. */
#include "config.h"

#include "csn-check-cell.h"
#include "csn-resources.h"
#include "csn-history.h"
#include "ui-test-util.h"

void
ui_test_init (int    *argc,
              char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* Keeps the linker from dropping the GUI resources out of the static library. */
  g_assert_nonnull (csn_get_resource ());
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for a while, so that lists get laid out and their items bound. */
void
ui_test_wait (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

GtkWidget *
ui_test_show_page (GtkWidget *page)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  /* On a loaded machine the window maps late; lists bind their rows only once laid out. */
  UI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (page) && gtk_widget_get_width (page) > 0);
  g_assert_true (gtk_widget_get_mapped (page));
  ui_test_wait (200);
  return window;
}

void
ui_test_close (GtkWidget *page)
{
  GtkRoot *root = gtk_widget_get_root (page);

  if (root != NULL)
    gtk_window_destroy (GTK_WINDOW (root));
  ui_test_wait (20);
}

CsnCell *
ui_test_find_cell (GtkWidget  *root,
                   CsnItem    *item,
                   const char *property)
{
  return ui_test_find_typed_cell (root, CSN_TYPE_CELL, item, property);
}

/* The mapped cell of @type that shows @property of @item. */
CsnCell *
ui_test_find_typed_cell (GtkWidget  *root,
                         GType       type,
                         CsnItem    *item,
                         const char *property)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_mapped (root) &&
      csn_cell_get_item (CSN_CELL (root)) == item &&
      g_strcmp0 (csn_cell_get_property_name (CSN_CELL (root)), property) == 0)
    return CSN_CELL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      CsnCell *found = ui_test_find_typed_cell (child, type, item, property);

      if (found != NULL)
        return found;
    }
  return NULL;
}

CsnCell *
ui_test_find_check_cell (GtkWidget  *root,
                         CsnItem    *item,
                         const char *key)
{
  if (CSN_IS_CHECK_CELL (root) && gtk_widget_get_mapped (root) &&
      csn_cell_get_item (CSN_CELL (root)) == item &&
      g_strcmp0 (csn_check_cell_get_key (CSN_CHECK_CELL (root)), key) == 0)
    return CSN_CELL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      CsnCell *found = ui_test_find_check_cell (child, item, key);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first widget of @type (with @css_class, if given) under @root. */
GtkWidget *
ui_test_find_widget (GtkWidget  *root,
                     GType       type,
                     const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_widget (child, type, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The item at @position, not referenced: the draft keeps it. */
CsnItem *
ui_test_get_item (CsnDraft      *draft,
                  CsnCollection  collection,
                  guint          position)
{
  g_autoptr(CsnItem) item = g_list_model_get_item (csn_draft_get_collection (draft, collection), position);

  return item;
}

guint
ui_test_count (CsnDraft      *draft,
               CsnCollection  collection)
{
  return g_list_model_get_n_items (csn_draft_get_collection (draft, collection));
}

void
ui_page_fixture_set_up (UiPageFixture *fixture,
                        gconstpointer  page_type)
{
  fixture->draft = csn_draft_new_from_template ();
  fixture->page = g_object_new (GPOINTER_TO_SIZE (page_type), "draft", fixture->draft, NULL);
  ui_test_show_page (fixture->page);
  /* Showing and binding the cells is not an edit. */
  g_assert_false (csn_history_can_undo (csn_draft_get_history (fixture->draft)));
}

void
ui_page_fixture_tear_down (UiPageFixture *fixture,
                           gconstpointer  page_type)
{
  ui_test_close (fixture->page);
  g_clear_object (&fixture->draft);
}
