/* csn-renderer.h: which of GTK's renderers draws Consenso's windows. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean csn_renderer_prefer_cairo_on_software_gl (GdkDisplay *display);

G_END_DECLS
