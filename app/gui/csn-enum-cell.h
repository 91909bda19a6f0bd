/* csn-enum-cell.h: a cell showing the translated label of an enumeration field, chosen from its labels. */
#pragma once

#include "csn-choice-cell.h"

G_BEGIN_DECLS

#define CSN_TYPE_ENUM_CELL (csn_enum_cell_get_type ())

G_DECLARE_FINAL_TYPE (CsnEnumCell, csn_enum_cell, CSN, ENUM_CELL, CsnChoiceCell)

GtkWidget   *csn_enum_cell_new          (GType        enum_type,
                                         const char  *property);
gboolean     csn_enum_cell_select_value (CsnEnumCell *self,
                                         int          value);

G_END_DECLS
