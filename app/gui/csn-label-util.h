/* csn-label-util.h: wrapping labels that GTK 4.8 can measure without laying their text out letter by letter. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void csn_widget_bound_wrapping_labels (GtkWidget *widget);

G_END_DECLS
