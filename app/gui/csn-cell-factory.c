/* csn-cell-factory.c: list item factories that make, bind and unbind the editable cells of a column. */
#define G_LOG_DOMAIN "csn-cell-factory"

#include "config.h"

#include <gobject/gvaluecollector.h>

#include "csn-cell-factory.h"

typedef struct
{
  GObject     *page;      /* not owned: the page owns the column view that owns the factory */
  GType        cell_type;
  guint        n_properties;
  const char **names;
  GValue      *values;

  /* Cells that name other items are updated after every change of the draft: one handler for the
   * column, not one per cell. */
  gboolean     names_other_items;
  GHashTable  *bound;     /* CsnCell (unowned) -> NULL */
  CsnDraft    *draft;     /* the draft whose changes are followed */
  gulong       changed_id;
} CellFactoryData;

static void
stop_following (CellFactoryData *data)
{
  if (data->draft == NULL)
    return;
  g_clear_signal_handler (&data->changed_id, data->draft);
  g_clear_object (&data->draft);
}

static void
on_draft_changed_cb (CsnDraft        *draft,
                     CellFactoryData *data)
{
  GHashTableIter iter;
  gpointer cell;

  g_hash_table_iter_init (&iter, data->bound);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    csn_cell_queue_update (cell);
}

static void
follow_draft (CellFactoryData *data,
              CsnDraft        *draft)
{
  if (draft == data->draft)
    return;
  stop_following (data);
  if (draft == NULL)
    return;
  data->draft = g_object_ref (draft);
  data->changed_id = g_signal_connect (draft, "changed", G_CALLBACK (on_draft_changed_cb), data);
}

/* A cell disposed without being unbound is forgotten too. */
static void
on_cell_gone_cb (gpointer  user_data,
                 GObject  *where_the_cell_was)
{
  CellFactoryData *data = user_data;

  if (g_hash_table_remove (data->bound, where_the_cell_was) && g_hash_table_size (data->bound) == 0)
    stop_following (data);
}

static void
remember_cell (CellFactoryData *data,
               CsnCell         *cell,
               CsnDraft        *draft)
{
  follow_draft (data, draft);
  if (g_hash_table_add (data->bound, cell))
    g_object_weak_ref (G_OBJECT (cell), on_cell_gone_cb, data);
}

static void
forget_cell (CellFactoryData *data,
             CsnCell         *cell)
{
  if (!g_hash_table_remove (data->bound, cell))
    return;
  g_object_weak_unref (G_OBJECT (cell), on_cell_gone_cb, data);
  if (g_hash_table_size (data->bound) == 0)
    stop_following (data);
}

static void
cell_factory_data_free (gpointer  data,
                        GClosure *closure)
{
  CellFactoryData *factory_data = data;
  GHashTableIter iter;
  gpointer cell;

  g_hash_table_iter_init (&iter, factory_data->bound);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    g_object_weak_unref (cell, on_cell_gone_cb, factory_data);
  stop_following (factory_data);
  g_clear_pointer (&factory_data->bound, g_hash_table_unref);

  for (guint i = 0; i < factory_data->n_properties; i++)
    {
      g_free ((char *) factory_data->names[i]);
      g_value_unset (&factory_data->values[i]);
    }
  g_free (factory_data->names);
  g_free (factory_data->values);
  g_free (factory_data);
}

/* GTK 4.8 puts a new row in the column view's list before it makes the row's cells. When the list
 * next validates its styles, what is new about the row (its parent, its siblings, its place) passes
 * on to every row after it, and each of them restyles all its widgets without the style cache: with
 * the ~200 rows GTK keeps, a new row near the start of them costs a 20-30 ms frame (undoing an
 * addition at the end of the list makes one). Settled while the row is hidden, which the list does
 * not pass on, its style is done; shown again, it only moves its followers by one, as a removed row
 * does, and that does not restyle them. */
static void
settle_new_row (GtkWidget *row)
{
  GdkRGBA color;

  gtk_widget_set_visible (row, FALSE);
  gtk_style_context_get_color (gtk_widget_get_style_context (gtk_widget_get_parent (row)), &color);
  gtk_style_context_get_color (gtk_widget_get_style_context (row), &color);
  gtk_widget_set_visible (row, TRUE);
}

#define RESTYLED_ROWS_PER_FRAME 2

static gboolean restyle_new_row_cb (GtkWidget     *row,
                                    GdkFrameClock *frame_clock,
                                    gpointer       user_data);

static void
on_list_mapped_cb (GtkWidget *row,
                   GtkWidget *list)
{
  g_signal_handlers_disconnect_by_func (list, on_list_mapped_cb, row);
  gtk_widget_add_tick_callback (row, restyle_new_row_cb, NULL, NULL);
}

/* A new row's widgets first get their styles where GTK 4.8 does not know their ancestors: measured
 * as the list lays out, or settled above. GTK then records that each style depends on whatever any
 * rule could ask of an ancestor, and Adwaita's `.linked > dropdown:not(:last-child) > button` makes
 * every button depend on whether its parent is a last child. From then on, a tooltip shown or hidden
 * (the window's last child), the focus entering the list, or another row selected restyles each of
 * the ~1,000 buttons of the rows GTK keeps: 4-8 ms of a frame on the large draft. A style class
 * given to the row in a later frame, before the window validates its styles, has them computed
 * again there, with the ancestors known, and what they depend on is then only what they use. No
 * rule styles the class.
 *
 * A few rows a frame: a page first shown makes ~200 rows over its first frames, and restyling them
 * as they come would add their whole styling again to those frames. The rows of a page out of sight
 * wait until it shows again: their styles would be computed only then, all in the frame that shows
 * the page. */
static gboolean
restyle_new_row_cb (GtkWidget     *row,
                    GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  static gint64 frame;
  static guint restyled;
  gint64 counter = gdk_frame_clock_get_frame_counter (frame_clock);

  if (gtk_widget_get_parent (row) == NULL)
    return G_SOURCE_REMOVE;
  if (!gtk_widget_is_visible (row))
    {
      g_signal_connect_object (gtk_widget_get_parent (row), "map", G_CALLBACK (on_list_mapped_cb), row,
                               G_CONNECT_SWAPPED);
      return G_SOURCE_REMOVE;
    }
  if (counter != frame)
    {
      frame = counter;
      restyled = 0;
    }
  if (restyled >= RESTYLED_ROWS_PER_FRAME)
    return G_SOURCE_CONTINUE;
  restyled++;
  gtk_widget_add_css_class (row, "csn-restyled-row");
  return G_SOURCE_REMOVE;
}

static void
on_cell_parent_changed_cb (GtkWidget  *cell,
                           GParamSpec *pspec,
                           gpointer    user_data)
{
  GtkWidget *column_cell = gtk_widget_get_parent (cell);
  GtkWidget *row;

  if (column_cell == NULL)
    return;
  g_signal_handlers_disconnect_by_func (cell, on_cell_parent_changed_cb, user_data);

  /* The first cell made for a row has it restyled in a later frame and settles it (a recycled row
   * keeps its cells), unless no row follows it: then there is nothing to spare, and hiding and
   * showing it has a cost of its own. */
  row = gtk_widget_get_parent (column_cell);
  if (row == NULL || !GTK_IS_LIST_VIEW (gtk_widget_get_parent (row)) ||
      g_object_get_data (G_OBJECT (row), "csn-row-settled") != NULL)
    return;
  g_object_set_data (G_OBJECT (row), "csn-row-settled", GINT_TO_POINTER (TRUE));
  gtk_widget_add_tick_callback (row, restyle_new_row_cb, NULL, NULL);
  if (gtk_widget_get_next_sibling (row) == NULL)
    return;
  settle_new_row (row);
}

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  CellFactoryData          *data)
{
  GObject *cell = g_object_new_with_properties (data->cell_type, data->n_properties,
                                                data->names, data->values);

  g_signal_connect (cell, "notify::parent", G_CALLBACK (on_cell_parent_changed_cb), NULL);
  gtk_list_item_set_child (list_item, GTK_WIDGET (cell));
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 CellFactoryData          *data)
{
  g_autoptr(CsnDraft) draft = NULL;

  CsnCell *cell = CSN_CELL (gtk_list_item_get_child (list_item));

  g_object_get (data->page, "draft", &draft, NULL);
  csn_cell_bind_list_item (cell, draft, list_item);
  if (data->names_other_items)
    remember_cell (data, cell, draft);
}

static void
on_cell_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   CellFactoryData          *data)
{
  CsnCell *cell = CSN_CELL (gtk_list_item_get_child (list_item));

  csn_cell_unbind_list_item (cell);
  if (data->names_other_items)
    forget_cell (data, cell);
}

static GtkListItemFactory *
cell_factory_new_valist (GObject    *page,
                         GType       cell_type,
                         const char *first_property_name,
                         va_list     args)
{
  GtkListItemFactory *factory;
  CellFactoryData *data;
  GObjectClass *klass;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (GValue));
  const char *name;

  klass = g_type_class_ref (cell_type);
  data = g_new0 (CellFactoryData, 1);
  data->names_other_items = CSN_CELL_CLASS (klass)->names_other_items;
  for (name = first_property_name; name != NULL; name = va_arg (args, const char *))
    {
      GParamSpec *pspec = g_object_class_find_property (klass, name);
      GValue value = G_VALUE_INIT;
      g_autofree char *error = NULL;

      if (pspec == NULL)
        {
          g_critical ("%s has no property “%s”", g_type_name (cell_type), name);
          break;
        }
      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s", error);
          break;
        }
      g_ptr_array_add (names, g_strdup (name));
      g_array_append_val (values, value);
    }
  g_type_class_unref (klass);

  data->page = page;
  data->bound = g_hash_table_new (NULL, NULL);
  data->cell_type = cell_type;
  data->n_properties = names->len;
  data->names = (const char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
  data->values = (GValue *) (gpointer) g_array_free (g_steal_pointer (&values), FALSE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_data (factory, "setup", G_CALLBACK (on_cell_setup_cb), data,
                         cell_factory_data_free, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), data);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_cell_unbind_cb), data);
  return factory;
}

/* A factory of @cell_type cells made with the given properties, bound to the draft of @page. */
GtkListItemFactory *
csn_cell_factory_new (GObject    *page,
                      GType       cell_type,
                      const char *first_property_name,
                      ...)
{
  GtkListItemFactory *factory;
  va_list args;

  g_return_val_if_fail (G_IS_OBJECT (page), NULL);
  g_return_val_if_fail (g_type_is_a (cell_type, CSN_TYPE_CELL), NULL);

  va_start (args, first_property_name);
  factory = cell_factory_new_valist (page, cell_type, first_property_name, args);
  va_end (args);
  return factory;
}

/* Gives @column a factory of @cell_type cells, as csn_cell_factory_new() makes. */
void
csn_cell_factory_set_column (GtkColumnViewColumn *column,
                             GObject             *page,
                             GType                cell_type,
                             const char          *first_property_name,
                             ...)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  va_list args;

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));
  g_return_if_fail (G_IS_OBJECT (page));
  g_return_if_fail (g_type_is_a (cell_type, CSN_TYPE_CELL));

  va_start (args, first_property_name);
  factory = cell_factory_new_valist (page, cell_type, first_property_name, args);
  va_end (args);
  gtk_column_view_column_set_factory (column, factory);
}
