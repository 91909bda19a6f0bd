/* csn-text-cell.h: a one-line text field of an item, committed on Enter or when focus leaves. */
#pragma once

#include "csn-cell.h"

G_BEGIN_DECLS

#define CSN_TYPE_TEXT_CELL (csn_text_cell_get_type ())

G_DECLARE_FINAL_TYPE (CsnTextCell, csn_text_cell, CSN, TEXT_CELL, CsnCell)

GtkWidget *csn_text_cell_new (const char *property);

G_END_DECLS
