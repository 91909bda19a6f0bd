/* csn-date-row.h: a date in a boxed list, typed in the user's locale or chosen on a calendar beside it. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CSN_TYPE_DATE_ROW (csn_date_row_get_type ())

G_DECLARE_FINAL_TYPE (CsnDateRow, csn_date_row, CSN, DATE_ROW, AdwEntryRow)

GtkWidget  *csn_date_row_new      (void);
const char *csn_date_row_get_date (CsnDateRow *self);
void        csn_date_row_set_date (CsnDateRow *self,
                                   const char *date);
gboolean    csn_date_row_commit   (CsnDateRow *self);

G_END_DECLS
