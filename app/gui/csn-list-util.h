/* csn-list-util.h: what the pages' column views share: cell factories, search, selection, reordering. */
#pragma once

#include <gtk/gtk.h>

#include "csn-cell.h"
#include "csn-draft.h"

G_BEGIN_DECLS

GtkListItemFactory *csn_list_cell_factory_new   (GObject        *page,
                                                 GType           cell_type,
                                                 const char     *first_property_name,
                                                 ...) G_GNUC_NULL_TERMINATED;
void                csn_list_column_set_cells   (GtkColumnViewColumn *column,
                                                 GObject        *page,
                                                 GType           cell_type,
                                                 const char     *first_property_name,
                                                 ...) G_GNUC_NULL_TERMINATED;
CsnCell            *csn_list_find_cell          (GtkWidget      *root,
                                                 CsnItem        *item,
                                                 const char     *property);
char               *csn_list_fold_text          (const char     *text);
gboolean            csn_list_item_matches       (CsnItem        *item,
                                                 const char     *folded_needle,
                                                 const char * const *properties);
guint               csn_list_find_item          (GListModel     *model,
                                                 gpointer        item);
gboolean            csn_list_select_item        (GtkSingleSelection *selection,
                                                 gpointer        item);
void                csn_list_enable_drop        (GtkWidget      *column_view,
                                                 GObject        *page,
                                                 CsnCollection   collection);
gboolean            csn_list_move_item          (CsnDraft       *draft,
                                                 CsnCollection   collection,
                                                 CsnItem        *item,
                                                 int             delta);
const char         *csn_list_get_focus_property (GtkWidget      *widget);
void                csn_list_refilter_later     (GtkFilter      *filter);
void                csn_list_reveal_cell        (GtkWidget      *column_view,
                                                 GtkSingleSelection *selection,
                                                 CsnItem        *item,
                                                 const char     *property);

G_END_DECLS
