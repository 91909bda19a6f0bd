/* csn-check-cell.h: a check button that says whether a key is in a list field of an item. */
#pragma once

#include "csn-cell.h"

G_BEGIN_DECLS

#define CSN_TYPE_CHECK_CELL (csn_check_cell_get_type ())

G_DECLARE_FINAL_TYPE (CsnCheckCell, csn_check_cell, CSN, CHECK_CELL, CsnCell)

GtkWidget      *csn_check_cell_new        (const char   *property,
                                           const char   *key);
const char     *csn_check_cell_get_key    (CsnCheckCell *self);
void            csn_check_cell_set_key    (CsnCheckCell *self,
                                           const char   *key);
void            csn_check_cell_set_text   (CsnCheckCell *self,
                                           const char   *text);
GtkCheckButton *csn_check_cell_get_button (CsnCheckCell *self);

G_END_DECLS
