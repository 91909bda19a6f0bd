/* csn-cell-factory.h: list item factories that make, bind and unbind the editable cells of a column. */
#pragma once

#include <gtk/gtk.h>

#include "csn-cell.h"

G_BEGIN_DECLS

GtkListItemFactory *csn_cell_factory_new        (GObject             *page,
                                                 GType                cell_type,
                                                 const char          *first_property_name,
                                                 ...) G_GNUC_NULL_TERMINATED;
void                csn_cell_factory_set_column (GtkColumnViewColumn *column,
                                                 GObject             *page,
                                                 GType                cell_type,
                                                 const char          *first_property_name,
                                                 ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
