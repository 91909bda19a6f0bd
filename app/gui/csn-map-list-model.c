/* csn-map-list-model.c: a list of items made from another list's, each when first asked for, in order.
 *
 * GTK 4.8's GtkMapListModel puts items added before an item it has mapped after that item (a splice
 * in the middle of the list shows the old item at the new one's place, twice), so the Overview, which
 * updates its entries in place, keeps its own. */
#define G_LOG_DOMAIN "csn-map-list-model"

#include "config.h"

#include "csn-map-list-model.h"

struct _CsnMapListModel
{
  GObject              parent_instance;

  GListModel          *model;
  GType                item_type;
  CsnMapListModelFunc  map_func;
  gpointer             user_data;
  GPtrArray           *items;      /* the mapped items, NULL where none was asked for yet */
};

static void csn_map_list_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CsnMapListModel, csn_map_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, csn_map_list_model_list_model_init))

static GType
csn_map_list_model_get_item_type (GListModel *list)
{
  return CSN_MAP_LIST_MODEL (list)->item_type;
}

static guint
csn_map_list_model_get_n_items (GListModel *list)
{
  return CSN_MAP_LIST_MODEL (list)->items->len;
}

static gpointer
csn_map_list_model_get_item (GListModel *list,
                             guint       position)
{
  CsnMapListModel *self = CSN_MAP_LIST_MODEL (list);

  if (position >= self->items->len)
    return NULL;
  if (g_ptr_array_index (self->items, position) == NULL)
    g_ptr_array_index (self->items, position) = self->map_func (g_list_model_get_item (self->model, position),
                                                                self->user_data);
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
csn_map_list_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = csn_map_list_model_get_item_type;
  iface->get_n_items = csn_map_list_model_get_n_items;
  iface->get_item = csn_map_list_model_get_item;
}

static void
unref_item (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static void
on_items_changed_cb (CsnMapListModel *self,
                     guint            position,
                     guint            removed,
                     guint            added,
                     GListModel      *model)
{
  if (removed > 0)
    g_ptr_array_remove_range (self->items, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (self->items, (int) (position + i), NULL);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
csn_map_list_model_dispose (GObject *object)
{
  CsnMapListModel *self = CSN_MAP_LIST_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  if (self->items != NULL)
    g_ptr_array_set_size (self->items, 0);

  G_OBJECT_CLASS (csn_map_list_model_parent_class)->dispose (object);
}

static void
csn_map_list_model_finalize (GObject *object)
{
  g_clear_pointer (&CSN_MAP_LIST_MODEL (object)->items, g_ptr_array_unref);

  G_OBJECT_CLASS (csn_map_list_model_parent_class)->finalize (object);
}

static void
csn_map_list_model_class_init (CsnMapListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = csn_map_list_model_dispose;
  object_class->finalize = csn_map_list_model_finalize;
}

static void
csn_map_list_model_init (CsnMapListModel *self)
{
  self->items = g_ptr_array_new_with_free_func (unref_item);
}

/**
 * csn_map_list_model_new:
 * @model: (transfer full): the list mapped
 * @item_type: the type of the items @map_func makes
 * @map_func: makes the item shown for an item of @model
 * @user_data: (nullable): for @map_func, which must not outlive it
 */
CsnMapListModel *
csn_map_list_model_new (GListModel          *model,
                        GType                item_type,
                        CsnMapListModelFunc  map_func,
                        gpointer             user_data)
{
  CsnMapListModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (map_func != NULL, NULL);

  self = g_object_new (CSN_TYPE_MAP_LIST_MODEL, NULL);
  self->model = model;
  self->item_type = item_type;
  self->map_func = map_func;
  self->user_data = user_data;
  g_ptr_array_set_size (self->items, (int) g_list_model_get_n_items (model));
  g_signal_connect_object (model, "items-changed", G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}
