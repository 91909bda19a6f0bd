/* csn-quota-cell.h: a delegation's size against its country's quota, with a warning when it is over. */
#pragma once

#include "csn-cell.h"

G_BEGIN_DECLS

#define CSN_TYPE_QUOTA_CELL (csn_quota_cell_get_type ())

G_DECLARE_FINAL_TYPE (CsnQuotaCell, csn_quota_cell, CSN, QUOTA_CELL, CsnCell)

GtkWidget  *csn_quota_cell_new         (void);
const char *csn_quota_cell_get_text    (CsnQuotaCell *self);
GtkWidget  *csn_quota_cell_get_warning (CsnQuotaCell *self);

G_END_DECLS
