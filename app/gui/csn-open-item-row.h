/* csn-open-item-row.h: a row of the Overview's Still Open list: what is open, and under it where. */
#pragma once

#include <adwaita.h>

#include "csn-problem.h"

G_BEGIN_DECLS

#define CSN_TYPE_OPEN_ITEM_ROW (csn_open_item_row_get_type ())

G_DECLARE_FINAL_TYPE (CsnOpenItemRow, csn_open_item_row, CSN, OPEN_ITEM_ROW, AdwBin)

GtkWidget *csn_open_item_row_new         (void);
void       csn_open_item_row_set_problem (CsnOpenItemRow *self,
                                          CsnProblem     *problem);

G_END_DECLS
