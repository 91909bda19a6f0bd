/* csn-enum-cell.h: a drop-down over the translated labels of an enumeration field. */
#pragma once

#include "csn-cell.h"

G_BEGIN_DECLS

#define CSN_TYPE_ENUM_CELL (csn_enum_cell_get_type ())

G_DECLARE_FINAL_TYPE (CsnEnumCell, csn_enum_cell, CSN, ENUM_CELL, CsnCell)

GtkWidget   *csn_enum_cell_new           (GType        enum_type,
                                          const char  *property);
GtkDropDown *csn_enum_cell_get_drop_down (CsnEnumCell *self);

G_END_DECLS
