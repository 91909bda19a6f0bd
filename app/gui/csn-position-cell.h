/* csn-position-cell.h: an item's place in its list, with a handle to drag it elsewhere. */
#pragma once

#include "csn-cell.h"

G_BEGIN_DECLS

#define CSN_TYPE_POSITION_CELL (csn_position_cell_get_type ())

G_DECLARE_FINAL_TYPE (CsnPositionCell, csn_position_cell, CSN, POSITION_CELL, CsnCell)

GtkWidget  *csn_position_cell_new      (CsnCollection    collection);

G_END_DECLS
