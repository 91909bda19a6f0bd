/* csn-position-cell.c: an item's place in its list, with a handle to drag it elsewhere. */
#define G_LOG_DOMAIN "csn-position-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "csn-position-cell.h"
#include "csn-tooltip-util.h"

struct _CsnPositionCell
{
  CsnCell        parent_instance;

  GtkImage       *handle;
  GtkInscription *label;

  CsnCollection   collection;
};

G_DEFINE_FINAL_TYPE (CsnPositionCell, csn_position_cell, CSN_TYPE_CELL)

enum {
  PROP_0,
  PROP_COLLECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GdkContentProvider *
on_drag_prepare_cb (CsnPositionCell *self,
                    double           x,
                    double           y,
                    GtkDragSource   *source)
{
  CsnItem *item = csn_cell_get_item (CSN_CELL (self));

  if (item == NULL)
    return NULL;
  return gdk_content_provider_new_typed (CSN_TYPE_ITEM, item);
}

static void
on_drag_begin_cb (CsnPositionCell *self,
                  GdkDrag         *drag,
                  GtkDragSource   *source)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (gtk_widget_get_parent (GTK_WIDGET (self)));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

/* The item's place in the draft's list. A list that shows the whole collection shows it in order,
 * so the row's place is the item's; a filtered one is searched. */
static gboolean
find_position (CsnPositionCell *self,
               guint           *position)
{
  CsnCell *cell = CSN_CELL (self);
  CsnDraft *draft = csn_cell_get_draft (cell);
  GListModel *collection = csn_draft_get_collection (draft, self->collection);
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_COLUMN_VIEW);
  GtkSelectionModel *shown = view != NULL ? gtk_column_view_get_model (GTK_COLUMN_VIEW (view)) : NULL;
  guint row = csn_cell_get_position (cell);

  if (shown != NULL && row != GTK_INVALID_LIST_POSITION &&
      g_list_model_get_n_items (G_LIST_MODEL (shown)) == g_list_model_get_n_items (collection))
    {
      *position = row;
      return TRUE;
    }
  return csn_draft_find_position (draft, self->collection, csn_cell_get_item (cell), position);
}

static void
csn_position_cell_update (CsnCell *cell)
{
  CsnPositionCell *self = CSN_POSITION_CELL (cell);
  CsnDraft *draft = csn_cell_get_draft (cell);
  g_autofree char *text = NULL;
  guint position;

  if (draft != NULL && csn_cell_get_item (cell) != NULL && find_position (self, &position))
    text = g_strdup_printf ("%u", position + 1);
  gtk_inscription_set_text (self->label, text);
  if (draft != NULL)
    {
      guint digits = 1;

      for (guint n = g_list_model_get_n_items (csn_draft_get_collection (draft, self->collection)); n >= 10; n /= 10)
        digits++;
      /* Room for the list's longest number, on one line: the column gets its minimum width when the
       * page is narrow, and an inscription's character is an average one, narrower than the digits
       * of some fonts (Cantarell's), hence one more. */
      gtk_inscription_set_min_chars (self->label, MAX (2, digits + 1));
    }
}

static void
csn_position_cell_dispose (GObject *object)
{
  csn_cell_unbind (CSN_CELL (object));
  gtk_widget_dispose_template (GTK_WIDGET (object), CSN_TYPE_POSITION_CELL);

  G_OBJECT_CLASS (csn_position_cell_parent_class)->dispose (object);
}

static void
csn_position_cell_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_COLLECTION:
      g_value_set_uint (value, CSN_POSITION_CELL (object)->collection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
csn_position_cell_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_COLLECTION:
      CSN_POSITION_CELL (object)->collection = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Rows out of sight show no place: their cells' children wait (see csn_cell_ensure_built()) */
static void
csn_position_cell_build (CsnCell *cell)
{
  CsnPositionCell *self = CSN_POSITION_CELL (cell);

  gtk_widget_init_template (GTK_WIDGET (cell));
  /* Not in the .ui: a tooltip set there asks the X server where the pointer is, for every row made. */
  csn_widget_set_tooltip_lazily (GTK_WIDGET (self->handle), _("Drag to reorder"));
}

static void
csn_position_cell_class_init (CsnPositionCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CsnCellClass *cell_class = CSN_CELL_CLASS (klass);

  object_class->dispose = csn_position_cell_dispose;
  object_class->get_property = csn_position_cell_get_property;
  object_class->set_property = csn_position_cell_set_property;

  cell_class->update = csn_position_cell_update;
  cell_class->build = csn_position_cell_build;
  /* Adding, removing or moving an item moves the others: the column's factory updates the cells
   * after each change of the draft. */
  cell_class->names_other_items = TRUE;
  cell_class->shows_position = TRUE;

  properties[PROP_COLLECTION] =
    g_param_spec_uint ("collection", NULL, NULL, 0, CSN_N_COLLECTIONS - 1, CSN_COLLECTION_THEMES,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/consenso/Consenso/ui/csn-position-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnPositionCell, handle);
  gtk_widget_class_bind_template_child (widget_class, CsnPositionCell, label);
  gtk_widget_class_bind_template_callback (widget_class, on_drag_prepare_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_drag_begin_cb);
}

static void
csn_position_cell_init (CsnPositionCell *self)
{
}

GtkWidget *
csn_position_cell_new (CsnCollection collection)
{
  return g_object_new (CSN_TYPE_POSITION_CELL, "collection", collection, NULL);
}
