/* csn-position-cell.c: an item's place in its list, with a handle to drag it elsewhere. */
#define G_LOG_DOMAIN "csn-position-cell"

#include "config.h"

#include "csn-position-cell.h"

struct _CsnPositionCell
{
  CsnCell        parent_instance;

  GtkImage      *handle;
  GtkLabel      *label;

  CsnCollection  collection;
  GListModel    *model;
  gulong         items_changed_id;
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

static void
on_items_changed_cb (CsnPositionCell *self,
                     guint            position,
                     guint            removed,
                     guint            added,
                     GListModel      *model)
{
  csn_cell_update (CSN_CELL (self));
}

static void
csn_position_cell_update (CsnCell *cell)
{
  CsnPositionCell *self = CSN_POSITION_CELL (cell);
  CsnDraft *draft = csn_cell_get_draft (cell);
  CsnItem *item = csn_cell_get_item (cell);
  guint position;
  g_autofree char *text = NULL;

  if (draft != NULL && item != NULL &&
      csn_draft_find_position (draft, self->collection, item, &position))
    text = g_strdup_printf ("%u", position + 1);
  gtk_label_set_label (self->label, text != NULL ? text : "");
}

static void
csn_position_cell_bound (CsnCell *cell)
{
  CsnPositionCell *self = CSN_POSITION_CELL (cell);
  CsnDraft *draft = csn_cell_get_draft (cell);
  GListModel *model = draft != NULL ? csn_draft_get_collection (draft, self->collection) : NULL;

  if (model == self->model)
    return;
  g_clear_signal_handler (&self->items_changed_id, self->model);
  g_set_object (&self->model, model);
  if (model != NULL)
    self->items_changed_id = g_signal_connect_object (model, "items-changed",
                                                      G_CALLBACK (on_items_changed_cb), self,
                                                      G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

static void
csn_position_cell_dispose (GObject *object)
{
  CsnPositionCell *self = CSN_POSITION_CELL (object);

  csn_cell_unbind (CSN_CELL (object));
  g_clear_signal_handler (&self->items_changed_id, self->model);
  g_clear_object (&self->model);
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
  cell_class->bound = csn_position_cell_bound;

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
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
csn_position_cell_new (CsnCollection collection)
{
  return g_object_new (CSN_TYPE_POSITION_CELL, "collection", collection, NULL);
}
