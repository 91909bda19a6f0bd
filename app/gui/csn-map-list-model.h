/* csn-map-list-model.h: a list of items made from another list's, each when first asked for, in order. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CSN_TYPE_MAP_LIST_MODEL (csn_map_list_model_get_type ())

G_DECLARE_FINAL_TYPE (CsnMapListModel, csn_map_list_model, CSN, MAP_LIST_MODEL, GObject)

/**
 * CsnMapListModelFunc:
 * @item: (transfer full): an item of the model mapped
 *
 * Returns: (transfer full): the item shown in its place
 */
typedef gpointer (*CsnMapListModelFunc) (gpointer item,
                                         gpointer user_data);

CsnMapListModel *csn_map_list_model_new (GListModel          *model,
                                         GType                item_type,
                                         CsnMapListModelFunc  map_func,
                                         gpointer             user_data);

G_END_DECLS
