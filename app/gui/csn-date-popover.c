/* csn-date-popover.c: a calendar in a popover, with "No Date". Its owner shows the field's date
 * when it opens; a day chosen, or No Date, is said by ::chosen and closes the popover. */
#define G_LOG_DOMAIN "csn-date-popover"

#include "config.h"

#include "csn-date-popover.h"
#include "csn-date-text.h"

struct _CsnDatePopover
{
  GtkPopover   parent_instance;

  GtkCalendar *calendar;
  gboolean     showing_date;  /* the calendar is being set, not chosen from */
};

G_DEFINE_FINAL_TYPE (CsnDatePopover, csn_date_popover, GTK_TYPE_POPOVER)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_day_selected_cb (CsnDatePopover *self,
                    GtkCalendar    *calendar)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *date = NULL;

  if (self->showing_date)
    return;
  date = g_date_time_format (day, "%Y-%m-%d");
  g_signal_emit (self, signals[CHOSEN], 0, date);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_no_date_clicked_cb (CsnDatePopover *self,
                       GtkButton      *button)
{
  g_signal_emit (self, signals[CHOSEN], 0, NULL);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
csn_date_popover_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CSN_TYPE_DATE_POPOVER);

  G_OBJECT_CLASS (csn_date_popover_parent_class)->dispose (object);
}

static void
csn_date_popover_class_init (CsnDatePopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = csn_date_popover_dispose;

  /**
   * CsnDatePopover::chosen:
   * @date: (nullable): the day chosen, YYYY-MM-DD, or %NULL for No Date
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/consenso/Consenso/ui/csn-date-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, CsnDatePopover, calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_no_date_clicked_cb);
}

static void
csn_date_popover_init (CsnDatePopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
csn_date_popover_new (void)
{
  return g_object_new (CSN_TYPE_DATE_POPOVER, NULL);
}

/* The calendar on @date (YYYY-MM-DD), else on today; nothing is chosen by it. */
void
csn_date_popover_show_date (CsnDatePopover *self,
                            const char     *date)
{
  g_autoptr(GDateTime) day = NULL;

  g_return_if_fail (CSN_IS_DATE_POPOVER (self));

  day = csn_date_text_to_date_time (date);
  if (day == NULL)
    day = g_date_time_new_now_local ();
  self->showing_date = TRUE;
  gtk_calendar_select_day (self->calendar, day);
  self->showing_date = FALSE;
}

GtkCalendar *
csn_date_popover_get_calendar (CsnDatePopover *self)
{
  g_return_val_if_fail (CSN_IS_DATE_POPOVER (self), NULL);

  return self->calendar;
}
