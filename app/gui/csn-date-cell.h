/* csn-date-cell.h: a date field, typed in the user's locale or chosen on a calendar; invalid input is marked and not committed. */
#pragma once

#include "csn-cell.h"

G_BEGIN_DECLS

#define CSN_TYPE_DATE_CELL (csn_date_cell_get_type ())

G_DECLARE_FINAL_TYPE (CsnDateCell, csn_date_cell, CSN, DATE_CELL, CsnCell)

GtkWidget   *csn_date_cell_new          (const char  *property);
GtkEntry    *csn_date_cell_get_entry    (CsnDateCell *self);
GtkCalendar *csn_date_cell_get_calendar (CsnDateCell *self);

G_END_DECLS
