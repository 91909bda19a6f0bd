/* csn-date-popover.h: a calendar in a popover, with "No Date", for the fields that hold a date. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CSN_TYPE_DATE_POPOVER (csn_date_popover_get_type ())

G_DECLARE_FINAL_TYPE (CsnDatePopover, csn_date_popover, CSN, DATE_POPOVER, GtkPopover)

GtkWidget   *csn_date_popover_new          (void);
void         csn_date_popover_show_date    (CsnDatePopover *self,
                                            const char     *date);
GtkCalendar *csn_date_popover_get_calendar (CsnDatePopover *self);

G_END_DECLS
