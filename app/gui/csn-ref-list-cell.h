/* csn-ref-list-cell.h: the items of another list a field names, as a button that opens them with check buttons. */
#pragma once

#include "csn-cell.h"

G_BEGIN_DECLS

#define CSN_TYPE_REF_LIST_CELL (csn_ref_list_cell_get_type ())

G_DECLARE_FINAL_TYPE (CsnRefListCell, csn_ref_list_cell, CSN, REF_LIST_CELL, CsnCell)

GtkWidget  *csn_ref_list_cell_new         (const char     *property,
                                           CsnCollection   target);
const char *csn_ref_list_cell_get_summary (CsnRefListCell *self);
void        csn_ref_list_cell_popup       (CsnRefListCell *self);

G_END_DECLS
