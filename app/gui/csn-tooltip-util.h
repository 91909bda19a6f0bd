/* csn-tooltip-util.h: tooltips that cost nothing until they are shown. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        csn_widget_set_tooltip_lazily (GtkWidget  *widget,
                                           const char *text);
const char *csn_widget_get_lazy_tooltip   (GtkWidget  *widget);
const char *csn_widget_get_any_tooltip    (GtkWidget  *widget);

G_END_DECLS
