/* csn-column-view-util.h: what the pages' column views share: finding and moving rows, dropping a dragged row, revealing a cell, scrolling to the selected row. */
#pragma once

#include <gtk/gtk.h>

#include "csn-cell.h"
#include "csn-draft.h"

G_BEGIN_DECLS

guint       csn_column_view_find_item          (GListModel         *model,
                                                gpointer            item);
gboolean    csn_column_view_move_item          (CsnDraft           *draft,
                                                CsnCollection       collection,
                                                CsnItem            *item,
                                                int                 delta);
void        csn_column_view_enable_drop        (GtkWidget          *column_view,
                                                GObject            *page,
                                                CsnCollection       collection);
void        csn_column_view_reveal_cell        (GtkWidget          *column_view,
                                                GtkSingleSelection *selection,
                                                CsnItem            *item,
                                                const char         *property);
const char *csn_column_view_get_focus_property (GtkWidget          *widget);
void        csn_column_view_scroll_to_selected (GtkWidget          *column_view,
                                                GtkSingleSelection *selection);
void        csn_column_view_cancel_after_layout (GtkWidget         *column_view);

G_END_DECLS
