/* csn-column-view-util.c: what the pages' column views share: finding and moving rows, dropping a dragged row, revealing a cell, scrolling to the selected row. */
#define G_LOG_DOMAIN "csn-column-view-util"

#include "config.h"

#include "csn-column-view-util.h"
#include "csn-row-grower.h"

/* The cell under @root showing @property of @item (any property when NULL), or NULL. */
static CsnCell *
find_cell_under (GtkWidget  *root,
                 CsnItem    *item,
                 const char *property)
{
  if (CSN_IS_CELL (root) && csn_cell_get_item (CSN_CELL (root)) == item &&
      gtk_widget_get_mapped (root) &&
      (property == NULL || g_strcmp0 (csn_cell_get_property_name (CSN_CELL (root)), property) == 0))
    return CSN_CELL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      CsnCell *found = find_cell_under (child, item, property);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The list of rows of @column_view (GTK 4.8: a GtkListView inside it, beside the header). */
static GtkWidget *
get_row_list (GtkWidget *column_view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (column_view);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

/* The row widget of @column_view that shows @item, or NULL when the item has none: a row is
 * recognised by the item of the cell in any of its columns, without walking every cell's widgets. */
static GtkWidget *
find_row (GtkWidget *column_view,
          CsnItem   *item)
{
  GtkWidget *list = get_row_list (column_view);

  if (list == NULL)
    return NULL;
  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (!gtk_widget_get_mapped (row))
        continue;
      for (GtkWidget *column_cell = gtk_widget_get_first_child (row);
           column_cell != NULL;
           column_cell = gtk_widget_get_next_sibling (column_cell))
        {
          GtkWidget *cell = gtk_widget_get_first_child (column_cell);

          if (cell != NULL && CSN_IS_CELL (cell))
            {
              if (csn_cell_get_item (CSN_CELL (cell)) == item)
                return row;
              break;
            }
        }
    }
  return NULL;
}

/* The cell of @column_view showing @property of @item (any property when NULL), or NULL. */
static CsnCell *
find_cell (GtkWidget  *column_view,
           CsnItem    *item,
           const char *property)
{
  GtkWidget *row = find_row (column_view, item);

  /* A list whose cells are not CsnCells in every row: look everywhere. */
  if (row == NULL && get_row_list (column_view) == NULL)
    return find_cell_under (column_view, item, property);
  return row != NULL ? find_cell_under (row, item, property) : NULL;
}

guint
csn_column_view_find_item (GListModel *model,
                           gpointer    item)
{
  guint n;

  if (model == NULL || item == NULL)
    return GTK_INVALID_LIST_POSITION;

  /* Through a selection, a grower and a filter that leaves nothing out, a store's positions are the list's (less
   * the grower's first item): the store finds its item without asking each layer for each row. */
  for (GListModel *inner = model;;)
    {
      if (GTK_IS_SINGLE_SELECTION (inner))
        inner = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (inner));
      else if (GTK_IS_NO_SELECTION (inner))
        inner = gtk_no_selection_get_model (GTK_NO_SELECTION (inner));
      else if (CSN_IS_ROW_GROWER (inner) && csn_row_grower_get_source (CSN_ROW_GROWER (inner)) != NULL)
        {
          CsnRowGrower *grower = CSN_ROW_GROWER (inner);
          guint position = csn_column_view_find_item (csn_row_grower_get_source (grower), item);

          return csn_row_grower_get_given_position (grower, position);
        }
      else if (GTK_IS_FILTER_LIST_MODEL (inner) && gtk_filter_list_model_get_model (GTK_FILTER_LIST_MODEL (inner)) != NULL &&
               g_list_model_get_n_items (inner) ==
               g_list_model_get_n_items (gtk_filter_list_model_get_model (GTK_FILTER_LIST_MODEL (inner))))
        inner = gtk_filter_list_model_get_model (GTK_FILTER_LIST_MODEL (inner));
      else
        {
          guint position;

          if (inner == NULL || !G_IS_LIST_STORE (inner))
            break;
          return g_list_store_find (G_LIST_STORE (inner), item, &position) ? position : GTK_INVALID_LIST_POSITION;
        }
    }

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static gboolean
select_item (GtkSingleSelection *selection,
             gpointer            item)
{
  guint position = csn_column_view_find_item (G_LIST_MODEL (selection), item);

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_single_selection_set_selected (selection, position);
  return TRUE;
}

/* Moves @item by @delta places in its list, as one undoable step. */
gboolean
csn_column_view_move_item (CsnDraft      *draft,
                           CsnCollection  collection,
                           CsnItem       *item,
                           int            delta)
{
  GListModel *model;
  guint from;
  gint64 to;

  if (draft == NULL || item == NULL ||
      !csn_draft_find_position (draft, collection, item, &from))
    return FALSE;

  model = csn_draft_get_collection (draft, collection);
  to = (gint64) from + delta;
  if (to < 0 || to >= g_list_model_get_n_items (model) || to == from)
    return FALSE;
  csn_draft_move (draft, collection, from, (guint) to);
  return TRUE;
}

typedef struct
{
  GObject       *page;
  CsnCollection  collection;
} DropData;

static CsnItem *
find_item_at (GtkWidget *column_view,
              double     x,
              double     y)
{
  GtkWidget *picked = gtk_widget_pick (column_view, x, y, GTK_PICK_DEFAULT);

  for (; picked != NULL && picked != column_view; picked = gtk_widget_get_parent (picked))
    {
      if (CSN_IS_CELL (picked))
        return csn_cell_get_item (CSN_CELL (picked));

      /* Between cells: look at the first cell of the row. */
      for (GtkWidget *child = gtk_widget_get_first_child (picked);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          GtkWidget *cell = gtk_widget_get_first_child (child);

          if (cell != NULL && CSN_IS_CELL (cell))
            return csn_cell_get_item (CSN_CELL (cell));
        }
    }
  return NULL;
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            DropData      *data)
{
  GtkWidget *column_view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  g_autoptr(CsnDraft) draft = NULL;
  CsnItem *dragged = g_value_get_object (value);
  CsnItem *onto;
  guint from, to;

  g_object_get (data->page, "draft", &draft, NULL);
  onto = find_item_at (column_view, x, y);
  if (draft == NULL || dragged == NULL || onto == NULL || onto == dragged ||
      !csn_draft_find_position (draft, data->collection, dragged, &from) ||
      !csn_draft_find_position (draft, data->collection, onto, &to))
    return FALSE;

  csn_draft_move (draft, data->collection, from, to);
  return TRUE;
}

/* Lets rows of @column_view dragged by their handle (a CsnPositionCell) be dropped on another row. */
void
csn_column_view_enable_drop (GtkWidget     *column_view,
                             GObject       *page,
                             CsnCollection  collection)
{
  GtkDropTarget *target;
  DropData *data;

  g_return_if_fail (GTK_IS_WIDGET (column_view));

  data = g_new0 (DropData, 1);
  data->page = page;
  data->collection = collection;

  target = gtk_drop_target_new (CSN_TYPE_ITEM, GDK_ACTION_MOVE);
  g_signal_connect_data (target, "drop", G_CALLBACK (on_drop_cb), data,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_widget_add_controller (column_view, GTK_EVENT_CONTROLLER (target));
}

typedef struct
{
  GtkWidget *column_view;
  CsnItem   *item;
  char      *property;
  gint64     deadline;
  guint      stable_frames;
} RevealData;

static void
reveal_data_free (gpointer user_data)
{
  RevealData *data = user_data;

  g_object_unref (data->column_view);
  g_object_unref (data->item);
  g_free (data->property);
  g_free (data);
}

/* Focuses the first cell of @item's row that can take the focus. */
static gboolean
focus_first_cell (GtkWidget *root,
                  CsnItem   *item)
{
  if (CSN_IS_CELL (root) && csn_cell_get_item (CSN_CELL (root)) == item && gtk_widget_get_mapped (root))
    return csn_cell_focus_control (CSN_CELL (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (focus_first_cell (child, item))
      return TRUE;
  return FALSE;
}

static gboolean
focus_first_cell_of_row (GtkWidget *column_view,
                         CsnItem   *item)
{
  GtkWidget *row = find_row (column_view, item);

  if (row == NULL && get_row_list (column_view) == NULL)
    return focus_first_cell (column_view, item);
  return row != NULL && focus_first_cell (row, item);
}

static gboolean
focus_cell (RevealData *data)
{
  CsnCell *cell = find_cell (data->column_view, data->item, data->property);

  if (cell != NULL && csn_cell_focus_control (cell))
    return TRUE;
  return focus_first_cell_of_row (data->column_view, data->item);
}

static gboolean
has_focus_in_cell (RevealData *data)
{
  GtkRoot *root = gtk_widget_get_root (data->column_view);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *cell = focus != NULL ? gtk_widget_get_ancestor (focus, CSN_TYPE_CELL) : NULL;

  return cell != NULL && csn_cell_get_item (CSN_CELL (cell)) == data->item &&
         gtk_widget_is_ancestor (cell, data->column_view);
}

/* The row scrolled to gets its widgets at a later layout, and a relayout may replace the row's
 * widgets: try on the next frames until the focus stayed in the row for a few frames. */
static gboolean
focus_cell_tick_cb (GtkWidget     *widget,
                    GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  RevealData *data = user_data;
  gint64 now = gdk_frame_clock_get_frame_time (frame_clock);

  if (data->deadline == 0)
    data->deadline = now + 2 * G_USEC_PER_SEC;

  if (has_focus_in_cell (data))
    data->stable_frames++;
  else
    {
      data->stable_frames = 0;
      focus_cell (data);
    }

  if (data->stable_frames >= 3 || now > data->deadline)
    return G_SOURCE_REMOVE;
  return G_SOURCE_CONTINUE;
}

/* The row widget of @item in @column_view when the list has laid it out, or NULL. */
static GtkWidget *
find_placed_row (GtkWidget *column_view,
                 CsnItem   *item)
{
  GtkWidget *row = find_row (column_view, item);

  /* A row made for an item just inserted has no place yet (no size). */
  return row != NULL && gtk_widget_get_height (row) > 0 ? row : NULL;
}

/* Whether @column_view was laid out: until then it has no view to scroll. */
static gboolean
has_view (GtkWidget *column_view)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (column_view));

  return adjustment != NULL && gtk_adjustment_get_page_size (adjustment) > 0;
}

/* Scrolls @column_view, laid out, so the row selected in @selection shows. No scroll_to before
 * GTK 4.12: a row placed is scrolled to by its place, one that is not yet by the list's own action. */
static void
scroll_to_selected_now (GtkWidget          *column_view,
                        GtkSingleSelection *selection)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (column_view));
  GtkWidget *list = get_row_list (column_view);
  gpointer item = gtk_single_selection_get_selected_item (selection);
  guint position = gtk_single_selection_get_selected (selection);
  GtkWidget *row_widget;
  graphene_rect_t bounds;

  if (!has_view (column_view) || list == NULL || position == GTK_INVALID_LIST_POSITION)
    return;
  /* Rows are found by the item of their cells: the pages' rows (CsnItem), not the texts of the
   * translation view. */
  row_widget = CSN_IS_ITEM (item) ? find_placed_row (column_view, item) : NULL;
  if (row_widget != NULL && gtk_widget_compute_bounds (row_widget, list, &bounds))
    {
      double height = gtk_widget_get_height (list);

      /* A row that has its widget is where its widget is: left where it is when it shows whole,
       * else scrolled by the exact distance to the middle. */
      if (bounds.origin.y < 0 || bounds.origin.y + bounds.size.height > height)
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bounds.origin.y -
                                              MAX (0, (height - bounds.size.height) / 2));
    }
  else
    /* GTK makes the rows around the item now and places the list at the next layout with the
     * least scroll that shows it, even among rows that have no size yet (just listed; a list
     * without a view would get a NaN alignment). A scroll guessed from the average row height had
     * to wait for a layout, rebound GTK's 200 rows in that frame, and the focus coming to the row
     * then moved them again around it: an undo from the Overview took two frames of 17-24 and
     * 12-21 ms on the large draft. The list shows @selection or a CsnNarrowSelection of it: the
     * same positions. */
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
}

typedef void (*LayoutFunc) (GtkWidget *column_view,
                            gpointer   data);

typedef struct
{
  GtkWidget     *column_view;  /* unowned: the call belongs to it */
  LayoutFunc     func;
  gpointer       data;
  GDestroyNotify destroy;
  GdkFrameClock *frame_clock;
  gulong         layout_id;
} AfterLayout;

static void
after_layout_free (gpointer user_data)
{
  AfterLayout *after = user_data;

  /* A window's frame clock drops its handlers when the window goes. */
  if (after->layout_id != 0 && g_signal_handler_is_connected (after->frame_clock, after->layout_id))
    g_signal_handler_disconnect (after->frame_clock, after->layout_id);
  g_object_unref (after->frame_clock);
  if (after->destroy != NULL)
    after->destroy (after->data);
  g_free (after);
}

static void
on_after_layout_cb (GdkFrameClock *frame_clock,
                    AfterLayout   *after)
{
  /* Once, taken from the column view before the call: the call may ask for another. */
  g_object_steal_data (G_OBJECT (after->column_view), "csn-after-layout");
  g_signal_handler_disconnect (frame_clock, after->layout_id);
  after->layout_id = 0;
  after->func (after->column_view, after->data);
  after_layout_free (after);
}

/* Calls @func with @column_view and @data once the list has laid out the rows it has now (GDK lays
 * the frame out again for what @func changes, before it draws); a list not in a window yet calls it
 * at once. The last call asked for wins. */
static void
after_layout (GtkWidget     *column_view,
              LayoutFunc     func,
              gpointer       data,
              GDestroyNotify destroy)
{
  GdkFrameClock *frame_clock;
  AfterLayout *after;

  csn_column_view_cancel_after_layout (column_view);
  frame_clock = gtk_widget_get_frame_clock (column_view);
  if (frame_clock == NULL)
    {
      func (column_view, data);
      if (destroy != NULL)
        destroy (data);
      return;
    }
  after = g_new0 (AfterLayout, 1);
  after->column_view = column_view;
  after->func = func;
  after->data = data;
  after->destroy = destroy;
  after->frame_clock = g_object_ref (frame_clock);
  after->layout_id = g_signal_connect_after (frame_clock, "layout", G_CALLBACK (on_after_layout_cb), after);
  g_object_set_data_full (G_OBJECT (column_view), "csn-after-layout", after, after_layout_free);
  gtk_widget_queue_allocate (column_view);
}

/* Drops the scroll csn_column_view_scroll_to_selected() left for @column_view's next layout, if any. */
void
csn_column_view_cancel_after_layout (GtkWidget *column_view)
{
  g_return_if_fail (GTK_IS_WIDGET (column_view));
  g_object_set_data (G_OBJECT (column_view), "csn-after-layout", NULL);
}

static void
scroll_to_selected_cb (GtkWidget *column_view,
                       gpointer   selection)
{
  scroll_to_selected_now (column_view, selection);
}

/**
 * csn_column_view_scroll_to_selected:
 * @column_view: shows @selection, or a CsnNarrowSelection of it
 *
 * Scrolls @column_view so the row selected in @selection shows: now if the list was laid out, else
 * after its first layout (until then it has no view to scroll).
 */
void
csn_column_view_scroll_to_selected (GtkWidget          *column_view,
                                    GtkSingleSelection *selection)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (column_view));
  g_return_if_fail (GTK_IS_SINGLE_SELECTION (selection));

  if (has_view (column_view))
    {
      csn_column_view_cancel_after_layout (column_view);
      scroll_to_selected_now (column_view, selection);
    }
  else
    after_layout (column_view, scroll_to_selected_cb, g_object_ref (selection), g_object_unref);
}

/* Selects @item in @selection, scrolls its row into view and focuses the cell of @property, if given. */
void
csn_column_view_reveal_cell (GtkWidget          *column_view,
                             GtkSingleSelection *selection,
                             CsnItem            *item,
                             const char         *property)
{
  RevealData *data;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (column_view));

  if (item == NULL || !select_item (selection, item))
    return;

  csn_column_view_scroll_to_selected (column_view, selection);

  if (property == NULL)
    return;

  data = g_new0 (RevealData, 1);
  data->column_view = g_object_ref (column_view);
  data->item = g_object_ref (item);
  data->property = g_strdup (property);
  focus_cell (data);
  gtk_widget_add_tick_callback (column_view, focus_cell_tick_cb, data, reveal_data_free);
}

/* The property of the cell under @widget that has the focus, to keep editing it after a move. */
const char *
csn_column_view_get_focus_property (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *cell;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, widget))
    return NULL;
  cell = gtk_widget_get_ancestor (focus, CSN_TYPE_CELL);
  return cell != NULL ? csn_cell_get_property_name (CSN_CELL (cell)) : NULL;
}
