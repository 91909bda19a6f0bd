/* test-row-grower.c: the grower's list is the items of its source from its start, as many as it
 * gives: every one of them there, none past them, whichever of the two ends first.
 *
 * The grower does not leave it to the source to say where the source ends: GLib 2.74's
 * GListStore, asked for a position two past its end, then gives its last item for the position
 * just past it (it keeps the end as the iterator of the position asked for, and steps back from
 * there). The draft's lists are GListStores. */
#include "config.h"

#include "csn-row-grower.h"
#include "ui-test-util.h"

/* The items revealed: a few past the first rows is within the grower's reach, 400 and 996 are far
 * out of it (it reaches a few tens of rows). */
#define N_SOURCE 1000
#define FAR 400

static GListStore *
make_source (guint n_items)
{
  GListStore *source = g_list_store_new (G_TYPE_OBJECT);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_object_new (G_TYPE_OBJECT, NULL);

      g_list_store_append (source, item);
    }
  return source;
}

/* The grower lists @n items of @source, from @start on, and nothing past them. */
static void
assert_lists (CsnRowGrower *grower,
              GListStore   *source,
              guint         start,
              guint         n)
{
  GListModel *model = csn_row_grower_get_model (grower);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autoptr(GObject) expected = g_list_model_get_item (G_LIST_MODEL (source), start + i);

      g_assert_nonnull (item);
      g_assert_true (item == expected);
    }
  g_assert_null (g_list_model_get_item (model, n));
  g_assert_null (g_list_model_get_item (model, n + 1));
  g_assert_null (g_list_model_get_item (model, G_MAXUINT - 1));
  g_assert_null (g_list_model_get_item (model, G_MAXUINT));
}

/* At every change it tells of, even one of several, the list ends where it says. */
static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *n_changes)
{
  guint n_items = g_list_model_get_n_items (model);

  g_assert_null (g_list_model_get_item (model, n_items));
  g_assert_null (g_list_model_get_item (model, G_MAXUINT - 1));
  if (n_items > 0)
    {
      g_autoptr(GObject) last = g_list_model_get_item (model, n_items - 1);

      g_assert_nonnull (last);
    }
  (*n_changes)++;
}

static void
test_lists_window (void)
{
  g_autoptr(GListStore) source = make_source (N_SOURCE);
  g_autoptr(CsnRowGrower) grower = csn_row_grower_new (G_LIST_MODEL (source));
  GtkWidget *view = g_object_ref_sink (gtk_list_view_new (NULL, NULL));
  guint n_changes = 0;
  guint first_rows;

  g_signal_connect (grower, "items-changed", G_CALLBACK (on_items_changed_cb), &n_changes);

  /* Not growing: all of them. */
  assert_lists (grower, source, 0, N_SOURCE);

  /* Growing: its first rows, a few. */
  csn_row_grower_start (grower, view);
  g_assert_true (csn_row_grower_is_growing (grower));
  first_rows = g_list_model_get_n_items (csn_row_grower_get_model (grower));
  g_assert_cmpuint (first_rows, >, 0);
  g_assert_cmpuint (first_rows, <, 32);
  assert_lists (grower, source, 0, first_rows);

  /* An item within reach: those up to it, and the first rows' worth past it. */
  csn_row_grower_reveal (grower, first_rows + 4);
  assert_lists (grower, source, 0, first_rows + 4 + first_rows);

  /* An item out of reach: the list from it on. */
  csn_row_grower_reveal (grower, FAR);
  assert_lists (grower, source, FAR, first_rows);
  g_assert_cmpuint (csn_row_grower_get_source_position (grower, 0), ==, FAR);
  g_assert_cmpuint (csn_row_grower_get_source_position (grower, first_rows - 1), ==, FAR + first_rows - 1);
  g_assert_cmpuint (csn_row_grower_get_source_position (grower, first_rows), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (csn_row_grower_get_given_position (grower, FAR + 1), ==, 1);

  /* Near the end of the source, fewer than the rows given: the source ends the list. */
  csn_row_grower_reveal (grower, N_SOURCE - 4);
  assert_lists (grower, source, N_SOURCE - 4, 4);

  /* The source shortened under the list's end, then lengthened again. */
  g_list_store_splice (source, N_SOURCE - 1, 1, NULL, 0);
  assert_lists (grower, source, N_SOURCE - 4, 3);
  {
    g_autoptr(GObject) item = g_object_new (G_TYPE_OBJECT, NULL);

    g_list_store_append (source, item);
  }
  assert_lists (grower, source, N_SOURCE - 4, 4);

  /* The source read past its end: the grower still ends where the source does. */
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (source), N_SOURCE + 1));
  assert_lists (grower, source, N_SOURCE - 4, 4);

  /* Stopped: all of them again. */
  csn_row_grower_stop (grower);
  g_assert_false (csn_row_grower_is_growing (grower));
  assert_lists (grower, source, 0, N_SOURCE);
  /* At least one change for each step above but the first. */
  g_assert_cmpuint (n_changes, >=, 7);

  /* No source: nothing. */
  csn_row_grower_set_source (grower, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (csn_row_grower_get_model (grower)), ==, 0);
  g_assert_null (g_list_model_get_item (csn_row_grower_get_model (grower), 0));

  g_object_unref (view);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);
  g_test_add_func ("/row-grower/lists-window", test_lists_window);
  return g_test_run ();
}
