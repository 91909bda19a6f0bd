/* csn-text-area-cell.h: a multi-line text field of an item, committed when focus leaves. */
#pragma once

#include "csn-cell.h"

G_BEGIN_DECLS

#define CSN_TYPE_TEXT_AREA_CELL (csn_text_area_cell_get_type ())

G_DECLARE_FINAL_TYPE (CsnTextAreaCell, csn_text_area_cell, CSN, TEXT_AREA_CELL, CsnCell)

GtkWidget *csn_text_area_cell_new (const char *property);

G_END_DECLS
